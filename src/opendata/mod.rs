//! Values read from Swedish open data: the indicator's source series (`source = { kolada =
//! "N07540" }`), the published values a service returns, and what a fetch appends given the
//! measurements already in the file. Pure: [`kolada`] builds addresses and reads response
//! bodies, [`table`] reads CSV exports, [`plan`] decides; the HTTP shell is `cmd::fetch`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::outcome::Measurement;

pub mod kolada;
pub mod table;

#[cfg(test)]
mod tests;

/// The series an indicator is read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Series {
    /// Kolada's key figure id ("N07540").
    pub kolada: String,
    /// Whose value: total, women or men.
    pub gender: Gender,
    /// Reference values written beside the kommun's (Kolada's averages).
    pub compare: Vec<Compare>,
}

impl Series {
    /// The provenance written on each value: "Kolada N07540".
    pub fn label(&self) -> String {
        format!("Kolada {}", self.kolada)
    }
}

/// Kolada's gender dimension: T (totalt), K (kvinnor), M (män).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Gender {
    T,
    K,
    M,
}

impl Gender {
    pub const NAMES: [&'static str; 3] = ["T", "K", "M"];
    pub fn parse(s: &str) -> Option<Gender> {
        match s {
            "T" => Some(Gender::T),
            "K" => Some(Gender::K),
            "M" => Some(Gender::M),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        Gender::NAMES[self as usize]
    }
}

/// A reference area whose value is written beside the kommun's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// The whole country (Kolada's "0000").
    Riket,
    /// The kommun's län (Kolada's "00" + länskod).
    Lan,
}

impl Compare {
    pub const NAMES: [&'static str; 2] = ["riket", "lan"];
    pub fn parse(s: &str) -> Option<Compare> {
        match s {
            "riket" => Some(Compare::Riket),
            "lan" => Some(Compare::Lan),
            _ => None,
        }
    }
    /// Kolada's id of the area for a kommun (its four-digit kommunkod).
    pub fn kolada_id(self, kommunkod: &str) -> String {
        match self {
            Compare::Riket => "0000".into(),
            Compare::Lan => format!("00{}", kommunkod.get(..2).unwrap_or("00")),
        }
    }
    /// As written in a measurement's note.
    pub fn label(self) -> &'static str {
        match self {
            Compare::Riket => "riket",
            Compare::Lan => "län",
        }
    }
}

/// One published value of a series for one kommun and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub year: i32,
    pub value: f64,
    /// The publisher marks it preliminary.
    pub preliminary: bool,
    /// Reference values for the same year ("riket", 14.2), in the series' compare order.
    pub compare: Vec<(Compare, f64)>,
}

/// The day a yearly value is dated: the year's 31 December (as a baseline year counts).
pub fn year_day(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

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
        .filter(|m| m.indicator == indicator && m.date.year() == year)
        .next_back()
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
                if h.value.to_bits() == v.value.to_bits() && !(h.preliminary && !v.preliminary) =>
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

/// The years a löfte's indicator values are read for (see [`years`]), up to `last`.
pub fn years_for(p: &crate::model::Pledge, ind: &crate::outcome::Indicator, last: i32) -> Vec<i32> {
    use chrono::Datelike;
    let baseline = ind.baseline.and_then(|b| b.when).map(|w| match w {
        crate::outcome::When::Date { date } => date.year(),
        crate::outcome::When::Year { year } => year,
    });
    years(baseline, p.period.start.year(), p.period.end.year(), last)
}

/// The years a löfte's values are read for: its baseline year (when it has one) through the
/// period's last year, none after `last` (the last year whose value can be published).
pub fn years(baseline: Option<i32>, start: i32, end: i32, last: i32) -> Vec<i32> {
    let to = end.min(last);
    // Kolada takes at most 25 years in one request.
    let from = baseline.map_or(start, |b| b.min(start)).max(to - 24);
    (from..=to).collect()
}
