//! The word store: every label, status word and message a person reads, in Swedish and in
//! English, for the terminal, the report, the site, the calendar and the spreadsheets. One
//! enum per area, each a [`Words`]: one exhaustive match per language (`en`, `sv`), so the
//! compiler proves every word exists in both, and `say(lang)` written once for all. A test per
//! area gives a sample of each variant to one check (`each_reads_differently`), which proves
//! each reads differently in each language; the loader's diagnostics
//! ([`crate::view::diag_words`]) are [`Words`] too:
//!
//! - [`Msg`] (here): errors, hints, did-you-mean, the replies of `done`, `undo` and `site`;
//! - [`labels`]: [`Label`], table headers, headings and status words, and the counted phrases
//!   built from them; [`outcome`]: [`OutcomeLabel`], the words of indicators and verdicts;
//! - [`site`]: the site's texts; [`validate`]: `validate`'s frame and last line;
//! - [`git`]: `git setup`, `git check`; [`merge`]: `verify-merge`, the merge driver;
//! - [`calendar`]: the calendar feed's event summaries;
//! - [`commands`]: `new`, `status`'s choice, the folder's unreadable files, the settings;
//! - [`record`]: `measure`, `verdict`, `undo`'s refusals and the writes they share;
//! - [`store`]: the store's, said by the error printer in the reader's language;
//! - [`import`]: `measure --fetch` (Kolada) and `measure --from-csv`;
//! - [`done`]: `done`'s refusals about the follow-up, events, parts, units and flags.
//!
//! A match is as long as its area has messages (each arm is one message, read alone). The
//! English words are those pledge has always printed (scripts and tests read them);
//! the Swedish ones are written as a kommunpolis or a BRÅ secretary writes.
//!
//! Long because: every message of the commands in both languages, one exhaustive match per
//! language, and the samples that prove each reads differently.

use chrono::NaiveDate;

pub(crate) mod grammar;

pub mod calendar;
pub mod commands;
pub mod copies;
pub mod dcat;
pub mod done;
pub mod draft;
pub mod finding;
pub mod git;
pub mod import;
pub mod labels;
pub mod merge;
pub mod outcome;
pub mod phrase;
pub mod record;
pub mod site;
pub mod site_refusal;
pub mod store;
pub mod target;
pub mod truth;
pub mod validate;
mod words;

use grammar::{either, genitive, joined, s};

pub use calendar::CalendarMsg;
pub use commands::CmdMsg;
pub use copies::CopyMsg;
pub use dcat::DcatWords;
pub use done::DoneMsg;
pub use draft::DraftMsg;
pub use finding::FindingMsg;
pub use git::GitMsg;
pub use import::ImportMsg;
pub use labels::Label;
pub use merge::{LostKind, MergeMsg};
pub use outcome::OutcomeLabel;
pub use phrase::Phrase;
pub use record::RecordMsg;
pub use site_refusal::SiteRefusal;
pub use store::StoreMsg;
pub use target::{TargetWord, WindowNoun};
pub use truth::TruthMsg;
pub use validate::{ValidateMsg, diag_words};
pub use words::Words;
#[cfg(test)]
pub(crate) use words::{each_reads_differently, each_reads_differently_but};

