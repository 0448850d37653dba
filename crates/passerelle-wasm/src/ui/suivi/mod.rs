//! `<passerelle-suivi>`: the advisor's desk. The people followed ("file
//! active"), each with their plan; review points ("points d'étape"); the
//! agenda by week; the funder report ("bilan") over a period; the
//! encrypted backup. The caseload is kept on the structure's own device,
//! encrypted (the vault, `pkg-templates/vault.js`); it is in this
//! widget's memory only while unlocked, and locked after inactivity.
//! What to do with it (merge, agenda, report, calendar) is the core's
//! (`passerelle_core::caseload`); this draws it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use passerelle_core::caseload::{Caseload, CaseloadError, Merge};
use passerelle_core::date::Date;
use passerelle_core::plan::Plan;
use passerelle_core::report::Period;
use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::ui::dom::{self, element, Attribute};
use crate::ui::widget::{self, Widget};
use crate::ui::{parts, words::Said};
use ids::{Button, Form, Tab};
use vault::Vault;
pub use words::{every_desk_text, DeskText, FILES as DESK_FILES};

mod backup;
mod draw;
mod gate;
mod ids;
mod people;
mod report;
mod vault;
mod words;

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("suivi.css");

/// Minutes without a key pressed or a pointer used before the desk
/// locks, unless the host says otherwise (`lock-after`).
const DEFAULT_LOCK_AFTER: u32 = 10;

/// Where the caseload stands.
enum Gate {
    /// The vault is being opened.
    Opening,
    /// The caseload cannot be opened here: the vault's code.
    Unavailable(String),
    /// No caseload on this device yet: one is made with a passphrase.
    New,
    /// A caseload is kept, locked.
    Locked,
    /// Unlocked: the caseload, in memory.
    Open(Caseload),
}

/// What is shown of an open caseload.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Screen {
    Tab(Tab),
    /// One person, by id.
    Person(String),
}

/// What the advisor did.
enum Intent {
    Form(Form),
    Tab(Tab),
    Open(String),
    Button(Button),
    /// The plan of the person open changed (the `passerelle:plan-change`
    /// of the plan inside).
    PlanChanged(JsValue),
    /// A key pressed or a pointer used: the inactivity lock starts again.
    Activity,
}

