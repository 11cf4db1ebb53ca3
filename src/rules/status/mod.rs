//! Follow-up status: pure functions of a pledge and an as-of date.
//!
//! The rules (also in the README, "Status rules"):
//! - a view sees only what is recorded up to its date; a start the text does not state is
//!   unknown: the löfte is in force until its end and its work is judged from the first work
//!   recorded by then (before any, from the view's date);
//! - a per-occurrence target judges each occurrence on its day plus its `grace_days`; a weekly
//!   slot counts work on its weekday, or work recorded as replacing that week's slot;
//! - a löfte with nothing recorded shows its activities as `nothing_recorded`;
//! - a löfte is upcoming before its period, active inside it, ended after it; an activity with
//!   a time frame of its own is judged inside that frame;
//! - a target with windows (a count per week/month/…, a weekly slot, a count per occurrence)
//!   is judged per window, and the whole record counts: an ended window short of its count is
//!   `missed`; the current window is `met` when its count is reached, `behind` when fewer than
//!   floor(count × elapsed fraction) are done, else `on_track`. The activity's headline is the
//!   current window's status, except that any missed window makes it `behind` (a miss is never
//!   hidden behind a good week). After the frame it is `met` when every window was met,
//!   `missed` when none was, else `partly_met`. No window at all (nothing occurred to follow
//!   up) is `nothing_due`;
//! - a once-only activity is `met` when done, `behind` when more than half the frame has
//!   passed without it, `missed` when the frame ended without it;
//! - an activity without a target, or with a count the text leaves open, is `ongoing` when
//!   something was recorded in the last 90 days of the frame so far, else `no_reports`;
//! - on request: every request needs an answer; `met` when all are answered, `behind` while one
//!   has waited more than 30 days, else `on_track`; after the frame unanswered requests make it
//!   `missed` (none answered) or `partly_met`;
//! - with units, every unit is judged on its own and the activity is only as good as its
//!   units together; with parts, likewise over its parts (a part not yet begun keeps it from
//!   `met`: `on_track`); before any window of an active frame has begun, `nothing_due`;
//! - an answer goes to the oldest request waiting on its date; one with none waiting answers
//!   none; work outside the activity's frame counts toward nothing ([`no_window`]: `done`
//!   refuses it) and is not its `last_done`;
//! - in one kommun's view of a löfte for several, an activity every kommun owns is judged on
//!   that kommun's share ([`Share`], `share.rs`).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Activity, Period, Pledge, State};

mod activity;
mod aggregate;
mod counts;
mod followup;
mod share;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_kinds;

pub use activity::{ANSWER_DAYS, activity_status, activity_status_for};
pub use counts::{NoWindow, no_window, toward_no_window};
pub use followup::followup_status;
pub use share::{Share, judged_per_kommun, share_for};

/// How many days back an activity without a target counts as reported.
pub const ONGOING_DAYS: i64 = 90;
/// How many days before a follow-up date it counts as due (the follow-up's calendar).
pub use crate::model::followup::DUE_DAYS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    /// After the period: some windows met, some missed.
    PartlyMet,
    OnTrack,
    Behind,
    Missed,
    Ongoing,
    NoReports,
    Upcoming,
    /// Nothing has occurred that the activity must follow (no occurrence, no request yet).
    NothingDue,
    /// Nothing at all is recorded for the löfte: its activities are not judged as missed.
    NothingRecorded,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::PartlyMet => "partly_met",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::Missed => "missed",
            Status::Ongoing => "ongoing",
            Status::NoReports => "no_reports",
            Status::Upcoming => "upcoming",
            Status::NothingDue => "nothing_due",
            Status::NothingRecorded => "nothing_recorded",
        }
    }
    /// Needs attention.
    pub fn is_problem(self) -> bool {
        matches!(self, Status::Behind | Status::Missed | Status::PartlyMet)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct WindowStatus {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub required: u32,
    pub done: u32,
    pub status: Status,
    /// The ISO week (year, number) of a weekly window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso_week: Option<(i32, u32)>,
    /// For a met week of a weekly slot: whether it was kept on the slot's own weekday (else
    /// by work recorded as replacing it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_slot_day: Option<bool>,
}

/// The record of a counted target so far: how many windows were met, missed, and are still
/// open (the current one when not yet met, and those to come).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    pub windows_met: usize,
    pub windows_missed: usize,
    pub windows_open: usize,
    /// For a weekly slot: the met weeks kept on the slot's own weekday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_on_slot_day: Option<usize>,
}

