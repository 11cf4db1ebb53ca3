//! The facts about the world a run needs, read once before any command runs: today's date,
//! the working folder, the terminal, colour, language, the user, the lock timeout and the
//! output writers. Nothing below the commands reads the environment, the clock or the
//! terminal; they get these values.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice, Command, DateArg, Lang as LangArg};
use crate::view::i18n::Lang;
use crate::view::messages::{CmdMsg, Words};

#[path = "git_user.rs"]
mod git_user;
#[path = "context_user.rs"]
mod user;
pub use user::DefaultUser;
use user::UserSlot;

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
    /// Who `done` records as `by`, and whose entries `undo` takes as the user's own:
    /// `--by`/`PLEDGE_USER`, else git's user.name, else the login name. Looked up only for
    /// `done` and `undo`.
    user: UserSlot,
    /// How long `done` and `undo` wait for the folder lock (`PLEDGE_LOCK_TIMEOUT`, seconds).
    pub lock_timeout: Duration,
    /// Whether standard error is a terminal (progress lines are drawn only there).
    pub stderr_tty: bool,
    /// The address of Kolada's API (`PLEDGE_KOLADA_URL`, else the public service).
    pub kolada_url: String,
    /// How long one request to an open-data service may take (`PLEDGE_FETCH_TIMEOUT`).
    pub fetch_timeout: Duration,
    /// Standard output.
    pub out: Box<dyn Write>,
    /// Standard error.
    pub err: Box<dyn Write>,
}

/// How long the folder lock is waited for by default.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// How long one request to an open-data service may take by default.
pub const FETCH_WAIT: Duration = Duration::from_secs(30);

/// The longest lock timeout accepted: a day.
const MAX_LOCK_WAIT: f64 = 86_400.0;

/// The raw facts a run reads from the world, each read once by [`Facts::read`]: the only
/// place that touches the clock, the environment and the terminal. [`Ctx::new`] turns them
/// and the flags into settings, so that step is tested without a process.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Today in the Swedish calendar.
    pub clock: NaiveDate,
    pub cwd: PathBuf,
    pub stdout_tty: bool,
    /// The terminal's width, when standard output is one.
    pub terminal_width: Option<usize>,
    /// `LC_ALL`, `LC_MESSAGES`, `LANG`, in that order.
    pub locale_vars: [Option<String>; 3],
    /// The system's locale (Windows, macOS), for when no variable is set.
    pub system_locale: Option<String>,
    pub columns: Option<String>,
    /// `NO_COLOR`, set and not empty.
    pub no_color: bool,
    pub lock_timeout: Option<String>,
    pub stderr_tty: bool,
    /// `PLEDGE_KOLADA_URL`.
    pub kolada_url: Option<String>,
    /// `PLEDGE_FETCH_TIMEOUT`.
    pub fetch_timeout: Option<String>,
    /// git's user.name, else the login name; asked only for `done`, `undo`, `measure` and
    /// `verdict` without `--by`.
    pub default_user: DefaultUser,
}

impl Facts {
    /// Reads the clock, the environment and the terminal.
    pub fn read(cli: &Cli) -> Result<Facts> {
        let env = |k: &str| std::env::var(k).ok();
        let stdout_tty = std::io::stdout().is_terminal();
        Ok(Facts {
            clock: swedish_today()?,
            cwd: std::env::current_dir()
                .context(CmdMsg::CannotReadCwd.say(early_lang_and_width().0))?,
            stdout_tty,
            terminal_width: stdout_tty
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(terminal_size::Width(w), _)| usize::from(w)),
            locale_vars: ["LC_ALL", "LC_MESSAGES", "LANG"].map(env),
            system_locale: sys_locale::get_locale(),
            columns: env("COLUMNS"),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            lock_timeout: env("PLEDGE_LOCK_TIMEOUT"),
            stderr_tty: std::io::stderr().is_terminal(),
            kolada_url: env("PLEDGE_KOLADA_URL"),
            fetch_timeout: env("PLEDGE_FETCH_TIMEOUT"),
            default_user: match &cli.command {
                Command::Done(a) if a.by.is_none() => DefaultUser::ask(),
                Command::Undo(a) if a.by.is_none() => DefaultUser::ask(),
                Command::Measure(a) if a.by.is_none() => DefaultUser::ask(),
                Command::Verdict(a) if a.by.is_none() => DefaultUser::ask(),
                _ => DefaultUser::default(),
            },
        })
    }
}

