//! Which löfte a command works on: the rules that pick, from the loaded löften, the one an
//! entry is recorded in, the follow-up's löfte, what `status` and `report` show, and which
//! files to read first. Pure: loaded löften, arguments and a date in; values or typed errors
//! out. The commands turn the errors into messages.

use std::path::Path;

use chrono::{NaiveDate, TimeDelta};

use crate::kommuner::Kommun;
use crate::model::{FollowupWhen, Pledge};
use crate::rules::resolve;
use crate::rules::status::{FollowupState, followup_status};

/// Why no single löfte holds a date.
#[derive(Debug, Clone)]
pub enum OnDateError<'p> {
    /// None holds it; `all` are the kommun's löften (possibly none).
    NoneHolds { all: Vec<&'p Pledge> },
    /// Several hold it and nothing tells them apart.
    Several(Vec<&'p Pledge>),
}

/// What an activity argument names in a löfte: the activity (or the follow-up), or why none.
pub type Resolved<'p> = Result<resolve::ActivityOrFollowup<'p>, resolve::MatchError<'p>>;

/// The one löfte of `k` whose period holds `date` and whose area matches; when several do,
/// the ones with an activity matching `activity`, then the one for exactly `area` (without
/// `area`, the one for the whole kommun). With `activity`, also what it names in that löfte
/// (resolved once, here).
pub fn pledge_on<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    activity: Option<&str>,
) -> Result<(&'p Pledge, Option<Resolved<'p>>), OnDateError<'p>> {
    let all: Vec<&Pledge> = of_kommun(pledges, k).collect();
    let mut holding: Vec<(&Pledge, Option<Resolved<'p>>)> = all
        .iter()
        .copied()
        .filter(|p| {
            p.period.may_hold(date)
                && (p.period.start_stated || earliest_work(p, &all).0 <= date)
                && p.in_area(area)
        })
        .map(|p| (p, activity.map(|q| resolve::activity(p, q))))
        .collect();
    if holding.len() > 1 && holding.iter().any(|(_, r)| matches!(r, Some(Ok(_)))) {
        holding.retain(|(_, r)| matches!(r, Some(Ok(_))));
    }
    let holding_only = prefer_area(holding.iter().map(|(p, _)| *p).collect(), area);
    match holding_only.as_slice() {
        [one] => {
            let resolved = holding
                .into_iter()
                .find(|(p, _)| std::ptr::eq(*p, *one))
                .and_then(|(_, r)| r);
            Ok((one, resolved))
        }
        [] => Err(OnDateError::NoneHolds { all }),
        _ => Err(OnDateError::Several(holding_only)),
    }
}

/// The first day work can be recorded in a löfte whose start is not stated: the day after the
/// previous löfte of the same kommun and area ends, and never more than the longest period
/// ([`crate::model::MAX_PERIOD_YEARS`]) before its end; with that previous löfte when it is
/// what sets the day. (A stated start is simply the start.)
pub fn earliest_work<'p>(p: &Pledge, all: &[&'p Pledge]) -> (NaiveDate, Option<&'p Pledge>) {
    if p.period.start_stated {
        return (p.period.start, None);
    }
    let floor = p.period.earliest();
    let previous = all
        .iter()
        .copied()
        .filter(|q| {
            !std::ptr::eq(*q, p)
                && q.kommuner.iter().any(|k| p.kommuner.contains(k))
                && q.is_area(p.area.as_deref())
                && q.period.end < p.period.end
        })
        .max_by_key(|q| q.period.end);
    match previous {
        Some(q) if q.period.end >= floor => {
            (q.period.end.succ_opt().unwrap_or(q.period.end), Some(q))
        }
        _ => (floor, None),
    }
}

/// Of several löften, the one for exactly `area` when there is one (without `area`, the one
/// for the whole kommun): "Centrum" over "Centrum öst" for `--area centrum`. Otherwise all.
pub fn prefer_area<'p>(found: Vec<&'p Pledge>, area: Option<&str>) -> Vec<&'p Pledge> {
    if found.len() > 1 {
        let best: Vec<&Pledge> = found.iter().copied().filter(|p| p.is_area(area)).collect();
        if let [one] = best.as_slice() {
            return vec![*one];
        }
    }
    found
}

/// The areas of `k`'s löften that `area` only begins, when it begins more than one and names
/// none whole ("cen" for "Centrum" and "Centrum öst"): a choice among löften of different
/// areas that must not be made for the user. None when `area` is None or names one area.
pub fn areas_begun<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    k: &Kommun,
    area: Option<&str>,
) -> Option<Vec<&'p str>> {
    let q = area?;
    let mut found: Vec<&str> = of_kommun(pledges, k)
        .filter(|p| p.in_area(Some(q)))
        .filter_map(|p| p.area.as_deref())
        .collect();
    found.sort_by_cached_key(|a| crate::kommuner::fold(a));
    found.dedup_by(|a, b| crate::kommuner::fold(a) == crate::kommuner::fold(b));
    let whole = found
        .iter()
        .any(|a| crate::kommuner::fold(a) == crate::kommuner::fold(q));
    (found.len() > 1 && !whole).then_some(found)
}

