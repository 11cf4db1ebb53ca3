//! The scripts of examples/, run against the built binary.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::support::{ROOT, Test};

#[cfg(unix)]
#[test]
fn weekly_check_example_mails_only_when_needed() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let sent = tmp.path().join("sent.txt");
    let fake_mail = tmp.path().join("fake-mail");
    fs::write(
        &fake_mail,
        format!("#!/bin/sh\necho \"$@\" > {0}\ncat >> {0}\n", sent.display()),
    )
    .unwrap();
    fs::set_permissions(&fake_mail, fs::Permissions::from_mode(0o755)).unwrap();
    let run = |as_of: &str| {
        Test::program("bash")
            .arg(Path::new(ROOT).join("examples/weekly-check.sh"))
            .arg("bra@example.org")
            .env("PLEDGE", assert_cmd::cargo::cargo_bin("pledge"))
            .env("PLEDGE_DIR", Path::new(ROOT).join("pledges"))
            .env("PLEDGE_AS_OF", as_of)
            .env("MAIL_COMMAND", &fake_mail)
            .run()
    };
    run("2030-01-01");
    assert!(!sent.exists(), "no mail when all is well");
    run("2016-10-16");
    let mail = fs::read_to_string(&sent).unwrap();
    assert!(
        mail.starts_with("-s Medborgarlöften: 4 saker att följa upp bra@example.org\n"),
        "{mail}"
    );
    assert!(
        mail.contains(
            "filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016, 77 days left"
        )
    );
}

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
    assert!(md.contains("## Det här ligger efter"));
    let html = fs::read_to_string(tmp.path().join("bra-filipstad-2016-10-16.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Polisen lovar"));
}
