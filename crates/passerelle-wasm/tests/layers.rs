//! The wasm crate's two parts (docs/ARCHITECTURE.md, "The wasm crate"),
//! read from the sources as rust-analyzer's tidy tests do (native test):
//! `api/` knows nothing of `ui/`; the shared modules of `ui/` know no
//! widget; a widget's folder uses no other widget's internals (only its
//! public widget type); no file is in an import cycle.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The folders of `ui/` that are widgets (custom elements). Every other
/// module of `ui/` is shared by them.
const WIDGETS: [&str; 4] = ["diagnostic", "orientation", "parcours", "plan"];

/// The folders of `ui/` that are shared parts with a folder of their own
/// (for their style sheet): listed, so that a new folder is sorted here
/// or in [`WIDGETS`] on purpose.
const SHARED_FOLDERS: [&str; 1] = ["alerts"];

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

/// `text` without its test modules (tests may use anything) and without
/// comments.
fn code(text: &str) -> String {
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

/// The module path of a file: `src/ui/plan/draw.rs` → `ui::plan::draw`.
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

fn is_path_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == ':'
}

/// The paths `crate::…` and `super::…` that `text` names, as module paths
/// from the crate root; one level of braces is opened
/// (`use crate::ui::{dom, parts}` → `ui::dom`, `ui::parts`).
fn named_paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
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

/// The names lib.rs re-exports, each with the path it stands for
/// (`pub use ui::words::{self, WidgetText};` makes `crate::WidgetText`
/// mean `ui::words::WidgetText`).
fn root_aliases() -> BTreeMap<String, Vec<String>> {
    let lib = code(&fs::read_to_string(src().join("lib.rs")).unwrap());
    let mut aliases = BTreeMap::new();
    for statement in lib.split(';') {
        // A statement may follow a function's closing brace.
        let Some((_, path)) = statement.split_once("pub use ") else {
            continue;
        };
        let path: String = path.chars().filter(|c| !c.is_whitespace()).collect();
        let (prefix, names) = match path.split_once("::{") {
            Some((prefix, names)) => (prefix.to_owned(), names.trim_end_matches('}').to_owned()),
            None => match path.rsplit_once("::") {
                Some((prefix, name)) => (prefix.to_owned(), name.to_owned()),
                None => continue,
            },
        };
        for name in names.split(',').filter(|name| !name.is_empty()) {
            let mut full: Vec<String> = prefix.split("::").map(str::to_owned).collect();
            if name == "self" {
                let last = full.last().cloned().unwrap_or_default();
                aliases.insert(last, full);
                continue;
            }
            full.push(name.to_owned());
            aliases.insert(name.to_owned(), full);
        }
    }
    aliases
}

/// `path` with its first segment's re-export followed.
fn resolve(mut path: Vec<String>, aliases: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    if let Some(full) = path.first().and_then(|first| aliases.get(first)) {
        path.splice(0..1, full.iter().cloned());
    }
    path
}

/// The widget folder a module is in, if any: `ui::plan::draw` → `plan`.
fn widget_of(module: &[String]) -> Option<&str> {
    match module {
        [ui, folder, ..] if ui == "ui" => WIDGETS.iter().copied().find(|w| w == folder),
        _ => None,
    }
}

/// The uses that break the two parts' invariants, each with its file and
/// line, and the import cycles between files.
fn faults() -> Vec<String> {
    let mut all = Vec::new();
    files(&src(), &mut all);
    all.sort();
    let aliases = root_aliases();
    let modules: BTreeSet<Vec<String>> = all.iter().map(|file| module_of(file)).collect();
    let mut faults = Vec::new();
    for entry in fs::read_dir(src().join("ui")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir()
            && !WIDGETS.contains(&name.as_str())
            && !SHARED_FOLDERS.contains(&name.as_str())
        {
            faults.push(format!(
                "ui/{name}/ is neither a widget nor a shared folder"
            ));
        }
    }
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &all {
        let module = module_of(file);
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(src()).unwrap().display().to_string();
        for (number, line) in code(&text).lines().enumerate() {
            for path in named_paths(line, &module) {
                let path = resolve(path, &aliases);
                let at = format!("{shown}:{}: {}", number + 1, line.trim());
                let in_api = module.first().is_some_and(|m| m == "api");
                if in_api && path.first().is_some_and(|p| p == "ui") {
                    faults.push(format!("{at}: api/ uses ui/"));
                }
                if let Some(used) = widget_of(&path) {
                    let public_type = path.len() == 3 && path[2].ends_with("Widget");
                    match widget_of(&module) {
                        Some(own) if own == used => {}
                        Some(own) if !public_type => faults.push(format!(
                            "{at}: the {own} widget uses the {used} widget's internals"
                        )),
                        None if module.first().is_some_and(|m| m == "ui") => faults.push(format!(
                            "{at}: a shared module of ui/ uses the {used} widget"
                        )),
                        _ => {}
                    }
                }
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
    faults.extend(cycles(&edges));
    faults
}

/// The import cycles of `edges`, each as `a -> b -> a`.
fn cycles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<String> {
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
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

#[test]
fn api_knows_no_widget_and_no_widget_uses_another_ones_internals() {
    let faults = faults();
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_reader_sees_the_uses_that_would_break_the_parts() {
    let module = |p: &str| p.split("::").map(str::to_owned).collect::<Vec<_>>();
    // An upward use from api/, braces opened.
    let found = named_paths(
        "use crate::ui::{dom, widget::Widget};",
        &module("api::engine"),
    );
    assert_eq!(found, vec![module("ui::dom"), module("ui::widget::Widget")]);
    // `super::` from a widget's file is its folder.
    let found = named_paths("use super::PlanView;", &module("ui::plan::draw"));
    assert_eq!(found, vec![module("ui::plan::PlanView")]);
    // A widget's public type is allowed from another widget; its
    // internals are not.
    assert_eq!(widget_of(&module("ui::plan::state")), Some("plan"));
    assert_eq!(widget_of(&module("ui::alerts")), None);
    // lib.rs's re-exports are followed.
    let aliases = root_aliases();
    assert_eq!(
        resolve(module("WidgetText"), &aliases),
        module("ui::words::WidgetText")
    );
    assert_eq!(
        resolve(module("Engine"), &aliases),
        module("api::engine::Engine")
    );
}
