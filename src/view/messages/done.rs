//! The refusals of `done` about what it was given beside the activity: the follow-up, an
//! event, a part or unit, `--request`, `--instead-of-slot`. One exhaustive match per
//! language ([`DoneMsg::en`], [`DoneMsg::sv`]).

use chrono::NaiveDate;

use super::Words;

/// A refusal of `done`, with what it names (already safe to print).
#[derive(Debug, Clone, PartialEq)]
pub enum DoneMsg<'a> {
    /// `done KOMMUN followup`: no löfte of the kommun had started by the date.
    NoFollowupToRecord { kommun: &'a str, date: NaiveDate },
    /// `done --event` dated after today.
    FutureEvent { date: NaiveDate, today: NaiveDate },
    /// `done --event E`: the löfte declares no such event (`declared`: it has others, whose
    /// list follows).
    NoEvent {
        file: &'a str,
        event: &'a str,
        declared: bool,
    },
    /// `--unit`, `--part`, `--request`, `--instead-of-slot` given for the follow-up.
    NotForFollowup,
    /// `--request` on an activity that is not on request.
    NotOnRequest(&'a str),
    /// `--instead-of-slot` on an activity without a weekly slot.
    NoWeeklySlot(&'a str),
    /// Work on another weekday than the activity's weekly slot, without `--instead-of-slot`.
    OffSlot {
        activity: &'a str,
        slot: chrono::Weekday,
        on: chrono::Weekday,
        date: NaiveDate,
    },
    /// The follow-up recorded before it is due.
    FollowupNotYetDue {
        file: &'a str,
        from: NaiveDate,
        date: NaiveDate,
    },
    /// An activity judged per part (`unit`: per unit) without the flag; the list follows.
    SayWhich { activity: &'a str, unit: bool },
    /// `--part`/`--unit` on an activity that has none.
    HasNone {
        activity: &'a str,
        unit: bool,
        query: &'a str,
    },
    /// `--part`/`--unit` naming none of the activity's; the list follows.
    NoSuchName {
        activity: &'a str,
        unit: bool,
        query: &'a str,
    },
    /// `--part`/`--unit` naming several; the list follows.
    SeveralNames {
        activity: &'a str,
        unit: bool,
        query: &'a str,
        n: usize,
    },
}

/// "part"/"parts" or "unit"/"units" (the flag is the singular).
fn part_or_unit_en(unit: bool) -> (&'static str, &'static str) {
    match unit {
        true => ("unit", "units"),
        false => ("part", "parts"),
    }
}

/// "del"/"delar" or "enhet"/"enheter", and the flag.
fn part_or_unit_sv(unit: bool) -> (&'static str, &'static str, &'static str) {
    match unit {
        true => ("enhet", "enheter", "unit"),
        false => ("del", "delar", "part"),
    }
}

impl Words for DoneMsg<'_> {
    type Text = String;

    fn en(&self) -> String {
        use DoneMsg::*;
        match self {
            NoFollowupToRecord { kommun, date } => format!(
                "no löfte for {kommun} had started by {date}, so it has no follow-up to record"
            ),
            FutureEvent { date, today } => format!(
                "{date} is in the future (today is {today}); record an event once it has happened"
            ),
            NoEvent {
                file,
                event,
                declared,
            } => format!(
                "{file} declares no event \"{event}\"{}",
                if *declared {
                    "; its events:"
                } else {
                    "\n  declare it in the file as `[[event]]` with `id` and `text`"
                }
            ),
            NotForFollowup => "--unit, --part, --request and --instead-of-slot are for \
                               activities, not the follow-up"
                .into(),
            NotOnRequest(id) => format!(
                "--request is for on-request activities; \"{id}\" has a target of its own\n  \
                 leave out --request to record the work"
            ),
            NoWeeklySlot(id) => format!(
                "--instead-of-slot is for an activity with a weekly slot; \"{id}\" has none\n  \
                 leave it out"
            ),
            OffSlot {
                activity,
                slot,
                on,
                date,
            } => format!(
                "\"{activity}\" is kept every {}; {date} is a {}, so it would not count as that \
                 week's slot\n  if this work replaced that week's slot, add --instead-of-slot",
                crate::model::day_name(*slot),
                crate::model::day_name(*on)
            ),
            FollowupNotYetDue { file, from, date } => format!(
                "the follow-up of {file} is due from {from}; recorded on {date} it would not \
                 count\n  record it when it is done, on or after {from}"
            ),
            SayWhich { activity, unit } => {
                let (what, whats) = part_or_unit_en(*unit);
                format!(
                    "\"{activity}\" is judged per {what}: say which with --{what}; its {whats}:"
                )
            }
            HasNone {
                activity,
                unit,
                query,
            } => {
                let (what, whats) = part_or_unit_en(*unit);
                format!("\"{activity}\" has no {whats}; leave out --{what} \"{query}\"")
            }
            NoSuchName {
                activity,
                unit,
                query,
            } => {
                let (what, whats) = part_or_unit_en(*unit);
                format!("no {what} \"{query}\" in \"{activity}\"; its {whats}:")
            }
            SeveralNames {
                activity,
                unit,
                query,
                n,
            } => {
                let whats = part_or_unit_en(*unit).1;
                format!("\"{query}\" matches {n} {whats} of \"{activity}\"; give more of the name:")
            }
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use DoneMsg::*;
        match self {
            NoFollowupToRecord { kommun, date } => format!(
                "inget löfte för {kommun} hade börjat gälla {date}, så det finns ingen \
                 uppföljning att registrera"
            ),
            FutureEvent { date, today } => format!(
                "{date} ligger i framtiden (i dag är det {today}); registrera händelsen när den \
                 har inträffat"
            ),
            NoEvent {
                file,
                event,
                declared,
            } => format!(
                "{file} anger ingen händelse \"{event}\"{}",
                if *declared {
                    "; dess händelser:"
                } else {
                    "\n  lägg in den i filen som `[[event]]` med `id` och `text`"
                }
            ),
            NotForFollowup => "--unit, --part, --request och --instead-of-slot gäller \
                               aktiviteter, inte uppföljningen"
                .into(),
            NotOnRequest(id) => format!(
                "--request gäller aktiviteter som görs på begäran; \"{id}\" har ett eget mål\n  \
                 utelämna --request för att registrera arbetet"
            ),
            NoWeeklySlot(id) => format!(
                "--instead-of-slot gäller en aktivitet med en fast veckotid; \"{id}\" har \
                 ingen\n  utelämna den"
            ),
            OffSlot {
                activity,
                slot,
                on,
                date,
            } => format!(
                "\"{activity}\" görs varje {}; {date} är en {}, så det räknas inte som veckans \
                 fasta tillfälle\n  om arbetet ersatte veckans fasta tillfälle, lägg till \
                 --instead-of-slot",
                super::grammar::weekday_sv(*slot),
                super::grammar::weekday_sv(*on)
            ),
            FollowupNotYetDue { file, from, date } => format!(
                "uppföljningen av {file} ska göras från {from}; registrerad {date} skulle den \
                 inte räknas\n  registrera den när den är gjord, {from} eller senare"
            ),
            SayWhich { activity, unit } => {
                let (what, whats, flag) = part_or_unit_sv(*unit);
                format!("\"{activity}\" bedöms per {what}: ange vilken med --{flag}; dess {whats}:")
            }
            HasNone {
                activity,
                unit,
                query,
            } => {
                let (_, whats, flag) = part_or_unit_sv(*unit);
                format!("\"{activity}\" har inga {whats}; utelämna --{flag} \"{query}\"")
            }
            NoSuchName {
                activity,
                unit,
                query,
            } => {
                let (what, whats, _) = part_or_unit_sv(*unit);
                format!("ingen {what} \"{query}\" i \"{activity}\"; dess {whats}:")
            }
            SeveralNames {
                activity,
                unit,
                query,
                n,
            } => {
                let whats = part_or_unit_sv(*unit).1;
                format!("\"{query}\" passar {n} {whats} i \"{activity}\"; skriv mer av namnet:")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_message_reads_differently_in_each_language() {
        use DoneMsg::*;
        let d = NaiveDate::from_ymd_opt(2017, 3, 1).unwrap();
        let all = [
            NoFollowupToRecord {
                kommun: "Sunne",
                date: d,
            },
            FutureEvent { date: d, today: d },
            NoEvent {
                file: "a.toml",
                event: "e",
                declared: true,
            },
            NotForFollowup,
            NotOnRequest("a"),
            NoWeeklySlot("a"),
            OffSlot {
                activity: "a",
                slot: chrono::Weekday::Tue,
                on: chrono::Weekday::Wed,
                date: d,
            },
            FollowupNotYetDue {
                file: "a.toml",
                from: d,
                date: d,
            },
            SayWhich {
                activity: "a",
                unit: true,
            },
            HasNone {
                activity: "a",
                unit: false,
                query: "q",
            },
            NoSuchName {
                activity: "a",
                unit: true,
                query: "q",
            },
            SeveralNames {
                activity: "a",
                unit: false,
                query: "q",
                n: 2,
            },
        ];
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 12, |m| match m {
            NoFollowupToRecord { .. } => 0,
            FutureEvent { .. } => 1,
            NoEvent { .. } => 2,
            NotForFollowup => 3,
            NotOnRequest(_) => 4,
            NoWeeklySlot(_) => 5,
            SayWhich { .. } => 6,
            HasNone { .. } => 7,
            NoSuchName { .. } => 8,
            SeveralNames { .. } => 9,
            OffSlot { .. } => 10,
            FollowupNotYetDue { .. } => 11,
        });
    }
}
