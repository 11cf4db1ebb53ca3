//! The `--format json` documents of `status`, `list`, `log` and `check`, as typed values.
//! Every document names its kommuner with the one [`KommunJson`] shape.

use std::io;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

use crate::kommuner::Kommun;
use crate::model::{
    FollowupWhen, LogEntry, Occurrences, Owner, Per, Period, Pledge, State, Target,
};
use crate::rules::findings::Finding;
use crate::rules::status::{
    ActivityStatus, FollowupState, PledgeStatus, Record, Requests, Status, UnitStatus,
    WindowStatus, pledge_status_for, share_for,
};
use crate::view::LogLine;
use crate::view::check::finding_line;
use crate::view::entries::{push_date, push_num};

/// The version of the JSON documents of `status`, `check`, `list` and `log`.
/// 2: an activity's `status` takes its whole record into account (a missed window makes it
/// `behind`; `partly_met` after the period), weekly windows are ISO weeks, and `check`
/// reports every missed window.
/// 3 (issue 22): a view uses no work dated after its as-of date (`period.start` of a löfte
/// whose start is not stated is the first work recorded by then); `followup.last_done` is the
/// latest record that counts (earlier ones in `followup.not_counted`); a per-occurrence
/// target's windows end `grace_days` after each occurrence; a weekly slot counts only work on
/// its weekday or marked `instead_of_slot`; `status` may be `nothing_recorded`.
/// 4: `check`'s `days_left` counts both ends; a verdict over an empty record has no basis.
/// 5: in one kommun's view of a löfte for several, an activity every kommun owns is that
/// kommun's share (`share`); an answer counts only for a request waiting on its date; work
/// outside an activity's own frame is never its `last_done`.
pub const SCHEMA_VERSION: u32 = 5;

/// A kommun, the same in every document.
#[derive(Serialize)]
pub struct KommunJson {
    name: &'static str,
    kommunkod: &'static str,
    lan: &'static str,
    polisregion: &'static str,
}

impl From<&Kommun> for KommunJson {
    fn from(k: &Kommun) -> KommunJson {
        KommunJson {
            name: k.name,
            kommunkod: k.kod,
            lan: k.lan,
            polisregion: k.polisregion,
        }
    }
}

fn kommuner(p: &Pledge) -> Vec<KommunJson> {
    p.kommuner.iter().map(|k| KommunJson::from(*k)).collect()
}

#[derive(Serialize)]
struct OwnerJson<'a> {
    who: &'a str,
    role: &'a Option<String>,
}

fn owners(owners: &[Owner]) -> Vec<OwnerJson<'_>> {
    owners
        .iter()
        .map(|o| OwnerJson {
            who: o.who.name(),
            role: &o.role,
        })
        .collect()
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum TargetJson<'a> {
    Once,
    Count {
        count: u32,
        per: Per,
    },
    Open,
    OnRequest,
    Each {
        count: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        each: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        event: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        on: Option<&'a [NaiveDate]>,
        grace_days: u32,
    },
    Weekly {
        weekday: &'static str,
        time: &'a Option<String>,
        except_holidays: bool,
    },
}

fn target(t: &Target) -> Option<TargetJson<'_>> {
    Some(match t {
        Target::None => return None,
        Target::Once => TargetJson::Once,
        Target::Count { count, per } => TargetJson::Count {
            count: *count,
            per: *per,
        },
        Target::Open => TargetJson::Open,
        Target::OnRequest => TargetJson::OnRequest,
        Target::Each {
            count,
            of,
            grace_days,
        } => TargetJson::Each {
            count: *count,
            each: match of {
                Occurrences::Activity(id) => Some(id),
                _ => None,
            },
            event: match of {
                Occurrences::Event(id) => Some(id),
                _ => None,
            },
            on: match of {
                Occurrences::Dates(ds) => Some(ds),
                _ => None,
            },
            grace_days: *grace_days,
        },
        Target::Weekly {
            weekday,
            time,
            except_holidays,
        } => TargetJson::Weekly {
            weekday: weekday_name(*weekday),
            time,
            except_holidays: *except_holidays,
        },
    })
}

fn weekday_name(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match w {
        Mon => "monday",
        Tue => "tuesday",
        Wed => "wednesday",
        Thu => "thursday",
        Fri => "friday",
        Sat => "saturday",
        Sun => "sunday",
    }
}

#[derive(Serialize)]
struct WindowJson {
    start: NaiveDate,
    end: NaiveDate,
}

