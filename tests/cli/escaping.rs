//! Output that cannot attack its reader: file names, folder arguments and invisible
//! characters are shown escaped in every command's output.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test};

/// A name that sets the terminal's title (OSC 0) when printed raw.
const HOSTILE: &str = "\u{1b}]0;owned\u{7}x";
const SHOWN: &str = "\\u{1b}]0;owned\\u{7}x";

fn any_outcome(dir: &Path) -> Test {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", "2016-06-01")
        .status_one_of(&[0, 1, 2])
        .stdout_is(predicate::always())
        .stderr_is(predicate::always())
}

#[test]
fn file_and_folder_names_with_escape_sequences_are_printed_escaped() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join(format!("pledges{HOSTILE}"));
    fs::create_dir(&dir).unwrap();
    fs::copy(
        Path::new(ROOT).join("pledges/filipstad-2016.toml"),
        dir.join(format!("{HOSTILE}.toml")),
    )
    .unwrap();
    fs::write(dir.join(format!("bad{HOSTILE}.toml")), "title = \n").unwrap();
    let missing = tmp.path().join(format!("gone{HOSTILE}"));
    let runs: Vec<Vec<String>> = [
        vec!["validate"],
        vec!["status", "--all"],
        vec!["status", "--all", "--format", "json"],
        vec!["check", "--within", "400"],
        vec!["list"],
        vec!["list", "--format", "csv"],
        vec!["log", "--format", "csv"],
        vec!["report", "filipstad"],
        vec!["done", "filipstad", "nothing-such"],
    ]
    .into_iter()
    .map(|a| a.into_iter().map(String::from).collect())
    .collect();
    let mut shown = 0;
    for args in runs {
        let out = any_outcome(&dir).args(&args).run();
        let all = format!("{}{}", out.stdout, out.stderr);
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}'),
            "{args:?} printed a raw escape: {all:?}"
        );
        shown += usize::from(all.contains(SHOWN));
    }
    assert!(
        shown >= 7,
        "file names were shown escaped by {shown} commands"
    );
    // A folder argument, a PATH argument, and the folder in a message.
    for args in [
        vec!["validate".to_string(), missing.display().to_string()],
        vec!["validate".to_string(), dir.display().to_string()],
        vec![
            "--dir".to_string(),
            missing.display().to_string(),
            "list".to_string(),
        ],
    ] {
        let out = any_outcome(&dir).args(&args).run();
        let all = format!("{}{}", out.stdout, out.stderr);
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}'),
            "{args:?}: {all:?}"
        );
        assert!(all.contains(SHOWN), "{args:?}: {all:?}");
    }
}

#[test]
fn an_invisible_character_makes_a_visible_difference_in_did_you_mean() {
    let tmp = TempDir::new().unwrap();
    let text = fs::read_to_string(Path::new(ROOT).join("pledges/filipstad-2016.toml")).unwrap();
    let text =
        format!("{text}\n[[log]]\ndate = 2016-05-12\nactivity = \"trygghetsvandring\u{200b}\"\n");
    fs::write(tmp.path().join("filipstad-2016.toml"), text).unwrap();
    let out = any_outcome(tmp.path()).args(["validate"]).run();
    assert!(
        out.stdout.contains(
            "log entry for unknown activity \"trygghetsvandring\\u{200b}\"; did you mean `trygghetsvandring`?"
        ) || (out.stdout.contains("unknown activity \"trygghetsvandring\\u{200b}\"")
            && out.stdout.contains("did you mean `trygghetsvandring`?")),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains('\u{200b}'), "{}", out.stdout);
    // The same from `done`, and for a direction mark and a line separator.
    for (typed, shown) in [
        ("trygghetsvandring\u{200b}x", "trygghetsvandring\\u{200b}x"),
        ("trygg\u{200f}x", "trygg\\u{200f}x"),
        ("trygg\u{2028}x", "trygg\\u{2028}x"),
    ] {
        let dir = TempDir::new().unwrap();
        fs::copy(
            Path::new(ROOT).join("pledges/filipstad-2016.toml"),
            dir.path().join("filipstad-2016.toml"),
        )
        .unwrap();
        let out = any_outcome(dir.path())
            .args(["done", "filipstad", typed, "--date", "2016-05-12"])
            .run();
        assert!(
            out.stderr.contains(&format!("no activity \"{shown}\"")),
            "{typed:?}: {}",
            out.stderr
        );
    }
}
