//! Renders computed status: the `status` table, Markdown, CSV and JSON; the findings of
//! `check`; the BRÅ meeting report in Markdown and HTML. Pure: values in, text out.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::i18n::Lang;
use crate::load::quarter_bounds;
use crate::model::{Activity, FollowupWhen, Owner, Party, State, Target};
use crate::render::{self, html, md};
use crate::status::{ActivityStatus, FollowupState, PledgeStatus, Status};
use crate::text::safe;

/// The version of the JSON documents of `status`, `check`, `list` and `log`.
pub const SCHEMA_VERSION: u32 = 1;

pub fn owners_text(owners: &[Owner], lang: Lang) -> String {
    owners
        .iter()
        .map(|o| match &o.role {
            Some(r) => format!("{} ({r})", lang.party(&o.who)),
            None => lang.party(&o.who),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn target_text(t: Target, lang: Lang) -> String {
    match t {
        Target::None => lang.t("ongoing").into(),
        Target::Once => lang.t("once").into(),
        Target::Count { count, per } => match lang {
            Lang::Sv if per == crate::model::Per::Period => format!("{count} under perioden"),
            Lang::En if per == crate::model::Per::Period => format!("{count} in the period"),
            _ => format!("{count} per {}", lang.per(per)),
        },
        other => format!("{other:?}"),
    }
}

/// "1 of 2 · 2016" for counted targets, "done"/"not done" for milestones, the count of
/// entries for ongoing work.
pub fn progress_text(a: &ActivityStatus<'_>, lang: Lang) -> String {
    match (a.activity.target.clone(), a.required, a.window) {
        (Target::Count { .. }, Some(req), Some((from, to))) => {
            format!(
                "{} {} {req} · {}",
                a.done,
                lang.t("of"),
                lang.window(from, to)
            )
        }
        (Target::Once, _, _) => match (lang, a.done > 0) {
            (Lang::En, true) => "done".into(),
            (Lang::En, false) => "not done".into(),
            (Lang::Sv, true) => "gjort".into(),
            (Lang::Sv, false) => "ej gjort".into(),
        },
        _ => match lang {
            Lang::En => format!("{} recorded", a.done),
            Lang::Sv => format!("{} registrerade", a.done),
        },
    }
}

/// A bar of `width` cells for a counted target.
pub fn bar(done: u32, required: u32, width: usize) -> String {
    let filled = if required == 0 {
        width
    } else {
        ((done.min(required) as usize * width) + required as usize / 2) / required as usize
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn when_text(w: Option<FollowupWhen>, lang: Lang) -> String {
    match w {
        None => lang.t("no date given").into(),
        Some(FollowupWhen::Date { date }) => date.to_string(),
        Some(FollowupWhen::Quarter { year, quarter }) => {
            let (_, end) = quarter_bounds(year, quarter);
            match lang {
                Lang::En => format!("{year} Q{quarter} (by {end})"),
                Lang::Sv => format!("kvartal {quarter} {year} (senast {end})"),
            }
        }
        Some(FollowupWhen::Yearly) => lang.t("yearly").into(),
        Some(FollowupWhen::Continuous) => lang.t("continuously").into(),
    }
}

pub fn followup_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let f = &s.followup;
    let Some(fu) = &s.pledge.followup else {
        return format!(
            "{}: {}",
            lang.t("Follow-up"),
            lang.followup(FollowupState::Missing)
        );
    };
    let mut line = format!("{}: {}", lang.t("Follow-up"), when_text(fu.when, lang));
    if let (Some(due), Some(FollowupWhen::Yearly)) = (f.due, fu.when) {
        let _ = write!(line, ", {} {due}", lang.t("due"));
    }
    if f.status != FollowupState::Unscheduled {
        let _ = write!(line, " – {}", lang.followup(f.status));
    }
    if let Some(d) = f.last_done {
        let _ = write!(line, " ({d})");
    }
    if let Some(p) = &fu.presented {
        let _ = write!(line, " – {}", safe(p, false));
    }
    line
}

pub fn summary_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let order = [
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::Missed,
        Status::Ongoing,
        Status::NoReports,
        Status::Upcoming,
    ];
    let parts: Vec<String> = order
        .iter()
        .filter(|st| s.count(**st) > 0)
        .map(|st| format!("{} {}", s.count(*st), lang.status(*st)))
        .collect();
    format!(
        "{}: {} {} – {}",
        lang.t("Summary"),
        s.activities.len(),
        match lang {
            Lang::En => "activities",
            Lang::Sv => "aktiviteter",
        },
        parts.join(", ")
    )
}

fn heading(s: &PledgeStatus<'_>) -> String {
    let p = s.pledge;
    let ks: Vec<String> = p
        .kommuner
        .iter()
        .map(|k| format!("{} ({})", k.name, k.kod))
        .collect();
    let mut h = ks.join(", ");
    if let Some(a) = &p.area {
        let _ = write!(h, ", {}", safe(a, false));
    }
    let _ = write!(h, " · {}", safe(&p.title, false));
    h
}

fn period_line(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let p = s.pledge;
    let mut line = format!("{} {} – {}", lang.t("Period"), p.period.start, p.period.end);
    if p.period.until_replaced {
        let _ = write!(line, " ({})", lang.t("in force until replaced"));
    }
    let _ = write!(line, " · {}", lang.state(s.state));
    if s.state == State::Active {
        let _ = write!(line, ", {} {}", s.days_left, lang.t("days left"));
    }
    let _ = write!(line, " · {} {}", lang.t("as of"), s.as_of);
    line
}

/// The colour of a status word.
fn colour(st: Status) -> comfy_table::Color {
    use comfy_table::Color;
    match st {
        Status::Met | Status::Ongoing => Color::Green,
        Status::OnTrack | Status::Upcoming | Status::NothingDue => Color::Cyan,
        Status::Behind | Status::PartlyMet => Color::Yellow,
        Status::Missed | Status::NoReports => Color::Red,
    }
}

fn status_rows(s: &PledgeStatus<'_>, lang: Lang, with_bar: bool) -> Vec<Vec<String>> {
    s.activities
        .iter()
        .map(|a| {
            let mut progress = progress_text(a, lang);
            if let (true, Target::Count { .. }, Some(r)) =
                (with_bar, a.activity.target.clone(), a.required)
            {
                progress = format!("{} {progress}", bar(a.done, r, 6));
            }
            vec![
                a.activity.id.clone(),
                render::cell(&owners_text(&a.activity.owners, lang)),
                target_text(a.activity.target.clone(), lang),
                progress,
                a.last_done
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "–".into()),
                lang.status(a.status).to_string(),
            ]
        })
        .collect()
}

fn headers(lang: Lang) -> [&'static str; 6] {
    [
        "Activity",
        "Owners",
        "Target",
        "Progress",
        "Last done",
        "Status",
    ]
    .map(|h| lang.t(h))
}

/// The terminal view of one löfte.
pub fn status_table(s: &PledgeStatus<'_>, lang: Lang, color: bool) -> String {
    let mut t = render::new_table(&headers(lang));
    render::keep_whole(&mut t, &[0, 2, 4, 5]);
    // comfy-table colours only what it is told to (it does not read NO_COLOR): the caller
    // decides, and the table measures the words without their escape codes.
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    for (row, a) in status_rows(s, lang, true).into_iter().zip(&s.activities) {
        let mut cells: Vec<comfy_table::Cell> =
            row.into_iter().map(comfy_table::Cell::new).collect();
        if color {
            let last = cells.pop().expect("six cells").fg(colour(a.status));
            cells.push(last);
        }
        t.add_row(cells);
    }
    format!(
        "{}\n{}\n{t}\n{}\n{}\n",
        heading(s),
        period_line(s, lang),
        followup_line(s, lang),
        summary_line(s, lang)
    )
}

/// The Markdown view of one löfte (for pasting into minutes).
pub fn status_markdown(s: &PledgeStatus<'_>, lang: Lang) -> String {
    let mut out = format!(
        "## {}\n\n{}\n\n",
        md(&heading(s)),
        md(&period_line(s, lang))
    );
    let h = headers(lang);
    let _ = writeln!(out, "| {} |", h.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(h.len()));
    for row in status_rows(s, lang, false) {
        let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = write!(
        out,
        "\n{}\n\n{}\n",
        md(&followup_line(s, lang)),
        md(&summary_line(s, lang))
    );
    out
}

pub const CSV_HEADER: [&str; 13] = [
    "file",
    "kommuner",
    "kommunkod",
    "state",
    "activity",
    "owners",
    "target",
    "required",
    "done",
    "window_start",
    "window_end",
    "last_done",
    "status",
];

pub fn status_csv_rows(s: &PledgeStatus<'_>) -> String {
    let p = s.pledge;
    let mut out = String::new();
    for a in &s.activities {
        out.push_str(&render::csv_record(&[
            p.file.clone(),
            p.kommun_names(),
            p.kommunkoder(),
            s.state.name().into(),
            a.activity.id.clone(),
            owners_text(&a.activity.owners, Lang::Sv),
            target_text(a.activity.target.clone(), Lang::En),
            a.required.map(|r| r.to_string()).unwrap_or_default(),
            a.done.to_string(),
            a.window.map(|w| w.0.to_string()).unwrap_or_default(),
            a.window.map(|w| w.1.to_string()).unwrap_or_default(),
            a.last_done.map(|d| d.to_string()).unwrap_or_default(),
            a.status.name().into(),
        ]));
    }
    out
}

fn target_json(t: Target) -> Value {
    match t {
        Target::None => Value::Null,
        Target::Once => json!({"kind": "once"}),
        Target::Count { count, per } => json!({"kind": "count", "count": count, "per": per}),
        other => json!({"kind": format!("{other:?}")}),
    }
}

fn owners_json(owners: &[Owner]) -> Value {
    owners
        .iter()
        .map(|o| json!({"who": o.who.name(), "role": o.role}))
        .collect()
}

pub fn activity_json(a: &ActivityStatus<'_>) -> Value {
    json!({
        "id": a.activity.id,
        "text": a.activity.text,
        "owners": owners_json(&a.activity.owners),
        "partners": owners_json(&a.activity.partners),
        "target": target_json(a.activity.target.clone()),
        "required": a.required,
        "done": a.done,
        "window": a.window.map(|(s, e)| json!({"start": s, "end": e})),
        "status": a.status,
        "last_done": a.last_done,
        "windows": a.windows,
    })
}

pub fn pledge_json(s: &PledgeStatus<'_>) -> Value {
    let p = s.pledge;
    let fu = p.followup.as_ref();
    json!({
        "file": p.file,
        "title": p.title,
        "kommuner": p.kommuner.iter().map(|k| json!({"name": k.name, "kommunkod": k.kod, "lan": k.lan})).collect::<Vec<_>>(),
        "area": p.area,
        "lokalpolisomrade": p.lokalpolisomrade,
        "period": p.period,
        "state": s.state,
        "days_left": s.days_left,
        "activities": s.activities.iter().map(activity_json).collect::<Vec<_>>(),
        "followup": {
            "when": fu.and_then(|f| f.when),
            "status": s.followup.status,
            "due": s.followup.due,
            "due_from": s.followup.due_from,
            "last_done": s.followup.last_done,
            "how": fu.and_then(|f| f.how.clone()),
            "responsible": fu.and_then(|f| f.responsible.clone()),
            "presented": fu.and_then(|f| f.presented.clone()),
        },
    })
}

/// Writes the `status --format json` document, computing and serialising one löfte at a time
/// so a national folder never holds the whole document in memory.
pub fn write_status_json(
    w: impl std::io::Write,
    pledges: &[&crate::model::Pledge],
    as_of: NaiveDate,
) -> serde_json::Result<()> {
    use serde::ser::{SerializeMap, SerializeSeq};

    struct Pledges<'a>(&'a [&'a crate::model::Pledge], NaiveDate);
    impl serde::Serialize for Pledges<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.len()))?;
            for p in self.0 {
                seq.serialize_element(&pledge_json(&crate::status::pledge_status(p, self.1)))?;
            }
            seq.end()
        }
    }
    struct Doc<'a>(Pledges<'a>);
    impl serde::Serialize for Doc<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(3))?;
            m.serialize_entry("schema_version", &SCHEMA_VERSION)?;
            m.serialize_entry("as_of", &self.0.1)?;
            m.serialize_entry("pledges", &self.0)?;
            m.end()
        }
    }
    serde_json::to_writer_pretty(w, &Doc(Pledges(pledges, as_of)))
}

