//! The scripts of examples/, run against the built binary.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::support::{ROOT, Test};

// The weekly cron script is tested in tests/cron.rs, under `env -i` with a fake sendmail.

#[test]
fn bra_report_example_writes_markdown_and_html() {
    let tmp = TempDir::new().unwrap();
    Test::program("bash")
        .arg(Path::new(ROOT).join("examples/bra-report.sh"))
        .args(["filipstad", "2016-05-01"])
        .arg(tmp.path())
        .env("PLEDGE", assert_cmd::cargo::cargo_bin("pledge"))
        .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
        .env("PLEDGE_AS_OF", "2016-10-16")
        .stdout(format!(
            "{0}/bra-filipstad-2016-10-16.md\n{0}/bra-filipstad-2016-10-16.html\n",
            tmp.path().display()
        ))
        .run();
    let md = fs::read_to_string(tmp.path().join("bra-filipstad-2016-10-16.md")).unwrap();
    assert!(md.contains("## Genomfört sedan 2016-05-01"));
    assert!(md.contains("## Det här är försenat"));
    let html = fs::read_to_string(tmp.path().join("bra-filipstad-2016-10-16.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Polisen lovar"));
}
