//! The command line in the user's language: [`command`] is clap's command with its help in
//! Swedish under `--lang sv` (texts from [`crate::view::help_sv`], put on the built command
//! before parsing), and [`refusal`] says clap's refusals in Swedish. English is clap's command
//! and clap's own text, untouched.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use crate::view::help_sv::{self as sv, Refusal};
use crate::view::i18n::Lang;

use super::Cli;

/// clap's default help template with the usage heading in Swedish.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// The command line as `--help` shows it in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so that clap's own `--help`, `--version` and `help` exist and the global
    // arguments are copied into every command: each is then given its Swedish text.
    cmd.build();
    swedish(cmd, "")
}

/// The paths of every command and its arguments' ids that help shows: what must have a
/// Swedish text (for the test that none is forgotten).
pub fn shown(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    out.push((path.to_string(), String::new()));
    if cmd.get_after_help().is_some() {
        out.push((path.to_string(), sv::AFTER.to_string()));
    }
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        out.push((path.to_string(), a.get_id().to_string()));
    }
    for sub in cmd.get_subcommands() {
        if sub.get_name() == HELP {
            // clap's own `help` command, in every command with commands: one text.
            out.push((HELP.to_string(), String::new()));
        } else {
            shown(sub, &join(path, sub.get_name()), out);
        }
    }
}

/// The name of clap's own help command.
const HELP: &str = "help";

/// The key of a command's texts: its path, where clap's `help` (which holds a copy of every
/// command, for `pledge help help`) is left out of a copy's path: `help git setup` is `git
/// setup`; `help` itself, in any command, is `help`.
fn key(path: &str) -> String {
    let parts: Vec<&str> = path.split(' ').collect();
    match parts.iter().position(|p| *p == HELP) {
        Some(i) if i + 1 == parts.len() => HELP.to_string(),
        Some(i) => [&parts[..i], &parts[i + 1..]].concat().join(" "),
        None => path.to_string(),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

fn swedish(mut cmd: Command, path: &str) -> Command {
    let path = &key(path);
    if let Some(about) = sv::text(path, "") {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if cmd.get_after_help().is_some()
        && let Some(after) = sv::text(path, sv::AFTER)
    {
        cmd = cmd.after_help(after).after_long_help(None::<&str>);
    }
    cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading(sv::COMMANDS)
        .subcommand_value_name(sv::COMMAND);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = sv::text(path, &id);
        cmd = cmd.mut_arg(&id, |a| swedish_arg(a, text));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = join(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| swedish(s, &sub_path));
    }
    cmd
}

/// clap writes `[OPTIONS]` in a usage line as a fixed word: in Swedish, `[FLAGGOR]`.
fn options_in_swedish(usage: &str) -> String {
    usage.replace("[OPTIONS]", sv::OPTIONS_PLACEHOLDER)
}

/// The help clap shows (for `--help`, `-h`, `help`, or a command given without its command),
/// rendered with the usage line's `[OPTIONS]` in Swedish (`color`: with clap's styles); None
/// for anything else.
pub fn help(e: &clap::Error, color: bool) -> Option<String> {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let styled = e.render();
            let text = match color {
                true => styled.ansi().to_string(),
                false => styled.to_string(),
            };
            Some(options_in_swedish(&text))
        }
        _ => None,
    }
}

/// An argument with its Swedish text, and clap's brackets (default, environment variable,
/// possible values) said in Swedish after it.
fn swedish_arg(mut a: Arg, text: Option<&'static str>) -> Arg {
    // Under a heading of their own clap orders arguments as options, by display order: a
    // positional one keeps its place by its index.
    a = match a.get_index() {
        Some(i) if a.is_positional() => a.help_heading(sv::ARGUMENTS).display_order(i),
        _ => a.help_heading(sv::OPTIONS),
    };
    if a.get_id() == "help" && a.get_long_help().is_some() {
        return a.help(sv::HELP_FLAG_SHORT).long_help(sv::HELP_FLAG_LONG);
    }
    let Some(text) = text else { return a };
    let mut said = vec![text.to_string()];
    if let Some(env) = a.get_env()
        && !a.is_hide_env_set()
    {
        let name = env.to_string_lossy();
        said.push(match std::env::var_os(env) {
            Some(v) => format!("[{}: {name}={}]", sv::ENV, v.to_string_lossy()),
            None => format!("[{}: {name}]", sv::ENV),
        });
        a = a.hide_env(true);
    }
    let takes_value = a.get_action().takes_values();
    if takes_value && !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let d: Vec<_> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        said.push(format!("[{}: {}]", sv::DEFAULT, d.join(" ")));
        a = a.hide_default_value(true);
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_value && !a.is_hide_possible_values_set() && !values.is_empty() {
        said.push(format!("[{}: {}]", sv::POSSIBLE, values.join(", ")));
        a = a.hide_possible_values(true);
    }
    // A text that is only the brackets (an argument without help of its own) starts with them.
    a.help(said.join(" ")).long_help(None::<&str>)
}

