//! The facts about the world a run needs, read once before any command runs: today's date,
//! the working folder, the terminal, colour, language, the user, the lock timeout and the
//! output writers. Nothing below the commands reads the environment, the clock or the
//! terminal; they get these values.

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice, Command, DateArg, Lang as LangArg};
use crate::i18n::Lang;

/// Everything a command may know about where it runs.
pub struct Ctx {
    /// Today in the Swedish calendar (Europe/Stockholm), from the clock.
    pub clock: NaiveDate,
    /// The day the command judges on: `--as-of`/`PLEDGE_AS_OF`, else `clock`. Date arguments
    /// (`today`, `yesterday`) resolve against it.
    pub today: NaiveDate,
    /// The working folder.
    pub cwd: PathBuf,
    /// Whether standard output is a terminal.
    pub stdout_tty: bool,
    /// The width tables wrap to: `COLUMNS` (at least 40), else the terminal's; None into a
    /// pipe or a file, where lines never wrap.
    pub width: Option<usize>,
    /// Whether to colour the output.
    pub color: bool,
    /// `--quiet`: print nothing but errors.
    pub quiet: bool,
    pub lang: Lang,
    /// Who `done` records as `by`: `--by`/`PLEDGE_USER`, else git's user.name, else the login
    /// name. Looked up only for `done`.
    pub user: Option<String>,
    /// How long `done` and `undo` wait for the folder lock (`PLEDGE_LOCK_TIMEOUT`, seconds).
    pub lock_timeout: Duration,
    /// Standard output.
    pub out: Box<dyn Write>,
    /// Standard error.
    pub err: Box<dyn Write>,
}

/// How long the folder lock is waited for by default.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// The longest lock timeout accepted: a day.
const MAX_LOCK_WAIT: f64 = 86_400.0;

impl Ctx {
    /// Reads the clock, the environment and the terminal, once.
    pub fn from_env(cli: &Cli) -> Result<Ctx> {
        let clock = swedish_today()?;
        let stdout_tty = std::io::stdout().is_terminal();
        let env = |k: &str| std::env::var(k).ok();
        let lang = match cli.global.lang {
            Some(LangArg::Sv) => Lang::Sv,
            Some(LangArg::En) => Lang::En,
            None => lang_of(
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .into_iter()
                    .map(env)
                    .chain([sys_locale::get_locale()]),
            ),
        };
        let terminal_width =
            || terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w));
        Ok(Ctx {
            clock,
            today: as_of(&cli.command).map_or(clock, |d| d.resolve(clock)),
            cwd: std::env::current_dir().context("cannot read the current directory")?,
            stdout_tty,
            width: width_of(env("COLUMNS").as_deref(), stdout_tty, terminal_width),
            color: color_of(
                cli.global.color,
                std::env::var_os("NO_COLOR").as_deref(),
                stdout_tty,
            ),
            quiet: cli.global.quiet,
            lang,
            user: match &cli.command {
                Command::Done(a) => a.by.clone().or_else(default_user),
                _ => None,
            },
            lock_timeout: lock_timeout_of(env("PLEDGE_LOCK_TIMEOUT").as_deref())?,
            out: Box::new(std::io::stdout()),
            err: Box::new(std::io::stderr()),
        })
    }

    /// A date argument, resolved against the run's today.
    pub fn date(&self, d: DateArg) -> NaiveDate {
        d.resolve(self.today)
    }

    /// A context for tests: fixed dates, English, no terminal, output into memory.
    #[cfg(test)]
    pub fn for_test(today: NaiveDate) -> Ctx {
        Ctx {
            clock: today,
            today,
            cwd: PathBuf::from("."),
            stdout_tty: false,
            width: None,
            color: false,
            quiet: false,
            lang: Lang::En,
            user: None,
            lock_timeout: LOCK_WAIT,
            out: Box::new(std::io::sink()),
            err: Box::new(std::io::sink()),
        }
    }
}

/// The date the clock shows in Sweden: a löfte's day ends at midnight Swedish time wherever
/// the program runs.
fn swedish_today() -> Result<NaiveDate> {
    let tz = jiff::tz::TimeZone::get("Europe/Stockholm")
        .context("cannot find the time zone Europe/Stockholm")?;
    let d = jiff::Timestamp::now().to_zoned(tz).date();
    NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
        .context("the clock shows a date out of range")
}

/// The `--as-of` of a command, for those that have one.
fn as_of(c: &Command) -> Option<DateArg> {
    match c {
        Command::Validate(a) => a.as_of,
        Command::List(a) => a.as_of,
        Command::Done(a) => a.as_of,
        Command::Undo(a) => a.as_of,
        Command::Log(a) => a.as_of,
        Command::Status(a) => a.as_of,
        Command::Report(a) => a.as_of,
        Command::Check(a) => a.as_of,
        _ => None,
    }
}

