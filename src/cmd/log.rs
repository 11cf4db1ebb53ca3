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

use super::output::Output;
use super::{Ctx, Usage, Workspace, resolve_kommun};
use crate::cli::{ListFormat, LogArgs};
use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::rules::resolve;
use crate::store::{self, SourceFile};
use crate::text::safe;
use crate::view::messages::Words;
use crate::view::{self, LogLine, RecordMsg};

pub fn log(dir: Option<PathBuf>, a: LogArgs, ctx: &mut Ctx) -> Result<u8> {
    let since = a.since.map(|d| ctx.date(d));
    let until = a.until.map(|d| ctx.date(d));
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        return Err(Usage(RecordMsg::SinceAfterUntil { since, until }.say(ctx.lang)).into());
    }
    let dir = store::find_dir(dir.as_deref(), ctx.here())?;
    let ks = kommuner_of(&dir, &a, ctx)?;
    let filter = Filter {
        ks: &ks,
        since,
        until,
        activity: a.activity.as_deref(),
    };
    // A workbook and the Excel CSV are made from the CSV (see `output::emit`).
    let format = match a.out.format {
        ListFormat::Xlsx | ListFormat::ExcelCsv => ListFormat::Csv,
        f => f,
    };
    let shape = match format {
        ListFormat::Json => Shape::Json,
        ListFormat::Table => Shape::Table(ctx.lang),
        _ => Shape::Csv,
    };
    let take = |f| filter.take(f, shape);
    let of = (!ks.is_empty()).then(|| ks.iter().map(|k| store::Needle::of(k)).collect::<Vec<_>>());
    let files = store::read_each_of(
        &dir,
        ctx.here(),
        ctx.read_cutoff(),
        false,
        of.as_deref(),
        take,
    )?;
    let (files, broken): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| f.is_ok());
    let files: Vec<Entries> = files.into_iter().filter_map(Result::ok).collect();
    if a.activity.is_some() && !files.iter().any(|f| f.activity_found) {
        let none = RecordMsg::NoActivityMatching {
            query: &safe(a.activity.as_deref().unwrap_or_default(), false),
            of_those: !ks.is_empty(),
        };
        bail!(none.say(ctx.lang));
    }
    let rows = Sorted::of(&files);
    // One kommun's whole log: its entries are numbered as `undo --index` counts them.
    let numbered = ks.len() == 1 && a.since.is_none() && a.until.is_none() && a.activity.is_none();
    if a.out.output.is_none() && format == a.out.format {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut ctx.out);
        rows.write(&mut out, shape, numbered, ctx.width)?;
        out.flush()?;
    } else {
        // A workbook, the Excel CSV or a file: made whole, then written (see `output::emit`).
        let mut buf = Vec::new();
        rows.write(&mut buf, shape, numbered, ctx.width)?;
        let text = String::from_utf8(buf)?;
        let out = match a.out.format {
            ListFormat::Xlsx | ListFormat::ExcelCsv => Output::sheet(
                text,
                a.out.format == ListFormat::Xlsx,
                a.out.format == ListFormat::ExcelCsv,
                "Logg",
                ctx.lang,
            )?,
            _ => Output::Text(text),
        };
        super::output::emit(ctx, &out, a.out.output.as_deref())?;
    }
    // The process ends next: its memory goes back at once, not piece by piece.
    std::mem::forget(rows);
    std::mem::forget(files);
    let broken = broken
        .into_iter()
        .filter_map(|f| f.err().map(|f| *f))
        .collect();
    Workspace::of_broken(dir, broken).exit_code_in(&mut ctx.err, ctx.lang, ctx.width)
}