impl Record {
    pub fn of(windows: &[WindowStatus]) -> Record {
        let mut r = Record::default();
        for w in windows {
            match w.status {
                Status::Met => r.windows_met += 1,
                Status::Missed => r.windows_missed += 1,
                _ => r.windows_open += 1,
            }
            if let Some(on) = w.on_slot_day {
                *r.kept_on_slot_day.get_or_insert(0) += usize::from(on);
            }
        }
        r
    }
    pub fn total(&self) -> usize {
        self.windows_met + self.windows_missed + self.windows_open
    }
    /// Windows that have been judged (met or missed).
    pub fn judged(&self) -> usize {
        self.windows_met + self.windows_missed
    }
}

#[derive(Debug, Clone)]
pub struct ActivityStatus<'a> {
    pub activity: &'a Activity,
    pub status: Status,
    /// The count due in the current window (or, after the period, over the whole period);
    /// None for activities without a count.
    pub required: Option<u32>,
    /// The count done in that window (or over the period; for no target: in the period).
    pub done: u32,
    /// The window `required` and `done` refer to.
    pub window: Option<(NaiveDate, NaiveDate)>,
    pub last_done: Option<NaiveDate>,
    pub windows: Vec<WindowStatus>,
    /// Windows a view left out of `windows` past its limit per activity (issue 25; 0: none).
    pub windows_omitted: usize,
    /// The record over `windows` (with units or parts: over all of theirs); None for
    /// activities without windows.
    pub record: Option<Record>,
    /// Each unit judged on its own, for activities with units.
    pub units: Vec<UnitStatus>,
    /// Units a text view left out of `units` past its limit (issue 25), counted by status in
    /// the order of [`Status`]; empty: none.
    pub units_omitted: Vec<(Status, usize)>,
    /// Each part judged on its own, for activities with parts.
    pub parts: Vec<ActivityStatus<'a>>,
    /// Requests and answers, for on-request activities.
    pub requests: Option<Requests>,
    /// In a kommun's view of a löfte for several, an activity every kommun owns: judged on
    /// that kommun's share, with the work recorded without a kommun beside it.
    pub share: Option<Share>,
}

/// One unit of an activity with units.
#[derive(Debug, Clone, Serialize)]
pub struct UnitStatus {
    pub unit: String,
    pub status: Status,
    pub required: Option<u32>,
    pub done: u32,
    pub record: Option<Record>,
    pub windows: Vec<WindowStatus>,
    /// Windows a view left out past its limit per activity (issue 25; 0: none).
    #[serde(skip_serializing_if = "is_zero")]
    pub windows_omitted: usize,
}

