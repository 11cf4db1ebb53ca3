//! Forgiving matching of what people type: an activity by id, unique id prefix or a unique
//! word of its text, with å/ä/ö typed as a/a/o.

use crate::model::{Activity, FOLLOWUP_ID, Pledge};
use crate::text::fold;

/// What an activity argument names: one of the löfte's activities, or its follow-up (not
/// to be confused with [`crate::model::Target`], what an activity promises).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityOrFollowup<'a> {
    Activity(&'a Activity),
    /// The follow-up itself.
    Followup,
}

impl ActivityOrFollowup<'_> {
    pub fn id(&self) -> &str {
        match self {
            ActivityOrFollowup::Activity(a) => &a.id,
            ActivityOrFollowup::Followup => FOLLOWUP_ID,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchError<'a> {
    Unknown,
    Ambiguous(Vec<&'a Activity>),
}

const FOLLOWUP_WORDS: [&str; 3] = [FOLLOWUP_ID, "uppfoljning", "follow-up"];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 3)
        .map(fold)
}

/// Whether an activity argument names the follow-up itself (`followup`, `uppföljning`).
/// The indicator an argument names in a löfte: its id, or a unique prefix of one.
pub fn indicator<'p>(p: &'p Pledge, q: &str) -> Option<&'p crate::model::outcome::Indicator> {
    let q = crate::kommuner::fold(q);
    p.indicators.iter().find(|i| i.id == q).or_else(|| {
        let mut by_prefix = p.indicators.iter().filter(|i| i.id.starts_with(&q));
        let first = by_prefix.next()?;
        by_prefix.next().is_none().then_some(first)
    })
}

pub fn is_followup(query: &str) -> bool {
    FOLLOWUP_WORDS.contains(&fold(query).as_str())
}

/// Finds the activity `query` names in `p`: an exact id, then a unique id prefix, then a
/// unique word of the text (a word that starts with the query: "trygghetsvandring" finds
/// "trygghetsvandringar").
pub fn activity<'a>(p: &'a Pledge, query: &str) -> Result<ActivityOrFollowup<'a>, MatchError<'a>> {
    let q = fold(query);
    if q.is_empty() {
        return Err(MatchError::Unknown);
    }
    if FOLLOWUP_WORDS.contains(&q.as_str()) {
        return Ok(ActivityOrFollowup::Followup);
    }
    if let Some(a) = p.activities.iter().find(|a| a.id == q) {
        return Ok(ActivityOrFollowup::Activity(a));
    }
    let by_prefix: Vec<&Activity> = p
        .activities
        .iter()
        .filter(|a| a.id.starts_with(&q))
        .collect();
    match by_prefix.len() {
        1 => return Ok(ActivityOrFollowup::Activity(by_prefix[0])),
        n if n > 1 => return Err(MatchError::Ambiguous(by_prefix)),
        _ => {}
    }
    if q.chars().count() >= 3 {
        let by_word: Vec<&Activity> = p
            .activities
            .iter()
            .filter(|a| words(&a.text).any(|w| w.starts_with(&q)))
            .collect();
        match by_word.len() {
            1 => return Ok(ActivityOrFollowup::Activity(by_word[0])),
            n if n > 1 => return Err(MatchError::Ambiguous(by_word)),
            _ => {}
        }
        if FOLLOWUP_WORDS.iter().any(|w| w.starts_with(&q)) {
            return Ok(ActivityOrFollowup::Followup);
        }
    }
    // Last, a unique part of an id ("vandring" for "trygghetsvandring").
    if q.chars().count() >= 4 {
        let by_part: Vec<&Activity> = p.activities.iter().filter(|a| a.id.contains(&q)).collect();
        match by_part.len() {
            1 => return Ok(ActivityOrFollowup::Activity(by_part[0])),
            n if n > 1 => return Err(MatchError::Ambiguous(by_part)),
            _ => {}
        }
    }
    Err(MatchError::Unknown)
}

/// Why a name (a unit, a part) was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError<'a> {
    /// Nothing matches; the hint names the closest, when any is close.
    Unknown(Option<String>),
    Ambiguous(Vec<&'a str>),
}

