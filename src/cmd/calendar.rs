//! `calendar`: the iCalendar feed of the löften (see [`crate::view::calendar`]).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::CalendarArgs;
use crate::model::Pledge;
use crate::rules::status::{pledge_status_for, share_for};
use crate::view::messages::Words;
use crate::view::window_limit;

/// The löften of the named kommuner (every löfte of the folder when none is named), in the
/// folder's order; an error when there are none.
pub(super) fn chosen<'w>(
    ws: &'w Workspace,
    kommuner: &[String],
    lang: crate::view::i18n::Lang,
) -> Result<Vec<&'w Pledge>> {
    let named = kommuner
        .iter()
        .map(|k| resolve_kommun(k, ws, lang))
        .collect::<Result<Vec<_>>>()?;
    let pledges: Vec<&Pledge> = ws
        .pledges()
        .filter(|p| named.is_empty() || p.kommuner.iter().any(|k| named.contains(k)))
        .collect();
    match (pledges.is_empty(), named.as_slice()) {
        (false, _) => Ok(pledges),
        (true, []) => bail!(
            crate::view::messages::CmdMsg::NoValidLoften(&ws.dir.display().to_string()).say(lang)
        ),
        (true, [k, ..]) => Err(ws.no_lofte_in(
            k,
            crate::view::messages::CmdMsg::NoLofteFor(k.name).say(lang),
            lang,
        )),
    }
}

pub fn calendar(dir: Option<PathBuf>, a: CalendarArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let of = super::workspace::needles(&a.kommuner);
    let ws = Workspace::open_of(dir, ctx.here(), ctx.read_cutoff(), of.as_deref(), Some)?;
    let pledges = chosen(&ws, &a.kommuner, ctx.lang)?;
    let files = relative_files(&ws, &pledges);
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    // A löfte of several kommuner in one kommun's feed: that kommun's share, as `status`.
    let named: Vec<_> = a
        .kommuner
        .iter()
        .filter_map(|k| crate::kommuner::find(k))
        .collect();
    let mut statuses: Vec<_> = pledges
        .iter()
        .map(|p| pledge_status_for(p, as_of, share_for(p, &named)))
        .collect();
    let limit = window_limit::limit(a.windows.all_windows);
    let omitted = statuses
        .iter_mut()
        .map(|s| window_limit::cut(s, limit))
        .sum();
    let feed = crate::view::calendar::feed_in(&statuses, &files, ctx.lang);
    write!(ctx.out, "{}", window_limit::note_in_feed(feed, omitted))?;
    ws.exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}

/// The path of each löfte's file relative to the pledges folder (`arkiv/kil-2016.toml`),
/// which the calendar's UIDs name, wherever the command runs from.
pub(super) fn relative_files(ws: &Workspace, pledges: &[&Pledge]) -> Vec<String> {
    let of: std::collections::HashMap<*const Pledge, &std::path::Path> = ws
        .files
        .iter()
        .filter_map(|f| {
            Some((
                std::ptr::from_ref(f.loaded.pledge.as_ref()?),
                f.path.as_path(),
            ))
        })
        .collect();
    pledges
        .iter()
        .map(|p| match of.get(&std::ptr::from_ref(*p)) {
            Some(path) => relative(path, &ws.dir),
            None => p.file.clone(),
        })
        .collect()
}

/// `path` relative to `dir`, with `/` between folders.
pub(super) fn relative(path: &std::path::Path, dir: &std::path::Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
