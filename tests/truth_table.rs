//! The status rules read against the kinds of promise real texts make (README "Status
//! rules"): for each paraphrased löfte and as-of date, the status every activity must show,
//! through the library (`load`, then `pledge_status` or one kommun's `pledge_status_for`).
//! Each row says what a council member reading the report would call honest; the rows marked
//! "was" failed on main (a status that said more than the record).

use chrono::NaiveDate;
use pledge::kommuner;
use pledge::load::load;
use pledge::rules::status::{pledge_status, pledge_status_for};

const HEAD: &str = r#"title = "Påhittat löfte"
kommun = "Kil"
[period]
start = 2017-01-01
end = 2018-06-30
[problem]
text = "Otrygghet."
[followup]
when = 2018-09-30
"#;

/// A löfte of one kommun with these activities and log.
fn kil(body: &str) -> String {
    format!("{HEAD}{body}")
}

const KINDS: &str = r#"
[[activity]]
id = "onsdag"
text = "Varje onsdag på biblioteket, utom helgdagar."
owners = ["polisen"]
target = { weekday = "onsdag", except = "holidays" }
from = 2017-03-01
[[activity]]
id = "enheter"
text = "Ett besök per halvår på varje skola."
owners = ["polisen"]
units = ["Norr", "Söder"]
target = { count = 1, per = "half-year" }
[[activity]]
id = "delar"
text = "Först en kartläggning, sedan en vandring."
owners = ["polisen"]
[[activity.part]]
id = "kartlaggning"
text = "Kartläggning under våren 2017."
target = "once"
until = 2017-05-31
[[activity.part]]
id = "vandring"
text = "Vandring under hösten 2017."
target = "once"
from = 2017-09-01
until = 2017-11-30
[[activity]]
id = "temakvall"
text = "Polisen deltar vid varje temakväll."
owners = ["polisen"]
target = { count = 1, on = [2017-04-20, 2017-10-10] }
[[activity]]
id = "begaran"
text = "Besök när en förening ber om det."
owners = ["polisen"]
target = "on-request"
[[activity]]
id = "ar"
text = "Två möten om året."
owners = ["polisen"]
target = { count = 2, per = "year" }
[[activity]]
id = "oppet"
text = "Ett antal insatser."
owners = ["polisen"]
target = "open"
[[activity]]
id = "en-gang"
text = "En enkät genomförs."
owners = ["polisen"]
target = "once"
[[log]]
date = 2017-03-08
activity = "onsdag"
[[log]]
date = 2017-03-10
activity = "enheter"
unit = "Norr"
[[log]]
date = 2017-04-02
activity = "delar"
part = "kartlaggning"
[[log]]
date = 2017-02-01
activity = "begaran"
[[log]]
date = 2017-02-10
activity = "begaran"
request = true
[[log]]
date = 2017-03-01
activity = "ar"
[[log]]
date = 2017-03-01
activity = "oppet"
"#;

const SHARED: &str = r#"title = "Gemensamt påhittat löfte"
kommuner = ["Hammarö", "Storfors"]
[period]
start = 2017-01-01
end = 2017-12-31
[problem]
text = "Otrygghet."
[[activity]]
id = "vandring"
text = "Kommunerna gör var sin vandring."
owners = ["kommunerna"]
target = { count = 1, per = "period" }
[[activity]]
id = "atgard"
text = "Efter varje vandring åtgärdar kommunen ett förslag."
owners = ["kommunerna"]
target = { count = 1, each = "vandring", grace_days = 30 }
[[activity]]
id = "polisen"
text = "Polisen gör en insats."
owners = ["polisen"]
target = { count = 1, per = "period" }
[[log]]
date = 2017-04-04
activity = "vandring"
kommun = "Hammarö"
[[log]]
date = 2017-04-20
activity = "atgard"
kommun = "Hammarö"
[[log]]
date = 2017-06-01
activity = "vandring"
[[log]]
date = 2017-05-01
activity = "polisen"
kommun = "Storfors"
"#;

/// (file, as of, kommun whose view (None: the löfte as a whole), expected status of each
/// activity in order).
fn rows() -> Vec<(
    String,
    &'static str,
    Option<&'static str>,
    Vec<&'static str>,
)> {
    let kinds = kil(KINDS);
    vec![
        // Weekly slot from March: upcoming before its frame. Units: Norr's visit does not
        // make the activity met while Söder has none (on track, pace not yet due). Parts: on
        // track. The first theme evening is still to come: nothing is due (was: "on track").
        // An answer before the request answers none: the request waits. Per year: 0 of 2 by
        // February is on track. Open: nothing reported since the start (its work comes in
        // March). Once: on track before half the period.
        (
            kinds.clone(),
            "2017-02-20",
            None,
            vec![
                "upcoming",
                "on_track",
                "on_track",
                "nothing_due",
                "on_track",
                "on_track",
                "no_reports",
                "on_track",
            ],
        ),
        // April: the spring survey is done, the autumn walk not begun: on track (was:
        // "met"); the theme evening of 20 April still to come (was: "on track"); the request
        // has waited 59 days (was: "met", from the earlier answer).
        (
            kinds.clone(),
            "2017-04-10",
            None,
            vec![
                "behind",
                "on_track",
                "on_track",
                "nothing_due",
                "behind",
                "on_track",
                "ongoing",
                "on_track",
            ],
        ),
        // After the period: the weekly slot missed most weeks; Norr kept one half-year;
        // the autumn walk was never done; both theme evenings missed; the request was never
        // answered; one meeting of two in 2017 and none of the (scaled) one of 2018's half
        // year: no window met; the open count has no recent work; the survey never done.
        (
            kinds,
            "2018-07-15",
            None,
            vec![
                "partly_met",
                "partly_met",
                "partly_met",
                "missed",
                "missed",
                "missed",
                "no_reports",
                "missed",
            ],
        ),
        // A shared löfte as a whole: the walks are met; the shared walk of June had no action.
        (
            SHARED.to_string(),
            "2017-12-31",
            None,
            vec!["met", "behind", "met"],
        ),
        // Hammarö: its own walk and action (the shared walk of June needed an action too).
        (
            SHARED.to_string(),
            "2018-01-15",
            Some("Hammarö"),
            vec!["met", "partly_met", "met"],
        ),
        // Storfors: recorded nothing of its own (was: "met", from Hammarö's work). The
        // police's activity is the löfte's as a whole.
        (
            SHARED.to_string(),
            "2018-01-15",
            Some("Storfors"),
            vec!["missed", "missed", "met"],
        ),
    ]
}

#[test]
fn each_kind_of_promise_shows_no_more_than_its_record() {
    for (i, (text, as_of, kommun, want)) in rows().into_iter().enumerate() {
        let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        let loaded = load("t.toml", &text, today);
        let p = loaded
            .pledge
            .unwrap_or_else(|| panic!("row {i} does not load: {:?}", loaded.diags));
        let as_of: NaiveDate = as_of.parse().unwrap();
        let st = match kommun {
            None => pledge_status(&p, as_of),
            Some(k) => pledge_status_for(&p, as_of, kommuner::find(k)),
        };
        let got: Vec<&str> = st.activities.iter().map(|a| a.status.name()).collect();
        assert_eq!(got, want, "row {i}: {as_of} {kommun:?}");
    }
}
