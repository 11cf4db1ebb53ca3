//! What the TOML parser reports, made clear before anything is loaded: a file whose lines end
//! in CR only (one error, not one per line), a multi-line string never closed (pointed at
//! where it opens, not at the end of the file), keys nested too deep (pointed at the key), and
//! a file with more values than any löfte has (refused before the document is built, so a
//! small file cannot make the parser use gigabytes).

use std::ops::Range;

use toml::de::DeTable;

use crate::load::diag::Diagnostic;
use crate::load::says::Says;

/// The most tables and arrays a file may hold (each `{` and `[`: a `[[log]]` entry counts
/// two). A löfte with ten years of weekly logs has a few thousand; a log of 100,000 entries is
/// read. The parser spends about 1.4 KB on a table, so this bounds the document's memory
/// (about 350 MB at the most) whatever the file.
pub const MAX_TABLES: usize = 250_000;

/// The most values a file may hold (each `=` and `,`); a value costs the parser about 60
/// bytes.
pub const MAX_VALUES: usize = 2_000_000;

/// The problem with `text` found before parsing it: CR-only line endings, or too many values.
/// One pass over the bytes, jumping to the next byte that matters (this runs before every
/// file is parsed, so it costs a small part of the parse).
pub fn before_parsing(text: &str) -> Option<Diagnostic> {
    let b = text.as_bytes();
    let lone_cr = memchr::memchr_iter(b'\r', b)
        .filter(|&i| b.get(i + 1) != Some(&b'\n'))
        .count();
    if lone_cr > 0 && lone_cr >= memchr::memchr_iter(b'\n', b).count() {
        return Some(Diagnostic::error(None, Says::CrOnlyLines).with_hint(Some(Says::CrOnlyHint)));
    }
    let (limit, tables, at) = past_limit(text)?;
    Some(
        Diagnostic::error(at, Says::TooManyValues { limit, tables })
            .with_hint(Some(Says::TooManyValuesHint)),
    )
}

/// The bytes [`first_past`] stops at; every other byte is passed over.
const COUNTED: [bool; 256] = {
    let mut t = [false; 256];
    let signs = b"#\"'[{=,";
    let mut i = 0;
    while i < signs.len() {
        t[signs[i] as usize] = true;
        i += 1;
    }
    t
};

/// Where `text` passes [`MAX_TABLES`] or [`MAX_VALUES`], and which: counted by the `{`, `[`,
/// `=` and `,` outside strings and comments (at least one for each table, array and value).
fn past_limit(text: &str) -> Option<(usize, bool, Range<usize>)> {
    first_past(text, MAX_TABLES, MAX_VALUES)
}

/// [`past_limit`] for any limits.
fn first_past(
    text: &str,
    max_tables: usize,
    max_values: usize,
) -> Option<(usize, bool, Range<usize>)> {
    let b = text.as_bytes();
    let (mut i, mut tables, mut values) = (0, 0, 0);
    while let Some(k) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| COUNTED[c as usize]))
    {
        i += k;
        match b[i] {
            b'#' => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |j| i + j);
                continue;
            }
            q @ (b'"' | b'\'') => {
                i = string_end(b, i, q);
                continue;
            }
            b'[' | b'{' => {
                tables += 1;
                if tables > max_tables {
                    return Some((max_tables, true, i..i + 1));
                }
            }
            _ => {
                values += 1;
                if values > max_values {
                    return Some((max_values, false, i..i + 1));
                }
            }
        }
        i += 1;
    }
    None
}

/// Where the string opening at `i` with quote `q` ends (after its closing quote; the end of
/// the line, or of the text for a multi-line one, when it is not closed): jumps from one
/// quote, backslash or line end to the next.
fn string_end(b: &[u8], i: usize, q: u8) -> usize {
    let triple = b.get(i..i + 3) == Some(&[q, q, q][..]);
    let mut j = if triple { i + 3 } else { i + 1 };
    while let Some(k) = b
        .get(j..)
        .and_then(|rest| memchr::memchr3(q, b'\\', b'\n', rest))
    {
        j += k;
        match b[j] {
            b'\\' if q == b'"' => j += 2,
            c if c == q && !triple => return j + 1,
            c if c == q && b.get(j..j + 3) == Some(&[q, q, q][..]) => {
                // A closing `"""` may be followed by up to two more quotes of the string.
                let mut k = j + 3;
                while k < b.len() && b[k] == q && k < j + 5 {
                    k += 1;
                }
                return k;
            }
            b'\n' if !triple => return j,
            _ => j += 1,
        }
    }
    b.len()
}

