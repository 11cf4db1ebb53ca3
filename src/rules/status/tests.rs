//! Unit tests of the status rules.

use super::followup::followup_status;
use super::pledge_status_judged as judged;
use super::*;
use crate::load::load;
use crate::model::{FOLLOWUP_ID, LogEntry, Occurrences, Per, State, Target};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn pledge(target: &str, period: (&str, &str), log: &[(&str, u32)]) -> Pledge {
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

#[test]
fn a_followup_recorded_before_it_is_due_does_not_count() {
    let mut p = pledge("", ("2016-01-01", "2016-12-31"), &[]);
    p.log.push(entry("2016-02-01", FOLLOWUP_ID));
    // Due from 2017-03-01 (30 days before 2017-03-31): the February 2016 entry is early.
    assert_eq!(
        followup_status(&p, d("2017-03-15")).status,
        FollowupState::Due
    );
    assert_eq!(
        followup_status(&p, d("2017-04-15")).status,
        FollowupState::Overdue
    );
    p.log[0].date = d("2017-03-01");
    assert_eq!(
        followup_status(&p, d("2017-03-15")).status,
        FollowupState::Done
    );
}

// The kinds of target that real löften state (issue 11), built on a loaded pledge.

fn entry(date: &str, activity: &str) -> LogEntry {
    LogEntry {
        date: d(date),
        activity: activity.into(),
        part: None,
        unit: None,
        kommun: None,
        request: false,
        instead_of_slot: false,
        event: false,
        count: 1,
        by: None,
        note: None,
        span: 0..0,
    }
}

fn with(mut p: Pledge, target: Target, log: Vec<LogEntry>) -> Pledge {
    p.activities[0].target = target;
    p.log = log;
    p
}

fn base() -> Pledge {
    pledge("", ("2017-01-01", "2017-12-31"), &[])
}

#[test]
fn an_open_count_is_counted_and_never_judged_against_a_number() {
    let p = with(
        base(),
        Target::Open,
        vec![entry("2017-03-01", "a"), entry("2017-03-02", "a")],
    );
    let a = &judged(&p, d("2017-04-01")).activities[0];
    assert_eq!((a.status, a.required, a.done), (Status::Ongoing, None, 2));
    assert_eq!(a.record, None);
}

#[test]
fn on_request_every_request_needs_an_answer() {
    let req = |date: &str| LogEntry {
        request: true,
        ..entry(date, "a")
    };
    let p = with(base(), Target::OnRequest, vec![]);
    assert_eq!(
        judged(&p, d("2017-06-01")).activities[0].status,
        Status::NothingDue
    );
    // Two requests, one answered: the oldest (March) counts as answered, May's waits.
    let p = with(
        base(),
        Target::OnRequest,
        vec![
            req("2017-03-01"),
            entry("2017-03-10", "a"),
            req("2017-05-01"),
        ],
    );
    let a = &judged(&p, d("2017-05-20")).activities[0];
    let r = a.requests.unwrap();
    assert_eq!((r.received, r.answered, r.open), (2, 1, 1));
    assert_eq!(r.oldest_open, Some(d("2017-05-01")));
    assert_eq!(a.status, Status::OnTrack);
    // Waiting more than 30 days is behind; never answered by the end is partly met.
    assert_eq!(
        judged(&p, d("2017-06-01")).activities[0].status,
        Status::Behind
    );
    assert_eq!(
        judged(&p, d("2018-01-01")).activities[0].status,
        Status::PartlyMet
    );
    // A request never answered at all, after the end: missed.
    let p = with(base(), Target::OnRequest, vec![req("2017-03-01")]);
    assert_eq!(
        judged(&p, d("2018-01-01")).activities[0].status,
        Status::Missed
    );
}

#[test]
fn per_occurrence_of_another_activity() {
    // After each trygghetsvandring ("walk"), act on a proposal ("a").
    let mut p = with(
        base(),
        Target::Each {
            count: 1,
            of: Occurrences::Activity("walk".into()),
            grace_days: 30,
        },
        vec![
            entry("2017-03-01", "walk"),
            entry("2017-03-20", "a"),
            entry("2017-09-01", "walk"),
        ],
    );
    p.activities.push(Activity {
        id: "walk".into(),
        ..p.activities[0].clone()
    });
    let a = &judged(&p, d("2017-08-01")).activities[0];
    assert_eq!(a.status, Status::Met);
    // Within the grace after the second walk: nothing owed yet.
    let a = &judged(&p, d("2017-09-10")).activities[0];
    assert_eq!(
        (a.status, a.required, a.done, a.window),
        (
            Status::OnTrack,
            Some(1),
            0,
            Some((d("2017-09-01"), d("2017-10-01")))
        )
    );
    let a = &judged(&p, d("2018-01-01")).activities[0];
    assert_eq!(a.status, Status::PartlyMet);
    assert_eq!(a.record.unwrap().windows_missed, 1);
    // Nothing occurred: nothing is due, whatever the date.
    let p = with(
        base(),
        Target::Each {
            count: 1,
            of: Occurrences::Activity("walk".into()),
            grace_days: 0,
        },
        vec![],
    );
    assert_eq!(
        judged(&p, d("2018-01-01")).activities[0].status,
        Status::NothingDue
    );
}

#[test]
fn per_occurrence_of_listed_dates() {
    let t = Target::Each {
        count: 1,
        of: Occurrences::Dates(vec![d("2017-02-14"), d("2017-05-16")]),
        grace_days: 0,
    };
    let p = with(base(), t, vec![entry("2017-02-14", "a")]);
    // The first occasion met; the next is to come, so nothing is owed: on track.
    let a = &judged(&p, d("2017-02-20")).activities[0];
    assert_eq!(
        (a.status, a.record.unwrap().windows_met),
        (Status::OnTrack, 1)
    );
    // Before the next listed date nothing more is owed; on it, its one-day window is due.
    let a = &judged(&p, d("2017-05-15")).activities[0];
    assert_eq!(a.status, Status::OnTrack);
    let a = &judged(&p, d("2017-05-16")).activities[0];
    assert_eq!(
        (a.window, a.status),
        (Some((d("2017-05-16"), d("2017-05-16"))), Status::Behind)
    );
}

/// Issue 22, case 2: an occasion without its work is missed the day after its grace, not when
/// the next occasion is recorded.
#[test]
fn an_occasion_is_judged_on_its_day_plus_its_grace() {
    let dates = vec![d("2017-03-14"), d("2017-05-20"), d("2017-10-10")];
    let log = vec![entry("2017-03-14", "a"), entry("2017-10-10", "a")];
    let t = |grace_days| Target::Each {
        count: 1,
        of: Occurrences::Dates(dates.clone()),
        grace_days,
    };
    let p = with(base(), t(0), log.clone());
    let a = &judged(&p, d("2017-08-01")).activities[0];
    assert_eq!(a.status, Status::Behind);
    assert_eq!(
        (
            a.record.unwrap().windows_met,
            a.record.unwrap().windows_missed
        ),
        (1, 1)
    );
    // With a week's grace the May evening is open until 05-27, missed from 05-28.
    let p = with(base(), t(7), log);
    let at = |day| judged(&p, d(day)).activities[0].status;
    assert_eq!(at("2017-05-22"), Status::OnTrack);
    assert_eq!(at("2017-05-28"), Status::Behind);
}

/// Issue 22, case 1: a view uses no work dated after its date; an unstated start is judged
/// from the first work recorded by then, else the view's date.
#[test]
fn a_view_never_uses_work_after_its_date() {
    let mut p = with(
        base(),
        Target::Count {
            count: 80,
            per: Per::Period,
        },
        vec![LogEntry {
            count: 20,
            ..entry("2017-03-01", "a")
        }],
    );
    p.period.start_stated = false;
    let s = pledge_status(&p, d("2017-02-15"));
    assert_eq!(
        (s.state, s.period.start, s.nothing_recorded),
        (State::Active, d("2017-02-15"), true)
    );
    assert_eq!(s.activities[0].status, Status::NothingRecorded);
    assert_eq!(s.activities[0].done, 0);
    let s = pledge_status(&p, d("2017-03-01"));
    assert_eq!(
        (s.period.start, s.activities[0].done),
        (d("2017-03-01"), 20)
    );
    assert!(!s.nothing_recorded);
    // A stated start is kept, and later work is not counted either.
    p.period.start_stated = true;
    let s = pledge_status(&p, d("2017-02-15"));
    assert_eq!((s.period.start, s.activities[0].done), (p.period.start, 0));
}

/// Issue 22, case 3: a weekly slot counts only its weekday, or work marked as replacing it.
#[test]
fn a_weekly_slot_counts_its_day_or_a_marked_replacement() {
    let t = Target::Weekly {
        weekday: chrono::Weekday::Wed,
        time: None,
        except_holidays: false,
    };
    // 2017-03-07 is a Tuesday, 2017-03-15 a Wednesday, 2017-03-21 a Tuesday (marked).
    let log = vec![
        entry("2017-03-07", "a"),
        entry("2017-03-15", "a"),
        LogEntry {
            instead_of_slot: true,
            ..entry("2017-03-21", "a")
        },
    ];
    let p = with(base(), t, log);
    let a = &judged(&p, d("2017-03-27")).activities[0];
    let week = |n: u32| {
        a.windows
            .iter()
            .find(|w| w.iso_week.map(|x| x.1) == Some(n))
            .unwrap()
    };
    assert_eq!((week(10).status, week(10).done), (Status::Missed, 0));
    assert_eq!(
        (week(11).status, week(11).on_slot_day),
        (Status::Met, Some(true))
    );
    assert_eq!(
        (week(12).status, week(12).on_slot_day),
        (Status::Met, Some(false))
    );
    assert_eq!(a.record.unwrap().kept_on_slot_day, Some(1));
}

/// Issue 22, case 6: the follow-up shows the last record that counts; an early one is kept
/// apart as not counting.
#[test]
fn an_early_follow_up_is_not_shown_as_done() {
    let mut p = base();
    p.followup = Some(crate::model::Followup {
        when: Some(crate::model::FollowupWhen::Date {
            date: d("2017-05-31"),
        }),
        how: None,
        responsible: None,
        presented: None,
    });
    p.log = vec![entry("2017-04-01", "followup")];
    let f = pledge_status(&p, d("2017-06-15")).followup;
    assert_eq!(
        (f.status, f.last_done, f.not_counted),
        (FollowupState::Overdue, None, vec![d("2017-04-01")])
    );
    p.log.push(entry("2017-05-18", "followup"));
    let f = pledge_status(&p, d("2017-06-15")).followup;
    assert_eq!(
        (f.status, f.last_done, f.not_counted),
        (
            FollowupState::Done,
            Some(d("2017-05-18")),
            vec![d("2017-04-01")]
        )
    );
}

#[test]
fn per_unit_every_unit_must_meet_the_target() {
    let mut p = with(
        base(),
        Target::Count {
            count: 1,
            per: Per::HalfYear,
        },
        vec![
            LogEntry {
                unit: Some("Norrskolan".into()),
                ..entry("2017-02-01", "a")
            },
            LogEntry {
                unit: Some("Norrskolan".into()),
                ..entry("2017-03-01", "a")
            },
        ],
    );
    p.activities[0].units = vec!["Norrskolan".into(), "Södra skolan".into()];
    let a = &pledge_status(&p, d("2017-07-01")).activities[0];
    // Two evenings at one school do not meet a target for each school: Norrskolan met the
    // first half-year (and the second has just begun), Södra skolan missed it.
    assert_eq!(a.units[0].status, Status::OnTrack);
    assert_eq!(a.units[0].record.unwrap().windows_met, 1);
    assert_eq!(a.units[1].status, Status::Behind);
    assert_eq!(a.units[1].record.unwrap().windows_missed, 1);
    assert_eq!(a.status, Status::Behind);
    assert_eq!((a.required, a.done), (Some(2), 0));
    // A unit with no work at all, after the end: the activity is partly met.
    let a = &pledge_status(&p, d("2018-01-01")).activities[0];
    assert_eq!(a.units[1].status, Status::Missed);
    assert_eq!(a.status, Status::PartlyMet);
}

#[test]
fn parts_each_with_their_own_target() {
    let mut p = base();
    let part = |id: &str, target| Activity {
        id: id.into(),
        target,
        ..p.activities[0].clone()
    };
    let parts = vec![
        part(
            "vandringar",
            Target::Count {
                count: 3,
                per: Per::Period,
            },
        ),
        part("dialog", Target::Once),
    ];
    p.activities[0].parts = parts;
    let e = |date: &str, part: &str| LogEntry {
        part: Some(part.into()),
        ..entry(date, "a")
    };
    p.log = vec![e("2017-02-01", "dialog"), e("2017-03-01", "vandringar")];
    let a = &pledge_status(&p, d("2017-04-01")).activities[0];
    assert_eq!(a.parts[1].status, Status::Met);
    assert_eq!((a.parts[0].required, a.parts[0].done), (Some(3), 1));
    assert_eq!(a.status, Status::OnTrack);
    let a = &pledge_status(&p, d("2018-01-01")).activities[0];
    assert_eq!(a.parts[0].status, Status::Missed);
    assert_eq!(a.status, Status::PartlyMet);
}

#[test]
fn a_weekly_slot_skips_the_holiday_week() {
    // Every Thursday, holidays excepted: Kristi himmelsfärd 2017-05-25 needs nothing.
    let t = Target::Weekly {
        weekday: chrono::Weekday::Thu,
        time: Some("kl. 18".into()),
        except_holidays: true,
    };
    let p = with(
        base(),
        t,
        vec![entry("2017-05-18", "a"), entry("2017-06-01", "a")],
    );
    let mut p = p;
    p.activities[0].frame = crate::model::Frame {
        from: Some(d("2017-05-15")),
        until: Some(d("2017-06-04")),
    };
    let a = &pledge_status(&p, d("2017-06-10")).activities[0];
    assert_eq!(a.status, Status::Met);
    assert_eq!(a.record.unwrap().windows_met, 2);
}

#[test]
fn an_activity_whose_own_frame_ends_before_the_lofte() {
    // "During the summer months": June to August, twice a month.
    let mut p = with(
        base(),
        Target::Count {
            count: 2,
            per: Per::Month,
        },
        vec![entry("2017-06-05", "a"), entry("2017-06-20", "a")],
    );
    p.activities[0].frame = crate::model::Frame {
        from: Some(d("2017-06-01")),
        until: Some(d("2017-08-31")),
    };
    // In May nothing is owed yet; in October (löfte still active) the frame has ended.
    assert_eq!(
        pledge_status(&p, d("2017-05-01")).activities[0].status,
        Status::Upcoming
    );
    let a = &pledge_status(&p, d("2017-10-01")).activities[0];
    assert_eq!(a.status, Status::PartlyMet);
    assert_eq!(a.record.unwrap().total(), 3);
}

#[test]
fn aggregate_rules() {
    use super::activity::aggregate;
    use Status::*;
    assert_eq!(aggregate(State::Active, &[Met, Met]), Met);
    assert_eq!(aggregate(State::Active, &[Met, NothingDue]), Met);
    assert_eq!(aggregate(State::Active, &[Met, OnTrack]), OnTrack);
    assert_eq!(aggregate(State::Active, &[OnTrack, Behind]), Behind);
    assert_eq!(aggregate(State::Active, &[Missed, Met]), Behind);
    assert_eq!(aggregate(State::Ended, &[Missed, Missed]), Missed);
    assert_eq!(aggregate(State::Ended, &[Missed, Met]), PartlyMet);
    assert_eq!(aggregate(State::Upcoming, &[Upcoming, Upcoming]), Upcoming);
}
