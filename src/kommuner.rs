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
    let exact = exact();
    let get = |map: &HashMap<&str, usize>, key: &str| map.get(key).map(|&i| &all()[i]);
    let q: String = query.trim().nfc().collect();
    if q.len() == 4 && q.bytes().all(|b| b.is_ascii_digit()) {
        return get(&exact.kod, &q);
    }
    // The name exactly as listed (how files write it), before every name is lower-cased and
    // folded (which a process that meets only names as listed never does).
    if let Some(k) = get(&exact.name, &q) {
        return Some(k);
    }
    let maps = maps();
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
/// many strings calls `find` only for the few that may name one. No allocation, and no
/// lookup for a string whose first or last letter no kommun's name has (a list of 100,000
/// `"Skola 123"` costs a few instructions a byte).
pub fn may_find_ascii(query: &str) -> bool {
    let q = query.trim();
    if q.len() == 4 && q.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let m = maps();
    // Most strings end here: no name starts or ends with their first or last letter. What
    // "region " before or " kommun", " stad" or a genitive s after a name would change is
    // left to the full test below.
    if let (Some(f), Some(l)) = (q.bytes().next(), q.bytes().next_back()) {
        let (f, l) = (f.to_ascii_lowercase(), l.to_ascii_lowercase());
        if !(m.first[usize::from(f)] || f == b'r')
            || !(m.last[usize::from(l)] || matches!(l, b'n' | b'd' | b's'))
        {
            return false;
        }
    }
    // The words joined by one space, in lower case; longer than any name can be found in.
    let mut buf = [0u8; ASCII_QUERY_MAX];
    let mut n = 0;
    for word in q.split_whitespace() {
        let sep = usize::from(n > 0);
        let Some(to) = buf.get_mut(n..n + sep + word.len()) else {
            return false;
        };
        to[..sep].fill(b' ');
        to[sep..].copy_from_slice(word.as_bytes());
        to[sep..].make_ascii_lowercase();
        n += sep + word.len();
    }
    let Ok(mut l) = std::str::from_utf8(&buf[..n]) else {
        return true;
    };
    for suffix in [" kommun", " stad"] {
        if let Some(stripped) = l.strip_suffix(suffix) {
            l = stripped.trim_end();
            break;
        }
    }
    if let Some(stripped) = l.strip_prefix("region ") {
        l = stripped.trim_start();
    }
    let base = l.strip_suffix('s');
    let (Some(&first), Some(&last)) = (l.as_bytes().first(), l.as_bytes().last()) else {
        return false;
    };
    let ends = |s: &str| s.as_bytes().last().is_some_and(|&b| m.last[usize::from(b)]);
    if !m.first[usize::from(first)] || !(m.last[usize::from(last)] || base.is_some_and(ends)) {
        return false;
    }
    // ASCII in lower case is its own fold.
    m.lower.contains_key(l)
        || m.folded.contains_key(l)
        || base.is_some_and(|base| m.folded.contains_key(base))
}

/// The longest query [`may_find_ascii`] looks up: longer than any name in lower case or
/// folded with "region " before it, a genitive s and " kommun" after it (a test shows it).
const ASCII_QUERY_MAX: usize = 64;

use std::collections::HashMap;

/// The exact lookups of [`find`]: each kommun by its code and its name as listed.
struct Exact {
    kod: HashMap<&'static str, usize>,
    name: HashMap<&'static str, usize>,
}

fn exact() -> &'static Exact {
    static EXACT: OnceLock<Exact> = OnceLock::new();
    EXACT.get_or_init(|| {
        let mut m = Exact {
            kod: HashMap::with_capacity(all().len()),
            name: HashMap::with_capacity(all().len()),
        };
        for (i, k) in all().iter().enumerate() {
            m.kod.entry(k.kod).or_insert(i);
            m.name.entry(k.name).or_insert(i);
        }
        m
    })
}

/// The kommun whose kommunkod is exactly `kod`.
pub fn by_kod(kod: &str) -> Option<&'static Kommun> {
    exact().kod.get(kod).map(|&i| &all()[i])
}

/// Each kommun's name folded for matching (see [`fold`]), in SCB order.
fn folded() -> &'static [String] {
    static FOLDED: OnceLock<Vec<String>> = OnceLock::new();
    FOLDED.get_or_init(|| all().iter().map(|k| fold(k.name)).collect())
}

/// The loose lookups of [`find`]: each kommun by its name in lower case and folded; where two
/// share a key (Håbo and Habo fold alike), the first in SCB order.
struct Maps {
    lower: HashMap<&'static str, usize>,
    folded: HashMap<&'static str, usize>,
    /// The first and the last bytes of the keys of `lower` and `folded`.
    first: [bool; 256],
    last: [bool; 256],
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    MAPS.get_or_init(|| {
        static LOWER: OnceLock<Vec<String>> = OnceLock::new();
        let lower = LOWER.get_or_init(|| all().iter().map(|k| k.name.to_lowercase()).collect());
        let folded = folded();
        let mut m = Maps {
            lower: HashMap::new(),
            folded: HashMap::new(),
            first: [false; 256],
            last: [false; 256],
        };
        for i in 0..all().len() {
            m.lower.entry(lower[i].as_str()).or_insert(i);
            m.folded.entry(folded[i].as_str()).or_insert(i);
            for key in [lower[i].as_bytes(), folded[i].as_bytes()] {
                if let (Some(&f), Some(&l)) = (key.first(), key.last()) {
                    m.first[usize::from(f)] = true;
                    m.last[usize::from(l)] = true;
                }
            }
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
        assert!(!may_find_ascii("Skola 123"));
        assert!(!may_find_ascii(&"Ale ".repeat(20)));
        // No query the lookups could find is cut by the buffer.
        let longest = all()
            .iter()
            .zip(folded())
            .map(|(k, f)| k.name.to_lowercase().len().max(f.len()))
            .max()
            .unwrap();
        assert!("region ".len() + longest + "s kommun".len() < ASCII_QUERY_MAX);
        assert!(may_find_ascii("ALES KOMMUN"));
    }
}
