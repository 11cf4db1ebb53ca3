//! The fixed texts of the indicators and verdicts view ([`crate::view::outcome`]), in both
//! languages: one [`super::Label::Outcome`] each.

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

impl OutcomeLabel {
    pub fn en(self) -> &'static str {
        use OutcomeLabel::*;
        match self {
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
    pub fn sv(self) -> &'static str {
        use OutcomeLabel::*;
        match self {
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
    use super::OutcomeLabel::{self, *};

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
        for l in all {
            // Exhaustive: a new label fails to compile here until it is listed above.
            match l {
                WhatWeWanted | Baseline | FirstMeasurement | Goal | GoalMet | GoalNotMet
                | BetterThanBaseline | NextMeasurement | NoMeasurements | Verdicts
                | NoVerdictYet | ByTheRecords | Source | Measured | LatestFrom | Fetched
                | Preliminary | Corrects => {}
            }
            assert_ne!(OutcomeLabel::en(l), OutcomeLabel::sv(l), "{l:?}");
        }
    }
}
