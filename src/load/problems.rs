//! Validation rules for indicators, measurements and verdicts, as pure functions returning
//! typed problems. The loader attaches spans (via [`Problem::at`]) and turns them into
//! diagnostics ([`Says::Outcome`]); the view's word store says them.

use chrono::NaiveDate;

use crate::load::raw::keys::Name;
use crate::load::raw::{IndicatorKeys, MeasurementKeys, VerdictKeys};
use crate::model::Period;
use crate::model::outcome::{
    Cadence, Direction, Goal, Indicator, Measurement, VerdictEntry, before_due,
};
use crate::text::closest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: the n-th table of its kind in the file, and the key, named by the
/// table's key struct (`IndicatorKeys::goal`), so a key the table does not have does not
/// compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Indicator(usize, Name<IndicatorKeys<'static, 'static>>),
    Measurement(usize, Name<MeasurementKeys<'static, 'static>>),
    Verdict(usize, Name<VerdictKeys<'static, 'static>>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    DuplicateIndicator {
        id: String,
    },
    /// A goal value worse than the baseline for the indicator's direction.
    GoalWrongSide {
        goal: f64,
        baseline: f64,
        direction: Direction,
    },
    /// A value that is NaN or infinite (TOML allows `nan` and `inf`).
    NotFinite {
        value: f64,
    },
    /// A finite value outside the range a measurement can have ([`crate::text::sane`]).
    OutOfRange {
        value: f64,
    },
    NegativeTolerance {
        tolerance: f64,
    },
    /// `years = 0`.
    CadenceZero,
    /// `years = 1`: write `"yearly"`.
    CadenceOneYear,
    /// No measurement falls due within the period.
    CadenceLongerThanPeriod {
        years: u32,
    },
    /// `follows` names an activity the löfte does not have.
    UnknownActivity {
        id: String,
        /// The closest ids, for "did you mean".
        close: Vec<String>,
    },
    UnknownIndicator {
        id: String,
        close: Vec<String>,
    },
    /// A percentage outside 0–100.
    PercentOutOfRange {
        value: f64,
    },
    InFuture {
        date: NaiveDate,
    },
    VerdictBeforeDue {
        date: NaiveDate,
        due_from: NaiveDate,
    },
    EmptyReason,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: At,
    pub kind: Kind,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self.kind {
            Kind::CadenceLongerThanPeriod { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
    /// The table index and key the loader points at.
    pub fn at(&self) -> At {
        self.at
    }
}

/// Nothing a reader sees: only spaces and invisible characters (a zero-width space, a
/// byte-order mark), which a text is refused for as if empty. (A control character is shown,
/// escaped, wherever pledge prints the text.)
pub fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || crate::text::is_invisible(c))
}

fn hint(query: &str, candidates: &[&str]) -> Vec<String> {
    closest(query, candidates, 3)
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn is_percent(unit: Option<&str>) -> bool {
    matches!(
        unit.map(|u| u.trim().to_lowercase()).as_deref(),
        Some("%" | "percent" | "procent")
    )
}

/// Problems with the indicators themselves; `activities` are the löfte's activity ids.
pub fn check_indicators(inds: &[Indicator], activities: &[&str], period: &Period) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, ind) in inds.iter().enumerate() {
        let mut push = |key, kind| {
            out.push(Problem {
                at: At::Indicator(i, key),
                kind,
            })
        };
        if inds[..i].iter().any(|o| o.id == ind.id) {
            push(
                IndicatorKeys::id,
                Kind::DuplicateIndicator { id: ind.id.clone() },
            );
        }
        if let Some(b) = ind.baseline {
            check_value(b.value, ind, |k| push(IndicatorKeys::baseline, k));
        }
        match (ind.goal, ind.baseline) {
            (Some(Goal::Value { value }), _) if !value.is_finite() => {
                push(IndicatorKeys::goal, Kind::NotFinite { value })
            }
            (Some(Goal::Value { value }), _) if !crate::text::sane(value) => {
                push(IndicatorKeys::goal, Kind::OutOfRange { value })
            }
            (Some(Goal::Value { value }), Some(b))
                if b.value.is_finite() && ind.direction.better(b.value, value) =>
            {
                push(
                    IndicatorKeys::goal,
                    Kind::GoalWrongSide {
                        goal: value,
                        baseline: b.value,
                        direction: ind.direction,
                    },
                )
            }
            _ => {}
        }
        match ind.tolerance {
            Some(t) if !t.is_finite() => {
                push(IndicatorKeys::tolerance, Kind::NotFinite { value: t })
            }
            Some(t) if t < 0.0 => push(
                IndicatorKeys::tolerance,
                Kind::NegativeTolerance { tolerance: t },
            ),
            _ => {}
        }
        if let Some(kind) = ind.cadence.and_then(|c| cadence_problem(c, period)) {
            push(IndicatorKeys::cadence, kind);
        }
        for a in &ind.follows {
            if !activities.contains(&a.as_str()) {
                let h = hint(a, activities);
                push(
                    IndicatorKeys::follows,
                    Kind::UnknownActivity {
                        id: a.clone(),
                        close: h,
                    },
                );
            }
        }
    }
    out
}

