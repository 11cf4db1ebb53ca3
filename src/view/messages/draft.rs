//! The words of `pledge import`'s own refusals: a text it cannot make a draft of (what the
//! text does not say, [`Missing`]) and the inputs it will not read. One exhaustive match per
//! language ([`DraftMsg::en`], [`DraftMsg::sv`]); the English is [`Missing`]'s own text.

use super::Words;
use super::grammar::s;
use crate::import::Missing;
use crate::view::i18n::Lang;

#[derive(Debug)]
pub enum DraftMsg<'a> {
    /// The text lacks what a draft needs; nothing was written.
    Refused { name: &'a str, missing: &'a Missing },
    /// The text is over the size a published löfte can have.
    TooBig { name: &'a str },
    /// The text is not UTF-8 (the first bad byte).
    NotUtf8 { name: &'a str, at: usize },
    /// A folder named holds no `.txt` files.
    NoTexts { folder: &'a str },
    /// `--out` with several texts.
    OutWithMany { n: usize },
    /// `--dry-run` with several texts.
    DryRunMany,
    /// One draft written: its counts.
    Wrote {
        path: &'a str,
        activities: usize,
        readings: usize,
        unplaced: usize,
    },
    /// The closing line of several texts: how many drafts were written.
    Written { written: usize, total: usize },
    /// A row's result in the table of several texts: written where.
    RowWritten(&'a str),
    /// A row's result: not written, and why (the refusal as said).
    RowNotWritten(&'a str),
    /// A row's result: the flags the text needs.
    RowNeeds(&'a str),
}

/// The headings of the table of several texts: text, activities, readings, unplaced, result.
pub fn table_head(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["text", "activities", "readings", "unplaced", "result"],
        Lang::Sv => [
            "text",
            "aktiviteter",
            "tolkningar",
            "oplacerade",
            "resultat",
        ],
    }
}

impl Words for DraftMsg<'_> {
    type Text = String;

    fn en(&self) -> String {
        use DraftMsg::*;
        match self {
            Refused { name, missing } => {
                format!("cannot import {name}: {missing}; nothing was written")
            }
            TooBig { name } => format!("{name} is over 16 MiB; a published löfte is a few pages"),
            NotUtf8 { name, at } => format!(
                "{name} is not UTF-8 (byte {at}); convert it first, e.g. with iconv -f latin1 -t utf-8"
            ),
            NoTexts { folder } => format!("{folder} holds no .txt files to import"),
            OutWithMany { n } => format!(
                "--out names one file, but {n} texts were given; leave it out to write each draft into the pledges folder"
            ),
            DryRunMany => "--dry-run prints one draft; give one text".into(),
            Wrote {
                path,
                activities,
                readings,
                unplaced,
            } => format!(
                "wrote {path}: {activities} activit{}, {readings} reading{} to check (\"# Reading:\"), \
                 {unplaced} sentence{} kept as comments (\"# Text:\")",
                if *activities == 1 { "y" } else { "ies" },
                s(*readings),
                s(*unplaced),
            ),
            Written { written, total } => format!(
                "{written} of {total} draft{} written; {} need{} a flag or a look",
                s(*total),
                total - written,
                if total - written == 1 { "s" } else { "" }
            ),
            RowWritten(path) => format!("written: {path}"),
            RowNotWritten(why) => format!("not written: {why}"),
            RowNeeds(flags) => format!("needs {flags}"),
        }
    }

    fn sv(&self) -> String {
        use DraftMsg::*;
        match self {
            Refused { name, missing } => {
                format!(
                    "kan inte importera {name}: {}; inget skrevs",
                    missing_sv(missing)
                )
            }
            TooBig { name } => {
                format!("{name} är större än 16 MiB; ett publicerat löfte är några sidor")
            }
            NotUtf8 { name, at } => format!(
                "{name} är inte UTF-8 (byte {at}); konvertera den först, till exempel med iconv -f \
                 latin1 -t utf-8"
            ),
            NoTexts { folder } => format!("{folder} har inga .txt-filer att importera"),
            OutWithMany { n } => format!(
                "--out anger en fil, men {n} texter gavs; utelämna den så skrivs varje utkast i \
                 löftesmappen"
            ),
            DryRunMany => "--dry-run skriver ut ett utkast; ge en text".into(),
            Wrote {
                path,
                activities,
                readings,
                unplaced,
            } => format!(
                "skrev {path}: {activities} aktivitet{}, {readings} tolkning{} att granska \
                 (\"# Reading:\"), {unplaced} mening{} sparad{} som kommentarer (\"# Text:\")",
                if *activities == 1 { "" } else { "er" },
                if *readings == 1 { "" } else { "ar" },
                if *unplaced == 1 { "" } else { "ar" },
                if *unplaced == 1 { "" } else { "e" },
            ),
            Written { written, total } => format!(
                "{written} av {total} utkast skrevs; {} behöver en flagga eller en titt",
                total - written
            ),
            RowWritten(path) => format!("skrevs: {path}"),
            RowNotWritten(why) => format!("skrevs inte: {why}"),
            RowNeeds(flags) => format!("behöver {flags}"),
        }
    }
}

/// What the text does not say, in Swedish ([`Missing`]'s `Display` is the English).
fn missing_sv(m: &Missing) -> String {
    match m {
        Missing::Kommun => "varken texten, dess rubrik eller dess adress nämner en kommun som \
                            pledge känner till; ange den med --kommun NAMN"
            .into(),
        Missing::Start { end: Some(end) } => format!(
            "texten anger periodens slut ({end}) men inte dess början; ange den med --start \
             ÅÅÅÅ-MM-DD"
        ),
        Missing::Start { end: None } => "varken texten, dess rubrik eller dess adress anger ett \
                                         år eller ett datum för perioden; ange den med --start \
                                         ÅÅÅÅ-MM-DD --end ÅÅÅÅ-MM-DD (eller bara --end när \
                                         starten inte anges)"
            .into(),
        Missing::End { start } => format!(
            "texten anger periodens början ({start}) men inte dess slut; ange slutet med --end \
             ÅÅÅÅ-MM-DD"
        ),
        Missing::EndNotStated { start, words } => format!(
            "texten säger \"{words}\" (från {start}) och anger inget slut; en löftesfil behöver \
             ett slut och inget hittas på, så ange löftets sista dag med --end ÅÅÅÅ-MM-DD"
        ),
        Missing::EndBeforeStart { start, end } => format!(
            "perioden som lästes slutar ({end}) innan den börjar ({start}); ange den med --start \
             och --end"
        ),
        Missing::TooLong { start, end } => format!(
            "perioden som lästes, {start} till {end}, är längre än {} år; ange den med --start \
             och --end",
            crate::model::MAX_PERIOD_YEARS
        ),
        Missing::Activities => "inga aktiviteter hittades: inga punktlistor och inga meningar \
                                med \"… lovar att …\"; ett utkast behöver minst en"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;
    use chrono::NaiveDate;

    #[test]
    fn every_refusal_reads_differently_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
        let missing = [
            Missing::Kommun,
            Missing::Start { end: Some(d) },
            Missing::Start { end: None },
            Missing::End { start: d },
            Missing::EndNotStated {
                start: d,
                words: "från 2022".into(),
            },
            Missing::EndBeforeStart { start: d, end: d },
            Missing::TooLong { start: d, end: d },
            Missing::Activities,
        ];
        let mut all: Vec<DraftMsg> = missing
            .iter()
            .map(|m| DraftMsg::Refused {
                name: "x.txt",
                missing: m,
            })
            .collect();
        all.extend([
            DraftMsg::TooBig { name: "x.txt" },
            DraftMsg::NotUtf8 {
                name: "x.txt",
                at: 3,
            },
            DraftMsg::NoTexts { folder: "texter" },
            DraftMsg::OutWithMany { n: 2 },
            DraftMsg::DryRunMany,
            DraftMsg::Wrote {
                path: "x.toml",
                activities: 1,
                readings: 2,
                unplaced: 0,
            },
            DraftMsg::Written {
                written: 1,
                total: 2,
            },
            DraftMsg::RowWritten("x.toml"),
            DraftMsg::RowNotWritten("x"),
            DraftMsg::RowNeeds("--kommun"),
        ]);
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 11, |m| match m {
            DraftMsg::Refused { .. } => 0,
            DraftMsg::TooBig { .. } => 1,
            DraftMsg::NotUtf8 { .. } => 2,
            DraftMsg::NoTexts { .. } => 3,
            DraftMsg::OutWithMany { .. } => 4,
            DraftMsg::DryRunMany => 5,
            DraftMsg::Wrote { .. } => 6,
            DraftMsg::Written { .. } => 7,
            DraftMsg::RowWritten(_) => 8,
            DraftMsg::RowNotWritten(_) => 9,
            DraftMsg::RowNeeds(_) => 10,
        });
        // the English refusal is the library's own text, byte for byte
        assert_eq!(
            all[0].say(Lang::En),
            format!(
                "cannot import x.txt: {}; nothing was written",
                Missing::Kommun
            )
        );
    }
}
