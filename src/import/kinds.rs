//! The words beside a recognised phrase that the issue-11 target kinds need: the weekday and
//! time of a weekly slot, the units listed after "på varje högstadieskola", the activity a
//! "vid varje trygghetsvandring" refers to, and the months of an activity's own time frame.
//! Each function reads only what the text states and returns None otherwise.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::rules::{Found, Kind};
use crate::model::Per;
use crate::text::fold;
use crate::text::toml_string;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// What the rest of the draft tells an activity's target: its own id and text, every
/// activity's id and text (for "efter varje trygghetsvandring"), and the period (for the
/// year of "från september").
pub struct Context<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub others: &'a [(String, String)],
    pub period: (NaiveDate, NaiveDate),
    /// The löfte's kommuner: the units of "i varje kommun" when there are several.
    pub kommuner: &'a [String],
}

fn count_toml(n: u32, per: Per) -> String {
    format!("{{ count = {n}, per = \"{}\" }}", per.name())
}

/// A plain count phrase: its TOML and reading; None for other kinds.
pub(super) fn plain(f: &Found) -> Option<(String, String)> {
    let w = &f.words;
    match f.kind {
        Kind::Count(per) => {
            let term = f
                .unit
                .as_deref()
                .is_some_and(|u| u.to_lowercase().contains("termin"));
            let mut r = match f.unit.as_deref().filter(|u| !w.contains(u)) {
                // the window said apart from the count, in its sentence or its list's lead
                Some(u) => format!(
                    "\"{w}\" with \"{u}\" said apart: {} per {}",
                    f.count,
                    per.name()
                ),
                None => format!("\"{w}\": {} per {}", f.count, per.name()),
            };
            if term {
                r.push_str(" (a termin read as a half-year)");
            }
            if per == Per::Year && f.count == 26 && w.to_lowercase().starts_with("varannan") {
                r.push_str(
                    " (every other week read as 26 a year; the format has no two-week window)",
                );
            }
            if per == Per::Week && f.count == 7 && f.unit.is_none() {
                r.push_str(" (every day read as seven a week; the format has no daily window)");
            }
            Some((count_toml(f.count, per), r))
        }
        Kind::CountNoWindow => Some((
            count_toml(f.count, Per::Period),
            format!("\"{w}\" names no window: {} over the whole period", f.count),
        )),
        _ => None,
    }
}

/// The count beside an issue-11 phrase, for the reading: `, with "…"`.
pub(super) fn with(f: &Found) -> String {
    f.with_count
        .as_ref()
        .map_or(String::new(), |c| format!(", with \"{}\"", c.words))
}

/// Swedish weekday stems and the name the draft writes: Swedish, as the text and the
/// README's own example write it (the format reads English and Swedish names alike).
const WEEKDAYS: &[(&str, &str)] = &[
    ("mån", "måndag"),
    ("tis", "tisdag"),
    ("ons", "onsdag"),
    ("tors", "torsdag"),
    ("fre", "fredag"),
    ("lör", "lördag"),
    ("sön", "söndag"),
];

/// Parts of a day, as written (plural or singular) and as the draft writes them.
const DAY_PARTS: &[(&str, &str)] = &[
    ("kvällar", "kväll"),
    ("kväll", "kväll"),
    ("morgnar", "morgon"),
    ("morgon", "morgon"),
    ("eftermiddagar", "eftermiddag"),
    ("eftermiddag", "eftermiddag"),
    ("förmiddagar", "förmiddag"),
    ("förmiddag", "förmiddag"),
];

/// A fixed weekly slot: weekday (Swedish), time as written, and whether the text says
/// helgdagar are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub weekday: &'static str,
    pub time: Option<String>,
    pub except_holidays: bool,
}

