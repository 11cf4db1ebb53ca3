//! `done` and `undo`: add or remove a log entry, under the folder lock.

use std::io::Write;
use std::path::PathBuf;

use crate::view::Label;
use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};

use super::{Ctx, Refused, Workspace, describe_progress};
use crate::choose::{self, OnDateError};
use crate::cli::{DoneArgs, UndoArgs};
use crate::kommuner::Kommun;
use crate::model::Pledge;
use crate::record::{self, NewEntry, UndoError};
use crate::resolve::{self, MatchError};
use crate::store;
use crate::text::{plural, safe};

/// The löfte of `k` holding `date` ([`choose::pledge_on`]), or a refusal naming what exists.
fn pledge_on<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    activity: Option<&str>,
) -> Result<&'w Pledge> {
    choose::pledge_on(ws.pledges(), k, date, area, activity)
        .map_err(|e| Refused(on_date_message(e, k, date, ws.broken())).into())
}

fn on_date_message(e: OnDateError<'_>, k: &Kommun, date: NaiveDate, broken: usize) -> String {
    match e {
        OnDateError::NoneHolds { all } => {
            let mut msg = format!("no löfte for {} holds {date}", k.name);
            if all.is_empty() {
                msg.push_str(" (there are none for it in the folder)");
            } else {
                msg.push_str("; its löften:");
                for p in &all {
                    msg.push_str(&format!(
                        "\n  {}: {} to {}",
                        p.file, p.period.start, p.period.end
                    ));
                    if p.period.until_replaced {
                        msg.push_str(" (in force until replaced)");
                    }
                }
                msg.push_str("\n  give the date of the work with --date YYYY-MM-DD");
            }
            if broken > 0 {
                msg.push_str(&format!(
                    "\n  note: {broken} file{} in the folder could not be read; `pledge validate` shows why",
                    plural(broken)
                ));
            }
            msg
        }
        OnDateError::Several(many) => {
            let mut msg = format!("{} löften for {} hold {date}:", many.len(), k.name);
            for p in many {
                msg.push_str(&format!(
                    "\n  {}: {} to {}, {}",
                    p.file,
                    p.period.start,
                    p.period.end,
                    p.area
                        .as_deref()
                        .map_or("the whole kommun".to_string(), |a| format!(
                            "area \"{}\"",
                            safe(a, false)
                        ))
                ));
            }
            msg.push_str("\n  choose one with --area TEXT (the whole kommun: leave --area out when only one has no area)");
            msg
        }
    }
}

fn activity_error(p: &Pledge, query: &str, e: MatchError<'_>) -> anyhow::Error {
    let q = safe(query, false);
    match e {
        MatchError::Unknown => {
            let mut msg = format!("no activity \"{q}\" in {}; its activities:", p.file);
            for a in &p.activities {
                msg.push_str(&format!("\n  {:<20} {}", a.id, safe(&a.text, false)));
            }
            msg.push_str(&format!(
                "\n  {:<20} the follow-up itself",
                crate::model::FOLLOWUP_ID
            ));
            let ids: Vec<&str> = p.activities.iter().map(|a| a.id.as_str()).collect();
            if let Some(hint) = crate::text::did_you_mean(query, &ids, true) {
                msg.push_str(&format!("\n  {hint}"));
            }
            anyhow::anyhow!(msg)
        }
        MatchError::Ambiguous(list) => {
            let mut msg = format!(
                "\"{q}\" matches {} activities of {}; give the id:",
                list.len(),
                p.file
            );
            for a in list {
                msg.push_str(&format!("\n  {:<20} {}", a.id, safe(&a.text, false)));
            }
            anyhow::anyhow!(msg)
        }
    }
}

/// The arguments of `done` that can be refused before anything is read.
fn check_done_args(a: &DoneArgs) -> Result<()> {
    if a.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
        bail!("the note is empty; leave out --note, or write what happened");
    }
    if a.by.as_deref().is_some_and(|n| n.trim().is_empty()) {
        bail!("--by is empty; leave it out to use PLEDGE_USER, git's user.name or the login name");
    }
    Ok(())
}

