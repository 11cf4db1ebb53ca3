//! `measure`: append a `[[measurement]]` entry, with every guarantee `done` has (under the
//! real folder's lock, read back, byte-preserving append, dry run). Also the writer `verdict`
//! shares.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::append::{Append, append, not_empty};
use super::workspace::{Lookup, Tier};
use super::{Ctx, Refused, Usage, Workspace};
use crate::cli::MeasureArgs;
use crate::edit::entry;
use crate::kommuner::Kommun;
use crate::model::Pledge;
use crate::model::outcome::{Indicator, Measurement};
use crate::store;
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::Words;
use crate::view::{Msg, RecordMsg};

/// The löfte a measurement goes to: of those of the kommun (and area) that have the
/// indicator, the one in force on the date (several: the one for exactly the area, or the
/// whole kommun), else the latest one ended before it (surveys are often published after the
/// period).
fn pledge_for<'w>(
    ws: &'w Workspace,
    k: &Kommun,
    q: &str,
    date: NaiveDate,
    area: Option<&str>,
) -> Option<(&'w Pledge, &'w Indicator)> {
    let with: Vec<(&Pledge, &Indicator)> = ws
        .pledges()
        .filter(|p| p.kommuner.contains(&k) && p.in_area(area))
        .filter_map(|p| crate::rules::resolve::indicator(p, q).map(|i| (p, i)))
        .collect();
    let holding: Vec<&Pledge> = with
        .iter()
        .filter(|(p, _)| p.period.contains(date))
        .map(|(p, _)| *p)
        .collect();
    let first = crate::rules::choose::prefer_area(holding, area)
        .first()
        .copied();
    first
        .and_then(|p| with.iter().copied().find(|(q, _)| std::ptr::eq(*q, p)))
        .or_else(|| {
            with.iter()
                .copied()
                .filter(|(p, _)| p.period.end < date)
                .max_by_key(|(p, _)| p.period.end)
        })
}

/// An indicator no löfte of the kommun (holding or preceding the date) has: the closest ids
/// as did-you-mean, then the kommun's indicators.
fn unknown_indicator(ws: &Workspace, k: &Kommun, q: &str, lang: Lang) -> anyhow::Error {
    let mut known: Vec<(&str, String)> = ws
        .pledges()
        .filter(|p| p.kommuner.contains(&k))
        .flat_map(|p| {
            p.indicators.iter().map(move |i| {
                let line = format!("\n  {:<28} {} ({})", i.id, safe(&i.name, false), p.file);
                (i.id.as_str(), line)
            })
        })
        .collect();
    known.sort_by(|a, b| a.1.cmp(&b.1));
    known.dedup_by(|a, b| a.1 == b.1);
    let mut ids: Vec<&str> = known.iter().map(|(id, _)| *id).collect();
    ids.dedup();
    // A name no löfte of the kommun has is a usage error (exit 2), as an unknown activity is;
    // one that exists, but not in a löfte holding or preceding the date, is a refusal.
    let named = ws
        .pledges()
        .any(|p| p.kommuner.contains(&k) && crate::rules::resolve::indicator(p, q).is_some());
    let mut msg = RecordMsg::NoIndicator {
        kommun: k.name,
        query: &safe(q, false),
        dated: named,
    }
    .say(lang);
    // A name that is there (only not for the date) needs no did-you-mean.
    let close: Vec<String> = match named {
        true => Vec::new(),
        false => crate::text::closest(q, &ids, 3)
            .iter()
            .map(|id| format!("`{id}`"))
            .collect(),
    };
    if known.is_empty() {
        msg.push_str(&RecordMsg::NoIndicatorTables.say(lang));
    } else {
        if !close.is_empty() {
            msg.push_str(&format!("; {}", Msg::DidYouMean(&close).say(lang)));
        }
        let after_question = !close.is_empty();
        msg.push_str(&RecordMsg::TheIndicators { after_question }.say(lang));
        msg.extend(known.into_iter().map(|(_, line)| line));
    }
    let (notes, maybe) = ws.unreadable_notes_in(k, lang);
    msg.push_str(&notes);
    if named || maybe {
        Refused(msg).into()
    } else {
        Usage(msg).into()
    }
}

/// The value typed on the command line, or a usage error (exit 2) saying how to write it.
fn parse_value(v: &str, lang: Lang) -> Result<f64> {
    use crate::text::ValueError;
    crate::text::parse_value(v).map_err(|e| {
        let v = safe(v, false);
        Usage(
            match e {
                ValueError::NotFinite => RecordMsg::NotFinite(&v),
                ValueError::NotANumber => RecordMsg::NotANumber(&v),
                ValueError::OutOfRange => RecordMsg::ValueOutOfRange(&v),
            }
            .say(lang),
        )
        .into()
    })
}

