//! Issue 25: cost follows the input. A kommun's views read that kommun's files (and find every
//! one of them, however the file names the kommun); absurd work is refused with a limit; copies
//! are one warning. These assert behaviour and bounds, never wall time (see
//! examples/bench-adversarial.rs for the timings).

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test};

/// A small valid löfte for `kommun_line` (the line naming its kommun or kommuner).
fn lofte(kommun_line: &str, extra: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join("tests/bad/count-zero.toml"))
        .unwrap()
        .replace("count = 0", "count = 2")
        .replace("kommun = \"Filipstad\"", &format!("{kommun_line}\n{extra}"))
}

fn files_shown(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut files: Vec<String> = v["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let f = p["file"].as_str().unwrap();
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_kommuns_views_find_every_file_naming_it_however_it_is_written() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let put = |name: &str, text: &str| fs::write(dir.join(name), text).unwrap();
    put("ale-2016.toml", &lofte("kommun = \"Ale\"", ""));
    put(
        "zz-another-name.toml",
        &lofte("kommun = \"  ALES KOMMUN \"", "area = \"Nödinge\""),
    );
    put(
        "escaped.toml",
        &lofte("kommun = \"\\u0041le\"", "area = \"Surte\""),
    );
    put(
        "decomposed.toml",
        &lofte("kommun = '''\nAle'''", "area = \"Älvängen\""),
    );
    put(
        "kungalv-ale.toml",
        &lofte("kommuner = [\"Kungälv\", # ' a comment\n  \"1440\"]", ""),
    );
    // Another kommun's löfte that talks about Ale: not Ale's.
    put(
        "kil-2016.toml",
        &lofte("kommun = \"Kil\"", "promise = \"Som i Ale kommun\""),
    );
    // Files that cannot be read are named; a broken file naming Ale is named.
    put("latin1.toml", "title = \"T\u{e4}st\"\n");
    fs::write(dir.join("latin1.toml"), b"title = \"T\xe4st\"\n").unwrap();
    put("broken-ale.toml", "kommun = \"Ale\"\ntitle = \n");
    let want = [
        "ale-2016.toml",
        "decomposed.toml",
        "escaped.toml",
        "kungalv-ale.toml",
        "zz-another-name.toml",
    ];
    for kommun in ["ale", "ALE", "1440", "Ale kommun"] {
        let out = Test::new()
            .env("PLEDGE_DIR", dir)
            .args([
                "status",
                kommun,
                "--format",
                "json",
                "--as-of",
                "2016-06-01",
            ])
            .status(1)
            .stderr_is(
                predicate::str::contains("latin1.toml")
                    .and(predicate::str::contains("broken-ale.toml")),
            )
            .read_stdout();
        assert_eq!(files_shown(&out), want, "{kommun}");
    }
    // The same löften in the other views of one kommun.
    let log = Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["list", "--kommun", "ale", "--format", "csv"])
        .status(1)
        .stderr_is(predicate::str::contains("latin1.toml"))
        .read_stdout();
    for f in want {
        assert!(log.contains(f), "{f}: {log}");
    }
    assert!(!log.contains("kil-2016"), "{log}");
    // Kil's view reads Kil's löfte and the files that cannot be read, not Ale's broken one.
    let out = Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["status", "kil", "--format", "json", "--as-of", "2016-06-01"])
        .status(1)
        .stderr_is(
            predicate::str::contains("latin1.toml")
                .and(predicate::str::contains("broken-ale.toml").not()),
        )
        .read_stdout();
    assert_eq!(files_shown(&out), ["kil-2016.toml"]);
}

