//! Scores `pledge import` on a folder of published texts against facts written by hand.
//!
//! `cargo run --release --example import-score -- /path/to/corpus [--verbose]`
//!
//! The folder holds `texts/NAME.txt` (the page's address on the first line, then the text) and
//! `facts/NAME.toml` (see the README's import section). Each text is imported exactly as
//! `pledge import TEXT --out F` does with no flags (the library's entry point with only the
//! file name given), the draft is checked as `pledge validate` checks it (the loader, no
//! errors), and compared with the facts:
//!
//! - written: a draft without any flag (the command writes only a draft that validates);
//! - kommun: the draft's kommun(er) are the facts' kommuner (as a set), and its area, if any;
//! - period: start and end as stated; an unstated start must be the unstated-start form (no
//!   `start` key); an unstated end is not compared;
//! - activities: each fact's phrase found (case and whitespace folded) in one draft activity;
//! - owners: for found activities, the set of normalised owners equals the facts';
//! - counted targets: facts with `{ count, per }`, found with the same count and window (in a
//!   löfte of exactly one calendar year, "per period" and "per year" are the same window);
//! - other targets: facts with another kind, found with the same kind (and its words);
//! - invented: found activities the facts give no target but the draft does.
//!
//! Texts without facts (and facts without texts) are listed and not scored. With
//! `IMPORT_SCORE_DUMP=DIR` in the environment every draft is also written to `DIR/NAME.toml`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pledge::import::{Options, import};
use toml::Value;

#[derive(Default, Clone, Copy)]
struct Score {
    files: usize,
    written: usize,
    valid: usize,
    kommun: usize,
    period: usize,
    acts: usize,
    acts_found: usize,
    owners: usize,
    counted: usize,
    counted_right: usize,
    other: usize,
    other_right: usize,
    invented: usize,
}

impl std::ops::AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.files += o.files;
        self.written += o.written;
        self.valid += o.valid;
        self.kommun += o.kommun;
        self.period += o.period;
        self.acts += o.acts;
        self.acts_found += o.acts_found;
        self.owners += o.owners;
        self.counted += o.counted;
        self.counted_right += o.counted_right;
        self.other += o.other;
        self.other_right += o.other_right;
        self.invented += o.invented;
    }
}

fn fold_ws(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An owner as the facts and the draft may write it, in one form.
fn norm_owner(v: &Value, several: bool) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Table(t) => t
            .get("who")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        other => other.to_string(),
    };
    let f = pledge::text::fold(&s);
    let police = [
        "polis",
        "polisen",
        "lokalpolisen",
        "polismyndigheten",
        "lokalpolisomradet",
    ];
    if police.contains(&f.as_str()) {
        return "polisen".into();
    }
    if f == "kommun" || f == "kommunen" || (!several && f == "kommunerna") {
        return "kommunen".into();
    }
    if f.ends_with(" kommun") || f.ends_with(" stad") {
        return "kommunen".into();
    }
    // "räddningstjänst" and "räddningstjänsten" are one body (the facts writers of the dev
    // set and of holdout2 wrote the same Kalmar text's owner each way).
    if !f.contains(' ') && f.ends_with("tjanst") {
        return format!("{f}en");
    }
    f
}

fn owner_set(v: Option<&Value>, several: bool) -> BTreeSet<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().map(|o| norm_owner(o, several)).collect())
        .unwrap_or_default()
}

fn date_of(v: Option<&Value>) -> Option<String> {
    v.map(|v| match v {
        Value::Datetime(d) => d.to_string(),
        Value::String(s) => s.clone(),
        o => o.to_string(),
    })
}

/// A target's kind and what must agree for it to be right.
fn target_key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Table(t) => {
            let mut keys: Vec<String> = t
                .iter()
                .map(|(k, v)| match k.as_str() {
                    // the id an each-target names is the draft's own choice
                    "each" => "each".to_string(),
                    "time" => "time".to_string(),
                    _ => format!("{k}={v}"),
                })
                .collect();
            keys.sort();
            keys.join(",")
        }
        o => o.to_string(),
    }
}

/// A count's key, where a löfte of exactly one calendar year makes "per period" and "per
/// year" the same window (one window, the same days): fact writers use either.
fn count_key(v: &Value, one_year: bool) -> String {
    let k = target_key(v);
    if one_year {
        k.replace("per=\"period\"", "per=\"year\"")
    } else {
        k
    }
}

