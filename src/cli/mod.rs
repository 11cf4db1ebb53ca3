//! The command line, as clap definitions only: the commands here, the arguments many of them
//! share in [`groups`] (each declared once), date arguments in [`date`], the help and clap's
//! refusals in Swedish in [`sv`] (the language decided before clap parses), and the candidates
//! of dynamic completion in [`complete`]. Part of the shell: it sits above [`crate::store`]
//! (completion lists the activities of the pledges folder) and below [`crate::cmd`], which
//! runs what it parses.

use std::path::PathBuf;

use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use sv::command;

pub mod complete;
mod date;
mod groups;
pub mod sv;

pub use date::{BadDate, DateArg, parse_date};
pub use groups::{AllWindows, Area, AsOf, By, DryRun, HiddenAsOf, Kommun, Kommuner, Output};

pub(crate) const EXIT_CODES: &str = "\
Exit codes:
  0  success; for `check`: nothing needs attention
  1  problems found: invalid pledge files, findings of `check`, a refused change
  2  usage error, or a file or folder that cannot be read or written";

#[derive(Debug, Parser)]
#[command(
    name = "pledge",
    version,
    about = "Track Swedish medborgarlöften: what a kommun and the police promised, and what was done",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The pledges folder [default: a pledges/ folder here or in the nearest parent]
    #[arg(long, global = true, env = "PLEDGE_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// When to colour the output
    #[arg(long, global = true, env = "PLEDGE_COLOR", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing but errors (the exit code tells the rest)
    #[arg(short, long, global = true, env = "PLEDGE_QUIET", value_parser = clap::builder::BoolishValueParser::new())]
    pub quiet: bool,
    /// Language of labels and status words; the löften's own text is shown as written
    /// [default: Swedish when LC_ALL/LC_MESSAGES/LANG starts with sv, else English]
    #[arg(long, global = true, value_enum, env = "PLEDGE_LANG")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check pledge files and report every problem, with file, line and column
    Validate(ValidateArgs),
    /// One row per löfte: kommun, period, state, activities
    List(ListArgs),
    /// Record completed work on an activity (or the follow-up itself)
    Done(DoneArgs),
    /// Remove the most recently recorded entry of a kommun's löfte
    Undo(UndoArgs),
    /// Record a measured value of an indicator (a survey's result, a count of crimes)
    Measure(MeasureArgs),
    /// Record the follow-up's verdict on an activity: kept, partly or broken
    Verdict(VerdictArgs),
    /// List recorded work, oldest first
    Log(LogArgs),
    /// Follow-up status per kommun: what is met, on track, behind
    Status(StatusArgs),
    /// The document for the BRÅ meeting: promised, done, behind, follow-up
    Report(ReportArgs),
    /// For cron: silent with exit 0 when nothing needs attention, else one line per finding
    Check(CheckArgs),
    /// Write a commented scaffold for a new löfte into the pledges folder
    New(NewArgs),
    /// Print an iCalendar feed (RFC 5545) of follow-ups, window ends and löften's ends
    Calendar(CalendarArgs),
    /// Write a static website of every löfte, with its data, for the kommun's web server (in
    /// Swedish unless --lang en)
    Site(SiteArgs),
    /// Write a draft pledge file from the published text of a löfte (readings marked)
    Import(ImportArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
    /// Print the JSON Schema of the pledge file format (for editors such as taplo)
    Schema,
    /// Set up this git clone so pledge files merge entry by entry, and check it
    #[command(subcommand)]
    Git(GitCommand),
    /// For a forge's CI: the log entries, measurements and verdicts a merge lost, and the
    /// files it left invalid (exit 1 if any)
    VerifyMerge(VerifyMergeArgs),
    /// Git merge driver: merges the log entries both sides added (see the README)
    MergeDriver {
        /// The common ancestor's version (%O)
        base: PathBuf,
        /// Our version, and where the result is written (%A)
        ours: PathBuf,
        /// Their version (%B)
        theirs: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Write the .gitattributes and .gitignore lines and this clone's merge driver (idempotent)
    #[command(
        after_help = "Exit codes:\n  0  set up\n  1  written, but something still overrides it (named)\n  2  not in a git work tree, or git cannot run"
    )]
    Setup {
        /// Say what would be written, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Say whether this clone is set up: every pledge file merged by the driver, with its
    /// fallback
    #[command(
        after_help = "Exit codes:\n  0  set up\n  1  something is missing (each named)\n  2  not in a git work tree, or git cannot run"
    )]
    Check,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes:\n  0  nothing lost, every file that validated still does\n  1  something lost or broken (each named)\n  2  usage error, unknown revision, git cannot run"
)]
#[command(mut_args(says(
    "as_of",
    "Judge log dates against this day instead of today (for the files' validation)"
)))]
pub struct VerifyMergeArgs {
    /// BASE and HEAD (HEAD a descendant of BASE), or one commit: then from its first parent
    /// to it (a merge commit: the merge and the commits it brought in)
    #[arg(required = true, num_args = 1..=2, value_name = "REV")]
    pub revs: Vec<String>,
    #[command(flatten)]
    pub as_of: AsOf,
}