/// The löfte a follow-up recorded on `date` belongs to: one in force then whose follow-up is
/// yearly or continuous; else the most recently ended one whose dated follow-up is not yet
/// recorded and is due (from 90 days before its window); else the one in force; else the most
/// recently ended; among equals, the one for exactly `area` (without it, the whole kommun).
/// None when no löfte of `k` (in `area`) had started by `date`.
pub fn followup_pledge<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
) -> Option<&'p Pledge> {
    let score = |p: &Pledge| {
        let when = p.followup.as_ref().and_then(|f| f.when);
        let holding = p.period.contains(date);
        let st = followup_status(p, date);
        if holding && matches!(when, Some(FollowupWhen::Yearly | FollowupWhen::Continuous)) {
            3
        } else if p.period.end < date
            && st.status != FollowupState::Done
            && st
                .due_from
                .is_some_and(|from| date + TimeDelta::days(90) >= from)
        {
            2
        } else if holding {
            1
        } else {
            0
        }
    };
    of_kommun(pledges, k)
        .filter(|p| p.period.start <= date && p.in_area(area))
        .max_by_key(|p| (score(p), p.is_area(area), p.period.end))
}

/// The löften of a kommun to show on a date: every one in force then (one for the whole
/// kommun and one for its centre, say), else the latest that has started, else the first to
/// come. In order of start, whole kommun first, then file.
pub fn pledges_for<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    k: &Kommun,
    on: NaiveDate,
) -> Vec<&'p Pledge> {
    let mut mine: Vec<&Pledge> = of_kommun(pledges, k).collect();
    mine.sort_by_key(|p| (p.period.start, p.area.is_some(), p.file.clone()));
    let active: Vec<&Pledge> = mine
        .iter()
        .copied()
        .filter(|p| p.period_on(on).contains(on))
        .collect();
    if !active.is_empty() {
        return active;
    }
    mine.iter()
        .rev()
        .find(|p| p.period.start <= on)
        .or_else(|| mine.first())
        .map(|p| vec![*p])
        .unwrap_or_default()
}

/// Why `status` has nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub enum SelectError {
    /// No kommun named and the folder holds no valid löfte.
    NoLoften,
    /// No kommun named and the folder holds löften for several; `first` by kommunkod.
    SeveralKommuner {
        count: usize,
        first: &'static Kommun,
    },
    /// A named kommun has no löfte in the folder.
    NoneFor(&'static Kommun),
}

/// The löften `status` shows, in order: by län, then kommunkod. `kommuner` are the kommuner
/// named (none: the only kommun in the folder); `all` takes every kommun of the folder.
pub fn status_pledges<'p>(
    pledges: &[&'p Pledge],
    kommuner: &[&'static Kommun],
    all: bool,
    on: NaiveDate,
) -> Result<Vec<&'p Pledge>, SelectError> {
    let present = || pledges.iter().flat_map(|p| p.kommuner.iter().copied());
    let mut ks: Vec<&'static Kommun> = if all {
        present().collect()
    } else if kommuner.is_empty() {
        let mut found: Vec<&'static Kommun> = present().collect();
        found.sort_by_key(|k| k.kod);
        found.dedup();
        match found.len() {
            0 => return Err(SelectError::NoLoften),
            1 => found,
            count => {
                return Err(SelectError::SeveralKommuner {
                    count,
                    first: found[0],
                });
            }
        }
    } else {
        kommuner.to_vec()
    };
    ks.sort_by_key(|k| (k.lanskod, k.kod));
    ks.dedup();
    let mut out: Vec<&Pledge> = Vec::new();
    for k in ks {
        let found = pledges_for(pledges.iter().copied(), k, on);
        if found.is_empty() && !all {
            return Err(SelectError::NoneFor(k));
        }
        for p in found {
            if !out.iter().any(|q| std::ptr::eq(*q, p)) {
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// Why `report` cannot pick one löfte.
#[derive(Debug, Clone)]
pub enum ReportChoiceError<'p> {
    /// The kommun has no löfte in the folder.
    NoneFor,
    /// Several are in force and `area` does not pick one of them (`found` in the order of
    /// [`pledges_for`]).
    Several(Vec<&'p Pledge>),
}

/// The löfte `report` shows for a kommun on a date: among [`pledges_for`], the one whose area
/// starts with `area`; without `area`, the one for the whole kommun, or the only one there is.
pub fn report_pledge<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    k: &Kommun,
    on: NaiveDate,
    area: Option<&str>,
) -> Result<&'p Pledge, ReportChoiceError<'p>> {
    let found = pledges_for(pledges, k, on);
    let chosen: Vec<&Pledge> = found
        .iter()
        .copied()
        .filter(|p| p.in_area(area) && (area.is_some() || p.area.is_none()))
        .collect();
    let chosen = prefer_area(chosen, area);
    match (chosen.as_slice(), found.as_slice()) {
        ([one], _) => Ok(one),
        ([], [only]) if area.is_none() => Ok(only),
        ([], []) => Err(ReportChoiceError::NoneFor),
        _ => Err(ReportChoiceError::Several(found)),
    }
}

/// The löften `list` shows: those of `kommun` (all without), in force on `active_on` (all
/// without), by kommunkod of the first kommun, then start.
pub fn list_pledges<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    kommun: Option<&Kommun>,
    active_on: Option<NaiveDate>,
) -> Vec<&'p Pledge> {
    let all: Vec<&Pledge> = pledges.into_iter().collect();
    let mut rows: Vec<&Pledge> = all
        .iter()
        .copied()
        .filter(|p| kommun.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| active_on.is_none_or(|d| in_force(p, d, &all)))
        .collect();
    rows.sort_by_key(|p| (p.kommuner[0].kod, p.period.start));
    rows
}