/// "varje tisdagskväll", "alla tisdagar", "tisdagar kl. 18–20", "helgdagar undantagna".
/// None for "varje helg" and other words that name no single weekday.
pub fn weekly(text: &str) -> Option<Slot> {
    let re = regex!(
        r"(?i)\b(?:(?:varje|alla) )?(mån|tis|ons|tors|fre|lör|sön)dag(?:ar|s)?(kvällar|kväll|morgnar|morgon|eftermiddagar|eftermiddag|förmiddagar|förmiddag)?(?:\s+(kvällar|kväll|morgnar|morgon|eftermiddagar|eftermiddag|förmiddagar|förmiddag))?\b"
    );
    let c = re.captures(text)?;
    let stem = c[1].to_lowercase();
    // "på fredags- och lördagskvällar": two weekdays are no single weekly slot.
    if re.captures_iter(text).any(|o| o[1].to_lowercase() != stem) {
        return None;
    }
    let weekday = WEEKDAYS.iter().find(|(s, _)| *s == stem)?.1;
    let clock = regex!(
        r"(?i)\b(?:kl\.?|klockan)\s*(\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?|\d{1,2}(?:[.:]\d{2})?)"
    );
    let part = c.get(2).or(c.get(3)).map(|m| m.as_str().to_lowercase());
    // "mellan kl. 10.00 och 11.00": the hours, whole ones without their ".00".
    let between = regex!(
        r"(?i)\bmellan\s+(?:kl\.?|klockan)\s*(\d{1,2}(?:[.:]\d{2})?)\s+(?:och|till)\s+(?:kl\.?\s*)?(\d{1,2}(?:[.:]\d{2})?)\b"
    );
    let whole = |t: &str| {
        t.strip_suffix(".00")
            .or_else(|| t.strip_suffix(":00"))
            .unwrap_or(t)
            .to_string()
    };
    let time = match (between.captures(text), clock.captures(text)) {
        (Some(b), _) => Some(format!("{}-{}", whole(&b[1]), whole(&b[2]))),
        (None, k) => match k {
            Some(k) => Some(k[1].replace('–', "-").replace(' ', "")),
            None => part.and_then(|p| {
                DAY_PARTS
                    .iter()
                    .find(|(w, _)| *w == p)
                    .map(|(_, t)| t.to_string())
            }),
        },
    };
    let except_holidays = regex!(
        r"(?i)\bhelgdag\w*,? (?:undantag\w*|exkluder\w*)|\b(?:utom|förutom|ej|inte) (?:på )?helgdag\w*|\bundantaget helgdag\w*"
    )
    .is_match(text);
    Some(Slot {
        weekday,
        time,
        except_holidays,
    })
}

/// The units listed in parentheses right after the per-unit words ("på varje högstadieskola
/// (Södra skolan, Västra skolan)"), at least two and all distinct.
pub fn units(text: &str, words: &str) -> Option<Vec<String>> {
    let at = text.find(words)? + words.len();
    let rest = &text[at..];
    let c = regex!(r"^\w*\s*\(([^()]+)\)").captures(rest)?;
    let list: Vec<String> = regex!(r",\s*|\s+och\s+|\s+samt\s+")
        .split(&c[1])
        .map(|s| s.trim().trim_end_matches('.').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for u in &list {
        if u.chars().count() > 60 || seen.contains(&fold(u)) {
            return None;
        }
        seen.push(fold(u));
    }
    (list.len() >= 2).then_some(list)
}

/// The stem of a Swedish noun for matching its other forms ("trygghetsvandringar" →
/// "trygghetsvandring", "mötet" → "möte").
fn stem(w: &str) -> String {
    let w = fold(w);
    // "insatsvecka" and "insatsveckor" share "insatsveck".
    for end in [
        "arna", "erna", "orna", "ar", "er", "or", "en", "et", "na", "a",
    ] {
        if let Some(s) = w.strip_suffix(end)
            && s.chars().count() >= 4
        {
            return s.to_string();
        }
    }
    w
}

/// The occurrence "vid varje möte i trygghetsrådet" names: its noun and any "i/med X" after
/// it, as stems.
fn occurrence(words: &str, text: &str) -> Vec<String> {
    let noun = words.split_whitespace().last().unwrap_or_default();
    let mut stems = vec![stem(noun)];
    if let Some(at) = text.find(words) {
        let after = &text[at + words.len()..];
        if let Some(c) = regex!(r"^\s+(?:i|med|hos|inom)\s+(\w+)").captures(after) {
            stems.push(stem(&c[1]));
        }
    }
    stems
}

/// The one other activity whose text names the occurrence ("efter varje trygghetsvandring"
/// → the activity about trygghetsvandringar); None when none or several do.
pub fn each_of<'a>(
    words: &str,
    text: &str,
    own: &str,
    others: &'a [(String, String)],
) -> Option<&'a str> {
    let stems = occurrence(words, text);
    let names = |t: &str| {
        let ws: Vec<String> = t.split(|c: char| !c.is_alphanumeric()).map(fold).collect();
        stems
            .iter()
            .all(|s| ws.iter().any(|w| w.starts_with(s.as_str())))
    };
    // Two hits are enough to know it is not one: stop there (linear for many equal items).
    let hits: Vec<&(String, String)> = others
        .iter()
        .filter(|(id, t)| id != own && names(t))
        .take(2)
        .collect();
    match hits.as_slice() {
        [one] => Some(one.0.as_str()),
        _ => None,
    }
}

