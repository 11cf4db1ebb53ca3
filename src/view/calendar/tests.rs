//! Unit tests of the calendar: which events, their identity and revisions, and the writer.

use chrono::NaiveDate;

use super::ics::{MAX_OCTETS, escape_text, fold, write};
use super::*;
use crate::load::load;
use crate::rules::status::pledge_status;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const HEAD: &str = "title = \"Medborgarlöfte, Filipstad 2017\"\nkommun = \"Filipstad\"\n\
    signed = 2016-12-15\n[period]\nstart = 2017-01-01\nend = 2017-12-31\n\
    [[activity]]\nid = \"vandring\"\ntext = \"Vi går; vi ser, vi lyssnar.\"\n\
    owners = [\"kommunen\"]\ntarget = { count = 2, per = \"quarter\" }\n\
    [[activity]]\nid = \"trafik\"\ntext = \"Se över trafiken.\"\nowners = [\"kommunen\"]\n\
    target = \"once\"\n\
    [followup]\nwhen = \"2018-Q1\"\nhow = \"Enkät\"\npresented = \"Kommunens hemsida\"\n";

fn pledge_with(log: &[(&str, &str)]) -> Pledge {
    let mut src = HEAD.to_string();
    for (date, activity) in log {
        src.push_str(&format!(
            "[[log]]\ndate = {date}\nactivity = \"{activity}\"\ncount = 1\n"
        ));
    }
    let l = load("pledges/filipstad-2017.toml", &src, d("2030-01-01"));
    assert!(!l.has_errors(), "{:?}", l.diags);
    l.pledge.unwrap()
}

fn build(p: &Pledge, on: &str, lang: Lang) -> Vec<Event> {
    events(&[pledge_status(p, d(on))], lang)
}

fn by_uid<'a>(es: &'a [Event], uid: &str) -> &'a Event {
    es.iter()
        .find(|e| e.uid == uid)
        .unwrap_or_else(|| panic!("no {uid} in {es:#?}"))
}

const Q2: &str = "1782/filipstad-2017/window/vandring/2017-04-01@pledge";

#[test]
fn events_of_a_loefte() {
    let p = pledge_with(&[("2017-04-03", "vandring")]);
    let es = build(&p, "2017-05-10", Lang::Sv);
    let uids: Vec<&str> = es.iter().map(|e| e.uid.as_str()).collect();
    // The first quarter has ended (left out); Q2 is short (1 of 2); Q3 and Q4 are to come;
    // the once-only activity, the löfte's end and the follow-up (2018-Q1) follow.
    assert_eq!(
        uids,
        [
            Q2,
            "1782/filipstad-2017/window/vandring/2017-07-01@pledge",
            // Three on 2017-12-31, by UID.
            "1782/filipstad-2017/end@pledge",
            "1782/filipstad-2017/window/trafik/2017-01-01@pledge",
            "1782/filipstad-2017/window/vandring/2017-10-01@pledge",
            "1782/filipstad-2017/followup@pledge",
        ]
    );
    let q2 = by_uid(&es, Q2);
    assert_eq!(q2.date, d("2017-06-30"));
    assert_eq!(
        q2.summary,
        "Filipstad: Vi går, 1 av 2 genomförda – kv2 2017 slutar"
    );
    assert_eq!(q2.kind, EventKind::WindowEnd);
    let f = by_uid(&es, "1782/filipstad-2017/followup@pledge");
    assert_eq!(f.date, d("2018-03-31"));
    assert!(f.description.contains("Redovisas: Kommunens hemsida"));
    let en = build(&p, "2017-05-10", Lang::En);
    assert_eq!(
        by_uid(&en, Q2).summary,
        "Filipstad: Vi går, 1 of 2 done – 2017 Q2 ends"
    );
}

#[test]
fn met_and_done_things_leave_the_calendar() {
    let p = pledge_with(&[
        ("2017-04-03", "vandring"),
        ("2017-05-03", "vandring"),
        ("2017-05-04", "trafik"),
    ]);
    let es = build(&p, "2017-05-10", Lang::En);
    assert!(!es.iter().any(|e| e.uid == Q2));
    assert!(!es.iter().any(|e| e.uid.contains("/trafik/")));
    // After the period only the follow-up is left.
    let es = build(&p, "2018-01-10", Lang::En);
    assert_eq!(es.len(), 1);
    assert_eq!(es[0].kind, EventKind::FollowupDue);
}

