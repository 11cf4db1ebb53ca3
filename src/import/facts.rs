//! The facts read from several places at once: the kommun, the period, the follow-up, the
//! signatories.

use std::sync::OnceLock;

use chrono::{Months, NaiveDate};
use regex::Regex;

use super::dates::{self, PeriodFacts, When};
use super::{FollowupDraft, Missing, Note, Options, owners};
use crate::kommuner::{self, Kommun};

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// Kommuner named in a title: every run of capitalised words that names one ("Medborgarlöfte
/// för Kil, Forshaga och Grums", "Karlstads kommun", "Upplands Väsby").
pub fn kommuner_in(title: &str) -> Vec<&'static Kommun> {
    let words: Vec<&str> = title
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<&'static Kommun> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut step = 1;
        for n in [3, 2, 1] {
            let Some(run) = words.get(i..i + n) else {
                continue;
            };
            if !run[0].chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some(k) = kommuner::find(&run.join(" ")) {
                if !out.contains(&k) {
                    out.push(k);
                }
                step = n;
                break;
            }
        }
        i += step;
    }
    out
}

/// Kommuner a web address names: a path segment that is the kommun ("…/medborgarloften/
/// gagnef/"), begins with it ("…/goteborg-ostra-goteborg/", "…/pajala-kommun/"), or names
/// it after "i"/"för" ("…/medborgarlofte-i-dals-ed-2021/"); else the site's own name
/// ("www.dalsed.se", "invanare.ange.se"). Compared as ASCII slugs; the last segment first.
pub fn kommuner_in_address(url: &str) -> Vec<&'static Kommun> {
    let Some(rest) = url.trim().split_once("://").map(|(_, r)| r) else {
        return Vec::new();
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let all = kommuner::all();
    let slugs: Vec<(String, &'static Kommun)> =
        all.iter().map(|k| (crate::text::slug(k.name), k)).collect();
    // A kommun's own site ("www.kalix.se") speaks of that kommun: it outranks a path segment
    // that only begins like a kommun's name ("…/vara-medborgarloften-2018/", "våra").
    for label in host.to_lowercase().split('.') {
        if let Some((_, k)) = slugs.iter().find(|(s, _)| s.replace('-', "") == label) {
            return vec![*k];
        }
    }
    for seg in path.rsplit('/').filter(|s| !s.is_empty()) {
        let seg = seg.to_lowercase();
        let seg = seg.split('.').next().unwrap_or("");
        let mut found: Vec<&'static Kommun> = Vec::new();
        for (slug, k) in &slugs {
            let begins = seg == slug.as_str()
                || seg
                    .strip_prefix(slug.as_str())
                    .is_some_and(|r| r.starts_with('-'));
            let after = ["-i-", "-for-"].iter().any(|p| {
                seg.match_indices(&format!("{p}{slug}")).any(|(i, m)| {
                    let end = i + m.len();
                    end == seg.len() || seg[end..].starts_with('-')
                })
            });
            if (begins || after) && !found.contains(k) {
                found.push(k);
            }
        }
        // The longest name wins where one contains another ("upplands-vasby", not "vasby").
        if let Some(best) = found.iter().max_by_key(|k| k.name.len()) {
            return vec![*best];
        }
    }
    Vec::new()
}

/// "de tre kommunerna Stenungsund, Orust och Tjörn", "kommunerna Kil, Forshaga och Grums":
/// several kommuner named in one phrase, each one pledge knows.
pub fn kommuner_phrase(body: &str) -> Vec<&'static Kommun> {
    let r = regex!(
        r"(?i:kommunerna)\s+([A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?(?:,\s*[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?)*\s+(?:och|samt)\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?)"
    );
    let sep = regex!(r",\s*|\s+(?:och|samt)\s+");
    for c in r.captures_iter(body) {
        let names: Vec<&str> = sep.split(&c[1]).collect();
        let ks: Vec<&'static Kommun> = names.iter().filter_map(|n| kommuner::find(n)).collect();
        if ks.len() == names.len() && ks.len() > 1 {
            return ks;
        }
    }
    Vec::new()
}

