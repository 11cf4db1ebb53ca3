//! The model layer: the checked domain types of a medborgarlöfte ([`Pledge`], its activities,
//! targets, log, and the outcome types of [`outcome`]) and the calendar arithmetic they need
//! ([`schedule`]: windows of a period; [`followup`]: the follow-up's due days; [`holidays`]).
//! Values of these types have passed the loader's checks, so nothing downstream validates
//! again. It imports nothing of ours but the leaves ([`crate::text`], [`crate::kommuner`]).

use std::ops::Range;

use chrono::{NaiveDate, Weekday};
use serde::Serialize;

use crate::kommuner::Kommun;

pub mod followup;
pub mod holidays;
pub mod outcome;
pub mod schedule;
pub mod series;

/// The activity id that log entries use to record the follow-up itself.
pub const FOLLOWUP_ID: &str = "followup";

/// Words that mean the follow-up itself, so no activity may take them as its id.
pub const RESERVED_IDS: [&str; 4] = [FOLLOWUP_ID, "follow-up", "uppfoljning", "uppföljning"];

/// The most occurrences one target or one log entry may count: more is a typo, and the sum of
/// a file's entries stays far from `u32::MAX`.
pub const MAX_COUNT: u32 = 10_000;

/// The most days after an occurrence that a per-occurrence target may allow (`grace_days`).
pub const MAX_GRACE_DAYS: u32 = 366;

