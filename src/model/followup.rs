//! The follow-up's calendar: the days each follow-up occasion falls due. Calendar
//! arithmetic only: whether a follow-up is done, due or overdue is a status rule
//! (`rules::status`); the loader uses these days to warn about a follow-up recorded too early
//! and to refuse a verdict from before the follow-up began.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::schedule::windows;
use super::{Followup, FollowupWhen, Per, Period};

/// How many days before a follow-up date it counts as due.
pub const DUE_DAYS: i64 = 30;

/// The first and last day of a quarter.
pub fn quarter_bounds(year: i32, quarter: u32) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(year, 3 * (quarter - 1) + 1, 1).expect("valid quarter");
    let end = start
        .checked_add_months(chrono::Months::new(3))
        .and_then(|d| d.pred_opt())
        .expect("valid quarter");
    debug_assert_eq!(end.year(), year);
    (start, end)
}

/// The follow-up occasion that a follow-up done on `on` counts for, as (the first day it
/// counts, its due day): a dated follow-up from [`DUE_DAYS`] before its date; a quarter's,
/// the quarter; a yearly one, the first end of a year of the period on or after `on` (the
/// last one when all have passed), from [`DUE_DAYS`] before it. A continuous follow-up has no
/// occasion.
pub fn occasion(
    period: &Period,
    when: FollowupWhen,
    on: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let due = TimeDelta::days(DUE_DAYS);
    match when {
        FollowupWhen::Date { date } => Some((date - due, date)),
        FollowupWhen::Quarter { year, quarter } => Some(quarter_bounds(year, quarter)),
        FollowupWhen::Yearly => {
            let ends: Vec<NaiveDate> = windows(period, 1, Per::Year)
                .iter()
                .map(|w| w.end)
                .collect();
            let end = ends
                .iter()
                .copied()
                .find(|d| *d >= on)
                .or(ends.last().copied())?;
            Some((end - due, end))
        }
        FollowupWhen::Continuous => None,
    }
}

/// The first day the löfte's follow-up counts as due (for `yearly`, the first year's); None
/// for a continuous or unscheduled follow-up. Verdicts before it are refused.
pub fn followup_due_from(period: &Period, followup: Option<&Followup>) -> Option<NaiveDate> {
    occasion(period, followup?.when?, NaiveDate::MIN).map(|(from, _)| from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter_bounds(2016, 1), (d("2016-01-01"), d("2016-03-31")));
        assert_eq!(quarter_bounds(2016, 4), (d("2016-10-01"), d("2016-12-31")));
    }

    #[test]
    fn a_yearly_follow_up_counts_for_the_next_year_end() {
        let period = Period {
            start: d("2016-01-01"),
            end: d("2017-12-31"),
            until_replaced: false,
            start_stated: true,
        };
        let on = |s: &str| occasion(&period, FollowupWhen::Yearly, d(s));
        assert_eq!(on("2016-03-01"), Some((d("2016-12-01"), d("2016-12-31"))));
        assert_eq!(on("2017-01-01"), Some((d("2017-12-01"), d("2017-12-31"))));
        assert_eq!(on("2019-01-01"), Some((d("2017-12-01"), d("2017-12-31"))));
        let first = followup_due_from(
            &period,
            Some(&Followup {
                when: Some(FollowupWhen::Yearly),
                how: None,
                responsible: None,
                presented: None,
            }),
        );
        assert_eq!(first, Some(d("2016-12-01")));
    }
}
