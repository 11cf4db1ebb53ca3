//! `pledge import`: the five seed texts against their hand-written files in pledges/, the
//! löfte texts of tests/import/cases/ against their expected drafts (whole files), the
//! command itself, and import on arbitrary text.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use pledge::import::{Missing, Options, import};
use pledge::load::load;
use pledge::model::{Activity, Pledge, Target};
use predicates::prelude::*;
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Loads a draft with the real loader: it must have no errors.
fn loads(name: &str, toml: &str) -> Pledge {
    let l = load(name, toml, today());
    let errors: Vec<String> = l
        .diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| pledge::view::diag_words::one_line(name, toml, d, pledge::view::i18n::Lang::En))
        .collect();
    assert!(
        errors.is_empty(),
        "{name} does not validate:\n{}\n{toml}",
        errors.join("\n")
    );
    l.pledge.expect("a pledge without errors")
}

fn import_seed(name: &str) -> Pledge {
    let text =
        std::fs::read_to_string(root().join(format!("tests/import/seeds/{name}.txt"))).unwrap();
    let d = import(&text, &Options::default()).unwrap_or_else(|m| panic!("{name}: {m}"));
    assert_eq!(d.file_name, format!("{name}.toml"));
    loads(name, &d.toml)
}

fn published(name: &str) -> Pledge {
    let p = root().join(format!("pledges/{name}.toml"));
    loads(name, &std::fs::read_to_string(p).unwrap())
}

/// Every field the issue compares, as "field: imported | published" for each difference.
fn differences(got: &Pledge, want: &Pledge) -> Vec<String> {
    let mut d = Vec::new();
    let mut cmp = |field: String, a: String, b: String| {
        if a != b {
            d.push(format!("{field}: {a} | {b}"));
        }
    };
    cmp(
        "activities".into(),
        got.activities.len().to_string(),
        want.activities.len().to_string(),
    );
    for (i, (a, b)) in got.activities.iter().zip(&want.activities).enumerate() {
        cmp(format!("activity {i} text"), a.text.clone(), b.text.clone());
        cmp(
            format!("activity {i} owners"),
            format!("{:?}", a.owners),
            format!("{:?}", b.owners),
        );
        cmp(
            format!("activity {i} partners"),
            format!("{:?}", a.partners),
            format!("{:?}", b.partners),
        );
        cmp(
            format!("activity {i} target"),
            format!("{:?}", a.target),
            format!("{:?}", b.target),
        );
    }
    cmp(
        "period".into(),
        format!("{:?}", got.period),
        format!("{:?}", want.period),
    );
    cmp("followup".into(), String::new(), String::new());
    match (&got.followup, &want.followup) {
        (Some(a), Some(b)) => {
            cmp(
                "followup when".into(),
                format!("{:?}", a.when),
                format!("{:?}", b.when),
            );
            cmp(
                "followup how".into(),
                format!("{:?}", a.how),
                format!("{:?}", b.how),
            );
            cmp(
                "followup responsible".into(),
                format!("{:?}", a.responsible),
                format!("{:?}", b.responsible),
            );
            cmp(
                "followup presented".into(),
                format!("{:?}", a.presented),
                format!("{:?}", b.presented),
            );
        }
        (a, b) => cmp(
            "followup".into(),
            format!("{:?}", a.is_some()),
            format!("{:?}", b.is_some()),
        ),
    }
    d
}

/// Where an import may differ from pledges/, per seed, and why. Each entry is the start of a
/// difference line ("followup how") and the reason.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "alvesta-2017-2018",
        "followup presented",
        "pledges/ writes \"BRÅ-möten\" where the text has \"BRÅ möten\" (a spelling edit)",
    ),
    (
        "kristinehamn-2016-2017",
        "followup how",
        "pledges/ shortens \"Uppföljning av medborgarlöftet ska genomföras genom Statistiska \
         Centralbyråns …\" to \"Genom Statistiska centralbyråns …\" (an edit of the wording)",
    ),
    (
        "kristinehamn-2016-2017",
        "activity 2 text",
        "the seed text writes \"trygghets-vandringar\" inside a line; pledges/ joins it. The \
         importer joins a hyphen only at a line break (issue 21: an in-line hyphen is the \
         writer's, \"shell-command\" must stay)",
    ),
    (
        "munkfors-2017-2018",
        "followup how",
        "pledges/ keeps only what follows \"genom\" (\"Fortlöpande redovisning …\"); the \
         import keeps the sentence that also says when and where (an edit of the wording)",
    ),
];

