//! The whole flow from JavaScript: an [`Engine`] holds a questionnaire and
//! a catalogue; a [`Diagnosis`] runs a session on them; a [`Plan`] is
//! built, edited, reviewed and exported.
//!
//! Names and JSON shapes are the core's (snake_case), so that the format
//! documents in `docs/` apply as they are. Every method returns a
//! `Result`: a failure is a thrown `Error` with a stable `code`, a
//! `message` and a `details` array (see `error.rs`). Inputs are read as
//! `convert.rs` says; nothing here decides anything the core decides.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::communes::Communes;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::import::import_data_inclusion;
use passerelle_core::json;
use passerelle_core::orientation::{orient, Need, Request};
use passerelle_core::plan::{Author, Choices, Edit, Plan as CorePlan, PlanError};
use passerelle_core::print::print_view;
use passerelle_core::problem::Problem;
use passerelle_core::referral::referral_sheet;
use passerelle_core::report::report;
use passerelle_core::{
    AnswerError, AnswerValue, DiagnosisSession, Locale, Question, QuestionKind, Questionnaire,
    SessionError, SnapshotError,
};
use serde::Serialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::api::convert::{self, absent, to_js};
use crate::api::error::Failure;

type Result<T, E = JsValue> = std::result::Result<T, E>;

/// What an engine's sessions and plans share: read-only once made.
struct Shared {
    /// The catalogue local ones are merged into: national, or given.
    base: Arc<Catalogue>,
    /// The catalogue in use: `base` with the local catalogue, if any.
    catalogue: Arc<Catalogue>,
    /// The questionnaire, adapted to `catalogue`.
    questionnaire: Questionnaire,
}

/// The language shared by an engine and what it made: switching it
/// switches the messages of every session and plan of the engine.
type SharedLocale = Rc<Cell<Locale>>;

fn busy() -> Failure {
    Failure::new("busy", "this object is in use by a call still running")
}

/// Reads a catalogue given as JSON text or as a parsed value.
fn catalogue_in(value: &Json, what: &str) -> Result<Catalogue, Failure> {
    let read = match value {
        Json::String(text) => Catalogue::from_json(text),
        other => Catalogue::from_value(other),
    };
    read.map_err(|problems| Failure::problems("invalid_catalogue", what, problems))
}

/// Reads a questionnaire given as JSON text or as a parsed value.
fn questionnaire_in(value: &Json) -> Result<Questionnaire, Failure> {
    Questionnaire::from_json(&convert::document_in(value)).map_err(|error| {
        Failure::problems("invalid_questionnaire", "questionnaire", error.problems)
    })
}

/// Reads the commune parts of the `communes` option: an array of texts.
fn communes_in(value: &Json) -> Result<Communes, Failure> {
    let Json::Array(items) = value else {
        return Err(Failure::argument(
            "options.communes must be an array of commune parts (texts)",
        ));
    };
    let mut texts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Json::String(text) => texts.push(text.as_str()),
            _ => {
                return Err(Failure::argument(format!(
                    "options.communes[{i}] must be the text of a commune part"
                )))
            }
        }
    }
    Communes::from_parts(texts, "$.communes")
        .map_err(|problems| Failure::problems("invalid_communes", "options.communes", problems))
}