/// The count an each-target states ("åtgärdas minst ett av förslagen": 1), else 1: once per
/// occurrence is what "vid varje" says.
pub fn each_count(text: &str) -> (u32, bool) {
    let c =
        regex!(r"(?i)\b(?:minst|åtminstone)\s+(\d{1,3}|en|ett|två|tre|fyra|fem)\b").captures(text);
    match c.and_then(|c| super::rules::number(&c[1])) {
        Some(n) if n > 0 => (n, true),
        _ => (1, false),
    }
}

fn month(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    super::rules::MONTHS
        .iter()
        .position(|m| *m == w)
        .map(|i| i as u32 + 1)
}

fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// An activity's own time frame from months the text names ("juni–augusti", "från
/// september", "från och med mars till och med maj"), with the words. The year is the one
/// the text gives, else the only year of the period in which the frame lies wholly inside
/// it; None when the text names no month or the year cannot be known.
pub fn frame(
    text: &str,
    period: (NaiveDate, NaiveDate),
) -> Option<(Option<NaiveDate>, Option<NaiveDate>, String)> {
    const M: &str =
        "(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)";
    const Y: &str = r"(?:\s+(\d{4}))?";
    static RES: OnceLock<[Regex; 3]> = OnceLock::new();
    let [range, from_only, until_only] = RES.get_or_init(|| {
        let re = |p: String| Regex::new(&p).expect("the importer's patterns compile");
        [
            re(format!(
                r"(?i)(?:\b(?:under|från(?: och med)?|fr\.o\.m\.?)\s+)?\b{M}{Y}\s*(?:[-–]|till(?: och med)?|t\.o\.m\.?)\s*{M}{Y}\b"
            )),
            re(format!(r"(?i)\b(?:från(?: och med)?|fr\.o\.m\.?)\s+{M}{Y}\b")),
            re(format!(r"(?i)\b(?:till och med|t\.o\.m\.?|fram till)\s+{M}{Y}\b")),
        ]
    });
    let (words, a, ay, b, by) = if let Some(c) = range.captures(text) {
        let y = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        (c[0].to_string(), month(&c[1]), y(2), month(&c[3]), y(4))
    } else if let Some(c) = from_only.captures(text) {
        let y = c.get(2).and_then(|m| m.as_str().parse::<i32>().ok());
        (c[0].to_string(), month(&c[1]), y, None, None)
    } else {
        let c = until_only.captures(text)?;
        let y = c.get(2).and_then(|m| m.as_str().parse::<i32>().ok());
        (c[0].to_string(), None, None, month(&c[1]), y)
    };
    let (start, end) = period;
    let make = |y: i32| -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        let from = match a {
            Some(m) => Some(NaiveDate::from_ymd_opt(ay.unwrap_or(y), m, 1)?),
            None => None,
        };
        let until = match b {
            Some(m) => {
                // "november–februari" runs into the next year.
                let wrap = i32::from(a.is_some_and(|am| am > m) && by.is_none());
                Some(last_day(by.unwrap_or(y + wrap), m)?)
            }
            None => None,
        };
        let inside = |d: Option<NaiveDate>| d.is_none_or(|d| d >= start && d <= end);
        let ordered = matches!((from, until), (Some(f), Some(u)) if f > u);
        (inside(from) && inside(until) && !ordered).then_some((from, until))
    };
    let years: Vec<(Option<NaiveDate>, Option<NaiveDate>)> =
        (start.year()..=end.year()).filter_map(make).collect();
    let mut unique = years.clone();
    unique.dedup();
    match unique.as_slice() {
        [(f, u)] => Some((*f, *u, words)),
        _ => None,
    }
}

