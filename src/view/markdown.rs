//! Markdown: `status --format markdown` (for pasting into minutes) and the meeting report.

use std::fmt::Write as _;

use crate::rules::status::PledgeStatus;
use crate::view::i18n::Lang;
use crate::view::legend::legend_line;
use crate::view::meeting::{Meeting, Page};
use crate::view::messages::Label;
use crate::view::phrases::{followup_line, heading, period_line, status_headers};
use crate::view::phrases::{status_rows, summary_line};

/// Text for a Markdown table cell or paragraph: safe for a terminal, pipes and markup
/// characters escaped so text cannot break the table or inject HTML, in GitHub's reader and
/// in pandoc's (whose `~`, `^`, `$` and `@` are sub/superscript, math and citations). A
/// leading list marker ("- ", "+ ", "1. ") is escaped too, so a paragraph stays one.
pub fn md(s: &str) -> String {
    let safe = crate::text::safe(s, false);
    let mut out = String::with_capacity(safe.len());
    let digits = safe.bytes().take_while(u8::is_ascii_digit).count();
    // A list marker is followed by a space (or ends the text): "1. ", "- "; "67.5" and "-2"
    // are not.
    let spaced = matches!(safe.as_bytes().get(digits + 1), None | Some(b' '));
    let marker = match safe.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 && spaced => Some(digits),
        Some(b'-' | b'+' | b'*') if digits == 0 && spaced => Some(0),
        _ => None,
    };
    for (i, c) in safe.char_indices() {
        match c {
            _ if Some(i) == marker => {
                out.push('\\');
                out.push(c);
            }
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '^' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The Markdown view of one löfte (for pasting into minutes).
pub fn status_markdown(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let mut out = format!(
        "## {}\n\n{}\n\n",
        md(&heading(s)),
        md(&period_line(s, lang))
    );
    let h = status_headers(lang);
    let _ = writeln!(out, "| {} |", h.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(h.len()));
    for (row, _) in status_rows(s, lang, 0) {
        let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = write!(
        out,
        "\n{}\n\n{}\n",
        md(&followup_line(s, lang)),
        md(&summary_line(s, lang))
    );
    if let Some(legend) = legend_line(s, lang) {
        let _ = write!(out, "\n{}\n", md(&legend));
    }
    out
}

/// `status --format markdown`: one section per löfte, or a line saying that nothing matched.
pub fn status_markdowns(statuses: &[PledgeStatus<'_>], lang: Lang) -> String {
    if statuses.is_empty() {
        return format!("{}\n", lang.t(Label::NoLoftenMatch));
    }
    let parts: Vec<String> = statuses.iter().map(|s| status_markdown(s, lang)).collect();
    parts.join("\n")
}

/// The BRÅ meeting report as Markdown: the page model ([`Meeting::page`]) in Markdown.
pub fn report_markdown(m: &Meeting<'_>) -> String {
    report_page_markdown(m, &m.page(None, false))
}

/// A page model of the report as Markdown.
pub fn report_page_markdown(m: &Meeting<'_>, page: &Page<'_>) -> String {
    let mut o = String::new();
    report_head(page, m.lang, &mut o);
    report_glance(page, m.lang, &mut o);
    report_problem(page, m.lang, &mut o);
    report_activities(page, m.lang, &mut o);
    report_tail(m, page, &mut o);
    o
}

/// Title, kommun, period, the summary, the meeting, signatures.
fn report_head(page: &Page<'_>, l: Lang, o: &mut String) {
    let _ = writeln!(o, "# {}\n", md(&page.title));
    let _ = writeln!(o, "{}  ", md(&page.heading));
    let _ = writeln!(o, "{}  ", md(&page.period));
    let _ = writeln!(o, "{}\n", md(&page.basis));
    let _ = writeln!(o, "**{}**\n", md(&page.summary));
    if let Some(meeting) = &page.meeting {
        let _ = writeln!(o, "{}\n", md(meeting));
    }
    let meta: Vec<String> = page
        .meta
        .iter()
        .map(|(k, v)| format!("{k}: {}", md(v)))
        .collect();
    if !meta.is_empty() {
        // A hard line break is two trailing spaces in every reader (pandoc, CommonMark).
        let _ = writeln!(o, "{}\n", meta.join("  \n"));
    }
    if !page.signed_by.is_empty() {
        // A list needs a blank line before it in pandoc's reader.
        let _ = writeln!(o, "{}:\n", l.t(Label::SignedBy));
        for line in &page.signed_by {
            let _ = writeln!(o, "- {}", md(line));
        }
        o.push('\n');
    }
}

/// The problem (its heading only when the löfte states one) and the promise.
fn report_problem(page: &Page<'_>, l: Lang, o: &mut String) {
    if page.has_problem() {
        let _ = writeln!(o, "## {}\n", l.t(Label::Problem));
    }
    if let Some(t) = &page.problem_title {
        let _ = writeln!(o, "**{}**\n", md(t));
    }
    for (i, pr) in page.priorities.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", i + 1, md(pr));
    }
    if !page.priorities.is_empty() {
        o.push('\n');
    }
    // Listed without a ranking: bullets, not numbers.
    for it in &page.items {
        let _ = writeln!(o, "- {}", md(it));
    }
    if !page.items.is_empty() {
        o.push('\n');
    }
    if let Some(t) = &page.problem_text {
        let _ = writeln!(o, "{}\n", md(t));
    }
    if let Some(pr) = &page.promise {
        let _ = writeln!(o, "## {}\n\n{}\n", l.t(Label::ThePromise), md(pr));
    }
}

/// The first screen: every activity, its status in words (bold when it needs attention) and
/// what was done.
fn report_glance(page: &Page<'_>, l: Lang, o: &mut String) {
    let _ = writeln!(o, "## {}\n", l.t(Label::AtAGlance));
    let h = [Label::Activity, Label::Status, Label::Progress].map(|h| l.t(h));
    let _ = writeln!(o, "| {} |\n|---|---|---|", h.join(" | "));
    for g in &page.glance {
        let status = if g.problem {
            format!("**{}**", g.status)
        } else {
            g.status.to_string()
        };
        let (title, id, progress) = (md(&g.title), &g.id, md(&g.progress));
        let _ = writeln!(o, "| {title} (`{id}`) | {status} | {progress} |");
    }
    o.push('\n');
}

/// The activities by group: what was promised and what has been done, with each part's and
/// unit's own target and record.
fn report_activities(page: &Page<'_>, l: Lang, o: &mut String) {
    for g in &page.groups {
        let _ = writeln!(o, "## {}\n", g.heading);
        for a in &g.activities {
            let (title, id) = (md(&a.title), &a.id);
            let _ = writeln!(o, "### {title} (`{id}`)\n\n{}\n", md(&a.text));
            let promised = md(&a.promised);
            let _ = writeln!(o, "- **{}:** {promised}", l.t(Label::WhatWePromised));
            let outcome = md(&a.outcome);
            let _ = writeln!(o, "- **{}:** {outcome}", l.t(Label::WhatHasBeenDone));
            for sub in &a.subs {
                if sub.left_out {
                    let _ = writeln!(o, "  - {}", md(&sub.progress));
                    continue;
                }
                let text = sub.text.as_deref().map(|t| format!(" {}", md(t)));
                let status = if sub.problem {
                    format!("**{}**", sub.status)
                } else {
                    sub.status.to_string()
                };
                let _ = writeln!(
                    o,
                    "  - {} **{}**:{} {}: {} · {}: {} – {status}",
                    sub.kind,
                    md(&sub.name),
                    text.unwrap_or_default(),
                    l.t(Label::Target),
                    md(&sub.target),
                    l.t(Label::Progress),
                    md(&sub.progress),
                );
            }
            o.push('\n');
        }
    }
}

/// The log, what is behind, the follow-up, the signatures.
fn report_tail(m: &Meeting<'_>, page: &Page<'_>, o: &mut String) {
    let l = m.lang;
    let _ = writeln!(o, "## {}\n", page.log_heading);
    if page.log.is_empty() {
        let _ = writeln!(o, "{}.\n", l.t(Label::NothingRecorded));
    }
    for e in &page.log {
        let mut line = format!("{} {}", e.date, e.what());
        if e.count != 1 {
            let _ = write!(line, " ×{}", e.count);
        }
        if let Some(by) = &e.by {
            let _ = write!(line, " ({by})");
        }
        if let Some(n) = &e.note {
            let _ = write!(line, ": {n}");
        }
        let _ = writeln!(o, "- {}", md(&line));
    }
    if !o.ends_with("\n\n") {
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", l.t(Label::Behind));
    if page.behind.is_empty() {
        let _ = writeln!(o, "{}\n", page.nothing_behind);
    }
    for (title, id, outcome) in &page.behind {
        let _ = writeln!(o, "- **{}** (`{id}`): {}", md(title), md(outcome));
    }
    if !page.behind.is_empty() {
        o.push('\n');
    }
    o.push_str(&crate::view::outcome::report_markdown(m.s, l, md));
    let _ = writeln!(o, "## {}\n", l.t(Label::FollowUp));
    // The first row is the when, which the closing line says; the rest are its details.
    let details = page.followup.get(1..).unwrap_or_default();
    for (k, v) in details {
        let _ = writeln!(o, "- **{}:** {}", k, md(v));
    }
    if !details.is_empty() {
        o.push('\n');
    }
    let _ = writeln!(o, "{}", md(&page.followup_line));
    if let Some(sigs) = &page.signatures {
        // Underscores alone would be a thematic break: escaped, they are a line to sign on.
        let line = md(&"_".repeat(30));
        let _ = writeln!(o, "\n## {}\n", l.t(Label::Signatures));
        let _ = writeln!(o, "{}: {line}\n", l.t(Label::PlaceAndDate));
        for sig in sigs {
            let _ = writeln!(o, "{line}  \n{}\n", md(&sig.name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_table_breakers() {
        let cases = [
            ("a|b <i>", "a\\|b \\<i\\>"),
            ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
            ("# [l](u)", "\\# \\[l\\](u)"),
            ("two\nlines", "two lines"),
            ("esc\u{1b}[31m", "esc\\\\u{1b}\\[31m"),
            ("~50 ^2 $5 @kim", "\\~50 \\^2 \\$5 \\@kim"),
            ("- Centrum", "\\- Centrum"),
            ("+1", "+1"),
            ("+ ett", "\\+ ett"),
            ("67.5 (mätning)", "67.5 (mätning)"),
            ("-2 grader", "-2 grader"),
            ("12. maj", "12\\. maj"),
            ("3) tre", "3\\) tre"),
            ("2016-06-06 a-b 1.5", "2016-06-06 a-b 1.5"),
        ];
        for (input, want) in cases {
            assert_eq!(md(input), want, "{input:?}");
        }
    }
}

#[cfg(test)]
mod report_tests {
    use super::*;
    use crate::view::meeting::Meeting;

    #[test]
    fn signatories_without_a_date_and_activities_without_owners_are_labelled() {
        let text = "title = \"T\"\nkommun = \"Filipstad\"\nsignatories = [\"Anna A\", \"Bo B\"]\n\
                    [period]\nstart = 2016-01-01\nend = 2016-12-31\n[problem]\ntext = \"P\"\n\
                    [[activity]]\nid = \"a\"\ntext = \"A\"\nowners = []\n";
        let d = |s: &str| s.parse().unwrap();
        let loaded = crate::load::load("t.toml", text, d("2030-01-01"));
        let p = loaded.pledge.unwrap();
        let s = crate::rules::status::pledge_status(&p, d("2016-06-01"));
        let out = report_markdown(&Meeting::new(&s, None, Lang::Sv));
        assert!(
            out.contains("\n\nUndertecknat av:\n\n- Anna A\n- Bo B\n\n"),
            "{out}"
        );
        assert!(out.contains("## Utan angiven ansvarig\n"), "{out}");
        assert!(out.contains("Ansvarig: anges inte"), "{out}");
        assert!(!out.contains("Övriga lovar"), "{out}");
    }
}
