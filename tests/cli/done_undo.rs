//! `done` and `undo`: exactly one entry appended, exactly it removed, nothing else touched.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, bundled_validate, copy_pledges, pledge_in, recorded, removed};

#[test]
fn done_appends_exactly_one_entry_and_undo_restores_the_bytes() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let before = fs::read(&file).unwrap();
    pledge_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygghetsvandring",
            "--date",
            "2016-05-12",
            "--note",
            "Centrum, 14 deltagare",
        ])
        .stdout_is(predicate::str::ends_with("1 of 2 in 2016: on track\n"))
        .run();
    let after = fs::read(&file).unwrap();
    let mut expected = before.clone();
    expected.extend_from_slice(
        b"\n[[log]]\ndate = 2016-05-12\nactivity = \"trygghetsvandring\"\nby = \"Test User\"\nnote = \"Centrum, 14 deltagare\"\n",
    );
    assert_eq!(
        String::from_utf8(after).unwrap(),
        String::from_utf8(expected).unwrap()
    );
    pledge_in(&dir)
        .args(["done", "Filipstad", "trygg", "--date", "2016-09-01"])
        .stdout_is(predicate::str::ends_with("2 of 2 in 2016: met\n"))
        .run();
    pledge_in(&dir)
        .args(["undo", "filipstad"])
        .stdout_is(removed())
        .stderr("removing Test User's entry of 2016-09-01 (trygghetsvandring)\n")
        .run();
    pledge_in(&dir)
        .args(["undo", "filipstad"])
        .stdout_is(removed())
        .stderr("removing Test User's entry of 2016-05-12 (trygghetsvandring)\n")
        .run();
    assert_eq!(fs::read(&file).unwrap(), before);
    pledge_in(&dir)
        .args(["undo", "filipstad"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "no löfte for Filipstad has recorded entries to undo",
        ))
        .run();
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
        pledge_in(tmp.path())
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
            .stdout_is(recorded())
            .run();
        let after = fs::read_to_string(&file).unwrap();
        let nl = if crlf { "\r\n" } else { "\n" };
        let entry = format!(
            "{nl}[[log]]{nl}date = 2016-12-01{nl}activity = \"moten\"{nl}kommun = \"Forshaga\"{nl}count = 3{nl}by = \"Kim\"{nl}"
        );
        assert_eq!(after, format!("{text}{entry}"), "{name}");
        // The entry is Kim's, not the user's: named, it goes.
        pledge_in(tmp.path())
            .args(["undo", "kil", "--date", "2016-12-01", "--activity", "möten"])
            .stdout_is(removed())
            .stderr(
                "removing Kim's entry of 2016-12-01 (moten); it is not yours (Test User), \
                 and is removed because you named it\n",
            )
            .run();
        assert_eq!(fs::read_to_string(&file).unwrap(), text, "{name}");
    }
}

#[test]
fn done_round_trips_any_note() {
    let (_tmp, dir) = copy_pledges();
    let note = "quotes \" ' \"\"\" ''' backslash \\ tab\t new\nline åäö ÅÄÖ 🚓 \u{7f} end";
    pledge_in(&dir)
        .args([
            "done",
            "alvesta",
            "samverkansmoten",
            "--date",
            "2017-03-06",
            "--note",
            note,
        ])
        .stdout_is(recorded())
        .run();
    let out = pledge_in(&dir)
        .args(["log", "alvesta", "--format", "json"])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["entries"][0]["note"], note);
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        .stdout_is(bundled_validate(&dir))
        .run();
}

#[test]
fn done_dry_run_prints_the_text_and_writes_nothing() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("alvesta-2017-2018.toml");
    let before = fs::read(&file).unwrap();
    pledge_in(&dir)
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
        .stdout("\n[[log]]\ndate = 2017-05-01\nactivity = \"cityvardar\"\nby = \"A\"\n")
        .stderr(format!(
            "(dry run: nothing was written to {})\n",
            file.display()
        ))
        .run();
    assert_eq!(fs::read(&file).unwrap(), before);
}

