//! An activity's `target`: a word ("once", "open", "on-request"), a count per window, per
//! occurrence of another activity or per listed date, or a fixed weekly slot.

use chrono::Weekday;

use super::*;

/// The words a target may be.
const TARGET_WORDS: [&str; 3] = ["once", "open", "on-request"];

/// The keys that say what a counted target counts per: exactly one of them.
const COUNT_KINDS: [&str; 3] = ["per", "each", "on"];

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
        v: &Val<'_>,
        frame: Option<&Period>,
        own: Option<&str>,
    ) -> Option<Target> {
        match v.get_ref() {
            DeValue::String(s) => match s.as_ref() {
                "once" => Some(Target::Once),
                "open" => Some(Target::Open),
                "on-request" => Some(Target::OnRequest),
                _ => {
                    let hint = did_you_mean(s, &TARGET_WORDS)
                        .map(|h| format!("{h} "))
                        .unwrap_or_default();
                    self.err(
                        v.span(),
                        format!("unknown target \"{s}\""),
                        Some(format!("{hint}write `target = \"once\"` for a milestone, \"open\" for a count the text leaves open, \"on-request\", or `target = {{ count = 2, per = \"year\" }}`")),
                    );
                    None
                }
            },
            DeValue::Table(t) => {
                let f = self.fields(t, v.span(), &KNOWN.target, "`target`");
                if f.get("weekday").is_some() {
                    return self.weekly(&f, v);
                }
                self.counted(&f, v, frame, own)
            }
            _ => {
                self.mismatch(
                    v,
                    "target",
                    "\"once\" or a table",
                    "{ count = 2, per = \"year\" }",
                );
                None
            }
        }
    }

    /// `{ count, per }`, `{ count, each }` or `{ count, on }`.
    fn counted(
        &mut self,
        f: &Fields<'_, '_>,
        v: &Val<'_>,
        frame: Option<&Period>,
        own: Option<&str>,
    ) -> Option<Target> {
        let kinds: Vec<&str> = COUNT_KINDS
            .into_iter()
            .filter(|k| f.get(k).is_some())
            .collect();
        if let [a, b, ..] = kinds.as_slice() {
            self.err(
                value_span(v, b),
                format!("`target` has both `{a}` and `{b}`"),
                Some("a target counts per window (`per`), per occurrence of another activity (`each`) or per listed date (`on`): give one".into()),
            );
            return None;
        }
        for key in ["time", "except"] {
            if let Some(k) = f.get(key) {
                self.err(
                    k.span(),
                    format!("`{key}` belongs to a weekly slot"),
                    Some("a weekly slot is `{ weekday = \"tuesday\", time = \"18-20\" }`; a count is `{ count = 2, per = \"year\" }`".into()),
                );
                return None;
            }
        }
        let count = self.require(f, "count", "2").and_then(|c| {
            self.count(
                c,
                "target count",
                "a target counts occurrences: 1, 2, 25, ...; leave `target` out for ongoing work",
            )
        });
        if let (Some(g), false) = (
            f.get("grace_days"),
            matches!(kinds.first(), Some(&"each" | &"on")),
        ) {
            self.err(
                g.span(),
                "`grace_days` belongs to a target per occurrence",
                Some("`grace_days` is the days after each occurrence (`each`) or listed date (`on`) the work may still be done".into()),
            );
            return None;
        }
        match kinds.first() {
            Some(&"each") => {
                let e = f.get("each")?;
                let id = self.string(e, "each")?;
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
            Some(&"on") => {
                let dates = self.on_dates(f.get("on")?, frame)?;
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

    /// `grace_days`: 0 (the occurrence's day itself) to [`MAX_GRACE_DAYS`]; 0 when not given.
    fn grace_days(&mut self, f: &Fields<'_, '_>) -> Option<u32> {
        let Some(g) = f.get("grace_days") else {
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
                        format!("`grace_days` must be 0 to {MAX_GRACE_DAYS}"),
                        Some("the days after each occurrence the work may still be done; 0 is the day itself".into()),
                    );
                    None
                }
            },
            _ => {
                self.mismatch(g, "grace_days", "a whole number of days", "7");
                None
            }
        }
    }

    fn per(&mut self, f: &Fields<'_, '_>) -> Option<Per> {
        self.require(f, "per", "\"year\"").and_then(|p| {
            let s = self.string(p, "per")?;
            let per = Per::parse(&s);
            if per.is_none() {
                let hint = did_you_mean(&s, &Per::NAMES)
                    .unwrap_or_else(|| format!("`per` is one of: {}", Per::NAMES.join(", ")));
                self.err(p.span(), format!("unknown window \"{s}\""), Some(hint));
            }
            per
        })
    }

    /// The listed dates of `{ count, on = [...] }`: at least one, each inside the frame.
    fn on_dates(&mut self, v: &Val<'_>, frame: Option<&Period>) -> Option<Vec<NaiveDate>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(v, "on", "an array of dates", "[2017-02-14, 2017-05-16]");
            return None;
        };
        if items.is_empty() {
            self.err(
                v.span(),
                "`on` lists no dates",
                Some(
                    "list the dates the count is for, e.g. `on = [2017-02-14, 2017-05-16]`".into(),
                ),
            );
            return None;
        }
        let mut dates = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            let Some(d) = self.date(item, "on") else {
                ok = false;
                continue;
            };
            if let Some(fr) = frame
                && !fr.contains(d)
            {
                self.err(
                    item.span(),
                    format!(
                        "the date {d} in `on` is outside the activity's time ({})",
                        super::part::shown(fr)
                    ),
                    Some("the dates must lie in the löfte's period and the activity's `from`/`until`".into()),
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
    fn weekly(&mut self, f: &Fields<'_, '_>, v: &Val<'_>) -> Option<Target> {
        if let Some(key) = ["count", "per", "each", "on"]
            .into_iter()
            .find(|k| f.get(k).is_some())
        {
            self.err(
                value_span(v, key),
                format!("a weekly slot has no `{key}`"),
                Some("a weekly slot needs one each week: `{ weekday = \"tuesday\", time = \"18-20\", except = \"holidays\" }`".into()),
            );
            return None;
        }
        let w = f.get("weekday")?;
        let name = self.string(w, "weekday")?;
        let weekday = parse_weekday(&name);
        if weekday.is_none() {
            let hint = did_you_mean(&name, &WEEKDAYS)
                .unwrap_or_else(|| "write a weekday: monday..sunday or måndag..söndag".into());
            self.err(w.span(), format!("unknown weekday \"{name}\""), Some(hint));
        }
        let time = self.opt_string(f, "time");
        let except_holidays = match f.get("except") {
            None => false,
            Some(e) => match e.get_ref() {
                DeValue::String(s) if s.as_ref() == "holidays" => true,
                _ => {
                    self.err(
                        e.span(),
                        "`except` can only be \"holidays\"",
                        Some("write `except = \"holidays\"` to leave out weeks whose weekday is a Swedish public holiday".into()),
                    );
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
                self.err(
                    span,
                    format!("activity \"{id}\" counts per its own occurrences"),
                    Some("`each` names another activity, e.g. the trygghetsvandring each follow-up comes after".into()),
                );
            } else if !ids.contains(&id) {
                let known: Vec<&str> = ids.iter().map(String::as_str).collect();
                let mut sorted = known.clone();
                sorted.sort();
                let hint = did_you_mean(&id, &known)
                    .unwrap_or_else(|| format!("the activities are: {}", sorted.join(", ")));
                self.err(
                    span,
                    format!("`each` names unknown activity \"{id}\""),
                    Some(format!("{hint} (an event the löfte only refers to, such as a council meeting, is declared as `[[event]]` with this id)")),
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
