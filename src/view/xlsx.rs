//! Spreadsheets for a Swedish Excel user, made from the plain CSV rows (one source of
//! columns): `--format xlsx` (typed cells: codes as text, counts as numbers, dates as dates;
//! a bold header row, frozen) and `--format excel-csv` (a UTF-8 BOM, `;` between cells, CRLF,
//! and codes written `="0764"` so Excel keeps the leading zero). Pure: bytes out.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::view::Label;
use crate::view::i18n::Lang;
use crate::view::messages::{Msg, Words};

/// Columns that hold codes: always text, never numbers (compared ignoring case, so the
/// Swedish headings match too).
const CODE_COLUMNS: [&str; 2] = ["kommunkod", "kod"];

fn is_code_column(h: &str) -> bool {
    CODE_COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(h))
}

/// Columns whose values are codes a person reads as words: the words take the column, the
/// codes move to a column of their own at the end.
const CODED: [&str; 4] = ["state", "status", "kind", "verdict"];

/// A code of a column in words of `lang`, or the code itself when it is not one.
fn word(column: &str, code: &str, lang: Lang) -> String {
    use crate::model::State;
    use crate::model::outcome::Verdict;
    use crate::rules::status::Status;
    let found = match column {
        "state" => [State::Upcoming, State::Active, State::Ended]
            .into_iter()
            .find(|s| s.name() == code)
            .map(|s| lang.state(s).to_string()),
        "status" => [
            Status::Met,
            Status::PartlyMet,
            Status::OnTrack,
            Status::Behind,
            Status::Missed,
            Status::Ongoing,
            Status::NoReports,
            Status::Upcoming,
            Status::NothingDue,
        ]
        .into_iter()
        .find(|s| s.name() == code)
        .map(|s| lang.status(s).to_string()),
        "kind" => match code {
            "work" => Some(lang.t(Label::KindWork).to_string()),
            "request" => Some(lang.t(Label::KindRequest).to_string()),
            "measurement" => Some(lang.t(Label::KindMeasurement).to_string()),
            "verdict" => Some(lang.t(Label::KindVerdict).to_string()),
            _ => None,
        },
        "verdict" => [Verdict::Kept, Verdict::Partly, Verdict::Broken]
            .into_iter()
            .find(|v| v.name() == code)
            .map(|v| crate::view::outcome::verdict_word(lang, v).to_string()),
        "kommun" if code == "shared" => Some(lang.t(Label::Shared).to_string()),
        _ => None,
    };
    found.unwrap_or_else(|| code.to_string())
}

/// The plain CSV's table as a person of `lang` reads it: headings in words, the state,
/// status and kind of work in words with their codes in columns of their own at the end,
/// the target in words (from a `target_text` column, when the CSV has one); in English the
/// table as it is.
fn localise(
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<String>>) {
    if lang == Lang::En {
        return (header, rows);
    }
    enum From {
        Col(usize),
        Word(usize),
    }
    let pos = |k: &str| header.iter().position(|h| h == k);
    let mut cols: Vec<(String, From)> = Vec::new();
    let mut codes: Vec<(String, From)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if h.ends_with("_text") && pos(h.trim_end_matches("_text")).is_some() {
            continue;
        }
        let words = pos(&format!("{h}_text"));
        if CODED.contains(&h.as_str()) {
            let code = match h.as_str() {
                "verdict" => Msg::ExportColumn("verdict_code").say(lang),
                _ => lang.code_column(h),
            };
            codes.push((code, From::Col(i)));
        }
        let from = match words {
            Some(w) => From::Col(w),
            None if CODED.contains(&h.as_str()) || h == "kommun" => From::Word(i),
            None => From::Col(i),
        };
        let heading = match h.as_str() {
            "value" | "verdict" | "source" => Msg::ExportColumn(h).say(lang),
            _ => lang.column(h),
        };
        cols.push((heading, from));
    }
    cols.extend(codes);
    let rows = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|(_, from)| match from {
                    From::Col(c) => r.get(*c).cloned().unwrap_or_default(),
                    From::Word(c) => {
                        let v = r.get(*c).map_or("", String::as_str);
                        word(&header[*c], v, lang)
                    }
                })
                .collect()
        })
        .collect();
    (cols.into_iter().map(|(h, _)| h).collect(), rows)
}

/// A parsed plain CSV: the header and the rows.
fn parse(csv_text: &str) -> Result<(Vec<String>, Vec<Vec<String>>)> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let header = r.headers()?.iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.map(|r| r.iter().map(String::from).collect()))
        .collect::<Result<_, _>>()?;
    Ok((header, rows))
}

