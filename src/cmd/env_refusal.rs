//! A value clap refused that came from a `PLEDGE_*` variable, not from the command line: said
//! naming the variable (clap names the flag, which the user never typed), in the user's
//! language.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::view::i18n::Lang;
use crate::view::messages::{CmdMsg, Msg, Words};

/// The refusal naming the variable, or None when the value was typed (or clap's error is of
/// another kind).
pub(super) fn env_refusal(e: &clap::Error, lang: Lang) -> Option<String> {
    let Some(ContextValue::String(flag)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    // "--dir <DIR>" → "dir"
    let long = flag.split([' ', '=']).next()?.strip_prefix("--")?;
    let value = match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(v)) => v.clone(),
        _ => String::new(),
    };
    if typed(long) {
        return None;
    }
    let var = variable(long, &value, lang)?;
    let text = match e.kind() {
        _ if value.is_empty() => CmdMsg::SettingEmpty(&var).say(lang),
        ErrorKind::InvalidValue => {
            let values = match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => v.join(", "),
                _ => return None,
            };
            CmdMsg::SettingOneOf {
                var: &var,
                value: &value,
                values: &values,
            }
            .say(lang)
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            if source.is_some_and(|s| s.downcast_ref::<crate::cli::BadDate>().is_some()) {
                Msg::BadDate {
                    arg: &var,
                    value: &value,
                }
                .say(lang)
            } else if long == "quiet" {
                CmdMsg::SettingOneOf {
                    var: &var,
                    value: &value,
                    values: "1, 0, yes, no, on, off, true, false",
                }
                .say(lang)
            } else if source.is_some_and(|s| s.is::<std::num::ParseIntError>()) {
                CmdMsg::SettingNotWhole {
                    var: &var,
                    value: &value,
                }
                .say(lang)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(text)
}

/// Whether the flag `--long` is on the command line (as `--long`, `--long=…`).
fn typed(long: &str) -> bool {
    let flag = format!("--{long}");
    std::env::args_os().skip(1).any(|a| {
        let a = a.to_string_lossy();
        a == flag || a.starts_with(&format!("{flag}="))
    })
}

/// The variable set to `value` that feeds `--long` (of any command: `--format` has two).
fn variable(long: &str, value: &str, lang: Lang) -> Option<String> {
    fn walk(cmd: &clap::Command, long: &str, found: &mut Vec<String>) {
        for a in cmd.get_arguments() {
            if a.get_long() == Some(long)
                && let Some(var) = a.get_env()
            {
                found.push(var.to_string_lossy().into_owned());
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, long, found);
        }
    }
    let mut found = Vec::new();
    walk(&crate::cli::command(lang), long, &mut found);
    found
        .into_iter()
        .find(|v| std::env::var_os(v).is_some_and(|set| set.to_string_lossy() == value))
}
