//! Every label and status word in Swedish and English. A label is a [`Label`], and each
//! language is an exhaustive match, so the compiler proves every label is translated.
//!
//! Long because: every label in both languages, one exhaustive table per language.

use chrono::{Datelike, NaiveDate};

use super::Words;
use crate::model::{Party, Per, State};
use crate::rules::status::{FollowupState, Status};
use crate::view::i18n::Lang;

/// A fixed text of the output (headers, headings, messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Activity,
    Owners,
    Target,
    Progress,
    LastDone,
    /// Before the date of the latest work in a one-line layout (not a deadline).
    LastDoneShort,
    Status,
    Period,
    FollowUp,
    Due,
    Summary,
    Date,
    By,
    Note,
    Count,
    Kommun,
    WhatWePromised,
    WhatHasBeenDone,
    Behind,
    PolicePromise,
    KommunPromises,
    KommunernaPromise,
    Together,
    OthersPromise,
    Problem,
    ThePromise,
    LogSince,
    NothingRecorded,
    NothingIsBehind,
    /// In a period's place of a start the file does not state.
    StartNotStated,
    /// In place of [`Label::NothingIsBehind`] when nothing at all is recorded.
    NothingJudgedBehind,
    Once,
    Ongoing,
    OpenCount,
    OnRequest,
    Of,
    AsOf,
    Signed,
    Lokalpolisomrade,
    How,
    Responsible,
    Presented,
    InForceUntilReplaced,
    NoDateGiven,
    Continuously,
    Yearly,
    Kod,
    Lan,
    State,
    Activities,
    NoLoftenMatch,
    NoEntries,
    RecordedIn,
    RemovedFrom,
    WouldRemoveFrom,
    DryRunNothingWritten,
    SignedBy,
    NotStated,
    NoOwnerGiven,
    AtAGlance,
    Part,
    Unit,
    Meeting,
    Signatures,
    PlaceAndDate,
    NameInPrint,
    ForThePolice,
    ForTheKommun,
    KindWork,
    KindRequest,
    KindMeasurement,
    KindVerdict,
    /// Whose work, on a löfte of several kommuner, when no one kommun's: "shared".
    Shared,
    /// Beside the owners: their partners ("with").
    With,
    /// The first of a follow-up's details on the site.
    When,
    /// The title of the site's data (the data package and the catalog).
    SiteTitle,
    /// The name of the calendar feed, before the kommuner.
    CalendarName,
    /// Indicators and verdicts (issue 13), translated in `view::outcome`.
    Outcome(super::OutcomeLabel),
}

