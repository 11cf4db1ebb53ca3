use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use pledge::cmd::{self, Ctx};

fn main() -> ExitCode {
    // `COMPLETE=bash pledge` (and the shell's calls back): dynamic completion of kommun
    // names and activity ids; returns at once when COMPLETE is not set.
    clap_complete::CompleteEnv::with_factory(pledge::cli::Cli::command).complete();
    let cli = match pledge::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // A malformed date is said in the user's language; everything else as clap says it.
            let (lang, width) = cmd::context::early_lang_and_width();
            match cmd::clap_error_text(&e, width, lang) {
                Some(text) => {
                    eprintln!("{text}");
                    return ExitCode::from(2);
                }
                None => e.exit(),
            }
        }
    };
    // The language and width of an error: the context's, or (a setting it refused) as an
    // error before the command line is understood.
    let mut said = None;
    let result = Ctx::from_env(&cli).and_then(|mut ctx| {
        said = Some((ctx.lang, ctx.width));
        cmd::run(cli, &mut ctx)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader of a pipe has all it wanted (`pledge log | head`): end quietly.
        Err(e) if cmd::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let (lang, width) = said.unwrap_or_else(cmd::context::early_lang_and_width);
            eprintln!("{}", cmd::error_text(&e, width, lang));
            ExitCode::from(cmd::exit_code_of(&e))
        }
    }
}
