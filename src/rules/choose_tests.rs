//! Table-driven tests of the choosing rules, on löften written as TOML.

use super::*;
use crate::kommuner::find;
use crate::load::load;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A löfte from `file` for `kommuner` over `start..=end`, with optional area, follow-up
/// `when` (TOML value) and extra TOML appended (log entries).
struct Spec {
    file: &'static str,
    kommuner: &'static [&'static str],
    start: &'static str,
    end: &'static str,
    area: Option<&'static str>,
    when: &'static str,
    activity: &'static str,
    extra: &'static str,
}

const BASE: Spec = Spec {
    file: "filipstad-2016.toml",
    kommuner: &["Filipstad"],
    start: "2016-01-01",
    end: "2016-12-31",
    area: None,
    when: "\"2017-Q1\"",
    activity: "trygghetsvandring",
    extra: "",
};

fn make(s: &Spec) -> Pledge {
    let ks: Vec<String> = s.kommuner.iter().map(|k| format!("\"{k}\"")).collect();
    let area = s
        .area
        .map_or(String::new(), |a| format!("area = \"{a}\"\n"));
    let src = format!(
        "title = \"t\"\nkommuner = [{}]\n{area}period = {{ start = {}, end = {} }}\n\
         [[activity]]\nid = \"{}\"\ntext = \"Göra något\"\nowners = [\"polisen\"]\n\
         [followup]\nwhen = {}\n{}",
        ks.join(", "),
        s.start,
        s.end,
        s.activity,
        s.when,
        s.extra
    );
    let loaded = load(s.file, &src, d("2030-01-01"));
    loaded
        .pledge
        .unwrap_or_else(|| panic!("{} does not load: {:?}", s.file, loaded.diags))
}

fn files(list: &[&Pledge]) -> Vec<String> {
    list.iter().map(|p| p.file.clone()).collect()
}

fn k(name: &str) -> &'static Kommun {
    find(name).unwrap()
}

/// The löften most tests choose among.
fn folder() -> Vec<Pledge> {
    vec![
        make(&BASE),
        make(&Spec {
            file: "filipstad-2017.toml",
            start: "2017-01-01",
            end: "2017-12-31",
            ..BASE
        }),
        make(&Spec {
            file: "filipstad-centrum-2017.toml",
            start: "2017-01-01",
            end: "2017-12-31",
            area: Some("Centrum"),
            activity: "cityvardar",
            ..BASE
        }),
        make(&Spec {
            file: "karlstad-munkfors-2016-2017.toml",
            kommuner: &["Karlstad", "Munkfors"],
            start: "2016-03-01",
            end: "2017-02-28",
            ..BASE
        }),
        make(&Spec {
            file: "alvesta-norr-2018.toml",
            kommuner: &["Alvesta"],
            start: "2018-01-01",
            end: "2018-12-31",
            area: Some("Norr"),
            ..BASE
        }),
        make(&Spec {
            file: "alvesta-soder-2018.toml",
            kommuner: &["Alvesta"],
            start: "2018-01-01",
            end: "2018-12-31",
            area: Some("Söder"),
            ..BASE
        }),
    ]
}

/// `pledge_on` as a short string: the file, "none [files]" or "several [files]".
fn on(
    ps: &[Pledge],
    kommun: &str,
    date: &str,
    area: Option<&str>,
    activity: Option<&str>,
) -> String {
    match pledge_on(ps, k(kommun), d(date), area, activity) {
        Ok((p, _)) => p.file.clone(),
        Err(OnDateError::NoneHolds { all }) => format!("none {:?}", files(&all)),
        Err(OnDateError::Several(list)) => format!("several {:?}", files(&list)),
    }
}

