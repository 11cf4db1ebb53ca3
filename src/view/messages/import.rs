//! The messages of `measure --fetch` (Kolada) and `measure --from-csv`: what was written,
//! what was held back, and why an indicator could not be read. One exhaustive match per
//! language ([`ImportMsg::en`], [`ImportMsg::sv`]).

use super::Words;

/// A message of the measurement imports, with what it names (already safe to print).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportMsg<'a> {
    /// "error: FILE: indicator ID: WHY; nothing written for it" (WHY in the language).
    IndicatorFailed {
        error: &'a str,
        file: &'a str,
        indicator: &'a str,
        why: &'a str,
    },
    /// WHY of [`ImportMsg::IndicatorFailed`]: a value the indicator refuses.
    DoesNotFit {
        source: &'a str,
        why: &'a str,
    },
    /// WHY: Kolada's answer, after "Kolada (BASE) SERIES: ".
    FromKolada {
        base: &'a str,
        series: &'a str,
        why: &'a str,
    },
    /// A löfte of several kommuner (how many, their names).
    SeveralKommuner {
        n: usize,
        names: &'a str,
    },
    /// Kolada's description of a key figure (Some) or its answer (None) changed shape.
    ChangedShape {
        kpi: Option<&'a str>,
        e: &'a str,
    },
    NotFound404(&'a str),
    NoKeyFigure(&'a str),
    /// No values of the key figure (its gender, the kommun, its code, the years).
    NoValues {
        kpi: &'a str,
        gender: &'a str,
        kommun: &'a str,
        kod: &'a str,
        years: &'a str,
    },
    /// No indicator (named so, or any) names a series (`whom`: the folder or kommuner).
    NoSeries {
        named: Option<&'a str>,
        kommuner: Option<&'a str>,
        folder: &'a str,
    },
    /// The service earlier in the run did not answer.
    NotAsked(&'a str),
    NoAnswerWithin(f64),
    NoCompleteAnswerWithin(f64),
    HostNotFound,
    CannotConnect,
    CannotConnectIo(&'a str),
    /// An HTTP status other than 200 (404, 429, 5xx words; any other bare).
    HttpStatus(u16),
    AnswerUnreadable(&'a str),
    /// `--from-csv` without `--indicator`.
    CsvNeedsIndicator,
    NoRowsFor {
        file: &'a str,
        names: &'a str,
        query: &'a str,
    },
    RowsLeftAside(usize),
    /// No löfte (of the kommun) has the indicator.
    NoLofteHasIndicator {
        kommun: Option<&'a str>,
        query: &'a str,
    },
    /// Two values of one kommun and year in the file.
    AnotherValue {
        file: &'a str,
        line: usize,
        kommun: &'a str,
        year: i32,
        other: usize,
    },
    NotAFile(&'a str),
    CsvTooLarge(&'a str),
    CannotRead(&'a str),
    /// A value published differently from the file's, held back without --update.
    Changed {
        file: &'a str,
        indicator: &'a str,
        year: i32,
        source: &'a str,
        new: &'a str,
        new_preliminary: bool,
        old: &'a str,
        old_preliminary: bool,
    },
    /// The last line's parts.
    Written {
        n: usize,
        dry_run: bool,
    },
    AlreadyInFiles(usize),
    HeldBack(usize),
    CouldNotRead(usize),
}

impl Words for ImportMsg<'_> {
    type Text = String;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> String {
        use ImportMsg::*;
        let pre = |p: bool| if p { " (preliminary)" } else { "" };
        match self {
            IndicatorFailed {
                error,
                file,
                indicator,
                why,
            } => format!("{error}: {file}: indicator {indicator}: {why}; nothing written for it"),
            DoesNotFit { source, why } => format!("a value from {source} does not fit it: {why}"),
            FromKolada { base, series, why } => format!("Kolada ({base}) {series}: {why}"),
            SeveralKommuner { n, names } => format!(
                "the löfte is for {n} kommuner ({names}) and a measurement names no kommun, so \
                 their values cannot be told apart; record them by hand with `pledge measure`"
            ),
            ChangedShape { kpi: Some(k), e } => {
                format!("its description of {k} has changed shape: {e}")
            }
            ChangedShape { kpi: None, e } => format!("its answer has changed shape: {e}"),
            NotFound404(kpi) => format!(
                "it answers HTTP 404 for key figure {kpi}: no such key figure, or \
                 PLEDGE_KOLADA_URL is not the address of Kolada's API"
            ),
            NoKeyFigure(kpi) => format!(
                "it has no key figure {kpi}; check the id on kolada.se (a capital letter and \
                 five digits)"
            ),
            NoValues {
                kpi,
                gender,
                kommun,
                kod,
                years,
            } => format!(
                "it has no values of {kpi} ({gender}) for {kommun} (kommunkod {kod}) in {years}"
            ),
            NoSeries {
                named,
                kommuner,
                folder,
            } => format!(
                "no indicator{} of a löfte {} names a series to read; write its source as \
                 `source = {{ kolada = \"N07540\" }}` (Kolada's key figure id)",
                named.map_or(String::new(), |q| format!(" named \"{q}\"")),
                kommuner.map_or(format!("in {folder}"), |k| format!("of {k}"))
            ),
            NotAsked(why) => format!("not asked: {why} earlier in this run"),
            NoAnswerWithin(s) => format!("no answer within {s} s"),
            NoCompleteAnswerWithin(s) => format!("no complete answer within {s} s"),
            HostNotFound => {
                "the host cannot be found (no network, or a wrong PLEDGE_KOLADA_URL)".into()
            }
            CannotConnect => "cannot connect (no network, or the service is down)".into(),
            CannotConnectIo(io) => format!("cannot connect ({io})"),
            HttpStatus(404) => "HTTP 404 (not found)".into(),
            HttpStatus(429) => "HTTP 429 (too many requests; try again later)".into(),
            HttpStatus(s) if *s >= 500 => format!("HTTP {s} (an error in the service)"),
            HttpStatus(s) => format!("HTTP {s}"),
            AnswerUnreadable(e) => format!("the answer cannot be read ({e})"),
            CsvNeedsIndicator => {
                "--from-csv needs --indicator ID: the indicator the file's values are of".into()
            }
            NoRowsFor { file, names, query } => format!(
                "{file} has no rows for {names} (the kommuner whose löften have \"{query}\"); \
                 nothing written"
            ),
            RowsLeftAside(n) => format!(
                "({n} rows for areas that are not a kommun, such as the country or a län, were \
                 left aside)"
            ),
            NoLofteHasIndicator { kommun, query } => format!(
                "no löfte{} has an indicator \"{query}\"; `pledge status --format json` lists \
                 them",
                kommun.map_or(String::new(), |k| format!(" of {k}"))
            ),
            AnotherValue {
                file,
                line,
                kommun,
                year,
                other,
            } => format!(
                "{file}:{line}: {kommun} {year} has another value on line {other}; nothing \
                 written (keep one row per kommun and year)"
            ),
            NotAFile(f) => format!("{f} is not a file"),
            CsvTooLarge(f) => {
                format!("{f} is larger than 16 MiB; export only the kommuner and years needed")
            }
            CannotRead(f) => format!("cannot read {f}"),
            Changed {
                file,
                indicator,
                year,
                source,
                new,
                new_preliminary,
                old,
                old_preliminary,
            } => format!(
                "{file}: {indicator} {year}: {source} now publishes {new}{}, the file has \
                 {old}{}; not written (run with --update to add it as a correction)",
                pre(*new_preliminary),
                pre(*old_preliminary)
            ),
            Written { n, dry_run } => format!(
                "{n} {} {}",
                if *n == 1 { "value" } else { "values" },
                if *dry_run {
                    "would be written"
                } else {
                    "written"
                }
            ),
            AlreadyInFiles(n) => format!("{n} already in the files"),
            HeldBack(n) => format!("{n} changed and not written (--update writes them)"),
            CouldNotRead(n) => format!(
                "{n} {} could not be read",
                if *n == 1 { "indicator" } else { "indicators" }
            ),
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use ImportMsg::*;
        let pre = |p: bool| if p { " (preliminärt)" } else { "" };
        match self {
            IndicatorFailed {
                error,
                file,
                indicator,
                why,
            } => format!("{error}: {file}: indikator {indicator}: {why}; inget skrevs för den"),
            DoesNotFit { source, why } => {
                format!("ett värde från {source} passar inte indikatorn: {why}")
            }
            FromKolada { base, series, why } => format!("Kolada ({base}) {series}: {why}"),
            SeveralKommuner { n, names } => format!(
                "löftet gäller {n} kommuner ({names}) och ett mätvärde anger ingen kommun, så \
                 deras värden går inte att skilja åt; registrera dem för hand med `pledge \
                 measure`"
            ),
            ChangedShape { kpi: Some(k), e } => {
                format!("dess beskrivning av {k} har ändrat form: {e}")
            }
            ChangedShape { kpi: None, e } => format!("dess svar har ändrat form: {e}"),
            NotFound404(kpi) => format!(
                "den svarar HTTP 404 för nyckeltalet {kpi}: nyckeltalet finns inte, eller så är \
                 PLEDGE_KOLADA_URL inte adressen till Koladas API"
            ),
            NoKeyFigure(kpi) => format!(
                "den har inget nyckeltal {kpi}; kontrollera id:t på kolada.se (en stor bokstav \
                 och fem siffror)"
            ),
            NoValues {
                kpi,
                gender,
                kommun,
                kod,
                years,
            } => format!(
                "den har inga värden av {kpi} ({gender}) för {kommun} (kommunkod {kod}) under {years}"
            ),
            NoSeries {
                named,
                kommuner,
                folder,
            } => format!(
                "ingen indikator{} i ett löfte {} anger en serie att läsa; skriv dess källa som \
                 `source = {{ kolada = \"N07540\" }}` (Koladas id för nyckeltalet)",
                named.map_or(String::new(), |q| format!(" med namnet \"{q}\"")),
                kommuner.map_or(format!("i {folder}"), |k| format!("för {k}"))
            ),
            NotAsked(why) => format!("inte frågad: {why} tidigare under körningen"),
            NoAnswerWithin(s) => format!("inget svar inom {s} s"),
            NoCompleteAnswerWithin(s) => format!("inget fullständigt svar inom {s} s"),
            HostNotFound => {
                "värden hittas inte (inget nätverk, eller fel PLEDGE_KOLADA_URL)".into()
            }
            CannotConnect => "kan inte ansluta (inget nätverk, eller tjänsten är nere)".into(),
            CannotConnectIo(io) => format!("kan inte ansluta ({io})"),
            HttpStatus(404) => "HTTP 404 (hittades inte)".into(),
            HttpStatus(429) => "HTTP 429 (för många förfrågningar; försök igen senare)".into(),
            HttpStatus(s) if *s >= 500 => format!("HTTP {s} (ett fel i tjänsten)"),
            HttpStatus(s) => format!("HTTP {s} (oväntat svar)"),
            AnswerUnreadable(e) => format!("svaret går inte att läsa ({e})"),
            CsvNeedsIndicator => {
                "--from-csv behöver --indicator ID: indikatorn som filens värden gäller".into()
            }
            NoRowsFor { file, names, query } => format!(
                "{file} har inga rader för {names} (kommunerna vars löften har \"{query}\"); \
                 inget skrevs"
            ),
            RowsLeftAside(n) => format!(
                "({n} rader för områden som inte är en kommun, t.ex. riket eller ett län, \
                 lämnades därhän)"
            ),
            NoLofteHasIndicator { kommun, query } => format!(
                "inget löfte{} har indikatorn \"{query}\"; `pledge status --format json` listar \
                 dem",
                kommun.map_or(String::new(), |k| format!(" för {k}"))
            ),
            AnotherValue {
                file,
                line,
                kommun,
                year,
                other,
            } => format!(
                "{file}:{line}: {kommun} {year} har ett annat värde på rad {other}; inget skrevs \
                 (behåll en rad per kommun och år)"
            ),
            NotAFile(f) => format!("{f} är ingen fil"),
            CsvTooLarge(f) => {
                format!("{f} är större än 16 MiB; exportera bara de kommuner och år som behövs")
            }
            CannotRead(f) => format!("kan inte läsa {f}"),
            Changed {
                file,
                indicator,
                year,
                source,
                new,
                new_preliminary,
                old,
                old_preliminary,
            } => format!(
                "{file}: {indicator} {year}: {source} publicerar nu {new}{}, filen har \
                 {old}{}; skrevs inte (kör med --update för att lägga till det som en rättelse)",
                pre(*new_preliminary),
                pre(*old_preliminary)
            ),
            Written { n, dry_run } => format!(
                "{n} {} {}",
                if *n == 1 { "värde" } else { "värden" },
                if *dry_run { "skulle skrivas" } else { "skrevs" }
            ),
            AlreadyInFiles(n) => format!("{n} fanns redan i filerna"),
            HeldBack(n) => format!("{n} ändrade och inte skrivna (--update skriver dem)"),
            CouldNotRead(n) => format!(
                "{n} {} gick inte att läsa",
                if *n == 1 { "indikator" } else { "indikatorer" }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently_but;

    // Long because: one sample of every message, so the test reads each in both languages.
    #[test]
    fn every_message_reads_differently_in_each_language() {
        use ImportMsg::*;
        let all = [
            IndicatorFailed {
                error: "error",
                file: "a.toml",
                indicator: "i",
                why: "x",
            },
            DoesNotFit {
                source: "s",
                why: "x",
            },
            FromKolada {
                base: "b",
                series: "s",
                why: "w",
            },
            SeveralKommuner {
                n: 2,
                names: "A, B",
            },
            ChangedShape { kpi: None, e: "x" },
            NotFound404("N1"),
            NoKeyFigure("N1"),
            NoValues {
                kpi: "N1",
                gender: "T",
                kommun: "Sunne",
                kod: "1766",
                years: "2017",
            },
            NoSeries {
                named: None,
                kommuner: None,
                folder: "pledges",
            },
            NotAsked("x"),
            NoAnswerWithin(30.0),
            NoCompleteAnswerWithin(30.0),
            HostNotFound,
            CannotConnect,
            CannotConnectIo("x"),
            HttpStatus(418),
            AnswerUnreadable("x"),
            CsvNeedsIndicator,
            NoRowsFor {
                file: "a.csv",
                names: "Sunne",
                query: "q",
            },
            RowsLeftAside(2),
            NoLofteHasIndicator {
                kommun: None,
                query: "q",
            },
            AnotherValue {
                file: "a.csv",
                line: 3,
                kommun: "Sunne",
                year: 2017,
                other: 2,
            },
            NotAFile("a.csv"),
            CsvTooLarge("a.csv"),
            CannotRead("a.csv"),
            Changed {
                file: "a.toml",
                indicator: "i",
                year: 2017,
                source: "s",
                new: "1",
                new_preliminary: true,
                old: "2",
                old_preliminary: false,
            },
            Written {
                n: 1,
                dry_run: false,
            },
            AlreadyInFiles(1),
            HeldBack(1),
            CouldNotRead(1),
        ];
        // FromKolada (2) is the same words in both (the service's name, its address, the id).
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently_but(&all, 30, &[2], |m| match m {
            IndicatorFailed { .. } => 0,
            DoesNotFit { .. } => 1,
            FromKolada { .. } => 2,
            SeveralKommuner { .. } => 3,
            ChangedShape { .. } => 4,
            NotFound404(_) => 5,
            NoKeyFigure(_) => 6,
            NoValues { .. } => 7,
            NoSeries { .. } => 8,
            NotAsked(_) => 9,
            NoAnswerWithin(_) => 10,
            NoCompleteAnswerWithin(_) => 11,
            HostNotFound => 12,
            CannotConnect => 13,
            CannotConnectIo(_) => 14,
            HttpStatus(_) => 15,
            AnswerUnreadable(_) => 16,
            CsvNeedsIndicator => 17,
            NoRowsFor { .. } => 18,
            RowsLeftAside(_) => 19,
            NoLofteHasIndicator { .. } => 20,
            AnotherValue { .. } => 21,
            NotAFile(_) => 22,
            CsvTooLarge(_) => 23,
            CannotRead(_) => 24,
            Changed { .. } => 25,
            Written { .. } => 26,
            AlreadyInFiles(_) => 27,
            HeldBack(_) => 28,
            CouldNotRead(_) => 29,
        });
    }
}
