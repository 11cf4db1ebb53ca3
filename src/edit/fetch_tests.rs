//! Tests of the pure parts of reading open data: the plan's duplicate and correction rules,
//! Kolada's answers (paging, shape changes, preliminary values, reference areas) and CSV
//! exports.

use chrono::NaiveDate;

use super::*;
use crate::load::kolada::{self, KpiMeta};
use crate::load::table;
use crate::model::series::{Compare, Gender, Series, years};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn prov() -> Provenance<'static> {
    Provenance {
        source: "Kolada N07403",
        fetched: d("2025-11-01"),
        by: Some("Anna"),
    }
}

fn held(date: &str, value: f64, preliminary: bool) -> Measurement {
    Measurement {
        indicator: "brott".into(),
        date: d(date),
        value,
        source: None,
        note: None,
        by: None,
        fetched: None,
        preliminary,
        corrects: None,
        span: 0..0,
    }
}

fn published(year: i32, value: f64, preliminary: bool) -> Published {
    Published {
        year,
        value,
        preliminary,
        compare: Vec::new(),
    }
}

#[test]
fn a_plan_adds_what_is_missing_leaves_what_is_there_and_reports_a_change() {
    let existing = [
        held("2021-12-31", 9100.5, false),
        // Hand-entered, on another day of the year: the same value is there.
        held("2022-06-30", 8800.0, false),
        held("2023-12-31", 8000.0, false),
        held("2024-12-31", 7000.0, true),
    ];
    let steps = plan(
        "brott",
        &existing,
        &[
            published(2024, 7000.0, false),
            published(2020, 9500.0, false),
            published(2021, 9100.5, false),
            published(2022, 8800.0, false),
            published(2023, 8650.25, false),
            published(2025, 6000.0, true),
        ],
        &prov(),
    );
    let kinds: Vec<String> = steps
        .iter()
        .map(|s| match s {
            Step::Add(m) => format!("add {} {}", m.date, m.value),
            Step::Present { year, .. } => format!("present {year}"),
            Step::Changed { year, old, new, .. } => {
                format!(
                    "changed {year} {old} -> {} corrects {:?}",
                    new.value, new.corrects
                )
            }
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "add 2020-12-31 9500",
            "present 2021",
            "present 2022",
            "changed 2023 8000 -> 8650.25 corrects Some(8000.0)",
            // Preliminary before, final now: a change, even with the same value.
            "changed 2024 7000 -> 7000 corrects Some(7000.0)",
            "add 2025-12-31 6000",
        ]
    );
    let Step::Add(m) = &steps[5] else { panic!() };
    assert!(m.preliminary);
    assert_eq!(m.source.as_deref(), Some("Kolada N07403"));
    assert_eq!(m.fetched, Some(d("2025-11-01")));
    assert_eq!(m.by.as_deref(), Some("Anna"));
}

#[test]
fn after_a_correction_the_correction_is_what_the_file_holds() {
    let mut fixed = held("2023-12-31", 8650.25, false);
    fixed.corrects = Some(8000.0);
    let existing = [held("2023-05-01", 8000.0, false), fixed];
    let steps = plan(
        "brott",
        &existing,
        &[published(2023, 8650.25, false)],
        &prov(),
    );
    assert_eq!(
        steps,
        [Step::Present {
            year: 2023,
            value: 8650.25
        }]
    );
}

#[test]
fn the_years_read_are_the_baseline_year_through_the_period_up_to_last_year() {
    assert_eq!(
        years(Some(2021), 2022, 2024, 2024),
        [2021, 2022, 2023, 2024]
    );
    assert_eq!(years(None, 2022, 2024, 2023), [2022, 2023]);
    assert_eq!(years(Some(2023), 2022, 2024, 2030), [2022, 2023, 2024]);
    assert!(years(None, 2026, 2028, 2025).is_empty());
    // At most 25 years in one request.
    assert_eq!(years(Some(1990), 2020, 2024, 2024).len(), 25);
}

