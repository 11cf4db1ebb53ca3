//! The folder's seal: a record that the names in the pledges folder are those its index lists,
//! so that a writer (`done`, `undo`, `measure`, `verdict`) finds every file that could hold a
//! löfte of a kommun, whatever its name, from the index alone, without listing a national
//! folder on every write.
//!
//! It is kept in the folder's lock file (`.pledge.lock`, written in place, so writing it changes
//! no folder) and holds the identity of `.pledge-index` and, for the folder and each folder
//! below it, its size, modification and change times, inode and device as `stat` gave them
//! when its names were found to be the index's. Adding, removing or renaming an entry changes
//! a folder's times, so while every folder is as sealed no file was added, removed or renamed
//! since. A seal is made, under the lock, after the index is written: every folder is
//! `stat`ed, listed and `stat`ed again, and the seal is written only when nothing changed
//! meanwhile and the names are exactly the index's (no link, no file the index lacks, such as
//! one that cannot be read). A writer renews it after its own rename (which changes the
//! folder's times but not its names): only the folder it wrote in, only when the seal held just
//! before the rename. What a seal cannot see, a file changed in place under the same name, is
//! said in the README ("Performance").

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::LOCK_FILE;
use super::index::{self, Key};

fn header() -> String {
    format!("pledge-seal 2 {}", env!("CARGO_PKG_VERSION"))
}

/// A seal as read: the index's identity and each folder's (relative path, `stat`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    index: Key,
    folders: Vec<(Vec<u8>, Key)>,
}

impl Seal {
    /// Whether the seal vouches for the index whose identity is `index`.
    pub fn is_for(&self, index: &Key) -> bool {
        self.index == *index
    }
}

/// The folder's seal when it holds now: the index is the one sealed and every folder is as it
/// was when its names were the index's.
pub fn holding(dir: &Path) -> Option<Seal> {
    let seal = read(dir)?;
    let index = Key::of(&fs::metadata(dir.join(super::INDEX_FILE)).ok()?);
    let holds = index == seal.index
        && seal
            .folders
            .iter()
            .all(|(rel, key)| stat_folder(dir, rel).as_ref() == Some(key));
    holds.then_some(seal)
}

/// Seals the folder for the index just written (its identity `index`) holding the files
/// `indexed` (paths relative to `dir`), when the folder's lock is free at once and every
/// folder is the same before and after it is listed and lists exactly those files. Best
/// effort: any doubt leaves no seal.
pub fn make(dir: &Path, index: Key, indexed: &HashSet<Vec<u8>>) {
    let Ok(lock) = open_lock(dir) else {
        return;
    };
    if lock.try_lock().is_err() {
        return;
    }
    let Some(before) = folders(dir) else {
        return;
    };
    let Some(names) = listing(dir, &before) else {
        return;
    };
    if folders(dir).as_ref() != Some(&before) || &names != indexed {
        return;
    }
    let folders = before
        .into_iter()
        .map(|(rel, key)| (rel, key.expect("every folder was stated")))
        .collect();
    let _ = write(&lock, &Seal { index, folders });
}

/// After a writer's rename into `written`'s folder: the seal held just before is renewed with
/// that folder's new times (the rename replaced a file; the names are the same).
pub fn after_write(dir: &Path, seal: Seal, written: &Path) {
    let Some(folder) = written.parent() else {
        return;
    };
    let rel = index::path_bytes(folder.strip_prefix(dir).unwrap_or(folder));
    let Some(now) = stat_folder(dir, &rel) else {
        return;
    };
    let mut seal = seal;
    let Some(slot) = seal.folders.iter_mut().find(|(r, _)| *r == rel) else {
        return;
    };
    slot.1 = now;
    if let Ok(lock) = open_lock(dir) {
        let _ = write(&lock, &seal);
    }
}

fn open_lock(dir: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(dir.join(LOCK_FILE))
}

