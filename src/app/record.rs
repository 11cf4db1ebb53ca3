//! `done`, `undo` and `log`.

use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::json;

use super::{
    Out, Refused, Workspace, describe_progress, kommuner_json, plural, resolve_kommun, today,
};
use crate::cli::*;
use crate::i18n::Lang;
use crate::kommuner::Kommun;
use crate::model::Pledge;
use crate::record::{self, NewEntry, UndoError};
use crate::resolve::{self, MatchError};
use crate::text::safe;
use crate::{render, store};

/// Whether a löfte's `area` matches an `--area` argument (folded, a prefix is enough); a
/// löfte for the whole kommun matches `--area` only when none is given.
fn area_matches(p: &Pledge, area: Option<&str>) -> bool {
    match (area, &p.area) {
        (None, _) => true,
        (Some(q), Some(a)) => crate::kommuner::fold(a).starts_with(&crate::kommuner::fold(q)),
        (Some(_), None) => false,
    }
}

/// The one löfte of `k` whose period holds `date` (and whose area matches, and that has an
/// activity matching `activity`, when more than one löfte holds the date), or an error naming
/// what exists.
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
        .filter(|p| p.period.contains(date) && area_matches(p, area))
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

/// With no `--area`, among several löften holding the date, the one for the whole kommun.
fn whole_kommun<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
) -> Option<&'w Pledge> {
    if area.is_some() {
        return None;
    }
    let whole: Vec<&Pledge> = ws
        .pledges()
        .filter(|p| p.kommuner.contains(&k) && p.period.contains(date) && p.area.is_none())
        .collect();
    (whole.len() == 1).then(|| whole[0])
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
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, today, |ws, k| {
        ws.pledges().any(|p| {
            p.kommuner.contains(&k) && p.period.contains(date) && area_matches(p, a.area.as_deref())
        }) && !ws.files.iter().any(|f| f.loaded.has_errors())
    })?;
    if date > today {
        return Err(Refused(format!(
            "{date} is in the future (today is {today}); record work once it is done"
        ))
        .into());
    }
    let chosen = pledge_on(&ws, k, date, a.area.as_deref(), Some(&a.activity))
        .or_else(|e| whole_kommun(&ws, k, date, a.area.as_deref()).ok_or(e))?;
    // The activity is matched before the lock, so a typo costs nothing.
    let target = resolve::activity(chosen, &a.activity)
        .map_err(|e| activity_error(chosen, &a.activity, e))?;
    let entry = NewEntry {
        date,
        activity: target.id().to_string(),
        count: a.count,
        by: a.by.clone().or_else(default_user),
        note: a.note.clone(),
    };
    let path = ws.path_of(chosen);

    if a.dry_run {
        let fresh = store::read(&path, today)?;
        print!("{}", record::addition(&fresh.text, &entry));
        if !out.quiet {
            eprintln!("(dry run: nothing was written to {})", fresh.display);
        }
        return Ok(0);
    }

    let _lock = store::lock(&ws.dir)?;
    // Read again inside the lock: another process may have written since.
    let (fresh, raw) = store::read_raw(&path, today)?;
    if fresh.loaded.has_errors() {
        return Err(Refused(format!(
            "{} does not validate, so nothing was written:\n{}",
            fresh.display,
            fresh.render_diags()
        ))
        .into());
    }
    let before = fresh
        .loaded
        .pledge
        .as_ref()
        .expect("no errors, so a pledge");
    let new_text = record::append(&fresh.text, &entry);
    let check = crate::load::load(&fresh.display, &new_text, today);
    let after = match &check.pledge {
        Some(p) if p.log.len() == before.log.len() + 1 => p,
        _ => bail!(
            "internal error: the new entry did not read back as one entry; {} is unchanged",
            fresh.display
        ),
    };
    store::write_atomic(&path, &store::with_bom(&raw, &new_text))?;
    if !out.quiet {
        let lang = Lang::from_env();
        println!("recorded in {}:", fresh.display);
        print!(
            "{}",
            indent(&safe(&record::render_entry(&entry, "\n"), true))
        );
        if let Some(act) = after.activity(&entry.activity) {
            let st = crate::status::activity_status(after, act, date);
            println!("{}", describe_progress(&st, lang));
        }
    }
    Ok(0)
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

pub fn undo(dir: Option<PathBuf>, a: UndoArgs, out: &Out) -> Result<u8> {
    let today = a.as_of.unwrap_or_else(today);
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, today, |ws, k| match a.date {
        Some(date) => ws
            .pledges()
            .any(|p| p.kommuner.contains(&k) && p.period.contains(date)),
        None => ws
            .pledges()
            .any(|p| p.kommuner.contains(&k) && !p.log.is_empty()),
    })?;
    let path = match a.date {
        Some(date) => Some(
            ws.path_of(
                pledge_on(&ws, k, date, a.area.as_deref(), None)
                    .or_else(|e| whole_kommun(&ws, k, date, a.area.as_deref()).ok_or(e))?,
            ),
        ),
        None => {
            // The löfte with the most recent recording: the file written last.
            ws.files
                .iter()
                .filter(|f| {
                    f.loaded
                        .pledge
                        .as_ref()
                        .is_some_and(|p| p.kommuner.contains(&k) && !p.log.is_empty())
                })
                .max_by_key(|f| std::fs::metadata(&f.path).and_then(|m| m.modified()).ok())
                .map(|f| f.path.clone())
        }
    };
    let Some(path) = path else {
        return Err(Refused(format!(
            "no löfte for {} has recorded entries to undo",
            k.name
        ))
        .into());
    };
    let _lock = (!a.dry_run).then(|| store::lock(&ws.dir)).transpose()?;
    let (fresh, raw) = store::read_raw(&path, today)?;
    let Some(p) = fresh.loaded.pledge.as_ref() else {
        return Err(Refused(format!(
            "{} does not validate, so nothing was changed:\n{}",
            fresh.display,
            fresh.render_diags()
        ))
        .into());
    };
    let (new_text, removed) = match record::undo(&fresh.text, p) {
        Ok(x) => x,
        Err(UndoError::NoEntries) => {
            return Err(Refused(format!("{} has no log entries to undo", fresh.display)).into());
        }
        Err(UndoError::NotAsWritten) => {
            return Err(Refused(format!(
                "the last log entry of {} is not as `pledge done` wrote it (edited by hand, or not \
                 at the end of the file), so undo leaves it alone; edit the file by hand",
                fresh.display
            ))
            .into());
        }
    };
    let removed_text = &fresh.text[removed.span.start..];
    if !a.dry_run {
        store::write_atomic(&path, &store::with_bom(&raw, &new_text))?;
    }
    if !out.quiet {
        println!(
            "{} {}:",
            if a.dry_run {
                "would remove from"
            } else {
                "removed from"
            },
            fresh.display
        );
        print!(
            "{}",
            indent(&safe(&removed_text.replace("\r\n", "\n"), true))
        );
    }
    Ok(0)
}

pub fn log(dir: Option<PathBuf>, a: LogArgs, _out: &Out) -> Result<u8> {
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
                println!("no entries");
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
                    render::table(&["Date", "Kommun", "Activity", "Count", "By", "Note"], body)
                );
            }
        }
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}
