//! The command line's words in Swedish: `--help` (what each command and argument is for) and
//! clap's refusals. Data only: [`crate::cli`] puts the texts on clap's command under `--lang
//! sv`, and a test there proves that every command and every argument it shows has its text
//! here (and that no text here is left over).
//!
//! A key is the command's path (`""` the program itself, `"git setup"`) and the argument's id
//! (`""` the command's own about, [`AFTER`] its closing text such as the exit codes); `"*"`
//! as the path holds the global arguments every command shares.

/// The id of a command's closing text (`after_help`) in [`HELP`] (in `table.rs`).
pub const AFTER: &str = "@after";

/// The default help text of clap's own `--help`, and its short and long forms when a command
/// has a longer help.
pub const HELP_FLAG: &str = "Visa hjälpen";
pub const HELP_FLAG_SHORT: &str = "Visa hjälpen (mer med '--help')";
pub const HELP_FLAG_LONG: &str = "Visa hjälpen (en sammanfattning med '-h')";

/// The headings and words clap writes around the texts.
pub const USAGE: &str = "Användning:";
pub const ARGUMENTS: &str = "Argument";
pub const OPTIONS: &str = "Flaggor";
/// clap's `[OPTIONS]` in a usage line.
pub const OPTIONS_PLACEHOLDER: &str = "[FLAGGOR]";
pub const COMMANDS: &str = "Kommandon";
pub const COMMAND: &str = "KOMMANDO";
pub const DEFAULT: &str = "standard";
pub const ENV: &str = "miljövariabel";
pub const POSSIBLE: &str = "möjliga värden";

mod table;

pub use table::HELP;

/// The Swedish text of an argument (or, with id `""`, of a command; with [`AFTER`], its
/// closing text): the command's own, else the global one.
pub fn text(path: &str, id: &str) -> Option<&'static str> {
    let find = |p: &str| {
        HELP.iter()
            .find(|(q, i, _)| *q == p && *i == id)
            .map(|e| e.2)
    };
    find(path).or_else(|| find("*"))
}

/// Why clap refused a command line, in Swedish (the kinds of `clap::error::ErrorKind` that
/// a user's typing can cause).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal<'a> {
    /// A value clap could not take: what was typed and for which argument, and why when
    /// pledge knows it.
    InvalidValue {
        value: &'a str,
        arg: &'a str,
        why: Option<String>,
    },
    UnknownArgument(&'a str),
    UnknownCommand(&'a str),
    MissingArgument(&'a str),
    MissingCommand,
    Conflict {
        arg: &'a str,
        with: Option<&'a str>,
    },
    /// Too many or too few values for an argument.
    WrongCount(&'a str),
    NotUtf8,
    /// Anything else clap refuses (its own text follows).
    Other,
}

impl Refusal<'_> {
    pub fn say(&self) -> String {
        match self {
            Refusal::InvalidValue { value, arg, why } => match why {
                Some(why) => format!("ogiltigt värde '{value}' för '{arg}': {why}"),
                None => format!("ogiltigt värde '{value}' för '{arg}'"),
            },
            Refusal::UnknownArgument(a) => format!("okänt argument '{a}'"),
            Refusal::UnknownCommand(c) => format!("okänt kommando '{c}'"),
            Refusal::MissingArgument(a) => format!("argumentet '{a}' saknas"),
            Refusal::MissingCommand => "inget kommando angivet".to_string(),
            Refusal::Conflict { arg, with: Some(w) } => {
                format!("'{arg}' kan inte användas tillsammans med '{w}'")
            }
            Refusal::Conflict { arg, with: None } => {
                format!("'{arg}' kan inte användas tillsammans med ett annat argument")
            }
            Refusal::WrongCount(a) => format!("fel antal värden för '{a}'"),
            Refusal::NotUtf8 => "ett argument är inte giltig UTF-8".to_string(),
            Refusal::Other => "kommandoraden kan inte läsas".to_string(),
        }
    }
}

/// A "did you mean" line under a refusal.
pub fn did_you_mean(what: &str) -> String {
    format!("tips: menar du '{what}'?")
}

/// The tip for an argument that starts with `-` but was meant as a value.
pub fn as_value(arg: &str) -> String {
    format!("tips: skriv '-- {arg}' för att ge '{arg}' som ett värde")
}

/// The last line of a refusal.
pub const MORE: &str = "Mer information: prova '--help'.";

/// Why a number was refused, from clap's English reason (`0 is not in 1..=4294967295`,
/// `invalid digit found in string`), when pledge knows how to say it.
pub fn number_reason(english: &str) -> Option<String> {
    if let Some((_, range)) = english.split_once(" is not in ") {
        let (low, high) = range.split_once("..=")?;
        return Some(
            if high == u32::MAX.to_string() || high == u64::MAX.to_string() {
                format!("måste vara minst {low}")
            } else {
                format!("måste vara mellan {low} och {high}")
            },
        );
    }
    match english {
        "invalid digit found in string" => Some("är inte ett heltal".to_string()),
        "cannot parse integer from empty string" => Some("värdet saknas".to_string()),
        "number too large to fit in target type" => Some("talet är för stort".to_string()),
        _ => None,
    }
}
