//! The English words of the loader's diagnostics: those pledge has always printed (scripts
//! and tests read them).

use super::{id_or_unknown, list, quoted};
use crate::load::problems::Kind;
use crate::load::says::{Copies, Counted, Expected, Says, SomeOf, Span, Table, Type};

fn some_of_en(n: &SomeOf) -> String {
    let shown = n.shown.join(", ");
    if n.total > n.shown.len() {
        format!("{shown}, … ({} in all)", n.total)
    } else {
        shown
    }
}

fn span_en(p: &Span) -> String {
    match p.start {
        None => format!("until {}", p.end),
        Some(s) => format!("{s} to {}", p.end),
    }
}

fn table_en(t: Table) -> &'static str {
    match t {
        Table::File => "the pledge file",
        Table::Period => "`period`",
        Table::Problem => "`problem`",
        Table::Activity => "an activity",
        Table::Owner => "an owner",
        Table::Signatory => "a signatory",
        Table::Target => "`target`",
        Table::Part => "a part",
        Table::Followup => "`followup`",
        Table::Event => "an event",
        Table::Log => "a log entry",
        Table::Indicator => "an indicator",
        Table::Baseline => "`baseline`",
        Table::Source => "`source`",
        Table::Measurement => "a measurement",
        Table::Verdict => "a verdict",
    }
}

fn type_en(t: Type) -> &'static str {
    match t {
        Type::String => "a string",
        Type::Integer => "an integer",
        Type::Float => "a float",
        Type::Boolean => "a boolean",
        Type::Date => "a date",
        Type::Array => "an array",
        Type::Table => "a table",
    }
}

fn expected_en(e: Expected) -> &'static str {
    match e {
        Expected::String => "a string",
        Expected::WholeNumber => "a whole number",
        Expected::WholeNumberOfDays => "a whole number of days",
        Expected::Number => "a number",
        Expected::Year => "a year",
        Expected::Date => "a date",
        Expected::Table => "a table",
        Expected::Array => "an array",
        Expected::ArrayOfStrings => "an array of strings",
        Expected::ArrayOfNames => "an array of names",
        Expected::ArrayOfKommunNames => "an array of kommun names",
        Expected::ArrayOfDates => "an array of dates",
        Expected::TrueOrFalse => "true or false",
        Expected::NameOrTable => "a name or a table",
        Expected::TextOrTable => "a text or a table",
        Expected::DateOrText => "a date or a text",
        Expected::WordOrTable => "a word or a table",
        Expected::OnceOrTable => "\"once\" or a table",
    }
}

fn copies_en(c: &Copies) -> String {
    format!(
        ", and {} more file{} hold{} the same löfte: {}{}",
        c.count,
        crate::text::plural(c.count),
        if c.count == 1 { "s" } else { "" },
        c.shown.join(", "),
        if c.cut { ", …" } else { "" }
    )
}

fn kind_en(k: &Kind) -> String {
    match k {
        Kind::DuplicateIndicator { id } => format!("duplicate indicator id `{id}`"),
        Kind::GoalWrongSide {
            goal,
            baseline,
            direction,
        } => format!(
            "the goal {goal} is worse than the baseline {baseline} for an indicator where {} is better",
            direction.name()
        ),
        Kind::NotFinite { value } => format!("`{value}` is not a number that can be measured"),
        Kind::OutOfRange { value } => format!(
            "`{value:e}` is outside the range a measurement can have: at most 10^12 either \
             way, and not below 1e-307 in size unless 0"
        ),
        Kind::NegativeTolerance { tolerance } => format!("the tolerance {tolerance} is negative"),
        Kind::CadenceZero => "a cadence of 0 years".to_string(),
        Kind::CadenceOneYear => "a cadence of 1 year: write `cadence = \"yearly\"`".into(),
        Kind::CadenceLongerThanPeriod { years } => {
            format!("every {years} years: no measurement falls due within the period")
        }
        Kind::UnknownActivity { id, .. } => format!("unknown activity `{id}`"),
        Kind::UnknownIndicator { id, .. } => format!("unknown indicator `{id}`"),
        Kind::PercentOutOfRange { value } => {
            format!("{value} is not a percentage between 0 and 100")
        }
        Kind::InFuture { date } => format!("dated in the future ({date})"),
        Kind::VerdictBeforeDue { date, due_from } => {
            format!("a verdict dated {date}, before the follow-up is due (from {due_from})")
        }
        Kind::EmptyReason => "a verdict needs a reason".to_string(),
    }
}