// ---- The TOML of the kinds that need the words beside them. ----

/// "på varje högstadieskola (A, B)" with a count beside it: the count for each unit.
pub(super) fn per_unit(
    f: &Found,
    cx: &Context<'_>,
    out: &mut Vec<String>,
) -> (Option<String>, String) {
    let w = &f.words;
    let kommun = w.to_lowercase().ends_with(" kommun") && cx.kommuner.len() > 1;
    let listed = units(cx.text, w);
    let from_kommuner = listed.is_none() && kommun;
    let listed = listed.or_else(|| from_kommuner.then(|| cx.kommuner.to_vec()));
    let count = f.with_count.as_deref().and_then(plain);
    match (listed, count) {
        (Some(list), Some((t, r))) => {
            let whose = if from_kommuner {
                "the löfte's kommuner: "
            } else {
                ""
            };
            let reading = format!("\"{w}\" ({whose}{}): {r} for each", list.join(", "));
            *out = list;
            (Some(t), reading)
        }
        (list, _) => (
            None,
            format!(
                "a target per unit: \"{w}\"{}; the text {}, so none is written",
                with(f),
                if list.is_some() {
                    "states no count"
                } else {
                    "lists no units"
                }
            ),
        ),
    }
}

/// An event the löfte refers to but does not promise: "vid varje sammanträde med BRÅ", "vid
/// varje möte i lokala brottsförebyggande rådet". Its id, its text and the words. Only a
/// meeting (möte, sammanträde, träff) is an event; None otherwise.
pub fn event(words: &str, text: &str) -> Option<(String, String)> {
    let at = text.find(words)?;
    let after_varje = regex!(r"(?i)\b(?:varje|varje enskild|alla)\s+(.+)$")
        .captures(&text[at..at + words.len()])?
        .get(1)?
        .as_str()
        .to_string();
    let noun = after_varje.split_whitespace().last()?.to_string();
    if !regex!(r"(?i)(?:möte|sammanträde|träff)\w*$").is_match(&noun) {
        return None;
    }
    // The body it is of: "i/med/hos/inom" and up to four words, stopping at a verb or a
    // punctuation mark.
    let rest = &text[at + words.len()..];
    let mut body = Vec::new();
    if let Some(c) = regex!(r"^\s+(i|med|hos|inom)\s+(.*)$").captures(rest) {
        for w in c[2].split_whitespace().take(4) {
            let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            let verb = super::rules::ACTIVITY_VERBS.contains(&bare.to_lowercase().as_str())
                || matches!(
                    bare.to_lowercase().as_str(),
                    "ska" | "skall" | "kommer" | "att" | "och" | "samt" | "för" | "där" | "som"
                );
            if bare.is_empty() || verb {
                break;
            }
            body.push(bare.to_string());
            // The body's name ends at a punctuation mark, a name ("BRÅ") or a noun in its
            // definite form ("rådet", "styrelsen", "grupperna").
            let lower = bare.to_lowercase();
            let definite = ["et", "en", "na"].iter().any(|e| lower.ends_with(e));
            let name = bare.chars().next().is_some_and(char::is_uppercase);
            if bare.len() != w.len() || definite || name {
                break;
            }
        }
        if !body.is_empty() {
            body.insert(0, c[1].to_string());
        }
    }
    let phrase = std::iter::once(after_varje.clone())
        .chain(body.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = phrase.chars();
    let text = chars
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())?;
    let id_words = match body.last() {
        Some(b) => format!("{b} {}", stem(&noun)),
        None => stem(&noun),
    };
    let mut id = crate::text::slug(&id_words);
    id.truncate(32);
    let id = id.trim_end_matches('-').to_string();
    (!id.is_empty()).then_some((id, text))
}

