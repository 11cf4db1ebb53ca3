//! Unit tests of `import::dates` (tests), on our own paraphrased wording.

use super::*;

#[test]
fn a_first_year_without_a_last_is_open_ended() {
    let f = period_facts("Löftet gäller från 2023 och följs upp varje höst.");
    assert_eq!(f.years, None);
    assert_eq!(f.from_year.map(|y| y.0), Some(2023));
    let f = period_facts("Från och med 2024 lovar polisen att:");
    assert_eq!(f.from_year.map(|y| y.0), Some(2024));
    // A range is both ends, not an open one.
    let f = period_facts("Löftet gäller från 2023 till 2025.");
    assert_eq!(f.from_year, None);
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2023, 2025)));
    let f = period_facts("Medborgarlöftet gäller från 2023 till och med 2024.");
    assert_eq!(f.from_year, None);
    let f = period_facts("Följande löften har valts för 2026-2027:");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2026, 2027)));
    // A season's year is not the löfte's ("kartläggningen gjordes under hösten 2016").
    let f = period_facts("en kartläggning som gjordes under hösten 2026");
    assert_eq!(f.years, None);
    // "under perioden den aktuella" wording.
    let f = period_facts("Under den aktuella tidsperioden 2025-2028 ska vi arbeta med:");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2025, 2028)));
}

#[test]
fn period_phrases() {
    let f =
        period_facts("Medborgarlöftet gäller tills nya medborgarlöften för 2017 undertecknats.");
    assert!(f.until_replaced.is_some());
    assert_eq!(f.years, None);
    let f = period_facts("Filipstads kommun har tecknat medborgarlöften för 2016.");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2016, 2016)));
    let f = period_facts("följande medborgarlöften för perioden 2017-2018.");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2017, 2018)));
    let f = period_facts("Medborgarlöftet gäller under 2019.");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2019, 2019)));
    let f = period_facts("medborgarlöftet som gäller fram till den 30 september 2017.");
    assert_eq!(f.end.map(|e| e.0), NaiveDate::from_ymd_opt(2017, 9, 30));
    let f = period_facts("pågår från och med tecknandet av medborgarlöftet och två år framåt");
    assert_eq!(f.years_long.map(|l| l.0), Some(2));
    assert!(f.from_signing.is_some());
    let f = period_facts("prioritera arbetet det kommande året");
    assert_eq!(f.years_long.map(|l| l.0), Some(1));
    let f = period_facts("Löftet gäller från den 1 mars 2019 till den 29 februari 2020.");
    assert_eq!(f.start.map(|s| s.0), NaiveDate::from_ymd_opt(2019, 3, 1));
    assert_eq!(f.end.map(|s| s.0), NaiveDate::from_ymd_opt(2020, 2, 29));
    assert_eq!(
        period_facts("Medborgarlöfte 2016-2017").years.map(|y| y.1),
        Some(2017)
    );
    assert!(
        period_facts("Medborgarlöftet gäller tills vidare.")
            .until_replaced
            .is_some()
    );
}

#[test]
fn years_in_a_title() {
    let f = title_years("Medborgarlöfte för Tierp 2019");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2019, 2019)));
    let f = title_years("Kristinehamn – medborgarlöften 2016–2017");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2016, 2017)));
    assert_eq!(title_years("Medborgarlöfte i Orsa").years, None);
}

#[test]
fn a_season_of_a_year_and_a_löfte_in_a_named_kommun() {
    assert_eq!(
        season_year("bjuder in vid minst två tillfällen under våren 2022."),
        Some((2022, "under våren 2022".to_string()))
    );
    assert_eq!(season_year("under hösten genomförs"), None);
    let f = period_facts("Lokalt medborgarlöfte i Borlänge kommun 2021.");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2021, 2021)));
    // Lower-case words after "i" are no place.
    let f = period_facts("Medborgarlöftet i samverkan med kommunen 2020-2023 gäller.");
    assert_eq!(f.years, None);
}

#[test]
fn signing_and_area() {
    assert_eq!(
        signed("Alvesta den 28 februari 2017"),
        NaiveDate::from_ymd_opt(2017, 2, 28)
    );
    assert_eq!(
        signed("Löftet undertecknades den 3 mars 2019 av"),
        NaiveDate::from_ymd_opt(2019, 3, 3)
    );
    // The place between the verb and the date.
    assert_eq!(
        signed("Undertecknat i Borlänge 4 april 2021"),
        NaiveDate::from_ymd_opt(2021, 4, 4)
    );
    assert_eq!(signed("Alvesta kommun lovar"), None);
    assert_eq!(
        lokalpolisomrade("kommun och lokalpolisområde Kristinehamn har").as_deref(),
        Some("Kristinehamn")
    );
    assert_eq!(lokalpolisomrade("lokalpolisområdeschef skriver"), None);
    // The genitive before "medborgarlöften" is the name's, not the name.
    assert_eq!(
        lokalpolisomrade("Lokalpolisområde Nackas medborgarlöften 2022.").as_deref(),
        Some("Nacka")
    );
    assert_eq!(
        lokalpolisomrade("lokalpolisområde Västerås har lyssnat").as_deref(),
        Some("Västerås")
    );
    assert_eq!(
        lokalpolisomrade("från lokalpolisområde Södra Fyrbodal och de tre").as_deref(),
        Some("Södra Fyrbodal")
    );
}

