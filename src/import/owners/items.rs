//! Owners an item or a bare heading names by its shape: a party's name alone on a line over
//! a list, a partner at an item's start, a possessive subject.

use std::sync::OnceLock;

use regex::Regex;

use super::{NOT_NAMES, parties, party, party_in_sentence};
use crate::model::Party;

/// Bodies the published texts name alone on a line over their own list, whose names carry
/// no ending that tells they are an organisation.
const KNOWN_BODIES: &[&str] = &[
    "Västtrafik",
    "Skånetrafiken",
    "SL",
    "Fastighetsägarna",
    "Länsstyrelsen",
    "Trafikverket",
];

/// A heading that is only a party's name over a list ("Polis", "Kommunen", "Västtrafik",
/// "Räddningstjänsten", "Fastighetsägarna"): that party owns the items under it.
pub fn bare_party(h: &str) -> Option<Vec<Party>> {
    let t = h.trim().trim_end_matches(':').trim();
    if t.split_whitespace().count() > 3 || !t.starts_with(char::is_uppercase) {
        return None;
    }
    if let Some(k) = KNOWN_BODIES.iter().find(|k| k.eq_ignore_ascii_case(t)) {
        return Some(vec![Party::Other((*k).to_string())]);
    }
    parties(t)
}

/// An item that begins with its partner ("I samverkan med polisen erbjuda …", "Tillsammans
/// med kommunen genomföra …"): those named, done with the owner of the heading above.
pub fn leading_with(s: &str) -> Option<(Vec<Party>, String)> {
    let c = regex!(r"^(?i:i samverkan med|i samarbete med|tillsammans med)\s+(.+)$")
        .captures(s.trim())?;
    let words: Vec<&str> = c[1].split_whitespace().take(8).collect();
    for n in (1..words.len()).rev() {
        let next = words[n];
        if !next.starts_with(char::is_lowercase) || words[n - 1].ends_with(',') && n > 1 {
            continue;
        }
        let who = words[..n].join(" ");
        if let Some(ps) = parties(who.trim_end_matches(',')) {
            let at = c.get(1)?.start() + who.len();
            return Some((ps, s.trim()[..at].to_string()));
        }
    }
    None
}

/// A possessive subject of two: "Polisen och socialtjänstens samverkan kring unga ska
/// utvecklas", "Polisens och kommunens närvaro ska öka": the parties whose doing it is (one
/// alone, "Polisens synlighet ska …", is read by `actor`).
pub fn possessive_subject(s: &str) -> Option<Vec<Party>> {
    possessive_of_two(s).or_else(|| possessive_of_one(s))
}

/// "Kommunens drogförebyggande arbete ska vara långsiktigt", "Vi lovar att polisens närvaro
/// ska öka": one signing party's possessive as the subject, also after "Vi lovar att".
fn possessive_of_one(s: &str) -> Option<Vec<Party>> {
    let c = regex!(r"^(?:(?i:vi)\s+lovar\s+att\s+)?(?P<who>(?i:polisens|lokalpolisens|kommunens)|[A-ZÅÄÖ][\wåäö-]+\s+kommuns)\s+[a-zåäö-]+(?:\s+[a-zåäö-]+){0,3}?\s+(?:ska|skall|kommer)\b")
        .captures(s.trim())?;
    // "Kommunens samordnare och polisen ska …": a list of subjects, for `actor`.
    if regex!(r"\s(?:och|samt)\s").is_match(&c[0]) {
        return None;
    }
    let who = c["who"].to_lowercase();
    Some(vec![if who.contains("polis") {
        Party::Polisen
    } else {
        Party::Kommunen
    }])
}

