//! The status of a löfte in a terminal too narrow for its table: one line per activity
//! (status, id, progress with a short bar), wrapped only between words. Pure: the caller
//! gives the width.

use crate::rules::status::{PledgeStatus, Status};
use crate::view::i18n::Lang;
use crate::view::messages::Label;
use crate::view::phrases::status_rows;

/// The bar's cells in the compact layout (the table's has 6).
pub const SHORT_BAR: usize = 3;

/// The least room the progress column gets, however long the ids.
const MIN_ROOM: usize = 16;

/// `text` wrapped to `width` columns between words; lines after the first are indented by
/// `indent` spaces. A word longer than a line stays whole on a line of its own: no word is
/// ever broken.
pub fn wrap(text: &str, width: usize, indent: usize) -> String {
    // Leading spaces (an indented line) stay, and its continuation lines go under them.
    let lead = text.len() - text.trim_start_matches(' ').len();
    let indent = indent + lead;
    let mut out = " ".repeat(lead);
    let mut col = lead;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if col > lead && col + 1 + len > width && col > indent {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if col > lead {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
    }
    out
}

/// `text` then spaces up to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let n = width.saturating_sub(text.chars().count());
    format!("{text}{}", " ".repeat(n))
}

/// The status word in its colour (an ANSI escape) when `color`; colour is never alone, the
/// word is always there.
fn coloured(word: &str, st: Status, color: bool) -> String {
    if !color {
        return word.to_string();
    }
    let code = match st {
        Status::Met | Status::Ongoing => 32,
        Status::OnTrack | Status::Upcoming | Status::NothingDue | Status::NothingRecorded => 36,
        Status::Behind | Status::PartlyMet => 33,
        Status::Missed | Status::NoReports => 31,
    };
    format!("\x1b[{code}m{word}\x1b[0m")
}

/// The rows of one löfte, one line per activity (part, unit): the status padded, the id
/// padded, then the progress (with the last day done), wrapped between words under itself.
pub fn compact_rows(s: &PledgeStatus<'_>, lang: Lang, color: bool, width: usize) -> String {
    let rows = status_rows(s, lang, SHORT_BAR);
    let head = [Label::Status, Label::Activity, Label::Progress].map(|l| lang.t(l));
    let sw = rows
        .iter()
        .map(|(r, _)| r[5].chars().count())
        .chain([head[0].chars().count()])
        .max()
        .unwrap_or(0);
    let iw = rows
        .iter()
        .map(|(r, _)| r[0].chars().count())
        .chain([head[1].chars().count()])
        .max()
        .unwrap_or(0);
    let indent = sw + iw + 2;
    let mut out = format!("{} {} {}\n", pad(head[0], sw), pad(head[1], iw), head[2]);
    for (r, st) in rows {
        let mut progress = r[3].clone();
        if r[4] != "–" && !r[4].is_empty() {
            progress.push_str(&format!(" · {} {}", lang.t(Label::LastDoneShort), r[4]));
        }
        let status = coloured(&r[5], st, color);
        let pad_status = " ".repeat(sw.saturating_sub(r[5].chars().count()));
        // The progress wraps under itself, between words.
        let room = width.saturating_sub(indent).max(MIN_ROOM);
        let progress = wrap(&progress, room, 0).replace('\n', &format!("\n{}", " ".repeat(indent)));
        out.push_str(&format!(
            "{status}{pad_status} {} {progress}",
            pad(&r[0], iw)
        ));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_never_breaks_a_word() {
        let text = "Period 2016-01-01 – 2016-12-31 (gäller tills ett nytt löfte tecknats)";
        let out = wrap(text, 30, 2);
        assert_eq!(
            out,
            "Period 2016-01-01 – 2016-12-31\n  (gäller tills ett nytt löfte\n  tecknats)"
        );
        assert!(out.lines().all(|l| l.chars().count() <= 30), "{out}");
        let words: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(words, text.split(' ').collect::<Vec<_>>());
        // A word longer than the line stays whole.
        assert_eq!(wrap("a verylongword b", 6, 0), "a\nverylongword\nb");
        assert_eq!(wrap("", 10, 0), "");
        assert_eq!(wrap("  ab cd ef", 7, 2), "  ab cd\n    ef");
    }
}
