//! `<passerelle-plan>`: the personalised plan ("projet d'accompagnement
//! personnalisé") built with the person from a diagnosis: the needs to
//! work on and the pace chosen, then the objectives and their actions,
//! each status changed where it stands; review points; the print view and
//! the plan's file saved on the device or opened again. Nothing is sent
//! anywhere: the files are made in the page.

use crate::ui::words::{Said, WidgetText};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::Diagnosis;
use passerelle_core::plan::{ActionStatus, Actor, Author, Edit, ObjectiveStatus, Plan};
use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::ui::dom::{self, element, Attribute};
use crate::ui::persist::{self, Keeper, Words};
use crate::ui::widget::{self, Widget};
use crate::ui::{alerts, inputs, parts};
use ids::{Button, Form};

mod draw;
mod draw_forms;
mod draw_plan;
mod files;
mod form;
mod ids;
mod keeping;
mod state;

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("plan.css");

/// Sent on the element when the plan is built, changed or opened from a
/// file; `detail: {plan}`, the plan's value (`docs/plan-format.md`).
pub const PLAN_EVENT: &str = "passerelle:plan-change";

/// Who can be given a step added by hand, in the order offered.
const ACTORS: [Actor; 2] = [Actor::Person, Actor::Advisor];

/// What the person did.
enum Intent {
    /// Sent the build form.
    Build,
    /// Changed the status of an action (its id, the status's index, the
    /// id of the list it was changed in).
    Status(String, usize, String),
    /// Sent the review form.
    Review,
    /// Sent the referral form.
    Referral,
    /// Sent the form that changes an action (its id).
    ChangeAction(String),
    /// Asked to choose the needs and the pace again: asked first whether
    /// to replace the plan there is.
    AskRebuild,
    /// Confirmed: the choices again, the plan replaced once built.
    Rebuild,
    /// Kept the plan there is.
    KeepPlan,
    /// Moved a need up (`true`) or down the order.
    Move(String, bool),
    /// Chose a plan file; its text comes later ([`PlanWidget`] reads it).
    Open(HtmlInputElement),
    /// Changed the status of an objective (its id, the status's index,
    /// the id of the list it was changed in).
    ObjectiveStatus(String, usize, String),
    /// Sent the form that adds a step to an objective (its id).
    AddAction(String),
    /// Sent the form that adds an objective.
    AddObjective,
    /// Sent the follow-up form: the advisor, the next meeting.
    FollowUp,
    /// Sent the form of the person's own contact details.
    Person,
    /// Withdrew the consent given for a partner (its entry).
    Withdraw(String),
    /// Asked to erase the plan kept on the device.
    Forget,
    /// Another tab or page may have changed the plan kept: look again.
    Reread,
}

