//! The one way these tests start a program: [`Test`], which runs it with a cleared
//! environment and always asserts the exit code, stdout and stderr.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use predicates::Predicate;
use predicates::prelude::PredicateBooleanExt;
use tempfile::TempDir;

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What a stream must hold.
enum Expect {
    Exact(String),
    Matches(Box<dyn Predicate<str>>),
}

impl Expect {
    fn check(&self, name: &str, actual: &str, what: &str) {
        match self {
            Expect::Exact(want) => assert_eq!(actual, want, "{name} of {what}"),
            Expect::Matches(p) => assert!(p.eval(actual), "{name} of {what} is not {p}:\n{actual}"),
        }
    }
}

/// A run of the binary (or, with [`Test::program`], of a script that runs it).
///
/// The environment is cleared: nothing of the caller's (`PLEDGE_*`, `LANG`, `LC_*`,
/// `COLUMNS`, `NO_COLOR`, `USER`, `PATH`, `HOME`) reaches the program. It gets only
/// `LANG=C.UTF-8`, `NO_COLOR=1`, `PLEDGE_USER=Test User` and what the test adds, and runs in
/// the repository root. Unless the test says otherwise it must exit 0 with empty stdout and
/// empty stderr, so an unexpected warning fails the test.
#[must_use = "a Test does nothing until .run()"]
pub struct Test {
    cmd: Command,
    what: String,
    status: Vec<i32>,
    stdout: Expect,
    stderr: Expect,
    /// Which expectations the test gave, so that giving one twice (the second would silently
    /// replace the first) fails.
    given: Vec<&'static str>,
}

/// The captured output of a [`Test`] that met its expectations.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
}

impl Test {
    /// `pledge` with a clean environment.
    pub fn new() -> Test {
        Test::program(assert_cmd::cargo::cargo_bin("pledge"))
    }

