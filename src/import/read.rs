//! Walks the blocks of a published text section by section and collects the draft; the
//! draft is assembled in `finish` (the kommun, the period and its fallbacks, the targets).

use std::sync::OnceLock;

use regex::Regex;

use super::clean::{self, Block};
use super::dates::{self, PeriodFacts};
use super::rules;
use super::{Draft, Missing, Note, Options, ProblemDraft, acts, facts, owners};
use crate::model::Party;

macro_rules! regex {
    ($p:expr) => {{
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new($p).expect("the importer's patterns compile"))
    }};
}

mod finish;
mod heads;
use heads::{as_lead, lead_end};
mod prose;
mod unlisted;

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
    /// Parties with a heading of their own over a list ("Alvesta kommun lovar").
    sectioned: Vec<Party>,
    /// The next block is a bulleted (not numbered) list item.
    next_bullet: bool,
    /// The window the current list's lead states ("Vi ska under året göra följande:").
    lead_window: Option<(crate::model::Per, String)>,
    /// The period is read from the season the activities name ("under hösten 2015").
    season_period: bool,
    /// The section answers a question heading ("Vilket ansvar har polisen?"): each of its
    /// sentences is an activity.
    answers: bool,
    /// Sentences of prose in which the parties agree on what they will do ("… är X och Y
    /// överens om att …", and a "Samt att …" after one): the activities of a text that has
    /// no other (see `agreed_activities`).
    agreed: Vec<prose::Agreed>,
    /// Under a topic heading no rule knows ("Trafik", "Ungdomar och narkotika"): a paragraph
    /// that promises is one activity (see `topic_paragraph`).
    topic: bool,
    /// Under the löfte's own heading, short paragraphs have been read as its activities, one
    /// each ("Två gemensamma trygghetsvandringar …" / "Utbildningsinsats för …").
    promise_list: bool,
    /// Under a heading of goals ("Effekt", "Det här ska vi åstadkomma"): only a sentence that
    /// names the police or the kommun as doing something is an activity.
    goals: bool,
    /// A lead before topic headings ("Polisen kommer … att arbeta med medborgarlöftet enligt
    /// följande."), with who it names: passive promises under the topics are activities too.
    topic_lead: Option<Option<Vec<Party>>>,
    /// Items read under the lead-in that opened the current list (None: a heading opened it,
    /// or no list is open): a paragraph after a lead-in's list is no longer in it.
    lead_items: Option<usize>,
    /// The block after the one being read is a heading.
    next_heading: bool,
}

fn mentions_lofte(s: &str) -> bool {
    s.to_lowercase().contains("löfte")
}