impl Words for Label {
    type Text = &'static str;

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn en(&self) -> &'static str {
        use Label::*;
        match *self {
            Activity => "Activity",
            Owners => "Owners",
            Target => "Target",
            Progress => "Progress",
            LastDone => "Last done",
            LastDoneShort => "last done",
            Status => "Status",
            Period => "Period",
            FollowUp => "Follow-up",
            Due => "due",
            Summary => "Summary",
            Date => "Date",
            By => "By",
            Note => "Note",
            Count => "Count",
            Kommun => "Kommun",
            WhatWePromised => "What we promised",
            WhatHasBeenDone => "What has been done",
            Behind => "Behind",
            PolicePromise => "The police promise",
            KommunPromises => "The kommun promises",
            KommunernaPromise => "The kommuner promise",
            Together => "Together",
            OthersPromise => "Others promise",
            Problem => "Problem",
            ThePromise => "The promise",
            LogSince => "Log since",
            NothingRecorded => "Nothing recorded",
            NothingIsBehind => "Nothing is behind.",
            StartNotStated => "start not stated",
            NothingJudgedBehind => "Nothing is recorded, so nothing can be judged behind.",
            Once => "once",
            Ongoing => "ongoing",
            OpenCount => "a number (not stated)",
            OnRequest => "on request",
            Of => "of",
            AsOf => "as of",
            Signed => "Signed",
            Lokalpolisomrade => "Lokalpolisområde",
            How => "How",
            Responsible => "Responsible",
            Presented => "Presented",
            InForceUntilReplaced => "in force until replaced",
            NoDateGiven => "no date given",
            Continuously => "continuously",
            Yearly => "yearly",
            Kod => "Kod",
            Lan => "Län",
            State => "State",
            Activities => "Activities",
            NoLoftenMatch => "no löften match",
            NoEntries => "no entries",
            RecordedIn => "recorded in",
            RemovedFrom => "removed from",
            WouldRemoveFrom => "would remove from",
            DryRunNothingWritten => "dry run: nothing was written to",
            SignedBy => "Signed by",
            NotStated => "not stated",
            NoOwnerGiven => "No owner stated",
            AtAGlance => "At a glance",
            Part => "Part",
            Unit => "Unit",
            Meeting => "Meeting",
            Signatures => "Signatures",
            PlaceAndDate => "Place and date",
            NameInPrint => "Name in print",
            ForThePolice => "For the police",
            ForTheKommun => "For the kommun",
            KindWork => "work",
            KindRequest => "request",
            KindMeasurement => "measurement",
            KindVerdict => "verdict",
            Shared => "shared",
            With => "with",
            When => "When",
            SiteTitle => "Medborgarlöften: what was promised and what has been done",
            CalendarName => "Medborgarlöften (citizen pledges)",
            Outcome(o) => o.en(),
        }
    }

    // Long because: one match arm per message, so the compiler proves each one exists.
    fn sv(&self) -> &'static str {
        use Label::*;
        match *self {
            Activity => "Aktivitet",
            Owners => "Ansvarig",
            Target => "Mål",
            Progress => "Utfört",
            LastDone => "Senast",
            LastDoneShort => "senast gjort",
            Status => "Status",
            Period => "Period",
            FollowUp => "Uppföljning",
            Due => "senast",
            Summary => "Sammanfattning",
            Date => "Datum",
            By => "Av",
            Note => "Anteckning",
            Count => "Antal",
            Kommun => "Kommun",
            WhatWePromised => "Det här lovade vi",
            WhatHasBeenDone => "Det här har gjorts",
            Behind => "Det här är försenat",
            PolicePromise => "Polisen lovar",
            KommunPromises => "Kommunen lovar",
            KommunernaPromise => "Kommunerna lovar",
            Together => "Tillsammans",
            OthersPromise => "Övriga lovar",
            Problem => "Problembild",
            ThePromise => "Medborgarlöftet",
            LogSince => "Genomfört sedan",
            NothingRecorded => "Inget registrerat",
            NothingIsBehind => "Inget är försenat.",
            StartNotStated => "startdatum saknas",
            NothingJudgedBehind => "Inget är registrerat, så inget kan bedömas som försenat.",
            Once => "en gång",
            Ongoing => "löpande",
            OpenCount => "ett antal (ej angivet)",
            OnRequest => "på begäran",
            Of => "av",
            AsOf => "per",
            Signed => "Undertecknat",
            Lokalpolisomrade => "Lokalpolisområde",
            How => "Hur",
            Responsible => "Ansvarig",
            Presented => "Redovisas",
            InForceUntilReplaced => "gäller tills ett nytt löfte tecknats",
            NoDateGiven => "inget datum angivet",
            Continuously => "löpande",
            Yearly => "årligen",
            Kod => "Kod",
            Lan => "Län",
            State => "Läge",
            Activities => "Aktiviteter",
            NoLoftenMatch => "inga löften passar urvalet",
            NoEntries => "inga poster",
            RecordedIn => "registrerat i",
            RemovedFrom => "borttaget ur",
            WouldRemoveFrom => "skulle ta bort ur",
            DryRunNothingWritten => "provkörning: inget skrevs till",
            SignedBy => "Undertecknat av",
            NotStated => "anges inte",
            NoOwnerGiven => "Utan angiven ansvarig",
            AtAGlance => "Översikt",
            Part => "Del",
            Unit => "Enhet",
            Meeting => "Möte",
            Signatures => "Underskrifter",
            PlaceAndDate => "Ort och datum",
            NameInPrint => "Namnförtydligande",
            ForThePolice => "För polisen",
            ForTheKommun => "För kommunen",
            KindWork => "arbete",
            KindRequest => "förfrågan",
            KindMeasurement => "mätning",
            KindVerdict => "bedömning",
            Shared => "gemensamt",
            With => "med",
            When => "När",
            SiteTitle => "Medborgarlöften: vad som lovades och vad som har gjorts",
            CalendarName => "Medborgarlöften",
            Outcome(o) => o.sv(),
        }
    }
}

