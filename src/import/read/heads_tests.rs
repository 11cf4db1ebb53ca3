//! Unit tests of who a heading or the page's structure makes owner of the items under it,
//! on short texts in our own paraphrased wording.

use super::super::{Options, read};
use crate::model::Party;

/// The owners of each activity the text gives, in order.
pub(super) fn owners_of(text: &str) -> Vec<Vec<Party>> {
    let d = read(text, &Options::default()).expect("the text reads");
    d.activities
        .iter()
        .map(|a| a.owners.iter().map(|o| o.who.clone()).collect())
        .collect()
}

const BOTH: [Party; 2] = [Party::Polisen, Party::Kommunen];

#[test]
fn we_in_an_activities_heading_is_who_the_page_says_wrote_it() {
    let text = "Medborgarlöfte i Arboga kommun 2024\n\nLäget\n\nBilden av läget har polisen och \
                kommunen tagit fram tillsammans.\n\nDet här ska vi göra\n\n • Vara synliga på \
                torget under helgkvällar.\n • Ordna en föräldraträff om droger.\n • Kommunen \
                ska laga belysningen i parken.\n";
    assert_eq!(
        owners_of(text),
        vec![BOTH.to_vec(), BOTH.to_vec(), vec![Party::Kommunen]]
    );
    // A text that never named both before the heading: "vi" is not said, nobody is written.
    let text = "Medborgarlöfte i Arboga 2024\n\nDet här ska vi göra\n\n • Ordna en \
                föräldraträff om droger.\n\nKontakt: kommunen och polisen\n";
    assert_eq!(owners_of(text), vec![Vec::<Party>::new()]);
}

#[test]
fn a_page_that_says_it_is_the_polices_lofte_is_the_polices() {
    // The district's city and the kommun's knowledge are mentioned; who promises is said
    // once, in the opening: the items that name no owner are the police's.
    let text = "Stockholm, Vasastan – medborgarlöften\n\nDet här är polisens medborgarlöfte för \
                Vasastan, Stockholms stad, och gäller under 2021.\n\nInvånarnas synpunkter och \
                kommunens kunskap ligger till grund för löftet.\n\nDet här ska vi göra\n\n  1. \
                Kontakten med boendet ska ske genom möten varje kvartal.\n  2. Öka närvaron vid \
                torget.\n";
    assert_eq!(
        owners_of(text),
        vec![vec![Party::Polisen], vec![Party::Polisen]]
    );
}

#[test]
fn a_police_area_named_with_a_slash_owns_its_lead() {
    let text = "Medborgarlöfte Uppsala 2021\n\nLokalpolisområde Uppsala/Knivsta åtar sig under \
                perioden 2021–2022 att:\n\n  • Riktade insatser mot langning av alkohol\n  • \
                Kommunen ska ordna en föräldraträff\n";
    assert_eq!(
        owners_of(text),
        vec![vec![Party::Polisen], vec![Party::Kommunen]]
    );
}

#[test]
fn a_noun_phrase_item_done_together_with_others_under_one_partys_list() {
    // The police has a list of its own; "tillsammans med" still makes the item joint.
    let text = "Medborgarlöfte Kil 2024\n\nPolisen kommer att:\n\n  • Ha fler kontroller vid \
                skolorna.\n\nKils kommun kommer att:\n\n  • Trygghetsvandringar i centrum \
                tillsammans med polisen och räddningstjänsten.\n  • Genomföra träffar \
                tillsammans med polisen.\n";
    assert_eq!(
        owners_of(text),
        vec![
            vec![Party::Polisen],
            vec![
                Party::Kommunen,
                Party::Polisen,
                Party::Other("Räddningstjänsten".into())
            ],
            // An infinitive item: "tillsammans med" there is read by the partner rule.
            vec![Party::Kommunen],
        ]
    );
}

#[test]
fn clauses_of_one_sentence_without_a_doer_take_the_sentences_subject() {
    let text = "Medborgarlöfte Arboga 2024\n\nTillsammans ska kommun och polis \
                arbeta för fler grannsamverkansområden, polisen ska cykla mer i centrum, \
                kontroller av mopeder ska göras, gemensamma föräldraträffar om droger ska \
                hållas samt genomföra hastighetskontroller vid skolorna.\n";
    let both = vec![Party::Kommunen, Party::Polisen];
    assert_eq!(
        owners_of(text),
        vec![
            both.clone(),
            vec![Party::Polisen],
            // Passive with no doer: nobody is invented.
            vec![],
            both.clone(),
            both,
        ]
    );
}

mod questions {
    use super::super::question_owner;
    use crate::model::Party;

    #[test]
    fn a_question_heading_names_who_answers_it() {
        assert_eq!(
            question_owner("Vilket ansvar har polisen i löftet för 2025?"),
            Some(vec![Party::Polisen])
        );
        assert_eq!(
            question_owner("Vad gör kommunen?"),
            Some(vec![Party::Kommunen])
        );
        assert_eq!(
            question_owner("Vad ska vi göra?"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        assert_eq!(
            question_owner("Vad lovar polisen och kommunen?"),
            Some(vec![Party::Polisen, Party::Kommunen])
        );
        // Questions that ask nothing of a party.
        assert_eq!(question_owner("Vad är ett medborgarlöfte?"), None);
        assert_eq!(question_owner("Hur kom vi fram till löftet?"), None);
        assert_eq!(question_owner("Vilket ansvar har polisen"), None);
    }
}

#[test]
fn a_lead_opened_by_och_is_read_without_it() {
    let text = "Medborgarlöfte i Götene 2021\n\nKommunen lovar att:\n\n • Ordna en \
                föräldraträff om droger.\n\nOch Polisen lovar att:\n\n • Patrullera vid \
                skolorna på kvällstid.\n";
    assert_eq!(
        owners_of(text),
        vec![vec![Party::Kommunen], vec![Party::Polisen]]
    );
}
