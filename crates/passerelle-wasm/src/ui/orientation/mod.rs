//! `<passerelle-orientation>`: for each need of a diagnosis, the schemes
//! and services of the catalogue that address it, each with its
//! eligibility in words and an icon, the reasons, how to get in, and the
//! questions that would settle a status still undetermined: the first few
//! (the core's `shown_first`), then "Voir plus", then the ruled-out ones
//! folded with their count, then the entries of other needs that serve it
//! too. What the person has already comes apart, as theirs. Filters by
//! need and "only what I am entitled to". Each list draws twenty
//! proposals, then twenty more at each "Voir la suite": a department's
//! thousands of services stay a page a phone can draw.

use crate::ui::words::{Said, WidgetText};
use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::diagnosis::Diagnosis;
use passerelle_core::orientation::national::national_orientation_at;
use passerelle_core::orientation::{orient, DetailedProposal, Eligibility, Request, Standing};
use passerelle_core::{Locale, Questionnaire};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::ui::dom::{self, element};
use crate::ui::widget::{self, Widget};
use crate::ui::{alerts, inputs, parts};

mod draw;
mod draw_proposal;

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("orientation.css");

/// Sent on the element each time the orientation is worked out again (a
/// new diagnosis, a local catalogue, another language); `detail:
/// {orientation}`, as `Engine.orient` gives it.
pub const ORIENTATION_EVENT: &str = "passerelle:orientation";

/// The id of the title, focused when a new orientation is shown.
const TITLE_ID: &str = "passerelle-orientation-title";

/// What the person did.
enum Action {
    /// Chose a need in the filter ("" for all).
    FilterNeed(String),
    /// Ticked or unticked "only what I am entitled to".
    OnlyEligible(bool),
    /// The communes to name are loaded (or missing).
    Communes,
    /// Asked for the next proposals of a list ("Voir la suite"), by its key.
    ShowNext(String),
}

/// The state behind one `<passerelle-orientation>` element.
struct OrientationView {
    host: HtmlElement,
    document: Document,
    /// Polite live region: how many proposals the filters leave.
    summary: Element,
    /// What changes with each orientation.
    body: Element,
    /// Inside `body`, after the filters: what changes when they do, so
    /// that the filter in use keeps the focus.
    results: Element,
    catalogue: std::sync::Arc<Catalogue>,
    /// To name the questions that would settle an undetermined status.
    questionnaire: Questionnaire,
    diagnosis: Option<Diagnosis>,
    /// Where the site serves, placing a person whose answers do not say
    /// where they live (`territory` attribute).
    territory: Option<String>,
    locale: Locale,
    /// The need shown alone, if one is chosen.
    need: Option<String>,
    only_eligible: bool,
    /// For each list of proposals (by [`draw::list_key`]), how many times
    /// the person asked for the next ones; none for a new orientation or
    /// new filters.
    pages: std::collections::HashMap<String, usize>,
    /// Where the quick exit leads (`quick-exit-url`).
    quick_exit: String,
    /// Whether the national orientation is shown at the end (attribute
    /// `national`: `off` hides it).
    national: bool,
}

/// What `passerelle:orientation`'s `detail.orientation` is worked out
/// from, the first time a page reads it: the orientation shown, as
/// `Engine.orient` gives it, from what the widget oriented with. A page
/// that does not read it costs nothing: with a local catalogue of 10,000
/// services, writing it took 316 ms of the 400 of each new orientation.
/// The detail is a plain object whose own `orientation` is a getter bound
/// to this value, so that a spread, `JSON.stringify` or a structured clone
/// read it too; the garbage collector frees this value with the detail.
#[wasm_bindgen]
pub struct OrientationShown {
    catalogue: std::sync::Arc<Catalogue>,
    facts: passerelle_core::facts::Facts,
    needs: Vec<passerelle_core::orientation::Need>,
    reference_date: passerelle_core::date::Date,
    locale: Locale,
    /// The orientation once read: the same object at each reading.
    read: RefCell<Option<JsValue>>,
}

