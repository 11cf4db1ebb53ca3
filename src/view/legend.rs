//! The lines that say what a status rests on: the basis line every report and site page
//! carries, and what "no reports" means for the activities that have it, said truly on a
//! period's first days (when the 90 days it looks back over have not all passed). Pure.

use chrono::{NaiveDate, TimeDelta};

use crate::rules::status::{ActivityStatus, ONGOING_DAYS, PledgeStatus, Status};
use crate::view::i18n::Lang;
use crate::view::messages::{Msg, Phrase, Words};

/// The one line every report and site page carries: what a status is based on.
pub fn basis_line(as_of: NaiveDate, lang: Lang) -> String {
    Phrase::Basis { as_of }.say(lang)
}

/// The start of an activity's time frame when "no reports" looks back over less than its
/// 90 days (the frame began within them), else None (the last 90 days).
pub fn quiet_since(s: &PledgeStatus<'_>, a: &ActivityStatus<'_>) -> Option<NaiveDate> {
    let frame = a.activity.frame.within(&s.period);
    let from = s.as_of.min(frame.end) - TimeDelta::days(ONGOING_DAYS - 1);
    (frame.start > from).then_some(frame.start)
}

/// An activity's status as a phrase that explains itself: "inget rapporterat de senaste 90
/// dagarna", or "inget rapporterat sedan starten 2017-01-01" when it began within them.
pub fn status_phrase(s: &PledgeStatus<'_>, a: &ActivityStatus<'_>, lang: Lang) -> String {
    match (a.status, quiet_since(s, a)) {
        (Status::NoReports, Some(start)) => Msg::NothingReportedSince(Some(start)).say(lang),
        (status, _) => lang.status_phrase(status),
    }
}

/// What a status word means where the word alone could mislead: "inga rapporter: inget
/// rapporterat de senaste 90 dagarna", when an activity of the löfte has it; on a period's
/// first days what is true then ("… sedan starten 2017-01-01").
pub fn legend_line(s: &PledgeStatus<'_>, lang: Lang) -> Option<String> {
    let quiet: Vec<Option<NaiveDate>> = s
        .activities
        .iter()
        .filter(|a| a.status == Status::NoReports)
        .map(|a| quiet_since(s, a))
        .collect();
    let first = *quiet.first()?;
    let meaning = if quiet.iter().all(|q| *q == first) {
        match first {
            Some(start) => Msg::NothingReportedSince(Some(start)).say(lang),
            None => lang.status_phrase(Status::NoReports),
        }
    } else {
        Msg::NothingReportedSince(None).say(lang)
    };
    Some(format!("{}: {meaning}", lang.status(Status::NoReports)))
}
