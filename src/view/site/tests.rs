use super::*;
use crate::rules::status::pledge_status;
use crate::view::i18n::Lang;

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn load(name: &str, text: &str) -> Pledge {
    let l = crate::load::load(name, text, d("2030-01-01"));
    assert!(!l.has_errors(), "{:?}", l.diags);
    l.pledge.unwrap()
}

const HOSTILE: &str = "title = \"<script>alert(1)</script>\"\nkommun = \"Filipstad\"\n\
    source = \"javascript:alert(1)\"\npromise = \"a & b\"\n[period]\nstart = 2016-01-01\n\
    end = 2016-12-31\n[problem]\ntext = \"x\\u0007 <img src=x onerror=y>\"\n\
    [[activity]]\nid = \"a\"\ntext = \"it's \\\"quoted\\\"\"\nowners = [\"<b>bold</b>\"]\n\
    target = { count = 1, per = \"month\" }\n[[log]]\ndate = 2016-03-05\nactivity = \"a\"\n";

#[test]
fn file_text_cannot_carry_markup_into_the_site() {
    let p = load("x/evil.toml", HOSTILE);
    let s = pledge_status(&p, d("2016-06-15"));
    let files = build(std::slice::from_ref(&s), Lang::Sv);
    let page = |path: &str| {
        let f = files.iter().find(|f| f.path == path).unwrap();
        String::from_utf8(f.bytes.clone()).unwrap()
    };
    for path in ["index.html", "evil/index.html"] {
        let html = page(path);
        for bad in ["<script", "<img", "<b>", "\u{7}", "href=\"javascript"] {
            assert!(!html.contains(bad), "{bad} in {path}:\n{html}");
        }
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{path}"
        );
    }
    let html = page("evil/index.html");
    assert!(html.contains("<p>a &amp; b</p>"), "{html}");
    assert!(html.contains("it&#39;s &quot;quoted&quot;"), "{html}");
    // A source that is not a web address is shown as text.
    assert!(html.contains("<p>javascript:alert(1)</p>"), "{html}");
    // The monthly record is a strip of windows, each with its symbol and its words.
    assert!(html.contains("<ol class=\"strip\">"), "{html}");
    assert!(html.contains("✗</span><span class=\"vh\">2016-01: 0 av 1: missad</span>"));
}

#[test]
fn page_folders_are_slugs_and_unique() {
    let text = HOSTILE;
    let a = load("pledges/Filipstad 2016.toml", text);
    let b = load("other/filipstad-2016.toml", text);
    let c = load("pledges/åäö.toml", text);
    let dirs = page_dirs([&a, &b, &c].into_iter());
    assert_eq!(dirs, ["filipstad-2016", "filipstad-2016-2", "aao"]);
}

#[test]
fn the_marker_lists_the_files() {
    let text = marker_text(["index.html", "a/index.html"]);
    assert_eq!(marker_files(&text), ["index.html", "a/index.html"]);
    assert_eq!(marker_files("# c\n\n  x.html \n"), ["x.html"]);
}

#[test]
fn building_twice_gives_the_same_bytes_and_no_outcome_section_without_indicators() {
    let p = load("pledges/evil.toml", HOSTILE);
    let s = pledge_status(&p, d("2016-06-15"));
    let one = std::slice::from_ref(&s);
    assert_eq!(build(one, Lang::En), build(one, Lang::En));
    assert_eq!(indicators::indicators_html(&s, Lang::Sv), "");
    let index = String::from_utf8(build(&[s], Lang::En)[0].bytes.clone()).unwrap();
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
}

#[test]
fn the_site_from_summaries_is_the_site_from_statuses() {
    let p = load("pledges/evil.toml", HOSTILE);
    let q = load(
        "pledges/other.toml",
        &HOSTILE.replace("Filipstad", "Karlstad"),
    );
    let (s, t) = (
        pledge_status(&p, d("2016-06-15")),
        pledge_status(&q, d("2016-06-15")),
    );
    let both = [s, t];
    let files = build(&both, Lang::Sv);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "index.html",
            "evil/index.html",
            "other/index.html",
            "pledges.json",
            "pledges.csv",
            "datapackage.json",
            "calendar.ics",
            "dcat.rdf"
        ]
    );
    let pledges: Vec<&Pledge> = both.iter().map(|s| s.pledge).collect();
    let mut json = Vec::new();
    crate::view::json::write_status(&mut json, &pledges, &[], d("2016-06-15"), None).unwrap();
    json.push(b'\n');
    assert_eq!(files[3].bytes, json);
    assert_eq!(
        files[4].bytes,
        crate::view::csv::status_words_csv(&both, Lang::Sv).into_bytes()
    );
    assert_eq!(
        files[6].bytes,
        crate::view::calendar::feed(&both, Lang::Sv).into_bytes()
    );
    let streamed: Vec<bool> = (0..Rest::LEN).map(Rest::streams).collect();
    assert_eq!(streamed, [false, true, false, false, false, false]);
}

#[test]
fn a_pledge_page_shows_its_indicators_and_verdicts_escaped_under_the_outcome_heading() {
    let text = include_str!("../../../examples/indicators/hagfors-2017-2018.toml");
    let p = load("pledges/hagfors-2017-2018.toml", text);
    assert!(!p.indicators.is_empty());
    let s = pledge_status(&p, d("2019-06-01"));
    let section = indicators::indicators_html(&s, Lang::Sv);
    // A level under the page's "Utfall": the groups are h3, each indicator h4, with its chart.
    assert!(
        section.starts_with("<h3>Det här ville vi uppnå</h3>\n"),
        "{section}"
    );
    assert!(section.contains("<div class=\"indicator\""), "{section}");
    assert!(section.contains("<h4>"), "{section}");
    assert!(section.contains("<svg "), "{section}");
    assert!(!section.contains("<h2>"), "{section}");
    assert!(
        section.contains("<h3>Uppföljningens bedömning</h3>"),
        "{section}"
    );
    let pages = build(&[s], Lang::Sv);
    let page = pages
        .iter()
        .map(|f| String::from_utf8(f.bytes.clone()).unwrap())
        .find(|t| t.contains("id=\"utfall\""))
        .expect("the löfte's page has the outcome section");
    assert!(
        page.contains(&section),
        "the page holds the section as made"
    );
}
