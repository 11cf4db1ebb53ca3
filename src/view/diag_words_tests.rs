//! The words of every diagnostic: both languages, each reading differently; English exactly as
//! pledge has always printed it.

use chrono::{NaiveDate, Weekday};

use super::*;
use crate::load::says::{Copies, Counted, Expected, Says, SomeOf, Span, Table, Type, Why};

fn d() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 5, 12).unwrap()
}

/// One of every message, with arguments.
fn every() -> Vec<Says> {
    vec![
        Says::NotUtf8 {
            byte: 0xff,
            offset: 3,
        },
        Says::SaveAsUtf8,
        Says::CannotRead {
            error: "x".to_string(),
        },
        Says::CannotReadFolder,
        Says::NotRegularFile,
        Says::TooLarge {
            megabytes: 2.5,
            limit_mib: 30000,
        },
        Says::TooLargeHint,
        Says::InvalidToml {
            detail: "x".to_string(),
        },
        Says::TomlDateHint,
        Says::TomlDuplicateHint,
        Says::TomlQuotesHint,
        Says::ConflictMarker { marker: "per" },
        Says::ConflictHint,
        Says::UnknownKey {
            key: "x".to_string(),
            table: Table::Activity,
        },
        Says::KeysOf {
            table: Table::Activity,
            keys: vec!["a", "b"],
        },
        Says::DidYouMean(vec!["`a`".into(), "`b`".into()]),
        Says::DidYouMeanOr(vec!["`a`".into(), "`b`".into()]),
        Says::MissingKey {
            key: "x".to_string(),
            table: Table::Activity,
        },
        Says::AddKey {
            key: "x".to_string(),
            example: "x".to_string(),
        },
        Says::AddKommun,
        Says::WrongType {
            key: "x".to_string(),
            expected: Expected::WholeNumber,
            found: Type::Integer,
        },
        Says::WriteAs {
            key: "x".to_string(),
            example: "x".to_string(),
        },
        Says::Empty {
            key: "x".to_string(),
        },
        Says::WriteOrRemove {
            key: "x".to_string(),
        },
        Says::CountRange {
            what: Counted::Target,
            max: 4,
            found: "x".to_string(),
        },
        Says::TargetCountHint,
        Says::LogCountHint,
        Says::NotInCalendar {
            key: "x".to_string(),
        },
        Says::DateWithTime {
            key: "x".to_string(),
        },
        Says::QuotedDate {
            key: "x".to_string(),
        },
        Says::QuotedNumber {
            key: "x".to_string(),
        },
        Says::RemoveQuotes {
            key: "x".to_string(),
            value: "x".to_string(),
        },
        Says::NotArrayOfTables {
            key: "x".to_string(),
        },
        Says::EachUnderHeader {
            key: "x".to_string(),
        },
        Says::NotOneOf {
            key: "x".to_string(),
            names: vec!["a", "b"],
            found: "x".to_string(),
        },
        Says::NoActivities,
        Says::AddActivity,
        Says::NoFollowup,
        Says::AddFollowup,
        Says::EventIsActivity {
            id: "x".to_string(),
        },
        Says::EventIdOwn,
        Says::TooManyWindows {
            asked: 30000,
            max: 30000,
        },
        Says::TooManyWindowsHint,
        Says::EarlyFollowup {
            date: d(),
            from: d(),
        },
        Says::EarlyFollowupHint,
        Says::UnknownKommun {
            name: "x".to_string(),
        },
        Says::KommunNamesHint,
        Says::NameOneKommun,
        Says::ListedTwice {
            name: "x".to_string(),
        },
        Says::KommunAndKommuner,
        Says::KommunOrKommuner,
        Says::PeriodReversed {
            start: d(),
            end: d(),
        },
        Says::PeriodEndInclusive,
        Says::PeriodTooLong {
            start: d(),
            end: d(),
            years: 4,
        },
        Says::PeriodYearsHint,
        Says::SigningNotGiven,
        Says::SigningHint,
        Says::ProblemSaysNothing,
        Says::ProblemHint,
        Says::EventIdNotWord {
            id: "x".to_string(),
        },
        Says::ActivityIdNotWord {
            id: "x".to_string(),
        },
        Says::PartIdNotWord {
            id: "x".to_string(),
        },
        Says::IdWordHint {
            slug: "x".to_string(),
            event: true,
        },
        Says::DuplicateEvent {
            id: "x".to_string(),
        },
        Says::EventIdsUnique,
        Says::ReservedActivityId {
            id: "x".to_string(),
        },
        Says::ReservedHint,
        Says::DuplicateActivity {
            id: "x".to_string(),
        },
        Says::ActivityIdsUnique,
        Says::DuplicatePart {
            id: "x".to_string(),
        },
        Says::PartIdsUnique,
        Says::IndicatorIdNotWord {
            id: "x".to_string(),
        },
        Says::IndicatorIdHint,
        Says::NoOwner {
            id: Some("walk".into()),
        },
        Says::AddOwner,
        Says::UnknownFollowupTime {
            when: "x".to_string(),
        },
        Says::FollowupTimeHint,
        Says::FrameReversed {
            from: d(),
            until: d(),
        },
        Says::FrameHint,
        Says::OutsidePeriod {
            key: "per",
            date: d(),
            period: Span {
                start: Some(d()),
                end: d(),
            },
        },
        Says::OutsidePeriodHint,
        Says::UnitsEmptyHint,
        Says::UnitTwice {
            unit: "x".to_string(),
        },
        Says::UnitOnce,
        Says::PartsHaveTargets,
        Says::MoveTarget,
        Says::UnitsOrParts,
        Says::UnitsOrPartsHint,
        Says::UnknownTarget {
            target: "x".to_string(),
        },
        Says::TargetWordsHint {
            did_you_mean: Some(Box::new(Says::DidYouMean(vec!["`once`".into()]))),
        },
        Says::BothKinds { a: "per", b: "per" },
        Says::OneKindHint,
        Says::SlotKey { key: "per" },
        Says::SlotOrCountHint,
        Says::GraceNotOccurrence,
        Says::GraceHint,
        Says::GraceRange { max: 4 },
        Says::GraceDaysHint,
        Says::UnknownWindow {
            window: "x".to_string(),
        },
        Says::PerIsOneOf {
            names: vec!["a", "b"],
        },
        Says::OnEmpty,
        Says::OnListHint,
        Says::OnOutside {
            date: d(),
            frame: Span {
                start: Some(d()),
                end: d(),
            },
        },
        Says::OnOutsideHint,
        Says::SlotHas { key: "per" },
        Says::SlotHint,
        Says::UnknownWeekday {
            name: "x".to_string(),
        },
        Says::WeekdayHint,
        Says::ExceptHolidays,
        Says::ExceptHint,
        Says::OwnOccurrences {
            id: "x".to_string(),
        },
        Says::EachOtherHint,
        Says::EachUnknown {
            id: "x".to_string(),
        },
        Says::EachUnknownHint {
            first: Box::new(Says::ActivitiesAre {
                names: vec!["a".into()],
            }),
        },
        Says::ActivitiesAre {
            names: vec!["a".into(), "b".into()],
        },
        Says::ActivityAndEvent,
        Says::TwoEntries,
        Says::LogNotTables,
        Says::RemoveEmptyLog,
        Says::LogEachUnder,
        Says::UnknownEvent {
            event: "x".to_string(),
        },
        Says::DeclareEvent,
        Says::EventsAre {
            names: vec!["a".into(), "b".into()],
        },
        Says::NoSlot {
            id: Some("walk".into()),
        },
        Says::NoSlotHint,
        Says::OffSlot {
            id: Some("walk".into()),
            date: d(),
            day: Weekday::Tue,
            slot: Weekday::Tue,
        },
        Says::OffSlotHint,
        Says::UnknownEntryActivity {
            activity: "x".to_string(),
        },
        Says::EntryInFuture { date: d() },
        Says::FutureHint,
        Says::WorkOutside {
            activity: "x".to_string(),
            date: d(),
            period: Span {
                start: Some(d()),
                end: d(),
            },
        },
        Says::WorkOutsideHint,
        Says::NoParts {
            id: "x".to_string(),
            part: "x".to_string(),
        },
        Says::NoPartsHint,
        Says::UnknownPart {
            part: "x".to_string(),
            id: "x".to_string(),
        },
        Says::PartsAre {
            id: "x".to_string(),
            names: SomeOf {
                shown: vec!["a".into(), "b".into()],
                total: 12,
            },
        },
        Says::WhichPart {
            id: "x".to_string(),
        },
        Says::AddPart {
            first: "x".to_string(),
            names: SomeOf {
                shown: vec!["a".into(), "b".into()],
                total: 12,
            },
        },
        Says::NoUnits {
            id: "x".to_string(),
            unit: "x".to_string(),
        },
        Says::NoUnitsHint,
        Says::UnknownUnit {
            unit: "x".to_string(),
            id: "x".to_string(),
        },
        Says::UnitsAre {
            id: "x".to_string(),
            names: SomeOf {
                shown: vec!["a".into(), "b".into()],
                total: 12,
            },
        },
        Says::WhichUnit {
            id: "x".to_string(),
        },
        Says::AddUnit {
            first: "x".to_string(),
            names: SomeOf {
                shown: vec!["a".into(), "b".into()],
                total: 12,
            },
        },
        Says::KommunOnOne,
        Says::KommunOnOneHint,
        Says::NotLofteKommun {
            name: "x".to_string(),
        },
        Says::KommunerAre {
            names: vec!["a".into(), "b".into()],
        },
        Says::RequestNotOnRequest {
            id: Some("walk".into()),
        },
        Says::RequestHint,
        Says::Outcome(Kind::EmptyReason),
        Says::VerdictReasonHint,
        Says::BaselineDateAndYear,
        Says::BaselineHint,
        Says::YearNotYear,
        Says::NotKoladaId {
            id: "x".to_string(),
        },
        Says::KoladaUpper {
            id: "x".to_string(),
        },
        Says::KoladaIdHint,
        Says::SourceNoKolada,
        Says::SourceHint { example: "per" },
        Says::GenderNotTkm {
            found: "x".to_string(),
        },
        Says::GenderHint,
        Says::CompareTwice {
            name: "x".to_string(),
        },
        Says::CompareOnce,
        Says::CompareItem {
            n: 3,
            found: "x".to_string(),
        },
        Says::CompareHint,
        Says::GoalNotNumber {
            found: "x".to_string(),
        },
        Says::GoalHint,
        Says::UnknownCadence {
            cadence: "x".to_string(),
        },
        Says::CadenceHint,
        Says::CadenceTableOneKey,
        Says::YearsNotWhole,
        Says::Overlaps {
            kommuner: vec!["a".into(), "b".into()],
            file: "x".to_string(),
            start: d(),
            end: d(),
            copies: Some(Copies {
                count: 2,
                shown: vec!["b.toml".into()],
                cut: false,
            }),
        },
        Says::CopiesHint,
        Says::OverlapHint,
    ]
}

