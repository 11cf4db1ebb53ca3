//! A kommun's files for a writer: the files of a folder that could hold a löfte of one
//! kommun, found from the index while the folder's seal holds, else by reading them.

use super::*;

/// A file that could hold a löfte of a kommun, as a writer needs it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    /// The years of its löfte as far as its head tells (any, when its index line is not
    /// vouched for by the file as it is now).
    pub years: Years,
    /// Its löfte's kommuner, area and period, when its head says them plainly and the file
    /// is as it was when that was read (see [`scan::head`]).
    pub ident: Option<scan::Ident>,
}

/// The files of a folder that could hold a löfte of one kommun, as a writer needs them.
pub struct KommunFiles {
    /// Those that could hold one (their strings name the kommun, or any).
    pub candidates: Vec<Candidate>,
    /// Files that cannot be read (to be named: they may hold one).
    pub unreadable: Vec<SourceFile>,
    /// Writers' temporary files seen when the folder was listed (none when it was not).
    pub temporaries: Vec<PathBuf>,
}

/// The files of `dir` that could hold a löfte of the kommun `kod`, whatever their names, and
/// those whose names begin with `prefix` (`filipstad-`, the kommun's own): from
/// the folder's index alone when its seal holds ([`seal`]: no file was added, removed or
/// renamed since the index was checked against the folder), else by listing the folder and
/// scanning every file the index does not vouch for, which writes the index and seals the
/// folder for the next writer.
pub fn kommun_files(dir: &Path, cwd: Cwd, kod: &str, prefix: &str) -> Result<KommunFiles> {
    if let Some(sealed) = seal::holding(dir)
        && let Some((key, trusted_before, found)) = index::candidates(dir, kod, prefix)
        && sealed.is_for(&key)
    {
        // Each line is used only while its file is as it was when the line was written;
        // otherwise its file may now hold any period and any löfte.
        let vouched = |path: &Path, c: &index::Candidate| {
            fs::symlink_metadata(path)
                .ok()
                .filter(fs::Metadata::is_file)
                .is_some_and(|m| index::Key::of(&m).vouched_by(&c.key, trusted_before))
        };
        return Ok(KommunFiles {
            candidates: found
                .into_iter()
                .map(|c| {
                    let path = dir.join(seal::from_bytes(&c.rel));
                    match vouched(&path, &c) {
                        true => Candidate {
                            path,
                            years: c.years,
                            ident: c.ident,
                        },
                        false => Candidate {
                            path,
                            years: (None, None),
                            ident: None,
                        },
                    }
                })
                .collect(),
            unreadable: Vec::new(),
            temporaries: Vec::new(),
        });
    }
    let (paths, temporaries) = pledge_files_and_temporaries(dir, |_| true)?;
    let index = index::Index::open(dir);
    let read = par_map(&paths, |_, p| {
        let rel = index::path_bytes(p.strip_prefix(dir).unwrap_or(p));
        Ok((p.clone(), classify(p, &rel, cwd, &index), rel))
    })?;
    let mut out = KommunFiles {
        candidates: Vec::new(),
        unreadable: Vec::new(),
        temporaries,
    };
    let mut seen = Vec::new();
    for (path, found, rel) in read {
        match found {
            Err(file) => out.unreadable.push(*file),
            Ok((entry, scanned)) => {
                if entry.names_one_of(&[kod]) || index::is_named(&rel, prefix) {
                    out.candidates.push(Candidate {
                        path,
                        years: entry.years,
                        ident: entry.decoded_ident(),
                    });
                }
                seen.push((rel, entry, scanned));
            }
        }
    }
    save_and_seal(dir, &index, seen);
    Ok(out)
}

/// The index's entry for the file at `path` (`rel` in the index), and whether it was scanned
/// now; or the file, when it cannot be read.
fn classify(
    path: &Path,
    rel: &[u8],
    cwd: Cwd,
    index: &index::Index,
) -> std::result::Result<(index::Entry, bool), Box<SourceFile>> {
    let known = fs::metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .and_then(|m| index.trusted(rel, &index::Key::of(&m)).cloned());
    if let Some(entry) = known {
        return Ok((entry, false));
    }
    let display = display_path(path, cwd);
    let (bytes, meta) =
        read_capped_with_meta(path).map_err(|d| Box::new(unreadable(path, display, d)))?;
    Ok((scanned(&meta, &bytes), true))
}

/// The index's entry for a file read now: what its strings name and its löfte's years.
fn scanned(meta: &fs::Metadata, bytes: &[u8]) -> index::Entry {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(text).ok();
    let (years, ident) = text.map_or(((None, None), None), scan::head);
    index::Entry {
        key: index::Key::of(meta),
        named: text.and_then(scan::kommuner_named),
        years,
        ident: index::ident_field(ident.as_ref()),
    }
}

/// The file at `path` (`rel` in the index) when it could hold a löfte of one of `kods` or
/// cannot be read, told by its entry in the index when that may be used, else by scanning it;
/// and its entry for the index (None for a file that cannot be read), with whether it was
/// scanned now.
pub(super) fn read_indexed(
    path: &Path,
    rel: &[u8],
    cwd: Cwd,
    today: NaiveDate,
    keep_text: bool,
    index: &index::Index,
    kods: &[&str],
) -> (Option<SourceFile>, Option<(index::Entry, bool)>) {
    let known = fs::metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .and_then(|m| index.trusted(rel, &index::Key::of(&m)).cloned());
    if let Some(entry) = known {
        let file = entry
            .names_one_of(kods)
            .then(|| read_keeping(path, cwd, today, keep_text).ok())
            .flatten();
        return (file, Some((entry, false)));
    }
    let (file, entry) = scan_and_read(path, cwd, today, keep_text, kods);
    (file, entry.map(|e| (e, true)))
}

/// The file at `path`, read and scanned now: the file when it could hold a löfte of one of
/// `kods` or cannot be read, and its entry for the index (None when it cannot be read).
pub(super) fn scan_and_read(
    path: &Path,
    cwd: Cwd,
    today: NaiveDate,
    keep_text: bool,
    kods: &[&str],
) -> (Option<SourceFile>, Option<index::Entry>) {
    let display = display_path(path, cwd);
    let (bytes, meta) = match read_capped_with_meta(path) {
        Ok(read) => read,
        Err(diag) => return (Some(unreadable(path, display, diag)), None),
    };
    let entry = scanned(&meta, &bytes);
    let file = entry
        .names_one_of(kods)
        .then(|| kept(from_bytes(path, display, bytes, today), keep_text));
    (file, Some(entry))
}
