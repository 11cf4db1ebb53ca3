//! `merge-driver`: git's merge driver for pledge files.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::edit::merge::{self, Conflict};
use crate::store;

/// `pledge merge-driver %O %A %B`: merges into %A, or leaves it to `git merge-file` (which
/// writes conflict markers) when the files cannot be merged entry by entry.
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path, ctx: &mut Ctx) -> Result<u8> {
    let read = |p: &Path| -> Result<(String, bool)> {
        let bytes = std::fs::read(p)
            .with_context(|| format!("cannot read {}", crate::text::shown_path(p)))?;
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let text = store::decode(bytes).map_err(|(d, _)| {
            anyhow::anyhow!(
                "{}: {}",
                crate::text::shown_path(p),
                crate::view::diag_words::say(&d.message, crate::view::i18n::Lang::En)
            )
        })?;
        Ok((text, bom))
    };
    let texts = (read(base), read(ours), read(theirs));
    // The line ending every line of the result gets, when the three are text.
    let nl = match &texts {
        (Ok((o, _)), Ok((a, _)), Ok((b, _))) => Some(merge::line_ending(o, a, b)),
        _ => None,
    };
    let bom = matches!(&texts.1, Ok((_, true)));
    let merged = match texts {
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
            Err(Conflict::Head) => match merge::head_conflict(&o, &a, &b) {
                Ok(hc) => return head_markers(&hc, ours, bom, ctx),
                Err(c) => {
                    writeln!(ctx.err, "pledge merge-driver: {}", conflict_message(c))?;
                    None
                }
            },
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
    let out = std::process::Command::new("git")
        .args([
            "merge-file",
            "-p",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
        ])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .output()
        .context("cannot run git merge-file")?;
    let code = merge_file_code(&out)?;
    // The markers and both sides' lines with the file's line endings.
    let text = match (nl, String::from_utf8(out.stdout)) {
        (Some(nl), Ok(t)) => {
            let t = t.strip_prefix('\u{feff}').unwrap_or(&t);
            store::with_bom(bom, &merge::with_line_ending(t, nl))
        }
        (_, Ok(t)) => t.into_bytes(),
        (_, Err(e)) => e.into_bytes(),
    };
    store::write_atomic(ours, &text)?;
    Ok(code)
}

/// The exit code for git from `git merge-file`'s: 0 when the lines merged, 1 when it wrote
/// conflict markers (it exits with their number); an error when it failed (negative, seen
/// as 128 and up).
fn merge_file_code(out: &std::process::Output) -> Result<u8> {
    match out.status.code() {
        Some(0) => Ok(0),
        Some(c) if (1..128).contains(&c) => Ok(1),
        _ => anyhow::bail!(
            "git merge-file failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// Both sides changed the löfte's head: its lines merge by `git merge-file`, which marks only
/// the lines in conflict, and the log entries both sides added follow, merged. Exit 1: git
/// sees a conflict for a person to resolve.
fn head_markers(hc: &merge::HeadConflict, ours: &Path, bom: bool, ctx: &mut Ctx) -> Result<u8> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let write = |name: &str, text: &str| -> Result<std::path::PathBuf> {
        let p = dir.path().join(name);
        std::fs::write(&p, text).with_context(|| format!("cannot write {}", p.display()))?;
        Ok(p)
    };
    let (o, a, b) = (
        write("base", &hc.base)?,
        write("ours", &hc.ours)?,
        write("theirs", &hc.theirs)?,
    );
    let out = std::process::Command::new("git")
        .args([
            "merge-file",
            "-p",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
        ])
        .args([&a, &o, &b])
        .output()
        .context("cannot run git merge-file")?;
    let code = merge_file_code(&out)?;
    let head = String::from_utf8(out.stdout).context("git merge-file wrote invalid UTF-8")?;
    // git marks conflicts with its own line ending; every line gets the file's.
    let nl = crate::text::line_ending(&hc.ours);
    let text = merge::with_line_ending(&format!("{head}{}", hc.log), nl);
    store::write_atomic(ours, &store::with_bom(bom, &text))?;
    writeln!(
        ctx.err,
        "pledge merge-driver: both sides changed the löfte itself; the log entries are merged, \
         the head has conflict markers where the two sides differ"
    )?;
    Ok(code)
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
