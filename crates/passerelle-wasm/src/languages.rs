//! The languages a page can show: each one not compiled in is a file of
//! the package (`locales/<tag>.json`) that the page fetches only when it
//! needs it, and registers here.

use passerelle_core::text::{self, Language, Locale};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;
use crate::error::Failure;

/// Registers a language from its file (`locales/<tag>.json` of the
/// package, as `cargo xtask package` writes it, or a site's own in the
/// same layout): every widget and engine speaks it from now on, by its
/// tag. Returns the tag. Throws `bad_language_file` with the problem in
/// `details` when the file cannot be read. Register each language once:
/// each file stays in memory.
#[wasm_bindgen(js_name = register_language)]
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
#[wasm_bindgen(js_name = has_language)]
pub fn has_language(tag: &str) -> bool {
    Locale::from_tag(tag).is_some_and(Locale::is_whole)
}

/// The language to show for `asked` (a `lang` value, or
/// `navigator.languages` for `lang="auto"`): `{tag, fell_back_from}`,
/// the latter `null` when the language shown is the one asked (see
/// `passerelle_core::text::negotiate`).
#[wasm_bindgen(js_name = choose_language)]
pub fn choose_language(asked: Vec<String>) -> Result<JsValue, JsValue> {
    let asked: Vec<&str> = asked.iter().map(String::as_str).collect();
    Ok(to_js(&text::negotiate(&asked))?)
}

/// What a language menu shows (`language-menu`), for the language
/// `shown`: `{label, languages: [{tag, name, direction}]}`, the label in
/// `shown`, each language named in itself.
#[wasm_bindgen(js_name = language_menu)]
pub fn language_menu(shown: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Menu<'a> {
        label: String,
        languages: Vec<MenuLanguage<'a>>,
    }
    let locale = crate::widget::locale_from(Some(shown));
    let menu = Menu {
        label: crate::words::WidgetText::LanguageMenu.text(locale),
        languages: text::shipped()
            .iter()
            .map(|info| MenuLanguage {
                tag: &info.tag,
                name: &info.name,
                direction: info.direction.attribute(),
            })
            .collect(),
    };
    Ok(to_js(&menu)?)
}

/// One language of a menu.
#[derive(Serialize)]
struct MenuLanguage<'a> {
    tag: &'a str,
    /// Its name in itself.
    name: &'a str,
    direction: &'static str,
}
