//! Walks the blocks of a published text section by section and collects the draft.
//!
//! Long because: the walk through a text's sections and the period fallbacks; to split next round (the fallbacks apart).

use std::sync::OnceLock;

use regex::Regex;

use super::clean::{self, Block};
use super::dates::{self, PeriodFacts};
use super::rules;
use super::{Draft, FollowupDraft, Missing, Note, Options, ProblemDraft, acts, facts, owners};
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

/// The section a block is in, from the heading above it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sec {
    Head,
    Intro,
    Problem,
    Priorities,
    Promise,
    Acts(Option<Vec<Party>>),
    Followup,
    Period,
    Other,
}

/// Section headings, as data: pattern and section.
const HEADINGS: &[(&str, &str)] = &[
    (
        r"(?i)^(?:lokal\s+)?(?:problembild|lägesbild|problem|bakgrund|nulägesbeskrivning|nuläge)\b",
        "problem",
    ),
    (r"(?i)^uppföljning\b", "followup"),
    (
        r"(?i)^(?:tidsram|period|giltighet|löftesperiod|tid)\b",
        "period",
    ),
    (
        r"(?i)^(?:vårt |våra |nytt |nya )?medborgarlöfte[nt]?(?:na)?(?:\s+(?:för\s+|i\s+)?(?:[A-ZÅÄÖ][\wåäö-]+\s+){0,3}(?:år\s+)?(?:\d{4}|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december).*)?$",
        "promise",
    ),
    (
        r"(?i)^(?:aktiviteter|åtgärder|insatser|åtaganden|det här gör vi|det här lovar vi|det här ska vi göra|detta ska vi göra|vi lovar|löften|våra löften|våra aktiviteter|konkreta aktiviteter|aktiviteter och åtgärder)$",
        "acts",
    ),
];

struct Reader<'a> {
    opts: &'a Options,
    sec: Sec,
    head: Vec<Note>,
    intro: Vec<Note>,
    top_notes: Vec<Note>,
    title: String,
    body: String,
    lpo: Option<String>,
    source: Option<String>,
    signed: Option<(chrono::NaiveDate, String)>,
    signatories: Vec<(String, Option<String>)>,
    promise: Option<String>,
    facts: Vec<PeriodFacts>,
    period_notes: Vec<Note>,
    problem: ProblemDraft,
    problem_paras_have_lofte: Vec<bool>,
    activities: Vec<super::ActivityDraft>,
    ids: acts::Ids,
    /// Who the löfte's opening names as promising everything ("X och Y lovar att … genom
    /// att:"), for activities that name no owner nearer.
    lofte_owners: Option<Vec<Party>>,
    /// The heading of another löfte on the same page, where reading stopped.
    stopped: Option<String>,
    /// What follows it, kept as text.
    rest: Vec<Note>,
    pending: Vec<Note>,
    followup_seen: bool,
    followup: Vec<String>,
    followup_notes: Vec<Note>,
    /// The lead-in of the problem list says it is no ranking ("ett antal problem").
    unranked: bool,
    /// The text names the police and no kommun at all: a löfte of the police alone, whose
    /// "vi" is the police.
    police_only: bool,
    /// A date on a line of its own before the activities ("2022-03-09"): the page's date.
    dated: Option<chrono::NaiveDate>,
    /// Whether the block after the one being read is a list item (a lead-in's list).
    next_item: bool,
    /// The next block is a bulleted (not numbered) list item.
    next_bullet: bool,
}

/// A lead-in without its colon: "… är polisens medborgarlöften följande.", "Kommunen lovar
/// att..".
fn lead_end(s: &str) -> bool {
    // "… arbeta med följande åtgärder i syfte att …." right before a list: "följande"
    // anywhere in the last sentence points at the list.
    regex!(r"(?i)\bföljande\b").is_match(s)
        || regex!(r"(?i)\batt\s*(?:\.{2,}|…)$").is_match(s.trim_end())
}

