//! Who promises what: "Ansvarig: Polisen", "/ ansvarig polisen", "Ansvarig för upptäckt och
//! lagföring: Polisen, ansvarig för uppföljning och vård: Kommunen", "Polisen lovar"
//! headings, "X och Y lovar att …", "tillsammans med kommunen".
//!
//! Long because: the owner rules (parties, Ansvarig, subjects, headings) with their unit tests; to split next round (Ansvarig apart).

use std::sync::OnceLock;

use regex::Regex;

use crate::kommuner;
use crate::model::{Owner, Party};

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
    // "Polisen i Östra Norrbotten", "polisen på Gotland": the police, wherever it is.
    let t = regex!(r"^(?i:polisen|polis|lokalpolisen)\s+(?:i|på|inom)\s+[A-ZÅÄÖ][\wåäö-]*(?:\s+[A-ZÅÄÖ][\wåäö-]*)?$")
        .find(t)
        .map_or(t, |_| "polisen");
    let l = t.to_lowercase();
    if POLICE.contains(&l.as_str())
        || l.starts_with("lokalpolisområde ")
        || (l.ends_with(" lokalpolisområde") && l.split_whitespace().count() <= 3)
        || regex!(r"^(?i:lpo|polisområde) [A-ZÅÄÖ]").is_match(t)
        || regex!(r"^(?:polisens|lokalpolisens|polismyndighetens) \w+$").is_match(&l)
        // "Områdespoliserna", "kommunpoliserna", "Områdespolisen": the police's own officers.
        || regex!(r"^\w+poliser(?:na)?$").is_match(&l)
        || regex!(r"^\w+polisen$").is_match(&l)
    {
        return Some(vec![Party::Polisen]);
    }
    if KOMMUN.contains(&l.as_str()) {
        return Some(vec![Party::Kommunen]);
    }
    // The kommun's own units: "Kommunens trygghetssamordnare", "Socialtjänsten",
    // "Stadsdelsförvaltningen" (a city's district administration).
    if regex!(r"^(?:kommunens(?: \w+){1,3}|socialtjänst|skola|skolan|fritid|socialtjänsten|socialförvaltningen|socialnämnden|stadsdelen|stadsdelsförvaltning(?:en)?(?: [A-ZÅÄÖ][\wåäö]+){0,2}|kommunstyrelsen|kommunledningen)$")
        .is_match(&l)
    {
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
        return Some(vec![Party::Other(t.to_string())]);
    }
    None
}

