//! The file format, described once: one declaration per table (`table!`) gives the typed
//! struct the JSON Schema (`pledge schema`, `pledge.schema.json`) is generated from, and the
//! struct of keys the loader reads the table into (`…Keys`, each key a field). A key's name is
//! written once, as a field; the loader names keys only through these fields, so the keys the
//! loader accepts, the keys it reads and the schema's keys cannot drift apart (a test
//! compares them).
//!
//! The typed structs deserialize every valid file (a test proves it). The loader keeps the
//! values untyped and converts them itself (`load::values`), to report each problem with its
//! own message and hint.

use schemars::{JsonSchema, Schema};
use serde::Deserialize;

#[macro_use]
pub mod keys;
mod date;
mod outcome;

pub use date::Date;
pub use keys::{Given, Key, Keys, Val};
pub use outcome::*;

table! {
/// One medborgarlöfte: kommun, period, problem, promise, activities, follow-up and a log of
/// completed work. See the README of pledge.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Medborgarlöfte (pledge file)",
    description = "One medborgarlöfte: kommun, period, problem, promise, activities, follow-up and a log of completed work. See the README of pledge.",
    transform = one_kommun_key
)]
pub struct PledgeFile => FileKeys {
    /// The löfte's title
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: String,
    /// The kommun: one of the 290, any case, or a kommunkod
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub kommun: Option<String>,
    /// Several kommuner under one löfte
    #[schemars(length(min = 1), inner(length(min = 1), regex(pattern = r"\S")))]
    #[schemars(extend("uniqueItems" = true))]
    pub kommuner: Option<Vec<String>>,
    /// The part of the kommun the löfte covers (a stadsdel, a centre)
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub area: Option<String>,
    /// The lokalpolisområde
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub lokalpolisomrade: Option<String>,
    /// The signing date
    pub signed: Option<Date>,
    /// Who signed: names, or tables with a role
    pub signatories: Option<Vec<Signatory>>,
    /// Where the löfte was published
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub source: Option<String>,
    /// The löfte's period; `end` is inclusive
    pub period: Period,
    /// The problem the löfte answers: one text, or a table
    pub problem: Option<Problem>,
    /// The promise statement itself
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub promise: Option<String>,
    /// One table per activity, in the löfte's order
    #[schemars(length(min = 1))]
    pub activity: Vec<Activity>,
    /// Events the löfte refers to but does not itself promise (a council meeting, another
    /// party's walk): their occurrences are recorded with `event = ID` in the log, and a target
    /// `{ count, each = ID }` counts per occurrence
    #[schemars(length(min = 1))]
    pub event: Option<Vec<Event>>,
    /// The uppföljning: when and how results are followed up
    pub followup: Option<Followup>,
    /// Completed work: appended by `pledge done`, never rewritten
    #[schemars(length(min = 1))]
    pub log: Option<Vec<LogEntry>>,
    /// What the löfte should change: one table per indicator
    pub indicator: Option<Vec<IndicatorTable>>,
    /// Measured values of the indicators: appended by `pledge measure`, never rewritten
    pub measurement: Option<Vec<MeasurementEntry>>,
    /// The follow-up's verdict on each activity: appended by `pledge verdict`
    pub verdict: Option<Vec<VerdictEntry>>,
}
}

table! {
/// An event the löfte refers to ("vid varje sammanträde med BRÅ").
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event => EventKeys {
    /// Short, a-z 0-9 and '-': typed as `pledge done KOMMUN --event ID`; not an activity's id
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub id: String,
    /// What the event is, as the löfte names it
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub text: String,
}
}

/// A signatory: a name, or a name with a role.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Signatory {
    Name(#[schemars(length(min = 1), regex(pattern = r"\S"))] String),
    Full(SignatoryTable),
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatoryTable => SignatoryKeys {
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub name: String,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub role: Option<String>,
}
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period => PeriodKeys {
    /// The first day; "signing" for the signing date (`signed`); left out when the text does
    /// not state it (then `end` is required and work is judged from the first recorded entry)
    pub start: Option<PeriodStart>,
    /// The last day, inclusive
    pub end: Date,
    /// In force until a new löfte is signed (the activities' windows still end at `end`)
    pub until_replaced: Option<bool>,
}
}

