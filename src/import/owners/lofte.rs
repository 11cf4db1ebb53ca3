//! Who promises the whole löfte: the sentence that says so ("X och Y lovar att …", three
//! or more signers, "Det här är polisens medborgarlöfte"), a lead's possessive, and whether
//! the text is the police's alone.

use std::sync::OnceLock;

use regex::Regex;

use super::{parties, party};
use crate::model::Party;

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

/// The three or more parties a sentence names as signing together, before or after its
/// verb: "Lokalpolisen Orten, Stadens trafikbolag (STB) och Ortens kommun kommer under året
/// att …", "Under 2018 kommer polisen, STB och kommunen att …". Each must be the police, the
/// kommun, or a named body (a capitalised name, its short form in brackets standing for it);
/// the police and a kommun among them.
pub fn signers(s: &str) -> Option<Vec<Party>> {
    let front = regex!(r"^(?P<subj>[^.:;]{2,120}?)\s+(?:kommer|lovar|ska|skall)\b");
    let inverted = regex!(
        r"\b(?:kommer|lovar|ska|skall)\s+(?P<subj>[^.:;]{2,120}?)\s+(?:att|tillsammans att|gemensamt att)\b"
    );
    [front, inverted]
        .iter()
        .find_map(|r| r.captures(s.trim()).and_then(|c| signer_list(&c["subj"])))
}

/// The parties of `signers`, every item one of them.
fn signer_list(subj: &str) -> Option<Vec<Party>> {
    let items: Vec<&str> = regex!(r",\s*|\s+(?:och|samt)\s+").split(subj).collect();
    if items.len() < 3 {
        return None;
    }
    let short = regex!(r"^[A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäö-]+){0,2}\s+\((?P<short>[A-ZÅÄÖ]{2,6})\)$");
    let police_of = regex!(
        r"^(?i:lokalpolisen|polisen|lokalpolisområde(?:t)?|polisområde(?:t)?)\s+[A-ZÅÄÖ][\wåäö-]+$"
    );
    // "City Orten", "Fastighetsägarna Orten län": a body's name, capitalised, a few words.
    let body =
        regex!(r"^[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,2}(?:\s+(?:län|stad|kommun))?$");
    let acronym = regex!(r"^[A-ZÅÄÖ]{2,6}$");
    let mut out = Vec::new();
    for item in items {
        let t = item.trim();
        let one = if let Some(c) = short.captures(t) {
            vec![Party::Other(c["short"].to_string())]
        } else if police_of.is_match(t) {
            vec![Party::Polisen]
        } else if let Some(ps) = party(t) {
            ps
        } else if acronym.is_match(t) || body.is_match(t) {
            vec![Party::Other(t.to_string())]
        } else {
            return None;
        };
        for p in one {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    (out.contains(&Party::Polisen)
        && out
            .iter()
            .any(|p| matches!(p, Party::Kommunen | Party::Kommunerna))
        && out.len() >= 3)
        .then_some(out)
}

/// Who a lead says has made its löften: "Nu har lokalpolisområde Orten formulerat sina löften
/// för 2016:", "Polisen och kommunen har tagit fram följande löften:". A name glued to the
/// word before it by the page ("lokalpolisområdetOrten") is read apart.
pub fn made_by(s: &str) -> Option<Vec<Party>> {
    let made = r"(?:formulerat|tagit fram|gett|lämnat|antagit|satt upp|enats om)\s+(?:sina|sitt|följande|dessa|nya|ett|årets|(?:19|20)\d\d\s+års)\s+(?:nya\s+)?(?:medborgar)?löften?\b";
    let inverted = regex!(&format!(
        r"(?i)\bhar\s+(?:nu\s+)?(?P<subj>[^,:]{{3,80}}?)\s+(?:nu\s+)?{made}"
    ));
    let front = regex!(&format!(
        r"(?i)^(?P<subj>[^,:]{{3,80}}?)\s+har\s+(?:nu\s+)?{made}"
    ));
    [front, inverted].iter().find_map(|r| {
        let c = r.captures(s.trim())?;
        let subj = regex!(r"([a-zåäö])([A-ZÅÄÖ])").replace_all(&c["subj"], "$1 $2");
        parties(&subj)
    })
}

/// Whose löften a lead names by the possessive: "… är polisens medborgarlöften … följande",
/// "Kommunens löften:", "polisens och kommunens medborgarlöfte".
pub fn possessive(s: &str) -> Option<Vec<Party>> {
    let c = regex!(
        r"(?i)\b(polisens|lokalpolisens|polismyndighetens|kommunens|[A-ZÅÄÖ][\wåäö-]+ kommuns|(?:lokal)?polisområde [A-ZÅÄÖ][\wåäö-]+s|(?:lokal)?polisområdets)(?:\s+och\s+(polisens|lokalpolisens|polismyndighetens|kommunens|[A-ZÅÄÖ][\wåäö-]+ kommuns))?\s+(?:medborgar?)?löften?\b"
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

/// Whose löfte an opening sentence says the page is: "Det här är polisens medborgarlöfte
/// för …", "Detta är kommunens och polisens löfte …". None for a löfte merely mentioned
/// ("… påverka polisens och kommunens medborgarlöften").
pub fn whose_lofte(s: &str) -> Option<Vec<Party>> {
    // Also a sentence that opens with the possessive: "Polisens och Orsa kommuns
    // medborgarlöfte 2021 - 2022." (and "medborgalöfte", misspelt), "Lokalpolisområde Ortens
    // medborgarlöften 2022." (the police's alone).
    let opens = regex!(
        r"^(?i:polisens|lokalpolisens|kommunens|[A-ZÅÄÖ][\wåäö-]+ kommuns|(?:lokal)?polisområde [A-ZÅÄÖ][\wåäö-]+s|(?:lokal)?polisområdets)(?:\s+och\s+[\wåäöÅÄÖ-]+(?:\s+kommuns)?)?\s+(?i:medborgar?)?löfte"
    );
    (regex!(r"^(?i:det här|detta|här) är\s").is_match(s.trim()) || opens.is_match(s.trim()))
        .then(|| possessive(s))?
}

/// Whether a text is a löfte of the police alone: it names the police and never a kommun
/// (no "kommun…", "stad"/"staden", "Region Gotland", "stadsdelsförvaltning").
pub fn police_only(text: &str) -> bool {
    let kommun = regex!(
        r"(?i)\bkommun(?:en|ens|er|erna|ernas|s)?\b|\bstad(?:en|ens|s)?\b|\bregion gotland\b|\bstadsdelsförvaltning|\bsocialtjänst"
    );
    regex!(r"(?i)\bpolis").is_match(text) && !kommun.is_match(text)
}
