//! Small pieces of grammar the messages share: the English plural ending, the Swedish
//! genitive, a list joined with "or" / "eller", and the parts of a phrase that are given.

/// "" or "s": the English plural ending.
pub(super) fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A Swedish genitive: "Filipstads", "Borås", "Kalix".
pub(super) fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

/// "a, b or c" / "a, b eller c".
pub(super) fn either(items: &[String], or: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

/// The parts given, joined with ", " ("dated 2016-05-12, number 3").
pub(super) fn joined<const N: usize>(parts: [Option<String>; N]) -> String {
    parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
}

/// A weekday's Swedish name, lower case as Swedish writes it ("tisdag").
pub(crate) fn weekday_sv(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match w {
        Mon => "måndag",
        Tue => "tisdag",
        Wed => "onsdag",
        Thu => "torsdag",
        Fri => "fredag",
        Sat => "lördag",
        Sun => "söndag",
    }
}
