//! Compiles the default data into the library without the white space of
//! its source files (`data/`, indented for people to read): 80 KB less in
//! the WebAssembly module, 4 KB less gzipped. The minified copies are
//! written to `OUT_DIR/data/` and read there by `include_str!`.

#[path = "build/minify.rs"]
mod minify;
#[path = "src/text/overlay.rs"]
mod overlay;
#[path = "build/shipped.rs"]
mod shipped;

use std::path::Path;
use std::{env, fs};

/// The data files the library compiles in, under `data/`.
const DATA: &[&str] = &[
    "catalogue.json",
    "catalogue-demo-local.json",
    "questionnaire.json",
    "national-orientation.json",
    "data-inclusion/thematiques.json",
    "data-inclusion/publics.json",
    "data-inclusion/types-de-services.json",
    "data-inclusion/frais.json",
    "data-inclusion/modes-mobilisation.json",
    "data-inclusion/personnes-mobilisatrices.json",
    "data-inclusion/modes-accueil.json",
];

/// The data written in French that other languages translate, by key, in
/// `locales/<tag>/<file>`.
const TRANSLATED: &[&str] = &["catalogue.json", "questionnaire.json"];

/// The data whose `source` and `about` texts document it for people (its
/// sources, docs/orientation-criteria.md) and are never read by the
/// library: left out of the compiled copy, 1.2 KB gzipped.
const SOURCED: &[&str] = &["national-orientation.json"];

/// `text` without the members `source` and `about`, at any depth.
fn without_sources(text: &str) -> String {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(members) => {
                members.remove("source");
                members.remove("about");
                members.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("national-orientation.json: {e}"));
    strip(&mut value);
    value.to_string()
}

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    println!("cargo::rerun-if-changed=build/minify.rs");
    for file in DATA {
        let source = Path::new("data").join(file);
        println!("cargo::rerun-if-changed={}", source.display());
        let mut text = fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        if TRANSLATED.contains(file) {
            println!("cargo::rerun-if-changed=src/text/overlay.rs");
            println!("cargo::rerun-if-changed=build/shipped.rs");
            let english = env::var_os("CARGO_FEATURE_BUNDLED_ENGLISH").is_some();
            text = shipped::with_keys(file, &text, english).unwrap_or_else(|e| panic!("{e}"));
        }
        if SOURCED.contains(file) {
            text = without_sources(&text);
        }
        let target = Path::new(&out).join("data").join(file);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", folder.display()));
        }
        fs::write(&target, minify::minify(&text))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
}
