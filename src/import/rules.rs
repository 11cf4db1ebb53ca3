//! The importer's Swedish rules, as data: phrase patterns for targets, periods and dates,
//! number words, page furniture. Each table row is one pattern; the functions below only
//! run the tables. `{N}` in a pattern stands for a number (digits or a number word, with an
//! optional "(2)" after it) and `{UNIT}` for a window word.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::Per;

pub const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// Window words and the window they name. "termin" is read as a half-year (a reading the
/// draft states).
pub const UNITS: &[(&str, Per)] = &[
    ("hela perioden", Per::Period),
    ("löftesperioden", Per::Period),
    ("perioden", Per::Period),
    ("kalenderåret", Per::Year),
    ("kalenderår", Per::Year),
    ("halvåret", Per::HalfYear),
    ("halvår", Per::HalfYear),
    ("skolterminen", Per::HalfYear),
    ("skoltermin", Per::HalfYear),
    ("läsåret", Per::Year),
    ("läsår", Per::Year),
    ("terminen", Per::HalfYear),
    ("termin", Per::HalfYear),
    ("kvartalet", Per::Quarter),
    ("kvartal", Per::Quarter),
    ("månaden", Per::Month),
    ("månad", Per::Month),
    ("veckan", Per::Week),
    ("vecka", Per::Week),
    ("året", Per::Year),
    ("år", Per::Year),
];

/// What a phrase in an activity says about its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// At least `n` per window (`n` from the phrase, 1 when the phrase has no number).
    Count(Per),
    /// A count over the whole period where the text names no window ("vid två tillfällen").
    CountNoWindow,
    /// A change made once ("införa", "se över").
    Once,
    /// Issue 11 kinds, written with the words beside them (see `kinds`):
    Parts,
    PerUnit,
    PerOccurrence,
    OnRequest,
    WeeklySlot,
    OpenCount,
    OwnFrame,
    /// A frequency without a number ("regelbundna", "löpande").
    Vague,
    /// A window the format has no word for ("varannan vecka", "dagligen").
    OtherWindow,
}

/// A number word, compounds included ("femtiotvå", "tjugoen", "etthundra"): tens before
/// teens before ones, so the longest word is read.
const NW: &str = r"(?:(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?hundra(?:(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|två|tre|fyra|fem|sex|sju|åtta|nio)";
/// Digits of a count: never a year ("Under 2018 och 2019 genomföra två insatser/år" counts
/// two, not 2019).
const D: &str = r"(?:\d{1,3}|1[0-8]\d\d|2[1-9]\d\d|[3-9]\d{3})";
const N: &str = r"(?P<n>{D}|{NW}|en|ett)(?:\s*\((?:{D}|{NW}|en|ett)\))?";
const UNIT: &str = r"(?P<unit>hela perioden|löftesperioden|perioden|kalenderåret|kalenderår|halvåret|halvår|skolterminen|skoltermin|terminen|termin|läsåret|läsår|kvartalet|kvartal|månaden|månad|veckan|vecka|året|år)";
const DAYS: &str = r"(?:mån|tis|ons|tors|fre|lör|sön)dag";
const UNIT_NOUNS: &str = r"(?:\w*skol\w*|kommun(?:erna)?\b|kommundel\w*|stadsdel\w*|\w*område\w*|ort\w*|fritidsgård\w*|bibliotek\w*)";

