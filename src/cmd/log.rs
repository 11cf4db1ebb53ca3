//! `log`: recorded work, oldest first.
//!
//! The log streams: files are read and loaded on all cores, and in those threads each
//! löfte's matching entries are written at once as the bytes of the format asked for (a CSV
//! line, a JSON entry without the file and kommuner its file shares, a table row's safe cells
//! with their widths) and the löfte is dropped. At the end only a compact key per entry (its
//! date and number) is sorted, by date, then file, then place in the file, and the bytes are
//! copied out in that order through one buffer: memory stays near the size of the output,
//! not of every löfte with its text.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};

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
    // A workbook and the Excel CSV are made from the CSV (see `list::emit`).
    let format = match a.format {
        ListFormat::Xlsx | ListFormat::ExcelCsv => ListFormat::Csv,
        f => f,
    };
    let shape = match format {
        ListFormat::Json => Shape::Json,
        ListFormat::Table => Shape::Table(ctx.lang),
        _ => Shape::Csv,
    };
    let paths = store::pledge_files(&dir)?;
    let take = |_, f| filter.take(f, shape);
    let files = store::read_each(&paths, ctx.read_cutoff(), false, take)?;
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
    let rows = Sorted::of(&files);
    // One kommun's whole log: its entries are numbered as `undo --index` counts them.
    let numbered = ks.len() == 1 && a.since.is_none() && a.until.is_none() && a.activity.is_none();
    if a.output.is_none() && format == a.format {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut ctx.out);
        rows.write(&mut out, shape, numbered, ctx.width)?;
        out.flush()?;
    } else {
        // A workbook, the Excel CSV or a file: made whole, then written (see `list::emit`).
        let mut buf = Vec::new();
        rows.write(&mut buf, shape, numbered, ctx.width)?;
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
    // The process ends next: its memory goes back at once, not piece by piece.
    std::mem::forget(rows);
    std::mem::forget(files);
    let ws = Workspace {
        dir,
        files: broken
            .into_iter()
            .filter_map(|f| f.err().map(|f| *f))
            .collect(),
    };
    ws.exit_code(&mut ctx.err)
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

/// What each entry shown is written as, in the threads that load the files: the format's
/// bytes for it, so only copying them in date order is left for the end.
#[derive(Clone, Copy)]
enum Shape {
    Csv,
    /// Each entry's own part; the file's part of it (its file and kommuner) is written once.
    Json,
    /// The cells of each row, made safe and measured.
    Table(crate::i18n::Lang),
}

/// The entries shown from one file, written as their [`Shape`] says.
struct Entries {
    /// Whether the `--activity` asked for is one of this löfte's.
    activity_found: bool,
    /// JSON: the part of an entry that every entry of the file shares.
    head: Box<[u8]>,
    /// The entries' bytes, one after another.
    text: Vec<u8>,
    /// Each entry's date and where its bytes end in `text`, in file order.
    rows: Vec<(NaiveDate, usize)>,
    /// A table's: the widths of each row's cells.
    widths: Vec<view::table::Cells>,
}

impl Entries {
    /// The bytes of row `r`.
    fn row(&self, r: usize) -> &[u8] {
        let start = if r == 0 { 0 } else { self.rows[r - 1].1 };
        &self.text[start..self.rows[r].1]
    }
}

impl Filter<'_> {
    /// The entries of a file this filter shows, or the file when it could not be loaded.
    fn take(&self, mut f: SourceFile, shape: Shape) -> Result<Entries, Box<SourceFile>> {
        match f.loaded.pledge.take() {
            Some(p) => Ok(self.entries(&p, shape)),
            // The loader gives a löfte only for a file without errors.
            None => Err(Box::new(f)),
        }
    }

    fn entries(&self, p: &Pledge, shape: Shape) -> Entries {
        let mut out = Entries {
            activity_found: self.activity.is_none(),
            head: Box::default(),
            text: Vec::new(),
            rows: Vec::new(),
            widths: Vec::new(),
        };
        if !self.ks.is_empty() && !p.kommuner.iter().any(|k| self.ks.contains(k)) {
            return out;
        }
        let only = match self.activity {
            Some(q) => match resolve::activity(p, q) {
                Ok(t) => Some(t.id().to_string()),
                Err(_) => return out,
            },
            None => None,
        };
        out.activity_found = true;
        for e in &p.log {
            if self.since.is_some_and(|d| e.date < d)
                || self.until.is_some_and(|d| e.date > d)
                || only.as_ref().is_some_and(|id| &e.activity != id)
                // Work a shared löfte records for another kommun: not this kommun's.
                || e.kommun.is_some_and(|k| !self.ks.is_empty() && !self.ks.contains(&k))
            {
                continue;
            }
            let l = LogLine::of(p, e);
            match shape {
                Shape::Csv => view::csv::log_record(&mut out.text, &l),
                Shape::Json => view::json::log_entry_tail(&mut out.text, &l),
                Shape::Table(lang) => {
                    let wd = view::table::log_row(&mut out.text, &l, lang);
                    out.widths.push(wd);
                }
            }
            out.rows.push((e.date, out.text.len()));
        }
        if matches!(shape, Shape::Json) && !out.rows.is_empty() {
            let mut head = Vec::new();
            view::json::log_entry_head(&mut head, &p.file, &p.kommuner);
            out.head = head.into_boxed_slice();
        }
        out.text.shrink_to_fit();
        out.rows.shrink_to_fit();
        out.widths.shrink_to_fit();
        out
    }
}

