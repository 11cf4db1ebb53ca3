//! The calendar feed: dated events derived from each löfte's status on a date, written as
//! iCalendar (RFC 5545) by [`ics`]. Pure: pledges, their status and a language in, values out.
//!
//! Which events (all-day, on the day something is due):
//! - the follow-up's due date (the quarter's last day for a quarter; each coming year-end for
//!   a yearly follow-up), until it is recorded;
//! - the last day of each window of a counted target (count per week/month/…, a weekly slot,
//!   a count per occurrence, a once-only activity's frame) that is short of its count, for the
//!   current window and those to come; ended windows are left out (they are in the report);
//! - the day by which the oldest unanswered request of an on-request activity should be
//!   answered;
//! - the löfte's end.
//!
//! Identity and revisions (also in the README, "Calendar"):
//! - **UID** names what the event is, never when it was built: kommunkoder, the file's stem,
//!   the kind, the activity (part, unit) and the window's first day, each percent-encoded,
//!   joined by `/`, with `@pledge` after: `1715/filipstad-2016/window/trygghetsvandring/2016-01-01@pledge`.
//!   The same event keeps its UID across rebuilds and as-of dates; an event whose date moves
//!   (a follow-up date edited) keeps it too, so calendars move it rather than add one.
//! - **SEQUENCE** is the number of log entries the event reflects (work recorded in its
//!   window), so recording work, the change the event's text shows ("1 av 2"), raises it.
//!   **DTSTAMP** is the day the event's information last changed as far as the files tell: the
//!   latest of those entries, else the day the löfte dates from (the earlier of its signing
//!   day and its stated start; without either, its first entry). Neither depends on the as-of date or the clock, so rebuilding gives the
//!   same bytes. What SEQUENCE cannot see: an edit of the file's wording or dates changes the
//!   event but not SEQUENCE, and `undo` lowers it. Subscribed calendars (Google, Outlook,
//!   Apple) replace the events from the feed on every refresh whatever SEQUENCE says; it
//!   matters to clients that import the file as an invitation, and for them the rule gives a
//!   higher number whenever work is recorded.

use crate::view::Label;
use crate::view::messages::{CalendarMsg, Words};
use crate::view::title::activity_title;

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};

use crate::model::{Activity, FollowupWhen, Pledge, Target};
use crate::rules::status::{ActivityStatus, FollowupState, PledgeStatus, WindowStatus};
use crate::view::i18n::Lang;

pub mod ics;
#[cfg(test)]
mod tests;

/// What an event is. Indicator measurements due will be a kind of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// The follow-up of the löfte is due.
    FollowupDue,
    /// The last day of a window that is short of its count.
    WindowEnd,
    /// The oldest open request of an on-request activity should be answered.
    AnswerDue,
    /// The löfte's period ends.
    PledgeEnd,
}

impl EventKind {
    /// The name used in UIDs.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::FollowupDue => "followup",
            EventKind::WindowEnd => "window",
            EventKind::AnswerDue => "answer",
            EventKind::PledgeEnd => "end",
        }
    }
}

/// One calendar event: all day, or at a time of day in Sweden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    /// Stable identity (see the module's documentation).
    pub uid: String,
    /// The day (DTSTART;VALUE=DATE, or with [`Event::time`] the day of DTSTART;TZID=…).
    pub date: NaiveDate,
    /// From and to, local time in Europe/Stockholm: a weekly slot's hours ("18-20").
    pub time: Option<(NaiveTime, NaiveTime)>,
    pub summary: String,
    pub description: String,
    /// The day its information last changed (DTSTAMP, at 00:00 UTC).
    pub revised: NaiveDate,
    pub sequence: u32,
}

