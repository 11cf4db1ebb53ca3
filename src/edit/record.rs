//! The text edits behind `done` and `undo`, as pure functions of the file's text.
//!
//! `done` appends one `[[log]]` entry at the end of the file and touches no other byte. The
//! entry is preceded by one line ending: it ends the file's last line when that has none, and
//! otherwise leaves a blank line before the entry. `undo` removes exactly that: the last entry,
//! when it is byte for byte what `done` writes, and the one line ending before it, so `done`
//! then `undo` gives back the original bytes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{LogEntry, Pledge};
use crate::text::{line_ending, toml_string};

/// A log entry to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub date: NaiveDate,
    pub activity: String,
    /// The part of an activity with parts.
    pub part: Option<String>,
    /// The unit of an activity with units.
    pub unit: Option<String>,
    /// The kommun's name, on a löfte for several.
    pub kommun: Option<String>,
    /// A request received, for an on-request activity.
    pub request: bool,
    /// Work on another weekday that replaced a weekly slot.
    pub instead_of_slot: bool,
    /// `activity` is an event's id: the event happened (written `event = ID`).
    pub event: bool,
    pub count: u32,
    pub by: Option<String>,
    pub note: Option<String>,
}

/// The text of one entry, from its `[[log]]` header to its last line ending.
pub fn render_entry(e: &NewEntry, nl: &str) -> String {
    let mut s = format!(
        "[[log]]{nl}date = {}{nl}{} = {}{nl}",
        e.date,
        if e.event { "event" } else { "activity" },
        toml_string(&e.activity)
    );
    for (key, value) in [("part", &e.part), ("unit", &e.unit), ("kommun", &e.kommun)] {
        if let Some(v) = value {
            let _ = write!(s, "{key} = {}{nl}", toml_string(v));
        }
    }
    if e.request {
        let _ = write!(s, "request = true{nl}");
    }
    if e.instead_of_slot {
        let _ = write!(s, "instead_of_slot = true{nl}");
    }
    if e.count != 1 {
        let _ = write!(s, "count = {}{nl}", e.count);
    }
    if let Some(by) = &e.by {
        let _ = write!(s, "by = {}{nl}", toml_string(by));
    }
    if let Some(note) = &e.note {
        let _ = write!(s, "note = {}{nl}", toml_string(note));
    }
    s
}

impl NewEntry {
    /// An entry of `count` for `activity` on `date`, with nothing else said.
    pub fn new(date: NaiveDate, activity: &str, count: u32) -> NewEntry {
        NewEntry {
            date,
            activity: activity.to_string(),
            part: None,
            unit: None,
            kommun: None,
            request: false,
            instead_of_slot: false,
            event: false,
            count,
            by: None,
            note: None,
        }
    }

    /// The entry `done` would have written for a loaded one.
    pub fn of(e: &LogEntry) -> NewEntry {
        NewEntry {
            date: e.date,
            activity: e.activity.clone(),
            part: e.part.clone(),
            unit: e.unit.clone(),
            kommun: e.kommun.map(|k| k.name.to_string()),
            request: e.request,
            instead_of_slot: e.instead_of_slot,
            event: e.event,
            count: e.count,
            by: e.by.clone(),
            note: e.note.clone(),
        }
    }

    /// The entry as the loader would return it, at `span` of the text.
    pub fn to_log_entry(&self, span: std::ops::Range<usize>) -> LogEntry {
        LogEntry {
            date: self.date,
            activity: self.activity.clone(),
            part: self.part.clone(),
            unit: self.unit.clone(),
            kommun: self.kommun.as_deref().and_then(crate::kommuner::find),
            request: self.request,
            instead_of_slot: self.instead_of_slot,
            event: self.event,
            count: self.count,
            by: self.by.clone(),
            note: self.note.clone(),
            span,
        }
    }
}

/// Reads an addition (or any text holding `[[log]]` tables) back as its last entry; None
/// when the text is not valid TOML or its last entry is not a complete one.
pub fn read_back(text: &str) -> Option<NewEntry> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let (_, log) = root.get_ref().iter().find(|(k, _)| k.get_ref() == "log")?;
    let toml::de::DeValue::Array(items) = log.get_ref() else {
        return None;
    };
    let toml::de::DeValue::Table(t) = items.last()?.get_ref() else {
        return None;
    };
    let field = |name: &str| {
        t.iter()
            .find(|(k, _)| k.get_ref() == name)
            .map(|(_, v)| v.get_ref())
    };
    let string = |name: &str| field(name).and_then(|v| v.as_str()).map(str::to_string);
    let date = field("date")?.as_datetime()?.date?;
    let count = match field("count") {
        None => 1,
        Some(v) => v.as_integer()?.as_str().parse::<u32>().ok()?,
    };
    // A count the loader refuses would leave a file no command can read: never "read back".
    if !(1..=crate::model::MAX_COUNT).contains(&count) {
        return None;
    }
    let flag = |name: &str| match field(name) {
        None => Some(false),
        Some(v) => v.as_bool(),
    };
    let request = flag("request")?;
    let instead_of_slot = flag("instead_of_slot")?;
    let (activity, event) = match (string("activity"), string("event")) {
        (Some(a), None) => (a, false),
        (None, Some(e)) => (e, true),
        _ => return None,
    };
    Some(NewEntry {
        date: NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?,
        activity,
        part: string("part"),
        unit: string("unit"),
        kommun: string("kommun"),
        request,
        instead_of_slot,
        event,
        count,
        by: string("by"),
        note: string("note"),
    })
}

