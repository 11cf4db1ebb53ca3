//! A pledge file that cannot be loaded, named where a command would otherwise say a kommun
//! has no löfte: whether it may be that kommun's, and why it cannot be read, with git's
//! conflict markers called what they are. Pure: takes the file's name, text and diagnostics.

use crate::kommuner::{self, Kommun};
use crate::load::diag::{Diagnostic, line_col};
use crate::load::says::{Says, Why};

/// Why the file cannot be read: its conflict markers' lines ("conflict markers at lines 5, 7
/// and 9"), else its first error ("line 3: invalid TOML: ..."); the view says it.
pub fn why(text: &str, diags: &[Diagnostic]) -> Why {
    let line = |d: &Diagnostic| d.span.as_ref().map(|s| line_col(text, s.start).0);
    let markers: Vec<usize> = diags
        .iter()
        .filter(|d| d.is_error() && matches!(*d.message, Says::ConflictMarker { .. }))
        .filter_map(line)
        .collect();
    if !markers.is_empty() {
        return Why::Markers(markers);
    }
    match diags.iter().find(|d| d.is_error()) {
        Some(d) => Why::Error {
            line: line(d),
            says: (*d.message).clone(),
        },
        None => Why::DoesNotLoad,
    }
}

/// Whether a file that cannot be loaded may hold a löfte of `k`: its name begins with the
/// kommun's (`filipstad-2016.toml`), or a `kommun = "..."` or `kommuner = [...]` line (on
/// either side of a conflict) names it.
pub fn may_hold(file_name: &str, text: &str, k: &Kommun) -> bool {
    let slug = crate::text::slug(k.name);
    let stem = file_name.strip_suffix(".toml").unwrap_or(file_name);
    if crate::text::slug(stem) == slug || crate::text::slug(stem).starts_with(&format!("{slug}-")) {
        return true;
    }
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let l = line.trim_start();
        let Some(rest) = l
            .strip_prefix("kommuner")
            .or_else(|| l.strip_prefix("kommun"))
        else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        // An array may run over several lines.
        let mut value = value.to_string();
        if value.trim_start().starts_with('[') {
            while !value.contains(']') {
                match lines.next() {
                    Some(more) => value.push_str(more),
                    None => break,
                }
            }
        }
        let named = quoted(&value)
            .into_iter()
            .any(|name| kommuner::find(name) == Some(k));
        if named {
            return true;
        }
    }
    false
}

/// The strings of a value: basic (`"…"`) and literal (`'…'`) ones; a string left open runs to
/// the end of the value.
fn quoted(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find(['"', '\'']) {
        let quote = &rest[open..open + 1];
        let after = &rest[open + 1..];
        match after.find(quote) {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => {
                out.push(after);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diags(text: &str) -> Vec<Diagnostic> {
        crate::load::load("f", text, chrono::NaiveDate::MAX).diags
    }

    #[test]
    fn conflict_markers_are_called_what_they_are_with_their_lines() {
        let text = "title = \"t\"\n<<<<<<< ours\nkommun = \"Filipstad\"\n=======\nkommun = \"Kil\"\n>>>>>>> theirs\n";
        assert_eq!(why(text, &diags(text)), Why::Markers(vec![2, 4, 6]));
        let one = "a = 1\n\n=======\n";
        assert_eq!(why(one, &diags(one)), Why::Markers(vec![3]));
        let broken = "title = \"t\"\nkommun = \n";
        assert!(
            matches!(
                why(broken, &diags(broken)),
                Why::Error {
                    line: Some(2),
                    says: Says::InvalidToml { .. }
                }
            ),
            "{:?}",
            why(broken, &diags(broken))
        );
    }

    #[test]
    fn a_file_may_hold_a_kommuns_lofte_by_its_name_or_its_kommun_lines() {
        let filipstad = kommuner::find("Filipstad").unwrap();
        let kil = kommuner::find("Kil").unwrap();
        let text = "title = \"t\"\n<<<<<<< ours\nkommun = \"Filipstad\"\n=======\nkommun = \"Filipstads kommun\"\n>>>>>>> theirs\n";
        assert!(may_hold("whatever.toml", text, filipstad));
        assert!(!may_hold("whatever.toml", text, kil));
        assert!(may_hold("kil-2016.toml", "", kil));
        assert!(may_hold("Kil.toml", "", kil));
        assert!(!may_hold("kilafors-2016.toml", "", kil));
        let shared = "kommuner = [\n  \"Forshaga\",\n  \"Kil\",\n]\n";
        assert!(may_hold("x.toml", shared, kil));
        assert!(!may_hold("x.toml", shared, filipstad));
        assert!(!may_hold("x.toml", "# kommun = \"Kil\"\n", kil));
        assert!(may_hold("x.toml", "kommun = 'Kil'\ntitle = \"\n", kil));
        assert!(may_hold(
            "x.toml",
            "kommuner = ['Forshaga', \"Kil\"]\n",
            kil
        ));
        assert!(!may_hold(
            "x.toml",
            "kommun = 'Forshaga' # \"Kil\"\n",
            filipstad
        ));
    }
}
