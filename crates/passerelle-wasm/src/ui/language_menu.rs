//! The language menu's words (`language-menu`): the shim draws the menu
//! and registers the language chosen (see `crate::api::languages`).

use passerelle_core::text;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::convert::to_js;

/// What a language menu shows (`language-menu`), for the language
/// `shown`: `{label, languages: [{tag, name, direction}]}`, the label in
/// `shown`, each language named in itself.
#[wasm_bindgen(js_name = languageMenu)]
pub fn language_menu(shown: &str) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Menu<'a> {
        label: String,
        languages: Vec<MenuLanguage<'a>>,
    }
    let locale = super::widget::locale_from(Some(shown));
    let menu = Menu {
        label: super::words::WidgetText::LanguageMenu.text(locale),
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
