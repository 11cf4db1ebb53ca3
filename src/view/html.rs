//! The BRÅ meeting report as one self-contained HTML page that prints on A4, through an
//! askama template (`templates/report.html`) that escapes every value by default.

use std::fmt;

use askama::Template;

use crate::view::meeting::{Meeting, Page};
use crate::view::messages::Label;

/// The escaper of our templates (see `askama.toml`): `&`, `<`, `>`, `"` and `'` as entities;
/// control characters other than newline and tab as U+FFFD, so no file text can carry markup
/// or invisible bytes into the page; invisible characters (bidi overrides and isolates,
/// direction marks, zero-width spaces, line separators: [`crate::text::is_invisible`]) shown
/// as text, `\u{202e}`, since a character reference such as `&#x202E;` would still reorder
/// the text around it.
#[derive(Debug, Clone, Copy)]
pub struct Escape;

impl askama::filters::Escaper for Escape {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, s: &str) -> fmt::Result {
        let mut last = 0;
        let mut prev = None;
        for (i, c) in s.char_indices() {
            let before = prev.replace(c);
            let shown;
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                c if c.is_control() && c != '\n' && c != '\t' => "&#xfffd;",
                // Every invisible character is at U+00AD or above.
                c if c >= '\u{ad}' && crate::text::hides(c, before) => {
                    shown = c.escape_default().to_string();
                    &shown
                }
                _ => continue,
            };
            dest.write_str(&s[last..i])?;
            dest.write_str(rep)?;
            last = i + c.len_utf8();
        }
        dest.write_str(&s[last..])
    }
}

/// Escapes text for HTML element content and attribute values, as the templates do.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    askama::filters::Escaper::write_escaped_str(&Escape, &mut out, s).expect("a String");
    out
}

/// The fixed texts of the page in the report's language.
struct Labels {
    at_a_glance: &'static str,
    status: &'static str,
    progress: &'static str,
    problem: &'static str,
    the_promise: &'static str,
    what_we_promised: &'static str,
    what_has_been_done: &'static str,
    nothing_recorded: &'static str,
    date: &'static str,
    activity: &'static str,
    count: &'static str,
    by: &'static str,
    note: &'static str,
    behind: &'static str,
    followup: &'static str,
    signed_by: &'static str,
    target: &'static str,
    signatures: &'static str,
    place_and_date: &'static str,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    lang_code: &'static str,
    page: &'a Page<'a>,
    /// Indicators and verdicts, already escaped (`view::outcome`).
    outcomes: String,
    labels: Labels,
}

fn labels(l: crate::view::i18n::Lang) -> Labels {
    Labels {
        at_a_glance: l.t(Label::AtAGlance),
        status: l.t(Label::Status),
        progress: l.t(Label::Progress),
        problem: l.t(Label::Problem),
        the_promise: l.t(Label::ThePromise),
        what_we_promised: l.t(Label::WhatWePromised),
        what_has_been_done: l.t(Label::WhatHasBeenDone),
        nothing_recorded: l.t(Label::NothingRecorded),
        date: l.t(Label::Date),
        activity: l.t(Label::Activity),
        count: l.t(Label::Count),
        by: l.t(Label::By),
        note: l.t(Label::Note),
        behind: l.t(Label::Behind),
        followup: l.t(Label::FollowUp),
        signed_by: l.t(Label::SignedBy),
        target: l.t(Label::Target),
        signatures: l.t(Label::Signatures),
        place_and_date: l.t(Label::PlaceAndDate),
    }
}

/// The BRÅ meeting report as one self-contained HTML page that prints on A4.
pub fn report_html(m: &Meeting<'_>) -> String {
    report_page_html(m, &m.page(None, false))
}

/// A page model of the report as one self-contained HTML page that prints on A4.
pub fn report_page_html(m: &Meeting<'_>, page: &Page<'_>) -> String {
    let page = ReportPage {
        lang_code: m.lang.code(),
        page,
        outcomes: crate::view::outcome::report_html(m.s, m.lang, html),
        labels: labels(m.lang),
    };
    let mut out = page.render().expect("rendering into a String cannot fail");
    // askama drops the template file's final newline; the page ends with one.
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_control_characters() {
        let cases = [
            ("<script>&\"'", "&lt;script&gt;&amp;&quot;&#39;"),
            ("a\u{7}b\nc\td", "a&#xfffd;b\nc\td"),
            ("plain åäö", "plain åäö"),
            ("\r", "&#xfffd;"),
            // A bidi override would reorder the page's text: shown, not obeyed.
            ("a\u{202e}cba", "a\\u{202e}cba"),
            (
                "x\u{2066}y\u{2069}\u{200f}\u{200b}\u{2028}",
                "x\\u{2066}y\\u{2069}\\u{200f}\\u{200b}\\u{2028}",
            ),
            ("👩\u{200d}🚒", "👩\u{200d}🚒"),
        ];
        for (input, want) in cases {
            assert_eq!(html(input), want, "{input:?}");
        }
    }
}

#[cfg(test)]
mod page_tests {
    use super::*;
    use crate::view::i18n::Lang;

    #[test]
    fn file_text_cannot_carry_markup_into_the_page() {
        let text = "title = \"<script>x</script>\"\nkommun = \"Filipstad\"\n[period]\n\
                    start = 2016-01-01\nend = 2016-12-31\n[problem]\ntext = \"a & b\"\n\
                    [[activity]]\nid = \"a\"\ntext = \"it's \\\"quoted\\\"\"\nowners = [\"polisen\"]\n\
                    [[log]]\ndate = 2016-02-01\nactivity = \"a\"\nby = \"<b>\"\n\
                    note = \"one\\ntwo <i>\\u0007\"\n";
        let d = |s: &str| s.parse().unwrap();
        let p = crate::load::load("t.toml", text, d("2030-01-01"))
            .pledge
            .unwrap();
        let s = crate::rules::status::pledge_status(&p, d("2016-06-01"));
        let page = report_html(&Meeting::new(&s, None, Lang::En));
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"),
            "{page}"
        );
        assert!(page.ends_with("</body>\n</html>\n"), "{page}");
        assert!(!page.contains("<script>") && !page.contains("<b>") && !page.contains("<i>"));
        assert!(
            page.contains("<title>&lt;script&gt;x&lt;/script&gt;</title>"),
            "{page}"
        );
        assert!(page.contains("<p>a &amp; b</p>"), "{page}");
        assert!(
            page.contains("<p>it&#39;s &quot;quoted&quot;</p>"),
            "{page}"
        );
        assert!(
            page.contains("<td>&lt;b&gt;</td><td>one<br>two &lt;i&gt;&#xfffd;</td>"),
            "{page}"
        );
    }
}
