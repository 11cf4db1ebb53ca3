//! Follow-up status: pure functions of a pledge and an as-of date.
//!
//! The rules (also in the README):
//! - a löfte is upcoming before its period, active inside it, ended after it;
//! - a counted target is judged per window, and the whole record counts: an ended window
//!   short of its count is `missed`; the current window is `met` when its count is reached,
//!   `behind` when fewer than floor(count × elapsed fraction) are done, else `on_track`. The
//!   activity's headline is the current window's status, except that any missed window makes
//!   it `behind` (a miss is never hidden behind a good week). After the period an activity is
//!   `met` when every window was met, `missed` when none was, else `partly_met`;
//! - a once-only activity is `met` when done, `behind` when more than half the period has
//!   passed without it, `missed` when the period ended without it;
//! - an activity without a target is `ongoing` when something was recorded in the last 90
//!   days of the period so far, else `no_reports`.

use chrono::{Months, NaiveDate, TimeDelta};
use serde::Serialize;

use crate::load::quarter_bounds;
use crate::model::{Activity, FollowupWhen, LogEntry, Per, Pledge, State, Target};
use crate::schedule::{Window, windows};

/// How many days back an activity without a target counts as reported.
pub const ONGOING_DAYS: i64 = 90;
/// How many days before a follow-up date it counts as due.
pub const DUE_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    /// After the period: some windows met, some missed.
    PartlyMet,
    OnTrack,
    Behind,
    Missed,
    Ongoing,
    NoReports,
    Upcoming,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::PartlyMet => "partly_met",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::Missed => "missed",
            Status::Ongoing => "ongoing",
            Status::NoReports => "no_reports",
            Status::Upcoming => "upcoming",
        }
    }
    /// Needs attention.
    pub fn is_problem(self) -> bool {
        matches!(self, Status::Behind | Status::Missed | Status::PartlyMet)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct WindowStatus {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub required: u32,
    pub done: u32,
    pub status: Status,
}

/// The record of a counted target so far: how many windows were met, missed, and are still
/// open (the current one when not yet met, and those to come).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    pub windows_met: usize,
    pub windows_missed: usize,
    pub windows_open: usize,
}

impl Record {
    pub fn of(windows: &[WindowStatus]) -> Record {
        let mut r = Record::default();
        for w in windows {
            match w.status {
                Status::Met => r.windows_met += 1,
                Status::Missed => r.windows_missed += 1,
                _ => r.windows_open += 1,
            }
        }
        r
    }
    pub fn total(&self) -> usize {
        self.windows_met + self.windows_missed + self.windows_open
    }
    /// Windows that have been judged (met or missed).
    pub fn judged(&self) -> usize {
        self.windows_met + self.windows_missed
    }
}

#[derive(Debug, Clone)]
pub struct ActivityStatus<'a> {
    pub activity: &'a Activity,
    pub status: Status,
    /// The count due in the current window (or, after the period, over the whole period);
    /// None for activities without a count.
    pub required: Option<u32>,
    /// The count done in that window (or over the period; for no target: in the period).
    pub done: u32,
    /// The window `required` and `done` refer to.
    pub window: Option<(NaiveDate, NaiveDate)>,
    pub last_done: Option<NaiveDate>,
    pub windows: Vec<WindowStatus>,
    /// The record over `windows`; None for activities without windows.
    pub record: Option<Record>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupState {
    /// Its time has not come.
    Scheduled,
    /// Due now (within its quarter, or within 30 days of its date).
    Due,
    Done,
    Overdue,
    /// No time is given for it.
    Unscheduled,
    /// The löfte has no follow-up at all.
    Missing,
}

