//! One activity from its published words: text, owners and partners, target, id.

use chrono::NaiveDate;

use crate::model::{Owner, Party};

use super::kinds::{self, Context, plain, with};
use super::owners;
use super::rules::{self, Found, Kind};
use super::{ActivityDraft, Note};

/// A target as the draft writes it, with the reading that quotes its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub target: Option<String>,
    pub reading: String,
    pub units: Vec<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// An `[[event]]` the target counts per occurrence of: id and text.
    pub event: Option<(String, String)>,
}

/// "ett antal": open, unless a count stated apart from those words stands beside it
/// ("minst två insatser per år mot ett antal butiker").
fn open(f: &Found) -> (Option<String>, String) {
    let w = &f.words;
    let apart = f
        .with_count
        .as_deref()
        .filter(|c| !c.words.contains(w.as_str()));
    match apart.and_then(plain) {
        Some((t, r)) => (Some(t), format!("{r}; \"{w}\" counts something else")),
        None => (
            Some("\"open\"".to_string()),
            format!(
                "\"{w}\": a count the text leaves open, counted but never judged against a number{}",
                with(f)
            ),
        ),
    }
}

/// "genomföra en trygghetsvandring", "anordna ett möte": one thing done (not a change made
/// once, such as "ta fram en plan").
fn one_thing_done(words: &str) -> bool {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^(?:genomföra|genomför|anordna|anordnar|arrangera|arrangerar|hålla|håller|planera in|planerar in|ordna|ordnar)\b",
        )
        .expect("the importer's patterns compile")
    })
    .is_match(words)
}

/// The year of "under 2022" in a count's words.
fn named_year(words: &str) -> Option<i32> {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let r = R.get_or_init(|| {
        regex::Regex::new(r"(?i)\bunder (?:år |året )?((?:19|20)\d\d)\b")
            .expect("the importer's patterns compile")
    });
    r.captures(words)?.get(1)?.as_str().parse().ok()
}

