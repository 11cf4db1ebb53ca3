//! `list`: one row per löfte.

use std::path::PathBuf;

use anyhow::Result;

use super::output::{Output, emit};
use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{ListArgs, ListFormat};
use crate::rules::choose;
use crate::view;

pub fn list(dir: Option<PathBuf>, a: ListArgs, ctx: &mut Ctx) -> Result<u8> {
    let of = super::workspace::needles(a.kommun.as_slice());
    let ws = Workspace::open_of(
        dir,
        ctx.here(),
        ctx.read_cutoff(),
        of.as_deref(),
        |mut f| {
            // A löfte whose start is not stated keeps its log: its start as of the date shown
            // is the first work recorded by then.
            if let Some(p) = f.loaded.pledge.as_mut().filter(|p| p.period.start_stated) {
                p.forget_records();
            }
            Some(f)
        },
    )?;
    let active_on = a.active_on.map(|d| ctx.date(d));
    // `--as-of` is the context's today.
    let on = active_on.unwrap_or(ctx.today);
    let filter = a
        .kommun
        .as_deref()
        .map(|k| resolve_kommun(k, &ws, ctx.lang))
        .transpose()?;
    let rows = choose::list_pledges(ws.pledges(), filter, active_on);
    let out = match a.out.format {
        ListFormat::Json => Output::Text(format!("{}\n", view::json::list(&rows, on))),
        ListFormat::Table => Output::Text(view::table::list_table(&rows, on, ctx.lang, ctx.width)),
        f => Output::sheet(
            view::csv::list_csv(&rows, on),
            f == ListFormat::Xlsx,
            f == ListFormat::ExcelCsv,
            "Löften",
            ctx.lang,
        )?,
    };
    emit(ctx, &out, a.out.output.as_deref())?;
    ws.exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}
