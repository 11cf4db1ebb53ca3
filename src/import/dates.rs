//! Dates and periods as the texts write them: "för perioden 2017-2018", "fram till den 30
//! september 2017", "två år framåt", "gäller tills nya medborgarlöften …", the signing line,
//! the follow-up's timing.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::rules::{MONTHS, number, re};

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
    /// "gäller från 2022", "Från 2022 lovar …": a first year and no last one.
    pub from_year: Option<(i32, String)>,
}

impl PeriodFacts {
    /// "1 januari 2020 – 31 december 2020", "2020-01-01 till 2020-12-31": both ends.
    fn start_end_range(&mut self, s: &str) {
        let any = regex!(&format!(r"{DATE}|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"));
        let found: Vec<(NaiveDate, regex::Match<'_>)> = any
            .captures_iter(s)
            .filter_map(|c| {
                let d = match c.name("iso") {
                    Some(m) => NaiveDate::parse_from_str(m.as_str(), "%Y-%m-%d").ok(),
                    None => date_of(&c),
                }?;
                Some((d, c.get(0)?))
            })
            .collect();
        let joined = regex!(r"^\s*(?:-|--|–|—|−|till(?: och med)?|t\.o\.m\.?)\s*(?:den\s+)?$");
        // The first two dates joined by a dash or "till": a range.
        for pair in found.windows(2) {
            let [(a, ma), (b, mb)] = pair else { continue };
            if joined.is_match(&s[ma.end()..mb.start()]) {
                let words = s[ma.start()..mb.end()].to_string();
                self.start = Some((*a, words.clone()));
                self.end = Some((*b, words));
                return;
            }
        }
        // "januari 2018 - december 2018", "april 2021 till april 2022", "januari - december
        // 2022", "januari-juni 2024": whole months.
        let months = regex!(
            r"\b(?P<m1>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)(?:\s+(?P<y1>(?:19|20)\d\d))?\s*(?:-|–|—|till(?: och med)?|t\.o\.m\.?)\s*(?P<m2>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(?P<y2>(?:19|20)\d\d)\b"
        );
        if let Some(c) = months.captures(s) {
            let m = |n: &str| {
                let w = c[n].to_lowercase();
                MONTHS.iter().position(|x| *x == w).map(|i| i as u32 + 1)
            };
            let y2: i32 = c["y2"].parse().unwrap_or(0);
            let (Some(m1), Some(m2)) = (m("m1"), m("m2")) else {
                return;
            };
            let y1 = c
                .name("y1")
                .and_then(|y| y.as_str().parse().ok())
                .unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
            let first = NaiveDate::from_ymd_opt(y1, m1, 1);
            let last = last_of_month(y2, m2);
            if let (Some(a), Some(b)) = (first, last)
                && a < b
            {
                let words = c[0].to_string();
                self.start = Some((a, words.clone()));
                self.end = Some((b, words));
            }
        }
    }

    /// "gäller från 2022", "Från och med 2022 lovar …": a year the löfte starts in, with no
    /// year or date it ends; the single year "gäller från 2022" gave is not the löfte's only
    /// year, so it is taken back.
    fn open_ended_year(&mut self, s: &str) {
        let from = regex!(
            r"\b(?:från och med|fr\.o\.m\.?|från)\s+(?:och\s+med\s+)?(?:år\s+|året\s+)?(?P<y>(?:19|20)\d\d)\b"
        );
        let Some(c) = from.captures(s) else { return };
        let m = c.get(0).expect("a match");
        let after = &s[m.end()..];
        let ranged = regex!(r"^\s*(?:-|–|—|−|/|till(?: och med)?|t\.o\.m\.?|och)\s*(?:19|20)\d\d")
            .is_match(after)
            || regex!(r"\b(?:till och med|t\.o\.m\.?|till|fram till|tills|—|–|-)\s+(?:\w+\s+)?(?:19|20)\d\d\b")
                .is_match(after);
        let y: i32 = c["y"].parse().unwrap_or(0);
        if ranged || y == 0 {
            return;
        }
        if let Some((y1, y2, _)) = &self.years
            && (*y1, *y2) != (y, y)
        {
            return;
        }
        self.years = None;
        self.from_year = Some((y, m.as_str().trim().to_string()));
    }

    /// "för 2016-2017", "Medborgarlöftet 2017", "under 2019", "2021 års medborgarlöfte": the löfte's years (not an earlier löfte's).
    fn named_years(&mut self, s: &str) {
        let years_re = [
            regex!(&format!(
                r"\bmedborgarlöfte\w*\s+(?:för\s+)?(?:perioden\s+|åren\s+|året\s+|år\s+)?{YEAR}"
            )),
            regex!(&format!(
                r"\bgäller\s+(?:för\s+|under\s+|från\s+(?:och\s+med\s+)?)?(?:hela\s+)?(?:perioden\s+|tidsperioden\s+|åren\s+|året\s+|år\s+)?{YEAR}"
            )),
            regex!(&format!(r"\bför (?:tids)?perioden\s+{YEAR}")),
            // "Lokalt medborgarlöfte i Orts kommun 2021": a place, then the year.
            regex!(&format!(
                r"\bmedborgarlöfte\w*\s+(?:för|i)\s+(?:(?-i:[A-ZÅÄÖ])[\wåäö-]*\s+){{1,3}}(?:(?:kommun|stad|kommuner)\s+)?(?:år\s+)?{YEAR}"
            )),
            regex!(&format!(
                r"\bunder\s+(?:hela\s+)?(?:åren\s+|året\s+|år\s+|perioden\s+|tidsperioden\s+)?{YEAR}"
            )),
            regex!(&format!(r"\blöfte\w*\s+för\s+(?:år\s+)?{YEAR}")),
            // "… de medborgarlöften som kommunen och polisen avger inför 2016".
            regex!(&format!(
                r"\b(?:medborgar)?löfte\w*\s+som\s+[^.]{{0,60}}?\b(?:avger|ger|lämnar|tecknar)\s+(?:inför|för)\s+(?:år\s+)?{YEAR}"
            )),
            // "Följande löften har valts för 2019-2020".
            regex!(&format!(
                r"\blöften?\s+(?:har|är)\s+(?:valts|tagits fram|beslutats)\s+för\s+(?:år\s+|åren\s+)?{YEAR}"
            )),
            // "Under den aktuella tidsperioden 2024-2027 ska vi …".
            regex!(&format!(
                r"\bunder\s+den\s+(?:aktuella|nuvarande|kommande|gällande)\s+(?:tids|löftes)?perioden\s+{YEAR}"
            )),
            // "2021 års medborgarlöfte": the year before the word.
            regex!(r"\b(?P<y1>(?:19|20)\d\d)\s+års\s+(?:medborgar)?löfte"),
        ];
        for r in years_re {
            // "en förlängning av det tidigare medborgarlöftet för 2019-2020": an earlier löfte's
            // years, not this one's.
            let earlier = |c: &regex::Captures<'_>| {
                let at = c.get(0).map_or(0, |m| m.start());
                regex!(r"\b(?:tidigare|föregående|förra|förgående)\s+$").is_match(&s[..at])
            };
            if let Some(c) = r.captures_iter(s).find(|c| !earlier(c)) {
                let y1: i32 = c["y1"].parse().unwrap_or(0);
                let y2: i32 = c
                    .name("y2")
                    .map_or(y1, |m| m.as_str().parse().unwrap_or(y1));
                if y1 > 0 && y2 >= y1 && y2 - y1 <= 10 {
                    self.years = Some((y1, y2, c[0].trim().to_string()));
                    break;
                }
            }
        }
    }

