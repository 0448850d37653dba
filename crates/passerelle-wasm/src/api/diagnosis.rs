//! `Diagnosis`: a diagnosis session on an engine's questionnaire, from
//! JavaScript.

use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::json;
use passerelle_core::{AnswerError, AnswerValue, DiagnosisSession};
use serde::Serialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::api::convert::{self, to_js};
use crate::api::error::Failure;
use crate::api::reasons::Explain;

use super::plan::{build_plan, Plan};
use super::shared::{busy, orientation, question_out, session_error, Shared, SharedLocale};

type Result<T, E = JsValue> = std::result::Result<T, E>;

/// A diagnosis session on an engine's questionnaire, one question at a
/// time. Made by `Engine.start_diagnosis` or `Engine.resume_diagnosis`.
#[wasm_bindgen]
pub struct Diagnosis {
    pub(super) shared: Rc<Shared>,
    pub(super) locale: SharedLocale,
    pub(super) session: RefCell<DiagnosisSession>,
}

impl Diagnosis {
    fn session(&self) -> Result<std::cell::Ref<'_, DiagnosisSession>, Failure> {
        self.session.try_borrow().map_err(|_| busy())
    }

    fn session_mut(&self) -> Result<std::cell::RefMut<'_, DiagnosisSession>, Failure> {
        self.session.try_borrow_mut().map_err(|_| busy())
    }

    fn diagnosis(&self) -> Result<passerelle_core::Diagnosis, Failure> {
        Ok(self
            .session()?
            .diagnosis(&self.shared.questionnaire, self.locale.get()))
    }
}

#[derive(Serialize)]
struct StepOut {
    question: Option<Json>,
    progress: passerelle_core::Progress,
}

#[wasm_bindgen]
impl Diagnosis {
    /// The question to ask now (as in the questionnaire format), or
    /// `null` at the end.
    pub fn current(&self) -> Result<JsValue> {
        let session = self.session()?;
        let question = session.current(&self.shared.questionnaire);
        let question = question.map(|question| question_out(&session, &self.shared, question));
        Ok(to_js(&question)?)
    }

    /// `{question, progress}`: the question to ask now (or `null`) and
    /// how far the person is, worked out together.
    pub fn step(&self) -> Result<JsValue> {
        let session = self.session()?;
        let step = session.step(&self.shared.questionnaire);
        Ok(to_js(&StepOut {
            question: (step.question)
                .map(|question| question_out(&session, &self.shared, question)),
            progress: step.progress,
        })?)
    }

    /// Answers the current question `id` with a typed value: `true` or
    /// `false`, a whole number, a text (option id, `YYYY-MM-DD`, postal
    /// code) or an array of texts. Throws `not_current_question`,
    /// `session_complete` or an `answer_*` code, with a localised message.
    pub fn answer(&self, id: JsValue, value: JsValue) -> Result<()> {
        let id = convert::string(&id, "id")?;
        let text = convert::stringify(&value, "value")?;
        let value: AnswerValue = json::read_text(&text).map_err(|error| {
            let failure = Failure::argument(format!("value is not an answer: {error}"));
            match self.shared.questionnaire.question(&id) {
                // A value of no answer type: the core's message for it.
                Some(question) => Failure::new(
                    "answer_unknown_option",
                    AnswerError::UnknownOption.message(question, self.locale.get()),
                )
                .with_detail("$", failure.code, failure.message),
                None => failure,
            }
        })?;
        let mut session = self.session_mut()?;
        session
            .answer(&self.shared.questionnaire, &id, value)
            .map_err(|error| session_error(&error, &self.shared, &id, self.locale.get()))?;
        Ok(())
    }

    /// Answers the current question `id` with what was typed or chosen in
    /// a form (a string: `"yes"`, `"no"`, `"12"`, `"27/11/2026"`…).
    #[wasm_bindgen(js_name = answerInput)]
    pub fn answer_input(&self, id: JsValue, input: JsValue) -> Result<()> {
        let id = convert::string(&id, "id")?;
        let input = convert::string(&input, "input")?;
        let mut session = self.session_mut()?;
        session
            .answer_input(&self.shared.questionnaire, &id, &input)
            .map_err(|error| session_error(&error, &self.shared, &id, self.locale.get()))?;
        Ok(())
    }

