//! Judging one activity on a date, by the kind of its target.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::aggregate::aggregate;
use super::share::{self, Share};
use super::{ActivityStatus, ONGOING_DAYS, Record, Requests, Status, UnitStatus, WindowStatus};
use crate::kommuner::Kommun;
use crate::model::schedule::{Window, per_occurrence, weekly_slots, windows};
use crate::model::{Activity, LogEntry, Occurrences, Period, Pledge, State, Target};

/// Days an on-request activity may leave a request unanswered before it is behind.
pub const ANSWER_DAYS: i64 = 30;

/// Which entries count: an activity's work (of one part, one unit where given) in `entries`,
/// the log's entries for it: many units or parts are judged in time linear in the log.
#[derive(Clone, Copy)]
struct Sel<'a> {
    activity: &'a str,
    part: Option<&'a str>,
    unit: Option<&'a str>,
    entries: &'a [&'a LogEntry],
    /// The kommun whose share is judged ([`share`]), whose occurrences are owed.
    kommun: Option<&'static Kommun>,
}

impl Sel<'_> {
    fn matches(&self, e: &LogEntry) -> bool {
        e.activity == self.activity
            && (self.part.is_none() || e.part.as_deref() == self.part)
            && (self.unit.is_none() || e.unit.as_deref() == self.unit)
    }
}

/// The judgement of one series of work: an activity, a part, or one unit of either.
struct Eval {
    status: Status,
    required: Option<u32>,
    done: u32,
    window: Option<(NaiveDate, NaiveDate)>,
    windows: Vec<WindowStatus>,
    record: Option<Record>,
    requests: Option<Requests>,
}

impl Eval {
    fn new(status: Status) -> Eval {
        Eval {
            status,
            required: None,
            done: 0,
            window: None,
            windows: Vec::new(),
            record: None,
            requests: None,
        }
    }
}

fn state_in(frame: &Period, as_of: NaiveDate) -> State {
    if as_of < frame.start {
        State::Upcoming
    } else if as_of > frame.end {
        State::Ended
    } else {
        State::Active
    }
}

/// Work recorded (not requests, not events) for `sel`.
fn work<'a>(_p: &Pledge, sel: Sel<'a>) -> impl Iterator<Item = &'a LogEntry> + 'a {
    sel.entries
        .iter()
        .copied()
        .filter(move |e| !e.request && !e.event && sel.matches(e))
}

/// The log's entries by activity, in the log's order.
fn by_activity(p: &Pledge) -> std::collections::HashMap<&str, Vec<&LogEntry>> {
    let mut out: std::collections::HashMap<&str, Vec<&LogEntry>> = std::collections::HashMap::new();
    for e in &p.log {
        out.entry(e.activity.as_str()).or_default().push(e);
    }
    out
}