    /// "från och med 1 mars 2021", "fram till den 30 september 2017", "till och med december 2021": a first or a last day.
    fn dates(&mut self, s: &str) {
        let start = regex!(&format!(
            r"\b(?:från och med|fr\.o\.m\.?|från|gäller från|med början|med start|startar|påbörjas)\s+(?:\w+dagen\s+)?(?:den\s+)?{DATE}"
        ));
        if self.start.is_none()
            && let Some(c) = start.captures(s)
        {
            self.start = date_of(&c).map(|d| (d, c[0].to_string()));
        }
        let end = regex!(&format!(
            r"\b(?:fram till och med|fram till|till och med|t\.o\.m\.?|till|tills|gäller till|löper ut)\s+(?:\w+dagen\s+)?(?:den\s+)?{DATE}"
        ));
        if self.end.is_none()
            && let Some(c) = end.captures(s)
        {
            self.end = date_of(&c).map(|d| (d, c[0].to_string()));
        }
        // "Medborgarlöftet är giltigt till 2023-12-31": the end as an ISO date.
        if self.end.is_none()
            && let Some(c) = regex!(
                r"\b(?:giltig[t]?|gäller|löper|pågår)\s+(?:till och med|t\.o\.m\.?|till|fram till)\s+(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
            )
            .captures(s)
            && let Ok(d) = NaiveDate::parse_from_str(&c["iso"], "%Y-%m-%d")
        {
            self.end = Some((d, c[0].to_string()));
        }
        // "påbörjas 2 september och pågå till och med 31 december 2016": a start without its
        // year is in the end's year (the year before when that would fall after the end).
        if self.start.is_none()
            && let Some((end, _)) = self.end.clone()
            && let Some(c) = regex!(
                r"\b(?:från och med|fr\.o\.m\.?|från|gäller från|med början|med start|startar|påbörjas)\s+(?:\w+dagen\s+)?(?:den\s+)?(?P<d>\d{1,2})(?::e|:a)? (?P<m>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b(?P<y>\s+(?:19|20)\d\d)?"
            )
            .captures(s)
            && c.name("y").is_none()
        {
            let w = c["m"].to_lowercase();
            let m = MONTHS.iter().position(|x| *x == w).map(|i| i as u32 + 1);
            let d: Option<u32> = c["d"].parse().ok();
            let y = chrono::Datelike::year(&end);
            let on = |y| NaiveDate::from_ymd_opt(y, m?, d?);
            let start = on(y).filter(|s| *s <= end).or_else(|| on(y - 1));
            self.start = start.map(|s| (s, c[0].to_string()));
        }
        // "sträcker sig fram till december 2021": the end of that month.
        let end_month = regex!(
            r"\b(?:fram till(?: och med)?|till och med|t\.o\.m\.?)\s+(?:den\s+)?(?:utgången av\s+)?(?P<m>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(?P<y>(?:19|20)\d\d)\b"
        );
        if self.end.is_none()
            && let Some(c) = end_month.captures(s)
        {
            let w = c["m"].to_lowercase();
            let m = MONTHS.iter().position(|x| *x == w).map(|i| i as u32 + 1);
            let y = c["y"].parse().ok();
            if let (Some(m), Some(y)) = (m, y) {
                self.end = last_of_month(y, m).map(|d| (d, c[0].to_string()));
            }
        }
    }

