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
use crate::text::shown_path;

/// git, run in one folder.
pub(super) struct Git {
    pub dir: PathBuf,
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
            .context("cannot run git (is it installed and on the PATH?)")?;
        if !out.status.success() {
            bail!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(out.stdout)
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
            .context("cannot run git (is it installed and on the PATH?)")?;
        let mut stdin = child.stdin.take().expect("piped");
        let feeder = std::thread::spawn(move || stdin.write_all(&input));
        let mut out = Vec::new();
        child
            .stdout
            .take()
            .expect("piped")
            .read_to_end(&mut out)
            .context("cannot read git's output")?;
        let status = child.wait().context("git did not finish")?;
        let _ = feeder.join();
        if !status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            bail!("git {} failed: {}", args.join(" "), err.trim());
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
    pub fn find(dir: Option<&Path>) -> Result<Repo> {
        let pledges = store::find_dir(dir)?;
        let git = Git {
            dir: pledges.clone(),
        };
        let top = match git.line(&["rev-parse", "--show-toplevel"]) {
            Ok(t) if !t.is_empty() => PathBuf::from(t),
            Ok(_) | Err(_) => bail!(
                "the pledges folder {} is not in a git work tree (clone the team's repository, \
                 or `git init` one)",
                shown_path(&pledges)
            ),
        };
        let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        let rel_path = canon(&pledges)
            .strip_prefix(canon(&top))
            .map(Path::to_path_buf)
            .with_context(|| {
                format!(
                    "the pledges folder {} is not below the work tree's top {}",
                    shown_path(&pledges),
                    shown_path(&top)
                )
            })?;
        let rel = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(Repo {
            git: Git { dir: top.clone() },
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
        let driver = self
            .git
            .ok(&["config", "--get", "merge.pledge.driver"])
            .ok()
            .map(|o| String::from_utf8_lossy(&o).trim_end().to_string());
        Ok(State {
            covered,
            uncovered,
            probes_uncovered,
            driver,
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
}

impl State {
    /// Whether the repository means to use the driver: some file has it, or the clone has
    /// it configured.
    pub fn in_use(&self) -> bool {
        self.covered > 0 || self.driver.is_some()
    }

    /// What is not set up, one sentence each; empty when all is.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(first) = self.uncovered.first() {
            let more = match self.uncovered.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            out.push(format!(
                "{}{more}: .gitattributes gives no `merge=pledge`, so git merges it line by line",
                crate::text::safe(first, false)
            ));
        } else if let Some(p) = self.probes_uncovered.first() {
            out.push(format!(
                "a new file such as {} would get no `merge=pledge` from .gitattributes",
                crate::text::safe(p, false)
            ));
        }
        match self.driver.as_deref().map(gitsetup::parse_driver) {
            None => out.push(
                "this clone has no merge.pledge.driver: git merges pledge files line by line"
                    .into(),
            ),
            Some(Driver::Other) => out.push(
                "merge.pledge.driver has no fallback: when it cannot run, git keeps this \
                 side's file, without conflict markers"
                    .into(),
            ),
            Some(Driver::Setup { bin }) => {
                if !is_executable(Path::new(&bin)) {
                    out.push(format!(
                        "merge.pledge.driver runs {}, which is not there (pledge on git's PATH \
                         is tried next, else git merge-file marks each conflict)",
                        crate::text::safe(&bin, false)
                    ));
                }
            }
        }
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
    let repo = Repo::find(dir.as_deref())?;
    let bin = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .context("cannot find the path of the running pledge")?;
    let bin = bin
        .to_str()
        .context("the path of the running pledge is not UTF-8")?
        .to_string();
    let line = gitsetup::attributes_line(&repo.rel);
    let say = |ctx: &mut Ctx, s: String| -> Result<()> {
        if !ctx.quiet {
            writeln!(ctx.out, "{s}")?;
        }
        Ok(())
    };
    let verb = if dry_run { "would add" } else { "added" };
    for (name, lines) in [
        (".gitattributes", vec![line.as_str()]),
        (".gitignore", gitsetup::IGNORED.to_vec()),
    ] {
        let path = repo.top.join(name);
        let text = match std::fs::read(&path) {
            Ok(b) => String::from_utf8(b)
                .with_context(|| format!("{} is not UTF-8", shown_path(&path)))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read {}", shown_path(&path)));
            }
        };
        match gitsetup::with_lines(&text, &lines) {
            Some(new) => {
                if !dry_run && text.is_empty() && !path.exists() {
                    store::create_atomic(&path, new.as_bytes())?;
                } else if !dry_run {
                    store::write_atomic(&path, new.as_bytes())?;
                }
                let added: Vec<&str> = new[text.len()..]
                    .lines()
                    .filter(|l| !l.is_empty())
                    .collect();
                say(ctx, format!("{name}: {verb} {}", added.join(", ")))?;
            }
            None => say(ctx, format!("{name}: already has {}", lines.join(", ")))?,
        }
    }
    let driver = gitsetup::driver_command(&bin);
    for (key, value) in [
        ("merge.pledge.name", gitsetup::DRIVER_NAME),
        ("merge.pledge.driver", driver.as_str()),
    ] {
        let have = repo.git.line(&["config", "--local", "--get", key]).ok();
        if have.as_deref() == Some(value) {
            continue;
        }
        if !dry_run {
            repo.git.ok(&["config", "--local", key, value])?;
        }
    }
    say(
        ctx,
        format!(
            "merge driver for this clone: {} (else pledge on git's PATH, else git merge-file, \
             which marks the conflict){}",
            crate::text::safe(&bin, false),
            if dry_run {
                ", not written (--dry-run)"
            } else {
                ""
            }
        ),
    )?;
    if dry_run {
        return Ok(0);
    }
    let problems = repo.state()?.problems();
    if !problems.is_empty() {
        for p in &problems {
            writeln!(ctx.err, "pledge: not set up: {p}")?;
        }
        writeln!(
            ctx.err,
            "  (a later line or a .gitattributes in a subfolder overrides the line added; \
             `git check-attr -a FILE` shows where)"
        )?;
        return Ok(1);
    }
    say(
        ctx,
        "commit .gitattributes and .gitignore; everyone runs `pledge git setup` once in their \
         own clone"
            .into(),
    )?;
    Ok(0)
}

/// `pledge git check`: 0 when the clone is set up, 1 when something is missing (each named),
/// 2 when the pledges folder is not in a git work tree or git cannot run.
pub fn check(dir: Option<PathBuf>, ctx: &mut Ctx) -> Result<u8> {
    let repo = Repo::find(dir.as_deref())?;
    let state = repo.state()?;
    let problems = state.problems();
    if problems.is_empty() {
        if !ctx.quiet {
            writeln!(
                ctx.out,
                "set up: {} pledge file{} merged by pledge's driver, with git merge-file as its \
                 fallback",
                state.covered,
                crate::text::plural(state.covered)
            )?;
        }
        return Ok(0);
    }
    for p in problems {
        writeln!(ctx.out, "not set up: {p}")?;
    }
    writeln!(ctx.out, "run `pledge git setup` in this clone")?;
    Ok(1)
}

/// The warning `validate` gives, once, inside a clone that uses the driver but not for every
/// pledge file, or whose driver cannot run: None outside git, in a repository that does not
/// use the driver at all, or when all is set up. Cheap outside git: no process is started
/// unless a `.git` is found above the folder.
pub fn validate_warning(pledges: &Path) -> Option<String> {
    let canon = pledges.canonicalize().ok()?;
    if !canon.ancestors().any(|a| a.join(".git").exists()) {
        return None;
    }
    let repo = Repo::find(Some(pledges)).ok()?;
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
    let problems = state.problems();
    let first = problems.first()?;
    let more = match problems.len() {
        1 => String::new(),
        n => format!(" (and {} more: `pledge git check`)", n - 1),
    };
    Some(format!(
        "warning: git: {first}{more}; run `pledge git setup` in this clone\n"
    ))
}
