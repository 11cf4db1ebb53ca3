//! Issue 23: the documents a kommun signs and publishes, as a reader meets them: the report
//! (one page model in Markdown, HTML and on the site), the site's folder rules, the calendar
//! read by an independent parser, chart axes, the value range of measurements and the CSV
//! formula guard.

use std::fs;
use std::path::{Path, PathBuf};

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, snapshot};

fn examples(sub: &str) -> PathBuf {
    Path::new(ROOT).join("examples").join(sub)
}

/// `pledge --lang LANG report KOMMUN --as-of DATE [extra]` on an examples folder.
fn report(sub: &str, kommun: &str, as_of: &str, lang: &str, extra: &[&str]) -> String {
    Test::new()
        .env("PLEDGE_DIR", examples(sub))
        .args(["--lang", lang, "report", kommun, "--as-of", as_of])
        .args(extra)
        .read_stdout()
}

#[test]
fn the_report_is_one_page_in_markdown_and_html_with_parts_units_and_titles() {
    for (format, name) in [
        ("markdown", "documents-report-sunne-2017-10-01-sv.md"),
        ("html", "documents-report-sunne-2017-10-01-sv.html"),
    ] {
        let out = report(
            "targets",
            "sunne",
            "2017-10-01",
            "sv",
            &["--format", format, "--meeting", "2017-10-05", "--sign"],
        );
        // The summary `status` prints comes first, before the first section.
        let summary = "Sammanfattning: 5 aktiviteter – 1 delvis genomförd, 1 i fas, 2 försenade, 1 utan rapporter";
        let at = out.find(summary).unwrap_or_else(|| panic!("{out}"));
        assert!(at < out.find("Översikt").unwrap(), "{out}");
        assert!(out.contains("Möte: 2017-10-05"), "{out}");
        // Each unit with its own target and record: which school has 0 of 1.
        assert!(out.contains("Västra skolan"), "{out}");
        assert!(out.contains("0 av 1 · 2017-07-01 – 2017-12-31"), "{out}");
        // Each part with its own target: the dialogue not held, the walks behind.
        assert!(
            out.contains("En medborgardialog i centrum under hösten."),
            "{out}"
        );
        assert!(out.contains("3 under perioden"), "{out}");
        assert!(out.contains("1 av 3 · 2017"), "{out}");
        // An activity with parts has no target of its own to state.
        assert!(!out.contains("Mål: löpande"), "{out}");
        // The log by title, with its unit and part.
        assert!(out.contains("Föräldramöten · Södra skolan"), "{out}");
        assert!(
            out.contains("Trygghetsvandringar och dialog · vandringar"),
            "{out}"
        );
        assert!(!out.contains(" foraldramoten ·"), "{out}");
        // Signature lines.
        assert!(out.contains("Underskrifter"), "{out}");
        assert!(out.contains("Ort och datum"), "{out}");
        assert!(out.contains("Per Lind, lokalpolisområdeschef"), "{out}");
        snapshot(name, &out);
    }
}

#[test]
fn the_html_report_lists_unranked_problems_and_leaves_out_an_empty_by_column() {
    let html = report(
        "targets",
        "munkfors",
        "2017-10-15",
        "sv",
        &["--format", "html"],
    );
    assert!(
        html.contains(
            "<ul>\n<li>Otrygghet kring busstationen</li>\n<li>Inbrott i fritidshus</li>\n</ul>"
        ),
        "{html}"
    );
    // No entry names who did it: no "Av" column of empty cells.
    assert!(!html.contains("<th>Av</th>"), "{html}");
    assert!(
        html.contains("<td>Lägesbild i trygghetsrådet</td>"),
        "{html}"
    );
    let md = report("targets", "munkfors", "2017-10-15", "sv", &[]);
    assert!(md.contains("- Otrygghet kring busstationen\n"), "{md}");
    assert!(
        !md.contains("Underskrifter") && !md.contains("Möte:"),
        "{md}"
    );
}

