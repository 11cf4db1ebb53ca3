//! The load layer: turns the text of a pledge file into a checked [`Pledge`], collecting every
//! problem found on the way as a [`Diagnostic`] that points at the key or value ([`diag`]).
//! Every rule of what a valid file is lives here: the keys and values of each table, and the
//! validation of indicators, measurements and verdicts ([`problems`]); [`validate`] checks
//! across files. It reads the model only; it never asks the status rules.
//!
//! Pure: it takes text and a date ("today", for entries dated in the future) and returns
//! values. Reading files is the store's job.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

use crate::kommuner;
use crate::load::diag::Diagnostic;
use crate::load::raw::{Given, Key, Keys, Val};
use crate::load::says::{Expected, Says, Table, Type};
use crate::model::*;
use crate::text::fold;

mod activity;
pub mod diag;
mod entry;
pub mod kolada;
mod log;
mod outcome;
mod part;
mod pledge;
pub mod problems;
pub mod raw;
pub mod says;
pub mod table;
mod target;
mod toml_errors;
pub mod unreadable;
pub mod validate;
mod values;

pub use part::MAX_UNITS;

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

/// The most problems reported of one file; the rest are counted.
pub const MAX_DIAGNOSTICS: usize = 1000;

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
    if let Some(d) = toml_errors::before_parsing(text) {
        return Loaded {
            pledge: None,
            diags: vec![d],
        };
    }
    let (root, errors) = toml_errors::parse(text);
    if !errors.is_empty() {
        return Loaded {
            pledge: None,
            diags: toml_errors::diagnostics(text, &errors),
        };
    }
    let mut l = Loader {
        src: text,
        diags: Vec::new(),
        today,
        suggested: Vec::new(),
        each_refs: Vec::new(),
        event_ids: HashSet::new(),
        units_refused: HashSet::new(),
    };
    let pledge = l.pledge(file, root.get_ref());
    let mut diags = l.diags;
    diags.sort_by_key(|d| (d.span.as_ref().map_or(0, |s| s.start), d.severity));
    if diags.len() > MAX_DIAGNOSTICS {
        // A file of 200,000 wrong values is not 200,000 lines of output, nor minutes of work.
        let total = diags.len();
        diags.truncate(MAX_DIAGNOSTICS);
        diags.push(
            Diagnostic::error(
                None,
                Says::MoreProblems {
                    shown: MAX_DIAGNOSTICS,
                    total,
                },
            )
            .with_hint(Some(Says::MoreProblemsHint)),
        );
    }
    let pledge = if diags.iter().any(Diagnostic::is_error) {
        None
    } else {
        pledge
    };
    Loaded { pledge, diags }
}

/// Lines a merge left behind (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`, and diff3's
/// `||||||| base`): one error each, so the file is not reported as broken TOML; the hint how
/// to resolve them once, on the first.
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
                Diagnostic::error(at..at + m.len(), Says::ConflictMarker { marker: m })
                    .with_hint(out.is_empty().then_some(Says::ConflictHint)),
            );
        }
        at += line.len();
    }
    out
}

struct Loader<'s> {
    src: &'s str,
    diags: Vec<Diagnostic>,
    today: NaiveDate,
    /// Keys suggested for misspelt ones, per table header: not reported again as missing.
    suggested: Vec<(usize, &'static str)>,
    /// `each` targets, to check once every activity is known: (the activity's id, the id
    /// named, where).
    each_refs: Vec<(Option<String>, String, Range<usize>)>,
    /// The ids of the löfte's `[[event]]` tables (read before the activities).
    event_ids: HashSet<String>,
    /// Activities whose `units` list was refused as too long: their entries' `unit` is not
    /// checked against it (one error for the list, not one per entry).
    units_refused: HashSet<String>,
}

/// The keys of one table (a key struct of [`raw`]), read from the document and checked for
/// unknown ones; each key is a field (`f.title`).
struct Fields<K> {
    keys: K,
    /// Where to point when a required key is missing: the table's header.
    span: Range<usize>,
    what: Table,
}

impl<K> std::ops::Deref for Fields<K> {
    type Target = K;

    fn deref(&self) -> &K {
        &self.keys
    }
}

