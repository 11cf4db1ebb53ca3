//! `verdict`: append the follow-up's `[[verdict]]` on one activity, with every guarantee
//! `done` has (see [`super::measure::append`]).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::append::{Append, append, not_empty};
use super::workspace::Lookup;
use super::{Ctx, Refused, Usage, Workspace};
use crate::cli::VerdictArgs;
use crate::edit::entry;
use crate::model::outcome::{Verdict, VerdictEntry, before_due};
use crate::model::{Activity, Pledge};
use crate::rules::choose;
use crate::rules::resolve::{self, ActivityOrFollowup};
use crate::rules::verdict::agreement;
use crate::store;
use crate::text::safe;
use crate::view::RecordMsg;
use crate::view::messages::Words;
use crate::view::outcome::{agreement_word, verdict_word};

pub fn verdict(dir: Option<PathBuf>, a: VerdictArgs, ctx: &mut Ctx) -> Result<u8> {
    let today = ctx.today;
    let date = a.date.map_or(today, |d| ctx.date(d));
    let word = checked(&a, date, ctx)?;
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    let area = a.area.as_deref();
    let lookup = Lookup {
        cwd: ctx.here(),
        today: ctx.read_cutoff(),
        lang: ctx.lang,
        year: None,
        area,
        on: None,
    };
    let (ws, k) = Workspace::for_kommun(dir, &a.kommun, lookup, |ws, k, _| {
        choose::followup_pledge(ws.pledges(), k, date, area).is_some()
    })?;
    super::refuse_areas_begun(&ws, k, area, ctx.lang)?;
    let chosen = choose::followup_pledge(ws.pledges(), k, date, area).ok_or_else(|| {
        let none = RecordMsg::NoFollowupToJudge {
            kommun: k.name,
            date,
        };
        Refused(none.say(ctx.lang) + &ws.unreadable_notes_in(k, ctx.lang).0)
    })?;
    let act = find_activity(chosen, &a.activity, ctx.lang)?;
    let due_from =
        crate::model::followup::followup_due_from(&chosen.period, chosen.followup.as_ref());
    if before_due(date, due_from) {
        let early = RecordMsg::BeforeFollowupDue {
            date,
            file: &chosen.file,
            due: due_from.expect("before a due day"),
        };
        return Err(Refused(early.say(ctx.lang)).into());
    }
    let v = VerdictEntry {
        activity: act.id.clone(),
        verdict: word,
        reason: a.reason.clone(),
        source: a.source.clone(),
        date,
        by: ctx.user(),
        span: 0..0,
    };
    let addition = |text: &str| entry::verdict_addition(text, &v);
    let reads_back = |add: &str| entry::read_back_verdict(add).as_ref() == Some(&v);
    let shown = entry::render_verdict(&v, "\n");
    append(
        &ws,
        chosen,
        &Append {
            addition: &addition,
            reads_back: &reads_back,
            shown,
        },
        *a.dry_run,
        ctx,
    )?;
    if !ctx.quiet && !*a.dry_run {
        show_agreement(chosen, act, word, date, ctx)?;
    }
    Ok(0)
}

/// The verdict word of the arguments, once they are well formed (usage errors, exit 2) and
/// the date is not in the future (refused, exit 1).
fn checked(a: &VerdictArgs, date: NaiveDate, ctx: &Ctx) -> Result<Verdict> {
    // Malformed arguments are usage errors (exit 2), as a malformed date is.
    let Some(word) = Verdict::parse(&a.verdict) else {
        let word = safe(&a.verdict, false);
        return Err(Usage(RecordMsg::NotAVerdict(&word).say(ctx.lang)).into());
    };
    if crate::load::problems::blank(&a.reason) {
        return Err(Usage(RecordMsg::VerdictNeedsReason.say(ctx.lang)).into());
    }
    not_empty("--source", a.source.as_deref(), ctx.lang)?;
    not_empty("--by", a.by.as_deref(), ctx.lang)?;
    if date > ctx.write_cutoff() {
        let future = RecordMsg::FutureOutcome {
            date,
            today: ctx.write_cutoff(),
            verdict: true,
        };
        return Err(Refused(future.say(ctx.lang)).into());
    }
    Ok(word)
}

/// The activity a verdict is on: its id, a unique prefix, a unique word of its text.
fn find_activity<'p>(
    p: &'p Pledge,
    query: &str,
    lang: crate::view::i18n::Lang,
) -> Result<&'p Activity> {
    match resolve::activity(p, query) {
        Ok(ActivityOrFollowup::Activity(act)) => Ok(act),
        // The follow-up named as a verdict's activity is a usage error (exit 2).
        Ok(ActivityOrFollowup::Followup) => {
            Err(Usage(crate::view::Msg::VerdictOnFollowup.say(lang)).into())
        }
        // An unknown or ambiguous name is a usage error (exit 2), said as `done` says it.
        Err(e) => Err(super::done::activity_error(p, query, e, false, lang)),
    }
}

/// After writing: the verdict beside the activity's computed status on its day.
fn show_agreement(
    p: &Pledge,
    act: &Activity,
    word: Verdict,
    date: chrono::NaiveDate,
    ctx: &mut Ctx,
) -> Result<()> {
    let st = crate::rules::status::activity_status(p, act, date);
    let l = ctx.lang;
    writeln!(
        ctx.out,
        "{}: {}; {}: {} — {}",
        act.id,
        verdict_word(l, word),
        l.t(crate::view::Label::Status).to_lowercase(),
        l.status(st.status),
        agreement_word(l, agreement(st.status, word))
    )?;
    Ok(())
}
