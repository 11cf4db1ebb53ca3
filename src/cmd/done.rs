//! `done`: add a log entry, under the folder lock.

use std::io::Write;
use std::path::PathBuf;

use crate::view::i18n::Lang;
use crate::view::messages::TruthMsg;
use crate::view::messages::{DoneMsg, Words};
use crate::view::{Label, Msg};
use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::append::Append;
use super::workspace::{Lookup, Tier, settled_on};
use super::{Ctx, Refused, Usage, Workspace, describe_progress};
use crate::cli::DoneArgs;
use crate::edit::record::{self, NewEntry};
use crate::kommuner::Kommun;
use crate::model::{Activity, Pledge};
use crate::rules::choose::{self, OnDateError};
use crate::rules::resolve::{self, ActivityOrFollowup, MatchError, NameError};
use crate::store;
use crate::text::safe;

/// The löfte of `k` holding `date` ([`choose::pledge_on`]) with what `activity` names in it,
/// or a refusal naming what exists.
pub(super) fn pledge_on<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    activity: Option<&str>,
    lang: Lang,
) -> Result<(&'w Pledge, Option<choose::Resolved<'w>>)> {
    choose::pledge_on(ws.pledges(), k, date, area, activity).map_err(|e| {
        let unreadable = ws.unreadable_notes_in(k, lang).0;
        Refused(on_date_message(e, k, date, area, &unreadable, lang)).into()
    })
}

/// "the whole kommun", or `area "Centrum"`.
fn area_words(p: &Pledge, lang: Lang) -> String {
    let area = p.area.as_deref().map(|a| safe(a, false));
    Msg::AreaOf(area.as_deref()).say(lang)
}

/// A löfte's period as the refusals show it ("2016-01-01 to 2016-12-31").
fn span(p: &Pledge, lang: Lang) -> String {
    Msg::PeriodSpan {
        start: p.period.start,
        end: p.period.end,
    }
    .say(lang)
}

/// One löfte of the kommun in `done`'s refusal: its file, its period (or how early work can
/// be when its start is not stated), whether it holds until replaced, and its area.
fn listed(p: &Pledge, all: &[&Pledge], area: Option<&str>, lang: Lang) -> String {
    let mut out = String::new();
    if p.period.start_stated {
        out.push_str(&format!("\n  {}: {}", p.file, span(p, lang)));
    } else {
        // An unknown start: say how early work can be, and why.
        let (from, previous) = choose::earliest_work(p, all);
        out.push_str(&format!(
            "\n  {}: start not stated, to {}; work from {from} ({})",
            p.file,
            p.period.end,
            match previous {
                Some(q) => format!("after {} ended {}", q.file, q.period.end),
                None => format!(
                    "a löfte runs at most {} years",
                    crate::model::MAX_PERIOD_YEARS
                ),
            }
        ));
    }
    if p.period.until_replaced {
        out.push_str(&format!(" ({})", lang.t(Label::InForceUntilReplaced)));
    }
    if area.is_some() {
        out.push_str(&format!(", {}", area_words(p, lang)));
    }
    out
}

/// The kommun's latest löfte when it ended before `date` but stays in force until it is
/// replaced, and no later löfte has replaced it: its activities have ended (their windows end
/// with the period), though the löfte is still in force.
fn ended_in_force<'p>(all: &[&'p Pledge], date: NaiveDate) -> Option<&'p Pledge> {
    let latest = all.iter().copied().max_by_key(|p| p.period.end)?;
    (latest.period.until_replaced && latest.period.end < date).then_some(latest)
}

