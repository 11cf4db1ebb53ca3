//! The keys of a log entry that name where the work belongs: `part`, `unit`, `kommun` and
//! `request`, each checked against the activity and the löfte.

use super::*;

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
fn some_of(names: &[&str]) -> String {
    let shown = names[..names.len().min(HINT_NAMES)].join(", ");
    if names.len() > HINT_NAMES {
        format!("{shown}, … ({} in all)", names.len())
    } else {
        shown
    }
}

/// [`did_you_mean`] among a list that is not too long to compare with.
fn some_did_you_mean(query: &str, names: &[&str]) -> Option<String> {
    (names.len() <= CLOSEST_AMONG)
        .then(|| did_you_mean(query, names))
        .flatten()
}

impl Loader<'_> {
    /// `part`: required for an activity with parts, one of them; refused on one without.
    pub(super) fn entry_part(
        &mut self,
        f: &Fields<'_, '_>,
        act: Option<&Named<'_>>,
        header: Range<usize>,
    ) -> Option<String> {
        let v = f.get("part");
        let part = v.and_then(|v| self.string(v, "part"));
        let named = act?;
        let (act, ids) = (named.act, &named.parts);
        match (&part, v) {
            (Some(p), Some(v)) if ids.is_empty() => self.err(
                v.span(),
                format!(
                    "activity \"{}\" has no parts, but the entry names part \"{p}\"",
                    act.id
                ),
                Some(
                    "remove `part`, or add the parts to the activity as `[[activity.part]]`".into(),
                ),
            ),
            (Some(p), Some(v)) if !named.has_part(p) => {
                let hint = some_did_you_mean(p, ids).unwrap_or_else(|| {
                    format!("the parts of \"{}\" are: {}", act.id, some_of(ids))
                });
                self.err(
                    v.span(),
                    format!("unknown part \"{p}\" of activity \"{}\"", act.id),
                    Some(hint),
                );
            }
            (None, None) if !ids.is_empty() && !act.id.is_empty() => self.err(
                header,
                format!("the entry for \"{}\" does not say which part it is", act.id),
                Some(format!(
                    "add `part = \"{}\"` (the parts are: {})",
                    ids[0],
                    some_of(ids)
                )),
            ),
            _ => {}
        }
        part
    }

    /// `unit`: required for an activity with units, one of them; refused on one without.
    pub(super) fn entry_unit(
        &mut self,
        f: &Fields<'_, '_>,
        act: Option<&Named<'_>>,
        header: Range<usize>,
    ) -> Option<String> {
        let v = f.get("unit");
        let unit = v.and_then(|v| self.string(v, "unit"));
        let named = act?;
        let (act, units) = (named.act, &named.units);
        match (&unit, v) {
            (Some(u), Some(v)) if units.is_empty() => self.err(
                v.span(),
                format!(
                    "activity \"{}\" has no units, but the entry names unit \"{u}\"",
                    act.id
                ),
                Some("remove `unit`, or list the units in the activity: `units = [...]`".into()),
            ),
            (Some(u), Some(v)) if !named.has_unit(u) => {
                let hint = some_did_you_mean(u, units).unwrap_or_else(|| {
                    format!("the units of \"{}\" are: {}", act.id, some_of(units))
                });
                self.err(
                    v.span(),
                    format!("unknown unit \"{u}\" of activity \"{}\"", act.id),
                    Some(hint),
                );
            }
            (None, None) if !units.is_empty() => self.err(
                header,
                format!(
                    "the entry for \"{}\" does not say which unit it is for",
                    act.id
                ),
                Some(format!(
                    "add `unit = \"{}\"` (the units are: {})",
                    units[0],
                    some_of(units)
                )),
            ),
            _ => {}
        }
        unit
    }

    /// `kommun`: only on a löfte for several kommuner, and one of them.
    pub(super) fn entry_kommun(
        &mut self,
        f: &Fields<'_, '_>,
        kommuner: Option<&[&'static kommuner::Kommun]>,
    ) -> Option<&'static kommuner::Kommun> {
        let v = f.get("kommun")?;
        let k = self.kommun(v, "kommun")?;
        let ks = kommuner?;
        if ks.len() < 2 {
            self.err(
                v.span(),
                "`kommun` on an entry of a löfte for one kommun",
                Some(
                    "`kommun` says which kommun the work was for on a löfte for several; remove it"
                        .into(),
                ),
            );
            None
        } else if !ks.contains(&k) {
            let names: Vec<&str> = ks.iter().map(|k| k.name).collect();
            self.err(
                v.span(),
                format!("{} is not one of the löfte's kommuner", k.name),
                Some(format!("the kommuner are: {}", names.join(", "))),
            );
            None
        } else {
            Some(k)
        }
    }

    /// `request = true`: only for on-request targets.
    pub(super) fn entry_request(
        &mut self,
        f: &Fields<'_, '_>,
        act: Option<&Named<'_>>,
        part: Option<&str>,
    ) -> bool {
        let Some(v) = f.get("request") else {
            return false;
        };
        let DeValue::Boolean(b) = v.get_ref() else {
            self.mismatch(v, "request", "true or false", "true");
            return false;
        };
        let target = act.map(|a| {
            part.and_then(|p| a.part_map.get(p))
                .map_or(&a.act.target, |x| &x.target)
        });
        if *b && target.is_some_and(|t| *t != Target::OnRequest) {
            self.err(
                v.span(),
                format!(
                    "a request on \"{}\", whose target is not \"on-request\"",
                    act.map_or("?", |a| a.act.id.as_str())
                ),
                Some("`request = true` records a request to an on-request activity; remove it, or set `target = \"on-request\"`".into()),
            );
        }
        *b
    }
}
