//! The 290 Swedish kommuner, with SCB kommunkod, län and polisregion.
//!
//! The table is compiled into the binary from `data/kommuner.csv` (a copy of SCB's list), so
//! the program never reads it at run time.

use std::sync::OnceLock;

pub use crate::text::fold;

const CSV: &str = include_str!("../data/kommuner.csv");

/// One kommun of the SCB table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kommun {
    pub kod: &'static str,
    pub name: &'static str,
    pub lanskod: &'static str,
    pub lan: &'static str,
    pub polisregion: &'static str,
    /// `name` folded for matching (see [`fold`]).
    folded: String,
}

/// Every kommun, in SCB order (by kommunkod).
pub fn all() -> &'static [Kommun] {
    static TABLE: OnceLock<Vec<Kommun>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CSV.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let mut f = line.split(',');
                let mut next = || f.next().expect("data/kommuner.csv has five columns");
                let (kod, name, lanskod, lan, polisregion) =
                    (next(), next(), next(), next(), next());
                Kommun {
                    kod,
                    name,
                    lanskod,
                    lan,
                    polisregion,
                    folded: fold(name),
                }
            })
            .collect()
    })
}

/// Finds a kommun by name (any case, å/ä/ö typed as a/a/o, in any Unicode normal form; the
/// names kommuner use of themselves: "Filipstads kommun", "Malmö stad", "Stockholms stad",
/// "Region Gotland") or by its four-digit kommunkod.
pub fn find(query: &str) -> Option<&'static Kommun> {
    use unicode_normalization::UnicodeNormalization;
    let maps = maps();
    let get = |map: &HashMap<&str, usize>, key: &str| map.get(key).map(|&i| &all()[i]);
    let q: String = query.trim().nfc().collect();
    if q.len() == 4 && q.bytes().all(|b| b.is_ascii_digit()) {
        return get(&maps.kod, &q);
    }
    // The name exactly as listed (how files write it), before lower-casing every name.
    if let Some(k) = get(&maps.name, &q) {
        return Some(k);
    }
    let mut lower = q
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for suffix in [" kommun", " stad"] {
        if let Some(stripped) = lower.strip_suffix(suffix) {
            lower = stripped.trim_end().to_string();
            break;
        }
    }
    if let Some(stripped) = lower.strip_prefix("region ") {
        lower = stripped.trim_start().to_string();
    }
    let folded = fold(&lower);
    // The name as written first: "Håbo" and "Habo" are two kommuner that fold alike.
    get(&maps.lower, &lower)
        .or_else(|| get(&maps.folded, &folded))
        // "Filipstads kommun": the genitive s of the kommun's own name.
        .or_else(|| get(&maps.folded, folded.strip_suffix('s')?))
}

