//! The thin layer that touches the disk: finds the pledges folder, reads files, locks the
//! folder and replaces a file atomically.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use crate::load::diag::Diagnostic;
use crate::load::says::Says;
use crate::load::{Loaded, load};
use crate::text::shown_path;
use crate::view::messages::{StoreMsg, Words};

mod for_view;
mod index;
mod kommun;
mod scan;
mod seal;
mod walk;
mod write;

pub use for_view::read_each_of;
pub use index::INDEX_FILE;
use kommun::read_indexed;
pub use kommun::{Candidate, KommunFiles, kommun_files};
pub use scan::{Ident, Needle, Years, years_overlap};

pub use walk::{pledge_files_and_temporaries, pledge_files_where};
pub use write::{
    Refusal, Under, as_umask_allows, create_atomic, edit, lock, write_atomic, write_atomic_with,
};

/// An error of the store that is not a refusal (exit 2): a folder not found, the lock not
/// free in time. Shown in English; the error printer says it in the reader's language.
#[derive(Debug)]
pub struct Said(pub StoreMsg);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.say(crate::view::i18n::Lang::En))
    }
}

impl std::error::Error for Said {}

/// The folder's lock file: `done` and `undo` hold an exclusive lock on it while they read,
/// change and replace a pledge file. The OS drops the lock when a process dies, so a killed
/// process never leaves a stale lock behind.
pub const LOCK_FILE: &str = ".pledge.lock";

/// Larger files are refused unread: a löfte with ten years of weekly logs is under 1 MB, and
/// loading takes about 20 times a file's size in memory.
pub const MAX_FILE_SIZE: u64 = 16 << 20;

/// The working folder the run started in, as the shell read it once (`Ctx::cwd`): paths are
/// shown relative to it, and a `pledges/` folder is looked for from it up. Nothing in the
/// store asks the process for its working folder or reads the environment.
#[derive(Debug, Clone, Copy)]
pub struct Cwd<'a>(pub &'a Path);

/// Finds the pledges folder: `--dir` (or `PLEDGE_DIR`, which clap folds into it), else a
/// `pledges/` folder in the working folder `cwd` or its nearest parent.
pub fn find_dir(flag: Option<&Path>, cwd: Cwd) -> Result<PathBuf> {
    if let Some(dir) = flag {
        if !dir.is_dir() {
            return Err(Said(StoreMsg::NoSuchFolder(shown_path(dir))).into());
        }
        return Ok(dir.to_path_buf());
    }
    for dir in cwd.0.ancestors() {
        let candidate = dir.join("pledges");
        if candidate.is_dir() {
            return Ok(candidate);
        }
    }
    Err(Said(StoreMsg::NoPledgesFolder(shown_path(cwd.0))).into())
}

/// The path as the user should see it: relative to the working folder `cwd` when below it,
/// with control and invisible characters escaped ([`crate::text::safe_path`]).
pub fn display_path(path: &Path, cwd: Cwd) -> String {
    shown_path(path.strip_prefix(cwd.0).unwrap_or(path))
}

/// Every `*.toml` file below `dir` (hidden entries skipped), sorted by path.
pub fn pledge_files(dir: &Path) -> Result<Vec<PathBuf>> {
    pledge_files_where(dir, |_| true)
}

/// Expands the PATH arguments of `validate`: files as given, folders to their pledge files.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(pledge_files(p)?);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(Said(StoreMsg::NoSuchPath(shown_path(p))).into());
        }
    }
    Ok(out)
}

/// One pledge file as read and loaded.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The path for messages.
    pub display: String,
    /// The text without a byte-order mark (spans refer to this).
    pub text: String,
    /// The file starts with a byte-order mark (kept when the file is written).
    pub bom: bool,
    pub loaded: Loaded,
}

impl SourceFile {
    pub fn render_diags(&self) -> String {
        self.render_diags_in(crate::view::i18n::Lang::En)
    }

    /// The file's diagnostics with their frame ("fel", "varning", "tips") in the language.
    pub fn render_diags_in(&self, lang: crate::view::i18n::Lang) -> String {
        self.loaded
            .diags
            .iter()
            .map(|d| crate::view::diag_words::render(&self.display, &self.text, d, lang))
            .collect()
    }
}

/// Decodes a file's bytes: UTF-8 without BOM, or a diagnostic at the first invalid byte and
/// the valid text before it (so the diagnostic can show its line).
pub fn decode(bytes: Vec<u8>) -> std::result::Result<String, (Diagnostic, String)> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Ok(s)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let diag = Diagnostic::error(
                offset..offset + 1,
                Says::NotUtf8 {
                    byte: bytes[offset],
                    offset,
                },
            )
            .with_hint(Some(Says::SaveAsUtf8));
            let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            Err((diag, prefix))
        }
    }
}

