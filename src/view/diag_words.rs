//! The words of the loader's diagnostics ([`Says`]) and of its note on a file that cannot be
//! read ([`Why`]): one exhaustive match per language, so the compiler proves every message
//! exists in both, and a test proves each reads differently in each. The English words are
//! those pledge has always printed (scripts and tests read them); the Swedish ones are written
//! as a kommunpolis or a BRÅ secretary writes. Keys, values and TOML examples between
//! backticks are the file's own words and stay as they are.

use chrono::Weekday;

use crate::load::diag::{Diagnostic, Words};
use crate::load::problems::Kind;
use crate::load::says::{Copies, Counted, Expected, Says, SomeOf, Span, Table, Type, Why};
use crate::model::outcome::Direction;
use crate::view::i18n::Lang;

/// What `s` says in `lang`.
pub fn say(s: &Says, lang: Lang) -> String {
    match lang {
        Lang::En => en(s),
        Lang::Sv => sv(s),
    }
}

/// Why a file cannot be read, in `lang` ("conflict markers at lines 2, 4 and 6").
pub fn why(w: &Why, lang: Lang) -> String {
    match (w, lang) {
        (Why::Markers(lines), Lang::En) => match lines.as_slice() {
            [one] => format!("conflict markers at line {one}"),
            _ => format!("conflict markers at lines {}", list(lines, "and")),
        },
        (Why::Markers(lines), Lang::Sv) => match lines.as_slice() {
            [one] => format!("konfliktmarkeringar på rad {one}"),
            _ => format!("konfliktmarkeringar på raderna {}", list(lines, "och")),
        },
        (
            Why::Error {
                line: Some(l),
                says,
            },
            Lang::En,
        ) => format!("line {l}: {}", en(says)),
        (
            Why::Error {
                line: Some(l),
                says,
            },
            Lang::Sv,
        ) => format!("rad {l}: {}", sv(says)),
        (Why::Error { line: None, says }, _) => say(says, lang),
        (Why::DoesNotLoad, Lang::En) => "it does not load".into(),
        (Why::DoesNotLoad, Lang::Sv) => "den går inte att läsa in".into(),
    }
}

/// Renders a diagnostic with every word in `lang` (the `path:line:col:` prefix and the source
/// line as they are).
pub fn render(path: &str, src: &str, d: &Diagnostic, lang: Lang) -> String {
    render_at(path, src, d, lang, None)
}

/// [`render`] wrapped between words at `width` columns (None: never wrapped).
pub fn render_at(
    path: &str,
    src: &str,
    d: &Diagnostic,
    lang: Lang,
    width: Option<usize>,
) -> String {
    let frame = crate::view::messages::diag_words(lang);
    let say = |s: &Says| say(s, lang);
    let words = Words {
        error: &frame[0],
        warning: &frame[1],
        hint: &frame[2],
        say: &say,
    };
    crate::load::diag::render_at(path, src, d, &words, width)
}

