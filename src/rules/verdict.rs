//! The follow-up verdict: the people responsible judge each activity kept, partly kept or
//! broken (uppfyllt / delvis uppfyllt / ej uppfyllt), with a reason and a source.
//!
//! Rules (also in the README):
//! - an activity's verdict is its latest `[[verdict]]` dated on or after the follow-up's first
//!   due day (file order decides within a day); earlier ones belong to an earlier follow-up;
//! - the follow-up's verdicts are **complete** when every activity has one;
//! - a verdict **disagrees** with the computed status when the records contradict it:
//!   *kept* while the status is `behind`, `missed`, `partly_met` or `no_reports`; *partly*
//!   with `no_reports` (nothing recorded at all); *broken* while `met`. A verdict stricter than
//!   the records is a person's judgement of the work's quality and agrees. Before the period
//!   (`upcoming`) the records give **no basis**; with `nothing_due` only *kept* agrees and the
//!   others have no basis; when nothing at all is recorded for the löfte (`nothing_recorded`)
//!   the records can neither confirm nor contradict any verdict: **no basis**, never "agree".
//!   The match names every status, so a new one must be placed in the table by hand.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::outcome::{Verdict, VerdictEntry};
use crate::rules::status::{FollowupState, FollowupStatus, Status};

/// Whether the computed status and the human verdict agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Agree,
    /// Worth pointing out: the records contradict the verdict.
    Disagree,
    /// The records can neither support nor contradict it.
    NoBasis,
}

impl Agreement {
    pub fn name(self) -> &'static str {
        match self {
            Agreement::Agree => "agree",
            Agreement::Disagree => "disagree",
            Agreement::NoBasis => "no_basis",
        }
    }
}

/// The table in the module's documentation.
pub fn agreement(status: Status, verdict: Verdict) -> Agreement {
    use Agreement::*;
    use Status as S;
    use Verdict::*;
    match (status, verdict) {
        (S::Upcoming, _) => NoBasis,
        (S::NothingDue, Kept) => Agree,
        (S::NothingDue, _) => NoBasis,
        (S::Behind | S::Missed | S::PartlyMet | S::NoReports, Kept) => Disagree,
        (S::NoReports, Partly) => Disagree,
        (S::NoReports, Broken) => Agree,
        (S::NothingRecorded, _) => NoBasis,
        (S::Met, Broken) => Disagree,
        (S::Met, Kept | Partly) => Agree,
        (S::PartlyMet | S::Behind | S::Missed, Partly | Broken) => Agree,
        (S::OnTrack | S::Ongoing, _) => Agree,
    }
}

/// Each activity's verdict for the follow-up whose first due day is `since` (None: any
/// verdict counts): the latest dated on or after it, in the order of `activities`.
pub fn current<'a>(
    activities: &[&'a str],
    verdicts: &'a [VerdictEntry],
    since: Option<NaiveDate>,
) -> Vec<(&'a str, Option<&'a VerdictEntry>)> {
    activities
        .iter()
        .map(|a| {
            let latest = verdicts
                .iter()
                .filter(|v| v.activity == *a && since.is_none_or(|s| v.date >= s))
                .fold(None::<&VerdictEntry>, |best, v| match best {
                    Some(b) if b.date > v.date => Some(b),
                    _ => Some(v),
                });
            (*a, latest)
        })
        .collect()
}

/// The activities still without a verdict; the follow-up is complete when this is empty.
pub fn missing<'a>(
    activities: &[&'a str],
    verdicts: &[VerdictEntry],
    since: Option<NaiveDate>,
) -> Vec<&'a str> {
    activities
        .iter()
        .copied()
        .filter(|a| {
            !verdicts
                .iter()
                .any(|v| v.activity == *a && since.is_none_or(|s| v.date >= s))
        })
        .collect()
}

