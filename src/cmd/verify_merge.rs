//! `verify-merge`: for a forge's CI, every log entry, measurement and verdict that the
//! commits from BASE to HEAD lost (by the rule of [`crate::lost`]), and every pledge file
//! they left invalid. Reads the versions with `git log`, `git diff-tree` and `git cat-file`.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use super::Ctx;
use super::git::{Git, Repo};
use crate::cli::VerifyMergeArgs;
use crate::edit::lost::{self, Entries, Lost};
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::{LostKind, MergeMsg, Words};

/// One commit of the range.
struct Commit {
    id: String,
    parents: Vec<String>,
    author: String,
    subject: String,
}

/// A loss found, in a file, at a commit.
struct Found {
    file: String,
    commit: usize,
    lost: Lost,
}

pub fn verify_merge(dir: Option<PathBuf>, a: VerifyMergeArgs, ctx: &mut Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let repo = Repo::find(dir.as_deref(), ctx.here(), lang)?;
    let git = &repo.git;
    let (base, head) = endpoints(git, &a.revs)?;
    if git
        .ok(&["merge-base", "--is-ancestor", &base, &head])
        .is_err()
    {
        bail!(
            MergeMsg::NotAncestor {
                base: &safe(&a.revs[0], false),
                head: &safe(a.revs.last().expect("one or two"), false),
            }
            .say(lang)
        );
    }
    let commits = range(git, &base, &head)?;
    let plan = Plan::make(git, &repo.rel, &commits, &base, &head)?;
    let blobs = Blobs(read_blobs(git, &plan.wanted)?);
    let mut losses = Losses::default();
    for (i, files, merge_base) in &plan.commits {
        losses.in_commit(&commits[*i], *i, files, merge_base.as_deref(), &blobs);
    }
    // A loss put right later in the range (the entry written back) is no loss.
    losses.found.retain(|l| {
        let now = blobs
            .text(&head, &l.file)
            .and_then(crate::edit::merge::entries)
            .map_or(0, |(_, es)| {
                es.iter().filter(|(_, t)| *t == l.lost.text).count()
            });
        (now as i64) < l.lost.required
    });
    let broken = broken_files(&plan.changed, &blobs, &base, &head, ctx.read_cutoff(), lang);
    let span = Span {
        base: short(&base),
        head: short(&head),
        commits: commits.len(),
    };
    report(&losses, &commits, &broken, &head, &span, ctx)
}

/// The first ten characters of a commit id.
fn short(id: &str) -> String {
    id.chars().take(10).collect()
}

/// The range in a reply: BASE..HEAD (short ids) and how many commits.
struct Span {
    base: String,
    head: String,
    commits: usize,
}

