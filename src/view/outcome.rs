//! Indicators and verdicts in every view: the terminal's indicators block, the report's "Det
//! här ville vi uppnå" (Markdown, and HTML with an inline SVG chart per indicator), the
//! follow-up's verdicts beside the computed status, and the JSON of both. Pure: each takes a
//! löfte's status and returns text or values. Shown only for löften that have indicators or
//! verdicts, so other löften's output is unchanged.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::Value;

use crate::model::outcome::{Direction, Goal, Verdict, VerdictEntry, When};
use crate::rules::indicator::{
    DueState, IndicatorStatus, Judgement, ReferenceKind, indicator_status,
};
use crate::rules::status::{PledgeStatus, Status};
use crate::rules::verdict::{Agreement, agreement, current, missing};
use crate::view::i18n::Lang;
use crate::view::messages::Label;
use crate::view::messages::OutcomeLabel;
use crate::view::svgchart::{self, Chart, Line, fmt_change, fmt_num, sparkline};

fn t(l: Lang, o: OutcomeLabel) -> &'static str {
    l.t(Label::Outcome(o))
}

pub fn judgement_word(l: Lang, j: Judgement) -> &'static str {
    t(l, OutcomeLabel::Judged(j))
}

pub fn verdict_word(l: Lang, v: Verdict) -> &'static str {
    t(l, OutcomeLabel::Verdict(v))
}

pub fn agreement_word(l: Lang, a: Agreement) -> &'static str {
    t(l, OutcomeLabel::Agreement(a))
}

pub fn direction_word(l: Lang, d: Direction) -> &'static str {
    t(l, OutcomeLabel::Direction(d))
}

pub fn due_word(l: Lang, d: DueState) -> &'static str {
    t(l, OutcomeLabel::Due(d))
}

/// One activity's verdict for the current follow-up, beside its computed status.
pub struct ActivityVerdict<'a> {
    pub id: &'a str,
    /// The activity's title, as the report heads it.
    pub title: String,
    pub status: Status,
    pub verdict: Option<&'a VerdictEntry>,
}

impl ActivityVerdict<'_> {
    pub fn agreement(&self) -> Option<Agreement> {
        self.verdict.map(|v| agreement(self.status, v.verdict))
    }
}

/// A löfte's indicators and verdicts on its as-of date.
pub struct Outcomes<'a> {
    pub indicators: Vec<IndicatorStatus<'a>>,
    pub verdicts: Vec<ActivityVerdict<'a>>,
    /// Activities without a verdict for the current follow-up.
    pub missing: Vec<&'a str>,
    /// The current follow-up's first due day: verdicts from it on count.
    pub since: Option<NaiveDate>,
    /// Whether to show the verdicts: the löfte records some, or its follow-up is due and it
    /// has indicators.
    pub has_verdicts: bool,
}

impl Outcomes<'_> {
    /// Whether there is anything to show.
    pub fn any(&self) -> bool {
        !self.indicators.is_empty() || self.has_verdicts
    }
}

pub fn outcomes<'a>(s: &'a PledgeStatus<'a>) -> Outcomes<'a> {
    let p = s.pledge;
    let since = s.followup.due_from;
    let ids: Vec<&str> = p.activities.iter().map(|a| a.id.as_str()).collect();
    let cur = current(&ids, &p.verdicts, since);
    let verdicts = s
        .activities
        .iter()
        .zip(cur)
        .map(|(a, (id, v))| ActivityVerdict {
            id,
            title: crate::view::title::activity_title(a.activity),
            status: a.status,
            verdict: v.filter(|v| v.date <= s.as_of),
        })
        .collect();
    let in_view: Vec<VerdictEntry> = p
        .verdicts
        .iter()
        .filter(|v| v.date <= s.as_of)
        .cloned()
        .collect();
    Outcomes {
        indicators: p
            .indicators
            .iter()
            .map(|i| indicator_status(i, &p.measurements, &p.period, s.as_of))
            .collect(),
        verdicts,
        missing: missing(&ids, &in_view, since),
        since,
        // Verdicts are shown once the löfte records any, or once its follow-up is due and it
        // has indicators (then the missing verdicts are worth saying).
        has_verdicts: !p.verdicts.is_empty()
            || (!p.indicators.is_empty() && since.is_some_and(|d| s.as_of >= d)),
    }
}

/// The word with a capital first letter (a label at the start of a line).
fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn num(l: Lang, v: f64) -> String {
    fmt_num(v, l == Lang::Sv)
}

fn when_text(w: Option<When>) -> String {
    match w {
        Some(When::Date { date }) => format!(" ({date})"),
        Some(When::Year { year }) => format!(" ({year})"),
        None => String::new(),
    }
}