/// A lead-in as one ending in a colon.
fn as_lead(s: &str) -> String {
    let t = s.trim_end().trim_end_matches(['.', '…', ':']).trim_end();
    format!("{t}:")
}

fn mentions_lofte(s: &str) -> bool {
    s.to_lowercase().contains("löfte")
}

/// The title: the first short block near the top that names a löfte, else the first heading.
fn title_index(blocks: &[Block]) -> Option<usize> {
    let short = |s: &str| s.chars().count() <= 120 && !s.trim_end().ends_with('.');
    let near = &blocks[..blocks.len().min(8)];
    near.iter()
        .position(
            |b| matches!(b, Block::Heading(h) | Block::Para(h) if short(h) && mentions_lofte(h)),
        )
        .or_else(|| {
            near.iter().position(
                |b| matches!(b, Block::Heading(h) if !h.starts_with("http://") && !h.starts_with("https://")),
            )
        })
}

/// On a löfte of the police alone (the text names no kommun), "vi", "tillsammans" and
/// "gemensamma" are the police, and an activity that names no owner is the police's.
fn police_alone(acts: &mut [super::ActivityDraft], top: &mut Vec<Note>) {
    let mut changed = 0;
    for a in acts.iter_mut() {
        let before = a.owners.len();
        a.owners.retain(|o| o.who != Party::Kommunen);
        a.partners.retain(|o| o.who != Party::Kommunen);
        let none = a.owners.is_empty();
        if none {
            a.owners.push(crate::model::Owner {
                who: Party::Polisen,
                role: None,
            });
            a.notes.retain(
                |n| !matches!(n, Note::Reading(r) if r.starts_with("the text names no owner")),
            );
        }
        if none || a.owners.len() != before {
            changed += 1;
        }
    }
    if changed > 0 {
        top.push(Note::Reading(format!(
            "the text names the police and no kommun: a löfte of the police alone, so \"vi\" \
             is the police and the police own the activities that name no owner ({changed} \
             activities)"
        )));
    }
}

pub fn read(text: &str, opts: &Options) -> Result<Draft, Missing> {
    let c = clean::blocks(text);
    let mut r = Reader {
        opts,
        sec: Sec::Head,
        head: Vec::new(),
        intro: Vec::new(),
        top_notes: Vec::new(),
        title: String::new(),
        body: String::new(),
        lpo: None,
        source: None,
        signed: None,
        signatories: Vec::new(),
        promise: None,
        facts: Vec::new(),
        period_notes: Vec::new(),
        problem: ProblemDraft::default(),
        problem_paras_have_lofte: Vec::new(),
        activities: Vec::new(),
        ids: acts::Ids::default(),
        lofte_owners: None,
        stopped: None,
        rest: Vec::new(),
        pending: Vec::new(),
        followup_seen: false,
        followup: Vec::new(),
        followup_notes: Vec::new(),
        unranked: false,
        police_only: owners::police_only(text),
        dated: None,
        next_item: false,
        next_bullet: false,
    };
    if !c.furniture.is_empty() {
        let list: Vec<String> = c.furniture.iter().map(|f| format!("\"{f}\"")).collect();
        r.head.push(Note::Reading(format!(
            "dropped as page furniture: {}",
            list.join(", ")
        )));
    }
    if !c.joined.is_empty() {
        r.head.push(Note::Reading(format!(
            "words split at a line break joined again: {}",
            c.joined.join(", ")
        )));
    }
    let t = title_index(&c.blocks);
    for (i, b) in c.blocks.iter().enumerate() {
        match t {
            Some(t) if i == t => {
                let (Block::Heading(h) | Block::Para(h)) = b else {
                    continue;
                };
                r.title = h.trim_end_matches(':').to_string();
                r.facts.push(dates::title_years(h));
                r.sec = Sec::Intro;
            }
            Some(t) if i < t => r.unplaced_block(b),
            _ => {
                if r.sec == Sec::Head {
                    r.sec = Sec::Intro;
                }
                r.next_item = matches!(c.blocks.get(i + 1), Some(Block::Item { .. }));
                r.next_bullet = matches!(
                    c.blocks.get(i + 1),
                    Some(Block::Item { ordered: false, .. })
                );
                r.block(b);
            }
        }
    }
    r.finish()
}

