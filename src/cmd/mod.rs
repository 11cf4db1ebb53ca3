//! The commands: the thin shell that reads through the store, decides through the pure core
//! ([`crate::rules::choose`], [`crate::rules::status`], [`crate::edit::record`]) and writes
//! through the context's writers. One file per command or small group. [`run`] returns the exit code; errors map to
//! 1 (refused) or 2 (usage, I/O); a closed output pipe ends the run quietly.

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::view::messages::Words;

mod append;
mod calendar;
mod check;
pub mod context;
pub mod docs;
mod done;
mod env_refusal;
mod error;
mod fetch;
mod git;
mod import;
mod list;
mod log;
mod measure;
mod merge_driver;
mod new;
mod no_window;
mod output;
mod report;
mod site;
mod status;
mod undo;
mod validate;
mod verdict;
mod verify_merge;
mod workspace;

pub use context::Ctx;
pub use error::Error::{Refused, Usage};
pub use error::{Error, exit_code_of};
pub use workspace::{Workspace, resolve_kommun};

/// An error as printed: `pledge: error: ` and its text, each line wrapped between words to
/// `width` (a terminal's, or `COLUMNS`) with its continuation lines indented, so no word is
/// split at the edge of a terminal.
pub fn error_text(
    e: &anyhow::Error,
    width: Option<usize>,
    lang: crate::view::i18n::Lang,
) -> String {
    let text = format!(
        "pledge: {}: {}",
        crate::view::Msg::Error.say(lang),
        describe_in(e, lang)
    );
    match width {
        None => text,
        Some(w) => text
            .lines()
            .map(|l| wrap_keeping_spaces(l, w))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The text for a command line clap refused, in the user's language (a malformed date in
/// pledge's words, the rest as [`crate::cli::sv::refusal`] says clap's; a `PLEDGE_*`
/// variable's value named as the variable, in either language); None: clap's own text (help,
/// version, and every other refusal in English, which scripts and tests have always read).
pub fn clap_error_text(
    e: &clap::Error,
    width: Option<usize>,
    lang: crate::view::i18n::Lang,
) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    // A PLEDGE_* variable's value: named as the variable, in either language.
    if let Some(text) = env_refusal::env_refusal(e, lang) {
        return Some(error_text(&anyhow::anyhow!(text), width, lang));
    }
    if lang == crate::view::i18n::Lang::En {
        return None;
    }
    let bad = std::error::Error::source(e).and_then(|s| s.downcast_ref::<crate::cli::BadDate>());
    let text = match bad {
        Some(bad) => {
            let arg = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::String(a)) => a.as_str(),
                _ => "--date",
            };
            crate::view::Msg::BadDate { arg, value: &bad.0 }.say(lang)
        }
        None => crate::cli::sv::refusal(e)?,
    };
    Some(error_text(&anyhow::anyhow!(text), width, lang))
}

