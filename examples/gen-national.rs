//! Writes a deterministic, valid, realistic national data set of medborgarlöften: every one of
//! the 290 kommuner, one löfte per kommun per year (some two-year ones, some shared by
//! several kommuner), 3 to 10 activities each, and logs of realistic density (about 100
//! entries per löfte-year). Demo data: never put it in pledges/.
//!
//!     cargo run --release --example gen-national -- --out DIR --years N [--seed S]

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{Datelike, Duration, NaiveDate};
use pledge::edit::record::{NewEntry, render_entry};
use pledge::kommuner::{self, Kommun};
use pledge::text::slug;
use pledge::text::toml_string;

/// splitmix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The last year of every set: a set of N years runs from `LAST_YEAR - N + 1` to it, so every
/// entry is in the past (a set is valid on any day from 2026 on) and `--as-of 2025-12-31`
/// judges every set on the last day of its last year.
const LAST_YEAR: i32 = 2025;

struct Kind {
    id: &'static str,
    text: &'static str,
    /// (count, per) or "once" or none
    target: &'static str,
    /// Log entries per year, roughly.
    per_year: u32,
}

const KINDS: &[Kind] = &[
    Kind {
        id: "samverkansmoten",
        text: "Samverkansmöten en gång i veckan med kommunens samverkanspartners.",
        target: "{ count = 1, per = \"week\" }",
        per_year: 50,
    },
    Kind {
        id: "trygghetsvandring",
        text: "Kommunen och polisen genomför trygghetsvandringar vid minst två tillfällen under året.",
        target: "{ count = 2, per = \"year\" }",
        per_year: 3,
    },
    Kind {
        id: "fotpatrull",
        text: "Fotpatrullering och kontaktskapande med allmänheten i centrum.",
        target: "{ count = 4, per = \"month\" }",
        per_year: 50,
    },
    Kind {
        id: "hastighetskontroller",
        text: "Hastighetskontroller i kommunens samtliga kommundelar.",
        target: "{ count = 6, per = \"quarter\" }",
        per_year: 25,
    },
    Kind {
        id: "narkotikainsatser",
        text: "Minst 25 insatser mot narkotikaförsäljning under perioden.",
        target: "{ count = 25, per = \"period\" }",
        per_year: 15,
    },
    Kind {
        id: "belysning",
        text: "Kommunen lovar att skapa tryggare belysning i centrum.",
        target: "\"once\"",
        per_year: 1,
    },
    Kind {
        id: "grannsamverkan",
        text: "Uppstartsmöten för grannsamverkan minst två gånger per halvår.",
        target: "{ count = 2, per = \"half-year\" }",
        per_year: 4,
    },
    Kind {
        id: "ungdomar-riskzon",
        text: "Ökad samverkan kring ungdomar i riskzonen.",
        target: "",
        per_year: 8,
    },
    Kind {
        id: "polisvolontarer",
        text: "Polisvolontärer i trygghetsskapande syfte vid större evenemang.",
        target: "",
        per_year: 5,
    },
    Kind {
        id: "andt",
        text: "ANDT-förebyggande arbete i skolorna.",
        target: "",
        per_year: 6,
    },
    Kind {
        id: "cityvardar",
        text: "Att införa cityvärdar vid resecentrum.",
        target: "\"once\"",
        per_year: 1,
    },
    Kind {
        id: "medborgarmoten",
        text: "Medborgarmöten i olika delar av kommunen.",
        target: "{ count = 3, per = \"year\" }",
        per_year: 3,
    },
];

const OWNERS: &[&str] = &[
    "[\"polisen\"]",
    "[\"kommunen\"]",
    "[\"polisen\", \"kommunen\"]",
    "[{ who = \"polisen\", role = \"upptäckt och lagföring\" }, { who = \"kommunen\", role = \"uppföljning och vård\" }]",
    "[\"kommunen\", \"Bostadsbolaget\"]",
    "[\"Räddningstjänsten\"]",
];

const PEOPLE: &[&str] = &[
    "Anna Lind",
    "Erik Berg",
    "Sara Ek",
    "Johan Holm",
    "Maria Nyström",
    "Ali Hassan",
];
const PLACES: &[&str] = &[
    "Centrum",
    "Resecentrum",
    "Skolan",
    "Torget",
    "Parken",
    "Idrottsplatsen",
    "Hamnen",
];

