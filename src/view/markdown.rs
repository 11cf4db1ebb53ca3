//! Markdown: `status --format markdown` (for pasting into minutes) and the meeting report.

use std::fmt::Write as _;

use crate::rules::status::PledgeStatus;
use crate::view::entries::entry_line;
use crate::view::i18n::Lang;
use crate::view::labels::Label;
use crate::view::meeting::Meeting;
use crate::view::phrases::{followup_line, heading, period_line, status_headers};
use crate::view::phrases::{legend_line, status_rows, summary_line};
use crate::view::title::activity_title;

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

/// The BRÅ meeting report as Markdown.
pub fn report_markdown(m: &Meeting<'_>) -> String {
    let mut o = String::new();
    report_head(m, &mut o);
    report_glance(m, &mut o);
    report_problem(m, &mut o);
    report_activities(m, &mut o);
    report_tail(m, &mut o);
    o
}

/// Title, kommun, period, signatures.
fn report_head(m: &Meeting<'_>, o: &mut String) {
    let (s, l) = (m.s, m.lang);
    let p = s.pledge;
    let _ = writeln!(o, "# {}\n", md(&p.title));
    let _ = writeln!(o, "{}  ", md(&heading(s)));
    let _ = writeln!(o, "{}\n", md(&period_line(s, l)));
    let mut meta = Vec::new();
    if let Some(lpo) = &p.lokalpolisomrade {
        meta.push(format!("{}: {}", l.t(Label::Lokalpolisomrade), md(lpo)));
    }
    if let Some(d) = p.signed {
        meta.push(format!("{}: {d}", l.t(Label::Signed)));
    }
    if !meta.is_empty() {
        // A hard line break is two trailing spaces in every reader (pandoc, CommonMark).
        let _ = writeln!(o, "{}\n", meta.join("  \n"));
    }
    if !p.signatories.is_empty() {
        // A list needs a blank line before it in pandoc's reader.
        let _ = writeln!(o, "{}:\n", l.t(Label::SignedBy));
        for sig in &p.signatories {
            let role = sig.role.as_ref().map(|r| format!(", {}", md(r)));
            let _ = writeln!(o, "- {}{}", md(&sig.name), role.unwrap_or_default());
        }
        o.push('\n');
    }
}

/// The problem and the promise.
fn report_problem(m: &Meeting<'_>, o: &mut String) {
    let (p, l) = (m.s.pledge, m.lang);
    let _ = writeln!(o, "## {}\n", l.t(Label::Problem));
    if let Some(t) = &p.problem.title {
        let _ = writeln!(o, "**{}**\n", md(t));
    }
    for (i, pr) in p.problem.priorities.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", i + 1, md(pr));
    }
    if !p.problem.priorities.is_empty() {
        o.push('\n');
    }
    // Listed without a ranking: bullets, not numbers.
    for it in &p.problem.items {
        let _ = writeln!(o, "- {}", md(it));
    }
    if !p.problem.items.is_empty() {
        o.push('\n');
    }
    if let Some(t) = &p.problem.text {
        let _ = writeln!(o, "{}\n", md(t));
    }
    if let Some(pr) = &p.promise {
        let _ = writeln!(o, "## {}\n\n{}\n", l.t(Label::ThePromise), md(pr));
    }
}

/// The first screen: every activity, its status in words (bold when it needs attention) and
/// what was done.
fn report_glance(m: &Meeting<'_>, o: &mut String) {
    let l = m.lang;
    let _ = writeln!(o, "## {}\n", l.t(Label::AtAGlance));
    let h = [Label::Activity, Label::Status, Label::Progress].map(|h| l.t(h));
    let _ = writeln!(o, "| {} |\n|---|---|---|", h.join(" | "));
    for g in m.glance() {
        let status = if g.problem {
            format!("**{}**", g.status)
        } else {
            g.status.to_string()
        };
        let (title, id, progress) = (md(&g.title), g.id, md(&g.progress));
        let _ = writeln!(o, "| {title} (`{id}`) | {status} | {progress} |");
    }
    o.push('\n');
}

/// The activities by group: what was promised and what has been done.
fn report_activities(m: &Meeting<'_>, o: &mut String) {
    let l = m.lang;
    for (g, acts) in m.groups() {
        let _ = writeln!(o, "## {}\n", l.t(g));
        for a in acts {
            let title = md(&activity_title(a.activity));
            let id = &a.activity.id;
            let _ = writeln!(o, "### {title} (`{id}`)\n\n{}\n", md(&a.activity.text));
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
        let _ = writeln!(o, "- {}", md(&entry_line(m.s.pledge, e, l)));
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
        let title = md(&activity_title(a.activity));
        let (id, outcome) = (&a.activity.id, md(&m.outcome(a)));
        let _ = writeln!(o, "- **{title}** (`{id}`): {outcome}");
    }
    if !behind.is_empty() {
        o.push('\n');
    }
    o.push_str(&crate::view::outcome::report_markdown(m.s, l, md));
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
