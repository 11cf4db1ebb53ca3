//! The reader: the files of the library and the `crate::`/`super::` paths in their code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One file of the library: its module path from the crate root and its text (comments and
/// literals blanked out, line breaks kept).
pub struct File {
    pub path: PathBuf,
    pub module: Vec<String>,
    pub code: String,
}

/// One import: the file it is in, its line, the path as written and the module it names.
#[derive(Clone)]
pub struct Import {
    pub from: usize,
    pub line: usize,
    pub written: String,
    pub target: Vec<String>,
    pub target_file: usize,
}

/// Blanks out comments, string literals and char literals (keeping line breaks), so that only
/// code is searched for paths.
pub fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let from = i;
        i = if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            line_comment(&c, i)
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            block_comment(&c, i)
        } else if let Some(end) = raw_string(&c, i) {
            end
        } else if c[i] == '"'
            || (c[i] == '\'' && (c.get(i + 1) == Some(&'\\') || c.get(i + 2) == Some(&'\'')))
        {
            // A string, or a char literal ('x', '\n', '\u{a0}') rather than a lifetime.
            quoted(&c, i)
        } else {
            out.push(c[i]);
            i += 1;
            continue;
        };
        out.extend(
            c[from..i]
                .iter()
                .map(|ch| if *ch == '\n' { '\n' } else { ' ' }),
        );
    }
    out
}

/// The end of the `//` comment at `i`.
fn line_comment(c: &[char], mut i: usize) -> usize {
    while i < c.len() && c[i] != '\n' {
        i += 1;
    }
    i
}

/// The end of the (nested) `/* */` comment at `i`.
fn block_comment(c: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    i.min(c.len())
}

/// The end of the raw string (`r"…"`, `r#"…"#`, `br"…"`) at `i`, if one starts there.
fn raw_string(c: &[char], i: usize) -> Option<usize> {
    let starts = c[i] == 'r'
        && (i == 0 || !is_ident(c[i - 1]) || (c[i - 1] == 'b' && (i < 2 || !is_ident(c[i - 2]))));
    if !starts {
        return None;
    }
    let mut j = i + 1;
    let mut hashes = 0;
    while c.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if c.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < c.len() {
        if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
            return Some((j + 1 + hashes).min(c.len()));
        }
        j += 1;
    }
    Some(c.len())
}

/// The end of the string or char literal at `i` (its quote is `c[i]`).
fn quoted(c: &[char], mut i: usize) -> usize {
    let quote = c[i];
    i += 1;
    while i < c.len() && c[i] != quote {
        i += if c[i] == '\\' { 2 } else { 1 };
    }
    (i + 1).min(c.len())
}

pub fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// The files of the library, from `lib.rs` through every `mod NAME;` (and its `#[path]`).
pub fn files(src: &Path) -> Vec<File> {
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
pub fn paths_at(code: &[char], start: usize) -> (Vec<Vec<String>>, usize) {
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

pub fn imports(files: &[File]) -> Vec<Import> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
