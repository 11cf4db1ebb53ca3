//! Checks that span files: two löften for the same kommun (and area) whose periods overlap.

use crate::diag::Diagnostic;
use crate::model::Pledge;

/// Warnings for overlapping löften, as (index of the pledge the warning belongs to,
/// diagnostic). Each pair is reported once, on the later file.
pub fn overlaps(pledges: &[&Pledge]) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (i, a) in pledges.iter().enumerate() {
        for b in &pledges[..i] {
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