/// The period's start: a date, or the signing date.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PeriodStart {
    Date(Date),
    Word(Signing),
}

/// "From the signing": the period starts on `signed`
#[derive(Debug, Deserialize, JsonSchema)]
pub enum Signing {
    #[serde(rename = "signing")]
    Signing,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Problem {
    Text(#[schemars(length(min = 1), regex(pattern = r"\S"))] String),
    Table(ProblemTable),
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProblemTable => ProblemKeys {
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: Option<String>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub text: Option<String>,
    /// Prioritised problems, most important first
    #[schemars(inner(length(min = 1), regex(pattern = r"\S")))]
    pub priorities: Option<Vec<String>>,
    /// Problems listed without a ranking
    #[schemars(inner(length(min = 1), regex(pattern = r"\S")))]
    pub items: Option<Vec<String>>,
}
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity => ActivityKeys {
    /// Short id used on the command line: a-z, 0-9 and '-'
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub id: String,
    /// A short human title
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: Option<String>,
    /// What is promised
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub text: String,
    /// Who is responsible ("kommunerna": every kommun of a shared löfte)
    pub owners: Option<Vec<Owner>>,
    /// Who takes part without being responsible
    pub partners: Option<Vec<Owner>>,
    /// "once" for a milestone, a count per window, or nothing for ongoing work
    pub target: Option<Target>,
    /// Units the target applies to each of (schools, districts); work names its `unit`
    #[schemars(length(min = 1), inner(length(min = 1), regex(pattern = r"\S")))]
    #[schemars(extend("uniqueItems" = true))]
    pub units: Option<Vec<String>>,
    /// The activity's own first day, inside the löfte's period
    pub from: Option<Date>,
    /// The activity's own last day, inclusive
    pub until: Option<Date>,
    /// Parts with targets of their own (`[[activity.part]]`); work names its `part`
    #[schemars(length(min = 1))]
    pub part: Option<Vec<Part>>,
}
}

table! {
/// A part of an activity, with a target of its own; it shares the activity's owners.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part => PartKeys {
    /// Short id used on the command line (`--part`): a-z, 0-9 and '-'
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub id: String,
    /// A short human title
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: Option<String>,
    /// What is promised
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub text: String,
    pub target: Option<Target>,
    /// The part's own first day
    pub from: Option<Date>,
    /// The part's own last day, inclusive
    pub until: Option<Date>,
}
}

/// "polisen", "kommunen", or a named party such as a housing company; or a table with the
/// owner's own part.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Owner {
    Name(#[schemars(length(min = 1))] String),
    Full(OwnerTable),
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnerTable => OwnerKeys {
    /// "polisen", "kommunen", or a named party such as a housing company
    #[schemars(length(min = 1))]
    pub who: String,
    /// This owner's own part
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub role: Option<String>,
}
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Target {
    Word(TargetWord),
    Count(CountTarget),
    Each(EachTarget),
    On(OnTarget),
    Weekly(WeeklyTarget),
}

/// "once": a milestone; "open": a count the text leaves open ("ett antal"), counted and never
/// judged; "on-request": done when asked, requests recorded with `request = true`
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TargetWord {
    Once,
    Open,
    OnRequest,
}

keys! {
    /// The keys of a table `target`: those of its kinds ([`CountTarget`], [`EachTarget`],
    /// [`OnTarget`], [`WeeklyTarget`]), which the loader tells apart by the keys given.
    pub struct TargetKeys { count, per, each, grace_days, on, weekday, time, except }
}

/// At least `count` for each occurrence of another activity or of an `[[event]]` (its id), on
/// the occurrence's day or within `grace_days` after it
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EachTarget {
    #[schemars(range(min = 1, max = crate::model::MAX_COUNT))]
    pub count: u32,
    /// The id of the activity or event whose occurrences are counted per
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub each: String,
    /// Days after each occurrence the work may still be done (default 0: on the day itself)
    #[schemars(range(min = 0, max = crate::model::MAX_GRACE_DAYS))]
    pub grace_days: Option<u32>,
}

/// At least `count` for each listed date, on the date or within `grace_days` after it
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnTarget {
    #[schemars(range(min = 1, max = crate::model::MAX_COUNT))]
    pub count: u32,
    /// Days after each date the work may still be done (default 0: on the date itself)
    #[schemars(range(min = 0, max = crate::model::MAX_GRACE_DAYS))]
    pub grace_days: Option<u32>,
    #[schemars(length(min = 1))]
    pub on: Vec<Date>,
}

/// A fixed weekly slot: one each ISO week on `weekday`
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklyTarget {
    /// monday..sunday, or måndag..söndag
    #[schemars(length(min = 1))]
    pub weekday: String,
    /// The time, as text ("18-20")
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub time: Option<String>,
    /// "holidays": weeks whose weekday is a Swedish public holiday need none
    pub except: Option<Except>,
}

/// What a weekly slot leaves out.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Except {
    Holidays,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountTarget {
    /// At least this many per window
    #[schemars(range(min = 1, max = crate::model::MAX_COUNT))]
    pub count: u32,
    pub per: Per,
}

/// The window a count is for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Per {
    Week,
    Month,
    Quarter,
    HalfYear,
    Year,
    Period,
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Followup => FollowupKeys {
    /// A date, a quarter ("2017-Q1"), "yearly" or "continuous"
    pub when: Option<When>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub how: Option<String>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub responsible: Option<String>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub presented: Option<String>,
}
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum When {
    Date(Date),
    Word(WhenWord),
    Quarter(#[schemars(regex(pattern = r"^[0-9]{4}-Q[1-4]$"))] String),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WhenWord {
    Yearly,
    Continuous,
}

table! {
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = activity_or_event)]
pub struct LogEntry => LogKeys {
    pub date: Date,
    /// An activity id, or "followup" for the follow-up itself (an entry has `activity` or
    /// `event`)
    pub activity: Option<String>,
    /// The id of an `[[event]]` that happened that day (an occurrence, not work)
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub event: Option<String>,
    /// The part of an activity with parts
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]{0,39}$"))]
    pub part: Option<String>,
    /// The unit worked for, for an activity with units
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub unit: Option<String>,
    /// Which kommun the work was for, on a löfte for several (none: shared work)
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub kommun: Option<String>,
    /// A request received (on-request activities), not work done
    pub request: Option<bool>,
    /// Work on another day than a weekly slot's weekday that replaced that week's slot
    pub instead_of_slot: Option<bool>,
    /// Occurrences this entry records (default 1)
    #[schemars(range(min = 1, max = crate::model::MAX_COUNT))]
    pub count: Option<u32>,
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub by: Option<String>,
    pub note: Option<String>,
}
}