/// BASE and HEAD as full commit ids from one or two revisions (one: its first parent and it).
fn endpoints(git: &Git, revs: &[String]) -> Result<(String, String)> {
    let lang = git.lang;
    let commit_of = |rev: &str| -> Result<String> {
        git.line(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .ok()
        .filter(|s| !s.is_empty())
        .with_context(|| MergeMsg::UnknownRevision(&safe(rev, false)).say(lang))
    };
    match revs {
        [one] => {
            let head = commit_of(one)?;
            let base = commit_of(&format!("{head}^1"))
                .with_context(|| MergeMsg::NoParent(&safe(one, false)).say(lang))?;
            Ok((base, head))
        }
        [b, h] => Ok((commit_of(b)?, commit_of(h)?)),
        _ => bail!(MergeMsg::GiveBaseAndHead.say(lang)),
    }
}

/// What to read: each commit's pledge files with its parents' merge base, the files
/// BASE..HEAD changed (for the validation), and every `REV:PATH` wanted.
struct Plan {
    commits: Vec<(usize, Vec<String>, Option<String>)>,
    changed: Vec<String>,
    wanted: Vec<String>,
}

impl Plan {
    fn make(git: &Git, rel: &str, commits: &[Commit], base: &str, head: &str) -> Result<Plan> {
        let is_pledge = |path: &str| is_pledge_path(rel, path);
        let pathspec: Vec<&str> = match rel {
            "" => Vec::new(),
            rel => vec!["--", rel],
        };
        let names = |out: Vec<u8>| -> Vec<String> {
            out.split(|b| *b == 0)
                .filter(|f| !f.is_empty())
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .filter(|f| is_pledge(f))
                .collect()
        };
        let mut plans = Vec::new();
        let mut wanted: Vec<String> = Vec::new();
        for (i, c) in commits.iter().enumerate() {
            let mut files: Vec<String> = Vec::new();
            for p in &c.parents {
                let mut args = vec!["diff-tree", "-r", "-z", "--name-only", "--no-commit-id"];
                args.extend([p.as_str(), c.id.as_str()]);
                args.extend(pathspec.iter().copied());
                for f in names(git.ok(&args)?) {
                    if !files.contains(&f) {
                        files.push(f);
                    }
                }
            }
            if files.is_empty() {
                continue;
            }
            let merge_base = match c.parents.len() {
                0 | 1 => None,
                _ => {
                    let mut args = vec!["merge-base", "--octopus"];
                    args.extend(c.parents.iter().map(String::as_str));
                    git.line(&args).ok().filter(|s| !s.is_empty())
                }
            };
            for f in &files {
                for rev in c.parents.iter().chain([&c.id]).chain(merge_base.iter()) {
                    wanted.push(format!("{rev}:{f}"));
                }
                wanted.push(format!("{head}:{f}"));
            }
            plans.push((i, files, merge_base));
        }
        let mut args = vec!["diff", "--name-only", "-z", base, head];
        args.extend(pathspec.iter().copied());
        let changed = names(git.ok(&args)?);
        for f in &changed {
            wanted.push(format!("{base}:{f}"));
            wanted.push(format!("{head}:{f}"));
        }
        wanted.sort();
        wanted.dedup();
        Ok(Plan {
            commits: plans,
            changed,
            wanted,
        })
    }
}

/// The texts read, by `REV:PATH`.
struct Blobs(HashMap<String, Option<String>>);

impl Blobs {
    /// The text of the file at the revision, without a byte order mark; None: no such file.
    fn text(&self, rev: &str, f: &str) -> Option<&str> {
        self.0
            .get(&format!("{rev}:{f}"))
            .and_then(|b| b.as_deref())
            .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t))
    }
}

/// The losses found so far, how many file changes were compared, and the versions that do
/// not load (not compared; named when they are not HEAD's).
#[derive(Default)]
struct Losses {
    found: Vec<Found>,
    compared: usize,
    unreadable: Vec<(String, String)>,
}

impl Losses {
    /// The entries of a file at a revision: None when there is no file, Err when it does not
    /// load (noted).
    fn entries(&mut self, blobs: &Blobs, rev: &str, f: &str) -> Result<Option<Entries>, ()> {
        match blobs.text(rev, f) {
            None => Ok(None),
            Some(t) => match crate::edit::merge::entries(t) {
                Some(e) => Ok(Some(e)),
                None => {
                    self.unreadable.push((rev.to_string(), f.to_string()));
                    Err(())
                }
            },
        }
    }

