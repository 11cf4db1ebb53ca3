//! The site's index page: every löfte by polisregion, län and lokalpolisområde, the summary,
//! the activities by status.

use std::collections::BTreeMap;

use askama::Template;
use chrono::NaiveDate;

use super::words::{Words, words};
use super::{Badge, ORDER, Tally, badge, tallies};
use crate::i18n::Lang;
use crate::status::PledgeStatus;

/// One löfte's row.
struct Row {
    href: String,
    title: String,
    kommuner: String,
    start: NaiveDate,
    end: NaiveDate,
    /// "gäller tills ett nytt löfte tecknats", for a löfte in force until replaced.
    until_replaced: Option<&'static str>,
    state: &'static str,
    tallies: Vec<Tally>,
}

struct Lpo {
    /// None for löften that name none.
    name: Option<String>,
    rows: Vec<Row>,
}

struct Lan {
    name: &'static str,
    lpos: Vec<Lpo>,
}

struct Region {
    name: &'static str,
    id: String,
    lans: Vec<Lan>,
}

/// A row of the summary: a polisregion (or the total) with its löften and a count per status.
struct SummaryRow {
    name: String,
    /// The anchor of the region's löften.
    id: String,
    loften: usize,
    counts: Vec<usize>,
}

/// The activities of one status, each linked to its place on its löfte's page.
struct StatusList<'a> {
    id: &'static str,
    badge: Badge,
    /// The link, the löfte's and the activity's title, and the activity's text (borrowed).
    items: Vec<(String, String, &'a str)>,
}

#[derive(Template)]
#[template(path = "site/index.html")]
struct IndexPage<'a> {
    lang_code: &'static str,
    /// "Medborgarlöften – Filipstad" for one kommun's löften.
    name: String,
    w: Words,
    as_of: NaiveDate,
    loften: usize,
    activities: usize,
    columns: Vec<Badge>,
    summary: Vec<SummaryRow>,
    total: SummaryRow,
    regions: Vec<Region>,
    by_status: Vec<StatusList<'a>>,
}

pub fn render(statuses: &[PledgeStatus<'_>], dirs: &[String], lang: Lang) -> String {
    let as_of = statuses.first().map_or(NaiveDate::MIN, |s| s.as_of);
    let columns: Vec<_> = ORDER
        .iter()
        .filter(|o| statuses.iter().any(|s| s.count(**o) > 0))
        .copied()
        .collect();
    let regions = regions(statuses, dirs, lang);
    let summary = summary(statuses, &columns, lang);
    let page = IndexPage {
        lang_code: lang.code(),
        name: crate::calendar::calendar_name(statuses, lang),
        w: words(lang),
        as_of,
        loften: statuses.len(),
        activities: statuses.iter().map(|s| s.activities.len()).sum(),
        total: SummaryRow {
            name: words(lang).total.to_string(),
            id: String::new(),
            loften: statuses.len(),
            counts: columns
                .iter()
                .map(|c| statuses.iter().map(|s| s.count(*c)).sum())
                .collect(),
        },
        columns: columns.iter().map(|c| badge(*c, lang)).collect(),
        summary,
        regions,
        by_status: by_status(statuses, dirs, lang),
    };
    super::render(&page)
}

/// The polisregion, län and lokalpolisområde of a löfte: its first kommun's.
fn place<'a>(
    s: &'a PledgeStatus<'_>,
) -> (&'static str, &'static str, &'static str, Option<&'a str>) {
    let k = s.pledge.kommuner[0];
    (
        k.polisregion,
        k.lanskod,
        k.lan,
        s.pledge.lokalpolisomrade.as_deref(),
    )
}

fn row(s: &PledgeStatus<'_>, dir: &str, lang: Lang) -> Row {
    let p = s.pledge;
    let mut kommuner = p.kommun_names();
    if let Some(a) = &p.area {
        kommuner = format!("{kommuner} ({a})");
    }
    Row {
        href: format!("{dir}/index.html"),
        title: p.title.clone(),
        kommuner,
        start: p.period.start,
        end: p.period.end,
        until_replaced: p
            .period
            .until_replaced
            .then(|| lang.t(crate::view::Label::InForceUntilReplaced)),
        state: lang.state(s.state),
        tallies: tallies(s.activities.iter().map(|a| a.status), lang),
    }
}

type Tree<'a> = BTreeMap<
    &'static str,
    BTreeMap<(&'static str, &'static str), BTreeMap<(bool, &'a str), Vec<Row>>>,
>;

fn regions(statuses: &[PledgeStatus<'_>], dirs: &[String], lang: Lang) -> Vec<Region> {
    let mut tree: Tree<'_> = BTreeMap::new();
    for (s, dir) in statuses.iter().zip(dirs) {
        let (region, lanskod, lan, lpo) = place(s);
        tree.entry(region)
            .or_default()
            .entry((lanskod, lan))
            .or_default()
            // Löften without a lokalpolisområde come last.
            .entry((lpo.is_none(), lpo.unwrap_or("")))
            .or_default()
            .push(row(s, dir, lang));
    }
    tree.into_iter()
        .map(|(region, lans)| Region {
            name: region,
            id: region_id(region),
            lans: lans
                .into_iter()
                .map(|((_, lan), lpos)| Lan {
                    name: lan,
                    lpos: lpos
                        .into_iter()
                        .map(|((none, name), mut rows)| {
                            // By period, then title (files are in name order).
                            rows.sort_by(|a, b| {
                                (a.start, a.end, &a.title).cmp(&(b.start, b.end, &b.title))
                            });
                            Lpo {
                                name: (!none).then(|| name.to_string()),
                                rows,
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// One row per polisregion.
fn summary(
    statuses: &[PledgeStatus<'_>],
    columns: &[crate::status::Status],
    _lang: Lang,
) -> Vec<SummaryRow> {
    let mut by: BTreeMap<&str, Vec<&PledgeStatus<'_>>> = BTreeMap::new();
    for s in statuses {
        by.entry(place(s).0).or_default().push(s);
    }
    by.into_iter()
        .map(|(name, ss)| SummaryRow {
            name: name.to_string(),
            id: region_id(name),
            loften: ss.len(),
            counts: columns
                .iter()
                .map(|c| ss.iter().map(|s| s.count(*c)).sum())
                .collect(),
        })
        .collect()
}

fn by_status<'a>(
    statuses: &'a [PledgeStatus<'_>],
    dirs: &[String],
    lang: Lang,
) -> Vec<StatusList<'a>> {
    ORDER
        .iter()
        .map(|o| StatusList {
            id: o.name(),
            badge: badge(*o, lang),
            items: statuses
                .iter()
                .zip(dirs)
                .flat_map(|(s, dir)| {
                    s.activities
                        .iter()
                        .filter(|a| a.status == *o)
                        .map(move |a| {
                            (
                                format!("{dir}/index.html#a-{}", crate::text::slug(&a.activity.id)),
                                format!(
                                    "{}: {}",
                                    s.pledge.title,
                                    crate::view::title::activity_title(a.activity)
                                ),
                                a.activity.text.as_str(),
                            )
                        })
                })
                .collect(),
        })
        .filter(|l| !l.items.is_empty())
        .collect()
}

fn region_id(name: &str) -> String {
    format!("region-{}", crate::text::slug(name))
}
