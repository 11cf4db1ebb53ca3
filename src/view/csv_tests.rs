//! Tests of [`super`].

use super::*;

#[derive(Serialize)]
struct Row(Text, Text, Text, Text);

#[test]
fn csv_neutralises_formulas_and_quotes() {
    let cases = [
        (
            ["=HYPERLINK(\"x\")", "a,b", "-3", "@SUM"],
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",-3,'@SUM\n",
        ),
        (["+1", "-", "-1.5", "\tx"], "'+1,'-,-1.5,'\tx\n"),
        (
            ["two\nlines", "cr\r", "", "plain"],
            "\"two\nlines\",\"cr\r\",,plain\n",
        ),
        (["-1e3", "--", "'q'", "a\"b"], "'-1e3,'--,'q',\"a\"\"b\"\n"),
    ];
    for (cells, want) in cases {
        let row = Row(
            text(cells[0]),
            text(cells[1]),
            text(cells[2]),
            text(cells[3]),
        );
        assert_eq!(
            write(&["a", "b", "c", "d"], [row]),
            format!("a,b,c,d\n{want}")
        );
    }
}

#[test]
fn csv_escapes_controls_and_neutralises_every_formula_starter() {
    let cell = |s: &str| text(s).neutral().into_owned();
    // OSC 52 would write the clipboard of the terminal the CSV is printed on.
    assert_eq!(
        cell("a\u{1b}]52;c;ZXZpbA==\u{7}b"),
        "a\\u{1b}]52;c;ZXZpbA==\\u{7}b"
    );
    assert_eq!(cell("del\u{7f} c1\u{9b}31m"), "del\\u{7f} c1\\u{9b}31m");
    // Newlines, CR and tab inside a cell are data (the cell is quoted).
    assert_eq!(cell("two\nlines\tand\r"), "two\nlines\tand\r");
    for formula in [
        "\t=1+1",
        "\r=1+1",
        "\u{ff1d}1+1",
        "\u{ff0b}1",
        "\u{ff0d}1",
        "\u{ff20}SUM(A1)",
        " =1+1",
        "   @SUM(A1)",
        "\u{200b}=1+1",
        "\u{feff}=1+1",
        "\u{a0}=1",
        " \u{2060}+1",
        "\n=1+1",
        " \n\t=1+1",
        "\u{fe62}1",
        "\u{fe63}1",
        "\u{2212}1",
        "\u{fe66}1",
        "\u{fe6b}SUM(A1)",
        "\u{3000}\u{2028}=1",
    ] {
        assert_eq!(cell(formula), format!("'{formula}"), "{formula:?}");
    }
    for data in ["-3", "a = b", "1+1", "walk", " x", "\u{200b}x", "e-post"] {
        assert_eq!(cell(data), data, "{data:?}");
    }
    // Escaped first, then judged: an ESC before `=` leaves the cell starting with `\`.
    assert_eq!(cell("\u{1b}=1"), "\\u{1b}=1");
}

/// The row the `csv` crate wrote for an entry, before [`log_record`] wrote its bytes.
#[derive(Serialize)]
struct LogRow {
    date: NaiveDate,
    kommuner: Text,
    activity: Text,
    count: u32,
    by: Text,
    note: Text,
    file: Text,
    unit: Text,
    part: Text,
    kommun: Text,
    kind: &'static str,
    title: Text,
    value: Option<f64>,
    verdict: Option<&'static str>,
    source: Option<Text>,
}

#[test]
fn log_records_are_the_bytes_the_csv_crate_writes() {
    let ks = [
        crate::kommuner::find("Kil").unwrap(),
        crate::kommuner::find("Grums").unwrap(),
    ];
    let odd = [
        "",
        "plain",
        "a,b",
        "q\"uote\"",
        "two\nlines",
        "cr\r",
        "=1+1",
        "-3",
        "\u{1b}[31m",
        "Åsa, \"Ö\"",
    ];
    for (i, s) in odd.iter().enumerate() {
        let l = LogLine {
            file: s,
            kommuner: &ks[..1 + i % 2],
            date: "2016-02-01".parse().unwrap(),
            activity: s,
            part: (i % 2 == 1).then_some(*s),
            unit: (i % 3 == 1).then_some(*s),
            kommun: None,
            request: i % 2 == 0,
            count: i as u32 * 1000,
            by: (i % 3 != 0).then_some(*s),
            note: (i % 2 == 0).then_some(*s),
            index: None,
        };
        let want = write(
            &LOG_HEADER,
            [LogRow {
                date: l.date,
                kommuner: text(l.kommun_names()),
                activity: text(l.activity),
                count: l.count,
                by: text(l.by.unwrap_or_default()),
                note: text(l.note.unwrap_or_default()),
                file: text(l.file),
                unit: text(l.unit.unwrap_or_default()),
                part: text(l.part.unwrap_or_default()),
                kommun: text(log_kommun(&l)),
                kind: if l.request { "request" } else { "work" },
                title: text(*s),
                value: None,
                verdict: None,
                source: None,
            }],
        );
        let mut got = Vec::new();
        log_header(&mut got);
        log_record(&mut got, &l, s);
        assert_eq!(String::from_utf8(got).unwrap(), want, "{s:?}");
    }
}

#[test]
fn plain_cells_are_kept_as_every_cell_is_judged() {
    let starts = [
        "", "a", "Å", " ", "\t", "\r", "\n", "=", "+", "-", "@", "\u{a0}", "\u{ff1d}",
    ];
    let rests = [
        "",
        "x",
        "-3",
        "3",
        "\u{1b}",
        "\u{7f}",
        "\u{9b}",
        "\u{a0}",
        "é",
        "\u{200b}=",
    ];
    for a in starts {
        for b in rests {
            for c in rests {
                let s = format!("{a}{b}{c}");
                assert_eq!(neutral(&s), neutralised(&s), "{s:?}");
            }
        }
    }
}

#[test]
fn an_empty_table_is_its_header() {
    let mut got = Vec::new();
    log_header(&mut got);
    assert_eq!(
        String::from_utf8(got).unwrap(),
        "date,kommuner,activity,count,by,note,file,unit,part,kommun,kind,title,value,verdict,\
         source\n"
    );
}
