//! Activity ids: short, from the text's first telling words, unique within the draft.

use super::ID_SKIP;
use crate::import::owners;

/// The ids given so far, and for each base the next number to try: a new id costs the same
/// however many activities came before (4,000 identical list items stay linear).
#[derive(Debug, Default)]
pub struct Ids {
    taken: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, u32>,
}

impl Ids {
    /// Takes `base`, or `base-2`, `base-3`, … : the first not taken.
    pub fn take(&mut self, base: String) -> String {
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.taken.insert(id.clone());
        id
    }

    /// How many candidate ids were tried in all: at most twice the number given (a
    /// measure of the work, for the linearity test).
    #[cfg(test)]
    pub fn tried(&self) -> usize {
        self.next.values().map(|n| *n as usize - 2).sum::<usize>() + self.taken.len()
    }
}

/// A short id from the text's first telling words ("trygghetsvandringar-centrum").
pub fn make_id(text: &str, taken: &mut Ids) -> String {
    let body = owners::subject(text).map_or(text.to_string(), |(_, pred)| pred);
    let words: Vec<String> = body
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        // Not a year or a number ("Under 2018 och 2019 genomföra …"): a word.
        .filter(|w| {
            w.chars().count() > 2
                && !ID_SKIP.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
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
    taken.take(id)
}
