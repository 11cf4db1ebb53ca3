//! From published text to blocks: normalised characters, words split at line breaks joined
//! again, page furniture dropped (and listed), then headings, paragraphs, list items and the
//! signature block.

use std::sync::OnceLock;

use regex::Regex;

use super::{dates, rules};

/// Word parts before a hyphen that are abbreviations written in lower case ("e-post",
/// "mc-gäng"): a hyphen after them is kept.
pub const KEEP_HYPHEN_AFTER: &[&str] = &[
    "it", "tv", "sms", "mc", "hbtq", "cd", "dvd", "pr", "ip", "gps", "vd", "pc", "usb", "ai",
    "lss", "sfi", "bup", "ks",
];
/// Words after a hyphen that make it a shared ending ("ordnings- och trygghetsfrågor").
const CONJUNCTIONS: &[&str] = &["och", "eller", "samt", "respektive", "till", "som"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Para(String),
    Item {
        ordered: bool,
        text: String,
    },
    /// The lines after a signing line ("Alvesta den 28 februari 2017"): names and titles.
    Signature(Vec<String>),
}

#[derive(Debug, Default)]
pub struct Cleaned {
    pub blocks: Vec<Block>,
    /// Lines and sentences dropped as page furniture, as written.
    pub furniture: Vec<String>,
    /// Words joined again, "trygghets-vandringar" as written.
    pub joined: Vec<String>,
}

/// Characters a pasted page brings along: no-break and odd spaces become spaces, soft hyphens
/// and zero-width characters go, other control characters become spaces.
fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // CRLF, CR alone (old Mac files) and LF all end a line.
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// "… i kommunen.Peter Lagerström": a name glued by the page to the sentence before it (a
/// signature after the last paragraph) begins a block of its own. Only a word of three or
/// more lower-case letters, its full stop, and two capitalised words: "bl.a.", "t.ex." and
/// addresses ("polisen.se") stay as they are.
fn unglue_names(text: &str) -> std::borrow::Cow<'_, str> {
    static R: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"([a-zåäö]{3}[.!?])([A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+)")
            .expect("the importer's patterns compile")
    })
    .replace_all(text, "$1\n\n$2")
}

/// Whether a word split with a hyphen at a line break is kept as two words with a hyphen
/// ("ordnings- och", "e-post", "ANDT-förebyggande" are not joined).
fn keep_hyphen(left: &str, right: &str) -> bool {
    left.chars().count() < 2
        || KEEP_HYPHEN_AFTER.contains(&left.to_lowercase().as_str())
        || CONJUNCTIONS.contains(&right)
        || !left.chars().all(char::is_alphabetic)
        || left.chars().skip(1).any(char::is_uppercase)
}

/// Whether a token is (part of) a web address, whose hyphens are never joined.
fn is_address(token: &str) -> bool {
    let t = token.to_lowercase();
    t.contains("://") || t.starts_with("www.") || t.contains('/') || t.contains('@')
}

/// Joins words split by a hyphen at a line break ("trygghets-" / "vandringar"), and only
/// there: a hyphen inside a line is the writer's ("shell-command", "Dals-Ed"), and a hyphen
/// in a web address is never touched. One pass over the lines: linear in the text.
fn join_hyphens(text: &str, joined: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(first) = lines.next() {
        let mut line = first.to_string();
        while let Some(next) = lines.peek() {
            let body = line.trim_end();
            let token = body.rsplit(' ').next().unwrap_or("");
            let Some(left) = token.strip_suffix('-') else {
                break;
            };
            let left = left.trim_start_matches(|c: char| !c.is_alphanumeric());
            let nt = next.trim_start();
            let right: String = nt.chars().take_while(|c| c.is_alphabetic()).collect();
            let joinable = !left.is_empty()
                && right.chars().next().is_some_and(char::is_lowercase)
                && !is_address(token)
                && !is_address(nt.split(' ').next().unwrap_or(""))
                && !keep_hyphen(left, &right);
            if !joinable {
                break;
            }
            let shown = format!("{left}-{right}");
            if joined.len() < 50 && !joined.contains(&shown) {
                joined.push(shown);
            }
            let cut = body.len() - 1;
            line.truncate(cut);
            line.push_str(nt);
            lines.next();
        }
        out.push_str(&line);
        if lines.peek().is_some() {
            out.push('\n');
        }
    }
    out
}

fn marker_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*(?:([•·▪●◦‣∙*–—\-■□❖➢►✓\u{f0b7}])|(\d{1,2}[.)]|[a-h]\)))\s+(\S.*)$")
            .expect("pattern compiles")
    })
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