/// One thing `check` reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub file: String,
    /// An activity id, or "followup".
    pub activity: String,
    /// `behind`, `missed`, `due_soon` (a window ending short), `followup_due`,
    /// `followup_overdue`.
    pub kind: &'static str,
    /// The activity status (status vocabulary) or the follow-up state.
    pub status: &'static str,
    pub required: Option<u32>,
    pub done: Option<u32>,
    pub window_start: Option<NaiveDate>,
    pub window_end: Option<NaiveDate>,
    /// Days from as-of to the end of the window or to the follow-up's date (negative: past).
    pub days_left: Option<i64>,
    pub message: String,
}

/// What needs attention on `as_of`: activities behind or missed in an active löfte, windows
/// ending within `within` days short of their count, follow-ups due within `within` days or
/// overdue (for up to a year after their date).
pub fn findings(s: &PledgeStatus<'_>, within: u32, name: &str) -> Vec<Finding> {
    let lang = Lang::En;
    let as_of = s.as_of;
    let within = i64::from(within);
    let mut out = Vec::new();
    let mk = |a: &ActivityStatus<'_>,
              kind: &'static str,
              status: Status,
              w: Option<(NaiveDate, NaiveDate, u32, u32)>,
              msg: String| Finding {
        file: name.to_string(),
        activity: a.activity.id.clone(),
        kind,
        status: status.name(),
        required: w.map(|w| w.2),
        done: w.map(|w| w.3),
        window_start: w.map(|w| w.0),
        window_end: w.map(|w| w.1),
        days_left: w.map(|w| (w.1 - as_of).num_days()),
        message: format!("{name}: {}: {msg}", a.activity.id),
    };
    if s.state == State::Active {
        for a in &s.activities {
            let w = a
                .window
                .zip(a.required)
                .map(|((f, t), r)| (f, t, r, a.done));
            let left = |end: NaiveDate| {
                let d = (end - as_of).num_days() + 1;
                format!("{d} day{} left", crate::app::plural(d as usize))
            };
            match (a.status, w) {
                (Status::Behind, Some(w)) => out.push(mk(
                    a,
                    "behind",
                    a.status,
                    Some(w),
                    format!(
                        "behind, {}, {}",
                        progress_text(a, lang).replace(" · ", " in "),
                        left(w.1)
                    ),
                )),
                // Only windows longer than the horizon are warned about ahead: a weekly window
                // always ends within 30 days, and its miss is reported as `missed`.
                (Status::OnTrack, Some(w))
                    if w.3 < w.2
                        && (w.1 - as_of).num_days() < within
                        && (w.1 - w.0).num_days() + 1 > within =>
                {
                    out.push(mk(
                        a,
                        "due_soon",
                        a.status,
                        Some(w),
                        format!(
                            "due soon, {}, {}",
                            progress_text(a, lang).replace(" · ", " in "),
                            left(w.1)
                        ),
                    ))
                }
                _ => {}
            }
            // The last window that ended recently short of its count.
            if let Some(prev) = a
                .windows
                .iter()
                .rfind(|w| w.end < as_of && (as_of - w.end).num_days() <= within)
                .filter(|w| w.status == Status::Missed)
            {
                out.push(mk(
                    a,
                    "missed",
                    Status::Missed,
                    Some((prev.start, prev.end, prev.required, prev.done)),
                    format!(
                        "missed, {} of {} in {}",
                        prev.done,
                        prev.required,
                        lang.window(prev.start, prev.end)
                    ),
                ));
            }
        }
    }
    let f = &s.followup;
    let fu = |kind: &'static str, due: NaiveDate, msg: String| Finding {
        file: name.to_string(),
        activity: crate::model::FOLLOWUP_ID.into(),
        kind,
        status: f.status.name(),
        required: None,
        done: None,
        window_start: f.due_from,
        window_end: Some(due),
        days_left: Some((due - as_of).num_days()),
        message: format!("{name}: followup: {msg}"),
    };
    match (f.status, f.due) {
        (FollowupState::Overdue, Some(due)) if (as_of - due).num_days() <= 365 => {
            out.push(fu("followup_overdue", due, format!("overdue since {due}")))
        }
        (FollowupState::Due, Some(due)) => out.push(fu(
            "followup_due",
            due,
            format!("due by {due}, {} days left", (due - as_of).num_days() + 1),
        )),
        (FollowupState::Scheduled, Some(due))
            if f.due_from
                .is_some_and(|from| (from - as_of).num_days() < within) =>
        {
            out.push(fu(
                "followup_due",
                due,
                format!("due by {due}, {} days left", (due - as_of).num_days() + 1),
            ))
        }
        (FollowupState::Due, None) if s.state == State::Active => out.push(Finding {
            message: format!(
                "{name}: followup: due, nothing recorded in the last 90 days (continuous)"
            ),
            ..fu("followup_due", as_of, String::new())
        }),
        _ => {}
    }
    out
}

