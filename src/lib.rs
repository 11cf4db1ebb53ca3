//! `pledge`: a tracker for Swedish medborgarlöften.
//!
//! The core is pure: [`load`] turns text into a checked [`model::Pledge`] with diagnostics,
//! [`validate`] checks across files, [`schedule`] and [`status`] compute progress for a given
//! date, [`record`] computes the text edits of `done` and `undo`. [`store`] is the thin layer
//! that reads, locks and writes files; [`render`] formats output; [`app`] runs commands.

pub mod app;
pub mod cli;
pub mod diag;
pub mod i18n;
pub mod import;
pub mod kommuner;
pub mod load;
pub mod merge;
pub mod model;
pub mod record;
pub mod render;
pub mod report;
pub mod resolve;
pub mod schedule;
pub mod status;
pub mod store;
pub mod text;
pub mod validate;