pub fn done(dir: Option<PathBuf>, a: DoneArgs, ctx: &mut Ctx) -> Result<u8> {
    let today = ctx.today;
    let date = a.date.map_or(today, |d| ctx.date(d));
    check_done_args(&a)?;
    let dir = store::find_dir(dir.as_deref())?;
    let area = a.area.as_deref();
    let followup = resolve::is_followup(&a.activity);
    // A follow-up usually comes after its löfte's period: look at last year's files too.
    let (ws, k) = Workspace::for_kommun(
        dir,
        &a.kommun,
        today,
        (!followup).then(|| date.year()),
        |ws, k| {
            ws.pledges().any(|p| {
                p.kommuner.contains(&k)
                    && p.in_area(area)
                    && if followup {
                        p.period.start <= date
                    } else {
                        p.period.contains(date)
                    }
            })
        },
    )?;
    if date > ctx.write_cutoff() {
        let today = ctx.write_cutoff();
        return Err(Refused(format!(
            "{date} is in the future (today is {today}); record work once it is done"
        ))
        .into());
    }
    let chosen = if followup {
        choose::followup_pledge(ws.pledges(), k, date, area).ok_or_else(|| {
            Refused(format!(
                "no löfte for {} had started by {date}, so it has no follow-up to record",
                k.name
            ))
        })?
    } else {
        pledge_on(&ws, k, date, area, Some(&a.activity))?
    };
    let target = resolve::activity(chosen, &a.activity)
        .map_err(|e| activity_error(chosen, &a.activity, e))?;
    let entry = NewEntry {
        date,
        activity: target.id().to_string(),
        count: a.count,
        by: ctx.user.clone(),
        note: a.note.clone(),
    };
    write_entry(&ws, chosen, &entry, a.dry_run, ctx)
}

/// Appends the entry to the löfte's file (or shows it, on a dry run) and tells the progress.
fn write_entry(
    ws: &Workspace,
    chosen: &Pledge,
    entry: &NewEntry,
    dry_run: bool,
    ctx: &mut Ctx,
) -> Result<u8> {
    let file = ws.file_of(chosen);
    let addition = record::addition(&file.text, entry);
    if dry_run {
        write!(ctx.out, "{addition}")?;
        if !ctx.quiet {
            writeln!(
                ctx.err,
                "({} {})",
                ctx.lang.t(Label::DryRunNothingWritten),
                file.display
            )?;
        }
        return Ok(0);
    }
    // The file is read again under the lock of the folder that really holds it, and the entry
    // appended to what is there now. It validates (it loaded without errors, and its log is
    // made of `[[log]]` tables), so one more `[[log]]` table at its end keeps it valid; the
    // addition itself is checked to read back as exactly the entry.
    let (after, span) = store::edit(
        &file.path,
        ctx.lock_timeout,
        ctx.read_cutoff(),
        file,
        |fresh| {
            let Some(now) = fresh
                .loaded
                .pledge
                .clone()
                .filter(|_| !fresh.loaded.has_errors())
            else {
                return Err(Refused(format!(
                    "{} was changed meanwhile and no longer loads; `pledge validate {}` shows why",
                    fresh.display, fresh.display
                ))
                .into());
            };
            let addition = record::addition(&fresh.text, entry);
            if record::read_back(&addition).as_ref() != Some(entry) {
                bail!(
                    "internal error: the new entry does not read back as written; {} is unchanged",
                    fresh.display
                );
            }
            let new_text = format!("{}{addition}", fresh.text);
            let span = fresh.text.len()..new_text.len();
            Ok((store::with_bom(fresh.bom, &new_text), (now, span)))
        },
    )?;
    if !ctx.quiet {
        let lang = ctx.lang;
        writeln!(ctx.out, "{} {}:", lang.t(Label::RecordedIn), file.display)?;
        write!(
            ctx.out,
            "{}",
            indent(&safe(&record::render_entry(entry, "\n"), true))
        )?;
        let mut after = after;
        after.log.push(entry.to_log_entry(span));
        if let Some(act) = after.activity(&entry.activity) {
            let st = crate::status::activity_status(&after, act, entry.date);
            writeln!(ctx.out, "{}", describe_progress(&st, lang))?;
        }
    }
    Ok(0)
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

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
