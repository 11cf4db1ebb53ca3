//! `new`: a commented scaffold for a new löfte.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};

use super::Ctx;
use crate::kommuner::{self, Kommun};
use crate::store;
use crate::text::toml_string;
use crate::view::messages::{CmdMsg, Words};

/// The scaffold text of a new löfte: commented, and valid as written.
pub fn scaffold(ks: &[&Kommun], start: NaiveDate, end: NaiveDate, area: Option<&str>) -> String {
    let names: Vec<&str> = ks.iter().map(|k| k.name).collect();
    let years = crate::text::years(start.year(), end.year());
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
    if let Some(area) = area {
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
    let _ = writeln!(s, "[period]\nstart = {start}\nend = {end}");
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
         # owners: \"polisen\", \"kommunen\", both, or a named party\n\
         owners = [\"polisen\"]\n\
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

/// The default file name: every kommun's slug, the area's, then the years
/// ("karlstad-munkfors-2016-2017.toml"), so löften for the same years over other kommuner or
/// areas do not collide.
pub fn default_name(ks: &[&Kommun], area: Option<&str>, from: i32, to: i32) -> String {
    let mut parts: Vec<String> = ks.iter().map(|k| crate::text::slug(k.name)).collect();
    if let Some(a) = area.map(crate::text::slug).filter(|a| !a.is_empty()) {
        parts.push(a);
    }
    format!("{}-{}.toml", parts.join("-"), crate::text::years(from, to))
}

pub fn new(dir: Option<PathBuf>, a: crate::cli::NewArgs, ctx: &mut Ctx) -> Result<u8> {
    let (start, end) = (ctx.date(a.start), ctx.date(a.end));
    if end < start {
        let (start, end) = (start.to_string(), end.to_string());
        bail!(
            CmdMsg::EndBeforeStart {
                start: &start,
                end: &end
            }
            .say(ctx.lang)
        );
    }
    let mut ks: Vec<&'static Kommun> = Vec::new();
    for name in &a.kommuner {
        let Some(k) = kommuner::find(name) else {
            bail!(super::workspace::unknown_kommun(name, ctx.lang));
        };
        if !ks.contains(&k) {
            ks.push(k);
        }
    }
    let text = scaffold(&ks, start, end, a.area.as_deref());
    debug_assert!(!crate::load::load("new.toml", &text, ctx.clock).has_errors());
    if *a.dry_run {
        write!(ctx.out, "{text}")?;
        return Ok(0);
    }
    let dir = match store::find_dir(dir.as_deref(), ctx.here()) {
        Ok(d) => d,
        Err(_) if dir.is_none() => {
            let d = PathBuf::from("pledges");
            std::fs::create_dir_all(&d)
                .with_context(|| CmdMsg::CannotCreateFolder.say(ctx.lang))?;
            d
        }
        Err(e) => return Err(e),
    };
    let name = match &a.name {
        Some(n) if n.ends_with(".toml") => n.clone(),
        Some(n) => format!("{n}.toml"),
        None => default_name(&ks, a.area.as_deref(), start.year(), end.year()),
    };
    if name.contains(['/', '\\']) || name.starts_with('.') {
        bail!(CmdMsg::NameWithFolder(&crate::text::safe(&name, false)).say(ctx.lang));
    }
    let path = dir.join(&name);
    let shown = store::display_path(&path, ctx.here());
    // Whole or not at all: a full disk leaves no empty file that `new` would then refuse.
    // The store's own "already exists" would say it twice: the hint replaces it.
    store::create_atomic(&path, ctx.here(), text.as_bytes()).map_err(|e| {
        if a.name.is_none() && path.exists() {
            super::Refused(CmdMsg::AlreadyExists(&shown).say(ctx.lang)).into()
        } else {
            e
        }
    })?;
    // The scaffold's `#:schema ./pledge.schema.json` points beside it: put the schema there
    // (an existing one is left as it is).
    let schema = dir.join("pledge.schema.json");
    if !schema.exists() {
        store::create_atomic(&schema, ctx.here(), super::docs::SCHEMA.as_bytes())?;
    }
    if !ctx.quiet {
        let wrote = CmdMsg::Wrote(&shown).say(ctx.lang);
        writeln!(ctx.out, "{}", super::wrapped(&wrote, ctx.width))?;
    }
    Ok(0)
}
