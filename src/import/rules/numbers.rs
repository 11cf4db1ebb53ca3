//! Counts as a published löfte writes them: number words, compounds and digits.

/// Number words, as a published löfte writes counts.
pub const NUMBERS: &[(&str, u32)] = &[
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("femton", 15),
    ("tjugo", 20),
    ("trettio", 30),
    ("fyrtio", 40),
    ("femtio", 50),
];

/// A number word or digits.
pub fn number(s: &str) -> Option<u32> {
    let s = s.trim().to_lowercase();
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    NUMBERS
        .iter()
        .find(|(w, _)| *w == s)
        .map(|(_, n)| *n)
        .or_else(|| compound(&s))
}

/// A compound number word: "femtiotvå" 52, "tjugoen" 21, "tvåhundrafemtio" 250.
fn compound(s: &str) -> Option<u32> {
    const ONES: &[(&str, u32)] = &[
        ("ett", 1),
        ("en", 1),
        ("två", 2),
        ("tre", 3),
        ("fyra", 4),
        ("fem", 5),
        ("sex", 6),
        ("sju", 7),
        ("åtta", 8),
        ("nio", 9),
    ];
    const BELOW_HUNDRED: &[(&str, u32)] = &[
        ("tjugo", 20),
        ("trettio", 30),
        ("fyrtio", 40),
        ("femtio", 50),
        ("sextio", 60),
        ("sjuttio", 70),
        ("åttio", 80),
        ("nittio", 90),
        ("tio", 10),
        ("elva", 11),
        ("tolv", 12),
        ("tretton", 13),
        ("fjorton", 14),
        ("femton", 15),
        ("sexton", 16),
        ("sjutton", 17),
        ("arton", 18),
        ("nitton", 19),
    ];
    let below_hundred = |w: &str| -> Option<u32> {
        if w.is_empty() {
            return Some(0);
        }
        if let Some((_, n)) = ONES.iter().find(|(o, _)| *o == w) {
            return Some(*n);
        }
        BELOW_HUNDRED.iter().find_map(|(t, n)| {
            let rest = w.strip_prefix(t)?;
            if rest.is_empty() {
                return Some(*n);
            }
            (*n >= 20)
                .then(|| ONES.iter().find(|(o, _)| *o == rest).map(|(_, o)| n + o))
                .flatten()
        })
    };
    let n = match s.split_once("hundra") {
        Some((h, rest)) => {
            let h = if h.is_empty() {
                1
            } else {
                ONES.iter().find(|(o, _)| *o == h)?.1
            };
            h * 100 + below_hundred(rest)?
        }
        None => below_hundred(s)?,
    };
    (n > 0).then_some(n)
}
