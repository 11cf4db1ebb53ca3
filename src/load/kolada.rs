//! Kolada (RKA), the open database of key figures per kommun and year: the addresses of its
//! API and the reading of its JSON answers. Pure; the requests are made by `cmd::fetch`.
//!
//! The shape, from the API's public description (v2, which v3 keeps): every answer is
//! `{"values": [...], "count": N, "next_page": "URL"}` (v3 clients also see `next_url`),
//! at most 5000 items a page. Values are read from
//! `/data/kpi/{KPI}/municipality/{IDS}/year/{YEARS}` (comma-separated lists), each item
//! `{"kpi", "municipality", "period", "values": [{"count", "gender", "status", "value"}]}`;
//! a key figure's metadata from `/kpi/{KPI}` (`title`, `publication_date`,
//! `prel_publication_date`, `publ_period`). Kommuner are their four-digit kommunkod, the
//! country "0000", a län "00" and its two-digit code.

use chrono::NaiveDate;
use serde_json::Value;

use crate::model::series::{Compare, Published, Series};

/// The default address of the service.
pub const DEFAULT_URL: &str = "https://api.kolada.se/v3";

/// Whether a text is a key figure id as Kolada writes them: a capital letter and five digits
/// ("N07540", "U28116").
pub fn valid_id(s: &str) -> bool {
    let mut c = s.chars();
    s.len() == 6
        && c.next().is_some_and(|l| l.is_ascii_uppercase())
        && c.all(|d| d.is_ascii_digit())
}

fn base(url: &str) -> &str {
    url.trim_end_matches('/')
}

/// The address of the values of one key figure for some areas and years.
pub fn data_url(base_url: &str, kpi: &str, areas: &[String], years: &[i32]) -> String {
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    format!(
        "{}/data/kpi/{kpi}/municipality/{}/year/{}",
        base(base_url),
        areas.join(","),
        years.join(",")
    )
}

/// The address of one key figure's metadata.
pub fn kpi_url(base_url: &str, kpi: &str) -> String {
    format!("{}/kpi/{kpi}", base(base_url))
}

/// The areas one request asks for: the kommun, then the series' reference areas.
pub fn areas(series: &Series, kommunkod: &str) -> Vec<String> {
    let mut a = vec![kommunkod.to_string()];
    for c in &series.compare {
        let id = c.kolada_id(kommunkod);
        if !a.contains(&id) {
            a.push(id);
        }
    }
    a
}

/// One value of an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub municipality: String,
    pub year: i32,
    pub gender: String,
    /// None: the publisher has no value (`null`).
    pub value: Option<f64>,
    pub status: String,
}

/// One page of values, and the address of the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub rows: Vec<Row>,
    pub next: Option<String>,
}

/// What is wrong with an answer's shape, said so a person can tell the service changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError(pub String);

impl std::fmt::Display for ShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn shape(msg: impl Into<String>) -> ShapeError {
    ShapeError(msg.into())
}

fn root(body: &str) -> Result<serde_json::Map<String, Value>, ShapeError> {
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(_) => Err(shape("the answer is not a JSON object")),
        Err(e) => Err(shape(format!("the answer is not JSON ({e})"))),
    }
}

fn items(o: &serde_json::Map<String, Value>) -> Result<&Vec<Value>, ShapeError> {
    match o.get("values") {
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(shape("`values` is not a list")),
        None => Err(shape("the answer has no `values`")),
    }
}

fn next_of(o: &serde_json::Map<String, Value>) -> Result<Option<String>, ShapeError> {
    for key in ["next_page", "next_url"] {
        match o.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.is_empty() => {}
            Some(Value::String(s)) => return Ok(Some(s.clone())),
            Some(_) => return Err(shape(format!("`{key}` is not an address"))),
        }
    }
    Ok(None)
}

