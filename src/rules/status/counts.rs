//! Whether work dated a day counts toward any window of its activity: `done` refuses work
//! that would count toward none (before the activity's own `from`, after its `until`, in a
//! week whose slot falls on a holiday, an answer with no request waiting), as it refuses work
//! after the löfte's end, and `status` never counts it.

use chrono::NaiveDate;

use crate::model::schedule::{per_occurrence, weekly_slots};
use crate::model::{Activity, LogEntry, Occurrences, Pledge, Target};

/// Why work on a date counts toward no window of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoWindow {
    /// The activity's time frame begins later.
    BeforeFrame(NaiveDate),
    /// The activity's time frame ended earlier, inside the löfte's period.
    AfterFrame(NaiveDate),
    /// A weekly slot whose day that week is a holiday: the week has no slot.
    NoSlotThatWeek,
    /// An answer of an on-request activity, with no request waiting for it on that date.
    NoRequestWaiting,
    /// A target per occurrence: no occasion recorded by then is open on the date (its day
    /// plus its grace, before the next). `fixed`: the occasions are listed dates, so no
    /// later record can open one; else the occasion may not be recorded yet.
    NoOccasion { fixed: bool },
}

/// Why work (or a request, with `request`) recorded on `date` for `act` (or its part `part`,
/// its unit `unit`)
/// of `p` would count toward no window; None when it counts.
pub fn no_window(
    p: &Pledge,
    act: &Activity,
    part: Option<&Activity>,
    unit: Option<&str>,
    date: NaiveDate,
    request: bool,
) -> Option<NoWindow> {
    let mut frame = act.frame.within(&p.period_on(date));
    let judged = match part {
        Some(part) => {
            frame = part.frame.within(&frame);
            part
        }
        None => act,
    };
    if date < frame.start {
        return Some(NoWindow::BeforeFrame(frame.start));
    }
    if date > frame.end {
        return Some(NoWindow::AfterFrame(frame.end));
    }
    match &judged.target {
        Target::Weekly {
            weekday,
            except_holidays,
            ..
        } if !weekly_slots(&frame, *weekday, *except_holidays)
            .iter()
            .any(|w| w.start <= date && date <= w.end) =>
        {
            Some(NoWindow::NoSlotThatWeek)
        }
        Target::OnRequest if !request => {
            let ours: Vec<&LogEntry> = p
                .log
                .iter()
                .filter(|e| {
                    e.is_work()
                        && e.activity == act.id
                        && part.is_none_or(|x| e.part.as_deref() == Some(x.id.as_str()))
                        && (unit.is_none() || e.unit.as_deref() == unit)
                        && frame.start <= e.date
                        && e.date <= date
                })
                .collect();
            let (_, waiting) = answer_requests(&ours);
            waiting.is_empty().then_some(NoWindow::NoRequestWaiting)
        }
        Target::Each {
            count,
            of,
            grace_days,
        } => {
            let occ = occasions(p, of, date);
            let open = per_occurrence(&frame, *count, &occ, *grace_days)
                .iter()
                .any(|w| w.start <= date && date <= w.end);
            let fixed = matches!(of, Occurrences::Dates(_));
            (!open).then_some(NoWindow::NoOccasion { fixed })
        }
        _ => None,
    }
}

/// The occasions of a per-occurrence target recorded (or listed) up to `date`.
fn occasions(p: &Pledge, of: &Occurrences, date: NaiveDate) -> Vec<(NaiveDate, u32)> {
    let recorded = |event: bool, id: &str| -> Vec<(NaiveDate, u32)> {
        p.log
            .iter()
            .filter(|e| e.event == event && !e.request && e.activity == id && e.date <= date)
            .map(|e| (e.date, e.count))
            .collect()
    };
    match of {
        Occurrences::Dates(ds) => ds.iter().map(|d| (*d, 1)).collect(),
        Occurrences::Activity(id) => recorded(false, id),
        Occurrences::Event(id) => recorded(true, id),
    }
}

/// Requests and their answers in the order of their dates: an answer goes to the oldest
/// request waiting on its date (a request and an answer of one day: the request first), and
/// an answer with no request waiting answers none. Returns how many were answered and the
/// dates of those still waiting, oldest first.
pub(super) fn answer_requests(entries: &[&LogEntry]) -> (u32, Vec<NaiveDate>) {
    let mut sorted: Vec<&LogEntry> = entries.to_vec();
    sorted.sort_by_key(|e| (e.date, !e.request));
    let mut waiting = std::collections::VecDeque::new();
    let mut answered = 0u32;
    for e in sorted {
        if e.request {
            let n = usize::try_from(e.count).unwrap_or(usize::MAX).min(10_000);
            waiting.extend(std::iter::repeat_n(e.date, n));
        } else {
            let n = usize::try_from(e.count)
                .unwrap_or(usize::MAX)
                .min(waiting.len());
            waiting.drain(..n);
            answered = answered.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    (answered, waiting.into())
}
