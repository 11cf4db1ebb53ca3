//! The folder's index: which kommuner each file could hold a löfte of, so a kommun's view
//! reads only that kommun's files without reading every other file's bytes.
//!
//! `.pledge-index` in the pledges folder holds, for every file a view has scanned, what
//! [`scan::kommuner_named`] found in it (the kommunkoder of its strings the loader could read
//! as a kommun, or "any" when the lexer cannot follow the text) with the file's identity when
//! it was read: size, modification and change times (nanoseconds), inode and device. An entry
//! is used only for a file whose identity is the same now, and only when its times are older,
//! by [`MARGIN`], than the moment the scan that wrote it began (by the machine's clock, and by
//! the file system's, read from the index's own modification time): a file changed after it
//! was read, even within the same tick of a coarse clock (git's "racy" timestamps), then has
//! other times, and the change time cannot be set back by `touch` or `cp -p`. Every other file
//! is read and scanned again, as is every file when the index is missing, unreadable, cut
//! short or written by another version. The index is rewritten (a temporary file renamed over
//! it) when a file was scanned or one it names is gone; a failed write (a read-only folder)
//! is ignored: the next view scans again.
//!
//! Several processes may write it at once: each writes a whole index, and each entry is
//! checked against its own file before it is used, so whichever lands is correct.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

#[cfg(test)]
use super::scan::ident_field;
use super::scan::{Ident, Years, parse_ident};

/// The index's file name in the pledges folder (hidden, so never read as a löfte).
pub const INDEX_FILE: &str = ".pledge-index";

/// The first line; another version's index (whose scan or list of kommuner may differ) is
/// not read.
pub(super) fn header() -> String {
    format!("pledge-index 3 {}", env!("CARGO_PKG_VERSION"))
}

/// A folder with fewer pledge files has no index written: reading a few dozen files costs
/// less than keeping one (and a small folder, such as a repository's own `pledges/`, gets no
/// file it did not ask for).
pub const MIN_FILES: usize = 100;

/// How much older than the scan a file's times must be for its entry to be used: far more than
/// any file system's timestamp granularity (FAT's 2 s) and a coarse clock's tick.
const MARGIN: i128 = 3_000_000_000;

/// A file's identity as `stat` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    size: u64,
    mtime: i128,
    ctime: i128,
    ino: u64,
    dev: u64,
}

impl Key {
    #[cfg(unix)]
    pub fn of(m: &fs::Metadata) -> Key {
        use std::os::unix::fs::MetadataExt;
        Key {
            size: m.len(),
            mtime: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
            ctime: i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            ino: m.ino(),
            dev: m.dev(),
        }
    }

    /// [`Key::of`] from what `fstatat` gave.
    #[cfg(unix)]
    pub fn of_stat(st: &libc::stat) -> Key {
        let nanos = |s, ns| i128::from(s) * 1_000_000_000 + i128::from(ns);
        Key {
            size: u64::try_from(st.st_size).unwrap_or(u64::MAX),
            mtime: nanos(st.st_mtime, st.st_mtime_nsec),
            ctime: nanos(st.st_ctime, st.st_ctime_nsec),
            ino: st.st_ino,
            dev: st.st_dev,
        }
    }

    /// Whether a file that is now `self`, indexed as `indexed`, is unchanged since, and older
    /// than `trusted_before` (so a change within the same tick would have been seen).
    pub fn vouched_by(&self, indexed: &Key, trusted_before: i128) -> bool {
        *indexed == *self && self.mtime.max(self.ctime) < trusted_before
    }

    /// Without inode and change time an entry cannot be trusted: none is ever used.
    #[cfg(not(unix))]
    pub fn of(m: &fs::Metadata) -> Key {
        Key {
            size: m.len(),
            mtime: i128::MAX,
            ctime: i128::MAX,
            ino: 0,
            dev: 0,
        }
    }
}

impl Key {
    /// The fields as the index and the seal write them: `size mtime ctime ino dev`.
    pub(super) fn fields(&self) -> String {
        format!(
            "{} {} {} {} {}",
            self.size, self.mtime, self.ctime, self.ino, self.dev
        )
    }

    /// [`Key::fields`] read back.
    pub(super) fn parse(text: &str) -> Option<Key> {
        let mut f = text.split(' ');
        let mut num = || -> Option<i128> { f.next()?.parse().ok() };
        let key = Key {
            size: u64::try_from(num()?).ok()?,
            mtime: num()?,
            ctime: num()?,
            ino: u64::try_from(num()?).ok()?,
            dev: u64::try_from(num()?).ok()?,
        };
        f.next().is_none().then_some(key)
    }
}

/// What a file could name: None for any kommun (or a file that is not UTF-8: it is read, to
/// be reported), else these kommunkoder.
pub type Named = Option<Vec<&'static str>>;

