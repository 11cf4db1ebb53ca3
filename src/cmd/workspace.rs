//! The loaded pledges folder, and finding a kommun an argument names.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::rules::choose::{self, name_may_hold};
use crate::store::{self, Needle, SourceFile};
use crate::view::Msg;
use crate::view::i18n::Lang;
use crate::view::messages::{CmdMsg, Words};

/// All pledge files of the folder, loaded.
pub struct Workspace {
    pub dir: PathBuf,
    pub files: Vec<SourceFile>,
    /// Writers' temporary files seen when the folder was listed (for a writer to remove
    /// those of killed writers).
    pub temporaries: Vec<PathBuf>,
    /// Files that could hold a löfte of the kommun of [`Workspace::for_kommun`] that were not
    /// read (they hold none in force in the year looked up, or on the day), with their
    /// löften's years and, when known, kommuner, area and period.
    pub unread: Vec<store::Candidate>,
}

impl Workspace {
    pub fn open(dir: Option<PathBuf>, cwd: store::Cwd, today: NaiveDate) -> Result<Workspace> {
        Self::open_keeping(dir, cwd, today, Some)
    }

    /// All pledge files of the folder, each passed through `keep` as soon as it is loaded
    /// (on the core that loaded it): what it drops, a file or part of its löfte, is never
    /// held for the whole folder.
    pub fn open_keeping(
        dir: Option<PathBuf>,
        cwd: store::Cwd,
        today: NaiveDate,
        keep: impl Fn(SourceFile) -> Option<SourceFile> + Sync,
    ) -> Result<Workspace> {
        Self::open_of(dir, cwd, today, None, keep)
    }

    /// [`Workspace::open_keeping`] for the löften of some kommuner (all when `of` is None):
    /// only the files that could hold one are loaded (see [`store::read_each_of`]), with
    /// those that cannot be read.
    pub fn open_of(
        dir: Option<PathBuf>,
        cwd: store::Cwd,
        today: NaiveDate,
        of: Option<&[Needle]>,
        keep: impl Fn(SourceFile) -> Option<SourceFile> + Sync,
    ) -> Result<Workspace> {
        let dir = store::find_dir(dir.as_deref(), cwd)?;
        let files = store::read_each_of(&dir, cwd, today, false, of, keep)?
            .into_iter()
            .flatten()
            .collect();
        Ok(Workspace {
            dir,
            files,
            temporaries: Vec::new(),
            unread: Vec::new(),
        })
    }

