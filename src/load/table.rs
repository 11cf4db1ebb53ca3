//! CSV exports of statistics without an API (Brå's statistics database, a kommun's own
//! survey): one row per kommun and year. The columns are found by their header, in Swedish
//! or English (`Kommun`/`Region`/`Municipality`, `År`/`Year`/`Period`, `Värde`/`Value`/…;
//! else the last other column holds the value); `;`, `,` or tab separate them; values may
//! have decimal commas and spaces between thousands; a byte-order mark is skipped; an empty
//! value, `..`, `-` or `–` means none was published.

use crate::kommuner::fold;

/// One row of an export: a kommun (as written), a year and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line in the file (from 1), for messages.
    pub line: usize,
    pub kommun: String,
    pub year: i32,
    /// None: the export has no value for the year.
    pub value: Option<f64>,
}

/// What is wrong with an export: the line (0 for the file as a whole) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub line: usize,
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> TableError {
    TableError {
        line,
        message: message.into(),
    }
}

const KOMMUN: &[&str] = &[
    "kommun",
    "kommunnamn",
    "kommunkod",
    "region",
    "municipality",
    "omrade",
    "area",
    "geografi",
];
const YEAR: &[&str] = &["ar", "year", "period", "tid", "time", "artal"];
const VALUE: &[&str] = &["varde", "value", "andel", "antal", "per 100 000 invanare"];

fn header_is(h: &str, names: &[&str]) -> bool {
    let h = fold(h.trim());
    names.iter().any(|n| h == *n)
}

/// The separator a header line uses: the most frequent of `;`, tab and `,` (`;` on a tie,
/// as Swedish exports use it beside decimal commas).
fn separator(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    let (semi, tab, comma) = (count(';'), count('\t'), count(','));
    if tab > semi && tab > comma {
        b'\t'
    } else if comma > semi {
        b','
    } else {
        b';'
    }
}

/// A value as exports write it; Ok(None) for a value not published.
fn value_of(s: &str) -> Result<Option<f64>, ()> {
    let t = s.trim();
    if t.is_empty() || matches!(t, ".." | "." | "-" | "–" | "—" | "x" | "X") {
        return Ok(None);
    }
    crate::text::parse_value(t).map(Some).map_err(|_| ())
}

fn year_of(s: &str) -> Option<i32> {
    let t = s.trim();
    let digits = t.get(..4)?;
    let rest = &t[4..];
    if !digits.chars().all(|c| c.is_ascii_digit()) || rest.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|y| (1900..=2200).contains(y))
}

/// The kommun, year and value columns among `headers` (on line `line`).
fn columns(headers: &[String], line: usize) -> Result<(usize, usize, usize), TableError> {
    let find = |names: &[&str]| headers.iter().position(|h| header_is(h, names));
    let names = headers.join(", ");
    let kommun = find(KOMMUN).ok_or_else(|| {
        err(
            line,
            format!(
                "no kommun column among the headers ({names}); name it `Kommun` (or Region, Municipality)"
            ),
        )
    })?;
    let year = find(YEAR).ok_or_else(|| {
        err(
            line,
            format!("no year column among the headers ({names}); name it `År` (or Year, Period)"),
        )
    })?;
    let value = find(VALUE)
        .or_else(|| (0..headers.len()).rev().find(|&i| i != kommun && i != year))
        .ok_or_else(|| {
            err(
                line,
                format!("no value column among the headers ({names}); name it `Värde` (or Value)"),
            )
        })?;
    Ok((kommun, year, value))
}

/// Reads an export's text (a byte-order mark is skipped).
pub fn parse(text: &str) -> Result<Vec<Row>, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(header_line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(err(0, "the file is empty"));
    };
    let skipped = text.lines().position(|l| !l.trim().is_empty()).unwrap_or(0);
    let sep = separator(header_line);
    // Each line is read on its own, so a message names the line of the file (exports do not
    // break a value over lines).
    let fields = |line: &str| -> Result<Vec<String>, String> {
        let mut r = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        match r.records().next() {
            Some(Ok(rec)) => Ok(rec.iter().map(str::to_string).collect()),
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(Vec::new()),
        }
    };
    let headers = fields(header_line)
        .map_err(|e| err(1 + skipped, format!("the header cannot be read ({e})")))?;
    let (kommun, year, value) = columns(&headers, 1 + skipped)?;
    let mut rows = Vec::new();
    for (n, text_line) in text.lines().enumerate().skip(skipped + 1) {
        let line = n + 1;
        if text_line.trim().is_empty() {
            continue;
        }
        let record =
            fields(text_line).map_err(|e| err(line, format!("the row cannot be read ({e})")))?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |i: usize| record.get(i).map_or("", String::as_str);
        let k = field(kommun).trim().to_string();
        if k.is_empty() {
            return Err(err(line, "the kommun is empty"));
        }
        let y = year_of(field(year)).ok_or_else(|| {
            err(
                line,
                format!(
                    "\"{}\" in column {} is not a year such as 2023",
                    crate::text::safe(field(year), false),
                    headers[year]
                ),
            )
        })?;
        let v = value_of(field(value)).map_err(|()| {
            err(
                line,
                format!(
                    "\"{}\" in column {} is not a number; write it as 12,5 or 12.5",
                    crate::text::safe(field(value), false),
                    headers[value]
                ),
            )
        })?;
        rows.push(Row {
            line,
            kommun: k,
            year: y,
            value: v,
        });
    }
    Ok(rows)
}