/// Arguments `done` refuses, with the exit code and what it says.
const BAD_DONE: &[(&[&str], i32, &str)] = &[
    (
        &["done", "filipstad", "trygg"],
        1,
        // In force until replaced: its activities ended with its period (F18).
        "filipstad-2016.toml stays in force until it is replaced, but its activities ended on 2016-12-31: work on 2026-11-22 would count toward none of them",
    ),
    (
        &["done", "filipstad", "trygg", "--date", "2017-02-01"],
        1,
        "its activities ended on 2016-12-31: work on 2017-02-01 would count toward none of them",
    ),
    (
        &["done", "filipstad", "trygg", "--date", "2027-01-01"],
        1,
        "2027-01-01 is in the future",
    ),
    (
        &["done", "filipstadt", "trygg", "--date", "2016-05-01"],
        2,
        "did you mean `Filipstad`?",
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
        // A part that is not there is mistyped, as an unknown activity is: exit 2.
        &[
            "done",
            "filipstad",
            "trygg",
            "--date",
            "2016-05-01",
            "--part",
            "xyz",
        ],
        2,
        "has no parts; leave out --part \"xyz\"",
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
    for (args, code, msg) in BAD_DONE {
        pledge_in(&dir)
            .args(*args)
            .status(*code)
            .stderr_is(predicate::str::contains(*msg))
            .run();
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
    // The broken file is not loaded, so no löfte holds the date, and nothing is written; the
    // file that may hold it is named, with its first error.
    pledge_in(tmp.path())
        .args(["done", "filipstad", "trygg", "--date", "2016-05-01"])
        .status(1)
        .stderr_is(
            predicate::str::contains("filipstad-2016.toml may hold it but cannot be read: line ")
                .and(predicate::str::contains(
                    "`pledge validate` shows every problem",
                )),
        )
        .run();
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
    pledge_in(&dir)
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .stdout_is(recorded())
        .run();
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
    let children: Vec<_> = (0..20)
        .map(|i| {
            Test::new()
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
                .stdout_is(recorded())
                .spawn()
        })
        .collect();
    for c in children {
        c.finish();
    }
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["log", "alvesta", "--format", "json"])
        .read_stdout();
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
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        .stdout_is(bundled_validate(&dir))
        .run();
}

#[test]
fn ten_people_undoing_their_own_entries_at_once_all_succeed() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("alvesta-2017-2018.toml");
    let before = fs::read(&file).unwrap();
    let user = |i: usize| format!("writer {i}");
    for i in 0..10 {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_USER", user(i))
            .args(["done", "alvesta", "samverkansmoten", "--date", "2017-03-06"])
            .stdout_is(recorded())
            .run();
    }
    let children: Vec<_> = (0..10)
        .map(|i| {
            Test::new()
                .env("PLEDGE_DIR", &dir)
                .env("PLEDGE_USER", user(i))
                .args(["undo", "alvesta"])
                .stdout_is(removed())
                .stderr(format!(
                    "removing {}'s entry of 2017-03-06 (samverkansmoten)\n",
                    user(i)
                ))
                .spawn()
        })
        .collect();
    for c in children {
        c.finish();
    }
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn undo_leaves_hand_written_entries_alone() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("kil.toml");
    let text = fs::read_to_string(Path::new(ROOT).join("tests/fixtures/odd.toml")).unwrap();
    fs::write(&file, &text).unwrap();
    // The entry names no one, so it is not the user's: undo removes it only when named,
    // and then leaves it alone as it was written by hand.
    pledge_in(tmp.path())
        .args(["undo", "kil"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "none of the 1 entry of Kil's löften is yours (Test User)",
        ))
        .run();
    pledge_in(tmp.path())
        .args(["undo", "kil", "--date", "2016-11-02"])
        .status(1)
        .stderr_is(predicate::str::contains("is not as `pledge done` wrote it"))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

/// Two walks on one day are two entries: the second is recorded, and the reply says so in the
/// user's language, with the command that removes it.
#[test]
fn the_same_work_twice_on_one_day_is_recorded_and_said() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let done = |lang: &str| {
        pledge_in(&dir)
            .env("PLEDGE_USER", "anna")
            .env("PLEDGE_LANG", lang)
            .args(["done", "filipstad", "trygg", "--date", "2016-05-12"])
            .status(0)
            .read_stdout()
    };
    let first = done("en");
    assert!(!first.contains("note:"), "{first}");
    let second = done("en");
    let after_second = fs::read_to_string(&file).unwrap();
    assert!(
        second.ends_with(
            "note: \"trygghetsvandring\" is now recorded 2 times on 2016-05-12, and each counts\n  \
             if this one was a mistake, `pledge undo filipstad` removes it\n"
        ),
        "{second}"
    );
    let third = done("sv");
    assert!(
        third.contains("obs: \"trygghetsvandring\" är nu registrerad 3 gånger den 2016-05-12"),
        "{third}"
    );
    // Both are kept, and the undo the reply names removes the last one.
    assert_eq!(
        fs::read_to_string(&file)
            .unwrap()
            .matches("date = 2016-05-12")
            .count(),
        3
    );
    pledge_in(&dir)
        .env("PLEDGE_USER", "anna")
        .args(["undo", "filipstad"])
        .status(0)
        .stdout_is(removed())
        .stderr_is(predicate::str::contains(
            "removing anna's entry of 2016-05-12",
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), after_second);
}
