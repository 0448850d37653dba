//! `<passerelle-catalogue-editor>`: a structure's own catalogue of
//! partners ("catalogue des partenaires"), written with forms. Each entry
//! is checked as it is typed by the engine's own checks, each problem
//! shown at its field; conditions are built with a form and read as the
//! sentence a person will read; an entry is previewed through sample
//! people in `<passerelle-orientation>` itself; a data·inclusion export
//! is imported for the structure's territory; the entries to re-verify
//! come first; the file is saved for the host to serve at `catalog-src`,
//! with a printable guide for the web team and an information sheet per
//! entry. What all of it means is the core's
//! (`passerelle_core::catalogue::editing`, `import`, `questionnaire::samples`);
//! this draws it and reads the forms back.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::{Rc, Weak};

use passerelle_core::catalogue::editing::{entry_problems, Draft, FormCondition};
use passerelle_core::date::Date;
use passerelle_core::problem::Problem;
use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::ui::dom::{self, element, Attribute};
use crate::ui::widget::{self, Widget};
use crate::ui::{communes, parts};
use ids::Button;
pub use words::{every_editor_text, EditorText, FILES as EDITOR_FILES};

mod draw_entry;
mod draw_list;
mod files;
mod ids;
mod import;
mod places;
mod preview;
mod read;
mod words;

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("editor.css");

/// Sent on the element when the catalogue changes; `detail: {entries,
/// problems}`, how many of each (the catalogue is `element.catalog`).
pub const CATALOGUE_CHANGE_EVENT: &str = "passerelle:catalogue-change";

/// What is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// The catalogue: its entries from the least recently verified, open,
    /// import, save.
    List,
    /// One entry's form, by position.
    Entry(usize),
}

/// What the author did.
enum Intent {
    /// Typed or chose in the entry's form (or the catalogue's name).
    Edited,
    /// Chose a department in a place picker (`data-target`).
    Department(String),
    /// Chose a catalogue file to open.
    OpenFile,
    Button(Button, Element),
    /// The import form sent.
    Import,
    /// The commune parts asked for arrived.
    Communes,
}

/// The state behind one `<passerelle-catalogue-editor>` element.
struct EditorView {
    host: HtmlElement,
    document: Document,
    /// Redrawn at each change of screen or structure; a keystroke only
    /// updates the errors and sentences in place.
    body: Element,
    locale: Locale,
    today: Date,
    draft: Draft,
    /// The draft's problems, as the engine finds them.
    problems: Vec<Problem>,
    screen: Screen,
    /// The entries whose every problem is shown: opened from a file or
    /// an import, or once a save was asked. For the others, only the
    /// fields the author has touched.
    shown_whole: BTreeSet<usize>,
    /// The fields touched in the entry open.
    touched: BTreeSet<String>,
    /// Where the structure serves (`territory`): a department or commune code.
    territory: Option<String>,
    /// The department chosen in each place picker, by target.
    departments: Vec<(String, String)>,
    /// The languages added to the entry open beyond those it has.
    languages: Vec<String>,
    /// The preview asked for the entry open.
    preview: bool,
    /// The author's own sample person, as set in the preview's form.
    own: passerelle_core::questionnaire::samples::OwnPerson,
    /// What was just done, told in the live region.
    told: Option<String>,
    /// A refusal to show: its message, and the id of the control it is for.
    error: Option<(String, String)>,
    /// The outcome of the last import, drawn on the list.
    imported: Option<import::Outcome>,
    /// The file saved last (its object URL and name).
    saved: Option<(String, String)>,
    /// The information sheet made last (its object URL and name).
    sheet: Option<(String, String)>,
    /// The element's function `(tag) => Promise` that loads a language
    /// not in the module, for an information sheet in it.
    language_source: Option<js_sys::Function>,
    /// Changes not saved in a file yet: the browser warns before the page
    /// is left (nothing is kept on the device).
    unsaved: Option<crate::ui::persist::UnloadGuard>,
    /// Object URLs of the pages drawn (guide, sheets), revoked at the next draw.
    urls: Vec<String>,
    itself: Weak<RefCell<EditorView>>,
}

