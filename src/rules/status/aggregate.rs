//! The headline of several judgements (units, parts) of one activity together.

use super::Status;
use crate::model::State;

/// The headline of several judgements together: met only when all that were judged are met
/// and none is still to begin (then on track);
/// during the frame the most urgent one; after it, missed when none was kept, else partly met.
pub fn aggregate(state: State, subs: &[Status]) -> Status {
    let judged: Vec<Status> = subs
        .iter()
        .copied()
        .filter(|s| !matches!(s, Status::NothingDue | Status::Upcoming))
        .collect();
    if judged.is_empty() {
        return if subs.contains(&Status::NothingDue) {
            Status::NothingDue
        } else {
            Status::Upcoming
        };
    }
    if judged.iter().all(|s| *s == Status::Met) {
        // A part or unit whose time has not begun is not met yet: the activity is on track.
        return if state == State::Active && subs.contains(&Status::Upcoming) {
            Status::OnTrack
        } else {
            Status::Met
        };
    }
    let failed = |s: &Status| matches!(s, Status::Missed | Status::NoReports);
    if state == State::Ended {
        return if judged.iter().all(failed) {
            Status::Missed
        } else if judged.iter().any(|s| s.is_problem() || failed(s)) {
            Status::PartlyMet
        } else {
            Status::Ongoing
        };
    }
    const URGENCY: [Status; 7] = [
        Status::Behind,
        Status::Missed,
        Status::PartlyMet,
        Status::NoReports,
        Status::OnTrack,
        Status::Ongoing,
        Status::Met,
    ];
    let worst = URGENCY
        .iter()
        .copied()
        .find(|u| judged.contains(u))
        .unwrap_or(Status::OnTrack);
    // A part whose own frame has ended missed while the löfte runs: the activity is behind.
    match worst {
        Status::Missed | Status::PartlyMet => Status::Behind,
        s => s,
    }
}
