//! `--help` and clap's refusals in the user's language (issue 28); the outputs themselves are
//! pinned in tests/cmd/help/. Here: the language comes from `LANG` as from `--lang`, and
//! `--lang en` gives clap's English byte for byte whatever the locale.

use std::fs;
use std::path::Path;

use crate::support::{ROOT, Test};

fn pinned(name: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join("tests/cmd/help").join(name)).unwrap()
}

#[test]
fn lang_sv_in_the_environment_gives_swedish_help() {
    Test::new()
        .env("LANG", "sv_SE.UTF-8")
        .args(["status", "--help"])
        .stdout(pinned("sv-status-lang-env.stdout"))
        .run();
}

#[test]
fn lang_en_gives_the_english_help_and_refusals_under_a_swedish_locale() {
    // (The help shows PLEDGE_USER's value, which the tests set.)
    Test::new()
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("PLEDGE_USER")
        .args(["--lang", "en", "done", "--help"])
        .stdout(pinned("done.stdout"))
        .run();
    Test::new()
        .env("LANG", "sv_SE.UTF-8")
        .args(["--lang", "en", "status", "--bogus"])
        .status(2)
        .stderr(pinned("refuse-unknown-flag.stderr"))
        .run();
}

#[test]
fn a_swedish_refusal_keeps_exit_code_2() {
    Test::new()
        .env("LANG", "sv_SE.UTF-8")
        .args(["done", "ale", "trygg", "--count", "0"])
        .status(2)
        .stderr(pinned("sv-refuse-count-zero.stderr"))
        .run();
}
