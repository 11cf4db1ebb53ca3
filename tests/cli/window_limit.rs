//! Issue 25: per-window detail limited per activity. A file whose parts multiply a weekly slot
//! gives `status --format json`, `calendar` and `site` at most 600 windows of the activity,
//! those nearest the as-of date, with a count of those left out; `--all-windows` gives all.

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use crate::support::pledge_in;

/// A löfte of Ale for 2024 whose one activity has 58 parts, each a weekly slot: 58 × 53 =
/// 3,074 windows (4.7 KB of TOML).
fn many_weeks(dir: &Path) {
    let mut text = String::from(
        "title = \"Test\"\nkommun = \"Ale\"\n\n[period]\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [followup]\nwhen = \"2025-Q1\"\n\n[[activity]]\nid = \"walk\"\n\
         text = \"Trygghetsvandringar.\"\nowners = [\"kommunen\"]\n",
    );
    for i in 0..58 {
        text.push_str(&format!(
            "\n[[activity.part]]\nid = \"p{i}\"\ntext = \"Del {i}\"\n\
             target = {{ weekday = \"tisdag\" }}\n"
        ));
    }
    fs::write(dir.join("ale-2024.toml"), text).unwrap();
}

fn status_json(dir: &Path, extra: &[&str]) -> (usize, Value) {
    let mut args = vec!["status", "ale", "--format", "json", "--as-of", "2024-06-15"];
    args.extend(extra);
    let out = pledge_in(dir).args(args).read_stdout();
    (out.len(), serde_json::from_str(&out).unwrap())
}

/// The parts of the one activity: (windows shown, windows_omitted or None).
fn parts(doc: &Value) -> Vec<(Vec<Value>, Option<u64>)> {
    doc["pledges"][0]["activities"][0]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let ws = p["windows"].as_array().unwrap().clone();
            (ws, p.get("windows_omitted").map(|n| n.as_u64().unwrap()))
        })
        .collect()
}

#[test]
fn status_json_shows_the_windows_nearest_the_day_and_counts_the_rest() {
    let tmp = TempDir::new().unwrap();
    many_weeks(tmp.path());
    let (all_len, all) = status_json(tmp.path(), &["--all-windows"]);
    let (len, cut) = status_json(tmp.path(), &[]);
    let (all, cut) = (parts(&all), parts(&cut));
    let total: usize = all.iter().map(|(ws, _)| ws.len()).sum();
    assert_eq!(total, 58 * 53);
    assert!(
        all.iter().all(|(_, n)| n.is_none()),
        "--all-windows omits nothing"
    );
    let shown: usize = cut.iter().map(|(ws, _)| ws.len()).sum();
    let omitted: u64 = cut.iter().map(|(_, n)| n.unwrap()).sum();
    assert!(shown <= 600, "{shown} windows shown");
    assert_eq!(shown + omitted as usize, total);
    // The limit is shared evenly: 600 / 58 = 10 weeks of each part, around 15 June.
    for (ws, n) in &cut {
        assert_eq!((ws.len(), *n), (10, Some(43)));
        assert!(ws.iter().any(|w| w["start"] == "2024-06-10"), "{ws:?}");
    }
    assert!(len * 4 < all_len, "{len} bytes against {all_len}");
}

#[test]
fn calendar_and_site_keep_to_the_limit_unless_asked_for_all() {
    let tmp = TempDir::new().unwrap();
    many_weeks(tmp.path());
    let feed = |extra: &[&str]| {
        let mut args = vec!["calendar", "ale", "--as-of", "2024-06-15"];
        args.extend(extra);
        pledge_in(tmp.path()).args(args).read_stdout()
    };
    let (cut, all) = (feed(&[]), feed(&["--all-windows"]));
    assert!(
        cut.contains("X-PLEDGE-WINDOWS-OMITTED:2494\r\n"),
        "{cut:.600}"
    );
    assert!(!all.contains("X-PLEDGE-WINDOWS-OMITTED"));
    let events = |f: &str| f.matches("BEGIN:VEVENT").count();
    assert!(events(&cut) <= 600 && events(&all) > 1_500);
    let site = |name: &str, extra: &[&str]| {
        let out = tmp.path().join(name);
        let mut args = vec!["site", out.to_str().unwrap(), "--as-of", "2024-06-15"];
        args.extend(extra);
        pledge_in(tmp.path()).args(args).read_stdout();
        fs::read_to_string(out.join("pledges.json")).unwrap()
    };
    let (cut, all) = (site("cut", &[]), site("all", &["--all-windows"]));
    assert!(cut.contains("\"windows_omitted\": 43"), "{cut:.600}");
    assert!(!all.contains("windows_omitted") && cut.len() * 4 < all.len());
}

