//! Benchmark on generated national data sets, every figure beside floors measured in the same
//! run. Run through `examples/bench.sh`, which builds and generates the sets:
//!
//!     bash examples/bench.sh                 # N = 1, 2, 4, 10, 20 years
//!     BENCH_RUNS=5 bash examples/bench.sh 4 10
//!
//! or directly: `target/release/examples/bench-national [--before BIN] PLEDGE_BIN DIR...` where
//! each DIR is a set written by gen-national, smallest first. With `--before`, a second binary
//! (say, main's) is measured in the same runs, interleaved, on its own rows.
//!
//! The floors, measured in the same runs as the commands, interleaved, medians:
//! - parse, 1 core: read every file and parse it into a generic `toml::Table`, nothing else;
//! - parse, 2 cores: the same with the files split over two threads (the read commands' floor);
//! - durable append: a separate process (this binary in its hidden `--append-floor` mode)
//!   reads the largest file, writes it with one more line to a temporary file, fsyncs it,
//!   renames it over the file and fsyncs the folder (the floor of `done` and `measure`). It
//!   works on a copy of that file in a folder beside the set (`national-N.append-floor`, the
//!   same file system): a new name in the set's own folder would break the seal `done` keeps
//!   there, and every `done` measured would then list the folder, as the first write after
//!   a `git pull` does, instead of the usual one after another write;
//! - the site's files written: the files of a site made once before the runs, copied with
//!   plain writes into a folder deleted just before (as the site's own folder is); with the
//!   2-core parse, the floor of `site`, which reads the folder and writes that many files.
//!
//! `BENCH_WRITERS=1` measures only the writers (`done`, `measure`) and process start against
//! the durable append, without the parse floors. `BENCH_BEFORE_SUFFIX=-before` runs the
//! `--before` binary in a copy of each set (`national-N-before`, made by the user): two
//! versions in one folder would each rebuild the other's index and seal before every write.
//!
//! Peak memory is the child's maximum resident set size from `wait4`, per MiB of the set.
//! Every command runs with `PLEDGE_AS_OF` set to a day after every generated entry.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The day every command judges on: after every entry of a generated set (they end in 2025).
const AS_OF: &str = "2025-12-31";
/// A ratio that rises by more than this from its lowest at a smaller N is flagged.
const GROWTH: f64 = 1.15;

/// What a case is measured against.
#[derive(Clone, Copy, PartialEq)]
enum Floor {
    TwoCore,
    Append,
    /// The 2-core parse plus writing the same site's files with plain writes.
    SiteWrite,
    None,
}

/// One command line to measure on every set.
struct Case {
    label: String,
    args: Vec<String>,
    floor: Floor,
    /// Runs `done` or `measure`: the file is restored after each run.
    writes: bool,
    /// Writes a site into this folder, emptied before each run.
    site: Option<PathBuf>,
    /// Runs in a copy of the set: its folder with this suffix.
    dir_suffix: Option<String>,
}

/// One generated set and what the cases need from it.
struct Set {
    dir: PathBuf,
    files: Vec<PathBuf>,
    bytes: u64,
    largest: PathBuf,
    kommun: String,
    area: Option<String>,
    activity: String,
    start: String,
}

/// One measurement: wall time and the peak resident memory of the process, when one ran.
#[derive(Clone, Copy)]
struct Sample {
    time: Duration,
    rss: Option<u64>,
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--append-floor") {
        append_floor(Path::new(&args[1]));
        return;
    }
    let before = if args.first().map(String::as_str) == Some("--before") {
        let b = PathBuf::from(&args[1]);
        args.drain(..2);
        Some(b)
    } else {
        None
    };
    if args.len() < 2 {
        eprintln!("usage: bench-national [--before BIN] PLEDGE_BIN DIR...");
        std::process::exit(2);
    }
    let bin = PathBuf::from(&args[0]);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let sets: Vec<Set> = args[1..].iter().map(|d| set(Path::new(d))).collect();
    let mut bins = vec![("", bin)];
    if let Some(b) = before {
        bins.push((" (before)", b));
    }
    let cases = cases(&bins, &sets[0]);
    let mut results = Vec::new();
    for (i, s) in sets.iter().enumerate() {
        eprintln!("measuring {} ({} files)", s.dir.display(), s.files.len());
        results.push(measure_set(s, &cases, runs));
        // The tables so far, in case a long run is stopped; the last ones are complete.
        if i + 1 < sets.len() {
            println!("<!-- after {} of {} sets -->\n", i + 1, sets.len());
        }
        print_tables(&sets[..=i], &cases, &results);
        println!();
    }
}

