//! `validate` and `list`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Out, Workspace, plural, resolve_kommun, today};
use crate::cli::*;
use crate::model::Pledge;
use crate::store;
use crate::view;

pub fn validate(dir: Option<PathBuf>, a: ValidateArgs, out: &Out) -> Result<u8> {
    let today = a.as_of.unwrap_or_else(today);
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
        ListFormat::Json => println!("{}", view::json::list(&rows, on)),
        ListFormat::Csv => print!("{}", view::csv::list_csv(&rows, on)),
        ListFormat::Table => print!(
            "{}",
            view::table::list_table(&rows, on, out.lang, out.width)
        ),
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}
