//! `done` where the follow-up or an area decides the löfte: after the period, in a kommun
//! with area löften (a centre and the whole kommun), and an `--area` that begins two names.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, copy_pledges, pledge_in, recorded};

#[test]
fn the_follow_up_is_recorded_after_the_period_and_counts() {
    let (_tmp, dir) = copy_pledges();
    let check = |dir: &Path| {
        Test::new()
            .env("PLEDGE_DIR", dir)
            .args(["check", "--as-of", "2017-03-20"])
            .status(1)
            .read_stdout()
    };
    assert!(check(&dir).contains("filipstad-2016.toml: followup: due by 2017-03-31, 12 days left"));
    pledge_in(&dir)
        .args([
            "done",
            "filipstad",
            "uppföljning",
            "--date",
            "2017-03-15",
            "--note",
            "Redovisad i Filipstads tidning",
        ])
        .stdout_is(
            predicate::str::contains("recorded in ")
                .and(predicate::str::contains("filipstad-2016.toml")),
        )
        .run();
    assert!(!check(&dir).contains("filipstad"));
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "status",
            "filipstad",
            "--as-of",
            "2017-04-01",
            "--format",
            "json",
        ])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pledges"][0]["followup"]["status"], "done");
    assert_eq!(v["pledges"][0]["followup"]["last_done"], "2017-03-15");
    // The log shows it too.
    let log = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["log", "filipstad", "--format", "csv"])
        .read_stdout();
    assert!(log.contains("2017-03-15,Filipstad,followup,1,"), "{log}");
}

/// Alvesta's löfte for the whole kommun and a copy of it for the centre (area
/// "Resecentrum"), in a folder of their own.
fn alvesta_and_its_centre() -> TempDir {
    let tmp = TempDir::new().unwrap();
    let whole = fs::read_to_string(Path::new(ROOT).join("pledges/alvesta-2017-2018.toml")).unwrap();
    fs::write(tmp.path().join("alvesta-2017-2018.toml"), &whole).unwrap();
    let centre = whole.replacen(
        "kommun = \"Alvesta\"",
        "kommun = \"Alvesta\"\narea = \"Resecentrum\"",
        1,
    );
    fs::write(
        tmp.path().join("alvesta-resecentrum-2017-2018.toml"),
        &centre,
    )
    .unwrap();
    tmp
}

#[test]
fn a_kommun_with_a_centre_löfte_validates_and_shows_both() {
    let tmp = alvesta_and_its_centre();
    let dir = tmp.path();
    Test::new()
        .env("PLEDGE_DIR", dir)
        .arg("validate")
        .stdout_is(predicate::str::contains("overlaps").not())
        .run();
    let out = Test::new()
        .env("PLEDGE_DIR", dir)
        .args([
            "status",
            "alvesta",
            "--as-of",
            "2017-06-01",
            "--format",
            "json",
        ])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let areas: Vec<&serde_json::Value> = v["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["area"])
        .collect();
    assert_eq!(
        areas,
        [&serde_json::Value::Null, &serde_json::json!("Resecentrum")]
    );
}

#[test]
fn done_records_in_the_whole_kommuns_löfte_unless_an_area_is_named() {
    let tmp = alvesta_and_its_centre();
    let dir = tmp.path();
    // Both löften have the activity: without --area the whole kommun's is used.
    pledge_in(dir)
        .args(["done", "alvesta", "cityvardar", "--date", "2017-05-01"])
        .stdout_is(recorded())
        .run();
    pledge_in(dir)
        .args([
            "done",
            "alvesta",
            "cityvardar",
            "--date",
            "2017-05-02",
            "--area",
            "rese",
        ])
        .stdout_is(recorded())
        .run();
    let whole_after = fs::read_to_string(dir.join("alvesta-2017-2018.toml")).unwrap();
    let centre_after = fs::read_to_string(dir.join("alvesta-resecentrum-2017-2018.toml")).unwrap();
    assert!(
        whole_after.ends_with("date = 2017-05-01\nactivity = \"cityvardar\"\nby = \"Test User\"\n")
    );
    assert!(
        centre_after
            .ends_with("date = 2017-05-02\nactivity = \"cityvardar\"\nby = \"Test User\"\n")
    );
}

#[test]
fn the_report_of_an_area_names_it_and_its_work_by_title() {
    let tmp = alvesta_and_its_centre();
    let dir = tmp.path();
    pledge_in(dir)
        .args([
            "done",
            "alvesta",
            "cityvardar",
            "--date",
            "2017-05-02",
            "--area",
            "rese",
        ])
        .stdout_is(recorded())
        .run();
    let report = Test::new()
        .env("PLEDGE_DIR", dir)
        .args([
            "report",
            "alvesta",
            "--as-of",
            "2017-06-01",
            "--area",
            "resecentrum",
        ])
        .read_stdout();
    assert!(report.contains("Alvesta (0764), Resecentrum"), "{report}");
    // The log line of the entry, by the activity's title.
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("- 2017-05-02 ") && l.ends_with("(Test User)")),
        "{report}"
    );
    assert!(!report.contains("2017-05-02 cityvardar"), "{report}");
}