/// A units list of 100,000 (a generated file) is refused by validate with the limit, the
/// file and line of the first unit past it, and a hint, as one error (no unit is read past
/// the limit: see `units_past_the_limit_are_refused_unread` in src/load); every command leaves
/// the file out rather than judging it; 5,000 units with an entry each load (the check of
/// each entry's unit is linear).
#[test]
fn a_huge_units_list_is_refused_with_a_limit_and_a_long_one_loads() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let units = |n: usize| {
        (0..n)
            .map(|i| format!("\"skola {i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let huge = lofte("kommun = \"Ale\"", "").replace(
        "target = { count = 2, per = \"year\" }",
        &format!(
            "target = {{ count = 2, per = \"year\" }}\nunits = [{}]",
            units(100_000)
        ),
    );
    fs::write(dir.join("huge.toml"), &huge).unwrap();
    Test::new()
        .args(["validate", dir.join("huge.toml").to_str().unwrap()])
        .status(1)
        .stdout_is(
            predicate::str::contains("huge.toml:")
                .and(predicate::str::contains("lists 100000 units"))
                .and(predicate::str::contains("at most 20000"))
                .and(predicate::str::contains("hint: split the units"))
                .and(predicate::str::contains("1 error,")),
        )
        .run();
    // The line and column are those of the first unit past the limit.
    let at = huge.find("\"skola 20000\"").unwrap();
    let line = huge[..at].lines().count();
    let col = at - huge[..at].rfind('\n').unwrap();
    Test::new()
        .args(["validate", dir.join("huge.toml").to_str().unwrap()])
        .status(1)
        .stdout_is(predicate::str::contains(format!(
            "huge.toml:{line}:{col}: error"
        )))
        .run();
    let out = Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["status", "ale", "--format", "json", "--as-of", "2016-06-01"])
        .status(1)
        .stderr_is(
            predicate::str::contains("no löfte for Ale")
                .and(predicate::str::contains("lists 100000 units")),
        )
        .run();
    assert!(out.stdout.len() + out.stderr.len() < 2000, "{}", out.stderr);
    // 5,000 units, a log entry for each: valid, judged unit by unit.
    let mut long = lofte("kommun = \"Ale\"", "").replace(
        "target = { count = 2, per = \"year\" }",
        &format!(
            "target = {{ count = 1, per = \"period\" }}\nunits = [{}]",
            units(5_000)
        ),
    );
    for i in 0..5_000 {
        long.push_str(&format!(
            "\n[[log]]\ndate = 2016-03-01\nactivity = \"walk\"\nunit = \"skola {i}\"\n"
        ));
    }
    fs::remove_file(dir.join("huge.toml")).unwrap();
    fs::write(dir.join("long.toml"), &long).unwrap();
    Test::new()
        .args(["validate", dir.join("long.toml").to_str().unwrap()])
        .stdout_is(predicate::str::contains("0 errors"))
        .run();
    let out = Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["status", "ale", "--format", "json", "--as-of", "2016-12-31"])
        .read_stdout();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let act = &v["pledges"][0]["activities"][0];
    assert_eq!(act["units"].as_array().unwrap().len(), 5_000);
    assert_eq!(act["done"], 5_000);
}

/// A weekly slot on 10,000 parts (a valid-looking 770 KB file) is refused: calendar, status
/// and JSON print a refusal, not gigabytes.
#[test]
fn a_weekly_slot_on_ten_thousand_parts_gives_bounded_output() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let mut text =
        lofte("kommun = \"Ale\"", "").replace("target = { count = 2, per = \"year\" }\n", "");
    for i in 0..10_000 {
        text.push_str(&format!(
            "\n[[activity.part]]\nid = \"p{i}\"\ntext = \"Del {i}\"\ntarget = {{ weekday = \"tisdag\" }}\n"
        ));
    }
    // The parts belong to the activity: move the follow-up before them.
    let followup = "\n[followup]\nwhen = \"2017-Q1\"\n";
    let text = text.replacen(followup, "\n", 1);
    let text = text.replacen("[[activity]]", &format!("{followup}\n[[activity]]"), 1);
    assert!(text.len() > 500_000, "{}", text.len());
    fs::write(dir.join("parts.toml"), &text).unwrap();
    let out = Test::new()
        .args(["validate", dir.join("parts.toml").to_str().unwrap()])
        .status(1)
        .read_stdout();
    // At the activity whose parts pass the limit.
    let line = text[..text.find("[[activity]]").unwrap()].lines().count() + 1;
    assert!(
        out.contains(&format!(
            "parts.toml:{line}:1: error: this löfte asks for about"
        )),
        "{out}"
    );
    assert!(out.len() < 5_000, "{} bytes", out.len());
    for args in [
        &["calendar", "--as-of", "2016-01-01"][..],
        &["status", "--format", "json", "--as-of", "2016-06-01"],
        &["status", "ale", "--as-of", "2016-06-01"],
    ] {
        let out = Test::new()
            .env("PLEDGE_DIR", dir)
            .args(args)
            .status_one_of(&[1, 2])
            .stderr_is(predicate::always())
            .run();
        assert!(
            out.stdout.len() + out.stderr.len() < 5_000,
            "{args:?}: {} bytes",
            out.stdout.len()
        );
    }
}

