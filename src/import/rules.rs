//! The importer's Swedish rules, as data: phrase patterns for targets, periods and dates,
//! number words, page furniture. Each table row is one pattern; the functions below only
//! run the tables. `{N}` in a pattern stands for a number (digits or a number word, with an
//! optional "(2)" after it) and `{UNIT}` for a window word.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::model::Per;

/// Number words, as a published löfte writes counts.
pub const NUMBERS: &[(&str, u32)] = &[
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("femton", 15),
    ("tjugo", 20),
    ("trettio", 30),
    ("fyrtio", 40),
    ("femtio", 50),
];

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
    /// Issue 11, kinds the format cannot write yet:
    Parts,
    PerUnit,
    PerOccurrence,
    OnRequest,
    WeeklySlot,
    OpenCount,
    OwnFrame,
    /// A frequency without a number ("regelbundna", "löpande").
    Vague,
}

const N: &str = r"(?P<n>\d{1,4}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|femtio)(?:\s*\(\d{1,4}\))?";
const UNIT: &str = r"(?P<unit>hela perioden|löftesperioden|perioden|kalenderåret|kalenderår|halvåret|halvår|terminen|termin|kvartalet|kvartal|månaden|månad|veckan|vecka|året|år)";
const DAYS: &str = r"(?:mån|tis|ons|tors|fre|lör|sön)dag";
const UNIT_NOUNS: &str =
    r"(?:\w*skol\w*|kommundel\w*|stadsdel\w*|\w*område\w*|ort\w*|fritidsgård\w*|bibliotek\w*)";

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
        r"\b(?:vid|efter|på|i samband med|inför) (?:varje|varje enskild|alla) (?:\w+ )?(?:\w*möte\w*|\w*sammanträde\w*|\w*vandring\w*|\w*träff\w*|tillfälle)",
    ),
    (
        Kind::OnRequest,
        r"\b(?:på|vid|efter) (?:begäran|förfrågan|önskemål|inbjudan)\b|\bom\b.{0,60}\b(?:ber om|begär|önskar|efterfrågar)\b|\bnär\b.{0,60}\b(?:ber om|begär|önskar)\b",
    ),
    (
        Kind::WeeklySlot,
        r"\b(?:varje|alla) {DAYS}(?:s?(?:kväll|morgon|eftermiddag|förmiddag))?\b|\b{DAYS}(?:ar|s?kvällar|s?morgnar|s?eftermiddagar)\b",
    ),
    (Kind::OpenCount, r"\bett (?:visst )?(?:antal|flertal)\b"),
    (
        Kind::OwnFrame,
        r"\bunder (?:sommar(?:en|månaderna|lovet)|vinter(?:n|halvåret)|hösten|våren|jul(?:en|lovet)?|sportlovet|höstlovet)\b|\b(?:från och med|från|fr\.o\.m\.?) (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b",
    ),
    (
        Kind::Count(Per::Year),
        r"\b(?:minst |åtminstone |vid minst |vid )?{N}(?: [\wåäö-]+){0,4}? (?:per|i|om|under|varje|/) (?:respektive |varje )?{UNIT}\b",
    ),
    (
        Kind::Count(Per::Year),
        r"\b{N}(?: [\wåäö-]+){0,4}? respektive {UNIT}\b",
    ),
    (
        Kind::Count(Per::Year),
        r"\b(?:varje|var|en gång per|en gång i|en gång om) {UNIT}\b",
    ),
    (Kind::Count(Per::Year), r"\bårligen\b|\bvarje år\b"),
    (Kind::Count(Per::Week), r"\bveckovis\b|\bvarje vecka\b"),
    (Kind::Count(Per::Month), r"\bmånadsvis\b|\bmånatligen\b"),
    (Kind::Count(Per::Quarter), r"\bkvartalsvis\b"),
    (
        Kind::CountNoWindow,
        r"\b(?:vid minst|vid|minst) {N} (?:tillfällen|gånger)\b",
    ),
    (
        Kind::Vague,
        r"\b(?:regelbund\w*|löpande|kontinuerlig\w*|återkommande|fortlöpande|ökad\w*|utöka\w*|fler)\b",
    ),
    (
        Kind::Once,
        r"^(?:.*\b(?:lovar|kommer|ska) (?:att )?)?(?:att )?(?:införa|se över|inrätta|upprätta en|ta fram en)\b",
    ),
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
}

