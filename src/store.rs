//! The thin layer that touches the disk: finds the pledges folder, reads files, locks the
//! folder and replaces a file atomically.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::load::{Loaded, load};

/// The folder's lock file: `done` and `undo` hold an exclusive lock on it while they read,
/// change and replace a pledge file. The OS drops the lock when a process dies, so a killed
/// process never leaves a stale lock behind.
pub const LOCK_FILE: &str = ".pledge.lock";

/// Larger files are refused unread: a löfte with ten years of weekly logs is under 1 MB, and
/// loading takes about 20 times a file's size in memory.
pub const MAX_FILE_SIZE: u64 = 16 << 20;

/// Finds the pledges folder: `--dir` (or `PLEDGE_DIR`, which clap folds into it), else a
/// `pledges/` folder in the current directory or its nearest parent.
pub fn find_dir(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        if !dir.is_dir() {
            bail!(
                "the pledges folder {} does not exist (from --dir or PLEDGE_DIR)",
                dir.display()
            );
        }
        return Ok(dir.to_path_buf());
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    for dir in cwd.ancestors() {
        let candidate = dir.join("pledges");
        if candidate.is_dir() {
            return Ok(candidate);
        }
    }
    bail!(
        "no pledges/ folder here or in any parent of {}; pass --dir DIR or set PLEDGE_DIR",
        cwd.display()
    )
}

/// The path as the user should see it: relative to the current directory when below it.
pub fn display_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    rel.display().to_string()
}

/// Every `*.toml` file below `dir` (hidden entries skipped), sorted by path.
pub fn pledge_files(dir: &Path) -> Result<Vec<PathBuf>> {
    pledge_files_where(dir, |_| true)
}

/// The `*.toml` files below `dir` whose file name passes `keep`, sorted by path.
pub fn pledge_files_where(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            fs::read_dir(&d).with_context(|| format!("cannot read folder {}", d.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read folder {}", d.display()))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            // The entry's type comes with the listing; only a symlink needs a stat.
            let ty = entry
                .file_type()
                .with_context(|| format!("cannot read {}", path.display()))?;
            let is_dir = if ty.is_symlink() {
                path.is_dir()
            } else {
                ty.is_dir()
            };
            if is_dir {
                stack.push(path);
            } else if name.ends_with(".toml") && keep(&name) {
                out.push(path);
            }
        }
    }
    // By the bytes of the path: comparing paths component by component is slow for a
    // national folder, and the order only needs to be stable.
    out.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(out)
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
            bail!("{}: no such file or folder", p.display());
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
        self.loaded
            .diags
            .iter()
            .map(|d| crate::diag::render(&self.display, &self.text, d))
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
                format!(
                    "the file is not valid UTF-8: invalid byte 0x{:02x} at byte offset {offset}",
                    bytes[offset]
                ),
            )
            .with_hint(Some(
                "save the file as UTF-8 (most editors: \"Save with encoding\")".into(),
            ));
            let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            Err((diag, prefix))
        }
    }
}

/// Reads and loads one file. I/O errors are errors; problems with the content are
/// diagnostics in the result.
pub fn read(path: &Path, today: NaiveDate) -> Result<SourceFile> {
    read_keeping(path, today, true)
}

