//! Small helpers to build DOM nodes. Text always goes through
//! `textContent`, never through HTML parsing.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// The document of the page, or an error when there is none (a worker, Node).
pub(crate) fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| crate::api::error::js_error("no_document", "This widget needs a web page."))
}

/// A new `<tag>` with these attributes and, if given, this text.
pub(crate) fn element(
    document: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Ok(element)
}

/// Moves keyboard focus to `element`, if it can take focus.
pub(crate) fn focus(element: &Element) -> Result<(), JsValue> {
    match element.dyn_ref::<HtmlElement>() {
        Some(element) => element.focus(),
        None => Ok(()),
    }
}
