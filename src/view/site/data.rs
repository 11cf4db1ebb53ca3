//! The data beside the pages: `pledges.json`, `pledges.csv`, the Frictionless
//! `datapackage.json` that describes them, and `calendar.ics`.

use serde_json::{Value, json};

use crate::i18n::Lang;
use crate::view::csv::STATUS_HEADER;

/// What each column of the CSV holds: its type and a description.
fn field(name: &str) -> Value {
    let (kind, description) = match name {
        "file" => ("string", "The löfte's file"),
        "kommuner" => ("string", "The kommuner of the löfte, joined by \", \""),
        "kommunkod" => ("string", "Their SCB kommunkoder, joined by spaces"),
        "state" => ("string", "The löfte on the date: upcoming, active or ended"),
        "activity" => ("string", "The activity's id"),
        "owners" => ("string", "Who is responsible"),
        "target" => ("string", "The target, in words"),
        "required" => (
            "integer",
            "The count due in the current window (or over the period once it has ended)",
        ),
        "done" => ("integer", "The count done in that window"),
        "window_start" => ("date", "The first day of that window"),
        "window_end" => ("date", "The last day of that window"),
        "last_done" => ("date", "The day work was last recorded"),
        "status" => (
            "string",
            "met, partly_met, on_track, behind, missed, ongoing, no_reports, upcoming or nothing_due",
        ),
        "windows_met" => ("integer", "Windows of a recurring target met so far"),
        "windows_missed" => ("integer", "Windows missed so far"),
        "windows_open" => ("integer", "Windows current or to come"),
        _ => ("string", ""),
    };
    let mut f = json!({ "name": name, "type": kind, "description": description });
    if name == "status" {
        f["constraints"] = json!({ "enum": super::ORDER.map(|s| s.name()) });
    }
    if name == "state" {
        f["constraints"] = json!({ "enum": ["upcoming", "active", "ended"] });
    }
    f
}

/// The Frictionless Data Package (v1) of the site's data files.
pub fn datapackage(as_of: chrono::NaiveDate, lang: Lang) -> String {
    let title = match lang {
        Lang::Sv => "Medborgarlöften: vad som lovades och vad som har gjorts",
        Lang::En => "Medborgarlöften: what was promised and what has been done",
    };
    let doc = json!({
        "profile": "data-package",
        "name": "medborgarloften",
        "title": title,
        "description": format!("The status of every activity of every löfte on {as_of}, as computed by pledge."),
        "version": as_of.to_string(),
        "resources": [
            {
                "name": "pledges-csv",
                "path": "pledges.csv",
                "profile": "tabular-data-resource",
                "title": "One row per activity of every löfte",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": { "delimiter": ",", "header": true, "doubleQuote": true },
                "schema": {
                    "fields": STATUS_HEADER.iter().map(|n| field(n)).collect::<Vec<_>>(),
                    "missingValues": [""]
                }
            },
            {
                "name": "pledges-json",
                "path": "pledges.json",
                "profile": "data-resource",
                "title": "Every löfte with its activities, windows and follow-up (pledge status --format json)",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8"
            },
            {
                "name": "calendar",
                "path": "calendar.ics",
                "profile": "data-resource",
                "title": "Follow-ups, window ends and the löften's ends (iCalendar, RFC 5545)",
                "format": "ics",
                "mediatype": "text/calendar",
                "encoding": "utf-8"
            }
        ]
    });
    let mut t = serde_json::to_string_pretty(&doc).expect("JSON of values cannot fail");
    t.push('\n');
    t
}
