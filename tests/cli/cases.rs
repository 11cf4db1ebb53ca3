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

/// A case of tests/cmd/done/: its file, its arguments, and the folders before and after.
struct DoneCase {
    name: String,
    args: Vec<String>,
    before: Vec<(String, Vec<u8>)>,
    expected: Vec<(String, Vec<u8>)>,
    path: PathBuf,
}

impl DoneCase {
    /// The value after `flag` in the case's arguments.
    fn arg(&self, flag: &str) -> &str {
        &self.args[self.args.iter().position(|a| a == flag).unwrap() + 1]
    }
}

/// Every case of tests/cmd/done/ (`done`, and `measure` and `verdict`: issue 13).
fn done_cases() -> Vec<DoneCase> {
    let cases: Vec<DoneCase> = case_files()
        .into_iter()
        .filter(|p| p.parent().unwrap().file_name().unwrap() == "done")
        .map(|path| DoneCase {
            name: path.display().to_string(),
            args: case(&path)["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_owned())
                .collect(),
            before: folder(&path.with_extension("in")),
            expected: folder(&path.with_extension("after")),
            path,
        })
        .collect();
    assert_eq!(cases.len(), 9);
    cases
}

/// pledge on the folder `dir`, as the case files run it.
fn pledge_on(dir: &Path) -> Test {
    Test::new()
        .env_remove("PLEDGE_USER")
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", "2026-11-22")
}

/// A copy of the case's `.in/` with the case's command run on it.
fn run_case(c: &DoneCase) -> TempDir {
    assert_eq!(c.before.len(), 1, "{}: one file in .in/", c.name);
    let tmp = TempDir::new().unwrap();
    for (file, bytes) in &c.before {
        fs::write(tmp.path().join(file), bytes).unwrap();
    }
    pledge_on(tmp.path())
        .args(&c.args)
        .stdout_is(recorded_as(&c.args[0]))
        .run();
    tmp
}

/// Each case of tests/cmd/done/, byte for byte and whole folder: the command in a copy of
/// `NAME.in/` leaves exactly `NAME.after/`, only an addition at the end of the file.
/// UPDATE_SNAPSHOTS=1 writes `NAME.after/`. (The folder of the result is not named `.out/`:
/// trycmd compares those with `\` turned into `/`, and rewrites them so under
/// TRYCMD=overwrite.)
#[test]
fn done_cases_leave_exactly_their_after_folder() {
    for c in done_cases() {
        let tmp = run_case(&c);
        let after = folder(tmp.path());
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            let dir = c.path.with_extension("after");
            for (file, bytes) in &after {
                fs::write(dir.join(file), bytes).unwrap();
            }
        }
        for ((file, got), (_, want)) in after.iter().zip(&c.expected) {
            assert_eq!(
                String::from_utf8_lossy(got),
                String::from_utf8_lossy(want),
                "{}: {file}",
                c.name
            );
        }
        assert_eq!(after, c.expected, "{}", c.name);
        assert!(
            after[0].1.starts_with(&c.before[0].1),
            "{}: only an addition at the end",
            c.name
        );
    }
}

/// `done --by X` wrote someone else's entry (the user is git's user.name or the login):
/// `undo` removes it only when it is named, and a refused undo writes nothing.
#[test]
fn an_undo_of_someone_elses_entry_is_refused_until_it_is_named() {
    for c in done_cases().into_iter().filter(|c| c.args[0] == "done") {
        let tmp = run_case(&c);
        pledge_on(tmp.path())
            .args(["undo", &c.args[1]])
            .status(1)
            .stderr_is(predicates::str::contains("name the one to remove"))
            .run();
        assert_eq!(
            folder(tmp.path()),
            c.expected,
            "{}: a refused undo writes nothing",
            c.name
        );
    }
}

/// Then `undo` gives back `NAME.in/` byte for byte: a work entry named by its date and
/// activity, a measurement or verdict by the one who recorded it.
#[test]
fn done_cases_are_undone_back_to_their_in_folder() {
    for c in done_cases() {
        let tmp = run_case(&c);
        if c.args[0] == "done" {
            pledge_on(tmp.path())
                .args([
                    "undo",
                    &c.args[1],
                    "--date",
                    c.arg("--date"),
                    "--activity",
                    &c.args[2],
                ])
                .stdout_is(removed())
                .stderr_is(predicates::str::contains(format!(
                    "removing {}'s entry of {} (",
                    c.arg("--by"),
                    c.arg("--date")
                )))
                .run();
        } else {
            pledge_on(tmp.path())
                .args(["undo", &c.args[1], "--by", c.arg("--by")])
                .stdout_is(removed_as(&c.args[0]))
                .run();
        }
        assert_eq!(
            folder(tmp.path()),
            c.before,
            "{}: undo restores the bytes",
            c.name
        );
    }
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