/// A value that is not finite, or a percentage out of range.
fn check_value(value: f64, ind: &Indicator, mut push: impl FnMut(Kind)) {
    if !value.is_finite() {
        push(Kind::NotFinite { value });
    } else if !crate::text::sane(value) {
        push(Kind::OutOfRange { value });
    } else if is_percent(ind.unit.as_deref()) && !(0.0..=100.0).contains(&value) {
        push(Kind::PercentOutOfRange { value });
    }
}

fn cadence_problem(c: Cadence, period: &Period) -> Option<Kind> {
    match c {
        Cadence::EveryYears { years: 0 } => Some(Kind::CadenceZero),
        Cadence::EveryYears { years: 1 } => Some(Kind::CadenceOneYear),
        Cadence::EveryYears { years } => {
            let first = period
                .start
                .checked_add_months(chrono::Months::new(years.saturating_mul(12)))
                .and_then(|d| d.pred_opt());
            first
                .is_none_or(|d| d > period.end)
                .then_some(Kind::CadenceLongerThanPeriod { years })
        }
        _ => None,
    }
}

/// Problems with measurements: unknown indicator, value, date after `today`.
pub fn check_measurements(
    ms: &[Measurement],
    inds: &[Indicator],
    today: NaiveDate,
) -> Vec<Problem> {
    let ids: Vec<&str> = inds.iter().map(|i| i.id.as_str()).collect();
    let mut out = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let mut push = |key, kind| {
            out.push(Problem {
                at: At::Measurement(i, key),
                kind,
            })
        };
        match inds.iter().find(|ind| ind.id == m.indicator) {
            None => push(
                MeasurementKeys::indicator,
                Kind::UnknownIndicator {
                    id: m.indicator.clone(),
                    close: hint(&m.indicator, &ids),
                },
            ),
            Some(ind) => check_value(m.value, ind, |k| push(MeasurementKeys::value, k)),
        }
        if m.date > today {
            push(MeasurementKeys::date, Kind::InFuture { date: m.date });
        }
    }
    out
}

