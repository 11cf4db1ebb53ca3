//! What `pledge git setup` writes into a repository, as text: the `.gitattributes` line that
//! gives every pledge file the merge driver, the `.gitignore` lines for the writers' lock and
//! temporary files, and the driver command. Pure: the command in `src/cmd/git.rs` runs git.

/// The name of the merge driver in `.gitattributes` (`merge=pledge`) and the config
/// (`merge.pledge.driver`).
pub const DRIVER: &str = "pledge";

/// What `merge.pledge.name` says.
pub const DRIVER_NAME: &str = "pledge log entries (pledge git setup)";

/// Lines `.gitignore` needs: the folder lock, the writers' temporary files and the views'
/// index of which kommuner each file names (`.pledge-index`, rebuilt when missing).
pub const IGNORED: [&str; 3] = [".pledge.lock", ".pledge-*.tmp", ".pledge-index"];

/// The `.gitattributes` line that gives every `*.toml` file at and below the pledges folder
/// the merge driver. `rel` is the folder relative to the repository's top, with `/` between
/// its parts ("" when the folder is the top itself). `**/` matches any number of folders,
/// none included, so subfolders are covered as the folder walk reads them.
pub fn attributes_line(rel: &str) -> String {
    let rel = rel.trim_matches('/');
    if rel.is_empty() {
        // A pattern without a slash matches at every level.
        format!("*.toml merge={DRIVER}")
    } else {
        format!("{}/**/*.toml merge={DRIVER}", escape_pattern(rel))
    }
}