/// Reported speech in a news article: "… , säger kommunalrådet Eva Ek (S)." at the end.
fn quoted_speech(s: &str) -> bool {
    regex!(r",?\s+säger\s+(?:[a-zåäö-]+\s+){0,3}(?:han|hon|[A-ZÅÄÖ][\wåäö-]+)(?:\s+[A-ZÅÄÖ][\wåäö-]+)*(?:\s+\([A-ZÅÄÖ]{1,3}\))?\.?$")
        .is_match(s.trim())
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

impl<'a> Reader<'a> {
    fn new(opts: &'a Options, text: &str) -> Reader<'a> {
        Reader {
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
            lead_window: None,
            season_period: false,
            answers: false,
            agreed: Vec::new(),
            sectioned: Vec::new(),
            topic: false,
            promise_list: false,
            goals: false,
            topic_lead: None,
            lead_items: None,
            next_heading: false,
        }
    }
}

pub fn read(text: &str, opts: &Options) -> Result<Draft, Missing> {
    let c = clean::blocks(text);
    let mut r = Reader::new(opts, text);
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
    r.sectioned = heads::sectioned(&c.blocks);
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
                r.next_heading = matches!(c.blocks.get(i + 1), Some(Block::Heading(_)));
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
                // "Löftet gäller för perioden 2021-05-01 - 2022-05-01" on a line of its own,
                // no full stop: the period, not a heading.
                if !dates::period_facts(h).is_empty()
                    && (self.sec == Sec::Period
                        || regex!(r"(?i)\b(?:gäller|gälla|pågår|löper)\b").is_match(h))
                    && self.period_sentence(h)
                {
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
        // "Vilket ansvar har polisen?" written as a paragraph of its own: a question heading.
        if self.question(p) {
            return;
        }
        let mut sentences = clean::sentences(p);
        // A lead-in ends with a colon, or with "följande." / "lovar att..": the list under it.
        let lead = sentences
            .last()
            .filter(|s| s.ends_with(':') || (self.next_item && lead_end(s)))
            .map(|s| as_lead(s));
        // "Polisen kommer … att arbeta med medborgarlöftet enligt följande." over topic
        // headings, each with its paragraphs: a lead of what the topics promise.
        let topic_lead = lead.is_none()
            && self.next_heading
            && sentences
                .last()
                .is_some_and(|s| regex!(r"(?i)\benligt följande\.?$").is_match(s.trim_end()));
        let lead = lead.or_else(|| {
            topic_lead
                .then(|| sentences.last().map(|s| as_lead(s)))
                .flatten()
        });
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
                    .or_else(|| owners::signers(s))
                    .or_else(|| owners::whose_lofte(s))
                    .or_else(|| owners::made_by(s))
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
            if topic_lead && let Sec::Acts(owners) = &self.sec {
                self.topic_lead = Some(owners.clone());
            }
        }
    }

    /// List items that are not what their list holds: reported speech set off with a dash
    /// in a news article, and a promise in a list of problems. True when the item was used.
    fn item_not_listed(&mut self, text: &str) -> bool {
        // "– Vi har redan börjat, säger Anna Berg.": reported speech in a news article, set
        // off with a dash, is no list item.
        if quoted_speech(text) {
            self.unplaced(text);
            return true;
        }
        // "• Vi ska tillsammans arbeta för ett tryggare centrum." under a lead of
        // "prioriterade områden": a promise, not a problem.
        if matches!(self.sec, Sec::Priorities | Sec::Problem)
            && regex!(r"^(?i:vi)\s+(?:ska|skall|lovar|kommer att)\b").is_match(text.trim())
        {
            self.pending.push(Note::Reading(
                "a list item that says what \"vi\" will do is an activity, not a problem".into(),
            ));
            self.add_activity(text, None);
            return true;
        }
        false
    }

    fn item(&mut self, ordered: bool, text: &str) {
        if self.item_not_listed(text) {
            return;
        }
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
            Sec::Acts(owners) => {
                if let Some(n) = &mut self.lead_items {
                    *n += 1;
                }
                self.add_activity(text, owners.as_deref());
            }
            _ => self.add_activity(text, None),
        }
    }

    fn add_activity(&mut self, text: &str, owners: Option<&[Party]>) {
        let owners = owners.or(self.lofte_owners.as_deref());
        let mut a = acts::activity(text, owners, &mut self.ids);
        // "Vi arbetar …" in a löfte the page says is one party's ("Lokalpolisområde Ortens
        // medborgarlöften"): "vi" is that party, not the police and the kommun.
        if let Some([one]) = self.lofte_owners.as_deref()
            && regex!(r"(?i)^vi\b").is_match(&a.text)
            && a.owners.len() > 1
            && a.owners.iter().any(|o| &o.who == one)
            && a.owners
                .iter()
                .all(|o| matches!(o.who, Party::Polisen | Party::Kommunen | Party::Kommunerna))
        {
            a.owners.retain(|o| &o.who == one);
            a.notes.push(Note::Reading(format!(
                "\"vi\" is who the page says made the löfte: {}",
                one.name()
            )));
        }
        if let Some(sec) = owners {
            self.joint_start(&mut a, sec);
        }
        if let (Some(f), Some((per, w))) = (a.found.as_mut(), &self.lead_window)
            && matches!(self.sec, Sec::Acts(_))
        {
            rules::with_window(f, *per, w);
        }
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
}
