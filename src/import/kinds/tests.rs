//! Unit tests of `import::kinds` (tests), on our own paraphrased wording.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn weekly_slots() {
    let s = weekly("Öppen fritidsgård varje tisdagskväll.").unwrap();
    assert_eq!((s.weekday, s.time.as_deref()), ("tisdag", Some("kväll")));
    assert!(!s.except_holidays);
    let s = weekly("Varje tisdag kväll, helgdagar undantagna, finns polisen där.").unwrap();
    assert_eq!((s.weekday, s.time.as_deref()), ("tisdag", Some("kväll")));
    assert!(s.except_holidays);
    let s = weekly("Öppet hus torsdagar kl. 18–20 utom helgdagar.").unwrap();
    assert_eq!((s.weekday, s.time.as_deref()), ("torsdag", Some("18-20")));
    assert!(s.except_holidays);
    assert_eq!(weekly("alla lördagar").unwrap().time, None);
    assert_eq!(weekly("patrullera varje helg"), None);
    let s = weekly("vid butiken varje torsdag mellan kl. 10.00 och 11.00").unwrap();
    assert_eq!(s.time.as_deref(), Some("10-11"));
    // Two weekdays are no single slot; the same one twice still is.
    assert_eq!(weekly("patrullera på fredags- och lördagskvällar"), None);
    assert_eq!(weekly("fredagar och lördagar i centrum"), None);
    assert_eq!(
        weekly("varje fredag, och fredagar på loven").map(|s| s.weekday),
        Some("fredag")
    );
}

#[test]
fn listed_units() {
    let t =
        "Ett möte per termin på varje högstadieskola (Norrskolan, Söderskolan och Västra skolan).";
    assert_eq!(
        units(t, "på varje högstadieskola").unwrap(),
        ["Norrskolan", "Söderskolan", "Västra skolan"]
    );
    assert_eq!(units("två per år i varje kommun.", "i varje kommun"), None);
    assert_eq!(units("i varje kommun (Kil)", "i varje kommun"), None);
}

#[test]
fn each_names_one_other_activity() {
    let others = vec![
        (
            "vandring".to_string(),
            "Två trygghetsvandringar per år.".to_string(),
        ),
        (
            "atgard".to_string(),
            "Efter varje trygghetsvandring åtgärda ett förslag.".to_string(),
        ),
        (
            "rad".to_string(),
            "Delta i trygghetsrådets möten.".to_string(),
        ),
    ];
    let t = &others[1].1;
    assert_eq!(
        each_of("Efter varje trygghetsvandring", t, "atgard", &others),
        Some("vandring")
    );
    let t = "Vid varje möte i trygghetsrådet redovisa läget.";
    assert_eq!(each_of("Vid varje möte", t, "x", &others), Some("rad"));
    assert_eq!(
        each_of("vid varje tillfälle", "vid varje tillfälle", "x", &others),
        None
    );
    // "insatsvecka" (singular, in -a) names "insatsveckor".
    let weeks = vec![
        (
            "veckor".to_string(),
            "Varje år ska minst två insatsveckor genomföras.".to_string(),
        ),
        (
            "info".to_string(),
            "Efter varje insatsvecka ska föräldrar bjudas in.".to_string(),
        ),
    ];
    assert_eq!(
        each_of("Efter varje insatsvecka", &weeks[1].1, "info", &weeks),
        Some("veckor")
    );
    assert_eq!(each_count("åtgärdas minst ett av förslagen"), (1, true));
    assert_eq!(each_count("redovisa läget"), (1, false));
}

#[test]
fn frames_need_months_and_a_known_year() {
    let y2017 = (d(2017, 1, 1), d(2017, 12, 31));
    assert_eq!(
        frame("under juni–augusti patrullera", y2017).map(|f| (f.0, f.1)),
        Some((Some(d(2017, 6, 1)), Some(d(2017, 8, 31))))
    );
    assert_eq!(
        frame("finns där från september", y2017).map(|f| (f.0, f.1)),
        Some((Some(d(2017, 9, 1)), None))
    );
    assert_eq!(frame("under sommarmånaderna", y2017), None);
    let two = (d(2017, 1, 1), d(2018, 12, 31));
    assert_eq!(frame("under juni–augusti", two), None);
    assert_eq!(
        frame("under juni 2018 till augusti 2018", two).map(|f| (f.0, f.1)),
        Some((Some(d(2018, 6, 1)), Some(d(2018, 8, 31))))
    );
    let split = (d(2017, 3, 1), d(2018, 2, 28));
    assert_eq!(
        frame("från september", split).map(|f| f.0),
        Some(Some(d(2017, 9, 1)))
    );
}

#[test]
fn events_are_meetings_of_a_named_body() {
    let t = "Vid varje sammanträde med BRÅ redovisar polisen läget.";
    assert_eq!(
        event("Vid varje sammanträde", t),
        Some((
            "bra-sammantrade".to_string(),
            "Sammanträde med BRÅ".to_string()
        ))
    );
    let t = "vid varje möte i lokala brottsförebyggande rådet planera för aktiviteter";
    assert_eq!(
        event("vid varje möte", t).map(|e| e.1),
        Some("Möte i lokala brottsförebyggande rådet".to_string())
    );
    // A walk is an activity, not an event.
    assert_eq!(
        event(
            "efter varje trygghetsvandring",
            "efter varje trygghetsvandring"
        ),
        None
    );
    assert_eq!(grace_days("inom två veckor efter varje möte"), Some(14));
    assert_eq!(grace_days("inom 10 dagar"), Some(10));
    assert_eq!(grace_days("efter varje möte"), None);
}
