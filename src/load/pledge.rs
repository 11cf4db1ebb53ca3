//! The top of the file: title, kommun(er), signatories, period and problem.

use super::*;
use crate::load::raw::{EventKeys, FileKeys, PeriodKeys, ProblemKeys, SignatoryKeys};
use crate::model::followup::occasion;

impl Loader<'_> {
    pub(super) fn pledge(&mut self, file: &str, root: &DeTable<'_>) -> Option<Pledge> {
        let f: Fields<FileKeys> = self.fields(root, 0..0, Table::File);
        let title = self.required_string(&f, f.title, "\"Medborgarlöfte för ... 2016\"");
        let kommuner = self.kommuner(&f);
        let area = self.opt_string(f.area);
        let lokalpolisomrade = self.opt_string(f.lokalpolisomrade);
        let signed = self.opt_date(f.signed);
        let signatories = f
            .signatories
            .given()
            .map(|k| self.signatories(k))
            .unwrap_or_default();
        let source = self.opt_string(f.source);
        let period_v = self.require(&f, f.period, "{ start = 2016-01-01, end = 2016-12-31 }");
        let mut period = f.period.given().and_then(|k| self.period(k, signed));
        let problem = f
            .problem
            .given()
            .map(|k| self.problem(k))
            .unwrap_or_default();
        let promise = self.opt_string(f.promise);
        let events = match f.event.given() {
            Some(k) => self.events(k),
            None => Vec::new(),
        };

        let (activities, spans) = match f.activity.given() {
            Some(k) => self.activities(k, period.as_ref()),
            None => {
                self.diags.push(
                    Diagnostic::error(None, Says::NoActivities).with_hint(Some(Says::AddActivity)),
                );
                (Vec::new(), Vec::new())
            }
        };
        let followup = self.followup_of(&f);
        let events = self.events_apart(events, &activities);
        let log = match f.log.given() {
            Some(k) => self.log(k, &activities, kommuner.as_deref(), period.as_ref()),
            None => Vec::new(),
        };
        let out = self.outcomes(&f, &activities, period.as_ref(), followup.as_ref());
        if let Some(p) = period.as_mut() {
            judged_from(p, &log, self.today);
        }
        if let Some(p) = period.as_ref() {
            self.work_asked(&activities, &spans, p, log.len());
        }
        let pledge = Pledge {
            file: file.to_string(),
            title: title?,
            kommuner: kommuner?,
            area,
            lokalpolisomrade,
            signed,
            signatories,
            source,
            period: period?,
            problem,
            promise,
            activities,
            events,
            followup,
            log,
            indicators: out.indicators,
            measurements: out.measurements,
            verdicts: out.verdicts,
            period_span: period_v.map_or(0..0, |v| v.span()),
        };
        self.early_followups(&pledge);
        Some(pledge)
    }

    /// `[followup]`, or a warning that the löfte has none.
    fn followup_of(&mut self, f: &Fields<FileKeys<'_, '_>>) -> Option<Followup> {
        match f.followup.given() {
            Some(k) => self.followup(k),
            None => {
                self.diags.push(
                    Diagnostic::warning(None, Says::NoFollowup).with_hint(Some(Says::AddFollowup)),
                );
                None
            }
        }
    }

    /// The events, each with an id no activity has.
    fn events_apart(
        &mut self,
        events: Vec<(Event, Range<usize>)>,
        activities: &[Activity],
    ) -> Vec<Event> {
        for (e, span) in &events {
            if activities.iter().any(|a| a.id == e.id) {
                self.err(
                    span.clone(),
                    Says::EventIsActivity { id: e.id.clone() },
                    Some(Says::EventIdOwn),
                );
            }
        }
        events.into_iter().map(|(e, _)| e).collect()
    }

    /// Refuses a file asking for more than [`MAX_WINDOWS`] windows of work to judge, at the
    /// activity (`spans`: each one's table) that passes the limit.
    fn work_asked(
        &mut self,
        activities: &[Activity],
        spans: &[Range<usize>],
        period: &Period,
        entries: usize,
    ) {
        let days = u64::try_from(period.days()).unwrap_or(0);
        let mut asked = 0u64;
        let mut at = None;
        for (a, span) in activities.iter().zip(spans) {
            asked =
                asked.saturating_add(windows_asked(std::slice::from_ref(a), days, entries as u64));
            if asked > MAX_WINDOWS && at.is_none() {
                at = Some(span.clone());
            }
        }
        if asked > MAX_WINDOWS {
            self.diags.push(
                Diagnostic::error(
                    at,
                    Says::TooManyWindows {
                        asked,
                        max: MAX_WINDOWS,
                    },
                )
                .with_hint(Some(Says::TooManyWindowsHint)),
            );
        }
    }

    /// A follow-up recorded before its first due day does not count: a warning.
    fn early_followups(&mut self, p: &Pledge) {
        for e in p.log.iter().filter(|e| e.is_followup()) {
            let when = p.followup.as_ref().and_then(|f| f.when);
            let due_from = when.and_then(|w| occasion(&p.period, w, e.date));
            if let Some((from, _)) = due_from.filter(|(from, _)| e.date < *from) {
                self.warn(
                    e.span.clone(),
                    Says::EarlyFollowup { date: e.date, from },
                    Some(Says::EarlyFollowupHint),
                );
            }
        }
    }

    pub(super) fn kommun(&mut self, v: &Val<'_>, key: &str) -> Option<&'static kommuner::Kommun> {
        let name = self.string(v, key)?;
        let found = kommuner::find(&name);
        if found.is_none() {
            let names: Vec<&str> = kommuner::all().iter().map(|k| k.name).collect();
            let hint = Says::did_you_mean(&name, &names, true);
            self.err(
                v.span(),
                Says::UnknownKommun { name },
                hint.or(Some(Says::KommunNamesHint)),
            );
        }
        found
    }

    pub(super) fn kommuner(
        &mut self,
        f: &Fields<FileKeys<'_, '_>>,
    ) -> Option<Vec<&'static kommuner::Kommun>> {
        match (f.kommun.val, f.kommuner.val) {
            (Some(v), None) => Some(vec![self.kommun(v, f.kommun.name)?]),
            (None, Some(v)) => {
                let DeValue::Array(items) = v.get_ref() else {
                    self.mismatch(
                        v,
                        f.kommuner.name,
                        Expected::ArrayOfKommunNames,
                        "[\"Kil\", \"Forshaga\"]",
                    );
                    return None;
                };
                if items.is_empty() {
                    self.err(
                        v.span(),
                        Says::Empty {
                            key: f.kommuner.name.into(),
                        },
                        Some(Says::NameOneKommun),
                    );
                    return None;
                }
                let mut out = Vec::new();
                let mut ok = true;
                for item in items.iter() {
                    match self.kommun(item, f.kommuner.name) {
                        Some(k) if out.contains(&k) => {
                            self.err(
                                item.span(),
                                Says::ListedTwice {
                                    name: k.name.to_string(),
                                },
                                None,
                            );
                            ok = false;
                        }
                        Some(k) => out.push(k),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            (Some(_), Some(v)) => {
                self.err(
                    v.span(),
                    Says::KommunAndKommuner,
                    Some(Says::KommunOrKommuner),
                );
                None
            }
            (None, None) => {
                self.diags.push(
                    Diagnostic::error(
                        None,
                        Says::MissingKey {
                            key: f.kommun.name.into(),
                            table: Table::File,
                        },
                    )
                    .with_hint(Some(Says::AddKommun)),
                );
                None
            }
        }
    }

    pub(super) fn signatories(&mut self, k: Given<'_, '_>) -> Vec<Signatory> {
        let v = k.val;
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(
                v,
                k.name,
                Expected::Array,
                "[{ name = \"...\", role = \"...\" }]",
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(_) => {
                    if let Some(name) = self.string(item, k.name) {
                        out.push(Signatory { name, role: None });
                    }
                }
                DeValue::Table(t) => {
                    let f: Fields<SignatoryKeys> = self.fields(t, item.span(), Table::Signatory);
                    let name = self.required_string(&f, f.name, "\"...\"");
                    let role = self.opt_string(f.role);
                    if let Some(name) = name {
                        out.push(Signatory { name, role });
                    }
                }
                _ => self.mismatch(
                    item,
                    k.name,
                    Expected::NameOrTable,
                    "{ name = \"...\", role = \"...\" }",
                ),
            }
        }
        out
    }

    pub(super) fn period(&mut self, k: Given<'_, '_>, signed: Option<NaiveDate>) -> Option<Period> {
        let v = k.val;
        let t = self.table(v, k.name, "{ start = 2016-01-01, end = 2016-12-31 }")?;
        let f: Fields<PeriodKeys> = self.fields(t, v.span(), Table::Period);
        let start_v = f.start.val;
        // Not stated: judged from the first recorded work (set once the log is read).
        let start = match start_v {
            None => Some(None),
            Some(s) => self.period_start(s, f.start.name, signed).map(Some),
        };
        let end_v = self.require(&f, f.end, "2016-12-31");
        let end = end_v.and_then(|v| self.date(v, f.end.name));
        let until_replaced = match f.until_replaced.val {
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => {
                    self.mismatch(v, f.until_replaced.name, Expected::TrueOrFalse, "true");
                    false
                }
            },
            None => false,
        };
        let (start, end) = (start?, end?);
        let Some(start) = start else {
            return Some(Period {
                start: NaiveDate::MIN,
                end,
                until_replaced,
                start_stated: false,
            });
        };
        if end < start {
            self.err(
                end_v.map_or(v.span(), |v| v.span()),
                Says::PeriodReversed { start, end },
                Some(Says::PeriodEndInclusive),
            );
            return None;
        }
        let longest = start
            .checked_add_months(chrono::Months::new(12 * MAX_PERIOD_YEARS))
            .unwrap_or(NaiveDate::MAX);
        if end >= longest {
            self.err(
                end_v.map_or(v.span(), |v| v.span()),
                Says::PeriodTooLong {
                    start,
                    end,
                    years: MAX_PERIOD_YEARS,
                },
                Some(Says::PeriodYearsHint),
            );
            return None;
        }
        Some(Period {
            start,
            end,
            until_replaced,
            start_stated: true,
        })
    }

    /// `[[event]]` tables: events the löfte refers to, each with an id and a text.
    fn events(&mut self, k: Given<'_, '_>) -> Vec<(Event, Range<usize>)> {
        let v = k.val;
        let mut out: Vec<(Event, Range<usize>)> = Vec::new();
        for (t, header) in self.tables(v, k.name) {
            let f: Fields<EventKeys> = self.fields(t, header.clone(), Table::Event);
            let id_v = self.require(&f, f.id, "\"bra-mote\"");
            let id = id_v.and_then(|v| self.string(v, f.id.name));
            let text = self.required_string(&f, f.text, "\"Sammanträde med BRÅ\"");
            let (Some(id), Some(id_v), Some(text)) = (id, id_v, text) else {
                continue;
            };
            if RESERVED_IDS.contains(&id.as_str()) || !valid_id(&id) {
                self.err(
                    id_v.span(),
                    Says::EventIdNotWord { id: id.clone() },
                    Some(Says::IdWordHint {
                        slug: crate::text::slug(&id),
                        event: true,
                    }),
                );
            } else if out.iter().any(|(e, _)| e.id == id) {
                self.err(
                    id_v.span(),
                    Says::DuplicateEvent { id: id.clone() },
                    Some(Says::EventIdsUnique),
                );
            } else {
                self.event_ids.insert(id.clone());
                out.push((Event { id, text }, id_v.span()));
            }
        }
        out
    }

    /// `start`: a date, or "signing" for the `signed` date.
    fn period_start(
        &mut self,
        v: &Val<'_>,
        key: &str,
        signed: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        match v.get_ref() {
            DeValue::String(s) if s.as_ref() == "signing" => {
                if signed.is_none() {
                    self.err(v.span(), Says::SigningNotGiven, Some(Says::SigningHint));
                }
                signed
            }
            _ => self.date(v, key),
        }
    }

    pub(super) fn problem(&mut self, k: Given<'_, '_>) -> Problem {
        let v = k.val;
        match v.get_ref() {
            DeValue::String(_) => Problem {
                text: self.string(v, k.name),
                ..Problem::default()
            },
            DeValue::Table(t) => {
                let f: Fields<ProblemKeys> = self.fields(t, v.span(), Table::Problem);
                let title = self.opt_string(f.title);
                let text = self.opt_string(f.text);
                let priorities = self.opt_strings(f.priorities);
                let items = self.opt_strings(f.items);
                if text.is_none() && priorities.is_empty() && items.is_empty() && title.is_none() {
                    self.err(v.span(), Says::ProblemSaysNothing, Some(Says::ProblemHint));
                }
                Problem {
                    title,
                    text,
                    priorities,
                    items,
                }
            }
            _ => {
                self.mismatch(v, k.name, Expected::TextOrTable, "\"...\"");
                Problem::default()
            }
        }
    }

    /// The texts of `key`, if given.
    fn opt_strings(&mut self, key: Key<'_, '_>) -> Vec<String> {
        match key.val {
            Some(v) => self.strings(v, key.name),
            None => Vec::new(),
        }
    }

    pub(super) fn strings(&mut self, v: &Val<'_>, key: &str) -> Vec<String> {
        match v.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|i| self.string(i, key)).collect(),
            _ => {
                self.mismatch(v, key, Expected::ArrayOfStrings, "[\"...\", \"...\"]");
                Vec::new()
            }
        }
    }
}