/// The follow-up's state once verdicts count: a recorded follow-up is only done when every
/// activity has a verdict (`missing` is empty); until then it stays due, or overdue after its
/// due day. A continuous or unscheduled follow-up has no one occasion to judge at, so its
/// state is left as it is (verdicts are shown when given).
pub fn followup_state(st: &FollowupStatus, missing: &[&str], as_of: NaiveDate) -> FollowupState {
    match (st.status, st.due) {
        (FollowupState::Done, Some(due)) if !missing.is_empty() => {
            if as_of > due {
                FollowupState::Overdue
            } else {
                FollowupState::Due
            }
        }
        (s, _) => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(activity: &str, verdict: Verdict, date: &str, reason: &str) -> VerdictEntry {
        VerdictEntry {
            activity: activity.into(),
            verdict,
            reason: reason.into(),
            source: None,
            date: date.parse().unwrap(),
            by: None,
            span: 0..0,
        }
    }

    #[test]
    fn words_parse_in_both_languages() {
        for (w, want) in [
            ("kept", Verdict::Kept),
            ("Uppfyllt", Verdict::Kept),
            ("partly", Verdict::Partly),
            ("delvis", Verdict::Partly),
            ("delvis uppfyllt", Verdict::Partly),
            ("broken", Verdict::Broken),
            ("ej uppfyllt", Verdict::Broken),
            ("EJ-UPPFYLLT", Verdict::Broken),
        ] {
            assert_eq!(Verdict::parse(w), Some(want), "{w}");
        }
        assert_eq!(Verdict::parse("maybe"), None);
        for n in Verdict::NAMES {
            assert_eq!(Verdict::parse(n).unwrap().name(), n);
        }
    }

    #[test]
    fn the_agreement_table() {
        use Agreement::*;
        use Status as S;
        let row = |s| {
            [Verdict::Kept, Verdict::Partly, Verdict::Broken].map(|verdict| agreement(s, verdict))
        };
        assert_eq!(row(S::Met), [Agree, Agree, Disagree]);
        assert_eq!(row(S::PartlyMet), [Disagree, Agree, Agree]);
        assert_eq!(row(S::OnTrack), [Agree, Agree, Agree]);
        assert_eq!(row(S::Behind), [Disagree, Agree, Agree]);
        assert_eq!(row(S::Missed), [Disagree, Agree, Agree]);
        assert_eq!(row(S::Ongoing), [Agree, Agree, Agree]);
        assert_eq!(row(S::NoReports), [Disagree, Disagree, Agree]);
        assert_eq!(row(S::Upcoming), [NoBasis, NoBasis, NoBasis]);
        assert_eq!(row(S::NothingDue), [Agree, NoBasis, NoBasis]);
        assert_eq!(row(S::NothingRecorded), [NoBasis, NoBasis, NoBasis]);
    }

    #[test]
    fn the_latest_verdict_since_the_due_day_counts() {
        let vs = [
            v("a", Verdict::Broken, "2017-01-20", "last year's"),
            v("a", Verdict::Partly, "2018-01-20", "first"),
            v("a", Verdict::Kept, "2018-01-20", "corrected the same day"),
            v("b", Verdict::Kept, "2018-01-25", "ok"),
        ];
        let since = Some("2018-01-01".parse().unwrap());
        let cur = current(&["a", "b", "c"], &vs, since);
        assert_eq!(cur[0].1.unwrap().reason, "corrected the same day");
        assert_eq!(cur[1].1.unwrap().verdict, Verdict::Kept);
        assert!(cur[2].1.is_none());
        assert_eq!(missing(&["a", "b", "c"], &vs, since), ["c"]);
        assert!(missing(&["a", "b"], &vs, since).is_empty());
        let later = Some("2018-01-21".parse().unwrap());
        assert_eq!(missing(&["a", "b"], &vs, later), ["a"]);
        assert_eq!(
            current(&["a"], &vs, None)[0].1.unwrap().verdict,
            Verdict::Kept
        );
    }

    #[test]
    fn a_follow_up_is_done_only_with_every_verdict() {
        let st = |status, due: Option<&str>| FollowupStatus {
            status,
            due: due.map(|d| d.parse().unwrap()),
            due_from: None,
            last_done: None,
            not_counted: Vec::new(),
        };
        let (before, after) = ("2017-03-01".parse().unwrap(), "2017-04-01".parse().unwrap());
        let done = st(FollowupState::Done, Some("2017-03-31"));
        assert_eq!(followup_state(&done, &[], after), FollowupState::Done);
        assert_eq!(followup_state(&done, &["a"], before), FollowupState::Due);
        assert_eq!(followup_state(&done, &["a"], after), FollowupState::Overdue);
        let continuous = st(FollowupState::Done, None);
        assert_eq!(
            followup_state(&continuous, &["a"], after),
            FollowupState::Done
        );
        let sched = st(FollowupState::Scheduled, Some("2017-03-31"));
        assert_eq!(
            followup_state(&sched, &["a"], before),
            FollowupState::Scheduled
        );
    }
}
