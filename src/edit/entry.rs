//! The text `pledge measure` and `pledge verdict` append: one `[[measurement]]` or
//! `[[verdict]]` table at the end of the file, preceded by one line ending, exactly like
//! `done`'s `[[log]]` entries (see [`super::record`]), so `undo` can compare the last entry
//! with what these functions render and remove it byte for byte.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::outcome::{Measurement, Verdict, VerdictEntry};
use crate::text::{line_ending, toml_string};

/// A TOML float holding exactly `v` (finite): Rust's shortest round-trip digits, with `.0`
/// added to whole numbers so TOML reads a float (`62.0`, `3.25`, `0.0001`).
pub fn toml_float(v: f64) -> String {
    let s = format!("{v}");
    if s.contains(['.', 'e', 'E']) || !v.is_finite() {
        s
    } else {
        format!("{s}.0")
    }
}

/// The text of one measurement, from its header to its last line ending.
pub fn render_measurement(m: &Measurement, nl: &str) -> String {
    let mut s = format!(
        "[[measurement]]{nl}date = {}{nl}indicator = {}{nl}value = {}{nl}",
        m.date,
        toml_string(&m.indicator),
        toml_float(m.value)
    );
    if let Some(v) = &m.source {
        let _ = write!(s, "source = {}{nl}", toml_string(v));
    }
    if let Some(d) = m.fetched {
        let _ = write!(s, "fetched = {d}{nl}");
    }
    if m.preliminary {
        let _ = write!(s, "preliminary = true{nl}");
    }
    if let Some(c) = m.corrects {
        let _ = write!(s, "corrects = {}{nl}", toml_float(c));
    }
    for (key, v) in [("by", &m.by), ("note", &m.note)] {
        if let Some(v) = v {
            let _ = write!(s, "{key} = {}{nl}", toml_string(v));
        }
    }
    s
}

/// What a fetch adds to the end of `text`: each entry after one line ending.
pub fn measurements_addition(text: &str, ms: &[Measurement]) -> String {
    ms.iter().map(|m| measurement_addition(text, m)).collect()
}

/// The text of one verdict, from its header to its last line ending.
pub fn render_verdict(v: &VerdictEntry, nl: &str) -> String {
    let mut s = format!(
        "[[verdict]]{nl}date = {}{nl}activity = {}{nl}verdict = \"{}\"{nl}reason = {}{nl}",
        v.date,
        toml_string(&v.activity),
        v.verdict.name(),
        toml_string(&v.reason)
    );
    for (key, val) in [("source", &v.source), ("by", &v.by)] {
        if let Some(val) = val {
            let _ = write!(s, "{key} = {}{nl}", toml_string(val));
        }
    }
    s
}

/// What `measure` adds to the end of `text`: one line ending, then the entry.
pub fn measurement_addition(text: &str, m: &Measurement) -> String {
    let nl = line_ending(text);
    format!("{nl}{}", render_measurement(m, nl))
}

/// What `verdict` adds to the end of `text`: one line ending, then the entry.
pub fn verdict_addition(text: &str, v: &VerdictEntry) -> String {
    let nl = line_ending(text);
    format!("{nl}{}", render_verdict(v, nl))
}

/// The last `[[name]]` table of a text, parsed; None when the text is not valid TOML.
fn last_table(text: &str, name: &str) -> Option<toml::Table> {
    let root: toml::Table = toml::from_str(text).ok()?;
    match root.get(name)? {
        toml::Value::Array(items) => items.last()?.as_table().cloned(),
        _ => None,
    }
}

