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

/// The variables the program reads, with what they do (flags' `env` and the others).
const ENVIRONMENT: [(&str, &str); 13] = [
    ("PLEDGE_DIR", "The pledges folder (as --dir)."),
    (
        "PLEDGE_AS_OF",
        "The day to judge on (as --as-of), for example 2016-10-16.",
    ),
    (
        "PLEDGE_LANG",
        "The language of the output, sv or en (as --lang).",
    ),
    ("PLEDGE_COLOR", "auto, always or never (as --color)."),
    ("PLEDGE_QUIET", "Print nothing but errors (as --quiet)."),
    (
        "PLEDGE_FORMAT",
        "The output format of list, log and status (as --format).",
    ),
    (
        "PLEDGE_CHECK_FORMAT",
        "The output format of check, text or json.",
    ),
    (
        "PLEDGE_WITHIN",
        "How many days ahead check warns (as check --within).",
    ),
    (
        "PLEDGE_USER",
        "Who done records as by (as --by); else git's user.name, else the login name.",
    ),
    (
        "PLEDGE_LOCK_TIMEOUT",
        "How many seconds done and undo wait for the folder lock (default 30).",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The locale: the first set decides; sv* gives Swedish, anything else English.",
    ),
    (
        "COLUMNS",
        "The width tables fit (at least 40); else the terminal's.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colour (unless --color always).",
    ),
];

const EXIT_STATUS: &str = "\
.TP
0
Success; for check: nothing needs attention.
.TP
1
Problems found: invalid pledge files, findings of check, a refused change.
.TP
2
A usage error, or a file or folder that cannot be read or written; for check: invalid or unreadable pledge files.
";

const EXAMPLES: [(&str, &str); 7] = [
    (
        "pledge status filipstad",
        "What is met, on track and behind in Filipstad today.",
    ),
    (
        "pledge done filipstad trygghetsvandring \\-\\-note \"Centrum, 14 deltagare\"",
        "Record a walk done today.",
    ),
    (
        "pledge report filipstad \\-\\-since 2016\\-09\\-01 \\-\\-format html > rapport.html",
        "The BRÅ meeting's document since the last meeting.",
    ),
    (
        "pledge status \\-\\-all \\-\\-format xlsx \\-\\-output status.xlsx",
        "Every kommun's status as an Excel workbook.",
    ),
    (
        "pledge check \\-\\-within 14",
        "For cron: silent unless something needs attention within two weeks.",
    ),
    (
        "pledge new Alvesta \\-\\-start 2017\\-01\\-01 \\-\\-end 2018\\-12\\-31",
        "A scaffold for a new löfte.",
    ),
    (
        "pledge completions bash > ~/.local/share/bash\\-completion/completions/pledge",
        "Completion for bash.",
    ),
];

pub fn man(ctx: &mut Ctx) -> Result<u8> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(&mut out)?;
    page.render_name_section(&mut out)?;
    page.render_synopsis_section(&mut out)?;
    page.render_description_section(&mut out)?;
    page.render_options_section(&mut out)?;
    // The commands are sections of this one page (there are no pledge-validate(1) pages).
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(
            out,
            ".TP\n\\fBpledge {}\\fR\n{}",
            sub.get_name(),
            roff(&about)
        )?;
    }
    // Then every subcommand with its synopsis, description and options, so the one page
    // covers every command and flag.
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
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
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, what) in ENVIRONMENT.iter().filter(|(_, w)| !w.is_empty()) {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(name), roff(what))?;
    }
    write!(out, ".SH \"EXIT STATUS\"\n{EXIT_STATUS}")?;
    writeln!(out, ".SH EXAMPLES")?;
    for (command, what) in EXAMPLES {
        writeln!(out, ".TP\n\\fB{command}\\fR\n{}", roff(what))?;
    }
    page.render_version_section(&mut out)?;
    ctx.out.write_all(&out)?;
    Ok(0)
}

/// Text for a roff line: backslashes and hyphens escaped, no line starting with a dot.
fn roff(s: &str) -> String {
    let t = s.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) {
        format!("\\&{t}")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `PLEDGE_*` variable a flag reads is in ENVIRONMENT.
    #[test]
    fn the_man_page_names_every_variable() {
        let mut names = Vec::new();
        let cmd = Cli::command();
        let mut cmds = vec![&cmd];
        cmds.extend(cmd.get_subcommands());
        for c in cmds {
            for a in c.get_arguments() {
                if let Some(env) = a.get_env() {
                    names.push(env.to_string_lossy().into_owned());
                }
            }
        }
        names.push("PLEDGE_LOCK_TIMEOUT".into());
        for n in names {
            assert!(
                ENVIRONMENT.iter().any(|(e, _)| *e == n),
                "{n} is not in ENVIRONMENT"
            );
        }
    }
}