// Long because: one arm per target kind, the one place a kind becomes TOML; split, the
// kinds would be read in two places.
/// The one place a recognised target phrase becomes TOML. The issue-11 kinds are written
/// only where the words beside them state what they need (a listed unit, another activity,
/// a weekday, months in a known year); otherwise no target is written and the reading says
/// why. Never a count the text does not state.
pub fn target_toml(f: &Found, cx: &Context<'_>) -> Written {
    let w = &f.words;
    let mut out = Written::default();
    let (target, reading) = match f.kind {
        // "genomföra en trygghetsvandring", "minst ett hundsök": one thing over the period,
        // written as a count of one (how every reader of the real texts wrote it).
        Kind::Once if one_thing_done(w) => (
            Some("{ count = 1, per = \"period\" }".to_string()),
            format!("\"{w}\" names one, and no window: 1 over the whole period"),
        ),
        // "fyra insatser under 2022" in a löfte that runs past 2022: the count is for that
        // year only, no count per year; over the whole period, as before, and said so.
        Kind::Count(crate::model::Per::Year)
            if named_year(w).is_some_and(|y| {
                chrono::Datelike::year(&cx.period.0) != y
                    || chrono::Datelike::year(&cx.period.1) != y
            }) =>
        {
            (
                Some(format!("{{ count = {}, per = \"period\" }}", f.count)),
                format!(
                    "\"{w}\": {} in the year named, which is not the whole period: written over the whole period",
                    f.count
                ),
            )
        }
        Kind::Count(_) | Kind::CountNoWindow => {
            let (t, r) = plain(f).expect("a count phrase");
            (Some(t), r)
        }
        Kind::Once => (
            Some("\"once\"".to_string()),
            format!("\"{w}\" is a change made once: a milestone"),
        ),
        Kind::Vague => (
            None,
            format!("\"{w}\" gives no number, so no count target: ongoing work"),
        ),
        Kind::OtherWindow => (
            None,
            format!("\"{w}\": the format has no such window, so no target is written"),
        ),
        Kind::OpenCount => open(f),
        Kind::OnRequest => (
            Some("\"on-request\"".to_string()),
            format!(
                "\"{w}\": work on request; record a request with `pledge done --request`{}",
                with(f)
            ),
        ),
        Kind::Parts => (
            None,
            format!(
                "several targets in one activity: \"{w}\"; the importer does not split it into \
                 parts, so none is written (write [[activity.part]] tables by hand)"
            ),
        ),
        Kind::PerUnit => kinds::per_unit(f, cx, &mut out.units),
        Kind::PerOccurrence => kinds::per_occurrence(f, cx, &mut out.event),
        Kind::WeeklySlot => kinds::weekly_toml(f, cx),
        Kind::OwnFrame => own_frame(f, cx),
    };
    out.target = target;
    out.reading = reading;
    if let Some((from, until, words)) = kinds::frame(cx.text, cx.period) {
        let time = match (from, until) {
            (Some(f), Some(u)) => format!("{f} to {u}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(u)) => format!("until {u}"),
            (None, None) => String::new(),
        };
        let frame = format!("\"{words}\": the activity's own time, {time}");
        out.reading = if out.reading.is_empty() {
            frame
        } else {
            format!("{}; {frame}", out.reading)
        };
        (out.from, out.until) = (from, until);
    }
    out
}

/// "under våren", "från och med juni": the activity's own time and the count beside it;
/// time words said in another sentence than the count are no time frame of it.
fn own_frame(f: &Found, cx: &Context<'_>) -> (Option<String>, String) {
    let w = &f.words;
    match f.kind {
        // "minst fyra insatser … Inriktning under våren är …": the time words in another
        // sentence than the count are no time frame of the count.
        Kind::OwnFrame
            if let Some(c) = &f.with_count
                && !super::clean::sentences(cx.text)
                    .iter()
                    .any(|s| s.contains(w.as_str()) && s.contains(c.words.as_str())) =>
        {
            match plain(c) {
                Some((t, r)) => (
                    Some(t),
                    format!("{r}; \"{w}\" is said in another sentence, not of the count"),
                ),
                None => (None, String::new()),
            }
        }
        _ => match (kinds::frame(cx.text, cx.period), &f.with_count) {
            (Some(_), Some(c)) => plain(c)
                .map(|(t, r)| (Some(t), format!("\"{w}\", {r}")))
                .unwrap_or((None, String::new())),
            (Some(_), None) => (None, format!("\"{w}\" gives no number: ongoing work")),
            (None, _) => (
                None,
                format!(
                    "the activity's own time: \"{w}\"{}; the text names no months in a year it \
                     makes known, so no time frame and no target are written",
                    with(f)
                ),
            ),
        },
    }
}

/// Resolves an activity's target once the whole draft is read; the `[[event]]` it counts
/// per occurrence of, if any.
pub fn resolve(a: &mut ActivityDraft, cx: &Context<'_>) -> Option<(String, String)> {
    let f = a.found.take()?;
    let cx = Context {
        id: &a.id,
        text: &a.text,
        ..*cx
    };
    let w = target_toml(&f, &cx);
    a.target = w.target;
    a.units = w.units;
    (a.from, a.until) = (w.from, w.until);
    if !w.reading.is_empty() {
        a.notes.push(Note::Reading(w.reading));
    }
    w.event
}

/// Words that say nothing about what an activity is, skipped when making its id.
const ID_SKIP: &[&str] = &[
    "att",
    "och",
    "med",
    "i",
    "på",
    "för",
    "av",
    "en",
    "ett",
    "som",
    "till",
    "mot",
    "om",
    "den",
    "det",
    "de",
    "vid",
    "samt",
    "arbeta",
    "genomföra",
    "verka",
    "skapa",
    "använda",
    "ha",
    "hålla",
    "lovar",
    "tillsammans",
    "inom",
    "ökad",
    "öka",
    "se",
    "över",
    "kring",
    "fler",
    "bedriva",
    "utveckla",
    "utöka",
    "medverka",
    "aktivt",
    "alla",
    "samtliga",
    "under",
    "minst",
];

mod ids;
pub use ids::{Ids, make_id};
mod own;
pub(super) use own::names_we;
use own::{bracket_owner, possessive_owner, slash_owner, we};

fn add(list: &mut Vec<Owner>, who: Party, role: Option<String>) {
    if !list.iter().any(|o| o.who == who) {
        list.push(Owner { who, role });
    }
}

fn names(ps: &[Party]) -> String {
    ps.iter().map(Party::name).collect::<Vec<_>>().join(" och ")
}

/// Ends a text with a full stop when it has no closing punctuation.
pub fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{}.", s.trim_end_matches([',', ';', ':']))
    }
}