/// Target patterns, first match wins; the issue-11 kinds come first so that a count inside
/// them ("en gång per termin på varje högstadieskola") is not read as a plain count.
pub const TARGET_RULES: &[(Kind, &str)] = &[
    (
        Kind::Parts,
        r"\b{N} av (?:de|dessa|våra|kommunens)\b.*\boch {N}\b",
    ),
    (
        Kind::PerUnit,
        r"\b(?:på|i|vid|för) (?:varje|var och en av|respektive) {UNIT_NOUNS}",
    ),
    (
        Kind::PerOccurrence,
        // "efter varje insatsvecka": after any occurrence, of whatever the other activity
        // names (none named: no target, the reading says so).
        r"\b(?:vid|efter|på|i samband med|inför) (?:varje|varje enskild|alla) (?:\w+ )?(?:\w*möte\w*|\w*sammanträde\w*|\w*vandring\w*|\w*träff\w*|tillfälle)|\befter (?:varje|varje enskild) [\wåäö-]{4,}",
    ),
    (
        Kind::OnRequest,
        r"\b(?:på|vid|efter) (?:begäran|förfrågan|önskemål|inbjudan)\b|\b(?:om|när) (?:det )?(?:uppkommer |uppstår |finns |kommer )?(?:önskemål|förfrågningar|förfrågan|efterfrågan)\b|\bom\b.{0,60}\b(?:ber om|begär|önskar|efterfrågar)\b|\bnär\b.{0,60}\b(?:ber om|begär|önskar)\b",
    ),
    (
        Kind::WeeklySlot,
        r"\b(?:varje|alla) (?:helg|{DAYS}(?:ar|s?(?:kvällar|kväll|morgnar|morgon|eftermiddagar|eftermiddag|förmiddagar|förmiddag))?)\b|\bhelger\b|\b{DAYS}(?:ar|s?kvällar|s?morgnar|s?eftermiddagar)\b",
    ),
    (
        Kind::OpenCount,
        r"\bett (?:visst )?(?:antal|flertal)\b|\b(?:genomföra|genomför|anordna|anordnar|hålla|håller|göra|gör) flera\b",
    ),
    (
        Kind::OwnFrame,
        r"\bunder (?:sommar(?:en|månaderna|lovet)|vinter(?:n|halvåret)|hösten|våren|jul(?:en|lovet)?|sportlovet|höstlovet)\b|\b(?:från och med|från|fr\.o\.m\.?) (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b",
    ),
    (
        Kind::OtherWindow,
        r"\bvar(?:annan|tannat| tredje) (?:vecka|månad|år)\b|\bvarannan (?:{DAYS}|helg)\b|\bdagligen\b|\bvarje dag\b|\b(?:varje|en gång (?:i|per)) (?:dygn|natt)\b",
    ),
    (
        Kind::Count(Per::Year),
        r"\b(?:minst |åtminstone |vid minst |vid )?{N}(?: [\wåäö”“\x22-]+){0,4}?(?:\s*/\s*|\s+(?:per|i|om|under|varje)\s+)(?:respektive |varje )?{UNIT}\b",
    ),
    (
        Kind::Count(Per::Year),
        r"\b{N}(?: [\wåäö-]+){0,4}? respektive {UNIT}\b",
    ),
    // "vid minst åtta tillfällen under 2018", "Under 2020 ska fem möten hållas": a count
    // within one named calendar year is a count per year (not "under 2018-2019").
    (
        Kind::Count(Per::Year),
        r"\b(?:minst |åtminstone |vid minst |vid )?(?P<n>{D}|{NW})(?: [\wåäö”“\x22-]+){0,4}?\s+under (?:år |året )?(?:19|20)\d\d(?:\s*$|\s*[.,;:)]|\s+[a-zåäö])",
    ),
    (
        Kind::Count(Per::Year),
        r"(?i:\bunder) (?:år |året )?(?:19|20)\d\d,?\s+(?:ska|skall|kommer(?: att)?|lovar(?: vi)? att)\s+(?:[\wåäö]+ ){0,3}?(?:minst )?(?P<n>{D}|{NW})\s+(?P<noun>[\wåäö-]+)",
    ),
    // "Varje år ska minst två insatsveckor genomföras", "Varje termin genomför polisen tre
    // föräldramöten": the count the window opens, per that window.
    (
        Kind::Count(Per::Year),
        r"(?i:^(?:att\s+)?varje) {UNIT}(?:,)?(?: [\wåäö-]+){0,3}? (?:minst |åtminstone )?(?P<n>{D}|{NW}) (?P<noun>[\wåäö-]+)",
    ),
    (
        Kind::Count(Per::Year),
        r"\b(?:varje|var|en gång per|en gång i|en gång om) {UNIT}\b",
    ),
    (
        Kind::Count(Per::Year),
        r"\bårligen\b|\bvarje år\b|\bårlig(?:a|t|en)?\b",
    ),
    (Kind::Count(Per::Week), r"\bveckovis\b|\bvarje vecka\b"),
    (Kind::Count(Per::Month), r"\bmånadsvis\b|\bmånatligen\b"),
    (Kind::Count(Per::Quarter), r"\bkvartalsvis\b"),
    (
        Kind::CountNoWindow,
        r"\b(?:vid minst|vid|minst) {N} (?:tillfällen|gånger)\b",
    ),
    // "minst 25 spaningsinsatser", "minst två st. insatser", "tillsyn (2 st)": a number of
    // things with no window is a count over the whole period (not "minst 15 år", a measure:
    // see NOT_COUNTED).
    (
        Kind::CountNoWindow,
        r"\b(?:minst|åtminstone) {N}(?:\s*st\.?)?\s+(?P<noun>[\wåäö”“\x22-]+)",
    ),
    (Kind::CountNoWindow, r"\(\s*{N}\s*st\.?\s*\)"),
    // "4 st riktade insatser …": a number of pieces ("st", styck) is a count of things.
    (
        Kind::CountNoWindow,
        r"\b(?P<n>{D}|{NW})\s*st\.?\s+(?P<noun>[\wåäö”“\x22-]+)",
    ),
    // "Två medborgardialoger ska genomföras": a number of things first, then their verb.
    (
        Kind::CountNoWindow,
        r"^(?:att\s+)?(?P<n>{D}|{NW})\s+(?P<noun>[\wåäö-]+)\s+(?:ska|skall|kommer att)\b",
    ),
    // "Två gemensamma trygghetsvandringar i Orten." (a list of what is promised, no verb):
    // the number the item begins with.
    (
        Kind::CountNoWindow,
        r"^(?P<n>{D}|{NW})\s+(?:[a-zåäö]+a\s+)?(?P<noun>[a-zåäö-]{4,})(?:\s+(?:i|på|för|med|om|mot|vid)\b|\s*[.,]?\s*$)",
    ),
    // "anordna tre informationsmöten om grannsamverkan": a number of things after the verb
    // that does them, no window: a count over the whole period.
    (
        Kind::CountNoWindow,
        r"\b(?:genomföra|genomför|anordna|anordnar|arrangera|arrangerar|hålla|håller|ordna|ordnar)\s+(?P<n>{D}|{NW})\s+(?P<noun>[\wåäö-]+)",
    ),
    // "genomföra en trygghetsvandring i Reftele", "planera in en aktivitetsdag": one thing done
    // once, a milestone (not "en gång", a frequency, read above).
    (
        Kind::Once,
        r"\b(?:genomföra|genomför|anordna|anordnar|arrangera|arrangerar|hålla|håller|planera in|planerar in|ordna|ordnar)(?: minst)? (?:en|ett) (?P<noun>[\wåäö-]+)",
    ),
    (
        Kind::Vague,
        r"\b(?:regelbund\w*|löpande|kontinuerlig\w*|återkommande|fortlöpande|ökad\w*|utöka\w*|fler)\b",
    ),
    (
        Kind::Once,
        r"^(?:.*\b(?:lovar|kommer|ska|skall)(?: tillsammans| gemensamt| också| även| i samverkan)? (?:att )?)?(?:att )?(?:införa|se över|inrätta|upprätta (?:en|ett)|ta fram (?:en|ett)|utarbeta (?:en|ett)|revidera)\b",
    ),
];

