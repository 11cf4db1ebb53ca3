//! Changing a pledge file: the lock, the edit made under it, and the atomic replacement.
//!
//! The lock is the file `.pledge.lock` in the folder that really holds the file written (links
//! resolved), so every path to one file (a link from another folder, a subfolder given as
//! `--dir`) waits for the same lock.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::text::shown_path;
use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use super::{
    Cwd, LOCK_FILE, MAX_FILE_SIZE, Said, SourceFile, display_path, from_bytes, read, read_capped,
};
use crate::view::messages::{StoreMsg, Words};

/// A change refused before anything was written (exit 1): the file is unchanged. Shown in
/// English; the error printer says it in the reader's language ([`StoreMsg::say`]).
#[derive(Debug)]
pub struct Refusal(pub StoreMsg);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.say(crate::view::i18n::Lang::En))
    }
}

impl std::error::Error for Refusal {}

/// Where an [`edit`] happens and how long it waits.
#[derive(Debug, Clone, Copy)]
pub struct Under<'a> {
    /// The pledges folder, whose seal ([`super::seal`]) is renewed when it held just before
    /// the file was replaced (the replacement changes the folder's times, not its names).
    pub root: Option<&'a Path>,
    /// The working folder paths are shown from.
    pub cwd: Cwd<'a>,
    /// How long the folder's lock is waited for.
    pub timeout: Duration,
}

/// An exclusive lock on the folder that really holds a file, held until dropped.
pub struct FolderLock {
    _file: File,
}

/// The folder whose lock guards `path`: the real folder holding the file (or, for a folder,
/// the real folder itself).
fn lock_folder(path: &Path) -> Result<PathBuf> {
    let real =
        fs::canonicalize(path).with_context(|| format!("cannot resolve {}", shown_path(path)))?;
    if real.is_dir() {
        return Ok(real);
    }
    real.parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| anyhow!("{} has no parent folder", shown_path(&real)))
}

/// Takes the exclusive lock of the folder that really holds `path` (a file or a folder),
/// waiting up to `timeout` for another `pledge` process to finish. A lock whose holder was
/// killed is released by the OS at once; one held longer than the timeout (a process hung on
/// a network disk, say) is an error rather than a wait without end.
/// `cwd`: the working folder the lock file's name is shown from.
pub fn lock(path: &Path, cwd: Cwd, timeout: Duration) -> Result<FolderLock> {
    let path = lock_folder(path)?.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", display_path(&path, cwd)))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(Said(StoreMsg::LockHeld {
                    file: display_path(&path, cwd),
                    secs: timeout.as_secs_f64(),
                })
                .into());
            }
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", display_path(&path, cwd)));
            }
        }
    }
}

/// Changes one file under its lock: the file is read again once the lock is held, `change`
/// makes the new bytes from what is there now (with a value for the caller), and the file is
/// replaced atomically. Whatever another process wrote before the lock was taken is kept.
/// `before` is the file as the caller read it; when the bytes are still the same it is used
/// as it is, without loading the file again.
/// `temporaries` are writers' temporary files seen when the folder was listed: those of
/// killed writers in the folder whose lock is held (no live process holds them) are removed.
/// `under`: the pledges folder, the working folder and the lock's timeout ([`Under`]).
// Long because: the lock, the stale temporaries, the fresh read and the sealed replacement are
// one sequence under one lock.
pub fn edit<T>(
    path: &Path,
    under: Under,
    today: NaiveDate,
    before: &SourceFile,
    temporaries: &[PathBuf],
    change: impl FnOnce(&SourceFile) -> Result<(Vec<u8>, T)>,
) -> Result<T> {
    let Under { root, cwd, timeout } = under;
    let _lock = lock(path, cwd, timeout)?;
    // Only those of the folder this lock guards (a listing also sees subfolders').
    let folder = lock_folder(path)?;
    temporaries
        .iter()
        .filter(|t| {
            t.parent()
                .and_then(|d| fs::canonicalize(d).ok())
                .is_some_and(|d| d == folder)
        })
        .for_each(|t| remove_if_stale(t));
    let (bytes, value) = match read_capped(path) {
        Ok(bytes) if bytes == super::with_bom(before.bom, &before.text) => change(before)?,
        Ok(bytes) => change(&from_bytes(path, display_path(path, cwd), bytes, today))?,
        Err(_) => change(&read(path, cwd, today)?)?,
    };
    let sealed = root.and_then(|r| super::seal::holding(r).map(|s| (r, s)));
    write_atomic(path, cwd, &bytes)?;
    if let Some((root, seal)) = sealed {
        super::seal::after_write(root, seal, path);
    }
    Ok(value)
}