/// A löfte of Ale for 2024 of one activity over 700 schools, done in every school but the
/// last two: after the period those two are missed.
fn many_units(dir: &Path) {
    let names: Vec<String> = (0..700).map(|i| format!("\"Skola {i}\"")).collect();
    let mut text = format!(
        "title = \"Test\"\nkommun = \"Ale\"\n\n[period]\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [[activity]]\nid = \"walk\"\ntext = \"Trygghetsvandringar.\"\nowners = [\"kommunen\"]\n\
         target = {{ count = 1, per = \"period\" }}\nunits = [{}]\n",
        names.join(", ")
    );
    for i in 0..698 {
        text.push_str(&format!(
            "\n[[log]]\ndate = 2024-03-01\nactivity = \"walk\"\nunit = \"Skola {i}\"\n"
        ));
    }
    fs::write(dir.join("ale-2024.toml"), text).unwrap();
}

#[test]
fn the_status_table_lists_600_units_problems_first_and_counts_the_rest() {
    let tmp = TempDir::new().unwrap();
    many_units(tmp.path());
    let table = |extra: &[&str]| {
        let mut args = vec!["status", "ale", "--as-of", "2025-01-15"];
        args.extend(extra);
        pledge_in(tmp.path()).args(args).read_stdout()
    };
    let unit_rows = |out: &str| out.lines().filter(|l| l.contains("· Skola ")).count();
    let cut = table(&[]);
    assert_eq!(unit_rows(&cut), 600, "{cut}");
    // The two missed schools are listed although they come last in the file.
    assert!(
        cut.contains("· Skola 698 ") && cut.contains("· Skola 699 "),
        "{cut}"
    );
    assert!(!cut.contains("· Skola 598 "), "{cut}");
    assert!(
        cut.contains("100 more units not listed (met: 100); --all-windows lists every unit"),
        "{cut}"
    );
    // The activity's own row still judges and names all 700.
    assert!(
        cut.contains("698 of 700 met (occasions × 700 units)"),
        "{cut}"
    );
    let all = table(&["--all-windows"]);
    assert_eq!(unit_rows(&all), 700);
    assert!(!all.contains("not listed"), "{all}");
    let md = table(&["--format", "markdown", "--lang", "sv"]);
    assert_eq!(unit_rows(&md), 600, "{md}");
    assert!(
        md.contains("100 enheter till visas inte (genomförd: 100)"),
        "{md}"
    );
}

#[test]
fn a_site_page_lists_600_units_and_its_data_file_all() {
    let tmp = TempDir::new().unwrap();
    many_units(tmp.path());
    let out = tmp.path().join("site");
    pledge_in(tmp.path())
        .args([
            "site",
            out.to_str().unwrap(),
            "--as-of",
            "2025-01-15",
            "--lang",
            "en",
        ])
        .read_stdout();
    let page = fs::read_to_string(out.join("ale-2024").join("index.html")).unwrap();
    let rows = page.matches("<th scope=\"row\">Skola ").count();
    assert_eq!(rows, 600);
    assert!(
        page.contains("<th scope=\"row\">Skola 699</th>"),
        "the missed ones are listed"
    );
    assert!(
        page.contains("100 more units not shown here (met: 100); pledges.json lists every unit"),
        "{page:.2000}"
    );
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("pledges.json")).unwrap()).unwrap();
    let units = data.to_string().matches("\"Skola ").count();
    assert!(units >= 700, "{units} unit names in pledges.json");
}

#[test]
fn a_report_lists_600_units_problems_first_and_all_with_all_windows() {
    let tmp = TempDir::new().unwrap();
    many_units(tmp.path());
    let report = |extra: &[&str]| {
        let mut args = vec!["report", "ale", "--as-of", "2025-01-15", "--lang", "en"];
        args.extend(extra);
        pledge_in(tmp.path()).args(args).read_stdout()
    };
    for format in ["markdown", "html"] {
        let cut = report(&["--format", format]);
        // The unit rows ("Unit **Skola N**", "<strong>Skola N</strong>"); the log below
        // them names every entry's unit, as it names every entry.
        let close = if format == "html" { "</strong>" } else { "**" };
        let names = |out: &str| {
            out.split("Skola ")
                .skip(1)
                .filter(|rest| {
                    let digits = rest.chars().take_while(char::is_ascii_digit).count();
                    digits > 0 && rest[digits..].starts_with(close)
                })
                .count()
        };
        assert_eq!(names(&cut), 600, "{format}: {cut:.3000}");
        assert!(
            cut.contains(&format!("Skola 699{close}"))
                && cut.contains(&format!("Skola 698{close}"))
                && !cut.contains(&format!("Skola 598{close}")),
            "{format}: the missed units are listed, met ones past 600 are not"
        );
        assert!(
            cut.contains("100 more units not listed (met: 100); --all-windows lists every unit"),
            "{format}: {cut:.3000}"
        );
        assert!(!cut.contains("pledges.json"), "{format}");
        let all = report(&["--format", format, "--all-windows"]);
        assert_eq!(names(&all), 700, "{format}");
        assert!(!all.contains("not listed"), "{format}");
    }
}
