//! `status`: snapshots in both languages, the JSON contract, colour and Swedish labels.

use predicates::prelude::*;

use crate::support::{Test, copy_pledges, pledge_in, recorded, snapshot};

#[test]
fn status_snapshots_in_both_languages() {
    // Snapshot names are written out whole, so that cases::every_snapshot_is_used finds them.
    for (lang, fmt, name) in [
        ("en", "table", "status-all-2016-10-16-en.txt"),
        ("en", "markdown", "status-all-2016-10-16-en.md"),
        ("sv", "table", "status-all-2016-10-16-sv.txt"),
        ("sv", "markdown", "status-all-2016-10-16-sv.md"),
    ] {
        {
            let out = Test::new()
                .args([
                    "status",
                    "--all",
                    "--as-of",
                    "2016-10-16",
                    "--lang",
                    lang,
                    "--format",
                    fmt,
                ])
                .read_stdout();
            snapshot(name, &out);
        }
    }
    let out = Test::new()
        .env("LANG", "sv_SE.UTF-8")
        .args(["status", "alvesta", "--as-of", "2018-06-01"])
        .read_stdout();
    snapshot("status-alvesta-2018-06-01-sv.txt", &out);
}

#[test]
fn status_json_contract() {
    let (_tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygghetsvandring",
            "--date",
            "2016-05-12",
        ])
        .stdout_is(recorded())
        .run();
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "status",
            "filipstad",
            "--as-of",
            "2016-10-16",
            "--format",
            "json",
        ])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
    assert_eq!(v["as_of"], "2016-10-16");
    let p = &v["pledges"][0];
    for key in [
        "file",
        "kommuner",
        "period",
        "state",
        "activities",
        "followup",
    ] {
        assert!(!p[key].is_null(), "{key}");
    }
    assert_eq!(p["kommuner"][0]["kommunkod"], "1782");
    assert_eq!(p["state"], "active");
    let walk = p["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "trygghetsvandring")
        .unwrap();
    assert_eq!(walk["required"], 2);
    assert_eq!(walk["done"], 1);
    assert_eq!(walk["status"], "on_track");
    assert_eq!(walk["last_done"], "2016-05-12");
    assert_eq!(
        walk["target"],
        serde_json::json!({"kind": "count", "count": 2, "per": "year"})
    );
    assert_eq!(walk["windows"][0]["end"], "2016-12-31");
    assert_eq!(
        walk["record"],
        serde_json::json!({"windows_met": 0, "windows_missed": 0, "windows_open": 1})
    );
    let narvaro = p["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "narvaro")
        .unwrap();
    assert_eq!(narvaro["required"], serde_json::Value::Null);
    assert_eq!(narvaro["status"], "no_reports");
    assert_eq!(p["followup"]["status"], "scheduled");
    assert_eq!(p["followup"]["due"], "2017-03-31");
}

#[test]
fn status_needs_a_kommun_when_there_are_several() {
    Test::new()
        .arg("status")
        .status(2)
        .stderr_is(predicate::str::contains(
            "the folder has löften for 5 kommuner",
        ))
        .run();
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = Test::new()
        .args(["status", "filipstad", "--as-of", "2016-10-16"])
        .read_stdout();
    assert!(!plain.contains('\u{1b}'));
    let coloured = Test::new()
        .env_remove("NO_COLOR")
        .args([
            "status",
            "filipstad",
            "--as-of",
            "2016-10-16",
            "--color",
            "always",
        ])
        .read_stdout();
    // The bundled löften record nothing: every status is "nothing recorded", in cyan.
    assert!(
        coloured.contains("\u{1b}[38;5;14m nothing recorded"),
        "{coloured}"
    );
    // Not a terminal (a pipe here), so `auto` means no colour even without NO_COLOR.
    let auto = Test::new()
        .env_remove("NO_COLOR")
        .args(["status", "filipstad", "--as-of", "2016-10-16"])
        .read_stdout();
    assert!(!auto.contains('\u{1b}'));
}

#[test]
fn swedish_labels_everywhere_a_person_reads() {
    let (_tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygg",
            "--date",
            "2016-05-12",
            "--lang",
            "sv",
        ])
        .stdout_is(
            predicate::str::starts_with("registrerat i ")
                .and(predicate::str::ends_with("1 av 2 · 2016: i fas\n")),
        )
        .run();
    let log = pledge_in(&dir)
        .env("LANG", "sv_SE.UTF-8")
        .args(["log"])
        .read_stdout();
    assert!(log.contains("Datum") && log.contains("Anteckning"), "{log}");
    let list = pledge_in(&dir)
        .args(["list", "--lang", "sv", "--as-of", "2016-06-01"])
        .read_stdout();
    assert!(
        list.contains("Läge") && list.contains("pågår") && !list.contains("avslutat"),
        "{list}"
    );
    pledge_in(&dir)
        .env("PLEDGE_LANG", "sv")
        .args(["undo", "filipstad"])
        .stdout_is(predicate::str::starts_with("borttaget ur "))
        .stderr_is(predicate::str::starts_with(
            "tar bort posten från Test User (20",
        ))
        .run();
}

