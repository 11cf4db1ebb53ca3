//! The file format, checked through the library: the README's annotated example, and the
//! holes of issue 12 (items 2, 11, 14, 15, 16) and issue 16 (merge conflicts) that the loader
//! closes.

use chrono::NaiveDate;
use pledge::load::{Loaded, load};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A valid file with one activity; `extra` is added at the end, `edit` changes one line.
fn file(edit: (&str, &str), extra: &str) -> String {
    let base = "title = \"Test\"\nkommun = \"Filipstad\"\n\n[period]\nstart = 2016-01-01\n\
                end = 2016-12-31\n\n[[activity]]\nid = \"walk\"\ntext = \"Vandringar.\"\n\
                owners = [\"kommunen\"]\ntarget = { count = 2, per = \"year\" }\n\n\
                [followup]\nwhen = \"2017-Q1\"\n";
    assert!(edit.0.is_empty() || base.contains(edit.0), "{}", edit.0);
    format!("{}{extra}", base.replacen(edit.0, edit.1, 1))
}

/// What a diagnostic says in English.
fn en(s: &pledge::load::says::Says) -> String {
    use pledge::view::messages::Words;
    s.say(pledge::view::i18n::Lang::En)
}

fn errors(l: &Loaded) -> Vec<String> {
    l.diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| en(&d.message))
        .collect()
}

fn only_error(text: &str) -> String {
    let l = load("t.toml", text, day("2020-01-01"));
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(l.pledge.is_none());
    e[0].to_string()
}

#[test]
fn the_base_file_is_valid() {
    let l = load("t.toml", &file(("", ""), ""), day("2020-01-01"));
    assert!(l.diags.is_empty(), "{:?}", l.diags);
}

/// The annotated example in the README (the `toml` block after "One file per löfte") is a
/// valid file as written, with no warning.
#[test]
fn the_readme_example_validates() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let after = &readme[readme
        .find("One file per löfte")
        .expect("the format section")..];
    let start = after.find("```toml\n").expect("the example") + "```toml\n".len();
    let example = &after[start..start + after[start..].find("```").unwrap()];
    assert!(example.contains("[[activity]]") && example.contains("[[log]]"));
    let l = load("README.md", example, day("2020-01-01"));
    assert!(l.diags.is_empty(), "{:?}", l.diags);
    let p = l.pledge.unwrap();
    assert_eq!(p.activities.len(), 2);
    assert_eq!(p.log.len(), 1);
}

/// Issue 12, item 2: `done` would append `[[log]]` after it and break the file.
#[test]
fn an_empty_inline_log_is_an_error() {
    let text = file(
        (
            "kommun = \"Filipstad\"\n",
            "kommun = \"Filipstad\"\nlog = []\n",
        ),
        "",
    );
    assert_eq!(only_error(&text), "log entries must be `[[log]]` tables");
}

/// Issue 12, item 11: a period of thousands of years makes every window list huge.
#[test]
fn an_absurd_period_is_an_error() {
    assert_eq!(
        only_error(&file(("end = 2016-12-31", "end = 9999-12-31"), "")),
        "the period from 2016-01-01 to 9999-12-31 is longer than 10 years"
    );
    let ten = file(("end = 2016-12-31", "end = 2025-12-31"), "");
    assert!(errors(&load("t.toml", &ten, day("2020-01-01"))).is_empty());
    let more = file(("end = 2016-12-31", "end = 2026-01-01"), "");
    assert_eq!(errors(&load("t.toml", &more, day("2020-01-01"))).len(), 1);
    let ancient = file(("start = 2016-01-01", "start = 0001-01-01"), "");
    assert!(only_error(&ancient).contains("longer than 10 years"));
}

/// Issue 12, item 14: the words for the follow-up itself can never be recorded as activities.
#[test]
fn follow_up_words_are_reserved_ids() {
    for id in ["followup", "uppfoljning", "uppföljning", "follow-up"] {
        let text = file(("id = \"walk\"", &format!("id = \"{id}\"")), "");
        assert_eq!(
            only_error(&text),
            format!("the activity id \"{id}\" is reserved for recording the follow-up")
        );
    }
}