fn year_of(v: Option<&Value>) -> Option<i32> {
    let y = match v? {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    i32::try_from(y).ok().filter(|y| (1900..=2200).contains(y))
}

/// Reads one page of `/data` values.
pub fn parse_data(body: &str) -> Result<Page, ShapeError> {
    let o = root(body)?;
    let mut rows = Vec::new();
    for (n, item) in items(&o)?.iter().enumerate() {
        let at = n + 1;
        let Value::Object(item) = item else {
            return Err(shape(format!("item {at} of `values` is not an object")));
        };
        let municipality = match item.get("municipality") {
            Some(Value::String(s)) => s.clone(),
            _ => return Err(shape(format!("item {at} has no `municipality` id"))),
        };
        let year = year_of(item.get("period"))
            .ok_or_else(|| shape(format!("item {at} has no `period` year")))?;
        let Some(Value::Array(vals)) = item.get("values") else {
            return Err(shape(format!("item {at} has no `values` list")));
        };
        for v in vals {
            let Value::Object(v) = v else {
                return Err(shape(format!("a value of item {at} is not an object")));
            };
            let gender = match v.get("gender") {
                Some(Value::String(s)) => s.clone(),
                None | Some(Value::Null) => "T".into(),
                Some(_) => return Err(shape(format!("a `gender` of item {at} is not a text"))),
            };
            let value = match v.get("value") {
                None | Some(Value::Null) => None,
                Some(Value::Number(x)) => x.as_f64().filter(|x| x.is_finite()),
                Some(_) => return Err(shape(format!("a `value` of item {at} is not a number"))),
            };
            let status = match v.get("status") {
                Some(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            rows.push(Row {
                municipality: municipality.clone(),
                year,
                gender,
                value,
                status,
            });
        }
    }
    Ok(Page {
        rows,
        next: next_of(&o)?,
    })
}

/// A key figure's metadata, as far as a fetch uses it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KpiMeta {
    pub title: Option<String>,
    /// When the values of `publ_period` are published (final).
    pub publication_date: Option<NaiveDate>,
    /// When they are published preliminarily, for key figures that have a preliminary round.
    pub prel_publication_date: Option<NaiveDate>,
    /// The year the (coming or latest) publication is about.
    pub publ_period: Option<i32>,
}

fn date_of(v: Option<&Value>) -> Option<NaiveDate> {
    match v? {
        Value::String(s) => s.get(..10)?.parse().ok(),
        _ => None,
    }
}

/// Reads `/kpi/{id}`: the key figure's metadata, or None when the service has no such id.
pub fn parse_kpi(body: &str, kpi: &str) -> Result<Option<KpiMeta>, ShapeError> {
    let o = root(body)?;
    let found = items(&o)?.iter().find_map(|v| match v {
        Value::Object(m) if m.get("id").and_then(Value::as_str) == Some(kpi) => Some(m),
        _ => None,
    });
    Ok(found.map(|m| KpiMeta {
        title: m.get("title").and_then(Value::as_str).map(str::to_string),
        publication_date: date_of(m.get("publication_date")),
        prel_publication_date: date_of(m.get("prel_publication_date")),
        publ_period: year_of(m.get("publ_period")),
    }))
}

/// Whether a value's `status` marks it preliminary. The API's description names the field
/// but not its codes; we read a code that starts with "P" or says "prel" as preliminary (an
/// assumption, see the README).
pub fn status_preliminary(status: &str) -> bool {
    let s = status.trim().to_lowercase();
    s == "p" || s.contains("prel")
}

/// Whether the metadata says the year's value is still preliminary on `today`: the year is
/// the one being published, its preliminary publication is past and its final one ahead.
pub fn meta_preliminary(meta: &KpiMeta, year: i32, today: NaiveDate) -> bool {
    meta.publ_period == Some(year)
        && meta.prel_publication_date.is_some_and(|d| d <= today)
        && meta.publication_date.is_some_and(|d| d > today)
}

/// The published values of a series for one kommun, from every page's rows: the kommun's
/// value of the series' gender per year (years without a value left out), each with the
/// reference areas' values of that year.
pub fn published(
    series: &Series,
    kommunkod: &str,
    rows: &[Row],
    meta: Option<&KpiMeta>,
    today: NaiveDate,
) -> Vec<Published> {
    let g = series.gender.name();
    let value_of = |area: &str, year: i32| {
        rows.iter()
            .find(|r| r.municipality == area && r.year == year && r.gender == g)
            .and_then(|r| r.value.map(|v| (v, r.status.as_str())))
    };
    let mut years: Vec<i32> = rows
        .iter()
        .filter(|r| r.municipality == kommunkod)
        .map(|r| r.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .filter_map(|year| {
            let (value, status) = value_of(kommunkod, year)?;
            let compare: Vec<(Compare, f64)> = series
                .compare
                .iter()
                .filter_map(|c| value_of(&c.kolada_id(kommunkod), year).map(|(v, _)| (*c, v)))
                .collect();
            Some(Published {
                year,
                value,
                preliminary: status_preliminary(status)
                    || meta.is_some_and(|m| meta_preliminary(m, year, today)),
                compare,
            })
        })
        .collect()
}
