//! Writes events as an iCalendar object (RFC 5545): CRLF line ends, content lines folded at
//! 75 octets without splitting a UTF-8 character, TEXT values escaped, all-day events.
//! Deterministic: the same events give the same bytes.

use chrono::NaiveDate;

use super::Event;
use crate::view::i18n::Lang;

/// Longest content line, in octets, not counting the CRLF (RFC 5545 §3.1).
pub const MAX_OCTETS: usize = 75;

/// The whole calendar, events in the order given.
pub fn write(name: &str, lang: Lang, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |s: &str| out.push_str(&fold(s));
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//pledge//medborgarloften//{}",
        lang.code().to_uppercase()
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    // How often a subscribed client should fetch again (RFC 7986, and Outlook's name for it).
    line("REFRESH-INTERVAL;VALUE=DURATION:P1D");
    line("X-PUBLISHED-TTL:P1D");
    if events.iter().any(|e| e.time.is_some()) {
        for l in STOCKHOLM {
            line(l);
        }
    }
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&e.uid)));
        line(&format!("DTSTAMP:{}T000000Z", e.revised.format("%Y%m%d")));
        line(&format!("SEQUENCE:{}", e.sequence));
        match e.time {
            Some((from, to)) => {
                let at = |t: chrono::NaiveTime| {
                    format!("TZID={TZID}:{}T{}", ymd(e.date), t.format("%H%M%S"))
                };
                line(&format!("DTSTART;{}", at(from)));
                line(&format!("DTEND;{}", at(to)));
            }
            None => {
                line(&format!("DTSTART;VALUE=DATE:{}", ymd(e.date)));
                let next = e.date.succ_opt().unwrap_or(e.date);
                line(&format!("DTEND;VALUE=DATE:{}", ymd(next)));
            }
        }
        line(&format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape_text(&e.description)));
        }
        // A deadline, not a meeting: it does not make anyone busy.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// The time zone of timed events: Swedish time.
pub const TZID: &str = "Europe/Stockholm";

/// Swedish time as a VTIMEZONE (RFC 5545 §3.6.5): CET, and CEST from the last Sunday of
/// March to the last Sunday of October (the EU rule, in force since 1996).
const STOCKHOLM: [&str; 17] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// One content line folded (RFC 5545 §3.1): at most 75 octets a line, continuation lines
/// starting with one space (which counts), never splitting a UTF-8 character; every line ends
/// with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// A TEXT value escaped (RFC 5545 §3.3.11): `\` `;` `,` and line breaks escaped; other
/// control characters, which TEXT cannot hold, dropped (tabs kept).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
