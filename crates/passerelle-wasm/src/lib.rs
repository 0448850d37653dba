//! The WebAssembly layer of Passerelle: it converts `passerelle-core`
//! values at the JavaScript boundary and renders them into the page.
//!
//! It holds no domain logic. The custom elements are registered by small
//! JavaScript shims (see `pkg-templates/`), because wasm-bindgen cannot
//! subclass `HTMLElement`; each shim creates the matching widget here and
//! hands it the element.
//!
//! For pages that run the flow themselves, [`Engine`], [`Diagnosis`] and
//! [`Plan`] expose it whole: values in and out shaped like the core's
//! JSON (snake_case), every failure a thrown `Error` with a stable `code`.

mod alerts;
mod communes;
mod convert;
mod diagnostic;
mod dom;
mod engine;
mod error;
mod languages;
mod orientation_view;
mod parcours_view;
mod persist;
mod plan_view;
mod texts;
mod widget;
pub mod words;

/// The national catalogue, read once per page and shared by every widget
/// and engine that starts from it (reading it is the costly part of
/// starting one).
pub(crate) fn national_catalogue() -> std::sync::Arc<passerelle_core::catalogue::Catalogue> {
    thread_local! {
        static NATIONAL: std::sync::Arc<passerelle_core::catalogue::Catalogue> =
            std::sync::Arc::new(passerelle_core::catalogue::Catalogue::national());
    }
    NATIONAL.with(std::sync::Arc::clone)
}

pub use communes::set_commune_source;
pub use diagnostic::DiagnosticWidget;
pub use engine::{Diagnosis, Engine, Plan};
pub use languages::{choose_language, has_language, language_menu, register_language};
pub use orientation_view::OrientationWidget;
pub use parcours_view::ParcoursWidget;
pub use plan_view::PlanWidget;
pub use words::WidgetText;