/// The events of every löfte, ordered by date, then UID.
pub fn events(statuses: &[PledgeStatus<'_>], lang: Lang) -> Vec<Event> {
    let mut out: Vec<Event> = statuses
        .iter()
        .flat_map(|s| pledge_events(s, lang))
        .collect();
    out.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    out
}

/// The whole feed for these löften: [`events`] written by [`ics::write`] under
/// [`calendar_name`].
pub fn feed(statuses: &[PledgeStatus<'_>], lang: Lang) -> String {
    ics::write(
        &calendar_name(statuses, lang),
        lang,
        &events(statuses, lang),
    )
}

/// [`feed`] of löften whose files' paths relative to the pledges folder are `files` (one
/// each, in order), which their UIDs name: two files of one name in different folders give
/// different UIDs.
pub fn feed_in(statuses: &[PledgeStatus<'_>], files: &[&str], lang: Lang) -> String {
    let mut out: Vec<Event> = statuses
        .iter()
        .zip(files)
        .flat_map(|(s, f)| pledge_events_in(s, lang, f))
        .collect();
    out.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    ics::write(&calendar_name(statuses, lang), lang, &out)
}

/// The calendar's name: "Medborgarlöften – Filipstad" for one kommun's löften.
pub fn calendar_name(statuses: &[PledgeStatus<'_>], lang: Lang) -> String {
    let base = lang.t(Label::CalendarName);
    let mut names: Vec<String> = statuses.iter().map(|s| who(s.pledge)).collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [one] => format!("{base} – {one}"),
        _ => base.to_string(),
    }
}

/// What one löfte puts in the calendar (unordered), its UIDs naming its file by name alone
/// (see [`pledge_events_in`] for its path in the pledges folder).
pub fn pledge_events(s: &PledgeStatus<'_>, lang: Lang) -> Vec<Event> {
    let name = std::path::Path::new(&s.pledge.file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(&s.pledge.file);
    pledge_events_in(s, lang, name)
}

/// What one löfte puts in the calendar (unordered); `file` is its file's path relative to
/// the pledges folder, which its events' UIDs name.
pub fn pledge_events_in(s: &PledgeStatus<'_>, lang: Lang, file: &str) -> Vec<Event> {
    let cx = Cx::new(s, lang, file);
    let mut out = Vec::new();
    followup_events(&cx, &mut out);
    for a in &s.activities {
        activity_events(&cx, a, None, &mut out);
    }
    let p = s.pledge;
    if p.period.end >= s.as_of {
        let summary = CalendarMsg::PledgeEnds {
            who: &cx.who,
            until_replaced: p.period.until_replaced,
        }
        .say(lang);
        out.push(cx.event(
            EventKind::PledgeEnd,
            &[],
            p.period.end,
            summary,
            p.title.clone(),
        ));
    }
    out
}

/// An event's UID: `kommunkoder/file/kind/what…@pledge`, each part [`encode`]d, where
/// `file` is the path of the löfte's file relative to the pledges folder without `.toml`
/// (`filipstad-2016`, `arkiv/filipstad-2016`: two files of one name in different folders
/// give different UIDs). Other modules adding kinds of events make their UIDs here too.
pub fn uid(file: &str, p: &Pledge, kind: EventKind, what: &[&str]) -> String {
    let koder: Vec<&str> = p.kommuner.iter().map(|k| k.kod).collect();
    let file = file.replace('\\', "/");
    let stem = file.strip_suffix(".toml").unwrap_or(&file);
    let mut uid = format!(
        "{}/{}/{}",
        encode(&koder.join("+")),
        encode(stem),
        kind.name()
    );
    for w in what {
        uid.push('/');
        uid.push_str(&encode(w));
    }
    uid.push_str("@pledge");
    uid
}

/// The day a löfte's information dates from, DTSTAMP of events no recorded work has changed:
/// the earlier of its signing day and its stated start; without either, its first entry.
pub fn anchor(p: &Pledge) -> NaiveDate {
    let first_entry = p.log.iter().map(|e| e.date).min();
    let stated = p.period.start_stated.then_some(p.period.start);
    match (p.signed, stated) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).or(first_entry).unwrap_or(NaiveDate::MIN),
    }
}

/// What every event of one löfte shares.
struct Cx<'a> {
    s: &'a PledgeStatus<'a>,
    lang: Lang,
    /// The file's path relative to the pledges folder.
    file: &'a str,
    who: String,
    /// The day the löfte's information dates from.
    anchor: NaiveDate,
}

impl<'a> Cx<'a> {
    fn new(s: &'a PledgeStatus<'a>, lang: Lang, file: &'a str) -> Cx<'a> {
        Cx {
            s,
            lang,
            file,
            who: who(s.pledge),
            anchor: anchor(s.pledge),
        }
    }

    /// An event with sequence 0, revised on the anchor day.
    fn event(
        &self,
        kind: EventKind,
        what: &[&str],
        date: NaiveDate,
        summary: String,
        description: String,
    ) -> Event {
        Event {
            kind,
            uid: uid(self.file, self.s.pledge, kind, what),
            date,
            time: None,
            summary,
            description,
            revised: self.anchor,
            sequence: 0,
        }
    }
}

/// "Filipstad", "Kil, Forshaga, Grums", "Göteborg (Centrum)".
fn who(p: &Pledge) -> String {
    match &p.area {
        Some(a) => format!("{} ({a})", p.kommun_names()),
        None => p.kommun_names(),
    }
}

/// A UID component: ASCII letters, digits, `.`, `_` and `-` as they are, every other byte
/// as `%XX`, so `/` can join components unambiguously.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn followup_events(cx: &Cx<'_>, out: &mut Vec<Event>) {
    let p = cx.s.pledge;
    let (Some(f), st) = (&p.followup, &cx.s.followup) else {
        return;
    };
    let (Some(when), Some(due)) = (f.when, st.due) else {
        return;
    };
    let pending = matches!(
        st.status,
        FollowupState::Scheduled | FollowupState::Due | FollowupState::Overdue
    );
    let mut dues = if pending { vec![due] } else { Vec::new() };
    if when == FollowupWhen::Yearly {
        // This year's done or not, the years to come are still due.
        let ends = crate::model::schedule::windows(&p.period, 1, crate::model::Per::Year);
        dues.extend(ends.iter().map(|w| w.end).filter(|d| *d > due));
    }
    let summary = CalendarMsg::FollowupDue { who: &cx.who }.say(cx.lang);
    let l = cx.lang;
    let mut lines = Vec::new();
    if let (FollowupWhen::Quarter { .. }, Some(from)) = (when, st.due_from) {
        lines.push(format!("{}: {from} – {due}", l.t(Label::FollowUp)));
    }
    for (label, v) in [
        (Label::How, &f.how),
        (Label::Responsible, &f.responsible),
        (Label::Presented, &f.presented),
    ] {
        if let Some(v) = v {
            lines.push(format!("{}: {v}", l.t(label)));
        }
    }
    lines.push(p.title.clone());
    for d in dues {
        // One follow-up per löfte (its date may move), one per year for a yearly one.
        let key = d.to_string();
        let what: &[&str] = if when == FollowupWhen::Yearly {
            &[&key]
        } else {
            &[]
        };
        out.push(cx.event(
            EventKind::FollowupDue,
            what,
            d,
            summary.clone(),
            lines.join("\n"),
        ));
    }
}

/// The events of an activity, or of a part (`parent` is then the activity).
fn activity_events(
    cx: &Cx<'_>,
    a: &ActivityStatus<'_>,
    parent: Option<&Activity>,
    out: &mut Vec<Event>,
) {
    if !a.parts.is_empty() {
        for part in &a.parts {
            activity_events(cx, part, Some(a.activity), out);
        }
        return;
    }
    let sel = Sel {
        activity: parent.unwrap_or(a.activity),
        part: parent.map(|_| a.activity),
        unit: None,
    };
    if !a.units.is_empty() {
        for u in &a.units {
            let sel = Sel {
                unit: Some(&u.unit),
                ..sel
            };
            window_events(cx, sel, &u.windows, out);
            once_event(cx, sel, a.window, u.done, out);
        }
    } else {
        window_events(cx, sel, &a.windows, out);
        once_event(cx, sel, a.window, a.done, out);
        answer_event(cx, sel, a, out);
    }
}

/// Which work an event is about: an activity, one of its parts, one unit.
#[derive(Clone, Copy)]
struct Sel<'a> {
    activity: &'a Activity,
    part: Option<&'a Activity>,
    unit: Option<&'a str>,
}

