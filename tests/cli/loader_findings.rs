//! The loader's answers to hostile and mistyped files (last round's findings F1–F4, F6, F17,
//! F19, F21 and the parser's words in Swedish), each through the binary.

use std::fs;
use std::path::PathBuf;

use tempfile::TempDir;

use crate::support::{ROOT, Test};

/// A file of `text` in a temporary folder (kept while the folder lives).
fn file(tmp: &TempDir, name: &str, text: &[u8]) -> PathBuf {
    let path = tmp.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

/// `validate`'s output for a broken file (exit 1), in `lang`.
fn broken(text: &[u8], lang: &str) -> String {
    let tmp = TempDir::new().unwrap();
    let path = file(&tmp, "f.toml", text);
    let out = Test::new()
        .args(["validate", "--as-of", "2020-01-01", "--lang", lang])
        .arg(&path)
        .status(1)
        .read_stdout();
    out.replace(path.to_str().unwrap(), "f.toml")
}

/// A valid löfte with `extra` after its first activity.
fn lofte(extra: &str) -> String {
    format!(
        "title = \"Test\"\nkommun = \"Kil\"\n\n[period]\nstart = 2016-01-01\nend = 2017-12-31\n\n[[activity]]\nid = \"walk\"\ntext = \"Vandringar.\"\nowners = [\"kommunen\"]\ntarget = {{ count = 2, per = \"year\" }}\n\n[followup]\nwhen = \"2018-Q1\"\n{extra}"
    )
}

#[test]
fn f1_a_quoted_date_is_proposed_as_toml_writes_it() {
    let out = broken(
        lofte("")
            .replace("start = 2016-01-01", "start = \"2016-1-1\"")
            .as_bytes(),
        "en",
    );
    assert!(
        out.contains("hint: remove the quotes: `start = 2016-01-01`"),
        "{out}"
    );
}

#[test]
fn f2_a_key_nested_too_deep_is_pointed_at() {
    let key = format!("{}b", "a.".repeat(100));
    let out = broken(lofte(&format!("{key} = 1\n")).as_bytes(), "en");
    assert!(
        out.starts_with("f.toml:16:160: error: invalid TOML: recursion limit"),
        "{out}"
    );
    assert!(
        out.contains("hint: tables, arrays and dotted keys nest at most 80 deep here"),
        "{out}"
    );
}

#[test]
fn f3_an_unclosed_multi_line_string_is_named_where_it_opens() {
    let text = lofte("").replace(
        "title = \"Test\"",
        "title = \"Test\"\npromise = \"\"\"\nVi lovar",
    );
    let out = broken(text.as_bytes(), "en");
    assert!(
        out.starts_with("f.toml:2:11: error: invalid TOML: invalid multi-line basic string"),
        "{out}"
    );
    assert!(
        out.contains("the string that opens here is never closed: end it with `\"\"\"`"),
        "{out}"
    );
}

#[test]
fn f4_cr_only_line_endings_are_one_error() {
    let out = broken(lofte("").replace('\n', "\r").as_bytes(), "en");
    assert_eq!(
        out,
        "f.toml:1:1: error: the lines end in CR only (old Mac line endings)\n  = hint: save the file with LF or CRLF line endings (in most editors: \"Line endings\")\n1 file checked: 1 error, 0 warnings\n"
    );
    let sv = broken(lofte("").replace('\n', "\r").as_bytes(), "sv");
    assert!(sv.contains("fel: raderna slutar bara med CR"), "{sv}");
}

#[test]
fn f6_a_title_of_invisible_characters_is_empty() {
    let out = broken(
        lofte("")
            .replace("\"Test\"", "\"\u{200b}\u{feff} \"")
            .as_bytes(),
        "en",
    );
    assert!(
        out.starts_with("f.toml:1:9: error: `title` is empty"),
        "{out}"
    );
}

#[test]
fn f21_an_unknown_id_with_nothing_close_lists_the_ids() {
    let verdict = "\n[[verdict]]\ndate = 2018-02-12\nactivity = \"xyzzy\"\nverdict = \"kept\"\nreason = \"Gjort.\"\n";
    let out = broken(lofte(verdict).as_bytes(), "en");
    assert!(out.contains("error: unknown activity `xyzzy`"), "{out}");
    assert!(out.contains("hint: the activities are: walk"), "{out}");
    let measured = "\n[[measurement]]\ndate = 2017-11-15\nindicator = \"qqqq\"\nvalue = 64.5\n";
    let out = broken(lofte(measured).as_bytes(), "en");
    assert!(
        out.contains("hint: declare the indicator first: `[[indicator]]`"),
        "{out}"
    );
    let indicator = "\n[[indicator]]\nid = \"trygghet\"\nname = \"Trygga\"\nsource = \"Enkät\"\ndirection = \"higher\"\n";
    let out = broken(lofte(&format!("{indicator}{measured}")).as_bytes(), "sv");
    assert!(out.contains("tips: indikatorerna är: trygghet"), "{out}");
}

#[test]
fn f19_a_file_of_tiny_tables_is_refused_before_it_is_parsed() {
    let text = lofte(&format!("x = [{}]\n", "{a=1},".repeat(300_000)));
    let out = broken(text.as_bytes(), "en");
    assert!(
        out.contains("error: the file holds more than 250000 tables and arrays"),
        "{out}"
    );
    assert!(
        out.contains("hint: a löfte with years of weekly logs has a few thousand"),
        "{out}"
    );
    assert!(out.len() < 2_000, "{} bytes", out.len());
}

#[test]
fn the_parsers_detail_is_in_swedish() {
    let out = broken(
        lofte("")
            .replace("end = 2017-12-31", "end = 2017-02-30")
            .as_bytes(),
        "sv",
    );
    assert!(
        out.contains("fel: ogiltig TOML: ogiltigt datum, väntade dag mellan 01 och 28"),
        "{out}"
    );
    let out = broken(b"title = \"Test\n", "sv");
    assert!(
        out.contains("fel: ogiltig TOML: ogiltig sträng, väntade `\"`"),
        "{out}"
    );
}

#[test]
fn f17_a_broken_file_naming_its_kommun_in_a_literal_string_is_named() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("lofte.toml"),
        "title = 'Trygg'\nkommun = 'Kil'\n[period\n",
    )
    .unwrap();
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["status", "kil", "--as-of", "2016-10-16"])
        .status_one_of(&[1, 2])
        .stdout_is(predicates::prelude::predicate::always())
        .stderr_is(predicates::prelude::predicate::always())
        .run();
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(
        all.contains("lofte.toml may hold it but cannot be read"),
        "{all}"
    );
    let _ = ROOT;
}

