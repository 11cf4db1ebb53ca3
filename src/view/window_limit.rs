//! Per-window detail limited per activity (issue 25): `status --format json`, `calendar` and
//! `site` show at most [`WINDOWS_PER_ACTIVITY`] windows of an activity (its own, its parts'
//! and its units' together), those nearest the as-of date, and say how many they left out;
//! `--all-windows` asks for all. The status table and its Markdown list at most as many
//! units of an activity ([`cut_units`]).

use std::ops::Range;

use chrono::NaiveDate;

use crate::rules::status::{ActivityStatus, PledgeStatus, Status, WindowStatus};

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

/// Cuts the units each activity (and part) of `s` lists in a text view to `limit`: every
/// unit whose status is a problem first (missed, partly met, behind), then the others, each
/// in the file's order, and the units kept keep that order; those left out are counted by
/// status in `units_omitted`. `None` (`--all-windows`): every unit.
pub fn cut_units(s: &mut PledgeStatus<'_>, limit: Option<usize>) {
    let Some(limit) = limit else {
        return;
    };
    for a in &mut s.activities {
        cut_units_of(a, limit);
    }
}

fn cut_units_of(a: &mut ActivityStatus<'_>, limit: usize) {
    for p in &mut a.parts {
        cut_units_of(p, limit);
    }
    if a.units.len() <= limit {
        return;
    }
    let problems = a.units.iter().filter(|u| u.status.is_problem()).count();
    let mut room = [limit.min(problems), limit.saturating_sub(problems)];
    let mut omitted: Vec<(Status, usize)> = Vec::new();
    a.units.retain(|u| {
        let left = &mut room[usize::from(!u.status.is_problem())];
        if *left > 0 {
            *left -= 1;
            return true;
        }
        match omitted.iter_mut().find(|(st, _)| *st == u.status) {
            Some((_, n)) => *n += 1,
            None => omitted.push((u.status, 1)),
        }
        false
    });
    omitted.sort_by_key(|(st, _)| *st as u8);
    a.units_omitted = omitted;
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

    /// A löfte for 2016 of one activity over units u0..u5, done once in u0, u2, u4 and u5,
    /// judged after its period: u1 and u3 missed, the others met.
    fn units_status(p: &crate::model::Pledge) -> PledgeStatus<'_> {
        crate::rules::status::pledge_status(p, day("2017-06-30"))
    }

    fn units_pledge() -> crate::model::Pledge {
        let mut text = String::from(
            "title = \"T\"\nkommun = \"Filipstad\"\n[period]\nstart = 2016-01-01\n\
             end = 2016-12-31\n[problem]\ntext = \"P\"\n[[activity]]\nid = \"walk\"\n\
             text = \"W\"\nowners = [\"polisen\"]\ntarget = { count = 1, per = \"period\" }\n\
             units = [\"u0\", \"u1\", \"u2\", \"u3\", \"u4\", \"u5\"]\n",
        );
        for u in ["u0", "u2", "u4", "u5"] {
            text.push_str(&format!(
                "[[log]]\ndate = 2016-05-01\nactivity = \"walk\"\nunit = \"{u}\"\n"
            ));
        }
        let loaded = crate::load::load("t.toml", &text, day("2030-01-01"));
        assert!(!loaded.has_errors(), "{:?}", loaded.diags);
        loaded.pledge.unwrap()
    }

    #[test]
    fn a_long_unit_list_keeps_its_problems_first_in_file_order_and_counts_the_rest() {
        let p = units_pledge();
        let kept = |s: &PledgeStatus<'_>| -> Vec<String> {
            s.activities[0]
                .units
                .iter()
                .map(|u| u.unit.clone())
                .collect()
        };
        let mut s = units_status(&p);
        cut_units(&mut s, Some(3));
        // Both problems, then the first other unit, listed in the file's order.
        assert_eq!(kept(&s), ["u0", "u1", "u3"]);
        assert_eq!(s.activities[0].units_omitted, [(Status::Met, 3)]);
        // The activity's own judgement still counts every unit.
        assert_eq!(
            s.activities[0].status,
            units_status(&p).activities[0].status
        );
        // More problems than room: only problems are listed, the rest counted by status.
        let mut s = units_status(&p);
        cut_units(&mut s, Some(1));
        assert_eq!(kept(&s), ["u1"]);
        assert_eq!(
            s.activities[0].units_omitted,
            [(Status::Met, 4), (Status::Missed, 1)]
        );
        // Within the limit, or with no limit, nothing changes.
        for limit in [Some(6), None] {
            let mut s = units_status(&p);
            cut_units(&mut s, limit);
            assert_eq!(kept(&s).len(), 6);
            assert!(s.activities[0].units_omitted.is_empty());
        }
    }

    #[test]
    fn the_table_counts_the_units_it_leaves_out_in_each_language() {
        use crate::view::i18n::Lang;
        let p = units_pledge();
        let mut s = units_status(&p);
        cut_units(&mut s, Some(1));
        let rows = crate::view::phrases::status_rows(&s, Lang::En, 0);
        // The activity, the one unit kept, and the count of the rest.
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[2].0[3],
            "5 more units not listed (met: 4, missed: 1); --all-windows lists every unit"
        );
        let sv = crate::view::phrases::status_rows(&s, Lang::Sv, 0);
        assert!(
            sv[2].0[3].starts_with("5 enheter till visas inte (genomförd: 4, "),
            "{:?}",
            sv[2]
        );
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
