//! The core's folders are its layers, lowest first (docs/ARCHITECTURE.md,
//! "Layers"): each uses only the ones listed before it, and no file is
//! in an import cycle. Read from the sources, as rust-analyzer's tidy
//! tests do: a `use` that goes up a layer fails here, with the line.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first: each folder of `src/` is one.
const LAYERS: [&str; 10] = [
    "base",
    "text",
    "vocabulary",
    "rules",
    "catalogue",
    "orientation",
    "questionnaire",
    "plan",
    "caseload",
    "exports",
];

mod tidy;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn module_of(file: &Path) -> Vec<String> {
    tidy::module_of(file, &src())
}

#[test]
fn the_root_aliases_are_read() {
    let aliases = tidy::root_aliases(&src());
    let path = |p: &str| p.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        tidy::resolve(path("facts::Fact"), &aliases),
        path("vocabulary::facts::Fact")
    );
    assert_eq!(
        tidy::resolve(path("Message"), &aliases),
        path("exports::messages::Message")
    );
    assert_eq!(
        tidy::resolve(path("Locale"), &aliases),
        path("text::Locale")
    );
}

#[test]
fn each_layer_uses_only_the_layers_below_it_and_no_file_is_in_a_cycle() {
    let all = tidy::files(&src());
    let layer_of = |segments: &[String]| {
        LAYERS
            .iter()
            .position(|layer| segments.first().is_some_and(|s| s == layer))
    };
    let aliases = tidy::root_aliases(&src());
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
    let mut edges = tidy::Edges::new();
    for file in &all {
        let module = module_of(file);
        let Some(own) = layer_of(&module) else {
            continue;
        };
        let text = fs::read_to_string(file).unwrap();
        for (number, line) in tidy::code(&text).lines().enumerate() {
            for path in tidy::named_paths(line, &module) {
                let path = tidy::resolve(path, &aliases);
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
                tidy::add_edge(&mut edges, &modules, &module, &path);
            }
        }
    }
    // No cycle between files.
    problems.extend(tidy::cycles(&edges));
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
