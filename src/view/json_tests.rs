//! Tests of the JSON documents.

use super::*;

fn two_kommuner() -> Pledge {
    let text = "title = \"T\"\nkommuner = [\"Kil\", \"Grums\"]\n[period]\nstart = 2016-01-01\n\
                end = 2016-12-31\n[problem]\ntext = \"P\"\n[[activity]]\nid = \"a\"\n\
                text = \"A\"\nowners = [\"polisen\"]\n[[log]]\ndate = 2016-02-01\n\
                activity = \"a\"\n";
    let d = "2030-01-01".parse().unwrap();
    crate::load::load("t.toml", text, d).pledge.unwrap()
}

#[test]
fn every_document_names_kommuner_alike() {
    let p = two_kommuner();
    let on: NaiveDate = "2016-06-01".parse().unwrap();
    let mut status = Vec::new();
    write_status(&mut status, &[&p], &[], on, None).unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status).unwrap();
    let list: serde_json::Value = serde_json::from_str(&list(&[&p], on)).unwrap();
    let log: serde_json::Value = serde_json::from_str(&log(&[(&p, &p.log[0])], false)).unwrap();
    let shapes = [
        &status["pledges"][0]["kommuner"],
        &list["pledges"][0]["kommuner"],
        &log["entries"][0]["kommuner"],
    ];
    assert_eq!(shapes[0].as_array().unwrap().len(), 2);
    assert_eq!(shapes[0][0]["polisregion"], "Bergslagen");
    for s in shapes {
        assert_eq!(s, shapes[0]);
    }
}

#[derive(Serialize)]
struct LogEntryJson<'a> {
    /// The entry's number for `pledge undo KOMMUN --index N`: given when the log lists one
    /// kommun's entries, unfiltered.
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
    file: &'a str,
    kommuner: Vec<KommunJson>,
    date: NaiveDate,
    activity: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    /// On a löfte for several kommuner, the kommun the work was for (none: shared).
    #[serde(skip_serializing_if = "Option::is_none")]
    kommun: Option<&'static str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    request: bool,
    count: u32,
    by: Option<&'a str>,
    note: Option<&'a str>,
}

impl<'a> From<LogLine<'a>> for LogEntryJson<'a> {
    fn from(l: LogLine<'a>) -> LogEntryJson<'a> {
        LogEntryJson {
            index: l.index,
            file: l.file,
            kommuner: l.kommuner.iter().map(|k| KommunJson::from(*k)).collect(),
            date: l.date,
            activity: l.activity,
            part: l.part,
            unit: l.unit,
            kommun: l.kommun.map(|k| k.name),
            request: l.request,
            count: l.count,
            by: l.by,
            note: l.note,
        }
    }
}

/// The entries of the log document, serialised as they come from the iterator.
struct LogEntries<I>(std::cell::Cell<Option<I>>);

impl<'a, I: Iterator<Item = LogLine<'a>>> Serialize for LogEntries<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for line in self.0.take().into_iter().flatten() {
            seq.serialize_element(&LogEntryJson::from(line))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct LogDoc<I: Serialize> {
    schema_version: u32,
    entries: I,
}

/// The document as serde_json wrote it, before the entries were written by hand.
fn serde_log(lines: &[LogLine<'_>]) -> String {
    let doc = LogDoc {
        schema_version: SCHEMA_VERSION,
        entries: LogEntries(std::cell::Cell::new(Some(lines.iter().copied()))),
    };
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn log_entries_are_the_bytes_serde_json_writes() {
    let ks = [
        crate::kommuner::find("Kil").unwrap(),
        crate::kommuner::find("Grums").unwrap(),
    ];
    let odd = [
        "",
        "plain",
        "q\"uote\\",
        "two\nlines\t\u{1b}\u{7f}",
        "Åsa 🎉",
    ];
    let lines: Vec<LogLine<'_>> = (0..odd.len() * 3)
        .map(|i| {
            let s = odd[i % odd.len()];
            LogLine {
                file: s,
                kommuner: &ks[..i % 3],
                date: "2016-02-01".parse().unwrap(),
                activity: s,
                part: (i % 2 == 0).then_some(s),
                unit: (i % 4 == 1).then_some(s),
                kommun: (i % 3 == 2).then_some(ks[1]),
                request: i % 5 == 1,
                count: i as u32 * 1000,
                by: (i % 3 != 0).then_some(s),
                note: (i % 2 == 0).then_some(s),
                index: (i % 2 == 1).then_some(i * 100),
            }
        })
        .collect();
    for n in [0, 1, lines.len()] {
        let mut got = Vec::new();
        write_log(&mut got, lines[..n].iter().copied()).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), serde_log(&lines[..n]));
    }
}

#[test]
fn documents_keep_their_key_order() {
    let p = two_kommuner();
    let on: NaiveDate = "2016-06-01".parse().unwrap();
    let doc = list(&[&p], on);
    let keys: Vec<&str> = [
        "schema_version",
        "as_of",
        "pledges",
        "file",
        "title",
        "kommuner",
        "area",
        "state",
        "activities",
    ]
    .into_iter()
    .collect();
    let at: Vec<usize> = keys
        .iter()
        .map(|k| doc.find(&format!("\"{k}\"")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{doc}");
}
