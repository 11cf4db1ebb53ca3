//! The words of `check`: one line per finding. In English as they have always been (file,
//! activity, finding: scripts read them); in Swedish for the cron mail a kommunpolis reads,
//! naming the kommun and the activity's title first and the file last.

use crate::model::Target;
use crate::rules::findings::{Finding, FindingKind};
use crate::view::i18n::Lang;
use crate::view::messages::{FindingMsg, Words};
use crate::view::phrases::progress;
use crate::view::target_words::window_name;

/// "filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016, 22 days left"; a part
/// is named after its activity ("insatser/vandringar"), a unit in brackets.
pub fn finding_line(f: &Finding) -> String {
    let mut what = f.activity.clone();
    if let Some(p) = f.part.as_ref().filter(|_| {
        !matches!(
            f.kind,
            FindingKind::VerdictsMissing | FindingKind::ValueNotFetched
        )
    }) {
        what = format!("{what}/{p}");
    }
    if let Some(u) = &f.unit {
        what = format!("{what} [{}]", crate::text::safe(u, false));
    }
    if let Some(k) = f.kommun {
        what = format!("{what} ({k})");
    }
    format!("{}: {what}: {}", f.file, finding_text(f, Lang::En))
}

/// What a Swedish line names besides the finding: the löfte's kommuner and the activity's
/// title (None for the follow-up).
pub struct Named<'a> {
    pub kommun: &'a str,
    pub title: Option<&'a str>,
}

/// The line of a finding in the language: English as [`finding_line`]; Swedish "Filipstad:
/// Trygghetsvandringar (trygghetsvandring): försenad, 0 av 2 under 2016, 77 dagar kvar
/// (filipstad-2016.toml)".
pub fn finding_line_in(f: &Finding, lang: Lang, named: &Named<'_>) -> String {
    if lang == Lang::En {
        return finding_line(f);
    }
    let mut what = match named.title {
        Some(t) => format!("{} ({})", crate::text::safe(t, false), f.activity),
        None if f.activity == crate::model::FOLLOWUP_ID => "uppföljningen".to_string(),
        None => f.activity.clone(),
    };
    if let Some(p) = f.part.as_ref().filter(|_| {
        !matches!(
            f.kind,
            FindingKind::VerdictsMissing | FindingKind::ValueNotFetched
        )
    }) {
        what = format!("{what}, delen {p}");
    }
    if let Some(u) = &f.unit {
        what = format!("{what} [{}]", crate::text::safe(u, false));
    }
    format!(
        "{}: {what}: {} ({})",
        crate::text::safe(named.kommun, false),
        finding_text(f, lang),
        f.file
    )
}

/// The words of a finding, after what it is of.
fn finding_text(f: &Finding, lang: Lang) -> String {
    let window = f.window_start.zip(f.window_end);
    let days = f.days_left.unwrap_or(0);
    let none = Target::None;
    let target = f.target.as_ref().unwrap_or(&none);
    let (done, required) = (f.done.unwrap_or(0), f.required.unwrap_or(0));
    let progress = progress(target, f.required, done, window, lang);
    let due = f.window_end.map(|d| d.to_string()).unwrap_or_default();
    let window = window.map_or(String::new(), |(s, e)| window_name(target, s, e, lang));
    let since = f.window_start.map(|d| d.to_string()).unwrap_or_default();
    let (progress, due, window, since) = (&progress, &due, &window, &since);
    let of = f.part.as_deref();
    let msg = match f.kind {
        FindingKind::Behind => FindingMsg::Behind { progress, days },
        FindingKind::DueSoon => FindingMsg::DueSoon { progress, days },
        FindingKind::Missed => FindingMsg::Missed {
            done,
            required,
            window,
            requests_by: (*target == Target::OnRequest).then_some(due.as_str()),
        },
        FindingKind::FollowupDue => FindingMsg::FollowupDue { due, days },
        FindingKind::FollowupQuiet => FindingMsg::FollowupQuiet,
        FindingKind::FollowupOverdue => FindingMsg::FollowupOverdue { due },
        FindingKind::MeasurementDue => FindingMsg::MeasurementDue { due, days },
        FindingKind::MeasurementOverdue => FindingMsg::MeasurementOverdue { due },
        FindingKind::VerdictsMissing => FindingMsg::VerdictsMissing {
            of: of.unwrap_or(""),
            done,
            required,
        },
        FindingKind::ValueNotFetched => FindingMsg::ValueNotFetched {
            year: f.window_end.map_or(0, |d| chrono::Datelike::year(&d)),
            source: of,
        },
        FindingKind::Unanswered => FindingMsg::Unanswered {
            done,
            required,
            since,
        },
    };
    msg.say(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Per, Target};
    use crate::rules::findings::FindingStatus;
    use crate::rules::status::{FollowupState, Status};
    use FindingKind::*;

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    fn finding(
        kind: FindingKind,
        target: Option<Target>,
        w: Option<(&str, &str, u32, u32)>,
        left: i64,
    ) -> Finding {
        Finding {
            file: "f.toml".into(),
            activity: if target.is_some() {
                "walks"
            } else {
                "followup"
            }
            .into(),
            part: None,
            unit: None,
            kommun: None,
            kind,
            status: match target {
                Some(_) => FindingStatus::Activity(Status::Behind),
                None => FindingStatus::Followup(FollowupState::Due),
            },
            required: w.map(|w| w.2),
            done: w.map(|w| w.3),
            window_start: w.map(|w| d(w.0)),
            window_end: w.map(|w| d(w.1)),
            days_left: Some(left),
            record: None,
            target,
        }
    }

    #[test]
    fn one_line_per_kind() {
        let year = Some(Target::Count {
            count: 2,
            per: Per::Year,
        });
        let week = Some(Target::Count {
            count: 1,
            per: Per::Week,
        });
        let y2017 = Some(("2017-01-01", "2017-12-31", 2, 0));
        fn fu(
            start: Option<&'static str>,
            end: &'static str,
        ) -> Option<(&'static str, &'static str, u32, u32)> {
            Some((start.unwrap_or(end), end, 0, 0))
        }
        let mut quiet = finding(FollowupQuiet, None, None, 0);
        quiet.window_end = Some(d("2017-02-15"));
        #[rustfmt::skip]
        let cases = [
            (finding(Behind, year.clone(), y2017, 22), "f.toml: walks: behind, 0 of 2 in 2017, 22 days left"),
            (finding(Behind, year.clone(), y2017, 1), "f.toml: walks: behind, 0 of 2 in 2017, 1 day left"),
            (finding(DueSoon, year.clone(), Some(("2017-01-01", "2017-12-31", 2, 1)), 10), "f.toml: walks: due soon, 1 of 2 in 2017, 10 days left"),
            (finding(Behind, Some(Target::Once), Some(("2016-01-01", "2016-12-31", 1, 0)), 153), "f.toml: walks: behind, not done, 153 days left"),
            (finding(Missed, week, Some(("2017-02-06", "2017-02-12", 1, 0)), -3), "f.toml: walks: missed, 0 of 1 in week 6, 2017"),
            (finding(FollowupDue, None, fu(Some("2017-03-01"), "2017-03-31"), 45), "f.toml: followup: due by 2017-03-31, 45 days left"),
            (finding(FollowupOverdue, None, fu(None, "2017-03-31"), -30), "f.toml: followup: overdue since 2017-03-31"),
            (quiet, "f.toml: followup: due, nothing recorded in the last 90 days (continuous)"),
        ];
        for (f, want) in cases {
            assert_eq!(finding_line(&f), want);
        }
    }
}
