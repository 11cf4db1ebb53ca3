//! Issue 27: `measure --fetch` against a local HTTP server that answers in Kolada's documented
//! shape (the network cannot be reached from the tests), and `measure --from-csv`: the bytes
//! appended, `undo` restoring them, the duplicate and `--update` rules, and each failure
//! named with nothing written.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::Test;

/// One canned answer: status, body, and how long to wait before answering.
#[derive(Clone)]
struct Answer {
    status: u16,
    body: String,
    delay: Duration,
}

fn ok(body: &str) -> Answer {
    Answer {
        status: 200,
        body: body.to_string(),
        delay: Duration::ZERO,
    }
}

/// A local server answering each path from a table (404 for others), recording the paths
/// asked, on 127.0.0.1 and a free port; it runs until the test ends.
struct Server {
    url: String,
    asked: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// `routes` gets the server's address (for bodies that name it, as `next_page` does).
    fn start(routes: impl FnOnce(&str) -> Vec<(String, Answer)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/v3", listener.local_addr().unwrap());
        let routes = routes(&url);
        let asked = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&asked);
        let routes: HashMap<String, Answer> = routes.into_iter().collect();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { continue };
                let routes = routes.clone();
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(conn.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        return;
                    }
                    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                            break;
                        }
                    }
                    seen.lock().unwrap().push(path.clone());
                    let a = routes.get(&path).cloned().unwrap_or(Answer {
                        status: 404,
                        body: "{\"error\": \"not found\"}".into(),
                        delay: Duration::ZERO,
                    });
                    std::thread::sleep(a.delay);
                    let _ = write!(
                        conn,
                        "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                         Connection: close\r\n\r\n{}",
                        a.status,
                        a.body.len(),
                        a.body
                    );
                });
            }
        });
        Server { url, asked }
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

/// Munkfors (kommunkod 1762, Värmlands län 17), 2022–2024, baseline 2021, two indicators
/// with a series and one without.
const LOFTE: &str = "title = \"Medborgarlöfte i Munkfors (test)\"
kommun = \"Munkfors\"
promise = \"Ett påhittat löfte för testerna.\"

[period]
start = 2022-01-01
end = 2024-12-31

[[activity]]
id = \"vandring\"
text = \"Trygghetsvandringar.\"
owners = [\"kommunen\"]
target = { count = 1, per = \"year\" }

[[indicator]]
id = \"brott\"
name = \"Anmälda brott per 100 000 invånare\"
source = { kolada = \"N07403\", compare = [\"riket\", \"lan\"] }
unit = \"per 100 000 invånare\"
direction = \"lower\"
baseline = { value = 9000, year = 2021 }
cadence = \"yearly\"

[[indicator]]
id = \"trygghet\"
name = \"Andel som känner sig trygga\"
source = { kolada = \"U07460\", gender = \"K\" }
unit = \"procent\"
direction = \"higher\"

[[indicator]]
id = \"egen\"
name = \"Egen mätning\"
source = \"Kommunens enkät\"
direction = \"higher\"
";

const KPI_BROTT: &str = r#"{"values": [{"id": "N07403", "title": "Anmälda brott totalt, antal/100 000 inv", "publication_date": "2025-03-20", "prel_publication_date": null, "publ_period": "2024"}], "count": 1}"#;
const KPI_TRYGG: &str = r#"{"values": [{"id": "U07460", "title": "Trygghet", "publication_date": "2026-06-01", "prel_publication_date": "2025-09-01", "publ_period": 2024}], "count": 1}"#;

fn data_path(kpi: &str, areas: &str) -> String {
    format!("/v3/data/kpi/{kpi}/municipality/{areas}/year/2021,2022,2023,2024")
}

/// Page one of N07403: 2021 and 2022 for Munkfors, the country and the län; page two: 2023
/// (2024 not yet published).
fn brott_pages(url: &str) -> Vec<(String, Answer)> {
    let p1 = data_path("N07403", "1762,0000,0017");
    let p2 = "/v3/data/kpi/N07403/page2".to_string();
    let page1 = format!(
        r#"{{"values": [
  {{"kpi": "N07403", "municipality": "1762", "period": 2021, "values": [{{"count": 1, "gender": "T", "status": "", "value": 9100.5}}]}},
  {{"kpi": "N07403", "municipality": "0000", "period": 2021, "values": [{{"count": 1, "gender": "T", "status": "", "value": 13000}}]}},
  {{"kpi": "N07403", "municipality": "0017", "period": 2021, "values": [{{"count": 1, "gender": "T", "status": "", "value": 11000}}]}},
  {{"kpi": "N07403", "municipality": "1762", "period": 2022, "values": [{{"count": 1, "gender": "T", "status": "", "value": 8800}}]}}
], "count": 4, "next_page": "{url}/data/kpi/N07403/page2"}}"#
    );
    let page2 = r#"{"values": [
  {"kpi": "N07403", "municipality": "1762", "period": "2023", "values": [{"count": 1, "gender": "T", "status": "", "value": 8650.25}]},
  {"kpi": "N07403", "municipality": "1762", "period": 2024, "values": [{"count": 1, "gender": "T", "status": "", "value": null}]}
], "count": 2}"#;
    vec![
        ("/v3/kpi/N07403".into(), ok(KPI_BROTT)),
        (p1, ok(&page1)),
        (p2, ok(page2)),
    ]
}

