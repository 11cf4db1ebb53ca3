//! `merge-driver`: git's merge driver for pledge files.

use std::io::Write as _;
use std::path::Path;
use std::process::Output;

use anyhow::{Context, Result};

use super::Ctx;
use crate::edit::merge::{self, Conflict};
use crate::store;
use crate::text::shown_path;
use crate::view::i18n::Lang;
use crate::view::messages::{GitMsg, MergeMsg, Words};

/// `pledge merge-driver %O %A %B`: merges into %A, or leaves it to `git merge-file` (which
/// writes conflict markers) when the files cannot be merged entry by entry.
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path, ctx: &mut Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let read = |p: &Path| -> Result<(String, bool)> {
        let bytes =
            std::fs::read(p).with_context(|| GitMsg::CannotRead(&shown_path(p)).say(lang))?;
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let text = store::decode(bytes)
            .map_err(|(d, _)| anyhow::anyhow!("{}: {}", shown_path(p), d.message.say(lang)))?;
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
                let why = MergeMsg::WouldNotValidate.say(lang);
                say(ctx, &why)?;
                None
            }
            Err(Conflict::Head) => match merge::head_conflict(&o, &a, &b) {
                Ok(hc) => return head_markers(&hc, ours, bom, ctx),
                Err(c) => {
                    let why = conflict_message(c, lang);
                    say(ctx, &why)?;
                    None
                }
            },
            Err(c) => {
                let why = conflict_message(c, lang);
                say(ctx, &why)?;
                None
            }
        },
        _ => None,
    };
    if let Some((text, bom)) = merged {
        store::write_atomic(ours, ctx.here(), &store::with_bom(bom, &text))?;
        return Ok(0);
    }
    let why = MergeMsg::FallingBack.say(lang);
    say(ctx, &why)?;
    let out = merge_file(ours, base, theirs, lang)?;
    let code = merge_file_code(&out, lang)?;
    // The markers and both sides' lines with the file's line endings.
    let text = match (nl, String::from_utf8(out.stdout)) {
        (Some(nl), Ok(t)) => {
            let t = t.strip_prefix('\u{feff}').unwrap_or(&t);
            store::with_bom(bom, &merge::with_line_ending(t, nl))
        }
        (_, Ok(t)) => t.into_bytes(),
        (_, Err(e)) => e.into_bytes(),
    };
    store::write_atomic(ours, ctx.here(), &text)?;
    Ok(code)
}

/// The exit code for git from `git merge-file`'s: 0 when the lines merged, 1 when it wrote
/// conflict markers (it exits with their number); an error when it failed (negative, seen
/// as 128 and up).
fn merge_file_code(out: &std::process::Output, lang: Lang) -> Result<u8> {
    match out.status.code() {
        Some(0) => Ok(0),
        Some(c) if (1..128).contains(&c) => Ok(1),
        _ => {
            anyhow::bail!(
                MergeMsg::MergeFileFailed(&String::from_utf8_lossy(&out.stderr)).say(lang)
            )
        }
    }
}

/// `git merge-file -p` of the three files, its sides labelled ours, base and theirs.
fn merge_file(ours: &Path, base: &Path, theirs: &Path, lang: Lang) -> Result<Output> {
    std::process::Command::new("git")
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
        .args([ours, base, theirs])
        .output()
        .with_context(|| MergeMsg::CannotRunMergeFile.say(lang))
}

/// Both sides changed the löfte's head: its lines merge by `git merge-file`, which marks only
/// the lines in conflict, and the log entries both sides added follow, merged. Exit 1: git
/// sees a conflict for a person to resolve.
fn head_markers(hc: &merge::HeadConflict, ours: &Path, bom: bool, ctx: &mut Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let dir = tempfile::tempdir().with_context(|| MergeMsg::NoTempDir.say(lang))?;
    let write = |name: &str, text: &str| -> Result<std::path::PathBuf> {
        let p = dir.path().join(name);
        std::fs::write(&p, text)
            .with_context(|| MergeMsg::CannotWrite(&p.display().to_string()).say(lang))?;
        Ok(p)
    };
    let (o, a, b) = (
        write("base", &hc.base)?,
        write("ours", &hc.ours)?,
        write("theirs", &hc.theirs)?,
    );
    let out = merge_file(&a, &o, &b, lang)?;
    let code = merge_file_code(&out, lang)?;
    let head =
        String::from_utf8(out.stdout).with_context(|| MergeMsg::MergeFileNotUtf8.say(lang))?;
    // git marks conflicts with its own line ending; every line gets the file's.
    let nl = crate::text::line_ending(&hc.ours);
    let text = merge::with_line_ending(&format!("{head}{}", hc.log), nl);
    store::write_atomic(ours, ctx.here(), &store::with_bom(bom, &text))?;
    writeln!(
        ctx.err,
        "pledge merge-driver: {}",
        MergeMsg::HeadMarked.say(lang)
    )?;
    Ok(code)
}

/// A line of the driver's on git's standard error, wrapped between words.
fn say(ctx: &mut Ctx, why: &str) -> Result<()> {
    let line = format!("pledge merge-driver: {why}");
    writeln!(ctx.err, "{}", super::wrapped(&line, ctx.width))?;
    Ok(())
}

/// What kept the driver from merging entry by entry, in the language.
fn conflict_message(c: Conflict, lang: Lang) -> String {
    let activity;
    let msg = match c {
        Conflict::Invalid(w) => MergeMsg::SideInvalid(w),
        Conflict::LogNotLast(w) => MergeMsg::LogNotLast(w),
        Conflict::Head => MergeMsg::BothChangedHead,
        Conflict::Entry { date, activity: a } => {
            activity = crate::text::safe(&a, false);
            MergeMsg::BothChangedEntries {
                date,
                activity: &activity,
            }
        }
        Conflict::LogRemoved(w) => MergeMsg::LogRemoved(w),
    };
    msg.say(lang)
}
