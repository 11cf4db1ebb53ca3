//! Log entries as the log and the report show them: where the work belongs (its part, unit,
//! a request, and on a löfte for several kommuner which kommun, or shared work).

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::{LogEntry, Pledge};
use crate::view::phrases::entry_text;

/// Where an entry's work belongs, as the log shows it: its part and unit, "request" for a
/// request, and on a löfte for several kommuner the kommun, or "shared" for work of them all.
pub fn entry_where(p: &Pledge, e: &LogEntry, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = e.part.iter().chain(&e.unit).cloned().collect();
    if e.request {
        v.push(match lang {
            Lang::Sv => "förfrågan".into(),
            Lang::En => "request".into(),
        });
    }
    if p.kommuner.len() > 1 {
        v.push(entry_kommun(p, e, lang));
    }
    v
}

/// The kommun an entry's work was for: its own, or "shared" on a löfte for several kommuner
/// (all of its kommuner on a löfte for one).
pub fn entry_kommun(p: &Pledge, e: &LogEntry, lang: Lang) -> String {
    match (e.kommun, p.kommuner.len() > 1) {
        (Some(k), _) => k.name.to_string(),
        (None, true) => match lang {
            Lang::Sv => "gemensamt".into(),
            Lang::En => "shared".into(),
        },
        (None, false) => p.kommun_names(),
    }
}

/// The activity of an entry with its part, unit and "request": "foraldramoten · Södra skolan".
pub fn log_activity(e: &LogEntry, lang: Lang) -> String {
    let mut t = lang.activity_id(&e.activity).to_string();
    for w in e.part.iter().chain(&e.unit) {
        let _ = write!(t, " · {w}");
    }
    if e.request {
        let _ = write!(
            t,
            " · {}",
            match lang {
                Lang::Sv => "förfrågan",
                Lang::En => "request",
            }
        );
    }
    t
}

/// One log entry on a line, saying where the work belongs:
/// "2017-04-04 trygghetsvandring · Forshaga: Centrum".
pub fn entry_line(p: &Pledge, e: &LogEntry, lang: Lang) -> String {
    let shown = lang.activity_id(&e.activity);
    let mut head = format!("{} {shown}", e.date);
    for w in entry_where(p, e, lang) {
        let _ = write!(head, " · {w}");
    }
    let t = entry_text(e, lang);
    let rest = t.split_once(' ').map_or("", |(_, r)| r);
    let rest = rest.strip_prefix(shown).unwrap_or(rest);
    format!("{head}{rest}")
}