/// The state behind one `<passerelle-suivi>` element.
struct DeskView {
    host: HtmlElement,
    document: Document,
    /// Redrawn at each change.
    body: Element,
    /// Holds the plan of the person open (`<passerelle-plan
    /// mode="advisor">`), kept across redraws so that it keeps its state.
    plan_slot: Element,
    /// The plan element in `plan_slot`, and the id of its person.
    plan_element: Option<(String, Element)>,
    locale: Locale,
    today: Date,
    vault: Option<Vault>,
    gate: Gate,
    screen: Screen,
    /// Whether erasing everything is being asked.
    confirming_erase: bool,
    /// Whether taking the person open out of the caseload is being asked.
    confirming_remove: bool,
    /// A refusal to show: its message, and the id of the control it is for.
    error: Option<(String, &'static str)>,
    /// What was just done, told in the live region.
    told: Option<String>,
    /// The last save was refused: the change is in memory only.
    unsaved: Option<String>,
    /// Saves under way; while there are, the host has `data-saving` and
    /// leaving the page is asked first (the change is not kept yet).
    saving: u32,
    saving_guard: Option<crate::ui::persist::UnloadGuard>,
    /// A vault call under way: what is asked meanwhile waits.
    waiting: bool,
    period: Period,
    /// The outcome of the last import.
    merged: Option<Merge>,
    /// The backup file made last (its object URL).
    backup_url: Option<String>,
    /// Object URLs of the files drawn (agenda, CSV, print view), revoked
    /// at the next draw.
    urls: Vec<String>,
    lock_after: u32,
    /// The inactivity timer (its id, as the page's `setTimeout` gave it)
    /// and its function.
    timer: Option<JsValue>,
    on_idle: Option<Closure<dyn FnMut()>>,
    itself: Weak<RefCell<DeskView>>,
}

/// The advisor's desk rendered into a custom element. Created by the
/// `<passerelle-suivi>` shim, which then gives it the vault
/// ([`setVault`](Self::set_vault)). Call `free()` once the element leaves
/// the page: the caseload in memory goes with it.
#[wasm_bindgen]
pub struct SuiviWidget {
    state: Rc<RefCell<DeskView>>,
    _listeners: Vec<widget::Listener>,
}

#[wasm_bindgen]
impl SuiviWidget {
    /// Renders into `host`'s shadow root, in the language of `lang`
    /// (French by default); the desk opens once the vault is given.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<SuiviWidget, JsValue> {
        let today = crate::api::convert::today()?;
        let document = dom::document()?;
        let root = widget::shadow_root(&host, &[STYLE])?;
        let container = parts::titled_container(&document, ids::TITLE)?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        container.append_child(&body)?;
        let plan_slot = element(
            &document,
            "div",
            &[("class", "plan-slot"), ("hidden", "")],
            None,
        )?;
        container.append_child(&plan_slot)?;
        root.append_child(&container)?;
        let state = Rc::new(RefCell::new(DeskView {
            host,
            document,
            body,
            plan_slot,
            plan_element: None,
            locale: widget::locale_from(lang.as_deref()),
            today,
            vault: None,
            gate: Gate::Opening,
            screen: Screen::Tab(Tab::People),
            confirming_erase: false,
            confirming_remove: false,
            error: None,
            told: None,
            unsaved: None,
            saving: 0,
            saving_guard: None,
            waiting: false,
            period: report::default_period(today),
            merged: None,
            backup_url: None,
            urls: Vec::new(),
            lock_after: DEFAULT_LOCK_AFTER,
            timer: None,
            on_idle: None,
            itself: Weak::new(),
        }));
        state.borrow_mut().itself = Rc::downgrade(&state);
        state.borrow_mut().render()?;
        let listeners = vec![
            widget::listen(&root, "submit", &state, |event| {
                event.prevent_default();
                let form = event.target()?.dyn_into::<Element>().ok()?;
                Form::from_attr(&form.get_attribute("data-form")?).map(Intent::Form)
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                let button = target.closest("[data-do]").ok().flatten()?;
                match Button::from_attr(&button.get_attribute("data-do")?)? {
                    Button::Tab => {
                        Tab::from_attr(&button.get_attribute("data-tab")?).map(Intent::Tab)
                    }
                    Button::Open => Some(Intent::Open(button.get_attribute("data-person")?)),
                    other => Some(Intent::Button(other)),
                }
            })?,
            widget::listen(&root, "passerelle:plan-change", &state, |event| {
                // The plan stays inside the desk: the host page is not told.
                event.stop_propagation();
                let detail = event.dyn_ref::<web_sys::CustomEvent>()?.detail();
                let plan = js_sys::Reflect::get(&detail, &"plan".into()).ok()?;
                Some(Intent::PlanChanged(plan))
            })?,
            widget::listen(&root, "keydown", &state, |_| Some(Intent::Activity))?,
            widget::listen(&root, "pointerdown", &state, |_| Some(Intent::Activity))?,
        ];
        Ok(SuiviWidget {
            state,
            _listeners: listeners,
        })
    }

