//! Who promises what: "Ansvarig: Polisen", "/ ansvarig polisen", "Ansvarig för upptäckt och
//! lagföring: Polisen, ansvarig för uppföljning och vård: Kommunen", "Polisen lovar"
//! headings, "X och Y lovar att …", "tillsammans med kommunen".

use std::sync::OnceLock;

use regex::Regex;

use crate::kommuner;
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// Names of the police, and of a kommun's organisation, as the texts write them.
const POLICE: &[&str] = &[
    "polisen",
    "polis",
    "polismyndigheten",
    "lokalpolisen",
    "kommunpolisen",
    "kommunpolis",
    "lokalpolisområdet",
];
/// "kommunerna" (every kommun of a löfte for several) is read as kommunen until the format
/// has an owner for it (issue 11).
const KOMMUN: &[&str] = &["kommunen", "kommun", "kommunerna"];
/// A subject that names both signing parties.
const BOTH: &[&str] = &[
    "båda parter",
    "båda parterna",
    "bägge parter",
    "bägge parterna",
    "tillsammans",
    "vi",
    "vi tillsammans",
    "vi gemensamt",
    "gemensamt",
];
/// Endings of named organisations that can be a subject ("Räddningstjänsten lovar").
const ORG_ENDINGS: &str = r"(?i)(?:bolag\w*|\bAB|tjänst\w*|nämnd\w*|förvaltning\w*|förening\w*|rådet|skola\w*|skolor|kyrka\w*|verket|myndighet\w*|region\w*|företag\w*|bostäder|vakt\w*|föreningar)$";

/// One party named in a list, strictly: polisen, kommunen, "Alvesta kommun", a named
/// organisation. None for anything else.
pub fn party(item: &str) -> Option<Vec<Party>> {
    let t = item.trim().trim_end_matches(['.', ',', ':']).trim();
    // "Personal från socialtjänsten", "medarbetare inom kommunen": the body they work for.
    if let Some(m) =
        regex!(r"^(?i:personal|medarbetare|anställda)\s+(?:från|inom|på|vid)\s+").find(t)
    {
        return party(&t[m.end()..]);
    }
    // Most words tried are no party: the patterns below run only where a plain test of the
    // lower-cased words says they could match (a party is looked for many times per text).
    let lower = t.to_lowercase();
    let polis = lower.contains("polis");
    // "Polisen i Östra Norrbotten", "polisen på Gotland": the police, wherever it is.
    let t = if polis {
        regex!(r"^(?i:polisen|polis|lokalpolisen)\s+(?:i|på|inom)\s+[A-ZÅÄÖ][\wåäö-]*(?:\s+[A-ZÅÄÖ][\wåäö-]*)?$")
            .find(t)
            .map_or(t, |_| "polisen")
    } else {
        t
    };
    let l = if polis { t.to_lowercase() } else { lower };
    if POLICE.contains(&l.as_str())
        || l.starts_with("lokalpolisområde ")
        || l.starts_with("lokalpolisområdet ")
        // "uniformerad polis", "synliga poliser": the police.
        || (polis
            && regex!(r"^[a-zåäö]+(?:ad|ade|ig|iga|ell|ella)\s+(?:polis|poliser|polisen|poliserna)$")
                .is_match(&l))
        || (l.ends_with(" lokalpolisområde") && l.split_whitespace().count() <= 3)
        || ((l.starts_with("lpo ") || l.starts_with("polisområde "))
            && regex!(r"^(?i:lpo|polisområde) [A-ZÅÄÖ]").is_match(t))
        || (polis
            && (regex!(r"^(?:polisens|lokalpolisens|polismyndighetens) \w+$").is_match(&l)
                // "Områdespoliserna", "kommunpoliserna", "Områdespolisen": the police's own
                // officers.
                || regex!(r"^\w+poliser(?:na)?$").is_match(&l)
                || regex!(r"^\w+polisen$").is_match(&l)))
    {
        return Some(vec![Party::Polisen]);
    }
    if KOMMUN.contains(&l.as_str()) {
        return Some(vec![Party::Kommunen]);
    }
    // The kommun's own units: "Kommunens trygghetssamordnare", "Socialtjänsten",
    // "Stadsdelsförvaltningen" (a city's district administration).
    if unit(t, &l) {
        return Some(vec![Party::Kommunen]);
    }
    if BOTH.contains(&l.as_str()) {
        return Some(vec![Party::Polisen, Party::Kommunen]);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if let [name @ .., last] = words.as_slice()
        // "Umeå kommunen" (so written) names the kommun as "Umeå kommun" does.
        && matches!(
            last.to_lowercase().as_str(),
            "kommun" | "stad" | "kommuns" | "kommunen"
        )
        && !name.is_empty()
        && kommuner::find(&name.join(" ")).is_some()
    {
        return Some(vec![Party::Kommunen]);
    }
    if let [first, rest @ ..] = words.as_slice()
        && first.eq_ignore_ascii_case("region")
        && kommuner::find(&rest.join(" ")).is_some()
    {
        return Some(vec![Party::Kommunen]);
    }
    let capital = t.chars().next().is_some_and(char::is_uppercase);
    if capital && words.len() <= 4 && regex!(ORG_ENDINGS).is_match(t) {
        return Some(vec![Party::Other(definite(t))]);
    }
    by_area(t, &words).filter(|_| capital)
}

/// "Räddningstjänsten Höga Kusten - Ådalen", "Räddningstjänsten Syd": a body named by its
/// area, every word after the body's own capitalised (or a dash between two areas).
fn by_area(t: &str, words: &[&str]) -> Option<Vec<Party>> {
    let [body, area @ ..] = words else {
        return None;
    };
    ((1..=5).contains(&area.len())
        && regex!(ORG_ENDINGS).is_match(body)
        && area
            .iter()
            .all(|w| matches!(*w, "-" | "–") || w.starts_with(char::is_uppercase))
        && area
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase)))
    .then(|| vec![Party::Other(t.to_string())])
}

