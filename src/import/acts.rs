//! One activity from its published words: text, owners and partners, target, id.

use crate::model::{Owner, Party, Per};

use super::owners;
use super::rules::{self, Found, Kind};
use super::{ActivityDraft, Note};

/// The one place a recognised target phrase becomes TOML. The kinds the format cannot
/// write yet (issue 11) give no target and a reading that quotes the words; when the format
/// gains them, only this function changes.
pub fn target_toml(f: &Found) -> (Option<String>, String) {
    let count = |n: u32, per: Per| format!("{{ count = {n}, per = \"{}\" }}", per.name());
    let w = &f.words;
    match f.kind {
        Kind::Count(per) => {
            let term = f
                .unit
                .as_deref()
                .is_some_and(|u| u.to_lowercase().starts_with("termin"));
            let mut r = format!("\"{w}\": {} per {}", f.count, per.name());
            if term {
                r.push_str(" (a termin read as a half-year)");
            }
            (Some(count(f.count, per)), r)
        }
        Kind::CountNoWindow => (
            Some(count(f.count, Per::Period)),
            format!("\"{w}\" names no window: {} over the whole period", f.count),
        ),
        Kind::Once => (
            Some("\"once\"".to_string()),
            format!("\"{w}\" is a change made once: a milestone"),
        ),
        Kind::Vague => (
            None,
            format!("\"{w}\" gives no number, so no count target: ongoing work"),
        ),
        Kind::OtherWindow => (
            None,
            format!("\"{w}\": the format has no such window, so no target is written"),
        ),
        kind => (
            None,
            format!(
                "{}: \"{w}\"{}; the format cannot write this target yet, so none is written",
                pending_kind(kind),
                f.with_count
                    .as_ref()
                    .map_or(String::new(), |c| format!(", with \"{c}\""))
            ),
        ),
    }
}

/// The issue-11 target kinds, named for the reading.
fn pending_kind(k: Kind) -> &'static str {
    match k {
        Kind::Parts => "several targets in one activity (parts)",
        Kind::PerUnit => "a target per unit",
        Kind::PerOccurrence => "a target per occurrence of something else",
        Kind::OnRequest => "work on request",
        Kind::WeeklySlot => "a fixed weekly slot",
        Kind::OpenCount => "a count the text leaves open",
        Kind::OwnFrame => "the activity's own time frame",
        _ => "a target",
    }
}

/// Words that say nothing about what an activity is, skipped when making its id.
const ID_SKIP: &[&str] = &[
    "att",
    "och",
    "med",
    "i",
    "på",
    "för",
    "av",
    "en",
    "ett",
    "som",
    "till",
    "mot",
    "om",
    "den",
    "det",
    "de",
    "vid",
    "samt",
    "arbeta",
    "genomföra",
    "verka",
    "skapa",
    "använda",
    "ha",
    "hålla",
    "lovar",
    "tillsammans",
    "inom",
    "ökad",
    "öka",
    "se",
    "över",
    "kring",
    "fler",
    "bedriva",
    "utveckla",
    "utöka",
    "medverka",
    "aktivt",
    "alla",
    "samtliga",
    "under",
    "minst",
];

/// A short id from the text's first telling words ("trygghetsvandringar-centrum").
pub fn make_id(text: &str, taken: &[String]) -> String {
    let body = owners::subject(text).map_or(text.to_string(), |(_, pred)| pred);
    let words: Vec<String> = body
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 2 && !ID_SKIP.contains(&w.as_str()))
        .take(2)
        .collect();
    let mut id = crate::text::slug(&words.join(" "));
    id.truncate(32);
    let mut id = id.trim_end_matches('-').to_string();
    if id.is_empty() || crate::model::RESERVED_IDS.contains(&id.as_str()) {
        // An id `done` reads as the follow-up itself is no activity's.
        id = if id.is_empty() {
            "aktivitet".to_string()
        } else {
            format!("{id}-aktivitet")
        };
    }
    let base = id.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn add(list: &mut Vec<Owner>, who: Party, role: Option<String>) {
    if !list.iter().any(|o| o.who == who) {
        list.push(Owner { who, role });
    }
}

fn names(ps: &[Party]) -> String {
    ps.iter().map(Party::name).collect::<Vec<_>>().join(" och ")
}

/// Ends a text with a full stop when it has no closing punctuation.
pub fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{}.", s.trim_end_matches([',', ';', ':']))
    }
}

