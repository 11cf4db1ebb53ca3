//! Per-window detail limited per activity (issue 25): `status --format json`, `calendar` and
//! `site` show at most [`WINDOWS_PER_ACTIVITY`] windows of an activity (its own, its parts'
//! and its units' together), those nearest the as-of date, and say how many they left out;
//! `--all-windows` asks for all.

use std::ops::Range;

use chrono::NaiveDate;

use crate::rules::status::{ActivityStatus, PledgeStatus, WindowStatus};

/// The windows an activity shows at most. A weekly target over the longest period a löfte
/// may have (10 years) has at most 523 ISO weeks, so no single target a person writes is
/// ever cut: only parts or units that multiply a weekly slot reach it.
pub const WINDOWS_PER_ACTIVITY: usize = 600;

/// The limit a view applies: `None` (`--all-windows`) shows every window.
pub fn limit(all_windows: bool) -> Option<usize> {
    (!all_windows).then_some(WINDOWS_PER_ACTIVITY)
}

/// How many windows each list of `a` (its own, each part's, each unit's) shows, the limit
/// shared evenly between the lists that have windows; `None`: all (within the limit, or no
/// limit).
pub fn per_list(a: &ActivityStatus<'_>, limit: Option<usize>) -> Option<usize> {
    let limit = limit?;
    let (mut lists, mut total) = (0, 0);
    count(a, &mut lists, &mut total);
    (total > limit).then(|| limit / lists.max(1))
}

fn count(a: &ActivityStatus<'_>, lists: &mut usize, total: &mut usize) {
    let own = std::iter::once(&a.windows).chain(a.units.iter().map(|u| &u.windows));
    for ws in own.filter(|ws| !ws.is_empty()) {
        *lists += 1;
        *total += ws.len();
    }
    for p in &a.parts {
        count(p, lists, total);
    }
}

/// Which of `ws` to show: the `keep` windows nearest `as_of` (a run around the current or
/// next window, or the last ones after the period); all when `keep` is `None` or not fewer.
pub fn nearest(ws: &[WindowStatus], keep: Option<usize>, as_of: NaiveDate) -> Range<usize> {
    let Some(keep) = keep.filter(|k| *k < ws.len()) else {
        return 0..ws.len();
    };
    let at = ws.partition_point(|w| w.end < as_of);
    let from = at.saturating_sub(keep / 2).min(ws.len() - keep);
    from..from + keep
}

/// Cuts each activity's windows of `s` to those [`nearest`] its as-of date within `limit`,
/// noting in `windows_omitted` how many each list left out; returns how many in all.
pub fn cut(s: &mut PledgeStatus<'_>, limit: Option<usize>) -> usize {
    let as_of = s.as_of;
    let mut omitted = 0;
    for a in &mut s.activities {
        let keep = per_list(a, limit);
        omitted += cut_activity(a, keep, as_of);
    }
    omitted
}

fn cut_activity(a: &mut ActivityStatus<'_>, keep: Option<usize>, as_of: NaiveDate) -> usize {
    a.windows_omitted = cut_list(&mut a.windows, keep, as_of);
    let mut omitted = a.windows_omitted;
    for u in &mut a.units {
        u.windows_omitted = cut_list(&mut u.windows, keep, as_of);
        omitted += u.windows_omitted;
    }
    for p in &mut a.parts {
        omitted += cut_activity(p, keep, as_of);
    }
    omitted
}

fn cut_list(ws: &mut Vec<WindowStatus>, keep: Option<usize>, as_of: NaiveDate) -> usize {
    let kept = nearest(ws, keep, as_of);
    let omitted = ws.len() - kept.len();
    ws.truncate(kept.end);
    ws.drain(..kept.start);
    omitted
}

/// The calendar feed `feed` saying, when windows were left out, how many: a property
/// `X-PLEDGE-WINDOWS-OMITTED` beside the feed's other properties (clients ignore it).
pub fn note_in_feed(mut feed: String, omitted: usize) -> String {
    if omitted > 0 {
        const AFTER: &str = "X-PUBLISHED-TTL:P1D\r\n";
        let at = feed.find(AFTER).map_or(0, |i| i + AFTER.len());
        feed.insert_str(at, &format!("X-PLEDGE-WINDOWS-OMITTED:{omitted}\r\n"));
    }
    feed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::status::Status;

    fn weeks(n: i64) -> Vec<WindowStatus> {
        let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        (0..n)
            .map(|i| WindowStatus {
                start: first + chrono::Days::new(7 * i as u64),
                end: first + chrono::Days::new(7 * i as u64 + 6),
                required: 1,
                done: 0,
                status: Status::Missed,
                iso_week: None,
                on_slot_day: None,
            })
            .collect()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_windows_kept_are_those_around_the_as_of_date() {
        let ws = weeks(52);
        // 15 June 2024 is in week 24 (index 23): five before it, five from it on.
        assert_eq!(nearest(&ws, Some(10), day("2024-06-15")), 18..28);
        assert_eq!(nearest(&ws, Some(10), day("2023-06-15")), 0..10);
        assert_eq!(nearest(&ws, Some(10), day("2026-06-15")), 42..52);
        assert_eq!(nearest(&ws, Some(52), day("2024-06-15")), 0..52);
        assert_eq!(nearest(&ws, None, day("2024-06-15")), 0..52);
        assert_eq!(nearest(&ws, Some(0), day("2024-06-15")), 23..23);
    }

    #[test]
    fn a_cut_list_keeps_its_run_and_counts_the_rest() {
        let mut ws = weeks(52);
        assert_eq!(cut_list(&mut ws, Some(10), day("2024-06-15")), 42);
        let starts = |ws: &[WindowStatus]| ws.iter().map(|w| w.start).collect::<Vec<_>>();
        assert_eq!(starts(&ws), starts(&weeks(52)[18..28]));
        assert_eq!(cut_list(&mut ws, None, day("2024-06-15")), 0);
    }
}
