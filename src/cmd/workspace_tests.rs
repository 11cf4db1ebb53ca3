//! Tests of [`super`].

use super::*;
use std::fs;

const ALVESTA: &str = include_str!("../../pledges/alvesta-2017-2018.toml");

#[test]
fn conventional_names_cover_every_period_holding_the_year() {
    let k = kommuner::find("Upplands Väsby").unwrap();
    let names = conventional_names(k, None, 2018);
    assert_eq!(names[0], "upplands-vasby-2018.toml");
    for held in [
        "2018-2019",
        "2017-2018",
        "2013-2018",
        "2018-2023",
        "2015-2020",
    ] {
        let name = format!("upplands-vasby-{held}.toml");
        assert!(names.contains(&name), "{name}");
    }
    for not in [
        "2012-2018",
        "2018-2024",
        "2016-2017",
        "2019-2020",
        "2018-2018",
    ] {
        let name = format!("upplands-vasby-{not}.toml");
        assert!(!names.contains(&name), "{name}");
    }
    // Every name holds the year, once.
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    let k = kommuner::find("Alvesta").unwrap();
    assert_eq!(
        conventional_names(k, Some("Rese Centrum"), 2018)[0],
        "alvesta-rese-centrum-2018.toml"
    );
}

/// A folder with Alvesta's löfte, one for its Resecentrum, and a file that cannot be read.
fn folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let centre = ALVESTA.replacen(
        "kommun = \"Alvesta\"",
        "kommun = \"Alvesta\"\narea = \"Resecentrum\"",
        1,
    );
    fs::write(tmp.path().join("alvesta-2017-2018.toml"), ALVESTA).unwrap();
    fs::write(
        tmp.path().join("alvesta-resecentrum-2017-2018.toml"),
        centre,
    )
    .unwrap();
    fs::write(
        tmp.path().join("alvesta-ovrigt.toml"),
        "not = toml = at all",
    )
    .unwrap();
    tmp
}

/// The files of the workspace for Alvesta in `year` (and `area`) when `enough` stops at
/// the first files tried, in their order.
fn files(dir: &Path, year: Option<i32>, area: Option<&str>) -> Vec<String> {
    files_until(dir, year, area, |_| true)
}

/// The files of the workspace for Alvesta when `enough` stops at the first tier it
/// passes.
fn files_until(
    dir: &Path,
    year: Option<i32>,
    area: Option<&str>,
    enough: impl Fn(Tier) -> bool,
) -> Vec<String> {
    let lookup = Lookup {
        cwd: crate::store::Cwd(dir),
        today: NaiveDate::from_ymd_opt(2018, 6, 1).unwrap(),
        lang: Lang::En,
        year,
        area,
        on: None,
    };
    let (ws, k) =
        Workspace::for_kommun(dir.to_path_buf(), "alvesta", lookup, |_, _, t| enough(t)).unwrap();
    assert_eq!(k.name, "Alvesta");
    ws.files
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn the_files_named_for_the_year_are_read_in_order_and_a_copy_is_not_missed() {
    let tmp = folder();
    // Named for 2016, it holds the 2017–2018 löfte: read with it, as a copy is.
    fs::write(tmp.path().join("alvesta-2016.toml"), ALVESTA).unwrap();
    fs::write(tmp.path().join("alvesta-2017-2018 kopia.toml"), ALVESTA).unwrap();
    let in_2018 = [
        "alvesta-2016.toml",
        "alvesta-2017-2018 kopia.toml",
        "alvesta-2017-2018.toml",
        "alvesta-ovrigt.toml",
        "alvesta-resecentrum-2017-2018.toml",
    ];
    for area in [None, Some("Resecentrum"), Some("rese")] {
        assert_eq!(files(tmp.path(), Some(2018), area), in_2018, "{area:?}");
    }
    assert_eq!(files(tmp.path(), None, None).len(), 5);
    // The broken file is read, with its error, to be reported.
    let lookup = Lookup {
        cwd: crate::store::Cwd(tmp.path()),
        today: NaiveDate::from_ymd_opt(2018, 6, 1).unwrap(),
        lang: Lang::En,
        year: Some(2018),
        area: None,
        on: None,
    };
    let (ws, _) =
        Workspace::for_kommun(tmp.path().to_path_buf(), "alvesta", lookup, |_, _, _| true).unwrap();
    assert_eq!(ws.broken(), 1);
}

/// Whatever was read ahead by name, each tier holds exactly the files a listing gives it,
/// each read once, by the path without a link.
#[cfg(unix)]
#[test]
fn each_tier_is_what_the_listing_gives_it() {
    let tmp = folder();
    let of_2016 = ALVESTA
        .replacen("start = 2017-01-01", "start = 2016-01-01", 1)
        .replacen("end = 2018-12-31", "end = 2016-12-31", 1);
    fs::write(tmp.path().join("alvesta-2016.toml"), of_2016).unwrap();
    // A link named for 2018 to a file named for 2017–2018: listed once, as the file.
    std::os::unix::fs::symlink(
        "alvesta-2017-2018.toml",
        tmp.path().join("alvesta-2018.toml"),
    )
    .unwrap();
    let year = [
        "alvesta-2017-2018.toml",
        "alvesta-ovrigt.toml",
        "alvesta-resecentrum-2017-2018.toml",
    ];
    let named = [
        "alvesta-2016.toml",
        "alvesta-2017-2018.toml",
        "alvesta-ovrigt.toml",
        "alvesta-resecentrum-2017-2018.toml",
    ];
    for area in [None, Some("Resecentrum")] {
        assert_eq!(
            files_until(tmp.path(), Some(2018), area, |t| t == Tier::OfYear),
            year
        );
        assert_eq!(
            files_until(tmp.path(), Some(2018), area, |t| t == Tier::Named),
            named
        );
    }
    // Neither tier is enough: the whole folder, every file once.
    assert_eq!(files_until(tmp.path(), Some(2018), None, |_| false), named);
}
