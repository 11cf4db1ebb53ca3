//! Issue 16: the report reads well in pandoc's reader; labels agree in number.

use std::process::Command;

use crate::support::{Test, copy_pledges, pledge_in, recorded, snapshot};

/// pandoc's HTML of Markdown text, or None when pandoc is not installed.
fn pandoc(markdown: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.md");
    std::fs::write(&file, markdown).unwrap();
    let out = Command::new("pandoc")
        .args(["-f", "markdown", "-t", "html"])
        .arg(&file)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_report_renders_in_pandocs_default_reader() {
    let (_tmp, dir) = copy_pledges();
    let note = "- Centrum ~50 deltagare, ^ $5 @kim | a_b";
    pledge_in(&dir)
        .args(["done", "filipstad", "trygg", "--date", "2016-05-12"])
        .arg(format!("--note={note}"))
        .stdout_is(recorded())
        .run();
    for lang in ["sv", "en"] {
        let md = Test::new()
            .env("PLEDGE_DIR", &dir)
            .args([
                "report",
                "filipstad",
                "--as-of",
                "2016-10-16",
                "--lang",
                lang,
            ])
            .read_stdout();
        let Some(html) = pandoc(&md) else {
            eprintln!("pandoc is not installed: skipped");
            return;
        };
        // The summary and the log are real tables and lists, the heading's two lines one
        // paragraph broken in two, and no file text turned into markup.
        assert_eq!(html.matches("<table").count(), 1, "{html}");
        assert!(html.contains("<br />\nPeriod"), "{html}");
        assert!(html.contains("<li>2016-05-12"), "{html}");
        for bad in [
            "<sub>",
            "<sup>",
            "<span class=\"math",
            "citation",
            "<del>",
            "<em>",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        let flat = html.replace('\n', " ");
        assert!(
            flat.contains(": - Centrum ~50 deltagare, ^ $5 @kim | a_b</li>"),
            "{html}"
        );
    }
}

#[test]
fn the_swedish_report_agrees_in_number_and_explains_the_90_days() {
    let (_tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args([
            "done",
            "filipstad",
            "polisvolontarer",
            "--date",
            "2016-06-06",
        ])
        .stdout_is(recorded())
        .run();
    let md = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "report",
            "filipstad",
            "--as-of",
            "2016-10-16",
            "--lang",
            "sv",
        ])
        .read_stdout();
    assert!(
        md.contains("1 registrerad – inget rapporterat de senaste 90 dagarna (senast 2016-06-06)"),
        "{md}"
    );
    // The log names the activity by its title, not its id.
    assert!(
        md.lines()
            .any(|l| l.starts_with("- 2016-06-06 Använda polisvolontärer")
                && l.ends_with("(Test User)")),
        "{md}"
    );
    assert!(!md.contains("2016-06-06 polisvolontarer"), "{md}");
    assert!(!md.contains("1 registrerade"), "{md}");
    let status = Test::new()
        .args([
            "status",
            "filipstad",
            "--as-of",
            "2016-12-31",
            "--lang",
            "sv",
        ])
        .read_stdout();
    assert!(status.contains("pågår, 1 dag kvar"), "{status}");
    assert!(
        status.contains("Sammanfattning: 6 aktiviteter – "),
        "{status}"
    );
    let status = Test::new()
        .args([
            "status",
            "filipstad",
            "--as-of",
            "2016-12-31",
            "--lang",
            "en",
        ])
        .read_stdout();
    assert!(status.contains("active, 1 day left"), "{status}");
}

/// `status --all` at a terminal's width: the whole table where it fits, without the owners
/// where that fits, else one line per activity; no line is wider than the terminal.
#[test]
fn status_fits_the_terminal_at_every_width_in_both_languages() {
    let cases = [
        ("sv", "60", "status-all-2016-10-16-sv-60cols.txt"),
        ("sv", "80", "status-all-2016-10-16-sv-80cols.txt"),
        ("sv", "100", "status-all-2016-10-16-sv-100cols.txt"),
        ("sv", "120", "status-all-2016-10-16-sv-120cols.txt"),
        ("en", "60", "status-all-2016-10-16-en-60cols.txt"),
        ("en", "80", "status-all-2016-10-16-en-80cols.txt"),
        ("en", "100", "status-all-2016-10-16-en-100cols.txt"),
        ("en", "120", "status-all-2016-10-16-en-120cols.txt"),
    ];
    for (lang, cols, name) in cases {
        let out = Test::new()
            .env("COLUMNS", cols)
            .args(["status", "--all", "--as-of", "2016-10-16", "--lang", lang])
            .read_stdout();
        let width: usize = cols.parse().unwrap();
        for line in out.lines() {
            assert!(line.chars().count() <= width, "{cols} {lang}: {line}");
        }
        // Every word of the narrow layout is a word of the unwrapped one: nothing is broken.
        let wide = Test::new()
            .args(["status", "--all", "--as-of", "2016-10-16", "--lang", lang])
            .read_stdout();
        let words: std::collections::HashSet<&str> = wide.split_whitespace().collect();
        for w in out.split_whitespace() {
            let bar = w.chars().all(|c| "░█".contains(c));
            let rule = w.chars().all(|c| "┌┬┐─│┆╞╪╡═├┼┤└┴┘".contains(c));
            assert!(bar || rule || words.contains(w), "{cols} {lang}: {w:?}");
        }
        crate::support::snapshot(name, &out);
    }
}

#[test]
fn a_note_may_start_with_a_hyphen() {
    let (_tmp, dir) = copy_pledges();
    for note in ["-2 grader, halt", "- Centrum"] {
        pledge_in(&dir)
            .args([
                "done",
                "filipstad",
                "trygg",
                "--date",
                "2016-05-12",
                "--note",
                note,
            ])
            .stdout_is(recorded())
            .run();
    }
    let log = std::fs::read_to_string(dir.join("filipstad-2016.toml")).unwrap();
    assert!(log.contains("note = \"-2 grader, halt\""), "{log}");
    assert!(log.contains("note = \"- Centrum\""), "{log}");
}

#[test]
fn check_json_names_every_file_relative_to_the_pledges_folder() {
    let (_tmp, dir) = copy_pledges();
    std::fs::write(dir.join("trasig-2016.toml"), "title = \n").unwrap();
    let out = Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["check", "--format", "json", "--as-of", "2016-10-16"])
        .status(2)
        .stdout_is(predicates::str::contains("invalid_files"))
        .stderr_is(predicates::str::contains("trasig-2016.toml"))
        .run();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        doc["invalid_files"],
        serde_json::json!(["trasig-2016.toml"])
    );
    let files: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert!(files.contains(&"filipstad-2016.toml"), "{files:?}");
}

