//! Unit tests of the status rules.

use super::followup::followup_status;
use super::pledge_status_judged as judged;
use super::*;
use crate::load::load;

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) fn pledge(target: &str, period: (&str, &str), log: &[(&str, u32)]) -> Pledge {
    let mut src = format!(
        "title = \"t\"\nkommun = \"Filipstad\"\n[period]\nstart = {}\nend = {}\n\
         [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n{target}\n\
         [followup]\nwhen = 2017-03-31\n",
        period.0, period.1
    );
    for (date, count) in log {
        src.push_str(&format!(
            "[[log]]\ndate = {date}\nactivity = \"a\"\ncount = {count}\n"
        ));
    }
    let l = load("t.toml", &src, d("2030-01-01"));
    assert!(!l.has_errors(), "{:?}", l.diags);
    l.pledge.unwrap()
}

fn status_on(p: &Pledge, on: &str) -> (Status, Option<u32>, u32) {
    let s = judged(p, d(on));
    let a = &s.activities[0];
    (a.status, a.required, a.done)
}

const TWICE_A_YEAR: &str = "target = { count = 2, per = \"year\" }";

#[test]
fn counted_target_on_the_edges_of_a_window() {
    let p = pledge(TWICE_A_YEAR, ("2016-01-01", "2016-12-31"), &[]);
    assert_eq!(status_on(&p, "2015-12-31"), (Status::Upcoming, Some(2), 0));
    // First day: floor(2 × 1/366) = 0 expected, so on track.
    assert_eq!(status_on(&p, "2016-01-01"), (Status::OnTrack, Some(2), 0));
    // 182 of 366 days: floor(2 × 0.497) = 0 expected; 183 of 366: floor(2 × 0.5) = 1.
    assert_eq!(status_on(&p, "2016-06-30").0, Status::OnTrack);
    assert_eq!(status_on(&p, "2016-07-01").0, Status::Behind);
    // Last day: still the current window, behind rather than missed.
    assert_eq!(status_on(&p, "2016-12-31").0, Status::Behind);
    // After the period: missed.
    assert_eq!(status_on(&p, "2017-01-01"), (Status::Missed, Some(2), 0));
}

#[test]
fn counted_target_met_and_on_track() {
    let p = pledge(
        TWICE_A_YEAR,
        ("2016-01-01", "2016-12-31"),
        &[("2016-03-01", 1), ("2016-09-01", 1)],
    );
    assert_eq!(status_on(&p, "2016-08-01"), (Status::OnTrack, Some(2), 1));
    assert_eq!(status_on(&p, "2016-09-01"), (Status::Met, Some(2), 2));
    assert_eq!(status_on(&p, "2017-06-01"), (Status::Met, Some(2), 2));
}

#[test]
fn period_starting_mid_month_and_window_history() {
    let p = pledge(
        TWICE_A_YEAR,
        ("2016-10-15", "2018-10-14"),
        &[("2016-11-01", 2)],
    );
    let s = judged(&p, d("2017-10-15"));
    let a = &s.activities[0];
    // Second year: from 2017-10-15, the first window was met.
    assert_eq!(a.window, Some((d("2017-10-15"), d("2018-10-14"))));
    assert_eq!(a.windows[0].status, Status::Met);
    assert_eq!(a.windows[1].status, Status::OnTrack);
    // After the period: one window met, the second missed: partly met (issue 11 replaced
    // "missed" here: a council should not read one kept year as nothing done).
    assert_eq!(status_on(&p, "2018-10-15"), (Status::PartlyMet, Some(4), 2));
}

#[test]
fn count_many_at_once() {
    let p = pledge(
        "target = { count = 25, per = \"period\" }",
        ("2016-01-01", "2016-12-31"),
        &[("2016-02-01", 25)],
    );
    assert_eq!(status_on(&p, "2016-02-01"), (Status::Met, Some(25), 25));
}

#[test]
fn once_only() {
    let p = pledge("target = \"once\"", ("2016-01-01", "2016-12-31"), &[]);
    assert_eq!(status_on(&p, "2016-07-01").0, Status::OnTrack); // 183 of 366: not more than half
    assert_eq!(status_on(&p, "2016-07-02").0, Status::Behind);
    assert_eq!(status_on(&p, "2017-01-01").0, Status::Missed);
    let p = pledge(
        "target = \"once\"",
        ("2016-01-01", "2016-12-31"),
        &[("2016-11-30", 1)],
    );
    assert_eq!(status_on(&p, "2016-11-29").0, Status::Behind);
    assert_eq!(status_on(&p, "2016-11-30").0, Status::Met);
}

