//! `validate`: every problem of the pledge files, with file, line and column.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Ctx;
use crate::cli::ValidateArgs;
use crate::model::Pledge;
use crate::store;
use crate::view::messages::Words;

pub fn validate(dir: Option<PathBuf>, a: ValidateArgs, ctx: &mut Ctx) -> Result<u8> {
    let today = ctx.read_cutoff();
    let mut git_warning = None;
    let paths = if a.paths.is_empty() {
        let dir = store::find_dir(dir.as_deref(), ctx.here())?;
        // In a clone set up only in part, a merge can lose entries: said once.
        git_warning = super::git::validate_warning(&dir, ctx.here(), ctx.lang);
        store::pledge_files(&dir)?
    } else {
        store::expand_paths(&a.paths)?
    };
    // Only what the checks across files read is kept of each löfte (its kommuner, area and
    // period); its log and activities are dropped as soon as it is loaded, after its entries
    // were checked against their activities. The texts stay, for the diagnostics.
    let mut files = store::read_each(&paths, ctx.here(), today, true, |_, mut f| {
        if let Some(p) = f.loaded.pledge.as_mut() {
            // Hand-written entries that `status` would not count, said at each entry.
            let extra = crate::rules::status::toward_no_window(p);
            f.loaded.diags.extend(extra);
            p.log = Vec::new();
            p.activities = Vec::new();
        }
        f
    })?;
    let pledges: Vec<(usize, &Pledge)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.loaded.pledge.as_ref().map(|p| (i, p)))
        .collect();
    let only: Vec<&Pledge> = pledges.iter().map(|(_, p)| *p).collect();
    let extra: Vec<(usize, crate::load::diag::Diagnostic)> = crate::load::validate::overlaps(&only)
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
                if ctx.quiet {
                    continue;
                }
            }
            report.push_str(&crate::view::diag_words::render_at(
                &f.display, &f.text, d, ctx.lang, ctx.width,
            ));
        }
    }
    if let Some(w) = &git_warning {
        warnings += 1;
        if !ctx.quiet {
            report.push_str(&super::wrapped(w.trim_end(), ctx.width));
            report.push('\n');
        }
    }
    write!(ctx.out, "{report}")?;
    if !ctx.quiet {
        let summary = crate::view::messages::ValidateMsg::FilesChecked {
            files: files.len(),
            errors,
            warnings,
        };
        writeln!(ctx.out, "{}", summary.say(ctx.lang))?;
    }
    // The process ends next: its memory goes back at once, not piece by piece.
    std::mem::forget(files);
    Ok(if errors > 0 { 1 } else { 0 })
}