    /// The workspace for one kommun, reading as little as it can: the files that could hold a
    /// löfte of the kommun, whatever their names, are found by [`store::kommun_files`] (from
    /// the folder's index alone when its seal holds, else by listing the folder); first those
    /// whose löfte may be in force in the year looked up (by the years its head states, or
    /// for a file named after the kommun, `filipstad-2016.toml`, `kristinehamn-2016-2017.toml`,
    /// by its name), then all of them, then the whole folder, stopping as soon as `enough` is
    /// satisfied (a löfte named after another kommun is still found, and a copy under any
    /// name is read with the file it copies). Also returns the kommun; an unknown one is an
    /// error naming the closest. Files keep their text (for writing back). The candidates not
    /// read are kept ([`Workspace::unread`]) for [`Workspace::refuse_copies`].
    ///
    /// The files named by the folder's convention are read on one core while the candidates
    /// are found on the other.
    pub fn for_kommun(
        dir: PathBuf,
        arg: &str,
        lookup: Lookup<'_>,
        enough: impl Fn(&Workspace, &'static Kommun, Tier) -> bool,
    ) -> Result<(Workspace, &'static Kommun)> {
        let (today, cwd) = (lookup.today, lookup.cwd);
        let Some(k) = kommuner::find(arg) else {
            let ws = Workspace {
                files: store::read_all(&store::pledge_files(&dir)?, cwd, today, false)?,
                dir,
                temporaries: Vec::new(),
                unread: Vec::new(),
            };
            return Err(resolve_kommun(arg, &ws, lookup.lang).expect_err("the kommun is unknown"));
        };
        let prefix = format!("{}-", crate::text::slug(k.name));
        if let Some(date) = lookup.on {
            let found = store::kommun_files(&dir, cwd, k.kod, &prefix)?;
            let ws = on_date(dir.clone(), k, &prefix, &lookup, Some(date), found)?;
            if enough(&ws, k, Tier::OnDate) {
                return Ok((ws, k));
            }
        }
        let (found, mut probed) = std::thread::scope(|s| {
            let finding = s.spawn(|| store::kommun_files(&dir, cwd, k.kod, &prefix));
            let probed = read_by_name(&dir, k, &lookup);
            let found = finding
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("the folder listing panicked")));
            (found, probed)
        });
        let found = found?;
        let mut named = found.candidates;
        // Files that cannot be read are named when their names say they may be the kommun's.
        let unreadable: Vec<SourceFile> = found
            .unreadable
            .into_iter()
            .filter(|f| is_named(&f.path, &prefix))
            .collect();
        let unreadable_paths: Vec<PathBuf> = unreadable.iter().map(|f| f.path.clone()).collect();
        probed.extend(unreadable);
        named.sort_by(|a, b| a.path.cmp(&b.path));
        let of_year = |c: &store::Candidate| of_year(c, &prefix, lookup.year);
        let in_year = named.iter().filter(|c| of_year(c)).count();
        let mut tiers = Vec::new();
        if in_year < named.len() {
            tiers.push(Tier::OfYear);
        }
        tiers.push(Tier::Named);
        for tier in tiers {
            let (paths, unread): (Vec<_>, Vec<_>) = named
                .iter()
                .cloned()
                .partition(|c| tier == Tier::Named || of_year(c));
            let mut paths: Vec<PathBuf> = paths.into_iter().map(|c| c.path).collect();
            paths.extend(unreadable_paths.iter().cloned());
            paths.sort();
            let ws = Workspace {
                files: read_keeping_probed(&paths, &mut probed, cwd, today)?,
                dir: dir.clone(),
                temporaries: found.temporaries.clone(),
                unread,
            };
            if enough(&ws, k, tier) {
                return Ok((ws, k));
            }
            probed = ws.files;
        }
        let ws = Workspace {
            files: store::read_all(&store::pledge_files(&dir)?, cwd, today, true)?,
            dir,
            temporaries: found.temporaries,
            unread: Vec::new(),
        };
        Ok((ws, k))
    }

    /// The files of `dir` that could not be loaded, kept by a command that read the folder
    /// without holding every löfte, to report them and end with [`Workspace::exit_code`].
    pub fn of_broken(dir: PathBuf, broken: Vec<SourceFile>) -> Workspace {
        Workspace {
            dir,
            files: broken,
            temporaries: Vec::new(),
            unread: Vec::new(),
        }
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
        self.report_broken_in(err, Lang::En, None)
    }

    /// [`Workspace::report_broken`] in the language, the words of each line wrapped to
    /// `width` (the first error of a file is the loader's line, as `validate` shows it).
    pub fn report_broken_in(
        &self,
        err: &mut dyn Write,
        lang: Lang,
        width: Option<usize>,
    ) -> Result<bool> {
        let mut any = false;
        for f in self.files.iter().filter(|f| f.loaded.has_errors()) {
            any = true;
            let errors = f.loaded.diags.iter().filter(|d| d.is_error()).count();
            let why = crate::load::unreadable::why(&f.text, &f.loaded.diags);
            let markers = matches!(why, crate::load::says::Why::Markers(_));
            // The file's own words (an id, a kommun) reach a terminal: escape control and
            // bidi characters as every diagnostic does.
            let why = crate::text::safe(&why.say(lang), false);
            if markers {
                let file = &f.display;
                let line = CmdMsg::MarkersLeft { file, why: &why }.say(lang);
                writeln!(err, "{}", super::wrapped(&line, width))?;
                continue;
            }
            if let Some(d) = f.loaded.diags.iter().find(|d| d.is_error()) {
                let first = crate::view::diag_words::one_line(&f.display, &f.text, d, lang);
                let file = &f.display;
                let all = CmdMsg::ErrorsInAll { errors, file }.say(lang);
                writeln!(err, "{first}\n{}", super::wrapped(&all, width))?;
            }
        }
        Ok(any)
    }

    /// The error for "no löfte for `k`" (`msg`), with [`Workspace::unreadable_notes`]; exit 1
    /// when a file that cannot be read may hold the löfte (the folder's files are the
    /// problem, not the command).
    pub fn no_lofte(&self, k: &Kommun, msg: String) -> anyhow::Error {
        self.no_lofte_in(k, msg, Lang::En)
    }

    /// [`Workspace::no_lofte`] with its notes in the language.
    pub fn no_lofte_in(&self, k: &Kommun, msg: String, lang: Lang) -> anyhow::Error {
        let (notes, maybe) = self.unreadable_notes_in(k, lang);
        let msg = format!("{msg}{notes}");
        if maybe {
            super::Refused(msg).into()
        } else {
            anyhow::anyhow!(msg)
        }
    }

    /// Notes naming each file that cannot be read and may hold a löfte of `k`, with why
    /// (conflict markers at line N), then how many other files cannot be read; and whether
    /// any may hold one.
    pub fn unreadable_notes(&self, k: &Kommun) -> (String, bool) {
        self.unreadable_notes_in(k, Lang::En)
    }

    /// [`Workspace::unreadable_notes`] in the language.
    pub fn unreadable_notes_in(&self, k: &Kommun, lang: Lang) -> (String, bool) {
        let (maybe, others): (Vec<&SourceFile>, Vec<&SourceFile>) = self
            .files
            .iter()
            .filter(|f| f.loaded.has_errors())
            .partition(|f| {
                let name = f.path.file_name().map(|n| n.to_string_lossy());
                crate::load::unreadable::may_hold(name.as_deref().unwrap_or(""), &f.text, k)
            });
        let mut notes = String::new();
        for f in &maybe {
            let why = crate::load::unreadable::why(&f.text, &f.loaded.diags);
            let markers = matches!(why, crate::load::says::Why::Markers(_));
            // The file's own words (an id, a kommun) reach a terminal: escape control and
            // bidi characters as every diagnostic does.
            let why = crate::text::safe(&why.say(lang), false);
            let file = &f.display;
            let note = CmdMsg::MayHold {
                file,
                why: &why,
                markers,
            };
            notes.push_str(&format!("\n  {}", note.say(lang)));
        }
        if !others.is_empty() {
            let note = CmdMsg::OthersUnreadable {
                n: others.len(),
                other: !maybe.is_empty(),
            };
            notes.push_str(&format!("\n  {}", note.say(lang)));
        }
        (notes, !maybe.is_empty())
    }

    /// The exit code of a command that reads the folder: 1 when some file was left out. It
    /// ends the command, so the workspace is not freed piece by piece (a national folder's
    /// löften take a few percent of a read command to free): the process ends next and its
    /// memory goes back at once.
    pub fn exit_code(self, err: &mut dyn Write) -> Result<u8> {
        self.exit_code_in(err, Lang::En, None)
    }

    /// [`Workspace::exit_code`], the files left out named in the language and wrapped to
    /// `width`.
    pub fn exit_code_in(self, err: &mut dyn Write, lang: Lang, width: Option<usize>) -> Result<u8> {
        let code = if self.report_broken_in(err, lang, width)? {
            1
        } else {
            0
        };
        std::mem::forget(self);
        Ok(code)
    }
}