/// Opens an xlsx with an independent reader (calamine): its first sheet's cells.
fn read_xlsx(path: &std::path::Path) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    book.worksheet_range(&name).unwrap()
}

#[test]
fn xlsx_keeps_codes_as_text_counts_as_numbers_and_aao() {
    use calamine::Data;
    let (tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args(["done", "alvesta", "synlighet", "--date", "2017-02-01"])
        .args(["--note", "-2 grader, Värnamo-vägen åäö"])
        .stdout_is(recorded())
        .run();
    let file = tmp.path().join("status.xlsx");
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args([
            "status",
            "--all",
            "--as-of",
            "2017-03-01",
            "--format",
            "xlsx",
            "--output",
        ])
        .arg(&file)
        .run();
    let r = read_xlsx(&file);
    let header: Vec<String> = r
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let alvesta = r
        .rows()
        .find(|row| row[col("activity")] == Data::String("synlighet".into()))
        .unwrap();
    assert_eq!(alvesta[col("kommunkod")], Data::String("0764".into()));
    assert_eq!(alvesta[col("kommuner")], Data::String("Alvesta".into()));
    assert_eq!(alvesta[col("done")], Data::Float(1.0));
    assert!(
        matches!(alvesta[col("last_done")], Data::DateTime(_)),
        "{:?}",
        alvesta[col("last_done")]
    );
    assert!(r.rows().any(|row| {
        row.iter()
            .any(|c| c.to_string().contains("Värmlands") || c.to_string().contains("Kristinehamn"))
    }));
    // The log keeps the note's text whole, åäö and leading '-' included.
    let log = tmp.path().join("log.xlsx");
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["log", "--format", "xlsx", "-o"])
        .arg(&log)
        .run();
    let r = read_xlsx(&log);
    assert!(
        r.rows()
            .any(|row| row.contains(&Data::String("-2 grader, Värnamo-vägen åäö".into()))),
        "{r:?}"
    );
}

#[test]
fn excel_csv_opens_in_swedish_excel() {
    let out = Test::new()
        .args(["list", "--format", "excel-csv", "--as-of", "2017-03-01"])
        .read_stdout();
    assert!(out.starts_with("\u{feff}kommuner;kommunkod;"), "{out}");
    assert!(out.contains(";\"=\"\"0764\"\"\";"), "{out}");
    assert!(out.contains("\r\n"), "{out}");
}