impl FollowupState {
    pub fn name(self) -> &'static str {
        match self {
            FollowupState::Scheduled => "scheduled",
            FollowupState::Due => "due",
            FollowupState::Done => "done",
            FollowupState::Overdue => "overdue",
            FollowupState::Unscheduled => "unscheduled",
            FollowupState::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowupStatus {
    pub status: FollowupState,
    /// The date it is (or was) due by.
    pub due: Option<NaiveDate>,
    /// The first day it counts as due.
    pub due_from: Option<NaiveDate>,
    pub last_done: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct PledgeStatus<'a> {
    pub pledge: &'a Pledge,
    pub as_of: NaiveDate,
    pub state: State,
    /// Days left of the period, counting as_of (0 once ended).
    pub days_left: i64,
    pub activities: Vec<ActivityStatus<'a>>,
    pub followup: FollowupStatus,
}

impl PledgeStatus<'_> {
    pub fn count(&self, s: Status) -> usize {
        self.activities.iter().filter(|a| a.status == s).count()
    }
}

fn entries<'a>(p: &'a Pledge, id: &'a str) -> impl Iterator<Item = &'a LogEntry> + 'a {
    p.log.iter().filter(move |e| e.activity == id)
}

fn done_in(p: &Pledge, id: &str, from: NaiveDate, to: NaiveDate) -> u32 {
    entries(p, id)
        .filter(|e| from <= e.date && e.date <= to)
        .map(|e| e.count)
        .fold(0u32, u32::saturating_add)
}

/// Status of every activity and the follow-up on `as_of`.
pub fn pledge_status(p: &Pledge, as_of: NaiveDate) -> PledgeStatus<'_> {
    let state = p.state(as_of);
    let days_left = match state {
        State::Upcoming => p.period.days(),
        State::Active => (p.period.end - as_of).num_days() + 1,
        State::Ended => 0,
    };
    PledgeStatus {
        pledge: p,
        as_of,
        state,
        days_left,
        activities: p
            .activities
            .iter()
            .map(|a| activity_status(p, a, as_of))
            .collect(),
        followup: followup_status(p, as_of),
    }
}

pub fn activity_status<'a>(p: &'a Pledge, a: &'a Activity, as_of: NaiveDate) -> ActivityStatus<'a> {
    let period = &p.period;
    let last_done = entries(p, &a.id)
        .filter(|e| e.date <= as_of)
        .map(|e| e.date)
        .max();
    let state = p.state(as_of);
    let mut st = ActivityStatus {
        activity: a,
        status: Status::Upcoming,
        required: None,
        done: 0,
        window: None,
        last_done,
        windows: Vec::new(),
        record: None,
    };
    match a.target {
        Target::Count { count, per } => {
            let ws = windows(period, count, per);
            st.windows = ws
                .iter()
                .map(|w| judge_window(p, &a.id, w, as_of))
                .collect();
            match state {
                State::Upcoming => {
                    if let Some(w) = ws.first() {
                        st.required = Some(w.required);
                        st.window = Some((w.start, w.end));
                    }
                }
                State::Active => {
                    let cur = ws.iter().position(|w| w.contains(as_of)).unwrap_or(0);
                    let (w, ws_) = (&ws[cur], &st.windows[cur]);
                    st.required = Some(w.required);
                    st.done = ws_.done;
                    st.window = Some((w.start, w.end));
                    st.status = ws_.status;
                }
                State::Ended => {
                    st.required = Some(ws.iter().map(|w| w.required).sum());
                    st.done = st.windows.iter().map(|w| w.done).sum();
                    st.window = Some((period.start, period.end));
                }
            }
            let record = Record::of(&st.windows);
            st.status = headline(state, st.status, &record);
            st.record = Some(record);
        }
        Target::Once => {
            let to = as_of.min(period.end);
            st.required = Some(1);
            st.window = Some((period.start, period.end));
            st.done = done_in(p, &a.id, period.start, to);
            st.status = match state {
                State::Upcoming => Status::Upcoming,
                _ if st.done >= 1 => Status::Met,
                State::Ended => Status::Missed,
                State::Active => {
                    let elapsed = (as_of - period.start).num_days() + 1;
                    if 2 * elapsed > period.days() {
                        Status::Behind
                    } else {
                        Status::OnTrack
                    }
                }
            };
        }
        Target::None => {
            let to = as_of.min(period.end);
            st.done = done_in(p, &a.id, period.start, to);
            st.status = match state {
                State::Upcoming => Status::Upcoming,
                _ => {
                    let from = (to - TimeDelta::days(ONGOING_DAYS - 1)).max(period.start);
                    if done_in(p, &a.id, from, to) > 0 {
                        Status::Ongoing
                    } else {
                        Status::NoReports
                    }
                }
            };
        }
    }
    st
}

