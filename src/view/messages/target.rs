//! A target in words ([`crate::view::target_words`]): the parts of "4 in the period", "1 on
//! each of 3 dates, within 2 days", "every Tuesday, holidays excepted", and the nouns for a
//! target's windows ("week", "veckor"). One exhaustive match per language.

use chrono::Weekday;

use super::Words;
use super::grammar::weekday_sv;

/// The words of a target beside its numbers and the löfte's own names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetWord {
    /// At least `count` in the whole period.
    InPeriod { count: u32 },
    /// At least `count` for each of a list of `dates`.
    OnEachOfDates { count: u32, dates: usize },
    /// How long after its occasion the work may be done (`days` 0: on the day itself).
    Grace { days: u32 },
    /// A fixed weekly slot on `weekday`.
    Every { weekday: Weekday },
    /// A weekly slot skipped in a week whose day is a public holiday.
    HolidaysExcepted,
}

impl Words for TargetWord {
    type Text = String;

    fn en(&self) -> String {
        use TargetWord::*;
        match *self {
            InPeriod { count } => format!("{count} in the period"),
            OnEachOfDates { count, dates } => format!("{count} on each of {dates} dates"),
            Grace { days: 0 } => "on the day".into(),
            Grace { days: 1 } => "within 1 day".into(),
            Grace { days } => format!("within {days} days"),
            Every { weekday } => format!("every {}", crate::model::day_name(weekday)),
            HolidaysExcepted => "holidays excepted".into(),
        }
    }

    fn sv(&self) -> String {
        use TargetWord::*;
        match *self {
            InPeriod { count } => format!("{count} under perioden"),
            OnEachOfDates { count, dates } => {
                format!("{count} vid vart och ett av {dates} datum")
            }
            Grace { days: 0 } => "samma dag".into(),
            Grace { days: 1 } => "inom 1 dag".into(),
            Grace { days } => format!("inom {days} dagar"),
            Every { weekday } => format!("varje {}", weekday_sv(weekday)),
            HolidaysExcepted => "utom helgdagar".into(),
        }
    }
}

/// The noun for a target's windows, singular (`one`) or plural. Whether the Swedish noun is
/// neuter is [`WindowNoun::neuter_sv`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowNoun {
    Week {
        one: bool,
    },
    Month {
        one: bool,
    },
    Quarter {
        one: bool,
    },
    HalfYear {
        one: bool,
    },
    Year {
        one: bool,
    },
    /// The windows of a target not counted per calendar window: its occasions.
    Occasion {
        one: bool,
    },
}

impl WindowNoun {
    /// Whether the Swedish noun is neuter ("ett kvartal", "ett år", "ett tillfälle"; "en
    /// vecka", "en månad"): a word agreeing with it ends in -t ("uppfyllt").
    pub(super) fn neuter_sv(self) -> bool {
        use WindowNoun::*;
        match self {
            Week { .. } | Month { .. } => false,
            Quarter { .. } | HalfYear { .. } | Year { .. } | Occasion { .. } => true,
        }
    }
}

impl Words for WindowNoun {
    type Text = &'static str;

    fn en(&self) -> &'static str {
        use WindowNoun::*;
        match *self {
            Week { one: true } => "week",
            Week { one: false } => "weeks",
            Month { one: true } => "month",
            Month { one: false } => "months",
            Quarter { one: true } => "quarter",
            Quarter { one: false } => "quarters",
            HalfYear { one: true } => "half-year",
            HalfYear { one: false } => "half-years",
            Year { one: true } => "year",
            Year { one: false } => "years",
            Occasion { one: true } => "occasion",
            Occasion { one: false } => "occasions",
        }
    }

    fn sv(&self) -> &'static str {
        use WindowNoun::*;
        match *self {
            Week { one: true } => "vecka",
            Week { one: false } => "veckor",
            Month { one: true } => "månad",
            Month { one: false } => "månader",
            Quarter { .. } => "kvartal",
            HalfYear { .. } => "halvår",
            Year { .. } => "år",
            Occasion { one: true } => "tillfälle",
            Occasion { one: false } => "tillfällen",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{TargetWord, WindowNoun};
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_target_word_reads_differently_in_each_language() {
        use TargetWord::*;
        let all = [
            InPeriod { count: 4 },
            OnEachOfDates { count: 1, dates: 3 },
            Grace { days: 0 },
            Grace { days: 1 },
            Grace { days: 5 },
            Every {
                weekday: chrono::Weekday::Tue,
            },
            HolidaysExcepted,
        ];
        // Exhaustive: a new word fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 5, |w| match w {
            InPeriod { .. } => 0,
            OnEachOfDates { .. } => 1,
            Grace { .. } => 2,
            Every { .. } => 3,
            HolidaysExcepted => 4,
        });
    }

    #[test]
    fn every_window_noun_reads_differently_in_each_language() {
        use WindowNoun::*;
        let all: Vec<WindowNoun> = [true, false]
            .into_iter()
            .flat_map(|one| {
                [
                    Week { one },
                    Month { one },
                    Quarter { one },
                    HalfYear { one },
                    Year { one },
                    Occasion { one },
                ]
            })
            .collect();
        each_reads_differently(&all, 6, |w| match w {
            Week { .. } => 0,
            Month { .. } => 1,
            Quarter { .. } => 2,
            HalfYear { .. } => 3,
            Year { .. } => 4,
            Occasion { .. } => 5,
        });
    }
}