fn ends_open(s: &str) -> bool {
    !s.trim_end()
        .ends_with(['.', '!', '?', ';', ',', ':', ')', '"', '”'])
}

/// A line ending in a word that needs the next line ("… arbeta med", "… polisen och").
fn ends_with_function_word(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "och", "att", "med", "i", "på", "för", "som", "av", "till", "om", "en", "ett", "den",
        "det", "de", "samt", "eller", "från", "vid", "under", "inom", "mot", "där", "när", "ska",
        "kommer", "är", "har", "kan", "vi", "genom", "efter", "mellan", "både", "the",
    ];
    s.split_whitespace()
        .last()
        .is_some_and(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

fn starts_upper(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A list item's text: its first line and the lines that continue it (indented, starting in
/// lower case, or an "Ansvarig" line). `i` is left at the next line.
fn item_text(lines: &[&str], i: &mut usize, line: &str, first: &str) -> String {
    let mut text = first.trim().to_string();
    let base = indent(line);
    while let Some(next) = lines.get(*i) {
        let nt = next.trim();
        let cont = !nt.is_empty()
            && !marker_re().is_match(next)
            && (indent(next) > base
                || !starts_upper(nt)
                || nt.to_lowercase().starts_with("ansvarig")
                || nt.starts_with('/'));
        if !cont {
            break;
        }
        text.push(' ');
        text.push_str(nt);
        *i += 1;
    }
    text
}

/// The lines of names and titles after a signing line, up to a blank line or a sentence.
fn signature_lines(lines: &[&str], i: &mut usize) -> Vec<String> {
    let mut sig = Vec::new();
    while lines.get(*i).is_some_and(|l| l.trim().is_empty()) {
        *i += 1;
    }
    while let Some(l) = lines
        .get(*i)
        .filter(|l| !l.trim().is_empty() && ends_open(l))
    {
        sig.push(l.trim().to_string());
        *i += 1;
    }
    sig
}

/// "• Trafik" alone between paragraphs, a blank line after it: a bullet used as a topic
/// heading, not a list of one. `rest` is the lines after the item.
fn bullet_topic(text: &str, before: Option<&Block>, rest: &[&str]) -> bool {
    let after = rest.iter().find(|l| !l.trim().is_empty());
    text.split_whitespace().count() <= 4
        && ends_open(text)
        && starts_upper(text)
        && !matches!(before, Some(Block::Item { .. }))
        && rest.first().is_some_and(|l| l.trim().is_empty())
        && after.is_some_and(|l| !marker_re().is_match(l) && !ends_open(l.trim()))
}

/// Whether the line `t` is a heading: short, no sentence in it, and alone (the paragraph
/// before it ended, `last` being its last line) or followed by a new sentence. A short line
/// after a paragraph's last full stop, the next line starting a new sentence, is one too: a
/// heading in a page whose text has no blank lines ("… mynnat ut i." / "Det här ska vi göra" /
/// "Polisen och kommunen …").
fn is_heading(t: &str, last: Option<&str>, next_line: &str) -> bool {
    let next = next_line.trim();
    let alone = next.is_empty() || marker_re().is_match(next_line);
    let len = t.chars().count();
    let after_sentence = last.is_some_and(|l| l.ends_with(['.', '!', '?']))
        && ends_open(t)
        && len <= 60
        && t.split_whitespace().count() <= 8
        && starts_upper(t)
        && starts_upper(next)
        && !ends_with_function_word(t);
    (last.is_none() || after_sentence)
        && !t.contains(". ")
        && t.split_whitespace().count() <= 14
        && (t.ends_with(':') && len <= 100
            || ends_open(t) && (len <= 60 && starts_upper(next) || alone && len <= 100))
}

/// Cleans a published text and cuts it into blocks.
pub fn blocks(text: &str) -> Cleaned {
    let mut c = Cleaned::default();
    let text = join_hyphens(&unglue_names(&normalise(text)), &mut c.joined);
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if rules::is_furniture(t) {
            c.furniture.push(t.to_string());
        } else {
            lines.push(line.trim_end());
        }
    }
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Para(para.join(" ")));
            para.clear();
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        i += 1;
        if t.is_empty() {
            flush(&mut para, &mut c.blocks);
            continue;
        }
        if (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' ') {
            // A web address on a line of its own (a page's address above its text) is a
            // block of its own, never the first words of the title below it.
            flush(&mut para, &mut c.blocks);
            c.blocks.push(Block::Para(t.to_string()));
            continue;
        }
        if let Some(m) = marker_re().captures(line) {
            flush(&mut para, &mut c.blocks);
            let text = item_text(&lines, &mut i, line, &m[3]);
            if bullet_topic(&text, c.blocks.last(), &lines[i..]) {
                c.blocks.push(Block::Heading(text));
                continue;
            }
            c.blocks.push(Block::Item {
                ordered: m.get(2).is_some(),
                text,
            });
            continue;
        }
        if para.is_empty() && dates::signed(t).is_some() && t.split_whitespace().count() <= 6 {
            c.blocks.push(Block::Para(t.to_string()));
            let sig = signature_lines(&lines, &mut i);
            if !sig.is_empty() {
                c.blocks.push(Block::Signature(sig));
            }
            continue;
        }
        if is_heading(t, para.last().copied(), lines.get(i).copied().unwrap_or("")) {
            flush(&mut para, &mut c.blocks);
            c.blocks
                .push(Block::Heading(t.trim_end_matches(':').trim().to_string()));
            if t.ends_with(':') {
                // A lead-in ("Det gör vi genom att:") keeps its colon: it introduces a list.
                if let Some(Block::Heading(h)) = c.blocks.last_mut() {
                    h.push(':');
                }
            }
            continue;
        }
        para.push(t);
    }
    flush(&mut para, &mut c.blocks);
    c
}

