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

mod api;
mod ui;

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

pub use api::diagnosis::Diagnosis;
pub use api::engine::Engine;
pub use api::languages::{choose_language, has_language, register_language};
pub use api::plan::Plan;
pub use api::reasons::Reasons;
pub use ui::communes::set_commune_source;
pub use ui::diagnostic::DiagnosticWidget;
pub use ui::language_menu::language_menu;
pub use ui::orientation::OrientationWidget;
pub use ui::parcours::ParcoursWidget;
pub use ui::plan::PlanWidget;
pub use ui::words::{self, WidgetText};
