//! Unit tests of `import::acts` (tests), on our own paraphrased wording.

use super::*;

fn written(text: &str, others: &[(String, String)], year: i32) -> Written {
    let f = rules::target(text).unwrap_or_else(|| panic!("no target in {text:?}"));
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day).unwrap();
    let cx = Context {
        id: "own",
        text,
        others,
        period: (d(1, 1), d(12, 31)),
        kommuner: &[],
    };
    target_toml(&f, &cx)
}

#[test]
fn clauses_each_with_a_verb_are_activities() {
    let s = "Tillsammans ska kommun och polis ordna fler möten, polisen ska patrullera mer, \
                 kontroller av mopeder ska göras samt genomföra en kampanj om cyklar.";
    let parts = split_clauses(s).unwrap();
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[1], "Polisen ska patrullera mer.");
    assert_eq!(parts[3], "Genomföra en kampanj om cyklar.");
    // A list of places is no list of clauses.
    assert_eq!(
        split_clauses("Polisen ska patrullera i Norrby, Söderby, Västby samt Östby."),
        None
    );
}

#[test]
fn the_one_mapping_to_toml() {
    let w = written("vid minst två tillfällen under året", &[], 2017);
    assert_eq!(w.target.as_deref(), Some("{ count = 2, per = \"year\" }"));
    let w = written("ett antal insatser", &[], 2017);
    assert_eq!(w.target.as_deref(), Some("\"open\""));
    assert!(w.reading.contains("\"ett antal\""), "{}", w.reading);
    let w = written("ett antal insatser per år", &[], 2017);
    assert_eq!(w.target.as_deref(), Some("\"open\""));
    let w = written("minst två insatser per år mot ett antal butiker", &[], 2017);
    assert_eq!(w.target.as_deref(), Some("{ count = 2, per = \"year\" }"));
    let w = written("en gång per termin", &[], 2017);
    assert!(w.reading.contains("half-year"));
    let w = written("besök på begäran", &[], 2017);
    assert_eq!(w.target.as_deref(), Some("\"on-request\""));
    let w = written("Om en skola ber om besök kommer polisen.", &[], 2017);
    assert_eq!(w.target.as_deref(), Some("\"on-request\""));
}

#[test]
fn kinds_written_only_where_the_words_state_them() {
    let others = [
        (
            "vandring".to_string(),
            "Två trygghetsvandringar per år.".to_string(),
        ),
        (
            "own".to_string(),
            "Efter varje trygghetsvandring åtgärda minst ett förslag.".to_string(),
        ),
    ];
    let w = written(&others[1].1, &others, 2017);
    assert_eq!(
        w.target.as_deref(),
        Some("{ count = 1, each = \"vandring\" }")
    );
    let w = written(
        "Vid varje möte i trygghetsrådet redovisa läget.",
        &others,
        2017,
    );
    // No activity is the meeting: it is an [[event]] of the löfte (issue 22's form).
    assert_eq!(
        w.target.as_deref(),
        Some("{ count = 1, each = \"trygghetsradet-mote\" }")
    );
    assert_eq!(
        w.event,
        Some((
            "trygghetsradet-mote".to_string(),
            "Möte i trygghetsrådet".to_string()
        ))
    );
    assert!(w.reading.contains("\"Vid varje möte\""), "{}", w.reading);
    // A walk no activity names is no event: no target.
    let w = written("Efter varje nattvandring skriva en rapport.", &others, 2017);
    assert_eq!((w.target, w.event), (None, None));
    let w = written(
        "Varje tisdag kväll, helgdagar undantagna, finns polisen på biblioteket.",
        &[],
        2017,
    );
    assert_eq!(
        w.target.as_deref(),
        Some("{ weekday = \"tisdag\", time = \"kväll\", except = \"holidays\" }")
    );
    let w = written(
        "Ett möte per termin på varje högstadieskola (Norrskolan, Söderskolan).",
        &[],
        2017,
    );
    assert_eq!(w.units, ["Norrskolan", "Söderskolan"]);
    assert_eq!(
        w.target.as_deref(),
        Some("{ count = 1, per = \"half-year\" }")
    );
    let w = written("Ett möte per termin på varje högstadieskola.", &[], 2017);
    assert_eq!((w.target, w.units.len()), (None, 0));
    let w = written(
        "Patrullera under sommarmånaderna juni–augusti minst två gånger i månaden.",
        &[],
        2017,
    );
    assert_eq!(w.target.as_deref(), Some("{ count = 2, per = \"month\" }"));
    assert_eq!(w.from, NaiveDate::from_ymd_opt(2017, 6, 1));
    assert_eq!(w.until, NaiveDate::from_ymd_opt(2017, 8, 31));
    let w = written("Fältassistenter under sommarmånaderna.", &[], 2017);
    assert_eq!((w.target, w.from), (None, None));
    assert!(
        w.reading.contains("\"under sommarmånaderna\""),
        "{}",
        w.reading
    );
}