/// U07460 for women (K): 2023 final, 2024 preliminary (the metadata says so).
fn trygg(value_2023: f64) -> Vec<(String, Answer)> {
    let body = format!(
        r#"{{"values": [
  {{"kpi": "U07460", "municipality": "1762", "period": 2023, "values": [{{"count": 1, "gender": "K", "status": "", "value": {value_2023}}}, {{"count": 1, "gender": "T", "status": "", "value": 70}}]}},
  {{"kpi": "U07460", "municipality": "1762", "period": 2024, "values": [{{"count": 1, "gender": "K", "status": "", "value": 64.5}}]}}
], "count": 2}}"#
    );
    vec![
        ("/v3/kpi/U07460".into(), ok(KPI_TRYGG)),
        (
            "/v3/data/kpi/U07460/municipality/1762/year/2022,2023,2024".into(),
            ok(&body),
        ),
    ]
}

fn folder() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    let file = dir.join("munkfors-2022-2024.toml");
    fs::write(&file, LOFTE).unwrap();
    (tmp, file)
}

fn pledge(file: &Path, url: &str) -> Test {
    Test::new()
        .env("PLEDGE_DIR", file.parent().unwrap())
        .env("PLEDGE_AS_OF", "2025-11-01")
        .env("PLEDGE_KOLADA_URL", url)
        .env("PLEDGE_FETCH_TIMEOUT", "1")
}

const BROTT_ENTRIES: &str = "
[[measurement]]
date = 2021-12-31
indicator = \"brott\"
value = 9100.5
source = \"Kolada N07403\"
fetched = 2025-11-01
by = \"Test User\"
note = \"riket 13000, län 11000\"

[[measurement]]
date = 2022-12-31
indicator = \"brott\"
value = 8800.0
source = \"Kolada N07403\"
fetched = 2025-11-01
by = \"Test User\"

[[measurement]]
date = 2023-12-31
indicator = \"brott\"
value = 8650.25
source = \"Kolada N07403\"
fetched = 2025-11-01
by = \"Test User\"
";

const TRYGG_ENTRIES: &str = "
[[measurement]]
date = 2023-12-31
indicator = \"trygghet\"
value = 61.0
source = \"Kolada U07460\"
fetched = 2025-11-01
by = \"Test User\"

[[measurement]]
date = 2024-12-31
indicator = \"trygghet\"
value = 64.5
source = \"Kolada U07460\"
fetched = 2025-11-01
preliminary = true
by = \"Test User\"
";

