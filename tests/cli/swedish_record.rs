//! Issue 28, the rest: `measure`'s and `verdict`'s refusals, the settings read from PLEDGE_*
//! variables (named as the variable), the store's and the CSV import's messages, `log`'s
//! dates the wrong way round, `done`'s reply without a count due, and a report without a
//! problem: the same commands in Swedish and in English, snapshotted side by side.

use std::fs;
use std::process::Command;

use crate::support::{copy_pledges, snapshot};

/// A command and the variables set for it alone.
type Run<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

/// A löfte of our own with an event and no problem text.
const EVENTS: &str = r#"title = "Löfte för Sunne (påhittat)"
kommun = "Sunne"
[period]
start = 2021-09-01
end = 2022-08-01
[[event]]
id = "bra-mote"
text = "Sammanträde med BRÅ"
[[activity]]
id = "lagesbild"
text = "Vid varje sammanträde med BRÅ redovisar polisen lägesbilden."
owners = ["polisen"]
target = { count = 1, each = "bra-mote" }
[[log]]
date = 2022-01-10
event = "bra-mote"
"#;

fn commands() -> Vec<Run<'static>> {
    let none = Vec::new;
    vec![
        (vec!["measure", "kristinehamn", "enkt", "3"], none()),
        (vec!["measure", "kristinehamn", "enkat", "tre"], none()),
        (vec!["measure", "kristinehamn", "enkat", "1e14"], none()),
        (
            vec![
                "measure",
                "kristinehamn",
                "enkat",
                "3",
                "--date",
                "2030-01-01",
            ],
            none(),
        ),
        (
            vec!["measure", "kristinehamn", "enkat", "3", "--update"],
            none(),
        ),
        (
            vec!["measure", "kristinehamn", "enkat", "3", "--note", " "],
            none(),
        ),
        (
            vec!["measure", "--from-csv", "$DIR", "--indicator", "enkat"],
            none(),
        ),
        (
            vec![
                "measure",
                "--from-csv",
                "$DIR/../values.csv",
                "--indicator",
                "enkat",
            ],
            none(),
        ),
        (
            vec!["verdict", "munkfors", "andt", "kepts", "--reason", "x"],
            none(),
        ),
        (
            vec!["verdict", "munkfors", "andt", "kept", "--reason", " "],
            none(),
        ),
        (
            vec![
                "verdict",
                "munkfors",
                "andt-insatser",
                "kept",
                "--reason",
                "x",
                "--date",
                "2017-06-01",
            ],
            none(),
        ),
        (
            vec![
                "verdict",
                "munkfors",
                "andt",
                "kept",
                "--reason",
                "x",
                "--date",
                "2010-01-01",
            ],
            none(),
        ),
        (
            vec![
                "log",
                "filipstad",
                "--since",
                "2016-06-01",
                "--until",
                "2016-05-01",
            ],
            none(),
        ),
        (vec!["log", "--activity", "xyz"], none()),
        (vec!["status", "--dir", "/no/such/folder"], none()),
        (vec!["validate", "/no/such/file.toml"], none()),
        (vec!["status"], vec![("PLEDGE_DIR", "")]),
        (vec!["status", "filipstad"], vec![("PLEDGE_QUIET", "maybe")]),
        (
            vec!["status", "filipstad"],
            vec![("PLEDGE_AS_OF", "2019-13-01")],
        ),
        (vec!["check"], vec![("PLEDGE_WITHIN", "x")]),
        (vec!["check"], vec![("PLEDGE_CHECK_FORMAT", "xml")]),
        (vec!["check", "--format", "xml"], none()),
        (
            vec!["done", "filipstad", "trygg", "--dry-run"],
            vec![("PLEDGE_USER", "")],
        ),
        (
            vec![
                "done",
                "munkfors",
                "ungdomar",
                "--count",
                "2",
                "--date",
                "2017-06-01",
            ],
            none(),
        ),
        (vec!["report", "sunne", "--as-of", "2022-03-01"], none()),
    ]
}

/// The transcript of the commands on a fresh copy of pledges/ in one language (the scratch
/// folder shown as `$DIR`); the exit codes.
fn transcript(lang: &str) -> (String, Vec<i32>) {
    let (_tmp, dir) = copy_pledges();
    fs::write(dir.join("sunne-2021-2022.toml"), EVENTS).unwrap();
    let csv = dir.parent().unwrap().join("values.csv");
    fs::write(&csv, "Kommun;År;Värde\nKarlstad;2016;50\nRiket;2016;40\n").unwrap();
    let shown_dir = dir.to_str().unwrap().to_string();
    let mut out = String::new();
    let mut codes = Vec::new();
    for (args, env) in commands() {
        let args: Vec<String> = args.iter().map(|a| a.replace("$DIR", &shown_dir)).collect();
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("pledge"));
        cmd.args(&args)
            .env_clear()
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("PLEDGE_USER", "Test User")
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2019-06-01")
            .env("PLEDGE_LANG", lang);
        for (k, v) in &env {
            cmd.env(k, v);
        }
        let run = cmd.output().unwrap();
        let code = run.status.code().unwrap_or(-1);
        codes.push(code);
        let shown = |b: &[u8]| String::from_utf8_lossy(b).replace(&shown_dir, "$DIR");
        let set: String = env.iter().map(|(k, v)| format!("{k}={v:?} ")).collect();
        out.push_str(&format!(
            "$ {set}pledge {}\nexit {code}\n--- stdout\n{}--- stderr\n{}\n",
            args.join(" ").replace(&shown_dir, "$DIR"),
            shown(&run.stdout),
            shown(&run.stderr)
        ));
    }
    (out, codes)
}

