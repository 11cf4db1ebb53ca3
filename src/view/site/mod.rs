//! `pledge site`: a static website of the löften for the kommun's web server (pure: statuses
//! and a language in, bytes out; the app layer writes them). The same löften and date always
//! give the same bytes. Each löfte gives its page ([`page`]) and a [`Summary`] (its part of
//! the index and of the data files), so a caller can write each page as its file is read and
//! keep only the summaries, from which [`Rest`] makes the index and the data files; [`build`]
//! makes the whole site in memory.
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
use chrono::NaiveDate;

use crate::model::Pledge;
use crate::rules::status::{PledgeStatus, Status};
use crate::view::i18n::Lang;

mod data;
mod index;
pub mod indicators;
mod page;

pub use crate::view::messages::site::{ORDER, symbol};

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
const DATA: [&str; 5] = [
    "pledges.json",
    "pledges.csv",
    "datapackage.json",
    "calendar.ics",
    "dcat.rdf",
];

/// One löfte's page (at `<dir>/index.html`).
pub fn page(s: &PledgeStatus<'_>, lang: Lang) -> String {
    page::render(s, lang)
}

/// What the index and the data files need of one löfte, made from its status: once it is
/// made, the löfte and its status can go (a national folder is never held whole).
pub struct Summary {
    entry: index::Entry,
    /// Its rows of `pledges.csv`.
    csv: String,
    /// Its events of `calendar.ics`.
    events: Vec<crate::view::calendar::Event>,
    /// Its part of `pledges.json`, compact.
    json: Vec<u8>,
}

/// The summary of a löfte whose page is in `dir` and whose file is `file` (relative to the
/// pledges folder, named by its events' UIDs).
pub fn summary(s: &PledgeStatus<'_>, dir: &str, file: &str, lang: Lang) -> Summary {
    let csv = crate::view::csv::status_words_csv(std::slice::from_ref(s), lang);
    let header = crate::view::csv::status_words_csv(&[], lang).len();
    Summary {
        entry: index::entry(s, dir, lang),
        csv: csv[header..].to_string(),
        events: crate::view::calendar::pledge_events_in(s, lang, file),
        json: crate::view::json::status_part(s),
    }
}

/// The site's files other than the pages, made from the löften's summaries (in the order of
/// the löften): `index.html` first, then the data files (`pledges.json`, `pledges.csv`, `datapackage.json`, `calendar.ics`, `dcat.rdf`).
pub struct Rest {
    summaries: Vec<Summary>,
    as_of: NaiveDate,
    lang: Lang,
    /// Where, by whom and under which licence the site is published.
    published: Publication,
}

/// What `dcat.rdf` says of the site's publication, from `site`'s flags.
#[derive(Default)]
pub struct Publication {
    /// Where the site is published (`--base-url`), ending in `/`.
    pub base: Option<String>,
    /// Who publishes the data (`--publisher`), else the löften's shared name.
    pub publisher: Option<String>,
    /// The licence's address (`--licence`).
    pub licence: Option<String>,
    /// Whom to ask (`--contact`): an e-mail or web address.
    pub contact: Option<String>,
}

impl Rest {
    pub const LEN: usize = 1 + DATA.len();

    pub fn new(summaries: Vec<Summary>, as_of: NaiveDate, lang: Lang) -> Self {
        Rest {
            summaries,
            as_of,
            lang,
            published: Publication::default(),
        }
    }

    /// The address the site is published at, who publishes it, its licence and contact,
    /// for `dcat.rdf`.
    pub fn published(mut self, published: Publication) -> Self {
        self.published = published;
        self
    }

