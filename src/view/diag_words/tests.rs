//! The words of every diagnostic: both languages, each reading differently; English exactly as
//! pledge has always printed it.

use chrono::NaiveDate;

use super::samples::{VARIANTS, d, every, name};
use super::*;
use crate::load::problems::Kind;
use crate::load::says::{Says, Why};
use crate::view::messages::each_reads_differently;

#[test]
fn every_message_is_listed_once() {
    let mut names: Vec<&str> = every().iter().map(name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), VARIANTS);
    assert_eq!(every().len(), VARIANTS);
}

#[test]
fn every_message_reads_differently_in_each_language() {
    each_reads_differently(&every(), VARIANTS, name);
}

#[test]
fn every_outcome_problem_reads_differently_in_each_language() {
    use crate::model::outcome::Direction;
    let kinds = [
        Kind::DuplicateIndicator { id: "a".into() },
        Kind::GoalWrongSide {
            goal: 14.0,
            baseline: 12.0,
            direction: Direction::Lower,
        },
        Kind::NotFinite { value: f64::NAN },
        Kind::OutOfRange { value: 1e13 },
        Kind::NegativeTolerance { tolerance: -1.0 },
        Kind::CadenceZero,
        Kind::CadenceOneYear,
        Kind::CadenceLongerThanPeriod { years: 5 },
        Kind::UnknownActivity {
            id: "a".into(),
            close: vec![],
        },
        Kind::UnknownIndicator {
            id: "a".into(),
            close: vec![],
        },
        Kind::PercentOutOfRange { value: 120.0 },
        Kind::InFuture { date: d() },
        Kind::VerdictBeforeDue {
            date: d(),
            due_from: d(),
        },
        Kind::EmptyReason,
    ];
    for k in kinds {
        let s = Says::Outcome(k);
        assert_ne!(s.say(Lang::En), s.say(Lang::Sv), "{s:?}");
    }
}

#[test]
fn the_outcome_problems_in_english() {
    use crate::model::outcome::Direction;
    let en = |k: Kind| Says::Outcome(k).say(Lang::En);
    assert_eq!(
        en(Kind::GoalWrongSide {
            goal: 14.0,
            baseline: 12.0,
            direction: Direction::Lower
        }),
        "the goal 14 is worse than the baseline 12 for an indicator where lower is better"
    );
    assert_eq!(
        en(Kind::UnknownIndicator {
            id: "drogr".into(),
            close: vec!["droger".into()]
        }),
        "unknown indicator `drogr`"
    );
    assert_eq!(
        en(Kind::VerdictBeforeDue {
            date: NaiveDate::from_ymd_opt(2018, 11, 30).unwrap(),
            due_from: NaiveDate::from_ymd_opt(2018, 12, 1).unwrap()
        }),
        "a verdict dated 2018-11-30, before the follow-up is due (from 2018-12-01)"
    );
    let hint = Says::outcome_hint(&Kind::UnknownIndicator {
        id: "drogr".into(),
        close: vec!["droger".into()],
    })
    .unwrap();
    assert_eq!(hint.say(Lang::En), "did you mean `droger`?");
}

#[test]
fn why_a_file_cannot_be_read_in_both_languages() {
    let w = Why::Markers(vec![2, 4, 6]);
    assert_eq!(w.say(Lang::En), "conflict markers at lines 2, 4 and 6");
    assert_eq!(w.say(Lang::Sv), "konfliktmarkeringar på raderna 2, 4 och 6");
    let one = Why::Markers(vec![3]);
    assert_eq!(one.say(Lang::En), "conflict markers at line 3");
    let e = Why::Error {
        line: Some(2),
        says: Says::InvalidToml { detail: "x".into() },
    };
    assert_eq!(e.say(Lang::En), "line 2: invalid TOML: x");
    assert_eq!(e.say(Lang::Sv), "rad 2: ogiltig TOML: x");
    assert_ne!(
        Why::DoesNotLoad.say(Lang::En),
        Why::DoesNotLoad.say(Lang::Sv)
    );
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let text = "title = \"\"\nkommun = \"Nowhere\"\nperod = 1\n[period]\nstart = \"2016-01-01\"\nend = 2016-12-31\n";
    let l = crate::load::load("t.toml", text, NaiveDate::MAX);
    let messages: Vec<String> = l.diags.iter().map(|d| d.message.say(Lang::En)).collect();
    assert_eq!(
        messages,
        [
            // Problems of the whole file first, then in the order of the text.
            "the pledge has no activities",
            "weak löfte: no follow-up (uppföljning) is given",
            "`title` is empty",
            "unknown kommun \"Nowhere\"",
            "unknown key `perod` in the pledge file",
            "`start` is a quoted string, not a date",
        ]
    );
}