/// Replaces `path` with `contents` atomically: a temporary file in the same folder, written,
/// flushed to disk and given the old file's permissions, is renamed over the target. A
/// symlink is followed, so its target is replaced and the link stays. On any error the
/// original is untouched and the temporary file is removed. Refused, writing nothing: a file
/// the user may not write (read-only, or another user's), and contents over the size limit
/// (nothing could read the file afterwards).
pub fn write_atomic(path: &Path, cwd: Cwd, contents: &[u8]) -> Result<()> {
    if contents.len() as u64 > MAX_FILE_SIZE {
        return Err(Refusal(StoreMsg::TooLarge {
            file: display_path(path, cwd),
            mb: contents.len() as f64 / 1e6,
            max_mib: MAX_FILE_SIZE >> 20,
        })
        .into());
    }
    write_atomic_with(path, cwd, |f| f.write_all(contents))
}

/// [`write_atomic`] with the writing step given, so tests can make it fail (a full disk) at
/// any point.
pub fn write_atomic_with(
    path: &Path,
    cwd: Cwd,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<()> {
    let target =
        fs::canonicalize(path).with_context(|| format!("cannot resolve {}", shown_path(path)))?;
    let dir = target
        .parent()
        .ok_or_else(|| anyhow!("{} has no parent folder", shown_path(&target)))?;
    let shown = display_path(path, cwd);
    let meta = fs::metadata(&target).with_context(|| format!("cannot read {shown}"))?;
    if !meta.is_file() {
        return Err(Refusal(StoreMsg::NotRegularFile(shown)).into());
    }
    // As editors do: a file the user may not write is not replaced, although the folder
    // would allow the rename (which would also make the user its owner). A file without any
    // write permission is refused even to root, as vim refuses it without `!`.
    let refuse = || Refusal(StoreMsg::MayNotWrite(shown.clone()));
    if meta.permissions().readonly() {
        return Err(refuse().into());
    }
    if let Err(e) = OpenOptions::new().append(true).open(&target) {
        if e.kind() == std::io::ErrorKind::PermissionDenied {
            return Err(refuse().into());
        }
        return Err(e).with_context(|| format!("cannot write {shown}"));
    }
    let mut tmp = temporary_for(&target)
        .with_context(|| format!("cannot create a temporary file beside {shown}"))?;
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| {
            format!("cannot write the new version of {shown}; the file is unchanged")
        })?;
    keep_owner(tmp.as_file(), &meta);
    fs::set_permissions(tmp.path(), meta.permissions())
        .with_context(|| format!("cannot set permissions for {shown}; the file is unchanged"))?;
    tmp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {shown}; the file is unchanged"))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Creates `path` with `contents`, all or nothing: written and flushed under a temporary name,
/// then linked into place only if no file of that name exists (a full disk leaves no empty
/// file behind). An existing file is refused and left as it is.
pub fn create_atomic(path: &Path, cwd: Cwd, contents: &[u8]) -> Result<()> {
    let shown = display_path(path, cwd);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut b = tempfile::Builder::new();
    b.prefix(TMP_PREFIX).suffix(TMP_SUFFIX);
    as_umask_allows(&mut b);
    let mut tmp = b
        .tempfile_in(dir)
        .with_context(|| format!("cannot create {shown}"))?;
    let _ = tmp.as_file().try_lock();
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {shown}; nothing was written"))?;
    match tmp.persist_noclobber(path) {
        Ok(_) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Refusal(StoreMsg::AlreadyExists(shown)).into());
        }
        Err(e) => return Err(e.error).with_context(|| format!("cannot create {shown}")),
    }
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A new file made through `b` gets the permissions the user's umask gives any new file
/// (`rw-r--r--` under the usual 022), as an editor's would: cron or a web server running as
/// another user can read it.
pub fn as_umask_allows(b: &mut tempfile::Builder<'_, '_>) {
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    #[cfg(not(unix))]
    let _ = b;
}

