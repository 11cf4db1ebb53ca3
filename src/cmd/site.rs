//! `site`: writes the static website ([`crate::view::site`]) into a folder.
//!
//! The folder is created when missing. A folder that holds files but no marker
//! ([`MARKER`]) was not made by `pledge site`, and is refused unless `--force`. Each file is
//! written to a temporary file beside it and renamed over the old one (a reader never sees
//! half a page), files whose bytes are unchanged are left alone (their times too), and the
//! files of the last build that this one no longer makes (a löfte removed) are deleted. The
//! marker, listing the files, is written last.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, Result};

use super::{Ctx, Refused, Workspace};
use crate::cli::SiteArgs;
use crate::model::Pledge;
use crate::status::pledge_status;
use crate::view::site::{self, MARKER, SiteFile};

pub fn site(dir: Option<PathBuf>, a: SiteArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let ws = Workspace::open(dir, ctx.read_cutoff())?;
    let chosen = super::calendar::chosen(&ws, &a.kommuner)?;
    // The pages name each löfte's file by its name alone, so the site does not depend on
    // where it was built from.
    let pledges: Vec<Pledge> = chosen.iter().map(|p| public(p)).collect();
    let statuses: Vec<_> = pledges.iter().map(|p| pledge_status(p, as_of)).collect();
    let files = site::build(&statuses, ctx.lang);
    let old = prepare(&a.outdir, a.force)?;
    let changed = write_all(&a.outdir, &files, &old)?;
    if !ctx.quiet {
        writeln!(
            ctx.out,
            "wrote {} {} to {} ({} files, {changed} changed)",
            pledges.len(),
            if pledges.len() == 1 {
                "löfte"
            } else {
                "löften"
            },
            a.outdir.display(),
            files.len()
        )?;
    }
    ws.exit_code(&mut ctx.err)
}

/// The löfte with its file named by the file's name only.
fn public(p: &Pledge) -> Pledge {
    let mut p = p.clone();
    if let Some(name) = Path::new(&p.file).file_name().and_then(|n| n.to_str()) {
        p.file = name.to_string();
    }
    p
}

/// Makes sure `out` may be written: creates it, or checks that it is empty or ours (or
/// `force`). Returns the files the last build wrote, from the marker.
fn prepare(out: &Path, force: bool) -> Result<Vec<String>> {
    if !out.exists() {
        fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
        return Ok(Vec::new());
    }
    if !out.is_dir() {
        return Err(Refused(format!(
            "{} is not a folder; the site is not written",
            out.display()
        ))
        .into());
    }
    match fs::read_to_string(out.join(MARKER)) {
        Ok(text) => Ok(site::marker_files(&text)
            .into_iter()
            .map(String::from)
            .collect()),
        Err(_) => {
            let empty = fs::read_dir(out)
                .with_context(|| format!("cannot read {}", out.display()))?
                .next()
                .is_none();
            if !empty && !force {
                return Err(Refused(format!(
                    "{} holds files that pledge did not write (it has no {MARKER}); the site is \
                     not written. Choose an empty or new folder, or add --force to write into it",
                    out.display()
                ))
                .into());
            }
            Ok(Vec::new())
        }
    }
}

/// Writes the files whose bytes changed, deletes those of the last build no longer made,
/// then writes the marker. Returns how many files changed.
fn write_all(out: &Path, files: &[SiteFile], old: &[String]) -> Result<usize> {
    let mut changed = 0;
    for f in files {
        let path = out.join(&f.path);
        if fs::read(&path).is_ok_and(|b| b == f.bytes) {
            continue;
        }
        write_file(&path, &f.bytes)?;
        changed += 1;
    }
    let new: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for gone in old
        .iter()
        .filter(|p| !new.contains(p.as_str()) && is_plain(p))
    {
        let path = out.join(gone);
        if path.is_file() {
            fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
            changed += 1;
            // Its folder too, when that is now empty (a löfte's page folder).
            if let Some(parent) = path.parent().filter(|d| *d != out) {
                let _ = fs::remove_dir(parent);
            }
        }
    }
    let marker = site::marker_text(files);
    if fs::read_to_string(out.join(MARKER)).ok().as_deref() != Some(marker.as_str()) {
        write_file(&out.join(MARKER), marker.as_bytes())?;
    }
    Ok(changed)
}

/// A path of the marker that stays inside the folder: relative, no `..`.
fn is_plain(p: &str) -> bool {
    Path::new(p)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes a file through a temporary file in its folder, renamed over it.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().expect("a file below the site's folder");
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut b = tempfile::Builder::new();
    b.prefix(".pledge-site-");
    // A web server reads the files: readable by all, as a file written plainly would be.
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = b
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
