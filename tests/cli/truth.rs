//! Issue 22: truth at every edge. One test per numbered case, each failing before the fix,
//! on our own paraphrased löften in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, copy_pledges};

const UNSTATED: &str = r#"title = "Löfte för Sunne (påhittat)"
kommun = "Sunne"
[period]
end = 2022-08-01
[problem]
text = "Otrygghet."
[[event]]
id = "bra-mote"
text = "Sammanträde med BRÅ"
[[activity]]
id = "insatser"
text = "Polisen gör 80 insatser."
owners = ["polisen"]
target = { count = 80, per = "period" }
[[activity]]
id = "lagesbild"
text = "Vid varje sammanträde med BRÅ redovisar polisen lägesbilden."
owners = ["polisen"]
target = { count = 1, each = "bra-mote" }
[followup]
when = 2022-09-30
"#;

const KIL: &str = r#"title = "Löfte för Kil (påhittat)"
kommun = "Kil"
[period]
start = 2017-01-01
end = 2017-12-31
[problem]
text = "Otrygghet."
[[activity]]
id = "temakvall"
text = "Polisen deltar vid varje temakväll."
owners = ["polisen"]
target = { count = 1, on = [2017-03-14, 2017-05-20, 2017-10-10] }
[[activity]]
id = "onsdag"
text = "Varje onsdag 15-16 finns polisen på biblioteket."
owners = ["polisen"]
target = { weekday = "onsdag", time = "15-16" }
[[activity]]
id = "besok"
text = "Besök när en skola ber om det."
owners = ["polisen"]
target = "on-request"
[followup]
when = 2017-05-31
[[log]]
date = 2017-03-14
activity = "temakvall"
[[log]]
date = 2017-10-10
activity = "temakvall"
[[log]]
date = 2017-06-01
activity = "besok"
request = true
[[log]]
date = 2017-04-01
activity = "followup"
[[log]]
date = 2017-05-18
activity = "followup"
"#;

const GRUMS: &str = r#"title = "Löfte för Grums (påhittat)"
kommun = "Grums"
[period]
start = 2016-01-01
end = 2017-12-31
[problem]
text = "Otrygghet."
[[activity]]
id = "vecka"
text = "Polisen möter ungdomar varje vecka."
owners = ["polisen"]
target = { count = 1, per = "week" }
[[activity]]
id = "halvar"
text = "Ett möte per halvår på varje skola."
owners = ["Bostadsbolaget"]
units = ["Norr", "Söder"]
target = { count = 1, per = "half-year" }
[followup]
when = 2018-01-31
[[log]]
date = 2016-03-02
activity = "vecka"
[[log]]
date = 2016-03-02
activity = "halvar"
unit = "Norr"
"#;

const SHARED: &str = r#"title = "Gemensamt löfte för Hammarö och Storfors (påhittat)"
kommuner = ["Hammarö", "Storfors"]
[period]
start = 2017-01-01
end = 2017-12-31
[problem]
text = "Otrygghet."
[[activity]]
id = "belysning"
text = "Kommunerna förbättrar belysningen."
owners = ["kommunerna"]
[followup]
when = 2018-01-31
"#;

fn folder() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    for (name, text) in [
        ("sunne-2022.toml", UNSTATED),
        ("kil-2017.toml", KIL),
        ("grums-2016-2017.toml", GRUMS),
        ("hammaro-storfors-2017.toml", SHARED),
    ] {
        fs::write(dir.join(name), text).unwrap();
    }
    (tmp, dir)
}

fn at(dir: &Path, as_of: &str) -> Test {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", as_of)
        .env("PLEDGE_USER", "Test")
        .env("PLEDGE_LANG", "sv")
}

fn json(dir: &Path, kommun: &str, as_of: &str) -> serde_json::Value {
    let out = at(dir, as_of)
        .args(["status", kommun, "--format", "json"])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
    v["pledges"][0].clone()
}