/// What `done` adds to the end of the file: one line ending, then the entry.
pub fn addition(text: &str, e: &NewEntry) -> String {
    let nl = line_ending(text);
    format!("{nl}{}", render_entry(e, nl))
}

/// The file's text with the entry appended.
pub fn append(text: &str, e: &NewEntry) -> String {
    let mut out = String::with_capacity(text.len() + 200);
    out.push_str(text);
    out.push_str(&addition(text, e));
    out
}

/// Why an entry cannot be removed automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoError {
    NoEntries,
    /// The entry is not followed by the end of the file or by the next entry, or was edited
    /// or written by hand: removing it could take the person's own text with it.
    NotAsWritten,
}

/// The text without the last log entry, and that entry. `pledge` is the loaded form of `text`
/// (a byte-order mark at its start is kept).
pub fn undo(text: &str, pledge: &Pledge) -> Result<(String, LogEntry), UndoError> {
    let last = pledge
        .log
        .iter()
        .max_by_key(|e| e.span.start)
        .ok_or(UndoError::NoEntries)?;
    Ok((remove(text, pledge, last)?, last.clone()))
}

/// The text without `entry` (one of `pledge.log`), when the entry is byte for byte what
/// `done` writes and is followed by the end of the file or by the next entry; the one line
/// ending before it goes too, so the result is the file as if it had never been recorded.
/// `pledge` is the loaded form of `text`; a byte-order mark at its start is kept.
pub fn remove(text: &str, pledge: &Pledge, entry: &LogEntry) -> Result<String, UndoError> {
    // The loader's spans count from after the byte-order mark.
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let start = entry.span.start;
    let nl = line_ending(text);
    let rendered = render_entry(&NewEntry::of(entry), nl);
    let end = start + rendered.len();
    if text.get(start..end) != Some(rendered.as_str()) {
        return Err(UndoError::NotAsWritten);
    }
    let next_follows =
        || text[end..].starts_with(nl) && pledge.log.iter().any(|e| e.span.start == end + nl.len());
    if end != text.len() && !next_follows() {
        return Err(UndoError::NotAsWritten);
    }
    let before = &text[..start];
    let before = before
        .strip_suffix("\r\n")
        .or_else(|| before.strip_suffix('\n'))
        .unwrap_or(before);
    Ok(format!("{bom}{before}{}", &text[end..]))
}

/// The text without the last appended entry of any kind (`[[log]]`, `[[measurement]]` or
/// `[[verdict]]`: the one furthest down the file), and where that entry started. A
/// measurement or verdict is removed only when it is byte for byte what `measure` or
/// `verdict` writes and ends the file; the one line ending before it goes too.
pub fn undo_last(text: &str, pledge: &Pledge) -> Result<(String, usize), UndoError> {
    use super::entry::{render_measurement, render_verdict};
    let last_log = pledge.log.iter().max_by_key(|e| e.span.start);
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let nl = line_ending(body);
    let other = pledge
        .measurements
        .iter()
        .map(|m| (m.span.start, render_measurement(m, nl)))
        .chain(
            pledge
                .verdicts
                .iter()
                .map(|v| (v.span.start, render_verdict(v, nl))),
        )
        .max_by_key(|(start, _)| *start);
    match (last_log, other) {
        (None, None) => Err(UndoError::NoEntries),
        (Some(e), o) if o.as_ref().is_none_or(|(s, _)| *s < e.span.start) => {
            Ok((remove(text, pledge, e)?, e.span.start))
        }
        (_, Some((start, rendered))) => {
            let end = start + rendered.len();
            if body.get(start..end) != Some(rendered.as_str()) || end != body.len() {
                return Err(UndoError::NotAsWritten);
            }
            let before = &body[..start];
            let before = before
                .strip_suffix("\r\n")
                .or_else(|| before.strip_suffix('\n'))
                .unwrap_or(before);
            Ok((format!("{bom}{before}"), start))
        }
        (Some(_), None) => unreachable!("covered by the arm above"),
    }
}

