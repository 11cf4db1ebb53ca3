//! `list`: one row per löfte.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::json;

use super::{Ctx, Workspace, kommuner_json, resolve_kommun};
use crate::cli::{ListArgs, ListFormat};
use crate::model::Pledge;
use crate::{choose, render};

pub fn list(dir: Option<PathBuf>, a: ListArgs, ctx: &mut Ctx) -> Result<u8> {
    let ws = Workspace::open(dir, ctx.clock)?;
    let active_on = a.active_on.map(|d| ctx.date(d));
    // `--as-of` is the context's today.
    let on = active_on.unwrap_or(ctx.today);
    let filter = a
        .kommun
        .as_deref()
        .map(|k| resolve_kommun(k, &ws))
        .transpose()?;
    let rows = choose::list_pledges(ws.pledges(), filter, active_on);
    let text = match a.format {
        ListFormat::Json => json_doc(&rows, on)?,
        ListFormat::Csv => csv(&rows, on),
        ListFormat::Table => table(&rows, on, ctx),
    };
    write!(ctx.out, "{text}")?;
    ws.exit_code(&mut ctx.err)
}

fn json_doc(rows: &[&Pledge], on: NaiveDate) -> Result<String> {
    let pledges: Vec<_> = rows
        .iter()
        .map(|p| {
            json!({
                "file": p.file,
                "title": p.title,
                "kommuner": kommuner_json(p),
                "area": p.area,
                "lokalpolisomrade": p.lokalpolisomrade,
                "period": p.period,
                "state": p.state(on),
                "activities": p.activities.len(),
            })
        })
        .collect();
    let doc = json!({"schema_version": 1, "as_of": on, "pledges": pledges});
    Ok(format!("{}\n", serde_json::to_string_pretty(&doc)?))
}

fn csv(rows: &[&Pledge], on: NaiveDate) -> String {
    let mut s = render::csv_record(
        &[
            "kommuner",
            "kommunkod",
            "lan",
            "lokalpolisomrade",
            "area",
            "start",
            "end",
            "state",
            "activities",
            "file",
        ]
        .map(String::from),
    );
    for p in rows {
        s.push_str(&render::csv_record(&[
            p.kommun_names(),
            p.kommunkoder(),
            lan_names(p),
            p.lokalpolisomrade.clone().unwrap_or_default(),
            p.area.clone().unwrap_or_default(),
            p.period.start.to_string(),
            p.period.end.to_string(),
            p.state(on).name().into(),
            p.activities.len().to_string(),
            p.file.clone(),
        ]));
    }
    s
}

fn table(rows: &[&Pledge], on: NaiveDate, ctx: &Ctx) -> String {
    let body = rows
        .iter()
        .map(|p| {
            let mut kommun = p.kommun_names();
            if let Some(area) = &p.area {
                kommun.push_str(&format!(" ({area})"));
            }
            vec![
                render::cell(&kommun),
                p.kommunkoder(),
                lan_names(p),
                render::cell(p.lokalpolisomrade.as_deref().unwrap_or("–")),
                format!(
                    "{} – {}{}",
                    p.period.start,
                    p.period.end,
                    if p.period.until_replaced { " (+)" } else { "" }
                ),
                ctx.lang.state(p.state(on)).into(),
                p.activities.len().to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        format!("{}\n", ctx.lang.t("no löften match"))
    } else {
        let mut s = format!(
            "{}\n",
            render::table(
                &[
                    "Kommun",
                    "Kod",
                    "Län",
                    "Lokalpolisområde",
                    "Period",
                    "State",
                    "Activities"
                ]
                .map(|h| ctx.lang.t(h)),
                body
            )
        );
        if rows.iter().any(|p| p.period.until_replaced) {
            s.push_str(&format!("(+) {}\n", ctx.lang.t("in force until replaced")));
        }
        s
    }
}

fn lan_names(p: &Pledge) -> String {
    let mut l: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    l.dedup();
    l.join(", ")
}
