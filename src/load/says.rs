//! What a diagnostic says, as typed data: the problem and its arguments, made where the loader
//! finds it. The words are the view's (`view::diag_words`, one exhaustive match per language),
//! so the loader holds no sentence of its own and every message exists in every language.

use chrono::{NaiveDate, Weekday};

use crate::load::problems::Kind;

/// The table a key belongs to, as messages name it ("in an activity").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    File,
    Period,
    Problem,
    Activity,
    Owner,
    Signatory,
    Target,
    Part,
    Followup,
    Event,
    Log,
    Indicator,
    Baseline,
    Source,
    Measurement,
    Verdict,
}

/// The type a value was found to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    String,
    Integer,
    Float,
    Boolean,
    Date,
    Array,
    Table,
}

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    WholeNumber,
    WholeNumberOfDays,
    Number,
    Year,
    Date,
    Table,
    Array,
    ArrayOfStrings,
    ArrayOfNames,
    ArrayOfKommunNames,
    ArrayOfDates,
    TrueOrFalse,
    NameOrTable,
    TextOrTable,
    DateOrText,
    WordOrTable,
    OnceOrTable,
}

/// Which count is out of range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Target,
    Log,
}

/// A period as messages show it: "2016-01-01 to 2016-12-31", or "until 2016-12-31" when its
/// start is not stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Option<NaiveDate>,
    pub end: NaiveDate,
}

/// The first names of a long list, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SomeOf {
    pub shown: Vec<String>,
    pub total: usize,
}

/// A löfte for the same kommun (and area) whose period overlaps this one's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    /// The kommuner they share.
    pub kommuner: Vec<String>,
    pub file: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Other files holding the same löfte (copies).
    pub copies: Option<Copies>,
}

/// More files holding the same löfte, beyond the one named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copies {
    pub count: usize,
    pub shown: Vec<String>,
    /// More than `shown`.
    pub cut: bool,
}

