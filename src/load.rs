//! Turns the text of a pledge file into a checked [`Pledge`], collecting every problem found
//! on the way as a [`Diagnostic`] that points at the key or value.
//!
//! Pure: it takes text and a date ("today", for entries dated in the future) and returns
//! values. Reading files is the store's job.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::Diagnostic;
use crate::kommuner;
use crate::model::*;
use crate::text::did_you_mean;

type Val<'i> = Spanned<DeValue<'i>>;

/// The result of loading one file: the pledge when it has no errors, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    pub pledge: Option<Pledge>,
    pub diags: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

const TOP_KEYS: &[&str] = &[
    "title",
    "kommun",
    "kommuner",
    "area",
    "lokalpolisomrade",
    "signed",
    "signatories",
    "source",
    "period",
    "problem",
    "promise",
    "activity",
    "followup",
    "log",
];
const PERIOD_KEYS: &[&str] = &["start", "end", "until_replaced"];
const PROBLEM_KEYS: &[&str] = &["title", "text", "priorities"];
const ACTIVITY_KEYS: &[&str] = &["id", "text", "owners", "partners", "target"];
const OWNER_KEYS: &[&str] = &["who", "role"];
const SIGNATORY_KEYS: &[&str] = &["name", "role"];
const TARGET_KEYS: &[&str] = &["count", "per"];
const FOLLOWUP_KEYS: &[&str] = &["when", "how", "responsible", "presented"];
const LOG_KEYS: &[&str] = &["date", "activity", "count", "by", "note"];

/// Words people reach for that mean one of our keys.
const ALIASES: &[(&str, &str)] = &[
    ("aktivitet", "activity"),
    ("aktiviteter", "activity"),
    ("activities", "activity"),
    ("uppfoljning", "followup"),
    ("follow-up", "followup"),
    ("follow_up", "followup"),
    ("problembild", "problem"),
    ("lagesbild", "problem"),
    ("lofte", "promise"),
    ("medborgarlofte", "promise"),
    ("kommunes", "kommuner"),
    ("owner", "owners"),
    ("ansvarig", "owners"),
    ("lpo", "lokalpolisomrade"),
    ("police_area", "lokalpolisomrade"),
    ("logs", "log"),
    ("entries", "log"),
    ("from", "start"),
    ("to", "end"),
    ("times", "count"),
    ("every", "per"),
];

/// Loads one pledge file. `file` names it in messages; `today` is the date after which log
/// entries count as dated in the future.
pub fn load(file: &str, text: &str, today: NaiveDate) -> Loaded {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let markers = conflict_markers(text);
    if !markers.is_empty() {
        return Loaded {
            pledge: None,
            diags: markers,
        };
    }
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                Diagnostic::error(span, format!("invalid TOML: {}", e.message().trim()))
                    .with_hint(toml_hint(e.message()))
            })
            .collect();
        return Loaded {
            pledge: None,
            diags,
        };
    }
    let mut l = Loader {
        src: text,
        diags: Vec::new(),
        today,
        suggested: Vec::new(),
    };
    let pledge = l.pledge(file, root.get_ref());
    let mut diags = l.diags;
    diags.sort_by_key(|d| (d.span.as_ref().map_or(0, |s| s.start), d.severity));
    let pledge = if diags.iter().any(Diagnostic::is_error) {
        None
    } else {
        pledge
    };
    Loaded { pledge, diags }
}

/// Lines a merge left behind (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`, and diff3's
/// `||||||| base`): one error each, so the file is not reported as broken TOML.
fn conflict_markers(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let marker = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
            .into_iter()
            .find(|m| {
                bare.strip_prefix(m)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            });
        if let Some(m) = marker {
            out.push(
                Diagnostic::error(
                    at..at + m.len(),
                    format!("resolve the merge conflict: `{m}` is left in the file"),
                )
                .with_hint(Some(
                    "keep the lines you want from each side and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines"
                        .into(),
                )),
            );
        }
        at += line.len();
    }
    out
}

