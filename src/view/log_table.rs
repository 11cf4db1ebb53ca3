//! The terminal's `log` table. Its rows are made as the files are read (each row's safe
//! cells with their widths, [`log_row`]) and laid out at the end as comfy-table lays out the
//! same cells ([`write_log_rows`]), so the log streams. Pure.

use unicode_width::UnicodeWidthStr;

use crate::model::{LogEntry, Pledge};
use crate::view::LogLine;
use crate::view::entries::{push_date, push_num};
use crate::view::i18n::Lang;
use crate::view::messages::Label;
use crate::view::table::{cell, table_fit};

/// The header of `log`.
fn log_headers(lang: Lang) -> [&'static str; 6] {
    [
        Label::Date,
        Label::Kommun,
        Label::Activity,
        Label::Count,
        Label::By,
        Label::Note,
    ]
    .map(|h| lang.t(h))
}

/// A row [`log_row`] appended: where its cells end (counted from the first cell's start)
/// and how wide they are, six little-endian `u32` each, then the cells.
const ROW_HEAD: usize = 48;

/// Each cell of a row [`log_row`] appended, with its width.
fn row_cells(row: &[u8]) -> impl Iterator<Item = (&[u8], usize)> {
    let (head, cells) = row.split_at(ROW_HEAD.min(row.len()));
    let n = |i: usize| {
        head.get(4 * i..4 * i + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    (0..6).map(move |i| {
        let start = if i == 0 { 0 } else { n(i - 1) };
        (cells.get(start..n(i)).unwrap_or_default(), n(6 + i))
    })
}

/// Appends a `log` row: its cells, each made safe (see [`cell`]), after where they end and
/// how wide they are; returns their widths.
pub fn log_row(buf: &mut Vec<u8>, l: &LogLine<'_>, lang: Lang) -> [u32; 6] {
    let head = buf.len();
    buf.resize(head + ROW_HEAD, 0);
    let mut ends = [0u32; 6];
    let mut widths = [0u32; 6];
    let row = buf.len();
    let mut start = row;
    let mut end_cell = |buf: &mut Vec<u8>, i: usize, ascii: bool| {
        let c = &buf[start..];
        widths[i] = if ascii {
            c.len()
        } else {
            std::str::from_utf8(c).map_or(0, UnicodeWidthStr::width)
        } as u32;
        start = buf.len();
        ends[i] = (start - row) as u32;
    };
    push_date(buf, l.date);
    end_cell(buf, 0, true);
    // Whose work: the kommun's own on a shared löfte, else "shared"; one kommun's löfte: its name.
    let ascii = match (l.kommun, l.kommuner) {
        (Some(k), _) | (None, &[k]) => push_cell(buf, k.name),
        (None, [_, _, ..]) => push_cell(buf, lang.t(Label::Shared)),
        (None, []) => true,
    };
    end_cell(buf, 1, ascii);
    let mut activity = lang.activity_id(l.activity).to_string();
    for w in l.part.iter().chain(&l.unit) {
        activity.push_str(" · ");
        activity.push_str(w);
    }
    if l.request {
        activity.push_str(" · ");
        activity.push_str(lang.t(Label::KindRequest));
    }
    let ascii = push_cell(buf, &activity);
    end_cell(buf, 2, ascii);
    push_num(buf, l.count.into());
    end_cell(buf, 3, true);
    let ascii = push_cell(buf, l.by.unwrap_or(""));
    end_cell(buf, 4, ascii);
    let ascii = push_cell(buf, l.note.unwrap_or(""));
    end_cell(buf, 5, ascii);
    for (i, n) in ends.iter().chain(&widths).enumerate() {
        buf[head + 4 * i..head + 4 * i + 4].copy_from_slice(&n.to_le_bytes());
    }
    widths
}

/// Appends [`cell`] of `s`; true when it is printable ASCII (one column a byte), which is
/// kept as it is.
fn push_cell(buf: &mut Vec<u8>, s: &str) -> bool {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        buf.extend_from_slice(s.as_bytes());
        return true;
    }
    buf.extend_from_slice(cell(s).as_bytes());
    false
}

/// `log` on a terminal: one row per entry.
pub fn log_table(entries: &[(&Pledge, &LogEntry)], lang: Lang, width: Option<usize>) -> String {
    let mut out = Vec::new();
    let lines = || entries.iter().map(|(p, e)| LogLine::of(p, e));
    write_log_table(&mut out, lines, lang, width).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("the table is UTF-8")
}

/// Writes `log` as a table, the entries given by `lines`.
pub fn write_log_table<'a, I: Iterator<Item = LogLine<'a>>>(
    w: impl std::io::Write,
    lines: impl Fn() -> I,
    lang: Lang,
    width: Option<usize>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut widest = [0; 6];
    let starts: Vec<usize> = lines()
        .map(|l| {
            let start = buf.len();
            let wd = log_row(&mut buf, &l, lang);
            widest = std::array::from_fn(|i| widest[i].max(wd[i]));
            start
        })
        .collect();
    let ends = starts.iter().skip(1).copied().chain([buf.len()]);
    let rows = starts.iter().zip(ends).map(|(&s, e)| &buf[s..e]);
    write_log_rows(w, rows, widest, lang, width, false)
}

/// Writes `log` as a table from rows [`log_row`] appended, as wide as the widest cell of
/// each column (`widest`, from the widths `log_row` returned). Without a width (a pipe or a
/// file) it writes row by row the same bytes comfy-table lays out, without holding the rows;
/// with a width comfy-table wraps the cells, which takes every row at once, and no word is
/// split (the count, who and the kommun go first when the words do not fit). When
/// `numbered`, a first column `#` numbers the entries as `undo --index` counts them.
pub fn write_log_rows<'r>(
    mut w: impl std::io::Write,
    rows: impl Iterator<Item = &'r [u8]>,
    widest: [u32; 6],
    lang: Lang,
    width: Option<usize>,
    numbered: bool,
) -> std::io::Result<()> {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        return writeln!(w, "{}", lang.t(Label::NoEntries));
    }
    let mut headers = log_headers(lang).to_vec();
    if numbered {
        headers.insert(0, "#");
    }
    if width.is_some() {
        let text = |(c, _): (&[u8], usize)| String::from_utf8_lossy(c).into_owned();
        let body = rows
            .enumerate()
            .map(|(i, r)| {
                let number = numbered.then(|| (i + 1).to_string());
                number.into_iter().chain(row_cells(r).map(text)).collect()
            })
            .collect();
        // One kommun's numbered log names its kommun on every row: that goes first.
        let drop = if numbered { [2, 5, 4] } else { [4, 3, 1] };
        return writeln!(w, "{}", table_fit(&headers, body, width, &drop));
    }
    let mut widths: Vec<usize> = (0..6)
        .map(|i| {
            headers[i + usize::from(numbered)]
                .width()
                .max(widest[i] as usize)
        })
        .collect();
    // Only a numbered log (one kommun's) is held, to know how wide its numbers are.
    let held: Vec<&[u8]>;
    let mut count = 0usize;
    let rows: Box<dyn Iterator<Item = &[u8]>> = if numbered {
        held = rows.collect();
        count = held.len();
        widths.insert(0, count.to_string().len());
        Box::new(held.iter().copied())
    } else {
        Box::new(rows)
    };
    let rule = |w: &mut dyn std::io::Write, [l, fill, mid, r]: [&str; 4]| {
        let parts: Vec<String> = widths.iter().map(|n| fill.repeat(n + 2)).collect();
        writeln!(w, "{l}{}{r}", parts.join(mid))
    };
    let mut line = Vec::with_capacity(256);
    rule(&mut w, ["┌", "─", "┬", "┐"])?;
    let header = headers.iter().map(|h| (h.as_bytes(), h.width()));
    log_line(&mut line, header, &widths);
    w.write_all(&line)?;
    line.clear();
    rule(&mut w, ["╞", "═", "╪", "╡"])?;
    let mut number = String::new();
    for (i, r) in rows.enumerate() {
        if count > 0 {
            number = (i + 1).to_string();
        }
        let first = (count > 0).then_some((number.as_bytes(), number.len()));
        log_line(&mut line, first.into_iter().chain(row_cells(r)), &widths);
        if line.len() >= 1 << 14 {
            w.write_all(&line)?;
            line.clear();
        }
    }
    w.write_all(&line)?;
    rule(&mut w, ["└", "─", "┴", "┘"])
}

