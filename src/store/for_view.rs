//! A view's files: those of the pledges folder that could hold a löfte of the kommuner asked
//! for, loaded, with the files that cannot be read (to be named), at about the cost of those
//! files rather than the folder's.
//!
//! Which kommuner a file could name is kept in the folder's index ([`index`]); a file's line
//! is used only while the file's identity is the one indexed and older than the scan that
//! wrote it (so an in-place edit, even within the same second, is seen), else the file is read
//! and scanned again. How the files are found:
//! - **Sealed** (the seal in `.pledge.lock` holds, [`seal`]): the folder's pledge files are
//!   exactly the index's lines, so the folder is not listed. Each indexed file is `stat`ed
//!   relative to the folder (`fstatat` on the folder's descriptor, on all cores), its line
//!   judged as above, and only the files that could name a kommun asked for are read.
//! - **Listed** (no seal: a `git pull`, a new file, a link, a file that cannot be read, or a
//!   folder too small to be indexed): the folder is walked, every file `stat`ed, and each
//!   judged the same way.
//!
//! Either way a file scanned now goes into a new index, and the folder is sealed again for the
//! next view or writer.

use super::*;

/// [`read_each`] for the pledge files of `dir` that could hold a löfte of one of `of` (every
/// file when None): only those whose strings could name one of the kommuner are loaded
/// ([`scan::kommuner_named`]), with every file that cannot be read or decoded, to be named.
/// Each is handed to `each` on the core that loaded it; what `each` returns is kept, in the
/// order of the files' paths.
pub fn read_each_of<T: Send>(
    dir: &Path,
    cwd: Cwd,
    today: NaiveDate,
    keep_text: bool,
    of: Option<&[Needle]>,
    each: impl Fn(SourceFile) -> T + Sync,
) -> Result<Vec<T>> {
    let Some(needles) = of else {
        let paths = pledge_files(dir)?;
        return par_map(&paths, |_, p| {
            Ok(each(read_keeping(p, cwd, today, keep_text)?))
        });
    };
    let kods: Vec<&str> = needles.iter().map(Needle::kod).collect();
    let read = Read {
        dir,
        cwd,
        today,
        keep_text,
        kods: &kods,
    };
    if let Some(done) = sealed(&read, &each) {
        return done;
    }
    listed(&read, &each)
}

/// What a view reads, and for which kommuner.
struct Read<'a> {
    dir: &'a Path,
    cwd: Cwd<'a>,
    today: NaiveDate,
    keep_text: bool,
    kods: &'a [&'a str],
}

/// The folder listed: every file `stat`ed by path and judged by its line in the index.
fn listed<T: Send>(r: &Read, each: &(impl Fn(SourceFile) -> T + Sync)) -> Result<Vec<T>> {
    let paths = pledge_files(r.dir)?;
    let index = index::Index::open(r.dir);
    let read = par_map(&paths, |_, p| {
        let rel = index::path_bytes(p.strip_prefix(r.dir).unwrap_or(p));
        let (file, entry) = read_indexed(p, &rel, r.cwd, r.today, r.keep_text, &index, r.kods);
        Ok((file.map(each), entry.map(|(e, scanned)| (rel, e, scanned))))
    })?;
    let (out, seen): (Vec<Option<T>>, Vec<_>) = read.into_iter().unzip();
    save_and_seal(r.dir, &index, seen.into_iter().flatten().collect());
    Ok(out.into_iter().flatten().collect())
}

/// What became of one indexed file in a sealed view.
enum Got<T> {
    /// Its line vouches that it names none of the kommuner.
    Passed,
    /// Its line vouches for it, and it was read.
    Read(Box<T>),
    /// Its line could not be used: read and scanned now (the file when it could name one of
    /// the kommuner or cannot be read; its new line, unless it cannot be read).
    Scanned(Box<(Option<T>, Option<index::Entry>)>),
    /// No longer a regular file by that name (the seal was broken meanwhile), or a line that
    /// does not parse.
    Gone,
}

/// The view from the index alone, while the folder's seal holds; None when it does not (or
/// a file went meanwhile): then the folder is listed.
fn sealed<T: Send>(r: &Read, each: &(impl Fn(SourceFile) -> T + Sync)) -> Option<Result<Vec<T>>> {
    let started = index::now();
    let seal = seal::holding(r.dir)?;
    let (key, bytes) = index::read_bytes(&r.dir.join(INDEX_FILE))?;
    if !seal.is_for(&key) {
        return None;
    }
    let (lines, trusted_before) = index::raw_lines(&bytes, &key)?;
    let folder = Folder::open(r.dir)?;
    let got = par_map(&lines, |_, line| {
        let Some((line, now)) =
            index::parse_line(line).and_then(|l| folder.stat(&l.rel).map(|now| (l, now)))
        else {
            return Ok(Got::Gone);
        };
        let path = || r.dir.join(seal::from_bytes(&line.rel));
        if !now.vouched_by(&line.key, trusted_before) {
            let (file, entry) = kommun::scan_and_read(&path(), r.cwd, r.today, r.keep_text, r.kods);
            return Ok(Got::Scanned(Box::new((file.map(each), entry))));
        }
        if !line.names_one_of(r.kods) {
            return Ok(Got::Passed);
        }
        let file = read_keeping(&path(), r.cwd, r.today, r.keep_text)?;
        Ok(Got::Read(Box::new(each(file))))
    });
    let got = match got {
        Ok(got) => got,
        Err(e) => return Some(Err(e)),
    };
    if got.iter().any(|g| matches!(g, Got::Gone)) {
        return None;
    }
    if got.iter().any(|g| matches!(g, Got::Scanned(..))) {
        reindex(r.dir, started, &lines, &got);
    }
    Some(Ok(got
        .into_iter()
        .filter_map(|g| match g {
            Got::Read(t) => Some(*t),
            Got::Scanned(s) => s.0,
            _ => None,
        })
        .collect()))
}