/// Words after "minst N" that measure rather than count what is done: no target.
pub const NOT_COUNTED: &[&str] = &[
    "år",
    "års",
    "åren",
    "procent",
    "%",
    "timmar",
    "timme",
    "minuter",
    "minuters",
    "dagar",
    "dygn",
    "veckor",
    "månader",
    "kronor",
    "kr",
    "personer",
    "meter",
    "km",
    "gånger",
    "tillfällen",
    "av",
];

/// A recognised phrase in an activity's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    /// The count the phrase states (1 when it states a window but no number).
    pub count: u32,
    /// The window word as written, when there is one.
    pub unit: Option<String>,
    /// The words matched, as written.
    pub words: String,
    /// For an issue-11 kind: the count phrase beside it, if any ("vid två tillfällen per år"
    /// beside "i varje kommun"), for the target it qualifies or, unused, for the reading.
    pub with_count: Option<Box<Found>>,
}

fn expand(p: &str) -> String {
    p.replace("{N}", N)
        .replace("{D}", D)
        .replace("{NW}", NW)
        .replace("{UNIT_NOUNS}", UNIT_NOUNS)
        .replace("{UNIT}", UNIT)
        .replace("{DAYS}", DAYS)
}

pub(crate) fn re(p: &str) -> Regex {
    // Several rows use {N} twice: only the first keeps the name.
    let mut e = expand(p);
    if let Some(first) = e.find("(?P<n>") {
        let (a, b) = e.split_at(first + 6);
        e = format!("{a}{}", b.replace("(?P<n>", "(?:"));
    }
    Regex::new(&format!("(?i){e}")).expect("the importer's patterns compile")
}