#[test]
fn the_man_page_has_environment_exit_status_examples_and_no_missing_pages() {
    let page = Test::new().arg("man").read_stdout();
    for section in [
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
        ".SH COMMANDS",
    ] {
        assert!(page.contains(section), "{section}");
    }
    for var in [
        "PLEDGE_DIR",
        "PLEDGE_USER",
        "PLEDGE_LOCK_TIMEOUT",
        "PLEDGE_WITHIN",
    ] {
        assert!(page.contains(var), "{var}");
    }
    assert!(!page.contains("(1)"), "a reference to another page");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pledge.1");
    std::fs::write(&file, &page).unwrap();
    let Ok(out) = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .output()
    else {
        eprintln!("man is not installed: skipped");
        return;
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.is_empty(), "{err}");
}

#[test]
fn new_writes_the_schema_beside_the_file_and_takes_a_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pledges");
    std::fs::create_dir(&dir).unwrap();
    let new = |args: &[&str]| {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(["new", "--start", "2016-10-01", "--end", "2017-09-30"])
            .args(args)
    };
    new(&["Karlstad"])
        .stdout_is(predicates::str::contains("karlstad-2016-2017.toml"))
        .run();
    let schema = std::fs::read_to_string(dir.join("pledge.schema.json")).unwrap();
    let text = std::fs::read_to_string(dir.join("karlstad-2016-2017.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ./pledge.schema.json\n"),
        "{text}"
    );
    assert!(schema.contains("\"$schema\""), "{schema}");
    // Several kommuner for the same years: another default name; the same again: --name.
    new(&["Karlstad", "Munkfors"])
        .stdout_is(predicates::str::contains(
            "karlstad-munkfors-2016-2017.toml",
        ))
        .run();
    new(&["Karlstad"])
        .status(1)
        .stderr_is(predicates::str::contains("--name NAME"))
        .run();
    new(&["Karlstad", "--name", "karlstad-polisen-2016-2017"])
        .stdout_is(predicates::str::contains("karlstad-polisen-2016-2017.toml"))
        .run();
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .arg("validate")
        // They overlap (warnings), and the schema file is not taken for a löfte. The two
        // Karlstad files are copies (one warning for the group, issue 25), and the shared
        // löfte overlaps the group's first file: two warnings, not one per pair.
        .stdout_is(predicates::str::ends_with(
            "3 files checked: 0 errors, 2 warnings\n",
        ))
        .run();
}

#[test]
fn merge_driver_marks_only_the_head_lines_in_conflict_and_merges_the_log() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(format!(
        "{}/pledges/filipstad-2016.toml",
        crate::support::ROOT
    ))
    .unwrap();
    let entry = |d: &str, n: &str| {
        format!("\n[[log]]\ndate = {d}\nactivity = \"trafik\"\nby = \"Kim\"\nnote = \"{n}\"\n")
    };
    let ours = base.replacen("title = \"", "title = \"Ours: ", 1) + &entry("2016-03-01", "A");
    let theirs = base.replacen("title = \"", "title = \"Theirs: ", 1) + &entry("2016-04-01", "B");
    let [o, a, b] = ["base", "ours", "theirs"].map(|n| tmp.path().join(n));
    std::fs::write(&o, &base).unwrap();
    std::fs::write(&a, &ours).unwrap();
    std::fs::write(&b, &theirs).unwrap();
    Test::new()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .arg("merge-driver")
        .args([&o, &a, &b])
        .status(1)
        .stderr_is(predicates::str::contains("the log entries are merged"))
        .run();
    let merged = std::fs::read_to_string(&a).unwrap();
    assert_eq!(merged.matches("<<<<<<< ours").count(), 1, "{merged}");
    assert_eq!(merged.matches(">>>>>>> theirs").count(), 1, "{merged}");
    let conflict = &merged[merged.find("<<<<<<<").unwrap()..merged.find(">>>>>>>").unwrap()];
    assert_eq!(
        conflict.lines().count(),
        4,
        "only the title lines: {conflict}"
    );
    assert!(
        merged.contains("note = \"A\"") && merged.contains("note = \"B\""),
        "{merged}"
    );
    assert!(
        merged.find("note = \"A\"") < merged.find("note = \"B\""),
        "{merged}"
    );
}

