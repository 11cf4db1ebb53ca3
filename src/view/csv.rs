//! CSV (RFC 4180, through the `csv` crate) with one typed row per format. Every text cell is a
//! [`Text`], so a cell that a spreadsheet would run as a formula cannot reach it as one.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::Pledge;
use crate::model::outcome::{Measurement, VerdictEntry};
use crate::rules::status::PledgeStatus;
use crate::view::LogLine;
use crate::view::entries::{push_date, push_num};
use crate::view::i18n::Lang;
use crate::view::phrases::{lan_names, owners_text};
use crate::view::target_words::target_text;

/// A text cell. Control characters other than newline, CR and tab (ESC, BEL, DEL, the C1
/// controls) are written escaped, as `\u{1b}`, so no escape sequence reaches a terminal the
/// CSV is printed on. A cell a spreadsheet could run as a formula gets a leading `'`: one
/// that starts with tab, CR or LF, or whose first character after whitespace (any, line
/// breaks included) and invisible characters is a [`formula_starter`]: `=`, `+`, `-`, `@`,
/// their fullwidth and small forms or `−` (a negative number such as "-3" is data, not a
/// formula).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl Text {
    /// The cell as written.
    pub fn neutral(&self) -> std::borrow::Cow<'_, str> {
        neutral(&self.0)
    }
}

/// A text cell as written (see [`Text`]).
pub fn neutral(c: &str) -> std::borrow::Cow<'_, str> {
    // Most cells start with a letter or digit and hold no control character: kept as they are.
    let b = c.as_bytes();
    let plain_start = b.first().is_none_or(|&f| {
        f.is_ascii()
            && !f.is_ascii_whitespace()
            && !matches!(f, b'\x0b' | b'=' | b'+' | b'-' | b'@')
    });
    let control = |(i, &x): (usize, &u8)| {
        (x < 0x20 && !matches!(x, b'\n' | b'\r' | b'\t'))
            || x == 0x7f
            // The C1 controls, U+0080 to U+009F.
            || (x == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    };
    let calm = |&x: &u8| x >= 0x20 && x != 0x7f && x != 0xc2;
    if plain_start && (b.iter().all(calm) || !b.iter().enumerate().any(control)) {
        return c.into();
    }
    neutralised(c)
}

/// [`neutral`] of any cell, character by character.
fn neutralised(c: &str) -> std::borrow::Cow<'_, str> {
    let hostile = |ch: char| ch.is_control() && !matches!(ch, '\n' | '\r' | '\t');
    let c: std::borrow::Cow<'_, str> = if c.chars().any(hostile) {
        c.chars()
            .map(|ch| {
                if hostile(ch) {
                    ch.escape_default().to_string()
                } else {
                    ch.to_string()
                }
            })
            .collect::<String>()
            .into()
    } else {
        c.into()
    };
    let first = c
        .trim_start_matches(|ch: char| ch.is_whitespace() || crate::text::is_invisible(ch))
        .chars()
        .next();
    let formula =
        matches!(c.chars().next(), Some('\t' | '\r' | '\n')) || first.is_some_and(formula_starter);
    if formula && !is_plain_number(&c) {
        format!("'{c}").into()
    } else {
        c
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.neutral())
    }
}

fn text(s: impl Into<String>) -> Text {
    Text(s.into())
}

/// A character a spreadsheet starts a formula with (OWASP's `=`, `+`, `-`, `@`), in any of
/// the forms a spreadsheet reads as one: fullwidth (`＝ ＋ － ＠`), small (`﹦ ﹢ ﹣ ﹫`) and the
/// minus sign `−` (U+2212).
pub fn formula_starter(ch: char) -> bool {
    matches!(
        ch,
        '=' | '+'
            | '-'
            | '@'
            | '\u{ff1d}'
            | '\u{ff0b}'
            | '\u{ff0d}'
            | '\u{ff20}'
            | '\u{fe66}'
            | '\u{fe62}'
            | '\u{fe63}'
            | '\u{fe6b}'
            | '\u{2212}'
    )
}

/// A negative number such as "-3" is data, not a formula.
fn is_plain_number(s: &str) -> bool {
    s.strip_prefix('-')
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// The header line and one line per row.
fn write<R: Serialize>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let fail = "writing CSV into memory cannot fail";
    w.write_record(header).expect(fail);
    for r in rows {
        w.serialize(r).expect(fail);
    }
    String::from_utf8(w.into_inner().expect(fail)).expect("CSV of UTF-8 text is UTF-8")
}

/// One activity of `status --format csv`.
#[derive(Serialize)]
pub struct StatusRow {
    file: Text,
    kommuner: Text,
    kommunkod: Text,
    state: &'static str,
    activity: Text,
    owners: Text,
    target: Text,
    required: Option<u32>,
    done: u32,
    window_start: Option<NaiveDate>,
    window_end: Option<NaiveDate>,
    last_done: Option<NaiveDate>,
    status: &'static str,
    windows_met: Option<usize>,
    windows_missed: Option<usize>,
    windows_open: Option<usize>,
}

