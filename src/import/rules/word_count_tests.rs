//! Unit tests of `import::rules` (word_count_tests), on our own paraphrased wording.

use super::*;

fn t(s: &str) -> Option<(Kind, u32)> {
    target(s).map(|f| (f.kind, f.count))
}

#[test]
fn counts_without_a_window_are_over_the_period() {
    assert_eq!(
        t("minst 30 spaningsinsatser mot droger"),
        Some((Kind::CountNoWindow, 30))
    );
    assert_eq!(
        t("tillsyn av tobak (3 st) i butiker"),
        Some((Kind::CountNoWindow, 3))
    );
    assert_eq!(
        t("genomföra minst två st. insatser"),
        Some((Kind::CountNoWindow, 2))
    );
    // A number of pieces at an item's start, or inside it.
    assert_eq!(
        t("3 st riktade kontroller av mopeder."),
        Some((Kind::CountNoWindow, 3))
    );
    assert_eq!(
        t("polisen gör sex st besök på fritidsgården"),
        Some((Kind::CountNoWindow, 6))
    );
    // A measure is not a count of work.
    assert_eq!(t("för unga som är minst 15 år gamla"), None);
    assert_eq!(t("minst 20 minuter per besök"), None);
}

#[test]
fn a_number_that_is_not_a_count_of_work() {
    // How many there are, not how many times something is done.
    assert_eq!(t("Tre fältpoliser ska vara knutna till skolan."), None);
    assert_eq!(t("två trygghetsvärdar ska finnas i centrum"), None);
    // A number and what is done stays a count.
    assert_eq!(
        t("Två medborgardialoger ska genomföras."),
        Some((Kind::CountNoWindow, 2))
    );
}

#[test]
fn counts_in_words_with_brackets_and_quotes() {
    assert_eq!(
        t("finnas på plats vid minst två (2) ”riskkvällar” per år"),
        Some((Kind::Count(Per::Year), 2))
    );
    assert_eq!(
        t("vid minst fyra tillfällen per termin"),
        Some((Kind::Count(Per::HalfYear), 4))
    );
    // Every other week is 26 a year (the draft's reading says how it was read).
    assert_eq!(
        t("fotpatrull varannan vecka"),
        Some((Kind::Count(Per::Year), 26))
    );
}

fn k(s: &str) -> (Kind, u32) {
    let f = target(s).unwrap_or_else(|| panic!("no target in {s:?}"));
    (f.kind, f.count)
}

#[test]
fn every_other_week_weekday_or_weekend_is_26_a_year() {
    assert_eq!(
        k("föräldravandring varannan fredag"),
        (Kind::Count(Per::Year), 26)
    );
    assert_eq!(k("öppet hus varannan helg"), (Kind::Count(Per::Year), 26));
    assert_eq!(
        k("cykelpatrull varannan vecka"),
        (Kind::Count(Per::Year), 26)
    );
    // Every third week divides no year: still unwritten.
    assert_eq!(k("möte var tredje vecka").0, Kind::OtherWindow);
}

#[test]
fn compound_number_words() {
    assert_eq!(number("femtiotvå"), Some(52));
    assert_eq!(number("tjugoen"), Some(21));
    assert_eq!(number("tretton"), Some(13));
    assert_eq!(number("etthundra"), Some(100));
    assert_eq!(number("tvåhundrafemtio"), Some(250));
    assert_eq!(number("femtiofemtio"), None);
    assert_eq!(
        k("besöka skolorna femtiotvå gånger per år"),
        (Kind::Count(Per::Year), 52)
    );
    assert_eq!(
        k("minst arton kontroller under perioden"),
        (Kind::Count(Per::Period), 18)
    );
    assert_eq!(
        k("hålla sextio samtal per år"),
        (Kind::Count(Per::Year), 60)
    );
}

#[test]
fn every_other_month_is_six_a_year_and_every_third_week_is_not_written() {
    assert_eq!(
        k("möten minst en gång varannan månad"),
        (Kind::Count(Per::Year), 6)
    );
    assert_eq!(
        k("kontroller var tredje månad"),
        (Kind::Count(Per::Year), 4)
    );
    assert_eq!(k("fotpatrull var tredje vecka").0, Kind::OtherWindow);
}

#[test]
fn one_thing_done_once_and_several_left_open() {
    assert_eq!(
        k("Vi ska genomföra en trygghetsvandring i Norrby."),
        (Kind::Once, 1)
    );
    assert_eq!(
        k("Polisen lovar att hålla ett möte med handlarna."),
        (Kind::Once, 1)
    );
    assert_eq!(k("planera in en temadag för föräldrar"), (Kind::Once, 1));
    // "en gång per år" is a frequency, read before the one-thing rule.
    assert_eq!(
        k("genomföra en gång per år en kampanj"),
        (Kind::Count(Per::Year), 1)
    );
    assert_eq!(
        k("Genomföra flera insatser mot buskörning."),
        (Kind::OpenCount, 1)
    );
}

#[test]
fn yearly_words_parenthesised_numbers_and_averages() {
    assert_eq!(
        k("Den årliga cykelkampanjen vid skolorna."),
        (Kind::Count(Per::Year), 1)
    );
    assert_eq!(
        k("minst 3 (tre) insatser i centrum under året"),
        (Kind::Count(Per::Year), 3)
    );
    // An average per month over the year is a yearly count.
    let f = target("kontroller minst två gånger i månaden i snitt över året").unwrap();
    assert_eq!((f.kind, f.count), (Kind::Count(Per::Year), 24));
    assert!(f.words.contains("i snitt över året"), "{}", f.words);
    let f = target("kontroller minst två gånger i månaden").unwrap();
    assert_eq!((f.kind, f.count), (Kind::Count(Per::Month), 2));
}

#[test]
fn requests_in_other_words_and_no_occurrence_in_whenever_possible() {
    assert_eq!(
        k("Om det finns önskemål om en föreläsning kommer polisen.").0,
        Kind::OnRequest
    );
    assert_eq!(
        k("När förfrågningar kommer ställer vi upp.").0,
        Kind::OnRequest
    );
    assert_eq!(target("tala med de unga vid varje möjligt tillfälle"), None);
    assert_eq!(
        k("Vid varje sammanträde med rådet redovisa läget.").0,
        Kind::PerOccurrence
    );
}