/// "Göteborg, Östra Göteborg – medborgarlöften": the area after the kommun and a comma;
/// "Medborgarlöfte för Centrum, Ekviks kommun" / "Medborgarlöfte 2024 i Norrby, Ekvik": the
/// area before it.
pub fn area_in_title(title: &str, kommun: &Kommun) -> Option<String> {
    if let Some(c) =
        regex!(r"^\s*([^,–]+?)\s*,\s*(.+?)\s+[–—-]\s+(?i:medborgarlöfte\w*)").captures(title)
    {
        return (kommuner::find(c[1].trim()) == Some(kommun)).then(|| c[2].trim().to_string());
    }
    let c = regex!(
        r"^\s*(?i:medborgarlöfte\w*)(?:\s+(?:19|20)\d\d\S*)?\s+(?:för|i)\s+([^,]+?)\s*,\s*([^,]+?)\s*$"
    )
    .captures(title)?;
    let k = regex!(r"(?i)\s+(?:kommun|stad)$").replace(c[2].trim(), "");
    let named = kommuner::find(&k).or_else(|| k.strip_suffix('s').and_then(kommuner::find));
    let area = c[1].trim();
    (named == Some(kommun) && kommuner::find(area).is_none()).then(|| area.to_string())
}

/// "… kommer att särskilt fokusera på att öka tryggheten vid stationsområdet i Norrby",
/// "… lovar att öka tryggheten i centrala Ekvik": the place the löfte's own promise names,
/// when every such promise in the body names the same one and it is not the kommun itself.
///
/// Also the parts of a place ("… höja invånarnas upplevda trygghet i de centrala delarna av
/// Norrby och Söderby samt i stadskärnan": to the sentence's end).
pub fn area_in_promise(body: &str, kommun: &Kommun) -> Option<String> {
    let r = regex!(
        r"\b(?:lovar|kommer|ska|skall)\b[^.]{0,120}?\b(?:öka|höja) (?:[a-zåäö]+ ){0,2}?trygghet(?:en)? (?:i|vid|på) (?:[a-zåäö]+ (?:i|vid|på) )?(?P<area>de (?:centrala|södra|norra|östra|västra|inre|yttre) delarna av [^.]{3,120}|(?:centrala |södra |norra |östra |västra )?[A-ZÅÄÖ][\wåäö-]+)"
    );
    // "För att … öka känslan av trygghet i Brandvik lovar polisen, …": the place of the
    // promise's purpose, before "lovar".
    let purpose = regex!(
        r"\b(?:öka|höja|stärka) (?:känslan av |[a-zåäö]+ ){0,2}?trygghet(?:en)? (?:i|vid|på) (?P<area>[A-ZÅÄÖ][\wåäö-]+),? lovar\b"
    );
    one_place(
        r.captures_iter(body)
            .chain(purpose.captures_iter(body))
            .map(|c| c["area"].trim().to_string()),
        kommun,
    )
}

/// "Löftets geografiska fokus ligger på tätorten Ekvik": the place the löfte's focus names,
/// when every such sentence names the same one and it is not the kommun itself.
pub fn area_in_focus(body: &str, kommun: &Kommun) -> Option<String> {
    let r = regex!(
        r"(?i:\bgeografiska? fokus(?:et)?) (?:ligger|är|blir) (?:på|i|vid) (?P<area>(?i:tätorten|centrala|stadsdelen|området) [A-ZÅÄÖ][\wåäö-]+|[A-ZÅÄÖ][\wåäö-]+)"
    );
    one_place(
        r.captures_iter(body).map(|c| c["area"].trim().to_string()),
        kommun,
    )
}

/// The one place every phrase names, unless it is the kommun itself.
fn one_place(mut areas: impl Iterator<Item = String>, kommun: &Kommun) -> Option<String> {
    let first = areas.next()?;
    (areas.all(|a| a == first) && kommuner::find(&first) != Some(kommun)).then_some(first)
}