/// Alvesta promises weekly samverkansmöten; three were logged in March 2017 (weeks 9 to 11).
/// On 2017-05-31 the table, the report in both languages and `check` must all say that the
/// meetings are behind, with the record, though the current week is not yet lost.
#[test]
fn missed_weeks_are_never_hidden() {
    let (_tmp, dir) = copy_pledges();
    for date in ["2017-03-01", "2017-03-08", "2017-03-15"] {
        pledge_in(&dir)
            .args(["done", "alvesta", "samverkansmoten", "--date", date])
            .stdout_is(recorded())
            .run();
    }
    let table = pledge_in(&dir)
        .args(["status", "alvesta", "--as-of", "2017-05-31", "--lang", "sv"])
        .read_stdout();
    let row = table
        .lines()
        .find(|l| l.contains("samverkansmoten"))
        .unwrap();
    assert!(
        row.contains("0 av 1 · vecka 22 2017 · 3 av 21 veckor uppfyllda"),
        "{row}"
    );
    assert!(row.contains("försenad"), "{row}");
    assert!(!row.contains("i fas"), "{row}");
    assert!(
        table.contains("Sammanfattning: 8 aktiviteter – 1 i fas, 1 försenad,"),
        "{table}"
    );
    for (lang, heading, none, record) in [
        (
            "sv",
            "Det här är försenat",
            "Inget är försenat",
            "3 av 21 veckor uppfyllda",
        ),
        ("en", "## Behind", "Nothing is behind", "3 of 21 weeks met"),
    ] {
        let report = pledge_in(&dir)
            .args(["report", "alvesta", "--as-of", "2017-05-31", "--lang", lang])
            .read_stdout();
        let behind = report
            .split(heading)
            .nth(1)
            .unwrap_or_else(|| panic!("{report}"));
        assert!(!behind.contains(none), "{lang}: {behind}");
        assert!(behind.contains("samverkansmoten"), "{lang}: {behind}");
        assert!(behind.contains(record), "{lang}: {behind}");
    }
    let check = pledge_in(&dir)
        .args(["check", "--as-of", "2017-05-31", "--within", "7"])
        .status(1)
        .read_stdout();
    assert!(
        check.contains("alvesta-2017-2018.toml: samverkansmoten: missed, 0 of 1 in week 21, 2017"),
        "{check}"
    );
    let json = pledge_in(&dir)
        .args([
            "status",
            "alvesta",
            "--as-of",
            "2017-05-31",
            "--format",
            "json",
        ])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let a = v["pledges"][0]["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "samverkansmoten")
        .unwrap()
        .clone();
    assert_eq!(a["status"], "behind");
    assert_eq!(
        a["record"],
        serde_json::json!({"windows_met": 3, "windows_missed": 18, "windows_open": 83})
    );
    assert_eq!(a["windows"][0]["iso_week"], serde_json::json!([2017, 1]));
}