/// Gives the new version the old one's owner and group where the user may (root may; a user
/// may give a file a group of theirs), so a shared file does not change hands.
#[cfg(unix)]
fn keep_owner(new: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(now) = new.metadata() else {
        return;
    };
    if (now.uid(), now.gid()) != (old.uid(), old.gid())
        && std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())).is_err()
    {
        let _ = std::os::unix::fs::fchown(new, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_new: &File, _old: &fs::Metadata) {}

const TMP_PREFIX: &str = ".pledge-";
const TMP_SUFFIX: &str = ".tmp";

/// The temporary file that becomes the new version of `target`: named after it
/// (`.pledge-filipstad-2016.toml.tmp`), so one left by a writer killed before its rename is
/// found without listing the folder (a national folder has thousands of files) and replaced
/// by the next write of the same file. Writers hold the folder's lock, so one found there is
/// a killed writer's unless it is locked. When that name cannot be used (a live holder,
/// another user's leftover, a folder in the way, a name too long), a random name is: such a
/// file, if its writer is killed, is removed by the next write that lists the folder. Locked
/// while it lives, so a later writer can tell it from one left by a killed process.
fn temporary_for(target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut name = std::ffi::OsString::from(TMP_PREFIX);
    name.push(target.file_name().unwrap_or_default());
    name.push(TMP_SUFFIX);
    let tmp = named_temporary(&target.with_file_name(name)).or_else(|_| {
        let dir = target.parent().unwrap_or(Path::new("."));
        tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(TMP_SUFFIX)
            .tempfile_in(dir)
    })?;
    let _ = tmp.as_file().try_lock();
    Ok(tmp)
}

/// A new file at `path`, replacing a killed writer's (one no process holds locked).
fn named_temporary(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let create = || {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode_private()
            .open(path)
    };
    let file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let left = OpenOptions::new().append(true).open(path)?;
            left.try_lock()
                .map_err(|_| std::io::Error::other("held by a live writer"))?;
            fs::remove_file(path)?;
            drop(left);
            create()?
        }
        other => other?,
    };
    Ok(tempfile::NamedTempFile::from_parts(
        file,
        tempfile::TempPath::try_from_path(path)?,
    ))
}

/// Owner-only permissions for a new temporary file (it holds a copy of a pledge file until
/// it is given the original's permissions and renamed).
trait ModePrivate {
    fn mode_private(&mut self) -> &mut Self;
}

impl ModePrivate for OpenOptions {
    #[cfg(unix)]
    fn mode_private(&mut self) -> &mut Self {
        std::os::unix::fs::OpenOptionsExt::mode(self, 0o600)
    }
    #[cfg(not(unix))]
    fn mode_private(&mut self) -> &mut Self {
        self
    }
}

/// Whether a file name is that of a writer's temporary file.
pub(super) fn is_temporary(name: &str) -> bool {
    name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)
}