    /// Shows the desk in another language; an unknown one gives French.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        if let Some((_, plan)) = &state.plan_element {
            plan.set_attribute("lang", state.locale.tag())?;
        }
        state.render()
    }

    /// The vault that keeps the caseload (`openVault()` of `vault.js`):
    /// the desk asks it whether a caseload is kept, then offers to make
    /// one or to unlock it.
    #[wasm_bindgen(js_name = setVault)]
    pub fn set_vault(&self, vault: Vault) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        let asked = vault.state();
        state.vault = Some(vault);
        state.gate = Gate::Opening;
        state.render()?;
        crate::ui::settle::when_settled(&state.itself, asked, |view, outcome| {
            view.gate = match outcome {
                Ok(value) if value.as_string().as_deref() == Some("new") => Gate::New,
                Ok(_) => Gate::Locked,
                Err(error) => Gate::Unavailable(vault::code_of(&error)),
            };
            view.render()?;
            Ok(None)
        });
        Ok(())
    }

    /// The vault could not be opened (`error`, with its `code`): told in
    /// words (`storage_refused`, `crypto_unavailable`…).
    #[wasm_bindgen(js_name = setVaultFailure)]
    pub fn set_vault_failure(&self, error: JsValue) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.gate = Gate::Unavailable(vault::code_of(&error));
        state.render()
    }

    /// Minutes without activity before the desk locks (`lock-after`, 1 to
    /// 240; 10 when `null`). Throws `bad_lock_after` for another value,
    /// and keeps the one it had.
    #[wasm_bindgen(js_name = setLockAfter)]
    pub fn set_lock_after(&self, minutes: Option<String>) -> Result<(), JsValue> {
        let minutes = match minutes.as_deref().map(str::trim) {
            None => DEFAULT_LOCK_AFTER,
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=240).contains(m))
                .ok_or_else(|| {
                    crate::api::error::js_error(
                        "bad_lock_after",
                        &format!("lock-after is a number of minutes from 1 to 240, not {text:?}"),
                    )
                })?,
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.lock_after = minutes;
        state.restart_timer();
        Ok(())
    }

    /// Adds a person followed, with `plan` (a plan's value or JSON text,
    /// `element.plan` of a `<passerelle-plan>`) and `label` (initials or
    /// a pseudonym): returns their id. Throws `locked` while the desk is
    /// locked, else the caseload's codes (`label_empty`, `plan_…`).
    pub fn add(&self, plan: JsValue, label: String) -> Result<String, JsValue> {
        let text = crate::api::convert::document(&plan, "plan")?;
        let plan =
            Plan::from_json(&text).map_err(|error| crate::api::shared::plan_error(&error))?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        if state.caseload().is_none() {
            return Err(crate::api::error::js_error(
                "locked",
                "The desk is locked: the advisor unlocks it first.",
            ));
        }
        let id = state
            .add_person(&label, plan)
            .map_err(|error| crate::api::error::js_error(error.code(), &error.to_string()))?;
        state.render()?;
        Ok(id)
    }

    /// Locks the desk now: the caseload leaves the page's memory.
    pub fn lock(&self) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.lock(None)
    }

    /// Nothing is handed over while the element is off the page: the
    /// desk locks, and asks for the passphrase when it comes back.
    pub fn suspend(&self) -> Option<String> {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            let _ = state.lock(None);
        }
        None
    }

    /// Nothing to take back (see [`suspend`](Self::suspend)).
    pub fn resume(&self, _kept: Option<String>) -> bool {
        false
    }
}

impl Drop for SuiviWidget {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.stop_timer();
            state.revoke_urls();
            if let Some(url) = state.backup_url.take() {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        }
    }
}

impl Widget for DeskView {
    type Action = Intent;

    fn host(&self) -> &HtmlElement {
        &self.host
    }

    fn act(&mut self, action: Intent) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        if let Intent::Activity = action {
            self.restart_timer();
            return Ok(None);
        }
        self.restart_timer();
        if self.waiting {
            return Ok(None);
        }
        if !matches!(action, Intent::PlanChanged(_)) {
            self.error = None;
            self.told = None;
        }
        match action {
            Intent::Form(Form::Create) => self.create()?,
            Intent::Form(Form::Unlock) => self.unlock()?,
            Intent::Form(Form::Add) => self.read_added()?,
            Intent::Form(Form::Period) => self.change_period()?,
            Intent::Form(Form::Import) => self.import()?,
            Intent::Tab(tab) => self.show(Screen::Tab(tab))?,
            Intent::Open(id) => self.show(Screen::Person(id))?,
            Intent::Button(Button::List) => self.show(Screen::Tab(Tab::People))?,
            Intent::Button(Button::Lock) => self.lock(None)?,
            Intent::Button(Button::Backup) => self.make_backup()?,
            Intent::Button(Button::Forgotten) => {
                self.confirming_erase = true;
                self.render()?;
                self.focus(&format!("#{}", ids::ERASE_WARNING))?;
            }
            Intent::Button(Button::KeepAll) => {
                self.confirming_erase = false;
                self.render()?;
                self.focus(&format!("#{}", ids::PASSPHRASE))?;
            }
            Intent::Button(Button::EraseAll) => self.erase_all()?,
            Intent::Button(Button::SaveAgain) => self.save(),
            Intent::Button(Button::Remove) => {
                self.confirming_remove = true;
                self.render()?;
                self.focus(&format!("#{}", ids::REMOVE_WARNING))?;
            }
            Intent::Button(Button::KeepPerson) => {
                self.confirming_remove = false;
                self.render()?;
                self.focus(&format!("#{}", ids::REMOVE))?;
            }
            Intent::Button(Button::RemoveConfirmed) => self.remove_person()?,
            Intent::Button(Button::Tab | Button::Open) => {}
            Intent::PlanChanged(plan) => self.plan_changed(&plan)?,
            Intent::Activity => {}
        }
        Ok(None)
    }
}

