//! How a run that does not succeed ends: an error whose variant is its exit code, as the
//! `just` crate's `Error::code` does. A command says which kind of mistake it met by the
//! variant it builds ([`Usage`](Error::Usage) or [`Refused`](Error::Refused)); any other error
//! (a file or folder that cannot be read or written, the lock not free in time) ends the run
//! with [`OTHER`]. The README's table of exit codes is checked against [`Error::ALL`].

use std::fmt;

/// The exit code of an error that is neither a usage mistake nor a refusal: I/O, the lock.
pub const OTHER: u8 = 2;

/// How to build one kind of [`Error`] from its message.
pub type Make = fn(String) -> Error;

/// An error a command ends with, by what the person running it should do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// What was typed is wrong, everywhere alike: an unknown name (kommun, activity, part,
    /// unit, indicator), a malformed value (date, number, verdict word), an empty text, a flag
    /// that does not fit. Exit 2.
    Usage(String),
    /// A change the program refuses to make, though it was typed right: the date is in the
    /// future or before the follow-up is due, no löfte holds the date, the file was changed
    /// meanwhile. Nothing is written. Exit 1.
    Refused(String),
}

impl Error {
    /// One of each kind, with the words the README's table uses for it.
    pub const ALL: [(Make, &'static str); 2] = [
        (Error::Usage, "usage error"),
        (Error::Refused, "refused, nothing written"),
    ];

    /// The exit code.
    pub fn code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Refused(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m) | Error::Refused(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// The exit code of the error a command returned: its [`Error`]'s, a refusal of the store
/// (the file changed meanwhile) 1, anything else [`OTHER`].
pub fn exit_code_of(e: &anyhow::Error) -> u8 {
    if let Some(typed) = e.downcast_ref::<Error>() {
        typed.code()
    } else if e.downcast_ref::<crate::store::Refusal>().is_some() {
        Error::Refused(String::new()).code()
    } else {
        OTHER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_error_has_its_exit_code() {
        let code = |e: anyhow::Error| exit_code_of(&e);
        assert_eq!(code(Error::Usage("no activity \"x\"".into()).into()), 2);
        assert_eq!(code(Error::Refused("in the future".into()).into()), 1);
        assert_eq!(
            code(
                crate::store::Refusal(crate::view::messages::StoreMsg::AlreadyExists("a".into()))
                    .into()
            ),
            1
        );
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(code(anyhow::Error::from(io).context("cannot read x")), 2);
        // A new variant does not compile here until it is in `Error::ALL`.
        let position = |e: &Error| match e {
            Error::Usage(_) => 0,
            Error::Refused(_) => 1,
        };
        for (i, (make, _)) in Error::ALL.into_iter().enumerate() {
            let e = make("m".into());
            assert_eq!(position(&e), i);
            assert_eq!(code(e.clone().into()), e.code());
            assert_eq!(e.to_string(), "m");
        }
    }

    /// The rows of the README's "Exit codes" table: (code, meaning).
    fn readme_rows() -> Vec<(u8, String)> {
        let readme = include_str!("../../README.md");
        let table = readme
            .split("\n## Exit codes\n")
            .nth(1)
            .expect("the README has an Exit codes section");
        table
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                Some((cells.get(1)?.parse().ok()?, cells.get(2)?.to_string()))
            })
            .collect()
    }

    #[test]
    fn the_readme_table_of_exit_codes_matches_the_errors() {
        let rows = readme_rows();
        let mut codes: Vec<u8> = rows.iter().map(|(c, _)| *c).collect();
        let mut want: Vec<u8> = Error::ALL
            .iter()
            .map(|(make, _)| make(String::new()).code())
            .chain([0, OTHER])
            .collect();
        codes.sort();
        want.sort();
        want.dedup();
        assert_eq!(codes, want, "{rows:?}");
        for (make, words) in Error::ALL {
            let code = make(String::new()).code();
            let (_, meaning) = rows.iter().find(|(c, _)| *c == code).unwrap();
            assert!(
                meaning.contains(words),
                "README: exit {code} should say \"{words}\": {meaning}"
            );
        }
        // The same codes in `--help`.
        for code in &codes {
            assert!(
                crate::cli::EXIT_CODES.contains(&format!("\n  {code}  ")),
                "{code} in cli::EXIT_CODES"
            );
        }
    }
}