fn type_name(v: &DeValue<'_>) -> Type {
    match v {
        DeValue::String(_) => Type::String,
        DeValue::Integer(_) => Type::Integer,
        DeValue::Float(_) => Type::Float,
        DeValue::Boolean(_) => Type::Boolean,
        DeValue::Datetime(_) => Type::Date,
        DeValue::Array(_) => Type::Array,
        DeValue::Table(_) => Type::Table,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_command_line_words() {
        for ok in ["walk", "trygghetsvandring", "a1", "x-y", &"a".repeat(40)] {
            assert!(valid_id(ok), "{ok}");
        }
        for bad in ["", "-walk", "Walk", "två", "a b", "a_b", &"a".repeat(41)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn follow_up_times() {
        assert_eq!(parse_when(" yearly "), Some(FollowupWhen::Yearly));
        assert_eq!(parse_when("continuous"), Some(FollowupWhen::Continuous));
        assert_eq!(
            parse_when("2017-Q1"),
            Some(FollowupWhen::Quarter {
                year: 2017,
                quarter: 1
            })
        );
        for bad in ["2017-Q0", "2017-Q5", "17-Q1", "spring", "2017Q1"] {
            assert_eq!(parse_when(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_alias_names_a_key() {
        use crate::load::raw::*;
        let names = [
            FileKeys::NAMES,
            PeriodKeys::NAMES,
            ActivityKeys::NAMES,
            TargetKeys::NAMES,
        ];
        for (alias, key) in ALIASES {
            assert!(names.iter().any(|n| n.contains(key)), "{alias} → {key}");
        }
    }

    /// A units list past [`MAX_UNITS`] is one error at the first unit past the limit, naming
    /// it, and no unit is read: a duplicate and an empty name in the list are not reported,
    /// nor are the entries naming units.
    #[test]
    fn units_past_the_limit_are_refused_unread() {
        let mut units: Vec<String> = (0..MAX_UNITS + 5).map(|i| format!("\"u{i}\"")).collect();
        units[7] = "\"u3\"".into();
        units[MAX_UNITS + 2] = "\"  \"".into();
        let text = format!(
            "title = \"T\"\nkommun = \"Ale\"\nperiod = {{ start = 2024-01-01, end = 2024-12-31 }}\n\
             [followup]\nwhen = \"2025-Q1\"\n[[activity]]\nid = \"walk\"\ntext = \"W\"\n\
             owners = [\"polisen\"]\ntarget = {{ count = 1, per = \"period\" }}\n\
             units = [\n{}\n]\n[[log]]\ndate = 2024-03-01\nactivity = \"walk\"\nunit = \"nowhere\"\n",
            units.join(",\n")
        );
        let today = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let loaded = load("t.toml", &text, today);
        assert!(loaded.pledge.is_none());
        let errors: Vec<_> = loaded.diags.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            *errors[0].message,
            Says::TooManyUnits {
                count: MAX_UNITS + 5,
                max: MAX_UNITS
            }
        );
        let at = errors[0].span.clone().unwrap();
        assert_eq!(&text[at], format!("\"u{MAX_UNITS}\""));
        assert_eq!(errors[0].hint.as_deref(), Some(&Says::TooManyUnitsHint));
        // One below the limit loads (the limit is the windows', not lower).
        let ok = text
            .replace(&format!(",\n\"u{}\"", MAX_UNITS + 4), "")
            .replace(&format!(",\n\"u{}\"", MAX_UNITS + 3), "")
            .replace(",\n\"  \"", "")
            .replace(&format!(",\n\"u{}\"", MAX_UNITS + 1), "")
            .replace(&format!(",\n\"u{}\"", MAX_UNITS), "")
            .replace("\"u3\",\n\"u8\"", "\"x7\",\n\"u8\"")
            .replace("unit = \"nowhere\"", "unit = \"u9\"");
        let loaded = load("t.toml", &ok, today);
        assert!(!loaded.has_errors(), "{:?}", loaded.diags);
        let units = &loaded.pledge.unwrap().activities[0].units;
        assert_eq!(units.len(), MAX_UNITS);
    }

    #[test]
    fn conflict_markers_need_the_line_start_and_seven_signs() {
        let text = "a = 1\n<<<<<<< HEAD\n =======\n========\n=======\n>>>>>>>\n";
        let found: Vec<_> = conflict_markers(text)
            .into_iter()
            .map(|d| d.span.unwrap())
            .collect();
        assert_eq!(found, [6..13, 37..44, 45..52]);
    }
}
