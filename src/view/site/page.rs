//! One löfte's page: the problem, the promise, the activities grouped as the meeting report
//! groups them (what was promised, what has been done, the record of recurring targets as a
//! strip of windows), the indicators, the follow-up and the source.

use askama::Template;
use chrono::NaiveDate;

use super::{Badge, Tally, badge, tallies};
use crate::model::Target;
use crate::rules::status::{ActivityStatus, PledgeStatus, Status, WindowStatus};
use crate::view::i18n::Lang;
use crate::view::meeting::Meeting;
use crate::view::messages::Label;
use crate::view::messages::site::{Words, words};
use crate::view::phrases::period_line;
use crate::view::target_words::window_name;

/// One window of a strip.
struct Cell {
    badge: Badge,
    /// "vecka 10 2017: 1 av 1".
    text: String,
}

/// The windows of one activity, part or unit.
struct Strip {
    /// The part or unit it is of, when not the activity itself.
    label: Option<String>,
    /// The first and the last window's names: "2018-01 – 2019-12".
    span: String,
    cells: Vec<Cell>,
}

struct ActivityView {
    anchor: String,
    /// Its own title, else one derived from its text (as the report heads it).
    title: String,
    id: String,
    badge: Badge,
    text: String,
    promised: String,
    outcome: String,
    /// Each part's and unit's own target and record.
    subs: Vec<crate::view::meeting::SubView>,
    strips: Vec<Strip>,
}

struct Group {
    heading: String,
    activities: Vec<ActivityView>,
}

#[derive(Template)]
#[template(path = "site/pledge.html")]
struct PledgePage<'a> {
    lang_code: &'static str,
    w: Words,
    labels: Labels,
    as_of: NaiveDate,
    title: &'a str,
    kommuner: String,
    period: String,
    meta: Vec<(String, String)>,
    tallies: Vec<Tally>,
    problem_title: Option<&'a str>,
    priorities: &'a [String],
    items: &'a [String],
    problem_text: Vec<&'a str>,
    promise: Option<&'a str>,
    groups: Vec<Group>,
    indicators: String,
    followup: Vec<(String, String)>,
    source: Option<&'a str>,
    source_link: bool,
}

/// Labels shared with the meeting report.
struct Labels {
    problem: &'static str,
    the_promise: &'static str,
    what_we_promised: &'static str,
    what_has_been_done: &'static str,
    target: &'static str,
    progress: &'static str,
    status: &'static str,
}

pub fn render(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let p = s.pledge;
    let m = Meeting {
        on_site: true,
        ..Meeting::new(s, None, lang)
    };
    let source = p.source.as_deref();
    let page = PledgePage {
        lang_code: lang.code(),
        w: words(lang),
        labels: Labels {
            problem: lang.t(Label::Problem),
            the_promise: lang.t(Label::ThePromise),
            what_we_promised: lang.t(Label::WhatWePromised),
            what_has_been_done: lang.t(Label::WhatHasBeenDone),
            target: lang.t(Label::Target),
            progress: lang.t(Label::Progress),
            status: lang.t(Label::Status),
        },
        as_of: s.as_of,
        title: &p.title,
        kommuner: kommuner(s),
        period: period_line(s, lang),
        meta: meta(s, lang),
        tallies: tallies(s.activities.iter().map(|a| a.status), lang),
        problem_title: p.problem.title.as_deref(),
        priorities: &p.problem.priorities,
        items: &p.problem.items,
        problem_text: p
            .problem
            .text
            .as_deref()
            .map(|t| t.split("\n\n").collect())
            .unwrap_or_default(),
        promise: p.promise.as_deref(),
        groups: groups(&m),
        indicators: super::indicators::indicators_html(s, lang),
        followup: followup(&m, lang),
        source,
        source_link: source.is_some_and(|u| u.starts_with("https://") || u.starts_with("http://")),
    };
    super::render(&page)
}

/// "Filipstad (1782)", with the area.
fn kommuner(s: &PledgeStatus<'_>) -> String {
    let p = s.pledge;
    let ks: Vec<String> = p
        .kommuner
        .iter()
        .map(|k| format!("{} ({})", k.name, k.kod))
        .collect();
    match &p.area {
        Some(a) => format!("{}, {a}", ks.join(", ")),
        None => ks.join(", "),
    }
}

