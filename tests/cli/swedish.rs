//! Issue 28: the same commands in Swedish and in English, their errors, diagnostics, `check`
//! lines and `done`/`undo` replies, snapshotted side by side: every message a person reads
//! is in the language asked for (English stays as it was), and the exit codes agree.

use std::path::Path;
use std::process::Command;

use crate::support::{ROOT, copy_pledges, snapshot};

/// Runs the commands on a fresh copy of pledges/ in one language; the transcript of each:
/// the command, its exit code, its stdout and its stderr (the scratch folder's path shown
/// as `$DIR`).
fn transcript(lang: &str) -> (String, Vec<i32>) {
    let (_tmp, dir) = copy_pledges();
    let bad = Path::new(ROOT).join("tests/bad/unknown-key.toml");
    let bad = bad.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec![
            "done",
            "filipstad",
            "trygghetsvandring",
            "--date",
            "2016-05-12",
            "--by",
            "Anna Andersson",
            "--note",
            "Centrum",
        ],
        vec![
            "done",
            "filipstad",
            "trygghetsvandrnig",
            "--date",
            "2016-05-13",
        ],
        vec!["done", "munkfors", "andt", "--date", "2017-05-13"],
        vec!["done", "nosuch", "x"],
        vec!["done", "filipstad", "trygg"],
        vec!["done", "filipstad", "trygg", "--date", "2030-01-01"],
        vec!["done", "filipstad", "trygg", "--note", " "],
        vec![
            "undo",
            "filipstad",
            "--by",
            "Bo",
            "--date",
            "2016-05-12",
            "--dry-run",
        ],
        vec!["undo", "filipstad", "--date", "2016-01-02"],
        vec!["undo", "filipstad", "--by", "Anna Andersson"],
        vec!["undo", "filipstad", "--by", "Anna Andersson"],
        vec![
            "verdict",
            "munkfors",
            "andt",
            "kept",
            "--reason",
            "x",
            "--date",
            "2019-01-15",
        ],
        vec![
            "verdict",
            "munkfors",
            "followup",
            "kept",
            "--reason",
            "x",
            "--date",
            "2019-01-15",
        ],
        vec!["validate", bad],
        vec!["check", "--as-of", "2016-10-16"],
    ];
    let mut out = String::new();
    let mut codes = Vec::new();
    for args in commands {
        let run = Command::new(assert_cmd::cargo::cargo_bin("pledge"))
            .args(&args)
            .env_clear()
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("PLEDGE_USER", "Test User")
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2019-06-01")
            .env("PLEDGE_LANG", lang)
            .current_dir(ROOT)
            .output()
            .unwrap();
        let code = run.status.code().unwrap_or(-1);
        codes.push(code);
        let shown = |b: &[u8]| {
            String::from_utf8_lossy(b)
                .replace(dir.to_str().unwrap(), "$DIR")
                .replace(ROOT, "$ROOT")
        };
        let args = args.join(" ").replace(ROOT, "$ROOT");
        out.push_str(&format!(
            "$ pledge {args}\nexit {code}\n--- stdout\n{}--- stderr\n{}\n",
            shown(&run.stdout),
            shown(&run.stderr)
        ));
    }
    (out, codes)
}

#[test]
fn the_same_commands_in_swedish_and_in_english() {
    let (sv, sv_codes) = transcript("sv");
    let (en, en_codes) = transcript("en");
    snapshot("messages-sv.txt", &sv);
    snapshot("messages-en.txt", &en);
    assert_eq!(
        sv_codes, en_codes,
        "the language never changes an exit code"
    );
    // Swedish throughout: the error prefix, the frame of a diagnostic, the replies. (The
    // loader's own diagnostic texts and hints are still English: see the README.)
    for word in [
        "pledge: fel: ",
        ": fel: ",
        "= tips: ",
        "1 fil kontrollerad",
        "posten från Anna Andersson",
        "menade du",
        "okänd kommun",
        "Filipstad: ",
    ] {
        assert!(sv.contains(word), "{word} is not in:\n{sv}");
    }
    for word in [
        "pledge: error: ",
        "did you mean `trygghetsvandring`",
        "unknown kommun",
        "Anna Andersson's entry",
    ] {
        assert!(!sv.contains(word), "{word} is English in Swedish:\n{sv}");
        assert!(en.contains(word), "{word} is not in:\n{en}");
    }
    // A typo shows its "did you mean" on the first line, before the list.
    let typo = en
        .lines()
        .find(|l| l.contains("trygghetsvandrnig\""))
        .unwrap();
    assert!(typo.contains("did you mean `trygghetsvandring`?"), "{typo}");
}