/// Case 1: a start the text does not state is unknown; a view never uses later work; `done`
/// refuses work far before the end with the reason, and replies with the state after it.
#[test]
fn an_unstated_start_is_unknown_and_later_work_is_never_used() {
    let (_tmp, dir) = folder();
    at(&dir, "2022-05-01")
        .args(["status", "sunne", "--color", "never"])
        .stdout_is(
            predicate::str::contains("Period startdatum saknas – 2022-08-01")
                .and(predicate::str::contains("pågår"))
                .and(predicate::str::contains("inget registrerat per 2022-05-01")),
        )
        .run();
    at(&dir, "2022-05-01")
        .args([
            "done",
            "sunne",
            "insatser",
            "--date",
            "2022-03-01",
            "--count",
            "20",
        ])
        .stdout_is(predicate::str::contains(
            "20 av 80 · 2022-03-01 – 2022-08-01: i fas",
        ))
        .run();
    // The view of a day before that work does not move its start to it, nor count it.
    let p = json(&dir, "sunne", "2022-02-15");
    assert_eq!(p["period"]["start"], "2022-02-15");
    assert_eq!(p["state"], "active");
    assert_eq!(p["activities"][0]["done"], 0);
    assert_eq!(p["activities"][0]["status"], "nothing_recorded");
    let p = json(&dir, "sunne", "2022-05-01");
    assert_eq!(p["period"]["start"], "2022-03-01");
    assert_eq!(p["activities"][0]["done"], 20);
    at(&dir, "2022-05-01")
        .args(["done", "sunne", "insatser", "--date", "2010-01-01"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "sunne-2022.toml: start not stated, to 2022-08-01; work from 2012-08-02 (a löfte runs at most 10 years)",
        ))
        .run();
}

/// Case 2: each occasion is judged on its own day (plus a stated grace), not at the next.
#[test]
fn a_missed_occasion_is_missed_before_the_next_is_recorded() {
    let (_tmp, dir) = folder();
    let p = json(&dir, "kil", "2017-08-01");
    let a = &p["activities"][0];
    assert_eq!(a["status"], "behind", "{a}");
    assert_eq!(a["record"]["windows_missed"], 1);
    assert_eq!(a["target"]["grace_days"], 0);
}

/// Case 3: a weekly slot counts its weekday; another day is refused unless it replaced the
/// week's slot; validate warns about a hand-written one; the record says which weeks were
/// kept on the day. (`done` reads the folder as of its date, so the date is after the log.)
#[test]
fn a_weekly_slot_is_kept_on_its_weekday() {
    let (_tmp, dir) = folder();
    at(&dir, "2017-12-31")
        .args(["done", "kil", "onsdag", "--date", "2017-03-14"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"onsdag\" görs varje onsdag; 2017-03-14 är en tisdag, så det räknas inte som \
             veckans fasta tillfälle",
        ))
        .run();
    at(&dir, "2017-12-31")
        .env("PLEDGE_LANG", "en")
        .args(["done", "kil", "onsdag", "--date", "2017-03-14"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"onsdag\" is kept every Wednesday; 2017-03-14 is a Tuesday",
        ))
        .run();
    at(&dir, "2017-12-31")
        .args([
            "done",
            "kil",
            "onsdag",
            "--date",
            "2017-03-14",
            "--instead-of-slot",
        ])
        .stdout_is(predicate::str::contains("instead_of_slot = true"))
        .run();
    at(&dir, "2017-12-31")
        .args(["done", "kil", "onsdag", "--date", "2017-03-22"])
        .stdout_is(predicate::str::contains("1 på ordinarie dag"))
        .run();
    let text = fs::read_to_string(dir.join("kil-2017.toml")).unwrap();
    fs::write(
        dir.join("kil-2017.toml"),
        format!("{text}\n[[log]]\ndate = 2017-03-28\nactivity = \"onsdag\"\n"),
    )
    .unwrap();
    at(&dir, "2017-12-31")
        .arg("validate")
        .stdout_is(predicate::str::contains(
            "(en tisdag) gjordes inte på den fasta veckodagen (onsdag) och räknas därför inte",
        ))
        .run();
}

/// Case 4: requests unanswered when the period ends reach `check` once.
#[test]
fn an_unanswered_request_reaches_check_once_after_the_period() {
    let (_tmp, dir) = folder();
    let line =
        "Kil: Besök när en skola ber om det (besok): missad, 0 av 1 under 2017 (kil-2017.toml)";
    at(&dir, "2018-01-01")
        .args(["check", "--within", "7"])
        .status(1)
        .stdout_is(predicate::str::contains(line))
        .run();
    at(&dir, "2018-01-08")
        .args(["check", "--within", "7"])
        .status(1)
        .stdout_is(predicate::str::contains(line).not())
        .run();
}