/// `entries` by what `key` says they are for (a part, a unit), in their order.
fn group_by<'a>(
    entries: &[&'a LogEntry],
    key: impl Fn(&'a LogEntry) -> Option<&'a str>,
) -> std::collections::HashMap<&'a str, Vec<&'a LogEntry>> {
    let mut out: std::collections::HashMap<&str, Vec<&LogEntry>> = std::collections::HashMap::new();
    for e in entries {
        if let Some(k) = key(e) {
            out.entry(k).or_default().push(e);
        }
    }
    out
}

fn done_in(p: &Pledge, sel: Sel<'_>, from: NaiveDate, to: NaiveDate) -> u32 {
    work(p, sel)
        .filter(|e| from <= e.date && e.date <= to)
        .map(|e| e.count)
        .fold(0u32, u32::saturating_add)
}

/// The work recorded for one selection, sorted by date, so that each of many windows (52 a
/// year for a weekly activity) sums a slice rather than scanning the whole log.
struct Done(Vec<(NaiveDate, u32)>);

impl Done {
    fn of(p: &Pledge, sel: Sel<'_>) -> Done {
        Done::of_where(p, sel, |_| true)
    }

    /// The work for `sel` that `keep` accepts.
    fn of_where(p: &Pledge, sel: Sel<'_>, keep: impl Fn(&LogEntry) -> bool) -> Done {
        let mut v: Vec<(NaiveDate, u32)> = work(p, sel)
            .filter(|e| keep(e))
            .map(|e| (e.date, e.count))
            .collect();
        v.sort_unstable_by_key(|&(d, _)| d);
        Done(v)
    }

    /// As [`done_in`]: the count recorded from `from` to `to`, both included.
    fn within(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let a = self.0.partition_point(|&(d, _)| d < from);
        let b = self.0.partition_point(|&(d, _)| d <= to).max(a);
        self.0[a..b]
            .iter()
            .map(|&(_, n)| n)
            .fold(0u32, u32::saturating_add)
    }
}

/// Status of an activity on `as_of`, seeing only what is recorded up to it: a period whose
/// start is not stated is judged from the first work recorded by then ([`Period::as_of`]).
/// A löfte with nothing recorded shows the activity as [`Status::NothingRecorded`], as
/// [`super::pledge_status`] does, so a reply after `verdict` says what `status` says.
pub fn activity_status<'a>(p: &'a Pledge, a: &'a Activity, as_of: NaiveDate) -> ActivityStatus<'a> {
    activity_status_for(p, a, as_of, None)
}

/// [`activity_status`] as kommun `k` sees it: an activity every kommun of a shared löfte
/// owns is judged on `k`'s share ([`share`]).
pub fn activity_status_for<'a>(
    p: &'a Pledge,
    a: &'a Activity,
    as_of: NaiveDate,
    k: Option<&'static Kommun>,
) -> ActivityStatus<'a> {
    let mut st = activity_status_in(p, a, &p.period_on(as_of), as_of, k);
    if p.state(as_of) != State::Upcoming && p.nothing_recorded(as_of) {
        super::not_recorded(&mut st);
    }
    st
}

/// [`activity_status`] in the period as the view sees it.
pub(super) fn activity_status_in<'a>(
    p: &'a Pledge,
    a: &'a Activity,
    period: &Period,
    as_of: NaiveDate,
    k: Option<&'static Kommun>,
) -> ActivityStatus<'a> {
    let mine = by_activity(p).remove(a.id.as_str()).unwrap_or_default();
    status_among(p, a, &mine, period, as_of, k)
}

/// Every activity of `p` judged on `as_of` in the view's period, in order (log grouped once).
pub(super) fn activity_statuses<'a>(
    p: &'a Pledge,
    period: &Period,
    as_of: NaiveDate,
    k: Option<&'static Kommun>,
) -> Vec<ActivityStatus<'a>> {
    let groups = by_activity(p);
    p.activities
        .iter()
        .map(|a| {
            let mine = groups.get(a.id.as_str()).map_or(&[][..], Vec::as_slice);
            status_among(p, a, mine, period, as_of, k)
        })
        .collect()
}

/// [`activity_status_in`] with the activity's entries found.
fn status_among<'a>(
    p: &'a Pledge,
    a: &'a Activity,
    mine: &[&LogEntry],
    period: &Period,
    as_of: NaiveDate,
    k: Option<&'static Kommun>,
) -> ActivityStatus<'a> {
    let frame = a.frame.within(period);
    let kommun = share::per_kommun(p, a, k);
    let own = kommun.map(|k| share::entries_of(mine, k));
    let sel = Sel {
        activity: &a.id,
        part: None,
        unit: None,
        entries: own.as_deref().unwrap_or(mine),
        kommun,
    };
    let mut st = status_of(p, a, sel, &frame, as_of);
    st.share = kommun.map(|kommun| Share {
        kommun,
        shared_done: share::shared_done(mine, &frame, as_of),
    });
    st
}

