//! Three-way merge of a pledge file for git: the union of the log entries both sides added,
//! when the rest of the file is not changed differently on both sides.
//!
//! A file is split into its head (everything before the first `[[log]]` header) and its log
//! entries (each from its `[[log]]` header to the next). The heads merge as whole texts (one
//! side's change wins when the other kept the base; both sides' changes must be equal). The
//! log keeps the base's entries that neither side removed (an `undo` on one side removes an
//! entry), then every entry a side added, in date order.

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
}

struct Split<'t> {
    head: &'t str,
    /// (date, text of the entry from its header, without trailing blank lines)
    entries: Vec<(NaiveDate, &'t str)>,
}

fn split<'t>(text: &'t str, which: &'static str) -> Result<Split<'t>, Conflict> {
    let today = NaiveDate::MAX;
    let loaded = load(which, text, today);
    let Some(p) = loaded.pledge else {
        return Err(Conflict::Invalid(which));
    };
    let mut starts: Vec<(usize, NaiveDate)> =
        p.log.iter().map(|e| (e.span.start, e.date)).collect();
    starts.sort();
    let Some(&(first, _)) = starts.first() else {
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
        .filter(|(k, _)| k.get_ref() != "log")
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
    for (i, &(start, date)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |n| n.0);
        entries.push((
            date,
            text[start..end].trim_end_matches(['\n', '\r', ' ', '\t']),
        ));
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

/// Merges `ours` and `theirs` against their common `base`.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<String, Conflict> {
    let (o, a, b) = (
        split(base, "base")?,
        split(ours, "ours")?,
        split(theirs, "theirs")?,
    );
    let head = if a.head == b.head || b.head == o.head {
        a.head
    } else if a.head == o.head {
        b.head
    } else {
        return Err(Conflict::Head);
    };
    fn texts<'t>(s: &Split<'t>) -> Vec<&'t str> {
        s.entries.iter().map(|e| e.1).collect()
    }
    let (ot, at, bt) = (texts(&o), texts(&a), texts(&b));
    let mut out: Vec<&str> = ot
        .iter()
        .copied()
        .filter(|e| at.contains(e) && bt.contains(e))
        .collect();
    let mut added: Vec<(NaiveDate, &str)> = Vec::new();
    for (date, e) in a.entries.iter().chain(&b.entries) {
        if !ot.contains(e) && !added.iter().any(|(_, x)| x == e) {
            added.push((*date, e));
        }
    }
    added.sort_by_key(|(d, _)| *d);
    out.extend(added.into_iter().map(|(_, e)| e));

    // As `done` appends them: a line ending, then the entry.
    let nl = crate::record::line_ending(ours);
    let mut text = head.to_string();
    for e in out {
        text.push_str(nl);
        text.push_str(e);
        text.push_str(nl);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{NewEntry, append};

    const BASE: &str = "title = \"t\"\nkommun = \"Filipstad\"\nperiod = { start = 2016-01-01, end = 2016-12-31 }\n\
        [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n[followup]\nwhen = \"2017-Q1\"\n";

    fn e(date: &str, note: &str) -> NewEntry {
        NewEntry {
            date: date.parse().unwrap(),
            activity: "a".into(),
            count: 1,
            by: None,
            note: Some(note.into()),
        }
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
}
