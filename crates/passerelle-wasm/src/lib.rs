//! The WebAssembly layer of Passerelle: it converts `passerelle-core`
//! values at the JavaScript boundary and renders them into the page.
//!
//! It holds no domain logic. The custom elements are registered by small
//! JavaScript shims (see `pkg-templates/`), because wasm-bindgen cannot
//! subclass `HTMLElement`; each shim creates the matching widget here and
//! hands it the element.
//!
//! For pages that run the flow themselves, [`Engine`], [`Diagnosis`] and
//! [`Plan`] expose it whole: methods and options in camelCase, documents
//! in and out shaped like the core's JSON (snake_case), every failure a thrown `Error` with a stable `code`.

mod api;
mod ui;

pub(crate) use api::national::national_catalogue;

pub use api::diagnosis::Diagnosis;
pub use api::engine::Engine;
pub use api::import::DataInclusionImport;
pub use api::languages::{choose_language, has_language, register_language};
pub use api::national::register_catalogue;
pub use api::plan::Plan;
pub use api::reasons::Reasons;
pub use ui::communes::set_commune_source;
pub use ui::diagnostic::DiagnosticWidget;
pub use ui::language_menu::language_menu;
pub use ui::orientation::OrientationWidget;
pub use ui::parcours::ParcoursWidget;
pub use ui::plan::PlanWidget;
pub use ui::words::{self, WidgetText};
