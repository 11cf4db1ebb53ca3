//! The parts of the BRÅ meeting report (`pledge report`), shared by its Markdown and HTML
//! forms: the activities grouped by who is responsible, the log since a date, what is
//! behind, the follow-up.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{Activity, LogEntry, Party};
use crate::rules::status::{ActivityStatus, PledgeStatus};
use crate::view::i18n::Lang;
use crate::view::labels::Label;
use crate::view::phrases::{followup_line, owners_text, progress_text, target_text};
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
            Group::One(Party::Other(name)) => match lang {
                Lang::Sv => format!("{name} lovar"),
                Lang::En => format!("{name} promises"),
            },
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
}

impl<'a> Meeting<'a> {
    pub fn new(s: &'a PledgeStatus<'a>, since: Option<NaiveDate>, lang: Lang) -> Meeting<'a> {
        Meeting {
            s,
            since: since.unwrap_or(s.period.start),
            lang,
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
        let mut t = format!(
            "{}: {}",
            l.t(Label::Target),
            target_text(&a.activity.target, l)
        );
        let owners = match a.activity.owners.as_slice() {
            [] => l.t(Label::NotStated).to_string(),
            o => owners_text(o, l),
        };
        let _ = write!(t, " · {}: {owners}", l.t(Label::Owners));
        if !a.activity.partners.is_empty() {
            let with = match l {
                Lang::En => "with",
                Lang::Sv => "med",
            };
            let _ = write!(t, " ({with} {})", owners_text(&a.activity.partners, l));
        }
        t
    }

    /// "1 of 2 · 2016 – behind (last done 2016-05-03)".
    pub fn outcome(&self, a: &ActivityStatus<'_>) -> String {
        let l = self.lang;
        let mut t = format!("{} – {}", progress_text(a, l), l.status_phrase(a.status));
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
