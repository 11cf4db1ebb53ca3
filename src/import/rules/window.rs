//! A count whose window is said apart from its number: "Under året genomför polisen minst
//! 40 kontroller", "minst fyra insatser på utvalda platser ska genomföras under året", or a
//! lead "Vi kommer under året att göra följande:" over "Minst tio insatser …". The window
//! words must stand in the same sentence as the count, or in the lead of its list.

use std::sync::OnceLock;

use regex::Regex;

use super::{Found, Kind, unit};
use crate::model::Per;

/// The window a sentence states without a number: "under året", "varje termin", "per år",
/// "årligen". Not a named one ("varje vecka 12"), and not "under veckan" (weekdays).
pub fn window_phrase(s: &str) -> Option<(Per, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:under (?:året|läsåret|kalenderåret|halvåret|terminen|skolterminen)|(?:per|varje|om|en gång (?:per|i|om)) (?:året|år|läsåret|läsår|kalenderår|terminen|termin|skolterminen|skoltermin|halvåret|halvår|kvartalet|kvartal|månaden|månad|veckan|vecka)|årligen)\b",
        )
        .expect("the importer's patterns compile")
    });
    for m in re.find_iter(s) {
        let after = s[m.end()..].trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let w = m.as_str();
        let last = w.rsplit(' ').next().unwrap_or(w);
        let per = if last.eq_ignore_ascii_case("årligen") {
            Per::Year
        } else {
            unit(last)?
        };
        return Some((per, w.to_string()));
    }
    None
}

/// A count with no window read with the window said apart from it: `words` names it (the
/// window's words, for the reading).
pub fn with_window(f: &mut Found, per: Per, words: &str) {
    if f.kind == Kind::CountNoWindow && per != Per::Period {
        f.kind = Kind::Count(per);
        f.unit = Some(words.to_string());
    }
}

/// A count with no window whose own sentence (one of `sentences`, the activity's text cut
/// into sentences) states the window apart from the number.
pub fn windowed(mut f: Found, sentences: &[String]) -> Found {
    if f.kind != Kind::CountNoWindow {
        return f;
    }
    let own = sentences.iter().find(|s| s.contains(f.words.as_str()));
    if let Some((per, w)) = own.and_then(|s| window_phrase(s)) {
        with_window(&mut f, per, &w);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::super::target;
    use super::*;

    /// The target of an activity written as these sentences.
    fn t(sentences: &[&str]) -> Option<(Kind, u32)> {
        let own: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
        target(&own.join(" "))
            .map(|f| windowed(f, &own))
            .map(|f| (f.kind, f.count))
    }

    #[test]
    fn a_window_said_before_the_count_in_its_sentence() {
        assert_eq!(
            t(&["Polisen åtar sig att under året hålla minst 30 kontroller av hastighet."]),
            Some((Kind::Count(Per::Year), 30))
        );
        assert_eq!(
            t(&["Minst tre insatser på utvalda gator och tider ska också göras under året."]),
            Some((Kind::Count(Per::Year), 3))
        );
        assert_eq!(
            t(&["minst två riktade insatser genomförs varje termin mot langning"]),
            Some((Kind::Count(Per::HalfYear), 2))
        );
    }

    #[test]
    fn a_window_in_another_sentence_or_a_named_week_is_not_the_counts() {
        assert_eq!(
            t(&[
                "Minst 12 kontroller av fordon.",
                "Resultatet redovisas under året."
            ]),
            Some((Kind::CountNoWindow, 12))
        );
        assert_eq!(window_phrase("en insats varje vecka 32"), None);
        assert_eq!(window_phrase("under veckan"), None);
        assert_eq!(
            window_phrase("Vi ska under året göra detta:"),
            Some((Per::Year, "under året".into()))
        );
        assert_eq!(
            window_phrase("det görs årligen"),
            Some((Per::Year, "årligen".into()))
        );
    }
}
