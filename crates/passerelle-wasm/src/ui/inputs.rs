//! What a host page gives a widget, read and checked the same way by
//! every widget: a diagnosis result, a local catalogue, a territory.

use wasm_bindgen::JsValue;

/// The diagnosis result a host page gives a widget (`element.diagnosis`):
/// an object or its JSON text; `None` for `null` or `undefined`. Throws
/// `invalid_argument` when it is not a diagnosis result.
pub(crate) fn read_diagnosis(
    value: &JsValue,
) -> Result<Option<passerelle_core::Diagnosis>, JsValue> {
    if crate::api::convert::absent(value) {
        return Ok(None);
    }
    let text = crate::api::convert::document(value, "diagnosis")?;
    passerelle_core::json::read_text(&text)
        .map(Some)
        .map_err(|error| {
            crate::api::error::Failure::argument(format!(
                "diagnosis is not a diagnosis result: {error}"
            ))
            .into()
        })
}

/// The national catalogue with the local one a host page gives
/// (`catalog-src`, as JSON text or an object) merged in. Throws
/// `invalid_catalogue` with every problem in `details`.
pub(crate) fn with_local_catalogue(
    local: &JsValue,
) -> Result<std::sync::Arc<passerelle_core::catalogue::Catalogue>, JsValue> {
    let local = read_catalogue(local)?;
    Ok(std::sync::Arc::new(
        crate::national_catalogue()?.with_local(local),
    ))
}

/// A catalogue a host page gives (JSON text or an object). Throws
/// `invalid_catalogue` with every problem in `details`.
pub(crate) fn read_catalogue(
    value: &JsValue,
) -> Result<passerelle_core::catalogue::Catalogue, JsValue> {
    let text = crate::api::convert::document(value, "catalogue")?;
    passerelle_core::catalogue::Catalogue::from_json(&text).map_err(|problems| {
        crate::api::error::Failure::problems("invalid_catalogue", "catalogue", problems).into()
    })
}

/// Refuses a territory that is not a department or commune code.
pub(crate) fn check_territory(territory: Option<&str>) -> Result<(), JsValue> {
    placed(&passerelle_core::facts::Facts::default(), territory).map(drop)
}

/// `facts` placed in `territory`, if there is one.
pub(crate) fn placed(
    facts: &passerelle_core::facts::Facts,
    territory: Option<&str>,
) -> Result<passerelle_core::facts::Facts, JsValue> {
    match territory {
        Some(territory) => facts.in_territory(territory).map_err(|problem| {
            crate::api::error::Failure::new(problem.code, problem.message).into()
        }),
        None => Ok(facts.clone()),
    }
}
