//! `done` then `undo` on arbitrary valid files: the first line of the input is the note, the
//! rest the file (a byte-order mark included). Whatever the file, appending keeps it valid
//! with exactly one more entry, undo gives back the original bytes, and removing any entry
//! that `remove` accepts leaves a valid file with one entry fewer; `pick` always answers.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pledge::edit::record::{NewEntry, UndoPick, append, pick, remove, undo};

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    let Ok(all) = std::str::from_utf8(data) else {
        return;
    };
    let (note, text) = all.split_once('\n').unwrap_or(("", all));
    let Some(before) = pledge::load::load("f.toml", text, today).pledge else {
        return;
    };
    let Some(activity) = before.activities.first() else {
        return;
    };
    let entry = NewEntry {
        note: Some(note.to_string()),
        ..NewEntry::new(before.period.start, &activity.id, 1)
    };
    let after_text = append(text, &entry);
    let after = pledge::load::load("f.toml", &after_text, today);
    assert!(!after.has_errors(), "{:?}", after.diags);
    let after = after.pledge.unwrap();
    assert_eq!(after.log.len(), before.log.len() + 1);
    let (undone, _) = undo(&after_text, &after).unwrap();
    assert_eq!(undone, text);
    for e in &after.log {
        if let Ok(removed) = remove(&after_text, &after, e) {
            let loaded = pledge::load::load("f.toml", &removed, today);
            assert!(!loaded.has_errors(), "{:?}", loaded.diags);
            assert_eq!(loaded.pledge.unwrap().log.len(), after.log.len() - 1);
        }
    }
    let user = UndoPick {
        user: Some(note),
        ..UndoPick::default()
    };
    if let Ok(e) = pick(&after.log, &user) {
        assert!(after.log.contains(e));
    }
});
