//! `log`: recorded work, oldest first.
//!
//! The log streams: files are read and loaded on all cores, and each löfte is dropped as soon
//! as its matching entries are taken out of it as small rows (a date, indexes into the file's
//! activity ids and names, the note). The rows are sorted by date (then file, then place in
//! the file) and written one at a time through a buffer, so memory stays near the size of the
//! entries shown rather than of every löfte with its text.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::list::Output;
use super::{Ctx, Workspace, resolve_kommun};
use crate::cli::{ListFormat, LogArgs};
use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::resolve;
use crate::store::{self, SourceFile};
use crate::text::safe;
use crate::view::{self, LogLine};

pub fn log(dir: Option<PathBuf>, a: LogArgs, ctx: &mut Ctx) -> Result<u8> {
    let dir = store::find_dir(dir.as_deref())?;
    let ks = kommuner_of(&dir, &a, ctx)?;
    let filter = Filter {
        ks: &ks,
        since: a.since.map(|d| ctx.date(d)),
        until: a.until.map(|d| ctx.date(d)),
        activity: a.activity.as_deref(),
    };
    let paths = store::pledge_files(&dir)?;
    let files = store::read_each(&paths, ctx.read_cutoff(), false, |_, f| filter.take(f))?;
    let (files, broken): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| f.is_ok());
    let files: Vec<Entries> = files.into_iter().filter_map(Result::ok).collect();
    if a.activity.is_some() && !files.iter().any(|f| f.activity_found) {
        bail!(
            "no löfte{} has an activity matching \"{}\"",
            if ks.is_empty() {
                ""
            } else {
                " of those kommuner"
            },
            safe(a.activity.as_deref().unwrap_or_default(), false)
        );
    }
    let rows = sorted(&files);
    // One kommun's whole log: its entries are numbered as `undo --index` counts them.
    let numbered = ks.len() == 1 && a.since.is_none() && a.until.is_none() && a.activity.is_none();
    let lines = || {
        rows.iter().enumerate().map(|(i, &(f, r))| LogLine {
            index: numbered.then_some(i + 1),
            ..files[f].line(r)
        })
    };
    let streamed = a.output.is_none()
        && matches!(
            a.format,
            ListFormat::Json | ListFormat::Csv | ListFormat::Table
        );
    if streamed {
        let mut out = std::io::BufWriter::new(&mut ctx.out);
        write_lines(&mut out, a.format, lines, ctx.lang, ctx.width)?;
        out.flush()?;
    } else {
        // A workbook, the Excel CSV or a file: made whole, then written (see `list::emit`).
        let mut buf = Vec::new();
        let plain = match a.format {
            ListFormat::Xlsx | ListFormat::ExcelCsv => ListFormat::Csv,
            f => f,
        };
        write_lines(&mut buf, plain, lines, ctx.lang, ctx.width)?;
        let text = String::from_utf8(buf)?;
        let out = match a.format {
            ListFormat::Xlsx | ListFormat::ExcelCsv => Output::sheet(
                text,
                a.format == ListFormat::Xlsx,
                a.format == ListFormat::ExcelCsv,
                "Logg",
            )?,
            _ => Output::Text(text),
        };
        super::list::emit(ctx, &out, a.output.as_deref())?;
    }
    let ws = Workspace {
        dir,
        files: broken
            .into_iter()
            .filter_map(|f| f.err().map(|f| *f))
            .collect(),
        temporaries: Vec::new(),
    };
    ws.exit_code(&mut ctx.err)
}

/// Writes the lines in a plain format (JSON, CSV or a table), one at a time.
fn write_lines<'a, I: Iterator<Item = LogLine<'a>>>(
    mut out: impl Write,
    format: ListFormat,
    lines: impl Fn() -> I,
    lang: crate::i18n::Lang,
    width: Option<usize>,
) -> Result<()> {
    match format {
        ListFormat::Json => {
            view::json::write_log(&mut out, lines())?;
            writeln!(out)?;
        }
        ListFormat::Table => view::table::write_log_table(&mut out, lines, lang, width)?,
        _ => view::csv::write_log_csv(&mut out, lines())?,
    }
    Ok(())
}

/// The kommuner the arguments name; an unknown one is an error naming the folder's kommuner
/// (the only case that reads the whole folder for it).
fn kommuner_of(dir: &std::path::Path, a: &LogArgs, ctx: &Ctx) -> Result<Vec<&'static Kommun>> {
    a.kommuner
        .iter()
        .map(|k| match kommuner::find(k) {
            Some(k) => Ok(k),
            None => resolve_kommun(k, &Workspace::open(Some(dir.into()), ctx.read_cutoff())?),
        })
        .collect()
}

/// What `log` shows.
struct Filter<'a> {
    ks: &'a [&'static Kommun],
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    activity: Option<&'a str>,
}