fn expand(p: &str) -> String {
    p.replace("{N}", N)
        .replace("{UNIT_NOUNS}", UNIT_NOUNS)
        .replace("{UNIT}", UNIT)
        .replace("{DAYS}", DAYS)
}

fn re(p: &str) -> Regex {
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

/// A number word or digits.
pub fn number(s: &str) -> Option<u32> {
    let s = s.trim().to_lowercase();
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    NUMBERS.iter().find(|(w, _)| *w == s).map(|(_, n)| *n)
}

/// The window a window word names.
pub fn unit(s: &str) -> Option<Per> {
    let s = s.to_lowercase();
    UNITS.iter().find(|(w, _)| *w == s).map(|(_, p)| *p)
}

/// The first target phrase in an activity's text.
pub fn target(text: &str) -> Option<Found> {
    for (kind, re) in target_rules() {
        let Some(c) = re.captures(text) else { continue };
        let count = c.name("n").and_then(|m| number(m.as_str())).unwrap_or(1);
        let unit_word = c.name("unit").map(|m| m.as_str().to_string());
        let kind = match kind {
            Kind::Count(default) => match unit_word.as_deref().and_then(unit) {
                Some(p) => Kind::Count(p),
                None => Kind::Count(*default),
            },
            k => *k,
        };
        if count == 0 {
            continue;
        }
        return Some(Found {
            kind,
            count,
            unit: unit_word,
            words: c[0].trim().to_string(),
        });
    }
    None
}

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| re($p))
    }};
}

const DATE: &str = r"(?P<d>\d{1,2})(?::e|:a)? (?P<m>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) (?P<y>(?:19|20)\d\d)";

/// A date written "30 september 2017" (or ISO), from captures named d, m, y.
fn date_of(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    let y = c.name("y")?.as_str().parse().ok()?;
    let month = c.name("m")?.as_str().to_lowercase();
    let m = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    NaiveDate::from_ymd_opt(y, m, c.name("d")?.as_str().parse().ok()?)
}

/// What a sentence says about the period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodFacts {
    /// "gäller tills nya medborgarlöften …": the words.
    pub until_replaced: Option<String>,
    /// The löfte's years ("för 2016-2017", "Medborgarlöftet 2017", "under 2019").
    pub years: Option<(i32, i32, String)>,
    pub start: Option<(NaiveDate, String)>,
    pub end: Option<(NaiveDate, String)>,
    /// A length in years ("två år framåt", "det kommande året").
    pub years_long: Option<(u32, String)>,
    /// "från och med tecknandet": the period starts at the signing.
    pub from_signing: Option<String>,
}

impl PeriodFacts {
    pub fn is_empty(&self) -> bool {
        *self == PeriodFacts::default()
    }
}

const YEAR: &str = r"(?P<y1>(?:19|20)\d\d)(?:\s*(?:-|–|/|till|och)\s*(?P<y2>(?:19|20)\d\d))?";

