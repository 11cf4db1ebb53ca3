//! What `check` reports: the rules that pick, from a löfte's status on a date, the
//! activities and follow-ups that need attention. Pure: a status in, typed findings out; the
//! words are the view's (`view::check`).

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::{FOLLOWUP_ID, State, Target};
use crate::status::{ActivityStatus, FollowupState, PledgeStatus, Status};

/// How long after its date an overdue follow-up is still reported.
pub const OVERDUE_DAYS: i64 = 365;

/// Why something needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// The current window of an active löfte is behind its pace.
    Behind,
    /// A long window ends within the horizon short of its count.
    DueSoon,
    /// A window ended within the horizon short of its count.
    Missed,
    /// A dated follow-up is due now or within the horizon.
    FollowupDue,
    /// A continuous follow-up of an active löfte has nothing recorded in the last 90 days.
    FollowupQuiet,
    /// A follow-up is past its date (reported for [`OVERDUE_DAYS`]).
    FollowupOverdue,
}

impl FindingKind {
    /// The name in `check --format json` (a quiet continuous follow-up is `followup_due`).
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Behind => "behind",
            FindingKind::DueSoon => "due_soon",
            FindingKind::Missed => "missed",
            FindingKind::FollowupDue | FindingKind::FollowupQuiet => "followup_due",
            FindingKind::FollowupOverdue => "followup_overdue",
        }
    }
}

impl Serialize for FindingKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The status of what a finding is about: an activity's window or the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FindingStatus {
    Activity(Status),
    Followup(FollowupState),
}

/// One thing `check` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    /// An activity id, or "followup".
    pub activity: String,
    pub kind: FindingKind,
    pub status: FindingStatus,
    pub required: Option<u32>,
    pub done: Option<u32>,
    pub window_start: Option<NaiveDate>,
    pub window_end: Option<NaiveDate>,
    /// Days from as-of to the end of the window or to the follow-up's date (negative: past).
    pub days_left: Option<i64>,
    /// The activity's target (for the words of the view).
    #[serde(skip)]
    pub target: Option<Target>,
}

/// A window with its count: start, end, required, done.
type Window = (NaiveDate, NaiveDate, u32, u32);

fn activity_finding(
    file: &str,
    a: &ActivityStatus<'_>,
    kind: FindingKind,
    status: Status,
    w: Window,
    as_of: NaiveDate,
) -> Finding {
    Finding {
        file: file.to_string(),
        activity: a.activity.id.clone(),
        kind,
        status: FindingStatus::Activity(status),
        required: Some(w.2),
        done: Some(w.3),
        window_start: Some(w.0),
        window_end: Some(w.1),
        days_left: Some((w.1 - as_of).num_days()),
        target: Some(a.activity.target),
    }
}

/// What needs attention on the status's date: activities behind or missed in an active
/// löfte, long windows ending within `within` days short of their count, follow-ups due
/// within `within` days or overdue (for up to a year after their date). `file` names the
/// löfte in the findings.
pub fn findings(s: &PledgeStatus<'_>, within: u32, file: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.state == State::Active {
        for a in &s.activities {
            out.extend(activity_findings(s.as_of, a, i64::from(within), file));
        }
    }
    out.extend(followup_finding(s, i64::from(within), file));
    out
}

fn activity_findings(
    as_of: NaiveDate,
    a: &ActivityStatus<'_>,
    within: i64,
    file: &str,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let current = a
        .window
        .zip(a.required)
        .map(|((f, t), r)| (f, t, r, a.done));
    match (a.status, current) {
        (Status::Behind, Some(w)) => {
            out.push(activity_finding(
                file,
                a,
                FindingKind::Behind,
                a.status,
                w,
                as_of,
            ));
        }
        // Only windows longer than the horizon are warned about ahead: a weekly window
        // always ends within 30 days, and its miss is reported as `missed`.
        (Status::OnTrack, Some(w))
            if w.3 < w.2
                && (w.1 - as_of).num_days() < within
                && (w.1 - w.0).num_days() + 1 > within =>
        {
            out.push(activity_finding(
                file,
                a,
                FindingKind::DueSoon,
                a.status,
                w,
                as_of,
            ));
        }
        _ => {}
    }
    // The last window that ended recently short of its count.
    if let Some(prev) = a
        .windows
        .iter()
        .rfind(|w| w.end < as_of && (as_of - w.end).num_days() <= within)
        .filter(|w| w.status == Status::Missed)
    {
        let w = (prev.start, prev.end, prev.required, prev.done);
        out.push(activity_finding(
            file,
            a,
            FindingKind::Missed,
            Status::Missed,
            w,
            as_of,
        ));
    }
    out
}

fn followup_finding(s: &PledgeStatus<'_>, within: i64, file: &str) -> Option<Finding> {
    let f = &s.followup;
    let as_of = s.as_of;
    let make = |kind: FindingKind, due: NaiveDate| Finding {
        file: file.to_string(),
        activity: FOLLOWUP_ID.into(),
        kind,
        status: FindingStatus::Followup(f.status),
        required: None,
        done: None,
        window_start: f.due_from,
        window_end: Some(due),
        days_left: Some((due - as_of).num_days()),
        target: None,
    };
    match (f.status, f.due) {
        (FollowupState::Overdue, Some(due)) if (as_of - due).num_days() <= OVERDUE_DAYS => {
            Some(make(FindingKind::FollowupOverdue, due))
        }
        (FollowupState::Due, Some(due)) => Some(make(FindingKind::FollowupDue, due)),
        (FollowupState::Scheduled, Some(due))
            if f.due_from
                .is_some_and(|from| (from - as_of).num_days() < within) =>
        {
            Some(make(FindingKind::FollowupDue, due))
        }
        (FollowupState::Due, None) if s.state == State::Active => {
            Some(make(FindingKind::FollowupQuiet, as_of))
        }
        _ => None,
    }
}
