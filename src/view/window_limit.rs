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
