//! `status`: follow-up status per kommun.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::{Ctx, Workspace, resolve_kommun};
use crate::choose::{self, SelectError};
use crate::cli::{StatusArgs, StatusFormat};
use crate::model::Pledge;
use crate::status::pledge_status;
use crate::view;

/// The löften `status` shows ([`choose::status_pledges`]), or an error saying why none.
fn select<'w>(
    ws: &'w Workspace,
    kommuner: &[String],
    all: bool,
    on: chrono::NaiveDate,
) -> Result<Vec<&'w Pledge>> {
    let named = if all {
        Vec::new()
    } else {
        kommuner
            .iter()
            .map(|k| resolve_kommun(k, ws))
            .collect::<Result<Vec<_>>>()?
    };
    let pledges: Vec<&Pledge> = ws.pledges().collect();
    choose::status_pledges(&pledges, &named, all, on).or_else(|e| match e {
        SelectError::NoLoften => bail!(
            "the pledges folder {} has no valid löften",
            ws.dir.display()
        ),
        SelectError::SeveralKommuner { count, first } => bail!(
            "the folder has löften for {count} kommuner; name one (e.g. `pledge status {}`) or use --all",
            crate::text::slug(first.name)
        ),
        SelectError::NoneFor(k) => bail!("the folder has no löfte for {}", k.name),
    })
}

pub fn status(dir: Option<PathBuf>, a: StatusArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let lang = ctx.lang;
    let ws = Workspace::open(dir, ctx.read_cutoff())?;
    let chosen = select(&ws, &a.kommuner, a.all, as_of)?;
    if a.format == StatusFormat::Json {
        let mut out = std::io::BufWriter::new(&mut ctx.out);
        view::json::write_status(&mut out, &chosen, as_of)?;
        writeln!(out)?;
        out.flush()?;
        drop(out);
        return ws.exit_code(&mut ctx.err);
    }
    let statuses: Vec<_> = chosen.iter().map(|p| pledge_status(p, as_of)).collect();
    let text = match a.format {
        StatusFormat::Json => unreachable!("written above"),
        StatusFormat::Csv => view::csv::status_csv(&statuses),
        StatusFormat::Markdown => view::markdown::status_markdowns(&statuses, lang),
        StatusFormat::Table => {
            view::table::status_tables(&statuses, a.all, lang, ctx.color, ctx.width)
        }
    };
    write!(ctx.out, "{text}")?;
    ws.exit_code(&mut ctx.err)
}
