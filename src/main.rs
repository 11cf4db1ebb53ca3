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
    let (mut width, mut lang) = (None, pledge::view::i18n::Lang::En);
    let result = Ctx::from_env(&cli).and_then(|mut ctx| {
        width = ctx.width;
        lang = ctx.lang;
        cmd::run(cli, &mut ctx)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader of a pipe has all it wanted (`pledge log | head`): end quietly.
        Err(e) if cmd::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", cmd::error_text(&e, width, lang));
            ExitCode::from(cmd::exit_code_of(&e))
        }
    }
}