/// Writes the index again after a sealed view scanned some files (`got`, beside `lines`): the
/// lines still vouched for, the new ones, and none for a file that cannot be read; then seals
/// the folder for it.
fn reindex<T>(dir: &Path, started: i128, lines: &[&[u8]], got: &[Got<T>]) {
    let all: std::collections::HashMap<&str, &'static str> = crate::kommuner::all()
        .iter()
        .map(|k| (k.kod, k.kod))
        .collect();
    let seen = lines
        .iter()
        .zip(got)
        .filter_map(|(line, g)| {
            let line = index::parse_line(line)?;
            let rel = line.rel.to_vec();
            match g {
                Got::Scanned(s) => s.1.clone().map(|e| (rel, e, true)),
                _ => line.entry(&all).map(|e| (rel, e, false)),
            }
        })
        .collect();
    save_and_seal(dir, &index::Index::empty(started), seen);
}

/// The pledges folder, open, so each file is `stat`ed by its name in it (no walk from the
/// root of the path for every file).
struct Folder {
    #[cfg(unix)]
    fd: File,
}

impl Folder {
    #[cfg(unix)]
    fn open(dir: &Path) -> Option<Folder> {
        Some(Folder {
            fd: File::open(dir).ok()?,
        })
    }

    /// Elsewhere the listed view is used.
    #[cfg(not(unix))]
    fn open(_dir: &Path) -> Option<Folder> {
        None
    }

    /// The identity of the regular file at `rel` in the folder (links followed), or None.
    #[cfg(unix)]
    fn stat(&self, rel: &[u8]) -> Option<index::Key> {
        use std::os::fd::AsRawFd;
        let name = std::ffi::CString::new(rel).ok()?;
        let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
        // SAFETY: a valid descriptor and NUL-terminated name; `st` is written on success.
        let rc = unsafe { libc::fstatat(self.fd.as_raw_fd(), name.as_ptr(), st.as_mut_ptr(), 0) };
        if rc != 0 {
            return None;
        }
        // SAFETY: fstatat succeeded, so it filled `st`.
        let st = unsafe { st.assume_init() };
        (st.st_mode & libc::S_IFMT == libc::S_IFREG).then(|| index::Key::of_stat(&st))
    }

    #[cfg(not(unix))]
    fn stat(&self, _rel: &[u8]) -> Option<index::Key> {
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A folder of `n` löften of Grums and one of Ale (`ale.toml`).
    fn folder(n: usize) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        for i in 0..n {
            let text = format!("title = \"t{i}\"\nkommun = \"Grums\"\n");
            fs::write(tmp.path().join(format!("g{i:03}.toml")), text).unwrap();
        }
        fs::write(tmp.path().join("ale.toml"), "kommun = \"Ale\"\n").unwrap();
        tmp
    }

    fn read<'a>(dir: &'a Path, kods: &'a [&'a str]) -> Read<'a> {
        Read {
            dir,
            cwd: Cwd(dir),
            today: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            keep_text: false,
            kods,
        }
    }

    #[test]
    fn a_sealed_folder_is_read_from_its_index_and_a_broken_seal_is_not() {
        let tmp = folder(index::MIN_FILES);
        let ale = crate::kommuner::find("Ale").unwrap().kod;
        let kods = [ale];
        let r = read(tmp.path(), &kods);
        let shown = |f: SourceFile| f.display;
        // No index yet: listed, indexed and sealed.
        assert!(sealed(&r, &shown).is_none());
        assert_eq!(listed(&r, &shown).unwrap(), ["ale.toml"]);
        // Sealed now: the same answer without a listing (every file young, so scanned again).
        assert_eq!(sealed(&r, &shown).unwrap().unwrap(), ["ale.toml"]);
        assert_eq!(sealed(&r, &shown).unwrap().unwrap(), ["ale.toml"]);
        // Edited in place to name Ale: seen.
        fs::write(tmp.path().join("g007.toml"), "kommun = \"Ale\"\n").unwrap();
        assert_eq!(
            sealed(&r, &shown).unwrap().unwrap(),
            ["ale.toml", "g007.toml"]
        );
        // A new file breaks the seal.
        fs::write(tmp.path().join("new.toml"), "kommun = \"Ale\"\n").unwrap();
        assert!(sealed(&r, &shown).is_none());
        assert_eq!(
            read_each_of(
                r.dir,
                r.cwd,
                r.today,
                false,
                Some(&[Needle::of(crate::kommuner::find("Ale").unwrap())]),
                shown
            )
            .unwrap(),
            ["ale.toml", "g007.toml", "new.toml"]
        );
    }

    #[test]
    fn a_key_from_fstatat_is_the_key_from_metadata() {
        let tmp = folder(1);
        let f = Folder::open(tmp.path()).unwrap();
        let by_path = index::Key::of(&fs::metadata(tmp.path().join("g000.toml")).unwrap());
        assert_eq!(f.stat(b"g000.toml"), Some(by_path));
        assert_eq!(f.stat(b"missing.toml"), None);
        fs::create_dir(tmp.path().join("sub.toml")).unwrap();
        assert_eq!(f.stat(b"sub.toml"), None);
    }
}
