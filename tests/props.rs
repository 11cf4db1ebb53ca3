//! Property tests of the library: for arbitrary notes, names and dates, `done` then parse finds
//! exactly the new entry, and `done` then `undo` restores the original bytes; loading never
//! panics on arbitrary text.

use chrono::{Duration, NaiveDate};
use pledge::edit::record::{NewEntry, append, undo};
use pledge::load::load;
use pledge::load::problems::blank;
use proptest::prelude::*;

const BASES: [&str; 4] = [
    include_str!("../pledges/filipstad-2016.toml"),
    include_str!("../pledges/karlstad-2016-2017.toml"),
    include_str!("fixtures/odd.toml"),
    include_str!("../pledges/alvesta-2017-2018.toml"),
];

/// The number of cases: a few in a plain `cargo test`, so it stays quick; `PROPTEST_CASES`
/// for the long run (CI sets it, see .ci/run).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

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
    #![proptest_config(ProptestConfig::with_cases(cases()))]

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
        let date = before.period.start + Duration::days(day.min(before.period.days() - 1));
        let entry = NewEntry {
            // `done` refuses a `--by` a reader cannot see (spaces, invisible characters), as the
            // loader refuses such a value
            by: by.filter(|b| !pledge::load::problems::blank(b)),
            note,
            ..NewEntry::new(date, &activity, count)
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

/// A TOML string literal for `s` in one of the styles people write: basic, literal (when
/// possible), or multi-line basic.
fn quoted(s: &str, style: u8) -> String {
    match style % 3 {
        1 if !s.contains(['\'', '\n', '\r']) && !s.chars().any(char::is_control) => {
            format!("'{s}'")
        }
        2 => {
            let basic = pledge::text::toml_string(s);
            format!("\"\"\"\n{}\"\"\"", &basic[1..basic.len() - 1])
        }
        _ => pledge::text::toml_string(s),
    }
}

/// Arbitrary valid pledge files: any text in strings and comments, odd spacing, CRLF or LF,
/// hand-written log entries, with or without a final newline.
fn pledge_file() -> impl Strategy<Value = String> {
    (
        "[a-zåäö0-9][^\u{0}]{0,30}", // title
        0usize..290,                 // kommun
        prop::collection::vec(
            ("[a-z][a-z0-9-]{0,10}", "[A-ZÅÄÖ][^\u{0}]{0,40}", 0u8..3),
            1..6,
        ), // activities
        prop::collection::vec("[^\\p{Cc}]{0,30}", 0..5), // comments
        any::<u8>(),                 // styles
        prop::collection::vec(
            (0usize..6, 0i64..360, proptest::option::of("[^\u{0}]{0,20}")),
            0..4,
        ), // log
        any::<bool>(),               // crlf
        any::<bool>(),               // final newline
        " {0,3}",                    // spacing
    )
        .prop_map(
            |(title, k, acts, comments, style, log, crlf, final_nl, sp)| {
                let kommun = pledge::kommuner::all()[k].name;
                let mut ids: Vec<String> = Vec::new();
                let mut s = String::new();
                let mut c = comments.iter();
                let mut comment = |s: &mut String| {
                    if let Some(t) = c.next() {
                        s.push_str(&format!("#{t}\n"));
                    }
                };
                comment(&mut s);
                s.push_str(&format!(
                    "title{sp}={sp}{}\nkommun = {}\n",
                    quoted(&title, style),
                    quoted(kommun, style >> 2)
                ));
                comment(&mut s);
                s.push_str("[period]\nstart = 2016-01-01\nend = 2016-12-31\n\n");
                for (i, (id, text, target)) in acts.iter().enumerate() {
                    let id = format!("{id}-{i}");
                    s.push_str(&format!(
                        "[[activity]]\nid = \"{id}\"\ntext = {}\nowners = [\"polisen\"]\n",
                        quoted(text, style >> i)
                    ));
                    match target {
                        1 => s.push_str("target = \"once\"\n"),
                        2 => s.push_str("target = { count = 2, per = \"quarter\" }\n"),
                        _ => {}
                    }
                    comment(&mut s);
                    ids.push(id);
                }
                s.push_str("[followup]\nwhen = \"yearly\"\n");
                for (a, day, note) in log {
                    s.push_str(&format!(
                        "\n[[log]]   # by hand\ndate = {}\nactivity = \"{}\"\n",
                        NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + Duration::days(day),
                        ids[a % ids.len()]
                    ));
                    if let Some(n) = note {
                        s.push_str(&format!("note{sp}={sp}{}\n", quoted(&n, style)));
                    }
                }
                comment(&mut s);
                if !final_nl {
                    while s.ends_with('\n') {
                        s.pop();
                    }
                }
                if crlf { s.replace('\n', "\r\n") } else { s }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn done_and_undo_on_arbitrary_valid_files(
        text in pledge_file(),
        note in proptest::option::of(any::<String>()),
        day in 0i64..366,
    ) {
        let loaded = load("t.toml", &text, today());
        prop_assert!(!loaded.has_errors(), "{:?}\n{}", loaded.diags, text);
        let before = loaded.pledge.unwrap();
        let entry = NewEntry {
            note,
            ..NewEntry::new(before.period.start + Duration::days(day), &before.activities[0].id, 1)
        };
        let after_text = append(&text, &entry);
        let after = load("t.toml", &after_text, today());
        prop_assert!(!after.has_errors(), "{:?}", after.diags);
        let after = after.pledge.unwrap();
        prop_assert_eq!(after.log.len(), before.log.len() + 1);
        let (undone, _) = undo(&after_text, &after).unwrap();
        prop_assert_eq!(&undone, &text);
        // Two people adding an entry each merge into both entries.
        let other = NewEntry { note: Some("other".into()), ..entry.clone() };
        let theirs = append(&text, &other);
        let merged = pledge::edit::merge::merge(&text, &after_text, &theirs).unwrap();
        let m = load("t.toml", &merged, today()).pledge.unwrap();
        prop_assert_eq!(m.log.len(), before.log.len() + 2);
    }
}

/// A löfte for two kommuner with units, parts and an on-request activity, in LF or CRLF.
fn targets_file(units: &[String], kommuner: (usize, usize), crlf: bool) -> String {
    let all = pledge::kommuner::all();
    let units: Vec<String> = units.iter().map(|u| pledge::text::toml_string(u)).collect();
    let s = format!(
        "title = \"t\"\nkommuner = [\"{}\", \"{}\"]\n[period]\nend = 2016-12-31\n\n\
         [[activity]]\nid = \"skolor\"\ntext = \"x\"\nowners = [\"kommunerna\"]\nunits = [{}]\n\
         target = {{ count = 1, per = \"half-year\" }}\n\n\
         [[activity]]\nid = \"delar\"\ntext = \"y\"\nowners = [\"polisen\"]\n\
         [[activity.part]]\nid = \"vandringar\"\ntext = \"v\"\ntarget = \"open\"\n\
         [[activity.part]]\nid = \"besok\"\ntext = \"b\"\ntarget = \"on-request\"\n\n\
         [[activity]]\nid = \"fragor\"\ntext = \"z\"\nowners = [\"polisen\"]\ntarget = \"on-request\"\n\n\
         [followup]\nwhen = \"yearly\"\n",
        all[kommuner.0].name,
        all[kommuner.1].name,
        units.join(", ")
    );
    if crlf { s.replace('\n', "\r\n") } else { s }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// `done` with a unit, a part, a kommun or a request, then parse, finds exactly that entry,
    /// reads back as it, and `undo` restores every byte.
    #[test]
    fn done_then_undo_with_units_parts_kommun_and_requests(
        // A unit shows something: one of only spaces or invisible characters is refused.
        units in prop::collection::btree_set(
            "[^\u{0}]{1,20}".prop_filter("a unit shows something", |u| !blank(u)),
            1..4,
        ),
        k0 in 0usize..290,
        k1 in 0usize..290,
        crlf in any::<bool>(),
        which in 0u8..4,
        pick in any::<prop::sample::Index>(),
        kommun in proptest::option::of(any::<bool>()),
        note in proptest::option::of(any::<String>()),
        day in 0i64..366,
        count in 1u32..50,
    ) {
        let units: Vec<String> = units.into_iter().filter(|u| !u.trim().is_empty()).collect();
        let folded: std::collections::BTreeSet<String> =
            units.iter().map(|u| pledge::text::fold(u)).collect();
        prop_assume!(!units.is_empty() && k0 != k1 && folded.len() == units.len());
        let text = targets_file(&units, (k0, k1), crlf);
        let loaded = load("t.toml", &text, today());
        prop_assert!(!loaded.has_errors(), "{:?}\n{}", loaded.diags, text);
        let date = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + Duration::days(day);
        let mut entry = NewEntry { note, ..NewEntry::new(date, "skolor", count) };
        match which {
            0 => entry.unit = Some(units[pick.index(units.len())].clone()),
            1 => {
                entry.activity = "delar".into();
                entry.part = Some("vandringar".into());
            }
            2 => {
                entry.activity = "delar".into();
                entry.part = Some("besok".into());
                entry.request = true;
            }
            _ => {
                entry.activity = "fragor".into();
                entry.request = true;
            }
        }
        let all = pledge::kommuner::all();
        entry.kommun = kommun.map(|first| all[if first { k0 } else { k1 }].name.to_string());
        let addition = pledge::edit::record::addition(&text, &entry);
        prop_assert_eq!(pledge::edit::record::read_back(&addition), Some(entry.clone()));
        let after_text = append(&text, &entry);
        let after = load("t.toml", &after_text, today());
        prop_assert!(!after.has_errors(), "{:?}\n{}", after.diags, after_text);
        let after = after.pledge.unwrap();
        let new = after.log.last().unwrap();
        prop_assert_eq!(&pledge::edit::record::NewEntry::of(new), &entry);
        let (undone, removed) = undo(&after_text, &after).unwrap();
        prop_assert_eq!(&undone, &text);
        prop_assert_eq!(removed.unit, entry.unit);
    }
}