pub const STATUS_HEADER: [&str; 16] = [
    "file",
    "kommuner",
    "kommunkod",
    "state",
    "activity",
    "owners",
    "target",
    "required",
    "done",
    "window_start",
    "window_end",
    "last_done",
    "status",
    "windows_met",
    "windows_missed",
    "windows_open",
];

pub fn status_rows<'a>(s: &'a PledgeStatus<'a>) -> impl Iterator<Item = StatusRow> + 'a {
    let p = s.pledge;
    s.activities.iter().map(move |a| StatusRow {
        file: text(&p.file),
        kommuner: text(p.kommun_names()),
        kommunkod: text(p.kommunkoder()),
        state: s.state.name(),
        activity: text(&a.activity.id),
        owners: text(owners_text(&a.activity.owners, Lang::Sv)),
        target: text(target_text(&a.activity.target, Lang::En)),
        required: a.required,
        done: a.done,
        window_start: a.window.map(|w| w.0),
        window_end: a.window.map(|w| w.1),
        last_done: a.last_done,
        status: a.status.name(),
        windows_met: a.record.map(|r| r.windows_met),
        windows_missed: a.record.map(|r| r.windows_missed),
        windows_open: a.record.map(|r| r.windows_open),
    })
}

/// `status --format csv`: one line per activity of every löfte.
pub fn status_csv(statuses: &[PledgeStatus<'_>]) -> String {
    write(&STATUS_HEADER, statuses.iter().flat_map(status_rows))
}

/// The columns [`status_words_csv`] adds after [`STATUS_HEADER`]: what a person reads, in
/// the language asked for, beside the codes.
pub const WORDS_HEADER: [&str; 5] = ["title", "text", "state_text", "target_text", "status_text"];

/// The words of one activity, written after its [`StatusRow`]: [`WORDS_HEADER`].
#[derive(Serialize)]
pub struct StatusWords {
    title: Text,
    text: Text,
    state_text: Text,
    target_text: Text,
    status_text: Text,
}

/// The rows of `status --format csv` with the activity's title and text and the state, target
/// and status in words of `lang` (`pledges.csv` of the site, and the spreadsheets).
pub fn status_words_csv(statuses: &[PledgeStatus<'_>], lang: Lang) -> String {
    let header: Vec<&str> = STATUS_HEADER.iter().chain(&WORDS_HEADER).copied().collect();
    let rows = statuses.iter().flat_map(|s| {
        status_rows(s).zip(&s.activities).map(move |(row, a)| {
            let words = StatusWords {
                title: text(crate::view::title::activity_title(a.activity)),
                text: text(&a.activity.text),
                state_text: text(lang.state(s.state)),
                target_text: text(target_text(&a.activity.target, lang)),
                status_text: text(lang.status(a.status)),
            };
            (row, words)
        })
    });
    write(&header, rows)
}

/// One löfte of `list --format csv`.
#[derive(Serialize)]
struct ListRow {
    kommuner: Text,
    kommunkod: Text,
    lan: Text,
    lokalpolisomrade: Text,
    area: Text,
    /// Empty when the file does not state the start.
    start: Option<NaiveDate>,
    end: NaiveDate,
    state: &'static str,
    activities: usize,
    file: Text,
}

/// `list --format csv`: one line per löfte, its state on `on`.
pub fn list_csv(pledges: &[&Pledge], on: NaiveDate) -> String {
    let header = [
        "kommuner",
        "kommunkod",
        "lan",
        "lokalpolisomrade",
        "area",
        "start",
        "end",
        "state",
        "activities",
        "file",
    ];
    write(
        &header,
        pledges.iter().map(|p| ListRow {
            kommuner: text(p.kommun_names()),
            kommunkod: text(p.kommunkoder()),
            lan: text(lan_names(p)),
            lokalpolisomrade: text(p.lokalpolisomrade.clone().unwrap_or_default()),
            area: text(p.area.clone().unwrap_or_default()),
            start: p.period.start_stated.then(|| p.period_on(on).start),
            end: p.period.end,
            state: p.state(on).name(),
            activities: p.activities.len(),
            file: text(&p.file),
        }),
    )
}

/// The header of `log --format csv`.
const LOG_HEADER: [&str; 15] = [
    "date", "kommuner", "activity", "count", "by", "note", "file", "unit", "part", "kommun",
    "kind", "title", "value", "verdict", "source",
];

/// Appends the header line of `log --format csv`.
pub fn log_header(buf: &mut Vec<u8>) {
    for (i, h) in LOG_HEADER.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(h.as_bytes());
    }
    buf.push(b'\n');
}

/// Appends one line of `log --format csv`: the bytes the `csv` crate writes for the row
/// (fields quoted only when they hold a comma, a quote or a line break), text cells
/// neutralised as every [`Text`] is. `title` is the title of the entry's activity.
pub fn log_record(buf: &mut Vec<u8>, l: &LogLine<'_>, title: &str) {
    push_date(buf, l.date);
    buf.push(b',');
    match l.kommuner {
        [k] => field(buf, k.name),
        _ => field(buf, &l.kommun_names()),
    }
    buf.push(b',');
    field(buf, l.activity);
    buf.push(b',');
    push_num(buf, l.count.into());
    for s in [l.by, l.note, Some(l.file), l.unit, l.part] {
        buf.push(b',');
        field(buf, s.unwrap_or_default());
    }
    buf.push(b',');
    field(buf, &log_kommun(l));
    let kind = if l.request { "request" } else { "work" };
    log_tail(buf, kind, title, None, None, None);
}

/// Appends the line of `log --format csv` for a measured value: kind `measurement`, the
/// indicator's id and name as activity and title, the value in its own column, no count.
pub fn measurement_record(buf: &mut Vec<u8>, p: &Pledge, m: &Measurement, name: &str) {
    let l = entry_line(p, m.date, &m.indicator, m.by.as_deref(), m.note.as_deref());
    log_head(buf, &l);
    let value = m.value.is_finite().then_some(m.value);
    log_tail(buf, "measurement", name, value, None, m.source.as_deref());
}

/// Appends the line of `log --format csv` for a follow-up's verdict: kind `verdict`, the
/// verdict's code (`kept`, `partly`, `broken`) in its own column and its reason as the note.
pub fn verdict_record(buf: &mut Vec<u8>, p: &Pledge, v: &VerdictEntry, title: &str) {
    let l = entry_line(p, v.date, &v.activity, v.by.as_deref(), Some(&v.reason));
    log_head(buf, &l);
    let verdict = Some(v.verdict.name());
    log_tail(buf, "verdict", title, None, verdict, v.source.as_deref());
}

/// A line for an entry that is not work: no count, unit or part, the löfte's kommun.
fn entry_line<'a>(
    p: &'a Pledge,
    date: NaiveDate,
    activity: &'a str,
    by: Option<&'a str>,
    note: Option<&'a str>,
) -> LogLine<'a> {
    LogLine {
        file: &p.file,
        kommuner: &p.kommuner,
        date,
        activity,
        part: None,
        unit: None,
        kommun: None,
        request: false,
        count: 0,
        by,
        note,
        index: None,
    }
}