fn meta(s: &PledgeStatus<'_>, lang: Lang) -> Vec<(String, String)> {
    let (p, w) = (s.pledge, words(lang));
    let mut lans: Vec<&str> = p.kommuner.iter().map(|k| k.lan).collect();
    lans.dedup();
    let mut regions: Vec<&str> = p.kommuner.iter().map(|k| k.polisregion).collect();
    regions.dedup();
    let mut meta = vec![
        (w.lan.to_string(), lans.join(", ")),
        (w.polisregion.to_string(), regions.join(", ")),
    ];
    if let Some(lpo) = &p.lokalpolisomrade {
        meta.push((w.lpo.to_string(), lpo.clone()));
    }
    if let Some(d) = p.signed {
        meta.push((lang.t(Label::Signed).to_string(), d.to_string()));
    }
    let names: Vec<String> = p
        .signatories
        .iter()
        .map(|sig| match &sig.role {
            Some(r) => format!("{}, {r}", sig.name),
            None => sig.name.clone(),
        })
        .collect();
    if !names.is_empty() {
        let label = lang.t(Label::SignedBy);
        meta.push((label.to_string(), names.join("; ")));
    }
    meta
}

fn groups(m: &Meeting<'_>) -> Vec<Group> {
    let l = m.lang;
    m.page(None, false)
        .groups
        .into_iter()
        .map(|g| Group {
            heading: g.heading,
            activities: g
                .activities
                .into_iter()
                .map(|a| ActivityView {
                    anchor: format!("a-{}", crate::text::slug(&a.id)),
                    badge: badge(a.s.status, l),
                    strips: strips(a.s, l),
                    title: a.title,
                    id: a.id,
                    text: a.text,
                    promised: a.promised,
                    outcome: a.outcome,
                    subs: a.subs,
                })
                .collect(),
        })
        .collect()
}

/// The strips of an activity: its own windows, or each part's and each unit's; only where
/// there is more than one window (a record to show).
fn strips(a: &ActivityStatus<'_>, lang: Lang) -> Vec<Strip> {
    let t = &a.activity.target;
    // Nothing recorded for the löfte: no row of misses.
    if a.status == Status::NothingRecorded {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut add = |label: Option<String>, target: &Target, ws: &[WindowStatus]| {
        if ws.len() > 1 {
            let (first, last) = (&ws[0], &ws[ws.len() - 1]);
            out.push(Strip {
                label,
                span: format!(
                    "{} – {}",
                    window_name(target, first.start, first.end, lang),
                    window_name(target, last.start, last.end, lang)
                ),
                cells: ws.iter().map(|w| cell(target, w, lang)).collect(),
            });
        }
    };
    add(None, t, &a.windows);
    for p in &a.parts {
        add(Some(p.activity.id.clone()), &p.activity.target, &p.windows);
    }
    for u in &a.units {
        add(Some(u.unit.clone()), t, &u.windows);
    }
    out
}

fn cell(t: &Target, w: &WindowStatus, lang: Lang) -> Cell {
    // A window to come shows as open, whatever it is called.
    let st = match w.status {
        Status::Met | Status::Missed => w.status,
        _ => Status::Upcoming,
    };
    let mut b = badge(st, lang);
    if st == Status::Upcoming {
        b.word = words(lang).window_open;
        b.symbol = "○";
        b.class = "open";
    }
    Cell {
        text: format!(
            "{}: {} {} {}",
            window_name(t, w.start, w.end, lang),
            w.done,
            lang.t(Label::Of),
            w.required
        ),
        badge: b,
    }
}

/// The follow-up as label–value pairs, the first ("Uppföljning", under a heading of that
/// name) named for what it says: when.
fn followup(m: &Meeting<'_>, lang: Lang) -> Vec<(String, String)> {
    let mut v = m.followup_details();
    if let Some(first) = v.first_mut() {
        first.0 = lang.t(Label::When).to_string();
    }
    v
}
