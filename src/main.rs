use std::process::ExitCode;

use pledge::cmd::{self, Ctx};

fn main() -> ExitCode {
    // The language is decided before clap parses, so that `--help` and clap's refusals are
    // in it too.
    let (early_lang, early_width) = cmd::context::early_lang_and_width();
    // `COMPLETE=bash pledge` (and the shell's calls back): dynamic completion of kommun
    // names and activity ids; returns at once when COMPLETE is not set.
    clap_complete::CompleteEnv::with_factory(move || pledge::cli::command(early_lang)).complete();
    let cli = match pledge::cli::parse(early_lang) {
        Ok(cli) => cli,
        Err(e) => {
            // Refusals in the user's language (English: as clap says them); help as clap
            // prints it.
            if let Some(code) = cmd::swedish_help(&e, early_lang) {
                return ExitCode::from(code);
            }
            match cmd::clap_error_text(&e, early_width, early_lang) {
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