/// One name for a body written with and without its article: "Räddningstjänst" is
/// "Räddningstjänsten", as "polis" is "polisen".
fn definite(t: &str) -> String {
    if !t.contains(' ') && t.ends_with("tjänst") {
        format!("{t}en")
    } else {
        t.to_string()
    }
}

/// The kommun's own units, lower case: "Kommunens trygghetssamordnare", "Socialtjänsten",
/// "Stadsdelsförvaltningen", "Södermalms stadsdelsförvaltning", "stadsdelsnämnden",
/// "skolan", "förskolan": the kommun does what they do.
fn unit(t: &str, l: &str) -> bool {
    let unit_start = [
        "kommun", "social", "skola", "fritid", "stadsdel", "förskol", "skolor",
    ];
    (unit_start.iter().any(|w| l.starts_with(w)) || l.contains("stadsdels"))
        && regex!(r"^(?:kommunens(?: \w+){1,3}|socialtjänst|skola|skolan|skolorna|förskola|förskolan|förskolorna|fritid|socialtjänsten|socialförvaltningen|socialnämnden|stadsdelen|(?:[\wåäö-]+s )?stadsdels(?:förvaltning|nämnd)(?:en)?|kommunstyrelsen|kommunledningen)$")
            .is_match(l)
        // "Södermalms stadsdelsförvaltning": the district's name capitalised.
        && (!l.contains(' ') || l.starts_with("kommunens") || t.starts_with(char::is_uppercase))
}

/// The unit of the kommun an activity names as a doer or partner ("Södermalms
/// stadsdelsförvaltning", "socialtjänsten"), for the reading that it is the kommun.
pub fn unit_named(s: &str) -> Option<String> {
    // As the subject or after "med"/"och" ("i samverkan med socialtjänsten"), not a place
    // ("insatser i skolan").
    regex!(r"(?:^|\b(?i:med|och|samt|från)\s+)((?:[A-ZÅÄÖ][\wåäö-]+s\s+)?(?i:stadsdels(?:förvaltning|nämnd)(?:en|s)?|socialtjänsten|socialförvaltningen|förskolan|skolan))\b")
        .captures(s)
        .map(|c| c[1].to_string())
}

/// The kommun, when the words at `at` in `rest` begin with a unit of the kommun
/// ("tillsammans med Östermalms stadsdelsförvaltnings preventionsenhet": not a party named
/// "Östermalms").
fn kommun_unit_at(rest: &str, at: Option<regex::Match<'_>>) -> Option<Vec<Party>> {
    let after = &rest[at?.start()..];
    let unit = unit_named(&format!("med {after}"))?;
    after
        .starts_with(unit.as_str())
        .then(|| vec![Party::Kommunen])
}