const SEEDS: &[&str] = &[
    "alvesta-2017-2018",
    "filipstad-2016",
    "karlstad-2016-2017",
    "kristinehamn-2016-2017",
    "munkfors-2017-2018",
];

#[test]
fn seeds_import_as_in_pledges() {
    for name in SEEDS {
        let diffs = differences(&import_seed(name), &published(name));
        let allowed: Vec<&str> = ALLOWED
            .iter()
            .filter(|(n, _, _)| n == name)
            .map(|(_, field, _)| *field)
            .collect();
        let unexpected: Vec<&String> = diffs
            .iter()
            .filter(|d| !allowed.iter().any(|a| d.starts_with(&format!("{a}:"))))
            .collect();
        assert!(
            unexpected.is_empty(),
            "{name}: unexpected differences:\n{unexpected:#?}"
        );
        for a in &allowed {
            assert!(
                diffs.iter().any(|d| d.starts_with(&format!("{a}:"))),
                "{name}: `{a}` is listed as a difference but is now equal; remove it from ALLOWED"
            );
        }
    }
}

fn same_target(a: &Activity, b: &Activity) -> bool {
    a.target == b.target
}

/// activities found, owners right, targets right (counted targets among them), over the
/// five seeds, against pledges/.
#[test]
fn seed_measures() {
    let (mut found, mut want, mut owners, mut targets, mut counted, mut counted_right) =
        (0, 0, 0, 0, 0, 0);
    for name in SEEDS {
        let (got, exp) = (import_seed(name), published(name));
        want += exp.activities.len();
        // An in-line hyphen the seed text has and pledges/ joined ("trygghets-vandringar")
        // is the only difference allowed in the text (see ALLOWED).
        let bare = |t: &str| t.replace('-', "");
        for b in &exp.activities {
            let Some(a) = got
                .activities
                .iter()
                .find(|a| bare(&a.text) == bare(&b.text))
            else {
                continue;
            };
            found += 1;
            owners += usize::from(a.owners == b.owners && a.partners == b.partners);
            targets += usize::from(same_target(a, b));
            if b.target != Target::None {
                counted += 1;
                counted_right += usize::from(same_target(a, b));
            }
        }
    }
    println!(
        "activities found {found}/{want}, owners and partners right {owners}/{want}, \
         targets right {targets}/{want} (stated targets {counted_right}/{counted})"
    );
    assert_eq!((found, owners, targets), (want, want, want));
}

// ---- Own löfte texts, with expected drafts compared whole. ----

