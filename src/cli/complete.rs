//! The candidates of dynamic completion (`source <(COMPLETE=bash pledge)`), read when the
//! shell asks, not when a command runs; scoped by what is typed before the word being completed: after a kommun, the activities, units, parts and areas of that
//! kommun's löften; kommun names from the folder's own kommuner first.
//!
//! clap_complete hands a completer only the word being completed; the words before it are
//! the process's arguments after `--` (the shell passes the whole line, and bash and zsh the
//! index of the word being completed in `_CLAP_COMPLETE_INDEX`).

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::CompletionCandidate;

use super::Cli;
use crate::kommuner::{self, Kommun};
use crate::model::{Activity, FOLLOWUP_ID, Pledge};
use crate::store;
use crate::text::fold;

/// What is typed before the word being completed: the subcommand, its positional words and
/// its flags with their values.
#[derive(Debug, Default, PartialEq)]
pub struct Typed {
    pub sub: Option<String>,
    pub positionals: Vec<String>,
    pub flags: Vec<(String, String)>,
}

impl Typed {
    /// The words of a command line (the program's name first), parsed as far as completion
    /// needs: which flags take a value comes from the command's own definition.
    pub fn parse(words: &[String]) -> Typed {
        let top = Cli::command();
        let mut t = Typed::default();
        let mut sub: Option<&clap::Command> = None;
        let mut i = 1;
        while i < words.len() {
            let w = &words[i];
            i += 1;
            let (name, inline) = if let Some(long) = w.strip_prefix("--") {
                match long.split_once('=') {
                    Some((n, v)) => (Some((n.to_string(), true)), Some(v.to_string())),
                    None => (Some((long.to_string(), true)), None),
                }
            } else if w.len() > 1 && w.starts_with('-') {
                (Some((w[1..2].to_string(), false)), None)
            } else {
                (None, None)
            };
            let Some((name, long)) = name else {
                match sub {
                    None => {
                        sub = top.find_subcommand(w);
                        t.sub = Some(w.clone());
                    }
                    Some(_) => t.positionals.push(w.clone()),
                }
                continue;
            };
            if name.is_empty() {
                continue; // `--`: what follows is positional, which the loop treats alike
            }
            let arg = sub
                .into_iter()
                .chain([&top])
                .flat_map(|c| c.get_arguments())
                .find(|a| {
                    if long {
                        a.get_long() == Some(name.as_str())
                    } else {
                        a.get_short().map(String::from) == Some(name.clone())
                    }
                });
            let Some(arg) = arg else { continue };
            let value = if arg.get_action().takes_values() {
                inline.or_else(|| {
                    let v = words.get(i).cloned();
                    i += 1;
                    v
                })
            } else {
                None
            };
            t.flags
                .push((arg.get_id().to_string(), value.unwrap_or_default()));
        }
        t
    }

    /// The last value given to the flag with this id.
    fn flag(&self, id: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == id)
            .map(|(_, v)| v.as_str())
    }

    /// The kommun the command is about: its first positional word.
    fn kommun(&self) -> Option<&'static Kommun> {
        kommuner::find(self.positionals.first()?)
    }
}

/// The words typed before the one being completed, from the process's arguments.
fn typed() -> Typed {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some(dash) = args.iter().position(|a| a == "--") else {
        return Typed::default();
    };
    let mut words = args[dash + 1..].to_vec();
    match std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse::<usize>().ok())
    {
        Some(i) => words.truncate(i),
        None => {
            words.pop();
        }
    }
    Typed::parse(&words)
}

/// The löften of the folder (`--dir` as typed, else `PLEDGE_DIR`, else the nearest
/// pledges/) for the kommun typed, in the `--area` typed; every löfte when no kommun is.
fn pledges_of(t: &Typed) -> Vec<Pledge> {
    let dir = t
        .flag("dir")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("PLEDGE_DIR").map(PathBuf::from));
    let k = t.kommun();
    let area = t.flag("area");
    folder(dir)
        .into_iter()
        .filter(|p| k.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| area.is_none_or(|a| p.in_area(Some(a))))
        .collect()
}

/// The löften of the folder (`dir`, else the nearest pledges/) that load; none when there is
/// no folder.
fn folder(dir: Option<PathBuf>) -> Vec<Pledge> {
    // The shell's completion runs without a context: the working folder is read here.
    let Ok(cwd) = std::env::current_dir() else {
        return Vec::new();
    };
    let cwd = store::Cwd(&cwd);
    let Ok(dir) = store::find_dir(dir.as_deref(), cwd) else {
        return Vec::new();
    };
    let Ok(paths) = store::pledge_files(&dir) else {
        return Vec::new();
    };
    let take = |_, mut f: store::SourceFile| f.loaded.pledge.take();
    store::read_each(&paths, cwd, chrono::NaiveDate::MAX, false, take)
        .map(|ps| ps.into_iter().flatten().collect())
        .unwrap_or_default()
}