#[test]
fn followup_timing() {
    assert_eq!(
        followup_when("ska ske första kvartalet 2017.").map(|w| w.0),
        Some(When::Quarter(2017, 1))
    );
    assert_eq!(
        followup_when("ska årligen följas upp").map(|w| w.0),
        Some(When::Yearly)
    );
    assert_eq!(
        followup_when("kommer att ske kontinuerligt via").map(|w| w.0),
        Some(When::Continuous)
    );
    assert_eq!(
        followup_when("senast den 31 mars 2018").map(|w| w.0),
        Some(When::Date(NaiveDate::from_ymd_opt(2018, 3, 31).unwrap()))
    );
}

#[test]
fn the_years_before_until_the_next_loefte_are_this_ones() {
    let f = period_facts(
        "Medborgarlöftena gäller under 2017-2018 och fram tilldess nya medborgarlöften för 2019 har tecknats.",
    );
    assert_eq!(f.years.as_ref().map(|y| (y.0, y.1)), Some((2017, 2018)));
    assert!(f.until_replaced.is_some());
}

#[test]
fn iso_ends_double_hyphen_ranges_and_loeften_given_for_a_year() {
    let f = period_facts("Medborgarlöftet är giltigt till 2023-12-31.");
    assert_eq!(f.end.map(|e| e.0), NaiveDate::from_ymd_opt(2023, 12, 31));
    let f = period_facts("Medborgarlöftet kommer att löpa från 2018-01-01--2019-12-31");
    assert_eq!(f.start.map(|e| e.0), NaiveDate::from_ymd_opt(2018, 1, 1));
    assert_eq!(f.end.map(|e| e.0), NaiveDate::from_ymd_opt(2019, 12, 31));
    let f = period_facts("Här är de medborgarlöften som kommunen och polisen avger inför 2016.");
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2016, 2016)));
}

/// The sentences of a body, split at line breaks and full stops (as `clean::sentences` does
/// for the texts these come from).
fn sentences(body: &str) -> Vec<String> {
    body.lines()
        .flat_map(|l| l.split_inclusive(". "))
        .map(|s| s.trim().to_string())
        .collect()
}

#[test]
fn a_year_named_about_the_loefte_is_read_before_years_named_elsewhere() {
    let body = "Under 2018 anmäldes fler brott än under 2017 och 2018.\n\
                Löftena som kommunen och polisen enats om tas fram inför 2019.\n\
                Agenda 2030 styr kommunens arbete.";
    let (y, s, about) = named_year(&sentences(body)).unwrap();
    assert_eq!((y, about), (2019, YearFrom::Lofte));
    assert!(s.contains("inför 2019"), "{s}");
    // The latest of the years sentences about the löfte name.
    let (y, _, _) = named_year(&sentences(
        "Löftet från 2017 följdes upp. Det nya löftet gäller 2018 ut.",
    ))
    .unwrap();
    assert_eq!(y, 2018);
}

#[test]
fn otherwise_the_year_named_most_often_and_never_page_furniture_or_a_programme() {
    let body = "Publicerad: 3 februari 2024\nUppdaterad 2025-01-10\n\
                Under 2020 ökade skadegörelsen. Arbetet 2020 gav resultat. Sedan 2021 finns en grupp.";
    let (y, s, about) = named_year(&sentences(body)).unwrap();
    assert_eq!((y, about), (2020, YearFrom::Often));
    assert!(s.contains("2020"), "{s}");
    // A tie: the latest.
    assert_eq!(
        named_year(&sentences("Under 2020 hände A. Under 2021 hände B.")).map(|y| y.0),
        Some(2021)
    );
    // The page's date line only when no sentence names a year.
    assert_eq!(
        named_year(&sentences("2016-10-04\nUnder 2015 ökade inbrotten.")).map(|y| y.0),
        Some(2015)
    );
    let (y, _, from) = named_year(&sentences("2016-10-04\nPolisen lovar att synas.")).unwrap();
    assert_eq!((y, from), (2016, YearFrom::PageDate));
    // Only furniture and a programme: no year at all.
    assert_eq!(
        named_year(&sentences(
            "Publicerad: 3 februari 2021\nVi arbetar för Agenda 2030 och Vision 2030."
        )),
        None
    );
}