/// The state behind one `<passerelle-plan>` element.
struct PlanView {
    host: HtmlElement,
    document: Document,
    body: Element,
    catalogue: std::sync::Arc<Catalogue>,
    diagnosis: Option<Diagnosis>,
    /// Where the site serves (`territory` attribute).
    territory: Option<String>,
    plan: Option<Plan>,
    locale: Locale,
    /// The day of the changes; the device's today.
    today: Date,
    /// The needs ticked on the build form (`None`: all, as at first), kept
    /// across renders.
    chosen: Option<Vec<String>>,
    /// The needs in the person's order (`None`: the diagnosis's).
    order: Option<Vec<String>>,
    /// Whether the person is asked to confirm building the plan again.
    confirming_rebuild: bool,
    /// The pace chosen on the build form, steps a week.
    pace: u8,
    /// The partner whose referral sheet was made last, to link it.
    referred: Option<String>,
    /// A refusal to show: its message, and the id of the control it is for.
    error: Option<(String, String)>,
    /// What was just done, told where it was done: the message, and the
    /// id of the paragraph that says it (the focus goes there).
    done: Option<(String, &'static str)>,
    /// What is kept of the plan on the device, if the host asks.
    keeper: Keeper,
    /// Where the person is told how the plan is kept, with the control
    /// that erases it.
    privacy: Element,
    /// The object URLs of the print view and the file, revoked when made
    /// again or when the widget goes.
    urls: Vec<String>,
    /// Itself, for a file read later to come back to.
    itself: Weak<RefCell<PlanView>>,
    /// Where the quick exit leads (`quick-exit-url`).
    quick_exit: String,
    /// Who makes the changes recorded in the plan's history: the person
    /// (the default), or the advisor (`mode="advisor"`).
    author: Author,
}

/// A personalised plan rendered into a custom element.
///
/// Created by the `<passerelle-plan>` shim with the element itself; the
/// shim passes it the diagnosis (`element.diagnosis = …`) and the local
/// catalogue of `catalog-src`. Call `free()` once the element leaves the
/// page.
#[wasm_bindgen]
pub struct PlanWidget {
    state: Rc<RefCell<PlanView>>,
    _listeners: Vec<widget::Listener>,
    _quick_exit: crate::ui::alerts::QuickExitListener,
}

#[wasm_bindgen]
impl PlanWidget {
    /// Renders into `host`'s shadow root (made if it has none), in the
    /// language of `lang` (French by default); it offers to build the
    /// plan once a diagnosis is given.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<PlanWidget, JsValue> {
        let today = crate::api::convert::today()?;
        let document = dom::document()?;
        let root = widget::shadow_root(&host, &[alerts::STYLE, crate::ui::national::STYLE, STYLE])?;
        let container = parts::titled_container(&document, ids::TITLE)?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        container.append_child(&body)?;
        let privacy = persist::panel(&document)?;
        container.append_child(&privacy)?;
        root.append_child(&container)?;
        let state = Rc::new(RefCell::new(PlanView {
            host,
            document,
            body,
            catalogue: crate::national_catalogue()?,
            diagnosis: None,
            territory: None,
            plan: None,
            locale: widget::locale_from(lang.as_deref()),
            today,
            chosen: None,
            order: None,
            confirming_rebuild: false,
            pace: passerelle_core::plan::DEFAULT_STEPS_PER_WEEK,
            referred: None,
            error: None,
            done: None,
            keeper: Keeper::new(
                "plan",
                Words {
                    in_tab: WidgetText::PlanKeptInTab,
                    on_device: WidgetText::PlanKeptOnDevice,
                    forget: WidgetText::ForgetPlan,
                    refused: WidgetText::PlanStorageUnavailable,
                    what: WidgetText::ForgetPlanWhat,
                    too_new: WidgetText::KeptPlanTooNew,
                    unreadable: WidgetText::KeptPlanUnreadable,
                    changed: WidgetText::PlanChangedElsewhere,
                    erased: WidgetText::PlanErasedElsewhere,
                },
            ),
            privacy,
            urls: Vec::new(),
            itself: Weak::new(),
            quick_exit: crate::ui::alerts::QUICK_EXIT_DEFAULT.to_owned(),
            author: Author::Person,
        }));
        state.borrow_mut().itself = Rc::downgrade(&state);
        state.borrow_mut().render()?;
        let [stored, shown] = persist::listen_elsewhere(&state, |event| {
            persist::changed_elsewhere(event).then_some(Intent::Reread)
        })?;
        let listeners = vec![
            stored,
            shown,
            widget::listen(&root, "submit", &state, |event| {
                event.prevent_default();
                let form = event.target()?.dyn_into::<Element>().ok()?;
                match Form::from_attr(&form.get_attribute("data-form")?)? {
                    Form::Build => Some(Intent::Build),
                    Form::Review => Some(Intent::Review),
                    Form::Referral => Some(Intent::Referral),
                    Form::ChangeAction => {
                        Some(Intent::ChangeAction(form.get_attribute("data-action")?))
                    }
                    Form::AddAction => {
                        Some(Intent::AddAction(form.get_attribute("data-objective")?))
                    }
                    Form::AddObjective => Some(Intent::AddObjective),
                    Form::FollowUp => Some(Intent::FollowUp),
                    Form::Person => Some(Intent::Person),
                }
            })?,
            widget::listen(&root, "change", &state, |event| {
                let target = event.target()?;
                if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
                    let index = usize::try_from(select.selected_index()).ok()?;
                    if let Some(objective) = select.get_attribute("data-objective") {
                        return Some(Intent::ObjectiveStatus(objective, index, select.id()));
                    }
                    let action = select.get_attribute("data-action")?;
                    return Some(Intent::Status(action, index, select.id()));
                }
                let input = target.dyn_into::<HtmlInputElement>().ok()?;
                (input.type_() == "file").then_some(Intent::Open(input))
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                if let Some(button) = target.closest("[data-move]").ok().flatten() {
                    let up = ids::moves_up(&button.get_attribute("data-move")?);
                    return Some(Intent::Move(button.get_attribute("data-theme")?, up));
                }
                let button = target.closest("[data-do]").ok().flatten()?;
                match Button::from_attr(&button.get_attribute("data-do")?)? {
                    Button::Rebuild => Some(Intent::AskRebuild),
                    Button::RebuildConfirm => Some(Intent::Rebuild),
                    Button::RebuildCancel => Some(Intent::KeepPlan),
                    Button::Withdraw => Some(Intent::Withdraw(button.get_attribute("data-entry")?)),
                    Button::Forget => Some(Intent::Forget),
                }
            })?,
        ];
        Ok(PlanWidget {
            state,
            _listeners: listeners,
            _quick_exit: crate::ui::alerts::QuickExitListener::new(&root)?,
        })
    }

    /// Shows the widget in another language; an unknown one gives French.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        state.render()
    }

    /// Where "Quitter rapidement" leads (`quick-exit-url`), as on
    /// `<passerelle-diagnostic>`.
    #[wasm_bindgen(js_name = setQuickExitUrl)]
    pub fn set_quick_exit_url(&self, url: Option<String>) -> Result<(), JsValue> {
        let url = crate::ui::alerts::quick_exit_url(url.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.quick_exit = url;
        state.render()
    }

    /// The diagnosis to build the plan from: what `Diagnosis.result()` or
    /// `passerelle:diagnosis-complete` gives, as an object or JSON text;
    /// `null` clears it. A plan built from another diagnosis is dropped.
    /// Throws `invalid_argument` when `diagnosis` is not a diagnosis
    /// result.
    #[wasm_bindgen(js_name = setDiagnosis)]
    pub fn set_diagnosis(&self, diagnosis: JsValue) -> Result<(), JsValue> {
        let diagnosis = inputs::read_diagnosis(&diagnosis)?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        // A plan opened from a file or kept on the device stays when the
        // first diagnosis comes.
        if state.diagnosis.is_some() && state.diagnosis != diagnosis {
            state.plan = None;
            state.chosen = None;
            state.order = None;
            state.referred = None;
            state.keep()?;
        }
        state.diagnosis = diagnosis;
        state.error = None;
        state.render()
    }

    /// Keeps the plan on the device between visits, as the host page asks
    /// with `persist`, read as on `<passerelle-diagnostic>`: `"session"`
    /// (until the tab is closed) or `"local"` (until erased); `null` for
    /// nowhere (the default; what this widget kept is erased); any other
    /// value keeps nothing, erases nothing and throws `bad_persist`.
    /// `key` names the element's plan (its `id`), so that two plans on one
    /// page keep theirs apart. A plan kept before is taken back; one that
    /// cannot be read (a newer format, damaged) stays as it is and is never
    /// written over, the person told and offered the erase.
    /// The person sees how the plan is kept, and a control that erases
    /// it. Storage the browser refuses is told to the person, never
    /// thrown.
    #[wasm_bindgen(js_name = setPersistence)]
    pub fn set_persistence(
        &self,
        mode: Option<String>,
        key: Option<String>,
    ) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        let set = state.keeper.set(mode.as_deref(), key.as_deref());
        let before = state.plan.is_some();
        state.take_back();
        state.render()?;
        if let Err(bad) = set {
            return Err(bad.to_js());
        }
        if before || state.plan.is_none() {
            return Ok(());
        }
        // A plan taken back is told like one opened from a file.
        let (kind, detail) = state.event()?;
        let host = state.host.clone();
        drop(state);
        widget::dispatch(&host, kind, &detail)
    }

    /// Who makes the changes: `"advisor"` records them in the plan's
    /// history as the advisor's (`mode="advisor"`, the advisor's desk
    /// `<passerelle-suivi>` opens plans so); `null` or `"person"` as the
    /// person's, the default. Any other value changes nothing and throws
    /// `bad_mode`.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&self, mode: Option<String>) -> Result<(), JsValue> {
        let author = match mode.as_deref().map(str::trim) {
            None | Some("person") => Author::Person,
            Some("advisor") => Author::Advisor,
            Some(other) => {
                return Err(crate::api::error::js_error(
                    "bad_mode",
                    &format!("mode is \"person\" or \"advisor\", not {other:?}"),
                ))
            }
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.author = author;
        Ok(())
    }

    /// Shows `plan` (a plan's value, `docs/plan-format.md`, as an object
    /// or JSON text) in place of the one shown; `null` shows none. The
    /// plan is checked as a plan file is; one that cannot be read changes
    /// nothing and throws its code (`plan_not_json`, `future_version`…).
    /// Sends no event: the host gave it.
    #[wasm_bindgen(js_name = setPlan)]
    pub fn set_plan(&self, plan: JsValue) -> Result<(), JsValue> {
        let plan = if crate::api::convert::absent(&plan) {
            None
        } else {
            let text = crate::api::convert::document(&plan, "plan")?;
            Some(Plan::from_json(&text).map_err(|error| crate::api::shared::plan_error(&error))?)
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.plan = plan;
        state.referred = None;
        state.confirming_rebuild = false;
        state.error = None;
        state.done = None;
        state.keep()?;
        state.render()
    }

    /// Places a person whose answers do not say where they live in
    /// `territory` (a department or commune code) for the partners the
    /// plan proposes; `null` for none. Throws `invalid_territory`.
    #[wasm_bindgen(js_name = setTerritory)]
    pub fn set_territory(&self, territory: Option<String>) -> Result<(), JsValue> {
        inputs::check_territory(territory.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.territory = territory;
        Ok(())
    }

    /// Merges a local catalogue (JSON text or object) into the national
    /// one, for the partners a plan proposes. Throws `invalid_catalogue`.
    #[wasm_bindgen(js_name = setLocalCatalogue)]
    pub fn set_local_catalogue(&self, catalogue: JsValue) -> Result<(), JsValue> {
        let catalogue = inputs::with_local_catalogue(&catalogue)?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.catalogue = catalogue;
        state.render()
    }

    /// The plan's value (`docs/plan-format.md`), or `null` before it is
    /// built.
    pub fn plan(&self) -> Result<JsValue, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        match &state.plan {
            Some(plan) => Ok(crate::api::convert::to_js(plan)?),
            None => Ok(JsValue::NULL),
        }
    }

    /// The plan, for the element to hold while it is off the page: its
    /// JSON, the text persistence keeps; `null` before it is built. The
    /// element frees the widget, then gives it to
    /// [`resume`](Self::resume) of the widget it makes when it comes back
    /// (`docs/robustness.md`, "Element life cycle and races").
    pub fn suspend(&self) -> Result<Option<String>, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        Ok(state.plan.as_ref().map(Plan::to_json))
    }

    /// Takes back the plan of [`suspend`](Self::suspend), in place of the
    /// one shown. Returns whether there was one to take back.
    pub fn resume(&self, kept: Option<String>) -> Result<bool, JsValue> {
        let Some(plan) = kept.and_then(|text| Plan::from_json(&text).ok()) else {
            return Ok(false);
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.plan = Some(plan);
        state.confirming_rebuild = false;
        state.render()?;
        Ok(true)
    }
}

