//! `site`: writes the static website ([`crate::view::site`]) into a folder.
//!
//! The folder is created when missing. A folder that holds files but no marker
//! ([`MARKER`]) was not made by `pledge site`, and is refused unless `--force`. Each file is
//! written to a temporary file beside it and renamed over the old one (a reader never sees
//! half a page), files whose bytes are unchanged are left alone (their times too), and the
//! files of the last build that this one no longer makes (a löfte removed) are deleted. The
//! marker, listing the files, is written last.
//!
//! Each file is written as soon as it is made, on all cores, so the site is never held
//! whole: only the löften, their statuses and the few files being made at the moment.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufReader, BufWriter, Read as _, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use super::{Ctx, Refused, Workspace};
use crate::cli::SiteArgs;
use crate::status::pledge_status;
use crate::view::site::{self, MARKER, Site};

pub fn site(dir: Option<PathBuf>, a: SiteArgs, ctx: &mut Ctx) -> Result<u8> {
    let as_of = ctx.today;
    let mut ws = Workspace::open(dir, ctx.read_cutoff())?;
    // The pages name each löfte's file by its name alone, so the site does not depend on
    // where it was built from.
    for p in ws.files.iter_mut().filter_map(|f| f.loaded.pledge.as_mut()) {
        if let Some(name) = Path::new(&p.file).file_name().and_then(|n| n.to_str()) {
            p.file = name.to_string();
        }
    }
    let chosen = super::calendar::chosen(&ws, &a.kommuner)?;
    let statuses: Vec<_> = chosen.par_iter().map(|p| pledge_status(p, as_of)).collect();
    let site = Site::new(&statuses, ctx.lang);
    let old = prepare(&a.outdir, a.force)?;
    let changed = write_all(&a.outdir, &site, &old)?;
    if !ctx.quiet {
        writeln!(
            ctx.out,
            "wrote {} {} to {} ({} files, {changed} changed)",
            chosen.len(),
            if chosen.len() == 1 {
                "löfte"
            } else {
                "löften"
            },
            a.outdir.display(),
            site.len()
        )?;
    }
    ws.exit_code(&mut ctx.err)
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

/// Writes the files whose bytes changed, each as it is made, on all cores (the large ones
/// first, so that the pages fill the gaps); then deletes those of the last build no longer
/// made, then writes the marker. Returns how many files changed.
fn write_all(out: &Path, site: &Site<'_, '_>, old: &[String]) -> Result<usize> {
    let changed = AtomicUsize::new(0);
    let n = site.len();
    // The index and the data files (the last four) before the pages.
    let order: Vec<usize> = [0]
        .into_iter()
        .chain((n - 4..n).rev())
        .chain(1..n - 4)
        .collect();
    order.par_iter().with_max_len(1).try_for_each(|&i| {
        let path = out.join(site.path(i));
        let wrote = if site.streams(i) {
            put_streamed(&path, |w| site.write(i, w))?
        } else {
            let mut bytes = Vec::new();
            site.write(i, &mut bytes)
                .with_context(|| format!("cannot make {}", path.display()))?;
            put(&path, &bytes)?
        };
        if wrote {
            changed.fetch_add(1, Ordering::Relaxed);
        }
        anyhow::Ok(())
    })?;
    let mut changed = changed.into_inner();
    let paths: Vec<String> = (0..n).map(|i| site.path(i)).collect();
    let new: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
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
    let marker = site::marker_text(&paths);
    if fs::read_to_string(out.join(MARKER)).ok().as_deref() != Some(marker.as_str()) {
        put(&out.join(MARKER), marker.as_bytes())?;
    }
    Ok(changed)
}

/// A path of the marker that stays inside the folder: relative, no `..`.
fn is_plain(p: &str) -> bool {
    Path::new(p)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes a file through a temporary file in its folder, renamed over it, unless it holds
/// these bytes already. True when it was written.
fn put(path: &Path, bytes: &[u8]) -> Result<bool> {
    if fs::read(path).is_ok_and(|b| b == bytes) {
        return Ok(false);
    }
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(true)
}

/// [`put`] for a file made straight into its temporary file by `make`; when the old file
/// holds the same bytes, the temporary file is removed and the old one left alone.
fn put_streamed(path: &Path, make: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<bool> {
    let tmp = temp_beside(path)?;
    let mut w = BufWriter::with_capacity(1 << 16, tmp);
    make(&mut w)
        .and_then(|()| w.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    if same_bytes(tmp.path(), path) {
        return Ok(false);
    }
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(true)
}

/// A new temporary file in `path`'s folder (created when missing), readable by all.
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = path.parent().expect("a file below the site's folder");
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut b = tempfile::Builder::new();
    b.prefix(".pledge-site-");
    // A web server reads the files: readable by all, as a file written plainly would be.
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    b.tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))
}

/// Whether two files hold the same bytes (false when either cannot be read).
fn same_bytes(a: &Path, b: &Path) -> bool {
    let (Ok(fa), Ok(fb)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    match (fa.metadata(), fb.metadata()) {
        (Ok(ma), Ok(mb)) if ma.len() == mb.len() => {}
        _ => return false,
    }
    let (mut ra, mut rb) = (BufReader::new(fa), BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    loop {
        let n = match ra.read(&mut ba) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            return true;
        }
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
}
