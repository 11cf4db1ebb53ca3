//! `pledge`: a tracker for Swedish medborgarlöften.
//!
//! The crate is built in layers that only point down (a test, `tests/layers/`, fails on an
//! import that points up and on any cycle between modules or files):
//!
//! ```text
//! cmd              the commands, run in a `cmd::Ctx` (clock, environment, terminal: read once)
//! cli              clap only: the flags, and the completion candidates
//! store            finds, reads, locks and writes files
//! view             every output format (terminal, markdown, html, csv, json, xlsx, ics, site)
//! edit             the text edits of done, undo, measure, verdict and the merge driver
//! rules            schedule-based status, findings, indicator judgement, verdicts, choose
//! load   import    text → model with diagnostics; a published text → a draft file
//! model            the domain types and calendar arithmetic
//! text   kommuner  leaves: text helpers and the table of Sweden's kommuner
//! ```
//!
//! Everything below `store` is pure: it takes data and a date and returns values. Only
//! [`cmd`] (its context) and [`store`] read the environment, files, clock or terminal.

pub mod kommuner;
pub mod text;

pub mod model;

pub mod import;
pub mod load;

pub mod rules;

pub mod edit;

pub mod view;

pub mod store;

pub mod cli;

pub mod cmd;
