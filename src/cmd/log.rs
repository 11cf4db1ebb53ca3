//! `log`: recorded work, oldest first.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use serde_json::json;

use super::{Ctx, Workspace, kommuner_json, resolve_kommun};
use crate::cli::{ListFormat, LogArgs};
use crate::kommuner::Kommun;
use crate::model::{LogEntry, Pledge};
use crate::text::safe;
use crate::{render, resolve};

pub fn log(dir: Option<PathBuf>, a: LogArgs, ctx: &mut Ctx) -> Result<u8> {
    let ws = Workspace::open(dir, ctx.today)?;
    let ks: Vec<&Kommun> = a
        .kommuner
        .iter()
        .map(|k| resolve_kommun(k, &ws))
        .collect::<Result<_>>()?;
    let rows = rows(&ws, &ks, &a, ctx)?;
    match a.format {
        ListFormat::Json => {
            let entries: Vec<_> = rows
                .iter()
                .map(|(p, e)| {
                    json!({
                        "file": p.file,
                        "kommuner": kommuner_json(p),
                        "date": e.date,
                        "activity": e.activity,
                        "count": e.count,
                        "by": e.by,
                        "note": e.note,
                    })
                })
                .collect();
            writeln!(
                ctx.out,
                "{}",
                serde_json::to_string_pretty(&json!({"schema_version": 1, "entries": entries}))?
            )?;
        }
        ListFormat::Csv => write!(ctx.out, "{}", csv(&rows))?,
        ListFormat::Table => {
            if rows.is_empty() {
                writeln!(ctx.out, "{}", ctx.lang.t("no entries"))?;
            } else {
                let t = table(&rows, ctx);
                writeln!(ctx.out, "{t}")?;
            }
        }
    }
    ws.exit_code(&mut ctx.err)
}

/// The entries to show, oldest first; entries of one day stay in file order.
fn rows<'w>(
    ws: &'w Workspace,
    ks: &[&Kommun],
    a: &LogArgs,
    ctx: &Ctx,
) -> Result<Vec<(&'w Pledge, &'w LogEntry)>> {
    let since = a.since.map(|d| ctx.date(d));
    let until = a.until.map(|d| ctx.date(d));
    let mut rows = Vec::new();
    let mut activity_found = a.activity.is_none();
    for p in ws.pledges() {
        if !ks.is_empty() && !p.kommuner.iter().any(|k| ks.contains(k)) {
            continue;
        }
        let only = match &a.activity {
            Some(q) => match resolve::activity(p, q) {
                Ok(t) => Some(t.id().to_string()),
                Err(_) => continue,
            },
            None => None,
        };
        activity_found |= only.is_some();
        for e in &p.log {
            if since.is_some_and(|d| e.date < d)
                || until.is_some_and(|d| e.date > d)
                || only.as_ref().is_some_and(|id| &e.activity != id)
            {
                continue;
            }
            rows.push((p, e));
        }
    }
    if !activity_found {
        bail!(
            "no löfte{} has an activity matching \"{}\"",
            if ks.is_empty() {
                ""
            } else {
                " of those kommuner"
            },
            safe(a.activity.as_deref().unwrap_or_default(), false)
        );
    }
    rows.sort_by_key(|(p, e)| (e.date, p.file.clone(), e.span.start));
    Ok(rows)
}

fn csv(rows: &[(&Pledge, &LogEntry)]) -> String {
    let mut s = render::csv_record(
        &[
            "date", "kommuner", "activity", "count", "by", "note", "file",
        ]
        .map(String::from),
    );
    for (p, e) in rows {
        s.push_str(&render::csv_record(&[
            e.date.to_string(),
            p.kommun_names(),
            e.activity.clone(),
            e.count.to_string(),
            e.by.clone().unwrap_or_default(),
            e.note.clone().unwrap_or_default(),
            p.file.clone(),
        ]));
    }
    s
}

fn table(rows: &[(&Pledge, &LogEntry)], ctx: &Ctx) -> String {
    let body = rows
        .iter()
        .map(|(p, e)| {
            vec![
                e.date.to_string(),
                render::cell(&p.kommun_names()),
                e.activity.clone(),
                e.count.to_string(),
                render::cell(e.by.as_deref().unwrap_or("")),
                render::cell(e.note.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    render::table(
        &["Date", "Kommun", "Activity", "Count", "By", "Note"].map(|h| ctx.lang.t(h)),
        body,
    )
}
