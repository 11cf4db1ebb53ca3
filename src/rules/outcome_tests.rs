//! The demo löfte in examples/indicators/ read with a test-only reader of the proposed
//! tables (the real loader comes when the lead wires it): it has no problems, and its
//! judgements, verdicts and agreements are the ones the design describes.

use chrono::NaiveDate;
use toml::{Table, Value};

use super::indicator::*;
use super::verdict::{Agreement, agreement, current, missing};
use crate::load::problems::{check_indicators, check_measurements, check_verdicts};
use crate::model::Period;
use crate::model::outcome::*;
use crate::rules::status::{Status, pledge_status};

const DEMO: &str = include_str!("../../examples/indicators/hagfors-2017-2018.toml");

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn date(v: &Value) -> NaiveDate {
    v.as_datetime().unwrap().to_string().parse().unwrap()
}

fn num(v: &Value) -> f64 {
    v.as_float()
        .or_else(|| v.as_integer().map(|i| i as f64))
        .unwrap()
}

fn opt(t: &Table, k: &str) -> Option<String> {
    t.get(k).and_then(Value::as_str).map(str::to_string)
}

fn tables<'a>(root: &'a Table, k: &str) -> impl Iterator<Item = &'a Table> {
    root[k]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_table().unwrap())
}

fn indicator(t: &Table) -> Indicator {
    let baseline = t
        .get("baseline")
        .and_then(Value::as_table)
        .map(|b| Baseline {
            value: num(&b["value"]),
            when: match (b.get("date"), b.get("year")) {
                (Some(dv), _) => Some(When::Date { date: date(dv) }),
                (_, Some(y)) => Some(When::Year {
                    year: y.as_integer().unwrap() as i32,
                }),
                _ => None,
            },
        });
    let goal = t.get("goal").map(|g| match g.as_str() {
        Some("better-than-baseline") => Goal::BetterThanBaseline,
        _ => Goal::Value { value: num(g) },
    });
    let cadence = t.get("cadence").map(|c| match c.as_str() {
        Some("yearly") => Cadence::Yearly,
        Some("at-end") => Cadence::AtEnd,
        Some("once") => Cadence::Once,
        _ => Cadence::EveryYears {
            years: c["years"].as_integer().unwrap() as u32,
        },
    });
    Indicator {
        id: opt(t, "id").unwrap(),
        name: opt(t, "name").unwrap(),
        source: opt(t, "source").unwrap(),
        series: None,
        unit: opt(t, "unit"),
        direction: Direction::parse(t["direction"].as_str().unwrap()).unwrap(),
        baseline,
        goal,
        cadence,
        tolerance: t.get("tolerance").map(num),
        follows: t.get("follows").map_or(vec![], |f| {
            f.as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        }),
        span: 0..0,
    }
}

/// The file without the tables the current loader does not know.
fn without_new_tables(text: &str) -> String {
    let mut skip = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with('[') {
            skip = ["[[indicator]]", "[[measurement]]", "[[verdict]]"].contains(&line.trim());
        }
        if !skip {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The demo's indicators, measurements and verdicts, by the test-only reader.
fn demo_tables() -> (Vec<Indicator>, Vec<Measurement>, Vec<VerdictEntry>) {
    let root: Table = toml::from_str(DEMO).unwrap();
    let inds: Vec<Indicator> = tables(&root, "indicator").map(indicator).collect();
    let ms: Vec<Measurement> = tables(&root, "measurement")
        .map(|t| Measurement {
            indicator: opt(t, "indicator").unwrap(),
            date: date(&t["date"]),
            value: num(&t["value"]),
            source: opt(t, "source"),
            note: opt(t, "note"),
            by: opt(t, "by"),
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        })
        .collect();
    let vs: Vec<VerdictEntry> = tables(&root, "verdict")
        .map(|t| VerdictEntry {
            activity: opt(t, "activity").unwrap(),
            verdict: Verdict::parse(t["verdict"].as_str().unwrap()).unwrap(),
            reason: opt(t, "reason").unwrap(),
            source: opt(t, "source"),
            date: date(&t["date"]),
            by: opt(t, "by"),
            span: 0..0,
        })
        .collect();
    (inds, ms, vs)
}

#[test]
fn the_loader_reads_the_demo_tables_as_the_test_reader_does() {
    let (inds, ms, vs) = demo_tables();
    let today = d("2019-03-01");
    // The real loader reads the tables into the same values (spans aside).
    let full = crate::load::load("hagfors.toml", DEMO, today)
        .pledge
        .expect("the demo loads");
    let unspanned = |mut i: Indicator| {
        i.span = 0..0;
        i
    };
    assert_eq!(
        full.indicators
            .into_iter()
            .map(unspanned)
            .collect::<Vec<_>>(),
        inds
    );
    let ms_loaded: Vec<Measurement> = full
        .measurements
        .into_iter()
        .map(|mut m| {
            m.span = 0..0;
            m
        })
        .collect();
    assert_eq!(ms_loaded, ms);
    let vs_loaded: Vec<VerdictEntry> = full
        .verdicts
        .into_iter()
        .map(|mut v| {
            v.span = 0..0;
            v
        })
        .collect();
    assert_eq!(vs_loaded, vs);
}

#[test]
fn the_demo_lofte_judges_and_compares() {
    let (inds, ms, vs) = demo_tables();
    let today = d("2019-03-01");
    let loaded = crate::load::load("hagfors.toml", &without_new_tables(DEMO), today);
    let p = loaded
        .pledge
        .unwrap_or_else(|| panic!("{:?}", loaded.diags));
    let period: Period = p.period;
    let ids: Vec<&str> = p.activities.iter().map(|a| a.id.as_str()).collect();
    let st = pledge_status(&p, today);
    let due_from = st.followup.due_from;
    assert_eq!(due_from, Some(d("2019-01-01")));

    assert_eq!(check_indicators(&inds, &ids, &period), []);
    assert_eq!(check_measurements(&ms, &inds, today), []);
    assert_eq!(check_verdicts(&vs, &ids, due_from, today), []);

    let judged: Vec<_> = inds
        .iter()
        .map(|i| {
            let s = indicator_status(i, &ms, &period, today);
            (
                i.id.as_str(),
                s.latest.map(|m| m.value),
                s.judgement,
                s.goal_met,
                s.due_state,
            )
        })
        .collect();
    assert_eq!(
        judged,
        [
            (
                "trygghet",
                Some(67.5),
                Some(Judgement::Improved),
                Some(false),
                DueState::Complete
            ),
            (
                "droger-ak9",
                Some(7.9),
                Some(Judgement::Improved),
                Some(true),
                DueState::Complete
            ),
            (
                "anmalda-brott",
                Some(1390.0),
                Some(Judgement::Improved),
                Some(false),
                DueState::Complete
            ),
        ]
    );

    assert!(missing(&ids, &vs, due_from).is_empty());
    let agreements: Vec<_> = current(&ids, &vs, due_from)
        .into_iter()
        .zip(&st.activities)
        .map(|((id, v), a)| (id, a.status, agreement(a.status, v.unwrap().verdict)))
        .collect();
    assert_eq!(
        agreements,
        [
            ("fotpatrull", Status::Missed, Agreement::Disagree),
            ("trygghetsvandring", Status::PartlyMet, Agreement::Agree),
            ("belysning", Status::Met, Agreement::Agree),
        ]
    );
}