fn stat_folder(dir: &Path, rel: &[u8]) -> Option<Key> {
    let path = if rel.is_empty() {
        dir.to_path_buf()
    } else {
        dir.join(from_bytes(rel))
    };
    let m = fs::symlink_metadata(path).ok()?;
    m.is_dir().then(|| Key::of(&m))
}

#[cfg(unix)]
pub(super) fn from_bytes(rel: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(rel))
}

#[cfg(not(unix))]
pub(super) fn from_bytes(rel: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(rel).into_owned())
}

/// Every folder the walk enters (not hidden, no links), with its `stat`; None when a link or
/// an unreadable folder is met (then the walk's own rules decide, and there is no seal).
fn folders(dir: &Path) -> Option<Vec<(Vec<u8>, Option<Key>)>> {
    let mut out = Vec::new();
    let mut stack = vec![Vec::new()];
    while let Some(rel) = stack.pop() {
        let key = stat_folder(dir, &rel)?;
        let path = dir.join(from_bytes(&rel));
        for entry in fs::read_dir(&path).ok()? {
            let entry = entry.ok()?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let t = entry.file_type().ok()?;
            if t.is_symlink() {
                return None;
            }
            if t.is_dir() {
                let mut sub = rel.clone();
                if !sub.is_empty() {
                    sub.push(b'/');
                }
                sub.extend_from_slice(&index::path_bytes(Path::new(&name)));
                stack.push(sub);
            }
        }
        out.push((rel, Some(key)));
    }
    out.sort();
    Some(out)
}

/// The pledge files of the folders (`*.toml`, not hidden, anything but a folder), relative
/// to `dir`.
fn listing(dir: &Path, folders: &[(Vec<u8>, Option<Key>)]) -> Option<HashSet<Vec<u8>>> {
    let mut names = HashSet::new();
    for (rel, _) in folders {
        for entry in fs::read_dir(dir.join(from_bytes(rel))).ok()? {
            let entry = entry.ok()?;
            let name = entry.file_name();
            let shown = name.to_string_lossy();
            if shown.starts_with('.') || !shown.ends_with(".toml") {
                continue;
            }
            // Whatever the walk lists counts (a FIFO named `x.toml` is listed, to be named as
            // unreadable, and is in no index): only a folder is not a file here.
            if entry.file_type().ok()?.is_dir() {
                continue;
            }
            let mut path = rel.clone();
            if !path.is_empty() {
                path.push(b'/');
            }
            path.extend_from_slice(&index::path_bytes(Path::new(&name)));
            names.insert(path);
        }
    }
    Some(names)
}

fn write(lock: &fs::File, seal: &Seal) -> std::io::Result<()> {
    let mut text = format!("{}\nindex {}\n", header(), seal.index.fields());
    for (rel, key) in &seal.folders {
        let rel = String::from_utf8_lossy(&index::escape(rel)).into_owned();
        text.push_str(&format!("{} {rel}\n", key.fields()));
    }
    text.push_str(&format!("end {}\n", seal.folders.len()));
    lock.set_len(0)?;
    (&*lock).write_all(text.as_bytes())
}

fn read(dir: &Path) -> Option<Seal> {
    let bytes = fs::read(dir.join(LOCK_FILE)).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let mut lines = text.split('\n');
    if lines.next()? != header() {
        return None;
    }
    let index = Key::parse(lines.next()?.strip_prefix("index ")?)?;
    let mut folders = Vec::new();
    for line in lines {
        if let Some(n) = line.strip_prefix("end ") {
            return (n.parse::<usize>().ok()? == folders.len()).then_some(Seal { index, folders });
        }
        let mut fields = line.splitn(6, ' ');
        let key: Vec<&str> = fields.by_ref().take(5).collect();
        let key = Key::parse(&key.join(" "))?;
        folders.push((index::unescape(fields.next()?.as_bytes()), key));
    }
    None
}
