//! `<passerelle-plan>`: the personalised plan ("projet d'accompagnement
//! personnalisé") built with the person from a diagnosis: the needs to
//! work on and the pace chosen, then the objectives and their actions,
//! each status changed where it stands; review points; the print view and
//! the plan's file saved on the device or opened again. Nothing is sent
//! anywhere: the files are made in the page.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::Diagnosis;
use passerelle_core::orientation::Priority;
use passerelle_core::plan::{
    Action, ActionStatus, Author, Choices, Edit, Plan, PlanError, Review, Schedule,
};
use passerelle_core::print::print_view;
use passerelle_core::{Locale, Message};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::dom::{self, element};
use crate::texts::theme_label;
use crate::widget::{self, Widget};

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("plan.css");

/// Sent on the element when the plan is built, changed or opened from a
/// file; `detail: {plan}`, the plan's value (`docs/plan-format.md`).
pub const PLAN_EVENT: &str = "passerelle:plan-change";

/// The id of the title.
const TITLE_ID: &str = "passerelle-plan-title";
/// The id of the message of a refusal, tied to what was refused.
const ERROR_ID: &str = "passerelle-plan-error";

/// The statuses an action can be given, in the order offered.
const STATUSES: [ActionStatus; 5] = [
    ActionStatus::Planned,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::OnHold,
    ActionStatus::Dropped,
];

/// What the person did.
enum Intent {
    /// Sent the build form.
    Build,
    /// Changed the status of an action (its id, the status's index).
    Status(String, usize),
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
    /// The object URLs of the print view and the file, revoked when made
    /// again or when the widget goes.
    urls: Vec<String>,
    /// Itself, for a file read later to come back to.
    itself: Weak<RefCell<PlanView>>,
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
}

