//! Issue 28: `git setup`, `git check`, `verify-merge`, the merge driver, `new`, `status`,
//! `list`, `validate`'s git line, the folder's unreadable files and the environment's
//! settings, run the same way in Swedish and in English and snapshotted; Swedish also at 60
//! and 80 columns, where a line may wrap but no word is split.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{ROOT, copy_pledges, snapshot};

/// One step of the script: pledge's arguments and environment, or something done to the
/// folder between them.
enum Step<'a> {
    Pledge(&'a [&'a str], &'a [(&'a str, &'a str)]),
    Git(&'a [&'a str]),
    Write(&'a str, &'a str),
}

/// git in `dir` as Bo, with a clean environment and a fixed clock (the same commit ids every
/// run).
fn git_ok(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Bo")
        .env("GIT_AUTHOR_EMAIL", "bo@example.org")
        .env("GIT_COMMITTER_NAME", "Bo")
        .env("GIT_COMMITTER_EMAIL", "bo@example.org")
        .env("GIT_AUTHOR_DATE", "2016-10-16T12:00:00+02:00")
        .env("GIT_COMMITTER_DATE", "2016-10-16T12:00:00+02:00")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The command's output. The binary is a fresh copy: while another test's child process,
/// forked before its exec, still holds the copy's write handle, exec fails with "text file
/// busy" (ETXTBSY), so that one error is retried.
fn output_of(cmd: &mut Command) -> std::process::Output {
    for _ in 0..100 {
        match cmd.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            other => return other.unwrap(),
        }
    }
    panic!("the copied binary stayed busy")
}