/// An activity from its published words. `section` is who the heading above it names.
pub fn activity(words: &str, section: Option<&[Party]>, taken: &[String]) -> ActivityDraft {
    let mut a = ActivityDraft::default();
    let (text, ansvar) = match owners::split_ansvarig(words) {
        Some((before, an)) if !before.is_empty() => (before, Some(an)),
        _ => (words.trim().to_string(), None),
    };
    let (kept, furniture): (Vec<String>, Vec<String>) = super::clean::sentences(&text)
        .into_iter()
        .partition(|s| !rules::is_furniture(s));
    for f in furniture {
        a.notes
            .push(Note::Reading(format!("dropped as page furniture: \"{f}\"")));
    }
    a.text = sentence(&kept.join(" "));
    let subject = owners::subject(&a.text).map(|(ps, _)| ps);
    if let Some(an) = &ansvar {
        a.notes.push(Note::Quote(an.words.clone()));
        for o in &an.owners {
            add(&mut a.owners, o.who.clone(), o.role.clone());
        }
        for o in &an.partners {
            add(&mut a.partners, o.who.clone(), o.role.clone());
        }
        if !an.rest.is_empty() {
            a.notes.push(Note::Text(an.rest.clone()));
        }
    }
    if a.owners.is_empty() {
        let from = section.map(<[Party]>::to_vec).or(subject.clone());
        for p in from.unwrap_or_default() {
            add(&mut a.owners, p, None);
        }
    }
    if a.owners.is_empty() {
        a.notes.push(Note::Reading(
            "the text names no owner; none is written".into(),
        ));
    }
    if let Some(ps) = &subject {
        let others: Vec<Party> = ps
            .iter()
            .filter(|p| !a.owners.iter().any(|o| &o.who == *p))
            .cloned()
            .collect();
        if !others.is_empty() {
            a.notes.push(Note::Reading(format!(
                "promised by {} with {} responsible: {} takes part",
                names(ps),
                names(&a.owners.iter().map(|o| o.who.clone()).collect::<Vec<_>>()),
                names(&others)
            )));
            for p in others {
                add(&mut a.partners, p, None);
            }
        }
    }
    for (p, w) in owners::together_with(&a.text) {
        if !a.owners.iter().any(|o| o.who == p) && !a.partners.iter().any(|o| o.who == p) {
            a.notes
                .push(Note::Reading(format!("\"{w}\": {} takes part", p.name())));
            add(&mut a.partners, p, None);
        }
    }
    if let Some(f) = rules::target(&a.text) {
        let (toml, reading) = target_toml(&f);
        a.target = toml;
        a.notes.push(Note::Reading(reading));
    }
    a.id = make_id(&a.text, taken);
    a
}

/// A sentence "X och Y kommer tillsammans att A, B och C" split into one activity per verb
/// ("… ha fler tillsyner …, utveckla samverkan … och utveckla informationsutbytet …").
/// None when the sentence is not such a promise; one part when it names one thing.
pub fn split_promise(s: &str) -> Option<(Vec<Party>, Vec<String>)> {
    let (ps, pred) = owners::subject(s)?;
    let words: Vec<&str> = pred.split(' ').collect();
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let verb = rules::ACTIVITY_VERBS.contains(&w.to_lowercase().as_str());
        let boundary = prev.ends_with(',') || prev == "och";
        if i > 0 && verb && boundary {
            let last = parts.last_mut().expect("parts has one");
            if last.last() == Some(&"och") {
                last.pop();
            }
            parts.push(Vec::new());
        }
        parts.last_mut().expect("parts has one").push(w);
    }
    let texts = parts
        .into_iter()
        .map(|p| {
            let t = p.join(" ");
            let mut c = t.trim().trim_end_matches(',').chars();
            let first = c.next().map(|f| f.to_uppercase().collect::<String>());
            sentence(&format!("{}{}", first.unwrap_or_default(), c.as_str()))
        })
        .collect();
    Some((ps, texts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_mapping_to_toml() {
        let f = rules::target("vid minst två tillfällen under året").unwrap();
        assert_eq!(
            target_toml(&f).0.as_deref(),
            Some("{ count = 2, per = \"year\" }")
        );
        let f = rules::target("ett antal insatser").unwrap();
        let (toml, reading) = target_toml(&f);
        assert_eq!(toml, None);
        assert!(reading.contains("ett antal"), "{reading}");
        let f = rules::target("en gång per termin").unwrap();
        assert!(target_toml(&f).1.contains("half-year"));
    }

    #[test]
    fn ids_are_short_and_unique() {
        let t = ["trygghetsvandringar".to_string()];
        assert_eq!(
            make_id(
                "Kommunen lovar att genomföra trygghetsvandringar i centrum.",
                &[]
            ),
            "trygghetsvandringar-centrum"
        );
        assert_eq!(make_id("Trygghetsvandringar.", &t), "trygghetsvandringar-2");
        assert_eq!(make_id("Att.", &[]), "aktivitet");
        assert_eq!(make_id("Uppföljning.", &[]), "uppfoljning-aktivitet");
    }

    #[test]
    fn a_promise_of_several_things_is_split() {
        let (ps, parts) = split_promise(
            "Polisen och Karlstads kommun kommer tillsammans att ha fler tillsyner på krogar och nattklubbar för att kontrollera berusningsnivån, utveckla samverkan i insatser mot ungdomar och utveckla informationsutbytet om oroshärdar i kommunen.",
        )
        .unwrap();
        assert_eq!(ps, [Party::Polisen, Party::Kommunen]);
        assert_eq!(
            parts,
            [
                "Ha fler tillsyner på krogar och nattklubbar för att kontrollera berusningsnivån.",
                "Utveckla samverkan i insatser mot ungdomar.",
                "Utveckla informationsutbytet om oroshärdar i kommunen."
            ]
        );
    }

    #[test]
    fn owners_partners_and_targets() {
        let a = activity(
            "Filipstads kommun och polisen lovar att genomföra trygghetsvandringar vid minst två tillfällen under året. Ansvarig: Kommunen",
            None,
            &[],
        );
        assert_eq!(a.owners[0].who, Party::Kommunen);
        assert_eq!(a.partners[0].who, Party::Polisen);
        assert_eq!(a.target.as_deref(), Some("{ count = 2, per = \"year\" }"));
        let a = activity(
            "Tillsammans med kommunen medverka i BRÅ.",
            Some(&[Party::Polisen]),
            &[],
        );
        assert_eq!(a.owners[0].who, Party::Polisen);
        assert_eq!(a.partners[0].who, Party::Kommunen);
        let a = activity(
            "Trygghetsvandring med olika aktörer/ ansvarig kommunen",
            None,
            &[],
        );
        assert_eq!(a.text, "Trygghetsvandring med olika aktörer.");
    }
}
