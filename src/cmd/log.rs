//! `log`: recorded work, oldest first.

use std::path::PathBuf;

use anyhow::{Result, bail};

use super::list::Output;
use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{ListFormat, LogArgs};
use crate::kommuner::Kommun;
use crate::model::{LogEntry, Pledge};
use crate::text::safe;
use crate::{resolve, view};

pub fn log(dir: Option<PathBuf>, a: LogArgs, ctx: &mut Ctx) -> Result<u8> {
    let ws = Workspace::open(dir, ctx.read_cutoff())?;
    let ks: Vec<&Kommun> = a
        .kommuner
        .iter()
        .map(|k| resolve_kommun(k, &ws))
        .collect::<Result<_>>()?;
    let rows = rows(&ws, &ks, &a, ctx)?;
    let out = match a.format {
        ListFormat::Json => {
            // One kommun's whole log: its entries are numbered as `undo --index` counts.
            let numbered =
                ks.len() == 1 && a.since.is_none() && a.until.is_none() && a.activity.is_none();
            Output::Text(format!("{}\n", view::json::log(&rows, numbered)))
        }
        ListFormat::Table => Output::Text(view::table::log_table(&rows, ctx.lang, ctx.width)),
        f => Output::sheet(
            view::csv::log_csv(&rows),
            f == ListFormat::Xlsx,
            f == ListFormat::ExcelCsv,
            "Logg",
        )?,
    };
    super::list::emit(ctx, &out, a.output.as_deref())?;
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
                // Work a shared löfte records for another kommun: not this kommun's.
                || e.kommun.is_some_and(|k| !ks.is_empty() && !ks.contains(&k))
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