fn status_of<'a>(
    p: &'a Pledge,
    a: &'a Activity,
    sel: Sel<'_>,
    frame: &Period,
    as_of: NaiveDate,
) -> ActivityStatus<'a> {
    // Work outside the frame counts toward no window: it is not the last work done.
    let last_done = work(p, sel)
        .filter(|e| frame.start <= e.date && e.date <= as_of.min(frame.end))
        .map(|e| e.date)
        .max();
    let state = state_in(frame, as_of);
    let mut units = Vec::new();
    let mut parts = Vec::new();
    let eval = if !a.parts.is_empty() {
        let of_part = group_by(sel.entries, |e| e.part.as_deref());
        parts = a
            .parts
            .iter()
            .map(|part| {
                let sel = Sel {
                    part: Some(&part.id),
                    entries: of_part.get(part.id.as_str()).map_or(&[], Vec::as_slice),
                    ..sel
                };
                status_of(p, part, sel, &part.frame.within(frame), as_of)
            })
            .collect::<Vec<_>>();
        let subs: Vec<(Status, Option<u32>, u32, Option<Record>)> = parts
            .iter()
            .map(|s| (s.status, s.required, s.done, s.record))
            .collect();
        combine(state, &subs)
    } else if !a.units.is_empty() {
        units = of_units(p, a, sel, frame, as_of);
        let subs: Vec<_> = units
            .iter()
            .map(|u| (u.status, u.required, u.done, u.record))
            .collect();
        let mut e = combine(state, &subs);
        e.window = evaluate(p, &a.target, frame, sel, as_of).window;
        e
    } else {
        evaluate(p, &a.target, frame, sel, as_of)
    };
    ActivityStatus {
        activity: a,
        status: eval.status,
        required: eval.required,
        done: eval.done,
        window: eval.window,
        last_done,
        windows: eval.windows,
        windows_omitted: 0,
        record: eval.record,
        units,
        units_omitted: Vec::new(),
        parts,
        requests: eval.requests,
        share: None,
    }
}

/// Each unit of an activity judged by the activity's target on the unit's own entries.
fn of_units(
    p: &Pledge,
    a: &Activity,
    sel: Sel<'_>,
    frame: &Period,
    as_of: NaiveDate,
) -> Vec<UnitStatus> {
    let of_unit = group_by(sel.entries, |e| e.unit.as_deref());
    a.units
        .iter()
        .map(|u| {
            let e = evaluate(
                p,
                &a.target,
                frame,
                Sel {
                    unit: Some(u),
                    entries: of_unit.get(u.as_str()).map_or(&[], Vec::as_slice),
                    ..sel
                },
                as_of,
            );
            UnitStatus {
                unit: u.clone(),
                status: e.status,
                required: e.required,
                done: e.done,
                record: e.record,
                windows: e.windows,
                windows_omitted: 0,
            }
        })
        .collect::<Vec<_>>()
}

/// One activity, part or unit, by the kind of its target.
fn evaluate(p: &Pledge, target: &Target, frame: &Period, sel: Sel<'_>, as_of: NaiveDate) -> Eval {
    match target {
        Target::Count { count, per } => {
            windowed(p, &windows(frame, *count, *per), frame, sel, as_of)
        }
        Target::Weekly {
            weekday,
            except_holidays,
            ..
        } => {
            // Work on another weekday counts as the week's slot only when recorded as
            // replacing it; the record says which weeks were kept on the slot's day.
            let counted = Done::of_where(p, sel, |e| {
                e.instead_of_slot || e.date.weekday() == *weekday
            });
            let on_day = Done::of_where(p, sel, |e| e.date.weekday() == *weekday);
            let mut e = windowed_with(
                &counted,
                &weekly_slots(frame, *weekday, *except_holidays),
                frame,
                as_of,
            );
            for w in &mut e.windows {
                if w.status == Status::Met {
                    w.on_slot_day = Some(on_day.within(w.start, w.end.min(as_of)) > 0);
                }
            }
            e.record = Some(Record::of(&e.windows));
            e
        }
        Target::Each {
            count,
            of,
            grace_days,
        } => {
            let occ = occurrences(p, of, as_of, sel.kommun);
            windowed(
                p,
                &per_occurrence(frame, *count, &occ, *grace_days),
                frame,
                sel,
                as_of,
            )
        }
        Target::Once => once(p, frame, sel, as_of),
        Target::None | Target::Open => ongoing(p, frame, sel, as_of),
        Target::OnRequest => on_request(p, frame, sel, as_of),
    }
}

