//! The messages of `new`, `status` and `list`'s choice of löften, the folder's unreadable
//! files, and the settings read from the environment: one exhaustive match per language
//! ([`CmdMsg::en`], [`CmdMsg::sv`]).

use super::Words;
use super::grammar::s;

/// A message of the commands that read the folder, with what it names (already safe to
/// print).
#[derive(Debug, Clone, PartialEq)]
pub enum CmdMsg<'a> {
    EndBeforeStart {
        start: &'a str,
        end: &'a str,
    },
    CannotCreateFolder,
    NameWithFolder(&'a str),
    AlreadyExists(&'a str),
    /// `new`'s reply.
    Wrote(&'a str),
    NoValidLoften(&'a str),
    /// `status` without a kommun in a folder of several: how many, the first's slug.
    SeveralKommuner {
        count: usize,
        first: &'a str,
    },
    NoLofteFor(&'a str),
    /// A file with conflict markers, left out: the file, why (the loader's words).
    MarkersLeft {
        file: &'a str,
        why: &'a str,
    },
    /// After a file's first error: how many in all, and the file.
    ErrorsInAll {
        errors: usize,
        file: &'a str,
    },
    /// A note: a file that may hold the löfte cannot be read (why; conflict markers or not).
    MayHold {
        file: &'a str,
        why: &'a str,
        markers: bool,
    },
    /// A note: how many other files cannot be read (`other`: after [`CmdMsg::MayHold`]).
    OthersUnreadable {
        n: usize,
        other: bool,
    },
    CannotReadCwd,
    NoTimeZone,
    ClockOutOfRange,
    LockTimeout {
        value: &'a str,
        max: f64,
        default: u64,
    },
    FetchTimeout {
        value: &'a str,
        default: u64,
    },
    KoladaUrl {
        value: &'a str,
        default: &'a str,
    },
    /// A PLEDGE_* variable set to nothing.
    SettingEmpty(&'a str),
    /// A PLEDGE_* variable set to a value its flag does not take (the values it takes).
    SettingOneOf {
        var: &'a str,
        value: &'a str,
        values: &'a str,
    },
    /// A PLEDGE_* variable of a count set to what is not a whole number.
    SettingNotWhole {
        var: &'a str,
        value: &'a str,
    },
    /// PLEDGE_USER set to nothing (no `--by` typed).
    EmptyUserVar,
    /// `report`: several löften of the kommun in force on the day (their areas joined).
    SeveralInForce {
        n: usize,
        kommun: &'a str,
        date: chrono::NaiveDate,
        areas: &'a str,
    },
    /// The area of a löfte for the whole kommun, in such a list.
    WholeKommunArea,
    /// A workbook asked for on a terminal.
    XlsxToTerminal,
}

impl Words for CmdMsg<'_> {
    type Text = String;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> String {
        use CmdMsg::*;
        match self {
            EndBeforeStart { start, end } => format!("--end ({end}) is before --start ({start})"),
            CannotCreateFolder => "cannot create the pledges folder".into(),
            NameWithFolder(n) => format!("--name takes a file name without a folder: {n}"),
            AlreadyExists(f) => {
                format!("{f} already exists; give the new löfte another file name with --name NAME")
            }
            Wrote(f) => format!("wrote {f}; fill it in, then run `pledge validate`"),
            NoValidLoften(d) => format!("the pledges folder {d} has no valid löften"),
            SeveralKommuner { count, first } => format!(
                "the folder has löften for {count} kommuner; name one (e.g. `pledge status \
                 {first}`) or use --all"
            ),
            NoLofteFor(k) => format!("the folder has no löfte for {k}"),
            MarkersLeft { file, why } => format!(
                "{file}: {why}: a merge left them; keep the lines you want from each side and \
                 delete the marker lines (the file is left out)"
            ),
            ErrorsInAll { errors, file } => format!(
                "  ({errors} error{} in all; `pledge validate {file}` shows them; the file is \
                 left out)",
                s(*errors)
            ),
            MayHold { file, why, markers } => {
                let fix = if *markers {
                    "resolve the merge conflict (keep the lines you want from each side, delete \
                     the marker lines), then `pledge validate`"
                } else {
                    "`pledge validate` shows every problem"
                };
                format!("note: {file} may hold it but cannot be read: {why}; {fix}")
            }
            OthersUnreadable { n, other } => format!(
                "note: {n} {}file{} in the folder could not be read; `pledge validate` shows why",
                if *other { "other " } else { "" },
                s(*n)
            ),
            CannotReadCwd => "cannot read the current directory".into(),
            NoTimeZone => "cannot find the time zone Europe/Stockholm".into(),
            ClockOutOfRange => "the clock shows a date out of range".into(),
            LockTimeout {
                value,
                max,
                default,
            } => format!(
                "PLEDGE_LOCK_TIMEOUT is \"{value}\"; set it to a number of seconds from 0 to \
                 {max} (e.g. 30 or 0.5), or unset it for the default of {default} s"
            ),
            FetchTimeout { value, default } => format!(
                "PLEDGE_FETCH_TIMEOUT is \"{value}\"; set it to a number of seconds above 0, at \
                 most 3600 (e.g. 30 or 2.5), or unset it for the default of {default} s"
            ),
            KoladaUrl { value, default } => format!(
                "PLEDGE_KOLADA_URL is \"{value}\"; set it to an address starting with https:// \
                 or http:// (e.g. {default}), or unset it"
            ),
            SettingEmpty(var) => format!("{var} is set but empty; give it a value, or unset it"),
            SettingOneOf { var, value, values } => {
                format!("{var} is \"{value}\"; set it to one of {values}, or unset it")
            }
            SettingNotWhole { var, value } => format!(
                "{var} is \"{value}\"; set it to a whole number from 0 (e.g. 30), or unset it"
            ),
            EmptyUserVar => "PLEDGE_USER is set but empty; unset it to use git's user.name or \
                             the login name, or give --by NAME"
                .into(),
            SeveralInForce {
                n,
                kommun,
                date,
                areas,
            } => format!(
                "{n} löften for {kommun} are in force on {date}; choose one with --area ({areas})"
            ),
            WholeKommunArea => "the whole kommun: no --area".into(),
            XlsxToTerminal => "an xlsx workbook is binary and is not written to a terminal: give \
                               --output FILE (or redirect standard output to a file)"
                .into(),
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use CmdMsg::*;
        match self {
            EndBeforeStart { start, end } => {
                format!("--end ({end}) ligger före --start ({start})")
            }
            CannotCreateFolder => "kan inte skapa löftesmappen".into(),
            NameWithFolder(n) => format!("--name ska vara ett filnamn utan mapp: {n}"),
            AlreadyExists(f) => {
                format!("{f} finns redan; ge det nya löftet ett annat filnamn med --name NAMN")
            }
            Wrote(f) => format!("skrev {f}; fyll i den och kör sedan `pledge validate`"),
            NoValidLoften(d) => format!("löftesmappen {d} har inga giltiga löften"),
            SeveralKommuner { count, first } => format!(
                "mappen har löften för {count} kommuner; ange en (t.ex. `pledge status {first}`) \
                 eller använd --all"
            ),
            NoLofteFor(k) => format!("mappen har inget löfte för {k}"),
            MarkersLeft { file, why } => format!(
                "{file}: {why}: en sammanslagning lämnade dem kvar; behåll de rader du vill ha \
                 från varje sida och ta bort markeringsraderna (filen hoppas över)"
            ),
            ErrorsInAll { errors, file } => format!(
                "  ({errors} fel sammanlagt; `pledge validate {file}` visar dem; filen hoppas \
                 över)"
            ),
            MayHold { file, why, markers } => {
                let fix = if *markers {
                    "lös konflikten från sammanslagningen (behåll de rader du vill ha från varje \
                     sida, ta bort markeringsraderna) och kör sedan `pledge validate`"
                } else {
                    "`pledge validate` visar alla problem"
                };
                format!("obs: {file} kan innehålla löftet men går inte att läsa: {why}; {fix}")
            }
            OthersUnreadable { n, other } => format!(
                "obs: {n} {} i mappen gick inte att läsa; `pledge validate` visar varför",
                match (*n == 1, *other) {
                    (true, true) => "annan fil",
                    (true, false) => "fil",
                    (false, true) => "andra filer",
                    (false, false) => "filer",
                }
            ),
            CannotReadCwd => "kan inte läsa den aktuella mappen".into(),
            NoTimeZone => "hittar inte tidszonen Europe/Stockholm".into(),
            ClockOutOfRange => "klockan visar ett datum som inte går att räkna med".into(),
            LockTimeout {
                value,
                max,
                default,
            } => format!(
                "PLEDGE_LOCK_TIMEOUT är \"{value}\"; sätt den till ett antal sekunder från 0 \
                 till {max} (t.ex. 30 eller 0.5), eller ta bort den, så gäller \
                 standardvärdet {default} s"
            ),
            FetchTimeout { value, default } => format!(
                "PLEDGE_FETCH_TIMEOUT är \"{value}\"; sätt den till ett antal sekunder över 0, \
                 högst 3600 (t.ex. 30 eller 2.5), eller ta bort den, så gäller \
                 standardvärdet {default} s"
            ),
            KoladaUrl { value, default } => format!(
                "PLEDGE_KOLADA_URL är \"{value}\"; sätt den till en adress som börjar med \
                 https:// eller http:// (t.ex. {default}), eller ta bort den"
            ),
            SettingEmpty(var) => {
                format!("{var} är satt men tom; ge den ett värde eller ta bort den")
            }
            SettingOneOf { var, value, values } => {
                format!("{var} är \"{value}\"; sätt den till något av {values}, eller ta bort den")
            }
            SettingNotWhole { var, value } => format!(
                "{var} är \"{value}\"; sätt den till ett heltal från 0 (t.ex. 30), eller ta \
                 bort den"
            ),
            EmptyUserVar => "PLEDGE_USER är satt men tom; ta bort den, så används gits \
                             user.name eller inloggningsnamnet, eller ange --by NAMN"
                .into(),
            SeveralInForce {
                n,
                kommun,
                date,
                areas,
            } => format!("{n} löften för {kommun} gäller {date}; välj ett med --area ({areas})"),
            WholeKommunArea => "hela kommunen: utan --area".into(),
            XlsxToTerminal => "en xlsx-arbetsbok är binär och skrivs inte till en terminal: ange \
                               --output FIL (eller styr om standard ut till en fil)"
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::i18n::Lang;
    use crate::view::messages::each_reads_differently;

    // Long because: one sample of every message, so the test reads each in both languages.
    #[test]
    fn every_message_reads_differently_in_each_language() {
        use CmdMsg::*;
        let all = [
            EndBeforeStart {
                start: "2030-01-01",
                end: "2029-12-31",
            },
            CannotCreateFolder,
            NameWithFolder("a/b.toml"),
            AlreadyExists("a.toml"),
            Wrote("a.toml"),
            NoValidLoften("pledges"),
            SeveralKommuner {
                count: 2,
                first: "alvesta",
            },
            NoLofteFor("Stockholm"),
            MarkersLeft {
                file: "a.toml",
                why: "conflict markers at line 2",
            },
            ErrorsInAll {
                errors: 2,
                file: "a.toml",
            },
            MayHold {
                file: "a.toml",
                why: "line 2",
                markers: true,
            },
            OthersUnreadable { n: 1, other: true },
            CannotReadCwd,
            NoTimeZone,
            ClockOutOfRange,
            LockTimeout {
                value: "x",
                max: 86400.0,
                default: 30,
            },
            FetchTimeout {
                value: "x",
                default: 30,
            },
            KoladaUrl {
                value: "x",
                default: "https://example.org",
            },
            SettingEmpty("PLEDGE_DIR"),
            SettingOneOf {
                var: "PLEDGE_LANG",
                value: "de",
                values: "sv, en",
            },
            SettingNotWhole {
                var: "PLEDGE_WITHIN",
                value: "x",
            },
            EmptyUserVar,
            SeveralInForce {
                n: 2,
                kommun: "Sunne",
                date: chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap(),
                areas: "Norr",
            },
            WholeKommunArea,
            XlsxToTerminal,
        ];
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 25, |m| match m {
            EndBeforeStart { .. } => 0,
            CannotCreateFolder => 1,
            NameWithFolder(_) => 2,
            AlreadyExists(_) => 3,
            Wrote(_) => 4,
            NoValidLoften(_) => 5,
            SeveralKommuner { .. } => 6,
            NoLofteFor(_) => 7,
            MarkersLeft { .. } => 8,
            ErrorsInAll { .. } => 9,
            MayHold { .. } => 10,
            OthersUnreadable { .. } => 11,
            CannotReadCwd => 12,
            NoTimeZone => 13,
            ClockOutOfRange => 14,
            LockTimeout { .. } => 15,
            FetchTimeout { .. } => 16,
            KoladaUrl { .. } => 17,
            SettingEmpty(_) => 18,
            SettingOneOf { .. } => 19,
            SettingNotWhole { .. } => 20,
            EmptyUserVar => 21,
            SeveralInForce { .. } => 22,
            WholeKommunArea => 23,
            XlsxToTerminal => 24,
        });
    }

    #[test]
    fn swedish_counts_agree() {
        let one = CmdMsg::OthersUnreadable { n: 1, other: true };
        assert!(one.say(Lang::Sv).starts_with("obs: 1 annan fil i mappen"));
        let two = CmdMsg::OthersUnreadable { n: 2, other: false };
        assert!(two.say(Lang::Sv).starts_with("obs: 2 filer i mappen"));
    }
}