/// Completion through clap's dynamic entry point (`COMPLETE=<shell> pledge -- <words>`).
fn complete(words: &[&str]) -> Vec<String> {
    Test::new()
        .env("COMPLETE", "fish")
        .arg("--")
        .args(words)
        .read_stdout()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn kommun_names_and_activity_ids_complete_and_hidden_flags_do_not() {
    assert_eq!(complete(&["pledge", "done", "fil"]), ["filipstad"]);
    assert_eq!(
        complete(&["pledge", "status", "kristine"]),
        ["kristinehamn"]
    );
    assert_eq!(
        complete(&["pledge", "done", "filipstad", "trygg"]),
        ["trygghetsvandring"]
    );
    assert_eq!(
        complete(&["pledge", "log", "--activity", "follow"]),
        ["followup"]
    );
    let flags = complete(&["pledge", "done", "filipstad", "trafik", "--"]);
    assert!(flags.contains(&"--note".to_string()), "{flags:?}");
    assert!(!flags.contains(&"--as-of".to_string()), "hidden: {flags:?}");
    let script = Test::new().env("COMPLETE", "bash").read_stdout();
    assert!(script.contains("_clap_complete_pledge"), "{script}");
}

/// What is typed before scopes what is offered (issue 28): after a kommun, its löften's
/// activities, units, parts and areas; kommun names from the folder's own first.
#[test]
fn completion_is_scoped_by_what_is_typed_before() {
    let words = |ws: &[&str]| -> Vec<String> {
        complete(ws)
            .into_iter()
            .filter(|w| !w.starts_with('-'))
            .collect()
    };
    // The folder's five kommuner, not all 290 (nor the 299 items of before).
    assert_eq!(
        words(&["pledge", "status", ""]),
        [
            "alvesta",
            "filipstad",
            "karlstad",
            "kristinehamn",
            "munkfors"
        ]
    );
    assert_eq!(
        words(&["pledge", "status", "k"]),
        ["karlstad", "kristinehamn"]
    );
    // A kommun outside the folder is still offered when none of the folder's begins so.
    assert_eq!(words(&["pledge", "status", "stockh"]), ["stockholm"]);
    // Munkfors's activities, not every löfte's.
    let munkfors = [
        "andt-forebyggande",
        "andt-insatser",
        "followup",
        "fotpatrull",
        "trygghetsvandring",
        "ungdomar-riskzon",
    ];
    assert_eq!(words(&["pledge", "done", "munkfors", ""]), munkfors);
    assert_eq!(
        words(&["pledge", "undo", "munkfors", "--activity", ""]),
        munkfors
    );
    assert_eq!(
        words(&["pledge", "verdict", "munkfors", "andt"]),
        ["andt-forebyggande", "andt-insatser"]
    );
    assert_eq!(
        words(&[
            "pledge",
            "done",
            "filipstad",
            "--date",
            "2016-05-12",
            "trygg"
        ]),
        ["trygghetsvandring"]
    );
    // Units and parts of the activity typed, in the folder --dir names.
    let sunne = ["pledge", "--dir", "examples/targets", "done", "sunne"];
    let with = |rest: &[&str]| words(&[&sunne[..], rest].concat());
    assert_eq!(
        with(&["foraldra", "--unit", ""]),
        ["Södra skolan", "Västra skolan"]
    );
    assert_eq!(with(&["insatser", "--part", ""]), ["dialog", "vandringar"]);
    // bash says which word is completed: the words after it do not count.
    let bash = Test::new()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "3")
        .args(["--", "pledge", "done", "munkfors", "andt", "--dry-run"])
        .read_stdout();
    assert_eq!(
        bash.lines().collect::<Vec<_>>(),
        ["andt-forebyggande", "andt-insatser"]
    );
}

