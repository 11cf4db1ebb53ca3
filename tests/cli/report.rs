//! `report`: Markdown and HTML, escaping, snapshots.

use crate::support::{Test, copy_pledges, pledge_in, recorded, snapshot};

#[test]
fn report_html_is_self_contained_and_escapes() {
    let (_tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args([
            "done",
            "filipstad",
            "trygg",
            "--date",
            "2016-05-12",
            "--note",
            "<script>alert(1)</script> & \u{1b}[31m",
        ])
        .stdout_is(recorded())
        .run();
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "report",
            "filipstad",
            "--as-of",
            "2016-10-16",
            "--format",
            "html",
            "--lang",
            "sv",
        ])
        .read_stdout();
    assert!(out.starts_with("<!DOCTYPE html>"));
    for bad in ["<script", "http://", "https://", "<link", "src=", "\u{1b}"] {
        assert!(!out.contains(bad), "{bad}");
    }
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    for heading in [
        "Polisen lovar",
        "Kommunen lovar",
        "Tillsammans",
        "Det här lovade vi",
        "Det här har gjorts",
        "Uppföljning",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
}

#[test]
fn report_markdown_snapshot() {
    let (_tmp, dir) = copy_pledges();
    for (act, date, note) in [
        ("trygghetsvandring", "2016-04-20", "Centrum, 14 deltagare"),
        ("polisvolontarer", "2016-06-06", "Nationaldagsfirandet"),
        (
            "trygghetsvandring",
            "2016-09-28",
            "Resecentrum, 9 deltagare",
        ),
    ] {
        pledge_in(&dir)
            .args([
                "done",
                "filipstad",
                act,
                "--date",
                date,
                "--note",
                note,
                "--by",
                "Kim",
            ])
            .stdout_is(recorded())
            .run();
    }
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "report",
            "filipstad",
            "--as-of",
            "2016-10-16",
            "--since",
            "2016-05-01",
            "--lang",
            "sv",
        ])
        .read_stdout();
    snapshot("report-filipstad-2016-10-16-sv.md", &out);
    for (lang, format, name) in [
        ("en", "markdown", "report-filipstad-2016-10-16-en.md"),
        ("sv", "html", "report-filipstad-2016-10-16-sv.html"),
        ("en", "html", "report-filipstad-2016-10-16-en.html"),
    ] {
        let out = Test::new()
            .env("PLEDGE_DIR", &dir)
            .args([
                "report",
                "filipstad",
                "--as-of",
                "2016-10-16",
                "--since",
                "2016-05-01",
                "--lang",
                lang,
                "--format",
                format,
            ])
            .read_stdout();
        snapshot(name, &out);
    }
}

#[test]
fn terminal_output_escapes_control_characters_and_csv_neutralises_formulas() {
    let (_tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args([
            "done",
            "alvesta",
            "samverkansmoten",
            "--date",
            "2017-03-06",
            "--note",
            "=HYPERLINK(\"x\") \u{1b}]0;pwned\u{7}",
        ])
        .stdout_is(recorded())
        .run();
    let table = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["log", "alvesta"])
        .read_stdout();
    assert!(!table.contains('\u{1b}') && !table.contains('\u{7}'));
    assert!(table.contains("\\u{1b}]0;pwned\\u{7}"), "{table}");
    let csv = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["log", "alvesta", "--format", "csv"])
        .read_stdout();
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")"), "{csv}");
}

/// A löfte whose follow-up gives no details (or that has no follow-up) gets its heading, one
/// blank line and the closing line: no empty gap where the details would be.
#[test]
fn report_markdown_follow_up_without_details_has_one_blank_line() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    std::fs::create_dir(&dir).unwrap();
    let head = "title = \"T\"\nkommun = \"Sunne\"\n[period]\nstart = 2016-01-01\n\
                end = 2016-12-31\n[[activity]]\nid = \"a\"\ntext = \"Vandringar.\"\n\
                owners = [\"kommunen\"]\ntarget = { count = 1, per = \"year\" }\n";
    let cases = [
        (
            "",
            "## Uppföljning\n\nUppföljning: saknas i löftet\n",
            "## Follow-up\n\nFollow-up: none in the löfte\n",
        ),
        (
            "[followup]\nwhen = \"2017-Q1\"\n",
            "## Uppföljning\n\nUppföljning:",
            "## Follow-up\n\nFollow-up:",
        ),
    ];
    for (followup, sv, en) in cases {
        std::fs::write(dir.join("sunne.toml"), format!("{head}{followup}")).unwrap();
        for (lang, want) in [("sv", sv), ("en", en)] {
            let out = pledge_in(&dir)
                .args(["report", "sunne", "--as-of", "2016-10-16", "--lang", lang])
                .read_stdout();
            assert!(out.contains(want), "{lang} {followup:?}:\n{out}");
            assert!(!out.contains("\n\n\n"), "{lang} {followup:?}:\n{out}");
        }
    }
}