/// For `skip_serializing_if`: a count of nothing left out.
pub(crate) fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Requests received and answered, for on-request activities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Requests {
    pub received: u32,
    pub answered: u32,
    /// Received and not answered.
    pub open: u32,
    /// The oldest request not answered (answers go to the oldest request first).
    pub oldest_open: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupState {
    /// Its time has not come.
    Scheduled,
    /// Due now (within its quarter, or within 30 days of its date).
    Due,
    Done,
    Overdue,
    /// No time is given for it.
    Unscheduled,
    /// The löfte has no follow-up at all.
    Missing,
}

impl FollowupState {
    pub fn name(self) -> &'static str {
        match self {
            FollowupState::Scheduled => "scheduled",
            FollowupState::Due => "due",
            FollowupState::Done => "done",
            FollowupState::Overdue => "overdue",
            FollowupState::Unscheduled => "unscheduled",
            FollowupState::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowupStatus {
    pub status: FollowupState,
    /// The date it is (or was) due by.
    pub due: Option<NaiveDate>,
    /// The first day it counts as due.
    pub due_from: Option<NaiveDate>,
    /// The latest record of the follow-up that counts (on or after its first due day).
    pub last_done: Option<NaiveDate>,
    /// Records made before the first due day, which do not count, oldest first.
    pub not_counted: Vec<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct PledgeStatus<'a> {
    pub pledge: &'a Pledge,
    pub as_of: NaiveDate,
    /// The period as this view sees it: a start the text does not state is judged from the
    /// first work recorded by `as_of` ([`crate::model::Period::as_of`]).
    pub period: Period,
    /// Nothing at all is recorded by `as_of`: the activities are shown as nothing recorded,
    /// not as missed.
    pub nothing_recorded: bool,
    pub state: State,
    /// Days left of the period, counting as_of (0 once ended).
    pub days_left: i64,
    pub activities: Vec<ActivityStatus<'a>>,
    pub followup: FollowupStatus,
}

impl PledgeStatus<'_> {
    pub fn count(&self, s: Status) -> usize {
        self.activities.iter().filter(|a| a.status == s).count()
    }
}

/// Status of every activity and the follow-up on `as_of`, from what is recorded up to it. A
/// löfte with nothing recorded at all (and not upcoming) has every activity, unit and part
/// shown as [`Status::NothingRecorded`]; its windows keep their judgement (for `check`).
pub fn pledge_status(p: &Pledge, as_of: NaiveDate) -> PledgeStatus<'_> {
    pledge_status_for(p, as_of, None)
}

/// [`pledge_status`] as kommun `k` sees a löfte of several kommuner: an activity every kommun
/// owns is judged on `k`'s share ([`Share`]); None: the löfte as a whole.
pub fn pledge_status_for<'a>(
    p: &'a Pledge,
    as_of: NaiveDate,
    k: Option<&'static crate::kommuner::Kommun>,
) -> PledgeStatus<'a> {
    let mut s = pledge_status_judged_for(p, as_of, k);
    if s.nothing_recorded {
        for a in &mut s.activities {
            not_recorded(a);
        }
    }
    s
}

/// [`pledge_status`] with every activity judged even when nothing is recorded (`check` reports
/// what needs attention from it: someone should record the work).
pub fn pledge_status_judged(p: &Pledge, as_of: NaiveDate) -> PledgeStatus<'_> {
    pledge_status_judged_for(p, as_of, None)
}

/// [`pledge_status_judged`] as kommun `k` sees a löfte of several ([`pledge_status_for`]).
pub fn pledge_status_judged_for<'a>(
    p: &'a Pledge,
    as_of: NaiveDate,
    k: Option<&'static crate::kommuner::Kommun>,
) -> PledgeStatus<'a> {
    let period = p.period_on(as_of);
    let state = p.state(as_of);
    let days_left = match state {
        State::Upcoming => period.days(),
        State::Active => (period.end - as_of).num_days() + 1,
        State::Ended => 0,
    };
    let nothing_recorded = state != State::Upcoming && p.nothing_recorded(as_of);
    PledgeStatus {
        pledge: p,
        as_of,
        period,
        nothing_recorded,
        state,
        days_left,
        activities: activity::activity_statuses(p, &period, as_of, k),
        followup: followup_status(p, as_of),
    }
}

/// An activity of a löfte with nothing recorded: shown as such, not as missed.
pub(super) fn not_recorded(a: &mut ActivityStatus<'_>) {
    if a.status != Status::Upcoming {
        a.status = Status::NothingRecorded;
    }
    for u in &mut a.units {
        if u.status != Status::Upcoming {
            u.status = Status::NothingRecorded;
        }
    }
    for part in &mut a.parts {
        not_recorded(part);
    }
}
