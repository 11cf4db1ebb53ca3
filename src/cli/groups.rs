//! The arguments many commands share, each declared once and flattened into the commands
//! (`#[command(flatten)]`). A group holds one argument, so that each command keeps its own
//! order of arguments in `--help`; where a command says it in other words, it sets its own
//! help text with `mut_arg` (the flag, its value name, its environment variable and its
//! completion stay the group's).
//!
//! Each group derefs to its value, so a command reads `a.kommun`, `a.by.as_deref()` or
//! `*a.dry_run` as it did when the field was its own.

use std::ops::Deref;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{DateArg, complete, parse_date};

/// Implements `Deref` to the group's one field.
macro_rules! deref_to {
    ($group:ident . $field:ident : $ty:ty) => {
        impl Deref for $group {
            type Target = $ty;
            fn deref(&self) -> &$ty {
                &self.$field
            }
        }
    };
}

/// The kommun a command works on, as a positional argument.
#[derive(Debug, Args)]
pub struct Kommun {
    /// Kommun name or kommunkod
    #[arg(add = clap_complete::ArgValueCompleter::new(complete::kommuner))]
    pub kommun: String,
}
deref_to!(Kommun.kommun: String);

/// The kommuner a command shows, as positional arguments.
#[derive(Debug, Args)]
pub struct Kommuner {
    /// Only these kommuner [default: every löfte in the folder]
    #[arg(add = clap_complete::ArgValueCompleter::new(complete::kommuner))]
    pub kommuner: Vec<String>,
}
deref_to!(Kommuner.kommuner: Vec<String>);

/// Who wrote an entry (or whose entries are meant).
#[derive(Debug, Args)]
pub struct By {
    /// Who did it [default: PLEDGE_USER, else git's user.name, else the login name]
    #[arg(long, value_name = "NAME", env = "PLEDGE_USER")]
    pub by: Option<String>,
}
deref_to!(By.by: Option<String>);

/// The löfte among a kommun's löften for parts of it.
#[derive(Debug, Args)]
pub struct Area {
    /// Choose among löften for parts of the kommun (a prefix of its `area`)
    #[arg(long, value_name = "TEXT", add = clap_complete::ArgValueCompleter::new(complete::areas))]
    pub area: Option<String>,
}
deref_to!(Area.area: Option<String>);

/// Say what would be written, and write nothing.
#[derive(Debug, Args)]
pub struct DryRun {
    /// Show the exact text that would be added, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}
deref_to!(DryRun.dry_run: bool);

/// The day a command judges on, shown in its help.
#[derive(Debug, Args)]
pub struct AsOf {
    /// The day to judge on [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date, env = "PLEDGE_AS_OF")]
    pub as_of: Option<DateArg>,
}
deref_to!(AsOf.as_of: Option<DateArg>);

/// Every window of each activity instead of the 600 nearest the as-of date, and every unit in
/// a status table or a report instead of 600 (issue 25).
#[derive(Debug, Args)]
pub struct AllWindows {
    /// Every window of each activity, and every unit in a status table or report (default:
    /// the 600 windows nearest the as-of date and 600 units, with a count of those left out)
    #[arg(long)]
    pub all_windows: bool,
}
deref_to!(AllWindows.all_windows: bool);

/// The day a command that writes takes as today (for its future-date check); hidden, for
/// tests and scripts that must not depend on the clock.
#[derive(Debug, Args)]
pub struct HiddenAsOf {
    #[arg(long, value_name = "DATE", value_parser = parse_date, env = "PLEDGE_AS_OF", hide = true)]
    pub as_of: Option<DateArg>,
}
deref_to!(HiddenAsOf.as_of: Option<DateArg>);

/// The output's format and where it goes, for the commands that print tables (`F`: the
/// formats the command can write; its `Default` is the terminal's).
#[derive(Debug, Args)]
pub struct Output<F: ValueEnum + Default + Clone + Send + Sync + 'static> {
    #[arg(long, value_enum, default_value_t = F::default(), env = "PLEDGE_FORMAT")]
    pub format: F,
    /// Write the output to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}
