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
use passerelle_core::orientation::Priority;
use passerelle_core::plan::{
    Action, ActionKind, ActionStatus, Actor, Author, Choices, ContactDetails, Edit, Objective,
    ObjectiveStatus, Plan, PlanError, Review, Schedule,
};
use passerelle_core::print::print_view;
use passerelle_core::{Locale, Message};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::ui::dom::{self, element};
use crate::ui::persist::{self, Keeper, Words};
use crate::ui::texts::theme_label;
use crate::ui::widget::{self, Widget};
use crate::ui::{alerts, inputs, parts};

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("plan.css");

/// Sent on the element when the plan is built, changed or opened from a
/// file; `detail: {plan}`, the plan's value (`docs/plan-format.md`).
pub const PLAN_EVENT: &str = "passerelle:plan-change";

/// The id of the title.
const TITLE_ID: &str = "passerelle-plan-title";
/// The id of the message of a refusal, tied to what was refused.
const ERROR_ID: &str = "passerelle-plan-error";

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
}

/// The plan kept in `text`, or why it cannot be read.
fn kept_plan(text: &str) -> Result<Plan, persist::Unreadable> {
    Plan::from_json(text).map_err(|error| match error {
        PlanError::FutureVersion { .. } => persist::Unreadable::Newer,
        _ => persist::Unreadable::Damaged,
    })
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
        let root = widget::shadow_root(&host, &[alerts::STYLE, STYLE])?;
        let container = parts::titled_container(&document, TITLE_ID)?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        container.append_child(&body)?;
        let privacy = persist::panel(&document)?;
        container.append_child(&privacy)?;
        root.append_child(&container)?;
        let state = Rc::new(RefCell::new(PlanView {
            host,
            document,
            body,
            catalogue: crate::national_catalogue(),
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
                match form.get_attribute("data-form")?.as_str() {
                    "build" => Some(Intent::Build),
                    "review" => Some(Intent::Review),
                    "referral" => Some(Intent::Referral),
                    "action" => Some(Intent::ChangeAction(form.get_attribute("data-action")?)),
                    "add-action" => Some(Intent::AddAction(form.get_attribute("data-objective")?)),
                    "add-objective" => Some(Intent::AddObjective),
                    "follow-up" => Some(Intent::FollowUp),
                    "person" => Some(Intent::Person),
                    _ => None,
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
                    let up = button.get_attribute("data-move")? == "up";
                    return Some(Intent::Move(button.get_attribute("data-theme")?, up));
                }
                let button = target.closest("[data-do]").ok().flatten()?;
                match button.get_attribute("data-do")?.as_str() {
                    "rebuild" => Some(Intent::AskRebuild),
                    "rebuild-confirm" => Some(Intent::Rebuild),
                    "rebuild-cancel" => Some(Intent::KeepPlan),
                    "withdraw" => Some(Intent::Withdraw(button.get_attribute("data-entry")?)),
                    "forget" => Some(Intent::Forget),
                    _ => None,
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
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        state.render()
    }

    /// Where "Quitter rapidement" leads (`quick-exit-url`), as on
    /// `<passerelle-diagnostic>`.
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

    /// Places a person whose answers do not say where they live in
    /// `territory` (a department or commune code) for the partners the
    /// plan proposes; `null` for none. Throws `invalid_territory`.
    pub fn set_territory(&self, territory: Option<String>) -> Result<(), JsValue> {
        inputs::check_territory(territory.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.territory = territory;
        Ok(())
    }

    /// Merges a local catalogue (JSON text or object) into the national
    /// one, for the partners a plan proposes. Throws `invalid_catalogue`.
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
        if let Some(found) = self.root()?.query_selector(selector)? {
            dom::focus(&found)?;
        }
        Ok(())
    }

    fn root(&self) -> Result<web_sys::ShadowRoot, JsValue> {
        self.body
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .map_err(|_| {
                crate::api::error::js_error("no_shadow_root", "The widget is not on the page.")
            })
    }

    /// The needs in the person's order: the diagnosis's, as moved.
    fn ordered_needs(&self) -> Vec<String> {
        let Some(diagnosis) = &self.diagnosis else {
            return Vec::new();
        };
        let mut needs: Vec<String> = Vec::new();
        let found = self
            .order
            .iter()
            .flatten()
            .chain(diagnosis.needs.iter().map(|n| &n.theme));
        for theme in found {
            let known = diagnosis.needs.iter().any(|need| &need.theme == theme);
            if known && !needs.contains(theme) {
                needs.push(theme.clone());
            }
        }
        needs
    }

    /// Reads the needs ticked and the pace chosen on the build form into
    /// the state, so that a render keeps them.
    fn read_choices(&mut self) -> Result<(), JsValue> {
        let root = self.root()?;
        let mut ticked = Vec::new();
        for theme in self.ordered_needs() {
            let id = format!("#passerelle-need-{}", css_id(&theme));
            let on = root
                .query_selector(&id)?
                .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            if on {
                ticked.push(theme);
            }
        }
        self.chosen = Some(ticked);
        if let Some(pace) = root
            .query_selector("#passerelle-pace")?
            .and_then(|select| select.dyn_into::<HtmlSelectElement>().ok())
            .and_then(|select| select.value().parse::<u8>().ok())
        {
            self.pace = pace;
        }
        Ok(())
    }

    /// Moves `theme` one place up or down the person's order, keeping the
    /// focus on the control used.
    fn move_need(&mut self, theme: &str, up: bool) -> Result<(), JsValue> {
        self.read_choices()?;
        let mut order = self.ordered_needs();
        if let Some(at) = order.iter().position(|t| t == theme) {
            let to = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(to) = to.filter(|&to| to < order.len()) {
                order.swap(at, to);
            }
        }
        self.order = Some(order);
        self.render()?;
        // The same control, or the other one when the need reached an end.
        let (same, other) = if up { ("up", "down") } else { ("down", "up") };
        let root = self.root()?;
        for direction in [same, other] {
            let selector = format!("#passerelle-{direction}-{}", css_id(theme));
            if let Some(control) = root.query_selector(&selector)? {
                return dom::focus(&control);
            }
        }
        Ok(())
    }

    /// Builds the plan from the needs ticked, in the person's order, and
    /// the pace chosen.
    fn build(&mut self) -> Result<bool, JsValue> {
        if self.diagnosis.is_none() {
            return Ok(false);
        }
        self.read_choices()?;
        let needs = self.chosen.clone().unwrap_or_default();
        let pace = self.pace;
        let Some(diagnosis) = &self.diagnosis else {
            return Ok(false);
        };
        let mut choices = Choices::new(self.today, needs);
        choices.schedule = Schedule {
            start: self.today,
            steps_per_week: pace,
            unavailable: Vec::new(),
        };
        choices.locale = self.locale;
        choices.by = Author::Person;
        let mut placed = diagnosis.clone();
        placed.facts = inputs::placed(&diagnosis.facts, self.territory.as_deref())?;
        match Plan::build(
            &placed,
            &crate::ui::communes::named(&self.catalogue),
            &choices,
        ) {
            Ok(plan) => {
                self.plan = Some(plan);
                self.render()?;
                self.focus(&format!("#{TITLE_ID}"))?;
                Ok(true)
            }
            Err(error) => {
                self.refuse(&error, "passerelle-needs")?;
                Ok(false)
            }
        }
    }

    /// Applies `edit` to the plan; on a refusal, shows it by `control`.
    /// Keeps the focus on the control that had it.
    fn apply(&mut self, edit: Edit, control: Option<&str>) -> Result<bool, JsValue> {
        let control = control.unwrap_or(TITLE_ID).to_owned();
        self.apply_or(edit, |_| control.clone())
    }

    /// Applies `edit` to the plan; on a refusal, shows it by the control
    /// whose id `control` gives for the error. Keeps the focus on the
    /// control that had it.
    fn apply_or(
        &mut self,
        edit: Edit,
        control: impl Fn(&PlanError) -> String,
    ) -> Result<bool, JsValue> {
        let focused = self
            .root()?
            .active_element()
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
        let Some(plan) = &mut self.plan else {
            return Ok(false);
        };
        // Dated no earlier than the plan's last change: a plan changed
        // once on a device whose clock ran ahead stays editable.
        let date = plan.change_date(self.today);
        if let Err(error) = plan.apply(edit, Author::Person, date) {
            self.refuse(&error, &control(&error))?;
            return Ok(false);
        }
        self.render()?;
        if let Some(id) = focused {
            self.focus(&format!("#{id}"))?;
        }
        Ok(true)
    }

    /// Records the review form as a review point.
    fn review(&mut self) -> Result<bool, JsValue> {
        let review = Review {
            date: self.today,
            done: self.words_of("passerelle-review-done")?,
            stuck: self.words_of("passerelle-review-stuck")?,
            changed: self.words_of("passerelle-review-changed")?,
            facts: None,
        };
        let saved = self.apply(
            Edit::Review {
                review: Box::new(review),
            },
            Some("passerelle-review-done"),
        )?;
        if saved {
            self.focus("#passerelle-review-saved")?;
        }
        Ok(saved)
    }

    /// Changes an action's title and date from its form; a title empty
    /// or too long is refused, tied to its field.
    fn change_action(&mut self, id: &str) -> Result<bool, JsValue> {
        let Some(mut action) = self.plan.as_ref().and_then(|plan| plan.action(id)).cloned() else {
            return Ok(false);
        };
        let title_id = format!("passerelle-title-{id}");
        if let Some(title) = self.value_of(&title_id)? {
            action.title = title.trim().to_owned();
        }
        if let Some(due) = self.value_of(&format!("passerelle-due-{id}"))? {
            action.due = Date::parse(due.trim()).ok();
        }
        let changed = self.apply(Edit::ChangeAction { action }, Some(&title_id))?;
        if changed {
            self.focus(&format!("#passerelle-change-{id}"))?;
        }
        Ok(changed)
    }

    /// Records the person's consent for the partner chosen, then offers
    /// its referral sheet ("fiche de liaison"); without the box ticked,
    /// asks for it.
    fn referral(&mut self) -> Result<bool, JsValue> {
        let root = self.root()?;
        let entry = root
            .query_selector("#passerelle-referral-partner")?
            .and_then(|select| select.dyn_into::<HtmlSelectElement>().ok())
            .map(|select| select.value())
            .unwrap_or_default();
        let agreed = root
            .query_selector("#passerelle-referral-consent")?
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|input| input.checked());
        if !agreed {
            self.error = Some((
                self.text(WidgetText::ConsentRequired),
                "passerelle-referral-consent".to_owned(),
            ));
            self.render()?;
            return self.focus("#passerelle-referral-consent").map(|()| false);
        }
        let consent = passerelle_core::plan::Consent {
            entry: entry.clone(),
            date: self.today,
        };
        let given = self.apply(
            Edit::GiveConsent { consent },
            Some("passerelle-referral-partner"),
        )?;
        if given {
            self.referred = Some(entry);
            self.render()?;
            self.focus("#passerelle-referral-open")?;
        }
        Ok(given)
    }

    /// Reads the plan file chosen in `input`, then shows it.
    fn open(&mut self, input: &HtmlInputElement) -> Result<(), JsValue> {
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return Ok(());
        };
        let state = self.itself.clone();
        let read = Closure::once(move |text: JsValue| {
            // The widget may be gone by the time the file is read.
            let Some(state) = state.upgrade() else {
                return;
            };
            let Ok(mut view) = state.try_borrow_mut() else {
                return;
            };
            let outcome = view.read_plan(&text.as_string().unwrap_or_default());
            let host = view.host.clone();
            drop(view);
            let sent = match outcome {
                Ok(Some((kind, detail))) => widget::dispatch(&host, kind, &detail),
                Ok(None) => Ok(()),
                Err(error) => Err(error),
            };
            if let Err(error) = sent {
                let _ = widget::dispatch(&host, widget::ERROR_EVENT, &error);
            }
        });
        let _ = file.text().then(&read);
        // Runs once, when the file is read; the page keeps it until then.
        read.forget();
        Ok(())
    }

    /// Shows the plan of a file's text, or why it cannot.
    fn read_plan(&mut self, text: &str) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        self.error = None;
        match Plan::from_json(text) {
            Ok(plan) => {
                self.plan = Some(plan);
                self.referred = None;
                self.render()?;
                self.focus(&format!("#{TITLE_ID}"))?;
                self.event().map(Some)
            }
            Err(error) => {
                self.refuse(&error, "passerelle-open")?;
                Ok(None)
            }
        }
    }

    /// The value of the field `id` (an input, a text area or a list), if
    /// it is on screen.
    fn value_of(&self, id: &str) -> Result<Option<String>, JsValue> {
        let Some(field) = self.root()?.get_element_by_id(id) else {
            return Ok(None);
        };
        let field = match field.dyn_into::<HtmlInputElement>() {
            Ok(input) => return Ok(Some(input.value())),
            Err(field) => field,
        };
        let field = match field.dyn_into::<web_sys::HtmlTextAreaElement>() {
            Ok(area) => return Ok(Some(area.value())),
            Err(field) => field,
        };
        Ok(field
            .dyn_into::<HtmlSelectElement>()
            .ok()
            .map(|select| select.value()))
    }

    /// The words written in the field `id`, trimmed ("" when none).
    fn words_of(&self, id: &str) -> Result<String, JsValue> {
        Ok(self
            .value_of(id)?
            .map(|words| words.trim().to_owned())
            .unwrap_or_default())
    }

    /// The words written in the field `id`, if any.
    fn optional_words(&self, id: &str) -> Result<Option<String>, JsValue> {
        Ok(Some(self.words_of(id)?).filter(|words| !words.is_empty()))
    }

    /// Adds the step written in an objective's form; the focus goes to
    /// the new step.
    fn add_action(&mut self, objective: &str) -> Result<bool, JsValue> {
        let title_id = format!("passerelle-new-title-{objective}");
        let title = self.words_of(&title_id)?;
        let due = self
            .value_of(&format!("passerelle-new-due-{objective}"))?
            .and_then(|due| Date::parse(due.trim()).ok());
        let actor = self
            .value_of(&format!("passerelle-new-actor-{objective}"))?
            .and_then(|name| ACTORS.into_iter().find(|a| a.name() == name))
            .unwrap_or(Actor::Person);
        let edit = Edit::AddAction {
            objective: objective.to_owned(),
            action: Action::new(&title, actor, due),
        };
        let added = self.apply(edit, Some(&title_id))?;
        let new = self
            .plan
            .as_ref()
            .and_then(|plan| plan.objectives.iter().find(|o| o.id == objective))
            .and_then(|objective| objective.actions.last())
            .map(|action| action.id.clone());
        if let (true, Some(new)) = (added, new) {
            self.focus(&format!("#passerelle-action-{new}"))?;
        }
        Ok(added)
    }

    /// Adds the objective chosen; the focus goes to its heading.
    fn add_objective(&mut self) -> Result<bool, JsValue> {
        let theme = self.words_of("passerelle-new-objective")?;
        let statement = self.optional_words("passerelle-new-statement")?;
        let edit = Edit::AddObjective {
            objective: Objective::new(&theme, statement),
        };
        let added = self.apply_or(edit, |error| {
            match error {
                PlanError::BadText { .. } => "passerelle-new-statement",
                _ => "passerelle-new-objective",
            }
            .to_owned()
        })?;
        let new = self
            .plan
            .as_ref()
            .and_then(|plan| plan.objectives.last())
            .map(|objective| objective.id.clone());
        if let (true, Some(new)) = (added, new) {
            self.focus(&format!("#passerelle-{new}"))?;
        }
        Ok(added)
    }

    /// Records the follow-up form: the advisor's details (none when every
    /// field is empty) and the date of the next meeting.
    fn follow_up(&mut self) -> Result<bool, JsValue> {
        let name = self.words_of("passerelle-advisor-name")?;
        let organisation = self.optional_words("passerelle-advisor-organisation")?;
        let phone = self.optional_words("passerelle-advisor-phone")?;
        let email = self.optional_words("passerelle-advisor-email")?;
        let next_review = self
            .value_of("passerelle-next-review")?
            .and_then(|date| Date::parse(date.trim()).ok());
        let nothing =
            name.is_empty() && organisation.is_none() && phone.is_none() && email.is_none();
        let advisor = (!nothing).then_some(ContactDetails {
            name,
            organisation,
            phone,
            email,
        });
        let Some(plan) = &self.plan else {
            return Ok(false);
        };
        let (advisor_changed, date_changed) =
            (plan.advisor != advisor, plan.next_review != next_review);
        if advisor_changed {
            let edit = Edit::SetAdvisor { advisor };
            let field = |error: &PlanError| match error {
                PlanError::BadText { field } => format!("passerelle-advisor-{field}"),
                _ => "passerelle-advisor-name".to_owned(),
            };
            if !self.apply_or(edit, field)? {
                return Ok(false);
            }
        }
        if date_changed {
            let edit = Edit::SetNextReview { date: next_review };
            if !self.apply(edit, Some("passerelle-next-review"))? {
                return Ok(false);
            }
        }
        self.done = Some((
            self.text(WidgetText::FollowUpSaved),
            "passerelle-follow-up-saved",
        ));
        self.render()?;
        self.focus("#passerelle-follow-up-saved")?;
        Ok(advisor_changed || date_changed)
    }

    /// Records the person's own contact details (`Edit::SetPerson`),
    /// for the referral sheets of the partners they agree to share with;
    /// every field empty erases them. A phone or an e-mail without a
    /// name is refused, tied to the name.
    fn person(&mut self) -> Result<bool, JsValue> {
        const NAME: &str = "passerelle-person-name";
        let name = self.words_of(NAME)?;
        let phone = self.optional_words("passerelle-person-phone")?;
        let email = self.optional_words("passerelle-person-email")?;
        let nothing = name.is_empty() && phone.is_none() && email.is_none();
        if name.is_empty() && !nothing {
            self.error = Some((self.text(WidgetText::PersonNameRequired), NAME.to_owned()));
            self.render()?;
            return self.focus(&format!("#{NAME}")).map(|()| false);
        }
        let person = (!nothing).then_some(ContactDetails {
            name,
            organisation: None,
            phone,
            email,
        });
        let Some(plan) = &self.plan else {
            return Ok(false);
        };
        let changed = plan.person != person;
        if changed {
            let field = |error: &PlanError| match error {
                PlanError::BadText { field } => format!("passerelle-person-{field}"),
                _ => NAME.to_owned(),
            };
            if !self.apply_or(Edit::SetPerson { person }, field)? {
                return Ok(false);
            }
        }
        let erased = self.plan.as_ref().is_some_and(|plan| plan.person.is_none());
        let said = if erased {
            WidgetText::PersonErased
        } else {
            WidgetText::PersonSaved
        };
        self.done = Some((self.text(said), "passerelle-person-saved"));
        self.render()?;
        self.focus("#passerelle-person-saved")?;
        Ok(changed)
    }

    /// Withdraws the consent given for a partner: its referral sheet is
    /// no longer offered.
    fn withdraw(&mut self, entry: &str) -> Result<bool, JsValue> {
        let partner = self
            .plan
            .as_ref()
            .and_then(|plan| partner_name(plan, entry))
            .unwrap_or_else(|| entry.to_owned());
        if self.referred.as_deref() == Some(entry) {
            self.referred = None;
        }
        let edit = Edit::WithdrawConsent {
            entry: entry.to_owned(),
        };
        if !self.apply(edit, Some("passerelle-referral-partner"))? {
            return Ok(false);
        }
        let said = WidgetText::ConsentWithdrawn { partner: &partner }.text(self.locale);
        self.done = Some((said, "passerelle-consent-withdrawn"));
        self.render()?;
        self.focus("#passerelle-consent-withdrawn")?;
        Ok(true)
    }

    /// Erases the plan kept on the device and the plan on screen: the
    /// needs can be chosen again.
    fn forget(&mut self) -> Result<(), JsValue> {
        self.keeper.forget(WidgetText::PlanForgotten);
        self.plan = None;
        self.referred = None;
        self.confirming_rebuild = false;
        self.render()?;
        self.focus(&format!("#{TITLE_ID}"))
    }

    /// Keeps the plan as it is now, if the host asked, unless another
    /// tab or page changed the plan kept since: that plan is shown
    /// instead, told (the change just made here is not kept). Tells the
    /// person when the browser refuses.
    fn keep(&mut self) -> Result<(), JsValue> {
        let text = self.plan.as_ref().map(Plan::to_json);
        let found = self.keeper.keep(text.as_deref(), kept_plan);
        if self.adopt(found) {
            self.done = None;
            self.error = None;
            self.render()?;
        }
        // A write refused: leaving the page asks first.
        self.keeper.guard_unload(self.plan.is_some());
        Ok(())
    }

    /// Takes back the plan kept, if any; one that cannot be read stays as
    /// it is, the person told.
    fn take_back(&mut self) {
        self.reread();
    }

    /// Shows what another tab or page did to the plan kept since last
    /// seen, if anything; returns whether the plan shown changed.
    fn reread(&mut self) -> bool {
        let found = self.keeper.look(kept_plan);
        self.adopt(found)
    }

    /// Shows `found`, what the plan kept became; returns whether the plan
    /// shown changed.
    fn adopt(&mut self, found: persist::KeptChange<Plan>) -> bool {
        self.plan = match found {
            persist::KeptChange::Unchanged => return false,
            persist::KeptChange::Erased => None,
            persist::KeptChange::Written(plan) => Some(plan),
        };
        self.referred = None;
        self.confirming_rebuild = false;
        true
    }

    /// How the plan is kept, and the control that erases it; hidden when
    /// the host keeps nothing.
    fn draw_privacy(&self) -> Result<(), JsValue> {
        self.keeper.draw(
            &self.document,
            &self.privacy,
            self.locale,
            ("data-do", "forget"),
        )
    }

    /// The paragraph telling what was just done, if it is `id`'s; the
    /// focus goes there.
    fn done_for(&self, id: &str) -> Result<Option<Element>, JsValue> {
        match &self.done {
            Some((said, at)) if *at == id => Ok(Some(element(
                &self.document,
                "p",
                &[
                    ("id", id),
                    ("tabindex", "-1"),
                    ("role", "status"),
                    ("class", "done"),
                ],
                Some(said),
            )?)),
            _ => Ok(None),
        }
    }

    /// Shows `error` tied to the control `id`, and moves the focus there.
    fn refuse(&mut self, error: &PlanError, id: &str) -> Result<(), JsValue> {
        let message = match error {
            PlanError::NoNeed | PlanError::NeedNotFound { .. } => WidgetText::ChooseAtLeastOneNeed,
            PlanError::FutureVersion { .. } => WidgetText::PlanTooNew,
            PlanError::Corrupted { .. } => WidgetText::PlanUnreadable,
            PlanError::UnknownAction { .. }
            | PlanError::UnknownObjective { .. }
            | PlanError::DateBeforeLastChange { .. } => WidgetText::ChangeNotSaved,
            PlanError::BadText { field } => {
                let empty = self.words_of(id)?.is_empty();
                match (empty, *field) {
                    (true, "name") => WidgetText::AdvisorNameRequired,
                    (true, _) => WidgetText::TextRequired,
                    (false, _) => WidgetText::TextTooLong,
                }
            }
            _ => WidgetText::PlanUnreadable,
        };
        self.error = Some((self.text(message), id.to_owned()));
        self.render()?;
        self.focus(&format!("#{id}"))
    }

    fn revoke_urls(&mut self) {
        for url in self.urls.drain(..) {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// An object URL for `text` of `kind` (a MIME type), kept to revoke.
    fn object_url(&mut self, text: &str, kind: &str) -> Result<String, JsValue> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        self.urls.push(url.clone());
        Ok(url)
    }

    fn render(&mut self) -> Result<(), JsValue> {
        if let Some(container) = self.body.parent_element() {
            widget::mark_language(&container, self.locale)?;
        }
        let title = self.root()?.get_element_by_id(TITLE_ID);
        if let Some(title) = title {
            title.set_text_content(Some(&self.text(Message::PlanTitle)));
        }
        self.revoke_urls();
        // A refusal keeps what the person wrote, to correct it.
        let typed = match self.error {
            Some(_) => self.typed()?,
            None => Vec::new(),
        };
        self.body.set_text_content(None);
        // The urgent alerts first, folded: the plan's, else the diagnosis's.
        let alerts: Vec<_> = match (&self.plan, &self.diagnosis) {
            (Some(plan), _) => plan.urgent.clone(),
            (None, Some(diagnosis)) => diagnosis.urgent.iter().map(|raised| raised.alert).collect(),
            (None, None) => Vec::new(),
        };
        crate::ui::alerts::append_reminder(
            &self.body,
            &self.document,
            self.locale,
            &alerts,
            false,
            &self.quick_exit,
        )?;
        self.keeper.guard_unload(self.plan.is_some());
        let drawn = self.draw_body();
        self.write_back(&typed)?;
        drawn?;
        self.draw_privacy()
    }

    /// What is written or chosen in the fields on screen, by id.
    fn typed(&self) -> Result<Vec<(String, String)>, JsValue> {
        let fields = self.body.query_selector_all(
            // Not the status lists: they show the plan's own status, even
            // after a change refused.
            "input[id]:not([type=checkbox]):not([type=file]), textarea[id], \
             select[id]:not([data-action]):not([data-objective])",
        )?;
        let mut typed = Vec::new();
        for index in 0..fields.length() {
            let Some(id) = fields
                .item(index)
                .and_then(|field| field.dyn_into::<Element>().ok())
                .map(|field| field.id())
            else {
                continue;
            };
            if let Some(value) = self.value_of(&id)? {
                typed.push((id, value));
            }
        }
        Ok(typed)
    }

    /// Puts `typed` back in the fields drawn again.
    fn write_back(&self, typed: &[(String, String)]) -> Result<(), JsValue> {
        let root = self.root()?;
        for (id, value) in typed {
            let Some(field) = root.get_element_by_id(id) else {
                continue;
            };
            if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                input.set_value(value);
            } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(value);
            } else if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
                select.set_value(value);
            }
        }
        Ok(())
    }

    /// The plan, or the form that builds it, or what the widget waits for.
    fn draw_body(&mut self) -> Result<(), JsValue> {
        if self.plan.is_some() {
            self.draw_plan()?;
        } else if self.diagnosis.is_some() {
            self.draw_build()?;
        } else {
            self.body.append_child(&*element(
                &self.document,
                "p",
                &[("class", "help")],
                Some(&self.text(WidgetText::PlanWaiting)),
            )?)?;
            self.draw_open()?;
        }
        Ok(())
    }

    /// The message of a refusal for control `id`, if there is one; the
    /// control gets `aria-describedby` and `aria-invalid`.
    fn error_for(&self, id: &str, control: &Element) -> Result<Option<Element>, JsValue> {
        let Some((message, for_id)) = &self.error else {
            return Ok(None);
        };
        if for_id != id {
            return Ok(None);
        }
        control.set_attribute("aria-describedby", ERROR_ID)?;
        control.set_attribute("aria-invalid", "true")?;
        Ok(Some(parts::field_error(
            &self.document,
            self.locale,
            ERROR_ID,
            message,
        )?))
    }

    /// The needs to work on, ticked by default (urgent ones first), and
    /// the pace.
    fn draw_build(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let Some(diagnosis) = &self.diagnosis else {
            return Ok(());
        };
        let form = element(
            doc,
            "form",
            &[
                ("id", "passerelle-build"),
                ("data-form", "build"),
                ("part", "form"),
            ],
            None,
        )?;
        let needs = element(
            doc,
            "fieldset",
            &[("id", "passerelle-needs"), ("tabindex", "-1")],
            None,
        )?;
        needs.append_child(&*element(
            doc,
            "legend",
            &[],
            Some(&self.text(WidgetText::ChooseNeeds)),
        )?)?;
        if let Some(error) = self.error_for("passerelle-needs", &needs)? {
            needs.append_child(&error)?;
        }
        let order = self.ordered_needs();
        let count = order.len();
        for (position, theme) in order.iter().enumerate() {
            let Some(need) = diagnosis.needs.iter().find(|need| &need.theme == theme) else {
                continue;
            };
            let id = format!("passerelle-need-{}", css_id(&need.theme));
            let option = element(doc, "div", &[("class", "option")], None)?;
            let input = element(
                doc,
                "input",
                &[("type", "checkbox"), ("id", &id), ("value", &need.theme)],
                None,
            )?;
            let ticked = self
                .chosen
                .as_ref()
                .is_none_or(|chosen| chosen.contains(&need.theme));
            if ticked {
                input.set_attribute("checked", "")?;
            }
            option.append_child(&input)?;
            let (words, language) = theme_label(&need.theme, self.locale);
            let label = element(doc, "label", &[("for", &id)], Some(&words))?;
            if language != self.locale {
                widget::mark_language(&label, language)?;
            }
            if need.priority == Priority::Urgent {
                label.append_child(&*element(
                    doc,
                    "span",
                    &[("class", "priority")],
                    Some(&Message::NeedPriority(need.priority).text(self.locale)),
                )?)?;
            }
            option.append_child(&label)?;
            // The person's order: up and down, each control naming its need.
            let moves = element(doc, "span", &[("class", "moves")], None)?;
            for (up, shown) in [(true, position > 0), (false, position + 1 < count)] {
                if !shown {
                    continue;
                }
                let direction = if up { "up" } else { "down" };
                moves.append_child(&*element(
                    doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "secondary move"),
                        (
                            "id",
                            &format!("passerelle-{direction}-{}", css_id(&need.theme)),
                        ),
                        ("data-move", direction),
                        ("data-theme", &need.theme),
                        (
                            "aria-label",
                            &WidgetText::MoveNeed {
                                up,
                                need: Some(&words),
                            }
                            .text(self.locale),
                        ),
                    ],
                    Some(&WidgetText::MoveNeed { up, need: None }.text(self.locale)),
                )?)?;
            }
            option.append_child(&moves)?;
            needs.append_child(&option)?;
        }
        form.append_child(&needs)?;

        let field = element(doc, "div", &[("class", "field")], None)?;
        field.append_child(&*element(
            doc,
            "label",
            &[("for", "passerelle-pace")],
            Some(&self.text(WidgetText::PaceQuestion)),
        )?)?;
        let pace = element(
            doc,
            "select",
            &[
                ("id", "passerelle-pace"),
                ("aria-describedby", "passerelle-pace-help"),
            ],
            None,
        )?;
        for n in 1..=7u8 {
            let value = n.to_string();
            let option = element(
                doc,
                "option",
                &[("value", &value)],
                Some(&WidgetText::StepsPerWeek(n).text(self.locale)),
            )?;
            if n == self.pace {
                option.set_attribute("selected", "")?;
            }
            pace.append_child(&option)?;
        }
        field.append_child(&pace)?;
        // The pace proposed, and why: the person changes it knowing.
        let default = passerelle_core::plan::DEFAULT_STEPS_PER_WEEK;
        field.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-pace-help"), ("class", "help")],
            Some(&WidgetText::PaceHelp { default }.text(self.locale)),
        )?)?;
        form.append_child(&field)?;
        let actions = parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "primary"),
                ("id", "passerelle-build-plan"),
            ],
            &self.text(WidgetText::BuildPlan),
        )?;
        form.append_child(&actions)?;
        self.body.append_child(&form)?;
        self.draw_open()
    }

    /// "Open a saved plan": a file field, read in the page.
    fn draw_open(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let field = element(doc, "div", &[("class", "field open")], None)?;
        field.append_child(&*element(
            doc,
            "label",
            &[("for", "passerelle-open")],
            Some(&self.text(WidgetText::OpenPlanFile)),
        )?)?;
        let input = element(
            doc,
            "input",
            &[
                ("type", "file"),
                ("id", "passerelle-open"),
                ("accept", ".json,application/json"),
            ],
            None,
        )?;
        let error = self.error_for("passerelle-open", &input)?;
        field.append_child(&input)?;
        if let Some(error) = error {
            field.append_child(&error)?;
        }
        self.body.append_child(&field)?;
        Ok(())
    }

    /// The plan: objectives, their actions with a status each, the files,
    /// the review form.
    fn draw_plan(&mut self) -> Result<(), JsValue> {
        let Some(plan) = self.plan.clone() else {
            return Ok(());
        };
        let doc = self.document.clone();
        let doc = &doc;
        // Until the first review point, what the plan holds and at what
        // pace.
        if plan.reviews.is_empty() {
            let per_week = plan.schedule.steps_per_week;
            self.body.append_child(&*element(
                doc,
                "p",
                &[("id", "passerelle-first-steps"), ("class", "help")],
                Some(&WidgetText::FirstStepsSummary { per_week }.text(self.locale)),
            )?)?;
        }
        for objective in &plan.objectives {
            let section = element(
                doc,
                "section",
                &[
                    ("class", "objective"),
                    ("part", "objective"),
                    ("aria-labelledby", &format!("passerelle-{}", objective.id)),
                ],
                None,
            )?;
            let (words, language) = theme_label(&objective.theme, self.locale);
            let heading = element(
                doc,
                "h3",
                &[
                    ("id", &format!("passerelle-{}", objective.id)),
                    ("tabindex", "-1"),
                ],
                Some(&words),
            )?;
            if language != self.locale {
                widget::mark_language(&heading, language)?;
            }
            section.append_child(&heading)?;
            if let Some(statement) = &objective.statement {
                section.append_child(&*element(
                    doc,
                    "p",
                    &[("class", "statement")],
                    Some(statement),
                )?)?;
            }
            section.append_child(&*self.objective_status(objective)?)?;
            let list = element(doc, "ol", &[("class", "actions-list")], None)?;
            for action in &objective.actions {
                list.append_child(&*self.action(action)?)?;
            }
            section.append_child(&list)?;
            section.append_child(&*self.add_action_form(objective)?)?;
            self.body.append_child(&section)?;
        }
        self.draw_add_objective(&plan)?;

        let files = element(doc, "div", &[("class", "files"), ("part", "files")], None)?;
        let print = print_view(
            &plan,
            &crate::ui::communes::named(&self.catalogue),
            self.today,
        );
        let print_url = self.object_url(&print, "text/html")?;
        files.append_child(&*element(
            doc,
            "a",
            &[
                ("href", &print_url),
                ("target", "_blank"),
                ("rel", "noopener"),
            ],
            Some(&self.text(WidgetText::OpenPrintView)),
        )?)?;
        let file_url = self.object_url(&plan.to_json(), "application/json")?;
        files.append_child(&*element(
            doc,
            "a",
            &[
                ("href", &file_url),
                ("download", &format!("plan-{}.json", self.today)),
                ("id", "passerelle-save"),
            ],
            Some(&self.text(WidgetText::SavePlanFile)),
        )?)?;
        self.body.append_child(&files)?;
        self.draw_follow_up(&plan)?;
        self.draw_referral(&plan)?;
        self.draw_open()?;
        self.draw_review(&plan)?;
        if !self.confirming_rebuild {
            let actions = parts::action_row(
                doc,
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("id", "passerelle-rebuild"),
                    ("data-do", "rebuild"),
                ],
                &self.text(WidgetText::RebuildPlan),
            )?;
            self.body.append_child(&actions)?;
            return Ok(());
        }
        // Asked first: the plan there is would be replaced.
        let confirm = element(
            doc,
            "div",
            &[
                ("class", "confirm"),
                ("role", "group"),
                ("aria-labelledby", "passerelle-rebuild-warning"),
            ],
            None,
        )?;
        confirm.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-rebuild-warning"), ("tabindex", "-1")],
            Some(&self.text(WidgetText::RebuildWarning)),
        )?)?;
        let row = parts::action_row(
            doc,
            &[
                ("type", "button"),
                ("class", "primary"),
                ("id", "passerelle-rebuild-cancel"),
                ("data-do", "rebuild-cancel"),
            ],
            &self.text(WidgetText::KeepPlan),
        )?;
        row.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("id", "passerelle-rebuild-confirm"),
                ("data-do", "rebuild-confirm"),
            ],
            Some(&self.text(WidgetText::ConfirmRebuild)),
        )?)?;
        confirm.append_child(&row)?;
        self.body.append_child(&confirm)?;
        Ok(())
    }

    /// One action: what, when, who, how to reach the partner, its status.
    fn action(&self, action: &Action) -> Result<Element, JsValue> {
        let doc = &self.document;
        let item = element(
            doc,
            "li",
            &[
                ("class", "action"),
                ("part", "action"),
                ("data-action", &action.id),
                ("data-status", action.status.name()),
            ],
            None,
        )?;
        let title = element(
            doc,
            "p",
            &[
                ("class", "title"),
                ("id", &format!("passerelle-action-{}", action.id)),
                ("tabindex", "-1"),
            ],
            Some(&action.title),
        )?;
        // The plan writes its steps in its own language: a plan file
        // opened in a widget that speaks another says so.
        let written_in = self.plan.as_ref().map_or(self.locale, |plan| plan.locale);
        if written_in != self.locale && action.kind != ActionKind::Other {
            widget::mark_language(&title, written_in)?;
        }
        item.append_child(&title)?;
        item.append_child(&*element(
            doc,
            "p",
            &[("class", "due")],
            Some(&passerelle_core::print::due(action.due, self.today).text(self.locale)),
        )?)?;
        item.append_child(&*element(
            doc,
            "p",
            &[("class", "who")],
            Some(
                &Message::PrintWho {
                    actor: action.actor,
                    partner: action.contact.as_ref().map(|c| c.name.as_str()),
                }
                .text(self.locale),
            ),
        )?)?;
        if let Some(contact) = &action.contact {
            let ways = parts::contact_ways(
                doc,
                self.locale,
                contact.phone.as_deref(),
                contact.email.as_deref(),
                contact.url.as_deref(),
            )?;
            item.append_child(&ways)?;
        }
        item.append_child(&*self.action_form(action)?)?;
        let id = format!("passerelle-status-{}", action.id);
        let field = element(doc, "div", &[("class", "field")], None)?;
        // The list is named by its question and its step: "Où en
        // êtes-vous ? Contacter : Mission locale", one list per step.
        let label_id = format!("passerelle-status-label-{}", action.id);
        field.append_child(&*element(
            doc,
            "label",
            &[("for", &id), ("id", &label_id)],
            Some(&self.text(WidgetText::ActionStatusLabel)),
        )?)?;
        let select = element(
            doc,
            "select",
            &[
                ("id", &id),
                ("data-action", &action.id),
                (
                    "aria-labelledby",
                    &format!("{label_id} passerelle-action-{}", action.id),
                ),
            ],
            None,
        )?;
        for status in ActionStatus::ALL {
            let option = element(
                doc,
                "option",
                &[("value", status.name())],
                Some(&WidgetText::ActionStatusName(status).text(self.locale)),
            )?;
            if status == action.status {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        field.append_child(&select)?;
        if let Some(error) = self.error_for(&id, &select)? {
            field.append_child(&error)?;
        }
        item.append_child(&field)?;
        Ok(item)
    }

    /// "Change this step": the title and the date of an action, in a
    /// `details` that stays open while it shows a refusal.
    fn action_form(&self, action: &Action) -> Result<Element, JsValue> {
        let doc = &self.document;
        let id = &action.id;
        let title_id = format!("passerelle-title-{id}");
        let refused = self
            .error
            .as_ref()
            .is_some_and(|(_, control)| *control == title_id);
        let details = element(doc, "details", &[("class", "change")], None)?;
        if refused {
            details.set_attribute("open", "")?;
        }
        details.append_child(&*element(
            doc,
            "summary",
            &[("id", &format!("passerelle-change-{id}"))],
            Some(&self.text(WidgetText::ChangeActionTitle)),
        )?)?;
        let form = element(
            doc,
            "form",
            &[
                ("data-form", "action"),
                ("data-action", id),
                ("novalidate", ""),
            ],
            None,
        )?;
        form.append_child(&*element(
            doc,
            "label",
            &[("for", &title_id)],
            Some(&self.text(WidgetText::ActionTitleLabel)),
        )?)?;
        let title = element(
            doc,
            "input",
            &[
                ("type", "text"),
                ("id", &title_id),
                ("value", &action.title),
            ],
            None,
        )?;
        let error = self.error_for(&title_id, &title)?;
        form.append_child(&title)?;
        if let Some(error) = error {
            form.append_child(&error)?;
        }
        let due_id = format!("passerelle-due-{id}");
        form.append_child(&*element(
            doc,
            "label",
            &[("for", &due_id)],
            Some(&self.text(WidgetText::ActionDueLabel)),
        )?)?;
        let due = action.due.map(|date| date.to_string()).unwrap_or_default();
        form.append_child(&*element(
            doc,
            "input",
            &[("type", "date"), ("id", &due_id), ("value", &due)],
            None,
        )?)?;
        form.append_child(&*element(
            doc,
            "button",
            &[("type", "submit"), ("class", "secondary")],
            Some(&self.text(WidgetText::SaveAction)),
        )?)?;
        details.append_child(&form)?;
        Ok(details)
    }

    /// The list that says where an objective stands, and changes it.
    fn objective_status(&self, objective: &Objective) -> Result<Element, JsValue> {
        let doc = &self.document;
        let id = format!("passerelle-objective-status-{}", objective.id);
        let field = element(doc, "div", &[("class", "field")], None)?;
        // Named by its question and its goal's heading, as each step's.
        let label_id = format!("passerelle-objective-status-label-{}", objective.id);
        field.append_child(&*element(
            doc,
            "label",
            &[("for", &id), ("id", &label_id)],
            Some(&self.text(WidgetText::ObjectiveStatusLabel)),
        )?)?;
        let select = element(
            doc,
            "select",
            &[
                ("id", &id),
                ("data-objective", &objective.id),
                (
                    "aria-labelledby",
                    &format!("{label_id} passerelle-{}", objective.id),
                ),
            ],
            None,
        )?;
        for status in ObjectiveStatus::ALL {
            let option = element(
                doc,
                "option",
                &[],
                Some(&WidgetText::ObjectiveStatusName(status).text(self.locale)),
            )?;
            if status == objective.status {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        field.append_child(&select)?;
        if let Some(error) = self.error_for(&id, &select)? {
            field.append_child(&error)?;
        }
        Ok(field)
    }

    /// A `details` (its summary: `summary`, with the id `id`) holding a
    /// form (`data-form`: `kind`, more attributes in `attributes`), open
    /// while one of its controls (`controls`) shows a refusal.
    fn disclosure(
        &self,
        (id, summary): (&str, &str),
        kind: &str,
        attributes: &[(&str, &str)],
        controls: &[&str],
    ) -> Result<(Element, Element), JsValue> {
        let doc = &self.document;
        let refused = self
            .error
            .as_ref()
            .is_some_and(|(_, control)| controls.contains(&control.as_str()));
        let details = element(doc, "details", &[("class", "change")], None)?;
        if refused {
            details.set_attribute("open", "")?;
        }
        details.append_child(&*element(doc, "summary", &[("id", id)], Some(summary))?)?;
        let form = element(
            doc,
            "form",
            &[("data-form", kind), ("novalidate", "")],
            None,
        )?;
        for (name, value) in attributes {
            form.set_attribute(name, value)?;
        }
        details.append_child(&form)?;
        Ok((details, form))
    }

    /// A label and a control in `form`, the control's refusal after it.
    fn labelled(
        &self,
        form: &Element,
        label: WidgetText,
        control: &Element,
    ) -> Result<(), JsValue> {
        let id = control.id();
        form.append_child(&*element(
            &self.document,
            "label",
            &[("for", &id)],
            Some(&self.text(label)),
        )?)?;
        let error = self.error_for(&id, control)?;
        form.append_child(control)?;
        if let Some(error) = error {
            form.append_child(&error)?;
        }
        Ok(())
    }

    /// "Add a step" to an objective: what, when, who.
    fn add_action_form(&self, objective: &Objective) -> Result<Element, JsValue> {
        let doc = &self.document;
        let oid = &objective.id;
        let title_id = format!("passerelle-new-title-{oid}");
        let (details, form) = self.disclosure(
            (
                &format!("passerelle-add-action-{oid}"),
                &self.text(WidgetText::AddActionTitle),
            ),
            "add-action",
            &[("data-objective", oid)],
            &[&title_id],
        )?;
        let title = element(doc, "input", &[("type", "text"), ("id", &title_id)], None)?;
        self.labelled(&form, WidgetText::ActionTitleLabel, &title)?;
        let due_id = format!("passerelle-new-due-{oid}");
        let due = element(doc, "input", &[("type", "date"), ("id", &due_id)], None)?;
        self.labelled(&form, WidgetText::ActionDueLabel, &due)?;
        let actor_id = format!("passerelle-new-actor-{oid}");
        let actors = element(doc, "select", &[("id", &actor_id)], None)?;
        for actor in ACTORS {
            actors.append_child(&*element(
                doc,
                "option",
                &[("value", actor.name())],
                Some(&WidgetText::ActorName(actor).text(self.locale)),
            )?)?;
        }
        self.labelled(&form, WidgetText::ActionActorLabel, &actors)?;
        form.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", &format!("passerelle-save-action-{oid}")),
            ],
            Some(&self.text(WidgetText::SaveNewAction)),
        )?)?;
        Ok(details)
    }

    /// "Add a goal": a need the plan does not have yet, in the person's
    /// words if they wish.
    fn draw_add_objective(&self, plan: &Plan) -> Result<(), JsValue> {
        let categories = plan.categories_to_add();
        if categories.is_empty() {
            return Ok(());
        }
        let doc = &self.document;
        let (details, form) = self.disclosure(
            (
                "passerelle-add-objective",
                &self.text(WidgetText::AddObjectiveTitle),
            ),
            "add-objective",
            &[],
            &["passerelle-new-objective", "passerelle-new-statement"],
        )?;
        details.set_attribute("class", "change add-objective")?;
        let needs = element(doc, "select", &[("id", "passerelle-new-objective")], None)?;
        for category in categories {
            let (words, language) = theme_label(category, self.locale);
            let option = element(doc, "option", &[("value", category)], Some(&words))?;
            if language != self.locale {
                widget::mark_language(&option, language)?;
            }
            needs.append_child(&option)?;
        }
        self.labelled(&form, WidgetText::ObjectiveNeedLabel, &needs)?;
        let statement = element(
            doc,
            "input",
            &[("type", "text"), ("id", "passerelle-new-statement")],
            None,
        )?;
        self.labelled(&form, WidgetText::StatementLabel, &statement)?;
        form.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-save-objective"),
            ],
            Some(&self.text(WidgetText::SaveNewObjective)),
        )?)?;
        self.body.append_child(&details)?;
        Ok(())
    }

    /// The follow-up: the advisor's details and the next meeting's date,
    /// as they are, to change.
    fn draw_follow_up(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) =
            parts::named_form(doc, "follow-up", &self.text(WidgetText::FollowUpTitle))?;
        if let Some(done) = self.done_for("passerelle-follow-up-saved")? {
            fieldset.append_child(&done)?;
        }
        let advisor = plan.advisor.clone().unwrap_or_default();
        for (field, label, kind, value) in [
            (
                "name",
                WidgetText::AdvisorNameLabel,
                "text",
                Some(&advisor.name),
            ),
            (
                "organisation",
                WidgetText::AdvisorOrganisationLabel,
                "text",
                advisor.organisation.as_ref(),
            ),
            (
                "phone",
                WidgetText::AdvisorPhoneLabel,
                "tel",
                advisor.phone.as_ref(),
            ),
            (
                "email",
                WidgetText::AdvisorEmailLabel,
                "email",
                advisor.email.as_ref(),
            ),
        ] {
            let id = format!("passerelle-advisor-{field}");
            let input = element(
                doc,
                "input",
                &[
                    ("type", kind),
                    ("id", &id),
                    ("value", value.map_or("", String::as_str)),
                    // The advisor's details, not the person's own.
                    ("autocomplete", "off"),
                ],
                None,
            )?;
            self.labelled(&fieldset, label, &input)?;
        }
        let next = plan
            .next_review
            .map(|date| date.to_string())
            .unwrap_or_default();
        let date = element(
            doc,
            "input",
            &[
                ("type", "date"),
                ("id", "passerelle-next-review"),
                ("value", &next),
            ],
            None,
        )?;
        self.labelled(&fieldset, WidgetText::NextReviewLabel, &date)?;
        fieldset.append_child(&*parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-save-follow-up"),
            ],
            &self.text(WidgetText::SaveFollowUp),
        )?)?;
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The person's own contact details, optional, for the partners they
    /// agree to share with: name, phone, e-mail.
    fn draw_person(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) =
            parts::named_form(doc, "person", &self.text(WidgetText::PersonTitle))?;
        fieldset.set_attribute("aria-describedby", "passerelle-person-help")?;
        fieldset.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-person-help"), ("class", "help")],
            Some(&self.text(WidgetText::PersonHelp)),
        )?)?;
        if let Some(done) = self.done_for("passerelle-person-saved")? {
            fieldset.append_child(&done)?;
        }
        let person = plan.person.clone().unwrap_or_default();
        // The person's own details: the browser may fill them in.
        for (field, label, kind, value) in [
            (
                "name",
                WidgetText::PersonNameLabel,
                "text",
                Some(&person.name),
            ),
            (
                "phone",
                WidgetText::PersonPhoneLabel,
                "tel",
                person.phone.as_ref(),
            ),
            (
                "email",
                WidgetText::PersonEmailLabel,
                "email",
                person.email.as_ref(),
            ),
        ] {
            let autocomplete = if field == "phone" { "tel" } else { field };
            let input = element(
                doc,
                "input",
                &[
                    ("type", kind),
                    ("id", &format!("passerelle-person-{field}")),
                    ("value", value.map_or("", String::as_str)),
                    ("autocomplete", autocomplete),
                ],
                None,
            )?;
            self.labelled(&fieldset, label, &input)?;
        }
        fieldset.append_child(&*parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-save-person"),
            ],
            &self.text(WidgetText::SavePerson),
        )?)?;
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The referral sheet ("fiche de liaison"): a partner of the plan,
    /// the person's consent, then the sheet as a `blob:` link; the
    /// person's own contact details first, for the sheet.
    fn draw_referral(&mut self, plan: &Plan) -> Result<(), JsValue> {
        let partners = passerelle_core::referral::partners(plan, &self.catalogue);
        if partners.is_empty() {
            return Ok(());
        }
        self.draw_person(plan)?;
        let doc = self.document.clone();
        let doc = &doc;
        let (form, fieldset) =
            parts::named_form(doc, "referral", &self.text(Message::ReferralTitle))?;
        let field = element(doc, "div", &[("class", "field")], None)?;
        field.append_child(&*element(
            doc,
            "label",
            &[("for", "passerelle-referral-partner")],
            Some(&self.text(WidgetText::ReferralPartnerLabel)),
        )?)?;
        let select = element(
            doc,
            "select",
            &[("id", "passerelle-referral-partner")],
            None,
        )?;
        for (entry, name) in &partners {
            let option = element(doc, "option", &[("value", entry)], Some(name))?;
            if self.referred.as_deref() == Some(*entry) {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        field.append_child(&select)?;
        fieldset.append_child(&field)?;
        let option = element(doc, "div", &[("class", "option")], None)?;
        let checkbox = element(
            doc,
            "input",
            &[("type", "checkbox"), ("id", "passerelle-referral-consent")],
            None,
        )?;
        let error = self.error_for("passerelle-referral-consent", &checkbox)?;
        option.append_child(&checkbox)?;
        option.append_child(&*element(
            doc,
            "label",
            &[("for", "passerelle-referral-consent")],
            Some(&self.text(WidgetText::ReferralConsentBox)),
        )?)?;
        fieldset.append_child(&option)?;
        if let Some(error) = error {
            fieldset.append_child(&error)?;
        }
        let actions = parts::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-referral-prepare"),
            ],
            &self.text(WidgetText::PrepareReferral),
        )?;
        fieldset.append_child(&actions)?;
        self.draw_consents(plan, &fieldset)?;
        // The sheet of the partner the person agreed to share with last:
        // the partner's copy in French; the person's own, in their
        // language, beside it when they speak another.
        let catalogue = crate::ui::communes::named(&self.catalogue);
        let sheets = self.referred.as_deref().and_then(|entry| {
            use passerelle_core::referral::{partner_sheet, referral_sheet};
            let partner = partner_sheet(plan, &catalogue, entry, self.today).ok()?;
            let own = (plan.locale != Locale::Fr)
                .then(|| referral_sheet(plan, &catalogue, entry, self.today).ok())
                .flatten();
            Some((partner, own))
        });
        if let Some((sheet, own)) = sheets {
            let name = own
                .as_ref()
                .map_or(&sheet.partner.name, |own| &own.partner.name)
                .clone();
            let url = self.object_url(&sheet.to_html(), "text/html")?;
            fieldset.append_child(&*element(
                doc,
                "a",
                &[
                    ("href", &url),
                    ("hreflang", "fr"),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                    ("id", "passerelle-referral-open"),
                ],
                Some(&WidgetText::OpenReferral { partner: &name }.text(self.locale)),
            )?)?;
            if let Some(own) = &own {
                let url = self.object_url(&own.to_html(), "text/html")?;
                fieldset.append_child(&*element(
                    doc,
                    "a",
                    &[
                        ("href", &url),
                        ("hreflang", plan.locale.tag()),
                        ("target", "_blank"),
                        ("rel", "noopener"),
                        ("id", "passerelle-referral-own"),
                    ],
                    Some(&WidgetText::OpenReferralCopy { partner: &name }.text(self.locale)),
                )?)?;
            }
        }
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The partners the person agreed to share with, each with the
    /// control that withdraws the consent.
    fn draw_consents(&self, plan: &Plan, fieldset: &Element) -> Result<(), JsValue> {
        let doc = &self.document;
        if let Some(done) = self.done_for("passerelle-consent-withdrawn")? {
            fieldset.append_child(&done)?;
        }
        if plan.consents.is_empty() {
            return Ok(());
        }
        fieldset.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-consents")],
            Some(&self.text(WidgetText::ConsentsTitle)),
        )?)?;
        let list = element(
            doc,
            "ul",
            &[
                ("class", "consents"),
                ("aria-labelledby", "passerelle-consents"),
            ],
            None,
        )?;
        for consent in &plan.consents {
            let partner =
                partner_name(plan, &consent.entry).unwrap_or_else(|| consent.entry.clone());
            let item = element(doc, "li", &[], None)?;
            item.append_child(&*element(
                doc,
                "span",
                &[],
                Some(
                    &WidgetText::ConsentSince {
                        partner: &partner,
                        date: consent.date,
                    }
                    .text(self.locale),
                ),
            )?)?;
            item.append_child(&*element(
                doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    (
                        "id",
                        &format!("passerelle-withdraw-{}", css_id(&consent.entry)),
                    ),
                    ("data-do", "withdraw"),
                    ("data-entry", &consent.entry),
                ],
                Some(&WidgetText::WithdrawConsent { partner: &partner }.text(self.locale)),
            )?)?;
            list.append_child(&item)?;
        }
        fieldset.append_child(&list)?;
        Ok(())
    }

    /// The review form, and the last review point saved.
    fn draw_review(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) =
            parts::named_form(doc, "review", &self.text(WidgetText::ReviewTitle))?;
        if let Some(last) = plan.reviews.last() {
            fieldset.append_child(&*element(
                doc,
                "p",
                &[
                    ("id", "passerelle-review-saved"),
                    ("tabindex", "-1"),
                    ("class", "help"),
                ],
                Some(&WidgetText::ReviewSaved(last.date).text(self.locale)),
            )?)?;
        }
        for (id, message) in [
            ("passerelle-review-done", WidgetText::ReviewDone),
            ("passerelle-review-stuck", WidgetText::ReviewStuck),
            ("passerelle-review-changed", WidgetText::ReviewChanged),
        ] {
            fieldset.append_child(&*element(
                doc,
                "label",
                &[("for", id)],
                Some(&self.text(message)),
            )?)?;
            let area = element(doc, "textarea", &[("id", id), ("rows", "2")], None)?;
            let error = self.error_for(id, &area)?;
            fieldset.append_child(&area)?;
            if let Some(error) = error {
                fieldset.append_child(&error)?;
            }
        }
        let actions = parts::action_row(
            doc,
            &[("type", "submit"), ("class", "primary")],
            &self.text(WidgetText::SaveReview),
        )?;
        fieldset.append_child(&actions)?;
        self.body.append_child(&form)?;
        Ok(())
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

/// A theme id as a CSS identifier: themes are slugs (letters, digits,
/// dashes), anything else becomes a dash.
fn css_id(theme: &str) -> String {
    theme
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