fn on_date_message(
    e: OnDateError<'_>,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    unreadable: &str,
    lang: Lang,
) -> String {
    match e {
        OnDateError::NoneHolds { all } if ended_in_force(&all, date).is_some() => {
            let p = ended_in_force(&all, date).expect("checked");
            let msg = TruthMsg::ActivitiesEnded {
                file: &p.file,
                end: p.period.end,
                date,
            };
            format!("{}{unreadable}", msg.say(lang))
        }
        OnDateError::NoneHolds { all } => {
            let area_shown = area.map(|a| safe(a, false));
            let mut msg = Msg::NoneHolds {
                kommun: k.name,
                date,
                area: area_shown.as_deref(),
            }
            .say(lang);
            if all.is_empty() {
                // "None in the folder" only when no unreadable file may hold one (the note
                // that follows names it).
                if unreadable.is_empty() {
                    msg.push_str(&Msg::NoneForIt.say(lang));
                }
            } else {
                msg.push_str(&Msg::ItsLoften.say(lang));
                for p in &all {
                    msg.push_str(&listed(p, &all, area, lang));
                }
                let hint = if area.is_some() {
                    Msg::GiveTheArea
                } else {
                    Msg::GiveTheDate
                };
                msg.push_str(&format!("\n  {}", hint.say(lang)));
            }
            msg.push_str(unreadable);
            msg
        }
        OnDateError::Several(many) => {
            if let Some(msg) = super::workspace::same_lofte_twice(&many, lang) {
                return msg;
            }
            let mut msg = Msg::SeveralHold {
                n: many.len(),
                kommun: k.name,
                date,
            }
            .say(lang);
            for p in many {
                msg.push_str(&format!(
                    "\n  {}: {}, {}",
                    p.file,
                    span(p, lang),
                    area_words(p, lang)
                ));
            }
            msg.push_str(&format!("\n  {}", Msg::ChooseArea.say(lang)));
            msg
        }
    }
}

/// An activity argument that names none or several of the löfte's activities: the "did you
/// mean" first, then the activities (a long list cut to the closest). `followup`: whether
/// the follow-up itself may be named here.
pub(super) fn activity_error(
    p: &Pledge,
    query: &str,
    e: MatchError<'_>,
    followup: bool,
    lang: Lang,
) -> anyhow::Error {
    let q = safe(query, false);
    let line = |id: &str, text: &str| format!("\n  {id:<20} {}", safe(text, false));
    match e {
        MatchError::Unknown => {
            let ids: Vec<&str> = p.activities.iter().map(|a| a.id.as_str()).collect();
            let mut msg = Msg::NoActivity {
                query: &q,
                file: &p.file,
            }
            .say(lang);
            let close: Vec<String> = crate::text::closest(query, &ids, 3)
                .iter()
                .map(|id| format!("`{id}`"))
                .collect();
            let its = Msg::ItsActivities.say(lang);
            if close.is_empty() {
                msg.push_str(&format!("; {its}"));
            } else {
                // "…; did you mean `x`? Its activities:"
                let mut its = its.chars();
                let its: String = its
                    .next()
                    .map(|c| c.to_uppercase().chain(its).collect())
                    .unwrap_or_default();
                msg.push_str(&format!("; {} {its}", Msg::DidYouMean(&close).say(lang)));
            }
            let items: Vec<(&str, String)> = p
                .activities
                .iter()
                .map(|a| (a.id.as_str(), line(&a.id, &a.text)))
                .collect();
            let (lines, more) = crate::text::closest_lines(query, &items, 8);
            msg.extend(lines);
            if more > 0 {
                msg.push_str(&format!("\n  {}", Msg::More(more).say(lang)));
            }
            if followup {
                let itself = Msg::FollowupItself.say(lang);
                msg.push_str(&line(crate::model::FOLLOWUP_ID, &itself));
            }
            Usage(msg).into()
        }
        MatchError::Ambiguous(list) => {
            let mut msg = Msg::SeveralActivities {
                query: &q,
                n: list.len(),
                file: &p.file,
            }
            .say(lang);
            for a in list {
                msg.push_str(&line(&a.id, &a.text));
            }
            Usage(msg).into()
        }
    }
}

/// The arguments of `done` that can be refused before anything is read.
fn check_done_args(a: &DoneArgs, lang: Lang) -> Result<()> {
    if a.note.as_deref().is_some_and(crate::load::problems::blank) {
        return Err(Usage(Msg::EmptyNote.say(lang)).into());
    }
    if a.by.as_deref().is_some_and(crate::load::problems::blank) {
        return Err(super::append::empty_by(lang));
    }
    Ok(())
}

