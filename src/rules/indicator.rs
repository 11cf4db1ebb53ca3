//! The judgement of an indicator on a date: latest value, change, direction, goal, next due.
//!
//! The rules (also in the README):
//! - the **reference** of an indicator is its baseline; without one, its first measurement;
//! - **change** is latest − reference, signed, in the indicator's unit;
//! - the **judgement** is *unchanged* when |change| ≤ the tolerance, else *improved* or
//!   *worsened* by the indicator's direction. The tolerance is the indicator's `tolerance` (in
//!   its unit) when given, else 1 % of |reference| ([`RELATIVE_TOLERANCE`]);
//! - a **goal** value is met when the latest value is at least as good as it (≤ for `lower`,
//!   ≥ for `higher`); the goal "better than baseline" is met when the judgement is *improved*;
//! - the **next measurement** falls due by the cadence, counted from the last measurement
//!   (else the baseline's date, a baseline year counting as its 31 December, else the period's
//!   start), within the löfte's period; it is **overdue** [`GRACE_DAYS`] after that day
//!   (survey results take time to publish).

use chrono::{Months, NaiveDate, TimeDelta};
use serde::Serialize;

use crate::model::Period;
use crate::model::outcome::{Cadence, Goal, Indicator, Measurement, When};

/// Without an indicator's own `tolerance`, a change within this share of |reference| counts
/// as unchanged (1 %, inclusive).
pub const RELATIVE_TOLERANCE: f64 = 0.01;
/// How many days before its due day a measurement counts as due.
pub const DUE_DAYS: i64 = 30;
/// How many days after its due day a missing measurement counts as overdue.
pub const GRACE_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    Improved,
    Unchanged,
    Worsened,
}

impl Judgement {
    pub fn name(self) -> &'static str {
        match self {
            Judgement::Improved => "improved",
            Judgement::Unchanged => "unchanged",
            Judgement::Worsened => "worsened",
        }
    }
}

/// What the latest value is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    pub value: f64,
    pub when: Option<When>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    Baseline,
    /// No baseline is given: the first measurement stands in for it.
    FirstMeasurement,
}

/// Where the next measurement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    /// Its due day is more than [`DUE_DAYS`] away.
    Scheduled,
    /// Within [`DUE_DAYS`] before its due day, or up to [`GRACE_DAYS`] after it.
    Due,
    /// More than [`GRACE_DAYS`] after its due day, not recorded.
    Overdue,
    /// Nothing more falls due within the period.
    Complete,
    /// The indicator has no cadence.
    Unscheduled,
}

impl DueState {
    pub fn name(self) -> &'static str {
        match self {
            DueState::Scheduled => "scheduled",
            DueState::Due => "due",
            DueState::Overdue => "overdue",
            DueState::Complete => "complete",
            DueState::Unscheduled => "unscheduled",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorStatus<'a> {
    #[serde(skip)]
    pub indicator: &'a Indicator,
    /// Its measurements up to the as-of date, oldest first (file order within a day).
    pub measurements: Vec<&'a Measurement>,
    pub latest: Option<&'a Measurement>,
    pub reference: Option<Reference>,
    /// latest − reference, in the unit; None without both (or when the latest is the first
    /// measurement standing in as reference).
    pub change: Option<f64>,
    /// The tolerance used (in the unit).
    pub tolerance: Option<f64>,
    pub judgement: Option<Judgement>,
    /// None without a goal, or when it cannot be judged yet.
    pub goal_met: Option<bool>,
    pub next_due: Option<NaiveDate>,
    pub due_state: DueState,
}

/// The indicator's status on `as_of`, from all of the löfte's measurements (those of other
/// indicators and those after `as_of` are left out).
pub fn indicator_status<'a>(
    ind: &'a Indicator,
    all: &'a [Measurement],
    period: &Period,
    as_of: NaiveDate,
) -> IndicatorStatus<'a> {
    let mine: Vec<&Measurement> = all
        .iter()
        .filter(|m| m.indicator == ind.id && m.date <= as_of)
        .collect();
    let mut ms: Vec<&Measurement> = mine
        .iter()
        .enumerate()
        .filter(|(i, m)| !superseded(&mine, *i, m))
        .map(|(_, m)| *m)
        .collect();
    ms.sort_by_key(|m| m.date); // stable: file order within a day
    let latest = ms.last().copied();
    let reference = match (ind.baseline, ms.first()) {
        (Some(b), _) => Some(Reference {
            kind: ReferenceKind::Baseline,
            value: b.value,
            when: b.when,
        }),
        (None, Some(m)) => Some(Reference {
            kind: ReferenceKind::FirstMeasurement,
            value: m.value,
            when: Some(When::Date { date: m.date }),
        }),
        (None, None) => None,
    };
    let compared = match reference.map(|r| r.kind) {
        Some(ReferenceKind::FirstMeasurement) if ms.len() < 2 => None,
        _ => latest.zip(reference),
    };
    let tolerance = reference.map(|r| tolerance_of(ind, r.value));
    let judgement = compared.map(|(l, r)| judge_change(ind, r.value, l.value));
    let goal_met = match (ind.goal, latest, judgement) {
        (Some(Goal::Value { value }), Some(l), _) => Some(!ind.direction.better(value, l.value)),
        (Some(Goal::BetterThanBaseline), _, Some(j)) => Some(j == Judgement::Improved),
        _ => None,
    };
    let (next_due, due_state) = next_due(ind, &ms, period, as_of);
    IndicatorStatus {
        indicator: ind,
        latest,
        reference,
        change: compared.map(|(l, r)| l.value - r.value),
        tolerance,
        judgement,
        goal_met,
        next_due,
        due_state,
        measurements: ms,
    }
}

