//! An activity's own time frame (`from`, `until`), its `units` and its parts
//! (`[[activity.part]]`).

use super::*;
use crate::load::raw::{ActivityKeys, PartKeys};

/// The most units one activity may list: each is judged in at least one window, so a longer
/// list asks more than [`MAX_WINDOWS`] of any file.
pub const MAX_UNITS: usize = MAX_WINDOWS as usize;

impl Loader<'_> {
    /// `from` and `until`: not reversed; outside the löfte's period is a warning.
    pub(super) fn frame(
        &mut self,
        from_k: Key<'_, '_>,
        until_k: Key<'_, '_>,
        period: Option<&Period>,
    ) -> Frame {
        let (from_v, until_v) = (from_k.val, until_k.val);
        let from = self.opt_date(from_k);
        let until = self.opt_date(until_k);
        if let (Some(a), Some(b), Some(uv)) = (from, until, until_v)
            && b < a
        {
            self.err(
                uv.span(),
                Says::FrameReversed { from: a, until: b },
                Some(Says::FrameHint),
            );
            return Frame::default();
        }
        if let Some(p) = period {
            for (d, v, key) in [(from, from_v, from_k.name), (until, until_v, until_k.name)] {
                if let (Some(d), Some(v)) = (d, v)
                    && (d < p.start || d > p.end)
                {
                    self.warn(
                        v.span(),
                        Says::OutsidePeriod {
                            key,
                            date: d,
                            period: shown(p),
                        },
                        Some(Says::OutsidePeriodHint),
                    );
                }
            }
        }
        Frame { from, until }
    }

    /// `units`: a non-empty list of distinct names, at most [`MAX_UNITS`]. A longer list is
    /// refused at the first unit past the limit before any unit is read (None).
    pub(super) fn units(&mut self, k: Given<'_, '_>) -> Option<Vec<String>> {
        let v = k.val;
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(
                v,
                k.name,
                Expected::ArrayOfNames,
                "[\"Norrskolan\", \"Södra skolan\"]",
            );
            return Some(Vec::new());
        };
        if let Some(past) = items.get(MAX_UNITS) {
            self.err(
                past.span(),
                Says::TooManyUnits {
                    count: items.len(),
                    max: MAX_UNITS,
                },
                Some(Says::TooManyUnitsHint),
            );
            return None;
        }
        if items.is_empty() {
            self.err(
                v.span(),
                Says::Empty { key: k.name.into() },
                Some(Says::UnitsEmptyHint),
            );
        }
        let mut out: Vec<String> = Vec::new();
        // Each unit's folded name once: a long list (a kommun's every school) is checked in
        // linear time, not by comparing every pair.
        let mut seen = HashSet::new();
        for item in items.iter() {
            let Some(u) = self.string(item, k.name) else {
                continue;
            };
            if !seen.insert(fold(&u)) {
                self.err(
                    item.span(),
                    Says::UnitTwice { unit: u },
                    Some(Says::UnitOnce),
                );
            } else {
                out.push(u);
            }
        }
        Some(out)
    }

    /// `[[activity.part]]`: parts with ids of their own, sharing the activity's owners.
    pub(super) fn parts(
        &mut self,
        k: Given<'_, '_>,
        frame: Option<&Period>,
        owners: &[Owner],
        parent: Option<&str>,
    ) -> Vec<Activity> {
        let v = k.val;
        let mut out: Vec<Activity> = Vec::new();
        let mut ids = HashSet::new();
        for (t, span) in self.tables(v, k.name) {
            let f: Fields<PartKeys> = self.fields(t, span.clone(), Table::Part);
            let id_v = self.require(&f, f.id, "\"vandringar\"");
            let id = id_v.and_then(|v| self.string(v, f.id.name));
            if let (Some(id), Some(id_v)) = (&id, id_v) {
                if !valid_id(id) {
                    self.err(
                        id_v.span(),
                        Says::PartIdNotWord { id: id.clone() },
                        Some(Says::IdWordHint {
                            slug: crate::text::slug(id),
                            event: false,
                        }),
                    );
                } else if !ids.insert(id.clone()) {
                    self.err(
                        id_v.span(),
                        Says::DuplicatePart { id: id.clone() },
                        Some(Says::PartIdsUnique),
                    );
                }
            }
            let title = self.opt_string(f.title);
            let text = self.required_string(&f, f.text, "\"trygghetsvandringar i tre områden\"");
            let own = self.frame(f.from, f.until, frame);
            let within = frame.map(|p| own.within(p));
            let target = match f.target.given() {
                Some(k) => self.target(k, within.as_ref(), parent),
                None => Some(Target::None),
            };
            if let (Some(id), Some(text), Some(target)) = (id, text, target) {
                out.push(Activity {
                    id,
                    title,
                    text,
                    owners: owners.to_vec(),
                    partners: Vec::new(),
                    target,
                    units: Vec::new(),
                    parts: Vec::new(),
                    frame: own,
                });
            }
        }
        out
    }

    /// An activity with parts has its targets in its parts, and no units.
    pub(super) fn parts_alone(
        &mut self,
        f: &Fields<ActivityKeys<'_, '_>>,
        parts: &[Activity],
        units: &[String],
    ) {
        let Some(part) = f.part.val else {
            return;
        };
        if parts.is_empty() && !matches!(part.get_ref(), DeValue::Array(a) if !a.is_empty()) {
            return;
        }
        if let Some(t) = f.target.val {
            self.err(t.span(), Says::PartsHaveTargets, Some(Says::MoveTarget));
        }
        if let (Some(u), false) = (f.units.val, units.is_empty()) {
            self.err(u.span(), Says::UnitsOrParts, Some(Says::UnitsOrPartsHint));
        }
    }
}

/// A period as messages show it; an unstated start is left out.
pub(super) fn shown(p: &Period) -> crate::load::says::Span {
    crate::load::says::Span {
        start: (p.start != NaiveDate::MIN).then_some(p.start),
        end: p.end,
    }
}