/// clap's refusal in Swedish: what is wrong, clap's tip, its usage line and where to read
/// more (the caller frames it as pledge's other errors, `pledge: fel: …`); None for what is
/// not a refusal (help, version).
pub fn refusal(e: &clap::Error) -> Option<String> {
    let s = |k| match e.get(k) {
        Some(ContextValue::String(v)) => Some(v.as_str()),
        Some(ContextValue::Strings(v)) => v.first().map(String::as_str),
        _ => None,
    };
    let arg = s(ContextKind::InvalidArg).unwrap_or("");
    let mut tips = Vec::new();
    let refusal = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            if let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue) {
                tips.push(format!("[{}: {}]", sv::POSSIBLE, valid.join(", ")));
            }
            let reason = std::error::Error::source(e).map(|c| c.to_string());
            Refusal::InvalidValue {
                value: s(ContextKind::InvalidValue).unwrap_or(""),
                arg,
                why: reason.as_deref().and_then(sv::number_reason),
            }
        }
        ErrorKind::UnknownArgument => {
            if let Some(a) = s(ContextKind::SuggestedArg) {
                tips.push(sv::did_you_mean(a));
            } else if arg.starts_with('-') {
                tips.push(sv::as_value(arg));
            }
            Refusal::UnknownArgument(arg)
        }
        ErrorKind::InvalidSubcommand => {
            if let Some(c) = s(ContextKind::SuggestedSubcommand) {
                tips.push(sv::did_you_mean(c));
            }
            Refusal::UnknownCommand(s(ContextKind::InvalidSubcommand).unwrap_or(""))
        }
        ErrorKind::MissingRequiredArgument => Refusal::MissingArgument(arg),
        ErrorKind::MissingSubcommand => Refusal::MissingCommand,
        ErrorKind::ArgumentConflict => Refusal::Conflict {
            arg,
            with: s(ContextKind::PriorArg),
        },
        ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::NoEquals => Refusal::WrongCount(arg),
        ErrorKind::InvalidUtf8 => Refusal::NotUtf8,
        _ => Refusal::Other,
    };
    let mut text = refusal.say();
    for tip in tips {
        text.push_str("\n\n  ");
        text.push_str(&tip);
    }
    if let Some(ContextValue::StyledStr(u)) = e.get(ContextKind::Usage) {
        let u = options_in_swedish(&u.to_string());
        text.push_str("\n\n");
        text.push_str(&match u.strip_prefix("Usage:") {
            Some(rest) => format!("{}{rest}", sv::USAGE),
            None => u,
        });
    }
    text.push_str("\n\n");
    text.push_str(sv::MORE);
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every argument `--help` shows has its Swedish text, so none can be
    /// forgotten when a flag is added; and every text of the table is shown somewhere.
    #[test]
    fn every_command_and_argument_has_a_swedish_text_and_none_is_left_over() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut shown_here = Vec::new();
        shown(&cmd, "", &mut shown_here);
        let missing: Vec<String> = shown_here
            .iter()
            .filter(|(path, id)| sv::text(path, id).is_none())
            .map(|(path, id)| format!("({path:?}, {id:?})"))
            .collect();
        assert!(
            missing.is_empty(),
            "no Swedish text in src/view/help_sv/table.rs for {}",
            missing.join(", ")
        );
        let unused: Vec<String> = sv::HELP
            .iter()
            .filter(|(path, id, _)| {
                !shown_here
                    .iter()
                    .any(|(p, i)| i == id && (p == path || *path == "*"))
            })
            .map(|(path, id, _)| format!("({path:?}, {id:?})"))
            .collect();
        assert!(
            unused.is_empty(),
            "texts nothing shows: {}",
            unused.join(", ")
        );
    }

    /// The Swedish command parses as the English one: same arguments, same values.
    #[test]
    fn the_swedish_command_parses_what_the_english_one_does() {
        let line = [
            "pledge",
            "done",
            "ale",
            "trygg",
            "--count",
            "3",
            "--by",
            "Kim",
            "--dry-run",
        ];
        for lang in [Lang::En, Lang::Sv] {
            let m = command(lang).try_get_matches_from(line).unwrap();
            let (name, sub) = m.subcommand().unwrap();
            assert_eq!(name, "done");
            assert_eq!(sub.get_one::<u32>("count"), Some(&3));
            assert_eq!(sub.get_one::<String>("by").map(String::as_str), Some("Kim"));
            assert!(sub.get_flag("dry_run"));
        }
    }

    #[test]
    fn a_refusal_is_said_in_swedish_with_its_tip_and_usage() {
        let e = command(Lang::Sv)
            .try_get_matches_from(["pledge", "status", "--al"])
            .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            refusal(&e).unwrap(),
            "okänt argument '--al'\n\n  tips: menar du '--all'?\n\nAnvändning: pledge status \
             --all [KOMMUNER]...\n\nMer information: prova '--help'."
        );
        let e = command(Lang::Sv)
            .try_get_matches_from(["pledge", "done", "ale", "x", "--count", "0"])
            .unwrap_err();
        assert_eq!(
            refusal(&e).unwrap(),
            "ogiltigt värde '0' för '--count <N>': måste vara mellan 1 och 10000\n\nMer information: \
             prova '--help'."
        );
        let help = command(Lang::Sv)
            .try_get_matches_from(["pledge", "--help"])
            .unwrap_err();
        assert!(refusal(&help).is_none());
    }
}