impl Ctx {
    /// Reads the world once ([`Facts::read`]) and writes to standard output and error.
    pub fn from_env(cli: &Cli) -> Result<Ctx> {
        let facts = Facts::read(cli)?;
        Ctx::new(
            cli,
            facts,
            Box::new(std::io::stdout()),
            Box::new(std::io::stderr()),
        )
    }

    /// The settings of a run from its flags and the facts read. Pure.
    pub fn new(cli: &Cli, facts: Facts, out: Box<dyn Write>, err: Box<dyn Write>) -> Result<Ctx> {
        let lang = match cli.global.lang {
            Some(LangArg::Sv) => Lang::Sv,
            Some(LangArg::En) => Lang::En,
            None => lang_of(facts.locale_vars.into_iter().chain([facts.system_locale])),
        };
        let clock = facts.clock;
        Ok(Ctx {
            clock,
            today: as_of(&cli.command).map_or(clock, |d| d.resolve(clock)),
            cwd: facts.cwd,
            stdout_tty: facts.stdout_tty,
            width: width_of(facts.columns.as_deref(), facts.stdout_tty, || {
                facts.terminal_width
            }),
            color: color_of(cli.global.color, facts.no_color, facts.stdout_tty),
            quiet: cli.global.quiet,
            lang,
            user: match &cli.command {
                Command::Done(a) => UserSlot::of(a.by.clone(), facts.default_user),
                Command::Undo(a) => UserSlot::of(a.by.clone(), facts.default_user),
                Command::Measure(a) => UserSlot::of(a.by.clone(), facts.default_user),
                Command::Verdict(a) => UserSlot::of(a.by.clone(), facts.default_user),
                _ => UserSlot::default(),
            },
            lock_timeout: lock_timeout_of(facts.lock_timeout.as_deref(), lang)?,
            stderr_tty: facts.stderr_tty,
            kolada_url: kolada_url_of(facts.kolada_url.as_deref(), lang)?,
            fetch_timeout: fetch_timeout_of(facts.fetch_timeout.as_deref(), lang)?,
            out,
            err,
        })
    }

    /// The working folder, as the store takes it: paths are shown from it and `pledges/` is
    /// looked for from it up.
    pub fn here(&self) -> crate::store::Cwd<'_> {
        crate::store::Cwd(&self.cwd)
    }

    /// How a file of the pledges folder `root` is edited: shown from the working folder,
    /// the lock waited for as long as the run allows.
    pub fn under<'a>(&'a self, root: Option<&'a std::path::Path>) -> crate::store::Under<'a> {
        crate::store::Under {
            root,
            cwd: self.here(),
            timeout: self.lock_timeout,
        }
    }

    /// A date argument, resolved against the run's today.
    pub fn date(&self, d: DateArg) -> NaiveDate {
        d.resolve(self.today)
    }

    /// The last day a recorded entry may carry when files are read: the later of the run's
    /// today and the real one (`model::future_cutoff`), so `--as-of` moves the view but never
    /// makes an entry written up to the real date count as in the future.
    pub fn read_cutoff(&self) -> NaiveDate {
        crate::model::future_cutoff(Some(self.today), self.clock)
    }

    /// The last day new work may be dated: the earlier of the run's today and the real one
    /// (in the Swedish calendar), so `--as-of tomorrow --date tomorrow` writes nothing.
    pub fn write_cutoff(&self) -> NaiveDate {
        self.today.min(self.clock)
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
            user: UserSlot::default(),
            lock_timeout: LOCK_WAIT,
            stderr_tty: false,
            kolada_url: crate::load::kolada::DEFAULT_URL.into(),
            fetch_timeout: FETCH_WAIT,
            out: Box::new(std::io::sink()),
            err: Box::new(std::io::sink()),
        }
    }
}

/// The date the clock shows in Sweden: a löfte's day ends at midnight Swedish time wherever
/// the program runs.
fn swedish_today() -> Result<NaiveDate> {
    let tz = jiff::tz::TimeZone::get("Europe/Stockholm")
        .with_context(|| CmdMsg::NoTimeZone.say(early_lang_and_width().0))?;
    let d = jiff::Timestamp::now().to_zoned(tz).date();
    NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
        .with_context(|| CmdMsg::ClockOutOfRange.say(early_lang_and_width().0))
}