/// "utgångsläge 62 (2016) → 67,5 (2018-11-20): +5,5, förbättrad".
pub fn change_text(s: &IndicatorStatus<'_>, l: Lang) -> String {
    let mut o = String::new();
    if let Some(r) = s.reference {
        let kind = match r.kind {
            ReferenceKind::Baseline => OutcomeLabel::Baseline,
            ReferenceKind::FirstMeasurement => OutcomeLabel::FirstMeasurement,
        };
        let _ = write!(o, "{} {}{}", t(l, kind), num(l, r.value), when_text(r.when));
    }
    match s.latest {
        Some(m) if s.change.is_some() || s.reference.is_none() => {
            let arrow = if o.is_empty() { "" } else { " → " };
            let _ = write!(o, "{arrow}{} ({})", num(l, m.value), m.date);
        }
        Some(_) => {}
        None => {
            let sep = if o.is_empty() { "" } else { "; " };
            let _ = write!(o, "{sep}{}", t(l, OutcomeLabel::NoMeasurements));
        }
    }
    if let (Some(c), Some(j)) = (s.change, s.judgement) {
        let _ = write!(
            o,
            ": {}, {}",
            fmt_change(c, l == Lang::Sv),
            judgement_word(l, j)
        );
    }
    o
}

/// "mål 70: inte nått; nästa mätning 2019-11-30 (planerad)".
pub fn goal_and_due_text(s: &IndicatorStatus<'_>, l: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(g) = s.indicator.goal {
        let goal = match g {
            Goal::Value { value } => num(l, value),
            Goal::BetterThanBaseline => t(l, OutcomeLabel::BetterThanBaseline).to_string(),
        };
        let met = match s.goal_met {
            Some(true) => format!(": {}", t(l, OutcomeLabel::GoalMet)),
            Some(false) => format!(": {}", t(l, OutcomeLabel::GoalNotMet)),
            None => String::new(),
        };
        parts.push(format!("{} {goal}{met}", t(l, OutcomeLabel::Goal)));
    }
    let due = match s.next_due {
        Some(d) => format!("{d} ({})", due_word(l, s.due_state)),
        None => {
            parts.push(due_word(l, s.due_state).to_string());
            return parts.join("; ");
        }
    };
    parts.push(format!("{} {due}", t(l, OutcomeLabel::NextMeasurement)));
    parts.join("; ")
}

/// The values a sparkline draws: the reference (a baseline) then each measurement.
fn series(s: &IndicatorStatus<'_>) -> Vec<f64> {
    let base = s
        .reference
        .filter(|r| r.kind == ReferenceKind::Baseline)
        .map(|r| r.value);
    base.into_iter()
        .chain(s.measurements.iter().map(|m| m.value))
        .collect()
}

/// The indicator's name with its unit and direction.
fn title(s: &IndicatorStatus<'_>, l: Lang) -> String {
    let i = s.indicator;
    let unit = i
        .unit
        .as_deref()
        .map(|u| format!("{u}, "))
        .unwrap_or_default();
    format!("{} ({unit}{})", i.name, direction_word(l, i.direction))
}

/// Where a value read from open data came from and when: "Kolada N07540, hämtat
/// 2025-11-01, preliminärt, rättar 59,5"; None for a value typed by hand (its source, if any,
/// is shown as before).
pub fn provenance_text(m: &crate::model::outcome::Measurement, l: Lang) -> Option<String> {
    let fetched = m.fetched?;
    let mut o = String::new();
    if let Some(src) = &m.source {
        let _ = write!(o, "{src}, ");
    }
    let _ = write!(o, "{} {fetched}", t(l, OutcomeLabel::Fetched));
    if m.preliminary {
        let _ = write!(o, ", {}", t(l, OutcomeLabel::Preliminary));
    }
    if let Some(c) = m.corrects {
        let _ = write!(o, ", {} {}", t(l, OutcomeLabel::Corrects), num(l, c));
    }
    Some(o)
}

/// "senaste värdet från Kolada N07540, hämtat 2025-11-01" for the latest value, when it was
/// read from open data.
fn latest_provenance(s: &IndicatorStatus<'_>, l: Lang) -> Option<String> {
    let p = provenance_text(s.latest?, l)?;
    Some(format!("{} {p}", t(l, OutcomeLabel::LatestFrom)))
}

/// What `measure` prints after writing: the indicator's change and goal.
pub fn measured_line(s: &IndicatorStatus<'_>, l: Lang) -> String {
    format!(
        "{}: {}; {}",
        s.indicator.id,
        change_text(s, l),
        goal_and_due_text(s, l)
    )
}