/// The language from locale settings in order of precedence (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, the system locale): the first set and not empty decides; `sv*` is Swedish,
/// anything else (or nothing) English.
pub fn lang_of(settings: impl IntoIterator<Item = Option<String>>) -> Lang {
    match settings.into_iter().flatten().find(|v| !v.is_empty()) {
        Some(v) if v.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
        _ => Lang::En,
    }
}

/// The width tables wrap to: `COLUMNS` when it is a number (at least 40), else on a terminal
/// its width; else none.
pub fn width_of(
    columns: Option<&str>,
    tty: bool,
    terminal_width: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    match columns.and_then(|c| c.parse::<u16>().ok()) {
        Some(cols) => Some(usize::from(cols.max(40))),
        None if tty => terminal_width(),
        None => None,
    }
}

/// Colour: as asked, and for `auto` only on a terminal without `NO_COLOR` (set and not
/// empty).
pub fn color_of(choice: ColorChoice, no_color: Option<&OsStr>, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => no_color.is_none_or(OsStr::is_empty) && tty,
    }
}

/// `PLEDGE_LOCK_TIMEOUT`: seconds, a number from 0 to a day (fractions allowed); unset is
/// the default. Anything else is an error naming the variable.
pub fn lock_timeout_of(value: Option<&str>) -> Result<Duration> {
    let Some(v) = value else {
        return Ok(LOCK_WAIT);
    };
    match v.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=MAX_LOCK_WAIT).contains(&s) => {
            Ok(Duration::from_secs_f64(s))
        }
        _ => bail!(
            "PLEDGE_LOCK_TIMEOUT is \"{}\"; set it to a number of seconds from 0 to {MAX_LOCK_WAIT} \
             (e.g. 30 or 0.5), or unset it for the default of {} s",
            crate::text::safe(v, false),
            LOCK_WAIT.as_secs()
        ),
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
        .filter(|s| !s.is_empty());
    git.or_else(|| {
        ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_timeout_is_read_strictly() {
        let ok: &[(Option<&str>, Duration)] = &[
            (None, LOCK_WAIT),
            (Some("0"), Duration::ZERO),
            (Some("0.2"), Duration::from_millis(200)),
            (Some(" 5 "), Duration::from_secs(5)),
            (Some("86400"), Duration::from_secs(86_400)),
        ];
        for (v, want) in ok {
            assert_eq!(lock_timeout_of(*v).unwrap(), *want, "{v:?}");
        }
        for bad in [
            "abc",
            "-1",
            "nan",
            "NaN",
            "inf",
            "1e20",
            "86401",
            "",
            "5s",
            "\u{1b}[31m",
        ] {
            let msg = lock_timeout_of(Some(bad)).unwrap_err().to_string();
            assert!(msg.starts_with("PLEDGE_LOCK_TIMEOUT is \""), "{bad}: {msg}");
            assert!(!msg.contains('\u{1b}'), "{msg}");
        }
    }

    #[test]
    fn the_first_locale_setting_decides_the_language() {
        let s = |v: &str| Some(v.to_string());
        let cases: &[(Vec<Option<String>>, Lang)] = &[
            (vec![None, None, None, None], Lang::En),
            (vec![None, None, s("sv_SE.UTF-8"), None], Lang::Sv),
            (vec![s(""), None, s("SV_FI"), None], Lang::Sv),
            (vec![s("C.UTF-8"), None, s("sv_SE.UTF-8"), None], Lang::En),
            (vec![None, None, None, s("sv-SE")], Lang::Sv),
            (vec![None, None, s("en_GB"), s("sv-SE")], Lang::En),
        ];
        for (settings, want) in cases {
            assert_eq!(lang_of(settings.clone()), *want, "{settings:?}");
        }
    }

    #[test]
    fn tables_wrap_to_columns_or_the_terminal() {
        assert_eq!(width_of(Some("100"), false, || None), Some(100));
        assert_eq!(width_of(Some("10"), true, || Some(80)), Some(40));
        assert_eq!(width_of(Some("wide"), true, || Some(80)), Some(80));
        assert_eq!(width_of(None, true, || Some(120)), Some(120));
        assert_eq!(width_of(None, false, || Some(120)), None);
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let yes = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        assert!(color_of(ColorChoice::Always, yes, false));
        assert!(!color_of(ColorChoice::Never, None, true));
        assert!(color_of(ColorChoice::Auto, None, true));
        assert!(color_of(ColorChoice::Auto, empty, true));
        assert!(!color_of(ColorChoice::Auto, yes, true));
        assert!(!color_of(ColorChoice::Auto, None, false));
    }

    #[test]
    fn date_words_resolve_against_the_runs_today() {
        let ctx = Ctx::for_test("2016-05-01".parse().unwrap());
        assert_eq!(ctx.date(DateArg::Today).to_string(), "2016-05-01");
        assert_eq!(ctx.date(DateArg::Yesterday).to_string(), "2016-04-30");
        let d = "2015-01-01".parse().unwrap();
        assert_eq!(ctx.date(DateArg::On(d)), d);
    }
}