/// The kommun: given, else named in the title, else several named in one phrase of the
/// body, else named by the address, else the "X kommun" the body names most.
pub fn kommuner(
    opts: &Options,
    title: &str,
    body: &str,
    address: Option<&str>,
    notes: &mut Vec<Note>,
) -> Result<Vec<&'static Kommun>, Missing> {
    if let Some(k) = opts.kommun {
        notes.push(Note::Reading(format!(
            "the kommun is {} (given with --kommun)",
            k.name
        )));
        return Ok(vec![k]);
    }
    let named = kommuner_in(title);
    let phrase = kommuner_phrase(body);
    if phrase.len() > named.len() && named.iter().all(|k| phrase.contains(k)) {
        let names: Vec<&str> = phrase.iter().map(|k| k.name).collect();
        notes.push(Note::Reading(format!(
            "the text names the kommuner together: {}",
            names.join(", ")
        )));
        return Ok(phrase);
    }
    if !named.is_empty() {
        return Ok(named);
    }
    if let Some(url) = address {
        let ks = kommuner_in_address(url);
        if let Some(k) = ks.first() {
            notes.push(Note::Reading(format!(
                "the title names no kommun; the address names {}",
                k.name
            )));
            return Ok(ks);
        }
    }
    let r = regex!(r"\b([A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)?)s? (?:kommun|stad)\b");
    let mut counts: Vec<(&'static Kommun, usize)> = Vec::new();
    for c in r.captures_iter(body) {
        if let Some(k) = kommuner::find(&c[1]) {
            match counts.iter_mut().find(|(x, _)| *x == k) {
                Some((_, n)) => *n += 1,
                None => counts.push((k, 1)),
            }
        }
    }
    let best = counts.iter().max_by_key(|(_, n)| *n).map(|(k, _)| *k);
    let k = best.ok_or(Missing::Kommun)?;
    notes.push(Note::Reading(format!(
        "the title names no kommun; of the \"… kommun\" the text names, {} comes most often",
        k.name
    )));
    Ok(vec![k])
}

fn years_end(start: NaiveDate, years: u32) -> Option<NaiveDate> {
    start
        .checked_add_months(Months::new(12 * years))?
        .pred_opt()
}

/// The first reading of each kind, over every sentence read.
fn merged(facts: &[PeriodFacts]) -> PeriodFacts {
    // Years read from words that name the löfte ("medborgarlöften för 2017", "2021 års
    // medborgarlöfte") outrank years read from other words ("enkäter genomförda under 2016").
    let mut m = PeriodFacts {
        years: facts
            .iter()
            .filter_map(|f| f.years.clone())
            .find(|y| y.2.to_lowercase().contains("löfte")),
        ..PeriodFacts::default()
    };
    for f in facts {
        m.years = m.years.or(f.years.clone());
        m.start = m.start.or(f.start.clone());
        m.end = m.end.or(f.end.clone());
        m.years_long = m.years_long.or(f.years_long.clone());
        m.from_signing = m.from_signing.or(f.from_signing.clone());
        m.until_replaced = m.until_replaced.or(f.until_replaced.clone());
        m.from_year = m.from_year.or(f.from_year.clone());
    }
    m
}

/// The period's start: given, stated, the signing, the first of the years read; or, when
/// the text states only the end, None (the unstated-start form the README describes).
fn start_of(
    f: &PeriodFacts,
    signed: Option<NaiveDate>,
    opts: &Options,
) -> Result<(Option<NaiveDate>, String), Missing> {
    if let Some(s) = opts.start {
        return Ok((Some(s), "the start is given with --start".into()));
    }
    if let Some((d, _)) = &f.start {
        return Ok((Some(*d), String::new()));
    }
    match (&f.from_signing, signed) {
        (Some(_), Some(d)) => return Ok((Some(d), "the period starts at the signing".into())),
        // "börjar gälla från och med undertecknandet" and no signing date: the start is a day
        // the text does not give, so it is not stated (never the year's first day).
        // A length counted from the signing ("och två år framåt") needs a start for its end:
        // the year's first day is read then, and said so (below).
        (Some(w), None)
            if f.years_long.is_none()
                && (f.years.is_some() || f.end.is_some() || opts.end.is_some()) =>
        {
            return Ok((
                None,
                format!(
                    "\"{w}\": the period starts at the signing, which the text does not date: \
                     no `start` (start not stated); add `signed = YYYY-MM-DD` and `start = \
                     \"signing\"`, or give --start"
                ),
            ));
        }
        _ => {}
    }
    if let Some((y1, _, w)) = &f.years {
        let d = NaiveDate::from_ymd_opt(*y1, 1, 1).ok_or(Missing::Start { end: None })?;
        let why = if f.from_signing.is_some() {
            format!(
                "the start is the signing, which the text does not date; \"{w}\" read as from {d}"
            )
        } else {
            format!("\"{w}\" read as calendar years, from {d}")
        };
        return Ok((Some(d), why));
    }
    if let Some((y, w)) = &f.from_year {
        let d = NaiveDate::from_ymd_opt(*y, 1, 1).ok_or(Missing::Start { end: None })?;
        return Ok((Some(d), format!("\"{w}\" read as from {d}")));
    }
    let end = opts.end.or(f.end.as_ref().map(|e| e.0));
    if let (Some(end), Some((n, w))) = (end, &f.years_long) {
        let d = end
            .checked_sub_months(Months::new(12 * n))
            .and_then(|d| d.succ_opt())
            .ok_or(Missing::Start { end: Some(end) })?;
        let why = format!("the start is not stated; \"{w}\" up to {end} read as from {d}");
        return Ok((Some(d), why));
    }
    match end {
        Some(_) => Ok((
            None,
            "only the end is stated: no `start` (start not stated), or give --start".into(),
        )),
        None => Err(Missing::Start { end: None }),
    }
}

