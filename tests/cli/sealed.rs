//! Issue 25: a kommun's view of a sealed folder (its index lists every file and no name was
//! added, removed or renamed since, see "The pledges folder") does not list the folder, yet
//! answers exactly as a folder read without any index does: a file edited in place (to the
//! same size, within the same second as the view before it) is seen, a file that can no
//! longer be read or decoded is named, and a copy under another name is found.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{Output, ROOT, Test};

/// A small valid löfte for `kommun` in `area`.
fn lofte(kommun: &str, area: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join("tests/bad/count-zero.toml"))
        .unwrap()
        .replace("count = 0", "count = 2")
        .replace(
            "kommun = \"Filipstad\"",
            &format!("kommun = \"{kommun}\"\narea = \"{area}\""),
        )
}

/// `pledge ARGS` run in `dir` on `dir` itself (so every path it prints is the same in any
/// folder of the same files).
fn view(dir: &Path, args: &[&str]) -> Output {
    Test::new()
        .current_dir(dir)
        .env("PLEDGE_DIR", ".")
        .env("PLEDGE_AS_OF", "2016-06-01")
        .args(args)
        .status_one_of(&[0, 1, 2])
        .stderr_is(predicate::always())
        .stdout_is(predicate::always())
        .run()
}

/// The views compared, each of one kommun.
const VIEWS: &[&[&str]] = &[
    &["status", "ale"],
    &["status", "ale", "--format", "json"],
    &["report", "ale"],
    &["log", "ale"],
    &["calendar", "ale"],
    &["list", "--kommun", "ale"],
    &["status", "ale", "kil"],
];

/// Every view of `dir` against the same view of a fresh copy of its pledge files (no index,
/// no seal: every file read).
fn same_as_unindexed(dir: &Path, what: &str) {
    let copy = TempDir::new().unwrap();
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if !e.file_name().to_string_lossy().starts_with('.') {
            fs::copy(e.path(), copy.path().join(e.file_name())).unwrap();
        }
    }
    for args in VIEWS {
        let (got, want) = (view(dir, args), view(copy.path(), args));
        assert_eq!(got.stdout, want.stdout, "{what}: stdout of {args:?}");
        assert_eq!(got.stderr, want.stderr, "{what}: stderr of {args:?}");
    }
}

/// Whether the folder's seal is there (the first line of its lock file).
fn sealed(dir: &Path) -> bool {
    fs::read_to_string(dir.join(".pledge.lock")).is_ok_and(|t| t.starts_with("pledge-seal "))
}

#[test]
fn a_sealed_folder_sees_in_place_edits_unreadable_files_and_copies() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let put = |name: &str, text: &str| fs::write(dir.join(name), text).unwrap();
    put("ale-2016.toml", &lofte("Ale", "Nödinge"));
    put("kil-2016.toml", &lofte("Kil", "Centrum"));
    put("other.toml", &lofte("Kil", "Surte"));
    // A folder of fewer than 100 files has no index: another kommun's löften fill it.
    for i in 0..100 {
        put(
            &format!("grums-{i:03}.toml"),
            &lofte("Grums", &format!("Del {i}")),
        );
    }
    // Files younger than the index's margin are never trusted: let them age.
    std::thread::sleep(std::time::Duration::from_millis(3500));
    same_as_unindexed(dir, "indexed now");
    assert!(sealed(dir), "a view of a folder it indexed seals it");
    let index = dir.join(".pledge-index");
    let written = fs::metadata(&index).unwrap().modified().unwrap();
    same_as_unindexed(dir, "sealed, nothing changed");
    assert_eq!(fs::metadata(&index).unwrap().modified().unwrap(), written);

    // Edited in place (same name, same size, same folder: the seal still holds) to name Ale,
    // and at once back again, within the same second.
    let other = dir.join("other.toml");
    let kil = fs::read_to_string(&other).unwrap();
    let ale = kil.replace("\"Kil\"", "\"Ale\"");
    assert_eq!(ale.len(), kil.len());
    fs::write(&other, &ale).unwrap();
    assert!(sealed(dir));
    same_as_unindexed(dir, "edited in place to name Ale");
    fs::write(&other, &kil).unwrap();
    same_as_unindexed(dir, "edited back within the same second");

    // Edited in place into bytes that are not UTF-8: named, by any kommun's view.
    fs::write(dir.join("kil-2016.toml"), b"kommun = \"Kil\xff\"\n").unwrap();
    assert!(sealed(dir));
    same_as_unindexed(dir, "a file that cannot be decoded");
    let out = view(dir, &["status", "ale"]);
    assert!(out.stdout.contains("kil-2016.toml") || out.stderr.contains("kil-2016.toml"));

    // A copy under another name (the folder changes: the seal breaks, and is made again).
    fs::copy(dir.join("ale-2016.toml"), dir.join("zz kopia.toml")).unwrap();
    same_as_unindexed(dir, "a copy under another name");
    std::thread::sleep(std::time::Duration::from_millis(3500));
    same_as_unindexed(dir, "the copy, indexed and sealed");
    assert!(sealed(dir));
}