/// The cases of tests/import/cases/: name and the options the command line would give.
fn cases() -> Vec<(&'static str, Options)> {
    let d = |s: &str| Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
    vec![
        ("numrerad-tierp", Options::default()),
        ("lovar-sektioner-ale", Options::default()),
        ("snedstreck-vara", Options::default()),
        ("ord-mal-orsa", Options::default()),
        (
            "utan-start-boden",
            Options {
                start: d("2019-07-01"),
                ..Options::default()
            },
        ),
        ("pdf-brytning-kil", Options::default()),
        ("nya-slag-sala", Options::default()),
        ("blandat-sundsvall", Options::default()),
        ("nya-slag-torsby", Options::default()),
        ("gemensamt-arvika-eda", Options::default()),
        // Issue 21's structure classes, each its own paraphrased text:
        ("rubriker-ager-punkter-arvika", Options::default()),
        ("inledning-ager-allt-kalix", Options::default()),
        ("tre-kommuner-stenungsund", Options::default()),
        ("stadsdel-bara-slut-goteborg", Options::default()),
        ("tva-loften-motala", Options::default()),
        // Issue 21, second round: a löfte of the police alone with targets in words and an
        // event; a period from the page's date line; a period from the one dated activity.
        ("bara-polisen-ord-mal-norrtalje", Options::default()),
        ("utan-period-datumrad-hallsberg", Options::default()),
        ("en-aktivitet-datum-gnosjo", Options::default()),
        ("aktiviteternas-ar-overkalix", Options::default()),
        // Issue 21, held-out classes: "N års medborgarlöfte", a minus-sign year range, "lovar
        // X och Y:" over "Att X ska" items, "X kommunen", a period split over a line break in
        // a "följande" lead, "varje dygn", "varje skoltermin", "Under 2025 ska tre …".
        ("klasser-21-norrtalje", Options::default()),
        // Issue 21, round 4: the address on the line above the title, an area before the
        // kommun in the title, numbered items left open over bullets, "förbinder sig att",
        // "ansvarar för att", a named third party as subject, "tillsammans med" owning
        // together, "Gemensamt, genom X och Y", "lovar vi", number words ("femtiotvå",
        // "tolv"), "varannan fredag", "kvartalsvis".
        ("prosa-namn-ord-alingsas", Options::default()),
        // Issue 21, round 5: three signing parties named in the lead (a short name in
        // brackets) owning the items of "Vi kommer under året göra följande:", whose "under
        // året" is the window of a count with none of its own; focus paragraphs "X, innebär
        // att …" with a passive count in the next sentence; a period read from the season the
        // activities name ("under hösten 2021"); "Lokalt medborgarlöfte i X kommun 2022" and a
        // promise after "och" in a promise section that states a count.
        ("tre-parter-under-aret-sollentuna", Options::default()),
        ("fokus-innebar-lulea", Options::default()),
        ("hosten-utan-period-arboga", Options::default()),
        ("lofte-i-kommun-ar-osby", Options::default()),
        // Issue 21, round 6 (owners): "I samverkan med kommunen erbjuda …" at an item's start
        // under one party's lead (joint), "Kommunen/polisen", "Polis/kommun", "(Kommun/Polis)",
        // a possessive subject under a joint lead, "Nattgruppen och kommunen …", the kommun's
        // own units, a party's name alone over its list ("Västtrafik").
        ("agare-klasser-lerum", Options::default()),
        // Issue 21, round 7: question headings ("Vad gör polisen …?") over prose whose
        // sentences are the party's activities, "planera och genomföra" as one activity, the
        // place the löfte's geographic focus names as its area, "3 st riktade kontroller" as
        // a count, "Två områdespoliser ska vara knutna till …" as no count.
        ("fragor-tatort-st-bollnas", Options::default()),
        // "gäller från och med undertecknandet" with no signing date: the unstated-start form,
        // never the year's first day.
        ("fran-undertecknandet-flen", Options::default()),
        // A text of prose only, no list and no "lovar att": what the parties agree on in the
        // löfte ("I medborgarlöftet för 2026 är X och Y överens om att …", "Samt att …").
        ("overens-prosa-heby", Options::default()),
        // Issue 21, round 7 (owners): "Det här ska vi göra" after a background sentence naming
        // both parties; an item's own doer after a long fronted adverbial and as a possessive;
        // "Personal från socialtjänsten och X"; a body named by its area as one of three
        // subjects; "tillsammans med" a few words after the verb; a noun-phrase item "X
        // tillsammans med A och B" under one party's lead; a name cut off in "Ansvarig:".
        ("vi-och-egna-gorare-vasteras", Options::default()),
        // The police's löfte for a city district that mentions the city and the kommun's
        // knowledge: who promises, not who is mentioned; a police area named with a slash.
        ("polisens-lofte-stadsdel-stockholm", Options::default()),
        // Issue 21, round 8 (a fifth set's development half): a lead "… enligt följande."
        // over topic headings whose paragraphs promise (passive ones too: "Varje år ska minst
        // tre X genomföras", "Efter varje X ska …"), a paragraph with a later "Detta ska ske
        // genom …" as one activity, "I syfte att …, ska kommun och polis …", a generic
        // "Medborgarlöften beskriver …" footer and a signature glued to the last sentence.
        ("amnesrubriker-ydre", Options::default()),
        // "X ska tillsammans med polis …", "tillsammans med A samt B", owners in brackets
        // beside bodies no rule knows, "Nu har lokalpolisområdetX formulerat sina löften:",
        // and a paragraph after a lead-in's list that is no longer in it.
        ("agare-listor-odeshog", Options::default()),
        // Round 9 (5b, after its blind measurement): a news article whose dash lines are
        // quoted speech and whose promises say "Man lovar också att …, och att …, samt att
        // …"; "Vi ska" items under a lead of "prioriterade områden"; a misspelt "Det har ska
        // vi göra" and "medborgalöfte", a period line with no full stop, "uniformerad polis"
        // after a fronted date.
        ("nyhet-man-lovar-vansbro", Options::default()),
        ("prioriterade-vi-ska-storuman", Options::default()),
        ("stavfel-period-bjurholm", Options::default()),
        ("polisomradets-vi-tyreso", Options::default()),
        ("punktrubriker-mal-angelholm", Options::default()),
        ("nyhet-framgar-lessebo", Options::default()),
        ("stycken-vill-koping", Options::default()),
        ("sammanfattas-hallstahammar", Options::default()),
        // Round 13 (before the eighth set's blind measurement): the period in words no rule
        // reads ("för verksamhetsåret som börjar våren 2020"): the year a sentence about the
        // löfte names ends it, start not stated, never the page's "Publicerad" date; and
        // "fredags- och lördagskvällar" is no single weekly slot.
        ("ar-i-texten-ljusnarsberg", Options::default()),
        // Round 14 (from the eighth set, after its blind score): leads that end in a comma or
        // in "där polisen lovar att", "X kommun ska tillsammans med polisen," (both own),
        // "gemensamt …" under one party's list, "X stad" after "tillsammans med", a year
        // before a count ("Under 2021 och 2022 genomföra tre insatser/år"), "Polisen och
        // kommunen ska under 2021 och 2022 …" as the löfte's years; and a news article
        // whose only promises are sentences in which a party "kommer att"/"ska" act.
        ("kommatecken-ledare-nora", Options::default()),
        ("nyhet-kommer-att-alvkarleby", Options::default()),
        // Round 15 (from the ninth set, after its blind score): a löfte that promises only
        // work on its "Prioriterade områden", owners after a slash at an item's end ("… /
        // Polisen"), and "Medborgarlöftet innebär att polisen … kommer att …" in a text with
        // no list.
        ("prioriterade-omraden-hjo", Options::default()),
        ("snedstreck-agare-lekeberg", Options::default()),
        ("innebar-att-grums", Options::default()),
    ]
}