fn end_of(
    f: &PeriodFacts,
    start: Option<NaiveDate>,
    opts: &Options,
) -> Result<(NaiveDate, String), Missing> {
    let missing = || match start {
        Some(start) => Missing::End { start },
        None => Missing::Start { end: None },
    };
    let year_end = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(missing);
    if let Some(e) = opts.end {
        return Ok((e, "the end is given with --end".into()));
    }
    if let Some((d, _)) = &f.end {
        return Ok((*d, String::new()));
    }
    match (&f.years, &f.years_long, start) {
        (Some((y1, y2, w)), _, _) if y2 > y1 => {
            Ok((year_end(*y2)?, format!("\"{w}\": to the end of {y2}")))
        }
        (_, Some((n, w)), Some(start)) => {
            let d = years_end(start, *n).ok_or_else(missing)?;
            Ok((d, format!("\"{w}\" from {start}: to {d}")))
        }
        (Some((_, y2, w)), _, _) => Ok((year_end(*y2)?, format!("\"{w}\": to the end of {y2}"))),
        // "gäller från 2022" and no end: the format has no end-unstated form, and no end is
        // invented.
        (None, None, Some(start)) if f.from_year.is_some() => Err(Missing::EndNotStated {
            start,
            words: f.from_year.clone().map(|y| y.1).unwrap_or_default(),
        }),
        _ => Err(missing()),
    }
}

/// The period from every fact read, or the missing part; the words it was read from and
/// the readings made go to `notes`. The start is None when the text does not state it.
pub fn period(
    facts: &[PeriodFacts],
    signed: Option<NaiveDate>,
    opts: &Options,
    notes: &mut Vec<Note>,
) -> Result<(Option<NaiveDate>, NaiveDate, bool), Missing> {
    let f = merged(facts);
    let words = [
        f.years.as_ref().map(|y| &y.2),
        f.start.as_ref().map(|s| &s.1),
        f.end.as_ref().map(|e| &e.1),
        f.years_long.as_ref().map(|l| &l.1),
        f.from_signing.as_ref(),
        f.until_replaced.as_ref(),
    ];
    for w in words.into_iter().flatten() {
        let quoted = notes
            .iter()
            .any(|n| matches!(n, Note::Quote(q) if q.contains(w.as_str())));
        if !quoted {
            notes.push(Note::Quote(w.clone()));
        }
    }
    let (start, start_note) = start_of(&f, signed, opts)?;
    let (end, end_note) = end_of(&f, start, opts)?;
    for n in [start_note, end_note] {
        if !n.is_empty() {
            notes.push(Note::Reading(n));
        }
    }
    if f.until_replaced.is_some() {
        notes.push(Note::Reading(
            "in force until the next löfte is signed (until_replaced); the activities' windows still end at `end`".into(),
        ));
    }
    if let Some(start) = start {
        if end < start {
            return Err(Missing::EndBeforeStart { start, end });
        }
        let longest = start.checked_add_months(Months::new(12 * crate::model::MAX_PERIOD_YEARS));
        if longest.is_none_or(|l| end >= l) {
            return Err(Missing::TooLong { start, end });
        }
    }
    Ok((start, end, f.until_replaced.is_some()))
}

/// A follow-up clause that says nothing but when ("Uppföljning av medborgarlöftet ska ske").
fn only_when(rest: &str) -> bool {
    regex!(r"(?i)^(?:uppföljning(?:en)?(?: av (?:medborgar)?löfte\w*)?|medborgarlöfte\w*(?: resultat)?|resultatet) (?:ska|skall|kommer att) (?:ske|göras|genomföras|följas upp)\s*\.?$")
        .is_match(rest.trim())
}

fn strip_prepositions(p: &str) -> String {
    let p = regex!(r"(?i)^(?:i|på|vid|för|via)\s+").replace(p.trim(), "");
    regex!(r"(?i)\s+och\s+(?:i|på|vid)\s+")
        .replace_all(&p, " och ")
        .trim_end_matches('.')
        .to_string()
}

fn when_toml(w: &When) -> String {
    match w {
        When::Quarter(y, q) => format!("\"{y}-Q{q}\""),
        When::Date(d) => d.to_string(),
        When::Yearly => "\"yearly\"".into(),
        When::Continuous => "\"continuous\"".into(),
    }
}

