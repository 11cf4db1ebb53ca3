//! The JSON shapes proposed for the contract: `indicators` per pledge, `verdict` per
//! activity and `verdicts` per pledge (see /work/scratch/issue13-design.md and the README).

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::model::outcome::{Cadence, Goal, VerdictEntry, When};
use crate::rules::indicator::IndicatorStatus;
use crate::rules::status::Status;
use crate::rules::verdict::{Agreement, agreement};

fn when_json(w: Option<When>) -> (Value, Value) {
    match w {
        Some(When::Date { date }) => (json!(date), Value::Null),
        Some(When::Year { year }) => (Value::Null, json!(year)),
        None => (Value::Null, Value::Null),
    }
}

/// One element of a pledge's `indicators`.
pub fn indicator(s: &IndicatorStatus) -> Value {
    let ind = s.indicator;
    let baseline = ind.baseline.map(|b| {
        let (date, year) = when_json(b.when);
        json!({"value": b.value, "date": date, "year": year})
    });
    let goal = ind.goal.map(|g| match g {
        Goal::Value { value } => json!({"kind": "value", "value": value}),
        Goal::BetterThanBaseline => json!({"kind": "better_than_baseline"}),
    });
    let cadence = ind.cadence.map(|c| match c {
        Cadence::Yearly => json!({"kind": "yearly"}),
        Cadence::EveryYears { years } => json!({"kind": "every_years", "years": years}),
        Cadence::AtEnd => json!({"kind": "at_end"}),
        Cadence::Once => json!({"kind": "once"}),
    });
    let measurements: Vec<Value> = s
        .measurements
        .iter()
        .map(|m| {
            json!({"date": m.date, "value": m.value, "source": m.source, "note": m.note,
                   "by": m.by, "fetched": m.fetched, "preliminary": m.preliminary,
                   "corrects": m.corrects})
        })
        .collect();
    let reference = s.reference.map(|r| {
        let (date, year) = when_json(r.when);
        json!({"kind": r.kind, "value": r.value, "date": date, "year": year})
    });
    json!({
        "id": ind.id, "name": ind.name, "source": ind.source, "series": ind.series,
        "unit": ind.unit,
        "direction": ind.direction, "baseline": baseline, "goal": goal, "cadence": cadence,
        "follows": ind.follows, "measurements": measurements,
        "latest": s.latest.map(|m| json!({"date": m.date, "value": m.value})),
        "reference": reference, "change": s.change, "tolerance": s.tolerance,
        "judgement": s.judgement, "goal_met": s.goal_met, "next_due": s.next_due,
        "measurement_status": s.due_state,
    })
}

/// An activity's `verdict`: its current verdict beside its computed status, or null.
pub fn verdict(v: Option<&VerdictEntry>, status: Status) -> Value {
    match v {
        None => Value::Null,
        Some(v) => {
            let a: Agreement = agreement(status, v.verdict);
            json!({"verdict": v.verdict, "reason": v.reason, "source": v.source, "date": v.date,
                   "by": v.by, "agreement": a})
        }
    }
}

/// A pledge's `verdicts`: whether every activity has one for the current follow-up.
pub fn verdicts(missing: &[&str], since: Option<NaiveDate>) -> Value {
    json!({"complete": missing.is_empty(), "missing": missing, "since": since})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;
    use crate::model::outcome::{Baseline, Direction, Indicator, Measurement, Verdict};
    use crate::rules::indicator::indicator_status;

    #[test]
    fn the_indicator_shape() {
        let ind = Indicator {
            id: "trygghet".into(),
            name: "Trygga i centrum".into(),
            source: "Kommunens enkät".into(),
            series: None,
            unit: Some("procent".into()),
            direction: Direction::Higher,
            baseline: Some(Baseline {
                value: 62.0,
                when: Some(When::Year { year: 2016 }),
            }),
            goal: Some(Goal::Value { value: 70.0 }),
            cadence: Some(Cadence::EveryYears { years: 2 }),
            tolerance: None,
            follows: vec!["fotpatrull".into()],
            span: 0..0,
        };
        let ms = [Measurement {
            indicator: "trygghet".into(),
            date: "2017-11-15".parse().unwrap(),
            value: 64.5,
            source: Some("https://example.org/enkat-2017".into()),
            note: None,
            by: Some("Anna".into()),
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        }];
        let p = Period {
            start: "2017-01-01".parse().unwrap(),
            end: "2018-12-31".parse().unwrap(),
            until_replaced: false,
            start_stated: true,
        };
        let s = indicator_status(&ind, &ms, &p, "2018-01-01".parse().unwrap());
        let want = r#"{"id":"trygghet","name":"Trygga i centrum","source":"Kommunens enkät","series":null,"unit":"procent","direction":"higher","baseline":{"value":62.0,"date":null,"year":2016},"goal":{"kind":"value","value":70.0},"cadence":{"kind":"every_years","years":2},"follows":["fotpatrull"],"measurements":[{"date":"2017-11-15","value":64.5,"source":"https://example.org/enkat-2017","note":null,"by":"Anna","fetched":null,"preliminary":false,"corrects":null}],"latest":{"date":"2017-11-15","value":64.5},"reference":{"kind":"baseline","value":62.0,"date":null,"year":2016},"change":2.5,"tolerance":0.62,"judgement":"improved","goal_met":false,"next_due":null,"measurement_status":"complete"}"#;
        assert_eq!(indicator(&s).to_string(), want);
    }

    #[test]
    fn the_verdict_shapes() {
        let v = VerdictEntry {
            activity: "fotpatrull".into(),
            verdict: Verdict::Kept,
            reason: "Två pass i veckan.".into(),
            source: None,
            date: "2019-02-12".parse().unwrap(),
            by: Some("Folkhälsorådet".into()),
            span: 0..0,
        };
        assert_eq!(
            verdict(Some(&v), Status::Missed).to_string(),
            r#"{"verdict":"kept","reason":"Två pass i veckan.","source":null,"date":"2019-02-12","by":"Folkhälsorådet","agreement":"disagree"}"#
        );
        assert_eq!(verdict(None, Status::Met), Value::Null);
        assert_eq!(
            verdicts(&["a"], Some("2019-01-01".parse().unwrap())).to_string(),
            r#"{"complete":false,"missing":["a"],"since":"2019-01-01"}"#
        );
    }
}
