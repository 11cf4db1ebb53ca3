//! The builder itself: what the program sees of the environment, and that what a test did not
//! expect fails it.

use std::panic::catch_unwind;

use predicates::prelude::*;

use crate::support::Test;

#[test]
fn the_program_sees_only_what_the_test_gives() {
    let out = Test::program("env").env("PLEDGE_DIR", "x").read_stdout();
    let mut keys: Vec<&str> = out.lines().filter_map(|l| l.split('=').next()).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["LANG", "NO_COLOR", "PATH", "PLEDGE_DIR", "PLEDGE_USER"]
    );
    assert!(out.contains("LANG=C.UTF-8\n"), "{out}");
}

#[test]
fn what_the_test_did_not_expect_fails_it() {
    let unexpected_stderr = catch_unwind(|| {
        Test::new()
            .args(["validate", "no/such.toml"])
            .status(2)
            .run()
    });
    assert!(unexpected_stderr.is_err(), "stderr defaults to empty");
    let unexpected_stdout = catch_unwind(|| Test::new().arg("--version").run());
    assert!(unexpected_stdout.is_err(), "stdout defaults to empty");
    let unexpected_code = catch_unwind(|| {
        Test::new()
            .args(["validate", "no/such.toml"])
            .stderr_is(predicate::always())
            .run()
    });
    assert!(unexpected_code.is_err(), "the exit code defaults to 0");
    let twice = catch_unwind(|| Test::new().stdout("a").stdout_is(predicate::always()).run());
    assert!(twice.is_err(), "an expectation given twice");
}
