//! The cases of tests/cmd/ as data, run by trycmd: one `NAME.toml` per command (its arguments
//! and environment), `NAME.stdout` and `NAME.stderr` with the whole expected output, the exit
//! code in `status.code`; `NAME.in/` and `NAME.out/` for a command that changes files.
//! `TRYCMD=overwrite cargo test --test cli cases` rewrites the expectations from the binary
//! (read the diff: it must be what a user should see).

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::support::{ROOT, Test, recorded_as, removed, removed_as};

/// Every case file under tests/cmd/, sorted.
fn case_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(ROOT).join("tests/cmd")];
    while let Some(dir) = dirs.pop() {
        for e in fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            let is_fixture = path
                .extension()
                .is_some_and(|x| x == "in" || x == "out" || x == "after");
            if path.is_dir() && !is_fixture {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn case(path: &Path) -> toml::Table {
    fs::read_to_string(path)
        .unwrap()
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn cmd_cases() {
    let cases = trycmd::TestCases::new();
    cases
        .default_bin_name("pledge")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
    for dir in ["bad", "corpus", "folders", "done", "help"] {
        cases.case(format!("tests/cmd/{dir}/*.toml"));
    }
    cases.run();
}

/// A case must pin the whole output and see nothing of the caller's environment: trycmd
/// leaves a stream unchecked when its file is missing, and inherits the environment unless
/// told not to.
#[test]
fn every_case_pins_its_whole_output_in_a_clean_environment() {
    let files = case_files();
    assert!(files.len() >= 51, "{} cases", files.len());
    for path in files {
        let name = path.display();
        for ext in ["stdout", "stderr"] {
            assert!(
                path.with_extension(ext).is_file(),
                "{name}: no .{ext}; create it empty and run TRYCMD=overwrite"
            );
        }
        let case = case(&path);
        assert_eq!(
            case.get("env").and_then(|e| e.get("inherit")),
            Some(&toml::Value::Boolean(false)),
            "{name}: needs [env] inherit = false"
        );
        assert!(
            case.get("status").and_then(|s| s.get("code")).is_some(),
            "{name}: needs status.code"
        );
        // Without it trycmd turns every `\` of the output into `/` (path normalisation).
        assert_eq!(
            case.get("binary"),
            Some(&toml::Value::Boolean(true)),
            "{name}: needs binary = true, so that the output is compared byte for byte"
        );
    }
    for dir in ["bad", "corpus"] {
        let covered = Path::new(ROOT).join("tests").join(dir);
        for e in fs::read_dir(&covered).unwrap() {
            let stem = e.unwrap().path().file_stem().unwrap().to_owned();
            let case = Path::new(ROOT)
                .join("tests/cmd")
                .join(dir)
                .join(&stem)
                .with_extension("toml");
            assert!(
                case.is_file(),
                "tests/{dir}/{stem:?} has no case in tests/cmd/{dir}/"
            );
        }
    }
}

/// The files of a folder and their bytes, sorted by name.
fn folder(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != ".pledge.lock")
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Each case of tests/cmd/done/, byte for byte and whole folder: `done` in a copy of `NAME.in/`
/// leaves exactly `NAME.after/`, only an addition at the end of the file; then `undo` gives
/// back `NAME.in/`. UPDATE_SNAPSHOTS=1 writes `NAME.after/`. (The folder of the result is not named `.out/`: trycmd compares those
/// with `\` turned into `/`, and rewrites them so under TRYCMD=overwrite.)
#[test]
fn done_cases_byte_for_byte_and_undo() {
    let mut n = 0;
    for path in case_files() {
        if path.parent().unwrap().file_name().unwrap() != "done" {
            continue;
        }
        let name = path.display().to_string();
        let args: Vec<String> = case(&path)["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_owned())
            .collect();
        let before = folder(&path.with_extension("in"));
        let expected = folder(&path.with_extension("after"));
        let tmp = TempDir::new().unwrap();
        for (file, bytes) in &before {
            fs::write(tmp.path().join(file), bytes).unwrap();
        }
        let pledge = || {
            Test::new()
                .env_remove("PLEDGE_USER")
                .env("PLEDGE_DIR", tmp.path())
                .env("PLEDGE_AS_OF", "2026-11-22")
        };
        pledge().args(&args).stdout_is(recorded_as(&args[0])).run();
        let after = folder(tmp.path());
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            let dir = path.with_extension("after");
            for (file, bytes) in &after {
                fs::write(dir.join(file), bytes).unwrap();
            }
        }
        for ((file, got), (_, want)) in after.iter().zip(&expected) {
            assert_eq!(
                String::from_utf8_lossy(got),
                String::from_utf8_lossy(want),
                "{name}: {file}"
            );
        }
        assert_eq!(after, expected, "{name}");
        assert_eq!(before.len(), 1, "{name}: one file in .in/");
        assert!(
            after[0].1.starts_with(&before[0].1),
            "{name}: only an addition at the end"
        );
        if args[0] == "done" {
            // `done --by X` wrote someone else's entry (the user is git's user.name or the
            // login): undo removes it only when it is named.
            let arg = |flag: &str| &args[args.iter().position(|a| a == flag).unwrap() + 1];
            pledge()
                .args(["undo", &args[1]])
                .status(1)
                .stderr_is(predicates::str::contains("name the one to remove"))
                .run();
            assert_eq!(
                folder(tmp.path()),
                after,
                "{name}: a refused undo writes nothing"
            );
            pledge()
                .args([
                    "undo",
                    &args[1],
                    "--date",
                    arg("--date"),
                    "--activity",
                    &args[2],
                ])
                .stdout_is(removed())
                .stderr_is(predicates::str::contains(format!(
                    "removing {}'s entry of {} (",
                    arg("--by"),
                    arg("--date")
                )))
                .run();
        } else {
            // A measurement or verdict is removed by the one who recorded it.
            let by = &args[args.iter().position(|a| a == "--by").unwrap() + 1];
            pledge()
                .args(["undo", &args[1], "--by", by])
                .stdout_is(removed_as(&args[0]))
                .run();
        }
        assert_eq!(
            folder(tmp.path()),
            before,
            "{name}: undo restores the bytes"
        );
        n += 1;
    }
    assert_eq!(n, 9); // done, and measure and verdict (issue 13)
}

/// A file of tests/snapshots/ that no test names is a leftover that would never be compared.
/// Tests name their snapshots whole (`snapshot("status-all-2016-10-16-en.txt", ...)`, or in a
/// table of whole names), so a name is used when it appears as a string literal in a test.
#[test]
fn every_snapshot_is_used() {
    let mut sources = String::new();
    for e in fs::read_dir(Path::new(ROOT).join("tests/cli")).unwrap() {
        let path = e.unwrap().path();
        if path.file_name().unwrap() != "cases.rs" {
            sources.push_str(&fs::read_to_string(path).unwrap());
        }
    }
    let mut orphans = Vec::new();
    for e in fs::read_dir(Path::new(ROOT).join("tests/snapshots")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if !sources.contains(&format!("\"{name}\"")) {
            orphans.push(name);
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshots that no test uses: {orphans:?}"
    );
}