/// Swedish help (clap's, with its `[OPTIONS]` said in Swedish), printed where clap prints
/// it; the exit code, or None: not Swedish help (clap prints it).
pub fn swedish_help(e: &clap::Error, lang: crate::view::i18n::Lang) -> Option<u8> {
    use std::io::{IsTerminal, Write};
    if lang == crate::view::i18n::Lang::En {
        return None;
    }
    let to_stderr = e.use_stderr();
    let tty = match to_stderr {
        true => std::io::stderr().is_terminal(),
        false => std::io::stdout().is_terminal(),
    };
    let color = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text = crate::cli::sv::help(e, color)?;
    // A closed pipe (`pledge --help | head`) ends quietly, as clap's own printing does.
    let _ = match to_stderr {
        true => std::io::stderr().write_all(text.as_bytes()),
        false => std::io::stdout().write_all(text.as_bytes()),
    };
    Some(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// A line broken between words where it would pass `width` columns; the spaces inside it (a
/// list's aligned columns) stay, and its continuation lines go four columns further in than it.
fn wrap_keeping_spaces(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let lead = line.len() - line.trim_start_matches(' ').len();
    let indent = " ".repeat(lead + 4);
    let mut out = String::from(&line[..lead]);
    let mut col = lead;
    let mut rest = &line[lead..];
    while !rest.is_empty() {
        // The next word with the spaces before it.
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        let end = rest[word_start..]
            .find(' ')
            .map_or(rest.len(), |i| word_start + i);
        let (gap, word) = (&rest[..word_start], &rest[word_start..end]);
        let wide = word.width();
        if col > lead && col + gap.len() + wide > width && !word.is_empty() {
            out.push('\n');
            out.push_str(&indent);
            col = indent.len();
        } else {
            out.push_str(gap);
            col += gap.len();
        }
        out.push_str(word);
        col += wide;
        rest = &rest[end..];
    }
    out
}

/// A reply of one or more lines, each wrapped between words to `width` as [`error_text`]
/// wraps an error (unchanged without a width: a pipe or a file).
pub fn wrapped(text: &str, width: Option<usize>) -> String {
    match width {
        None => text.to_string(),
        Some(w) => text
            .lines()
            .map(|l| wrap_keeping_spaces(l, w))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Whether the error is a closed output pipe (`pledge log | head`): the reader has all it
/// wanted, so the run ends quietly with exit 0, as ripgrep does.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            // serde_json keeps the io::Error inside, not as its source.
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// The error with its causes, on one line each.
pub fn describe(e: &anyhow::Error) -> String {
    describe_in(e, crate::view::i18n::Lang::En)
}

/// [`describe`] in the language: the store's own errors (it has no language) said in it.
fn describe_in(e: &anyhow::Error, lang: crate::view::i18n::Lang) -> String {
    let say = |c: &(dyn std::error::Error + 'static)| {
        if let Some(r) = c.downcast_ref::<crate::store::Refusal>() {
            r.0.say(lang)
        } else if let Some(s) = c.downcast_ref::<crate::store::Said>() {
            s.0.say(lang)
        } else {
            c.to_string()
        }
    };
    let mut parts = e.chain().map(say);
    let mut s = parts.next().unwrap_or_default();
    for cause in parts {
        s.push_str(&format!(": {cause}"));
    }
    s
}

/// For a writer, which parses one or a few files and ends: large blocks (a file's tokens, its
/// tables) come from the heap and are reused once freed, rather than mapped fresh and returned
/// to the system each time (glibc maps blocks over 128 KiB by default): a quarter fewer page
/// faults for a `done` on a 45 KB file.
fn heap_for_one_file() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets two parameters of the allocator (it takes its own lock).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}

/// Runs a command in the context; returns the exit code.
pub fn run(cli: Cli, ctx: &mut Ctx) -> Result<u8> {
    let dir = cli.global.dir.clone();
    let lang_given = cli.global.lang.is_some();
    let code = match cli.command {
        Command::Validate(a) => validate::validate(dir, a, ctx),
        Command::List(a) => list::list(dir, a, ctx),
        Command::Done(a) => {
            heap_for_one_file();
            done::done(dir, a, ctx)
        }
        Command::Undo(a) => {
            heap_for_one_file();
            undo::undo(dir, a, ctx)
        }
        Command::Measure(a) => {
            heap_for_one_file();
            measure::measure(dir, a, ctx)
        }
        Command::Verdict(a) => {
            heap_for_one_file();
            verdict::verdict(dir, a, ctx)
        }
        Command::Log(a) => log::log(dir, a, ctx),
        Command::Status(a) => status::status(dir, a, ctx),
        Command::Report(a) => report::report(dir, a, ctx),
        Command::Check(a) => check::check(dir, a, ctx),
        Command::New(a) => new::new(dir, a, ctx),
        Command::Calendar(a) => calendar::calendar(dir, a, ctx),
        Command::Site(a) => {
            // The site is for the kommun's residents: Swedish unless --lang says otherwise;
            // the reply is the user's.
            let reply = ctx.lang;
            if !lang_given {
                ctx.lang = crate::view::i18n::Lang::Sv;
            }
            site::site(dir, a, reply, ctx)
        }
        Command::Import(a) => import::import(dir, a, ctx),
        Command::Completions { shell } => docs::completions(shell, ctx),
        Command::Man => docs::man(ctx),
        Command::Schema => docs::schema(ctx),
        Command::Git(crate::cli::GitCommand::Setup { dry_run }) => git::setup(dir, dry_run, ctx),
        Command::Git(crate::cli::GitCommand::Check) => git::check(dir, ctx),
        Command::VerifyMerge(a) => verify_merge::verify_merge(dir, a, ctx),
        Command::MergeDriver { base, ours, theirs } => {
            merge_driver::merge_driver(&base, &ours, &theirs, ctx)
        }
    }?;
    ctx.out.flush()?;
    Ok(code)
}

pub use crate::view::phrases::describe_progress;

/// The löfte of a file read again under its lock, or a refusal when it no longer loads (it
/// was changed meanwhile).
/// A usage error (exit 2) when `--area` only begins the names of several of the kommun's
/// areas: the follow-up, a verdict or a measurement would otherwise go to one of them
/// unasked.
pub(crate) fn refuse_areas_begun(
    ws: &Workspace,
    k: &crate::kommuner::Kommun,
    area: Option<&str>,
    lang: crate::view::i18n::Lang,
) -> Result<()> {
    match crate::rules::choose::areas_begun(ws.pledges(), k, area) {
        Some(areas) => anyhow::bail!(
            crate::view::RecordMsg::AreasBegun {
                area: &crate::text::safe(area.unwrap_or_default(), false),
                kommun: k.name,
                areas: &areas
                    .iter()
                    .map(|a| crate::text::safe(a, false))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
            .say(lang)
        ),
        None => Ok(()),
    }
}

pub(crate) fn loaded_now(
    f: &crate::store::SourceFile,
    lang: crate::view::i18n::Lang,
) -> Result<&crate::model::Pledge> {
    match f.loaded.pledge.as_ref().filter(|_| !f.loaded.has_errors()) {
        Some(p) => Ok(p),
        None => Err(Refused(crate::view::RecordMsg::ChangedMeanwhile(&f.display).say(lang)).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_broken_pipe_is_found_anywhere_in_the_chain() {
        let pipe = || Error::from(ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::from(pipe())));
        assert!(is_broken_pipe(
            &anyhow::Error::from(pipe()).context("cannot write")
        ));
        assert!(is_broken_pipe(&anyhow::Error::from(serde_json::Error::io(
            pipe()
        ))));
        assert!(!is_broken_pipe(&anyhow::Error::from(Error::from(
            ErrorKind::NotFound
        ))));
        assert!(!is_broken_pipe(&anyhow::anyhow!("Broken pipe")));
    }

    /// A writer the test keeps a handle on.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// A reader that has gone away.
    struct Closed;

    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(Error::from(ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn run_in(args: &[&str], out: Box<dyn std::io::Write>) -> Result<u8> {
        use clap::Parser;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/pledges");
        let mut full = vec!["pledge", "--dir", dir, "--lang", "en"];
        full.extend_from_slice(args);
        let cli = Cli::try_parse_from(full).unwrap();
        let facts = context::Facts {
            clock: "2017-06-30".parse().unwrap(),
            ..Default::default()
        };
        let mut ctx = Ctx::new(&cli, facts, out, Box::new(std::io::sink()))?;
        run(cli, &mut ctx)
    }

    #[test]
    fn commands_write_through_the_contexts_writer() {
        let out = Shared::default();
        let args = ["list", "--format", "csv", "--as-of", "2017-06-30"];
        let code = run_in(&args, Box::new(out.clone())).unwrap();
        assert_eq!(code, 0);
        let text = String::from_utf8(out.0.borrow().clone()).unwrap();
        assert!(text.starts_with("kommuner,kommunkod,"), "{text}");
        assert_eq!(text.lines().count(), 6, "{text}");
    }

    #[test]
    fn a_closed_pipe_is_an_error_main_ends_quietly_on() {
        for args in [
            &["list", "--format", "table", "--as-of", "2017-06-30"][..],
            &["log", "--format", "json", "--as-of", "2017-06-30"],
            &[
                "status",
                "--all",
                "--format",
                "json",
                "--as-of",
                "2017-06-30",
            ],
            &[
                "status",
                "--all",
                "--format",
                "table",
                "--as-of",
                "2017-06-30",
            ],
            &[
                "report",
                "filipstad",
                "--format",
                "html",
                "--as-of",
                "2017-06-30",
            ],
            &[
                "check",
                "--format",
                "text",
                "--as-of",
                "2017-06-30",
                "--within",
                "30",
            ],
            &["schema"],
            &["man"],
            &["completions", "bash"],
        ] {
            let e = run_in(args, Box::new(Closed)).unwrap_err();
            assert!(is_broken_pipe(&e), "{args:?}: {e:?}");
        }
    }
}
