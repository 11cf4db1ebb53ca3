//! Round 6 ("truth"): a status never says more than the record. A shared löfte's activity is
//! met for a kommun only by that kommun's recorded share (F22); `done` refuses work that
//! would count toward no window, and `status` does not count a hand-written one (F27); after
//! an until-replaced löfte's end, `done` says its activities ended (F18); an answer counts
//! only for a request already waiting. Our own paraphrased löften in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::Test;

const SHARED: &str = r#"title = "Gemensamt löfte för Hammarö och Storfors (påhittat)"
kommuner = ["Hammarö", "Storfors"]
[period]
start = 2017-01-01
end = 2017-12-31
[problem]
text = "Otrygghet."
[[activity]]
id = "vandring"
text = "Kommunerna gör var för sig en trygghetsvandring under året."
owners = ["kommunerna"]
target = { count = 1, per = "period" }
[[activity]]
id = "narvaro"
text = "Polisen gör två insatser i varje kommun."
owners = ["polisen"]
target = { count = 2, per = "period" }
[followup]
when = 2018-01-31
[[log]]
date = 2017-04-04
activity = "vandring"
kommun = "Hammarö"
[[log]]
date = 2017-05-04
activity = "narvaro"
kommun = "Hammarö"
[[log]]
date = 2017-06-04
activity = "narvaro"
kommun = "Hammarö"
"#;

const FRAMED: &str = r#"title = "Löfte för Kil (påhittat)"
kommun = "Kil"
[period]
start = 2017-01-01
end = 2017-12-31
until_replaced = true
[problem]
text = "Otrygghet."
[[activity]]
id = "vandring"
text = "Polisen gör två trygghetsvandringar i maj och juni."
owners = ["polisen"]
target = { count = 2, per = "period" }
from = 2017-05-01
until = 2017-06-30
[[activity]]
id = "besok"
text = "Polisen besöker en skola när den ber om det."
owners = ["polisen"]
target = "on-request"
[[activity]]
id = "onsdag"
text = "Varje onsdag finns polisen på biblioteket, utom helgdagar."
owners = ["polisen"]
target = { weekday = "onsdag", except = "holidays" }
[[event]]
id = "bra"
text = "Sammanträde med BRÅ"
[[activity]]
id = "temakvall"
text = "Polisen deltar vid temakvällarna."
owners = ["polisen"]
target = { count = 1, on = [2017-04-20, 2017-10-10] }
[[activity]]
id = "lagesbild"
text = "Vid varje sammanträde med BRÅ redovisar polisen lägesbilden."
owners = ["polisen"]
target = { count = 1, each = "bra" }
[followup]
when = 2018-01-31
[[log]]
date = 2017-03-01
activity = "vandring"
[[log]]
date = 2017-02-01
activity = "besok"
[[log]]
date = 2017-03-01
activity = "besok"
request = true
"#;

fn folder() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("hammaro-storfors-2017.toml"), SHARED).unwrap();
    fs::write(dir.join("kil-2017.toml"), FRAMED).unwrap();
    (tmp, dir)
}

fn at(dir: &Path, as_of: &str) -> Test {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", as_of)
        .env("PLEDGE_USER", "Test")
}

fn activities(dir: &Path, kommun: &str, as_of: &str) -> Vec<serde_json::Value> {
    let out = at(dir, as_of)
        .args(["status", kommun, "--format", "json"])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
    v["pledges"][0]["activities"].as_array().unwrap().clone()
}

/// F22: one kommun's walk does not make the activity of both kommuner met for the other.
#[test]
fn a_shared_activity_is_met_for_a_kommun_only_by_its_own_share() {
    let (_tmp, dir) = folder();
    let storfors = activities(&dir, "storfors", "2018-01-15");
    assert_eq!(storfors[0]["status"], "missed", "{}", storfors[0]);
    assert_eq!(storfors[0]["done"], 0);
    assert_eq!(storfors[0]["share"]["kommun"], "Storfors");
    // The police's own activity is the löfte's as a whole.
    assert_eq!(storfors[1]["status"], "met");
    assert!(storfors[1].get("share").is_none());
    let hammaro = activities(&dir, "hammaro", "2018-01-15");
    assert_eq!(hammaro[0]["status"], "met");
    assert_eq!(hammaro[0]["share"]["kommun"], "Hammarö");
    at(&dir, "2018-01-15")
        .env("PLEDGE_LANG", "sv")
        .args(["status", "storfors", "--color", "never"])
        .stdout_is(predicate::str::contains("0 av 1").and(predicate::str::contains("Storfors del")))
        .run();
    // The löfte as a whole: the walk recorded counts.
    let out = at(&dir, "2018-01-15")
        .args(["status", "--all", "--format", "json"])
        .read_stdout();
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    let shared = all["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kommuner"].as_array().unwrap().len() == 2)
        .unwrap()
        .clone();
    assert_eq!(shared["activities"][0]["status"], "met");
    assert!(shared["activities"][0].get("share").is_none());
    // Storfors's calendar reminds of its share's window (it had no event: the whole was met).
    at(&dir, "2017-10-01")
        .args(["calendar", "storfors"])
        .stdout_is(predicate::str::contains(
            "SUMMARY:Hammarö\\, Storfors: Kommunerna gör var för sig en trygghetsvandr",
        ))
        .run();
    // `check` names a kommun's share that needs attention, though the whole löfte is met.
    at(&dir, "2018-01-10")
        .args(["check"])
        .status(1)
        .stdout_is(predicate::str::contains(
            "hammaro-storfors-2017.toml: vandring (Storfors): missed, 0 of 1 in 2017\n",
        ))
        .run();
    // `done`'s reply is the kommun's share too.
    at(&dir, "2017-12-02")
        .args(["done", "storfors", "vandring", "--date", "2017-12-01"])
        .stdout_is(predicate::str::ends_with(
            "1 of 1 in 2017 · Storfors's share: met\n",
        ))
        .run();
}

