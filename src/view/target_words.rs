//! A target in words: "2 per år", "varje tisdag 18–20", the name of one of its windows
//! ("vecka 12", "2016"), and the noun for its windows ("halvår", "veckor"). Pure.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{Event, Occurrences, Per, Target};
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::{Label, TargetWord, WindowNoun, Words};

pub fn target_text(t: &Target, lang: Lang) -> String {
    target_text_of(t, &[], lang)
}

/// [`target_text`] naming an event by its text (`1 per Sammanträde med BRÅ`), from the
/// löfte's `[[event]]` tables; an id not among them stays as it is.
pub fn target_text_of(t: &Target, events: &[Event], lang: Lang) -> String {
    match t {
        Target::None => lang.t(Label::Ongoing).into(),
        Target::Once => lang.t(Label::Once).into(),
        Target::Open => lang.t(Label::OpenCount).into(),
        Target::OnRequest => lang.t(Label::OnRequest).into(),
        Target::Count {
            count,
            per: Per::Period,
        } => TargetWord::InPeriod { count: *count }.say(lang),
        Target::Count { count, per } => format!("{count} per {}", lang.per(*per)),
        Target::Each {
            count,
            of,
            grace_days,
        } => {
            let mut t = match of {
                Occurrences::Event(id) => match events.iter().find(|e| &e.id == id) {
                    Some(e) => format!("{count} per {}", safe(&e.text, false)),
                    None => format!("{count} per {id}"),
                },
                Occurrences::Activity(id) => format!("{count} per {id}"),
                Occurrences::Dates(ds) => TargetWord::OnEachOfDates {
                    count: *count,
                    dates: ds.len(),
                }
                .say(lang),
            };
            let _ = write!(t, ", {}", TargetWord::Grace { days: *grace_days }.say(lang));
            t
        }
        Target::Weekly {
            weekday,
            time,
            except_holidays,
        } => {
            let mut t = TargetWord::Every { weekday: *weekday }.say(lang);
            if let Some(time) = time {
                let _ = write!(t, " {}", safe(time, false));
            }
            if *except_holidays {
                let _ = write!(t, ", {}", TargetWord::HolidaysExcepted.say(lang));
            }
            t
        }
    }
}

/// Whether a target's windows are ISO weeks (named "week 22, 2017").
fn weekly(t: &Target) -> bool {
    matches!(
        t,
        Target::Count { per: Per::Week, .. } | Target::Weekly { .. }
    )
}

/// The name of a target's window: an ISO week for a week of a weekly target, else by its
/// dates (so the whole period of a weekly target is named by its dates, never as one week).
pub fn window_name(t: &Target, from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    // A short first or last week joined to its neighbour is at most 10 days.
    if weekly(t) && (to - from).num_days() < 13 {
        lang.week(from, to)
    } else {
        lang.window(from, to)
    }
}

/// The noun for a target's windows, singular or plural, in the language.
pub fn window_noun(t: &Target, lang: Lang, one: bool) -> &'static str {
    window_noun_of(t, one).say(lang)
}

/// The noun for a target's windows, singular (`one`) or plural, to be said.
pub fn window_noun_of(t: &Target, one: bool) -> WindowNoun {
    match t {
        Target::Count { per: Per::Week, .. } | Target::Weekly { .. } => WindowNoun::Week { one },
        Target::Count {
            per: Per::Month, ..
        } => WindowNoun::Month { one },
        Target::Count {
            per: Per::Quarter, ..
        } => WindowNoun::Quarter { one },
        Target::Count {
            per: Per::HalfYear, ..
        } => WindowNoun::HalfYear { one },
        Target::Count { per: Per::Year, .. } => WindowNoun::Year { one },
        _ => WindowNoun::Occasion { one },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_in_both_languages() {
        let count = Target::Count {
            count: 2,
            per: Per::Year,
        };
        assert_eq!(target_text(&count, Lang::Sv), "2 per år");
        let period = Target::Count {
            count: 4,
            per: Per::Period,
        };
        assert_eq!(target_text(&period, Lang::En), "4 in the period");
        assert_eq!(target_text(&Target::None, Lang::Sv), "löpande");
    }
}