    /// The losses of one commit (number `i`) in its files.
    fn in_commit(
        &mut self,
        c: &Commit,
        i: usize,
        files: &[String],
        merge_base: Option<&str>,
        blobs: &Blobs,
    ) {
        let mut in_commit: Vec<Found> = Vec::new();
        let mut gained: HashMap<String, i64> = HashMap::new();
        for f in files {
            let Ok(after) = self.entries(blobs, &c.id, f) else {
                continue;
            };
            let parents: Result<Vec<Option<Entries>>, ()> = c
                .parents
                .iter()
                .map(|p| self.entries(blobs, p, f))
                .collect();
            let Ok(parents) = parents else { continue };
            self.compared += 1;
            let lost = if let [before] = parents.as_slice() {
                for (_, t) in after.iter().flat_map(|a| &a.1) {
                    *gained.entry(t.clone()).or_insert(0) += 1;
                }
                for (_, t) in before.iter().flat_map(|b| &b.1) {
                    *gained.entry(t.clone()).or_insert(0) -= 1;
                }
                lost::lost_in_commit(before.as_ref(), after.as_ref(), &c.author)
            } else {
                let Ok(mb) = merge_base.map_or(Ok(None), |mb| self.entries(blobs, mb, f)) else {
                    continue;
                };
                let refs: Vec<Option<&Entries>> = parents.iter().map(Option::as_ref).collect();
                lost::lost_in_merge(mb.as_ref(), &refs, after.as_ref())
            };
            in_commit.extend(lost.into_iter().map(|lost| Found {
                file: f.clone(),
                commit: i,
                lost,
            }));
        }
        // An entry moved to another file in the same commit (a renamed file) is not lost.
        for mut l in in_commit {
            if let Some(g) = gained.get_mut(&l.lost.text).filter(|g| **g > 0) {
                let moved = (*g).min(l.lost.copies);
                *g -= moved;
                l.lost.copies -= moved;
            }
            if l.lost.copies > 0 {
                self.found.push(l);
            }
        }
    }
}

