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

/// A log entry to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub date: NaiveDate,
    pub activity: String,
    pub count: u32,
    pub by: Option<String>,
    pub note: Option<String>,
}

/// The file's line ending, judged by its first line: CRLF files get CRLF entries.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// A TOML basic string holding exactly `s`: quotes, backslashes and control characters
/// escaped, everything else (åäö, emoji) as written.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of one entry, from its `[[log]]` header to its last line ending.
pub fn render_entry(e: &NewEntry, nl: &str) -> String {
    let mut s = format!(
        "[[log]]{nl}date = {}{nl}activity = {}{nl}",
        e.date,
        toml_string(&e.activity)
    );
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
    /// The entry as the loader would return it, at `span` of the text.
    pub fn to_log_entry(&self, span: std::ops::Range<usize>) -> LogEntry {
        LogEntry {
            date: self.date,
            activity: self.activity.clone(),
            part: None,
            unit: None,
            kommun: None,
            request: false,
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
    Some(NewEntry {
        date: NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?,
        activity: string("activity")?,
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

/// Why the last entry cannot be removed automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoError {
    NoEntries,
    /// The last entry is not at the end of the file, or was edited or written by hand:
    /// removing it could take the person's own text with it.
    NotAsWritten,
}

/// The text without the last log entry, and that entry. `pledge` is the loaded form of `text`.
pub fn undo(text: &str, pledge: &Pledge) -> Result<(String, LogEntry), UndoError> {
    let last = pledge
        .log
        .iter()
        .max_by_key(|e| e.span.start)
        .ok_or(UndoError::NoEntries)?;
    let start = last.span.start;
    let nl = line_ending(text);
    let entry = NewEntry {
        date: last.date,
        activity: last.activity.clone(),
        count: last.count,
        by: last.by.clone(),
        note: last.note.clone(),
    };
    if text[start..] != render_entry(&entry, nl) {
        return Err(UndoError::NotAsWritten);
    }
    let before = &text[..start];
    let before = before
        .strip_suffix("\r\n")
        .or_else(|| before.strip_suffix('\n'))
        .unwrap_or(before);
    Ok((before.to_string(), last.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

    const BASE: &str = "title = \"t\"\nkommun = \"Filipstad\"\nperiod = { start = 2016-01-01, end = 2016-12-31 }\n\
                        [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n[followup]\nwhen = \"yearly\"\n";

    fn entry(note: &str) -> NewEntry {
        NewEntry {
            date: "2016-05-12".parse().unwrap(),
            activity: "a".into(),
            count: 1,
            by: Some("Anna".into()),
            note: Some(note.into()),
        }
    }

    fn round_trip(original: &str, note: &str) {
        let e = entry(note);
        let after = append(original, &e);
        assert!(after.starts_with(original));
        let loaded = load("t.toml", &after, "2020-01-01".parse().unwrap());
        let p = loaded
            .pledge
            .unwrap_or_else(|| panic!("{:?}", loaded.diags));
        assert_eq!(p.log.len(), 1);
        assert_eq!(p.log[0].note.as_deref(), Some(note));
        let (undone, removed) = undo(&after, &p).unwrap();
        assert_eq!(undone, original);
        assert_eq!(removed.note.as_deref(), Some(note));
    }

    #[test]
    fn done_then_undo_restores_every_byte() {
        round_trip(BASE, "Centrum, 14 deltagare");
        round_trip(BASE.trim_end(), "no newline at the end");
        round_trip(&format!("{BASE}\n\n"), "blank lines at the end");
        round_trip(&format!("{BASE}# a comment at the end"), "comment last");
        round_trip(&BASE.replace('\n', "\r\n"), "CRLF");
        round_trip(
            BASE,
            "quotes \" ''' \"\"\" backslash \\ tab\t newline\n åäö 🚓 \u{1b}[31m",
        );
    }

    #[test]
    fn an_addition_reads_back_as_its_entry() {
        for note in ["plain", "\"\"\" ''' \\ \u{1b} 🚓\nx"] {
            let e = NewEntry {
                count: 7,
                ..entry(note)
            };
            assert_eq!(read_back(&addition(BASE, &e)), Some(e.clone()));
            assert_eq!(
                read_back(&addition(&BASE.replace('\n', "\r\n"), &e)),
                Some(e)
            );
        }
        assert_eq!(read_back("[[log]]\ndate = 2016-01-01\n"), None);
        assert_eq!(read_back("[[log]\n"), None);
    }

    #[test]
    fn crlf_files_get_crlf_entries() {
        let crlf = BASE.replace('\n', "\r\n");
        let add = addition(&crlf, &entry("x"));
        assert!(add.starts_with("\r\n[[log]]\r\n"));
        assert_eq!(add.matches('\n').count(), add.matches("\r\n").count());
    }

    #[test]
    fn undo_refuses_a_hand_edited_entry() {
        let text = format!("{BASE}\n[[log]]\ndate = 2016-05-12\nactivity = \"a\"  # by hand\n");
        let p = load("t.toml", &text, "2020-01-01".parse().unwrap())
            .pledge
            .unwrap();
        assert_eq!(undo(&text, &p), Err(UndoError::NotAsWritten));
        let p = load("t.toml", BASE, "2020-01-01".parse().unwrap())
            .pledge
            .unwrap();
        assert_eq!(undo(BASE, &p), Err(UndoError::NoEntries));
    }
}
