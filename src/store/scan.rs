//! Which kommuner a file could hold a löfte of, told from its bytes without parsing it.
//!
//! A löfte names its kommuner in TOML strings (`kommun = "Ale"`, `kommuner = ["Kil", …]`),
//! and the loader reads each such string with [`kommuner::find`]. So a file can only be a
//! kommun's if one of its strings is one `find` reads as that kommun. [`kommuner_named`] finds
//! every string of a file with a small lexer (basic and literal strings, single- and
//! multi-line, comments skipped; fast, with `memchr`) and asks of each:
//!
//! 1. at most [`GRAPHIC_LIMIT`] printable ASCII bytes: every spelling `find` accepts ("Region
//!    Ale", "ALES KOMMUN", the kommunkod) has far fewer, and an escape never decodes to more
//!    printable characters than it is written with, so a longer string (a text, a note) can
//!    name no kommun;
//! 2. the string decoded (escapes such as `\u00e5`, by the TOML parser itself);
//! 3. and then exactly: `find` itself, in any case, Unicode normal form, spacing or ending.
//!
//! Anything the lexer does not understand (an unterminated string) counts as naming any
//! kommun: the file is parsed, and reported when it cannot be loaded. Files that cannot be read
//! at all are not scanned: the reader keeps them, to name them.

use crate::kommuner::{self, Kommun};
use memchr::{memchr, memchr2, memchr3};

/// More printable ASCII bytes than any spelling of a kommun `find` accepts has: the longest
/// name (15 letters), "region ", a genitive s and " kommun" make 28.
const GRAPHIC_LIMIT: usize = 64;

/// A kommun whose files are looked for.
#[derive(Debug, Clone)]
pub struct Needle {
    kommun: &'static Kommun,
}

impl Needle {
    pub fn of(kommun: &'static Kommun) -> Needle {
        Needle { kommun }
    }

    /// The kommunkod of the kommun looked for.
    pub fn kod(&self) -> &'static str {
        self.kommun.kod
    }
}

/// Every kommun a file's text could hold a löfte of, for the folder's index: the kommunkoder
/// of every string [`kommuner::find`] reads as a kommun (in order, each once), or None when
/// the lexer cannot follow the text (then it could be any kommun's). For every set of
/// kommun, a file can hold a löfte of it only when this is None or holds its code.
pub fn kommuner_named(text: &str) -> Option<Vec<&'static str>> {
    let mut kods: Vec<&'static str> = Vec::new();
    let mut unknown = false;
    let lexed = strings(text, |token, content, basic| {
        let found = match value_of(token, content, basic) {
            Value::Plain(value) => kommun_in(value),
            Value::Decoded(value) => kommun_in(&value),
            Value::NoKommun => None,
            Value::Unknown => {
                unknown = true;
                return true;
            }
        };
        if let Some(k) = found.filter(|k| !kods.contains(&k.kod)) {
            kods.push(k.kod);
        }
        false
    });
    (!unknown && lexed.is_ok()).then_some(kods)
}

/// The years of a löfte's period, `[period]`'s `start` and `end`, read from the file's head
/// (the text before its first `[[` line, where the format puts the period), so that a file
/// whose löfte cannot overlap another's is not parsed to tell. Conservative: a side that is
/// not a date there (unstated, `"signing"`, a head that does not parse alone, a head longer
/// than [`HEAD_LIMIT`]) is None, any year; a later `[period]` would make the file a duplicate
/// table the loader refuses.
#[cfg(test)]
pub fn period_years(text: &str) -> Years {
    head(text).0
}

/// What a löfte is, told by its head alone: its kommuner, area and exact period, as the loader
/// reads them when the file loads (the keys are exact, the values plain), for a writer to tell
/// whether the file holds a date or is a copy of another without parsing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The kommunkoder of `kommun` or `kommuner`, in the file's order.
    pub kods: Vec<&'static str>,
    pub area: Option<String>,
    pub start: chrono::NaiveDate,
    pub end: chrono::NaiveDate,
}

