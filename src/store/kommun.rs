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
        && let Some((key, trusted_before, found)) = candidates(dir, kod, prefix)
        && sealed.is_for(&key)
    {
        // Each line is used only while its file is as it was when the line was written;
        // otherwise its file may now hold any period and any löfte.
        let vouched = |path: &Path, c: &IndexCandidate| {
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
        ident: scan::ident_field(ident.as_ref()),
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

/// A file that the index says could hold a löfte of a kommun: its path relative to the
/// folder, the years of its löfte, and its identity and [`Ident`] when it was indexed.
#[derive(Debug, Clone)]
pub struct IndexCandidate {
    pub rel: Vec<u8>,
    pub years: Years,
    pub key: index::Key,
    pub ident: Option<Ident>,
}

/// The files the folder's index says could hold a löfte of the kommun `kod` (those naming it,
/// and those that could name any), with the identity of the index read and before when a
/// file's times must be for its line to be used ([`Key::vouched_by`]); None when there is no
/// whole index of this version. Only those lines are read into values: a writer asks this of
/// a national folder's index on every write.
pub fn candidates(
    dir: &Path,
    kod: &str,
    prefix: &str,
) -> Option<(index::Key, i128, Vec<IndexCandidate>)> {
    let file = fs::File::open(dir.join(index::INDEX_FILE)).ok()?;
    let meta = file.metadata().ok()?;
    let key = index::Key::of(&meta);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()?.saturating_add(1));
    std::io::Read::read_to_end(&mut &file, &mut bytes).ok()?;
    // Lines by `memchr`, and the kommun's name prefix searched once in the whole index: most
    // lines are other kommuners' files, passed over on their first bytes.
    let mut at = 0;
    let mut line = || {
        let from = at;
        let end = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        at = end + 1;
        (from < bytes.len()).then(|| (from, &bytes[from..end]))
    };
    if line()?.1 != index::header().as_bytes() {
        return None;
    }
    let trusted_before = index::trusted_before(line()?.1, &key)?;
    let mut prefixed = memchr::memmem::find_iter(&bytes, prefix.as_bytes()).peekable();
    let (mut out, mut n) = (Vec::new(), 0usize);
    while let Some((from, line)) = line() {
        if let Some(end) = line.strip_prefix(b"end ") {
            let count: usize = std::str::from_utf8(end).ok()?.parse().ok()?;
            return (count == n).then_some((key, trusted_before, out));
        }
        n += 1;
        let names = names_kod(line, kod.as_bytes())?;
        while prefixed.next_if(|&i| i < from).is_some() {}
        let holds_prefix = prefixed.peek().is_some_and(|&i| i < from + line.len());
        if !names && !holds_prefix {
            continue;
        }
        let parsed = index::parse_line(line)?;
        if names || index::is_named(&parsed.rel, prefix) {
            out.push(IndexCandidate {
                rel: parsed.rel.into_owned(),
                years: parsed.years,
                key: parsed.key,
                ident: scan::parse_ident(parsed.ident)?,
            });
        }
    }
    None
}

/// Whether an index line's first field names `kod` (or any kommun, `*`); None when the line
/// has no first field. Most lines name one kommun: a kommunkod and a space, told by their
/// first bytes.
fn names_kod(line: &[u8], kod: &[u8]) -> Option<bool> {
    if line.get(kod.len()) == Some(&b' ') && !line[..kod.len()].contains(&b',') {
        // Byte by byte: four bytes are not worth a call to `memcmp`.
        return Some(line.iter().zip(kod).all(|(a, b)| a == b));
    }
    let named = &line[..memchr::memchr(b' ', line)?];
    Some(named == b"*" || named.split(|&b| b == b',').any(|k| k == kod))
}
