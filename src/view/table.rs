//! Terminal tables (comfy-table). Pure: the caller says how wide the terminal is and whether
//! to colour; nothing here reads the environment or the terminal.

use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use chrono::NaiveDate;

use crate::model::Pledge;
use crate::rules::status::{PledgeStatus, Status};
use crate::view::compact::{compact_rows, wrap};
use crate::view::i18n::Lang;
use crate::view::legend::legend_line;
use crate::view::messages::Label;
use crate::view::phrases::{followup_line, heading, period_line, status_headers};
use crate::view::phrases::{lan_names, status_rows, summary_line};

/// A table in our style. With a width (a terminal, or `COLUMNS` set) long cells wrap to it;
/// without (a pipe or a file) lines are never wrapped, so the output does not depend on where
/// it runs.
pub fn new_table(headers: &[&str], width: Option<usize>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(headers.iter().copied());
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

/// Keeps these columns whole (ids, dates, status words); only the others wrap.
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &c in columns {
        if let Some(col) = t.column_mut(c) {
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// A plain table of text cells (made safe by the caller via [`cell`]); the first column
/// is kept whole.
pub fn table(headers: &[&str], rows: Vec<Vec<String>>, width: Option<usize>) -> String {
    table_fit(headers, rows, width, &[])
}

/// A plain table (see [`table`]) that never splits a word: with a width, every column is at
/// least as wide as its longest word (the first column as its longest cell), and while that
/// is wider than the width the columns in `drop` go, in that order (indexes into `headers`).
pub fn table_fit(
    headers: &[&str],
    mut rows: Vec<Vec<String>>,
    width: Option<usize>,
    drop: &[usize],
) -> String {
    let Some(w) = width else {
        let mut t = new_table(headers, None);
        keep_whole(&mut t, &[0]);
        for r in rows {
            t.add_row(r);
        }
        return t.to_string();
    };
    let longest_word = |s: &str| s.split_whitespace().map(|w| w.width()).max().unwrap_or(0);
    let least = |c: usize| {
        let of = |s: &str| if c == 0 { s.width() } else { longest_word(s) };
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| of(s))
            .chain([of(headers[c])])
            .max()
            .unwrap_or(0)
    };
    let mut keep: Vec<usize> = (0..headers.len()).collect();
    let total = |keep: &[usize]| keep.iter().map(|&c| least(c) + 3).sum::<usize>() + 1;
    for c in drop {
        if total(&keep) <= w {
            break;
        }
        keep.retain(|k| k != c);
    }
    let heads: Vec<&str> = keep.iter().map(|&c| headers[c]).collect();
    let mut t = new_table(&heads, Some(w));
    let leasts: Vec<usize> = keep.iter().map(|&c| least(c)).collect();
    for r in &mut rows {
        let cells: Vec<String> = keep
            .iter()
            .map(|&c| r.get_mut(c).map(std::mem::take).unwrap_or_default())
            .collect();
        t.add_row(cells);
    }
    for (i, n) in leasts.into_iter().enumerate() {
        if let Some(col) = t.column_mut(i) {
            let n = u16::try_from(n + 2).unwrap_or(u16::MAX);
            col.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
                n,
            )));
        }
    }
    t.to_string()
}

/// Text from a file, made safe for a terminal cell (no control characters, one line).
pub fn cell(s: &str) -> String {
    crate::text::safe(s, false)
}

/// The colour of a status word.
fn colour(st: Status) -> Color {
    match st {
        Status::Met | Status::Ongoing => Color::Green,
        Status::OnTrack | Status::Upcoming | Status::NothingDue | Status::NothingRecorded => {
            Color::Cyan
        }
        Status::Behind | Status::PartlyMet => Color::Yellow,
        Status::Missed | Status::NoReports => Color::Red,
    }
}

/// The status table of one löfte with the given columns (indexes into a status row).
fn status_grid(s: &PledgeStatus<'_>, lang: Lang, color: bool, columns: &[usize]) -> Table {
    let headers = status_headers(lang);
    let headers: Vec<&str> = columns.iter().map(|&c| headers[c]).collect();
    let mut t = new_table(&headers, None);
    // comfy-table colours only what it is told to (it does not read NO_COLOR): the caller
    // decides, and the table measures the words without their escape codes.
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    for (row, status) in status_rows(s, lang, 6) {
        let mut cells: Vec<Cell> = columns.iter().map(|&c| Cell::new(&row[c])).collect();
        if color {
            let last = cells.pop().expect("a status cell").fg(colour(status));
            cells.push(last);
        }
        t.add_row(cells);
    }
    t
}

