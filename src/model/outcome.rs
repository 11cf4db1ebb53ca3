//! Outcomes: did the löfte work? Indicators of the problem the löfte is meant to change,
//! measurements of them, and the people's verdict on each activity at the follow-up.
//!
//! Here are the domain types ([`Indicator`], [`Measurement`], [`VerdictEntry`]). The rest lives
//! by layer: the validation rules in `load::problems`, the judgement of an indicator on a
//! date in `rules::indicator`, the comparison of a human verdict with the computed status in
//! `rules::verdict`, the text `measure` and `verdict` append in `edit::entry`, the JSON in
//! `view::outcome_json`.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

/// A measure of the problem the löfte is meant to change ("upplevd trygghet i centrum").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Short, a-z 0-9 and '-', typed on the command line (`pledge measure KOMMUN ID VALUE`).
    pub id: String,
    pub name: String,
    /// Where the values come from ("SCB:s medborgarundersökning", "Drogvaneundersökning åk 9";
    /// "Kolada N07540" for a series written as `source = { kolada = "N07540" }`).
    pub source: String,
    /// The open-data series the values are read from (`pledge measure --fetch`), when the
    /// source names one.
    pub series: Option<crate::model::series::Series>,
    /// The unit of the values ("index", "procent", "anmälda brott per 100 000 invånare").
    pub unit: Option<String>,
    pub direction: Direction,
    pub baseline: Option<Baseline>,
    pub goal: Option<Goal>,
    /// How often it is measured; None: whenever it is (nothing ever falls due).
    pub cadence: Option<Cadence>,
    /// Changes within this much (in the unit) count as unchanged; None: 1 % of the reference.
    pub tolerance: Option<f64>,
    /// The activities whose effect it follows up (ids).
    pub follows: Vec<String>,
    /// Where the indicator is written, for diagnostics.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Lower,
    Higher,
}

impl Direction {
    pub const NAMES: [&'static str; 2] = ["lower", "higher"];
    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "lower" => Some(Direction::Lower),
            "higher" => Some(Direction::Higher),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        Direction::NAMES[self as usize]
    }
    /// Whether `a` is strictly better than `b`.
    pub fn better(self, a: f64, b: f64) -> bool {
        match self {
            Direction::Lower => a < b,
            Direction::Higher => a > b,
        }
    }
}

/// The value before the löfte, and when it was measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Baseline {
    pub value: f64,
    pub when: Option<When>,
}

/// When a value was measured: a day, or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum When {
    Date { date: NaiveDate },
    Year { year: i32 },
}

impl When {
    /// The day it counts from: the date, or the year's 31 December (a survey "from 2015" was
    /// taken by then).
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            When::Date { date } => Some(date),
            When::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Goal {
    /// Reach this value (or better).
    Value { value: f64 },
    /// Any improvement beyond the tolerance.
    BetterThanBaseline,
}

/// How often an indicator is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cadence {
    Yearly,
    /// Every `years` years ("vartannat år": 2).
    EveryYears {
        years: u32,
    },
    /// Once, in the last twelve months of the period or after it.
    AtEnd,
    /// Once, any time from the period's start.
    Once,
}

impl Cadence {
    /// The step between measurements in months, for the periodic cadences.
    pub fn months(self) -> Option<u32> {
        match self {
            Cadence::Yearly => Some(12),
            Cadence::EveryYears { years } => years.checked_mul(12),
            Cadence::AtEnd | Cadence::Once => None,
        }
    }
}

/// One recorded value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measurement {
    pub indicator: String,
    /// The day it was measured (or the survey's reference day), not the day it was recorded.
    pub date: NaiveDate,
    pub value: f64,
    /// Where it was published (a URL, a report's name).
    pub source: Option<String>,
    pub note: Option<String>,
    pub by: Option<String>,
    /// The day it was read from an open-data service or a CSV export (`measure --fetch`,
    /// `--from-csv`); None for a value typed by hand.
    pub fetched: Option<NaiveDate>,
    /// The publisher marks the value preliminary.
    pub preliminary: bool,
    /// The value of the same indicator and year this entry corrects (a changed published
    /// value, written with `--update`); the corrected entry, before it in the file, then
    /// counts no more.
    pub corrects: Option<f64>,
    /// Byte range of the entry's keys and values in the source (header not included).
    #[serde(skip)]
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// uppfyllt
    Kept,
    /// delvis uppfyllt
    Partly,
    /// ej uppfyllt
    Broken,
}

impl Verdict {
    pub const NAMES: [&'static str; 3] = ["kept", "partly", "broken"];
    /// The word as written in the file: `kept`, `partly`, `broken`.
    pub fn name(self) -> &'static str {
        Verdict::NAMES[self as usize]
    }
    /// The file's words, and on the command line also the Swedish ones (any case, å/ä/ö
    /// optional, spaces or dashes): `uppfyllt`, `delvis` / `delvis uppfyllt`, `ej uppfyllt`.
    pub fn parse(s: &str) -> Option<Verdict> {
        let f = crate::kommuner::fold(s).replace([' ', '_'], "-");
        Some(match f.as_str() {
            "kept" | "uppfyllt" | "uppfylld" => Verdict::Kept,
            "partly" | "delvis" | "delvis-uppfyllt" | "delvis-uppfylld" => Verdict::Partly,
            "broken" | "ej-uppfyllt" | "ej-uppfylld" | "inte-uppfyllt" => Verdict::Broken,
            _ => return None,
        })
    }
}

/// One recorded verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictEntry {
    pub activity: String,
    pub verdict: Verdict,
    pub reason: String,
    /// The minutes, the published follow-up.
    pub source: Option<String>,
    pub date: NaiveDate,
    pub by: Option<String>,
    /// Byte range of the entry's keys and values in the source (header not included).
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Whether a verdict dated `date` comes before the follow-up's first due day (invalid: the
/// follow-up had not begun).
pub fn before_due(date: NaiveDate, due_from: Option<NaiveDate>) -> bool {
    due_from.is_some_and(|f| date < f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_before_the_due_day_is_invalid() {
        let from = Some("2017-01-01".parse().unwrap());
        assert!(before_due("2016-12-31".parse().unwrap(), from));
        assert!(!before_due("2017-01-01".parse().unwrap(), from));
        assert!(!before_due("2016-12-31".parse().unwrap(), None));
    }
}