/// The `--as-of` of a command, for those that have one.
fn as_of(c: &Command) -> Option<DateArg> {
    match c {
        Command::Validate(a) => *a.as_of,
        Command::List(a) => *a.as_of,
        Command::Done(a) => *a.as_of,
        Command::Undo(a) => *a.as_of,
        Command::Measure(a) => *a.as_of,
        Command::Verdict(a) => *a.as_of,
        Command::Log(a) => *a.as_of,
        Command::Status(a) => *a.as_of,
        Command::Report(a) => *a.as_of,
        Command::Check(a) => *a.as_of,
        Command::Calendar(a) => *a.as_of,
        Command::Site(a) => *a.as_of,
        Command::VerifyMerge(a) => *a.as_of,
        _ => None,
    }
}

/// The language and the width of an error said before the command line is understood (a
/// value clap refused): `--lang`/`PLEDGE_LANG` as typed, else the locale, as [`Ctx::new`]
/// decides; the width as [`width_of`]. Reads the arguments and the environment.
pub fn early_lang_and_width() -> (Lang, Option<usize>) {
    let env = |k: &str| std::env::var(k).ok();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let asked = lang_asked(&args).or_else(|| env("PLEDGE_LANG"));
    let lang = match asked.as_deref() {
        Some("sv") => Lang::Sv,
        Some("en") => Lang::En,
        _ => lang_of(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .map(env)
                .into_iter()
                .chain([sys_locale::get_locale()]),
        ),
    };
    let tty = std::io::stdout().is_terminal();
    let width = width_of(env("COLUMNS").as_deref(), tty, || {
        terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w))
    });
    (lang, width)
}

/// The value of the last `--lang X` or `--lang=X` before a `--`. Pure.
pub fn lang_asked(args: &[String]) -> Option<String> {
    let mut asked = None;
    let mut it = args.iter().take_while(|a| *a != "--");
    while let Some(a) = it.next() {
        if a == "--lang" {
            asked = it.next().cloned();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    asked
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

/// Colour: as asked, and for `auto` only on a terminal without `NO_COLOR`.
pub fn color_of(choice: ColorChoice, no_color: bool, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && tty,
    }
}

/// `PLEDGE_LOCK_TIMEOUT`: seconds, a number from 0 to a day (fractions allowed); unset is
/// the default. Anything else is an error naming the variable.
pub fn lock_timeout_of(value: Option<&str>, lang: Lang) -> Result<Duration> {
    let Some(v) = value else {
        return Ok(LOCK_WAIT);
    };
    match v.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=MAX_LOCK_WAIT).contains(&s) => {
            Ok(Duration::from_secs_f64(s))
        }
        _ => bail!(
            CmdMsg::LockTimeout {
                value: &crate::text::safe(v, false),
                max: MAX_LOCK_WAIT,
                default: LOCK_WAIT.as_secs(),
            }
            .say(lang)
        ),
    }
}

/// `PLEDGE_FETCH_TIMEOUT`: seconds for one request, a number above 0 up to an hour
/// (fractions allowed); unset is the default.
pub fn fetch_timeout_of(value: Option<&str>, lang: Lang) -> Result<Duration> {
    let Some(v) = value else {
        return Ok(FETCH_WAIT);
    };
    match v.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 3600.0 => Ok(Duration::from_secs_f64(s)),
        _ => bail!(
            CmdMsg::FetchTimeout {
                value: &crate::text::safe(v, false),
                default: FETCH_WAIT.as_secs(),
            }
            .say(lang)
        ),
    }
}

