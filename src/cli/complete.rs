//! The candidates of dynamic completion (`COMPLETE=bash pledge`): kommun names and the
//! activity ids of the pledges folder. Read when the shell asks, not when a command runs.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap_complete::CompletionCandidate;

use crate::store;

/// Dynamic completion of kommun names (`pledge done fil<Tab>` gives `filipstad`): every
/// kommun, by its name in lower case.
pub fn kommun_candidates() -> Vec<CompletionCandidate> {
    crate::kommuner::all()
        .iter()
        .map(|k| CompletionCandidate::new(k.name.to_lowercase()))
        .collect()
}

/// Dynamic completion of activity ids: those of the löften in the pledges folder
/// (`PLEDGE_DIR`, else the nearest pledges/), and `followup`. Nothing when there is none.
pub fn activity_candidates() -> Vec<CompletionCandidate> {
    let dir = std::env::var_os("PLEDGE_DIR").map(PathBuf::from);
    let Ok(dir) = store::find_dir(dir.as_deref()) else {
        return Vec::new();
    };
    let Ok(paths) = store::pledge_files(&dir) else {
        return Vec::new();
    };
    let Ok(files) = store::read_each(&paths, NaiveDate::MAX, false, |_, f| f) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = files
        .iter()
        .filter_map(|f| f.loaded.pledge.as_ref())
        .flat_map(|p| p.activities.iter().map(|a| a.id.clone()))
        .collect();
    ids.push(crate::model::FOLLOWUP_ID.to_string());
    ids.sort();
    ids.dedup();
    ids.into_iter().map(CompletionCandidate::new).collect()
}
