//! Unit tests of `import::owners` (tests), on our own paraphrased wording.

use super::*;
use crate::model::Owner;

fn o(p: Party) -> Owner {
    owner(p, None)
}

#[test]
fn parties_in_lists() {
    assert_eq!(
        parties("Polisen och Karlstads kommun"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    assert_eq!(parties("Alvesta kommun"), Some(vec![Party::Kommunen]));
    assert_eq!(
        parties("Tillsammans"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    assert_eq!(
        parties("Räddningstjänsten"),
        Some(vec![Party::Other("Räddningstjänsten".into())])
    );
    assert_eq!(parties("Medborgarlöftet"), None);
    assert_eq!(parties("Det"), None);
}

#[test]
fn ansvarig_colon() {
    let (before, a) = split_ansvarig("Polisen lovar att patrullera. Ansvarig: Polisen").unwrap();
    assert_eq!(before, "Polisen lovar att patrullera.");
    assert_eq!(a.owners, [o(Party::Polisen)]);
    let (_, a) = split_ansvarig(
            "X. Ansvarig för upptäckt och lagföring: Polisen, ansvarig för uppföljning och vård: Kommunen",
        )
        .unwrap();
    assert_eq!(
        a.owners,
        [
            owner(Party::Polisen, Some("upptäckt och lagföring")),
            owner(Party::Kommunen, Some("uppföljning och vård"))
        ]
    );
    let (_, a) = split_ansvarig("X. Ansvarig: Polisen i samverkan med kommunen").unwrap();
    assert_eq!(a.owners, [o(Party::Polisen)]);
    assert_eq!(a.partners, [owner(Party::Kommunen, Some("i samverkan"))]);
    let (_, a) =
        split_ansvarig("Y. Ansvarig: Kommunen Resultatet kommer att presenteras.").unwrap();
    assert_eq!(a.owners, [o(Party::Kommunen)]);
    assert_eq!(a.rest, "Resultatet kommer att presenteras.");
    assert!(split_ansvarig("den som är ansvarig för trafiken").is_none());
    let (before, a) = split_ansvarig("Kontroller vid skolor. Ansvar: Polisen").unwrap();
    assert_eq!(
        (before.as_str(), a.owners.clone()),
        ("Kontroller vid skolor.", vec![o(Party::Polisen)])
    );
    let (before, a) = split_ansvarig("Kontroller vid skolor (ansvarig: polisen)").unwrap();
    assert_eq!(
        (before.as_str(), a.owners),
        ("Kontroller vid skolor", vec![o(Party::Polisen)])
    );
}

#[test]
fn ansvarig_names_slash_joined_owners_as_both() {
    let (before, a) =
        split_ansvarig("Trygghetsvandring vid varje station. Ansvarig: kommunen/polisen").unwrap();
    assert_eq!(before, "Trygghetsvandring vid varje station.");
    assert_eq!(a.owners, [o(Party::Kommunen), o(Party::Polisen)]);
    let (_, a) = split_ansvarig("Dialogmöte. Ansvariga: Polis / Kommun").unwrap();
    assert_eq!(a.owners, [o(Party::Polisen), o(Party::Kommunen)]);
    // A slash between words that are not both parties stays one named owner.
    let (_, a) = split_ansvarig("Vandring. Ansvarig: Fritid/Kultur").unwrap();
    assert_eq!(a.owners, [o(Party::Other("Fritid/Kultur".into()))]);
}

#[test]
fn ansvarig_after_a_slash() {
    let (before, a) = split_ansvarig("Fotpatrullering i centrum/ ansvarig polisen").unwrap();
    assert_eq!(before, "Fotpatrullering i centrum");
    assert_eq!(a.owners, [o(Party::Polisen)]);
    let (_, a) = split_ansvarig("ANDT-arbete/ ansvariga polisen och kommunen").unwrap();
    assert_eq!(a.owners, [o(Party::Polisen), o(Party::Kommunen)]);
    let (_, a) = split_ansvarig("Vandring / ansvarig Bostadsbolaget").unwrap();
    assert_eq!(a.owners, [o(Party::Other("Bostadsbolaget".into()))]);
}

#[test]
fn subjects_and_headings() {
    let (ps, pred) =
        subject("Polisen och Karlstads kommun kommer tillsammans att ha fler tillsyner.").unwrap();
    assert_eq!(ps, [Party::Polisen, Party::Kommunen]);
    assert_eq!(pred, "ha fler tillsyner.");
    assert!(subject("Medborgarlöftet kommer att följas upp.").is_none());
    assert_eq!(heading_owner("Polisen lovar"), Some(vec![Party::Polisen]));
    // The party of a last clause, right before its verb; "vi" is left to its own rules.
    assert_eq!(
        heading_owner("Ett medborgarlöfte har tecknats där polisen lovar att:"),
        Some(vec![Party::Polisen])
    );
    assert_eq!(heading_owner("Vad vi lovar"), None);
    assert_ne!(
        heading_owner("Polisen tillsammans med Orsa kommun lovar att:"),
        Some(vec![Party::Kommunen])
    );
    // "tillsammans med" after the verb: both own the list.
    assert_eq!(
        heading_owner("Orsa kommun ska tillsammans med polisen:"),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
    assert_eq!(
        heading_owner("Alvesta kommun lovar"),
        Some(vec![Party::Kommunen])
    );
    assert_eq!(
        heading_owner("Kommunen kommer också att:"),
        Some(vec![Party::Kommunen])
    );
    assert_eq!(
        heading_owner("Tillsammans lovar vi"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    // "X lovar" at any level, whatever follows it.
    assert_eq!(
        heading_owner("Polisen lovar att under 2020"),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        heading_owner("Tillsammans lovar"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    assert_eq!(heading_owner("Uppföljning"), None);
    assert_eq!(heading_owner("Polisen:"), Some(vec![Party::Polisen]));
    assert_eq!(heading_owner("POLISEN LOVAR"), Some(vec![Party::Polisen]));
    assert_eq!(heading_owner("Polisens löften"), Some(vec![Party::Polisen]));
    assert_eq!(
        heading_owner("Kommunens löften"),
        Some(vec![Party::Kommunen])
    );
    assert_eq!(
        heading_owner("Gemensamma löften"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    assert_eq!(
        heading_owner("Vi lovar att:"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
}

#[test]
fn together_with_names_partners() {
    let t = together_with("Att tillsammans med Polisen genomföra möten");
    assert_eq!(t[0].0, Party::Polisen);
    assert!(together_with("tillsammans med övriga").is_empty());
}

#[test]
fn together_with_a_bare_party_or_a_list_after_the_verb_owns_jointly() {
    // "polis" without its article, after the verb.
    assert_eq!(
        actor("Ödeshögs kommun ska tillsammans med polis hålla en dialog."),
        Some((vec![Party::Kommunen, Party::Polisen], Vec::new()))
    );
    // Each one of a list, a name no rule knows among them.
    assert_eq!(
        actor("Polisen ska tillsammans med Räddningstjänsten samt Vätterbygdens Energi samverka."),
        Some((
            vec![
                Party::Polisen,
                Party::Other("Räddningstjänsten".into()),
                Party::Other("Vätterbygdens Energi".into())
            ],
            Vec::new()
        ))
    );
    // "och" before a verb ends the list.
    assert_eq!(
        actor("Kommunen ska tillsammans med polisen och genomföra möten."),
        Some((vec![Party::Kommunen, Party::Polisen], Vec::new()))
    );
}

#[test]
fn a_lead_that_says_who_made_its_loften() {
    assert_eq!(
        made_by("Nu har lokalpolisområdetMjölby formulerat sina löften för 2023:"),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        made_by("Polisen och kommunen har tagit fram följande löften:"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    // Someone who made no löften of their own.
    assert_eq!(made_by("Många har formulerat sina önskemål:"), None);
}

#[test]
fn man_lovar_and_a_police_officer_described() {
    // "Man lovar att" in an article about the löfte: those who signed it.
    assert_eq!(
        subject("Man lovar också att hålla två möten per år."),
        Some((
            vec![Party::Polisen, Party::Kommunen],
            "hålla två möten per år.".to_string()
        ))
    );
    assert_eq!(party("uniformerad polis"), Some(vec![Party::Polisen]));
    assert_eq!(party("synliga poliser"), Some(vec![Party::Polisen]));
    assert_eq!(party("uniformerad personal"), None);
}

#[test]
fn a_sentence_that_opens_with_whose_lofte_it_is() {
    assert_eq!(
        whose_lofte("Polisens och Orsa kommuns medborgalöfte 2021 - 2022."),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    // A löfte merely mentioned is no one's promise.
    assert_eq!(
        whose_lofte("Invånarna kan påverka polisens medborgarlöfte."),
        None
    );
}
