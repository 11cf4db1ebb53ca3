//! The store is handed the world, it does not read it: no file of `src/store.rs` or
//! `src/store/` asks the process for its working folder (`current_dir`) or reads the
//! environment (`std::env::…`). The shell (`cmd/context.rs`) reads them once and passes the
//! working folder down as a `store::Cwd`. Comments and string literals do not count.

use std::path::Path;

use crate::read::files;

/// What the store may not call: the process's working folder, and the environment.
const FORBIDDEN: &[&str] = &["current_dir", "env::"];

/// Each place in the store's code that reads the working folder or the environment, as
/// `src/…:line: what`.
pub fn readers_of_the_world(src: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for f in files(src) {
        if f.module.first().map(String::as_str) != Some("store") {
            continue;
        }
        for (n, line) in f.code.lines().enumerate() {
            for word in FORBIDDEN.iter().filter(|w| line.contains(*w)) {
                let shown = f.path.strip_prefix(src).unwrap_or(&f.path);
                out.push(format!("src/{}:{}: {word}", shown.display(), n + 1));
            }
        }
    }
    out
}

#[test]
fn the_store_reads_neither_the_working_folder_nor_the_environment() {
    let src = crate::main_src();
    let found = readers_of_the_world(&src);
    assert!(
        found.is_empty(),
        "the store reads the world itself (take the working folder as a `store::Cwd` from \
         the context instead):\n  {}\n",
        found.join("\n  ")
    );
}

#[test]
fn a_store_that_reads_the_working_folder_or_the_environment_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("store")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod store;\npub mod cmd;\n").unwrap();
    std::fs::write(
        src.join("store.rs"),
        "mod walk;\n// current_dir in a comment is fine\nfn f() -> &'static str { \"env::var\" }\n",
    )
    .unwrap();
    std::fs::write(
        src.join("store/walk.rs"),
        "fn g() {\n    let _ = std::env::current_dir();\n    let _ = std::env::var_os(\"X\");\n}\n",
    )
    .unwrap();
    // The shell may.
    std::fs::write(src.join("cmd.rs"), "fn h() { std::env::current_dir(); }\n").unwrap();
    let found = readers_of_the_world(src);
    assert_eq!(
        found,
        [
            "src/store/walk.rs:2: current_dir",
            "src/store/walk.rs:2: env::",
            "src/store/walk.rs:3: env::",
        ]
    );
}