impl Reader<'_> {
    fn unplaced_block(&mut self, b: &Block) {
        if let Block::Para(p) | Block::Heading(p) = b
            && regex!(r"^https?://\S+$").is_match(p.trim())
            && self.global(p)
        {
            return;
        }
        let text = match b {
            Block::Heading(s) | Block::Para(s) | Block::Item { text: s, .. } => s.clone(),
            Block::Signature(lines) => lines.join(" "),
        };
        self.head.push(Note::Text(text));
    }

    /// Where a sentence no rule placed is kept.
    fn unplaced(&mut self, s: &str) {
        let n = Note::Text(s.to_string());
        match self.sec {
            Sec::Head => self.head.push(n),
            Sec::Problem | Sec::Priorities => self.problem.notes.push(n),
            Sec::Followup => self.followup_notes.push(n),
            Sec::Period => self.period_notes.push(n),
            _ if self.activities.is_empty() => self.intro.push(n),
            _ => self.pending.push(n),
        }
    }

    fn block(&mut self, b: &Block) {
        if self.stopped.is_some() {
            let text = match b {
                Block::Heading(s) | Block::Para(s) | Block::Item { text: s, .. } => s.clone(),
                Block::Signature(lines) => lines.join(" "),
            };
            self.rest.push(Note::Text(text));
            return;
        }
        match b {
            Block::Heading(h) => {
                self.body.push_str(h);
                self.body.push('\n');
                if self.dated.is_none()
                    && self.activities.is_empty()
                    && let Some(d) = dates::date_line(h)
                {
                    self.dated = Some(d);
                    self.head.push(Note::Text(h.clone()));
                    return;
                }
                if h.ends_with(':') || (self.next_item && lead_end(h)) {
                    self.lead(&as_lead(h));
                } else {
                    self.heading(h);
                }
            }
            Block::Para(p) => {
                self.body.push_str(p);
                self.body.push('\n');
                if self.dated.is_none() && self.activities.is_empty() {
                    self.dated = dates::date_line(p);
                }
                self.para(p);
            }
            Block::Item { ordered, text } => self.item(*ordered, text),
            Block::Signature(lines) => {
                for l in lines {
                    if self.lpo.is_none() {
                        self.lpo = dates::lokalpolisomrade(l);
                    }
                }
                let s = facts::signatories(lines, &mut self.top_notes);
                self.signatories.extend(s);
            }
        }
    }

    fn enter_acts(&mut self, owners: Option<Vec<Party>>) {
        // The paragraph right before the first list of activities, when it speaks of the
        // löfte, is its promise ("… har därför tillsammans tagit fram följande medborgarlöften").
        if self.promise.is_none()
            && self.activities.is_empty()
            && self.sec == Sec::Problem
            && self.problem_paras_have_lofte.last() == Some(&true)
        {
            self.problem_paras_have_lofte.pop();
            self.promise = self.problem.paras.pop();
        }
        self.sec = Sec::Acts(owners);
    }

    fn heading(&mut self, h: &str) {
        static R: OnceLock<Vec<(Regex, &str)>> = OnceLock::new();
        let rules = R.get_or_init(|| {
            HEADINGS
                .iter()
                .map(|(p, k)| (Regex::new(p).expect("the importer's patterns compile"), *k))
                .collect()
        });
        let kind = rules.iter().find(|(r, _)| r.is_match(h)).map(|(_, k)| *k);
        self.unranked = false;
        match kind {
            Some("problem") => {
                self.sec = Sec::Problem;
                let rest = regex!(r"^\S+\s*[-–:]\s*(.+)$")
                    .captures(h)
                    .map(|c| c[1].to_string());
                let title = match rest {
                    Some(r) => {
                        let mut c = r.chars();
                        let first: String = c
                            .next()
                            .map(|f| f.to_uppercase().collect())
                            .unwrap_or_default();
                        format!("{first}{}", c.as_str())
                    }
                    None => h.to_string(),
                };
                self.problem.title.get_or_insert(title);
            }
            Some("followup") => {
                self.sec = Sec::Followup;
                self.followup_seen = true;
            }
            Some("period") => self.sec = Sec::Period,
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
            Some("acts") => self.enter_acts(None),
            _ => match owners::heading_owner(h) {
                Some(ps) => {
                    self.enter_acts(Some(ps));
                    self.pending.push(Note::Quote(h.to_string()));
                }
                None => {
                    self.sec = Sec::Other;
                    self.unplaced(h);
                }
            },
        }
    }

    /// A lead-in ending with a colon: what the list under it holds.
    fn lead(&mut self, s: &str) {
        let bare = s.trim_end_matches(':').trim();
        let subject = owners::subject(bare)
            .map(|(ps, _)| ps)
            .or_else(|| owners::actor(bare).map(|(ps, _)| ps));
        // "… lovar polisen och kommunen:": the promisers after the verb.
        let owners = owners::heading_owner(s)
            .or(subject.clone())
            .or_else(|| owners::promiser(bare))
            .or_else(|| owners::possessive(bare));
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
        if let Some(ps) = owners {
            self.enter_acts(Some(ps));
            self.pending.push(Note::Quote(s.to_string()));
        } else if means {
            self.enter_acts(None);
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

    /// Sentence rules that hold in every section: signing, signatories, lokalpolisområde,
    /// page furniture. True when the sentence is used up.
    fn global(&mut self, s: &str) -> bool {
        if self.source.is_none()
            && let Some(m) = regex!(r"^https?://\S+$").find(s.trim())
        {
            self.source = Some(m.as_str().to_string());
            return true;
        }
        if rules::is_furniture(s) {
            self.head
                .push(Note::Reading(format!("dropped as page furniture: \"{s}\"")));
            return true;
        }
        if self.lpo.is_none() {
            self.lpo = dates::lokalpolisomrade(s);
        }
        if let Some(d) = dates::signed(s)
            && self.signed.is_none()
        {
            self.signed = Some((d, s.to_string()));
            return s.split_whitespace().count() <= 6;
        }
        if let Some(sig) = facts::signatories_sentence(s) {
            self.signatories.extend(sig);
            self.top_notes.push(Note::Quote(s.to_string()));
            return true;
        }
        false
    }

    /// A sentence about the period: read, and used up when that is all it says.
    fn period_sentence(&mut self, s: &str) -> bool {
        let f = dates::period_facts(s);
        let used = self.sec == Sec::Period
            || f.until_replaced.is_some()
            || f.from_signing.is_some()
            || (f.start.is_some() || f.end.is_some() || f.years.is_some())
                && regex!(r"(?i)\b(?:gäller|gälla|pågår|pågå|löper|löpa)\b").is_match(s);
        if used {
            // The whole sentence is kept above [period]; the words read from it with it.
            self.period_notes.push(Note::Quote(s.to_string()));
        }
        if !f.is_empty() {
            self.facts.push(f);
        }
        used
    }

    fn para(&mut self, p: &str) {
        let mut sentences = clean::sentences(p);
        // A lead-in ends with a colon, or with "följande." / "lovar att..": the list under it.
        let lead = sentences
            .last()
            .filter(|s| s.ends_with(':') || (self.next_item && lead_end(s)))
            .map(|s| as_lead(s));
        if lead.is_some() {
            sentences.pop();
        }
        // A paragraph that promises ("Under 2023-2026 lovar X och Y att …", "X och Y kommer
        // under perioden 2020-11-18 – 2021-03-31 arbeta med …") speaks of the löfte's own
        // time even when it never says "löfte".
        let promises = regex!(r"(?i)\b(?:lovar|åtar sig)\b|\bunder (?:tids)?perioden\b");
        let about_lofte = mentions_lofte(p)
            || promises.is_match(p)
            || matches!(self.sec, Sec::Promise | Sec::Period);
        let mut kept = Vec::new();
        for s in &sentences {
            // "X och Y lovar att …" before any activity: the löfte's promisers.
            if self.lofte_owners.is_none()
                && self.activities.is_empty()
                && let Some(ps) = owners::promiser(s)
            {
                self.lofte_owners = Some(ps);
            }
            let used_period = about_lofte && self.period_sentence(s);
            if self.global(s) || used_period {
                continue;
            }
            kept.push(s.clone());
        }
        self.place(p, kept);
        if let Some(l) = lead {
            self.lead(&l);
        }
    }

    /// The sentences of a paragraph left after the rules for every section.
    fn place(&mut self, p: &str, kept: Vec<String>) {
        if kept.is_empty() {
            return;
        }
        match &self.sec {
            Sec::Problem | Sec::Priorities => {
                self.problem.paras.push(kept.join(" "));
                self.problem_paras_have_lofte.push(mentions_lofte(p));
            }
            Sec::Followup => self.followup.extend(kept),
            Sec::Promise if self.promise.is_none() => self.promise = Some(kept.join(" ")),
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
            _ => {
                for s in kept {
                    self.prose(&s);
                }
            }
        }
    }

    /// A sentence outside the lists: a promise of one or more activities, or kept as text.
    fn prose(&mut self, s: &str) {
        if !matches!(self.sec, Sec::Promise | Sec::Head)
            && let Some(parts) = acts::split_clauses(s)
        {
            self.pending.push(Note::Quote(s.to_string()));
            self.pending.push(Note::Reading(format!(
                "one sentence of {} clauses, each with its own verb: one activity each",
                parts.len()
            )));
            for part in parts {
                self.add_activity(&part, None);
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
            Some(_) if !matches!(self.sec, Sec::Promise | Sec::Head) => self.add_activity(s, None),
            _ => self.unplaced(s),
        }
    }

    fn item(&mut self, ordered: bool, text: &str) {
        // "• Medborgarlöftet gäller från 1 januari 2018 – 31 december 2019": a list item that
        // speaks of the löfte's own time is the period, not an activity.
        if mentions_lofte(text)
            && regex!(r"(?i)^(?:medborgar)?löfte\w*\s+(?:(?:kommer att|ska|skall)\s+)?(?:gäller|gälla|löper|löpa|pågår|pågå|sträcker sig|sträcka sig)\b")
                .is_match(text)
            && !dates::period_facts(text).is_empty()
        {
            self.period_sentence(text);
            return;
        }
        // "1. Polisen skall öka synligheten … genom" / "2. Polisen och kommunen skall
        // tillsammans" over bullets: a numbered item left open is the lead of the bullets
        // under it, which are its activities.
        if ordered
            && self.next_bullet
            && matches!(
                self.sec,
                Sec::Acts(_) | Sec::Promise | Sec::Intro | Sec::Other
            )
            && regex!(
                r"(?i)\b(?:genom|genom att|att|tillsammans|gemensamt|följande|med|för att)\s*:?$"
            )
            .is_match(text.trim_end())
        {
            self.lead(&as_lead(text));
            return;
        }
        match self.sec.clone() {
            Sec::Priorities if ordered && !self.unranked => {
                self.problem.priorities.push(text.to_string());
            }
            Sec::Problem | Sec::Priorities if !ordered || self.unranked => {
                let note = Note::Reading(if ordered {
                    "a numbered list the text calls \"ett antal\" problems, not a ranking: \
                     written as items"
                        .into()
                } else {
                    "a list of problems that is not a ranking: written as items, not as priorities"
                        .into()
                });
                if !self.problem.notes.contains(&note) {
                    self.problem.notes.push(note);
                }
                self.problem.items.push(text.to_string());
            }
            Sec::Problem | Sec::Priorities => {
                self.problem.paras.push(text.to_string());
                self.problem_paras_have_lofte.push(false);
            }
            Sec::Followup => self.followup.push(text.to_string()),
            Sec::Period => {
                if !self.period_sentence(text) {
                    self.unplaced(text);
                }
            }
            Sec::Head => self.unplaced(text),
            Sec::Acts(owners) => self.add_activity(text, owners.as_deref()),
            _ => self.add_activity(text, None),
        }
    }

    fn add_activity(&mut self, text: &str, owners: Option<&[Party]>) {
        let owners = owners.or(self.lofte_owners.as_deref());
        let mut a = acts::activity(text, owners, &mut self.ids);
        // A joint promise of both signing parties ("Polisen och kommunen lovar att …")
        // speaks for the löfte: later activities that name no owner nearer are theirs.
        if self.lofte_owners.is_none()
            && let Some((ps, pred)) = owners::subject(&a.text)
            // Named, not "Tillsammans ska …" (that speaks for its own clause only).
            && a.text[..a.text.len().saturating_sub(pred.len())]
                .to_lowercase()
                .contains("polis")
            && ps.contains(&Party::Polisen)
            && ps
                .iter()
                .any(|p| matches!(p, Party::Kommunen | Party::Kommunerna))
        {
            self.lofte_owners = Some(ps);
        }
        if a.text.trim_end_matches('.').trim().is_empty() {
            self.unplaced(text);
            return;
        }
        a.before = std::mem::take(&mut self.pending);
        self.activities.push(a);
    }

    /// The löfte states no period of its own: the one activity that gives both its first
    /// and its last day ("Med början torsdagen den 17 november 2016 … fram till och med den
    /// 18 maj 2017"), or months without a year ("för perioden mars-maj") in the year of the
    /// page's own date line. Each a reading; otherwise nothing.
    fn unstated_period(&mut self) {
        let dated: Vec<(usize, PeriodFacts)> = self
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| (i, dates::period_facts(&a.text)))
            .filter(|(_, f)| f.start.is_some() && f.end.is_some())
            .collect();
        if let [(i, f)] = dated.as_slice() {
            self.period_notes.push(Note::Reading(format!(
                "the text states no period for the löfte; its dates are those of the activity \
                 \"{}\", the only one that gives a first and a last day",
                self.activities[*i].id
            )));
            self.facts.push(f.clone());
            return;
        }
        // "minst två riskkvällar 2019", "… under 2019": the activities' one year. Its end is
        // the löfte's last day; its start is not stated (the unstated-start form).
        let years: Vec<(i32, i32, String)> = self
            .activities
            .iter()
            .filter_map(|a| dates::period_facts(&a.text).years)
            .collect();
        if let Some((y1, y2, words)) = years.first()
            && years.iter().all(|(a, b, _)| (a, b) == (y1, y2))
            && let Some(end) = chrono::NaiveDate::from_ymd_opt(*y2, 12, 31)
        {
            self.period_notes.push(Note::Reading(format!(
                "the text states no period for the löfte; its activities are done \"{words}\", \
                 so it ends {end}; its start is not stated ({})",
                if years.len() == 1 {
                    "one activity names the year".to_string()
                } else {
                    format!("{} activities name the year", years.len())
                }
            )));
            self.facts.push(PeriodFacts {
                end: Some((end, words.clone())),
                ..PeriodFacts::default()
            });
            return;
        }
        if let Some(d) = self.dated
            && let Some(f) = dates::months_in_year(&self.body, chrono::Datelike::year(&d))
        {
            self.period_notes.push(Note::Reading(format!(
                "the months are stated without a year: the year is that of the page's date \
                 line, {d}"
            )));
            self.facts.push(f);
        }
    }

    // Long because: the draft is assembled from every part read, in the order it is written.
    fn finish(mut self) -> Result<Draft, Missing> {
        if self.activities.is_empty() {
            return Err(Missing::Activities);
        }
        let mut top = std::mem::take(&mut self.top_notes);
        let kommuner = facts::kommuner(
            self.opts,
            &self.title,
            &self.body,
            self.source.as_deref(),
            &mut top,
        )?;
        if self.police_only {
            police_alone(&mut self.activities, &mut top);
        }
        if kommuner.len() > 1 {
            // On a löfte for several kommuner, "kommunen" of its text is all of them.
            for a in &mut self.activities {
                for o in a.owners.iter_mut().chain(a.partners.iter_mut()) {
                    if o.who == Party::Kommunen {
                        o.who = Party::Kommunerna;
                    }
                }
            }
        }
        let area = match kommuner.as_slice() {
            [one] if self.opts.kommun.is_none() => facts::area_in_title(&self.title, one),
            _ => None,
        };
        if self.title.trim().is_empty() {
            let names: Vec<&str> = kommuner.iter().map(|k| k.name).collect();
            self.title = format!("Medborgarlöfte för {}", names.join(", "));
            top.push(Note::Reading(
                "the text has no heading: the title is composed".into(),
            ));
        }
        if self.facts.iter().all(PeriodFacts::is_empty) {
            self.unstated_period();
        }
        let (start, end, until_replaced) = facts::period(
            &self.facts,
            self.signed.as_ref().map(|s| s.0),
            self.opts,
            &mut self.period_notes,
        )?;
        let others: Vec<(String, String)> = self
            .activities
            .iter()
            .map(|a| (a.id.clone(), a.text.clone()))
            .collect();
        let names: Vec<String> = kommuner.iter().map(|k| k.name.to_string()).collect();
        let cx = super::kinds::Context {
            id: "",
            text: "",
            others: &others,
            // Without a stated start, months are placed only in the year the period ends.
            period: (
                start.unwrap_or_else(|| {
                    chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&end), 1, 1)
                        .unwrap_or(end)
                }),
                end,
            ),
            kommuner: &names,
        };
        let mut events: Vec<(String, String)> = Vec::new();
        for a in &mut self.activities {
            if let Some(e) = acts::resolve(a, &cx)
                && !events.iter().any(|(id, _)| *id == e.0)
            {
                events.push(e);
            }
        }
        let mut followup = (self.followup_seen || !self.followup.is_empty())
            .then(|| facts::followup(&self.followup));
        if let Some(f) = &mut followup {
            f.notes.append(&mut self.followup_notes);
        } else if !self.followup_notes.is_empty() {
            followup = Some(FollowupDraft {
                notes: self.followup_notes,
                ..FollowupDraft::default()
            });
        }
        let mut tail = Vec::new();
        if let Some(h) = self.stopped.take() {
            tail.push(Note::Reading(format!(
                "\"{h}\" begins another löfte on the same page (other years): it and what follows \
                 are not read into this draft"
            )));
            tail.append(&mut self.rest);
        }
        Ok(Draft {
            head: self.head,
            title: self.title,
            kommuner,
            area,
            lokalpolisomrade: self.lpo,
            source: self.source,
            signed: self.signed,
            signatories: self.signatories,
            top_notes: top,
            promise: self.promise,
            intro: self.intro,
            start,
            end,
            until_replaced,
            period_notes: self.period_notes,
            problem: self.problem,
            activities: self.activities,
            events,
            after_activities: self.pending,
            followup,
            tail,
        })
    }
}