fn date_of(t: &toml::Table) -> Option<NaiveDate> {
    let d = t.get("date")?.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

fn string_of(t: &toml::Table, key: &str) -> Option<String> {
    t.get(key)?.as_str().map(str::to_string)
}

/// Reads an addition back as its measurement (span empty); None when it is not a complete
/// one. Whole-number values written as TOML integers read as floats.
pub fn read_back_measurement(text: &str) -> Option<Measurement> {
    measurement_of(&last_table(text, "measurement")?)
}

/// Reads a fetch's addition back as its measurements, in order; None when one is not
/// complete or the text is not valid TOML.
pub fn read_back_measurements(text: &str) -> Option<Vec<Measurement>> {
    let root: toml::Table = toml::from_str(text).ok()?;
    match root.get("measurement")? {
        toml::Value::Array(items) => items
            .iter()
            .map(|i| measurement_of(i.as_table()?))
            .collect(),
        _ => None,
    }
}

fn number_of(v: &toml::Value) -> Option<f64> {
    match v {
        toml::Value::Float(f) => Some(*f),
        toml::Value::Integer(i) => Some(*i as f64),
        _ => None,
    }
}

fn measurement_of(t: &toml::Table) -> Option<Measurement> {
    let value = number_of(t.get("value")?)?;
    let fetched = match t.get("fetched") {
        None => None,
        Some(v) => {
            let d = v.as_datetime()?.date?;
            Some(NaiveDate::from_ymd_opt(
                d.year.into(),
                d.month.into(),
                d.day.into(),
            )?)
        }
    };
    let corrects = match t.get("corrects") {
        None => None,
        Some(v) => Some(number_of(v)?),
    };
    Some(Measurement {
        indicator: string_of(t, "indicator")?,
        date: date_of(t)?,
        value,
        source: string_of(t, "source"),
        note: string_of(t, "note"),
        by: string_of(t, "by"),
        fetched,
        preliminary: t.get("preliminary").and_then(toml::Value::as_bool) == Some(true),
        corrects,
        span: 0..0,
    })
}

/// Reads an addition back as its verdict (span empty); None when it is not a complete one.
pub fn read_back_verdict(text: &str) -> Option<VerdictEntry> {
    let t = last_table(text, "verdict")?;
    Some(VerdictEntry {
        activity: string_of(&t, "activity")?,
        verdict: Verdict::parse(t.get("verdict")?.as_str()?)?,
        reason: string_of(&t, "reason")?,
        source: string_of(&t, "source"),
        date: date_of(&t)?,
        by: string_of(&t, "by"),
        span: 0..0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "title = \"t\"\nkommun = \"Munkfors\"\n";
    const NASTY: &str = "quotes \" ''' \"\"\" backslash \\ tab\t newline\n åäö 🚓 \u{1b}[31m";

    fn m(value: f64, note: Option<&str>) -> Measurement {
        Measurement {
            indicator: "drogvanor-ak9".into(),
            date: "2017-11-30".parse().unwrap(),
            value,
            source: Some("https://www.munkfors.se/can-2017.pdf".into()),
            note: note.map(str::to_string),
            by: Some("Anna Andersson".into()),
            fetched: None,
            preliminary: false,
            corrects: None,
            span: 0..0,
        }
    }

    fn v(source: Option<&str>) -> VerdictEntry {
        VerdictEntry {
            activity: "fotpatrull".into(),
            verdict: Verdict::Partly,
            reason: format!("Fler pass än 2017. {NASTY}"),
            source: source.map(str::to_string),
            date: "2019-02-12".parse().unwrap(),
            by: Some("Folkhälsorådet".into()),
            span: 0..0,
        }
    }

    #[test]
    fn a_measurement_entry_as_written() {
        assert_eq!(
            render_measurement(&m(12.0, Some("CAN, åk 9")), "\n"),
            "[[measurement]]\ndate = 2017-11-30\nindicator = \"drogvanor-ak9\"\nvalue = 12.0\n\
             source = \"https://www.munkfors.se/can-2017.pdf\"\nby = \"Anna Andersson\"\n\
             note = \"CAN, åk 9\"\n"
        );
    }

    #[test]
    fn fetched_entries_carry_their_provenance_and_read_back() {
        let mut e = m(61.0, None);
        e.source = Some("Kolada U07460".into());
        e.fetched = Some("2025-11-01".parse().unwrap());
        e.preliminary = true;
        e.corrects = Some(59.5);
        assert_eq!(
            render_measurement(&e, "\n"),
            "[[measurement]]\ndate = 2017-11-30\nindicator = \"drogvanor-ak9\"\nvalue = 61.0\n\
             source = \"Kolada U07460\"\nfetched = 2025-11-01\npreliminary = true\n\
             corrects = 59.5\nby = \"Anna Andersson\"\n"
        );
        let two = [e.clone(), m(3.0, Some("x"))];
        let add = measurements_addition(BASE, &two);
        assert_eq!(read_back_measurements(&add).unwrap(), two);
        assert_eq!(
            read_back_measurement(&format!("{BASE}{add}")),
            Some(two[1].clone())
        );
    }

    #[test]
    fn a_verdict_entry_as_written() {
        let mut e = v(Some("Protokoll Folkhälsorådet 2019-02-12 § 4"));
        e.reason = "Två pass i veckan i stället för tre.".into();
        assert_eq!(
            render_verdict(&e, "\n"),
            "[[verdict]]\ndate = 2019-02-12\nactivity = \"fotpatrull\"\nverdict = \"partly\"\n\
             reason = \"Två pass i veckan i stället för tre.\"\n\
             source = \"Protokoll Folkhälsorådet 2019-02-12 § 4\"\nby = \"Folkhälsorådet\"\n"
        );
    }

    #[test]
    fn measurements_round_trip_through_toml() {
        for value in [
            0.0,
            -0.0,
            12.0,
            3.1,
            -1.5,
            62.25,
            1e-7,
            0.1 + 0.2,
            123456789.125,
            1e300,
            -2.5e-300,
        ] {
            for note in [None, Some("plain"), Some(NASTY)] {
                let e = m(value, note);
                let back = read_back_measurement(&measurement_addition(BASE, &e)).unwrap();
                assert_eq!(back, e, "{value}");
                assert_eq!(back.value.to_bits(), e.value.to_bits(), "{value}");
                let crlf = BASE.replace('\n', "\r\n");
                let add = measurement_addition(&crlf, &e);
                assert!(add.starts_with("\r\n[[measurement]]\r\n"));
                assert_eq!(read_back_measurement(&add), Some(e));
            }
        }
    }

    #[test]
    fn verdicts_round_trip_through_toml() {
        for source in [None, Some("https://example.org/uppfoljning?a=1&b=\"2\"")] {
            for verdict in [Verdict::Kept, Verdict::Partly, Verdict::Broken] {
                let e = VerdictEntry {
                    verdict,
                    ..v(source)
                };
                let text = format!("{BASE}{}", verdict_addition(BASE, &e));
                assert_eq!(read_back_verdict(&text), Some(e));
            }
        }
        assert_eq!(read_back_verdict("[[verdict]]\ndate = 2019-01-01\n"), None);
        assert_eq!(read_back_verdict("[[verdict]\n"), None);
    }

    #[test]
    fn an_appended_entry_keeps_every_byte_before_it() {
        for base in [BASE, BASE.trim_end(), "# only a comment"] {
            let add = measurement_addition(base, &m(1.0, None));
            let text = format!("{base}{add}");
            assert!(text.starts_with(base));
            let back = read_back_measurement(&text).unwrap();
            assert_eq!(back.value, 1.0);
        }
    }

    #[test]
    fn whole_numbers_written_by_hand_read_as_floats() {
        let t = "[[measurement]]\ndate = 2017-11-30\nindicator = \"a\"\nvalue = 62\n";
        assert_eq!(read_back_measurement(t).unwrap().value, 62.0);
        let bad = "[[measurement]]\ndate = 2017-11-30\nindicator = \"a\"\nvalue = \"62\"\n";
        assert_eq!(read_back_measurement(bad), None);
    }

    proptest::proptest! {
        #[test]
        fn every_finite_value_round_trips(bits in proptest::prelude::any::<u64>()) {
            let value = f64::from_bits(bits);
            proptest::prop_assume!(value.is_finite());
            let back = read_back_measurement(&measurement_addition(BASE, &m(value, None)));
            proptest::prop_assert_eq!(back.map(|b| b.value.to_bits()), Some(bits));
        }
    }

    #[test]
    fn floats_are_written_so_toml_reads_floats() {
        assert_eq!(toml_float(62.0), "62.0");
        assert_eq!(toml_float(-0.0), "-0.0");
        assert_eq!(toml_float(3.25), "3.25");
        assert!(toml_float(1e300).ends_with(".0"));
    }
}