/// Whether a later entry (in file order) of the same year corrects this one (`corrects` =
/// its value): a changed published value replaces the one it corrects.
fn superseded(ms: &[&Measurement], i: usize, m: &Measurement) -> bool {
    use chrono::Datelike;
    ms[i + 1..]
        .iter()
        .any(|later| later.date.year() == m.date.year() && later.corrects == Some(m.value))
}

/// The years a löfte's indicator values are read for (see [`years`]), up to `last`.
pub fn years_for(p: &crate::model::Pledge, ind: &Indicator, last: i32) -> Vec<i32> {
    use chrono::Datelike;
    let baseline = ind.baseline.and_then(|b| b.when).map(|w| match w {
        When::Date { date } => date.year(),
        When::Year { year } => year,
    });
    crate::model::series::years(baseline, p.period.start.year(), p.period.end.year(), last)
}

/// The tolerance for a reference value: the indicator's own, else 1 % of |reference|.
fn tolerance_of(ind: &Indicator, reference: f64) -> f64 {
    ind.tolerance
        .unwrap_or(RELATIVE_TOLERANCE * reference.abs())
}

/// Improved, unchanged or worsened, going from `reference` to `latest`.
pub fn judge_change(ind: &Indicator, reference: f64, latest: f64) -> Judgement {
    let tol = tolerance_of(ind, reference);
    // A hair of slack so that a change of exactly the tolerance survives float rounding
    // (3.1 → 3.131 is 1 %).
    let slack = 1e-9 * (1.0 + reference.abs().max(latest.abs()));
    if (latest - reference).abs() <= tol + slack {
        Judgement::Unchanged
    } else if ind.direction.better(latest, reference) {
        Judgement::Improved
    } else {
        Judgement::Worsened
    }
}

/// The next measurement's due day and state on `as_of`; `ms` are the indicator's
/// measurements up to `as_of`, oldest first.
pub fn next_due(
    ind: &Indicator,
    ms: &[&Measurement],
    period: &Period,
    as_of: NaiveDate,
) -> (Option<NaiveDate>, DueState) {
    let Some(cadence) = ind.cadence else {
        return (None, DueState::Unscheduled);
    };
    let due = match cadence {
        Cadence::Yearly | Cadence::EveryYears { .. } => {
            let Some(months) = cadence.months().filter(|m| *m > 0) else {
                return (None, DueState::Complete);
            };
            let step = Months::new(months);
            let anchor = ms
                .last()
                .map(|m| m.date)
                .or_else(|| ind.baseline.and_then(|b| b.when).and_then(When::day));
            periodic_due(anchor, step, period)
        }
        Cadence::AtEnd => {
            let from = period
                .end
                .checked_sub_months(Months::new(12))
                .map_or(period.start, |d| (d + TimeDelta::days(1)).max(period.start));
            (!ms.iter().any(|m| m.date >= from)).then_some(period.end)
        }
        Cadence::Once => (!ms.iter().any(|m| m.date >= period.start)).then_some(period.end),
    };
    let Some(due) = due else {
        return (None, DueState::Complete);
    };
    let state = if as_of > due + TimeDelta::days(GRACE_DAYS) {
        DueState::Overdue
    } else if as_of >= due - TimeDelta::days(DUE_DAYS) {
        DueState::Due
    } else {
        DueState::Scheduled
    };
    (Some(due), state)
}