#[test]
fn a_file_of_many_wrong_values_shows_the_first_thousand_problems() {
    let units = vec!["1"; 5_000].join(", ");
    let text = lofte("").replace(
        "owners = [\"kommunen\"]",
        &format!("owners = [\"kommunen\"]\nunits = [{units}]"),
    );
    let out = broken(text.as_bytes(), "en");
    assert!(
        out.contains("error: 5000 problems in all; the first 1000 are shown"),
        "{out}"
    );
    assert!(
        out.contains("hint: fix these and run `pledge validate` again"),
        "{out}"
    );
    assert!(
        out.ends_with("1 file checked: 1001 errors, 0 warnings\n"),
        "{out}"
    );
}

/// What the loader refuses as empty (F6), `done`, `undo` and `verdict` refuse before writing:
/// a `--by`, `--note` or `--reason` of only invisible characters would otherwise be appended
/// and leave a file that no longer validates. Nothing is written.
#[test]
fn f6_writers_refuse_what_the_loader_would_call_empty() {
    let (_tmp, dir) = crate::support::copy_pledges();
    let before = fs::read(dir.join("filipstad-2016.toml")).unwrap();
    let d = dir.to_str().unwrap();
    for (flag, value) in [("--by", "\u{200b}"), ("--note", "\u{200b}\u{feff} ")] {
        let run = std::process::Command::new(assert_cmd::cargo::cargo_bin("pledge"))
            .args(["--dir", d, "done", "filipstad", "trygghetsvandring"])
            .args(["--date", "2016-05-01", flag, value])
            .env_clear()
            .env("LANG", "C")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{flag}: {err}");
        assert!(err.contains("empty"), "{flag}: {err}");
    }
    assert_eq!(fs::read(dir.join("filipstad-2016.toml")).unwrap(), before);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("pledge"))
        .args(["--dir", d, "validate"])
        .output()
        .unwrap();
    assert!(out.status.success());
}