/// Appends a line of the log table: each cell padded to its column's width.
fn log_line<'c>(
    line: &mut Vec<u8>,
    cells: impl Iterator<Item = (&'c [u8], usize)>,
    widths: &[usize],
) {
    line.extend_from_slice("│".as_bytes());
    let last = widths.len() - 1;
    for (i, ((c, n), max)) in cells.zip(widths).enumerate() {
        line.push(b' ');
        line.extend_from_slice(c);
        line.resize(line.len() + (max - n) + 1, b' ');
        line.extend_from_slice(if i == last { "│" } else { "┆" }.as_bytes());
    }
    line.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells of a `log` row, as they were made before [`log_row`].
    fn log_cells(l: &LogLine<'_>, lang: Lang) -> [String; 6] {
        // Whose work: the kommun's own on a shared löfte, else "shared"; one kommun's löfte: its name.
        let kommun = match (l.kommun, l.kommuner.len() > 1) {
            (Some(k), _) => k.name.to_string(),
            (None, true) => lang.t(Label::Shared).into(),
            (None, false) => l.kommun_names(),
        };
        let mut activity = lang.activity_id(l.activity).to_string();
        for w in l.part.iter().chain(&l.unit) {
            activity.push_str(" · ");
            activity.push_str(w);
        }
        if l.request {
            activity.push_str(" · ");
            activity.push_str(lang.t(Label::KindRequest));
        }
        [
            l.date.to_string(),
            cell(&kommun),
            cell(&activity),
            l.count.to_string(),
            cell(l.by.unwrap_or("")),
            cell(l.note.unwrap_or("")),
        ]
    }

    #[test]
    fn the_streamed_log_table_is_the_one_comfy_table_lays_out() {
        let k = [crate::kommuner::find("Filipstad").unwrap()];
        let line = |activity, by: Option<&'static str>, note| LogLine {
            file: "f.toml",
            kommuner: &k,
            date: "2016-02-01".parse().unwrap(),
            activity,
            part: None,
            unit: None,
            kommun: None,
            request: false,
            count: 12,
            by,
            note,
            index: None,
        };
        let two = [k[0], crate::kommuner::find("Kil").unwrap()];
        let lines = [
            line("a", Some("Åsa Öberg"), Some("日本語 and e\u{301} 🎉")),
            line("längre-aktivitet", None, Some("two\nlines\tand \u{1b}[31m")),
            line("b", Some(""), None),
            LogLine {
                kommuner: &two,
                part: Some("Södra \u{200b}skolan"),
                unit: Some("klass 1"),
                request: true,
                ..line(
                    "c",
                    None,
                    Some("plain words that are long enough to wrap somewhere"),
                )
            },
            LogLine {
                kommuner: &two,
                kommun: Some(two[1]),
                ..line("d", Some("x"), None)
            },
            LogLine {
                kommuner: &[],
                ..line("e", Some("x"), None)
            },
        ];
        for (lang, width) in [(Lang::En, None), (Lang::Sv, None), (Lang::Sv, Some(60))] {
            let body = lines.iter().map(|l| log_cells(l, lang).to_vec()).collect();
            // With a width the log keeps words whole, the by, count and kommun going first.
            let want = format!(
                "{}\n",
                table_fit(&log_headers(lang), body, width, &[4, 3, 1])
            );
            let mut got = Vec::new();
            write_log_table(&mut got, || lines.iter().copied(), lang, width).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want);
        }
    }

    #[test]
    fn an_empty_log_says_so() {
        assert_eq!(log_table(&[], Lang::En, None), "no entries\n");
    }
}