/// The follow-up from the sentences of its section.
pub fn followup(sentences: &[String]) -> FollowupDraft {
    let mut f = FollowupDraft::default();
    let presented = regex!(
        r"(?i)^(?P<a>.*?)[\s,]*(?:\s+och\s+)?(?:kommer att |ska |skall )?(?:presenteras|redovisas|publiceras)\s+(?P<p>(?:i|på|vid|för)\s+.+?)\.?$"
    );
    let followed_in = regex!(r"följas upp (?:i|på) ([A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)*)");
    let via = regex!(r"\bvia (polisen|kommunpolisen|kommunen|[\wåäö]+samordnaren|BRÅ)\b");
    let mut queue: Vec<String> = sentences.to_vec();
    queue.reverse();
    while let Some(s) = queue.pop() {
        if let Some((before, an)) = owners::split_ansvarig(&s) {
            f.notes.push(Note::Quote(an.words.clone()));
            let who: Vec<&str> = an.owners.iter().map(|o| o.who.name()).collect();
            f.responsible = Some(who.join(" och "));
            for part in [an.rest, before].into_iter().filter(|p| !p.is_empty()) {
                queue.push(part);
            }
            continue;
        }
        let mut s = s;

        if let Some(c) = presented.captures(&s) {
            f.presented = Some(strip_prepositions(&c["p"]));
            f.notes.push(Note::Quote(c[0].trim().to_string()));
            let a = c["a"].trim().trim_end_matches(" och").to_string();
            if a.split_whitespace().count() <= 2 {
                continue;
            }
            s = super::acts::sentence(&a);
        }
        if f.presented.is_none()
            && let Some(c) = followed_in.captures(&s)
        {
            f.presented = Some(c[1].to_string());
            f.notes
                .push(Note::Reading(format!("\"{}\": presented there", &c[0])));
        }
        if f.responsible.is_none()
            && let Some(c) = via.captures(&s)
        {
            f.responsible = Some(c[1].to_string());
            f.notes
                .push(Note::Reading(format!("\"{}\": responsible", &c[0])));
        }
        if f.when.is_none()
            && let Some((w, words)) = dates::followup_when(&s)
        {
            f.when = Some(when_toml(&w));
            let rest = s
                .replacen(&words, "", 1)
                .replace("  ", " ")
                .replace(" .", ".");
            if only_when(&rest) {
                f.notes.push(Note::Quote(s.clone()));
                continue;
            }
            f.notes.push(Note::Quote(words));
        }
        f.how.push(s);
    }
    f
}

/// Signatories from the lines after the signing line: names on the first line (two names
/// side by side when it has four capitalised words), titles after.
pub fn signatories(lines: &[String], notes: &mut Vec<Note>) -> Vec<(String, Option<String>)> {
    let Some((first, rest)) = lines.split_first() else {
        return Vec::new();
    };
    let words: Vec<&str> = first.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !capitalised || words.is_empty() || words.len() > 6 {
        for l in lines {
            notes.push(Note::Text(l.clone()));
        }
        return Vec::new();
    }
    if words.len() == 4 {
        notes.push(Note::Reading(format!(
            "\"{first}\" read as two names side by side; their titles could not be told apart by column:"
        )));
        for l in rest {
            notes.push(Note::Text(l.clone()));
        }
        return vec![(words[..2].join(" "), None), (words[2..].join(" "), None)];
    }
    let role = (!rest.is_empty()).then(|| rest.join(", "));
    vec![(first.clone(), role)]
}

/// "Per-Samuel Nisser (M), kommunstyrelsens ordförande och Orla Kristoffersen,
/// lokalpolisområdeschef skriver under medborgarlöftet."
pub fn signatories_sentence(s: &str) -> Option<Vec<(String, Option<String>)>> {
    let r = regex!(
        r"^(?P<n1>[A-ZÅÄÖ][^,]{2,40}), (?P<r1>[^,]{2,60}?) och (?P<n2>[A-ZÅÄÖ][^,]{2,40}), (?P<r2>[^,]{2,60}?),? (?:skriver under|undertecknar|har undertecknat|tecknar)\b"
    );
    let c = r.captures(s)?;
    Some(vec![
        (c["n1"].trim().to_string(), Some(c["r1"].trim().to_string())),
        (c["n2"].trim().to_string(), Some(c["r2"].trim().to_string())),
    ])
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod where_tests;
