//! `list`: one row per löfte.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Workspace, kommuner_json, resolve_kommun};
use crate::cli::{ListArgs, ListFormat};
use crate::model::Pledge;
use crate::render;

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
    let mut rows: Vec<&Pledge> = ws
        .pledges()
        .filter(|p| filter.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| active_on.is_none_or(|d| p.period.contains(d)))
        .collect();
    rows.sort_by(|x, y| {
        (x.kommuner[0].kod, x.period.start).cmp(&(y.kommuner[0].kod, y.period.start))
    });
    match a.format {
        ListFormat::Json => {
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
            writeln!(ctx.out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        ListFormat::Csv => {
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
            for p in &rows {
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
            write!(ctx.out, "{s}")?;
        }
        ListFormat::Table => {
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
                writeln!(ctx.out, "{}", ctx.lang.t("no löften match"))?;
            } else {
                writeln!(
                    ctx.out,
                    "{}",
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
                )?;
                if rows.iter().any(|p| p.period.until_replaced) {
                    writeln!(ctx.out, "(+) {}", ctx.lang.t("in force until replaced"))?;
                }
            }
        }
    }
    ws.exit_code(&mut ctx.err)
}

fn lan_names(p: &Pledge) -> String {
    let mut l: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    l.dedup();
    l.join(", ")
}