/// The entries of every file, oldest first; entries of one day by file, then in file order.
struct Sorted<'a> {
    files: &'a [Entries],
    /// Each entry's date (in its high half) and number (files in order, each file's entries
    /// in file order), sorted.
    keys: Vec<u64>,
    /// Each entry's file and place in it, by number.
    at: Vec<(u32, u32)>,
}

impl<'a> Sorted<'a> {
    fn of(files: &'a [Entries]) -> Sorted<'a> {
        let n: usize = files.iter().map(|f| f.rows.len()).sum();
        let (mut keys, mut at) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for (i, f) in files.iter().enumerate() {
            for (r, &(date, _)) in f.rows.iter().enumerate() {
                // Days as unsigned, in the same order.
                let day = (date.num_days_from_ce() as u32) ^ (1 << 31);
                keys.push(u64::from(day) << 32 | at.len() as u64);
                at.push((i as u32, r as u32));
            }
        }
        keys.sort_unstable();
        Sorted { files, keys, at }
    }

    /// Each entry in order: its file and place in it.
    fn each(&self) -> impl Iterator<Item = (&'a Entries, usize)> + '_ {
        self.keys.iter().map(|&k| {
            let (f, r) = self.at[k as u32 as usize];
            (&self.files[f as usize], r as usize)
        })
    }

    /// Writes the entries in a plain format (JSON, CSV or a table), one at a time.
    fn write(
        &self,
        mut out: impl Write,
        shape: Shape,
        numbered: bool,
        width: Option<usize>,
    ) -> Result<()> {
        match shape {
            Shape::Json => {
                let entries = self
                    .each()
                    .enumerate()
                    .map(|(i, (f, r))| (numbered.then_some(i + 1), &f.head[..], f.row(r)));
                view::json::write_log_entries(&mut out, entries)?;
                writeln!(out)?;
            }
            Shape::Table(lang) => {
                let rows = || self.each().map(|(f, r)| (f.row(r), &f.widths[r]));
                view::table::write_log_rows(&mut out, rows, lang, width)?;
            }
            Shape::Csv => {
                let mut header = Vec::new();
                view::csv::log_header(&mut header);
                out.write_all(&header)?;
                for (f, r) in self.each() {
                    out.write_all(f.row(r))?;
                }
            }
        }
        Ok(())
    }
}
