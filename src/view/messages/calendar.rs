//! The summaries of the calendar feed's events, one exhaustive match per language
//! ([`CalendarMsg::en`], [`CalendarMsg::sv`]).

use chrono::NaiveDate;

use super::Words;

/// An event's summary, with who ("Filipstad"), what (the activity), the window and counts.
#[derive(Debug, Clone, PartialEq)]
pub enum CalendarMsg<'a> {
    /// The follow-up of the löfte is due.
    FollowupDue { who: &'a str },
    /// An ISO week as a window's name.
    Week { year: i32, n: u32 },
    /// A weekly slot on its weekday.
    WeeklySlot {
        who: &'a str,
        what: &'a str,
        window: &'a str,
        done: u32,
        required: u32,
    },
    /// A dated occurrence on its date.
    DatedOccurrence {
        who: &'a str,
        what: &'a str,
        done: u32,
        required: u32,
    },
    /// Any other window, on its last day.
    WindowEnds {
        who: &'a str,
        what: &'a str,
        window: &'a str,
        done: u32,
        required: u32,
    },
    /// Something to do once, not done, on the last day of its period.
    LastDay { who: &'a str, what: &'a str },
    /// The oldest unanswered request, by the day it should be answered.
    AnswerRequest {
        who: &'a str,
        what: &'a str,
        asked: NaiveDate,
    },
    /// The last day of a löfte's period; of one in force until replaced, only its period.
    PledgeEnds { who: &'a str, until_replaced: bool },
}

impl Words for CalendarMsg<'_> {
    type Text = String;

    fn en(&self) -> String {
        use CalendarMsg::*;
        match self {
            FollowupDue { who } => format!("{who}: follow-up of the medborgarlöfte"),
            Week { year, n } => format!("week {n} of {year}"),
            WeeklySlot {
                who,
                what,
                window,
                done,
                required,
            } => format!("{who}: {what} – {window}, {done} of {required} done"),
            DatedOccurrence {
                who,
                what,
                done,
                required,
            } => format!("{who}: {what}, {done} of {required} done"),
            WindowEnds {
                who,
                what,
                window,
                done,
                required,
            } => format!("{who}: {what}, {done} of {required} done – {window} ends"),
            LastDay { who, what } => format!("{who}: {what}, not done yet – the last day"),
            AnswerRequest { who, what, asked } => {
                format!("{who}: {what}, answer the request of {asked}")
            }
            PledgeEnds {
                who,
                until_replaced: false,
            } => format!("{who}: the medborgarlöfte ends"),
            PledgeEnds {
                who,
                until_replaced: true,
            } => format!(
                "{who}: the medborgarlöfte's period ends (in force until a new one is signed)"
            ),
        }
    }

    fn sv(&self) -> String {
        use CalendarMsg::*;
        match self {
            FollowupDue { who } => format!("{who}: uppföljning av medborgarlöftet"),
            Week { year, n } => format!("vecka {n} {year}"),
            WeeklySlot {
                who,
                what,
                window,
                done,
                required,
            } => format!("{who}: {what} – {window}, {done} av {required} genomförd"),
            DatedOccurrence {
                who,
                what,
                done,
                required,
            } => format!("{who}: {what}, {done} av {required} genomförd"),
            WindowEnds {
                who,
                what,
                window,
                done,
                required,
            } => format!(
                "{who}: {what}, {done} av {required} {} – {window} slutar",
                if *required == 1 {
                    "genomförd"
                } else {
                    "genomförda"
                }
            ),
            LastDay { who, what } => format!("{who}: {what}, inte genomförd – sista dagen"),
            AnswerRequest { who, what, asked } => {
                format!("{who}: {what}, svara på förfrågan från {asked}")
            }
            PledgeEnds {
                who,
                until_replaced: false,
            } => format!("{who}: medborgarlöftet löper ut"),
            PledgeEnds {
                who,
                until_replaced: true,
            } => format!(
                "{who}: medborgarlöftets period slutar (gäller tills ett nytt löfte tecknats)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_summary_reads_differently_in_each_language() {
        use CalendarMsg::*;
        let d = NaiveDate::from_ymd_opt(2016, 5, 12).unwrap();
        let all = [
            FollowupDue { who: "Filipstad" },
            Week { year: 2016, n: 19 },
            WeeklySlot {
                who: "Filipstad",
                what: "a",
                window: "maj 2016",
                done: 0,
                required: 1,
            },
            DatedOccurrence {
                who: "Filipstad",
                what: "a",
                done: 0,
                required: 1,
            },
            WindowEnds {
                who: "Filipstad",
                what: "a",
                window: "maj 2016",
                done: 0,
                required: 2,
            },
            LastDay {
                who: "Filipstad",
                what: "a",
            },
            AnswerRequest {
                who: "Filipstad",
                what: "a",
                asked: d,
            },
            PledgeEnds {
                who: "Filipstad",
                until_replaced: false,
            },
            PledgeEnds {
                who: "Filipstad",
                until_replaced: true,
            },
        ];
        // Exhaustive: a new summary fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 8, |m| match m {
            FollowupDue { .. } => 0,
            Week { .. } => 1,
            WeeklySlot { .. } => 2,
            DatedOccurrence { .. } => 3,
            WindowEnds { .. } => 4,
            LastDay { .. } => 5,
            AnswerRequest { .. } => 6,
            PledgeEnds { .. } => 7,
        });
    }
}
