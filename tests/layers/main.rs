//! The layers of `src/` only point down, and nothing imports in a circle.
//!
//! Reads every file of the library (from `src/lib.rs`, following `mod` declarations and their
//! `#[path]`), finds every `crate::…` and `super::…` path outside comments and string literals
//! (`use` lines, and paths written in code), and fails:
//! - on an import from a lower layer into a higher one ([`LAYERS`], bottom first);
//! - on a cycle between modules: two sibling modules (two layers, two files of one folder, two
//!   folders of one layer) that import each other, directly or through others;
//! - on a cycle between files.
//!
//! And [`size`]: no file over 600 lines and no function over 80 without a reason written
//! beside it.
//!
//! A parent's own `mod child;` and `pub use child::…` lines are not imports here: a folder
//! declares its parts. Set `LAYERS_SRC` to check another tree (`LAYERS_SRC=/path/to/src`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod read;
mod size;
mod world;

use read::{File, Import, files, imports};

/// The layers, bottom first. A module may import from its own layer and the ones below; the
/// modules of one layer must not import each other in a circle.
const LAYERS: &[&[&str]] = &[
    &["text", "kommuner"],
    &["model"],
    &["load", "import"],
    &["rules"],
    &["edit"],
    &["view"],
    &["store"],
    &["cli"],
    &["cmd"],
];

/// Cycles being removed on another branch, by the modules in them. Each must still exist (a
/// stale entry fails too, so the list only shrinks).
const KNOWN_CYCLES: &[&[&str]] = &[];

/// The entry of [`KNOWN_CYCLES`] that is exactly these modules.
fn known(names: &[String]) -> Option<&'static [&'static str]> {
    KNOWN_CYCLES
        .iter()
        .copied()
        .find(|k| k.len() == names.len() && k.iter().all(|m| names.iter().any(|n| n == m)))
}

