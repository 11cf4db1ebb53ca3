//! What `check` reports: the rules that pick, from a löfte's status on a date, the
//! activities, follow-ups, measurements and verdicts that need attention. Pure: a status in,
//! typed findings out; the words are the view's (`view::check`).

use chrono::{NaiveDate, TimeDelta};
use serde::{Serialize, Serializer};

use crate::model::{FOLLOWUP_ID, State, Target};
use crate::rules::indicator::{DueState, indicator_status};
use crate::rules::status::{
    ANSWER_DAYS, ActivityStatus, FollowupState, PledgeStatus, Record, Status, WindowStatus,
    judged_per_kommun,
};
use crate::rules::verdict::missing;

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
    /// A request (for an on-request activity) has waited longer than [`ANSWER_DAYS`].
    Unanswered,
    /// Issue 13 (`outcome::check`): an indicator's measurement is due within the horizon,
    MeasurementDue,
    /// or overdue; a follow-up's activities lack verdicts.
    MeasurementOverdue,
    VerdictsMissing,
    /// Issue 27: an indicator read from open data has no value for last year in the file
    /// (`pledge measure --fetch` reads it once published).
    ValueNotFetched,
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
            FindingKind::Unanswered => "unanswered",
            FindingKind::MeasurementDue => "measurement_due",
            FindingKind::MeasurementOverdue => "measurement_overdue",
            FindingKind::VerdictsMissing => "verdicts_missing",
            FindingKind::ValueNotFetched => "value_not_fetched",
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
    /// The part of the activity the finding is about, for activities with parts.
    pub part: Option<String>,
    /// The unit the finding is about, for activities with units.
    pub unit: Option<String>,
    /// The kommun whose share the finding is about, for an activity every kommun of a shared
    /// löfte owns ([`crate::rules::status::Share`]); None: the löfte as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kommun: Option<&'static str>,
    pub kind: FindingKind,
    pub status: FindingStatus,
    pub required: Option<u32>,
    pub done: Option<u32>,
    pub window_start: Option<NaiveDate>,
    pub window_end: Option<NaiveDate>,
    /// Days left to the end of the window or to the follow-up's date, counting both as-of and
    /// that day (as `status`'s `days_left` and the text line: on the last day, 1; the day
    /// after, 0; earlier past days negative).
    pub days_left: Option<i64>,
    /// The record of the activity (or its part or unit) so far, where it has windows.
    pub record: Option<Record>,
    /// The activity's target (for the words of the view).
    #[serde(skip)]
    pub target: Option<Target>,
}

/// Days left until `end` counting `as_of` and `end` themselves (schema 4; 3 counted one less).
fn days_left(end: NaiveDate, as_of: NaiveDate) -> i64 {
    (end - as_of).num_days() + 1
}

/// A window with its count: start, end, required, done.
type Window = (NaiveDate, NaiveDate, u32, u32);

/// What a finding is about: an activity, one of its parts, one of its units.
struct About<'a> {
    file: &'a str,
    activity: &'a str,
    part: Option<&'a str>,
    unit: Option<&'a str>,
    target: &'a Target,
    record: Option<Record>,
}

impl About<'_> {
    fn finding(&self, kind: FindingKind, status: Status, w: Window, as_of: NaiveDate) -> Finding {
        Finding {
            file: self.file.to_string(),
            activity: self.activity.to_string(),
            part: self.part.map(str::to_string),
            unit: self.unit.map(str::to_string),
            kommun: None,
            kind,
            status: FindingStatus::Activity(status),
            required: Some(w.2),
            done: Some(w.3),
            window_start: Some(w.0),
            window_end: Some(w.1),
            days_left: Some(days_left(w.1, as_of)),
            record: self.record,
            target: Some(self.target.clone()),
        }
    }
}

/// What needs attention on the status's date: in an active löfte, activities whose current
/// window is behind its pace, long windows ending within `within` days short of their count,
/// requests waiting longer than [`ANSWER_DAYS`]; in any löfte, every window that ended
/// within the last `within` days short of its count (so the window that ends with the
/// period is reported in the days after it); follow-ups due within `within` days or overdue
/// (for up to a year after their date). `file` names the löfte in the findings.
pub fn findings(s: &PledgeStatus<'_>, within: u32, file: &str) -> Vec<Finding> {
    findings_but(s, within, file, |_| false)
}

/// What `check` reports of `p` on `as_of` (`s`: its status as a whole): the löfte's findings
/// ([`findings`]) and each kommun's share's ([`share_findings`]). An activity every kommun of
/// a shared löfte owns is judged per kommun (README, "Status rules"), so it is reported in
/// the kommuner's shares only, each line naming the kommun that owes the work. Its finding as
/// a whole would only repeat theirs: the whole counts every kommun's work and the work
/// recorded without a kommun, so it falls short only where each kommun's share does.
pub fn check_findings(
    p: &crate::model::Pledge,
    s: &PledgeStatus<'_>,
    as_of: NaiveDate,
    within: u32,
    file: &str,
) -> Vec<Finding> {
    let mut out = findings_but(s, within, file, |a| judged_per_kommun(p, a.activity));
    out.extend(share_findings(p, as_of, within, file));
    out
}

