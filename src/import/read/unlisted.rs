//! Activities of a text with no list and no "lovar att": what the parties agree on, else
//! what a party will do.

use std::sync::OnceLock;

use regex::Regex;

use super::super::{Note, owners};
use super::prose::Agreed;
use super::{Reader, mentions_lofte, quoted_speech};
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

impl Reader<'_> {
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

    /// A text where no activity was found in a list, a lead or an agreement, such as a news
    /// article on a signed löfte: each sentence in which the police or the kommun will do something
    /// ("Kommunen kommer i sin tur att …", "Under året kommer polisen att …", "…, ska polis
    /// och kommun arbeta för …", "Gemensamma trygghetsvandringar kommer också att
    /// genomföras") is an activity, with a reading that says so. Quoted speech and what
    /// was done are not.
    pub(super) fn future_activities(&mut self) {
        let will = regex!(r"(?i)\b(?:ska|skall|lovar)\b|\bkommer\b(?:\s+\S+){0,4}?\s+att\b");
        // "Medborgarlöftet innebär att polisen fortsatt kommer att driva …": what the löfte
        // holds; other sentences about the löfte ("Löftet ska följas upp …") are not work.
        let holds = regex!(r"(?i)löfte\w*\s+innebär\s+att\s+");
        let joint = regex!(r"(?i)^gemensamma?\b");
        let subject_verb =
            regex!(r"^(?P<who>\S.{1,60}?)\s+(?:[a-zåäö]+\s+){0,2}?(?:ska|skall|kommer|lovar)\b");
        let sentences: Vec<String> = self
            .body
            .lines()
            .flat_map(super::super::clean::sentences)
            .collect();
        let mut found = Vec::new();
        for s in sentences {
            if quoted_speech(&s) || !will.is_match(&s) {
                continue;
            }
            let original = s.clone();
            let s = match holds.find(&s) {
                Some(m) => {
                    let rest = &s[m.end()..];
                    let mut c = rest.chars();
                    c.next()
                        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                }
                None if mentions_lofte(&s) => continue,
                None => s,
            };
            // "Polisen fortsatt kommer att driva …": a party, up to two adverbs, the verb.
            let named = || {
                let c = subject_verb.captures(&s)?;
                owners::parties(&c["who"])
            };
            let owners = owners::actor(&s)
                .map(|(o, _)| o)
                .or_else(named)
                .filter(|o| o.iter().all(|p| !matches!(p, Party::Other(_))))
                .or_else(|| owners::inverted(&s))
                .or_else(|| joint.is_match(&s).then(|| self.named_both()).flatten());
            if let Some(o) = owners {
                found.push((original, s, o));
            }
        }
        let placed: std::collections::HashSet<&str> =
            found.iter().map(|(orig, _, _)| orig.as_str()).collect();
        for notes in [&mut self.intro, &mut self.problem.notes] {
            notes.retain(|n| !matches!(n, Note::Text(t) if placed.contains(t.as_str())));
        }
        for (orig, s, o) in found {
            if orig != s {
                self.pending.push(Note::Quote(orig));
            }
            self.pending.push(Note::Reading(
                "no activity was found in a list, a lead or an agreement: a sentence in which \
                 a party will do something (\"ska\", \"kommer att\", \"lovar\") is an activity"
                    .into(),
            ));
            self.add_activity(&s, Some(&o));
        }
    }

    /// "Polis och kommun lovar att tillsammans verka för … Prioriterade områden under
    /// perioden är: • Polisiär närvaro … • Trygghetsvandringar …": a löfte that promises
    /// nothing but work on its prioritised areas. Those areas are its activities, owned by
    /// who promised, with a reading that says so. Only when the löfte's own promise is its
    /// one activity and the list's lead names prioritised or focus areas.
    pub(super) fn prioritised_areas(&mut self) {
        let Some(owners) = self.lofte_owners.clone() else {
            return;
        };
        let lead = self.problem.title.clone().unwrap_or_default();
        if self.activities.len() > 1
            || self.problem.items.is_empty()
            || !regex!(
                r"(?i)\bprioriterade (?:områden|frågor)\b|\bfokusområden\b|\bprioriteringar\b"
            )
            .is_match(&lead)
        {
            return;
        }
        let items = std::mem::take(&mut self.problem.items);
        // The lead was the problem's only title: it now heads the activities.
        if self.problem.paras.is_empty() && self.problem.priorities.is_empty() {
            self.problem.title = None;
        }
        self.problem.notes.retain(|n| {
            !matches!(n, Note::Reading(r) if r.starts_with("a list of problems that is not a ranking"))
        });
        let who: Vec<&str> = owners.iter().map(Party::name).collect();
        self.pending.push(Note::Quote(lead));
        self.pending.push(Note::Reading(format!(
            "the löfte promises nothing but work on these prioritised areas: each is an \
             activity, owned by who promises ({})",
            who.join(" och ")
        )));
        for item in items {
            self.add_activity(&item, Some(&owners));
        }
    }
}