/// `done --as-of D` on a file holding an entry after D: the file is read as `validate --as-of
/// D` reads it (no error), so the work is recorded, not refused as "no löfte".
#[test]
fn done_as_of_a_day_before_a_files_last_entry_agrees_with_validate() {
    let (_tmp, dir) = crate::support::copy_pledges();
    let done = |extra: &[&str]| {
        let mut args = vec!["done", "alvesta", "samverkansmoten", "--by", "A"];
        args.extend_from_slice(extra);
        crate::support::pledge_in(&dir).args(args)
    };
    done(&["--date", "2017-06-01"])
        .stdout_is(crate::support::recorded())
        .run();
    crate::support::pledge_in(&dir)
        .args(["validate", "--as-of", "2017-03-01"])
        .stdout_is(predicate::str::contains(" 0 errors"))
        .run();
    done(&["--as-of", "2017-03-01", "--date", "2017-03-01"])
        .stdout_is(crate::support::recorded())
        .run();
    let text = fs::read_to_string(dir.join("alvesta-2017-2018.toml")).unwrap();
    assert!(text.contains("date = 2017-03-01"), "{text}");
}

/// The löften `status KOMMUN` shows in `dir` (file names, sorted), and its exit code.
fn view_of(dir: &Path, kommun: &str) -> Vec<String> {
    let out = Test::new()
        .env("PLEDGE_DIR", dir)
        .args([
            "status",
            kommun,
            "--format",
            "json",
            "--as-of",
            "2016-06-01",
        ])
        .status_one_of(&[0, 2])
        .read_stdout();
    if out.is_empty() {
        return Vec::new();
    }
    files_shown(&out)
}

fn modified(path: &Path) -> std::time::SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