/// One verdict in words: "uppfyllt: Polisen har patrullerat … (källa: …); enligt
/// registreringarna: missad, stämmer inte med registreringarna".
fn verdict_text(v: &ActivityVerdict<'_>, l: Lang) -> String {
    let Some(e) = v.verdict else {
        return format!(
            "{}; {}: {}",
            t(l, OutcomeLabel::NoVerdictYet),
            t(l, OutcomeLabel::ByTheRecords),
            l.status(v.status)
        );
    };
    let mut o = format!("{}: {}", verdict_word(l, e.verdict), e.reason);
    if let Some(src) = &e.source {
        let _ = write!(o, " ({}: {src})", t(l, OutcomeLabel::Source));
    }
    let _ = write!(
        o,
        " [{} {}]; {}: {}",
        e.date,
        e.by.as_deref().unwrap_or(""),
        t(l, OutcomeLabel::ByTheRecords),
        l.status(v.status)
    );
    if let Some(a) = v.agreement() {
        let mark = if a == Agreement::Disagree { "⚠ " } else { "" };
        let _ = write!(o, " — {mark}{}", agreement_word(l, a));
    }
    o.replace(" []", "").replace(" ]", "]")
}

/// The terminal's block under a löfte's status table; empty when there is nothing to show.
pub fn status_block(s: &PledgeStatus<'_>, l: Lang) -> String {
    let o = outcomes(s);
    if !o.any() {
        return String::new();
    }
    let mut out = String::new();
    if !o.indicators.is_empty() {
        let _ = writeln!(out, "\n{}", t(l, OutcomeLabel::WhatWeWanted));
        for st in &o.indicators {
            let _ = writeln!(out, "  {}: {}", st.indicator.id, title(st, l));
            let spark = sparkline(&series(st));
            let spark = if spark.chars().count() > 1 {
                format!("  {spark}")
            } else {
                String::new()
            };
            let _ = writeln!(out, "    {}{spark}", change_text(st, l));
            if let Some(p) = latest_provenance(st, l) {
                let _ = writeln!(out, "    {p}");
            }
            let _ = writeln!(out, "    {}", goal_and_due_text(st, l));
        }
    }
    if o.has_verdicts {
        let _ = writeln!(out, "\n{}", t(l, OutcomeLabel::Verdicts));
        for v in &o.verdicts {
            let _ = writeln!(out, "  {}\n    {}", v.title, verdict_text(v, l));
        }
    }
    crate::text::safe(&out, true)
}

