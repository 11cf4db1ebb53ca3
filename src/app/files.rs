//! `validate` and `list`.

use std::path::PathBuf;

use anyhow::Result;
use serde_json::json;

use super::{Out, Workspace, kommuner_json, plural, resolve_kommun, today};
use crate::cli::*;
use crate::model::Pledge;
use crate::{render, store};

pub fn validate(dir: Option<PathBuf>, a: ValidateArgs, out: &Out) -> Result<u8> {
    let today = crate::model::future_cutoff(a.as_of, today());
    let paths = if a.paths.is_empty() {
        let dir = store::find_dir(dir.as_deref())?;
        store::pledge_files(&dir)?
    } else {
        store::expand_paths(&a.paths)?
    };
    let mut files = store::read_all(&paths, today, true)?;
    let pledges: Vec<(usize, &Pledge)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.loaded.pledge.as_ref().map(|p| (i, p)))
        .collect();
    let only: Vec<&Pledge> = pledges.iter().map(|(_, p)| *p).collect();
    let extra: Vec<(usize, crate::diag::Diagnostic)> = crate::validate::overlaps(&only)
        .into_iter()
        .map(|(i, d)| (pledges[i].0, d))
        .collect();
    for (i, d) in extra {
        files[i].loaded.diags.push(d);
    }
    let (mut errors, mut warnings) = (0, 0);
    let mut report = String::new();
    for f in &files {
        for d in &f.loaded.diags {
            if d.is_error() {
                errors += 1;
            } else {
                warnings += 1;
                if out.quiet {
                    continue;
                }
            }
            report.push_str(&crate::diag::render(&f.display, &f.text, d));
        }
    }
    print!("{report}");
    if !out.quiet {
        println!(
            "{} file{} checked: {} error{}, {} warning{}",
            files.len(),
            plural(files.len()),
            errors,
            plural(errors),
            warnings,
            plural(warnings)
        );
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

pub fn list(dir: Option<PathBuf>, a: ListArgs, out: &Out) -> Result<u8> {
    let today = today();
    let ws = Workspace::open(dir, today)?;
    let on = a.active_on.or(a.as_of).unwrap_or(today);
    let filter = a
        .kommun
        .as_deref()
        .map(|k| resolve_kommun(k, &ws))
        .transpose()?;
    let mut rows: Vec<&Pledge> = ws
        .pledges()
        .filter(|p| filter.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| a.active_on.is_none_or(|d| p.period.contains(d)))
        .collect();
    rows.sort_by(|x, y| {
        (x.kommuner[0].kod, x.period.start).cmp(&(y.kommuner[0].kod, y.period.start))
    });
    match a.format {
        ListFormat::Json => {
            let pledges: Vec<_> = rows
                .iter()
                .map(|p| {
                    json!({
                        "file": p.file,
                        "title": p.title,
                        "kommuner": kommuner_json(p),
                        "area": p.area,
                        "lokalpolisomrade": p.lokalpolisomrade,
                        "period": p.period,
                        "state": p.state(on),
                        "activities": p.activities.len(),
                    })
                })
                .collect();
            let doc = json!({"schema_version": 1, "as_of": on, "pledges": pledges});
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
        ListFormat::Csv => {
            let mut s = render::csv_record(
                &[
                    "kommuner",
                    "kommunkod",
                    "lan",
                    "lokalpolisomrade",
                    "area",
                    "start",
                    "end",
                    "state",
                    "activities",
                    "file",
                ]
                .map(String::from),
            );
            for p in &rows {
                s.push_str(&render::csv_record(&[
                    p.kommun_names(),
                    p.kommunkoder(),
                    lan_names(p),
                    p.lokalpolisomrade.clone().unwrap_or_default(),
                    p.area.clone().unwrap_or_default(),
                    p.period.start.to_string(),
                    p.period.end.to_string(),
                    p.state(on).name().into(),
                    p.activities.len().to_string(),
                    p.file.clone(),
                ]));
            }
            print!("{s}");
        }
        ListFormat::Table => {
            let body = rows
                .iter()
                .map(|p| {
                    let mut kommun = p.kommun_names();
                    if let Some(area) = &p.area {
                        kommun.push_str(&format!(" ({area})"));
                    }
                    vec![
                        render::cell(&kommun),
                        p.kommunkoder(),
                        lan_names(p),
                        render::cell(p.lokalpolisomrade.as_deref().unwrap_or("–")),
                        format!(
                            "{} – {}{}",
                            p.period.start,
                            p.period.end,
                            if p.period.until_replaced { " (+)" } else { "" }
                        ),
                        out.lang.state(p.state(on)).into(),
                        p.activities.len().to_string(),
                    ]
                })
                .collect();
            if rows.is_empty() {
                println!("{}", out.lang.t("no löften match"));
            } else {
                println!(
                    "{}",
                    render::table(
                        &[
                            "Kommun",
                            "Kod",
                            "Län",
                            "Lokalpolisområde",
                            "Period",
                            "State",
                            "Activities"
                        ]
                        .map(|h| out.lang.t(h)),
                        body
                    )
                );
                if rows.iter().any(|p| p.period.until_replaced) {
                    println!("(+) {}", out.lang.t("in force until replaced"));
                }
            }
        }
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}

fn lan_names(p: &Pledge) -> String {
    let mut l: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    l.dedup();
    l.join(", ")
}