pub fn measure(dir: Option<PathBuf>, a: MeasureArgs, ctx: &mut Ctx) -> Result<u8> {
    not_empty("--by", a.by.as_deref(), ctx.lang)?;
    if let Some(kommuner) = &a.fetch {
        not_empty("--note", a.note.as_deref(), ctx.lang)?;
        return super::fetch::fetch(dir, &a, kommuner, ctx);
    }
    if let Some(file) = &a.from_csv {
        return super::fetch::from_csv(dir, &a, file, ctx);
    }
    if a.update || a.only_indicator.is_some() {
        return Err(Usage(RecordMsg::UpdateWithoutImport.say(ctx.lang)).into());
    }
    let (Some(kommun), Some(indicator), Some(value)) = (&a.kommun, &a.indicator, &a.value) else {
        return Err(Usage(RecordMsg::GiveWhatToMeasure.say(ctx.lang)).into());
    };
    record_one(dir, &a, &[kommun, indicator, value], ctx)
}

/// `measure KOMMUN INDICATOR VALUE…`: one value recorded in the löfte that has the indicator.
fn record_one(
    dir: Option<PathBuf>,
    a: &MeasureArgs,
    typed: &[&String; 3],
    ctx: &mut Ctx,
) -> Result<u8> {
    let [kommun, indicator, value] = typed.map(|s| s.clone());
    let today = ctx.today;
    let date = a.date.map_or(today, |d| ctx.date(d));
    not_empty("--note", a.note.as_deref(), ctx.lang)?;
    not_empty("--source", a.source.as_deref(), ctx.lang)?;
    let words: Vec<&str> = [value.as_str()]
        .into_iter()
        .chain(a.value_rest.iter().map(String::as_str))
        .collect();
    let value = parse_value(&words.join(" "), ctx.lang)?;
    if date > ctx.write_cutoff() {
        let future = RecordMsg::FutureOutcome {
            date,
            today: ctx.write_cutoff(),
            verdict: false,
        };
        return Err(Refused(future.say(ctx.lang)).into());
    }
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    let area = a.area.as_deref();
    let lookup = Lookup {
        cwd: ctx.here(),
        today: ctx.read_cutoff(),
        lang: ctx.lang,
        year: Some(date.year()),
        area,
        on: Some(date),
    };
    // The files named for the year settle it when one holds the date; a löfte that ended
    // before it is chosen only among every file named after the kommun (a later one may be
    // in a file of another year). Those holding the day settle it when every löfte read
    // states its start (see `Tier::OnDate`).
    let (ws, k) = Workspace::for_kommun(dir, &kommun, lookup, |ws, k, tier| {
        (tier != Tier::OnDate || ws.pledges().all(|p| p.period.start_stated))
            && pledge_for(ws, k, &indicator, date, area)
                .is_some_and(|(p, _)| tier == Tier::Named || p.period.contains(date))
    })?;
    super::refuse_areas_begun(&ws, k, area, ctx.lang)?;
    let Some((chosen, ind)) = pledge_for(&ws, k, &indicator, date, area) else {
        return Err(unknown_indicator(&ws, k, &indicator, ctx.lang));
    };
    let m = Measurement {
        indicator: ind.id.clone(),
        date,
        value,
        source: a.source.clone(),
        note: a.note.clone(),
        by: ctx.user(),
        fetched: None,
        preliminary: false,
        corrects: None,
        span: 0..0,
    };
    refuse_unfit(&m, chosen, date, ctx.lang)?;
    let addition = |text: &str| entry::measurement_addition(text, &m);
    let reads_back = |add: &str| entry::read_back_measurement(add).as_ref() == Some(&m);
    let shown = entry::render_measurement(&m, "\n");
    let (after, _) = append(
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
        show_change(after, &m, ctx)?;
    }
    Ok(0)
}

/// A value the file would refuse (out of range, a share over 100 …) is refused before it is
/// written, with the loader's words.
fn refuse_unfit(m: &Measurement, chosen: &Pledge, date: NaiveDate, lang: Lang) -> Result<()> {
    let bare = Measurement {
        source: None,
        note: None,
        by: None,
        ..m.clone()
    };
    match crate::load::problems::check_measurements(&[bare], &chosen.indicators, date).first() {
        Some(p) => Err(Refused(format!(
            "{}: {}",
            m.indicator,
            crate::load::says::Says::Outcome(p.kind.clone()).say(lang)
        ))
        .into()),
        None => Ok(()),
    }
}

/// After writing: the indicator's change and goal with the new value.
fn show_change(mut after: Pledge, m: &Measurement, ctx: &mut Ctx) -> Result<()> {
    after.measurements.push(m.clone());
    if let Some(ind) = after.indicators.iter().find(|i| i.id == m.indicator) {
        let st = crate::rules::indicator::indicator_status(
            ind,
            &after.measurements,
            &after.period,
            m.date,
        );
        let line = crate::view::outcome::measured_line(&st, ctx.lang);
        writeln!(ctx.out, "{}", super::wrapped(&line, ctx.width))?;
    }
    Ok(())
}