/// The generated set in `dir`: its files, size and the largest file's kommun, area, first
/// activity and start (for `report` and `done`).
fn set(dir: &Path) -> Set {
    let files = toml_files(dir);
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let largest = files
        .iter()
        .max_by_key(|f| std::fs::metadata(f).unwrap().len())
        .unwrap()
        .clone();
    let text = std::fs::read_to_string(&largest).unwrap();
    let value = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|l| l.trim_matches(|c| c == '"' || c == '[' || c == ']'))
            .map(|l| l.split('"').next().unwrap().to_string())
    };
    Set {
        kommun: value("kommun = ").or_else(|| value("kommuner = ")).unwrap(),
        area: value("area = "),
        activity: value("id = ").unwrap(),
        start: value("start = ").unwrap(),
        dir: dir.to_path_buf(),
        files,
        bytes,
        largest,
    }
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

/// The cases for every binary: the read commands, `report` and `done` on the largest file's
/// kommun (placeholders filled per set), and `site` when the binary has it.
fn cases(bins: &[(&str, PathBuf)], first: &Set) -> Vec<(PathBuf, Case)> {
    let read: &[(&str, &[&str])] = &[
        ("validate", &["validate"]),
        ("status --all", &["status", "--all"]),
        (
            "status --all --format json",
            &["status", "--all", "--format", "json"],
        ),
        ("check", &["check"]),
        ("list", &["list"]),
        ("log", &["log"]),
        ("log --format json", &["log", "--format", "json"]),
        ("log --format csv", &["log", "--format", "csv"]),
        ("report KOMMUN", &["report", "{kommun}", "{area}"]),
    ];
    let mut out = Vec::new();
    for (suffix, bin) in bins {
        let has = subcommands(bin);
        let mut add = |label: &str, args: &[&str], floor: Floor, site: Option<PathBuf>| {
            out.push((
                bin.clone(),
                Case {
                    label: format!("{label}{suffix}"),
                    args: args.iter().map(|s| s.to_string()).collect(),
                    floor,
                    writes: args[0] == "done" || args[0] == "measure",
                    site,
                    dir_suffix: (!suffix.is_empty())
                        .then(|| std::env::var("BENCH_BEFORE_SUFFIX").ok())
                        .flatten(),
                },
            ))
        };
        for (label, args) in read {
            add(label, args, Floor::TwoCore, None);
        }
        add(
            "done (largest file)",
            &[
                "done",
                "{kommun}",
                "{activity}",
                "--date",
                "{start}",
                "{area}",
            ],
            Floor::Append,
            None,
        );
        add(
            "--version (process start)",
            &["--version"],
            Floor::None,
            None,
        );
        if has.iter().any(|c| c == "site") {
            let outdir = first
                .dir
                .with_file_name(format!("site-out{}", suffix.len()));
            let outdir_s = outdir.display().to_string();
            add("site", &["site", &outdir_s], Floor::SiteWrite, Some(outdir));
        } else {
            eprintln!("{}: no `site` subcommand; skipped", bin.display());
        }
        if has.iter().any(|c| c == "measure") {
            add(
                "measure (largest file)",
                &[
                    "measure", "{kommun}", "trygghet", "71.5", "--date", "{start}", "{area}",
                ],
                Floor::Append,
                None,
            );
        } else {
            eprintln!("{}: no `measure` subcommand; skipped", bin.display());
        }
    }
    if std::env::var_os("BENCH_WRITERS").is_some() {
        out.retain(|(_, c)| matches!(c.floor, Floor::Append | Floor::None));
    }
    out
}

