//! An activity's `target`: a word ("once", "open", "on-request"), a count per window, per
//! occurrence of another activity or per listed date, or a fixed weekly slot.

use chrono::Weekday;

use super::*;
use crate::load::raw::TargetKeys;
use crate::load::says::Counted;

/// The words a target may be.
const TARGET_WORDS: [&str; 3] = ["once", "open", "on-request"];

/// A weekday in English or Swedish, any case, å/ä/ö as a/a/o.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match crate::text::fold(s).as_str() {
        "monday" | "mandag" => Weekday::Mon,
        "tuesday" | "tisdag" => Weekday::Tue,
        "wednesday" | "onsdag" => Weekday::Wed,
        "thursday" | "torsdag" => Weekday::Thu,
        "friday" | "fredag" => Weekday::Fri,
        "saturday" | "lordag" => Weekday::Sat,
        "sunday" | "sondag" => Weekday::Sun,
        _ => return None,
    })
}

const WEEKDAYS: [&str; 14] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
];

/// The value of `key` in an inline table, for pointing at it.
fn value_span(v: &Val<'_>, key: &str) -> Range<usize> {
    match v.get_ref() {
        DeValue::Table(t) => t
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map_or(v.span(), |(_, v)| v.span()),
        _ => v.span(),
    }
}

