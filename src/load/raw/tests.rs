//! The schema and the loader read the same keys: each table's key struct has exactly the keys
//! of the typed struct the schema is made from, and every table of the schema has a key struct.

use std::collections::BTreeSet;

use super::*;

/// The keys of a table, as the schema names them (in their order).
fn keys<T: JsonSchema>() -> Vec<String> {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// The keys the loader reads for a table, per its key struct.
fn read<'t, 'i, K: Keys<'t, 'i>>() -> Vec<String> {
    K::NAMES.iter().map(|k| k.to_string()).collect()
}

/// Each typed struct of a table with its key struct.
fn pairs() -> Vec<(&'static str, Vec<String>, Vec<String>)> {
    vec![
        ("file", keys::<PledgeFile>(), read::<FileKeys>()),
        ("event", keys::<Event>(), read::<EventKeys>()),
        (
            "signatory",
            keys::<SignatoryTable>(),
            read::<SignatoryKeys>(),
        ),
        ("period", keys::<Period>(), read::<PeriodKeys>()),
        ("problem", keys::<ProblemTable>(), read::<ProblemKeys>()),
        ("activity", keys::<Activity>(), read::<ActivityKeys>()),
        ("part", keys::<Part>(), read::<PartKeys>()),
        ("owner", keys::<OwnerTable>(), read::<OwnerKeys>()),
        ("followup", keys::<Followup>(), read::<FollowupKeys>()),
        ("log", keys::<LogEntry>(), read::<LogKeys>()),
        (
            "indicator",
            keys::<IndicatorTable>(),
            read::<IndicatorKeys>(),
        ),
        ("series", keys::<SeriesTable>(), read::<SeriesKeys>()),
        ("baseline", keys::<BaselineTable>(), read::<BaselineKeys>()),
        (
            "measurement",
            keys::<MeasurementEntry>(),
            read::<MeasurementKeys>(),
        ),
        ("verdict", keys::<VerdictEntry>(), read::<VerdictKeys>()),
        ("cadence", keys::<CadenceYears>(), read::<CadenceKeys>()),
    ]
}

/// The kinds of a target: the schema has one table each, the loader one key struct for all.
fn target_kinds() -> Vec<Vec<String>> {
    vec![
        keys::<CountTarget>(),
        keys::<EachTarget>(),
        keys::<OnTarget>(),
        keys::<WeeklyTarget>(),
    ]
}

/// Every set of keys of a table in `schema` (its `properties`), wherever it is.
fn tables_in(schema: &serde_json::Value, out: &mut BTreeSet<Vec<String>>) {
    match schema {
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::Object(p)) = o.get("properties") {
                let mut keys: Vec<String> = p.keys().cloned().collect();
                keys.sort();
                out.insert(keys);
            }
            o.values().for_each(|v| tables_in(v, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| tables_in(v, out)),
        _ => {}
    }
}

fn sorted(mut keys: Vec<String>) -> Vec<String> {
    keys.sort();
    keys
}

#[test]
fn each_table_is_read_with_the_keys_of_its_schema() {
    for (table, schema, loader) in pairs() {
        assert_eq!(schema, loader, "the keys of {table}: schema, loader");
    }
    let mut union: Vec<String> = Vec::new();
    for k in target_kinds().into_iter().flatten() {
        if !union.contains(&k) {
            union.push(k);
        }
    }
    assert_eq!(union, read::<TargetKeys>(), "the keys of a target");
}

#[test]
fn every_table_of_the_schema_has_a_key_struct() {
    let schema: serde_json::Value = serde_json::from_str(&schema()).unwrap();
    let mut in_schema = BTreeSet::new();
    tables_in(&schema, &mut in_schema);
    let read: BTreeSet<Vec<String>> = pairs()
        .into_iter()
        .map(|(_, _, loader)| sorted(loader))
        .chain(target_kinds().into_iter().map(sorted))
        .collect();
    assert_eq!(in_schema, read);
}

#[test]
fn a_key_struct_takes_its_keys_and_no_other() {
    let doc = toml::de::DeTable::parse("date = 2017-01-01\nactivity = \"walk\"\nwho = 1").unwrap();
    let mut f = LogKeys::none();
    let taken: Vec<bool> = doc
        .get_ref()
        .iter()
        .map(|(k, v)| f.set(k.get_ref(), v))
        .collect();
    assert_eq!(taken, [true, true, false]);
    assert_eq!(
        (f.date.name, f.activity.name, f.note.name),
        ("date", "activity", "note")
    );
    assert!(f.date.val.is_some() && f.note.val.is_none());
}