#[test]
fn ids_are_short_and_unique() {
    let mut t = Ids::default();
    assert_eq!(
        make_id(
            "Kommunen lovar att genomföra trygghetsvandringar i centrum.",
            &mut t
        ),
        "trygghetsvandringar-centrum"
    );
    assert_eq!(
        make_id("Trygghetsvandringar.", &mut t),
        "trygghetsvandringar"
    );
    assert_eq!(
        make_id("Trygghetsvandringar.", &mut t),
        "trygghetsvandringar-2"
    );
    assert_eq!(make_id("Att.", &mut t), "aktivitet");
    assert_eq!(make_id("Uppföljning.", &mut t), "uppfoljning-aktivitet");
}

#[test]
fn ids_of_many_equal_items_cost_linear_work() {
    let mut t = Ids::default();
    for _ in 0..4000 {
        make_id("Fotpatrullera i centrum.", &mut t);
    }
    // A quadratic search would have tried about 8 million candidates.
    assert!(t.tried() <= 2 * 4000, "{} candidates tried", t.tried());
    assert_eq!(
        t.take("fotpatrullera-centrum".into()),
        "fotpatrullera-centrum-4001"
    );
}

#[test]
fn a_promise_of_several_things_is_split() {
    let (ps, parts) = split_promise(
            "Polisen och Karlstads kommun kommer tillsammans att ha fler tillsyner på krogar och nattklubbar för att kontrollera berusningsnivån, utveckla samverkan i insatser mot ungdomar och utveckla informationsutbytet om oroshärdar i kommunen.",
        )
        .unwrap();
    assert_eq!(ps, [Party::Polisen, Party::Kommunen]);
    assert_eq!(
        parts,
        [
            "Ha fler tillsyner på krogar och nattklubbar för att kontrollera berusningsnivån.",
            "Utveckla samverkan i insatser mot ungdomar.",
            "Utveckla informationsutbytet om oroshärdar i kommunen."
        ]
    );
}

#[test]
fn owners_partners_and_targets() {
    let a = activity(
        "Filipstads kommun och polisen lovar att genomföra trygghetsvandringar vid minst två tillfällen under året. Ansvarig: Kommunen",
        None,
        &mut Ids::default(),
    );
    assert_eq!(a.owners[0].who, Party::Kommunen);
    assert_eq!(a.partners[0].who, Party::Polisen);
    let mut a = a;
    let y = |m, d| NaiveDate::from_ymd_opt(2017, m, d).unwrap();
    let cx = Context {
        id: "",
        text: "",
        others: &[],
        period: (y(1, 1), y(12, 31)),
        kommuner: &[],
    };
    resolve(&mut a, &cx);
    assert_eq!(a.target.as_deref(), Some("{ count = 2, per = \"year\" }"));
    let a = activity(
        "Tillsammans med kommunen medverka i BRÅ.",
        Some(&[Party::Polisen]),
        &mut Ids::default(),
    );
    assert_eq!(a.owners[0].who, Party::Polisen);
    assert_eq!(a.partners[0].who, Party::Kommunen);
    let a = activity(
        "Trygghetsvandring med olika aktörer/ ansvarig kommunen",
        None,
        &mut Ids::default(),
    );
    assert_eq!(a.text, "Trygghetsvandring med olika aktörer.");
}

#[test]
fn a_bare_verb_before_och_shares_the_next_verbs_object() {
    let (ps, parts) =
        split_promise("Kommunen ansvarar för att planera och genomföra läxhjälp för unga.")
            .unwrap();
    assert_eq!(ps, [Party::Kommunen]);
    assert_eq!(parts.len(), 1);
    // Two verbs each with an object stay two.
    let (_, parts) =
        split_promise("Polisen ska besöka skolor och genomföra trafikkontroller.").unwrap();
    assert_eq!(parts.len(), 2);
}

#[test]
fn owners_in_brackets_beside_bodies_no_rule_knows() {
    let mut ids = Ids::default();
    let owners = |text: &str, ids: &mut Ids| -> Vec<String> {
        activity(text, None, ids)
            .owners
            .iter()
            .map(|o| o.who.name().to_string())
            .collect()
    };
    assert_eq!(
        owners("Årets stadskärna (kommun, polis och näringsliv)", &mut ids),
        ["kommunen", "polisen", "näringsliv"]
    );
    assert_eq!(
        owners(
            "Ta bort klotter snabbt (kommun och fastighetsägarna)",
            &mut ids
        ),
        ["kommunen", "fastighetsägarna"]
    );
    // A list of capitalised names is units, not owners; so is a list with no signing party.
    assert!(owners("Besök skolorna (Norrskolan, Söderskolan)", &mut ids).is_empty());
    assert!(owners("Besök skolorna (fritidsgården och biblioteket)", &mut ids).is_empty());
}

#[test]
fn och_att_and_samt_att_open_the_next_activity() {
    let (_, parts) = split_promise(
        "Polisen lovar att genomföra två vandringar per år och att hålla två möten per år samt att arbeta för grannsamverkan.",
    )
    .unwrap();
    assert_eq!(
        parts,
        [
            "Genomföra två vandringar per år.",
            "Hålla två möten per år.",
            "Arbeta för grannsamverkan."
        ]
    );
}
