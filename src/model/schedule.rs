//! Recurring windows, computed from the rule every time (never written into a file).
//!
//! Monthly, quarterly, half-yearly and yearly windows are anchored at the period's start: a
//! period starting 2016-10-01 has October-to-September years. The last window ends with the
//! period; when it is shorter than a full window, its count is scaled down in proportion and
//! rounded up.
//!
//! Weekly windows are ISO weeks, Monday to Sunday, as a Swedish calendar shows them ("vecka
//! 22"). A period rarely starts on a Monday: a partial first or last week of at least four days
//! is a window of its own with the full count (ISO 8601's own rule for the first week of a
//! year); a shorter one is joined to the neighbouring week, so a period starting on a Sunday
//! does not demand a meeting that Sunday and no recorded day is lost.

use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};
use serde::Serialize;

use crate::model::{Per, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    /// The count due in this window.
    pub required: u32,
    /// The ISO week (year, number) of a weekly window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso_week: Option<(i32, u32)>,
}

impl Window {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// Days a partial week needs to be a window of its own.
pub const MIN_WEEK_DAYS: i64 = 4;

/// The start of window `k` (0-based) for a rule, from the anchor. Computed from the anchor
/// each time so month ends do not drift (Jan 31, Feb 29, Mar 31, ...).
fn nth_start(anchor: NaiveDate, per: Per, k: u32) -> Option<NaiveDate> {
    let months = |n: u32| anchor.checked_add_months(Months::new(n.checked_mul(k)?));
    match per {
        Per::Week => anchor.checked_add_signed(TimeDelta::days(7 * i64::from(k))),
        Per::Month => months(1),
        Per::Quarter => months(3),
        Per::HalfYear => months(6),
        Per::Year => months(12),
        Per::Period => None,
    }
}

/// ceil(count × short / full), at least 1.
fn scaled(count: u32, short: i64, full: i64) -> u32 {
    let s = (i64::from(count) * short + full - 1) / full;
    u32::try_from(s).unwrap_or(count).max(1)
}

/// Every window of a `count per` target over the period.
pub fn windows(period: &Period, count: u32, per: Per) -> Vec<Window> {
    match per {
        Per::Period => vec![Window {
            start: period.start,
            end: period.end,
            required: count,
            iso_week: None,
        }],
        Per::Week => iso_weeks(period.start, period.end, count),
        _ => anchored(period, count, per),
    }
}

fn anchored(period: &Period, count: u32, per: Per) -> Vec<Window> {
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(start) = nth_start(period.start, per, k) {
        if start > period.end {
            break;
        }
        let Some(next) = nth_start(period.start, per, k + 1) else {
            break;
        };
        let full_end = next.pred_opt().unwrap_or(next);
        let end = full_end.min(period.end);
        let required = if end < full_end {
            scaled(
                count,
                (end - start).num_days() + 1,
                (full_end - start).num_days() + 1,
            )
        } else {
            count
        };
        out.push(Window {
            start,
            end,
            required,
            iso_week: None,
        });
        k += 1;
    }
    out
}

/// The Monday of the ISO week holding `d`.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - TimeDelta::days(i64::from(d.weekday().num_days_from_monday()))
}

/// ISO weeks from `start` to `end`, partial weeks shorter than [`MIN_WEEK_DAYS`] joined to
/// their neighbour.
pub fn iso_weeks(start: NaiveDate, end: NaiveDate, count: u32) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    let mut monday = monday_of(start);
    while monday <= end {
        let sunday = monday + TimeDelta::days(6);
        let iso = monday.iso_week();
        out.push(Window {
            start: monday.max(start),
            end: sunday.min(end),
            required: count,
            iso_week: Some((iso.year(), iso.week())),
        });
        let Some(next) = monday.checked_add_signed(TimeDelta::days(7)) else {
            break;
        };
        monday = next;
    }
    if out.len() > 1 && out[0].days() < MIN_WEEK_DAYS {
        let first = out.remove(0);
        out[0].start = first.start;
    }
    let n = out.len();
    if n > 1 && out[n - 1].days() < MIN_WEEK_DAYS {
        let last = out.pop().expect("n > 1");
        out[n - 2].end = last.end;
    }
    if let [only] = out.as_mut_slice()
        && only.days() < 7
    {
        only.required = scaled(count, only.days(), 7);
    }
    out
}

