//! The rules layer: what the records mean on a date. Pure functions of loaded löften and a
//! date: the status of activities and follow-ups ([`status`]), what `check` reports
//! ([`findings`]), the judgement of an indicator ([`indicator`]), whether a verdict agrees
//! with the records ([`verdict`]), which löfte a command works on ([`choose`]) and what a
//! typed name means ([`resolve`]). Rules read the model (and the loader, in tests); they never
//! edit text, render or touch files.

pub mod choose;
pub mod findings;
pub mod indicator;
pub mod resolve;
pub mod status;
pub mod verdict;

#[cfg(test)]
mod outcome_tests;
