//! The messages of `git setup`, `git check` and of running git, one exhaustive match per
//! language ([`GitMsg::en`], [`GitMsg::sv`]).
//!
//! Each match is longer than a function should be because it holds every message of its area,
//! one arm each; splitting it would only scatter a language's words. Swedish follows git's own
//! Swedish words where it has them: "checka in" (commit), "sammanslagning" (merge),
//! "arbetskatalog" (work tree), "arkiv" (repository).

use super::Words;
use super::grammar::s;

/// A message of the git commands, with what it names (paths and revisions already made safe
/// to print).
#[derive(Debug, Clone, PartialEq)]
pub enum GitMsg<'a> {
    CannotRunGit,
    CannotReadGitOutput,
    GitDidNotFinish,
    GitFailed {
        args: &'a str,
        said: &'a str,
    },
    NotInWorkTree(&'a str),
    NotBelowTop {
        dir: &'a str,
        top: &'a str,
    },
    /// Pledge files without `merge=pledge`: the first, how many more.
    Uncovered {
        first: &'a str,
        more: usize,
    },
    ProbeUncovered(&'a str),
    NoDriver,
    /// `merge.pledge.name` set, `merge.pledge.driver` not: git stops the merge.
    NameWithoutDriver,
    NoFallback,
    DriverMissing(&'a str),
    NoExePath,
    ExeNotUtf8,
    NotUtf8(&'a str),
    CannotRead(&'a str),
    /// `git setup`: the lines added to a file (or that would be).
    Added {
        file: &'a str,
        lines: &'a str,
        dry_run: bool,
    },
    AlreadyHas {
        file: &'a str,
        lines: &'a str,
    },
    DriverFor {
        bin: &'a str,
        dry_run: bool,
    },
    NotSetUp(&'a str),
    Overridden,
    /// `git setup`'s last line: the files to commit (as `git status` lists them).
    CommitThem(&'a [&'a str]),
    /// `git setup` where the files are committed already (a second clone).
    NothingToCommit,
    SetUp(usize),
    RunSetup,
    /// `validate`'s one line about git: the first problem, how many more.
    ValidateWarning {
        first: &'a str,
        more: usize,
    },
}

impl Words for GitMsg<'_> {
    type Text = String;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> String {
        use GitMsg::*;
        match self {
            CannotRunGit => "cannot run git (is it installed and on the PATH?)".into(),
            CannotReadGitOutput => "cannot read git's output".into(),
            GitDidNotFinish => "git did not finish".into(),
            GitFailed { args, said } => format!("git {args} failed: {said}"),
            NotInWorkTree(dir) => format!(
                "the pledges folder {dir} is not in a git work tree (clone the team's \
                 repository, or `git init` one)"
            ),
            NotBelowTop { dir, top } => {
                format!("the pledges folder {dir} is not below the work tree's top {top}")
            }
            Uncovered { first, more } => format!(
                "{first}{}: .gitattributes gives no `merge=pledge`, so git merges it line by line",
                match more {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                }
            ),
            ProbeUncovered(p) => {
                format!("a new file such as {p} would get no `merge=pledge` from .gitattributes")
            }
            NoDriver => {
                "this clone has no merge.pledge.driver: git merges pledge files line by line".into()
            }
            NameWithoutDriver => "this clone sets merge.pledge.name but no merge.pledge.driver, \
                                  so git stops every merge of a pledge file (\"custom merge \
                                  driver pledge lacks command line\")"
                .into(),
            NoFallback => "merge.pledge.driver has no fallback: when it cannot run, git keeps \
                           this side's file, without conflict markers"
                .into(),
            DriverMissing(bin) => format!(
                "merge.pledge.driver runs {bin}, which is not there (pledge on git's PATH is \
                 tried next, else git merge-file marks each conflict)"
            ),
            NoExePath => "cannot find the path of the running pledge".into(),
            ExeNotUtf8 => "the path of the running pledge is not UTF-8".into(),
            NotUtf8(p) => format!("{p} is not UTF-8"),
            CannotRead(p) => format!("cannot read {p}"),
            Added {
                file,
                lines,
                dry_run,
            } => {
                let verb = if *dry_run { "would add" } else { "added" };
                format!("{file}: {verb} {lines}")
            }
            AlreadyHas { file, lines } => format!("{file}: already has {lines}"),
            DriverFor { bin, dry_run } => format!(
                "merge driver for this clone: {bin} (else pledge on git's PATH, else git \
                 merge-file, which marks the conflict){}",
                if *dry_run {
                    ", not written (--dry-run)"
                } else {
                    ""
                }
            ),
            NotSetUp(p) => format!("not set up: {p}"),
            Overridden => "  (a later line or a .gitattributes in a subfolder overrides the \
                           line added; `git check-attr -a FILE` shows where)"
                .into(),
            CommitThem(files) => format!(
                "commit {}; everyone runs `pledge git setup` once in their own clone",
                files.join(" and ")
            ),
            NothingToCommit => "this clone is set up; .gitattributes and .gitignore already \
                                hold the lines in git, so there is nothing to commit"
                .into(),
            SetUp(n) => format!(
                "set up: {n} pledge file{} merged by pledge's driver, with git merge-file as its \
                 fallback",
                s(*n)
            ),
            RunSetup => "run `pledge git setup` in this clone".into(),
            ValidateWarning { first, more } => format!(
                "warning: git: {first}{}; run `pledge git setup` in this clone\n",
                match more {
                    0 => String::new(),
                    n => format!(" (and {n} more: `pledge git check`)"),
                }
            ),
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use GitMsg::*;
        match self {
            CannotRunGit => "kan inte köra git (är det installerat och finns det på PATH?)".into(),
            CannotReadGitOutput => "kan inte läsa det git skrev".into(),
            GitDidNotFinish => "git körde inte klart".into(),
            GitFailed { args, said } => format!("git {args} misslyckades: {said}"),
            NotInWorkTree(dir) => format!(
                "löftesmappen {dir} ligger inte i en git-arbetskatalog (klona gruppens arkiv, \
                 eller skapa ett med `git init`)"
            ),
            NotBelowTop { dir, top } => {
                format!("löftesmappen {dir} ligger inte under arbetskatalogens toppnivå {top}")
            }
            Uncovered { first, more } => match more {
                0 => format!(
                    "{first}: .gitattributes ger ingen `merge=pledge`, så git slår ihop filen rad \
                     för rad"
                ),
                n => format!(
                    "{first} och {n} till: .gitattributes ger ingen `merge=pledge`, så git slår \
                     ihop filerna rad för rad"
                ),
            },
            ProbeUncovered(p) => format!(
                "en ny fil, till exempel {p}, skulle inte få någon `merge=pledge` av \
                 .gitattributes"
            ),
            NoDriver => "den här klonen saknar merge.pledge.driver: git slår ihop löftesfiler rad \
                         för rad"
                .into(),
            NameWithoutDriver => "den här klonen har merge.pledge.name men ingen \
                                  merge.pledge.driver, så git avbryter varje sammanslagning av \
                                  en löftesfil (\"custom merge driver pledge lacks command \
                                  line\")"
                .into(),
            NoFallback => "merge.pledge.driver har ingen reserv: när den inte kan köras behåller \
                           git den här sidans fil, utan konfliktmarkeringar"
                .into(),
            DriverMissing(bin) => format!(
                "merge.pledge.driver kör {bin}, som inte finns (då provas pledge på gits PATH, \
                 annars markerar git merge-file varje konflikt)"
            ),
            NoExePath => "hittar inte sökvägen till det pledge som körs".into(),
            ExeNotUtf8 => "sökvägen till det pledge som körs är inte UTF-8".into(),
            NotUtf8(p) => format!("{p} är inte UTF-8"),
            CannotRead(p) => format!("kan inte läsa {p}"),
            Added {
                file,
                lines,
                dry_run,
            } => {
                let verb = if *dry_run {
                    "skulle lägga till"
                } else {
                    "lade till"
                };
                format!("{file}: {verb} {lines}")
            }
            AlreadyHas { file, lines } => format!("{file}: har redan {lines}"),
            DriverFor { bin, dry_run } => format!(
                "sammanslagningsdrivrutin för den här klonen: {bin} (annars pledge på gits PATH, \
                 annars git merge-file, som markerar konflikten){}",
                if *dry_run {
                    ", inte sparad (--dry-run)"
                } else {
                    ""
                }
            ),
            NotSetUp(p) => format!("inte inställt: {p}"),
            Overridden => "  (en senare rad eller en .gitattributes i en undermapp går före den \
                           tillagda raden; `git check-attr -a FIL` visar var)"
                .into(),
            CommitThem(files) => format!(
                "checka in {}; var och en kör `pledge git setup` en gång i sin egen klon",
                files.join(" och ")
            ),
            NothingToCommit => "den här klonen är inställd; .gitattributes och .gitignore har \
                                redan raderna i git, så det finns inget att checka in"
                .into(),
            SetUp(n) => format!(
                "inställt: {n} {} slås ihop av pledges drivrutin, med git merge-file som reserv",
                if *n == 1 {
                    "löftesfil"
                } else {
                    "löftesfiler"
                }
            ),
            RunSetup => "kör `pledge git setup` i den här klonen".into(),
            ValidateWarning { first, more } => format!(
                "varning: git: {first}{}; kör `pledge git setup` i den här klonen\n",
                match more {
                    0 => String::new(),
                    n => format!(" (och {n} till: `pledge git check`)"),
                }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::i18n::Lang;
    use crate::view::messages::each_reads_differently;

    /// One of every message; the match in the loop makes a new variant fail to compile here
    /// until it is listed.
    fn every() -> Vec<GitMsg<'static>> {
        use GitMsg::*;
        vec![
            CannotRunGit,
            CannotReadGitOutput,
            GitDidNotFinish,
            GitFailed {
                args: "status",
                said: "fatal",
            },
            NotInWorkTree("pledges"),
            NotBelowTop {
                dir: "pledges",
                top: "/x",
            },
            Uncovered {
                first: "a.toml",
                more: 2,
            },
            ProbeUncovered("a-new-lofte.toml"),
            NoDriver,
            NameWithoutDriver,
            NoFallback,
            DriverMissing("/bin/pledge"),
            NoExePath,
            ExeNotUtf8,
            NotUtf8(".gitignore"),
            CannotRead(".gitignore"),
            Added {
                file: ".gitignore",
                lines: ".pledge.lock",
                dry_run: true,
            },
            AlreadyHas {
                file: ".gitignore",
                lines: ".pledge.lock",
            },
            DriverFor {
                bin: "/bin/pledge",
                dry_run: true,
            },
            NotSetUp("x"),
            Overridden,
            CommitThem(&[".gitattributes", ".gitignore"]),
            NothingToCommit,
            SetUp(2),
            RunSetup,
            ValidateWarning {
                first: "x",
                more: 1,
            },
        ]
    }

    #[test]
    fn every_message_reads_differently_in_each_language() {
        let all = every();
        use GitMsg::*;
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&all, 26, |m| match m {
            CannotRunGit => 0,
            CannotReadGitOutput => 1,
            GitDidNotFinish => 2,
            GitFailed { .. } => 3,
            NotInWorkTree(_) => 4,
            NotBelowTop { .. } => 5,
            Uncovered { .. } => 6,
            ProbeUncovered(_) => 7,
            NoDriver => 8,
            NameWithoutDriver => 9,
            NoFallback => 10,
            DriverMissing(_) => 11,
            NoExePath => 12,
            ExeNotUtf8 => 13,
            NotUtf8(_) => 14,
            CannotRead(_) => 15,
            Added { .. } => 16,
            AlreadyHas { .. } => 17,
            DriverFor { .. } => 18,
            NotSetUp(_) => 19,
            Overridden => 20,
            CommitThem(_) => 21,
            NothingToCommit => 22,
            SetUp(_) => 23,
            RunSetup => 24,
            ValidateWarning { .. } => 25,
        });
    }

    #[test]
    fn commit_is_said_as_git_says_it() {
        assert_eq!(
            GitMsg::CommitThem(&[".gitattributes"]).say(Lang::Sv),
            "checka in .gitattributes; var och en kör `pledge git setup` en gång i sin egen klon"
        );
    }
}