    /// "två år framåt", "det kommande året": a length; "från tecknandet": the signing as the start.
    fn length_and_signing(&mut self, s: &str) {
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
                    self.years_long = Some((n, c[0].trim().to_string()));
                    break;
                }
            }
        }
        let signing = regex!(
            r"\bfrån (?:och med )?(?:under)?tecknandet\b|\bfrån (?:och med )?att (?:det|löftet) (?:under)?tecknas\b|\bfrån (?:och med )?(?:under)?skriften\b"
        );
        if let Some(m) = signing.find(s) {
            self.from_signing = Some(m.as_str().to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == PeriodFacts::default()
    }
}

const YEAR: &str = r"(?P<y1>(?:19|20)\d\d)(?:\s*(?:-|–|—|−|/|till och med|t\.o\.m\.?|till|och)\s*(?P<y2>(?:19|20)\d\d))?\b";

/// The last day of a month.
pub fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

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
    // "gäller under 2017-2018 och fram tilldess nya medborgarlöften för 2019 har tecknats":
    // the years before "tills nya …" are this löfte's, those after it the next one's.
    let next = regex!(
        r"\b(?:och\s+)?(?:fram\s+)?(?:tills|till dess|tilldess)(?: att)? (?:nya?|ett nytt|nästa)\b[^.]*"
    );
    let s = match next.find(s) {
        Some(m) => {
            f.until_replaced = Some(m.as_str().trim().to_string());
            &s[..m.start()]
        }
        None => s,
    };
    f.named_years(s);
    f.open_ended_year(s);
    f.start_end_range(s);
    f.dates(s);
    f.length_and_signing(s);
    f
}

