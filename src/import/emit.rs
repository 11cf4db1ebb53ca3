//! Writes a [`Draft`] as a commented pledge file.

use std::fmt::Write as _;

use super::{Draft, Note};
use crate::model::Owner;
use crate::text::toml_string;

/// Comment text made safe for one TOML comment line: no control characters.
fn safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A comment, wrapped at about 96 columns.
fn comment(out: &mut String, prefix: &str, text: &str) {
    let text = safe(text);
    let mut line = format!("# {prefix}");
    let indent = "#   ";
    for word in text.split_whitespace() {
        if line.chars().count() + word.chars().count() + 1 > 96 && line.len() > indent.len() + 2 {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.to_string();
        }
        line.push_str(word);
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn notes(out: &mut String, notes: &[Note]) {
    for n in notes {
        match n {
            Note::Reading(s) => comment(out, "Reading: ", s),
            Note::Text(s) => comment(out, "Text: ", s),
            Note::Quote(s) => comment(out, "", &format!("\"{s}\"")),
        }
    }
}

fn owners(list: &[Owner]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|o| match &o.role {
            None => toml_string(o.who.name()),
            Some(r) => format!(
                "{{ who = {}, role = {} }}",
                toml_string(o.who.name()),
                toml_string(r)
            ),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn header(out: &mut String, d: &Draft, source: Option<&str>) {
    let from = source.map_or(String::new(), |s| format!(" from {}", safe(s)));
    let _ = writeln!(out, "# Draft written by `pledge import`{from}.");
    out.push_str(
        "# Check it against the published text. Readings the importer made are marked \
         \"Reading:\";\n# text no rule placed is kept in comments beginning \"Text:\".\n",
    );
    notes(out, &d.head);
    out.push('\n');
    let _ = writeln!(out, "title = {}", toml_string(&d.title));
    if let [one] = d.kommuner.as_slice() {
        let _ = writeln!(out, "kommun = {}", toml_string(one.name));
    } else {
        let names: Vec<String> = d.kommuner.iter().map(|k| toml_string(k.name)).collect();
        let _ = writeln!(out, "kommuner = [{}]", names.join(", "));
    }
    if let Some((a, from)) = &d.area {
        let _ = writeln!(out, "area = {}", toml_string(a));
        let _ = writeln!(out, "# Reading: the area is {from}");
    }
    if let Some(l) = &d.lokalpolisomrade {
        let _ = writeln!(out, "lokalpolisomrade = {}", toml_string(l));
    }
    if let Some((date, words)) = &d.signed {
        let _ = writeln!(out, "signed = {date}");
        comment(out, "", &format!("\"{words}\""));
    }
    if !d.signatories.is_empty() {
        out.push_str("signatories = [\n");
        for (name, role) in &d.signatories {
            match role {
                Some(r) => {
                    let _ = writeln!(
                        out,
                        "  {{ name = {}, role = {} }},",
                        toml_string(name),
                        toml_string(r)
                    );
                }
                None => {
                    let _ = writeln!(out, "  {},", toml_string(name));
                }
            }
        }
        out.push_str("]\n");
    }
    notes(out, &d.top_notes);
    match &d.source {
        Some(src) => {
            let _ = writeln!(out, "source = {}", toml_string(src));
        }
        None => out.push_str("# source = \"where the löfte was published\"\n"),
    }
    if let Some(p) = d.promise.as_deref().filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(out, "\npromise = {}", toml_string(p));
    }
    if !d.intro.is_empty() {
        out.push('\n');
        notes(out, &d.intro);
    }
}

fn period_and_problem(out: &mut String, d: &Draft) {
    out.push('\n');
    notes(out, &d.period_notes);
    match d.start {
        Some(start) => {
            let _ = writeln!(out, "[period]\nstart = {start}\nend = {}", d.end);
        }
        None => {
            let _ = writeln!(
                out,
                "[period]\n# start: not stated in the text\nend = {}",
                d.end
            );
        }
    }
    if d.until_replaced {
        out.push_str("until_replaced = true\n");
    }
    let p = &d.problem;
    let mut text = String::new();
    for (i, para) in p.paras.iter().enumerate() {
        if i > 0 {
            // A list stays together under its lead-in; paragraphs are set apart.
            let tight = para.starts_with("• ")
                && (p.paras[i - 1].starts_with("• ") || p.paras[i - 1].ends_with(':'));
            text.push_str(if tight { "\n" } else { "\n\n" });
        }
        text.push_str(para);
    }
    if p.title.is_none() && text.trim().is_empty() && p.priorities.is_empty() && p.items.is_empty()
    {
        if !p.notes.is_empty() {
            out.push('\n');
            notes(out, &p.notes);
        }
        return;
    }
    out.push_str("\n[problem]\n");
    if let Some(t) = p.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let _ = writeln!(out, "title = {}", toml_string(t));
    }
    if !text.trim().is_empty() {
        let _ = writeln!(out, "text = {}", toml_string(&text));
    }
    if !p.priorities.is_empty() {
        let items: Vec<String> = p.priorities.iter().map(|s| toml_string(s)).collect();
        let _ = writeln!(out, "priorities = [\n  {},\n]", items.join(",\n  "));
    }
    if !p.items.is_empty() {
        let items: Vec<String> = p.items.iter().map(|s| toml_string(s)).collect();
        let _ = writeln!(out, "items = [\n  {},\n]", items.join(",\n  "));
    }
    notes(out, &p.notes);
}

fn activities(out: &mut String, d: &Draft) {
    for a in &d.activities {
        out.push('\n');
        notes(out, &a.before);
        let _ = writeln!(out, "[[activity]]\nid = {}", toml_string(&a.id));
        let _ = writeln!(out, "text = {}", toml_string(&a.text));
        if !a.owners.is_empty() {
            let _ = writeln!(out, "owners = {}", owners(&a.owners));
        }
        if !a.partners.is_empty() {
            let _ = writeln!(out, "partners = {}", owners(&a.partners));
        }
        if !a.units.is_empty() {
            let units: Vec<String> = a.units.iter().map(|u| toml_string(u)).collect();
            let _ = writeln!(out, "units = [{}]", units.join(", "));
        }
        if let Some(t) = &a.target {
            let _ = writeln!(out, "target = {t}");
        }
        for (key, d) in [("from", a.from), ("until", a.until)] {
            if let Some(d) = d {
                let _ = writeln!(out, "{key} = {d}");
            }
        }
        notes(out, &a.notes);
    }
    if !d.after_activities.is_empty() {
        out.push('\n');
        notes(out, &d.after_activities);
    }
    for (id, text) in &d.events {
        out.push('\n');
        out.push_str(
            "# Reading: an event the löfte refers to but does not promise; record that it happened \
             with\n#   `pledge done KOMMUN --event ID`\n",
        );
        let _ = writeln!(
            out,
            "[[event]]\nid = {}\ntext = {}",
            toml_string(id),
            toml_string(text)
        );
    }
}

fn followup(out: &mut String, d: &Draft) {
    let Some(f) = &d.followup else {
        out.push_str("\n# The text says nothing about follow-up: no [followup] table.\n");
        return;
    };
    out.push_str("\n[followup]\n");
    if let Some(w) = &f.when {
        let _ = writeln!(out, "when = {w}");
    }
    let how = f.how.join(" ");
    if !how.trim().is_empty() {
        let _ = writeln!(out, "how = {}", toml_string(&how));
    }
    for (key, v) in [("responsible", &f.responsible), ("presented", &f.presented)] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(out, "{key} = {}", toml_string(v));
        }
    }
    notes(out, &f.notes);
}