#[derive(Serialize)]
struct ActivityJson<'a> {
    id: &'a str,
    text: &'a str,
    owners: Vec<OwnerJson<'a>>,
    partners: Vec<OwnerJson<'a>>,
    target: Option<TargetJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<NaiveDate>,
    required: Option<u32>,
    done: u32,
    window: Option<WindowJson>,
    status: Status,
    last_done: Option<NaiveDate>,
    record: Option<Record>,
    windows: &'a [WindowStatus],
    /// Windows left out past the limit per activity (issue 25); absent when none.
    #[serde(skip_serializing_if = "crate::rules::status::is_zero")]
    windows_omitted: usize,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    units: &'a [UnitStatus],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<ActivityJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    requests: Option<Requests>,
    /// In one kommun's view of a löfte for several: the status is that kommun's share
    /// (schema 5); `{ "kommun": "Forshaga", "shared_done": 1 }`.
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<crate::rules::status::Share>,
    /// The follow-up's verdict (issue 13): only for löften that record verdicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<serde_json::Value>,
}

impl<'a> From<&'a ActivityStatus<'a>> for ActivityJson<'a> {
    fn from(a: &'a ActivityStatus<'a>) -> ActivityJson<'a> {
        ActivityJson {
            id: &a.activity.id,
            text: &a.activity.text,
            owners: owners(&a.activity.owners),
            partners: owners(&a.activity.partners),
            target: target(&a.activity.target),
            from: a.activity.frame.from,
            until: a.activity.frame.until,
            required: a.required,
            done: a.done,
            window: a.window.map(|(start, end)| WindowJson { start, end }),
            status: a.status,
            last_done: a.last_done,
            record: a.record,
            windows: &a.windows,
            windows_omitted: a.windows_omitted,
            units: &a.units,
            parts: a.parts.iter().map(ActivityJson::from).collect(),
            requests: a.requests,
            share: a.share,
            verdict: None,
        }
    }
}

#[derive(Serialize)]
struct FollowupJson<'a> {
    when: Option<FollowupWhen>,
    status: FollowupState,
    due: Option<NaiveDate>,
    due_from: Option<NaiveDate>,
    last_done: Option<NaiveDate>,
    not_counted: &'a [NaiveDate],
    how: Option<&'a str>,
    responsible: Option<&'a str>,
    presented: Option<&'a str>,
}

/// One löfte of `status --format json`.
#[derive(Serialize)]
struct StatusPledgeJson<'a> {
    file: &'a str,
    title: &'a str,
    kommuner: Vec<KommunJson>,
    area: &'a Option<String>,
    lokalpolisomrade: &'a Option<String>,
    period: Period,
    state: State,
    days_left: i64,
    /// Nothing at all is recorded by the as-of date.
    nothing_recorded: bool,
    activities: Vec<ActivityJson<'a>>,
    followup: FollowupJson<'a>,
    /// Indicators and verdicts (issue 13): only for löften that have them.
    #[serde(flatten)]
    outcomes: serde_json::Map<String, serde_json::Value>,
}

impl<'a> From<&'a PledgeStatus<'a>> for StatusPledgeJson<'a> {
    fn from(s: &'a PledgeStatus<'a>) -> StatusPledgeJson<'a> {
        let p = s.pledge;
        let fu = p.followup.as_ref();
        StatusPledgeJson {
            file: &p.file,
            title: &p.title,
            kommuner: kommuner(p),
            area: &p.area,
            lokalpolisomrade: &p.lokalpolisomrade,
            period: s.period,
            state: s.state,
            days_left: s.days_left,
            nothing_recorded: s.nothing_recorded,
            activities: crate::view::outcome::with_verdicts(
                s,
                s.activities.iter().map(ActivityJson::from).collect(),
                |a, v| a.verdict = Some(v),
            ),
            outcomes: crate::view::outcome::pledge_json(s),
            followup: FollowupJson {
                when: fu.and_then(|f| f.when),
                status: s.followup.status,
                due: s.followup.due,
                due_from: s.followup.due_from,
                last_done: s.followup.last_done,
                not_counted: &s.followup.not_counted,
                how: fu.and_then(|f| f.how.as_deref()),
                responsible: fu.and_then(|f| f.responsible.as_deref()),
                presented: fu.and_then(|f| f.presented.as_deref()),
            },
        }
    }
}

