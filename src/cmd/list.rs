//! `list`: one row per löfte.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{ListArgs, ListFormat};
use crate::{choose, view};

pub fn list(dir: Option<PathBuf>, a: ListArgs, ctx: &mut Ctx) -> Result<u8> {
    let ws = Workspace::open(dir, ctx.read_cutoff())?;
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
        ListFormat::Json => format!("{}\n", view::json::list(&rows, on)),
        ListFormat::Csv => view::csv::list_csv(&rows, on),
        ListFormat::Table => view::table::list_table(&rows, on, ctx.lang, ctx.width),
    };
    write!(ctx.out, "{text}")?;
    ws.exit_code(&mut ctx.err)
}
