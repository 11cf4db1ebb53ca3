//! `pledge import`: a draft pledge file from the published text of a medborgarlöfte.
//!
//! Pure: [`import`] takes the text and the options and returns the draft's TOML text with
//! the readings it made, or what essential fact is missing. The rules are Swedish phrase
//! tables in [`rules`] and [`owners`]; [`clean`] cuts the text into blocks, `read` walks them
//! into a [`Draft`], `emit` writes it. Every reading is marked `# Reading:` in the draft, every
//! sentence not placed is kept as a `# Text:` comment, and nothing is invented: a date, count
//! or owner the text does not state is left out (or, for the period, asked for).

use std::fmt;

use chrono::NaiveDate;

use crate::kommuner::Kommun;
use crate::model::Owner;

mod acts;
pub mod clean;
pub mod dates;
mod emit;
mod facts;
pub mod kinds;
pub mod owners;
mod read;
pub mod rules;

/// What the command line adds to the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The kommun, when the text does not name it (or names it wrongly).
    pub kommun: Option<&'static Kommun>,
    /// The period's first and last day, when the text does not give them.
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Where the text came from (a file name), for the draft's first comment.
    pub source_name: Option<String>,
}

/// The draft: its text and what it says.
#[derive(Debug, Clone)]
pub struct Imported {
    pub toml: String,
    /// Every `Reading:` the draft makes, in order.
    pub readings: Vec<String>,
    /// `kommun-years.toml`, as `pledge new` names files.
    pub file_name: String,
    pub activities: usize,
    /// Sentences kept as comments because no rule placed them.
    pub unplaced: usize,
}

/// An essential fact the text does not give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Kommun,
    Start {
        end: Option<NaiveDate>,
    },
    End {
        start: NaiveDate,
    },
    /// "gäller från 2022": a start and, said in so many words, no end.
    EndNotStated {
        start: NaiveDate,
        words: String,
    },
    EndBeforeStart {
        start: NaiveDate,
        end: NaiveDate,
    },
    TooLong {
        start: NaiveDate,
        end: NaiveDate,
    },
    Activities,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::Kommun => f.write_str(
                "neither the text, its title nor its address names a kommun that pledge knows; give it with --kommun NAME",
            ),
            Missing::Start { end: Some(end) } => write!(
                f,
                "the text gives the period's end ({end}) but not its start; give it with --start YYYY-MM-DD"
            ),
            Missing::Start { end: None } => f.write_str(
                "neither the text, its title nor its address gives a year or a date for the period; give it with --start YYYY-MM-DD --end YYYY-MM-DD (or --end alone when the start is not stated)",
            ),
            Missing::End { start } => write!(
                f,
                "the text gives the period's start ({start}) but not its end; give it with --end YYYY-MM-DD"
            ),
            Missing::EndNotStated { start, words } => write!(
                f,
                "the text says \"{words}\" (from {start}) and states no end; a pledge file needs \
                 an end and none is invented, so give the löfte's last day with --end YYYY-MM-DD"
            ),
            Missing::EndBeforeStart { start, end } => write!(
                f,
                "the period read ends ({end}) before it starts ({start}); give it with --start and --end"
            ),
            Missing::TooLong { start, end } => write!(
                f,
                "the period read, {start} to {end}, is longer than {} years; give it with --start and --end",
                crate::model::MAX_PERIOD_YEARS
            ),
            Missing::Activities => f.write_str(
                "no activities found: no list items or \"… lovar att …\" sentences; a draft needs at least one",
            ),
        }
    }
}

impl std::error::Error for Missing {}

/// A comment in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note {
    /// A reading the importer made: `# Reading: …`.
    Reading(String),
    /// Source text no rule placed, as written: `# Text: …`.
    Text(String),
    /// A remark quoting the source: `# "…"`.
    Quote(String),
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ActivityDraft {
    pub before: Vec<Note>,
    pub id: String,
    pub text: String,
    pub owners: Vec<Owner>,
    pub partners: Vec<Owner>,
    /// The target phrase found, resolved into `target` once the whole draft is read.
    pub found: Option<rules::Found>,
    /// The target as TOML (`"once"`, `{ count = 2, per = "year" }`), when one is written.
    pub target: Option<String>,
    /// The units the target applies to each of, as listed.
    pub units: Vec<String>,
    /// The activity's own time frame, from months the text names.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct FollowupDraft {
    pub when: Option<String>,
    pub how: Vec<String>,
    pub responsible: Option<String>,
    pub presented: Option<String>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ProblemDraft {
    pub title: Option<String>,
    pub paras: Vec<String>,
    pub priorities: Vec<String>,
    /// Problems listed without a ranking.
    pub items: Vec<String>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub head: Vec<Note>,
    pub title: String,
    pub kommuner: Vec<&'static Kommun>,
    /// The part of the kommun, from the title ("Göteborg, Östra Göteborg – …").
    /// The area and where it was read (the title, or the promise's words).
    pub area: Option<(String, &'static str)>,
    pub lokalpolisomrade: Option<String>,
    /// An address the text gives on a line of its own.
    pub source: Option<String>,
    pub signed: Option<(NaiveDate, String)>,
    pub signatories: Vec<(String, Option<String>)>,
    pub top_notes: Vec<Note>,
    pub promise: Option<String>,
    pub intro: Vec<Note>,
    /// None when the text does not state the start (the unstated-start form).
    pub start: Option<NaiveDate>,
    pub end: NaiveDate,
    pub until_replaced: bool,
    pub period_notes: Vec<Note>,
    pub problem: ProblemDraft,
    pub activities: Vec<ActivityDraft>,
    /// `[[event]]`s the targets count per occurrence of: id and text.
    pub events: Vec<(String, String)>,
    pub after_activities: Vec<Note>,
    pub followup: Option<FollowupDraft>,
    pub tail: Vec<Note>,
}

/// Imports a published löfte: the draft, or the essential fact that is missing.
pub fn import(text: &str, opts: &Options) -> Result<Imported, Missing> {
    let draft = read::read(text, opts)?;
    let toml = emit::emit(&draft, opts.source_name.as_deref());
    let readings = toml
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("# Reading: "))
        .map(str::to_string)
        .collect();
    let unplaced = toml.lines().filter(|l| l.starts_with("# Text: ")).count();
    let years = crate::text::years(
        chrono::Datelike::year(&draft.start.unwrap_or(draft.end)),
        chrono::Datelike::year(&draft.end),
    );
    Ok(Imported {
        file_name: format!("{}-{years}.toml", crate::text::slug(draft.kommuner[0].name)),
        activities: draft.activities.len(),
        readings,
        unplaced,
        toml,
    })
}