impl Sel<'_> {
    /// The one whose target it is.
    fn own(&self) -> &Activity {
        self.part.unwrap_or(self.activity)
    }
    /// The titles a reader knows: "Trygghetsvandringar", "Insatser – Vandringar i tre
    /// områden", "Föräldramöten (Södra skolan)".
    fn label(&self) -> String {
        let mut s = activity_title(self.activity);
        if let Some(p) = self.part {
            s = format!("{s} – {}", activity_title(p));
        }
        if let Some(u) = self.unit {
            s = format!("{s} ({u})");
        }
        s
    }
    fn what(&self) -> Vec<&str> {
        let mut v = vec![self.activity.id.as_str()];
        v.extend(self.part.map(|p| p.id.as_str()));
        v.extend(self.unit);
        v
    }
    /// Work recorded for it from `from` to `to`: how many entries, and the latest day.
    fn entries(&self, p: &Pledge, from: NaiveDate, to: NaiveDate) -> (u32, Option<NaiveDate>) {
        let matching = p.log.iter().filter(|e| {
            !e.request
                && e.activity == self.activity.id
                && self
                    .part
                    .is_none_or(|x| e.part.as_deref() == Some(x.id.as_str()))
                && self.unit.is_none_or(|u| e.unit.as_deref() == Some(u))
                && from <= e.date
                && e.date <= to
        });
        matching.fold((0, None), |(n, last), e| {
            (n.saturating_add(1), last.max(Some(e.date)))
        })
    }
}