/// Whether a löfte is in force on `d`: inside its period, or after it when it holds "until
/// replaced" and no later löfte for one of its kommuner (and the same area) has started by
/// `d`.
/// A löfte whose start is not stated is judged by its period as a view on `d` sees it (as
/// `status` does).
pub fn in_force(p: &Pledge, d: NaiveDate, all: &[&Pledge]) -> bool {
    let period = p.period_on(d);
    if period.contains(d) {
        return true;
    }
    if !period.until_replaced || d < period.start {
        return false;
    }
    !all.iter().any(|q| {
        q.period.start > p.period.start
            && q.period.start <= d
            && q.area == p.area
            && q.kommuner.iter().any(|k| p.kommuner.contains(k))
    })
}

/// The years a file's name ends with: `x-2016.toml` (2016, 2016), `x-2016-2017.toml`
/// (2016, 2017); None for other names.
pub fn name_years(path: &Path) -> Option<(i32, i32)> {
    let stem = path.file_stem()?.to_str()?;
    let year = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let mut parts = stem.rsplit('-');
    let last = year(parts.next()?)?;
    match parts.next().and_then(year) {
        Some(first) if first <= last => Some((first, last)),
        _ => Some((last, last)),
    }
}

/// Whether a file's name allows it to hold a löfte in force in `year`: its name's years hold
/// the year, or its name has no years.
pub fn name_may_hold(path: &Path, year: i32) -> bool {
    name_years(path).is_none_or(|(a, b)| a <= year && year <= b)
}

fn of_kommun<'p>(
    pledges: impl IntoIterator<Item = &'p Pledge>,
    k: &Kommun,
) -> impl Iterator<Item = &'p Pledge> {
    pledges.into_iter().filter(move |p| p.kommuner.contains(&k))
}

#[cfg(test)]
#[path = "choose_tests.rs"]
mod tests;

#[cfg(test)]
mod area_tests {
    use super::*;

    #[test]
    fn an_area_begun_in_two_areas_names_both_and_a_whole_name_none() {
        let load = |file: &str, area: &str| {
            let text = format!(
                "title = \"t\"\nkommun = \"Filipstad\"\narea = \"{area}\"\n[period]\nstart = 2016-01-01\nend = 2016-12-31\n\
                 [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n[followup]\nwhen = \"yearly\"\n"
            );
            let l = crate::load::load(file, &text, NaiveDate::MAX);
            l.pledge.unwrap_or_else(|| panic!("{:?}", l.diags))
        };
        let ps = [
            load("a.toml", "Centrum"),
            load("b.toml", "Centrum öst"),
            load("c.toml", "centrum"),
        ];
        let k = crate::kommuner::find("Filipstad").unwrap();
        let begun = |q| areas_begun(&ps, k, q);
        assert_eq!(begun(Some("cen")).unwrap(), ["Centrum", "Centrum öst"]);
        assert_eq!(begun(Some("Centrum")), None);
        assert_eq!(begun(Some("centrum o")), None);
        assert_eq!(begun(Some("x")), None);
        assert_eq!(begun(None), None);
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn years_are_read_from_file_names() {
        let cases: &[(&str, Option<(i32, i32)>)] = &[
            ("filipstad-2016.toml", Some((2016, 2016))),
            ("pledges/kristinehamn-2016-2017.toml", Some((2016, 2017))),
            ("upplands-vasby-2019-2021.toml", Some((2019, 2021))),
            // Years the wrong way round: the last one counts.
            ("x-2017-2016.toml", Some((2016, 2016))),
            ("2016.toml", Some((2016, 2016))),
            ("filipstad.toml", None),
            ("filipstad-16.toml", None),
            ("filipstad-20161.toml", None),
            ("filipstad-2016-utkast.toml", None),
            ("filipstad-2016x.toml", None),
            ("filipstad-+016.toml", None),
        ];
        for (name, want) in cases {
            assert_eq!(name_years(Path::new(name)), *want, "{name}");
        }
        assert!(name_may_hold(Path::new("filipstad.toml"), 2016));
        assert!(name_may_hold(Path::new("x-2016-2017.toml"), 2017));
        assert!(!name_may_hold(Path::new("x-2016-2017.toml"), 2018));
    }
}
