//! `done`: add a log entry, under the folder lock.

use std::io::Write;
use std::path::PathBuf;

use crate::view::Label;
use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};

use super::workspace::Lookup;
use super::{Ctx, Refused, Usage, Workspace, describe_progress};
use crate::cli::DoneArgs;
use crate::edit::record::{self, NewEntry};
use crate::kommuner::Kommun;
use crate::model::{Activity, Pledge};
use crate::rules::choose::{self, OnDateError};
use crate::rules::resolve::{self, ActivityOrFollowup, MatchError, NameError};
use crate::store;
use crate::text::safe;

/// The löfte of `k` holding `date` ([`choose::pledge_on`]), or a refusal naming what exists.
pub(super) fn pledge_on<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    activity: Option<&str>,
) -> Result<&'w Pledge> {
    choose::pledge_on(ws.pledges(), k, date, area, activity)
        .map_err(|e| Refused(on_date_message(e, k, date, area, &ws.unreadable_notes(k).0)).into())
}

/// "the whole kommun", or `area "Centrum"`.
fn area_words(p: &Pledge) -> String {
    p.area
        .as_deref()
        .map_or("the whole kommun".to_string(), |a| {
            format!("area \"{}\"", safe(a, false))
        })
}

fn on_date_message(
    e: OnDateError<'_>,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    unreadable: &str,
) -> String {
    match e {
        OnDateError::NoneHolds { all } => {
            let mut msg = match area {
                Some(a) => format!(
                    "no löfte for {} in an area named \"{}\" holds {date}",
                    k.name,
                    safe(a, false)
                ),
                None => format!("no löfte for {} holds {date}", k.name),
            };
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
                    if area.is_some() {
                        msg.push_str(&format!(", {}", area_words(p)));
                    }
                }
                msg.push_str(if area.is_some() {
                    "\n  give the area as its löfte names it (the beginning is enough), or leave \
                     --area out for the whole kommun"
                } else {
                    "\n  give the date of the work with --date YYYY-MM-DD"
                });
            }
            msg.push_str(unreadable);
            msg
        }
        OnDateError::Several(many) => {
            if let Some(msg) = super::workspace::same_lofte_twice(&many) {
                return msg;
            }
            let mut msg = format!("{} löften for {} hold {date}:", many.len(), k.name);
            for p in many {
                msg.push_str(&format!(
                    "\n  {}: {} to {}, {}",
                    p.file,
                    p.period.start,
                    p.period.end,
                    area_words(p)
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
            Usage(msg).into()
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
            Usage(msg).into()
        }
    }
}

/// The arguments of `done` that can be refused before anything is read.
fn check_done_args(a: &DoneArgs) -> Result<()> {
    if a.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(
            Usage("the note is empty; leave out --note, or write what happened".into()).into(),
        );
    }
    if a.by.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(Usage(
            "--by is empty; leave it out to use PLEDGE_USER, git's user.name or the login name"
                .into(),
        )
        .into());
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
    let lookup = Lookup {
        today: ctx.read_cutoff(),
        year: (!followup).then(|| date.year()),
        area,
    };
    // Enough when a löfte that could take the entry has the activity: one without it (an
    // area's löfte named after the kommun) does not stop the search for the kommun's own.
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, lookup, |ws, k, _| {
        ws.pledges().any(|p| {
            p.kommuner.contains(&k)
                && p.in_area(area)
                && if followup {
                    p.period.start <= date
                } else {
                    p.period.may_hold(date) && resolve::activity(p, &a.activity).is_ok()
                }
        })
    })?;
    if date > ctx.write_cutoff() {
        let today = ctx.write_cutoff();
        return Err(Refused(format!(
            "{date} is in the future (today is {today}); record work once it is done"
        ))
        .into());
    }
    let chosen = if followup {
        super::refuse_areas_begun(&ws, k, area)?;
        choose::followup_pledge(ws.pledges(), k, date, area).ok_or_else(|| {
            Refused(format!(
                "no löfte for {} had started by {date}, so it has no follow-up to record{}",
                k.name,
                ws.unreadable_notes(k).0
            ))
        })?
    } else {
        pledge_on(&ws, k, date, area, Some(&a.activity))?
    };
    let target = resolve::activity(chosen, &a.activity)
        .map_err(|e| activity_error(chosen, &a.activity, e))?;
    let entry = NewEntry {
        by: ctx.user.clone(),
        note: a.note.clone(),
        ..entry_for(chosen, k, &target, date, &a)?
    };
    write_entry(&ws, chosen, &entry, a.dry_run, ctx)
}

