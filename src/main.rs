use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = pledge::cli::Cli::parse();
    match pledge::app::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("pledge: error: {}", pledge::app::describe(&e));
            ExitCode::from(pledge::app::exit_code_of(&e))
        }
    }
}
