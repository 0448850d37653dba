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

// Built without the feature `full` (the questionnaire's module), the
// helpers only the later widgets and the API call are not called; the
// linker leaves them out.
#![cfg_attr(not(feature = "full"), allow(dead_code))]

mod api;
mod ui;

pub(crate) use api::national::national_catalogue;

// What a page needs for its first question: the questionnaire's widgets,
// the languages, the commune table, the national catalogue the
// questionnaire adapts to. Built alone (without the feature `full`), it is
// the package's `passerelle_questionnaire_bg.wasm`, which a page whose
// first element asks questions loads before its first question.
pub use api::languages::{choose_language, has_language, register_language};
pub use api::national::register_catalogue;
pub use ui::communes::set_commune_source;
pub use ui::diagnostic::DiagnosticWidget;
pub use ui::language_menu::language_menu;
pub use ui::parcours::ParcoursWidget;
pub use ui::words::{self, WidgetText};

// The catalogue editor, with the feature `editor`: a module of its own in
// the package (`passerelle_editor_bg.wasm`).
#[cfg(feature = "editor")]
pub use ui::catalogue_editor::{
    every_editor_text, CatalogueEditorWidget, EditorText, EDITOR_FILES,
};

// The rest, with the feature `full` (a default one): the JavaScript API
// and the widgets that come after the questionnaire. The package's
// `passerelle_wasm_bg.wasm` holds everything.
#[cfg(feature = "full")]
pub use api::{
    diagnosis::Diagnosis, engine::Engine, import::DataInclusionImport, plan::Plan, reasons::Reasons,
};
#[cfg(feature = "full")]
pub use ui::{
    orientation::OrientationWidget,
    plan::PlanWidget,
    suivi::{every_desk_text, DeskText, SuiviWidget, DESK_FILES},
};