impl DeskView {
    fn text(&self, message: impl Said) -> String {
        message.text(self.locale)
    }

    /// The caseload, when unlocked.
    fn caseload(&self) -> Option<&Caseload> {
        match &self.gate {
            Gate::Open(caseload) => Some(caseload),
            _ => None,
        }
    }

    fn caseload_mut(&mut self) -> Option<&mut Caseload> {
        match &mut self.gate {
            Gate::Open(caseload) => Some(caseload),
            _ => None,
        }
    }

    /// Shows `screen`, its heading focused.
    fn show(&mut self, screen: Screen) -> Result<(), JsValue> {
        if self.caseload().is_none() {
            return Ok(());
        }
        self.confirming_remove = false;
        self.screen = screen;
        self.render()?;
        self.focus(&format!("#{}", ids::SCREEN))
    }

    /// Adds a person with their plan, and keeps the caseload.
    fn add_person(&mut self, label: &str, plan: Plan) -> Result<String, CaseloadError> {
        let id = new_id();
        let today = self.today;
        // Only called while unlocked.
        let Some(caseload) = self.caseload_mut() else {
            return Ok(id);
        };
        caseload.add(id.clone(), label, today, plan)?;
        let label = caseload
            .get(&id)
            .map(|person| person.label.clone())
            .unwrap_or_default();
        self.told = Some(self.text(DeskText::Added { label: &label }));
        self.save();
        Ok(id)
    }

    /// Keeps the caseload in the vault; a refusal is told, with a
    /// control that tries again, and the change stays in memory.
    fn save(&mut self) {
        let (Some(vault), Some(caseload)) = (&self.vault, self.caseload()) else {
            return;
        };
        let saving = vault.save(&caseload.to_json());
        self.saving_started();
        crate::ui::settle::when_settled(&self.itself, saving, |view, outcome| {
            view.saving_ended();
            let was = view.unsaved.take();
            if let Err(error) = outcome {
                let words = match vault::code_of(&error).as_str() {
                    "quota" => DeskText::Quota,
                    // Another tab erased or made the caseload again: this
                    // one writes nothing over it, and locks.
                    "locked" => return view.lock(Some(DeskText::ChangedElsewhere)).map(|()| None),
                    _ => DeskText::SaveFailed,
                };
                view.unsaved = Some(view.text(words));
            }
            if was.is_some() || view.unsaved.is_some() {
                view.render()?;
            }
            Ok(None)
        });
    }

    /// A save begins: the first one marks the host and asks before the
    /// page is left.
    fn saving_started(&mut self) {
        self.saving += 1;
        if self.saving == 1 {
            let _ = self.host.set_attribute("data-saving", "");
            self.saving_guard = crate::ui::persist::UnloadGuard::new();
        }
    }

    /// A save is over, kept or refused: after the last one, the page may
    /// be left freely.
    fn saving_ended(&mut self) {
        self.saving = self.saving.saturating_sub(1);
        if self.saving == 0 {
            let _ = self.host.remove_attribute("data-saving");
            self.saving_guard = None;
        }
    }

