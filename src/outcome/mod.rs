//! Outcomes: did the löfte work? Indicators of the problem the löfte is meant to change,
//! measurements of them, and the people's verdict on each activity at the follow-up.
//!
//! Everything here is pure: the domain types ([`Indicator`], [`Measurement`],
//! [`VerdictEntry`]), the judgement of an indicator on a date ([`indicator_status`]), the
//! validation rules ([`problems`]), the comparison of a human verdict with the computed status
//! ([`verdict::agreement`]) and the text `measure` and `verdict` append ([`entry`]).
//!
//! The rules (also in the README):
//! - the **reference** of an indicator is its baseline; without one, its first measurement;
//! - **change** is latest − reference, signed, in the indicator's unit;
//! - the **judgement** is *unchanged* when |change| ≤ the tolerance, else *improved* or
//!   *worsened* by the indicator's direction. The tolerance is the indicator's `tolerance` (in
//!   its unit) when given, else 1 % of |reference| ([`RELATIVE_TOLERANCE`]);
//! - a **goal** value is met when the latest value is at least as good as it (≤ for `lower`,
//!   ≥ for `higher`); the goal "better than baseline" is met when the judgement is *improved*;
//! - the **next measurement** falls due by the cadence, counted from the last measurement
//!   (else the baseline's date, a baseline year counting as its 31 December, else the period's
//!   start), within the löfte's period; it is **overdue** [`GRACE_DAYS`] after that day
//!   (survey results take time to publish).

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

pub mod check;
pub mod entry;
pub mod json;
mod judge;
pub mod problems;
pub mod verdict;

#[cfg(test)]
mod tests;

pub use judge::{
    DUE_DAYS, DueState, GRACE_DAYS, IndicatorStatus, Judgement, RELATIVE_TOLERANCE, Reference,
    ReferenceKind, indicator_status, judge_change, next_due,
};
pub use verdict::{Agreement, Verdict, VerdictEntry};

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
    pub series: Option<crate::opendata::Series>,
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
