//! `new`, `completions`, `man` and `schema`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::Datelike;
use clap::CommandFactory;

use super::{Out, today};
use crate::cli::{Cli, NewArgs};
use crate::kommuner::{self, Kommun};
use crate::record::toml_string;
use crate::store;

/// The JSON Schema of the file format, kept in step with the loader by a test that checks
/// every file of pledges/ and tests/ against both.
pub const SCHEMA: &str = include_str!("../../pledge.schema.json");

pub fn schema() -> Result<u8> {
    print!("{SCHEMA}");
    Ok(0)
}

pub fn completions(shell: clap_complete::Shell) -> Result<u8> {
    clap_complete::generate(shell, &mut Cli::command(), "pledge", &mut std::io::stdout());
    Ok(0)
}

pub fn man() -> Result<u8> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    // Then every subcommand with its synopsis, description and options, so the one page
    // covers every command and flag.
    for sub in cmd.get_subcommands() {
        let name = format!("pledge {}", sub.get_name());
        let sub = sub
            .clone()
            .bin_name(name.clone())
            .display_name(name.clone());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let man = clap_mangen::Man::new(sub);
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        man.render_options_section(&mut out)?;
    }
    std::io::stdout().write_all(&out)?;
    Ok(0)
}

/// The scaffold text of a new löfte: commented, and valid as written.
pub fn scaffold(ks: &[&Kommun], a: &NewArgs) -> String {
    let names: Vec<&str> = ks.iter().map(|k| k.name).collect();
    let years = crate::text::years(a.start.year(), a.end.year());
    let mut s = String::new();
    let _ = writeln!(s, "#:schema ./pledge.schema.json");
    let _ = writeln!(
        s,
        "# Medborgarlöfte for {} {years}. Written by `pledge new`; fill in the",
        names.join(", ")
    );
    let _ = writeln!(
        s,
        "# text as published. The format is described in pledge's README."
    );
    for k in ks {
        let _ = writeln!(
            s,
            "# {}: kommunkod {}, {}, polisregion {}",
            k.name, k.kod, k.lan, k.polisregion
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "title = {}",
        toml_string(&format!("Medborgarlöfte för {} {years}", names.join(", ")))
    );
    if let [one] = ks {
        let _ = writeln!(s, "kommun = {}", toml_string(one.name));
    } else {
        let list: Vec<String> = names.iter().map(|n| toml_string(n)).collect();
        let _ = writeln!(s, "kommuner = [{}]", list.join(", "));
    }
    if let Some(area) = &a.area {
        let _ = writeln!(s, "area = {}", toml_string(area));
    }
    s.push_str(
        "# lokalpolisomrade = \"...\"\n\
         # signed = YYYY-MM-DD\n\
         # signatories = [{ name = \"...\", role = \"...\" }]\n\
         # source = \"where the löfte was published\"\n\
         \n\
         # promise = \"Kommunen och polisen ska gemensamt arbeta för att ...\"\n\
         \n",
    );
    let _ = writeln!(s, "[period]\nstart = {}\nend = {}", a.start, a.end);
    s.push_str(
        "# until_replaced = true   # in force until a new löfte is signed\n\
         \n\
         [problem]\n\
         text = \"Beskriv problembilden.\"\n\
         # priorities = [\"Det viktigaste problemet\", \"Det näst viktigaste\"]\n\
         \n\
         # One [[activity]] per promised activity. `id` is typed on the command line.\n\
         [[activity]]\n\
         id = \"aktivitet-1\"\n\
         text = \"Beskriv vad som lovas.\"\n\
         owners = [\"polisen\"]        # \"polisen\", \"kommunen\", both, or a named party\n\
         # target = \"once\"                          a milestone\n\
         # target = { count = 2, per = \"year\" }     week | month | quarter | half-year | year | period\n\
         \n\
         # [[activity]]\n\
         # id = \"trygghetsvandring\"\n\
         # text = \"Kommunen och polisen lovar att genomföra trygghetsvandringar minst två gånger per år.\"\n\
         # owners = [\"kommunen\"]\n\
         # partners = [\"polisen\"]\n\
         # target = { count = 2, per = \"year\" }\n\
         \n\
         [followup]\n\
         # when = YYYY-MM-DD   # or \"2017-Q1\", \"yearly\", \"continuous\"\n\
         how = \"Beskriv hur löftet följs upp.\"\n\
         # responsible = \"polisen\"\n\
         # presented = \"kommunens hemsida\"\n\
         \n\
         # Completed work is recorded below by `pledge done` as [[log]] entries.\n",
    );
    s
}

pub fn new(dir: Option<PathBuf>, a: NewArgs, out: &Out) -> Result<u8> {
    if a.end < a.start {
        bail!("--end ({}) is before --start ({})", a.end, a.start);
    }
    let mut ks: Vec<&'static Kommun> = Vec::new();
    for name in &a.kommuner {
        let Some(k) = kommuner::find(name) else {
            let close = kommuner::suggest(name);
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", close.join(" or "))
            };
            bail!(
                "unknown kommun \"{}\"{hint}",
                crate::text::safe(name, false)
            );
        };
        if !ks.contains(&k) {
            ks.push(k);
        }
    }
    let text = scaffold(&ks, &a);
    debug_assert!(!crate::load::load("new.toml", &text, today()).has_errors());
    if a.dry_run {
        print!("{text}");
        return Ok(0);
    }
    let dir = match store::find_dir(dir.as_deref()) {
        Ok(d) => d,
        Err(_) if dir.is_none() => {
            let d = PathBuf::from("pledges");
            std::fs::create_dir_all(&d).context("cannot create the pledges folder")?;
            d
        }
        Err(e) => return Err(e),
    };
    let years = crate::text::years(a.start.year(), a.end.year());
    let path = dir.join(format!("{}-{years}.toml", crate::text::slug(ks[0].name)));
    let shown = store::display_path(&path);
    // Whole or not at all: a full disk leaves no empty file that `new` would then refuse.
    store::create_atomic(&path, text.as_bytes())?;
    if !out.quiet {
        println!("wrote {shown}; fill it in, then run `pledge validate`");
    }
    Ok(0)
}