#[test]
fn cases_give_their_expected_drafts() {
    let dir = root().join("tests/import/cases");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (name, opts) in cases() {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let opts = Options {
            source_name: Some(format!("{name}.txt")),
            ..opts
        };
        let d = import(&text, &opts).unwrap_or_else(|m| panic!("{name}: {m}"));
        loads(name, &d.toml);
        let path = dir.join(format!("{name}.toml"));
        if update {
            std::fs::write(&path, &d.toml).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            want == d.toml,
            "{name}: the draft differs from {}:\n{}",
            path.display(),
            d.toml
        );
    }
}

/// Only the end stated: the draft is written in the unstated-start form (no `start`), with a
/// reading that names the flag; nothing is asked (issue 21: ask less, never invent).
#[test]
fn a_missing_start_is_written_unstated() {
    let text =
        std::fs::read_to_string(root().join("tests/import/cases/utan-start-boden.txt")).unwrap();
    let d = import(&text, &Options::default()).unwrap();
    let p = loads("boden", &d.toml);
    assert!(!p.period.start_stated);
    assert_eq!(p.period.end, NaiveDate::from_ymd_opt(2020, 6, 30).unwrap());
    assert!(
        d.toml
            .contains("# start: not stated in the text\nend = 2020-06-30")
    );
    assert!(
        d.readings.iter().any(|r| r.contains("--start")),
        "{:?}",
        d.readings
    );
    assert_eq!(d.file_name, "boden-2020.toml");
}