/// The report's section in Markdown; empty when there is nothing to show. `md` escapes.
pub fn report_markdown(s: &PledgeStatus<'_>, l: Lang, md: impl Fn(&str) -> String) -> String {
    let o = outcomes(s);
    let mut out = String::new();
    if !o.indicators.is_empty() {
        let _ = writeln!(out, "## {}\n", t(l, OutcomeLabel::WhatWeWanted));
        for st in &o.indicators {
            let i = st.indicator;
            let _ = writeln!(out, "### {}\n", md(&title(st, l)));
            let _ = writeln!(
                out,
                "- **{}:** {}",
                cap(t(l, OutcomeLabel::Source)),
                md(&i.source)
            );
            let _ = writeln!(out, "- {}", md(&change_text(st, l)));
            let _ = writeln!(out, "- {}", md(&goal_and_due_text(st, l)));
            for m in &st.measurements {
                let src = provenance_text(m, l)
                    .or_else(|| m.source.clone())
                    .map(|x| format!(" ({x})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  - {} {}: {}{}",
                    t(l, OutcomeLabel::Measured),
                    m.date,
                    md(&num(l, m.value)),
                    md(&src)
                );
            }
            out.push('\n');
        }
    }
    if o.has_verdicts {
        let _ = writeln!(out, "## {}\n", t(l, OutcomeLabel::Verdicts));
        for v in &o.verdicts {
            let _ = writeln!(
                out,
                "- **{}** (`{}`): {}",
                md(&v.title),
                v.id,
                md(&verdict_text(v, l))
            );
        }
        out.push('\n');
    }
    out
}

/// The report's section in HTML, every text escaped with `h`; empty when nothing to show.
pub fn report_html(s: &PledgeStatus<'_>, l: Lang, h: impl Fn(&str) -> String) -> String {
    outcome_html(s, l, h, 2)
}

/// The section of a löfte's page on the public site, under its own heading: the same as the
/// report's, a heading level down.
pub fn site_html(s: &PledgeStatus<'_>, l: Lang, h: impl Fn(&str) -> String) -> String {
    outcome_html(s, l, h, 3)
}

/// The indicators and verdicts in HTML, headings from `<h{level}>`.
fn outcome_html(s: &PledgeStatus<'_>, l: Lang, h: impl Fn(&str) -> String, level: u8) -> String {
    let sub = level + 1;
    let o = outcomes(s);
    let mut out = String::new();
    if !o.indicators.is_empty() {
        let _ = writeln!(
            out,
            "<h{level}>{}</h{level}>",
            h(t(l, OutcomeLabel::WhatWeWanted))
        );
        for st in &o.indicators {
            let i = st.indicator;
            let _ = writeln!(
                out,
                "<div class=\"indicator\" style=\"break-inside: avoid\">"
            );
            let _ = writeln!(out, "<h{sub}>{}</h{sub}>", h(&title(st, l)));
            let latest = latest_provenance(st, l)
                .map(|p| format!("<br>{}", h(&p)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<p>{}: {}<br>{}{latest}<br>{}</p>",
                h(&cap(t(l, OutcomeLabel::Source))),
                h(&i.source),
                h(&change_text(st, l)),
                h(&goal_and_due_text(st, l))
            );
            // A chart of nothing says nothing: only drawn once something has been measured.
            if !st.measurements.is_empty() {
                let _ = writeln!(
                    out,
                    "<div class=\"chart-wrap\" tabindex=\"0\">{}</div>",
                    chart(st, l)
                );
            }
            let _ = writeln!(out, "</div>");
        }
    }
    if o.has_verdicts {
        let _ = writeln!(
            out,
            "<h{level}>{}</h{level}>",
            h(t(l, OutcomeLabel::Verdicts))
        );
        let _ = writeln!(out, "<ul>");
        for v in &o.verdicts {
            let class = match v.agreement() {
                Some(Agreement::Disagree) => " class=\"disagree\" style=\"font-weight: bold\"",
                _ => "",
            };
            let _ = writeln!(
                out,
                "<li{class}><strong>{}</strong> <span class=\"id\">{}</span>: {}</li>",
                h(&v.title),
                h(v.id),
                h(&verdict_text(v, l))
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    out
}

/// The inline SVG chart of one indicator: wide, and narrow for a phone (see
/// [`svgchart::svg_pair`]).
fn chart(st: &IndicatorStatus<'_>, l: Lang) -> String {
    let i = st.indicator;
    let points: Vec<(NaiveDate, f64)> = st.measurements.iter().map(|m| (m.date, m.value)).collect();
    let sv = l == Lang::Sv;
    let baseline = i.baseline.map(|b| Line {
        value: b.value,
        label: t(l, OutcomeLabel::Baseline),
        date: b.when.and_then(When::day),
        year_only: matches!(b.when, Some(When::Year { .. })),
    });
    let goal = match i.goal {
        Some(Goal::Value { value }) => Some(Line {
            value,
            label: t(l, OutcomeLabel::Goal),
            date: None,
            year_only: false,
        }),
        _ => None,
    };
    let desc = format!("{}. {}", change_text(st, l), goal_and_due_text(st, l));
    svgchart::svg_pair(&Chart {
        id: &i.id,
        title: &i.name,
        desc: &desc,
        measured_label: t(l, OutcomeLabel::Measured),
        unit: i.unit.as_deref(),
        points: &points,
        baseline,
        goal,
        decimal_comma: sv,
    })
}

/// A löfte's `indicators` for the JSON contract.
pub fn indicators_json(o: &Outcomes<'_>) -> Value {
    Value::Array(
        o.indicators
            .iter()
            .map(crate::view::outcome_json::indicator)
            .collect(),
    )
}

/// An activity's `verdict` for the JSON contract (null without one).
pub fn verdict_json(v: &ActivityVerdict<'_>) -> Value {
    crate::view::outcome_json::verdict(v.verdict, v.status)
}

/// A löfte's `verdicts` for the JSON contract.
pub fn verdicts_json(o: &Outcomes<'_>) -> Value {
    crate::view::outcome_json::verdicts(&o.missing, o.since)
}

/// A löfte's `indicators` (when it has any) and `verdicts` (when it records any), as keys
/// of its JSON object.
pub fn pledge_json(s: &PledgeStatus<'_>) -> serde_json::Map<String, Value> {
    let o = outcomes(s);
    let mut m = serde_json::Map::new();
    if !o.indicators.is_empty() {
        m.insert("indicators".into(), indicators_json(&o));
    }
    if o.has_verdicts {
        m.insert("verdicts".into(), verdicts_json(&o));
    }
    m
}

/// The activities' JSON with each one's `verdict` set (null without one), when the löfte
/// records verdicts; `set` puts the value in place.
pub fn with_verdicts<A>(
    s: &PledgeStatus<'_>,
    mut acts: Vec<A>,
    set: impl Fn(&mut A, Value),
) -> Vec<A> {
    let o = outcomes(s);
    if o.has_verdicts {
        for (a, v) in acts.iter_mut().zip(&o.verdicts) {
            set(a, verdict_json(v));
        }
    }
    acts
}