#[test]
fn verdicts_are_listed_by_title_and_a_baseline_year_is_drawn_as_the_year() {
    let md = report("indicators", "hagfors", "2019-03-01", "sv", &[]);
    assert!(
        md.contains(
            "- **Kommunen byter belysningen i gångtunneln vid stationen** (`belysning`): uppfyllt"
        ),
        "{md}"
    );
    let html = report(
        "indicators",
        "hagfors",
        "2019-03-01",
        "sv",
        &["--format", "html"],
    );
    assert!(html.contains("<strong>Kommunen byter belysningen i gångtunneln vid stationen</strong> <span class=\"id\">belysning</span>"), "{html}");
    // baseline = { value = 62, year = 2016 }: the year, never a 31 December the file does
    // not state.
    assert!(
        html.contains("text-anchor=\"middle\">2016</text>"),
        "{html}"
    );
    assert!(!html.contains("2016-12-31"), "{html}");
    // The value axis starts at zero: 62 → 67.5 is not drawn from the bottom to the top.
    assert!(html.contains("\">0</text>"), "{html}");
    assert!(html.contains("font-size=\"12\""), "{html}");
}

#[test]
fn the_site_shows_parts_units_agreeing_counts_and_a_chart_styled_apart() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    for f in [
        examples("targets").join("sunne-2017.toml"),
        examples("indicators").join("hagfors-2017-2018.toml"),
    ] {
        fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    let out = tmp.path().join("site");
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["--lang", "sv", "site"])
        .arg(&out)
        .args(["--as-of", "2018-12-15"])
        .read_stdout();
    let sunne = fs::read_to_string(out.join("sunne-2017/index.html")).unwrap();
    assert!(
        sunne.contains("<th scope=\"row\">Västra skolan</th>"),
        "{sunne}"
    );
    assert!(sunne.contains("<th scope=\"row\">dialog<br>"), "{sunne}");
    // Counts agree in number, as `status` says them.
    assert!(!regex_like_count(&sunne, " delvis genomförd<"), "{sunne}");
    assert!(sunne.contains("3 delvis genomförda</span>"), "{sunne}");
    snapshot("documents-site-sunne-2017-sv.html", &sunne);
    let hagfors = fs::read_to_string(out.join("hagfors-2017-2018/index.html")).unwrap();
    assert!(
        hagfors.contains("<div class=\"chart-wrap\" tabindex=\"0\"><svg"),
        "{hagfors}"
    );
    // On a phone a narrow chart (300 wide, shown at least that wide) replaces the wide one,
    // which would scroll sideways: both are there, the style shows one (two indicators are
    // measured by 2018-12-15).
    assert_eq!(
        hagfors.matches("class=\"chart wide\"").count(),
        2,
        "{hagfors}"
    );
    assert_eq!(
        hagfors
            .matches("class=\"chart narrow\" viewBox=\"0 0 300 300\"")
            .count(),
        2
    );
    let style = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        style.contains(".chart-wrap svg.narrow { display: none; }")
            && style.contains(".chart-wrap svg.wide { display: none; }"),
        "{style}"
    );
    snapshot("documents-site-hagfors-2017-2018-sv.html", &hagfors);
    let css = fs::read_to_string(out.join("index.html")).unwrap();
    // The site's legend rule is its strip's list's, not the chart's `<g class="legend">`.
    assert!(
        css.contains("ul.legend {") && !css.contains("\n.legend {"),
        "{css}"
    );
}

/// Whether a number above 1 stands before `word` ("2 missad<").
fn regex_like_count(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let digits: String = text[..i]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        digits
            .chars()
            .rev()
            .collect::<String>()
            .parse::<u32>()
            .is_ok_and(|n| n > 1)
    })
}

#[test]
fn site_force_never_replaces_a_file_it_did_not_write() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("www");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("index.html"), "the kommun's own page").unwrap();
    Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["site"])
        .arg(&out)
        .args(["--as-of", "2017-10-01", "--force"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "holds a file that pledge did not write and would replace: index.html",
        ))
        .run();
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "the kommun's own page"
    );
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
    // Beside other files it writes, and leaves them alone.
    fs::rename(out.join("index.html"), out.join("start.html")).unwrap();
    Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["--quiet", "site"])
        .arg(&out)
        .args(["--as-of", "2017-10-01", "--force"])
        .run();
    assert_eq!(
        fs::read_to_string(out.join("start.html")).unwrap(),
        "the kommun's own page"
    );
}

