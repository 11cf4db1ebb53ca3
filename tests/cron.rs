//! examples/weekly-check.sh run as cron runs it: `env -i` (no LANG, no HOME, no PLEDGE_*
//! settings but those of the crontab line) and a minimal PATH, with a fake sendmail that
//! records the message it is given.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BARE_PATH: &str = "/usr/bin:/bin";

struct Cron {
    tmp: TempDir,
}

impl Cron {
    fn new() -> Cron {
        let tmp = TempDir::new().unwrap();
        let fake = tmp.path().join("sendmail");
        let script = format!(
            "#!/bin/sh\nprintf '%s\\n' \"$*\" > '{0}/args'\ncat > '{0}/mail'\n",
            tmp.path().display()
        );
        fs::write(&fake, script).unwrap();
        fs::set_permissions(&fake, fs::Permissions::from_mode(0o755)).unwrap();
        Cron { tmp }
    }

    /// Runs the script with only the variables a crontab line sets.
    fn run(&self, path: &str, dir: &Path, as_of: &str) -> Output {
        Command::new("env")
            .arg("-i")
            .arg(format!("PATH={path}"))
            .arg(format!("PLEDGE_DIR={}", dir.display()))
            .arg(format!("PLEDGE_AS_OF={as_of}"))
            .arg(format!(
                "SENDMAIL={}",
                self.tmp.path().join("sendmail").display()
            ))
            .arg(Path::new(ROOT).join("examples/weekly-check.sh"))
            .arg("bra@example.org")
            .output()
            .unwrap()
    }

    fn mail(&self) -> Option<String> {
        let m = fs::read(self.tmp.path().join("mail")).ok()?;
        Some(String::from_utf8(m).expect("the mail is UTF-8"))
    }

    fn args(&self) -> String {
        fs::read_to_string(self.tmp.path().join("args")).unwrap()
    }
}

/// PATH as the crontab line sets it: the folder of the built binary, then the bare PATH.
fn path_with_pledge() -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_pledge"));
    format!("{}:{BARE_PATH}", bin.parent().unwrap().display())
}

fn pledges() -> PathBuf {
    Path::new(ROOT).join("pledges")
}

/// The headers, unfolded, and the body.
fn split(mail: &str) -> (Vec<String>, &str) {
    let (head, body) = mail
        .split_once("\n\n")
        .expect("headers, a blank line, the body");
    for l in head.lines() {
        assert!(l.len() <= 76, "header line of {} characters: {l}", l.len());
    }
    let headers = head.replace("\n ", " ").lines().map(String::from).collect();
    (headers, body)
}

fn base64_decode(s: &str) -> Vec<u8> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = ABC.iter().position(|a| *a == c).expect("base64") as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The Subject header decoded from its RFC 2047 encoded-words (whitespace between adjacent
/// encoded-words is not part of the text).
fn subject(headers: &[String]) -> String {
    let raw = headers
        .iter()
        .find_map(|h| h.strip_prefix("Subject: "))
        .expect("a Subject header");
    assert!(raw.is_ascii(), "an encoded subject: {raw}");
    let mut bytes = Vec::new();
    for word in raw.split(' ') {
        let b64 = word
            .strip_prefix("=?UTF-8?B?")
            .and_then(|w| w.strip_suffix("?="))
            .unwrap_or_else(|| panic!("not an encoded-word: {word}"));
        assert!(word.len() <= 75, "encoded-word too long: {word}");
        bytes.extend(base64_decode(b64));
    }
    String::from_utf8(bytes).expect("UTF-8 subject")
}

fn assert_utf8_headers(headers: &[String]) {
    for h in [
        "To: bra@example.org",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
    ] {
        assert!(headers.iter().any(|x| x == h), "{h} in {headers:?}");
    }
}

#[test]
fn findings_are_mailed_as_utf8() {
    let cron = Cron::new();
    let out = cron.run(&path_with_pledge(), &pledges(), "2030-01-01");
    assert!(out.status.success(), "{out:?}");
    assert!(cron.mail().is_none(), "no mail when all is well");

    let out = cron.run(&path_with_pledge(), &pledges(), "2016-10-16");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(cron.args(), "-t -oi\n");
    let mail = cron.mail().expect("a mail");
    let (headers, body) = split(&mail);
    assert_utf8_headers(&headers);
    let findings = body.lines().count();
    assert!(findings > 0);
    assert_eq!(
        subject(&headers),
        format!("Medborgarlöften: {findings} saker att följa upp")
    );
    assert!(
        body.contains("filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016"),
        "{body}"
    );
}

#[test]
fn pledge_not_found_is_said_so() {
    if ["/usr/bin/pledge", "/bin/pledge"]
        .iter()
        .any(|p| Path::new(p).exists())
    {
        eprintln!("skipped: a pledge is installed in {BARE_PATH}");
        return;
    }
    let cron = Cron::new();
    let out = cron.run(BARE_PATH, &pledges(), "2016-10-16");
    assert_eq!(out.status.code(), Some(127), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("pledge hittades inte"), "{stderr}");
    let mail = cron.mail().expect("a mail even so");
    let (headers, body) = split(&mail);
    assert_utf8_headers(&headers);
    assert_eq!(
        subject(&headers),
        "Medborgarlöften: programmet pledge hittades inte"
    );
    assert!(body.contains("finns inte i PATH (/usr/bin:/bin)"), "{body}");
    assert!(body.contains("Inga filer har kontrollerats"), "{body}");
    assert!(!mail.contains("ogiltiga"), "{mail}");
}

#[test]
fn invalid_files_are_said_so() {
    let cron = Cron::new();
    let dir = cron.tmp.path().join("pledges");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("trasig-2016.toml"),
        "title = \"Trasig\"\nkommun = \n",
    )
    .unwrap();
    let out = cron.run(&path_with_pledge(), &dir, "2016-10-16");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let mail = cron.mail().expect("a mail");
    let (headers, body) = split(&mail);
    assert_utf8_headers(&headers);
    assert_eq!(
        subject(&headers),
        "Medborgarlöften: pledge check hittade ogiltiga eller oläsbara filer"
    );
    assert!(body.contains("trasig-2016.toml"), "{body}");
}

