//! Headings and lead-ins: the section a heading opens, who a heading or a lead-in names as
//! owning the items under it, and the period a lead may give.

use std::sync::OnceLock;

use regex::Regex;

use super::super::{Note, dates, owners, rules};
use super::{Reader, Sec};
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// Section headings, as data: pattern and section.
const HEADINGS: &[(&str, &str)] = &[
    (
        r"(?i)^(?:lokal\s+)?(?:problembild|lägesbild|problem|bakgrund|nulägesbeskrivning|nuläge)\b",
        "problem",
    ),
    (r"(?i)^(?:uppföljning|utvärdering)\b", "followup"),
    (
        r"(?i)^(?:tidsram|period|giltighet|löftesperiod|tid)\b",
        "period",
    ),
    (
        r"(?i)^(?:vårt |våra |nytt |nya )?medborgarlöfte[nt]?(?:na)?(?:\s+(?:för\s+|i\s+)?(?:[A-ZÅÄÖ][\wåäö-]+\s+){0,3}(?:år\s+)?(?:\d{4}|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december).*)?$",
        "promise",
    ),
    // "Gemensamt löfte 2016", "Vårt löfte till invånarna i Orten 2017": a heading that
    // names a löfte and a year.
    (
        r"(?i)^(?:vårt|våra|gemensamt|gemensamma|nytt|nya)\s+(?:medborgar)?löfte[nt]?(?:na)?\b[^.:]{0,60}\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$",
        "promise",
    ),
    (
        r"(?i)^(?:aktiviteter|åtgärder|insatser|åtaganden|det h[äa]r gör vi|det h[äa]r lovar vi|det h[äa]r ska vi göra|detta ska vi göra|vi lovar|löften|våra löften|våra aktiviteter|konkreta aktiviteter|aktiviteter och åtgärder)$",
        "acts",
    ),
    // "Det här ska vi åstadkomma", "Målsättning", "Önskad effekt": what the work should lead
    // to, not work promised.
    (
        r"(?i)^(?:(?:det h[äa]r|detta) (?:ska|vill) vi (?:åstadkomma|uppnå)|mål|målsättning(?:ar)?|effektmål|önskad effekt|förväntade? effekt(?:er)?|effekt(?:er)?|syfte)\b",
        "goals",
    ),
];

/// The problem's title from its heading: what follows "Lägesbild –" or "Problem:",
/// capitalised; else the whole heading.
fn problem_title(h: &str) -> String {
    let rest = regex!(r"^\S+\s*[-–:]\s*(.+)$")
        .captures(h)
        .map(|c| c[1].to_string());
    match rest {
        Some(r) => {
            let mut c = r.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            format!("{first}{}", c.as_str())
        }
        None => h.to_string(),
    }
}

/// A lead-in without its colon: "… är polisens medborgarlöften följande.", "Kommunen lovar
/// att..".
pub(super) fn lead_end(s: &str) -> bool {
    // "… arbeta med följande åtgärder i syfte att …." right before a list: "följande"
    // anywhere in the last sentence points at the list.
    // "I medborgarlöftet lovar polisen att," / "X kommun ska tillsammans med polisen,":
    // a comma right before the list is a lead-in's colon.
    regex!(r"(?i)\bföljande\b").is_match(s)
        || regex!(r"(?i)\batt\s*(?:\.{2,}|…)$").is_match(s.trim_end())
        || s.trim_end().ends_with(',')
        // "Ett medborgarlöfte har upprättats där Polisen lovar att" right before the list.
        || regex!(r"(?i)\b(?:lovar|ska|skall|kommer) att$").is_match(s.trim_end())
}

/// A lead-in as one ending in a colon.
pub(super) fn as_lead(s: &str) -> String {
    let t = s
        .trim_end()
        .trim_end_matches(['.', '…', ':', ','])
        .trim_end();
    format!("{t}:")
}