/// The löften of `status`, each computed and serialised in turn, so a national folder never
/// holds the whole document in memory.
struct StatusPledges<'a> {
    pledges: &'a [&'a Pledge],
    /// The kommuner the view is for: a löfte of several shows the share of the one named.
    named: &'a [&'static Kommun],
    as_of: NaiveDate,
    /// Windows shown per activity ([`crate::view::window_limit`]); `None`: all.
    limit: Option<usize>,
}

impl Serialize for StatusPledges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.pledges.len()))?;
        for p in self.pledges {
            let mut st = pledge_status_for(p, self.as_of, share_for(p, self.named));
            crate::view::window_limit::cut(&mut st, self.limit);
            seq.serialize_element(&StatusPledgeJson::from(&st))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct StatusDoc<'a> {
    schema_version: u32,
    as_of: NaiveDate,
    pledges: StatusPledges<'a>,
}

/// Writes the `status --format json` document (without a final newline), computing each
/// löfte's status just before it is written, each activity's windows within `limit`
/// ([`crate::view::window_limit`]; `None`: all).
pub fn write_status(
    w: impl io::Write,
    pledges: &[&Pledge],
    named: &[&'static Kommun],
    as_of: NaiveDate,
    limit: Option<usize>,
) -> serde_json::Result<()> {
    let doc = StatusDoc {
        schema_version: SCHEMA_VERSION,
        as_of,
        pledges: StatusPledges {
            pledges,
            named,
            as_of,
            limit,
        },
    };
    serde_json::to_writer_pretty(w, &doc)
}

/// One löfte of the `status --format json` document as compact JSON (under half the bytes of
/// its pretty form), for `view::site`: a caller that keeps no more than this of each
/// löfte can still write the document.
pub fn status_part(s: &PledgeStatus<'_>) -> Vec<u8> {
    serde_json::to_vec(&StatusPledgeJson::from(s)).expect("JSON of a status cannot fail")
}

#[derive(Serialize)]
struct ListPledgeJson<'a> {
    file: &'a str,
    title: &'a str,
    kommuner: Vec<KommunJson>,
    area: &'a Option<String>,
    lokalpolisomrade: &'a Option<String>,
    period: Period,
    state: State,
    activities: usize,
}

#[derive(Serialize)]
struct ListDoc<'a> {
    schema_version: u32,
    as_of: NaiveDate,
    pledges: Vec<ListPledgeJson<'a>>,
}

/// `list --format json`: the löften with their state on `on`.
pub fn list(pledges: &[&Pledge], on: NaiveDate) -> String {
    let doc = ListDoc {
        schema_version: SCHEMA_VERSION,
        as_of: on,
        pledges: pledges
            .iter()
            .map(|p| ListPledgeJson {
                file: &p.file,
                title: &p.title,
                kommuner: kommuner(p),
                area: &p.area,
                lokalpolisomrade: &p.lokalpolisomrade,
                period: p.period_on(on),
                state: p.state(on),
                activities: p.activities.len(),
            })
            .collect(),
    };
    pretty(&doc)
}

/// A JSON string, escaped as serde_json escapes it.
fn json_str(buf: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *buf, s).expect("writing into memory cannot fail");
}

/// Appends the part of a `log --format json` entry that every entry of a file shares, its
/// file and kommuner, indented as in the document: written once per file, copied per entry.
pub fn log_entry_head(buf: &mut Vec<u8>, file: &str, kommuner: &[&Kommun]) {
    buf.extend_from_slice(b"      \"file\": ");
    json_str(buf, file);
    buf.extend_from_slice(b",\n      \"kommuner\": [");
    for (i, k) in kommuner.iter().enumerate() {
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        let fields = [
            ("name", k.name),
            ("kommunkod", k.kod),
            ("lan", k.lan),
            ("polisregion", k.polisregion),
        ];
        buf.extend_from_slice(b"        {");
        for (j, (key, v)) in fields.into_iter().enumerate() {
            buf.extend_from_slice(if j == 0 { b"\n" } else { b",\n" });
            buf.extend_from_slice(b"          \"");
            buf.extend_from_slice(key.as_bytes());
            buf.extend_from_slice(b"\": ");
            json_str(buf, v);
        }
        buf.extend_from_slice(b"\n        }");
    }
    if !kommuner.is_empty() {
        buf.extend_from_slice(b"\n      ");
    }
    buf.extend_from_slice(b"],\n");
}

