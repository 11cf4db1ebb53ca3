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
    // Filipstad's follow-up is due in the first quarter of 2017; every weekly meeting of
    // Alvesta's that ended in the last 30 days was missed (ISO weeks 3 to 6), and its
    // continuous follow-up has nothing recorded.
    Test::new()
        .args(["check", "--as-of", "2017-02-15"])
        .status(1)
        .stdout(
            "alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week 3, 2017\n\
         alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week 4, 2017\n\
         alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week 5, 2017\n\
         alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week 6, 2017\n\
         alvesta-2017-2018.toml: followup: due, nothing recorded in the last 90 days (continuous)\n\
         filipstad-2016.toml: followup: due by 2017-03-31, 45 days left\n",
        )
        .run();
    // With a horizon of a week (a weekly cron job), each missed week is reported once.
    Test::new()
        .args(["check", "--as-of", "2017-02-13", "--within", "7"])
        .status(1)
        .stdout(
            "alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week 6, 2017\n\
         alvesta-2017-2018.toml: followup: due, nothing recorded in the last 90 days (continuous)\n\
         filipstad-2016.toml: followup: due by 2017-03-31, 47 days left\n",
        )
        .run();
    // The window that ends with the period is reported in the days after it: Filipstad's
    // walks (2 in 2016) and its once-only traffic work.
    Test::new()
        .args(["check", "--as-of", "2017-01-05"])
        .status(1)
        .stdout(
            "alvesta-2017-2018.toml: followup: due, nothing recorded in the last 90 days (continuous)\n\
         filipstad-2016.toml: trygghetsvandring: missed, 0 of 2 in 2016\n\
         filipstad-2016.toml: trafik: missed, 0 of 1 in 2016\n\
         filipstad-2016.toml: followup: due by 2017-03-31, 86 days left\n\
         kristinehamn-2016-2017.toml: trygghetsvandring: missed, 0 of 2 in 2016\n\
         kristinehamn-2016-2017.toml: grannsamverkan: missed, 0 of 2 in 2016\n",
        )
        .run();
    let out = Test::new()
        .args(["check", "--as-of", "2017-02-15", "--format", "json"])
        .status(1)
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
    let missed = &v["findings"].as_array().unwrap()[0];
    assert_eq!(missed["kind"], "missed");
    assert_eq!(missed["record"]["windows_missed"], 6);
    assert_eq!(missed["record"]["windows_met"], 0);
    let f = &v["findings"].as_array().unwrap()[5];
    assert_eq!(f["file"], "filipstad-2016.toml");
    assert_eq!(f["activity"], "followup");
    assert_eq!(f["kind"], "followup_due");
    assert_eq!(f["status"], "due");
    assert_eq!(f["window_end"], "2017-03-31");
    // The number a script reads is the number the line says (the 15th to the 31st of March
    // counted inclusively, as `status` counts).
    assert_eq!(f["days_left"], 45);
    assert!(
        f["message"].as_str().unwrap().ends_with(", 45 days left"),
        "{f}"
    );
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

/// A crontab sets booleans the way shells do: `PLEDGE_QUIET=1` (or yes/on) silences, `0`
/// does not; `PLEDGE_CHECK_FORMAT=json` gives check's JSON.
#[test]
fn cron_settings_read_as_a_shell_writes_them() {
    let (_tmp, dir) = copy_pledges();
    for (i, on) in ["1", "yes", "on", "true"].into_iter().enumerate() {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_QUIET", on)
            .args(["done", "filipstad", "trygg", "--date"])
            .arg(format!("2016-05-0{}", i + 1))
            .status(0)
            .stdout("")
            .run();
    }
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .env("PLEDGE_QUIET", "0")
        .args(["done", "filipstad", "trygg", "--date", "2016-05-09"])
        .stdout_is(predicate::str::contains("filipstad-2016.toml"))
        .run();
    let out = Test::new()
        .env("PLEDGE_CHECK_FORMAT", "json")
        .args(["check", "--as-of", "2016-10-16"])
        .status(1)
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
}

/// A shared löfte: an activity every kommun owns is judged per kommun (README, "Status
/// rules"), so `check` gives one line per kommun that owes the work and not also one for the
/// löfte as a whole, which would repeat them (a cron mail reads each matter once); the
/// police's activity is the löfte's as a whole.
#[test]
fn check_reports_a_shared_activity_per_kommun_not_also_as_a_whole() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("kil-forshaga-2017.toml"),
        "title = \"Gemensamt (påhittat)\"\nkommuner = [\"Kil\", \"Forshaga\"]\n\
         [period]\nstart = 2017-01-01\nend = 2017-12-31\n\
         [[activity]]\nid = \"vandring\"\ntext = \"Kommunerna vandrar varje kvartal.\"\n\
         owners = [\"kommunerna\"]\ntarget = { count = 1, per = \"quarter\" }\n\
         [[activity]]\nid = \"polisen\"\ntext = \"Polisen gör en insats i kvartalet.\"\n\
         owners = [\"polisen\"]\ntarget = { count = 1, per = \"quarter\" }\n",
    )
    .unwrap();
    let check = |lang: &str| {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(["check", "--as-of", "2017-03-09", "--lang", lang])
            .status(1)
            .read_stdout()
    };
    assert_eq!(
        check("en"),
        "kil-forshaga-2017.toml: polisen: due soon, 0 of 1 in 2017 Q1, 23 days left\n\
         kil-forshaga-2017.toml: vandring (Kil): due soon, 0 of 1 in 2017 Q1, 23 days left\n\
         kil-forshaga-2017.toml: vandring (Forshaga): due soon, 0 of 1 in 2017 Q1, 23 days left\n"
    );
    let sv = check("sv");
    assert_eq!(sv.lines().count(), 3, "{sv}");
    assert!(
        sv.lines().filter(|l| l.contains("vandring")).count() == 2,
        "{sv}"
    );
    let json = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["check", "--as-of", "2017-03-09", "--format", "json"])
        .status(1)
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let found: Vec<(&str, &serde_json::Value)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["activity"].as_str().unwrap(), &f["kommun"]))
        .collect();
    assert_eq!(
        found,
        [
            ("polisen", &serde_json::Value::Null),
            ("vandring", &serde_json::json!("Kil")),
            ("vandring", &serde_json::json!("Forshaga")),
        ]
    );
}