// Long because: one match arm per message, so the compiler proves each one exists.
pub(super) fn en(s: &Says) -> String {
    use Says::*;
    match s {
        NotUtf8 { byte, offset } => format!(
            "the file is not valid UTF-8: invalid byte 0x{byte:02x} at byte offset {offset}"
        ),
        SaveAsUtf8 => "save the file as UTF-8 (most editors: \"Save with encoding\")".into(),
        CannotRead { error } => format!("cannot read the file: {error}"),
        CannotReadFolder => "cannot read the folder".into(),
        NotRegularFile => {
            "not a regular file (a pipe, a device or a socket); pledge reads only regular files"
                .into()
        }
        TooLarge {
            megabytes,
            limit_mib,
        } => format!("the file is {megabytes:.1} MB; pledge files are limited to {limit_mib} MiB"),
        TooLargeHint => {
            "a löfte with years of weekly logs is well under 1 MB; check that this is a pledge file"
                .into()
        }
        InvalidToml { detail } => format!("invalid TOML: {detail}"),
        TomlDateHint => "dates are written YYYY-MM-DD and must exist in the calendar".into(),
        TomlDuplicateHint => {
            "each key may appear once per table; remove or rename one of them".into()
        }
        TomlQuotesHint => "check the quotes and brackets on this line".into(),
        StringNeverClosed { delim } => {
            format!("the string that opens here is never closed: end it with `{delim}`")
        }
        TooDeepHint => "tables, arrays and dotted keys nest at most 80 deep here".into(),
        CrOnlyLines => "the lines end in CR only (old Mac line endings)".into(),
        CrOnlyHint => {
            "save the file with LF or CRLF line endings (in most editors: \"Line endings\")".into()
        }
        TooManyValues { limit, tables } => format!(
            "the file holds more than {limit} {}",
            if *tables { "tables and arrays" } else { "values" }
        ),
        MoreProblems { shown, total } => {
            format!("{total} problems in all; the first {shown} are shown")
        }
        MoreProblemsHint => "fix these and run `pledge validate` again".into(),
        TooManyValuesHint => {
            "a löfte with years of weekly logs has a few thousand; check that this is a pledge file"
                .into()
        }
        ConflictMarker { marker } => {
            format!("resolve the merge conflict: `{marker}` is left in the file")
        }
        ConflictHint => "keep the lines you want from each side and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines".into(),
        UnknownKey { key, table } => format!("unknown key `{key}` in {}", table_en(*table)),
        KeysOf { table, keys } => {
            format!("the keys of {} are: {}", table_en(*table), quoted(keys))
        }
        DidYouMean(names) => format!("did you mean {}?", list(names, "or")),
        DidYouMeanOr(names) => format!("did you mean {}?", names.join(" or ")),
        MissingKey { key, table } => {
            format!("missing required key `{key}` in {}", table_en(*table))
        }
        AddKey { key, example } => format!("add `{key} = {example}`"),
        AddKommun => "add `kommun = \"Filipstad\"` (or `kommuner = [...]` for several)".into(),
        WrongType {
            key,
            expected,
            found,
        } => format!(
            "`{key}` must be {}, found {}",
            expected_en(*expected),
            type_en(*found)
        ),
        WriteAs { key, example } => format!("write it as `{key} = {example}`"),
        Empty { key } => format!("`{key}` is empty"),
        WriteOrRemove { key } => format!("write the text, or remove `{key}`"),
        CountRange { what, max, found } => format!(
            "{} must be a whole number from 1 to {max}, found {found}",
            match what {
                Counted::Target => "target count",
                Counted::Log => "log count",
            }
        ),
        TargetCountHint => {
            "a target counts occurrences: 1, 2, 25, ...; leave `target` out for ongoing work"
                .into()
        }
        LogCountHint => "the number of occurrences this entry records".into(),
        NotInCalendar { key } => format!("`{key}` is not a date in the calendar"),
        DateWithTime { key } => format!("`{key}` must be a date without a time"),
        QuotedDate { key } => format!("`{key}` is a quoted string, not a date"),
        QuotedNumber { key } => format!("`{key}` is a quoted string, not a number"),
        RemoveQuotes { key, value } => format!("remove the quotes: `{key} = {value}`"),
        NotArrayOfTables { key } => format!("`{key}` must be an array of tables"),
        EachUnderHeader { key } => format!("write each entry under its own `[[{key}]]` header"),
        NotOneOf { key, names, found } => {
            let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            format!("`{key}` must be one of {}, found \"{found}\"", list.join(", "))
        }
        NoActivities => "the pledge has no activities".into(),
        AddActivity => "add at least one `[[activity]]` with `id`, `text` and `owners`".into(),
        NoFollowup => "weak löfte: no follow-up (uppföljning) is given".into(),
        AddFollowup => {
            "add a `[followup]` table saying when and how results are followed up".into()
        }
        EventIsActivity { id } => format!("the event \"{id}\" has the id of an activity"),
        EventIdOwn => "an event is something the löfte refers to but does not promise; give it an id of its own".into(),
        TooManyWindows { asked, max } => format!(
            "this löfte asks for about {asked} windows of work to judge (each unit or part \
             times the weeks, months or occurrences of its target); pledge judges at most \
             {max} in one file"
        ),
        TooManyWindowsHint => "give a long list of units or parts a target over the whole \
                               period (`per = \"period\"`) or a coarser one, or split the \
                               löfte into several files"
            .into(),
        EarlyFollowup { date, from } => format!(
            "the follow-up recorded {date} is before it is due (from {from}), so it does not count"
        ),
        EarlyFollowupHint => {
            "record the follow-up when it is done, on or after its first due day".into()
        }
        UnknownKommun { name } => format!("unknown kommun \"{name}\""),
        KommunNamesHint => {
            "use one of the 290 kommun names, e.g. \"Filipstad\", or a kommunkod".into()
        }
        NameOneKommun => "name at least one kommun".into(),
        ListedTwice { name } => format!("{name} is listed twice"),
        KommunAndKommuner => "both `kommun` and `kommuner` are given".into(),
        KommunOrKommuner => {
            "use `kommun = \"...\"` for one kommun, `kommuner = [...]` for several".into()
        }
        PeriodReversed { start, end } => {
            format!("the period ends ({end}) before it starts ({start})")
        }
        PeriodEndInclusive => "`end` is the last day of the period, inclusive".into(),
        PeriodTooLong { start, end, years } => {
            format!("the period from {start} to {end} is longer than {years} years")
        }
        PeriodYearsHint => {
            "a löfte runs for one to a few years; check the years of `start` and `end`".into()
        }
        SigningNotGiven => "`start = \"signing\"` but the signing date is not given".into(),
        SigningHint => "add `signed = YYYY-MM-DD` at the top, or leave `start` out when the date is not known".into(),
        ProblemSaysNothing => "`problem` says nothing".into(),
        ProblemHint => "give a `text`, `priorities` as a ranked list of problems, or `items` as a list without a ranking".into(),
        EventIdNotWord { id } => {
            format!("event id \"{id}\" is not a short command-line word of its own")
        }
        ActivityIdNotWord { id } => {
            format!("activity id \"{id}\" is not a short command-line word")
        }
        PartIdNotWord { id } => format!("part id \"{id}\" is not a short command-line word"),
        IdWordHint { slug, event } => format!(
            "use lower-case letters a-z, digits and '-', e.g. \"{slug}\"{}",
            if *event {
                " (not a word for the follow-up)"
            } else {
                ""
            }
        ),
        DuplicateEvent { id } => format!("duplicate event id \"{id}\""),
        EventIdsUnique => "event ids must be unique within a löfte; rename one".into(),
        ReservedActivityId { id } => {
            format!("the activity id \"{id}\" is reserved for recording the follow-up")
        }
        ReservedHint => {
            "choose another id; record the follow-up itself with `pledge done followup`".into()
        }
        DuplicateActivity { id } => format!("duplicate activity id \"{id}\""),
        ActivityIdsUnique => "activity ids must be unique within a löfte; rename one".into(),
        DuplicatePart { id } => format!("duplicate part id \"{id}\""),
        PartIdsUnique => "the parts of an activity have distinct ids; rename one".into(),
        IndicatorIdNotWord { id } => {
            format!("indicator id \"{id}\" is not a short command-line word")
        }
        IndicatorIdHint => {
            "use a-z, 0-9 and '-', at most 40 characters, e.g. \"trygghet\"".into()
        }
        NoOwner { id } => format!("weak löfte: activity \"{}\" has no owner", id_or_unknown(id)),
        AddOwner => {
            "add `owners = [\"polisen\"]`, `[\"kommunen\"]`, both, or a named party".into()
        }
        UnknownFollowupTime { when } => format!("unknown follow-up time \"{when}\""),
        FollowupTimeHint => "write a date (2017-03-31), a quarter (\"2017-Q1\"), \"yearly\" or \"continuous\"".into(),
        FrameReversed { from, until } => {
            format!("the activity's time ends ({until}) before it starts ({from})")
        }
        FrameHint => "`from` is the activity's first day and `until` its last, inclusive".into(),
        OutsidePeriod { key, date, period } => format!(
            "`{key}` ({date}) is outside the löfte's period ({})",
            span_en(period)
        ),
        OutsidePeriodHint => "work is judged only inside the period; check the date".into(),
        UnitsEmptyHint => "name the units (schools, districts) the target applies to each of, or remove `units`".into(),
        UnitTwice { unit } => format!("the unit \"{unit}\" is listed twice"),
        UnitOnce => "each unit is listed once".into(),
        TooManyUnits { count, max } => format!(
            "this activity lists {count} units; each is judged in at least one window of \
             work, and pledge judges at most {max} in one file (this is the first unit past \
             the limit)"
        ),
        TooManyUnitsHint => "split the units over several activities in several files (a \
                             file per district, say), or follow the work as one count without \
                             `units`"
            .into(),
        PartsHaveTargets => "an activity with parts has its targets in its parts".into(),
        MoveTarget => "move `target` into each `[[activity.part]]`".into(),
        UnitsOrParts => "an activity has either `units` or parts, not both".into(),
        UnitsOrPartsHint => "give each unit's work as its own part, or drop the parts".into(),
        UnknownTarget { target } => format!("unknown target \"{target}\""),
        TargetWordsHint { did_you_mean } => format!(
            "{}write `target = \"once\"` for a milestone, \"open\" for a count the text leaves open, \"on-request\", or `target = {{ count = 2, per = \"year\" }}`",
            did_you_mean
                .as_ref()
                .map(|d| format!("{} ", en(d)))
                .unwrap_or_default()
        ),
        BothKinds { a, b } => format!("`target` has both `{a}` and `{b}`"),
        OneKindHint => "a target counts per window (`per`), per occurrence of another activity (`each`) or per listed date (`on`): give one".into(),
        SlotKey { key } => format!("`{key}` belongs to a weekly slot"),
        SlotOrCountHint => "a weekly slot is `{ weekday = \"tuesday\", time = \"18-20\" }`; a count is `{ count = 2, per = \"year\" }`".into(),
        GraceNotOccurrence => "`grace_days` belongs to a target per occurrence".into(),
        GraceHint => "`grace_days` is the days after each occurrence (`each`) or listed date (`on`) the work may still be done".into(),
        GraceRange { max } => format!("`grace_days` must be 0 to {max}"),
        GraceDaysHint => {
            "the days after each occurrence the work may still be done; 0 is the day itself".into()
        }
        UnknownWindow { window } => format!("unknown window \"{window}\""),
        PerIsOneOf { names } => format!("`per` is one of: {}", names.join(", ")),
        OnEmpty => "`on` lists no dates".into(),
        OnListHint => {
            "list the dates the count is for, e.g. `on = [2017-02-14, 2017-05-16]`".into()
        }
        OnOutside { date, frame } => format!(
            "the date {date} in `on` is outside the activity's time ({})",
            span_en(frame)
        ),
        OnOutsideHint => {
            "the dates must lie in the löfte's period and the activity's `from`/`until`".into()
        }
        SlotHas { key } => format!("a weekly slot has no `{key}`"),
        SlotHint => "a weekly slot needs one each week: `{ weekday = \"tuesday\", time = \"18-20\", except = \"holidays\" }`".into(),
        UnknownWeekday { name } => format!("unknown weekday \"{name}\""),
        WeekdayHint => "write a weekday: monday..sunday or måndag..söndag".into(),
        ExceptHolidays => "`except` can only be \"holidays\"".into(),
        ExceptHint => "write `except = \"holidays\"` to leave out weeks whose weekday is a Swedish public holiday".into(),
        OwnOccurrences { id } => format!("activity \"{id}\" counts per its own occurrences"),
        EachOtherHint => "`each` names another activity, e.g. the trygghetsvandring each follow-up comes after".into(),
        EachUnknown { id } => format!("`each` names unknown activity \"{id}\""),
        EachUnknownHint { first } => format!(
            "{} (an event the löfte only refers to, such as a council meeting, is declared as `[[event]]` with this id)",
            en(first)
        ),
        ActivitiesAre { names } => format!("the activities are: {}", names.join(", ")),
        IndicatorsAre { names } => format!("the indicators are: {}", names.join(", ")),
        DeclareIndicator => {
            "declare the indicator first: `[[indicator]]` with `id`, `name`, `source` and `direction`".into()
        }
        ActivityAndEvent => "a log entry names an activity or an event, not both".into(),
        TwoEntries => {
            "record the event (that it happened) and the work done at it as two entries".into()
        }
        LogNotTables => "log entries must be `[[log]]` tables".into(),
        RemoveEmptyLog => "remove `log = []`: `pledge done` adds each entry under its own `[[log]]` header".into(),
        LogEachUnder => "write each entry under its own `[[log]]` header, so `pledge done` can append to it".into(),
        UnknownEvent { event } => format!("log entry for unknown event \"{event}\""),
        DeclareEvent => "declare the event first: `[[event]]` with `id` and `text`".into(),
        EventsAre { names } => format!("the events are: {}", names.join(", ")),
        NoSlot { id } => format!(
            "`instead_of_slot` on \"{}\", which has no weekly slot",
            id_or_unknown(id)
        ),
        NoSlotHint => {
            "`instead_of_slot = true` marks work that replaced a weekly slot; remove it".into()
        }
        OffSlot {
            id,
            date,
            day,
            slot,
        } => format!(
            "work on \"{}\" dated {date}, a {}, is not on its weekly slot's day ({}), so it does not count as that week's slot",
            id_or_unknown(id),
            crate::model::day_name(*day),
            crate::model::day_name(*slot)
        ),
        OffSlotHint => "if it replaced that week's slot, add `instead_of_slot = true` (`pledge done --instead-of-slot` writes it)".into(),
        UnknownEntryActivity { activity } => {
            format!("log entry for unknown activity \"{activity}\"")
        }
        EntryInFuture { date } => format!("log entry dated in the future ({date})"),
        FutureHint => "record work once it is done, and date it the day it was done".into(),
        WorkOutside {
            activity,
            date,
            period,
        } => format!(
            "work on \"{activity}\" dated {date}, outside the period {}",
            span_en(period)
        ),
        WorkOutsideHint => {
            "work counts only inside the löfte's period; check the date or the file".into()
        }
        NoParts { id, part } => {
            format!("activity \"{id}\" has no parts, but the entry names part \"{part}\"")
        }
        NoPartsHint => {
            "remove `part`, or add the parts to the activity as `[[activity.part]]`".into()
        }
        UnknownPart { part, id } => format!("unknown part \"{part}\" of activity \"{id}\""),
        PartsAre { id, names } => format!("the parts of \"{id}\" are: {}", some_of_en(names)),
        WhichPart { id } => format!("the entry for \"{id}\" does not say which part it is"),
        AddPart { first, names } => format!(
            "add `part = \"{first}\"` (the parts are: {})",
            some_of_en(names)
        ),
        NoUnits { id, unit } => {
            format!("activity \"{id}\" has no units, but the entry names unit \"{unit}\"")
        }
        NoUnitsHint => {
            "remove `unit`, or list the units in the activity: `units = [...]`".into()
        }
        UnknownUnit { unit, id } => format!("unknown unit \"{unit}\" of activity \"{id}\""),
        UnitsAre { id, names } => format!("the units of \"{id}\" are: {}", some_of_en(names)),
        WhichUnit { id } => {
            format!("the entry for \"{id}\" does not say which unit it is for")
        }
        AddUnit { first, names } => format!(
            "add `unit = \"{first}\"` (the units are: {})",
            some_of_en(names)
        ),
        KommunOnOne => "`kommun` on an entry of a löfte for one kommun".into(),
        KommunOnOneHint => {
            "`kommun` says which kommun the work was for on a löfte for several; remove it".into()
        }
        NotLofteKommun { name } => format!("{name} is not one of the löfte's kommuner"),
        KommunerAre { names } => format!("the kommuner are: {}", names.join(", ")),
        RequestNotOnRequest { id } => format!(
            "a request on \"{}\", whose target is not \"on-request\"",
            id_or_unknown(id)
        ),
        RequestHint => "`request = true` records a request to an on-request activity; remove it, or set `target = \"on-request\"`".into(),
        Outcome(kind) => kind_en(kind),
        VerdictReasonHint => "say why the activity was kept, partly kept or not kept".into(),
        BaselineDateAndYear => "`baseline` has both `date` and `year`".into(),
        BaselineHint => "give the day it was measured, or only the year".into(),
        YearNotYear => "`year` must be a year such as 2016".into(),
        NotKoladaId { id } => format!("\"{id}\" is not a Kolada key figure id"),
        KoladaUpper { id } => format!("write it as Kolada does: `kolada = \"{id}\"`"),
        KoladaIdHint => "Kolada's key figure ids are a capital letter and five digits, e.g. \
                         \"N07540\"; search kolada.se for the key figure"
            .into(),
        SourceNoKolada => "a source table names its series: `kolada` is missing".into(),
        SourceHint { example } => format!(
            "write `source = {example}`, or the source as a text: `source = \"Polisens trygghetsmätning\"`"
        ),
        GenderNotTkm { found } => {
            format!("`gender` must be \"T\", \"K\" or \"M\", found \"{found}\"")
        }
        GenderHint => "T is the total (the default), K women (kvinnor), M men (män)".into(),
        CompareTwice { name } => format!("\"{name}\" is listed twice in `compare`"),
        CompareOnce => "list each reference once".into(),
        CompareItem { n, found } => {
            format!("`compare` item {n} must be \"riket\" or \"lan\", found \"{found}\"")
        }
        CompareHint => "write `compare = [\"riket\", \"lan\"]`".into(),
        GoalNotNumber { found } => {
            format!("`goal` must be a number or \"better-than-baseline\", found \"{found}\"")
        }
        GoalHint => "write `goal = 70`, or `goal = \"better-than-baseline\"`".into(),
        UnknownCadence { cadence } => format!("unknown cadence \"{cadence}\""),
        CadenceHint => "write \"yearly\", { years = 2 }, \"at-end\" or \"once\"".into(),
        CadenceTableOneKey => "a cadence table has one key, `years`".into(),
        YearsNotWhole => "`years` must be a whole number of years".into(),
        Overlaps(o) => format!(
            "this löfte for {} overlaps {file} ({start} to {end}){}",
            o.kommuner.join(", "),
            o.copies.as_ref().map(copies_en).unwrap_or_default(),
            file = o.file,
            start = o.start,
            end = o.end
        ),
        CopiesHint => "keep one file of a löfte: remove the copies (or, if they are different löften, set `area` or end the older the day before the newer starts)".into(),
        OverlapHint => "end the older löfte the day before the new one starts, or set `area` if they cover different parts".into(),
        TowardNoWindow { activity, date, why } => {
            use crate::model::schedule::NoWindow as W;
            let why = match why {
                W::BeforeFrame(from) => format!("\"{activity}\" runs from {from}"),
                W::AfterFrame(until) => format!("\"{activity}\" ran until {until}"),
                W::NoSlotThatWeek => "that week has no slot: its day is a public holiday".into(),
                W::NoRequestWaiting => format!("it answers a request, and none was waiting on {date}"),
                W::NoOccasion { fixed: true } => format!("{date} is on none of its dates or within the days after one"),
                W::NoOccasion { fixed: false } => format!("no occasion recorded is open on {date}"),
            };
            format!("this entry of \"{activity}\" on {date} counts toward none of its windows: {why}")
        }
        TowardNoWindowHint => "`status` does not count it: correct the date, or the activity's `from`/`until`; if the work was for another activity, move the entry there".into(),
    }
}
