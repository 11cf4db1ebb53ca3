//! Unit tests of the text edits of `done` and `undo`.

use super::*;
use crate::load::load;

const BASE: &str = "title = \"t\"\nkommun = \"Filipstad\"\nperiod = { start = 2016-01-01, end = 2016-12-31 }\n\
                    [[activity]]\nid = \"a\"\ntext = \"x\"\nowners = [\"polisen\"]\n[followup]\nwhen = \"yearly\"\n";

fn entry(note: &str) -> NewEntry {
    NewEntry {
        by: Some("Anna".into()),
        note: Some(note.into()),
        ..NewEntry::new("2016-05-12".parse().unwrap(), "a", 1)
    }
}

fn round_trip(original: &str, note: &str) {
    let e = entry(note);
    let after = append(original, &e);
    assert!(after.starts_with(original));
    let loaded = load("t.toml", &after, "2020-01-01".parse().unwrap());
    let p = loaded
        .pledge
        .unwrap_or_else(|| panic!("{:?}", loaded.diags));
    assert_eq!(p.log.len(), 1);
    assert_eq!(p.log[0].note.as_deref(), Some(note));
    let (undone, removed) = undo(&after, &p).unwrap();
    assert_eq!(undone, original);
    assert_eq!(removed.note.as_deref(), Some(note));
}

#[test]
fn done_then_undo_restores_every_byte() {
    round_trip(BASE, "Centrum, 14 deltagare");
    round_trip(BASE.trim_end(), "no newline at the end");
    round_trip(&format!("{BASE}\n\n"), "blank lines at the end");
    round_trip(&format!("{BASE}# a comment at the end"), "comment last");
    round_trip(&BASE.replace('\n', "\r\n"), "CRLF");
    round_trip(
        BASE,
        "quotes \" ''' \"\"\" backslash \\ tab\t newline\n åäö 🚓 \u{1b}[31m",
    );
}

#[test]
fn an_addition_reads_back_as_its_entry() {
    for note in ["plain", "\"\"\" ''' \\ \u{1b} 🚓\nx"] {
        let e = NewEntry {
            count: 7,
            ..entry(note)
        };
        assert_eq!(read_back(&addition(BASE, &e)), Some(e.clone()));
        assert_eq!(
            read_back(&addition(&BASE.replace('\n', "\r\n"), &e)),
            Some(e)
        );
    }
    assert_eq!(read_back("[[log]]\ndate = 2016-01-01\n"), None);
    assert_eq!(read_back("[[log]\n"), None);
}

#[test]
fn crlf_files_get_crlf_entries() {
    let crlf = BASE.replace('\n', "\r\n");
    let add = addition(&crlf, &entry("x"));
    assert!(add.starts_with("\r\n[[log]]\r\n"));
    assert_eq!(add.matches('\n').count(), add.matches("\r\n").count());
}

#[test]
fn undo_refuses_a_hand_edited_entry() {
    let text = format!("{BASE}\n[[log]]\ndate = 2016-05-12\nactivity = \"a\"  # by hand\n");
    let p = load("t.toml", &text, "2020-01-01".parse().unwrap())
        .pledge
        .unwrap();
    assert_eq!(undo(&text, &p), Err(UndoError::NotAsWritten));
    let p = load("t.toml", BASE, "2020-01-01".parse().unwrap())
        .pledge
        .unwrap();
    assert_eq!(undo(BASE, &p), Err(UndoError::NoEntries));
}

fn logged(entries: &[(&str, &str, Option<&str>)]) -> (String, Pledge) {
    let mut text = BASE.replace(
        "[followup]",
        "[[activity]]\nid = \"b\"\ntext = \"y\"\nowners = [\"polisen\"]\n[followup]",
    );
    for (date, act, by) in entries {
        let e = NewEntry {
            by: by.map(str::to_string),
            ..NewEntry::new(date.parse().unwrap(), act, 1)
        };
        text = append(&text, &e);
    }
    let p = load("t.toml", &text, "2020-01-01".parse().unwrap())
        .pledge
        .unwrap();
    (text, p)
}

