//! The languages a page can show: each one not compiled in is a file of
//! the package (`locales/<tag>.json`) that the page fetches only when it
//! needs it, and registers here.

use passerelle_core::text::{self, Language, Locale};
use wasm_bindgen::prelude::*;

use crate::api::convert::to_js;
use crate::api::error::Failure;

/// Registers a language from its file (`locales/<tag>.json` of the
/// package, as `cargo xtask package` writes it, or a site's own in the
/// same layout): every widget and engine speaks it from now on, by its
/// tag. Returns the tag. Throws `bad_language_file` with the problem in
/// `details` when the file cannot be read. Register each language once:
/// each file stays in memory.
#[wasm_bindgen(js_name = registerLanguage)]
pub fn register_language(file: &str) -> Result<String, JsValue> {
    let language = Language::from_json(file)
        .map_err(|problem| Failure::problems("bad_language_file", "language", vec![problem]))?;
    let locale = text::register(language)
        .map_err(|problem| Failure::problems(problem.code, "language", vec![problem]))?;
    Ok(locale.tag().to_owned())
}

/// Whether the language of `tag` is here whole (French, or a language
/// registered from its file): it shows without fetching anything.
/// English's messages are in the module, but its questionnaire and
/// catalogue texts are its file: false until that is registered.
#[wasm_bindgen(js_name = hasLanguage)]
pub fn has_language(tag: &str) -> bool {
    Locale::from_tag(tag).is_some_and(Locale::is_whole)
}

/// The language to show for `asked` (a `lang` value, or
/// `navigator.languages` for `lang="auto"`): `{tag, fell_back_from}`,
/// the latter `null` when the language shown is the one asked (see
/// `passerelle_core::text::negotiate`).
#[wasm_bindgen(js_name = chooseLanguage)]
pub fn choose_language(asked: Vec<String>) -> Result<JsValue, JsValue> {
    let asked: Vec<&str> = asked.iter().map(String::as_str).collect();
    Ok(to_js(&text::negotiate(&asked))?)
}
