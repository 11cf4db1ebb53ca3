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

/// A sentence in which the parties agree on what they will do: who, what, and whether it
/// speaks of the löfte ("I medborgarlöftet för 2023 är …").
#[derive(Debug, Clone)]
pub(super) struct Agreed {
    owners: Vec<Party>,
    what: String,
    sentence: String,
    lofte: bool,
}

/// "(I medborgarlöftet för 2023) är polisen och Ekviks kommun överens om att A", "Polisen
/// och kommunen har kommit överens om att A": the parties and A.
pub(super) fn agreement(s: &str) -> Option<(Vec<Party>, String)> {
    let s = s.trim();
    let shapes = [
        regex!(r"^(?P<who>[^,]{3,90}?)\s+(?:är|har\s+kommit)\s+överens\s+om\s+att\s+(?P<what>.+)$"),
        // "I medborgarlöftet för 2023 är …": the words before the verb are no party.
        regex!(
            r"^[^,]{0,60}?\s+(?:är|har)\s+(?P<who>[^,]{3,90}?)\s+(?:kommit\s+)?överens\s+om\s+att\s+(?P<what>.+)$"
        ),
    ];
    shapes.iter().find_map(|r| {
        let c = r.captures(s)?;
        let ps = owners::parties(c["who"].trim())?;
        let mut ch = c["what"].trim().chars();
        let first: String = ch.next().map(|f| f.to_uppercase().collect())?;
        Some((ps, format!("{first}{}", ch.as_str())))
    })
}

#[cfg(test)]
mod agreement_tests {
    use super::agreement;
    use crate::model::Party;

    #[test]
    fn the_parties_agree_on_what_they_will_do() {
        let both = vec![Party::Polisen, Party::Kommunen];
        assert_eq!(
            agreement("Polisen och Heby kommun har kommit överens om att hålla möten varje månad."),
            Some((both.clone(), "Hålla möten varje månad.".to_string()))
        );
        assert_eq!(
            agreement(
                "I löftet för 2025 är lokalpolisen och kommunen överens om att arbetet ska fortsätta med gemensamma möten."
            ),
            Some((
                both,
                "Arbetet ska fortsätta med gemensamma möten.".to_string()
            ))
        );
        // No party agrees: no agreement.
        assert_eq!(
            agreement("Många är överens om att centrum är otryggt."),
            None
        );
    }
}

impl Reader<'_> {
    /// A prose sentence no rule placed: kept, and remembered when the parties agree in it
    /// on what they will do (or it goes on such a sentence: "Samt att …").
    pub(super) fn agreed_or_unplaced(&mut self, s: &str) {
        let lofte = s.to_lowercase().contains("löfte");
        if let Some((owners, what)) = agreement(s) {
            self.agreed.push(Agreed {
                owners,
                what,
                sentence: s.to_string(),
                lofte,
            });
        } else if let Some(rest) = regex!(r"^(?i:samt att)\s+(?P<r>.+)$")
            .captures(s.trim())
            .map(|c| c["r"].to_string())
            && let Some(prev) = self.agreed.last()
        {
            let mut ch = rest.chars();
            let first: String = ch
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            self.agreed.push(Agreed {
                owners: prev.owners.clone(),
                what: format!("{first}{}", ch.as_str()),
                sentence: s.to_string(),
                lofte: prev.lofte,
            });
        }
        self.unplaced(s);
    }

    /// A text with no list and no "lovar att" whose prose says what the parties agree on:
    /// those agreements are its activities, the ones that speak of the löfte when any does
    /// ("Polisen och kommunen har kommit överens om att öka tryggheten. I medborgarlöftet
    /// för 2023 är de överens om att …": the second).
    pub(super) fn agreed_activities(&mut self) {
        let agreed = std::mem::take(&mut self.agreed);
        let any_lofte = agreed.iter().any(|a| a.lofte);
        let used: Vec<Agreed> = agreed
            .into_iter()
            .filter(|a| a.lofte || !any_lofte)
            .collect();
        // One pass over the kept text, whatever the number of agreements (linear).
        let placed: std::collections::HashSet<&str> =
            used.iter().map(|a| a.sentence.as_str()).collect();
        self.intro
            .retain(|n| !matches!(n, Note::Text(t) if placed.contains(t.as_str())));
        for a in used {
            self.pending.push(Note::Quote(a.sentence.clone()));
            self.pending.push(Note::Reading(
                "the text has no list and no \"lovar att\": what the parties agree on (\"överens om att …\") is an activity".into(),
            ));
            self.add_activity(&a.what, Some(&a.owners));
        }
    }

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

    /// The activities of one sentence split where a new verb begins, each owned by `ps`,
    /// with the sentence quoted and a reading saying so.
    fn add_split(&mut self, s: &str, ps: &[crate::model::Party], parts: &[String]) {
        self.pending.push(Note::Quote(s.to_string()));
        self.pending.push(Note::Reading(format!(
            "one sentence, {} activities: split where a new verb begins",
            parts.len()
        )));
        for part in parts {
            self.add_activity(part, Some(ps));
        }
    }

    /// A sentence under a question heading that names who answers it: a promise of one or
    /// more activities ("Polisen ansvarar för att …"), else one activity of the party the
    /// question names ("En grupp mot ordningsstörning är aktiv under perioden").
    pub(super) fn answer(&mut self, s: &str, owners: Option<&[crate::model::Party]>) {
        match acts::split_promise(s) {
            Some((ps, parts)) if parts.len() > 1 => {
                self.add_split(s, &ps, &parts);
            }
            _ => self.add_activity(s, owners),
        }
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
                self.add_split(s, &ps, &parts);
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
            None if !matches!(self.sec, Sec::Head) => self.agreed_or_unplaced(s),
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
