//! The open-data series an indicator is read from (`source = { kolada = "N07540" }`), the
//! values a service publishes, and the years a löfte's values are read for. The answers are
//! read in `load::kolada` and `load::table`, what a fetch appends is decided in `edit::fetch`,
//! and the requests are made by `cmd::fetch`.

use chrono::NaiveDate;
use serde::Serialize;

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

/// The years a löfte's values are read for: its baseline year (when it has one) through the
/// period's last year, none after `last` (the last year whose value can be published).
pub fn years(baseline: Option<i32>, start: i32, end: i32, last: i32) -> Vec<i32> {
    let to = end.min(last);
    // Kolada takes at most 25 years in one request.
    let from = baseline.map_or(start, |b| b.min(start)).max(to - 24);
    (from..=to).collect()
}
