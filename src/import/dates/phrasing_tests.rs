//! Unit tests of `import::dates` (phrasing_tests), on our own paraphrased wording.

use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn range(s: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let f = period_facts(s);
    (f.start.map(|x| x.0), f.end.map(|x| x.0))
}

#[test]
fn date_and_month_ranges() {
    assert_eq!(
        range("Löftet gäller under perioden 1 mars 2021 – 28 februari 2022."),
        (d(2021, 3, 1), d(2022, 2, 28))
    );
    assert_eq!(
        range("Löftet gäller från 1 januari 2020- 31 december 2021."),
        (d(2020, 1, 1), d(2021, 12, 31))
    );
    assert_eq!(
        range("löftet kommer att löpa från 2019-07-01—2021-06-30"),
        (d(2019, 7, 1), d(2021, 6, 30))
    );
    assert_eq!(
        range("För detta lovar vi januari 2019 - december 2019:"),
        (d(2019, 1, 1), d(2019, 12, 31))
    );
    assert_eq!(
        range("Vi arbetar under april 2022 till april 2023."),
        (d(2022, 4, 1), d(2023, 4, 30))
    );
    assert_eq!(
        range("Medborgarlöfte januari-juni 2025"),
        (d(2025, 1, 1), d(2025, 6, 30))
    );
    assert_eq!(
        range("under perioden januari - december 2023"),
        (d(2023, 1, 1), d(2023, 12, 31))
    );
    assert_eq!(
        range("Med början torsdagen den 3 mars 2022 finns polisen på torget."),
        (d(2022, 3, 3), None)
    );
}

#[test]
fn only_the_end() {
    assert_eq!(
        range("Löftet sträcker sig fram till december 2022."),
        (None, d(2022, 12, 31))
    );
    assert_eq!(
        range("Medborgarlöftet löper fram till 1 augusti 2023."),
        (None, d(2023, 8, 1))
    );
}

#[test]
fn years_in_words() {
    let y = |s: &str| period_facts(s).years.map(|y| (y.0, y.1));
    assert_eq!(
        y("Löftet gäller under perioden 2022 till och med 2024."),
        Some((2022, 2024))
    );
    assert_eq!(
        y("Medborgarlöftet gäller under hela 2020."),
        Some((2020, 2020))
    );
    assert_eq!(y("medborgarlöftet för år 2021"), Some((2021, 2021)));
    assert_eq!(y("insatser under åren 2019 och 2020"), Some((2019, 2020)));
    assert_eq!(y("Medborgarlöftet 2019/2020"), Some((2019, 2020)));
    assert_eq!(
        title_years("Medborgarlöfte Ale 2022-2023")
            .years
            .map(|y| (y.0, y.1)),
        Some((2022, 2023))
    );
}

#[test]
fn more_years_in_words() {
    let y = |s: &str| period_facts(s).years.map(|y| (y.0, y.1));
    // A year before the word ("årets löfte" written out), a minus sign as the dash, and
    // "gäller från … till och med …" with bare years.
    assert_eq!(
        y("Ordföranden skrev under 2023 års medborgarlöfte i dag."),
        Some((2023, 2023))
    );
    assert_eq!(
        y("Under 2022−2025 lovar kommunen och polisen att minska skadegörelsen."),
        Some((2022, 2025))
    );
    assert_eq!(
        y("Löftet gäller från 2019 till och med 2021."),
        Some((2019, 2021))
    );
    let f = period_facts("kommer under perioden 2021-10-01 − 2022-04-30 arbeta med");
    assert_eq!(f.start.map(|s| s.0), NaiveDate::from_ymd_opt(2021, 10, 1));
    assert_eq!(f.end.map(|s| s.0), NaiveDate::from_ymd_opt(2022, 4, 30));
}

#[test]
fn an_earlier_loftes_years_are_not_this_ones() {
    let f = period_facts(
        "Löftet förlänger det tidigare medborgarlöftet för 2017-2018 och gäller under åren 2019-2020.",
    );
    assert_eq!(f.years.map(|y| (y.0, y.1)), Some((2019, 2020)));
}

#[test]
fn a_start_without_its_year_takes_the_ends() {
    let f = period_facts("Löftet ska påbörjas 2 september och pågå till och med 31 december 2019.");
    assert_eq!(f.start.map(|s| s.0), NaiveDate::from_ymd_opt(2019, 9, 2));
    let f = period_facts("Från 1 november och till och med 28 februari 2020.");
    assert_eq!(f.start.map(|s| s.0), NaiveDate::from_ymd_opt(2019, 11, 1));
}

#[test]
fn a_date_line_and_months_without_a_year() {
    assert_eq!(
        date_line("2023-04-11"),
        NaiveDate::from_ymd_opt(2023, 4, 11)
    );
    assert_eq!(
        date_line(" 5 september 2019 "),
        NaiveDate::from_ymd_opt(2019, 9, 5)
    );
    assert_eq!(date_line("Publicerad 2023-04-11"), None);
    let f = months_in_year("Inriktning för perioden april-juni", 2023).unwrap();
    assert_eq!(f.start.map(|s| s.0), NaiveDate::from_ymd_opt(2023, 4, 1));
    assert_eq!(f.end.map(|s| s.0), NaiveDate::from_ymd_opt(2023, 6, 30));
    let f = months_in_year("under perioden november - februari", 2023).unwrap();
    assert_eq!(f.end.map(|s| s.0), NaiveDate::from_ymd_opt(2024, 2, 29));
    // A year stated with the months is read by the ordinary rules, not here.
    assert_eq!(months_in_year("under perioden mars-maj 2021", 2023), None);
}