/// The parser's errors as diagnostics, each pointed where the fault is.
pub fn diagnostics(text: &str, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| {
            let message = e.message().trim();
            let (span, hint) = match (e.span(), placed(text, message, e.span())) {
                (_, Some((span, hint))) => (span, Some(hint)),
                (span, None) => (span.unwrap_or(0..0), toml_hint(message)),
            };
            Diagnostic::error(
                span,
                Says::InvalidToml {
                    detail: message.to_string(),
                },
            )
            .with_hint(hint)
        })
        .collect()
}

/// A fault the parser reports elsewhere than where it is: a multi-line string never closed
/// (at the end of the file; it opens at the last `"""` or `'''`), a key nested too deep
/// (without a place).
fn placed(text: &str, message: &str, span: Option<Range<usize>>) -> Option<(Range<usize>, Says)> {
    let at_end = span
        .as_ref()
        .is_none_or(|s| s.start >= text.trim_end().len());
    for (kind, delim) in [
        ("multi-line basic string", "\"\"\""),
        ("multi-line literal string", "'''"),
    ] {
        if message.contains(kind) && at_end {
            let open = text.rfind(delim)?;
            return Some((open..open + 3, Says::StringNeverClosed { delim }));
        }
    }
    if message.contains("recursion") {
        let span = span
            .filter(|s| s.start != 0 || s.end != 0)
            .unwrap_or_else(|| deepest_key(text));
        return Some((span, Says::TooDeepHint));
    }
    None
}

/// How deep the parser nests keys: a dotted key or header with this many dots is refused.
const KEY_DEPTH: usize = 80;

/// Where a key nests too deep: the dot past [`KEY_DEPTH`] in the first key with that many
/// (outside quotes), else the start of the key with the most.
fn deepest_key(text: &str) -> Range<usize> {
    let mut best = (0, 0..0);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or(line);
        let (mut dots, mut quote) = (0, None);
        for (i, c) in key.char_indices() {
            match (c, quote) {
                ('"' | '\'', None) => quote = Some(c),
                (c, Some(q)) if c == q => quote = None,
                ('.', None) => {
                    dots += 1;
                    if dots == KEY_DEPTH {
                        return at + i..at + i + 1;
                    }
                }
                _ => {}
            }
        }
        if dots > best.0 {
            let start = at + (line.len() - line.trim_start().len());
            best = (dots, start..start + 1);
        }
        at += line.len();
    }
    best.1
}

fn toml_hint(message: &str) -> Option<Says> {
    if message.contains("invalid date") {
        Some(Says::TomlDateHint)
    } else if message.contains("duplicate key") {
        Some(Says::TomlDuplicateHint)
    } else if message.contains("invalid string") || message.contains("unclosed") {
        Some(Says::TomlQuotesHint)
    } else {
        None
    }
}

/// Parses `text` (see [`before_parsing`] first).
pub fn parse(text: &str) -> (toml::Spanned<DeTable<'_>>, Vec<toml::de::Error>) {
    DeTable::parse_recoverable(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Signs inside strings (with escaped quotes, in multi-line and literal strings) and
    /// comments are not counted; the sign past the limit is pointed at.
    #[test]
    fn counted_signs_skip_strings_and_comments() {
        let text = "a = \"[{=,\\\"[\" # [[=,\nb = '''x\n[='''\nc = \"\"\"\n\\\"\" [,]\"\"\"\nd = 'x\\'\ne = [1, 2]\n";
        let signs = [2, 23, 38, 57, 66, 70];
        for (n, &at) in signs.iter().enumerate() {
            assert_eq!(first_past(text, 9, n), Some((n, false, at..at + 1)));
        }
        assert_eq!(first_past(text, 9, 6), None);
        assert_eq!(first_past(text, 0, 9), Some((0, true, 68..69)));
        assert_eq!(first_past(text, 1, 9), None);
        // An unclosed basic string ends at its line; a multi-line one at the text's end.
        assert_eq!(first_past("a = \"x\nb = 1", 9, 1), Some((1, false, 9..10)));
        assert_eq!(first_past("a = \"\"\"x\nb = 1", 9, 1), None);
    }

    #[test]
    fn lines_ending_in_cr_alone_are_one_error() {
        assert!(before_parsing("a = 1\rb = 2\r").is_some());
        assert!(before_parsing("a = 1\r\nb = 2\r\n").is_none());
        assert!(before_parsing("a = 1\nb = 2\rc = 3\n").is_none());
    }
}
