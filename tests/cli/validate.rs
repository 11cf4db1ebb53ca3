//! `validate`: the bundled löften, folders, broken files and their hints.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, bundled_validate};

#[test]
fn validate_bundled_pledges() {
    Test::new()
        .arg("validate")
        .stdout_is(bundled_validate(Path::new("pledges")))
        .run();
}

#[test]
fn validate_finds_pledges_from_a_subfolder_and_by_env() {
    Test::new()
        .current_dir(Path::new(ROOT).join("src"))
        .arg("validate")
        .stdout_is(bundled_validate(&Path::new(ROOT).join("pledges")))
        .run();
    let tmp = TempDir::new().unwrap();
    Test::new()
        .current_dir(tmp.path())
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .arg("validate")
        .stdout_is(bundled_validate(&Path::new(ROOT).join("pledges")))
        .run();
    Test::new()
        .current_dir(tmp.path())
        .arg("validate")
        .status(2)
        .stderr_is(predicate::str::contains(
            "no pledges/ folder here or in any parent",
        ))
        .run();
}

/// Every broken file: its first diagnostic line, exactly, and exit 1.
#[test]
fn validate_broken_corpus() {
    let cases = [
        (
            "bad-followup-when",
            "15:8: error: unknown follow-up time \"spring\"",
        ),
        (
            "bad-id",
            "9:6: error: activity id \"Trygghets Vandring\" is not a short command-line word",
        ),
        (
            "both-kommun-keys",
            "3:12: error: both `kommun` and `kommuner` are given",
        ),
        (
            "count-zero",
            "12:20: error: target count must be a whole number from 1 to 10000, found 0",
        ),
        (
            "duplicate-id",
            "18:6: error: duplicate activity id \"walk\"",
        ),
        ("duplicate-key", "2:1: error: invalid TOML: duplicate key"),
        (
            "end-before-start",
            "6:7: error: the period ends (2015-12-31) before it starts (2016-01-01)",
        ),
        (
            "impossible-date",
            "6:7: error: invalid TOML: invalid date, expected day between 01 and 29",
        ),
        (
            "log-future",
            "18:8: error: log entry dated in the future (2099-05-01)",
        ),
        // issue 12 (2, 11, 14, 15) and 16 (merge conflicts)
        (
            "log-empty-inline",
            "3:7: error: log entries must be `[[log]]` tables",
        ),
        (
            "period-too-long",
            "6:7: error: the period from 2016-01-01 to 9999-12-31 is longer than 10 years",
        ),
        (
            "reserved-id",
            "9:6: error: the activity id \"uppfoljning\" is reserved for recording the follow-up",
        ),
        (
            "count-too-large",
            "12:20: error: target count must be a whole number from 1 to 10000, found 4294967295",
        ),
        (
            "merge-conflict",
            "18:1: error: resolve the merge conflict: `<<<<<<<` is left in the file",
        ),
        (
            "log-inline",
            "3:8: error: log entries must be `[[log]]` tables",
        ),
        (
            "log-outside-period",
            "18:8: error: work on \"walk\" dated 2017-05-01, outside the period 2016-01-01 to 2016-12-31",
        ),
        (
            "log-unknown-activity",
            "19:12: error: log entry for unknown activity \"wakl\"",
        ),
        (
            "malformed-toml",
            "1:14: error: invalid TOML: invalid basic string, expected `\"`",
        ),
        (
            "missing-title",
            "1:1: error: missing required key `title` in the pledge file",
        ),
        ("no-activities", "1:1: error: the pledge has no activities"),
        (
            "not-utf8",
            "1:11: error: the file is not valid UTF-8: invalid byte 0xe4 at byte offset 10",
        ),
        (
            "quoted-date",
            "5:9: error: `start` is a quoted string, not a date",
        ),
        (
            "unknown-key",
            "4:2: error: unknown key `perod` in the pledge file",
        ),
        (
            "unknown-kommun",
            "2:10: error: unknown kommun \"Filipstadt\"",
        ),
        ("unknown-target", "12:10: error: unknown target \"twice\""),
        ("unknown-window", "12:29: error: unknown window \"yaer\""),
        (
            "wrong-type",
            "11:10: error: `owners` must be an array, found a string",
        ),
        // issue 11: the new target kinds and log keys
        (
            "each-unknown",
            "18:30: error: `each` names unknown activity \"wakl\"",
        ),
        (
            "event-unknown",
            "23:9: error: log entry for unknown event \"bra-mot\"",
        ),
        (
            "grace-days-on-count",
            "12:50: error: `grace_days` belongs to a target per occurrence",
        ),
        (
            "each-itself",
            "18:30: error: activity \"atgard\" counts per its own occurrences",
        ),
        ("on-empty", "12:28: error: `on` lists no dates"),
        (
            "on-outside-period",
            "12:41: error: the date 2017-02-14 in `on` is outside the activity's time (2016-01-01 to 2016-12-31)",
        ),
        (
            "weekday-unknown",
            "12:22: error: unknown weekday \"tisdagar\"",
        ),
        (
            "weekly-with-count",
            "12:41: error: a weekly slot has no `count`",
        ),
        (
            "except-unknown",
            "12:42: error: `except` can only be \"holidays\"",
        ),
        (
            "target-two-kinds",
            "18:44: error: `target` has both `per` and `each`",
        ),
        (
            "frame-reversed",
            "13:9: error: the activity's time ends (2016-06-01) before it starts (2016-08-31)",
        ),
        (
            "part-duplicate-id",
            "19:6: error: duplicate part id \"vandringar\"",
        ),
        (
            "parts-with-target",
            "12:10: error: an activity with parts has its targets in its parts",
        ),
        (
            "parts-and-units",
            "12:9: error: an activity has either `units` or parts, not both",
        ),
        (
            "units-duplicate",
            "12:40: error: the unit \"norrskolan\" is listed twice",
        ),
        (
            "log-unit-missing",
            "18:1: error: the entry for \"foraldramoten\" does not say which unit it is for",
        ),
        (
            "log-unit-unknown",
            "21:8: error: unknown unit \"Norrskolen\" of activity \"foraldramoten\"",
        ),
        (
            "log-unit-without-units",
            "20:8: error: activity \"walk\" has no units, but the entry names unit \"Centrum\"",
        ),
        (
            "log-part-missing",
            "26:1: error: the entry for \"insatser\" does not say which part it is",
        ),
        (
            "log-part-unknown",
            "29:8: error: unknown part \"vandring\" of activity \"insatser\"",
        ),
        (
            "log-part-without-parts",
            "20:8: error: activity \"walk\" has no parts, but the entry names part \"centrum\"",
        ),
        (
            "log-kommun-not-listed",
            "20:10: error: Karlstad is not one of the löfte's kommuner",
        ),
        (
            "log-kommun-single",
            "20:10: error: `kommun` on an entry of a löfte for one kommun",
        ),
        (
            "log-request-not-on-request",
            "20:11: error: a request on \"walk\", whose target is not \"on-request\"",
        ),
        (
            "period-signing-unsigned",
            "5:9: error: `start = \"signing\"` but the signing date is not given",
        ),
        // issue 13: indicators, measurements, verdicts
        (
            "indicator-baseline-date-and-year",
            "23:52: error: `baseline` has both `date` and `year`",
        ),
        (
            "indicator-cadence-zero",
            "25:11: error: a cadence of 0 years",
        ),
        (
            "indicator-direction",
            "22:13: error: `direction` must be one of \"lower\", \"higher\", found \"up\"",
        ),
        (
            "indicator-duplicate-id",
            "28:6: error: duplicate indicator id `trygghet`",
        ),
        (
            "indicator-follows-unknown",
            "26:11: error: unknown activity `wakl`",
        ),
        (
            "indicator-goal-wrong-side",
            "24:8: error: the goal 55 is worse than the baseline 62 for an indicator where higher is better",
        ),
        (
            "indicator-nan",
            "23:12: error: `NaN` is not a number that can be measured",
        ),
        (
            "indicator-percent",
            "23:12: error: 120 is not a percentage between 0 and 100",
        ),
        (
            "indicator-source-series",
            "20:21: error: \"n0754\" is not a Kolada key figure id",
        ),
        (
            "indicator-tolerance",
            "26:13: error: the tolerance -1 is negative",
        ),
        (
            "measurement-future",
            "28:8: error: dated in the future (2099-11-15)",
        ),
        (
            "measurement-quoted-value",
            "30:9: error: `value` is a quoted string, not a number",
        ),
        (
            "measurement-unknown-indicator",
            "29:13: error: unknown indicator `trygget`",
        ),
        (
            "verdict-before-due",
            "18:8: error: a verdict dated 2017-11-30, before the follow-up is due (from 2018-01-01)",
        ),
        (
            "verdict-empty-reason",
            "21:10: error: a verdict needs a reason",
        ),
        (
            "verdict-unknown-activity",
            "19:12: error: unknown activity `wakl`",
        ),
        (
            "verdict-word",
            "20:11: error: `verdict` must be one of \"kept\", \"partly\", \"broken\", found \"uppfyllt\"",
        ),
    ];
    let on_disk = fs::read_dir(Path::new(ROOT).join("tests/bad"))
        .unwrap()
        .count();
    assert_eq!(
        on_disk,
        cases.len(),
        "every file of tests/bad has a case here"
    );
    for (name, expected) in cases {
        let file = format!("tests/bad/{name}.toml");
        let stdout = Test::new()
            .args(["validate", "--as-of", "2020-01-01", &file])
            .status(1)
            .read_stdout();
        assert_eq!(
            stdout.lines().next().unwrap(),
            format!("{file}:{expected}"),
            "{name}"
        );
    }
}