/// [`period_years`] and the löfte's [`Ident`], from one parse of the file's head. The ident is
/// None unless the head says it plainly: `kommun` a string [`kommuner::find`] reads (or
/// `kommuner` an array of such strings), `area` absent or a string that is not blank, and
/// `[period]`'s `start` and `end` both dates. Whatever else the file holds, a file whose head
/// says this either does not load (it holds no löfte) or holds a löfte with exactly these
/// kommuner, area and period: the root's keys all stand before the first table, and a
/// second `[period]` is a duplicate table the loader refuses.
pub fn head(text: &str) -> (Years, Option<Ident>) {
    let mut end = text.len();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start_matches([' ', '\t']).starts_with("[[") {
            end = at;
            break;
        }
        at += line.len();
    }
    if end > HEAD_LIMIT {
        return ((None, None), None);
    }
    let Ok(head) = text[..end].parse::<toml::Table>() else {
        return ((None, None), None);
    };
    let period = head.get("period").and_then(toml::Value::as_table);
    let date = |key: &str| {
        let date = period?.get(key)?.as_datetime()?;
        (date.time.is_none() && date.offset.is_none()).then_some(())?;
        date.date
    };
    let year = |key: &str| date(key).map(|d| i32::from(d.year));
    let years = (year("start"), year("end"));
    let naive = |key: &str| {
        let d = date(key)?;
        chrono::NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
    };
    let ident = (|| {
        let kommun = |v: &toml::Value| kommuner::find(v.as_str()?).map(|k| k.kod);
        let kods = match (head.get("kommun"), head.get("kommuner")) {
            (Some(v), None) => vec![kommun(v)?],
            (None, Some(toml::Value::Array(items))) if !items.is_empty() => {
                items.iter().map(kommun).collect::<Option<Vec<_>>>()?
            }
            _ => return None,
        };
        let area = match head.get("area") {
            None => None,
            Some(toml::Value::String(s)) if !crate::load::problems::blank(s) => Some(s.clone()),
            Some(_) => return None,
        };
        Some(Ident {
            kods,
            area,
            start: naive("start")?,
            end: naive("end")?,
        })
    })();
    (years, ident)
}

/// A löfte's [`Ident`] as the index writes it: `START:END:KOD+KOD:AREA` (the area's bytes in
/// hex, `-` for none), or `?` when the head does not say it plainly.
pub fn ident_field(ident: Option<&Ident>) -> String {
    let Some(i) = ident else {
        return "?".to_string();
    };
    let area = match &i.area {
        None => "-".to_string(),
        Some(a) => a.bytes().map(|b| format!("{b:02x}")).collect(),
    };
    format!("{}:{}:{}:{area}", i.start, i.end, i.kods.join("+"))
}

/// [`ident_field`] read back: Some(None) for `?`, None when the field is not one.
pub(super) fn parse_ident(field: &[u8]) -> Option<Option<Ident>> {
    if field == b"?" {
        return Some(None);
    }
    let text = std::str::from_utf8(field).ok()?;
    let mut parts = text.split(':');
    let mut date = || parts.next()?.parse::<chrono::NaiveDate>().ok();
    let (start, end) = (date()?, date()?);
    let kods = parts
        .next()?
        .split('+')
        .map(|kod| crate::kommuner::by_kod(kod).map(|k| k.kod))
        .collect::<Option<Vec<_>>>()?;
    let area = match parts.next()? {
        "-" => None,
        hex if hex.len() % 2 == 0 => {
            let bytes = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                .collect::<Option<Vec<u8>>>()?;
            Some(String::from_utf8(bytes).ok()?)
        }
        _ => return None,
    };
    parts.next().is_none().then_some(Some(Ident {
        kods,
        area,
        start,
        end,
    }))
}

/// The longest head [`period_years`] parses: a löfte's head (title, promise, problem) is a
/// few KB.
const HEAD_LIMIT: usize = 64 << 10;

/// The first and last year of a löfte's period, None where any year is possible.
pub type Years = (Option<i32>, Option<i32>);

/// Whether a period of `a` years may overlap one of `b` years.
pub fn years_overlap(a: Years, b: Years) -> bool {
    a.0.zip(b.1).is_none_or(|(s, e)| s <= e) && b.0.zip(a.1).is_none_or(|(s, e)| s <= e)
}

/// The kommun [`kommuner::find`] reads `value` as, asked only when it may read one.
fn kommun_in(value: &str) -> Option<&'static Kommun> {
    if value.is_ascii() && !kommuner::may_find_ascii(value) {
        return None;
    }
    kommuner::find(value)
}