#[test]
fn uids_stay_across_builds_and_dates() {
    let p = pledge_with(&[("2017-04-03", "vandring")]);
    let a = build(&p, "2017-05-10", Lang::Sv);
    let b = build(
        &pledge_with(&[("2017-04-03", "vandring")]),
        "2017-05-10",
        Lang::Sv,
    );
    assert_eq!(a, b);
    // A later as-of date: the events still there are the same events, unchanged.
    let later = build(&p, "2017-08-01", Lang::Sv);
    for e in &later {
        if let Some(old) = a.iter().find(|o| o.uid == e.uid) {
            assert_eq!(old, e, "only the as-of date changed");
        }
    }
    assert!(
        later
            .iter()
            .any(|e| e.uid.ends_with("vandring/2017-10-01@pledge"))
    );
    // Byte-identical feeds.
    let name = calendar_name(&[pledge_status(&p, d("2017-05-10"))], Lang::Sv);
    assert_eq!(name, "Medborgarlöften – Filipstad");
    assert_eq!(write(&name, Lang::Sv, &a), write(&name, Lang::Sv, &b));
}

#[test]
fn changed_content_raises_sequence_and_dtstamp() {
    let before = build(&pledge_with(&[]), "2017-06-01", Lang::Sv);
    let old = by_uid(&before, Q2);
    // No work yet: sequence 0, dated from the signing.
    assert_eq!((old.sequence, old.revised), (0, d("2016-12-15")));
    // Work on another activity does not touch this event.
    let unrelated = build(
        &pledge_with(&[("2017-05-20", "trafik")]),
        "2017-06-01",
        Lang::Sv,
    );
    assert_eq!(old, by_uid(&unrelated, Q2));
    // One of the two done: same UID, new text, higher SEQUENCE, later DTSTAMP.
    let after = build(
        &pledge_with(&[("2017-05-30", "vandring")]),
        "2017-06-01",
        Lang::Sv,
    );
    let new = by_uid(&after, Q2);
    assert_ne!(old.summary, new.summary);
    assert!(new.sequence > old.sequence, "{new:?}");
    assert_eq!(new.revised, d("2017-05-30"));
    // The next quarter's event has not changed.
    let q3 = "1782/filipstad-2017/window/vandring/2017-07-01@pledge";
    assert_eq!(by_uid(&before, q3), by_uid(&after, q3));
}

#[test]
fn units_and_requests() {
    let mut p = pledge_with(&[]);
    p.activities[0].units = vec!["Södra skolan".into(), "Norr".into()];
    p.activities[1].target = crate::model::Target::OnRequest;
    p.log.push(crate::model::LogEntry {
        date: d("2017-03-01"),
        activity: "trafik".into(),
        part: None,
        unit: None,
        kommun: None,
        request: true,
        instead_of_slot: false,
        event: false,
        count: 1,
        by: None,
        note: None,
        span: 0..0,
    });
    let es = build(&p, "2017-03-10", Lang::En);
    let u = by_uid(
        &es,
        "1782/filipstad-2017/window/vandring/S%C3%B6dra%20skolan/2017-01-01@pledge",
    );
    assert_eq!(
        u.summary,
        "Filipstad: Vi går (Södra skolan), 0 of 2 done – 2017 Q1 ends"
    );
    let a = by_uid(&es, "1782/filipstad-2017/answer/trafik/2017-03-01@pledge");
    assert_eq!(a.date, d("2017-03-31"));
    assert_eq!(a.kind, EventKind::AnswerDue);
}

#[test]
fn encode_keeps_components_apart() {
    assert_eq!(encode("a/b c"), "a%2Fb%20c");
    assert_eq!(encode("0862+1715"), "0862%2B1715");
    assert_eq!(encode("ö"), "%C3%B6");
}

/// Unfolding: every CRLF followed by one space removed.
fn unfold(s: &str) -> String {
    s.replace("\r\n ", "")
}

fn assert_folded(folded: &str) {
    assert!(folded.ends_with("\r\n"));
    for l in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(l.len() <= MAX_OCTETS, "{} octets: {l:?}", l.len());
        assert!(!l.contains('\n') && !l.contains('\r'));
    }
}

