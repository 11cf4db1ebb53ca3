//! `site`: writes the static website ([`crate::view::site`]) into a folder.
//!
//! The folder is created when missing. A folder that holds files but no marker
//! ([`MARKER`]) was not made by `pledge site`, and is refused unless `--force`. Each file is
//! written to a temporary file beside it and renamed over the old one (a reader never sees
//! half a page), files whose bytes are unchanged are left alone (their times too), and the
//! files of the last build that this one no longer makes (a löfte removed) are deleted. The
//! marker, listing the files, is written last.
//!
//! The site is made while the folder is read, on all cores: each löfte's page is written as
//! soon as its file is loaded, and only its summary (for the index and the data files, the
//! part of `pledges.json` compact) is kept; the index and the data files are written once
//! every file is read. Memory is then bounded by the summaries, not by the löften (about 2x
//! the folder's size at national scale, against 3.5x for a command that holds the löften).

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufReader, BufWriter, Read as _, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, Result, bail};
use rayon::prelude::*;

use super::{Ctx, Refused, Workspace};
use crate::cli::SiteArgs;
use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::rules::status::pledge_status;
use crate::store::{self, SourceFile};
use crate::view::i18n::Lang;
use crate::view::messages::{SiteRefusal, Words};
use crate::view::site::{self, MARKER, Rest, Summary};
use crate::view::window_limit;

/// `reply`: the language of the line that says what was written (the user's; the pages are
/// in `ctx.lang`).
pub fn site(dir: Option<PathBuf>, a: SiteArgs, reply: Lang, ctx: &mut Ctx) -> Result<u8> {
    // A --base-url, --licence or --contact that cannot be used is said before anything is
    // written.
    publication(&a, reply)?;
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    let paths = store::pledge_files(&dir)?;
    let named: Option<Vec<&'static Kommun>> =
        a.kommuner.iter().map(|k| kommuner::find(k)).collect();
    let names: Vec<&str> = paths.iter().map(|p| file_name(p)).collect();
    let dirs = site::dirs_of(names.iter().copied());
    // Where no two files share a page folder, each page is written as its file is read, and
    // no löfte is held; otherwise (and for a kommun to be named with the folder's) the
    // folder is read whole first.
    let unique = dirs
        .iter()
        .zip(&names)
        .all(|(d, n)| *d == site::dir_base(n));
    match named {
        Some(named) if unique => streamed(dir, &paths, &dirs, &named, &a, reply, ctx),
        _ => whole(dir, &a, reply, ctx),
    }
}

/// A file's name alone, which the pages show (so the site does not depend on where it was
/// built from).
fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

/// What reading one file gave: the summary of its löfte when the site shows it (and whether
/// its page changed), and the file when it could not be loaded.
struct Read {
    shown: Option<(usize, Summary, bool)>,
    broken: Option<SourceFile>,
}