#[wasm_bindgen]
impl OrientationShown {
    /// The orientation shown, as `Engine.orient` gives it with its
    /// explanations (`detailed: true`).
    #[wasm_bindgen(getter)]
    pub fn orientation(&self) -> Result<JsValue, JsValue> {
        if let Some(read) = self.read.try_borrow().ok().and_then(|read| read.clone()) {
            return Ok(read);
        }
        let orientation = orient(
            &self.catalogue,
            &Request {
                facts: &self.facts,
                needs: &self.needs,
                reference_date: self.reference_date,
                locale: self.locale,
                explain: true,
            },
        )
        .map_err(|problem| crate::api::error::Failure::new(problem.code, problem.message))?;
        let value = crate::api::convert::to_js(&orientation.detailed())?;
        if let Ok(mut read) = self.read.try_borrow_mut() {
            *read = Some(value.clone());
        }
        Ok(value)
    }
}

impl OrientationShown {
    /// The `detail` of `passerelle:orientation`: `{orientation}`, its value
    /// worked out when first read.
    fn into_detail(self) -> Result<JsValue, JsValue> {
        let shown = JsValue::from(self);
        let prototype = js_sys::Object::get_prototype_of(&shown);
        let descriptor =
            js_sys::Reflect::get_own_property_descriptor(&prototype, &"orientation".into())?;
        let get: js_sys::Function = js_sys::Reflect::get(&descriptor, &"get".into())?.dyn_into()?;
        let detail = js_sys::Object::new();
        crate::api::convert::set_own_getter(&detail, "orientation", &get.bind0(&shown));
        Ok(detail.into())
    }
}

/// The orientation of a diagnosis rendered into a custom element.
///
/// Created by the `<passerelle-orientation>` shim with the element itself;
/// the shim passes it the diagnosis (`element.diagnosis = …`) and the
/// local catalogue of `catalog-src`. Call `free()` once the element
/// leaves the page.
#[wasm_bindgen]
pub struct OrientationWidget {
    state: Rc<RefCell<OrientationView>>,
    _listeners: Vec<widget::Listener>,
    _quick_exit: crate::ui::alerts::QuickExitListener,
}