/// A question as JSON: as in the questionnaire, and for a commune
/// question its options of now (the communes of the postal code
/// answered) in `kind.options`.
///
/// Through JSON text, as every result is written: a second serializer
/// (to `Value`) would put a second copy of the questionnaire's
/// serialisation code in the module.
fn question_out(session: &DiagnosisSession, shared: &Shared, question: &Question) -> Json {
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
fn plan_error(error: &PlanError) -> Failure {
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
fn session_error(error: &SessionError, shared: &Shared, id: &str, locale: Locale) -> Failure {
    let question = shared.questionnaire.question(id);
    Failure::new(error.code(), error.message(question, locale))
}

fn snapshot_error(error: &SnapshotError, locale: Locale) -> Failure {
    let path = match error {
        SnapshotError::Limit { problem } => problem.path.as_str(),
        _ => "$",
    };
    Failure::new(error.code(), error.message(locale)).with_detail(
        path,
        error.code(),
        error.to_string(),
    )
}

/// A summary of the catalogue in use.
#[derive(Serialize)]
struct CatalogueSummary<'a> {
    id: &'a str,
    name: &'a str,
    fictional: bool,
    /// Entries in the catalogue in use.
    entries: usize,
    /// Entries of the local catalogue just loaded.
    local_entries: usize,
}

/// The orientation engine: a questionnaire, a catalogue and a language.
///
/// `new Engine({locale?, questionnaire?, catalogue?, local_catalogue?,
/// communes?})`: the default questionnaire (French and English) and the
/// national catalogue unless given (each as an object or JSON text); a
/// local catalogue is merged into the catalogue (an entry of the same id
/// replaces it); the questionnaire adapts to the catalogue. `communes`:
/// the texts of the commune parts to know (the package's
/// `communes/<department>.txt`), so that a postal code of one commune sets
/// it, one of several asks which, and places are named; without, the
/// commune question is left out and communes are told by their department.
#[wasm_bindgen]
pub struct Engine {
    shared: RefCell<Rc<Shared>>,
    locale: SharedLocale,
}

impl Engine {
    fn shared(&self) -> Result<Rc<Shared>, Failure> {
        self.shared
            .try_borrow()
            .map(|s| Rc::clone(&s))
            .map_err(|_| busy())
    }

    fn make(options: &JsValue) -> Result<Engine, Failure> {
        let options = convert::options(options, "options")?.unwrap_or(Json::Null);
        if !options.is_null() {
            convert::known_keys(
                &options,
                &[
                    "locale",
                    "questionnaire",
                    "catalogue",
                    "local_catalogue",
                    "communes",
                ],
                "options",
            )?;
        }
        let field = |key: &str| options.get(key).filter(|value| !value.is_null());
        let locale = match field("locale") {
            None => Locale::default(),
            Some(Json::String(tag)) => convert::locale_text(tag, "options.locale")?,
            Some(_) => return Err(Failure::argument("options.locale must be a language tag")),
        };
        let communes = match field("communes") {
            None => None,
            Some(value) => Some(communes_in(value)?),
        };
        let base = match (field("catalogue"), &communes) {
            (None, None) => crate::national_catalogue(),
            (None, Some(communes)) => Arc::new(
                (*crate::national_catalogue())
                    .clone()
                    .with_communes(communes.clone()),
            ),
            (Some(value), _) => Arc::new(
                catalogue_in(value, "options.catalogue")?
                    .with_communes(communes.clone().unwrap_or_default()),
            ),
        };
        let catalogue = match field("local_catalogue") {
            None => Arc::clone(&base),
            Some(value) => {
                Arc::new(base.merged_with(&catalogue_in(value, "options.local_catalogue")?))
            }
        };
        let questionnaire = match field("questionnaire") {
            None => Questionnaire::default_fr_en(),
            Some(value) => questionnaire_in(value)?,
        }
        .adapted_to(Arc::clone(&catalogue))
        .with_communes(communes.unwrap_or_default());
        Ok(Engine {
            shared: RefCell::new(Rc::new(Shared {
                base,
                catalogue,
                questionnaire,
            })),
            locale: Rc::new(Cell::new(locale)),
        })
    }
}

#[wasm_bindgen]
impl Engine {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Engine> {
        Ok(Engine::make(&options)?)
    }

    /// The language of messages and texts: `"fr"` or `"en"`.
    pub fn locale(&self) -> Result<String> {
        Ok(self.locale.get().tag().to_owned())
    }

    /// Switches the language (`"fr"`, `"en"`, `"en-GB"`…) of this engine
    /// and of the sessions and plans it made.
    pub fn set_locale(&self, tag: JsValue) -> Result<()> {
        self.locale.set(convert::locale(&tag, "tag")?);
        Ok(())
    }

    /// The questionnaire in use, as in `docs/questionnaire-format.md`.
    pub fn questionnaire(&self) -> Result<JsValue> {
        Ok(to_js(&self.shared()?.questionnaire)?)
    }

    /// The catalogue in use, as in `docs/catalogue-format.md`.
    pub fn catalogue(&self) -> Result<JsValue> {
        Ok(to_js(&*self.shared()?.catalogue)?)
    }

    /// Loads a local catalogue (object or JSON text), checked, and merges
    /// it into the engine's catalogue (replacing a local catalogue loaded
    /// before). Returns `{id, name, fictional, entries, local_entries}`.
    /// Throws `invalid_catalogue` with every problem in `details`.
    /// Sessions and plans made before keep the catalogue they had.
    pub fn load_catalogue(&self, local: JsValue) -> Result<JsValue> {
        let text = convert::document(&local, "catalogue")?;
        let local = Catalogue::from_json(&text)
            .map_err(|problems| Failure::problems("invalid_catalogue", "catalogue", problems))?;
        let old = self.shared()?;
        let catalogue = Arc::new(old.base.merged_with(&local));
        let shared = Shared {
            base: Arc::clone(&old.base),
            catalogue: Arc::clone(&catalogue),
            questionnaire: old.questionnaire.clone().adapted_to(Arc::clone(&catalogue)),
        };
        let summary = to_js(&CatalogueSummary {
            id: &catalogue.id,
            name: &catalogue.name,
            fictional: catalogue.fictional,
            entries: catalogue.entries().len(),
            local_entries: local.entries().len(),
        })?;
        *self.shared.try_borrow_mut().map_err(|_| busy())? = Rc::new(shared);
        Ok(summary)
    }

    /// Imports data·inclusion service records (an array, or its JSON
    /// text). Returns `{catalogue, report}`: the entries as a catalogue
    /// (ready for `load_catalogue`) and what was refused or not carried
    /// over (`[{path, code, message}]`). Throws `invalid_records` when
    /// the input is not a list of records.
    pub fn import_data_inclusion(&self, records: JsValue) -> Result<JsValue> {
        let text = convert::document(&records, "records")?;
        let import = import_data_inclusion(&text)
            .map_err(|problems| Failure::problems("invalid_records", "records", problems))?;
        #[derive(Serialize)]
        struct Imported<'a> {
            catalogue: &'a Catalogue,
            report: &'a [Problem],
        }
        Ok(to_js(&Imported {
            catalogue: &import.catalogue,
            report: &import.report,
        })?)
    }

    /// Starts a diagnosis session at `reference_date` (`"YYYY-MM-DD"`,
    /// today when left out).
    pub fn start_diagnosis(&self, reference_date: JsValue) -> Result<Diagnosis> {
        let date = convert::date_or_today(&reference_date, "reference_date")?;
        let shared = self.shared()?;
        let session = DiagnosisSession::new(&shared.questionnaire, date);
        Ok(Diagnosis {
            shared,
            locale: Rc::clone(&self.locale),
            session: RefCell::new(session),
        })
    }

    /// Resumes a session from `Diagnosis.snapshot()`. Throws
    /// `snapshot_corrupted`, `snapshot_future_version`,
    /// `snapshot_other_questionnaire` or `snapshot_inconsistent`.
    pub fn resume_diagnosis(&self, snapshot: JsValue) -> Result<Diagnosis> {
        let text = convert::document(&snapshot, "snapshot")?;
        let shared = self.shared()?;
        let locale = self.locale.get();
        let session = DiagnosisSession::resume(&shared.questionnaire, &text)
            .map_err(|error| snapshot_error(&error, locale))?;
        Ok(Diagnosis {
            shared,
            locale: Rc::clone(&self.locale),
            session: RefCell::new(session),
        })
    }

    /// Replays answers keyed by question id (`{sleep_tonight: "street",
    /// …}`) through a new session at `reference_date` (today when left
    /// out), asking the questions in turn: an unanswered question is
    /// skipped if it may be, else the replay stops there, for the session
    /// to go on. Returns `{diagnosis, problems}`: the session, and every
    /// problem (an answer refused, which stops the replay; a question that
    /// needs an answer; answers to questions not asked or unknown), each
    /// `{path: "$.answers.<id>", code, message}`. Throws
    /// `invalid_argument` when `answers` is not an object of answers.
    pub fn replay_diagnosis(&self, answers: JsValue, reference_date: JsValue) -> Result<JsValue> {
        let answers: BTreeMap<String, AnswerValue> = convert::read(&answers, "answers")?;
        let date = convert::date_or_today(&reference_date, "reference_date")?;
        let shared = self.shared()?;
        let locale = self.locale.get();
        let (session, problems) =
            DiagnosisSession::replay(&shared.questionnaire, date, &answers, locale);
        let out = js_sys::Object::new();
        let diagnosis = Diagnosis {
            shared,
            locale: Rc::clone(&self.locale),
            session: RefCell::new(session),
        };
        convert::set_own(&out, "diagnosis", &diagnosis.into());
        convert::set_own(&out, "problems", &to_js(&problems)?);
        Ok(out.into())
    }

    /// Builds a plan from a diagnosis saved earlier (`Diagnosis.result()`,
    /// as an object or its JSON text) and the person's `choices`, as
    /// `Diagnosis.build_plan` does. Throws `invalid_argument` when
    /// `diagnosis` is not a diagnosis result, and the `plan_*` codes of
    /// `build_plan`.
    pub fn build_plan(&self, diagnosis: JsValue, choices: JsValue) -> Result<Plan> {
        let text = convert::document(&diagnosis, "diagnosis")?;
        let diagnosis: passerelle_core::Diagnosis = json::read_text(&text).map_err(|error| {
            Failure::argument(format!("diagnosis is not a diagnosis result: {error}"))
        })?;
        Ok(build_plan(
            &self.shared()?,
            &self.locale,
            &diagnosis,
            &choices,
        )?)
    }

    /// Orients from facts given directly: `{facts, needs?, reference_date?,
    /// explain? (true), detailed? (false)}`. Returns the orientation
    /// (`detailed`: with names, access and sources). Throws
    /// `invalid_request` with every problem in `details`.
    pub fn orient(&self, request: JsValue) -> Result<JsValue> {
        let request = convert::options(&request, "request")?
            .ok_or_else(|| Failure::argument("request must be an object"))?;
        convert::known_keys(
            &request,
            &["facts", "needs", "reference_date", "explain", "detailed"],
            "request",
        )?;
        let mut problems = Vec::new();
        let facts = match request.get("facts") {
            None | Some(Json::Null) => Facts::default(),
            Some(value) => Facts::from_value(value, "$.facts").unwrap_or_else(|found| {
                problems.extend(found);
                Facts::default()
            }),
        };
        let needs: Vec<Need> = match request.get("needs") {
            None | Some(Json::Null) => Vec::new(),
            Some(value) => json::read(value).unwrap_or_else(|error| {
                problems.push(Problem::new("invalid_needs", "$.needs", error.to_string()));
                Vec::new()
            }),
        };
        for (i, need) in needs.iter().enumerate() {
            if let Err(problem) = need.check(&format!("$.needs[{i}]")) {
                problems.push(problem);
            }
        }
        let date = convert::json_date_or_today(request.get("reference_date"), "reference_date")?;
        let explain = convert::json_bool(request.get("explain"), true, "explain")?;
        let detailed = convert::json_bool(request.get("detailed"), false, "detailed")?;
        if !problems.is_empty() {
            return Err(Failure::problems("invalid_request", "request", problems).into());
        }
        let shared = self.shared()?;
        Ok(orientation(
            &shared.catalogue,
            &facts,
            &needs,
            date,
            self.locale.get(),
            explain,
            detailed,
        )?)
    }

    /// The ids of the entries the person is eligible for, and of those
    /// that need more facts to say, in catalogue order: `{facts,
    /// reference_date?}` → `{eligible, undetermined}`. The quickest way to
    /// ask the catalogue: no proposals, reasons or ruled-out entries.
    /// Throws `invalid_request` with every problem in `details`.
    pub fn eligible(&self, request: JsValue) -> Result<JsValue> {
        let request = convert::options(&request, "request")?
            .ok_or_else(|| Failure::argument("request must be an object"))?;
        convert::known_keys(&request, &["facts", "reference_date"], "request")?;
        let facts = match request.get("facts") {
            None | Some(Json::Null) => Facts::default(),
            Some(value) => Facts::from_value(value, "$.facts")
                .map_err(|found| Failure::problems("invalid_request", "request", found))?,
        };
        let date = convert::json_date_or_today(request.get("reference_date"), "reference_date")?;
        let shared = self.shared()?;
        let request = Request {
            facts: &facts,
            needs: &[],
            reference_date: date,
            locale: self.locale.get(),
            explain: false,
        };
        let orientation = orient(&shared.catalogue, &request)
            .map_err(|problem| Failure::problems("invalid_request", "request", vec![problem]))?;
        Ok(to_js(&orientation.matched())?)
    }

    /// Reads a plan exported by `Plan.to_json()` (JSON text, its parsed
    /// value, or a `Plan`). Throws `plan_corrupted` or
    /// `plan_future_version`.
    pub fn plan_from_json(&self, plan: JsValue) -> Result<Plan> {
        let text = convert::document(&plan, "plan")?;
        let plan = CorePlan::from_json(&text).map_err(|error| plan_error(&error))?;
        Ok(Plan {
            shared: self.shared()?,
            locale: Rc::clone(&self.locale),
            plan: RefCell::new(plan),
        })
    }

    /// The anonymous report of plans (an array of `Plan`s, plan objects
    /// or JSON texts; counts under 5 hidden). Throws `invalid_plans` with
    /// the problem of each plan that cannot be read in `details`.
    pub fn report(&self, plans: JsValue) -> Result<JsValue> {
        let Json::Array(items) = convert::parse(&plans, "plans")? else {
            return Err(Failure::argument("plans must be an array").into());
        };
        if items.len() > passerelle_core::limits::MAX_LIST {
            let problem = Problem::new(
                "list_too_long",
                "$",
                format!(
                    "{} plans; a report reads at most {} at once",
                    items.len(),
                    passerelle_core::limits::MAX_LIST
                ),
            );
            return Err(Failure::problems("invalid_plans", "plans", vec![problem]).into());
        }
        let mut read = Vec::with_capacity(items.len());
        let mut problems = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match CorePlan::from_json(&convert::document_in(item)) {
                Ok(plan) => read.push(plan),
                Err(error) => {
                    // A limit crossed inside the plan: its path in the plan.
                    let inside = match &error {
                        PlanError::Limit { problem } => problem.path.get(1..).unwrap_or(""),
                        _ => "",
                    };
                    problems.push(Problem::new(
                        error.code(),
                        &format!("$[{i}]{inside}"),
                        error.to_string(),
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(Failure::problems("invalid_plans", "plans", problems).into());
        }
        Ok(to_js(&report(&read))?)
    }
}

/// Orients and converts the result.
fn orientation(
    catalogue: &Catalogue,
    facts: &Facts,
    needs: &[Need],
    reference_date: Date,
    locale: Locale,
    explain: bool,
    detailed: bool,
) -> Result<JsValue, Failure> {
    let orientation = orient(
        catalogue,
        &Request {
            facts,
            needs,
            reference_date,
            locale,
            explain,
        },
    )
    .map_err(|problem| Failure::problems("invalid_request", "request", vec![problem]))?;
    if detailed {
        to_js(&orientation.detailed())
    } else {
        to_js(&orientation)
    }
}

/// A diagnosis session on an engine's questionnaire, one question at a
/// time. Made by `Engine.start_diagnosis` or `Engine.resume_diagnosis`.
#[wasm_bindgen]
pub struct Diagnosis {
    shared: Rc<Shared>,
    locale: SharedLocale,
    session: RefCell<DiagnosisSession>,
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
    pub fn is_complete(&self) -> Result<bool> {
        Ok(self.session()?.is_complete(&self.shared.questionnaire))
    }

    /// The session's reference date, `"YYYY-MM-DD"`.
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
    pub fn needs_found(&self) -> Result<JsValue> {
        Ok(to_js(
            &self.session()?.needs_found(&self.shared.questionnaire),
        )?)
    }

    /// Orients from the diagnosis so far (its facts and needs, at its
    /// reference date): `options` `{explain? (true), detailed? (false)}`.
    pub fn orient(&self, options: JsValue) -> Result<JsValue> {
        let options = convert::options(&options, "options")?.unwrap_or(Json::Null);
        if !options.is_null() {
            convert::known_keys(&options, &["explain", "detailed"], "options")?;
        }
        let explain = convert::json_bool(options.get("explain"), true, "explain")?;
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
    pub fn build_plan(&self, choices: JsValue) -> Result<Plan> {
        Ok(build_plan(
            &self.shared,
            &self.locale,
            &self.diagnosis()?,
            &choices,
        )?)
    }
}

/// The plan built from `diagnosis` and the person's `choices` (a JS
/// object), defaults filled in as `Diagnosis.build_plan` documents.
fn build_plan(
    shared: &Rc<Shared>,
    locale: &SharedLocale,
    diagnosis: &passerelle_core::Diagnosis,
    choices: &JsValue,
) -> Result<Plan, Failure> {
    let given = convert::options(choices, "choices")?
        .ok_or_else(|| Failure::argument("choices must be an object"))?;
    let mut defaults = Choices::new(diagnosis.reference_date, Vec::new());
    defaults.locale = locale.get();
    let mut merged = json::to_value(&defaults);
    if let (Json::Object(merged), Json::Object(given)) = (&mut merged, given) {
        merged.extend(given);
    }
    let choices: Choices = convert::read_json(&merged, "choices")?;
    let plan = CorePlan::build(diagnosis, &shared.catalogue, &choices)
        .map_err(|error| plan_error(&error))?;
    Ok(Plan {
        shared: Rc::clone(shared),
        locale: Rc::clone(locale),
        plan: RefCell::new(plan),
    })
}

/// A personalised plan on an engine's catalogue. Made by
/// `Diagnosis.build_plan` or `Engine.plan_from_json`.
#[wasm_bindgen]
pub struct Plan {
    shared: Rc<Shared>,
    locale: SharedLocale,
    plan: RefCell<CorePlan>,
}

impl Plan {
    fn plan(&self) -> Result<std::cell::Ref<'_, CorePlan>, Failure> {
        self.plan.try_borrow().map_err(|_| busy())
    }
}

#[derive(Serialize)]
struct ProposalOut<'a> {
    objective: &'a str,
    action: &'a passerelle_core::plan::Action,
}

#[wasm_bindgen]
impl Plan {
    /// Applies an edit (`{op: "set_status", action, status}`…, see
    /// `docs/plan-format.md`) made `by` `"person"` or `"advisor"` on
    /// `date` (today when left out). Returns the change as recorded in the
    /// history (with the ids the plan gave).
    pub fn apply(&self, edit: JsValue, by: JsValue, date: JsValue) -> Result<JsValue> {
        let edit: Edit = convert::read(&edit, "edit")?;
        let by: Author = match convert::string(&by, "by")?.as_str() {
            "person" => Author::Person,
            "advisor" => Author::Advisor,
            _ => return Err(Failure::argument("by must be \"person\" or \"advisor\"").into()),
        };
        let date = convert::date_or_today(&date, "date")?;
        let mut plan = self.plan.try_borrow_mut().map_err(|_| busy())?;
        plan.apply(edit, by, date)
            .map_err(|error| plan_error(&error))?;
        Ok(to_js(&plan.history.last())?)
    }

    /// New actions worth proposing at a review, on `date` (today when
    /// left out) with `facts` (the plan's when left out):
    /// `[{objective, action}]`; add the wanted ones with an `add_action`
    /// edit.
    pub fn proposals(&self, date: JsValue, facts: JsValue) -> Result<JsValue> {
        let date = convert::date_or_today(&date, "date")?;
        let facts = if absent(&facts) {
            None
        } else {
            let value = convert::parse(&facts, "facts")?;
            Some(
                Facts::from_value(&value, "$")
                    .map_err(|problems| Failure::problems("invalid_facts", "facts", problems))?,
            )
        };
        let plan = self.plan()?;
        let proposals = plan
            .proposals(
                &self.shared.catalogue,
                facts.as_ref().unwrap_or(&plan.facts),
                date,
            )
            .map_err(|error| plan_error(&error))?;
        let out: Vec<ProposalOut> = proposals
            .iter()
            .map(|(objective, action)| ProposalOut { objective, action })
            .collect();
        Ok(to_js(&out)?)
    }

    /// The plan as versioned JSON text (`docs/plan-format.md`).
    pub fn to_json(&self) -> Result<String> {
        Ok(self.plan()?.to_json())
    }

    /// The plan as a JavaScript value shaped like its JSON.
    pub fn value(&self) -> Result<JsValue> {
        Ok(to_js(&*self.plan()?)?)
    }

    /// For `JSON.stringify(plan)`: the plan's value.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> Result<JsValue> {
        self.value()
    }

    /// The actions still to do, by due date.
    pub fn next_steps(&self) -> Result<JsValue> {
        Ok(to_js(&self.plan()?.next_steps())?)
    }

    /// The plan as one printable HTML page in its language, dated `today`
    /// (today when left out).
    pub fn print_view(&self, today: JsValue) -> Result<String> {
        let today = convert::date_or_today(&today, "today")?;
        let plan = self.plan()?;
        Ok(print_view(&plan, &self.shared.catalogue, today))
    }

    /// The referral sheet for the partner of catalogue entry `entry`,
    /// made on `today` (today when left out). Throws `no_consent`,
    /// `unknown_entry` or `emergency_line`, with a localised message.
    pub fn referral_sheet(&self, entry: JsValue, today: JsValue) -> Result<JsValue> {
        let entry = convert::string(&entry, "entry")?;
        let today = convert::date_or_today(&today, "today")?;
        let plan = self.plan()?;
        let sheet =
            referral_sheet(&plan, &self.shared.catalogue, &entry, today).map_err(|error| {
                Failure::new(
                    error.code(),
                    error.message(&self.shared.catalogue, self.locale.get()),
                )
                .with_detail("$", error.code(), error.to_string())
            })?;
        Ok(to_js(&sheet)?)
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("locale", &self.locale.get())
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Diagnosis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Diagnosis")
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("plan", &self.plan)
            .finish_non_exhaustive()
    }
}
