//! `done`, `undo` and `log`.

use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::{
    Out, Refused, Workspace, describe_progress, kommuner_json, plural, resolve_kommun, today,
};
use crate::cli::*;
use crate::kommuner::Kommun;
use crate::model::Pledge;
use crate::record::{self, NewEntry, UndoError};
use crate::resolve::{self, MatchError};
use crate::text::safe;
use crate::{render, store};

/// The one löfte of `k` whose period holds `date` and whose area matches; when several do,
/// the ones with an activity matching `activity`, then (without `--area`) the one for the
/// whole kommun. Otherwise an error naming what exists.
fn pledge_on<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    activity: Option<&str>,
) -> Result<&'w Pledge> {
    let all: Vec<&Pledge> = ws.pledges().filter(|p| p.kommuner.contains(&k)).collect();
    let mut holding: Vec<&Pledge> = all
        .iter()
        .copied()
        .filter(|p| p.period.contains(date) && p.in_area(area))
        .collect();
    if let (true, Some(q)) = (holding.len() > 1, activity) {
        let with: Vec<&Pledge> = holding
            .iter()
            .copied()
            .filter(|p| resolve::activity(p, q).is_ok())
            .collect();
        if !with.is_empty() {
            holding = with;
        }
    }
    // Without --area, a löfte for the whole kommun is preferred to those for its parts.
    if holding.len() > 1 && area.is_none() {
        let whole: Vec<&Pledge> = holding
            .iter()
            .copied()
            .filter(|p| p.area.is_none())
            .collect();
        if let [one] = whole.as_slice() {
            holding = vec![*one];
        }
    }
    match holding.as_slice() {
        [one] => Ok(one),
        [] => {
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
            let broken = ws.files.iter().filter(|f| f.loaded.has_errors()).count();
            if broken > 0 {
                msg.push_str(&format!(
                    "\n  note: {broken} file{} in the folder could not be read; `pledge validate` shows why",
                    plural(broken)
                ));
            }
            Err(Refused(msg).into())
        }
        many => {
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
            Err(Refused(msg).into())
        }
    }
}

/// The löfte a follow-up recorded on `date` belongs to: one in force then whose follow-up is
/// yearly or continuous; else the most recently ended one whose dated follow-up is not yet
/// recorded and is due (from 90 days before its window); else the one in force; else the most
/// recently ended.
fn followup_pledge<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
) -> Result<&'w Pledge> {
    use crate::model::FollowupWhen;
    use crate::status::{FollowupState, followup_status};
    let score = |p: &Pledge| {
        let when = p.followup.as_ref().and_then(|f| f.when);
        let holding = p.period.contains(date);
        let st = followup_status(p, date);
        if holding && matches!(when, Some(FollowupWhen::Yearly | FollowupWhen::Continuous)) {
            3
        } else if p.period.end < date
            && st.status != FollowupState::Done
            && st
                .due_from
                .is_some_and(|from| date + chrono::TimeDelta::days(90) >= from)
        {
            2
        } else if holding {
            1
        } else {
            0
        }
    };
    ws.pledges()
        .filter(|p| p.kommuner.contains(&k) && p.period.start <= date && p.in_area(area))
        .max_by_key(|p| (score(p), p.period.end))
        .ok_or_else(|| {
            Refused(format!(
                "no löfte for {} had started by {date}, so it has no follow-up to record",
                k.name
            ))
            .into()
        })
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

/// `--by`, else git's user.name, else the login name.
fn default_user() -> Option<String> {
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    git.or_else(|| {
        ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
    })
}

pub fn done(dir: Option<PathBuf>, a: DoneArgs, out: &Out) -> Result<u8> {
    let today = a.as_of.unwrap_or_else(today);
    let date = a.date.unwrap_or(today);
    if a.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
        bail!("the note is empty; leave out --note, or write what happened");
    }
    if a.by.as_deref().is_some_and(|n| n.trim().is_empty()) {
        bail!("--by is empty; leave it out to use PLEDGE_USER, git's user.name or the login name");
    }
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
    if date > today {
        return Err(Refused(format!(
            "{date} is in the future (today is {today}); record work once it is done"
        ))
        .into());
    }
    let chosen = if followup {
        followup_pledge(&ws, k, date, area)?
    } else {
        pledge_on(&ws, k, date, area, Some(&a.activity))?
    };
    let target = resolve::activity(chosen, &a.activity)
        .map_err(|e| activity_error(chosen, &a.activity, e))?;
    let entry = NewEntry {
        date,
        activity: target.id().to_string(),
        count: a.count,
        by: a.by.clone().or_else(default_user),
        note: a.note.clone(),
    };
    let file = ws.file_of(chosen);
    let addition = record::addition(&file.text, &entry);
    if a.dry_run {
        print!("{addition}");
        if !out.quiet {
            eprintln!(
                "({} {})",
                out.lang.t("dry run: nothing was written to"),
                file.display
            );
        }
        return Ok(0);
    }
    // The file is read again under the lock of the folder that really holds it, and the entry
    // appended to what is there now. It validates (it loaded without errors, and its log is
    // made of `[[log]]` tables), so one more `[[log]]` table at its end keeps it valid; the
    // addition itself is checked to read back as exactly the entry.
    let (after, span) = store::edit(&file.path, lock_timeout(), today, file, |fresh| {
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
        let addition = record::addition(&fresh.text, &entry);
        if record::read_back(&addition).as_ref() != Some(&entry) {
            bail!(
                "internal error: the new entry does not read back as written; {} is unchanged",
                fresh.display
            );
        }
        let new_text = format!("{}{addition}", fresh.text);
        let span = fresh.text.len()..new_text.len();
        Ok((store::with_bom(fresh.bom, &new_text), (now, span)))
    })?;
    if !out.quiet {
        let lang = out.lang;
        println!("{} {}:", out.lang.t("recorded in"), file.display);
        print!(
            "{}",
            indent(&safe(&record::render_entry(&entry, "\n"), true))
        );
        let mut after = after;
        after.log.push(entry.to_log_entry(span));
        if let Some(act) = after.activity(&entry.activity) {
            let st = crate::status::activity_status(&after, act, date);
            println!("{}", describe_progress(&st, lang));
        }
    }
    Ok(0)
}