#[test]
fn the_scaffold_passes_taplo_fmt_check() {
    let dir = tempfile::tempdir().unwrap();
    for (i, args) in [
        &["Alvesta"][..],
        &["Karlstad", "Munkfors", "--area", "Centrum"],
    ]
    .iter()
    .enumerate()
    {
        let text = Test::new()
            .args([
                "new",
                "--start",
                "2017-01-01",
                "--end",
                "2018-12-31",
                "--dry-run",
            ])
            .args(*args)
            .read_stdout();
        let file = dir.path().join(format!("s{i}.toml"));
        std::fs::write(&file, text).unwrap();
        let Ok(out) = Command::new("taplo")
            .args(["fmt", "--check"])
            .arg(&file)
            .env("RUST_LOG", "error")
            .output()
        else {
            eprintln!("taplo is not installed: skipped");
            return;
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// At 60 and 80 columns the log splits no word (ids and names stay whole; the kommun, who
/// and the count go first), and its `#` column is the number `undo --index` takes (issue 28).
#[test]
fn the_log_at_60_and_80_columns_splits_no_word_and_numbers_what_undo_takes() {
    let (_tmp, dir) = crate::support::copy_pledges();
    let done = |activity: &str, date: &str, by: &str, note: &str| {
        crate::support::pledge_in(&dir)
            .args(["done", "munkfors", activity, "--date", date, "--by", by])
            .args(["--note", note])
            .read_stdout();
    };
    done(
        "ungdomar-riskzon",
        "2017-05-02",
        "Anna Andersson",
        "Samtal med fältassistenter om kvällsläget i centrum och vid skolan",
    );
    done(
        "trygghetsvandring",
        "2017-06-02",
        "Bengt Karlsson-Öberg",
        "Stationsområdet",
    );
    let words = [
        "ungdomar-riskzon",
        "trygghetsvandring",
        "fältassistenter",
        "kvällsläget",
        "Stationsområdet",
        "2017-05-02",
    ];
    for (cols, lang, name) in [
        (60, "sv", "log-munkfors-sv-60cols.txt"),
        (80, "en", "log-munkfors-en-80cols.txt"),
    ] {
        let out = crate::support::pledge_in(&dir)
            .env("COLUMNS", cols.to_string())
            .env("PLEDGE_LANG", lang)
            .args(["log", "munkfors"])
            .read_stdout();
        snapshot(name, &out);
        assert!(out.lines().all(|l| l.chars().count() <= cols), "{out}");
        for w in words {
            assert!(out.contains(w), "{w} is split at {cols} columns:\n{out}");
        }
        assert!(
            out.contains("│ # ┆") && out.contains("│ 2 ┆ 2017-06-02"),
            "{out}"
        );
    }
    crate::support::pledge_in(&dir)
        .args(["undo", "munkfors", "--index", "2", "--dry-run"])
        .stdout_is(predicates::str::contains("date = 2017-06-02"))
        .stderr_is(predicates::str::contains("Bengt Karlsson-Öberg's entry"))
        .run();
}

/// `measure` takes `1 234,5` as written (unquoted), and `undo --date D` finds the measurement
/// of that day that ends its file, as plain `undo` does (issue 28).
#[test]
fn measure_takes_a_spaced_value_and_undo_by_date_finds_it() {
    let tmp = tempfile::tempdir().unwrap();
    let file = "hagfors-2017-2018.toml";
    let src = std::path::Path::new(crate::support::ROOT).join("examples/indicators");
    std::fs::copy(src.join(file), tmp.path().join(file)).unwrap();
    let before = std::fs::read(tmp.path().join(file)).unwrap();
    let run = || {
        Test::new()
            .env("PLEDGE_DIR", tmp.path())
            .env("PLEDGE_AS_OF", "2020-01-01")
    };
    run()
        .args([
            "measure",
            "hagfors",
            "anmalda",
            "1",
            "234,5",
            "--date",
            "2018-01-10",
        ])
        .stdout_is(predicates::str::contains("value = 1234.5"))
        .run();
    // Someone else, naming the day: the measurement goes, and the file is as it was.
    run()
        .env("PLEDGE_USER", "Someone Else")
        .args(["undo", "hagfors", "--date", "2018-01-10"])
        .stdout_is(predicates::str::contains("indicator = \"anmalda-brott\""))
        .run();
    assert_eq!(std::fs::read(tmp.path().join(file)).unwrap(), before);
}

/// The narrow layout names the latest work's date as what it is, never as a deadline.
#[test]
fn the_narrow_layout_calls_the_last_work_last_done_not_due() {
    let (_tmp, dir) = copy_pledges();
    pledge_in(&dir)
        .args(["done", "filipstad", "trygg", "--date", "2016-05-12"])
        .stdout_is(recorded())
        .run();
    for (lang, want, wrong) in [
        ("en", "last done 2016-05-12", "due 2016-05-12"),
        ("sv", "senast gjort 2016-05-12", "· senast 2016-05-12"),
    ] {
        let out = pledge_in(&dir)
            .env("COLUMNS", "60")
            .args([
                "status",
                "filipstad",
                "--as-of",
                "2016-10-16",
                "--lang",
                lang,
            ])
            .read_stdout();
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(want), "{out}");
        assert!(!flat.contains(wrong), "{out}");
    }
}