/// The site made while the files are read, on all cores: each löfte's page is written and
/// its summary kept as soon as it is loaded, and the löfte is dropped.
fn streamed(
    dir: PathBuf,
    paths: &[PathBuf],
    dirs: &[String],
    named: &[&'static Kommun],
    a: &SiteArgs,
    reply: Lang,
    ctx: &mut Ctx,
) -> Result<u8> {
    let (as_of, lang, out) = (ctx.today, ctx.lang, a.outdir.as_path());
    let limit = window_limit::limit(a.windows.all_windows);
    let existed = out.exists();
    let old = prepare(out, a.force, &planned(dirs), reply)?;
    let reads = store::read_each(paths, ctx.here(), ctx.read_cutoff(), false, |i, mut f| {
        let broken = f.loaded.has_errors();
        let shown = match f.loaded.pledge.take() {
            Some(mut p) if chosen(&p, named) => {
                p.file = file_name(&paths[i]).to_string();
                let mut st = pledge_status(&p, as_of);
                window_limit::cut(&mut st, limit);
                let rel = super::calendar::relative(&paths[i], &dir);
                // `pledges.json` holds every unit; the page at most as many as a table.
                let summary = site::summary(&st, &dirs[i], &rel, lang);
                window_limit::cut_units(&mut st, limit);
                let page = out.join(&dirs[i]).join("index.html");
                let wrote = put(&page, site::page(&st, lang).as_bytes())?;
                Some((i, summary, wrote))
            }
            _ => None,
        };
        Ok(Read {
            shown,
            broken: broken.then_some(f),
        })
    })?;
    let reads = reads.into_iter().collect::<Result<Vec<Read>>>()?;
    let mut broken = Vec::new();
    let (mut pages, mut summaries, mut changed) = (Vec::new(), Vec::new(), 0);
    for r in reads {
        broken.extend(r.broken);
        if let Some((i, summary, wrote)) = r.shown {
            pages.push(format!("{}/index.html", dirs[i]));
            summaries.push(summary);
            changed += usize::from(wrote);
        }
    }
    if summaries.is_empty() {
        if !existed {
            let _ = fs::remove_file(out.join(MARKER));
            let _ = fs::remove_dir(out);
        }
        match named.first() {
            None => bail!(
                crate::view::messages::CmdMsg::NoValidLoften(&dir.display().to_string()).say(reply)
            ),
            Some(k) => {
                let ws = Workspace::of_broken(dir, broken);
                return Err(ws.no_lofte_in(
                    k,
                    crate::view::messages::CmdMsg::NoLofteFor(k.name).say(ctx.lang),
                    ctx.lang,
                ));
            }
        }
    }
    let n = summaries.len();
    let rest = Rest::new(summaries, as_of, lang).published(publication(a, reply)?);
    let mut done = finish(out, &rest, pages, &old)?;
    done.changed += changed;
    report(ctx, reply, n, out, done)?;
    Workspace::of_broken(dir, broken).exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}

/// Whether the site shows this löfte: every löfte, or those of the kommuner named.
fn chosen(p: &Pledge, named: &[&'static Kommun]) -> bool {
    named.is_empty() || p.kommuner.iter().any(|k| named.contains(k))
}

/// The site made from the whole folder, read first (when two files share a page folder, or
/// a kommun named is not known).
fn whole(dir: PathBuf, a: &SiteArgs, reply: Lang, ctx: &mut Ctx) -> Result<u8> {
    let (as_of, lang, out) = (ctx.today, ctx.lang, a.outdir.as_path());
    let limit = window_limit::limit(a.windows.all_windows);
    let mut ws = Workspace::open(Some(dir), ctx.here(), ctx.read_cutoff())?;
    for p in ws.files.iter_mut().filter_map(|f| f.loaded.pledge.as_mut()) {
        p.file = file_name(Path::new(&p.file)).to_string();
    }
    let chosen = super::calendar::chosen(&ws, &a.kommuner, ctx.lang)?;
    // The pages name the file; the calendar's UIDs its path in the folder.
    let rels = super::calendar::relative_files(&ws, &chosen);
    let statuses: Vec<_> = chosen
        .par_iter()
        .map(|p| {
            let mut st = pledge_status(p, as_of);
            window_limit::cut(&mut st, limit);
            st
        })
        .collect();
    let dirs = site::page_dirs(chosen.iter().copied());
    let old = prepare(out, a.force, &planned(&dirs), reply)?;
    let made: Vec<(Summary, bool)> = statuses
        .into_par_iter()
        .zip(&dirs)
        .zip(&rels)
        .map(|((mut st, d), rel)| {
            // `pledges.json` holds every unit; the page at most as many as a table.
            let summary = site::summary(&st, d, rel.as_str(), lang);
            window_limit::cut_units(&mut st, limit);
            let wrote = put(
                &out.join(d).join("index.html"),
                site::page(&st, lang).as_bytes(),
            )?;
            anyhow::Ok((summary, wrote))
        })
        .collect::<Result<_>>()?;
    let changed = made.iter().filter(|m| m.1).count();
    let pages = dirs.iter().map(|d| format!("{d}/index.html")).collect();
    let rest = Rest::new(made.into_iter().map(|m| m.0).collect(), as_of, lang)
        .published(publication(a, reply)?);
    let mut done = finish(out, &rest, pages, &old)?;
    done.changed += changed;
    report(ctx, reply, chosen.len(), out, done)?;
    ws.exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}

/// What `dcat.rdf` says of the publication, from the flags, each checked.
fn publication(a: &SiteArgs, lang: Lang) -> Result<site::Publication> {
    let licence = match a.licence.as_deref() {
        Some(l) if !is_web_address(l) => {
            bail!(SiteRefusal::Licence(&crate::text::safe(l, false)).say(lang))
        }
        l => l.map(str::to_string),
    };
    let contact = match a.contact.as_deref() {
        Some(c) if !is_web_address(c) && !is_email(c) => {
            bail!(SiteRefusal::Contact(&crate::text::safe(c, false)).say(lang))
        }
        c => c.map(str::to_string),
    };
    Ok(site::Publication {
        base: base_url(a, lang)?,
        publisher: a.publisher.clone(),
        licence,
        contact,
    })
}

/// An http or https address with no white space or characters an IRI cannot hold.
fn is_web_address(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty()) && iri_chars(u)
}

fn iri_chars(u: &str) -> bool {
    !u.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
    })
}

