//! Labels and status words in Swedish and English. The löften's own text is never translated.

use chrono::{Datelike, NaiveDate};

use crate::model::{Party, State};
use crate::status::{FollowupState, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// From `LC_ALL`, `LC_MESSAGES` or `LANG` (the first that is set): `sv*` gives Swedish.
    pub fn from_env() -> Lang {
        let pick = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty());
        match pick {
            Some(v) if v.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }

    /// A label by its English key.
    pub fn t(self, key: &'static str) -> &'static str {
        if self == Lang::En {
            return key;
        }
        match key {
            "Activity" => "Aktivitet",
            "Owners" => "Ansvarig",
            "Target" => "Mål",
            "Progress" => "Utfört",
            "Last done" => "Senast",
            "Status" => "Status",
            "Period" => "Period",
            "days left" => "dagar kvar",
            "Follow-up" => "Uppföljning",
            "due" => "senast",
            "Summary" => "Sammanfattning",
            "Date" => "Datum",
            "By" => "Av",
            "Note" => "Anteckning",
            "Count" => "Antal",
            "Kommun" => "Kommun",
            "What we promised" => "Det här lovade vi",
            "What has been done" => "Det här har gjorts",
            "Behind" => "Det här ligger efter",
            "The police promise" => "Polisen lovar",
            "The kommun promises" => "Kommunen lovar",
            "Together" => "Tillsammans",
            "Others promise" => "Övriga lovar",
            "Problem" => "Problembild",
            "The promise" => "Medborgarlöftet",
            "Log since" => "Genomfört sedan",
            "Log" => "Genomfört",
            "Nothing recorded" => "Inget registrerat",
            "Nothing is behind." => "Inget ligger efter.",
            "once" => "en gång",
            "ongoing" => "löpande",
            "of" => "av",
            "as of" => "per",
            "Report" => "Rapport",
            "Signed" => "Undertecknat",
            "Lokalpolisområde" => "Lokalpolisområde",
            "Area" => "Område",
            "How" => "Hur",
            "Responsible" => "Ansvarig",
            "Presented" => "Redovisas",
            "in force until replaced" => "gäller tills ett nytt löfte tecknats",
            "no date given" => "inget datum angivet",
            "continuously" => "löpande",
            "yearly" => "årligen",
            "none" => "ingen",
            "Kod" => "Kod",
            "Län" => "Län",
            "State" => "Läge",
            "Activities" => "Aktiviteter",
            "no löften match" => "inga löften matchar",
            "no entries" => "inga poster",
            "recorded in" => "registrerat i",
            "removed from" => "borttaget ur",
            "would remove from" => "skulle ta bort ur",
            "dry run: nothing was written to" => "provkörning: inget skrevs till",
            _ => key,
        }
    }

    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (Lang::En, Status::Met) => "met",
            (Lang::En, Status::PartlyMet) => "partly met",
            (Lang::En, Status::OnTrack) => "on track",
            (Lang::En, Status::Behind) => "behind",
            (Lang::En, Status::Missed) => "missed",
            (Lang::En, Status::Ongoing) => "ongoing",
            (Lang::En, Status::NoReports) => "no reports",
            (Lang::En, Status::Upcoming) => "upcoming",
            (Lang::En, Status::NothingDue) => "nothing due",
            (Lang::Sv, Status::Met) => "genomförd",
            (Lang::Sv, Status::PartlyMet) => "delvis genomförd",
            (Lang::Sv, Status::OnTrack) => "i fas",
            (Lang::Sv, Status::Behind) => "efter",
            (Lang::Sv, Status::Missed) => "missad",
            (Lang::Sv, Status::Ongoing) => "pågår",
            (Lang::Sv, Status::NoReports) => "inga rapporter",
            (Lang::Sv, Status::Upcoming) => "kommande",
            (Lang::Sv, Status::NothingDue) => "inget att följa upp",
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
    pub fn per(self, per: crate::model::Per) -> &'static str {
        use crate::model::Per::*;
        match (self, per) {
            (Lang::En, p) => p.name(),
            (Lang::Sv, Week) => "vecka",
            (Lang::Sv, Month) => "månad",
            (Lang::Sv, Quarter) => "kvartal",
            (Lang::Sv, HalfYear) => "halvår",
            (Lang::Sv, Year) => "år",
            (Lang::Sv, Period) => "perioden",
        }
    }

    /// A short name for a window: "2016", "2016-05", "2016 Q2", "week 2017-03-06", or the
    /// dates.
    pub fn window(self, start: NaiveDate, end: NaiveDate) -> String {
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
        if (end - start).num_days() == 6 {
            return match self {
                Lang::En => format!("week of {start}"),
                Lang::Sv => format!("veckan från {start}"),
            };
        }
        format!("{start} – {end}")
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
        assert_eq!(Lang::En.window(d("2016-01-01"), d("2016-12-31")), "2016");
        assert_eq!(
            Lang::Sv.window(d("2016-04-01"), d("2016-06-30")),
            "kv2 2016"
        );
        assert_eq!(Lang::En.window(d("2016-05-01"), d("2016-05-31")), "2016-05");
        assert_eq!(
            Lang::En.window(d("2016-10-01"), d("2017-09-30")),
            "2016-10-01 – 2017-09-30"
        );
        assert_eq!(
            Lang::En.window(d("2017-03-06"), d("2017-03-12")),
            "week of 2017-03-06"
        );
    }
}
