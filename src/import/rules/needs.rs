//! Words without which a target rule cannot match, one list per row of `TARGET_RULES` in the
//! same order: a rule runs only when the lower-cased text holds one of its words. Every
//! word is one the pattern itself requires (in one of its spellings), so skipping a rule
//! changes no reading; it saves running the regex, whose Unicode word boundaries make the
//! fast engines give up on Swedish letters and fall back to the slow ones.

pub const NEEDS: &[&[&str]] = &[
    // Parts: "{N} av de … och {N}"
    &[" av "],
    // PerUnit
    &["varje", "var och en av", "respektive"],
    // PerOccurrence
    &["varje", "alla"],
    // OnRequest ("begär" in "begäran", "efterfråga" in "efterfrågan")
    &[
        "begär",
        "förfrågan",
        "förfrågningar",
        "önskemål",
        "inbjudan",
        "efterfråga",
        "ber om",
        "önskar",
    ],
    // WeeklySlot: every weekday ends "dag"
    &["dag", "helg"],
    // OpenCount
    &["antal", "flertal", "flera"],
    // OwnFrame
    &["under", "från", "fr.o.m"],
    // OtherWindow
    &["var", "dagligen", "dygn", "natt"],
    // {N} … per {UNIT}: every window word holds one of these
    &["period", "år", "termin", "kvartal", "månad", "veck"],
    // {N} … respektive {UNIT}
    &["respektive"],
    // {N} … under 2018
    &["under"],
    // Under 2020 ska fem …
    &["under"],
    // Varje {UNIT} ska minst {N} X
    &["varje"],
    // varje/var/en gång per {UNIT}
    &["var", "en gång"],
    // årligen, varje år, årlig
    &["årlig", "varje år"],
    &["veckovis", "varje vecka"],
    &["månadsvis", "månatligen"],
    &["kvartalsvis"],
    // vid minst {N} tillfällen/gånger
    &["tillfällen", "gånger"],
    // minst {N} X
    &["minst", "åtminstone"],
    // ({N} st)
    &["("],
    // {N} st X
    &["st"],
    // {N} X ska/skall/kommer att
    &["ska", "kommer att"],
    // {N} X at the start: any digit or number word (none needed: the pattern is anchored)
    &[""],
    // anordna {NW} X
    &[
        "genomför",
        "anordna",
        "arrangera",
        "hålla",
        "håller",
        "ordna",
    ],
    // genomföra en X
    &[
        "genomför",
        "anordna",
        "arrangera",
        "hålla",
        "håller",
        "planera",
        "ordna",
    ],
    // Vague
    &[
        "regelbund",
        "löpande",
        "kontinuerlig",
        "återkommande",
        "fortlöpande",
        "ökad",
        "utöka",
        "fler",
    ],
    // införa, se över, …
    &[
        "införa",
        "se över",
        "inrätta",
        "upprätta",
        "ta fram",
        "utarbeta",
        "revidera",
    ],
];

#[cfg(test)]
mod tests {
    use super::super::TARGET_RULES;
    use super::NEEDS;

    #[test]
    fn one_list_of_words_per_target_rule() {
        assert_eq!(NEEDS.len(), TARGET_RULES.len());
    }
}