/// One file of the index.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: Key,
    pub named: Named,
    /// The years of its löfte's period, as far as its head tells ([`scan::period_years`]).
    pub years: Years,
    /// Its löfte's kommuner, area and period when its head says them plainly
    /// ([`scan::head`]), as the index writes them ([`ident_field`]).
    pub ident: String,
}

impl Entry {
    /// [`Entry::ident`] read back (None when unknown or not readable).
    pub fn decoded_ident(&self) -> Option<Ident> {
        parse_ident(self.ident.as_bytes()).flatten()
    }

    /// Whether the file could hold a löfte of one of `kods`.
    pub fn names_one_of(&self, kods: &[&str]) -> bool {
        self.named
            .as_ref()
            .is_none_or(|named| named.iter().any(|k| kods.contains(k)))
    }
}

/// The index as read, and when the scan that wrote it began.
pub struct Index {
    entries: HashMap<Vec<u8>, Entry>,
    /// Entries whose file times are before this (nanoseconds since the epoch) may be used.
    trusted_before: i128,
    /// When this view's scan began.
    started: i128,
}

fn nanos(t: SystemTime) -> i128 {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// The bytes of a relative path, as the index stores it.
#[cfg(unix)]
pub fn path_bytes(rel: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    rel.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
pub fn path_bytes(rel: &Path) -> Vec<u8> {
    rel.to_string_lossy().as_bytes().to_vec()
}

/// Now, in nanoseconds since the epoch, as the index writes when a scan began.
pub fn now() -> i128 {
    nanos(SystemTime::now())
}

impl Index {
    /// An index of nothing, for a scan that began at `started`: saving it writes whatever
    /// was seen.
    pub fn empty(started: i128) -> Index {
        Index {
            entries: HashMap::new(),
            trusted_before: i128::MIN,
            started,
        }
    }

    /// The folder's index, or an empty one when there is none that can be used.
    pub fn open(dir: &Path) -> Index {
        let mut index = Index::empty(now());
        if let Some((entries, trusted_before)) = read(&dir.join(INDEX_FILE)) {
            index.entries = entries;
            index.trusted_before = trusted_before;
        }
        index
    }

    /// The entry of the file at `rel` when it may be used for a file that is now `key`.
    pub fn trusted(&self, rel: &[u8], key: &Key) -> Option<&Entry> {
        self.entries
            .get(rel)
            .filter(|e| key.vouched_by(&e.key, self.trusted_before))
    }

    /// Writes the index of the files seen (relative path, entry, and whether it was scanned
    /// now) when anything differs from the index read. Errors are ignored: a folder that
    /// cannot be written is scanned again next time.
    pub fn save(&self, dir: &Path, seen: Vec<(Vec<u8>, Entry, bool)>) {
        let changed = seen.len() != self.entries.len() || seen.iter().any(|s| s.2);
        if !changed || seen.len() < MIN_FILES {
            return;
        }
        let mut text = Vec::with_capacity(seen.len() * 80 + 100);
        let took = nanos(SystemTime::now()) - self.started;
        let _ = writeln!(text, "{}\nstarted {} {took}", header(), self.started);
        for (rel, e, _) in &seen {
            let k = &e.key;
            let named = match &e.named {
                None => "*".to_string(),
                Some(kods) if kods.is_empty() => "-".to_string(),
                Some(kods) => kods.join(","),
            };
            let years = years_field(e.years);
            let _ = write!(text, "{named} {years} {} {} ", e.ident, k.fields());
            text.extend_from_slice(&escape(rel));
            text.push(b'\n');
        }
        let _ = writeln!(text, "end {}", seen.len());
        let _ = write_index(dir, &text);
    }
}

/// Replaces the index with `text` (a temporary file renamed over it). Not flushed to disk: an
/// index cut short by a crash is not read (it lacks its last line) and is written again.
fn write_index(dir: &Path, text: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".pledge-index.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text)?;
    tmp.persist(dir.join(INDEX_FILE)).map_err(|e| e.error)?;
    Ok(())
}

/// The entries of the index at `path`, and before when their times must be to be used; None
/// when it is missing, of another version, or not whole.
fn read(path: &Path) -> Option<(HashMap<Vec<u8>, Entry>, i128)> {
    let (written, bytes) = read_bytes(path)?;
    let (lines, trusted_before) = lines(&bytes, &written)?;
    let kods: HashMap<&str, &'static str> = crate::kommuner::all()
        .iter()
        .map(|k| (k.kod, k.kod))
        .collect();
    let mut entries = HashMap::with_capacity(lines.len());
    for line in lines {
        let entry = line.entry(&kods)?;
        entries.insert(line.rel.into_owned(), entry);
    }
    Some((entries, trusted_before))
}

/// The identity and the bytes of the index at `path`, as one open file gave them.
pub fn read_bytes(path: &Path) -> Option<(Key, Vec<u8>)> {
    let file = fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    let mut bytes = Vec::with_capacity(meta.len().min(1 << 30) as usize);
    std::io::Read::read_to_end(&mut &file, &mut bytes).ok()?;
    Some((Key::of(&meta), bytes))
}

/// One line of the index as it lies in the index's bytes: nothing is allocated for it but
/// the path of a file whose name needed escaping.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub rel: std::borrow::Cow<'a, [u8]>,
    /// The kommunkoder, `,`-separated; `*` for any, `-` for none.
    named: &'a [u8],
    pub years: Years,
    /// [`Entry::ident`].
    pub ident: &'a [u8],
    pub key: Key,
}

impl Line<'_> {
    /// Whether the file could hold a löfte of one of `kods` (as [`Entry::names_one_of`]).
    pub fn names_one_of(&self, kods: &[&str]) -> bool {
        self.named == b"*"
            || self
                .named
                .split(|&b| b == b',')
                .any(|k| kods.iter().any(|kod| kod.as_bytes() == k))
    }

    /// The line as an entry, its kommunkoder among `all`; None when one is not.
    pub fn entry(&self, all: &HashMap<&str, &'static str>) -> Option<Entry> {
        let named = match std::str::from_utf8(self.named).ok()? {
            "*" => None,
            "-" => Some(Vec::new()),
            kods => Some(
                kods.split(',')
                    .map(|kod| all.get(kod).copied())
                    .collect::<Option<Vec<_>>>()?,
            ),
        };
        Some(Entry {
            key: self.key,
            named,
            years: self.years,
            ident: String::from_utf8(self.ident.to_vec()).ok()?,
        })
    }
}

