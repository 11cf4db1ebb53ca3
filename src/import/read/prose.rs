//! Sentences outside the lists: promises of one or more activities, focus paragraphs
//! ("X, innebär att …"), or text kept as it is.

use std::sync::OnceLock;

use regex::Regex;

use super::super::rules::Kind;
use super::super::{Note, acts, owners, rules};
use super::{Reader, Sec, mentions_lofte, quoted_speech};
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
    pub(super) owners: Vec<Party>,
    pub(super) what: String,
    pub(super) sentence: String,
    pub(super) lofte: bool,
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
    /// The sentences of a paragraph left after the rules for every section.
    pub(super) fn place(&mut self, p: &str, kept: Vec<String>) {
        if kept.is_empty() {
            return;
        }
        // Under a heading of goals only a paragraph that names its doer is an activity (see
        // `topic_paragraph`); the rest are goals, kept as text.
        if self.goals && self.sec == Sec::Other {
            if !self.placed_before_sections(p, &kept) {
                for s in kept {
                    self.unplaced(&s);
                }
            }
            return;
        }
        if matches!(
            self.sec,
            Sec::Intro | Sec::Other | Sec::Acts(_) | Sec::Promise
        ) && self.means(&kept)
        {
            return;
        }
        if self.placed_before_sections(p, &kept) {
            return;
        }
        match &self.sec {
            Sec::Problem | Sec::Priorities => {
                self.problem.paras.push(kept.join(" "));
                self.problem_paras_have_lofte.push(mentions_lofte(p));
            }
            Sec::Followup => self.followup.extend(kept),
            // "Polisen förbinder sig att …" under a "Medborgarlöfte" heading commits to an
            // activity: it is one, not the löfte's own promise line.
            // One that states a count ("… lovar att genomföra minst 40 kontroller") promises
            // an activity, not the löfte.
            // "Två gemensamma trygghetsvandringar i Orten." / "Utbildningsinsats för lärare.":
            // under the löfte's heading, short paragraphs from one that states a count on are
            // its activities, one each.
            Sec::Promise if self.promise_list_starts(&kept) => {
                if !self.promise_list {
                    self.pending.push(Note::Reading(
                        "short paragraphs under the löfte's heading: one activity each".into(),
                    ));
                }
                self.promise_list = true;
                self.add_activity(&kept[0], None);
            }
            Sec::Promise
                if self.promise.is_none()
                    && !(regex!(r"(?i)\b(?:förbinder|åtar) sig att\b").is_match(&kept[0])
                        && owners::subject(&kept[0]).is_some())
                    && !kept.iter().any(|s| {
                        rules::target(s)
                            .is_some_and(|f| matches!(f.kind, Kind::Count(_) | Kind::CountNoWindow))
                    }) =>
            {
                self.promise = Some(kept.join(" "));
            }
            Sec::Acts(owners) if self.answers => {
                let owners = owners.clone();
                for s in kept {
                    self.answer(&s, owners.as_deref());
                }
            }
            Sec::Acts(owners) => {
                let owners = owners.clone();
                self.add_activity(&kept.join(" "), owners.as_deref());
            }
            Sec::Intro | Sec::Other
                if self.promise.is_none()
                    && self.activities.is_empty()
                    && mentions_lofte(p)
                    && owners::subject(&kept[0]).is_some() =>
            {
                self.promise = Some(kept.join(" "));
            }
            _ => self.prose_each(kept),
        }
    }

    /// A paragraph under the löfte's heading that is one of its activities: one short
    /// sentence, once a list of them has begun or when it states a count.
    fn promise_list_starts(&self, kept: &[String]) -> bool {
        kept.len() == 1
            && kept[0].split_whitespace().count() <= 30
            && !mentions_lofte(&kept[0])
            && (self.promise_list
                || rules::target(&kept[0])
                    .is_some_and(|f| matches!(f.kind, Kind::Count(_) | Kind::CountNoWindow)))
    }

    /// Each sentence of a paragraph outside the lists, in turn ([`Self::prose`]).
    fn prose_each(&mut self, kept: Vec<String>) {
        // "… polisen ska genomföra fotpatrullering. De ska också utbilda …": "de"
        // right after one party's activity is that party.
        let they = regex!(r"^De (?:ska|skall|kommer)\b");
        let mut prev: Option<Party> = None;
        for s in kept {
            let before = self.activities.len();
            match &prev {
                Some(p) if they.is_match(&s) => {
                    let p = p.clone();
                    self.pending.push(Note::Reading(format!(
                        "\"De\" right after {0}'s activity is {0}",
                        p.name()
                    )));
                    self.add_activity(&s, Some(&[p]));
                }
                _ => self.prose(&s),
            }
            prev = match self.activities.get(before..) {
                Some([.., a]) if a.owners.len() == 1 => Some(a.owners[0].who.clone()),
                _ => None,
            };
        }
    }

    /// The rules that hold before the section's own: a generic "Medborgarlöften beskriver …"
    /// is kept as text, a paragraph under a topic heading may be an activity, and a
    /// paragraph after a lead-in's list may end it. True when the paragraph was used.
    fn placed_before_sections(&mut self, p: &str, kept: &[String]) -> bool {
        // "Medborgarlöften beskriver vad polisen lovar …": what löften are in general, at the
        // foot of a page, is no activity and no promise.
        if regex!(r"^(?:Medborgarlöften|Ett medborgarlöfte)\s+(?:beskriver|handlar om|tas fram|bygger på|fokuserar|är en del|är ett sätt|syftar)\b")
            .is_match(&kept[0])
        {
            for s in kept {
                self.unplaced(s);
            }
            return true;
        }
        // The first paragraph that speaks of the löfte before any activity is its promise
        // (below), under whatever heading.
        let promise_line =
            self.promise.is_none() && self.activities.is_empty() && mentions_lofte(p);
        if self.topic && self.sec == Sec::Other && !promise_line && self.topic_paragraph(kept) {
            return true;
        }
        // A paragraph after the list a lead-in opened is no longer in that list when it
        // promises nothing ("Närpolischefen tycker att …") or speaks of the löfte itself
        // ("Löftena började gälla i december …"); one that does ("Tre nattvandringar ska
        // genomföras under hösten.") is still one of its activities.
        if matches!(self.sec, Sec::Acts(_))
            && !self.answers
            && self.lead_items.is_some_and(|n| n > 0)
            && (mentions_lofte(&kept[0])
                || !(regex!(
                    r"(?i)\b(?:ska|skall|kommer att|lovar|åtar sig|förbinder sig|ansvarar för)\b"
                )
                .is_match(&kept[0])
                    || owners::subject(&kept[0]).is_some()
                    || rules::target(&kept[0]).is_some()))
        {
            self.sec = Sec::Other;
            self.lead_items = None;
        }
        false
    }

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

    /// A paragraph under a topic heading ("Trafik", "Grannsamverkan") that promises: one
    /// activity, its later sentences ("Detta ska ske genom …", "Syftet är …") with it, a
    /// sentence with a subject of its own beginning another. It promises when its first
    /// sentence has a doer ("Vi lovar att …", "Polisen ska …", "I syfte att … ska kommun och
    /// polis verka …") or, under a lead that announced the topics ("… enligt följande."), is
    /// a passive promise ("Varje år ska minst två insatsveckor … genomföras"). A first
    /// sentence of several activities is left to `prose`. True when the paragraph was used.
    pub(super) fn topic_paragraph(&mut self, kept: &[String]) -> bool {
        let first = kept[0].as_str();
        let promise = acts::split_promise(first);
        if promise.as_ref().is_some_and(|(_, parts)| parts.len() > 1) {
            return false;
        }
        // Under goals, "Vi ska utveckla samarbetet …" is work; "Tillsammans skall vi bidra
        // till ett tryggt Orten" is an aim.
        let aim = regex!(
            r"(?i)\b(?:ska|skall|kommer att)\s+(?:vi\s+)?(?:också\s+|även\s+|fortsätta\s+|gemensamt\s+|tillsammans\s+)?(?:bidra|minska|öka|uppnå|nå|få|känna|uppleva|bli|vara|ha|leda)\b"
        );
        let doer = if self.goals {
            named_doer(first).is_some() || (acts::names_we(first) && !aim.is_match(first))
        } else {
            promise.is_some()
                || owners::inverted(first).is_some()
                || acts::names_we(first)
                || named_doer(first).is_some()
        };
        let passive = self.topic_lead.is_some()
            && regex!(r"(?i)\b(?:ska|skall|kommer att)\b(?:\s+[\wåäö-]+){0,12}?\s+[\wåäö]{3,}as\b")
                .is_match(first);
        let same_doer = same_later_doer(kept);
        if !(doer || passive || same_doer.is_some()) {
            return false;
        }
        let lead = self.topic_lead.clone().flatten();
        let mut run: Vec<&str> = Vec::new();
        let mut runs = Vec::new();
        for s in kept {
            if !run.is_empty() && acts::split_promise(s).is_some() {
                runs.push(std::mem::take(&mut run));
            }
            run.push(s);
        }
        runs.push(run);
        for (i, run) in runs.into_iter().enumerate() {
            self.pending.push(Note::Reading(
                "a paragraph that promises under a topic heading: one activity".into(),
            ));
            match &same_doer {
                Some(ps) if i == 0 && !doer && !passive => {
                    let who: Vec<&str> = ps.iter().map(crate::model::Party::name).collect();
                    self.pending.push(Note::Reading(format!(
                        "\"{}\" names no doer; the sentences after it all name {}: theirs",
                        run[0],
                        who.join(" och ")
                    )));
                    self.add_activity(&run.join(" "), Some(ps));
                }
                // "…, ska kommunen och polisen gemensamt genomföra …" with no lead's owners:
                // the doers the sentence names.
                _ if i == 0 && lead.is_none() => {
                    let named = named_doer(run[0]);
                    self.add_activity(&run.join(" "), named.as_deref());
                }
                _ => self.add_activity(&run.join(" "), lead.as_deref()),
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

    /// "I medborgarlöftet framgår att polisen ska …" (a news article): the promise is what
    /// follows the frame. True when the sentence was read so.
    fn reported(&mut self, s: &str) -> bool {
        // "I medborgarlöftet framgår att polisen ska …" (a news article): the promise is what
        // follows the frame.
        if let Some(c) = regex!(r"^(?:I|Av|Enligt) (?:medborgar)?löfte(?:t|na)? (?:framgår|står|sägs|anges)(?: det)? att (?P<rest>\S.+)$")
        .captures(s)
    {
        let rest = &c["rest"];
        let mut ch = rest.chars();
        let rest: String = ch
            .next()
            .map(|f| f.to_uppercase().collect::<String>())
            .unwrap_or_default()
            + ch.as_str();
        if acts::split_promise(&rest).is_some() {
            self.pending.push(Note::Quote(s.to_string()));
            self.pending.push(Note::Reading(
                "what the löfte is reported to say: the promise after \"… att\"".into(),
            ));
            self.prose(&rest);
            return true;
        }
    }
        false
    }

    /// A sentence outside the lists: a promise of one or more activities, or kept as text.
    pub(super) fn prose(&mut self, s: &str) {
        // "– Det här är ett bra löfte, säger kommunalrådet Eva Ek (S).": a quote, no promise.
        if s.trim_start().starts_with(['–', '-', '”', '"']) && quoted_speech(s) {
            self.unplaced(s);
            return;
        }
        if self.reported(s) {
            return;
        }
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

/// The police or the kommun (or both) named inside a sentence as doing something: "… att
/// polisen ska kommunicera …", "…, ska kommunen och polisen gemensamt genomföra …".
fn named_doer(s: &str) -> Option<Vec<crate::model::Party>> {
    const PARTY: &str =
        r"(?:polisen|kommunen|polis|kommun)(?:\s+och\s+(?:polisen|kommunen|polis|kommun))?";
    let before = regex!(&format!(
        r"(?i)\b({PARTY})\s+(?:ska|skall|kommer att|lovar att)\b"
    ));
    let after = regex!(&format!(
        r"(?i)\b(?:ska|skall|kommer)\s+({PARTY})\s+(?:gemensamt\s+|tillsammans\s+|också\s+|även\s+)?(?:att\s+)?[a-zåäö]{{3,}}a\b"
    ));
    let c = before.captures(s).or_else(|| after.captures(s))?;
    owners::parties(&c[1])
}

/// "Genomföra trafikkontroller … Polisen ska samverka … Polisen ska återkoppla …": the doer
/// every later sentence of a paragraph names, when its first sentence names none.
fn same_later_doer(kept: &[String]) -> Option<Vec<Party>> {
    let first = kept[0].as_str();
    // "Medborgarna ska få en synlig polis. Detta genom … att polisen ska kommunicera …":
    // the same, when the doer is named inside a later sentence.
    let later: Vec<_> = kept[1..]
        .iter()
        .filter_map(|s| {
            acts::split_promise(s)
                .map(|(ps, _)| ps)
                .or_else(|| named_doer(s))
        })
        .collect();
    // Not for a paragraph about the löfte itself, nor one whose doer's sentence holds
    // several activities (read sentence by sentence, where it is split).
    let several = kept[1..]
        .iter()
        .any(|s| acts::split_promise(s).is_some_and(|(_, parts)| parts.len() > 1));
    later
        .first()
        .filter(|ps| later.iter().all(|o| o == *ps))
        .filter(|_| owners::subject(first).is_none() && owners::actor(first).is_none())
        .filter(|_| !several && !kept.iter().any(|s| mentions_lofte(s)))
        .cloned()
}