#[test]
fn pledge_on_picks_the_one_löfte_holding_the_date() {
    let ps = folder();
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, &'a str);
    #[rustfmt::skip]
    let cases: &[Case] = &[
        ("Filipstad", "2016-05-01", None, None, "filipstad-2016.toml"),
        ("Filipstad", "2016-12-31", None, None, "filipstad-2016.toml"),
        // A whole-kommun löfte and one for its centre: without an area the whole kommun wins.
        ("Filipstad", "2017-05-01", None, None, "filipstad-2017.toml"),
        ("Filipstad", "2017-05-01", Some("cent"), None, "filipstad-centrum-2017.toml"),
        ("Filipstad", "2017-05-01", Some("CENTRUM"), None, "filipstad-centrum-2017.toml"),
        // Only the centre's löfte has the activity.
        ("Filipstad", "2017-05-01", None, Some("cityvardar"), "filipstad-centrum-2017.toml"),
        // An activity both have does not decide; the whole kommun does.
        ("Filipstad", "2017-05-01", None, Some("trygg"), "filipstad-2017.toml"),
        // One löfte for two kommuner is found from either.
        ("Karlstad", "2016-05-01", None, None, "karlstad-munkfors-2016-2017.toml"),
        ("Munkfors", "2017-02-28", None, None, "karlstad-munkfors-2016-2017.toml"),
        ("Alvesta", "2018-05-01", Some("s"), None, "alvesta-soder-2018.toml"),
        ("Alvesta", "2018-05-01", Some("Norr"), None, "alvesta-norr-2018.toml"),
        ("Alvesta", "2018-05-01", None, None, "several [\"alvesta-norr-2018.toml\", \"alvesta-soder-2018.toml\"]"),
        ("Alvesta", "2018-05-01", Some("väst"), None, "none [\"alvesta-norr-2018.toml\", \"alvesta-soder-2018.toml\"]"),
        ("Karlstad", "2018-01-01", None, None, "none [\"karlstad-munkfors-2016-2017.toml\"]"),
        ("Filipstad", "2015-12-31", None, None, "none [\"filipstad-2016.toml\", \"filipstad-2017.toml\", \"filipstad-centrum-2017.toml\"]"),
        ("Malmö", "2016-05-01", None, None, "none []"),
        // An area asked of a kommun whose löften have none.
        ("Filipstad", "2016-05-01", Some("centrum"), None, "none [\"filipstad-2016.toml\", \"filipstad-2017.toml\", \"filipstad-centrum-2017.toml\"]"),
    ];
    for (kommun, date, area, activity, want) in cases {
        assert_eq!(
            on(&ps, kommun, date, *area, *activity),
            *want,
            "{kommun} {date} {area:?} {activity:?}"
        );
    }
}

#[test]
fn an_area_named_whole_wins_over_areas_it_only_begins() {
    let mut ps = folder();
    ps.push(make(&Spec {
        file: "filipstad-centrum-ost-2017.toml",
        start: "2017-01-01",
        end: "2017-12-31",
        area: Some("Centrum öst"),
        ..BASE
    }));
    let cases = [
        (Some("centrum"), "filipstad-centrum-2017.toml"),
        (Some("Centrum Ost"), "filipstad-centrum-ost-2017.toml"),
        // Only a beginning: both areas begin with it, and neither is named whole.
        (
            Some("cent"),
            "several [\"filipstad-centrum-2017.toml\", \"filipstad-centrum-ost-2017.toml\"]",
        ),
        (None, "filipstad-2017.toml"),
    ];
    for (area, want) in cases {
        assert_eq!(
            on(&ps, "Filipstad", "2017-05-01", area, None),
            want,
            "{area:?}"
        );
    }
    // The report and the follow-up choose the same way.
    let report =
        |area| report_pledge(&ps, k("Filipstad"), d("2017-05-01"), area).map(|p| p.file.clone());
    assert_eq!(
        report(Some("Centrum")).unwrap(),
        "filipstad-centrum-2017.toml"
    );
    assert_eq!(
        report(Some("centrum öst")).unwrap(),
        "filipstad-centrum-ost-2017.toml"
    );
    assert!(report(Some("cent")).is_err());
    assert_eq!(
        followup(&ps, "Filipstad", "2018-02-01", Some("Centrum")),
        "filipstad-centrum-2017.toml"
    );
    assert_eq!(
        followup(&ps, "Filipstad", "2018-02-01", Some("Centrum öst")),
        "filipstad-centrum-ost-2017.toml"
    );
    assert_eq!(
        followup(&ps, "Filipstad", "2018-02-01", None),
        "filipstad-2017.toml"
    );
}

#[test]
fn two_files_holding_the_same_löfte_are_several() {
    let ps = vec![
        make(&BASE),
        make(&Spec {
            file: "kopia/filipstad-2016.toml",
            ..BASE
        }),
    ];
    assert_eq!(
        on(&ps, "Filipstad", "2016-05-01", None, None),
        "several [\"filipstad-2016.toml\", \"kopia/filipstad-2016.toml\"]"
    );
    // The pair is shown by `status` and `report` cannot choose.
    assert_eq!(
        files(&pledges_for(&ps, k("Filipstad"), d("2016-05-01"))).len(),
        2
    );
    assert!(matches!(
        report_pledge(&ps, k("Filipstad"), d("2016-05-01"), None),
        Err(ReportChoiceError::Several(_))
    ));
}

fn followup(ps: &[Pledge], kommun: &str, date: &str, area: Option<&str>) -> String {
    followup_pledge(ps, k(kommun), d(date), area).map_or("none".into(), |p| p.file.clone())
}