impl Reader<'_> {
    /// A heading: the section it opens, or who owns the items under it.
    pub(super) fn heading(&mut self, h: &str) {
        static R: OnceLock<Vec<(Regex, &str)>> = OnceLock::new();
        let rules = R.get_or_init(|| {
            HEADINGS
                .iter()
                .map(|(p, k)| (Regex::new(p).expect("the importer's patterns compile"), *k))
                .collect()
        });
        let kind = rules.iter().find(|(r, _)| r.is_match(h)).map(|(_, k)| *k);
        self.unranked = false;
        self.lead_window = None;
        self.answers = false;
        self.topic = false;
        self.promise_list = false;
        self.goals = false;
        self.lead_items = None;
        match kind {
            Some("problem") => {
                self.sec = Sec::Problem;
                self.problem.title.get_or_insert(problem_title(h));
            }
            Some("followup") => {
                self.sec = Sec::Followup;
                self.followup_seen = true;
            }
            Some("period") => self.sec = Sec::Period,
            // Under it only a sentence that names who does something is an activity.
            Some("goals") => {
                self.sec = Sec::Other;
                self.topic = true;
                self.goals = true;
                self.unplaced(h);
            }
            Some("promise") => {
                // "Medborgarlöfte Eskilstuna 2022-2023": any years in a löfte's heading.
                let f = dates::title_years(h);
                let other_years = !self.activities.is_empty()
                    && f.years.as_ref().is_some_and(|(a, b, _)| {
                        self.facts
                            .iter()
                            .find_map(|x| x.years.as_ref())
                            .is_some_and(|(c, d, _)| (a, b) != (c, d))
                    });
                if other_years {
                    // Another löfte on the same page (an earlier year's): not this one's.
                    self.stopped = Some(h.to_string());
                    return;
                }
                self.facts.push(f);
                self.sec = Sec::Promise;
            }
            Some("acts") => {
                let we = self.we_heading(h);
                self.enter_acts(we);
            }
            _ => match owners::heading_owner(h) {
                Some(ps) => {
                    self.enter_acts(Some(ps));
                    self.pending.push(Note::Quote(h.to_string()));
                }
                // "Vilket ansvar har polisen …?", "Vad ska vi göra?": a question whose
                // answer below is what the party named does.
                None if self.question(h) => {}
                // "Polis", "Västtrafik" alone on a line over a list: that party's items.
                None if self.next_item && owners::bare_party(h).is_some() => {
                    let ps = owners::bare_party(h).unwrap_or_default();
                    self.pending.push(Note::Reading(format!(
                        "the heading \"{h}\" names who owns the list under it"
                    )));
                    self.enter_acts(Some(ps));
                    self.pending.push(Note::Quote(h.to_string()));
                }
                None => {
                    self.sec = Sec::Other;
                    self.topic = true;
                    self.unplaced(h);
                }
            },
        }
    }

    /// A question heading (or a paragraph that is one question): one that asks what a
    /// party does opens that party's activities, each sentence under it one; another
    /// question ends such a section, or any list of activities. True when the question was read.
    pub(super) fn question(&mut self, h: &str) -> bool {
        let h = h.trim();
        if !h.ends_with('?') || h.contains(". ") {
            return false;
        }
        match question_owner(h) {
            Some(ps) => {
                self.pending.push(Note::Reading(format!(
                    "the heading \"{h}\" asks what {} does: each sentence under it is an activity",
                    ps.iter().map(Party::name).collect::<Vec<_>>().join(" och ")
                )));
                self.enter_acts(Some(ps));
                self.answers = true;
                self.pending.push(Note::Quote(h.to_string()));
                true
            }
            // A question is no activity: it ends the activities above it.
            None if self.answers || matches!(self.sec, Sec::Acts(_)) => {
                self.answers = false;
                self.sec = Sec::Other;
                self.unplaced(h);
                true
            }
            None => false,
        }
    }

    /// A lead-in ending with a colon: what the list under it holds.
    pub(super) fn lead(&mut self, s: &str) {
        self.answers = false;
        self.topic = false;
        let bare = s.trim_end_matches(':').trim();
        // "Och Polisen lovar att:" after the kommun's list: the lead without its "Och".
        let bare = regex!(r"^(?:Och|Samt|Även)\s+(?P<rest>[A-ZÅÄÖ].*)$")
            .captures(bare)
            .and_then(|c| c.name("rest"))
            .map_or(bare, |m| m.as_str());
        self.lead_window = rules::window_phrase(bare);
        let (subject, owners) = self.lead_owners(s, bare);
        // "Polisen och kommunen lovar att under 2020:", "Under tiden 1 januari 2023 - 31
        // december 2024 lovar polisen att:": a lead may give the period.
        let f = dates::period_facts(bare);
        if subject.is_some() || owners.is_some() || f.start.is_some() || f.years.is_some() {
            self.period_sentence(bare);
        }
        // "X och Y lovar att … genom att:" before the first activity speaks for the whole
        // löfte: its owners stand for every activity that names none nearer.
        let sentence = bare.split_whitespace().count() >= 6;
        if sentence && self.lofte_owners.is_none() {
            self.lofte_owners.clone_from(&owners);
        }
        // A lead that promises ("… lovar vi januari – december 2018:", "… genom att:")
        // opens activities, even when it names the problem it answers.
        let means = regex!(r"(?i)\b(?:genom att|genom följande|följande aktiviteter|följande åtgärder|följande insatser|lovar|åtar sig|ska vi|kommer vi)\b")
            .is_match(bare);
        let owners = owners.or_else(|| {
            regex!(r"(?i)\b(?:lovar vi|vi lovar|ska vi|kommer vi|vi ska|vi kommer att)\b")
                .is_match(bare)
                .then(|| vec![Party::Polisen, Party::Kommunen])
        });
        let owners = owners.or_else(|| self.lofte_lead_owners(bare));
        // "Vi kommer under året göra följande:" in a löfte signed by three or more ("Lokalpolisen,
        // SL och kommunen kommer … att"): "vi" is all who signed, not only the two.
        let we = regex!(r"(?i)^(?:vi|tillsammans|gemensamt)\b|\b(?:lovar|ska|kommer) vi\b")
            .is_match(bare);
        let owners = match (owners, &self.lofte_owners) {
            (Some(o), Some(l))
                if we
                    && l.len() > 2
                    && l.contains(&Party::Polisen)
                    && o.iter().all(|p| l.contains(p)) =>
            {
                Some(l.clone())
            }
            (o, _) => o,
        };
        if let Some(ps) = owners {
            self.enter_acts(Some(ps));
            self.lead_items = Some(0);
            self.pending.push(Note::Quote(s.to_string()));
        } else if means {
            self.enter_acts(None);
            self.lead_items = Some(0);
            self.pending.push(Note::Quote(s.to_string()));
        } else if regex!(r"(?i)viktigast|prioriter|problem|störst|oroar").is_match(bare) {
            self.sec = Sec::Priorities;
            // "Ett antal problem har lyfts:" lists problems without ranking them.
            self.unranked = regex!(r"(?i)\bett (?:visst )?(?:antal|flertal)\b").is_match(bare)
                && !regex!(r"(?i)viktigast|prioriter|störst|rangordn").is_match(bare);
            if self.problem.title.is_none() {
                self.problem.title = Some(bare.to_string());
            } else {
                self.problem.paras.push(s.to_string());
                self.problem_paras_have_lofte.push(false);
            }
        } else if bare.to_lowercase().contains("uppföljning") {
            self.sec = Sec::Followup;
            self.followup_seen = true;
            self.followup.push(s.to_string());
        } else {
            self.enter_acts(None);
            self.pending.push(Note::Quote(s.to_string()));
        }
    }
}

