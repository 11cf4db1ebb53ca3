//! The messages of the commands that record outcomes (`measure`, `verdict`) and of the
//! writes every recording command shares (an empty flag, a file changed meanwhile, `undo`'s
//! refusals, an `--area` that begins several names): one exhaustive match per language
//! ([`RecordMsg::en`], [`RecordMsg::sv`]).

use chrono::NaiveDate;

use super::Words;

/// A message of the recording commands, with what it names (already safe to print).
#[derive(Debug, Clone, PartialEq)]
pub enum RecordMsg<'a> {
    /// A flag given with an empty text.
    FlagEmpty(&'a str),
    /// An entry built that the loader would not read back as it was built.
    NotReadBack(&'a str),
    /// A file read again under the lock no longer loads.
    ChangedMeanwhile(&'a str),
    /// `--area` begins the names of several of the kommun's areas (the list already joined).
    AreasBegun {
        area: &'a str,
        kommun: &'a str,
        areas: &'a str,
    },
    /// No löfte of the kommun has the indicator typed (`dated`: one has it, but none that
    /// holds or precedes the date).
    NoIndicator {
        kommun: &'a str,
        query: &'a str,
        dated: bool,
    },
    /// After [`RecordMsg::NoIndicator`]: the kommun's löften have no indicators at all.
    NoIndicatorTables,
    /// After [`RecordMsg::NoIndicator`] (and a did-you-mean or not): the list follows.
    TheIndicators {
        after_question: bool,
    },
    /// A value that is a number but not one that can be measured (infinite, NaN).
    NotFinite(&'a str),
    NotANumber(&'a str),
    ValueOutOfRange(&'a str),
    /// `--update`/`--indicator` without `--fetch` or `--from-csv`.
    UpdateWithoutImport,
    /// `measure` without what to record.
    GiveWhatToMeasure,
    /// A measurement or a verdict dated after today.
    FutureOutcome {
        date: NaiveDate,
        today: NaiveDate,
        verdict: bool,
    },
    /// `verdict`: no löfte of the kommun had started by the date.
    NoFollowupToJudge {
        kommun: &'a str,
        date: NaiveDate,
    },
    /// `verdict` before the follow-up is due.
    BeforeFollowupDue {
        date: NaiveDate,
        file: &'a str,
        due: NaiveDate,
    },
    NotAVerdict(&'a str),
    VerdictNeedsReason,
    /// `undo`: the file has no entries (`log`: no log entries) to remove.
    NothingToUndo {
        file: &'a str,
        log: bool,
    },
    /// `undo`: the last measurement or verdict is not as pledge wrote it.
    LastNotAsWritten(&'a str),
    /// `undo`: a log entry (its date and activity) is not as `done` wrote it.
    EntryNotAsWritten {
        date: NaiveDate,
        activity: &'a str,
        file: &'a str,
    },
    /// `undo`: the entry moved or went while waiting for the lock.
    EntryMoved(&'a str),
    /// `log --since D1 --until D2` with D1 after D2.
    SinceAfterUntil {
        since: NaiveDate,
        until: NaiveDate,
    },
    /// `log --activity X` matching no activity (`of_those`: of the kommuner named).
    NoActivityMatching {
        query: &'a str,
        of_those: bool,
    },
}

impl Words for RecordMsg<'_> {
    type Text = String;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> String {
        use RecordMsg::*;
        match self {
            FlagEmpty(flag) => format!("{flag} is empty; leave it out, or write it"),
            NotReadBack(f) => format!(
                "internal error: the new entry does not read back as written; {f} is unchanged"
            ),
            ChangedMeanwhile(f) => format!(
                "{f} was changed meanwhile and no longer loads; `pledge validate {f}` shows why"
            ),
            AreasBegun {
                area,
                kommun,
                areas,
            } => format!(
                "--area \"{area}\" begins the names of several of {kommun}'s areas: {areas}; give \
                 more of the one meant"
            ),
            NoIndicator {
                kommun,
                query,
                dated,
            } => {
                if *dated {
                    format!(
                        "no löfte of {kommun} that holds or precedes the date has an indicator \
                         \"{query}\""
                    )
                } else {
                    format!("no löfte of {kommun} has an indicator \"{query}\"")
                }
            }
            NoIndicatorTables => "; its löften have no `[[indicator]]` tables".into(),
            TheIndicators { after_question } => if *after_question {
                " The indicators:"
            } else {
                "; the indicators:"
            }
            .into(),
            NotFinite(v) => format!("{v} is not a number that can be measured"),
            NotANumber(v) => {
                format!("\"{v}\" is not a number; write it as 62, 62.5 or 62,5 (without the unit)")
            }
            ValueOutOfRange(v) => format!(
                "{v} is outside the range a measurement can have: at most 10^12 either way, and \
                 not below 1e-307 in size unless 0"
            ),
            UpdateWithoutImport => "--update and --indicator go with --fetch or --from-csv; to \
                                    record one value, write `pledge measure KOMMUN INDICATOR \
                                    VALUE`"
                .into(),
            GiveWhatToMeasure => {
                "give KOMMUN INDICATOR VALUE, or --fetch, or --from-csv FILE --indicator ID".into()
            }
            FutureOutcome {
                date,
                today,
                verdict,
            } => format!(
                "{date} is in the future (today is {today}); {}",
                if *verdict {
                    "record the verdict once it is given"
                } else {
                    "record a value once it is measured"
                }
            ),
            NoFollowupToJudge { kommun, date } => format!(
                "no löfte for {kommun} had started by {date}, so it has no follow-up to judge"
            ),
            BeforeFollowupDue { date, file, due } => format!(
                "{date} is before the follow-up of {file} is due (from {due}); a verdict is given \
                 at the follow-up"
            ),
            NotAVerdict(v) => format!(
                "\"{v}\" is not a verdict; write kept, partly or broken (uppfyllt, delvis, \"ej \
                 uppfyllt\")"
            ),
            VerdictNeedsReason => "a verdict needs a reason: --reason \"...\"".into(),
            NothingToUndo { file, log } => format!(
                "{file} has no {}entries to undo",
                if *log { "log " } else { "" }
            ),
            LastNotAsWritten(f) => format!(
                "the last entry of {f} is not as pledge wrote it (edited by hand, or not at the \
                 end of the file), so undo leaves it alone; edit the file by hand"
            ),
            EntryNotAsWritten {
                date,
                activity,
                file,
            } => format!(
                "the entry of {date} ({activity}) in {file} is not as `pledge done` wrote it \
                 (edited by hand, or followed by text of yours), so undo leaves it alone; edit \
                 the file by hand"
            ),
            EntryMoved(f) => {
                format!("{f} was changed meanwhile and the entry moved or went; run undo again")
            }
            SinceAfterUntil { since, until } => format!(
                "--since ({since}) is after --until ({until}), so no entry can be in between; \
                 swap them"
            ),
            NoActivityMatching { query, of_those } => format!(
                "no löfte{} has an activity matching \"{query}\"",
                if *of_those { " of those kommuner" } else { "" }
            ),
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use RecordMsg::*;
        match self {
            FlagEmpty(flag) => format!("{flag} är tomt; utelämna det eller skriv något"),
            NotReadBack(f) => format!(
                "internt fel: den nya posten läses inte tillbaka som den skrevs; {f} är oförändrad"
            ),
            ChangedMeanwhile(f) => format!(
                "{f} ändrades under tiden och går inte längre att läsa; `pledge validate {f}` \
                 visar varför"
            ),
            AreasBegun {
                area,
                kommun,
                areas,
            } => format!(
                "--area \"{area}\" är början på flera av {kommun}s områden: {areas}; skriv mer \
                 av det som avses"
            ),
            NoIndicator {
                kommun,
                query,
                dated,
            } => {
                if *dated {
                    format!(
                        "inget löfte för {kommun} som gäller eller har gällt före datumet har \
                         indikatorn \"{query}\""
                    )
                } else {
                    format!("inget löfte för {kommun} har indikatorn \"{query}\"")
                }
            }
            NoIndicatorTables => "; dess löften har inga `[[indicator]]`-tabeller".into(),
            TheIndicators { after_question } => if *after_question {
                " Indikatorerna:"
            } else {
                "; indikatorerna:"
            }
            .into(),
            NotFinite(v) => format!("{v} är inget tal som går att mäta"),
            NotANumber(v) => {
                format!("\"{v}\" är inget tal; skriv det som 62, 62.5 eller 62,5 (utan enhet)")
            }
            ValueOutOfRange(v) => format!(
                "{v} ligger utanför vad ett mätvärde kan vara: högst 10^12 åt vardera hållet och \
                 inte under 1e-307 i storlek om det inte är 0"
            ),
            UpdateWithoutImport => "--update och --indicator hör till --fetch eller \
                                    --from-csv; för att registrera ett enstaka värde, skriv \
                                    `pledge measure KOMMUN INDIKATOR VÄRDE`"
                .into(),
            GiveWhatToMeasure => "ange KOMMUN INDIKATOR VÄRDE, eller --fetch, eller --from-csv \
                                  FIL --indicator ID"
                .into(),
            FutureOutcome {
                date,
                today,
                verdict,
            } => format!(
                "{date} ligger i framtiden (i dag är det {today}); {}",
                if *verdict {
                    "registrera bedömningen när den är gjord"
                } else {
                    "registrera värdet när det är uppmätt"
                }
            ),
            NoFollowupToJudge { kommun, date } => format!(
                "inget löfte för {kommun} hade börjat gälla {date}, så det finns ingen \
                 uppföljning att bedöma"
            ),
            BeforeFollowupDue { date, file, due } => format!(
                "{date} ligger före uppföljningen av {file} (från {due}); en bedömning görs vid \
                 uppföljningen"
            ),
            NotAVerdict(v) => format!(
                "\"{v}\" är ingen bedömning; skriv uppfyllt, delvis eller \"ej uppfyllt\" (kept, \
                 partly, broken)"
            ),
            VerdictNeedsReason => "en bedömning behöver en motivering: --reason \"...\"".into(),
            NothingToUndo { file, log } => format!(
                "{file} har inga {}poster att ångra",
                if *log { "logg" } else { "" }
            ),
            LastNotAsWritten(f) => format!(
                "den sista posten i {f} är inte som pledge skrev den (ändrad för hand, eller inte \
                 sist i filen), så undo låter den vara; ändra filen för hand"
            ),
            EntryNotAsWritten {
                date,
                activity,
                file,
            } => format!(
                "posten från {date} ({activity}) i {file} är inte som `pledge done` skrev den \
                 (ändrad för hand, eller följd av egen text), så undo låter den vara; ändra \
                 filen för hand"
            ),
            EntryMoved(f) => format!(
                "{f} ändrades under tiden och posten flyttades eller försvann; kör undo igen"
            ),
            SinceAfterUntil { since, until } => format!(
                "--since ({since}) ligger efter --until ({until}), så ingen post kan finnas \
                 däremellan; byt plats på dem"
            ),
            NoActivityMatching { query, of_those } => format!(
                "inget löfte{} har en aktivitet som matchar \"{query}\"",
                if *of_those { " för de kommunerna" } else { "" }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;

    // Long because: one sample of every message, so the test reads each in both languages.
    #[test]
    fn every_message_reads_differently_in_each_language() {
        use RecordMsg::*;
        let d = NaiveDate::from_ymd_opt(2017, 3, 1).unwrap();
        let all = [
            FlagEmpty("--note"),
            NotReadBack("a.toml"),
            ChangedMeanwhile("a.toml"),
            AreasBegun {
                area: "n",
                kommun: "Sunne",
                areas: "Norr, Nord",
            },
            NoIndicator {
                kommun: "Sunne",
                query: "x",
                dated: true,
            },
            NoIndicatorTables,
            TheIndicators {
                after_question: true,
            },
            NotFinite("inf"),
            NotANumber("x"),
            ValueOutOfRange("1e13"),
            UpdateWithoutImport,
            GiveWhatToMeasure,
            FutureOutcome {
                date: d,
                today: d,
                verdict: true,
            },
            NoFollowupToJudge {
                kommun: "Sunne",
                date: d,
            },
            BeforeFollowupDue {
                date: d,
                file: "a.toml",
                due: d,
            },
            NotAVerdict("x"),
            VerdictNeedsReason,
            NothingToUndo {
                file: "a.toml",
                log: true,
            },
            LastNotAsWritten("a.toml"),
            EntryNotAsWritten {
                date: d,
                activity: "a",
                file: "a.toml",
            },
            EntryMoved("a.toml"),
            SinceAfterUntil { since: d, until: d },
            NoActivityMatching {
                query: "x",
                of_those: true,
            },
        ];
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 23, |m| match m {
            FlagEmpty(_) => 0,
            NotReadBack(_) => 1,
            ChangedMeanwhile(_) => 2,
            AreasBegun { .. } => 3,
            NoIndicator { .. } => 4,
            NoIndicatorTables => 5,
            TheIndicators { .. } => 6,
            NotFinite(_) => 7,
            NotANumber(_) => 8,
            ValueOutOfRange(_) => 9,
            UpdateWithoutImport => 10,
            GiveWhatToMeasure => 11,
            FutureOutcome { .. } => 12,
            NoFollowupToJudge { .. } => 13,
            BeforeFollowupDue { .. } => 14,
            NotAVerdict(_) => 15,
            VerdictNeedsReason => 16,
            NothingToUndo { .. } => 17,
            LastNotAsWritten(_) => 18,
            EntryNotAsWritten { .. } => 19,
            EntryMoved(_) => 20,
            SinceAfterUntil { .. } => 21,
            NoActivityMatching { .. } => 22,
        });
    }
}
