//! `pledge measure --fetch [KOMMUN...]`: each indicator with a Kolada series read from the
//! service, page by page, and its new values written.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::http::{Http, MAX_PAGES};
use super::write::{Tally, finish, write_target};
use super::{Target, open, single_kommun, years_of};
use crate::cli::MeasureArgs;
use crate::cmd::{Ctx, Usage, Workspace};
use crate::edit::fetch::Provenance;
use crate::kommuner::Kommun;
use crate::load::kolada;
use crate::model::outcome::Indicator;
use crate::model::series::Published;
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::{ImportMsg, Msg, Words};

fn span_of(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// Reads one Kolada series for one löfte: its values per year, or why not.
fn read_kolada(
    http: &mut Http,
    base: &str,
    t: &Target<'_>,
    years: &[i32],
    today: NaiveDate,
    lang: Lang,
) -> Result<Vec<Published>, String> {
    let series = t.ind.series.as_ref().expect("a target has a series");
    let k = single_kommun(t.pledge, lang)?;
    let kpi = &series.kolada;
    let shape = |kpi: Option<&str>, e: &dyn std::fmt::Display| {
        let e = e.to_string();
        ImportMsg::ChangedShape { kpi, e: &e }.say(lang)
    };
    let meta = match http.get(&kolada::kpi_url(base, kpi)) {
        Ok(body) => kolada::parse_kpi(&body, kpi).map_err(|e| shape(Some(kpi), &e))?,
        Err(why) if why.starts_with("HTTP 404") => {
            return Err(ImportMsg::NotFound404(kpi).say(lang));
        }
        Err(why) => return Err(why),
    };
    if meta.is_none() {
        return Err(ImportMsg::NoKeyFigure(kpi).say(lang));
    }
    let mut url = kolada::data_url(base, kpi, &kolada::areas(series, k.kod), years);
    let mut rows = Vec::new();
    let mut seen = Vec::new();
    for _ in 0..MAX_PAGES {
        let body = http.get(&url)?;
        let page = kolada::parse_data(&body).map_err(|e| shape(None, &e))?;
        rows.extend(page.rows);
        seen.push(url.clone());
        match page.next {
            Some(next) if !seen.contains(&next) => url = next,
            _ => break,
        }
    }
    let published = kolada::published(series, k.kod, &rows, meta.as_ref(), today);
    if published.is_empty() {
        let none = ImportMsg::NoValues {
            kpi,
            gender: series.gender.name(),
            kommun: k.name,
            kod: k.kod,
            years: &span_of(years),
        };
        return Err(none.say(lang));
    }
    Ok(published)
}

/// What the user asked to fetch for: the kommuner named (none: all).
fn kommuner_of(
    args: &[String],
    ws: &Workspace,
    lang: crate::view::i18n::Lang,
) -> Result<Vec<&'static Kommun>> {
    args.iter()
        .map(|a| crate::cmd::resolve_kommun(a, ws, lang))
        .collect()
}

/// The indicators with a series of the löften asked for (`only` the kommuner named, none:
/// all; `--area`, `--indicator`), or a usage error naming what matched none.
fn targets<'w>(
    ws: &'w Workspace,
    a: &MeasureArgs,
    only: &[&'static Kommun],
    lang: Lang,
) -> Result<Vec<Target<'w>>> {
    let area = a.area.as_deref();
    let targets: Vec<Target<'_>> = ws
        .pledges()
        .filter(|p| only.is_empty() || p.kommuner.iter().any(|k| only.contains(k)))
        .filter(|p| p.in_area(area))
        .flat_map(|p| {
            let chosen = a
                .only_indicator
                .as_deref()
                .map(|q| crate::rules::resolve::indicator(p, q));
            p.indicators
                .iter()
                .filter(move |i| i.series.is_some())
                .filter(move |i| chosen.is_none_or(|c| c.is_some_and(|c| c.id == i.id)))
                .map(move |ind| Target { pledge: p, ind })
        })
        .collect();
    if !targets.is_empty() {
        return Ok(targets);
    }
    let names = only.iter().map(|k| k.name).collect::<Vec<_>>().join(", ");
    let named = a.only_indicator.as_deref().map(|q| safe(q, false));
    let none = ImportMsg::NoSeries {
        named: named.as_deref(),
        kommuner: (!only.is_empty()).then_some(names.as_str()),
        folder: &ws.dir.display().to_string(),
    };
    Err(Usage(none.say(lang)).into())
}

/// `pledge measure --fetch [KOMMUN...]`.
pub fn fetch(
    dir: Option<PathBuf>,
    a: &MeasureArgs,
    kommuner: &[String],
    ctx: &mut Ctx,
) -> Result<u8> {
    let ws = open(dir, ctx.here(), ctx.read_cutoff(), |p| {
        p.indicators.iter().any(|i| i.series.is_some())
    })?;
    let only = kommuner_of(kommuner, &ws, ctx.lang)?;
    // The broken files are named before the error that nothing matched.
    let targets = targets(&ws, a, &only, ctx.lang);
    ws.report_broken_in(&mut ctx.err, ctx.lang, ctx.width)?;
    let targets = targets?;
    let mut http = Http::new(ctx.fetch_timeout, ctx.lang);
    let progress = ctx.stderr_tty && !ctx.quiet && targets.len() > 1;
    let mut tally = Tally::default();
    for (n, t) in targets.iter().enumerate() {
        if progress {
            write!(
                ctx.err,
                "\r\x1b[K{}/{} {} {}",
                n + 1,
                targets.len(),
                t.pledge.file,
                t.ind.source
            )?;
            ctx.err.flush()?;
        }
        fetch_one(&ws, &mut http, t, a, progress, ctx, &mut tally)?;
    }
    finish(&tally, a, ctx)
}

/// One indicator: its series read, and its new values written (or why it could not be read,
/// said and counted).
fn fetch_one(
    ws: &Workspace,
    http: &mut Http,
    t: &Target<'_>,
    a: &MeasureArgs,
    progress: bool,
    ctx: &mut Ctx,
    tally: &mut Tally,
) -> Result<()> {
    let today = ctx.write_cutoff();
    let years = years_of(t.pledge, t.ind, today);
    if years.is_empty() {
        return Ok(());
    }
    let base = ctx.kolada_url.clone();
    let got = read_kolada(http, &base, t, &years, today, ctx.lang);
    if progress {
        write!(ctx.err, "\r\x1b[K")?;
    }
    match got {
        Ok(published) => {
            let user = ctx.user();
            let label = t.ind.source.clone();
            let prov = Provenance {
                source: &label,
                fetched: today,
                by: user.as_deref(),
            };
            write_target(ws, t, &published, &prov, a, ctx, tally)
        }
        Err(why) => {
            tally.failed += 1;
            let lang = ctx.lang;
            let series = series_word(t.ind);
            let why = ImportMsg::FromKolada {
                base: &base,
                series: &series,
                why: &why,
            }
            .say(lang);
            let line = ImportMsg::IndicatorFailed {
                error: &Msg::Error.say(lang),
                file: &t.pledge.file,
                indicator: &t.ind.id,
                why: &why,
            };
            writeln!(ctx.err, "{}", line.say(lang))?;
            Ok(())
        }
    }
}

fn series_word(ind: &Indicator) -> String {
    ind.series
        .as_ref()
        .map_or(String::new(), |s| s.kolada.clone())
}