/// The variant's name: exhaustive, so a new message fails to compile here until it is added
/// to [`every`] (and [`VARIANTS`] counts it).
fn name(s: &Says) -> &'static str {
    use Says::*;
    match s {
        NotUtf8 { .. } => "NotUtf8",
        SaveAsUtf8 => "SaveAsUtf8",
        CannotRead { .. } => "CannotRead",
        CannotReadFolder => "CannotReadFolder",
        NotRegularFile => "NotRegularFile",
        TooLarge { .. } => "TooLarge",
        TooLargeHint => "TooLargeHint",
        InvalidToml { .. } => "InvalidToml",
        TomlDateHint => "TomlDateHint",
        TomlDuplicateHint => "TomlDuplicateHint",
        TomlQuotesHint => "TomlQuotesHint",
        ConflictMarker { .. } => "ConflictMarker",
        ConflictHint => "ConflictHint",
        UnknownKey { .. } => "UnknownKey",
        KeysOf { .. } => "KeysOf",
        DidYouMean(_) => "DidYouMean",
        DidYouMeanOr(_) => "DidYouMeanOr",
        MissingKey { .. } => "MissingKey",
        AddKey { .. } => "AddKey",
        AddKommun => "AddKommun",
        WrongType { .. } => "WrongType",
        WriteAs { .. } => "WriteAs",
        Empty { .. } => "Empty",
        WriteOrRemove { .. } => "WriteOrRemove",
        CountRange { .. } => "CountRange",
        TargetCountHint => "TargetCountHint",
        LogCountHint => "LogCountHint",
        NotInCalendar { .. } => "NotInCalendar",
        DateWithTime { .. } => "DateWithTime",
        QuotedDate { .. } => "QuotedDate",
        QuotedNumber { .. } => "QuotedNumber",
        RemoveQuotes { .. } => "RemoveQuotes",
        NotArrayOfTables { .. } => "NotArrayOfTables",
        EachUnderHeader { .. } => "EachUnderHeader",
        NotOneOf { .. } => "NotOneOf",
        NoActivities => "NoActivities",
        AddActivity => "AddActivity",
        NoFollowup => "NoFollowup",
        AddFollowup => "AddFollowup",
        EventIsActivity { .. } => "EventIsActivity",
        EventIdOwn => "EventIdOwn",
        TooManyWindows { .. } => "TooManyWindows",
        TooManyWindowsHint => "TooManyWindowsHint",
        EarlyFollowup { .. } => "EarlyFollowup",
        EarlyFollowupHint => "EarlyFollowupHint",
        UnknownKommun { .. } => "UnknownKommun",
        KommunNamesHint => "KommunNamesHint",
        NameOneKommun => "NameOneKommun",
        ListedTwice { .. } => "ListedTwice",
        KommunAndKommuner => "KommunAndKommuner",
        KommunOrKommuner => "KommunOrKommuner",
        PeriodReversed { .. } => "PeriodReversed",
        PeriodEndInclusive => "PeriodEndInclusive",
        PeriodTooLong { .. } => "PeriodTooLong",
        PeriodYearsHint => "PeriodYearsHint",
        SigningNotGiven => "SigningNotGiven",
        SigningHint => "SigningHint",
        ProblemSaysNothing => "ProblemSaysNothing",
        ProblemHint => "ProblemHint",
        EventIdNotWord { .. } => "EventIdNotWord",
        ActivityIdNotWord { .. } => "ActivityIdNotWord",
        PartIdNotWord { .. } => "PartIdNotWord",
        IdWordHint { .. } => "IdWordHint",
        DuplicateEvent { .. } => "DuplicateEvent",
        EventIdsUnique => "EventIdsUnique",
        ReservedActivityId { .. } => "ReservedActivityId",
        ReservedHint => "ReservedHint",
        DuplicateActivity { .. } => "DuplicateActivity",
        ActivityIdsUnique => "ActivityIdsUnique",
        DuplicatePart { .. } => "DuplicatePart",
        PartIdsUnique => "PartIdsUnique",
        IndicatorIdNotWord { .. } => "IndicatorIdNotWord",
        IndicatorIdHint => "IndicatorIdHint",
        NoOwner { .. } => "NoOwner",
        AddOwner => "AddOwner",
        UnknownFollowupTime { .. } => "UnknownFollowupTime",
        FollowupTimeHint => "FollowupTimeHint",
        FrameReversed { .. } => "FrameReversed",
        FrameHint => "FrameHint",
        OutsidePeriod { .. } => "OutsidePeriod",
        OutsidePeriodHint => "OutsidePeriodHint",
        UnitsEmptyHint => "UnitsEmptyHint",
        UnitTwice { .. } => "UnitTwice",
        UnitOnce => "UnitOnce",
        PartsHaveTargets => "PartsHaveTargets",
        MoveTarget => "MoveTarget",
        UnitsOrParts => "UnitsOrParts",
        UnitsOrPartsHint => "UnitsOrPartsHint",
        UnknownTarget { .. } => "UnknownTarget",
        TargetWordsHint { .. } => "TargetWordsHint",
        BothKinds { .. } => "BothKinds",
        OneKindHint => "OneKindHint",
        SlotKey { .. } => "SlotKey",
        SlotOrCountHint => "SlotOrCountHint",
        GraceNotOccurrence => "GraceNotOccurrence",
        GraceHint => "GraceHint",
        GraceRange { .. } => "GraceRange",
        GraceDaysHint => "GraceDaysHint",
        UnknownWindow { .. } => "UnknownWindow",
        PerIsOneOf { .. } => "PerIsOneOf",
        OnEmpty => "OnEmpty",
        OnListHint => "OnListHint",
        OnOutside { .. } => "OnOutside",
        OnOutsideHint => "OnOutsideHint",
        SlotHas { .. } => "SlotHas",
        SlotHint => "SlotHint",
        UnknownWeekday { .. } => "UnknownWeekday",
        WeekdayHint => "WeekdayHint",
        ExceptHolidays => "ExceptHolidays",
        ExceptHint => "ExceptHint",
        OwnOccurrences { .. } => "OwnOccurrences",
        EachOtherHint => "EachOtherHint",
        EachUnknown { .. } => "EachUnknown",
        EachUnknownHint { .. } => "EachUnknownHint",
        ActivitiesAre { .. } => "ActivitiesAre",
        ActivityAndEvent => "ActivityAndEvent",
        TwoEntries => "TwoEntries",
        LogNotTables => "LogNotTables",
        RemoveEmptyLog => "RemoveEmptyLog",
        LogEachUnder => "LogEachUnder",
        UnknownEvent { .. } => "UnknownEvent",
        DeclareEvent => "DeclareEvent",
        EventsAre { .. } => "EventsAre",
        NoSlot { .. } => "NoSlot",
        NoSlotHint => "NoSlotHint",
        OffSlot { .. } => "OffSlot",
        OffSlotHint => "OffSlotHint",
        UnknownEntryActivity { .. } => "UnknownEntryActivity",
        EntryInFuture { .. } => "EntryInFuture",
        FutureHint => "FutureHint",
        WorkOutside { .. } => "WorkOutside",
        WorkOutsideHint => "WorkOutsideHint",
        NoParts { .. } => "NoParts",
        NoPartsHint => "NoPartsHint",
        UnknownPart { .. } => "UnknownPart",
        PartsAre { .. } => "PartsAre",
        WhichPart { .. } => "WhichPart",
        AddPart { .. } => "AddPart",
        NoUnits { .. } => "NoUnits",
        NoUnitsHint => "NoUnitsHint",
        UnknownUnit { .. } => "UnknownUnit",
        UnitsAre { .. } => "UnitsAre",
        WhichUnit { .. } => "WhichUnit",
        AddUnit { .. } => "AddUnit",
        KommunOnOne => "KommunOnOne",
        KommunOnOneHint => "KommunOnOneHint",
        NotLofteKommun { .. } => "NotLofteKommun",
        KommunerAre { .. } => "KommunerAre",
        RequestNotOnRequest { .. } => "RequestNotOnRequest",
        RequestHint => "RequestHint",
        Outcome(_) => "Outcome",
        VerdictReasonHint => "VerdictReasonHint",
        BaselineDateAndYear => "BaselineDateAndYear",
        BaselineHint => "BaselineHint",
        YearNotYear => "YearNotYear",
        NotKoladaId { .. } => "NotKoladaId",
        KoladaUpper { .. } => "KoladaUpper",
        KoladaIdHint => "KoladaIdHint",
        SourceNoKolada => "SourceNoKolada",
        SourceHint { .. } => "SourceHint",
        GenderNotTkm { .. } => "GenderNotTkm",
        GenderHint => "GenderHint",
        CompareTwice { .. } => "CompareTwice",
        CompareOnce => "CompareOnce",
        CompareItem { .. } => "CompareItem",
        CompareHint => "CompareHint",
        GoalNotNumber { .. } => "GoalNotNumber",
        GoalHint => "GoalHint",
        UnknownCadence { .. } => "UnknownCadence",
        CadenceHint => "CadenceHint",
        CadenceTableOneKey => "CadenceTableOneKey",
        YearsNotWhole => "YearsNotWhole",
        Overlaps { .. } => "Overlaps",
        CopiesHint => "CopiesHint",
        OverlapHint => "OverlapHint",
    }
}

