//! A löfte of several kommuner seen by one of them. An activity that every kommun owns
//! ("kommunerna") is met for a kommun only by the work recorded for that kommun (`kommun =
//! "X"` on the entry): work recorded without a kommun counts for the löfte as a whole, but
//! cannot show that each kommun did its part, so a kommun's view shows it beside the status
//! and does not count it. What is owed (a request, an occurrence of another activity) is the
//! kommun's own and the shared ones; what is done is only the kommun's own.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::kommuner::Kommun;
use crate::model::{Activity, LogEntry, Party, Period, Pledge};

/// The kommun whose share an activity shows, and the work recorded without a kommun that the
/// share does not count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    #[serde(serialize_with = "kommun_name")]
    pub kommun: &'static Kommun,
    /// Work recorded for the activity without a kommun, in its frame up to the view's date.
    pub shared_done: u32,
}

fn kommun_name<S: Serializer>(k: &&'static Kommun, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.name)
}

/// The kommun a view of `p` for the kommuner `named` shows the share of: the one of them the
/// löfte is for, when the löfte is for several kommuner and exactly one of them is named
/// (none: the löfte as a whole).
pub fn share_for(p: &Pledge, named: &[&'static Kommun]) -> Option<&'static Kommun> {
    if p.kommuner.len() < 2 {
        return None;
    }
    let mut mine = named.iter().copied().filter(|k| p.kommuner.contains(k));
    match (mine.next(), mine.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Whether `a` is judged per kommun: the löfte is for several kommuner and every kommun owns
/// the activity.
pub fn judged_per_kommun(p: &Pledge, a: &Activity) -> bool {
    p.kommuner.len() > 1 && a.owners.iter().any(|o| o.who == Party::Kommunerna)
}

/// Whether `a` is judged on `k`'s share: it is judged per kommun, and `k` is one of the
/// löfte's kommuner.
pub(super) fn per_kommun(
    p: &Pledge,
    a: &Activity,
    k: Option<&'static Kommun>,
) -> Option<&'static Kommun> {
    let k = k?;
    (judged_per_kommun(p, a) && p.kommuner.contains(&k)).then_some(k)
}

fn is(e: &LogEntry, k: &Kommun) -> bool {
    e.kommun.is_some_and(|x| x.kod == k.kod)
}

/// Of an activity's entries, those that count for `k`: its own work and requests, and the
/// requests recorded without a kommun (each kommun owes them an answer).
pub(super) fn entries_of<'a>(mine: &[&'a LogEntry], k: &Kommun) -> Vec<&'a LogEntry> {
    mine.iter()
        .copied()
        .filter(|e| is(e, k) || (e.request && e.kommun.is_none()))
        .collect()
}

/// Whether an occurrence of another activity (or an event) is owed by `k`: its own and the
/// shared ones, not another kommun's.
pub(super) fn owed_by(e: &LogEntry, k: Option<&Kommun>) -> bool {
    k.is_none_or(|k| e.kommun.is_none() || is(e, k))
}

/// The work recorded for the activity without a kommun, in `frame` up to `as_of`.
pub(super) fn shared_done(mine: &[&LogEntry], frame: &Period, as_of: NaiveDate) -> u32 {
    mine.iter()
        .filter(|e| !e.request && !e.event && e.kommun.is_none())
        .filter(|e| frame.start <= e.date && e.date <= as_of.min(frame.end))
        .map(|e| e.count)
        .fold(0, u32::saturating_add)
}
