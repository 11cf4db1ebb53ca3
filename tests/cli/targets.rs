//! Issue 11: the example löften of examples/targets/ (every new target kind), their status and
//! report pinned at a fixed date; `log` of one kommun of a shared löfte; `done` with `--unit`,
//! `--part`, `--request` and on a shared löfte; an early follow-up refused.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{ROOT, Test, snapshot};

const AS_OF: &str = "2017-10-15";

fn in_examples() -> Test {
    Test::new()
        .env("PLEDGE_DIR", Path::new(ROOT).join("examples/targets"))
        .env("PLEDGE_AS_OF", AS_OF)
}

/// A copy of examples/targets in a temporary folder, for commands that write.
fn copy_examples() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    for e in fs::read_dir(Path::new(ROOT).join("examples/targets")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    (tmp, dir)
}

fn in_copy(dir: &Path) -> Test {
    Test::new()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", AS_OF)
        .env("PLEDGE_USER", "Test")
}

#[test]
fn the_examples_validate_without_warnings() {
    in_examples()
        .arg("validate")
        .stdout("3 files checked: 0 errors, 0 warnings\n")
        .run();
}

#[test]
fn status_of_the_examples_in_both_languages() {
    for (lang, name) in [
        ("sv", "targets-status-2017-10-15-sv.txt"),
        ("en", "targets-status-2017-10-15-en.txt"),
    ] {
        let out = in_examples()
            .args(["status", "--all", "--lang", lang, "--color", "never"])
            .read_stdout();
        snapshot(name, &out);
    }
}

#[test]
fn reports_of_the_examples() {
    for (kommun, name) in [
        ("sunne", "targets-report-sunne-2017-10-15-sv.md"),
        ("forshaga", "targets-report-forshaga-2017-10-15-sv.md"),
        ("munkfors", "targets-report-munkfors-2017-10-15-sv.md"),
    ] {
        let out = in_examples()
            .args(["report", kommun, "--lang", "sv"])
            .read_stdout();
        snapshot(name, &out);
    }
}

#[test]
fn log_of_one_kommun_of_a_shared_lofte_shows_its_own_and_the_shared_work() {
    let out = in_examples()
        .args(["log", "forshaga", "--lang", "sv", "--color", "never"])
        .read_stdout();
    assert!(out.contains("┆ Forshaga  ┆ trygghetsvandring"), "{out}");
    assert!(out.contains("┆ gemensamt ┆ trygghetsvandring"), "{out}");
    assert!(out.contains("skolbesok · förfrågan"), "{out}");
    // Grums's and Kil's own work is theirs, not Forshaga's.
    assert!(!out.contains("Grums ┆"), "{out}");
    assert!(!out.contains("Buskar nedklippta"), "{out}");
    assert!(!out.contains("Besök i årskurs 8 på Frykstaskolan"), "{out}");
    let out = in_examples()
        .args(["log", "grums", "--format", "json"])
        .read_stdout();
    assert!(out.contains("\"kommun\": \"Grums\""), "{out}");
    assert!(!out.contains("\"kommun\": \"Forshaga\""), "{out}");
}

fn last_entry(dir: &Path, file: &str) -> String {
    let text = fs::read_to_string(dir.join(file)).unwrap();
    text[text.rfind("[[log]]").unwrap()..].to_string()
}

