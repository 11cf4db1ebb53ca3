//! `status`: follow-up status per kommun.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::{Ctx, Workspace, resolve_kommun};
use crate::choose::{self, SelectError};
use crate::cli::{StatusArgs, StatusFormat};
use crate::model::Pledge;
use crate::report;
use crate::status::pledge_status;

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
    let ws = Workspace::open(dir, as_of.max(ctx.clock))?;
    let chosen = select(&ws, &a.kommuner, a.all, as_of)?;
    if a.format == StatusFormat::Json {
        let mut out = std::io::BufWriter::new(&mut ctx.out);
        report::write_status_json(&mut out, &chosen, as_of)?;
        writeln!(out)?;
        out.flush()?;
        drop(out);
        return ws.exit_code(&mut ctx.err);
    }
    let statuses: Vec<_> = chosen.iter().map(|p| pledge_status(p, as_of)).collect();
    if statuses.is_empty() && matches!(a.format, StatusFormat::Table | StatusFormat::Markdown) {
        writeln!(ctx.out, "{}", lang.t("no löften match"))?;
    }
    let text = match a.format {
        StatusFormat::Json => unreachable!("written above"),
        StatusFormat::Csv => {
            let mut s = crate::render::csv_record(&report::CSV_HEADER.map(String::from));
            for st in &statuses {
                s.push_str(&report::status_csv_rows(st));
            }
            s
        }
        StatusFormat::Markdown => {
            let parts: Vec<String> = statuses
                .iter()
                .map(|s| report::status_markdown(s, lang))
                .collect();
            parts.join("\n")
        }
        StatusFormat::Table => {
            let mut lan = "";
            let mut parts = Vec::new();
            for s in &statuses {
                let mut part = String::new();
                let this_lan = s.pledge.kommuner[0].lan;
                if a.all && this_lan != lan {
                    lan = this_lan;
                    part.push_str(&format!("━━ {this_lan} ━━\n\n"));
                }
                part.push_str(&report::status_table(s, lang, ctx.color));
                parts.push(part);
            }
            parts.join("\n")
        }
    };
    write!(ctx.out, "{text}")?;
    ws.exit_code(&mut ctx.err)
}