#[derive(Debug, Args)]
#[command(mut_args(says("dry_run", "Print the scaffold instead of writing it")))]
pub struct NewArgs {
    /// The kommun, or several for one löfte over several kommuner
    #[arg(required = true, add = clap_complete::ArgValueCandidates::new(complete::kommun_candidates))]
    pub kommuner: Vec<String>,
    /// The first day of the period
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: DateArg,
    /// The last day of the period (inclusive)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub end: DateArg,
    /// The part of the kommun the löfte covers (a stadsdel, the centre)
    #[arg(long, value_name = "TEXT")]
    pub area: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
    /// The file's name in the pledges folder [default: the kommuner, the area and the years,
    /// e.g. karlstad-munkfors-2016-2017.toml]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
#[command(mut_args(says("dry_run", "Print the draft instead of writing it")))]
pub struct ImportArgs {
    /// The published texts (plain UTF-8), folders of .txt files, or - for standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the draft to this file (one text only) [default: KOMMUN-YEARS.toml in the
    /// pledges folder]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The kommun, when the text does not name it
    #[arg(long, value_name = "K")]
    pub kommun: Option<String>,
    /// The period's first day, when the text does not give it
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<DateArg>,
    /// The period's last day, when the text does not give it
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub end: Option<DateArg>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

/// The command line of this run, parsed with the help and the refusals in `lang`.
pub fn parse(lang: crate::view::i18n::Lang) -> Result<Cli, clap::Error> {
    let mut cmd = command(lang);
    let mut matches = cmd.try_get_matches_from_mut(std::env::args_os())?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
}

/// A command's own help text for an argument of a shared group (`#[command(mut_args(says(ID,
/// "…")))]`): the group declares the argument once, the command says what it means there.
/// (`mut_args` changes it in its place; `mut_arg` would move it last, and a positional
/// argument's place is its index.)
fn says(id: &'static str, text: &'static str) -> impl FnMut(clap::Arg) -> clap::Arg {
    move |a| if a.get_id() == id { a.help(text) } else { a }
}

#[derive(Debug, Args)]
#[command(mut_args(says("as_of", "Judge log dates against this day instead of today")))]
pub struct ValidateArgs {
    /// Files or folders to check [default: the pledges folder]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub as_of: AsOf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ListFormat {
    #[default]
    Table,
    Json,
    Csv,
    /// An Excel workbook (needs --output FILE, or standard output not a terminal)
    Xlsx,
    /// CSV for Swedish Excel: BOM, `;`, codes kept as text
    ExcelCsv,
}

#[derive(Debug, Args)]
#[command(mut_args(says("as_of", "Judge states on this date [default: today]")))]
pub struct ListArgs {
    /// Only löften for this kommun (name or kommunkod)
    #[arg(long, value_name = "K", add = clap_complete::ArgValueCompleter::new(complete::kommuner))]
    pub kommun: Option<String>,
    /// Only löften whose period holds this date; also the date the state is judged on
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub active_on: Option<DateArg>,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub out: Output<ListFormat>,
}

#[derive(Debug, Args)]
#[command(mut_args(says("kommun", "Kommun name (any case, å/ä/ö as a/a/o) or kommunkod")))]
#[command(mut_args(says("as_of", "Today's date, for the future-date check [default: today]")))]
pub struct DoneArgs {
    #[command(flatten)]
    pub kommun: Kommun,
    /// Activity id, a unique prefix of one, or a unique word of its text; `followup` for the
    /// follow-up itself
    #[arg(add = clap_complete::ArgValueCompleter::new(complete::activities))]
    #[arg(required_unless_present = "event")]
    pub activity: Option<String>,
    /// Record that an event the löfte refers to happened (an `[[event]]` id: a BRÅ meeting,
    /// another party's walk), instead of work on an activity
    #[arg(long, value_name = "EVENT", conflicts_with_all = ["activity", "unit", "part", "request", "instead_of_slot"])]
    pub event: Option<String>,
    /// The work, on another day than a weekly slot's weekday, replaced that week's slot
    #[arg(long)]
    pub instead_of_slot: bool,
    /// When the work was done [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<DateArg>,
    /// How many occurrences this entry records (1 to 10000, as the file allows)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::model::MAX_COUNT)))]
    pub count: u32,
    #[command(flatten)]
    pub by: By,
    /// A note: where, how many took part, what was found (may start with `-`: "-2 grader")
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    #[command(flatten)]
    pub area: Area,
    /// The unit worked for, for an activity with units (a school, a district; a unique
    /// prefix will do)
    #[arg(long, value_name = "UNIT", add = clap_complete::ArgValueCompleter::new(complete::units))]
    pub unit: Option<String>,
    /// The part of an activity with parts (its id, or a unique prefix)
    #[arg(long, value_name = "PART", add = clap_complete::ArgValueCompleter::new(complete::parts))]
    pub part: Option<String>,
    /// Record a request received, for an on-request activity (answers are recorded without it)
    #[arg(long)]
    pub request: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub as_of: HiddenAsOf,
}

#[derive(Debug, Args)]
#[command(mut_args(says(
    "by",
    "Who recorded it [default: PLEDGE_USER, else git's user.name, else the login name]"
)))]
pub struct MeasureArgs {
    /// Kommun name or kommunkod (with --from-csv: only this kommun's rows)
    #[arg(
        add = clap_complete::ArgValueCompleter::new(complete::kommuner),
        required_unless_present_any = ["fetch", "from_csv"]
    )]
    pub kommun: Option<String>,
    /// Indicator id, or a unique prefix of one
    #[arg(required_unless_present_any = ["fetch", "from_csv"])]
    pub indicator: Option<String>,
    /// The measured value: 62, 62.5, 62,5 or 1 234,5 (a space between thousands needs no
    /// quotes)
    #[arg(allow_hyphen_values = true, required_unless_present_any = ["fetch", "from_csv"])]
    pub value: Option<String>,
    /// The rest of a value written with spaces between thousands (`1 234,5`)
    #[arg(hide = true)]
    pub value_rest: Vec<String>,
    /// Read the values of every indicator with a source series (`source = { kolada = ".." }`)
    /// from the service, for these kommuner [default: every löfte in the folder]
    #[arg(long, value_name = "KOMMUN", num_args = 0.., conflicts_with_all = ["kommun", "indicator", "value", "from_csv", "date", "source", "note"])]
    pub fetch: Option<Vec<String>>,
    /// Read the values from a CSV file (kommun, year and value columns), for --indicator
    #[arg(long, value_name = "FILE", requires = "indicator_flag", conflicts_with_all = ["indicator", "value", "date", "source"])]
    pub from_csv: Option<PathBuf>,
    /// With --fetch or --from-csv: only this indicator (its id, or a unique prefix)
    #[arg(long = "indicator", id = "indicator_flag", value_name = "ID")]
    pub only_indicator: Option<String>,
    /// With --fetch or --from-csv: write a changed published value as a new entry that
    /// says what it corrects (without it, a change is only reported)
    #[arg(long)]
    pub update: bool,
    /// The day it was measured (the survey's, not today's) [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<DateArg>,
    /// Where it was published: a URL or a report
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
    /// A note: the response rate, a change of method
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub area: Area,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub as_of: HiddenAsOf,
}