/// Whether the facts' period is one calendar year, 1 January to 31 December.
fn one_calendar_year(start: Option<&str>, end: Option<&str>) -> bool {
    match (start, end) {
        (Some(s), Some(e)) => {
            s.len() == 10 && s.ends_with("-01-01") && e.ends_with("-12-31") && s[..4] == e[..4]
        }
        _ => false,
    }
}

fn is_counted(v: &Value) -> bool {
    v.as_table()
        .is_some_and(|t| t.contains_key("count") && t.contains_key("per"))
}

struct Row {
    name: String,
    s: Score,
    note: String,
    details: Vec<String>,
}

fn score(text_path: &Path, facts_path: &Path) -> Row {
    let name = text_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut s = Score {
        files: 1,
        ..Score::default()
    };
    let mut details = Vec::new();
    let facts: Value = match std::fs::read_to_string(facts_path)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            return Row {
                name,
                s: Score::default(),
                note: format!("facts unreadable: {e}"),
                details,
            };
        }
    };
    let fact_acts: Vec<Value> = facts
        .get("activity")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    s.acts = fact_acts.len();
    for a in &fact_acts {
        match a.get("target") {
            Some(t) if is_counted(t) => s.counted += 1,
            Some(_) => s.other += 1,
            None => {}
        }
    }
    let text = match std::fs::read(text_path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            return Row {
                name,
                s,
                note: format!("text unreadable: {e}"),
                details,
            };
        }
    };
    let file = text_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let opts = Options {
        source_name: file,
        ..Options::default()
    };
    let draft = match import(&text, &opts) {
        Ok(d) => d,
        Err(m) => {
            return Row {
                name,
                s,
                note: format!("needs a flag: {m}"),
                details,
            };
        }
    };
    if let Ok(dump) = std::env::var("IMPORT_SCORE_DUMP") {
        // Each draft written to this folder, for reading beside the facts.
        let _ = std::fs::write(Path::new(&dump).join(format!("{name}.toml")), &draft.toml);
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
    let loaded = pledge::load::load(&draft.file_name, &draft.toml, today);
    let mut note = String::new();
    if loaded.has_errors() {
        let d = loaded.diags.iter().find(|d| d.is_error()).expect("errors");
        note = format!(
            "INVALID: {}",
            pledge::view::diag_words::one_line(
                &draft.file_name,
                &draft.toml,
                d,
                pledge::view::i18n::Lang::En
            )
        );
    } else {
        s.valid = 1;
        s.written = 1;
    }
    let got: Value = match toml::from_str(&draft.toml) {
        Ok(v) => v,
        Err(e) => {
            return Row {
                name,
                s,
                note: format!("draft is not TOML: {e}"),
                details,
            };
        }
    };
    // kommun(er) and area
    let want_k: BTreeSet<String> = facts
        .get("kommuner")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(pledge::text::fold)
                .collect()
        })
        .unwrap_or_default();
    let several = want_k.len() > 1;
    let got_k: BTreeSet<String> = match (got.get("kommun"), got.get("kommuner")) {
        (Some(Value::String(k)), _) => [pledge::text::fold(k)].into(),
        (_, Some(Value::Array(a))) => a
            .iter()
            .filter_map(Value::as_str)
            .map(pledge::text::fold)
            .collect(),
        _ => BTreeSet::new(),
    };
    let area = |v: &Value| {
        v.get("area")
            .and_then(Value::as_str)
            .map(pledge::text::fold)
    };
    if want_k == got_k && area(&facts) == area(&got) {
        s.kommun = 1;
    } else {
        details.push(format!(
            "kommun: got {got_k:?} area {:?}, want {want_k:?} area {:?}",
            area(&got),
            area(&facts)
        ));
    }
    // period
    let fp = facts.get("period");
    let gp = got.get("period");
    let (fs, fe) = (
        date_of(fp.and_then(|p| p.get("start"))),
        date_of(fp.and_then(|p| p.get("end"))),
    );
    let (gs, ge) = (
        date_of(gp.and_then(|p| p.get("start"))),
        date_of(gp.and_then(|p| p.get("end"))),
    );
    if fs == gs && (fe.is_none() || fe == ge) {
        s.period = 1;
    } else {
        details.push(format!(
            "period: got {gs:?}–{ge:?}, want {fs:?}–{fe:?} ({:?})",
            fp.and_then(|p| p.get("words")).and_then(Value::as_str)
        ));
    }
    // activities
    let got_acts: Vec<Value> = got
        .get("activity")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let texts: Vec<String> = got_acts
        .iter()
        .map(|a| fold_ws(a.get("text").and_then(Value::as_str).unwrap_or_default()))
        .collect();
    for fa in &fact_acts {
        let phrase = fold_ws(fa.get("text").and_then(Value::as_str).unwrap_or_default());
        let Some(i) = texts.iter().position(|t| t.contains(&phrase)) else {
            details.push(format!("not found: \"{phrase}\""));
            continue;
        };
        s.acts_found += 1;
        let ga = &got_acts[i];
        let (wo, go) = (
            owner_set(fa.get("owners"), several),
            owner_set(ga.get("owners"), several),
        );
        if wo == go {
            s.owners += 1;
        } else {
            details.push(format!("owners of \"{phrase}\": got {go:?}, want {wo:?}"));
        }
        match (fa.get("target"), ga.get("target")) {
            (Some(ft), gt) if is_counted(ft) => {
                let one_year = one_calendar_year(fs.as_deref(), fe.as_deref());
                if gt.is_some_and(|g| count_key(g, one_year) == count_key(ft, one_year)) {
                    s.counted_right += 1;
                } else {
                    details.push(format!(
                        "count of \"{phrase}\": got {}, want {ft}",
                        gt.map_or("none".into(), Value::to_string)
                    ));
                }
            }
            (Some(ft), gt) => {
                if gt.is_some_and(|g| target_key(g) == target_key(ft)) {
                    s.other_right += 1;
                } else {
                    details.push(format!(
                        "target of \"{phrase}\": got {}, want {ft}",
                        gt.map_or("none".into(), Value::to_string)
                    ));
                }
            }
            (None, Some(gt)) => {
                s.invented += 1;
                details.push(format!("target of \"{phrase}\": got {gt}, want none"));
            }
            (None, None) => {}
        }
    }
    Row {
        name,
        s,
        note,
        details,
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.0}%", 100.0 * a as f64 / b as f64)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let Some(dir) = args.iter().find(|a| !a.starts_with('-')).map(PathBuf::from) else {
        eprintln!("usage: import-score CORPUS_DIR [--verbose]");
        std::process::exit(2);
    };
    let mut names: Vec<String> = std::fs::read_dir(dir.join("texts"))
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
                .collect()
        })
        .unwrap_or_else(|e| {
            eprintln!("cannot read {}/texts: {e}", dir.display());
            std::process::exit(2);
        });
    names.sort();
    let mut total = Score::default();
    let mut unscored = Vec::new();
    println!(
        "{:<28} {:>3} {:>3} {:>3} {:>6} {:>6} {:>6} {:>6} {:>3}  note",
        "text", "wr", "kom", "per", "acts", "owners", "count", "other", "inv"
    );
    for n in &names {
        let facts = dir.join("facts").join(format!("{n}.toml"));
        if !facts.exists() {
            unscored.push(n.clone());
            continue;
        }
        let row = score(&dir.join("texts").join(format!("{n}.txt")), &facts);
        let s = row.s;
        let yes = |b: usize| if b == 1 { "y" } else { "-" };
        println!(
            "{:<28} {:>3} {:>3} {:>3} {:>6} {:>6} {:>6} {:>6} {:>3}  {}",
            row.name,
            yes(s.written),
            yes(s.kommun),
            yes(s.period),
            format!("{}/{}", s.acts_found, s.acts),
            format!("{}/{}", s.owners, s.acts),
            format!("{}/{}", s.counted_right, s.counted),
            format!("{}/{}", s.other_right, s.other),
            s.invented,
            row.note
        );
        if verbose {
            for d in &row.details {
                println!("    {d}");
            }
        }
        total += s;
    }
    let t = total;
    println!(
        "\ntotal: {} texts; drafts written without flags {}/{} ({}), valid {}/{}; kommun right {}/{} ({}); \
         period right {}/{} ({})",
        t.files,
        t.written,
        t.files,
        pct(t.written, t.files),
        t.valid,
        t.files,
        t.kommun,
        t.files,
        pct(t.kommun, t.files),
        t.period,
        t.files,
        pct(t.period, t.files),
    );
    println!(
        "activities found {}/{} ({}); owners right {}/{} ({}); counted targets right {}/{} ({}); \
         other target kinds right {}/{} ({}); targets written where the facts have none: {}",
        t.acts_found,
        t.acts,
        pct(t.acts_found, t.acts),
        t.owners,
        t.acts,
        pct(t.owners, t.acts),
        t.counted_right,
        t.counted,
        pct(t.counted_right, t.counted),
        t.other_right,
        t.other,
        pct(t.other_right, t.other),
        t.invented
    );
    if !unscored.is_empty() {
        println!("texts without facts (not scored): {}", unscored.join(", "));
    }
}