    /// Skips the current question `id` ("I'd rather not say"), if it
    /// allows it. Throws `not_skippable`, `not_current_question`…
    pub fn skip(&self, id: JsValue) -> Result<()> {
        let id = convert::string(&id, "id")?;
        let mut session = self.session_mut()?;
        session
            .skip(&self.shared.questionnaire, &id)
            .map_err(|error| session_error(&error, &self.shared, &id, self.locale.get()))?;
        Ok(())
    }

    /// Goes back one question; `false` at the first question.
    pub fn back(&self) -> Result<bool> {
        Ok(self.session_mut()?.back())
    }

    /// The answers of the questions answered, keyed by question id: what
    /// `Engine.replay_diagnosis` takes.
    pub fn answers(&self) -> Result<JsValue> {
        Ok(to_js(&self.session()?.answers())?)
    }

    /// The answer given earlier to question `id`, or `null`.
    #[wasm_bindgen(js_name = previousAnswer)]
    pub fn previous_answer(&self, id: JsValue) -> Result<JsValue> {
        let id = convert::string(&id, "id")?;
        Ok(to_js(&self.session()?.previous_answer(&id))?)
    }

    /// `{answered, total, at_most}`.
    pub fn progress(&self) -> Result<JsValue> {
        Ok(to_js(
            &self.session()?.progress(&self.shared.questionnaire),
        )?)
    }

    /// Whether every question has an answer.
    #[wasm_bindgen(js_name = isComplete)]
    pub fn is_complete(&self) -> Result<bool> {
        Ok(self.session()?.is_complete(&self.shared.questionnaire))
    }

    /// The session's reference date, `"YYYY-MM-DD"`.
    #[wasm_bindgen(js_name = referenceDate)]
    pub fn reference_date(&self) -> Result<String> {
        Ok(self.session()?.reference_date().to_string())
    }

    /// The session as versioned JSON text, for `Engine.resume_diagnosis`.
    pub fn snapshot(&self) -> Result<String> {
        Ok(self.session()?.snapshot())
    }

    /// The diagnosis the answers so far give: `{questionnaire_id,
    /// reference_date, facts, urgent, needs, ranked_by_person}`, texts in
    /// the engine's language.
    pub fn result(&self) -> Result<JsValue> {
        Ok(to_js(&self.diagnosis()?)?)
    }

    /// The facts the answers so far set (`docs/facts.md`), derived facts
    /// included; a skipped question sets none.
    pub fn facts(&self) -> Result<JsValue> {
        Ok(to_js(&self.session()?.facts(&self.shared.questionnaire))?)
    }

    /// The themes of the needs found so far.
    #[wasm_bindgen(js_name = needsFound)]
    pub fn needs_found(&self) -> Result<JsValue> {
        Ok(to_js(
            &self.session()?.needs_found(&self.shared.questionnaire),
        )?)
    }

    /// Orients from the diagnosis so far (its facts and needs, at its
    /// reference date): `options` `{explain? (true, false or
    /// "on-demand"), detailed? (false)}`, as `Engine.orient`.
    pub fn orient(&self, options: JsValue) -> Result<JsValue> {
        let options = convert::options(&options, "options")?.unwrap_or(Json::Null);
        if !options.is_null() {
            convert::known_keys(&options, &["explain", "detailed"], "options")?;
        }
        let explain = Explain::read(options.get("explain"))?;
        let detailed = convert::json_bool(options.get("detailed"), false, "detailed")?;
        let diagnosis = self.diagnosis()?;
        Ok(orientation(
            &self.shared.catalogue,
            &diagnosis.facts,
            &diagnosis.orientation_needs(),
            diagnosis.reference_date,
            self.locale.get(),
            explain,
            detailed,
        )?)
    }

    /// Builds the plan from the diagnosis so far and the person's
    /// `choices` (`docs/plan-format.md`): `{needs, entries?, statements?,
    /// schedule?, locale?, by?}`; the schedule defaults to two steps a
    /// week from the reference date, the locale to the engine's.
    #[wasm_bindgen(js_name = buildPlan)]
    pub fn build_plan(&self, choices: JsValue) -> Result<Plan> {
        Ok(build_plan(
            &self.shared,
            &self.locale,
            &self.diagnosis()?,
            &choices,
        )?)
    }
}

impl std::fmt::Debug for Diagnosis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Diagnosis")
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}