/// The files valid at BASE (or new) that HEAD leaves invalid, each with its first error.
fn broken_files(
    changed: &[String],
    blobs: &Blobs,
    base: &str,
    head: &str,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Vec<String> {
    let mut broken = Vec::new();
    for f in changed {
        let Some(now) = blobs.text(head, f) else {
            continue;
        };
        let loaded = crate::load::load(f, now, today);
        if !loaded.has_errors() {
            continue;
        }
        let was_valid = blobs
            .text(base, f)
            .is_none_or(|t| !crate::load::load(f, t, today).has_errors());
        if was_valid {
            let why = match loaded.diags.iter().find(|d| d.is_error()) {
                Some(d) => crate::view::diag_words::one_line(f, now, d, lang),
                None => MergeMsg::DoesNotValidate(f).say(lang),
            };
            broken.push(why);
        }
    }
    broken
}

/// Writes what was lost and what no longer validates, and the last line; the exit code.
fn report(
    losses: &Losses,
    commits: &[Commit],
    broken: &[String],
    head: &str,
    span: &Span,
    ctx: &mut Ctx,
) -> Result<u8> {
    let lang = ctx.lang;
    for l in &losses.found {
        let c = &commits[l.commit];
        let (date, what, by) = &l.lost.key;
        let (kind, name) = describe_what(what);
        let by = by.as_deref().map(|b| safe(b, false));
        let date = date.to_string();
        let line = MergeMsg::Lost {
            file: &safe(&l.file, false),
            kind,
            name: &safe(name, false),
            date: &date,
            by: by.as_deref(),
            copies: l.lost.copies,
            merge: c.parents.len() > 1,
            commit: &short(&c.id),
            subject: &safe(&c.subject, false),
        };
        writeln!(ctx.out, "{}", super::wrapped(&line.say(lang), ctx.width))?;
        for line in l.lost.text.lines() {
            writeln!(ctx.out, "    {}", safe(line, false))?;
        }
    }
    for b in broken {
        writeln!(ctx.out, "{b}")?;
    }
    for (rev, f) in &losses.unreadable {
        if *rev != head {
            let note = MergeMsg::NotLoaded {
                file: &safe(f, false),
                rev: &short(rev),
            };
            writeln!(ctx.err, "{}", super::wrapped(&note.say(lang), ctx.width))?;
        }
    }
    let (base, head, commits) = (span.base.as_str(), span.head.as_str(), span.commits);
    if losses.found.is_empty() && broken.is_empty() {
        if !ctx.quiet {
            let compared = losses.compared;
            let done = MergeMsg::NothingLost {
                base,
                head,
                commits,
                compared,
            };
            writeln!(ctx.out, "{}", super::wrapped(&done.say(lang), ctx.width))?;
        }
        return Ok(0);
    }
    let lost: i64 = losses.found.iter().map(|l| l.lost.copies).sum();
    let summary = MergeMsg::LostSummary {
        lost,
        broken: broken.len(),
        base,
        head,
        commits,
    };
    writeln!(ctx.out, "{}", super::wrapped(&summary.say(lang), ctx.width))?;
    Ok(1)
}

/// What a lost entry was and of which activity or indicator: "measurement:trygghet" is a
/// measurement of trygghet, "verdict:a" a verdict on a, anything else a log entry of it.
fn describe_what(what: &str) -> (LostKind, &str) {
    if let Some(i) = what.strip_prefix("measurement:") {
        (LostKind::Measurement, i)
    } else if let Some(a) = what.strip_prefix("verdict:") {
        (LostKind::Verdict, a)
    } else {
        (LostKind::Entry, what)
    }
}

/// Whether a path of the repository is a file the folder walk reads: `*.toml` below the
/// pledges folder `rel`, no part of its path below the folder hidden.
fn is_pledge_path(rel: &str, path: &str) -> bool {
    let inner = match rel {
        "" => path,
        rel => match path.strip_prefix(rel).and_then(|p| p.strip_prefix('/')) {
            Some(p) => p,
            None => return false,
        },
    };
    inner.ends_with(".toml") && !inner.split('/').any(|part| part.starts_with('.'))
}

/// The commits from BASE (excluded) to HEAD, oldest first.
fn range(git: &Git, base: &str, head: &str) -> Result<Vec<Commit>> {
    let out = git.ok(&[
        "log",
        "--reverse",
        "--format=%H%x00%P%x00%an%x00%s%x00",
        &format!("{base}..{head}"),
    ])?;
    let text = String::from_utf8_lossy(&out);
    let fields: Vec<&str> = text.split('\0').collect();
    Ok(fields
        .chunks(4)
        .filter(|c| c.len() == 4)
        .map(|c| Commit {
            id: c[0].trim().to_string(),
            parents: c[1].split_whitespace().map(str::to_string).collect(),
            author: c[2].to_string(),
            subject: c[3].to_string(),
        })
        .collect())
}

/// The text of each `REV:PATH` (None: no such file there), read by one `git cat-file
/// --batch`.
fn read_blobs(git: &Git, specs: &[String]) -> Result<HashMap<String, Option<String>>> {
    let mut input = Vec::new();
    for s in specs {
        input.extend_from_slice(s.as_bytes());
        input.push(b'\n');
    }
    let out = git.with_input(&["cat-file", "--batch"], input)?;
    let mut map = HashMap::new();
    let mut at = 0;
    for s in specs {
        let nl = out[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map(|p| at + p)
            .context("git cat-file ended early")?;
        let header = String::from_utf8_lossy(&out[at..nl]).into_owned();
        at = nl + 1;
        let parts: Vec<&str> = header.split(' ').collect();
        match parts.as_slice() {
            [_, kind, size] if !header.ends_with(" missing") => {
                let size: usize = size.parse().context("git cat-file: a size")?;
                let body = out.get(at..at + size).context("git cat-file ended early")?;
                at += size + 1;
                let text = (*kind == "blob")
                    .then(|| String::from_utf8(body.to_vec()).ok())
                    .flatten();
                map.insert(s.clone(), text);
            }
            _ => {
                map.insert(s.clone(), None);
            }
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pledge_paths_are_the_walks_files() {
        assert!(is_pledge_path("pledges", "pledges/a.toml"));
        assert!(is_pledge_path("pledges", "pledges/varmland/a.toml"));
        assert!(!is_pledge_path("pledges", "pledges/.hidden/a.toml"));
        assert!(!is_pledge_path("pledges", "pledges/a.json"));
        assert!(!is_pledge_path("pledges", "pledgesx/a.toml"));
        assert!(is_pledge_path("", "a/b.toml"));
        assert!(!is_pledge_path("", ".pledge-a.toml"));
    }
}