#[test]
fn site_refuses_a_symlinked_folder_and_removes_what_a_killed_build_left() {
    let tmp = TempDir::new().unwrap();
    let real = tmp.path().join("real");
    fs::create_dir(&real).unwrap();
    let link = tmp.path().join("link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&real, &link).unwrap();
    #[cfg(unix)]
    {
        Test::new()
            .env("PLEDGE_DIR", examples("targets"))
            .args(["site"])
            .arg(&link)
            .args(["--as-of", "2017-10-01"])
            .status(1)
            .stderr_is(predicate::str::contains("is a symbolic link"))
            .run();
        assert_eq!(fs::read_dir(&real).unwrap().count(), 0);
    }
    let build = || {
        Test::new()
            .env("PLEDGE_DIR", examples("targets"))
            .args(["--quiet", "site"])
            .arg(&real)
            .args(["--as-of", "2017-10-01"])
            .run()
    };
    build();
    // What a `kill -9` between writing a temporary file and renaming it leaves.
    fs::write(real.join(".pledge-site-Ab12Cd"), "half").unwrap();
    fs::write(real.join("sunne-2017").join(".pledge-site-Xy34Zw"), "half").unwrap();
    build();
    assert!(!real.join(".pledge-site-Ab12Cd").exists());
    assert!(!real.join("sunne-2017").join(".pledge-site-Xy34Zw").exists());
}

/// A first `site` build killed (SIGKILL) once it has written pages: the next build, without
/// `--force`, knows the folder as pledge's and finishes it. Kills land at growing delays
/// after the first page appears, so at least one lands mid-build.
#[test]
fn a_killed_first_site_build_is_finished_by_the_next_without_force() {
    let tmp = TempDir::new().unwrap();
    let pledges = tmp.path().join("pledges");
    fs::create_dir(&pledges).unwrap();
    let sunne = fs::read_to_string(examples("targets").join("sunne-2017.toml")).unwrap();
    for i in 0..200 {
        fs::write(pledges.join(format!("sunne-{i:03}.toml")), &sunne).unwrap();
    }
    let site = |out: &Path| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_pledge"));
        c.env("PLEDGE_DIR", &pledges)
            .args(["--quiet", "site"])
            .arg(out)
            .args(["--as-of", "2017-10-01"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    };
    let mut killed_mid_build = 0;
    for (round, wait_ms) in [0u64, 10, 100].into_iter().enumerate() {
        let out = tmp.path().join(format!("site-{round}"));
        let mut child = site(&out).spawn().unwrap();
        let page = out.join("sunne-000").join("index.html");
        let start = std::time::Instant::now();
        while !page.exists() && start.elapsed() < std::time::Duration::from_secs(60) {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        if !running {
            continue;
        }
        killed_mid_build += 1;
        let status = site(&out).status().unwrap();
        assert!(status.success(), "round {round}: the next build refused");
        let marker = fs::read_to_string(out.join(".pledge-site")).unwrap();
        assert!(marker.contains("sunne-199/index.html"), "{marker}");
        assert!(!marker.contains(".pledge-site"), "{marker}");
        let left = fs::read_dir(&out)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".pledge-site-"))
            .count();
        assert_eq!(left, 0, "round {round}");
    }
    assert!(killed_mid_build > 0, "no kill landed while the build ran");
}

/// The events of `pledge calendar` on `dir`, parsed by the icalendar crate.
fn events(dir: &Path, as_of: &str) -> Vec<icalendar::Event> {
    let ics = Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["--lang", "sv", "calendar", "--as-of", as_of])
        .read_stdout();
    assert!(
        ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n"),
        "{ics}"
    );
    let cal: Calendar = ics.parse().unwrap();
    cal.components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn the_calendar_has_titles_timed_weekly_slots_dated_occurrences_and_distinct_uids() {
    use chrono::Datelike;
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    for sub in ["a", "b"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
        fs::copy(
            examples("targets").join("sunne-2017.toml"),
            dir.join(sub).join("sunne-2017.toml"),
        )
        .unwrap();
    }
    fs::copy(
        examples("targets").join("munkfors-2017-2018.toml"),
        dir.join("munkfors-2017-2018.toml"),
    )
    .unwrap();
    let es = events(&dir, "2017-10-01");
    let mut uids: Vec<String> = es
        .iter()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    let n = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), n, "{uids:?}");
    assert!(
        uids.iter().any(|u| u.starts_with("1766/a%2Fsunne-2017/")),
        "{uids:?}"
    );
    assert!(
        uids.iter().any(|u| u.starts_with("1766/b%2Fsunne-2017/")),
        "{uids:?}"
    );
    // "varje tisdag 18-20": timed, on Tuesdays, in Swedish time.
    let slots: Vec<&icalendar::Event> = es
        .iter()
        .filter(|e| e.get_summary().unwrap().contains("Polisen på biblioteket"))
        .collect();
    assert!(slots.len() > 10, "{}", slots.len());
    for e in &slots {
        match e.get_start() {
            Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
                date_time,
                tzid,
            })) => {
                assert_eq!(tzid, "Europe/Stockholm");
                assert_eq!(date_time.weekday(), chrono::Weekday::Tue, "{date_time}");
                assert_eq!(date_time.time().to_string(), "18:00:00");
            }
            other => panic!("not a timed event in Swedish time: {other:?}"),
        }
    }
    // A dated meeting's event is on the meeting's day, under the activity's title.
    let meeting = es
        .iter()
        .find(|e| {
            e.get_summary()
                .unwrap()
                .contains("Lägesbild i trygghetsrådet")
        })
        .unwrap();
    assert_eq!(
        meeting.get_start(),
        Some(DatePerhapsTime::Date("2017-12-12".parse().unwrap()))
    );
    assert!(
        !es.iter()
            .any(|e| e.get_summary().unwrap().contains("bibliotek,"))
    );
}