/// The width of a table drawn without wrapping.
fn natural_width(t: &Table) -> usize {
    t.lines().next().map_or(0, |l| l.chars().count())
}

/// The terminal view of one löfte. Without a width, the whole table (never wrapped); with
/// one, the whole table where it fits, else without the owners, else one line per activity
/// ([`compact_rows`]); the lines around it wrap between words.
pub fn status_table(s: &PledgeStatus<'_>, lang: Lang, color: bool, width: Option<usize>) -> String {
    status_table_as(s, lang, color, width, layout(s, lang, width))
}

/// How a löfte's activities are laid out in a width: the whole table, the table without
/// owners, or one line per activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layout {
    Full,
    Narrow,
    Compact,
}

/// The widest layout of [`Layout`] that fits the width.
fn layout(s: &PledgeStatus<'_>, lang: Lang, width: Option<usize>) -> Layout {
    let Some(w) = width else {
        return Layout::Full;
    };
    if natural_width(&status_grid(s, lang, false, &[0, 1, 2, 3, 4, 5])) <= w {
        Layout::Full
    } else if natural_width(&status_grid(s, lang, false, &[0, 2, 3, 4, 5])) <= w {
        Layout::Narrow
    } else {
        Layout::Compact
    }
}

fn status_table_as(
    s: &PledgeStatus<'_>,
    lang: Lang,
    color: bool,
    width: Option<usize>,
    layout: Layout,
) -> String {
    let body = match (layout, width) {
        (Layout::Compact, Some(w)) => compact_rows(s, lang, color, w).trim_end().to_string(),
        (Layout::Narrow, _) => status_grid(s, lang, color, &[0, 2, 3, 4, 5]).to_string(),
        _ => status_grid(s, lang, color, &[0, 1, 2, 3, 4, 5]).to_string(),
    };
    let line = |text: String| match width {
        Some(w) => wrap(&text, w, 2),
        None => text,
    };
    let mut out = format!(
        "{}\n{}\n{body}\n{}\n{}\n",
        line(heading(s)),
        line(period_line(s, lang)),
        line(followup_line(s, lang)),
        line(summary_line(s, lang))
    );
    if let Some(legend) = legend_line(s, lang) {
        out.push_str(&line(legend));
        out.push('\n');
    }
    let block = crate::view::outcome::status_block(s, lang);
    match width {
        Some(w) => {
            for l in block.lines() {
                out.push_str(&wrap(l, w, 2));
                out.push('\n');
            }
        }
        None => out.push_str(&block),
    }
    out
}