#[test]
fn no_target_is_ongoing_for_90_days() {
    let p = pledge("", ("2016-01-01", "2016-12-31"), &[("2016-03-01", 1)]);
    assert_eq!(status_on(&p, "2016-02-29").0, Status::NoReports);
    assert_eq!(status_on(&p, "2016-03-01").0, Status::Ongoing);
    assert_eq!(status_on(&p, "2016-05-29").0, Status::Ongoing); // day 90
    assert_eq!(status_on(&p, "2016-05-30").0, Status::NoReports);
    // After the period: judged on the period's last 90 days.
    assert_eq!(status_on(&p, "2020-01-01").0, Status::NoReports);
}

#[test]
fn followup_by_date() {
    let p = pledge("", ("2016-01-01", "2016-12-31"), &[]);
    let f = |on: &str| followup_status(&p, d(on)).status;
    assert_eq!(f("2017-02-28"), FollowupState::Scheduled);
    assert_eq!(f("2017-03-01"), FollowupState::Due);
    assert_eq!(f("2017-03-31"), FollowupState::Due);
    assert_eq!(f("2017-04-01"), FollowupState::Overdue);
}

const WEEKLY: &str = "target = { count = 1, per = \"week\" }";

#[test]
fn missed_weeks_are_never_hidden_by_a_good_week() {
    // Alvesta's case: weekly meetings, three logged in March 2017 (weeks 9, 10, 11).
    let p = pledge(
        WEEKLY,
        ("2017-01-01", "2018-12-31"),
        &[("2017-03-01", 1), ("2017-03-08", 1), ("2017-03-15", 1)],
    );
    let s = judged(&p, d("2017-05-31"));
    let a = &s.activities[0];
    // Weeks 1..22 of 2017: 3 met, 18 missed, the current week 22 open (and the rest).
    let r = a.record.unwrap();
    assert_eq!((r.windows_met, r.windows_missed), (3, 18));
    assert_eq!(r.total(), 104);
    assert_eq!(a.status, Status::Behind);
    // A meeting in the current week does not make the record good.
    let p = pledge(
        WEEKLY,
        ("2017-01-01", "2018-12-31"),
        &[("2017-03-01", 1), ("2017-05-29", 1)],
    );
    let a = &judged(&p, d("2017-05-31")).activities[0];
    assert_eq!(
        a.windows
            .iter()
            .find(|w| w.start == d("2017-05-29"))
            .unwrap()
            .status,
        Status::Met
    );
    assert_eq!(a.status, Status::Behind);
}

#[test]
fn after_the_period_some_windows_met_is_partly_met() {
    let p = pledge(
        TWICE_A_YEAR,
        ("2016-01-01", "2017-12-31"),
        &[("2016-03-01", 2)],
    );
    let a = &judged(&p, d("2018-01-01")).activities[0];
    assert_eq!(a.status, Status::PartlyMet);
    assert_eq!(
        a.record,
        Some(Record {
            windows_met: 1,
            windows_missed: 1,
            windows_open: 0,
            kept_on_slot_day: None,
        })
    );
    assert!(Status::PartlyMet.is_problem());
    // On the period's last day the second year is still open: behind, not yet missed.
    let a = &judged(&p, d("2017-12-31")).activities[0];
    assert_eq!(a.status, Status::Behind);
    assert_eq!(a.record.unwrap().windows_open, 1);
}

#[test]
fn every_window_missed_is_missed() {
    let p = pledge(TWICE_A_YEAR, ("2016-01-01", "2017-12-31"), &[]);
    let a = &judged(&p, d("2018-01-01")).activities[0];
    assert_eq!(a.status, Status::Missed);
    assert_eq!(a.record.unwrap().windows_missed, 2);
}

#[test]
fn a_week_starting_on_sunday_demands_nothing_that_sunday() {
    // 2017-01-01 is a Sunday; nothing on that day, a meeting on Wednesday the 4th.
    let p = pledge(WEEKLY, ("2017-01-01", "2017-12-31"), &[("2017-01-04", 1)]);
    let a = &judged(&p, d("2017-01-09")).activities[0];
    assert_eq!(a.windows[0].status, Status::Met);
    assert_eq!(a.record.unwrap().windows_missed, 0);
    assert_eq!(a.status, Status::OnTrack);
}
