//! A local catalogue loaded into an engine: by `engine.load_catalogue`
//! from a document, and by an import's `finish()` from the entries it
//! made, with no JSON between.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::api::convert::to_js;
use crate::api::error::Failure;

use super::shared::{busy, Shared};

/// A summary of the catalogue in use.
#[derive(Serialize)]
struct CatalogueSummary<'a> {
    id: &'a str,
    name: &'a str,
    fictional: bool,
    /// Entries in the catalogue in use.
    entries: usize,
    /// Entries of the local catalogue just loaded.
    local_entries: usize,
}

/// Merges `local` into the engine's base catalogue (`engine` is its
/// shared state), replacing the local catalogue loaded before, and adapts
/// the questionnaire to it; returns `{id, name, fictional, entries,
/// local_entries}`. Sessions and plans made before keep their catalogue.
pub(super) fn load_local(
    engine: &RefCell<Rc<Shared>>,
    local: Catalogue,
) -> Result<JsValue, Failure> {
    let old = Rc::clone(&*engine.try_borrow().map_err(|_| busy())?);
    let local_entries = local.entries().len();
    // Its entries moved in, not copied.
    let catalogue = Arc::new(old.base.with_local(local));
    let shared = Shared {
        base: Arc::clone(&old.base),
        catalogue: Arc::clone(&catalogue),
        questionnaire: old.questionnaire.clone().adapted_to(Arc::clone(&catalogue)),
    };
    let summary = to_js(&CatalogueSummary {
        id: &catalogue.id,
        name: &catalogue.name,
        fictional: catalogue.fictional,
        entries: catalogue.entries().len(),
        local_entries,
    })?;
    *engine.try_borrow_mut().map_err(|_| busy())? = Rc::new(shared);
    Ok(summary)
}