fn window_events(cx: &Cx<'_>, sel: Sel<'_>, ws: &[WindowStatus], out: &mut Vec<Event>) {
    let (as_of, l) = (cx.s.as_of, cx.lang);
    let target = &sel.own().target;
    for w in ws.iter().filter(|w| w.end >= as_of && w.done < w.required) {
        let name = match w.iso_week {
            Some((year, n)) => CalendarMsg::Week { year, n }.say(l),
            None => l.window(w.start, w.end),
        };
        let label = sel.label();
        let (who, what, window, done, required) = (
            cx.who.as_str(),
            label.as_str(),
            name.as_str(),
            w.done,
            w.required,
        );
        // A weekly slot on its weekday (at its hours), a dated occurrence on its date, any
        // other window on its last day.
        let (date, time, summary) = match target {
            Target::Weekly { weekday, time, .. } => {
                let day = (0..7)
                    .filter_map(|i| w.start.checked_add_signed(TimeDelta::days(i)))
                    .find(|d| d.weekday() == *weekday && *d <= w.end)
                    .unwrap_or(w.end);
                let summary = CalendarMsg::WeeklySlot {
                    who,
                    what,
                    window,
                    done,
                    required,
                }
                .say(l);
                (day, time.as_deref().and_then(hours), summary)
            }
            Target::Each {
                of: crate::model::Occurrences::Dates(_),
                ..
            } => {
                let summary = CalendarMsg::DatedOccurrence {
                    who,
                    what,
                    done,
                    required,
                }
                .say(l);
                (w.start, None, summary)
            }
            _ => {
                let summary = CalendarMsg::WindowEnds {
                    who,
                    what,
                    window,
                    done,
                    required,
                }
                .say(l);
                (w.end, None, summary)
            }
        };
        let description = format!(
            "{}\n{}: {} – {}\n{}",
            sel.own().text,
            l.t(Label::Period),
            w.start,
            w.end,
            cx.s.pledge.title
        );
        let start = w.start.to_string();
        let mut what = sel.what();
        what.push(&start);
        let mut e = cx.event(EventKind::WindowEnd, &what, date, summary, description);
        e.time = time;
        let (n, last) = sel.entries(cx.s.pledge, w.start, w.end.min(as_of));
        e.sequence = n;
        e.revised = e.revised.max(last.unwrap_or(e.revised));
        out.push(e);
    }
}

/// A slot's hours as written ("18-20", "18.30–20", "9:00-11:15"): from and to, when the
/// text is two times of day with the first before the second.
pub fn hours(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let one = |t: &str| -> Option<NaiveTime> {
        let t = t.trim();
        let (h, m) = match t.split_once([':', '.']) {
            Some((h, m)) => (h, m),
            None => (t, "0"),
        };
        NaiveTime::from_hms_opt(h.trim().parse().ok()?, m.trim().parse().ok()?, 0)
    };
    let (from, to) = text.split_once(['-', '–', '—'])?;
    let (from, to) = (one(from)?, one(to)?);
    (from < to).then_some((from, to))
}

/// A once-only activity not yet done: its frame's last day.
fn once_event(
    cx: &Cx<'_>,
    sel: Sel<'_>,
    frame: Option<(NaiveDate, NaiveDate)>,
    done: u32,
    out: &mut Vec<Event>,
) {
    let Some((start, end)) = frame else { return };
    if sel.own().target != Target::Once || done >= 1 || end < cx.s.as_of {
        return;
    }
    let summary = CalendarMsg::LastDay {
        who: &cx.who,
        what: &sel.label(),
    }
    .say(cx.lang);
    let description = format!(
        "{}\n{}: {start} – {end}\n{}",
        sel.own().text,
        cx.lang.t(Label::Period),
        cx.s.pledge.title
    );
    let start = start.to_string();
    let mut what = sel.what();
    what.push(&start);
    out.push(cx.event(EventKind::WindowEnd, &what, end, summary, description));
}

/// The oldest unanswered request: answered within [`crate::rules::status::ANSWER_DAYS`] days.
fn answer_event(cx: &Cx<'_>, sel: Sel<'_>, a: &ActivityStatus<'_>, out: &mut Vec<Event>) {
    let (Some(r), Some((_, end))) = (a.requests, a.window) else {
        return;
    };
    let Some(asked) = r.oldest_open.filter(|_| end >= cx.s.as_of) else {
        return;
    };
    let by = asked + TimeDelta::days(crate::rules::status::ANSWER_DAYS);
    let summary = CalendarMsg::AnswerRequest {
        who: &cx.who,
        what: &sel.label(),
        asked,
    }
    .say(cx.lang);
    let description = format!("{}\n{}", sel.own().text, cx.s.pledge.title);
    let asked_s = asked.to_string();
    let mut what = sel.what();
    what.push(&asked_s);
    let mut e = cx.event(EventKind::AnswerDue, &what, by, summary, description);
    e.revised = e.revised.max(asked);
    out.push(e);
}
