//! Three-way merge of a pledge file for git: the union of the log entries both sides added,
//! when the rest of the file is not changed differently on both sides.
//!
//! A file is split into its head (everything before the first `[[log]]` header) and its log
//! entries (each from its `[[log]]` header to the next). The heads merge as whole texts (one
//! side's change wins when the other kept the base; both sides' changes must be equal). The
//! log merges as a multiset of entries, counting identical entries (two walks by one person on
//! one day, without a note, are byte for byte the same): each side's change to an entry's
//! count is applied, and the same change made on both sides is applied once. The base's
//! entries keep their place (a changed entry takes the place of the one it replaces); the
//! entries added come after them, in date order.
//!
//! Not merged here (a conflict, so that a person looks): both sides changing the same entry
//! differently (a corrected note on each side, or corrected on one side and removed on the
//! other), both sides adding or removing different numbers of copies of one entry, and a side
//! that removed every entry of the base (at least two: one is an `undo`).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::load::load;

/// Why a file cannot be merged here; git's own line merge takes over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// One of the three versions does not load without errors.
    Invalid(&'static str),
    /// Something other than `[[log]]` tables follows the first `[[log]]` header.
    LogNotLast(&'static str),
    /// Both sides changed the head of the file, differently.
    Head,
    /// Both sides changed the entries of this date and activity differently.
    Entry { date: NaiveDate, activity: String },
    /// This side removed every entry of the base.
    LogRemoved(&'static str),
}

/// What makes two different entry texts versions of one entry: date, activity and who.
type Key = (NaiveDate, String, Option<String>);

struct Entry<'t> {
    key: Key,
    /// The text from its header, without trailing blank lines.
    text: &'t str,
}

struct Split<'t> {
    head: &'t str,
    entries: Vec<Entry<'t>>,
}

fn split<'t>(text: &'t str, which: &'static str) -> Result<Split<'t>, Conflict> {
    let today = NaiveDate::MAX;
    let loaded = load(which, text, today);
    let Some(p) = loaded.pledge else {
        return Err(Conflict::Invalid(which));
    };
    let mut starts: Vec<(usize, Key)> = p
        .log
        .iter()
        .map(|e| (e.span.start, (e.date, e.activity.clone(), e.by.clone())))
        // Measurements and verdicts are appended entries too, kept from both sides alike.
        .chain(p.measurements.iter().map(|m| {
            let key = (m.date, format!("measurement:{}", m.indicator), m.by.clone());
            (m.span.start, key)
        }))
        .chain(p.verdicts.iter().map(|v| {
            let key = (v.date, format!("verdict:{}", v.activity), v.by.clone());
            (v.span.start, key)
        }))
        .collect();
    starts.sort();
    let Some(first) = starts.first().map(|(s, _)| *s) else {
        return Ok(Split {
            head: text,
            entries: Vec::new(),
        });
    };
    // Every table after the first entry must be a log entry: the start of each other table
    // (its header, or each `[[...]]` item's header) must come before it.
    let root = toml::de::DeTable::parse(text).map_err(|_| Conflict::Invalid(which))?;
    let other_after = root
        .get_ref()
        .iter()
        .filter(|(k, _)| !["log", "measurement", "verdict"].contains(&k.get_ref().as_ref()))
        .any(|(_, v)| match v.get_ref() {
            toml::de::DeValue::Table(_) => v.span().start > first,
            toml::de::DeValue::Array(items) => items
                .iter()
                .any(|i| i.span().start > first && i.get_ref().is_table()),
            _ => false,
        });
    if other_after {
        return Err(Conflict::LogNotLast(which));
    }
    let mut entries = Vec::new();
    for (i, (start, key)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
        entries.push(Entry {
            key: key.clone(),
            text: text[*start..end].trim_end_matches(['\n', '\r', ' ', '\t']),
        });
    }
    // The line ending before the first header belongs to the entries (as `done` writes it),
    // so a file reads the same head with or without them.
    let head = &text[..first];
    let head = head
        .strip_suffix("\r\n")
        .or_else(|| head.strip_suffix('\n'))
        .unwrap_or(head);
    Ok(Split { head, entries })
}

/// What makes two different entry texts versions of one entry: its date, what it records
/// (an activity's id; `measurement:ID`, `verdict:ID`) and who (`by`).
pub type EntryKey = Key;

