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

/// A folder with Filipstad's 2016 löfte and, under a name that says nothing of it, a copy
/// (tester's finding F25); `filler` other kommuner's files beside them.
fn filipstad_and_a_copy(filler: usize) -> TempDir {
    let tmp = TempDir::new().unwrap();
    let original = Path::new(ROOT).join("pledges/filipstad-2016.toml");
    fs::copy(&original, tmp.path().join("filipstad-2016.toml")).unwrap();
    fs::copy(&original, tmp.path().join("kopia av löftet.toml")).unwrap();
    add_filler(tmp.path(), filler);
    tmp
}

/// `n` files of other kommuner (what a national folder holds beside one kommun's).
fn add_filler(dir: &Path, n: usize) {
    let alvesta = fs::read_to_string(Path::new(ROOT).join("pledges/alvesta-2017-2018.toml"))
        .unwrap()
        .replacen("kommun = \"Alvesta\"", "kommun = \"Ale\"", 1);
    for i in 0..n {
        fs::write(dir.join(format!("ale-{i:03}-2017-2018.toml")), &alvesta).unwrap();
    }
}

/// `done` on a löfte with a copy under any name is refused, naming both files, in English and
/// Swedish, and nothing is written (F25: it wrote into one of them).
#[test]
fn done_refuses_a_copy_under_any_name() {
    let tmp = filipstad_and_a_copy(0);
    let before = fs::read(tmp.path().join("filipstad-2016.toml")).unwrap();
    let both = |start: &'static str| {
        predicate::str::contains(start)
            .and(predicate::str::contains("filipstad-2016.toml (2016-01-01"))
            .and(predicate::str::contains("kopia av löftet.toml (2016-01-01"))
    };
    pledge_in(tmp.path())
        .args(["done", "filipstad", "trygg", "--date", "2016-05-12"])
        .status(1)
        .stderr_is(both("the same löfte is in two files: "))
        .run();
    pledge_in(tmp.path())
        .env("PLEDGE_LANG", "sv")
        .args(["done", "filipstad", "trygg", "--date", "2016-05-12"])
        .status(1)
        .stderr_is(both("samma löfte finns i två filer: "))
        .run();
    for name in ["filipstad-2016.toml", "kopia av löftet.toml"] {
        assert_eq!(fs::read(tmp.path().join(name)).unwrap(), before, "{name}");
    }
}

/// In a folder large enough for an index, the copy is found whether the folder's seal holds
/// (the index names it: nothing listed) or not (a copy added after the index: the folder is
/// listed again), and a write with no copy renews the seal.
#[test]
fn done_refuses_a_copy_in_an_indexed_folder_sealed_or_not() {
    let tmp = filipstad_and_a_copy(120);
    let done =
        || pledge_in(tmp.path()).args(["done", "filipstad", "trygg", "--date", "2016-05-12"]);
    let refused = || predicate::str::contains("the same löfte is in two files: ");
    // Indexed and sealed by a view, with the copy already there.
    pledge_in(tmp.path())
        .args(["status", "filipstad"])
        .status_one_of(&[0, 1, 2])
        .stdout_is(predicate::always())
        .stderr_is(predicate::always())
        .run();
    let seal = fs::read_to_string(tmp.path().join(".pledge.lock")).unwrap();
    assert!(seal.starts_with("pledge-seal 2 "), "{seal}");
    done().status(1).stderr_is(refused()).run();
    // Without the copy, the write is made (the seal no longer holds: the folder changed) ...
    fs::remove_file(tmp.path().join("kopia av löftet.toml")).unwrap();
    done()
        .status(0)
        .stdout_is(predicate::str::contains("filipstad-2016.toml:"))
        .run();
    // ... and the next one too, from the seal the first one renewed.
    let renewed = fs::read_to_string(tmp.path().join(".pledge.lock")).unwrap();
    assert!(renewed.starts_with("pledge-seal 2 "), "{renewed}");
    done()
        .status(0)
        .stdout_is(predicate::str::contains("filipstad-2016.toml:"))
        .run();
    // A copy added since: the folder changed, so it is listed again and the copy found.
    fs::copy(
        tmp.path().join("filipstad-2016.toml"),
        tmp.path().join("ny kopia.toml"),
    )
    .unwrap();
    done()
        .status(1)
        .stderr_is(refused().and(predicate::str::contains("ny kopia.toml")))
        .run();
}
