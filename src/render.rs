//! Output helpers shared by every command: tables, CSV, Markdown cells and HTML escaping.
//! Every text from a pledge file passes through here, so none of it can attack a terminal,
//! a spreadsheet or a browser.

use std::io::IsTerminal;

use comfy_table::{ContentArrangement, Table, presets};

/// A table in our style: on a terminal (or with `COLUMNS` set) long cells wrap to its width;
/// into a pipe or a file, lines are never wrapped, so the output does not depend on where it
/// runs.
pub fn new_table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(headers.iter().copied());
    match std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
    {
        Some(cols) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(cols.max(40));
        }
        None if std::io::stdout().is_terminal() => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
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
            col.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

/// A plain table of text cells (made safe by the caller via [`cell`]); the first column
/// is kept whole.
pub fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = new_table(headers);
    keep_whole(&mut t, &[0]);
    for r in rows {
        t.add_row(r);
    }
    t.to_string()
}

/// Text from a file, made safe for a terminal cell (no control characters, one line).
pub fn cell(s: &str) -> String {
    crate::text::safe(s, false)
}

/// One CSV record (RFC 4180 quoting). Cells that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`.
pub fn csv_record(cells: &[String]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let neutral = match c.chars().next() {
            Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_plain_number(c) => format!("'{c}"),
            _ => c.clone(),
        };
        if neutral.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&neutral.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&neutral);
        }
    }
    out.push('\n');
    out
}

/// A negative number such as "-3" is data, not a formula.
fn is_plain_number(s: &str) -> bool {
    s.strip_prefix('-')
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// Escapes text for HTML element content and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push_str("&#xfffd;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown table cell or paragraph: safe for a terminal, pipes and markup
/// characters escaped so text cannot break the table or inject HTML.
pub fn md(s: &str) -> String {
    let safe = crate::text::safe(s, false);
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        let rec = csv_record(&[
            "=HYPERLINK(\"x\")".into(),
            "a,b".into(),
            "-3".into(),
            "@SUM".into(),
        ]);
        assert_eq!(rec, "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",-3,'@SUM\n");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(html("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn markdown_escapes_table_breakers() {
        assert_eq!(md("a|b <i>"), "a\\|b \\<i\\>");
    }
}
