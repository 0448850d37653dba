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

/// A closed set of values a widget writes into an attribute (`data-form`,
/// `data-do`…) and reads back from it: both ways go through
/// [`Attribute::to_attr`], so the two cannot drift apart.
pub(crate) trait Attribute: Copy + PartialEq + 'static {
    /// Every value, to read one back.
    const ALL: &'static [Self];

    /// The value as written in the attribute.
    fn to_attr(self) -> &'static str;

    /// The value written as `text`, if it is one.
    fn from_attr(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.to_attr() == text)
    }
}