#[test]
fn validate_hints_point_at_the_fix() {
    let out = Test::new()
        .status(1)
        .args(["validate", "tests/bad/unknown-key.toml"])
        .read_stdout();
    assert_eq!(
        out,
        "tests/bad/unknown-key.toml:4:2: error: unknown key `perod` in the pledge file\n  |\n4 | [perod]\n  |  ^^^^^\n  \
         = hint: did you mean `period`?\n1 file checked: 1 error, 0 warnings\n"
    );
    let out = Test::new()
        .status(1)
        .args(["validate", "tests/bad/unknown-kommun.toml"])
        .read_stdout();
    assert!(out.contains("= hint: did you mean `Filipstad`?"), "{out}");
    let out = Test::new()
        .status(1)
        .args(["validate", "tests/bad/log-unknown-activity.toml"])
        .read_stdout();
    assert!(out.contains("= hint: did you mean `walk`?"), "{out}");
}

#[test]
fn validate_reports_every_problem_of_a_folder_in_one_run() {
    Test::new()
        .args(["validate", "--as-of", "2020-01-01", "tests/bad"])
        .status(1)
        .stdout_is(predicate::str::ends_with(
            "69 files checked: 73 errors, 0 warnings
",
        ))
        .run();
}

#[test]
fn validate_accepts_bom_and_crlf_and_warns_on_weak_and_overlapping() {
    Test::new()
        .args(["validate", "tests/good-bom-crlf.toml"])
        .stdout("1 file checked: 0 errors, 0 warnings\n")
        .run();
    let out = Test::new()
        .args([
            "validate",
            "tests/good-warnings.toml",
            "tests/good-bom-crlf.toml",
        ])
        .read_stdout();
    let lines: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("tests/"))
        .map(String::from)
        .collect();
    assert_eq!(
        lines,
        [
            "tests/good-warnings.toml:1:1: warning: weak löfte: no follow-up (uppföljning) is given",
            "tests/good-warnings.toml:8:1: warning: weak löfte: activity \"walk\" has no owner",
            "tests/good-bom-crlf.toml:4:1: warning: this löfte for Filipstad overlaps tests/good-warnings.toml (2016-01-01 to 2016-12-31)",
        ]
    );
}

#[test]
fn validate_missing_path_is_a_usage_error() {
    Test::new()
        .args(["validate", "no/such.toml"])
        .status(2)
        .stderr("pledge: error: no/such.toml: no such file or folder\n")
        .run();
}
