//! Unit tests of `import::owners` (structure_tests), on our own paraphrased wording.

use super::*;

const BOTH: [Party; 2] = [Party::Polisen, Party::Kommunen];

#[test]
fn an_items_own_subject_in_any_tense() {
    let (o, p) = actor("Region Gotland genomför en föräldraträff varje vår.").unwrap();
    assert_eq!((o, p), (vec![Party::Kommunen], vec![]));
    // "tillsammans med" after the subject: done together, both own it.
    let (o, p) = actor("Polisen tillsammans med Ale kommun kommer att samordna arbetet.").unwrap();
    assert_eq!((o, p), (BOTH.to_vec(), vec![]));
    // A city's "X stad" after the verb is the kommun, as "X kommun" is.
    let (o, _) =
        actor("Polisen ska tillsammans med Lidingö stad och andra aktörer arbeta.").unwrap();
    assert_eq!(o, BOTH.to_vec());
    let (o, p) = actor("Kommunen ska tillsammans med Ekbohem rusta upp torget.").unwrap();
    assert_eq!(
        (o, p),
        (
            vec![Party::Kommunen, Party::Other("Ekbohem".into())],
            vec![]
        )
    );
    let (o, p) = actor("Kommunen kommer i samverkan med polisen ordna vandringar.").unwrap();
    assert_eq!((o, p), (vec![Party::Kommunen], vec![Party::Polisen]));
    let (o, _) = actor("Kommunens fältassistenter ska finnas ute på helger.").unwrap();
    assert_eq!(o, vec![Party::Kommunen]);
    let (o, _) = actor("Polisen i Västra Dalarna och kommunen lovar att ses.").unwrap();
    assert_eq!(o, BOTH);
    // A plural noun before the verb is no party.
    assert_eq!(actor("Trygghetsvandringar i skolor ska genomföras."), None);
    assert_eq!(actor("Fotpatrullering i centrum."), None);
}

#[test]
fn an_item_that_continues_its_leads_sentence_with_att() {
    // "… lovar polisen och kommunen: • Att polisen ska …": the subject after "att".
    let (o, _) = actor("Att kommunen ska se över hastigheterna på gatorna.").unwrap();
    assert_eq!(o, vec![Party::Kommunen]);
    let (o, _) = actor("att polisen och kommunen möts varje månad i ett råd").unwrap();
    assert_eq!(o, BOTH);
    // A promise after the verb, the lead ending in a colon.
    assert_eq!(
        promiser("För säkrare trafik lovar polisen och kommunen:"),
        Some(BOTH.to_vec())
    );
    // "Sundsvall kommunen" (so written) is the kommun.
    assert_eq!(party("Sundsvall kommunen"), Some(vec![Party::Kommunen]));
}

#[test]
fn headings_that_own_the_items_under_them() {
    let cases: &[(&str, &[Party])] = &[
        ("Polismyndighetens åtaganden:", &[Party::Polisen]),
        ("Gemensamma aktiviteter:", &BOTH),
        ("Polisiära aktiviteter:", &[Party::Polisen]),
        ("Kommunens aktiviteter:", &[Party::Kommunen]),
        (
            "Lokalpolisområde Arvika kommer att genomföra",
            &[Party::Polisen],
        ),
        ("LPO Arvika ska:", &[Party::Polisen]),
        (
            "Polismyndigheten i samverkan med kommunen:",
            &[Party::Polisen],
        ),
        ("Under 2024 lovar polisen att:", &[Party::Polisen]),
    ];
    for (h, want) in cases {
        assert_eq!(heading_owner(h).as_deref(), Some(*want), "{h}");
    }
    assert_eq!(heading_owner("Trygg trafikmiljö"), None);
    assert_eq!(heading_owner("Problembild"), None);
}

#[test]
fn parties_a_kommun_or_the_police_works_through() {
    assert_eq!(party("Stadsdelsförvaltningen"), Some(vec![Party::Kommunen]));
    assert_eq!(party("Socialtjänsten"), Some(vec![Party::Kommunen]));
    assert_eq!(party("Ale lokalpolisområde"), Some(vec![Party::Polisen]));
    assert_eq!(party("Polisen på Gotland"), Some(vec![Party::Polisen]));
}