/// A list of parties ("Polisen och Karlstads kommun"), every item a party; None otherwise.
pub fn parties(s: &str) -> Option<Vec<Party>> {
    let s = s.trim();
    if s.is_empty() || s.split_whitespace().count() > 10 {
        return None;
    }
    // "Lokalpolisområde Uppsala/Knivsta": one party whose name holds the slash.
    if let Some(ps) = party(s).filter(|_| s.contains('/')) {
        return Some(ps);
    }
    let mut out = Vec::new();
    // "Kommunen/polisen", "Polis/kommun": both, never one party named with the slash.
    for item in regex!(r",\s*|\s+(?:och|samt|&)\s+|\s*/\s*").split(s) {
        for p in party(item)? {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    Some(out)
}

mod ansvar;
mod heading;
mod items;
mod lofte;
pub use heading::heading_owner;
pub use items::{bare_party, leading_with, noun_with, possessive_subject};
pub use lofte::{made_by, police_only, possessive, promiser, signers, whose_lofte};

#[cfg(test)]
use ansvar::owner;
pub use ansvar::{Ansvar, split_ansvarig};

/// A sentence "X (och Y) lovar att …" / "X kommer (tillsammans) att …" / "X ska …": the
/// parties and the rest.
/// An item written as the rest of its lead's sentence ("lovar X: • Att polisen ska …"):
/// the words after "att".
fn without_att(s: &str) -> &str {
    let t = s.trim();
    regex!(r"^(?i:att)\s+").find(t).map_or(t, |m| &t[m.end()..])
}

pub fn subject(s: &str) -> Option<(Vec<Party>, String)> {
    // "Man lovar också att …" in an article about the löfte: those who signed it.
    if let Some(c) = regex!(r"^(?i:man)\s+lovar(?:\s+(?:också|även|därför))*\s+att\s+(?P<pred>.+)$")
        .captures(s.trim())
    {
        return Some((
            vec![Party::Polisen, Party::Kommunen],
            c["pred"].trim().to_string(),
        ));
    }
    let r = regex!(
        r"^(?P<subj>[^,]{2,80}?)\s+(?:lovar(?:\s+(?:gemensamt|tillsammans|också|även|dessutom|därutöver|vidare|därför|utöver detta))*\s+att|kommer(?:\s+(?:också|även|tillsammans|gemensamt|dessutom|därutöver|vidare|därför|utöver detta))*\s+att|ska(?:ll)?(?:\s+(?:också|även|tillsammans|gemensamt|dessutom|därutöver|vidare|därför|utöver detta))*|(?:åtar|förbinder) sig(?:\s+(?:också|även|gemensamt))?\s+att|(?:ansvarar|tar ansvar|har ansvar(?:et)?) för att)\s+(?P<pred>.+)$"
    );
    let c = r.captures(without_att(s))?;
    let pred = c["pred"].trim();
    // "Polisen (Lokalpolisområde Södra Orten) ska …": the subject without its bracket.
    let subj = regex!(r"\s*\([^()]*\)").replace_all(&c["subj"], "");
    let ps = parties(&subj).or_else(|| named(&subj, pred))?;
    Some((ps, pred.to_string()))
}

/// One party as written inside a sentence, lower case allowed ("genom räddningstjänst och
/// polis"), or a capitalised name of up to three words ("Kalmar City").
fn party_in_sentence(item: &str) -> Option<Vec<Party>> {
    let t = item.trim();
    if let Some(ps) = party(t) {
        return Some(ps);
    }
    let mut c = t.chars();
    let upper: String = c.next()?.to_uppercase().chain(c).collect();
    if let Some(ps) = party(&upper).filter(|ps| ps.iter().all(|p| matches!(p, Party::Other(_)))) {
        return Some(ps);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let caps = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (caps
        && (2..=3).contains(&words.len())
        && !NOT_NAMES.contains(&words[0].to_lowercase().as_str()))
    .then(|| vec![Party::Other(t.to_string())])
}

/// Who an activity says does it jointly, by a phrase rather than a subject: "Gemensamt,
/// genom räddningstjänst och polis, utveckla …", "Kontinuerlig samverkan mellan polisen,
/// kommunen och Kalmar City …". Every one named must be a party (or a capitalised name).
pub fn jointly(s: &str) -> Option<(Vec<Party>, String)> {
    let c = regex!(r"(?i)^(?:gemensamt|tillsammans),?\s+genom\s+([^,]{3,80}),")
        .captures(s.trim())
        .or_else(|| {
            regex!(r"(?i)\bsamverkan mellan\s+([^.;]{3,100}?)\s+(?:i syfte|för att|om|kring|med syfte|gällande)\b")
                .captures(s.trim())
        })?;
    let mut out = Vec::new();
    for item in regex!(r",\s*|\s+(?:och|samt|&)\s+").split(&c[1]) {
        for p in party_in_sentence(item)? {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    (out.len() >= 2).then(|| (out, c[0].trim().to_string()))
}

/// Words that begin a sentence but name no one ("Under hösten ska …", "Alla skolor ska …").
const NOT_NAMES: &[&str] = &[
    "under",
    "det",
    "detta",
    "dessa",
    "de",
    "den",
    "vi",
    "alla",
    "varje",
    "minst",
    "med",
    "genom",
    "inom",
    "efter",
    "i",
    "på",
    "om",
    "när",
    "där",
    "här",
    "som",
    "en",
    "ett",
    "två",
    "tre",
    "fyra",
    "fem",
    "sedan",
    "från",
    "till",
    "för",
    "år",
    "arbetet",
    "samtliga",
    "våra",
    "vår",
    "vårt",
    "nya",
    "fler",
    "mer",
    "också",
    "även",
    "dessutom",
    "medborgarlöftet",
];

/// A third party a promise names as its subject, though no rule knows it: "SL ska …",
/// "Borås City förbinder sig att …", "Fritidsgården Ungbo ska …". Every word capitalised,
/// two or three words (or one in capitals, an acronym), none a word that begins a sentence,
/// and the verb after it active ("ska genomföras" is passive: nobody is named).
pub fn named(subj: &str, pred: &str) -> Option<Vec<Party>> {
    let words: Vec<&str> = subj.split_whitespace().collect();
    let caps = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let acronym =
        |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-');
    let fits = match words.as_slice() {
        [one] => acronym(one),
        [_, _] | [_, _, _] => words.iter().all(|w| caps(w)),
        _ => false,
    };
    let first = words.first()?.to_lowercase();
    let passive = pred
        .split_whitespace()
        .next()
        .is_some_and(|v| v.len() > 3 && v.ends_with('s') && !v.ends_with("ss"));
    (fits && !NOT_NAMES.contains(&first.as_str()) && !passive)
        .then(|| vec![Party::Other(subj.trim().to_string())])
}

/// Who an activity's own words name as doing it: a subject before its verb, in any tense
/// ("Polisen ska …", "Region Gotland genomför …", "Kommunen kommer i samverkan med polisen
/// genomföra …"), with those named "i samverkan med" / "i samarbete med" right after it as
/// partners ("Kommunen kommer i samverkan med polisen …": the kommun owns, the police takes
/// part), and those named "tillsammans med" as owners beside it ("Polisen ska tillsammans
/// med kommunen ge …", "Kommunen ska tillsammans med Vätterhem se över …": done together,
/// as the published texts' readers take it). The subject must be a list of parties and the
/// word after it lower case.
pub fn actor(s: &str) -> Option<(Vec<Party>, Vec<Party>)> {
    let with_re = regex!(r"^(.+?)\s+(tillsammans med|i samverkan med|i samarbete med)\s+(.+)$");
    let after_verb = regex!(
        r"^(?:ska(?:ll)?|kommer(?: att)?|lovar att)(?:,?\s+[a-zåäö]+){0,3}?,?\s+(tillsammans med|i samverkan med)\s+(polis(?:en)?|kommun(?:en)?|(?:stadsdels|social)[\wåäö]+|[A-ZÅÄÖ][\wåäö-]+s? (?:kommun|stad)|[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){0,2})\b((?:(?:,\s*|\s+(?:och|samt)\s+)(?:polis(?:en)?|kommun(?:en)?|[A-ZÅÄÖ][\wåäö-]+s? (?:kommun|stad)|[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){0,2})\b)*)"
    );
    let words: Vec<&str> = without_att(s).split_whitespace().take(14).collect();
    for n in (1..words.len().min(11)).rev() {
        let next = words[n];
        if !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let subj = words[..n].join(" ");
        // "Tillsammans med kommunen medverka …", "Gemensamt, genom …": no subject.
        let adverb = matches!(
            words[0].to_lowercase().trim_end_matches(','),
            "tillsammans" | "gemensamt"
        );
        if subj.ends_with(',') || adverb {
            continue;
        }
        let (own, with, mut joint) = match with_re.captures(&subj) {
            Some(c) => (
                c[1].to_string(),
                Some(c[3].to_string()),
                &c[2] == "tillsammans med",
            ),
            None => (subj.clone(), None, false),
        };
        let Some(owners) = parties(&own).or_else(|| items::beside_party(&own)) else {
            continue;
        };
        // A named party in an item's first words is a name: every word capitalised
        // ("Region Gotland", not "Trygghetsvandringar i skolor").
        let named = |p: &Party| match p {
            Party::Other(n) => n.split_whitespace().all(|w| {
                matches!(w, "-" | "–") || w.chars().next().is_some_and(char::is_uppercase)
            }),
            _ => true,
        };
        if !owners.iter().all(named) {
            continue;
        }
        let partners = match with {
            Some(w) => match parties(&w) {
                Some(p) => p,
                None => continue,
            },
            None => Vec::new(),
        };
        // "Kommunen kommer i samverkan med polisen genomföra": the partner after the verb,
        // also after a few adverbial words ("ska genom samverkan tillsammans med …", "lovar
        // att, i samverkan med kommunen, …").
        let rest = words[n..].join(" ");
        let mut partners = partners;
        if let Some(c) = after_verb.captures(&rest)
            && let Some(ps) = kommun_unit_at(&rest, c.get(2))
                .or_else(|| party(&c[2]))
                .or_else(|| {
                    // "tillsammans med Vätterhem": a name in the middle of the sentence.
                    (!c[2].ends_with(" kommun")).then(|| vec![Party::Other(c[2].to_string())])
                })
        {
            joint |= &c[1] == "tillsammans med";
            partners.extend(ps.into_iter().filter(|p| !owners.contains(p)));
            // "… tillsammans med Räddningstjänsten samt Hemab": each one named.
            named_after_the_first(&c[3], &owners, &mut partners);
        }
        if joint {
            let mut owners = owners;
            for p in partners {
                if !owners.contains(&p) {
                    owners.push(p);
                }
            }
            return Some((owners, Vec::new()));
        }
        return Some((owners, partners));
    }
    None
}

/// The parties of a list's tail after its first ("…, A och B"), each a party the rules know
/// or a name, added to `partners` unless named already.
fn named_after_the_first(tail: &str, owners: &[Party], partners: &mut Vec<Party>) {
    for more in regex!(r",\s*|\s+(?:och|samt)\s+").split(tail) {
        let more = more.trim();
        if more.is_empty() {
            continue;
        }
        let ps = party(more).unwrap_or_else(|| vec![Party::Other(more.to_string())]);
        for p in ps {
            if !owners.contains(&p) && !partners.contains(&p) {
                partners.push(p);
            }
        }
    }
}

/// The subject after the verb in an activity that begins with an adverbial of any length:
/// "Tillsammans ska kommun och polis arbeta …", "Under hösten kommer polisen att …", "Med
/// början den 3 mars kommer polisen att finnas …", "Utifrån lägesbilden och invånarnas
/// önskemål ska polisen synas …", and a party's possessive noun as that subject ("För att
/// skapa trygghet ska polisens närvaro i centrum styras av …": the police's). Only the
/// first verb of the item is tried, and only a party the rules know, so a third body named
/// after a verb is not taken for a doer. None otherwise.
pub fn inverted(s: &str) -> Option<Vec<Party>> {
    let c = regex!(r"^\S.*?\s(?:ska|skall|kommer|lovar)\s+(.+)$").captures(s.trim())?;
    let words: Vec<&str> = c[1].split_whitespace().take(6).collect();
    for n in (1..=words.len().min(5)).rev() {
        let next = words.get(n).copied().unwrap_or("");
        let subj = words[..n].join(" ");
        // "… så lovar vi att": "vi" is read by its own rule (and its reading).
        if !next.chars().next().is_some_and(char::is_lowercase)
            || BOTH.contains(&subj.to_lowercase().as_str())
        {
            continue;
        }
        if let Some(ps) = parties(&subj)
            && ps.iter().all(|p| !matches!(p, Party::Other(_)))
        {
            return Some(ps);
        }
    }
    None
}

/// Parties named "tillsammans med X" in an activity: they take part.
pub fn together_with(s: &str) -> Vec<(Party, String)> {
    let r = regex!(
        r"(?i)\b(?:tillsammans|i samverkan|i samarbete) med (polisen|kommunen|[A-ZÅÄÖ][\wåäö-]+s? kommun|socialtjänsten|stadsdelsförvaltningen|stadsdelsnämnden|skolan|förskolan)\b"
    );
    r.captures_iter(s)
        .filter_map(|c| {
            let ps = party(&c[1])?;
            Some((ps.into_iter().next()?, c[0].to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod structure_tests;