/// Makes every editor modeline in the draft inert, wherever the published text put it: vim's
/// `vim:`/`vi:`/`ex:` (after a space or at a line's start), Emacs's `-*- … -*-` and `Local
/// Variables:`. Inside a TOML string the colon or star is written as a `\u` escape, so the
/// value read is unchanged; in a comment a space goes before the colon ("vim :"), so the
/// comment still shows what the text said. Linear in the draft.
pub fn defuse_modelines(draft: &str) -> String {
    use std::sync::OnceLock;
    static R: OnceLock<regex::Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        // vim reads options after the colon: only a colon followed by a word is a modeline
        // ("Det här gör vi:" ending a quote is not).
        regex::Regex::new(
            r"(?i)(?:(?:^|[\s#])(?:vim?[<=>]?\d*|ex)(:)\s*[a-z]|local variables(:))|-(\*)-",
        )
        .expect("the modeline pattern compiles")
    });
    let mut out = String::with_capacity(draft.len());
    for line in draft.split_inclusive('\n') {
        if !r.is_match(line) {
            out.push_str(line);
            continue;
        }
        let comment = line.trim_start().starts_with('#');
        let mut last = 0;
        for c in r.captures_iter(line) {
            let m = c
                .get(1)
                .or_else(|| c.get(2))
                .or_else(|| c.get(3))
                .expect("one group matches");
            // A match before the first quote of a key line is the key itself: none has one.
            let in_string = !comment && line[..m.start()].contains('"');
            out.push_str(&line[last..m.start()]);
            match (m.as_str(), in_string) {
                (":", true) => out.push_str("\\u003A"),
                ("*", true) => out.push_str("\\u002A"),
                (":", false) => out.push_str(" :"),
                (_, _) => out.push_str(" * "),
            }
            last = m.end();
        }
        out.push_str(&line[last..]);
    }
    out
}