/// Finds the one of `names` that `query` names: the name itself (any case, å/ä/ö as a/a/o,
/// any Unicode normal form), else a unique prefix of one, else a unique prefix of one of its
/// words ("södra" for "Södra skolan", "norr" for "Norrskolan").
pub fn name<'a>(query: &str, names: &[&'a str]) -> Result<&'a str, NameError<'a>> {
    let q = fold(query);
    if q.is_empty() {
        return Err(NameError::Unknown(None));
    }
    if let Some(n) = names.iter().find(|n| fold(n) == q) {
        return Ok(n);
    }
    let unique = |found: Vec<&'a str>| match found.as_slice() {
        [one] => Some(Ok(*one)),
        [] => None,
        _ => Some(Err(NameError::Ambiguous(found))),
    };
    let by_prefix: Vec<&'a str> = names
        .iter()
        .copied()
        .filter(|n| fold(n).starts_with(&q))
        .collect();
    if let Some(r) = unique(by_prefix) {
        return r;
    }
    let by_word: Vec<&'a str> = names
        .iter()
        .copied()
        .filter(|n| fold(n).split_whitespace().any(|w| w.starts_with(&q)))
        .collect();
    if let Some(r) = unique(by_word) {
        return r;
    }
    Err(NameError::Unknown(crate::text::did_you_mean(query, names)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

    fn pledge() -> Pledge {
        let src = "title = \"t\"\nkommun = \"Filipstad\"\nperiod = { start = 2016-01-01, end = 2016-12-31 }\n\
            [[activity]]\nid = \"narvaro\"\ntext = \"Polisiär närvaro i centrum\"\nowners = [\"polisen\"]\n\
            [[activity]]\nid = \"trygghetsvandring\"\ntext = \"Genomföra trygghetsvandringar i centrum\"\nowners = [\"kommunen\"]\n\
            [[activity]]\nid = \"trafik\"\ntext = \"Se över trafiksituationen\"\nowners = [\"kommunen\"]\n\
            [followup]\nwhen = \"2017-Q1\"\n";
        load("t.toml", src, "2020-01-01".parse().unwrap())
            .pledge
            .unwrap()
    }

    fn id(q: &str) -> String {
        let p = pledge();
        match activity(&p, q) {
            Ok(t) => t.id().to_string(),
            Err(MatchError::Unknown) => "unknown".into(),
            Err(MatchError::Ambiguous(a)) => format!("ambiguous {}", a.len()),
        }
    }

    #[test]
    fn matches_ids_prefixes_and_words() {
        assert_eq!(id("trygghetsvandring"), "trygghetsvandring");
        assert_eq!(id("TRYGG"), "trygghetsvandring");
        assert_eq!(id("trygghetsvandringar"), "trygghetsvandring");
        assert_eq!(id("närvaro"), "narvaro");
        assert_eq!(id("polisiar"), "narvaro");
        assert_eq!(id("t"), "ambiguous 2");
        assert_eq!(id("centrum"), "ambiguous 2");
        assert_eq!(id("uppföljning"), "followup");
        assert_eq!(id("followup"), "followup");
        assert_eq!(id("vandring"), "trygghetsvandring");
        assert_eq!(id("../../etc/passwd"), "unknown");
        assert_eq!(id(""), "unknown");
    }

    #[test]
    fn names_match_forgivingly() {
        let units = ["Norrskolan", "Södra skolan", "Nordic"];
        assert_eq!(name("södra skolan", &units), Ok("Södra skolan"));
        assert_eq!(name("SODRA", &units), Ok("Södra skolan"));
        assert_eq!(name("So\u{308}dra", &units), Ok("Södra skolan"));
        assert_eq!(name("skolan", &units), Ok("Södra skolan"));
        assert_eq!(name("norrs", &units), Ok("Norrskolan"));
        assert_eq!(
            name("nor", &units),
            Err(NameError::Ambiguous(vec!["Norrskolan", "Nordic"]))
        );
        assert_eq!(
            name("Norrskolon", &units),
            Err(NameError::Unknown(Some(
                "did you mean `Norrskolan`?".into()
            )))
        );
        assert_eq!(name("", &units), Err(NameError::Unknown(None)));
    }
}
