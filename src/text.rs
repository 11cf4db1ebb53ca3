//! Small text helpers shared by the loader and the renderers. Depends on nothing else in the
//! crate, so every module may use it.

use std::fmt::Write as _;

/// Folds a name for forgiving comparison: any Unicode normal form, lower case, and å/ä/ö (and
/// a few other accents) typed as a/a/o. "Östersund", "ostersund", "ÖSTERSUND" and
/// "O\u{308}stersund" (decomposed, as macOS file names and some keyboards give it) fold alike.
/// A text already in NFC (the quick check says so of nearly every text) is not composed
/// again: composing costs about ten times the rest of the fold. ASCII text is lowered alone.
pub fn fold(s: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let s = s.trim();
    // ASCII is in every normal form and folds to its lower case alone.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let lower = |c: char| c.to_lowercase().map(fold_char);
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().flat_map(lower).collect()
    } else {
        s.nfc().flat_map(lower).collect()
    }
}

/// One lower-case character as [`fold`] folds it: å/ä/ö (and a few other accents) to a/a/o.
pub fn fold_char(c: char) -> char {
    match c {
        'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' => 'u',
        'í' => 'i',
        c => c,
    }
}

/// The English plural ending for a count: "" for 1, else "s".
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The candidates closest to `query` (compared folded), best first, at most `n`, and only
/// those close enough to be a plausible typo.
pub fn closest<'a>(query: &str, candidates: &[&'a str], n: usize) -> Vec<&'a str> {
    let q = fold(query);
    let mut scored: Vec<(f64, &'a str)> = candidates
        .iter()
        .map(|c| {
            let f = fold(c);
            let mut score = strsim::jaro_winkler(&q, &f);
            if !q.is_empty() && (f.starts_with(&q) || q.starts_with(&f)) {
                score = score.max(0.9);
            }
            (score, *c)
        })
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// At most `keep` of `items` (each `(name, line)`) in their order: when there are more, the
/// closest to `query` by name; and how many are left out.
pub fn closest_lines(query: &str, items: &[(&str, String)], keep: usize) -> (Vec<String>, usize) {
    if items.len() <= keep + 1 {
        return (items.iter().map(|(_, l)| l.clone()).collect(), 0);
    }
    let q = fold(query);
    let mut scored: Vec<(f64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (strsim::jaro_winkler(&q, &fold(name)), i))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = scored.iter().take(keep).map(|&(_, i)| i).collect();
    // Shown in their own order, the closest among them.
    chosen.sort_unstable();
    let out: Vec<String> = chosen.iter().map(|&i| items[i].1.clone()).collect();
    (out, items.len() - keep)
}

/// "did you mean `a`?" / "did you mean `a` or `b`?", or None when nothing is close. Every
/// name is in backticks, whatever it names (a key, an activity, a kommun, a unit): what to
/// type, in one style everywhere.
pub fn did_you_mean(query: &str, candidates: &[&str]) -> Option<String> {
    let close = closest(query, candidates, 3);
    if close.is_empty() {
        return None;
    }
    let q = |s: &str| format!("`{s}`");
    let list = match close.as_slice() {
        [one] => q(one),
        [init @ .., last] => format!(
            "{} or {}",
            init.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "),
            q(last)
        ),
        [] => unreachable!(),
    };
    Some(format!("did you mean {list}?"))
}

/// Makes text from a pledge file safe to print on a terminal: control characters (including
/// ESC, so no escape sequence gets through) and invisible characters ([`is_invisible`]: a
/// zero-width space, a direction mark or override, a line separator) are shown escaped, as
/// `\u{1b}` or `\u{200b}`; newlines and tabs become spaces unless `keep_newlines`. A
/// zero-width joiner between emoji (👩‍🚒) is kept.
pub fn safe(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if c.is_control() || hides(c, prev) => out.extend(c.escape_default()),
            c => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// A path (or any name) for messages: every control and invisible character shown escaped,
/// newlines and tabs too, so a file named with an escape sequence cannot reach the terminal
/// and two names that look alike print differently.
pub fn safe_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || is_invisible(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// [`safe_path`] of a path.
pub fn shown_path(p: &std::path::Path) -> String {
    safe_path(&p.display().to_string())
}

/// A character that prints as nothing or changes how the text around it is shown: the
/// Unicode format characters (category Cf: the soft hyphen, zero-width space, joiners, the
/// direction marks LRM/RLM/ALM, bidi embeddings, overrides and isolates, the word joiner and
/// invisible operators, the byte-order mark, interlinear annotation, tags), the line and
/// paragraph separators U+2028/U+2029, the combining grapheme joiner and the Hangul fillers,
/// which render blank.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x034F
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x115F..=0x1160
            | 0x180E
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0x3164
            | 0xFEFF
            | 0xFFA0
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// `c` is invisible ([`is_invisible`]) where it stands, after `prev`: a zero-width joiner
/// between emoji (👩‍🚒) is part of the emoji, and kept.
pub fn hides(c: char, prev: Option<char>) -> bool {
    is_invisible(c) && !(c == '\u{200d}' && prev.is_some_and(is_emoji))
}

/// An emoji a zero-width joiner may join (👩‍🚒, 🏳️‍🌈): pictographs, and the variation
/// selector that makes a symbol one.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F)
}

/// The years of a period for titles and file names: "2016", or "2016-2017".
pub fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}-{to}")
    }
}

