//! `undo` removes what the user means: their own most recent entry, or the one they name, and
//! says whose entry it removes.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::support::{Test, copy_pledges, recorded, removed};

fn as_user(dir: &Path, user: &str) -> Test {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_USER", user)
        .env("PLEDGE_AS_OF", "2017-06-30")
}

fn walk(dir: &Path, user: &str, date: &str) {
    as_user(dir, user)
        .args(["done", "filipstad", "trygghetsvandring", "--date", date])
        .stdout_is(recorded())
        .run();
}

/// After `git pull` merged a colleague's entry (the merge driver puts entries in date order),
/// the last entry of the newest file is the colleague's: undo must take the user's own.
#[test]
fn after_a_merge_undo_removes_the_users_own_entry_not_a_colleagues() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let base = fs::read_to_string(&file).unwrap();
    let (_t2, theirs_dir) = copy_pledges();
    walk(&dir, "Anna Andersson", "2016-05-12");
    walk(&theirs_dir, "Bo Berg", "2016-09-01");
    let base_file = dir.join("base.toml.orig");
    fs::write(&base_file, &base).unwrap();
    Test::new()
        .args(["merge-driver"])
        .arg(&base_file)
        .arg(&file)
        .arg(theirs_dir.join("filipstad-2016.toml"))
        .run();
    fs::remove_file(&base_file).unwrap();
    let merged = fs::read_to_string(&file).unwrap();
    let (anna, bo) = (
        merged.find("Anna Andersson").unwrap(),
        merged.find("Bo Berg").unwrap(),
    );
    assert!(anna < bo, "the colleague's entry is last: {merged}");
    as_user(&dir, "anna andersson")
        .args(["undo", "filipstad"])
        .stdout_is(removed().and(predicate::str::contains("by = \"Anna Andersson\"")))
        .stderr_is(predicate::str::starts_with(
            "removing Anna Andersson's entry of 2016-05-12 (trygghetsvandring)\n",
        ))
        .run();
    let after = fs::read_to_string(&file).unwrap();
    assert!(!after.contains("Anna Andersson"), "{after}");
    assert!(after.contains("by = \"Bo Berg\""), "{after}");
    // Bo's entry is all that is left: as if Bo alone had recorded.
    assert_eq!(
        after,
        fs::read_to_string(theirs_dir.join("filipstad-2016.toml")).unwrap()
    );
    // Anna has no entry left: undo refuses, naming how to remove someone else's.
    as_user(&dir, "Anna Andersson")
        .args(["undo", "filipstad"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "none of the 1 entry of Filipstad's löften is yours (Anna Andersson), so undo \
             removes none; name the one to remove with --date, --activity or --index N",
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), after);
}

#[test]
fn a_named_entry_of_someone_else_is_removed_and_said_so() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let before = fs::read_to_string(&file).unwrap();
    walk(&dir, "Bo Berg", "2016-05-12");
    walk(&dir, "Anna Andersson", "2016-09-01");
    as_user(&dir, "Anna Andersson")
        .args(["undo", "filipstad", "--date", "2016-05-12"])
        .stdout_is(removed())
        .stderr_is(predicate::str::starts_with(
            "removing Bo Berg's entry of 2016-05-12 (trygghetsvandring); it is not yours \
             (Anna Andersson), and is removed because you named it\n",
        ))
        .run();
    let left = fs::read_to_string(&file).unwrap();
    assert!(!left.contains("Bo Berg") && left.contains("Anna Andersson"));
    // Nothing matches: refused, the file untouched.
    as_user(&dir, "Anna Andersson")
        .args(["undo", "filipstad", "--date", "2016-05-13"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "no entry of Filipstad's löften is dated 2016-05-13; `pledge log filipstad` lists them",
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), left);
    as_user(&dir, "Anna Andersson")
        .args(["undo", "filipstad", "--activity", "trygg"])
        .stdout_is(removed())
        .stderr("removing Anna Andersson's entry of 2016-09-01 (trygghetsvandring)\n")
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn undo_takes_the_index_log_shows() {
    let (_tmp, dir) = copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    walk(&dir, "Bo Berg", "2016-09-01");
    walk(&dir, "Cecilia", "2016-05-12");
    let json = as_user(&dir, "Anna")
        .args(["log", "filipstad", "--format", "json"])
        .read_stdout();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = doc["entries"].as_array().unwrap();
    let bo = entries
        .iter()
        .find(|e| e["by"] == "Bo Berg")
        .unwrap_or_else(|| panic!("{json}"));
    let n = bo["index"].as_u64().unwrap().to_string();
    // Filtered, the numbers would not be undo's: none are given.
    let filtered = as_user(&dir, "Anna")
        .args([
            "log",
            "filipstad",
            "--since",
            "2016-01-01",
            "--format",
            "json",
        ])
        .read_stdout();
    assert!(!filtered.contains("\"index\""), "{filtered}");
    // A dry run says what it would remove and writes nothing.
    let before = fs::read_to_string(&file).unwrap();
    as_user(&dir, "Anna")
        .args(["undo", "filipstad", "--index", &n, "--dry-run"])
        .stdout_is(predicate::str::contains("by = \"Bo Berg\""))
        .stderr_is(predicate::str::starts_with(
            "would remove Bo Berg's entry of 2016-09-01 (trygghetsvandring)",
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
    as_user(&dir, "Anna")
        .args(["undo", "filipstad", "--index", &n])
        .stdout_is(removed().and(predicate::str::contains("by = \"Bo Berg\"")))
        .stderr(
            "removing Bo Berg's entry of 2016-09-01 (trygghetsvandring); it is not yours \
             (Anna), and is removed because you named it\n",
        )
        .run();
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        !after.contains("Bo Berg") && after.contains("Cecilia"),
        "{after}"
    );
    as_user(&dir, "Anna")
        .args(["undo", "filipstad", "--index", "99"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "no entry of Filipstad's löften is number 99",
        ))
        .run();
    // The numbers begin at 1: 0 is mistyped (exit 2, as every usage error), not refused;
    // nothing is written, in either language.
    let before = fs::read_to_string(&file).unwrap();
    as_user(&dir, "Anna")
        .args(["undo", "filipstad", "--index", "0"])
        .status(2)
        .stderr_is(predicate::str::contains("--index counts from 1"))
        .run();
    as_user(&dir, "Anna")
        .args(["--lang", "sv", "undo", "filipstad", "--index", "0"])
        .status(2)
        .stderr_is(predicate::str::contains(
            "pledge: fel: --index räknar från 1",
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}