/// The columns up to `kind` of an entry without a count.
fn log_head(buf: &mut Vec<u8>, l: &LogLine<'_>) {
    push_date(buf, l.date);
    buf.push(b',');
    match l.kommuner {
        [k] => field(buf, k.name),
        _ => field(buf, &l.kommun_names()),
    }
    buf.push(b',');
    field(buf, l.activity);
    buf.push(b',');
    for s in [l.by, l.note, Some(l.file), None, None] {
        buf.push(b',');
        field(buf, s.unwrap_or_default());
    }
    buf.push(b',');
    field(buf, &log_kommun(l));
}

/// The columns from `kind` on.
fn log_tail(
    buf: &mut Vec<u8>,
    kind: &str,
    title: &str,
    value: Option<f64>,
    verdict: Option<&str>,
    source: Option<&str>,
) {
    buf.push(b',');
    buf.extend_from_slice(kind.as_bytes());
    buf.push(b',');
    field(buf, title);
    buf.push(b',');
    if let Some(v) = value {
        buf.extend_from_slice(v.to_string().as_bytes());
    }
    buf.push(b',');
    buf.extend_from_slice(verdict.unwrap_or_default().as_bytes());
    buf.push(b',');
    field(buf, source.unwrap_or_default());
    buf.push(b'\n');
}

/// Whose work an entry is: its kommun, or `shared` on a löfte for several kommuner.
fn log_kommun(l: &LogLine<'_>) -> String {
    match (l.kommun, l.kommuner) {
        (Some(k), _) => k.name.to_string(),
        (None, [k]) => k.name.to_string(),
        (None, _) => "shared".to_string(),
    }
}

/// A text field, neutralised and quoted as the `csv` crate quotes it.
fn field(buf: &mut Vec<u8>, s: &str) {
    let s = neutral(s);
    let b = s.as_bytes();
    if !b.iter().any(|&c| matches!(c, b',' | b'"' | b'\n' | b'\r')) {
        return buf.extend_from_slice(b);
    }
    buf.push(b'"');
    for part in b.split_inclusive(|&c| c == b'"') {
        buf.extend_from_slice(part);
        if part.ends_with(b"\"") {
            buf.push(b'"');
        }
    }
    buf.push(b'"');
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
