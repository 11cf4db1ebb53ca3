//! `list`: JSON and CSV, filters.

use predicates::prelude::*;

use crate::support::Test;

#[test]
fn list_json_is_pure_and_complete() {
    let out = Test::new()
        .args(["list", "--format", "json", "--as-of", "2016-06-01"])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
    let pledges = v["pledges"].as_array().unwrap();
    assert_eq!(pledges.len(), 5);
    let fil = pledges
        .iter()
        .find(|p| p["kommuner"][0]["name"] == "Filipstad")
        .unwrap();
    assert_eq!(fil["kommuner"][0]["kommunkod"], "1782");
    assert_eq!(fil["kommuner"][0]["lan"], "Värmlands län");
    assert_eq!(fil["state"], "active");
    assert_eq!(fil["activities"], 6);
    let counts: Vec<u64> = pledges
        .iter()
        .map(|p| p["activities"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [8, 5, 10, 5, 6]); // Alvesta, Munkfors, Karlstad, Kristinehamn, Filipstad
}

#[test]
fn list_filters_by_kommun_and_date() {
    let out = Test::new()
        .args(["list", "--format", "csv", "--active-on", "2017-06-01"])
        .read_stdout();
    let kommuner: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // Filipstad's 2016 löfte holds "until replaced" and nothing has replaced it (issue 16).
    assert_eq!(
        kommuner,
        [
            "Alvesta",
            "Munkfors",
            "Karlstad",
            "Kristinehamn",
            "Filipstad"
        ]
    );
    let out = Test::new()
        .args(["list", "--format", "csv", "--kommun", "KRISTINEHAMN"])
        .read_stdout();
    assert_eq!(out.lines().count(), 2);
    Test::new()
        .args(["list", "--kommun", "Kristinehman"])
        .status(2)
        .stderr_is(predicate::str::contains(
            "did you mean `Kristinehamn` or `Kristianstad`?",
        ))
        .run();
}
