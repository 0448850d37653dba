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
const WIDGETS: [&str; 6] = [
    "catalogue_editor",
    "diagnostic",
    "orientation",
    "parcours",
    "plan",
    "suivi",
];

/// The folders of `ui/` that are shared parts with a folder of their own
/// (for their style sheet): listed, so that a new folder is sorted here
/// or in [`WIDGETS`] on purpose.
const SHARED_FOLDERS: [&str; 1] = ["alerts"];

#[path = "../../passerelle-core/tests/tidy/mod.rs"]
mod tidy;

use tidy::{named_paths, resolve};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn module_of(file: &Path) -> Vec<String> {
    tidy::module_of(file, &src())
}

fn root_aliases() -> BTreeMap<String, Vec<String>> {
    tidy::root_aliases(&src())
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
    let all = tidy::files(&src());
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
    let mut edges = tidy::Edges::new();
    for file in &all {
        let module = module_of(file);
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(src()).unwrap().display().to_string();
        for (number, line) in tidy::code(&text).lines().enumerate() {
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
                tidy::add_edge(&mut edges, &modules, &module, &path);
            }
        }
    }
    faults.extend(tidy::cycles(&edges));
    faults
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
