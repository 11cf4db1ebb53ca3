//! Hostile input and faults: stale locks, huge files, broken files beside good ones, the
//! regression corpus.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, copy_pledges, pledge_in, recorded};

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
    pledge_in(&dir)
        .env("PLEDGE_LOCK_TIMEOUT", "0.2")
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .status(2)
        .stderr_is(predicate::str::contains("another pledge process has held"))
        .run();
    holder.kill().unwrap();
    holder.wait().unwrap();
    pledge_in(&dir)
        .env("PLEDGE_LOCK_TIMEOUT", "5")
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .stdout_is(recorded())
        .run();
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
    let out = Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["status", "--format", "json", "--as-of", "2016-12-31"])
        .read_stdout();
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
    Test::new()
        .args(["validate", dir.join("big.toml").to_str().unwrap()])
        .status(1)
        .stdout_is(predicate::str::contains(
            "error: the file is 17.8 MB; pledge files are limited to 16 MiB",
        ))
        .run();

    // A 1 MB line with an error at its end: the snippet is a window, not the megabyte.
    let long = huge_base().replace(
        "title = \"Test\"",
        &format!("title = \"{}\" x", "y".repeat(1 << 20)),
    );
    fs::write(dir.join("long.toml"), &long).unwrap();
    let out = Test::new()
        .args(["validate", dir.join("long.toml").to_str().unwrap()])
        .status(1)
        .read_stdout();
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
        Test::new()
            .args(["validate", file.to_str().unwrap()])
            .status(1)
            .stdout_is(predicate::str::contains("max recursion depth met"))
            .run();
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
        let stderr = Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(args)
            .status(1)
            .stdout_is(predicate::always())
            .stderr_is(predicate::str::is_empty().not())
            .run()
            .stderr;
        assert!(
            stderr.contains("broken.toml:2:10: error: unknown kommun \"Filipstadt\""),
            "{stderr}"
        );
        assert!(
            stderr.contains("latin1.toml:1:11: error: the file is not valid UTF-8"),
            "{stderr}"
        );
    }
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["list", "--format", "csv"])
        .status(1)
        .stderr_is(
            predicate::str::contains("broken.toml:2:10: error: unknown kommun")
                .and(predicate::str::contains("latin1.toml:1:11: error:")),
        )
        .read_stdout();
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
            // The whole output of each is pinned by the cases of tests/cmd/; here: no panic.
            Test::new()
                .args(["validate", "--as-of", "2020-01-01"])
                .arg(&path)
                .status_one_of(&[0, 1])
                .stdout_is(predicate::always())
                .stderr_is(predicate::str::contains("panicked").not())
                .run();
            let tmp = TempDir::new().unwrap();
            fs::copy(&path, tmp.path().join("x.toml")).unwrap();
            for args in [
                &["status", "--all", "--as-of", "2016-06-01"][..],
                &["check", "--as-of", "2016-06-01"],
                &["list"],
            ] {
                Test::new()
                    .env("PLEDGE_DIR", tmp.path())
                    .args(args)
                    .status_one_of(&[0, 1, 2])
                    .stdout_is(predicate::always())
                    .stderr_is(predicate::str::contains("panicked").not())
                    .run();
            }
        }
    }
    assert!(n >= 40, "{n} files");
}

/// A broken file's own words quoted in the "may hold it but cannot be read" note (status,
/// report, done …) are escaped like every other diagnostic: the file's author cannot clear
/// the screen, set the window title or reverse the line.
#[test]
fn the_unreadable_note_escapes_the_files_own_words() {
    let (_tmp, dir) = copy_pledges();
    let path = dir.join("filipstad-2016.toml");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "id = \"trygghetsvandring\"",
        "id = \"x\\u001b[2J\\u001b]0;PWNED\\u0007y\\u202e\"",
        1,
    );
    fs::write(&path, text).unwrap();
    for args in [
        &["status", "filipstad"][..],
        &["report", "filipstad"][..],
        &["done", "filipstad", "trygg", "--date", "2016-05-01"][..],
    ] {
        let out = pledge_in(&dir)
            .args(args)
            .status(1)
            .stderr_is(predicate::str::contains("may hold it but cannot be read"))
            .run();
        let err = out.stderr;
        for c in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!err.contains(c), "{args:?}: {err:?}");
        }
        assert!(err.contains("\\u{1b}[2J"), "{err}");
        // It names the file that may hold the löfte: never "there are none" beside it.
        assert!(!err.contains("there are none"), "{err}");
    }
}

/// A count the file cannot hold (over 10000) is refused before anything is written: one
/// extra zero must not leave a löfte that no command, `undo` included, can read.
#[test]
fn a_count_the_file_cannot_hold_is_refused_and_nothing_is_written() {
    let (_tmp, dir) = copy_pledges();
    let path = dir.join("filipstad-2016.toml");
    let before = fs::read(&path).unwrap();
    for extra in [&[][..], &["--request"][..]] {
        pledge_in(&dir)
            .args(["done", "filipstad", "trygg", "--date", "2016-05-01"])
            .args(["--count", "10001"])
            .args(extra)
            .status(2)
            .stderr_is(predicate::str::contains("10001"))
            .run();
    }
    assert_eq!(fs::read(&path).unwrap(), before);
    pledge_in(&dir)
        .args(["done", "filipstad", "trygg", "--date", "2016-05-01"])
        .args(["--count", "10000"])
        .stdout_is(recorded())
        .run();
    pledge_in(&dir)
        .arg("validate")
        .stdout_is(predicate::str::contains("0 errors"))
        .run();
}

/// Every command that names a file it cannot read says so in the reader's language (report,
/// calendar, done, undo as status does), and the folder's note in log.
#[test]
fn the_unreadable_notes_are_in_swedish_in_every_command() {
    let (_tmp, dir) = copy_pledges();
    let path = dir.join("filipstad-2016.toml");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "id = \"trygghetsvandring\"",
        "id = \"Trygg Vandring\"",
        1,
    );
    fs::write(&path, text).unwrap();
    for args in [
        &["report", "filipstad"][..],
        &["calendar", "filipstad"][..],
        &["done", "filipstad", "trygg", "--date", "2016-05-01"][..],
        &["undo", "filipstad"][..],
    ] {
        let out = pledge_in(&dir)
            .args(["--lang", "sv"])
            .args(args)
            .status(1)
            .stderr_is(predicate::str::contains(
                "kan innehålla löftet men går inte att läsa",
            ))
            .run();
        assert!(
            !out.stderr.contains("cannot be read"),
            "{args:?}: {}",
            out.stderr
        );
    }
    pledge_in(&dir)
        .args(["--lang", "sv", "log"])
        .status(1)
        .stdout_is(predicate::always())
        .stderr_is(predicate::str::contains("filen hoppas över"))
        .run();
}
