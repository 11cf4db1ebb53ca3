//! `import`: reads a published text, writes the draft the pure importer makes of it.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Ctx, Refused};
use crate::cli::ImportArgs;
use crate::import::{self, Options};
use crate::kommuner;
use crate::store;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

const MAX_BYTES: u64 = 16 * 1024 * 1024;

fn read_input(file: &Path) -> Result<(String, String)> {
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
        bail!("{name} is over 16 MiB; a published löfte is a few pages");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name} is not UTF-8 (byte {}); convert it first, e.g. with iconv -f latin1 -t utf-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok((text, name))
}

pub fn import(dir: Option<PathBuf>, a: ImportArgs, ctx: &mut Ctx) -> Result<u8> {
    let kommun = match &a.kommun {
        None => None,
        Some(k) => Some(kommuner::find(k).ok_or_else(|| {
            let close = kommuner::suggest(k);
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", close.join(" or "))
            };
            anyhow::anyhow!("unknown kommun \"{}\"{hint}", crate::text::safe(k, false))
        })?),
    };
    let (text, name) = read_input(&a.file)?;
    let opts = Options {
        kommun,
        start: a.start.map(|d| ctx.date(d)),
        end: a.end.map(|d| ctx.date(d)),
        source_name: Some(name.clone()),
    };
    let draft = import::import(&text, &opts)
        .map_err(|m| Refused(format!("cannot import {name}: {m}; nothing was written")))?;
    let loaded = crate::load::load(&draft.file_name, &draft.toml, ctx.clock);
    if loaded.has_errors() {
        let d = loaded
            .diags
            .iter()
            .find(|d| d.is_error())
            .expect("has errors");
        bail!(
            "the draft does not validate (a bug in the importer): {}",
            crate::load::diag::one_line(&draft.file_name, &draft.toml, d)
        );
    }
    if a.dry_run {
        write!(ctx.out, "{}", draft.toml)?;
        return Ok(0);
    }
    let path = match a.out {
        Some(p) => p,
        None => {
            let dir = match store::find_dir(dir.as_deref()) {
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
    store::create_atomic(&path, draft.toml.as_bytes())?;
    if !ctx.quiet {
        writeln!(
            ctx.out,
            "wrote {}: {} activit{}, {} reading{} to check (\"# Reading:\"), {} sentence{} kept as comments (\"# Text:\")",
            store::display_path(&path),
            draft.activities,
            if draft.activities == 1 { "y" } else { "ies" },
            draft.readings.len(),
            plural(draft.readings.len()),
            draft.unplaced,
            plural(draft.unplaced),
        )?;
    }
    Ok(0)
}