/// Reads a sentence about the löfte (one that mentions the löfte, or in its Tidsram
/// section) for what it says of the period.
pub fn period_facts(s: &str) -> PeriodFacts {
    let mut f = PeriodFacts::default();
    let until = regex!(
        r"\bgäller (?:tills|till dess(?: att)?) (?:nya?|ett nytt|nästa)\b[^.]*|\bgäller tills vidare\b"
    );
    if let Some(m) = until.find(s) {
        f.until_replaced = Some(m.as_str().trim().to_string());
        // The years in "tills nya medborgarlöften för 2018" are the next löfte's.
        return f;
    }
    let years_re = [
        regex!(&format!(
            r"\bmedborgarlöfte\w*\s+(?:för\s+)?(?:perioden\s+|åren\s+|året\s+)?{YEAR}"
        )),
        regex!(&format!(
            r"\bgäller\s+(?:för\s+|under\s+)?(?:perioden\s+|åren\s+|året\s+)?{YEAR}"
        )),
        regex!(&format!(r"\bför perioden\s+{YEAR}")),
        regex!(&format!(r"\bunder\s+(?:åren\s+|året\s+)?{YEAR}")),
    ];
    for r in years_re {
        if let Some(c) = r.captures(s) {
            let y1: i32 = c["y1"].parse().unwrap_or(0);
            let y2: i32 = c
                .name("y2")
                .map_or(y1, |m| m.as_str().parse().unwrap_or(y1));
            if y1 > 0 && y2 >= y1 && y2 - y1 <= 10 {
                f.years = Some((y1, y2, c[0].trim().to_string()));
                break;
            }
        }
    }
    let start = regex!(&format!(
        r"\b(?:från och med|fr\.o\.m\.?|från|gäller från)\s+(?:den\s+)?{DATE}"
    ));
    if let Some(c) = start.captures(s) {
        f.start = date_of(&c).map(|d| (d, c[0].to_string()));
    }
    let end = regex!(&format!(
        r"\b(?:fram till|till och med|t\.o\.m\.?|till|tills|gäller till|löper ut)\s+(?:den\s+)?{DATE}"
    ));
    if let Some(c) = end.captures(s) {
        f.end = date_of(&c).map(|d| (d, c[0].to_string()));
    }
    let long = [
        regex!(r"\b(?:det )?kommande året\b|\bett år framåt\b"),
        regex!(r"\b{N}\s+år\s+framåt\b"),
        regex!(r"\bunder\s+{N}\s+år\b"),
        regex!(r"\bde (?:kommande|närmaste)\s+{N}\s+åren\b"),
    ];
    for r in long {
        if let Some(c) = r.captures(s) {
            let n = c.name("n").and_then(|m| number(m.as_str())).unwrap_or(1);
            if (1..=10).contains(&n) {
                f.years_long = Some((n, c[0].trim().to_string()));
                break;
            }
        }
    }
    let signing = regex!(
        r"\bfrån (?:och med )?(?:under)?tecknandet\b|\bfrån (?:och med )?att (?:det|löftet) (?:under)?tecknas\b|\bfrån (?:och med )?(?:under)?skriften\b"
    );
    if let Some(m) = signing.find(s) {
        f.from_signing = Some(m.as_str().to_string());
    }
    f
}

/// "Alvesta den 28 februari 2017", "Undertecknat den 3 mars 2019": the signing date.
pub fn signed(s: &str) -> Option<NaiveDate> {
    let line = regex!(&format!(
        r"^\s*[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)?,? (?:den )?{DATE}\s*$"
    ));
    let verb = regex!(&format!(
        r"\b(?:undertecknad\w*|undertecknat|tecknad\w*|tecknat|signerad\w*)\s+(?:den\s+)?{DATE}"
    ));
    line.captures(s)
        .or_else(|| verb.captures(s))
        .and_then(|c| date_of(&c))
}

/// "lokalpolisområde Kristinehamn": the lokalpolisområde's name.
pub fn lokalpolisomrade(s: &str) -> Option<String> {
    let r = regex!(r"\blokalpolisområde(?:t)? ([A-ZÅÄÖ][\wåäö]+(?:-[A-ZÅÄÖ]?[\wåäö]+)?)");
    // Case matters for the name: the (?i) flag is undone for it by checking the letter.
    let c = r.captures(s)?;
    let name = c.get(1)?.as_str();
    name.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| name.to_string())
}

/// The follow-up's timing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Quarter(i32, u32),
    Date(NaiveDate),
    Yearly,
    Continuous,
}