/// The nearest owner the text names wins: the item's "Ansvarig" (read before), an owner in
/// brackets at its end ("… (Polis)"), its own subject ("Kommunen ska …"), a joint phrase, a
/// named third party, "vi", then the heading or lead-in above it, then the löfte's opening
/// ("X och Y lovar att … genom att:").
fn nearest_owner(a: &mut ActivityDraft, section: Option<&[Party]>, has_subject: bool) {
    if a.owners.is_empty() {
        bracket_owner(a);
    }
    if a.owners.is_empty() {
        slash_owner(a);
    }
    possessive_owner(a);
    let own_words = if a.owners.is_empty() {
        owners::actor(&a.text)
    } else {
        None
    };
    if let Some((own, with)) = own_words {
        for p in own {
            add(&mut a.owners, p, None);
        }
        for p in with {
            if !a.owners.iter().any(|o| o.who == p) {
                add(&mut a.partners, p, None);
            }
        }
    }
    if a.owners.is_empty()
        && let Some(ps) = owners::inverted(&a.text)
    {
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
    if a.owners.is_empty()
        && let Some((ps, w)) = owners::jointly(&a.text)
    {
        a.notes.push(Note::Reading(format!(
            "\"{w}\": done jointly by {}",
            names(&ps)
        )));
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
    // "SL ska …", "Fritidsgården Ungbo förbinder sig att …": a third party the promise
    // names as its subject, though no rule knows the name.
    if a.owners.is_empty()
        && let Some((ps, _)) = owners::subject(&a.text).filter(|_| has_subject)
        && ps.iter().all(|p| matches!(p, Party::Other(_)))
    {
        a.notes.push(Note::Reading(format!(
            "\"{}\" is the subject of the promise: a named owner",
            names(&ps)
        )));
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
    if a.owners.is_empty()
        && let Some(ps) = we(&a.text, section)
    {
        a.notes
            .push(Note::Reading("\"vi\" read as both signing parties".into()));
        for p in ps {
            add(&mut a.owners, p, None);
        }
    }
    if a.owners.is_empty() {
        for p in section.map(<[Party]>::to_vec).unwrap_or_default() {
            add(&mut a.owners, p, None);
        }
    }
    if a.owners.is_empty() {
        a.notes.push(Note::Reading(
            "the text names no owner; none is written".into(),
        ));
    }
}

/// Those named "tillsammans med X" / "i samverkan med X" who own no part: partners, each
/// with its reading (once).
fn takes_part(a: &mut ActivityDraft) {
    for (p, w) in owners::together_with(&a.text) {
        let said = a.notes.iter().any(
            |n| matches!(n, Note::Reading(r) if r.ends_with(&format!(" {} takes part", p.name()))),
        );
        if !a.owners.iter().any(|o| o.who == p) && !said {
            a.notes
                .push(Note::Reading(format!("\"{w}\": {} takes part", p.name())));
            add(&mut a.partners, p, None);
        }
    }
}

/// An activity from its published words. `section` is who the heading above it names.
pub fn activity(words: &str, section: Option<&[Party]>, taken: &mut Ids) -> ActivityDraft {
    let mut a = ActivityDraft::default();
    let (text, ansvar) = match owners::split_ansvarig(words) {
        Some((before, an)) if !before.is_empty() => (before, Some(an)),
        _ => (words.trim().to_string(), None),
    };
    let (kept, furniture): (Vec<String>, Vec<String>) = super::clean::sentences(&text)
        .into_iter()
        .partition(|s| !rules::is_furniture(s));
    for f in furniture {
        a.notes
            .push(Note::Reading(format!("dropped as page furniture: \"{f}\"")));
    }
    a.text = sentence(&kept.join(" "));
    let subject = owners::subject(&a.text).map(|(ps, _)| ps);
    if let Some(an) = &ansvar {
        a.notes.push(Note::Quote(an.words.clone()));
        for o in &an.owners {
            add(&mut a.owners, o.who.clone(), o.role.clone());
        }
        for o in &an.partners {
            add(&mut a.partners, o.who.clone(), o.role.clone());
        }
        if !an.rest.is_empty() {
            a.notes.push(Note::Text(an.rest.clone()));
        }
    }
    nearest_owner(&mut a, section, subject.is_some());
    if let Some(ps) = subject.as_ref().filter(|_| ansvar.is_some()) {
        let others: Vec<Party> = ps
            .iter()
            .filter(|p| !a.owners.iter().any(|o| &o.who == *p))
            .cloned()
            .collect();
        if !others.is_empty() {
            a.notes.push(Note::Reading(format!(
                "promised by {} with {} responsible: {} takes part",
                names(ps),
                names(&a.owners.iter().map(|o| o.who.clone()).collect::<Vec<_>>()),
                names(&others)
            )));
            for p in others {
                add(&mut a.partners, p, None);
            }
        }
    }
    takes_part(&mut a);
    // "Södermalms stadsdelsförvaltning", "socialtjänsten": the kommun's own unit.
    if let Some(u) = owners::unit_named(&a.text)
        && a.owners
            .iter()
            .chain(&a.partners)
            .any(|o| o.who == Party::Kommunen)
        // The text names no kommun itself ("kommunikationsinsatser" is no kommun).
        && !a
            .text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "kommun" | "kommunen" | "kommunens" | "kommuns"))
    {
        a.notes.push(Note::Reading(format!(
            "\"{u}\" is the kommun's own unit: read as kommunen"
        )));
    }
    // Resolved by `resolve` once the other activities and the period are known.
    // A count with no window of its own takes the window its sentence states apart from it
    // ("under året … minst 40 kontroller").
    a.found = rules::target(&a.text).map(|f| match f.kind {
        Kind::CountNoWindow => rules::windowed(f, &super::clean::sentences(&a.text)),
        _ => f,
    });
    a.id = make_id(&a.text, taken);
    a
}

/// A sentence listing clauses, each with its own verb, split at its commas and "samt"
/// ("Tillsammans ska kommun och polis arbeta för A, polisen ska fotpatrullera mer, riktade
/// insatser ska göras samt genomföra trafikkontroller"). None unless there are at least three
/// clauses and every one has a finite verb (ska, kommer, lovar) or begins with an activity's
/// verb.
pub fn split_clauses(s: &str) -> Option<Vec<String>> {
    let body = s.trim().trim_end_matches(['.', '!']);
    let mut parts: Vec<&str> = Vec::new();
    for a in body.split(", ") {
        parts.extend(a.split(" samt "));
    }
    if parts.len() < 3 {
        return None;
    }
    let finite = |p: &str| {
        p.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "ska" | "skall" | "kommer" | "lovar"
            )
        })
    };
    let starts = |p: &str| {
        p.split_whitespace()
            .next()
            .is_some_and(|w| rules::ACTIVITY_VERBS.contains(&w.to_lowercase().as_str()))
    };
    let ok = parts
        .iter()
        .all(|p| p.split_whitespace().count() >= 3 && (finite(p) || starts(p)));
    ok.then(|| {
        parts
            .iter()
            .map(|p| {
                let mut c = p.trim().chars();
                let first = c.next().map(|f| f.to_uppercase().collect::<String>());
                sentence(&format!("{}{}", first.unwrap_or_default(), c.as_str()))
            })
            .collect()
    })
}