/// A line that is only a date ("2022-03-09", "5 september 2016"): the page's own date.
pub fn date_line(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    if let Some(c) = regex!(&format!(r"^{DATE}$")).captures(t) {
        return date_of(&c);
    }
    regex!(r"^(?:19|20)\d\d-\d\d-\d\d$")
        .is_match(t)
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
}

/// "för perioden mars-maj", "under perioden september – december": months of a period
/// stated without a year, placed in `year` (a range that wraps ends the next year).
pub fn months_in_year(text: &str, year: i32) -> Option<PeriodFacts> {
    let c = regex!(
        r"\b(?:perioden|under|från)\s+(?P<m1>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s*(?:-|–|—|till(?: och med)?)\s*(?P<m2>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)(?P<y>\s+(?:19|20)\d\d)?\b"
    )
    .captures_iter(text)
    .find(|c| c.name("y").is_none())?;
    let m = |n: &str| {
        let w = c[n].to_lowercase();
        MONTHS.iter().position(|x| *x == w).map(|i| i as u32 + 1)
    };
    let (m1, m2) = (m("m1")?, m("m2")?);
    let y2 = if m2 < m1 { year + 1 } else { year };
    let words = c[0].to_string();
    Some(PeriodFacts {
        start: Some((NaiveDate::from_ymd_opt(year, m1, 1)?, words.clone())),
        end: Some((last_of_month(y2, m2)?, words)),
        ..PeriodFacts::default()
    })
}

/// The years a title names anywhere ("Medborgarlöfte för Tierp 2019", "… 2016–2017").
pub fn title_years(title: &str) -> PeriodFacts {
    let mut f = period_facts(title);
    if f.years.is_none()
        && let Some(c) = regex!(r"\b(?P<y1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>(?:19|20)\d\d))?\b")
            .captures(title)
    {
        let y1: i32 = c["y1"].parse().unwrap_or(0);
        let y2: i32 = c
            .name("y2")
            .map_or(y1, |m| m.as_str().parse().unwrap_or(y1));
        if y2 >= y1 && y2 - y1 <= 10 {
            f.years = Some((y1, y2, title.to_string()));
        }
    }
    f
}

/// "Alvesta den 28 februari 2017", "Undertecknat den 3 mars 2019": the signing date.
pub fn signed(s: &str) -> Option<NaiveDate> {
    let line = regex!(&format!(
        r"^\s*[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)?,? (?:den )?{DATE}\s*$"
    ));
    let verb = regex!(&format!(
        r"\b(?:undertecknad\w*|undertecknat|tecknad\w*|tecknat|signerad\w*)\s+(?:i\s+[A-ZÅÄÖ][\wåäö-]+,?\s+)?(?:den\s+)?{DATE}"
    ));
    line.captures(s)
        .or_else(|| verb.captures(s))
        .and_then(|c| date_of(&c))
}

