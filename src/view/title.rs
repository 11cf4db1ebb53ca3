//! Activity titles: the file's `title` where it gives one, else one derived from the text
//! ("Polisen lovar att arbeta med ordnings- och trygghetsfrågor i …" gives "Arbeta med
//! ordnings- och trygghetsfrågor i Filipstads centrum…"). Pure.

use crate::model::Activity;

/// The longest derived title, in characters (before the ellipsis).
pub const MAX_TITLE: usize = 60;

/// Words a derived title does not end on.
const DANGLING: &[&str] = &[
    "och", "i", "med", "att", "för", "på", "av", "till", "samt", "om", "mot", "vid", "den", "det",
    "de", "under", "genom", "inom", "kring", "ska", "som", "en", "ett", "and", "of", "to", "in",
    "with", "for", "the", "a", "an", "by",
];

/// The title of an activity for headings: its own, else derived from its text.
pub fn activity_title(a: &Activity) -> String {
    match a.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => crate::text::safe(t, false),
        _ => derive_title(&a.text),
    }
}

/// A readable title from an activity's text: the promise after "… lovar att" ("promise
/// to"), its first clause, capitalised, cut at a word boundary with "…" when longer than
/// [`MAX_TITLE`] characters. Empty text gives an empty title.
pub fn derive_title(text: &str) -> String {
    let flat = crate::text::safe(text, false);
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = flat.as_str();
    for lead in ["lovar att ", "promises to ", "promise to "] {
        if let Some(i) = rest.to_lowercase().find(lead)
            && i < 60
        {
            // `to_lowercase` can change byte lengths only outside ASCII; find the same place
            // in the original by counting characters.
            let chars = rest.to_lowercase()[..i + lead.len()].chars().count();
            let at = rest
                .char_indices()
                .nth(chars)
                .map_or(rest.len(), |(b, _)| b);
            rest = &rest[at..];
            break;
        }
    }
    for lead in ["Att ", "att ", "To ", "to "] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
            break;
        }
    }
    let clause_end = [". ", ", ", "; ", ": ", " – ", "("]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let clause = rest[..clause_end].trim_end_matches(['.', ',', ';', ':', ' ', '-']);
    let mut title = if clause.chars().count() <= MAX_TITLE {
        clause.to_string()
    } else {
        let mut words: Vec<&str> = Vec::new();
        let mut len = 0;
        for w in clause.split(' ') {
            let add = w.chars().count() + usize::from(!words.is_empty());
            if len + add > MAX_TITLE {
                break;
            }
            len += add;
            words.push(w);
        }
        while words.len() > 1 && words.last().is_some_and(|w| DANGLING.contains(w)) {
            words.pop();
        }
        if words.is_empty() {
            // One word longer than the limit: cut it rather than show nothing.
            words.push(clause);
        }
        format!("{}…", words.join(" "))
    };
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_derived_from_the_promise() {
        let cases = [
            (
                "Polisen lovar att arbeta med ordnings- och trygghetsfrågor i Filipstads centrum \
                 genom polisiär närvaro och synlighet samt regelbundna besök i butiker.",
                "Arbeta med ordnings- och trygghetsfrågor i Filipstads…",
            ),
            (
                "Samverkansmöten en gång i veckan med kommunens samverkanspartners.",
                "Samverkansmöten en gång i veckan med kommunens…",
            ),
            (
                "Att polisvolontärernas arbete ska utökas i Alvesta kommun.",
                "Polisvolontärernas arbete ska utökas i Alvesta kommun",
            ),
            ("ANDT-förebyggande arbete.", "ANDT-förebyggande arbete"),
            (
                "Polisen lovar att använda polisvolontärer i trygghetsskapande syfte under bland \
                 annat nationaldagsfirandet, Filibjur och Oxhälja.",
                "Använda polisvolontärer i trygghetsskapande syfte…",
            ),
            (
                "Insatser mot ANDT(Alkohol, Narkotika, Doping och Tobak)-relaterad brottslighet.",
                "Insatser mot ANDT",
            ),
            ("The police promise to walk.\nTwice.", "Walk"),
            ("", ""),
            (
                &"å".repeat(70),
                &format!("{}…", "Å".to_string() + &"å".repeat(69)),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(derive_title(text), want, "{text}");
        }
    }

    #[test]
    fn a_written_title_wins() {
        let text = "title = \"T\"\nkommun = \"Filipstad\"\n[period]\nstart = 2016-01-01\n\
                    end = 2016-12-31\n[problem]\ntext = \"P\"\n[[activity]]\nid = \"a\"\n\
                    text = \"Polisen lovar att gå.\"\nowners = [\"polisen\"]\n";
        let p = crate::load::load("t.toml", text, "2030-01-01".parse().unwrap())
            .pledge
            .unwrap();
        let mut a = p.activities[0].clone();
        assert_eq!(activity_title(&a), "Gå");
        a.title = Some("Samverkansmöten".into());
        assert_eq!(activity_title(&a), "Samverkansmöten");
        a.title = Some("  ".into());
        assert_eq!(activity_title(&a), "Gå");
    }
}
