//! Two people logging at once through git: the merge driver.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::support::{ROOT, Test, git, git_ok, recorded};

#[test]
fn merge_driver_keeps_both_sides_entries() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let driver = format!("{} merge-driver %O %A %B", bin.display());
    git_ok(root, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
    git_ok(root, &["clone", "-q", "origin.git", "a"]);
    let a = root.join("a");
    fs::create_dir(a.join("pledges")).unwrap();
    fs::copy(
        Path::new(ROOT).join("pledges/alvesta-2017-2018.toml"),
        a.join("pledges/alvesta-2017-2018.toml"),
    )
    .unwrap();
    fs::write(a.join(".gitattributes"), "pledges/*.toml merge=pledge\n").unwrap();
    fs::write(a.join(".gitignore"), ".pledge.lock\n").unwrap();
    git_ok(&a, &["add", "-A"]);
    git_ok(&a, &["commit", "-qm", "löften"]);
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    git_ok(root, &["clone", "-q", "-b", "main", "origin.git", "b"]);
    let b = root.join("b");
    for clone in [&a, &b] {
        git_ok(
            clone,
            &["config", "merge.pledge.name", "pledge log entries"],
        );
        git_ok(clone, &["config", "merge.pledge.driver", &driver]);
    }
    let record = |clone: &Path, date: &str, note: &str| {
        Test::new()
            .env("PLEDGE_DIR", clone.join("pledges"))
            .args([
                "done",
                "alvesta",
                "samverkansmoten",
                "--date",
                date,
                "--note",
                note,
                "--as-of",
                "2020-01-01",
            ])
            .stdout_is(recorded())
            .run();
        git_ok(clone, &["commit", "-qam", note]);
    };
    record(&a, "2017-03-13", "from A");
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    record(&b, "2017-03-06", "from B, the week before");
    let pull = git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    let merged = fs::read_to_string(b.join("pledges/alvesta-2017-2018.toml")).unwrap();
    assert!(!merged.contains("<<<<<<<"));
    let notes: Vec<&str> = merged
        .lines()
        .filter(|l| l.starts_with("note = "))
        .collect();
    assert_eq!(
        notes,
        ["note = \"from B, the week before\"", "note = \"from A\""]
    );
    // This is the README's former setup (no subfolders, no fallback when pledge cannot run),
    // which `pledge git setup` replaces: validate says so, once.
    Test::new()
        .env("PLEDGE_DIR", b.join("pledges"))
        .args(["validate", "--as-of", "2020-01-01"])
        .stdout(
            "warning: git: a new file such as pledges/a-new-folder/a-new-lofte.toml would get \
             no `merge=pledge` from .gitattributes (and 1 more: `pledge git check`); run \
             `pledge git setup` in this clone\n1 file checked: 0 errors, 1 warning\n",
        )
        .run();

    // A change to the löfte itself on both sides is left to git's own conflict.
    let file = "pledges/alvesta-2017-2018.toml";
    for (clone, title) in [(&a, "Titel A"), (&b, "Titel B")] {
        let text = fs::read_to_string(clone.join(file)).unwrap();
        fs::write(
            clone.join(file),
            text.replacen(
                "title = \"Medborgarlöfte i Alvesta 2017-2018\"",
                &format!("title = \"{title}\""),
                1,
            ),
        )
        .unwrap();
        git_ok(clone, &["commit", "-qam", title]);
    }
    git_ok(
        &a,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    let pull = git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(!pull.status.success());
    assert!(
        fs::read_to_string(b.join(file))
            .unwrap()
            .contains("<<<<<<< ours")
    );
}
