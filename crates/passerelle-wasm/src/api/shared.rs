//! What an engine's sessions and plans share, and the conversions of
//! the core's errors and questions they all make.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::json;
use passerelle_core::orientation::{orient, Need, Request};
use passerelle_core::plan::PlanError;
use passerelle_core::{
    DiagnosisSession, Locale, Question, QuestionKind, Questionnaire, SessionError,
};
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::api::convert::to_js;
use crate::api::error::Failure;
use crate::api::reasons::{attach, Explain, Reasons};

/// What an engine's sessions and plans share: read-only once made.
pub(super) struct Shared {
    /// The catalogue local ones are merged into: national, or given.
    pub(super) base: Arc<Catalogue>,
    /// The catalogue in use: `base` with the local catalogue, if any.
    pub(super) catalogue: Arc<Catalogue>,
    /// The questionnaire, adapted to `catalogue`.
    pub(super) questionnaire: Questionnaire,
}

/// The language shared by an engine and what it made: switching it
/// switches the messages of every session and plan of the engine.
pub(super) type SharedLocale = Rc<Cell<Locale>>;

pub(super) fn busy() -> Failure {
    Failure::new("busy", "this object is in use by a call still running")
}

/// A question as JSON: as in the questionnaire, and for a commune
/// question its options of now (the communes of the postal code
/// answered) in `kind.options`.
///
/// Through JSON text, as every result is written: a second serializer
/// (to `Value`) would put a second copy of the questionnaire's
/// serialisation code in the module.
pub(super) fn question_out(
    session: &DiagnosisSession,
    shared: &Shared,
    question: &Question,
) -> Json {
    let through_text = |text: String| json::parse(&text).unwrap_or(Json::Null);
    let mut out = through_text(json::write(question));
    if matches!(question.kind, QuestionKind::Commune) {
        let options = session.options(&shared.questionnaire, question);
        if let Some(kind) = out.get_mut("kind").and_then(Json::as_object_mut) {
            kind.insert("options".into(), through_text(json::write(&*options)));
        }
    }
    out
}

/// A plan read from a file, with the core's code.
pub(crate) fn plan_error(error: &PlanError) -> Failure {
    let failure = Failure::new(error.code(), error.to_string());
    match error {
        // A limit crossed: where, in the details.
        PlanError::Limit { problem } => {
            failure.with_detail(&problem.path, problem.code, problem.message.clone())
        }
        _ => failure,
    }
}

/// A session refusal, with the core's localised message about `question`.
pub(super) fn session_error(
    error: &SessionError,
    shared: &Shared,
    id: &str,
    locale: Locale,
) -> Failure {
    let question = shared.questionnaire.question(id);
    Failure::new(error.code(), error.message(question, locale))
}

/// Orients and converts the result; with `Explain::OnDemand`, the
/// orientation without its evaluations (`Orientation::summary`) and its
/// `reasons` handle.
pub(super) fn orientation(
    catalogue: &Arc<Catalogue>,
    facts: &Facts,
    needs: &[Need],
    reference_date: Date,
    locale: Locale,
    explain: Explain,
    detailed: bool,
) -> Result<JsValue, Failure> {
    let orientation = orient(
        catalogue,
        &Request {
            facts,
            needs,
            reference_date,
            locale,
            explain: explain == Explain::Every,
        },
    )
    .map_err(|problem| Failure::problems("invalid_request", "request", vec![problem]))?;
    let result = match (detailed, explain) {
        (true, _) => to_js(&orientation.detailed())?,
        (false, Explain::OnDemand) => to_js(&orientation.summary())?,
        (false, _) => to_js(&orientation)?,
    };
    if explain == Explain::OnDemand {
        attach(
            &result,
            Reasons::new(Arc::clone(catalogue), orientation.reasons()),
        );
    }
    Ok(result)
}