impl Loader<'_> {
    /// `frame`: the dates the target's dates must lie in (the activity's frame within the
    /// period); `own`: the activity's id.
    pub(super) fn target(
        &mut self,
        k: Given<'_, '_>,
        frame: Option<&Period>,
        own: Option<&str>,
    ) -> Option<Target> {
        let v = k.val;
        match v.get_ref() {
            DeValue::String(s) => match s.as_ref() {
                "once" => Some(Target::Once),
                "open" => Some(Target::Open),
                "on-request" => Some(Target::OnRequest),
                _ => {
                    let did_you_mean = Says::did_you_mean(s, &TARGET_WORDS, true).map(Box::new);
                    self.err(
                        v.span(),
                        Says::UnknownTarget {
                            target: s.to_string(),
                        },
                        Some(Says::TargetWordsHint { did_you_mean }),
                    );
                    None
                }
            },
            DeValue::Table(t) => {
                let f: Fields<TargetKeys> = self.fields(t, v.span(), Table::Target);
                if f.weekday.val.is_some() {
                    return self.weekly(&f, v);
                }
                self.counted(&f, v, frame, own)
            }
            _ => {
                self.mismatch(
                    v,
                    k.name,
                    Expected::OnceOrTable,
                    "{ count = 2, per = \"year\" }",
                );
                None
            }
        }
    }

    /// `{ count, per }`, `{ count, each }` or `{ count, on }`.
    fn counted(
        &mut self,
        f: &Fields<TargetKeys<'_, '_>>,
        v: &Val<'_>,
        frame: Option<&Period>,
        own: Option<&str>,
    ) -> Option<Target> {
        // The keys that say what a counted target counts per: exactly one of them.
        let kinds: Vec<&str> = [f.per, f.each, f.on]
            .into_iter()
            .filter_map(|k| k.val.map(|_| k.name))
            .collect();
        if let [a, b, ..] = kinds.as_slice() {
            self.err(
                value_span(v, b),
                Says::BothKinds { a, b },
                Some(Says::OneKindHint),
            );
            return None;
        }
        self.no_slot_keys(f)?;
        self.require(f, f.count, "2");
        let count = f.count.given().and_then(|k| self.count(k, Counted::Target));
        let kind = kinds.first().copied();
        let (each, on) = (Some(f.each.name), Some(f.on.name));
        if let (Some(g), false) = (f.grace_days.val, kind == each || kind == on) {
            self.err(g.span(), Says::GraceNotOccurrence, Some(Says::GraceHint));
            return None;
        }
        match kind {
            k if k == each => {
                let e = f.each.val?;
                let id = self.string(e, f.each.name)?;
                let grace_days = self.grace_days(f)?;
                let of = if self.event_ids.contains(&id) {
                    Occurrences::Event(id)
                } else {
                    self.each_refs
                        .push((own.map(str::to_string), id.clone(), e.span()));
                    Occurrences::Activity(id)
                };
                Some(Target::Each {
                    count: count?,
                    of,
                    grace_days,
                })
            }
            k if k == on => {
                let dates = self.on_dates(f.on.val?, f.on.name, frame)?;
                let grace_days = self.grace_days(f)?;
                Some(Target::Each {
                    count: count?,
                    of: Occurrences::Dates(dates),
                    grace_days,
                })
            }
            _ => {
                let per = self.per(f);
                Some(Target::Count {
                    count: count?,
                    per: per?,
                })
            }
        }
    }

    /// A counted target has none of a weekly slot's keys but its `weekday`.
    fn no_slot_keys(&mut self, f: &Fields<TargetKeys<'_, '_>>) -> Option<()> {
        for key in [f.time, f.except] {
            if let Some(k) = key.val {
                self.err(
                    k.span(),
                    Says::SlotKey { key: key.name },
                    Some(Says::SlotOrCountHint),
                );
                return None;
            }
        }
        Some(())
    }

    /// `grace_days`: 0 (the occurrence's day itself) to [`MAX_GRACE_DAYS`]; 0 when not given.
    fn grace_days(&mut self, f: &Fields<TargetKeys<'_, '_>>) -> Option<u32> {
        let Some(g) = f.grace_days.val else {
            return Some(0);
        };
        match g.get_ref() {
            DeValue::Integer(i) => match u32::from_str_radix(
                i.as_str().replace('_', "").trim_start_matches('+'),
                i.radix(),
            ) {
                Ok(n) if n <= MAX_GRACE_DAYS => Some(n),
                _ => {
                    self.err(
                        g.span(),
                        Says::GraceRange {
                            max: MAX_GRACE_DAYS,
                        },
                        Some(Says::GraceDaysHint),
                    );
                    None
                }
            },
            _ => {
                self.mismatch(g, f.grace_days.name, Expected::WholeNumberOfDays, "7");
                None
            }
        }
    }

    fn per(&mut self, f: &Fields<TargetKeys<'_, '_>>) -> Option<Per> {
        self.require(f, f.per, "\"year\"").and_then(|p| {
            let s = self.string(p, f.per.name)?;
            let per = Per::parse(&s);
            if per.is_none() {
                let hint = Says::did_you_mean(&s, &Per::NAMES, true).unwrap_or(Says::PerIsOneOf {
                    names: Per::NAMES.to_vec(),
                });
                self.err(p.span(), Says::UnknownWindow { window: s }, Some(hint));
            }
            per
        })
    }

    /// The listed dates of `{ count, on = [...] }`: at least one, each inside the frame.
    fn on_dates(
        &mut self,
        v: &Val<'_>,
        key: &str,
        frame: Option<&Period>,
    ) -> Option<Vec<NaiveDate>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(v, key, Expected::ArrayOfDates, "[2017-02-14, 2017-05-16]");
            return None;
        };
        if items.is_empty() {
            self.err(v.span(), Says::OnEmpty, Some(Says::OnListHint));
            return None;
        }
        let mut dates = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            let Some(d) = self.date(item, key) else {
                ok = false;
                continue;
            };
            if let Some(fr) = frame
                && !fr.contains(d)
            {
                self.err(
                    item.span(),
                    Says::OnOutside {
                        date: d,
                        frame: super::part::shown(fr),
                    },
                    Some(Says::OnOutsideHint),
                );
                ok = false;
            }
            dates.push(d);
        }
        dates.sort();
        dates.dedup();
        ok.then_some(dates)
    }

    /// `{ weekday, time, except = "holidays" }`.
    fn weekly(&mut self, f: &Fields<TargetKeys<'_, '_>>, v: &Val<'_>) -> Option<Target> {
        if let Some(key) = [f.count, f.per, f.each, f.on]
            .into_iter()
            .find_map(|k| k.val.map(|_| k.name))
        {
            self.err(
                value_span(v, key),
                Says::SlotHas { key },
                Some(Says::SlotHint),
            );
            return None;
        }
        let w = f.weekday.val?;
        let name = self.string(w, f.weekday.name)?;
        let weekday = parse_weekday(&name);
        if weekday.is_none() {
            let hint = Says::did_you_mean(&name, &WEEKDAYS, true).unwrap_or(Says::WeekdayHint);
            self.err(w.span(), Says::UnknownWeekday { name }, Some(hint));
        }
        let time = self.opt_string(f.time);
        let except_holidays = match f.except.val {
            None => false,
            Some(e) => match e.get_ref() {
                DeValue::String(s) if s.as_ref() == "holidays" => true,
                _ => {
                    self.err(e.span(), Says::ExceptHolidays, Some(Says::ExceptHint));
                    return None;
                }
            },
        };
        Some(Target::Weekly {
            weekday: weekday?,
            time,
            except_holidays,
        })
    }

    /// Each `each` names another activity of the löfte.
    pub(super) fn each_refs(&mut self, ids: &HashSet<String>) {
        for (own, id, span) in std::mem::take(&mut self.each_refs) {
            if own.as_deref() == Some(id.as_str()) {
                self.err(span, Says::OwnOccurrences { id }, Some(Says::EachOtherHint));
            } else if !ids.contains(&id) {
                let known: Vec<&str> = ids.iter().map(String::as_str).collect();
                let mut sorted = known.clone();
                sorted.sort();
                let first =
                    Says::did_you_mean(&id, &known, true).unwrap_or_else(|| Says::ActivitiesAre {
                        names: sorted.iter().map(|s| s.to_string()).collect(),
                    });
                self.err(
                    span,
                    Says::EachUnknown { id },
                    Some(Says::EachUnknownHint {
                        first: Box::new(first),
                    }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_in_english_and_swedish() {
        assert_eq!(parse_weekday("Tuesday"), Some(Weekday::Tue));
        assert_eq!(parse_weekday("tisdag"), Some(Weekday::Tue));
        assert_eq!(parse_weekday("LÖRDAG"), Some(Weekday::Sat));
        assert_eq!(parse_weekday("sondag"), Some(Weekday::Sun));
        assert_eq!(parse_weekday("tue"), None);
    }
}