/// No year anywhere (text, title, address): it stops and names both flags.
#[test]
fn no_year_at_all_is_asked_for() {
    let text = "https://example.se/trygghet/tierp/\n\nTierp – medborgarlöften\n\nPolisen lovar\n\n• Fotpatrullera.\n";
    let m = import(text, &Options::default()).unwrap_err();
    assert_eq!(m, Missing::Start { end: None });
    assert!(
        m.to_string().contains("--start") && m.to_string().contains("--end"),
        "{m}"
    );
}

#[test]
fn a_period_the_loader_refuses_is_not_written() {
    let text = "Medborgarlöfte i Tierp 2010-2020\n\nPolisen lovar\n\n1. Fotpatrullera.\n";
    let m = import(text, &Options::default()).unwrap_err();
    assert!(matches!(m, Missing::TooLong { .. }), "{m}");
    let opts = Options {
        start: NaiveDate::from_ymd_opt(2019, 1, 1),
        end: NaiveDate::from_ymd_opt(2010, 1, 1),
        ..Options::default()
    };
    assert!(matches!(
        import(text, &opts),
        Err(Missing::EndBeforeStart { .. })
    ));
}

#[test]
fn a_missing_kommun_is_asked_for() {
    let text = "Medborgarlöfte 2019\n\nPolisen lovar\n\n1. Fotpatrullera i centrum varje vecka.\n";
    let m = import(text, &Options::default()).unwrap_err();
    assert_eq!(m, Missing::Kommun);
    assert!(m.to_string().contains("--kommun"));
    let k = pledge::kommuner::find("Tierp");
    let d = import(
        text,
        &Options {
            kommun: k,
            ..Options::default()
        },
    )
    .unwrap();
    let p = loads("x", &d.toml);
    assert_eq!(p.kommuner[0].name, "Tierp");
    assert_eq!(d.file_name, "tierp-2019.toml");
}

// ---- Hostile and damaged text (issue 21). ----

/// A modeline in the published text is kept, but in a form no editor obeys, wherever it lands.
#[test]
fn modelines_in_the_text_are_inert_in_the_draft() {
    let text = "Tierp – medborgarlöften 2025\n\nPolisen lovar\n\n• Fotpatrullera. vim: set ft=sh:\n\n\
                Sista raden. -*- mode: sh -*-\n\nvi: set modeline\nLocal Variables:\nex: set ft=c\n";
    let d = import(text, &Options::default()).unwrap();
    loads("modeline", &d.toml);
    for line in d.toml.lines() {
        let l = line.to_lowercase();
        for t in ["vim:", "vi:", "ex:"] {
            for (i, _) in l.match_indices(t) {
                let before = l[..i].chars().last();
                let after = l[i + t.len()..].trim_start().chars().next();
                assert!(
                    !(before.is_none_or(char::is_whitespace)
                        && after.is_some_and(|c| c.is_alphabetic())),
                    "an editor would obey: {line}"
                );
            }
        }
        assert!(
            !l.contains("-*-") && !l.contains("local variables:"),
            "{line}"
        );
    }
    // The activity's text is unchanged once TOML reads it.
    let p = loads("modeline", &d.toml);
    assert_eq!(p.activities[0].text, "Fotpatrullera. vim: set ft=sh.");
}

