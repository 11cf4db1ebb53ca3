//! Issue 28: `validate` on every broken file of tests/bad (and the warnings of
//! tests/good-warnings.toml) in Swedish and in English, through the binary: the loader's
//! messages and hints in the language asked for, by `--lang` or by `LANG`; the
//! `path:line:col:` prefix, the source line and the marker the same in both.

use std::process::Command;

use crate::support::{ROOT, snapshot};

/// `pledge validate tests/bad tests/good-warnings.toml` with `lang` as `--lang` (or none)
/// and `LANG` set to `env_lang`: (exit code, stdout).
fn validate(lang: Option<&str>, env_lang: &str) -> (i32, String) {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("pledge"));
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    let run = cmd
        .args(["validate", "tests/bad", "tests/good-warnings.toml"])
        .env_clear()
        .env("LANG", env_lang)
        .env("NO_COLOR", "1")
        .env("PLEDGE_AS_OF", "2019-06-01")
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(
        run.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (
        run.status.code().unwrap_or(-1),
        String::from_utf8(run.stdout).unwrap(),
    )
}

#[test]
fn validate_speaks_swedish_by_flag_and_by_locale() {
    let (code, by_flag) = validate(Some("sv"), "C.UTF-8");
    let (locale_code, by_locale) = validate(None, "sv_SE.UTF-8");
    assert_eq!((code, locale_code), (1, 1));
    assert_eq!(by_flag, by_locale, "--lang sv and LANG=sv_SE say the same");
    snapshot("validate-bad-sv.txt", &by_flag);
    for word in [
        ": fel: okänd nyckel `perod` i löftesfilen",
        "= tips: menade du `period`?",
        ": varning: svagt löfte: ingen uppföljning anges",
        "fel: lös sammanslagningskonflikten: `<<<<<<<` finns kvar i filen",
        "fel: `owners` ska vara en lista, men är en text",
        "filer kontrollerade:",
    ] {
        assert!(by_flag.contains(word), "{word} is not in:\n{by_flag}");
    }
    // No sentence of the loader's is left in English (the TOML parser's own detail after
    // "ogiltig TOML:" is the parser's, and keys and examples are the file's words; the
    // source lines shown are the file's own).
    let said: String = by_flag
        .lines()
        .filter(|l| l.contains(": fel: ") || l.contains(": varning: ") || l.contains("= tips: "))
        .map(|l| l.split("ogiltig TOML:").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    for english in [
        ": error: ",
        ": warning: ",
        "= hint: ",
        "did you mean",
        "unknown ",
        "must be",
        "missing required",
        " is empty",
        "the pledge",
        "weak löfte:",
        "resolve the merge",
        "is not ",
        "write ",
        " add ",
        "remove ",
    ] {
        assert!(
            !said.contains(english),
            "{english:?} is English in Swedish:\n{said}"
        );
    }
}

#[test]
fn validate_in_english_is_as_it_was() {
    let (code, by_flag) = validate(Some("en"), "sv_SE.UTF-8");
    let (c_code, by_locale) = validate(None, "C");
    assert_eq!((code, c_code), (1, 1));
    assert_eq!(by_flag, by_locale, "--lang en and LANG=C say the same");
    snapshot("validate-bad-en.txt", &by_flag);
    let (_, sv) = validate(Some("sv"), "C");
    // The same diagnostics at the same places: only the words differ.
    let prefixes = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("tests/"))
            .map(|l| l.split(": ").next().unwrap().to_string())
            .collect()
    };
    assert_eq!(prefixes(&by_flag), prefixes(&sv));
    let markers = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains(" | ") || l.trim_end().ends_with('|'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(markers(&by_flag), markers(&sv));
}

/// `validate` at `COLUMNS` columns: (exit code, stdout), in `lang`.
fn validate_at(columns: &str, lang: &str) -> String {
    let run = Command::new(assert_cmd::cargo::cargo_bin("pledge"))
        .args([
            "--lang",
            lang,
            "validate",
            "tests/bad",
            "tests/good-warnings.toml",
        ])
        .env_clear()
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns)
        .env("PLEDGE_AS_OF", "2019-06-01")
        .current_dir(ROOT)
        .output()
        .unwrap();
    String::from_utf8(run.stdout).unwrap()
}

/// The words of the lines a person reads (the message and the hint), not the source lines
/// and markers, which are cut to a window.
fn said_words(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| {
            let t = l.trim_start();
            let gutter = t.trim_start_matches(|c: char| c.is_ascii_digit());
            !(gutter.starts_with(" |") || gutter.starts_with('|'))
        })
        .flat_map(|l| l.split_whitespace().map(str::to_string))
        .collect()
}

#[test]
fn validate_wraps_between_words_at_the_terminal_width() {
    use unicode_width::UnicodeWidthStr;
    for lang in ["sv", "en"] {
        let (_, unwrapped) = validate(Some(lang), "C.UTF-8");
        for columns in ["80", "60"] {
            let width: usize = columns.parse().unwrap();
            let out = validate_at(columns, lang);
            for l in out.lines() {
                let one_word = !l.trim().contains(' ');
                assert!(
                    l.width() <= width || one_word,
                    "{lang} at {columns}: a line of {} columns:\n{l}",
                    l.width()
                );
            }
            // Nothing is lost or split: the same words in the same order.
            assert_eq!(
                said_words(&out),
                said_words(&unwrapped),
                "{lang} at {columns}"
            );
        }
        assert!(
            unwrapped.lines().any(|l| l.width() > 80),
            "the test needs long lines"
        );
    }
}

#[test]
fn the_conflict_hint_is_given_once_per_file() {
    for (lang, hint) in [("en", "keep the lines you want"), ("sv", "behåll de rader")] {
        let (_, out) = validate(Some(lang), "C.UTF-8");
        let markers = out.matches("merge-conflict.toml:").count();
        assert_eq!(markers, 3, "{out}");
        assert_eq!(out.matches(hint).count(), 1, "{out}");
    }
}
