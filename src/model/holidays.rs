//! Swedish public holidays (allmänna helgdagar) and the de facto holidays on which no public
//! activity is held (midsommarafton, julafton, nyårsafton), for weekly slots "public holidays
//! excepted". Pure calendar arithmetic.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `d`.
fn first_on_or_after(d: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    d + TimeDelta::days(i64::from(ahead))
}

/// The holidays of a year, with their Swedish names, in date order.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let mut out: Vec<(NaiveDate, &'static str)> = Vec::new();
    let mut add = |d: Option<NaiveDate>, name| {
        if let Some(d) = d {
            out.push((d, name));
        }
    };
    add(ymd(1, 1), "nyårsdagen");
    add(ymd(1, 6), "trettondedag jul");
    if let Some(e) = easter(year) {
        add(Some(e - TimeDelta::days(2)), "långfredagen");
        add(Some(e), "påskdagen");
        add(Some(e + TimeDelta::days(1)), "annandag påsk");
        add(Some(e + TimeDelta::days(39)), "Kristi himmelsfärdsdag");
        add(Some(e + TimeDelta::days(49)), "pingstdagen");
    }
    add(ymd(5, 1), "första maj");
    add(ymd(6, 6), "Sveriges nationaldag");
    if let Some(d) = ymd(6, 19) {
        let eve = first_on_or_after(d, Weekday::Fri);
        add(Some(eve), "midsommarafton");
        add(Some(eve + TimeDelta::days(1)), "midsommardagen");
    }
    add(
        ymd(10, 31).map(|d| first_on_or_after(d, Weekday::Sat)),
        "alla helgons dag",
    );
    add(ymd(12, 24), "julafton");
    add(ymd(12, 25), "juldagen");
    add(ymd(12, 26), "annandag jul");
    add(ymd(12, 31), "nyårsafton");
    out.sort();
    out
}

/// The holiday on `d`, if it is one.
pub fn holiday(d: NaiveDate) -> Option<&'static str> {
    holidays(d.year())
        .into_iter()
        .find(|(h, _)| *h == d)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_sundays() {
        for (y, e) in [
            (2016, "2016-03-27"),
            (2017, "2017-04-16"),
            (2018, "2018-04-01"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(y), Some(d(e)), "{y}");
        }
    }

    #[test]
    fn movable_holidays_of_2017() {
        assert_eq!(holiday(d("2017-04-14")), Some("långfredagen"));
        assert_eq!(holiday(d("2017-04-17")), Some("annandag påsk"));
        // Kristi himmelsfärd is a Thursday, 39 days after Easter.
        assert_eq!(holiday(d("2017-05-25")), Some("Kristi himmelsfärdsdag"));
        assert_eq!(d("2017-05-25").weekday(), Weekday::Thu);
        assert_eq!(holiday(d("2017-06-23")), Some("midsommarafton"));
        assert_eq!(holiday(d("2017-06-24")), Some("midsommardagen"));
        assert_eq!(holiday(d("2017-11-04")), Some("alla helgons dag"));
        assert_eq!(holiday(d("2017-05-24")), None);
    }

    #[test]
    fn midsommar_and_all_saints_on_their_edges() {
        // Midsommarafton is the Friday between 19 and 25 June.
        assert_eq!(holiday(d("2020-06-19")), Some("midsommarafton"));
        assert_eq!(holiday(d("2021-06-25")), Some("midsommarafton"));
        // Alla helgons dag is the Saturday between 31 October and 6 November.
        assert_eq!(holiday(d("2020-10-31")), Some("alla helgons dag"));
        assert_eq!(holiday(d("2015-11-07")), None);
        assert_eq!(holiday(d("2015-10-31")), Some("alla helgons dag"));
    }

    #[test]
    fn fixed_holidays_and_eves() {
        for s in [
            "2016-01-01",
            "2016-01-06",
            "2016-05-01",
            "2016-06-06",
            "2016-12-24",
            "2016-12-31",
        ] {
            assert!(holiday(d(s)).is_some(), "{s}");
        }
    }
}