#[test]
fn fetch_appends_every_page_with_its_provenance_and_undo_restores_the_bytes() {
    let (_tmp, file) = folder();
    let srv = Server::start(|url| [brott_pages(url), trygg(61.0)].concat());
    let out = pledge(&file, &srv.url)
        .args(["measure", "--fetch"])
        .stdout_is(predicate::str::contains("recorded in"))
        .stderr("5 values written\n")
        .run();
    assert!(
        out.stdout.contains("  preliminary = true\n"),
        "{}",
        out.stdout
    );
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text, format!("{LOFTE}{BROTT_ENTRIES}{TRYGG_ENTRIES}"));
    let asked = srv.asked();
    assert_eq!(
        asked,
        [
            "/v3/kpi/N07403",
            "/v3/data/kpi/N07403/municipality/1762,0000,0017/year/2021,2022,2023,2024",
            "/v3/data/kpi/N07403/page2",
            "/v3/kpi/U07460",
            "/v3/data/kpi/U07460/municipality/1762/year/2022,2023,2024",
        ]
    );
    // A fetched entry is undone like any other: the last one goes, byte for byte.
    pledge(&file, &srv.url)
        .args(["undo", "munkfors"])
        .stdout_is(predicate::str::contains("removed from"))
        .run();
    let trimmed = TRYGG_ENTRIES.split("\n[[measurement]]").nth(1).unwrap();
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        format!("{LOFTE}{BROTT_ENTRIES}\n[[measurement]]{trimmed}")
    );
    // Fetching again writes only the value undone; the rest is in the file already.
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "munkfors"])
        .stdout_is(predicate::str::contains("value = 64.5"))
        .stderr("1 value written; 4 already in the files\n")
        .run();
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        format!("{LOFTE}{BROTT_ENTRIES}{TRYGG_ENTRIES}")
    );
}

/// Munkfors's file with a hand-entered 2023 value of trygghet that Kolada now publishes as
/// 61, and a server answering for trygghet; the hand-entered entry.
fn with_hand_value() -> (TempDir, PathBuf, Server, &'static str) {
    let (tmp, file) = folder();
    let hand = "\n[[measurement]]\ndate = 2023-11-20\nindicator = \"trygghet\"\nvalue = 59.5\n\
                source = \"Kommunens enkät\"\n";
    fs::write(&file, format!("{LOFTE}{hand}")).unwrap();
    let srv = Server::start(|_| trygg(61.0));
    (tmp, file, srv, hand)
}

/// The correcting entry `--update` writes for 2023.
const CORRECTION: &str = "\n[[measurement]]\ndate = 2023-12-31\nindicator = \"trygghet\"\n\
                          value = 61.0\nsource = \"Kolada U07460\"\nfetched = 2025-11-01\n\
                          corrects = 59.5\nby = \"Test User\"\n";

#[test]
fn a_dry_run_shows_the_new_value_and_the_changed_one_and_writes_nothing() {
    let (_tmp, file, srv, _) = with_hand_value();
    let before = fs::read_to_string(&file).unwrap();
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "--indicator", "trygg", "--dry-run"])
        .status(1)
        .stdout(format!(
            "{}: trygghet 2023: Kolada U07460 now publishes 61.0, the file has 59.5; not \
             written (run with --update to add it as a correction)\n\n[[measurement]]\n\
             date = 2024-12-31\nindicator = \"trygghet\"\nvalue = 64.5\nsource = \"Kolada \
             U07460\"\nfetched = 2025-11-01\npreliminary = true\nby = \"Test User\"\n",
            file.display()
        ))
        .stderr(format!(
            "(dry run: nothing was written to {})\n1 value would be written; 1 changed and not \
             written (--update writes them)\n",
            file.display()
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn a_value_in_the_file_is_never_duplicated_and_a_changed_one_is_held_back() {
    let (_tmp, file, srv, _) = with_hand_value();
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "--indicator", "trygg"])
        .status(1)
        .stdout_is(predicate::str::contains("not written (run with --update"))
        .stderr("1 value written; 1 changed and not written (--update writes them)\n")
        .run();
    let once = fs::read_to_string(&file).unwrap();
    assert_eq!(once.matches("value = 64.5").count(), 1);
    assert_eq!(once.matches("value = 61.0").count(), 0);
    // Again: nothing new, the change still reported.
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "--indicator", "trygg"])
        .status(1)
        .stdout_is(predicate::str::contains("the file has 59.5"))
        .stderr("0 values written; 1 already in the files; 1 changed and not written (--update writes them)\n")
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), once);
}

