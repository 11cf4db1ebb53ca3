//! A TOML date in the raw structs.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;

/// A TOML date (`2016-05-12`, no quotes); a JSON Schema sees it as a string.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct Date(pub toml::value::Datetime);

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A TOML date, YYYY-MM-DD (no quotes in TOML)"
        })
    }
}