/// A period whose start the text does not state is judged from the first recorded work, or
/// from `today` before any, never after its end; each view judges it again as of its own date
/// ([`Period::as_of`]).
fn judged_from(p: &mut Period, log: &[LogEntry], today: NaiveDate) {
    *p = p.as_of(log, today);
}

/// About how many windows judging `activities` over `days` days takes (at least as many as
/// the status rules make): each unit or part times its target's windows.
fn windows_asked(activities: &[Activity], days: u64, entries: u64) -> u64 {
    activities
        .iter()
        .map(|a| {
            if !a.parts.is_empty() {
                return windows_asked(&a.parts, days, entries);
            }
            let per_series = match &a.target {
                Target::Count { per, .. } => match per {
                    Per::Week => days / 7 + 2,
                    Per::Month => days / 28 + 2,
                    Per::Quarter => days / 90 + 2,
                    Per::HalfYear => days / 181 + 2,
                    Per::Year => days / 365 + 2,
                    Per::Period => 1,
                },
                Target::Weekly { .. } => days / 7 + 2,
                Target::Each { of, .. } => match of {
                    Occurrences::Dates(d) => d.len() as u64 + 1,
                    Occurrences::Activity(_) | Occurrences::Event(_) => entries + 1,
                },
                _ => 1,
            };
            per_series.saturating_mul(a.units.len().max(1) as u64)
        })
        .fold(0, u64::saturating_add)
}