/// A slug for file names and ids: ascii lower case, å/ä/ö as a/a/o, other runs as `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The file's line ending, judged by its first line: CRLF files get CRLF entries.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// A TOML basic string holding exactly `s`: quotes, backslashes and control characters
/// escaped, everything else (åäö, emoji) as written.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Why a value typed on the command line is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    NotANumber,
    NotFinite,
    /// Finite, but outside [`sane`]: more than 10¹² either way, subnormal, or so small it
    /// was read as 0.
    OutOfRange,
}

/// The largest magnitude a measured value may have: beyond it a value is a typo or an
/// overflow (a chart of it has no scale, a change of it no meaning).
pub const MAX_VALUE: f64 = 1e12;

/// Whether a finite value is one a measurement can have: 0, or a normal number (not
/// subnormal) of at most [`MAX_VALUE`] either way.
pub fn sane(v: f64) -> bool {
    v == 0.0 || (v.is_normal() && v.abs() <= MAX_VALUE)
}

/// A value typed on the command line: `62`, `62.5`, `-1.5`, or with a decimal comma `62,5`
/// (Swedish); spaces (thousands separators) are ignored. `nan` and `inf` are refused.
pub fn parse_value(s: &str) -> Result<f64, ValueError> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let numeric = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !numeric {
        return Err(ValueError::NotANumber);
    }
    let v: f64 = t.parse().map_err(|_| ValueError::NotANumber)?;
    // A mantissa with a digit other than 0 read as 0: the value underflowed (1e-400).
    let mantissa = t.split(['e', 'E']).next().unwrap_or("");
    let underflow = v == 0.0 && mantissa.chars().any(|c| matches!(c, '1'..='9'));
    if !v.is_finite() {
        Err(ValueError::NotFinite)
    } else if underflow || !sane(v) {
        Err(ValueError::OutOfRange)
    } else {
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_typed_on_the_command_line() {
        assert_eq!(parse_value("62"), Ok(62.0));
        assert_eq!(parse_value(" 62,5 "), Ok(62.5));
        assert_eq!(parse_value("-1.25"), Ok(-1.25));
        assert_eq!(parse_value("1 234,5"), Ok(1234.5));
        assert_eq!(parse_value("1e3"), Ok(1000.0));
        assert_eq!(parse_value(""), Err(ValueError::NotANumber));
        assert_eq!(parse_value("12 %"), Err(ValueError::NotANumber));
        assert_eq!(parse_value("abc"), Err(ValueError::NotANumber));
        assert_eq!(parse_value("nan"), Err(ValueError::NotANumber));
        assert_eq!(parse_value("inf"), Err(ValueError::NotANumber));
        assert_eq!(parse_value("1e400"), Err(ValueError::NotFinite));
        assert_eq!(parse_value("1,2,3"), Err(ValueError::NotANumber));
    }

    #[test]
    fn did_you_mean_finds_typos() {
        let keys = ["title", "period", "kommun", "activity"];
        assert_eq!(
            did_you_mean("perod", &keys).unwrap(),
            "did you mean `period`?"
        );
        assert_eq!(did_you_mean("zzzz", &keys), None);
    }

    #[test]
    fn safe_escapes_control_characters() {
        assert_eq!(safe("a\u{1b}[31mb", false), "a\\u{1b}[31mb");
        assert_eq!(safe("a\nb", false), "a b");
        assert_eq!(safe("a\nb", true), "a\nb");
    }

    #[test]
    fn safe_makes_invisible_characters_visible() {
        // A did-you-mean between two ids that look alike shows the difference.
        assert_eq!(safe("walk\u{200b}", false), "walk\\u{200b}");
        for (c, shown) in [
            ('\u{200e}', "\\u{200e}"),
            ('\u{200f}', "\\u{200f}"),
            ('\u{2028}', "\\u{2028}"),
            ('\u{2029}', "\\u{2029}"),
            ('\u{202e}', "\\u{202e}"),
            ('\u{2066}', "\\u{2066}"),
            ('\u{feff}', "\\u{feff}"),
            ('\u{ad}', "\\u{ad}"),
            ('\u{e0041}', "\\u{e0041}"),
            ('\u{9b}', "\\u{9b}"),
            ('\u{7f}', "\\u{7f}"),
        ] {
            assert_eq!(safe(&format!("a{c}b"), true), format!("a{shown}b"), "{c:?}");
        }
        // Emoji sequences and Swedish letters stay as they are.
        assert_eq!(safe("👩\u{200d}🚒 åäö", false), "👩\u{200d}🚒 åäö");
        assert_eq!(safe("a\u{200d}b", false), "a\\u{200d}b");
    }

    #[test]
    fn safe_path_escapes_every_control_character() {
        assert_eq!(
            safe_path("pledges/\u{1b}]0;owned\u{7}x.toml"),
            "pledges/\\u{1b}]0;owned\\u{7}x.toml"
        );
        assert_eq!(safe_path("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(safe_path("C:\\pledges\\kil.toml"), "C:\\pledges\\kil.toml");
    }

    #[test]
    fn fold_takes_any_normal_form() {
        assert_eq!(fold("Centrum O\u{308}st"), fold("centrum öst"));
        assert_eq!(fold("A\u{30a}mål"), "amal");
        assert_eq!(slug("Upplands Va\u{308}sby"), "upplands-vasby");
        // ASCII (lowered alone) folds as the same text does beside a letter that is not.
        for ascii in [" Skola 12", "ORBY-Centrum_2", "KIL", "\tA b"] {
            assert_eq!(fold(&format!("{ascii}é")), format!("{}e", fold(ascii)));
        }
    }

    #[test]
    fn slug_folds_swedish_letters() {
        assert_eq!(slug("Upplands Väsby"), "upplands-vasby");
        assert_eq!(slug("Örnsköldsvik"), "ornskoldsvik");
    }
}
