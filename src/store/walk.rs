//! The folder walk: every `*.toml` file below a folder, each file once.
//!
//! Folders are told apart by their real path (links resolved), so a symlink loop
//! (`ln -s . pledges/a`) or a second link to a folder already seen is not entered again, and a
//! link to a folder outside the pledges folder (`ln -s .. pledges/up`) is not followed out of
//! it. A file reached by two paths (a link beside the file it points to) is listed once, by
//! the path without a link. A link to a file is followed wherever the file is: that is how one
//! löfte is shared between folders.
//!
//! An entry that cannot be read (a dangling link, a folder without permission) is still
//! listed, so that reading it reports the problem beside the other files rather than ending
//! the command.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::text::shown_path;

/// One file found: the path to show and open, the real path, and whether a link was crossed.
struct Found {
    path: PathBuf,
    real: PathBuf,
    via_link: bool,
}

/// A folder to read: its path, its real path, and whether a link was crossed to reach it.
struct Folder {
    path: PathBuf,
    real: PathBuf,
    via_link: bool,
}

/// Where a link leads and whether that is a folder; a dangling link is itself, not a folder
/// (listed when it is named like a pledge file, so reading it says what is wrong).
fn resolve_link(path: &Path) -> (PathBuf, bool) {
    match fs::canonicalize(path) {
        Ok(real) => {
            let is_dir = real.is_dir();
            (real, is_dir)
        }
        Err(_) => (path.to_path_buf(), false),
    }
}

/// The `*.toml` files below `dir` whose file name passes `keep`, hidden entries skipped, each
/// file once, sorted by path. Only the folder itself failing to be read is an error.
pub fn pledge_files_where(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<PathBuf>> {
    Ok(walk(dir, keep, false)?.0)
}

/// [`pledge_files_where`], and the temporary files of writers (`.pledge-*.tmp`) seen on the
/// way: a writer that lists the folder anyway removes those of killed writers.
pub fn pledge_files_and_temporaries(
    dir: &Path,
    keep: impl Fn(&str) -> bool,
) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    walk(dir, keep, true)
}

// Long because: one loop over the listing whose cases (a writer's temporary file, a link, a
// folder, a pledge file) share the walk's state (folders seen, the stack, the linked ones).
fn walk(
    dir: &Path,
    keep: impl Fn(&str) -> bool,
    temporaries: bool,
) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut temps = Vec::new();
    let root =
        fs::canonicalize(dir).with_context(|| format!("cannot read folder {}", shown_path(dir)))?;
    // The folder itself must be readable; a subfolder that is not is reported as an entry.
    fs::read_dir(dir).with_context(|| format!("cannot read folder {}", shown_path(dir)))?;
    let mut seen_dirs = HashSet::new();
    let mut stack = vec![Folder {
        path: dir.to_path_buf(),
        real: root.clone(),
        via_link: false,
    }];
    // Folders reached through a link wait until every folder without one is read, so a
    // folder is listed by its own path rather than by a link's.
    let mut linked = Vec::new();
    let mut found = Vec::new();
    while let Some(d) = stack.pop().or_else(|| linked.pop()) {
        if !seen_dirs.insert(d.real.clone()) {
            continue;
        }
        let Ok(entries) = fs::read_dir(&d.path) else {
            // Listed as if it were a file: reading it says why it cannot be read.
            found.push(Found {
                real: d.real,
                path: d.path,
                via_link: d.via_link,
            });
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                if temporaries && super::write::is_temporary(&name) {
                    temps.push(entry.path());
                }
                continue;
            }
            let file_type = entry.file_type().ok();
            let is_link = file_type.is_some_and(|t| t.is_symlink());
            let is_plain_dir = file_type.is_some_and(|t| t.is_dir());
            // Most entries of a national folder are files that `keep` passes over (`done`
            // wants a few of 3,000): those are dropped before any path is made.
            let wanted = name.ends_with(".toml") && keep(&name);
            if !(is_link || is_plain_dir || wanted) {
                continue;
            }
            let path = entry.path();
            let via_link = d.via_link || is_link;
            // The entry's type comes with the listing; only a link needs resolving.
            let (real, is_dir) = if is_link {
                resolve_link(&path)
            } else {
                (d.real.join(&*name), is_plain_dir)
            };
            if is_dir {
                // Inside the pledges folder only, and each folder once (no loops).
                if real.starts_with(&root) && !seen_dirs.contains(&real) {
                    let f = Folder {
                        path,
                        real,
                        via_link,
                    };
                    if via_link {
                        linked.push(f)
                    } else {
                        stack.push(f)
                    }
                }
            } else if name.ends_with(".toml") && keep(&name) {
                found.push(Found {
                    path,
                    real,
                    via_link,
                });
            }
        }
    }
    Ok((each_once(found), temps))
}

/// Each real file once, by its path without a link when it has one, sorted by the bytes of
/// the path (comparing paths component by component is slow for a national folder, and the
/// order only needs to be stable).
fn each_once(mut found: Vec<Found>) -> Vec<PathBuf> {
    found.sort_unstable_by(|a, b| {
        (a.via_link, a.path.as_os_str()).cmp(&(b.via_link, b.path.as_os_str()))
    });
    let mut seen = HashSet::new();
    let mut out: Vec<PathBuf> = found
        .into_iter()
        .filter(|f| seen.insert(f.real.clone()))
        .map(|f| f.path)
        .collect();
    out.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn names(dir: &Path) -> Vec<String> {
        pledge_files_where(dir, |_| true)
            .unwrap()
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn symlink_loops_end_and_each_file_is_listed_once() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("pledges");
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("a.toml"), "").unwrap();
        fs::write(dir.join("sub/b.toml"), "").unwrap();
        symlink(".", dir.join("self")).unwrap();
        symlink(".", dir.join("other")).unwrap();
        symlink("..", dir.join("sub/up")).unwrap();
        symlink("sub", dir.join("alias")).unwrap();
        symlink("a.toml", dir.join("link.toml")).unwrap();
        assert_eq!(names(&dir), ["a.toml", "sub/b.toml"]);
    }

    #[test]
    fn a_link_out_of_the_folder_is_not_followed_but_a_linked_file_is() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("pledges");
        fs::create_dir_all(&dir).unwrap();
        fs::write(tmp.path().join("outside.toml"), "").unwrap();
        symlink("..", dir.join("up")).unwrap();
        symlink("../outside.toml", dir.join("shared.toml")).unwrap();
        assert_eq!(names(&dir), ["shared.toml"]);
    }

    #[test]
    fn unreadable_entries_are_listed_for_reporting() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::write(dir.join("a.toml"), "").unwrap();
        symlink("missing.toml", dir.join("dangling.toml")).unwrap();
        symlink("missing", dir.join("dangling-folder")).unwrap();
        assert_eq!(names(dir), ["a.toml", "dangling.toml"]);
    }
}