/// `status` on a terminal: one table per löfte, with a heading per län when `by_lan` (for
/// `--all`), or a line saying that nothing matched.
pub fn status_tables(
    statuses: &[PledgeStatus<'_>],
    by_lan: bool,
    lang: Lang,
    color: bool,
    width: Option<usize>,
) -> String {
    if statuses.is_empty() {
        return format!("{}\n", lang.t(Label::NoLoftenMatch));
    }
    // One layout for every löfte: the narrowest any of them needs.
    let layout = statuses
        .iter()
        .map(|s| layout(s, lang, width))
        .max()
        .unwrap_or(Layout::Full);
    let mut lan = "";
    let mut parts = Vec::new();
    for s in statuses {
        let mut part = String::new();
        let this_lan = s.pledge.kommuner[0].lan;
        if by_lan && this_lan != lan {
            lan = this_lan;
            part.push_str(&format!("━━ {this_lan} ━━\n\n"));
        }
        part.push_str(&status_table_as(s, lang, color, width, layout));
        parts.push(part);
    }
    parts.join("\n")
}

/// `list` on a terminal: one row per löfte with its state on `on`.
pub fn list_table(pledges: &[&Pledge], on: NaiveDate, lang: Lang, width: Option<usize>) -> String {
    if pledges.is_empty() {
        return format!("{}\n", lang.t(Label::NoLoftenMatch));
    }
    let body = pledges
        .iter()
        .map(|p| {
            let mut kommun = p.kommun_names();
            if let Some(area) = &p.area {
                kommun.push_str(&format!(" ({area})"));
            }
            let plus = if p.period.until_replaced { " (+)" } else { "" };
            vec![
                cell(&kommun),
                p.kommunkoder(),
                lan_names(p),
                cell(p.lokalpolisomrade.as_deref().unwrap_or("–")),
                if p.period.start_stated {
                    format!("{} – {}{plus}", p.period_on(on).start, p.period.end)
                } else {
                    // The first work is not the löfte's start: say the start is not stated.
                    format!("{} – {}{plus}", lang.t(Label::StartNotStated), p.period.end)
                },
                lang.state(p.state(on)).into(),
                p.activities.len().to_string(),
            ]
        })
        .collect();
    let headers = [
        Label::Kommun,
        Label::Kod,
        Label::Lan,
        Label::Lokalpolisomrade,
        Label::Period,
        Label::State,
        Label::Activities,
    ]
    .map(|h| lang.t(h));
    let mut out = format!("{}\n", table(&headers, body, width));
    if pledges.iter().any(|p| p.period.until_replaced) {
        out.push_str(&format!("(+) {}\n", lang.t(Label::InForceUntilReplaced)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_width_lines_never_wrap_and_with_one_they_do() {
        let long = "word ".repeat(30);
        let rows = vec![vec!["id".to_string(), long.trim().to_string()]];
        let wide = table(&["A", "B"], rows.clone(), None);
        assert_eq!(wide.lines().count(), 5, "{wide}");
        let narrow = table(&["A", "B"], rows, Some(40));
        assert!(narrow.lines().count() > 5, "{narrow}");
        assert!(narrow.lines().all(|l| l.chars().count() <= 40), "{narrow}");
    }

    fn pledge(until_replaced: bool) -> Pledge {
        let text = format!(
            "title = \"T\"\nkommun = \"Filipstad\"\narea = \"centrum\"\n[period]\n\
             start = 2016-01-01\nend = 2016-12-31\nuntil_replaced = {until_replaced}\n\
             [problem]\ntext = \"P\"\n[[activity]]\nid = \"a\"\ntext = \"A\"\n\
             owners = [\"polisen\"]\n"
        );
        let d = "2030-01-01".parse().unwrap();
        crate::load::load("t.toml", &text, d).pledge.unwrap()
    }

    #[test]
    fn empty_tables_say_so_in_the_language() {
        let on = "2016-06-01".parse().unwrap();
        assert_eq!(
            list_table(&[], on, Lang::Sv, None),
            "inga löften passar urvalet\n"
        );
        assert_eq!(
            status_tables(&[], true, Lang::En, false, None),
            "no löften match\n"
        );
    }

    #[test]
    fn a_loefte_in_force_until_replaced_is_marked_and_explained() {
        let on = "2017-02-01".parse().unwrap();
        let (kept, plain) = (pledge(true), pledge(false));
        let out = list_table(&[&kept], on, Lang::En, None);
        assert!(out.contains("Filipstad (centrum)"), "{out}");
        assert!(out.contains("2016-01-01 – 2016-12-31 (+)"), "{out}");
        assert!(out.ends_with("\n(+) in force until replaced\n"), "{out}");
        let out = list_table(&[&plain], on, Lang::Sv, None);
        assert!(out.contains("avslutat") && !out.contains("(+)"), "{out}");
    }

    #[test]
    fn all_loeften_are_headed_by_their_laen() {
        let p = pledge(false);
        let s = crate::rules::status::pledge_status(&p, "2016-06-01".parse().unwrap());
        let statuses = [s.clone(), s];
        let out = status_tables(&statuses, true, Lang::En, false, None);
        assert_eq!(out.matches("━━ Värmlands län ━━\n\n").count(), 1, "{out}");
        assert!(out.starts_with("━━ Värmlands län ━━\n\nFilipstad (1782), centrum · T\n"));
        let out = status_tables(&statuses, false, Lang::En, false, None);
        assert!(!out.contains("━━"), "{out}");
    }
}