/// One entry shown: where it sorts and what it says, the strings shared within its file.
struct Row {
    date: NaiveDate,
    /// The entry's place in its file (entries of one day and file keep file order).
    at: u32,
    count: u32,
    activity: u32,
    /// `u32::MAX`: no `by` (likewise no part, no unit).
    by: u32,
    part: u32,
    unit: u32,
    kommun: Option<&'static Kommun>,
    request: bool,
    note: Option<Box<str>>,
}

/// The entries shown from one file, with the strings they share.
struct Entries {
    file: String,
    kommuner: Vec<&'static Kommun>,
    /// Whether the `--activity` asked for is one of this löfte's.
    activity_found: bool,
    names: Names,
    rows: Vec<Row>,
}

impl Entries {
    fn line<'a>(&'a self, r: &'a Row) -> LogLine<'a> {
        LogLine {
            file: &self.file,
            kommuner: &self.kommuner,
            date: r.date,
            activity: self.names.get(r.activity).unwrap_or_default(),
            part: self.names.get(r.part),
            unit: self.names.get(r.unit),
            kommun: r.kommun,
            request: r.request,
            count: r.count,
            by: self.names.get(r.by),
            note: r.note.as_deref(),
            index: None,
        }
    }
}

impl Filter<'_> {
    /// The entries of a file this filter shows, or the file when it could not be loaded.
    fn take(&self, mut f: SourceFile) -> std::result::Result<Entries, Box<SourceFile>> {
        match f.loaded.pledge.take() {
            Some(p) => Ok(self.entries(p)),
            // The loader gives a löfte only for a file without errors.
            None => Err(Box::new(f)),
        }
    }

    fn entries(&self, p: Pledge) -> Entries {
        let mut out = Entries {
            file: String::new(),
            kommuner: Vec::new(),
            activity_found: self.activity.is_none(),
            names: Names::default(),
            rows: Vec::new(),
        };
        if !self.ks.is_empty() && !p.kommuner.iter().any(|k| self.ks.contains(k)) {
            return out;
        }
        let only = match self.activity {
            Some(q) => match resolve::activity(&p, q) {
                Ok(t) => Some(t.id().to_string()),
                Err(_) => return out,
            },
            None => None,
        };
        out.activity_found = true;
        for e in p.log {
            if self.since.is_some_and(|d| e.date < d)
                || self.until.is_some_and(|d| e.date > d)
                || only.as_ref().is_some_and(|id| &e.activity != id)
                // Work a shared löfte records for another kommun: not this kommun's.
                || e.kommun.is_some_and(|k| !self.ks.is_empty() && !self.ks.contains(&k))
            {
                continue;
            }
            out.rows.push(Row {
                date: e.date,
                at: u32::try_from(e.span.start).unwrap_or(u32::MAX),
                count: e.count,
                activity: out.names.id(&e.activity),
                by: e.by.as_deref().map_or(u32::MAX, |b| out.names.id(b)),
                part: e.part.as_deref().map_or(u32::MAX, |s| out.names.id(s)),
                unit: e.unit.as_deref().map_or(u32::MAX, |s| out.names.id(s)),
                kommun: e.kommun,
                request: e.request,
                note: e.note.map(String::into_boxed_str),
            });
        }
        if !out.rows.is_empty() {
            out.file = p.file;
            out.kommuner = p.kommuner;
        }
        out.rows.shrink_to_fit();
        out
    }
}

/// The rows of every file, oldest first; entries of one day by file, then in file order.
fn sorted(files: &[Entries]) -> Vec<(usize, &Row)> {
    let mut rows: Vec<(usize, &Row)> = files
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.rows.iter().map(move |r| (i, r)))
        .collect();
    // Files come sorted by path, and within a file rows are pushed in log order.
    rows.sort_unstable_by_key(|&(f, r)| (r.date, f, r.at));
    rows
}

/// The activity ids and names of one file's entries, each kept once: a file's entries repeat
/// a few of them. A map is built only when a file has many.
#[derive(Default)]
struct Names {
    list: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Names {
    const MAP_FROM: usize = 16;

    fn id(&mut self, s: &str) -> u32 {
        let found = if self.list.len() < Self::MAP_FROM {
            self.list.iter().position(|n| &**n == s).map(|i| i as u32)
        } else {
            self.index.get(s).copied()
        };
        if let Some(i) = found {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.into());
        if self.list.len() == Self::MAP_FROM {
            self.index = (self.list.iter().cloned()).zip(0..).collect();
        } else if self.list.len() > Self::MAP_FROM {
            self.index.insert(s.into(), i);
        }
        i
    }

    fn get(&self, i: u32) -> Option<&str> {
        self.list.get(i as usize).map(|s| &**s)
    }
}