/// A file's head and its entries (log entries, measurements, verdicts), each entry's text
/// from its header with line endings as `\n`, for comparing versions of a file; None when the
/// file does not load or other tables follow its entries.
pub fn entries(text: &str) -> Option<(String, Vec<(EntryKey, String)>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let s = split(text, "file").ok()?;
    let lf = |t: &str| t.replace("\r\n", "\n");
    Some((
        lf(s.head),
        s.entries
            .iter()
            .map(|e| (e.key.clone(), lf(e.text)))
            .collect(),
    ))
}

/// How many times each entry text occurs.
fn counts<'t>(s: &Split<'t>) -> HashMap<&'t str, i64> {
    let mut c = HashMap::new();
    for e in &s.entries {
        *c.entry(e.text).or_insert(0) += 1;
    }
    c
}

/// The merged log: the entry texts in order (see the module's documentation).
fn merge_log<'t>(o: &Split<'t>, a: &Split<'t>, b: &Split<'t>) -> Result<Vec<&'t str>, Conflict> {
    let (co, ca, cb) = (counts(o), counts(a), counts(b));
    for (c, which) in [(&ca, "ours"), (&cb, "theirs")] {
        if o.entries.len() >= 2 && co.keys().all(|t| !c.contains_key(t)) {
            return Err(Conflict::LogRemoved(which));
        }
    }
    let key_of: HashMap<&str, &Key> = [o, a, b]
        .iter()
        .flat_map(|s| s.entries.iter().map(|e| (e.text, &e.key)))
        .collect();
    let get = |c: &HashMap<&str, i64>, t: &str| c.get(t).copied().unwrap_or(0);
    // The texts a side added (more copies than the base has) with this key.
    let added_with = |c: &HashMap<&'t str, i64>, key: &Key| {
        let mut v: Vec<&str> = c
            .iter()
            .filter(|(t, n)| **n > get(&co, t) && key_of[**t] == key)
            .map(|(t, _)| *t)
            .collect();
        v.sort_unstable();
        v
    };
    let conflict = |key: &Key| Conflict::Entry {
        date: key.0,
        activity: key.1.clone(),
    };
    let mut want: HashMap<&str, i64> = HashMap::new();
    for t in key_of.keys() {
        let (n, da, db) = (
            get(&co, t),
            get(&ca, t) - get(&co, t),
            get(&cb, t) - get(&co, t),
        );
        let key = key_of[t];
        // An entry both sides removed or replaced: the same way, or it is a conflict.
        if da < 0 && db < 0 && added_with(&ca, key) != added_with(&cb, key) {
            return Err(conflict(key));
        }
        let merged = if da == db || db == 0 {
            n + da
        } else if da == 0 || da.signum() != db.signum() {
            n + da + db
        } else {
            // Both added (or removed) copies, a different number: which ones are the same?
            return Err(conflict(key));
        };
        want.insert(t, merged);
    }
    // Copies kept from the base, and copies that are new.
    let mut kept: HashMap<&str, i64> = want
        .iter()
        .map(|(t, n)| (*t, (*n).min(get(&co, t))))
        .collect();
    let mut new: HashMap<&str, i64> = want.iter().map(|(t, n)| (*t, n - kept[t])).collect();
    let sides: Vec<&Entry> = a.entries.iter().chain(&b.entries).collect();
    let mut out = Vec::new();
    for e in &o.entries {
        if let Some(n) = kept.get_mut(e.text).filter(|n| **n > 0) {
            *n -= 1;
            out.push(e.text);
        } else if let Some(x) = sides.iter().find(|x| x.key == e.key && new[x.text] > 0) {
            // A changed entry keeps the place of the one it replaces.
            *new.get_mut(x.text).expect("every text is counted") -= 1;
            out.push(x.text);
        }
    }
    let mut added: Vec<(NaiveDate, &str)> = Vec::new();
    for e in sides {
        if let Some(n) = new.get_mut(e.text).filter(|n| **n > 0) {
            *n -= 1;
            added.push((e.key.0, e.text));
        }
    }
    added.sort_by_key(|(d, _)| *d);
    out.extend(added.into_iter().map(|(_, e)| e));
    Ok(out)
}