/// Issue 12, item 15: counts beyond any real work (or beyond u32) are rejected.
#[test]
fn absurd_counts_are_errors() {
    for count in ["0", "10001", "4294967295", "4294967296"] {
        let text = file(("count = 2,", &format!("count = {count},")), "");
        assert_eq!(
            only_error(&text),
            format!("target count must be a whole number from 1 to 10000, found {count}")
        );
        let entry = format!("\n[[log]]\ndate = 2016-05-01\nactivity = \"walk\"\ncount = {count}\n");
        assert_eq!(
            only_error(&file(("", ""), &entry)),
            format!("log count must be a whole number from 1 to 10000, found {count}")
        );
    }
    let most = "\n[[log]]\ndate = 2016-05-01\nactivity = \"walk\"\ncount = 10000\n";
    let l = load("t.toml", &file(("", ""), most), day("2020-01-01"));
    assert_eq!(l.pledge.unwrap().log[0].count, 10_000);
}

/// Issue 12, item 16: one rule for "in the future", whatever the command.
#[test]
fn the_future_is_one_rule() {
    use pledge::model::future_cutoff;
    let today = day("2026-11-22");
    assert_eq!(future_cutoff(None, today), today);
    // Looking back never turns entries already written into future ones.
    assert_eq!(future_cutoff(Some(day("2016-10-16")), today), today);
    // Looking ahead (to try a later date) moves the day forward.
    assert_eq!(
        future_cutoff(Some(day("2030-01-01")), today),
        day("2030-01-01")
    );
    let entry = "\n[[log]]\ndate = 2016-05-02\nactivity = \"walk\"\n";
    let on = |d: &str| load("t.toml", &file(("", ""), entry), day(d));
    assert!(!on("2016-05-02").has_errors());
    assert_eq!(
        errors(&on("2016-05-01")),
        ["log entry dated in the future (2016-05-02)"]
    );
}

/// Issue 16: a file with conflict markers says so, with the line of each marker.
#[test]
fn merge_conflict_markers_are_named() {
    let entries = "\n[[log]]\n<<<<<<< ours\ndate = 2016-05-01\n||||||| base\n=======\n\
                   date = 2016-05-02\n>>>>>>> theirs\nactivity = \"walk\"\n";
    let text = file(("", ""), entries);
    let l = load("t.toml", &text, day("2020-01-01"));
    let lines: Vec<String> = l
        .diags
        .iter()
        .map(|d| {
            pledge::view::diag_words::one_line("t.toml", &text, d, pledge::view::i18n::Lang::En)
        })
        .collect();
    assert_eq!(
        lines,
        [
            "t.toml:18:1: error: resolve the merge conflict: `<<<<<<<` is left in the file",
            "t.toml:20:1: error: resolve the merge conflict: `|||||||` is left in the file",
            "t.toml:21:1: error: resolve the merge conflict: `=======` is left in the file",
            "t.toml:23:1: error: resolve the merge conflict: `>>>>>>>` is left in the file",
        ]
    );
    // A line that only starts with '=' signs is no marker.
    let text = file(
        ("text = \"Vandringar.\"", "text = \"\"\"\n======== x\"\"\""),
        "",
    );
    assert!(!load("t.toml", &text, day("2020-01-01")).has_errors());
}

/// Issue 17: overlaps are found among löften of the same kommun only, in the order and with
/// the messages of the pairwise comparison.
#[test]
fn overlaps_pair_only_loften_of_one_kommun() {
    let mk = |kommun: &str, start: &str, end: &str| {
        let text = file(("", ""), "")
            .replace("Filipstad", kommun)
            .replace("2016-01-01", start)
            .replace("2016-12-31", end);
        load(&format!("{kommun}-{start}.toml"), &text, day("2030-01-01"))
            .pledge
            .unwrap()
    };
    let ps = [
        mk("Filipstad", "2016-01-01", "2016-12-31"),
        mk("Kil", "2016-01-01", "2016-12-31"),
        mk("Filipstad", "2016-06-01", "2017-05-31"),
        mk("Kil", "2017-01-01", "2017-12-31"),
        mk("Filipstad", "2016-12-01", "2017-12-31"),
    ];
    let refs: Vec<_> = ps.iter().collect();
    let found: Vec<(usize, String)> = pledge::load::validate::overlaps(&refs)
        .into_iter()
        .map(|(i, d)| (i, en(&d.message)))
        .collect();
    assert_eq!(
        found,
        [
            (
                2,
                "this löfte for Filipstad overlaps Filipstad-2016-01-01.toml (2016-01-01 to 2016-12-31)".to_string()
            ),
            (
                4,
                "this löfte for Filipstad overlaps Filipstad-2016-01-01.toml (2016-01-01 to 2016-12-31)".to_string()
            ),
            (
                4,
                "this löfte for Filipstad overlaps Filipstad-2016-06-01.toml (2016-06-01 to 2017-05-31)".to_string()
            ),
        ]
    );
}