#[test]
fn measure_and_validate_refuse_values_outside_a_sane_range() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    let file = dir.join("hagfors-2017-2018.toml");
    fs::copy(examples("indicators").join("hagfors-2017-2018.toml"), &file).unwrap();
    let before = fs::read(&file).unwrap();
    for v in ["1e308", "-1.7e308", "1e-400", "5e-320", "2e12"] {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(["measure", "hagfors", "trygghet", v, "--date", "2018-11-30"])
            .env("PLEDGE_AS_OF", "2018-12-01")
            .status(2)
            .stderr_is(predicate::str::contains(
                "is outside the range a measurement can have",
            ))
            .run();
    }
    assert_eq!(fs::read(&file).unwrap(), before);
    let mut text = String::from_utf8(before).unwrap();
    text.push_str(
        "\n[[measurement]]\nindicator = \"trygghet\"\ndate = 2018-01-02\nvalue = 1e300\n",
    );
    fs::write(&file, text).unwrap();
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .args(["validate"])
        .status(1)
        .stdout_is(predicate::str::contains(
            "error: `1e300` is outside the range a measurement can have",
        ))
        .run();
}

#[test]
fn csv_guards_formulas_after_line_breaks_and_in_small_or_minus_forms() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    fs::copy(
        examples("targets").join("munkfors-2017-2018.toml"),
        dir.join("munkfors-2017-2018.toml"),
    )
    .unwrap();
    for note in [
        "\n=1+1",
        "\u{fe62}1+1",
        "\u{fe63}1",
        "\u{2212}1",
        " \n\t@SUM(A1)",
    ] {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2017-10-20")
            .args([
                "--quiet",
                "done",
                "munkfors",
                "fritidshus",
                "--date",
                "2017-10-20",
            ])
            .args(["--note", note])
            .run();
        let csv = Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(["log", "munkfors", "--format", "csv"])
            .read_stdout();
        assert!(csv.contains(&format!("'{note}")), "{note:?}: {csv}");
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2017-10-20")
            .args(["--quiet", "undo", "munkfors"])
            .run();
    }
}