/// A message with what it names.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg<'a> {
    /// The severity word of an error ("error" / "fel"), as `pledge: error: ` and a
    /// diagnostic say it.
    Error,
    /// "did you mean `a` or `b`?" (the names already quoted as they should be).
    DidYouMean(&'a [String]),
    /// How many more a cut list leaves out ("… 12 more").
    More(usize),
    UnknownKommun(&'a str),
    /// The kommuner of the folder, after an unknown one (the list, or None: no löfte).
    FolderHas(Option<&'a str>),
    /// An activity argument that names none of the löfte's activities.
    NoActivity {
        query: &'a str,
        file: &'a str,
    },
    /// What follows [`Msg::NoActivity`]: the list of the löfte's activities.
    ItsActivities,
    /// The line of the list that names the follow-up.
    FollowupItself,
    /// An activity argument that names several.
    SeveralActivities {
        query: &'a str,
        n: usize,
        file: &'a str,
    },
    /// A verdict named the follow-up itself.
    VerdictOnFollowup,
    EmptyNote,
    EmptyBy,
    /// What `undo` is about to remove, said before it does.
    Removing {
        by: Option<&'a str>,
        date: NaiveDate,
        activity: &'a str,
        dry_run: bool,
    },
    /// After [`Msg::Removing`], for an entry that is not the user's.
    NotYours(Option<&'a str>),
    NoEntriesToUndo {
        kommun: &'a str,
    },
    NoneOfYours {
        others: usize,
        kommun: &'a str,
        user: Option<&'a str>,
        log: &'a str,
    },
    NoEntryMatches {
        kommun: &'a str,
        date: Option<NaiveDate>,
        activity: Option<&'a str>,
        index: Option<usize>,
        log: &'a str,
    },
    /// No löfte of the kommun (in the area asked for) holds the day of the work.
    NoneHolds {
        kommun: &'a str,
        date: NaiveDate,
        area: Option<&'a str>,
    },
    /// After [`Msg::NoneHolds`] when the folder has no löfte of the kommun at all.
    NoneForIt,
    /// After [`Msg::NoneHolds`]: the list of the kommun's löften follows.
    ItsLoften,
    /// A löfte's period in such a list.
    PeriodSpan {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// The whole kommun, or the area named, in such a list.
    AreaOf(Option<&'a str>),
    GiveTheDate,
    GiveTheArea,
    /// Several löften of the kommun hold the day.
    SeveralHold {
        n: usize,
        kommun: &'a str,
        date: NaiveDate,
    },
    ChooseArea,
    /// Work dated after today.
    FutureWork {
        date: NaiveDate,
        today: NaiveDate,
    },
    /// A date argument that is not a date (the flag as clap names it, what was typed).
    BadDate {
        arg: &'a str,
        value: &'a str,
    },
    /// `undo --index 0`: the numbers of `pledge log` begin at 1.
    IndexFromOne,
    /// `site`'s reply: how many löften, the folder, how many files, how many of them changed,
    /// how many files of the last build it removed (shown when any).
    SiteWrote {
        loften: usize,
        out: &'a str,
        files: usize,
        changed: usize,
        removed: usize,
    },
    /// The heading of an export's column the labels do not name (`value`, `verdict`,
    /// `source`), or its code column's (`verdict_code`); any other key as it is.
    ExportColumn(&'a str),
    /// `dcat.rdf`'s rights statement when no `site --licence` is given.
    LicenceNotStated,
    /// What "no reports" means when an activity began within the 90 days it looks back
    /// over: since its start (the day), or, for several that began on different days, either.
    NothingReportedSince(Option<NaiveDate>),
    /// `done`'s reply when the file now holds the same work on the same day `times` times,
    /// with the command that removes the last.
    SameDayAgain {
        activity: &'a str,
        date: NaiveDate,
        times: usize,
        undo: &'a str,
    },
    /// `pledge import`: the draft read asks more windows of work than one file may hold.
    ImportTooManyWindows {
        name: &'a str,
        activities: usize,
        asked: u64,
        max: u64,
    },
}

impl Words for Msg<'_> {
    type Text = String;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> String {
        use Msg::*;
        match self {
            Error => "error".into(),
            DidYouMean(names) => format!("did you mean {}?", either(names, "or")),
            More(n) => format!("… {n} more"),
            UnknownKommun(k) => format!("unknown kommun \"{k}\""),
            FolderHas(list) => format!("the folder has löften for: {}", list.unwrap_or("(none)")),
            NoActivity { query, file } => format!("no activity \"{query}\" in {file}"),
            ItsActivities => "its activities:".into(),
            FollowupItself => "the follow-up itself".into(),
            SeveralActivities { query, n, file } => {
                format!("\"{query}\" matches {n} activities of {file}; give the id:")
            }
            VerdictOnFollowup => "a verdict is on one activity; record the follow-up itself \
                                  with `pledge done KOMMUN followup`"
                .into(),
            EmptyNote => "the note is empty; leave out --note, or write what happened".into(),
            EmptyBy => "--by is empty; leave it out to use PLEDGE_USER, git's user.name or the \
                        login name"
                .into(),
            Removing {
                by,
                date,
                activity,
                dry_run,
            } => {
                let verb = if *dry_run { "would remove" } else { "removing" };
                let what = format!("entry of {date} ({activity})");
                match by {
                    Some(by) => format!("{verb} {by}'s {what}"),
                    None => format!("{verb} the {what}, which names no one (no `by`)"),
                }
            }
            NotYours(user) => format!(
                "; it is not yours{}, and is removed because you named it",
                user.map(|u| format!(" ({u})")).unwrap_or_default()
            ),
            NoEntriesToUndo { kommun } => {
                format!("no löfte for {kommun} has recorded entries to undo")
            }
            NoneOfYours {
                others,
                kommun,
                user,
                log,
            } => {
                let who = match user {
                    Some(u) => format!("yours ({u})"),
                    None => "yours (pledge does not know your name: give --by or set \
                             PLEDGE_USER)"
                        .to_string(),
                };
                format!(
                    "none of the {others} entr{} of {kommun}'s löften is {who}, so undo removes \
                     none; name the one to remove with --date, --activity or --index N (N as \
                     `{log}` numbers them)",
                    if *others == 1 { "y" } else { "ies" },
                )
            }
            NoEntryMatches {
                kommun,
                date,
                activity,
                index,
                log,
            } => {
                let named = [
                    date.map(|d| format!("dated {d}")),
                    activity.map(|a| format!("of activity \"{a}\"")),
                    index.map(|n| format!("number {n}")),
                ];
                format!(
                    "no entry of {kommun}'s löften is {}; `{log}` lists them",
                    joined(named)
                )
            }
            NoneHolds { kommun, date, area } => match area {
                Some(a) => format!("no löfte for {kommun} in an area named \"{a}\" holds {date}"),
                None => format!("no löfte for {kommun} holds {date}"),
            },
            NoneForIt => " (there are none for it in the folder)".into(),
            ItsLoften => "; its löften:".into(),
            PeriodSpan { start, end } => format!("{start} to {end}"),
            AreaOf(area) => match area {
                Some(a) => format!("area \"{a}\""),
                None => "the whole kommun".into(),
            },
            GiveTheDate => "give the date of the work with --date YYYY-MM-DD".into(),
            GiveTheArea => "give the area as its löfte names it (the beginning is enough), or \
                            leave --area out for the whole kommun"
                .into(),
            SeveralHold { n, kommun, date } => format!("{n} löften for {kommun} hold {date}:"),
            ChooseArea => "choose one with --area TEXT (the whole kommun: leave --area out when \
                           only one has no area)"
                .into(),
            FutureWork { date, today } => {
                format!("{date} is in the future (today is {today}); record work once it is done")
            }
            IndexFromOne => "--index counts from 1, the oldest entry in the # column of `pledge \
                             log KOMMUN`"
                .into(),
            SiteWrote {
                loften,
                out,
                files,
                changed,
                removed,
            } => format!(
                "wrote {loften} {} to {out} ({files} file{}, {changed} changed{})",
                if *loften == 1 { "löfte" } else { "löften" },
                s(*files),
                match removed {
                    0 => String::new(),
                    n => format!("; removed {n} old file{}", s(*n)),
                }
            ),
            ExportColumn(key) => key.to_string(),
            LicenceNotStated => "The licence is not stated.".into(),
            NothingReportedSince(Some(start)) => {
                format!("nothing reported since the start, {start}")
            }
            NothingReportedSince(None) => "nothing reported in the last 90 days, or since the \
                                           start for an activity that began later"
                .into(),
            BadDate { arg, value } => format!(
                "{arg}: \"{value}\" is not a date; write YYYY-MM-DD (e.g. 2016-05-12), today or \
                 yesterday"
            ),
            SameDayAgain {
                activity,
                date,
                times,
                undo,
            } => format!(
                "note: \"{activity}\" is now recorded {times} times on {date}, and each counts\n  \
                 if this one was a mistake, `{undo}` removes it"
            ),
            ImportTooManyWindows {
                name,
                activities,
                asked,
                max,
            } => format!(
                "cannot import {name}: the draft read from it has {activities} activities, which \
                 ask about {asked} windows of work to judge, and one pledge file holds at most \
                 {max}; this is the text's size, not a fault in it. Split the text into several \
                 löften (one file each, for example one per section) and import each; nothing \
                 was written"
            ),
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use Msg::*;
        match self {
            Error => "fel".into(),
            DidYouMean(names) => format!("menade du {}?", either(names, "eller")),
            More(n) => format!("… och {n} till"),
            UnknownKommun(k) => format!("okänd kommun \"{k}\""),
            FolderHas(list) => format!("mappen har löften för: {}", list.unwrap_or("(inga)")),
            NoActivity { query, file } => format!("ingen aktivitet \"{query}\" i {file}"),
            ItsActivities => "löftets aktiviteter:".into(),
            FollowupItself => "själva uppföljningen".into(),
            SeveralActivities { query, n, file } => {
                format!("\"{query}\" passar {n} aktiviteter i {file}; ange id:")
            }
            VerdictOnFollowup => "en bedömning gäller en aktivitet; registrera själva \
                                  uppföljningen med `pledge done KOMMUN followup`"
                .into(),
            EmptyNote => "anteckningen är tom; utelämna --note eller skriv vad som hände".into(),
            EmptyBy => "--by är tomt; utelämna det för att använda PLEDGE_USER, gits \
                        user.name eller inloggningsnamnet"
                .into(),
            Removing {
                by,
                date,
                activity,
                dry_run,
            } => {
                let verb = if *dry_run {
                    "skulle ta bort"
                } else {
                    "tar bort"
                };
                match by {
                    Some(by) => format!("{verb} posten från {by} ({date}, {activity})"),
                    None => format!(
                        "{verb} posten ({date}, {activity}), som inte anger vem (inget `by`)"
                    ),
                }
            }
            NotYours(user) => format!(
                "; den är inte din{} och tas bort för att du pekade ut den",
                user.map(|u| format!(" ({u})")).unwrap_or_default()
            ),
            NoEntriesToUndo { kommun } => {
                format!("inget löfte för {kommun} har några poster att ångra")
            }
            NoneOfYours {
                others,
                kommun,
                user,
                log,
            } => {
                let user = match user {
                    Some(u) => format!(" ({u})"),
                    None => " (pledge vet inte vad du heter: ange --by eller sätt PLEDGE_USER)"
                        .to_string(),
                };
                let k = genitive(kommun);
                let hint = format!(
                    "ange vilken som ska bort med --date, --activity eller --index N (N som \
                     `{log}` numrerar dem)"
                );
                if *others == 1 {
                    format!(
                        "den enda posten i {k} löften är inte din{user}, så undo tar inte bort \
                         den; {hint}"
                    )
                } else {
                    format!(
                        "ingen av de {others} posterna i {k} löften är din{user}, så undo tar \
                         inte bort någon; {hint}"
                    )
                }
            }
            NoEntryMatches {
                kommun,
                date,
                activity,
                index,
                log,
            } => {
                let named = [
                    date.map(|d| format!("datumet {d}")),
                    activity.map(|a| format!("aktiviteten \"{a}\"")),
                    index.map(|n| format!("nummer {n}")),
                ];
                format!(
                    "ingen post i {} löften har {}; `{log}` visar dem",
                    genitive(kommun),
                    joined(named)
                )
            }
            NoneHolds { kommun, date, area } => match area {
                Some(a) => {
                    format!("inget löfte för {kommun} i ett område som heter \"{a}\" gäller {date}")
                }
                None => format!("inget löfte för {kommun} gäller {date}"),
            },
            NoneForIt => " (mappen har inga löften för kommunen)".into(),
            ItsLoften => "; kommunens löften:".into(),
            PeriodSpan { start, end } => format!("{start} – {end}"),
            AreaOf(area) => match area {
                Some(a) => format!("området \"{a}\""),
                None => "hela kommunen".into(),
            },
            GiveTheDate => "ange dagen för arbetet med --date ÅÅÅÅ-MM-DD".into(),
            GiveTheArea => "ange området som löftet skriver det (början räcker), eller utelämna \
                            --area för hela kommunen"
                .into(),
            SeveralHold { n, kommun, date } => {
                format!("{n} löften för {kommun} gäller {date}:")
            }
            ChooseArea => "välj ett med --area TEXT (hela kommunen: utelämna --area när bara ett \
                           saknar område)"
                .into(),
            IndexFromOne => "--index räknar från 1, den äldsta posten i #-kolumnen i `pledge log \
                             KOMMUN`"
                .into(),
            SiteWrote {
                loften,
                out,
                files,
                changed,
                removed,
            } => format!(
                "skrev {loften} {} till {out} ({files} {}, {changed} {}{})",
                if *loften == 1 { "löfte" } else { "löften" },
                if *files == 1 { "fil" } else { "filer" },
                if *changed == 1 { "ändrad" } else { "ändrade" },
                match removed {
                    0 => String::new(),
                    1 => "; tog bort 1 gammal fil".to_string(),
                    n => format!("; tog bort {n} gamla filer"),
                }
            ),
            ExportColumn(key) => match *key {
                "value" => "Värde",
                "verdict" => "Bedömning",
                "verdict_code" => "Bedömning (kod)",
                "source" => "Källa",
                k => k,
            }
            .to_string(),
            LicenceNotStated => "Licensen är inte angiven.".into(),
            NothingReportedSince(Some(start)) => format!("inget rapporterat sedan starten {start}"),
            NothingReportedSince(None) => "inget rapporterat de senaste 90 dagarna, eller sedan \
                                           starten för en aktivitet som började senare"
                .into(),
            BadDate { arg, value } => format!(
                "{arg}: \"{value}\" är inget datum; skriv ÅÅÅÅ-MM-DD (t.ex. 2016-05-12), idag \
                 eller igår"
            ),
            FutureWork { date, today } => format!(
                "{date} ligger i framtiden (i dag är det {today}); registrera arbetet när det är \
                 gjort"
            ),
            SameDayAgain {
                activity,
                date,
                times,
                undo,
            } => format!(
                "obs: \"{activity}\" är nu registrerad {times} gånger den {date}, och var och en \
                 räknas\n  om den senaste var ett misstag tar `{undo}` bort den"
            ),
            ImportTooManyWindows {
                name,
                activities,
                asked,
                max,
            } => format!(
                "kan inte importera {name}: utkastet som lästes har {activities} aktiviteter, \
                 som kräver omkring {asked} perioder av arbete att bedöma, och en löftesfil rymmer \
                 högst {max}; det beror på textens storlek, inte på ett fel i den. Dela upp texten \
                 i flera löften (en fil var, till exempel en per avsnitt) och importera var och \
                 en; inget skrevs"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::i18n::Lang;
    use crate::view::messages::each_reads_differently;

    /// One of every message; the test's exhaustive match makes a new variant fail until it
    /// is added here.
    // Long because: one sample of every message, so the test reads each in both languages.
    fn every() -> Vec<Msg<'static>> {
        let d = NaiveDate::from_ymd_opt(2016, 5, 12).unwrap();
        let names: &'static [String] = Box::leak(Box::new(["`a`".to_string(), "`b`".into()]));
        vec![
            Msg::Error,
            Msg::DidYouMean(names),
            Msg::More(4),
            Msg::UnknownKommun("x"),
            Msg::FolderHas(Some("Alvesta")),
            Msg::NoActivity {
                query: "q",
                file: "f.toml",
            },
            Msg::ItsActivities,
            Msg::FollowupItself,
            Msg::SeveralActivities {
                query: "q",
                n: 2,
                file: "f.toml",
            },
            Msg::VerdictOnFollowup,
            Msg::EmptyNote,
            Msg::EmptyBy,
            Msg::Removing {
                by: Some("Anna Andersson"),
                date: d,
                activity: "a",
                dry_run: true,
            },
            Msg::NotYours(Some("Bo")),
            Msg::NoEntriesToUndo {
                kommun: "Filipstad",
            },
            Msg::NoneOfYours {
                others: 2,
                kommun: "Filipstad",
                user: Some("Bo"),
                log: "pledge log filipstad",
            },
            Msg::NoEntryMatches {
                kommun: "Filipstad",
                date: Some(d),
                activity: None,
                index: None,
                log: "pledge log filipstad",
            },
            Msg::NoneHolds {
                kommun: "Filipstad",
                date: d,
                area: None,
            },
            Msg::NoneForIt,
            Msg::ItsLoften,
            Msg::PeriodSpan { start: d, end: d },
            Msg::AreaOf(None),
            Msg::GiveTheDate,
            Msg::GiveTheArea,
            Msg::SeveralHold {
                n: 2,
                kommun: "Filipstad",
                date: d,
            },
            Msg::ChooseArea,
            Msg::FutureWork { date: d, today: d },
            Msg::BadDate {
                arg: "--date <DATE>",
                value: "2016-13-01",
            },
            Msg::IndexFromOne,
            Msg::SiteWrote {
                loften: 2,
                out: "site",
                files: 7,
                changed: 1,
                removed: 2,
            },
            Msg::ExportColumn("verdict"),
            Msg::LicenceNotStated,
            Msg::NothingReportedSince(Some(d)),
            Msg::SameDayAgain {
                activity: "trygg",
                date: d,
                times: 2,
                undo: "pledge undo filipstad",
            },
            Msg::ImportTooManyWindows {
                name: "stor.txt",
                activities: 6500,
                asked: 338_000,
                max: 20_000,
            },
        ]
    }

    #[test]
    fn every_message_exists_in_both_languages_and_reads_differently() {
        use Msg::*;
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&every(), 35, |m| match m {
            Error => 0,
            DidYouMean(_) => 1,
            More(_) => 2,
            UnknownKommun(_) => 3,
            FolderHas(_) => 4,
            NoActivity { .. } => 5,
            ItsActivities => 6,
            FollowupItself => 7,
            SeveralActivities { .. } => 8,
            VerdictOnFollowup => 9,
            EmptyNote => 10,
            EmptyBy => 11,
            Removing { .. } => 12,
            NotYours(_) => 13,
            NoEntriesToUndo { .. } => 14,
            NoneOfYours { .. } => 15,
            NoEntryMatches { .. } => 16,
            NoneHolds { .. } => 17,
            NoneForIt => 18,
            ItsLoften => 19,
            PeriodSpan { .. } => 20,
            AreaOf(_) => 21,
            GiveTheDate => 22,
            GiveTheArea => 23,
            SeveralHold { .. } => 24,
            ChooseArea => 25,
            FutureWork { .. } => 26,
            BadDate { .. } => 27,
            SiteWrote { .. } => 28,
            IndexFromOne => 29,
            ExportColumn(_) => 30,
            LicenceNotStated => 31,
            NothingReportedSince(_) => 32,
            SameDayAgain { .. } => 33,
            ImportTooManyWindows { .. } => 34,
        });
    }

    #[test]
    fn swedish_words_agree_in_number() {
        let removing = Msg::Removing {
            by: Some("Anna Andersson"),
            date: NaiveDate::from_ymd_opt(2016, 5, 12).unwrap(),
            activity: "trygghetsvandring",
            dry_run: true,
        };
        assert_eq!(
            removing.say(Lang::Sv),
            "skulle ta bort posten från Anna Andersson (2016-05-12, trygghetsvandring)"
        );
        let one = Msg::NoneOfYours {
            others: 1,
            kommun: "Filipstad",
            user: Some("Bo"),
            log: "pledge log filipstad",
        };
        assert!(
            one.say(Lang::Sv)
                .starts_with("den enda posten i Filipstads löften är inte din"),
            "{}",
            one.say(Lang::Sv)
        );
    }
}