/// The entry for the activity (or follow-up) on `date`, with its part, unit, kommun and
/// request checked against the löfte; refused with the reason when they do not fit.
fn entry_for(
    p: &Pledge,
    k: &Kommun,
    target: &ActivityOrFollowup<'_>,
    date: NaiveDate,
    a: &DoneArgs,
) -> Result<NewEntry> {
    let mut entry = NewEntry::new(date, target.id(), a.count);
    let act = match target {
        ActivityOrFollowup::Followup => {
            if a.unit.is_some() || a.part.is_some() || a.request {
                return Err(Usage(
                    "--unit, --part and --request are for activities, not the follow-up".into(),
                )
                .into());
            }
            let due_from = crate::rules::status::followup_status(p, date).due_from;
            if let Some(from) = due_from.filter(|from| date < *from) {
                return Err(Refused(format!(
                    "the follow-up of {} is due from {from}; recorded on {date} it would not count\n  \
                     record it when it is done, on or after {from}",
                    p.file
                ))
                .into());
            }
            return Ok(entry);
        }
        ActivityOrFollowup::Activity(act) => *act,
    };
    let parts: Vec<&str> = act.parts.iter().map(|x| x.id.as_str()).collect();
    entry.part = pick_name(act, "part", "parts", a.part.as_deref(), &parts)?;
    let units: Vec<&str> = act.units.iter().map(String::as_str).collect();
    entry.unit = pick_name(act, "unit", "units", a.unit.as_deref(), &units)?;
    let judged = entry
        .part
        .as_deref()
        .and_then(|id| act.parts.iter().find(|x| x.id == id))
        .unwrap_or(act);
    if a.request && judged.target != crate::model::Target::OnRequest {
        return Err(Usage(format!(
            "--request is for on-request activities; \"{}\" has a target of its own\n  \
             leave out --request to record the work",
            judged.id
        ))
        .into());
    }
    entry.request = a.request;
    if p.kommuner.len() > 1 {
        entry.kommun = Some(k.name.to_string());
    }
    Ok(entry)
}

/// The unit or part `query` names, among `names`: required when there are any, a usage error
/// when there are none.
fn pick_name(
    act: &Activity,
    what: &str,
    whats: &str,
    query: Option<&str>,
    names: &[&str],
) -> Result<Option<String>> {
    let list = || {
        names
            .iter()
            .map(|n| format!("\n  {}", safe(n, false)))
            .collect::<String>()
    };
    match query {
        None if names.is_empty() => Ok(None),
        None => Err(Usage(format!(
            "\"{}\" is judged per {what}: say which with --{what}; its {whats}:{}",
            act.id,
            list()
        ))
        .into()),
        Some(q) if names.is_empty() => Err(Usage(format!(
            "\"{}\" has no {whats}; leave out --{what} \"{}\"",
            act.id,
            safe(q, false)
        ))
        .into()),
        Some(q) => match resolve::name(q, names) {
            Ok(n) => Ok(Some(n.to_string())),
            Err(NameError::Unknown(hint)) => Err(Usage(format!(
                "no {what} \"{}\" in \"{}\"; its {whats}:{}{}",
                safe(q, false),
                act.id,
                list(),
                hint.map(|h| format!("\n  {h}")).unwrap_or_default()
            ))
            .into()),
            Err(NameError::Ambiguous(many)) => Err(Usage(format!(
                "\"{}\" matches {} {whats} of \"{}\"; give more of the name:{}",
                safe(q, false),
                many.len(),
                act.id,
                many.iter()
                    .map(|n| format!("\n  {}", safe(n, false)))
                    .collect::<String>()
            ))
            .into()),
        },
    }
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
        &ws.temporaries,
        |fresh| {
            let now = super::loaded_now(fresh)?.clone();
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
            let st = crate::rules::status::activity_status(&after, act, entry.date);
            writeln!(ctx.out, "{}", describe_progress(&st, lang))?;
        }
    }
    Ok(0)
}

pub(super) fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}
