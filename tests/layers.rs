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
//! A parent's own `mod child;` and `pub use child::…` lines are not imports here: a folder
//! declares its parts. Set `LAYERS_SRC` to check another tree (`LAYERS_SRC=/path/to/src`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
const KNOWN_CYCLES: &[&[&str]] = &[
    // The import branch untangles acts.rs and kinds.rs (issue #26: src/import/ is its own).
    &["import::acts", "import::kinds"],
];

/// The entry of [`KNOWN_CYCLES`] that is exactly these modules.
fn known(names: &[String]) -> Option<&'static [&'static str]> {
    KNOWN_CYCLES
        .iter()
        .copied()
        .find(|k| k.len() == names.len() && k.iter().all(|m| names.iter().any(|n| n == m)))
}

/// One file of the library: its module path from the crate root and its text (comments and
/// literals blanked out, line breaks kept).
struct File {
    path: PathBuf,
    module: Vec<String>,
    code: String,
}

/// One import: the file it is in, its line, the path as written and the module it names.
#[derive(Clone)]
struct Import {
    from: usize,
    line: usize,
    written: String,
    target: Vec<String>,
    target_file: usize,
}

fn main_src() -> PathBuf {
    std::env::var_os("LAYERS_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// Blanks out comments, string literals and char literals (keeping line breaks), so that only
/// code is searched for paths.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            loop {
                if i >= c.len() {
                    break;
                }
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    blank(&mut out, c[i]);
                    blank(&mut out, c[i + 1]);
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    blank(&mut out, c[i]);
                    blank(&mut out, c[i + 1]);
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (i == 0 || !ident(c[i - 1]) || (c[i - 1] == 'b' && (i < 2 || !ident(c[i - 2]))))
            && matches!(c.get(i + 1), Some('"') | Some('#'))
        {
            // A raw string: r"…", r#"…"#, br"…".
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            out.push(' ');
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                blank(&mut out, c[j]);
                j += 1;
            }
            for _ in i + 1..(i + 1 + hashes + 1).min(j) {
                out.push(' ');
            }
            i = j;
        } else if c[i] == '"'
            || (c[i] == '\'' && (c.get(i + 1) == Some(&'\\') || c.get(i + 2) == Some(&'\'')))
        {
            // A string, or a char literal ('x', '\n', '\u{a0}') rather than a lifetime.
            let quote = c[i];
            blank(&mut out, c[i]);
            i += 1;
            while i < c.len() && c[i] != quote {
                if c[i] == '\\' {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            if i < c.len() {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// The files of the library, from `lib.rs` through every `mod NAME;` (and its `#[path]`).
fn files(src: &Path) -> Vec<File> {
    let mut out = Vec::new();
    let mut todo = vec![(src.join("lib.rs"), Vec::<String>::new())];
    while let Some((path, module)) = todo.pop() {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let code = strip(&text);
        let name = path.file_name().unwrap().to_str().unwrap();
        let dir = path.parent().unwrap();
        // Where a child's file is looked for: beside a mod.rs or lib.rs, else in the folder
        // named after the file.
        let own_dir = if name == "mod.rs" || name == "lib.rs" {
            dir.to_path_buf()
        } else {
            dir.join(name.trim_end_matches(".rs"))
        };
        for (child, attr) in mod_declarations(&text) {
            let file = match attr {
                Some(p) => dir.join(p),
                None => {
                    let flat = own_dir.join(format!("{child}.rs"));
                    if flat.exists() {
                        flat
                    } else {
                        own_dir.join(&child).join("mod.rs")
                    }
                }
            };
            let mut m = module.clone();
            m.push(child);
            todo.push((file, m));
        }
        out.push(File { path, module, code });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The `mod NAME;` lines of a file (not inline modules), with the `#[path = "…"]` before each.
fn mod_declarations(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut path_attr = None;
    for line in strip_keep_path_attr(text).lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("#[path") {
            let q: Vec<&str> = rest.split('"').collect();
            path_attr = q.get(1).map(|s| s.to_string());
            continue;
        }
        if t.starts_with("#[") {
            continue;
        }
        let decl = t
            .strip_prefix("pub(crate) mod ")
            .or_else(|| t.strip_prefix("pub(super) mod "))
            .or_else(|| t.strip_prefix("pub mod "))
            .or_else(|| t.strip_prefix("mod "));
        if let Some(d) = decl
            && let Some(name) = d.strip_suffix(';')
        {
            out.push((name.trim().to_string(), path_attr.take()));
            continue;
        }
        if !t.is_empty() {
            path_attr = None;
        }
    }
    out
}

/// The text without comments, but with the strings of `#[path = "…"]` kept.
fn strip_keep_path_attr(text: &str) -> String {
    let stripped = strip(text);
    text.lines()
        .zip(stripped.lines())
        .map(|(orig, code)| {
            if code.trim_start().starts_with("#[path") {
                orig
            } else {
                code
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path from `start` in `code`: `a::b::{c, d::{e, f}}` gives a::b::c, a::b::d::e and
/// a::b::d::f (`self` in a group names the path before it; `*` is dropped).
fn paths_at(code: &[char], start: usize) -> (Vec<Vec<String>>, usize) {
    let skip_ws = |mut i: usize| {
        while i < code.len() && code[i].is_whitespace() {
            i += 1;
        }
        i
    };
    let mut i = start;
    let mut prefix = Vec::new();
    loop {
        i = skip_ws(i);
        if i < code.len() && code[i] == '{' {
            let mut out = Vec::new();
            i += 1;
            loop {
                i = skip_ws(i);
                if i >= code.len() {
                    return (out, i);
                }
                if code[i] == '}' {
                    return (out, i + 1);
                }
                if code[i] == ',' {
                    i += 1;
                    continue;
                }
                if code[i] == '*' {
                    i += 1;
                    continue;
                }
                let (inner, next) = paths_at(code, i);
                for p in inner {
                    let mut full = prefix.clone();
                    if p != ["self"] {
                        full.extend(p);
                    }
                    out.push(full);
                }
                // Skip `as name` and anything else up to the next item.
                i = next;
                while i < code.len() && code[i] != ',' && code[i] != '}' {
                    if code[i] == '{' {
                        break;
                    }
                    i += 1;
                }
            }
        }
        let s = i;
        while i < code.len() && is_ident(code[i]) {
            i += 1;
        }
        if s == i {
            return (vec![prefix], i);
        }
        prefix.push(code[s..i].iter().collect());
        let j = skip_ws(i);
        if code.get(j) == Some(&':') && code.get(j + 1) == Some(&':') {
            i = j + 2;
        } else {
            return (vec![prefix], i);
        }
    }
}

/// The inline modules (`mod tests { … }`) around each position: a list of (name, where its
/// block opens, where it closes).
fn inline_modules(code: &[char]) -> Vec<(String, usize, usize)> {
    let text: String = code.iter().collect();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find("mod ") {
        let at = from + k;
        from = at + 4;
        let before = text[..at].chars().next_back();
        if before.is_some_and(is_ident) {
            continue;
        }
        let rest = &text[at + 4..];
        let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
        let after = rest[name.len()..].trim_start();
        if name.is_empty() || !after.starts_with('{') {
            continue;
        }
        let open = at + 4 + name.len() + (rest.len() - name.len() - after.len());
        // Find the matching brace (char indices equal byte indices only for ASCII, so count
        // in chars).
        let open_c = text[..open].chars().count();
        let mut depth = 0;
        let mut close_c = code.len();
        for (j, ch) in code.iter().enumerate().skip(open_c) {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close_c = j;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, open_c, close_c));
    }
    out
}

fn imports(files: &[File]) -> Vec<Import> {
    let by_module: BTreeMap<&[String], usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.as_slice(), i))
        .collect();
    let mut out = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        let code: Vec<char> = f.code.chars().collect();
        let inline = inline_modules(&code);
        let mut i = 0;
        while i < code.len() {
            let at_word = i == 0 || !(is_ident(code[i - 1]) || code[i - 1] == ':');
            let word = ["crate", "super"].into_iter().find(|w| {
                let n = w.len();
                at_word
                    && code[i..].len() > n + 2
                    && code[i..i + n].iter().copied().eq(w.chars())
                    && code[i + n] == ':'
                    && code[i + n + 1] == ':'
            });
            let Some(word) = word else {
                i += 1;
                continue;
            };
            let line = code[..i].iter().filter(|c| **c == '\n').count() + 1;
            let (paths, next) = paths_at(&code, i);
            let mut here = f.module.clone();
            here.extend(
                inline
                    .iter()
                    .filter(|(_, open, close)| *open < i && i < *close)
                    .map(|(name, _, _)| name.clone()),
            );
            for p in paths {
                let mut abs = if word == "crate" {
                    Vec::new()
                } else {
                    here.clone()
                };
                let mut rest = &p[1..];
                if word == "super" {
                    abs.pop();
                    while rest.first().is_some_and(|s| s == "super") {
                        abs.pop();
                        rest = &rest[1..];
                    }
                }
                abs.extend(rest.iter().cloned());
                // The deepest module of the library the path names.
                let (target, target_file) = (0..=abs.len())
                    .rev()
                    .find_map(|n| by_module.get(&abs[..n]).map(|fi| (abs[..n].to_vec(), *fi)))
                    .expect("the crate root is a module");
                out.push(Import {
                    from: fi,
                    line,
                    written: p.join("::"),
                    target,
                    target_file,
                });
            }
            i = next.max(i + 1);
        }
    }
    out
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
                "{}: the module `{}` is in no layer: add it to LAYERS in tests/layers.rs ({})",
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

    // No cycle between sibling modules: an edge where the two paths part.
    let mut siblings: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut example: BTreeMap<(Vec<String>, String, String), &Import> = BTreeMap::new();
    for imp in &imports {
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
    let mut known_seen = BTreeSet::new();
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
            let mut msg = format!(
                "a cycle between modules: {}",
                cycle.iter().map(|m| name(m)).collect::<Vec<_>>().join(", ")
            );
            for a in &cycle {
                for b in edges[a].iter().filter(|b| cycle.contains(b)) {
                    let imp = example[&(parent.clone(), a.clone(), b.clone())];
                    let _ = write!(msg, "\n    {} → {}: {}", name(a), name(b), at(imp));
                }
            }
            out.push(msg);
        }
    }

    // No cycle between files.
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut first: BTreeMap<(usize, usize), &Import> = BTreeMap::new();
    for imp in &imports {
        if imp.from != imp.target_file {
            edges.entry(imp.from).or_default().insert(imp.target_file);
            first.entry((imp.from, imp.target_file)).or_insert(imp);
        }
    }
    for cycle in cycles(&edges) {
        let names: Vec<String> = cycle.iter().map(|f| files[*f].module.join("::")).collect();
        if let Some(k) = known(&names) {
            known_seen.insert(k);
            continue;
        }
        let mut msg = format!(
            "a cycle between files: {}",
            cycle
                .iter()
                .map(|f| shown(&files[*f], src))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for a in &cycle {
            for b in edges[a].iter().filter(|b| cycle.contains(b)) {
                let _ = write!(msg, "\n    {}", at(first[&(*a, *b)]));
            }
        }
        out.push(msg);
    }
    for k in KNOWN_CYCLES {
        let here = k
            .iter()
            .all(|m| files.iter().any(|f| f.module.join("::") == *m));
        if here && !known_seen.contains(k) {
            out.push(format!(
                "{} no longer import each other: remove them from KNOWN_CYCLES in tests/layers.rs",
                k.join(" and ")
            ));
        }
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
fn the_reader_finds_paths_in_code_only() {
    let code = strip(
        "use crate::a::{b, c::{d, self}}; // crate::x::y\nlet s = \"crate::q::r\";\n\
         let c = '{'; f(crate::e::f(1)); /* crate::z */ r#\"crate::w\"#",
    );
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(k) = code[i..].find("crate::") {
        let at = i + k;
        let c = code[..at].chars().count();
        found.extend(paths_at(&chars, c).0.into_iter().map(|p| p.join("::")));
        i = at + 1;
    }
    assert_eq!(
        found,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c",
            "crate::e::f"
        ]
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