/// CR-only and mixed line endings give the same draft as LF.
#[test]
fn cr_only_and_mixed_line_endings_read_like_lf() {
    let lf = "Tierp – medborgarlöften 2025\n\nPolisen lovar\n\n• Fotpatrullera i centrum.\n• Trafikkontroller varje vecka.\n";
    let want = import(lf, &Options::default()).unwrap();
    assert_eq!(want.activities, 2);
    for text in [
        lf.replace('\n', "\r"),
        lf.replace('\n', "\r\n"),
        lf.replacen('\n', "\r", 3),
    ] {
        assert_eq!(
            import(&text, &Options::default()).unwrap().toml,
            want.toml,
            "{text:?}"
        );
    }
}

/// A hyphen is joined only at a line break, never inside a line or an address.
#[test]
fn hyphens_joined_only_at_a_line_break() {
    let text = "https://example.se/medborgarlofte-tierp-2025/\n\nTierp – medborgarlöften 2025\n\n\
                Polisen lovar\n\n• Köra shell-command och trygghets-\n  vandringar.\n";
    let d = import(text, &Options::default()).unwrap();
    let p = loads("hyphen", &d.toml);
    assert_eq!(
        p.activities[0].text,
        "Köra shell-command och trygghetsvandringar."
    );
    assert!(
        d.toml
            .contains("source = \"https://example.se/medborgarlofte-tierp-2025/\"")
    );
}

/// 4,000 identical list items: every one an activity with its own id, and the ids cost one
/// look-up each (the work is asserted in `acts::ids_of_many_equal_items_cost_linear_work`).
#[test]
fn four_thousand_identical_items_each_get_an_id() {
    let mut text = String::from("Tierp – medborgarlöften 2025\n\nPolisen lovar\n\n");
    for _ in 0..4000 {
        text.push_str("• Fotpatrullera i centrum vid minst ett tillfälle per vecka.\n");
    }
    assert!(text.len() > 180_000 / 2);
    let d = import(&text, &Options::default()).unwrap();
    assert_eq!(d.activities, 4000);
    assert!(d.toml.contains("id = \"fotpatrullera-centrum-4000\""));
}

// ---- The command. ----

fn pledge() -> Command {
    let mut c = Command::cargo_bin("pledge").unwrap();
    c.env_remove("PLEDGE_DIR").env("NO_COLOR", "1");
    c
}

fn seed_path(name: &str) -> PathBuf {
    root().join(format!("tests/import/seeds/{name}.txt"))
}

#[test]
fn command_writes_once_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pledges");
    std::fs::create_dir(&dir).unwrap();
    pledge()
        .args(["--dir"])
        .arg(&dir)
        .arg("import")
        .arg(seed_path("filipstad-2016"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "filipstad-2016.toml: 6 activities",
        ));
    let written = dir.join("filipstad-2016.toml");
    let first = std::fs::read(&written).unwrap();
    pledge()
        .arg("--dir")
        .arg(&dir)
        .arg("validate")
        .assert()
        .success();
    pledge()
        .arg("--dir")
        .arg(&dir)
        .arg("import")
        .arg(seed_path("filipstad-2016"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read(&written).unwrap(), first);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
}