#[test]
fn the_follow_up_goes_to_the_löfte_it_follows_up() {
    let done_2016 = "[[log]]\ndate = 2017-02-01\nactivity = \"followup\"\n";
    let yearly = Spec {
        file: "filipstad-2017.toml",
        start: "2017-01-01",
        end: "2017-12-31",
        when: "\"yearly\"",
        ..BASE
    };
    let dated_2017 = Spec {
        file: "filipstad-2017.toml",
        start: "2017-01-01",
        end: "2017-12-31",
        when: "2018-03-31",
        ..BASE
    };
    let cases: Vec<(Vec<Pledge>, &str, Option<&str>, &str)> = vec![
        // After the period, the ended löfte whose follow-up (2017-Q1) is due.
        (
            vec![make(&BASE), make(&dated_2017)],
            "2017-02-01",
            None,
            "filipstad-2016.toml",
        ),
        // Due from 90 days before its quarter: 2016-10-03 is within, 2016-10-02 is not but
        // the löfte is in force then.
        (vec![make(&BASE)], "2016-10-03", None, "filipstad-2016.toml"),
        // Once that follow-up is recorded, the löfte in force.
        (
            vec![
                make(&Spec {
                    extra: done_2016,
                    ..BASE
                }),
                make(&dated_2017),
            ],
            "2017-02-02",
            None,
            "filipstad-2017.toml",
        ),
        // A yearly follow-up of the löfte in force comes first.
        (
            vec![make(&BASE), make(&yearly)],
            "2017-02-01",
            None,
            "filipstad-2017.toml",
        ),
        // Long after, with nothing due: the most recently ended.
        (
            vec![
                make(&Spec {
                    extra: done_2016,
                    ..BASE
                }),
                make(&dated_2017),
            ],
            "2025-01-01",
            None,
            "filipstad-2017.toml",
        ),
        // Nothing had started by the date.
        (vec![make(&BASE)], "2015-06-01", None, "none"),
        (vec![make(&BASE)], "2016-06-01", Some("centrum"), "none"),
        (vec![make(&BASE)], "2016-06-01", None, "filipstad-2016.toml"),
    ];
    for (ps, date, area, want) in &cases {
        assert_eq!(followup(ps, "Filipstad", date, *area), *want, "{date}");
    }
}

#[test]
fn pledges_for_shows_the_active_else_the_latest_else_the_first() {
    let ps = folder();
    let cases: &[(&str, &str, &[&str])] = &[
        ("Filipstad", "2016-06-01", &["filipstad-2016.toml"]),
        (
            "Filipstad",
            "2017-06-01",
            &["filipstad-2017.toml", "filipstad-centrum-2017.toml"],
        ),
        ("Filipstad", "2019-06-01", &["filipstad-centrum-2017.toml"]),
        ("Filipstad", "2010-01-01", &["filipstad-2016.toml"]),
        (
            "Munkfors",
            "2016-06-01",
            &["karlstad-munkfors-2016-2017.toml"],
        ),
        ("Malmö", "2016-06-01", &[]),
    ];
    for (kommun, date, want) in cases {
        assert_eq!(
            files(&pledges_for(&ps, k(kommun), d(date))),
            *want,
            "{kommun} {date}"
        );
    }
}

#[test]
fn the_latest_started_is_the_last_by_start_then_area_then_file() {
    let ps = folder();
    // 2019: both 2017 löften ended; the sort puts the centre's last.
    assert_eq!(
        files(&pledges_for(&ps, k("Filipstad"), d("2019-06-01"))),
        ["filipstad-centrum-2017.toml"]
    );
}

fn status(
    ps: &[Pledge],
    names: &[&str],
    all: bool,
    date: &str,
) -> Result<Vec<String>, SelectError> {
    let refs: Vec<&Pledge> = ps.iter().collect();
    let ks: Vec<&'static Kommun> = names.iter().map(|n| k(n)).collect();
    status_pledges(&refs, &ks, all, d(date)).map(|l| files(&l))
}

#[test]
fn status_shows_kommuner_by_lan_then_kod_each_löfte_once() {
    let ps = folder();
    assert_eq!(
        status(&ps, &[], true, "2016-06-01").unwrap(),
        [
            // Kronobergs län (07) before Värmlands län (17); there by kommunkod. Alvesta's two
            // löften are both to come: only the first is shown.
            "alvesta-norr-2018.toml",
            "karlstad-munkfors-2016-2017.toml",
            "filipstad-2016.toml",
        ]
    );
    assert_eq!(
        status(
            &ps,
            &["Munkfors", "Karlstad", "munkfors"],
            false,
            "2016-06-01"
        )
        .unwrap(),
        ["karlstad-munkfors-2016-2017.toml"]
    );
    assert_eq!(
        status(&ps, &["Filipstad"], false, "2017-06-01").unwrap(),
        ["filipstad-2017.toml", "filipstad-centrum-2017.toml"]
    );
}

