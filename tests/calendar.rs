//! The calendar feed of the bundled pledges/, read back by an independent parser (the
//! `icalendar` crate, which the writer does not use): the events, their UIDs, and that two
//! builds give the same UIDs.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use pledge::model::Pledge;
use pledge::rules::status::pledge_status;
use pledge::view::calendar::{self, Event, ics};
use pledge::view::i18n::Lang;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Every bundled löfte, loaded through the library, in file-name order.
fn bundled() -> Vec<Pledge> {
    let mut paths: Vec<_> = fs::read_dir(Path::new(ROOT).join("pledges"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap();
            let name = format!("pledges/{}", p.file_name().unwrap().to_str().unwrap());
            let l = pledge::load::load(&name, &text, d("2030-01-01"));
            assert!(!l.has_errors(), "{name}: {:?}", l.diags);
            l.pledge.unwrap()
        })
        .collect()
}

fn build(pledges: &[Pledge], on: &str, lang: Lang) -> (Vec<Event>, String) {
    let statuses: Vec<_> = pledges.iter().map(|p| pledge_status(p, d(on))).collect();
    let events = calendar::events(&statuses, lang);
    let name = calendar::calendar_name(&statuses, lang);
    let text = ics::write(&name, lang, &events);
    (events, text)
}

/// What the independent parser reads: UID → (start, end, summary, sequence).
type Parsed = BTreeMap<String, (NaiveDate, NaiveDate, String, u32)>;

fn parse(text: &str) -> (Calendar, Parsed) {
    let cal: Calendar = text.parse().expect("the icalendar crate parses the feed");
    let mut out = Parsed::new();
    let date = |v: Option<DatePerhapsTime>| match v {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("an all-day date, not {other:?}"),
    };
    for c in &cal.components {
        let CalendarComponent::Event(e) = c else {
            panic!("only events: {c:?}")
        };
        let uid = e.get_uid().expect("UID").to_string();
        let v = (
            date(e.get_start()),
            date(e.get_end()),
            e.get_summary().expect("SUMMARY").to_string(),
            e.get_sequence().expect("SEQUENCE"),
        );
        assert!(e.get_timestamp().is_some(), "DTSTAMP of {uid}");
        assert!(out.insert(uid.clone(), v).is_none(), "UID {uid} twice");
    }
    (cal, out)
}

#[test]
fn bundled_feed_read_by_an_independent_parser() {
    let pledges = bundled();
    let (events, text) = build(&pledges, "2016-10-16", Lang::Sv);
    // RFC 5545 §3.1, checked on the bytes: CRLF only, lines of at most 75 octets.
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    let (cal, parsed) = parse(&text);
    assert_eq!(cal.get_name(), Some("Medborgarlöften"));
    assert_eq!(parsed.len(), events.len());
    for e in &events {
        let (start, end, summary, seq) = &parsed[&e.uid];
        assert_eq!(
            (*start, *summary == e.summary, *seq),
            (e.date, true, e.sequence)
        );
        assert_eq!(end.pred_opt(), Some(*start), "one day");
    }
    let get = |uid: &str| {
        parsed
            .get(uid)
            .unwrap_or_else(|| panic!("no {uid} among {:#?}", parsed.keys()))
    };
    // Events are titled as the report heads the activities, never by id.
    let title = |file: &str, id: &str| {
        let p = pledges.iter().find(|p| p.file.ends_with(file)).unwrap();
        let a = p.activities.iter().find(|a| a.id == id).unwrap();
        pledge::view::title::activity_title(a)
    };
    let walks = title("filipstad-2016.toml", "trygghetsvandring");
    let traffic = title("filipstad-2016.toml", "trafik");
    assert_ne!(walks, "trygghetsvandring");
    // Filipstad 2016: two trygghetsvandringar in 2016, none yet; the once-only review; the
    // follow-up in the first quarter of 2017; the year's end.
    assert_eq!(
        get("1782/filipstad-2016/window/trygghetsvandring/2016-01-01@pledge"),
        &(
            d("2016-12-31"),
            d("2017-01-01"),
            format!("Filipstad: {walks}, 0 av 2 genomförda – 2016 slutar"),
            0
        )
    );
    assert_eq!(
        get("1782/filipstad-2016/window/trafik/2016-01-01@pledge").2,
        format!("Filipstad: {traffic}, inte genomförd – sista dagen")
    );
    assert_eq!(
        get("1782/filipstad-2016/followup@pledge").0,
        d("2017-03-31")
    );
    assert_eq!(
        get("1782/filipstad-2016/end@pledge").2,
        "Filipstad: medborgarlöftets period slutar (gäller tills ett nytt löfte tecknats)"
    );
    // Munkfors: a yearly follow-up, one event a year.
    assert_eq!(
        get("1762/munkfors-2017-2018/followup/2017-12-31@pledge").0,
        d("2017-12-31")
    );
    assert_eq!(
        get("1762/munkfors-2017-2018/followup/2018-12-31@pledge").0,
        d("2018-12-31")
    );
    // Alvesta's weekly meetings 2017-2018, all to come: one event a week.
    let weekly = parsed
        .keys()
        .filter(|u| u.starts_with("0764/alvesta-2017-2018/window/samverkansmoten/"))
        .count();
    assert_eq!(weekly, 104);
    // Karlstad has no counted target and no follow-up: only its end.
    let karlstad: Vec<_> = parsed.keys().filter(|u| u.starts_with("1780/")).collect();
    assert_eq!(karlstad, ["1780/karlstad-2016-2017/end@pledge"]);
}

#[test]
fn two_builds_give_the_same_uids_and_bytes() {
    let (_, a) = build(&bundled(), "2016-10-16", Lang::En);
    let (_, b) = build(&bundled(), "2016-10-16", Lang::En);
    assert_eq!(a, b, "byte-identical");
    let (_, pa) = parse(&a);
    let (_, pb) = parse(&b);
    assert_eq!(pa.keys().collect::<Vec<_>>(), pb.keys().collect::<Vec<_>>());
    // A week later nothing was recorded: every event still there is unchanged (same UID,
    // SEQUENCE and text), and none is new.
    let (_, later) = build(&bundled(), "2016-10-23", Lang::En);
    let (_, pl) = parse(&later);
    assert!(!pl.is_empty());
    for (uid, v) in &pl {
        assert_eq!(pa.get(uid), Some(v), "{uid}");
    }
}