/// The first sheet of an xlsx, read by calamine: its rows as text.
fn sheet(path: &Path) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn spreadsheets_speak_swedish_with_codes_in_their_own_columns() {
    let tmp = TempDir::new().unwrap();
    let status = tmp.path().join("status.xlsx");
    Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["--lang", "sv", "status", "--all", "--as-of", "2017-10-15"])
        .args(["--format", "xlsx", "--output"])
        .arg(&status)
        .run();
    let rows = sheet(&status);
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} in {:?}", rows[0]))
    };
    let sunne = rows
        .iter()
        .find(|r| r[col("Aktivitet (id)")] == "foraldramoten")
        .unwrap();
    assert_eq!(sunne[col("Aktivitet")], "Föräldramöten");
    assert_eq!(sunne[col("Mål")], "1 per halvår");
    assert_eq!(sunne[col("Status")], "i fas");
    assert_eq!(sunne[col("Status (kod)")], "on_track");
    assert_eq!(sunne[col("Läge")], "pågår");
    assert_eq!(sunne[col("Läge (kod)")], "active");
    assert_eq!(sunne[col("Kommunkod")], "1766");
    assert!(
        !rows[0].iter().any(|h| h == "state" || h == "target"),
        "{:?}",
        rows[0]
    );
    // The log: one row per entry, with its unit, part, kommun and kind.
    let log = tmp.path().join("log.xlsx");
    Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["--lang", "sv", "log", "--format", "xlsx", "--output"])
        .arg(&log)
        .run();
    let rows = sheet(&log);
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let asked = rows
        .iter()
        .find(|r| r[col("Anteckning")] == "Frykstaskolan ber om ett besök i årskurs 8")
        .unwrap();
    assert_eq!(asked[col("Typ")], "förfrågan");
    assert_eq!(asked[col("Typ (kod)")], "request");
    assert_eq!(asked[col("Kommun")], "gemensamt");
    let visit = rows
        .iter()
        .find(|r| r[col("Anteckning")] == "Besök i årskurs 8 på Frykstaskolan")
        .unwrap();
    assert_eq!(
        (visit[col("Typ")].as_str(), visit[col("Kommun")].as_str()),
        ("arbete", "Kil")
    );
    let school = rows
        .iter()
        .find(|r| r[col("Datum")].starts_with("2017-09-19") || r[col("Datum")] == "42997")
        .unwrap();
    assert_eq!(school[col("Enhet")], "Södra skolan");
    let walk = rows
        .iter()
        .find(|r| r[col("Anteckning")] == "Östra området")
        .unwrap();
    assert_eq!(walk[col("Del")], "vandringar");
    // The plain CSV keeps its English keys and codes, with the same new columns.
    let csv = Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["log", "forshaga", "--format", "csv"])
        .read_stdout();
    assert!(
        csv.starts_with(
            "date,kommuner,activity,count,by,note,file,unit,part,kommun,kind,title,value,\
             verdict,source\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains(",shared,request,Skolbesök på begäran,,,\n"),
        "{csv}"
    );
    assert!(csv.contains(",Forshaga,work,"), "{csv}");
}

#[test]
fn the_log_export_has_a_row_per_measurement_and_verdict_with_titles() {
    let tmp = TempDir::new().unwrap();
    let log = tmp.path().join("log.xlsx");
    Test::new()
        .env("PLEDGE_DIR", examples("indicators"))
        .args([
            "--lang", "sv", "log", "hagfors", "--format", "xlsx", "--output",
        ])
        .arg(&log)
        .run();
    let rows = sheet(&log);
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} in {:?}", rows[0]))
    };
    let kinds = |code: &str| rows.iter().filter(|r| r[col("Typ (kod)")] == code).count();
    // 4 walks and a lighting job, 4 measured values, 3 verdicts: each its own row.
    assert_eq!(
        (kinds("work"), kinds("measurement"), kinds("verdict")),
        (4, 4, 3)
    );
    let measured = rows
        .iter()
        .find(|r| r[col("Aktivitet (id)")] == "droger-ak9")
        .unwrap();
    assert_eq!(measured[col("Typ")], "mätning");
    assert_eq!(measured[col("Värde")], "7.9");
    assert_eq!(
        measured[col("Aktivitet")],
        "Elever i årskurs 9 som använt narkotika"
    );
    assert_eq!(measured[col("Antal")], "");
    let verdict = rows
        .iter()
        .find(|r| r[col("Bedömning (kod)")] == "partly")
        .unwrap();
    assert_eq!(verdict[col("Bedömning")], "delvis uppfyllt");
    assert_eq!(verdict[col("Typ")], "bedömning");
    assert_eq!(verdict[col("Aktivitet (id)")], "trygghetsvandring");
    assert!(
        verdict[col("Aktivitet")]
            .starts_with("Kommunen och polisen genomför två trygghetsvandringar")
    );
    assert_eq!(
        verdict[col("Anteckning")],
        "Tre vandringar av fyra; hösten 2018 ställdes in."
    );
    assert_eq!(
        verdict[col("Källa")],
        "Protokoll Folkhälsorådet 2019-02-12 § 4"
    );
    // The plain CSV: English codes; Swedish Excel's CSV: a decimal comma.
    let csv = Test::new()
        .env("PLEDGE_DIR", examples("indicators"))
        .args(["log", "hagfors", "--format", "csv", "--since", "2018-11-01"])
        .read_stdout();
    assert!(
        csv.contains(",Hagfors,measurement,Andel som känner sig trygga i centrum kvällstid,67.5,,"),
        "{csv}"
    );
    assert!(
        csv.contains(
            ",Hagfors,verdict,Kommunen byter belysningen i gångtunneln vid stationen,,kept,"
        ),
        "{csv}"
    );
    let excel = Test::new()
        .env("PLEDGE_DIR", examples("indicators"))
        .args(["--lang", "sv", "log", "hagfors", "--format", "excel-csv"])
        .read_stdout();
    assert!(excel.contains(";67,5;"), "{excel}");
    // `--activity` keeps that activity's verdict, not the löfte's measurements.
    let one = Test::new()
        .env("PLEDGE_DIR", examples("indicators"))
        .args([
            "log",
            "hagfors",
            "--format",
            "csv",
            "--activity",
            "belysning",
        ])
        .read_stdout();
    assert_eq!(one.lines().count(), 3, "{one}");
    assert!(
        one.contains(",verdict,") && !one.contains(",measurement,"),
        "{one}"
    );
}

