//! The core's folders are its layers, lowest first (docs/ARCHITECTURE.md,
//! "Layers"): each uses only the ones listed before it, and no file is
//! in an import cycle. Read from the sources, as rust-analyzer's tidy
//! tests do: a `use` that goes up a layer fails here, with the line.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first: each folder of `src/` is one.
const LAYERS: [&str; 9] = [
    "base",
    "text",
    "vocabulary",
    "rules",
    "catalogue",
    "orientation",
    "questionnaire",
    "plan",
    "exports",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `folder`.
fn files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// `text` without its `#[cfg(test)]` modules (tests may use any layer)
/// and without comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
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

/// The module path of a file: `src/rules/program.rs` → `rules::program`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).unwrap().with_extension("");
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

/// The paths `crate::…` and `super::…` that `text` names, as module paths
/// from the crate root (`use crate::rules::{Condition, Zone}` →
/// `rules::Condition`, `rules::Zone`; braces are opened one level).
fn named_paths(text: &str, module: &[String], is_mod_file: bool) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = text;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            rest = &rest[at..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                rest = &rest[start.len()..];
                continue;
            }
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path = &rest[..end];
            let mut segments: Vec<String> = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if segments.first().is_some_and(|s| s == "crate") {
                segments.remove(0);
            } else {
                // `super::` from `a/b.rs` (module a::b) is `a`; from `a/mod.rs` (module a) the crate root.
                let mut base = module.to_vec();
                if !is_mod_file || !base.is_empty() {
                    base.pop();
                }
                while segments.first().is_some_and(|s| s == "super") {
                    segments.remove(0);
                }
                base.extend(segments);
                segments = base;
            }
            found.push(segments);
            rest = &rest[end..];
        }
    }
    found
}

/// The names the crate root re-exports, each with the path it stands
/// for: lib.rs's `pub use vocabulary::{facts, geo};` makes `crate::facts`
/// mean `vocabulary::facts`, and `pub use diagnosis::Diagnosis;` makes
/// `crate::Diagnosis` mean `questionnaire::diagnosis::Diagnosis`.
fn root_aliases() -> BTreeMap<String, Vec<String>> {
    let lib = code(&fs::read_to_string(src().join("lib.rs")).unwrap());
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for statement in lib.split(';') {
        let statement = statement.trim();
        let Some(at) = statement.find("use ") else {
            continue;
        };
        if !statement[..at].trim_start().starts_with("pub") {
            continue;
        }
        let path: String = statement[at + 4..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (prefix, names) = match path.split_once("::{") {
            Some((prefix, names)) => (prefix, names.trim_end_matches('}').to_owned()),
            None => match path.rsplit_once("::") {
                Some((prefix, name)) => (prefix, name.to_owned()),
                None => continue,
            },
        };
        let prefix: Vec<String> = prefix.split("::").map(str::to_owned).collect();
        for name in names.split(',').filter(|name| !name.is_empty()) {
            let (name, alias) = match name.split_once(" as ") {
                Some((name, alias)) => (name, alias),
                None => (name, name),
            };
            let mut full = prefix.clone();
            full.push(name.to_owned());
            aliases.insert(alias.to_owned(), full);
        }
    }
    aliases
}

/// `path` from the crate root with its first segment's re-exports
/// followed to where the item is defined or declared.
fn resolve(mut path: Vec<String>, aliases: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    for _ in 0..8 {
        let Some(full) = path.first().and_then(|first| aliases.get(first)) else {
            break;
        };
        path.splice(0..1, full.iter().cloned());
    }
    path
}

#[test]
fn the_root_aliases_are_read() {
    let aliases = root_aliases();
    let path = |p: &str| p.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        resolve(path("facts::Fact"), &aliases),
        path("vocabulary::facts::Fact")
    );
    assert_eq!(
        resolve(path("Message"), &aliases),
        path("exports::messages::Message")
    );
    assert_eq!(resolve(path("Locale"), &aliases), path("text::Locale"));
}

#[test]
fn each_layer_uses_only_the_layers_below_it_and_no_file_is_in_a_cycle() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    all.sort();
    let layer_of = |segments: &[String]| {
        LAYERS
            .iter()
            .position(|layer| segments.first().is_some_and(|s| s == layer))
    };
    let aliases = root_aliases();
    let mut problems = Vec::new();
    // Every file is in a layer (lib.rs only re-exports).
    for file in &all {
        let module = module_of(file);
        if module.is_empty() {
            continue;
        }
        if layer_of(&module).is_none() {
            problems.push(format!("{} is in no layer folder", file.display()));
        }
    }
    // The modules that are files, to tell a module from an item.
    let modules: BTreeSet<Vec<String>> = all.iter().map(|file| module_of(file)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &all {
        let module = module_of(file);
        let Some(own) = layer_of(&module) else {
            continue;
        };
        let text = fs::read_to_string(file).unwrap();
        let is_mod_file = file.file_name().is_some_and(|name| name == "mod.rs");
        for (number, line) in code(&text).lines().enumerate() {
            for path in named_paths(line, &module, is_mod_file) {
                let path = resolve(path, &aliases);
                let Some(used) = layer_of(&path) else {
                    continue;
                };
                if used > own {
                    problems.push(format!(
                        "{}:{}: the {} layer uses the {} layer above it: {}",
                        file.strip_prefix(src()).unwrap().display(),
                        number + 1,
                        LAYERS[own],
                        LAYERS[used],
                        line.trim()
                    ));
                }
                // The longest prefix that is a module file. A file that
                // uses its folder's `mod.rs` counts too: a `mod.rs` that
                // holds code must not use its children back.
                let target = (1..=path.len())
                    .rev()
                    .map(|n| path[..n].to_vec())
                    .find(|prefix| modules.contains(prefix));
                if let Some(target) = target {
                    if target != module {
                        edges.entry(module.clone()).or_default().insert(target);
                    }
                }
            }
        }
    }
    // No cycle between files.
    let mut state: BTreeMap<Vec<String>, u8> = BTreeMap::new();
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
        cycles: &mut Vec<String>,
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
                cycles.push(names.join(" -> "));
                return;
            }
            _ => {}
        }
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, state, stack, cycles);
        }
        stack.pop();
        state.insert(node.clone(), 2);
    }
    let mut cycles = Vec::new();
    for node in edges.keys() {
        visit(node, &edges, &mut state, &mut Vec::new(), &mut cycles);
    }
    for cycle in cycles {
        problems.push(format!("import cycle: {cycle}"));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
