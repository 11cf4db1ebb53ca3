//! What a commit lost: the log entries, measurements and verdicts of a pledge file that a
//! commit dropped without an `undo`. Pure: `pledge verify-merge` (src/cmd/verify_merge.rs)
//! reads the versions from git and hands them here.
//!
//! The rule. An entry leaves a file only by an undo: a commit with one parent that removes
//! it, where the entry's `by` is the commit's author (`pledge undo` removes your own entries;
//! names compared ignoring case and outer spaces), or where the commit changes nothing else
//! in the file (an undo of a named entry, committed on its own). A merge commit never
//! removes an entry: each copy a parent has must be in the merge, unless another parent
//! removed it since their merge base (that removal is its own commit, judged by the rule
//! above). Entries are compared by their text with line endings as `\n`; identical entries
//! (two walks by one person on one day) are counted.

use std::collections::HashMap;

use crate::edit::merge::EntryKey;

/// A file's head and entries ([`crate::edit::merge::entries`]).
pub type Entries = (String, Vec<(EntryKey, String)>);

/// Copies of one entry a commit dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    pub key: EntryKey,
    /// The entry's text, from its header, with `\n` line endings.
    pub text: String,
    /// How many copies are missing.
    pub copies: i64,
    /// How many copies the file must hold for none of them to be lost.
    pub required: i64,
}

/// Each entry text's count and key.
fn counts(e: Option<&Entries>) -> HashMap<&str, (i64, &EntryKey)> {
    let mut c = HashMap::new();
    for (key, text) in e.map_or(&[][..], |e| &e.1[..]) {
        c.entry(text.as_str()).or_insert((0, key)).0 += 1;
    }
    c
}

fn same_person(by: Option<&str>, author: &str) -> bool {
    by.is_some_and(|b| b.trim().to_lowercase() == author.trim().to_lowercase())
}