/// Issue 25: 4,000 copies of one löfte (a copied folder) are one warning, not one per pair;
/// a different löfte overlapping them is still named, once.
#[test]
fn copies_of_a_lofte_are_one_warning() {
    let text = file(("", ""), "");
    let base = load("copy.toml", &text, day("2030-01-01")).pledge.unwrap();
    let copies: Vec<_> = (0..4000)
        .map(|i| {
            let mut p = base.clone();
            p.file = format!("copy-{i:04}.toml");
            p
        })
        .collect();
    let other = load(
        "other.toml",
        &text.replace("2016-01-01", "2016-06-01"),
        day("2030-01-01"),
    )
    .pledge
    .unwrap();
    let mut refs: Vec<_> = copies.iter().collect();
    refs.push(&other);
    let found: Vec<(usize, String)> = pledge::load::validate::overlaps(&refs)
        .into_iter()
        .map(|(i, d)| (i, en(&d.message)))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, 1);
    assert!(
        found[0].1.starts_with(
            "this löfte for Filipstad overlaps copy-0000.toml (2016-01-01 to 2016-12-31), and \
             3998 more files hold the same löfte: copy-0002.toml, copy-0003.toml,"
        ),
        "{}",
        found[0].1
    );
    assert!(found[0].1.len() < 400, "{}", found[0].1);
    assert_eq!(
        found[1],
        (
            4000,
            "this löfte for Filipstad overlaps copy-0000.toml (2016-01-01 to 2016-12-31)"
                .to_string()
        )
    );
}

/// The binary, with none of the caller's settings.
fn pledge_bin() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("pledge").unwrap();
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("PLEDGE_")
            || k.starts_with("LC_")
            || ["LANG", "COLUMNS"].contains(&k.as_str())
        {
            c.env_remove(k);
        }
    }
    c
}