/// For an ASCII `query`: false only when [`find`] finds no kommun in it (its steps without
/// the allocations of Unicode case and normal forms, which ASCII does not need), so a scan of
/// many strings calls `find` only for the few that may name one.
pub fn may_find_ascii(query: &str) -> bool {
    let q = query.trim();
    if q.len() == 4 && q.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut lower = String::with_capacity(q.len());
    for word in q.split_whitespace() {
        if !lower.is_empty() {
            lower.push(' ');
        }
        lower.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    let mut l = lower.as_str();
    for suffix in [" kommun", " stad"] {
        if let Some(stripped) = l.strip_suffix(suffix) {
            l = stripped.trim_end();
            break;
        }
    }
    if let Some(stripped) = l.strip_prefix("region ") {
        l = stripped.trim_start();
    }
    // ASCII in lower case is its own fold.
    let m = maps();
    m.lower.contains_key(l)
        || m.folded.contains_key(l)
        || l.strip_suffix('s')
            .is_some_and(|base| m.folded.contains_key(base))
}

use std::collections::HashMap;

/// The lookups of [`find`]: each kommun by its code, its name, its name in lower case and
/// folded; where two share a key (Håbo and Habo fold alike), the first in SCB order.
struct Maps {
    kod: HashMap<&'static str, usize>,
    name: HashMap<&'static str, usize>,
    lower: HashMap<&'static str, usize>,
    folded: HashMap<&'static str, usize>,
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    MAPS.get_or_init(|| {
        static LOWER: OnceLock<Vec<String>> = OnceLock::new();
        let lower = LOWER.get_or_init(|| all().iter().map(|k| k.name.to_lowercase()).collect());
        let mut m = Maps {
            kod: HashMap::new(),
            name: HashMap::new(),
            lower: HashMap::new(),
            folded: HashMap::new(),
        };
        for (i, k) in all().iter().enumerate() {
            m.kod.entry(k.kod).or_insert(i);
            m.name.entry(k.name).or_insert(i);
            m.lower.entry(lower[i].as_str()).or_insert(i);
            m.folded.entry(k.folded.as_str()).or_insert(i);
        }
        m
    })
}

/// Kommun names closest to `query`, best first, for "did you mean" hints.
pub fn suggest(query: &str) -> Vec<&'static str> {
    let names: Vec<&'static str> = all().iter().map(|k| k.name).collect();
    crate::text::closest(query, &names, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_all_290_kommuner() {
        assert_eq!(all().len(), 290);
        let f = find("Filipstad").unwrap();
        assert_eq!(
            (f.kod, f.lan, f.polisregion),
            ("1782", "Värmlands län", "Bergslagen")
        );
    }

    #[test]
    fn find_is_forgiving() {
        assert_eq!(find("ostersund").unwrap().name, "Östersund");
        assert_eq!(find("MALMÖ").unwrap().name, "Malmö");
        assert_eq!(find("Filipstads kommun").unwrap().name, "Filipstad");
        assert_eq!(find("1782").unwrap().name, "Filipstad");
        assert_eq!(find("Upplands väsby").unwrap().kod, "0114");
        assert!(find("Filipstadt").is_none());
        // Two kommuner that fold alike: the exact spelling wins.
        assert_eq!(find("Habo").unwrap().kod, "0643");
        assert_eq!(find("Håbo").unwrap().kod, "0305");
        assert_eq!(find("HÅBO").unwrap().kod, "0305");
        assert!(find("9999").is_none());
    }

    #[test]
    fn the_names_kommuner_use_of_themselves() {
        assert_eq!(find("Malmö stad").unwrap().name, "Malmö");
        assert_eq!(find("Stockholms stad").unwrap().name, "Stockholm");
        assert_eq!(find("Göteborgs stad").unwrap().name, "Göteborg");
        assert_eq!(find("göteborgs  Stad").unwrap().name, "Göteborg");
        assert_eq!(find("Region Gotland").unwrap().name, "Gotland");
        assert_eq!(find("Forshaga kommun").unwrap().name, "Forshaga");
        assert_eq!(find("Borås stad").unwrap().name, "Borås");
        assert!(find("Region").is_none());
        assert!(find("stad").is_none());
    }

    #[test]
    fn any_unicode_normal_form_finds_the_name() {
        // "Malmö" with o + combining diaeresis (NFD), as some keyboards and file systems give it.
        let nfd = "Malmo\u{308}";
        assert_ne!(nfd, "Malmö");
        assert_eq!(find(nfd).unwrap().name, "Malmö");
        assert_eq!(find("Ha\u{30a}bo").unwrap().kod, "0305");
        assert_eq!(find("O\u{308}stersunds kommun").unwrap().name, "Östersund");
    }

    #[test]
    fn suggestions_name_the_closest() {
        assert_eq!(suggest("Filipstadt")[0], "Filipstad");
        assert_eq!(suggest("Karlstadt")[0], "Karlstad");
    }

    #[test]
    fn the_ascii_test_passes_every_ascii_spelling_find_reads() {
        let mut spellings = vec![
            "1440".to_string(),
            " 0114 ".into(),
            "x".into(),
            "Anna Andersson".into(),
            "trygghetsvandring".into(),
        ];
        for k in all() {
            let ascii: String = fold(k.name);
            for s in [
                k.name.to_string(),
                ascii.clone(),
                ascii.to_uppercase(),
                format!("Region {ascii}"),
                format!("  {ascii}s   KOMMUN "),
                format!("{ascii} stad"),
                format!("region\t{ascii}s\x0bkommun"),
                ascii.replace(' ', "  "),
                format!("{ascii}x"),
            ] {
                spellings.push(s);
            }
        }
        for s in spellings.iter().filter(|s| s.is_ascii()) {
            if find(s).is_some() {
                assert!(may_find_ascii(s), "{s:?}");
            }
        }
        assert!(!may_find_ascii("Anna Andersson"));
        assert!(may_find_ascii("ALES KOMMUN"));
    }
}
