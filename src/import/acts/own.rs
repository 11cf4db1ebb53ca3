//! Owners an activity names in its own words: "vi" as the subject, an owner in brackets.

use super::super::{ActivityDraft, Note, owners};
use super::add;
use crate::model::Party;

/// "… så lovar vi att bistå", "Vi ska …": "vi" as the subject of the activity's own verb is
/// both signing parties (on a löfte of the police alone the reader makes it the police).
/// None when the heading above already names who promises.
pub(super) fn we(text: &str, section: Option<&[Party]>) -> Option<Vec<Party>> {
    (section.is_none() && names_we(text)).then(|| vec![Party::Polisen, Party::Kommunen])
}

/// Whether "vi" is the subject of the text's own verb ("Vi ska …", "… lovar vi att", "så
/// lovar vi").
pub fn names_we(text: &str) -> bool {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(?:lovar|ska|skall|kommer|vill) vi\b|(?:^|[,;]\s*|\bså\s+)vi (?:lovar|ska|skall|kommer|åtar|förbinder)\b",
        )
        .expect("compiles")
    })
    .is_match(text)
}

/// "… (Polis)": an owner in brackets at the end of the item.
pub(super) fn bracket_owner(a: &mut ActivityDraft) {
    if let Some(c) = {
        static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        R.get_or_init(|| regex::Regex::new(r"\(([^()]{2,60})\)\.?$").expect("compiles"))
    }
    .captures(&a.text)
        && let Some(ps) = owners::parties(&c[1])
            // Polisen and kommunen, or one named party; a list of names is units, not owners.
            .filter(|ps| ps.len() == 1 || ps.iter().all(|p| !matches!(p, Party::Other(_))))
            .or_else(|| beside_signer(&c[1]))
    {
        a.notes.push(Note::Reading(format!(
            "\"({})\" at the end names the owner",
            &c[1]
        )));
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
}

/// "Fotpatrullering i centrum. / Polisen", "Trygghetsvandring/ Kommunen", "… / Polisen,
/// kommunen och landstinget": the owner after a slash at the end of the item, as a table's
/// "who" column flattened into the line.
pub(super) fn slash_owner(a: &mut ActivityDraft) {
    if let Some(c) = {
        static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        R.get_or_init(|| {
            regex::Regex::new(r"/\s*(\p{Alphabetic}[^/()]{1,60}?)\s*\.?$").expect("compiles")
        })
    }
    .captures(&a.text)
        && let Some(ps) = owners::parties(&c[1])
            .filter(|ps| ps.iter().all(|p| !matches!(p, Party::Other(_))))
            // A named body only when capitalised ("… / Landstinget"), not "skolor/fritid".
            .or_else(|| {
                c[1].starts_with(char::is_uppercase)
                    .then(|| beside_signer(&c[1]))
                    .flatten()
            })
    {
        a.notes.push(Note::Reading(format!(
            "\"/ {}\" at the end names the owner",
            c[1].trim()
        )));
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
}

/// "(kommun, polis och näringsliv)", "(kommun och fastighetsägarna)": a list in brackets
/// naming a signing party beside bodies no rule knows, each a word or two in lower case (a
/// list of capitalised names is units, not owners).
fn beside_signer(list: &str) -> Option<Vec<Party>> {
    let mut out = Vec::new();
    let mut signer = false;
    for item in list
        .split([',', '/'])
        .flat_map(|i| i.split(" och "))
        .flat_map(|i| i.split(" samt "))
    {
        let item = item.trim();
        match owners::party(item) {
            Some(ps) => {
                signer |= ps
                    .iter()
                    .any(|p| matches!(p, Party::Polisen | Party::Kommunen));
                out.extend(ps);
            }
            None if (1..=2).contains(&item.split_whitespace().count())
                && item
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                && item.chars().next().is_some_and(char::is_lowercase) =>
            {
                out.push(Party::Other(item.to_string()));
            }
            None => return None,
        }
    }
    (signer && out.len() > 1).then_some(out)
}

/// "Polisen och socialtjänstens samverkan … ska öka": a possessive subject of two, read
/// before the first party alone is taken for the subject.
pub(super) fn possessive_owner(a: &mut ActivityDraft) {
    if a.owners.is_empty()
        && let Some(ps) = owners::possessive_subject(&a.text)
    {
        a.notes.push(Note::Reading(format!(
            "the possessive subject names the doer: {}",
            super::names(&ps)
        )));
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
}