/// F22: work recorded without a kommun counts for the löfte, is shown beside a kommun's
/// share, and is not counted for it.
#[test]
fn shared_work_without_a_kommun_is_shown_not_counted_for_a_kommun() {
    let (_tmp, dir) = folder();
    let file = dir.join("hammaro-storfors-2017.toml");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("[[log]]\ndate = 2017-09-01\nactivity = \"vandring\"\n");
    fs::write(&file, text).unwrap();
    let storfors = activities(&dir, "storfors", "2017-10-01");
    assert_eq!(storfors[0]["share"]["shared_done"], 1);
    assert_eq!(storfors[0]["done"], 0);
    assert_eq!(storfors[0]["status"], "on_track");
    at(&dir, "2017-10-01")
        .args(["status", "storfors", "--color", "never"])
        .stdout_is(predicate::str::contains(
            "Storfors's share (1 recorded without a kommun not counted)",
        ))
        .run();
}

/// F27: work before an activity's own `from` or after its `until` counts toward no window:
/// `done` refuses it, as it refuses work after the period, and `status` does not count (or
/// show as last done) a hand-written one.
#[test]
fn work_outside_the_activity_s_frame_is_refused_and_not_counted() {
    let (_tmp, dir) = folder();
    let before = fs::read_to_string(dir.join("kil-2017.toml")).unwrap();
    at(&dir, "2017-09-01")
        .args(["done", "kil", "vandring", "--date", "2017-04-20"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"vandring\" runs from 2017-05-01; work on 2017-04-20 would count toward none of its windows, so it is not recorded",
        ))
        .run();
    at(&dir, "2017-09-01")
        .env("PLEDGE_LANG", "sv")
        .args(["done", "kil", "vandring", "--date", "2017-08-20"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"vandring\" gällde till 2017-06-30",
        ))
        .run();
    assert_eq!(
        fs::read_to_string(dir.join("kil-2017.toml")).unwrap(),
        before
    );
    let a = &activities(&dir, "kil", "2017-09-01")[0];
    assert_eq!(a["done"], 0);
    assert_eq!(a["status"], "missed");
    assert_eq!(a["last_done"], serde_json::Value::Null, "{a}");
    at(&dir, "2017-09-01")
        .args([
            "done",
            "kil",
            "vandring",
            "--date",
            "2017-05-20",
            "--dry-run",
        ])
        .stdout_is(predicate::str::contains("date = 2017-05-20"))
        .stderr_is(predicate::str::contains("dry run"))
        .run();
}

/// F27: an answer with no request waiting counts for none; the one waiting stays waiting.
#[test]
fn an_answer_before_any_request_answers_none() {
    let (_tmp, dir) = folder();
    let a = &activities(&dir, "kil", "2017-03-10")[1];
    assert_eq!(a["requests"]["received"], 1, "{a}");
    assert_eq!(a["requests"]["answered"], 0, "{a}");
    assert_eq!(a["requests"]["oldest_open"], "2017-03-01");
    at(&dir, "2017-03-10")
        .args(["done", "kil", "besok", "--date", "2017-02-20"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"besok\" is done on request, and no request was waiting on 2017-02-20",
        ))
        .run();
    at(&dir, "2017-03-10")
        .args(["done", "kil", "besok", "--date", "2017-03-05"])
        .stdout_is(predicate::str::contains("1 of 1 request answered"))
        .run();
}

