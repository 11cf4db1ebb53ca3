//! Any text as a published löfte: `import` never panics, and every draft it writes loads
//! without errors (with and without a kommun and period given, as `--kommun`/`--start`/`--end`).
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pledge::import::{Options, import};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let given = Options {
        kommun: pledge::kommuner::find("Filipstad"),
        start: NaiveDate::from_ymd_opt(2019, 1, 1),
        end: NaiveDate::from_ymd_opt(2019, 12, 31),
        source_name: Some("f.txt".into()),
    };
    for opts in [Options::default(), given] {
        if let Ok(d) = import(text, &opts) {
            let loaded = pledge::load::load(&d.file_name, &d.toml, today);
            assert!(
                !loaded.has_errors(),
                "the draft does not validate:\n{}",
                d.toml
            );
        }
    }
});