/// The first line of [`render`], for `check` and for scripts.
pub fn one_line(path: &str, src: &str, d: &Diagnostic, lang: Lang) -> String {
    render(path, src, d, lang)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// "a, b and c" with the last joined by `word`.
fn list<T: ToString>(items: &[T], word: &str) -> String {
    let items: Vec<String> = items.iter().map(T::to_string).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn id_or_unknown(id: &Option<String>) -> &str {
    id.as_deref().unwrap_or("?")
}

fn some_of_en(n: &SomeOf) -> String {
    let shown = n.shown.join(", ");
    if n.total > n.shown.len() {
        format!("{shown}, … ({} in all)", n.total)
    } else {
        shown
    }
}

fn some_of_sv(n: &SomeOf) -> String {
    let shown = n.shown.join(", ");
    if n.total > n.shown.len() {
        format!("{shown}, … ({} totalt)", n.total)
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

fn span_sv(p: &Span) -> String {
    match p.start {
        None => format!("till och med {}", p.end),
        Some(s) => format!("{s} till {}", p.end),
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

fn table_sv(t: Table) -> &'static str {
    match t {
        Table::File => "löftesfilen",
        Table::Period => "`period`",
        Table::Problem => "`problem`",
        Table::Activity => "en aktivitet",
        Table::Owner => "en ansvarig",
        Table::Signatory => "en undertecknare",
        Table::Target => "`target`",
        Table::Part => "en del",
        Table::Followup => "`followup`",
        Table::Event => "en händelse",
        Table::Log => "en loggpost",
        Table::Indicator => "en indikator",
        Table::Baseline => "`baseline`",
        Table::Source => "`source`",
        Table::Measurement => "en mätning",
        Table::Verdict => "en bedömning",
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

fn type_sv(t: Type) -> &'static str {
    match t {
        Type::String => "en text",
        Type::Integer => "ett heltal",
        Type::Float => "ett decimaltal",
        Type::Boolean => "ett sanningsvärde",
        Type::Date => "ett datum",
        Type::Array => "en lista",
        Type::Table => "en tabell",
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

fn expected_sv(e: Expected) -> &'static str {
    match e {
        Expected::String => "en text",
        Expected::WholeNumber => "ett heltal",
        Expected::WholeNumberOfDays => "ett helt antal dagar",
        Expected::Number => "ett tal",
        Expected::Year => "ett årtal",
        Expected::Date => "ett datum",
        Expected::Table => "en tabell",
        Expected::Array => "en lista",
        Expected::ArrayOfStrings => "en lista med texter",
        Expected::ArrayOfNames => "en lista med namn",
        Expected::ArrayOfKommunNames => "en lista med kommunnamn",
        Expected::ArrayOfDates => "en lista med datum",
        Expected::TrueOrFalse => "true eller false",
        Expected::NameOrTable => "ett namn eller en tabell",
        Expected::TextOrTable => "en text eller en tabell",
        Expected::DateOrText => "ett datum eller en text",
        Expected::WordOrTable => "ett ord eller en tabell",
        Expected::OnceOrTable => "\"once\" eller en tabell",
    }
}

fn day_sv(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "måndag",
        Weekday::Tue => "tisdag",
        Weekday::Wed => "onsdag",
        Weekday::Thu => "torsdag",
        Weekday::Fri => "fredag",
        Weekday::Sat => "lördag",
        Weekday::Sun => "söndag",
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

fn copies_sv(c: &Copies) -> String {
    format!(
        ", och {} fil{} till innehåller samma löfte: {}{}",
        c.count,
        if c.count == 1 { "" } else { "er" },
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

fn kind_sv(k: &Kind) -> String {
    match k {
        Kind::DuplicateIndicator { id } => format!("indikatorn `{id}` finns redan"),
        Kind::GoalWrongSide {
            goal,
            baseline,
            direction,
        } => format!(
            "målet {goal} är sämre än utgångsvärdet {baseline} för en indikator där {} är bättre",
            match direction {
                Direction::Higher => "högre",
                Direction::Lower => "lägre",
            }
        ),
        Kind::NotFinite { value } => format!("`{value}` är inget tal som går att mäta"),
        Kind::OutOfRange { value } => format!(
            "`{value:e}` ligger utanför vad en mätning kan vara: högst 10^12 åt vardera hållet, \
             och inte under 1e-307 i storlek om det inte är 0"
        ),
        Kind::NegativeTolerance { tolerance } => format!("toleransen {tolerance} är negativ"),
        Kind::CadenceZero => "ett mätintervall på 0 år".to_string(),
        Kind::CadenceOneYear => {
            "ett mätintervall på 1 år: skriv `cadence = \"yearly\"`".to_string()
        }
        Kind::CadenceLongerThanPeriod { years } => {
            format!("vart {years}:e år: ingen mätning infaller under perioden")
        }
        Kind::UnknownActivity { id, .. } => format!("okänd aktivitet `{id}`"),
        Kind::UnknownIndicator { id, .. } => format!("okänd indikator `{id}`"),
        Kind::PercentOutOfRange { value } => {
            format!("{value} är ingen andel mellan 0 och 100 procent")
        }
        Kind::InFuture { date } => format!("daterad i framtiden ({date})"),
        Kind::VerdictBeforeDue { date, due_from } => {
            format!("en bedömning daterad {date}, innan uppföljningen ska göras (från {due_from})")
        }
        Kind::EmptyReason => "en bedömning måste ha en motivering".to_string(),
    }
}

fn en(s: &Says) -> String {
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
        Overlaps {
            kommuner,
            file,
            start,
            end,
            copies,
        } => format!(
            "this löfte for {} overlaps {file} ({start} to {end}){}",
            kommuner.join(", "),
            copies.as_ref().map(copies_en).unwrap_or_default()
        ),
        CopiesHint => "keep one file of a löfte: remove the copies (or, if they are different löften, set `area` or end the older the day before the newer starts)".into(),
        OverlapHint => "end the older löfte the day before the new one starts, or set `area` if they cover different parts".into(),
    }
}

fn sv(s: &Says) -> String {
    use Says::*;
    match s {
        NotUtf8 { byte, offset } => format!(
            "filen är inte giltig UTF-8: ogiltig byte 0x{byte:02x} vid position {offset}"
        ),
        SaveAsUtf8 => {
            "spara filen som UTF-8 (i de flesta redigerare: \"Spara med teckenkodning\")".into()
        }
        CannotRead { error } => format!("filen går inte att läsa: {error}"),
        CannotReadFolder => "mappen går inte att läsa som en fil".into(),
        NotRegularFile => "inte en vanlig fil (en pipe, en enhet eller en socket); pledge läser bara vanliga filer".into(),
        TooLarge {
            megabytes,
            limit_mib,
        } => format!(
            "filen är {megabytes:.1} MB; en löftesfil får vara högst {limit_mib} MiB"
        ),
        TooLargeHint => "ett löfte med flera års veckologg är långt under 1 MB; kontrollera att det här är en löftesfil".into(),
        InvalidToml { detail } => format!("ogiltig TOML: {detail}"),
        TomlDateHint => "datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern".into(),
        TomlDuplicateHint => {
            "varje nyckel får finnas en gång per tabell; ta bort eller byt namn på en av dem".into()
        }
        TomlQuotesHint => "kontrollera citattecknen och hakparenteserna på raden".into(),
        ConflictMarker { marker } => {
            format!("lös sammanslagningskonflikten: `{marker}` finns kvar i filen")
        }
        ConflictHint => "behåll de rader du vill ha från varje sida och ta bort raderna `<<<<<<<`, `=======` och `>>>>>>>`".into(),
        UnknownKey { key, table } => format!("okänd nyckel `{key}` i {}", table_sv(*table)),
        KeysOf { table, keys } => {
            format!("nycklarna i {} är: {}", table_sv(*table), quoted(keys))
        }
        DidYouMean(names) => format!("menade du {}?", list(names, "eller")),
        DidYouMeanOr(names) => format!("menade du {}?", names.join(" eller ")),
        MissingKey { key, table } => {
            format!("nyckeln `{key}` saknas i {}", table_sv(*table))
        }
        AddKey { key, example } => format!("lägg till `{key} = {example}`"),
        AddKommun => {
            "lägg till `kommun = \"Filipstad\"` (eller `kommuner = [...]` för flera)".into()
        }
        WrongType {
            key,
            expected,
            found,
        } => format!(
            "`{key}` ska vara {}, men är {}",
            expected_sv(*expected),
            type_sv(*found)
        ),
        WriteAs { key, example } => format!("skriv `{key} = {example}`"),
        Empty { key } => format!("`{key}` är tom"),
        WriteOrRemove { key } => format!("skriv texten, eller ta bort `{key}`"),
        CountRange { what, max, found } => format!(
            "{} ska vara ett heltal från 1 till {max}, men är {found}",
            match what {
                Counted::Target => "målets antal",
                Counted::Log => "loggpostens antal",
            }
        ),
        TargetCountHint => "ett mål räknar tillfällen: 1, 2, 25 …; utelämna `target` för löpande arbete".into(),
        LogCountHint => "antalet tillfällen som posten gäller".into(),
        NotInCalendar { key } => format!("`{key}` är inget datum som finns i kalendern"),
        DateWithTime { key } => format!("`{key}` ska vara ett datum utan klockslag"),
        QuotedDate { key } => format!("`{key}` är en text inom citattecken, inte ett datum"),
        QuotedNumber { key } => format!("`{key}` är en text inom citattecken, inte ett tal"),
        RemoveQuotes { key, value } => format!("ta bort citattecknen: `{key} = {value}`"),
        NotArrayOfTables { key } => format!("`{key}` ska vara en lista av tabeller"),
        EachUnderHeader { key } => format!("skriv varje post under en egen rubrik `[[{key}]]`"),
        NotOneOf { key, names, found } => {
            let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            format!("`{key}` ska vara något av {}, men är \"{found}\"", list.join(", "))
        }
        NoActivities => "löftet har inga aktiviteter".into(),
        AddActivity => {
            "lägg till minst en `[[activity]]` med `id`, `text` och `owners`".into()
        }
        NoFollowup => "svagt löfte: ingen uppföljning anges".into(),
        AddFollowup => {
            "lägg till en tabell `[followup]` som anger när och hur resultaten följs upp".into()
        }
        EventIsActivity { id } => format!("händelsen \"{id}\" har samma id som en aktivitet"),
        EventIdOwn => "en händelse är något löftet hänvisar till men inte lovar; ge den ett eget id".into(),
        TooManyWindows { asked, max } => format!(
            "löftet kräver att omkring {asked} perioder av arbete bedöms (varje enhet eller \
             del gånger målets veckor, månader eller tillfällen); pledge bedömer \
             högst {max} i en fil"
        ),
        TooManyWindowsHint => "ge en lång lista av enheter eller delar ett mål för \
                               hela perioden (`per = \"period\"`) eller ett grövre, eller dela \
                               upp löftet i flera filer"
            .into(),
        EarlyFollowup { date, from } => format!(
            "uppföljningen registrerad {date} ligger före den tidpunkt då den ska göras (från {from}) och räknas därför inte"
        ),
        EarlyFollowupHint => {
            "registrera uppföljningen när den är gjord, tidigast den första dag den ska göras".into()
        }
        UnknownKommun { name } => format!("okänd kommun \"{name}\""),
        KommunNamesHint => {
            "ange ett av de 290 kommunnamnen, t.ex. \"Filipstad\", eller en kommunkod".into()
        }
        NameOneKommun => "ange minst en kommun".into(),
        ListedTwice { name } => format!("{name} står med två gånger"),
        KommunAndKommuner => "både `kommun` och `kommuner` anges".into(),
        KommunOrKommuner => {
            "använd `kommun = \"...\"` för en kommun och `kommuner = [...]` för flera".into()
        }
        PeriodReversed { start, end } => {
            format!("perioden slutar ({end}) innan den börjar ({start})")
        }
        PeriodEndInclusive => "`end` är periodens sista dag, som räknas med".into(),
        PeriodTooLong { start, end, years } => {
            format!("perioden {start} till {end} är längre än {years} år")
        }
        PeriodYearsHint => {
            "ett löfte gäller ett till några få år; kontrollera årtalen i `start` och `end`".into()
        }
        SigningNotGiven => "`start = \"signing\"` men datumet för undertecknandet saknas".into(),
        SigningHint => "lägg till `signed = ÅÅÅÅ-MM-DD` överst, eller utelämna `start` om datumet inte är känt".into(),
        ProblemSaysNothing => "`problem` säger ingenting".into(),
        ProblemHint => "ange en `text`, `priorities` som en rangordnad lista över problem, eller `items` som en lista utan rangordning".into(),
        EventIdNotWord { id } => {
            format!("händelsens id \"{id}\" är inget eget kort ord att skriva på kommandoraden")
        }
        ActivityIdNotWord { id } => {
            format!("aktivitetens id \"{id}\" är inget kort ord att skriva på kommandoraden")
        }
        PartIdNotWord { id } => {
            format!("delens id \"{id}\" är inget kort ord att skriva på kommandoraden")
        }
        IdWordHint { slug, event } => format!(
            "använd gemena bokstäver a-z, siffror och '-', t.ex. \"{slug}\"{}",
            if *event {
                " (inte ett ord som betyder uppföljningen)"
            } else {
                ""
            }
        ),
        DuplicateEvent { id } => format!("händelsens id \"{id}\" finns redan"),
        EventIdsUnique => "varje händelse i ett löfte ska ha ett eget id; byt namn på en".into(),
        ReservedActivityId { id } => {
            format!("aktivitetens id \"{id}\" är reserverat för att registrera uppföljningen")
        }
        ReservedHint => "välj ett annat id; själva uppföljningen registreras med `pledge done followup`".into(),
        DuplicateActivity { id } => format!("aktivitetens id \"{id}\" finns redan"),
        ActivityIdsUnique => "varje aktivitet i ett löfte ska ha ett eget id; byt namn på en".into(),
        DuplicatePart { id } => format!("delens id \"{id}\" finns redan"),
        PartIdsUnique => "en aktivitets delar ska ha olika id; byt namn på en".into(),
        IndicatorIdNotWord { id } => {
            format!("indikatorns id \"{id}\" är inget kort ord att skriva på kommandoraden")
        }
        IndicatorIdHint => "använd a-z, 0-9 och '-', högst 40 tecken, t.ex. \"trygghet\"".into(),
        NoOwner { id } => format!(
            "svagt löfte: aktiviteten \"{}\" har ingen ansvarig",
            id_or_unknown(id)
        ),
        AddOwner => "lägg till `owners = [\"polisen\"]`, `[\"kommunen\"]`, båda eller en namngiven part".into(),
        UnknownFollowupTime { when } => format!("okänd tidpunkt för uppföljningen \"{when}\""),
        FollowupTimeHint => "skriv ett datum (2017-03-31), ett kvartal (\"2017-Q1\"), \"yearly\" eller \"continuous\"".into(),
        FrameReversed { from, until } => {
            format!("aktivitetens tid slutar ({until}) innan den börjar ({from})")
        }
        FrameHint => "`from` är aktivitetens första dag och `until` dess sista, som räknas med".into(),
        OutsidePeriod { key, date, period } => format!(
            "`{key}` ({date}) ligger utanför löftets period ({})",
            span_sv(period)
        ),
        OutsidePeriodHint => {
            "arbete bedöms bara inom perioden; kontrollera datumet".into()
        }
        UnitsEmptyHint => "ange de enheter (skolor, områden) som målet gäller var och en av, eller ta bort `units`".into(),
        UnitTwice { unit } => format!("enheten \"{unit}\" står med två gånger"),
        UnitOnce => "varje enhet ska stå med en gång".into(),
        PartsHaveTargets => {
            "en aktivitet med delar har sina mål i delarna".into()
        }
        MoveTarget => "flytta `target` till varje `[[activity.part]]`".into(),
        UnitsOrParts => "en aktivitet har antingen `units` eller delar, inte båda".into(),
        UnitsOrPartsHint => {
            "gör varje enhets arbete till en egen del, eller ta bort delarna"
                .into()
        }
        UnknownTarget { target } => format!("okänt mål \"{target}\""),
        TargetWordsHint { did_you_mean } => format!(
            "{}skriv `target = \"once\"` för en engångsinsats, \"open\" för ett antal som texten lämnar öppet, \"on-request\", eller `target = {{ count = 2, per = \"year\" }}`",
            did_you_mean
                .as_ref()
                .map(|d| format!("{} ", sv(d)))
                .unwrap_or_default()
        ),
        BothKinds { a, b } => format!("`target` har både `{a}` och `{b}`"),
        OneKindHint => "ett mål räknar per tidsperiod (`per`), per tillfälle av en annan aktivitet (`each`) eller per angivet datum (`on`): ange ett av dem".into(),
        SlotKey { key } => format!("`{key}` hör till en fast veckotid"),
        SlotOrCountHint => "en fast veckotid är `{ weekday = \"tuesday\", time = \"18-20\" }`; ett antal är `{ count = 2, per = \"year\" }`".into(),
        GraceNotOccurrence => "`grace_days` hör till ett mål per tillfälle".into(),
        GraceHint => "`grace_days` är antalet dagar efter varje tillfälle (`each`) eller angivet datum (`on`) som arbetet fortfarande får göras".into(),
        GraceRange { max } => format!("`grace_days` ska vara 0 till {max}"),
        GraceDaysHint => "antalet dagar efter varje tillfälle som arbetet fortfarande får göras; 0 är samma dag".into(),
        UnknownWindow { window } => format!("okänd tidsperiod \"{window}\""),
        PerIsOneOf { names } => format!("`per` är något av: {}", names.join(", ")),
        OnEmpty => "`on` anger inga datum".into(),
        OnListHint => {
            "ange de datum som antalet gäller, t.ex. `on = [2017-02-14, 2017-05-16]`".into()
        }
        OnOutside { date, frame } => format!(
            "datumet {date} i `on` ligger utanför aktivitetens tid ({})",
            span_sv(frame)
        ),
        OnOutsideHint => {
            "datumen ska ligga inom löftets period och aktivitetens `from`/`until`".into()
        }
        SlotHas { key } => format!("en fast veckotid har ingen `{key}`"),
        SlotHint => "en fast veckotid gäller en gång varje vecka: `{ weekday = \"tuesday\", time = \"18-20\", except = \"holidays\" }`".into(),
        UnknownWeekday { name } => format!("okänd veckodag \"{name}\""),
        WeekdayHint => "skriv en veckodag: måndag..söndag eller monday..sunday".into(),
        ExceptHolidays => "`except` kan bara vara \"holidays\"".into(),
        ExceptHint => "skriv `except = \"holidays\"` för att hoppa över veckor då veckodagen är en helgdag".into(),
        OwnOccurrences { id } => format!("aktiviteten \"{id}\" räknas per sina egna tillfällen"),
        EachOtherHint => "`each` anger en annan aktivitet, t.ex. den trygghetsvandring som varje uppföljning kommer efter".into(),
        EachUnknown { id } => format!("`each` anger en okänd aktivitet \"{id}\""),
        EachUnknownHint { first } => format!(
            "{} (en händelse som löftet bara hänvisar till, t.ex. ett sammanträde, anges som `[[event]]` med detta id)",
            sv(first)
        ),
        ActivitiesAre { names } => format!("aktiviteterna är: {}", names.join(", ")),
        ActivityAndEvent => "en loggpost anger en aktivitet eller en händelse, inte båda".into(),
        TwoEntries => "registrera händelsen (att den ägde rum) och arbetet som gjordes vid den som två poster".into(),
        LogNotTables => "loggposter ska vara tabeller `[[log]]`".into(),
        RemoveEmptyLog => "ta bort `log = []`: `pledge done` lägger varje post under en egen rubrik `[[log]]`".into(),
        LogEachUnder => "skriv varje post under en egen rubrik `[[log]]`, så att `pledge done` kan lägga till fler".into(),
        UnknownEvent { event } => format!("loggpost för en okänd händelse \"{event}\""),
        DeclareEvent => "ange händelsen först: `[[event]]` med `id` och `text`".into(),
        EventsAre { names } => format!("händelserna är: {}", names.join(", ")),
        NoSlot { id } => format!(
            "`instead_of_slot` på \"{}\", som inte har någon fast veckotid",
            id_or_unknown(id)
        ),
        NoSlotHint => "`instead_of_slot = true` markerar arbete som ersatte en fast veckotid; ta bort det".into(),
        OffSlot {
            id,
            date,
            day,
            slot,
        } => format!(
            "arbetet med \"{}\" den {date} (en {}) gjordes inte på den fasta veckodagen ({}) och räknas därför inte som veckans pass",
            id_or_unknown(id),
            day_sv(*day),
            day_sv(*slot)
        ),
        OffSlotHint => "om det ersatte veckans pass, lägg till `instead_of_slot = true` (`pledge done --instead-of-slot` skriver det)".into(),
        UnknownEntryActivity { activity } => {
            format!("loggpost för en okänd aktivitet \"{activity}\"")
        }
        EntryInFuture { date } => format!("loggposten är daterad i framtiden ({date})"),
        FutureHint => "registrera arbetet när det är gjort, med det datum då det gjordes".into(),
        WorkOutside {
            activity,
            date,
            period,
        } => format!(
            "arbete med \"{activity}\" den {date}, utanför perioden {}",
            span_sv(period)
        ),
        WorkOutsideHint => {
            "arbete räknas bara inom löftets period; kontrollera datumet eller filen".into()
        }
        NoParts { id, part } => format!(
            "aktiviteten \"{id}\" har inga delar, men posten anger delen \"{part}\""
        ),
        NoPartsHint => "ta bort `part`, eller lägg till delarna i aktiviteten som `[[activity.part]]`".into(),
        UnknownPart { part, id } => {
            format!("okänd del \"{part}\" i aktiviteten \"{id}\"")
        }
        PartsAre { id, names } => {
            format!("delarna i \"{id}\" är: {}", some_of_sv(names))
        }
        WhichPart { id } => {
            format!("posten för \"{id}\" anger inte vilken del den gäller")
        }
        AddPart { first, names } => format!(
            "lägg till `part = \"{first}\"` (delarna är: {})",
            some_of_sv(names)
        ),
        NoUnits { id, unit } => format!(
            "aktiviteten \"{id}\" har inga enheter, men posten anger enheten \"{unit}\""
        ),
        NoUnitsHint => {
            "ta bort `unit`, eller ange enheterna i aktiviteten: `units = [...]`".into()
        }
        UnknownUnit { unit, id } => format!("okänd enhet \"{unit}\" i aktiviteten \"{id}\""),
        UnitsAre { id, names } => format!("enheterna i \"{id}\" är: {}", some_of_sv(names)),
        WhichUnit { id } => format!("posten för \"{id}\" anger inte vilken enhet den gäller"),
        AddUnit { first, names } => format!(
            "lägg till `unit = \"{first}\"` (enheterna är: {})",
            some_of_sv(names)
        ),
        KommunOnOne => "`kommun` på en post i ett löfte för en enda kommun".into(),
        KommunOnOneHint => "`kommun` anger vilken kommun arbetet gällde i ett löfte för flera kommuner; ta bort det".into(),
        NotLofteKommun { name } => format!("{name} är inte en av löftets kommuner"),
        KommunerAre { names } => format!("kommunerna är: {}", names.join(", ")),
        RequestNotOnRequest { id } => format!(
            "en begäran på \"{}\", vars mål inte är \"on-request\"",
            id_or_unknown(id)
        ),
        RequestHint => "`request = true` registrerar en begäran till en aktivitet som görs på begäran; ta bort det, eller sätt `target = \"on-request\"`".into(),
        Outcome(kind) => kind_sv(kind),
        VerdictReasonHint => {
            "ange varför aktiviteten hölls, delvis hölls eller inte hölls".into()
        }
        BaselineDateAndYear => "`baseline` har både `date` och `year`".into(),
        BaselineHint => "ange dagen då det mättes, eller bara året".into(),
        YearNotYear => "`year` ska vara ett årtal, t.ex. 2016".into(),
        NotKoladaId { id } => format!("\"{id}\" är inget nyckeltals-id i Kolada"),
        KoladaUpper { id } => format!("skriv det som Kolada gör: `kolada = \"{id}\"`"),
        KoladaIdHint => "Koladas nyckeltals-id är en versal följd av fem siffror, t.ex. \
                         \"N07540\"; sök efter nyckeltalet på kolada.se"
            .into(),
        SourceNoKolada => "en källtabell anger sin serie: `kolada` saknas".into(),
        SourceHint { example } => format!(
            "skriv `source = {example}`, eller källan som text: `source = \"Polisens trygghetsmätning\"`"
        ),
        GenderNotTkm { found } => {
            format!("`gender` ska vara \"T\", \"K\" eller \"M\", men är \"{found}\"")
        }
        GenderHint => "T är totalt (standard), K kvinnor, M män".into(),
        CompareTwice { name } => format!("\"{name}\" står med två gånger i `compare`"),
        CompareOnce => "ange varje jämförelse en gång".into(),
        CompareItem { n, found } => format!(
            "post {n} i `compare` ska vara \"riket\" eller \"lan\", men är \"{found}\""
        ),
        CompareHint => "skriv `compare = [\"riket\", \"lan\"]`".into(),
        GoalNotNumber { found } => format!(
            "`goal` ska vara ett tal eller \"better-than-baseline\", men är \"{found}\""
        ),
        GoalHint => "skriv `goal = 70`, eller `goal = \"better-than-baseline\"`".into(),
        UnknownCadence { cadence } => format!("okänt mätintervall \"{cadence}\""),
        CadenceHint => "skriv \"yearly\", { years = 2 }, \"at-end\" eller \"once\"".into(),
        CadenceTableOneKey => "en tabell för mätintervall har en enda nyckel, `years`".into(),
        YearsNotWhole => "`years` ska vara ett helt antal år".into(),
        Overlaps {
            kommuner,
            file,
            start,
            end,
            copies,
        } => format!(
            "löftet för {} överlappar {file} ({start} till {end}){}",
            kommuner.join(", "),
            copies.as_ref().map(copies_sv).unwrap_or_default()
        ),
        CopiesHint => "behåll en fil per löfte: ta bort kopiorna (eller, om det är olika löften, sätt `area` eller avsluta det äldre dagen innan det nyare börjar)".into(),
        OverlapHint => "avsluta det äldre löftet dagen innan det nya börjar, eller sätt `area` om de gäller olika områden".into(),
    }
}

#[cfg(test)]
#[path = "diag_words_tests.rs"]
mod tests;
