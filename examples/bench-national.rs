//! Benchmark on generated national data sets, each figure beside a baseline measured in the
//! same run. Run through `examples/bench.sh`, which builds and generates the sets:
//!
//!     bash examples/bench.sh            # N = 1, 2, 4, 10
//!
//! or directly: `target/release/examples/bench-national PLEDGE_BIN DIR...` where each DIR is a
//! set written by gen-national (the largest last). Prints a Markdown table.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The `status` command measured, on a day inside every generated set's years.
const STATUS_ALL: [&str; 6] = [
    "status",
    "--all",
    "--format",
    "json",
    "--as-of",
    "2020-06-30",
];

/// Median wall time of `runs` calls.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
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

/// The baseline: read the files and parse each into a generic `toml::Table`, nothing else.
fn baseline(files: &[PathBuf]) {
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let t: toml::Table = toml::from_str(&text).unwrap();
        std::hint::black_box(t);
    }
}

fn run(bin: &Path, dir: &Path, args: &[&str]) -> i32 {
    Command::new(bin)
        .args(args)
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_USER", "bench")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

/// Peak resident memory of one run, in bytes, from /usr/bin/time -v.
fn peak_rss(bin: &Path, dir: &Path, args: &[&str]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(bin)
        .args(args)
        .env("PLEDGE_DIR", dir)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("Maximum resident set size"))?;
    let kb: u64 = line.rsplit(':').next()?.trim().parse().ok()?;
    Some(kb * 1024)
}

fn dir_size(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.2}x", a.as_secs_f64() / b.as_secs_f64())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: bench-national PLEDGE_BIN DIR...");
        std::process::exit(2);
    }
    let bin = PathBuf::from(&args[0]);
    let dirs: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);

    println!("| set | files | MB | baseline | validate | status --all --format json | check |");
    println!("|---|---|---|---|---|---|---|");
    for dir in &dirs {
        let files = toml_files(dir);
        assert_eq!(
            run(&bin, dir, &["validate"]),
            0,
            "{} does not validate",
            dir.display()
        );
        let base = median(runs, || baseline(&files));
        let validate = median(runs, || {
            run(&bin, dir, &["validate"]);
        });
        let status = median(runs, || {
            run(&bin, dir, &STATUS_ALL);
        });
        let check = median(runs, || {
            run(&bin, dir, &["check", "--as-of", "2020-06-30"]);
        });
        println!(
            "| {} | {} | {:.1} | {} | {} ({}) | {} ({}) | {} ({}) |",
            dir.file_name().unwrap().to_string_lossy(),
            files.len(),
            dir_size(&files) as f64 / 1e6,
            ms(base),
            ms(validate),
            ratio(validate, base),
            ms(status),
            ratio(status, base),
            ms(check),
            ratio(check, base),
        );
    }

    // The largest set: done on its largest file, memory, startup.
    let dir = dirs.last().unwrap();
    let files = toml_files(dir);
    let largest = files
        .iter()
        .max_by_key(|f| std::fs::metadata(f).unwrap().len())
        .unwrap();
    let text = std::fs::read_to_string(largest).unwrap();
    let kommun = text
        .lines()
        .find_map(|l| {
            l.strip_prefix("kommun = \"")
                .or_else(|| l.strip_prefix("kommuner = [\""))
        })
        .and_then(|l| l.split('"').next())
        .unwrap()
        .to_string();
    let start = text
        .lines()
        .find_map(|l| l.strip_prefix("start = "))
        .unwrap()
        .to_string();
    let activity = text
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .and_then(|l| l.split('"').next())
        .unwrap()
        .to_string();
    let parse_one = median(runs * 20, || {
        let t = std::fs::read_to_string(largest).unwrap();
        std::hint::black_box(toml::from_str::<toml::Table>(&t).unwrap());
    });
    let version = median(runs * 4, || {
        run(&bin, dir, &["--version"]);
    });
    let area = text
        .lines()
        .find_map(|l| l.strip_prefix("area = \""))
        .map(|a| a.trim_end_matches('"').to_string());
    let mut done_args = vec![
        "done",
        kommun.as_str(),
        activity.as_str(),
        "--date",
        start.as_str(),
        "--as-of",
        "2026-01-01",
    ];
    let mut undo_args = vec![
        "undo",
        kommun.as_str(),
        "--date",
        start.as_str(),
        "--as-of",
        "2026-01-01",
    ];
    if let Some(a) = &area {
        done_args.extend(["--area", a.as_str()]);
        undo_args.extend(["--area", a.as_str()]);
    }
    let before = std::fs::read(largest).unwrap();
    let done = median(runs * 4, || {
        assert_eq!(run(&bin, dir, &done_args), 0);
        assert_eq!(run(&bin, dir, &undo_args), 0);
    });
    assert_eq!(
        std::fs::read(largest).unwrap(),
        before,
        "done + undo restores the file"
    );
    let rss = peak_rss(&bin, dir, &STATUS_ALL);
    let size = dir_size(&files);
    println!();
    println!(
        "largest file: {} ({:.0} KB); parsing it into toml::Table: {}",
        largest.file_name().unwrap().to_string_lossy(),
        before.len() as f64 / 1e3,
        ms(parse_one)
    );
    println!(
        "done + undo on it: {} per command = {} of parsing it (a process start, `pledge --version`, is {})",
        ms(done / 2),
        ratio(done / 2, parse_one),
        ms(version)
    );
    if let Some(rss) = rss {
        println!(
            "peak memory of status --all: {:.1} MB = {:.2}x the data set's {:.1} MB",
            rss as f64 / 1e6,
            rss as f64 / size as f64,
            size as f64 / 1e6
        );
    }
    let pledges = Path::new(env!("CARGO_MANIFEST_DIR")).join("pledges");
    let startup_status = median(runs * 4, || {
        run(&bin, &pledges, &["status", "--all"]);
    });
    let startup_version = median(runs * 4, || {
        run(&bin, &pledges, &["--version"]);
    });
    println!(
        "startup: status --all on pledges/ {} vs --version {} = {}",
        ms(startup_status),
        ms(startup_version),
        ratio(startup_status, startup_version)
    );
}