#[test]
fn undo_picks_the_users_own_most_recent_entry() {
    // After a merge, entries are in date order: the last one is a colleague's.
    let (_, p) = logged(&[
        ("2016-03-01", "a", Some("Anna")),
        ("2016-04-01", "a", Some("Anna")),
        ("2016-04-02", "b", Some("Bo")),
    ]);
    let anna = |u| UndoPick {
        user: Some(u),
        ..UndoPick::default()
    };
    let e = pick(&p.log, &anna("anna ")).unwrap();
    assert_eq!(
        (e.date.to_string(), e.by.as_deref()),
        ("2016-04-01".into(), Some("Anna"))
    );
    assert_eq!(
        pick(&p.log, &anna("Cecilia")),
        Err(PickError::NoneOfYours { others: 3 })
    );
    assert_eq!(
        pick(&p.log, &UndoPick::default()),
        Err(PickError::NoneOfYours { others: 3 })
    );
    assert_eq!(pick(&[], &anna("Anna")), Err(PickError::NoEntries));
}

#[test]
fn undo_picks_a_named_entry_the_users_own_first() {
    let (_, p) = logged(&[
        ("2016-03-01", "a", Some("Anna")),
        ("2016-04-02", "b", Some("Bo")),
        ("2016-04-02", "b", Some("Anna")),
        ("2016-04-01", "a", Some("Bo")),
    ]);
    let by = |e: &LogEntry| (e.date.to_string(), e.activity.clone(), e.by.clone());
    let named = |date: Option<&str>, activity, index| UndoPick {
        user: Some("Anna"),
        date: date.map(|d| d.parse().unwrap()),
        activity,
        index,
    };
    let e = pick(&p.log, &named(Some("2016-04-02"), None, None)).unwrap();
    assert_eq!(
        by(e),
        ("2016-04-02".into(), "b".into(), Some("Anna".into()))
    );
    // Someone else's, when named and the user has none there: it says whose.
    let e = pick(&p.log, &named(Some("2016-04-01"), Some("a"), None)).unwrap();
    assert_eq!(by(e), ("2016-04-01".into(), "a".into(), Some("Bo".into())));
    // Index in log order (date, then file order): 2 is Bo's 2016-04-01.
    let e = pick(&p.log, &named(None, None, Some(2))).unwrap();
    assert_eq!(by(e), ("2016-04-01".into(), "a".into(), Some("Bo".into())));
    assert_eq!(
        pick(&p.log, &named(None, None, Some(9))),
        Err(PickError::NoMatch)
    );
    assert_eq!(
        pick(&p.log, &named(Some("2016-04-01"), Some("b"), None)),
        Err(PickError::NoMatch)
    );
}

#[test]
fn an_entry_in_the_middle_is_removed_as_if_never_recorded() {
    let (text, p) = logged(&[
        ("2016-03-01", "a", Some("Anna")),
        ("2016-04-01", "a", Some("Anna")),
        ("2016-04-02", "b", Some("Bo")),
    ]);
    let (expected, _) = logged(&[
        ("2016-03-01", "a", Some("Anna")),
        ("2016-04-02", "b", Some("Bo")),
    ]);
    assert_eq!(remove(&text, &p, &p.log[1]).unwrap(), expected);
    let (first_gone, _) = logged(&[
        ("2016-04-01", "a", Some("Anna")),
        ("2016-04-02", "b", Some("Bo")),
    ]);
    assert_eq!(remove(&text, &p, &p.log[0]).unwrap(), first_gone);
    // A comment after an entry is the person's own text: left alone.
    let commented = text.replace(
        "[[log]]\ndate = 2016-04-02",
        "# mine\n[[log]]\ndate = 2016-04-02",
    );
    let p = load("t.toml", &commented, "2020-01-01".parse().unwrap())
        .pledge
        .unwrap();
    assert_eq!(
        remove(&commented, &p, &p.log[1]),
        Err(UndoError::NotAsWritten)
    );
}

