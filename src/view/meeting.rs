//! The parts of the BRÅ meeting report (`pledge report`), shared by its Markdown and HTML
//! forms: the activities grouped by who is responsible, the log since a date, what is
//! behind, the follow-up.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{Activity, LogEntry, Party};
use crate::rules::status::{ActivityStatus, PledgeStatus};
use crate::view::i18n::Lang;
use crate::view::messages::Label;
use crate::view::phrases::{followup_line, heading, owners_text, period_line, progress};
use crate::view::phrases::{progress_text, record_of, summary_line};
use crate::view::target_words::target_text_of;
use crate::view::title::activity_title;

/// A group of the report: who promises its activities. Ordered as the report shows them:
/// the police, the kommun, the kommuner of a shared löfte, each named party, then activities
/// several owners promise together, then those without an owner.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    One(Party),
    Together,
    NoOwner,
}

impl Group {
    /// The group's heading: "Polisen lovar", "Kommunerna lovar", "Bostadsbolaget lovar",
    /// "Tillsammans".
    pub fn heading(&self, lang: Lang) -> String {
        match self {
            Group::One(Party::Polisen) => lang.t(Label::PolicePromise).into(),
            Group::One(Party::Kommunen) => lang.t(Label::KommunPromises).into(),
            Group::One(Party::Kommunerna) => lang.t(Label::KommunernaPromise).into(),
            Group::One(Party::Other(name)) => lang.other_promises(name),
            Group::Together => lang.t(Label::Together).into(),
            Group::NoOwner => lang.t(Label::NoOwnerGiven).into(),
        }
    }
}

/// The group of the report an activity belongs to, by who is responsible (the owners): one
/// owner, named (the kommuner of a shared löfte and a named party each get their own), or
/// several together; partners who take part do not move an activity to "Tillsammans"
/// (Alvesta's "Polisen lovar ... tillsammans med kommunen" stays the police's).
pub fn group_of(a: &Activity) -> Group {
    let mut parties: Vec<&Party> = a.owners.iter().map(|o| &o.who).collect();
    parties.sort();
    parties.dedup();
    match parties.as_slice() {
        [] => Group::NoOwner,
        [one] => Group::One((*one).clone()),
        _ => Group::Together,
    }
}

/// One activity on the report's first screen.
pub struct Glance {
    pub title: String,
    pub id: String,
    /// The status in the status vocabulary (a CSS class).
    pub class: &'static str,
    /// The status word, always written out (colour is never alone).
    pub status: &'static str,
    /// Whether the status needs attention (behind, missed, partly met).
    pub problem: bool,
    pub progress: String,
}

/// The report's view of one löfte on a date.
pub struct Meeting<'a> {
    pub s: &'a PledgeStatus<'a>,
    /// The first day of the log shown (by default the start of the period).
    pub since: NaiveDate,
    pub lang: Lang,
    /// A page of the public site: units left out are found in its `pledges.json`, not
    /// with `--all-windows`.
    pub on_site: bool,
}