pub fn done(dir: Option<PathBuf>, a: DoneArgs, ctx: &mut Ctx) -> Result<u8> {
    let today = ctx.today;
    let date = a.date.map_or(today, |d| ctx.date(d));
    check_done_args(&a, ctx.lang)?;
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    let area = a.area.as_deref();
    if let Some(event) = a.event.clone() {
        return done_event(dir, &a, &event, date, ctx);
    }
    let activity = a.activity.clone().unwrap_or_default();
    let followup = resolve::is_followup(&activity);
    // A follow-up usually comes after its löfte's period: look at last year's files too.
    let lookup = Lookup {
        cwd: ctx.here(),
        today: ctx.read_cutoff(),
        lang: ctx.lang,
        year: (!followup).then(|| date.year()),
        area,
        on: (!followup).then_some(date),
    };
    // Enough when a löfte that could take the entry has the activity: one without it (an
    // area's löfte named after the kommun) does not stop the search for the kommun's own.
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, lookup, |ws, k, tier| {
        if tier == Tier::OnDate {
            return settled_on(ws, k, date, area, Some(&activity), |_| true);
        }
        ws.pledges().any(|p| {
            p.kommuner.contains(&k)
                && p.in_area(area)
                && if followup {
                    p.period.start <= date
                } else {
                    p.period.may_hold(date) && resolve::activity(p, &activity).is_ok()
                }
        })
    })?;
    if date > ctx.write_cutoff() {
        let today = ctx.write_cutoff();
        return Err(Refused(Msg::FutureWork { date, today }.say(ctx.lang)).into());
    }
    let (chosen, target) = if followup {
        super::refuse_areas_begun(&ws, k, area, ctx.lang)?;
        let p = choose::followup_pledge(ws.pledges(), k, date, area).ok_or_else(|| {
            let none = DoneMsg::NoFollowupToRecord {
                kommun: k.name,
                date,
            };
            Refused(none.say(ctx.lang) + &ws.unreadable_notes_in(k, ctx.lang).0)
        })?;
        (p, ActivityOrFollowup::Followup)
    } else {
        let (p, target) = pledge_on(&ws, k, date, area, Some(&activity), ctx.lang)?;
        let target = target
            .expect("an activity was asked for")
            .map_err(|e| activity_error(p, &activity, e, true, ctx.lang))?;
        (p, target)
    };
    let entry = NewEntry {
        by: ctx.user(),
        note: a.note.clone(),
        ..entry_for(chosen, k, &target, date, &a, ctx.lang)?
    };
    if let Some(note) = super::no_window::refuse_no_window(chosen, &target, &entry, ctx.lang)? {
        writeln!(ctx.err, "{}", super::wrapped(&note, ctx.width))?;
    }
    write_entry(&ws, chosen, &entry, *a.dry_run, ctx)
}

/// `done KOMMUN --event E`: that an event the löfte refers to happened on `date`, in the
/// löfte of the kommun that holds the date and declares the event.
fn done_event(
    dir: PathBuf,
    a: &DoneArgs,
    event: &str,
    date: NaiveDate,
    ctx: &mut Ctx,
) -> Result<u8> {
    let area = a.area.as_deref();
    let lookup = Lookup {
        cwd: ctx.here(),
        today: ctx.today,
        lang: ctx.lang,
        year: Some(date.year()),
        area,
        on: Some(date),
    };
    let has = |p: &Pledge| p.events.iter().any(|e| e.id == event);
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, lookup, |ws, k, tier| {
        if tier == Tier::OnDate {
            return settled_on(ws, k, date, area, None, has);
        }
        ws.pledges().any(|p| {
            p.kommuner.contains(&k) && p.in_area(area) && p.period.may_hold(date) && has(p)
        })
    })?;
    if date > ctx.write_cutoff() {
        let today = ctx.write_cutoff();
        return Err(Refused(DoneMsg::FutureEvent { date, today }.say(ctx.lang)).into());
    }
    let (chosen, _) = pledge_on(&ws, k, date, area, None, ctx.lang)?;
    if !has(chosen) {
        let mut msg = DoneMsg::NoEvent {
            file: &chosen.file,
            event: &safe(event, false),
            declared: !chosen.events.is_empty(),
        }
        .say(ctx.lang);
        if !chosen.events.is_empty() {
            for e in &chosen.events {
                msg.push_str(&format!("\n  {:<20} {}", e.id, safe(&e.text, false)));
            }
        }
        return Err(Usage(msg).into());
    }
    let mut entry = NewEntry::new(date, event, a.count);
    entry.event = true;
    entry.by = ctx.user();
    entry.note = a.note.clone();
    write_entry(&ws, chosen, &entry, *a.dry_run, ctx)
}

