//! Property tests of the library: for arbitrary notes, names and dates, `done` then parse finds
//! exactly the new entry, and `done` then `undo` restores the original bytes; loading never
//! panics on arbitrary text.

use chrono::{Duration, NaiveDate};
use pledge::load::load;
use pledge::record::{NewEntry, append, undo};
use proptest::prelude::*;

const BASES: [&str; 4] = [
    include_str!("../pledges/filipstad-2016.toml"),
    include_str!("../pledges/karlstad-2016-2017.toml"),
    include_str!("fixtures/odd.toml"),
    include_str!("../pledges/alvesta-2017-2018.toml"),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
}

/// A base file in one of its line-ending and trailing-newline variants.
fn base() -> impl Strategy<Value = String> {
    (0..BASES.len(), any::<bool>(), any::<bool>()).prop_map(|(i, crlf, trim)| {
        let mut t = BASES[i].to_string();
        if trim {
            t = t.trim_end().to_string();
        }
        if crlf {
            t = t.replace('\n', "\r\n");
        }
        t
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn done_then_parse_then_undo(
        text in base(),
        note in proptest::option::of(any::<String>()),
        by in proptest::option::of("[^\u{0}]{0,40}"),
        day in 0i64..300,
        count in 1u32..1000,
    ) {
        let before = load("t.toml", &text, today()).pledge.expect("base files are valid");
        let activity = before.activities[0].id.clone();
        let entry = NewEntry {
            date: before.period.start + Duration::days(day.min(before.period.days() - 1)),
            activity,
            count,
            by: by.filter(|b| !b.trim().is_empty()),
            note,
        };
        let after_text = append(&text, &entry);
        prop_assert!(after_text.starts_with(&text));
        let after = load("t.toml", &after_text, today());
        prop_assert!(!after.has_errors(), "{:?}", after.diags);
        let after = after.pledge.unwrap();
        prop_assert_eq!(after.log.len(), before.log.len() + 1);
        let new = after.log.iter().max_by_key(|e| e.span.start).unwrap();
        prop_assert_eq!(new.date, entry.date);
        prop_assert_eq!(&new.activity, &entry.activity);
        prop_assert_eq!(new.count, entry.count);
        prop_assert_eq!(&new.by, &entry.by);
        prop_assert_eq!(&new.note, &entry.note);
        let (undone, removed) = undo(&after_text, &after).unwrap();
        prop_assert_eq!(undone, text);
        prop_assert_eq!(removed.note, entry.note);
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = load("t.toml", &text, today());
    }

    #[test]
    fn loading_mutated_pledges_never_panics(
        i in 0..BASES.len(),
        cut in any::<prop::sample::Index>(),
        insert in "[\\[\\]{}=\"'#\\n a-z0-9.,-]{0,12}",
    ) {
        let base = BASES[i];
        let mut at = cut.index(base.len());
        while !base.is_char_boundary(at) {
            at -= 1;
        }
        let text = format!("{}{}{}", &base[..at], insert, &base[at..]);
        let _ = load("t.toml", &text, today());
    }
}
