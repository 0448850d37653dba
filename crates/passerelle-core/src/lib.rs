//! Passerelle's domain, as pure functions over serialisable values.
//!
//! The flow of the product (see `docs/ARCHITECTURE.md`) starts here:
//! a [`Questionnaire`] (data, not code) is answered one question at a time
//! through a [`DiagnosisSession`]; every text shown to a person comes from
//! the message catalogue in [`i18n`].
//!
//! This crate has no WebAssembly or web dependency: the `passerelle-wasm`
//! crate converts its values at the JavaScript boundary and renders them.
//!
//! ```
//! use passerelle_core::{DiagnosisSession, Questionnaire};
//!
//! let questionnaire = Questionnaire::default_fr_en();
//! let mut session = DiagnosisSession::new(&questionnaire);
//! while let Some(question) = session.current(&questionnaire) {
//!     let input = match question.id.as_str() {
//!         "shelter_tonight" => "yes",
//!         "employment_status" => "jobseeker",
//!         _ => "22",
//!     };
//!     let id = question.id.clone();
//!     session.answer_input(&questionnaire, &id, input).unwrap();
//! }
//! assert!(session.is_complete(&questionnaire));
//! assert_eq!(session.answers().len(), 3);
//! ```

pub mod catalogue;
pub mod date;
pub mod explanation;
pub mod facts;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod orientation;
pub mod problem;
mod program;
pub mod questionnaire;
pub mod referentials;
pub mod rules;
pub mod session;

pub use i18n::{Locale, Message};
pub use questionnaire::{
    AnswerError, AnswerValue, ChoiceOption, LocalizedText, Question, QuestionKind, Questionnaire,
    QuestionnaireError, QuestionnaireProblem,
};
pub use session::{DiagnosisSession, Progress, SessionError};
