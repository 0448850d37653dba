//! Compiles the default data into the library without the white space of
//! its source files (`data/`, indented for people to read): 80 KB less in
//! the WebAssembly module, 4 KB less gzipped. The minified copies are
//! written to `OUT_DIR/data/` and read there by `include_str!`.

#[path = "build/minify.rs"]
mod minify;
#[path = "src/text/overlay.rs"]
mod overlay;

use std::path::Path;
use std::{env, fs};

/// The data files the library compiles in, under `data/`.
const DATA: &[&str] = &[
    "catalogue.json",
    "catalogue-demo-local.json",
    "questionnaire.json",
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

/// `text` (a French document of `data/`) with each text naming its key
/// (`"@catalogue": "cej.name"`, see `src/text/overlay.rs`): a language
/// registered later finds its translation by it. With the
/// `bundled-english` feature, the document also says it speaks English:
/// `locales/en/<file>` is compiled in (`src/text/language.rs`).
fn with_keys(file: &str, text: &str) -> String {
    println!("cargo::rerun-if-changed=src/text/overlay.rs");
    let mut document: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("data/{file}: {e}"));
    if env::var_os("CARGO_FEATURE_BUNDLED_ENGLISH").is_some() {
        if let Some(serde_json::Value::Array(locales)) = document.get_mut("locales") {
            if !locales.iter().any(|tag| tag == "en") {
                locales.push(serde_json::Value::String("en".into()));
            }
        }
    }
    let domain = format!("@{}", file.trim_end_matches(".json"));
    overlay::each_text(&mut document, &mut |key, text| {
        text.insert(domain.clone(), serde_json::Value::String(key.to_owned()));
    });
    document.to_string()
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
            text = with_keys(file, &text);
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
