//! `undo`: remove a log entry, under the folder lock.
//!
//! By default the user's own most recent entry among the kommun's löften goes, wherever it is
//! in its file; `--date`, `--activity` and `--index` name another. Someone else's entry is
//! removed only when named, and the command says whose entry it removes before doing so.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::done::indent;
use super::workspace::Lookup;
use super::{Ctx, Refused, Usage, Workspace};
use crate::cli::UndoArgs;
use crate::edit::record::{self, PickError, UndoError, UndoPick};
use crate::kommuner::Kommun;
use crate::model::{LogEntry, Pledge};
use crate::store;
use crate::text::{safe, slug};
use crate::view::i18n::Lang;
use crate::view::messages::Words;
use crate::view::{Label, Msg, RecordMsg};

/// What the arguments of `undo` ask for.
struct Query<'a> {
    user: Option<&'a str>,
    date: Option<NaiveDate>,
    activity: Option<&'a str>,
    area: Option<&'a str>,
    index: Option<usize>,
}

impl Query<'_> {
    fn named(&self) -> bool {
        self.date.is_some() || self.activity.is_some() || self.index.is_some()
    }
}

pub fn undo(dir: Option<PathBuf>, a: UndoArgs, ctx: &mut Ctx) -> Result<u8> {
    if a.by.as_deref().is_some_and(crate::load::problems::blank) {
        return Err(super::append::empty_by(ctx.lang));
    }
    if a.index == Some(0) {
        return Err(Usage(Msg::IndexFromOne.say(ctx.lang)).into());
    }
    let user = ctx.user();
    let q = Query {
        user: user.as_deref(),
        date: a.date.map(|d| ctx.date(d)),
        activity: a.activity.as_deref(),
        area: a.area.as_deref(),
        index: a.index,
    };
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    // An index counts the entries `pledge log KOMMUN` lists, so it needs the whole folder.
    let lookup = Lookup {
        cwd: ctx.here(),
        today: ctx.read_cutoff(),
        lang: ctx.lang,
        year: q.date.map(|d| d.year()),
        area: a.area.as_deref(),
        on: None,
    };
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, lookup, |ws, k, _| {
        q.index.is_none() && choose(ws, k, &q).is_ok()
    })?;
    if !q.named()
        && let Some(p) = trailing_outcome(&ws, k, &q)
    {
        let p = p.clone();
        return remove_trailing_outcome(&ws, &p, *a.dry_run, ctx);
    }
    let chosen = choose(&ws, k, &q);
    // `--date D` alone, with no log entry of that day: the measurement or verdict of that day
    // that ends its löfte's file (the one undo can remove), whoever wrote it.
    if chosen.is_err()
        && let Some(p) = dated_outcome(&ws, k, &q)
    {
        let p = p.clone();
        return remove_trailing_outcome(&ws, &p, *a.dry_run, ctx);
    }
    let (p, e) =
        chosen.map_err(|e| refusal(e, k, &q, ctx.lang, &ws.unreadable_notes_in(k, ctx.lang).0))?;
    let p = p.clone();
    let e = e.clone();
    if !ctx.quiet {
        writeln!(ctx.err, "{}", whose(&e, &q, *a.dry_run, ctx.lang))?;
    }
    remove_entry(&ws, &p, &e, *a.dry_run, ctx)
}

/// A löfte whose file ends with the user's own measurement or verdict (issue 13), appended
/// after its last log entry: `undo` without a query removes that first.
fn trailing_outcome<'w>(ws: &'w Workspace, k: &Kommun, q: &Query<'_>) -> Option<&'w Pledge> {
    let user = q.user?.trim().to_lowercase();
    candidates(ws, k, q).into_iter().find(|p| {
        let last_log = p.log.iter().map(|e| e.span.start).max();
        let last = p
            .measurements
            .iter()
            .map(|m| (m.span.start, m.by.as_deref()))
            .chain(p.verdicts.iter().map(|v| (v.span.start, v.by.as_deref())))
            .max_by_key(|x| x.0);
        last.is_some_and(|(at, by)| {
            last_log.is_none_or(|l| l < at) && by.is_some_and(|b| b.trim().to_lowercase() == user)
        })
    })
}