/// A path written as a gitattributes pattern that matches only itself: the characters a
/// pattern treats specially (and whitespace, which ends a pattern) each in a bracket.
fn escape_pattern(rel: &str) -> String {
    let mut out = String::new();
    for c in rel.chars() {
        match c {
            '*' | '?' | '[' | '\\' | ' ' | '\t' | '!' | '#' | '"' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

/// `text` with `lines` appended, each that is not already a line of it (compared without
/// surrounding spaces); None when all are there. Other lines are kept byte for byte, and
/// the line ending is the file's own.
pub fn with_lines(text: &str, lines: &[&str]) -> Option<String> {
    let missing: Vec<&&str> = lines
        .iter()
        .filter(|l| !text.lines().any(|have| have.trim() == l.trim()))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let nl = crate::text::line_ending(text);
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    for l in missing {
        out.push_str(l);
        out.push_str(nl);
    }
    Some(out)
}

/// A word for `sh`: in single quotes, each single quote written as `'\''`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The marker that starts the driver command `pledge git setup` writes: the binary's path
/// follows, quoted.
const BIN_VAR: &str = "pledge_bin=";

/// The driver command for `merge.pledge.driver`: runs the binary at `bin` (the one that ran
/// the setup), else `pledge` on git's PATH; when neither runs, or it fails other than by
/// merging (0) or leaving conflict markers (1), it says so and runs `git merge-file`, which
/// merges by lines and writes conflict markers where the sides differ. So a merge never ends
/// with one side's file and no markers. Git runs the command with `sh`, from the top of the
/// work tree; `%O %A %B` are the base, ours (and the result) and theirs.
///
/// `line` is what it echoes when the binary did not run, in the language of the setup
/// (inside double quotes: it names `$pledge_bin` and `$s`, and holds no other `$`, `"`, `` ` ``
/// or `\`).
pub fn driver_command(bin: &str, line: &str) -> String {
    format!(
        "{BIN_VAR}{}; [ -x \"$pledge_bin\" ] || pledge_bin=pledge; \
         \"$pledge_bin\" merge-driver %O %A %B; s=$?; [ $s -le 1 ] && exit $s; \
         echo \"{line}\" >&2; \
         git merge-file -L ours -L base -L theirs %A %O %B && exit 0; exit 1",
        sh_quote(bin)
    )
}

/// What a configured driver command is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driver {
    /// Written by `pledge git setup`: the binary it names.
    Setup { bin: String },
    /// Any other command (the README's earlier `pledge merge-driver %O %A %B`): if it cannot
    /// run, git keeps one side's file without markers.
    Other,
}

/// Reads a `merge.pledge.driver` value.
pub fn parse_driver(cmd: &str) -> Driver {
    let Some(rest) = cmd.strip_prefix(BIN_VAR) else {
        return Driver::Other;
    };
    if !cmd.contains("git merge-file") {
        return Driver::Other;
    }
    // The quoted word: runs of '...' joined by \' .
    let mut bin = String::new();
    let mut chars = rest.chars().peekable();
    loop {
        match chars.next() {
            Some('\'') => {
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    bin.push(c);
                }
            }
            Some('\\') => match chars.next() {
                Some(c) => bin.push(c),
                None => return Driver::Other,
            },
            Some(';') => break,
            _ => return Driver::Other,
        }
    }
    Driver::Setup { bin }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attributes_line_covers_the_folder_and_its_subfolders() {
        assert_eq!(attributes_line("pledges"), "pledges/**/*.toml merge=pledge");
        assert_eq!(
            attributes_line("data/pledges/"),
            "data/pledges/**/*.toml merge=pledge"
        );
        assert_eq!(attributes_line(""), "*.toml merge=pledge");
        assert_eq!(
            attributes_line("mina löften [2024]"),
            "mina[ ]löften[ ][[]2024]/**/*.toml merge=pledge"
        );
    }

    #[test]
    fn lines_are_added_once_and_nothing_else_changes() {
        let have = "*.png binary\r\npledges/*.toml merge=pledge";
        let out = with_lines(have, &["pledges/**/*.toml merge=pledge"]).unwrap();
        assert_eq!(
            out,
            "*.png binary\r\npledges/*.toml merge=pledge\r\npledges/**/*.toml merge=pledge\r\n"
        );
        assert_eq!(with_lines(&out, &["pledges/**/*.toml merge=pledge"]), None);
        assert_eq!(
            with_lines("", &IGNORED).unwrap(),
            ".pledge.lock\n.pledge-*.tmp\n.pledge-index\n"
        );
        assert_eq!(
            with_lines("target\n  .pledge.lock \n", &IGNORED).unwrap(),
            "target\n  .pledge.lock \n.pledge-*.tmp\n.pledge-index\n"
        );
    }

    /// The line the word store gives (`MergeMsg::DriverDidNotRun`, Swedish: edit does not
    /// import view).
    const LINE: &str = "pledges sammanslagningsdrivrutin: $pledge_bin kördes inte (slutkod $s)";

    #[test]
    fn the_driver_command_names_its_binary_and_is_read_back() {
        for bin in ["/usr/local/bin/pledge", "/home/o'neil/my bin/pledge"] {
            let cmd = driver_command(bin, LINE);
            assert!(cmd.contains("git merge-file -L ours -L base -L theirs %A %O %B"));
            assert_eq!(parse_driver(&cmd), Driver::Setup { bin: bin.into() });
        }
        assert_eq!(parse_driver("pledge merge-driver %O %A %B"), Driver::Other);
        assert_eq!(parse_driver("pledge_bin='x'"), Driver::Other);
    }

    /// The command as `sh` runs it: the binary's run, its fallbacks, and their exit codes.
    #[cfg(unix)]
    #[test]
    fn the_driver_command_falls_back_to_a_line_merge_that_marks_the_conflict() {
        use std::process::Command;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("o"), "a\nb\n").unwrap();
        std::fs::write(d.join("b"), "a\nb\ntheirs\n").unwrap();
        let run = |bin: &str| {
            std::fs::write(d.join("a"), "a\nb\nours\n").unwrap();
            let cmd = driver_command(bin, LINE)
                .replace("%O", "o")
                .replace("%A", "a")
                .replace("%B", "b");
            let out = Command::new("sh")
                .arg("-c")
                .arg(cmd)
                .current_dir(d)
                .env("PATH", "/usr/bin:/bin")
                .output()
                .unwrap();
            let text = std::fs::read_to_string(d.join("a")).unwrap();
            (
                out.status.code(),
                text,
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        };
        // No such binary, and none on the PATH: git merge-file writes markers, exit 1.
        let (code, text, err) = run("/nowhere/pledge");
        assert_eq!(code, Some(1), "{err}");
        assert!(
            text.contains("<<<<<<< ours") && text.contains("theirs\n>>>>>>> theirs"),
            "{text}"
        );
        assert!(err.contains("pledge kördes inte (slutkod 127)"), "{err}");
        // A binary that fails other than by merging or marking (exit 2): the same fallback.
        let failing = d.join("failing");
        std::fs::write(&failing, "#!/bin/sh\nexit 2\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
        let (code, text, _) = run(failing.to_str().unwrap());
        assert_eq!(code, Some(1));
        assert!(text.contains("<<<<<<< ours"));
        // A binary that merges (exit 0) is trusted with the result.
        let merging = d.join("merging");
        std::fs::write(&merging, "#!/bin/sh\necho merged > \"$3\"\nexit 0\n").unwrap();
        std::fs::set_permissions(&merging, std::fs::Permissions::from_mode(0o755)).unwrap();
        let (code, text, _) = run(merging.to_str().unwrap());
        assert_eq!((code, text.as_str()), (Some(0), "merged\n"));
    }
}
