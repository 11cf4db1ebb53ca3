//! The fixed texts of the indicators and verdicts view ([`crate::view::outcome`]), in both
//! languages: one [`super::Label::Outcome`] each, and the words for an indicator's
//! judgement, direction and due state and for a verdict and its agreement with the records.

use super::Words;
use crate::model::outcome::{Direction, Verdict};
use crate::rules::indicator::{DueState, Judgement};
use crate::rules::verdict::Agreement;

/// The fixed texts of the outcome view, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeLabel {
    WhatWeWanted,
    Baseline,
    FirstMeasurement,
    Goal,
    GoalMet,
    GoalNotMet,
    BetterThanBaseline,
    NextMeasurement,
    NoMeasurements,
    Verdicts,
    NoVerdictYet,
    ByTheRecords,
    Source,
    Measured,
    LatestFrom,
    Fetched,
    Preliminary,
    Corrects,
    /// How an indicator's latest value compares with its reference.
    Judged(Judgement),
    /// The follow-up's verdict on an activity.
    Verdict(Verdict),
    /// Whether a verdict agrees with what the records show.
    Agreement(Agreement),
    /// Which way an indicator improves.
    Direction(Direction),
    /// Whether an indicator's next measurement is due.
    Due(DueState),
}

impl Words for OutcomeLabel {
    type Text = &'static str;

    fn en(&self) -> &'static str {
        use OutcomeLabel::*;
        match *self {
            WhatWeWanted => "What we wanted to achieve",
            Baseline => "baseline",
            FirstMeasurement => "first measurement",
            Goal => "goal",
            GoalMet => "met",
            GoalNotMet => "not met",
            BetterThanBaseline => "better than the baseline",
            NextMeasurement => "next measurement",
            NoMeasurements => "no measurements yet",
            Verdicts => "The follow-up's verdicts",
            NoVerdictYet => "no verdict yet",
            ByTheRecords => "by the records",
            Source => "source",
            Measured => "measured",
            LatestFrom => "latest value from",
            Fetched => "fetched",
            Preliminary => "preliminary",
            Corrects => "corrects",
            Judged(Judgement::Improved) => "improved",
            Judged(Judgement::Unchanged) => "unchanged",
            Judged(Judgement::Worsened) => "worsened",
            Verdict(self::Verdict::Kept) => "kept",
            Verdict(self::Verdict::Partly) => "partly kept",
            Verdict(self::Verdict::Broken) => "not kept",
            Agreement(self::Agreement::Agree) => "agrees with the records",
            Agreement(self::Agreement::Disagree) => "the records say otherwise",
            Agreement(self::Agreement::NoBasis) => "the records give no basis",
            Direction(self::Direction::Lower) => "lower is better",
            Direction(self::Direction::Higher) => "higher is better",
            Due(DueState::Scheduled) => "scheduled",
            Due(DueState::Due) => "due now",
            Due(DueState::Overdue) => "overdue",
            Due(DueState::Complete) => "no more measurements in the period",
            Due(DueState::Unscheduled) => "no cadence given",
        }
    }
    fn sv(&self) -> &'static str {
        use OutcomeLabel::*;
        match *self {
            WhatWeWanted => "Det här ville vi uppnå",
            Baseline => "utgångsläge",
            FirstMeasurement => "första mätningen",
            Goal => "mål",
            GoalMet => "nått",
            GoalNotMet => "inte nått",
            BetterThanBaseline => "bättre än utgångsläget",
            NextMeasurement => "nästa mätning",
            NoMeasurements => "inga mätningar ännu",
            Verdicts => "Uppföljningens bedömning",
            NoVerdictYet => "ingen bedömning ännu",
            ByTheRecords => "enligt registreringarna",
            Source => "källa",
            Measured => "uppmätt",
            LatestFrom => "senaste värdet från",
            Fetched => "hämtat",
            Preliminary => "preliminärt",
            Corrects => "rättar",
            Judged(Judgement::Improved) => "förbättrad",
            Judged(Judgement::Unchanged) => "oförändrad",
            Judged(Judgement::Worsened) => "försämrad",
            Verdict(self::Verdict::Kept) => "uppfyllt",
            Verdict(self::Verdict::Partly) => "delvis uppfyllt",
            Verdict(self::Verdict::Broken) => "ej uppfyllt",
            Agreement(self::Agreement::Agree) => "stämmer med registreringarna",
            Agreement(self::Agreement::Disagree) => "stämmer inte med registreringarna",
            Agreement(self::Agreement::NoBasis) => "underlag saknas",
            Direction(self::Direction::Lower) => "lägre är bättre",
            Direction(self::Direction::Higher) => "högre är bättre",
            Due(DueState::Scheduled) => "planerad",
            Due(DueState::Due) => "ska mätas nu",
            Due(DueState::Overdue) => "försenad",
            Due(DueState::Complete) => "inga fler mätningar under perioden",
            Due(DueState::Unscheduled) => "ingen mättakt angiven",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OutcomeLabel::*;
    use crate::model::outcome::{Direction, Verdict};
    use crate::rules::indicator::{DueState, Judgement};
    use crate::rules::verdict::Agreement;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_label_reads_differently_in_each_language() {
        let all = [
            WhatWeWanted,
            Baseline,
            FirstMeasurement,
            Goal,
            GoalMet,
            GoalNotMet,
            BetterThanBaseline,
            NextMeasurement,
            NoMeasurements,
            Verdicts,
            NoVerdictYet,
            ByTheRecords,
            Source,
            Measured,
            LatestFrom,
            Fetched,
            Preliminary,
            Corrects,
            Judged(Judgement::Improved),
            Judged(Judgement::Unchanged),
            Judged(Judgement::Worsened),
            Verdict(Verdict::Kept),
            Verdict(Verdict::Partly),
            Verdict(Verdict::Broken),
            Agreement(Agreement::Agree),
            Agreement(Agreement::Disagree),
            Agreement(Agreement::NoBasis),
            Direction(Direction::Lower),
            Direction(Direction::Higher),
            Due(DueState::Scheduled),
            Due(DueState::Due),
            Due(DueState::Overdue),
            Due(DueState::Complete),
            Due(DueState::Unscheduled),
        ];
        // Exhaustive: a new label fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 23, |l| match l {
            WhatWeWanted => 0,
            Baseline => 1,
            FirstMeasurement => 2,
            Goal => 3,
            GoalMet => 4,
            GoalNotMet => 5,
            BetterThanBaseline => 6,
            NextMeasurement => 7,
            NoMeasurements => 8,
            Verdicts => 9,
            NoVerdictYet => 10,
            ByTheRecords => 11,
            Source => 12,
            Measured => 13,
            LatestFrom => 14,
            Fetched => 15,
            Preliminary => 16,
            Corrects => 17,
            Judged(_) => 18,
            Verdict(_) => 19,
            Agreement(_) => 20,
            Direction(_) => 21,
            Due(_) => 22,
        });
    }
}