/// The group of the report an activity belongs to, by who is responsible (the owners); partners who take part do not move an activity to
/// "Tillsammans" (Alvesta's "Polisen lovar ... tillsammans med kommunen" stays the police's).
fn group_of(a: &Activity) -> &'static str {
    let mut parties: Vec<&Party> = a.owners.iter().map(|o| &o.who).collect();
    parties.sort();
    parties.dedup();
    match parties.as_slice() {
        [Party::Polisen] => "The police promise",
        [Party::Kommunen] => "The kommun promises",
        [] => "Others promise",
        [Party::Other(_)] => "Others promise",
        _ => "Together",
    }
}

const GROUPS: [&str; 4] = [
    "The police promise",
    "The kommun promises",
    "Together",
    "Others promise",
];

/// The parts of the BRÅ meeting report, shared by the Markdown and HTML forms.
struct ReportParts<'a> {
    s: &'a PledgeStatus<'a>,
    since: NaiveDate,
    lang: Lang,
}

impl ReportParts<'_> {
    /// The activities by who promises them, in the order of [`GROUPS`], without empty groups.
    fn groups(&self) -> Vec<(&'static str, Vec<&ActivityStatus<'_>>)> {
        GROUPS
            .iter()
            .map(|g| {
                let acts = self
                    .s
                    .activities
                    .iter()
                    .filter(|a| group_of(a.activity) == *g)
                    .collect();
                (*g, acts)
            })
            .filter(|(_, acts): &(_, Vec<_>)| !acts.is_empty())
            .collect()
    }

    fn log(&self) -> Vec<&crate::model::LogEntry> {
        let mut v: Vec<_> = self
            .s
            .pledge
            .log
            .iter()
            .filter(|e| e.date >= self.since && e.date <= self.s.as_of)
            .collect();
        v.sort_by_key(|e| (e.date, e.span.start));
        v
    }
    fn behind(&self) -> Vec<&ActivityStatus<'_>> {
        self.s
            .activities
            .iter()
            .filter(|a| a.status.is_problem())
            .collect()
    }
    fn promised(&self, a: &ActivityStatus<'_>) -> String {
        let l = self.lang;
        let mut t = format!(
            "{}: {}",
            l.t("Target"),
            target_text(a.activity.target.clone(), l)
        );
        let _ = write!(
            t,
            " · {}: {}",
            l.t("Owners"),
            owners_text(&a.activity.owners, l)
        );
        if !a.activity.partners.is_empty() {
            let _ = write!(
                t,
                " ({} {})",
                match l {
                    Lang::En => "with",
                    Lang::Sv => "med",
                },
                owners_text(&a.activity.partners, l)
            );
        }
        t
    }
    fn outcome(&self, a: &ActivityStatus<'_>) -> String {
        let l = self.lang;
        let mut t = format!("{} – {}", progress_text(a, l), l.status(a.status));
        if let Some(d) = a.last_done {
            let _ = write!(t, " ({} {d})", l.t("Last done").to_lowercase());
        }
        t
    }
    fn followup_details(&self) -> Vec<(String, String)> {
        let l = self.lang;
        let line = followup_line(self.s, l);
        let when = line
            .split_once(": ")
            .map_or(line.as_str(), |(_, w)| w)
            .to_string();
        let mut v = vec![(l.t("Follow-up").to_string(), when)];
        if let Some(f) = &self.s.pledge.followup {
            for (k, val) in [
                ("How", &f.how),
                ("Responsible", &f.responsible),
                ("Presented", &f.presented),
            ] {
                if let Some(val) = val {
                    v.push((l.t(k).to_string(), val.clone()));
                }
            }
        }
        v
    }
}

