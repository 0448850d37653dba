//! Errors as they cross into JavaScript: an `Error` with a stable `code`.

use wasm_bindgen::JsValue;

/// A JavaScript `Error` whose `message` is `message` and whose `code`
/// property is `code`.
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}
