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

/// A broken file's first diagnostic line, exactly, and exit 1.
fn first_line_of_broken(name: &str, expected: &str) {
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

/// One test per broken file of tests/bad (named after it), and one that every file there has
/// its test.
macro_rules! broken_files {
    ($($(#[$doc:meta])* $test:ident: $name:literal => $expected:literal,)*) => {
        $(
            $(#[$doc])*
            #[test]
            fn $test() {
                first_line_of_broken($name, $expected);
            }
        )*

        #[test]
        fn every_broken_file_has_a_test() {
            let mut on_disk: Vec<String> = fs::read_dir(Path::new(ROOT).join("tests/bad"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            on_disk.sort();
            let mut tested: Vec<String> = [$($name),*].iter().map(|n| format!("{n}.toml")).collect();
            tested.sort();
            assert_eq!(on_disk, tested, "every file of tests/bad has a test here");
        }
    };
}

broken_files! {
    broken_bad_followup_when: "bad-followup-when" => "15:8: error: unknown follow-up time \"spring\"",
    broken_bad_id: "bad-id" => "9:6: error: activity id \"Trygghets Vandring\" is not a short command-line word",
    broken_both_kommun_keys: "both-kommun-keys" => "3:12: error: both `kommun` and `kommuner` are given",
    broken_count_zero: "count-zero" => "12:20: error: target count must be a whole number from 1 to 10000, found 0",
    broken_duplicate_id: "duplicate-id" => "18:6: error: duplicate activity id \"walk\"",
    broken_duplicate_key: "duplicate-key" => "2:1: error: invalid TOML: duplicate key",
    broken_end_before_start: "end-before-start" => "6:7: error: the period ends (2015-12-31) before it starts (2016-01-01)",
    broken_impossible_date: "impossible-date" => "6:7: error: invalid TOML: invalid date, expected day between 01 and 29",
    broken_log_future: "log-future" => "18:8: error: log entry dated in the future (2099-05-01)",
    /// issue 12 (2, 11, 14, 15) and 16 (merge conflicts)
    broken_log_empty_inline: "log-empty-inline" => "3:7: error: log entries must be `[[log]]` tables",
    broken_period_too_long: "period-too-long" => "6:7: error: the period from 2016-01-01 to 9999-12-31 is longer than 10 years",
    broken_reserved_id: "reserved-id" => "9:6: error: the activity id \"uppfoljning\" is reserved for recording the follow-up",
    broken_count_too_large: "count-too-large" => "12:20: error: target count must be a whole number from 1 to 10000, found 4294967295",
    broken_merge_conflict: "merge-conflict" => "18:1: error: resolve the merge conflict: `<<<<<<<` is left in the file",
    broken_log_inline: "log-inline" => "3:8: error: log entries must be `[[log]]` tables",
    broken_log_outside_period: "log-outside-period" => "18:8: error: work on \"walk\" dated 2017-05-01, outside the period 2016-01-01 to 2016-12-31",
    broken_log_unknown_activity: "log-unknown-activity" => "19:12: error: log entry for unknown activity \"wakl\"",
    broken_malformed_toml: "malformed-toml" => "1:14: error: invalid TOML: invalid basic string, expected `\"`",
    broken_missing_title: "missing-title" => "1:1: error: missing required key `title` in the pledge file",
    broken_no_activities: "no-activities" => "1:1: error: the pledge has no activities",
    broken_not_utf8: "not-utf8" => "1:11: error: the file is not valid UTF-8: invalid byte 0xe4 at byte offset 10",
    broken_quoted_date: "quoted-date" => "5:9: error: `start` is a quoted string, not a date",
    broken_unknown_key: "unknown-key" => "4:2: error: unknown key `perod` in the pledge file",
    broken_unknown_kommun: "unknown-kommun" => "2:10: error: unknown kommun \"Filipstadt\"",
    broken_unknown_target: "unknown-target" => "12:10: error: unknown target \"twice\"",
    broken_unknown_window: "unknown-window" => "12:29: error: unknown window \"yaer\"",
    broken_wrong_type: "wrong-type" => "11:10: error: `owners` must be an array, found a string",
    /// issue 11: the new target kinds and log keys
    broken_each_unknown: "each-unknown" => "18:30: error: `each` names unknown activity \"wakl\"",
    broken_event_unknown: "event-unknown" => "23:9: error: log entry for unknown event \"bra-mot\"",
    broken_grace_days_on_count: "grace-days-on-count" => "12:50: error: `grace_days` belongs to a target per occurrence",
    broken_each_itself: "each-itself" => "18:30: error: activity \"atgard\" counts per its own occurrences",
    broken_on_empty: "on-empty" => "12:28: error: `on` lists no dates",
    broken_on_outside_period: "on-outside-period" => "12:41: error: the date 2017-02-14 in `on` is outside the activity's time (2016-01-01 to 2016-12-31)",
    broken_weekday_unknown: "weekday-unknown" => "12:22: error: unknown weekday \"tisdagar\"",
    broken_weekly_with_count: "weekly-with-count" => "12:41: error: a weekly slot has no `count`",
    broken_except_unknown: "except-unknown" => "12:42: error: `except` can only be \"holidays\"",
    broken_target_two_kinds: "target-two-kinds" => "18:44: error: `target` has both `per` and `each`",
    broken_frame_reversed: "frame-reversed" => "13:9: error: the activity's time ends (2016-06-01) before it starts (2016-08-31)",
    broken_part_duplicate_id: "part-duplicate-id" => "19:6: error: duplicate part id \"vandringar\"",
    broken_parts_with_target: "parts-with-target" => "12:10: error: an activity with parts has its targets in its parts",
    broken_parts_and_units: "parts-and-units" => "12:9: error: an activity has either `units` or parts, not both",
    broken_units_duplicate: "units-duplicate" => "12:40: error: the unit \"norrskolan\" is listed twice",
    broken_log_unit_missing: "log-unit-missing" => "18:1: error: the entry for \"foraldramoten\" does not say which unit it is for",
    broken_log_unit_unknown: "log-unit-unknown" => "21:8: error: unknown unit \"Norrskolen\" of activity \"foraldramoten\"",
    broken_log_unit_without_units: "log-unit-without-units" => "20:8: error: activity \"walk\" has no units, but the entry names unit \"Centrum\"",
    broken_log_part_missing: "log-part-missing" => "26:1: error: the entry for \"insatser\" does not say which part it is",
    broken_log_part_unknown: "log-part-unknown" => "29:8: error: unknown part \"vandring\" of activity \"insatser\"",
    broken_log_part_without_parts: "log-part-without-parts" => "20:8: error: activity \"walk\" has no parts, but the entry names part \"centrum\"",
    broken_log_kommun_not_listed: "log-kommun-not-listed" => "20:10: error: Karlstad is not one of the löfte's kommuner",
    broken_log_kommun_single: "log-kommun-single" => "20:10: error: `kommun` on an entry of a löfte for one kommun",
    broken_log_request_not_on_request: "log-request-not-on-request" => "20:11: error: a request on \"walk\", whose target is not \"on-request\"",
    broken_period_signing_unsigned: "period-signing-unsigned" => "5:9: error: `start = \"signing\"` but the signing date is not given",
    /// issue 13: indicators, measurements, verdicts
    broken_indicator_baseline_date_and_year: "indicator-baseline-date-and-year" => "23:52: error: `baseline` has both `date` and `year`",
    broken_indicator_cadence_zero: "indicator-cadence-zero" => "25:11: error: a cadence of 0 years",
    broken_indicator_direction: "indicator-direction" => "22:13: error: `direction` must be one of \"lower\", \"higher\", found \"up\"",
    broken_indicator_duplicate_id: "indicator-duplicate-id" => "28:6: error: duplicate indicator id `trygghet`",
    broken_indicator_follows_unknown: "indicator-follows-unknown" => "26:11: error: unknown activity `wakl`",
    broken_indicator_goal_wrong_side: "indicator-goal-wrong-side" => "24:8: error: the goal 55 is worse than the baseline 62 for an indicator where higher is better",
    broken_indicator_nan: "indicator-nan" => "23:12: error: `NaN` is not a number that can be measured",
    broken_indicator_percent: "indicator-percent" => "23:12: error: 120 is not a percentage between 0 and 100",
    broken_indicator_source_series: "indicator-source-series" => "20:21: error: \"n0754\" is not a Kolada key figure id",
    broken_indicator_tolerance: "indicator-tolerance" => "26:13: error: the tolerance -1 is negative",
    broken_measurement_future: "measurement-future" => "28:8: error: dated in the future (2099-11-15)",
    broken_measurement_quoted_value: "measurement-quoted-value" => "30:9: error: `value` is a quoted string, not a number",
    broken_measurement_unknown_indicator: "measurement-unknown-indicator" => "29:13: error: unknown indicator `trygget`",
    broken_verdict_before_due: "verdict-before-due" => "18:8: error: a verdict dated 2017-11-30, before the follow-up is due (from 2018-01-01)",
    broken_verdict_empty_reason: "verdict-empty-reason" => "21:10: error: a verdict needs a reason",
    broken_verdict_unknown_activity: "verdict-unknown-activity" => "19:12: error: unknown activity `wakl`",
    broken_verdict_word: "verdict-word" => "20:11: error: `verdict` must be one of \"kept\", \"partly\", \"broken\", found \"uppfyllt\"",
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