#[test]
fn the_site_publishes_titles_words_and_a_dcat_ap_se_description() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("site");
    Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["--lang", "sv", "--quiet", "site"])
        .arg(&out)
        .args([
            "--as-of",
            "2017-10-15",
            "--base-url",
            "https://www.sunne.se/loften",
        ])
        .args(["--publisher", "Sunne kommun"])
        .run();
    let csv = fs::read_to_string(out.join("pledges.csv")).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",windows_open,title,text,state_text,target_text,status_text"),
        "{csv}"
    );
    assert!(
        csv.contains(",foraldramoten,polisen,1 per half-year,")
            && csv.contains(",Föräldramöten,Polisen deltar i minst ett föräldramöte per termin på varje högstadieskola.,pågår,1 per halvår,i fas\n"),
        "{csv}"
    );
    let rdf = fs::read_to_string(out.join("dcat.rdf")).unwrap();
    for want in [
        "<dcat:Catalog rdf:about=\"https://www.sunne.se/loften/dcat.rdf#catalog\">",
        "<foaf:name>Sunne kommun</foaf:name>",
        "<dcat:accessURL rdf:resource=\"https://www.sunne.se/loften/pledges.csv\"/>",
        "<dcterms:format>text/calendar</dcterms:format>",
    ] {
        assert!(rdf.contains(want), "{want} in {rdf}");
    }
    // The löften state no licence and no contact: the description says so, invents none.
    assert!(
        rdf.contains("<rdfs:label xml:lang=\"sv\">Licensen är inte angiven.</rdfs:label>")
            && !rdf.contains("dcterms:license")
            && !rdf.contains("<dcat:contactPoint>"),
        "{rdf}"
    );
    let package = fs::read_to_string(out.join("datapackage.json")).unwrap();
    assert!(package.contains("\"name\": \"status_text\""), "{package}");
    // An address the portal cannot use is refused before anything is written.
    let other = tmp.path().join("other");
    Test::new()
        .env("PLEDGE_DIR", examples("targets"))
        .args(["site"])
        .arg(&other)
        .args([
            "--as-of",
            "2017-10-15",
            "--base-url",
            "www.sunne.se/löften ny",
        ])
        .status(2)
        .stderr_is(predicate::str::contains("--base-url"))
        .run();
    assert!(!other.exists());
}

