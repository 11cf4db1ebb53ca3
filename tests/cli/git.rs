//! A team on git: real clones of one bare repository, set up with `pledge git setup`; what
//! reaches the shared branch keeps every entry, or the check names what was lost.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test};

/// A bare repository `origin.git` and its clones, in a temporary folder.
struct Team {
    tmp: TempDir,
}

/// The folder holding git, and the system's: a PATH such as a GUI client or cron gives, with
/// no pledge on it.
fn bare_path() -> String {
    let git_dir = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .find(|d| d.join("git").is_file())
        .expect("git on the PATH");
    let path = format!("{}:/usr/bin:/bin", git_dir.display());
    for d in path.split(':') {
        assert!(!Path::new(d).join("pledge").exists(), "pledge in {d}");
    }
    path
}

impl Team {
    fn new() -> Team {
        let team = Team {
            tmp: TempDir::new().unwrap(),
        };
        run_git(
            team.root(),
            "T",
            &["init", "-q", "--bare", "-b", "main", "origin.git"],
        );
        team
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    fn clone(&self, name: &str) -> PathBuf {
        run_git(self.root(), "T", &["clone", "-q", "origin.git", name]);
        let dir = self.root().join(name);
        run_git(&dir, "T", &["symbolic-ref", "HEAD", "refs/heads/main"]);
        dir
    }
}

/// git as `author`, with a clean environment and the given PATH.
fn git_as(dir: &Path, author: &str, path: &str, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", path)
        .env("LANG", "C.UTF-8")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", "a@example.org")
        .env("GIT_COMMITTER_NAME", author)
        .env("GIT_COMMITTER_EMAIL", "a@example.org")
        .output()
        .unwrap()
}

fn run_git(dir: &Path, author: &str, args: &[&str]) -> Output {
    let out = git_as(
        dir,
        author,
        &std::env::var("PATH").unwrap_or_default(),
        args,
    );
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `pledge` in a clone, as a person, with a bare PATH.
fn pledge(dir: &Path, user: &str) -> Test {
    Test::new()
        .current_dir(dir)
        .env("PATH", bare_path())
        .env("HOME", dir)
        .env("PLEDGE_USER", user)
        .env("PLEDGE_AS_OF", "2020-01-01")
}

/// Records a walk on Filipstad's (or another kommun's) löfte and commits it.
fn record(dir: &Path, user: &str, kommun: &str, activity: &str, date: &str, note: &str) {
    pledge(dir, user)
        .args([
            "-q", "done", kommun, activity, "--date", date, "--note", note,
        ])
        .run();
    run_git(dir, user, &["commit", "-qam", note]);
}

fn notes(file: &Path) -> Vec<String> {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("note = "))
        .map(str::to_string)
        .collect()
}

/// The first clone with Alvesta's löfte in the folder (written with CRLF line endings) and
/// Filipstad's in a subfolder, set up by `pledge git setup` run from `bin`, and pushed.
fn first_clone(team: &Team, bin: &Path) -> PathBuf {
    let a = team.clone("a");
    fs::create_dir_all(a.join("pledges/varmland")).unwrap();
    let alvesta = fs::read_to_string(Path::new(ROOT).join("pledges/alvesta-2017-2018.toml"))
        .unwrap()
        .replace('\n', "\r\n");
    fs::write(a.join("pledges/alvesta-2017-2018.toml"), alvesta).unwrap();
    fs::copy(
        Path::new(ROOT).join("pledges/filipstad-2016.toml"),
        a.join("pledges/varmland/filipstad-2016.toml"),
    )
    .unwrap();
    setup(&a, bin);
    run_git(&a, "T", &["add", "-A"]);
    run_git(&a, "T", &["commit", "-qm", "löften"]);
    run_git(&a, "T", &["push", "-q", "origin", "main"]);
    a
}

/// `pledge git setup` by the binary at `bin`.
fn setup(dir: &Path, bin: &Path) {
    Test::program(bin)
        .current_dir(dir)
        .env("HOME", dir)
        .args(["-q", "git", "setup"])
        .run();
}

/// A copy of the binary that a test may remove (as when pledge is uninstalled or was never
/// on the PATH git uses).
fn binary_copy(team: &Team) -> PathBuf {
    let bin = team.root().join("bin/pledge");
    fs::create_dir_all(bin.parent().unwrap()).unwrap();
    fs::copy(assert_cmd::cargo::cargo_bin("pledge"), &bin).unwrap();
    bin
}

const ALVESTA: &str = "pledges/alvesta-2017-2018.toml";
const FILIPSTAD: &str = "pledges/varmland/filipstad-2016.toml";

/// Both files changed on both sides: A pushes first, B pulls.
fn both_record(a: &Path, b: &Path) {
    record(
        a,
        "Anna",
        "alvesta",
        "samverkansmoten",
        "2017-03-13",
        "A i Alvesta",
    );
    record(
        a,
        "Anna",
        "filipstad",
        "trygghetsvandring",
        "2016-05-12",
        "A i Filipstad",
    );
    run_git(a, "Anna", &["push", "-q", "origin", "main"]);
    record(
        b,
        "Bo",
        "alvesta",
        "samverkansmoten",
        "2017-03-06",
        "B i Alvesta",
    );
    record(
        b,
        "Bo",
        "filipstad",
        "trygghetsvandring",
        "2016-09-01",
        "B i Filipstad",
    );
}

#[test]
fn a_subfolder_file_and_a_crlf_file_merge_through_the_driver() {
    let team = Team::new();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let a = first_clone(&team, &bin);
    let b = team.clone("b");
    pledge(&b, "Bo")
        .args(["git", "check"])
        .status(1)
        .stdout_is(predicate::str::contains(
            "not set up: this clone has no merge.pledge.driver",
        ))
        .run();
    // Validate says it once, as a warning.
    pledge(&b, "Bo")
        .args(["validate"])
        .stdout_is(
            predicate::str::contains("warning: git: this clone has no merge.pledge.driver")
                .and(predicate::str::ends_with("0 errors, 1 warning\n")),
        )
        .run();
    setup(&b, &bin);
    pledge(&b, "Bo")
        .args(["git", "check"])
        .stdout("set up: 2 pledge files merged by pledge's driver, with git merge-file as its fallback\n")
        .run();
    let attr = run_git(&b, "Bo", &["check-attr", "merge", FILIPSTAD]);
    assert_eq!(
        String::from_utf8_lossy(&attr.stdout),
        format!("{FILIPSTAD}: merge: pledge\n")
    );
    both_record(&a, &b);
    let pull = git_as(
        &b,
        "Bo",
        &bare_path(),
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    assert_eq!(
        notes(&b.join(FILIPSTAD)),
        ["note = \"A i Filipstad\"", "note = \"B i Filipstad\""]
    );
    let alvesta = fs::read_to_string(b.join(ALVESTA)).unwrap();
    assert_eq!(
        notes(&b.join(ALVESTA)),
        ["note = \"B i Alvesta\"", "note = \"A i Alvesta\""]
    );
    assert_eq!(
        alvesta.matches('\n').count(),
        alvesta.matches("\r\n").count(),
        "every line ends with CRLF"
    );
    pledge(&b, "Bo")
        .args(["validate"])
        .stdout("2 files checked: 0 errors, 0 warnings\n")
        .run();
    // Setting up again changes nothing and keeps other lines.
    let attributes = fs::read_to_string(b.join(".gitattributes")).unwrap();
    fs::write(
        b.join(".gitattributes"),
        format!("*.png binary\n{attributes}"),
    )
    .unwrap();
    setup(&b, &bin);
    assert_eq!(
        fs::read_to_string(b.join(".gitattributes")).unwrap(),
        "*.png binary\npledges/**/*.toml merge=pledge\n"
    );
    assert_eq!(
        fs::read_to_string(b.join(".gitignore")).unwrap(),
        ".pledge.lock\n.pledge-*.tmp\n.pledge-index\n"
    );
}

#[test]
fn without_the_binary_a_pull_leaves_conflict_markers_that_validate_names() {
    let team = Team::new();
    let bin = binary_copy(&team);
    let a = first_clone(&team, &bin);
    let b = team.clone("b");
    setup(&b, &bin);
    both_record(&a, &b);
    fs::remove_file(&bin).unwrap();
    let pull = git_as(
        &b,
        "Bo",
        &bare_path(),
        &["pull", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(!pull.status.success());
    let err = String::from_utf8_lossy(&pull.stderr);
    assert!(
        err.contains("git merge-file marks the conflict instead"),
        "{err}"
    );
    for file in [ALVESTA, FILIPSTAD] {
        let text = fs::read_to_string(b.join(file)).unwrap();
        assert!(
            text.contains("<<<<<<< ours") && text.contains(">>>>>>> theirs"),
            "{text}"
        );
        // Both sides' entries are in the file, between the markers.
        assert_eq!(notes(&b.join(file)).len(), 2, "{text}");
    }
    pledge(&b, "Bo")
        .args(["validate"])
        .status(1)
        .stdout_is(
            predicate::str::contains("error: resolve the merge conflict: `<<<<<<<`")
                .and(predicate::str::contains("merge.pledge.driver runs "))
                .and(predicate::str::contains("which is not there")),
        )
        .run();
    pledge(&b, "Bo")
        .args(["status", "filipstad", "--as-of", "2016-10-16"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "pledge: error: the folder has no löfte for Filipstad\n  note: pledges/varmland/filipstad-2016.toml may hold it but cannot be read: conflict markers at lines ",
        ))
        .run();
}

/// A forge merges by lines, without the driver: the request conflicts, and a conflict
/// resolved by taking one side loses the other's entry, which the CI check names.
#[test]
fn a_forge_style_merge_that_loses_an_entry_is_caught() {
    let team = Team::new();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let a = first_clone(&team, &bin);
    let b = team.clone("b");
    setup(&b, &bin);
    // B works on a branch for a pull request; A's work reaches main first.
    run_git(&b, "Bo", &["checkout", "-q", "-b", "request"]);
    both_record(&a, &b);
    run_git(&b, "Bo", &["push", "-q", "origin", "request"]);
    // The forge's clone: no driver configured.
    let forge = team.clone("forge");
    run_git(&forge, "F", &["fetch", "-q", "origin"]);
    let ci = |dir: &Path, args: &[&str]| {
        Test::program("sh")
            .current_dir(dir)
            .env("PATH", bare_path())
            .env("HOME", dir)
            .env("PLEDGE", &bin)
            .env("PLEDGE_AS_OF", "2020-01-01")
            .arg(Path::new(ROOT).join("examples/ci/pledge-ci.sh"))
            .args(args)
    };
    ci(&forge, &["request", "origin/main", "origin/request"])
        .status(1)
        .stdout_is(
            predicate::str::contains("conflict: pledges/alvesta-2017-2018.toml").and(
                predicate::str::contains("the forge cannot merge this request"),
            ),
        )
        .stderr_is(predicate::always())
        .run();
    // Someone resolves it in the forge's web editor (a clone without the driver) by taking
    // the target's side, and pushes.
    let web = team.clone("web");
    let before = String::from_utf8(run_git(&web, "F", &["rev-parse", "HEAD"]).stdout).unwrap();
    let merge = git_as(
        &web,
        "F",
        &bare_path(),
        &["merge", "--no-edit", "origin/request"],
    );
    assert!(!merge.status.success(), "a line merge conflicts");
    run_git(&web, "F", &["checkout", "--ours", "--", ALVESTA, FILIPSTAD]);
    run_git(&web, "F", &["commit", "-qam", "Merge request"]);
    run_git(&web, "F", &["push", "-q", "origin", "main"]);
    run_git(
        &forge,
        "F",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    let out = pledge(&forge, "F")
        .args(["verify-merge", "HEAD"])
        .status(1)
        .stdout_is(predicate::always())
        .run()
        .stdout;
    for lost in [
        "pledges/alvesta-2017-2018.toml: log entry of samverkansmoten of 2017-03-06 by Bo dropped by the merge in ",
        "pledges/varmland/filipstad-2016.toml: log entry of trygghetsvandring of 2016-09-01 by Bo dropped by the merge in ",
        "    note = \"B i Filipstad\"",
        "2 entries lost, 0 files no longer valid",
    ] {
        assert!(out.contains(lost), "{lost}\n{out}");
    }
    ci(&forge, &["push", before.trim(), "HEAD"])
        .status(1)
        .stdout_is(predicate::str::contains("2 entries lost"))
        .run();
    // A clone with the driver merges the request without loss, and the check agrees.
    let good = team.clone("good");
    setup(&good, &bin);
    run_git(&good, "Anna", &["reset", "-q", "--hard", before.trim()]);
    run_git(
        &good,
        "Anna",
        &["merge", "-q", "--no-edit", "origin/request"],
    );
    pledge(&good, "Anna")
        .args(["verify-merge", "HEAD"])
        .stdout_is(predicate::str::starts_with("nothing lost ("))
        .run();
    assert_eq!(notes(&good.join(FILIPSTAD)).len(), 2);
}

/// `undo` after a pull removes an entry in a commit of its own: not a loss.
#[test]
fn an_undo_after_a_pull_is_not_reported_as_lost() {
    let team = Team::new();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let a = first_clone(&team, &bin);
    let b = team.clone("b");
    setup(&b, &bin);
    let start = String::from_utf8(run_git(&a, "T", &["rev-parse", "HEAD"]).stdout).unwrap();
    both_record(&a, &b);
    run_git(
        &b,
        "Bo",
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    // Bo undoes his own latest entry (Filipstad's), and Anna's Alvesta entry by name.
    pledge(&b, "Bo").args(["-q", "undo", "filipstad"]).run();
    run_git(&b, "Bo", &["commit", "-qam", "undo"]);
    pledge(&b, "Bo")
        .args([
            "-q",
            "undo",
            "alvesta",
            "--date",
            "2017-03-13",
            "--by",
            "Anna",
        ])
        .run();
    run_git(&b, "Bo", &["commit", "-qam", "undo Anna's"]);
    run_git(&b, "Bo", &["push", "-q", "origin", "main"]);
    pledge(&b, "Bo")
        .args(["verify-merge", start.trim(), "HEAD"])
        .stdout_is(predicate::str::starts_with("nothing lost ("))
        .run();
    assert_eq!(notes(&b.join(FILIPSTAD)), ["note = \"A i Filipstad\""]);
    // Anna pulls: her clone lost nothing the range did not undo.
    run_git(
        &a,
        "Anna",
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    pledge(&a, "Anna")
        .args(["verify-merge", start.trim(), "HEAD"])
        .stdout_is(predicate::str::starts_with("nothing lost ("))
        .run();
}

/// While a file holds conflict markers, every command that would say its kommun has no
/// löfte names the file and the lines instead (issue #22, item 9).
#[test]
fn a_file_with_conflict_markers_is_named_wherever_its_lofte_would_go_missing() {
    let (_tmp, dir) = crate::support::copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let text = fs::read_to_string(&file).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title = "))
        .unwrap()
        .to_string();
    let marked = text.replacen(
        &title,
        &format!("<<<<<<< ours\ntitle = \"Vår\"\n=======\n{title}\n>>>>>>> theirs"),
        1,
    );
    fs::write(&file, &marked).unwrap();
    let line = marked[..marked.find("<<<<<<<").unwrap()].lines().count() + 1;
    let named = format!(
        "filipstad-2016.toml may hold it but cannot be read: conflict markers at lines {}, {} and {}",
        line,
        line + 2,
        line + 4
    );
    let in_dir = || {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2016-10-16")
    };
    for args in [
        &["status", "filipstad"][..],
        &["report", "filipstad"],
        &["calendar", "filipstad"],
        &[
            "done",
            "filipstad",
            "trygg",
            "--date",
            "2016-05-12",
            "--dry-run",
        ],
        &[
            "done",
            "filipstad",
            "uppföljning",
            "--date",
            "2016-10-01",
            "--dry-run",
        ],
        &["undo", "filipstad", "--dry-run"],
        &["measure", "filipstad", "trygghet", "3", "--dry-run"],
        &[
            "verdict",
            "filipstad",
            "trygg",
            "kept",
            "--reason",
            "x",
            "--date",
            "2016-10-01",
        ],
    ] {
        in_dir()
            .args(args)
            .status(1)
            .stderr_is(predicate::str::contains(named.as_str()))
            .run();
    }
    for args in [&["log", "filipstad"][..], &["list"], &["status", "--all"]] {
        in_dir()
            .args(args)
            .status(1)
            .stdout_is(predicate::always())
            .stderr_is(predicate::str::contains(format!(
                "filipstad-2016.toml: conflict markers at lines {line}, "
            )))
            .run();
    }
}

/// The two forges' files run the one script the test suite runs, with the same modes.
#[test]
fn the_forge_files_run_the_tested_script() {
    for file in ["github-workflow.yml", "gitlab-ci.yml"] {
        let text = fs::read_to_string(Path::new(ROOT).join("examples/ci").join(file)).unwrap();
        for mode in ["request", "push", "check", "site"] {
            assert!(
                text.contains(&format!("sh ci/pledge-ci.sh {mode}")),
                "{file}: {mode}"
            );
        }
    }
}