/// `pledge merge-driver %O %A %B`: merges into %A, or leaves it to `git merge-file` (which
/// writes conflict markers) when the files cannot be merged entry by entry.
pub fn merge_driver(
    base: &std::path::Path,
    ours: &std::path::Path,
    theirs: &std::path::Path,
) -> Result<u8> {
    let read = |p: &std::path::Path| -> Result<(String, bool)> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let text = store::decode(bytes)
            .map_err(|(d, _)| anyhow::anyhow!("{}: {}", p.display(), d.message))?;
        Ok((text, bom))
    };
    let merged = match (read(base), read(ours), read(theirs)) {
        (Ok((o, _)), Ok((a, bom)), Ok((b, _))) => match crate::merge::merge(&o, &a, &b) {
            Ok(text)
                if !crate::load::load("merged", &text, chrono::NaiveDate::MAX).has_errors() =>
            {
                Some((text, bom))
            }
            Ok(_) => {
                eprintln!("pledge merge-driver: the merged file would not validate");
                None
            }
            Err(c) => {
                eprintln!(
                    "pledge merge-driver: {}",
                    match c {
                        crate::merge::Conflict::Invalid(w) => format!("{w} does not validate"),
                        crate::merge::Conflict::LogNotLast(w) =>
                            format!("in {w}, other tables follow the log"),
                        crate::merge::Conflict::Head =>
                            "both sides changed the löfte itself".to_string(),
                        crate::merge::Conflict::Entry { date, activity } => format!(
                            "both sides changed the log entries of {date} ({}) differently",
                            crate::text::safe(&activity, false)
                        ),
                        crate::merge::Conflict::LogRemoved(w) =>
                            format!("{w} removed every log entry of the base"),
                    }
                );
                None
            }
        },
        _ => None,
    };
    if let Some((text, bom)) = merged {
        store::write_atomic(ours, &store::with_bom(bom, &text))?;
        return Ok(0);
    }
    eprintln!("pledge merge-driver: falling back to git merge-file");
    let status = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()
        .context("cannot run git merge-file")?;
    Ok(if status.success() { 0 } else { 1 })
}