impl<'a> Meeting<'a> {
    pub fn new(s: &'a PledgeStatus<'a>, since: Option<NaiveDate>, lang: Lang) -> Meeting<'a> {
        Meeting {
            s,
            since: since.unwrap_or(s.period.start),
            lang,
            on_site: false,
        }
    }

    /// The activities by who promises them, each group under its heading, in the order of
    /// [`Group`], without empty groups.
    pub fn groups(&self) -> Vec<(String, Vec<&'a ActivityStatus<'a>>)> {
        let mut groups: Vec<Group> = self
            .s
            .activities
            .iter()
            .map(|a| group_of(a.activity))
            .collect();
        groups.sort();
        groups.dedup();
        groups
            .into_iter()
            .map(|g| {
                let acts = self
                    .s
                    .activities
                    .iter()
                    .filter(|a| group_of(a.activity) == g)
                    .collect();
                (g.heading(self.lang), acts)
            })
            .collect()
    }

    /// The log from `since` to the as-of date, oldest first, in file order within a day.
    pub fn log(&self) -> Vec<&'a LogEntry> {
        let mut v: Vec<_> = self
            .s
            .pledge
            .log
            .iter()
            .filter(|e| e.date >= self.since && e.date <= self.s.as_of)
            .collect();
        v.sort_by_key(|e| (e.date, e.span.start));
        v
    }

    /// The report's first screen: every activity with its title, status and what was done.
    pub fn glance(&self) -> Vec<Glance> {
        let l = self.lang;
        self.s
            .activities
            .iter()
            .map(|a| Glance {
                title: activity_title(a.activity),
                id: a.activity.id.clone(),
                class: a.status.name(),
                status: l.status(a.status),
                problem: a.status.is_problem(),
                progress: progress_text(a, l),
            })
            .collect()
    }

    pub fn behind(&self) -> Vec<&'a ActivityStatus<'a>> {
        self.s
            .activities
            .iter()
            .filter(|a| a.status.is_problem())
            .collect()
    }

    /// "Target: 2 per year · Owners: police (with kommun)".
    pub fn promised(&self, a: &ActivityStatus<'_>) -> String {
        let l = self.lang;
        // An activity with parts has no target of its own: each part's is shown with it.
        let mut t = if a.activity.parts.is_empty() {
            format!(
                "{}: {} · ",
                l.t(Label::Target),
                target_text_of(&a.activity.target, &self.s.pledge.events, l)
            )
        } else {
            String::new()
        };
        let owners = match a.activity.owners.as_slice() {
            [] => l.t(Label::NotStated).to_string(),
            o => owners_text(o, l),
        };
        let _ = write!(t, "{}: {owners}", l.t(Label::Owners));
        if !a.activity.partners.is_empty() {
            let with = l.t(Label::With);
            let _ = write!(t, " ({with} {})", owners_text(&a.activity.partners, l));
        }
        t
    }

    /// "1 of 2 · 2016 – behind (last done 2016-05-03)".
    pub fn outcome(&self, a: &ActivityStatus<'_>) -> String {
        let l = self.lang;
        let phrase = crate::view::legend::status_phrase(self.s, a, l);
        let mut t = format!("{} – {phrase}", progress_text(a, l));
        if let Some(d) = a.last_done {
            let _ = write!(t, " ({} {d})", l.t(Label::LastDone).to_lowercase());
        }
        t
    }

    /// The follow-up as label–value pairs: when (with its state), how, who, where.
    pub fn followup_details(&self) -> Vec<(String, String)> {
        let l = self.lang;
        let line = followup_line(self.s, l);
        let when = line
            .split_once(": ")
            .map_or(line.as_str(), |(_, w)| w)
            .to_string();
        let mut v = vec![(l.t(Label::FollowUp).to_string(), when)];
        if let Some(f) = &self.s.pledge.followup {
            for (k, val) in [
                (Label::How, &f.how),
                (Label::Responsible, &f.responsible),
                (Label::Presented, &f.presented),
            ] {
                if let Some(val) = val {
                    v.push((l.t(k).to_string(), val.clone()));
                }
            }
        }
        v
    }
}

/// A part or a unit of an activity, with its own target and record: "Södra skolan: 0 av 1 ·
/// 2017-07-01 – 2017-12-31 – efter".
pub struct SubView {
    /// "Del" or "Enhet".
    pub kind: &'static str,
    /// The part's id or the unit's name.
    pub name: String,
    /// The part's own text (a unit has none).
    pub text: Option<String>,
    /// Its target: "1 per halvår".
    pub target: String,
    /// Its progress in the current window and its record: "0 av 1 · … · 1 av 2 halvår uppfyllda".
    pub progress: String,
    /// The status in the status vocabulary (a CSS class).
    pub class: &'static str,
    pub status: &'static str,
    pub problem: bool,
    /// The row that counts the units a view left out: its text is all it says.
    pub left_out: bool,
}

/// One activity of the report: what was promised, what has been done, and each part's and
/// unit's own target and record.
pub struct ActivityView<'a> {
    pub s: &'a ActivityStatus<'a>,
    pub id: String,
    pub title: String,
    pub class: &'static str,
    pub status: &'static str,
    pub problem: bool,
    pub text: String,
    pub promised: String,
    pub outcome: String,
    pub subs: Vec<SubView>,
}

/// A group of the report: "Polisen lovar" and its activities.
pub struct GroupView<'a> {
    pub heading: String,
    pub activities: Vec<ActivityView<'a>>,
}

