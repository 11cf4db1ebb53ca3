//! Benchmark of adversarial and scaled shapes (issue 25), every figure beside the floor of
//! parsing the same files into a generic `toml::Table`, measured in the same runs,
//! interleaved, medians:
//!
//!     cargo build --release --bin pledge --example bench-adversarial
//!     target/release/examples/bench-adversarial target/release/pledge [NATIONAL_DIR]
//!
//! Shapes, generated under target/bench/adversarial: a units list of 10,000 (valid, with an
//! entry per unit) and of 100,000 (refused by the windows limit); a weekly slot on 10,000
//! parts (refused); 4,000 copies of one löfte in a folder. With BENCH_IMPORT=FILE, `import` of
//! that text (say, a 1 MB published text) against parsing its draft. With NATIONAL_DIR (a set
//! of gen-national), a kommun's views (`status`, `report`, `log`, `calendar`, `list --kommun`
//! of the kommun BENCH_KOMMUN, default Ale) against parsing that kommun's own files on one
//! core, with peak memory per MiB of those files. `BENCH_RUNS` sets the runs (default 5).
//! `BENCH_SHAPES=0` measures only the kommun's views. `BENCH_BEFORE=BIN` measures a second
//! binary in the same runs; with `BENCH_BEFORE_DIR=DIR` (a copy of NATIONAL_DIR) it reads that
//! copy, so two versions never rewrite each other's index or seal.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const AS_OF: &str = "2025-12-31";

/// One measured command: what it runs, in which folder, against which files' parse.
struct Case {
    label: String,
    args: Vec<String>,
    dir: PathBuf,
    floor_files: Vec<PathBuf>,
    /// A kommun's view of the national folder (read from BENCH_BEFORE_DIR by the second
    /// binary).
    national: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bin = PathBuf::from(
        args.first()
            .expect("usage: bench-adversarial PLEDGE_BIN [DIR]"),
    );
    let national = args.get(1).map(PathBuf::from);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let root = PathBuf::from("target/bench/adversarial");
    let mut cases = if std::env::var("BENCH_SHAPES").is_ok_and(|v| v == "0") {
        Vec::new()
    } else {
        shapes(&root)
    };
    if let Some(text) = std::env::var_os("BENCH_IMPORT") {
        cases.push(import_case(&bin, &root, Path::new(&text)));
    }
    if let Some(dir) = national {
        let kommun = std::env::var("BENCH_KOMMUN").unwrap_or_else(|_| "Ale".into());
        cases.extend(kommun_cases(&dir, &kommun));
    }
    // A second binary measured in the same runs, interleaved (say, one built from main).
    let before = std::env::var_os("BENCH_BEFORE").map(PathBuf::from);
    let before_dir = std::env::var_os("BENCH_BEFORE_DIR").map(PathBuf::from);
    println!(
        "| shape | command | files | MiB | parse floor | command | ratio | peak memory / MiB |{}",
        if before.is_some() {
            " before: ratio |"
        } else {
            ""
        }
    );
    println!(
        "|---|---|---|---|---|---|---|---|{}",
        if before.is_some() { "---|" } else { "" }
    );
    for c in &cases {
        let mut floor = Vec::new();
        let mut took = Vec::new();
        let mut took_before = Vec::new();
        let mut rss = 0;
        let mut code = 0;
        for _ in 0..runs {
            let t = Instant::now();
            parse_files(&c.floor_files);
            floor.push(t.elapsed());
            let (time, r, exit) = run(&bin, &c.dir, &c.args);
            took.push(time);
            rss = rss.max(r);
            code = exit;
            if let Some(b) = &before {
                let dir = match (&before_dir, c.national) {
                    (Some(d), true) => d,
                    _ => &c.dir,
                };
                took_before.push(run(b, dir, &c.args).0);
            }
        }
        let bytes: u64 = c
            .floor_files
            .iter()
            .map(|f| std::fs::metadata(f).unwrap().len())
            .sum();
        let (f, t) = (median(&mut floor), median(&mut took));
        let before = if took_before.is_empty() {
            String::new()
        } else {
            let b = median(&mut took_before);
            format!(" {:.2}x ({}) |", b.as_secs_f64() / f.as_secs_f64(), ms(b))
        };
        println!(
            "| {} | `pledge {}` (exit {code}) | {} | {:.2} | {} | {} | {:.2}x | {:.1} |{before}",
            c.label,
            c.args.join(" "),
            c.floor_files.len(),
            mib(bytes),
            ms(f),
            ms(t),
            t.as_secs_f64() / f.as_secs_f64(),
            mib(rss) / mib(bytes).max(1e-9)
        );
    }
}

