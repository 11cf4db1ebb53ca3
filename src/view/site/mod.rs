//! `pledge site`: a static website of the löften for the kommun's web server, built in
//! memory as a list of files (pure: statuses and a language in, bytes out; the app layer
//! writes them). The same löften and date always give the same bytes.
//!
//! - `index.html`: every löfte grouped by polisregion, län and lokalpolisområde, with its
//!   period, state and activities tallied by status; a national summary with one row per
//!   polisregion; the activities listed by status (anchors, no JavaScript); the data files.
//! - `<file-stem>/index.html`: one page per löfte (see [`page`]).
//! - `pledges.json` (the `status --format json` document), `pledges.csv` (`status --format
//!   csv`), `datapackage.json` describing both (Frictionless), `calendar.ics` (the feed of
//!   `pledge calendar`).

use std::collections::BTreeSet;
use std::path::Path;

use askama::Template;

use crate::i18n::Lang;
use crate::model::Pledge;
use crate::status::{PledgeStatus, Status};

mod data;
mod index;
pub mod indicators;
mod page;
mod words;

pub use words::{ORDER, symbol};

/// The file that marks a folder as written by `pledge site`; it lists the files written, so a
/// rebuild removes the pages of löften no longer in the folder.
pub const MARKER: &str = ".pledge-site";

/// One file of the site: its path below the site's folder (with `/`), and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The whole site for these löften (in the order given), judged on their statuses' date.
pub fn build(statuses: &[PledgeStatus<'_>], lang: Lang) -> Vec<SiteFile> {
    let dirs = page_dirs(statuses.iter().map(|s| s.pledge));
    let mut files = vec![file("index.html", index::render(statuses, &dirs, lang))];
    for (s, dir) in statuses.iter().zip(&dirs) {
        files.push(file(&format!("{dir}/index.html"), page::render(s, lang)));
    }
    files.extend(data::files(statuses, lang));
    files
}

/// The marker's text: a line naming it, then the files written, one a line.
pub fn marker_text(files: &[SiteFile]) -> String {
    let mut t = String::from("# written by `pledge site`; the files it wrote:\n");
    for f in files {
        t.push_str(&f.path);
        t.push('\n');
    }
    t
}

/// The files a marker lists (its comment lines and blank lines aside).
pub fn marker_files(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn file(path: &str, text: String) -> SiteFile {
    SiteFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// Each löfte's folder: its file's stem as a slug (`filipstad-2016`), made unique with `-2`,
/// `-3` where two files share one.
pub fn page_dirs<'a>(pledges: impl Iterator<Item = &'a Pledge>) -> Vec<String> {
    let mut taken = BTreeSet::new();
    pledges
        .map(|p| {
            let stem = Path::new(&p.file)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("");
            let mut base = crate::text::slug(stem);
            if base.is_empty() {
                base = "lofte".into();
            }
            let mut name = base.clone();
            let mut n = 1;
            while !taken.insert(name.clone()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            name
        })
        .collect()
}

/// A status as the pages show it: a CSS class, a symbol and a word.
pub struct Badge {
    pub class: &'static str,
    pub symbol: &'static str,
    pub word: &'static str,
}

pub fn badge(s: Status, lang: Lang) -> Badge {
    Badge {
        class: s.name(),
        symbol: symbol(s),
        word: lang.status(s),
    }
}

/// A count of activities with one status.
pub struct Tally {
    pub badge: Badge,
    pub count: usize,
}

/// The statuses of these activities' headlines, counted in [`ORDER`], without zeros.
pub fn tallies(statuses: impl Iterator<Item = Status> + Clone, lang: Lang) -> Vec<Tally> {
    ORDER
        .iter()
        .map(|o| Tally {
            badge: badge(*o, lang),
            count: statuses.clone().filter(|s| s == o).count(),
        })
        .filter(|t| t.count > 0)
        .collect()
}

/// Renders a template; pages end with a newline.
fn render(t: &impl Template) -> String {
    let mut out = t.render().expect("rendering into a String cannot fail");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests;
