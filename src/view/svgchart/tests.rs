//! Tests of the chart and the sparkline.

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn pts() -> Vec<(NaiveDate, f64)> {
    vec![(d("2017-11-15"), 64.0), (d("2018-11-20"), 67.5)]
}

fn chart(points: &[(NaiveDate, f64)]) -> Chart<'_> {
    Chart {
        id: "trygghet",
        title: "Andel som känner sig trygga <i centrum> & \"kvällstid\"",
        desc: "Utgångsläge 62 (2016), mål 70; 2017-11-15: 64; 2018-11-20: 67,5",
        measured_label: "Mätningar",
        unit: Some("procent"),
        points,
        baseline: Some(Line {
            value: 62.0,
            label: "Utgångsläge",
            date: Some(d("2016-11-10")),
            year_only: false,
        }),
        goal: Some(Line {
            value: 70.0,
            label: "Mål",
            date: None,
            year_only: false,
        }),
        decimal_comma: true,
    }
}

/// Every tag is closed in order, and no text holds a raw `<` or `&` that is not an entity.
fn well_formed(svg: &str) -> bool {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        if text.contains('>')
            || text
                .replace("&amp;", "")
                .replace("&lt;", "")
                .replace("&gt;", "")
                .replace("&quot;", "")
                .replace("&#39;", "")
                .contains('&')
        {
            return false;
        }
        let end = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i + 1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            if stack.pop().as_deref() != Some(name.as_str()) {
                return false;
            }
        } else if !tag.ends_with('/') {
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    stack.is_empty() && rest.is_empty()
}