/// Removes a writer's temporary file unless a live process holds it (or it is not a plain
/// file). Best effort.
fn remove_if_stale(path: &Path) {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        return;
    }
    let Ok(f) = OpenOptions::new().append(true).open(path) else {
        return;
    };
    if f.try_lock().is_ok() {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::super::MAX_FILE_SIZE;
    use super::*;

    /// The working folder the tests' paths are shown from.
    fn cwd() -> Cwd<'static> {
        Cwd(Path::new("/"))
    }

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
        let err = write_atomic_with(&path, cwd(), |f| {
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

    /// A new file is readable like the user's other files (not 0600 whatever the umask),
    /// and a rewrite keeps the mode the file had.
    #[cfg(unix)]
    #[test]
    fn a_new_file_follows_the_umask_and_a_rewrite_keeps_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        // Read the umask (setting it back at once; tests run as one process).
        let umask = unsafe {
            let m = libc::umask(0o022);
            libc::umask(m);
            m
        } as u32;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        create_atomic(&path, cwd(), b"new\n").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o666 & !umask);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, cwd(), b"changed\n").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn a_new_file_is_created_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        create_atomic(&path, cwd(), b"new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        let err = create_atomic(&path, cwd(), b"other\n").unwrap_err();
        assert!(err.downcast_ref::<Refusal>().is_some(), "{err:#}");
        assert!(format!("{err}").contains("already exists"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(files_in(dir.path()), ["a.toml"]);
    }

    #[test]
    fn a_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        write_atomic(&path, cwd(), b"new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(files_in(dir.path()), ["a.toml"]);
    }

    #[test]
    fn a_held_lock_times_out_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let held = lock(dir.path(), cwd(), Duration::from_secs(1)).unwrap();
        let err = lock(dir.path(), cwd(), Duration::from_millis(50))
            .map(|_| ())
            .unwrap_err();
        assert!(
            format!("{err}").contains("another pledge process has held"),
            "{err}"
        );
        drop(held);
        lock(dir.path(), cwd(), Duration::ZERO).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn every_path_to_a_file_shares_one_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        fs::create_dir_all(a.join("sub")).unwrap();
        fs::create_dir_all(&b).unwrap();
        let file = a.join("sub/x.toml");
        fs::write(&file, "").unwrap();
        std::os::unix::fs::symlink(&file, b.join("x.toml")).unwrap();
        let held = lock(&b.join("x.toml"), cwd(), Duration::ZERO).unwrap();
        for other in [file.clone(), a.join("sub"), a.join("sub/../sub/x.toml")] {
            assert!(
                lock(&other, cwd(), Duration::ZERO).is_err(),
                "{}",
                other.display()
            );
        }
        drop(held);
        lock(&file, cwd(), Duration::ZERO).unwrap();
    }

    #[test]
    fn contents_over_the_size_limit_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        let big = vec![b'#'; (MAX_FILE_SIZE + 1) as usize];
        let err = write_atomic(&path, cwd(), &big).unwrap_err();
        assert!(err.downcast_ref::<Refusal>().is_some(), "{err:#}");
        assert!(format!("{err}").contains("over the 16 MiB"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "original\n");
        assert_eq!(files_in(dir.path()), ["a.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomic(&path, cwd(), b"new\n").unwrap_err();
        assert!(err.downcast_ref::<Refusal>().is_some(), "{err:#}");
        assert!(format!("{err}").contains("you may not write"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "original\n");
    }

    #[test]
    fn a_killed_writers_temporary_file_is_replaced_by_the_next_write_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        // Left by a writer of a.toml killed before its rename: no one holds it.
        let left = dir.path().join(".pledge-a.toml.tmp");
        fs::write(&left, "a copy").unwrap();
        write_atomic(&path, cwd(), b"new\n").unwrap();
        assert_eq!(files_in(dir.path()), ["a.toml"]);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
    }

    #[test]
    fn a_live_writers_temporary_file_or_a_folder_in_the_way_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "original\n").unwrap();
        // A live writer's: locked.
        let live = dir.path().join(".pledge-a.toml.tmp");
        let live_file = File::create(&live).unwrap();
        live_file.lock().unwrap();
        write_atomic(&path, cwd(), b"new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(files_in(dir.path()), [".pledge-a.toml.tmp", "a.toml"]);
        drop(live_file);
        fs::remove_file(&live).unwrap();
        fs::create_dir(&live).unwrap();
        write_atomic(&path, cwd(), b"newer\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "newer\n");
        assert_eq!(files_in(dir.path()), [".pledge-a.toml.tmp", "a.toml"]);
    }

    #[test]
    fn an_edit_removes_killed_writers_temporary_files_of_its_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "x = 1\n").unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let stale = dir.path().join(".pledge-abc123.tmp");
        let live = dir.path().join(".pledge-live.tmp");
        let other = dir.path().join("sub/.pledge-def456.tmp");
        for t in [&stale, &live, &other] {
            fs::write(t, "a copy").unwrap();
        }
        let live_file = File::open(&live).unwrap();
        live_file.lock().unwrap();
        let today = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let before = super::super::read(&path, cwd(), today).unwrap();
        edit(
            &path,
            Under {
                root: None,
                cwd: cwd(),
                timeout: Duration::from_secs(1),
            },
            today,
            &before,
            &[stale.clone(), live.clone(), other.clone()],
            |_| Ok((b"x = 2\n".to_vec(), ())),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "x = 2\n");
        assert!(!stale.exists());
        assert!(live.exists() && other.exists());
        drop(live_file);
    }
}
