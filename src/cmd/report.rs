//! `report`: the document for the BRÅ meeting.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{ReportArgs, ReportFormat};
use crate::rules::choose::{self, ReportChoiceError};
use crate::rules::status::{pledge_status_for, share_for};
use crate::store::Needle;
use crate::view::messages::Words;
use crate::view::{self, meeting::Meeting};

pub fn report(dir: Option<PathBuf>, a: ReportArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let lang = ctx.lang;
    let since = a.since.map(|d| ctx.date(d));
    // Only the kommun's löften are kept (and files that cannot be read, to be named); an
    // unknown kommun is named with the folder's.
    let ws = match crate::kommuner::find(&a.kommun) {
        Some(k) => Workspace::open_of(
            dir,
            ctx.here(),
            ctx.read_cutoff(),
            Some(&[Needle::of(k)]),
            |f| {
                let of_k = f
                    .loaded
                    .pledge
                    .as_ref()
                    .is_some_and(|p| p.kommuner.contains(&k));
                (of_k || f.loaded.has_errors()).then_some(f)
            },
        )?,
        None => Workspace::open(dir, ctx.here(), ctx.read_cutoff())?,
    };
    let k = resolve_kommun(&a.kommun, &ws, ctx.lang)?;
    let p = match choose::report_pledge(ws.pledges(), k, as_of, a.area.as_deref()) {
        Ok(p) => p,
        Err(ReportChoiceError::NoneFor) => {
            return Err(ws.no_lofte_in(
                k,
                crate::view::messages::CmdMsg::NoLofteFor(k.name).say(ctx.lang),
                ctx.lang,
            ));
        }
        Err(ReportChoiceError::Several(found)) => {
            if let Some(msg) = super::workspace::same_lofte_twice(&found, ctx.lang) {
                bail!(msg);
            }
            let whole = crate::view::messages::CmdMsg::WholeKommunArea.say(ctx.lang);
            let areas: Vec<&str> = found
                .iter()
                .map(|p| p.area.as_deref().unwrap_or(&whole))
                .collect();
            let several = crate::view::messages::CmdMsg::SeveralInForce {
                n: found.len(),
                kommun: k.name,
                date: as_of,
                areas: &areas.join(", "),
            };
            bail!(several.say(ctx.lang))
        }
    };
    // A löfte of several kommuner: the report for one shows that kommun's share.
    let mut s = pledge_status_for(p, as_of, share_for(p, &[k]));
    // A report lists at most as many units of an activity as a status table (issue 25).
    view::window_limit::cut_units(&mut s, view::window_limit::limit(a.windows.all_windows));
    let m = Meeting::new(&s, since, lang);
    let page = m.page(a.meeting.map(|d| ctx.date(d)), a.sign);
    let text = match a.format {
        ReportFormat::Markdown => view::markdown::report_page_markdown(&m, &page),
        ReportFormat::Html => view::html::report_page_html(&m, &page),
    };
    write!(ctx.out, "{text}")?;
    ws.exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}
