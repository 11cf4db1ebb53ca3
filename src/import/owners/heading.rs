//! Who a heading or lead-in says promises the items under it.

use std::sync::OnceLock;

use regex::Regex;

use super::{BOTH, parties};
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// A heading or lead-in that names who promises the items under it: "Polisen lovar",
/// "Alvesta kommun lovar", "Polisen kommer också att:", "Tillsammans lovar".
pub fn heading_owner(h: &str) -> Option<Vec<Party>> {
    let lead = h.trim_end().ends_with(':');
    let h = h.trim().trim_end_matches([':', ';']).trim();
    let r = regex!(
        r"(?i)^(?P<subj>.{2,60}?)\s+(?:lovar|kommer|ska|skall|åtar sig|förbinder sig)(?:\s+(?:också|även|tillsammans|gemensamt|följande|vi|att))*$"
    );
    if let Some(c) = r.captures(h)
        && let Some(ps) = parties(&c["subj"])
    {
        return Some(ps);
    }
    // "Polisen kommer att genomföra", "Kommunen ska:" with a verb after: X at any level.
    let verb = regex!(
        r"^(?P<subj>.{2,60}?)\s+(?:lovar|kommer|ska|skall|åtar sig|förbinder sig)\b(?:\s+(?:också|även|tillsammans|gemensamt|att))*(?:\s+\S+){0,3}$"
    );
    if let Some(c) = verb.captures(h)
        && let Some(mut ps) = parties(&c["subj"])
    {
        // "Orten kommun ska tillsammans med polisen:": done together, both own the list.
        if let Some(w) = regex!(r"\btillsammans med (?P<with>.+)$").captures(h)
            && let Some(with) = parties(&w["with"])
        {
            for p in with {
                if !ps.contains(&p) {
                    ps.push(p);
                }
            }
        }
        return Some(ps);
    }
    // "Under 2023 lovar polisen att:", "Därför ska kommunen:": the subject after the verb.
    if let Some(c) = regex!(r"\b(?:lovar|ska|skall|kommer)\s+(?P<subj>[\wåäöÅÄÖ ]{2,60}?)\s+(?:att|tillsammans att|gemensamt att|följande)$").captures(h)
        && let Some(ps) = parties(&c["subj"])
    {
        return Some(ps);
    }
    after_the_verb(h, lead)
}

/// The rest of `heading_owner`: the party after the verb, of a last clause, first of a
/// "i samverkan med", before "löften"/"aktiviteter", or alone.
fn after_the_verb(h: &str, lead: bool) -> Option<Vec<Party>> {
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
    // "Ett medborgarlöfte har upprättats där Polisen lovar att": the party of the last
    // clause, right before its verb at the end.
    if let Some(c) =
        regex!(r"^(?P<before>.+?)\s+(?:lovar|ska|skall|kommer)(?:\s+att)?$").captures(h)
    {
        let words: Vec<&str> = c["before"].split_whitespace().collect();
        for n in (1..words.len().min(5)).rev() {
            let tail = &words[words.len() - n..];
            // The clause opens right before its party ("… där Polisen lovar att"), not in
            // the middle of one ("Polisen tillsammans med Orten kommun lovar att").
            let opener = words[words.len() - n - 1].to_lowercase();
            if !matches!(
                opener.as_str(),
                "där" | "som" | "då" | "när" | "varvid" | "och"
            ) {
                continue;
            }
            let subj = tail.join(" ");
            // A named party: "vi" ("Vad vi lovar") is read by its own rules.
            if (tail[0].chars().next().is_some_and(char::is_uppercase) || n == 1)
                && !BOTH.contains(&subj.to_lowercase().as_str())
                && let Some(ps) = parties(&subj)
            {
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