#[test]
fn who_promises_the_whole_loefte() {
    assert_eq!(
        promiser(
            "Utifrån enkäten lovar Ale lokalpolisområde och Ale kommun att arbeta mot klotter."
        ),
        Some(BOTH.to_vec())
    );
    assert_eq!(
        promiser("Polisen och kommunen lovar att bli bättre på att synas."),
        Some(BOTH.to_vec())
    );
    assert_eq!(promiser("Medborgarna lovar att delta."), None);
}

#[test]
fn partners_named_in_samverkan_or_tillsammans() {
    let t = together_with("Fotpatrullera i samverkan med kommunen på fredagar.");
    assert_eq!(t[0].0, Party::Kommunen);
}

#[test]
fn owners_named_after_the_verb_and_by_the_possessive() {
    assert_eq!(
        heading_owner("Det här lovar polisen utifrån lägesbilden"),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        heading_owner("Detta gör kommunen"),
        Some(vec![Party::Kommunen])
    );
    assert_eq!(
        possessive("För 2024 är polisens medborgarlöften för centrum följande"),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        possessive("Kommunens och polisens löften"),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
    assert_eq!(
        possessive("Medborgarlöften är en del av polisens arbete"),
        None
    );
}

#[test]
fn subjects_after_an_adverb_and_officers_and_units() {
    assert_eq!(
        inverted("Tillsammans ska kommun och polis arbeta för fler grannsamverkansområden."),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
    assert_eq!(
        inverted("Under hösten kommer polisen att besöka skolorna."),
        Some(vec![Party::Polisen])
    );
    assert_eq!(inverted("Varje år kommer minst ett möte hållas."), None);
    // A fronted adverbial of any length, and a party's possessive noun as the subject.
    assert_eq!(
        inverted("Med start den 2 maj 2022 kommer polisen att stå vid skolan varje tisdag."),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        inverted("Utifrån lägesbilden och vad invånarna önskar ska polisen synas mer i parken."),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        inverted("För att öka tryggheten ska polisens närvaro i centrum styras av lägesbilden."),
        Some(vec![Party::Polisen])
    );
    // Only the first verb, only a known party, and "vi" is left to its own rule.
    assert_eq!(
        inverted("Trygghetsvandringar som ska planeras där Ekbohem ska delta."),
        None
    );
    assert_eq!(
        inverted("Om någon ber om det så lovar vi att ställa upp."),
        None
    );
    // Staff of a body are that body: "Personal från socialtjänsten och Nattgruppen ska …".
    let (o, _) =
        actor("Personal från socialtjänsten och Nattgruppen ska gå ut på fredagar.").unwrap();
    assert_eq!(o, vec![Party::Kommunen, Party::Other("Nattgruppen".into())]);
    assert_eq!(parties("Områdespoliserna"), Some(vec![Party::Polisen]));
    assert_eq!(
        parties("Socialtjänst, skola och polis"),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
}

#[test]
fn a_text_that_names_no_kommun_is_the_police_alone() {
    assert!(police_only(
        "Polisen i Norrby lovar att arbeta mot buskörning. Kommunikationsinsatser."
    ));
    assert!(!police_only("Polisen och kommunen lovar att …"));
    assert!(!police_only("Polisen och Norrby stad lovar att …"));
    assert!(!police_only("Region Gotland och polisen lovar"));
    assert!(!police_only("Ett löfte utan part."));
}

#[test]
fn three_signing_parties_named_before_or_after_the_verb() {
    let sl = Party::Other("STB".into());
    assert_eq!(
        signers(
            "Lokalpolisen Norrby, Stadens trafikbolag (STB) och Norrtälje kommun kommer under året att arbeta för en tryggare hållplats."
        ),
        Some(vec![Party::Polisen, sl.clone(), Party::Kommunen])
    );
    assert_eq!(
        signers("Under 2019 kommer polisen, STB och kommunen att fokusera på torget."),
        Some(vec![Party::Polisen, sl, Party::Kommunen])
    );
    // Two parties are the ordinary promisers, and a list of things is no list of parties.
    assert_eq!(signers("Polisen och kommunen kommer att arbeta."), None);
    assert_eq!(
        signers("Trafik, narkotika och klotter kommer att prioriteras av polisen och kommunen."),
        None
    );
}

#[test]
fn slash_joined_owners_are_both() {
    assert_eq!(
        parties("Kommunen/polisen"),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
    assert_eq!(
        parties("Polis / kommun"),
        Some(vec![Party::Polisen, Party::Kommunen])
    );
    let (o, _) = actor("Kommunen/polisen håller i en träff varje kvartal.").unwrap();
    assert_eq!(o, vec![Party::Kommunen, Party::Polisen]);
    let (o, _) = actor("Polis/kommun ska gå trygghetsvandringar i centrum.").unwrap();
    assert_eq!(o, BOTH);
    // Never one party named with the slash.
    assert_eq!(party("Kommunen/polisen"), None);
}

#[test]
fn the_kommuns_own_units_are_the_kommun() {
    for u in [
        "Stadsdelsförvaltningen",
        "Norrmalms stadsdelsförvaltning",
        "stadsdelsnämnden",
        "Socialtjänsten",
        "skolan",
        "förskolan",
    ] {
        assert_eq!(party(u), Some(vec![Party::Kommunen]), "{u}");
    }
    let (o, _) = actor("Norrmalms stadsdelsförvaltning ordnar läxhjälp på fritidsgården.").unwrap();
    assert_eq!(o, vec![Party::Kommunen]);
    assert_eq!(
        unit_named("Polisen ska i samverkan med socialtjänsten besöka familjer."),
        Some("socialtjänsten".into())
    );
    let w = together_with("Polisen ska i samverkan med skolan hålla lektioner.");
    assert_eq!(w[0].0, Party::Kommunen);
    // A unit with more words after it is no party ("Stadsdelsförvaltningen ska patrullera").
    assert_eq!(party("stadsdelsförvaltningen ska patrullera"), None);
}

#[test]
fn a_district_unit_in_the_genitive_after_tillsammans_med_is_the_kommun() {
    // "Norrmalms stadsdelsförvaltnings fältgrupp": the kommun's unit, not a party named
    // "Norrmalms".
    let (o, p) = actor(
        "Polisen ska tillsammans med Norrmalms stadsdelsförvaltnings fältgrupp starta ett läxcafé.",
    )
    .unwrap();
    assert_eq!((o, p), (BOTH.to_vec(), vec![]));
    assert_eq!(
        unit_named("tillsammans med Norrmalms stadsdelsförvaltnings fältgrupp"),
        Some("Norrmalms stadsdelsförvaltnings".into())
    );
    // A name that is not a unit stays a name.
    let (o, _) = actor("Kommunen ska tillsammans med Ekbohem rusta upp torget.").unwrap();
    assert_eq!(o, vec![Party::Kommunen, Party::Other("Ekbohem".into())]);
}

#[test]
fn a_partner_at_an_items_start() {
    let (ps, w) =
        leading_with("I samverkan med polisen erbjuda föräldrar en kväll om droger.").unwrap();
    assert_eq!(
        (ps, w.as_str()),
        (vec![Party::Polisen], "I samverkan med polisen")
    );
    let (ps, _) = leading_with("Tillsammans med kommunen genomföra två vandringar.").unwrap();
    assert_eq!(ps, vec![Party::Kommunen]);
    let (ps, _) =
        leading_with("I samarbete med Socialtjänsten och skolan besöka klasser.").unwrap();
    assert_eq!(ps, vec![Party::Kommunen]);
    // No party after the words: nothing.
    assert_eq!(
        leading_with("I samverkan med föreningar ordna en dag."),
        None
    );
    assert_eq!(
        leading_with("Polisen ska i samverkan med kommunen ordna en dag."),
        None
    );
}

#[test]
fn a_partys_name_alone_over_a_list() {
    assert_eq!(bare_party("Polis"), Some(vec![Party::Polisen]));
    assert_eq!(bare_party("Kommunen"), Some(vec![Party::Kommunen]));
    assert_eq!(
        bare_party("Västtrafik"),
        Some(vec![Party::Other("Västtrafik".into())])
    );
    assert_eq!(
        bare_party("Räddningstjänsten"),
        Some(vec![Party::Other("Räddningstjänsten".into())])
    );
    assert_eq!(
        bare_party("Fastighetsägarna"),
        Some(vec![Party::Other("Fastighetsägarna".into())])
    );
    // A theme is no party.
    assert_eq!(bare_party("Trafik"), None);
    assert_eq!(bare_party("Narkotika i centrum"), None);
}

#[test]
fn a_possessive_subject_names_the_doer() {
    let (o, _) = actor("Polisens närvaro vid torget ska öka under kvällar.").unwrap();
    assert_eq!(o, vec![Party::Polisen]);
    assert_eq!(
        possessive_subject("Polisens och kommunens närvaro vid torget ska öka."),
        Some(BOTH.to_vec())
    );
    // "Kommunens samordnare och polisen ska": a list of subjects, for `actor`.
    assert_eq!(
        possessive_subject("Kommunens samordnare och polisen ska ses."),
        None
    );
    assert_eq!(
        possessive_subject("Polisen och socialtjänstens arbete med unga ska utvecklas."),
        Some(BOTH.to_vec())
    );
    // One party's possessive, also after "Vi lovar att".
    assert_eq!(
        possessive_subject("Vi lovar att kommunens förebyggande arbete ska vara långsiktigt."),
        Some(vec![Party::Kommunen])
    );
    assert_eq!(
        possessive_subject("Lokalpolisens närvaro i centrum ska öka."),
        Some(vec![Party::Polisen])
    );
    assert_eq!(possessive_subject("Ungdomarnas trygghet ska öka."), None);
    assert_eq!(possessive_subject("Polisen ska patrullera."), None);
}

#[test]
fn an_item_with_a_name_beside_a_party() {
    let (o, _) = actor("Nattgruppen och kommunen nattvandrar varje fredag.").unwrap();
    assert_eq!(o, vec![Party::Other("Nattgruppen".into()), Party::Kommunen]);
}

#[test]
fn whose_lofte_the_opening_says_it_is() {
    assert_eq!(
        whose_lofte("Det här är polisens medborgarlöfte för Vasastan, Stockholms stad."),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        whose_lofte("Detta är kommunens och polisens löfte till er som bor här."),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
    // Mentioned, not said to be this page's.
    assert_eq!(
        whose_lofte("Du har kunnat påverka polisens och kommunens medborgarlöften."),
        None
    );
    // A police area's name may hold a slash; "Kommunen/polisen" is still two.
    assert_eq!(
        parties("Lokalpolisområde Uppsala/Knivsta"),
        Some(vec![Party::Polisen])
    );
    assert_eq!(
        parties("Kommunen/polisen"),
        Some(vec![Party::Kommunen, Party::Polisen])
    );
}

#[test]
fn a_body_named_by_its_area_and_one_name_with_and_without_article() {
    let other = |n: &str| Some(vec![Party::Other(n.into())]);
    assert_eq!(
        party("Räddningstjänsten Norra Dal - Västerdal"),
        other("Räddningstjänsten Norra Dal - Västerdal")
    );
    assert_eq!(
        party("Räddningstjänsten Syd"),
        other("Räddningstjänsten Syd")
    );
    // A body's name followed by words that are no name is no party.
    assert_eq!(party("Räddningstjänsten i byn"), None);
    // "räddningstjänst" and "Räddningstjänsten" are one owner, as "polis" is "polisen".
    assert_eq!(party("Räddningstjänst"), other("Räddningstjänsten"));
    let (o, _) = actor(
        "Orsa kommun, Räddningstjänsten Norra Dal - Västerdal och polisen ska mötas varje månad.",
    )
    .unwrap();
    assert_eq!(
        o,
        vec![
            Party::Kommunen,
            Party::Other("Räddningstjänsten Norra Dal - Västerdal".into()),
            Party::Polisen
        ]
    );
}

#[test]
fn a_name_cut_off_in_an_ansvarig_line_is_no_owner() {
    let (_, a) = split_ansvarig("Finnas på torget. Ansvarig: kommunen och p").unwrap();
    let who: Vec<Party> = a.owners.into_iter().map(|o| o.who).collect();
    assert_eq!(who, vec![Party::Kommunen]);
    let (_, a) = split_ansvarig("Finnas på torget. Ansvarig: SL").unwrap();
    assert_eq!(a.owners[0].who, Party::Other("SL".into()));
}

#[test]
fn noun_phrase_items_with_tillsammans_med() {
    let (ps, w) = noun_with("Föräldraträffar i skolan tillsammans med Fältgruppen Norr.").unwrap();
    assert_eq!(ps, vec![Party::Other("Fältgruppen Norr".into())]);
    assert_eq!(w, "tillsammans med Fältgruppen Norr");
    let (ps, _) =
        noun_with("Trygghetsvandringar tillsammans med polisen och räddningstjänsten i parken")
            .unwrap();
    assert_eq!(
        ps,
        vec![Party::Polisen, Party::Other("Räddningstjänsten".into())]
    );
    // An infinitive or a verb before it: not a noun phrase.
    assert_eq!(
        noun_with("Genomföra vandringar tillsammans med polisen."),
        None
    );
    assert_eq!(
        noun_with("Vandringar som ordnas tillsammans med polisen."),
        None
    );
    // Those named must be parties or names.
    assert_eq!(
        noun_with("Vandringar tillsammans med boende i området."),
        None
    );
}

#[test]
fn with_a_party_a_few_words_after_the_verb() {
    // "tillsammans med" after an adverbial: done together.
    let (o, p) = actor(
        "Polisen ska genom samverkan tillsammans med stadsdelsförvaltningen och andra arbeta i parken.",
    )
    .unwrap();
    assert_eq!((o, p), (vec![Party::Polisen, Party::Kommunen], vec![]));
    // "i samverkan med" after an adverbial: a partner, as right after the verb.
    let (o, p) =
        actor("Polisen lovar att, i samverkan med kommunen, arbeta med grannsamverkan.").unwrap();
    assert_eq!((o, p), (vec![Party::Polisen], vec![Party::Kommunen]));
}

#[test]
fn signers_named_as_bodies_and_adverbs_before_att() {
    // A lokalpolisområde and bodies named by a few capitalised words sign together.
    assert_eq!(
        signers(
            "För att öka tryggheten lovar Ale kommun, City Ale och Fastighetsägarna Ale län och lokalpolisområde Ale att:"
        ),
        Some(vec![
            Party::Kommunen,
            Party::Other("City Ale".into()),
            Party::Other("Fastighetsägarna Ale län".into()),
            Party::Polisen
        ])
    );
    // "lovar utöver detta att …": the subject is still the promiser.
    let (ps, pred) =
        subject("Polisen och kommunen lovar utöver detta att arbeta för god samverkan.").unwrap();
    assert_eq!(ps, BOTH.to_vec());
    assert_eq!(pred, "arbeta för god samverkan.");
}

#[test]
fn a_bracket_after_the_subject_and_both_parties() {
    let (ps, _) =
        subject("Polisen (Lokalpolisområde Södra Roslagen) ska genomföra patrulleringar i hamnen.")
            .unwrap();
    assert_eq!(ps, vec![Party::Polisen]);
    let (ps, _) = subject("Båda parter ska arbeta för en trygg miljö för unga.").unwrap();
    assert_eq!(ps, BOTH.to_vec());
}
