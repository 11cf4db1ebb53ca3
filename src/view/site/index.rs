//! The site's index page: every löfte by polisregion, län and lokalpolisområde, the summary,
//! the activities by status.

use std::collections::BTreeMap;

use askama::Template;
use chrono::NaiveDate;

use super::{Badge, ORDER, Tally, badge, tallies};
use crate::rules::status::{PledgeStatus, Status};
use crate::view::i18n::Lang;
use crate::view::messages::site::{Words, words};

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

struct Lpo<'a> {
    /// None for löften that name none.
    name: Option<&'a str>,
    rows: Vec<&'a Row>,
}

struct Lan<'a> {
    name: &'static str,
    lpos: Vec<Lpo<'a>>,
}

struct Region<'a> {
    name: &'static str,
    id: String,
    lans: Vec<Lan<'a>>,
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
    /// The link, the löfte's and the activity's title, and the activity's text.
    items: Vec<(&'a str, &'a str, &'a str)>,
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
    regions: Vec<Region<'a>>,
    by_status: Vec<StatusList<'a>>,
}

/// What the index shows of one löfte: made from its status, so the index can be made after
/// the löfte itself is gone.
pub struct Entry {
    region: &'static str,
    lanskod: &'static str,
    lan: &'static str,
    lpo: Option<String>,
    row: Row,
    /// Its activities per status, in [`ORDER`].
    counts: [usize; ORDER.len()],
    activities: usize,
    /// Each activity: its status, link, title (the löfte's and its own) and text.
    items: Vec<(Status, String, String, String)>,
    /// The calendar's name for this löfte alone.
    name: String,
}

impl Entry {
    /// The calendar's name for this löfte alone.
    pub fn name(&self) -> &str {
        &self.name
    }
}

pub fn entry(s: &PledgeStatus<'_>, dir: &str, lang: Lang) -> Entry {
    // The polisregion, län and lokalpolisområde of a löfte: its first kommun's.
    let k = s.pledge.kommuner[0];
    Entry {
        region: k.polisregion,
        lanskod: k.lanskod,
        lan: k.lan,
        lpo: s.pledge.lokalpolisomrade.clone(),
        row: row(s, dir, lang),
        counts: ORDER.map(|o| s.count(o)),
        activities: s.activities.len(),
        items: s
            .activities
            .iter()
            .map(|a| {
                (
                    a.status,
                    format!("{dir}/index.html#a-{}", crate::text::slug(&a.activity.id)),
                    format!(
                        "{}: {}",
                        s.pledge.title,
                        crate::view::title::activity_title(a.activity)
                    ),
                    a.activity.text.clone(),
                )
            })
            .collect(),
        name: crate::view::calendar::calendar_name(std::slice::from_ref(s), lang),
    }
}

/// The calendar's name for all these löften: the one name they share, else the general one
/// (as [`crate::view::calendar::calendar_name`] names them).
pub fn shared_name<'a>(mut names: impl Iterator<Item = &'a str>, lang: Lang) -> String {
    match names.next() {
        Some(first) if names.all(|n| n == first) => first.to_string(),
        _ => crate::view::calendar::calendar_name(&[], lang),
    }
}

pub fn render_entries(entries: &[&Entry], as_of: NaiveDate, lang: Lang) -> String {
    let columns: Vec<usize> = (0..ORDER.len())
        .filter(|&c| entries.iter().any(|e| e.counts[c] > 0))
        .collect();
    let page = IndexPage {
        lang_code: lang.code(),
        name: shared_name(entries.iter().map(|e| e.name.as_str()), lang),
        w: words(lang),
        as_of,
        loften: entries.len(),
        activities: entries.iter().map(|e| e.activities).sum(),
        total: SummaryRow {
            name: words(lang).total.to_string(),
            id: String::new(),
            loften: entries.len(),
            counts: columns
                .iter()
                .map(|&c| entries.iter().map(|e| e.counts[c]).sum())
                .collect(),
        },
        columns: columns.iter().map(|&c| badge(ORDER[c], lang)).collect(),
        summary: summary(entries, &columns),
        regions: regions(entries),
        by_status: by_status(entries, lang),
    };
    super::render(&page)
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
        start: s.period.start,
        end: s.period.end,
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
    BTreeMap<(&'static str, &'static str), BTreeMap<(bool, &'a str), Vec<&'a Row>>>,
>;

fn regions<'a>(entries: &[&'a Entry]) -> Vec<Region<'a>> {
    let mut tree: Tree<'_> = BTreeMap::new();
    for &e in entries {
        let lpo = e.lpo.as_deref();
        tree.entry(e.region)
            .or_default()
            .entry((e.lanskod, e.lan))
            .or_default()
            // Löften without a lokalpolisområde come last.
            .entry((lpo.is_none(), lpo.unwrap_or("")))
            .or_default()
            .push(&e.row);
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
                                name: (!none).then_some(name),
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
fn summary(entries: &[&Entry], columns: &[usize]) -> Vec<SummaryRow> {
    let mut by: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for &e in entries {
        by.entry(e.region).or_default().push(e);
    }
    by.into_iter()
        .map(|(name, es)| SummaryRow {
            name: name.to_string(),
            id: region_id(name),
            loften: es.len(),
            counts: columns
                .iter()
                .map(|&c| es.iter().map(|e| e.counts[c]).sum())
                .collect(),
        })
        .collect()
}

fn by_status<'a>(entries: &[&'a Entry], lang: Lang) -> Vec<StatusList<'a>> {
    ORDER
        .iter()
        .map(|o| StatusList {
            id: o.name(),
            badge: badge(*o, lang),
            items: entries
                .iter()
                .flat_map(|e| &e.items)
                .filter(|i| i.0 == *o)
                .map(|(_, href, name, text)| (href.as_str(), name.as_str(), text.as_str()))
                .collect(),
        })
        .filter(|l| !l.items.is_empty())
        .collect()
}

fn region_id(name: &str) -> String {
    format!("region-{}", crate::text::slug(name))
}
