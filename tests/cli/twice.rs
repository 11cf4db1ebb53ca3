//! The same löfte in two files: `done` and `report` say what is wrong, not `--area` advice.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, pledge_in};

#[test]
fn the_same_lofte_in_two_files_is_named_with_how_to_fix_it() {
    let tmp = TempDir::new().unwrap();
    let original = Path::new(ROOT).join("pledges/filipstad-2016.toml");
    fs::copy(&original, tmp.path().join("filipstad-2016.toml")).unwrap();
    fs::copy(&original, tmp.path().join("filipstad-2016-copy.toml")).unwrap();
    let before = fs::read(tmp.path().join("filipstad-2016.toml")).unwrap();
    let said = || {
        predicate::str::contains("the same löfte is in two files: ")
            .and(predicate::str::contains(
                "filipstad-2016.toml (2016-01-01 to 2016-12-31)",
            ))
            .and(predicate::str::contains(
                "filipstad-2016-copy.toml (2016-01-01 to 2016-12-31)",
            ))
            .and(predicate::str::contains("; remove one"))
            .and(predicate::str::contains("--area").not())
    };
    pledge_in(tmp.path())
        .args(["done", "filipstad", "trygg", "--date", "2016-05-12"])
        .status(1)
        .stderr_is(said())
        .run();
    assert_eq!(
        fs::read(tmp.path().join("filipstad-2016.toml")).unwrap(),
        before
    );
    pledge_in(tmp.path())
        .args(["report", "filipstad", "--as-of", "2016-06-01"])
        .status(2)
        .stderr_is(said())
        .run();
}