#[test]
fn the_chart_is_self_contained_accessible_and_deterministic() {
    let p = pts();
    let svg = svg(&chart(&p));
    assert!(well_formed(&svg), "{svg}");
    assert_eq!(svg, super::svg(&chart(&p)));
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(r#"aria-labelledby="chart-trygghet-title chart-trygghet-desc""#));
    assert!(svg.contains(
        "<title id=\"chart-trygghet-title\">Andel som känner sig trygga &lt;i centrum&gt; &amp; &quot;kvällstid&quot;</title>"
    ));
    for external in ["href", "url(", "<script", "<style", "<image", "@import"] {
        assert!(!svg.contains(external), "{external}");
    }
    // Black-and-white: a dashed goal, three marker shapes, values and dates as text.
    assert!(svg.contains(r#"stroke-dasharray="6 4""#));
    assert!(svg.contains("<circle") && svg.contains("<rect") && svg.contains("<polygon"));
    for text in [
        ">64<",
        ">67,5<",
        ">2017-11-15<",
        ">2018-11-20<",
        ">Utgångsläge 62<",
        ">Mål 70<",
        ">Mätningar<",
    ] {
        assert!(svg.contains(text), "{text}");
    }
}

#[test]
fn every_text_is_escaped() {
    let p = [(d("2017-01-01"), 1.0)];
    let mut c = chart(&p);
    c.id = "x\" onload=\"alert(1)";
    c.desc = "</desc><script>alert(1)</script>";
    c.unit = Some("<b>");
    c.measured_label = "a&b";
    c.baseline = Some(Line {
        value: 0.5,
        label: "'\"<>&",
        date: None,
        year_only: false,
    });
    let svg = svg(&c);
    assert!(well_formed(&svg), "{svg}");
    assert!(!svg.contains("<script") && !svg.contains("onload=\"") && !svg.contains("<b>"));
    assert!(svg.contains("&lt;/desc&gt;&lt;script&gt;"));
    assert!(svg.contains("&#39;&quot;&lt;&gt;&amp; 0,5"));
    assert!(svg.contains("chart-x--onload--alert-1--title"));
}

#[test]
fn edge_cases_still_draw() {
    // No measurements, one measurement, equal values, no baseline or goal.
    let none = chart(&[]);
    assert!(well_formed(&svg(&none)));
    assert!(!svg(&none).contains("<circle"));
    let one = [(d("2017-06-01"), 62.0)];
    let mut c = chart(&one);
    c.baseline = None;
    c.goal = None;
    let s = svg(&c);
    assert!(well_formed(&s));
    assert!(s.contains(r#"<circle cx="280.0""#), "{s}");
    assert!(!s.contains("NaN") && !s.contains("inf"));
    let many: Vec<_> = (0..20)
        .map(|i| (d("2000-01-01") + chrono::Months::new(i * 12), i as f64))
        .collect();
    let s = svg(&chart(&many));
    assert!(well_formed(&s));
    assert_eq!(s.matches("<circle").count(), 20 + 1); // one more in the legend
    // Dates under the axis: every third, and the last (the baseline's is 2016-11-10).
    assert_eq!(s.matches("-01-01<").count(), 8);
}

#[test]
fn labels_of_close_lines_are_pushed_apart() {
    let p = pts();
    let mut c = chart(&p);
    c.goal = Some(Line {
        value: 62.1,
        label: "Mål",
        date: None,
        year_only: false,
    });
    let s = svg(&c);
    let ys: Vec<f64> = s
        .match_indices(r#"<text x="518.0" y=""#)
        .map(|(i, m)| s[i + m.len()..].split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(ys.len(), 2);
    assert!((ys[0] - ys[1]).abs() >= 13.0, "{ys:?}");
}

#[test]
fn numbers_and_axis() {
    assert_eq!(fmt_num(62.0, false), "62");
    assert_eq!(fmt_num(62.5, true), "62,5");
    assert_eq!(fmt_num(1.23456, false), "1.23");
    assert_eq!(fmt_num(-0.001, false), "0");
    assert_eq!(fmt_change(5.5, true), "+5,5");
    assert_eq!(fmt_change(-0.6, false), "-0.6");
    assert_eq!(fmt_change(0.001, false), "0");
    let close = |a: (f64, f64, f64), b: (f64, f64, f64)| {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9 && (a.2 - b.2).abs() < 1e-9
    };
    // The axis holds zero (a count or a share from a cut axis exaggerates its change), with
    // room above the greatest value and below the least negative one only.
    assert!(close(value_axis(&[62.0, 70.0, 64.0]), (0.0, 75.6, 20.0)));
    assert!(close(value_axis(&[8.5, 7.9]), (0.0, 9.18, 5.0)));
    assert!(close(value_axis(&[5.0]), (0.0, 5.4, 2.0)));
    assert!(close(value_axis(&[]), (0.0, 1.08, 0.5)));
    assert!(close(value_axis(&[0.0, 1000.0]), (0.0, 1080.0, 500.0)));
    assert!(close(value_axis(&[-3.0, -1.0]), (-3.24, 0.0, 1.0)));
    assert!(close(value_axis(&[-5.0, 10.0]), (-6.2, 11.2, 5.0)));
    assert_eq!(ticks(0.0, 75.6, 20.0), [0.0, 20.0, 40.0, 60.0]);
    assert_eq!(ticks(-80.0, 1080.0, 500.0), [0.0, 500.0, 1000.0]);
}

/// Writes a sample chart for looking at: `PLEDGE_CHART_SAMPLE=/tmp/c.svg cargo test --lib
/// svgchart`.
#[test]
fn sample_for_the_eye() {
    let Ok(path) = std::env::var("PLEDGE_CHART_SAMPLE") else {
        return;
    };
    let p = [
        (d("2017-11-15"), 64.0),
        (d("2018-11-20"), 67.5),
        (d("2019-11-18"), 66.0),
    ];
    std::fs::write(&path, svg(&chart(&p))).unwrap();
    // The edge cases: no measurement yet; one, without baseline or goal; close lines.
    std::fs::write(format!("{path}.empty.svg"), svg(&chart(&[]))).unwrap();
    let mut one = chart(&p[..1]);
    (one.baseline, one.goal) = (None, None);
    std::fs::write(format!("{path}.one.svg"), svg(&one)).unwrap();
    let mut close = chart(&p);
    close.goal = Some(Line {
        value: 62.5,
        label: "Mål",
        date: None,
        year_only: false,
    });
    std::fs::write(format!("{path}.close.svg"), svg(&close)).unwrap();
}

#[test]
fn sparklines() {
    assert_eq!(sparkline(&[]), "");
    assert_eq!(
        sparkline(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]),
        "▁▂▃▄▅▆▇█"
    );
    assert_eq!(sparkline(&[5.0, 5.0]), "▄▄");
    assert_eq!(sparkline(&[0.0, f64::NAN, 10.0]), "▁ █");
    assert_eq!(sparkline(&[62.0, 64.0, 67.5]), "▁▄█");
}

#[test]
fn the_demo_chart_and_sparkline() {
    const DEMO: &str = include_str!("../../../examples/indicators/hagfors-2017-2018.toml");
    let demo = crate::load::load("hagfors.toml", DEMO, NaiveDate::MAX);
    let inds = demo.pledge.expect("the demo loads").indicators;
    let trygghet = &inds[0];
    let points = [(d("2017-11-15"), 64.0), (d("2018-11-20"), 67.5)];
    let b = trygghet.baseline.unwrap();
    let chart = Chart {
        id: &trygghet.id,
        title: &trygghet.name,
        desc: "Utgångsläge 62 (2016), mål 70. 2017-11-15: 64. 2018-11-20: 67,5.",
        measured_label: "Mätningar",
        unit: trygghet.unit.as_deref(),
        points: &points,
        baseline: Some(Line {
            value: b.value,
            label: "Utgångsläge",
            date: b.when.and_then(crate::model::outcome::When::day),
            year_only: matches!(b.when, Some(crate::model::outcome::When::Year { .. })),
        }),
        goal: Some(Line {
            value: 70.0,
            label: "Mål",
            date: None,
            year_only: false,
        }),
        decimal_comma: true,
    };
    let svg = svg(&chart);
    // The baseline is stated as a year (2016): labelled as the year, not a day it never gave.
    assert!(svg.contains(">Mål 70<") && svg.contains(">2016<") && !svg.contains("2016-12-31"));
    let values: Vec<f64> = std::iter::once(b.value)
        .chain(points.iter().map(|p| p.1))
        .collect();
    assert_eq!(sparkline(&values), "▁▄█");
}

/// The numbers of an attribute on every element that has it.
fn attr_values(svg: &str, name: &str) -> Vec<f64> {
    let key = format!(" {name}=\"");
    svg.match_indices(&key)
        .map(|(i, _)| {
            let rest = &svg[i + key.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn the_narrow_chart_keeps_every_text_inside_300_wide() {
    let many: Vec<_> = (0..20)
        .map(|i| {
            (
                d("2000-01-01") + chrono::Months::new(i * 12),
                60.0 + i as f64,
            )
        })
        .collect();
    for p in [pts(), many] {
        let pair = svg_pair(&chart(&p));
        let (wide, narrow) = pair.split_at(pair.find("</svg>").unwrap() + "</svg>".len());
        assert_eq!(
            wide.replacen(r#"class="chart wide""#, r#"class="chart""#, 1),
            svg(&chart(&p)),
            "the wide chart is the chart as it was"
        );
        assert!(well_formed(narrow), "{narrow}");
        assert!(narrow.contains(r#"class="chart narrow" viewBox="0 0 300 300" width="300""#));
        // Ids of its own: both charts are on one page.
        assert!(
            narrow.contains(r#"id="chart-trygghet-narrow-title""#),
            "{narrow}"
        );
        // No text starts outside it, and a date (about 72 wide) is never cut at an edge.
        for x in attr_values(narrow, "x") {
            assert!((0.0..=300.0).contains(&x), "x = {x} in {narrow}");
        }
        // At most three dates and the last under the axis, and the baseline's; values only
        // over the dated points.
        let dates = narrow.matches(r#" y="286.0""#).count();
        assert!(dates <= 5, "{narrow}");
        let values = narrow.matches(r#"font-weight="bold""#).count();
        assert_eq!(values, dates - 1, "{narrow}");
        // The lines' values are in the legend, which wraps inside the width.
        assert!(narrow.contains(">Utgångsläge 62<") && narrow.contains(">Mål 70<"));
        let goal = |svg: &str| {
            let g = &svg[svg.find(r#"<g class="goal">"#).unwrap()..];
            g[..g.find("</g>").unwrap()].to_string()
        };
        assert!(goal(wide).contains(">Mål 70</text>") && !goal(narrow).contains("<text"));
        let legend = &narrow[narrow.find(r#"<g class="legend">"#).unwrap()..];
        for (x, text) in legend
            .split("<text ")
            .skip(1)
            .map(|t| (attr_values(&format!(" {t}"), "x")[0], t))
        {
            let label = &text[text.find('>').unwrap() + 1..text.find('<').unwrap()];
            let end = x + 0.6 * FONT_SIZE * label.chars().count() as f64;
            assert!(end <= 300.0, "{label} ends at {end}");
        }
    }
}