/// The windows of a fixed weekly slot: each ISO week (clipped to the period) whose `weekday`
/// falls inside the period and, with `except_holidays`, is not a holiday. Each needs one.
pub fn weekly_slots(period: &Period, weekday: Weekday, except_holidays: bool) -> Vec<Window> {
    let mut out = Vec::new();
    let mut monday = monday_of(period.start);
    while monday <= period.end {
        let day = monday + TimeDelta::days(i64::from(weekday.num_days_from_monday()));
        let held = period.contains(day)
            && !(except_holidays && crate::model::holidays::holiday(day).is_some());
        if held {
            let iso = monday.iso_week();
            out.push(Window {
                start: monday.max(period.start),
                end: (monday + TimeDelta::days(6)).min(period.end),
                required: 1,
                iso_week: Some((iso.year(), iso.week())),
            });
        }
        let Some(next) = monday.checked_add_signed(TimeDelta::days(7)) else {
            break;
        };
        monday = next;
    }
    out
}

/// The windows of a per-occurrence target: each occurrence (a date with how many occurred that
/// day) is judged on its own day and the `grace` days after it, but never past the day before
/// the next occurrence or the period's end; each needs `count` per occurrence. Work between
/// one window's end and the next occurrence counts for none. Occurrences outside the period
/// are left out.
pub fn per_occurrence(
    period: &Period,
    count: u32,
    occurrences: &[(NaiveDate, u32)],
    grace: u32,
) -> Vec<Window> {
    let mut occ: Vec<(NaiveDate, u32)> = occurrences
        .iter()
        .copied()
        .filter(|(d, _)| period.contains(*d))
        .collect();
    occ.sort();
    occ.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 = a.1.saturating_add(b.1);
            true
        } else {
            false
        }
    });
    (0..occ.len())
        .map(|k| {
            let (start, n) = occ[k];
            let next = occ
                .get(k + 1)
                .and_then(|(d, _)| d.pred_opt())
                .unwrap_or(period.end);
            let graced = start
                .checked_add_signed(TimeDelta::days(i64::from(grace)))
                .unwrap_or(NaiveDate::MAX);
            let end = graced.min(next).min(period.end);
            Window {
                start,
                end,
                required: count.saturating_mul(n),
                iso_week: None,
            }
        })
        .collect()
}