#[wasm_bindgen]
impl OrientationWidget {
    /// Renders into `host`'s shadow root (made if it has none), in the
    /// language of `lang` (French by default), with the national
    /// catalogue; it shows the orientation once a diagnosis is given.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<OrientationWidget, JsValue> {
        let document = dom::document()?;
        let root = widget::shadow_root(&host, &[alerts::STYLE, crate::ui::national::STYLE, STYLE])?;
        let container = parts::titled_container(&document, TITLE_ID)?;
        let locale = widget::locale_from(lang.as_deref());
        let summary = element(
            &document,
            "p",
            &[("class", "summary"), ("aria-live", "polite")],
            None,
        )?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        let results = element(&document, "div", &[("class", "results")], None)?;
        container.append_child(&summary)?;
        container.append_child(&body)?;
        root.append_child(&container)?;
        let state = Rc::new(RefCell::new(OrientationView {
            host,
            document,
            summary,
            body,
            results,
            catalogue: crate::national_catalogue()?,
            questionnaire: Questionnaire::default_fr_en(),
            diagnosis: None,
            territory: None,
            locale,
            need: None,
            only_eligible: false,
            pages: std::collections::HashMap::new(),
            quick_exit: crate::ui::alerts::QUICK_EXIT_DEFAULT.to_owned(),
            national: true,
        }));
        state.borrow().render(true)?;
        let listeners = vec![
            widget::listen(&root, "change", &state, |event| {
                let target = event.target()?;
                if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
                    return Some(Action::FilterNeed(select.value()));
                }
                let input = target.dyn_into::<HtmlInputElement>().ok()?;
                Some(Action::OnlyEligible(input.checked()))
            })?,
            widget::listen(&root, crate::ui::communes::LOADED_EVENT, &state, |_| {
                Some(Action::Communes)
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                let button = target.closest("button.show-next").ok()??;
                Some(Action::ShowNext(button.get_attribute("data-list")?))
            })?,
        ];
        Ok(OrientationWidget {
            state,
            _listeners: listeners,
            _quick_exit: crate::ui::alerts::QuickExitListener::new(&root)?,
        })
    }

    /// Where "Quitter rapidement" leads (`quick-exit-url`), as on
    /// `<passerelle-diagnostic>`.
    #[wasm_bindgen(js_name = setQuickExitUrl)]
    pub fn set_quick_exit_url(&self, url: Option<String>) -> Result<(), JsValue> {
        let url = crate::ui::alerts::quick_exit_url(url.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.quick_exit = url;
        state.render(true).map(drop)
    }

    /// Whether the national orientation (the indicative pathway, who
    /// would follow the person, the IAE pre-check) ends the orientation:
    /// the attribute `national`, `off` to hide it (a catalogue's preview,
    /// a site that does not orient towards work).
    #[wasm_bindgen(js_name = setNational)]
    pub fn set_national(&self, shown: bool) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        if state.national == shown {
            return Ok(());
        }
        state.national = shown;
        state.render(true).map(drop)
    }

    /// Shows the orientation in another language (`fr`, `en`…); an
    /// unknown language gives French.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        let detail = state.render(true)?;
        self.announce(state, &detail)
    }

    /// Orients from `diagnosis`: what `Diagnosis.result()` or the
    /// `passerelle:diagnosis-complete` event gives, as an object or JSON
    /// text; `null` clears it. The focus stays where it is (on the
    /// diagnosis's urgent contacts, say): the page, or the parcours, moves
    /// it. Throws `invalid_argument` when `diagnosis` is not a diagnosis
    /// result.
    #[wasm_bindgen(js_name = setDiagnosis)]
    pub fn set_diagnosis(&self, diagnosis: JsValue) -> Result<(), JsValue> {
        let diagnosis = inputs::read_diagnosis(&diagnosis)?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.diagnosis = diagnosis;
        state.need = None;
        state.pages.clear();
        let detail = state.render(true)?;
        self.announce(state, &detail)
    }

    /// Places a person whose answers do not say where they live in
    /// `territory`, a department code (`"93"`) or a commune's INSEE code
    /// (`"93066"`), as the `territory` attribute gives; `null` for none.
    /// Throws `invalid_territory`.
    #[wasm_bindgen(js_name = setTerritory)]
    pub fn set_territory(&self, territory: Option<String>) -> Result<(), JsValue> {
        inputs::check_territory(territory.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.territory = territory;
        state.pages.clear();
        let detail = state.render(true)?;
        self.announce(state, &detail)
    }

    /// Merges a local catalogue (JSON text or object, as `catalog-src`
    /// serves it) into the national one: an entry of the same id replaces
    /// it. Throws `invalid_catalogue` with every problem in `details`.
    #[wasm_bindgen(js_name = setLocalCatalogue)]
    pub fn set_local_catalogue(&self, catalogue: JsValue) -> Result<(), JsValue> {
        let catalogue = inputs::with_local_catalogue(&catalogue)?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.catalogue = catalogue;
        state.pages.clear();
        let detail = state.render(true)?;
        self.announce(state, &detail)
    }

    /// Shows this catalogue alone (JSON text or object), instead of the
    /// national one and `catalog-src`'s: what a catalogue's preview shows
    /// (`<passerelle-catalogue-editor>`); `null` goes back to the
    /// national one. Throws `invalid_catalogue` with every problem in
    /// `details`.
    #[wasm_bindgen(js_name = setCatalogue)]
    pub fn set_catalogue(&self, catalogue: JsValue) -> Result<(), JsValue> {
        let catalogue = if crate::api::convert::absent(&catalogue) {
            crate::national_catalogue()?
        } else {
            std::sync::Arc::new(inputs::read_catalogue(&catalogue)?)
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.catalogue = catalogue;
        state.pages.clear();
        let detail = state.render(true)?;
        self.announce(state, &detail)
    }

    /// The filters the person chose (the need shown alone, "only what I
    /// am entitled to"), as JSON, for the element to hold while it is off
    /// the page; it gives them to [`resume`](Self::resume) of the widget
    /// it makes when it comes back (`docs/robustness.md`, "Element life
    /// cycle and races").
    pub fn suspend(&self) -> Result<String, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        Ok(passerelle_core::json::write(&OrientationFilters {
            need: state.need.clone(),
            only_eligible: state.only_eligible,
        }))
    }

    /// Takes back the filters of [`suspend`](Self::suspend); returns
    /// whether they could be read.
    pub fn resume(&self, kept: &str) -> Result<bool, JsValue> {
        let Ok(filters) = passerelle_core::json::read_text::<OrientationFilters>(kept) else {
            return Ok(false);
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.need = filters.need;
        state.only_eligible = filters.only_eligible;
        // The controls drawn again with the filters, the orientation the
        // same: no event.
        state.render(true)?;
        Ok(true)
    }
}

/// The filters of an orientation, kept while its element is off the page.
#[derive(Serialize, serde::Deserialize)]
struct OrientationFilters {
    need: Option<String>,
    only_eligible: bool,
}

impl OrientationWidget {
    /// Releases the state, then sends `passerelle:orientation` with
    /// `detail` when there is an orientation.
    fn announce(
        &self,
        state: std::cell::RefMut<'_, OrientationView>,
        detail: &JsValue,
    ) -> Result<(), JsValue> {
        let host = state.host.clone();
        drop(state);
        if detail.is_null() {
            return Ok(());
        }
        widget::dispatch(&host, ORIENTATION_EVENT, detail)
    }
}

impl Widget for OrientationView {
    type Action = Action;

    fn host(&self) -> &HtmlElement {
        &self.host
    }

    fn act(&mut self, action: Action) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        let mut first_new = None;
        match action {
            Action::FilterNeed(theme) => {
                self.need = Some(theme).filter(|t| !t.is_empty());
                self.pages.clear();
            }
            Action::OnlyEligible(only) => {
                self.only_eligible = only;
                self.pages.clear();
            }
            Action::Communes => {}
            Action::ShowNext(key) => {
                let pages = self.pages.entry(key.clone()).or_insert(0);
                *pages = pages.saturating_add(1);
                first_new = Some((key, draw::PAGE.saturating_mul(*pages)));
            }
        }
        // The filters changed what is shown, not the orientation: no event.
        self.render(false)?;
        if let Some((key, index)) = first_new {
            self.focus_item(&key, index)?;
        }
        Ok(None)
    }
}

