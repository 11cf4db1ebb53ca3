//! `pledge`: a tracker for Swedish medborgarlöften.
//!
//! The core is pure: [`load`] turns text into a checked [`model::Pledge`] with diagnostics,
//! [`validate`] checks across files, [`schedule`] and [`status`] compute progress for a given
//! date, [`choose`] picks the löfte a command works on, [`record`] computes the text edits of
//! `done` and `undo`; [`findings`] picks what `check` reports. [`store`] is the thin layer that
//! reads, locks and writes files; [`view`] renders every output format. [`cmd`] runs the commands in a [`cmd::Ctx`] built once from the
//! flags ([`cli`]) and the environment; nothing else reads the environment, the clock or the
//! terminal.

pub mod calendar;
pub mod choose;
pub mod cli;
pub mod cmd;
pub mod diag;
pub mod findings;
pub mod holidays;
pub mod i18n;
pub mod import;
pub mod kommuner;
pub mod load;
pub mod merge;
pub mod model;
pub mod opendata;
pub mod outcome;
pub mod record;
pub mod resolve;
pub mod schedule;
pub mod status;
pub mod store;
pub mod svgchart;
pub mod text;
pub mod validate;
pub mod view;
