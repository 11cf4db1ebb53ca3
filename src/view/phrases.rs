//! Phrases shared by every format: who owns an activity, its target and progress, the
//! follow-up line, the summary. Plain text; each format escapes it for itself.

use std::fmt::Write as _;

use crate::model::followup::quarter_bounds;
use crate::view::i18n::Lang;
use chrono::NaiveDate;

use crate::model::{FollowupWhen, LogEntry, Owner, Pledge, State, Target};
use crate::rules::status::{ActivityStatus, FollowupState, PledgeStatus, Requests, Status};
use crate::text::safe;
use crate::view::messages::{Label, Phrase, Words};
use crate::view::target_words::{target_text_of, window_name, window_noun, window_noun_of};

/// "" or "s": `format!("{n} file{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn owners_text(owners: &[Owner], lang: Lang) -> String {
    owners
        .iter()
        .map(|o| match &o.role {
            Some(r) => format!("{} ({r})", lang.party(&o.who)),
            None => lang.party(&o.who),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 of 2 · 2016" for counted targets, "done"/"not done" for milestones, the count of
/// entries for ongoing work; the record of ended windows where there is one ("3 of 21 weeks
/// met"), and for requests how many were answered.
pub fn progress_text(a: &ActivityStatus<'_>, lang: Lang) -> String {
    let mut t = match (&a.activity.target, a.requests) {
        (Target::OnRequest, Some(r)) => requests_text(&r, lang),
        (target, _) => progress(target, a.required, a.done, a.window, lang),
    };
    if let Some(r) = record_text(a, lang) {
        let _ = write!(t, " · {r}");
    }
    if let Some(sh) = a.share {
        let share = crate::view::messages::TruthMsg::ShareOf {
            kommun: sh.kommun.name,
            shared: sh.shared_done,
        };
        let _ = write!(t, " · {}", share.say(lang));
    }
    t
}

fn requests_text(r: &Requests, lang: Lang) -> String {
    let mut t = Phrase::RequestsAnswered {
        answered: r.answered,
        received: r.received,
    }
    .say(lang);
    if let Some(date) = r.oldest_open {
        let _ = write!(t, ", {}", Phrase::WaitingSince { date }.say(lang));
    }
    t
}

/// "3 of 21 weeks met" / "3 av 21 veckor uppfyllda": the windows judged so far, when the
/// target has more than one window and at least one has been judged. With units or parts
/// the windows are each unit's or part's, named with how many; nothing is said of a löfte
/// with nothing recorded.
pub fn record_text(a: &ActivityStatus<'_>, lang: Lang) -> Option<String> {
    if a.status == Status::NothingRecorded {
        return None;
    }
    // Units a table leaves out ([`crate::view::window_limit::cut_units`]) are still counted.
    let units = a.units.len() + a.units_omitted.iter().map(|(_, n)| n).sum::<usize>();
    let (many, of_units) = match (units, a.parts.len()) {
        (0, 0) => return record_of(a.record, &a.activity.target, lang),
        (0, n) => (n, false),
        (n, _) => (n, true),
    };
    let r = a.record?;
    let judged = r.judged();
    if judged == 0 || r.total() < 2 {
        return None;
    }
    let kind = if of_units {
        Some(&a.activity.target)
    } else {
        let first = a.parts.first().map(|p| &p.activity.target);
        first.filter(|t| {
            a.parts.iter().all(|p| {
                window_noun(&p.activity.target, lang, false) == window_noun(t, lang, false)
            })
        })
    };
    let noun = kind.map(|t| window_noun(t, lang, false));
    let each = Phrase::WindowsOf {
        noun,
        many,
        units: of_units,
    }
    .say(lang);
    let text = Phrase::MetOfEach {
        met: r.windows_met,
        judged,
        each: &each,
    }
    .say(lang);
    Some(with_slot_day(text, r, lang))
}

/// [`record_text`] of any record (a unit's) under its target.
pub fn record_of(
    r: Option<crate::rules::status::Record>,
    target: &Target,
    lang: Lang,
) -> Option<String> {
    let r = r?;
    let judged = r.judged();
    if judged == 0 || r.total() < 2 {
        return None;
    }
    let text = Phrase::MetOf {
        met: r.windows_met,
        judged,
        noun: window_noun_of(target, judged == 1),
    }
    .say(lang);
    Some(with_slot_day(text, r, lang))
}

/// ", 1 på ordinarie dag": how many met weeks were kept on a weekly slot's own day, when
/// not all were.
fn with_slot_day(mut text: String, r: crate::rules::status::Record, lang: Lang) -> String {
    if let Some(kept) = r.kept_on_slot_day.filter(|k| *k < r.windows_met) {
        let _ = write!(text, ", {}", Phrase::OnSlotDay { kept }.say(lang));
    }
    text
}

/// [`progress_text`] from its parts (without the record).
pub fn progress(
    target: &Target,
    required: Option<u32>,
    done: u32,
    window: Option<(NaiveDate, NaiveDate)>,
    lang: Lang,
) -> String {
    match (target, required, window) {
        (
            Target::Count { .. } | Target::Weekly { .. } | Target::Each { .. },
            Some(req),
            Some((from, to)),
        ) => {
            format!(
                "{done} {} {req} · {}",
                lang.t(Label::Of),
                window_name(target, from, to, lang)
            )
        }
        (Target::Once, _, _) => Phrase::Once { done: done > 0 }.say(lang),
        _ => Phrase::Recorded { done }.say(lang),
    }
}

/// A bar of `width` cells for a counted target.
pub fn bar(done: u32, required: u32, width: usize) -> String {
    let filled = if required == 0 {
        width
    } else {
        ((done.min(required) as usize * width) + required as usize / 2) / required as usize
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn when_text(w: Option<FollowupWhen>, lang: Lang) -> String {
    match w {
        None => lang.t(Label::NoDateGiven).into(),
        Some(FollowupWhen::Date { date }) => date.to_string(),
        Some(FollowupWhen::Quarter { year, quarter }) => {
            let (_, end) = quarter_bounds(year, quarter);
            Phrase::QuarterBy { year, quarter, end }.say(lang)
        }
        Some(FollowupWhen::Yearly) => lang.t(Label::Yearly).into(),
        Some(FollowupWhen::Continuous) => lang.t(Label::Continuously).into(),
    }
}

pub fn followup_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let f = &s.followup;
    let label = lang.t(Label::FollowUp);
    let Some(fu) = &s.pledge.followup else {
        return format!("{label}: {}", lang.followup(FollowupState::Missing));
    };
    let mut line = format!("{label}: {}", when_text(fu.when, lang));
    if let (Some(due), Some(FollowupWhen::Yearly)) = (f.due, fu.when) {
        let _ = write!(line, ", {} {due}", lang.t(Label::Due));
    }
    if f.status != FollowupState::Unscheduled {
        let _ = write!(line, " – {}", lang.followup(f.status));
    }
    if let Some(d) = f.last_done {
        let _ = write!(line, " ({d})");
    }
    if let (Some(from), false) = (f.due_from, f.not_counted.is_empty()) {
        let dates: Vec<String> = f.not_counted.iter().map(|d| d.to_string()).collect();
        let dates = dates.join(", ");
        let not_counted = Phrase::NotCountedBefore {
            dates: &dates,
            from,
        };
        let _ = write!(line, " – {}", not_counted.say(lang));
    }
    if let Some(p) = &fu.presented {
        let _ = write!(line, " – {}", safe(p, false));
    }
    line
}

pub fn summary_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let order = [
        Status::Met,
        Status::PartlyMet,
        Status::OnTrack,
        Status::Behind,
        Status::Missed,
        Status::Ongoing,
        Status::NoReports,
        Status::NothingDue,
        Status::Upcoming,
    ];
    let parts: Vec<String> = order
        .iter()
        .filter(|st| s.count(**st) > 0)
        .map(|st| lang.status_count(*st, s.count(*st)))
        .collect();
    let said = if s.nothing_recorded {
        nothing_recorded_text(s.as_of, lang)
    } else {
        parts.join(", ")
    };
    format!(
        "{}: {} – {said}",
        lang.t(Label::Summary),
        lang.activities(s.activities.len()),
    )
}

/// "inget registrerat per 2017-06-30" / "nothing recorded as of 2017-06-30".
pub fn nothing_recorded_text(as_of: NaiveDate, lang: Lang) -> String {
    Phrase::NothingRecordedAsOf { as_of }.say(lang)
}

/// "Filipstad (1782), centrum · Medborgarlöfte …".
pub fn heading(s: &PledgeStatus<'_>) -> String {
    let p = s.pledge;
    let ks: Vec<String> = p
        .kommuner
        .iter()
        .map(|k| format!("{} ({})", k.name, k.kod))
        .collect();
    let mut h = ks.join(", ");
    if let Some(a) = &p.area {
        let _ = write!(h, ", {}", safe(a, false));
    }
    let _ = write!(h, " · {}", safe(&p.title, false));
    h
}

pub fn period_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let p = s.pledge;
    let mut line = if p.period.start_stated {
        format!(
            "{} {} – {}",
            lang.t(Label::Period),
            s.period.start,
            s.period.end
        )
    } else {
        let first = p
            .log
            .iter()
            .filter(|e| e.is_work() && e.date <= s.as_of)
            .map(|e| e.date)
            .min();
        format!(
            "{} {} – {} ({})",
            lang.t(Label::Period),
            Phrase::StartNotStated.say(lang),
            s.period.end,
            Phrase::JudgedFrom { first }.say(lang)
        )
    };
    // Past its end a löfte in force until replaced has ended its period, not its force: said
    // as one phrase, never "in force until replaced" beside "ended".
    match (p.period.until_replaced, s.state) {
        (true, State::Ended) => {
            let _ = write!(line, " · {}", Phrase::PeriodOverInForce.say(lang));
        }
        (true, _) => {
            let _ = write!(line, " ({})", lang.t(Label::InForceUntilReplaced));
            let _ = write!(line, " · {}", lang.state(s.state));
        }
        (false, _) => {
            let _ = write!(line, " · {}", lang.state(s.state));
        }
    }
    if s.state == State::Active {
        let _ = write!(line, ", {}", lang.days_left(s.days_left));
    }
    let _ = write!(line, " · {} {}", lang.t(Label::AsOf), s.as_of);
    line
}

/// The headers of the status table (terminal and Markdown).
pub fn status_headers(lang: Lang) -> [&'static str; 6] {
    [
        Label::Activity,
        Label::Owners,
        Label::Target,
        Label::Progress,
        Label::LastDone,
        Label::Status,
    ]
    .map(|h| lang.t(h))
}

/// The cells of the status table (terminal-safe text) with each row's status: one row per
/// activity, then one per part ("↳ id") and per unit ("· name") where it has them. Counted
/// progress starts with a bar of `bar` cells (none when 0).
pub fn status_rows(
    s: &PledgeStatus<'_>,
    lang: Lang,
    bar_cells: usize,
) -> Vec<(Vec<String>, Status)> {
    let with_bar = bar_cells;
    let mut rows = Vec::new();
    for a in &s.activities {
        rows.push((
            activity_row(a, a.activity.id.clone(), &s.pledge.events, lang, with_bar),
            a.status,
        ));
        for p in &a.parts {
            rows.push((
                activity_row(
                    p,
                    format!("  ↳ {}", p.activity.id),
                    &s.pledge.events,
                    lang,
                    with_bar,
                ),
                p.status,
            ));
        }
        for u in &a.units {
            let mut progress = match (u.required, a.window) {
                (Some(req), Some((from, to))) => format!(
                    "{} {} {req} · {}",
                    u.done,
                    lang.t(Label::Of),
                    window_name(&a.activity.target, from, to, lang)
                ),
                _ => progress(&a.activity.target, u.required, u.done, None, lang),
            };
            if let (true, Some(r)) = (with_bar > 0, u.required) {
                progress = format!("{} {progress}", bar(u.done, r, with_bar));
            }
            rows.push((
                vec![
                    format!("  · {}", safe(&u.unit, false)),
                    String::new(),
                    String::new(),
                    progress,
                    String::new(),
                    lang.status(u.status).to_string(),
                ],
                u.status,
            ));
        }
        if !a.units_omitted.is_empty() {
            rows.push((units_not_listed(&a.units_omitted, lang), Status::NothingDue));
        }
    }
    rows
}

/// How many units a view left out, by status: "9400 more units not listed (met: 9400);
/// --all-windows lists every unit".
/// `page`: on a site's page, whose reader has the data file, not the command line.
pub fn units_not_listed_text(omitted: &[(Status, usize)], page: bool, lang: Lang) -> String {
    let by_status: Vec<String> = omitted
        .iter()
        .map(|(st, n)| format!("{}: {n}", lang.status(*st)))
        .collect();
    let more = omitted.iter().map(|(_, n)| n).sum();
    Phrase::UnitsNotListed {
        more,
        by_status: &by_status.join(", "),
        page,
    }
    .say(lang)
}

/// The row under an activity's units that counts, by status, those a view left out.
fn units_not_listed(omitted: &[(Status, usize)], lang: Lang) -> Vec<String> {
    vec![
        "  · …".into(),
        String::new(),
        String::new(),
        units_not_listed_text(omitted, false, lang),
        String::new(),
        String::new(),
    ]
}

fn activity_row(
    a: &ActivityStatus<'_>,
    id: String,
    events: &[crate::model::Event],
    lang: Lang,
    bar_cells: usize,
) -> Vec<String> {
    let mut progress = progress_text(a, lang);
    let counted = matches!(
        a.activity.target,
        Target::Count { .. } | Target::Weekly { .. } | Target::Each { .. }
    );
    if let (true, true, Some(r)) = (bar_cells > 0, counted, a.required) {
        progress = format!("{} {progress}", bar(a.done, r, bar_cells));
    }
    let owners = match a.activity.owners.as_slice() {
        [] => "–".to_string(),
        o => safe(&owners_text(o, lang), false),
    };
    vec![
        id,
        owners,
        target_text_of(&a.activity.target, events, lang),
        progress,
        a.last_done
            .map(|d| d.to_string())
            .unwrap_or_else(|| "–".into()),
        lang.status(a.status).to_string(),
    ]
}

/// The län of a löfte's kommuner, each once: "Värmlands län".
pub fn lan_names(p: &Pledge) -> String {
    let mut l: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    l.dedup();
    l.join(", ")
}

/// One log entry on a line: "2016-05-03 trygghetsvandring ×2 (Anna): note".
pub fn entry_text(e: &LogEntry, lang: Lang) -> String {
    let mut t = format!("{} {}", e.date, lang.activity_id(&e.activity));
    if e.count != 1 {
        let _ = write!(t, " ×{}", e.count);
    }
    if let Some(by) = &e.by {
        let _ = write!(t, " ({by})");
    }
    if let Some(n) = &e.note {
        let _ = write!(t, ": {n}");
    }
    t
}

/// "2 of 2 in 2016: met" for an activity's current window (after `done`), with the record
/// where there is one ("1 of 1 in week 10, 2017 · 3 of 9 weeks met: behind").
pub fn describe_progress(st: &ActivityStatus<'_>, lang: Lang) -> String {
    let status = lang.status(st.status);
    match (st.required, st.window) {
        (Some(_), Some(_)) if !matches!(st.activity.target, Target::Once) => {
            let progress = progress_text(st, lang);
            let text = Phrase::InWindow {
                progress: &progress,
            };
            format!("{}: {status}", text.say(lang))
        }
        (Some(required), Some((from, to))) => {
            let window = lang.window(from, to);
            let text = Phrase::DoneOfIn {
                done: st.done,
                required,
                window: &window,
            };
            format!("{}: {status}", text.say(lang))
        }
        // Without a count due: how many times it was done (an entry's count, not the
        // number of entries: one entry of count 2 is done twice).
        _ => {
            let times = Phrase::DoneTimes { n: st.done };
            format!("{}: {status}", times.say(lang))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Per;

    #[test]
    fn bars_round_to_the_nearest_cell() {
        let cases = [
            (0, 2, "░░░░░░"),
            (1, 2, "███░░░"),
            (2, 2, "██████"),
            (5, 2, "██████"),
            (1, 3, "██░░░░"),
            (0, 0, "██████"),
        ];
        for (done, req, want) in cases {
            assert_eq!(bar(done, req, 6), want, "{done}/{req}");
        }
    }

    #[test]
    fn plural_of_one_is_bare() {
        assert_eq!(
            [0, 1, 2].map(plural),
            ["s", "", "s"],
            "0 files, 1 file, 2 files"
        );
    }

    #[test]
    fn targets_and_progress_read_in_both_languages() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let count = Target::Count {
            count: 2,
            per: Per::Year,
        };
        let win = Some((d("2016-01-01"), d("2016-12-31")));
        let cases = [
            (count.clone(), Some(2), 1, win, Lang::En, "1 of 2 · 2016"),
            (count.clone(), Some(2), 1, win, Lang::Sv, "1 av 2 · 2016"),
            (Target::Once, Some(1), 0, win, Lang::En, "not done"),
            (Target::Once, Some(1), 1, win, Lang::Sv, "gjort"),
            (Target::None, None, 3, None, Lang::En, "3 recorded"),
            (Target::None, None, 0, None, Lang::Sv, "0 registrerade"),
            (Target::None, None, 1, None, Lang::Sv, "1 registrerad"),
        ];
        for (target, req, done, w, lang, want) in cases {
            assert_eq!(progress(&target, req, done, w, lang), want);
        }
    }
}
