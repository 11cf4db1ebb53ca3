//! What reaches a reader's terminal, spreadsheet or browser: whatever the text, `safe` and
//! `safe_path` leave no control or invisible character (but a newline kept on request and a
//! joiner inside an emoji), the HTML escaper no markup, control or bidi character, and a CSV
//! cell neither a control character nor a formula start.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pledge::text::{is_invisible, safe, safe_path};
use pledge::view::csv::Text;
use pledge::view::html::html;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let bad = |c: char| c.is_control() || (is_invisible(c) && c != '\u{200d}');
    assert!(!safe(s, false).chars().any(bad));
    assert!(!safe(s, true).chars().any(|c| c != '\n' && bad(c)));
    assert!(
        !safe_path(s)
            .chars()
            .any(|c| c.is_control() || is_invisible(c))
    );
    let h = html(s);
    assert!(!h.contains(['<', '>', '"', '\'']));
    assert!(!h.chars().any(|c| !matches!(c, '\n' | '\t') && bad(c)));
    let cell = Text(s.to_string()).neutral().into_owned();
    assert!(
        !cell
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    );
    let first = cell
        .trim_start_matches(|c: char| {
            c == ' ' || c == '\u{a0}' || c == '\u{3000}' || is_invisible(c)
        })
        .chars()
        .next();
    let formula = matches!(cell.chars().next(), Some('\t' | '\r'))
        || matches!(
            first,
            Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
        );
    let number = cell
        .strip_prefix('-')
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'));
    assert!(!formula || number, "{cell:?}");
});