fn main_src() -> PathBuf {
    std::env::var_os("LAYERS_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

fn layer_of(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    LAYERS.iter().position(|l| l.contains(&top.as_str()))
}

fn layer_names() -> String {
    LAYERS
        .iter()
        .map(|l| l.join(", "))
        .collect::<Vec<_>>()
        .join(" < ")
}

/// The strongly connected components of more than one node (Tarjan).
fn cycles<N: Ord + Clone>(edges: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct T<'a, N: Ord + Clone> {
        edges: &'a BTreeMap<N, BTreeSet<N>>,
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on: BTreeSet<N>,
        out: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(t: &mut T<'_, N>, n: &N) {
        let i = t.index.len();
        t.index.insert(n.clone(), i);
        t.low.insert(n.clone(), i);
        t.stack.push(n.clone());
        t.on.insert(n.clone());
        let next: Vec<N> = t.edges.get(n).into_iter().flatten().cloned().collect();
        for w in &next {
            if !t.index.contains_key(w) {
                visit(t, w);
                let l = t.low[n].min(t.low[w]);
                t.low.insert(n.clone(), l);
            } else if t.on.contains(w) {
                let l = t.low[n].min(t.index[w]);
                t.low.insert(n.clone(), l);
            }
        }
        if t.low[n] == t.index[n] {
            let mut comp = Vec::new();
            loop {
                let w = t.stack.pop().unwrap();
                t.on.remove(&w);
                let done = &w == n;
                comp.push(w);
                if done {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    let nodes: Vec<N> = edges.keys().cloned().collect();
    for n in &nodes {
        if !t.index.contains_key(n) {
            visit(&mut t, n);
        }
    }
    t.out
}

fn shown(f: &File, src: &Path) -> String {
    format!(
        "src/{}",
        f.path.strip_prefix(src).unwrap_or(&f.path).display()
    )
}

/// Every problem of the tree at `src`, one paragraph each.
fn problems(src: &Path) -> Vec<String> {
    let files = files(src);
    let imports = imports(&files);
    let at = |imp: &Import| {
        format!(
            "{}:{} imports {}",
            shown(&files[imp.from], src),
            imp.line,
            imp.written
        )
    };
    let mut out = Vec::new();
    // Every top-level module sits in a layer.
    for f in &files {
        if f.module.len() == 1 && layer_of(&f.module).is_none() {
            out.push(format!(
                "{}: the module `{}` is in no layer: add it to LAYERS in tests/layers/main.rs ({})",
                shown(f, src),
                f.module[0],
                layer_names()
            ));
        }
    }
    // Imports point down.
    for imp in &imports {
        let from = &files[imp.from].module;
        if let (Some(a), Some(b)) = (layer_of(from), layer_of(&imp.target))
            && b > a
        {
            out.push(format!(
                "{}: an upward import: `{}` is in a lower layer than `{}` ({})",
                at(imp),
                from[0],
                imp.target[0],
                layer_names()
            ));
        }
    }
    let mut known_seen = BTreeSet::new();
    out.extend(module_cycles(&files, &imports, &at, &mut known_seen));
    out.extend(file_cycles(&files, &imports, src, &at, &mut known_seen));
    for k in KNOWN_CYCLES {
        let here = k
            .iter()
            .all(|m| files.iter().any(|f| f.module.join("::") == *m));
        if here && !known_seen.contains(k) {
            out.push(format!(
                "{} no longer import each other: remove them from KNOWN_CYCLES in tests/layers/main.rs",
                k.join(" and ")
            ));
        }
    }
    out
}

type Known = BTreeSet<&'static [&'static str]>;

/// Cycles between sibling modules: an import is an edge where the two module paths part.
fn module_cycles(
    files: &[File],
    imports: &[Import],
    at: &dyn Fn(&Import) -> String,
    known_seen: &mut Known,
) -> Vec<String> {
    let mut siblings: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut example: BTreeMap<(Vec<String>, String, String), &Import> = BTreeMap::new();
    for imp in imports {
        let from = &files[imp.from].module;
        let to = &imp.target;
        let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
        if common < from.len() && common < to.len() {
            let parent = from[..common].to_vec();
            let (a, b) = (from[common].clone(), to[common].clone());
            siblings
                .entry(parent.clone())
                .or_default()
                .entry(a.clone())
                .or_default()
                .insert(b.clone());
            example.entry((parent, a, b)).or_insert(imp);
        }
    }
    let mut out = Vec::new();
    for (parent, edges) in &siblings {
        for cycle in cycles(edges) {
            let name = |m: &str| {
                let mut p = parent.clone();
                p.push(m.to_string());
                p.join("::")
            };
            let names: Vec<String> = cycle.iter().map(|m| name(m)).collect();
            if let Some(k) = known(&names) {
                known_seen.insert(k);
                continue;
            }
            let mut msg = format!("a cycle between modules: {}", names.join(", "));
            for a in &cycle {
                for b in edges[a].iter().filter(|b| cycle.contains(b)) {
                    let imp = example[&(parent.clone(), a.clone(), b.clone())];
                    let _ = write!(msg, "\n    {} → {}: {}", name(a), name(b), at(imp));
                }
            }
            out.push(msg);
        }
    }
    out
}

/// Cycles between files.
fn file_cycles(
    files: &[File],
    imports: &[Import],
    src: &Path,
    at: &dyn Fn(&Import) -> String,
    known_seen: &mut Known,
) -> Vec<String> {
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut first: BTreeMap<(usize, usize), &Import> = BTreeMap::new();
    for imp in imports {
        if imp.from != imp.target_file {
            edges.entry(imp.from).or_default().insert(imp.target_file);
            first.entry((imp.from, imp.target_file)).or_insert(imp);
        }
    }
    let mut out = Vec::new();
    for cycle in cycles(&edges) {
        let names: Vec<String> = cycle.iter().map(|f| files[*f].module.join("::")).collect();
        if let Some(k) = known(&names) {
            known_seen.insert(k);
            continue;
        }
        let shown_all: Vec<String> = cycle.iter().map(|f| shown(&files[*f], src)).collect();
        let mut msg = format!("a cycle between files: {}", shown_all.join(", "));
        for a in &cycle {
            for b in edges[a].iter().filter(|b| cycle.contains(b)) {
                let _ = write!(msg, "\n    {}", at(first[&(*a, *b)]));
            }
        }
        out.push(msg);
    }
    out
}

#[test]
fn the_layers_point_down_and_nothing_imports_in_a_circle() {
    let src = main_src();
    let found = problems(&src);
    assert!(
        found.is_empty(),
        "{} problem(s) in the layers of {}:\n\n{}\n",
        found.len(),
        src.display(),
        found.join("\n\n")
    );
}

#[test]
fn an_upward_import_and_a_cycle_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("model")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod model;\npub mod rules;\n").unwrap();
    std::fs::write(src.join("model/mod.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(src.join("model/a.rs"), "use super::b::X;\npub struct Y;\n").unwrap();
    std::fs::write(
        src.join("model/b.rs"),
        "pub struct X;\nfn f() { crate::model::a::Y; crate::rules::go(); }\n",
    )
    .unwrap();
    std::fs::write(src.join("rules.rs"), "pub fn go() {}\n").unwrap();
    let found = problems(src);
    let text = found.join("\n");
    assert!(
        text.contains("src/model/b.rs:2 imports crate::rules::go: an upward import"),
        "{text}"
    );
    assert!(
        text.contains("a cycle between modules: model::a, model::b"),
        "{text}"
    );
    assert!(
        text.contains("a cycle between files: src/model/a.rs, src/model/b.rs"),
        "{text}"
    );
    assert!(
        text.contains("src/model/a.rs:1 imports super::b::X"),
        "{text}"
    );
}

#[test]
fn no_file_over_600_lines_and_no_function_over_80_without_a_reason() {
    let src = main_src();
    let found = size::offenders(&src);
    assert!(
        found.is_empty(),
        "{} file(s) and function(s) in {} over the size limits without a reason:\n\n{}\n",
        found.len(),
        src.display(),
        found
            .iter()
            .map(|o| format!("  {}", o.describe()))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_long_file_or_function_is_named_unless_it_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let body = |n: usize| "    let _ = 1;\n".repeat(n);
    // 82 lines from `fn` to its brace: over; 80: not.
    let long_fn = format!("fn long() {{\n{}}}\n", body(80));
    let short_fn = format!("fn short() {{\n{}}}\n", body(78));
    let excused = format!(
        "/// Does a thing.\n// Long because: one table, read top to bottom.\n#[allow(dead_code)]\nfn excused() {{\n{}}}\n",
        body(90)
    );
    // A `{` in a string and a nested function do not end the count early; a name with å/ä/ö
    // is read whole.
    let tricky = format!(
        "fn yttre_förälder() {{\n    let s = \"}}\";\n    fn inner() {{}}\n{}}}\n",
        body(85)
    );
    std::fs::write(
        src.join("lib.rs"),
        format!("//! The crate.\n{long_fn}{short_fn}{excused}{tricky}"),
    )
    .unwrap();
    std::fs::create_dir(src.join("big")).unwrap();
    std::fs::write(src.join("big/plain.rs"), "\n".repeat(601)).unwrap();
    std::fs::write(
        src.join("big/said.rs"),
        format!(
            "//! A table.\n//! Long because: the table is one list.\n{}",
            "\n".repeat(700)
        ),
    )
    .unwrap();
    let found: Vec<String> = size::offenders(src).iter().map(|o| o.describe()).collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("src/big/plain.rs: 601 lines (over 600)"),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("src/lib.rs:2: fn long is 82 lines (over 80)"),
        "{found:#?}"
    );
    assert!(found[2].starts_with("src/lib.rs:"), "{found:#?}");
    assert!(
        found[2].contains("fn yttre_förälder is 89 lines"),
        "{found:#?}"
    );
}
