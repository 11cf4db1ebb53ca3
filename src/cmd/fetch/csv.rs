//! `pledge measure --from-csv FILE --indicator ID [KOMMUN]`: an indicator's values read from
//! a CSV file (Swedish or English headers, Excel's Windows-1252), and its new values written.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::http::MAX_BODY;
use super::write::{Tally, finish, write_target};
use super::{Target, open, single_kommun, years_of};
use crate::cli::MeasureArgs;
use crate::cmd::{Ctx, Refused, Usage, Workspace};
use crate::edit::fetch::Provenance;
use crate::kommuner::Kommun;
use crate::load::table;
use crate::model::series::Published;
use crate::text::safe;
use crate::view::i18n::Lang;
use crate::view::messages::{ImportMsg, Msg, Words};

/// A file's rows per kommunkod.
type ByKommun<'r> = HashMap<&'static str, Vec<&'r table::Row>>;

/// `pledge measure --from-csv FILE --indicator ID [KOMMUN]`.
pub fn from_csv(dir: Option<PathBuf>, a: &MeasureArgs, path: &Path, ctx: &mut Ctx) -> Result<u8> {
    let lang = ctx.lang;
    let Some(q) = a.only_indicator.as_deref() else {
        return Err(Usage(ImportMsg::CsvNeedsIndicator.say(lang)).into());
    };
    let shown = path.display().to_string();
    let rows = rows_of(path, &shown, lang)?;
    let ws = open(dir, ctx.here(), ctx.read_cutoff(), |p| {
        crate::rules::resolve::indicator(p, q).is_some()
    })?;
    let only = match &a.kommun {
        Some(k) => Some(crate::cmd::resolve_kommun(k, &ws, ctx.lang)?),
        None => None,
    };
    let targets = targets(&ws, a, q, only, lang);
    ws.report_broken_in(&mut ctx.err, ctx.lang, ctx.width)?;
    let targets = targets?;
    let (by_kommun, elsewhere) = by_kommun(&rows, &shown, lang)?;
    let label = path
        .file_name()
        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
    let mut tally = Tally::default();
    let mut matched = false;
    for t in &targets {
        let k = match single_kommun(t.pledge, lang) {
            Ok(k) => k,
            Err(why) => {
                tally.failed += 1;
                let line = ImportMsg::IndicatorFailed {
                    error: &Msg::Error.say(lang),
                    file: &t.pledge.file,
                    indicator: &t.ind.id,
                    why: &why,
                };
                writeln!(ctx.err, "{}", line.say(lang))?;
                continue;
            }
        };
        let Some(rs) = by_kommun.get(k.kod) else {
            continue;
        };
        matched = true;
        write_rows(&ws, t, rs, &label, a, ctx, &mut tally)?;
    }
    if !matched && tally.failed == 0 {
        let names: Vec<&str> = targets
            .iter()
            .flat_map(|t| t.pledge.kommuner.iter().map(|k| k.name))
            .collect();
        let none = ImportMsg::NoRowsFor {
            file: &shown,
            names: &names.join(", "),
            query: &safe(q, false),
        };
        return Err(Refused(none.say(lang)).into());
    }
    if elsewhere > 0 && !ctx.quiet {
        writeln!(ctx.err, "{}", ImportMsg::RowsLeftAside(elsewhere).say(lang))?;
    }
    finish(&tally, a, ctx)
}

/// The rows of the file, or a usage error naming its line.
fn rows_of(path: &Path, shown: &str, lang: Lang) -> Result<Vec<table::Row>> {
    let text = read_csv(path, lang)?;
    table::parse(&text).map_err(|e| {
        if e.line == 0 {
            anyhow::Error::from(Usage(format!("{shown}: {}", e.message)))
        } else {
            anyhow::Error::from(Usage(format!("{shown}:{}: {}", e.line, e.message)))
        }
    })
}

/// The löften with the indicator `q` (of the kommun named, in the area asked for), or a usage
/// error.
fn targets<'w>(
    ws: &'w Workspace,
    a: &MeasureArgs,
    q: &str,
    only: Option<&'static Kommun>,
    lang: Lang,
) -> Result<Vec<Target<'w>>> {
    let area = a.area.as_deref();
    let targets: Vec<Target<'_>> = ws
        .pledges()
        .filter(|p| only.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| p.in_area(area))
        .filter_map(|p| crate::rules::resolve::indicator(p, q).map(|ind| Target { pledge: p, ind }))
        .collect();
    if targets.is_empty() {
        let none = ImportMsg::NoLofteHasIndicator {
            kommun: only.map(|k| k.name),
            query: &safe(q, false),
        };
        return Err(Usage(none.say(lang)).into());
    }
    Ok(targets)
}

/// Each row's kommun, and how many rows name no kommun (the country, a län); two different
/// values for one kommun and year are refused whole.
fn by_kommun<'r>(rows: &'r [table::Row], shown: &str, lang: Lang) -> Result<(ByKommun<'r>, usize)> {
    let mut by_kommun: ByKommun<'r> = HashMap::new();
    let mut elsewhere = 0;
    for r in rows {
        match crate::kommuner::find(&r.kommun) {
            Some(k) => by_kommun.entry(k.kod).or_default().push(r),
            None => elsewhere += 1,
        }
    }
    for rs in by_kommun.values() {
        for (i, r) in rs.iter().enumerate() {
            if let Some(o) = rs[..i]
                .iter()
                .find(|o| o.year == r.year && o.value != r.value)
            {
                let two = ImportMsg::AnotherValue {
                    file: shown,
                    line: r.line,
                    kommun: &r.kommun,
                    year: r.year,
                    other: o.line,
                };
                return Err(Refused(two.say(lang)).into());
            }
        }
    }
    Ok((by_kommun, elsewhere))
}

/// One löfte's indicator: the rows of its kommun within its years, written.
fn write_rows(
    ws: &Workspace,
    t: &Target<'_>,
    rs: &[&table::Row],
    label: &str,
    a: &MeasureArgs,
    ctx: &mut Ctx,
    tally: &mut Tally,
) -> Result<()> {
    let today = ctx.write_cutoff();
    let years = years_of(t.pledge, t.ind, today);
    let published: Vec<Published> = rs
        .iter()
        .filter(|r| years.contains(&r.year))
        .filter_map(|r| {
            r.value.map(|value| Published {
                year: r.year,
                value,
                preliminary: false,
                compare: Vec::new(),
            })
        })
        .collect();
    let user = ctx.user();
    let prov = Provenance {
        source: label,
        fetched: today,
        by: user.as_deref(),
    };
    write_target(ws, t, &published, &prov, a, ctx, tally)
}

fn read_csv(path: &Path, lang: Lang) -> Result<String> {
    let shown = path.display().to_string();
    let cannot = || ImportMsg::CannotRead(&shown).say(lang);
    let meta = std::fs::metadata(path).with_context(cannot)?;
    if !meta.is_file() {
        bail!(ImportMsg::NotAFile(&shown).say(lang));
    }
    if meta.len() > MAX_BODY {
        bail!(ImportMsg::CsvTooLarge(&shown).say(lang));
    }
    let bytes = std::fs::read(path).with_context(cannot)?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        // Excel on Windows saves CSV as Windows-1252: å, ä, ö are single bytes.
        Err(e) => Ok(e.into_bytes().iter().map(|&b| cp1252(b)).collect()),
    }
}

/// A byte of Windows-1252 (Latin-1 for the letters Swedish needs).
fn cp1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x96 => '–',
        0x97 => '—',
        b => char::from(b),
    }
}