fn main() {
    let mut out: Option<PathBuf> = None;
    let mut years: i32 = 1;
    let mut seed: u64 = 1;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value())),
            "--years" => {
                years = value()
                    .parse()
                    .unwrap_or_else(|_| usage("--years takes a number"))
            }
            "--seed" => {
                seed = value()
                    .parse()
                    .unwrap_or_else(|_| usage("--seed takes a number"))
            }
            _ => usage(&format!("unknown argument {a}")),
        }
    }
    let out = out.unwrap_or_else(|| usage("--out DIR is required"));
    if !(1..=50).contains(&years) {
        usage("--years is 1 to 50");
    }
    std::fs::create_dir_all(&out).expect("cannot create the output folder");
    let (files, bytes, entries) = generate(&out, years, seed);
    eprintln!(
        "wrote {files} files, {entries} log entries, {:.1} MB to {}",
        bytes as f64 / 1e6,
        out.display()
    );
}

fn usage(msg: &str) -> ! {
    eprintln!("gen-national: {msg}\nusage: gen-national --out DIR --years N [--seed S]");
    std::process::exit(2)
}

/// Writes the set; returns (files, bytes, log entries). Every kommun has one löfte per year;
/// about one in ten also has two-year löften for its centre, and about one in twelve shares a
/// yearly löfte with the next kommun of its län (for joint work across the lokalpolisområde).
fn generate(out: &std::path::Path, years: i32, seed: u64) -> (usize, usize, usize) {
    let mut rng = Rng(seed);
    let all = kommuner::all();
    let (mut files, mut bytes, mut entries) = (0, 0, 0);
    let last_year = LAST_YEAR;
    let first_year = LAST_YEAR - years + 1;
    let mut write = |group: &[&Kommun], area: Option<&str>, from: i32, to: i32, rng: &mut Rng| {
        let (text, n) = pledge_file(rng, group, area, from, to);
        // Håbo and Habo share a slug: such names get the kommunkod too.
        let mut stem = slug(group[0].name);
        if all.iter().filter(|k| slug(k.name) == stem).count() > 1 {
            stem = format!("{stem}-{}", group[0].kod);
        }
        if let Some(a) = area {
            stem = format!("{stem}-{}", slug(a));
        }
        let name = format!("{stem}-{}.toml", pledge::text::years(from, to));
        std::fs::write(out.join(name), &text).expect("cannot write a file");
        files += 1;
        bytes += text.len();
        entries += n;
    };
    let mut in_joint = false;
    for (i, k) in all.iter().enumerate() {
        let centre = rng.chance(10);
        // A kommun takes part in at most one joint löfte, so they never overlap.
        let joint = all
            .get(i + 1)
            .filter(|next| !in_joint && next.lanskod == k.lanskod && rng.chance(8));
        in_joint = joint.is_some();
        for year in first_year..=last_year {
            write(&[k], None, year, year, &mut rng);
            if centre && (year - first_year) % 2 == 0 {
                write(
                    &[k],
                    Some("Centrum"),
                    year,
                    (year + 1).min(last_year),
                    &mut rng,
                );
            }
            if let Some(next) = joint {
                write(
                    &[k, next],
                    Some("Gemensamma insatser"),
                    year,
                    year,
                    &mut rng,
                );
            }
        }
    }
    (files, bytes, entries)
}