/// NAME@DOMAIN.TLD, nothing an address cannot hold.
fn is_email(c: &str) -> bool {
    let Some((name, domain)) = c.split_once('@') else {
        return false;
    };
    !name.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && iri_chars(c)
        && !c.contains([':', '/', '?', '#'])
}

/// `--base-url` as the base of absolute addresses: http or https, no white space or
/// characters an IRI cannot hold, ending in `/`.
fn base_url(a: &SiteArgs, lang: Lang) -> Result<Option<String>> {
    let Some(u) = a.base_url.as_deref() else {
        return Ok(None);
    };
    if !is_web_address(u) || u.contains('#') || u.contains('?') {
        bail!(SiteRefusal::BaseUrl(&crate::text::safe(u, false)).say(lang));
    }
    Ok(Some(if u.ends_with('/') {
        u.to_string()
    } else {
        format!("{u}/")
    }))
}

fn report(ctx: &mut Ctx, reply: Lang, n: usize, out: &Path, done: Done) -> Result<()> {
    if !ctx.quiet {
        let msg = crate::view::Msg::SiteWrote {
            loften: n,
            out: &out.display().to_string(),
            files: n + Rest::LEN,
            changed: done.changed,
            removed: done.removed,
        };
        writeln!(ctx.out, "{}", msg.say(reply))?;
    }
    Ok(())
}

/// Every file the site may write, relative to its folder: the index, each page, the data
/// files and the marker.
fn planned(dirs: &[String]) -> Vec<String> {
    let mut v: Vec<String> = (0..Rest::LEN).map(|k| Rest::path(k).to_string()).collect();
    v.extend(dirs.iter().map(|d| format!("{d}/index.html")));
    v.push(MARKER.to_string());
    v
}

/// Makes sure `out` may be written: creates it, or checks that it is empty or ours (or
/// `force`), that it is not a symbolic link (unless `force`), and that no file the site
/// would write there (`planned`) is one it did not write, which is never replaced, with
/// `--force` or without. Removes the temporary files a killed build left. Returns the files
/// the last build wrote, from the marker.
fn prepare(out: &Path, force: bool, planned: &[String], lang: Lang) -> Result<Vec<String>> {
    if let Ok(m) = fs::symlink_metadata(out)
        && m.file_type().is_symlink()
        && !force
    {
        let to = fs::read_link(out).map(|t| t.display().to_string());
        return Err(Refused(
            SiteRefusal::Symlink {
                out: &out.display().to_string(),
                to: to.as_deref().ok(),
            }
            .say(lang),
        )
        .into());
    }
    if !out.exists() {
        fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
        claim(out, &[], planned)?;
        return Ok(Vec::new());
    }
    if !out.is_dir() {
        return Err(Refused(SiteRefusal::NotAFolder(&out.display().to_string()).say(lang)).into());
    }
    remove_leftovers(out);
    let old: Vec<String> = match fs::read_to_string(out.join(MARKER)) {
        Ok(text) => site::marker_files(&text)
            .into_iter()
            .map(String::from)
            .collect(),
        Err(_) => {
            let empty = fs::read_dir(out)
                .with_context(|| format!("cannot read {}", out.display()))?
                .next()
                .is_none();
            if !empty && !force {
                return Err(Refused(
                    SiteRefusal::Foreign {
                        out: &out.display().to_string(),
                        marker: MARKER,
                    }
                    .say(lang),
                )
                .into());
            }
            Vec::new()
        }
    };
    let foreign: Vec<&str> = planned
        .iter()
        .filter(|p| *p != MARKER)
        .filter(|p| !old.contains(p) && fs::symlink_metadata(out.join(p)).is_ok())
        .map(String::as_str)
        .collect();
    if !foreign.is_empty() {
        return Err(Refused(
            SiteRefusal::WouldReplace {
                out: &out.display().to_string(),
                files: &foreign,
            }
            .say(lang),
        )
        .into());
    }
    claim(out, &old, planned)?;
    Ok(old)
}

