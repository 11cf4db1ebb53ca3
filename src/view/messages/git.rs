//! The messages of `git setup`, `git check`, `verify-merge` and the merge driver, one
//! exhaustive match per language ([`GitMsg::en`], [`GitMsg::sv`]). Swedish follows git's own
//! Swedish words where it has them: "checka in" (commit), "sammanslagning" (merge),
//! "arbetskatalog" (work tree), "arkiv" (repository).

use chrono::NaiveDate;

use super::s;
use crate::view::i18n::Lang;

/// What a lost entry of `verify-merge` was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LostKind {
    /// A log entry of the activity.
    Entry,
    /// A measurement of the indicator.
    Measurement,
    /// A verdict on the activity.
    Verdict,
}

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
    UnknownRevision(&'a str),
    NoParent(&'a str),
    GiveBaseAndHead,
    NotAncestor {
        base: &'a str,
        head: &'a str,
    },
    DoesNotValidate(&'a str),
    /// One loss: the file, what, of which activity or indicator, its date, who recorded it,
    /// how many copies, whether a merge dropped it, and the commit.
    Lost {
        file: &'a str,
        kind: LostKind,
        name: &'a str,
        date: &'a str,
        by: Option<&'a str>,
        copies: i64,
        merge: bool,
        commit: &'a str,
        subject: &'a str,
    },
    NotLoaded {
        file: &'a str,
        rev: &'a str,
    },
    NothingLost {
        base: &'a str,
        head: &'a str,
        commits: usize,
        compared: usize,
    },
    LostSummary {
        lost: i64,
        broken: usize,
        base: &'a str,
        head: &'a str,
        commits: usize,
    },
    WouldNotValidate,
    FallingBack,
    MergeFileFailed(&'a str),
    CannotRunMergeFile,
    NoTempDir,
    CannotWrite(&'a str),
    MergeFileNotUtf8,
    HeadMarked,
    /// One side ("base", "ours", "theirs") does not load.
    SideInvalid(&'a str),
    LogNotLast(&'a str),
    BothChangedHead,
    BothChangedEntries {
        date: NaiveDate,
        activity: &'a str,
    },
    LogRemoved(&'a str),
}

/// git's name of a side in Swedish.
fn side_sv(side: &str) -> &str {
    match side {
        "base" => "basen",
        "ours" => "vår sida",
        "theirs" => "deras sida",
        other => other,
    }
}

impl GitMsg<'_> {
    /// The message in the language.
    pub fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Sv => self.sv(),
        }
    }

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
            UnknownRevision(r) => format!("unknown revision {r}"),
            NoParent(r) => format!("{r} has no parent; give BASE and HEAD"),
            GiveBaseAndHead => "give BASE and HEAD, or one commit".into(),
            NotAncestor { base, head } => format!(
                "{base} is not an ancestor of {head}: give the commit the branch had before \
                 (for a pull request, its merge commit or `git merge-base`)"
            ),
            DoesNotValidate(f) => format!("{f}: does not validate"),
            Lost {
                file,
                kind,
                name,
                date,
                by,
                copies,
                merge,
                commit,
                subject,
            } => {
                let what = match kind {
                    LostKind::Entry => "log entry of",
                    LostKind::Measurement => "measurement of",
                    LostKind::Verdict => "verdict on",
                };
                let by = by.map(|b| format!(" by {b}")).unwrap_or_default();
                let copies = match copies {
                    1 => String::new(),
                    n => format!(" ({n} copies)"),
                };
                let how = if *merge {
                    "dropped by the merge"
                } else {
                    "removed, not by its author's undo,"
                };
                format!(
                    "{file}: {what} {name} of {date}{by}{copies} {how} in {commit} \"{subject}\":"
                )
            }
            NotLoaded { file, rev } => {
                format!("note: {file} does not load in {rev}; its entries there are not compared")
            }
            NothingLost {
                base,
                head,
                commits,
                compared,
            } => format!(
                "nothing lost ({base}..{head}, {commits} commit{}, {compared} file change{} \
                 compared)",
                s(*commits),
                s(*compared)
            ),
            LostSummary {
                lost,
                broken,
                base,
                head,
                commits,
            } => format!(
                "{lost} entr{} lost, {broken} file{} no longer valid ({base}..{head}, {commits} \
                 commit{}); write the lost entries back (as shown) and commit",
                if *lost == 1 { "y" } else { "ies" },
                s(*broken),
                s(*commits)
            ),
            WouldNotValidate => "the merged file would not validate".into(),
            FallingBack => "falling back to git merge-file".into(),
            MergeFileFailed(e) => format!("git merge-file failed: {e}"),
            CannotRunMergeFile => "cannot run git merge-file".into(),
            NoTempDir => "cannot create a temporary folder".into(),
            CannotWrite(p) => format!("cannot write {p}"),
            MergeFileNotUtf8 => "git merge-file wrote invalid UTF-8".into(),
            HeadMarked => "both sides changed the löfte itself; the log entries are merged, the \
                           head has conflict markers where the two sides differ"
                .into(),
            SideInvalid(w) => format!("{w} does not validate"),
            LogNotLast(w) => format!("in {w}, other tables follow the log"),
            BothChangedHead => "both sides changed the löfte itself".into(),
            BothChangedEntries { date, activity } => {
                format!("both sides changed the log entries of {date} ({activity}) differently")
            }
            LogRemoved(w) => format!("{w} removed every log entry of the base"),
        }
    }

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
                format!("löftesmappen {dir} ligger inte under arbetskatalogens topp {top}")
            }
            Uncovered { first, more } => format!(
                "{first}{}: .gitattributes ger ingen `merge=pledge`, så git slår ihop rad för rad",
                match more {
                    0 => String::new(),
                    n => format!(" och {n} till"),
                }
            ),
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
            UnknownRevision(r) => format!("okänd revision {r}"),
            NoParent(r) => format!("{r} har ingen förälder; ange BASE och HEAD"),
            GiveBaseAndHead => "ange BASE och HEAD, eller en enda commit".into(),
            NotAncestor { base, head } => format!(
                "{base} kommer inte före {head}: ange den commit grenen hade innan (för en pull \
                 request dess merge-commit eller `git merge-base`)"
            ),
            DoesNotValidate(f) => format!("{f}: klarar inte valideringen"),
            Lost {
                file,
                kind,
                name,
                date,
                by,
                copies,
                merge,
                commit,
                subject,
            } => {
                let what = match kind {
                    LostKind::Entry => "posten för",
                    LostKind::Measurement => "mätningen av",
                    LostKind::Verdict => "bedömningen av",
                };
                let by = by
                    .map(|b| format!(", registrerad av {b}"))
                    .unwrap_or_default();
                let copies = match copies {
                    1 => String::new(),
                    n => format!(" ({n} exemplar)"),
                };
                let at = format!("{commit} \"{subject}\"");
                let how = if *merge {
                    format!("försvann i sammanslagningen {at}")
                } else {
                    format!("togs bort i {at}, inte med undo av den som registrerade den")
                };
                format!("{file}: {what} {name} från {date}{by}{copies} {how}:")
            }
            NotLoaded { file, rev } => {
                format!("obs: {file} går inte att läsa i {rev}; dess poster där jämförs inte")
            }
            NothingLost {
                base,
                head,
                commits,
                compared,
            } => format!(
                "inget har försvunnit ({base}..{head}, {commits} {}, {compared} {} jämförda)",
                if *commits == 1 { "commit" } else { "commits" },
                if *compared == 1 {
                    "filändring"
                } else {
                    "filändringar"
                }
            ),
            LostSummary {
                lost,
                broken,
                base,
                head,
                commits,
            } => format!(
                "{lost} {} försvunnit och {broken} {} ({base}..{head}, {commits} {}); skriv \
                 tillbaka de försvunna posterna (som de visas ovan) och checka in",
                if *lost == 1 { "post har" } else { "poster har" },
                if *broken == 1 {
                    "fil har blivit ogiltig"
                } else {
                    "filer har blivit ogiltiga"
                },
                if *commits == 1 { "commit" } else { "commits" }
            ),
            WouldNotValidate => "den sammanslagna filen skulle inte klara valideringen".into(),
            FallingBack => "låter git merge-file slå ihop filen i stället".into(),
            MergeFileFailed(e) => format!("git merge-file misslyckades: {e}"),
            CannotRunMergeFile => "kan inte köra git merge-file".into(),
            NoTempDir => "kan inte skapa en tillfällig mapp".into(),
            CannotWrite(p) => format!("kan inte skriva {p}"),
            MergeFileNotUtf8 => "git merge-file skrev ogiltig UTF-8".into(),
            HeadMarked => "båda sidor har ändrat själva löftet; posterna är sammanslagna, och \
                           löftets text har konfliktmarkeringar där sidorna skiljer sig åt"
                .into(),
            SideInvalid(w) => format!("{} klarar inte valideringen", side_sv(w)),
            LogNotLast(w) => format!("i {} kommer andra tabeller efter loggen", side_sv(w)),
            BothChangedHead => "båda sidor har ändrat själva löftet".into(),
            BothChangedEntries { date, activity } => {
                format!("båda sidor har ändrat posterna från {date} ({activity}) på olika sätt")
            }
            LogRemoved(w) => format!("{} tog bort alla poster som fanns i basen", side_sv(w)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every message; the match in the loop makes a new variant fail to compile here
    /// until it is listed.
    fn every() -> Vec<GitMsg<'static>> {
        use GitMsg::*;
        let d = NaiveDate::from_ymd_opt(2016, 5, 12).unwrap();
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
            UnknownRevision("x"),
            NoParent("x"),
            GiveBaseAndHead,
            NotAncestor {
                base: "a",
                head: "b",
            },
            DoesNotValidate("a.toml"),
            Lost {
                file: "a.toml",
                kind: LostKind::Measurement,
                name: "trygghet",
                date: "2016-05-12",
                by: Some("Bo"),
                copies: 2,
                merge: true,
                commit: "abc",
                subject: "Merge",
            },
            NotLoaded {
                file: "a.toml",
                rev: "abc",
            },
            NothingLost {
                base: "a",
                head: "b",
                commits: 2,
                compared: 3,
            },
            LostSummary {
                lost: 2,
                broken: 1,
                base: "a",
                head: "b",
                commits: 2,
            },
            WouldNotValidate,
            FallingBack,
            MergeFileFailed("x"),
            CannotRunMergeFile,
            NoTempDir,
            CannotWrite("x"),
            MergeFileNotUtf8,
            HeadMarked,
            SideInvalid("ours"),
            LogNotLast("theirs"),
            BothChangedHead,
            BothChangedEntries {
                date: d,
                activity: "a",
            },
            LogRemoved("ours"),
        ]
    }

    #[test]
    fn every_message_reads_differently_in_each_language() {
        let all = every();
        let mut seen = std::collections::BTreeSet::new();
        for m in &all {
            use GitMsg::*;
            let n = match m {
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
                UnknownRevision(_) => 26,
                NoParent(_) => 27,
                GiveBaseAndHead => 28,
                NotAncestor { .. } => 29,
                DoesNotValidate(_) => 30,
                Lost { .. } => 31,
                NotLoaded { .. } => 32,
                NothingLost { .. } => 33,
                LostSummary { .. } => 34,
                WouldNotValidate => 35,
                FallingBack => 36,
                MergeFileFailed(_) => 37,
                CannotRunMergeFile => 38,
                NoTempDir => 39,
                CannotWrite(_) => 40,
                MergeFileNotUtf8 => 41,
                HeadMarked => 42,
                SideInvalid(_) => 43,
                LogNotLast(_) => 44,
                BothChangedHead => 45,
                BothChangedEntries { .. } => 46,
                LogRemoved(_) => 47,
            };
            seen.insert(n);
            let (en, sv) = (m.say(Lang::En), m.say(Lang::Sv));
            assert!(!en.trim().is_empty() && !sv.trim().is_empty(), "{m:?}");
            assert_ne!(en, sv, "{m:?} is not translated");
        }
        assert_eq!(seen.len(), 48, "one sample of each message");
    }

    #[test]
    fn swedish_counts_agree_and_commit_is_said_as_git_says_it() {
        let one = GitMsg::LostSummary {
            lost: 1,
            broken: 1,
            base: "a",
            head: "b",
            commits: 1,
        };
        assert_eq!(
            one.say(Lang::Sv),
            "1 post har försvunnit och 1 fil har blivit ogiltig (a..b, 1 commit); skriv \
             tillbaka de försvunna posterna (som de visas ovan) och checka in"
        );
        assert_eq!(
            GitMsg::CommitThem(&[".gitattributes"]).say(Lang::Sv),
            "checka in .gitattributes; var och en kör `pledge git setup` en gång i sin egen klon"
        );
    }
}
