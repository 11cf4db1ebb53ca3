//! `check`: for cron, one line per finding; silent with exit 0 when nothing needs attention.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{Ctx, Workspace};
use crate::cli::{CheckArgs, CheckFormat};
use crate::status::pledge_status;
use crate::view;

pub fn check(dir: Option<PathBuf>, a: CheckArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let ws = Workspace::open(dir, ctx.read_cutoff())?;
    // Every path `check` writes (text lines, `findings[].file`, `invalid_files`) is relative
    // to the pledges folder: one convention, whatever folder it runs in.
    let name = |f: &crate::store::SourceFile| {
        f.path
            .strip_prefix(&ws.dir)
            .map_or_else(|_| f.display.clone(), crate::text::shown_path)
    };
    let mut findings = Vec::new();
    for f in &ws.files {
        if let Some(p) = &f.loaded.pledge {
            findings.extend(crate::findings::findings(
                &pledge_status(p, as_of),
                a.within,
                &name(f),
            ));
        }
    }
    let broken: Vec<_> = ws.files.iter().filter(|f| f.loaded.has_errors()).collect();
    match a.format {
        CheckFormat::Text => {
            for f in &findings {
                writeln!(ctx.out, "{}", view::check::finding_line(f))?;
            }
        }
        CheckFormat::Json => {
            let invalid: Vec<String> = broken.iter().map(|f| name(f)).collect();
            let invalid: Vec<&str> = invalid.iter().map(String::as_str).collect();
            writeln!(
                ctx.out,
                "{}",
                view::json::check(as_of, a.within, &findings, &invalid)
            )?;
        }
    }
    for f in &broken {
        write!(ctx.err, "{}", f.render_diags())?;
    }
    Ok(if !broken.is_empty() {
        2
    } else if findings.is_empty() {
        0
    } else {
        1
    })
}
