//! `check`: for cron, one line per finding; silent with exit 0 when nothing needs attention.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Workspace};
use crate::cli::{CheckArgs, CheckFormat};
use crate::report::{self, SCHEMA_VERSION};
use crate::status::pledge_status;

pub fn check(dir: Option<PathBuf>, a: CheckArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let ws = Workspace::open(dir, as_of.max(ctx.clock))?;
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
                writeln!(ctx.out, "{}", f.message)?;
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
            writeln!(ctx.out, "{}", serde_json::to_string_pretty(&doc)?)?;
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