#[test]
fn command_reads_stdin_and_writes_out() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("draft.toml");
    let text = std::fs::read(seed_path("munkfors-2017-2018")).unwrap();
    pledge()
        .args(["import", "-", "--out"])
        .arg(&out)
        .write_stdin(text.clone())
        .assert()
        .success();
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("kommun = \"Munkfors\""));
    pledge()
        .args(["import", "-", "--dry-run"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(written);
}

#[test]
fn command_asks_for_the_kommun() {
    pledge()
        .args(["import", "-", "--dry-run"])
        .write_stdin("Medborgarlöfte 2019\n\nPolisen lovar\n\n1. Fotpatrullera.\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--kommun"));
    pledge()
        .args(["import", "-", "--dry-run", "--kommun", "Tierpp"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Tierp"));
    pledge()
        .args(["import", "-", "--dry-run"])
        .write_stdin(vec![0xff, 0xfe, 0x00])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not UTF-8"));
    let p: &Path = Path::new("/nonexistent/x.txt");
    pledge().arg("import").arg(p).assert().code(2);
}

#[test]
fn command_imports_many_texts_and_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pledges");
    std::fs::create_dir(&dir).unwrap();
    let texts = tmp.path().join("texts");
    std::fs::create_dir(&texts).unwrap();
    std::fs::copy(seed_path("filipstad-2016"), texts.join("a.txt")).unwrap();
    std::fs::copy(seed_path("munkfors-2017-2018"), texts.join("b.txt")).unwrap();
    std::fs::write(
        texts.join("c.txt"),
        "Medborgarlöfte\n\nPolisen lovar\n\n• Fotpatrull.\n",
    )
    .unwrap();
    std::fs::write(texts.join("notes.md"), "not a text").unwrap();
    let out = pledge()
        .arg("--dir")
        .arg(&dir)
        .arg("import")
        .arg(&texts)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("text"), "{out}");
    assert!(out.contains("a.txt") && out.contains("written: "), "{out}");
    assert!(
        out.contains("needs --kommun --start --end") || out.contains("needs"),
        "{out}"
    );
    assert!(out.contains("2 of 3 drafts written"), "{out}");
    assert!(dir.join("filipstad-2016.toml").exists());
    assert!(dir.join("munkfors-2017-2018.toml").exists());
    // Again: nothing is written over, and each file says so.
    let before = std::fs::read(dir.join("filipstad-2016.toml")).unwrap();
    pledge()
        .arg("--dir")
        .arg(&dir)
        .arg("import")
        .arg(texts.join("a.txt"))
        .arg(texts.join("b.txt"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("already exists"))
        .stdout(predicate::str::contains("0 of 2 drafts written"));
    assert_eq!(
        std::fs::read(dir.join("filipstad-2016.toml")).unwrap(),
        before
    );
    // --out names one file only; no progress line goes into a pipe.
    pledge()
        .args(["import", "--out", "x.toml"])
        .arg(texts.join("a.txt"))
        .arg(texts.join("b.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out names one file"));
}

// ---- Any text: import never panics, and a draft it writes always validates. ----

fn swedish_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Polisen",
        "lovar",
        "att",
        "Kommunen",
        "Ansvarig:",
        "/ ansvarig",
        "polisen",
        "och",
        "kommunen",
        "\n",
        "\n\n",
        "• ",
        "1. ",
        "minst",
        "två",
        "gånger",
        "per",
        "år",
        "varje",
        "månad",
        "Medborgarlöfte",
        "2019",
        "2019-2020",
        "Uppföljning",
        "Lägesbild",
        "gäller",
        "tills",
        "nya",
        "fram till den 30 september 2017",
        "Tierp",
        "Tierps kommun",
        "lovar\n",
        "ett antal",
        "vid varje möte",
        "efter varje trygghetsvandring",
        "trygghetsvandringar",
        "på begäran",
        "om en skola ber om",
        "varje tisdagskväll",
        "alla fredagar kl. 18–20",
        "helgdagar undantagna",
        "under sommarmånaderna",
        "juni–augusti",
        "från och med september",
        "på varje högstadieskola (Norrskolan, Norrskolan)",
        "i varje kommun (Kil, Eda)",
        "Ett antal problem:",
        "Alvesta den 28 februari 2017",
        "\u{0}",
        "\"",
        "\\",
        "trygghets-\nvandringar",
        ":",
        ".",
        "två år framåt",
        "första kvartalet 2020",
        "#",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
}

/// Both ways a draft is made: from the text alone, and with the kommun and period given.
fn each_way(s: &str) {
    let given = Options {
        kommun: pledge::kommuner::find("Tierp"),
        start: NaiveDate::from_ymd_opt(2019, 1, 1),
        end: NaiveDate::from_ymd_opt(2019, 12, 31),
        source_name: Some("x\n\u{0}.txt".into()),
    };
    for opts in [Options::default(), given] {
        if let Ok(d) = import(s, &opts) {
            loads("any", &d.toml);
        }
    }
}