/// A string's value as far as naming a kommun goes.
enum Value<'a> {
    /// Too long to be any kommun's name.
    NoKommun,
    /// Not a string the TOML parser reads: could be anything.
    Unknown,
    Plain(&'a str),
    Decoded(String),
}

fn value_of<'a>(token: &str, content: &'a str, basic: bool) -> Value<'a> {
    let graphic = content
        .bytes()
        .filter(|b| b.is_ascii_graphic())
        .take(GRAPHIC_LIMIT + 1)
        .count();
    if graphic > GRAPHIC_LIMIT {
        return Value::NoKommun;
    }
    if basic && content.contains('\\') {
        match decode(token) {
            Some(v) => Value::Decoded(v),
            // Not a string the TOML parser reads: the file is parsed, to be safe.
            None => Value::Unknown,
        }
    } else {
        Value::Plain(content)
    }
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

    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn a_periods_years_are_read_from_the_head_or_left_open() {
        let head = "title = \"x\"\n[period]\nstart = 2016-01-01\nend = 2017-12-31\n";
        assert_eq!(period_years(head), (Some(2016), Some(2017)));
        let later = format!("{head}[[activity]]\nid = \"a\"\n[period]\nstart = 1990-01-01\n");
        assert_eq!(period_years(&later), (Some(2016), Some(2017)));
        let inline = "period = { end = 2018-06-30 }\n";
        assert_eq!(period_years(inline), (None, Some(2018)));
        // `[[` inside a string cuts the head where it does not parse: any year.
        let cut = "promise = \"\"\"\n[[x]]\n\"\"\"\n[period]\nstart = 2016-01-01\n";
        assert_eq!(period_years(cut), (None, None));
        assert!(years_overlap(
            (Some(2016), Some(2017)),
            (Some(2017), Some(2017))
        ));
        assert!(!years_overlap((Some(2016), Some(2016)), (Some(2017), None)));
        assert!(years_overlap((None, None), (Some(2017), Some(2017))));
    }

    /// A löfte's kommuner, area and period from its head, only when the head says them
    /// plainly as the loader reads them.
    #[test]
    fn a_heads_ident_is_read_only_when_plain() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let head_of = |top: &str| {
            let text = format!(
                "{top}\n[period]\nstart = 2016-01-01\nend = 2017-12-31\n[[activity]]\nid = \"a\"\n"
            );
            head(&text).1
        };
        let ident = head_of("kommuner = [\"Kil\", \"Forshaga\"]\narea = \"Centrum\"").unwrap();
        let kod = |n| kommuner::find(n).unwrap().kod;
        assert_eq!(ident.kods, [kod("Kil"), kod("Forshaga")]);
        assert_eq!(ident.area.as_deref(), Some("Centrum"));
        assert_eq!(
            (ident.start, ident.end),
            (day(2016, 1, 1), day(2017, 12, 31))
        );
        assert_eq!(head_of("kommun = \"Ale\"").unwrap().area, None);
        for unclear in [
            "kommun = \"Atlantis\"",
            "kommun = \"Ale\"\nkommuner = [\"Kil\"]",
            "kommuner = []",
            "kommun = \"Ale\"\narea = \"  \"",
            "kommun = \"Ale\"\narea = 3",
            "kommun = 3",
            "title = \"no kommun\"",
        ] {
            assert_eq!(head_of(unclear), None, "{unclear}");
        }
        let signing = "kommun = \"Ale\"\nsigned = 2016-02-01\n[period]\nstart = \"signing\"\nend = 2016-12-31\n";
        assert_eq!(head(signing), ((None, Some(2016)), None));
        let timed = "kommun = \"Ale\"\n[period]\nstart = 2016-01-01T10:00:00\nend = 2016-12-31\n";
        assert_eq!(head(timed).1, None);
    }

    /// Whether the text could hold a löfte of `k`.
    fn may_name(text: &str, k: &Kommun) -> bool {
        kommuner_named(text).is_none_or(|kods| kods.contains(&k.kod))
    }

    fn names(text: &str, kommun: &str) -> bool {
        may_name(text, kommuner::find(kommun).unwrap())
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
            let text = format!("kommun = \"{}\"\n", k.name.to_uppercase());
            assert!(may_name(&text, k), "{}", k.name);
            let text = format!("kommun = \"{}\"\n", k.name.nfd().collect::<String>());
            assert!(may_name(&text, k), "{}", k.name);
        }
    }
}
