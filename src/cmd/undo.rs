//! `undo`: remove a log entry, under the folder lock.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::Datelike;

use super::done::{indent, pledge_on};
use super::{Ctx, Refused, Workspace};
use crate::cli::UndoArgs;
use crate::model::Pledge;
use crate::record::{self, UndoError};
use crate::store;
use crate::text::safe;
use crate::view::Label;

pub fn undo(dir: Option<PathBuf>, a: UndoArgs, ctx: &mut Ctx) -> Result<u8> {
    let today = ctx.today;
    let date = a.date.map(|d| ctx.date(d));
    let dir = store::find_dir(dir.as_deref())?;
    let area = a.area.as_deref();
    let (ws, k) =
        Workspace::for_kommun(
            dir,
            &a.kommun,
            today,
            date.map(|d| d.year()),
            |ws, k| match date {
                Some(date) => ws
                    .pledges()
                    .any(|p| p.kommuner.contains(&k) && p.period.contains(date) && p.in_area(area)),
                None => ws
                    .pledges()
                    .any(|p| p.kommuner.contains(&k) && !p.log.is_empty()),
            },
        )?;
    let chosen = match date {
        Some(date) => Some(pledge_on(&ws, k, date, area, None)?),
        // The löfte with the most recent recording: the file written last.
        None => ws
            .pledges()
            .filter(|p| p.kommuner.contains(&k) && !p.log.is_empty())
            .max_by_key(|p| {
                std::fs::metadata(&ws.file_of(p).path)
                    .and_then(|m| m.modified())
                    .ok()
            }),
    };
    let Some(p) = chosen else {
        return Err(Refused(format!(
            "no löfte for {} has recorded entries to undo",
            k.name
        ))
        .into());
    };
    remove_last(&ws, p, a.dry_run, ctx)
}

/// Removes the löfte's last entry (or shows it, on a dry run).
fn remove_last(ws: &Workspace, p: &Pledge, dry_run: bool, ctx: &mut Ctx) -> Result<u8> {
    let file = ws.file_of(p);
    let remove = |f: &store::SourceFile| -> Result<(Vec<u8>, String)> {
        let Some(p) = f.loaded.pledge.as_ref().filter(|_| !f.loaded.has_errors()) else {
            return Err(Refused(format!(
                "{} was changed meanwhile and no longer loads; `pledge validate {}` shows why",
                f.display, f.display
            ))
            .into());
        };
        let (new_text, removed) = record::undo(&f.text, p).map_err(|e| match e {
            UndoError::NoEntries => Refused(format!("{} has no log entries to undo", f.display)),
            UndoError::NotAsWritten => Refused(format!(
                "the last log entry of {} is not as `pledge done` wrote it (edited by hand, or not \
                 at the end of the file), so undo leaves it alone; edit the file by hand",
                f.display
            )),
        })?;
        let removed_text = f.text[removed.span.start..].to_string();
        Ok((store::with_bom(f.bom, &new_text), removed_text))
    };
    // Written under the lock of the folder that really holds the file, from the file as it
    // is once the lock is held.
    let removed_text = if dry_run {
        remove(file)?.1
    } else {
        store::edit(
            &file.path,
            ctx.lock_timeout,
            ctx.read_cutoff(),
            file,
            remove,
        )?
    };
    if !ctx.quiet {
        writeln!(
            ctx.out,
            "{} {}:",
            if dry_run {
                ctx.lang.t(Label::WouldRemoveFrom)
            } else {
                ctx.lang.t(Label::RemovedFrom)
            },
            file.display
        )?;
        write!(
            ctx.out,
            "{}",
            indent(&safe(&removed_text.replace("\r\n", "\n"), true))
        )?;
    }
    Ok(0)
}
