//! `git setup` and `git check`: a clone whose pledge files merge entry by entry, and that
//! can never end a merge with one side's file and no conflict markers. Also the one-line
//! warning `validate` gives in a clone that is set up only in part.

use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::edit::gitsetup::{self, Driver};
use crate::store;
use crate::text::{safe, shown_path};
use crate::view::i18n::Lang;
use crate::view::messages::{GitMsg, MergeMsg, Words};

/// git, run in one folder.
pub(super) struct Git {
    pub dir: PathBuf,
    /// The language of its errors.
    pub lang: Lang,
}

impl Git {
    fn command(&self) -> Command {
        let mut c = Command::new("git");
        c.current_dir(&self.dir);
        c
    }

    /// git's output (stdout) when it succeeds, else an error with what it said.
    pub fn ok(&self, args: &[&str]) -> Result<Vec<u8>> {
        let out = self
            .command()
            .args(args)
            .output()
            .with_context(|| GitMsg::CannotRunGit.say(self.lang))?;
        if !out.status.success() {
            bail!(self.failed(args, &String::from_utf8_lossy(&out.stderr)));
        }
        Ok(out.stdout)
    }

    /// "git ARGS failed: what it said".
    fn failed(&self, args: &[&str], said: &str) -> String {
        GitMsg::GitFailed {
            args: &args.join(" "),
            said: said.trim(),
        }
        .say(self.lang)
    }

    /// [`Git::ok`] as one line of text.
    pub fn line(&self, args: &[&str]) -> Result<String> {
        let out = self.ok(args)?;
        Ok(String::from_utf8_lossy(&out).trim_end().to_string())
    }

    /// git with `input` on its standard input, fed from a thread (git answers as it reads).
    pub fn with_input(&self, args: &[&str], input: Vec<u8>) -> Result<Vec<u8>> {
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| GitMsg::CannotRunGit.say(self.lang))?;
        let mut stdin = child.stdin.take().expect("piped");
        let feeder = std::thread::spawn(move || stdin.write_all(&input));
        let mut out = Vec::new();
        child
            .stdout
            .take()
            .expect("piped")
            .read_to_end(&mut out)
            .with_context(|| GitMsg::CannotReadGitOutput.say(self.lang))?;
        let status = child
            .wait()
            .with_context(|| GitMsg::GitDidNotFinish.say(self.lang))?;
        let _ = feeder.join();
        if !status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            bail!(self.failed(args, &err));
        }
        Ok(out)
    }
}

/// The repository that holds the pledges folder.
pub(super) struct Repo {
    pub git: Git,
    /// The top of the work tree.
    pub top: PathBuf,
    /// The pledges folder, as found.
    pub pledges: PathBuf,
    /// The pledges folder relative to the top, parts joined by `/` ("" for the top itself).
    pub rel: String,
}

impl Repo {
    /// The repository of the pledges folder; an error when it is in none.
    pub fn find(dir: Option<&Path>, cwd: store::Cwd, lang: Lang) -> Result<Repo> {
        let pledges = store::find_dir(dir, cwd)?;
        let git = Git {
            dir: pledges.clone(),
            lang,
        };
        let top = match git.line(&["rev-parse", "--show-toplevel"]) {
            Ok(t) if !t.is_empty() => PathBuf::from(t),
            Ok(_) | Err(_) => bail!(GitMsg::NotInWorkTree(&shown_path(&pledges)).say(lang)),
        };
        let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        let rel_path = canon(&pledges)
            .strip_prefix(canon(&top))
            .map(Path::to_path_buf)
            .with_context(|| {
                GitMsg::NotBelowTop {
                    dir: &shown_path(&pledges),
                    top: &shown_path(&top),
                }
                .say(lang)
            })?;
        let rel = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(Repo {
            git: Git {
                dir: top.clone(),
                lang,
            },
            top,
            pledges,
            rel,
        })
    }

    /// A path of the pledges folder relative to the top, with `/`.
    fn in_top(&self, file: &Path) -> String {
        let inner = file.strip_prefix(&self.pledges).unwrap_or(file);
        let parts: Vec<String> = inner
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let inner = parts.join("/");
        if self.rel.is_empty() {
            inner
        } else {
            format!("{}/{inner}", self.rel)
        }
    }

