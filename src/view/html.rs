//! The BRÅ meeting report as one self-contained HTML page that prints on A4, through an
//! askama template (`templates/report.html`) that escapes every value by default.

use std::fmt;

use askama::Template;

use crate::view::labels::Label;
use crate::view::meeting::Meeting;
use crate::view::phrases::{heading, period_line};
use crate::view::title::activity_title;

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
    log_since: &'static str,
    nothing_recorded: &'static str,
    date: &'static str,
    activity: &'static str,
    count: &'static str,
    by: &'static str,
    note: &'static str,
    behind: &'static str,
    nothing_is_behind: &'static str,
    followup: &'static str,
}

struct Group {
    heading: &'static str,
    activities: Vec<ActivityView>,
}

struct ActivityView {
    id: String,
    title: String,
    /// The status in the status vocabulary (a CSS class).
    class: &'static str,
    status: &'static str,
    text: String,
    promised: String,
    outcome: String,
}

struct LogRow<'a> {
    date: chrono::NaiveDate,
    activity: &'a str,
    count: u32,
    by: &'a str,
    /// The note's lines, joined by `<br>`.
    note_lines: Vec<&'a str>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    lang_code: &'static str,
    title: &'a str,
    heading: String,
    period: String,
    /// Lokalpolisområde, signed, signatories: a label and its lines.
    meta: Vec<(String, Vec<String>)>,
    problem_title: Option<&'a str>,
    priorities: &'a [String],
    problem_text: Option<&'a str>,
    promise: Option<&'a str>,
    glance: Vec<crate::view::meeting::Glance>,
    groups: Vec<Group>,
    since: chrono::NaiveDate,
    log: Vec<LogRow<'a>>,
    /// Title, id and outcome of each activity that is behind.
    behind: Vec<(String, String, String)>,
    followup: Vec<(String, String)>,
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
        log_since: l.t(Label::LogSince),
        nothing_recorded: l.t(Label::NothingRecorded),
        date: l.t(Label::Date),
        activity: l.t(Label::Activity),
        count: l.t(Label::Count),
        by: l.t(Label::By),
        note: l.t(Label::Note),
        behind: l.t(Label::Behind),
        nothing_is_behind: l.t(Label::NothingIsBehind),
        followup: l.t(Label::FollowUp),
    }
}

fn meta(m: &Meeting<'_>) -> Vec<(String, Vec<String>)> {
    let (p, l) = (m.s.pledge, m.lang);
    let mut meta = Vec::new();
    if let Some(lpo) = &p.lokalpolisomrade {
        meta.push((l.t(Label::Lokalpolisomrade).to_string(), vec![lpo.clone()]));
    }
    if let Some(d) = p.signed {
        meta.push((l.t(Label::Signed).to_string(), vec![d.to_string()]));
    }
    let signatories: Vec<String> = p
        .signatories
        .iter()
        .map(|sig| match &sig.role {
            Some(r) => format!("{}, {r}", sig.name),
            None => sig.name.clone(),
        })
        .collect();
    if !signatories.is_empty() {
        meta.push((l.t(Label::SignedBy).to_string(), signatories));
    }
    meta
}

fn groups(m: &Meeting<'_>) -> Vec<Group> {
    let l = m.lang;
    m.groups()
        .into_iter()
        .map(|(g, acts)| Group {
            heading: l.t(g),
            activities: acts
                .into_iter()
                .map(|a| ActivityView {
                    id: a.activity.id.clone(),
                    title: activity_title(a.activity),
                    class: a.status.name(),
                    status: l.status(a.status),
                    text: a.activity.text.clone(),
                    promised: m.promised(a),
                    outcome: m.outcome(a),
                })
                .collect(),
        })
        .collect()
}

/// The BRÅ meeting report as one self-contained HTML page that prints on A4.
pub fn report_html(m: &Meeting<'_>) -> String {
    let p = m.s.pledge;
    let page = ReportPage {
        lang_code: m.lang.code(),
        title: &p.title,
        heading: heading(m.s),
        period: period_line(m.s, m.lang),
        meta: meta(m),
        problem_title: p.problem.title.as_deref(),
        priorities: &p.problem.priorities,
        problem_text: p.problem.text.as_deref(),
        promise: p.promise.as_deref(),
        glance: m.glance(),
        groups: groups(m),
        since: m.since,
        log: m
            .log()
            .into_iter()
            .map(|e| LogRow {
                date: e.date,
                activity: m.lang.activity_id(&e.activity),
                count: e.count,
                by: e.by.as_deref().unwrap_or(""),
                note_lines: e
                    .note
                    .as_deref()
                    .map(|n| n.split('\n').collect())
                    .unwrap_or_default(),
            })
            .collect(),
        behind: m
            .behind()
            .into_iter()
            .map(|a| {
                let title = activity_title(a.activity);
                (title, a.activity.id.clone(), m.outcome(a))
            })
            .collect(),
        followup: m.followup_details(),
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
