//! Small text helpers shared by the loader and the renderers. Depends on nothing else in the
//! crate, so every module may use it.

/// Folds a name for forgiving comparison: lower case, and å/ä/ö (and a few other accents)
/// typed as a/a/o. "Östersund", "ostersund" and "ÖSTERSUND" fold alike.
pub fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            'í' => 'i',
            c => c,
        })
        .collect()
}

/// The English plural ending for a count: "" for 1, else "s".
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The candidates closest to `query` (compared folded), best first, at most `n`, and only
/// those close enough to be a plausible typo.
pub fn closest<'a>(query: &str, candidates: &[&'a str], n: usize) -> Vec<&'a str> {
    let q = fold(query);
    let mut scored: Vec<(f64, &'a str)> = candidates
        .iter()
        .map(|c| {
            let f = fold(c);
            let mut score = strsim::jaro_winkler(&q, &f);
            if !q.is_empty() && (f.starts_with(&q) || q.starts_with(&f)) {
                score = score.max(0.9);
            }
            (score, *c)
        })
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// "did you mean `a`?" / "did you mean `a` or `b`?", or None when nothing is close.
pub fn did_you_mean(query: &str, candidates: &[&str], quote: bool) -> Option<String> {
    let close = closest(query, candidates, 3);
    if close.is_empty() {
        return None;
    }
    let q = |s: &str| {
        if quote {
            format!("`{s}`")
        } else {
            s.to_string()
        }
    };
    let list = match close.as_slice() {
        [one] => q(one),
        [init @ .., last] => format!(
            "{} or {}",
            init.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "),
            q(last)
        ),
        [] => unreachable!(),
    };
    Some(format!("did you mean {list}?"))
}

/// Makes text from a pledge file safe to print on a terminal: control characters (including
/// ESC, so no escape sequence gets through) are shown escaped; newlines and tabs become spaces
/// unless `keep_newlines`.
pub fn safe(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.extend(c.escape_default())
            }
            c => out.push(c),
        }
    }
    out
}

/// The years of a period for titles and file names: "2016", or "2016-2017".
pub fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}-{to}")
    }
}

/// A slug for file names and ids: ascii lower case, å/ä/ö as a/a/o, other runs as `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos() {
        let keys = ["title", "period", "kommun", "activity"];
        assert_eq!(
            did_you_mean("perod", &keys, true).unwrap(),
            "did you mean `period`?"
        );
        assert_eq!(did_you_mean("zzzz", &keys, true), None);
    }

    #[test]
    fn safe_escapes_control_characters() {
        assert_eq!(safe("a\u{1b}[31mb", false), "a\\u{1b}[31mb");
        assert_eq!(safe("a\nb", false), "a b");
        assert_eq!(safe("a\nb", true), "a\nb");
    }

    #[test]
    fn slug_folds_swedish_letters() {
        assert_eq!(slug("Upplands Väsby"), "upplands-vasby");
        assert_eq!(slug("Örnsköldsvik"), "ornskoldsvik");
    }
}
