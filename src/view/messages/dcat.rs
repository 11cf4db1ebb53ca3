//! The words of the site's DCAT-AP-SE description `dcat.rdf` ([`crate::view::site::data`]):
//! the dataset's title and the description of the catalog and dataset. One exhaustive match
//! per language.

use chrono::NaiveDate;

use super::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DcatWords {
    /// The dataset's title.
    DatasetTitle,
    /// What the data holds: every activity of `loften` löften, with its status on `as_of`.
    Description { loften: usize, as_of: NaiveDate },
}

/// "1 medborgarlöfte" / "3 medborgarlöften": the Swedish word in both languages.
fn loften(n: usize) -> String {
    match n {
        1 => "1 medborgarlöfte".to_string(),
        n => format!("{n} medborgarlöften"),
    }
}

impl Words for DcatWords {
    type Text = String;

    fn en(&self) -> String {
        match *self {
            DcatWords::DatasetTitle => {
                "Medborgarlöften: what was promised and what has been done".into()
            }
            DcatWords::Description { loften: n, as_of } => format!(
                "Every activity of {} (citizen pledges of the police and \
                 the kommun): what was promised, what has been recorded as done and its status \
                 on {as_of}, as computed by pledge.",
                loften(n)
            ),
        }
    }

    fn sv(&self) -> String {
        match *self {
            DcatWords::DatasetTitle => {
                "Medborgarlöften: vad som lovades och vad som har gjorts".into()
            }
            DcatWords::Description { loften: n, as_of } => format!(
                "Varje aktivitet i {} mellan polisen och kommunen: vad \
                 som lovades, vad som har registrerats som gjort och dess status per {as_of}, \
                 beräknat av pledge.",
                loften(n)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DcatWords::{self, *};
    use crate::view::messages::each_reads_differently;

    #[test]
    fn every_dcat_word_reads_differently_in_each_language() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
        let all = [
            DatasetTitle,
            Description { loften: 1, as_of },
            Description { loften: 5, as_of },
        ];
        // Exhaustive: a new word fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 2, |w: &DcatWords| match w {
            DatasetTitle => 0,
            Description { .. } => 1,
        });
    }
}