/// Like [`read`]; without `keep_text` the text of a file without errors is dropped once it is
/// loaded (commands that only need the model read a whole folder in less memory).
fn read_keeping(path: &Path, today: NaiveDate, keep_text: bool) -> Result<SourceFile> {
    let display = display_path(path);
    let size = fs::metadata(path)
        .with_context(|| format!("cannot read {display}"))?
        .len();
    if size > MAX_FILE_SIZE {
        let diag = Diagnostic::error(
            None,
            format!(
                "the file is {:.1} MB; pledge files are limited to {} MiB",
                size as f64 / 1e6,
                MAX_FILE_SIZE >> 20
            ),
        )
        .with_hint(Some(
            "a löfte with years of weekly logs is well under 1 MB; check that this is a pledge file".into(),
        ));
        return Ok(SourceFile {
            path: path.to_path_buf(),
            display,
            text: String::new(),
            bom: false,
            loaded: Loaded {
                pledge: None,
                diags: vec![diag],
            },
        });
    }
    let bytes = fs::read(path).with_context(|| format!("cannot read {display}"))?;
    let mut file = from_bytes(path, display, bytes, today);
    if !keep_text && !file.loaded.has_errors() {
        file.text = String::new();
    }
    Ok(file)
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
pub fn read_all(paths: &[PathBuf], today: NaiveDate, keep_text: bool) -> Result<Vec<SourceFile>> {
    let read = |p: &PathBuf| read_keeping(p, today, keep_text);
    // A few files are read at once; only a folder is worth asking how many cores there are.
    if paths.len() < 16 {
        return paths.iter().map(read).collect();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 {
        return paths.iter().map(read).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    let results: Vec<Result<Vec<SourceFile>>> = std::thread::scope(|s| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(read).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow!("a reader thread panicked")))
            })
            .collect()
    });
    let mut out = Vec::with_capacity(paths.len());
    for r in results {
        out.extend(r?);
    }
    Ok(out)
}

/// An exclusive lock on the pledges folder, held until dropped.
pub struct FolderLock {
    _file: File,
}

/// Takes the folder's exclusive lock, waiting up to `wait` for another `pledge` process to
/// finish. A lock whose holder was killed is released by the OS at once; one held longer than
/// the timeout (a process hung on a network disk, say) is an error rather than a wait without
/// end.
pub fn lock(dir: &Path, wait: Duration) -> Result<FolderLock> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", display_path(&path)))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => bail!(
                "another pledge process has held {} for {:.0} s; try again, or find the process \
                 that holds it (fuser {})",
                display_path(&path),
                wait.as_secs_f64(),
                display_path(&path)
            ),
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", display_path(&path)));
            }
        }
    }
}

/// Replaces `path` with `contents` atomically: a temporary file in the same folder, written,
/// flushed to disk and given the old file's permissions, is renamed over the target. A
/// symlink is followed, so its target is replaced and the link stays. On any error the
/// original is untouched and the temporary file is removed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    write_atomic_with(path, |f| f.write_all(contents))
}

/// [`write_atomic`] with the writing step given, so tests can make it fail (a full disk) at
/// any point.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<()> {
    let target =
        fs::canonicalize(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    let dir = target
        .parent()
        .ok_or_else(|| anyhow!("{} has no parent folder", target.display()))?;
    let perms = fs::metadata(&target)
        .with_context(|| format!("cannot read {}", target.display()))?
        .permissions();
    let shown = display_path(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".pledge-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file beside {shown}"))?;
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| {
            format!("cannot write the new version of {shown}; the file is unchanged")
        })?;
    fs::set_permissions(tmp.path(), perms)
        .with_context(|| format!("cannot set permissions for {shown}; the file is unchanged"))?;
    tmp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {shown}; the file is unchanged"))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failing_write_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        let err = write_atomic_with(&path, |f| {
            f.write_all(b"half of the new")?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains("the file is unchanged") && msg.contains("No space left"),
            "{msg}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "original\n");
        assert_eq!(files_in(dir.path()), ["a.toml"]);
    }

    #[test]
    fn a_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        write_atomic(&path, b"new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(files_in(dir.path()), ["a.toml"]);
    }

    #[test]
    fn a_held_lock_times_out_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let held = lock(dir.path(), Duration::from_secs(30)).unwrap();
        let err = lock(dir.path(), Duration::from_millis(50))
            .map(|_| ())
            .unwrap_err();
        assert!(
            format!("{err}").contains("another pledge process has held"),
            "{err}"
        );
        drop(held);
        lock(dir.path(), Duration::ZERO).unwrap();
    }
}
