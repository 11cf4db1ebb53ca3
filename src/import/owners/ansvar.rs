//! "Ansvarig" clauses: the owners an item names after the word ("Ansvarig: Polisen",
//! "/ ansvarig polisen", "Ansvarig för R1: Polisen, ansvarig för R2: Kommunen").

use std::sync::OnceLock;

use regex::Regex;

use super::party;
use crate::model::{Owner, Party};

pub(super) fn owner(who: Party, role: Option<&str>) -> Owner {
    Owner {
        who,
        role: role.map(str::to_string),
    }
}

/// The owners an "Ansvarig" clause names, and what follows it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Ansvar {
    pub owners: Vec<Owner>,
    pub partners: Vec<Owner>,
    /// Text after the owners that is a new sentence ("Ansvarig: Kommunen Resultatet …").
    pub rest: String,
    /// The clause as written.
    pub words: String,
}

/// A list of owners after "Ansvarig:", leniently: a party not recognised is kept as a named
/// party, and a capitalised word right after a recognised party starts the rest.
fn owner_list(s: &str, role: Option<&str>, a: &mut Ansvar) {
    let s = s.trim();
    let (main, partners) = match regex!(r"(?i)\s+i samverkan med\s+").find(s) {
        Some(m) => (&s[..m.start()], Some(&s[m.end()..])),
        None => (s, None),
    };
    let tokens: Vec<&str> = main.split_whitespace().collect();
    let mut cur: Vec<&str> = Vec::new();
    let mut i = 0;
    let push = |cur: &mut Vec<&str>, a: &mut Ansvar| {
        let item = cur.join(" ");
        let item = item.trim_end_matches([',', '.']);
        if !item.is_empty() {
            // "Ansvarig: kommunen/polisen": both, never one party named with the slash.
            let ps = party(item)
                .filter(|_| !item.contains('/'))
                .or_else(|| super::parties(item))
                .unwrap_or_else(|| vec![Party::parse(item)]);
            // "Ansvarig: kommunen och p" (a text cut off): a letter or two is no name.
            let ps = ps.into_iter().filter(|p| !clipped(p));
            for p in ps {
                if !a.owners.iter().any(|o| o.who == p) {
                    a.owners.push(owner(p, role));
                }
            }
        }
        cur.clear();
    };
    while i < tokens.len() {
        let t = tokens[i];
        cur.push(t);
        i += 1;
        let next = tokens.get(i).copied().unwrap_or("");
        if t.ends_with(',') || matches!(next, "och" | "samt" | "&") {
            push(&mut cur, a);
            if matches!(next, "och" | "samt" | "&") {
                i += 1;
            }
        } else if !next.is_empty()
            && next.chars().next().is_some_and(char::is_uppercase)
            && party(&cur.join(" ")).is_some()
        {
            push(&mut cur, a);
            a.rest = tokens[i..].join(" ");
            break;
        }
    }
    push(&mut cur, a);
    if let Some(p) = partners {
        for item in regex!(r",\s*|\s+(?:och|samt)\s+").split(p.trim_end_matches('.')) {
            let ps = party(item).unwrap_or_else(|| vec![Party::parse(item)]);
            for who in ps {
                a.partners.push(owner(who, Some("i samverkan")));
            }
        }
    }
}

/// A name of one or two letters, not in capitals ("p" where "polisen" was cut off): no
/// party. "SL" is one.
fn clipped(p: &Party) -> bool {
    matches!(p, Party::Other(n) if n.chars().count() <= 2 && !n.chars().all(char::is_uppercase))
}

/// Splits an "Ansvarig" clause off a text: the text before it, and the owners it names.
/// Forms: "… Ansvarig: Polisen", "… / ansvarig polisen", "… Ansvarig för R1: Polisen,
/// ansvarig för R2: Kommunen", "… Ansvarig: Polisen i samverkan med kommunen".
pub fn split_ansvarig(text: &str) -> Option<(String, Ansvar)> {
    // "An-svarig": a PDF's hyphenation left inside the word is read through, not rewritten.
    let slash = regex!(r"(?i)\s*/\s*an-?svar(?:ig|iga)?\s*:?\s+(\S.*?)\)?$");
    if let Some(c) = slash.captures(text) {
        let mut a = Ansvar {
            words: c[0].trim().trim_start_matches('/').trim().to_string(),
            ..Ansvar::default()
        };
        owner_list(&c[1], None, &mut a);
        return Some((text[..c.get(0)?.start()].trim().to_string(), a));
    }
    let colon = regex!(r"(?:^|[\s.(])((?:Huvud)?[Aa]n-?svar(?:ig|iga)?(?: för [^:]{1,80})?:)");
    let start = colon.captures(text)?.get(1)?.start();
    let tail = text[start..].trim_end().trim_end_matches(')');
    let mut a = Ansvar {
        words: tail.trim().to_string(),
        ..Ansvar::default()
    };
    let clause =
        regex!(r"(?i)^(?:huvud)?an-?svar(?:ig|iga)?(?: för (?P<role>[^:]+))?:\s*(?P<who>.*)$");
    for part in regex!(r",\s*(?i:an-?svarig)").split(tail) {
        let lower = part.to_lowercase();
        let part = if lower.starts_with("ansvar")
            || lower.starts_with("an-svar")
            || lower.starts_with("huvudansvar")
        {
            part.to_string()
        } else {
            format!("ansvarig{part}")
        };
        let Some(c) = clause.captures(&part) else {
            continue;
        };
        let role = c.name("role").map(|r| r.as_str().trim());
        owner_list(&c["who"], role, &mut a);
        if !a.rest.is_empty() {
            break;
        }
    }
    let before = text[..start]
        .trim()
        .trim_end_matches('(')
        .trim()
        .to_string();
    Some((before, a))
}