/// The entries a commit with one parent dropped from a file (`None`: the file is absent in
/// that version) that were not removed by an undo; `author` is the commit's author's name.
pub fn lost_in_commit(
    before: Option<&Entries>,
    after: Option<&Entries>,
    author: &str,
) -> Vec<Lost> {
    let (cb, ca) = (counts(before), counts(after));
    let added = ca
        .iter()
        .any(|(t, (n, _))| *n > cb.get(t).map_or(0, |c| c.0));
    // Only entries removed, the head as it was: an undo (of anyone's entry, named).
    let only_removed = !added && after.is_some() && before.map(|b| &b.0) == after.map(|a| &a.0);
    let mut out: Vec<Lost> = cb
        .iter()
        .filter_map(|(t, (n, key))| {
            let missing = n - ca.get(t).map_or(0, |c| c.0);
            let undone = only_removed || same_person(key.2.as_deref(), author);
            (missing > 0 && !undone).then(|| Lost {
                key: (*key).clone(),
                text: t.to_string(),
                copies: missing,
                required: *n,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.key, &a.text).cmp(&(&b.key, &b.text)));
    out
}

/// The entries a merge commit dropped from a file: each copy a parent has, unless another
/// parent removed it since the merge base. `None` is a version without the file.
pub fn lost_in_merge(
    base: Option<&Entries>,
    parents: &[Option<&Entries>],
    merged: Option<&Entries>,
) -> Vec<Lost> {
    let cb = counts(base);
    let cps: Vec<_> = parents.iter().map(|p| counts(*p)).collect();
    let cm = counts(merged);
    let get = |c: &HashMap<&str, (i64, &EntryKey)>, t: &str| c.get(t).map_or(0, |x| x.0);
    let mut texts: Vec<(&str, &EntryKey)> = cps
        .iter()
        .flat_map(|c| c.iter().map(|(t, (_, k))| (*t, *k)))
        .collect();
    texts.sort();
    texts.dedup();
    let mut out = Vec::new();
    for (t, key) in texts {
        let b = get(&cb, t);
        let most = cps.iter().map(|c| get(c, t)).max().unwrap_or(0);
        let removed = cps
            .iter()
            .map(|c| (b - get(c, t)).max(0))
            .max()
            .unwrap_or(0);
        let required = most - removed;
        let missing = required - get(&cm, t);
        if missing > 0 {
            out.push(Lost {
                key: key.clone(),
                text: t.to_string(),
                copies: missing,
                required,
            });
        }
    }
    out.sort_by(|a, b| (&a.key, &a.text).cmp(&(&b.key, &b.text)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::record::{NewEntry, append};

    const HEAD: &str = "title = \"t\"\nkommun = \"Filipstad\"\nperiod = { start = 2016-01-01, end = 2016-12-31 }\n\
        [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n";

    fn walk(date: &str, by: &str) -> NewEntry {
        NewEntry {
            by: Some(by.into()),
            ..NewEntry::new(date.parse().unwrap(), "a", 1)
        }
    }

    fn file(entries: &[NewEntry]) -> Entries {
        let text = entries.iter().fold(HEAD.to_string(), |t, e| append(&t, e));
        crate::edit::merge::entries(&text).unwrap()
    }

    fn dates(lost: &[Lost]) -> Vec<(String, i64)> {
        lost.iter()
            .map(|l| (l.key.0.to_string(), l.copies))
            .collect()
    }

    #[test]
    fn an_undo_is_an_authors_removal_or_a_commit_that_only_removes() {
        let (anna, bo) = (walk("2016-02-01", "Anna"), walk("2016-03-01", "Bo"));
        let before = file(&[anna.clone(), bo.clone()]);
        // Anna's own entry, removed by Anna (in any case and spacing), even with new work.
        let after = file(&[bo.clone(), walk("2016-04-01", "Anna")]);
        assert_eq!(lost_in_commit(Some(&before), Some(&after), " anna "), []);
        // Bo's entry, removed alone by Anna: a named undo.
        let after = file(std::slice::from_ref(&anna));
        assert_eq!(lost_in_commit(Some(&before), Some(&after), "Anna"), []);
        // Bo's entry dropped by Anna's commit that adds her own: lost (a conflict resolved
        // by taking one side, in a rebase).
        let after = file(&[anna.clone(), walk("2016-04-01", "Anna")]);
        assert_eq!(
            dates(&lost_in_commit(Some(&before), Some(&after), "Anna")),
            [("2016-03-01".into(), 1)]
        );
        // The file deleted: every entry not the author's is lost.
        assert_eq!(
            dates(&lost_in_commit(Some(&before), None, "Anna")),
            [("2016-03-01".into(), 1)]
        );
        // The head changed in the same commit: not an undo of someone else's entry.
        let mut after = file(std::slice::from_ref(&anna));
        after.0 = after.0.replace("title = \"t\"", "title = \"u\"");
        assert_eq!(
            dates(&lost_in_commit(Some(&before), Some(&after), "Anna")).len(),
            1
        );
    }

    #[test]
    fn a_merge_keeps_every_parents_entries_unless_the_other_side_removed_them() {
        let (e, f, g) = (
            walk("2016-02-01", "Anna"),
            walk("2016-03-01", "Bo"),
            walk("2016-04-01", "Cay"),
        );
        let base = file(std::slice::from_ref(&e));
        let ours = file(&[e.clone(), f.clone()]);
        let theirs = file(&[e.clone(), g.clone()]);
        let good = file(&[e.clone(), f.clone(), g.clone()]);
        assert_eq!(
            lost_in_merge(Some(&base), &[Some(&ours), Some(&theirs)], Some(&good)),
            []
        );
        // A conflict resolved by taking ours: theirs' entry is lost.
        assert_eq!(
            dates(&lost_in_merge(
                Some(&base),
                &[Some(&ours), Some(&theirs)],
                Some(&ours)
            )),
            [("2016-04-01".into(), 1)]
        );
        // Theirs undid the base's entry: the merge may lack it.
        let undone = file(std::slice::from_ref(&g));
        let merged = file(&[f.clone(), g.clone()]);
        assert_eq!(
            lost_in_merge(Some(&base), &[Some(&ours), Some(&undone)], Some(&merged)),
            []
        );
        // The file is new on both sides (no base) and the merge lost one side's entry.
        assert_eq!(
            dates(&lost_in_merge(
                None,
                &[Some(&ours), Some(&theirs)],
                Some(&theirs)
            )),
            [("2016-03-01".into(), 1)]
        );
    }

    #[test]
    fn identical_entries_are_counted() {
        let e = walk("2016-02-01", "Anna");
        let base = file(std::slice::from_ref(&e));
        let two = file(&[e.clone(), e.clone()]);
        // Both sides added the same walk: once is what the driver keeps (the same change).
        assert_eq!(
            lost_in_merge(Some(&base), &[Some(&two), Some(&two)], Some(&two)),
            []
        );
        // One side recorded a second identical walk, the merge has one.
        assert_eq!(
            dates(&lost_in_merge(
                Some(&base),
                &[Some(&two), Some(&base)],
                Some(&base)
            )),
            [("2016-02-01".into(), 1)]
        );
        // One of three copies removed by a commit of someone else that also adds: lost.
        let three = file(&[e.clone(), e.clone(), e.clone()]);
        let after = file(&[e.clone(), e.clone(), walk("2016-05-01", "Bo")]);
        assert_eq!(
            lost_in_commit(Some(&three), Some(&after), "Bo"),
            [Lost {
                key: (
                    "2016-02-01".parse().unwrap(),
                    "a".into(),
                    Some("Anna".into())
                ),
                text: "[[log]]\ndate = 2016-02-01\nactivity = \"a\"\nby = \"Anna\"".into(),
                copies: 1,
                required: 3,
            }]
        );
    }

    #[test]
    fn line_endings_do_not_make_entries_differ() {
        let e = walk("2016-02-01", "Anna");
        let lf = append(HEAD, &e);
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (
            crate::edit::merge::entries(&lf).unwrap(),
            crate::edit::merge::entries(&crlf).unwrap(),
        );
        assert_eq!(lost_in_commit(Some(&a), Some(&b), "Bo"), []);
    }
}