/// Exactly one of `kommun` and `kommuner`.
fn one_kommun_key(schema: &mut Schema) {
    let one = |key: &str, other: &str| serde_json::json!({"required": [key], "not": {"required": [other]}});
    schema.insert(
        "oneOf".into(),
        serde_json::json!([one("kommun", "kommuner"), one("kommuner", "kommun")]),
    );
}

/// A log entry names exactly one of `activity` and `event`.
fn activity_or_event(schema: &mut Schema) {
    let one = |key: &str, other: &str| serde_json::json!({"required": [key], "not": {"required": [other]}});
    schema.insert(
        "oneOf".into(),
        serde_json::json!([one("activity", "event"), one("event", "activity")]),
    );
}

/// TOML has no null: a key that may be left out is simply not required.
fn no_null(schema: &mut Schema) {
    use serde_json::Value;
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [one] = types.as_slice() {
            let one = one.clone();
            schema.insert("type".into(), one);
        }
    }
    if let Some(Value::Array(any)) = schema.get_mut("anyOf") {
        any.retain(|s| s.get("type") != Some(&Value::from("null")));
        if let [one] = any.as_slice()
            && let Value::Object(one) = one.clone()
        {
            schema.remove("anyOf");
            for (k, v) in one {
                schema.insert(k, v);
            }
        }
    }
    schemars::transform::transform_subschemas(&mut no_null, schema);
}

/// The JSON Schema of a pledge file, as `pledge schema` prints it.
pub fn schema() -> String {
    let settings = schemars::generate::SchemaSettings::draft07().with(|s| {
        s.inline_subschemas = true;
        s.transforms.push(Box::new(no_null));
    });
    let schema = settings
        .into_generator()
        .into_root_schema_for::<PledgeFile>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
