//! The views: one renderer per output format, each pure (values in, text out; nothing here
//! reads the environment, the clock or the terminal, and nothing imports the app layer).
//!
//! - [`table`]: terminal tables (comfy-table), given a width and a colour flag
//! - [`markdown`]: `status --format markdown` and the meeting report
//! - [`html`]: the meeting report as a printable page (askama template)
//! - [`csv`]: typed rows through the `csv` crate, with formula cells neutralised
//! - [`json`]: typed documents, one kommun shape
//! - [`check`]: the lines of `check`
//! - [`phrases`] and [`labels`]: words shared by every format, in Swedish and English

pub mod check;
pub mod compact;
pub mod csv;
pub mod entries;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod meeting;
pub mod outcome;
pub mod phrases;
pub mod site;
pub mod table;
pub mod title;
pub mod xlsx;

pub use labels::Label;
