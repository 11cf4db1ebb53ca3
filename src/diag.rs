//! Diagnostics that point at the line: `path:line:col: error: message`, the source line, a
//! marker under the offending key or value, and a hint where one exists.

use std::fmt::Write as _;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Byte range in the (BOM-stripped) source; None for problems of the whole file.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(span: impl Into<Option<Range<usize>>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: span.into(),
            message: message.into(),
            hint: None,
        }
    }
    pub fn warning(span: impl Into<Option<Range<usize>>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }
    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The most characters of a source line shown in a snippet.
const SNIPPET: usize = 100;

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset.min(src.len()));
    let before = &src[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = src[line_start..offset].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Renders one diagnostic in the `path:line:col: severity: message` form with the source
/// line and a marker beneath it.
pub fn render(path: &str, src: &str, d: &Diagnostic) -> String {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = String::new();
    let message = crate::text::safe(&d.message, false);
    let mut width = 1;
    match &d.span {
        Some(span) => {
            let (line, col) = line_col(src, span.start);
            let _ = writeln!(out, "{path}:{line}:{col}: {sev}: {message}");
            let line_start = floor_char_boundary(src, span.start.min(src.len()));
            let line_start = src[..line_start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = src[line_start..]
                .find('\n')
                .map_or(src.len(), |i| line_start + i);
            let text = src[line_start..line_end].trim_end_matches('\r');
            let end = span
                .end
                .clamp(span.start, (line_start + text.len()).max(span.start));
            let marker_len = src
                .get(
                    floor_char_boundary(src, span.start.min(src.len()))
                        ..floor_char_boundary(src, end),
                )
                .map_or(1, |s| s.chars().count())
                .clamp(1, SNIPPET);
            // A long line is shown as a window around the marker.
            let chars: Vec<char> = text.chars().collect();
            let from = (col - 1).saturating_sub(SNIPPET / 2).min(chars.len());
            let to = (from + SNIPPET).min(chars.len());
            let mut shown = crate::text::safe(&chars[from..to].iter().collect::<String>(), false);
            let mut indent = col - 1 - from;
            if from > 0 {
                shown.insert(0, '…');
                indent += 1;
            }
            if to < chars.len() {
                shown.push('…');
            }
            width = line.to_string().len();
            let _ = writeln!(out, "{:width$} |", "");
            let _ = writeln!(out, "{line:width$} | {shown}");
            let _ = writeln!(
                out,
                "{:width$} | {}{}",
                "",
                " ".repeat(indent),
                "^".repeat(marker_len)
            );
        }
        // A problem of the whole file: reported at its start, without a snippet.
        None => {
            let _ = writeln!(out, "{path}:1:1: {sev}: {message}");
        }
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(
            out,
            "{:width$} = hint: {}",
            "",
            crate::text::safe(hint, false)
        );
    }
    out
}

/// The one-line form without the snippet, for `check` and for scripts.
pub fn one_line(path: &str, src: &str, d: &Diagnostic) -> String {
    render(path, src, d)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let src = "a = 1\nöö = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, 6 + "öö ".len()), (2, 4));
    }

    #[test]
    fn long_lines_are_shown_as_a_window() {
        let src = format!("note = \"{}\" x = 1\n", "a".repeat(5000));
        let at = src.find(" x").unwrap() + 1;
        let out = render("f.toml", &src, &Diagnostic::error(at..at + 1, "here"));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[2].chars().count() < 120, "{}", lines[2]);
        assert!(lines[2].starts_with("1 | …aaa"));
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        assert_eq!(lines[2].chars().nth(caret), Some('x'));
    }

    #[test]
    fn render_marks_the_span() {
        let src = "title = \"x\"\nperod = 1\n";
        let d = Diagnostic::error(12..17, "unknown key `perod`")
            .with_hint(Some("did you mean `period`?".into()));
        assert_eq!(
            render("f.toml", src, &d),
            "f.toml:2:1: error: unknown key `perod`\n  |\n2 | perod = 1\n  | ^^^^^\n  = hint: did you mean `period`?\n"
        );
    }
}
