//! Markdown: `status --format markdown` (for pasting into minutes) and the meeting report.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::status::PledgeStatus;
use crate::view::labels::Label;
use crate::view::meeting::Meeting;
use crate::view::phrases::{entry_text, followup_line, heading, period_line, status_headers};
use crate::view::phrases::{status_rows, summary_line};

/// Text for a Markdown table cell or paragraph: safe for a terminal, pipes and markup
/// characters escaped so text cannot break the table or inject HTML.
pub fn md(s: &str) -> String {
    let safe = crate::text::safe(s, false);
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' => {
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
    for (row, _) in status_rows(s, lang, false) {
        let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = write!(
        out,
        "\n{}\n\n{}\n",
        md(&followup_line(s, lang)),
        md(&summary_line(s, lang))
    );
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

/// The BRÅ meeting report as Markdown.
pub fn report_markdown(m: &Meeting<'_>) -> String {
    let mut o = String::new();
    report_head(m, &mut o);
    report_activities(m, &mut o);
    report_tail(m, &mut o);
    o
}

/// Title, kommun, period, signatures, the problem and the promise.
fn report_head(m: &Meeting<'_>, o: &mut String) {
    let (s, l) = (m.s, m.lang);
    let p = s.pledge;
    let _ = writeln!(o, "# {}\n", md(&p.title));
    let _ = writeln!(o, "{}  ", md(&heading(s)));
    let _ = writeln!(o, "{}\n", md(&period_line(s, l)));
    if let Some(lpo) = &p.lokalpolisomrade {
        let _ = writeln!(o, "{}: {}  ", l.t(Label::Lokalpolisomrade), md(lpo));
    }
    if let Some(d) = p.signed {
        let _ = writeln!(o, "{}: {d}  ", l.t(Label::Signed));
    }
    for sig in &p.signatories {
        let role = sig.role.as_ref().map(|r| format!(", {}", md(r)));
        let _ = writeln!(o, "- {}{}", md(&sig.name), role.unwrap_or_default());
    }
    let _ = writeln!(o, "\n## {}\n", l.t(Label::Problem));
    if let Some(t) = &p.problem.title {
        let _ = writeln!(o, "**{}**\n", md(t));
    }
    for (i, pr) in p.problem.priorities.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", i + 1, md(pr));
    }
    if !p.problem.priorities.is_empty() {
        o.push('\n');
    }
    if let Some(t) = &p.problem.text {
        let _ = writeln!(o, "{}\n", md(t));
    }
    if let Some(pr) = &p.promise {
        let _ = writeln!(o, "## {}\n\n{}\n", l.t(Label::ThePromise), md(pr));
    }
}

/// The activities by group: what was promised and what has been done.
fn report_activities(m: &Meeting<'_>, o: &mut String) {
    let l = m.lang;
    for (g, acts) in m.groups() {
        let _ = writeln!(o, "## {}\n", l.t(g));
        for a in acts {
            let _ = writeln!(o, "### {}\n\n{}\n", a.activity.id, md(&a.activity.text));
            let promised = md(&m.promised(a));
            let _ = writeln!(o, "- **{}:** {promised}", l.t(Label::WhatWePromised));
            let outcome = md(&m.outcome(a));
            let _ = writeln!(o, "- **{}:** {outcome}\n", l.t(Label::WhatHasBeenDone));
        }
    }
}

/// The log, what is behind, the follow-up.
fn report_tail(m: &Meeting<'_>, o: &mut String) {
    let l = m.lang;
    let _ = writeln!(o, "## {} {}\n", l.t(Label::LogSince), m.since);
    let log = m.log();
    if log.is_empty() {
        let _ = writeln!(o, "{}.\n", l.t(Label::NothingRecorded));
    }
    for e in log {
        let _ = writeln!(o, "- {}", md(&entry_text(e)));
    }
    if !o.ends_with("\n\n") {
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", l.t(Label::Behind));
    let behind = m.behind();
    if behind.is_empty() {
        let _ = writeln!(o, "{}\n", l.t(Label::NothingIsBehind));
    }
    for a in &behind {
        let _ = writeln!(o, "- **{}**: {}", a.activity.id, md(&m.outcome(a)));
    }
    if !behind.is_empty() {
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", l.t(Label::FollowUp));
    for (k, v) in m.followup_details().iter().skip(1) {
        let _ = writeln!(o, "- **{}:** {}", k, md(v));
    }
    let _ = writeln!(o, "\n{}", md(&followup_line(m.s, l)));
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
        ];
        for (input, want) in cases {
            assert_eq!(md(input), want, "{input:?}");
        }
    }
}
