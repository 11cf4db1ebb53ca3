//! The follow-up's status on a date.

use chrono::{Months, NaiveDate, TimeDelta};

use super::{DUE_DAYS, FollowupState, FollowupStatus, ONGOING_DAYS};
use crate::model::followup::quarter_bounds;
use crate::model::schedule::windows;
use crate::model::{FollowupWhen, Per, Period, Pledge};

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
    let period = p.period_on(as_of);
    let recorded_between =
        |from: NaiveDate, to: NaiveDate| recorded.iter().any(|d| from <= *d && *d <= to);
    let mut st = FollowupStatus {
        status: FollowupState::Unscheduled,
        due: None,
        due_from: None,
        last_done: recorded.iter().copied().max(),
        not_counted: Vec::new(),
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
            split_early(&recorded, from, &mut st);
        }
        FollowupWhen::Quarter { year, quarter } => {
            let (from, due) = quarter_bounds(year, quarter);
            st.due = Some(due);
            st.due_from = Some(from);
            st.status = single(from, due);
            split_early(&recorded, from, &mut st);
        }
        FollowupWhen::Yearly => {
            yearly(&period, as_of, &recorded_between, &mut st);
            // Records before the first year's due day count for no year.
            let first = windows(&period, 1, Per::Year)
                .first()
                .map(|w| w.end - TimeDelta::days(DUE_DAYS));
            if let Some(first) = first {
                split_early(&recorded, first, &mut st);
            }
        }
        FollowupWhen::Continuous => {
            // Reported continuously: done when recorded within the last 90 days.
            let to = as_of.min(period.end);
            let from = to - TimeDelta::days(ONGOING_DAYS - 1);
            st.status = if as_of < period.start {
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

/// The last record that counts (on or after `from`) is the one shown as done; those before it
/// are listed as not counting.
fn split_early(recorded: &[NaiveDate], from: NaiveDate, st: &mut FollowupStatus) {
    st.last_done = recorded.iter().copied().filter(|d| *d >= from).max();
    st.not_counted = recorded.iter().copied().filter(|d| *d < from).collect();
    st.not_counted.sort();
}

/// A yearly follow-up: due at the end of each year of the period; each year's follow-up counts
/// when recorded from 30 days before that end until the next one is due.
fn yearly(
    period: &Period,
    as_of: NaiveDate,
    recorded_between: &dyn Fn(NaiveDate, NaiveDate) -> bool,
    st: &mut FollowupStatus,
) {
    let ws = windows(period, 1, Per::Year);
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
    let (due, status) = match (prev, next) {
        (Some(d), _) if !prev_ok => (d, FollowupState::Overdue),
        (_, Some(d)) => (
            d,
            if recorded_between(from_of(d), as_of) {
                FollowupState::Done
            } else if as_of >= from_of(d) {
                FollowupState::Due
            } else {
                FollowupState::Scheduled
            },
        ),
        (Some(d), None) => (d, FollowupState::Done),
        (None, None) => return,
    };
    st.due = Some(due);
    st.due_from = Some(from_of(due));
    st.status = status;
}