/// F27: a weekly slot has no slot in a week whose day is a holiday (Kristi himmelsfärd).
#[test]
fn work_in_a_week_without_a_slot_is_refused() {
    let (_tmp, dir) = folder();
    // No holiday of 2017 falls on a Wednesday: a Thursday slot meets Kristi himmelsfärd.
    let file = dir.join("kil-2017.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("weekday = \"onsdag\"", "weekday = \"torsdag\"");
    fs::write(&file, text).unwrap();
    at(&dir, "2017-06-01")
        .args(["done", "kil", "onsdag", "--date", "2017-05-25"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"onsdag\" has no slot in the week of 2017-05-25: its day is a public holiday",
        ))
        .run();
}

/// F18: after the end of a löfte in force until replaced, `done` says its activities ended
/// there, not that no löfte holds the day.
#[test]
fn done_after_an_until_replaced_end_says_the_activities_ended() {
    let (_tmp, dir) = folder();
    at(&dir, "2018-03-02")
        .args(["done", "kil", "vandring", "--date", "2018-03-01"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "kil-2017.toml stays in force until it is replaced, but its activities ended on 2017-12-31: work on 2018-03-01 would count toward none of them",
        ))
        .run();
    at(&dir, "2018-03-02")
        .env("PLEDGE_LANG", "sv")
        .args(["done", "kil", "vandring", "--date", "2018-03-01"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "gäller tills ett nytt löfte ersätter det, men dess aktiviteter slutade 2017-12-31",
        ))
        .run();
}

/// F27: work for listed dates on none of them is refused; work per occurrence of an event
/// not recorded yet is recorded with a note (the event may be recorded after it).
#[test]
fn work_per_occasion_with_no_occasion_open() {
    let (_tmp, dir) = folder();
    at(&dir, "2017-06-01")
        .args(["done", "kil", "temakvall", "--date", "2017-05-02"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "\"temakvall\" is done for each of its dates, and 2017-05-02 is on none of them",
        ))
        .run();
    at(&dir, "2017-06-01")
        .args(["done", "kil", "lagesbild", "--date", "2017-05-02"])
        .stdout_is(predicate::str::contains("date = 2017-05-02"))
        .stderr_is(predicate::str::contains(
            "note: \"lagesbild\" is done for each occasion, and no occasion recorded so far is open on 2017-05-02",
        ))
        .run();
    at(&dir, "2017-06-01")
        .args(["done", "kil", "--event", "bra", "--date", "2017-05-10"])
        .stdout_is(predicate::str::contains("date = 2017-05-10"))
        .run();
    at(&dir, "2017-06-01")
        .args(["done", "kil", "lagesbild", "--date", "2017-05-10"])
        .stdout_is(predicate::str::contains("date = 2017-05-10"))
        .run();
}

/// F27 in `validate`: a hand-written entry that counts toward no window (before the
/// activity's `from`, in a week whose slot is a holiday) is a warning at its entry, with a
/// hint, in both languages; the exit stays 0.
#[test]
fn validate_warns_at_a_hand_written_entry_that_counts_toward_no_window() {
    let (_tmp, dir) = folder();
    let file = dir.join("kil-2017.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("weekday = \"onsdag\"", "weekday = \"torsdag\"")
        + "[[log]]\ndate = 2017-05-25\nactivity = \"onsdag\"\n[[log]]\ndate = 2017-05-18\nactivity = \"onsdag\"\n";
    fs::write(&file, &text).unwrap();
    // The line of an entry's `[[log]]` header, the line before its date.
    let line_of = |needle: &str| text[..text.find(needle).unwrap()].lines().count();
    // The entry dated 2017-03-01 before "vandring" runs (from 2017-05-01).
    let early = line_of("date = 2017-03-01\nactivity = \"vandring\"");
    let holiday = line_of("date = 2017-05-25");
    let out = at(&dir, "2017-09-01").args(["validate"]).read_stdout();
    for want in [
        format!(
            "kil-2017.toml:{early}:1: warning: this entry of \"vandring\" on 2017-03-01 counts toward none of its windows: \"vandring\" runs from 2017-05-01"
        ),
        format!(
            "kil-2017.toml:{holiday}:1: warning: this entry of \"onsdag\" on 2017-05-25 counts toward none of its windows: that week has no slot"
        ),
        "hint: `status` does not count it".into(),
        "2 files checked: 0 errors, 2 warnings".into(),
    ] {
        assert!(out.contains(&want), "{want}\n{out}");
    }
    // The slot of the week before is an ordinary one; the answer with no request waiting
    // is left to `status`, which reads the whole log.
    assert!(
        !out.contains("2017-05-18") && !out.contains("\"besok\""),
        "{out}"
    );
    at(&dir, "2017-09-01")
        .env("PLEDGE_LANG", "sv")
        .args(["validate"])
        .stdout_is(predicate::str::contains(
            "posten för \"vandring\" den 2017-03-01 räknas inte till något av dess tidsfönster: \"vandring\" gäller från 2017-05-01",
        ))
        .run();
}