const ABBREVIATIONS: &[&str] = &[
    "t.ex", "bl.a", "m.m", "d.v.s", "dvs", "ca", "kl", "nr", "st", "resp", "jfr", "s.k", "fr.o.m",
    "t.o.m", "o.s.v", "osv", "m.fl", "p.g.a", "pga", "mfl", "f.d", "ev",
];

/// Splits a paragraph into sentences: after `.`, `!` or `?` followed by a space and a capital
/// letter or digit, unless the word before is an abbreviation.
pub fn sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = p.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && chars
                .get(i + 2)
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || *n == '"')
        {
            let word: String = chars[start..i]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let w = word.to_lowercase();
            let abbrev =
                ABBREVIATIONS.contains(&w.trim_start_matches('(')) || w.chars().count() == 1;
            if !abbrev {
                out.push(
                    chars[start..=i]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_string(),
                );
                start = i + 1;
            }
        }
        i += 1;
    }
    let rest: String = chars[start..].iter().collect();
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_glued_to_the_last_sentence_begins_a_block() {
        assert_eq!(
            unglue_names("fartkamera i kommunen.Peter Lagerström\nTf chef"),
            "fartkamera i kommunen.\n\nPeter Lagerström\nTf chef"
        );
        // Abbreviations and addresses stay as they are.
        for s in [
            "bl.a.Polisen Nord",
            "se polisen.se för mer",
            "t.ex.Anna Berg",
        ] {
            assert_eq!(unglue_names(s), s);
        }
    }

    #[test]
    fn hyphens_from_line_breaks_are_repaired() {
        let mut j = Vec::new();
        assert_eq!(
            join_hyphens("genomföra trygghets-\nvandringar och", &mut j),
            "genomföra trygghetsvandringar och"
        );
        assert_eq!(
            join_hyphens("polis-\nmyndighetens och An-\n  svarig", &mut j),
            "polismyndighetens och Ansvarig"
        );
        assert_eq!(
            j,
            ["trygghets-vandringar", "polis-myndighetens", "An-svarig"]
        );
        // Inside a line a hyphen is the writer's, and an address keeps every hyphen.
        let mut j = Vec::new();
        for keep in [
            "kör shell-command och polis-myndighetens",
            "https://example.se/medborgarlofte-\nvasteras/",
            "se www.kommun.se/trygg-\nhet",
        ] {
            assert_eq!(join_hyphens(keep, &mut j), keep);
        }
        assert!(j.is_empty());
        let mut j = Vec::new();
        for keep in [
            "ordnings- och trygghetsfrågor",
            "ANDT-förebyggande",
            "Per-Samuel",
            "e-post",
            "mc-gäng",
            "Kristinehamn – medborgarlöften",
        ] {
            assert_eq!(join_hyphens(keep, &mut j), keep);
        }
        // A shared ending stays a hyphen; the line break is read as a space later.
        assert_eq!(
            join_hyphens("ordnings-\noch trygghet", &mut j),
            "ordnings-\noch trygghet"
        );
        assert_eq!(
            blocks("ordnings-\noch trygghet.").blocks,
            [Block::Para("ordnings- och trygghet.".into())]
        );
        assert!(j.is_empty());
    }

    #[test]
    fn cr_and_mixed_line_endings_read_like_lf() {
        let lf = blocks("Polisen lovar\n\n• Fotpatrull.\n• Kontroller.\n");
        for text in [
            "Polisen lovar\r\r• Fotpatrull.\r• Kontroller.\r",
            "Polisen lovar\r\n\r\n• Fotpatrull.\r• Kontroller.\n",
            "Polisen lovar\n\r• Fotpatrull.\r\n• Kontroller.",
        ] {
            assert_eq!(blocks(text).blocks, lf.blocks, "{text:?}");
        }
    }

    #[test]
    fn furniture_is_dropped_and_listed() {
        let c = blocks("Sök på polisen.se\n\nMedborgarlöfte i Ale\n\nText här.\n\nTill toppen");
        assert_eq!(c.furniture, ["Sök på polisen.se", "Till toppen"]);
        assert_eq!(
            c.blocks,
            [
                Block::Heading("Medborgarlöfte i Ale".into()),
                Block::Para("Text här.".into())
            ]
        );
    }

    #[test]
    fn lists_headings_and_continuations() {
        let c = blocks(
            "Uppföljning\nUppföljning sker årligen.\n\nDet gör vi genom att:\n • Polisen lovar att\n  patrullera.\n  Ansvarig: Polisen\n 2. Andra\n",
        );
        assert_eq!(
            c.blocks,
            [
                Block::Heading("Uppföljning".into()),
                Block::Para("Uppföljning sker årligen.".into()),
                Block::Heading("Det gör vi genom att:".into()),
                Block::Item {
                    ordered: false,
                    text: "Polisen lovar att patrullera. Ansvarig: Polisen".into()
                },
                Block::Item {
                    ordered: true,
                    text: "Andra".into()
                },
            ]
        );
    }

    #[test]
    fn a_short_line_after_a_full_stop_is_a_heading_without_blank_lines() {
        let c = blocks(
            "Insatserna bygger på lägesbilden.\nDet här ska vi göra\nPolisen och kommunen avser att arbeta mot målen.\n",
        );
        assert_eq!(
            c.blocks,
            [
                Block::Para("Insatserna bygger på lägesbilden.".into()),
                Block::Heading("Det här ska vi göra".into()),
                Block::Para("Polisen och kommunen avser att arbeta mot målen.".into()),
            ]
        );
        // A line that needs the next one, or a next line that goes on in lower case, is
        // part of the paragraph.
        for text in [
            "Vi har en lägesbild.\nUnder året ska polisen arbeta med\nTrygghetsvandringar i centrum.\n",
            "Vi har en lägesbild.\nPolisen och kommunen ska\nGenomföra vandringar.\n",
            "Vi har en lägesbild.\nDärför satsar vi\npå fler vandringar.\n",
        ] {
            assert_eq!(c_len(text), 1, "{text:?}");
        }
    }

    fn c_len(text: &str) -> usize {
        blocks(text).blocks.len()
    }

    #[test]
    fn other_bullets_and_capital_headings() {
        let c = blocks("POLISEN LOVAR\n\n\u{f0b7} Fotpatrull.\n➢ Kontroller.\n■ Möten.\n");
        assert_eq!(c.blocks[0], Block::Heading("POLISEN LOVAR".into()));
        assert_eq!(c.blocks.len(), 4);
        assert!(matches!(&c.blocks[3], Block::Item { text, .. } if text == "Möten."));
    }

    #[test]
    fn signature_block_follows_the_signing_line() {
        let c = blocks("Alvesta den 28 februari 2017\n\nJonas Eek Per Ribacke\nChef\n\nSlut.");
        assert_eq!(
            c.blocks[0],
            Block::Para("Alvesta den 28 februari 2017".into())
        );
        assert_eq!(
            c.blocks[1],
            Block::Signature(vec!["Jonas Eek Per Ribacke".into(), "Chef".into()])
        );
        assert_eq!(c.blocks.len(), 3);
        let c = blocks("Alvesta den 28 februari 2017\nJonas Eek\nChef\n");
        assert_eq!(
            c.blocks[1],
            Block::Signature(vec!["Jonas Eek".into(), "Chef".into()])
        );
    }

    #[test]
    fn sentences_split_at_full_stops() {
        assert_eq!(
            sentences("Ett. Två bl.a. Tre? Fyra 2017. 5 st. Sex"),
            ["Ett.", "Två bl.a. Tre?", "Fyra 2017.", "5 st. Sex"]
        );
    }
}
