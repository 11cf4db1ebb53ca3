//! Issue 13: indicators, measurements and verdicts in status, report, JSON and check, on the
//! demo löfte of examples/indicators/ (invented values), in both languages.

use std::path::Path;

use crate::support::{ROOT, Test, snapshot};

fn demo() -> Test {
    Test::new().env("PLEDGE_DIR", Path::new(ROOT).join("examples/indicators"))
}

#[test]
fn status_and_report_with_indicators_and_verdicts_snapshots() {
    for (args, name) in [
        (
            &["status", "hagfors", "--lang", "sv"][..],
            "outcomes-status-hagfors-2019-03-01-sv.txt",
        ),
        (
            &["status", "hagfors", "--lang", "en"][..],
            "outcomes-status-hagfors-2019-03-01-en.txt",
        ),
        (
            &["report", "hagfors", "--lang", "sv"][..],
            "outcomes-report-hagfors-2019-03-01-sv.md",
        ),
        (
            &["report", "hagfors", "--lang", "en"][..],
            "outcomes-report-hagfors-2019-03-01-en.md",
        ),
        (
            &["report", "hagfors", "--lang", "sv", "--format", "html"][..],
            "outcomes-report-hagfors-2019-03-01-sv.html",
        ),
        (
            &["report", "hagfors", "--lang", "en", "--format", "html"][..],
            "outcomes-report-hagfors-2019-03-01-en.html",
        ),
        (
            &["status", "hagfors", "--format", "json"][..],
            "outcomes-status-hagfors-2019-03-01.json",
        ),
    ] {
        let out = demo()
            .args(args)
            .args(["--as-of", "2019-03-01"])
            .read_stdout();
        snapshot(name, &out);
    }
}

#[test]
fn status_points_out_a_verdict_the_records_contradict() {
    let out = demo()
        .args(["status", "hagfors", "--as-of", "2019-03-01", "--lang", "en"])
        .read_stdout();
    // The activity by its title, as a person reads it, not by its id.
    assert!(!out.contains("  fotpatrull:"), "{out}");
    assert!(out.contains(
        "  Polisen fotpatrullerar i centrum minst två kvällar i månaden\n    kept: Polisen har patrullerat regelbundet i centrum. [2019-02-12 Folkhälsorådet]; by the records: missed — ⚠ the records say otherwise"
    ));
    assert!(out.contains("baseline 62 (2016) → 67.5 (2018-11-20): +5.5, improved"));
    assert!(out.contains("goal 70: not met"));
}

#[test]
fn check_reports_measurements_due_and_verdicts_missing() {
    let out = demo()
        .args(["check", "--as-of", "2018-11-01", "--within", "30"])
        .status(1)
        .read_stdout();
    assert!(out.contains(
        "hagfors-2017-2018.toml: trygghet: measurement due by 2018-11-15, 15 days left\n"
    ));
    let out = demo()
        .args(["check", "--as-of", "2019-02-01"])
        .status(1)
        .read_stdout();
    assert!(out.contains(
        "hagfors-2017-2018.toml: followup: verdicts missing for fotpatrull,trygghetsvandring,belysning (0 of 3 activities judged)\n"
    ));
    let json = demo()
        .args(["check", "--as-of", "2019-02-01", "--format", "json"])
        .status(1)
        .read_stdout();
    assert!(json.contains("\"kind\": \"verdicts_missing\""), "{json}");
}

