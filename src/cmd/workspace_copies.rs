//! Copies of a löfte: two files holding the same one (the same kommuner and area,
//! overlapping periods), which a writer refuses to write into.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::Workspace;
use crate::model::Pledge;
use crate::store;
use crate::view::i18n::Lang;
use crate::view::messages::CopyMsg;
use crate::view::messages::Words;
use crate::view::messages::copies::Held;

/// Whether two löften are the same one: the same kommuner and area, overlapping periods.
fn same_lofte(a: &Pledge, b: &Pledge) -> bool {
    let kommuner = |p: &Pledge| {
        let mut ks: Vec<&str> = p.kommuner.iter().map(|k| k.kod).collect();
        ks.sort_unstable();
        ks
    };
    a.area == b.area && a.period.overlaps(&b.period) && kommuner(a) == kommuner(b)
}

/// Whether a file whose head says `i` may hold the same löfte as `p` ([`same_lofte`]).
fn may_be_copy(i: &store::Ident, p: &Pledge) -> bool {
    let mut kods = i.kods.clone();
    kods.sort_unstable();
    let mut theirs: Vec<&str> = p.kommuner.iter().map(|k| k.kod).collect();
    theirs.sort_unstable();
    i.area == p.area && i.start <= p.period.end && p.period.start <= i.end && kods == theirs
}

/// The refusal naming two files that hold one löfte, in the language.
fn copy_refusal(a: &Pledge, b: &Pledge, lang: Lang) -> String {
    fn held(p: &Pledge) -> Held<'_> {
        Held {
            file: &p.file,
            start: p.period.start,
            end: p.period.end,
        }
    }
    CopyMsg::SameLofteTwice {
        a: held(a),
        b: held(b),
    }
    .say(lang)
}

/// The refusal when two of `found` are the same löfte (the same kommuner and area, with
/// overlapping periods): `--area` cannot tell them apart, so the advice is to remove one.
pub fn same_lofte_twice(found: &[&Pledge], lang: Lang) -> Option<String> {
    found.iter().enumerate().find_map(|(i, a)| {
        found[i + 1..]
            .iter()
            .find(|b| same_lofte(a, b))
            .map(|b| copy_refusal(a, b, lang))
    })
}

impl Workspace {
    /// Refuses to write into `chosen` when another file holds the same löfte, whatever its
    /// name (a copy: writing into one would leave the other behind, and the views would then
    /// refuse the kommun). The candidates not read yet whose löften may overlap its period
    /// ([`Workspace::unread`]) are read to tell.
    /// `cwd`: the working folder those files' paths are shown from.
    pub fn refuse_copies(
        &self,
        chosen: &Pledge,
        cwd: store::Cwd,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<()> {
        use chrono::Datelike;
        let years = (
            Some(chosen.period.start.year()),
            Some(chosen.period.end.year()),
        );
        // A file whose head says its kommuner, area and period is read only when they are the
        // chosen löfte's: otherwise, whether it loads or not, it holds no copy of it.
        let more: Vec<PathBuf> = self
            .unread
            .iter()
            .filter(|c| store::years_overlap(c.years, years))
            .filter(|c| c.ident.as_ref().is_none_or(|i| may_be_copy(i, chosen)))
            .map(|c| c.path.clone())
            .collect();
        let more = store::read_all(&more, cwd, today, false)?;
        let others = self
            .pledges()
            .chain(more.iter().filter_map(|f| f.loaded.pledge.as_ref()));
        for other in others {
            if other.file != chosen.file && same_lofte(chosen, other) {
                return Err(super::super::Refused(copy_refusal(chosen, other, lang)).into());
            }
        }
        Ok(())
    }
}
