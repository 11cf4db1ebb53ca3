//! `schema`, `completions` and `man`: the program describing itself.

use std::io::Write as _;

use anyhow::Result;
use clap::CommandFactory;

use super::Ctx;
use crate::cli::Cli;

/// The JSON Schema of the file format, kept in step with the loader by a test that checks
/// every file of pledges/ and tests/ against both.
pub const SCHEMA: &str = include_str!("../../pledge.schema.json");

pub fn schema(ctx: &mut Ctx) -> Result<u8> {
    write!(ctx.out, "{SCHEMA}")?;
    Ok(0)
}

pub fn completions(shell: clap_complete::Shell, ctx: &mut Ctx) -> Result<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "pledge", &mut out);
    ctx.out.write_all(&out)?;
    Ok(0)
}

pub fn man(ctx: &mut Ctx) -> Result<u8> {
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
    ctx.out.write_all(&out)?;
    Ok(0)
}