/// Runs the script on a fresh git repository holding a copy of pledges/; the transcript of
/// every pledge run (its command, exit code, stdout and stderr, paths shown as `$DIR` and
/// `$BIN`) and the exit codes.
fn transcript(lang: &str, columns: Option<&str>) -> (String, Vec<i32>) {
    let (tmp, dir) = copy_pledges();
    let top = tmp.path();
    let filipstad = fs::read_to_string(dir.join("filipstad-2016.toml")).unwrap();
    fs::write(top.join("base.toml"), &filipstad).unwrap();
    fs::write(top.join("theirs.toml"), &filipstad).unwrap();
    fs::write(top.join("ours.toml"), format!("{filipstad}\nbroken = [\n")).unwrap();
    git_ok(top, &["init", "-q", "-b", "main"]);
    git_ok(top, &["add", "-A"]);
    git_ok(top, &["commit", "-qm", "löften"]);
    let clone = top.join("clone");
    let clone_pledges = clone.join("pledges");
    let clone_env = [("PLEDGE_DIR", clone_pledges.to_str().unwrap())];
    let lost_file = "pledges/filipstad-2016.toml";
    // A commit that tidies the file's head and drops the entry recorded before it.
    let tidied = format!("# Filipstad\n{filipstad}");
    use Step::*;
    let steps: Vec<Step> = vec![
        Pledge(&["git", "check"], &[]),
        Git(&["config", "merge.pledge.name", "pledge log entries"]),
        Pledge(&["git", "check"], &[]),
        Pledge(&["git", "setup", "--dry-run"], &[]),
        Pledge(&["git", "setup"], &[]),
        Pledge(&["git", "check"], &[]),
        Git(&["add", "-A"]),
        Git(&["commit", "-qm", "pledge git setup"]),
        Git(&["clone", "-q", ".", "clone"]),
        Pledge(&["git", "setup"], &clone_env),
        Git(&["config", "--unset", "merge.pledge.driver"]),
        Pledge(&["validate"], &[]),
        Pledge(&["git", "setup"], &[]),
        Pledge(&["verify-merge", "HEAD~1"], &[]),
        Pledge(&["verify-merge", "HEAD~1", "HEAD"], &[]),
        Pledge(&["verify-merge", "nosuch"], &[]),
        Pledge(
            &[
                "done",
                "filipstad",
                "trygghetsvandring",
                "--date",
                "2016-05-12",
                "--by",
                "Anna Andersson",
            ],
            &[],
        ),
        Git(&["commit", "-qam", "en vandring"]),
        Write(lost_file, &tidied),
        Git(&["commit", "-qam", "städat"]),
        Pledge(&["verify-merge", "HEAD~1", "HEAD"], &[]),
        Pledge(&["verify-merge", "HEAD~2", "HEAD"], &[]),
        Pledge(&["verify-merge", "HEAD", "HEAD~2"], &[]),
        Pledge(
            &["merge-driver", "base.toml", "ours.toml", "theirs.toml"],
            &[],
        ),
        Pledge(
            &[
                "new",
                "filipstadt",
                "--start",
                "2030-01-01",
                "--end",
                "2030-12-31",
            ],
            &[],
        ),
        Pledge(
            &[
                "new",
                "filipstad",
                "--start",
                "2030-01-01",
                "--end",
                "2029-12-31",
            ],
            &[],
        ),
        Pledge(
            &[
                "new",
                "filipstad",
                "--start",
                "2030-01-01",
                "--end",
                "2030-12-31",
                "--name",
                "a/b",
            ],
            &[],
        ),
        Pledge(
            &[
                "new",
                "filipstad",
                "--start",
                "2030-01-01",
                "--end",
                "2030-12-31",
            ],
            &[],
        ),
        Pledge(
            &[
                "new",
                "filipstad",
                "--start",
                "2030-01-01",
                "--end",
                "2030-12-31",
            ],
            &[],
        ),
        Pledge(&["status"], &[]),
        Pledge(&["status", "stockholm"], &[]),
        Pledge(&["status", "filipstadt"], &[]),
        Pledge(&["status", "filipstad"], &[("PLEDGE_LOCK_TIMEOUT", "soon")]),
        Write(
            "pledges/filipstad-2017.toml",
            "kommun = \"Filipstad\"\nperiod = [\n",
        ),
        Write("pledges/other.toml", "title = \"x\"\n<<<<<<< ours\n"),
        Write(
            "pledges/stockholm-2016.toml",
            "kommun = \"Stockholm\"\nperiod = [\n",
        ),
        Pledge(&["status", "filipstad", "--as-of", "2017-06-01"], &[]),
        Pledge(&["status", "stockholm"], &[]),
        Pledge(&["list"], &[]),
    ];
    // The binary is run from a path of the same length wherever the checkout is (`git
    // setup` prints it, and the width decides where that line wraps): a copy beside the
    // repository in the temporary folder.
    let built = assert_cmd::cargo::cargo_bin("pledge");
    let bin_dir = tempfile::TempDir::new().unwrap();
    let bin = bin_dir.path().join("pledge");
    fs::copy(&built, &bin).unwrap();
    let real_bin = bin.canonicalize().unwrap();
    let mut out = String::new();
    let mut codes = Vec::new();
    for step in steps {
        let (args, env) = match step {
            Git(args) => {
                git_ok(top, args);
                out.push_str(&format!("$ git {}\n\n", args.join(" ")));
                continue;
            }
            Write(file, text) => {
                fs::write(top.join(file), text).unwrap();
                out.push_str(&format!("(wrote {file})\n\n"));
                continue;
            }
            Pledge(args, env) => (args, env),
        };
        let mut cmd = Command::new(&bin);
        cmd.args(args)
            .current_dir(top)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", top)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Bo")
            .env("GIT_AUTHOR_EMAIL", "bo@example.org")
            .env("GIT_COMMITTER_NAME", "Bo")
            .env("GIT_COMMITTER_EMAIL", "bo@example.org")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("PLEDGE_USER", "Bo")
            .env("PLEDGE_DIR", &dir)
            .env("PLEDGE_AS_OF", "2016-10-16")
            .env("PLEDGE_LANG", lang);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let run = output_of(&mut cmd);
        let code = run.status.code().unwrap_or(-1);
        codes.push(code);
        let shown = |b: &[u8]| {
            String::from_utf8_lossy(b)
                .replace(real_bin.to_str().unwrap(), "$BIN")
                .replace(bin.to_str().unwrap(), "$BIN")
                .replace(top.to_str().unwrap(), "$DIR")
                .replace(ROOT, "$ROOT")
        };
        let args = args.join(" ").replace(ROOT, "$ROOT");
        let env: String = env.iter().map(|(k, v)| format!("{k}={v} ")).collect();
        out.push_str(&format!(
            "$ {}pledge {args}\nexit {code}\n--- stdout\n{}--- stderr\n{}\n",
            env.replace(top.to_str().unwrap(), "$DIR"),
            shown(&run.stdout),
            shown(&run.stderr)
        ));
    }
    drop(tmp);
    drop(bin_dir);
    (out, codes)
}

