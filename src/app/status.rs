//! `status`, `report` and `check`.

use std::path::PathBuf;

use std::io::Write as _;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::json;

use super::{Out, Workspace, resolve_kommun, today};
use crate::cli::*;
use crate::model::Pledge;
use crate::report::{self, SCHEMA_VERSION};
use crate::status::pledge_status;

/// The löfte of a kommun to show on a date: the one active then, else the latest that has
/// started, else the first upcoming.
fn pledges_for<'w>(
    ws: &'w Workspace,
    k: &crate::kommuner::Kommun,
    on: NaiveDate,
) -> Vec<&'w Pledge> {
    let mut mine: Vec<&Pledge> = ws.pledges().filter(|p| p.kommuner.contains(&k)).collect();
    mine.sort_by_key(|p| (p.period.start, p.area.is_some(), p.file.clone()));
    // Every löfte in force (one for the whole kommun and one for its centre, say) ...
    let active: Vec<&Pledge> = mine
        .iter()
        .copied()
        .filter(|p| p.period.contains(on))
        .collect();
    if !active.is_empty() {
        return active;
    }
    // ... else the latest that has started, else the first to come.
    mine.iter()
        .rev()
        .find(|p| p.period.start <= on)
        .or_else(|| mine.first())
        .map(|p| vec![*p])
        .unwrap_or_default()
}

/// The löften the status command shows, in order: by län, then kommunkod.
fn select<'w>(
    ws: &'w Workspace,
    kommuner: &[String],
    all: bool,
    on: NaiveDate,
) -> Result<Vec<&'w Pledge>> {
    let mut ks: Vec<&'static crate::kommuner::Kommun> = if all {
        ws.pledges()
            .flat_map(|p| p.kommuner.iter().copied())
            .collect()
    } else if kommuner.is_empty() {
        let mut present: Vec<_> = ws
            .pledges()
            .flat_map(|p| p.kommuner.iter().copied())
            .collect();
        present.sort_by_key(|k| k.kod);
        present.dedup();
        match present.len() {
            0 => bail!(
                "the pledges folder {} has no valid löften",
                ws.dir.display()
            ),
            1 => present,
            n => bail!(
                "the folder has löften for {n} kommuner; name one (e.g. `pledge status {}`) or use --all",
                crate::text::slug(present[0].name)
            ),
        }
    } else {
        kommuner
            .iter()
            .map(|k| resolve_kommun(k, ws))
            .collect::<Result<_>>()?
    };
    ks.sort_by_key(|k| (k.lanskod, k.kod));
    ks.dedup();
    let mut out: Vec<&Pledge> = Vec::new();
    for k in ks {
        let found = pledges_for(ws, k, on);
        if found.is_empty() && !all {
            bail!("the folder has no löfte for {}", k.name);
        }
        for p in found {
            if !out.iter().any(|q| std::ptr::eq(*q, p)) {
                out.push(p);
            }
        }
    }
    Ok(out)
}

pub fn status(dir: Option<PathBuf>, a: StatusArgs, out: &Out) -> Result<u8> {
    let as_of = a.as_of.unwrap_or_else(today);
    let lang = out.lang;
    let ws = Workspace::open(dir, crate::model::future_cutoff(a.as_of, today()))?;
    let chosen = select(&ws, &a.kommuner, a.all, as_of)?;
    if a.format == StatusFormat::Json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        report::write_status_json(&mut out, &chosen, as_of)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(if ws.report_broken() { 1 } else { 0 });
    }
    let statuses: Vec<_> = chosen.iter().map(|p| pledge_status(p, as_of)).collect();
    if statuses.is_empty() && matches!(a.format, StatusFormat::Table | StatusFormat::Markdown) {
        println!("{}", lang.t("no löften match"));
    }
    match a.format {
        StatusFormat::Json => unreachable!("written above"),
        StatusFormat::Csv => {
            let mut s = crate::render::csv_record(&report::CSV_HEADER.map(String::from));
            for st in &statuses {
                s.push_str(&report::status_csv_rows(st));
            }
            print!("{s}");
        }
        StatusFormat::Markdown => {
            let parts: Vec<String> = statuses
                .iter()
                .map(|s| report::status_markdown(s, lang))
                .collect();
            print!("{}", parts.join("\n"));
        }
        StatusFormat::Table => {
            let mut lan = "";
            let mut parts = Vec::new();
            for s in &statuses {
                let mut part = String::new();
                let this_lan = s.pledge.kommuner[0].lan;
                if a.all && this_lan != lan {
                    lan = this_lan;
                    part.push_str(&format!("━━ {this_lan} ━━\n\n"));
                }
                part.push_str(&report::status_table(s, lang, out.color));
                parts.push(part);
            }
            print!("{}", parts.join("\n"));
        }
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}

pub fn report(dir: Option<PathBuf>, a: ReportArgs, out: &Out) -> Result<u8> {
    let as_of = a.as_of.unwrap_or_else(today);
    let lang = out.lang;
    let ws = Workspace::open(dir, crate::model::future_cutoff(a.as_of, today()))?;
    let k = resolve_kommun(&a.kommun, &ws)?;
    let found = pledges_for(&ws, k, as_of);
    let chosen: Vec<&Pledge> = found
        .iter()
        .copied()
        .filter(|p| p.in_area(a.area.as_deref()) && (a.area.is_some() || p.area.is_none()))
        .collect();
    // Without --area: the löfte for the whole kommun, or the only one there is.
    let p = match (chosen.as_slice(), found.as_slice()) {
        ([one], _) => *one,
        ([], [only]) if a.area.is_none() => *only,
        ([], []) => bail!("the folder has no löfte for {}", k.name),
        _ => bail!(
            "{} löften for {} are in force on {as_of}; choose one with --area ({})",
            found.len(),
            k.name,
            found
                .iter()
                .map(|p| p
                    .area
                    .as_deref()
                    .unwrap_or("the whole kommun: no --area")
                    .to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let s = pledge_status(p, as_of);
    match a.format {
        ReportFormat::Markdown => print!("{}", report::report_markdown(&s, a.since, lang)),
        ReportFormat::Html => print!("{}", report::report_html(&s, a.since, lang)),
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}

pub fn check(dir: Option<PathBuf>, a: CheckArgs, _out: &Out) -> Result<u8> {
    let as_of = a.as_of.unwrap_or_else(today);
    let ws = Workspace::open(dir, crate::model::future_cutoff(a.as_of, today()))?;
    let mut findings = Vec::new();
    for f in &ws.files {
        if let Some(p) = &f.loaded.pledge {
            let name = f
                .path
                .strip_prefix(&ws.dir)
                .map_or_else(|_| f.display.clone(), |r| r.display().to_string());
            findings.extend(report::findings(&pledge_status(p, as_of), a.within, &name));
        }
    }
    let broken: Vec<_> = ws.files.iter().filter(|f| f.loaded.has_errors()).collect();
    match a.format {
        CheckFormat::Text => {
            for f in &findings {
                println!("{}", f.message);
            }
        }
        CheckFormat::Json => {
            let doc = json!({
                "schema_version": SCHEMA_VERSION,
                "as_of": as_of,
                "within": a.within,
                "findings": findings,
                "invalid_files": broken.iter().map(|f| &f.display).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
    }
    for f in &broken {
        eprint!("{}", f.render_diags());
    }
    Ok(if !broken.is_empty() {
        2
    } else if findings.is_empty() {
        0
    } else {
        1
    })
}