/// Reads and loads one file. I/O errors are errors; problems with the content are
/// diagnostics in the result.
pub fn read(path: &Path, cwd: Cwd, today: NaiveDate) -> Result<SourceFile> {
    read_keeping(path, cwd, today, true)
}

/// Like [`read`]; without `keep_text` the text of a file without errors is dropped once it is
/// loaded (commands that only need the model read a whole folder in less memory).
fn read_keeping(path: &Path, cwd: Cwd, today: NaiveDate, keep_text: bool) -> Result<SourceFile> {
    let display = display_path(path, cwd);
    let file = match read_capped(path) {
        Ok(bytes) => from_bytes(path, display, bytes, today),
        Err(diag) => unreadable(path, display, diag),
    };
    Ok(kept(file, keep_text))
}

/// A file that could not be read, with why.
fn unreadable(path: &Path, display: String, diag: Diagnostic) -> SourceFile {
    SourceFile {
        path: path.to_path_buf(),
        display,
        text: String::new(),
        bom: false,
        loaded: Loaded {
            pledge: None,
            diags: vec![diag],
        },
    }
}

/// The file, without its text unless `keep_text` or it has errors.
fn kept(mut file: SourceFile, keep_text: bool) -> SourceFile {
    if !keep_text && !file.loaded.has_errors() {
        file.text = String::new();
    }
    file
}

/// A file's bytes, or why it is not read: it cannot be opened, it is not a regular file (a
/// FIFO would block, `/dev/zero` never ends), or it is over the size limit. At most one byte
/// more than the limit is read, whatever the file claims its size is.
fn read_capped(path: &Path) -> std::result::Result<Vec<u8>, Diagnostic> {
    read_capped_with_meta(path).map(|(bytes, _)| bytes)
}

/// [`read_capped`], with what `fstat` says of the file that was read.
fn read_capped_with_meta(path: &Path) -> std::result::Result<(Vec<u8>, fs::Metadata), Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Diagnostic::error(
            None,
            Says::CannotRead {
                error: e.to_string(),
            },
        )
    };
    let regular = |m: &fs::Metadata| {
        if m.is_file() {
            Ok(())
        } else {
            Err(Diagnostic::error(
                None,
                if m.is_dir() {
                    Says::CannotReadFolder
                } else {
                    Says::NotRegularFile
                },
            ))
        }
    };
    let file = open_without_waiting(path).map_err(cannot)?;
    // Checked on what was opened, so a name swapped meanwhile cannot slip past.
    let meta = file.metadata().map_err(cannot)?;
    regular(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_FILE_SIZE + 1) as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        let size = meta.len().max(bytes.len() as u64);
        return Err(Diagnostic::error(
            None,
            Says::TooLarge {
                megabytes: size as f64 / 1e6,
                limit_mib: MAX_FILE_SIZE >> 20,
            },
        )
        .with_hint(Some(Says::TooLargeHint)));
    }
    Ok((bytes, meta))
}

/// Opens a file for reading without waiting: opening a FIFO for reading waits for a writer,
/// unless it is opened non-blocking (which changes nothing for a regular file), and a terminal
/// does not become the controlling one. The caller refuses anything but a regular file by
/// what it opened, so one `fstat` checks it (no second `stat` by name).
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

/// Elsewhere opening does not wait; what was opened is checked.
#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// The bytes to write for `text`, with a byte-order mark when the original had one.
pub fn with_bom(bom: bool, text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    out.extend_from_slice(text.as_bytes());
    out
}

fn from_bytes(path: &Path, display: String, bytes: Vec<u8>, today: NaiveDate) -> SourceFile {
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    match decode(bytes) {
        Ok(text) => {
            let loaded = load(&display, &text, today);
            SourceFile {
                path: path.to_path_buf(),
                display,
                text,
                bom,
                loaded,
            }
        }
        // Keep the valid prefix as the text, so the marker lands on the right line.
        Err((diag, prefix)) => SourceFile {
            path: path.to_path_buf(),
            display,
            text: prefix,
            bom,
            loaded: Loaded {
                pledge: None,
                diags: vec![diag],
            },
        },
    }
}

/// Reads and loads many files, on all cores. Without `keep_text`, only files with errors keep
/// their text (for their diagnostics).
pub fn read_all(
    paths: &[PathBuf],
    cwd: Cwd,
    today: NaiveDate,
    keep_text: bool,
) -> Result<Vec<SourceFile>> {
    read_each(paths, cwd, today, keep_text, |_, f| f)
}

/// How many files a reader thread takes at a time.
const BATCH: usize = 4;