#[derive(Debug, Args)]
#[command(mut_args(says(
    "by",
    "Who judged [default: PLEDGE_USER, else git's user.name, else the login name]"
)))]
pub struct VerdictArgs {
    #[command(flatten)]
    pub kommun: Kommun,
    /// Activity id, a unique prefix of one, or a unique word of its text
    #[arg(add = clap_complete::ArgValueCompleter::new(complete::activities))]
    pub activity: String,
    /// kept, partly or broken (also uppfyllt, delvis, "ej uppfyllt")
    pub verdict: String,
    /// Why: what was done, what was not
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// The minutes or the published follow-up
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
    /// The day of the verdict (the meeting's) [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub area: Area,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub as_of: HiddenAsOf,
}

#[derive(Debug, Args)]
#[command(mut_args(says(
    "area",
    "Only löften for parts of the kommun (a prefix of their `area`)"
)))]
#[command(mut_args(says(
    "by",
    "Whose entries are yours [default: PLEDGE_USER, else git's user.name, else the login name]"
)))]
#[command(mut_args(says("dry_run", "Show what would be removed, and write nothing")))]
pub struct UndoArgs {
    #[command(flatten)]
    pub kommun: Kommun,
    /// The entry of this date [default: your own most recent entry]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<DateArg>,
    /// The entry of this activity (an id, its prefix or a word of its text)
    #[arg(long, value_name = "ACTIVITY", add = clap_complete::ArgValueCompleter::new(complete::activities))]
    pub activity: Option<String>,
    /// The entry with this number in `pledge log KOMMUN` (its # column; 1 = the oldest)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(usize))]
    pub index: Option<usize>,
    #[command(flatten)]
    pub area: Area,
    #[command(flatten)]
    pub by: By,
    #[command(flatten)]
    pub dry_run: DryRun,
    #[command(flatten)]
    pub as_of: HiddenAsOf,
}