#[test]
fn update_writes_a_correction_beside_the_hand_entered_value_once() {
    let (_tmp, file, srv, hand) = with_hand_value();
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "--indicator", "trygg", "--quiet"])
        .status(1)
        .stdout_is(predicate::str::contains("the file has 59.5"))
        .run();
    let once = fs::read_to_string(&file).unwrap();
    // --update: a new entry saying what it corrects; the hand-entered one stays.
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "--indicator", "trygg", "--update"])
        .stdout_is(predicate::str::contains("corrects = 59.5"))
        .stderr("1 value written; 1 already in the files\n")
        .run();
    let after = fs::read_to_string(&file).unwrap();
    assert_eq!(after, format!("{once}{CORRECTION}"));
    assert!(after.contains(hand));
    // Now all in: exit 0, nothing written.
    pledge(&file, &srv.url)
        .args(["measure", "--fetch", "--indicator", "trygg", "--update"])
        .stderr("0 values written; 2 already in the files\n")
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), after);
}

#[test]
fn the_correction_counts_and_the_corrected_value_no_more() {
    let (_tmp, file, srv, _) = with_hand_value();
    pledge(&file, &srv.url)
        .args([
            "measure",
            "--fetch",
            "--indicator",
            "trygg",
            "--update",
            "--quiet",
        ])
        .run();
    let json = pledge(&file, &srv.url)
        .args(["status", "munkfors", "--format", "json"])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ind = &v["pledges"][0]["indicators"][1];
    assert_eq!(ind["id"], "trygghet");
    let values: Vec<f64> = ind["measurements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [61.0, 64.5]);
    assert_eq!(ind["measurements"][0]["corrects"], 59.5);
    assert_eq!(ind["measurements"][1]["preliminary"], true);
    assert_eq!(ind["measurements"][1]["fetched"], "2025-11-01");
    assert_eq!(ind["series"]["kolada"], "U07460");
}

/// One failure of the service for trygghet (`routes`, beside brott's good pages): a message
/// naming the indicator, the service and `why`, exit 1, nothing written for it, and the other
/// indicator still fetched.
fn failure_is_named(routes: Vec<(String, Answer)>, why: &str) {
    let (_tmp, file) = folder();
    let srv = Server::start(|url| [brott_pages(url), routes].concat());
    let out = pledge(&file, &srv.url)
        .args(["measure", "--fetch"])
        .status(1)
        .stdout_is(predicate::str::contains("indicator = \"trygghet\"").not())
        .stderr_is(predicate::always())
        .run();
    assert_eq!(
        out.stderr,
        format!(
            "error: {}: indicator trygghet: Kolada ({}) U07460: \
             {why}; nothing written for it\n3 values written; 1 indicator could not be read\n",
            file.display(),
            srv.url
        ),
    );
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text, format!("{LOFTE}{BROTT_ENTRIES}"));
}

/// The description of trygghet's key figure, and this body as its data.
fn trygg_data(body: &str) -> Vec<(String, Answer)> {
    vec![
        ("/v3/kpi/U07460".into(), ok(KPI_TRYGG)),
        (
            "/v3/data/kpi/U07460/municipality/1762/year/2022,2023,2024".into(),
            ok(body),
        ),
    ]
}

#[test]
fn an_error_status_is_named() {
    let answer = Answer {
        status: 500,
        body: "oops".into(),
        delay: Duration::ZERO,
    };
    failure_is_named(
        vec![("/v3/kpi/U07460".into(), answer)],
        "HTTP 500 (an error in the service)",
    );
}

#[test]
fn a_slow_answer_is_named() {
    let slow = Answer {
        delay: Duration::from_millis(2500),
        ..ok(KPI_TRYGG)
    };
    failure_is_named(
        vec![("/v3/kpi/U07460".into(), slow)],
        "no answer within 1 s",
    );
}

#[test]
fn a_malformed_body_is_named() {
    failure_is_named(
        trygg_data("{\"values\": [{\"kpi\": \"U07460\""),
        "its answer has changed shape: the answer is not JSON (EOF while parsing an object at line 1 column 28)",
    );
}

#[test]
fn a_changed_shape_is_named() {
    failure_is_named(
        trygg_data("{\"data\": []}"),
        "its answer has changed shape: the answer has no `values`",
    );
}

