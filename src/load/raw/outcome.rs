//! The tables of what a löfte should change and how it went: indicators, measurements and
//! verdicts (see the parent module).

use schemars::JsonSchema;
use serde::Deserialize;

use super::date::Date;

table! {
/// A measure of the problem the löfte is meant to change.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorTable => IndicatorKeys {
    /// Short id used on the command line: a-z, 0-9 and '-'
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub id: String,
    /// What is measured
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub name: String,
    /// Where the values come from: a text ("Polisens trygghetsmätning"), or the open-data
    /// series `pledge measure --fetch` reads ({ kolada = "N07540" })
    pub source: IndicatorSource,
    /// The unit ("procent", "index", "per 100 000 invånare"); percentages are checked 0–100
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub unit: Option<String>,
    /// Which way is better
    pub direction: Direction,
    /// The value before the löfte, where the text gives one
    pub baseline: Option<BaselineTable>,
    /// A value to reach (or better), or "better-than-baseline"
    pub goal: Option<GoalValue>,
    /// How often it is measured: "yearly", { years = N }, "at-end" or "once"
    pub cadence: Option<CadenceValue>,
    /// Changes within this much (in the unit) count as unchanged; default 1 % of the baseline
    #[schemars(range(min = 0.0))]
    pub tolerance: Option<f64>,
    /// The activities whose effect it follows up (ids)
    pub follows: Option<Vec<String>>,
}
}

/// Where an indicator's values come from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum IndicatorSource {
    Text(#[schemars(length(min = 1), regex(pattern = r"\S"))] String),
    Series(SeriesTable),
}

table! {
/// A series of Kolada (RKA), read per kommun and year by `pledge measure --fetch`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesTable => SeriesKeys {
    /// Kolada's key figure id: a capital letter and five digits ("N07540")
    #[schemars(regex(pattern = r"^[A-Z][0-9]{5}$"))]
    pub kolada: String,
    /// Whose value: T (total, the default), K (women) or M (men)
    pub gender: Option<SeriesGender>,
    /// Reference values written beside the kommun's: the country and the kommun's län
    pub compare: Option<Vec<SeriesCompare>>,
}
}

#[derive(Debug, Deserialize, JsonSchema)]
pub enum SeriesGender {
    T,
    K,
    M,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeriesCompare {
    Riket,
    Lan,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Lower,
    Higher,
}

table! {
/// The baseline's value and when it was measured: a date or a year (not both).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineTable => BaselineKeys {
    pub value: f64,
    pub date: Option<Date>,
    pub year: Option<i32>,
}
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum GoalValue {
    Value(f64),
    Word(GoalWord),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GoalWord {
    BetterThanBaseline,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CadenceValue {
    Word(CadenceWord),
    Years(CadenceYears),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CadenceWord {
    Yearly,
    AtEnd,
    Once,
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CadenceYears => CadenceKeys {
    /// Every this many years ("vartannat år": 2)
    #[schemars(range(min = 2))]
    pub years: u32,
}
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasurementEntry => MeasurementKeys {
    /// The day measured (the survey's), not the day recorded
    pub date: Date,
    /// An indicator id
    pub indicator: String,
    pub value: f64,
    /// Where it was published: a URL or a report
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub source: Option<String>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub by: Option<String>,
    pub note: Option<String>,
    /// The day the value was read from an open-data service or a CSV export
    pub fetched: Option<Date>,
    /// The publisher marks the value preliminary
    pub preliminary: Option<bool>,
    /// The value of the same indicator and year this entry corrects (written by
    /// `pledge measure --fetch --update` when a published value changed)
    pub corrects: Option<f64>,
}
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictEntry => VerdictKeys {
    pub date: Date,
    /// An activity id
    pub activity: String,
    pub verdict: VerdictWord,
    /// Why: required, not empty
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub reason: String,
    /// The minutes, the published follow-up
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub source: Option<String>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub by: Option<String>,
}
}

/// kept / partly / broken (uppfyllt / delvis uppfyllt / ej uppfyllt)
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum VerdictWord {
    Kept,
    Partly,
    Broken,
}