/// Before anything else is written: the marker lists every file the last build wrote and
/// every file this one may write, so a build killed half-way (the first one too) leaves a
/// folder the next build knows as its own, without `--force`. [`finish`] then writes the
/// files it did write.
fn claim(out: &Path, old: &[String], planned: &[String]) -> Result<()> {
    let mut all: Vec<&str> = old.iter().map(String::as_str).collect();
    let new = planned.iter().map(String::as_str).filter(|p| *p != MARKER);
    all.extend(new.filter(|p| !old.iter().any(|o| o == p)));
    put(&out.join(MARKER), site::marker_text(&all).as_bytes())?;
    Ok(())
}

/// Removes the temporary files (`.pledge-site-*`) a killed build left in the folder and its
/// page folders: they are this command's own, by name, and no rebuild would otherwise
/// replace them.
fn remove_leftovers(out: &Path) {
    let ours = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(".pledge-site-"))
    };
    let Ok(top) = fs::read_dir(out) else { return };
    for e in top.flatten() {
        let (path, Ok(kind)) = (e.path(), e.file_type()) else {
            continue;
        };
        if kind.is_file() && ours(&path) {
            let _ = fs::remove_file(&path);
        } else if kind.is_dir()
            && let Ok(inner) = fs::read_dir(&path)
        {
            for f in inner.flatten() {
                let p = f.path();
                if f.file_type().is_ok_and(|k| k.is_file()) && ours(&p) {
                    let _ = fs::remove_file(&p);
                }
            }
        }
    }
}

/// What a build did: how many of its files it wrote (new or changed), how many files of the
/// last build it removed.
struct Done {
    changed: usize,
    removed: usize,
}

/// With the pages written: writes the index and the data files whose bytes changed, each
/// as it is made, on all cores; then deletes the files of the last build no longer made,
/// then writes the marker. Returns how many of the index and data files changed and how
/// many old files were removed.
fn finish(out: &Path, rest: &Rest, pages: Vec<String>, old: &[String]) -> Result<Done> {
    let changed = AtomicUsize::new(0);
    (0..Rest::LEN)
        .into_par_iter()
        .with_max_len(1)
        .try_for_each(|k| {
            let path = out.join(Rest::path(k));
            let wrote = if Rest::streams(k) {
                put_streamed(&path, |w| rest.write(k, w))?
            } else {
                let mut bytes = Vec::new();
                rest.write(k, &mut bytes)
                    .with_context(|| format!("cannot make {}", path.display()))?;
                put(&path, &bytes)?
            };
            changed.fetch_add(usize::from(wrote), Ordering::Relaxed);
            anyhow::Ok(())
        })?;
    let changed = changed.into_inner();
    let mut removed = 0;
    let mut paths = vec![Rest::path(0).to_string()];
    paths.extend(pages);
    paths.extend((1..Rest::LEN).map(|k| Rest::path(k).to_string()));
    let new: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    for gone in old
        .iter()
        .filter(|p| !new.contains(p.as_str()) && is_plain(p))
    {
        let path = out.join(gone);
        if path.is_file() {
            fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
            removed += 1;
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
    Ok(Done { changed, removed })
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
    keep_mode(&tmp, path);
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
    keep_mode(&tmp, path);
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(true)
}

/// A file replaced keeps its permissions (someone made it readable to the web server, or not).
fn keep_mode(tmp: &tempfile::NamedTempFile, path: &Path) {
    if let Ok(m) = fs::metadata(path) {
        let _ = fs::set_permissions(tmp.path(), m.permissions());
    }
}

/// A new temporary file in `path`'s folder (created when missing), with the permissions the
/// umask gives a new file (a web server reads the files).
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = path.parent().expect("a file below the site's folder");
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut b = tempfile::Builder::new();
    b.prefix(".pledge-site-");
    crate::store::as_umask_allows(&mut b);
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