/// The dates something occurred, with how many: another activity's recorded work up to
/// `as_of` (what has not happened yet cannot be followed up), or the listed dates.
/// Judging a kommun's share, the occurrences it owes: its own and the shared ones.
fn occurrences(
    p: &Pledge,
    of: &Occurrences,
    as_of: NaiveDate,
    k: Option<&Kommun>,
) -> Vec<(NaiveDate, u32)> {
    let owed = |e: &&LogEntry| share::owed_by(e, k);
    match of {
        Occurrences::Dates(ds) => ds.iter().map(|d| (*d, 1)).collect(),
        Occurrences::Activity(id) => p
            .log
            .iter()
            .filter(|e| !e.event && &e.activity == id && !e.request && e.date <= as_of)
            .filter(owed)
            .map(|e| (e.date, e.count))
            .collect(),
        Occurrences::Event(id) => p
            .log
            .iter()
            .filter(|e| e.event && &e.activity == id && e.date <= as_of)
            .filter(owed)
            .map(|e| (e.date, e.count))
            .collect(),
    }
}

fn windowed(p: &Pledge, ws: &[Window], frame: &Period, sel: Sel<'_>, as_of: NaiveDate) -> Eval {
    windowed_with(&Done::of(p, sel), ws, frame, as_of)
}

fn windowed_with(done: &Done, ws: &[Window], frame: &Period, as_of: NaiveDate) -> Eval {
    let state = state_in(frame, as_of);
    let judged: Vec<WindowStatus> = ws.iter().map(|w| judge_window(done, w, as_of)).collect();
    let record = Record::of(&judged);
    let mut e = Eval::new(Status::Upcoming);
    let current = match state {
        State::Upcoming => ws.first().map(|w| (w, Status::Upcoming)),
        State::Active => ws
            .iter()
            .zip(&judged)
            .find(|(w, _)| w.end >= as_of)
            .or(ws.iter().zip(&judged).next_back())
            .map(|(w, j)| (w, j.status)),
        State::Ended => None,
    };
    match (state, current) {
        (State::Ended, _) if !ws.is_empty() => {
            e.required = Some(ws.iter().map(|w| w.required).fold(0, u32::saturating_add));
            e.done = judged.iter().map(|w| w.done).fold(0, u32::saturating_add);
            e.window = Some((frame.start, frame.end));
        }
        (_, Some((w, st))) => {
            e.required = Some(w.required);
            e.done = if w.start > as_of {
                0
            } else {
                done.within(w.start, w.end.min(as_of))
            };
            e.window = Some((w.start, w.end));
            // The next window, not yet begun: nothing is owed in it yet. Before any window
            // has begun (a listed date or an occurrence still to come, a first slot after a
            // holiday week) nothing is due: "on track" would judge work not yet owed.
            e.status = match (st, state) {
                (Status::Upcoming, State::Active) if ws.iter().all(|w| w.start > as_of) => {
                    Status::NothingDue
                }
                (Status::Upcoming, State::Active) => Status::OnTrack,
                _ => st,
            };
        }
        _ => {}
    }
    e.status = if ws.is_empty() {
        match state {
            State::Upcoming => Status::Upcoming,
            _ => Status::NothingDue,
        }
    } else {
        headline(state, e.status, &record)
    };
    e.windows = judged;
    e.record = Some(record);
    e
}

/// The headline status from the current window's and the record: a missed window is never
/// hidden.
fn headline(state: State, current: Status, r: &Record) -> Status {
    match state {
        State::Upcoming => Status::Upcoming,
        State::Active if r.windows_missed > 0 => Status::Behind,
        State::Active => current,
        State::Ended if r.windows_missed == 0 => Status::Met,
        State::Ended if r.windows_met == 0 => Status::Missed,
        State::Ended => Status::PartlyMet,
    }
}

fn judge_window(work: &Done, w: &Window, as_of: NaiveDate) -> WindowStatus {
    let done = if as_of < w.start {
        0
    } else {
        work.within(w.start, w.end.min(as_of))
    };
    let status = if as_of < w.start {
        Status::Upcoming
    } else if done >= w.required {
        Status::Met
    } else if as_of > w.end {
        Status::Missed
    } else {
        let elapsed = (as_of - w.start).num_days() + 1;
        // floor(required × elapsed / length)
        let expected = i64::from(w.required) * elapsed / w.days();
        if i64::from(done) < expected {
            Status::Behind
        } else {
            Status::OnTrack
        }
    };
    WindowStatus {
        start: w.start,
        end: w.end,
        required: w.required,
        done,
        status,
        iso_week: w.iso_week,
        on_slot_day: None,
    }
}

