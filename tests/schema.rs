//! `pledge schema` stays in step with the loader: the schema is generated from the loader's raw
//! structs (`pledge::load::raw`) and pinned here; every valid file passes it and deserializes
//! into those structs, and the broken files whose fault a schema can express fail it.

use std::path::Path;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A TOML document as editors see it through JSON Schema: dates become strings.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn validator() -> jsonschema::Validator {
    let out = assert_cmd::Command::cargo_bin("pledge")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn instance(rel: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(ROOT).join(rel)).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    to_json(&toml::Value::Table(toml::from_str(text).unwrap()))
}

#[test]
fn every_valid_file_matches_the_schema() {
    let v = validator();
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("pledges"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The pledge files: hidden entries (the lock, the index of a kommun's view) are not.
        .filter(|name| name.ends_with(".toml") && !name.starts_with('.'))
        .map(|name| format!("pledges/{name}"))
        .collect();
    files.extend(
        [
            "tests/fixtures/odd.toml",
            "tests/good-warnings.toml",
            "tests/good-bom-crlf.toml",
            "examples/targets/sunne-2017.toml",
            "examples/targets/kil-forshaga-grums-2017-2018.toml",
            "examples/targets/munkfors-2017-2018.toml",
        ]
        .map(String::from),
    );
    assert!(files.len() >= 8);
    for f in files {
        let inst = instance(&f);
        let errors: Vec<String> = v.iter_errors(&inst).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{f}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_validate_rejects() {
    let v = validator();
    for name in [
        "unknown-key",
        "missing-title",
        "count-zero",
        "unknown-window",
        "bad-id",
        "wrong-type",
        "unknown-target",
        "bad-followup-when",
        "both-kommun-keys",
        "no-activities",
        "count-too-large",
        "log-empty-inline",
        "on-empty",
        "except-unknown",
        "target-two-kinds",
        "weekly-with-count",
        "grace-days-on-count",
    ] {
        // Not here: a quoted date ("2016-01-01") is a string in JSON as a TOML date is, so
        // only `validate` can tell them apart; nor kommun names, dates in the calendar or
        // log entries that name unknown activities, which need the data.
        let inst = instance(&format!("tests/bad/{name}.toml"));
        assert!(!v.is_valid(&inst), "{name} passes the schema");
    }
}

#[test]
fn a_new_scaffold_validates_and_matches_the_schema() {
    let out = assert_cmd::Command::cargo_bin("pledge")
        .unwrap()
        .args([
            "new",
            "Kil",
            "Forshaga",
            "--start",
            "2024-07-01",
            "--end",
            "2025-06-30",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let loaded = pledge::load::load("new.toml", &text, "2024-01-01".parse().unwrap());
    assert!(!loaded.has_errors(), "{:?}", loaded.diags);
    let inst = to_json(&toml::Value::Table(toml::from_str(&text).unwrap()));
    assert!(validator().is_valid(&inst));
}

/// `pledge.schema.json` (what `pledge schema` prints and `pledge new` points at) is the schema
/// generated from the raw structs. After changing them: `SCHEMA_UPDATE=1 cargo test --test schema`.
#[test]
fn the_schema_file_is_generated_from_the_raw_structs() {
    let generated = pledge::load::raw::schema();
    let path = Path::new(ROOT).join("pledge.schema.json");
    if std::env::var_os("SCHEMA_UPDATE").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == generated,
        "pledge.schema.json is stale: run SCHEMA_UPDATE=1 cargo test --test schema"
    );
    let out = assert_cmd::Command::cargo_bin("pledge")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), generated);
}

/// The raw structs describe every valid file: each deserializes into them.
#[test]
fn every_valid_file_deserializes_into_the_raw_structs() {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("pledges"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The pledge files: hidden entries (the lock, the index of a kommun's view) are not.
        .filter(|name| name.ends_with(".toml") && !name.starts_with('.'))
        .map(|name| format!("pledges/{name}"))
        .collect();
    files.extend(
        [
            "tests/fixtures/odd.toml",
            "tests/good-warnings.toml",
            "tests/good-bom-crlf.toml",
            "examples/targets/sunne-2017.toml",
            "examples/targets/kil-forshaga-grums-2017-2018.toml",
            "examples/targets/munkfors-2017-2018.toml",
        ]
        .map(String::from),
    );
    for f in files {
        let text = std::fs::read_to_string(Path::new(ROOT).join(&f)).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        if let Err(e) = toml::from_str::<pledge::load::raw::PledgeFile>(text) {
            panic!("{f}: {e}");
        }
    }
}

/// The README's annotated example matches the schema too (`tests/format.rs` loads it).
#[test]
fn the_readme_example_matches_the_schema() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let after = &readme[readme
        .find("One file per löfte")
        .expect("the format section")..];
    let start = after.find("```toml\n").expect("the example") + "```toml\n".len();
    let example = &after[start..start + after[start..].find("```").unwrap()];
    let inst = to_json(&toml::Value::Table(toml::from_str(example).unwrap()));
    let errors: Vec<String> = validator()
        .iter_errors(&inst)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    toml::from_str::<pledge::load::raw::PledgeFile>(example).unwrap();
}