/// The values among `values` that begin with what is typed (any case, å/ä/ö as a/a/o),
/// sorted, each once.
fn starting(current: &OsStr, values: impl IntoIterator<Item = String>) -> Vec<CompletionCandidate> {
    let q = fold(&current.to_string_lossy());
    let mut v: Vec<String> = values
        .into_iter()
        .filter(|s| fold(s).starts_with(&q))
        .collect();
    v.sort();
    v.dedup();
    v.into_iter().map(CompletionCandidate::new).collect()
}

/// Every kommun, by its name in lower case (`pledge new`: a löfte not yet in the folder).
pub fn kommun_candidates() -> Vec<CompletionCandidate> {
    kommuner::all()
        .iter()
        .map(|k| CompletionCandidate::new(k.name.to_lowercase()))
        .collect()
}

/// Kommun names, lower case: those of the folder's löften that begin with what is typed;
/// when none does, every kommun that does.
pub fn kommuner(current: &OsStr) -> Vec<CompletionCandidate> {
    let t = typed();
    let dir = t
        .flag("dir")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("PLEDGE_DIR").map(PathBuf::from));
    let own: Vec<String> = folder(dir)
        .iter()
        .flat_map(|p| p.kommuner.iter().map(|k| k.name.to_lowercase()))
        .collect();
    let own = starting(current, own);
    if !own.is_empty() {
        return own;
    }
    starting(
        current,
        kommuner::all().iter().map(|k| k.name.to_lowercase()),
    )
}

/// The activity typed (the second positional word, or `--activity`) in these löften.
fn activity_typed<'p>(t: &Typed, pledges: &'p [Pledge]) -> Vec<&'p Activity> {
    let q = t
        .flag("activity")
        .or(t.positionals.get(1).map(String::as_str));
    let Some(q) = q else {
        return pledges.iter().flat_map(|p| &p.activities).collect();
    };
    pledges
        .iter()
        .filter_map(|p| match crate::rules::resolve::activity(p, q) {
            Ok(crate::rules::resolve::ActivityOrFollowup::Activity(a)) => Some(a),
            _ => None,
        })
        .collect()
}

/// Activity ids of the kommun's löften (every löfte's when no kommun is typed), and
/// `followup` where the command takes it.
pub fn activities(current: &OsStr) -> Vec<CompletionCandidate> {
    let t = typed();
    let pledges = pledges_of(&t);
    let mut ids: Vec<String> = pledges
        .iter()
        .flat_map(|p| p.activities.iter().map(|a| a.id.clone()))
        .collect();
    if t.sub.as_deref() != Some("verdict") {
        ids.push(FOLLOWUP_ID.to_string());
    }
    starting(current, ids)
}

/// The units of the activity typed (of every activity of the kommun's löften when none is),
/// and of their parts.
pub fn units(current: &OsStr) -> Vec<CompletionCandidate> {
    let t = typed();
    let pledges = pledges_of(&t);
    let acts = activity_typed(&t, &pledges);
    let units = acts
        .iter()
        .flat_map(|a| a.units.iter().chain(a.parts.iter().flat_map(|p| &p.units)))
        .cloned();
    starting(current, units)
}

/// The part ids of the activity typed (of every activity of the kommun's löften when none is).
pub fn parts(current: &OsStr) -> Vec<CompletionCandidate> {
    let t = typed();
    let pledges = pledges_of(&t);
    let acts = activity_typed(&t, &pledges);
    starting(
        current,
        acts.iter()
            .flat_map(|a| a.parts.iter().map(|p| p.id.clone())),
    )
}

/// The areas of the kommun's löften.
pub fn areas(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut t = typed();
    t.flags.retain(|(n, _)| n != "area");
    starting(current, pledges_of(&t).into_iter().filter_map(|p| p.area))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn flags_and_their_values_are_told_from_positional_words() {
        let t = Typed::parse(&words(
            "pledge --dir /p done filipstad --date 2016-05-12 --note=x trygg --dry-run",
        ));
        assert_eq!(t.sub.as_deref(), Some("done"));
        assert_eq!(t.positionals, ["filipstad", "trygg"]);
        assert_eq!(t.flag("dir"), Some("/p"));
        assert_eq!(t.flag("date"), Some("2016-05-12"));
        assert_eq!(t.flag("note"), Some("x"));
        assert_eq!(t.kommun().map(|k| k.name), Some("Filipstad"));
        let t = Typed::parse(&words("pledge undo munkfors --activity andt-i"));
        assert_eq!(t.positionals, ["munkfors"]);
        assert_eq!(t.flag("activity"), Some("andt-i"));
    }
}
