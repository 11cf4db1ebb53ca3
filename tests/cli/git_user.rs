//! `done` records git's user.name, read from git's files without starting git when they are
//! plain, and from git itself when they are not: the answer is always the one
//! `git config user.name` gives in the same place.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Command;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{copy_pledges, pledge_in};

/// What `git config user.name` prints with this HOME, in this folder (no other variable).
fn git_says(home: &Path, cwd: &Path) -> String {
    let out = Command::new("git")
        .args(["config", "user.name"])
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// The `by` that `done` writes with this HOME, run in this folder with the tests' PATH.
fn done_records(home: &Path, cwd: &Path) -> String {
    done_records_with_path(home, cwd, &std::env::var_os("PATH").unwrap_or_default())
}

fn done_records_with_path(home: &Path, cwd: &Path, path: &OsStr) -> String {
    let (_tmp, dir) = copy_pledges();
    let out = pledge_in(&dir)
        .env_remove("PLEDGE_USER")
        .env("PATH", path)
        .env("HOME", home)
        .env("USER", "login-name")
        .current_dir(cwd)
        .args(["done", "Filipstad", "trygg", "--date", "2016-05-12"])
        .stdout_is(predicate::str::contains("by = "))
        .run()
        .stdout;
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("by = "))
        .unwrap();
    let value = line.trim_start().strip_prefix("by = ").unwrap();
    toml::from_str::<toml::Table>(&format!("v = {value}")).unwrap()["v"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn done_records_what_git_config_says_for_plain_and_other_files() {
    let configs = [
        "[user]\n\tname = Anna Berg\n",
        "# comment\n[core]\n\tname = no\n[User]\n  NAME = \"Åsa  \\\"Ö\\\" Ek\" ; why\n[user \"x\"]\nname = no\n",
        "[user]\nname = first\n[user]\nname = second\n",
        // Not the plain case: git itself is asked.
        "[include]\n\tpath = other.inc\n",
        "[user]\nname = a \\\n  continued\n",
        "[user]\nname = \n",
        "[alias]\nst = status\n",
    ];
    for config in configs {
        let home = TempDir::new().unwrap();
        fs::write(home.path().join(".gitconfig"), config).unwrap();
        fs::write(
            home.path().join("other.inc"),
            "[user]\nname = Included Name\n",
        )
        .unwrap();
        let cwd = TempDir::new().unwrap();
        let mut want = git_says(home.path(), cwd.path());
        if want.is_empty() {
            want = "login-name".to_string();
        }
        assert_eq!(done_records(home.path(), cwd.path()), want, "{config:?}");
    }
}

#[test]
fn a_repository_s_own_name_wins_as_in_git() {
    let home = TempDir::new().unwrap();
    fs::write(
        home.path().join(".gitconfig"),
        "[user]\nname = Global Name\n",
    )
    .unwrap();
    let repo = TempDir::new().unwrap();
    let init = Command::new("git")
        .args(["init", "-q"])
        .current_dir(repo.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .status()
        .unwrap();
    assert!(init.success());
    let config = repo.path().join(".git/config");
    let mut text = fs::read_to_string(&config).unwrap();
    text.push_str("[user]\n\tname = Local Name\n");
    fs::write(&config, text).unwrap();
    let sub = repo.path().join("a/b");
    fs::create_dir_all(&sub).unwrap();
    assert_eq!(git_says(home.path(), &sub), "Local Name");
    assert_eq!(done_records(home.path(), &sub), "Local Name");
}

#[test]
fn without_git_the_login_name_is_recorded() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join(".gitconfig"), "[user]\nname = Anna Berg\n").unwrap();
    let cwd = TempDir::new().unwrap();
    let no_git = cwd.path().join("empty");
    fs::create_dir(&no_git).unwrap();
    assert_eq!(
        done_records_with_path(home.path(), cwd.path(), no_git.as_os_str()),
        "login-name"
    );
}
