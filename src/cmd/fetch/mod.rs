//! `measure --fetch` and `measure --from-csv`: indicator values read from open data and
//! appended with their provenance, through the same locked, byte-preserving append as `done`.
//! The decisions are pure ([`crate::edit::fetch`], [`crate::load::kolada`]); here are the
//! requests ([`http`]: paced, cached for the run, with a timeout), the reading of the service
//! ([`online`]) or of a file ([`csv`]), and the writes ([`write`]).

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::Workspace;
use crate::kommuner::Kommun;
use crate::model::Pledge;
use crate::model::outcome::Indicator;
use crate::store;
use crate::view::i18n::Lang;
use crate::view::messages::{ImportMsg, Words};

mod csv;
mod http;
mod online;
mod write;

pub use csv::from_csv;
pub use online::fetch;

/// One indicator of one löfte to read values for.
struct Target<'w> {
    pledge: &'w Pledge,
    ind: &'w Indicator,
}

/// The folder, each file with its text, keeping only the löften `keep` wants.
fn open(
    dir: Option<PathBuf>,
    cwd: store::Cwd,
    today: NaiveDate,
    keep: impl Fn(&Pledge) -> bool + Sync,
) -> Result<Workspace> {
    let dir = store::find_dir(dir.as_deref(), cwd)?;
    let (paths, temporaries) = store::pledge_files_and_temporaries(&dir, |_| true)?;
    let files = store::read_each(&paths, cwd, today, true, |_, f| {
        let wanted = f.loaded.pledge.as_ref().is_some_and(&keep) || f.loaded.pledge.is_none();
        wanted.then_some(f)
    })?
    .into_iter()
    .flatten()
    .collect();
    Ok(Workspace {
        dir,
        files,
        temporaries,
        unread: Vec::new(),
    })
}

/// The years a löfte's values are read for, up to last year (a year's value is published
/// after it ends).
fn years_of(p: &Pledge, ind: &Indicator, today: NaiveDate) -> Vec<i32> {
    crate::rules::indicator::years_for(p, ind, today.year() - 1)
}

/// The only kommun of a löfte, or why its values cannot be read per kommun.
fn single_kommun(p: &Pledge, lang: Lang) -> Result<&'static Kommun, String> {
    match p.kommuner.as_slice() {
        [k] => Ok(k),
        ks => Err(ImportMsg::SeveralKommuner {
            n: ks.len(),
            names: &ks.iter().map(|k| k.name).collect::<Vec<_>>().join(", "),
        }
        .say(lang)),
    }
}
