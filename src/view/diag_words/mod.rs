//! The words of the loader's diagnostics ([`Says`]) and of its note on a file that cannot be
//! read ([`Why`]): one exhaustive match per language, so the compiler proves every message
//! exists in both, and a test proves each reads differently in each. The English words are
//! those pledge has always printed (scripts and tests read them); the Swedish ones are written
//! as a kommunpolis or a BRÅ secretary writes. Keys, values and TOML examples between
//! backticks are the file's own words and stay as they are.

use crate::load::diag::{Diagnostic, Words};
use crate::load::says::{Says, Why};
use crate::view::i18n::Lang;
use crate::view::messages::{self, Words as _};

mod en;
mod sv;
mod toml_sv;

use en::en;
use sv::sv;

/// What a diagnostic says, in each language.
impl messages::Words for Says {
    type Text = String;

    fn en(&self) -> String {
        en(self)
    }

    fn sv(&self) -> String {
        sv(self)
    }
}

/// Why a file cannot be read ("conflict markers at lines 2, 4 and 6").
impl messages::Words for Why {
    type Text = String;

    fn en(&self) -> String {
        match self {
            Why::Markers(lines) => markers(
                lines,
                "conflict markers at line",
                "conflict markers at lines",
                "and",
            ),
            Why::Error { line, says } => at_line(*line, "line", en(says)),
            Why::DoesNotLoad => "it does not load".into(),
        }
    }

    fn sv(&self) -> String {
        match self {
            Why::Markers(lines) => markers(
                lines,
                "konfliktmarkeringar på rad",
                "konfliktmarkeringar på raderna",
                "och",
            ),
            Why::Error { line, says } => at_line(*line, "rad", sv(says)),
            Why::DoesNotLoad => "den går inte att läsa in".into(),
        }
    }
}

/// "conflict markers at line 3" (`one` before a single line), "conflict markers at lines 2,
/// 4 and 6" (`many` before several, the last joined by `and`).
fn markers(lines: &[usize], one: &str, many: &str, and: &str) -> String {
    match lines {
        [l] => format!("{one} {l}"),
        _ => format!("{many} {}", list(lines, and)),
    }
}

/// What a file says, after the line it says it at when there is one ("line 2: …").
fn at_line(line: Option<usize>, word: &str, says: String) -> String {
    match line {
        Some(l) => format!("{word} {l}: {says}"),
        None => says,
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
    let say = |s: &Says| s.say(lang);
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
