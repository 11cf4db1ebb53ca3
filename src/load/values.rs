//! Reading one value: strings, counts, dates, tables, with the type named when it is wrong;
//! and a table's keys, checked against the known ones with a did-you-mean.

use super::*;
use crate::load::says::Counted;

impl Loader<'_> {
    pub(super) fn err(&mut self, span: Range<usize>, msg: Says, hint: Option<Says>) {
        self.diags
            .push(Diagnostic::error(span, msg).with_hint(hint));
    }

    pub(super) fn warn(&mut self, span: Range<usize>, msg: Says, hint: Option<Says>) {
        self.diags
            .push(Diagnostic::warning(span, msg).with_hint(hint));
    }

    /// The keys of `table` (a key struct `K` of [`raw`]); each key the table does not have is
    /// an error, with the key meant where it can be guessed.
    pub(super) fn fields<'t, 'i, K: Keys<'t, 'i>>(
        &mut self,
        table: &'t DeTable<'i>,
        span: Range<usize>,
        what: Table,
    ) -> Fields<K> {
        let mut keys = K::none();
        for (k, v) in table.iter() {
            let key: &str = k.get_ref();
            if !keys.set(key, v) {
                self.unknown_key(k, span.start, K::NAMES, what);
            }
        }
        Fields { keys, span, what }
    }

    fn unknown_key(
        &mut self,
        k: &toml::Spanned<std::borrow::Cow<'_, str>>,
        head: usize,
        known: &[&'static str],
        what: Table,
    ) {
        let key: &str = k.get_ref();
        let alias = ALIASES
            .iter()
            .find(|(a, to)| *a == kommuner::fold(key) && known.contains(to))
            .map(|(_, to)| *to)
            .or_else(|| crate::text::closest(key, known, 1).first().copied());
        if let Some(to) = alias {
            self.suggested.push((head, to));
        }
        let alias = alias.map(|to| Says::DidYouMean(vec![format!("`{to}`")]));
        let hint = alias
            .or_else(|| Says::did_you_mean(key, known, true))
            .or_else(|| {
                Some(Says::KeysOf {
                    table: what,
                    keys: known.to_vec(),
                })
            });
        self.err(
            k.span(),
            Says::UnknownKey {
                key: key.to_string(),
                table: what,
            },
            hint,
        );
    }

    /// The value of `key`, which `f` must have: an error naming the table when it is missing
    /// (unless a misspelt key was already pointed at it).
    pub(super) fn require<'t, 'i, K>(
        &mut self,
        f: &Fields<K>,
        key: Key<'t, 'i>,
        example: &str,
    ) -> Option<&'t Val<'i>> {
        let v = key.val;
        let suggested = self
            .suggested
            .iter()
            .any(|(s, k)| *s == f.span.start && *k == key.name);
        if v.is_none() && !suggested {
            // The root table has no header to point at: the whole file is meant.
            let span = (f.span != (0..0)).then(|| f.span.clone());
            self.diags.push(
                Diagnostic::error(
                    span,
                    Says::MissingKey {
                        key: key.name.to_string(),
                        table: f.what,
                    },
                )
                .with_hint(Some(Says::AddKey {
                    key: key.name.to_string(),
                    example: example.to_string(),
                })),
            );
        }
        v
    }

    /// The text of `key`, which `f` must have.
    pub(super) fn required_string<K>(
        &mut self,
        f: &Fields<K>,
        key: Key<'_, '_>,
        example: &str,
    ) -> Option<String> {
        self.require(f, key, example)
            .and_then(|v| self.string(v, key.name))
    }

    pub(super) fn mismatch(&mut self, v: &Val<'_>, key: &str, expected: Expected, example: &str) {
        self.err(
            v.span(),
            Says::WrongType {
                key: key.to_string(),
                expected,
                found: type_name(v.get_ref()),
            },
            Some(Says::WriteAs {
                key: key.to_string(),
                example: example.to_string(),
            }),
        );
    }

    pub(super) fn string(&mut self, v: &Val<'_>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => {
                if super::problems::blank(s) {
                    self.err(
                        v.span(),
                        Says::Empty { key: key.into() },
                        Some(Says::WriteOrRemove { key: key.into() }),
                    );
                    None
                } else {
                    Some(s.to_string())
                }
            }
            _ => {
                self.mismatch(v, key, Expected::String, "\"...\"");
                None
            }
        }
    }

    /// A count: a whole number from 1 (TOML allows `1_000`, `+2`, `0x10`).
    pub(super) fn count(&mut self, k: Given<'_, '_>, what: Counted) -> Option<u32> {
        let c = k.val;
        let DeValue::Integer(i) = c.get_ref() else {
            self.mismatch(c, k.name, Expected::WholeNumber, "2");
            return None;
        };
        let digits = i.as_str().replace('_', "");
        let digits = digits.trim_start_matches('+');
        let digits = ["0x", "0o", "0b"]
            .iter()
            .fold(digits, |d, p| d.strip_prefix(p).unwrap_or(d));
        match u32::from_str_radix(digits, i.radix()) {
            Ok(n) if (1..=MAX_COUNT).contains(&n) => Some(n),
            _ => {
                let hint = match what {
                    Counted::Target => Says::TargetCountHint,
                    Counted::Log => Says::LogCountHint,
                };
                self.err(
                    c.span(),
                    Says::CountRange {
                        what,
                        max: MAX_COUNT,
                        found: i.as_str().to_string(),
                    },
                    Some(hint),
                );
                None
            }
        }
    }

    /// The text of `key`, if given.
    pub(super) fn opt_string(&mut self, key: Key<'_, '_>) -> Option<String> {
        key.val.and_then(|v| self.string(v, key.name))
    }

    /// The date of `key`, if given.
    pub(super) fn opt_date(&mut self, key: Key<'_, '_>) -> Option<NaiveDate> {
        key.val.and_then(|v| self.date(v, key.name))
    }

    pub(super) fn date(&mut self, v: &Val<'_>, key: &str) -> Option<NaiveDate> {
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                    if date.is_none() {
                        self.err(v.span(), Says::NotInCalendar { key: key.into() }, None);
                    }
                    date
                }
                _ => {
                    self.err(
                        v.span(),
                        Says::DateWithTime { key: key.into() },
                        Some(Says::WriteAs {
                            key: key.into(),
                            example: "YYYY-MM-DD".into(),
                        }),
                    );
                    None
                }
            },
            DeValue::String(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => {
                // Written as TOML wants a date: `2024-1-1` is not one, `2024-01-01` is.
                let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map(|d| d.to_string());
                self.err(
                    v.span(),
                    Says::QuotedDate { key: key.into() },
                    Some(Says::RemoveQuotes {
                        key: key.into(),
                        value: date.unwrap_or_else(|_| s.to_string()),
                    }),
                );
                None
            }
            _ => {
                self.mismatch(v, key, Expected::Date, "2016-01-31");
                None
            }
        }
    }

    pub(super) fn table<'t, 'i>(
        &mut self,
        v: &'t Val<'i>,
        key: &str,
        example: &str,
    ) -> Option<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.mismatch(v, key, Expected::Table, example);
                None
            }
        }
    }

    /// An array of tables (`[[key]]`); a single `[key]` table is reported with a hint.
    pub(super) fn tables<'t, 'i>(
        &mut self,
        v: &'t Val<'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, item.span())),
                        _ => self.mismatch(item, key, Expected::Table, &format!("[[{key}]]")),
                    }
                }
                out
            }
            _ => {
                self.err(
                    v.span(),
                    Says::NotArrayOfTables { key: key.into() },
                    Some(Says::EachUnderHeader { key: key.into() }),
                );
                Vec::new()
            }
        }
    }
}