/// Which entry `undo` removes. Without `date`, `activity` or `index`, the user's own most
/// recent entry; with them, the most recent entry matching all given, the user's own first.
#[derive(Debug, Clone, Copy, Default)]
pub struct UndoPick<'a> {
    /// Whose entries are the user's own (`by`; compared without case and outer spaces).
    pub user: Option<&'a str>,
    pub date: Option<NaiveDate>,
    /// An activity id (as written in entries; `uppfoljning` for the follow-up).
    pub activity: Option<&'a str>,
    /// 1-based, in the order `log` lists the löfte's entries: by date, then file order.
    pub index: Option<usize>,
}

/// Why no entry was picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickError {
    NoEntries,
    /// No entry is the user's own; `others` entries are someone else's.
    NoneOfYours {
        others: usize,
    },
    /// No entry matches the date, activity or index given.
    NoMatch,
}

/// The entry is the user's: its `by` is the user's name, without regard to case and outer
/// spaces.
pub fn is_own(user: Option<&str>, e: &LogEntry) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    matches!((user, &e.by), (Some(u), Some(by)) if norm(u) == norm(by))
}

/// The entry `undo` removes from `log` (a löfte's entries); its `by` says whose it is.
pub fn pick<'l>(log: &'l [LogEntry], p: &UndoPick<'_>) -> Result<&'l LogEntry, PickError> {
    if log.is_empty() {
        return Err(PickError::NoEntries);
    }
    let mut ordered: Vec<&LogEntry> = log.iter().collect();
    ordered.sort_by_key(|e| (e.date, e.span.start));
    let own = |e: &LogEntry| is_own(p.user, e);
    let named = p.date.is_some() || p.activity.is_some() || p.index.is_some();
    let matching: Vec<&LogEntry> = ordered
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            p.index.is_none_or(|n| n == i + 1)
                && p.date.is_none_or(|d| e.date == d)
                && p.activity.is_none_or(|a| e.activity == a)
        })
        .map(|(_, e)| *e)
        .collect();
    let mine = matching.iter().rev().find(|e| own(e)).copied();
    match (mine, named) {
        (Some(e), _) => Ok(e),
        (None, false) => Err(PickError::NoneOfYours {
            others: matching.len(),
        }),
        (None, true) => matching.last().copied().ok_or(PickError::NoMatch),
    }
}

/// [`pick`] among several löften (those of one kommun): the löfte and entry `undo` removes.
/// Of the entries picked in each, the user's own come first, then the most recent. An
/// `index` counts within each löfte, so give it with a date that names the löfte.
pub fn pick_among<'p>(
    pledges: &[&'p Pledge],
    p: &UndoPick<'_>,
) -> Result<(&'p Pledge, &'p LogEntry), PickError> {
    pick_among_each(pledges.iter().map(|pl| (*pl, *p)))
}

/// [`pick_among`] with a pick for each löfte (an activity is named by each löfte's own id).
pub fn pick_among_each<'p, 'a>(
    picks: impl IntoIterator<Item = (&'p Pledge, UndoPick<'a>)>,
) -> Result<(&'p Pledge, &'p LogEntry), PickError> {
    let mut others = 0;
    let mut any_entries = false;
    let mut best: Option<(&Pledge, &LogEntry)> = None;
    let mut best_rank = None;
    for (pl, p) in picks {
        match pick(&pl.log, &p) {
            Ok(e) => {
                let rank = (is_own(p.user, e), e.date);
                if best_rank.is_none_or(|b| rank > b) {
                    best = Some((pl, e));
                    best_rank = Some(rank);
                }
            }
            Err(PickError::NoEntries) => {}
            Err(PickError::NoneOfYours { others: n }) => {
                any_entries = true;
                others += n;
            }
            Err(PickError::NoMatch) => any_entries = true,
        }
    }
    match best {
        Some(b) => Ok(b),
        None if others > 0 => Err(PickError::NoneOfYours { others }),
        None if any_entries => Err(PickError::NoMatch),
        None => Err(PickError::NoEntries),
    }
}

/// The `n`th entry (1-based) of the löften's entries as `pledge log` lists them: by date, then
/// file, then place in the file.
pub fn nth_in_log<'p>(pledges: &[&'p Pledge], n: usize) -> Option<(&'p Pledge, &'p LogEntry)> {
    let mut all: Vec<(&Pledge, &LogEntry)> = pledges
        .iter()
        .flat_map(|p| p.log.iter().map(move |e| (*p, e)))
        .collect();
    all.sort_by(|(p, e), (q, f)| {
        (e.date, &p.file, e.span.start).cmp(&(f.date, &q.file, f.span.start))
    });
    all.get(n.checked_sub(1)?).copied()
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