/// The kommuner the arguments name; an unknown one is an error naming the folder's kommuner
/// (the only case that reads the whole folder for it).
fn kommuner_of(dir: &std::path::Path, a: &LogArgs, ctx: &Ctx) -> Result<Vec<&'static Kommun>> {
    a.kommuner
        .iter()
        .map(|k| match kommuner::find(k) {
            Some(k) => Ok(k),
            None => resolve_kommun(
                k,
                &Workspace::open(Some(dir.into()), ctx.here(), ctx.read_cutoff())?,
                ctx.lang,
            ),
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
    Table(crate::view::i18n::Lang),
}

/// The entries shown from one file, written as their [`Shape`] says.
struct Entries {
    /// Whether the `--activity` asked for is one of this löfte's.
    activity_found: bool,
    /// JSON: the part of an entry that every entry of the file shares.
    head: Box<[u8]>,
    /// The entries' bytes, one after another.
    text: Vec<u8>,
    /// Each entry's day (see [`day`]) and where its bytes start in `text`, in file order.
    rows: Vec<(u32, u32)>,
    /// A table's: the widest cell of each column.
    widest: [u32; 6],
}

/// A date as a number in the same order.
fn day(d: NaiveDate) -> u32 {
    (d.num_days_from_ce() as u32) ^ (1 << 31)
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
            widest: [0; 6],
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
        let titles = matches!(shape, Shape::Csv).then(|| Titles::of(p));
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
            let Ok(start) = u32::try_from(out.text.len()) else {
                break; // 4 GiB of one file's entries: not a löfte.
            };
            out.rows.push((day(e.date), start));
            match shape {
                Shape::Csv => {
                    let title = titles.as_ref().map_or("", |t| t.activity(&e.activity));
                    view::csv::log_record(&mut out.text, &l, title);
                }
                Shape::Json => view::json::log_entry_tail(&mut out.text, &l),
                Shape::Table(lang) => {
                    let wd = view::log_table::log_row(&mut out.text, &l, lang);
                    out.widest = std::array::from_fn(|i| out.widest[i].max(wd[i]));
                }
            }
        }
        if let Some(titles) = &titles {
            self.outcomes(p, titles, only.as_deref(), &mut out);
        }
        if matches!(shape, Shape::Json) && !out.rows.is_empty() {
            let mut head = Vec::new();
            view::json::log_entry_head(&mut head, &p.file, &p.kommuner);
            out.head = head.into_boxed_slice();
        }
        out.text.shrink_to_fit();
        out.rows.shrink_to_fit();
        out
    }

    /// The export's rows for the löfte's measured values and verdicts (CSV only: the
    /// terminal's log and its JSON list work), after its work; with `--activity`, only the
    /// verdicts on that activity.
    fn outcomes(&self, p: &Pledge, titles: &Titles, only: Option<&str>, out: &mut Entries) {
        let shown = |d: NaiveDate| {
            !(self.since.is_some_and(|s| d < s) || self.until.is_some_and(|u| d > u))
        };
        let push = |date: NaiveDate, out: &mut Entries| -> bool {
            let Ok(start) = u32::try_from(out.text.len()) else {
                return false;
            };
            out.rows.push((day(date), start));
            true
        };
        for m in p
            .measurements
            .iter()
            .filter(|m| only.is_none() && shown(m.date))
        {
            if !push(m.date, out) {
                return;
            }
            let name = titles.indicator(&m.indicator);
            view::csv::measurement_record(&mut out.text, p, m, name);
        }
        let on = |v: &&crate::model::outcome::VerdictEntry| only.is_none_or(|a| v.activity == a);
        for v in p.verdicts.iter().filter(on).filter(|v| shown(v.date)) {
            if !push(v.date, out) {
                return;
            }
            view::csv::verdict_record(&mut out.text, p, v, titles.activity(&v.activity));
        }
    }
}

/// The titles a person reads for a löfte's activity, part and indicator ids.
struct Titles {
    activities: Vec<(String, String)>,
    indicators: Vec<(String, String)>,
}

impl Titles {
    fn of(p: &Pledge) -> Titles {
        let mut activities = Vec::new();
        for a in &p.activities {
            activities.push((a.id.clone(), view::title::activity_title(a)));
            for part in &a.parts {
                activities.push((part.id.clone(), view::title::activity_title(part)));
            }
        }
        let indicators = p.indicators.iter().map(|i| (i.id.clone(), i.name.clone()));
        Titles {
            activities,
            indicators: indicators.collect(),
        }
    }

    /// An activity's (or part's) title; an id the löfte does not have (the follow-up, an
    /// event) has none.
    fn activity(&self, id: &str) -> &str {
        self.activities
            .iter()
            .find(|(a, _)| a == id)
            .map_or("", |(_, t)| t)
    }

    fn indicator(&self, id: &str) -> &str {
        self.indicators
            .iter()
            .find(|(i, _)| i == id)
            .map_or("", |(_, t)| t)
    }
}

