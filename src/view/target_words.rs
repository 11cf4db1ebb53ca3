//! A target in words: "2 per år", "varje tisdag 18–20", the name of one of its windows
//! ("vecka 12", "2016"), and the noun for its windows ("halvår", "veckor"). Pure.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{Event, Occurrences, Per, Target};
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::Label;
use crate::view::messages::grammar::weekday_sv;

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
        Target::Count { count, per } => match lang {
            Lang::Sv if *per == Per::Period => format!("{count} under perioden"),
            Lang::En if *per == Per::Period => format!("{count} in the period"),
            _ => format!("{count} per {}", lang.per(*per)),
        },
        Target::Each {
            count,
            of,
            grace_days,
        } => {
            let mut t = match (lang, of) {
                (_, Occurrences::Event(id)) => match events.iter().find(|e| &e.id == id) {
                    Some(e) => format!("{count} per {}", safe(&e.text, false)),
                    None => format!("{count} per {id}"),
                },
                (_, Occurrences::Activity(id)) => format!("{count} per {id}"),
                (Lang::En, Occurrences::Dates(ds)) => {
                    format!("{count} on each of {} dates", ds.len())
                }
                (Lang::Sv, Occurrences::Dates(ds)) => {
                    format!("{count} vid vart och ett av {} datum", ds.len())
                }
            };
            let _ = match (lang, grace_days) {
                (Lang::En, 0) => write!(t, ", on the day"),
                (Lang::Sv, 0) => write!(t, ", samma dag"),
                (Lang::En, 1) => write!(t, ", within 1 day"),
                (Lang::Sv, 1) => write!(t, ", inom 1 dag"),
                (Lang::En, n) => write!(t, ", within {n} days"),
                (Lang::Sv, n) => write!(t, ", inom {n} dagar"),
            };
            t
        }
        Target::Weekly {
            weekday,
            time,
            except_holidays,
        } => {
            let mut t = match lang {
                Lang::En => format!("every {}", weekday_en(*weekday)),
                Lang::Sv => format!("varje {}", weekday_sv(*weekday)),
            };
            if let Some(time) = time {
                let _ = write!(t, " {}", safe(time, false));
            }
            if *except_holidays {
                t.push_str(match lang {
                    Lang::En => ", holidays excepted",
                    Lang::Sv => ", utom helgdagar",
                });
            }
            t
        }
    }
}

fn weekday_en(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
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

/// The noun for a target's windows, singular or plural, and whether it is neuter (Swedish).
pub fn window_noun(t: &Target, lang: Lang, one: bool) -> (&'static str, bool) {
    let per = match t {
        Target::Count { per, .. } => Some(*per),
        Target::Weekly { .. } => Some(Per::Week),
        _ => None,
    };
    match (lang, per, one) {
        (Lang::En, Some(Per::Week), true) => ("week", false),
        (Lang::En, Some(Per::Week), false) => ("weeks", false),
        (Lang::En, Some(Per::Month), true) => ("month", false),
        (Lang::En, Some(Per::Month), false) => ("months", false),
        (Lang::En, Some(Per::Quarter), true) => ("quarter", false),
        (Lang::En, Some(Per::Quarter), false) => ("quarters", false),
        (Lang::En, Some(Per::HalfYear), true) => ("half-year", false),
        (Lang::En, Some(Per::HalfYear), false) => ("half-years", false),
        (Lang::En, Some(Per::Year), true) => ("year", false),
        (Lang::En, Some(Per::Year), false) => ("years", false),
        (Lang::En, _, true) => ("occasion", false),
        (Lang::En, _, false) => ("occasions", false),
        (Lang::Sv, Some(Per::Week), true) => ("vecka", false),
        (Lang::Sv, Some(Per::Week), false) => ("veckor", false),
        (Lang::Sv, Some(Per::Month), true) => ("månad", false),
        (Lang::Sv, Some(Per::Month), false) => ("månader", false),
        (Lang::Sv, Some(Per::Quarter), _) => ("kvartal", true),
        (Lang::Sv, Some(Per::HalfYear), _) => ("halvår", true),
        (Lang::Sv, Some(Per::Year), _) => ("år", true),
        (Lang::Sv, _, true) => ("tillfälle", true),
        (Lang::Sv, _, false) => ("tillfällen", true),
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