/// How long a writer waits for another (`PLEDGE_LOCK_TIMEOUT`, in seconds; 30 s).
fn lock_timeout() -> std::time::Duration {
    std::env::var("PLEDGE_LOCK_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(
            std::time::Duration::from_secs(30),
            std::time::Duration::from_secs_f64,
        )
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

pub fn undo(dir: Option<PathBuf>, a: UndoArgs, out: &Out) -> Result<u8> {
    let today = a.as_of.unwrap_or_else(today);
    let dir = store::find_dir(dir.as_deref())?;
    let area = a.area.as_deref();
    let (ws, k) = Workspace::for_kommun(
        dir,
        &a.kommun,
        today,
        a.date.map(|d| d.year()),
        |ws, k| match a.date {
            Some(date) => ws
                .pledges()
                .any(|p| p.kommuner.contains(&k) && p.period.contains(date) && p.in_area(area)),
            None => ws
                .pledges()
                .any(|p| p.kommuner.contains(&k) && !p.log.is_empty()),
        },
    )?;
    let chosen = match a.date {
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
    let removed_text = if a.dry_run {
        remove(file)?.1
    } else {
        store::edit(&file.path, lock_timeout(), today, file, remove)?
    };
    if !out.quiet {
        println!(
            "{} {}:",
            if a.dry_run {
                out.lang.t("would remove from")
            } else {
                out.lang.t("removed from")
            },
            file.display
        );
        print!(
            "{}",
            indent(&safe(&removed_text.replace("\r\n", "\n"), true))
        );
    }
    Ok(0)
}

pub fn log(dir: Option<PathBuf>, a: LogArgs, out: &Out) -> Result<u8> {
    let today = a.as_of.unwrap_or_else(today);
    let ws = Workspace::open(dir, today)?;
    let ks: Vec<&Kommun> = a
        .kommuner
        .iter()
        .map(|k| resolve_kommun(k, &ws))
        .collect::<Result<_>>()?;
    let mut rows = Vec::new();
    let mut activity_found = a.activity.is_none();
    for p in ws.pledges() {
        if !ks.is_empty() && !p.kommuner.iter().any(|k| ks.contains(k)) {
            continue;
        }
        let only = match &a.activity {
            Some(q) => match resolve::activity(p, q) {
                Ok(t) => Some(t.id().to_string()),
                Err(_) => continue,
            },
            None => None,
        };
        activity_found |= only.is_some();
        for e in &p.log {
            if a.since.is_some_and(|d| e.date < d)
                || a.until.is_some_and(|d| e.date > d)
                || only.as_ref().is_some_and(|id| &e.activity != id)
            {
                continue;
            }
            rows.push((p, e));
        }
    }
    if !activity_found {
        bail!(
            "no löfte{} has an activity matching \"{}\"",
            if ks.is_empty() {
                ""
            } else {
                " of those kommuner"
            },
            safe(a.activity.as_deref().unwrap_or_default(), false)
        );
    }
    // Oldest first; entries of one day stay in file order.
    rows.sort_by_key(|(p, e)| (e.date, p.file.clone(), e.span.start));
    match a.format {
        ListFormat::Json => {
            let entries: Vec<_> = rows
                .iter()
                .map(|(p, e)| {
                    json!({
                        "file": p.file,
                        "kommuner": kommuner_json(p),
                        "date": e.date,
                        "activity": e.activity,
                        "count": e.count,
                        "by": e.by,
                        "note": e.note,
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({"schema_version": 1, "entries": entries}))?
            );
        }
        ListFormat::Csv => {
            let mut s = render::csv_record(
                &[
                    "date", "kommuner", "activity", "count", "by", "note", "file",
                ]
                .map(String::from),
            );
            for (p, e) in &rows {
                s.push_str(&render::csv_record(&[
                    e.date.to_string(),
                    p.kommun_names(),
                    e.activity.clone(),
                    e.count.to_string(),
                    e.by.clone().unwrap_or_default(),
                    e.note.clone().unwrap_or_default(),
                    p.file.clone(),
                ]));
            }
            print!("{s}");
        }
        ListFormat::Table => {
            if rows.is_empty() {
                println!("{}", out.lang.t("no entries"));
            } else {
                let body = rows
                    .iter()
                    .map(|(p, e)| {
                        vec![
                            e.date.to_string(),
                            render::cell(&p.kommun_names()),
                            e.activity.clone(),
                            e.count.to_string(),
                            render::cell(e.by.as_deref().unwrap_or("")),
                            render::cell(e.note.as_deref().unwrap_or("")),
                        ]
                    })
                    .collect();
                println!(
                    "{}",
                    render::table(
                        &["Date", "Kommun", "Activity", "Count", "By", "Note"]
                            .map(|h| out.lang.t(h)),
                        body
                    )
                );
            }
        }
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}
