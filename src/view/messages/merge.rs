//! The messages of `verify-merge` and the merge driver, one exhaustive match per language
//! ([`MergeMsg::en`], [`MergeMsg::sv`]), commit and merge said as git's Swedish says them
//! ("commit", "sammanslagning", "checka in").
//!
//! Each match is longer than a function should be because it holds every message of its area,
//! one arm each; splitting it would only scatter a language's words.

use chrono::NaiveDate;

use super::Words;
use super::grammar::s;

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

/// A message of `verify-merge` or the merge driver, with what it names (paths, revisions
/// and subjects already made safe to print).
#[derive(Debug, Clone, PartialEq)]
pub enum MergeMsg<'a> {
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
    /// The driver command's own line when the binary did not run: `sh` echoes it inside
    /// double quotes, so it names `$pledge_bin` and `$s` and holds no `"`, `` ` ``, `\` or
    /// other `$`.
    DriverDidNotRun,
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

impl Words for MergeMsg<'_> {
    type Text = String;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> String {
        use MergeMsg::*;
        match self {
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
            DriverDidNotRun => "pledge merge driver: $pledge_bin did not run (exit $s); git \
                                merge-file marks the conflict instead; run pledge git check"
                .into(),
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

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> String {
        use MergeMsg::*;
        match self {
            UnknownRevision(r) => format!("okänd revision {r}"),
            NoParent(r) => format!("{r} har ingen förälder; ange BASE och HEAD"),
            GiveBaseAndHead => "ange BASE och HEAD, eller en enda commit".into(),
            NotAncestor { base, head } => format!(
                "{base} är inte en förfader till {head}: ange den commit grenen hade innan (för en \
                 pull request: dess merge-commit eller `git merge-base`)"
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
            DriverDidNotRun => "pledges sammanslagningsdrivrutin: $pledge_bin kördes inte \
                                (slutkod $s); git merge-file markerar konflikten i stället; kör \
                                pledge git check"
                .into(),
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
    use crate::view::i18n::Lang;
    use crate::view::messages::each_reads_differently;

    /// One of every message.
    fn every() -> Vec<MergeMsg<'static>> {
        use MergeMsg::*;
        let d = NaiveDate::from_ymd_opt(2016, 5, 12).unwrap();
        vec![
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
            DriverDidNotRun,
        ]
    }

    #[test]
    fn every_message_reads_differently_in_each_language() {
        use MergeMsg::*;
        // Exhaustive: a new message fails to compile here until it is numbered and listed.
        each_reads_differently(&every(), 23, |m| match m {
            UnknownRevision(_) => 0,
            NoParent(_) => 1,
            GiveBaseAndHead => 2,
            NotAncestor { .. } => 3,
            DoesNotValidate(_) => 4,
            Lost { .. } => 5,
            NotLoaded { .. } => 6,
            NothingLost { .. } => 7,
            LostSummary { .. } => 8,
            WouldNotValidate => 9,
            FallingBack => 10,
            MergeFileFailed(_) => 11,
            CannotRunMergeFile => 12,
            NoTempDir => 13,
            CannotWrite(_) => 14,
            MergeFileNotUtf8 => 15,
            HeadMarked => 16,
            SideInvalid(_) => 17,
            LogNotLast(_) => 18,
            BothChangedHead => 19,
            BothChangedEntries { .. } => 20,
            LogRemoved(_) => 21,
            DriverDidNotRun => 22,
        });
        // The driver's line is echoed inside double quotes by sh.
        for lang in [Lang::En, Lang::Sv] {
            let line = MergeMsg::DriverDidNotRun.say(lang);
            assert!(!line.contains(['"', '`', '\\']), "{line}");
            let vars: Vec<&str> = line.match_indices('$').map(|(i, _)| &line[i..]).collect();
            assert!(
                vars.iter()
                    .all(|v| v.starts_with("$pledge_bin") || v.starts_with("$s)")),
                "{line}"
            );
        }
    }

    #[test]
    fn swedish_counts_agree() {
        let one = MergeMsg::LostSummary {
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
    }
}
