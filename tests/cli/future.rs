//! The future is judged in the Swedish calendar, and `--as-of` cannot move it for writing.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test};

#[test]
fn as_of_tomorrow_date_tomorrow_writes_nothing() {
    let tz = jiff::tz::TimeZone::get("Europe/Stockholm").unwrap();
    let tomorrow = jiff::Zoned::now()
        .with_time_zone(tz)
        .date()
        .tomorrow()
        .unwrap()
        .to_string();
    let tmp = TempDir::new().unwrap();
    let text = fs::read_to_string(Path::new(ROOT).join("pledges/filipstad-2016.toml"))
        .unwrap()
        .replace("end = 2016-12-31", "end = 2099-12-31");
    let file = tmp.path().join("filipstad-2016.toml");
    fs::write(&file, &text).unwrap();
    Test::new()
        .env("PLEDGE_DIR", tmp.path())
        .env_remove("PLEDGE_AS_OF")
        .args([
            "done",
            "filipstad",
            "trygg",
            "--as-of",
            &tomorrow,
            "--date",
            &tomorrow,
        ])
        .status(1)
        .stderr_is(predicate::str::contains(format!(
            "{tomorrow} is in the future (today is "
        )))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}
