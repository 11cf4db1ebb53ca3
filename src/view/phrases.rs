//! Phrases shared by every format: who owns an activity, its target and progress, the
//! follow-up line, the summary. Plain text; each format escapes it for itself.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::load::quarter_bounds;
use crate::model::{FollowupWhen, LogEntry, Owner, Per, Pledge, State, Target};
use crate::status::{ActivityStatus, FollowupState, PledgeStatus, Status};
use crate::text::safe;
use crate::view::labels::Label;

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

pub fn target_text(t: Target, lang: Lang) -> String {
    match t {
        Target::None => lang.t(Label::Ongoing).into(),
        Target::Once => lang.t(Label::Once).into(),
        Target::Count { count, per } => match lang {
            Lang::Sv if per == Per::Period => format!("{count} under perioden"),
            Lang::En if per == Per::Period => format!("{count} in the period"),
            _ => format!("{count} per {}", lang.per(per)),
        },
    }
}

/// "1 of 2 · 2016" for counted targets, "done"/"not done" for milestones, the count of
/// entries for ongoing work.
pub fn progress_text(a: &ActivityStatus<'_>, lang: Lang) -> String {
    progress(a.activity.target, a.required, a.done, a.window, lang)
}

/// [`progress_text`] from its parts.
pub fn progress(
    target: Target,
    required: Option<u32>,
    done: u32,
    window: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    lang: Lang,
) -> String {
    match (target, required, window) {
        (Target::Count { .. }, Some(req), Some((from, to))) => {
            format!(
                "{done} {} {req} · {}",
                lang.t(Label::Of),
                lang.window(from, to)
            )
        }
        (Target::Once, _, _) => match (lang, done > 0) {
            (Lang::En, true) => "done".into(),
            (Lang::En, false) => "not done".into(),
            (Lang::Sv, true) => "gjort".into(),
            (Lang::Sv, false) => "ej gjort".into(),
        },
        _ => match lang {
            Lang::En => format!("{done} recorded"),
            Lang::Sv => format!("{done} registrerade"),
        },
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
            match lang {
                Lang::En => format!("{year} Q{quarter} (by {end})"),
                Lang::Sv => format!("kvartal {quarter} {year} (senast {end})"),
            }
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
    if let Some(p) = &fu.presented {
        let _ = write!(line, " – {}", safe(p, false));
    }
    line
}

pub fn summary_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let order = [
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::Missed,
        Status::Ongoing,
        Status::NoReports,
        Status::Upcoming,
    ];
    let parts: Vec<String> = order
        .iter()
        .filter(|st| s.count(**st) > 0)
        .map(|st| format!("{} {}", s.count(*st), lang.status(*st)))
        .collect();
    format!(
        "{}: {} {} – {}",
        lang.t(Label::Summary),
        s.activities.len(),
        match lang {
            Lang::En => "activities",
            Lang::Sv => "aktiviteter",
        },
        parts.join(", ")
    )
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
    let mut line = format!(
        "{} {} – {}",
        lang.t(Label::Period),
        p.period.start,
        p.period.end
    );
    if p.period.until_replaced {
        let _ = write!(line, " ({})", lang.t(Label::InForceUntilReplaced));
    }
    let _ = write!(line, " · {}", lang.state(s.state));
    if s.state == State::Active {
        let _ = write!(line, ", {} {}", s.days_left, lang.t(Label::DaysLeft));
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

/// The cells of the status table, one row per activity (terminal-safe text).
pub fn status_rows(s: &PledgeStatus<'_>, lang: Lang, with_bar: bool) -> Vec<Vec<String>> {
    s.activities
        .iter()
        .map(|a| {
            let mut progress = progress_text(a, lang);
            if let (true, Target::Count { .. }, Some(r)) = (with_bar, a.activity.target, a.required)
            {
                progress = format!("{} {progress}", bar(a.done, r, 6));
            }
            vec![
                a.activity.id.clone(),
                safe(&owners_text(&a.activity.owners, lang), false),
                target_text(a.activity.target, lang),
                progress,
                a.last_done
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "–".into()),
                lang.status(a.status).to_string(),
            ]
        })
        .collect()
}

/// The län of a löfte's kommuner, each once: "Värmlands län".
pub fn lan_names(p: &Pledge) -> String {
    let mut l: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    l.dedup();
    l.join(", ")
}

/// One log entry on a line: "2016-05-03 trygghetsvandring ×2 (Anna): note".
pub fn entry_text(e: &LogEntry) -> String {
    let mut t = format!("{} {}", e.date, e.activity);
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

/// "2 of 2 in 2016: met" for an activity's current window (after `done`).
pub fn describe_progress(st: &ActivityStatus<'_>, lang: Lang) -> String {
    let status = lang.status(st.status);
    match (st.required, st.window) {
        (Some(req), Some((from, to))) => format!(
            "{} {} {req} {} {}: {status}",
            st.done,
            lang.t(Label::Of),
            if lang == Lang::Sv { "·" } else { "in" },
            lang.window(from, to)
        ),
        _ => format!(
            "{} {}: {status}",
            st.done,
            match (lang, st.done) {
                (Lang::En, 1) => "entry",
                (Lang::En, _) => "entries",
                (Lang::Sv, 1) => "post",
                (Lang::Sv, _) => "poster",
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            (count, Some(2), 1, win, Lang::En, "1 of 2 · 2016"),
            (count, Some(2), 1, win, Lang::Sv, "1 av 2 · 2016"),
            (Target::Once, Some(1), 0, win, Lang::En, "not done"),
            (Target::Once, Some(1), 1, win, Lang::Sv, "gjort"),
            (Target::None, None, 3, None, Lang::En, "3 recorded"),
            (Target::None, None, 0, None, Lang::Sv, "0 registrerade"),
        ];
        for (target, req, done, w, lang, want) in cases {
            assert_eq!(progress(target, req, done, w, lang), want);
        }
        assert_eq!(target_text(count, Lang::Sv), "2 per år");
        let period = Target::Count {
            count: 4,
            per: Per::Period,
        };
        assert_eq!(target_text(period, Lang::En), "4 in the period");
        assert_eq!(target_text(Target::None, Lang::Sv), "löpande");
    }
}