/// Case 5: labels name the window they describe, and windows are named by their kind.
#[test]
fn labels_name_the_window_they_describe() {
    let (_tmp, dir) = folder();
    at(&dir, "2018-01-15")
        .args(["status", "grums", "--color", "never"])
        .stdout_is(
            predicate::str::contains("1 av 104 · 2016-01-01 – 2017-12-31 · 1 av 104 veckor")
                .and(predicate::str::contains("vecka 52").not())
                .and(predicate::str::contains(
                    "1 av 8 uppfyllda (halvår × 2 enheter)",
                )),
        )
        .run();
}

/// Case 6: the follow-up shows the last entry that counts; an early one does not count.
#[test]
fn an_early_follow_up_is_shown_as_not_counting() {
    let (_tmp, dir) = folder();
    at(&dir, "2017-06-15")
        .args(["status", "kil", "--color", "never"])
        .stdout_is(predicate::str::contains(
            "Uppföljning: 2017-05-31 – genomförd (2017-05-18) – registrerad 2017-04-01 räknas inte (före 2017-05-01)",
        ))
        .run();
    let p = json(&dir, "kil", "2017-06-15");
    assert_eq!(p["followup"]["last_done"], "2017-05-18");
    assert_eq!(p["followup"]["not_counted"][0], "2017-04-01");
}

/// Case 7: the kommuner and any named party each get their own heading.
#[test]
fn kommunerna_and_named_parties_have_their_own_heading() {
    let (_tmp, dir) = folder();
    at(&dir, "2017-06-15")
        .args(["report", "hammaro"])
        .stdout_is(
            predicate::str::contains("## Kommunerna lovar")
                .and(predicate::str::contains("## Tillsammans").not()),
        )
        .run();
    at(&dir, "2017-06-15")
        .args(["report", "grums"])
        .stdout_is(predicate::str::contains("## Bostadsbolaget lovar"))
        .run();
}

/// Case 8: nothing recorded is not published as failure, and every page says what statuses
/// show.
#[test]
fn nothing_recorded_is_not_published_as_failure() {
    let tmp = TempDir::new().unwrap();
    let site = tmp.path().join("site");
    Test::new()
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .args(["--quiet", "site"])
        .arg(&site)
        .args(["--as-of", "2017-06-30", "--lang", "sv"])
        .run();
    let page = fs::read_to_string(site.join("filipstad-2016/index.html")).unwrap();
    assert!(page.contains("inget registrerat"), "{page}");
    assert!(!page.contains("missad"), "{page}");
    assert!(
        page.contains("Statusen visar det arbete som registrerats i pledge per 2017-06-30."),
        "{page}"
    );
    let report = Test::new()
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .args([
            "report",
            "filipstad",
            "--as-of",
            "2017-06-30",
            "--lang",
            "sv",
        ])
        .read_stdout();
    assert!(
        report.contains("Statusen visar det arbete som registrerats i pledge per 2017-06-30."),
        "{report}"
    );
    assert!(!report.contains("missad"), "{report}");
}

/// Case 11: an event the löfte refers to is declared, recorded with `done --event`, and a
/// target per occurrence of it is judged against its occurrences.
#[test]
fn a_target_per_occurrence_of_an_event() {
    let (_tmp, dir) = folder();
    at(&dir, "2022-05-01")
        .args([
            "done",
            "sunne",
            "--event",
            "bra-mote",
            "--date",
            "2022-03-10",
        ])
        .stdout_is(predicate::str::contains("event = \"bra-mote\""))
        .run();
    at(&dir, "2022-05-01")
        .args(["done", "sunne", "lagesbild", "--date", "2022-03-10"])
        .stdout_is(predicate::str::contains("1 av 1 · 2022-03-10: genomförd"))
        .run();
    at(&dir, "2022-05-01")
        .args([
            "done",
            "sunne",
            "--event",
            "bra-mote",
            "--date",
            "2022-04-12",
        ])
        .read_stdout();
    let p = json(&dir, "sunne", "2022-05-01");
    let a = &p["activities"][1];
    assert_eq!(a["target"]["event"], "bra-mote");
    assert_eq!(a["status"], "behind", "{a}");
    at(&dir, "2022-05-01")
        .args(["done", "sunne", "--event", "styrelse"])
        .status(2)
        // (The run is in Swedish: `at` sets PLEDGE_LANG=sv; the refusal is no longer English.)
        .stderr_is(predicate::str::contains(
            "anger ingen händelse \"styrelse\"",
        ))
        .run();
}

