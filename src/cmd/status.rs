//! `status`: follow-up status per kommun.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::output::Output;
use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{StatusArgs, StatusFormat};
use crate::model::Pledge;
use crate::rules::choose::{self, SelectError};
use crate::rules::status::{pledge_status_for, share_for};
use crate::view;
use crate::view::messages::{CmdMsg, Words};

/// The löften `status` shows ([`choose::status_pledges`]), or an error saying why none.
fn select<'w>(
    ws: &'w Workspace,
    kommuner: &[String],
    all: bool,
    on: chrono::NaiveDate,
    lang: crate::view::i18n::Lang,
) -> Result<(Vec<&'w Pledge>, Vec<&'static crate::kommuner::Kommun>)> {
    let named = if all {
        Vec::new()
    } else {
        kommuner
            .iter()
            .map(|k| resolve_kommun(k, ws, lang))
            .collect::<Result<Vec<_>>>()?
    };
    let pledges: Vec<&Pledge> = ws.pledges().collect();
    let chosen = choose::status_pledges(&pledges, &named, all, on).or_else(|e| match e {
        SelectError::NoLoften => {
            bail!(CmdMsg::NoValidLoften(&crate::text::shown_path(&ws.dir)).say(lang))
        }
        SelectError::SeveralKommuner { count, first } => bail!(
            CmdMsg::SeveralKommuner {
                count,
                first: &crate::text::slug(first.name)
            }
            .say(lang)
        ),
        SelectError::NoneFor(k) => {
            Err(ws.no_lofte_in(k, CmdMsg::NoLofteFor(k.name).say(lang), lang))
        }
    })?;
    Ok((chosen, named))
}

pub fn status(dir: Option<PathBuf>, a: StatusArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let lang = ctx.lang;
    let limit = view::window_limit::limit(a.windows.all_windows);
    let of = (!a.all)
        .then(|| super::workspace::needles(&a.kommuner))
        .flatten();
    let ws = Workspace::open_of(
        dir,
        ctx.here(),
        ctx.read_cutoff(),
        of.as_deref(),
        |mut f| {
            if let Some(p) = &mut f.loaded.pledge {
                p.forget_authors_and_notes();
            }
            Some(f)
        },
    )?;
    // A löfte of several kommuner, viewed for one of them, shows that kommun's share.
    let (chosen, named) = select(&ws, &a.kommuner, a.all, as_of, ctx.lang)?;
    if a.out.format == StatusFormat::Json && a.out.output.is_none() {
        let mut out = std::io::BufWriter::new(&mut ctx.out);
        view::json::write_status(&mut out, &chosen, &named, as_of, limit)?;
        writeln!(out)?;
        out.flush()?;
        drop(out);
        return ws.exit_code_in(&mut ctx.err, ctx.lang, ctx.width);
    }
    let mut statuses: Vec<_> = chosen
        .iter()
        .map(|p| pledge_status_for(p, as_of, share_for(p, &named)))
        .collect();
    // A table lists each unit on a row: at most as many as an activity shows windows.
    if matches!(a.out.format, StatusFormat::Table | StatusFormat::Markdown) {
        for s in &mut statuses {
            view::window_limit::cut_units(s, limit);
        }
    }
    let text = |t: String| Output::Text(t);
    let out = match a.out.format {
        StatusFormat::Json => {
            let mut buf = Vec::new();
            view::json::write_status(&mut buf, &chosen, &named, as_of, limit)?;
            buf.push(b'\n');
            Output::Bytes(buf)
        }
        StatusFormat::Markdown => text(view::markdown::status_markdowns(&statuses, lang)),
        StatusFormat::Table => text(view::table::status_tables(
            &statuses, a.all, lang, ctx.color, ctx.width,
        )),
        StatusFormat::Csv => text(view::csv::status_csv(&statuses)),
        f => Output::sheet(
            view::csv::status_words_csv(&statuses, lang),
            f == StatusFormat::Xlsx,
            f == StatusFormat::ExcelCsv,
            "Status",
            lang,
        )?,
    };
    super::output::emit(ctx, &out, a.out.output.as_deref())?;
    ws.exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}