/// The words of a transcript's errors and notes (its stderr), the way they were wrapped left
/// aside. (A table on stdout drops columns at a narrow width, as it should.)
fn words(s: &str) -> Vec<&str> {
    s.split("--- stderr\n")
        .skip(1)
        .flat_map(|run| run.split("\n$ ").next().unwrap_or("").split_whitespace())
        .collect()
}

#[test]
fn git_new_status_and_the_folders_notes_in_swedish_and_in_english() {
    let (sv, sv_codes) = transcript("sv", None);
    let (en, en_codes) = transcript("en", None);
    snapshot("commands-sv.txt", &sv);
    snapshot("commands-en.txt", &en);
    assert_eq!(
        sv_codes, en_codes,
        "the language never changes an exit code"
    );
    for word in [
        "inte inställt: ",
        "men ingen merge.pledge.driver, så git avbryter",
        "kör `pledge git setup` i den här klonen",
        "checka in .gitattributes och .gitignore",
        "det finns inget att checka in",
        "inget har försvunnit",
        "posten för trygghetsvandring från 2016-05-12, registrerad av Anna Andersson togs bort",
        "okänd revision",
        "klarar inte valideringen",
        "menade du `Filipstad`?",
        "ligger före --start",
        "finns redan",
        "mappen har löften för",
        "PLEDGE_LOCK_TIMEOUT är",
        "fel sammanlagt",
        "obs: ",
    ] {
        assert!(sv.contains(word), "{word} is not in:\n{sv}");
    }
    for word in [
        "not set up: ",
        "did you mean",
        "nothing lost",
        "commit .gitattributes",
        "unknown revision",
        "in all;",
    ] {
        assert!(!sv.contains(word), "{word} is English in Swedish:\n{sv}");
        assert!(en.contains(word), "{word} is not in:\n{en}");
    }
}

/// Whether a line of a transcript is one of the messages tested here: not the transcript's
/// own command line, not a table (its columns are `status`'s and `list`'s), not a loader
/// diagnostic (`path:line:col: ...` and its hint).
fn ours(line: &str) -> bool {
    let diag = line.split(": ").next().is_some_and(|p| {
        let parts: Vec<&str> = p.rsplitn(3, ':').collect();
        parts.len() == 3 && parts[0].parse::<u32>().is_ok() && parts[1].parse::<u32>().is_ok()
    });
    !(line.starts_with("$ ")
        || line.starts_with("  = ")
        || diag
        || line.contains(['│', '┌', '└', '╞']))
}

/// At 60 and 80 columns the Swedish replies and errors read as without a width: the same
/// words in the same order (a word split across lines would be two), no line wider than the
/// terminal unless one word is.
#[test]
fn swedish_at_60_and_80_columns_splits_no_word() {
    let (wide, _) = transcript("sv", None);
    for (cols, name) in [
        (60usize, "commands-sv-60cols.txt"),
        (80, "commands-sv-80cols.txt"),
    ] {
        let (narrow, _) = transcript("sv", Some(&cols.to_string()));
        snapshot(name, &narrow);
        assert_eq!(words(&narrow), words(&wide), "{cols} columns");
        for line in narrow.lines().filter(|l| ours(l)) {
            assert!(
                line.chars().count() <= cols || !line.trim().contains(' '),
                "{cols} columns: {line}"
            );
        }
    }
}