/// A "kept" verdict over a löfte with nothing recorded: the records can neither confirm nor
/// contradict it, so no view (the verdict's reply, status, JSON, the report) calls it agreeing.
#[test]
fn a_verdict_over_an_empty_record_has_no_basis() {
    let (_tmp, dir) = copy_pledges();
    let only = |dir: &Path| {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if !p.ends_with("filipstad-2016.toml") {
                fs::remove_file(p).unwrap();
            }
        }
    };
    only(&dir);
    let reply = at(&dir, "2017-02-15")
        .env("PLEDGE_LANG", "en")
        .args(["verdict", "filipstad", "trygghetsvandring", "kept"])
        .args([
            "--reason",
            "Gjort enligt protokollet",
            "--date",
            "2017-02-01",
        ])
        .read_stdout();
    assert!(reply.contains("nothing recorded"), "{reply}");
    assert!(!reply.contains("missed"), "{reply}");
    let v = json(&dir, "filipstad", "2017-02-15");
    let acts = v["activities"].as_array().unwrap();
    let walk = acts
        .iter()
        .find(|a| a["id"] == "trygghetsvandring")
        .unwrap();
    assert_eq!(walk["status"], "nothing_recorded");
    assert_eq!(walk["verdict"]["agreement"], "no_basis", "{walk}");
    let text = at(&dir, "2017-02-15")
        .env("PLEDGE_LANG", "en")
        .args(["status", "filipstad", "--color", "never"])
        .read_stdout();
    assert!(!text.contains("agrees with the records"), "{text}");
    let report = at(&dir, "2017-02-15")
        .env("PLEDGE_LANG", "en")
        .args(["report", "filipstad"])
        .read_stdout();
    assert!(!report.contains("agrees with the records"), "{report}");
}

/// The report's "behind" section never says "nothing is behind" over an empty record: the
/// README's own example date, where `check` lists two activities behind.
#[test]
fn the_report_does_not_call_an_empty_record_on_time() {
    for (lang, claim, honest) in [
        ("sv", "Inget är försenat", "inget kan bedömas som försenat"),
        ("en", "Nothing is behind", "nothing can be judged behind"),
    ] {
        for format in ["markdown", "html"] {
            let report = Test::new()
                .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
                .args(["report", "filipstad", "--as-of", "2016-10-16"])
                .args(["--lang", lang, "--format", format])
                .read_stdout();
            assert!(!report.contains(claim), "{report}");
            assert!(report.contains(honest), "{report}");
        }
    }
}

/// A löfte whose start is not stated runs at most ten years: decades before its end it is
/// not "active, 6,000 days left" but upcoming, from the earliest day it can have started.
#[test]
fn an_unstated_start_is_not_in_force_decades_before_the_end() {
    let (_tmp, dir) = folder();
    let v = json(&dir, "sunne", "2005-01-01");
    assert_eq!(v["state"], "upcoming", "{v}");
    assert_eq!(v["period"]["start"], "2012-08-02", "{v}");
    assert_eq!(v["period"]["start_stated"], false);
    let v = json(&dir, "sunne", "2013-01-01");
    assert_eq!(v["state"], "active", "{v}");
}

/// `list` says a start the file does not state is not stated (the first work is not the
/// start), and `--active-on` applies the same in-force rule as `status`.
#[test]
fn list_shows_an_unstated_start_as_unstated_and_agrees_with_status() {
    let (_tmp, dir) = folder();
    let table = at(&dir, "2022-05-01")
        .args(["list", "--active-on", "2022-05-01"])
        .read_stdout();
    assert!(table.contains("Sunne"), "{table}");
    assert!(table.contains("startdatum saknas – 2022-08-01"), "{table}");
    let csv = at(&dir, "2022-05-01")
        .args(["list", "--format", "csv"])
        .read_stdout();
    let sunne = csv.lines().find(|l| l.contains("Sunne")).unwrap();
    assert!(sunne.contains(",,2022-08-01,"), "{sunne}");
}
