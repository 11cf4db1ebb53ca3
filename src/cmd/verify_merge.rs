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
use crate::text::{plural, safe};

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
    let repo = Repo::find(dir.as_deref())?;
    let git = &repo.git;
    let commit_of = |rev: &str| -> Result<String> {
        git.line(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .ok()
        .filter(|s| !s.is_empty())
        .with_context(|| format!("unknown revision {}", safe(rev, false)))
    };
    let (base, head) = match a.revs.as_slice() {
        [one] => {
            let head = commit_of(one)?;
            let base = commit_of(&format!("{head}^1")).with_context(|| {
                format!("{} has no parent; give BASE and HEAD", safe(one, false))
            })?;
            (base, head)
        }
        [b, h] => (commit_of(b)?, commit_of(h)?),
        _ => bail!("give BASE and HEAD, or one commit"),
    };
    if git
        .ok(&["merge-base", "--is-ancestor", &base, &head])
        .is_err()
    {
        bail!(
            "{} is not an ancestor of {}: give the commit the branch had before (for a pull \
             request, its merge commit or `git merge-base`)",
            safe(&a.revs[0], false),
            safe(a.revs.last().expect("one or two"), false)
        );
    }
    let commits = range(git, &base, &head)?;
    let is_pledge = |path: &str| is_pledge_path(&repo.rel, path);
    let pathspec: Vec<&str> = match repo.rel.as_str() {
        "" => Vec::new(),
        rel => vec!["--", rel],
    };
    // Each commit's files, and the versions to read: (commit index, file, parents' merge base).
    let mut plans: Vec<(usize, Vec<String>, Option<String>)> = Vec::new();
    let mut wanted: Vec<String> = Vec::new();
    for (i, c) in commits.iter().enumerate() {
        let mut files: Vec<String> = Vec::new();
        for p in &c.parents {
            let mut args = vec!["diff-tree", "-r", "-z", "--name-only", "--no-commit-id"];
            args.extend([p.as_str(), c.id.as_str()]);
            args.extend(pathspec.iter().copied());
            let out = git.ok(&args)?;
            for f in out.split(|b| *b == 0).filter(|f| !f.is_empty()) {
                let f = String::from_utf8_lossy(f).into_owned();
                if is_pledge(&f) && !files.contains(&f) {
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
    // The files BASE..HEAD changed, for the validation.
    let mut args = vec!["diff", "--name-only", "-z", base.as_str(), head.as_str()];
    args.extend(pathspec.iter().copied());
    let changed: Vec<String> = git
        .ok(&args)?
        .split(|b| *b == 0)
        .filter(|f| !f.is_empty())
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .filter(|f| is_pledge(f))
        .collect();
    for f in &changed {
        wanted.push(format!("{base}:{f}"));
        wanted.push(format!("{head}:{f}"));
    }
    wanted.sort();
    wanted.dedup();
    let blobs = read_blobs(git, &wanted)?;
    let text = |rev: &str, f: &str| -> Option<&str> {
        blobs
            .get(&format!("{rev}:{f}"))
            .and_then(|b| b.as_deref())
            .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t))
    };
    // Versions that do not load are not compared (named below when HEAD's does not load).
    let mut unreadable: Vec<(String, String)> = Vec::new();
    let mut entries_of = |rev: &str, f: &str| -> Result<Option<Entries>, ()> {
        match text(rev, f) {
            None => Ok(None),
            Some(t) => match crate::edit::merge::entries(t) {
                Some(e) => Ok(Some(e)),
                None => {
                    unreadable.push((rev.to_string(), f.to_string()));
                    Err(())
                }
            },
        }
    };
    let mut found: Vec<Found> = Vec::new();
    let mut compared = 0usize;
    for (i, files, merge_base) in &plans {
        let c = &commits[*i];
        let mut in_commit: Vec<Found> = Vec::new();
        let mut gained: HashMap<String, i64> = HashMap::new();
        for f in files {
            let Ok(after) = entries_of(&c.id, f) else {
                continue;
            };
            let parents: Result<Vec<Option<Entries>>, ()> =
                c.parents.iter().map(|p| entries_of(p, f)).collect();
            let Ok(parents) = parents else { continue };
            compared += 1;
            let lost = if let [before] = parents.as_slice() {
                for (_, t) in after.iter().flat_map(|a| &a.1) {
                    *gained.entry(t.clone()).or_insert(0) += 1;
                }
                for (_, t) in before.iter().flat_map(|b| &b.1) {
                    *gained.entry(t.clone()).or_insert(0) -= 1;
                }
                lost::lost_in_commit(before.as_ref(), after.as_ref(), &c.author)
            } else {
                let Ok(mb) = merge_base
                    .as_deref()
                    .map_or(Ok(None), |mb| entries_of(mb, f))
                else {
                    continue;
                };
                let refs: Vec<Option<&Entries>> = parents.iter().map(Option::as_ref).collect();
                lost::lost_in_merge(mb.as_ref(), &refs, after.as_ref())
            };
            in_commit.extend(lost.into_iter().map(|lost| Found {
                file: f.clone(),
                commit: *i,
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
                found.push(l);
            }
        }
    }
    // A loss put right later in the range (the entry written back) is no loss.
    found.retain(|l| {
        let now = text(&head, &l.file)
            .and_then(crate::edit::merge::entries)
            .map_or(0, |(_, es)| {
                es.iter().filter(|(_, t)| *t == l.lost.text).count()
            });
        (now as i64) < l.lost.required
    });
    let today = ctx.read_cutoff();
    let mut broken: Vec<String> = Vec::new();
    for f in &changed {
        let Some(now) = text(&head, f) else { continue };
        let loaded = crate::load::load(f, now, today);
        if !loaded.has_errors() {
            continue;
        }
        let was_valid = text(&base, f).is_none_or(|t| !crate::load::load(f, t, today).has_errors());
        if was_valid {
            let first = loaded.diags.iter().find(|d| d.is_error());
            let why = match first {
                Some(d) => {
                    crate::view::diag_words::one_line(f, now, d, crate::view::i18n::Lang::En)
                }
                None => format!("{f}: does not validate"),
            };
            broken.push(why);
        }
    }
    let short = |id: &str| id.chars().take(10).collect::<String>();
    for l in &found {
        let c = &commits[l.commit];
        let (date, what, by) = &l.lost.key;
        let what = describe_what(what);
        let copies = match l.lost.copies {
            1 => String::new(),
            n => format!(" ({n} copies)"),
        };
        let how = if c.parents.len() > 1 {
            "dropped by the merge"
        } else {
            "removed, not by its author's undo,"
        };
        writeln!(
            ctx.out,
            "{}: {what} of {date}{}{copies} {how} in {} \"{}\":",
            safe(&l.file, false),
            by.as_deref()
                .map(|b| format!(" by {}", safe(b, false)))
                .unwrap_or_default(),
            short(&c.id),
            safe(&c.subject, false),
        )?;
        for line in l.lost.text.lines() {
            writeln!(ctx.out, "    {}", safe(line, false))?;
        }
    }
    for b in &broken {
        writeln!(ctx.out, "{b}")?;
    }
    for (rev, f) in &unreadable {
        if *rev != head {
            writeln!(
                ctx.err,
                "note: {} does not load in {}; its entries there are not compared",
                safe(f, false),
                short(rev)
            )?;
        }
    }
    let span = format!(
        "{}..{}, {} commit{}",
        short(&base),
        short(&head),
        commits.len(),
        plural(commits.len())
    );
    if found.is_empty() && broken.is_empty() {
        if !ctx.quiet {
            writeln!(
                ctx.out,
                "nothing lost ({span}, {compared} file change{} compared)",
                plural(compared)
            )?;
        }
        return Ok(0);
    }
    let lost: i64 = found.iter().map(|l| l.lost.copies).sum();
    writeln!(
        ctx.out,
        "{lost} entr{} lost, {} file{} no longer valid ({span}); write the lost entries back \
         (as shown) and commit",
        if lost == 1 { "y" } else { "ies" },
        broken.len(),
        plural(broken.len())
    )?;
    Ok(1)
}

/// "log entry of trygghetsvandring", "measurement of trygghet", "verdict on a".
fn describe_what(what: &str) -> String {
    if let Some(i) = what.strip_prefix("measurement:") {
        format!("measurement of {}", safe(i, false))
    } else if let Some(a) = what.strip_prefix("verdict:") {
        format!("verdict on {}", safe(a, false))
    } else {
        format!("log entry of {}", safe(what, false))
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