#[test]
fn dcat_names_the_licence_and_contact_point_given_and_refuses_unusable_ones() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("site");
    Test::new()
        .env("PLEDGE_DIR", examples("indicators"))
        .args(["--quiet", "site"])
        .arg(&out)
        .args([
            "--as-of",
            "2019-03-01",
            "--base-url",
            "https://www.hagfors.se/loften",
        ])
        .args([
            "--licence",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ])
        .args(["--contact", "trygghet@hagfors.se"])
        .run();
    let rdf = fs::read_to_string(out.join("dcat.rdf")).unwrap();
    for want in [
        "<dcterms:license rdf:resource=\"https://creativecommons.org/publicdomain/zero/1.0/\"/>",
        "<dcat:contactPoint>\n    <vcard:Organization>",
        "<vcard:hasEmail rdf:resource=\"mailto:trygghet@hagfors.se\"/>",
        "xmlns:vcard=\"http://www.w3.org/2006/vcard/ns#\"",
    ] {
        assert!(rdf.contains(want), "{want} in {rdf}");
    }
    // Each of the three distributions carries the licence; no "not stated" beside it.
    assert_eq!(rdf.matches("<dcterms:license ").count(), 3, "{rdf}");
    assert!(!rdf.contains("dcterms:rights"), "{rdf}");
    assert!(rdf.contains("i 1 medborgarlöfte "), "{rdf}");
    // Without --publisher the publisher is the löfte's kommun, named once in the title.
    assert!(rdf.contains("<foaf:name>Hagfors</foaf:name>"), "{rdf}");
    assert!(
        rdf.contains(">Medborgarlöften – Hagfors</dcterms:title>"),
        "{rdf}"
    );
    for (flag, value) in [
        ("--licence", "CC0"),
        ("--contact", "trygghet at hagfors"),
        ("--contact", "mailto:a@b.se"),
    ] {
        let other = tmp.path().join("other");
        Test::new()
            .env("PLEDGE_DIR", examples("indicators"))
            .args(["site"])
            .arg(&other)
            .args(["--as-of", "2019-03-01", flag, value])
            .status(2)
            .stderr_is(predicate::str::contains(flag))
            .run();
        assert!(!other.exists(), "{flag} {value}");
    }
}

/// On a period's first day "no reports" cannot be about 90 days that did not exist yet: it
/// says since when (a trial found "inget rapporterat de senaste 90 dagarna" on day one).
#[test]
fn no_reports_on_a_periods_first_days_says_since_the_start() {
    let (_t, dir) = crate::support::copy_pledges();
    let file = dir.join("filipstad-2016.toml");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("\n[[log]]\ndate = 2016-01-01\nactivity = \"trygghetsvandring\"\ncount = 1\n");
    fs::write(&file, text).unwrap();
    let say = |command: &str, as_of: &str| {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(["--lang", "sv", command, "filipstad", "--as-of", as_of])
            .read_stdout()
    };
    for command in ["status", "report"] {
        let day_one = say(command, "2016-01-01");
        assert!(
            day_one.contains("inget rapporterat sedan starten 2016-01-01"),
            "{day_one}"
        );
        assert!(!day_one.contains("90 dagarna"), "{day_one}");
        let later = say(command, "2016-06-01");
        assert!(
            later.contains("inget rapporterat de senaste 90 dagarna"),
            "{later}"
        );
        assert!(!later.contains("sedan starten"), "{later}");
    }
}

/// The two meanings of `file` the README's JSON contract names: `status` (and `list`, `log`)
/// the path opened, from the pledges folder as given; `check` relative to the pledges folder.
#[test]
fn json_file_paths_mean_what_the_readme_says() {
    let (_t, dir) = crate::support::copy_pledges();
    let json = |args: &[&str]| -> serde_json::Value {
        let out = Test::new()
            .env("PLEDGE_DIR", &dir)
            .args(args)
            .args(["--format", "json", "--as-of", "2016-10-16"])
            .status_one_of(&[0, 1])
            .read_stdout();
        serde_json::from_str(&out).unwrap()
    };
    let opened = dir.join("filipstad-2016.toml");
    let status = json(&["status", "filipstad"]);
    assert_eq!(status["pledges"][0]["file"], opened.to_str().unwrap());
    let list = json(&["list"]);
    let files: Vec<&str> = list["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert!(files.contains(&opened.to_str().unwrap()), "{files:?}");
    let check = json(&["check", "--within", "365"]);
    let findings = check["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(
        findings.iter().any(|f| f["file"] == "filipstad-2016.toml"),
        "{check}"
    );
}
