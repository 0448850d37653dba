//! The commune table on the page: the parts of `communes/` (one per
//! department, files of the package beside the module) loaded so far,
//! shared by every widget of the page.
//!
//! The table is not compiled into the module (it would more than double
//! it): a part is fetched only when a widget needs it — the postal code
//! answered, or a person or a catalogue with communes to name — never
//! before the first question. The fetching itself is the shim's
//! ([`set_commune_source`]: a function that gives a part's text); the
//! core only reads the parts given ([`Communes::with_part`]). A part that
//! cannot be fetched or read in [`WAIT_MS`] counts as missing for the rest
//! of the page: the commune question is then left out, and a commune is
//! told by its department, never by its code.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::communes::Communes;
use passerelle_core::facts::{Fact, Facts, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Sent to an element waiting for parts once they are all loaded or
/// missing; it bubbles to its shadow root and no further.
pub const LOADED_EVENT: &str = "passerelle:communes";

/// How long a part may take before it counts as missing, in
/// milliseconds: the person waits for it before the next question.
pub const WAIT_MS: i32 = 4000;

#[derive(Default)]
struct Page {
    communes: Communes,
    /// The shim's function `(department) => Promise<string>`.
    source: Option<js_sys::Function>,
    /// The parts being fetched, each with the elements waiting for it
    /// (lists, not maps: a few items, and no map code in the module).
    loading: Vec<(&'static str, Vec<Element>)>,
    /// The parts that could not be fetched or read.
    missing: Vec<&'static str>,
    /// The last catalogue named: (the catalogue given, the communes it
    /// was named with, the catalogue named).
    named: Option<(Arc<Catalogue>, Communes, Arc<Catalogue>)>,
}

thread_local! {
    static PAGE: Rc<RefCell<Page>> = Rc::default();
}

/// The page's table: one function to reach it, rather than a copy of the
/// thread-local access for each use.
fn page() -> Rc<RefCell<Page>> {
    PAGE.with(Rc::clone)
}

/// Where the commune parts come from: `source(department)` gives a
/// promise of the text of `communes/<department>.txt`. The shim sets it
/// once the module is loaded; without it no part is loaded.
#[wasm_bindgen(js_name = setCommuneSource)]
pub fn set_commune_source(source: js_sys::Function) {
    page().borrow_mut().source = Some(source);
}

/// The communes loaded so far on the page.
pub(crate) fn loaded() -> Communes {
    page().borrow().communes.clone()
}

/// `catalogue`, naming the communes loaded so far (the same catalogue
/// while they do not change).
pub(crate) fn named(catalogue: &Arc<Catalogue>) -> Arc<Catalogue> {
    let page = page();
    let mut page = page.borrow_mut();
    {
        if page.communes.is_empty() || *catalogue.communes() == page.communes {
            return Arc::clone(catalogue);
        }
        if let Some((given, with, named)) = &page.named {
            if Arc::ptr_eq(given, catalogue) && *with == page.communes {
                return Arc::clone(named);
            }
        }
        let named = Arc::new((**catalogue).clone().with_communes(page.communes.clone()));
        page.named = Some((
            Arc::clone(catalogue),
            page.communes.clone(),
            Arc::clone(&named),
        ));
        named
    }
}

/// The parts that name the places of `facts` (its postal code's and its
/// commune's departments).
pub(crate) fn parts_of(facts: &Facts) -> Vec<&'static str> {
    let text = |fact| match facts.get(fact) {
        Some(Value::Text(code)) => Some(code.as_str()),
        _ => None,
    };
    let mut parts: Vec<&'static str> = Vec::new();
    let found = [
        text(Fact::PostalCode).and_then(Communes::part_of_postal_code),
        text(Fact::Commune).and_then(Communes::part_of_commune),
    ];
    for part in found.into_iter().flatten() {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts
}

/// Asks for the parts that `facts` and `catalogue` need to be named.
/// Returns whether `waiting` will get [`LOADED_EVENT`]: false when they
/// are all loaded or missing already.
pub(crate) fn request_for(facts: &Facts, catalogue: &Catalogue, waiting: &Element) -> bool {
    let mut parts = parts_of(facts);
    for part in catalogue.commune_parts_needed() {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    request(&parts, Some(waiting))
}

/// Whether `element` waits for parts.
pub(crate) fn is_waiting(element: &Element) -> bool {
    (page().borrow().loading.iter()).any(|(_, waiting)| waiting.contains(element))
}

/// Asks for `parts`: those neither loaded nor missing are fetched.
/// Returns whether `waiting` will get [`LOADED_EVENT`] once they are all
/// loaded or missing: false when there is nothing to wait for (a source
/// that gives a part's text at once, not a promise, is read at once).
pub(crate) fn request(parts: &[&'static str], waiting: Option<&Element>) -> bool {
    for &part in parts {
        if let Some(source) = reserve(part, waiting) {
            start(part, &source);
        }
    }
    waiting.is_some_and(is_waiting)
}

/// Notes that `waiting` waits for `part`, if it is neither loaded nor
/// missing; returns the source to fetch it from when it is not being
/// fetched yet.
fn reserve(part: &'static str, waiting: Option<&Element>) -> Option<js_sys::Function> {
    let page = page();
    let mut page = page.borrow_mut();
    if page.communes.has_part(part) || page.missing.contains(&part) {
        return None;
    }
    let Some(source) = page.source.clone() else {
        page.missing.push(part);
        return None;
    };
    let first = !page.loading.iter().any(|(loading, _)| *loading == part);
    if first {
        page.loading.push((part, Vec::new()));
    }
    let list = (page.loading.iter_mut())
        .find(|(loading, _)| *loading == part)
        .map(|(_, list)| list)?;
    if let Some(element) = waiting {
        if !list.contains(element) {
            list.push(element.clone());
        }
    }
    first.then_some(source)
}

/// Fetches `part` through the shim's `source`; gives up after [`WAIT_MS`].
fn start(part: &'static str, source: &js_sys::Function) {
    let promise = match source.call1(&JsValue::NULL, &JsValue::from_str(part)) {
        Ok(value) if value.is_string() => return settle(part, value.as_string()),
        Ok(value) => match value.dyn_into::<js_sys::Promise>() {
            Ok(promise) => promise,
            Err(_) => return settle(part, None),
        },
        Err(_) => return settle(part, None),
    };
    let loaded = Closure::new(move |text: JsValue| settle(part, text.as_string()));
    let failed = Closure::new(move |_: JsValue| settle(part, None));
    let _ = promise.then2(&loaded, &failed);
    // At most one pair a part, each called once at most: left to the page.
    loaded.forget();
    failed.forget();
    if let Some(window) = web_sys::window() {
        let late = Closure::once_into_js(move || settle(part, None));
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), WAIT_MS);
    }
}

/// `part` arrived (`text`) or not (`None`): kept, or counted missing;
/// the elements waiting for it are told when nothing else keeps them
/// waiting. Later news of a part settled already is ignored.
fn settle(part: &'static str, text: Option<String>) {
    for element in keep(part, text) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(LOADED_EVENT, &init) {
            let _ = element.dispatch_event(&event);
        }
    }
}

/// Keeps `part` (or counts it missing); returns the elements to tell.
fn keep(part: &'static str, text: Option<String>) -> Vec<Element> {
    let page = page();
    let mut page = page.borrow_mut();
    let Some(at) = page
        .loading
        .iter()
        .position(|(loading, _)| *loading == part)
    else {
        return Vec::new();
    };
    let (_, waiting) = page.loading.remove(at);
    let read = text
        .filter(|text| Communes::department_of_part(text) == Some(part))
        .and_then(|text| page.communes.with_part(&text).ok());
    match read {
        Some(communes) => page.communes = communes,
        None => page.missing.push(part),
    }
    let still: Vec<Element> = (page.loading.iter())
        .flat_map(|(_, list)| list.iter().cloned())
        .collect();
    waiting
        .into_iter()
        .filter(|element| !still.contains(element))
        .collect()
}
