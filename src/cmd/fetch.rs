//! `measure --fetch` and `measure --from-csv`: indicator values read from open data and
//! appended with their provenance, through the same locked, byte-preserving append as `done`.
//! The decisions are pure ([`crate::edit::fetch`], [`crate::load::kolada`]); here are the requests (paced, cached for the
//! run, with a timeout), the file reads and the writes.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use chrono::{Datelike, NaiveDate};

use super::{Ctx, Refused, Usage, Workspace};
use crate::cli::MeasureArgs;
use crate::edit::entry;
use crate::edit::fetch::{Provenance, Step, plan};
use crate::kommuner::Kommun;
use crate::load::{kolada, table};
use crate::model::Pledge;
use crate::model::outcome::{Indicator, Measurement};
use crate::model::series::Published;
use crate::store;
use crate::text::safe;
use crate::view::Label;

/// The least time between two requests to a service: at most four a second.
pub const PACE: Duration = Duration::from_millis(250);

/// The most pages of one answer followed (5000 values a page).
const MAX_PAGES: usize = 20;

/// The largest answer read.
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// The requests of one run: paced, each address asked once, and no more asked of a service
/// that did not answer.
struct Http {
    agent: ureq::Agent,
    timeout: Duration,
    last: Option<Instant>,
    cache: HashMap<String, Result<String, String>>,
    /// Why the service could not be reached, once it could not.
    down: Option<String>,
}

impl Http {
    fn new(timeout: Duration) -> Http {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(concat!("pledge/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Http {
            agent,
            timeout,
            last: None,
            cache: HashMap::new(),
            down: None,
        }
    }

    /// The body of a 200 answer, or why there is none (one line).
    fn get(&mut self, url: &str) -> Result<String, String> {
        if let Some(hit) = self.cache.get(url) {
            return hit.clone();
        }
        if let Some(why) = &self.down {
            return Err(format!("not asked: {why} earlier in this run"));
        }
        if let Some(last) = self.last {
            let since = last.elapsed();
            if since < PACE {
                std::thread::sleep(PACE - since);
            }
        }
        self.last = Some(Instant::now());
        let got = self.request(url);
        self.cache.insert(url.to_string(), got.clone());
        got
    }

    fn request(&mut self, url: &str) -> Result<String, String> {
        let answer = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call();
        let mut resp = match answer {
            Ok(r) => r,
            Err(e) => {
                let why = match e {
                    ureq::Error::Timeout(_) => {
                        format!("no answer within {} s", self.timeout.as_secs_f64())
                    }
                    ureq::Error::HostNotFound => {
                        "the host cannot be found (no network, or a wrong PLEDGE_KOLADA_URL)".into()
                    }
                    ureq::Error::ConnectionFailed => {
                        "cannot connect (no network, or the service is down)".into()
                    }
                    ureq::Error::Io(io) => format!("cannot connect ({io})"),
                    other => other.to_string(),
                };
                self.down = Some(why.clone());
                return Err(why);
            }
        };
        let status = resp.status().as_u16();
        let body = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string();
        if status != 200 {
            return Err(match status {
                404 => "HTTP 404 (not found)".to_string(),
                429 => "HTTP 429 (too many requests; try again later)".to_string(),
                s if s >= 500 => format!("HTTP {s} (an error in the service)"),
                s => format!("HTTP {s}"),
            });
        }
        body.map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                format!("no complete answer within {} s", self.timeout.as_secs_f64())
            }
            other => format!("the answer cannot be read ({other})"),
        })
    }
}

/// One indicator of one löfte to read values for.
struct Target<'w> {
    pledge: &'w Pledge,
    ind: &'w Indicator,
}

/// What a run did, for the exit code and the last line.
#[derive(Default)]
struct Tally {
    written: usize,
    present: usize,
    /// Changed values reported and not written (no --update).
    held_back: usize,
    failed: usize,
}

