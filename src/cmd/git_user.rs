//! git's `user.name` read from git's configuration files, without starting `git`: a `git`
//! process costs about as much as all the rest of a `done` (2 ms of a 9 ms run).
//!
//! Only the plain case is read here: no variable set that changes git's configuration, a `git` on the PATH (absolute
//! folders only) whose system
//! file is known (`/usr/bin/git` → `/etc/gitconfig`, `/usr/local/bin/git` →
//! `/usr/local/etc/gitconfig`), files that are UTF-8 and hold only section headers, comments and
//! `key = value` lines, no `include`/`includeIf` and no worktree configuration, and a
//! repository found by a plain `.git` folder owned by the user on the same file system. In every
//! other case the answer is [`Lookup::AskGit`], and the caller runs `git config user.name` as
//! before, so the answer is always git's own.

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

/// What the files say.
#[derive(Debug, PartialEq)]
pub(super) enum Lookup {
    /// git is not on the PATH: there is no git user.
    NoGit,
    /// The value git would print (`None`: no `user.name` is set).
    Found(Option<String>),
    /// Something here is not the plain case: ask git.
    AskGit,
}

/// Reads `user.name` the way `git config user.name`, run in `cwd`, would.
pub(super) fn user_name(cwd: &Path) -> Lookup {
    if std::env::vars_os().any(|(k, _)| changes_git_config(&k.to_string_lossy())) {
        return Lookup::AskGit;
    }
    let git = match git_on_path() {
        Ok(Some(git)) => git,
        Ok(None) => return Lookup::NoGit,
        Err(Unsure) => return Lookup::AskGit,
    };
    let system = match std::fs::canonicalize(&git)
        .ok()
        .as_deref()
        .and_then(Path::parent)
    {
        Some(p) if p == Path::new("/usr/bin") => "/etc/gitconfig",
        Some(p) if p == Path::new("/usr/local/bin") => "/usr/local/etc/gitconfig",
        _ => return Lookup::AskGit,
    };
    let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) else {
        return Lookup::AskGit;
    };
    let home = PathBuf::from(home);
    let xdg = match std::env::var_os("XDG_CONFIG_HOME").filter(|x| !x.is_empty()) {
        Some(x) => PathBuf::from(x).join("git/config"),
        None => home.join(".config/git/config"),
    };
    let Some(local) = repository_config(cwd) else {
        return Lookup::AskGit;
    };
    let mut files = vec![PathBuf::from(system), xdg, home.join(".gitconfig")];
    files.extend(local);
    let mut name = None;
    for file in files {
        let text = match std::fs::read(&file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => return Lookup::AskGit,
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(_) => return Lookup::AskGit,
        };
        match last_user_name(&text) {
            Ok(Some(v)) => name = Some(v),
            Ok(None) => {}
            Err(Unsure) => return Lookup::AskGit,
        }
    }
    Lookup::Found(name)
}

/// A variable that changes which configuration `git config` reads (`git -c` and hooks set
/// `GIT_CONFIG_PARAMETERS`, a merge driver runs with `GIT_DIR`).
fn changes_git_config(var: &str) -> bool {
    var.starts_with("GIT_CONFIG")
        || var.starts_with("GIT_TEST")
        || [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_COMMON_DIR",
            "GIT_CEILING_DIRECTORIES",
            "GIT_DISCOVERY_ACROSS_FILESYSTEM",
            "GIT_NAMESPACE",
        ]
        .contains(&var)
}

/// Where `git` would be started from: the first executable `git` in `PATH`'s folders (with no
/// `PATH`, the C library's default `/bin:/usr/bin`). `Err` for a relative folder on the way,
/// which depends on the working folder.
fn git_on_path() -> Result<Option<PathBuf>, Unsure> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/bin:/usr/bin".into());
    for dir in std::env::split_paths(&path) {
        if !dir.is_absolute() {
            return Err(Unsure);
        }
        let git = dir.join("git");
        if std::fs::metadata(&git).is_ok_and(|m| m.is_file() && m.mode() & 0o111 != 0) {
            return Ok(Some(git));
        }
    }
    Ok(None)
}

/// The local configuration file git would read from `cwd`: `Some(None)` outside a repository,
/// `None` when finding it is not the plain case (a `.git` file, a bare repository, another
/// owner, another file system).
fn repository_config(cwd: &Path) -> Option<Option<PathBuf>> {
    let cwd = std::fs::canonicalize(cwd).ok()?;
    let dev = std::fs::metadata(&cwd).ok()?.dev();
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    for dir in cwd.ancestors() {
        let meta = std::fs::metadata(dir).ok()?;
        if meta.dev() != dev {
            return None;
        }
        let dotgit = dir.join(".git");
        match std::fs::symlink_metadata(&dotgit) {
            Ok(m) if m.is_dir() && dotgit.join("HEAD").is_file() => {
                return (m.uid() == me && meta.uid() == me).then(|| Some(dotgit.join("config")));
            }
            Ok(_) => return None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(_) => return None,
        }
        if dir.join("HEAD").exists() && dir.join("objects").is_dir() {
            return None;
        }
    }
    Some(None)
}