#[test]
fn done_names_the_unit_and_part_forgivingly() {
    let (_tmp, dir) = copy_examples();
    in_copy(&dir)
        .args(["done", "sunne", "foraldramoten", "--unit", "vastra"])
        .stdout_is(predicate::str::ends_with(
            "2 of 2 in 2017-07-01 – 2017-12-31 · 4 of 4 met (half-years × 2 units): met\n",
        ))
        .run();
    assert_eq!(
        last_entry(&dir, "sunne-2017.toml"),
        "[[log]]\ndate = 2017-10-15\nactivity = \"foraldramoten\"\nunit = \"Västra skolan\"\nby = \"Test\"\n"
    );
    in_copy(&dir)
        .args(["done", "sunne", "insatser", "--part", "DIAL"])
        .stdout_is(predicate::str::contains("part = \"dialog\""))
        .run();
    assert_eq!(
        last_entry(&dir, "sunne-2017.toml"),
        "[[log]]\ndate = 2017-10-15\nactivity = \"insatser\"\npart = \"dialog\"\nby = \"Test\"\n"
    );
    let before = fs::read_to_string(dir.join("sunne-2017.toml")).unwrap();
    for (args, says) in [
        (
            &["done", "sunne", "foraldramoten"][..],
            "\"foraldramoten\" is judged per unit: say which with --unit; its units:\n  Södra skolan\n  Västra skolan",
        ),
        (
            &["done", "sunne", "foraldramoten", "--unit", "Norra skolan"][..],
            "no unit \"Norra skolan\" in \"foraldramoten\"",
        ),
        (
            &["done", "sunne", "insatser"][..],
            "\"insatser\" is judged per part: say which with --part",
        ),
        (
            &["done", "sunne", "langning", "--unit", "x"][..],
            "\"langning\" has no units; leave out --unit",
        ),
        (
            &["done", "sunne", "langning", "--request"][..],
            "--request is for on-request activities",
        ),
    ] {
        // Mistyped or missing names and flags that do not fit are usage errors (exit 2), as
        // an unknown activity is.
        in_copy(&dir)
            .args(args)
            .status(2)
            .stderr_is(predicate::str::contains(says))
            .run();
    }
    assert_eq!(
        fs::read_to_string(dir.join("sunne-2017.toml")).unwrap(),
        before
    );
}

#[test]
fn done_on_a_shared_lofte_records_the_kommun_and_requests() {
    let (_tmp, dir) = copy_examples();
    let file = "kil-forshaga-grums-2017-2018.toml";
    in_copy(&dir)
        .args(["done", "Forshaga kommun", "trygghetsvandring"])
        .stdout_is(predicate::str::contains("kommun = \"Forshaga\""))
        .run();
    assert_eq!(
        last_entry(&dir, file),
        "[[log]]\ndate = 2017-10-15\nactivity = \"trygghetsvandring\"\nkommun = \"Forshaga\"\nby = \"Test\"\n"
    );
    in_copy(&dir)
        .args(["done", "kil", "skolbesok", "--request"])
        .stdout_is(predicate::str::contains("request = true"))
        .run();
    assert_eq!(
        last_entry(&dir, file),
        "[[log]]\ndate = 2017-10-15\nactivity = \"skolbesok\"\nkommun = \"Kil\"\nrequest = true\nby = \"Test\"\n"
    );
    for kommun in ["kil", "forshaga"] {
        in_copy(&dir)
            .args(["undo", kommun])
            .stdout_is(predicate::str::starts_with("removed from"))
            .stderr_is(predicate::str::starts_with(
                "removing Test's entry of 2017-10-15",
            ))
            .run();
    }
    assert_eq!(
        fs::read(dir.join(file)).unwrap(),
        fs::read(Path::new(ROOT).join("examples/targets").join(file)).unwrap()
    );
}

#[test]
fn done_refuses_a_follow_up_before_it_is_due() {
    let (_tmp, dir) = copy_examples();
    in_copy(&dir)
        .args(["done", "munkfors", "uppföljning"])
        .status(1)
        .stderr_is(predicate::str::contains(
            "munkfors-2017-2018.toml is due from 2018-12-01; recorded on 2017-10-15 it would not count",
        ))
        .run();
}

#[test]
fn done_dates_work_before_an_unstated_start() {
    let (_tmp, dir) = copy_examples();
    let text = "title = \"Hagfors\"\nkommun = \"Hagfors\"\n\n[period]\nend = 2018-06-30\n\n\
        [[activity]]\nid = \"vandring\"\ntext = \"Trygghetsvandringar.\"\nowners = [\"kommunen\"]\n\
        target = { count = 2, per = \"year\" }\n\n[followup]\nwhen = 2018-06-30\n";
    fs::write(dir.join("hagfors.toml"), text).unwrap();
    // Nothing recorded: judged from today (2017-10-15); work done before that is accepted,
    // and becomes the day it is judged from.
    in_copy(&dir)
        .args(["done", "hagfors", "vandring", "--date", "2017-09-01"])
        .stdout_is(predicate::str::contains("date = 2017-09-01"))
        .run();
    let out = in_copy(&dir)
        .args(["status", "hagfors", "--lang", "en"])
        .read_stdout();
    assert!(
        out.contains(
            "Period start not stated – 2018-06-30 (judged from the first recorded work, 2017-09-01)"
        ),
        "{out}"
    );
}
