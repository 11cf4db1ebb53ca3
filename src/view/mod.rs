//! The view layer: one renderer per output format, each pure (values in, text out; nothing
//! here reads the environment, the clock or the terminal, and nothing imports the shell). It
//! reads the model and the rules' results; it edits no text.
//!
//! - [`table`]: terminal tables (comfy-table), given a width and a colour flag
//! - [`markdown`]: `status --format markdown` and the meeting report
//! - [`html`]: the meeting report as a printable page (askama template)
//! - [`csv`]: typed rows through the `csv` crate, with formula cells neutralised
//! - [`json`]: typed documents, one kommun shape
//! - [`check`]: the lines of `check`
//! - [`calendar`]: the follow-up calendar (iCalendar), [`svgchart`]: the indicator charts
//! - [`outcome`] (with [`outcome_json`]): indicators and verdicts
//! - [`messages`]: the word store, every label, status word and message in Swedish and
//!   English, one exhaustive match per language; [`phrases`] builds sentences from them
//!   ([`i18n`]: the two languages)

pub mod calendar;
pub mod check;
pub mod compact;
pub mod csv;
pub mod diag_words;
pub mod entries;
pub mod help_sv;
pub mod html;
pub mod i18n;
pub mod json;
pub mod legend;
pub mod log_table;
pub mod markdown;
pub mod meeting;
pub mod messages;
pub mod outcome;
pub mod outcome_json;
pub mod phrases;
pub mod site;
pub mod svgchart;
pub mod table;
pub mod target_words;
pub mod title;
pub mod window_limit;
pub mod xlsx;

pub use messages::Label;
pub use messages::Msg;
pub use messages::RecordMsg;

/// One `log` entry as every format shows it: the views write these one at a time, so the
/// command never holds every löfte to write its log.
#[derive(Debug, Clone, Copy)]
pub struct LogLine<'a> {
    pub file: &'a str,
    pub kommuner: &'a [&'static crate::kommuner::Kommun],
    pub date: chrono::NaiveDate,
    pub activity: &'a str,
    pub part: Option<&'a str>,
    pub unit: Option<&'a str>,
    /// On a löfte for several kommuner, the kommun the work was for (None: shared).
    pub kommun: Option<&'static crate::kommuner::Kommun>,
    pub request: bool,
    pub count: u32,
    pub by: Option<&'a str>,
    pub note: Option<&'a str>,
    /// The number `undo --index` takes, when the log lists one kommun's entries unfiltered.
    pub index: Option<usize>,
}

impl<'a> LogLine<'a> {
    /// The line of an entry of a loaded löfte.
    pub fn of(p: &'a crate::model::Pledge, e: &'a crate::model::LogEntry) -> LogLine<'a> {
        LogLine {
            file: &p.file,
            kommuner: &p.kommuner,
            date: e.date,
            activity: &e.activity,
            part: e.part.as_deref(),
            unit: e.unit.as_deref(),
            kommun: e.kommun,
            request: e.request,
            count: e.count,
            by: e.by.as_deref(),
            note: e.note.as_deref(),
            index: None,
        }
    }

    /// The kommuner's names, comma-separated.
    pub fn kommun_names(&self) -> String {
        let names: Vec<&str> = self.kommuner.iter().map(|k| k.name).collect();
        names.join(", ")
    }
}
