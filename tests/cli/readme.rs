//! Every command of every ```sh block of the README runs as written (issue 28), in a scratch
//! copy of the files it names, with `pledge` on PATH.
//!
//! The exceptions, each for a stated reason:
//! - `cargo run --release --` is run as `pledge` (this test's build of the same program);
//!   `cargo test` is this suite, and `cargo build --release && alias ...` what puts `pledge`
//!   on PATH, so neither runs again.
//! - `bash examples/bench.sh` builds and runs the benchmark for minutes: run by hand (as is
//!   `bench-adversarial`).
//! - `/tmp/` is a scratch folder and `~` a scratch home, so nothing outside the test is
//!   touched; the git block runs in a scratch `git init` (skipped when git is missing).

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::ROOT;

/// The ```sh blocks of the README, each as its lines, comments and blank lines kept out.
fn sh_blocks(readme: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut block: Option<Vec<String>> = None;
    for line in readme.lines() {
        let t = line.trim();
        match &mut block {
            None if t == "```sh" => block = Some(Vec::new()),
            None => {}
            Some(b) if t == "```" => {
                blocks.push(std::mem::take(b));
                block = None;
            }
            Some(b) if !t.is_empty() && !t.starts_with('#') => b.push(t.to_string()),
            Some(_) => {}
        }
    }
    blocks
}

/// The line as this test runs it, or None for the exceptions above.
fn as_run(line: &str, tmp: &Path) -> Option<String> {
    let skipped = [
        "cargo test",
        "cargo build --release",
        "bash examples/bench.sh",
        "target/release/examples/bench-adversarial",
    ];
    if skipped.iter().any(|s| line.starts_with(s)) {
        return None;
    }
    Some(
        line.replace("cargo run --release -- ", "pledge ")
            .replace("/tmp/", &format!("{}/", tmp.display())),
    )
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            copy(&e.path(), &to.join(e.file_name()));
        }
    } else {
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(from, to).unwrap();
    }
}

#[test]
fn every_command_of_the_readme_runs_as_written() {
    let readme = fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let blocks = sh_blocks(&readme);
    assert!(blocks.len() >= 6, "{blocks:?}");
    let scratch = tempfile::tempdir().unwrap();
    let (repo, home, tmp, bin) = (
        scratch.path().join("repo"),
        scratch.path().join("home"),
        scratch.path().join("tmp"),
        scratch.path().join("bin"),
    );
    for d in [&home, &tmp, &bin] {
        fs::create_dir_all(d).unwrap();
    }
    for path in ["pledges", "examples/indicators", "tests/import/cases"] {
        copy(&Path::new(ROOT).join(path), &repo.join(path));
    }
    let pledge = assert_cmd::cargo::cargo_bin("pledge");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&pledge, bin.join("pledge")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let git = Command::new("git").arg("--version").output().is_ok();
    if git {
        let init = Command::new("git")
            .args(["init", "-q"])
            .current_dir(&repo)
            .status();
        assert!(init.is_ok_and(|s| s.success()));
    }
    let mut ran = 0;
    for line in blocks.iter().flatten() {
        let Some(cmd) = as_run(line, &tmp) else {
            continue;
        };
        if cmd.starts_with("git ") && !git {
            eprintln!("git is missing: not run: {cmd}");
            continue;
        }
        let out = Command::new("bash")
            .args(["-c", &cmd])
            .env_clear()
            .env("PATH", &path)
            .env("HOME", &home)
            .env("LANG", "C.UTF-8")
            .env("PLEDGE_USER", "Test User")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .current_dir(&repo)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stderr.contains("error"),
            "README line `{line}` (run as `{cmd}`) failed with {}:\n{stderr}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout)
        );
        ran += 1;
    }
    assert!(ran >= 25, "only {ran} README commands ran");
    // What the lines wrote is there.
    for f in [
        "rapport.html",
        "loften.ics",
        "status.xlsx",
        "pledges/pledge.schema.json",
    ] {
        assert!(repo.join(f).is_file(), "{f}");
    }
    assert!(tmp.join("site/index.html").is_file());
    assert!(home.join(".local/share/man/man1/pledge.1").is_file());
}
