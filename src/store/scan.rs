//! Which files could hold a löfte of a kommun, told from their bytes without parsing them.
//!
//! A löfte names its kommuner in TOML strings (`kommun = "Ale"`, `kommuner = ["Kil", …]`),
//! and the loader reads each such string with [`kommuner::find`]. So a file can only be a
//! kommun's if one of its strings is one `find` reads as that kommun. [`may_name`] finds every
//! string of a file with a small lexer (basic and literal strings, single- and multi-line,
//! comments skipped; fast, with `memchr`) and asks of each, cheapest test first:
//!
//! 1. at most [`GRAPHIC_LIMIT`] printable ASCII bytes: every spelling `find` accepts ("Region
//!    Ale", "ALES KOMMUN", the kommunkod) has far fewer, and an escape never decodes to more
//!    printable characters than it is written with, so a longer string (a text, a note) can
//!    name no kommun;
//! 2. the string decoded (escapes such as `\u00e5`, by the TOML parser itself);
//! 3. the kommunkod in it, or the kommun's folded name in it with white space and combining
//!    marks dropped (what any case, Unicode normal form, spacing or ending of the name keeps);
//! 4. and then exactly: `find` itself.
//!
//! Anything the lexer does not understand (an unterminated string) counts as naming the
//! kommun: the file is parsed, and reported when it cannot be loaded. Files that cannot be read
//! at all are not scanned: the reader keeps them, to name them.

use memchr::{memchr, memchr2, memchr3};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::kommuner::{self, Kommun};
use crate::text::{fold, fold_char};

/// More printable ASCII bytes than any spelling of a kommun `find` accepts has: the longest
/// name (15 letters), "region ", a genitive s and " kommun" make 28.
const GRAPHIC_LIMIT: usize = 64;

/// What a file must hold to be a kommun's: its code, and its name folded without spaces.
#[derive(Debug, Clone)]
pub struct Needle {
    kommun: &'static Kommun,
    folded: String,
}

impl Needle {
    pub fn of(kommun: &'static Kommun) -> Needle {
        Needle {
            kommun,
            folded: fold(kommun.name)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
        }
    }

    /// Whether `value`, a decoded TOML string, is read as this kommun.
    fn names(&self, value: &str) -> bool {
        let maybe = value.contains(self.kommun.kod) || lite_fold_contains(value, &self.folded);
        maybe && kommuner::find(value).is_some_and(|k| k.kod == self.kommun.kod)
    }
}

/// Whether `value`, folded character by character (each in its normal form, lower case,
/// å/ä/ö as a/a/o) with white space and combining marks dropped, contains `needle`. A
/// superset of what [`fold`] of the whole string contains once its spaces are dropped.
fn lite_fold_contains(value: &str, needle: &str) -> bool {
    if value.is_ascii() {
        return ascii_contains(value.as_bytes(), needle.as_bytes());
    }
    let mut folded = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_ascii() {
            if !c.is_whitespace() {
                folded.push(c.to_ascii_lowercase());
            }
            continue;
        }
        for c in std::iter::once(c).nfc().flat_map(char::to_lowercase) {
            if !c.is_whitespace() && !is_combining_mark(c) {
                folded.push(fold_char(c));
            }
        }
    }
    folded.contains(needle)
}

/// [`lite_fold_contains`] of an ASCII value, without allocating: `needle` (lower-case ASCII,
/// no white space) in `value` compared without case, white space skipped.
fn ascii_contains(value: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    (0..value.len()).any(|start| {
        if value[start].to_ascii_lowercase() != first {
            return false;
        }
        let mut rest = needle[1..].iter();
        let mut want = rest.next();
        for &b in &value[start + 1..] {
            let Some(&w) = want else { break };
            // As `char::is_whitespace` (and `find`) takes it: with the vertical tab.
            if matches!(b, b'\t'..=b'\r' | b' ') {
                continue;
            }
            if b.to_ascii_lowercase() != w {
                return false;
            }
            want = rest.next();
        }
        want.is_none()
    })
}

/// Whether the file's text could hold a löfte of one of `needles` (see the module).
pub fn may_name(text: &str, needles: &[Needle]) -> bool {
    let mut hit = false;
    let lexed = strings(text, |token, content, basic| {
        hit = string_names(token, content, basic, needles);
        hit
    });
    hit || lexed.is_err()
}

