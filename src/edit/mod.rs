//! The edit layer: the text edits that write records, as pure functions of a file's text.
//! [`record`] appends and removes `[[log]]` entries (`done`, `undo`), [`entry`] renders the
//! `[[measurement]]` and `[[verdict]]` tables `measure` and `verdict` append, and [`merge`]
//! is the three-way merge the git driver runs; [`lost`] finds what a commit dropped
//! (`verify-merge`), and [`gitsetup`] the lines and driver command `git setup` writes. Every edit touches only the bytes it adds or
//! removes; the result is loaded again (by the caller) before it is written.

pub mod entry;
pub mod fetch;
pub mod gitsetup;
pub mod lost;
pub mod merge;
pub mod record;
