//! Log entries as the log and the report show them: where the work belongs (its part, unit,
//! a request, and on a löfte for several kommuner which kommun, or shared work).

use std::fmt::Write as _;

use crate::model::{LogEntry, Pledge};
use crate::view::Label;
use crate::view::i18n::Lang;
use crate::view::phrases::entry_text;

/// Where an entry's work belongs, as the log shows it: its part and unit, "request" for a
/// request, and on a löfte for several kommuner the kommun, or "shared" for work of them all.
pub fn entry_where(p: &Pledge, e: &LogEntry, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = e.part.iter().chain(&e.unit).cloned().collect();
    if e.request {
        v.push(lang.t(Label::KindRequest).into());
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
        (None, true) => lang.t(Label::Shared).into(),
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
        let _ = write!(t, " · {}", lang.t(Label::KindRequest));
    }
    t
}

/// One log entry on a line, saying where the work belongs:
/// "2017-04-04 trygghetsvandring · Forshaga: Centrum".
pub fn entry_line(p: &Pledge, e: &LogEntry, lang: Lang) -> String {
    let id = lang.activity_id(&e.activity);
    // An event by its text ("Sammanträde med BRÅ"), as the löfte names it.
    let named = match e.event {
        true => p
            .events
            .iter()
            .find(|v| v.id == e.activity)
            .map(|v| v.text.as_str()),
        false => None,
    };
    let mut head = match named {
        Some(text) => format!("{} {}", e.date, crate::text::safe(text, false)),
        None => format!("{} {id}", e.date),
    };
    for w in entry_where(p, e, lang) {
        let _ = write!(head, " · {w}");
    }
    let t = entry_text(e, lang);
    let rest = t.split_once(' ').map_or("", |(_, r)| r);
    let rest = rest.strip_prefix(id).unwrap_or(rest);
    format!("{head}{rest}")
}

/// Appends a date as it displays ("2017-04-04"), without formatting machinery.
pub fn push_date(buf: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return buf.extend_from_slice(d.to_string().as_bytes());
    }
    let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
    let y = y as u32;
    let [a, b] = two(y / 100);
    let [c, e] = two(y % 100);
    let [m1, m2] = two(d.month());
    let [d1, d2] = two(d.day());
    buf.extend_from_slice(&[a, b, c, e, b'-', m1, m2, b'-', d1, d2]);
}

/// Appends a number in decimal.
pub fn push_num(buf: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[i..]);
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
    fn dates_and_numbers_are_pushed_as_they_display() {
        for d in ["2017-04-04", "0001-01-01", "9999-12-31", "1999-10-09"] {
            let d: chrono::NaiveDate = d.parse().unwrap();
            let mut buf = Vec::new();
            push_date(&mut buf, d);
            assert_eq!(String::from_utf8(buf).unwrap(), d.to_string());
        }
        let far = chrono::NaiveDate::from_ymd_opt(12345, 1, 2).unwrap();
        let mut buf = Vec::new();
        push_date(&mut buf, far);
        assert_eq!(String::from_utf8(buf).unwrap(), far.to_string());
        for n in [0, 7, 10, 999, 4_294_967_295, u64::MAX] {
            let mut buf = Vec::new();
            push_num(&mut buf, n);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string());
        }
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
