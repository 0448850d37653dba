//! The whole flow from JavaScript: an [`Engine`] holds a questionnaire and
//! a catalogue; a [`Diagnosis`] runs a session on them; a [`Plan`] is
//! built, edited, reviewed and exported.
//!
//! Methods and options are camelCase, as JavaScript's own (`js_name`);
//! the documents they take and give keep the core's JSON shapes
//! (snake_case), so that the format documents in `docs/` apply as they
//! are. Every method returns a
//! `Result`: a failure is a thrown `Error` with a stable `code`, a
//! `message` and a `details` array (see `error.rs`). Inputs are read as
//! `convert.rs` says; nothing here decides anything the core decides.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::communes::Communes;
use passerelle_core::entry_sheet::entry_sheet;
use passerelle_core::facts::Facts;
use passerelle_core::import::import_data_inclusion;
use passerelle_core::json;
use passerelle_core::orientation::national::national_orientation_at;
use passerelle_core::orientation::{ids_json, matched_positions, Need};
use passerelle_core::plan::{Plan as CorePlan, PlanError};
use passerelle_core::problem::Problem;
use passerelle_core::report::{report, report_for_period, Period, Report};
use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire, SnapshotError};
use serde::Serialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::api::convert::{self, to_js};
use crate::api::error::Failure;
use crate::api::import::DataInclusionImport;
use crate::api::local::load_local;
use crate::api::reasons::Explain;

use super::diagnosis::Diagnosis;
use super::plan::{build_plan, Plan};
use super::shared::{busy, orientation, plan_error, Shared, SharedLocale};

type Result<T, E = JsValue> = std::result::Result<T, E>;

/// Reads a catalogue given as JSON text or as a parsed value.
pub(super) fn catalogue_in(value: &Json, what: &str) -> Result<Catalogue, Failure> {
    let read = match value {
        Json::String(text) => Catalogue::from_json(text),
        other => Catalogue::from_value(other),
    };
    read.map_err(|problems| Failure::problems("invalid_catalogue", what, problems))
}

/// Reads a questionnaire given as JSON text or as a parsed value.
pub(super) fn questionnaire_in(value: &Json) -> Result<Questionnaire, Failure> {
    Questionnaire::from_json(&convert::document_in(value)).map_err(|error| {
        Failure::problems("invalid_questionnaire", "questionnaire", error.problems)
    })
}