fn possessive_of_two(s: &str) -> Option<Vec<Party>> {
    let c = regex!(r"^(?P<who>[\wåäöÅÄÖ]+\s+(?:och|samt)\s+[\wåäöÅÄÖ]+s)\s+[a-zåäö]+(?:\s+[\wåäö]+){0,5}?\s+(?:ska|skall|kommer|ökar|blir)\b")
        .captures(s.trim())?;
    let who = &c["who"];
    let mut out = Vec::new();
    for item in regex!(r"\s+(?:och|samt)\s+").split(who) {
        let bare = item.strip_suffix('s').unwrap_or(item);
        let ps = party(bare).or_else(|| party(item))?;
        if ps.iter().any(|p| matches!(p, Party::Other(_))) {
            return None;
        }
        for p in ps {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    Some(out)
}

/// A subject naming one unknown body beside a known party: "Citygruppen och kommunen
/// nattvandrar …". The name is one capitalised word, not a plural noun ("Trafikkontroller").
pub(super) fn beside_party(subj: &str) -> Option<Vec<Party>> {
    let mut out = Vec::new();
    let mut known = false;
    let items: Vec<&str> = regex!(r",\s*|\s+(?:och|samt)\s+").split(subj).collect();
    if items.len() < 2 {
        return None;
    }
    for item in items {
        let t = item.trim();
        let ps = match party(t) {
            Some(ps) => {
                known |= ps.iter().any(|p| !matches!(p, Party::Other(_)));
                ps
            }
            None => {
                let plural = ["ar", "er", "or", "na"].iter().any(|e| t.ends_with(e));
                let name = !t.contains(' ')
                    && t.starts_with(char::is_uppercase)
                    && t.chars().count() >= 3
                    && !plural
                    && !NOT_NAMES.contains(&t.to_lowercase().as_str());
                if !name {
                    return None;
                }
                vec![Party::Other(t.to_string())]
            }
        };
        out.extend(
            ps.into_iter()
                .filter(|p| !out.contains(p))
                .collect::<Vec<_>>(),
        );
    }
    known.then_some(out)
}

/// A noun-phrase item naming who does it beside the heading's party: "Trygghetsvandringar
/// tillsammans med polisen och räddningstjänsten", "Föräldraträffar i skolan tillsammans med
/// Nattgruppen.": those named after "tillsammans med" (every one a party or a name), and the
/// phrase. The words before it are a noun phrase: up to five words, no verb among them, the
/// first no infinitive ("Genomföra vandringar tillsammans med polisen" is not read here).
pub fn noun_with(s: &str) -> Option<(Vec<Party>, String)> {
    let c = regex!(r"^([A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäö-]+){0,4})\s+(?i:tillsammans med)\s+(.+)$")
        .captures(s.trim())?;
    let head: Vec<String> = c[1].split_whitespace().map(str::to_lowercase).collect();
    let verbish = |w: &str| {
        matches!(
            w,
            "ska"
                | "skall"
                | "kommer"
                | "att"
                | "är"
                | "har"
                | "som"
                | "blir"
                | "gå"
                | "se"
                | "tillse"
                | "ge"
                | "få"
                | "stå"
                | "nå"
        )
    };
    if head[0].ends_with('a') || head.iter().any(|w| verbish(w)) {
        return None;
    }
    let words: Vec<&str> = c[2].split_whitespace().take(7).collect();
    let split = regex!(r",\s*|\s+(?:och|samt)\s+");
    for n in (1..=words.len()).rev() {
        let last = words[n - 1];
        let ends = last.ends_with(['.', ',', ';']);
        let next = words.get(n).copied().unwrap_or("");
        if !(ends || next.is_empty() || next.starts_with(char::is_lowercase)) {
            continue;
        }
        let list = words[..n].join(" ");
        let list = list.trim_end_matches(['.', ',', ';']);
        let mut out = Vec::new();
        let all = split.split(list).all(|item| {
            // A name: every word capitalised ("Boende i området" is none).
            let name = |p: &Party| match p {
                Party::Other(n) => n
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase)),
                _ => true,
            };
            party_in_sentence(item)
                .filter(|ps| ps.iter().all(name))
                .is_some_and(|ps| {
                    out.extend(ps);
                    true
                })
        });
        if all && !out.is_empty() {
            let at = c.get(2)?.start() + list.len();
            return Some((out, s.trim()[c.get(1)?.end()..at].trim().to_string()));
        }
    }
    None
}