/// One log entry of the report: its date, the activity's title and where the work belongs
/// (part, unit, request, kommun), the count, who and the note.
pub struct LogRow {
    pub date: NaiveDate,
    pub title: String,
    pub id: String,
    /// Part, unit, "förfrågan", kommun: "Södra skolan".
    pub place: Vec<String>,
    pub count: u32,
    pub by: Option<String>,
    pub note: Option<String>,
}

impl LogRow {
    /// "Föräldramöten · Södra skolan".
    pub fn what(&self) -> String {
        std::iter::once(self.title.as_str())
            .chain(self.place.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// One signature block: who signs ("Karin Ek, kommunstyrelsens ordförande") or, without
/// named signatories, for whom.
pub struct Signature {
    pub name: String,
}

/// The whole report as one model: Markdown, HTML and the site each render it with their own
/// partials, so what one format shows the others show too.
pub struct Page<'a> {
    pub title: String,
    pub heading: String,
    pub period: String,
    /// What every status is based on, and as of when.
    pub basis: String,
    /// The summary line `status` prints: "Sammanfattning: 5 aktiviteter – …".
    pub summary: String,
    /// "Möte: 2017-10-05", when the report is for a dated meeting.
    pub meeting: Option<String>,
    /// Lokalpolisområde and the signing date: a label and its value.
    pub meta: Vec<(String, String)>,
    /// "Undertecknat av": the signatories, each with a role.
    pub signed_by: Vec<String>,
    pub glance: Vec<Glance>,
    pub problem_title: Option<String>,
    pub priorities: Vec<String>,
    /// Problems listed without a ranking.
    pub items: Vec<String>,
    pub problem_text: Option<String>,
    pub promise: Option<String>,
    pub groups: Vec<GroupView<'a>>,
    /// "Genomfört sedan 2017-01-01".
    pub log_heading: String,
    pub log: Vec<LogRow>,
    /// Whether any entry of the log names who did it (else the column is left out).
    pub log_has_by: bool,
    pub behind: Vec<(String, String, String)>,
    /// What stands under the heading when `behind` is empty: "nothing is behind" only when
    /// something is recorded (with nothing recorded, nothing can be judged).
    pub nothing_behind: &'static str,
    /// The follow-up as label–value pairs, the first its date and state.
    pub followup: Vec<(String, String)>,
    pub followup_line: String,
    /// Signature lines, when asked for (`--sign`).
    pub signatures: Option<Vec<Signature>>,
}

impl Page<'_> {
    /// Whether the löfte states a problem (a title, a ranking, a list or a text): without
    /// one, the report shows no empty "Problem" heading.
    pub fn has_problem(&self) -> bool {
        self.problem_title.is_some()
            || !self.priorities.is_empty()
            || !self.items.is_empty()
            || self.problem_text.is_some()
    }
}

impl<'a> Meeting<'a> {
    /// The title of an activity (or part) by id, an event's text, else the id as a reader
    /// sees it.
    fn title_of(&self, id: &str) -> String {
        let p = self.s.pledge;
        p.activities
            .iter()
            .find(|a| a.id == id)
            .map(activity_title)
            .or_else(|| p.events.iter().find(|e| e.id == id).map(|e| e.text.clone()))
            .unwrap_or_else(|| self.lang.activity_id(id).to_string())
    }

    /// The parts and units of an activity, each with its own target and record.
    pub fn subs(&self, a: &ActivityStatus<'_>) -> Vec<SubView> {
        let l = self.lang;
        let mut v: Vec<SubView> = a
            .parts
            .iter()
            .map(|p| SubView {
                kind: l.t(Label::Part),
                name: p.activity.id.clone(),
                text: Some(p.activity.text.clone()),
                target: target_text_of(&p.activity.target, &self.s.pledge.events, l),
                progress: progress_text(p, l),
                class: p.status.name(),
                status: l.status(p.status),
                problem: p.status.is_problem(),
                left_out: false,
            })
            .collect();
        let t = &a.activity.target;
        v.extend(a.units.iter().map(|u| {
            let mut progress = progress(t, u.required, u.done, a.window, l);
            if let Some(r) = record_of(u.record, t, l) {
                let _ = write!(progress, " · {r}");
            }
            SubView {
                kind: l.t(Label::Unit),
                name: u.unit.clone(),
                text: None,
                target: target_text_of(t, &self.s.pledge.events, l),
                progress,
                class: u.status.name(),
                status: l.status(u.status),
                problem: u.status.is_problem(),
                left_out: false,
            }
        }));
        // The units a page left out (`window_limit::cut_units`), counted on one row.
        if !a.units_omitted.is_empty() {
            v.push(SubView {
                kind: l.t(Label::Unit),
                name: "…".into(),
                text: None,
                target: String::new(),
                progress: crate::view::phrases::units_not_listed_text(
                    &a.units_omitted,
                    self.on_site,
                    l,
                ),
                class: "",
                status: "",
                problem: false,
                left_out: true,
            });
        }
        v
    }