#[test]
fn bra_report_in_cron() {
    let tmp = TempDir::new().unwrap();
    let run = |path: &str| {
        Command::new("env")
            .arg("-i")
            .arg(format!("PATH={path}"))
            .arg(format!("PLEDGE_DIR={}", pledges().display()))
            .arg("PLEDGE_AS_OF=2016-10-16")
            .arg(Path::new(ROOT).join("examples/bra-report.sh"))
            .args(["filipstad", "2016-05-01"])
            .arg(tmp.path())
            .output()
            .unwrap()
    };
    let md = tmp.path().join("bra-filipstad-2016-10-16.md");
    if !["/usr/bin/pledge", "/bin/pledge"]
        .iter()
        .any(|p| Path::new(p).exists())
    {
        let out = run(BARE_PATH);
        assert_eq!(out.status.code(), Some(127), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("pledge hittades inte"));
        assert!(!md.exists(), "no empty report left behind");
    }
    let out = run(&path_with_pledge());
    assert!(out.status.success(), "{out:?}");
    let text = fs::read_to_string(&md).unwrap();
    assert!(text.contains("## Genomfört sedan 2016-05-01"), "{text}");
    let html = fs::read_to_string(tmp.path().join("bra-filipstad-2016-10-16.html")).unwrap();
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(
        fs::read_dir(tmp.path())
            .unwrap()
            .all(|e| { !e.unwrap().file_name().to_string_lossy().ends_with(".tmp") })
    );
}

/// Issue 22: run weekly, as the README's crontab line runs it, the script mails each missed
/// window once (it checked 30 days back, so one missed week was mailed four Mondays running).
#[test]
fn run_weekly_each_miss_is_mailed_once() {
    let cron = Cron::new();
    let mut seen: Vec<String> = Vec::new();
    let mut monday = chrono::NaiveDate::from_ymd_opt(2017, 3, 6).unwrap();
    while monday <= chrono::NaiveDate::from_ymd_opt(2017, 6, 26).unwrap() {
        let _ = fs::remove_file(cron.tmp.path().join("mail"));
        let out = cron.run(&path_with_pledge(), &pledges(), &monday.to_string());
        assert!(out.status.success(), "{out:?}");
        if let Some(mail) = cron.mail() {
            let (_, body) = split(&mail);
            seen.extend(
                body.lines()
                    .filter(|l| l.contains(": missed, "))
                    .map(String::from),
            );
        }
        monday += chrono::TimeDelta::days(7);
    }
    assert!(seen.len() > 5, "weekly misses are mailed: {seen:?}");
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "a miss mailed twice: {seen:?}");
}
