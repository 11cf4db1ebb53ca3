//! Log entries as the log and the report show them: where the work belongs (its part, unit,
//! a request, and on a löfte for several kommuner which kommun, or shared work).

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::{LogEntry, Pledge};
use crate::view::phrases::entry_text;

/// Where an entry's work belongs, as the log shows it: its part and unit, "request" for a
/// request, and on a löfte for several kommuner the kommun, or "shared" for work of them all.
pub fn entry_where(p: &Pledge, e: &LogEntry, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = e.part.iter().chain(&e.unit).cloned().collect();
    if e.request {
        v.push(match lang {
            Lang::Sv => "förfrågan".into(),
            Lang::En => "request".into(),
        });
    }
    if p.kommuner.len() > 1 {
        v.push(entry_kommun(p, e, lang));
    }
    v
}

/// The kommun an entry's work was for: its own, or "shared" on a löfte for several kommuner
/// (all of its kommuner on a löfte for one).
pub fn entry_kommun(p: &Pledge, e: &LogEntry, lang: Lang) -> String {
    match (e.kommun, p.kommuner.len() > 1) {
        (Some(k), _) => k.name.to_string(),
        (None, true) => match lang {
            Lang::Sv => "gemensamt".into(),
            Lang::En => "shared".into(),
        },
        (None, false) => p.kommun_names(),
    }
}

/// The activity of an entry with its part, unit and "request": "foraldramoten · Södra skolan".
pub fn log_activity(e: &LogEntry, lang: Lang) -> String {
    let mut t = lang.activity_id(&e.activity).to_string();
    for w in e.part.iter().chain(&e.unit) {
        let _ = write!(t, " · {w}");
    }
    if e.request {
        let _ = write!(
            t,
            " · {}",
            match lang {
                Lang::Sv => "förfrågan",
                Lang::En => "request",
            }
        );
    }
    t
}

/// One log entry on a line, saying where the work belongs:
/// "2017-04-04 trygghetsvandring · Forshaga: Centrum".
pub fn entry_line(p: &Pledge, e: &LogEntry, lang: Lang) -> String {
    let id = lang.activity_id(&e.activity);
    let mut head = format!("{} {id}", e.date);
    for w in entry_where(p, e, lang) {
        let _ = write!(head, " · {w}");
    }
    let t = entry_text(e, lang);
    let rest = t.split_once(' ').map_or("", |(_, r)| r);
    let rest = rest.strip_prefix(id).unwrap_or(rest);
    format!("{head}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

    fn shared() -> Pledge {
        let text = "title = \"t\"\nkommuner = [\"Kil\", \"Forshaga\"]\n[period]\nstart = 2017-01-01\nend = 2017-12-31\n\
            [[activity]]\nid = \"besok\"\ntext = \"x\"\nowners = [\"polisen\"]\ntarget = \"on-request\"\n\
            [followup]\nwhen = \"yearly\"\n\
            [[log]]\ndate = 2017-02-01\nactivity = \"besok\"\nrequest = true\nby = \"Anna\"\nnote = \"Skolan\"\n\
            [[log]]\ndate = 2017-02-03\nactivity = \"besok\"\nkommun = \"Forshaga\"\ncount = 2\n";
        load("t.toml", text, "2020-01-01".parse().unwrap())
            .pledge
            .unwrap()
    }

    #[test]
    fn entries_say_whose_work_it_is() {
        let p = shared();
        let (asked, done) = (&p.log[0], &p.log[1]);
        assert_eq!(entry_kommun(&p, asked, Lang::Sv), "gemensamt");
        assert_eq!(entry_kommun(&p, done, Lang::En), "Forshaga");
        assert_eq!(log_activity(asked, Lang::En), "besok · request");
        assert_eq!(
            entry_line(&p, asked, Lang::Sv),
            "2017-02-01 besok · förfrågan · gemensamt (Anna): Skolan"
        );
        assert_eq!(
            entry_line(&p, done, Lang::En),
            "2017-02-03 besok · Forshaga ×2"
        );
    }
}
