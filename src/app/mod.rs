//! Runs the commands: reads through the store, computes through the pure core, prints.
//! `run` returns the exit code; errors map to 1 (refused) or 2 (usage, I/O).

use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::json;

use crate::cli::*;
use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::store::{self, SourceFile};

mod extra;
mod files;
mod import;
mod record;
mod status;

/// A change the program refuses to make (exit 1): the file is untouched.
#[derive(Debug)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

pub fn exit_code_of(e: &anyhow::Error) -> u8 {
    if e.downcast_ref::<Refused>().is_some() {
        1
    } else {
        2
    }
}

/// The error with its causes, on one line each.
pub fn describe(e: &anyhow::Error) -> String {
    let mut s = e.to_string();
    for cause in e.chain().skip(1) {
        s.push_str(&format!(": {cause}"));
    }
    s
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Output settings shared by every command.
pub struct Out {
    pub color: bool,
    pub quiet: bool,
    pub lang: crate::i18n::Lang,
}

impl Out {
    fn new(g: &Global) -> Out {
        let color = match g.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Out {
            color,
            quiet: g.quiet,
            lang: match g.lang {
                Some(Lang::Sv) => crate::i18n::Lang::Sv,
                Some(Lang::En) => crate::i18n::Lang::En,
                None => crate::i18n::Lang::from_env(),
            },
        }
    }
}

pub fn run(cli: Cli) -> Result<u8> {
    let out = Out::new(&cli.global);
    let dir = cli.global.dir.clone();
    match cli.command {
        Command::Validate(a) => files::validate(dir, a, &out),
        Command::List(a) => files::list(dir, a, &out),
        Command::Done(a) => record::done(dir, a, &out),
        Command::Undo(a) => record::undo(dir, a, &out),
        Command::Log(a) => record::log(dir, a, &out),
        Command::Status(a) => status::status(dir, a, &out),
        Command::Report(a) => status::report(dir, a, &out),
        Command::Check(a) => status::check(dir, a, &out),
        Command::New(a) => extra::new(dir, a, &out),
        Command::Import(a) => import::import(dir, a, &out),
        Command::Completions { shell } => extra::completions(shell),
        Command::Man => extra::man(),
        Command::Schema => extra::schema(),
        Command::MergeDriver { base, ours, theirs } => extra::merge_driver(&base, &ours, &theirs),
    }
}

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
            .filter(|p| year.is_none_or(|y| name_years(p).is_none_or(|(a, b)| a <= y && y <= b)))
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

    /// Files with errors, named on stderr with their first error; true when there were any.
    pub fn report_broken(&self) -> bool {
        let mut any = false;
        for f in self.files.iter().filter(|f| f.loaded.has_errors()) {
            any = true;
            let errors = f.loaded.diags.iter().filter(|d| d.is_error()).count();
            if let Some(d) = f.loaded.diags.iter().find(|d| d.is_error()) {
                eprintln!(
                    "{}\n  ({} error{} in all; `pledge validate {}` shows them; the file is left out)",
                    crate::diag::one_line(&f.display, &f.text, d),
                    errors,
                    if errors == 1 { "" } else { "s" },
                    f.display
                );
            }
        }
        any
    }
}

/// The years a file's name ends with: `x-2016.toml` (2016, 2016), `x-2016-2017.toml`
/// (2016, 2017); None for other names.
fn name_years(path: &std::path::Path) -> Option<(i32, i32)> {
    let stem = path.file_stem()?.to_str()?;
    let year = |s: &str| (s.len() == 4).then(|| s.parse::<i32>().ok()).flatten();
    let mut parts = stem.rsplit('-');
    let last = year(parts.next()?)?;
    match parts.next().and_then(year) {
        Some(first) if first <= last => Some((first, last)),
        _ => Some((last, last)),
    }
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

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn kommuner_json(p: &Pledge) -> serde_json::Value {
    p.kommuner
        .iter()
        .map(|k| json!({"name": k.name, "kommunkod": k.kod, "lan": k.lan, "polisregion": k.polisregion}))
        .collect()
}

/// "2 of 2 in 2016: met" for an activity's current window.
pub fn describe_progress(
    st: &crate::status::ActivityStatus<'_>,
    lang: crate::i18n::Lang,
) -> String {
    let status = lang.status(st.status);
    match (st.required, st.window) {
        (Some(req), Some((from, to))) => format!(
            "{} {} {req} {} {}: {status}",
            st.done,
            lang.t("of"),
            if lang == crate::i18n::Lang::Sv {
                "·"
            } else {
                "in"
            },
            lang.window(from, to)
        ),
        _ => format!(
            "{} {}: {status}",
            st.done,
            match (lang, st.done) {
                (crate::i18n::Lang::En, 1) => "entry",
                (crate::i18n::Lang::En, _) => "entries",
                (crate::i18n::Lang::Sv, 1) => "post",
                (crate::i18n::Lang::Sv, _) => "poster",
            }
        ),
    }
}
