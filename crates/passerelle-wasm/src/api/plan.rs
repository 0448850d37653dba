//! `Plan`: a personalised plan on an engine's catalogue, from
//! JavaScript.

use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::facts::Facts;
use passerelle_core::json;
use passerelle_core::plan::{Author, Choices, Edit, Plan as CorePlan};
use passerelle_core::print::print_view;
use passerelle_core::referral::referral_sheet;
use serde::Serialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::api::convert::{self, absent, to_js};
use crate::api::error::Failure;

use super::shared::{busy, plan_error, Shared, SharedLocale};

type Result<T, E = JsValue> = std::result::Result<T, E>;

/// The plan built from `diagnosis` and the person's `choices` (a JS
/// object), defaults filled in as `Diagnosis.build_plan` documents.
pub(super) fn build_plan(
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
    pub(super) shared: Rc<Shared>,
    pub(super) locale: SharedLocale,
    pub(super) plan: RefCell<CorePlan>,
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
    #[wasm_bindgen(js_name = toJsonText)]
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
    #[wasm_bindgen(js_name = nextSteps)]
    pub fn next_steps(&self) -> Result<JsValue> {
        Ok(to_js(&self.plan()?.next_steps())?)
    }

    /// The plan as one printable HTML page in its language, dated `today`
    /// (today when left out).
    #[wasm_bindgen(js_name = printView)]
    pub fn print_view(&self, today: JsValue) -> Result<String> {
        let today = convert::date_or_today(&today, "today")?;
        let plan = self.plan()?;
        Ok(print_view(&plan, &self.shared.catalogue, today))
    }

    /// The referral sheet for the partner of catalogue entry `entry`,
    /// made on `today` (today when left out). Throws `no_consent`,
    /// `unknown_entry` or `emergency_line`, with a localised message.
    #[wasm_bindgen(js_name = referralSheet)]
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

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("plan", &self.plan)
            .finish_non_exhaustive()
    }
}
