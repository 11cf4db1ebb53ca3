//! `new`, completions, the man page, `--version` and `--help`.

use std::fs;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::Test;

#[test]
fn completions_man_and_version() {
    let bash = Test::new().args(["completions", "bash"]).read_stdout();
    for word in [
        "validate",
        "done",
        "undo",
        "status",
        "report",
        "check",
        "--as-of",
        "--dry-run",
    ] {
        assert!(bash.contains(word), "{word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        Test::new()
            .args(["completions", shell])
            .stdout_is(predicate::str::is_empty().not())
            .run();
    }
    let man = Test::new().arg("man").read_stdout();
    assert!(man.starts_with(".ie"));
    for section in [
        "PLEDGE DONE",
        "PLEDGE CHECK",
        "PLEDGE NEW",
        "\\-\\-within",
        "\\-\\-dry\\-run",
    ] {
        assert!(man.contains(section), "{section}");
    }
    Test::new()
        .arg("--version")
        .stdout(format!("pledge {}\n", env!("CARGO_PKG_VERSION")))
        .run();
    Test::new()
        .arg("--help")
        .stdout_is(predicate::str::contains("Exit codes:"))
        .run();
}

#[test]
fn new_writes_a_scaffold_and_refuses_to_overwrite() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "new",
            "Upplands Väsby",
            "--start",
            "2024-01-01",
            "--end",
            "2024-12-31",
        ])
        .stdout(format!(
            "wrote {}; fill it in, then run `pledge validate`\n",
            dir.join("upplands-vasby-2024.toml").display()
        ))
        .run();
    let file = dir.join("upplands-vasby-2024.toml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("# Upplands Väsby: kommunkod 0114, Stockholms län, polisregion Stockholm")
    );
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        .stdout("1 file checked: 0 errors, 0 warnings\n")
        .run();
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "new",
            "upplands vasby",
            "--start",
            "2024-01-01",
            "--end",
            "2024-12-31",
        ])
        .status(1)
        .stderr_is(predicate::str::contains("already exists"))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}