/// One message or hint of a diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub enum Says {
    // The file as a whole (the store reads it).
    NotUtf8 {
        byte: u8,
        offset: usize,
    },
    SaveAsUtf8,
    CannotRead {
        error: String,
    },
    CannotReadFolder,
    NotRegularFile,
    TooLarge {
        megabytes: f64,
        limit_mib: u64,
    },
    TooLargeHint,
    // TOML and merge conflicts.
    InvalidToml {
        detail: String,
    },
    TomlDateHint,
    TomlDuplicateHint,
    TomlQuotesHint,
    /// A multi-line string never closed, pointed at where it opens: close it with `delim`.
    StringNeverClosed {
        delim: &'static str,
    },
    TooDeepHint,
    CrOnlyLines,
    CrOnlyHint,
    /// More than `limit` tables and arrays (`tables`), or values.
    TooManyValues {
        limit: usize,
        tables: bool,
    },
    TooManyValuesHint,
    MoreProblems {
        shown: usize,
        total: usize,
    },
    MoreProblemsHint,
    ConflictMarker {
        marker: &'static str,
    },
    ConflictHint,
    // Keys and values.
    UnknownKey {
        key: String,
        table: Table,
    },
    KeysOf {
        table: Table,
        keys: Vec<&'static str>,
    },
    /// "did you mean a, b or c?" (the names as they are to be shown).
    DidYouMean(Vec<String>),
    /// "did you mean a or b?" (every name joined with "or").
    DidYouMeanOr(Vec<String>),
    MissingKey {
        key: String,
        table: Table,
    },
    AddKey {
        key: String,
        example: String,
    },
    AddKommun,
    WrongType {
        key: String,
        expected: Expected,
        found: Type,
    },
    WriteAs {
        key: String,
        example: String,
    },
    Empty {
        key: String,
    },
    WriteOrRemove {
        key: String,
    },
    CountRange {
        what: Counted,
        max: u32,
        found: String,
    },
    TargetCountHint,
    LogCountHint,
    NotInCalendar {
        key: String,
    },
    DateWithTime {
        key: String,
    },
    QuotedDate {
        key: String,
    },
    QuotedNumber {
        key: String,
    },
    RemoveQuotes {
        key: String,
        value: String,
    },
    NotArrayOfTables {
        key: String,
    },
    EachUnderHeader {
        key: String,
    },
    NotOneOf {
        key: String,
        names: &'static [&'static str],
        found: String,
    },
    // The top of the file.
    NoActivities,
    AddActivity,
    NoFollowup,
    AddFollowup,
    EventIsActivity {
        id: String,
    },
    EventIdOwn,
    TooManyWindows {
        asked: u64,
        max: u64,
    },
    TooManyWindowsHint,
    EarlyFollowup {
        date: NaiveDate,
        from: NaiveDate,
    },
    EarlyFollowupHint,
    UnknownKommun {
        name: String,
    },
    KommunNamesHint,
    NameOneKommun,
    ListedTwice {
        name: String,
    },
    KommunAndKommuner,
    KommunOrKommuner,
    PeriodReversed {
        start: NaiveDate,
        end: NaiveDate,
    },
    PeriodEndInclusive,
    PeriodTooLong {
        start: NaiveDate,
        end: NaiveDate,
        years: u32,
    },
    PeriodYearsHint,
    SigningNotGiven,
    SigningHint,
    ProblemSaysNothing,
    ProblemHint,
    // Ids.
    EventIdNotWord {
        id: String,
    },
    ActivityIdNotWord {
        id: String,
    },
    PartIdNotWord {
        id: String,
    },
    /// "use lower-case letters a-z, digits and '-', e.g. "x"" (for an event: "(not a word for
    /// the follow-up)" follows).
    IdWordHint {
        slug: String,
        event: bool,
    },
    DuplicateEvent {
        id: String,
    },
    EventIdsUnique,
    ReservedActivityId {
        id: String,
    },
    ReservedHint,
    DuplicateActivity {
        id: String,
    },
    ActivityIdsUnique,
    DuplicatePart {
        id: String,
    },
    PartIdsUnique,
    IndicatorIdNotWord {
        id: String,
    },
    IndicatorIdHint,
    // Activities.
    NoOwner {
        id: Option<String>,
    },
    AddOwner,
    UnknownFollowupTime {
        when: String,
    },
    FollowupTimeHint,
    FrameReversed {
        from: NaiveDate,
        until: NaiveDate,
    },
    FrameHint,
    OutsidePeriod {
        key: &'static str,
        date: NaiveDate,
        period: Span,
    },
    OutsidePeriodHint,
    UnitsEmptyHint,
    UnitTwice {
        unit: String,
    },
    UnitOnce,
    TooManyUnits {
        count: usize,
        max: usize,
    },
    TooManyUnitsHint,
    PartsHaveTargets,
    MoveTarget,
    UnitsOrParts,
    UnitsOrPartsHint,
    // Targets.
    UnknownTarget {
        target: String,
    },
    TargetWordsHint {
        did_you_mean: Option<Box<Says>>,
    },
    BothKinds {
        a: &'static str,
        b: &'static str,
    },
    OneKindHint,
    SlotKey {
        key: &'static str,
    },
    SlotOrCountHint,
    GraceNotOccurrence,
    GraceHint,
    GraceRange {
        max: u32,
    },
    GraceDaysHint,
    UnknownWindow {
        window: String,
    },
    PerIsOneOf {
        names: Vec<&'static str>,
    },
    OnEmpty,
    OnListHint,
    OnOutside {
        date: NaiveDate,
        frame: Span,
    },
    OnOutsideHint,
    SlotHas {
        key: &'static str,
    },
    SlotHint,
    UnknownWeekday {
        name: String,
    },
    WeekdayHint,
    ExceptHolidays,
    ExceptHint,
    OwnOccurrences {
        id: String,
    },
    EachOtherHint,
    EachUnknown {
        id: String,
    },
    EachUnknownHint {
        first: Box<Says>,
    },
    ActivitiesAre {
        names: Vec<String>,
    },
    IndicatorsAre {
        names: Vec<String>,
    },
    DeclareIndicator,
    // The log.
    ActivityAndEvent,
    TwoEntries,
    LogNotTables,
    RemoveEmptyLog,
    LogEachUnder,
    UnknownEvent {
        event: String,
    },
    DeclareEvent,
    EventsAre {
        names: Vec<String>,
    },
    NoSlot {
        id: Option<String>,
    },
    NoSlotHint,
    OffSlot {
        id: Option<String>,
        date: NaiveDate,
        day: Weekday,
        slot: Weekday,
    },
    OffSlotHint,
    UnknownEntryActivity {
        activity: String,
    },
    EntryInFuture {
        date: NaiveDate,
    },
    FutureHint,
    WorkOutside {
        activity: String,
        date: NaiveDate,
        period: Span,
    },
    WorkOutsideHint,
    NoParts {
        id: String,
        part: String,
    },
    NoPartsHint,
    UnknownPart {
        part: String,
        id: String,
    },
    PartsAre {
        id: String,
        names: SomeOf,
    },
    WhichPart {
        id: String,
    },
    AddPart {
        first: String,
        names: SomeOf,
    },
    NoUnits {
        id: String,
        unit: String,
    },
    NoUnitsHint,
    UnknownUnit {
        unit: String,
        id: String,
    },
    UnitsAre {
        id: String,
        names: SomeOf,
    },
    WhichUnit {
        id: String,
    },
    AddUnit {
        first: String,
        names: SomeOf,
    },
    KommunOnOne,
    KommunOnOneHint,
    NotLofteKommun {
        name: String,
    },
    KommunerAre {
        names: Vec<String>,
    },
    RequestNotOnRequest {
        id: Option<String>,
    },
    RequestHint,
    // Indicators, measurements, verdicts.
    Outcome(Kind),
    VerdictReasonHint,
    BaselineDateAndYear,
    BaselineHint,
    YearNotYear,
    NotKoladaId {
        id: String,
    },
    KoladaUpper {
        id: String,
    },
    KoladaIdHint,
    SourceNoKolada,
    SourceHint {
        example: &'static str,
    },
    GenderNotTkm {
        found: String,
    },
    GenderHint,
    CompareTwice {
        name: String,
    },
    CompareOnce,
    CompareItem {
        n: usize,
        found: String,
    },
    CompareHint,
    GoalNotNumber {
        found: String,
    },
    GoalHint,
    UnknownCadence {
        cadence: String,
    },
    CadenceHint,
    CadenceTableOneKey,
    YearsNotWhole,
    // Across files.
    Overlaps(Box<Overlap>),
    CopiesHint,
    OverlapHint,
    // A log entry against its activity (`validate` says so; `status` never counts it).
    TowardNoWindow {
        activity: String,
        date: NaiveDate,
        why: crate::model::schedule::NoWindow,
    },
    TowardNoWindowHint,
}

