//! The phrases of a status line, a report and `done`'s answer ([`crate::view::phrases`]):
//! requests answered, windows met, what was recorded, a quarter's deadline, a period's start
//! and end. Each variant carries the values it names; one exhaustive match per language.

use chrono::NaiveDate;

use super::Words;
use super::grammar::s;
use super::target::WindowNoun;

#[derive(Debug, Clone, PartialEq)]
pub enum Phrase<'a> {
    /// "2 of 3 requests answered".
    RequestsAnswered { answered: u32, received: u32 },
    /// The day the oldest request not answered came.
    WaitingSince { date: NaiveDate },
    /// The windows an activity's units or parts are judged in: `noun` (already in the
    /// reader's language) when they share one, else "the windows of".
    WindowsOf {
        noun: Option<&'a str>,
        many: usize,
        units: bool,
    },
    /// Of the windows of units or parts (`each`, a [`Phrase::WindowsOf`]), how many met.
    MetOfEach {
        met: usize,
        judged: usize,
        each: &'a str,
    },
    /// Of the windows judged, how many met ("3 of 21 weeks met").
    MetOf {
        met: usize,
        judged: usize,
        noun: WindowNoun,
    },
    /// Of the weeks met, how many were kept on a weekly slot's own day.
    OnSlotDay { kept: usize },
    /// A target done once: whether it was.
    Once { done: bool },
    /// How many times work was recorded, without a count due.
    Recorded { done: u32 },
    /// A follow-up in a quarter, and its last day.
    QuarterBy {
        year: i32,
        quarter: u32,
        end: NaiveDate,
    },
    /// Follow-ups recorded (`dates`, listed) before the first one due (`from`).
    NotCountedBefore { dates: &'a str, from: NaiveDate },
    /// A löfte with nothing recorded as of a day.
    NothingRecordedAsOf { as_of: NaiveDate },
    /// A period whose start the löfte does not state.
    StartNotStated,
    /// Such a period is judged from the first recorded work, if any.
    JudgedFrom { first: Option<NaiveDate> },
    /// A löfte in force until replaced, past its period.
    PeriodOverInForce,
    /// A progress text ("2 of 2 · 2016") said of its window, as `done` answers.
    InWindow { progress: &'a str },
    /// `done` of `required` in a window (named in the reader's language).
    DoneOfIn {
        done: u32,
        required: u32,
        window: &'a str,
    },
    /// How many times an activity without a count due was done in the period.
    DoneTimes { n: u32 },
    /// What every status rests on: the work recorded as of a day.
    Basis { as_of: NaiveDate },
    /// Units of an activity a table does not list (`by_status`: "met: 9400", in the reader's
    /// language).
    /// On a site's page (`page`), the hint names the data file instead of the flag.
    UnitsNotListed {
        more: usize,
        by_status: &'a str,
        page: bool,
    },
}

impl Words for Phrase<'_> {
    type Text = String;

    fn en(&self) -> String {
        use Phrase::*;
        match *self {
            RequestsAnswered { answered, received } => format!(
                "{answered} of {received} request{} answered",
                s(received as usize)
            ),
            WaitingSince { date } => format!("waiting since {date}"),
            WindowsOf { noun, many, units } => {
                let whose = if units {
                    format!("{many} units")
                } else {
                    format!("{many} parts")
                };
                match noun {
                    Some(noun) => format!("{noun} × {whose}"),
                    None => format!("the windows of {whose}"),
                }
            }
            MetOfEach { met, judged, each } => format!("{met} of {judged} met ({each})"),
            MetOf { met, judged, noun } => format!("{met} of {judged} {} met", noun.en()),
            OnSlotDay { kept } => format!("{kept} on the slot's day"),
            Once { done: true } => "done".into(),
            Once { done: false } => "not done".into(),
            Recorded { done } => format!("{done} recorded"),
            QuarterBy { year, quarter, end } => format!("{year} Q{quarter} (by {end})"),
            NotCountedBefore { dates, from } => {
                format!("recorded {dates} does not count (before {from})")
            }
            NothingRecordedAsOf { as_of } => format!("nothing recorded as of {as_of}"),
            StartNotStated => "start not stated".into(),
            JudgedFrom { first: Some(d) } => format!("judged from the first recorded work, {d}"),
            JudgedFrom { first: None } => "no work recorded yet".into(),
            PeriodOverInForce => "period over; in force until replaced".into(),
            InWindow { progress } => progress.replacen(" · ", " in ", 1),
            DoneOfIn {
                done,
                required,
                window,
            } => format!("{done} of {required} in {window}"),
            DoneTimes { n: 1 } => "done once in the period".into(),
            DoneTimes { n } => format!("done {n} times in the period"),
            Basis { as_of } => format!("Statuses show the work recorded in pledge as of {as_of}."),
            UnitsNotListed {
                more,
                by_status,
                page: false,
            } => format!(
                "{more} more unit{} not listed ({by_status}); --all-windows lists every unit",
                s(more)
            ),
            UnitsNotListed {
                more,
                by_status,
                page: true,
            } => format!(
                "{more} more unit{} not shown here ({by_status}); pledges.json lists every unit",
                s(more)
            ),
        }
    }

    fn sv(&self) -> String {
        use Phrase::*;
        match *self {
            RequestsAnswered { answered, received } => format!(
                "{answered} av {received} {} besvarade",
                if received == 1 {
                    "förfrågan"
                } else {
                    "förfrågningar"
                }
            ),
            WaitingSince { date } => format!("väntar sedan {date}"),
            WindowsOf { noun, many, units } => {
                let whose = if units {
                    format!("{many} enheter")
                } else {
                    format!("{many} delar")
                };
                match noun {
                    Some(noun) => format!("{noun} × {whose}"),
                    None => format!("tidsfönster för {whose}"),
                }
            }
            MetOfEach { met, judged, each } => format!(
                "{met} av {judged} {} ({each})",
                if judged == 1 { "uppfyllt" } else { "uppfyllda" }
            ),
            MetOf { met, judged, noun } => {
                let adj = match (judged == 1, noun.neuter_sv()) {
                    (false, _) => "uppfyllda",
                    (true, false) => "uppfylld",
                    (true, true) => "uppfyllt",
                };
                format!("{met} av {judged} {} {adj}", noun.sv())
            }
            OnSlotDay { kept } => format!("{kept} på ordinarie dag"),
            Once { done: true } => "gjort".into(),
            Once { done: false } => "ej gjort".into(),
            Recorded { done: 1 } => "1 registrerad".into(),
            Recorded { done } => format!("{done} registrerade"),
            QuarterBy { year, quarter, end } => {
                format!("kvartal {quarter} {year} (senast {end})")
            }
            NotCountedBefore { dates, from } => {
                format!("registrerad {dates} räknas inte (före {from})")
            }
            NothingRecordedAsOf { as_of } => format!("inget registrerat per {as_of}"),
            StartNotStated => "startdatum saknas".into(),
            JudgedFrom { first: Some(d) } => {
                format!("räknas från det första registrerade arbetet, {d}")
            }
            JudgedFrom { first: None } => "inget arbete registrerat ännu".into(),
            PeriodOverInForce => "perioden är slut; löftet gäller tills ett nytt tecknats".into(),
            InWindow { progress } => progress.to_string(),
            DoneOfIn {
                done,
                required,
                window,
            } => format!("{done} av {required} · {window}"),
            DoneTimes { n: 1 } => "genomförd 1 gång under perioden".into(),
            DoneTimes { n } => format!("genomförd {n} gånger under perioden"),
            Basis { as_of } => {
                format!("Statusen visar det arbete som registrerats i pledge per {as_of}.")
            }
            UnitsNotListed {
                more,
                by_status,
                page,
            } => format!(
                "{more} {} till visas inte{} ({by_status}); {}",
                if more == 1 { "enhet" } else { "enheter" },
                if page { " här" } else { "" },
                if page {
                    "pledges.json listar alla enheter"
                } else {
                    "--all-windows visar alla enheter"
                }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Phrase::{self, *};
    use super::WindowNoun;
    use crate::view::messages::each_reads_differently;

    /// A sample of each phrase, some in each of their forms.
    fn samples() -> Vec<Phrase<'static>> {
        let d = chrono::NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
        vec![
            RequestsAnswered {
                answered: 1,
                received: 1,
            },
            RequestsAnswered {
                answered: 1,
                received: 2,
            },
            WaitingSince { date: d },
            WindowsOf {
                noun: Some("weeks"),
                many: 2,
                units: true,
            },
            WindowsOf {
                noun: None,
                many: 3,
                units: false,
            },
            MetOfEach {
                met: 1,
                judged: 1,
                each: "weeks × 2 units",
            },
            MetOf {
                met: 1,
                judged: 1,
                noun: WindowNoun::Year { one: true },
            },
            MetOf {
                met: 1,
                judged: 1,
                noun: WindowNoun::Week { one: true },
            },
            MetOf {
                met: 3,
                judged: 21,
                noun: WindowNoun::Week { one: false },
            },
            OnSlotDay { kept: 1 },
            Once { done: true },
            Once { done: false },
            Recorded { done: 1 },
            Recorded { done: 3 },
            QuarterBy {
                year: 2017,
                quarter: 2,
                end: d,
            },
            NotCountedBefore {
                dates: "2016-05-01",
                from: d,
            },
            NothingRecordedAsOf { as_of: d },
            StartNotStated,
            JudgedFrom { first: Some(d) },
            JudgedFrom { first: None },
            PeriodOverInForce,
            InWindow {
                progress: "1 of 2 · 2016",
            },
            DoneOfIn {
                done: 1,
                required: 2,
                window: "2016",
            },
            DoneTimes { n: 1 },
            DoneTimes { n: 4 },
            Basis { as_of: d },
            UnitsNotListed {
                more: 9400,
                by_status: "met: 9400",
                page: false,
            },
        ]
    }

    #[test]
    fn every_phrase_reads_differently_in_each_language() {
        let all = samples();
        // Exhaustive: a new phrase fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 19, |p| match p {
            RequestsAnswered { .. } => 0,
            WaitingSince { .. } => 1,
            WindowsOf { .. } => 2,
            MetOfEach { .. } => 3,
            MetOf { .. } => 4,
            OnSlotDay { .. } => 5,
            Once { .. } => 6,
            Recorded { .. } => 7,
            QuarterBy { .. } => 8,
            NotCountedBefore { .. } => 9,
            NothingRecordedAsOf { .. } => 10,
            StartNotStated => 11,
            JudgedFrom { .. } => 12,
            PeriodOverInForce => 13,
            InWindow { .. } => 14,
            DoneOfIn { .. } => 15,
            DoneTimes { .. } => 16,
            Basis { .. } => 17,
            UnitsNotListed { .. } => 18,
        });
    }
}