fn once(p: &Pledge, frame: &Period, sel: Sel<'_>, as_of: NaiveDate) -> Eval {
    let state = state_in(frame, as_of);
    let mut e = Eval::new(Status::Upcoming);
    e.required = Some(1);
    e.window = Some((frame.start, frame.end));
    e.done = done_in(p, sel, frame.start, as_of.min(frame.end));
    e.status = match state {
        State::Upcoming => Status::Upcoming,
        _ if e.done >= 1 => Status::Met,
        State::Ended => Status::Missed,
        State::Active => {
            let elapsed = (as_of - frame.start).num_days() + 1;
            if 2 * elapsed > frame.days() {
                Status::Behind
            } else {
                Status::OnTrack
            }
        }
    };
    e
}

fn ongoing(p: &Pledge, frame: &Period, sel: Sel<'_>, as_of: NaiveDate) -> Eval {
    let to = as_of.min(frame.end);
    let mut e = Eval::new(Status::Upcoming);
    e.done = done_in(p, sel, frame.start, to);
    e.status = match state_in(frame, as_of) {
        State::Upcoming => Status::Upcoming,
        _ => {
            let from = (to - TimeDelta::days(ONGOING_DAYS - 1)).max(frame.start);
            if done_in(p, sel, from, to) > 0 {
                Status::Ongoing
            } else {
                Status::NoReports
            }
        }
    };
    e
}

fn on_request(_p: &Pledge, frame: &Period, sel: Sel<'_>, as_of: NaiveDate) -> Eval {
    let state = state_in(frame, as_of);
    let in_frame =
        |e: &&LogEntry| !e.event && frame.start <= e.date && e.date <= as_of && sel.matches(e);
    let ours: Vec<&LogEntry> = sel.entries.iter().copied().filter(in_frame).collect();
    let (answered, waiting) = super::counts::answer_requests(&ours);
    let received = ours
        .iter()
        .filter(|e| e.request)
        .map(|e| e.count.min(10_000))
        .fold(0u32, u32::saturating_add);
    let oldest_open = waiting.first().copied();
    let r = Requests {
        received,
        answered,
        open: received.saturating_sub(answered),
        oldest_open,
    };
    let mut e = Eval::new(Status::Upcoming);
    e.required = Some(received);
    e.done = answered;
    e.window = Some((frame.start, frame.end));
    e.status = match state {
        State::Upcoming => Status::Upcoming,
        _ if received == 0 => Status::NothingDue,
        _ if r.open == 0 => Status::Met,
        State::Active => match oldest_open {
            Some(d) if (as_of - d).num_days() > ANSWER_DAYS => Status::Behind,
            _ => Status::OnTrack,
        },
        State::Ended if answered == 0 => Status::Missed,
        State::Ended => Status::PartlyMet,
    };
    e.requests = Some(r);
    e
}

/// An activity from its units or parts: only as good as they are together.
fn combine(state: State, subs: &[(Status, Option<u32>, u32, Option<Record>)]) -> Eval {
    let statuses: Vec<Status> = subs.iter().map(|s| s.0).collect();
    let mut e = Eval::new(aggregate(state, &statuses));
    let sum = |a: Option<u32>, b: Option<u32>| match (a, b) {
        (None, b) => b,
        (a, None) => a,
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
    };
    e.required = subs.iter().fold(None, |acc, s| sum(acc, s.1));
    e.done = subs.iter().map(|s| s.2).fold(0, u32::saturating_add);
    e.record = subs.iter().filter_map(|s| s.3).reduce(|a, b| Record {
        windows_met: a.windows_met + b.windows_met,
        windows_missed: a.windows_missed + b.windows_missed,
        windows_open: a.windows_open + b.windows_open,
        kept_on_slot_day: match (a.kept_on_slot_day, b.kept_on_slot_day) {
            (None, None) => None,
            (x, y) => Some(x.unwrap_or(0) + y.unwrap_or(0)),
        },
    });
    e
}