    /// How the clone is set up: the pledge files (and a new file in the folder and in a new
    /// subfolder) git would not merge with the driver, and the driver configured.
    pub fn state(&self) -> Result<State> {
        let mut paths: Vec<String> = store::pledge_files(&self.pledges)?
            .iter()
            .map(|f| self.in_top(f))
            .collect();
        let probe = |p: &str| match self.rel.is_empty() {
            true => p.to_string(),
            false => format!("{}/{p}", self.rel),
        };
        let probes = [
            probe("a-new-lofte.toml"),
            probe("a-new-folder/a-new-lofte.toml"),
        ];
        paths.extend(probes.iter().cloned());
        let mut input = Vec::new();
        for p in &paths {
            input.extend_from_slice(p.as_bytes());
            input.push(0);
        }
        let out = self
            .git
            .with_input(&["check-attr", "-z", "--stdin", "merge"], input)?;
        // path NUL attribute NUL value NUL, for each path.
        let fields: Vec<&[u8]> = out.split(|b| *b == 0).collect();
        let mut covered = 0;
        let mut uncovered = Vec::new();
        let mut probes_uncovered = Vec::new();
        for f in fields.chunks(3).filter(|c| c.len() == 3) {
            let path = String::from_utf8_lossy(f[0]).into_owned();
            let is_probe = probes.contains(&path);
            if f[2] == gitsetup::DRIVER.as_bytes() {
                if !is_probe {
                    covered += 1;
                }
            } else if is_probe {
                probes_uncovered.push(path);
            } else {
                uncovered.push(path);
            }
        }
        let config = |key: &str| {
            self.git
                .ok(&["config", "--get", key])
                .ok()
                .map(|o| String::from_utf8_lossy(&o).trim_end().to_string())
        };
        Ok(State {
            covered,
            uncovered,
            probes_uncovered,
            driver: config("merge.pledge.driver"),
            named: config("merge.pledge.name").is_some(),
        })
    }
}

/// What [`Repo::state`] found.
pub(super) struct State {
    /// Pledge files merged by the driver.
    pub covered: usize,
    /// Pledge files git merges otherwise, relative to the top.
    pub uncovered: Vec<String>,
    /// A new file in the folder or in a new subfolder that git would merge otherwise.
    pub probes_uncovered: Vec<String>,
    /// `merge.pledge.driver`, if set.
    pub driver: Option<String>,
    /// Whether `merge.pledge.name` is set (with no driver, git stops the merge).
    pub named: bool,
}

impl State {
    /// Whether the repository means to use the driver: some file has it, or the clone has
    /// it configured.
    pub fn in_use(&self) -> bool {
        self.covered > 0 || self.driver.is_some()
    }

    /// What is not set up, one sentence each in the language; empty when all is.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(first) = self.uncovered.first() {
            let first = safe(first, false);
            let more = self.uncovered.len() - 1;
            out.push(
                GitMsg::Uncovered {
                    first: &first,
                    more,
                }
                .say(lang),
            );
        } else if let Some(p) = self.probes_uncovered.first() {
            out.push(GitMsg::ProbeUncovered(&safe(p, false)).say(lang));
        }
        let driver = match self.driver.as_deref().map(gitsetup::parse_driver) {
            None if self.named => Some(GitMsg::NameWithoutDriver.say(lang)),
            None => Some(GitMsg::NoDriver.say(lang)),
            Some(Driver::Other) => Some(GitMsg::NoFallback.say(lang)),
            Some(Driver::Setup { bin }) => (!is_executable(Path::new(&bin)))
                .then(|| GitMsg::DriverMissing(&safe(&bin, false)).say(lang)),
        };
        out.extend(driver);
        out
    }
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// `pledge git setup`.
pub fn setup(dir: Option<PathBuf>, dry_run: bool, ctx: &mut Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let repo = Repo::find(dir.as_deref(), ctx.here(), lang)?;
    let bin = running_pledge(lang)?;
    add_lines(&repo, dry_run, ctx)?;
    let driver = gitsetup::driver_command(&bin, &MergeMsg::DriverDidNotRun.say(lang));
    for (key, value) in [
        ("merge.pledge.name", gitsetup::DRIVER_NAME),
        ("merge.pledge.driver", driver.as_str()),
    ] {
        let have = repo.git.line(&["config", "--local", "--get", key]).ok();
        if have.as_deref() != Some(value) && !dry_run {
            repo.git.ok(&["config", "--local", key, value])?;
        }
    }
    let bin = safe(&bin, false);
    say(ctx, GitMsg::DriverFor { bin: &bin, dry_run }.say(lang))?;
    if dry_run {
        return Ok(0);
    }
    let problems = repo.state()?.problems(lang);
    if !problems.is_empty() {
        for p in &problems {
            let line = format!("pledge: {}", GitMsg::NotSetUp(p).say(lang));
            writeln!(ctx.err, "{}", super::wrapped(&line, ctx.width))?;
        }
        let hint = GitMsg::Overridden.say(lang);
        writeln!(ctx.err, "{}", super::wrapped(&hint, ctx.width))?;
        return Ok(1);
    }
    let to_commit = uncommitted(&repo);
    let last = match to_commit.as_slice() {
        [] => GitMsg::NothingToCommit,
        files => GitMsg::CommitThem(files),
    };
    say(ctx, last.say(lang))?;
    Ok(0)
}