/// The English name of a weekday, for messages ("Wednesday").
pub fn day_name(w: Weekday) -> &'static str {
    use Weekday::*;
    match w {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// The longest period a löfte may have, in years: a löfte runs for one to a few years, so a
/// longer one is a typo in `start` or `end` (and would make every window list huge).
pub const MAX_PERIOD_YEARS: u32 = 10;

/// The most windows of work one file may ask to be judged (over all its activities, parts and
/// units): 50 schools with a weekly target for four years ask for about 10,500. A file asking
/// for more (100,000 units, a weekly slot on 10,000 parts) is refused, so no view of a small
/// file grows without bound.
pub const MAX_WINDOWS: u64 = 20_000;

/// The last day on which a log entry is not "in the future", for every command alike:
/// `--as-of` moves the view, and may move the day forward (to try a later date), but never
/// makes entries already written (up to the real `today`) count as future.
pub fn future_cutoff(as_of: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    as_of.map_or(today, |d| d.max(today))
}

#[derive(Debug, Clone)]
pub struct Pledge {
    /// The file as given or found (for messages).
    pub file: String,
    pub title: String,
    pub kommuner: Vec<&'static Kommun>,
    /// Part of a kommun (a stadsdel, an area of a city), when the löfte is not for all of it.
    pub area: Option<String>,
    pub lokalpolisomrade: Option<String>,
    pub signed: Option<NaiveDate>,
    pub signatories: Vec<Signatory>,
    pub source: Option<String>,
    pub period: Period,
    pub problem: Problem,
    pub promise: Option<String>,
    pub activities: Vec<Activity>,
    /// Events the löfte refers to, whose occurrences are recorded (`[[event]]`).
    pub events: Vec<Event>,
    pub followup: Option<Followup>,
    pub log: Vec<LogEntry>,
    /// What the löfte should change, its measured values and the follow-up's verdicts.
    pub indicators: Vec<outcome::Indicator>,
    pub measurements: Vec<outcome::Measurement>,
    pub verdicts: Vec<outcome::VerdictEntry>,
    /// Where `period` is written, for diagnostics that span files (overlaps).
    pub period_span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signatory {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    /// The löfte stays in force until a new one is signed (its activities' windows still end
    /// at `end`).
    pub until_replaced: bool,
    /// Whether the text states the start. When it does not, the start is unknown and `start`
    /// is the day work is judged from, as a view on a date sees it ([`Period::as_of`]).
    pub start_stated: bool,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    /// Whether work dated `d` can belong to the period: inside it, or, when the start is not
    /// stated, any day up to its end that is not further before it than the longest period
    /// (the work then moves the start it is judged from).
    pub fn may_hold(&self, d: NaiveDate) -> bool {
        d <= self.end
            && if self.start_stated {
                self.start <= d
            } else {
                self.earliest() <= d
            }
    }
    /// The earliest day a period ending on `end` can start: [`MAX_PERIOD_YEARS`] before it.
    pub fn earliest(&self) -> NaiveDate {
        self.end
            .checked_sub_months(chrono::Months::new(12 * MAX_PERIOD_YEARS))
            .map_or(NaiveDate::MIN, |d| d.succ_opt().unwrap_or(d))
    }
    /// The period as a view on `as_of` sees it. A stated start is kept. An unstated start is
    /// unknown: work is judged from the first work recorded on or before `as_of` (what is
    /// recorded later is not seen), and before any such work from `as_of` itself, so that the
    /// löfte is in force until its end and no window before the first recorded work is judged;
    /// never after the end, and never before [`Period::earliest`] (a löfte runs at most
    /// [`MAX_PERIOD_YEARS`] years, so a view long before its end sees it as upcoming).
    pub fn as_of(&self, log: &[LogEntry], as_of: NaiveDate) -> Period {
        if self.start_stated {
            return *self;
        }
        let first = log
            .iter()
            .filter(|e| e.is_work() && e.date <= as_of)
            .map(|e| e.date)
            .min();
        Period {
            start: first.unwrap_or(as_of).max(self.earliest()).min(self.end),
            ..*self
        }
    }
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub title: Option<String>,
    pub text: Option<String>,
    /// Prioritised problems, most important first.
    pub priorities: Vec<String>,
    /// Problems listed without a ranking.
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub id: String,
    /// A human title for headings ("Samverkansmöten"); `None` when the file gives none, and
    /// the views derive one from the text.
    pub title: Option<String>,
    pub text: String,
    pub owners: Vec<Owner>,
    /// Others named as taking part, without being responsible.
    pub partners: Vec<Owner>,
    pub target: Target,
    /// Units the target applies to each of (schools, districts); work names its unit.
    pub units: Vec<String>,
    /// Parts with targets of their own; work names its part. Each part is an activity whose
    /// `id` is the part's id, sharing the parent's owners.
    pub parts: Vec<Activity>,
    /// The activity's own time frame, inside or beside the löfte's period.
    pub frame: Frame,
}

/// An activity's own time frame; open ends are the löfte's period's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frame {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Frame {
    /// The frame as a period, inside the löfte's period bounds where it leaves them open.
    pub fn within(&self, p: &Period) -> Period {
        Period {
            start: self.from.unwrap_or(p.start),
            end: self.until.unwrap_or(p.end),
            ..*p
        }
    }
    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    Polisen,
    Kommunen,
    /// Every kommun of a löfte signed by several.
    Kommunerna,
    /// A named third party: a housing company, Kustbevakningen, a förening...
    Other(String),
}

impl Party {
    pub fn parse(s: &str) -> Party {
        match crate::kommuner::fold(s).as_str() {
            "polisen" | "polis" | "police" => Party::Polisen,
            "kommunen" | "kommun" | "municipality" => Party::Kommunen,
            "kommunerna" | "municipalities" => Party::Kommunerna,
            _ => Party::Other(s.trim().to_string()),
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Party::Polisen => "polisen",
            Party::Kommunen => "kommunen",
            Party::Kommunerna => "kommunerna",
            Party::Other(s) => s,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub who: Party,
    /// This owner's own part, where the text gives one ("upptäckt och lagföring").
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Ongoing work without a count.
    None,
    /// A milestone, done once.
    Once,
    /// At least `count` per window.
    Count { count: u32, per: Per },
    /// A count the text leaves open ("ett antal"): work is shown and counted, never judged.
    Open,
    /// Done when asked ("om en skola ber om ett besök, kommer vi"): requests are recorded,
    /// and each needs an answer.
    OnRequest,
    /// At least `count` for each occurrence of something else: on the occurrence's day or
    /// within `grace_days` after it (never past the day before the next occurrence).
    Each {
        count: u32,
        of: Occurrences,
        grace_days: u32,
    },
    /// A fixed weekly slot ("varje tisdag kväll"): each ISO week whose `weekday` is not a
    /// Swedish public holiday (when `except_holidays`) needs one.
    Weekly {
        weekday: Weekday,
        time: Option<String>,
        except_holidays: bool,
    },
}

/// What an [`Target::Each`] target counts per.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Occurrences {
    /// The recorded work of another activity (by id).
    Activity(String),
    /// The recorded occurrences of an event the löfte refers to (by id), `[[event]]`.
    Event(String),
    /// A listed series of dates.
    Dates(Vec<NaiveDate>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Per {
    Week,
    Month,
    Quarter,
    HalfYear,
    Year,
    Period,
}

impl Per {
    pub const NAMES: [&'static str; 6] =
        ["week", "month", "quarter", "half-year", "year", "period"];
    pub fn parse(s: &str) -> Option<Per> {
        Some(match s {
            "week" => Per::Week,
            "month" => Per::Month,
            "quarter" => Per::Quarter,
            "half-year" => Per::HalfYear,
            "year" => Per::Year,
            "period" => Per::Period,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        Per::NAMES[self as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Followup {
    pub when: Option<FollowupWhen>,
    pub how: Option<String>,
    pub responsible: Option<String>,
    pub presented: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowupWhen {
    /// Due by this date.
    Date { date: NaiveDate },
    /// Due within this quarter ("första kvartalet 2017").
    Quarter { year: i32, quarter: u32 },
    /// Due at the end of each year of the period.
    Yearly,
    /// Reported continuously (at every BRÅ meeting, say).
    Continuous,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub date: NaiveDate,
    /// An activity id, or [`FOLLOWUP_ID`].
    pub activity: String,
    /// The part of the activity, for activities with parts.
    pub part: Option<String>,
    /// The unit worked for, for activities with units.
    pub unit: Option<String>,
    /// Which kommun the work was for, on a löfte for several (None: shared work).
    pub kommun: Option<&'static Kommun>,
    /// A request received (for on-request activities) rather than work done.
    pub request: bool,
    /// Work on a day other than a weekly slot's weekday, recorded as that week's slot.
    pub instead_of_slot: bool,
    /// That an event the löfte refers to happened (`activity` is then the event's id): an
    /// occurrence, not work.
    pub event: bool,
    pub count: u32,
    pub by: Option<String>,
    pub note: Option<String>,
    /// Byte range of the entry's keys and values in the source (header not included).
    pub span: Range<usize>,
}

impl LogEntry {
    pub fn is_followup(&self) -> bool {
        !self.event && self.activity == FOLLOWUP_ID
    }
    /// Work on an activity (or a request for it): not the follow-up, not an event.
    pub fn is_work(&self) -> bool {
        !self.event && self.activity != FOLLOWUP_ID
    }
}

/// An event the löfte refers to but does not itself promise ("vid varje sammanträde med
/// BRÅ"): its occurrences are recorded, and targets count per occurrence of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub text: String,
}

impl Pledge {
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }
    /// Names of the kommuner, joined for display ("Kil, Forshaga, Grums").
    pub fn kommun_names(&self) -> String {
        self.kommuner
            .iter()
            .map(|k| k.name)
            .collect::<Vec<_>>()
            .join(", ")
    }
    /// Whether the löfte is for the part of the kommun an `--area` argument names (its
    /// `area`, folded, starts with it); with no argument every löfte is.
    pub fn in_area(&self, query: Option<&str>) -> bool {
        use crate::kommuner::fold;
        match (query, &self.area) {
            (None, _) => true,
            (Some(q), Some(a)) => fold(a).starts_with(&fold(q)),
            (Some(_), None) => false,
        }
    }

    /// Whether the löfte is for exactly the area `query` names (folded: case and accents
    /// aside); without a query, whether it is for the whole kommun.
    pub fn is_area(&self, query: Option<&str>) -> bool {
        use crate::kommuner::fold;
        match (query, &self.area) {
            (None, area) => area.is_none(),
            (Some(q), Some(a)) => fold(a) == fold(q),
            (Some(_), None) => false,
        }
    }

    /// The kommunkoder, joined by spaces ("1715 1763").
    pub fn kommunkoder(&self) -> String {
        self.kommuner
            .iter()
            .map(|k| k.kod)
            .collect::<Vec<_>>()
            .join(" ")
    }
    /// Drops who recorded each entry and its note, for a command over a whole folder that
    /// shows neither (a national folder's notes are a third of its log's memory).
    pub fn forget_authors_and_notes(&mut self) {
        for e in &mut self.log {
            e.by = None;
            e.note = None;
        }
        self.log.shrink_to_fit();
    }

    /// Drops the log, measurements and verdicts, for a command that shows only the löften.
    pub fn forget_records(&mut self) {
        self.log = Vec::new();
        self.measurements = Vec::new();
        self.verdicts = Vec::new();
    }

    /// The period as the view on `on` sees it ([`Period::as_of`]).
    pub fn period_on(&self, on: NaiveDate) -> Period {
        self.period.as_of(&self.log, on)
    }

    /// Whether nothing at all is recorded on or before `on`: no work, request, follow-up or
    /// event.
    pub fn nothing_recorded(&self, on: NaiveDate) -> bool {
        !self.log.iter().any(|e| e.date <= on)
    }

    /// State of the löfte on a date. A löfte whose start is not stated is in force until its
    /// end from the view's point of view.
    pub fn state(&self, on: NaiveDate) -> State {
        let period = self.period_on(on);
        if on < period.start {
            State::Upcoming
        } else if on > period.end {
            State::Ended
        } else {
            State::Active
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Upcoming,
    Active,
    Ended,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Upcoming => "upcoming",
            State::Active => "active",
            State::Ended => "ended",
        }
    }
}