/// Issue 12, item 16, through the commands: an entry dated after `--as-of` (but not after the
/// real today) is accepted by `validate` as by `check` and `status`.
#[test]
fn validate_and_check_agree_on_the_future() {
    // tests/fixtures/odd.toml has an entry dated 2016-11-02.
    let out = pledge_bin()
        .args([
            "validate",
            "--as-of",
            "2016-10-16",
            "tests/fixtures/odd.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "1 file checked: 0 errors, 0 warnings\n"
    );
    assert_eq!(out.status.code(), Some(0));
    let out = pledge_bin()
        .env("PLEDGE_DIR", "tests/fixtures")
        .args(["check", "--as-of", "2016-10-16", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["invalid_files"], serde_json::json!([]));
}

fn warnings(l: &Loaded) -> Vec<String> {
    l.diags
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| en(&d.message))
        .collect()
}

/// Issue 11: a period whose start the text does not give is judged from the first recorded
/// work, or from the load's date before any (never after its end); "signing" is `signed`.
#[test]
fn a_period_without_a_stated_start() {
    let no_start = file(("start = 2016-01-01\n", ""), "");
    let l = load("t.toml", &no_start, day("2016-05-01"));
    let p = l.pledge.unwrap();
    assert!(!p.period.start_stated);
    assert_eq!(p.period.start, day("2016-05-01"));
    // After the end: clamped to it.
    let p = load("t.toml", &no_start, day("2020-01-01")).pledge.unwrap();
    assert_eq!(p.period.start, day("2016-12-31"));
    // The first work, not the follow-up, sets it.
    let logged = format!(
        "{no_start}\n[[log]]\ndate = 2016-03-02\nactivity = \"walk\"\n\n[[log]]\ndate = 2016-02-01\nactivity = \"walk\"\n"
    );
    let p = load("t.toml", &logged, day("2020-01-01")).pledge.unwrap();
    assert_eq!(p.period.start, day("2016-02-01"));
    // From the signing.
    let signing = file(
        (
            "kommun = \"Filipstad\"\n",
            "kommun = \"Filipstad\"\nsigned = 2016-02-15\n",
        ),
        "",
    )
    .replace("start = 2016-01-01", "start = \"signing\"");
    let p = load("t.toml", &signing, day("2020-01-01")).pledge.unwrap();
    assert!(p.period.start_stated);
    assert_eq!(p.period.start, day("2016-02-15"));
}

/// Issue 11: every new target kind, units, parts, a frame, a title and problem items load.
#[test]
fn the_new_target_kinds_load() {
    use pledge::model::{Occurrences, Target};
    let extra = "\n[problem]\nitems = [\"Buller\", \"Klotter\"]\n\
        [[activity]]\nid = \"open\"\ntitle = \"Langning\"\ntext = \"t\"\nowners = [\"polisen\"]\ntarget = \"open\"\n\
        [[activity]]\nid = \"asked\"\ntext = \"t\"\nowners = [\"polisen\"]\ntarget = \"on-request\"\n\
        [[activity]]\nid = \"after\"\ntext = \"t\"\nowners = [\"polisen\"]\ntarget = { count = 1, each = \"walk\" }\n\
        [[activity]]\nid = \"dates\"\ntext = \"t\"\nowners = [\"polisen\"]\ntarget = { count = 2, on = [2016-05-16, 2016-02-14] }\n\
        [[activity]]\nid = \"slot\"\ntext = \"t\"\nowners = [\"polisen\"]\ntarget = { weekday = \"Torsdag\", time = \"18-20\", except = \"holidays\" }\nfrom = 2016-03-01\nuntil = 2016-08-31\n\
        [[activity]]\nid = \"schools\"\ntext = \"t\"\nowners = [\"polisen\"]\nunits = [\"Norrskolan\", \"Södra skolan\"]\ntarget = { count = 1, per = \"half-year\" }\n\
        [[activity]]\nid = \"parts\"\ntext = \"t\"\nowners = [\"kommunen\"]\n\
        [[activity.part]]\nid = \"a\"\ntext = \"p\"\ntarget = { count = 3, per = \"period\" }\n\
        [[activity.part]]\nid = \"b\"\ntext = \"q\"\ntarget = \"once\"\nfrom = 2016-09-01\n";
    let text = file(("\n[followup]", &format!("{extra}\n[followup]")), "");
    let l = load("t.toml", &text, day("2020-01-01"));
    assert!(l.diags.is_empty(), "{:?}", l.diags);
    let p = l.pledge.unwrap();
    assert_eq!(p.problem.items, ["Buller", "Klotter"]);
    let a = |id: &str| p.activity(id).unwrap();
    assert_eq!(a("open").target, Target::Open);
    assert_eq!(a("open").title.as_deref(), Some("Langning"));
    assert_eq!(a("asked").target, Target::OnRequest);
    assert_eq!(
        a("after").target,
        Target::Each {
            count: 1,
            of: Occurrences::Activity("walk".into()),
            grace_days: 0
        }
    );
    assert_eq!(
        a("dates").target,
        Target::Each {
            count: 2,
            of: Occurrences::Dates(vec![day("2016-02-14"), day("2016-05-16")]),
            grace_days: 0
        }
    );
    assert_eq!(
        a("slot").target,
        Target::Weekly {
            weekday: chrono::Weekday::Thu,
            time: Some("18-20".into()),
            except_holidays: true
        }
    );
    assert_eq!(a("slot").frame.from, Some(day("2016-03-01")));
    assert_eq!(a("schools").units, ["Norrskolan", "Södra skolan"]);
    let parts = &a("parts").parts;
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1].target, Target::Once);
    assert_eq!(parts[1].owners, a("parts").owners);
    assert_eq!(parts[1].frame.from, Some(day("2016-09-01")));
}

/// Issue 11: warnings, not errors: an activity's time outside the period, and a follow-up
/// recorded before its first due day (it does not count).
#[test]
fn a_frame_outside_the_period_and_an_early_follow_up_are_warnings() {
    let text = file(
        ("target = { count", "until = 2017-03-31\ntarget = { count"),
        "\n[[log]]\ndate = 2016-02-01\nactivity = \"followup\"\n",
    );
    let l = load("t.toml", &text, day("2020-01-01"));
    assert!(errors(&l).is_empty(), "{:?}", l.diags);
    assert_eq!(
        warnings(&l),
        [
            "`until` (2017-03-31) is outside the löfte's period (2016-01-01 to 2016-12-31)",
            "the follow-up recorded 2016-02-01 is before it is due (from 2017-01-01), so it does not count",
        ]
    );
    let on_time = file(
        ("", ""),
        "\n[[log]]\ndate = 2017-01-10\nactivity = \"followup\"\n",
    );
    assert!(load("t.toml", &on_time, day("2020-01-01")).diags.is_empty());
}