/// Issue 25: the index of which kommuner each file names is only a shortcut. Whatever
/// happened to the files since it was written (edited, edited to the same size with its time
/// set back, renamed, renamed over another, added, removed) and whatever happened to the index
/// (cut short, replaced by garbage, made unwritable), a kommun's view answers as a folder
/// without an index does.
#[test]
fn a_stale_index_never_changes_an_answer() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let index = dir.join(".pledge-index");
    let put = |name: &str, text: &str| fs::write(dir.join(name), text).unwrap();
    put("ale-2016.toml", &lofte("kommun = \"Ale\"", ""));
    put("kil-2016.toml", &lofte("kommun = \"Kil\"", ""));
    put(
        "edited.toml",
        &lofte("kommun = \"Kil\"", "area = \"Edited\""),
    );
    put("gone.toml", &lofte("kommun = \"Ale\"", "area = \"Gone\""));
    put("moved.toml", &lofte("kommun = \"Ale\"", "area = \"Moved\""));
    put("swap.toml", &lofte("kommun = \"Ale\"", "area = \"Swap\""));
    put(
        "swap-kil.toml",
        &lofte("kommun = \"Kil\"", "area = \"Swap\""),
    );
    // A folder of fewer than 100 files has no index: another kommun's löften fill it.
    for i in 0..100 {
        put(
            &format!("grums-{i:03}.toml"),
            &lofte("kommun = \"Grums\"", &format!("area = \"Del {i}\"")),
        );
    }
    // Files younger than the index's margin are never trusted: let them age.
    std::thread::sleep(std::time::Duration::from_millis(3500));
    let ale = ["ale-2016.toml", "gone.toml", "moved.toml", "swap.toml"];
    assert_eq!(view_of(dir, "ale"), ale);
    assert!(index.is_file(), "the first view writes the index");
    let written = modified(&index);
    // Nothing changed: the index is used as it is, not written again.
    assert_eq!(view_of(dir, "ale"), ale);
    assert_eq!(
        view_of(dir, "kil"),
        ["edited.toml", "kil-2016.toml", "swap-kil.toml"]
    );
    assert_eq!(modified(&index), written);

    // Edited to another kommun, the same size, its modification time set back.
    let edited = dir.join("edited.toml");
    let before = (fs::metadata(&edited).unwrap().len(), modified(&edited));
    let text = fs::read_to_string(&edited)
        .unwrap()
        .replace("\"Kil\"", "\"Ale\"");
    fs::write(&edited, text).unwrap();
    fs::File::options()
        .write(true)
        .open(&edited)
        .unwrap()
        .set_modified(before.1)
        .unwrap();
    assert_eq!(
        (fs::metadata(&edited).unwrap().len(), modified(&edited)),
        before
    );
    fs::remove_file(dir.join("gone.toml")).unwrap();
    put("added.toml", &lofte("kommun = \"Ale\"", "area = \"Added\""));
    fs::rename(dir.join("moved.toml"), dir.join("moved-2.toml")).unwrap();
    fs::rename(dir.join("swap-kil.toml"), dir.join("swap.toml")).unwrap();
    let ale = ["added.toml", "ale-2016.toml", "edited.toml", "moved-2.toml"];
    let kil = ["kil-2016.toml", "swap.toml"];
    assert_eq!(view_of(dir, "ale"), ale);
    assert_eq!(view_of(dir, "kil"), kil);

    // The same once the changed files are old enough to be trusted.
    std::thread::sleep(std::time::Duration::from_millis(3500));
    assert_eq!(view_of(dir, "ale"), ale);
    let written = modified(&index);
    assert_eq!(view_of(dir, "kil"), kil);
    assert_eq!(modified(&index), written);

    // An index cut short, or not an index at all, is not read; one that cannot be written
    // (here a folder in its place) does not fail the view.
    let whole = fs::read_to_string(&index).unwrap();
    fs::write(&index, &whole[..whole.len() - 8]).unwrap();
    assert_eq!(view_of(dir, "ale"), ale);
    assert_eq!(
        fs::read_to_string(&index).unwrap().lines().last(),
        whole.lines().last()
    );
    fs::write(
        &index,
        "pledge-index 1\nstarted x\n0 0 0 0 0 1440 edited.toml\n",
    )
    .unwrap();
    assert_eq!(view_of(dir, "kil"), kil);
    fs::remove_file(&index).unwrap();
    fs::create_dir(&index).unwrap();
    assert_eq!(view_of(dir, "ale"), ale);
    assert_eq!(view_of(dir, "kil"), kil);
    Test::new()
        .env("PLEDGE_DIR", dir)
        .args(["validate"])
        .status(0)
        .stdout("106 files checked: 0 errors, 0 warnings\n")
        .run();
}

/// The windows limit names the activity at which the file passes it: the first activity asks
/// for 53 weeks, the second for 53 weeks in each of 400 schools.
#[test]
fn the_windows_limit_names_the_activity_that_passes_it() {
    let tmp = TempDir::new().unwrap();
    let schools: Vec<String> = (0..400).map(|i| format!("\"Skola {i}\"")).collect();
    let text = lofte("kommun = \"Ale\"", "")
        .replace("count = 2, per = \"year\"", "count = 1, per = \"week\"")
        + &format!(
            "\n[[activity]]\nid = \"skolor\"\ntext = \"Besök\"\nowners = [\"polisen\"]\n\
             target = {{ count = 1, per = \"week\" }}\nunits = [{}]\n",
            schools.join(", ")
        );
    let file = tmp.path().join("ale.toml");
    fs::write(&file, &text).unwrap();
    let out = Test::new()
        .args(["validate", file.to_str().unwrap()])
        .status(1)
        .read_stdout();
    let line = text[..text.find("id = \"skolor\"").unwrap()]
        .lines()
        .count();
    assert!(
        out.contains(&format!(
            "ale.toml:{line}:1: error: this löfte asks for about"
        )),
        "{out}"
    );
}