/// Reads the commune parts of the `communes` option: an array of texts.
pub(super) fn communes_in(value: &Json) -> Result<Communes, Failure> {
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

pub(super) fn snapshot_error(error: &SnapshotError, locale: Locale) -> Failure {
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

/// The orientation engine: a questionnaire, a catalogue and a language.
///
/// `new Engine({locale?, questionnaire?, catalogue?, localCatalogue?,
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
    /// Shared with the imports it started, which load into it.
    shared: Rc<RefCell<Rc<Shared>>>,
    locale: SharedLocale,
    /// The ids of the entries of a catalogue (whose allocation the weak
    /// pointer keeps, so that no other takes its address), as a
    /// JavaScript array: made at the first `eligible` on that catalogue.
    ids: RefCell<Option<(std::sync::Weak<Catalogue>, JsValue)>>,
}

impl Engine {
    /// The ids of `catalogue`'s entries as a JavaScript array, in its
    /// order: made once per catalogue, so that `eligible` gives
    /// positions, not text.
    fn catalogue_ids(&self, catalogue: &Arc<Catalogue>) -> Result<JsValue, Failure> {
        let mut kept = self.ids.try_borrow_mut().map_err(|_| busy())?;
        if let Some((of, ids)) = &*kept {
            if std::ptr::eq(of.as_ptr(), Arc::as_ptr(catalogue)) {
                return Ok(ids.clone());
            }
        }
        let ids = convert::json_to_js(&ids_json(catalogue))?;
        *kept = Some((Arc::downgrade(catalogue), ids.clone()));
        Ok(ids)
    }

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
                    "localCatalogue",
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
            (None, None) => crate::national_catalogue()?,
            (None, Some(communes)) => Arc::new(
                (*crate::national_catalogue()?)
                    .clone()
                    .with_communes(communes.clone()),
            ),
            (Some(value), _) => Arc::new(
                catalogue_in(value, "options.catalogue")?
                    .with_communes(communes.clone().unwrap_or_default()),
            ),
        };
        let catalogue = match field("localCatalogue") {
            None => Arc::clone(&base),
            Some(value) => {
                Arc::new(base.with_local(catalogue_in(value, "options.localCatalogue")?))
            }
        };
        let questionnaire = match field("questionnaire") {
            None => Questionnaire::default_fr_en(),
            Some(value) => questionnaire_in(value)?,
        }
        .adapted_to(Arc::clone(&catalogue))
        .with_communes(communes.unwrap_or_default());
        Ok(Engine {
            shared: Rc::new(RefCell::new(Rc::new(Shared {
                base,
                catalogue,
                questionnaire,
            }))),
            locale: Rc::new(Cell::new(locale)),
            ids: RefCell::new(None),
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
    #[wasm_bindgen(js_name = setLocale)]
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
    #[wasm_bindgen(js_name = loadCatalogue)]
    pub fn load_catalogue(&self, local: JsValue) -> Result<JsValue> {
        let text = convert::document(&local, "catalogue")?;
        let local = Catalogue::from_json(&text)
            .map_err(|problems| Failure::problems("invalid_catalogue", "catalogue", problems))?;
        Ok(load_local(&self.shared, local)?)
    }

    /// Imports data·inclusion service records (an array, or its JSON
    /// text). Returns `{catalogue, report}`: the entries as a catalogue
    /// (ready for `load_catalogue`) and what was refused or not carried
    /// over (`[{path, code, message}]`). Throws `invalid_records` when
    /// the input is not a list of records.
    #[wasm_bindgen(js_name = importDataInclusion)]
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

    /// Starts an import of data·inclusion records in chunks (a
    /// department's services, over the 16 MiB of one document): see
    /// [`DataInclusionImport`]; its `finish()` loads the entries into
    /// this engine.
    #[wasm_bindgen(js_name = startImport)]
    pub fn start_import(&self) -> DataInclusionImport {
        DataInclusionImport::new(Rc::clone(&self.shared))
    }

    /// Starts a diagnosis session at `reference_date` (`"YYYY-MM-DD"`,
    /// today when left out).
    #[wasm_bindgen(js_name = startDiagnosis)]
    pub fn start_diagnosis(&self, reference_date: JsValue) -> Result<Diagnosis> {
        let date = convert::date_or_today(&reference_date, "referenceDate")?;
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
    #[wasm_bindgen(js_name = resumeDiagnosis)]
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
    #[wasm_bindgen(js_name = replayDiagnosis)]
    pub fn replay_diagnosis(&self, answers: JsValue, reference_date: JsValue) -> Result<JsValue> {
        let answers: BTreeMap<String, AnswerValue> = convert::read(&answers, "answers")?;
        let date = convert::date_or_today(&reference_date, "referenceDate")?;
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
    #[wasm_bindgen(js_name = buildPlan)]
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
    /// (`detailed`: with names, access and sources). `explain:
    /// "on-demand"`: no reasons and, in place of `evaluations`, the
    /// `eligible` and `undetermined` ids; its `reasons` property (not
    /// enumerable) is a [`Reasons`](super::reasons::Reasons) handle that
    /// explains the entries a page shows. Throws `invalid_request` with
    /// every problem in `details`.
    pub fn orient(&self, request: JsValue) -> Result<JsValue> {
        let request = convert::options(&request, "request")?
            .ok_or_else(|| Failure::argument("request must be an object"))?;
        convert::known_keys(
            &request,
            &["facts", "needs", "referenceDate", "explain", "detailed"],
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
        let date = convert::json_date_or_today(request.get("referenceDate"), "referenceDate")?;
        let explain = Explain::read(request.get("explain"))?;
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
        let (facts, date) = facts_and_date(&request)?;
        let shared = self.shared()?;
        let found = matched_positions(&shared.catalogue, &facts, date)
            .map_err(|problem| Failure::problems("invalid_request", "request", vec![problem]))?;
        let ids = self.catalogue_ids(&shared.catalogue)?;
        Ok(convert::pick_ids(
            &ids,
            &found.eligible,
            &found.undetermined,
        ))
    }

    /// The national orientation, indicative (`orientation::national`):
    /// `{facts, referenceDate?}` → `{version, concerned, pathway,
    /// possible, undecided, organism, decides, reasons, hints, missing,
    /// iae, sentences}`; `sentences` are its words in the engine's
    /// language, the decision's owner always last. Throws
    /// `invalid_request` with every problem in `details`.
    #[wasm_bindgen(js_name = nationalOrientation)]
    pub fn national_orientation(&self, request: JsValue) -> Result<JsValue> {
        let (facts, date) = facts_and_date(&request)?;
        let found = national_orientation_at(&facts, date)
            .map_err(|problem| Failure::problems("invalid_request", "request", vec![problem]))?
            .ok_or_else(|| {
                Failure::new(
                    "rules_unreadable",
                    "The national criteria shipped could not be read.",
                )
            })?;
        let value = to_js(&found)?;
        let sentences: js_sys::Array = found
            .sentences(self.locale.get())
            .into_iter()
            .map(JsValue::from)
            .collect();
        js_sys::Reflect::set(&value, &"sentences".into(), &sentences)?;
        Ok(value)
    }

    /// Reads a plan exported by `Plan.to_json()` (JSON text, its parsed
    /// value, or a `Plan`). Throws `plan_corrupted` or
    /// `plan_future_version`.
    #[wasm_bindgen(js_name = planFromJson)]
    pub fn plan_from_json(&self, plan: JsValue) -> Result<Plan> {
        let text = convert::document(&plan, "plan")?;
        let plan = CorePlan::from_json(&text).map_err(|error| plan_error(&error))?;
        Ok(Plan {
            shared: self.shared()?,
            locale: Rc::clone(&self.locale),
            plan: RefCell::new(plan),
        })
    }

    /// The information sheet ("fiche pratique") of catalogue entry
    /// `entry` as one printable HTML page (escaped, no script, A4), in
    /// `lang` (the engine's language when left out), its freshness told
    /// as of `today` (today when left out). Throws `unknown_entry` for an
    /// id the engine's catalogue does not have.
    #[wasm_bindgen(js_name = entrySheet)]
    pub fn entry_sheet(&self, entry: JsValue, lang: JsValue, today: JsValue) -> Result<String> {
        let id = convert::string(&entry, "entry")?;
        let locale = match convert::absent(&lang) {
            true => self.locale.get(),
            false => convert::locale(&lang, "lang")?,
        };
        let today = convert::date_or_today(&today, "today")?;
        let shared = self.shared()?;
        let catalogue = &shared.catalogue;
        let found = catalogue.entry(&id).ok_or_else(|| {
            let said = format!("\"{id}\" is not an entry of the engine's catalogue");
            Failure::new("unknown_entry", said.clone()).with_detail("$", "unknown_entry", said)
        })?;
        Ok(entry_sheet(found, catalogue.communes(), locale, today))
    }

    /// The anonymous report of plans (an array of `Plan`s, plan objects
    /// or JSON texts; counts under 5 hidden). With `period` (`{from, to}`,
    /// two dates), only the plans followed in it, and their review points
    /// in it (`report_for_period`). Throws `invalid_plans` with the
    /// problem of each plan that cannot be read in `details`, and
    /// `invalid_argument` for a period that ends before it starts.
    pub fn report(&self, plans: JsValue, period: JsValue) -> Result<JsValue> {
        Ok(to_js(&report_of(&plans, &period)?)?)
    }

    /// The same report as [`report`](Self::report), as CSV text (RFC
    /// 4180, a header `section,key,label,value`): one row per count of
    /// the report's JSON, in its order, with its label in the engine's
    /// language; a hidden count is `<5`.
    #[wasm_bindgen(js_name = reportCsv)]
    pub fn report_csv(&self, plans: JsValue, period: JsValue) -> Result<String> {
        Ok(report_of(&plans, &period)?.to_csv(self.locale.get()))
    }
}

/// The report of `plans` (over `period`, if given), as `Engine::report` reads them.
fn report_of(plans: &JsValue, period: &JsValue) -> std::result::Result<Report, Failure> {
    let Json::Array(items) = convert::parse(plans, "plans")? else {
        return Err(Failure::argument("plans must be an array"));
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
        return Err(Failure::problems("invalid_plans", "plans", vec![problem]));
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
        return Err(Failure::problems("invalid_plans", "plans", problems));
    }
    if convert::absent(period) {
        return Ok(report(&read));
    }
    let period: Period = convert::read(period, "period")?;
    if period.to < period.from {
        return Err(Failure::argument(
            "period.to is before period.from: give a period that ends on or after its start",
        ));
    }
    Ok(report_for_period(&read, period))
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("locale", &self.locale.get())
            .finish_non_exhaustive()
    }
}

/// A request of a person's facts and its date, `{facts, referenceDate?}`
/// (today when left out), as `eligible` and `nationalOrientation` take it.
fn facts_and_date(request: &JsValue) -> Result<(Facts, passerelle_core::date::Date)> {
    let request = convert::options(request, "request")?
        .ok_or_else(|| Failure::argument("request must be an object"))?;
    convert::known_keys(&request, &["facts", "referenceDate"], "request")?;
    let facts = match request.get("facts") {
        None | Some(Json::Null) => Facts::default(),
        Some(value) => Facts::from_value(value, "$.facts")
            .map_err(|found| Failure::problems("invalid_request", "request", found))?,
    };
    let date = convert::json_date_or_today(request.get("referenceDate"), "referenceDate")?;
    Ok((facts, date))
}
