//! `[[indicator]]`, `[[measurement]]` and `[[verdict]]` tables: what the löfte should change,
//! its measured values and the follow-up's verdicts. The rules themselves are pure functions
//! in [`crate::load::problems`]; here each table is read with its spans, and each problem
//! found is pointed at the key it is about.

use std::marker::PhantomData;

use super::kolada;
use super::problems::{self, At, Severity};
use super::*;
use crate::load::raw::keys::Name;
use crate::load::raw::{
    BaselineKeys, CadenceKeys, FileKeys, IndicatorKeys, MeasurementKeys, SeriesKeys, VerdictKeys,
};
use crate::model::followup::followup_due_from;
use crate::model::outcome::{
    Baseline, Cadence, Direction, Goal, Indicator, Measurement, Verdict, VerdictEntry, When,
};
use crate::model::series::{Compare, Gender, Series};

/// The three kinds of table, as the model holds them.
#[derive(Default)]
pub(super) struct Outcomes {
    pub indicators: Vec<Indicator>,
    pub measurements: Vec<Measurement>,
    pub verdicts: Vec<VerdictEntry>,
}

/// Where each key of one table is written (its value), and the table's header; `T` is the
/// table's key struct, whose names the rules point with.
struct Spans<T> {
    header: Range<usize>,
    keys: Vec<(String, Range<usize>)>,
    table: PhantomData<T>,
}

impl<T> Spans<T> {
    fn of(t: &DeTable<'_>, header: Range<usize>) -> Spans<T> {
        let keys = t
            .iter()
            .map(|(k, v)| (k.get_ref().to_string(), v.span()))
            .collect();
        Spans {
            header,
            keys,
            table: PhantomData,
        }
    }
    /// The value of `key`, or the table's header when the file does not give it.
    fn at(&self, key: Name<T>) -> Range<usize> {
        self.keys
            .iter()
            .find(|(k, _)| k == key.as_str())
            .map_or(self.header.clone(), |(_, s)| s.clone())
    }
    /// The entry from its header to its last value (as `done`'s log entries).
    fn whole(&self) -> Range<usize> {
        self.keys.iter().fold(self.header.clone(), |acc, (_, s)| {
            acc.start.min(s.start)..acc.end.max(s.end)
        })
    }
}