const VARIANTS: usize = 175;

#[test]
fn every_message_is_listed_once() {
    let mut names: Vec<&str> = every().iter().map(name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), VARIANTS);
    assert_eq!(every().len(), VARIANTS);
}

#[test]
fn every_message_reads_differently_in_each_language() {
    for s in every() {
        let (en, sv) = (say(&s, Lang::En), say(&s, Lang::Sv));
        assert!(!en.is_empty() && !sv.is_empty(), "{s:?}");
        assert_ne!(en, sv, "{}: the same in both languages", name(&s));
    }
}

#[test]
fn every_outcome_problem_reads_differently_in_each_language() {
    use crate::model::outcome::Direction;
    let kinds = [
        Kind::DuplicateIndicator { id: "a".into() },
        Kind::GoalWrongSide {
            goal: 14.0,
            baseline: 12.0,
            direction: Direction::Lower,
        },
        Kind::NotFinite { value: f64::NAN },
        Kind::OutOfRange { value: 1e13 },
        Kind::NegativeTolerance { tolerance: -1.0 },
        Kind::CadenceZero,
        Kind::CadenceOneYear,
        Kind::CadenceLongerThanPeriod { years: 5 },
        Kind::UnknownActivity {
            id: "a".into(),
            close: vec![],
        },
        Kind::UnknownIndicator {
            id: "a".into(),
            close: vec![],
        },
        Kind::PercentOutOfRange { value: 120.0 },
        Kind::InFuture { date: d() },
        Kind::VerdictBeforeDue {
            date: d(),
            due_from: d(),
        },
        Kind::EmptyReason,
    ];
    for k in kinds {
        let s = Says::Outcome(k);
        assert_ne!(say(&s, Lang::En), say(&s, Lang::Sv), "{s:?}");
    }
}