/// [`findings`], but none of the activities `skip` picks.
fn findings_but(
    s: &PledgeStatus<'_>,
    within: u32,
    file: &str,
    skip: impl Fn(&ActivityStatus<'_>) -> bool,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.state != State::Upcoming {
        for a in s.activities.iter().filter(|a| !skip(a)) {
            activity_findings(s, a, None, i64::from(within), file, &mut out);
        }
    }
    out.extend(followup_finding(s, i64::from(within), file));
    out.extend(outcome_findings(s, within, file));
    out
}

/// The findings of each kommun's share of a löfte for several kommuner (`as_of` the day
/// judged on): for the activities every kommun owns, what needs attention in one kommun's
/// share, named with the kommun. The löfte as a whole ([`findings`]) can be met while one
/// kommun's share is behind.
pub fn share_findings(
    p: &crate::model::Pledge,
    as_of: NaiveDate,
    within: u32,
    file: &str,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if p.kommuner.len() < 2 {
        return out;
    }
    for k in &p.kommuner {
        let mut s = crate::rules::status::pledge_status_judged_for(p, as_of, Some(*k));
        s.activities.retain(|a| a.share.is_some());
        if s.activities.is_empty() || s.state == State::Upcoming {
            continue;
        }
        let mut found = Vec::new();
        for a in &s.activities {
            activity_findings(&s, a, None, i64::from(within), file, &mut found);
        }
        for mut f in found {
            f.kommun = Some(k.name);
            out.push(f);
        }
    }
    out
}

fn activity_findings(
    s: &PledgeStatus<'_>,
    a: &ActivityStatus<'_>,
    parent: Option<&str>,
    within: i64,
    file: &str,
    out: &mut Vec<Finding>,
) {
    let (activity, part) = match parent {
        Some(p) => (p, Some(a.activity.id.as_str())),
        None => (a.activity.id.as_str(), None),
    };
    let about = About {
        file,
        activity,
        part,
        unit: None,
        target: &a.activity.target,
        record: a.record,
    };
    let active = s.state == State::Active;
    if a.units.is_empty() {
        window_findings(&about, &a.windows, s.as_of, within, active, out);
    }
    for u in &a.units {
        let about = About {
            unit: Some(&u.unit),
            record: u.record,
            ..about
        };
        window_findings(&about, &u.windows, s.as_of, within, active, out);
    }
    if let (Target::Once, Some((f, t))) = (&a.activity.target, a.window) {
        let ago = (s.as_of - t).num_days();
        let kind = match a.status {
            Status::Behind if active => Some(FindingKind::Behind),
            Status::Missed if (1..=within).contains(&ago) => Some(FindingKind::Missed),
            _ => None,
        };
        if let Some(kind) = kind {
            out.push(about.finding(kind, a.status, (f, t, 1, a.done), s.as_of));
        }
    }
    // Requests still unanswered when the frame ended: a final miss, reported once, in the
    // `within` days after the end.
    if let (Some(r), Some((f, t))) = (a.requests, a.window)
        && r.open > 0
        && (1..=within).contains(&(s.as_of - t).num_days())
    {
        let status = if r.answered == 0 {
            Status::Missed
        } else {
            Status::PartlyMet
        };
        let w = (f, t, r.received, r.answered);
        out.push(about.finding(FindingKind::Missed, status, w, s.as_of));
    }
    if let Some(r) = a.requests.filter(|_| active && a.status == Status::Behind) {
        {
            let since = r.oldest_open.unwrap_or(s.as_of);
            let w = (
                since,
                since + TimeDelta::days(ANSWER_DAYS),
                r.received,
                r.answered,
            );
            out.push(about.finding(FindingKind::Unanswered, a.status, w, s.as_of));
        }
    }
    for p in &a.parts {
        activity_findings(s, p, Some(activity), within, file, out);
    }
}