/// The text of a cell without the `'` the plain CSV puts before text a spreadsheet would
/// run as a formula: an xlsx text cell is never a formula.
fn plain_text(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    (s.len() == 10).then(|| s.parse().ok()).flatten()
}

/// How a column is typed: by its name for codes, else by every non-empty value it holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    Date,
}

/// A number as the plain CSV writes one: digits, a leading `-`, a decimal point.
fn is_number(v: &str) -> bool {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let mut halves = digits.splitn(2, '.');
    let whole = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    halves.next().is_some_and(whole) && halves.next().is_none_or(whole)
}

fn kinds(header: &[String], rows: &[Vec<String>]) -> Vec<Kind> {
    (0..header.len())
        .map(|c| {
            let values = || {
                rows.iter()
                    .filter_map(|r| r.get(c))
                    .filter(|v| !v.is_empty())
            };
            if is_code_column(&header[c]) || values().next().is_none() {
                Kind::Text
            } else if values().all(|v| is_number(v)) {
                Kind::Number
            } else if values().all(|v| date(v).is_some()) {
                Kind::Date
            } else {
                Kind::Text
            }
        })
        .collect()
}

/// An xlsx workbook of one sheet named `sheet` from plain CSV text, for a reader of `lang`.
pub fn xlsx_from_csv(csv_text: &str, sheet: &str, lang: Lang) -> Result<Vec<u8>> {
    let (header, rows) = parse(csv_text)?;
    let (header, rows) = localise(header, rows, lang);
    let kinds = kinds(&header, &rows);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let col = c as u16;
            match (kinds[c], v.as_str()) {
                (_, "") => {}
                (Kind::Number, v) => {
                    ws.write_number(r, col, v.parse::<f64>().context("a number")?)?;
                }
                (Kind::Date, v) => {
                    let d = ExcelDateTime::parse_from_str(v)?;
                    ws.write_datetime_with_format(r, col, &d, &day)?;
                }
                (Kind::Text, v) => {
                    ws.write_string(r, col, plain_text(v))?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofit();
    Ok(book.save_to_buffer()?)
}

/// The plain CSV as Swedish Excel opens it by double-click: a UTF-8 BOM, `;` between cells,
/// CRLF line ends, and code columns as `="0764"` (a quoted "0764" alone would still lose its
/// zero).
pub fn excel_csv(csv_text: &str, lang: Lang) -> Result<String> {
    let (header, rows) = parse(csv_text)?;
    let (header, rows) = localise(header, rows, lang);
    let kinds = kinds(&header, &rows);
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(&header)?;
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&header)
            .zip(&kinds)
            .map(|((v, h), kind)| {
                let code = is_code_column(h) && !v.is_empty();
                if code && v.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
                    format!("=\"{v}\"")
                } else if *kind == Kind::Number {
                    // Swedish Excel reads a decimal comma; "3.5" would become a date or text.
                    v.replace('.', ",")
                } else {
                    v.clone()
                }
            })
            .collect();
        w.write_record(&cells)?;
    }
    let bytes = w.into_inner().context("writing CSV into memory")?;
    Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "kommuner,kommunkod,start,done,note\n\
                         Alvesta,0764,2017-01-01,3,'-2 grader\n\
                         Filipstad,1782,2016-01-01,,\"a;b\"\n";

    #[test]
    fn excel_csv_has_a_bom_semicolons_and_codes_kept_as_text() {
        let out = excel_csv(PLAIN, Lang::En).unwrap();
        assert_eq!(
            out,
            "\u{feff}kommuner;kommunkod;start;done;note\r\n\
             Alvesta;\"=\"\"0764\"\"\";2017-01-01;3;'-2 grader\r\n\
             Filipstad;\"=\"\"1782\"\"\";2016-01-01;;\"a;b\"\r\n"
        );
    }

    #[test]
    fn columns_are_typed_by_their_values() {
        let (h, rows) = parse(PLAIN).unwrap();
        let k = kinds(&h, &rows);
        assert!(k == [Kind::Text, Kind::Text, Kind::Date, Kind::Number, Kind::Text]);
        assert_eq!(plain_text("'-2 grader"), "-2 grader");
        assert_eq!(plain_text("'quoted'"), "'quoted'");
        assert!(
            xlsx_from_csv(PLAIN, "Status", Lang::Sv)
                .unwrap()
                .starts_with(b"PK")
        );
    }
}