/// The entries of every file, oldest first; entries of one day by file, then in file order.
struct Sorted<'a> {
    /// Each file's entries' bytes, and (JSON) the part its entries share.
    texts: Vec<(&'a [u8], &'a [u8])>,
    /// Each entry in order: its file, and where its bytes start and end in the file's.
    order: Vec<(u32, u32, u32)>,
    widest: [u32; 6],
}

impl<'a> Sorted<'a> {
    /// The entries in order. Entries come by file, each file's in file order, so sorting by
    /// day alone, stably, orders them. Counting the entries of each day does that in two
    /// sequential passes when the days span no more than a few times the entries (any real
    /// log); otherwise they are sorted.
    fn of(files: &'a [Entries]) -> Sorted<'a> {
        let each = || {
            files.iter().enumerate().flat_map(|(f, e)| {
                let ends = e.rows.iter().skip(1).map(|r| r.1);
                let ends = ends.chain([e.text.len() as u32]);
                (e.rows.iter().zip(ends)).map(move |(&(d, s), end)| (d, (f as u32, s, end)))
            })
        };
        let n: usize = files.iter().map(|f| f.rows.len()).sum();
        let (lo, hi) = each().fold((u32::MAX, 0), |(lo, hi), (d, _)| (lo.min(d), hi.max(d)));
        let order = if n > 0 && ((hi - lo) as usize) < 4 * n + (1 << 16) {
            let mut at = vec![0usize; (hi - lo) as usize + 2];
            for (d, _) in each() {
                at[(d - lo) as usize + 1] += 1;
            }
            for i in 1..at.len() {
                at[i] += at[i - 1];
            }
            let mut order = vec![(0, 0, 0); n];
            for (d, row) in each() {
                let slot = &mut at[(d - lo) as usize];
                order[*slot] = row;
                *slot += 1;
            }
            order
        } else {
            let mut keyed: Vec<_> = each().collect();
            keyed.sort_by_key(|&(d, _)| d);
            keyed.into_iter().map(|(_, row)| row).collect()
        };
        let texts = files.iter().map(|f| (&f.text[..], &f.head[..])).collect();
        let widest = files.iter().fold([0; 6], |w, f| {
            std::array::from_fn(|i| w[i].max(f.widest[i]))
        });
        Sorted {
            texts,
            order,
            widest,
        }
    }

    /// Each entry in order: its bytes and the part of it its file's entries share.
    fn each(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + '_ {
        self.order.iter().map(|&(f, start, end)| {
            let (text, head) = self.texts[f as usize];
            (&text[start as usize..end as usize], head)
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
                    .map(|(i, (row, head))| (numbered.then_some(i + 1), head, row));
                view::json::write_log_entries(&mut out, entries)?;
                writeln!(out)?;
            }
            Shape::Table(lang) => {
                let rows = self.each().map(|(row, _)| row);
                view::log_table::write_log_rows(
                    &mut out,
                    rows,
                    self.widest,
                    lang,
                    width,
                    numbered,
                )?;
            }
            Shape::Csv => {
                let mut header = Vec::new();
                view::csv::log_header(&mut header);
                out.write_all(&header)?;
                for (row, _) in self.each() {
                    out.write_all(row)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(days: &[u32]) -> Entries {
        let text: Vec<u8> = (0..days.len() as u8).map(|i| b'a' + i).collect();
        Entries {
            activity_found: true,
            head: Box::default(),
            rows: days.iter().zip(0..).map(|(&d, s)| (d, s)).collect(),
            text,
            widest: [0; 6],
        }
    }

    #[test]
    fn entries_sort_by_day_then_file_then_file_order_however_far_apart() {
        for far in [40, 10_000_000] {
            let files = [file(&[7, 5, far, 5]), file(&[]), file(&[5, 3, 7])];
            let sorted = Sorted::of(&files);
            let got: Vec<(usize, &[u8])> = sorted
                .order
                .iter()
                .map(|&(f, s, e)| (f as usize, &files[f as usize].text[s as usize..e as usize]))
                .collect();
            let want: Vec<(usize, &[u8])> = vec![
                (2, b"b"),
                (0, b"b"),
                (0, b"d"),
                (2, b"a"),
                (0, b"a"),
                (2, b"c"),
                (0, b"c"),
            ];
            assert_eq!(got, want, "{far}");
        }
    }
}
