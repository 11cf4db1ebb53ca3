//! Who writes: `--by`, else git's user.name or the login name, asked when the run begins and
//! waited for only when the name is needed.

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::Ctx;

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
    pub(super) fn ask() -> DefaultUser {
        DefaultUser::Asking(Arc::new(Mutex::new(Some(std::thread::spawn(default_user)))))
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

/// git's user.name, else the login name.
fn default_user() -> Option<String> {
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !crate::load::problems::blank(s));
    git.or_else(|| {
        ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| {
            std::env::var(v)
                .ok()
                .filter(|s| !crate::load::problems::blank(s))
        })
    })
}