/// The catalogue editor rendered into a custom element. Call `free()`
/// once the element leaves the page.
#[wasm_bindgen]
pub struct CatalogueEditorWidget {
    state: Rc<RefCell<EditorView>>,
    _listeners: Vec<widget::Listener>,
}

#[wasm_bindgen]
impl CatalogueEditorWidget {
    /// Renders into `host`'s shadow root, in the language of `lang`
    /// (French by default), with an empty catalogue.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<CatalogueEditorWidget, JsValue> {
        let today = crate::api::convert::today()?;
        let document = dom::document()?;
        let root = widget::shadow_root(&host, &[STYLE])?;
        let container = parts::titled_container(&document, ids::TITLE)?;
        container.append_child(&*element(
            &document,
            "p",
            &[
                ("id", ids::TOLD),
                ("class", "told"),
                ("aria-live", "polite"),
            ],
            None,
        )?)?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        container.append_child(&body)?;
        root.append_child(&container)?;
        let locale = widget::locale_from(lang.as_deref());
        let state = Rc::new(RefCell::new(EditorView {
            host,
            document,
            body,
            locale,
            today,
            draft: files::empty_draft(locale),
            problems: Vec::new(),
            screen: Screen::List,
            shown_whole: BTreeSet::new(),
            touched: BTreeSet::new(),
            territory: None,
            departments: Vec::new(),
            languages: Vec::new(),
            preview: false,
            own: Default::default(),
            told: None,
            error: None,
            imported: None,
            saved: None,
            sheet: None,
            language_source: None,
            unsaved: None,
            urls: Vec::new(),
            itself: Weak::new(),
        }));
        state.borrow_mut().itself = Rc::downgrade(&state);
        state.borrow_mut().checked();
        state.borrow_mut().render(None)?;
        let listeners = vec![
            widget::listen(&root, "input", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                read::is_field(&target).then_some(Intent::Edited)
            })?,
            widget::listen(&root, "change", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                if target.id() == ids::OPEN_FILE {
                    return Some(Intent::OpenFile);
                }
                if let Some(target) = target.get_attribute("data-picker") {
                    return Some(Intent::Department(target));
                }
                read::is_field(&target).then_some(Intent::Edited)
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                let button = target.closest("[data-do]").ok().flatten()?;
                let which = Button::from_attr(&button.get_attribute("data-do")?)?;
                Some(Intent::Button(which, button))
            })?,
            widget::listen(&root, "submit", &state, |event| {
                event.prevent_default();
                Some(Intent::Import)
            })?,
            widget::listen(&root, communes::LOADED_EVENT, &state, |_| {
                Some(Intent::Communes)
            })?,
        ];
        Ok(CatalogueEditorWidget {
            state,
            _listeners: listeners,
        })
    }

    /// Shows the editor in another language (`fr`, `en`…).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        state.render(None)
    }

    /// Where the structure serves: a department code (`"93"`) or a
    /// commune's INSEE code (`"93066"`); `null` for none. The import's
    /// filter and the sample people's place. Throws `invalid_territory`.
    #[wasm_bindgen(js_name = setTerritory)]
    pub fn set_territory(&self, territory: Option<String>) -> Result<(), JsValue> {
        crate::ui::inputs::check_territory(territory.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.territory = territory;
        state.render(None)
    }

    /// How to load a language not in the module: `source(tag)` gives a
    /// promise, settled once the language is registered.
    #[wasm_bindgen(js_name = setLanguageSource)]
    pub fn set_language_source(&self, source: js_sys::Function) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.language_source = Some(source);
        Ok(())
    }

    /// Opens a catalogue (its value or JSON text); `null` starts an
    /// empty one. One that cannot be opened is told in the editor, and
    /// the catalogue shown stays.
    pub fn open(&self, catalogue: JsValue) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        if crate::api::convert::absent(&catalogue) {
            let draft = files::empty_draft(state.locale);
            return state.replace(draft);
        }
        let text = crate::api::convert::document(&catalogue, "catalogue")?;
        state.open_text(&text)
    }

    /// The catalogue being written, as JSON text.
    pub fn catalogue(&self) -> Result<String, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        Ok(passerelle_core::json::write(&state.draft.value()))
    }

    /// The catalogue, for the element to hold while it is off the page.
    pub fn suspend(&self) -> Result<String, JsValue> {
        self.catalogue()
    }

    /// Takes back what [`suspend`](Self::suspend) gave.
    pub fn resume(&self, kept: Option<String>) -> Result<bool, JsValue> {
        let Some(kept) = kept else { return Ok(false) };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.open_text(&kept).map(|()| true)
    }
}