/// The activity's headline status from the current window's and the record: a missed
/// window is never hidden.
fn headline(state: State, current: Status, r: &Record) -> Status {
    match state {
        State::Upcoming => Status::Upcoming,
        State::Active if r.windows_missed > 0 => Status::Behind,
        State::Active => current,
        State::Ended if r.windows_missed == 0 => Status::Met,
        State::Ended if r.windows_met == 0 => Status::Missed,
        State::Ended => Status::PartlyMet,
    }
}

fn judge_window(p: &Pledge, id: &str, w: &Window, as_of: NaiveDate) -> WindowStatus {
    let done = done_in(p, id, w.start, w.end.min(as_of));
    let status = if as_of < w.start {
        Status::Upcoming
    } else if done >= w.required {
        Status::Met
    } else if as_of > w.end {
        Status::Missed
    } else {
        let elapsed = (as_of - w.start).num_days() + 1;
        // floor(required × elapsed / length)
        let expected = i64::from(w.required) * elapsed / w.days();
        if i64::from(done) < expected {
            Status::Behind
        } else {
            Status::OnTrack
        }
    };
    WindowStatus {
        start: w.start,
        end: w.end,
        required: w.required,
        done,
        status,
    }
}

/// The follow-up's status on `as_of`. A follow-up counts as done when it is recorded in the
/// log (`pledge done KOMMUN followup`) on or after the first day it is due; a record made
/// before that day does not count (`done` refuses it, `validate` warns about it).
pub fn followup_status(p: &Pledge, as_of: NaiveDate) -> FollowupStatus {
    let recorded: Vec<NaiveDate> = p
        .log
        .iter()
        .filter(|e| e.is_followup() && e.date <= as_of)
        .map(|e| e.date)
        .collect();
    let last_done = recorded.iter().copied().max();
    let recorded_between =
        |from: NaiveDate, to: NaiveDate| recorded.iter().any(|d| from <= *d && *d <= to);
    let mut st = FollowupStatus {
        status: FollowupState::Unscheduled,
        due: None,
        due_from: None,
        last_done,
    };
    let Some(f) = &p.followup else {
        st.status = FollowupState::Missing;
        return st;
    };
    let Some(when) = f.when else {
        return st;
    };
    let single = |from: NaiveDate, due: NaiveDate| {
        if recorded_between(from, NaiveDate::MAX) {
            FollowupState::Done
        } else if as_of > due {
            FollowupState::Overdue
        } else if as_of >= from {
            FollowupState::Due
        } else {
            FollowupState::Scheduled
        }
    };
    match when {
        FollowupWhen::Date { date } => {
            let from = date - TimeDelta::days(DUE_DAYS);
            st.due = Some(date);
            st.due_from = Some(from);
            st.status = single(from, date);
        }
        FollowupWhen::Quarter { year, quarter } => {
            let (from, due) = quarter_bounds(year, quarter);
            st.due = Some(due);
            st.due_from = Some(from);
            st.status = single(from, due);
        }
        FollowupWhen::Yearly => {
            // Due at the end of each year of the period; each year's follow-up counts when
            // recorded from 30 days before that end until the next one is due.
            let ws = windows(&p.period, 1, Per::Year);
            let dues: Vec<NaiveDate> = ws.iter().map(|w| w.end).collect();
            let from_of = |due: NaiveDate| due - TimeDelta::days(DUE_DAYS);
            let next = dues.iter().copied().find(|d| *d >= as_of);
            let prev = dues.iter().copied().rfind(|d| *d < as_of);
            let prev_ok = prev.is_none_or(|d| {
                let until = d
                    .checked_add_months(Months::new(12))
                    .unwrap_or(NaiveDate::MAX);
                recorded_between(from_of(d), until)
            });
            match (prev, next) {
                (Some(d), _) if !prev_ok => {
                    st.due = Some(d);
                    st.due_from = Some(from_of(d));
                    st.status = FollowupState::Overdue;
                }
                (_, Some(d)) => {
                    st.due = Some(d);
                    st.due_from = Some(from_of(d));
                    st.status = if recorded_between(from_of(d), as_of) {
                        FollowupState::Done
                    } else if as_of >= from_of(d) {
                        FollowupState::Due
                    } else {
                        FollowupState::Scheduled
                    };
                }
                (Some(d), None) => {
                    st.due = Some(d);
                    st.due_from = Some(from_of(d));
                    st.status = FollowupState::Done;
                }
                (None, None) => {}
            }
        }
        FollowupWhen::Continuous => {
            // Reported continuously: done when recorded within the last 90 days.
            let to = as_of.min(p.period.end);
            let from = to - TimeDelta::days(ONGOING_DAYS - 1);
            st.status = if as_of < p.period.start {
                FollowupState::Scheduled
            } else if recorded_between(from, to) {
                FollowupState::Done
            } else {
                FollowupState::Due
            };
        }
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::model::FOLLOWUP_ID;

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
        let s = pledge_status(p, d(on));
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
        let s = pledge_status(&p, d("2017-10-15"));
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
        let s = pledge_status(&p, d("2017-05-31"));
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
        let a = &pledge_status(&p, d("2017-05-31")).activities[0];
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
        let a = &pledge_status(&p, d("2018-01-01")).activities[0];
        assert_eq!(a.status, Status::PartlyMet);
        assert_eq!(
            a.record,
            Some(Record {
                windows_met: 1,
                windows_missed: 1,
                windows_open: 0
            })
        );
        assert!(Status::PartlyMet.is_problem());
        // On the period's last day the second year is still open: behind, not yet missed.
        let a = &pledge_status(&p, d("2017-12-31")).activities[0];
        assert_eq!(a.status, Status::Behind);
        assert_eq!(a.record.unwrap().windows_open, 1);
    }

    #[test]
    fn every_window_missed_is_missed() {
        let p = pledge(TWICE_A_YEAR, ("2016-01-01", "2017-12-31"), &[]);
        let a = &pledge_status(&p, d("2018-01-01")).activities[0];
        assert_eq!(a.status, Status::Missed);
        assert_eq!(a.record.unwrap().windows_missed, 2);
    }

    #[test]
    fn a_week_starting_on_sunday_demands_nothing_that_sunday() {
        // 2017-01-01 is a Sunday; nothing on that day, a meeting on Wednesday the 4th.
        let p = pledge(WEEKLY, ("2017-01-01", "2017-12-31"), &[("2017-01-04", 1)]);
        let a = &pledge_status(&p, d("2017-01-09")).activities[0];
        assert_eq!(a.windows[0].status, Status::Met);
        assert_eq!(a.record.unwrap().windows_missed, 0);
        assert_eq!(a.status, Status::OnTrack);
    }

    #[test]
    fn a_followup_recorded_before_it_is_due_does_not_count() {
        let mut p = pledge("", ("2016-01-01", "2016-12-31"), &[]);
        p.log.push(LogEntry {
            date: d("2016-02-01"),
            activity: FOLLOWUP_ID.into(),
            count: 1,
            by: None,
            note: None,
            span: 0..0,
        });
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
}