#[test]
fn folding_at_75_octets_never_splits_a_character() {
    let exact = "X".repeat(75);
    assert_eq!(fold(&exact), format!("{exact}\r\n"));
    assert_eq!(fold(&"X".repeat(76)), format!("{exact}\r\n X\r\n"));
    // "ö" is two octets: at octets 75-76 it cannot fit on the first line and moves whole.
    let s = format!("{}öab", "S".repeat(74));
    let f = fold(&s);
    assert_eq!(f, format!("{}\r\n öab\r\n", "S".repeat(74)));
    // An emoji (four octets) starting at octet 73 moves whole too; and at 72 it just fits.
    for pad in [71, 72, 73, 74] {
        let s = format!("SUMMARY:{}🚓åäö{}", "x".repeat(pad - 8), "ÅÄÖ🙂".repeat(40));
        let f = fold(&s);
        assert_folded(&f);
        assert_eq!(unfold(&f), format!("{s}\r\n"));
    }
    let f = fold(&format!("{}🚓", "x".repeat(71)));
    assert_eq!(f, format!("{}🚓\r\n", "x".repeat(71)));
    let f = fold(&format!("{}🚓", "x".repeat(72)));
    assert_eq!(f, format!("{}\r\n 🚓\r\n", "x".repeat(72)));
    // Continuation lines hold 74 octets after their space.
    let f = fold(&"y".repeat(75 + 74 + 1));
    let lines: Vec<&str> = f.split("\r\n").collect();
    assert_eq!((lines[0].len(), lines[1].len(), lines[2]), (75, 75, " y"));
}

#[test]
fn text_is_escaped() {
    assert_eq!(
        escape_text("a\\b;c,d\ne\r\nf\rg"),
        "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    );
    assert_eq!(escape_text("tab\tbell\u{7}esc\u{1b}"), "tab\tbellesc");
    assert_eq!(escape_text("Åsa: 5 % av 10"), "Åsa: 5 % av 10");
}

#[test]
fn the_feed_is_rfc_5545() {
    let p = pledge_with(&[("2017-04-03", "vandring")]);
    let es = build(&p, "2017-05-10", Lang::Sv);
    let ics = write("Medborgarlöften – Filipstad", Lang::Sv, &es);
    assert!(ics.starts_with(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pledge//medborgarloften//SV\r\n\
         CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Medborgarlöften – Filipstad\r\n"
    ));
    assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "no bare LF");
    assert_folded(&ics);
    let un = unfold(&ics);
    assert!(
        un.contains(
            "BEGIN:VEVENT\r\nUID:1782/filipstad-2017/window/vandring/2017-04-01@pledge\r\n\
         DTSTAMP:20170403T000000Z\r\nSEQUENCE:1\r\nDTSTART;VALUE=DATE:20170630\r\n\
         DTEND;VALUE=DATE:20170701\r\n\
         SUMMARY:Filipstad: Vi går\\, 1 av 2 genomförda – kv2 2017 slutar\r\n\
         DESCRIPTION:Vi går\\; vi ser\\, vi lyssnar.\\nPeriod: 2017-04-01 – 2017-06-30\\n\
         Medborgarlöfte\\, Filipstad 2017\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
        ),
        "{un}"
    );
    assert_eq!(un.matches("BEGIN:VEVENT").count(), es.len());
}

#[test]
fn a_yearly_follow_up_done_this_year_is_still_due_next_year() {
    let src = HEAD
        .replace("end = 2017-12-31", "end = 2018-12-31")
        .replace("when = \"2018-Q1\"", "when = \"yearly\"")
        + "[[log]]\ndate = 2017-12-20\nactivity = \"followup\"\n";
    let l = load("pledges/filipstad-2017.toml", &src, d("2030-01-01"));
    assert!(!l.has_errors(), "{:?}", l.diags);
    let p = l.pledge.unwrap();
    let es = build(&p, "2017-12-25", Lang::En);
    let follow: Vec<_> = es
        .iter()
        .filter(|e| e.kind == EventKind::FollowupDue)
        .map(|e| (e.uid.as_str(), e.date))
        .collect();
    assert_eq!(
        follow,
        [(
            "1782/filipstad-2017/followup/2018-12-31@pledge",
            d("2018-12-31")
        )]
    );
    // Before it was recorded, both years are due.
    let es = build(&p, "2017-12-10", Lang::En);
    assert_eq!(
        es.iter()
            .filter(|e| e.kind == EventKind::FollowupDue)
            .count(),
        2
    );
}

#[test]
fn feed_is_name_events_and_writer() {
    let p = pledge_with(&[]);
    let s = [pledge_status(&p, d("2017-05-10"))];
    let f = feed(&s, Lang::En);
    assert_eq!(
        f,
        write(
            "Medborgarlöften (citizen pledges) – Filipstad",
            Lang::En,
            &events(&s, Lang::En)
        )
    );
}