/// Days after an occurrence the text allows: "inom två veckor efter varje möte" = 14.
pub fn grace_days(text: &str) -> Option<u32> {
    let c = regex!(r"(?i)\binom\s+(\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|fjorton|trettio)\s+(dag|dagar|vecka|veckor|månad)\b")
        .captures(text)?;
    let n = super::rules::number(&c[1]).or(match &c[1] {
        "fjorton" => Some(14),
        _ => None,
    })?;
    let days = match c[2].to_lowercase().as_str() {
        "dag" | "dagar" => n,
        "vecka" | "veckor" => n * 7,
        _ => n * 30,
    };
    (days > 0 && days <= 366).then_some(days)
}

/// "efter varje trygghetsvandring": a count per occurrence of the one other activity named;
/// "vid varje sammanträde med BRÅ": per occurrence of an `[[event]]`, declared in `event`.
pub(super) fn per_occurrence(
    f: &Found,
    cx: &Context<'_>,
    event_out: &mut Option<(String, String)>,
) -> (Option<String>, String) {
    let w = &f.words;
    let (n, stated) = each_count(cx.text);
    let how = if stated {
        format!("{n} for each")
    } else {
        "once for each".to_string()
    };
    let grace = grace_days(cx.text);
    let grace_toml = grace.map_or(String::new(), |d| format!(", grace_days = {d}"));
    let grace_reading = match grace {
        Some(d) => format!(", within {d} days after it"),
        None if w.to_lowercase().starts_with("efter") => {
            "; the text states no days after it, so no grace_days (add one by hand)".to_string()
        }
        None => String::new(),
    };
    let named = each_of(w, cx.text, cx.id, cx.others);
    if named.is_none()
        && let Some((id, text)) = event(w, cx.text)
        && !cx.others.iter().any(|(o, _)| *o == id)
    {
        let r = format!(
            "\"{w}\": an event the löfte refers to, declared as [[event]] \"{id}\" ({text}); {how}{grace_reading}; record it with `pledge done KOMMUN --event {id}`"
        );
        *event_out = Some((id.clone(), text));
        return (
            Some(format!(
                "{{ count = {n}, each = {}{grace_toml} }}",
                toml_string(&id)
            )),
            r,
        );
    }
    match named {
        Some(id) => (
            Some(format!(
                "{{ count = {n}, each = {}{grace_toml} }}",
                toml_string(id)
            )),
            format!("\"{w}\": {how} \"{id}\"{}{grace_reading}", with(f)),
        ),
        None => (
            None,
            format!(
                "a target per occurrence of something else: \"{w}\"{}; no one other activity of \
                 the draft names it, so none is written",
                with(f)
            ),
        ),
    }
}

/// "varje tisdagskväll, helgdagar undantagna": a fixed weekly slot.
pub(super) fn weekly_toml(f: &Found, cx: &Context<'_>) -> (Option<String>, String) {
    let w = &f.words;
    let Some(s) = weekly(cx.text) else {
        return (
            None,
            format!("\"{w}\" names no single weekday, so no weekly slot is written"),
        );
    };
    let mut t = format!("{{ weekday = \"{}\"", s.weekday);
    if let Some(time) = &s.time {
        t.push_str(&format!(", time = {}", toml_string(time)));
    }
    let mut r = format!("\"{w}\": a fixed weekly slot, every {}", s.weekday);
    if let Some(time) = &s.time {
        r.push_str(&format!(", {time}"));
    }
    if s.except_holidays {
        t.push_str(", except = \"holidays\"");
        r.push_str(", helgdagar left out as the text says");
    }
    t.push_str(" }");
    (Some(t), r)
}

#[cfg(test)]
mod tests;
