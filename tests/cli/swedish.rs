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

/// Runs pledge with only these settings; (exit code, stderr).
fn run_with(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let (_tmp, dir) = copy_pledges();
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("pledge"));
    cmd.args(args)
        .env_clear()
        .env("NO_COLOR", "1")
        .env("PLEDGE_DIR", &dir)
        .env("PLEDGE_AS_OF", "2016-10-16");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let run = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    (run.status.code().unwrap_or(-1), stderr)
}

/// A trial's first mistake, a date typed wrong, is said in Swedish (as `--lang sv`, `--lang=sv`,
/// PLEDGE_LANG or the locale ask), wrapped between words at COLUMNS, exit 2 as before; English
/// keeps clap's words.
#[test]
fn a_malformed_date_is_said_in_the_users_language() {
    let done = ["done", "filipstad", "trygg", "--date", "2016-13-01"];
    for (args, env) in [
        (&done[..], &[("LANG", "sv_SE.UTF-8")][..]),
        (&done[..], &[("PLEDGE_LANG", "sv")][..]),
        (
            &[
                "--lang",
                "sv",
                "status",
                "filipstad",
                "--as-of",
                "2016-13-01",
            ][..],
            &[][..],
        ),
        (
            &["status", "filipstad", "--lang=sv", "--as-of", "2016-13-01"][..],
            &[("LANG", "C")][..],
        ),
    ] {
        let (code, err) = run_with(args, env);
        assert_eq!(code, 2, "{args:?} {env:?}: {err}");
        assert!(
            err.starts_with("pledge: fel: --")
                && err.contains("\"2016-13-01\" är inget datum; skriv ÅÅÅÅ-MM-DD"),
            "{args:?} {env:?}: {err}"
        );
        assert!(!err.contains("invalid value"), "{err}");
    }
    let (code, err) = run_with(&done, &[("LANG", "sv_SE.UTF-8"), ("COLUMNS", "60")]);
    assert_eq!(code, 2);
    assert!(err.lines().all(|l| l.chars().count() <= 60), "{err}");
    assert!(err.contains("\n    "), "wrapped, the rest indented: {err}");
    // English, and Swedish asked for but overruled by --lang en: clap's text as before.
    for env in [
        &[("LANG", "C")][..],
        &[("PLEDGE_LANG", "en"), ("LANG", "sv_SE.UTF-8")][..],
    ] {
        let (code, err) = run_with(&done, env);
        assert_eq!(code, 2);
        assert!(
            err.starts_with("error: invalid value '2016-13-01' for '--date <DATE>'")
                && err.contains("is not a date; write YYYY-MM-DD"),
            "{env:?}: {err}"
        );
    }
}

/// `import`'s refusals and its reply are said in the reader's language: a text that names no
/// kommun stops (exit 1) with what is missing and the flag that gives it, in Swedish under a
/// Swedish locale and byte for byte as before in English; nothing is written either way.
#[test]
fn import_says_what_the_text_lacks_in_the_readers_language() {
    let tmp = tempfile::TempDir::new().unwrap();
    let text = tmp.path().join("trygg.txt");
    std::fs::write(
        &text,
        "Trygghet i stan\n\n- Polisen går trygghetsvandringar.\n",
    )
    .unwrap();
    let out = tmp.path().join("utkast.toml");
    let (t, o) = (text.to_str().unwrap(), out.to_str().unwrap());
    let (code, err) = run_with(&["import", t, "--out", o], &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pledge: fel: kan inte importera trygg.txt: varken texten")
            && err.contains("ange den med --kommun NAMN; inget skrevs"),
        "{err}"
    );
    let (code, err) = run_with(&["import", t, "--out", o], &[("LANG", "C")]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "pledge: error: cannot import trygg.txt: neither the text, its title nor its \
             address names a kommun that pledge knows; give it with --kommun NAME; nothing was \
             written"
        ),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    let run = Command::new(assert_cmd::cargo::cargo_bin("pledge"))
        .args([
            "import",
            t,
            "--out",
            o,
            "--kommun",
            "Kil",
            "--start",
            "2022-01-01",
        ])
        .args(["--end", "2022-12-31"])
        .env_clear()
        .env("LANG", "sv_SE.UTF-8")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    assert!(
        said.starts_with("skrev ") && said.contains(": 1 aktivitet, "),
        "{said}"
    );
}

/// `site`'s refusals of an option it cannot publish and of a folder it will not write into are
/// said in the reader's language; English keeps its words; nothing is written.
#[test]
fn site_refuses_in_the_readers_language() {
    let tmp = tempfile::TempDir::new().unwrap();
    let out = tmp.path().join("webb");
    let o = out.to_str().unwrap();
    let (code, err) = run_with(&["site", o, "--licence", "cc0"], &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--licence cc0: ange licensens adress"),
        "{err}"
    );
    let (code, err) = run_with(&["site", o, "--licence", "cc0"], &[("LANG", "C")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--licence cc0: give the licence's address"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    let file = tmp.path().join("fil.txt");
    std::fs::write(&file, "x").unwrap();
    let f = file.to_str().unwrap();
    let (code, err) = run_with(&["site", f], &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("är ingen mapp; webbplatsen skrevs inte"),
        "{err}"
    );
    let (_, err) = run_with(&["site", f], &[("LANG", "C")]);
    assert!(
        err.contains("is not a folder; the site is not written"),
        "{err}"
    );
}

/// `import FOLDER`'s table in Swedish: its headings, each row's result and the closing line;
/// the English table keeps its columns.
#[test]
fn import_of_a_folder_tables_in_the_readers_language() {
    let tmp = tempfile::TempDir::new().unwrap();
    let texts = tmp.path().join("texter");
    std::fs::create_dir(&texts).unwrap();
    std::fs::write(
        texts.join("a.txt"),
        "Trygghet\n\n- Polisen går vandringar.\n",
    )
    .unwrap();
    std::fs::write(
        texts.join("b.txt"),
        "Trygghet\n\n- Kommunen tänder lampor.\n",
    )
    .unwrap();
    let t = texts.to_str().unwrap();
    let run = |lang: &str| {
        let out = Command::new(assert_cmd::cargo::cargo_bin("pledge"))
            .args(["import", t])
            .env_clear()
            .env("LANG", lang)
            .env("PLEDGE_DIR", tmp.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let sv = run("sv_SE.UTF-8");
    assert!(
        sv.contains("aktiviteter  tolkningar  oplacerade  resultat"),
        "{sv}"
    );
    assert!(sv.contains("behöver --kommun"), "{sv}");
    assert!(
        sv.contains("0 av 2 utkast skrevs; 2 behöver en flagga"),
        "{sv}"
    );
    let en = run("C");
    assert!(
        en.contains("activities  readings  unplaced  result"),
        "{en}"
    );
    assert!(
        en.contains("0 of 2 drafts written; 2 need a flag or a look"),
        "{en}"
    );
}
