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

mod convert;
mod diagnostic;
mod dom;
mod engine;
mod error;
mod orientation_view;
mod parcours_view;
mod plan_view;
mod texts;
mod widget;

pub use diagnostic::DiagnosticWidget;
pub use engine::{Diagnosis, Engine, Plan};
pub use orientation_view::OrientationWidget;
pub use parcours_view::ParcoursWidget;
pub use plan_view::PlanWidget;