    /// One activity as the report shows it.
    pub fn activity_view(&self, a: &'a ActivityStatus<'a>) -> ActivityView<'a> {
        let l = self.lang;
        ActivityView {
            s: a,
            id: a.activity.id.clone(),
            title: activity_title(a.activity),
            class: a.status.name(),
            status: l.status(a.status),
            problem: a.status.is_problem(),
            text: a.activity.text.clone(),
            promised: self.promised(a),
            outcome: self.outcome(a),
            subs: self.subs(a),
        }
    }

    /// The report's page model. `meeting` dates the meeting it is for; `sign` adds
    /// signature lines.
    pub fn page(&self, meeting: Option<NaiveDate>, sign: bool) -> Page<'a> {
        let (s, l) = (self.s, self.lang);
        let p = s.pledge;
        let log: Vec<LogRow> = self
            .log()
            .into_iter()
            .map(|e| LogRow {
                date: e.date,
                title: self.title_of(&e.activity),
                id: e.activity.clone(),
                place: crate::view::entries::entry_where(p, e, l),
                count: e.count,
                by: e.by.clone(),
                note: e.note.clone(),
            })
            .collect();
        let signatures = sign.then(|| {
            if p.signatories.is_empty() {
                [Label::ForThePolice, Label::ForTheKommun]
                    .map(|w| Signature {
                        name: l.t(w).to_string(),
                    })
                    .into()
            } else {
                p.signatories
                    .iter()
                    .map(|sig| Signature {
                        name: signatory(sig),
                    })
                    .collect()
            }
        });
        Page {
            title: p.title.clone(),
            heading: heading(s),
            period: period_line(s, l),
            basis: crate::view::legend::basis_line(s.as_of, l),
            summary: summary_line(s, l),
            meeting: meeting.map(|d| format!("{}: {d}", l.t(Label::Meeting))),
            meta: self.meta(),
            signed_by: p.signatories.iter().map(signatory).collect(),
            glance: self.glance(),
            problem_title: p.problem.title.clone(),
            priorities: p.problem.priorities.clone(),
            items: p.problem.items.clone(),
            problem_text: p.problem.text.clone(),
            promise: p.promise.clone(),
            groups: self
                .groups()
                .into_iter()
                .map(|(g, acts)| GroupView {
                    heading: g,
                    activities: acts.into_iter().map(|a| self.activity_view(a)).collect(),
                })
                .collect(),
            log_heading: format!("{} {}", l.t(Label::LogSince), self.since),
            log_has_by: log.iter().any(|r| r.by.is_some()),
            log,
            behind: self
                .behind()
                .into_iter()
                .map(|a| {
                    (
                        activity_title(a.activity),
                        a.activity.id.clone(),
                        self.outcome(a),
                    )
                })
                .collect(),
            nothing_behind: l.t(if s.nothing_recorded {
                Label::NothingJudgedBehind
            } else {
                Label::NothingIsBehind
            }),
            followup: self.followup_details(),
            followup_line: followup_line(s, l),
            signatures,
        }
    }

    /// Lokalpolisområde and the signing date: a label and its value.
    fn meta(&self) -> Vec<(String, String)> {
        let (p, l) = (self.s.pledge, self.lang);
        let mut meta = Vec::new();
        if let Some(lpo) = &p.lokalpolisomrade {
            meta.push((l.t(Label::Lokalpolisomrade).to_string(), lpo.clone()));
        }
        if let Some(d) = p.signed {
            meta.push((l.t(Label::Signed).to_string(), d.to_string()));
        }
        meta
    }
}

/// "Karin Ek, kommunstyrelsens ordförande".
pub fn signatory(sig: &crate::model::Signatory) -> String {
    match &sig.role {
        Some(r) => format!("{}, {r}", sig.name),
        None => sig.name.clone(),
    }
}