#[test]
fn status_without_kommun_needs_exactly_one() {
    let ps = folder();
    assert_eq!(
        status(&ps, &[], false, "2016-06-01"),
        Err(SelectError::SeveralKommuner {
            count: 4,
            first: k("Alvesta")
        })
    );
    assert_eq!(
        status(&[], &[], false, "2016-06-01"),
        Err(SelectError::NoLoften)
    );
    assert_eq!(status(&[], &[], true, "2016-06-01"), Ok(vec![]));
    assert_eq!(
        status(&[make(&BASE)], &[], false, "2016-06-01").unwrap(),
        ["filipstad-2016.toml"]
    );
    assert_eq!(
        status(&ps, &["Malmö"], false, "2016-06-01"),
        Err(SelectError::NoneFor(k("Malmö")))
    );
}

#[test]
fn report_takes_the_whole_kommun_or_the_named_area() {
    let ps = folder();
    let pick = |kommun: &str, date: &str, area: Option<&str>| match report_pledge(
        &ps,
        k(kommun),
        d(date),
        area,
    ) {
        Ok(p) => p.file.clone(),
        Err(ReportChoiceError::NoneFor) => "none".into(),
        Err(ReportChoiceError::Several(l)) => format!("several {}", l.len()),
    };
    assert_eq!(pick("Filipstad", "2017-06-01", None), "filipstad-2017.toml");
    assert_eq!(
        pick("Filipstad", "2017-06-01", Some("c")),
        "filipstad-centrum-2017.toml"
    );
    // Only an area löfte is shown: it is the only one, so no --area is needed.
    assert_eq!(
        pick("Filipstad", "2019-06-01", None),
        "filipstad-centrum-2017.toml"
    );
    assert_eq!(pick("Alvesta", "2018-06-01", None), "several 2");
    assert_eq!(
        pick("Alvesta", "2018-06-01", Some("n")),
        "alvesta-norr-2018.toml"
    );
    assert_eq!(pick("Alvesta", "2018-06-01", Some("x")), "several 2");
    assert_eq!(pick("Malmö", "2018-06-01", None), "none");
}

#[test]
fn list_filters_by_kommun_and_date_and_sorts_by_kod_then_start() {
    let ps = folder();
    let list = |kommun: Option<&str>, on: Option<&str>| {
        files(&list_pledges(&ps, kommun.map(k), on.map(d)))
    };
    assert_eq!(
        list(None, None),
        [
            "alvesta-norr-2018.toml",
            "alvesta-soder-2018.toml",
            "karlstad-munkfors-2016-2017.toml",
            "filipstad-2016.toml",
            "filipstad-2017.toml",
            "filipstad-centrum-2017.toml",
        ]
    );
    assert_eq!(
        list(Some("Munkfors"), None),
        ["karlstad-munkfors-2016-2017.toml"]
    );
    assert_eq!(
        list(None, Some("2017-01-15")),
        [
            "karlstad-munkfors-2016-2017.toml",
            "filipstad-2017.toml",
            "filipstad-centrum-2017.toml",
        ]
    );
    assert!(list(Some("Malmö"), None).is_empty());
}

#[test]
fn list_active_on_keeps_a_loefte_in_force_until_replaced() {
    let mut old = make(&Spec {
        file: "kristinehamn-2016-2017.toml",
        kommuner: &["Kristinehamn"],
        start: "2016-01-01",
        end: "2017-12-31",
        ..BASE
    });
    old.period.until_replaced = true;
    let next = make(&Spec {
        file: "kristinehamn-2019.toml",
        kommuner: &["Kristinehamn"],
        start: "2019-01-01",
        end: "2019-12-31",
        ..BASE
    });
    let other_area = make(&Spec {
        file: "kristinehamn-centrum-2018.toml",
        kommuner: &["Kristinehamn"],
        start: "2018-03-01",
        end: "2018-12-31",
        area: Some("Centrum"),
        ..BASE
    });
    let ps = [old, next, other_area];
    let list = |on: &str| files(&list_pledges(&ps, None, Some(d(on))));
    // After its end and before the next löfte: still in force (a löfte for another area does
    // not replace it); from the next löfte's start: replaced.
    assert_eq!(
        list("2018-06-01"),
        [
            "kristinehamn-2016-2017.toml",
            "kristinehamn-centrum-2018.toml"
        ]
    );
    assert_eq!(list("2019-01-01"), ["kristinehamn-2019.toml"]);
    assert_eq!(list("2015-06-01"), Vec::<String>::new());
    let mut plain = ps[0].clone();
    plain.period.until_replaced = false;
    assert!(!in_force(&plain, d("2018-06-01"), &[&plain]));
}
