//! What `check` reports about outcomes: a measurement due by its indicator's cadence and not
//! recorded (due within the horizon, or overdue for up to a year after its day), and a
//! follow-up whose day has come while activities still lack a verdict. Pure.

use chrono::TimeDelta;

use super::{DueState, indicator_status, verdict};
use crate::findings::{Finding, FindingKind, FindingStatus, OVERDUE_DAYS};
use crate::model::FOLLOWUP_ID;
use crate::status::{FollowupState, PledgeStatus};

fn finding(file: &str, what: &str, kind: FindingKind, st: FollowupState) -> Finding {
    Finding {
        file: file.to_string(),
        activity: what.to_string(),
        part: None,
        unit: None,
        kind,
        status: FindingStatus::Followup(st),
        required: None,
        done: None,
        window_start: None,
        window_end: None,
        days_left: None,
        record: None,
        target: None,
    }
}

pub fn findings(s: &PledgeStatus<'_>, within: u32, file: &str) -> Vec<Finding> {
    let p = s.pledge;
    let as_of = s.as_of;
    let mut out = Vec::new();
    for ind in &p.indicators {
        let st = indicator_status(ind, &p.measurements, &p.period, as_of);
        let Some(due) = st.next_due else { continue };
        let days = (due - as_of).num_days();
        let (kind, state) = match st.due_state {
            DueState::Overdue if as_of - due <= TimeDelta::days(OVERDUE_DAYS) => {
                (FindingKind::MeasurementOverdue, FollowupState::Overdue)
            }
            DueState::Due | DueState::Scheduled if days <= i64::from(within) => {
                (FindingKind::MeasurementDue, FollowupState::Due)
            }
            _ => continue,
        };
        let mut f = finding(file, &ind.id, kind, state);
        f.window_end = Some(due);
        f.days_left = Some(days);
        out.push(f);
    }
    // An indicator read from open data without last year's value: the service may have
    // published it. Without asking the service, check cannot tell whether it has.
    let last = chrono::Datelike::year(&as_of) - 1;
    for ind in &p.indicators {
        let Some(series) = &ind.series else { continue };
        let has = |m: &&super::Measurement| {
            m.indicator == ind.id && chrono::Datelike::year(&m.date) == last
        };
        if !crate::opendata::years_for(p, ind, last).contains(&last)
            || p.measurements.iter().any(|m| has(&m))
        {
            continue;
        }
        let mut f = finding(
            file,
            &ind.id,
            FindingKind::ValueNotFetched,
            FollowupState::Due,
        );
        f.part = Some(series.label());
        f.window_end = crate::opendata::year_day(last);
        out.push(f);
    }
    // A follow-up with a day (dated, quarter, yearly) whose first due day has come: every
    // activity needs a verdict.
    if let (Some(from), Some(due)) = (s.followup.due_from, s.followup.due)
        && as_of >= from
        && as_of - due <= TimeDelta::days(OVERDUE_DAYS)
        && (!p.verdicts.is_empty() || !p.indicators.is_empty())
    {
        let ids: Vec<&str> = p.activities.iter().map(|a| a.id.as_str()).collect();
        let given: Vec<_> = p
            .verdicts
            .iter()
            .filter(|v| v.date <= as_of)
            .cloned()
            .collect();
        let missing = verdict::missing(&ids, &given, Some(from));
        if !missing.is_empty() {
            let state = if as_of > due {
                FollowupState::Overdue
            } else {
                FollowupState::Due
            };
            let mut f = finding(file, FOLLOWUP_ID, FindingKind::VerdictsMissing, state);
            f.part = Some(missing.join(","));
            f.required = Some(ids.len() as u32);
            f.done = Some((ids.len() - missing.len()) as u32);
            f.window_end = Some(due);
            f.days_left = Some((due - as_of).num_days());
            out.push(f);
        }
    }
    out
}