/// The folder, each file with its text, keeping only the löften `keep` wants.
fn open(
    dir: Option<PathBuf>,
    today: NaiveDate,
    keep: impl Fn(&Pledge) -> bool + Sync,
) -> Result<Workspace> {
    let dir = store::find_dir(dir.as_deref())?;
    let (paths, temporaries) = store::pledge_files_and_temporaries(&dir, |_| true)?;
    let files = store::read_each(&paths, today, true, |_, f| {
        let wanted = f.loaded.pledge.as_ref().is_some_and(&keep) || f.loaded.pledge.is_none();
        wanted.then_some(f)
    })?
    .into_iter()
    .flatten()
    .collect();
    Ok(Workspace {
        dir,
        files,
        temporaries,
    })
}

/// The years a löfte's values are read for, up to last year (a year's value is published
/// after it ends).
fn years_of(p: &Pledge, ind: &Indicator, today: NaiveDate) -> Vec<i32> {
    crate::rules::indicator::years_for(p, ind, today.year() - 1)
}

fn span_of(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// The only kommun of a löfte, or why its values cannot be read per kommun.
fn single_kommun(p: &Pledge) -> Result<&'static Kommun, String> {
    match p.kommuner.as_slice() {
        [k] => Ok(k),
        ks => Err(format!(
            "the löfte is for {} kommuner ({}) and a measurement names no kommun, so their values \
             cannot be told apart; record them by hand with `pledge measure`",
            ks.len(),
            ks.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Reads one Kolada series for one löfte: its values per year, or why not.
fn read_kolada(
    http: &mut Http,
    base: &str,
    t: &Target<'_>,
    years: &[i32],
    today: NaiveDate,
) -> Result<Vec<Published>, String> {
    let series = t.ind.series.as_ref().expect("a target has a series");
    let k = single_kommun(t.pledge)?;
    let kpi = &series.kolada;
    let meta = match http.get(&kolada::kpi_url(base, kpi)) {
        Ok(body) => kolada::parse_kpi(&body, kpi)
            .map_err(|e| format!("its description of {kpi} has changed shape: {e}"))?,
        Err(why) if why.starts_with("HTTP 404") => {
            return Err(format!(
                "it answers HTTP 404 for key figure {kpi}: no such key figure, or \
                 PLEDGE_KOLADA_URL is not the address of Kolada's API"
            ));
        }
        Err(why) => return Err(why),
    };
    if meta.is_none() {
        return Err(format!(
            "it has no key figure {kpi}; check the id on kolada.se (a capital letter and five \
             digits)"
        ));
    }
    let mut url = kolada::data_url(base, kpi, &kolada::areas(series, k.kod), years);
    let mut rows = Vec::new();
    let mut seen = Vec::new();
    for _ in 0..MAX_PAGES {
        let body = http.get(&url)?;
        let page =
            kolada::parse_data(&body).map_err(|e| format!("its answer has changed shape: {e}"))?;
        rows.extend(page.rows);
        seen.push(url.clone());
        match page.next {
            Some(next) if !seen.contains(&next) => url = next,
            _ => break,
        }
    }
    let published = kolada::published(series, k.kod, &rows, meta.as_ref(), today);
    if published.is_empty() {
        return Err(format!(
            "it has no values of {kpi} ({}) for {} (kommunkod {}) in {}",
            series.gender.name(),
            k.name,
            k.kod,
            span_of(years)
        ));
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
        .map(|a| super::resolve_kommun(a, ws, lang))
        .collect()
}

/// `pledge measure --fetch [KOMMUN...]`.
pub fn fetch(
    dir: Option<PathBuf>,
    a: &MeasureArgs,
    kommuner: &[String],
    ctx: &mut Ctx,
) -> Result<u8> {
    let ws = open(dir, ctx.read_cutoff(), |p| {
        p.indicators.iter().any(|i| i.series.is_some())
    })?;
    let only = kommuner_of(kommuner, &ws, ctx.lang)?;
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
    ws.report_broken(&mut ctx.err)?;
    if targets.is_empty() {
        let whom = if only.is_empty() {
            format!("in {}", ws.dir.display())
        } else {
            format!(
                "of {}",
                only.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
            )
        };
        let which = a
            .only_indicator
            .as_deref()
            .map_or(String::new(), |q| format!(" named \"{}\"", safe(q, false)));
        return Err(Usage(format!(
            "no indicator{which} of a löfte {whom} names a series to read; write its source as \
             `source = {{ kolada = \"N07540\" }}` (Kolada's key figure id)"
        ))
        .into());
    }
    let mut http = Http::new(ctx.fetch_timeout);
    let base = ctx.kolada_url.clone();
    let today = ctx.write_cutoff();
    let progress = ctx.stderr_tty && !ctx.quiet && targets.len() > 1;
    let user = ctx.user.clone();
    let mut tally = Tally::default();
    for (n, t) in targets.iter().enumerate() {
        let label = t.ind.source.clone();
        if progress {
            write!(
                ctx.err,
                "\r\x1b[K{}/{} {} {}",
                n + 1,
                targets.len(),
                t.pledge.file,
                label
            )?;
            ctx.err.flush()?;
        }
        let years = years_of(t.pledge, t.ind, today);
        if years.is_empty() {
            continue;
        }
        let got = read_kolada(&mut http, &base, t, &years, today);
        if progress {
            write!(ctx.err, "\r\x1b[K")?;
        }
        match got {
            Ok(published) => {
                let prov = Provenance {
                    source: &label,
                    fetched: today,
                    by: user.as_deref(),
                };
                write_target(&ws, t, &published, &prov, a, ctx, &mut tally)?;
            }
            Err(why) => {
                tally.failed += 1;
                writeln!(
                    ctx.err,
                    "error: {}: indicator {}: Kolada ({base}) {}: {why}; nothing written for it",
                    t.pledge.file,
                    t.ind.id,
                    series_word(t.ind),
                )?;
            }
        }
    }
    finish(&tally, a, ctx)
}

fn series_word(ind: &Indicator) -> String {
    ind.series
        .as_ref()
        .map_or(String::new(), |s| s.kolada.clone())
}

/// The last line and the exit code: 1 when an indicator could not be read or a changed
/// value was left unwritten.
fn finish(tally: &Tally, a: &MeasureArgs, ctx: &mut Ctx) -> Result<u8> {
    if !ctx.quiet {
        let mut parts = vec![format!(
            "{} {} {}",
            tally.written,
            if tally.written == 1 {
                "value"
            } else {
                "values"
            },
            if a.dry_run {
                "would be written"
            } else {
                "written"
            }
        )];
        if tally.present > 0 {
            parts.push(format!("{} already in the files", tally.present));
        }
        if tally.held_back > 0 {
            parts.push(format!(
                "{} changed and not written (--update writes them)",
                tally.held_back
            ));
        }
        if tally.failed > 0 {
            parts.push(format!(
                "{} {} could not be read",
                tally.failed,
                if tally.failed == 1 {
                    "indicator"
                } else {
                    "indicators"
                }
            ));
        }
        writeln!(ctx.err, "{}", parts.join("; "))?;
    }
    Ok(u8::from(tally.failed > 0 || tally.held_back > 0))
}

/// The entries a plan writes: the new values, and with `--update` the corrections.
fn to_write(steps: &[Step], update: bool) -> Vec<Measurement> {
    steps
        .iter()
        .filter_map(|s| match s {
            Step::Add(m) => Some(m.clone()),
            Step::Changed { new, .. } if update => Some(new.clone()),
            _ => None,
        })
        .collect()
}

/// Appends one indicator's new values to its löfte's file (or shows them, on a dry run),
/// deciding again under the lock from the file as it is then.
fn write_target(
    ws: &Workspace,
    t: &Target<'_>,
    published: &[Published],
    prov: &Provenance<'_>,
    a: &MeasureArgs,
    ctx: &mut Ctx,
    tally: &mut Tally,
) -> Result<()> {
    let file = ws.file_of(t.pledge);
    let steps = plan(&t.ind.id, &t.pledge.measurements, published, prov);
    // A value the indicator's own rules refuse (a percentage over 100) is not written.
    let new = to_write(&steps, a.update);
    let refused =
        crate::load::problems::check_measurements(&new, &t.pledge.indicators, ctx.read_cutoff());
    if let Some(p) = refused.first() {
        tally.failed += 1;
        writeln!(
            ctx.err,
            "error: {}: indicator {}: a value from {} does not fit it: {}; nothing written for it",
            file.display,
            t.ind.id,
            prov.source,
            crate::view::diag_words::say(
                &crate::load::says::Says::Outcome(p.kind.clone()),
                crate::view::i18n::Lang::En
            )
        )?;
        return Ok(());
    }
    for s in &steps {
        match s {
            Step::Present { .. } => tally.present += 1,
            Step::Changed {
                year,
                old,
                old_preliminary,
                new,
            } if !a.update => {
                tally.held_back += 1;
                writeln!(
                    ctx.out,
                    "{}: {} {year}: {} now publishes {}{}, the file has {}{}; not written (run \
                     with --update to add it as a correction)",
                    file.display,
                    t.ind.id,
                    prov.source,
                    entry::toml_float(new.value),
                    if new.preliminary {
                        " (preliminary)"
                    } else {
                        ""
                    },
                    entry::toml_float(*old),
                    if *old_preliminary {
                        " (preliminary)"
                    } else {
                        ""
                    },
                )?;
            }
            _ => {}
        }
    }
    if new.is_empty() {
        return Ok(());
    }
    if a.dry_run {
        tally.written += new.len();
        write!(
            ctx.out,
            "{}",
            entry::measurements_addition(&file.text, &new)
        )?;
        if !ctx.quiet {
            writeln!(
                ctx.err,
                "({} {})",
                ctx.lang.t(Label::DryRunNothingWritten),
                file.display
            )?;
        }
        return Ok(());
    }
    let update = a.update;
    let written = store::edit(
        &file.path,
        ctx.lock_timeout,
        ctx.read_cutoff(),
        file,
        &ws.temporaries,
        |fresh| {
            let now = super::loaded_now(fresh)?;
            let again = to_write(&plan(&t.ind.id, &now.measurements, published, prov), update);
            let addition = entry::measurements_addition(&fresh.text, &again);
            if !again.is_empty()
                && entry::read_back_measurements(&addition).as_ref() != Some(&again)
            {
                bail!(
                    "internal error: the new entries do not read back as written; {} is unchanged",
                    fresh.display
                );
            }
            let new_text = format!("{}{addition}", fresh.text);
            Ok((store::with_bom(fresh.bom, &new_text), again))
        },
    )?;
    tally.written += written.len();
    if !ctx.quiet && !written.is_empty() {
        writeln!(
            ctx.out,
            "{} {}:",
            ctx.lang.t(Label::RecordedIn),
            file.display
        )?;
        for m in &written {
            for l in safe(&entry::render_measurement(m, "\n"), true).lines() {
                writeln!(ctx.out, "  {l}")?;
            }
        }
    }
    Ok(())
}

/// `pledge measure --from-csv FILE --indicator ID [KOMMUN]`.
pub fn from_csv(dir: Option<PathBuf>, a: &MeasureArgs, path: &Path, ctx: &mut Ctx) -> Result<u8> {
    let Some(q) = a.only_indicator.as_deref() else {
        return Err(Usage(
            "--from-csv needs --indicator ID: the indicator the file's values are of".into(),
        )
        .into());
    };
    let text = read_csv(path)?;
    let shown = path.display().to_string();
    let rows = table::parse(&text).map_err(|e| {
        if e.line == 0 {
            anyhow::Error::from(Usage(format!("{shown}: {}", e.message)))
        } else {
            anyhow::Error::from(Usage(format!("{shown}:{}: {}", e.line, e.message)))
        }
    })?;
    let ws = open(dir, ctx.read_cutoff(), |p| {
        crate::rules::resolve::indicator(p, q).is_some()
    })?;
    let only = match &a.kommun {
        Some(k) => Some(super::resolve_kommun(k, &ws, ctx.lang)?),
        None => None,
    };
    let area = a.area.as_deref();
    let targets: Vec<Target<'_>> = ws
        .pledges()
        .filter(|p| only.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| p.in_area(area))
        .filter_map(|p| crate::rules::resolve::indicator(p, q).map(|ind| Target { pledge: p, ind }))
        .collect();
    ws.report_broken(&mut ctx.err)?;
    if targets.is_empty() {
        return Err(Usage(format!(
            "no löfte{} has an indicator \"{}\"; `pledge status --format json` lists them",
            only.map_or(String::new(), |k| format!(" of {}", k.name)),
            safe(q, false)
        ))
        .into());
    }
    // Each row's kommun; two different values for one kommun and year are refused whole.
    let mut by_kommun: HashMap<&'static str, Vec<&table::Row>> = HashMap::new();
    let mut elsewhere = 0;
    for r in &rows {
        match crate::kommuner::find(&r.kommun) {
            Some(k) => by_kommun.entry(k.kod).or_default().push(r),
            None => elsewhere += 1,
        }
    }
    for rs in by_kommun.values() {
        for (i, r) in rs.iter().enumerate() {
            if let Some(o) = rs[..i]
                .iter()
                .find(|o| o.year == r.year && o.value != r.value)
            {
                return Err(Refused(format!(
                    "{shown}:{}: {} {} has another value on line {}; nothing written (keep one row \
                     per kommun and year)",
                    r.line, r.kommun, r.year, o.line
                ))
                .into());
            }
        }
    }
    let label = path
        .file_name()
        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
    let today = ctx.write_cutoff();
    let user = ctx.user.clone();
    let mut tally = Tally::default();
    let mut matched = false;
    for t in &targets {
        let k = match single_kommun(t.pledge) {
            Ok(k) => k,
            Err(why) => {
                tally.failed += 1;
                writeln!(
                    ctx.err,
                    "error: {}: indicator {}: {why}; nothing written for it",
                    t.pledge.file, t.ind.id
                )?;
                continue;
            }
        };
        let Some(rs) = by_kommun.get(k.kod) else {
            continue;
        };
        matched = true;
        let years = years_of(t.pledge, t.ind, today);
        let published: Vec<Published> = rs
            .iter()
            .filter(|r| years.contains(&r.year))
            .filter_map(|r| {
                r.value.map(|value| Published {
                    year: r.year,
                    value,
                    preliminary: false,
                    compare: Vec::new(),
                })
            })
            .collect();
        let prov = Provenance {
            source: &label,
            fetched: today,
            by: user.as_deref(),
        };
        write_target(&ws, t, &published, &prov, a, ctx, &mut tally)?;
    }
    if !matched && tally.failed == 0 {
        let names: Vec<&str> = targets
            .iter()
            .flat_map(|t| t.pledge.kommuner.iter().map(|k| k.name))
            .collect();
        return Err(Refused(format!(
            "{shown} has no rows for {} (the kommuner whose löften have \"{}\"); nothing written",
            names.join(", "),
            safe(q, false)
        ))
        .into());
    }
    if elsewhere > 0 && !ctx.quiet {
        writeln!(
            ctx.err,
            "({elsewhere} rows for areas that are not a kommun, such as the country or a län, were \
             left aside)"
        )?;
    }
    finish(&tally, a, ctx)
}

fn read_csv(path: &Path) -> Result<String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {shown}"))?;
    if !meta.is_file() {
        bail!("{shown} is not a file");
    }
    if meta.len() > MAX_BODY {
        bail!("{shown} is larger than 16 MiB; export only the kommuner and years needed");
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        // Excel on Windows saves CSV as Windows-1252: å, ä, ö are single bytes.
        Err(e) => Ok(e.into_bytes().iter().map(|&b| cp1252(b)).collect()),
    }
}

/// A byte of Windows-1252 (Latin-1 for the letters Swedish needs).
fn cp1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x96 => '–',
        0x97 => '—',
        b => char::from(b),
    }
}
