//! The refusal when one löfte is in two files (a copy, whatever its name), in both languages
//! ([`CopyMsg::en`], [`CopyMsg::sv`]).

use chrono::NaiveDate;

use super::Words;

/// One file of a löfte held twice: its name (already safe to print) and its period.
#[derive(Debug, Clone, PartialEq)]
pub struct Held<'a> {
    pub file: &'a str,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A message about copies of a löfte.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyMsg<'a> {
    /// The same löfte (the same kommuner and area, overlapping periods) is in two files.
    SameLofteTwice { a: Held<'a>, b: Held<'a> },
}

impl Words for CopyMsg<'_> {
    type Text = String;

    fn en(&self) -> String {
        match self {
            CopyMsg::SameLofteTwice { a, b } => format!(
                "the same löfte is in two files: {} ({} to {}) and {} ({} to {}); remove one \
                 (or, if they are two löften, end the older the day before the newer starts)",
                a.file, a.start, a.end, b.file, b.start, b.end
            ),
        }
    }

    fn sv(&self) -> String {
        match self {
            CopyMsg::SameLofteTwice { a, b } => format!(
                "samma löfte finns i två filer: {} ({} till {}) och {} ({} till {}); ta bort den \
                 ena (eller, om det är två löften, låt det äldre sluta dagen innan det nyare \
                 börjar)",
                a.file, a.start, a.end, b.file, b.start, b.end
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_message_reads_differently_in_each_language() {
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        let all = [CopyMsg::SameLofteTwice {
            a: Held {
                file: "a.toml",
                start: d(2016),
                end: d(2017),
            },
            b: Held {
                file: "b.toml",
                start: d(2016),
                end: d(2017),
            },
        }];
        each_reads_differently(&all, 1, |m| match m {
            CopyMsg::SameLofteTwice { .. } => 0,
        });
        assert!(all[0].en().contains("a.toml") && all[0].sv().contains("b.toml"));
    }
}
