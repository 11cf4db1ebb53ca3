//! Diagnostics that point at the line: `path:line:col: error: message`, the source line, a
//! marker under the offending key or value, and a hint where one exists.

use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::load::says::Says;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Byte range in the (BOM-stripped) source; None for problems of the whole file.
    pub span: Option<Range<usize>>,
    /// What is wrong, as typed data; the view's word store says it in the reader's language.
    /// (Boxed, as is the hint: a diagnostic stays small however much a message carries.)
    pub message: Box<Says>,
    pub hint: Option<Box<Says>>,
}

impl Diagnostic {
    pub fn error(span: impl Into<Option<Range<usize>>>, message: Says) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: span.into(),
            message: Box::new(message),
            hint: None,
        }
    }
    pub fn warning(span: impl Into<Option<Range<usize>>>, message: Says) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }
    pub fn with_hint(mut self, hint: Option<Says>) -> Self {
        self.hint = hint.map(Box::new);
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

/// The words of a diagnostic in the reader's language (the view's word store gives them):
/// the severity words, the name of the hint line, and what each message says.
pub struct Words<'a> {
    pub error: &'a str,
    pub warning: &'a str,
    pub hint: &'a str,
    pub say: &'a dyn Fn(&Says) -> String,
}

/// Renders one diagnostic in the `path:line:col: severity: message` form with the source
/// line and a marker beneath it (drawn by annotate-snippets, so it stands right under wide
/// characters), then the hint, in the words given. Lines never wrap.
pub fn render_in(path: &str, src: &str, d: &Diagnostic, words: &Words<'_>) -> String {
    render_at(path, src, d, words, None)
}

/// [`render_in`] for a terminal `width` columns wide (None: lines never wrap): the message
/// and the hint wrap between words (never inside one), continuation lines indented, and a
/// long source line is shown as a window that fits.
pub fn render_at(
    path: &str,
    src: &str,
    d: &Diagnostic,
    words: &Words<'_>,
    width: Option<usize>,
) -> String {
    let out = render_lines(path, src, d, words, width);
    let Some(width) = width else {
        return out;
    };
    let mut wrapped = String::with_capacity(out.len());
    for (i, l) in out.lines().enumerate() {
        let hint_at = l
            .trim_start()
            .starts_with("= ")
            .then(|| l.find(": ").map(|at| at + 2))
            .flatten();
        let indent = match (i, hint_at) {
            (0, _) => Some(4),
            (_, Some(at)) => Some(at),
            // The source line and its marker: a window that fits.
            _ => None,
        };
        match indent {
            Some(indent) => wrapped.push_str(&wrap(l, width, indent)),
            None => wrapped.push_str(l),
        }
        wrapped.push('\n');
    }
    wrapped
}

/// `line` broken between words where it would pass `width` columns (by display width); the
/// spaces inside it stay, and continuation lines are indented by `indent` spaces. A word
/// longer than a line stays whole on a line of its own.
fn wrap(line: &str, width: usize, indent: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if line.width() <= width {
        return line.to_string();
    }
    let lead = line.len() - line.trim_start_matches(' ').len();
    let mut out = String::from(&line[..lead]);
    let mut col = lead;
    // Nothing on the line yet: a word too long for it stays here whole.
    let mut fresh = true;
    let mut rest = &line[lead..];
    while !rest.is_empty() {
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        let end = rest[word_start..]
            .find(' ')
            .map_or(rest.len(), |i| word_start + i);
        let (gap, word) = (&rest[..word_start], &rest[word_start..end]);
        let wide = word.width();
        if !fresh && col + gap.len() + wide > width && !word.is_empty() {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
            fresh = true;
        } else {
            out.push_str(gap);
            col += gap.len();
        }
        out.push_str(word);
        col += wide;
        fresh &= word.is_empty();
        rest = &rest[end..];
    }
    out
}

