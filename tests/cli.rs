//! Integration tests through the built binary: every command on the real pledges/ and on the
//! corpus of broken files, each asserting exact output lines and exit codes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary with a clean environment: no PLEDGE_* settings, English, no colour.
fn pledge() -> Command {
    let mut c = Command::cargo_bin("pledge").unwrap();
    for v in [
        "PLEDGE_DIR",
        "PLEDGE_USER",
        "PLEDGE_LANG",
        "PLEDGE_FORMAT",
        "PLEDGE_AS_OF",
        "PLEDGE_COLOR",
        "PLEDGE_QUIET",
        "PLEDGE_WITHIN",
        "PLEDGE_CHECK_FORMAT",
        "LC_ALL",
        "LC_MESSAGES",
        "COLUMNS",
    ] {
        c.env_remove(v);
    }
    c.env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("PLEDGE_USER", "Test User");
    c.current_dir(ROOT);
    c
}

/// A copy of the bundled pledges/ in a temporary folder.
fn copy_pledges() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    for e in fs::read_dir(Path::new(ROOT).join("pledges")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    (tmp, dir)
}

fn stdout_of(c: &mut Command) -> String {
    String::from_utf8(c.output().unwrap().stdout).unwrap()
}

// ---- validate ----------------------------------------------------------------------------

#[test]
fn validate_bundled_pledges() {
    pledge()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "pledges/karlstad-2016-2017.toml:1:1: warning: weak löfte: no follow-up (uppföljning) is given\n",
        ))
        .stdout(predicate::str::ends_with("5 files checked: 0 errors, 1 warning\n"));
}

#[test]
fn validate_finds_pledges_from_a_subfolder_and_by_env() {
    pledge()
        .current_dir(Path::new(ROOT).join("src"))
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "5 files checked: 0 errors, 1 warning\n",
        ));
    let tmp = TempDir::new().unwrap();
    pledge()
        .current_dir(tmp.path())
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .arg("validate")
        .assert()
        .success();
    pledge()
        .current_dir(tmp.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no pledges/ folder here or in any parent",
        ));
}

/// Every broken file: its first diagnostic line, exactly, and exit 1.
#[test]
fn validate_broken_corpus() {
    let cases = [
        (
            "bad-followup-when",
            "15:8: error: unknown follow-up time \"spring\"",
        ),
        (
            "bad-id",
            "9:6: error: activity id \"Trygghets Vandring\" is not a short command-line word",
        ),
        (
            "both-kommun-keys",
            "3:12: error: both `kommun` and `kommuner` are given",
        ),
        (
            "count-zero",
            "12:20: error: target count must be a whole number from 1 to 10000, found 0",
        ),
        (
            "duplicate-id",
            "18:6: error: duplicate activity id \"walk\"",
        ),
        ("duplicate-key", "2:1: error: invalid TOML: duplicate key"),
        (
            "end-before-start",
            "6:7: error: the period ends (2015-12-31) before it starts (2016-01-01)",
        ),
        (
            "impossible-date",
            "6:7: error: invalid TOML: invalid date, expected day between 01 and 29",
        ),
        (
            "log-future",
            "18:8: error: log entry dated in the future (2099-05-01)",
        ),
        (
            "log-inline",
            "3:8: error: log entries must be `[[log]]` tables",
        ),
        (
            "log-outside-period",
            "18:8: error: work on \"walk\" dated 2017-05-01, outside the period 2016-01-01 to 2016-12-31",
        ),
        (
            "log-unknown-activity",
            "19:12: error: log entry for unknown activity \"wakl\"",
        ),
        (
            "malformed-toml",
            "1:14: error: invalid TOML: invalid basic string, expected `\"`",
        ),
        (
            "missing-title",
            "1:1: error: missing required key `title` in the pledge file",
        ),
        ("no-activities", "1:1: error: the pledge has no activities"),
        (
            "not-utf8",
            "1:11: error: the file is not valid UTF-8: invalid byte 0xe4 at byte offset 10",
        ),
        (
            "quoted-date",
            "5:9: error: `start` is a quoted string, not a date",
        ),
        (
            "unknown-key",
            "4:2: error: unknown key `perod` in the pledge file",
        ),
        (
            "unknown-kommun",
            "2:10: error: unknown kommun \"Filipstadt\"",
        ),
        ("unknown-target", "12:10: error: unknown target \"twice\""),
        // issue 12 (2, 11, 14, 15) and 16 (merge conflicts), from the `format` branch
        (
            "log-empty-inline",
            "3:7: error: log entries must be `[[log]]` tables",
        ),
        (
            "period-too-long",
            "6:7: error: the period from 2016-01-01 to 9999-12-31 is longer than 10 years",
        ),
        (
            "reserved-id",
            "9:6: error: the activity id \"uppfoljning\" is reserved for recording the follow-up",
        ),
        (
            "count-too-large",
            "12:20: error: target count must be a whole number from 1 to 10000, found 4294967295",
        ),
        (
            "merge-conflict",
            "18:1: error: resolve the merge conflict: `<<<<<<<` is left in the file",
        ),
        ("unknown-window", "12:29: error: unknown window \"yaer\""),
        (
            "wrong-type",
            "11:10: error: `owners` must be an array, found a string",
        ),
    ];
    let on_disk = fs::read_dir(Path::new(ROOT).join("tests/bad"))
        .unwrap()
        .count();
    assert_eq!(
        on_disk,
        cases.len(),
        "every file of tests/bad has a case here"
    );
    for (name, expected) in cases {
        let file = format!("tests/bad/{name}.toml");
        let out = pledge()
            .args(["validate", "--as-of", "2020-01-01", &file])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            stdout.lines().next().unwrap(),
            format!("{file}:{expected}"),
            "{name}"
        );
    }
}

