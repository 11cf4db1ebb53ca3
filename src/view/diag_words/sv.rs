//! The Swedish words of the loader's diagnostics, as a kommunpolis or a BRÅ secretary
//! writes them (git's Swedish: "fel", "varning", "tips").

use chrono::Weekday;

use super::{id_or_unknown, list, quoted};
use crate::load::problems::Kind;
use crate::load::says::{Copies, Counted, Expected, Says, SomeOf, Span, Table, Type};
use crate::model::outcome::Direction;

fn some_of_sv(n: &SomeOf) -> String {
    let shown = n.shown.join(", ");
    if n.total > n.shown.len() {
        format!("{shown}, … ({} totalt)", n.total)
    } else {
        shown
    }
}

fn span_sv(p: &Span) -> String {
    match p.start {
        None => format!("till och med {}", p.end),
        Some(s) => format!("{s} till {}", p.end),
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

fn copies_sv(c: &Copies) -> String {
    format!(
        ", och {} fil{} till innehåller samma löfte: {}{}",
        c.count,
        if c.count == 1 { "" } else { "er" },
        c.shown.join(", "),
        if c.cut { ", …" } else { "" }
    )
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

// Long because: one match arm per message, so the compiler proves each one exists.
pub(super) fn sv(s: &Says) -> String {
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
        InvalidToml { detail } => format!("ogiltig TOML: {}", super::toml_sv::toml_sv(detail)),
        TomlDateHint => "datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern".into(),
        TomlDuplicateHint => {
            "varje nyckel får finnas en gång per tabell; ta bort eller byt namn på en av dem".into()
        }
        TomlQuotesHint => "kontrollera citattecknen och hakparenteserna på raden".into(),
        StringNeverClosed { delim } => {
            format!("strängen som börjar här avslutas aldrig: avsluta den med `{delim}`")
        }
        TooDeepHint => "tabeller, listor och punktade nycklar får nästlas högst 80 nivåer här".into(),
        CrOnlyLines => "raderna slutar bara med CR (gamla Mac-radslut)".into(),
        CrOnlyHint => "spara filen med radsluten LF eller CRLF (i de flesta redigerare: \"Radslut\")".into(),
        TooManyValues { limit, tables } => format!(
            "filen har fler än {limit} {}",
            if *tables { "tabeller och listor" } else { "värden" }
        ),
        MoreProblems { shown, total } => format!("{total} problem totalt; de första {shown} visas"),
        MoreProblemsHint => "rätta dem och kör `pledge validate` igen".into(),
        TooManyValuesHint => "ett löfte med flera års veckologg har några tusen; kontrollera att det här är en löftesfil".into(),
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
        TooManyUnits { count, max } => format!(
            "aktiviteten räknar upp {count} enheter; var och en bedöms i minst en period av \
             arbete, och pledge bedömer högst {max} i en fil (det här är den första enheten \
             över gränsen)"
        ),
        TooManyUnitsHint => "dela upp enheterna på flera aktiviteter i flera filer (en fil \
                             per stadsdel, till exempel), eller följ arbetet som ett antal \
                             utan `units`"
            .into(),
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
        IndicatorsAre { names } => format!("indikatorerna är: {}", names.join(", ")),
        DeclareIndicator => "ange indikatorn först: `[[indicator]]` med `id`, `name`, `source` och `direction`".into(),
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
        Overlaps(o) => format!(
            "löftet för {} överlappar {file} ({start} till {end}){}",
            o.kommuner.join(", "),
            o.copies.as_ref().map(copies_sv).unwrap_or_default(),
            file = o.file,
            start = o.start,
            end = o.end
        ),
        CopiesHint => "behåll en fil per löfte: ta bort kopiorna (eller, om det är olika löften, sätt `area` eller avsluta det äldre dagen innan det nyare börjar)".into(),
        OverlapHint => "avsluta det äldre löftet dagen innan det nya börjar, eller sätt `area` om de gäller olika områden".into(),
        TowardNoWindow { activity, date, why } => {
            use crate::model::schedule::NoWindow as W;
            let why = match why {
                W::BeforeFrame(from) => format!("\"{activity}\" gäller från {from}"),
                W::AfterFrame(until) => format!("\"{activity}\" gällde till {until}"),
                W::NoSlotThatWeek => "den veckan har ingen ordinarie tid: dagen är en helgdag".into(),
                W::NoRequestWaiting => format!("den besvarar en förfrågan, men ingen väntade den {date}"),
                W::NoOccasion { fixed: true } => format!("{date} är inte ett av aktivitetens datum och ligger inte inom dagarna efter ett"),
                W::NoOccasion { fixed: false } => format!("inget registrerat tillfälle är öppet den {date}"),
            };
            format!("posten för \"{activity}\" den {date} räknas inte till något av dess tidsfönster: {why}")
        }
        TowardNoWindowHint => "`status` räknar den inte: rätta datumet, eller aktivitetens `from`/`until`; gällde arbetet en annan aktivitet, flytta posten dit".into(),
    }
}
