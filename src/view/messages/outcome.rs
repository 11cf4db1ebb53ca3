//! The fixed texts of the indicators and verdicts view ([`crate::view::outcome`]), in both
//! languages: one [`super::Label::Outcome`] each.

use super::Words;

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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OutcomeLabel::*;
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
        ];
        // Exhaustive: a new label fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 18, |l| match l {
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
        });
    }
}
