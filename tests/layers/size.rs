//! The size rules of `src/`: a file over [`MAX_FILE_LINES`] lines or a function over
//! [`MAX_FN_LINES`] lines must say why, with [`MARKER`]:
//! - a file in its module doc (the `//!` lines it starts with): `//! Long because: …`;
//! - a function in the comment lines right above it (its doc or a plain comment, among its
//!   attributes): `// Long because: …`.
//!
//! A function's length is counted from the line of its `fn` to the line of its closing brace;
//! functions in test modules count too. Every `.rs` file under `src/` is read (not only those
//! of the library), so `main.rs` and files no `mod` names yet are held to it as well.

use std::path::{Path, PathBuf};

use crate::read::{is_ident, strip};

pub const MAX_FILE_LINES: usize = 600;
pub const MAX_FN_LINES: usize = 80;
/// What a file's module doc or the comment above a function says to be let off.
pub const MARKER: &str = "Long because:";

/// One file or function over its limit without a reason.
pub struct Offender {
    /// `src/…` as shown.
    pub file: String,
    /// The function's name and line, or None for the file itself.
    pub function: Option<(String, usize)>,
    pub lines: usize,
}

impl Offender {
    pub fn describe(&self) -> String {
        match &self.function {
            None => format!(
                "{}: {} lines (over {MAX_FILE_LINES}): split it along a seam, or state why \
                 in its module doc: `//! {MARKER} …`",
                self.file, self.lines
            ),
            Some((name, line)) => format!(
                "{}:{line}: fn {name} is {} lines (over {MAX_FN_LINES}): split it, or state \
                 why in a comment right above it: `// {MARKER} …`",
                self.file, self.lines
            ),
        }
    }
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Whether the file's module doc (its first `//!` lines) states a reason.
fn file_says_why(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("//!"))
        .any(|l| l.contains(MARKER))
}

/// Whether the comment lines right above line `fn_line` (0-based; attributes and doc lines
/// between count as above) state a reason.
fn function_says_why(lines: &[&str], fn_line: usize) -> bool {
    lines[..fn_line]
        .iter()
        .rev()
        .map(|l| l.trim_start())
        .take_while(|l| l.starts_with("//") || l.starts_with("#[") || l.starts_with(")]"))
        .any(|l| l.starts_with("//") && l.contains(MARKER))
}

/// The functions of a file: (name, first line, last line), 0-based, from its code with
/// comments and literals blanked out.
pub fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let c: Vec<char> = code.chars().collect();
    let line_at = |i: usize| c[..i].iter().filter(|ch| **ch == '\n').count();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < c.len() {
        let word = c[i] == 'f'
            && c[i + 1] == 'n'
            && (i == 0 || !is_ident(c[i - 1]))
            && c[i + 2].is_whitespace();
        if !word {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < c.len() && c[j].is_whitespace() {
            j += 1;
        }
        let name: String = c[j..].iter().take_while(|ch| is_ident(**ch)).collect();
        if name.is_empty() {
            i += 2;
            continue;
        }
        // The body: the first `{` outside the signature's brackets, unless a `;` ends it first
        // (a declaration without a body).
        let mut depth = 0i32;
        let mut open = None;
        let mut k = j + name.chars().count();
        while k < c.len() {
            match c[k] {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ';' if depth == 0 => break,
                '{' if depth == 0 => {
                    open = Some(k);
                    break;
                }
                _ => {}
            }
            k += 1;
        }
        let Some(open) = open else {
            i = k.max(i + 2);
            continue;
        };
        let mut depth = 0;
        let mut close = c.len() - 1;
        for (m, ch) in c.iter().enumerate().skip(open) {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = m;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, line_at(i), line_at(close)));
        // Go on inside the body: a function may hold functions of its own.
        i = open + 1;
    }
    out
}

/// Every file and function of the tree at `src` over its limit without a reason.
pub fn offenders(src: &Path) -> Vec<Offender> {
    let mut out = Vec::new();
    for path in rust_files(src) {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = format!("src/{}", path.strip_prefix(src).unwrap_or(&path).display());
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > MAX_FILE_LINES && !file_says_why(&text) {
            out.push(Offender {
                file: file.clone(),
                function: None,
                lines: lines.len(),
            });
        }
        for (name, first, last) in functions(&strip(&text)) {
            let n = last - first + 1;
            if n > MAX_FN_LINES && !function_says_why(&lines, first) {
                out.push(Offender {
                    file: file.clone(),
                    function: Some((name, first + 1)),
                    lines: n,
                });
            }
        }
    }
    out
}
