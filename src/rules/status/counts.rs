//! Whether work dated a day counts toward any window of its activity: `done` refuses work
//! that would count toward none (before the activity's own `from`, after its `until`, in a
//! week whose slot falls on a holiday, an answer with no request waiting), as it refuses work
//! after the löfte's end, and `status` never counts it.

use chrono::NaiveDate;

use crate::model::schedule::{per_occurrence, weekly_slots};
use std::collections::HashMap;

use crate::load::diag::Diagnostic;
use crate::load::says::Says;
use crate::model::{Activity, LogEntry, Occurrences, Period, Pledge, Target};

pub use crate::model::schedule::NoWindow;

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
    let (frame, judged) = frame_on(p, act, part, date);
    if let Some(why) = outside(&frame, date) {
        return Some(why);
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

/// The time frame of `act` (or its part `part`) in the period of `p` on `date`, and the
/// activity judged (the part when given).
fn frame_on<'a>(
    p: &Pledge,
    act: &'a Activity,
    part: Option<&'a Activity>,
    date: NaiveDate,
) -> (Period, &'a Activity) {
    let frame = act.frame.within(&p.period_on(date));
    match part {
        Some(part) => (part.frame.within(&frame), part),
        None => (frame, act),
    }
}

/// Work on `date` before or after `frame`.
fn outside(frame: &Period, date: NaiveDate) -> Option<NoWindow> {
    if date < frame.start {
        Some(NoWindow::BeforeFrame(frame.start))
    } else if date > frame.end {
        Some(NoWindow::AfterFrame(frame.end))
    } else {
        None
    }
}

/// `validate`'s warnings for log entries of `p` that count toward no window of their
/// activity ([`no_window`]), each at its entry: work before the activity's (or part's) own
/// `from` or after its `until`, or in a week whose slot falls on a public holiday. Requests,
/// answers and work per occurrence are judged only for their frame here: whether an answer
/// found a request waiting, or work an occasion open, depends on the rest of the log, which
/// `status` and `done` read. Linear in the log (each entry's activity found by its id).
pub fn toward_no_window(p: &Pledge) -> Vec<Diagnostic> {
    let acts: HashMap<&str, &Activity> = p.activities.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut out = Vec::new();
    for e in p.log.iter().filter(|e| e.is_work()) {
        let Some(act) = acts.get(e.activity.as_str()) else {
            continue;
        };
        let part = match e.part.as_deref() {
            Some(id) => match act.parts.iter().find(|x| x.id == id) {
                Some(part) => Some(part),
                None => continue,
            },
            None => None,
        };
        let (frame, judged) = frame_on(p, act, part, e.date);
        let why = outside(&frame, e.date).or_else(|| match judged.target {
            Target::Weekly { .. } => no_window(p, act, part, e.unit.as_deref(), e.date, false),
            _ => None,
        });
        if let Some(why) = why {
            let says = Says::TowardNoWindow {
                activity: judged.id.clone(),
                date: e.date,
                why,
            };
            out.push(
                Diagnostic::warning(e.span.clone(), says).with_hint(Some(Says::TowardNoWindowHint)),
            );
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pledge(log: &str) -> Pledge {
        let text = format!(
            "title = \"T\"\nkommun = \"Kil\"\n[period]\nstart = 2017-01-01\nend = 2017-12-31\n\
             [problem]\ntext = \"P\"\n[[activity]]\nid = \"walk\"\ntext = \"W\"\n\
             owners = [\"polisen\"]\ntarget = {{ count = 2, per = \"period\" }}\n\
             from = 2017-05-01\nuntil = 2017-06-30\n[[activity]]\nid = \"visit\"\ntext = \"V\"\n\
             owners = [\"polisen\"]\ntarget = \"on-request\"\n{log}"
        );
        let loaded = crate::load::load("t.toml", &text, "2030-01-01".parse().unwrap());
        assert!(!loaded.has_errors(), "{:?}", loaded.diags);
        loaded.pledge.unwrap()
    }

    #[test]
    fn entries_outside_their_activity_s_frame_are_warned_at_their_entry() {
        let p = pledge(
            "[[log]]\ndate = 2017-04-30\nactivity = \"walk\"\n\
             [[log]]\ndate = 2017-05-01\nactivity = \"walk\"\n\
             [[log]]\ndate = 2017-07-01\nactivity = \"walk\"\n\
             [[log]]\ndate = 2017-02-01\nactivity = \"visit\"\n",
        );
        let found: Vec<(usize, Says)> = toward_no_window(&p)
            .into_iter()
            .map(|d| (d.span.unwrap().start, *d.message))
            .collect();
        let whys: Vec<&Says> = found.iter().map(|(_, s)| s).collect();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            whys,
            [
                &Says::TowardNoWindow {
                    activity: "walk".into(),
                    date: day("2017-04-30"),
                    why: NoWindow::BeforeFrame(day("2017-05-01")),
                },
                &Says::TowardNoWindow {
                    activity: "walk".into(),
                    date: day("2017-07-01"),
                    why: NoWindow::AfterFrame(day("2017-06-30")),
                },
            ]
        );
        // Each at its own entry, in the log's order.
        assert_eq!(found[0].0, p.log[0].span.start);
        assert_eq!(found[1].0, p.log[2].span.start);
    }
}