/// The findings of one series of windows: the current one behind or ending short soon (only
/// while the löfte is active), and every window missed within the horizon.
fn window_findings(
    about: &About<'_>,
    windows: &[WindowStatus],
    as_of: NaiveDate,
    within: i64,
    active: bool,
    out: &mut Vec<Finding>,
) {
    let current = windows.iter().find(|w| w.start <= as_of && as_of <= w.end);
    if let (true, Some(w)) = (active, current) {
        let win = (w.start, w.end, w.required, w.done);
        let ends_in = (w.end - as_of).num_days();
        match w.status {
            Status::Behind => out.push(about.finding(FindingKind::Behind, w.status, win, as_of)),
            // Only windows longer than the horizon are warned about ahead: a weekly window
            // always ends within 30 days, and its miss is reported as `missed`.
            Status::OnTrack
                if w.done < w.required
                    && ends_in < within
                    && (w.end - w.start).num_days() + 1 > within =>
            {
                out.push(about.finding(FindingKind::DueSoon, w.status, win, as_of))
            }
            _ => {}
        }
    }
    for w in windows {
        let ago = (as_of - w.end).num_days();
        if w.status == Status::Missed && (1..=within).contains(&ago) {
            let win = (w.start, w.end, w.required, w.done);
            out.push(about.finding(FindingKind::Missed, Status::Missed, win, as_of));
        }
    }
}