/// Merges `ours` and `theirs` against their common `base`.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<String, Conflict> {
    // Compared with `\n` line endings; written with the file's.
    let nl = line_ending(base, ours, theirs);
    let (base, ours, theirs) = (lf(base), lf(ours), lf(theirs));
    let (o, a, b) = (
        split(&base, "base")?,
        split(&ours, "ours")?,
        split(&theirs, "theirs")?,
    );
    let head = if a.head == b.head || b.head == o.head {
        a.head
    } else if a.head == o.head {
        b.head
    } else {
        return Err(Conflict::Head);
    };
    let out = merge_log(&o, &a, &b)?;
    Ok(with_line_ending(
        &format!("{head}{}", log_text(&out, "\n")),
        nl,
    ))
}

fn lf(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// The line ending of the merged file: the file's own, from its first line; a change of it
/// made on one side only is taken, like any change.
pub fn line_ending(base: &str, ours: &str, theirs: &str) -> &'static str {
    let (o, a, b) = (
        crate::text::line_ending(base),
        crate::text::line_ending(ours),
        crate::text::line_ending(theirs),
    );
    if a == o { b } else { a }
}

/// `text` with every line ending `nl`, so a merged file never ends with mixed ones (an
/// entry written on the other side with other line endings, a conflict marker).
pub fn with_line_ending(text: &str, nl: &str) -> String {
    let lf = text.replace("\r\n", "\n");
    if nl == "\n" { lf } else { lf.replace('\n', nl) }
}

/// The log entries as `done` appends them: a line ending, then the entry.
fn log_text(entries: &[&str], nl: &str) -> String {
    let mut text = String::new();
    for e in entries {
        text.push_str(nl);
        text.push_str(e);
        text.push_str(nl);
    }
    text
}

/// When both sides changed the head differently: the three heads (for a line merge that
/// marks only the lines in conflict) and the log entries, still merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadConflict {
    pub base: String,
    pub ours: String,
    pub theirs: String,
    /// The merged entries, to follow the merged head (which ends with a line ending).
    pub log: String,
}