/// The lines of an index's `bytes` (`written`: the index's identity), in the order written
/// (the folder's, by path), and before when a file's times must be for its line to be used;
/// None when it is of another version or not whole.
fn lines<'a>(bytes: &'a [u8], written: &Key) -> Option<(Vec<Line<'a>>, i128)> {
    let (raw, trusted_before) = raw_lines(bytes, written)?;
    let lines = raw.into_iter().map(parse_line).collect::<Option<_>>()?;
    Some((lines, trusted_before))
}

/// [`lines`] not yet parsed (each is parsed by [`parse_line`] where it is used, on the core
/// that uses it): the index is whole and of this version, its lines as many as it says.
pub fn raw_lines<'a>(bytes: &'a [u8], written: &Key) -> Option<(Vec<&'a [u8]>, i128)> {
    let mut lines = bytes.split(|&b| b == b'\n');
    if lines.next()? != header().as_bytes() {
        return None;
    }
    let trusted_before = trusted_before(lines.next()?, written)?;
    let mut out = Vec::with_capacity(bytes.len() / 80);
    for line in lines {
        if let Some(end) = line.strip_prefix(b"end ") {
            let n: usize = std::str::from_utf8(end).ok()?.parse().ok()?;
            return (n == out.len()).then_some((out, trusted_before));
        }
        out.push(line);
    }
    None
}

/// A period's years as the index writes them: `2016..2017`, `*..2017` (any start).
fn years_field(years: Years) -> String {
    let side = |y: Option<i32>| y.map_or("*".to_string(), |y| y.to_string());
    format!("{}..{}", side(years.0), side(years.1))
}

/// [`years_field`] read back.
fn parse_years(field: &[u8]) -> Option<Years> {
    let (a, b) = std::str::from_utf8(field).ok()?.split_once("..")?;
    let side = |s: &str| -> Option<Option<i32>> {
        if s == "*" {
            Some(None)
        } else {
            s.parse().ok().map(Some)
        }
    };
    Some((side(a)?, side(b)?))
}

/// A path as the index writes it: `\\` and `\n` escaped, so it is one line.
pub(super) fn escape(rel: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rel.len());
    for &b in rel {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b => out.push(b),
        }
    }
    out
}

/// [`escape`] undone.
pub(super) fn unescape(field: &[u8]) -> Vec<u8> {
    let mut rel = Vec::with_capacity(field.len());
    let mut escaped = false;
    for &b in field {
        match (escaped, b) {
            (false, b'\\') => escaped = true,
            (true, b'n') => (rel.push(b'\n'), escaped = false).1,
            (true, b) => (rel.push(b), escaped = false).1,
            (false, b) => rel.push(b),
        }
    }
    rel
}

/// Whether the file at `rel` (as the index writes it) has a name beginning with `prefix`.
pub fn is_named(rel: &[u8], prefix: &str) -> bool {
    let name = rel.rsplit(|&b| b == b'/').next().unwrap_or(rel);
    name.starts_with(prefix.as_bytes())
}

