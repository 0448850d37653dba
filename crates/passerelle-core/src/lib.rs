//! Passerelle's domain, as pure functions over serialisable values.
//!
//! The flow of the product (see `docs/ARCHITECTURE.md`) starts here:
//! a [`Questionnaire`] (data, not code) is answered one question at a time
//! through a [`DiagnosisSession`], which gives a [`Diagnosis`] (facts,
//! needs, urgent alerts); [`orientation::orient`] then matches the needs
//! and facts with a [`catalogue::Catalogue`] of schemes and services.
//! Every text shown to a person comes from the translation files, read
//! through [`text`] ([`messages`] for the core's own messages), or from the
//! data's own translations.
//!
//! This crate has no WebAssembly or web dependency: the `passerelle-wasm`
//! crate converts its values at the JavaScript boundary and renders them.
//!
//! ```
//! use std::sync::Arc;
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire, QuestionKind};
//!
//! let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
//! let mut session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
//! while let Some(question) = session.current(&questionnaire) {
//!     let id = question.id.clone();
//!     if question.skippable {
//!         session.skip(&questionnaire, &id).unwrap();
//!         continue;
//!     }
//!     let answer = match &question.kind {
//!         // Enough to eat today; no to the other yes/no questions.
//!         QuestionKind::YesNo => AnswerValue::Bool(id == "food_today"),
//!         QuestionKind::Number { min, .. } => AnswerValue::Number(*min),
//!         QuestionKind::PostalCode => AnswerValue::Text("93200".into()),
//!         _ => AnswerValue::Text(question.options()[0].id.clone()),
//!     };
//!     session.answer(&questionnaire, &id, answer).unwrap();
//! }
//! let diagnosis = session.diagnosis(&questionnaire, Locale::Fr);
//! assert!(diagnosis.urgent.is_empty());
//! ```

/// A file of `data/` as compiled in: without its white space, written to
/// `OUT_DIR` by `build.rs`.
macro_rules! data_file {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $file))
    };
}

// The layers, lowest first: each folder uses only the ones before it
// (docs/ARCHITECTURE.md, "Layers"; checked by `tests/layers.rs`).
pub mod base;
pub mod caseload;
pub mod catalogue;
pub mod exports;
pub mod orientation;
pub mod plan;
pub mod questionnaire;
pub mod rules;
pub mod text;
pub mod vocabulary;

// Every module keeps its path from the crate root: `passerelle_core::facts`
// is `vocabulary::facts`. Inside the crate, `tests/layers.rs` reads these
// lines to know which layer `crate::facts` is in.
pub use base::{date, json, limits, links, problem};
pub use catalogue::import;
pub use exports::{calendar, entry_sheet, messages, print, referral, report};
pub use questionnaire::{diagnosis, session};
pub use rules::{explanation, sentences};
pub use text::typography;
pub use vocabulary::{communes, facts, geo, needs, referentials, theme_labels, urgent};

pub use diagnosis::Diagnosis;
pub use messages::Message;
pub use questionnaire::{
    AnswerError, AnswerValue, ChoiceOption, NeedSignal, Question, QuestionKind, Questionnaire,
    QuestionnaireError, QuestionnaireProblem, Section, UrgentSignal,
};
pub use session::{DiagnosisSession, Progress, SessionError, SnapshotError, Step};
pub use text::{Locale, LocalizedText};
pub use urgent::UrgentAlert;