    /// Locks: the key forgotten by the vault, the caseload dropped from
    /// memory, the plan open removed; `told` says why, if not asked.
    fn lock(&mut self, told: Option<DeskText>) -> Result<(), JsValue> {
        if !matches!(self.gate, Gate::Open(_)) {
            return Ok(());
        }
        if let Some(vault) = &self.vault {
            let _ = vault.lock();
        }
        self.gate = Gate::Locked;
        self.screen = Screen::Tab(Tab::People);
        self.merged = None;
        self.unsaved = None;
        self.confirming_erase = false;
        self.close_plan();
        if let Some(url) = self.backup_url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        self.told = told.map(|words| self.text(words));
        self.stop_timer();
        self.render()?;
        self.focus(&format!("#{}", ids::PASSPHRASE))
    }

    /// Removes the plan element of the person open, if any.
    fn close_plan(&mut self) {
        if let Some((_, plan)) = self.plan_element.take() {
            plan.remove();
        }
        let _ = self.plan_slot.set_attribute("hidden", "");
    }

    /// Starts the inactivity timer again (only while unlocked).
    fn restart_timer(&mut self) {
        self.stop_timer();
        if !matches!(self.gate, Gate::Open(_)) {
            return;
        }
        if self.on_idle.is_none() {
            let state = self.itself.clone();
            self.on_idle = Some(Closure::new(move || {
                let Some(state) = state.upgrade() else { return };
                let Ok(mut view) = state.try_borrow_mut() else {
                    return;
                };
                view.timer = None;
                let outcome = view.lock(Some(DeskText::LockedIdle));
                let host = view.host.clone();
                drop(view);
                if let Err(error) = outcome {
                    let _ = widget::dispatch(&host, widget::ERROR_EVENT, &error);
                }
            }));
        }
        let Some(on_idle) = &self.on_idle else {
            return;
        };
        let milliseconds = f64::from(self.lock_after) * 60_000.0;
        self.timer = set_timeout(on_idle.as_ref().unchecked_ref(), milliseconds).ok();
    }

    fn stop_timer(&mut self) {
        if let Some(timer) = self.timer.take() {
            let _ = clear_timeout(&timer);
        }
    }

    /// Moves the focus to the first element matching `selector`.
    fn focus(&self, selector: &str) -> Result<(), JsValue> {
        widget::focus_first(&self.body, selector)
    }

    fn root(&self) -> Result<web_sys::ShadowRoot, JsValue> {
        widget::root_of(&self.body)
    }

    /// The value of the input `id`, trimmed.
    fn value_of(&self, id: &str) -> Result<String, JsValue> {
        Ok(self
            .root()?
            .get_element_by_id(id)
            .and_then(|found| found.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default())
    }

    /// The first file chosen in the input `id`.
    fn file_of(&self, id: &str) -> Result<Option<web_sys::File>, JsValue> {
        Ok(self
            .root()?
            .get_element_by_id(id)
            .and_then(|found| found.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0)))
    }

    /// Shows `message` by the control `control`, and focuses it.
    fn refuse(&mut self, message: String, control: &'static str) -> Result<(), JsValue> {
        self.error = Some((message, control));
        self.render()?;
        self.focus(&format!("#{control}"))
    }

    fn revoke_urls(&mut self) {
        for url in self.urls.drain(..) {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// An object URL for `text` of `kind`, revoked at the next draw.
    fn url_of(&mut self, text: &str, kind: &str) -> Result<String, JsValue> {
        let url = blob_url(&js_sys::Array::of1(&text.into()), kind)?;
        self.urls.push(url.clone());
        Ok(url)
    }
}

#[wasm_bindgen]
extern "C" {
    /// The page's `setTimeout`, its id kept as given: an id is not
    /// always a small integer (a page's own timers, a test's clock).
    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout(run: &js_sys::Function, milliseconds: f64) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue) -> Result<(), JsValue>;
}

/// An object URL for a blob of `parts` of type `kind`.
fn blob_url(parts: &js_sys::Array, kind: &str) -> Result<String, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// A new person's id: unique on this device and across devices (time
/// and chance), letters and digits only.
fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let chance = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let more = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("p{now:x}{chance:08x}{more:08x}")
}
