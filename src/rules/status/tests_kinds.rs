//! Unit tests of the status rules for the kinds of target that real löften state (issue 11)
//! and the truth rules of issue 22, built on a loaded pledge.

use super::pledge_status_judged as judged;
use super::tests::{d, pledge};
use super::*;
use crate::model::{FOLLOWUP_ID, LogEntry, Occurrences, Per, State, Target};

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
    use super::aggregate::aggregate;
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