/// A line the plain reading does not cover.
#[derive(Debug, PartialEq)]
pub(super) struct Unsure;

/// The last `user.name` in one configuration file's text, as `git config` prints it (trimmed).
pub(super) fn last_user_name(text: &str) -> Result<Option<String>, Unsure> {
    let mut in_user = false;
    let mut found = None;
    for line in text.lines() {
        let line = line.trim_start_matches([' ', '\t']);
        if line.is_empty() || line.starts_with(['#', ';']) {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let (header, after) = rest.split_once(']').ok_or(Unsure)?;
            if !comment_or_blank(after) {
                return Err(Unsure);
            }
            if header != header.trim() {
                return Err(Unsure);
            }
            let lower = header.to_ascii_lowercase();
            if lower.starts_with("include") || lower.contains("worktreeconfig") {
                return Err(Unsure);
            }
            if !header
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-. \"_/:~*@".contains(c))
            {
                return Err(Unsure);
            }
            in_user = lower == "user";
            continue;
        }
        let (key, value) = line.split_once('=').ok_or(Unsure)?;
        let key = key.trim_end_matches([' ', '\t']);
        if key.is_empty()
            || !key.starts_with(|c: char| c.is_ascii_alphabetic())
            || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(Unsure);
        }
        let value = parse_value(value)?;
        if key.eq_ignore_ascii_case("worktreeconfig") {
            return Err(Unsure);
        }
        if in_user && key.eq_ignore_ascii_case("name") {
            found = Some(value.trim().to_string());
        }
    }
    Ok(found)
}

fn comment_or_blank(s: &str) -> bool {
    let s = s.trim_start_matches([' ', '\t']);
    s.is_empty() || s.starts_with(['#', ';'])
}

/// A value as git reads it: quotes removed, `\\ \" \n \t \b` escapes, a comment ends it
/// outside quotes, each whitespace character between words kept as one space, leading and
/// trailing whitespace dropped. A line continuation or another escape is not the plain case.
fn parse_value(raw: &str) -> Result<String, Unsure> {
    let mut out = String::new();
    let mut quoted = false;
    let mut spaces = 0;
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if !quoted && (c == ' ' || c == '\t') {
            if !out.is_empty() {
                spaces += 1;
            }
            continue;
        }
        if !quoted && (c == '#' || c == ';') {
            break;
        }
        for _ in 0..spaces {
            out.push(' ');
        }
        spaces = 0;
        match c {
            '"' => quoted = !quoted,
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('b') => {
                    out.pop();
                }
                _ => return Err(Unsure),
            },
            c if c.is_control() => return Err(Unsure),
            c => out.push(c),
        }
    }
    if quoted {
        return Err(Unsure);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_name_in_the_user_section_counts() {
        let text = "[core]\n\tname = not this\n[user]\n\tname = Anna Berg\n\temail = a@b.se\n\
                    [User]\n    NAME = Nils  Ek ; a comment\n[user \"x\"]\n\tname = nor this\n";
        assert_eq!(last_user_name(text), Ok(Some("Nils  Ek".to_string())));
    }

    #[test]
    fn quotes_and_escapes_are_read_as_git_reads_them() {
        assert_eq!(
            last_user_name("[user]\nname = \"Åsa # Öberg\" \\\"x\\\"\n"),
            Ok(Some("Åsa # Öberg \"x\"".to_string()))
        );
        assert_eq!(
            last_user_name("[user]\nname = a\tb\n"),
            Ok(Some("a b".into()))
        );
        assert_eq!(last_user_name("[user]\nname =\n"), Ok(Some(String::new())));
        assert_eq!(last_user_name("[core]\nbare = false\n"), Ok(None));
    }

    #[test]
    fn anything_but_the_plain_case_asks_git() {
        for text in [
            "[include]\npath = other\n",
            "[includeIf \"gitdir:~/w/\"]\npath = w\n",
            "[user]\nname = a \\\nb\n",
            "[user]\nname\n",
            "[user] name = x\n",
            "[user]\nname = \"open\n",
            "[extensions]\nworktreeConfig = true\n",
            "[user]\nname = a\\qb\n",
        ] {
            assert_eq!(last_user_name(text), Err(Unsure), "{text:?}");
        }
    }
}
