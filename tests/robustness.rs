//! Nothing lost, nothing hangs (issue 12): the binary against shared files, links, pipes,
//! devices, write-protected files, leftovers of killed writers and the size limit. Every
//! command runs with a cleared environment and only what it needs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const PLEDGE: &str = "title = \"Medborgarlöfte Filipstad 2016\"\nkommun = \"Filipstad\"\n\
    period = { start = 2016-01-01, end = 2016-12-31 }\n\
    [[activity]]\nid = \"vandring\"\ntext = \"Trygghetsvandringar\"\nowners = [\"polisen\"]\n\
    [followup]\nwhen = \"2017-Q1\"\n";

const NAME: &str = "filipstad-2016.toml";

/// `pledge` with a cleared environment: the folder and the date, nothing else.
fn pledge(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("pledge").unwrap();
    c.env_clear()
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", "2016-12-31")
        .timeout(Duration::from_secs(60));
    c
}

fn done_args(i: usize) -> Vec<String> {
    let date = format!("2016-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
    [
        "done",
        "filipstad",
        "vandring",
        "--date",
        &date,
        "--by",
        "Anna",
    ]
    .map(String::from)
    .to_vec()
    .into_iter()
    .chain(["--note".to_string(), format!("writer {i}")])
    .collect()
}

fn entries(path: &Path) -> usize {
    fs::read_to_string(path).unwrap().matches("[[log]]").count()
}

/// `writers` concurrent `done`, alternating between the two folders; returns the entries kept.
fn race(dirs: [&Path; 2], file: &Path, writers: usize) -> usize {
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    let children: Vec<_> = (0..writers)
        .map(|i| {
            std::process::Command::new(&bin)
                .env_clear()
                .env("PLEDGE_DIR", dirs[i % 2])
                .env("PLEDGE_AS_OF", "2016-12-31")
                .args(done_args(i))
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    entries(file)
}

#[cfg(unix)]
#[test]
fn one_file_through_a_link_from_another_folder_keeps_every_entry() {
    let tmp = TempDir::new().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    let file = a.join(NAME);
    fs::write(&file, PLEDGE).unwrap();
    std::os::unix::fs::symlink(&file, b.join(NAME)).unwrap();
    assert_eq!(race([&a, &b], &file, 50), 50);
}

#[test]
fn one_file_through_a_subfolder_given_as_dir_keeps_every_entry() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    let sub = dir.join("2016");
    fs::create_dir_all(&sub).unwrap();
    let file = sub.join(NAME);
    fs::write(&file, PLEDGE).unwrap();
    assert_eq!(race([&dir, &sub], &file, 50), 50);
}

fn folder() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("pledges");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(NAME), PLEDGE).unwrap();
    (tmp, dir)
}

#[cfg(unix)]
#[test]
fn a_write_protected_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = folder();
    let file = dir.join(NAME);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    pledge(&dir)
        .args(done_args(0))
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("you may not write").and(predicate::str::contains(
                "make it writable (chmod u+w) if the change is wanted",
            )),
        );
    assert_eq!(fs::read_to_string(&file).unwrap(), PLEDGE);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[cfg(unix)]
#[test]
fn another_users_file_keeps_its_owner_when_root_writes_it() {
    use std::os::unix::fs::MetadataExt;
    let (_tmp, dir) = folder();
    let file = dir.join(NAME);
    // Only root may give a file to another user; as anyone else the open fails and the
    // refusal is the unit test's.
    if std::os::unix::fs::chown(&file, Some(65534), Some(65534)).is_err() {
        return;
    }
    pledge(&dir).args(done_args(0)).assert().success();
    let meta = fs::metadata(&file).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(entries(&file), 1);
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    v.sort();
    v
}

#[test]
fn the_next_write_removes_temporary_files_of_killed_writers() {
    let (_tmp, dir) = folder();
    fs::write(dir.join(".pledge-a1B2c3.tmp"), PLEDGE).unwrap();
    pledge(&dir).args(done_args(0)).assert().success();
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn new_on_a_full_disk_leaves_no_empty_file() {
    let (_tmp, dir) = folder();
    let bin = assert_cmd::cargo::cargo_bin("pledge");
    // Writing more than 0 blocks fails (a full disk, as far as the writer can tell).
    let out = std::process::Command::new("/bin/sh")
        .env_clear()
        .env("PLEDGE_DIR", &dir)
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 0; exec \"$0\" new alvesta --start 2017-01-01 --end 2018-12-31")
        .arg(&bin)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let made: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("alvesta"))
        .collect();
    assert_eq!(made, Vec::<String>::new());
    assert_eq!(leftovers(&dir), Vec::<String>::new());
    pledge(&dir)
        .args([
            "new",
            "alvesta",
            "--start",
            "2017-01-01",
            "--end",
            "2018-12-31",
        ])
        .assert()
        .success();
}

#[test]
fn done_refuses_to_grow_a_file_past_the_read_limit() {
    let (_tmp, dir) = folder();
    let file = dir.join(NAME);
    // Just under 16 MiB: one more entry would cross the limit.
    let limit = 16 << 20;
    let mut text = PLEDGE.to_string();
    let line = format!("# {}\n", "x".repeat(1000));
    while text.len() + line.len() < limit - 60 {
        text.push_str(&line);
    }
    text.push_str(&"#".repeat(limit - 60 - text.len() - 1));
    text.push('\n');
    fs::write(&file, &text).unwrap();
    pledge(&dir)
        .args(done_args(0))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "over the 16 MiB that pledge reads",
        ));
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_each_file_is_read_once() {
    let (tmp, dir) = folder();
    std::os::unix::fs::symlink(".", dir.join("a")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("b")).unwrap();
    // A link out of the folder is not followed: the file beside it is not read.
    std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
    fs::write(
        tmp.path().join("outside.toml"),
        PLEDGE.replace("Filipstad", "Alvesta"),
    )
    .unwrap();
    let out = pledge(&dir)
        .args(["list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.matches("\"Filipstad\"").count(), 1, "{out}");
    assert!(!out.contains("Alvesta"), "{out}");
    pledge(&dir).args(done_args(0)).assert().success();
    assert_eq!(entries(&dir.join(NAME)), 1);
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_unreadable_entries_are_reported_and_the_rest_shown() {
    let (_tmp, dir) = folder();
    let fifo = dir.join("fifo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    std::os::unix::fs::symlink("missing.toml", dir.join("dangling.toml")).unwrap();
    let assert = pledge(&dir)
        .args(["list", "--format", "json"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"Filipstad\""))
        .stderr(
            predicate::str::contains("zero.toml")
                .and(predicate::str::contains("not a regular file"))
                .and(predicate::str::contains("dangling.toml"))
                .and(predicate::str::contains("cannot read the file")),
        );
    if made {
        assert.stderr(predicate::str::contains("fifo.toml"));
    }
    // `done` is not stopped by them either.
    pledge(&dir).args(done_args(0)).assert().success();
}