/// The entry for the activity (or follow-up) on `date`, with its part, unit, kommun and
/// request checked against the löfte; refused with the reason when they do not fit.
fn entry_for(
    p: &Pledge,
    k: &Kommun,
    target: &ActivityOrFollowup<'_>,
    date: NaiveDate,
    a: &DoneArgs,
    lang: Lang,
) -> Result<NewEntry> {
    let mut entry = NewEntry::new(date, target.id(), a.count);
    let act = match target {
        ActivityOrFollowup::Followup => {
            if a.unit.is_some() || a.part.is_some() || a.request || a.instead_of_slot {
                return Err(Usage(DoneMsg::NotForFollowup.say(lang)).into());
            }
            let due_from = crate::rules::status::followup_status(p, date).due_from;
            if let Some(from) = due_from.filter(|from| date < *from) {
                return Err(Refused(
                    DoneMsg::FollowupNotYetDue {
                        file: &p.file,
                        from,
                        date,
                    }
                    .say(lang),
                )
                .into());
            }
            return Ok(entry);
        }
        ActivityOrFollowup::Activity(act) => *act,
    };
    let parts: Vec<&str> = act.parts.iter().map(|x| x.id.as_str()).collect();
    entry.part = pick_name(act, false, a.part.as_deref(), &parts, lang)?;
    let units: Vec<&str> = act.units.iter().map(String::as_str).collect();
    entry.unit = pick_name(act, true, a.unit.as_deref(), &units, lang)?;
    let judged = entry
        .part
        .as_deref()
        .and_then(|id| act.parts.iter().find(|x| x.id == id))
        .unwrap_or(act);
    if a.request && judged.target != crate::model::Target::OnRequest {
        return Err(Usage(DoneMsg::NotOnRequest(&judged.id).say(lang)).into());
    }
    entry.request = a.request;
    match &judged.target {
        crate::model::Target::Weekly { weekday, .. } if date.weekday() != *weekday => {
            if !a.instead_of_slot {
                return Err(Refused(
                    DoneMsg::OffSlot {
                        activity: &judged.id,
                        slot: *weekday,
                        on: date.weekday(),
                        date,
                    }
                    .say(lang),
                )
                .into());
            }
            entry.instead_of_slot = true;
        }
        crate::model::Target::Weekly { .. } => {}
        _ if a.instead_of_slot => {
            return Err(Usage(DoneMsg::NoWeeklySlot(&judged.id).say(lang)).into());
        }
        _ => {}
    }
    if p.kommuner.len() > 1 {
        entry.kommun = Some(k.name.to_string());
    }
    Ok(entry)
}

