//! The words of `check`: one line per finding, in English (cron mail, scripts).

use crate::findings::{Finding, FindingKind};
use crate::i18n::Lang;
use crate::view::phrases::{plural, progress};

/// "filipstad-2016.toml: trygghetsvandring: behind, 0 of 2 in 2016, 22 days left".
pub fn finding_line(f: &Finding) -> String {
    format!("{}: {}: {}", f.file, f.activity, finding_text(f))
}

fn finding_text(f: &Finding) -> String {
    let lang = Lang::En;
    let window = f.window_start.zip(f.window_end);
    let days = f.days_left.unwrap_or(0) + 1;
    let left = || format!("{days} day{} left", plural(days as usize));
    let progress = || {
        let target = f.target.unwrap_or(crate::model::Target::None);
        progress(target, f.required, f.done.unwrap_or(0), window, lang).replace(" · ", " in ")
    };
    let due = f.window_end.map(|d| d.to_string()).unwrap_or_default();
    match f.kind {
        FindingKind::Behind => format!("behind, {}, {}", progress(), left()),
        FindingKind::DueSoon => format!("due soon, {}, {}", progress(), left()),
        FindingKind::Missed => format!(
            "missed, {} of {} in {}",
            f.done.unwrap_or(0),
            f.required.unwrap_or(0),
            window.map_or(String::new(), |(s, e)| lang.window(s, e))
        ),
        FindingKind::FollowupDue => format!("due by {due}, {days} days left"),
        FindingKind::FollowupQuiet => {
            "due, nothing recorded in the last 90 days (continuous)".to_string()
        }
        FindingKind::FollowupOverdue => format!("overdue since {due}"),
    }
}