impl Drop for CatalogueEditorWidget {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.revoke_urls();
            for (url, _) in [state.saved.take(), state.sheet.take()]
                .into_iter()
                .flatten()
            {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        }
    }
}

impl Widget for EditorView {
    type Action = Intent;

    fn host(&self) -> &HtmlElement {
        &self.host
    }

    fn act(&mut self, intent: Intent) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        self.told = None;
        match intent {
            Intent::Edited => return self.edited(),
            Intent::Department(target) => {
                self.department_chosen(&target)?;
                return Ok(None);
            }
            Intent::OpenFile => self.open_file()?,
            Intent::Import => self.import()?,
            Intent::Communes => self.communes_arrived()?,
            Intent::Button(button, element) => return self.pressed(button, &element),
        }
        Ok(None)
    }
}

impl EditorView {
    /// A text in the editor's language.
    fn text(&self, text: EditorText) -> String {
        text.text(self.locale)
    }

    /// Checks the draft again.
    fn checked(&mut self) {
        self.problems = self.draft.check();
    }

    /// The event that tells the host page the catalogue changed; until it
    /// is saved, leaving the page asks first.
    fn changed_event(&mut self) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        if self.unsaved.is_none() {
            self.unsaved = crate::ui::persist::UnloadGuard::new();
        }
        // Counts only: the catalogue itself is `element.catalog`, written
        // out when read (a department's thousands of entries at each
        // keystroke took most of its time).
        let detail = js_sys::Object::new();
        let count = |n: usize| JsValue::from_f64(n as f64);
        js_sys::Reflect::set(&detail, &"entries".into(), &count(self.draft.len()))?;
        js_sys::Reflect::set(&detail, &"problems".into(), &count(self.problems.len()))?;
        Ok(Some((CATALOGUE_CHANGE_EVENT, detail.into())))
    }

    /// Opens a catalogue's text: told when it cannot be.
    fn open_text(&mut self, text: &str) -> Result<(), JsValue> {
        match Draft::from_json(text) {
            Ok(draft) => self.replace(draft),
            Err(error) => {
                let words = EditorText::CannotOpen { code: error.code() };
                self.error = Some((self.text(words), ids::OPEN_FILE.to_owned()));
                self.render(Some(ids::OPEN_FILE))
            }
        }
    }

    /// Shows `draft` instead of the catalogue shown, every problem of
    /// every entry told.
    fn replace(&mut self, draft: Draft) -> Result<(), JsValue> {
        self.draft = draft;
        self.checked();
        self.shown_whole = (0..self.draft.len()).collect();
        self.screen = Screen::List;
        self.saved = None;
        self.error = None;
        let entries_with_problems = self.entries_with_problems();
        self.told = Some(self.text(EditorText::Opened {
            entries: self.draft.len(),
            with_problems: entries_with_problems,
        }));
        self.render(Some(ids::SCREEN))
    }

    /// How many entries have a problem.
    fn entries_with_problems(&self) -> usize {
        (0..self.draft.len())
            .filter(|&index| !entry_problems(&self.problems, index).is_empty())
            .count()
    }

    /// The entry open's form was changed: the entry read back, checked,
    /// its errors and sentences updated where they are.
    fn edited(&mut self) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        let root = widget::root_of(&self.body)?;
        if let Some(field) = root
            .active_element()
            .and_then(|active| active.get_attribute("data-field"))
        {
            self.touched.insert(field);
        }
        read::catalogue_fields(&root, &mut self.draft)?;
        if let Screen::Entry(index) = self.screen {
            let Some(current) = self.draft.entry(index).cloned() else {
                return Ok(None);
            };
            let entry = read::entry(&root, current)?;
            self.draft.set_entry(index, entry);
            // Only this entry changed: checked alone, at a keystroke's cost.
            self.draft.recheck_entry(&mut self.problems, index);
        } else {
            self.checked();
        }
        self.show_problems(&root)?;
        self.changed_event()
    }

    /// The form conditions of the entry open.
    fn conditions(&self, index: usize) -> Vec<FormCondition> {
        passerelle_core::catalogue::editing::form_conditions(
            self.draft
                .entry(index)
                .and_then(|entry| entry.get("eligibility")),
        )
    }

    /// Sets the eligibility of entry `index` from form lines.
    fn set_conditions(&mut self, index: usize, conditions: &[FormCondition]) {
        let Some(mut entry) = self.draft.entry(index).cloned() else {
            return;
        };
        passerelle_core::catalogue::editing::set_eligibility(&mut entry, conditions);
        self.draft.set_entry(index, entry);
    }

    fn pressed(
        &mut self,
        button: Button,
        element: &Element,
    ) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        let entry_of = |element: &Element| {
            element
                .get_attribute("data-entry")
                .and_then(|index| index.parse::<usize>().ok())
        };
        // What was typed in the form open is kept first.
        if matches!(self.screen, Screen::Entry(_)) || button == Button::Save {
            self.edited()?;
        }
        let mut focus: Option<String> = None;
        let mut changed = true;
        match button {
            Button::NewCatalogue => {
                let draft = files::empty_draft(self.locale);
                self.replace(draft)?;
                let event = self.changed_event();
                // An empty catalogue has nothing to lose.
                self.unsaved = None;
                return event;
            }
            Button::AddEntry => {
                let index = self.draft.add_entry(self.today);
                self.open_entry(index);
                focus = Some(ids::control("name.fr"));
            }
            Button::Edit => {
                if let Some(index) = entry_of(element).filter(|&i| i < self.draft.len()) {
                    self.open_entry(index);
                    focus = Some(ids::SCREEN.to_owned());
                }
                changed = false;
            }
            Button::Verified => {
                let index = match self.screen {
                    Screen::Entry(index) => Some(index),
                    Screen::List => entry_of(element),
                };
                if let Some(index) = index {
                    self.draft.mark_verified(index, self.today);
                    self.told = Some(self.text(EditorText::MarkedVerified { date: self.today }));
                    focus = Some(match self.screen {
                        Screen::Entry(_) => ids::control("last_verified"),
                        Screen::List => ids::edit(index),
                    });
                }
            }
            Button::RemoveEntry => {
                if let Screen::Entry(index) = self.screen {
                    self.draft.remove_entry(index);
                    self.shown_whole = self
                        .shown_whole
                        .iter()
                        .filter(|&&i| i != index)
                        .map(|&i| if i > index { i - 1 } else { i })
                        .collect();
                    self.screen = Screen::List;
                    self.told = Some(self.text(EditorText::EntryRemoved));
                    focus = Some(ids::SCREEN.to_owned());
                }
            }
            Button::BackToList => {
                let back_to = match self.screen {
                    Screen::Entry(index) => ids::edit(index),
                    Screen::List => ids::SCREEN.to_owned(),
                };
                self.screen = Screen::List;
                focus = Some(back_to);
                changed = false;
            }
            Button::AddLanguage => {
                focus = self.add_language()?;
                changed = false;
            }
            Button::AddTheme => focus = self.add_theme()?,
            Button::RemoveTheme => {
                if let Some(theme) = element.get_attribute("data-value") {
                    self.remove_theme(&theme);
                    focus = Some(ids::THEME_CHOICE.to_owned());
                }
            }
            Button::AddDepartment | Button::AddCommune | Button::RemovePlace => {
                focus = self.place_button(button, element)?;
            }
            Button::AddCondition => focus = self.add_condition()?,
            Button::RemoveCondition => {
                if let (Screen::Entry(index), Some(at)) = (
                    self.screen,
                    element
                        .get_attribute("data-condition")
                        .and_then(|at| at.parse::<usize>().ok()),
                ) {
                    let mut conditions = self.conditions(index);
                    if at < conditions.len() {
                        conditions.remove(at);
                        self.set_conditions(index, &conditions);
                        self.told = Some(self.text(EditorText::ConditionRemoved));
                    }
                    focus = Some(ids::CONDITION_KIND.to_owned());
                }
            }
            Button::Preview => {
                focus = Some(self.ask_preview()?);
                changed = false;
            }
            Button::Save => {
                focus = Some(self.save()?);
                changed = false;
            }
            Button::Sheet => {
                focus = Some(self.sheet()?);
                changed = false;
            }
        }
        // Checked again: the whole catalogue when entries moved, else the
        // one entry changed (each keystroke's check is the entry's alone).
        match (button, self.screen) {
            (Button::RemoveEntry, _) => self.checked(),
            (Button::Verified, Screen::List) | (Button::AddEntry, _) | (_, Screen::Entry(_))
                if changed =>
            {
                let index = match self.screen {
                    Screen::Entry(index) => Some(index),
                    Screen::List => entry_of(element),
                };
                if let Some(index) = index {
                    self.draft.recheck_entry(&mut self.problems, index);
                }
            }
            _ => {}
        }
        self.render(focus.as_deref())?;
        if changed {
            self.changed_event()
        } else {
            Ok(None)
        }
    }

    /// Opens entry `index`'s form.
    fn open_entry(&mut self, index: usize) {
        if self.screen != Screen::Entry(index) {
            self.touched.clear();
            self.languages.clear();
            self.preview = false;
        }
        self.screen = Screen::Entry(index);
        self.error = None;
    }

    /// Draws the screen again; moves the focus to `focus` (an id), if given.
    fn render(&mut self, focus: Option<&str>) -> Result<(), JsValue> {
        self.revoke_urls();
        let root = widget::root_of(&self.body)?;
        if let Some(container) = self.body.parent_element() {
            widget::mark_language(&container, self.locale)?;
        }
        if let Some(title) = root.get_element_by_id(ids::TITLE) {
            title.set_text_content(Some(&self.text(EditorText::Title)));
        }
        if let Some(told) = root.get_element_by_id(ids::TOLD) {
            told.set_text_content(self.told.as_deref());
        }
        self.body.set_text_content(None);
        if let Screen::Entry(index) = self.screen {
            if index >= self.draft.len() {
                self.screen = Screen::List;
            }
        }
        match self.screen {
            Screen::List => self.draw_list()?,
            Screen::Entry(index) => {
                self.draw_entry(index)?;
                self.show_problems(&root)?;
            }
        }
        if let Some(focus) = focus {
            if let Some(found) = root.get_element_by_id(focus) {
                dom::focus(&found)?;
            }
        }
        Ok(())
    }

    /// Shows the problems of the entry open at their fields: those of
    /// the fields touched, or all once the entry is shown whole.
    fn show_problems(&self, root: &web_sys::ShadowRoot) -> Result<(), JsValue> {
        let Screen::Entry(index) = self.screen else {
            return Ok(());
        };
        let whole = self.shown_whole.contains(&index);
        // Every error paragraph emptied, every control valid again.
        let slots = root.query_selector_all("[data-error-for]")?;
        for i in 0..slots.length() {
            if let Some(slot) = slots
                .item(i)
                .and_then(|node| node.dyn_into::<Element>().ok())
            {
                slot.set_text_content(None);
                slot.set_attribute("hidden", "")?;
            }
        }
        let invalid = root.query_selector_all("[aria-invalid]")?;
        for i in 0..invalid.length() {
            if let Some(control) = invalid
                .item(i)
                .and_then(|node| node.dyn_into::<Element>().ok())
            {
                control.remove_attribute("aria-invalid")?;
            }
        }
        let mut said: Vec<(String, String)> = Vec::new();
        for found in entry_problems(&self.problems, index) {
            if !(whole || self.touched.contains(&found.field)) {
                continue;
            }
            let slot_name = match found.condition {
                Some(at) => format!("eligibility-{at}"),
                None => found.field.clone(),
            };
            let slot_name = if root
                .query_selector(&format!("[data-error-for=\"{slot_name}\"]"))?
                .is_some()
            {
                slot_name
            } else {
                "entry".to_owned()
            };
            let words = self.text(EditorText::Problem {
                code: found.problem.code,
            });
            match said.iter_mut().find(|(slot, _)| *slot == slot_name) {
                Some((_, text)) if !text.contains(&words) => {
                    text.push(' ');
                    text.push_str(&words);
                }
                Some(_) => {}
                None => said.push((slot_name, words)),
            }
        }
        for (slot_name, words) in said {
            let Some(slot) = root.query_selector(&format!("[data-error-for=\"{slot_name}\"]"))?
            else {
                continue;
            };
            let error = parts::field_error(&self.document, self.locale, "", &words)?;
            slot.set_text_content(None);
            while let Some(child) = error.first_child() {
                slot.append_child(&child)?;
            }
            slot.remove_attribute("hidden")?;
            let controls =
                root.query_selector_all(&format!("[data-invalid-for=\"{slot_name}\"]"))?;
            for i in 0..controls.length() {
                if let Some(control) = controls
                    .item(i)
                    .and_then(|node| node.dyn_into::<Element>().ok())
                {
                    control.set_attribute("aria-invalid", "true")?;
                }
            }
        }
        // The sentences of the conditions, as a person will read them.
        let communes = communes::loaded();
        for (at, condition) in self.conditions(index).iter().enumerate() {
            if let Some(sentence) = root.get_element_by_id(&ids::sentence(at)) {
                let words = match condition.sentence(&communes, self.locale) {
                    Ok(sentence) => self.text(EditorText::PersonReads {
                        sentence: &sentence,
                    }),
                    Err(_) => self.text(EditorText::SentenceAfterFix),
                };
                sentence.set_text_content(Some(&words));
            }
        }
        Ok(())
    }

    /// The file chosen to open: its text read, then opened.
    fn open_file(&mut self) -> Result<(), JsValue> {
        let Some(file) = self.file_of(ids::OPEN_FILE)? else {
            return Ok(());
        };
        crate::ui::settle::when_settled(&self.itself, Ok(file.text()), |view, outcome| {
            match outcome.ok().and_then(|text| text.as_string()) {
                Some(text) => {
                    view.open_text(&text)?;
                    // What was just opened is in its file.
                    let event = view.changed_event();
                    view.unsaved = None;
                    return event;
                }
                None => {
                    view.error = Some((
                        view.text(EditorText::CannotOpen { code: "unreadable" }),
                        ids::OPEN_FILE.to_owned(),
                    ));
                    view.render(Some(ids::OPEN_FILE))?;
                }
            }
            view.changed_event()
        });
        Ok(())
    }

    /// The file chosen in the input `id`, if any.
    fn file_of(&self, id: &str) -> Result<Option<web_sys::File>, JsValue> {
        let root = widget::root_of(&self.body)?;
        Ok(root
            .get_element_by_id(id)
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0)))
    }

    fn revoke_urls(&mut self) {
        for url in self.urls.drain(..) {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// A refusal told at the control `id`, the focus on it.
    fn refuse(&mut self, message: String, id: &str) -> Result<Option<String>, JsValue> {
        self.error = Some((message, id.to_owned()));
        Ok(Some(id.to_owned()))
    }

    /// The refusal for the control `id`, drawn after it, if there is one.
    fn error_after(&self, id: &str, control: &Element) -> Result<(), JsValue> {
        if let Some((message, for_id)) = &self.error {
            if for_id == id {
                let error_id = format!("{id}-error");
                control.set_attribute("aria-describedby", &error_id)?;
                control.set_attribute("aria-invalid", "true")?;
                let error = parts::field_error(&self.document, self.locale, &error_id, message)?;
                control.after_with_node_1(&error)?;
            }
        }
        Ok(())
    }
}