#[test]
fn the_outcome_problems_in_english() {
    use crate::model::outcome::Direction;
    let en = |k: Kind| say(&Says::Outcome(k), Lang::En);
    assert_eq!(
        en(Kind::GoalWrongSide {
            goal: 14.0,
            baseline: 12.0,
            direction: Direction::Lower
        }),
        "the goal 14 is worse than the baseline 12 for an indicator where lower is better"
    );
    assert_eq!(
        en(Kind::UnknownIndicator {
            id: "drogr".into(),
            close: vec!["droger".into()]
        }),
        "unknown indicator `drogr`"
    );
    assert_eq!(
        en(Kind::VerdictBeforeDue {
            date: NaiveDate::from_ymd_opt(2018, 11, 30).unwrap(),
            due_from: NaiveDate::from_ymd_opt(2018, 12, 1).unwrap()
        }),
        "a verdict dated 2018-11-30, before the follow-up is due (from 2018-12-01)"
    );
    let hint = crate::load::problems::Problem {
        at: crate::load::problems::At::Measurement(0, "indicator"),
        kind: Kind::UnknownIndicator {
            id: "drogr".into(),
            close: vec!["droger".into()],
        },
    }
    .hint()
    .unwrap();
    assert_eq!(say(&hint, Lang::En), "did you mean `droger`?");
}