/// The index's second line (`started BEGAN TOOK`) read, with the index's identity `written`:
/// before when a file's times must be for its line to be used. The scan's beginning by the
/// machine's clock, and by the file system's (the index's own time less how long the scan
/// took before writing it), less [`MARGIN`].
pub(super) fn trusted_before(line: &[u8], written: &Key) -> Option<i128> {
    let started = std::str::from_utf8(line).ok()?;
    let mut started = started.strip_prefix("started ")?.split(' ');
    let (began, took): (i128, i128) =
        (started.next()?.parse().ok()?, started.next()?.parse().ok()?);
    Some(began.min(written.mtime - took) - MARGIN)
}

/// One line of the index: `named years ident size mtime ctime ino dev path` (what a writer
/// looks for first, the path, which may hold spaces, last).
pub fn parse_line(line: &[u8]) -> Option<Line<'_>> {
    let mut fields = line.splitn(9, |&b| b == b' ');
    let named = fields.next()?;
    let years = parse_years(fields.next()?)?;
    let ident = fields.next()?;
    let mut num = || -> Option<i128> { parse_int(fields.next()?) };
    let key = Key {
        size: u64::try_from(num()?).ok()?,
        mtime: num()?,
        ctime: num()?,
        ino: u64::try_from(num()?).ok()?,
        dev: u64::try_from(num()?).ok()?,
    };
    let rel = fields.next()?;
    let rel = if rel.contains(&b'\\') {
        std::borrow::Cow::Owned(unescape(rel))
    } else {
        std::borrow::Cow::Borrowed(rel)
    };
    Some(Line {
        rel,
        named,
        years,
        ident,
        key,
    })
}

/// A decimal integer (an optional `-`, then digits) without going through `str`.
fn parse_int(field: &[u8]) -> Option<i128> {
    let (neg, digits) = match field.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, field),
    };
    if digits.is_empty() || digits.len() > 38 {
        return None;
    }
    let mut n: i128 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i128::from(d - b'0');
    }
    Some(if neg { -n } else { n })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_as_written_whatever_the_path() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let index = Index::open(dir);
        let meta = fs::metadata(dir).unwrap();
        let filler: Vec<_> = (0..MIN_FILES)
            .map(|i| (format!("f{i}.toml").into_bytes(), Some(vec![])))
            .collect();
        let ale = crate::kommuner::find("Ale").unwrap().kod;
        let kil = crate::kommuner::find("Kil").unwrap().kod;
        let seen = vec![
            (b"a\nb\\n c.toml".to_vec(), Some(vec![ale, kil])),
            (b"sub/none.toml".to_vec(), Some(vec![])),
            (b"any.toml".to_vec(), None),
            (b"f1-named.toml".to_vec(), Some(vec![])),
        ];
        let seen: Vec<_> = seen.into_iter().chain(filler).collect();
        // A löfte's kommuner, area (any bytes but a line end) and period, written and read back.
        let ident = Some(Ident {
            kods: vec![ale, kil],
            area: Some("Centrum: öst 1+2 \\ -".to_string()),
            start: chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2017, 12, 31).unwrap(),
        });
        assert_eq!(parse_ident(ident_field(None).as_bytes()), Some(None));
        index.save(
            dir,
            seen.iter()
                .map(|(rel, named)| {
                    let e = Entry {
                        key: Key::of(&meta),
                        named: named.clone(),
                        years: (Some(2016), None),
                        ident: ident_field(ident.as_ref()),
                    };
                    (rel.clone(), e, true)
                })
                .collect(),
        );
        let (entries, _) = read(&dir.join(INDEX_FILE)).unwrap();
        assert_eq!(entries.len(), 4 + MIN_FILES);
        for (rel, named) in seen {
            let e = &entries[&rel];
            assert_eq!((e.key, &e.named), (Key::of(&meta), &named));
            assert_eq!(e.years, (Some(2016), None));
        }
        // A writer's question: the files naming Ale, those that could name any kommun, and
        // those named after it.
        let (_, _, found) = super::super::kommun::candidates(dir, ale, "f1-").unwrap();
        for c in &found {
            assert_eq!((c.key, &c.ident), (Key::of(&meta), &ident));
        }
        let mut rels: Vec<&[u8]> = found.iter().map(|c| c.rel.as_slice()).collect();
        rels.sort();
        let mut want: Vec<&[u8]> = vec![b"a\nb\\n c.toml", b"any.toml", b"f1-named.toml"];
        want.sort();
        assert_eq!(rels, want);
        // Just written, the folder's own times are too young to be trusted.
        let index = Index::open(dir);
        assert!(index.trusted(b"any.toml", &Key::of(&meta)).is_none());
        assert!(index.entries.contains_key(b"any.toml".as_slice()));
    }
}