#[test]
fn undo_keeps_a_byte_order_mark() {
    let with_bom = format!("\u{feff}{BASE}");
    let e = entry("x");
    let after = append(&with_bom, &e);
    let p = load("t.toml", &after, "2020-01-01".parse().unwrap())
        .pledge
        .unwrap();
    let (undone, removed) = undo(&after, &p).unwrap();
    assert_eq!(undone, with_bom);
    assert_eq!(removed.note.as_deref(), Some("x"));
}

#[test]
fn among_several_loften_the_users_most_recent_entry_is_picked() {
    let (_, a) = logged(&[
        ("2016-03-01", "a", Some("Anna")),
        ("2016-06-01", "a", Some("Bo")),
    ]);
    let (_, b) = logged(&[("2016-04-01", "b", Some("Anna"))]);
    let (_, none) = logged(&[]);
    let anna = UndoPick {
        user: Some("Anna"),
        ..UndoPick::default()
    };
    let (pl, e) = pick_among(&[&a, &b, &none], &anna).unwrap();
    assert!(std::ptr::eq(pl, &b));
    assert_eq!(e.activity, "b");
    let cecilia = UndoPick {
        user: Some("Cecilia"),
        ..UndoPick::default()
    };
    assert_eq!(
        pick_among(&[&a, &b], &cecilia).map(|_| ()),
        Err(PickError::NoneOfYours { others: 3 })
    );
    assert_eq!(
        pick_among(&[&none], &anna).map(|_| ()),
        Err(PickError::NoEntries)
    );
}

#[test]
fn undo_removes_the_last_measurement_or_verdict_byte_for_byte() {
    use crate::edit::entry::{measurement_addition, verdict_addition};
    use crate::model::outcome::{Measurement, Verdict, VerdictEntry};
    for nl in ["\n", "\r\n"] {
        let base = format!(
            "{BASE}[[indicator]]\nid = \"t\"\nname = \"T\"\nsource = \"S\"\ndirection = \"lower\"\n"
        )
        .replace('\n', nl);
        let logged = append(
            &base,
            &NewEntry {
                date: "2016-05-12".parse().unwrap(),
                activity: "a".into(),
                part: None,
                unit: None,
                kommun: None,
                request: false,
                instead_of_slot: false,
                event: false,
                count: 1,
                by: Some("Anna".into()),
                note: Some("a walk".into()),
            },
        );
        let m = Measurement {
            indicator: "t".into(),
            date: "2016-11-15".parse().unwrap(),
            value: 3.25,
            source: Some("https://example.org/x?a=\"1\"".into()),
            note: Some("två\nrader".into()),
            by: None,
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        };
        let measured = format!("{logged}{}", measurement_addition(&logged, &m));
        let v = VerdictEntry {
            activity: "a".into(),
            verdict: Verdict::Broken,
            reason: "Inget gjordes".into(),
            source: None,
            date: "2017-02-01".parse().unwrap(),
            by: None,
            span: 0..0,
        };
        let judged = format!("{measured}{}", verdict_addition(&measured, &v));
        let steps = [&judged, &measured, &logged, &base];
        for w in steps.windows(2) {
            let p = load("t.toml", w[0], NaiveDate::MAX).pledge.unwrap();
            assert_eq!(&undo_last(w[0], &p).unwrap().0, w[1]);
        }
        // Edited by hand: left alone.
        let edited = judged.replace("\"Inget gjordes\"", "\"Inget gjordes\"  # by hand");
        let p = load("t.toml", &edited, NaiveDate::MAX).pledge.unwrap();
        assert_eq!(undo_last(&edited, &p), Err(UndoError::NotAsWritten));
    }
}