fn entry_text(e: &crate::model::LogEntry) -> String {
    let mut t = format!("{} {}", e.date, e.activity);
    if e.count != 1 {
        let _ = write!(t, " ×{}", e.count);
    }
    if let Some(by) = &e.by {
        let _ = write!(t, " ({by})");
    }
    if let Some(n) = &e.note {
        let _ = write!(t, ": {n}");
    }
    t
}

/// The BRÅ meeting report as Markdown.
pub fn report_markdown(s: &PledgeStatus<'_>, since: Option<NaiveDate>, lang: Lang) -> String {
    let r = ReportParts {
        s,
        since: since.unwrap_or(s.pledge.period.start),
        lang,
    };
    let p = s.pledge;
    let l = lang;
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", md(&p.title));
    let _ = writeln!(o, "{}  ", md(&heading(s)));
    let _ = writeln!(o, "{}\n", md(&period_line(s, l)));
    if let Some(lpo) = &p.lokalpolisomrade {
        let _ = writeln!(o, "{}: {}  ", l.t("Lokalpolisområde"), md(lpo));
    }
    if let Some(d) = p.signed {
        let _ = writeln!(o, "{}: {d}  ", l.t("Signed"));
    }
    for sig in &p.signatories {
        let _ = writeln!(
            o,
            "- {}{}",
            md(&sig.name),
            sig.role
                .as_ref()
                .map(|r| format!(", {}", md(r)))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(o, "\n## {}\n", l.t("Problem"));
    if let Some(t) = &p.problem.title {
        let _ = writeln!(o, "**{}**\n", md(t));
    }
    for (i, pr) in p.problem.priorities.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", i + 1, md(pr));
    }
    if !p.problem.priorities.is_empty() {
        o.push('\n');
    }
    if let Some(t) = &p.problem.text {
        let _ = writeln!(o, "{}\n", md(t));
    }
    if let Some(pr) = &p.promise {
        let _ = writeln!(o, "## {}\n\n{}\n", l.t("The promise"), md(pr));
    }
    for (g, acts) in r.groups() {
        let _ = writeln!(o, "## {}\n", l.t(g));
        for a in acts {
            let _ = writeln!(o, "### {}\n\n{}\n", a.activity.id, md(&a.activity.text));
            let _ = writeln!(
                o,
                "- **{}:** {}",
                l.t("What we promised"),
                md(&r.promised(a))
            );
            let _ = writeln!(
                o,
                "- **{}:** {}\n",
                l.t("What has been done"),
                md(&r.outcome(a))
            );
        }
    }
    let _ = writeln!(o, "## {} {}\n", l.t("Log since"), r.since);
    let log = r.log();
    if log.is_empty() {
        let _ = writeln!(o, "{}.\n", l.t("Nothing recorded"));
    }
    for e in log {
        let _ = writeln!(o, "- {}", md(&entry_text(e)));
    }
    if !o.ends_with("\n\n") {
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", l.t("Behind"));
    let behind = r.behind();
    if behind.is_empty() {
        let _ = writeln!(o, "{}\n", l.t("Nothing is behind."));
    }
    for a in &behind {
        let _ = writeln!(o, "- **{}**: {}", a.activity.id, md(&r.outcome(a)));
    }
    if !behind.is_empty() {
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", l.t("Follow-up"));
    for (k, v) in r.followup_details().iter().skip(1) {
        let _ = writeln!(o, "- **{}:** {}", k, md(v));
    }
    let _ = writeln!(o, "\n{}", md(&followup_line(s, l)));
    o
}

const CSS: &str = "\
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #1b3a6b; color: #1b3a6b; margin: 16pt 0 6pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 2pt; break-after: avoid; }
.meta { color: #444; margin: 0; }
.activity { break-inside: avoid; margin-bottom: 8pt; }
.activity p { margin: 2pt 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2pt 10pt; margin: 4pt 0; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 0.5pt solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #e8edf5; }
tr { break-inside: avoid; }
.status { font-weight: bold; white-space: nowrap; }
.met, .ongoing { color: #1d6b2a; }
.on_track, .upcoming { color: #1b3a6b; }
.behind { color: #a15c00; }
.missed, .no_reports { color: #b00020; }
";

/// The BRÅ meeting report as one self-contained HTML page that prints on A4.
pub fn report_html(s: &PledgeStatus<'_>, since: Option<NaiveDate>, lang: Lang) -> String {
    let r = ReportParts {
        s,
        since: since.unwrap_or(s.pledge.period.start),
        lang,
    };
    let p = s.pledge;
    let l = lang;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        if l == Lang::Sv { "sv" } else { "en" },
        html(&p.title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", html(&p.title));
    let _ = writeln!(o, "<p class=\"meta\">{}</p>", html(&heading(s)));
    let _ = writeln!(o, "<p class=\"meta\">{}</p>", html(&period_line(s, l)));
    let mut meta = Vec::new();
    if let Some(lpo) = &p.lokalpolisomrade {
        meta.push((l.t("Lokalpolisområde").to_string(), lpo.clone()));
    }
    if let Some(d) = p.signed {
        meta.push((l.t("Signed").to_string(), d.to_string()));
    }
    for sig in &p.signatories {
        meta.push((
            String::new(),
            format!(
                "{}{}",
                sig.name,
                sig.role
                    .as_ref()
                    .map(|r| format!(", {r}"))
                    .unwrap_or_default()
            ),
        ));
    }
    if !meta.is_empty() {
        o.push_str("<dl>\n");
        for (k, v) in meta {
            let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", html(&k), html(&v));
        }
        o.push_str("</dl>\n");
    }
    let _ = writeln!(o, "<h2>{}</h2>", l.t("Problem"));
    if let Some(t) = &p.problem.title {
        let _ = writeln!(o, "<p><strong>{}</strong></p>", html(t));
    }
    if !p.problem.priorities.is_empty() {
        o.push_str("<ol>\n");
        for pr in &p.problem.priorities {
            let _ = writeln!(o, "<li>{}</li>", html(pr));
        }
        o.push_str("</ol>\n");
    }
    if let Some(t) = &p.problem.text {
        let _ = writeln!(o, "<p>{}</p>", html(t));
    }
    if let Some(pr) = &p.promise {
        let _ = writeln!(o, "<h2>{}</h2>\n<p>{}</p>", l.t("The promise"), html(pr));
    }
    for (g, acts) in r.groups() {
        let _ = writeln!(o, "<h2>{}</h2>", l.t(g));
        for a in acts {
            let _ = writeln!(
                o,
                "<div class=\"activity\">\n<h3>{} <span class=\"status {}\">{}</span></h3>\n<p>{}</p>\n<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n</div>",
                html(&a.activity.id),
                a.status.name(),
                html(l.status(a.status)),
                html(&a.activity.text),
                l.t("What we promised"),
                html(&r.promised(a)),
                l.t("What has been done"),
                html(&r.outcome(a)),
            );
        }
    }
    let _ = writeln!(o, "<h2>{} {}</h2>", l.t("Log since"), r.since);
    let log = r.log();
    if log.is_empty() {
        let _ = writeln!(o, "<p>{}.</p>", l.t("Nothing recorded"));
    } else {
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            l.t("Date"),
            l.t("Activity"),
            l.t("Count"),
            l.t("By"),
            l.t("Note")
        );
        for e in log {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e.date,
                html(&e.activity),
                e.count,
                html(e.by.as_deref().unwrap_or("")),
                html(e.note.as_deref().unwrap_or("")).replace('\n', "<br>")
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(o, "<h2>{}</h2>", l.t("Behind"));
    let behind = r.behind();
    if behind.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", l.t("Nothing is behind."));
    } else {
        o.push_str("<ul>\n");
        for a in behind {
            let _ = writeln!(
                o,
                "<li><strong>{}</strong>: {}</li>",
                html(&a.activity.id),
                html(&r.outcome(a))
            );
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<h2>{}</h2>\n<dl>", l.t("Follow-up"));
    for (k, v) in r.followup_details() {
        let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", html(&k), html(&v));
    }
    o.push_str("</dl>\n</body>\n</html>\n");
    o
}