/// With only `--date D` asked for: a löfte whose file ends with a measurement or verdict of
/// day D, appended after its last log entry.
fn dated_outcome<'w>(ws: &'w Workspace, k: &Kommun, q: &Query<'_>) -> Option<&'w Pledge> {
    let day = q
        .date
        .filter(|_| q.activity.is_none() && q.index.is_none())?;
    candidates(ws, k, q).into_iter().find(|p| {
        let last_log = p.log.iter().map(|e| e.span.start).max();
        let last = p
            .measurements
            .iter()
            .map(|m| (m.span.start, m.date))
            .chain(p.verdicts.iter().map(|v| (v.span.start, v.date)))
            .max_by_key(|x| x.0);
        last.is_some_and(|(at, date)| last_log.is_none_or(|l| l < at) && date == day)
    })
}

/// Removes the measurement or verdict that ends the löfte's file (or shows it, on a dry run).
fn remove_trailing_outcome(ws: &Workspace, p: &Pledge, dry_run: bool, ctx: &mut Ctx) -> Result<u8> {
    ws.refuse_copies(p, ctx.here(), ctx.read_cutoff(), ctx.lang)?;
    let file = ws.file_of(p);
    let lang = ctx.lang;
    let remove = |f: &store::SourceFile| -> Result<(Vec<u8>, String)> {
        let p = super::loaded_now(f, lang)?;
        let (new_text, removed) = record::undo_last(&f.text, p).map_err(|e| match e {
            UndoError::NoEntries => Refused(
                RecordMsg::NothingToUndo {
                    file: &f.display,
                    log: false,
                }
                .say(lang),
            ),
            UndoError::NotAsWritten => Refused(RecordMsg::LastNotAsWritten(&f.display).say(lang)),
        })?;
        let removed_text = f.text[removed..].to_string();
        Ok((store::with_bom(f.bom, &new_text), removed_text))
    };
    let removed_text = if dry_run {
        remove(file)?.1
    } else {
        store::edit(
            &file.path,
            ctx.under(Some(&ws.dir)),
            ctx.read_cutoff(),
            file,
            &ws.temporaries,
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

/// The löften `undo` looks in: the kommun's, in the area asked for.
fn candidates<'w>(ws: &'w Workspace, k: &Kommun, q: &Query<'_>) -> Vec<&'w Pledge> {
    ws.pledges()
        .filter(|p| p.kommuner.contains(&k) && p.in_area(q.area))
        .collect()
}

/// The löfte and entry the query picks.
fn choose<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    q: &Query<'_>,
) -> Result<(&'w Pledge, &'w LogEntry), PickError> {
    let pledges = candidates(ws, k, q);
    if let Some(n) = q.index {
        // Numbered as `pledge log KOMMUN` lists the kommun's entries, whatever the area.
        let all: Vec<&Pledge> = ws.pledges().filter(|p| p.kommuner.contains(&k)).collect();
        return record::nth_in_log(&all, n)
            .filter(|(p, e)| {
                p.in_area(q.area)
                    && q.date.is_none_or(|d| e.date == d)
                    && q.activity.is_none_or(|a| activity_id(p, a) == e.activity)
            })
            .ok_or(if all.iter().all(|p| p.log.is_empty()) {
                PickError::NoEntries
            } else {
                PickError::NoMatch
            });
    }
    // The activity is named as for `done` (an id, its prefix, a word of its text), which
    // each löfte resolves to its own id.
    let ids: Vec<String> = pledges
        .iter()
        .map(|p| q.activity.map(|a| activity_id(p, a)).unwrap_or_default())
        .collect();
    record::pick_among_each(pledges.iter().zip(&ids).map(|(p, id)| {
        (
            *p,
            UndoPick {
                user: q.user,
                date: q.date,
                activity: q.activity.map(|_| id.as_str()),
                index: None,
            },
        )
    }))
}

/// The id `query` names in `p`, or the query as written when it names none there.
fn activity_id(p: &Pledge, query: &str) -> String {
    crate::rules::resolve::activity(p, query)
        .map(|t| t.id().to_string())
        .unwrap_or_else(|_| query.to_string())
}

/// `unreadable`: notes naming the files that cannot be read ([`Workspace::unreadable_notes`]).
fn refusal(e: PickError, k: &Kommun, q: &Query<'_>, lang: Lang, unreadable: &str) -> anyhow::Error {
    let log = format!("pledge log {}", slug(k.name));
    let user = q.user.map(|u| safe(u, false));
    let activity = q.activity.map(|a| safe(a, false));
    let msg = match e {
        PickError::NoEntries => Msg::NoEntriesToUndo { kommun: k.name },
        PickError::NoneOfYours { others } => Msg::NoneOfYours {
            others,
            kommun: k.name,
            user: user.as_deref(),
            log: &log,
        },
        PickError::NoMatch => Msg::NoEntryMatches {
            kommun: k.name,
            date: q.date,
            activity: activity.as_deref(),
            index: q.index,
            log: &log,
        },
    };
    let mut text = msg.say(lang);
    if matches!(e, PickError::NoEntries) {
        text.push_str(unreadable);
    }
    Refused(text).into()
}

/// "removing Anna Andersson's entry of 2016-05-12 (trygghetsvandring)", and whether it is
/// someone else's.
fn whose(e: &LogEntry, q: &Query<'_>, dry_run: bool, lang: Lang) -> String {
    let by = e.by.as_deref().map(|b| safe(b, false));
    let user = q.user.map(|u| safe(u, false));
    let mut s = Msg::Removing {
        by: by.as_deref(),
        date: e.date,
        activity: &e.activity,
        dry_run,
    }
    .say(lang);
    if !record::is_own(q.user, e) {
        s.push_str(&Msg::NotYours(user.as_deref()).say(lang));
        debug_assert!(q.named());
    }
    s
}

/// Removes the entry from the löfte's file (or shows it, on a dry run).
fn remove_entry(
    ws: &Workspace,
    p: &Pledge,
    picked: &LogEntry,
    dry_run: bool,
    ctx: &mut Ctx,
) -> Result<u8> {
    ws.refuse_copies(p, ctx.here(), ctx.read_cutoff(), ctx.lang)?;
    let file = ws.file_of(p);
    // Which of the entries just like it (same day, activity, author, note…) it is: another
    // writer's change meanwhile moves it in the file, but not among its equals.
    let nth = p
        .log
        .iter()
        .filter(|e| same_entry(e, picked) && e.span.start < picked.span.start)
        .count();
    let lang = ctx.lang;
    let remove = |f: &store::SourceFile| -> Result<Vec<u8>> {
        let p = super::loaded_now(f, lang)?;
        // The file as it is now must still hold the entry.
        let Some(e) = p.log.iter().filter(|e| same_entry(e, picked)).nth(nth) else {
            return Err(Refused(RecordMsg::EntryMoved(&f.display).say(lang)).into());
        };
        let new_text = record::remove(&f.text, p, e).map_err(|err| match err {
            UndoError::NoEntries => Refused(
                RecordMsg::NothingToUndo {
                    file: &f.display,
                    log: true,
                }
                .say(lang),
            ),
            UndoError::NotAsWritten => Refused(
                RecordMsg::EntryNotAsWritten {
                    date: e.date,
                    activity: &e.activity,
                    file: &f.display,
                }
                .say(lang),
            ),
        })?;
        Ok(store::with_bom(f.bom, &new_text))
    };
    // Written under the lock of the folder that really holds the file, from the file as it
    // is once the lock is held.
    if dry_run {
        remove(file)?;
    } else {
        store::edit(
            &file.path,
            ctx.under(Some(&ws.dir)),
            ctx.read_cutoff(),
            file,
            &ws.temporaries,
            |f| remove(f).map(|bytes| (bytes, ())),
        )?;
    }
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
        let shown = record::render_entry(&record::NewEntry::of(picked), "\n");
        write!(ctx.out, "{}", indent(&safe(&shown, true)))?;
    }
    Ok(0)
}

/// The same entry at the same place of the file.
/// The same entry, wherever it is in the file.
fn same_entry(a: &LogEntry, b: &LogEntry) -> bool {
    let LogEntry {
        date,
        activity,
        part,
        unit,
        kommun,
        request,
        instead_of_slot,
        event,
        count,
        by,
        note,
        span: _,
    } = a;
    (date, activity, part, unit, kommun, request, count, by, note)
        == (
            &b.date,
            &b.activity,
            &b.part,
            &b.unit,
            &b.kommun,
            &b.request,
            &b.count,
            &b.by,
            &b.note,
        )
        && (instead_of_slot, event) == (&b.instead_of_slot, &b.event)
}