/// Problems with verdicts: unknown activity, before the follow-up's first due day
/// (`due_from`: for a yearly follow-up, the first year's, so earlier years' verdicts stay
/// valid; None for continuous or unscheduled follow-ups), after `today`, without a reason.
pub fn check_verdicts(
    vs: &[VerdictEntry],
    activities: &[&str],
    due_from: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, v) in vs.iter().enumerate() {
        let mut push = |key, kind| {
            out.push(Problem {
                at: At::Verdict(i, key),
                kind,
            })
        };
        if !activities.contains(&v.activity.as_str()) {
            let h = hint(&v.activity, activities);
            push(
                VerdictKeys::activity,
                Kind::UnknownActivity {
                    id: v.activity.clone(),
                    close: h,
                },
            );
        }
        if v.date > today {
            push(VerdictKeys::date, Kind::InFuture { date: v.date });
        } else if let Some(from) = due_from.filter(|f| before_due(v.date, Some(*f))) {
            push(
                VerdictKeys::date,
                Kind::VerdictBeforeDue {
                    date: v.date,
                    due_from: from,
                },
            );
        }
        if blank(&v.reason) {
            push(VerdictKeys::reason, Kind::EmptyReason);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outcome::{Baseline, Verdict, When};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn period() -> Period {
        Period {
            start: d("2017-01-01"),
            end: d("2018-12-31"),
            until_replaced: false,
            start_stated: true,
        }
    }

    fn ind(id: &str, direction: Direction, baseline: f64, goal: Option<Goal>) -> Indicator {
        Indicator {
            id: id.into(),
            name: "n".into(),
            source: "s".into(),
            series: None,
            unit: Some("procent".into()),
            direction,
            baseline: Some(Baseline {
                value: baseline,
                when: Some(When::Year { year: 2015 }),
            }),
            goal,
            cadence: Some(Cadence::EveryYears { years: 2 }),
            tolerance: None,
            follows: vec!["fotpatrull".into()],
            span: 0..0,
        }
    }

    fn kinds(ps: &[Problem]) -> Vec<(At, Kind)> {
        ps.iter().map(|p| (p.at, p.kind.clone())).collect()
    }

    #[test]
    fn good_indicators_have_no_problems() {
        let inds = [
            ind(
                "droger",
                Direction::Lower,
                12.0,
                Some(Goal::Value { value: 10.0 }),
            ),
            ind(
                "trygg",
                Direction::Higher,
                60.0,
                Some(Goal::BetterThanBaseline),
            ),
            ind(
                "lika",
                Direction::Higher,
                60.0,
                Some(Goal::Value { value: 60.0 }),
            ),
        ];
        assert_eq!(check_indicators(&inds, &["fotpatrull"], &period()), []);
    }

    #[test]
    fn a_goal_on_the_wrong_side_of_the_baseline() {
        let inds = [
            ind(
                "a",
                Direction::Lower,
                12.0,
                Some(Goal::Value { value: 14.0 }),
            ),
            ind(
                "b",
                Direction::Higher,
                60.0,
                Some(Goal::Value { value: 50.0 }),
            ),
        ];
        let ps = check_indicators(&inds, &["fotpatrull"], &period());
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].at, At::Indicator(0, IndicatorKeys::goal));
        assert_eq!(
            ps[0].kind,
            Kind::GoalWrongSide {
                goal: 14.0,
                baseline: 12.0,
                direction: Direction::Lower
            }
        );
        assert_eq!(ps[1].at, At::Indicator(1, IndicatorKeys::goal));
    }

    #[test]
    fn values_that_are_not_numbers_and_cadence_nonsense() {
        let mut a = ind(
            "a",
            Direction::Lower,
            f64::NAN,
            Some(Goal::Value {
                value: f64::INFINITY,
            }),
        );
        a.tolerance = Some(-1.0);
        a.cadence = Some(Cadence::EveryYears { years: 0 });
        let mut b = ind("a", Direction::Lower, 120.0, None);
        b.cadence = Some(Cadence::EveryYears { years: 1 });
        b.follows = vec!["fotpatrul".into()];
        let mut c = ind("c", Direction::Lower, 5.0, None);
        c.cadence = Some(Cadence::EveryYears { years: 3 });
        let ps = check_indicators(&[a, b, c], &["fotpatrull", "annat"], &period());
        let got = kinds(&ps);
        assert_eq!(got[0].0, At::Indicator(0, IndicatorKeys::baseline));
        assert!(matches!(got[0].1, Kind::NotFinite { value } if value.is_nan()));
        assert_eq!(
            got[1],
            (
                At::Indicator(0, IndicatorKeys::goal),
                Kind::NotFinite {
                    value: f64::INFINITY
                }
            )
        );
        assert_eq!(
            got[2],
            (
                At::Indicator(0, IndicatorKeys::tolerance),
                Kind::NegativeTolerance { tolerance: -1.0 }
            )
        );
        assert_eq!(
            got[3],
            (At::Indicator(0, IndicatorKeys::cadence), Kind::CadenceZero)
        );
        assert_eq!(
            got[4],
            (
                At::Indicator(1, IndicatorKeys::id),
                Kind::DuplicateIndicator { id: "a".into() }
            )
        );
        assert_eq!(
            got[5],
            (
                At::Indicator(1, IndicatorKeys::baseline),
                Kind::PercentOutOfRange { value: 120.0 }
            )
        );
        assert_eq!(
            got[6],
            (
                At::Indicator(1, IndicatorKeys::cadence),
                Kind::CadenceOneYear
            )
        );
        assert!(
            matches!(&ps[7].kind, Kind::UnknownActivity { close, .. } if close == &["fotpatrull"]),
            "{:?}",
            ps[7]
        );
        assert_eq!(
            got[8],
            (
                At::Indicator(2, IndicatorKeys::cadence),
                Kind::CadenceLongerThanPeriod { years: 3 }
            )
        );
        assert_eq!(ps[8].severity(), Severity::Warning);
        assert_eq!(ps.len(), 9);
    }

    #[test]
    fn measurements_for_unknown_indicators_bad_values_and_future_dates() {
        let inds = [ind("droger", Direction::Lower, 12.0, None)];
        let m = |id: &str, date: &str, value: f64| Measurement {
            indicator: id.into(),
            date: d(date),
            value,
            source: None,
            note: None,
            by: None,
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        };
        let ms = [
            m("droger", "2017-05-01", 11.0),
            m("drogr", "2017-05-01", 11.0),
            m("droger", "2017-05-01", f64::INFINITY),
            m("droger", "2030-01-01", 101.0),
        ];
        let ps = check_measurements(&ms, &inds, d("2020-01-01"));
        let got = kinds(&ps);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].0, At::Measurement(1, MeasurementKeys::indicator));
        assert_eq!(
            ps[0].kind,
            Kind::UnknownIndicator {
                id: "drogr".into(),
                close: vec!["droger".into()]
            }
        );
        assert_eq!(
            got[1],
            (
                At::Measurement(2, MeasurementKeys::value),
                Kind::NotFinite {
                    value: f64::INFINITY
                }
            )
        );
        assert_eq!(
            got[2],
            (
                At::Measurement(3, MeasurementKeys::value),
                Kind::PercentOutOfRange { value: 101.0 }
            )
        );
        assert_eq!(
            got[3],
            (
                At::Measurement(3, MeasurementKeys::date),
                Kind::InFuture {
                    date: d("2030-01-01")
                }
            )
        );
    }

    #[test]
    fn verdicts_for_unknown_activities_before_the_due_day_or_without_reason() {
        let v = |a: &str, date: &str, reason: &str| VerdictEntry {
            activity: a.into(),
            verdict: Verdict::Kept,
            reason: reason.into(),
            source: None,
            date: d(date),
            by: None,
            span: 0..0,
        };
        let vs = [
            v("fotpatrull", "2019-01-10", "ok"),
            v("fotpatrul", "2019-01-10", "ok"),
            v("fotpatrull", "2018-11-30", "ok"),
            v("fotpatrull", "2019-01-10", "  "),
            v("fotpatrull", "2030-01-10", "ok"),
        ];
        let ps = check_verdicts(&vs, &["fotpatrull"], Some(d("2018-12-01")), d("2020-01-01"));
        let got = kinds(&ps);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].0, At::Verdict(1, VerdictKeys::activity));
        assert_eq!(
            got[1],
            (
                At::Verdict(2, VerdictKeys::date),
                Kind::VerdictBeforeDue {
                    date: d("2018-11-30"),
                    due_from: d("2018-12-01")
                }
            )
        );
        assert_eq!(
            got[2],
            (At::Verdict(3, VerdictKeys::reason), Kind::EmptyReason)
        );
        assert_eq!(
            got[3],
            (
                At::Verdict(4, VerdictKeys::date),
                Kind::InFuture {
                    date: d("2030-01-10")
                }
            )
        );
    }
}