impl Loader<'_> {
    pub(super) fn outcomes(
        &mut self,
        f: &Fields<FileKeys<'_, '_>>,
        activities: &[Activity],
        period: Option<&Period>,
        followup: Option<&Followup>,
    ) -> Outcomes {
        let mut out = Outcomes::default();
        let (mut is, mut ms, mut vs) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(v) = f.indicator.val {
            for (t, header) in self.tables(v, f.indicator.name) {
                let spans = Spans::<IndicatorKeys>::of(t, header.clone());
                if let Some(i) = self.indicator(t, header) {
                    out.indicators.push(Indicator {
                        span: spans.whole(),
                        ..i
                    });
                    is.push(spans);
                }
            }
        }
        if let Some(v) = f.measurement.val {
            for (t, header) in self.tables(v, f.measurement.name) {
                let spans = Spans::<MeasurementKeys>::of(t, header.clone());
                if let Some(m) = self.measurement(t, header) {
                    out.measurements.push(Measurement {
                        span: spans.whole(),
                        ..m
                    });
                    ms.push(spans);
                }
            }
        }
        if let Some(v) = f.verdict.val {
            for (t, header) in self.tables(v, f.verdict.name) {
                let spans = Spans::<VerdictKeys>::of(t, header.clone());
                if let Some(e) = self.verdict(t, header) {
                    out.verdicts.push(VerdictEntry {
                        span: spans.whole(),
                        ..e
                    });
                    vs.push(spans);
                }
            }
        }
        let ids: Vec<&str> = activities.iter().map(|a| a.id.as_str()).collect();
        let mut found = Vec::new();
        if let Some(p) = period {
            found.extend(problems::check_indicators(&out.indicators, &ids, p));
        }
        found.extend(problems::check_measurements(
            &out.measurements,
            &out.indicators,
            self.today,
        ));
        let due_from = period.and_then(|p| followup_due_from(p, followup));
        found.extend(problems::check_verdicts(
            &out.verdicts,
            &ids,
            due_from,
            self.today,
        ));
        for p in found {
            let span = match p.at() {
                At::Indicator(i, k) => is[i].at(k),
                At::Measurement(i, k) => ms[i].at(k),
                At::Verdict(i, k) => vs[i].at(k),
            };
            let hint =
                Says::outcome_hint(&p.kind).or_else(|| known_ids(&p.kind, &ids, &out.indicators));
            match p.severity() {
                Severity::Error => self.err(span, Says::Outcome(p.kind), hint),
                Severity::Warning => self.warn(span, Says::Outcome(p.kind), hint),
            }
        }
        out
    }

    fn indicator(&mut self, t: &DeTable<'_>, header: Range<usize>) -> Option<Indicator> {
        let f: Fields<IndicatorKeys> = self.fields(t, header, Table::Indicator);
        let id_v = self.require(&f, f.id, "\"trygghet\"");
        let id = id_v.and_then(|v| self.string(v, f.id.name));
        if let (Some(id), Some(v)) = (&id, id_v)
            && !valid_id(id)
        {
            self.err(
                v.span(),
                Says::IndicatorIdNotWord { id: id.clone() },
                Some(Says::IndicatorIdHint),
            );
        }
        let name = self.required_string(&f, f.name, "\"Andel som känner sig trygga\"");
        let (source, series) = match self.require(&f, f.source, "\"Polisens trygghetsmätning\"") {
            Some(v) => match v.get_ref() {
                DeValue::Table(_) => match self.series(Given {
                    name: f.source.name,
                    val: v,
                }) {
                    Some(s) => (Some(s.label()), Some(s)),
                    None => (None, None),
                },
                _ => (self.string(v, f.source.name), None),
            },
            None => (None, None),
        };
        let unit = self.opt_string(f.unit);
        let direction = self
            .require(&f, f.direction, "\"higher\"")
            .and_then(|v| self.word(v, f.direction.name, &Direction::NAMES, Direction::parse));
        let baseline = f.baseline.given().map(|k| self.baseline(k));
        let goal = f.goal.given().map(|k| self.goal(k));
        let cadence = f.cadence.given().map(|k| self.cadence(k));
        let tolerance = f.tolerance.val.map(|v| self.number(v, f.tolerance.name));
        let follows = f
            .follows
            .val
            .map(|v| self.strings(v, f.follows.name))
            .unwrap_or_default();
        Some(Indicator {
            id: id.filter(|i| valid_id(i))?,
            name: name?,
            source: source?,
            series,
            unit,
            direction: direction?,
            baseline: baseline.flatten(),
            goal: goal.flatten(),
            cadence: cadence.flatten(),
            tolerance: tolerance.flatten(),
            follows,
            span: 0..0,
        })
    }

    fn measurement(&mut self, t: &DeTable<'_>, header: Range<usize>) -> Option<Measurement> {
        let f: Fields<MeasurementKeys> = self.fields(t, header, Table::Measurement);
        let date = self
            .require(&f, f.date, "2017-11-15")
            .and_then(|v| self.date(v, f.date.name));
        let indicator = self.required_string(&f, f.indicator, "\"trygghet\"");
        let value = self
            .require(&f, f.value, "64.5")
            .and_then(|v| self.number(v, f.value.name));
        let source = self.opt_string(f.source);
        let by = self.opt_string(f.by);
        let note = self.opt_string(f.note);
        let fetched = self.opt_date(f.fetched);
        let preliminary = match f.preliminary.val {
            None => false,
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => {
                    self.mismatch(v, f.preliminary.name, Expected::TrueOrFalse, "true");
                    false
                }
            },
        };
        let corrects = f.corrects.val.and_then(|v| self.number(v, f.corrects.name));
        Some(Measurement {
            indicator: indicator?,
            date: date?,
            value: value?,
            source,
            note,
            by,
            fetched,
            preliminary,
            corrects,
            span: 0..0,
        })
    }

    fn verdict(&mut self, t: &DeTable<'_>, header: Range<usize>) -> Option<VerdictEntry> {
        let f: Fields<VerdictKeys> = self.fields(t, header, Table::Verdict);
        let date = self
            .require(&f, f.date, "2019-02-12")
            .and_then(|v| self.date(v, f.date.name));
        let activity = self.required_string(&f, f.activity, "\"trygghetsvandring\"");
        let verdict = self
            .require(&f, f.verdict, "\"kept\"")
            .and_then(|v| self.word(v, f.verdict.name, &Verdict::NAMES, Verdict::parse));
        let reason = match self.require(&f, f.reason, "\"...\"") {
            Some(v) => match v.get_ref() {
                DeValue::String(s) if problems::blank(s) => {
                    self.err(
                        v.span(),
                        Says::Outcome(problems::Kind::EmptyReason),
                        Some(Says::VerdictReasonHint),
                    );
                    None
                }
                _ => self.string(v, f.reason.name),
            },
            None => None,
        };
        let source = self.opt_string(f.source);
        let by = self.opt_string(f.by);
        Some(VerdictEntry {
            activity: activity?,
            verdict: verdict?,
            reason: reason?,
            source,
            date: date?,
            by,
            span: 0..0,
        })
    }

    /// One of a few words, exactly as the file writes them.
    fn word<T>(
        &mut self,
        v: &Val<'_>,
        key: &str,
        names: &'static [&'static str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.string(v, key)?;
        let found = names.contains(&s.as_str()).then(|| parse(&s)).flatten();
        if found.is_none() {
            self.err(
                v.span(),
                Says::NotOneOf {
                    key: key.to_string(),
                    names,
                    found: s.clone(),
                },
                Says::did_you_mean(&s, names, true),
            );
        }
        found
    }

    /// A number: an integer or a float (`nan` and `inf` are read, and refused by the rules).
    fn number(&mut self, v: &Val<'_>, key: &str) -> Option<f64> {
        let parsed = match v.get_ref() {
            DeValue::Float(x) => x.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(i) => {
                let s = i.as_str().replace('_', "");
                let (neg, s) = match s.strip_prefix('-') {
                    Some(r) => (true, r.to_string()),
                    None => (false, s.trim_start_matches('+').to_string()),
                };
                let s = ["0x", "0o", "0b"]
                    .iter()
                    .fold(s.as_str(), |d, p| d.strip_prefix(p).unwrap_or(d));
                i64::from_str_radix(s, i.radix())
                    .ok()
                    .map(|n| if neg { -(n as f64) } else { n as f64 })
            }
            DeValue::String(s) if entry_number(s) => {
                self.err(
                    v.span(),
                    Says::QuotedNumber { key: key.into() },
                    Some(Says::RemoveQuotes {
                        key: key.into(),
                        value: s.replace(',', "."),
                    }),
                );
                return None;
            }
            _ => {
                self.mismatch(v, key, Expected::Number, "64.5");
                return None;
            }
        };
        if parsed.is_none() {
            self.mismatch(v, key, Expected::Number, "64.5");
        }
        parsed
    }

    fn baseline(&mut self, k: Given<'_, '_>) -> Option<Baseline> {
        let v = k.val;
        let t = self.table(v, k.name, "{ value = 62, year = 2016 }")?;
        let f: Fields<BaselineKeys> = self.fields(t, v.span(), Table::Baseline);
        let value = self
            .require(&f, f.value, "62")
            .and_then(|v| self.number(v, f.value.name));
        let when = match (f.date.val, f.year.val) {
            (Some(_), Some(y)) => {
                self.err(
                    y.span(),
                    Says::BaselineDateAndYear,
                    Some(Says::BaselineHint),
                );
                return None;
            }
            (Some(d), None) => Some(When::Date {
                date: self.date(d, f.date.name)?,
            }),
            (None, Some(y)) => match y.get_ref() {
                DeValue::Integer(i) => match i.as_str().parse::<i32>() {
                    Ok(year) if (1900..=2200).contains(&year) => Some(When::Year { year }),
                    _ => {
                        self.err(y.span(), Says::YearNotYear, None);
                        return None;
                    }
                },
                _ => {
                    self.mismatch(y, f.year.name, Expected::Year, "2016");
                    return None;
                }
            },
            (None, None) => None,
        };
        Some(Baseline {
            value: value?,
            when,
        })
    }

    /// `source = { kolada = "N07540", gender = "T", compare = ["riket", "lan"] }`.
    fn series(&mut self, k: Given<'_, '_>) -> Option<Series> {
        let v = k.val;
        let example = "{ kolada = \"N07540\" }";
        let t = self.table(v, k.name, example)?;
        let f: Fields<SeriesKeys> = self.fields(t, v.span(), Table::Source);
        let id = match f.kolada.val {
            Some(k) => self.string(k, f.kolada.name).and_then(|id| {
                if kolada::valid_id(&id) {
                    Some(id)
                } else {
                    let upper = id.trim().to_uppercase();
                    let hint = if kolada::valid_id(&upper) {
                        Says::KoladaUpper { id: upper }
                    } else {
                        Says::KoladaIdHint
                    };
                    self.err(k.span(), Says::NotKoladaId { id }, Some(hint));
                    None
                }
            }),
            None => {
                self.err(
                    v.span(),
                    Says::SourceNoKolada,
                    Some(Says::SourceHint { example }),
                );
                None
            }
        };
        let gender = match f.gender.val {
            None => Some(Gender::T),
            Some(g) => {
                let found = self.string(g, f.gender.name);
                let parsed = found.as_deref().and_then(Gender::parse);
                if let (Some(v), None) = (&found, parsed) {
                    self.err(
                        g.span(),
                        Says::GenderNotTkm { found: v.clone() },
                        Some(Says::GenderHint),
                    );
                }
                parsed
            }
        };
        let mut compare = Vec::new();
        if let Some(c) = f.compare.val {
            for (n, name) in self.strings(c, f.compare.name).iter().enumerate() {
                match Compare::parse(name) {
                    Some(x) if !compare.contains(&x) => compare.push(x),
                    Some(_) => self.err(
                        c.span(),
                        Says::CompareTwice { name: name.clone() },
                        Some(Says::CompareOnce),
                    ),
                    None => self.err(
                        c.span(),
                        Says::CompareItem {
                            n: n + 1,
                            found: name.clone(),
                        },
                        Says::did_you_mean(name, &Compare::NAMES, true).or(Some(Says::CompareHint)),
                    ),
                }
            }
        }
        Some(Series {
            kolada: id?,
            gender: gender?,
            compare,
        })
    }

    fn goal(&mut self, k: Given<'_, '_>) -> Option<Goal> {
        let v = k.val;
        match v.get_ref() {
            DeValue::String(s) if s == "better-than-baseline" => Some(Goal::BetterThanBaseline),
            DeValue::String(s) if !entry_number(s) => {
                self.err(
                    v.span(),
                    Says::GoalNotNumber {
                        found: s.to_string(),
                    },
                    Some(Says::GoalHint),
                );
                None
            }
            _ => Some(Goal::Value {
                value: self.number(v, k.name)?,
            }),
        }
    }

    fn cadence(&mut self, k: Given<'_, '_>) -> Option<Cadence> {
        let v = k.val;
        match v.get_ref() {
            DeValue::String(s) => match s.as_ref() {
                "yearly" => Some(Cadence::Yearly),
                "at-end" => Some(Cadence::AtEnd),
                "once" => Some(Cadence::Once),
                other => {
                    self.err(
                        v.span(),
                        Says::UnknownCadence {
                            cadence: other.to_string(),
                        },
                        Some(Says::CadenceHint),
                    );
                    None
                }
            },
            DeValue::Table(t) => {
                let mut keys = CadenceKeys::none();
                let only_known = t.iter().all(|(k, v)| keys.set(k.get_ref(), v));
                let (Some(y), true, 1) = (keys.years.val, only_known, t.len()) else {
                    self.err(v.span(), Says::CadenceTableOneKey, Some(Says::CadenceHint));
                    return None;
                };
                match y.get_ref() {
                    DeValue::Integer(i) => match i.as_str().parse::<u32>() {
                        Ok(years) => Some(Cadence::EveryYears { years }),
                        Err(_) => {
                            self.err(y.span(), Says::YearsNotWhole, None);
                            None
                        }
                    },
                    _ => {
                        self.mismatch(y, keys.years.name, Expected::WholeNumber, "2");
                        None
                    }
                }
            }
            _ => {
                self.mismatch(v, k.name, Expected::WordOrTable, "\"yearly\"");
                None
            }
        }
    }
}

/// For an unknown id with nothing close to it: the ids there are (or how to declare an
/// indicator when there is none).
fn known_ids(kind: &problems::Kind, activities: &[&str], indicators: &[Indicator]) -> Option<Says> {
    let sorted = |ids: Vec<&str>| {
        let mut names: Vec<String> = ids.into_iter().map(str::to_string).collect();
        names.sort();
        names
    };
    match kind {
        problems::Kind::UnknownActivity { .. } if !activities.is_empty() => {
            Some(Says::ActivitiesAre {
                names: sorted(activities.to_vec()),
            })
        }
        problems::Kind::UnknownIndicator { .. } if indicators.is_empty() => {
            Some(Says::DeclareIndicator)
        }
        problems::Kind::UnknownIndicator { .. } => Some(Says::IndicatorsAre {
            names: sorted(indicators.iter().map(|i| i.id.as_str()).collect()),
        }),
        _ => None,
    }
}

/// Whether a quoted string holds a number (`"62"`, `"62,5"`): worth saying so.
fn entry_number(s: &str) -> bool {
    crate::text::parse_value(s).is_ok()
}
