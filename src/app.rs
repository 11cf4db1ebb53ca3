//! Runs the commands: reads through the store, computes through the pure core, prints.
//! `run` returns the exit code; errors map to 1 (refused) or 2 (usage, I/O).

use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::json;

use crate::cli::*;
use crate::kommuner::{self, Kommun};
use crate::model::Pledge;
use crate::render;
use crate::store::{self, SourceFile};

/// A change the program refuses to make (exit 1): the file is untouched.
#[derive(Debug)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

pub fn exit_code_of(e: &anyhow::Error) -> u8 {
    if e.downcast_ref::<Refused>().is_some() {
        1
    } else {
        2
    }
}

/// The error with its causes, on one line each.
pub fn describe(e: &anyhow::Error) -> String {
    let mut s = e.to_string();
    for cause in e.chain().skip(1) {
        s.push_str(&format!(": {cause}"));
    }
    s
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Output settings shared by every command.
pub struct Out {
    pub color: bool,
    pub quiet: bool,
}

impl Out {
    fn new(g: &Global) -> Out {
        let color = match g.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Out {
            color,
            quiet: g.quiet,
        }
    }
}

pub fn run(cli: Cli) -> Result<u8> {
    let out = Out::new(&cli.global);
    let dir = cli.global.dir.clone();
    match cli.command {
        Command::Validate(a) => validate(dir, a, &out),
        Command::List(a) => list(dir, a, &out),
        Command::Done(_) | Command::Undo(_) | Command::Log(_) => bail!("not yet"),
        Command::Status(_) | Command::Report(_) | Command::Check(_) => bail!("not yet"),
    }
}

/// All pledge files of the folder, loaded.
pub struct Workspace {
    pub dir: PathBuf,
    pub files: Vec<SourceFile>,
}

impl Workspace {
    pub fn open(dir: Option<PathBuf>, today: NaiveDate) -> Result<Workspace> {
        let dir = store::find_dir(dir.as_deref())?;
        let paths = store::pledge_files(&dir)?;
        let files = store::read_all(&paths, today)?;
        Ok(Workspace { dir, files })
    }

    pub fn pledges(&self) -> impl Iterator<Item = &Pledge> {
        self.files.iter().filter_map(|f| f.loaded.pledge.as_ref())
    }

    /// Files with errors, named on stderr with their first error; true when there were any.
    pub fn report_broken(&self) -> bool {
        let mut any = false;
        for f in self.files.iter().filter(|f| f.loaded.has_errors()) {
            any = true;
            let errors = f.loaded.diags.iter().filter(|d| d.is_error()).count();
            if let Some(d) = f.loaded.diags.iter().find(|d| d.is_error()) {
                eprintln!(
                    "{}\n  ({} error{} in all; `pledge validate {}` shows them; the file is left out)",
                    crate::diag::one_line(&f.display, &f.text, d),
                    errors,
                    if errors == 1 { "" } else { "s" },
                    f.display
                );
            }
        }
        any
    }
}

/// Finds the kommun an argument names, with the closest names when it names none.
pub fn resolve_kommun(arg: &str, ws: &Workspace) -> Result<&'static Kommun> {
    if let Some(k) = kommuner::find(arg) {
        return Ok(k);
    }
    let mut msg = format!("unknown kommun \"{}\"", crate::text::safe(arg, false));
    let close = kommuner::suggest(arg);
    if !close.is_empty() {
        msg.push_str(&format!("; did you mean {}?", close.join(" or ")));
    }
    msg.push_str(&format!(
        "\n  the folder has löften for: {}",
        folder_kommuner(ws)
    ));
    bail!(msg)
}

fn folder_kommuner(ws: &Workspace) -> String {
    let mut names: Vec<&str> = ws
        .pledges()
        .flat_map(|p| p.kommuner.iter().map(|k| k.name))
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        "(none)".into()
    } else {
        names.join(", ")
    }
}