#[derive(Debug, Args)]
#[command(mut_args(says("kommuner", "Only these kommuner [default: all]")))]
pub struct LogArgs {
    #[command(flatten)]
    pub kommuner: Kommuner,
    /// Only entries on or after this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<DateArg>,
    /// Only entries on or before this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<DateArg>,
    /// Only this activity (id, prefix or word of its text)
    #[arg(long, value_name = "A", add = clap_complete::ArgValueCompleter::new(complete::activities))]
    pub activity: Option<String>,
    #[command(flatten)]
    pub out: Output<ListFormat>,
    #[command(flatten)]
    pub as_of: HiddenAsOf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Sv,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum StatusFormat {
    #[default]
    Table,
    Markdown,
    Json,
    Csv,
    /// An Excel workbook (needs --output FILE, or standard output not a terminal)
    Xlsx,
    /// CSV for Swedish Excel: BOM, `;`, codes kept as text
    ExcelCsv,
}

#[derive(Debug, Args)]
#[command(mut_args(says(
    "kommuner",
    "Kommuner to show [default: the only kommun in the folder]"
)))]
pub struct StatusArgs {
    #[command(flatten)]
    pub kommuner: Kommuner,
    /// Every kommun in the folder, grouped by län
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub out: Output<StatusFormat>,
    #[command(flatten)]
    pub windows: AllWindows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
}

#[derive(Debug, Args)]
#[command(mut_args(says(
    "area",
    "The löfte for this part of the kommun (a prefix of its `area`), when it has several"
)))]
pub struct ReportArgs {
    #[command(flatten)]
    pub kommun: Kommun,
    /// Show log entries from this date on (the last BRÅ meeting) [default: the period's start]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<DateArg>,
    #[command(flatten)]
    pub as_of: AsOf,
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub area: Area,
    /// The date of the meeting the report is for (shown under its title)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub meeting: Option<DateArg>,
    /// End with signature lines: place and date, and a line for each signatory
    #[arg(long)]
    pub sign: bool,
    #[command(flatten)]
    pub windows: AllWindows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub as_of: AsOf,
    /// Report windows and follow-ups ending within this many days
    #[arg(long, value_name = "DAYS", default_value_t = 30, env = "PLEDGE_WITHIN")]
    pub within: u32,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text, env = "PLEDGE_CHECK_FORMAT")]
    pub format: CheckFormat,
}

#[derive(Debug, Args)]
#[command(mut_args(says(
    "as_of",
    "The day to judge on: windows and follow-ups already past are left out [default: today]"
)))]
pub struct CalendarArgs {
    #[command(flatten)]
    pub kommuner: Kommuner,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub windows: AllWindows,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write the site into (created when missing)
    pub outdir: PathBuf,
    #[command(flatten)]
    pub kommuner: Kommuner,
    #[command(flatten)]
    pub as_of: AsOf,
    /// Write into OUTDIR even when it holds files pledge did not write there (never over
    /// them), or when OUTDIR is a symbolic link
    #[arg(long)]
    pub force: bool,
    /// The address the site is published at (https://…/), for the absolute addresses of
    /// its DCAT-AP-SE description `dcat.rdf`, as Sveriges dataportal asks
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Who publishes the data, named in `dcat.rdf` [default: the löften's kommun]
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// The address of the data's licence, named in `dcat.rdf` (the löften's files state
    /// none) [default: a statement that the licence is not stated]
    #[arg(long, alias = "license", value_name = "URL")]
    pub licence: Option<String>,
    /// Whom to ask about the data, `dcat.rdf`'s contact point: an e-mail address or a web
    /// address [default: none stated]
    #[arg(long, value_name = "EMAIL")]
    pub contact: Option<String>,
    #[command(flatten)]
    pub windows: AllWindows,
}