impl Drop for PlanWidget {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.revoke_urls();
        }
    }
}

impl Widget for PlanView {
    type Action = Intent;

    fn host(&self) -> &HtmlElement {
        &self.host
    }

    fn act(&mut self, action: Intent) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        if let Intent::Reread = action {
            if !self.reread() {
                return Ok(None);
            }
            self.render()?;
            return self.event().map(Some);
        }
        self.error = None;
        self.done = None;
        let changed = match action {
            Intent::Build => self.build()?,
            Intent::Status(action, index, list) => {
                let status = ActionStatus::ALL.get(index).copied();
                match status {
                    // A refusal is told by the list, which shows the
                    // plan's own status again.
                    Some(status) => self.apply(Edit::SetStatus { action, status }, Some(&list))?,
                    None => false,
                }
            }
            Intent::Review => self.review()?,
            Intent::Referral => self.referral()?,
            Intent::ChangeAction(id) => self.change_action(&id)?,
            Intent::AskRebuild => {
                self.confirming_rebuild = true;
                self.render()?;
                self.focus("#passerelle-rebuild-warning")?;
                return Ok(None);
            }
            Intent::KeepPlan => {
                self.confirming_rebuild = false;
                self.render()?;
                self.focus("#passerelle-rebuild")?;
                return Ok(None);
            }
            Intent::Rebuild => {
                self.plan = None;
                self.referred = None;
                self.confirming_rebuild = false;
                self.render()?;
                self.focus("#passerelle-build input, #passerelle-build select")?;
                return Ok(None);
            }
            Intent::Open(input) => {
                self.open(&input)?;
                return Ok(None);
            }
            Intent::Move(theme, up) => {
                self.move_need(&theme, up)?;
                return Ok(None);
            }
            Intent::ObjectiveStatus(objective, index, list) => {
                match ObjectiveStatus::ALL.get(index).copied() {
                    Some(status) => {
                        self.apply(Edit::SetObjectiveStatus { objective, status }, Some(&list))?
                    }
                    None => false,
                }
            }
            Intent::AddAction(objective) => self.add_action(&objective)?,
            Intent::AddObjective => self.add_objective()?,
            Intent::FollowUp => self.follow_up()?,
            Intent::Person => self.person()?,
            Intent::Withdraw(entry) => self.withdraw(&entry)?,
            Intent::Forget => {
                self.forget()?;
                return self.event().map(Some);
            }
            // Looked at above, before the refusal and the news shown go.
            Intent::Reread => false,
        };
        if !changed {
            return Ok(None);
        }
        self.keep()?;
        self.draw_privacy()?;
        self.event().map(Some)
    }
}

impl PlanView {
    fn text(&self, message: impl Said) -> String {
        message.text(self.locale)
    }

    /// The `passerelle:plan-change` event of the plan as it is.
    fn event(&self) -> Result<(&'static str, JsValue), JsValue> {
        let detail = js_sys::Object::new();
        let plan = match &self.plan {
            Some(plan) => crate::api::convert::to_js(plan)?,
            None => JsValue::NULL,
        };
        js_sys::Reflect::set(&detail, &"plan".into(), &plan)?;
        Ok((PLAN_EVENT, detail.into()))
    }

    /// Moves the focus to the first element matching `selector`.
    fn focus(&self, selector: &str) -> Result<(), JsValue> {
        widget::focus_first(&self.body, selector)
    }

    fn root(&self) -> Result<web_sys::ShadowRoot, JsValue> {
        widget::root_of(&self.body)
    }
}

/// The name of the partner of `entry` in the plan, if a step has it.
fn partner_name(plan: &Plan, entry: &str) -> Option<String> {
    plan.objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .find(|action| action.entry.as_deref() == Some(entry))
        .and_then(|action| action.contact.as_ref())
        .map(|contact| contact.name.clone())
}
