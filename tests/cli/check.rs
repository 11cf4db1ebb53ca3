//! `check`: silent when all is well, findings otherwise.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::support::{ROOT, Test, copy_pledges};

#[test]
fn check_is_silent_when_all_is_well_and_lists_findings_otherwise() {
    Test::new()
        .args(["check", "--as-of", "2030-01-01"])
        .status(0)
        .stdout("")
        .stderr("")
        .run();
    Test::new()
        .args(["check", "--as-of", "2016-10-16"])
        .status(1)
        .stdout(
            "filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016, 77 days left\n\
         filipstad-2016.toml: trafik: behind, not done, 77 days left\n\
         kristinehamn-2016-2017.toml: trygghetsvandring: behind, 0 of 2 in 2016, 77 days left\n\
         kristinehamn-2016-2017.toml: grannsamverkan: behind, 0 of 2 in 2016, 77 days left\n",
        )
        .run();
    // Filipstad's follow-up is due in the first quarter of 2017; Alvesta's weekly meeting of
    // the week before was missed, and its continuous follow-up has nothing recorded.
    Test::new()
        .args(["check", "--as-of", "2017-02-15"])
        .status(1)
        .stdout(
            "alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week of 2017-02-05\n\
         alvesta-2017-2018.toml: followup: due, nothing recorded in the last 90 days (continuous)\n\
         filipstad-2016.toml: followup: due by 2017-03-31, 45 days left\n",
        )
        .run();
    let out = Test::new()
        .args(["check", "--as-of", "2017-02-15", "--format", "json"])
        .status(1)
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &v["findings"].as_array().unwrap()[2];
    assert_eq!(f["file"], "filipstad-2016.toml");
    assert_eq!(f["activity"], "followup");
    assert_eq!(f["kind"], "followup_due");
    assert_eq!(f["status"], "due");
    assert_eq!(f["window_end"], "2017-03-31");
    // A two-year count due within 30 days: Kristinehamn's walks at the end of 2017.
    let out = Test::new()
        .args(["check", "--as-of", "2017-12-10", "--within", "30"])
        .status(1)
        .read_stdout();
    assert!(
        out.contains(
            "kristinehamn-2016-2017.toml: trygghetsvandring: behind, 0 of 2 in 2017, 22 days left"
        ),
        "{out}"
    );
}

#[test]
fn check_exits_2_on_an_invalid_file() {
    let (_tmp, dir) = copy_pledges();
    fs::copy(
        Path::new(ROOT).join("tests/bad/unknown-kommun.toml"),
        dir.join("broken.toml"),
    )
    .unwrap();
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["check", "--as-of", "2030-01-01"])
        .status(2)
        .stderr_is(predicate::str::contains(
            "broken.toml:2:10: error: unknown kommun \"Filipstadt\"",
        ))
        .run();
}