fn render_lines(
    path: &str,
    src: &str,
    d: &Diagnostic,
    words: &Words<'_>,
    width: Option<usize>,
) -> String {
    let (sev, level) = match d.severity {
        Severity::Error => (words.error, Level::ERROR),
        Severity::Warning => (words.warning, Level::WARNING),
    };
    let message = crate::text::safe(&(words.say)(&d.message), false);
    let hint = d
        .hint
        .as_ref()
        .map(|h| crate::text::safe(&(words.say)(h), false));
    let Some(span) = &d.span else {
        // A problem of the whole file: reported at its start, without a snippet.
        let mut out = format!("{path}:1:1: {sev}: {message}\n");
        if let Some(hint) = &hint {
            let _ = writeln!(out, "  = {}: {}", words.hint, hint);
        }
        return out;
    };
    let (line, col) = line_col(src, span.start);
    // The gutter (`12 | `) and the two `…` of a cut line beside the window.
    let window = width.map_or(SNIPPET, |w| {
        w.saturating_sub(line.to_string().len() + 5)
            .clamp(20, SNIPPET)
    });
    let shown = Shown::new(src, span, window, width.is_some());
    let mut group = Group::with_level(level).element(
        Snippet::source(&shown.text)
            .line_start(line)
            .fold(false)
            .annotation(AnnotationKind::Primary.span(shown.marker.clone())),
    );
    if let Some(hint) = &hint {
        group = group.element(Level::NOTE.with_name(words.hint).message(hint));
    }
    let snippet = Renderer::plain()
        .term_width(usize::MAX / 2)
        .render(&[group]);
    let mut out = format!("{path}:{line}:{col}: {sev}: {message}\n");
    // annotate-snippets sets the hint off with an empty gutter line; the hint follows the
    // marker directly, as it always has.
    let lines: Vec<&str> = snippet.lines().map(str::trim_end).collect();
    for (i, l) in lines.iter().enumerate() {
        let gutter_before_hint = l.trim() == "|"
            && lines
                .get(i + 1)
                .is_some_and(|next| next.trim_start().starts_with("= "));
        if !gutter_before_hint {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// The source line of a span as shown: control characters escaped, a long line cut to a
/// window around the marker; `marker` is the span's byte range in `text`.
struct Shown {
    text: String,
    marker: Range<usize>,
}

impl Shown {
    /// `fit`: a line that fits the window is shown whole (without it, as pledge always has
    /// for a pipe, a marker past the window's middle cuts the line's start).
    fn new(src: &str, span: &Range<usize>, window: usize, fit: bool) -> Shown {
        let start = floor_char_boundary(src, span.start.min(src.len()));
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[line_start..]
            .find('\n')
            .map_or(src.len(), |i| line_start + i);
        let line = src[line_start..line_end].trim_end_matches('\r');
        let end = floor_char_boundary(
            src,
            span.end.clamp(start, (line_start + line.len()).max(start)),
        );
        // Counted, not collected: a line may be megabytes long, and only a window is shown.
        let total = line.chars().count();
        let col = src[line_start..start].chars().count();
        let last_start = if fit {
            total.saturating_sub(window)
        } else {
            total
        };
        let from = col.saturating_sub(window / 2).min(last_start);
        let to = (from + window).min(total);
        let mut text = String::new();
        if from > 0 {
            text.push('…');
        }
        let (mut m_start, mut m_end) = (None, None);
        for (i, c) in line.char_indices().skip(from).take(to - from) {
            let at = line_start + i;
            if at == start {
                m_start = Some(text.len());
            }
            if at == end {
                m_end = Some(text.len());
            }
            text.push_str(&crate::text::safe(c.encode_utf8(&mut [0; 4]), false));
        }
        let m_start = m_start.unwrap_or(text.len());
        // A marker that runs past the window (or the line) stops at its edge.
        let mut m_end = m_end.unwrap_or(text.len()).max(m_start);
        if to < total {
            text.push('…');
        }
        if m_end == m_start {
            // An empty span (or one at the end of the line) still gets one mark.
            m_end = text[m_start..]
                .chars()
                .next()
                .map_or(m_start, |c| m_start + c.len_utf8());
        }
        Shown {
            text,
            marker: m_start..m_end,
        }
    }
}

/// The one-line form without the snippet, for `check` and for scripts.
pub fn one_line(path: &str, src: &str, d: &Diagnostic, words: &Words<'_>) -> String {
    render_in(path, src, d, words)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::says::Table;

    /// Renders with English frame words and the message's own text (the words of each
    /// message are the view's, tested there).
    fn render(path: &str, src: &str, d: &Diagnostic) -> String {
        let say = |s: &Says| match s {
            Says::Empty { key } => key.clone(),
            Says::UnknownKey { key, .. } => format!("unknown key `{key}`"),
            Says::DidYouMean(names) => format!("did you mean {}?", names.join(", ")),
            other => format!("{other:?}"),
        };
        let words = Words {
            error: "error",
            warning: "warning",
            hint: "hint",
            say: &say,
        };
        render_in(path, src, d, &words)
    }

    /// A message that says `text`.
    fn m(text: &str) -> Says {
        Says::Empty { key: text.into() }
    }

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
        let out = render("f.toml", &src, &Diagnostic::error(at..at + 1, m("here")));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[2].chars().count() < 120, "{}", lines[2]);
        assert!(lines[2].starts_with("1 | …aaa"));
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        assert_eq!(lines[2].chars().nth(caret), Some('x'));
    }

    /// The marker line of a rendered diagnostic, and the source line above it.
    fn shown(src: &str, span: Range<usize>) -> (String, String) {
        let out = render("f.toml", src, &Diagnostic::error(span, m("here")));
        let lines: Vec<&str> = out.lines().collect();
        (lines[2].to_string(), lines[3].to_string())
    }

    #[test]
    fn the_marker_stands_under_wide_characters() {
        let src = "title = \"安全な街 🚓🚓\" x = 1\n";
        let at = src.find(" x").unwrap() + 1;
        let (line, marker) = shown(src, at..at + 1);
        assert_eq!(line, "1 | title = \"安全な街 🚓🚓\" x = 1");
        // Four CJK characters and two emoji take two columns each.
        let before = "title = \"".len() + 2 * 4 + 1 + 2 * 2 + "\" ".len();
        assert_eq!(marker, format!("  | {}^", " ".repeat(before)));
    }

    #[test]
    fn the_marker_spans_wide_characters() {
        let src = "kommun = \"東京\"\n";
        let (line, marker) = shown(src, 9..17);
        assert_eq!(line, "1 | kommun = \"東京\"");
        assert_eq!(marker, format!("  | {}{}", " ".repeat(9), "^".repeat(6)));
    }

    #[test]
    fn the_marker_stands_under_escaped_control_characters() {
        // ESC, BEL and a tab are shown escaped (`\u{1b}`, `\u{7}`, `\t`, as `text::safe` does):
        // the marker moves right by what the escapes add.
        let src = "title = \"a\u{1b}[31mb\u{7}\" x = 1\n";
        let at = src.find(" x").unwrap() + 1;
        let (line, marker) = shown(src, at..at + 1);
        assert_eq!(line, "1 | title = \"a\\u{1b}[31mb\\u{7}\" x = 1");
        let col = line.find(" x").unwrap() + 1;
        assert_eq!(marker.find('^'), Some(col));
        // A marker on the control character itself covers its whole escape.
        let at = src.find('\u{1b}').unwrap();
        let (line, marker) = shown(src, at..at + 1);
        let col = line.find('\\').unwrap();
        let expected = format!("  | {}{}", " ".repeat(col - 4), "^".repeat("\\u{1b}".len()));
        assert_eq!(marker, expected);
    }

    #[test]
    fn the_first_line_is_unchanged_for_wide_and_control_characters() {
        let src = "a = \"🚓\u{1b}\" b\n";
        let at = src.find(" b").unwrap() + 1;
        let out = render(
            "f.toml",
            src,
            &Diagnostic::warning(at..at + 1, m("x\u{7}y")),
        );
        // The column counts characters, as editors do; the message is escaped.
        assert_eq!(
            out,
            format!(
                "f.toml:1:10: warning: x\\u{{7}}y\n  |\n1 | a = \"🚓\\u{{1b}}\" b\n  | {}^\n",
                " ".repeat("a = \"".len() + 2 + "\\u{1b}\" ".len())
            )
        );
    }

    #[test]
    fn spans_past_the_shown_line_still_get_a_marker() {
        // A lone carriage return ends no line; a span on a trailing one, or at the very end.
        for (src, at) in [("a = 1\rb\r\n", 7), ("a = 1\r\n", 5), ("a = ", 4), ("", 0)] {
            let out = render("f.toml", src, &Diagnostic::error(at..at + 1, m("here")));
            assert!(out.lines().nth(3).unwrap().ends_with('^'), "{src:?}: {out}");
        }
    }

    #[test]
    fn any_span_renders_with_its_first_line() {
        let src = "a = \"安\u{1b}🚓\"\r\nb\rc = 1\n\n\u{feff}x\t= \"é\"";
        for start in 0..=src.len() + 1 {
            for end in [start, start + 1, start + 3, start + 40, 0] {
                let out = render("f.toml", src, &Diagnostic::error(start..end, m("m")));
                let (line, col) = line_col(src, start);
                assert!(
                    out.starts_with(&format!("f.toml:{line}:{col}: error: m\n")),
                    "{out}"
                );
                assert_eq!(out.lines().count(), 4, "{start}..{end}: {out}");
            }
        }
    }

    #[test]
    fn render_marks_the_span() {
        let src = "title = \"x\"\nperod = 1\n";
        let d = Diagnostic::error(
            12..17,
            Says::UnknownKey {
                key: "perod".into(),
                table: Table::File,
            },
        )
        .with_hint(Some(Says::DidYouMean(vec!["`period`".into()])));
        assert_eq!(
            render("f.toml", src, &d),
            "f.toml:2:1: error: unknown key `perod`\n  |\n2 | perod = 1\n  | ^^^^^\n  = hint: did you mean `period`?\n"
        );
    }

    #[test]
    fn wrapping_breaks_between_words_only() {
        let line = "f.toml:1:1: error: a message with some words and `a-long-key-name` in it";
        assert_eq!(wrap(line, 200, 4), line);
        let out = wrap(line, 30, 4);
        for l in out.lines() {
            assert!(l.chars().count() <= 30, "{out}");
        }
        let words: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(words, line.split_whitespace().collect::<Vec<_>>());
        assert!(out.lines().skip(1).all(|l| l.starts_with("    ")), "{out}");
        // A word longer than a line stays whole.
        let long = format!("x: {}", "y".repeat(50));
        assert_eq!(wrap(&long, 20, 2), format!("x:\n  {}", "y".repeat(50)));
    }

    #[test]
    fn without_a_width_nothing_wraps_and_a_line_that_fits_is_shown_whole() {
        let src = format!("{} = 1\n", "k".repeat(70));
        let at = src.find('=').unwrap();
        let d =
            Diagnostic::error(at..at + 1, m(&"w ".repeat(60))).with_hint(Some(m(&"h ".repeat(60))));
        let say = |s: &Says| match s {
            Says::Empty { key } => key.clone(),
            _ => unreachable!(),
        };
        let words = Words {
            error: "error",
            warning: "warning",
            hint: "hint",
            say: &say,
        };
        assert_eq!(
            render_at("f.toml", &src, &d, &words, None),
            render_in("f.toml", &src, &d, &words)
        );
        let out = render_at("f.toml", &src, &d, &words, Some(80));
        assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
        assert!(
            out.contains(&format!("1 | {} = 1", "k".repeat(70))),
            "{out}"
        );
    }
}