/// A line of `git setup`'s reply, unless `--quiet`.
fn say(ctx: &mut Ctx, s: String) -> Result<()> {
    if !ctx.quiet {
        writeln!(ctx.out, "{}", super::wrapped(&s, ctx.width))?;
    }
    Ok(())
}

/// The path of the running pledge, for the driver's command.
fn running_pledge(lang: Lang) -> Result<String> {
    let bin = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .with_context(|| GitMsg::NoExePath.say(lang))?;
    Ok(bin
        .to_str()
        .with_context(|| GitMsg::ExeNotUtf8.say(lang))?
        .to_string())
}

/// Adds the lines `git setup` needs to `.gitattributes` and `.gitignore` at the top (or
/// says what it would add), naming each file's lines added or already there.
fn add_lines(repo: &Repo, dry_run: bool, ctx: &mut Ctx) -> Result<()> {
    let lang = ctx.lang;
    let line = gitsetup::attributes_line(&repo.rel);
    for (name, lines) in [
        (".gitattributes", vec![line.as_str()]),
        (".gitignore", gitsetup::IGNORED.to_vec()),
    ] {
        let path = repo.top.join(name);
        let shown = shown_path(&path);
        let text = match std::fs::read(&path) {
            Ok(b) => String::from_utf8(b).with_context(|| GitMsg::NotUtf8(&shown).say(lang))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e).with_context(|| GitMsg::CannotRead(&shown).say(lang)),
        };
        let Some(new) = gitsetup::with_lines(&text, &lines) else {
            let lines = lines.join(", ");
            say(
                ctx,
                GitMsg::AlreadyHas {
                    file: name,
                    lines: &lines,
                }
                .say(lang),
            )?;
            continue;
        };
        if !dry_run && text.is_empty() && !path.exists() {
            store::create_atomic(&path, ctx.here(), new.as_bytes())?;
        } else if !dry_run {
            store::write_atomic(&path, ctx.here(), new.as_bytes())?;
        }
        let added: Vec<&str> = new[text.len()..]
            .lines()
            .filter(|l| !l.is_empty())
            .collect();
        let lines = added.join(", ");
        say(
            ctx,
            GitMsg::Added {
                file: name,
                lines: &lines,
                dry_run,
            }
            .say(lang),
        )?;
    }
    Ok(())
}

/// Which of `.gitattributes` and `.gitignore` git sees as changed or new (both when git
/// cannot say): the files a person still has to commit.
fn uncommitted(repo: &Repo) -> Vec<&'static str> {
    let files = [".gitattributes", ".gitignore"];
    let Ok(out) = repo
        .git
        .line(&["status", "--porcelain", "--", files[0], files[1]])
    else {
        return files.to_vec();
    };
    files
        .into_iter()
        .filter(|f| out.lines().any(|l| l.get(3..) == Some(*f)))
        .collect()
}

/// `pledge git check`: 0 when the clone is set up, 1 when something is missing (each named),
/// 2 when the pledges folder is not in a git work tree or git cannot run.
pub fn check(dir: Option<PathBuf>, ctx: &mut Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let repo = Repo::find(dir.as_deref(), ctx.here(), lang)?;
    let state = repo.state()?;
    let problems = state.problems(lang);
    if problems.is_empty() {
        if !ctx.quiet {
            say(ctx, GitMsg::SetUp(state.covered).say(lang))?;
        }
        return Ok(0);
    }
    for p in problems {
        let line = GitMsg::NotSetUp(&p).say(lang);
        writeln!(ctx.out, "{}", super::wrapped(&line, ctx.width))?;
    }
    writeln!(ctx.out, "{}", GitMsg::RunSetup.say(lang))?;
    Ok(1)
}

/// The warning `validate` gives, once, inside a clone that uses the driver but not for every
/// pledge file, or whose driver cannot run: None outside git, in a repository that does not
/// use the driver at all, or when all is set up. Cheap outside git: no process is started
/// unless a `.git` is found above the folder.
pub fn validate_warning(pledges: &Path, cwd: store::Cwd, lang: Lang) -> Option<String> {
    let canon = pledges.canonicalize().ok()?;
    if !canon.ancestors().any(|a| a.join(".git").exists()) {
        return None;
    }
    let repo = Repo::find(Some(pledges), cwd, lang).ok()?;
    // A repository that does not use the driver at all is left alone, without listing its
    // files for git: no driver in the config and no `merge=pledge` at the top.
    let configured = repo
        .git
        .ok(&["config", "--get", "merge.pledge.driver"])
        .is_ok();
    let attributes = std::fs::read_to_string(repo.top.join(".gitattributes")).unwrap_or_default();
    if !configured && !attributes.contains("merge=pledge") {
        return None;
    }
    let state = repo.state().ok()?;
    if !state.in_use() {
        return None;
    }
    let problems = state.problems(lang);
    let first = problems.first()?;
    Some(
        GitMsg::ValidateWarning {
            first,
            more: problems.len() - 1,
        }
        .say(lang),
    )
}