fn target_rules() -> &'static [(Kind, Regex)] {
    static R: OnceLock<Vec<(Kind, Regex)>> = OnceLock::new();
    R.get_or_init(|| TARGET_RULES.iter().map(|(k, p)| (*k, re(p))).collect())
}

/// The window a window word names.
pub fn unit(s: &str) -> Option<Per> {
    let s = s.to_lowercase();
    UNITS.iter().find(|(w, _)| *w == s).map(|(_, p)| *p)
}

/// The first target phrase in an activity's text (see `windowed` for a window said apart).
pub fn target(text: &str) -> Option<Found> {
    let lower = text.to_lowercase();
    first_target(text, &lower, target_rules(), 0)
}

/// A window the format has no word for, reread as one it has where that is exact: every
/// day is seven a week; "varannan månad" 6 and "var tredje månad" 4 a year (months divide a
/// year); "varannan vecka", "varannan onsdag", "varannan helg" 26 a year (52 weeks halved,
/// said in the reading). None for the rest ("var tredje vecka" divides no year).
fn other_window(words: &str) -> Option<(Per, u32)> {
    let w = words.to_lowercase();
    let daily = [
        "dagligen",
        "varje dag",
        "varje dygn",
        "varje natt",
        "en gång i dygn",
        "en gång per dygn",
        "en gång i natt",
        "en gång per natt",
    ];
    if daily.contains(&w.as_str()) {
        return Some((Per::Week, 7));
    }
    let n = match w.as_str() {
        "varannan månad" => 6,
        "var tredje månad" => 4,
        "varannan vecka" | "varannan helg" => 26,
        _ if w.starts_with("varannan ") && w.ends_with("dag") => 26,
        _ => return None,
    };
    Some((Per::Year, n))
}