/// Which files of the kommun [`Workspace::for_kommun`] has read when it asks whether they
/// are enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Only those whose löfte may hold the day [`Lookup::on`] for the kommun and the area:
    /// the files whose heads say their kommuner, area and period (see [`store::Ident`]) only
    /// when these hold the day, every other file whose name or years allow the year. Enough
    /// only when that settles the command as reading the year's files would (a löfte holding
    /// the day with what was asked for, every löfte read with a stated start): every file
    /// left unread is then known to hold no löfte of the kommun on the day.
    OnDate,
    /// Those whose names allow a löfte in force in the year looked up.
    OfYear,
    /// Every file named after the kommun.
    Named,
}

/// What [`Workspace::for_kommun`] looks for besides the kommun: the year of the löfte (None:
/// any), the area asked for, and the last day an entry may carry when files are read
/// ([`super::Ctx::read_cutoff`]: with `--as-of` in the past, a file holding later entries is
/// read as `validate --as-of` reads it, not refused as holding future entries).
pub struct Lookup<'a> {
    /// The working folder paths are shown from.
    pub cwd: store::Cwd<'a>,
    pub today: NaiveDate,
    /// The language of the error when the kommun is unknown.
    pub lang: Lang,
    pub year: Option<i32>,
    pub area: Option<&'a str>,
    /// The day the löfte must hold, when a löfte of the kommun holding it is all the command
    /// needs besides the copy check ([`Tier::OnDate`]); None to read the year's files.
    pub on: Option<NaiveDate>,
}