impl Lang {
    /// A label in this language.
    pub fn t(self, label: Label) -> &'static str {
        label.say(self)
    }

    /// The heading of what a party other than the police and the kommun promises.
    pub fn other_promises(self, name: &str) -> String {
        match self {
            Lang::En => format!("{name} promises"),
            Lang::Sv => format!("{name} lovar"),
        }
    }

    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (Lang::En, Status::Met) => "met",
            (Lang::En, Status::OnTrack) => "on track",
            (Lang::En, Status::Behind) => "behind",
            (Lang::En, Status::Missed) => "missed",
            (Lang::En, Status::Ongoing) => "ongoing",
            (Lang::En, Status::NoReports) => "no reports",
            (Lang::En, Status::Upcoming) => "upcoming",
            (Lang::En, Status::PartlyMet) => "partly met",
            (Lang::En, Status::NothingDue) => "nothing due",
            (Lang::En, Status::NothingRecorded) => "nothing recorded",
            (Lang::Sv, Status::Met) => "genomförd",
            (Lang::Sv, Status::OnTrack) => "i fas",
            (Lang::Sv, Status::Behind) => "försenad",
            (Lang::Sv, Status::Missed) => "missad",
            (Lang::Sv, Status::Ongoing) => "pågår",
            (Lang::Sv, Status::NoReports) => "inga rapporter",
            (Lang::Sv, Status::Upcoming) => "kommande",
            (Lang::Sv, Status::PartlyMet) => "delvis genomförd",
            (Lang::Sv, Status::NothingDue) => "inget att följa upp",
            (Lang::Sv, Status::NothingRecorded) => "inget registrerat",
        }
    }

    /// A counted status word agreeing in number, for summaries: "1 missad", "2 missade",
    /// "3 utan rapporter", "1 met".
    pub fn status_count(self, s: Status, n: usize) -> String {
        let one = n == 1;
        let word = match (self, s) {
            (Lang::En, Status::NoReports) => "without reports",
            (Lang::En, Status::NothingDue) => "with nothing due",
            (Lang::En, Status::NothingRecorded) => "with nothing recorded",
            (Lang::En, s) => self.status(s),
            (Lang::Sv, Status::Met) if one => "genomförd",
            (Lang::Sv, Status::Met) => "genomförda",
            (Lang::Sv, Status::PartlyMet) if one => "delvis genomförd",
            (Lang::Sv, Status::PartlyMet) => "delvis genomförda",
            (Lang::Sv, Status::Behind) if one => "försenad",
            (Lang::Sv, Status::Behind) => "försenade",
            (Lang::Sv, Status::Missed) if one => "missad",
            (Lang::Sv, Status::Missed) => "missade",
            (Lang::Sv, Status::Ongoing) => "pågående",
            (Lang::Sv, Status::NoReports) => "utan rapporter",
            (Lang::Sv, Status::NothingDue) => "utan något att följa upp",
            (Lang::Sv, Status::NothingRecorded) => "utan något registrerat",
            (Lang::Sv, s) => self.status(s),
        };
        format!("{n} {word}")
    }

    /// The status as a phrase that explains itself where the word alone could mislead: "no
    /// reports" next to "1 recorded" becomes "nothing reported in the last 90 days".
    pub fn status_phrase(self, s: Status) -> String {
        let days = crate::rules::status::ONGOING_DAYS;
        match (self, s) {
            (Lang::En, Status::NoReports) => format!("nothing reported in the last {days} days"),
            (Lang::Sv, Status::NoReports) => format!("inget rapporterat de senaste {days} dagarna"),
            (l, s) => l.status(s).to_string(),
        }
    }

    /// "1 day left", "2 dagar kvar".
    pub fn days_left(self, n: i64) -> String {
        match (self, n) {
            (Lang::En, 1) => "1 day left".into(),
            (Lang::En, n) => format!("{n} days left"),
            (Lang::Sv, 1) => "1 dag kvar".into(),
            (Lang::Sv, n) => format!("{n} dagar kvar"),
        }
    }

    /// "1 activity", "2 aktiviteter".
    pub fn activities(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "1 activity".into(),
            (Lang::En, n) => format!("{n} activities"),
            (Lang::Sv, 1) => "1 aktivitet".into(),
            (Lang::Sv, n) => format!("{n} aktiviteter"),
        }
    }

    /// An activity id as a reader sees it: the follow-up's id `followup` in words
    /// ("uppföljning", "follow-up"); any other id as it is.
    pub fn activity_id(self, id: &str) -> &str {
        match (self, id == crate::model::FOLLOWUP_ID) {
            (Lang::Sv, true) => "uppföljning",
            (Lang::En, true) => "follow-up",
            (_, false) => id,
        }
    }

    pub fn followup(self, s: FollowupState) -> &'static str {
        match (self, s) {
            (Lang::En, FollowupState::Scheduled) => "scheduled",
            (Lang::En, FollowupState::Due) => "due",
            (Lang::En, FollowupState::Done) => "done",
            (Lang::En, FollowupState::Overdue) => "overdue",
            (Lang::En, FollowupState::Unscheduled) => "no date given",
            (Lang::En, FollowupState::Missing) => "none in the löfte",
            (Lang::Sv, FollowupState::Scheduled) => "planerad",
            (Lang::Sv, FollowupState::Due) => "ska göras nu",
            (Lang::Sv, FollowupState::Done) => "genomförd",
            (Lang::Sv, FollowupState::Overdue) => "försenad",
            (Lang::Sv, FollowupState::Unscheduled) => "inget datum angivet",
            (Lang::Sv, FollowupState::Missing) => "saknas i löftet",
        }
    }

    /// The heading of a spreadsheet column from its CSV key (`window_start`): "Fönstrets
    /// början", "Window start"; a key it does not know as it is.
    pub fn column(self, key: &str) -> String {
        let sv = match key {
            "file" => "Fil",
            "kommuner" => "Kommuner",
            "kommunkod" => "Kommunkod",
            "state" => "Läge",
            "activity" => "Aktivitet (id)",
            "owners" => "Ansvarig",
            "target" => "Mål",
            "required" => "Krävs",
            "done" => "Utfört",
            "window_start" => "Fönstrets början",
            "window_end" => "Fönstrets slut",
            "last_done" => "Senast",
            "status" => "Status",
            "windows_met" => "Uppfyllda fönster",
            "windows_missed" => "Missade fönster",
            "windows_open" => "Öppna fönster",
            "title" => "Aktivitet",
            "text" => "Text",
            "lan" => "Län",
            "lokalpolisomrade" => "Lokalpolisområde",
            "area" => "Område",
            "start" => "Start",
            "end" => "Slut",
            "activities" => "Aktiviteter",
            "date" => "Datum",
            "count" => "Antal",
            "by" => "Av",
            "note" => "Anteckning",
            "unit" => "Enhet",
            "part" => "Del",
            "kommun" => "Kommun",
            "kind" => "Typ",
            k => k,
        };
        match self {
            Lang::Sv => sv.to_string(),
            Lang::En => key.to_string(),
        }
    }

    /// The heading of the column that keeps a translated column's codes: "Status (kod)".
    pub fn code_column(self, key: &str) -> String {
        match self {
            Lang::Sv => format!("{} (kod)", self.column(key)),
            Lang::En => format!("{key}_code"),
        }
    }

    pub fn state(self, s: State) -> &'static str {
        match (self, s) {
            (Lang::En, s) => s.name(),
            (Lang::Sv, State::Upcoming) => "kommande",
            (Lang::Sv, State::Active) => "pågår",
            (Lang::Sv, State::Ended) => "avslutat",
        }
    }

    pub fn party(self, p: &Party) -> String {
        match (self, p) {
            (Lang::En, Party::Polisen) => "police".into(),
            (Lang::En, Party::Kommunen) => "kommun".into(),
            (Lang::Sv, Party::Polisen) => "polisen".into(),
            (Lang::Sv, Party::Kommunen) => "kommunen".into(),
            (Lang::En, Party::Kommunerna) => "the kommuner".into(),
            (Lang::Sv, Party::Kommunerna) => "kommunerna".into(),
            (_, Party::Other(s)) => s.clone(),
        }
    }

    /// "2 per year" / "2 per år".
    pub fn per(self, per: Per) -> &'static str {
        match (self, per) {
            (Lang::En, p) => p.name(),
            (Lang::Sv, Per::Week) => "vecka",
            (Lang::Sv, Per::Month) => "månad",
            (Lang::Sv, Per::Quarter) => "kvartal",
            (Lang::Sv, Per::HalfYear) => "halvår",
            (Lang::Sv, Per::Year) => "år",
            (Lang::Sv, Per::Period) => "perioden",
        }
    }

    /// A short name for a window: "2016", "2016-05", "2016 Q2", "week 2017-03-06", or the
    /// dates.
    pub fn window(self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return start.to_string();
        }
        let next = end.succ_opt().unwrap_or(end);
        if start.day() == 1
            && start.month() == 1
            && next.day() == 1
            && next.month() == 1
            && next.year() == start.year() + 1
        {
            return start.year().to_string();
        }
        if start.day() == 1 && next.day() == 1 {
            let months =
                (next.year() - start.year()) * 12 + next.month() as i32 - start.month() as i32;
            if months == 1 {
                return format!("{}-{:02}", start.year(), start.month());
            }
            if months == 3 && (start.month() - 1).is_multiple_of(3) {
                let q = (start.month() - 1) / 3 + 1;
                return match self {
                    Lang::En => format!("{} Q{q}", start.year()),
                    Lang::Sv => format!("kv{q} {}", start.year()),
                };
            }
        }
        format!("{start} – {end}")
    }

    /// The ISO week of a weekly window, "week 22, 2017" / "vecka 22 2017": the week of its
    /// middle day, so a short first or last week joined to its neighbour takes that week's
    /// number.
    pub fn week(self, start: NaiveDate, end: NaiveDate) -> String {
        let mid = start + chrono::TimeDelta::days((end - start).num_days() / 2);
        let w = mid.iso_week();
        match self {
            Lang::En => format!("week {}, {}", w.week(), w.year()),
            Lang::Sv => format!("vecka {} {}", w.week(), w.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn window_names() {
        let cases = [
            (Lang::En, "2016-01-01", "2016-12-31", "2016"),
            (Lang::Sv, "2016-04-01", "2016-06-30", "kv2 2016"),
            (Lang::En, "2016-04-01", "2016-06-30", "2016 Q2"),
            (Lang::En, "2016-05-01", "2016-05-31", "2016-05"),
            (
                Lang::En,
                "2016-10-01",
                "2017-09-30",
                "2016-10-01 – 2017-09-30",
            ),
            (
                Lang::En,
                "2017-03-06",
                "2017-03-12",
                "2017-03-06 – 2017-03-12",
            ),
        ];
        for (lang, from, to, want) in cases {
            assert_eq!(lang.window(d(from), d(to)), want, "{from} {to}");
        }
        // Weekly windows are ISO weeks, named by their middle day: a Sunday 1 January
        // joined to week 1, and a Monday 31 December joined to week 52.
        let weeks = [
            (Lang::En, "2017-03-06", "2017-03-12", "week 10, 2017"),
            (Lang::Sv, "2017-03-06", "2017-03-12", "vecka 10 2017"),
            (Lang::Sv, "2017-01-01", "2017-01-08", "vecka 1 2017"),
            (Lang::Sv, "2018-12-24", "2018-12-31", "vecka 52 2018"),
            (Lang::En, "2020-12-28", "2021-01-03", "week 53, 2020"),
        ];
        for (lang, from, to, want) in weeks {
            assert_eq!(lang.week(d(from), d(to)), want, "{from} {to}");
        }
    }

    #[test]
    fn labels_differ_by_language_where_they_should() {
        assert_eq!(Lang::En.t(Label::LastDone), "Last done");
        assert_eq!(Lang::Sv.t(Label::LastDone), "Senast");
        assert_eq!(Lang::Sv.t(Label::Status), Lang::En.t(Label::Status));
    }

    #[test]
    fn counts_agree_in_number() {
        let cases = [
            (Lang::Sv, Status::Missed, 1, "1 missad"),
            (Lang::Sv, Status::Missed, 2, "2 missade"),
            (Lang::Sv, Status::Met, 2, "2 genomförda"),
            (Lang::Sv, Status::PartlyMet, 1, "1 delvis genomförd"),
            (Lang::Sv, Status::NoReports, 1, "1 utan rapporter"),
            (Lang::Sv, Status::Ongoing, 3, "3 pågående"),
            (Lang::En, Status::Missed, 1, "1 missed"),
            (Lang::En, Status::NoReports, 2, "2 without reports"),
        ];
        for (lang, st, n, want) in cases {
            assert_eq!(lang.status_count(st, n), want);
        }
        assert_eq!(Lang::Sv.days_left(1), "1 dag kvar");
        assert_eq!(Lang::Sv.days_left(2), "2 dagar kvar");
        assert_eq!(Lang::En.days_left(1), "1 day left");
        assert_eq!(Lang::En.days_left(0), "0 days left");
        assert_eq!(Lang::Sv.activities(1), "1 aktivitet");
        assert_eq!(Lang::En.activities(1), "1 activity");
        assert_eq!(Lang::En.activities(5), "5 activities");
        assert_eq!(Lang::Sv.activity_id("followup"), "uppföljning");
        assert_eq!(Lang::Sv.activity_id("narvaro"), "narvaro");
        assert_eq!(
            Lang::Sv.status_phrase(Status::NoReports),
            "inget rapporterat de senaste 90 dagarna"
        );
    }
}