/// The subcommands `pledge help` lists.
fn subcommands(bin: &Path) -> Vec<String> {
    let out = Command::new(bin).arg("help").output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// The arguments of a case on one set.
fn args_for(case: &Case, s: &Set) -> Vec<String> {
    let mut out = Vec::new();
    for a in &case.args {
        match a.as_str() {
            "{kommun}" => out.push(s.kommun.clone()),
            "{activity}" => out.push(s.activity.clone()),
            "{start}" => out.push(s.start.clone()),
            "{area}" => {
                if let Some(area) = &s.area {
                    out.extend(["--area".to_string(), area.clone()]);
                }
            }
            _ => out.push(a.clone()),
        }
    }
    out
}

/// Runs a command to its end; its wall time and peak memory (from `wait4`, which reaps it).
#[allow(clippy::zombie_processes)]
fn run(bin: &Path, dir: &Path, args: &[String]) -> (Sample, i32) {
    let t = Instant::now();
    let child = Command::new(bin)
        .args(args)
        .env("PLEDGE_DIR", dir)
        .env("PLEDGE_USER", "bench")
        .env("PLEDGE_AS_OF", AS_OF)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (code, rss) = wait4(child.id() as i32);
    let time = t.elapsed();
    (
        Sample {
            time,
            rss: Some(rss),
        },
        code,
    )
}

/// Waits for a child: its exit code and maximum resident set size in bytes.
fn wait4(pid: i32) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for the child it reaps.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage.ru_maxrss as u64 * 1024)
}

/// The 1-core floor: read and parse every file into a `toml::Table`.
fn parse_files(files: &[PathBuf]) {
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        std::hint::black_box(toml::from_str::<toml::Table>(&text).unwrap());
    }
}

/// The 2-core floor: the same, every other file on a second thread.
fn parse_files_2(files: &[PathBuf]) {
    let (a, b): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % 2 == 0);
    let strip = |v: Vec<(usize, PathBuf)>| v.into_iter().map(|(_, p)| p).collect::<Vec<_>>();
    let (a, b) = (strip(a), strip(b));
    std::thread::scope(|s| {
        s.spawn(|| parse_files(&b));
        parse_files(&a);
    });
}

/// The hidden `--append-floor FILE` mode: one durable append, as `done` makes it.
fn append_floor(file: &Path) {
    let mut text = std::fs::read(file).unwrap();
    text.extend_from_slice(b"\n# appended by the benchmark's floor\n");
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = dir.join(".bench-append.tmp");
    let mut f = std::fs::File::create(&tmp).unwrap();
    f.write_all(&text).unwrap();
    f.sync_all().unwrap();
    std::fs::rename(&tmp, file).unwrap();
    std::fs::File::open(dir).unwrap().sync_all().unwrap();
}

