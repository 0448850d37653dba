//! The WebAssembly layer of Passerelle: it converts `passerelle-core`
//! values at the JavaScript boundary and renders them into the page.
//!
//! It holds no domain logic. The custom elements are registered by small
//! JavaScript shims (see `pkg-templates/`), because wasm-bindgen cannot
//! subclass `HTMLElement`; each shim creates the matching widget here and
//! hands it the element.

mod diagnostic;
mod dom;
mod error;
mod texts;

pub use diagnostic::DiagnosticWidget;
