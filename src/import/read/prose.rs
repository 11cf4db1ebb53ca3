//! Sentences outside the lists: promises of one or more activities, focus paragraphs
//! ("X, innebär att …"), or text kept as it is.

use std::sync::OnceLock;

use regex::Regex;

use super::super::{Note, acts, owners, rules};
use super::{Reader, Sec};
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// "Fokus ska ligga på X och Polisen i Orten lovar att genomföra …": the promise after
/// "och", when it has a subject of its own.
fn promise_after_och(s: &str) -> Option<&str> {
    let m = regex!(r"\s+och\s+[A-ZÅÄÖ][^,]{1,60}?\s+lovar\s+att\s").find(s)?;
    let tail = s[m.start()..]
        .trim_start()
        .strip_prefix("och")?
        .trim_start();
    acts::split_promise(tail).is_some().then_some(tail)
}

impl Reader<'_> {
    /// "Narkotika, innebär att polisen …": a focus area named before "innebär att", then
    /// what is done about it, an activity; the paragraph's further sentences that say what
    /// is done ("Minst fyra insatser ska också genomföras under året") are activities too.
    pub(super) fn means(&mut self, kept: &[String]) -> bool {
        let Some(c) = regex!(r"^(?P<focus>[^,.:]{3,80}),\s*innebär(?: det)? att\s+(?P<rest>.+)$")
            .captures(&kept[0])
        else {
            return false;
        };
        self.pending.push(Note::Reading(format!(
            "\"{}\" names a focus area; what it \"innebär\" is an activity",
            c["focus"].trim()
        )));
        let mut rest = c["rest"].chars();
        let first: String = rest
            .next()
            .map(|f| f.to_uppercase().collect())
            .unwrap_or_default();
        self.add_activity(&format!("{first}{}", rest.as_str()), None);
        let done = regex!(
            r"(?i)\b(?:ska|skall|kommer att)\b.*\b(?:genomföras|göras|ske)\b|\b(?:genomförs|görs)\b"
        );
        for s in &kept[1..] {
            if acts::split_promise(s).is_none() && done.is_match(s) {
                self.add_activity(s, None);
            } else {
                self.prose(s);
            }
        }
        true
    }

    /// A sentence outside the lists: a promise of one or more activities, or kept as text.
    pub(super) fn prose(&mut self, s: &str) {
        if !matches!(self.sec, Sec::Promise | Sec::Head)
            && let Some(parts) = acts::split_clauses(s)
        {
            self.pending.push(Note::Quote(s.to_string()));
            self.pending.push(Note::Reading(format!(
                "one sentence of {} clauses, each with its own verb: one activity each",
                parts.len()
            )));
            // "… samt genomföra trafikkontroller", "gemensamma träffar ska hållas": a clause
            // with no subject of its own, or one done "gemensamt", is the sentence's subject's
            // ("Tillsammans ska kommun och polis arbeta …, …").
            let subject = parts.first().and_then(|p| {
                owners::actor(p)
                    .map(|(o, _)| o)
                    .or_else(|| owners::inverted(p))
            });
            for part in parts {
                let first = part.split_whitespace().next().unwrap_or("").to_lowercase();
                let verb = rules::ACTIVITY_VERBS.contains(&first.as_str());
                let joint = matches!(first.as_str(), "gemensamma" | "gemensam" | "gemensamt");
                let inherit = subject
                    .as_deref()
                    .filter(|ps| verb || (joint && ps.len() > 1));
                if let Some(ps) = inherit {
                    let who: Vec<&str> = ps.iter().map(Party::name).collect();
                    self.pending.push(Note::Reading(format!(
                        "\"{part}\" names no doer of its own: the sentence's subject ({}) does it",
                        who.join(" och ")
                    )));
                }
                self.add_activity(&part, inherit);
            }
            return;
        }
        match acts::split_promise(s) {
            Some((ps, parts))
                if parts.len() > 1 && !matches!(self.sec, Sec::Promise | Sec::Head) =>
            {
                self.pending.push(Note::Quote(s.to_string()));
                self.pending.push(Note::Reading(format!(
                    "one sentence, {} activities: split where a new verb begins",
                    parts.len()
                )));
                for part in parts {
                    self.add_activity(&part, Some(&ps));
                }
            }
            Some(_) if !matches!(self.sec, Sec::Head) => self.add_activity(s, None),
            // "Fokus ska ligga på X och Polisen i Orten lovar att genomföra …": the promise
            // begins after "och", with its own subject.
            None if !matches!(self.sec, Sec::Head)
                && let Some(tail) = promise_after_och(s) =>
            {
                let tail = tail.to_string();
                self.pending.push(Note::Quote(s.to_string()));
                self.pending.push(Note::Reading(
                    "the promise begins after \"och\", with its own subject: the words before it are no activity".into(),
                ));
                self.add_activity(&tail, None);
            }
            _ => self.unplaced(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::promise_after_och;

    #[test]
    fn a_promise_after_och_with_its_own_subject() {
        assert_eq!(
            promise_after_och(
                "Tyngden ska ligga på fart och Polisen i Norrby lovar att göra minst tio kontroller."
            ),
            Some("Polisen i Norrby lovar att göra minst tio kontroller.")
        );
        assert_eq!(
            promise_after_och("Polisen och kommunen lovar att arbeta för trygghet."),
            None
        );
    }
}