const PAGE: &str = r#"{"values": [
 {"kpi": "N07403", "municipality": "1762", "period": 2022, "values": [
   {"count": 1, "gender": "T", "status": "", "value": 8800},
   {"count": 1, "gender": "K", "status": "", "value": 4000.5}]},
 {"kpi": "N07403", "municipality": "0000", "period": "2022", "values": [{"count": 1, "gender": "T", "status": "", "value": 13000}]},
 {"kpi": "N07403", "municipality": "0017", "period": 2022, "values": [{"count": 1, "gender": "T", "status": null, "value": null}]},
 {"kpi": "N07403", "municipality": "1762", "period": 2023, "values": [{"count": 1, "gender": "T", "status": "P", "value": 8650.25}]},
 {"kpi": "N07403", "municipality": "1762", "period": 2024, "values": [{"count": 1, "gender": "T", "status": "", "value": null}]}
], "count": 5, "next_page": "https://mirror.example/v2/data/kpi/N07403/year/2022?page=2"}"#;

#[test]
fn kolada_pages_are_read_in_the_documented_shape() {
    let page = kolada::parse_data(PAGE).unwrap();
    assert_eq!(page.rows.len(), 6);
    assert_eq!(
        page.next.as_deref(),
        Some("https://mirror.example/v2/data/kpi/N07403/year/2022?page=2")
    );
    assert_eq!(page.rows[2].year, 2022, "a period written as a string");
    assert_eq!(page.rows[4].status, "P");
    assert_eq!(page.rows[5].value, None);
    // v3's name for the next page, and an answer without one.
    let v3 = kolada::parse_data(r#"{"values": [], "next_url": "http://x/v3/p2"}"#).unwrap();
    assert_eq!(v3.next.as_deref(), Some("http://x/v3/p2"));
    let last = kolada::parse_data(r#"{"values": [], "count": 0, "next_page": null}"#).unwrap();
    assert_eq!(last.next, None);
}

#[test]
fn a_changed_shape_is_said_in_words() {
    for (body, said) in [
        ("<html>Service Unavailable</html>", "the answer is not JSON"),
        ("[1, 2]", "the answer is not a JSON object"),
        (r#"{"count": 0}"#, "the answer has no `values`"),
        (r#"{"values": {}}"#, "`values` is not a list"),
        (r#"{"values": [1]}"#, "item 1 of `values` is not an object"),
        (
            r#"{"values": [{"period": 2020, "values": []}]}"#,
            "item 1 has no `municipality` id",
        ),
        (
            r#"{"values": [{"municipality": "1762", "period": "last year", "values": []}]}"#,
            "item 1 has no `period` year",
        ),
        (
            r#"{"values": [{"municipality": "1762", "period": 2020, "values": [{"value": "12"}]}]}"#,
            "a `value` of item 1 is not a number",
        ),
        (
            r#"{"values": [], "next_page": 3}"#,
            "`next_page` is not an address",
        ),
    ] {
        let e = kolada::parse_data(body).unwrap_err();
        assert!(e.0.starts_with(said), "{body}: {e}");
    }
}

#[test]
fn the_kommuns_values_come_with_the_reference_areas_and_preliminary_marks() {
    let rows = kolada::parse_data(PAGE).unwrap().rows;
    let series = Series {
        kolada: "N07403".into(),
        gender: Gender::T,
        compare: vec![Compare::Riket, Compare::Lan],
    };
    assert_eq!(kolada::areas(&series, "1762"), ["1762", "0000", "0017"]);
    let got = kolada::published(&series, "1762", &rows, None, d("2025-11-01"));
    assert_eq!(
        got,
        [
            Published {
                year: 2022,
                value: 8800.0,
                preliminary: false,
                // The län has no value (null): left out.
                compare: vec![(Compare::Riket, 13000.0)],
            },
            Published {
                year: 2023,
                value: 8650.25,
                preliminary: true,
                compare: vec![],
            },
        ]
    );
    let women = Series {
        gender: Gender::K,
        compare: vec![],
        ..series
    };
    let got = kolada::published(&women, "1762", &rows, None, d("2025-11-01"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].value, 4000.5);
    assert!(kolada::published(&women, "1780", &rows, None, d("2025-11-01")).is_empty());
}

#[test]
fn publication_metadata_marks_the_year_between_its_two_publications_preliminary() {
    let body = r#"{"values": [{"id": "U07460", "title": "Trygghet", "publication_date": "2026-06-01",
        "prel_publication_date": "2025-09-01", "publ_period": "2024"}], "count": 1}"#;
    let meta = kolada::parse_kpi(body, "U07460").unwrap().unwrap();
    assert_eq!(
        meta,
        KpiMeta {
            title: Some("Trygghet".into()),
            publication_date: Some(d("2026-06-01")),
            prel_publication_date: Some(d("2025-09-01")),
            publ_period: Some(2024),
        }
    );
    assert!(kolada::meta_preliminary(&meta, 2024, d("2025-11-01")));
    assert!(!kolada::meta_preliminary(&meta, 2023, d("2025-11-01")));
    assert!(!kolada::meta_preliminary(&meta, 2024, d("2026-06-01")));
    assert!(!kolada::meta_preliminary(&meta, 2024, d("2025-08-31")));
    assert_eq!(
        kolada::parse_kpi(r#"{"values": [], "count": 0}"#, "U07460").unwrap(),
        None
    );
    assert!(kolada::status_preliminary("P"));
    assert!(kolada::status_preliminary("Preliminär"));
    assert!(!kolada::status_preliminary(""));
}

#[test]
fn key_figure_ids_and_addresses() {
    assert!(kolada::valid_id("N07540"));
    assert!(kolada::valid_id("U28116"));
    for bad in ["n07540", "N0754", "N075400", "NN0754", "", "N0754x"] {
        assert!(!kolada::valid_id(bad), "{bad}");
    }
    assert_eq!(
        kolada::data_url(
            "https://api.kolada.se/v3/",
            "N07540",
            &["1762".into(), "0000".into()],
            &[2022, 2023]
        ),
        "https://api.kolada.se/v3/data/kpi/N07540/municipality/1762,0000/year/2022,2023"
    );
    assert_eq!(
        kolada::kpi_url("http://127.0.0.1:8080/v3", "N07540"),
        "http://127.0.0.1:8080/v3/kpi/N07540"
    );
}

#[test]
fn csv_exports_in_swedish_and_english() {
    let rows = table::parse(
        "\u{feff}Region;År;Anmälda brott per 100 000 invånare\r\nMunkfors;2021;9 100,5\r\n\
         Riket;2021;13 000\r\n\r\nMunkfors;2022;..\r\n",
    )
    .unwrap();
    assert_eq!(
        rows,
        [
            table::Row {
                line: 2,
                kommun: "Munkfors".into(),
                year: 2021,
                value: Some(9100.5)
            },
            table::Row {
                line: 3,
                kommun: "Riket".into(),
                year: 2021,
                value: Some(13000.0)
            },
            table::Row {
                line: 5,
                kommun: "Munkfors".into(),
                year: 2022,
                value: None
            },
        ]
    );
    // English, commas, quoted values with decimal commas, the value column named.
    let rows = table::parse("Year,Municipality,Note,Value\n2023,1762,\"x, y\",\"61,5\"\n").unwrap();
    assert_eq!(rows[0].kommun, "1762");
    assert_eq!(rows[0].value, Some(61.5));
    // Tabs.
    let rows = table::parse("kommun\tår\tvärde\nMunkfors\t2020\t3.25\n").unwrap();
    assert_eq!(rows[0].value, Some(3.25));
}

#[test]
fn a_bad_export_is_refused_with_its_line() {
    for (text, line, said) in [
        ("", 0, "the file is empty"),
        (
            "Namn;År;Värde\nMunkfors;2021;1\n",
            1,
            "no kommun column among the headers (Namn, År, Värde)",
        ),
        ("Kommun;Värde\nMunkfors;1\n", 1, "no year column"),
        ("Kommun;År\nMunkfors;2021\n", 1, "no value column"),
        (
            "Kommun;År;Värde\nMunkfors;2021;1\nMunkfors;förra året;2\n",
            3,
            "\"förra året\" in column År is not a year",
        ),
        (
            "Kommun;År;Värde\nMunkfors;2021;12 %\n",
            2,
            "\"12 %\" in column Värde is not a number",
        ),
        ("Kommun;År;Värde\n;2021;1\n", 2, "the kommun is empty"),
    ] {
        let e = table::parse(text).unwrap_err();
        assert_eq!(e.line, line, "{text}");
        assert!(e.message.starts_with(said), "{text}: {}", e.message);
    }
}
