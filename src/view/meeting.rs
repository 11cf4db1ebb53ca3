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

/// The groups of the report in their order.
pub const GROUPS: [Label; 5] = [
    Label::PolicePromise,
    Label::KommunPromises,
    Label::Together,
    Label::OthersPromise,
    Label::NoOwnerGiven,
];

/// The group of the report an activity belongs to, by who is responsible (the owners);
/// partners who take part do not move an activity to "Tillsammans" (Alvesta's "Polisen lovar
/// ... tillsammans med kommunen" stays the police's).
pub fn group_of(a: &Activity) -> Label {
    let mut parties: Vec<&Party> = a.owners.iter().map(|o| &o.who).collect();
    parties.sort();
    parties.dedup();
    match parties.as_slice() {
        [Party::Polisen] => Label::PolicePromise,
        [Party::Kommunen] => Label::KommunPromises,
        [] => Label::NoOwnerGiven,
        [Party::Other(_)] => Label::OthersPromise,
        _ => Label::Together,
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
            since: since.unwrap_or(s.pledge.period.start),
            lang,
        }
    }

    /// The activities by who promises them, in the order of [`GROUPS`], without empty groups.
    pub fn groups(&self) -> Vec<(Label, Vec<&'a ActivityStatus<'a>>)> {
        GROUPS
            .iter()
            .map(|g| {
                let acts = self
                    .s
                    .activities
                    .iter()
                    .filter(|a| group_of(a.activity) == *g)
                    .collect();
                (*g, acts)
            })
            .filter(|(_, acts): &(_, Vec<_>)| !acts.is_empty())
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