#[test]
fn an_unknown_series_id_is_named() {
    failure_is_named(
        vec![(
            "/v3/kpi/U07460".into(),
            ok("{\"values\": [], \"count\": 0}"),
        )],
        "it has no key figure U07460; check the id on kolada.se (a capital letter and five digits)",
    );
}

#[test]
fn a_key_figure_the_address_does_not_know_is_named() {
    failure_is_named(
        vec![],
        "it answers HTTP 404 for key figure U07460: no such key figure, or PLEDGE_KOLADA_URL \
         is not the address of Kolada's API",
    );
}

#[test]
fn a_kommun_the_service_lacks_is_named() {
    failure_is_named(
        trygg_data("{\"values\": [], \"count\": 0}"),
        "it has no values of U07460 (K) for Munkfors (kommunkod 1762) in 2022–2024",
    );
}

#[test]
fn no_service_at_the_address_is_said_once_and_nothing_is_written() {
    let (_tmp, file) = folder();
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/v3");
    let out = pledge(&file, &url)
        .args(["measure", "--fetch"])
        .status(1)
        .stderr_is(predicate::always())
        .run();
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stderr);
    assert!(
        lines[0].starts_with(&format!(
            "error: {}: indicator brott: Kolada ({url}) N07403: cannot connect",
            file.display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        lines[1].contains("indicator trygghet: Kolada")
            && lines[1].contains(": not asked: cannot connect")
    );
    assert_eq!(lines[2], "0 values written; 2 indicators could not be read");
    assert_eq!(fs::read_to_string(&file).unwrap(), LOFTE);
}

#[test]
fn the_service_address_and_timeout_are_checked() {
    let (_tmp, file) = folder();
    pledge(&file, "ftp://mirror.example")
        .args(["measure", "--fetch"])
        .status(2)
        .stderr_is(predicate::str::contains(
            "PLEDGE_KOLADA_URL is \"ftp://mirror.example\"; set it to an address starting with https://",
        ))
        .run();
    pledge(&file, "http://127.0.0.1:9/v3")
        .env("PLEDGE_FETCH_TIMEOUT", "0")
        .args(["measure", "--fetch"])
        .status(2)
        .stderr_is(predicate::str::contains("PLEDGE_FETCH_TIMEOUT is \"0\""))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), LOFTE);
}

/// A Swedish export from BRÅ's statistics (BOM, `;`, CRLF, decimal commas, thousands
/// spaces, `..`, a row for the country, another kommun, a year outside the löfte).
const SWEDISH_CSV: &str = "\u{feff}Region;År;Anmälda brott per 100 000 invånare\r\n\
                           Riket;2022;13 100,5\r\nMunkfors;2021;9 100,5\r\n\
                           Munkfors;2022;8 799,5\r\nMunkfors;2023;..\r\n\
                           Hagfors;2022;7000\r\nMunkfors;2019;9500\r\n";

/// What the Swedish export appends to Munkfors's file.
const CSV_ENTRIES: &str = "
[[measurement]]
date = 2021-12-31
indicator = \"brott\"
value = 9100.5
source = \"bra-export.csv\"
fetched = 2025-11-01
by = \"Test User\"

[[measurement]]
date = 2022-12-31
indicator = \"brott\"
value = 8799.5
source = \"bra-export.csv\"
fetched = 2025-11-01
by = \"Test User\"
";

/// Munkfors's folder and a CSV file beside it with `text`; the command reading it.
fn with_csv(text: &str) -> (TempDir, PathBuf, PathBuf) {
    let (tmp, file) = folder();
    let csv = tmp.path().join("bra-export.csv");
    fs::write(&csv, text).unwrap();
    (tmp, file, csv)
}

fn from_csv(file: &Path, csv: &Path) -> Test {
    pledge(file, "http://127.0.0.1:9/v3")
        .args(["measure", "--from-csv"])
        .arg(csv)
        .args(["--indicator", "brott"])
}

