//! Checks that span files: two löften for the same kommun (and area) whose periods overlap.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::load::diag::Diagnostic;
use crate::load::says::{Copies, Overlap, Says};
use crate::model::Pledge;

/// The most other files a warning about copies names.
const COPIES_NAMED: usize = 10;

/// Warnings for overlapping löften, as (index of the pledge the warning belongs to,
/// diagnostic), in the order of the pledges. Each pair is reported once, on the later file.
///
/// Copies (the same kommuner, area and period, as in a copied folder) are one group, reported
/// once on its second file, naming the first and counting the others; only the group's first
/// löfte is compared with the others. So N copies of a löfte give one warning, in linear time
/// and memory. Only löften that share a kommun are compared, so the work grows with the
/// number of distinct löften per kommun, not with the square of all löften.
pub fn overlaps(pledges: &[&Pledge]) -> Vec<(usize, Diagnostic)> {
    type Key<'p> = (Vec<&'static str>, Option<&'p str>, NaiveDate, NaiveDate);
    let mut groups: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
    let mut firsts = Vec::new();
    for (i, p) in pledges.iter().enumerate() {
        let mut kods: Vec<&'static str> = p.kommuner.iter().map(|k| k.kod).collect();
        kods.sort_unstable();
        let key = (kods, p.area.as_deref(), p.period.start, p.period.end);
        let group = groups.entry(key).or_default();
        if group.is_empty() {
            firsts.push(i);
        }
        group.push(i);
    }
    let mut out = Vec::new();
    for copies in groups.values().filter(|g| g.len() > 1) {
        let (a, b) = (pledges[copies[0]], pledges[copies[1]]);
        let more = &copies[2..];
        let message = Says::Overlaps(Box::new(Overlap {
            kommuner: a.kommuner.iter().map(|k| k.name.to_string()).collect(),
            file: a.file.clone(),
            start: a.period.start,
            end: a.period.end,
            copies: (!more.is_empty()).then(|| Copies {
                count: more.len(),
                shown: more
                    .iter()
                    .take(COPIES_NAMED)
                    .map(|&j| pledges[j].file.clone())
                    .collect(),
                cut: more.len() > COPIES_NAMED,
            }),
        }));
        out.push((
            copies[1],
            Diagnostic::warning(b.period_span.clone(), message).with_hint(Some(Says::CopiesHint)),
        ));
    }
    out.extend(
        distinct_overlaps(&firsts.iter().map(|&i| pledges[i]).collect::<Vec<_>>())
            .into_iter()
            .map(|(i, d)| (firsts[i], d)),
    );
    out.sort_by_key(|(i, _)| *i);
    out
}

/// [`overlaps`] of löften that are no copies of each other: pairwise among those sharing a
/// kommun.
fn distinct_overlaps(pledges: &[&Pledge]) -> Vec<(usize, Diagnostic)> {
    let mut by_kommun: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (i, a) in pledges.iter().enumerate() {
        let mut earlier: Vec<usize> = a
            .kommuner
            .iter()
            .flat_map(|k| by_kommun.get(k.kod).into_iter().flatten().copied())
            .collect();
        earlier.sort_unstable();
        earlier.dedup();
        for k in &a.kommuner {
            by_kommun.entry(k.kod).or_default().push(i);
        }
        for b in earlier.into_iter().map(|j| pledges[j]) {
            let shared: Vec<String> = a
                .kommuner
                .iter()
                .filter(|k| b.kommuner.contains(k))
                .map(|k| k.name.to_string())
                .collect();
            if shared.is_empty() || a.area != b.area || !a.period.overlaps(&b.period) {
                continue;
            }
            out.push((
                i,
                Diagnostic::warning(
                    a.period_span.clone(),
                    Says::Overlaps(Box::new(Overlap {
                        kommuner: shared,
                        file: b.file.clone(),
                        start: b.period.start,
                        end: b.period.end,
                        copies: None,
                    })),
                )
                .with_hint(Some(Says::OverlapHint)),
            ));
        }
    }
    out
}