/// Reads and loads many files on all cores, handing each file to `each` (with its index in
/// `paths`) as soon as it is loaded, and keeps only what `each` returns, in the order of
/// `paths`: a command that needs a little of every file never holds every file. Without
/// `keep_text`, a file without errors has lost its text when `each` gets it.
pub fn read_each<T: Send>(
    paths: &[PathBuf],
    cwd: Cwd,
    today: NaiveDate,
    keep_text: bool,
    each: impl Fn(usize, SourceFile) -> T + Sync,
) -> Result<Vec<T>> {
    par_map(paths, |i, p| {
        Ok(each(i, read_keeping(p, cwd, today, keep_text)?))
    })
}

/// Writes the index of the files seen (when anything changed) and seals the folder for it
/// when the seal does not hold ([`seal`]): the next writer then finds the kommun's files from
/// the index alone.
fn save_and_seal(dir: &Path, index: &index::Index, seen: Vec<(Vec<u8>, index::Entry, bool)>) {
    let indexed: std::collections::HashSet<Vec<u8>> =
        seen.iter().map(|(rel, _, _)| rel.clone()).collect();
    index.save(dir, seen);
    if indexed.len() < index::MIN_FILES || seal::holding(dir).is_some() {
        return;
    }
    if let Ok(m) = fs::metadata(dir.join(INDEX_FILE)) {
        seal::make(dir, index::Key::of(&m), &indexed);
    }
}

/// `read` of every path (or other item), on all cores, in the order of `paths`.
fn par_map<P: Sync, T: Send>(
    paths: &[P],
    read: impl Fn(usize, &P) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let read = |(i, p): (usize, &P)| read(i, p);
    // A few files are read at once; only a folder is worth asking how many cores there are.
    if paths.len() < 16 {
        return paths.iter().enumerate().map(read).collect();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 {
        return paths.iter().enumerate().map(read).collect();
    }
    // Each thread takes the next few files as it is free (files differ in size: fixed halves
    // would leave one core idle at the end).
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (read, next) = (&read, &next);
    let results: Vec<Vec<(usize, Result<T>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let first = next.fetch_add(BATCH, std::sync::atomic::Ordering::Relaxed);
                        if first >= paths.len() {
                            return mine;
                        }
                        let last = (first + BATCH).min(paths.len());
                        for (i, p) in paths[first..last].iter().enumerate() {
                            mine.push((first + i, read((first + i, p))));
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![(0, Err(anyhow!("a reader thread panicked")))])
            })
            .collect()
    });
    let mut slots: Vec<Option<Result<T>>> = (0..paths.len()).map(|_| None).collect();
    for (i, r) in results.into_iter().flatten() {
        slots[i] = Some(r);
    }
    let mut out = Vec::with_capacity(paths.len());
    for r in slots.into_iter().flatten() {
        out.push(r?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_each_keeps_the_order_of_the_paths_whichever_thread_reads_a_file() {
        let dir = tempfile::tempdir().unwrap();
        // Files of very different sizes, so the threads finish their files out of order.
        let paths: Vec<PathBuf> = (0..53)
            .map(|i| {
                let p = dir.path().join(format!("f{i:02}.toml"));
                let padding = "# x\n".repeat(if i % 7 == 0 { 5000 } else { 1 });
                std::fs::write(&p, format!("{padding}title = \"{i}\"\n")).unwrap();
                p
            })
            .collect();
        let today = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let seen = read_each(&paths, Cwd(dir.path()), today, true, |i, f| {
            (i, f.path.clone(), f.text.ends_with(&format!("\"{i}\"\n")))
        })
        .unwrap();
        assert_eq!(seen.len(), paths.len());
        for (n, (i, path, matches)) in seen.into_iter().enumerate() {
            assert_eq!((i, &path), (n, &paths[n]));
            assert!(matches, "{}", path.display());
        }
    }

    #[test]
    fn a_path_is_shown_from_the_working_folder_given_not_the_processes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("pledges");
        std::fs::create_dir(&dir).unwrap();
        let path = dir.join("a.toml");
        std::fs::write(&path, "title = \"a\"\n").unwrap();
        let today = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let cwd = Cwd(tmp.path());
        assert_eq!(display_path(&path, cwd), "pledges/a.toml");
        assert_eq!(read(&path, cwd, today).unwrap().display, "pledges/a.toml");
        let each = read_each(std::slice::from_ref(&path), cwd, today, false, |_, f| {
            f.display
        });
        assert_eq!(each.unwrap(), ["pledges/a.toml"]);
        assert_eq!(find_dir(None, cwd).unwrap(), dir);
        // A file below the process's working folder (cargo runs tests in the crate's) is not
        // shortened when the working folder given is another.
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        assert_eq!(display_path(&here, cwd), shown_path(&here));
        assert_eq!(
            display_path(&here, Cwd(Path::new(env!("CARGO_MANIFEST_DIR")))),
            "Cargo.toml"
        );
    }
}
