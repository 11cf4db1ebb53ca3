//! Date arguments: `YYYY-MM-DD`, `today` or `yesterday` (`idag`, `igår`), resolved against
//! the run's today.

use chrono::NaiveDate;

/// A date argument as typed: a date, or a day named relative to today. The app resolves it
/// against the run's today (so `--as-of` moves `today` too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateArg {
    On(NaiveDate),
    Today,
    Yesterday,
}

impl DateArg {
    /// The date meant, given today's.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::On(d) => d,
            DateArg::Today => today,
            DateArg::Yesterday => today.pred_opt().unwrap_or(today),
        }
    }
}

/// A date argument: YYYY-MM-DD, `today` or `yesterday` (`idag`, `igår`).
pub fn parse_date(s: &str) -> Result<DateArg, BadDate> {
    match s.trim() {
        "today" | "idag" => Ok(DateArg::Today),
        "yesterday" | "igår" | "igar" => Ok(DateArg::Yesterday),
        t => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(DateArg::On)
            .map_err(|_| BadDate(t.to_string())),
    }
}

/// A date argument that is not a date (what was typed, trimmed). A type of its own, so the
/// refusal can be found in clap's error and said in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate(pub String);

impl std::fmt::Display for BadDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\"{}\" is not a date; write YYYY-MM-DD (e.g. 2016-05-12), today or yesterday",
            self.0
        )
    }
}

impl std::error::Error for BadDate {}
