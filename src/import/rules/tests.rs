//! Unit tests of `import::rules` (tests), on our own paraphrased wording.

use super::*;

fn t(s: &str) -> (Kind, u32) {
    let f = target(s).unwrap_or_else(|| panic!("no target in {s:?}"));
    (f.kind, f.count)
}

#[test]
fn counts_in_a_named_year_every_day_and_every_school_term() {
    use Per::*;
    let c = Kind::Count;
    // A count within one named calendar year, before or after the year.
    assert_eq!(
        t("ordna dialogmöten vid minst sex tillfällen under 2019."),
        (c(Year), 6)
    );
    assert_eq!(
        t("Under 2021 ska tre gemensamma kampanjer om bedrägerier genomföras."),
        (c(Year), 3)
    );
    // One thing in a year is no yearly count; a range of years is no single year.
    assert_eq!(
        target("följas upp med en enkät under 2023, samt statistik").map(|f| f.kind),
        None
    );
    assert_ne!(
        target("fyra insatser under 2019-2020").map(|f| f.kind),
        Some(c(Year))
    );
    // Every day is seven a week, exactly.
    assert_eq!(
        t("minst en hastighetskontroll varje dygn på landsvägen"),
        (c(Week), 7)
    );
    assert_eq!(t("fältarbete dagligen i centrum"), (c(Week), 7));
    // A school term is a half-year, as "termin" is.
    assert_eq!(
        t("besöka varje högstadieklass varje skoltermin"),
        (c(HalfYear), 1)
    );
    assert_eq!(t("två föräldramöten per läsår"), (c(Year), 2));
}

#[test]
fn number_words() {
    assert_eq!(number("två"), Some(2));
    assert_eq!(number("Tolv"), Some(12));
    assert_eq!(number("25"), Some(25));
    assert_eq!(number("många"), None);
}

#[test]
fn counts_per_window() {
    use Per::*;
    let c = |p| Kind::Count(p);
    assert_eq!(t("vid minst två tillfällen under året"), (c(Year), 2));
    assert_eq!(
        t("vid minst två tillfällen under respektive år"),
        (c(Year), 2)
    );
    assert_eq!(t("minst två gånger respektive år"), (c(Year), 2));
    assert_eq!(t("Samverkansmöten en gång i veckan med"), (c(Week), 1));
    assert_eq!(t("en gång per vecka"), (c(Week), 1));
    assert_eq!(t("möten varje månad"), (c(Month), 1));
    assert_eq!(t("minst 25 insatser under perioden"), (c(Period), 25));
    assert_eq!(t("en föräldraträff en gång per termin"), (c(HalfYear), 1));
    assert_eq!(t("tre trygghetsvandringar per år"), (c(Year), 3));
    assert_eq!(t("fyra gånger per kvartal"), (c(Quarter), 4));
    assert_eq!(t("tolv insatser om året"), (c(Year), 12));
    assert_eq!(t("två (2) gånger per halvår"), (c(HalfYear), 2));
    assert_eq!(t("information som lämnas årligen"), (c(Year), 1));
    assert_eq!(t("veckovis avstämning"), (c(Week), 1));
    assert_eq!(t("vid två tillfällen"), (Kind::CountNoWindow, 2));
    assert_eq!(t("kontroller 2 gånger/år"), (c(Year), 2));
    assert_eq!(t("möte 1 ggr / månad"), (c(Month), 1));
    // A year before the count is no count.
    assert_eq!(
        t("Under 2018 och 2019 genomföra två riktade insatser/år i centrum"),
        (c(Year), 2)
    );
    assert_eq!(t("1200 besök per år"), (c(Year), 1200));
    assert_eq!(t("patrull varannan vecka"), (c(Year), 26));
    // Every day is exactly seven a week (the draft says so in its reading).
    assert_eq!(t("närvaro dagligen"), (c(Week), 7));
}

#[test]
fn issue_11_kinds() {
    assert_eq!(
        t("ett antal riktade insatser mot langning").0,
        Kind::OpenCount
    );
    assert_eq!(
        t("vid varje möte i trygghetsrådet redovisa läget").0,
        Kind::PerOccurrence
    );
    assert_eq!(
        t("efter varje trygghetsvandring åtgärda ett förslag").0,
        Kind::PerOccurrence
    );
    assert_eq!(
        t("om en skola eller förening ber om besök kommer vi").0,
        Kind::OnRequest
    );
    assert_eq!(t("besök på begäran").0, Kind::OnRequest);
    assert_eq!(
        t("ett föräldramöte per termin på varje högstadieskola").0,
        Kind::PerUnit
    );
    assert_eq!(t("två gånger per år i varje kommun").0, Kind::PerUnit);
    assert_eq!(
        t("trygghetsvandringar i tre av de prioriterade områdena och en dialog").0,
        Kind::Parts
    );
    assert_eq!(t("varje tisdagskväll på biblioteket").0, Kind::WeeklySlot);
    assert_eq!(t("öppet hus tisdagar").0, Kind::WeeklySlot);
    let f = target("mottagning alla onsdagar kl. 17–19").unwrap();
    assert_eq!(
        (f.kind, f.words.as_str()),
        (Kind::WeeklySlot, "alla onsdagar")
    );
    assert_eq!(t("patrullera varje helg").0, Kind::WeeklySlot);
    assert_eq!(t("fotpatrull under sommarmånaderna").0, Kind::OwnFrame);
    assert_eq!(t("från mars varje vecka").0, Kind::OwnFrame);
}

#[test]
fn vague_and_milestones() {
    assert_eq!(t("regelbundna besök i butiker").0, Kind::Vague);
    assert_eq!(t("Att införa cityvärdar").0, Kind::Once);
    assert_eq!(
        t("Kommunen lovar att se över trafiksituationen").0,
        Kind::Once
    );
    // Drawing up or revising a plan is done once.
    assert_eq!(t("ta fram ett program för gatubelysning").0, Kind::Once);
    assert_eq!(
        t("Polis och kommun ska i samverkan ta fram en bild av läget i hamnen.").0,
        Kind::Once
    );
    assert_eq!(
        t("revidera de lokala föreskrifterna om buller").0,
        Kind::Once
    );
    assert_eq!(target("Trygghetsvandring med olika aktörer."), None);
    assert_eq!(target("Hastighetskontroller i samtliga kommundelar."), None);
    // A duration is not a count.
    assert_eq!(target("under två (2) år aktivt"), None);
}

#[test]
fn furniture() {
    assert!(is_furniture("Sök på polisen.se"));
    assert!(is_furniture("Till toppen"));
    assert!(is_furniture("Stäng Meny"));
    assert!(is_furniture(
        "JavaScript är inte påslaget i din webbläsare. Vi rekommenderar"
    ));
    assert!(is_furniture(
        "Vi använder kakor för att förbättra webbplatsen."
    ));
    assert!(is_furniture("Här kan du läsa hela medborgarlöftet."));
    assert!(is_furniture("Uppdaterad den"));
    assert!(!is_furniture("Uppföljning"));
    assert!(!is_furniture("Polisen lovar"));
}

#[test]
fn a_count_the_window_opens() {
    use Per::*;
    let c = Kind::Count;
    assert_eq!(
        t("Varje år ska minst två insatsveckor mot langning genomföras."),
        (c(Year), 2)
    );
    assert_eq!(
        t("Varje termin genomför polisen tre föräldramöten."),
        (c(HalfYear), 3)
    );
    // "varje år" alone stays one a year.
    assert_eq!(t("Varje år hålls en trygghetsvandring."), (c(Year), 1));
}