/// The first due day `step` after `anchor` that is not before the period's start (without
/// an anchor: the end of the period's first `step`), or None after the period.
fn periodic_due(anchor: Option<NaiveDate>, step: Months, period: &Period) -> Option<NaiveDate> {
    let mut due = match anchor {
        Some(a) => a.checked_add_months(step)?,
        None => period.start.checked_add_months(step)? - TimeDelta::days(1),
    };
    while due < period.start {
        due = due.checked_add_months(step)?;
    }
    (due <= period.end).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outcome::{Baseline, Direction};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn period(start: &str, end: &str) -> Period {
        Period {
            start: d(start),
            end: d(end),
            until_replaced: false,
            start_stated: true,
        }
    }

    pub(crate) fn ind(direction: Direction) -> Indicator {
        Indicator {
            id: "trygghet".into(),
            name: "Upplevd trygghet".into(),
            source: "Polisens trygghetsmätning".into(),
            series: None,
            unit: Some("index".into()),
            direction,
            baseline: Some(Baseline {
                value: 100.0,
                when: Some(When::Year { year: 2016 }),
            }),
            goal: None,
            cadence: Some(Cadence::Yearly),
            tolerance: None,
            follows: vec![],
            span: 0..0,
        }
    }

    fn m(date: &str, value: f64) -> Measurement {
        Measurement {
            indicator: "trygghet".into(),
            date: d(date),
            value,
            source: None,
            note: None,
            by: None,
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        }
    }

    #[test]
    fn direction_decides_improved_or_worsened() {
        let lower = ind(Direction::Lower);
        let higher = ind(Direction::Higher);
        assert_eq!(judge_change(&lower, 100.0, 90.0), Judgement::Improved);
        assert_eq!(judge_change(&lower, 100.0, 110.0), Judgement::Worsened);
        assert_eq!(judge_change(&higher, 100.0, 90.0), Judgement::Worsened);
        assert_eq!(judge_change(&higher, 100.0, 110.0), Judgement::Improved);
    }

    #[test]
    fn within_one_percent_is_unchanged_inclusive() {
        let i = ind(Direction::Higher);
        assert_eq!(judge_change(&i, 100.0, 101.0), Judgement::Unchanged);
        assert_eq!(judge_change(&i, 100.0, 99.0), Judgement::Unchanged);
        assert_eq!(judge_change(&i, 100.0, 101.01), Judgement::Improved);
        assert_eq!(judge_change(&i, 3.1, 3.131), Judgement::Unchanged);
        assert_eq!(judge_change(&i, 3.1, 3.135), Judgement::Improved);
        assert_eq!(judge_change(&i, -50.0, -50.5), Judgement::Unchanged);
        // A zero reference has zero tolerance: any change counts.
        assert_eq!(judge_change(&i, 0.0, 0.001), Judgement::Improved);
        assert_eq!(judge_change(&i, 0.0, 0.0), Judgement::Unchanged);
    }

    proptest::proptest! {
        /// Unchanged does not depend on the direction; otherwise the two directions judge
        /// the same change oppositely.
        #[test]
        fn the_directions_mirror_each_other(r in -1e6f64..1e6, l in -1e6f64..1e6) {
            let lower = judge_change(&ind(Direction::Lower), r, l);
            let higher = judge_change(&ind(Direction::Higher), r, l);
            let mirrored = match lower {
                Judgement::Improved => Judgement::Worsened,
                Judgement::Worsened => Judgement::Improved,
                Judgement::Unchanged => Judgement::Unchanged,
            };
            proptest::prop_assert_eq!(higher, mirrored);
            proptest::prop_assert_eq!(
                lower == Judgement::Unchanged,
                (l - r).abs() <= 0.01 * r.abs() + 1e-9 * (1.0 + r.abs().max(l.abs()))
            );
        }
    }

    #[test]
    fn an_own_tolerance_replaces_the_relative_one() {
        let i = Indicator {
            tolerance: Some(5.0),
            ..ind(Direction::Lower)
        };
        assert_eq!(judge_change(&i, 100.0, 95.0), Judgement::Unchanged);
        assert_eq!(judge_change(&i, 100.0, 94.9), Judgement::Improved);
        let exact = Indicator {
            tolerance: Some(0.0),
            ..ind(Direction::Lower)
        };
        assert_eq!(judge_change(&exact, 100.0, 100.5), Judgement::Worsened);
    }

    #[test]
    fn status_compares_latest_with_baseline_and_goal() {
        let i = Indicator {
            goal: Some(Goal::Value { value: 90.0 }),
            ..ind(Direction::Lower)
        };
        let ms = [
            m("2017-11-01", 95.0),
            m("2017-03-01", 99.0),
            m("2018-11-01", 89.0),
        ];
        let p = period("2017-01-01", "2018-12-31");
        let s = indicator_status(&i, &ms, &p, d("2018-01-01"));
        assert_eq!(s.measurements.len(), 2);
        assert_eq!(s.latest.unwrap().value, 95.0);
        assert_eq!(s.reference.unwrap().kind, ReferenceKind::Baseline);
        assert_eq!(s.change, Some(-5.0));
        assert_eq!(s.judgement, Some(Judgement::Improved));
        assert_eq!(s.goal_met, Some(false));
        assert_eq!(s.tolerance, Some(1.0));
        let s = indicator_status(&i, &ms, &p, d("2018-12-01"));
        assert_eq!(s.goal_met, Some(true));
        // Exactly the goal counts as met.
        let ms = [m("2017-11-01", 90.0)];
        assert_eq!(
            indicator_status(&i, &ms, &p, d("2018-01-01")).goal_met,
            Some(true)
        );
    }

    #[test]
    fn better_than_baseline_needs_an_improvement_beyond_the_tolerance() {
        let i = Indicator {
            goal: Some(Goal::BetterThanBaseline),
            ..ind(Direction::Higher)
        };
        let p = period("2017-01-01", "2018-12-31");
        let at = d("2018-12-31");
        let s = |v: f64| indicator_status(&i, &[m("2017-10-01", v)], &p, at).goal_met;
        assert_eq!(s(100.5), Some(false));
        assert_eq!(s(102.0), Some(true));
        assert_eq!(s(90.0), Some(false));
        assert_eq!(indicator_status(&i, &[], &p, at).goal_met, None);
    }

    #[test]
    fn without_baseline_the_first_measurement_is_the_reference() {
        let i = Indicator {
            baseline: None,
            goal: Some(Goal::BetterThanBaseline),
            ..ind(Direction::Higher)
        };
        let p = period("2017-01-01", "2018-12-31");
        let one = [m("2017-06-01", 60.0)];
        let s = indicator_status(&i, &one, &p, d("2018-01-01"));
        assert_eq!(s.reference.unwrap().kind, ReferenceKind::FirstMeasurement);
        assert_eq!((s.change, s.judgement, s.goal_met), (None, None, None));
        let two = [m("2017-06-01", 60.0), m("2018-06-01", 66.0)];
        let s = indicator_status(&i, &two, &p, d("2018-07-01"));
        assert_eq!(s.change, Some(6.0));
        assert_eq!(s.judgement, Some(Judgement::Improved));
        assert_eq!(s.goal_met, Some(true));
        let none = indicator_status(&i, &[], &p, d("2018-07-01"));
        assert_eq!((none.reference, none.latest.is_none()), (None, true));
    }

    #[test]
    fn other_indicators_and_later_measurements_are_left_out() {
        let i = ind(Direction::Higher);
        let mut other = m("2017-05-01", 1.0);
        other.indicator = "annat".into();
        let ms = [other, m("2017-05-01", 120.0), m("2019-01-01", 50.0)];
        let p = period("2017-01-01", "2018-12-31");
        let s = indicator_status(&i, &ms, &p, d("2018-06-01"));
        assert_eq!(s.measurements.len(), 1);
        assert_eq!(s.latest.unwrap().value, 120.0);
    }

    #[test]
    fn yearly_falls_due_a_year_after_the_last_measurement() {
        let i = ind(Direction::Higher); // baseline year 2016 → 2016-12-31
        let p = period("2017-01-01", "2018-12-31");
        let due = |ms: &[Measurement], at: &str| {
            let s = indicator_status(&i, ms, &p, d(at));
            (s.next_due, s.due_state)
        };
        assert_eq!(
            due(&[], "2017-03-01"),
            (Some(d("2017-12-31")), DueState::Scheduled)
        );
        assert_eq!(
            due(&[], "2017-12-15"),
            (Some(d("2017-12-31")), DueState::Due)
        );
        assert_eq!(
            due(&[], "2018-03-31"),
            (Some(d("2017-12-31")), DueState::Due)
        );
        assert_eq!(
            due(&[], "2018-04-01"),
            (Some(d("2017-12-31")), DueState::Overdue)
        );
        let ms = [m("2017-11-15", 101.0)];
        assert_eq!(
            due(&ms, "2018-01-10"),
            (Some(d("2018-11-15")), DueState::Scheduled)
        );
        let ms = [m("2017-11-15", 101.0), m("2018-11-20", 101.0)];
        assert_eq!(due(&ms, "2018-12-01"), (None, DueState::Complete));
    }

    #[test]
    fn every_second_year_steps_from_an_old_baseline_into_the_period() {
        let i = Indicator {
            baseline: Some(Baseline {
                value: 12.0,
                when: Some(When::Date {
                    date: d("2013-03-15"),
                }),
            }),
            cadence: Some(Cadence::EveryYears { years: 2 }),
            ..ind(Direction::Lower)
        };
        let p = period("2017-01-01", "2018-12-31");
        let s = indicator_status(&i, &[], &p, d("2017-01-10"));
        assert_eq!(s.next_due, Some(d("2017-03-15")));
        // No anchor at all: the end of the period's first two years.
        let bare = Indicator {
            baseline: None,
            ..i.clone()
        };
        let s = indicator_status(&bare, &[], &p, d("2017-01-10"));
        assert_eq!(s.next_due, Some(d("2018-12-31")));
        // A cadence longer than the period: nothing falls due.
        let long = Indicator {
            cadence: Some(Cadence::EveryYears { years: 3 }),
            ..bare
        };
        let s = indicator_status(&long, &[], &p, d("2017-01-10"));
        assert_eq!((s.next_due, s.due_state), (None, DueState::Complete));
        // Nonsense that validate refuses still gives an answer.
        for years in [0, u32::MAX] {
            let odd = Indicator {
                cadence: Some(Cadence::EveryYears { years }),
                ..long.clone()
            };
            let s = indicator_status(&odd, &[], &p, d("2017-01-10"));
            assert_eq!((s.next_due, s.due_state), (None, DueState::Complete));
        }
    }

    #[test]
    fn at_end_and_once() {
        let p = period("2017-01-01", "2018-12-31");
        let at_end = Indicator {
            cadence: Some(Cadence::AtEnd),
            ..ind(Direction::Higher)
        };
        let early = [m("2017-06-01", 1.0)];
        let late = [m("2018-01-01", 1.0)];
        let s = indicator_status(&at_end, &early, &p, d("2018-06-01"));
        assert_eq!(s.next_due, Some(d("2018-12-31")));
        let s = indicator_status(&at_end, &late, &p, d("2018-06-01"));
        assert_eq!(s.due_state, DueState::Complete);
        let s = indicator_status(&at_end, &[], &p, d("2019-04-01"));
        assert_eq!(s.due_state, DueState::Overdue);
        let once = Indicator {
            cadence: Some(Cadence::Once),
            ..at_end
        };
        let s = indicator_status(&once, &early, &p, d("2018-06-01"));
        assert_eq!(s.due_state, DueState::Complete);
        let no_cadence = Indicator {
            cadence: None,
            ..once
        };
        let s = indicator_status(&no_cadence, &[], &p, d("2018-06-01"));
        assert_eq!((s.next_due, s.due_state), (None, DueState::Unscheduled));
    }
}