/// The parts of a merge whose heads conflict: the heads as they are and the merged log; the
/// log's own conflicts are still [`Conflict`]s.
pub fn head_conflict(base: &str, ours: &str, theirs: &str) -> Result<HeadConflict, Conflict> {
    let nl = line_ending(base, ours, theirs);
    let (base, ours, theirs) = (lf(base), lf(ours), lf(theirs));
    let (o, a, b) = (
        split(&base, "base")?,
        split(&ours, "ours")?,
        split(&theirs, "theirs")?,
    );
    let out = merge_log(&o, &a, &b)?;
    // Each head ends with a line ending, so a line merge sees whole lines; the log's first
    // line ending is then the head's. Every part has the merged file's line endings.
    let whole = |h: &str| {
        let h = with_line_ending(h, nl);
        match h.ends_with('\n') {
            true => h,
            false => format!("{h}{nl}"),
        }
    };
    let log = with_line_ending(&log_text(&out, "\n"), nl);
    Ok(HeadConflict {
        base: whole(o.head),
        ours: whole(a.head),
        theirs: whole(b.head),
        log: log.strip_prefix(nl).unwrap_or(&log).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::record::{NewEntry, append};

    const BASE: &str = "title = \"t\"\nkommun = \"Filipstad\"\nperiod = { start = 2016-01-01, end = 2016-12-31 }\n\
        [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n[followup]\nwhen = \"2017-Q1\"\n";

    fn e(date: &str, note: &str) -> NewEntry {
        NewEntry {
            note: Some(note.into()),
            ..NewEntry::new(date.parse().unwrap(), "a", 1)
        }
    }

    #[test]
    fn both_sides_measurements_and_verdicts_are_kept_like_log_entries() {
        use crate::edit::entry::{measurement_addition, verdict_addition};
        use crate::model::outcome::{Measurement, Verdict, VerdictEntry};
        let with_ind = format!(
            "{BASE}[[indicator]]\nid = \"t\"\nname = \"T\"\nsource = \"S\"\ndirection = \"higher\"\n"
        );
        let base = append(&with_ind, &e("2016-01-10", "base"));
        let m = Measurement {
            indicator: "t".into(),
            date: "2016-11-15".parse().unwrap(),
            value: 64.5,
            source: None,
            note: None,
            by: Some("A".into()),
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        };
        let v = VerdictEntry {
            activity: "a".into(),
            verdict: Verdict::Partly,
            reason: "Hälften".into(),
            source: None,
            date: "2017-02-01".parse().unwrap(),
            by: Some("B".into()),
            span: 0..0,
        };
        let ours = format!("{base}{}", measurement_addition(&base, &m));
        let theirs = format!("{base}{}", verdict_addition(&base, &v));
        let merged = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(merged, format!("{ours}{}", verdict_addition(&ours, &v)));
        // The same addition on both sides is kept once.
        assert_eq!(merge(&base, &ours, &ours).unwrap(), ours);
    }

    #[test]
    fn both_sides_entries_are_kept_in_date_order() {
        let base = append(BASE, &e("2016-01-10", "base"));
        let ours = append(&base, &e("2016-03-01", "ours"));
        let theirs = append(&base, &e("2016-02-01", "theirs"));
        let merged = merge(&base, &ours, &theirs).unwrap();
        let expected = append(
            &append(&base, &e("2016-02-01", "theirs")),
            &e("2016-03-01", "ours"),
        );
        assert_eq!(merged, expected);
        // The same entry on both sides is kept once.
        assert_eq!(merge(&base, &ours, &ours).unwrap(), ours);
    }

    #[test]
    fn every_line_of_the_merge_has_the_files_line_ending() {
        let crlf = |t: &str| t.replace('\n', "\r\n");
        let base = crlf(&append(BASE, &e("2016-01-10", "base")));
        let ours = append(&base, &e("2016-03-01", "ours"));
        // Theirs' entry came with LF line endings (an editor, another platform).
        let theirs = format!(
            "{base}{}",
            crate::edit::record::addition(BASE, &e("2016-02-01", "theirs"))
        );
        let merged = merge(&base, &ours, &theirs).unwrap();
        assert_eq!(
            merged.matches('\n').count(),
            merged.matches("\r\n").count(),
            "{merged:?}"
        );
        assert_eq!(merged.matches("[[log]]").count(), 3);
        // A side that changed every line ending (and nothing else) is taken, like any change.
        let lf = base.replace("\r\n", "\n");
        let theirs = append(&lf, &e("2016-02-01", "theirs"));
        let merged = merge(&base, &base, &theirs).unwrap();
        assert_eq!(merged, theirs);
        // The head conflict's parts too.
        let ours = ours.replace("title = \"t\"", "title = \"ours\"");
        let theirs = crlf(&theirs).replace("title = \"t\"", "title = \"theirs\"");
        let hc = head_conflict(
            &base,
            &ours,
            &theirs.replace(
                "\r\n[[log]]\r\ndate = 2016-02-01",
                "\n[[log]]\ndate = 2016-02-01",
            ),
        )
        .unwrap();
        for part in [&hc.base, &hc.ours, &hc.theirs, &hc.log] {
            assert_eq!(
                part.matches('\n').count(),
                part.matches("\r\n").count(),
                "{part:?}"
            );
        }
    }

    #[test]
    fn an_undo_on_one_side_removes_the_entry() {
        let base = append(BASE, &e("2016-01-10", "base"));
        let theirs = append(&base, &e("2016-02-01", "theirs"));
        assert_eq!(
            merge(&base, BASE, &theirs).unwrap(),
            append(BASE, &e("2016-02-01", "theirs"))
        );
    }

    #[test]
    fn head_changes_merge_when_only_one_side_made_them() {
        let edited = BASE.replace("text = \"x\"", "text = \"y\"");
        let theirs = append(BASE, &e("2016-02-01", "theirs"));
        let merged = merge(BASE, &edited, &theirs).unwrap();
        assert_eq!(merged, append(&edited, &e("2016-02-01", "theirs")));
        let other = BASE.replace("text = \"x\"", "text = \"z\"");
        assert_eq!(merge(BASE, &edited, &other), Err(Conflict::Head));
        assert_eq!(
            merge(BASE, "not = [toml", BASE),
            Err(Conflict::Invalid("ours"))
        );
    }

    fn walk(date: &str, note: Option<&str>) -> NewEntry {
        NewEntry {
            by: Some("Anna".into()),
            note: note.map(str::to_string),
            ..NewEntry::new(date.parse().unwrap(), "a", 1)
        }
    }

    fn with(entries: &[NewEntry]) -> String {
        entries.iter().fold(BASE.to_string(), |t, e| append(&t, e))
    }

    #[test]
    fn identical_entries_are_counted_not_collapsed() {
        let e = walk("2016-01-10", None);
        let t = walk("2016-02-01", Some("theirs"));
        // Ours records a second identical walk, theirs another entry: three entries.
        let base = with(std::slice::from_ref(&e));
        let merged = merge(
            &base,
            &with(&[e.clone(), e.clone()]),
            &with(&[e.clone(), t.clone()]),
        );
        assert_eq!(merged.unwrap(), with(&[e.clone(), e.clone(), t.clone()]));
        // Ours undid one of two identical walks, theirs adds one: two entries.
        let base = with(&[e.clone(), e.clone()]);
        let merged = merge(
            &base,
            &with(std::slice::from_ref(&e)),
            &with(&[e.clone(), e.clone(), t.clone()]),
        );
        assert_eq!(merged.unwrap(), with(&[e.clone(), t.clone()]));
        // Both undid the same one: once.
        assert_eq!(
            merge(
                &base,
                &with(std::slice::from_ref(&e)),
                &with(std::slice::from_ref(&e))
            )
            .unwrap(),
            with(std::slice::from_ref(&e))
        );
        // Different numbers of identical copies added on each side: which are the same?
        assert_eq!(
            merge(
                &base,
                &with(&vec![e.clone(); 3]),
                &with(&vec![e.clone(); 4])
            ),
            Err(Conflict::Entry {
                date: e.date,
                activity: "a".into()
            })
        );
    }

    #[test]
    fn one_entry_changed_differently_on_both_sides_is_a_conflict() {
        let e = walk("2016-01-10", Some("Centrum"));
        let other = walk("2016-01-20", None);
        let base = with(&[e.clone(), other.clone()]);
        let ours = with(&[walk("2016-01-10", Some("Centrum, 14")), other.clone()]);
        let theirs = with(&[walk("2016-01-10", Some("Centrum, 12")), other.clone()]);
        let conflict = Err(Conflict::Entry {
            date: e.date,
            activity: "a".into(),
        });
        assert_eq!(merge(&base, &ours, &theirs), conflict);
        // Changed on one side, removed on the other.
        assert_eq!(
            merge(&base, &ours, &with(std::slice::from_ref(&other))),
            conflict
        );
        // The same correction on both sides, or on one side only: taken once.
        assert_eq!(merge(&base, &ours, &ours).unwrap(), ours);
        assert_eq!(merge(&base, &ours, &base).unwrap(), ours);
    }

    #[test]
    fn a_side_that_removed_every_entry_is_a_conflict() {
        let (e, f) = (walk("2016-01-10", None), walk("2016-01-20", None));
        let base = with(&[e.clone(), f.clone()]);
        let theirs = with(&[e.clone(), f.clone(), walk("2016-03-01", None)]);
        assert_eq!(
            merge(&base, BASE, &theirs),
            Err(Conflict::LogRemoved("ours"))
        );
        assert_eq!(
            merge(&base, &theirs, BASE),
            Err(Conflict::LogRemoved("theirs"))
        );
    }

    #[test]
    fn a_head_conflict_still_merges_the_log() {
        let base = append(BASE, &e("2016-02-01", "x"));
        let ours = append(
            &base.replace("title = \"t\"", "title = \"ours\""),
            &e("2016-03-01", "a"),
        );
        let theirs = append(
            &base.replace("title = \"t\"", "title = \"theirs\""),
            &e("2016-04-01", "b"),
        );
        assert_eq!(merge(&base, &ours, &theirs), Err(Conflict::Head));
        let hc = head_conflict(&base, &ours, &theirs).unwrap();
        assert!(hc.ours.starts_with("title = \"ours\"\n") && hc.ours.ends_with("\"2017-Q1\"\n"));
        assert!(hc.theirs.starts_with("title = \"theirs\"\n"));
        assert!(hc.base.starts_with("title = \"t\"\n"));
        assert!(
            hc.log.starts_with("[[log]]\ndate = 2016-02-01"),
            "{}",
            hc.log
        );
        for d in ["2016-02-01", "2016-03-01", "2016-04-01"] {
            assert_eq!(hc.log.matches(d).count(), 1, "{d}: {}", hc.log);
        }
        // The head merged by lines plus the log is the file `done` would have written.
        let joined = format!("{}{}", hc.ours, hc.log);
        assert!(
            !crate::load::load("m", &joined, NaiveDate::MAX).has_errors(),
            "{joined}"
        );
    }
}
