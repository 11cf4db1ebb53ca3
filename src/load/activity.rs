//! `[[activity]]` tables with their owners and targets, and `[followup]`.

use super::*;
use crate::load::raw::{ActivityKeys, FollowupKeys, OwnerKeys};

impl Loader<'_> {
    pub(super) fn activities(
        &mut self,
        k: Given<'_, '_>,
        period: Option<&Period>,
    ) -> (Vec<Activity>, Vec<Range<usize>>) {
        let v = k.val;
        let mut out: Vec<Activity> = Vec::new();
        let mut spans = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (t, span) in self.tables(v, k.name) {
            let f: Fields<ActivityKeys> = self.fields(t, span.clone(), Table::Activity);
            let id = self.activity_id(&f, &mut seen);
            let text = self.required_string(&f, f.text, "\"Polisen lovar att ...\"");
            let title = self.opt_string(f.title);
            let owners = self.opt_owners(f.owners);
            if f.owners
                .val
                .is_none_or(|o| matches!(o.get_ref(), DeValue::Array(a) if a.is_empty()))
            {
                self.warn(
                    span.clone(),
                    Says::NoOwner { id: id.clone() },
                    Some(Says::AddOwner),
                );
            }
            let partners = self.opt_owners(f.partners);
            let frame = self.frame(f.from, f.until, period);
            let within = period.map(|p| frame.within(p));
            let target = match f.target.given() {
                Some(k) => self.target(k, within.as_ref(), id.as_deref()),
                None => Some(Target::None),
            };
            let units = match f.units.given() {
                Some(k) => self.units(k).unwrap_or_else(|| {
                    self.units_refused.extend(id.clone());
                    Vec::new()
                }),
                None => Vec::new(),
            };
            let parts = match f.part.given() {
                Some(k) => self.parts(k, within.as_ref(), &owners, id.as_deref()),
                None => Vec::new(),
            };
            self.parts_alone(&f, &parts, &units);
            if let (Some(id), Some(text), Some(target)) = (id, text, target) {
                spans.push(span);
                out.push(Activity {
                    id,
                    title,
                    text,
                    owners,
                    partners,
                    target,
                    units,
                    parts,
                    frame,
                });
            }
        }
        self.each_refs(&seen);
        (out, spans)
    }

    /// An activity's id: a command-line word, not reserved, unique.
    fn activity_id(
        &mut self,
        f: &Fields<ActivityKeys<'_, '_>>,
        seen: &mut HashSet<String>,
    ) -> Option<String> {
        let id_v = self.require(f, f.id, "\"trygghetsvandring\"");
        let id = id_v.and_then(|v| self.string(v, f.id.name));
        if let (Some(id), Some(id_v)) = (&id, id_v) {
            if RESERVED_IDS.contains(&id.as_str()) {
                self.err(
                    id_v.span(),
                    Says::ReservedActivityId { id: id.clone() },
                    Some(Says::ReservedHint),
                );
            } else if !valid_id(id) {
                self.err(
                    id_v.span(),
                    Says::ActivityIdNotWord { id: id.clone() },
                    Some(Says::IdWordHint {
                        slug: crate::text::slug(id),
                        event: false,
                    }),
                );
            } else if seen.contains(id.as_str()) {
                self.err(
                    id_v.span(),
                    Says::DuplicateActivity { id: id.clone() },
                    Some(Says::ActivityIdsUnique),
                );
            } else {
                seen.insert(id.clone());
            }
        }
        id
    }

    /// The owners (or partners) of `key`, if given.
    pub(super) fn opt_owners(&mut self, key: Key<'_, '_>) -> Vec<Owner> {
        match key.val {
            Some(v) => self.owners(v, key.name),
            None => Vec::new(),
        }
    }

    fn owners(&mut self, v: &Val<'_>, key: &str) -> Vec<Owner> {
        let DeValue::Array(items) = v.get_ref() else {
            self.mismatch(v, key, Expected::Array, "[\"polisen\", \"kommunen\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(_) => {
                    if let Some(s) = self.string(item, key) {
                        out.push(Owner {
                            who: Party::parse(&s),
                            role: None,
                        });
                    }
                }
                DeValue::Table(t) => {
                    let f: Fields<OwnerKeys> = self.fields(t, item.span(), Table::Owner);
                    let who = self.required_string(&f, f.who, "\"polisen\"");
                    let role = self.opt_string(f.role);
                    if let Some(who) = who {
                        out.push(Owner {
                            who: Party::parse(&who),
                            role,
                        });
                    }
                }
                _ => self.mismatch(
                    item,
                    key,
                    Expected::NameOrTable,
                    "{ who = \"polisen\", role = \"...\" }",
                ),
            }
        }
        out
    }

    pub(super) fn followup(&mut self, k: Given<'_, '_>) -> Option<Followup> {
        let v = k.val;
        let t = self.table(v, k.name, "{ when = 2017-03-31, how = \"...\" }")?;
        let f: Fields<FollowupKeys> = self.fields(t, v.span(), Table::Followup);
        let when = match f.when.val {
            None => None,
            Some(w) => match w.get_ref() {
                DeValue::Datetime(_) => self
                    .date(w, f.when.name)
                    .map(|date| FollowupWhen::Date { date }),
                DeValue::String(s) => {
                    let when = parse_when(s);
                    if when.is_none() {
                        self.err(
                            w.span(),
                            Says::UnknownFollowupTime {
                                when: s.to_string(),
                            },
                            Some(Says::FollowupTimeHint),
                        );
                    }
                    when
                }
                _ => {
                    self.mismatch(w, f.when.name, Expected::DateOrText, "2017-03-31");
                    None
                }
            },
        };
        Some(Followup {
            when,
            how: self.opt_string(f.how),
            responsible: self.opt_string(f.responsible),
            presented: self.opt_string(f.presented),
        })
    }
}
