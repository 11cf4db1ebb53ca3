//! The frame of `validate`'s diagnostics and its last line, one exhaustive match per language
//! ([`ValidateMsg::en`], [`ValidateMsg::sv`]); Swedish as git's Swedish says it ("fel",
//! "varning", "tips"). The diagnostics' own texts are the loader's.

use super::grammar::s;
use super::{Msg, Words};
use crate::view::i18n::Lang;

/// A word or line of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidateMsg {
    /// "warning" / "varning".
    Warning,
    /// The name of a diagnostic's hint line ("hint" / "tips").
    Hint,
    /// `validate`'s last line.
    FilesChecked {
        files: usize,
        errors: usize,
        warnings: usize,
    },
}

impl Words for ValidateMsg {
    type Text = String;

    fn en(&self) -> String {
        use ValidateMsg::*;
        match *self {
            Warning => "warning".into(),
            Hint => "hint".into(),
            FilesChecked {
                files,
                errors,
                warnings,
            } => format!(
                "{files} file{} checked: {errors} error{}, {warnings} warning{}",
                s(files),
                s(errors),
                s(warnings)
            ),
        }
    }

    fn sv(&self) -> String {
        use ValidateMsg::*;
        match *self {
            Warning => "varning".into(),
            Hint => "tips".into(),
            FilesChecked {
                files,
                errors,
                warnings,
            } => format!(
                "{files} {}: {errors} fel, {warnings} {}",
                if files == 1 {
                    "fil kontrollerad"
                } else {
                    "filer kontrollerade"
                },
                if warnings == 1 {
                    "varning"
                } else {
                    "varningar"
                }
            ),
        }
    }
}

/// The frame of a `validate` diagnostic in the language: its severity words and the name of
/// its hint line (the `path:line:col:` prefix is the same in every language).
pub fn diag_words(lang: Lang) -> [String; 3] {
    [
        Msg::Error.say(lang),
        ValidateMsg::Warning.say(lang),
        ValidateMsg::Hint.say(lang),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::i18n::Lang;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn each_reads_differently_in_each_language() {
        let all = [
            ValidateMsg::Warning,
            ValidateMsg::Hint,
            ValidateMsg::FilesChecked {
                files: 2,
                errors: 1,
                warnings: 3,
            },
        ];
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 3, |m| match m {
            ValidateMsg::Warning => 0,
            ValidateMsg::Hint => 1,
            ValidateMsg::FilesChecked { .. } => 2,
        });
    }

    #[test]
    fn swedish_words_agree_in_number() {
        let one = ValidateMsg::FilesChecked {
            files: 1,
            errors: 0,
            warnings: 1,
        };
        assert_eq!(one.say(Lang::Sv), "1 fil kontrollerad: 0 fel, 1 varning");
        let many = ValidateMsg::FilesChecked {
            files: 5,
            errors: 2,
            warnings: 0,
        };
        assert_eq!(
            many.say(Lang::Sv),
            "5 filer kontrollerade: 2 fel, 0 varningar"
        );
    }
}
