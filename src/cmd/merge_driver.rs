//! `merge-driver`: git's merge driver for pledge files.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::merge::{self, Conflict};
use crate::store;

/// `pledge merge-driver %O %A %B`: merges into %A, or leaves it to `git merge-file` (which
/// writes conflict markers) when the files cannot be merged entry by entry.
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path, ctx: &mut Ctx) -> Result<u8> {
    let read = |p: &Path| -> Result<(String, bool)> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let text = store::decode(bytes)
            .map_err(|(d, _)| anyhow::anyhow!("{}: {}", p.display(), d.message))?;
        Ok((text, bom))
    };
    let merged = match (read(base), read(ours), read(theirs)) {
        (Ok((o, _)), Ok((a, bom)), Ok((b, _))) => match merge::merge(&o, &a, &b) {
            Ok(text)
                if !crate::load::load("merged", &text, chrono::NaiveDate::MAX).has_errors() =>
            {
                Some((text, bom))
            }
            Ok(_) => {
                writeln!(
                    ctx.err,
                    "pledge merge-driver: the merged file would not validate"
                )?;
                None
            }
            Err(c) => {
                writeln!(ctx.err, "pledge merge-driver: {}", conflict_message(c))?;
                None
            }
        },
        _ => None,
    };
    if let Some((text, bom)) = merged {
        store::write_atomic(ours, &store::with_bom(bom, &text))?;
        return Ok(0);
    }
    writeln!(
        ctx.err,
        "pledge merge-driver: falling back to git merge-file"
    )?;
    let status = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()
        .context("cannot run git merge-file")?;
    Ok(if status.success() { 0 } else { 1 })
}

fn conflict_message(c: Conflict) -> String {
    match c {
        Conflict::Invalid(w) => format!("{w} does not validate"),
        Conflict::LogNotLast(w) => format!("in {w}, other tables follow the log"),
        Conflict::Head => "both sides changed the löfte itself".to_string(),
        Conflict::Entry { date, activity } => format!(
            "both sides changed the log entries of {date} ({}) differently",
            crate::text::safe(&activity, false)
        ),
        Conflict::LogRemoved(w) => format!("{w} removed every log entry of the base"),
    }
}