/// Whether the candidate's löfte may be in force in `year` (always, without a year): by its
/// name when it is named after the kommun (`prefix`), else by the years its head states.
fn of_year(c: &store::Candidate, prefix: &str, year: Option<i32>) -> bool {
    year.is_none_or(|y| {
        (is_named(&c.path, prefix) && name_may_hold(&c.path, y))
            || store::years_overlap(c.years, (Some(y), Some(y)))
    })
}

/// The workspace of [`Tier::OnDate`]: of the kommun's candidates `found`, those whose
/// [`store::Ident`] says they hold a löfte of `k` in the lookup's area on `date`, and those
/// without one that may be in force in the lookup's year, read; the rest kept unread for the
/// copy check. No file is parsed to learn that it is not the one written to.
fn on_date(
    dir: PathBuf,
    k: &Kommun,
    prefix: &str,
    lookup: &Lookup<'_>,
    date: Option<NaiveDate>,
    found: store::KommunFiles,
) -> Result<Workspace> {
    // A löfte of `k` in the area (holding `date`, when given).
    let holds = |i: &store::Ident, date: Option<NaiveDate>| {
        i.kods.contains(&k.kod)
            && date.is_none_or(|d| i.start <= d && d <= i.end)
            && match (lookup.area, &i.area) {
                (None, _) => true,
                (Some(q), Some(a)) => kommuner::fold(a).starts_with(&kommuner::fold(q)),
                (Some(_), None) => false,
            }
    };
    // With an area, every löfte of the year in it is read too: a command refuses an area
    // that only begins several löften's areas ([`super::refuse_areas_begun`]).
    let (read, unread): (Vec<_>, Vec<_>) =
        found.candidates.into_iter().partition(|c| match &c.ident {
            Some(i) => {
                holds(i, date)
                    || (lookup.area.is_some() && holds(i, None) && of_year(c, prefix, lookup.year))
            }
            None => of_year(c, prefix, lookup.year),
        });
    let mut paths: Vec<PathBuf> = read.into_iter().map(|c| c.path).collect();
    paths.sort();
    let mut files = store::read_all(&paths, lookup.cwd, lookup.today, true)?;
    files.extend(
        found
            .unreadable
            .into_iter()
            .filter(|f| is_named(&f.path, prefix)),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Workspace {
        dir,
        files,
        temporaries: found.temporaries,
        unread,
    })
}

/// Whether the file's name begins with the kommun's (`prefix`: `filipstad-`).
fn is_named(path: &Path, prefix: &str) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
}

/// The files a löfte of `k` in force in the lookup's year has by the folder's convention (the
/// kommun's own, and the area's when one is asked for), read: those that exist.
fn read_by_name(dir: &Path, k: &Kommun, lookup: &Lookup<'_>) -> Vec<SourceFile> {
    let Some(year) = lookup.year else {
        return Vec::new();
    };
    let mut names = conventional_names(k, None, year);
    if lookup.area.is_some() {
        names.extend(conventional_names(k, lookup.area, year));
    }
    names
        .into_iter()
        .map(|name| dir.join(name))
        .filter(|p| p.metadata().is_ok_and(|m| m.is_file()))
        .filter_map(|p| store::read(&p, lookup.cwd, lookup.today).ok())
        .collect()
}

/// The files of `paths`, in their order: those already read taken from `probed`, the others
/// read now.
fn read_keeping_probed(
    paths: &[PathBuf],
    probed: &mut Vec<SourceFile>,
    cwd: store::Cwd,
    today: NaiveDate,
) -> Result<Vec<SourceFile>> {
    let rest: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !probed.iter().any(|f| &f.path == *p))
        .cloned()
        .collect();
    let mut read = store::read_all(&rest, cwd, today, true)?.into_iter();
    Ok(paths
        .iter()
        .filter_map(|p| match probed.iter().position(|f| &f.path == p) {
            Some(i) => Some(probed.swap_remove(i)),
            None => read.next(),
        })
        .collect())
}