/// What a follow-up sentence says of when it happens, with the words.
pub fn followup_when(s: &str) -> Option<(When, String)> {
    let q = regex!(
        r"\b(?P<q>första|andra|tredje|fjärde|1:a|2:a|3:e|4:e) kvartalet(?: (?:år )?(?P<y>(?:19|20)\d\d))"
    );
    if let Some(c) = q.captures(s) {
        let quarter = match c["q"].to_lowercase().as_str() {
            "första" | "1:a" => 1,
            "andra" | "2:a" => 2,
            "tredje" | "3:e" => 3,
            _ => 4,
        };
        let y = c["y"].parse().unwrap_or(0);
        return Some((When::Quarter(y, quarter), c[0].to_string()));
    }
    let d = regex!(&format!(r"\b(?:senast|före|innan|den)\s+(?:den\s+)?{DATE}"));
    if let Some(c) = d.captures(s)
        && let Some(date) = date_of(&c)
    {
        return Some((When::Date(date), c[0].to_string()));
    }
    let y = regex!(r"\bårligen\b|\bvarje år\b|\ben gång (?:per|om|i) året\b|\bårsvis\b");
    if let Some(m) = y.find(s) {
        return Some((When::Yearly, m.as_str().to_string()));
    }
    let c = regex!(r"\bkontinuerligt\b|\blöpande\b|\bfortlöpande\b|\bvid varje brå-möte\b");
    c.find(s)
        .map(|m| (When::Continuous, m.as_str().to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> (Kind, u32) {
        let f = target(s).unwrap_or_else(|| panic!("no target in {s:?}"));
        (f.kind, f.count)
    }

    #[test]
    fn number_words() {
        assert_eq!(number("två"), Some(2));
        assert_eq!(number("Tolv"), Some(12));
        assert_eq!(number("25"), Some(25));
        assert_eq!(number("många"), None);
    }

    #[test]
    fn counts_per_window() {
        use Per::*;
        let c = |p| Kind::Count(p);
        assert_eq!(t("vid minst två tillfällen under året"), (c(Year), 2));
        assert_eq!(
            t("vid minst två tillfällen under respektive år"),
            (c(Year), 2)
        );
        assert_eq!(t("minst två gånger respektive år"), (c(Year), 2));
        assert_eq!(t("Samverkansmöten en gång i veckan med"), (c(Week), 1));
        assert_eq!(t("en gång per vecka"), (c(Week), 1));
        assert_eq!(t("möten varje månad"), (c(Month), 1));
        assert_eq!(t("minst 25 insatser under perioden"), (c(Period), 25));
        assert_eq!(t("en föräldraträff en gång per termin"), (c(HalfYear), 1));
        assert_eq!(t("tre trygghetsvandringar per år"), (c(Year), 3));
        assert_eq!(t("fyra gånger per kvartal"), (c(Quarter), 4));
        assert_eq!(t("tolv insatser om året"), (c(Year), 12));
        assert_eq!(t("två (2) gånger per halvår"), (c(HalfYear), 2));
        assert_eq!(t("information som lämnas årligen"), (c(Year), 1));
        assert_eq!(t("veckovis avstämning"), (c(Week), 1));
        assert_eq!(t("vid två tillfällen"), (Kind::CountNoWindow, 2));
    }

    #[test]
    fn issue_11_kinds() {
        assert_eq!(
            t("ett antal riktade insatser mot langning").0,
            Kind::OpenCount
        );
        assert_eq!(
            t("vid varje möte i trygghetsrådet redovisa läget").0,
            Kind::PerOccurrence
        );
        assert_eq!(
            t("efter varje trygghetsvandring åtgärda ett förslag").0,
            Kind::PerOccurrence
        );
        assert_eq!(
            t("om en skola eller förening ber om besök kommer vi").0,
            Kind::OnRequest
        );
        assert_eq!(t("besök på begäran").0, Kind::OnRequest);
        assert_eq!(
            t("ett föräldramöte per termin på varje högstadieskola").0,
            Kind::PerUnit
        );
        assert_eq!(
            t("trygghetsvandringar i tre av de prioriterade områdena och en dialog").0,
            Kind::Parts
        );
        assert_eq!(t("varje tisdagskväll på biblioteket").0, Kind::WeeklySlot);
        assert_eq!(t("öppet hus tisdagar").0, Kind::WeeklySlot);
        assert_eq!(t("fotpatrull under sommarmånaderna").0, Kind::OwnFrame);
        assert_eq!(t("från mars varje vecka").0, Kind::OwnFrame);
    }

    #[test]
    fn vague_and_milestones() {
        assert_eq!(t("regelbundna besök i butiker").0, Kind::Vague);
        assert_eq!(t("Att införa cityvärdar").0, Kind::Once);
        assert_eq!(
            t("Kommunen lovar att se över trafiksituationen").0,
            Kind::Once
        );
        assert_eq!(target("Trygghetsvandring med olika aktörer."), None);
        assert_eq!(target("Hastighetskontroller i samtliga kommundelar."), None);
        // A duration is not a count.
        assert_eq!(target("under två (2) år aktivt"), None);
    }

    #[test]
    fn period_phrases() {
        let f = period_facts(
            "Medborgarlöftet gäller tills nya medborgarlöften för 2017 undertecknats.",
        );
        assert!(f.until_replaced.is_some());
        assert_eq!(f.years, None);
        let f = period_facts("Filipstads kommun har tecknat medborgarlöften för 2016.");
        assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2016, 2016)));
        let f = period_facts("följande medborgarlöften för perioden 2017-2018.");
        assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2017, 2018)));
        let f = period_facts("Medborgarlöftet gäller under 2019.");
        assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2019, 2019)));
        let f = period_facts("medborgarlöftet som gäller fram till den 30 september 2017.");
        assert_eq!(f.end.map(|e| e.0), NaiveDate::from_ymd_opt(2017, 9, 30));
        let f = period_facts("pågår från och med tecknandet av medborgarlöftet och två år framåt");
        assert_eq!(f.years_long.map(|l| l.0), Some(2));
        assert!(f.from_signing.is_some());
        let f = period_facts("prioritera arbetet det kommande året");
        assert_eq!(f.years_long.map(|l| l.0), Some(1));
        let f = period_facts("Löftet gäller från den 1 mars 2019 till den 29 februari 2020.");
        assert_eq!(f.start.map(|s| s.0), NaiveDate::from_ymd_opt(2019, 3, 1));
        assert_eq!(f.end.map(|s| s.0), NaiveDate::from_ymd_opt(2020, 2, 29));
        assert_eq!(
            period_facts("Medborgarlöfte 2016-2017").years.map(|y| y.1),
            Some(2017)
        );
        assert!(
            period_facts("Medborgarlöftet gäller tills vidare.")
                .until_replaced
                .is_some()
        );
    }

    #[test]
    fn signing_and_area() {
        assert_eq!(
            signed("Alvesta den 28 februari 2017"),
            NaiveDate::from_ymd_opt(2017, 2, 28)
        );
        assert_eq!(
            signed("Löftet undertecknades den 3 mars 2019 av"),
            NaiveDate::from_ymd_opt(2019, 3, 3)
        );
        assert_eq!(signed("Alvesta kommun lovar"), None);
        assert_eq!(
            lokalpolisomrade("kommun och lokalpolisområde Kristinehamn har").as_deref(),
            Some("Kristinehamn")
        );
        assert_eq!(lokalpolisomrade("lokalpolisområdeschef skriver"), None);
    }

    #[test]
    fn followup_timing() {
        assert_eq!(
            followup_when("ska ske första kvartalet 2017.").map(|w| w.0),
            Some(When::Quarter(2017, 1))
        );
        assert_eq!(
            followup_when("ska årligen följas upp").map(|w| w.0),
            Some(When::Yearly)
        );
        assert_eq!(
            followup_when("kommer att ske kontinuerligt via").map(|w| w.0),
            Some(When::Continuous)
        );
        assert_eq!(
            followup_when("senast den 31 mars 2018").map(|w| w.0),
            Some(When::Date(NaiveDate::from_ymd_opt(2018, 3, 31).unwrap()))
        );
    }

    #[test]
    fn furniture() {
        assert!(is_furniture("Sök på polisen.se"));
        assert!(is_furniture("Till toppen"));
        assert!(is_furniture("Stäng Meny"));
        assert!(is_furniture(
            "JavaScript är inte påslaget i din webbläsare. Vi rekommenderar"
        ));
        assert!(is_furniture(
            "Vi använder kakor för att förbättra webbplatsen."
        ));
        assert!(is_furniture("Här kan du läsa hela medborgarlöftet."));
        assert!(is_furniture("Uppdaterad den"));
        assert!(!is_furniture("Uppföljning"));
        assert!(!is_furniture("Polisen lovar"));
    }
}