impl OrientationView {
    fn text(&self, message: impl Said) -> String {
        message.text(self.locale)
    }

    /// Marks `element` with its `language` when the widget speaks another
    /// (a catalogue text without translation).
    fn mark_language(&self, element: &Element, language: Locale) -> Result<(), JsValue> {
        if language != self.locale {
            widget::mark_language(element, language)?;
        }
        Ok(())
    }

    /// Moves the focus to the proposal at `index` of the list `key`: the
    /// first of those "Voir la suite" has just drawn, so that the keyboard
    /// and a screen reader go on from there.
    fn focus_item(&self, key: &str, index: usize) -> Result<(), JsValue> {
        let lists = self.results.query_selector_all("ul[data-list]")?;
        let list = (0..lists.length())
            .filter_map(|i| lists.item(i)?.dyn_into::<Element>().ok())
            .find(|list| list.get_attribute("data-list").as_deref() == Some(key));
        let Some(list) = list else { return Ok(()) };
        let item = (list.query_selector_all(":scope > li")?)
            .item(u32::try_from(index).unwrap_or(u32::MAX));
        if let Some(item) = item.and_then(|item| item.dyn_into::<HtmlElement>().ok()) {
            item.set_attribute("tabindex", "-1")?;
            item.focus()?;
        }
        Ok(())
    }

    /// The title, in the shadow root.
    fn title(&self) -> Option<Element> {
        self.body
            .get_root_node()
            .dyn_ref::<web_sys::ShadowRoot>()?
            .get_element_by_id(TITLE_ID)
    }