/// The number of cases: a few in a plain `cargo test`, so it stays quick; `PROPTEST_CASES`
/// for the long run (CI sets it, see .ci/run).
fn proptest_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(proptest_cases()))]

    #[test]
    fn import_never_panics_on_any_text(s in any::<String>()) {
        each_way(&s);
    }

    #[test]
    fn drafts_of_loefte_like_text_validate(s in swedish_text()) {
        each_way(&s);
    }

    #[test]
    fn mutated_seeds_import_or_say_what_is_missing(
        seed in prop::sample::select(SEEDS.to_vec()),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), swedish_text()), 1..4),
    ) {
        let mut text = std::fs::read_to_string(seed_path(seed)).unwrap();
        for (at, insert) in cuts {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, &insert);
        }
        each_way(&text);
    }
}

/// "gäller från 2022" and no end: the format has no end-unstated form, so it stops and names
/// `--end` (round 4: it used to read the one year as the whole period, an invented end).
#[test]
fn a_first_year_without_an_end_is_asked_for() {
    let text = "https://example.se/trygghet/tierp/\n\nTierp – medborgarlöften\n\n\
                Medborgarlöftet gäller från 2022.\n\nPolisen lovar att:\n\n• Fotpatrullera i centrum.\n";
    let m = import(text, &Options::default()).unwrap_err();
    assert!(matches!(m, Missing::EndNotStated { .. }), "{m:?}");
    assert!(m.to_string().contains("--end"), "{m}");
    let opts = Options {
        end: NaiveDate::from_ymd_opt(2023, 12, 31),
        ..Options::default()
    };
    let d = import(text, &opts).unwrap();
    let p = loads("tierp", &d.toml);
    assert_eq!(
        (p.period.start, p.period.end),
        (
            NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()
        )
    );
}

/// A text whose activities ask more windows of work than one file holds: the command says
/// it is the text's size and what to do, in the reader's language, not "a bug".
#[test]
fn command_says_a_text_too_large_for_one_file() {
    let mut text = String::from(
        "https://example.se/trygghet/tierp/\n\nTierp – medborgarlöften 2024\n\nPolisen lovar att:\n\n",
    );
    for i in 1..=450 {
        text.push_str(&format!("• Patrullera kvarter {i} en gång per vecka.\n"));
    }
    for (lang, words) in [
        ("en", ["at most 20000", "Split the text"]),
        ("sv", ["högst 20000", "Dela upp texten"]),
    ] {
        pledge()
            .args(["--lang", lang, "import", "-", "--dry-run"])
            .write_stdin(text.clone())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(words[0]))
            .stderr(predicate::str::contains(words[1]))
            .stderr(predicate::str::contains("bug").not());
    }
}

/// Promises written as paragraphs under a "Medborgarlöfte" heading ("Polisen förbinder sig
/// att …") are activities, the first one too; "Följande löften har valts för 2026-2027" gives
/// the period (round 4, our own wording).
#[test]
fn committing_paragraphs_and_chosen_years() {
    let text = "https://polisen.se/om-polisen/medborgarloften/tierp/\n\n\
                Tierp – medborgarlöften\n\nFöljande löften har valts för 2026-2027:\n\n\
                Medborgarlöfte\n\n\
                Polisen förbinder sig att genomföra minst 30 hastighetskontroller per år.\n\n\
                Kommunen och polisen förbinder sig att gemensamt sprida grannsamverkan.\n";
    let d = import(text, &Options::default()).unwrap();
    let p = loads("tierp", &d.toml);
    assert_eq!(p.activities.len(), 2, "{}", d.toml);
    assert_eq!(
        (p.period.start, p.period.end),
        (
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()
        )
    );
    assert!(
        d.toml.contains("{ count = 30, per = \"year\" }"),
        "{}",
        d.toml
    );
}
