//! `check`: for cron, one line per finding; silent with exit 0 when nothing needs attention.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Ctx;
use crate::cli::{CheckArgs, CheckFormat};
use crate::rules::findings::Finding;
use crate::rules::status::pledge_status_judged;
use crate::store::{self, SourceFile};
use crate::view;

/// A löfte's findings, each with what its line names besides the file: the kommun (a shared
/// löfte's kommuner, or the one whose share it is) and the activity's title.
fn pledge_findings(
    p: &crate::model::Pledge,
    as_of: chrono::NaiveDate,
    within: u32,
    file: &str,
) -> Vec<(Finding, String, Option<String>)> {
    let s = pledge_status_judged(p, as_of);
    crate::rules::findings::check_findings(p, &s, as_of, within, file)
        .into_iter()
        .map(|x| {
            let title = p
                .activities
                .iter()
                .find(|act| act.id == x.activity)
                .map(view::title::activity_title);
            let kommun = x.kommun.map_or_else(|| p.kommun_names(), str::to_string);
            (x, kommun, title)
        })
        .collect()
}

pub fn check(dir: Option<PathBuf>, a: CheckArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    let paths = store::pledge_files(&dir)?;
    // Every path `check` writes (text lines, `findings[].file`, `invalid_files`) is relative
    // to the pledges folder: one convention, whatever folder it runs in.
    let name = |f: &SourceFile| {
        f.path
            .strip_prefix(&dir)
            .map_or_else(|_| f.display.clone(), crate::text::shown_path)
    };
    // Each löfte is judged on the core that loaded it and dropped: only its findings and the
    // files that cannot be read are kept.
    let per_file = store::read_each(&paths, ctx.here(), ctx.read_cutoff(), false, |_, f| {
        let found = f
            .loaded
            .pledge
            .as_ref()
            .map_or_else(Vec::new, |p| pledge_findings(p, as_of, a.within, &name(&f)));
        (found, f.loaded.has_errors().then_some(f))
    })?;
    let mut findings = Vec::new();
    let mut broken = Vec::new();
    let mut names = Vec::new();
    for (found, f) in per_file {
        for (finding, kommun, title) in found {
            findings.push(finding);
            names.push((kommun, title));
        }
        broken.extend(f);
    }
    match a.format {
        CheckFormat::Text => {
            for (f, (kommun, title)) in findings.iter().zip(&names) {
                let named = view::check::Named {
                    kommun,
                    title: title.as_deref(),
                };
                let line = view::check::finding_line_in(f, ctx.lang, &named);
                writeln!(ctx.out, "{}", on_terminal(&line, ctx))?;
            }
        }
        CheckFormat::Json => {
            let invalid: Vec<String> = broken.iter().map(name).collect();
            let invalid: Vec<&str> = invalid.iter().map(String::as_str).collect();
            writeln!(
                ctx.out,
                "{}",
                view::json::check(as_of, a.within, &findings, &invalid)
            )?;
        }
    }
    for f in &broken {
        write!(ctx.err, "{}", f.render_diags_in(ctx.lang))?;
    }
    Ok(if !broken.is_empty() {
        2
    } else if findings.is_empty() {
        0
    } else {
        1
    })
}

/// A line wrapped between words on a terminal; into a pipe or cron's mail, as it is (one
/// finding a line, as scripts read it).
fn on_terminal(line: &str, ctx: &Ctx) -> String {
    match ctx.stdout_tty {
        true => super::wrapped(line, ctx.width),
        false => line.to_string(),
    }
}