#[test]
fn done_looks_past_an_area_löfte_without_the_activity_and_names_areas_when_none_matches() {
    let tmp = TempDir::new().unwrap();
    let whole = fs::read_to_string(Path::new(ROOT).join("pledges/alvesta-2017-2018.toml")).unwrap();
    // The centre's löfte is named after the kommun and holds the date, but has no
    // `hastighetskontroller`; the kommun's own löfte is in a file named otherwise.
    let centre = whole
        .replacen(
            "kommun = \"Alvesta\"",
            "kommun = \"Alvesta\"\narea = \"Resecentrum\"",
            1,
        )
        .replace(
            "[[activity]]\nid = \"hastighetskontroller\"\ntext = \"Hastighetskontroller i Alvesta kommuns samtliga kommundelar.\"\nowners = [\"polisen\"]\n\n",
            "",
        );
    assert!(!centre.contains("id = \"hastighetskontroller\""));
    fs::write(
        tmp.path().join("alvesta-resecentrum-2017-2018.toml"),
        &centre,
    )
    .unwrap();
    fs::write(tmp.path().join("lofte-alvesta.toml"), &whole).unwrap();
    let dir = tmp.path();
    pledge_in(dir)
        .args([
            "done",
            "alvesta",
            "hastighetskontroller",
            "--date",
            "2017-05-01",
        ])
        .stdout_is(recorded())
        .run();
    assert!(
        fs::read_to_string(dir.join("lofte-alvesta.toml"))
            .unwrap()
            .ends_with("activity = \"hastighetskontroller\"\nby = \"Test User\"\n")
    );
    assert_eq!(
        fs::read_to_string(dir.join("alvesta-resecentrum-2017-2018.toml")).unwrap(),
        centre
    );
    // An area no löfte has: the message names the areas, not the dates.
    pledge_in(dir)
        .args([
            "done",
            "alvesta",
            "fartkontroller",
            "--date",
            "2017-05-02",
            "--area",
            "x",
        ])
        .status(1)
        .stderr_is(
            predicate::str::contains(
                "no löfte for Alvesta in an area named \"x\" holds 2017-05-02",
            )
            .and(predicate::str::contains("area \"Resecentrum\""))
            .and(predicate::str::contains("the whole kommun"))
            .and(predicate::str::contains("--date").not()),
        )
        .run();
}

#[test]
fn a_follow_up_for_an_area_begun_in_two_areas_is_refused_not_guessed() {
    let tmp = TempDir::new().unwrap();
    let whole = fs::read_to_string(Path::new(ROOT).join("pledges/filipstad-2016.toml")).unwrap();
    for (file, area) in [
        ("filipstad-centrum-2016.toml", "Centrum"),
        ("filipstad-centrum-ost-2016.toml", "Centrum öst"),
    ] {
        let text = whole.replacen(
            "kommun = \"Filipstad\"",
            &format!("kommun = \"Filipstad\"\narea = \"{area}\""),
            1,
        );
        fs::write(tmp.path().join(file), text).unwrap();
    }
    let dir = tmp.path();
    let before = fs::read(dir.join("filipstad-centrum-2016.toml")).unwrap();
    pledge_in(dir)
        .args(["done", "filipstad", "uppföljning", "--date", "2017-03-15", "--area", "cen"])
        .status(2)
        .stderr_is(predicate::str::contains(
            "--area \"cen\" begins the names of several of Filipstad's areas: Centrum, Centrum öst; give more of the one meant",
        ))
        .run();
    assert_eq!(
        fs::read(dir.join("filipstad-centrum-2016.toml")).unwrap(),
        before
    );
    pledge_in(dir)
        .args([
            "done",
            "filipstad",
            "uppföljning",
            "--date",
            "2017-03-15",
            "--area",
            "centrum",
        ])
        .stdout_is(recorded())
        .run();
    assert_ne!(
        fs::read(dir.join("filipstad-centrum-2016.toml")).unwrap(),
        before
    );
}
