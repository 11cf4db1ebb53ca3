//! `site` and `calendar`: the static site's pages (snapshots), its determinism, the folder
//! rules (marker, --force, stale pages), and the calendar feed read by an independent parser.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use icalendar::{Calendar, CalendarComponent, Component};
use tempfile::TempDir;

use crate::support::{ROOT, Test, copy_pledges, snapshot};

/// `pledge site OUT` on `dir` as of `as_of`, in Swedish; its stdout.
fn build(dir: &Path, out: &Path, as_of: &str, extra: &[&str]) -> String {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["--lang", "sv", "site"])
        .arg(out)
        .args(["--as-of", as_of])
        .args(extra)
        .read_stdout()
}

/// Every file of a folder (the marker too): path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).unwrap()
}

#[test]
fn site_of_the_bundled_pledges_snapshot() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("site");
    let said = build(&Path::new(ROOT).join("pledges"), &out, "2017-06-30", &[]);
    assert!(said.starts_with("skrev 5 löften till "), "{said}");
    let all = files(&out);
    let names: Vec<&str> = all.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            ".pledge-site",
            "alvesta-2017-2018/index.html",
            "calendar.ics",
            "datapackage.json",
            "dcat.rdf",
            "filipstad-2016/index.html",
            "index.html",
            "karlstad-2016-2017/index.html",
            "kristinehamn-2016-2017/index.html",
            "munkfors-2017-2018/index.html",
            "pledges.csv",
            "pledges.json",
        ]
    );
    snapshot("site-pledges-index.html", &read(&out, "index.html"));
    snapshot(
        "site-pledges-alvesta-2017-2018.html",
        &read(&out, "alvesta-2017-2018/index.html"),
    );
    // The data beside the pages are the status documents, not depending on where the site
    // was built from.
    let json: serde_json::Value = serde_json::from_str(&read(&out, "pledges.json")).unwrap();
    assert_eq!(json["as_of"], "2017-06-30");
    assert_eq!(json["pledges"][0]["file"], "alvesta-2017-2018.toml");
    let csv = read(&out, "pledges.csv");
    assert!(csv.starts_with("file,kommuner,kommunkod,"), "{csv}");
    let package: serde_json::Value = serde_json::from_str(&read(&out, "datapackage.json")).unwrap();
    let fields: Vec<&str> = package["resources"][0]["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(fields.join(","), csv.lines().next().unwrap());
    for r in package["resources"].as_array().unwrap() {
        assert!(all.contains_key(r["path"].as_str().unwrap()), "{r}");
    }
    let cal: Calendar = read(&out, "calendar.ics").parse().unwrap();
    assert!(!cal.components.is_empty());
    // Nothing reaches outside the site: no scripts, no external addresses in the pages.
    for (name, bytes) in &all {
        if name.ends_with(".html") {
            let page = String::from_utf8(bytes.clone()).unwrap();
            for bad in ["<script", "http://", "https://", "<link", "src=", "@import"] {
                assert!(!page.contains(bad), "{bad} in {name}");
            }
            assert!(
                page.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">\n"),
                "{name}"
            );
        }
    }
}

#[test]
fn site_of_an_example_folder_snapshot() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("site");
    build(
        &Path::new(ROOT).join("examples/site/pledges"),
        &out,
        "2018-06-30",
        &[],
    );
    snapshot("site-example-index.html", &read(&out, "index.html"));
    snapshot(
        "site-example-kiruna-2018-2019.html",
        &read(&out, "kiruna-2018-2019/index.html"),
    );
}

#[test]
fn the_same_files_and_date_give_the_same_bytes() {
    let (_tmp, dir) = copy_pledges();
    let tmp = TempDir::new().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&dir, &a, "2017-06-30", &[]);
    // Built from another working folder, through a relative path.
    Test::new()
        .current_dir(tmp.path())
        .env("PLEDGE_DIR", &dir)
        .args(["--lang", "sv", "site", "b", "--as-of", "2017-06-30"])
        .read_stdout();
    assert_eq!(files(&a), files(&b));
    // Swedish whatever the locale, unless --lang says otherwise.
    let c = tmp.path().join("c");
    Test::new()
        .env("PLEDGE_DIR", &dir)
        .env("LANG", "en_GB.UTF-8")
        .args(["site"])
        .arg(&c)
        .args(["--as-of", "2017-06-30"])
        .read_stdout();
    assert_eq!(files(&a), files(&c));
    // A rebuild changes nothing.
    let said = build(&dir, &a, "2017-06-30", &[]);
    assert!(said.ends_with("(11 filer, 0 ändrade)\n"), "{said}");
    assert_eq!(files(&a), files(&b));
}

