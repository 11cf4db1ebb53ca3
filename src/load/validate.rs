//! Checks that span files: two löften for the same kommun (and area) whose periods overlap.

use std::collections::HashMap;

use crate::load::diag::Diagnostic;
use crate::model::Pledge;

/// Warnings for overlapping löften, as (index of the pledge the warning belongs to,
/// diagnostic). Each pair is reported once, on the later file.
///
/// Only löften that share a kommun are compared, so the work grows with the number of löften
/// per kommun, not with the square of all löften.
pub fn overlaps(pledges: &[&Pledge]) -> Vec<(usize, Diagnostic)> {
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
            let shared: Vec<&str> = a
                .kommuner
                .iter()
                .filter(|k| b.kommuner.contains(k))
                .map(|k| k.name)
                .collect();
            if shared.is_empty() || a.area != b.area || !a.period.overlaps(&b.period) {
                continue;
            }
            out.push((
                i,
                Diagnostic::warning(
                    a.period_span.clone(),
                    format!(
                        "this löfte for {} overlaps {} ({} to {})",
                        shared.join(", "),
                        b.file,
                        b.period.start,
                        b.period.end
                    ),
                )
                .with_hint(Some(
                    "end the older löfte the day before the new one starts, or set `area` if they cover different parts"
                        .into(),
                )),
            ));
        }
    }
    out
}