/// A list of parties ("Polisen och Karlstads kommun"), every item a party; None otherwise.
pub fn parties(s: &str) -> Option<Vec<Party>> {
    let s = s.trim();
    if s.is_empty() || s.split_whitespace().count() > 8 {
        return None;
    }
    let mut out = Vec::new();
    for item in regex!(r",\s*|\s+(?:och|samt|&)\s+").split(s) {
        for p in party(item)? {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    Some(out)
}

fn owner(who: Party, role: Option<&str>) -> Owner {
    Owner {
        who,
        role: role.map(str::to_string),
    }
}

/// The owners an "Ansvarig" clause names, and what follows it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Ansvar {
    pub owners: Vec<Owner>,
    pub partners: Vec<Owner>,
    /// Text after the owners that is a new sentence ("Ansvarig: Kommunen Resultatet …").
    pub rest: String,
    /// The clause as written.
    pub words: String,
}

/// A list of owners after "Ansvarig:", leniently: a party not recognised is kept as a named
/// party, and a capitalised word right after a recognised party starts the rest.
fn owner_list(s: &str, role: Option<&str>, a: &mut Ansvar) {
    let s = s.trim();
    let (main, partners) = match regex!(r"(?i)\s+i samverkan med\s+").find(s) {
        Some(m) => (&s[..m.start()], Some(&s[m.end()..])),
        None => (s, None),
    };
    let tokens: Vec<&str> = main.split_whitespace().collect();
    let mut cur: Vec<&str> = Vec::new();
    let mut i = 0;
    let push = |cur: &mut Vec<&str>, a: &mut Ansvar| {
        let item = cur.join(" ");
        let item = item.trim_end_matches([',', '.']);
        if !item.is_empty() {
            let ps = party(item).unwrap_or_else(|| vec![Party::parse(item)]);
            for p in ps {
                if !a.owners.iter().any(|o| o.who == p) {
                    a.owners.push(owner(p, role));
                }
            }
        }
        cur.clear();
    };
    while i < tokens.len() {
        let t = tokens[i];
        cur.push(t);
        i += 1;
        let next = tokens.get(i).copied().unwrap_or("");
        if t.ends_with(',') || matches!(next, "och" | "samt" | "&") {
            push(&mut cur, a);
            if matches!(next, "och" | "samt" | "&") {
                i += 1;
            }
        } else if !next.is_empty()
            && next.chars().next().is_some_and(char::is_uppercase)
            && party(&cur.join(" ")).is_some()
        {
            push(&mut cur, a);
            a.rest = tokens[i..].join(" ");
            break;
        }
    }
    push(&mut cur, a);
    if let Some(p) = partners {
        for item in regex!(r",\s*|\s+(?:och|samt)\s+").split(p.trim_end_matches('.')) {
            let ps = party(item).unwrap_or_else(|| vec![Party::parse(item)]);
            for who in ps {
                a.partners.push(owner(who, Some("i samverkan")));
            }
        }
    }
}

/// Splits an "Ansvarig" clause off a text: the text before it, and the owners it names.
/// Forms: "… Ansvarig: Polisen", "… / ansvarig polisen", "… Ansvarig för R1: Polisen,
/// ansvarig för R2: Kommunen", "… Ansvarig: Polisen i samverkan med kommunen".
pub fn split_ansvarig(text: &str) -> Option<(String, Ansvar)> {
    // "An-svarig": a PDF's hyphenation left inside the word is read through, not rewritten.
    let slash = regex!(r"(?i)\s*/\s*an-?svar(?:ig|iga)?\s*:?\s+(\S.*?)\)?$");
    if let Some(c) = slash.captures(text) {
        let mut a = Ansvar {
            words: c[0].trim().trim_start_matches('/').trim().to_string(),
            ..Ansvar::default()
        };
        owner_list(&c[1], None, &mut a);
        return Some((text[..c.get(0)?.start()].trim().to_string(), a));
    }
    let colon = regex!(r"(?:^|[\s.(])((?:Huvud)?[Aa]n-?svar(?:ig|iga)?(?: för [^:]{1,80})?:)");
    let start = colon.captures(text)?.get(1)?.start();
    let tail = text[start..].trim_end().trim_end_matches(')');
    let mut a = Ansvar {
        words: tail.trim().to_string(),
        ..Ansvar::default()
    };
    let clause =
        regex!(r"(?i)^(?:huvud)?an-?svar(?:ig|iga)?(?: för (?P<role>[^:]+))?:\s*(?P<who>.*)$");
    for part in regex!(r",\s*(?i:an-?svarig)").split(tail) {
        let lower = part.to_lowercase();
        let part = if lower.starts_with("ansvar")
            || lower.starts_with("an-svar")
            || lower.starts_with("huvudansvar")
        {
            part.to_string()
        } else {
            format!("ansvarig{part}")
        };
        let Some(c) = clause.captures(&part) else {
            continue;
        };
        let role = c.name("role").map(|r| r.as_str().trim());
        owner_list(&c["who"], role, &mut a);
        if !a.rest.is_empty() {
            break;
        }
    }
    let before = text[..start]
        .trim()
        .trim_end_matches('(')
        .trim()
        .to_string();
    Some((before, a))
}

/// A sentence "X (och Y) lovar att …" / "X kommer (tillsammans) att …" / "X ska …": the
/// parties and the rest.
/// An item written as the rest of its lead's sentence ("lovar X: • Att polisen ska …"):
/// the words after "att".
fn without_att(s: &str) -> &str {
    let t = s.trim();
    regex!(r"^(?i:att)\s+").find(t).map_or(t, |m| &t[m.end()..])
}

pub fn subject(s: &str) -> Option<(Vec<Party>, String)> {
    let r = regex!(
        r"^(?P<subj>[^,]{2,80}?)\s+(?:lovar(?:\s+(?:gemensamt|tillsammans|också|även))*\s+att|kommer(?:\s+(?:också|även|tillsammans|gemensamt))*\s+att|ska(?:ll)?(?:\s+(?:också|även|tillsammans|gemensamt))*|(?:åtar|förbinder) sig(?:\s+(?:också|även|gemensamt))?\s+att|(?:ansvarar|tar ansvar|har ansvar(?:et)?) för att)\s+(?P<pred>.+)$"
    );
    let c = r.captures(without_att(s))?;
    let pred = c["pred"].trim();
    let ps = parties(&c["subj"]).or_else(|| named(&c["subj"], pred))?;
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
        r"^(?:ska(?:ll)?|kommer(?: att)?|lovar att)\s+(tillsammans med|i samverkan med)\s+(polisen|kommunen|[A-ZÅÄÖ][\wåäö-]+s? kommun|[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){0,2})\b"
    );
    let words: Vec<&str> = without_att(s).split_whitespace().take(12).collect();
    for n in (1..words.len().min(9)).rev() {
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
        let Some(owners) = parties(&own) else {
            continue;
        };
        // A named party in an item's first words is a name: every word capitalised
        // ("Region Gotland", not "Trygghetsvandringar i skolor").
        let named = |p: &Party| match p {
            Party::Other(n) => n
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase)),
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
        // "Kommunen kommer i samverkan med polisen genomföra": the partner after the verb.
        let rest = words[n..].join(" ");
        let mut partners = partners;
        if let Some(c) = after_verb.captures(&rest)
            && let Some(ps) = party(&c[2]).or_else(|| {
                // "tillsammans med Vätterhem": a name in the middle of the sentence.
                (!c[2].ends_with(" kommun")).then(|| vec![Party::Other(c[2].to_string())])
            })
        {
            joint |= &c[1] == "tillsammans med";
            partners.extend(ps.into_iter().filter(|p| !owners.contains(p)));
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

/// The subject after the verb in an activity that begins with an adverb: "Tillsammans ska
/// kommun och polis arbeta …", "Under hösten kommer polisen att …". None otherwise.
pub fn inverted(s: &str) -> Option<Vec<Party>> {
    let c = regex!(r"^[A-ZÅÄÖ][\wåäö]*(?:\s+[\wåäö]+)?\s+(?:ska|skall|kommer|lovar)\s+(.+)$")
        .captures(s.trim())?;
    let words: Vec<&str> = c[1].split_whitespace().collect();
    for n in (1..=words.len().min(5)).rev() {
        let next = words.get(n).copied().unwrap_or("");
        if !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        if let Some(ps) = parties(&words[..n].join(" "))
            && ps.iter().all(|p| !matches!(p, Party::Other(_)))
        {
            return Some(ps);
        }
    }
    None
}

/// Who a sentence says promises: "X (och Y) lovar …" or, with the verb first, "Utifrån
/// lägesbilden lovar X och Y att …". None when no party list is the subject of "lovar".
pub fn promiser(s: &str) -> Option<Vec<Party>> {
    let front = regex!(r"^(?P<subj>[^,]{2,80}?)\s+lovar\b");
    let inverted = regex!(
        r"\blovar\s+(?P<subj>[^,]{2,80}?)(?:\s+(?:gemensamt\s+|tillsammans\s+)?att\b|\s*:?\s*$)"
    );
    [front, inverted]
        .iter()
        .find_map(|r| r.captures(s.trim()).and_then(|c| parties(&c["subj"])))
}

/// A heading or lead-in that names who promises the items under it: "Polisen lovar",
/// "Alvesta kommun lovar", "Polisen kommer också att:", "Tillsammans lovar".
pub fn heading_owner(h: &str) -> Option<Vec<Party>> {
    let lead = h.trim_end().ends_with(':');
    let h = h.trim().trim_end_matches([':', ';']).trim();
    let r = regex!(
        r"(?i)^(?P<subj>.{2,60}?)\s+(?:lovar|kommer|ska|skall|åtar sig|förbinder sig)(?:\s+(?:också|även|tillsammans|gemensamt|följande|vi|att))*$"
    );
    if let Some(c) = r.captures(h) {
        return parties(&c["subj"]);
    }
    // "Polisen kommer att genomföra", "Kommunen ska:" with a verb after: X at any level.
    let verb = regex!(
        r"^(?P<subj>.{2,60}?)\s+(?:lovar|kommer|ska|skall|åtar sig|förbinder sig)\b(?:\s+(?:också|även|tillsammans|gemensamt|att))*(?:\s+\S+){0,3}$"
    );
    if let Some(c) = verb.captures(h)
        && let Some(ps) = parties(&c["subj"])
    {
        return Some(ps);
    }
    // "Under 2023 lovar polisen att:", "Därför ska kommunen:": the subject after the verb.
    if let Some(c) = regex!(r"\b(?:lovar|ska|skall|kommer)\s+(?P<subj>[\wåäöÅÄÖ ]{2,60}?)\s+(?:att|tillsammans att|gemensamt att|följande)$").captures(h)
        && let Some(ps) = parties(&c["subj"])
    {
        return Some(ps);
    }
    // "Det här lovar polisen utifrån …", "Detta gör kommunen": the party right after the verb.
    if let Some(c) =
        regex!(r"(?i)^(?:det här|detta|så här|därför|här)\s+(?:lovar|ska|skall|gör|kommer)\s+(.+)$")
            .captures(h)
    {
        let words: Vec<&str> = c[1].split_whitespace().collect();
        for n in (1..=words.len().min(5)).rev() {
            if let Some(ps) = parties(&words[..n].join(" ")) {
                return Some(ps);
            }
        }
    }
    // "Polismyndigheten i samverkan med kommunen": the first one owns the items.
    if let Some(c) =
        regex!(r"^(.{2,40}?)\s+(?:i samverkan med|tillsammans med)\s+(.{2,40})$").captures(h)
        && let (Some(ps), Some(_)) = (parties(&c[1]), parties(&c[2]))
    {
        return Some(ps);
    }
    let own = regex!(
        r"(?i)^(?P<subj>.{2,40}) (?:medborgar)?(?:löften?|aktiviteter|aktivitet|åtaganden|åtagande|insatser|uppdrag|ansvar|del)$"
    );
    if let Some(c) = own.captures(h) {
        let subj = c["subj"].to_string();
        match subj.to_lowercase().as_str() {
            "gemensamma" | "våra gemensamma" | "gemensam" => {
                return Some(vec![Party::Polisen, Party::Kommunen]);
            }
            "polisiära" | "polisiär" | "polisens egna" => return Some(vec![Party::Polisen]),
            "kommunala" | "kommunal" | "kommunens egna" => return Some(vec![Party::Kommunen]),
            _ => {}
        }
        let bare = subj.strip_suffix('s').unwrap_or(&subj);
        if let Some(ps) = parties(bare).or_else(|| parties(&subj)) {
            return Some(ps);
        }
    }
    // A lead that is only a party: "Polisen:", "Kommunen och polisen:".
    parties(h).filter(|_| lead && h.split_whitespace().count() <= 5)
}

/// Whose löften a lead names by the possessive: "… är polisens medborgarlöften … följande",
/// "Kommunens löften:", "polisens och kommunens medborgarlöfte".
pub fn possessive(s: &str) -> Option<Vec<Party>> {
    let c = regex!(
        r"(?i)\b(polisens|lokalpolisens|polismyndighetens|kommunens|[A-ZÅÄÖ][\wåäö-]+ kommuns)(?:\s+och\s+(polisens|lokalpolisens|polismyndighetens|kommunens|[A-ZÅÄÖ][\wåäö-]+ kommuns))?\s+(?:medborgar)?löften?\b"
    )
    .captures(s)?;
    let one = |w: &str| -> Option<Party> {
        let l = w.to_lowercase();
        if l.contains("polis") {
            Some(Party::Polisen)
        } else if l == "kommunens" {
            Some(Party::Kommunen)
        } else {
            let name = w.split_whitespace().next()?;
            crate::kommuner::find(name).map(|_| Party::Kommunen)
        }
    };
    let mut out = vec![one(&c[1])?];
    if let Some(m) = c.get(2) {
        let p = one(m.as_str())?;
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Some(out)
}

/// Whether a text is a löfte of the police alone: it names the police and never a kommun
/// (no "kommun…", "stad"/"staden", "Region Gotland", "stadsdelsförvaltning").
pub fn police_only(text: &str) -> bool {
    let kommun = regex!(
        r"(?i)\bkommun(?:en|ens|er|erna|ernas|s)?\b|\bstad(?:en|ens|s)?\b|\bregion gotland\b|\bstadsdelsförvaltning|\bsocialtjänst"
    );
    regex!(r"(?i)\bpolis").is_match(text) && !kommun.is_match(text)
}

/// Parties named "tillsammans med X" in an activity: they take part.
pub fn together_with(s: &str) -> Vec<(Party, String)> {
    let r = regex!(
        r"(?i)\b(?:tillsammans|i samverkan|i samarbete) med (polisen|kommunen|[A-ZÅÄÖ][\wåäö-]+s? kommun)\b"
    );
    r.captures_iter(s)
        .filter_map(|c| {
            let ps = party(&c[1])?;
            Some((ps.into_iter().next()?, c[0].to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(p: Party) -> Owner {
        owner(p, None)
    }

    #[test]
    fn parties_in_lists() {
        assert_eq!(
            parties("Polisen och Karlstads kommun"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        assert_eq!(parties("Alvesta kommun"), Some(vec![Party::Kommunen]));
        assert_eq!(
            parties("Tillsammans"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        assert_eq!(
            parties("Räddningstjänsten"),
            Some(vec![Party::Other("Räddningstjänsten".into())])
        );
        assert_eq!(parties("Medborgarlöftet"), None);
        assert_eq!(parties("Det"), None);
    }

    #[test]
    fn ansvarig_colon() {
        let (before, a) =
            split_ansvarig("Polisen lovar att patrullera. Ansvarig: Polisen").unwrap();
        assert_eq!(before, "Polisen lovar att patrullera.");
        assert_eq!(a.owners, [o(Party::Polisen)]);
        let (_, a) = split_ansvarig(
            "X. Ansvarig för upptäckt och lagföring: Polisen, ansvarig för uppföljning och vård: Kommunen",
        )
        .unwrap();
        assert_eq!(
            a.owners,
            [
                owner(Party::Polisen, Some("upptäckt och lagföring")),
                owner(Party::Kommunen, Some("uppföljning och vård"))
            ]
        );
        let (_, a) = split_ansvarig("X. Ansvarig: Polisen i samverkan med kommunen").unwrap();
        assert_eq!(a.owners, [o(Party::Polisen)]);
        assert_eq!(a.partners, [owner(Party::Kommunen, Some("i samverkan"))]);
        let (_, a) =
            split_ansvarig("Y. Ansvarig: Kommunen Resultatet kommer att presenteras.").unwrap();
        assert_eq!(a.owners, [o(Party::Kommunen)]);
        assert_eq!(a.rest, "Resultatet kommer att presenteras.");
        assert!(split_ansvarig("den som är ansvarig för trafiken").is_none());
        let (before, a) = split_ansvarig("Kontroller vid skolor. Ansvar: Polisen").unwrap();
        assert_eq!(
            (before.as_str(), a.owners.clone()),
            ("Kontroller vid skolor.", vec![o(Party::Polisen)])
        );
        let (before, a) = split_ansvarig("Kontroller vid skolor (ansvarig: polisen)").unwrap();
        assert_eq!(
            (before.as_str(), a.owners),
            ("Kontroller vid skolor", vec![o(Party::Polisen)])
        );
    }

    #[test]
    fn ansvarig_after_a_slash() {
        let (before, a) = split_ansvarig("Fotpatrullering i centrum/ ansvarig polisen").unwrap();
        assert_eq!(before, "Fotpatrullering i centrum");
        assert_eq!(a.owners, [o(Party::Polisen)]);
        let (_, a) = split_ansvarig("ANDT-arbete/ ansvariga polisen och kommunen").unwrap();
        assert_eq!(a.owners, [o(Party::Polisen), o(Party::Kommunen)]);
        let (_, a) = split_ansvarig("Vandring / ansvarig Bostadsbolaget").unwrap();
        assert_eq!(a.owners, [o(Party::Other("Bostadsbolaget".into()))]);
    }

    #[test]
    fn subjects_and_headings() {
        let (ps, pred) =
            subject("Polisen och Karlstads kommun kommer tillsammans att ha fler tillsyner.")
                .unwrap();
        assert_eq!(ps, [Party::Polisen, Party::Kommunen]);
        assert_eq!(pred, "ha fler tillsyner.");
        assert!(subject("Medborgarlöftet kommer att följas upp.").is_none());
        assert_eq!(heading_owner("Polisen lovar"), Some(vec![Party::Polisen]));
        assert_eq!(
            heading_owner("Alvesta kommun lovar"),
            Some(vec![Party::Kommunen])
        );
        assert_eq!(
            heading_owner("Kommunen kommer också att:"),
            Some(vec![Party::Kommunen])
        );
        assert_eq!(
            heading_owner("Tillsammans lovar vi"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        // "X lovar" at any level, whatever follows it.
        assert_eq!(
            heading_owner("Polisen lovar att under 2020"),
            Some(vec![Party::Polisen])
        );
        assert_eq!(
            heading_owner("Tillsammans lovar"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        assert_eq!(heading_owner("Uppföljning"), None);
        assert_eq!(heading_owner("Polisen:"), Some(vec![Party::Polisen]));
        assert_eq!(heading_owner("POLISEN LOVAR"), Some(vec![Party::Polisen]));
        assert_eq!(heading_owner("Polisens löften"), Some(vec![Party::Polisen]));
        assert_eq!(
            heading_owner("Kommunens löften"),
            Some(vec![Party::Kommunen])
        );
        assert_eq!(
            heading_owner("Gemensamma löften"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        assert_eq!(
            heading_owner("Vi lovar att:"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
    }

    #[test]
    fn together_with_names_partners() {
        let t = together_with("Att tillsammans med Polisen genomföra möten");
        assert_eq!(t[0].0, Party::Polisen);
        assert!(together_with("tillsammans med övriga").is_empty());
    }
}

#[cfg(test)]
mod structure_tests {
    use super::*;

    const BOTH: [Party; 2] = [Party::Polisen, Party::Kommunen];

    #[test]
    fn an_items_own_subject_in_any_tense() {
        let (o, p) = actor("Region Gotland genomför en föräldraträff varje vår.").unwrap();
        assert_eq!((o, p), (vec![Party::Kommunen], vec![]));
        // "tillsammans med" after the subject: done together, both own it.
        let (o, p) =
            actor("Polisen tillsammans med Ale kommun kommer att samordna arbetet.").unwrap();
        assert_eq!((o, p), (BOTH.to_vec(), vec![]));
        let (o, p) = actor("Kommunen ska tillsammans med Ekbohem rusta upp torget.").unwrap();
        assert_eq!(
            (o, p),
            (
                vec![Party::Kommunen, Party::Other("Ekbohem".into())],
                vec![]
            )
        );
        let (o, p) = actor("Kommunen kommer i samverkan med polisen ordna vandringar.").unwrap();
        assert_eq!((o, p), (vec![Party::Kommunen], vec![Party::Polisen]));
        let (o, _) = actor("Kommunens fältassistenter ska finnas ute på helger.").unwrap();
        assert_eq!(o, vec![Party::Kommunen]);
        let (o, _) = actor("Polisen i Västra Dalarna och kommunen lovar att ses.").unwrap();
        assert_eq!(o, BOTH);
        // A plural noun before the verb is no party.
        assert_eq!(actor("Trygghetsvandringar i skolor ska genomföras."), None);
        assert_eq!(actor("Fotpatrullering i centrum."), None);
    }

    #[test]
    fn an_item_that_continues_its_leads_sentence_with_att() {
        // "… lovar polisen och kommunen: • Att polisen ska …": the subject after "att".
        let (o, _) = actor("Att kommunen ska se över hastigheterna på gatorna.").unwrap();
        assert_eq!(o, vec![Party::Kommunen]);
        let (o, _) = actor("att polisen och kommunen möts varje månad i ett råd").unwrap();
        assert_eq!(o, BOTH);
        // A promise after the verb, the lead ending in a colon.
        assert_eq!(
            promiser("För säkrare trafik lovar polisen och kommunen:"),
            Some(BOTH.to_vec())
        );
        // "Sundsvall kommunen" (so written) is the kommun.
        assert_eq!(party("Sundsvall kommunen"), Some(vec![Party::Kommunen]));
    }

    #[test]
    fn headings_that_own_the_items_under_them() {
        let cases: &[(&str, &[Party])] = &[
            ("Polismyndighetens åtaganden:", &[Party::Polisen]),
            ("Gemensamma aktiviteter:", &BOTH),
            ("Polisiära aktiviteter:", &[Party::Polisen]),
            ("Kommunens aktiviteter:", &[Party::Kommunen]),
            (
                "Lokalpolisområde Arvika kommer att genomföra",
                &[Party::Polisen],
            ),
            ("LPO Arvika ska:", &[Party::Polisen]),
            (
                "Polismyndigheten i samverkan med kommunen:",
                &[Party::Polisen],
            ),
            ("Under 2024 lovar polisen att:", &[Party::Polisen]),
        ];
        for (h, want) in cases {
            assert_eq!(heading_owner(h).as_deref(), Some(*want), "{h}");
        }
        assert_eq!(heading_owner("Trygg trafikmiljö"), None);
        assert_eq!(heading_owner("Problembild"), None);
    }

    #[test]
    fn parties_a_kommun_or_the_police_works_through() {
        assert_eq!(party("Stadsdelsförvaltningen"), Some(vec![Party::Kommunen]));
        assert_eq!(party("Socialtjänsten"), Some(vec![Party::Kommunen]));
        assert_eq!(party("Ale lokalpolisområde"), Some(vec![Party::Polisen]));
        assert_eq!(party("Polisen på Gotland"), Some(vec![Party::Polisen]));
    }

    #[test]
    fn who_promises_the_whole_loefte() {
        assert_eq!(
            promiser(
                "Utifrån enkäten lovar Ale lokalpolisområde och Ale kommun att arbeta mot klotter."
            ),
            Some(BOTH.to_vec())
        );
        assert_eq!(
            promiser("Polisen och kommunen lovar att bli bättre på att synas."),
            Some(BOTH.to_vec())
        );
        assert_eq!(promiser("Medborgarna lovar att delta."), None);
    }

    #[test]
    fn partners_named_in_samverkan_or_tillsammans() {
        let t = together_with("Fotpatrullera i samverkan med kommunen på fredagar.");
        assert_eq!(t[0].0, Party::Kommunen);
    }

    #[test]
    fn owners_named_after_the_verb_and_by_the_possessive() {
        assert_eq!(
            heading_owner("Det här lovar polisen utifrån lägesbilden"),
            Some(vec![Party::Polisen])
        );
        assert_eq!(
            heading_owner("Detta gör kommunen"),
            Some(vec![Party::Kommunen])
        );
        assert_eq!(
            possessive("För 2024 är polisens medborgarlöften för centrum följande"),
            Some(vec![Party::Polisen])
        );
        assert_eq!(
            possessive("Kommunens och polisens löften"),
            Some(vec![Party::Kommunen, Party::Polisen])
        );
        assert_eq!(
            possessive("Medborgarlöften är en del av polisens arbete"),
            None
        );
    }

    #[test]
    fn subjects_after_an_adverb_and_officers_and_units() {
        assert_eq!(
            inverted("Tillsammans ska kommun och polis arbeta för fler grannsamverkansområden."),
            Some(vec![Party::Kommunen, Party::Polisen])
        );
        assert_eq!(
            inverted("Under hösten kommer polisen att besöka skolorna."),
            Some(vec![Party::Polisen])
        );
        assert_eq!(inverted("Varje år kommer minst ett möte hållas."), None);
        assert_eq!(parties("Områdespoliserna"), Some(vec![Party::Polisen]));
        assert_eq!(
            parties("Socialtjänst, skola och polis"),
            Some(vec![Party::Kommunen, Party::Polisen])
        );
    }

    #[test]
    fn a_text_that_names_no_kommun_is_the_police_alone() {
        assert!(police_only(
            "Polisen i Norrby lovar att arbeta mot buskörning. Kommunikationsinsatser."
        ));
        assert!(!police_only("Polisen och kommunen lovar att …"));
        assert!(!police_only("Polisen och Norrby stad lovar att …"));
        assert!(!police_only("Region Gotland och polisen lovar"));
        assert!(!police_only("Ett löfte utan part."));
    }
}