#[wasm_bindgen]
impl PlanWidget {
    /// Renders into `host`'s shadow root (made if it has none), in the
    /// language of `lang` (French by default); it offers to build the
    /// plan once a diagnosis is given.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<PlanWidget, JsValue> {
        let today = crate::convert::today()?;
        let document = dom::document()?;
        let root = widget::shadow_root(&host, STYLE)?;
        let container = element(
            &document,
            "div",
            &[("class", "passerelle"), ("part", "container")],
            None,
        )?;
        container.append_child(&*element(
            &document,
            "h2",
            &[("id", TITLE_ID), ("tabindex", "-1"), ("part", "title")],
            None,
        )?)?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        container.append_child(&body)?;
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
            pace: 2,
            referred: None,
            error: None,
            urls: Vec::new(),
            itself: Weak::new(),
        }));
        state.borrow_mut().itself = Rc::downgrade(&state);
        state.borrow_mut().render()?;
        let listeners = vec![
            widget::listen(&root, "submit", &state, |event| {
                event.prevent_default();
                let form = event.target()?.dyn_into::<Element>().ok()?;
                match form.get_attribute("data-form")?.as_str() {
                    "build" => Some(Intent::Build),
                    "review" => Some(Intent::Review),
                    "referral" => Some(Intent::Referral),
                    "action" => Some(Intent::ChangeAction(form.get_attribute("data-action")?)),
                    _ => None,
                }
            })?,
            widget::listen(&root, "change", &state, |event| {
                let target = event.target()?;
                if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
                    let action = select.get_attribute("data-action")?;
                    let index = usize::try_from(select.selected_index()).ok()?;
                    return Some(Intent::Status(action, index));
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
                    _ => None,
                }
            })?,
        ];
        Ok(PlanWidget {
            state,
            _listeners: listeners,
        })
    }

    /// Shows the widget in another language; an unknown one gives French.
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        state.render()
    }

    /// The diagnosis to build the plan from: what `Diagnosis.result()` or
    /// `passerelle:diagnosis-complete` gives, as an object or JSON text;
    /// `null` clears it. A plan built from another diagnosis is dropped.
    /// Throws `invalid_argument` when `diagnosis` is not a diagnosis
    /// result.
    pub fn set_diagnosis(&self, diagnosis: JsValue) -> Result<(), JsValue> {
        let diagnosis = widget::read_diagnosis(&diagnosis)?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        if state.diagnosis != diagnosis {
            state.plan = None;
            state.chosen = None;
            state.order = None;
            state.referred = None;
        }
        state.diagnosis = diagnosis;
        state.error = None;
        state.render()
    }

    /// Places a person whose answers do not say where they live in
    /// `territory` (a department or commune code) for the partners the
    /// plan proposes; `null` for none. Throws `invalid_territory`.
    pub fn set_territory(&self, territory: Option<String>) -> Result<(), JsValue> {
        crate::orientation_view::check_territory(territory.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.territory = territory;
        Ok(())
    }

    /// Merges a local catalogue (JSON text or object) into the national
    /// one, for the partners a plan proposes. Throws `invalid_catalogue`.
    pub fn set_local_catalogue(&self, catalogue: JsValue) -> Result<(), JsValue> {
        let catalogue = widget::with_local_catalogue(&catalogue)?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.catalogue = catalogue;
        state.render()
    }

    /// The plan's value (`docs/plan-format.md`), or `null` before it is
    /// built.
    pub fn plan(&self) -> Result<JsValue, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        match &state.plan {
            Some(plan) => Ok(crate::convert::to_js(plan)?),
            None => Ok(JsValue::NULL),
        }
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
        self.error = None;
        let changed = match action {
            Intent::Build => self.build()?,
            Intent::Status(action, index) => {
                let status = STATUSES.get(index).copied();
                match status {
                    Some(status) => self.apply(Edit::SetStatus { action, status }, None)?,
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
        };
        if !changed {
            return Ok(None);
        }
        self.event().map(Some)
    }
}

impl PlanView {
    fn text(&self, message: Message) -> String {
        message.text(self.locale)
    }

    /// The `passerelle:plan-change` event of the plan as it is.
    fn event(&self) -> Result<(&'static str, JsValue), JsValue> {
        let detail = js_sys::Object::new();
        let plan = match &self.plan {
            Some(plan) => crate::convert::to_js(plan)?,
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
            .map_err(|_| crate::error::js_error("no_shadow_root", "The widget is not on the page."))
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
        placed.facts =
            crate::orientation_view::placed(&diagnosis.facts, self.territory.as_deref())?;
        match Plan::build(&placed, &self.catalogue, &choices) {
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
        let focused = self
            .root()?
            .active_element()
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
        let today = self.today;
        let Some(plan) = &mut self.plan else {
            return Ok(false);
        };
        if let Err(error) = plan.apply(edit, Author::Person, today) {
            self.refuse(&error, control.unwrap_or(TITLE_ID))?;
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
        let root = self.root()?;
        let field = |id: &str| -> Result<String, JsValue> {
            Ok(root
                .query_selector(&format!("#{id}"))?
                .and_then(|field| field.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .map(|field| field.value().trim().to_owned())
                .unwrap_or_default())
        };
        let review = Review {
            date: self.today,
            done: field("passerelle-review-done")?,
            stuck: field("passerelle-review-stuck")?,
            changed: field("passerelle-review-changed")?,
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
        let root = self.root()?;
        let value = |field: &str| -> Result<Option<String>, JsValue> {
            Ok(root
                .query_selector(&format!("#passerelle-{field}-{id}"))?
                .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
                .map(|input| input.value()))
        };
        if let Some(title) = value("title")? {
            action.title = title.trim().to_owned();
        }
        if let Some(due) = value("due")? {
            action.due = Date::parse(due.trim()).ok();
        }
        let title_id = format!("passerelle-title-{id}");
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
                self.text(Message::ConsentRequired),
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

    /// Shows `error` tied to the control `id`, and moves the focus there.
    fn refuse(&mut self, error: &PlanError, id: &str) -> Result<(), JsValue> {
        let message = match error {
            PlanError::NoNeed | PlanError::NeedNotFound { .. } => Message::ChooseAtLeastOneNeed,
            PlanError::FutureVersion { .. } => Message::PlanTooNew,
            PlanError::Corrupted { .. } => Message::PlanUnreadable,
            PlanError::BadText { .. } => Message::TextTooLong,
            _ => Message::PlanUnreadable,
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
        let title = self.root()?.get_element_by_id(TITLE_ID);
        if let Some(title) = title {
            title.set_text_content(Some(&self.text(Message::PlanTitle)));
        }
        self.revoke_urls();
        self.body.set_text_content(None);
        if self.plan.is_some() {
            self.draw_plan()
        } else if self.diagnosis.is_some() {
            self.draw_build()
        } else {
            self.body.append_child(&*element(
                &self.document,
                "p",
                &[("class", "help")],
                Some(&self.text(Message::PlanWaiting)),
            )?)?;
            self.draw_open()
        }
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
        let prefix = Message::ErrorPrefix.text(self.locale);
        Ok(Some(element(
            &self.document,
            "p",
            &[("id", ERROR_ID), ("class", "error"), ("role", "alert")],
            Some(&format!("{prefix}{message}")),
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
            Some(&self.text(Message::ChooseNeeds)),
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
                label.set_attribute("lang", language.tag())?;
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
                            &Message::MoveNeed {
                                up,
                                need: Some(&words),
                            }
                            .text(self.locale),
                        ),
                    ],
                    Some(&Message::MoveNeed { up, need: None }.text(self.locale)),
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
            Some(&self.text(Message::PaceQuestion)),
        )?)?;
        let pace = element(doc, "select", &[("id", "passerelle-pace")], None)?;
        for n in 1..=7u8 {
            let value = n.to_string();
            let option = element(
                doc,
                "option",
                &[("value", &value)],
                Some(&Message::StepsPerWeek(n).text(self.locale)),
            )?;
            if n == self.pace {
                option.set_attribute("selected", "")?;
            }
            pace.append_child(&option)?;
        }
        field.append_child(&pace)?;
        form.append_child(&field)?;
        let actions = widget::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "primary"),
                ("id", "passerelle-build-plan"),
            ],
            &self.text(Message::BuildPlan),
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
            Some(&self.text(Message::OpenPlanFile)),
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
                &[("id", &format!("passerelle-{}", objective.id))],
                Some(&words),
            )?;
            if language != self.locale {
                heading.set_attribute("lang", language.tag())?;
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
            let list = element(doc, "ol", &[("class", "actions-list")], None)?;
            for action in &objective.actions {
                list.append_child(&*self.action(action)?)?;
            }
            section.append_child(&list)?;
            self.body.append_child(&section)?;
        }

        let files = element(doc, "div", &[("class", "files"), ("part", "files")], None)?;
        let print = print_view(&plan, &self.catalogue, self.today);
        let print_url = self.object_url(&print, "text/html")?;
        files.append_child(&*element(
            doc,
            "a",
            &[
                ("href", &print_url),
                ("target", "_blank"),
                ("rel", "noopener"),
            ],
            Some(&self.text(Message::OpenPrintView)),
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
            Some(&self.text(Message::SavePlanFile)),
        )?)?;
        self.body.append_child(&files)?;
        self.draw_referral(&plan)?;
        self.draw_open()?;
        self.draw_review(&plan)?;
        if !self.confirming_rebuild {
            let actions = widget::action_row(
                doc,
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("id", "passerelle-rebuild"),
                    ("data-do", "rebuild"),
                ],
                &self.text(Message::RebuildPlan),
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
            Some(&self.text(Message::RebuildWarning)),
        )?)?;
        let row = widget::action_row(
            doc,
            &[
                ("type", "button"),
                ("class", "primary"),
                ("id", "passerelle-rebuild-cancel"),
                ("data-do", "rebuild-cancel"),
            ],
            &self.text(Message::KeepPlan),
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
            Some(&self.text(Message::ConfirmRebuild)),
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
                ("data-status", status_name(action.status)),
            ],
            None,
        )?;
        item.append_child(&*element(
            doc,
            "p",
            &[("class", "title")],
            Some(&action.title),
        )?)?;
        item.append_child(&*element(
            doc,
            "p",
            &[("class", "due")],
            Some(&Message::Due(action.due).text(self.locale)),
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
            let ways = widget::contact_ways(
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
        field.append_child(&*element(
            doc,
            "label",
            &[("for", &id)],
            Some(&self.text(Message::ActionStatusLabel)),
        )?)?;
        let select = element(
            doc,
            "select",
            &[("id", &id), ("data-action", &action.id)],
            None,
        )?;
        for status in STATUSES {
            let option = element(
                doc,
                "option",
                &[("value", status_name(status))],
                Some(&Message::ActionStatusName(status).text(self.locale)),
            )?;
            if status == action.status {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        field.append_child(&select)?;
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
            Some(&self.text(Message::ChangeActionTitle)),
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
            Some(&self.text(Message::ActionTitleLabel)),
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
            Some(&self.text(Message::ActionDueLabel)),
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
            Some(&self.text(Message::SaveAction)),
        )?)?;
        details.append_child(&form)?;
        Ok(details)
    }

    /// The referral sheet ("fiche de liaison"): a partner of the plan,
    /// the person's consent, then the sheet as a `blob:` link.
    fn draw_referral(&mut self, plan: &Plan) -> Result<(), JsValue> {
        let mut partners: Vec<(String, String)> = Vec::new();
        for action in plan.objectives.iter().flat_map(|o| &o.actions) {
            let (Some(entry), Some(contact)) = (&action.entry, &action.contact) else {
                continue;
            };
            if !partners.iter().any(|(id, _)| id == entry) {
                partners.push((entry.clone(), contact.name.clone()));
            }
        }
        if partners.is_empty() {
            return Ok(());
        }
        let doc = self.document.clone();
        let doc = &doc;
        let (form, fieldset) =
            widget::named_form(doc, "referral", &self.text(Message::ReferralTitle))?;
        let field = element(doc, "div", &[("class", "field")], None)?;
        field.append_child(&*element(
            doc,
            "label",
            &[("for", "passerelle-referral-partner")],
            Some(&self.text(Message::ReferralPartnerLabel)),
        )?)?;
        let select = element(
            doc,
            "select",
            &[("id", "passerelle-referral-partner")],
            None,
        )?;
        for (entry, name) in &partners {
            let option = element(doc, "option", &[("value", entry)], Some(name))?;
            if self.referred.as_deref() == Some(entry.as_str()) {
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
            Some(&self.text(Message::ReferralConsentBox)),
        )?)?;
        fieldset.append_child(&option)?;
        if let Some(error) = error {
            fieldset.append_child(&error)?;
        }
        let actions = widget::action_row(
            doc,
            &[
                ("type", "submit"),
                ("class", "secondary"),
                ("id", "passerelle-referral-prepare"),
            ],
            &self.text(Message::PrepareReferral),
        )?;
        fieldset.append_child(&actions)?;
        // The sheet of the partner the person agreed to share with last.
        let sheet = self.referred.as_deref().and_then(|entry| {
            passerelle_core::referral::referral_sheet(plan, &self.catalogue, entry, self.today).ok()
        });
        if let Some(sheet) = sheet {
            let url = self.object_url(&sheet.to_html(), "text/html")?;
            let name = &sheet.partner.name;
            fieldset.append_child(&*element(
                doc,
                "a",
                &[
                    ("href", &url),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                    ("id", "passerelle-referral-open"),
                ],
                Some(&Message::OpenReferral { partner: name }.text(self.locale)),
            )?)?;
        }
        self.body.append_child(&form)?;
        Ok(())
    }

    /// The review form, and the last review point saved.
    fn draw_review(&self, plan: &Plan) -> Result<(), JsValue> {
        let doc = &self.document;
        let (form, fieldset) = widget::named_form(doc, "review", &self.text(Message::ReviewTitle))?;
        if let Some(last) = plan.reviews.last() {
            fieldset.append_child(&*element(
                doc,
                "p",
                &[
                    ("id", "passerelle-review-saved"),
                    ("tabindex", "-1"),
                    ("class", "help"),
                ],
                Some(&Message::ReviewSaved(last.date).text(self.locale)),
            )?)?;
        }
        for (id, message) in [
            ("passerelle-review-done", Message::ReviewDone),
            ("passerelle-review-stuck", Message::ReviewStuck),
            ("passerelle-review-changed", Message::ReviewChanged),
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
        let actions = widget::action_row(
            doc,
            &[("type", "submit"), ("class", "primary")],
            &self.text(Message::SaveReview),
        )?;
        fieldset.append_child(&actions)?;
        self.body.append_child(&form)?;
        Ok(())
    }
}

/// The status's name in JSON, for values, styling and tests.
fn status_name(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => "planned",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
        ActionStatus::OnHold => "on_hold",
        ActionStatus::Dropped => "dropped",
    }
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