fn followup_finding(s: &PledgeStatus<'_>, within: i64, file: &str) -> Option<Finding> {
    let f = &s.followup;
    let as_of = s.as_of;
    let make = |kind: FindingKind, due: NaiveDate| Finding {
        file: file.to_string(),
        activity: FOLLOWUP_ID.into(),
        part: None,
        unit: None,
        kommun: None,
        kind,
        status: FindingStatus::Followup(f.status),
        required: None,
        done: None,
        window_start: f.due_from,
        window_end: Some(due),
        days_left: Some(days_left(due, as_of)),
        record: None,
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

fn outcome_finding(file: &str, what: &str, kind: FindingKind, st: FollowupState) -> Finding {
    Finding {
        file: file.to_string(),
        activity: what.to_string(),
        part: None,
        unit: None,
        kommun: None,
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

/// What `check` reports about outcomes: a measurement due by its indicator's cadence and not
/// recorded (due within the horizon, or overdue for up to a year after its day), and a
/// follow-up whose day has come while activities still lack a verdict.
fn outcome_findings(s: &PledgeStatus<'_>, within: u32, file: &str) -> Vec<Finding> {
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
        let mut f = outcome_finding(file, &ind.id, kind, state);
        f.window_end = Some(due);
        f.days_left = Some(days_left(due, as_of));
        out.push(f);
    }
    // An indicator read from open data without last year's value: the service may have
    // published it. Without asking the service, check cannot tell whether it has.
    let last = chrono::Datelike::year(&as_of) - 1;
    for ind in &p.indicators {
        let Some(series) = &ind.series else { continue };
        let has = |m: &crate::model::outcome::Measurement| {
            m.indicator == ind.id && chrono::Datelike::year(&m.date) == last
        };
        if !crate::rules::indicator::years_for(p, ind, last).contains(&last)
            || p.measurements.iter().any(has)
        {
            continue;
        }
        let mut f = outcome_finding(
            file,
            &ind.id,
            FindingKind::ValueNotFetched,
            FollowupState::Due,
        );
        f.part = Some(series.label());
        f.window_end = crate::model::series::year_day(last);
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
        let missing = missing(&ids, &given, Some(from));
        if !missing.is_empty() {
            let state = if as_of > due {
                FollowupState::Overdue
            } else {
                FollowupState::Due
            };
            let mut f = outcome_finding(file, FOLLOWUP_ID, FindingKind::VerdictsMissing, state);
            f.part = Some(missing.join(","));
            f.required = Some(ids.len() as u32);
            f.done = Some((ids.len() - missing.len()) as u32);
            f.window_end = Some(due);
            f.days_left = Some(days_left(due, as_of));
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::status::pledge_status_judged as pledge_status;
    use FindingKind::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A löfte for 2016 with the given activities, follow-up and log (TOML).
    fn pledge(rest: &str) -> crate::model::Pledge {
        let text = format!(
            "title = \"T\"\nkommun = \"Filipstad\"\n[period]\nstart = 2016-01-01\nend = 2016-12-31\n\
             [problem]\ntext = \"P\"\n{rest}"
        );
        let loaded = crate::load::load("t.toml", &text, d("2030-01-01"));
        assert!(!loaded.has_errors(), "{text}\n{:?}", loaded.diags);
        loaded.pledge.unwrap()
    }

    const WALKS: &str = "[[activity]]\nid = \"walks\"\ntext = \"W\"\nowners = [\"kommunen\"]\n\
                         target = { count = 2, per = \"year\" }\n";
    const MONTHLY: &str = "[[activity]]\nid = \"monthly\"\ntext = \"M\"\nowners = [\"polisen\"]\n\
                           target = { count = 1, per = \"month\" }\n";
    const ONCE: &str =
        "[[activity]]\nid = \"once\"\ntext = \"O\"\nowners = [\"polisen\"]\ntarget = \"once\"\n";
    const ONGOING: &str = "[[activity]]\nid = \"ongoing\"\ntext = \"G\"\nowners = [\"polisen\"]\n";

    fn log(activity: &str, date: &str) -> String {
        format!("[[log]]\ndate = {date}\nactivity = \"{activity}\"\n")
    }

    fn followup(when: &str) -> String {
        format!("[followup]\nwhen = {when}\nhow = \"H\"\n")
    }

    /// What a finding is about, its kind and its days left.
    type Found = (&'static str, FindingKind, i64);

    #[test]
    fn findings_by_case() {
        let walked_once = format!("{WALKS}{}", log("walks", "2016-03-01"));
        let walked_twice = format!("{walked_once}{}", log("walks", "2016-09-01"));
        let dated = format!("{ONGOING}{}", followup("2017-03-31"));
        let dated_done = format!("{WALKS}{dated}{}", log("followup", "2017-03-20"));
        let continuous = format!("{ONGOING}{}", followup("\"continuous\""));
        let continuous_busy = format!("{continuous}{}", log("followup", "2016-05-20"));
        let quarter = format!("{ONGOING}{}", followup("\"2017-Q1\""));
        #[rustfmt::skip]
        let cases: Vec<(&str, &str, &str, u32, Vec<Found>)> = vec![
            ("behind its pace near the end of the year", WALKS, "2016-12-10", 30, vec![("walks", Behind, 22)]),
            ("on pace but short, the long window ends soon", &walked_once, "2016-12-10", 30, vec![("walks", DueSoon, 22)]),
            ("short, but the window ends beyond the horizon", &walked_once, "2016-06-10", 30, vec![]),
            ("met: nothing to say", &walked_twice, "2016-12-10", 30, vec![]),
            ("a month is no longer than the horizon; May was missed", MONTHLY, "2016-06-10", 30, vec![("monthly", Missed, -9)]),
            ("the missed window ended beyond the horizon", MONTHLY, "2016-06-10", 5, vec![]),
            ("a milestone not done past half the period", ONCE, "2016-08-01", 30, vec![("once", Behind, 153)]),
            ("a milestone in the first half of the period", ONCE, "2016-05-01", 30, vec![]),
            ("no reports in 90 days is not a finding of its own", ONGOING, "2016-06-01", 30, vec![]),
            ("activities of an ended löfte are not reported", WALKS, "2017-02-01", 30, vec![]),
            ("before the löfte starts", WALKS, "2015-12-01", 30, vec![]),
            ("a dated follow-up inside its 30 days", &dated, "2017-03-15", 30, vec![("followup", FollowupDue, 17)]),
            ("a dated follow-up within the horizon", &dated, "2017-02-15", 30, vec![("followup", FollowupDue, 45)]),
            ("a dated follow-up beyond the horizon", &dated, "2017-01-15", 30, vec![]),
            ("a dated follow-up overdue", &dated, "2017-05-01", 30, vec![("followup", FollowupOverdue, -30)]),
            ("overdue for more than a year", &dated, "2018-05-01", 30, vec![]),
            ("the follow-up recorded", &dated_done, "2017-05-01", 30, vec![]),
            ("a follow-up by quarter, due in it", &quarter, "2017-02-01", 30, vec![("followup", FollowupDue, 59)]),
            ("a continuous follow-up with nothing in 90 days", &continuous, "2016-06-01", 30, vec![("followup", FollowupQuiet, 1)]),
            ("a continuous follow-up with recent work", &continuous_busy, "2016-06-01", 30, vec![]),
        ];
        for (name, toml, as_of, within, want) in cases {
            let p = pledge(toml);
            let got: Vec<Found> = findings(&pledge_status(&p, d(as_of)), within, "t.toml")
                .iter()
                .map(|f| {
                    assert_eq!(f.file, "t.toml");
                    let id: &str = match f.activity.as_str() {
                        "followup" => "followup",
                        "walks" => "walks",
                        "monthly" => "monthly",
                        "once" => "once",
                        other => panic!("{other}"),
                    };
                    (id, f.kind, f.days_left.unwrap())
                })
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn a_finding_carries_its_window_and_status() {
        let p = pledge(WALKS);
        let f = &findings(&pledge_status(&p, d("2016-12-10")), 30, "t.toml")[0];
        assert_eq!(f.status, FindingStatus::Activity(Status::Behind));
        assert_eq!((f.required, f.done), (Some(2), Some(0)));
        assert_eq!(
            (f.window_start, f.window_end),
            (Some(d("2016-01-01")), Some(d("2016-12-31")))
        );
        let json = serde_json::to_value(f).unwrap();
        assert_eq!(json["kind"], "behind");
        assert_eq!(json["status"], "behind");
        assert!(json.get("target").is_none());
        let quiet = serde_json::to_value(FollowupQuiet).unwrap();
        assert_eq!(quiet, "followup_due");
    }
}