/// The generated shapes, written once.
fn shapes(root: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    let units = |n: usize| {
        (0..n)
            .map(|i| format!("\"Skola {i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (name, n, entries) in [("units-10k", 10_000, true), ("units-100k", 100_000, false)] {
        let mut text = base(&format!(
            "target = {{ count = 1, per = \"period\" }}\nunits = [{}]\n",
            units(n)
        ));
        if entries {
            for i in 0..n {
                text.push_str(&format!(
                    "\n[[log]]\ndate = 2024-03-01\nactivity = \"walk\"\nunit = \"Skola {i}\"\n"
                ));
            }
        }
        let (dir, file) = one_file(root, name, &text);
        for args in [
            vec!["validate".to_string(), file.display().to_string()],
            vec!["status".into(), "ale".into()],
        ] {
            cases.push(Case {
                label: name.to_string(),
                args,
                dir: dir.clone(),
                floor_files: vec![file.clone()],
                national: false,
            });
        }
    }
    let mut parts = base("");
    for i in 0..10_000 {
        parts.push_str(&format!(
            "\n[[activity.part]]\nid = \"p{i}\"\ntext = \"Del {i}\"\ntarget = {{ weekday = \"tisdag\" }}\n"
        ));
    }
    let (dir, file) = one_file(root, "parts-weekly", &parts);
    for args in [
        &["validate"][..],
        &["status", "--format", "json"],
        &["calendar"],
    ] {
        cases.push(Case {
            label: "parts × weekly".into(),
            args: args.iter().map(|s| s.to_string()).collect(),
            dir: dir.clone(),
            floor_files: vec![file.clone()],
            national: false,
        });
    }
    let copies = root.join("copies-4000");
    if !copies.is_dir() {
        std::fs::create_dir_all(&copies).unwrap();
        let text = base("target = { count = 2, per = \"year\" }\n");
        for i in 0..4000 {
            std::fs::write(copies.join(format!("ale-2024 kopia {i}.toml")), &text).unwrap();
        }
    }
    let files = toml_files(&copies);
    for args in [&["validate"][..], &["status", "ale"]] {
        cases.push(Case {
            label: "4,000 copies".into(),
            args: args.iter().map(|s| s.to_string()).collect(),
            dir: copies.clone(),
            floor_files: files.clone(),
            national: false,
        });
    }
    cases
}

/// A small löfte of Ale with one activity, `target` its target lines.
fn base(target: &str) -> String {
    format!(
        "title = \"Test\"\nkommun = \"Ale\"\n\n[period]\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [followup]\nwhen = \"2025-Q1\"\n\n[[activity]]\nid = \"walk\"\ntext = \"Trygghetsvandringar.\"\n\
         owners = [\"kommunen\"]\n{target}"
    )
}

/// A folder holding one file of `text`, written once.
fn one_file(root: &Path, name: &str, text: &str) -> (PathBuf, PathBuf) {
    let dir = root.join(name);
    let file = dir.join("ale-2024.toml");
    if !file.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&file, text).unwrap();
    }
    (dir, file)
}

/// `import` of a published text, against parsing the draft it writes.
fn import_case(bin: &Path, root: &Path, text: &Path) -> Case {
    let dir = root.join("import");
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("draft.toml");
    let _ = std::fs::remove_file(&draft);
    let args: Vec<String> = vec![
        "import".into(),
        text.display().to_string(),
        "--kommun".into(),
        "Ale".into(),
        "--out".into(),
        draft.display().to_string(),
    ];
    run(bin, &dir, &args);
    // Each run writes the draft again over the same name.
    let mut args = args;
    args.push("--force".into());
    Case {
        label: "import".into(),
        args,
        dir,
        floor_files: vec![draft],
        national: false,
    }
}

/// A kommun's views on a national set, against parsing the files that hold its löften.
fn kommun_cases(dir: &Path, kommun: &str) -> Vec<Case> {
    let files = toml_files(dir);
    let own: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let t: toml::Table = toml::from_str(&text).unwrap();
            let named = |v: &toml::Value| v.as_str() == Some(kommun);
            t.get("kommun").is_some_and(named)
                || t.get("kommuner")
                    .and_then(|v| v.as_array())
                    .is_some_and(|a| a.iter().any(named))
        })
        .collect();
    let k = kommun.to_lowercase();
    [
        vec!["status", &k],
        vec!["report", &k],
        vec!["log", &k],
        vec!["calendar", &k],
        vec!["list", "--kommun", &k],
    ]
    .into_iter()
    .map(|args| Case {
        label: format!("{kommun} in {}", dir.display()),
        args: args.iter().map(|s| s.to_string()).collect(),
        dir: dir.to_path_buf(),
        floor_files: own.clone(),
        national: true,
    })
    .collect()
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

/// The floor: read and parse every file into a `toml::Table`, on one core.
fn parse_files(files: &[PathBuf]) {
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        std::hint::black_box(toml::from_str::<toml::Table>(&text).unwrap());
    }
}

/// Runs a command to its end: wall time, peak resident memory, exit code.
#[allow(clippy::zombie_processes)]
fn run(bin: &Path, dir: &Path, args: &[String]) -> (Duration, u64, i32) {
    let t = Instant::now();
    let child = Command::new(bin)
        .args(args)
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_AS_OF", AS_OF)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for the child it reaps.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as i32;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (t.elapsed(), usage.ru_maxrss as u64 * 1024, code)
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn mib(b: u64) -> f64 {
    b as f64 / (1 << 20) as f64
}
