//! Unit tests of `import::facts` (tests), on our own paraphrased wording.

use super::*;

#[test]
fn years_that_name_the_loefte_outrank_other_years() {
    let a = crate::import::dates::period_facts("Enkäterna gjordes under 2020.");
    let b = crate::import::dates::period_facts("Det blev tre medborgarlöften för 2021.");
    let m = merged(&[a, b]);
    assert_eq!(m.years.map(|y| (y.0, y.1)), Some((2021, 2021)));
}

#[test]
fn kommuner_in_titles() {
    let names = |t: &str| kommuner_in(t).iter().map(|k| k.name).collect::<Vec<_>>();
    assert_eq!(names("Medborgarlöften i Filipstad"), ["Filipstad"]);
    assert_eq!(
        names("Polisens medborgarlöfte i samverkan med Karlstads kommun"),
        ["Karlstad"]
    );
    assert_eq!(
        names("Medborgarlöfte för Kil, Forshaga och Grums"),
        ["Kil", "Forshaga", "Grums"]
    );
    assert_eq!(names("Medborgarlöfte i Upplands Väsby"), ["Upplands Väsby"]);
    assert!(names("Medborgarlöfte 2019").is_empty());
}

#[test]
fn followup_fields() {
    let f = followup(&[
        "Uppföljning av medborgarlöftet ska ske första kvartalet 2017.".into(),
        "Uppföljningen genomförs av polisen.".into(),
        "Ansvarig: Polisen.".into(),
        "Resultatet kommer att presenteras i Filipstads tidning och på kommunens hemsida.".into(),
    ]);
    assert_eq!(f.when.as_deref(), Some("\"2017-Q1\""));
    assert_eq!(f.how, ["Uppföljningen genomförs av polisen."]);
    assert_eq!(f.responsible.as_deref(), Some("polisen"));
    assert_eq!(
        f.presented.as_deref(),
        Some("Filipstads tidning och kommunens hemsida")
    );
    let f = followup(&[
        "Uppföljning kommer att ske kontinuerligt via kommunpolisen och redovisas på BRÅ möten."
            .into(),
    ]);
    assert_eq!(f.when.as_deref(), Some("\"continuous\""));
    assert_eq!(
        f.how,
        ["Uppföljning kommer att ske kontinuerligt via kommunpolisen."]
    );
    assert_eq!(f.responsible.as_deref(), Some("kommunpolisen"));
    assert_eq!(f.presented.as_deref(), Some("BRÅ möten"));
}

#[test]
fn signatories_side_by_side_and_in_a_sentence() {
    let mut n = Vec::new();
    let s = signatories(&["Jonas Eek Per Ribacke".into(), "Chef".into()], &mut n);
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].0, "Per Ribacke");
    let s = signatories_sentence("Per-Samuel Nisser (M), kommunstyrelsens ordförande och Orla Kristoffersen, lokalpolisområdeschef skriver under medborgarlöftet.").unwrap();
    assert_eq!(
        s[0],
        (
            "Per-Samuel Nisser (M)".into(),
            Some("kommunstyrelsens ordförande".into())
        )
    );
    assert_eq!(s[1].1.as_deref(), Some("lokalpolisområdeschef"));
}

#[test]
fn a_period_from_an_undated_signing_has_no_start() {
    let f = [
        crate::import::dates::title_years("Medborgarlöfte 2026"),
        crate::import::dates::period_facts(
            "Kommunen och polisen ger ett löfte för ett år, som gäller från och med undertecknandet.",
        ),
    ];
    let mut notes = Vec::new();
    let (start, end, _) = period(&f, None, &Options::default(), &mut notes).unwrap();
    // No day is invented for the signing: the unstated-start form.
    assert_eq!(start, None);
    assert_eq!(end, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    assert!(notes.iter().any(
        |n| matches!(n, Note::Reading(r) if r.contains("signing, which the text does not date"))
    ));
    // With the signing dated, the period starts on that day.
    let signed = NaiveDate::from_ymd_opt(2026, 3, 2);
    let (start, _, _) = period(&f, signed, &Options::default(), &mut Vec::new()).unwrap();
    assert_eq!(start, signed);
}
