//! `log`: filters and order.

use crate::support::{copy_pledges, pledge_in, recorded};

#[test]
fn log_filters_and_sorts() {
    let (_tmp, dir) = copy_pledges();
    for (kommun, act, date) in [
        ("alvesta", "samverkansmoten", "2017-03-13"),
        ("karlstad", "fotpatrull", "2016-11-02"),
        ("alvesta", "samverkansmoten", "2017-03-06"),
        ("alvesta", "uppföljning", "2017-04-01"),
    ] {
        pledge_in(&dir)
            .args(["done", kommun, act, "--date", date])
            .stdout_is(recorded())
            .run();
    }
    let out = pledge_in(&dir)
        .args(["log", "--format", "csv"])
        .read_stdout();
    let dates: Vec<&str> = out.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(
        dates,
        ["2016-11-02", "2017-03-06", "2017-03-13", "2017-04-01"]
    );
    let out = pledge_in(&dir)
        .args(["log", "alvesta", "--since", "2017-03-10", "--format", "csv"])
        .read_stdout();
    assert_eq!(out.lines().count(), 3);
    assert!(out.contains(",followup,"), "{out}");
    let out = pledge_in(&dir)
        .args(["log", "--activity", "samverkan", "--format", "csv"])
        .read_stdout();
    assert_eq!(out.lines().count(), 3);
}