/// Measures one set: floors and cases interleaved in every run; medians per case.
fn measure_set(s: &Set, cases: &[(PathBuf, Case)], runs: usize) -> Results {
    let me = std::env::current_exe().unwrap();
    let original = std::fs::read(&s.largest).unwrap();
    // The append floor's copy of the largest file, beside the set (see the top).
    let floor_dir = s.dir.with_extension("append-floor");
    std::fs::create_dir_all(&floor_dir).unwrap();
    let floor_file = floor_dir.join(s.largest.file_name().unwrap());
    // The site's files, made once, for the floor of `site`: the same files written by plain
    // writes into a folder deleted just before, as the site's own is.
    let site = cases
        .iter()
        .find_map(|(bin, c)| Some((bin, c, c.site.as_ref()?)));
    let site_ref = site.map(|(bin, case, out)| {
        let reference = out.with_extension("reference");
        let _ = std::fs::remove_dir_all(&reference);
        let mut args = args_for(case, s);
        *args.last_mut().unwrap() = reference.display().to_string();
        run(bin, &s.dir, &args);
        (reference, out.with_extension("floor"))
    });
    let mut floors: [Vec<Duration>; 4] = Default::default();
    let mut samples: Vec<Vec<(Sample, i32)>> = vec![Vec::new(); cases.len()];
    let reads = cases.iter().any(|(_, c)| c.floor == Floor::TwoCore);
    // Where a case runs, and its copy of the largest file to restore after a write.
    let dir_of = |c: &Case| match &c.dir_suffix {
        Some(x) => PathBuf::from(format!("{}{x}", s.dir.display())),
        None => s.dir.clone(),
    };
    for _ in 0..runs {
        let t = Instant::now();
        if reads {
            parse_files(&s.files);
        }
        floors[0].push(t.elapsed());
        let t = Instant::now();
        if reads {
            parse_files_2(&s.files);
        }
        floors[1].push(t.elapsed());
        std::fs::write(&floor_file, &original).unwrap();
        let largest = [
            "--append-floor".to_string(),
            floor_file.display().to_string(),
        ];
        floors[2].push(run(&me, &floor_dir, &largest).0.time);
        if let Some((reference, floor)) = &site_ref {
            let _ = std::fs::remove_dir_all(floor);
            let t = Instant::now();
            copy_tree(reference, floor);
            floors[3].push(t.elapsed());
        }
        for (i, (bin, case)) in cases.iter().enumerate() {
            if let Some(site) = &case.site {
                let _ = std::fs::remove_dir_all(site);
            }
            samples[i].push(run(bin, &dir_of(case), &args_for(case, s)));
            if case.writes {
                let copy = dir_of(case).join(s.largest.file_name().unwrap());
                std::fs::write(copy, &original).unwrap();
            }
        }
    }
    let med = |mut v: Vec<Duration>| {
        v.sort();
        v.get(v.len() / 2).copied()
    };
    let [p1, p2, ap, sw] = floors;
    let per_case = samples
        .into_iter()
        .map(|mut v| {
            let code = v.iter().map(|x| x.1).max().unwrap();
            v.sort_by_key(|x| x.0.time);
            let mut rss: Vec<u64> = v.iter().filter_map(|x| x.0.rss).collect();
            rss.sort();
            let time = v[v.len() / 2].0.time;
            (
                Sample {
                    time,
                    rss: rss.get(rss.len() / 2).copied(),
                },
                code,
            )
        })
        .collect();
    Results {
        parse1: med(p1).unwrap(),
        parse2: med(p2).unwrap(),
        append: med(ap).unwrap(),
        site_write: med(sw),
        cases: per_case,
    }
}

/// Copies a folder's files (no fsync), folders first, as `cp -r` does. Without reading whole
/// files into this process: a child's peak memory from `wait4` starts at this process's
/// resident set, so the benchmark keeps its own small.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dest);
        } else {
            let mut src = std::fs::File::open(e.path()).unwrap();
            std::io::copy(&mut src, &mut std::fs::File::create(&dest).unwrap()).unwrap();
        }
    }
}

/// The floors of one set and each case's median sample and exit code.
struct Results {
    parse1: Duration,
    parse2: Duration,
    append: Duration,
    /// Writing the site's files (when a case writes a site).
    site_write: Option<Duration>,
    cases: Vec<(Sample, i32)>,
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn mib(b: u64) -> f64 {
    b as f64 / (1u64 << 20) as f64
}

/// Whether a row's last figure rose by more than [`GROWTH`] from its lowest at a smaller N.
fn grows(v: &[f64]) -> bool {
    match v.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let low = rest.iter().copied().fold(f64::INFINITY, f64::min);
            *last > low * GROWTH
        }
        _ => false,
    }
}

