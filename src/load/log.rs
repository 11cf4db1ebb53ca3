//! `[[log]]` entries: the completed work.

use super::*;
use crate::load::raw::LogKeys;

impl Loader<'_> {
    pub(super) fn log(
        &mut self,
        k: Given<'_, '_>,
        activities: &[Activity],
        kommuner: Option<&[&'static kommuner::Kommun]>,
        period: Option<&Period>,
    ) -> Vec<LogEntry> {
        let v = k.val;
        if !self.log_is_tables(v) {
            return Vec::new();
        }
        let ids: HashSet<&str> = activities.iter().map(|a| a.id.as_str()).collect();
        // Each activity found by its id at once, with its parts and units in sets.
        let mut named: HashMap<&str, entry::Named<'_>> = HashMap::new();
        for a in activities.iter().rev() {
            named.insert(a.id.as_str(), entry::Named::of(a));
        }
        let mut out = Vec::new();
        for (t, header) in self.tables(v, k.name) {
            let f: Fields<LogKeys> = self.fields(t, header.clone(), Table::Log);
            let date_v = self.require(&f, f.date, "2016-05-12");
            let date = date_v.and_then(|v| self.date(v, f.date.name));
            let (activity_v, activity, is_event) = self.entry_what(&f);
            let count = match f.count.given() {
                None => Some(1),
                Some(c) => self.count(c, crate::load::says::Counted::Log),
            };
            let by = self.opt_string(f.by);
            let note = self.entry_note(&f);
            if let (Some(a), Some(av), false) = (&activity, activity_v, is_event) {
                self.entry_activity(a, av, &ids);
            }
            let found = activity
                .as_deref()
                .filter(|_| !is_event)
                .and_then(|a| named.get(a));
            let part = self.entry_part(&f, found, header.clone());
            let unit = self.entry_unit(&f, found, header.clone());
            let kommun = self.entry_kommun(&f, kommuner);
            let request = self.entry_request(&f, found, part.as_deref());
            let act = found.map(|n| n.act);
            let instead_of_slot = self.entry_slot(&f, act, part.as_deref(), date, header.clone());
            if let (Some(d), Some(dv)) = (date, date_v) {
                self.entry_date(d, dv, activity.as_deref().filter(|_| !is_event), period);
            }
            let span = t
                .iter()
                .flat_map(|(k, v)| [k.span(), v.span()])
                .fold(header.clone(), |acc, s| {
                    acc.start.min(s.start)..acc.end.max(s.end)
                });
            if let (Some(date), Some(activity), Some(count)) = (date, activity, count) {
                out.push(LogEntry {
                    date,
                    activity,
                    part,
                    unit,
                    kommun,
                    request,
                    instead_of_slot,
                    event: is_event,
                    count,
                    by,
                    note,
                    span,
                });
            }
        }
        out
    }

    /// What an entry records: an activity's work, or an event (`event = ID`, without
    /// `activity`): the activity's value, the id named, and whether it is an event.
    fn entry_what<'t, 'i>(
        &mut self,
        f: &Fields<LogKeys<'t, 'i>>,
    ) -> (Option<&'t Val<'i>>, Option<String>, bool) {
        let event_v = f.event.val;
        let activity_v = match event_v {
            Some(_) => f.activity.val,
            None => self.require(f, f.activity, "\"trygghetsvandring\""),
        };
        if let (Some(av), Some(_)) = (activity_v, event_v) {
            self.err(av.span(), Says::ActivityAndEvent, Some(Says::TwoEntries));
        }
        let event = self.opt_string(f.event);
        if let (Some(e), Some(ev)) = (&event, event_v) {
            self.entry_event(e, ev);
        }
        let is_event = event.is_some();
        let activity = match event {
            Some(e) => Some(e),
            None => activity_v.and_then(|v| self.string(v, f.activity.name)),
        };
        (activity_v, activity, is_event)
    }

    /// `note`: any text, an empty one too.
    fn entry_note(&mut self, f: &Fields<LogKeys<'_, '_>>) -> Option<String> {
        let n = f.note.val?;
        match n.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.mismatch(n, f.note.name, Expected::String, "\"...\"");
                None
            }
        }
    }

    /// Whether `log` is written as `[[log]]` tables, which is the only form `pledge done` can
    /// append to; reports it when not.
    fn log_is_tables(&mut self, v: &Val<'_>) -> bool {
        // `pledge done` appends `[[log]]` tables, which TOML allows only after `[[log]]`
        // tables: an inline array (`log = [...]`) would make the file invalid.
        if let DeValue::Array(items) = v.get_ref()
            && items.is_empty()
        {
            self.err(v.span(), Says::LogNotTables, Some(Says::RemoveEmptyLog));
            return false;
        }
        if let DeValue::Array(items) = v.get_ref()
            && let Some(item) = items.iter().find(|i| !self.src[i.span()].starts_with("[["))
        {
            self.err(item.span(), Says::LogNotTables, Some(Says::LogEachUnder));
            return false;
        }
        true
    }

    /// An event entry names an `[[event]]` of the löfte.
    fn entry_event(&mut self, e: &str, ev: &Val<'_>) {
        if !self.event_ids.contains(e) {
            let known: Vec<&str> = self.event_ids.iter().map(String::as_str).collect();
            let mut sorted = known.clone();
            sorted.sort();
            let hint = Says::did_you_mean(e, &known, true).unwrap_or_else(|| {
                if sorted.is_empty() {
                    Says::DeclareEvent
                } else {
                    Says::EventsAre {
                        names: sorted.iter().map(|s| s.to_string()).collect(),
                    }
                }
            });
            self.err(
                ev.span(),
                Says::UnknownEvent {
                    event: e.to_string(),
                },
                Some(hint),
            );
        }
    }

    /// `instead_of_slot = true`: work on another weekday that replaced a weekly slot; only on
    /// weekly slots. Work on a slot's activity on another weekday without it is warned about:
    /// it does not count as the week's slot.
    fn entry_slot(
        &mut self,
        f: &Fields<LogKeys<'_, '_>>,
        act: Option<&Activity>,
        part: Option<&str>,
        date: Option<NaiveDate>,
        header: Range<usize>,
    ) -> bool {
        let target = act.map(|a| {
            part.and_then(|p| a.parts.iter().find(|x| x.id == p))
                .map_or(&a.target, |x| &x.target)
        });
        let weekday = match target {
            Some(Target::Weekly { weekday, .. }) => Some(*weekday),
            _ => None,
        };
        let flag = match f.instead_of_slot.val {
            None => false,
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => {
                    if *b && target.is_some() && weekday.is_none() {
                        self.err(
                            v.span(),
                            Says::NoSlot {
                                id: act.map(|a| a.id.clone()),
                            },
                            Some(Says::NoSlotHint),
                        );
                    }
                    *b
                }
                _ => {
                    self.mismatch(v, f.instead_of_slot.name, Expected::TrueOrFalse, "true");
                    false
                }
            },
        };
        if let (Some(w), Some(d), false) = (weekday, date, flag) {
            use chrono::Datelike;
            if d.weekday() != w {
                self.warn(
                    header,
                    Says::OffSlot {
                        id: act.map(|a| a.id.clone()),
                        date: d,
                        day: d.weekday(),
                        slot: w,
                    },
                    Some(Says::OffSlotHint),
                );
            }
        }
        flag
    }

    /// An entry names an activity of the löfte, or the follow-up.
    fn entry_activity(&mut self, a: &str, av: &Val<'_>, ids: &HashSet<&str>) {
        if a != FOLLOWUP_ID && !ids.contains(a) && !ids.is_empty() {
            let known: Vec<&str> = ids.iter().copied().chain([FOLLOWUP_ID]).collect();
            let mut sorted = known.clone();
            sorted.sort();
            let hint = Says::did_you_mean(a, &known, true).unwrap_or_else(|| Says::ActivitiesAre {
                names: sorted.iter().map(|s| s.to_string()).collect(),
            });
            self.err(
                av.span(),
                Says::UnknownEntryActivity {
                    activity: a.to_string(),
                },
                Some(hint),
            );
        }
    }

    /// An entry is not dated in the future, and work on an activity lies inside the period.
    fn entry_date(
        &mut self,
        d: NaiveDate,
        dv: &Val<'_>,
        activity: Option<&str>,
        period: Option<&Period>,
    ) {
        if d > self.today {
            self.err(
                dv.span(),
                Says::EntryInFuture { date: d },
                // The cut-off is the later of --as-of and the real date, so naming it would
                // make the message change from day to day; the date in the message suffices.
                Some(Says::FutureHint),
            );
        } else if let (Some(p), Some(a)) = (period, activity)
            && a != FOLLOWUP_ID
            && !p.contains(d)
        {
            self.err(
                dv.span(),
                Says::WorkOutside {
                    activity: a.to_string(),
                    date: d,
                    period: super::part::shown(p),
                },
                Some(Says::WorkOutsideHint),
            );
        }
    }
}
