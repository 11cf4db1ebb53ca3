//! The words of the loader's diagnostics ([`Says`]) and of its note on a file that cannot be
//! read ([`Why`]): one exhaustive match per language, so the compiler proves every message
//! exists in both, and a test proves each reads differently in each. The English words are
//! those pledge has always printed (scripts and tests read them); the Swedish ones are written
//! as a kommunpolis or a BRÅ secretary writes. Keys, values and TOML examples between
//! backticks are the file's own words and stay as they are.

use crate::load::diag::{Diagnostic, Words};
use crate::load::says::{Says, Why};
use crate::view::i18n::Lang;

mod en;
mod sv;
mod toml_sv;

use en::en;
use sv::sv;

/// What `s` says in `lang`.
pub fn say(s: &Says, lang: Lang) -> String {
    match lang {
        Lang::En => en(s),
        Lang::Sv => sv(s),
    }
}

/// Why a file cannot be read, in `lang` ("conflict markers at lines 2, 4 and 6").
pub fn why(w: &Why, lang: Lang) -> String {
    match (w, lang) {
        (Why::Markers(lines), Lang::En) => match lines.as_slice() {
            [one] => format!("conflict markers at line {one}"),
            _ => format!("conflict markers at lines {}", list(lines, "and")),
        },
        (Why::Markers(lines), Lang::Sv) => match lines.as_slice() {
            [one] => format!("konfliktmarkeringar på rad {one}"),
            _ => format!("konfliktmarkeringar på raderna {}", list(lines, "och")),
        },
        (
            Why::Error {
                line: Some(l),
                says,
            },
            Lang::En,
        ) => format!("line {l}: {}", en(says)),
        (
            Why::Error {
                line: Some(l),
                says,
            },
            Lang::Sv,
        ) => format!("rad {l}: {}", sv(says)),
        (Why::Error { line: None, says }, _) => say(says, lang),
        (Why::DoesNotLoad, Lang::En) => "it does not load".into(),
        (Why::DoesNotLoad, Lang::Sv) => "den går inte att läsa in".into(),
    }
}

/// Renders a diagnostic with every word in `lang` (the `path:line:col:` prefix and the source
/// line as they are).
pub fn render(path: &str, src: &str, d: &Diagnostic, lang: Lang) -> String {
    render_at(path, src, d, lang, None)
}

/// [`render`] wrapped between words at `width` columns (None: never wrapped).
pub fn render_at(
    path: &str,
    src: &str,
    d: &Diagnostic,
    lang: Lang,
    width: Option<usize>,
) -> String {
    let frame = crate::view::messages::diag_words(lang);
    let say = |s: &Says| say(s, lang);
    let words = Words {
        error: &frame[0],
        warning: &frame[1],
        hint: &frame[2],
        say: &say,
    };
    crate::load::diag::render_at(path, src, d, &words, width)
}

/// The first line of [`render`], for `check` and for scripts.
pub fn one_line(path: &str, src: &str, d: &Diagnostic, lang: Lang) -> String {
    render(path, src, d, lang)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// "a, b and c" with the last joined by `word`.
fn list<T: ToString>(items: &[T], word: &str) -> String {
    let items: Vec<String> = items.iter().map(T::to_string).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn id_or_unknown(id: &Option<String>) -> &str {
    id.as_deref().unwrap_or("?")
}

#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
