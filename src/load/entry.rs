//! The keys of a log entry that name where the work belongs: `part`, `unit`, `kommun` and
//! `request`, each checked against the activity and the löfte.

use super::*;
use crate::load::raw::LogKeys;
use crate::load::says::SomeOf;

/// An activity with its parts' ids and its units, each also in a set: every entry of a long
/// log is checked against them in constant time, whatever the number of parts or units.
pub(super) struct Named<'a> {
    pub(super) act: &'a Activity,
    parts: Vec<&'a str>,
    units: Vec<&'a str>,
    part_map: HashMap<&'a str, &'a Activity>,
    unit_set: HashSet<&'a str>,
}

impl<'a> Named<'a> {
    pub(super) fn of(act: &'a Activity) -> Named<'a> {
        let parts: Vec<&str> = act.parts.iter().map(|p| p.id.as_str()).collect();
        let units: Vec<&str> = act.units.iter().map(String::as_str).collect();
        Named {
            act,
            // The first part of an id counts (a second is refused).
            part_map: act.parts.iter().rev().map(|p| (p.id.as_str(), p)).collect(),
            unit_set: units.iter().copied().collect(),
            parts,
            units,
        }
    }

    fn has_part(&self, p: &str) -> bool {
        self.part_map.contains_key(p)
    }

    fn has_unit(&self, u: &str) -> bool {
        self.unit_set.contains(u)
    }
}

/// The most names a hint lists, and the most a "did you mean" compares: a hint about a list
/// of 10,000 units stays one line, and a log of wrong units is checked in linear time.
const HINT_NAMES: usize = 10;
const CLOSEST_AMONG: usize = 200;

/// The first names of a list, and how many there are when not all are shown.
fn some_of(names: &[&str]) -> SomeOf {
    SomeOf {
        shown: names[..names.len().min(HINT_NAMES)]
            .iter()
            .map(|n| n.to_string())
            .collect(),
        total: names.len(),
    }
}

/// [`Says::did_you_mean`] among a list that is not too long to compare with.
fn some_did_you_mean(query: &str, names: &[&str], quote: bool) -> Option<Says> {
    (names.len() <= CLOSEST_AMONG)
        .then(|| Says::did_you_mean(query, names, quote))
        .flatten()
}

impl Loader<'_> {
    /// `part`: required for an activity with parts, one of them; refused on one without.
    pub(super) fn entry_part(
        &mut self,
        f: &Fields<LogKeys<'_, '_>>,
        act: Option<&Named<'_>>,
        header: Range<usize>,
    ) -> Option<String> {
        let v = f.part.val;
        let part = self.opt_string(f.part);
        let named = act?;
        let (act, ids) = (named.act, &named.parts);
        match (&part, v) {
            (Some(p), Some(v)) if ids.is_empty() => self.err(
                v.span(),
                Says::NoParts {
                    id: act.id.clone(),
                    part: p.clone(),
                },
                Some(Says::NoPartsHint),
            ),
            (Some(p), Some(v)) if !named.has_part(p) => {
                let hint = some_did_you_mean(p, ids, true).unwrap_or_else(|| Says::PartsAre {
                    id: act.id.clone(),
                    names: some_of(ids),
                });
                self.err(
                    v.span(),
                    Says::UnknownPart {
                        part: p.clone(),
                        id: act.id.clone(),
                    },
                    Some(hint),
                );
            }
            (None, None) if !ids.is_empty() && !act.id.is_empty() => self.err(
                header,
                Says::WhichPart { id: act.id.clone() },
                Some(Says::AddPart {
                    first: ids[0].to_string(),
                    names: some_of(ids),
                }),
            ),
            _ => {}
        }
        part
    }

    /// `unit`: required for an activity with units, one of them; refused on one without.
    pub(super) fn entry_unit(
        &mut self,
        f: &Fields<LogKeys<'_, '_>>,
        act: Option<&Named<'_>>,
        header: Range<usize>,
    ) -> Option<String> {
        let v = f.unit.val;
        let unit = self.opt_string(f.unit);
        let named = act.filter(|n| !self.units_refused.contains(&n.act.id))?;
        let (act, units) = (named.act, &named.units);
        match (&unit, v) {
            (Some(u), Some(v)) if units.is_empty() => self.err(
                v.span(),
                Says::NoUnits {
                    id: act.id.clone(),
                    unit: u.clone(),
                },
                Some(Says::NoUnitsHint),
            ),
            (Some(u), Some(v)) if !named.has_unit(u) => {
                let hint = some_did_you_mean(u, units, true).unwrap_or_else(|| Says::UnitsAre {
                    id: act.id.clone(),
                    names: some_of(units),
                });
                self.err(
                    v.span(),
                    Says::UnknownUnit {
                        unit: u.clone(),
                        id: act.id.clone(),
                    },
                    Some(hint),
                );
            }
            (None, None) if !units.is_empty() => self.err(
                header,
                Says::WhichUnit { id: act.id.clone() },
                Some(Says::AddUnit {
                    first: units[0].to_string(),
                    names: some_of(units),
                }),
            ),
            _ => {}
        }
        unit
    }

    /// `kommun`: only on a löfte for several kommuner, and one of them.
    pub(super) fn entry_kommun(
        &mut self,
        f: &Fields<LogKeys<'_, '_>>,
        kommuner: Option<&[&'static kommuner::Kommun]>,
    ) -> Option<&'static kommuner::Kommun> {
        let v = f.kommun.val?;
        let k = self.kommun(v, f.kommun.name)?;
        let ks = kommuner?;
        if ks.len() < 2 {
            self.err(v.span(), Says::KommunOnOne, Some(Says::KommunOnOneHint));
            None
        } else if !ks.contains(&k) {
            let names = ks.iter().map(|k| k.name.to_string()).collect();
            self.err(
                v.span(),
                Says::NotLofteKommun {
                    name: k.name.to_string(),
                },
                Some(Says::KommunerAre { names }),
            );
            None
        } else {
            Some(k)
        }
    }

    /// `request = true`: only for on-request targets.
    pub(super) fn entry_request(
        &mut self,
        f: &Fields<LogKeys<'_, '_>>,
        act: Option<&Named<'_>>,
        part: Option<&str>,
    ) -> bool {
        let Some(v) = f.request.val else {
            return false;
        };
        let DeValue::Boolean(b) = v.get_ref() else {
            self.mismatch(v, f.request.name, Expected::TrueOrFalse, "true");
            return false;
        };
        let target = act.map(|a| {
            part.and_then(|p| a.part_map.get(p))
                .map_or(&a.act.target, |x| &x.target)
        });
        if *b && target.is_some_and(|t| *t != Target::OnRequest) {
            self.err(
                v.span(),
                Says::RequestNotOnRequest {
                    id: act.map(|a| a.act.id.clone()),
                },
                Some(Says::RequestHint),
            );
        }
        *b
    }
}