impl Reader<'_> {
    /// Who a lead names as owning the items under it (`s` as written, `bare` without its
    /// colon and a first "Och"), with the lead's own subject apart.
    fn lead_owners(&self, s: &str, bare: &str) -> (Option<Vec<Party>>, Option<Vec<Party>>) {
        // "X kommun ska tillsammans med polisen,": the subject and those it works
        // "tillsammans med" own the list together, as in an item.
        let actor = owners::actor(bare).map(|(ps, _)| ps);
        let subject = match (owners::subject(bare).map(|(ps, _)| ps), actor) {
            (Some(s), Some(a)) if a.len() > s.len() && s.iter().all(|p| a.contains(p)) => Some(a),
            (s, a) => s.or(a),
        };
        // "Vi uppfyller medborgarlöftet genom att:" after "Lokalpolisområde Ortens
        // medborgarlöften": "vi" is who the page says made the löfte.
        let subject = match &self.lofte_owners {
            Some(l) if subject.is_some() && regex!(r"(?i)^vi\b").is_match(bare) => Some(l.clone()),
            _ => subject,
        };
        // "… lovar polisen och kommunen:": the promisers after the verb.
        let owners = owners::heading_owner(s)
            .or(subject.clone())
            .or_else(|| owners::promiser(bare))
            .or_else(|| owners::signers(bare))
            .or_else(|| owners::possessive(bare))
            .or_else(|| owners::made_by(bare))
            // "För att … kommer polisen i samverkan med kommunen under 2023 att:"
            .or_else(|| owners::inverted(bare))
            // "… vill polisen och Orten kommun utveckla följande områden under 2017:"
            .or_else(|| {
                let c = regex!(r"\bvill\s+(?P<subj>[^,:]{3,80}?)\s+(?:utveckla|arbeta|fokusera|genomföra|prioritera|satsa)\b")
                    .captures(bare)?;
                owners::parties(&c["subj"])
            });
        (subject, owners)
    }

    /// "Medborgarlöftet för 2024 kan sammanfattas i fyra punkter:", "Medborgarlöftet
    /// omfattar följande insatser:": a lead that speaks of the löfte itself lists what its
    /// parties promise: who the page says made it, else the police and the kommun when the
    /// text before names both.
    fn lofte_lead_owners(&mut self, bare: &str) -> Option<Vec<Party>> {
        if !super::mentions_lofte(bare)
            || !regex!(r"(?i)\b(?:sammanfattas|omfattar|innehåller|består av|innebär)\b")
                .is_match(bare)
        {
            return None;
        }
        let ps = self.lofte_parties()?;
        let who: Vec<&str> = ps.iter().map(Party::name).collect();
        self.pending.push(Note::Reading(format!(
            "the lead speaks of the löfte itself: its items are what its parties ({}) promise",
            who.join(" och ")
        )));
        Some(ps)
    }

    /// Who the page says made the löfte, else the police and the kommun when the text so
    /// far names both; None otherwise.
    fn lofte_parties(&self) -> Option<Vec<Party>> {
        if let Some(l) = &self.lofte_owners {
            return Some(l.clone());
        }
        self.named_both()
    }

    /// The police and the kommun, when the text so far names both.
    pub(super) fn named_both(&self) -> Option<Vec<Party>> {
        let before = format!("{}\n{}", self.title, self.body).to_lowercase();
        (before.contains("polis") && before.contains("kommun"))
            .then(|| vec![Party::Polisen, Party::Kommunen])
    }

    /// "Det här ska vi göra", "Det här lovar vi" over the activities: "vi" owns the items
    /// that name no owner nearer. "vi" is who the page says wrote the löfte: those its
    /// opening names as promising ("X och Y lovar", "Det här är polisens medborgarlöfte",
    /// three or more signers), else the police and the kommun,
    /// when the text before the heading names both ("Lägesbilden har tagits fram av polisen
    /// och kommunen"). On a text that names no kommun the police alone (see `police_alone`).
    /// None when "vi" is not the heading's subject or the text has not named both.
    fn we_heading(&mut self, h: &str) -> Option<Vec<Party>> {
        if !regex!(r"(?i)\b(?:ska|lovar|gör|kommer) vi\b|^vi (?:lovar|ska|gör)\b").is_match(h) {
            return None;
        }
        let ps = self.lofte_parties()?;
        let who: Vec<&str> = ps.iter().map(Party::name).collect();
        self.pending.push(Note::Reading(format!(
            "the heading \"{h}\": \"vi\" is who the text says wrote the löfte ({}), owners of \
             the items under it that name none",
            who.join(" och ")
        )));
        Some(ps)
    }

    /// "I samverkan med polisen erbjuda …", "Tillsammans med kommunen genomföra …" at the
    /// start of an item under one party's heading or lead: done jointly, unless the one
    /// named has a list of its own on the page (then it promises its part there).
    pub(super) fn joint_start(&self, a: &mut super::super::ActivityDraft, sec: &[Party]) {
        let own: Vec<&Party> = a.owners.iter().map(|o| &o.who).collect();
        if own.len() != sec.len() || !sec.iter().all(|p| own.contains(&p)) {
            return;
        }
        // "Trygghetsvandringar tillsammans med polisen och räddningstjänsten" under "Kommunen
        // kommer att:": done together with each one named, even one with a list of its own
        // ("tillsammans med" owns together, as after a subject).
        // "gemensamt arbeta uppsökande …" under "Polismyndigheten lovar att i samverkan med
        // kommunen:": done jointly by the löfte's parties, not by the list's owner alone.
        if let [one] = sec
            && let Some(c) =
                regex!(r"(?i)^(?:att\s+)?(gemensamt|tillsammans)(?:\s+(\S+))?").captures(&a.text)
            && !c
                .get(2)
                .is_some_and(|m| m.as_str().eq_ignore_ascii_case("med"))
            && let Some(all) = self
                .lofte_parties()
                .filter(|l| l.len() > 1)
                .or_else(|| self.named_both())
            && all.contains(one)
        {
            for p in all {
                if !a.owners.iter().any(|o| o.who == p) {
                    a.owners.push(crate::model::Owner { who: p, role: None });
                }
            }
            a.partners
                .retain(|o| !a.owners.iter().any(|w| w.who == o.who));
            let names: Vec<&str> = a.owners.iter().map(|o| o.who.name()).collect();
            a.notes.push(Note::Reading(format!(
                "\"{}\" at the start of an item under {}'s list: done jointly by the löfte's \
                 parties, {}",
                &c[1],
                one.name(),
                names.join(" och ")
            )));
            return;
        }
        let (ps, w, place) = match owners::leading_with(&a.text) {
            Some((ps, _))
                if ps
                    .iter()
                    .any(|p| sec.contains(p) || self.sectioned.contains(p)) =>
            {
                return;
            }
            Some((ps, w)) => (ps, w, "at the start of"),
            None => match owners::noun_with(&a.text) {
                Some((ps, w)) => {
                    let ps: Vec<Party> = ps.into_iter().filter(|p| !sec.contains(p)).collect();
                    if ps.is_empty() {
                        return;
                    }
                    (ps, w, "in")
                }
                None => return,
            },
        };
        a.partners.retain(|o| !ps.contains(&o.who));
        a.notes.retain(|n| {
            !matches!(n, Note::Reading(r) if r.ends_with("takes part")
                && ps.iter().any(|p| r.ends_with(&format!(" {} takes part", p.name()))))
        });
        for p in ps {
            if !a.owners.iter().any(|o| o.who == p) {
                a.owners.push(crate::model::Owner { who: p, role: None });
            }
        }
        let all: Vec<&str> = a.owners.iter().map(|o| o.who.name()).collect();
        a.notes.push(Note::Reading(format!(
            "\"{w}\" {place} an item under {}'s list: done jointly by {}",
            sec.iter()
                .map(Party::name)
                .collect::<Vec<_>>()
                .join(" och "),
            all.join(" och ")
        )));
    }
}

