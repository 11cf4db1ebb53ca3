//! `[[activity]]` tables with their owners and targets, and `[followup]`.

use super::*;

impl Loader<'_> {
    pub(super) fn activities(&mut self, v: &Val<'_>, period: Option<&Period>) -> Vec<Activity> {
        let mut out: Vec<Activity> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (t, span) in self.tables(v, "activity") {
            let f = self.fields(t, span.clone(), KNOWN.activity, Table::Activity);
            let id = self.activity_id(&f, &mut seen);
            let text = self
                .require(&f, "text", "\"Polisen lovar att ...\"")
                .and_then(|v| self.string(v, "text"));
            let title = self.opt_string(&f, "title");
            let owners = match f.get("owners") {
                Some(v) => self.owners(v, "owners"),
                None => Vec::new(),
            };
            if f.get("owners")
                .is_none_or(|o| matches!(o.get_ref(), DeValue::Array(a) if a.is_empty()))
            {
                self.warn(
                    span.clone(),
                    Says::NoOwner { id: id.clone() },
                    Some(Says::AddOwner),
                );
            }
            let partners = match f.get("partners") {
                Some(v) => self.owners(v, "partners"),
                None => Vec::new(),
            };
            let frame = self.frame(&f, period);
            let within = period.map(|p| frame.within(p));
            let target = match f.get("target") {
                Some(v) => self.target(v, within.as_ref(), id.as_deref()),
                None => Some(Target::None),
            };
            let units = match f.get("units") {
                Some(v) => self.units(v),
                None => Vec::new(),
            };
            let parts = match f.get("part") {
                Some(v) => self.parts(v, within.as_ref(), &owners, id.as_deref()),
                None => Vec::new(),
            };
            self.parts_alone(&f, &parts, &units);
            if let (Some(id), Some(text), Some(target)) = (id, text, target) {
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
        out
    }

    /// An activity's id: a command-line word, not reserved, unique.
    fn activity_id(&mut self, f: &Fields<'_, '_>, seen: &mut HashSet<String>) -> Option<String> {
        let id_v = self.require(f, "id", "\"trygghetsvandring\"");
        let id = id_v.and_then(|v| self.string(v, "id"));
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

    pub(super) fn owners(&mut self, v: &Val<'_>, key: &str) -> Vec<Owner> {
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
                    let f = self.fields(t, item.span(), KNOWN.owner, Table::Owner);
                    let who = self
                        .require(&f, "who", "\"polisen\"")
                        .and_then(|v| self.string(v, "who"));
                    let role = self.opt_string(&f, "role");
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

    pub(super) fn followup(&mut self, v: &Val<'_>) -> Option<Followup> {
        let t = self.table(v, "followup", "{ when = 2017-03-31, how = \"...\" }")?;
        let f = self.fields(t, v.span(), KNOWN.followup, Table::Followup);
        let when = match f.get("when") {
            None => None,
            Some(w) => match w.get_ref() {
                DeValue::Datetime(_) => {
                    self.date(w, "when").map(|date| FollowupWhen::Date { date })
                }
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
                    self.mismatch(w, "when", Expected::DateOrText, "2017-03-31");
                    None
                }
            },
        };
        Some(Followup {
            when,
            how: self.opt_string(&f, "how"),
            responsible: self.opt_string(&f, "responsible"),
            presented: self.opt_string(&f, "presented"),
        })
    }
}
