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
use std::io;
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

/// The data files beside the pages, in the order the site lists them.
const DATA: [&str; 4] = [
    "pledges.json",
    "pledges.csv",
    "datapackage.json",
    "calendar.ics",
];

/// The site for these löften (in the order given), judged on their statuses' date: its
/// files' paths, and each file's bytes made on demand, one file at a time (from any thread),
/// so that the caller can write each file as it is made and hold no more than one.
///
/// Its files, in order: `index.html`, one `<dir>/index.html` per löfte, then [`DATA`].
pub struct Site<'s, 'p> {
    statuses: &'s [PledgeStatus<'p>],
    dirs: Vec<String>,
    lang: Lang,
}

impl<'s, 'p> Site<'s, 'p> {
    pub fn new(statuses: &'s [PledgeStatus<'p>], lang: Lang) -> Self {
        Site {
            statuses,
            dirs: page_dirs(statuses.iter().map(|s| s.pledge)),
            lang,
        }
    }

    /// How many files the site has.
    pub fn len(&self) -> usize {
        1 + self.statuses.len() + DATA.len()
    }

    /// Never: a site has at least its index.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The path of file `i` below the site's folder (with `/`).
    pub fn path(&self, i: usize) -> String {
        let n = self.statuses.len();
        match i {
            0 => "index.html".to_string(),
            i if i <= n => format!("{}/index.html", self.dirs[i - 1]),
            i => DATA[i - 1 - n].to_string(),
        }
    }

    /// Whether file `i` is best written straight to its file as it is made (it is as large
    /// as the data: `pledges.json`) rather than made in memory first.
    pub fn streams(&self, i: usize) -> bool {
        i == 1 + self.statuses.len()
    }

    /// Writes the bytes of file `i` to `w`.
    pub fn write(&self, i: usize, w: &mut dyn io::Write) -> io::Result<()> {
        let (n, lang) = (self.statuses.len(), self.lang);
        match i {
            0 => w.write_all(index::render(self.statuses, &self.dirs, lang).as_bytes()),
            i if i <= n => w.write_all(page::render(&self.statuses[i - 1], lang).as_bytes()),
            i => data::write(i - 1 - n, self.statuses, lang, w),
        }
    }
}

/// The whole site in memory (for tests and small folders; `pledge site` writes each file as
/// it is made, through [`Site`]).
pub fn build(statuses: &[PledgeStatus<'_>], lang: Lang) -> Vec<SiteFile> {
    let site = Site::new(statuses, lang);
    (0..site.len())
        .map(|i| {
            let mut bytes = Vec::new();
            site.write(i, &mut bytes)
                .expect("writing into memory cannot fail");
            SiteFile {
                path: site.path(i),
                bytes,
            }
        })
        .collect()
}

/// The marker's text: a line naming it, then the files written, one a line.
pub fn marker_text<S: AsRef<str>>(paths: impl IntoIterator<Item = S>) -> String {
    let mut t = String::from("# written by `pledge site`; the files it wrote:\n");
    for p in paths {
        t.push_str(p.as_ref());
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