/// A heading that asks what a party does or answers for ("Vilket ansvar har polisen i
/// medborgarlöftet?", "Vad gör kommunen?", "Vad ska vi göra?"): the party it names ("vi" is
/// both signing parties). None for other questions ("Vad är ett medborgarlöfte?", "Hur kom
/// vi fram till löftet?").
pub(super) fn question_owner(h: &str) -> Option<Vec<Party>> {
    let c = regex!(
        r"(?i)^(?:vad|vilket\s+\w+|vilka\s+\w+)\s+(?:har|gör|ska|skall|lovar|kommer|bidrar|tar)\s+(?P<who>.+?)(?:\s+(?:i|med|för|att|göra|gör|till|bidra|på|inom|under)\b.*)?\s*\?$"
    )
    .captures(h.trim())?;
    let who = c["who"].trim();
    if who.eq_ignore_ascii_case("vi") {
        return Some(vec![Party::Polisen, Party::Kommunen]);
    }
    owners::parties(who)
}

/// The parties one heading or lead-in names alone, each over a list of its own.
pub(super) fn sectioned(blocks: &[super::Block]) -> Vec<Party> {
    let mut out = Vec::new();
    for b in blocks {
        if let super::Block::Heading(h) = b
            && let Some([p]) = owners::heading_owner(h)
                .or_else(|| owners::bare_party(h))
                .as_deref()
            && !out.contains(p)
        {
            out.push(p.clone());
        }
    }
    out
}

#[cfg(test)]
#[path = "heads_tests.rs"]
mod tests;