/// Appends the rest of a `log --format json` entry, from its date to its closing brace.
pub fn log_entry_tail(buf: &mut Vec<u8>, l: &LogLine<'_>) {
    buf.extend_from_slice(b"      \"date\": \"");
    push_date(buf, l.date);
    buf.extend_from_slice(b"\",\n      \"activity\": ");
    json_str(buf, l.activity);
    let kommun = l.kommun.map(|k| k.name);
    for (key, v) in [("part", l.part), ("unit", l.unit), ("kommun", kommun)] {
        if let Some(v) = v {
            buf.extend_from_slice(b",\n      \"");
            buf.extend_from_slice(key.as_bytes());
            buf.extend_from_slice(b"\": ");
            json_str(buf, v);
        }
    }
    if l.request {
        buf.extend_from_slice(b",\n      \"request\": true");
    }
    buf.extend_from_slice(b",\n      \"count\": ");
    push_num(buf, l.count.into());
    for (key, v) in [("by", l.by), ("note", l.note)] {
        buf.extend_from_slice(b",\n      \"");
        buf.extend_from_slice(key.as_bytes());
        buf.extend_from_slice(b"\": ");
        match v {
            Some(v) => json_str(buf, v),
            None => buf.extend_from_slice(b"null"),
        }
    }
    buf.extend_from_slice(b"\n    }");
}

/// Writes the `log --format json` document (without a final newline), one entry at a time:
/// each entry its `undo --index` number (when the log lists one kommun's entries,
/// unfiltered), its [`log_entry_head`] and its [`log_entry_tail`].
pub fn write_log_entries<'r>(
    mut w: impl io::Write,
    entries: impl Iterator<Item = (Option<usize>, &'r [u8], &'r [u8])>,
) -> io::Result<()> {
    let mut lead = Vec::with_capacity(64);
    lead.extend_from_slice(b"{\n  \"schema_version\": ");
    push_num(&mut lead, SCHEMA_VERSION.into());
    lead.extend_from_slice(b",\n  \"entries\": [");
    let mut any = false;
    for (index, head, tail) in entries {
        lead.extend_from_slice(if any { b",\n    {\n" } else { b"\n    {\n" });
        if let Some(i) = index {
            lead.extend_from_slice(b"      \"index\": ");
            push_num(&mut lead, i as u64);
            lead.extend_from_slice(b",\n");
        }
        w.write_all(&lead)?;
        w.write_all(head)?;
        w.write_all(tail)?;
        lead.clear();
        any = true;
    }
    lead.extend_from_slice(if any { b"\n  ]\n}" } else { b"]\n}" });
    w.write_all(&lead)
}

/// `log --format json`: the entries in the order given; `numbered`: the entries are one
/// kommun's, unfiltered, so each gets the index `undo --index` takes.
pub fn log(entries: &[(&Pledge, &LogEntry)], numbered: bool) -> String {
    let mut out = Vec::new();
    let lines = entries.iter().enumerate().map(|(i, (p, e))| LogLine {
        index: numbered.then_some(i + 1),
        ..LogLine::of(p, e)
    });
    write_log(&mut out, lines).expect("writing into memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes the `log --format json` document (without a final newline), one entry at a time.
pub fn write_log<'a>(
    w: impl io::Write,
    lines: impl Iterator<Item = LogLine<'a>>,
) -> io::Result<()> {
    let parts: Vec<(Option<usize>, Vec<u8>, Vec<u8>)> = lines
        .map(|l| {
            let (mut head, mut tail) = (Vec::new(), Vec::new());
            log_entry_head(&mut head, l.file, l.kommuner);
            log_entry_tail(&mut tail, &l);
            (l.index, head, tail)
        })
        .collect();
    write_log_entries(w, parts.iter().map(|(i, h, t)| (*i, &h[..], &t[..])))
}

#[derive(Serialize)]
struct FindingJson<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    message: String,
}

#[derive(Serialize)]
struct CheckDoc<'a> {
    schema_version: u32,
    as_of: NaiveDate,
    within: u32,
    findings: Vec<FindingJson<'a>>,
    invalid_files: &'a [&'a str],
}

/// `check --format json`: the findings with their lines, and the files that do not load.
pub fn check(as_of: NaiveDate, within: u32, findings: &[Finding], invalid: &[&str]) -> String {
    let doc = CheckDoc {
        schema_version: SCHEMA_VERSION,
        as_of,
        within,
        findings: findings
            .iter()
            .map(|f| FindingJson {
                finding: f,
                message: finding_line(f),
            })
            .collect(),
        invalid_files: invalid,
    };
    pretty(&doc)
}

fn pretty(doc: &impl Serialize) -> String {
    serde_json::to_string_pretty(doc).expect("the documents serialise to JSON")
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
