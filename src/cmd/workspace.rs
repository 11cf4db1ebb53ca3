//! The loaded pledges folder, and finding a kommun an argument names.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::choose::name_may_hold;
use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::store::{self, SourceFile};
use crate::text::plural;

/// All pledge files of the folder, loaded.
pub struct Workspace {
    pub dir: PathBuf,
    pub files: Vec<SourceFile>,
}

impl Workspace {
    pub fn open(dir: Option<PathBuf>, today: NaiveDate) -> Result<Workspace> {
        let dir = store::find_dir(dir.as_deref())?;
        let paths = store::pledge_files(&dir)?;
        let files = store::read_all(&paths, today, false)?;
        Ok(Workspace { dir, files })
    }

    /// The workspace for one kommun, reading as little as it can: first the files named after
    /// the kommun whose name's years hold `year` (`filipstad-2016.toml`,
    /// `kristinehamn-2016-2017.toml`), then all files named after the kommun, then the whole
    /// folder, stopping as soon as `enough` is satisfied (a löfte named after another kommun
    /// is still found). Also returns the kommun; an unknown one is an error naming the
    /// closest. Files keep their text (for writing back).
    pub fn for_kommun(
        dir: PathBuf,
        arg: &str,
        today: NaiveDate,
        year: Option<i32>,
        enough: impl Fn(&Workspace, &'static Kommun) -> bool,
    ) -> Result<(Workspace, &'static Kommun)> {
        let Some(k) = kommuner::find(arg) else {
            let ws = Workspace {
                files: store::read_all(&store::pledge_files(&dir)?, today, false)?,
                dir,
            };
            return Err(resolve_kommun(arg, &ws).expect_err("the kommun is unknown"));
        };
        let prefix = format!("{}-", crate::text::slug(k.name));
        let named = store::pledge_files_where(&dir, |name| name.starts_with(&prefix))?;
        let in_year: Vec<PathBuf> = named
            .iter()
            .filter(|p| year.is_none_or(|y| name_may_hold(p, y)))
            .cloned()
            .collect();
        let mut tiers = vec![in_year];
        if tiers[0].len() < named.len() {
            tiers.push(named);
        }
        for tier in tiers {
            let ws = Workspace {
                files: store::read_all(&tier, today, true)?,
                dir: dir.clone(),
            };
            if enough(&ws, k) {
                return Ok((ws, k));
            }
        }
        let ws = Workspace {
            files: store::read_all(&store::pledge_files(&dir)?, today, true)?,
            dir,
        };
        Ok((ws, k))
    }

    pub fn pledges(&self) -> impl Iterator<Item = &Pledge> {
        self.files.iter().filter_map(|f| f.loaded.pledge.as_ref())
    }

    /// The file a pledge was loaded from.
    pub fn file_of(&self, p: &Pledge) -> &SourceFile {
        self.files
            .iter()
            .find(|f| f.display == p.file)
            .expect("every pledge comes from a file of the workspace")
    }

    /// How many files could not be loaded.
    pub fn broken(&self) -> usize {
        self.files.iter().filter(|f| f.loaded.has_errors()).count()
    }

    /// Files with errors, named on `err` with their first error; true when there were any.
    pub fn report_broken(&self, err: &mut dyn Write) -> Result<bool> {
        let mut any = false;
        for f in self.files.iter().filter(|f| f.loaded.has_errors()) {
            any = true;
            let errors = f.loaded.diags.iter().filter(|d| d.is_error()).count();
            if let Some(d) = f.loaded.diags.iter().find(|d| d.is_error()) {
                writeln!(
                    err,
                    "{}\n  ({} error{} in all; `pledge validate {}` shows them; the file is left out)",
                    crate::diag::one_line(&f.display, &f.text, d),
                    errors,
                    plural(errors),
                    f.display
                )?;
            }
        }
        Ok(any)
    }

    /// The exit code of a command that reads the folder: 1 when some file was left out.
    pub fn exit_code(&self, err: &mut dyn Write) -> Result<u8> {
        Ok(if self.report_broken(err)? { 1 } else { 0 })
    }
}

/// The refusal when two of `found` are the same löfte (the same kommuner and area, with
/// overlapping periods): `--area` cannot tell them apart, so the advice is to remove one.
pub fn same_lofte_twice(found: &[&Pledge]) -> Option<String> {
    let kommuner = |p: &Pledge| {
        let mut ks: Vec<&str> = p.kommuner.iter().map(|k| k.kod).collect();
        ks.sort_unstable();
        ks
    };
    found.iter().enumerate().find_map(|(i, a)| {
        found[i + 1..]
            .iter()
            .find(|b| {
                a.area == b.area && a.period.overlaps(&b.period) && kommuner(a) == kommuner(b)
            })
            .map(|b| {
                format!(
                    "the same löfte is in two files: {} ({} to {}) and {} ({} to {}); remove \
                     one (or, if they are two löften, end the older the day before the newer \
                     starts)",
                    a.file, a.period.start, a.period.end, b.file, b.period.start, b.period.end
                )
            })
    })
}

/// Finds the kommun an argument names, with the closest names when it names none.
pub fn resolve_kommun(arg: &str, ws: &Workspace) -> Result<&'static Kommun> {
    if let Some(k) = kommuner::find(arg) {
        return Ok(k);
    }
    let mut msg = format!("unknown kommun \"{}\"", crate::text::safe(arg, false));
    let close = kommuner::suggest(arg);
    if !close.is_empty() {
        msg.push_str(&format!("; did you mean {}?", close.join(" or ")));
    }
    msg.push_str(&format!(
        "\n  the folder has löften for: {}",
        folder_kommuner(ws)
    ));
    bail!(msg)
}

fn folder_kommuner(ws: &Workspace) -> String {
    let mut names: Vec<&str> = ws
        .pledges()
        .flat_map(|p| p.kommuner.iter().map(|k| k.name))
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        "(none)".into()
    } else {
        names.join(", ")
    }
}