/// A file that cannot be opened (no permission) in a sealed folder is named. Root may open
/// any file, so this runs only for another user.
#[cfg(unix)]
#[test]
fn a_sealed_folder_names_a_file_it_may_not_read() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    for i in 0..100 {
        fs::write(
            dir.join(format!("grums-{i:03}.toml")),
            lofte("Grums", &format!("Del {i}")),
        )
        .unwrap();
    }
    let locked = dir.join("kil-2016.toml");
    fs::write(&locked, lofte("Kil", "Centrum")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3500));
    same_as_unindexed(dir, "indexed now");
    assert!(sealed(dir));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        return; // root
    }
    let out = view(dir, &["status", "ale"]);
    assert!(
        out.stderr.contains("kil-2016.toml") || out.stdout.contains("kil-2016.toml"),
        "{}{}",
        out.stdout,
        out.stderr
    );
}

/// `pledge done ale walk` in `dir` on 2016-03-01 in the area, which must exit with `code`.
fn done(dir: &Path, area: &str, code: i32) -> Output {
    Test::new()
        .current_dir(dir)
        .env("PLEDGE_DIR", ".")
        .env("PLEDGE_AS_OF", "2016-06-01")
        .env("PLEDGE_USER", "test")
        .args([
            "done",
            "ale",
            "walk",
            "--date",
            "2016-03-01",
            "--area",
            area,
        ])
        .status(code)
        .stderr_is(predicate::always())
        .stdout_is(predicate::always())
        .run()
}

/// A writer in a sealed folder parses only the löfte it writes, telling the others' kommuner,
/// area and period from the index: yet a line whose file was edited in place since (the same
/// size, within the same second) is not trusted, and a copy under another name is refused.
#[test]
fn a_sealed_writer_trusts_no_stale_line_and_refuses_copies() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let put = |name: &str, text: &str| fs::write(dir.join(name), text).unwrap();
    put("ale-2016.toml", &lofte("Ale", "Nödinge"));
    put("ale-x.toml", &lofte("Ale", "Xödinge"));
    for i in 0..100 {
        put(
            &format!("grums-{i:03}.toml"),
            &lofte("Grums", &format!("Del {i}")),
        );
    }
    // A killed writer's temporary file: a writer that lists the folder removes it.
    put(".pledge-left.tmp", "a copy");
    std::thread::sleep(std::time::Duration::from_millis(3500));
    view(dir, &["status", "ale"]);
    assert!(sealed(dir), "a view of a folder it indexed seals it");

    done(dir, "Nödinge", 0);
    assert!(
        dir.join(".pledge-left.tmp").exists(),
        "a sealed writer does not list the folder"
    );
    assert!(sealed(dir));

    // Edited in place, at once and to the same size, into a copy of the löfte written to:
    // its index line no longer matches the file, so it is read, and the write refused.
    let other = dir.join("ale-x.toml");
    let before = fs::read_to_string(&other).unwrap();
    let copy = before.replace("Xödinge", "Nödinge");
    assert_eq!(copy.len(), before.len());
    fs::write(&other, &copy).unwrap();
    assert!(sealed(dir));
    let out = done(dir, "Nödinge", 1);
    assert!(
        out.stderr.contains("the same löfte is in two files") && out.stderr.contains("ale-x.toml"),
        "{}",
        out.stderr
    );
    fs::write(&other, &before).unwrap();
    done(dir, "Nödinge", 0);

    // A copy under another name, indexed and sealed: refused from the index's lines.
    fs::copy(dir.join("ale-2016.toml"), dir.join("zz kopia.toml")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3500));
    view(dir, &["status", "ale"]);
    assert!(sealed(dir));
    let out = done(dir, "Nödinge", 1);
    assert!(out.stderr.contains("zz kopia.toml"), "{}", out.stderr);
}