fn validate(dir: Option<PathBuf>, a: ValidateArgs, out: &Out) -> Result<u8> {
    let today = a.as_of.unwrap_or_else(today);
    let paths = if a.paths.is_empty() {
        let dir = store::find_dir(dir.as_deref())?;
        store::pledge_files(&dir)?
    } else {
        store::expand_paths(&a.paths)?
    };
    let mut files = store::read_all(&paths, today)?;
    let pledges: Vec<(usize, &Pledge)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.loaded.pledge.as_ref().map(|p| (i, p)))
        .collect();
    let only: Vec<&Pledge> = pledges.iter().map(|(_, p)| *p).collect();
    let extra: Vec<(usize, crate::diag::Diagnostic)> = crate::validate::overlaps(&only)
        .into_iter()
        .map(|(i, d)| (pledges[i].0, d))
        .collect();
    for (i, d) in extra {
        files[i].loaded.diags.push(d);
    }
    let (mut errors, mut warnings) = (0, 0);
    let mut report = String::new();
    for f in &files {
        for d in &f.loaded.diags {
            if d.is_error() {
                errors += 1;
            } else {
                warnings += 1;
                if out.quiet {
                    continue;
                }
            }
            report.push_str(&crate::diag::render(&f.display, &f.text, d));
        }
    }
    print!("{report}");
    if !out.quiet {
        println!(
            "{} file{} checked: {} error{}, {} warning{}",
            files.len(),
            plural(files.len()),
            errors,
            plural(errors),
            warnings,
            plural(warnings)
        );
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn list(dir: Option<PathBuf>, a: ListArgs, _out: &Out) -> Result<u8> {
    let today = today();
    let ws = Workspace::open(dir, today)?;
    let on = a.active_on.or(a.as_of).unwrap_or(today);
    let filter = a
        .kommun
        .as_deref()
        .map(|k| resolve_kommun(k, &ws))
        .transpose()?;
    let mut rows: Vec<&Pledge> = ws
        .pledges()
        .filter(|p| filter.is_none_or(|k| p.kommuner.contains(&k)))
        .filter(|p| a.active_on.is_none_or(|d| p.period.contains(d)))
        .collect();
    rows.sort_by(|x, y| {
        (x.kommuner[0].kod, x.period.start).cmp(&(y.kommuner[0].kod, y.period.start))
    });
    match a.format {
        ListFormat::Json => {
            let pledges: Vec<_> = rows
                .iter()
                .map(|p| {
                    json!({
                        "file": p.file,
                        "title": p.title,
                        "kommuner": kommuner_json(p),
                        "area": p.area,
                        "lokalpolisomrade": p.lokalpolisomrade,
                        "period": p.period,
                        "state": p.state(on),
                        "activities": p.activities.len(),
                    })
                })
                .collect();
            let doc = json!({"schema_version": 1, "as_of": on, "pledges": pledges});
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
        ListFormat::Csv => {
            let mut s = render::csv_record(
                &[
                    "kommuner",
                    "kommunkod",
                    "lan",
                    "lokalpolisomrade",
                    "area",
                    "start",
                    "end",
                    "state",
                    "activities",
                    "file",
                ]
                .map(String::from),
            );
            for p in &rows {
                s.push_str(&render::csv_record(&[
                    p.kommun_names(),
                    p.kommuner
                        .iter()
                        .map(|k| k.kod)
                        .collect::<Vec<_>>()
                        .join(" "),
                    lan_names(p),
                    p.lokalpolisomrade.clone().unwrap_or_default(),
                    p.area.clone().unwrap_or_default(),
                    p.period.start.to_string(),
                    p.period.end.to_string(),
                    p.state(on).name().into(),
                    p.activities.len().to_string(),
                    p.file.clone(),
                ]));
            }
            print!("{s}");
        }
        ListFormat::Table => {
            let body = rows
                .iter()
                .map(|p| {
                    let mut kommun = p.kommun_names();
                    if let Some(area) = &p.area {
                        kommun.push_str(&format!(" ({area})"));
                    }
                    vec![
                        render::cell(&kommun),
                        p.kommuner
                            .iter()
                            .map(|k| k.kod)
                            .collect::<Vec<_>>()
                            .join(" "),
                        lan_names(p),
                        render::cell(p.lokalpolisomrade.as_deref().unwrap_or("–")),
                        format!(
                            "{} – {}{}",
                            p.period.start,
                            p.period.end,
                            if p.period.until_replaced { " (+)" } else { "" }
                        ),
                        p.state(on).name().into(),
                        p.activities.len().to_string(),
                    ]
                })
                .collect();
            if rows.is_empty() {
                println!("no löften match");
            } else {
                println!(
                    "{}",
                    render::table(
                        &[
                            "Kommun",
                            "Kod",
                            "Län",
                            "Lokalpolisområde",
                            "Period",
                            "State",
                            "Activities"
                        ],
                        body
                    )
                );
                if rows.iter().any(|p| p.period.until_replaced) {
                    println!("(+) stays in force until a new löfte is signed");
                }
            }
        }
    }
    Ok(if ws.report_broken() { 1 } else { 0 })
}

pub fn kommuner_json(p: &Pledge) -> serde_json::Value {
    p.kommuner
        .iter()
        .map(|k| json!({"name": k.name, "kommunkod": k.kod, "lan": k.lan, "polisregion": k.polisregion}))
        .collect()
}

fn lan_names(p: &Pledge) -> String {
    let mut l: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    l.dedup();
    l.join(", ")
}