#[test]
fn why_a_file_cannot_be_read_in_both_languages() {
    let w = Why::Markers(vec![2, 4, 6]);
    assert_eq!(why(&w, Lang::En), "conflict markers at lines 2, 4 and 6");
    assert_eq!(
        why(&w, Lang::Sv),
        "konfliktmarkeringar på raderna 2, 4 och 6"
    );
    let one = Why::Markers(vec![3]);
    assert_eq!(why(&one, Lang::En), "conflict markers at line 3");
    let e = Why::Error {
        line: Some(2),
        says: Says::InvalidToml { detail: "x".into() },
    };
    assert_eq!(why(&e, Lang::En), "line 2: invalid TOML: x");
    assert_eq!(why(&e, Lang::Sv), "rad 2: ogiltig TOML: x");
    assert_ne!(
        why(&Why::DoesNotLoad, Lang::En),
        why(&Why::DoesNotLoad, Lang::Sv)
    );
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let text = "title = \"\"\nkommun = \"Nowhere\"\nperod = 1\n[period]\nstart = \"2016-01-01\"\nend = 2016-12-31\n";
    let l = crate::load::load("t.toml", text, NaiveDate::MAX);
    let messages: Vec<String> = l.diags.iter().map(|d| say(&d.message, Lang::En)).collect();
    assert_eq!(
        messages,
        [
            // Problems of the whole file first, then in the order of the text.
            "the pledge has no activities",
            "weak löfte: no follow-up (uppföljning) is given",
            "`title` is empty",
            "unknown kommun \"Nowhere\"",
            "unknown key `perod` in the pledge file",
            "`start` is a quoted string, not a date",
        ]
    );
}
