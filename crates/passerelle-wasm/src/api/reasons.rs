//! `Reasons`: the reasons of an orientation's entries, asked when a page
//! shows them (`orient({…, explain: "on-demand"})`).

use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::orientation::Reasons as CoreReasons;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::api::convert::{self, to_js};
use crate::api::error::Failure;

type Result<T, E = JsValue> = std::result::Result<T, E>;

/// How an orientation explains its entries: the `explain` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Explain {
    /// `true` (the default): every condition of every entry, in words.
    Every,
    /// `false`: no reasons.
    Nothing,
    /// `"on-demand"`: no reasons in the result, a `Reasons` handle beside it.
    OnDemand,
}

impl Explain {
    /// Reads the `explain` option: `true`, `false` or `"on-demand"`.
    pub(crate) fn read(value: Option<&Json>) -> Result<Explain, Failure> {
        match value {
            None | Some(Json::Null | Json::Bool(true)) => Ok(Explain::Every),
            Some(Json::Bool(false)) => Ok(Explain::Nothing),
            Some(Json::String(text)) if text == "on-demand" => Ok(Explain::OnDemand),
            Some(_) => Err(Failure::argument(
                "explain must be true, false or \"on-demand\"",
            )),
        }
    }
}

/// The reasons of an orientation made with `explain: "on-demand"`: it
/// keeps the person's facts, the reference date, the language and the
/// catalogue of the orientation (not the engine's catalogue of later: a
/// catalogue loaded since changes nothing here), about a kilobyte
/// beside a shared catalogue, and explains an entry only when asked.
#[wasm_bindgen]
pub struct Reasons {
    catalogue: Arc<Catalogue>,
    reasons: CoreReasons,
}

impl Reasons {
    pub(super) fn new(catalogue: Arc<Catalogue>, reasons: CoreReasons) -> Reasons {
        Reasons { catalogue, reasons }
    }
}

#[wasm_bindgen]
impl Reasons {
    /// The evaluations of the entries `ids` (an array of entry ids), in
    /// the order given, each with its explanation, exactly as in the
    /// `evaluations` of an orientation made with `explain: true`:
    /// `[{id, status, missing, held?, explanation}]`. Throws
    /// `unknown_entry` when an id is not an entry of the orientation
    /// (each in `details`, at `$[i]`), `invalid_argument` when `ids` is
    /// not an array of texts.
    pub fn explain(&self, ids: JsValue) -> Result<JsValue> {
        let ids: Vec<String> = convert::read(&ids, "ids")?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let explained = (self.reasons)
            .explain(&self.catalogue, &ids)
            .map_err(|problems| Failure::problems("unknown_entry", "ids", problems))?;
        Ok(to_js(&explained)?)
    }
}

impl std::fmt::Debug for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reasons").finish_non_exhaustive()
    }
}

/// Puts `reasons` on the orientation `result` as its `reasons` property,
/// not enumerable: `JSON.stringify`, a spread or `structuredClone` of
/// the orientation copy its data and leave the handle out.
pub(super) fn attach(result: &JsValue, reasons: Reasons) {
    let descriptor = js_sys::Object::new();
    js_sys::Object::set_prototype_of(&descriptor, JsValue::NULL.unchecked_ref());
    let handle: JsValue = reasons.into();
    for (name, field) in [
        ("value", &handle),
        ("writable", &JsValue::FALSE),
        ("enumerable", &JsValue::FALSE),
        ("configurable", &JsValue::TRUE),
    ] {
        // On a fresh object with no prototype: cannot fail.
        let _ = js_sys::Reflect::set(&descriptor, &name.into(), field);
    }
    // Defining a property of a fresh object from `JSON.parse` cannot fail.
    let _ = js_sys::Reflect::define_property(
        result.unchecked_ref::<js_sys::Object>(),
        &"reasons".into(),
        &descriptor,
    );
}
