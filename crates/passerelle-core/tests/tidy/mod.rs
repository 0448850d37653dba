//! Reading a crate's sources for its tidy tests, as rust-analyzer's do:
//! the files, their code without tests and comments, the module paths
//! they use, the crate root's re-exports, and the import cycles. Shared
//! by `crates/passerelle-core/tests/layers.rs` and
//! `crates/passerelle-wasm/tests/layers.rs` (`#[path]`).

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The uses between module files: module → the modules it uses.
pub type Edges = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;

/// Every `.rs` file under `folder`, sorted.
pub fn files(folder: &Path) -> Vec<PathBuf> {
    fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(folder, &mut found);
    found.sort();
    found
}

/// `text` without its test module (tests may use anything) and without
/// comments.
pub fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(start) => &text[..start],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of `file` under `src`: `src/rules/program.rs` →
/// `rules::program`, `src/ui/plan/mod.rs` → `ui::plan`.
pub fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        parts.pop();
    }
    parts
}

fn is_path_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ':'
}

/// The paths `crate::…` and `super::…` that `text` names, as module paths
/// from the crate root, seen from `module`; one level of braces is opened
/// (`use crate::ui::{dom, parts}` → `ui::dom`, `ui::parts`).
pub fn named_paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = text;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            rest = &rest[at..];
            if before.is_some_and(is_path_char) {
                rest = &rest[start.len()..];
                continue;
            }
            let end = rest.find(|c| !is_path_char(c)).unwrap_or(rest.len());
            let prefix = &rest[..end];
            let mut paths = vec![prefix.to_owned()];
            if rest[end..].starts_with('{') {
                if let Some(close) = rest[end..].find('}') {
                    paths = rest[end + 1..end + close]
                        .split(',')
                        .map(|name| format!("{prefix}{}", name.trim()))
                        .collect();
                }
            }
            for path in paths {
                let mut segments: Vec<String> = path
                    .split("::")
                    .map(|s| s.split(' ').next().unwrap_or_default())
                    .filter(|s| !s.is_empty() && *s != "self" && *s != "*")
                    .map(str::to_owned)
                    .collect();
                if segments.first().is_some_and(|s| s == "crate") {
                    segments.remove(0);
                } else {
                    // `super::` from `a/b.rs` (module a::b) is `a`; from
                    // `a/mod.rs` (module a) the crate root.
                    let mut base = module.to_vec();
                    while segments.first().is_some_and(|s| s == "super") {
                        segments.remove(0);
                        base.pop();
                    }
                    base.extend(segments);
                    segments = base;
                }
                found.push(segments);
            }
            rest = &rest[end..];
        }
    }
    found
}

/// The names the crate root (`src/lib.rs`) re-exports, each with the path
/// it stands for: `pub use vocabulary::{facts, geo};` makes `crate::facts`
/// mean `vocabulary::facts`; `pub use ui::words::{self, WidgetText};`
/// makes `crate::words` mean `ui::words`.
pub fn root_aliases(src: &Path) -> BTreeMap<String, Vec<String>> {
    let lib = code(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut aliases = BTreeMap::new();
    for statement in lib.split(';') {
        // A statement may follow a function's closing brace.
        let Some((_, path)) = statement.split_once("pub use ") else {
            continue;
        };
        let path = path.split_whitespace().collect::<Vec<_>>().join(" ");
        let path = [
            (" ::", "::"),
            (":: ", "::"),
            ("{ ", "{"),
            (" }", "}"),
            (" ,", ","),
            (", ", ","),
        ]
        .iter()
        .fold(path, |path, (from, to)| path.replace(from, to));
        let (prefix, names) = match path.split_once("::{") {
            Some((prefix, names)) => (prefix.to_owned(), names.trim_end_matches('}').to_owned()),
            None => match path.rsplit_once("::") {
                Some((prefix, name)) => (prefix.to_owned(), name.to_owned()),
                None => continue,
            },
        };
        let prefix: Vec<String> = prefix.split("::").map(str::to_owned).collect();
        for name in names.split(',').filter(|name| !name.is_empty()) {
            if name == "self" {
                let last = prefix.last().cloned().unwrap_or_default();
                aliases.insert(last, prefix.clone());
                continue;
            }
            // `a::{b::C, d::E as F}`: each name may be a path of its own.
            let (name, alias) = name.split_once(" as ").unwrap_or((name, name));
            let alias = alias.rsplit("::").next().unwrap_or(alias);
            let mut full = prefix.clone();
            full.extend(name.split("::").map(str::to_owned));
            aliases.insert(alias.to_owned(), full);
        }
    }
    aliases
}

/// `path` from the crate root with its first segment's re-exports
/// followed to where the item is defined or declared.
pub fn resolve(mut path: Vec<String>, aliases: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    for _ in 0..8 {
        let Some(full) = path.first().and_then(|first| aliases.get(first)) else {
            break;
        };
        if full.first() == path.first() {
            break;
        }
        path.splice(0..1, full.iter().cloned());
    }
    path
}

/// Records that `module` uses `path`: the longest prefix of `path` that is
/// a module file. A file that uses its folder's `mod.rs` counts too: a
/// `mod.rs` that holds code must not use its children back.
pub fn add_edge(
    edges: &mut Edges,
    modules: &BTreeSet<Vec<String>>,
    module: &[String],
    path: &[String],
) {
    let target = (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix));
    if let Some(target) = target {
        if target != module {
            edges.entry(module.to_vec()).or_default().insert(target);
        }
    }
}

/// The import cycles of `edges`, each as `import cycle: a -> b -> a`.
pub fn cycles(edges: &Edges) -> Vec<String> {
    fn visit(
        node: &Vec<String>,
        edges: &Edges,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
        found: &mut Vec<String>,
    ) {
        match state.get(node) {
            Some(2) => return,
            Some(1) => {
                let from = stack.iter().position(|n| n == node).unwrap_or(0);
                let names: Vec<String> = stack[from..]
                    .iter()
                    .chain([node])
                    .map(|n| n.join("::"))
                    .collect();
                found.push(format!("import cycle: {}", names.join(" -> ")));
                return;
            }
            _ => {}
        }
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, state, stack, found);
        }
        stack.pop();
        state.insert(node.clone(), 2);
    }
    let mut state = BTreeMap::new();
    let mut found = Vec::new();
    for node in edges.keys() {
        visit(node, edges, &mut state, &mut Vec::new(), &mut found);
    }
    found
}