/// `PLEDGE_KOLADA_URL`: the address of Kolada's API or a mirror of it (http or https);
/// unset or empty is the public service.
pub fn kolada_url_of(value: Option<&str>, lang: Lang) -> Result<String> {
    match value.map(str::trim) {
        None | Some("") => Ok(crate::load::kolada::DEFAULT_URL.into()),
        Some(v) if v.starts_with("http://") || v.starts_with("https://") => {
            Ok(v.trim_end_matches('/').to_string())
        }
        Some(v) => bail!(
            CmdMsg::KoladaUrl {
                value: &crate::text::safe(v, false),
                default: crate::load::kolada::DEFAULT_URL,
            }
            .say(lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

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
            assert_eq!(lock_timeout_of(*v, Lang::En).unwrap(), *want, "{v:?}");
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
            let msg = lock_timeout_of(Some(bad), Lang::En)
                .unwrap_err()
                .to_string();
            assert!(msg.starts_with("PLEDGE_LOCK_TIMEOUT is \""), "{bad}: {msg}");
            assert!(!msg.contains('\u{1b}'), "{msg}");
        }
    }

    #[test]
    fn the_language_asked_on_a_command_line_clap_refused() {
        let v = |a: &[&str]| lang_asked(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(v(&["--lang", "sv", "done"]), Some("sv".into()));
        assert_eq!(v(&["done", "--lang=en", "--lang", "sv"]), Some("sv".into()));
        assert_eq!(v(&["done", "--", "--lang", "sv"]), None);
        assert_eq!(v(&["done", "--date", "x"]), None);
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
        assert!(color_of(ColorChoice::Always, true, false));
        assert!(!color_of(ColorChoice::Never, false, true));
        assert!(color_of(ColorChoice::Auto, false, true));
        assert!(!color_of(ColorChoice::Auto, true, true));
        assert!(!color_of(ColorChoice::Auto, false, false));
    }

    fn ctx(args: &[&str], facts: Facts) -> Result<Ctx> {
        let cli = Cli::try_parse_from(args).unwrap();
        Ctx::new(
            &cli,
            facts,
            Box::new(std::io::sink()),
            Box::new(std::io::sink()),
        )
    }

    fn facts() -> Facts {
        Facts {
            clock: "2026-11-22".parse().unwrap(),
            ..Facts::default()
        }
    }

    #[test]
    fn as_of_moves_today_and_the_date_words_with_it() {
        let as_of = ["pledge", "done", "filipstad", "x", "--as-of", "2016-05-01"];
        let c = ctx(
            &[&as_of[..], &["--date", "today", "--by", "A"]].concat(),
            facts(),
        )
        .unwrap();
        assert_eq!(c.today.to_string(), "2016-05-01");
        assert_eq!(c.clock.to_string(), "2026-11-22");
        let crate::cli::Command::Done(a) =
            Cli::try_parse_from([&as_of[..], &["--date", "yesterday"]].concat())
                .unwrap()
                .command
        else {
            unreachable!()
        };
        assert_eq!(c.date(a.date.unwrap()).to_string(), "2016-04-30");
        // `--as-of today` is the clock's today.
        let c = ctx(&["pledge", "status", "--as-of", "today"], facts()).unwrap();
        assert_eq!(c.today, c.clock);
        // Commands without --as-of judge on the clock's today.
        let c = ctx(&["pledge", "schema"], facts()).unwrap();
        assert_eq!(c.today.to_string(), "2026-11-22");
    }

    #[test]
    fn settings_come_from_flags_before_facts() {
        let f = Facts {
            locale_vars: [None, None, Some("sv_SE.UTF-8".into())],
            stdout_tty: true,
            terminal_width: Some(100),
            default_user: DefaultUser::Known(Some("git user".into())),
            ..facts()
        };
        let mut c = ctx(
            &["pledge", "--lang", "en", "--color", "auto", "list"],
            f.clone(),
        )
        .unwrap();
        assert_eq!(
            (c.lang, c.color, c.width, c.user()),
            (Lang::En, true, Some(100), None)
        );
        let mut c = ctx(&["pledge", "--lang", "sv", "done", "k", "a"], f.clone()).unwrap();
        assert_eq!(c.lang, Lang::Sv);
        // (PLEDGE_USER of the caller is `--by`, read by clap.)
        if std::env::var_os("PLEDGE_USER").is_none() {
            assert_eq!(c.user().as_deref(), Some("git user"));
        }
        let mut c = ctx(&["pledge", "done", "k", "a", "--by", "Anna"], f.clone()).unwrap();
        assert_eq!(c.user().as_deref(), Some("Anna"));
        let bad = Facts {
            lock_timeout: Some("nan".into()),
            ..f
        };
        let err = ctx(&["pledge", "list"], bad).err().unwrap().to_string();
        assert!(err.contains("PLEDGE_LOCK_TIMEOUT"), "{err}");
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