    /// The path of file `k` below the site's folder.
    pub fn path(k: usize) -> &'static str {
        if k == 0 { "index.html" } else { DATA[k - 1] }
    }

    /// Whether file `k` is best written straight to its file as it is made (it is as large
    /// as the data: `pledges.json`) rather than made in memory first.
    pub fn streams(k: usize) -> bool {
        k == 1
    }

    /// Writes the bytes of file `k` to `w`.
    pub fn write(&self, k: usize, w: &mut dyn io::Write) -> io::Result<()> {
        let (ss, lang) = (&self.summaries, self.lang);
        match k {
            0 => {
                let entries: Vec<&index::Entry> = ss.iter().map(|s| &s.entry).collect();
                w.write_all(index::render_entries(&entries, self.as_of, lang).as_bytes())
            }
            1 => {
                let parts = ss.iter().map(|s| s.json.as_slice());
                data::write_status_parts(&mut *w, self.as_of, parts)?;
                w.write_all(b"\n")
            }
            2 => {
                w.write_all(crate::view::csv::status_words_csv(&[], lang).as_bytes())?;
                ss.iter().try_for_each(|s| w.write_all(s.csv.as_bytes()))
            }
            3 => w.write_all(data::datapackage(self.as_of, lang).as_bytes()),
            4 => {
                let mut events: Vec<&crate::view::calendar::Event> =
                    ss.iter().flat_map(|s| &s.events).collect();
                // As `calendar::events` orders them.
                events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
                let events: Vec<crate::view::calendar::Event> =
                    events.into_iter().cloned().collect();
                let name = index::shared_name(ss.iter().map(|s| s.entry.name()), lang);
                w.write_all(crate::view::calendar::ics::write(&name, lang, &events).as_bytes())
            }
            _ => {
                let name = index::shared_name(ss.iter().map(|s| s.entry.name()), lang);
                let p = &self.published;
                let d = data::Dcat {
                    as_of: self.as_of,
                    lang,
                    base: p.base.as_deref(),
                    // The löften's one kommun (or owner) by default, from "Medborgarlöften
                    // – Hagfors"; without one, the löften's general name.
                    publisher: p.publisher.as_deref().unwrap_or_else(|| {
                        name.split_once(" – ").map_or(name.as_str(), |(_, who)| who)
                    }),
                    licence: p.licence.as_deref(),
                    contact: p.contact.as_deref(),
                    loften: ss.len(),
                };
                w.write_all(data::dcat(&d).as_bytes())
            }
        }
    }
}

/// The whole site in memory, in the order the marker lists its files: `index.html`, one
/// `<dir>/index.html` per löfte, then the data files (`pledges.json`, `pledges.csv`, `datapackage.json`, `calendar.ics`, `dcat.rdf`) (for tests and small folders; `pledge site`
/// writes each file as it is made).
pub fn build(statuses: &[PledgeStatus<'_>], lang: Lang) -> Vec<SiteFile> {
    let dirs = page_dirs(statuses.iter().map(|s| s.pledge));
    let as_of = statuses.first().map_or(NaiveDate::MIN, |s| s.as_of);
    let rest = Rest::new(
        statuses
            .iter()
            .zip(&dirs)
            .map(|(s, d)| {
                let file = std::path::Path::new(&s.pledge.file)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(&s.pledge.file);
                summary(s, d, file, lang)
            })
            .collect(),
        as_of,
        lang,
    );
    let made = |k: usize| {
        let mut bytes = Vec::new();
        rest.write(k, &mut bytes)
            .expect("writing into memory cannot fail");
        SiteFile {
            path: Rest::path(k).to_string(),
            bytes,
        }
    };
    let mut files = vec![made(0)];
    for (s, dir) in statuses.iter().zip(&dirs) {
        files.push(SiteFile {
            path: format!("{dir}/index.html"),
            bytes: page(s, lang).into_bytes(),
        });
    }
    files.extend((1..Rest::LEN).map(made));
    files
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
    dirs_of(pledges.map(|p| p.file.as_str()))
}

/// [`page_dirs`] of files named so.
pub fn dirs_of<'a>(files: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut taken = BTreeSet::new();
    files
        .map(|f| {
            let base = dir_base(f);
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

/// A file's folder before it is made unique: its stem as a slug, `lofte` when that is empty.
/// Where no two files of a folder share one, each file's folder is this, whichever of them
/// the site shows.
pub fn dir_base(file: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let base = crate::text::slug(stem);
    if base.is_empty() {
        "lofte".into()
    } else {
        base
    }
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
    /// The count with its status word agreeing in number, as `status` writes it: "2 missade".
    pub text: String,
}

/// The statuses of these activities' headlines, counted in [`ORDER`], without zeros.
pub fn tallies(statuses: impl Iterator<Item = Status> + Clone, lang: Lang) -> Vec<Tally> {
    ORDER
        .iter()
        .map(|o| {
            let count = statuses.clone().filter(|s| s == o).count();
            Tally {
                badge: badge(*o, lang),
                count,
                text: lang.status_count(*o, count),
            }
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