fn toml_hint(message: &str) -> Option<String> {
    if message.contains("invalid date") {
        Some("dates are written YYYY-MM-DD and must exist in the calendar".into())
    } else if message.contains("duplicate key") {
        Some("each key may appear once per table; remove or rename one of them".into())
    } else if message.contains("invalid string") || message.contains("unclosed") {
        Some("check the quotes and brackets on this line".into())
    } else {
        None
    }
}

struct Loader<'s> {
    src: &'s str,
    diags: Vec<Diagnostic>,
    today: NaiveDate,
    /// Keys suggested for misspelt ones, per table header: not reported again as missing.
    suggested: Vec<(usize, &'static str)>,
}

/// The entries of one table, checked for unknown keys.
struct Fields<'t, 'i> {
    map: HashMap<&'t str, &'t Val<'i>>,
    /// Where to point when a required key is missing: the table's header.
    span: Range<usize>,
    what: &'static str,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn get(&self, key: &str) -> Option<&'t Val<'i>> {
        self.map.get(key).copied()
    }
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl Loader<'_> {
    fn err(&mut self, span: Range<usize>, msg: impl Into<String>, hint: Option<String>) {
        self.diags
            .push(Diagnostic::error(span, msg).with_hint(hint));
    }

    fn warn(&mut self, span: Range<usize>, msg: impl Into<String>, hint: Option<String>) {
        self.diags
            .push(Diagnostic::warning(span, msg).with_hint(hint));
    }

    fn fields<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        span: Range<usize>,
        known: &[&'static str],
        what: &'static str,
    ) -> Fields<'t, 'i> {
        let mut map = HashMap::new();
        for (k, v) in table.iter() {
            let key: &str = k.get_ref();
            if known.contains(&key) {
                map.insert(key, v);
            } else {
                let alias = ALIASES
                    .iter()
                    .find(|(a, to)| *a == kommuner::fold(key) && known.contains(to))
                    .map(|(_, to)| *to)
                    .or_else(|| crate::text::closest(key, known, 1).first().copied());
                if let Some(to) = alias {
                    self.suggested.push((span.start, to));
                }
                let alias = alias.map(|to| format!("did you mean `{to}`?"));
                let hint = alias
                    .or_else(|| did_you_mean(key, known, true))
                    .or_else(|| {
                        Some(format!(
                            "the keys of {what} are: {}",
                            known
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    });
                self.err(k.span(), format!("unknown key `{key}` in {what}"), hint);
            }
        }
        Fields { map, span, what }
    }

    fn require<'t, 'i>(
        &mut self,
        f: &Fields<'t, 'i>,
        key: &str,
        example: &str,
    ) -> Option<&'t Val<'i>> {
        let v = f.get(key);
        let suggested = self
            .suggested
            .iter()
            .any(|(s, k)| *s == f.span.start && *k == key);
        if v.is_none() && !suggested {
            // The root table has no header to point at: the whole file is meant.
            let span = (f.span != (0..0)).then(|| f.span.clone());
            self.diags.push(
                Diagnostic::error(span, format!("missing required key `{key}` in {}", f.what))
                    .with_hint(Some(format!("add `{key} = {example}`"))),
            );
        }
        v
    }

    fn mismatch(&mut self, v: &Val<'_>, key: &str, expected: &str, example: &str) {
        self.err(
            v.span(),
            format!(
                "`{key}` must be {expected}, found {}",
                type_name(v.get_ref())
            ),
            Some(format!("write it as `{key} = {example}`")),
        );
    }

    fn string(&mut self, v: &Val<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => {
                if s.trim().is_empty() {
                    self.err(
                        v.span(),
                        format!("`{key}` is empty"),
                        Some(format!("write the text, or remove `{key}`")),
                    );
                    None
                } else {
                    Some(s.to_string())
                }
            }
            _ => {
                self.mismatch(v, key, "a string", "\"...\"");
                None
            }
        }
    }

    /// A count: a whole number from 1 (TOML allows `1_000`, `+2`, `0x10`).
    fn count(&mut self, c: &Val<'_>, what: &str, hint: &str) -> Option<u32> {
        let DeValue::Integer(i) = c.get_ref() else {
            self.mismatch(c, "count", "a whole number", "2");
            return None;
        };
        let digits = i.as_str().replace('_', "");
        let digits = digits.trim_start_matches('+');
        let digits = ["0x", "0o", "0b"]
            .iter()
            .fold(digits, |d, p| d.strip_prefix(p).unwrap_or(d));
        match u32::from_str_radix(digits, i.radix()) {
            Ok(n) if (1..=MAX_COUNT).contains(&n) => Some(n),
            _ => {
                self.err(
                    c.span(),
                    format!(
                        "{what} must be a whole number from 1 to {}, found {}",
                        MAX_COUNT,
                        i.as_str()
                    ),
                    Some(hint.to_string()),
                );
                None
            }
        }
    }

    fn opt_string(&mut self, f: &Fields<'_, '_>, key: &str) -> Option<String> {
        f.get(key).and_then(|v| self.string(v, key))
    }

    fn date(&mut self, v: &Val<'_>, key: &str) -> Option<NaiveDate> {
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                    if date.is_none() {
                        self.err(
                            v.span(),
                            format!("`{key}` is not a date in the calendar"),
                            None,
                        );
                    }
                    date
                }
                _ => {
                    self.err(
                        v.span(),
                        format!("`{key}` must be a date without a time"),
                        Some(format!("write it as `{key} = YYYY-MM-DD`")),
                    );
                    None
                }
            },
            DeValue::String(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => {
                self.err(
                    v.span(),
                    format!("`{key}` is a quoted string, not a date"),
                    Some(format!("remove the quotes: `{key} = {s}`")),
                );
                None
            }
            _ => {
                self.mismatch(v, key, "a date", "2016-01-31");
                None
            }
        }
    }

    fn table<'t, 'i>(
        &mut self,
        v: &'t Val<'i>,
        key: &str,
        example: &str,
    ) -> Option<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.mismatch(v, key, "a table", example);
                None
            }
        }
    }

    /// An array of tables (`[[key]]`); a single `[key]` table is reported with a hint.
    fn tables<'t, 'i>(
        &mut self,
        v: &'t Val<'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, item.span())),
                        _ => self.mismatch(item, key, "a table", &format!("[[{key}]]")),
                    }
                }
                out
            }
            _ => {
                self.err(
                    v.span(),
                    format!("`{key}` must be an array of tables"),
                    Some(format!("write each entry under its own `[[{key}]]` header")),
                );
                Vec::new()
            }
        }
    }

    fn pledge(&mut self, file: &str, root: &DeTable<'_>) -> Option<Pledge> {
        let f = self.fields(root, 0..0, TOP_KEYS, "the pledge file");
        let title = self
            .require(&f, "title", "\"Medborgarlöfte för ... 2016\"")
            .and_then(|v| self.string(v, "title"));
        let kommuner = self.kommuner(&f);
        let area = self.opt_string(&f, "area");
        let lokalpolisomrade = self.opt_string(&f, "lokalpolisomrade");
        let signed = f.get("signed").and_then(|v| self.date(v, "signed"));
        let signatories = f
            .get("signatories")
            .map(|v| self.signatories(v))
            .unwrap_or_default();
        let source = self.opt_string(&f, "source");
        let period_v = self.require(&f, "period", "{ start = 2016-01-01, end = 2016-12-31 }");
        let period = period_v.and_then(|v| self.period(v));
        let problem = f
            .get("problem")
            .map(|v| self.problem(v))
            .unwrap_or_default();
        let promise = self.opt_string(&f, "promise");

        let activities = match f.get("activity") {
            Some(v) => self.activities(v),
            None => {
                self.diags.push(
                    Diagnostic::error(None, "the pledge has no activities").with_hint(Some(
                        "add at least one `[[activity]]` with `id`, `text` and `owners`".into(),
                    )),
                );
                Vec::new()
            }
        };
        let followup = match f.get("followup") {
            Some(v) => self.followup(v),
            None => {
                self.diags.push(
                    Diagnostic::warning(None, "weak löfte: no follow-up (uppföljning) is given")
                        .with_hint(Some(
                            "add a `[followup]` table saying when and how results are followed up"
                                .into(),
                        )),
                );
                None
            }
        };
        let ids: HashSet<&str> = activities.iter().map(|a| a.id.as_str()).collect();
        let log = match f.get("log") {
            Some(v) => self.log(v, &ids, period.as_ref()),
            None => Vec::new(),
        };
        Some(Pledge {
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
            followup,
            log,
            period_span: period_v.map_or(0..0, |v| v.span()),
        })
    }

    fn kommun(&mut self, v: &Val<'_>, key: &str) -> Option<&'static kommuner::Kommun> {
        let name = self.string(v, key)?;
        let found = kommuner::find(&name);
        if found.is_none() {
            let close = kommuner::suggest(&name);
            let hint = (!close.is_empty()).then(|| format!("did you mean {}?", close.join(" or ")));
            self.err(
                v.span(),
                format!("unknown kommun \"{name}\""),
                hint.or(Some(
                    "use one of the 290 kommun names, e.g. \"Filipstad\", or a kommunkod".into(),
                )),
            );
        }
        found
    }

    fn kommuner(&mut self, f: &Fields<'_, '_>) -> Option<Vec<&'static kommuner::Kommun>> {
        match (f.get("kommun"), f.get("kommuner")) {
            (Some(v), None) => Some(vec![self.kommun(v, "kommun")?]),
            (None, Some(v)) => {
                let DeValue::Array(items) = v.get_ref() else {
                    self.mismatch(
                        v,
                        "kommuner",
                        "an array of kommun names",
                        "[\"Kil\", \"Forshaga\"]",
                    );
                    return None;
                };
                if items.is_empty() {
                    self.err(
                        v.span(),
                        "`kommuner` is empty",
                        Some("name at least one kommun".into()),
                    );
                    return None;
                }
                let mut out = Vec::new();
                let mut ok = true;
                for item in items.iter() {
                    match self.kommun(item, "kommuner") {
                        Some(k) if out.contains(&k) => {
                            self.err(item.span(), format!("{} is listed twice", k.name), None);
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
                    "both `kommun` and `kommuner` are given",
                    Some(
                        "use `kommun = \"...\"` for one kommun, `kommuner = [...]` for several"
                            .into(),
                    ),
                );
                None
            }
            (None, None) => {
                self.diags.push(
                    Diagnostic::error(None, "missing required key `kommun` in the pledge file")
                        .with_hint(Some(
                            "add `kommun = \"Filipstad\"` (or `kommuner = [...]` for several)"
                                .into(),
                        )),
                );
                None
            }
        }
    }

    fn signatories(&mut self, v: &Val<'_>) -> Vec<Signatory> {
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(
                v,
                "signatories",
                "an array",
                "[{ name = \"...\", role = \"...\" }]",
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(_) => {
                    if let Some(name) = self.string(item, "signatories") {
                        out.push(Signatory { name, role: None });
                    }
                }
                DeValue::Table(t) => {
                    let f = self.fields(t, item.span(), SIGNATORY_KEYS, "a signatory");
                    let name = self
                        .require(&f, "name", "\"...\"")
                        .and_then(|v| self.string(v, "name"));
                    let role = self.opt_string(&f, "role");
                    if let Some(name) = name {
                        out.push(Signatory { name, role });
                    }
                }
                _ => self.mismatch(
                    item,
                    "signatories",
                    "a name or a table",
                    "{ name = \"...\", role = \"...\" }",
                ),
            }
        }
        out
    }

    fn period(&mut self, v: &Val<'_>) -> Option<Period> {
        let t = self.table(v, "period", "{ start = 2016-01-01, end = 2016-12-31 }")?;
        let f = self.fields(t, v.span(), PERIOD_KEYS, "`period`");
        let start = self
            .require(&f, "start", "2016-01-01")
            .and_then(|v| self.date(v, "start"));
        let end_v = self.require(&f, "end", "2016-12-31");
        let end = end_v.and_then(|v| self.date(v, "end"));
        let until_replaced = match f.get("until_replaced") {
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => {
                    self.mismatch(v, "until_replaced", "true or false", "true");
                    false
                }
            },
            None => false,
        };
        let (start, end) = (start?, end?);
        if end < start {
            self.err(
                end_v.map_or(v.span(), |v| v.span()),
                format!("the period ends ({end}) before it starts ({start})"),
                Some("`end` is the last day of the period, inclusive".into()),
            );
            return None;
        }
        let longest = start
            .checked_add_months(chrono::Months::new(12 * MAX_PERIOD_YEARS))
            .unwrap_or(NaiveDate::MAX);
        if end >= longest {
            self.err(
                end_v.map_or(v.span(), |v| v.span()),
                format!("the period from {start} to {end} is longer than {MAX_PERIOD_YEARS} years"),
                Some(
                    "a löfte runs for one to a few years; check the years of `start` and `end`"
                        .into(),
                ),
            );
            return None;
        }
        Some(Period {
            start,
            end,
            until_replaced,
        })
    }

    fn problem(&mut self, v: &Val<'_>) -> Problem {
        match v.get_ref() {
            DeValue::String(_) => Problem {
                text: self.string(v, "problem"),
                ..Problem::default()
            },
            DeValue::Table(t) => {
                let f = self.fields(t, v.span(), PROBLEM_KEYS, "`problem`");
                let title = self.opt_string(&f, "title");
                let text = self.opt_string(&f, "text");
                let priorities = match f.get("priorities") {
                    Some(p) => self.strings(p, "priorities"),
                    None => Vec::new(),
                };
                if text.is_none() && priorities.is_empty() && title.is_none() {
                    self.err(
                        v.span(),
                        "`problem` says nothing",
                        Some("give a `text`, or `priorities` as a list of problems".into()),
                    );
                }
                Problem {
                    title,
                    text,
                    priorities,
                }
            }
            _ => {
                self.mismatch(v, "problem", "a text or a table", "\"...\"");
                Problem::default()
            }
        }
    }

    fn strings(&mut self, v: &Val<'_>, key: &str) -> Vec<String> {
        match v.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|i| self.string(i, key)).collect(),
            _ => {
                self.mismatch(v, key, "an array of strings", "[\"...\", \"...\"]");
                Vec::new()
            }
        }
    }

    fn activities(&mut self, v: &Val<'_>) -> Vec<Activity> {
        let mut out: Vec<Activity> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (t, span) in self.tables(v, "activity") {
            let f = self.fields(t, span.clone(), ACTIVITY_KEYS, "an activity");
            let id_v = self.require(&f, "id", "\"trygghetsvandring\"");
            let id = id_v.and_then(|v| self.string(v, "id"));
            if let (Some(id), Some(id_v)) = (&id, id_v) {
                if RESERVED_IDS.contains(&id.as_str()) {
                    self.err(
                        id_v.span(),
                        format!("the activity id \"{id}\" is reserved for recording the follow-up"),
                        Some("choose another id; record the follow-up itself with `pledge done followup`".into()),
                    );
                } else if !valid_id(id) {
                    self.err(
                        id_v.span(),
                        format!("activity id \"{id}\" is not a short command-line word"),
                        Some(format!(
                            "use lower-case letters a-z, digits and '-', e.g. \"{}\"",
                            crate::text::slug(id)
                        )),
                    );
                } else if seen.contains(id.as_str()) {
                    self.err(
                        id_v.span(),
                        format!("duplicate activity id \"{id}\""),
                        Some("activity ids must be unique within a löfte; rename one".into()),
                    );
                } else {
                    seen.insert(id.clone());
                }
            }
            let text = self
                .require(&f, "text", "\"Polisen lovar att ...\"")
                .and_then(|v| self.string(v, "text"));
            let owners = match f.get("owners") {
                Some(v) => self.owners(v, "owners"),
                None => Vec::new(),
            };
            if f.get("owners")
                .is_none_or(|o| matches!(o.get_ref(), DeValue::Array(a) if a.is_empty()))
            {
                self.warn(
                    span.clone(),
                    format!(
                        "weak löfte: activity \"{}\" has no owner",
                        id.as_deref().unwrap_or("?")
                    ),
                    Some(
                        "add `owners = [\"polisen\"]`, `[\"kommunen\"]`, both, or a named party"
                            .into(),
                    ),
                );
            }
            let partners = match f.get("partners") {
                Some(v) => self.owners(v, "partners"),
                None => Vec::new(),
            };
            let target = match f.get("target") {
                Some(v) => self.target(v),
                None => Some(Target::None),
            };
            if let (Some(id), Some(text), Some(target)) = (id, text, target) {
                out.push(Activity {
                    id,
                    text,
                    owners,
                    partners,
                    target,
                });
            }
        }
        out
    }

    fn owners(&mut self, v: &Val<'_>, key: &str) -> Vec<Owner> {
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(v, key, "an array", "[\"polisen\", \"kommunen\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(_) => {
                    if let Some(s) = self.string(item, key) {
                        out.push(Owner {
                            who: Party::parse(&s),
                            role: None,
                        });
                    }
                }
                DeValue::Table(t) => {
                    let f = self.fields(t, item.span(), OWNER_KEYS, "an owner");
                    let who = self
                        .require(&f, "who", "\"polisen\"")
                        .and_then(|v| self.string(v, "who"));
                    let role = self.opt_string(&f, "role");
                    if let Some(who) = who {
                        out.push(Owner {
                            who: Party::parse(&who),
                            role,
                        });
                    }
                }
                _ => self.mismatch(
                    item,
                    key,
                    "a name or a table",
                    "{ who = \"polisen\", role = \"...\" }",
                ),
            }
        }
        out
    }

    fn target(&mut self, v: &Val<'_>) -> Option<Target> {
        match v.get_ref() {
            DeValue::String(s) if s.as_ref() == "once" => Some(Target::Once),
            DeValue::String(s) => {
                self.err(
                    v.span(),
                    format!("unknown target \"{s}\""),
                    Some("write `target = \"once\"` for a milestone, or `target = { count = 2, per = \"year\" }`".into()),
                );
                None
            }
            DeValue::Table(t) => {
                let f = self.fields(t, v.span(), TARGET_KEYS, "`target`");
                let count_v = self.require(&f, "count", "2");
                let count = count_v.and_then(|c| {
                    self.count(
                        c,
                        "target count",
                        "a target counts occurrences: 1, 2, 25, ...; leave `target` out for ongoing work",
                    )
                });
                let per = self.require(&f, "per", "\"year\"").and_then(|p| {
                    let s = self.string(p, "per")?;
                    let per = Per::parse(&s);
                    if per.is_none() {
                        let hint = did_you_mean(&s, &Per::NAMES, true).unwrap_or_else(|| {
                            format!("`per` is one of: {}", Per::NAMES.join(", "))
                        });
                        self.err(p.span(), format!("unknown window \"{s}\""), Some(hint));
                    }
                    per
                });
                Some(Target::Count {
                    count: count?,
                    per: per?,
                })
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

    fn followup(&mut self, v: &Val<'_>) -> Option<Followup> {
        let t = self.table(v, "followup", "{ when = 2017-03-31, how = \"...\" }")?;
        let f = self.fields(t, v.span(), FOLLOWUP_KEYS, "`followup`");
        let when = match f.get("when") {
            None => None,
            Some(w) => match w.get_ref() {
                DeValue::Datetime(_) => {
                    self.date(w, "when").map(|date| FollowupWhen::Date { date })
                }
                DeValue::String(s) => {
                    let when = parse_when(s);
                    if when.is_none() {
                        self.err(
                            w.span(),
                            format!("unknown follow-up time \"{s}\""),
                            Some("write a date (2017-03-31), a quarter (\"2017-Q1\"), \"yearly\" or \"continuous\"".into()),
                        );
                    }
                    when
                }
                _ => {
                    self.mismatch(w, "when", "a date or a text", "2017-03-31");
                    None
                }
            },
        };
        Some(Followup {
            when,
            how: self.opt_string(&f, "how"),
            responsible: self.opt_string(&f, "responsible"),
            presented: self.opt_string(&f, "presented"),
        })
    }

    fn log(&mut self, v: &Val<'_>, ids: &HashSet<&str>, period: Option<&Period>) -> Vec<LogEntry> {
        let mut out = Vec::new();
        // `pledge done` appends `[[log]]` tables, which TOML allows only after `[[log]]`
        // tables: an inline array (`log = [...]`) would make the file invalid.
        if let DeValue::Array(items) = v.get_ref()
            && items.is_empty()
        {
            self.err(
                v.span(),
                "log entries must be `[[log]]` tables",
                Some("remove `log = []`: `pledge done` adds each entry under its own `[[log]]` header".into()),
            );
            return out;
        }
        if let DeValue::Array(items) = v.get_ref()
            && let Some(item) = items.iter().find(|i| !self.src[i.span()].starts_with("[["))
        {
            self.err(
                item.span(),
                "log entries must be `[[log]]` tables",
                Some("write each entry under its own `[[log]]` header, so `pledge done` can append to it".into()),
            );
            return out;
        }
        for (t, header) in self.tables(v, "log") {
            let f = self.fields(t, header.clone(), LOG_KEYS, "a log entry");
            let date_v = self.require(&f, "date", "2016-05-12");
            let date = date_v.and_then(|v| self.date(v, "date"));
            let activity_v = self.require(&f, "activity", "\"trygghetsvandring\"");
            let activity = activity_v.and_then(|v| self.string(v, "activity"));
            let count = match f.get("count") {
                None => Some(1),
                Some(c) => self.count(
                    c,
                    "log count",
                    "the number of occurrences this entry records",
                ),
            };
            let by = self.opt_string(&f, "by");
            let note = match f.get("note") {
                Some(n) => match n.get_ref() {
                    DeValue::String(s) => Some(s.to_string()),
                    _ => {
                        self.mismatch(n, "note", "a string", "\"...\"");
                        None
                    }
                },
                None => None,
            };
            if let (Some(a), Some(av)) = (&activity, activity_v)
                && a != FOLLOWUP_ID
                && !ids.contains(a.as_str())
                && !ids.is_empty()
            {
                let known: Vec<&str> = ids.iter().copied().chain([FOLLOWUP_ID]).collect();
                let mut sorted = known.clone();
                sorted.sort();
                let hint = did_you_mean(a, &known, true)
                    .unwrap_or_else(|| format!("the activities are: {}", sorted.join(", ")));
                self.err(
                    av.span(),
                    format!("log entry for unknown activity \"{a}\""),
                    Some(hint),
                );
            }
            if let (Some(d), Some(dv)) = (date, date_v) {
                if d > self.today {
                    self.err(
                        dv.span(),
                        format!("log entry dated in the future ({d})"),
                        Some(format!(
                            "today is {}; record work once it is done",
                            self.today
                        )),
                    );
                } else if let (Some(p), Some(a)) = (period, &activity)
                    && a != FOLLOWUP_ID
                    && !p.contains(d)
                {
                    self.err(
                        dv.span(),
                        format!("work on \"{a}\" dated {d}, outside the period {} to {}", p.start, p.end),
                        Some("work counts only inside the löfte's period; check the date or the file".into()),
                    );
                }
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
                    count,
                    by,
                    note,
                    span,
                });
            }
        }
        out
    }
}

/// Activity ids are typed on the command line: lower-case ascii, digits and '-'.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// "2017-Q1", "yearly" or "continuous".
pub fn parse_when(s: &str) -> Option<FollowupWhen> {
    match s.trim() {
        "yearly" => Some(FollowupWhen::Yearly),
        "continuous" => Some(FollowupWhen::Continuous),
        q => {
            let (y, n) = q.split_once("-Q")?;
            let year: i32 = y.parse().ok()?;
            let quarter: u32 = n.parse().ok()?;
            ((1..=4).contains(&quarter) && (1000..=9999).contains(&year))
                .then_some(FollowupWhen::Quarter { year, quarter })
        }
    }
}

/// The first and last day of a quarter.
pub fn quarter_bounds(year: i32, quarter: u32) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(year, 3 * (quarter - 1) + 1, 1).expect("valid quarter");
    let end = start
        .checked_add_months(chrono::Months::new(3))
        .and_then(|d| d.pred_opt())
        .expect("valid quarter");
    debug_assert_eq!(end.year(), year);
    (start, end)
}