    /// Another program (a script of examples/), with the same clean environment plus `PATH`.
    pub fn program(program: impl AsRef<OsStr>) -> Test {
        let mut cmd = Command::new(program.as_ref());
        cmd.env_clear()
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("PLEDGE_USER", "Test User")
            .current_dir(ROOT)
            .stdin(Stdio::null());
        let is_pledge = Path::new(program.as_ref()).file_stem() == Some(OsStr::new("pledge"));
        if !is_pledge {
            cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        }
        Test {
            cmd,
            what: Path::new(program.as_ref())
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            status: vec![0],
            stdout: Expect::Exact(String::new()),
            stderr: Expect::Exact(String::new()),
            given: Vec::new(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.what.push(' ');
        self.what.push_str(&arg.as_ref().to_string_lossy());
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Test {
        self.cmd.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Test {
        self.cmd.env_remove(key);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Test {
        self.cmd.current_dir(dir);
        self
    }

    /// The exit code the program must give (0 unless said).
    pub fn status(mut self, code: i32) -> Test {
        self.give("status");
        self.status = vec![code];
        self
    }

    /// Any of these exit codes, for a run over many inputs whose outputs are pinned elsewhere.
    pub fn status_one_of(mut self, codes: &[i32]) -> Test {
        self.give("status");
        self.status = codes.to_vec();
        self
    }

    /// Stdout, exactly.
    pub fn stdout(mut self, text: impl Into<String>) -> Test {
        self.give("stdout");
        self.stdout = Expect::Exact(text.into());
        self
    }

    /// Stdout, when the test checks its parts (the test then reads [`Output::stdout`]).
    pub fn stdout_is(mut self, p: impl Predicate<str> + 'static) -> Test {
        self.give("stdout");
        self.stdout = Expect::Matches(Box::new(p));
        self
    }

    /// Stderr, exactly.
    pub fn stderr(mut self, text: impl Into<String>) -> Test {
        self.give("stderr");
        self.stderr = Expect::Exact(text.into());
        self
    }

    /// Stderr, when the test checks its parts.
    pub fn stderr_is(mut self, p: impl Predicate<str> + 'static) -> Test {
        self.give("stderr");
        self.stderr = Expect::Matches(Box::new(p));
        self
    }

    fn give(&mut self, what: &'static str) {
        assert!(
            !self.given.contains(&what),
            "{what} expected twice for {}; combine the predicates with .and()",
            self.what
        );
        self.given.push(what);
    }

    /// Runs the program to its end and asserts exit code, stdout and stderr.
    pub fn run(self) -> Output {
        self.spawn().finish()
    }

    /// Starts the program; [`Running::finish`] waits for it and asserts.
    pub fn spawn(mut self) -> Running {
        let child = self
            .cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.what));
        Running { test: self, child }
    }
}

/// A started [`Test`].
pub struct Running {
    test: Test,
    child: Child,
}

impl Running {
    pub fn finish(self) -> Output {
        let Running { test, child } = self;
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        assert!(
            out.status.code().is_some_and(|c| test.status.contains(&c)),
            "exit code {:?}, not {:?}, of {}\nstdout:\n{stdout}\nstderr:\n{stderr}",
            out.status.code(),
            test.status,
            test.what
        );
        test.stdout.check("stdout", &stdout, &test.what);
        test.stderr.check("stderr", &stderr, &test.what);
        Output { stdout, stderr }
    }
}

/// `pledge` on the folder `dir`, with today fixed at 2026-11-22.
pub fn pledge_in(dir: &Path) -> Test {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", "2026-11-22")
}

/// A copy of the bundled pledges/ in a temporary folder.
pub fn copy_pledges() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    for e in fs::read_dir(Path::new(ROOT).join("pledges")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    (tmp, dir)
}

/// Compares with a file under tests/snapshots; UPDATE_SNAPSHOTS=1 writes it instead.
/// `orphans::every_snapshot_is_used` fails for a file there that no test names.
pub fn snapshot(name: &str, actual: &str) {
    let path = Path::new(ROOT).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing snapshot {name}"));
    assert_eq!(actual, expected, "snapshot {name} differs");
}

/// `git` in `dir` with a clean environment of its own, so that a `pledge` it starts (the merge
/// driver) sees no setting of the caller either.
pub fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap()
}

pub fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Test {
    /// Runs to exit 0 with empty stderr and returns stdout, which must not be empty; for tests
    /// that then check the parts of it that matter (a JSON field, a line of a table).
    pub fn read_stdout(self) -> String {
        if self.given.contains(&"stdout") {
            return self.run().stdout;
        }
        self.stdout_is(predicates::str::is_empty().not())
            .run()
            .stdout
    }
}

/// The stdout of a `done` that wrote an entry: where, the entry, and the progress.
pub fn recorded() -> impl Predicate<str> {
    recorded_as("done")
}

/// The table a recording command appends: `[[log]]` for done, `[[measurement]]` for
/// measure, `[[verdict]]` for verdict.
pub fn table_of(command: &str) -> &'static str {
    match command {
        "measure" => "measurement",
        "verdict" => "verdict",
        _ => "log",
    }
}

/// The stdout of a `done`, `measure` or `verdict` that wrote its entry.
pub fn recorded_as(command: &str) -> impl Predicate<str> + use<> {
    predicates::str::starts_with("recorded in ")
        .and(predicates::str::contains(format!(
            ":\n  [[{}]]\n  date = ",
            table_of(command)
        )))
        .and(predicates::str::ends_with("\n"))
}

/// The stdout of an `undo` that removed an entry: where, and the entry.
pub fn removed() -> impl Predicate<str> {
    removed_as("done")
}

/// The stdout of an `undo` that removed what `command` wrote.
pub fn removed_as(command: &str) -> impl Predicate<str> + use<> {
    predicates::str::starts_with("removed from ").and(predicates::str::contains(format!(
        ":\n  [[{}]]\n  date = ",
        table_of(command)
    )))
}

/// The stdout of `validate` on the bundled löften (or a copy of them in `dir`): Karlstad's
/// weak löfte is the one warning.
pub fn bundled_validate(dir: &Path) -> impl Predicate<str> + use<> {
    let first = format!(
        "{}/karlstad-2016-2017.toml:1:1: warning: weak löfte: no follow-up (uppföljning) is given\n",
        dir.display()
    );
    predicates::str::starts_with(first).and(predicates::str::ends_with(
        "5 files checked: 0 errors, 1 warning\n",
    ))
}
