//! Recurring windows, computed from the rule every time (never written into a file).
//!
//! Windows are anchored at the period's start: a period starting 2016-10-01 has
//! October-to-September years. The last window ends with the period; when it is shorter than
//! a full window, its count is scaled down in proportion and rounded up.

use chrono::{Months, NaiveDate, TimeDelta};
use serde::Serialize;

use crate::model::{Per, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    /// The count due in this window.
    pub required: u32,
}

impl Window {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

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

/// Every window of a `count per` target over the period.
pub fn windows(period: &Period, count: u32, per: Per) -> Vec<Window> {
    if per == Per::Period {
        return vec![Window {
            start: period.start,
            end: period.end,
            required: count,
        }];
    }
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
            let full = (full_end - start).num_days() + 1;
            let short = (end - start).num_days() + 1;
            // ceil(count * short / full)
            let scaled = (i64::from(count) * short + full - 1) / full;
            u32::try_from(scaled).unwrap_or(count).max(1)
        } else {
            count
        };
        out.push(Window {
            start,
            end,
            required,
        });
        k += 1;
    }
    out
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
        // Weekly meetings over 10 days: one full week, then 3 days of 7: ceil(1 * 3/7) = 1.
        let w = windows(&period("2017-01-02", "2017-01-11"), 1, Per::Week);
        assert_eq!(w.len(), 2);
        assert_eq!(
            (w[1].start, w[1].end, w[1].required),
            (d("2017-01-09"), d("2017-01-11"), 1)
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
    fn weekly_windows_cover_two_years() {
        let w = windows(&period("2017-01-01", "2018-12-31"), 1, Per::Week);
        assert_eq!(w.len(), 105);
        assert_eq!(w.last().unwrap().end, d("2018-12-31"));
        assert!(
            w.windows(2)
                .all(|p| p[0].end.succ_opt() == Some(p[1].start))
        );
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
                required: 25
            }]
        );
    }
}