/// The longest löfte, in calendar years, whose file [`conventional_names`] finds by name.
const LONGEST_BY_NAME: i32 = 6;

/// The names a löfte of `k` (in `area`) in force in `year` has by the folder's convention:
/// `<kommun>[-<area>]-<year>.toml` and `<kommun>[-<area>]-<first>-<last>.toml` for periods of
/// up to [`LONGEST_BY_NAME`] years holding the year.
fn conventional_names(k: &Kommun, area: Option<&str>, year: i32) -> Vec<String> {
    let mut stem = crate::text::slug(k.name);
    if let Some(a) = area {
        stem.push('-');
        stem.push_str(&crate::text::slug(a));
    }
    let mut names = vec![format!("{stem}-{year}.toml")];
    for first in year - LONGEST_BY_NAME + 1..=year {
        for last in (year.max(first + 1))..first + LONGEST_BY_NAME {
            names.push(format!("{stem}-{first}-{last}.toml"));
        }
    }
    names
}

/// Whether the workspace of [`Tier::OnDate`] settles a command that writes into the löfte of
/// `k` holding `date` (in `area`) with `activity` when one is asked for, which `fits`: every
/// löfte read states its start (an unstated one is judged from the löften before it, which
/// may be unread), and one löfte holds the day as [`choose::pledge_on`] chooses.
pub fn settled_on(
    ws: &Workspace,
    k: &Kommun,
    date: NaiveDate,
    area: Option<&str>,
    activity: Option<&str>,
    fits: impl Fn(&Pledge) -> bool,
) -> bool {
    ws.pledges().all(|p| p.period.start_stated)
        && choose::pledge_on(ws.pledges(), k, date, area, activity)
            .is_ok_and(|(p, r)| fits(p) && r.is_none_or(|r| r.is_ok()))
}

/// What to look for in the files of the kommuner the arguments name: None (every file) when
/// there are none, or one is unknown (its error names the folder's kommuner).
pub fn needles(args: &[String]) -> Option<Vec<Needle>> {
    if args.is_empty() {
        return None;
    }
    args.iter()
        .map(|a| kommuner::find(a).map(Needle::of))
        .collect()
}

/// Finds the kommun an argument names, with the closest names when it names none.
pub fn resolve_kommun(arg: &str, ws: &Workspace, lang: Lang) -> Result<&'static Kommun> {
    if let Some(k) = kommuner::find(arg) {
        return Ok(k);
    }
    let mut msg = unknown_kommun(arg, lang);
    let list = folder_kommuner(ws, arg, lang);
    msg.push_str(&format!(
        "\n  {}",
        Msg::FolderHas(list.as_deref()).say(lang)
    ));
    bail!(msg)
}

/// `unknown kommun "x"; did you mean `X`?` in the language, the closest names in backticks
/// as every did-you-mean quotes them (activities, keys, units): what to type.
pub fn unknown_kommun(arg: &str, lang: Lang) -> String {
    let mut msg = Msg::UnknownKommun(&crate::text::safe(arg, false)).say(lang);
    let close: Vec<String> = kommuner::suggest(arg)
        .iter()
        .map(|n| format!("`{n}`"))
        .collect();
    if !close.is_empty() {
        msg.push_str(&format!("; {}", Msg::DidYouMean(&close).say(lang)));
    }
    msg
}

/// The folder's kommuner, in order; more than a few: the closest to `query`, then how many more.
fn folder_kommuner(ws: &Workspace, query: &str, lang: Lang) -> Option<String> {
    let mut names: Vec<&str> = ws
        .pledges()
        .flat_map(|p| p.kommuner.iter().map(|k| k.name))
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return None;
    }
    let items: Vec<(&str, String)> = names.iter().map(|n| (*n, n.to_string())).collect();
    let (lines, more) = crate::text::closest_lines(query, &items, 8);
    let mut s = lines.join(", ");
    if more > 0 {
        s.push_str(&format!(" {}", Msg::More(more).say(lang)));
    }
    Some(s)
}

#[path = "workspace_copies.rs"]
mod copies;
pub use copies::same_lofte_twice;

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