#[test]
fn validate_hints_point_at_the_fix() {
    let out = stdout_of(pledge().args(["validate", "tests/bad/unknown-key.toml"]));
    assert_eq!(
        out,
        "tests/bad/unknown-key.toml:4:2: error: unknown key `perod` in the pledge file\n  |\n4 | [perod]\n  |  ^^^^^\n  \
         = hint: did you mean `period`?\n1 file checked: 1 error, 0 warnings\n"
    );
    let out = stdout_of(pledge().args(["validate", "tests/bad/unknown-kommun.toml"]));
    assert!(out.contains("= hint: did you mean Filipstad?"), "{out}");
    let out = stdout_of(pledge().args(["validate", "tests/bad/log-unknown-activity.toml"]));
    assert!(out.contains("= hint: did you mean `walk`?"), "{out}");
}

#[test]
fn validate_reports_every_problem_of_a_folder_in_one_run() {
    pledge()
        .args(["validate", "--as-of", "2020-01-01", "tests/bad"])
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with(
            "27 files checked: 29 errors, 0 warnings\n",
        ));
}

#[test]
fn validate_accepts_bom_and_crlf_and_warns_on_weak_and_overlapping() {
    pledge()
        .args(["validate", "tests/good-bom-crlf.toml"])
        .assert()
        .success()
        .stdout("1 file checked: 0 errors, 0 warnings\n");
    let out = pledge()
        .args([
            "validate",
            "tests/good-warnings.toml",
            "tests/good-bom-crlf.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("tests/"))
        .map(String::from)
        .collect();
    assert_eq!(
        lines,
        [
            "tests/good-warnings.toml:1:1: warning: weak löfte: no follow-up (uppföljning) is given",
            "tests/good-warnings.toml:8:1: warning: weak löfte: activity \"walk\" has no owner",
            "tests/good-bom-crlf.toml:4:1: warning: this löfte for Filipstad overlaps tests/good-warnings.toml (2016-01-01 to 2016-12-31)",
        ]
    );
}

#[test]
fn validate_missing_path_is_a_usage_error() {
    pledge()
        .args(["validate", "no/such.toml"])
        .assert()
        .code(2)
        .stderr("pledge: error: no/such.toml: no such file or folder\n");
}

// ---- list ----------------------------------------------------------------------------------

#[test]
fn list_json_is_pure_and_complete() {
    let out = stdout_of(pledge().args(["list", "--format", "json", "--as-of", "2016-06-01"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    let pledges = v["pledges"].as_array().unwrap();
    assert_eq!(pledges.len(), 5);
    let fil = pledges
        .iter()
        .find(|p| p["kommuner"][0]["name"] == "Filipstad")
        .unwrap();
    assert_eq!(fil["kommuner"][0]["kommunkod"], "1782");
    assert_eq!(fil["kommuner"][0]["lan"], "Värmlands län");
    assert_eq!(fil["state"], "active");
    assert_eq!(fil["activities"], 6);
    let counts: Vec<u64> = pledges
        .iter()
        .map(|p| p["activities"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [8, 5, 10, 5, 6]); // Alvesta, Munkfors, Karlstad, Kristinehamn, Filipstad
}

#[test]
fn list_filters_by_kommun_and_date() {
    let out = stdout_of(pledge().args(["list", "--format", "csv", "--active-on", "2017-06-01"]));
    let kommuner: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        kommuner,
        ["Alvesta", "Munkfors", "Karlstad", "Kristinehamn"]
    );
    let out = stdout_of(pledge().args(["list", "--format", "csv", "--kommun", "KRISTINEHAMN"]));
    assert_eq!(out.lines().count(), 2);
    pledge()
        .args(["list", "--kommun", "Kristinehman"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean Kristinehamn or Kristianstad?",
        ));
}

// ---- done / undo / log ------------------------------------------------------------------------

fn done_in(dir: &Path) -> Command {
    let mut c = pledge();
    c.env("PLEDGE_DIR", dir).env("PLEDGE_AS_OF", "2026-11-22");
    c
}

#[test]
fn done_appends_exactly_one_entry_and_undo_restores_the_bytes() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let before = fs::read(&file).unwrap();
    done_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygghetsvandring",
            "--date",
            "2016-05-12",
            "--note",
            "Centrum, 14 deltagare",
        ])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("1 of 2 in 2016: on track\n"));
    let after = fs::read(&file).unwrap();
    let mut expected = before.clone();
    expected.extend_from_slice(
        b"\n[[log]]\ndate = 2016-05-12\nactivity = \"trygghetsvandring\"\nby = \"Test User\"\nnote = \"Centrum, 14 deltagare\"\n",
    );
    assert_eq!(
        String::from_utf8(after).unwrap(),
        String::from_utf8(expected).unwrap()
    );
    done_in(&dir)
        .args(["done", "Filipstad", "trygg", "--date", "2016-09-01"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("2 of 2 in 2016: met\n"));
    done_in(&dir).args(["undo", "filipstad"]).assert().success();
    done_in(&dir).args(["undo", "filipstad"]).assert().success();
    assert_eq!(fs::read(&file).unwrap(), before);
    done_in(&dir)
        .args(["undo", "filipstad"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no löfte for Filipstad has recorded entries to undo",
        ));
}

#[test]
fn done_keeps_a_hand_written_file_byte_for_byte() {
    for (name, crlf, trailing_newline) in [
        ("lf", false, true),
        ("crlf", true, true),
        ("no-newline", false, false),
    ] {
        let tmp = TempDir::new().unwrap();
        let mut text = fs::read_to_string(Path::new(ROOT).join("tests/fixtures/odd.toml")).unwrap();
        if !trailing_newline {
            text = text.trim_end().to_string();
        }
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let file = tmp.path().join("kil-2016.toml");
        fs::write(&file, &text).unwrap();
        done_in(tmp.path())
            .args([
                "done",
                "Forshaga",
                "möten",
                "--date",
                "2016-12-01",
                "--count",
                "3",
                "--by",
                "Kim",
            ])
            .assert()
            .success();
        let after = fs::read_to_string(&file).unwrap();
        let nl = if crlf { "\r\n" } else { "\n" };
        let entry = format!(
            "{nl}[[log]]{nl}date = 2016-12-01{nl}activity = \"moten\"{nl}count = 3{nl}by = \"Kim\"{nl}"
        );
        assert_eq!(after, format!("{text}{entry}"), "{name}");
        done_in(tmp.path()).args(["undo", "kil"]).assert().success();
        assert_eq!(fs::read_to_string(&file).unwrap(), text, "{name}");
    }
}

#[test]
fn done_round_trips_any_note() {
    let (_tmp, dir) = copy_pledges();
    let note = "quotes \" ' \"\"\" ''' backslash \\ tab\t new\nline åäö ÅÄÖ 🚓 \u{7f} end";
    done_in(&dir)
        .args([
            "done",
            "alvesta",
            "samverkansmoten",
            "--date",
            "2017-03-06",
            "--note",
            note,
        ])
        .assert()
        .success();
    let out = stdout_of(done_in(&dir).args(["log", "alvesta", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["entries"][0]["note"], note);
    pledge()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        .assert()
        .success();
}

#[test]
fn done_dry_run_prints_the_text_and_writes_nothing() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("alvesta-2017-2018.toml");
    let before = fs::read(&file).unwrap();
    done_in(&dir)
        .args([
            "done",
            "alvesta",
            "cityvardar",
            "--date",
            "2017-05-01",
            "--dry-run",
            "--by",
            "A",
        ])
        .assert()
        .success()
        .stdout("\n[[log]]\ndate = 2017-05-01\nactivity = \"cityvardar\"\nby = \"A\"\n");
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn done_refuses_bad_input_and_writes_nothing() {
    let (_tmp, dir) = copy_pledges();
    let snapshot = || {
        let mut v: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| (p.clone(), fs::read(&p).unwrap()))
            .collect();
        v.sort();
        v
    };
    let before = snapshot();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["done", "filipstad", "trygg"],
            1,
            "no löfte for Filipstad holds 2026-11-22",
        ),
        (
            &["done", "filipstad", "trygg", "--date", "2017-02-01"],
            1,
            "no löfte for Filipstad holds 2017-02-01",
        ),
        (
            &["done", "filipstad", "trygg", "--date", "2027-01-01"],
            1,
            "2027-01-01 is in the future",
        ),
        (
            &["done", "filipstadt", "trygg", "--date", "2016-05-01"],
            2,
            "did you mean Filipstad?",
        ),
        (
            &["done", "filipstad", "zzz", "--date", "2016-05-01"],
            2,
            "no activity \"zzz\"",
        ),
        (
            &["done", "filipstad", "centrum", "--date", "2016-05-01"],
            2,
            "\"centrum\" matches 3 activities",
        ),
        (
            &[
                "done",
                "filipstad",
                "trygg",
                "--date",
                "2016-05-01",
                "--note",
                "  ",
            ],
            2,
            "the note is empty",
        ),
        (
            &["done", "filipstad", "trygg", "--date", "2016-02-30"],
            2,
            "is not a date",
        ),
        (
            &[
                "done",
                "filipstad",
                "trygg",
                "--date",
                "2016-05-01",
                "--count",
                "0",
            ],
            2,
            "--count",
        ),
        (
            &["done", "../../etc/passwd", "trygg", "--date", "2016-05-01"],
            2,
            "unknown kommun \"../../etc/passwd\"",
        ),
        (
            &[
                "done",
                "filipstad",
                "../../etc/passwd",
                "--date",
                "2016-05-01",
            ],
            2,
            "no activity",
        ),
    ];
    for (args, code, msg) in cases {
        done_in(&dir)
            .args(*args)
            .assert()
            .code(*code)
            .stderr(predicate::str::contains(*msg));
    }
    assert_eq!(snapshot(), before, "no file changed");
}

#[test]
fn done_refuses_to_write_into_an_invalid_file() {
    let tmp = TempDir::new().unwrap();
    let text = fs::read_to_string(Path::new(ROOT).join("pledges/filipstad-2016.toml")).unwrap();
    let broken = text.replace(
        "owners = [\"polisen\"]\n# Reading: \"regelbundna",
        "owners = \"polisen\"\n# Reading: \"regelbundna",
    );
    assert_ne!(broken, text);
    let file = tmp.path().join("filipstad-2016.toml");
    fs::write(&file, &broken).unwrap();
    // The broken file is not loaded, so no löfte holds the date, and nothing is written.
    done_in(tmp.path())
        .args(["done", "filipstad", "trygg", "--date", "2016-05-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "could not be read; `pledge validate` shows why",
        ));
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
}

#[cfg(unix)]
#[test]
fn done_writes_through_a_symlink_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, dir) = copy_pledges();
    let real = tmp.path().join("real-alvesta.toml");
    fs::rename(dir.join("alvesta-2017-2018.toml"), &real).unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&real, dir.join("alvesta-2017-2018.toml")).unwrap();
    done_in(&dir)
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .assert()
        .success();
    let link = dir.join("alvesta-2017-2018.toml");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("activity = \"cityvardar\"")
    );
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .chain(fs::read_dir(tmp.path()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn twenty_concurrent_writers_lose_nothing() {
    let (_tmp, dir) = copy_pledges();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let children: Vec<_> = (0..20)
        .map(|i| {
            std::process::Command::new(&bin)
                .env("PLEDGE_DIR", &dir)
                .env("PLEDGE_USER", format!("writer {i}"))
                .args([
                    "done",
                    "alvesta",
                    "samverkansmoten",
                    "--date",
                    "2017-03-06",
                    "--note",
                ])
                .arg(format!("meeting {i}"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let out = stdout_of(
        pledge()
            .env("PLEDGE_DIR", &dir)
            .args(["log", "alvesta", "--format", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut notes: Vec<String> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["note"].as_str().unwrap().to_string())
        .collect();
    notes.sort();
    let mut expected: Vec<String> = (0..20).map(|i| format!("meeting {i}")).collect();
    expected.sort();
    assert_eq!(notes, expected);
    pledge()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        .assert()
        .success();
}

#[test]
fn undo_leaves_hand_written_entries_alone() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("kil.toml");
    let text = fs::read_to_string(Path::new(ROOT).join("tests/fixtures/odd.toml")).unwrap();
    fs::write(&file, &text).unwrap();
    done_in(tmp.path())
        .args(["undo", "kil"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not as `pledge done` wrote it"));
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn log_filters_and_sorts() {
    let (_tmp, dir) = copy_pledges();
    for (kommun, act, date) in [
        ("alvesta", "samverkansmoten", "2017-03-13"),
        ("karlstad", "fotpatrull", "2016-11-02"),
        ("alvesta", "samverkansmoten", "2017-03-06"),
        ("alvesta", "uppföljning", "2017-04-01"),
    ] {
        done_in(&dir)
            .args(["done", kommun, act, "--date", date])
            .assert()
            .success();
    }
    let out = stdout_of(done_in(&dir).args(["log", "--format", "csv"]));
    let dates: Vec<&str> = out.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(
        dates,
        ["2016-11-02", "2017-03-06", "2017-03-13", "2017-04-01"]
    );
    let out = stdout_of(done_in(&dir).args([
        "log",
        "alvesta",
        "--since",
        "2017-03-10",
        "--format",
        "csv",
    ]));
    assert_eq!(out.lines().count(), 3);
    assert!(out.contains(",followup,"), "{out}");
    let out = stdout_of(done_in(&dir).args(["log", "--activity", "samverkan", "--format", "csv"]));
    assert_eq!(out.lines().count(), 3);
}

// ---- status / report / check -------------------------------------------------------------------

/// Compares with a file under tests/snapshots; UPDATE_SNAPSHOTS=1 writes it instead.
fn snapshot(name: &str, actual: &str) {
    let path = Path::new(ROOT).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing snapshot {name}"));
    assert_eq!(actual, expected, "snapshot {name} differs");
}

#[test]
fn status_snapshots_in_both_languages() {
    for lang in ["en", "sv"] {
        for (fmt, ext) in [("table", "txt"), ("markdown", "md")] {
            let out = stdout_of(pledge().args([
                "status",
                "--all",
                "--as-of",
                "2016-10-16",
                "--lang",
                lang,
                "--format",
                fmt,
            ]));
            snapshot(&format!("status-all-2016-10-16-{lang}.{ext}"), &out);
        }
    }
    let out = stdout_of(pledge().env("LANG", "sv_SE.UTF-8").args([
        "status",
        "alvesta",
        "--as-of",
        "2018-06-01",
    ]));
    snapshot("status-alvesta-2018-06-01-sv.txt", &out);
}

#[test]
fn status_json_contract() {
    let (_tmp, dir) = copy_pledges();
    done_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygghetsvandring",
            "--date",
            "2016-05-12",
        ])
        .assert()
        .success();
    let out = stdout_of(pledge().env("PLEDGE_DIR", &dir).args([
        "status",
        "filipstad",
        "--as-of",
        "2016-10-16",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["as_of"], "2016-10-16");
    let p = &v["pledges"][0];
    for key in [
        "file",
        "kommuner",
        "period",
        "state",
        "activities",
        "followup",
    ] {
        assert!(!p[key].is_null(), "{key}");
    }
    assert_eq!(p["kommuner"][0]["kommunkod"], "1782");
    assert_eq!(p["state"], "active");
    let walk = p["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "trygghetsvandring")
        .unwrap();
    assert_eq!(walk["required"], 2);
    assert_eq!(walk["done"], 1);
    assert_eq!(walk["status"], "on_track");
    assert_eq!(walk["last_done"], "2016-05-12");
    assert_eq!(
        walk["target"],
        serde_json::json!({"kind": "count", "count": 2, "per": "year"})
    );
    assert_eq!(walk["windows"][0]["end"], "2016-12-31");
    let narvaro = p["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "narvaro")
        .unwrap();
    assert_eq!(narvaro["required"], serde_json::Value::Null);
    assert_eq!(narvaro["status"], "no_reports");
    assert_eq!(p["followup"]["status"], "scheduled");
    assert_eq!(p["followup"]["due"], "2017-03-31");
}

#[test]
fn status_needs_a_kommun_when_there_are_several() {
    pledge()
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the folder has löften for 5 kommuner",
        ));
}

#[test]
fn check_is_silent_when_all_is_well_and_lists_findings_otherwise() {
    pledge()
        .args(["check", "--as-of", "2030-01-01"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    pledge()
        .args(["check", "--as-of", "2016-10-16"])
        .assert()
        .code(1)
        .stdout(
            "filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016, 77 days left\n\
         filipstad-2016.toml: trafik: behind, not done, 77 days left\n\
         kristinehamn-2016-2017.toml: trygghetsvandring: behind, 0 of 2 in 2016, 77 days left\n\
         kristinehamn-2016-2017.toml: grannsamverkan: behind, 0 of 2 in 2016, 77 days left\n",
        );
    // Filipstad's follow-up is due in the first quarter of 2017; Alvesta's weekly meeting of
    // the week before was missed, and its continuous follow-up has nothing recorded.
    pledge()
        .args(["check", "--as-of", "2017-02-15"])
        .assert()
        .code(1)
        .stdout(
            "alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week of 2017-02-05\n\
         alvesta-2017-2018.toml: followup: due, nothing recorded in the last 90 days (continuous)\n\
         filipstad-2016.toml: followup: due by 2017-03-31, 45 days left\n",
        );
    let out = stdout_of(pledge().args(["check", "--as-of", "2017-02-15", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &v["findings"].as_array().unwrap()[2];
    assert_eq!(f["file"], "filipstad-2016.toml");
    assert_eq!(f["activity"], "followup");
    assert_eq!(f["kind"], "followup_due");
    assert_eq!(f["status"], "due");
    assert_eq!(f["window_end"], "2017-03-31");
    // A two-year count due within 30 days: Kristinehamn's walks at the end of 2017.
    let out = stdout_of(pledge().args(["check", "--as-of", "2017-12-10", "--within", "30"]));
    assert!(
        out.contains(
            "kristinehamn-2016-2017.toml: trygghetsvandring: behind, 0 of 2 in 2017, 22 days left"
        ),
        "{out}"
    );
}

#[test]
fn check_exits_2_on_an_invalid_file() {
    let (_tmp, dir) = copy_pledges();
    fs::copy(
        Path::new(ROOT).join("tests/bad/unknown-kommun.toml"),
        dir.join("broken.toml"),
    )
    .unwrap();
    pledge()
        .env("PLEDGE_DIR", &dir)
        .args(["check", "--as-of", "2030-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "broken.toml:2:10: error: unknown kommun \"Filipstadt\"",
        ));
}

#[test]
fn report_html_is_self_contained_and_escapes() {
    let (_tmp, dir) = copy_pledges();
    done_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygg",
            "--date",
            "2016-05-12",
            "--note",
            "<script>alert(1)</script> & \u{1b}[31m",
        ])
        .assert()
        .success();
    let out = stdout_of(pledge().env("PLEDGE_DIR", &dir).args([
        "report",
        "filipstad",
        "--as-of",
        "2016-10-16",
        "--format",
        "html",
        "--lang",
        "sv",
    ]));
    assert!(out.starts_with("<!DOCTYPE html>"));
    for bad in ["<script", "http://", "https://", "<link", "src=", "\u{1b}"] {
        assert!(!out.contains(bad), "{bad}");
    }
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    for heading in [
        "Polisen lovar",
        "Kommunen lovar",
        "Tillsammans",
        "Det här lovade vi",
        "Det här har gjorts",
        "Uppföljning",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
}

#[test]
fn report_markdown_snapshot() {
    let (_tmp, dir) = copy_pledges();
    for (act, date, note) in [
        ("trygghetsvandring", "2016-04-20", "Centrum, 14 deltagare"),
        ("polisvolontarer", "2016-06-06", "Nationaldagsfirandet"),
        (
            "trygghetsvandring",
            "2016-09-28",
            "Resecentrum, 9 deltagare",
        ),
    ] {
        done_in(&dir)
            .args([
                "done",
                "filipstad",
                act,
                "--date",
                date,
                "--note",
                note,
                "--by",
                "Kim",
            ])
            .assert()
            .success();
    }
    let out = stdout_of(pledge().env("PLEDGE_DIR", &dir).args([
        "report",
        "filipstad",
        "--as-of",
        "2016-10-16",
        "--since",
        "2016-05-01",
        "--lang",
        "sv",
    ]));
    snapshot("report-filipstad-2016-10-16-sv.md", &out);
    for (lang, format, ext) in [
        ("en", "markdown", "md"),
        ("sv", "html", "html"),
        ("en", "html", "html"),
    ] {
        let out = stdout_of(pledge().env("PLEDGE_DIR", &dir).args([
            "report",
            "filipstad",
            "--as-of",
            "2016-10-16",
            "--since",
            "2016-05-01",
            "--lang",
            lang,
            "--format",
            format,
        ]));
        snapshot(&format!("report-filipstad-2016-10-16-{lang}.{ext}"), &out);
    }
}

#[test]
fn terminal_output_escapes_control_characters_and_csv_neutralises_formulas() {
    let (_tmp, dir) = copy_pledges();
    done_in(&dir)
        .args([
            "done",
            "alvesta",
            "samverkansmoten",
            "--date",
            "2017-03-06",
            "--note",
            "=HYPERLINK(\"x\") \u{1b}]0;pwned\u{7}",
        ])
        .assert()
        .success();
    let table = stdout_of(pledge().env("PLEDGE_DIR", &dir).args(["log", "alvesta"]));
    assert!(!table.contains('\u{1b}') && !table.contains('\u{7}'));
    assert!(table.contains("\\u{1b}]0;pwned\\u{7}"), "{table}");
    let csv = stdout_of(
        pledge()
            .env("PLEDGE_DIR", &dir)
            .args(["log", "alvesta", "--format", "csv"]),
    );
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")"), "{csv}");
}

// ---- examples/ ----------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn weekly_check_example_mails_only_when_needed() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let sent = tmp.path().join("sent.txt");
    let fake_mail = tmp.path().join("fake-mail");
    fs::write(
        &fake_mail,
        format!("#!/bin/sh\necho \"$@\" > {0}\ncat >> {0}\n", sent.display()),
    )
    .unwrap();
    fs::set_permissions(&fake_mail, fs::Permissions::from_mode(0o755)).unwrap();
    let run = |as_of: &str| {
        std::process::Command::new("bash")
            .arg(Path::new(ROOT).join("examples/weekly-check.sh"))
            .arg("bra@example.org")
            .env("PLEDGE", assert_cmd::cargo::cargo_bin("pledge"))
            .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
            .env("PLEDGE_AS_OF", as_of)
            .env("MAIL_COMMAND", &fake_mail)
            .status()
            .unwrap()
    };
    assert!(run("2030-01-01").success());
    assert!(!sent.exists(), "no mail when all is well");
    assert!(run("2016-10-16").success());
    let mail = fs::read_to_string(&sent).unwrap();
    assert!(
        mail.starts_with("-s Medborgarlöften: 4 saker att följa upp bra@example.org\n"),
        "{mail}"
    );
    assert!(
        mail.contains(
            "filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016, 77 days left"
        )
    );
}

#[test]
fn bra_report_example_writes_markdown_and_html() {
    let tmp = TempDir::new().unwrap();
    let out = std::process::Command::new("bash")
        .arg(Path::new(ROOT).join("examples/bra-report.sh"))
        .args(["filipstad", "2016-05-01"])
        .arg(tmp.path())
        .env("PLEDGE", assert_cmd::cargo::cargo_bin("pledge"))
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .env("PLEDGE_AS_OF", "2016-10-16")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = fs::read_to_string(tmp.path().join("bra-filipstad-2016-10-16.md")).unwrap();
    assert!(md.contains("## Genomfört sedan 2016-05-01"));
    assert!(md.contains("## Det här ligger efter"));
    let html = fs::read_to_string(tmp.path().join("bra-filipstad-2016-10-16.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Polisen lovar"));
}

// ---- the ecosystem: completions, man page, version ------------------------------------------------

#[test]
fn completions_man_and_version() {
    let bash = stdout_of(pledge().args(["completions", "bash"]));
    for word in [
        "validate",
        "done",
        "undo",
        "status",
        "report",
        "check",
        "--as-of",
        "--dry-run",
    ] {
        assert!(bash.contains(word), "{word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        pledge()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::is_empty().not());
    }
    let man = stdout_of(pledge().arg("man"));
    assert!(man.starts_with(".ie"));
    for section in [
        "PLEDGE DONE",
        "PLEDGE CHECK",
        "PLEDGE NEW",
        "\\-\\-within",
        "\\-\\-dry\\-run",
    ] {
        assert!(man.contains(section), "{section}");
    }
    pledge()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("pledge {}\n", env!("CARGO_PKG_VERSION")));
    pledge()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"));
}

#[test]
fn new_writes_a_scaffold_and_refuses_to_overwrite() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    pledge()
        .env("PLEDGE_DIR", &dir)
        .args([
            "new",
            "Upplands Väsby",
            "--start",
            "2024-01-01",
            "--end",
            "2024-12-31",
        ])
        .assert()
        .success();
    let file = dir.join("upplands-vasby-2024.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("# Upplands Väsby: kommunkod 0114, Stockholms län, polisregion Stockholm")
    );
    pledge()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        .assert()
        .success();
    pledge()
        .env("PLEDGE_DIR", &dir)
        .args([
            "new",
            "upplands vasby",
            "--start",
            "2024-01-01",
            "--end",
            "2024-12-31",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

// ---- two people logging at once through git ----------------------------------------------------

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap()
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn merge_driver_keeps_both_sides_entries() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let driver = format!("{} merge-driver %O %A %B", bin.display());
    git_ok(root, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
    git_ok(root, &["clone", "-q", "origin.git", "a"]);
    let a = root.join("a");
    fs::create_dir(a.join("pledges")).unwrap();
    fs::copy(
        Path::new(ROOT).join("pledges/alvesta-2017-2018.toml"),
        a.join("pledges/alvesta-2017-2018.toml"),
    )
    .unwrap();
    fs::write(a.join(".gitattributes"), "pledges/*.toml merge=pledge\n").unwrap();
    fs::write(a.join(".gitignore"), ".pledge.lock\n").unwrap();
    git_ok(&a, &["add", "-A"]);
    git_ok(&a, &["commit", "-qm", "löften"]);
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    git_ok(root, &["clone", "-q", "-b", "main", "origin.git", "b"]);
    let b = root.join("b");
    for clone in [&a, &b] {
        git_ok(
            clone,
            &["config", "merge.pledge.name", "pledge log entries"],
        );
        git_ok(clone, &["config", "merge.pledge.driver", &driver]);
    }
    let record = |clone: &Path, date: &str, note: &str| {
        pledge()
            .env("PLEDGE_DIR", clone.join("pledges"))
            .args([
                "done",
                "alvesta",
                "samverkansmoten",
                "--date",
                date,
                "--note",
                note,
                "--as-of",
                "2020-01-01",
            ])
            .assert()
            .success();
        git_ok(clone, &["commit", "-qam", note]);
    };
    record(&a, "2017-03-13", "from A");
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    record(&b, "2017-03-06", "from B, the week before");
    let pull = git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    let merged = fs::read_to_string(b.join("pledges/alvesta-2017-2018.toml")).unwrap();
    assert!(!merged.contains("<<<<<<<"));
    let notes: Vec<&str> = merged
        .lines()
        .filter(|l| l.starts_with("note = "))
        .collect();
    assert_eq!(
        notes,
        ["note = \"from B, the week before\"", "note = \"from A\""]
    );
    pledge()
        .env("PLEDGE_DIR", b.join("pledges"))
        .args(["validate", "--as-of", "2020-01-01"])
        .assert()
        .success();

    // A change to the löfte itself on both sides is left to git's own conflict.
    let file = "pledges/alvesta-2017-2018.toml";
    for (clone, title) in [(&a, "Titel A"), (&b, "Titel B")] {
        let text = fs::read_to_string(clone.join(file)).unwrap();
        fs::write(
            clone.join(file),
            text.replacen(
                "title = \"Medborgarlöfte i Alvesta 2017-2018\"",
                &format!("title = \"{title}\""),
                1,
            ),
        )
        .unwrap();
        git_ok(clone, &["commit", "-qam", title]);
    }
    git_ok(
        &a,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    let pull = git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(!pull.status.success());
    assert!(
        fs::read_to_string(b.join(file))
            .unwrap()
            .contains("<<<<<<< ours")
    );
}

// ---- hostile input and faults ---------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_lock_held_by_a_killed_process_does_not_block() {
    let (_tmp, dir) = copy_pledges();
    // A process takes the folder's lock and is killed while holding it.
    let lock = dir.join(".pledge.lock");
    let mut holder = std::process::Command::new("python3")
        .arg("-c")
        .arg("import fcntl,sys,time; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(600)")
        .arg(&lock)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line, "locked\n");
    // While it lives, a writer gives up after the timeout, with a message, writing nothing.
    done_in(&dir)
        .env("PLEDGE_LOCK_TIMEOUT", "0.2")
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("another pledge process has held"));
    holder.kill().unwrap();
    holder.wait().unwrap();
    done_in(&dir)
        .env("PLEDGE_LOCK_TIMEOUT", "5")
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .assert()
        .success();
}

fn huge_base() -> String {
    fs::read_to_string(Path::new(ROOT).join("tests/bad/count-zero.toml"))
        .unwrap()
        .replace("count = 0", "count = 2")
}

#[test]
fn huge_inputs_get_an_answer_or_a_clear_refusal() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    // A 100,000-entry log: loaded and counted.
    let mut log = huge_base();
    for i in 0..100_000 {
        log.push_str(&format!(
            "\n[[log]]\ndate = 2016-{:02}-{:02}\nactivity = \"walk\"\nnote = \"entry {i}\"\n",
            1 + i % 12,
            1 + i % 28
        ));
    }
    fs::write(dir.join("log.toml"), &log).unwrap();
    let out = stdout_of(pledge().env("PLEDGE_DIR", dir).args([
        "status",
        "--format",
        "json",
        "--as-of",
        "2016-12-31",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pledges"][0]["activities"][0]["done"], 100_000);
    fs::remove_file(dir.join("log.toml")).unwrap();

    // Over 16 MiB: refused unread, by name.
    let mut big = huge_base();
    let filler = format!("# {}\n", "x".repeat(1000));
    while big.len() <= 17 << 20 {
        big.push_str(&filler);
    }
    fs::write(dir.join("big.toml"), &big).unwrap();
    pledge()
        .args(["validate", dir.join("big.toml").to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error: the file is 17.8 MB; pledge files are limited to 16 MiB",
        ));

    // A 1 MB line with an error at its end: the snippet is a window, not the megabyte.
    let long = huge_base().replace(
        "title = \"Test\"",
        &format!("title = \"{}\" x", "y".repeat(1 << 20)),
    );
    fs::write(dir.join("long.toml"), &long).unwrap();
    let out = stdout_of(pledge().args(["validate", dir.join("long.toml").to_str().unwrap()]));
    assert!(out.len() < 2000, "{} bytes of output", out.len());
    assert!(out.contains("error: invalid TOML"), "{out}");

    // Deeply nested inline tables and arrays: a parse error, not a stack overflow.
    for (name, value) in [
        (
            "deep-tables",
            format!("{}1{}", "{a = ".repeat(20_000), "}".repeat(20_000)),
        ),
        (
            "deep-arrays",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
    ] {
        let text = huge_base().replace(
            "title = \"Test\"",
            &format!("title = \"Test\"\nx = {value}"),
        );
        let file = dir.join(format!("{name}.toml"));
        fs::write(&file, text).unwrap();
        pledge()
            .args(["validate", file.to_str().unwrap()])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("max recursion depth met"));
    }
}

#[test]
fn broken_files_are_named_and_the_rest_still_shown() {
    let (_tmp, dir) = copy_pledges();
    fs::copy(
        Path::new(ROOT).join("tests/bad/unknown-kommun.toml"),
        dir.join("broken.toml"),
    )
    .unwrap();
    fs::write(dir.join("latin1.toml"), b"title = \"T\xe4st\"\n").unwrap();
    for args in [
        &["list", "--format", "csv"][..],
        &[
            "status",
            "--all",
            "--as-of",
            "2016-10-16",
            "--format",
            "csv",
        ],
        &["log"],
    ] {
        let out = pledge()
            .env("PLEDGE_DIR", &dir)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("broken.toml:2:10: error: unknown kommun \"Filipstadt\""),
            "{stderr}"
        );
        assert!(
            stderr.contains("latin1.toml:1:11: error: the file is not valid UTF-8"),
            "{stderr}"
        );
    }
    let out = stdout_of(
        pledge()
            .env("PLEDGE_DIR", &dir)
            .args(["list", "--format", "csv"]),
    );
    assert_eq!(
        out.lines().count(),
        6,
        "the five good löften and the header"
    );
}

/// Every file of the regression corpus (hostile inputs, and every crash found by fuzzing)
/// gets an answer: 0 or 1 from `validate`, a report from `status`, never a panic (101).
#[test]
fn regression_corpus_never_panics() {
    let mut n = 0;
    for dir in ["tests/corpus", "tests/bad"] {
        for e in fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            let path = e.unwrap().path();
            n += 1;
            let out = pledge()
                .args(["validate", "--as-of", "2020-01-01"])
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{}: {:?}",
                path.display(),
                out.status
            );
            let tmp = TempDir::new().unwrap();
            fs::copy(&path, tmp.path().join("x.toml")).unwrap();
            for args in [
                &["status", "--all", "--as-of", "2016-06-01"][..],
                &["check", "--as-of", "2016-06-01"],
                &["list"],
            ] {
                let out = pledge()
                    .env("PLEDGE_DIR", tmp.path())
                    .args(args)
                    .output()
                    .unwrap();
                assert!(
                    matches!(out.status.code(), Some(0..=2)),
                    "{} {args:?}: {:?}",
                    path.display(),
                    out.status
                );
            }
        }
    }
    assert!(n >= 40, "{n} files");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = stdout_of(pledge().args(["status", "filipstad", "--as-of", "2016-10-16"]));
    assert!(!plain.contains('\u{1b}'));
    let coloured = stdout_of(pledge().env_remove("NO_COLOR").args([
        "status",
        "filipstad",
        "--as-of",
        "2016-10-16",
        "--color",
        "always",
    ]));
    assert!(coloured.contains("\u{1b}[38;5;11m behind"), "{coloured}");
    // Not a terminal (a pipe here), so `auto` means no colour even without NO_COLOR.
    let auto = stdout_of(pledge().env_remove("NO_COLOR").args([
        "status",
        "filipstad",
        "--as-of",
        "2016-10-16",
    ]));
    assert!(!auto.contains('\u{1b}'));
}

/// `done` in the style of cargo add's tests: each folder of tests/done-cases holds `in.toml`,
/// `cmd` (the arguments, as a shell would read them) and `out.toml`, the exact file after.
/// Then `undo` must give back `in.toml`, byte for byte. UPDATE_SNAPSHOTS=1 writes `out.toml`.
#[test]
fn done_cases_in_and_out() {
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let mut n = 0;
    for e in fs::read_dir(Path::new(ROOT).join("tests/done-cases")).unwrap() {
        let case = e.unwrap().path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let tmp = TempDir::new().unwrap();
        let file = tmp.path().join("pledge.toml");
        let before = fs::read(case.join("in.toml")).unwrap();
        fs::write(&file, &before).unwrap();
        let cmd = fs::read_to_string(case.join("cmd")).unwrap();
        let run = |args: &str| {
            std::process::Command::new("bash")
                .arg("-c")
                .arg(format!("\"$PLEDGE_BIN\" {args}"))
                .env("PLEDGE_BIN", &bin)
                .env("PLEDGE_DIR", tmp.path())
                .env("PLEDGE_AS_OF", "2026-11-22")
                .env_remove("PLEDGE_USER")
                .output()
                .unwrap()
        };
        let out = run(cmd.trim());
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = fs::read(&file).unwrap();
        let expected_path = case.join("out.toml");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            fs::write(&expected_path, &after).unwrap();
        }
        assert_eq!(
            String::from_utf8_lossy(&after),
            String::from_utf8_lossy(&fs::read(&expected_path).unwrap()),
            "{name}"
        );
        assert!(
            after.starts_with(&before),
            "{name}: only an addition at the end"
        );
        let kommun = cmd.split_whitespace().nth(1).unwrap();
        assert!(run(&format!("undo {kommun}")).status.success(), "{name}");
        assert_eq!(
            fs::read(&file).unwrap(),
            before,
            "{name}: undo restores the bytes"
        );
        n += 1;
    }
    assert_eq!(n, 5);
}

#[test]
fn the_follow_up_is_recorded_after_the_period_and_counts() {
    let (_tmp, dir) = copy_pledges();
    let check = |dir: &Path| {
        stdout_of(
            pledge()
                .env("PLEDGE_DIR", dir)
                .args(["check", "--as-of", "2017-03-20"]),
        )
    };
    assert!(check(&dir).contains("filipstad-2016.toml: followup: due by 2017-03-31, 12 days left"));
    done_in(&dir)
        .args([
            "done",
            "filipstad",
            "uppföljning",
            "--date",
            "2017-03-15",
            "--note",
            "Redovisad i Filipstads tidning",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("recorded in ")
                .and(predicate::str::contains("filipstad-2016.toml")),
        );
    assert!(!check(&dir).contains("filipstad"));
    let out = stdout_of(pledge().env("PLEDGE_DIR", &dir).args([
        "status",
        "filipstad",
        "--as-of",
        "2017-04-01",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pledges"][0]["followup"]["status"], "done");
    assert_eq!(v["pledges"][0]["followup"]["last_done"], "2017-03-15");
    // The log shows it too.
    let log =
        stdout_of(
            pledge()
                .env("PLEDGE_DIR", &dir)
                .args(["log", "filipstad", "--format", "csv"]),
        );
    assert!(log.contains("2017-03-15,Filipstad,followup,1,"), "{log}");
}

#[test]
fn a_kommun_with_a_centre_löfte_shows_both_and_records_by_area() {
    let tmp = TempDir::new().unwrap();
    let whole = fs::read_to_string(Path::new(ROOT).join("pledges/alvesta-2017-2018.toml")).unwrap();
    fs::write(tmp.path().join("alvesta-2017-2018.toml"), &whole).unwrap();
    let centre = whole.replacen(
        "kommun = \"Alvesta\"",
        "kommun = \"Alvesta\"\narea = \"Resecentrum\"",
        1,
    );
    fs::write(
        tmp.path().join("alvesta-resecentrum-2017-2018.toml"),
        &centre,
    )
    .unwrap();
    let dir = tmp.path();
    pledge()
        .env("PLEDGE_DIR", dir)
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("overlaps").not());
    let out = stdout_of(pledge().env("PLEDGE_DIR", dir).args([
        "status",
        "alvesta",
        "--as-of",
        "2017-06-01",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let areas: Vec<&serde_json::Value> = v["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["area"])
        .collect();
    assert_eq!(
        areas,
        [&serde_json::Value::Null, &serde_json::json!("Resecentrum")]
    );
    // Both löften have the activity: without --area the whole kommun's is used.
    done_in(dir)
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .assert()
        .success();
    done_in(dir)
        .args([
            "done",
            "alvesta",
            "cityvardar",
            "--date",
            "2017-05-02",
            "--area",
            "rese",
        ])
        .assert()
        .success();
    let whole_after = fs::read_to_string(dir.join("alvesta-2017-2018.toml")).unwrap();
    let centre_after = fs::read_to_string(dir.join("alvesta-resecentrum-2017-2018.toml")).unwrap();
    assert!(
        whole_after.ends_with("date = 2017-05-01\nactivity = \"cityvardar\"\nby = \"Test User\"\n")
    );
    assert!(
        centre_after
            .ends_with("date = 2017-05-02\nactivity = \"cityvardar\"\nby = \"Test User\"\n")
    );
    let report = stdout_of(pledge().env("PLEDGE_DIR", dir).args([
        "report",
        "alvesta",
        "--as-of",
        "2017-06-01",
        "--area",
        "resecentrum",
    ]));
    assert!(report.contains("Alvesta (0764), Resecentrum"), "{report}");
    assert!(report.contains("2017-05-02 cityvardar"), "{report}");
}

#[test]
fn swedish_labels_everywhere_a_person_reads() {
    let (_tmp, dir) = copy_pledges();
    done_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygg",
            "--date",
            "2016-05-12",
            "--lang",
            "sv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("registrerat i "))
        .stdout(predicate::str::ends_with("1 av 2 · 2016: i fas\n"));
    let log = stdout_of(done_in(&dir).env("LANG", "sv_SE.UTF-8").args(["log"]));
    assert!(log.contains("Datum") && log.contains("Anteckning"), "{log}");
    let list = stdout_of(done_in(&dir).args(["list", "--lang", "sv", "--as-of", "2016-06-01"]));
    assert!(
        list.contains("Läge") && list.contains("pågår") && !list.contains("avslutat"),
        "{list}"
    );
    done_in(&dir)
        .env("PLEDGE_LANG", "sv")
        .args(["undo", "filipstad"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("borttaget ur "));
}