/// `site`'s reply is in the user's language, like every other reply (a trial found it English
/// under LANG=sv_SE.UTF-8); English stays as it was.
#[test]
fn the_reply_is_in_the_users_language() {
    let (_t, dir) = copy_pledges();
    let tmp = TempDir::new().unwrap();
    let said = |lang: &str, out: &str| {
        Test::new()
            .env("PLEDGE_DIR", &dir)
            .env("LANG", lang)
            .args(["site"])
            .arg(tmp.path().join(out))
            .args(["--as-of", "2016-10-16"])
            .read_stdout()
    };
    let sv = said("sv_SE.UTF-8", "sv");
    assert!(sv.starts_with("skrev 5 löften till "), "{sv}");
    assert!(sv.ends_with("(11 filer, 11 ändrade)\n"), "{sv}");
    let en = said("C", "en");
    assert!(en.starts_with("wrote 5 löften to "), "{en}");
    assert!(en.ends_with("(11 files, 11 changed)\n"), "{en}");
}

/// A rebuild that leaves löften out says how many old pages it removed, apart from the files
/// it changed (a trial found removed pages counted as changed files).
#[test]
fn the_reply_says_removed_pages_apart_from_changed_files() {
    let (_t, dir) = copy_pledges();
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("site");
    build(&dir, &out, "2016-10-16", &[]);
    let said = build(&dir, &out, "2016-10-16", &["filipstad"]);
    // The index and four data files change (not datapackage.json, nor the marker, which is
    // not counted); four pages go.
    assert!(
        said.ends_with("(7 filer, 5 ändrade; tog bort 4 gamla filer)\n"),
        "{said}"
    );
    assert!(!out.join("alvesta-2017-2018").exists());
    let again = build(&dir, &out, "2016-10-16", &["filipstad"]);
    assert!(again.ends_with("(7 filer, 0 ändrade)\n"), "{again}");
}

#[test]
fn a_folder_not_made_by_pledge_is_refused_unless_forced() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("www");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("start.html"), "the kommun's own page").unwrap();
    let pledges = Path::new(ROOT).join("pledges");
    Test::new()
        .env("PLEDGE_DIR", &pledges)
        .args(["site"])
        .arg(&out)
        .args(["--as-of", "2017-06-30"])
        .status(1)
        .stderr_is(
            predicates::str::contains("pledge did not write")
                .and(predicates::str::contains("--force")),
        )
        .run();
    assert_eq!(files(&out).len(), 1, "nothing written");
    build(&pledges, &out, "2017-06-30", &["--force"]);
    assert_eq!(read(&out, "start.html"), "the kommun's own page");
    assert!(out.join("index.html").is_file());
    // Now it is ours: no --force needed, and a löfte gone from the build loses its page
    // (the kommun's own file stays).
    let said = build(&pledges, &out, "2017-06-30", &["filipstad"]);
    assert!(said.starts_with("skrev 1 löfte till "), "{said}");
    assert!(!out.join("alvesta-2017-2018").exists());
    assert!(out.join("filipstad-2016/index.html").is_file());
    assert_eq!(read(&out, "start.html"), "the kommun's own page");
    // A file is not a folder.
    Test::new()
        .env("PLEDGE_DIR", &pledges)
        .args(["site"])
        .arg(out.join("start.html"))
        .status(1)
        .stderr_is(predicates::str::contains("is not a folder"))
        .run();
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn calendar_command_feeds_one_kommun() {
    let text = Test::new()
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .args([
            "--lang",
            "sv",
            "calendar",
            "filipstad",
            "--as-of",
            "2016-10-16",
        ])
        .read_stdout();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    let cal: Calendar = text.parse().expect("the icalendar crate reads the feed");
    assert_eq!(cal.get_name(), Some("Medborgarlöften – Filipstad"));
    let uids: Vec<&str> = cal
        .components
        .iter()
        .map(|c| match c {
            CalendarComponent::Event(e) => e.get_uid().unwrap(),
            other => panic!("only events: {other:?}"),
        })
        .collect();
    assert!(
        uids.iter().all(|u| u.starts_with("1782/filipstad-2016/")),
        "{uids:?}"
    );
    assert!(
        uids.contains(&"1782/filipstad-2016/followup@pledge"),
        "{uids:?}"
    );
    // Every löfte without a kommun named, the same bytes twice.
    let all = || {
        Test::new()
            .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
            .args(["calendar", "--as-of", "2016-10-16", "--lang", "en"])
            .read_stdout()
    };
    let (a, b) = (all(), all());
    assert_eq!(a, b);
    assert!(a.contains("UID:0764/alvesta-2017-2018/"), "{a}");
    // An unknown kommun is a usage error naming the closest.
    Test::new()
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .args(["calendar", "filipstd"])
        .status(2)
        .stderr_is(predicates::str::contains("did you mean `Filipstad`"))
        .run();
}