fn pledge_file(
    rng: &mut Rng,
    group: &[&Kommun],
    area: Option<&str>,
    from: i32,
    to: i32,
) -> (String, usize) {
    let start = NaiveDate::from_ymd_opt(from, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(to, 12, 31).unwrap();
    let names: Vec<&str> = group.iter().map(|k| k.name).collect();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Generated by examples/gen-national.rs: demo data, not a real löfte."
    );
    let years = pledge::text::years(from, to);
    let _ = writeln!(
        s,
        "title = {}",
        toml_string(&format!("Medborgarlöfte för {} {years}", names.join(", ")))
    );
    if let [one] = group {
        let _ = writeln!(s, "kommun = {}", toml_string(one.name));
    } else {
        let list: Vec<String> = names.iter().map(|n| toml_string(n)).collect();
        let _ = writeln!(s, "kommuner = [{}]", list.join(", "));
    }
    if let Some(a) = area {
        let _ = writeln!(s, "area = {}", toml_string(a));
    }
    let _ = writeln!(s, "lokalpolisomrade = {}", toml_string(group[0].name));
    let _ = writeln!(
        s,
        "signed = {}",
        start + Duration::days(rng.below(40) as i64)
    );
    let _ = writeln!(
        s,
        "promise = \"Kommunen och polisen ska gemensamt arbeta för ökad trygghet i {}.\"\n",
        names[0]
    );
    let _ = writeln!(s, "[period]\nstart = {start}\nend = {end}\n");
    let _ = writeln!(
        s,
        "[problem]\ntitle = \"Otrygghet i centrum\"\npriorities = [\"Narkotika\", \"Trafik\", \"Otrygga miljöer\"]\ntext = \"\"\"\nMedborgardialoger och trygghetsmätningar visar att {} upplevs som otryggt kvällstid.\"\"\"\n",
        PLACES[rng.below(PLACES.len() as u64) as usize]
    );
    let n_act = 3 + rng.below(8) as usize;
    let mut kinds: Vec<&Kind> = KINDS.iter().collect();
    // A deterministic shuffle, then the first n.
    for k in (1..kinds.len()).rev() {
        kinds.swap(k, rng.below(k as u64 + 1) as usize);
    }
    kinds.truncate(n_act);
    for k in &kinds {
        let _ = writeln!(
            s,
            "[[activity]]\nid = \"{}\"\ntext = {}\nowners = {}",
            k.id,
            toml_string(k.text),
            rng.pick(OWNERS)
        );
        if !k.target.is_empty() {
            let _ = writeln!(s, "target = {}", k.target);
        }
        s.push('\n');
    }
    let _ = writeln!(
        s,
        "[followup]\nwhen = {}\nhow = \"Redovisning av antalet genomförda aktiviteter och trygghetsmätningen.\"\nresponsible = \"kommunpolisen\"\npresented = \"BRÅ\"\n",
        if rng.chance(50) {
            format!("\"{}-Q1\"", to + 1)
        } else {
            "\"yearly\"".to_string()
        }
    );
    // One outcome indicator, measured each year of the period by the trygghetsmätning (as
    // `pledge measure` appends it, after the log); values derived from the kommun and year,
    // so the log above is the same as without them.
    let level = |year: i32| {
        let kod: i32 = group[0].kod.parse().unwrap_or(0);
        50.0 + f64::from((kod * 7 + year * 13).rem_euclid(300)) / 10.0
    };
    let _ = writeln!(
        s,
        "[[indicator]]\nid = \"trygghet\"\nname = \"Andel som känner sig trygga i centrum på kvällen\"\nsource = \"Polisens trygghetsmätning\"\ndirection = \"higher\"\nunit = \"procent\"\nbaseline = {{ value = {:.1}, year = {} }}\ngoal = \"better-than-baseline\"\ncadence = \"yearly\"\nfollows = [\"{}\"]\n",
        level(from - 1),
        from - 1,
        kinds[0].id
    );
    let _ = writeln!(
        s,
        "# Completed work is recorded below by `pledge done` as [[log]] entries."
    );
    // The log, in date order, as `pledge done` appends it.
    let mut log: Vec<NewEntry> = Vec::new();
    let days = (end - start).num_days() + 1;
    let years = f64::from(to - from + 1);
    for k in &kinds {
        let n =
            (f64::from(k.per_year) * years * (0.8 + rng.below(60) as f64 / 100.0)).round() as usize;
        for _ in 0..n.max(1) {
            let date = start + Duration::days(rng.below(days as u64) as i64);
            log.push(NewEntry {
                date,
                activity: k.id.to_string(),
                part: None,
                unit: None,
                kommun: None,
                request: false,
                instead_of_slot: false,
                event: false,
                count: if rng.chance(10) {
                    1 + rng.below(5) as u32
                } else {
                    1
                },
                by: Some(rng.pick(PEOPLE).to_string()),
                note: rng.chance(70).then(|| {
                    format!(
                        "{}, {} deltagare, vecka {}",
                        rng.pick(PLACES),
                        3 + rng.below(30),
                        date.iso_week().week()
                    )
                }),
            });
        }
    }
    let fu_date = NaiveDate::from_ymd_opt(to + 1, 2, 1 + rng.below(27) as u32).unwrap();
    if fu_date < NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() && rng.chance(70) {
        log.push(NewEntry {
            date: fu_date,
            activity: "followup".into(),
            part: None,
            unit: None,
            kommun: None,
            request: false,
            instead_of_slot: false,
            event: false,
            count: 1,
            by: Some("BRÅ-sekreteraren".into()),
            note: Some("Uppföljningen redovisad på BRÅ-mötet.".into()),
        });
    }
    log.sort_by_key(|e| e.date);
    for e in &log {
        s.push('\n');
        s.push_str(&render_entry(e, "\n"));
    }
    for year in from..=to {
        let date = NaiveDate::from_ymd_opt(year, 11, 20).unwrap();
        if date < NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() {
            let _ = write!(
                s,
                "\n[[measurement]]\nindicator = \"trygghet\"\ndate = {date}\nvalue = {:.1}\nsource = \"Polisens trygghetsmätning {year}\"\n",
                level(year)
            );
        }
    }
    (s, log.len())
}