/// The unit or part `query` names, among `names`: required when there are any, a usage error
/// when there are none.
fn pick_name(
    act: &Activity,
    unit: bool,
    query: Option<&str>,
    names: &[&str],
    lang: Lang,
) -> Result<Option<String>> {
    let activity = act.id.as_str();
    let list = || {
        names
            .iter()
            .map(|n| format!("\n  {}", safe(n, false)))
            .collect::<String>()
    };
    match query {
        None if names.is_empty() => Ok(None),
        None => {
            let which = DoneMsg::SayWhich { activity, unit };
            Err(Usage(which.say(lang) + &list()).into())
        }
        Some(q) if names.is_empty() => {
            let query = &safe(q, false);
            let none = DoneMsg::HasNone {
                activity,
                unit,
                query,
            };
            Err(Usage(none.say(lang)).into())
        }
        Some(q) => match resolve::name(q, names) {
            Ok(n) => Ok(Some(n.to_string())),
            Err(NameError::Unknown(hint)) => {
                let query = &safe(q, false);
                let no = DoneMsg::NoSuchName {
                    activity,
                    unit,
                    query,
                };
                // The closest names, as every did-you-mean says them, in the language.
                let close: Vec<String> = match hint {
                    Some(_) => crate::text::closest(q, names, 3)
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect(),
                    None => Vec::new(),
                };
                let hint = match close.is_empty() {
                    true => String::new(),
                    false => format!("\n  {}", Msg::DidYouMean(&close).say(lang)),
                };
                Err(Usage(no.say(lang) + &list() + &hint).into())
            }
            Err(NameError::Ambiguous(many)) => {
                let query = &safe(q, false);
                let several = DoneMsg::SeveralNames {
                    activity,
                    unit,
                    query,
                    n: many.len(),
                };
                let many: String = many
                    .iter()
                    .map(|n| format!("\n  {}", safe(n, false)))
                    .collect();
                Err(Usage(several.say(lang) + &many).into())
            }
        },
    }
}

/// Appends the entry to the löfte's file (or shows it, on a dry run) and tells the progress,
/// and when the file already held the same work on the same day, that it does now twice.
fn write_entry(
    ws: &Workspace,
    chosen: &Pledge,
    entry: &NewEntry,
    dry_run: bool,
    ctx: &mut Ctx,
) -> Result<u8> {
    let addition = |text: &str| record::addition(text, entry);
    let reads_back = |add: &str| record::read_back(add).as_ref() == Some(entry);
    let shown = record::render_entry(entry, "\n");
    let append = Append {
        addition: &addition,
        reads_back: &reads_back,
        shown,
    };
    let (mut after, span) = super::append::append(ws, chosen, &append, dry_run, ctx)?;
    if ctx.quiet || dry_run {
        return Ok(0);
    }
    let lang = ctx.lang;
    let new = entry.to_log_entry(span);
    let same = |e: &&crate::model::LogEntry| {
        (
            e.date,
            &e.activity,
            &e.part,
            &e.unit,
            e.kommun,
            e.request,
            e.event,
        ) == (
            new.date,
            &new.activity,
            &new.part,
            &new.unit,
            new.kommun,
            new.request,
            new.event,
        )
    };
    let times = after.log.iter().filter(same).count() + 1;
    after.log.push(new);
    if let Some(act) = after.activity(&entry.activity) {
        // On a löfte for several kommuner, the reply is the kommun's share, as `status` says.
        let k = entry.kommun.as_deref().and_then(crate::kommuner::find);
        let st = crate::rules::status::activity_status_for(&after, act, entry.date, k);
        writeln!(ctx.out, "{}", describe_progress(&st, lang))?;
    }
    if times > 1 {
        let kommun = chosen
            .kommuner
            .iter()
            .find(|k| entry.kommun.as_deref().is_none_or(|n| n == k.name))
            .map_or("", |k| k.name);
        let undo = if kommun.contains(' ') {
            format!("pledge undo \"{kommun}\"")
        } else {
            format!("pledge undo {}", kommun.to_lowercase())
        };
        let msg = Msg::SameDayAgain {
            activity: &entry.activity,
            date: entry.date,
            times,
            undo: &undo,
        };
        // Wrapped between words at the terminal's width, as every other note.
        writeln!(ctx.out, "{}", super::wrapped(&msg.say(lang), ctx.width))?;
    }
    Ok(0)
}

pub(super) fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}
