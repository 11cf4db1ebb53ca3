//! What `measure --fetch` and `--from-csv` append, given the measurements already in the
//! file: each published value not yet there, nothing twice, and a changed value only as a
//! correction (with `--update`). Pure.

use chrono::NaiveDate;

use crate::model::outcome::Measurement;
use crate::model::series::{Published, year_day};

#[cfg(test)]
#[path = "fetch_tests.rs"]
mod tests;

/// The provenance of a fetched or imported value.
#[derive(Debug, Clone)]
pub struct Provenance<'a> {
    /// "Kolada N07540", or the CSV file's name.
    pub source: &'a str,
    /// The run's day.
    pub fetched: NaiveDate,
    /// Who ran it (as `done` records it).
    pub by: Option<&'a str>,
}

/// What a fetch does about one published value.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A value not yet in the file: appended.
    Add(Measurement),
    /// The same value is in the file already: nothing written.
    Present { year: i32, value: f64 },
    /// The file has another value for the year (hand-entered or fetched earlier). Written,
    /// as a new entry that says what it corrects, only with `--update`.
    Changed {
        year: i32,
        old: f64,
        old_preliminary: bool,
        new: Measurement,
    },
}

/// The value the file holds for an indicator's year: the last entry of that year in file
/// order (a correction comes after what it corrects).
fn held<'m>(existing: &'m [Measurement], indicator: &str, year: i32) -> Option<&'m Measurement> {
    use chrono::Datelike;
    existing
        .iter()
        .rfind(|m| m.indicator == indicator && m.date.year() == year)
}

/// What to do with each published value, given the file's measurements: append what is
/// missing, leave what is there, and report (never overwrite) a value that changed. A value
/// that was preliminary and is now final counts as changed.
pub fn plan(
    indicator: &str,
    existing: &[Measurement],
    published: &[Published],
    p: &Provenance<'_>,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut years: Vec<&Published> = published.iter().collect();
    years.sort_by_key(|v| v.year);
    years.dedup_by_key(|v| v.year);
    for v in years {
        let Some(date) = year_day(v.year) else {
            continue;
        };
        let note = (!v.compare.is_empty()).then(|| {
            v.compare
                .iter()
                .map(|(c, x)| format!("{} {x}", c.label()))
                .collect::<Vec<_>>()
                .join(", ")
        });
        let m = Measurement {
            indicator: indicator.to_string(),
            date,
            value: v.value,
            source: Some(p.source.to_string()),
            note,
            by: p.by.map(str::to_string),
            fetched: Some(p.fetched),
            preliminary: v.preliminary,
            corrects: None,
            span: 0..0,
        };
        match held(existing, indicator, v.year) {
            None => steps.push(Step::Add(m)),
            Some(h)
                if h.value.to_bits() == v.value.to_bits() && (v.preliminary || !h.preliminary) =>
            {
                steps.push(Step::Present {
                    year: v.year,
                    value: v.value,
                })
            }
            Some(h) => steps.push(Step::Changed {
                year: v.year,
                old: h.value,
                old_preliminary: h.preliminary,
                new: Measurement {
                    corrects: Some(h.value),
                    ..m
                },
            }),
        }
    }
    steps
}