    /// Renders the orientation of the diagnosis, if any: all of it
    /// (`whole`), or only the needs under the filters. Returns the
    /// `passerelle:orientation` detail of a whole render, else `null`.
    fn render(&self, whole: bool) -> Result<JsValue, JsValue> {
        let doc = &self.document;
        if let Some(container) = self.body.parent_element() {
            widget::mark_language(&container, self.locale)?;
        }
        if whole {
            if let Some(title) = self.title() {
                title.set_text_content(Some(&self.text(WidgetText::OrientationTitle)));
            }
            self.body.set_text_content(None);
        }
        self.results.set_text_content(None);
        let Some(diagnosis) = &self.diagnosis else {
            self.summary.set_text_content(None);
            self.body.append_child(&*element(
                doc,
                "p",
                &[("class", "help")],
                Some(&self.text(WidgetText::OrientationWaiting)),
            )?)?;
            return Ok(JsValue::NULL);
        };
        let needs = diagnosis.orientation_needs();
        let facts = inputs::placed(&diagnosis.facts, self.territory.as_deref())?;
        // The communes to name: drawn again once loaded.
        crate::ui::communes::request_for(&facts, &self.catalogue, &self.body);
        let catalogue = crate::ui::communes::named(&self.catalogue);
        let orientation = orient(
            &catalogue,
            &Request {
                facts: &facts,
                needs: &needs,
                reference_date: diagnosis.reference_date,
                locale: self.locale,
                explain: true,
            },
        )
        .map_err(|problem| crate::api::error::Failure::new(problem.code, problem.message))?;
        let detailed = orientation.detailed();

        if whole {
            // The urgent alerts of the diagnosis, open, first.
            let alerts: Vec<_> = diagnosis.urgent.iter().map(|raised| raised.alert).collect();
            crate::ui::alerts::append_reminder(
                &self.body,
                doc,
                self.locale,
                &alerts,
                true,
                &self.quick_exit,
            )?;
            self.body.append_child(&*element(
                doc,
                "p",
                &[("class", "help")],
                Some(&self.text(WidgetText::OrientationIntro)),
            )?)?;
            self.draw_filters(&needs)?;
            self.body.append_child(&self.results)?;
        }

        let mut shown = 0;
        for (index, need) in detailed.needs.iter().enumerate() {
            if self
                .need
                .as_deref()
                .is_some_and(|chosen| chosen != need.need.theme)
            {
                continue;
            }
            shown += self.draw_need(index, need)?;
        }
        if self.need.is_none() && !detailed.held.is_empty() {
            self.draw_held(&detailed.held)?;
        }
        // The national orientation, indicative, at the end.
        if self.need.is_none() && self.national {
            if let Ok(Some(national)) = national_orientation_at(&facts, diagnosis.reference_date) {
                let view = crate::ui::national::NationalView {
                    document: doc,
                    locale: self.locale,
                    with_iae: true,
                };
                view.draw(&self.results, &national)?;
            }
        }
        self.summary
            .set_text_content(Some(&self.text(WidgetText::ProposalsShown(shown))));
        if !whole {
            return Ok(JsValue::NULL);
        }
        OrientationShown {
            catalogue: std::sync::Arc::clone(&catalogue),
            facts,
            needs,
            reference_date: diagnosis.reference_date,
            locale: self.locale,
            read: RefCell::new(None),
        }
        .into_detail()
    }
}

/// The status's name in JSON, for styling and tests.
fn status_name(status: Eligibility) -> &'static str {
    match status {
        Eligibility::Eligible => "eligible",
        Eligibility::Undetermined => "undetermined",
        Eligibility::Ineligible => "ineligible",
    }
}

/// How an entry stands for the person, as the core tells it: its name
/// (for styling and tests), its icon beside the words (which alone carry
/// the meaning), and the words ("Ouvert à tous" is not "Vous y avez
/// droit").
fn standing(proposal: &DetailedProposal) -> (&'static str, &'static str, WidgetText<'static>) {
    match proposal.standing {
        Standing::Held => ("held", "✓", WidgetText::HeldWords),
        Standing::OpenToAll => (
            "open_to_all",
            "✓",
            WidgetText::OpenToAll {
                free: proposal.cost == "gratuit",
            },
        ),
        Standing::Entitled => (
            "entitled",
            "✓",
            WidgetText::EligibilityWords(Eligibility::Eligible),
        ),
        Standing::OnConditions => ("on_conditions", "?", WidgetText::OnConditions),
        Standing::ToCheck => ("to_check", "?", WidgetText::ToCheckWords),
        Standing::Undetermined => (
            "undetermined",
            "?",
            WidgetText::EligibilityWords(Eligibility::Undetermined),
        ),
        Standing::RuledOut => (
            "ruled_out",
            "✗",
            WidgetText::EligibilityWords(Eligibility::Ineligible),
        ),
    }
}

/// The proposals the filter keeps: all, or only what the person is
/// entitled to.
fn kept<'p, 'a>(
    proposals: &'p [DetailedProposal<'a>],
    only_eligible: bool,
) -> Vec<&'p DetailedProposal<'a>> {
    proposals
        .iter()
        .filter(|p| !only_eligible || p.status == Eligibility::Eligible)
        .collect()
}
