//! `import`: reads published texts, writes the drafts the pure importer makes of them.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Ctx, Refused};
use crate::cli::ImportArgs;
use crate::import::{self, Options};
use crate::kommuner;
use crate::store;
use crate::view::i18n::Lang;
use crate::view::messages::{DraftMsg, Words};

const MAX_BYTES: u64 = 16 * 1024 * 1024;

fn read_input(file: &Path, lang: Lang) -> Result<(String, String)> {
    let mut bytes = Vec::new();
    let name = if file.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        "standard input".to_string()
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
            .with_context(|| format!("cannot read {}", file.display()))?;
        file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    if bytes.len() as u64 > MAX_BYTES {
        bail!(DraftMsg::TooBig { name: &name }.say(lang));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            DraftMsg::NotUtf8 {
                name: &name,
                at: e.utf8_error().valid_up_to()
            }
            .say(lang)
        )
    })?;
    Ok((text, name))
}

/// The texts named: files as given, a folder's `.txt` files sorted by name.
fn texts(args: &[PathBuf], lang: Lang) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for a in args {
        if a.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(a)
                .with_context(|| format!("cannot read the folder {}", a.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                .collect();
            in_dir.sort();
            if in_dir.is_empty() {
                bail!(
                    DraftMsg::NoTexts {
                        folder: &a.display().to_string()
                    }
                    .say(lang)
                );
            }
            out.extend(in_dir);
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// What became of one text.
struct Outcome {
    name: String,
    activities: usize,
    readings: usize,
    unplaced: usize,
    result: String,
    written: bool,
}

/// One text: its draft, validated, written where it belongs (never over a file).
fn one(
    file: &Path,
    a: &ImportArgs,
    opts: &Options,
    dir: Option<&Path>,
    ctx: &mut Ctx,
) -> Result<(import::Imported, Option<PathBuf>, String)> {
    let (text, name) = read_input(file, ctx.lang)?;
    let opts = Options {
        source_name: Some(name.clone()),
        ..opts.clone()
    };
    let draft = import::import(&text, &opts).map_err(|m| {
        Refused(
            DraftMsg::Refused {
                name: &name,
                missing: &m,
            }
            .say(ctx.lang),
        )
    })?;
    let loaded = crate::load::load(&draft.file_name, &draft.toml, ctx.clock);
    if loaded.has_errors() {
        let d = loaded
            .diags
            .iter()
            .find(|d| d.is_error())
            .expect("has errors");
        // The text asks more windows than one file may hold: its size, not a fault.
        if let crate::load::says::Says::TooManyWindows { asked, max } = d.message.as_ref() {
            return Err(Refused(
                crate::view::messages::Msg::ImportTooManyWindows {
                    name: &name,
                    activities: draft.activities,
                    asked: *asked,
                    max: *max,
                }
                .say(ctx.lang),
            )
            .into());
        }
        bail!(
            "the draft does not validate (a bug in the importer): {}",
            crate::view::diag_words::one_line(
                &draft.file_name,
                &draft.toml,
                d,
                crate::view::i18n::Lang::En
            )
        );
    }
    if *a.dry_run {
        return Ok((draft, None, name));
    }
    let path = match &a.out {
        Some(p) => p.clone(),
        None => {
            let dir = match store::find_dir(dir, ctx.here()) {
                Ok(d) => d,
                Err(_) if dir.is_none() => {
                    let d = PathBuf::from("pledges");
                    std::fs::create_dir_all(&d).context("cannot create the pledges folder")?;
                    d
                }
                Err(e) => return Err(e),
            };
            dir.join(&draft.file_name)
        }
    };
    store::create_atomic(&path, ctx.here(), draft.toml.as_bytes())?;
    Ok((draft, Some(path), name))
}

pub fn import(dir: Option<PathBuf>, a: ImportArgs, ctx: &mut Ctx) -> Result<u8> {
    let kommun = match &a.kommun {
        None => None,
        Some(k) => Some(
            kommuner::find(k)
                .ok_or_else(|| anyhow::anyhow!(super::workspace::unknown_kommun(k, ctx.lang)))?,
        ),
    };
    let opts = Options {
        kommun,
        start: a.start.map(|d| ctx.date(d)),
        end: a.end.map(|d| ctx.date(d)),
        source_name: None,
    };
    let files = texts(&a.files, ctx.lang)?;
    if let [file] = files.as_slice() {
        let (draft, path, _) = one(file, &a, &opts, dir.as_deref(), ctx)?;
        match path {
            None => write!(ctx.out, "{}", draft.toml)?,
            Some(path) if !ctx.quiet => writeln!(
                ctx.out,
                "{}",
                DraftMsg::Wrote {
                    path: &store::display_path(&path, ctx.here()),
                    activities: draft.activities,
                    readings: draft.readings.len(),
                    unplaced: draft.unplaced,
                }
                .say(ctx.lang)
            )?,
            Some(_) => {}
        }
        return Ok(0);
    }
    if a.out.is_some() {
        bail!(DraftMsg::OutWithMany { n: files.len() }.say(ctx.lang));
    }
    if *a.dry_run {
        bail!(DraftMsg::DryRunMany.say(ctx.lang));
    }
    import_many(&files, &a, &opts, dir.as_deref(), ctx)
}

/// Many texts: one draft each, a progress line on a terminal, a closing table per file.
fn import_many(
    files: &[PathBuf],
    a: &ImportArgs,
    opts: &Options,
    dir: Option<&Path>,
    ctx: &mut Ctx,
) -> Result<u8> {
    let progress = ctx.stderr_tty && !ctx.quiet;
    let mut rows = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if progress {
            let shown = crate::text::safe(&file.display().to_string(), false);
            write!(ctx.err, "\r\x1b[K[{}/{}] {shown}", i + 1, files.len())?;
            ctx.err.flush()?;
        }
        let row = match one(file, a, opts, dir, ctx) {
            Ok((d, path, name)) => Outcome {
                name,
                activities: d.activities,
                readings: d.readings.len(),
                unplaced: d.unplaced,
                result: DraftMsg::RowWritten(
                    &path
                        .as_deref()
                        .map(|p| store::display_path(p, ctx.here()))
                        .unwrap_or_default(),
                )
                .say(ctx.lang),
                written: true,
            },
            Err(e) => {
                let msg = e.to_string();
                let needs = ["--kommun", "--start", "--end"]
                    .into_iter()
                    .filter(|f| msg.contains(f))
                    .collect::<Vec<_>>();
                Outcome {
                    name: file.display().to_string(),
                    activities: 0,
                    readings: 0,
                    unplaced: 0,
                    result: if needs.is_empty() {
                        DraftMsg::RowNotWritten(&msg).say(ctx.lang)
                    } else {
                        DraftMsg::RowNeeds(&needs.join(" ")).say(ctx.lang)
                    },
                    written: false,
                }
            }
        };
        rows.push(row);
    }
    if progress {
        write!(ctx.err, "\r\x1b[K")?;
    }
    table(&rows, ctx)
}

/// The closing table, one row per text, and the count written; 0 when every draft was.
fn table(rows: &[Outcome], ctx: &mut Ctx) -> Result<u8> {
    let [text, acts, reads, unplaced, result] = crate::view::messages::draft::table_head(ctx.lang);
    let w = |label: &str, least: usize| label.chars().count().max(least);
    let (name_w, a_w, r_w, u_w) = (
        rows.iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(w(text, 4)),
        w(acts, 10),
        w(reads, 8),
        w(unplaced, 8),
    );
    writeln!(
        ctx.out,
        "{text:<name_w$}  {acts:>a_w$}  {reads:>r_w$}  {unplaced:>u_w$}  {result}"
    )?;
    for r in rows {
        writeln!(
            ctx.out,
            "{:<name_w$}  {:>a_w$}  {:>r_w$}  {:>u_w$}  {}",
            crate::text::safe(&r.name, false),
            r.activities,
            r.readings,
            r.unplaced,
            crate::text::safe(&r.result, false)
        )?;
    }
    let written = rows.iter().filter(|r| r.written).count();
    writeln!(
        ctx.out,
        "{}",
        DraftMsg::Written {
            written,
            total: rows.len()
        }
        .say(ctx.lang)
    )?;
    Ok(if written == rows.len() { 0 } else { 1 })
}