fn print_tables(sets: &[Set], cases: &[(PathBuf, Case)], results: &[Results]) {
    let years = |s: &Set| {
        s.dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .rsplit('-')
            .next()
            .unwrap()
            .to_string()
    };
    println!(
        "| N (years) | files | MiB | parse, 1 core | parse, 2 cores | durable append | site's files written |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (s, r) in sets.iter().zip(results) {
        println!(
            "| {} | {} | {:.1} | {} | {} ({:.2}x) | {} | {} |",
            years(s),
            s.files.len(),
            mib(s.bytes),
            ms(r.parse1),
            ms(r.parse2),
            r.parse2.as_secs_f64() / r.parse1.as_secs_f64(),
            ms(r.append),
            r.site_write.map_or("–".into(), ms)
        );
    }
    let heads: Vec<String> = sets.iter().map(|s| format!("N={}", years(s))).collect();
    println!();
    println!(
        "Time as a multiple of its floor (read commands: the 2-core parse; `done` and `measure`: \
         the durable append; `site`: the 2-core parse plus writing the site's files; \
         `--version`: absolute), medians; ↑ marks a ratio that grows with N."
    );
    println!();
    println!(
        "| command | {} | at N={} | trend |",
        heads.join(" | "),
        years(sets.last().unwrap())
    );
    println!("|---|{}---|---|", "---|".repeat(sets.len()));
    for (i, (_, case)) in cases.iter().enumerate() {
        let ratios: Vec<f64> = results
            .iter()
            .map(|r| {
                let t = r.cases[i].0.time.as_secs_f64();
                match case.floor {
                    Floor::TwoCore => t / r.parse2.as_secs_f64(),
                    Floor::Append => t / r.append.as_secs_f64(),
                    Floor::SiteWrite => {
                        t / (r.parse2 + r.site_write.unwrap_or_default()).as_secs_f64()
                    }
                    Floor::None => t * 1e3,
                }
            })
            .collect();
        let cells: Vec<String> = ratios
            .iter()
            .zip(results)
            .map(|(x, r)| {
                let code = r.cases[i].1;
                let mark = if code != 0 {
                    format!(" (exit {code})")
                } else {
                    String::new()
                };
                if case.floor == Floor::None {
                    format!("{x:.1} ms{mark}")
                } else {
                    format!("{x:.2}x{mark}")
                }
            })
            .collect();
        let flag = case.floor != Floor::None && grows(&ratios);
        println!(
            "| {} | {} | {} | {} |",
            case.label,
            cells.join(" | "),
            ms(results.last().unwrap().cases[i].0.time),
            if flag { "↑ grows" } else { "flat" }
        );
    }
    print_memory(sets, cases, results, &heads);
}

fn print_memory(sets: &[Set], cases: &[(PathBuf, Case)], results: &[Results], heads: &[String]) {
    println!();
    println!("Peak memory (maximum resident set) per MiB of data; ↑ marks growth with N.");
    println!();
    println!("| command | {} | at N={} | trend |", heads.join(" | "), {
        let h = heads.last().unwrap();
        h.trim_start_matches("N=").to_string()
    });
    println!("|---|{}---|---|", "---|".repeat(sets.len()));
    for (i, (_, case)) in cases.iter().enumerate() {
        if case.floor == Floor::None {
            continue;
        }
        let per: Vec<f64> = results
            .iter()
            .zip(sets)
            .map(|(r, s)| {
                r.cases[i]
                    .0
                    .rss
                    .map_or(f64::NAN, |b| b as f64 / s.bytes as f64)
            })
            .collect();
        let cells: Vec<String> = per.iter().map(|x| format!("{x:.2}")).collect();
        let last = results.last().unwrap().cases[i].0.rss.unwrap_or(0);
        println!(
            "| {} | {} | {:.0} MiB | {} |",
            case.label,
            cells.join(" | "),
            mib(last),
            if case.floor != Floor::Append && grows(&per) {
                "↑ grows"
            } else {
                "flat"
            }
        );
    }
}