/// The draft as a pledge file.
pub fn emit(d: &Draft, source: Option<&str>) -> String {
    defuse_modelines(&emit_plain(d, source))
}

fn emit_plain(d: &Draft, source: Option<&str>) -> String {
    let mut out = String::new();
    header(&mut out, d, source);
    period_and_problem(&mut out, d);
    activities(&mut out, d);
    followup(&mut out, d);
    if !d.tail.is_empty() {
        out.push('\n');
        notes(&mut out, &d.tail);
    }
    out.push_str("\n# Completed work is recorded below by `pledge done` as [[log]] entries.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::defuse_modelines;

    /// Whether vim or Emacs would read a modeline in this line (their own rules, simplified
    /// to the triggers they look for).
    fn obeyed(line: &str) -> bool {
        let l = line.to_lowercase();
        let vim = ["vim:", "vi:", "ex:"].iter().any(|t| {
            l.match_indices(t).any(|(i, _)| {
                i == 0 || l[..i].ends_with(char::is_whitespace) || l[..i].ends_with('#')
            })
        }) || regex::Regex::new(r"(?:^|\s)vim?[<=>]?\d+:")
            .unwrap()
            .is_match(&l);
        vim || l.contains("-*-") || l.contains("local variables:")
    }

    #[test]
    fn modelines_in_comments_and_strings_are_inert() {
        let draft = "# Text: vim: set ft=sh:\n# Text: -*- mode: sh -*-\n# Local Variables:\n\
                     text = \"kör vi: set x och ex: y, vim600: z\"\n# ok: t.ex: fint\n";
        let out = defuse_modelines(draft);
        for line in out.lines() {
            assert!(!obeyed(line), "{line}");
        }
        assert!(out.contains("# Text: vim : set ft=sh:"), "{out}");
        assert!(out.contains("# Text: - * - mode: sh - * -"), "{out}");
        // In a string the value is the same once TOML reads it.
        let line = out.lines().find(|l| l.starts_with("text")).unwrap();
        let v: toml::Value = toml::from_str(line).unwrap();
        assert_eq!(
            v["text"].as_str(),
            Some("kör vi: set x och ex: y, vim600: z")
        );
        // Nothing else changes.
        assert!(out.contains("# ok: t.ex: fint"));
        assert_eq!(
            defuse_modelines("# \"Det här gör vi:\"\n"),
            "# \"Det här gör vi:\"\n"
        );
    }
}