/// "under hösten 2015", "under våren 2019": a season of a named year, as an activity states
/// when it is done; the year and the words.
pub fn season_year(s: &str) -> Option<(i32, String)> {
    let c = regex!(
        r"\bunder\s+(?:hösten|våren|sommaren|vintern|höstterminen|vårterminen)\s+(?P<y>(?:19|20)\d\d)\b"
    )
    .captures(s)?;
    Some((c["y"].parse().ok()?, c[0].to_string()))
}

/// The last reading of a löfte whose period no rule reads: a year its text names. First
/// the latest year in a sentence about the löfte ("… de medborgarlöften som kommunen och
/// polisen avger inför 2016"); else the year the text names most often (the latest of a
/// tie). Page furniture ("Publicerad: 3 februari 2021", "Uppdaterad …") and a programme's
/// year ("Agenda 2030") are not read; a line that is only a date ("2016-10-04", the page's
/// own) is read last of all. From the text's sentences: the year, the sentence, and where
/// it was found.
pub fn named_year(sentences: &[String]) -> Option<(i32, String, YearFrom)> {
    let furniture = regex!(
        r"(?i)^\s*(?:publicerad|uppdaterad|senast|sidan|datum|skapad|granskad|ändrad|©|copyright|källa|foto|bild)\b"
    );
    let about = regex!(r"(?i)löfte|\blovar\b|\böverens\b|\båtar sig\b");
    let year = regex!(
        r"(?i)(?P<pre>\b(?:agenda|vision|visionen|strategi|programmet|målbild)\s+)?\b(?P<y>20[1-3]\d)\b"
    );
    let mut lofte: Option<(i32, String)> = None;
    let mut counts: std::collections::BTreeMap<i32, (usize, String)> = Default::default();
    let mut page: Option<(i32, String)> = None;
    for s in sentences.iter().filter(|s| !furniture.is_match(s)) {
        if let Some(d) = date_line(s) {
            page.get_or_insert((chrono::Datelike::year(&d), s.clone()));
            continue;
        }
        for c in year.captures_iter(s) {
            let Ok(y) = c["y"].parse::<i32>() else {
                continue;
            };
            if c.name("pre").is_some() {
                continue;
            }
            if about.is_match(s) {
                if lofte.as_ref().is_none_or(|(b, _)| y > *b) {
                    lofte = Some((y, s.clone()));
                }
            } else {
                counts.entry(y).or_insert((0, s.clone())).0 += 1;
            }
        }
    }
    if let Some((y, s)) = lofte {
        return Some((y, s, YearFrom::Lofte));
    }
    // The most often named; of a tie, the latest: years come in order, and `max_by_key`
    // keeps the last of equal ones.
    match counts.into_iter().max_by_key(|(_, (n, _))| *n) {
        Some((y, (_, s))) => Some((y, s, YearFrom::Often)),
        None => page.map(|(y, s)| (y, s, YearFrom::PageDate)),
    }
}

/// Where `named_year` found its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFrom {
    /// A sentence about the löfte.
    Lofte,
    /// The year the text names most often.
    Often,
    /// The page's own date line, the only year of the text.
    PageDate,
}

/// "lokalpolisområde Kristinehamn": the lokalpolisområde's name.
pub fn lokalpolisomrade(s: &str) -> Option<String> {
    let r = regex!(
        r"\blokalpolisområde(?:t)? ([A-ZÅÄÖ][\wåäö]+(?:-[A-ZÅÄÖ]?[\wåäö]+)?(?: (?-i:[A-ZÅÄÖ])[\wåäö]+)?)"
    );
    // Case matters for the name: the (?i) flag is undone for it by checking the letter.
    let c = r.captures(s)?;
    let mut name = c.get(1)?.as_str();
    // "Lokalpolisområde Nackas medborgarlöften": the genitive of "Nacka".
    if let Some(stem) = name.strip_suffix('s')
        && !name.contains(' ')
        && regex!(r"^\s+(?:medborgar)?löfte").is_match(&s[c.get(1)?.end()..])
    {
        name = stem;
    }
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod phrasing_tests;
