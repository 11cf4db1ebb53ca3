//! Who writes: `--by`, else git's user.name or the login name, asked when the run begins and
//! waited for only when the name is needed.

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::Ctx;
use super::git_user::Lookup;

/// Who writes when `--by` does not say: known, or git's answer still to come.
#[derive(Debug, Clone)]
pub enum DefaultUser {
    Known(Option<String>),
    /// [`default_user`] running on another thread: a `git` process takes a few milliseconds,
    /// and a writer reads the folder meanwhile.
    Asking(Arc<Mutex<Option<JoinHandle<Option<String>>>>>),
}

impl Default for DefaultUser {
    fn default() -> Self {
        DefaultUser::Known(None)
    }
}

impl DefaultUser {
    /// Starts asking git (and the environment) for the user's name.
    /// git's configuration files are read here; only when they are not the plain case (see
    /// [`super::git_user`]) is a `git` process started, on another thread.
    pub(super) fn ask() -> DefaultUser {
        let cwd = std::env::current_dir().unwrap_or_default();
        match super::git_user::user_name(&cwd) {
            Lookup::NoGit => DefaultUser::Known(login_name()),
            Lookup::Found(name) => DefaultUser::Known(not_blank(name).or_else(login_name)),
            Lookup::AskGit => {
                DefaultUser::Asking(Arc::new(Mutex::new(Some(std::thread::spawn(default_user)))))
            }
        }
    }

    /// The answer, waiting for it if it is still being asked.
    fn answer(self) -> Option<String> {
        match self {
            DefaultUser::Known(u) => u,
            DefaultUser::Asking(h) => h.lock().ok()?.take()?.join().ok()?,
        }
    }
}

/// The user of a run: `--by`, else the default user, looked up when first needed.
#[derive(Debug, Default)]
pub(super) struct UserSlot {
    by: Option<String>,
    default: Option<DefaultUser>,
}

impl UserSlot {
    pub(super) fn of(by: Option<String>, default: DefaultUser) -> UserSlot {
        UserSlot {
            default: by.is_none().then_some(default),
            by,
        }
    }
}

impl Ctx {
    /// Who `done` records as `by`, and whose entries `undo` takes as the user's own:
    /// `--by`/`PLEDGE_USER`, else git's user.name, else the login name (asked when the run
    /// begins, waited for here). Only for `done`, `undo`, `measure` and `verdict`.
    pub fn user(&mut self) -> Option<String> {
        if let Some(default) = self.user.default.take() {
            self.user.by = default.answer();
        }
        self.user.by.clone()
    }
}

/// git's user.name (asking `git config user.name`), else the login name.
fn default_user() -> Option<String> {
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string());
    not_blank(git).or_else(login_name)
}

fn not_blank(name: Option<String>) -> Option<String> {
    name.filter(|s| !crate::load::problems::blank(s))
}

/// The login name: `USER`, `LOGNAME` or `USERNAME`.
fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| not_blank(std::env::var(v).ok()))
}