/// A sentence "X och Y kommer tillsammans att A, B och C" split into one activity per verb
/// ("… ha fler tillsyner …, utveckla samverkan … och utveckla informationsutbytet …").
/// None when the sentence is not such a promise; one part when it names one thing.
pub fn split_promise(s: &str) -> Option<(Vec<Party>, Vec<String>)> {
    let (ps, pred) = owners::subject(s)?;
    let words: Vec<&str> = pred.split(' ').collect();
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let verb = rules::ACTIVITY_VERBS.contains(&w.to_lowercase().as_str());
        // "… och att hålla …", "… samt att arbeta …": "att" opens the next verb's activity.
        let next_verb = words
            .get(i + 1)
            .is_some_and(|n| rules::ACTIVITY_VERBS.contains(&n.to_lowercase().as_str()));
        if i > 0 && w.eq_ignore_ascii_case("att") && matches!(prev, "och" | "samt") && next_verb {
            let last = parts.last_mut().expect("parts has one");
            last.pop();
            parts.push(Vec::new());
            continue;
        }
        let boundary = prev.ends_with(',') || prev == "och" || prev == "samt";
        // "planera och genomföra fotpatruller": a verb alone before "och" shares the next
        // verb's object, one activity.
        let bare_verb = prev == "och"
            && parts
                .last()
                .is_some_and(|p| p.iter().filter(|w| !w.eq_ignore_ascii_case("att")).count() == 2);
        if i > 0 && verb && boundary && !bare_verb {
            let last = parts.last_mut().expect("parts has one");
            if matches!(last.last(), Some(&"och" | &"samt")) {
                last.pop();
            }
            parts.push(Vec::new());
        }
        parts.last_mut().expect("parts has one").push(w);
    }
    let texts = parts
        .into_iter()
        .map(|p| {
            let t = p.join(" ");
            let mut c = t.trim().trim_end_matches(',').chars();
            let first = c.next().map(|f| f.to_uppercase().collect::<String>());
            sentence(&format!("{}{}", first.unwrap_or_default(), c.as_str()))
        })
        .collect();
    Some((ps, texts))
}

#[cfg(test)]
mod tests;