/// A count's subject followed by "ska vara" / "ska finnas": what is, not what is done.
fn states_after(text: &str, end: usize) -> bool {
    let head = text[..end].trim_end().to_lowercase();
    let modal = ["ska", "skall", "kommer att"]
        .iter()
        .any(|m| head.ends_with(m));
    let next = text[end..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    modal && matches!(next.as_str(), "vara" | "finnas")
}

/// How many of a window a year holds, for an average over the year.
fn per_year_factor(per: Per) -> Option<u32> {
    match per {
        Per::Month => Some(12),
        Per::Quarter => Some(4),
        Per::Week => Some(52),
        _ => None,
    }
}

/// The first rule that matches, from `from` on, with the rereadings of its phrase
/// (averages, windows the format has no word for).
fn first_target(text: &str, lower: &str, rules: &[(Kind, Regex)], from: usize) -> Option<Found> {
    for (i, (kind, re)) in rules.iter().enumerate().skip(from) {
        // A rule whose required words are all absent cannot match: not run.
        if !needs::NEEDS[i].iter().any(|w| lower.contains(w)) {
            continue;
        }
        let Some(c) = re.captures(text) else { continue };
        let count = c.name("n").and_then(|m| number(m.as_str())).unwrap_or(1);
        let unit_word = c.name("unit").map(|m| m.as_str().to_string());
        let (kind, with_count) = match kind {
            Kind::Count(default) => match unit_word.as_deref().and_then(unit) {
                Some(p) => (Kind::Count(p), None),
                None => (Kind::Count(*default), None),
            },
            k => {
                let beside = first_target(text, lower, rules, i + 1)
                    .filter(|f| matches!(f.kind, Kind::Count(_) | Kind::CountNoWindow));
                (*k, beside.map(Box::new))
            }
        };
        if matches!(kind, Kind::OtherWindow)
            && let Some((per, n)) = other_window(&c[0])
        {
            return Some(Found {
                kind: Kind::Count(per),
                count: n,
                unit: None,
                words: c[0].trim().to_string(),
                with_count,
            });
        }
        // "vid varje möjligt tillfälle": whenever one can, no occurrence of anything.
        if matches!(kind, Kind::PerOccurrence)
            && regex_words(&c[0], &["möjligt", "lämpligt", "givet"])
        {
            continue;
        }
        if count == 0
            || (matches!(kind, Kind::Once)
                && c.name("noun")
                    .is_some_and(|m| m.as_str().eq_ignore_ascii_case("gång")))
        {
            continue;
        }
        // "en gång i månaden i snitt över året": an average over the year is a yearly count.
        if let Kind::Count(per) = kind
            && let Some(factor) = per_year_factor(per)
            && let Some(avg) = averaged(text)
        {
            return Some(Found {
                kind: Kind::Count(Per::Year),
                count: count * factor,
                unit: unit_word,
                words: format!("{} {avg}", c[0].trim()),
                with_count,
            });
        }
        // "Två kontaktpoliser ska vara kopplade till skolan": a number of people or things
        // that are (ska vara, ska finnas), not a number of times something is done.
        if matches!(kind, Kind::CountNoWindow)
            && c.get(0).is_some_and(|m| states_after(text, m.end()))
        {
            continue;
        }
        if c.name("noun").is_some_and(|m| {
            let w = m.as_str().to_lowercase();
            NOT_COUNTED.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'))
        }) {
            continue;
        }
        return Some(Found {
            kind,
            count,
            unit: unit_word,
            words: c[0].trim().to_string(),
            with_count,
        });
    }
    None
}

fn regex_words(s: &str, words: &[&str]) -> bool {
    let l = s.to_lowercase();
    l.split_whitespace().any(|w| words.contains(&w))
}

/// "i snitt över året", "i genomsnitt under året": a count per month or week averaged over
/// the year.
pub fn averaged(text: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\bi (?:genom)?snitt (?:över|under|per|på) (?:hela )?(?:året|år|kalenderåret)\b",
        )
        .expect("the importer's patterns compile")
    })
    .find(text)
    .map(|m| m.as_str())
}

/// Lines and sentences that belong to the web page, not to the löfte.
pub const FURNITURE: &[&str] = &[
    r"^sök(?: på [\w.]+)?$",
    r"^(?:stäng |öppna )?meny$",
    r"^till toppen$",
    r"^dokument$",
    r"^(?:dela|skriv ut|lyssna|tipsa|facebook|twitter|linkedin|e-post)$",
    r"javascript\b.*\b(?:webbläsare|aktiverat|påslaget)",
    r"\b(?:cookies|kakor)\b",
    r"^(?:senast )?(?:uppdaterad|publicerad|ändrad)(?: den)?\b.*$",
    r"^har du synpunkter på (?:den här|denna) sida",
    r"^(?:och )?här kan du läsa\b",
    r"\.pdf\b",
    r"^hoppa till (?:innehåll|huvudinnehåll)",
    r"^(?:var )?det här sidan till hjälp\??$",
];

/// Whether a line or sentence is page furniture.
pub fn is_furniture(s: &str) -> bool {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    let rules = R.get_or_init(|| FURNITURE.iter().map(|p| re(p)).collect());
    let t = s.trim();
    !t.is_empty() && rules.iter().any(|r| r.is_match(t))
}

/// Infinitive verbs that begin an activity in a sentence listing several ("… ha fler
/// tillsyner, utveckla samverkan … och utveckla informationsutbytet").
pub const ACTIVITY_VERBS: &[&str] = &[
    "anordna",
    "arbeta",
    "bedriva",
    "besöka",
    "delta",
    "driva",
    "erbjuda",
    "fortsätta",
    "främja",
    "förebygga",
    "genomföra",
    "ha",
    "hålla",
    "informera",
    "införa",
    "kartlägga",
    "medverka",
    "minska",
    "motverka",
    "samverka",
    "skapa",
    "stärka",
    "utbilda",
    "utveckla",
    "verka",
    "öka",
];

mod needs;
mod numbers;
pub use numbers::{NUMBERS, number};
mod window;
pub use window::{window_phrase, windowed, with_window};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod word_count_tests;
