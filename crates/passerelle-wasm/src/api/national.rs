//! The national catalogue: a file of the package (`data/catalogue.json`),
//! not a part of the module. A page fetches it once the module has loaded,
//! so that it never delays the first question, and registers it here;
//! every widget and engine that starts from the national catalogue shares
//! it from then on. A host may serve its own copy in the same format (a
//! catalogue update needs no new build).

use std::cell::RefCell;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use wasm_bindgen::prelude::*;

use crate::api::error::Failure;

thread_local! {
    /// The national catalogue registered, read once per page. A build
    /// with the catalogue compiled in (the tests') starts with it.
    static NATIONAL: RefCell<Option<Arc<Catalogue>>> =
        RefCell::new(Catalogue::bundled().map(Arc::new));
}

/// The national catalogue, once registered. Throws `catalogue_not_loaded`
/// before: the page must wait for the package's `load()`.
pub(crate) fn national_catalogue() -> Result<Arc<Catalogue>, Failure> {
    registered().ok_or_else(|| {
        Failure::new(
            "catalogue_not_loaded",
            "The national catalogue is not loaded yet: wait for the package's load() (or give your own catalogue).",
        )
    })
}

/// The national catalogue if it is registered yet.
pub(crate) fn registered() -> Option<Arc<Catalogue>> {
    NATIONAL.with(|slot| slot.borrow().clone())
}

/// Registers the national catalogue from its file (`data/catalogue.json`
/// of the package, or a host's copy in the catalogue format): every widget
/// and engine made from now on starts from it. Returns the number of its
/// entries. Throws `invalid_catalogue` with every problem in `details`,
/// and keeps the catalogue registered before, if any.
#[wasm_bindgen(js_name = registerCatalogue)]
pub fn register_catalogue(file: &str) -> Result<usize, JsValue> {
    // The module of the first question never shows an entry: it reads
    // what the questions adapt to, without the code that reads and checks
    // texts and ways in (the whole module reads every field, and tells
    // the problems).
    #[cfg(feature = "full")]
    let read = Catalogue::from_json(file);
    #[cfg(not(feature = "full"))]
    let read = Catalogue::for_questions(file);
    let catalogue =
        read.map_err(|problems| Failure::problems("invalid_catalogue", "catalogue", problems))?;
    let entries = catalogue.entries().len();
    NATIONAL.with(|slot| *slot.borrow_mut() = Some(Arc::new(catalogue)));
    Ok(entries)
}