impl Says {
    /// The hint of an indicator's, measurement's or verdict's problem: "did you mean …?"
    /// where a close name exists.
    pub fn outcome_hint(kind: &Kind) -> Option<Says> {
        match kind {
            Kind::UnknownActivity { close, .. } | Kind::UnknownIndicator { close, .. } => (!close
                .is_empty())
            .then(|| Says::DidYouMeanOr(close.iter().map(|c| format!("`{c}`")).collect())),
            _ => None,
        }
    }

    /// "did you mean …?" among `candidates` (quoted with backticks when `quote`), or None
    /// when nothing is close (as [`crate::text::did_you_mean`] says it).
    pub fn did_you_mean(query: &str, candidates: &[&str], quote: bool) -> Option<Says> {
        let close = crate::text::closest(query, candidates, 3);
        (!close.is_empty()).then(|| {
            Says::DidYouMean(
                close
                    .iter()
                    .map(|c| {
                        if quote {
                            format!("`{c}`")
                        } else {
                            c.to_string()
                        }
                    })
                    .collect(),
            )
        })
    }
}

/// Why a file that cannot be loaded cannot be read ([`crate::load::unreadable::why`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Conflict markers at these lines.
    Markers(Vec<usize>),
    /// The first error, at its line when it has one.
    Error {
        line: Option<usize>,
        says: Says,
    },
    DoesNotLoad,
}