#[test]
fn from_csv_reads_a_swedish_export() {
    let (_tmp, file, csv) = with_csv(SWEDISH_CSV);
    from_csv(&file, &csv)
        .stdout_is(predicate::str::contains("recorded in"))
        .stderr("(1 rows for areas that are not a kommun, such as the country or a län, were left aside)\n2 values written\n")
        .run();
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        format!("{LOFTE}{CSV_ENTRIES}")
    );
}

#[test]
fn from_csv_read_again_duplicates_nothing() {
    let (_tmp, file, csv) = with_csv(SWEDISH_CSV);
    from_csv(&file, &csv).arg("--quiet").run();
    from_csv(&file, &csv).arg("--quiet").run();
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        format!("{LOFTE}{CSV_ENTRIES}")
    );
}

#[test]
fn from_csv_names_the_line_of_a_bad_value_and_writes_nothing() {
    // A comma-separated English export.
    let (_tmp, file, csv) =
        with_csv("Municipality,Year,Value\nMunkfors,2023,8650.25\nMunkfors,2024,lots\n");
    from_csv(&file, &csv)
        .status(2)
        .stderr(format!(
            "pledge: error: {}:3: \"lots\" in column Value is not a number; write it as 12,5 or 12.5\n",
            csv.display()
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), LOFTE);
}

#[test]
fn from_csv_refuses_two_values_for_one_kommun_and_year_whole() {
    let (_tmp, file, csv) =
        with_csv("Kommun;År;Värde\nMunkfors;2022;1\nMunkfors;2023;1\nMunkfors;2023;2\n");
    from_csv(&file, &csv)
        .status(1)
        .stderr(format!(
            "pledge: error: {}:4: Munkfors 2023 has another value on line 3; nothing written \
             (keep one row per kommun and year)\n",
            csv.display()
        ))
        .run();
    assert_eq!(fs::read_to_string(&file).unwrap(), LOFTE);
}

#[test]
fn status_report_site_and_check_say_where_each_value_came_from() {
    let (tmp, file) = folder();
    fs::write(&file, format!("{LOFTE}{BROTT_ENTRIES}{TRYGG_ENTRIES}")).unwrap();
    let run = |args: &[&str]| {
        pledge(&file, "http://127.0.0.1:9/v3")
            .args(args)
            .read_stdout()
    };
    let status = run(&["status", "munkfors", "--lang", "sv"]);
    assert!(
        status.contains("    senaste värdet från Kolada U07460, hämtat 2025-11-01, preliminärt\n"),
        "{status}"
    );
    let status = run(&["status", "munkfors", "--lang", "en"]);
    assert!(
        status.contains("    latest value from Kolada N07403, fetched 2025-11-01\n"),
        "{status}"
    );
    let report = run(&["report", "munkfors", "--lang", "sv"]);
    assert!(
        report.contains(
            "  - uppmätt 2024-12-31: 64,5 (Kolada U07460, hämtat 2025-11-01, preliminärt)\n"
        ),
        "{report}"
    );
    let html = run(&["report", "munkfors", "--lang", "en", "--format", "html"]);
    assert!(
        html.contains("<br>latest value from Kolada U07460, fetched 2025-11-01, preliminary<br>"),
        "{html}"
    );
    let site = tmp.path().join("site");
    pledge(&file, "http://127.0.0.1:9/v3")
        .arg("site")
        .arg(&site)
        .stdout_is(predicate::always())
        .stderr_is(predicate::always())
        .run();
    let page = html_pages(&site)
        .into_iter()
        .find(|t| t.contains("Kolada U07460"))
        .expect("a page names the source");
    assert!(page.contains("senaste värdet från Kolada U07460, hämtat 2025-11-01, preliminärt"));
    // check: last year's value of brott (2024) is not in the file.
    let check = pledge(&file, "http://127.0.0.1:9/v3")
        .args(["check"])
        .status(1)
        .read_stdout();
    assert!(
        check.contains("munkfors-2022-2024.toml: brott: no value for 2024 in the file; Kolada N07403 may have published it (check does not ask the service): `pledge measure --fetch` reads it\n"),
        "{check}"
    );
    assert!(!check.contains("trygghet: no value"), "{check}");
}

/// The text of every HTML file under `dir`.
fn html_pages(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(html_pages(&p));
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(fs::read_to_string(&p).unwrap());
        }
    }
    out
}