#[test]
fn measure_verdict_settings_store_and_import_in_swedish_and_in_english() {
    let (sv, sv_codes) = transcript("sv");
    let (en, en_codes) = transcript("en");
    snapshot("record-messages-sv.txt", &sv);
    snapshot("record-messages-en.txt", &en);
    assert_eq!(
        sv_codes, en_codes,
        "the language never changes an exit code"
    );
    for (sv_word, en_word) in [
        (
            "menade du `enkat-hemsidan`?",
            "did you mean `enkat-hemsidan`?",
        ),
        ("är inget tal", "is not a number"),
        ("ligger utanför", "is outside the range"),
        ("ligger i framtiden", "is in the future"),
        ("hör till --fetch", "go with --fetch"),
        ("--note är tomt", "--note is empty"),
        ("$DIR är ingen fil", "$DIR is not a file"),
        ("ligger före uppföljningen", "is before the follow-up"),
        (
            "har inga rader för Kristinehamn",
            "has no rows for Kristinehamn",
        ),
        ("är ingen bedömning", "is not a verdict"),
        ("behöver en motivering", "needs a reason"),
        ("ligger efter --until", "is after --until"),
        ("finns inte (från --dir", "does not exist (from --dir"),
        ("ingen sådan fil eller mapp", "no such file or folder"),
        ("PLEDGE_DIR är satt men tom", "PLEDGE_DIR is set but empty"),
        ("PLEDGE_QUIET är \"maybe\"", "PLEDGE_QUIET is \"maybe\""),
        (
            "PLEDGE_AS_OF: \"2019-13-01\"",
            "PLEDGE_AS_OF: \"2019-13-01\"",
        ),
        ("PLEDGE_WITHIN är \"x\"", "PLEDGE_WITHIN is \"x\""),
        (
            "PLEDGE_CHECK_FORMAT är \"xml\"",
            "PLEDGE_CHECK_FORMAT is \"xml\"",
        ),
        (
            "PLEDGE_USER är satt men tom",
            "PLEDGE_USER is set but empty",
        ),
        (
            "genomförd 2 gånger under perioden",
            "done 2 times in the period",
        ),
        ("1 per Sammanträde med BRÅ", "1 per Sammanträde med BRÅ"),
        (
            "2022-01-10 Sammanträde med BRÅ",
            "2022-01-10 Sammanträde med BRÅ",
        ),
    ] {
        assert!(sv.contains(sv_word), "{sv_word} is not in:\n{sv}");
        assert!(en.contains(en_word), "{en_word} is not in:\n{en}");
    }
    // A setting typed as a flag is still named as the flag.
    assert!(
        en.contains("invalid value 'xml' for '--format <FORMAT>'"),
        "{en}"
    );
    // No English left in the Swedish transcript's messages.
    for word in [
        "error:",
        " is not ",
        "nothing written",
        "already exists",
        "did you mean",
        "the indicators",
        "entries",
        "leave it out",
        "unset it",
        "(Kolada",
    ] {
        assert!(!sv.contains(word), "{word} is English in Swedish:\n{sv}");
    }
    // A löfte without a problem text has no empty "Problem" heading.
    assert!(
        !sv.contains("## Problembild") && !en.contains("## Problem"),
        "{en}"
    );
    assert!(!sv.contains("per bra-mote") && !en.contains("per bra-mote"));
}

/// `log --since` after `--until` is a usage error, not an empty log.
#[test]
fn log_refuses_since_after_until() {
    let (code, _) = {
        let (_tmp, dir) = copy_pledges();
        let run = Command::new(assert_cmd::cargo::cargo_bin("pledge"))
            .args(["log", "--since", "2017-01-02", "--until", "2017-01-01"])
            .env_clear()
            .env("LANG", "C.UTF-8")
            .env("PLEDGE_DIR", &dir)
            .output()
            .unwrap();
        (run.status.code(), run.stdout)
    };
    assert_eq!(code, Some(2));
}

/// `done`'s note on the same work twice in a day, and `measure`'s reply, wrap between words
/// at the width (they were printed whole, split mid-word by an 80-column terminal).
#[test]
fn the_same_day_note_and_the_measured_line_wrap_between_words() {
    let (_tmp, dir) = copy_pledges();
    let run = |args: &[&str]| {
        let out = Command::new(assert_cmd::cargo::cargo_bin("pledge"))
            .args(args)
            .env_clear()
            .env("LANG", "sv_SE.UTF-8")
            .env("COLUMNS", "60")
            .env("PLEDGE_USER", "Test User")
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2017-06-01")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let done = ["done", "filipstad", "trygg", "--date", "2016-05-12"];
    run(&done);
    let twice = run(&done);
    let joined = twice.replace("\n    ", " ");
    assert!(
        joined.contains("är nu registrerad 2 gånger den 2016-05-12"),
        "{twice}"
    );
    let measured = run(&[
        "measure",
        "kristinehamn",
        "enkat",
        "62,5",
        "--date",
        "2017-03-01",
    ]);
    // (The line naming the file holds the scratch folder's long path, which is not split.)
    let fits = |l: &str| l.contains("/pledges/") || l.chars().count() <= 60;
    for out in [&twice, &measured] {
        assert!(out.lines().all(fits), "{out}");
    }
    assert!(
        measured.contains("\n    "),
        "wrapped, the rest indented: {measured}"
    );
}