/// Why work on a date counts toward no window of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoWindow {
    /// The activity's time frame begins later.
    BeforeFrame(NaiveDate),
    /// The activity's time frame ended earlier, inside the löfte's period.
    AfterFrame(NaiveDate),
    /// A weekly slot whose day that week is a holiday: the week has no slot.
    NoSlotThatWeek,
    /// An answer of an on-request activity, with no request waiting for it on that date.
    NoRequestWaiting,
    /// A target per occurrence: no occasion recorded by then is open on the date (its day
    /// plus its grace, before the next). `fixed`: the occasions are listed dates, so no
    /// later record can open one; else the occasion may not be recorded yet.
    NoOccasion { fixed: bool },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn period(a: &str, b: &str) -> Period {
        Period {
            start: d(a),
            end: d(b),
            until_replaced: false,
            start_stated: true,
        }
    }

    #[test]
    fn years_are_anchored_at_the_start() {
        let w = windows(&period("2016-10-01", "2018-09-30"), 2, Per::Year);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].start, w[0].end), (d("2016-10-01"), d("2017-09-30")));
        assert_eq!((w[1].start, w[1].end), (d("2017-10-01"), d("2018-09-30")));
        assert!(w.iter().all(|w| w.required == 2));
    }

    #[test]
    fn short_last_window_is_scaled_and_rounded_up() {
        // Weekly meetings over 10 days (Monday to the next Wednesday): the last 3 days are
        // too short a week of their own and join week 1 (ISO weeks, see below).
        let w = windows(&period("2017-01-02", "2017-01-11"), 1, Per::Week);
        assert_eq!(w.len(), 1);
        assert_eq!(
            (w[0].start, w[0].end, w[0].required),
            (d("2017-01-02"), d("2017-01-11"), 1)
        );
        // Twice a year over 18 months: the last half year (181 of 365 days) needs ceil(0.99) = 1.
        let w = windows(&period("2016-01-01", "2017-06-30"), 2, Per::Year);
        assert_eq!((w[1].end, w[1].required), (d("2017-06-30"), 1));
        // Three a year: ceil(3 * 181/365) = ceil(1.49) = 2.
        let w = windows(&period("2016-01-01", "2017-06-30"), 3, Per::Year);
        assert_eq!(w[1].required, 2);
        // Four a year over a year and a month: the last month needs ceil(4 * 31/365) = 1.
        let w = windows(&period("2016-01-01", "2017-01-31"), 4, Per::Year);
        assert_eq!((w[1].end, w[1].required), (d("2017-01-31"), 1));
    }

    #[test]
    fn month_ends_do_not_drift() {
        let w = windows(&period("2016-01-31", "2016-06-29"), 1, Per::Month);
        let starts: Vec<_> = w.iter().map(|w| w.start.to_string()).collect();
        assert_eq!(
            starts,
            [
                "2016-01-31",
                "2016-02-29",
                "2016-03-31",
                "2016-04-30",
                "2016-05-31"
            ]
        );
        assert_eq!(w[0].end, d("2016-02-28"));
        assert_eq!(w[1].end, d("2016-03-30"));
    }

    #[test]
    fn leap_year_is_one_window() {
        let w = windows(&period("2016-01-01", "2016-12-31"), 2, Per::Year);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].days(), 366);
    }

    #[test]
    fn weekly_windows_are_iso_weeks_covering_two_years() {
        // 2017-01-01 is a Sunday (ISO week 52 of 2016), 2018-12-31 a Monday (week 1 of 2019):
        // both one-day partial weeks join their neighbours, leaving 52 + 52 weeks.
        let w = windows(&period("2017-01-01", "2018-12-31"), 1, Per::Week);
        assert_eq!(w.len(), 104);
        assert_eq!((w[0].start, w[0].end), (d("2017-01-01"), d("2017-01-08")));
        assert_eq!(w[0].iso_week, Some((2017, 1)));
        assert_eq!(w.last().unwrap().end, d("2018-12-31"));
        assert_eq!(w.last().unwrap().iso_week, Some((2018, 52)));
        assert!(
            w.windows(2)
                .all(|p| p[0].end.succ_opt() == Some(p[1].start))
        );
        assert!(w[1..].iter().all(|w| w.start.weekday() == Weekday::Mon));
        assert!(w.iter().all(|w| w.required == 1));
    }

    #[test]
    fn partial_weeks_of_four_days_stand_alone() {
        // Thursday to Sunday is four days: a week of its own (week 1 of 2015 is ISO's too).
        let w = windows(&period("2015-01-01", "2015-01-31"), 1, Per::Week);
        assert_eq!((w[0].start, w[0].end), (d("2015-01-01"), d("2015-01-04")));
        assert_eq!(w[0].iso_week, Some((2015, 1)));
        // Friday to Sunday is three: joined to the next week.
        let w = windows(&period("2016-01-01", "2016-01-31"), 1, Per::Week);
        assert_eq!((w[0].start, w[0].end), (d("2016-01-01"), d("2016-01-10")));
        assert_eq!(w[0].iso_week, Some((2016, 1)));
        // The last days, Monday to Sunday the 31st, are a full week 4.
        assert_eq!(w.last().unwrap().iso_week, Some((2016, 4)));
    }

    #[test]
    fn iso_week_53() {
        // 2020 has 53 ISO weeks: 2020-12-28 to 2021-01-03 is week 53 of 2020.
        let w = windows(&period("2020-12-01", "2021-01-31"), 1, Per::Week);
        let w53 = w.iter().find(|w| w.start == d("2020-12-28")).unwrap();
        assert_eq!(w53.iso_week, Some((2020, 53)));
        assert_eq!(w53.end, d("2021-01-03"));
    }

    #[test]
    fn a_period_shorter_than_a_week_is_one_scaled_window() {
        let w = windows(&period("2017-05-29", "2017-05-31"), 2, Per::Week);
        assert_eq!(w.len(), 1);
        // ceil(2 × 3/7) = 1
        assert_eq!(w[0].required, 1);
    }

    #[test]
    fn quarter_and_half_year() {
        let w = windows(&period("2016-07-01", "2017-06-30"), 1, Per::Quarter);
        assert_eq!(w.len(), 4);
        assert_eq!(w[3].start, d("2017-04-01"));
        let w = windows(&period("2016-07-01", "2017-06-30"), 1, Per::HalfYear);
        assert_eq!((w[1].start, w[1].end), (d("2017-01-01"), d("2017-06-30")));
    }

    #[test]
    fn whole_period_is_one_window() {
        let w = windows(&period("2016-01-01", "2017-12-31"), 25, Per::Period);
        assert_eq!(
            w,
            [Window {
                start: d("2016-01-01"),
                end: d("2017-12-31"),
                required: 25,
                iso_week: None,
            }]
        );
    }

    #[test]
    fn weekly_slot_skips_holidays() {
        // Tuesdays in April-May 2017: none is a holiday; Thursdays: Kristi himmelsfärd
        // (2017-05-25) is, so that week needs nothing.
        let p = period("2017-04-01", "2017-05-31");
        let tue = weekly_slots(&p, Weekday::Tue, true);
        assert_eq!(tue.len(), 9);
        // Thursdays 6 April to 25 May are eight, less Kristi himmelsfärd.
        let thu = weekly_slots(&p, Weekday::Thu, true);
        assert_eq!(thu.len(), 7);
        assert!(!thu.iter().any(|w| w.contains(d("2017-05-25"))));
        // Without the exception the holiday week counts.
        assert_eq!(weekly_slots(&p, Weekday::Thu, false).len(), 8);
        // A first week whose Tuesday lies before the start is not a window.
        let p = period("2017-04-05", "2017-04-30");
        assert_eq!(
            weekly_slots(&p, Weekday::Tue, true)[0].start,
            d("2017-04-10")
        );
    }

    #[test]
    fn per_occurrence_windows_end_with_the_grace_or_before_the_next() {
        let p = period("2017-01-01", "2017-12-31");
        let occ = [
            (d("2017-05-10"), 1),
            (d("2017-02-01"), 1),
            (d("2018-01-10"), 1),
            (d("2017-05-10"), 1),
            (d("2017-12-30"), 1),
        ];
        let spans = |grace| {
            per_occurrence(&p, 1, &occ, grace)
                .iter()
                .map(|w| (w.start, w.end, w.required))
                .collect::<Vec<_>>()
        };
        // No grace: each occasion on its own day; two on one day need two; outside the
        // period left out.
        assert_eq!(
            spans(0),
            [
                (d("2017-02-01"), d("2017-02-01"), 1),
                (d("2017-05-10"), d("2017-05-10"), 2),
                (d("2017-12-30"), d("2017-12-30"), 1),
            ]
        );
        // A week's grace: the day and seven after it, never past the period's end.
        assert_eq!(
            spans(7),
            [
                (d("2017-02-01"), d("2017-02-08"), 1),
                (d("2017-05-10"), d("2017-05-17"), 2),
                (d("2017-12-30"), d("2017-12-31"), 1),
            ]
        );
        // A grace longer than the gap ends the day before the next occurrence.
        assert_eq!(
            spans(200),
            [
                (d("2017-02-01"), d("2017-05-09"), 1),
                (d("2017-05-10"), d("2017-11-26"), 2),
                (d("2017-12-30"), d("2017-12-31"), 1),
            ]
        );
    }
}