#[test]
fn measure_and_verdict_refuse_what_validate_would_refuse_and_malformed_arguments() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::copy(
        Path::new(ROOT).join("examples/indicators/hagfors-2017-2018.toml"),
        dir.path().join("hagfors-2017-2018.toml"),
    )
    .unwrap();
    let run = || {
        Test::new()
            .env("PLEDGE_DIR", dir.path())
            .env("PLEDGE_AS_OF", "2020-01-01")
            .env("PLEDGE_USER", "Eva")
    };
    for (args, message, status) in [
        (
            &[
                "measure",
                "hagfors",
                "trygghet",
                "120",
                "--date",
                "2019-01-10",
            ][..],
            "trygghet: 120 is not a percentage between 0 and 100",
            1,
        ),
        (
            &[
                "measure",
                "hagfors",
                "trygghet",
                "12 %",
                "--date",
                "2019-01-10",
            ][..],
            "\"12 %\" is not a number",
            2,
        ),
        (
            &[
                "measure",
                "hagfors",
                "trygget-x",
                "12",
                "--date",
                "2019-01-10",
            ][..],
            // An indicator typed wrong says the closest first, as an activity does.
            "no löfte of Hagfors has an indicator \"trygget-x\"; did you mean `trygghet`? The \
             indicators:",
            2,
        ),
        (
            &[
                "measure",
                "hagfors",
                "trygghet",
                "12",
                "--date",
                "2016-06-01",
            ][..],
            "no löfte of Hagfors that holds or precedes the date has an indicator \"trygghet\"",
            1,
        ),
        (
            &[
                "verdict",
                "hagfors",
                "fotpatrullx",
                "kept",
                "--reason",
                "x",
                "--date",
                "2019-02-01",
            ][..],
            "no activity \"fotpatrullx\" in",
            2,
        ),
        (
            &[
                "verdict",
                "hagfors",
                "fotpatrull",
                "kept",
                "--reason",
                " ",
                "--date",
                "2019-02-01",
            ][..],
            "a verdict needs a reason",
            2,
        ),
        (
            &[
                "verdict",
                "hagfors",
                "fotpatrull",
                "perhaps",
                "--reason",
                "x",
                "--date",
                "2019-02-01",
            ][..],
            "\"perhaps\" is not a verdict",
            2,
        ),
        (
            &[
                "verdict",
                "hagfors",
                "fotpatrull",
                "kept",
                "--reason",
                "x",
                "--date",
                "2018-12-01",
            ][..],
            "hagfors-2017-2018.toml is due (from 2019-01-01); a verdict is given at the follow-up",
            1,
        ),
    ] {
        run()
            .args(args)
            .status(status)
            .stderr_is(predicates::str::contains(message))
            .run();
    }
    // Nothing was written.
    assert_eq!(
        std::fs::read(dir.path().join("hagfors-2017-2018.toml")).unwrap(),
        std::fs::read(Path::new(ROOT).join("examples/indicators/hagfors-2017-2018.toml")).unwrap()
    );
}

#[test]
fn a_dry_run_shows_the_addition_and_writes_nothing() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("hagfors-2017-2018.toml");
    std::fs::copy(
        Path::new(ROOT).join("examples/indicators/hagfors-2017-2018.toml"),
        &file,
    )
    .unwrap();
    let before = std::fs::read(&file).unwrap();
    for (args, added) in [
        (
            &[
                "measure",
                "hagfors",
                "anmalda",
                "1 312,5",
                "--date",
                "2019-12-31",
                "--dry-run",
            ][..],
            "\n[[measurement]]\ndate = 2019-12-31\nindicator = \"anmalda-brott\"\nvalue = 1312.5\nby = \"Eva\"\n",
        ),
        (
            &[
                "verdict",
                "hagfors",
                "fotp",
                "ej uppfyllt",
                "--reason",
                "Inga pass.",
                "--date",
                "2019-03-01",
                "--dry-run",
            ][..],
            "\n[[verdict]]\ndate = 2019-03-01\nactivity = \"fotpatrull\"\nverdict = \"broken\"\nreason = \"Inga pass.\"\nby = \"Eva\"\n",
        ),
    ] {
        Test::new()
            .env("PLEDGE_DIR", dir.path())
            .env("PLEDGE_AS_OF", "2020-01-01")
            .env("PLEDGE_USER", "Eva")
            .args(args)
            .stdout(added)
            .stderr_is(predicates::str::contains("dry run: nothing was written to"))
            .run();
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