fn string_names(token: &str, content: &str, basic: bool, needles: &[Needle]) -> bool {
    let graphic = content
        .bytes()
        .filter(|b| b.is_ascii_graphic())
        .take(GRAPHIC_LIMIT + 1)
        .count();
    if graphic > GRAPHIC_LIMIT {
        return false;
    }
    let decoded;
    let value = if basic && content.contains('\\') {
        match decode(token) {
            Some(v) => {
                decoded = v;
                decoded.as_str()
            }
            // Not a string the TOML parser reads: the file is parsed, to be safe.
            None => return true,
        }
    } else {
        content
    };
    needles.iter().any(|n| n.names(value))
}

/// A basic string token decoded by the TOML parser.
fn decode(token: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(&format!("v = {token}")).ok()?;
    match table.get("v")? {
        toml::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// Hands every string of a TOML text to `each` (the token with its quotes, its content, and
/// whether it is a basic string, with escapes), in order, until `each` returns true. Err when
/// a string does not end.
fn strings(text: &str, mut each: impl FnMut(&str, &str, bool) -> bool) -> Result<(), ()> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr3(b'"', b'\'', b'#', &b[i..]) {
        let s = i + off;
        let q = b[s];
        if q == b'#' {
            match memchr(b'\n', &b[s..]) {
                Some(o) => i = s + o + 1,
                None => return Ok(()),
            }
            continue;
        }
        let basic = q == b'"';
        let (from, to, end) = if b[s..].starts_with(&[q, q, q]) {
            let (to, end) = close_multi(b, s + 3, q, basic)?;
            (s + 3, to, end)
        } else {
            let to = close_single(b, s + 1, q, basic)?;
            (s + 1, to, to + 1)
        };
        // The quotes are ASCII, so these are character boundaries.
        if each(&text[s..end], &text[from..to], basic) {
            return Ok(());
        }
        i = end;
    }
    Ok(())
}

/// The end of a one-line string's content (the index of its closing quote).
fn close_single(b: &[u8], mut j: usize, q: u8, basic: bool) -> Result<usize, ()> {
    loop {
        let off = if basic {
            memchr3(q, b'\\', b'\n', &b[j..])
        } else {
            memchr2(q, b'\n', &b[j..])
        }
        .ok_or(())?;
        let at = j + off;
        match b[at] {
            b'\\' => j = at + 2,
            b'\n' => return Err(()),
            _ => return Ok(at),
        }
        if j > b.len() {
            return Err(());
        }
    }
}

/// The end of a multi-line string's content and the index after its closing quotes (up to
/// two quotes before the closing three belong to the content).
fn close_multi(b: &[u8], mut j: usize, q: u8, basic: bool) -> Result<(usize, usize), ()> {
    loop {
        let off = if basic {
            memchr2(q, b'\\', &b[j..])
        } else {
            memchr(q, &b[j..])
        }
        .ok_or(())?;
        let at = j + off;
        if b[at] == b'\\' {
            j = at + 2;
            if j > b.len() {
                return Err(());
            }
            continue;
        }
        let run = b[at..].iter().take_while(|&&c| c == q).count();
        match run {
            0..=2 => j = at + run,
            3..=5 => return Ok((at + run - 3, at + run)),
            _ => return Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needles(names: &[&str]) -> Vec<Needle> {
        names
            .iter()
            .map(|n| Needle::of(kommuner::find(n).unwrap()))
            .collect()
    }

    fn names(text: &str, kommun: &str) -> bool {
        may_name(text, &needles(&[kommun]))
    }

    #[test]
    fn every_spelling_the_loader_reads_is_found() {
        let spellings = [
            "kommun = \"Ale\"",
            "kommun = 'ale'",
            "kommun = \"ALE\"",
            "kommun = \"  Ales kommun \"",
            "kommun = \"Region Ale\"",
            "kommun = \"1440\"",
            "kommun = \"\\u0041le\"",
            "kommun = \"\\u0061\\u006C\\u0065\"",
            "kommun = \"\"\"\nAle\"\"\"",
            "kommun = '''\nAle'''",
            "kommuner = [\"Kungälv\", \"Ale\"]",
            "kommuner = [\n  \"Kungälv\", # a comment with a ' in it\n  \"Ale\",\n]",
            "\"kommun\" = \"Ale\"",
            "kommun = \"\"\"\\\n   Ale\"\"\"",
            "kommun = \"Ale\\t\"",
            "kommun = \"\\u000BAle\"",
        ];
        for s in spellings {
            let text = format!("title = \"x\"\n{s}\n");
            assert!(names(&text, "Ale"), "{s}");
            assert!(!names(&text, "Alvesta"), "{s}");
        }
        let vasby = [
            "\"Upplands Väsby\"",
            "\"upplands   VÄSBY\"",
            "\"Upplands Va\u{308}sby\"",
            "\"UPPLANDS VA\u{308}SBY KOMMUN\"",
            "\"Upplands\\tV\\u00e4sby\"",
            "\"Upplands\\u000BV\\u00e4sby\"",
            "\"Upplands\tVäsby\"",
            "\"0114\"",
            "\"upplands vasby\"",
        ];
        for s in vasby {
            let text = format!("kommun = {s}\n");
            assert!(names(&text, "Upplands Väsby"), "{s}");
        }
        // The Kelvin sign is K in normal form C.
        assert!(names("kommun = \"\u{212a}il\"\n", "Kil"));
        // Å written as the Ångström sign.
        assert!(names("kommun = \"\u{212b}re\"\n", "Åre"));
    }

    #[test]
    fn strings_that_are_not_the_kommun_are_passed_over() {
        let text = "title = \"Medborgarlöfte i Alvesta\"\nkommun = \"Alvesta\"\n\
                    # kommun = \"Ale\"\n\
                    text = \"Ale kommun och polisen lovar att skalet ska vara alert\"\n";
        assert!(names(text, "Alvesta"));
        assert!(!names(text, "Ale"));
        // A comment's quote does not start a string.
        let text = "# don't\nkommun = \"Kil\"\n";
        assert!(names(text, "Kil"));
        assert!(!names(text, "Ale"));
    }

    #[test]
    fn the_ascii_search_skips_white_space_and_case() {
        assert!(ascii_contains(b"Upplands  VASBY kommun", b"upplandsvasby"));
        assert!(ascii_contains(b"x ale", b"ale"));
        assert!(ascii_contains(b"A l e", b"ale"));
        assert!(ascii_contains(b"a\x0bl\x0ce", b"ale"));
        assert!(!ascii_contains(b"al", b"ale"));
        assert!(!ascii_contains(b"alx ale", b"alvesta"));
    }

    #[test]
    fn a_text_the_lexer_cannot_follow_is_parsed() {
        assert!(names("kommun = \"Kil\ntitle = 1\n", "Ale"));
        assert!(names("text = '''never ends\n", "Ale"));
        // A string the TOML parser refuses to decode.
        assert!(names("kommun = \"\\uZZZZ\"\n", "Ale"));
    }

    #[test]
    fn multi_line_strings_end_where_toml_ends_them() {
        let text = "a = \"\"\"x \"\" \\\"\"\" \"Ale\" \"\"\"\"\"\nkommun = \"Kil\"\n";
        assert!(names(text, "Kil"));
        assert!(!names(text, "Ale"));
        assert_eq!(
            toml::from_str::<toml::Table>(text).unwrap()["kommun"].as_str(),
            Some("Kil")
        );
    }

    #[test]
    fn the_printable_limit_is_above_every_spelling() {
        for k in kommuner::all() {
            let longest = format!("region {}s kommun", k.name);
            let graphic = longest.bytes().filter(|b| b.is_ascii_graphic()).count();
            assert!(graphic + 8 < GRAPHIC_LIMIT, "{}", k.name);
            // Every folded name is ASCII, which the character-wise fold keeps in order.
            assert!(Needle::of(k).folded.is_ascii(), "{}", k.name);
            let text = format!("kommun = \"{}\"\n", k.name.to_uppercase());
            assert!(may_name(&text, &[Needle::of(k)]), "{}", k.name);
            let text = format!("kommun = \"{}\"\n", k.name.nfd().collect::<String>());
            assert!(may_name(&text, &[Needle::of(k)]), "{}", k.name);
        }
    }
}
