//! The words of one `check` finding ([`crate::view::check`]): behind, due soon, missed, a
//! follow-up or measurement due or overdue, verdicts missing, a value not fetched, requests
//! unanswered. English as scripts have always read it; Swedish for the cron mail. One
//! exhaustive match per language.

use super::Words;
use crate::view::i18n::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum FindingMsg<'a> {
    /// Behind in a window: `progress` ("0 of 2 · 2016", in the reader's language), days left.
    Behind {
        progress: &'a str,
        days: i64,
    },
    /// A window ending soon with work still due.
    DueSoon {
        progress: &'a str,
        days: i64,
    },
    /// A window ended unmet (`window` named in the reader's language); of a target done on
    /// request, the English line counts the requests answered by `requests_by`.
    Missed {
        done: u32,
        required: u32,
        window: &'a str,
        requests_by: Option<&'a str>,
    },
    FollowupDue {
        due: &'a str,
        days: i64,
    },
    /// A continuous follow-up with nothing recorded in the last 90 days.
    FollowupQuiet,
    FollowupOverdue {
        due: &'a str,
    },
    MeasurementDue {
        due: &'a str,
        days: i64,
    },
    MeasurementOverdue {
        due: &'a str,
    },
    /// Of a follow-up's activities, how many have a verdict.
    VerdictsMissing {
        of: &'a str,
        done: u32,
        required: u32,
    },
    /// An indicator's value for `year` not in the file; `source` may have published it.
    ValueNotFetched {
        year: i32,
        source: Option<&'a str>,
    },
    /// Requests not all answered, the oldest waiting since a day.
    Unanswered {
        done: u32,
        required: u32,
        since: &'a str,
    },
}

impl Words for FindingMsg<'_> {
    type Text = String;

    fn en(&self) -> String {
        use FindingMsg::*;
        let left = |days: i64| Lang::En.days_left(days);
        let progress = |p: &str| p.replace(" · ", " in ");
        match *self {
            Behind { progress: p, days } => format!("behind, {}, {}", progress(p), left(days)),
            DueSoon { progress: p, days } => format!("due soon, {}, {}", progress(p), left(days)),
            Missed {
                done,
                required,
                requests_by: Some(due),
                ..
            } => format!(
                "missed, {done} of {required} request{} answered by {due}",
                super::grammar::s(required as usize)
            ),
            Missed {
                done,
                required,
                window,
                requests_by: None,
            } => format!("missed, {done} of {required} in {window}"),
            FollowupDue { due, days } => format!("due by {due}, {}", left(days)),
            FollowupQuiet => "due, nothing recorded in the last 90 days (continuous)".into(),
            FollowupOverdue { due } => format!("overdue since {due}"),
            MeasurementDue { due, days } => format!("measurement due by {due}, {days} days left"),
            MeasurementOverdue { due } => format!("measurement overdue since {due}"),
            VerdictsMissing { of, done, required } => {
                format!("verdicts missing for {of} ({done} of {required} activities judged)")
            }
            ValueNotFetched { year, source } => format!(
                "no value for {year} in the file; {} may have published it (check does not ask the \
                 service): `pledge measure --fetch` reads it",
                source.unwrap_or("the source")
            ),
            Unanswered {
                done,
                required,
                since,
            } => format!("{done} of {required} requests answered, waiting since {since}"),
        }
    }

    fn sv(&self) -> String {
        use FindingMsg::*;
        let left = |days: i64| Lang::Sv.days_left(days);
        let progress = |p: &str| p.replace(" · ", " under ");
        match *self {
            Behind { progress: p, days } => format!("försenad, {}, {}", progress(p), left(days)),
            DueSoon { progress: p, days } => {
                format!("snart dags, {}, {}", progress(p), left(days))
            }
            Missed {
                done,
                required,
                window,
                ..
            } => format!("missad, {done} av {required} under {window}"),
            FollowupDue { due, days } => format!("ska göras senast {due}, {}", left(days)),
            FollowupQuiet => "ska göras, inget registrerat de senaste 90 dagarna (löpande)".into(),
            FollowupOverdue { due } => format!("försenad sedan {due}"),
            MeasurementDue { due, days } => {
                format!("mätning ska göras senast {due}, {}", left(days))
            }
            MeasurementOverdue { due } => format!("mätningen är försenad sedan {due}"),
            VerdictsMissing { of, done, required } => {
                format!("bedömning saknas för {of} ({done} av {required} aktiviteter bedömda)")
            }
            ValueNotFetched { year, source } => format!(
                "inget värde för {year} i filen; {} kan ha publicerat det (check frågar inte tjänsten): \
                 `pledge measure --fetch` hämtar det",
                source.unwrap_or("källan")
            ),
            Unanswered {
                done,
                required,
                since,
            } => format!("{done} av {required} förfrågningar besvarade, väntar sedan {since}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FindingMsg::{self, *};
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_finding_reads_differently_in_each_language() {
        let all: Vec<FindingMsg> = vec![
            Behind {
                progress: "0 of 2 · 2016",
                days: 22,
            },
            DueSoon {
                progress: "0 of 2 · 2016",
                days: 1,
            },
            Missed {
                done: 0,
                required: 2,
                window: "2016",
                requests_by: None,
            },
            Missed {
                done: 0,
                required: 1,
                window: "2016",
                requests_by: Some("2016-12-31"),
            },
            FollowupDue {
                due: "2016-12-31",
                days: 3,
            },
            FollowupQuiet,
            FollowupOverdue { due: "2016-12-31" },
            MeasurementDue {
                due: "2016-12-31",
                days: 3,
            },
            MeasurementOverdue { due: "2016-12-31" },
            VerdictsMissing {
                of: "2016",
                done: 1,
                required: 3,
            },
            ValueNotFetched {
                year: 2016,
                source: None,
            },
            ValueNotFetched {
                year: 2016,
                source: Some("BRÅ"),
            },
            Unanswered {
                done: 1,
                required: 2,
                since: "2016-05-01",
            },
        ];
        // Exhaustive: a new finding fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 11, |m| match m {
            Behind { .. } => 0,
            DueSoon { .. } => 1,
            Missed { .. } => 2,
            FollowupDue { .. } => 3,
            FollowupQuiet => 4,
            FollowupOverdue { .. } => 5,
            MeasurementDue { .. } => 6,
            MeasurementOverdue { .. } => 7,
            VerdictsMissing { .. } => 8,
            ValueNotFetched { .. } => 9,
            Unanswered { .. } => 10,
        });
    }
}
