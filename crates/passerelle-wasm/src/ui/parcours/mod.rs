//! `<passerelle-parcours>`: the three widgets chained, the one tag most
//! sites need. A list of steps says where the person is; the diagnosis
//! found is handed to the orientation and to the plan; the person moves
//! on when they choose, and can go back to a step already open.

use crate::ui::words::WidgetText;
use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::ui::alerts;
use crate::ui::dom::{self, element};
use crate::ui::widget::{self, Widget};

/// The widget's own style sheet, after the widgets' base one.
const STYLE: &str = include_str!("parcours.css");

/// The elements of the steps, in order.
const STEPS: [&str; 3] = [
    "passerelle-diagnostic",
    "passerelle-orientation",
    "passerelle-plan",
];

/// What happened.
enum Event {
    /// The questionnaire is complete: the detail of its event.
    Diagnosed(JsValue),
    /// The person asked for step `n`.
    Go(usize),
    /// Asked whether to build the plan again from changed answers: yes.
    Rebuild,
    /// Asked the same: no, the plan stays as it is.
    KeepPlan,
}

/// The state behind one `<passerelle-parcours>` element.
struct Parcours {
    host: HtmlElement,
    document: Document,
    /// The navigation around the list of steps.
    nav: Element,
    /// The list of steps: one item per step.
    steps: Vec<Element>,
    /// One panel per step: its heading, its widget, its way on.
    panels: Vec<Element>,
    /// The widgets, in order.
    widgets: Vec<Element>,
    /// The buttons that lead on from the first two steps.
    next: Vec<Element>,
    /// The polite live region saying "Step N of 3".
    progress: Element,
    locale: Locale,
    /// The step shown.
    current: usize,
    /// The last step the person may open: 0 until the questionnaire is
    /// complete.
    reachable: usize,
    /// Where the person is asked, after changing answers once the plan is
    /// built, whether to build it again (under the questionnaire).
    asking: Element,
    /// The diagnosis given to the orientation, as JSON.
    oriented: Option<String>,
    /// The diagnosis given to the plan, as JSON.
    planned: Option<String>,
    /// A diagnosis from changed answers, held from the plan until the
    /// person says whether to build it again (as JSON).
    pending: Option<String>,
}

/// Where a parcours stands, for its element to hold while it is off the
/// page ([`ParcoursWidget::suspend`]).
#[derive(serde::Serialize, serde::Deserialize)]
struct SuspendedParcours {
    current: usize,
    reachable: usize,
    oriented: Option<String>,
    planned: Option<String>,
    pending: Option<String>,
}

/// The attributes of `<passerelle-parcours>` passed on to its steps, with
/// the steps that take each (0 the questions, 1 the help and services, 2
/// the plan): when the parcours is made, and when they change
/// ([`ParcoursWidget::pass_on`]).
const PASSED_ON: &[(&str, &[usize])] = &[
    ("catalog-src", &[1, 2]),
    ("persist", &[0, 2]),
    ("theme", &[0, 1, 2]),
    ("territory", &[1, 2]),
    ("quick-exit-url", &[0, 1, 2]),
    ("questionnaire-src", &[0]),
];

/// The whole parcours rendered into a custom element.
///
/// Created by the `<passerelle-parcours>` shim with the element itself,
/// its language, its `catalog-src` (passed on to the orientation and the
/// plan) and its `persist` (passed on to the questionnaire and the plan);
/// its `theme`, `territory`, `questionnaire-src` and `quick-exit-url` are
/// passed on too. Each step draws the urgent alerts raised, and the quick
/// exit when one calls for it.
/// Call `free()` once the element leaves the page.
#[wasm_bindgen]
pub struct ParcoursWidget {
    state: Rc<RefCell<Parcours>>,
    _listeners: Vec<widget::Listener>,
}

#[wasm_bindgen]
impl ParcoursWidget {
    /// Renders the steps into `host`'s shadow root, in `lang` (French by
    /// default), with the questionnaire shown first. `catalog_src` goes to
    /// the orientation and the plan, `persist` to the questionnaire and
    /// the plan.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        lang: Option<String>,
        catalog_src: Option<String>,
        persist: Option<String>,
    ) -> Result<ParcoursWidget, JsValue> {
        let document = dom::document()?;
        let root = widget::shadow_root(&host, &[alerts::STYLE, STYLE])?;
        let locale = widget::locale_from(lang.as_deref());
        let container = element(
            &document,
            "div",
            &[("class", "passerelle parcours"), ("part", "container")],
            None,
        )?;
        let nav = element(&document, "nav", &[("part", "steps")], None)?;
        let list = element(&document, "ol", &[("class", "steps")], None)?;
        let progress = element(
            &document,
            "p",
            &[("class", "progress"), ("aria-live", "polite")],
            None,
        )?;
        let mut steps = Vec::new();
        let mut panels = Vec::new();
        let mut widgets = Vec::new();
        let mut next = Vec::new();
        let asking = element(
            &document,
            "div",
            &[
                ("class", "confirm"),
                ("role", "group"),
                ("aria-labelledby", "passerelle-answers-changed"),
                ("hidden", ""),
            ],
            None,
        )?;
        for (index, tag) in STEPS.iter().enumerate() {
            let item = element(&document, "li", &[("data-step", &index.to_string())], None)?;
            list.append_child(&item)?;
            steps.push(item);
            let panel = element(
                &document,
                "section",
                &[
                    ("class", "panel"),
                    ("part", "panel"),
                    ("id", &format!("passerelle-step-{index}")),
                    ("aria-labelledby", &format!("passerelle-step-title-{index}")),
                ],
                None,
            )?;
            panel.append_child(&*element(
                &document,
                "h2",
                &[
                    ("id", &format!("passerelle-step-title-{index}")),
                    ("tabindex", "-1"),
                ],
                None,
            )?)?;
            let child = element(&document, tag, &[], None)?;
            if let Some(lang) = &lang {
                child.set_attribute("lang", lang)?;
            }
            for (name, takers) in PASSED_ON {
                let value = match *name {
                    "catalog-src" => catalog_src.clone(),
                    "persist" => persist.clone(),
                    _ => host.get_attribute(name),
                };
                if let (true, Some(value)) = (takers.contains(&index), value) {
                    child.set_attribute(name, &value)?;
                }
            }
            // What each step keeps, under the parcours' own id and its
            // role (`alice-diagnostic`, `alice-plan`): two parcours on one
            // site keep theirs apart.
            if let Some(id) = host.get_attribute("id").filter(|id| !id.is_empty()) {
                let role = tag.trim_start_matches("passerelle-");
                child.set_attribute("id", &format!("{id}-{role}"))?;
            }
            panel.append_child(&child)?;
            widgets.push(child);
            if index == 0 {
                panel.append_child(&asking)?;
            }
            if index + 1 < STEPS.len() {
                let button = element(
                    &document,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "primary next"),
                        ("id", &format!("passerelle-go-{}", index + 1)),
                        ("data-go", &go_attr(index + 1)),
                        ("hidden", ""),
                    ],
                    None,
                )?;
                panel.append_child(&button)?;
                next.push(button);
            }
            panels.push(panel);
        }
        nav.append_child(&list)?;
        container.append_child(&nav)?;
        container.append_child(&progress)?;
        for panel in &panels {
            container.append_child(panel)?;
        }
        root.append_child(&container)?;
        let state = Rc::new(RefCell::new(Parcours {
            host,
            document,
            nav,
            steps,
            panels,
            widgets,
            next,
            progress,
            locale,
            current: 0,
            reachable: 0,
            asking,
            oriented: None,
            planned: None,
            pending: None,
        }));
        state.borrow().render()?;
        let listeners = vec![
            widget::listen(&root, "passerelle:diagnosis-complete", &state, |event| {
                let detail = event.dyn_ref::<web_sys::CustomEvent>()?.detail();
                Some(Event::Diagnosed(detail))
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                if let Some(button) = target.closest("[data-answers-changed]").ok().flatten() {
                    let rebuild = rebuilds(&button.get_attribute("data-answers-changed")?);
                    return Some(if rebuild {
                        Event::Rebuild
                    } else {
                        Event::KeepPlan
                    });
                }
                let button = target.closest("[data-go]").ok().flatten()?;
                let step = go_from_attr(&button.get_attribute("data-go")?)?;
                Some(Event::Go(step))
            })?,
        ];
        Ok(ParcoursWidget {
            state,
            _listeners: listeners,
        })
    }

    /// Shows the parcours in another language (its widgets too).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        for child in &state.widgets {
            match &lang {
                Some(lang) => child.set_attribute("lang", lang)?,
                None => child.remove_attribute("lang")?,
            }
        }
        state.render()
    }

    /// Where "Quitter rapidement" leads on every step (`quick-exit-url`,
    /// passed on to the three widgets); `null` for the default.
    #[wasm_bindgen(js_name = setQuickExitUrl)]
    pub fn set_quick_exit_url(&self, url: Option<String>) -> Result<(), JsValue> {
        self.pass_on("quick-exit-url", url)
    }

    /// Passes the parcours' attribute `name` (one of [`PASSED_ON`]:
    /// `catalog-src`, `persist`, `theme`, `territory`, `questionnaire-src`,
    /// `quick-exit-url`) on to the steps that take it, as when the parcours
    /// was made: its new `value`, or removed when `null`. So a host that
    /// turns `persist` on or off, or changes the territory, after the
    /// parcours is made reaches its steps. Other names pass nothing on.
    #[wasm_bindgen(js_name = passOn)]
    pub fn pass_on(&self, name: &str, value: Option<String>) -> Result<(), JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        let Some((name, takers)) = PASSED_ON.iter().find(|(passed, _)| *passed == name) else {
            return Ok(());
        };
        for index in takers.iter() {
            let Some(child) = state.widgets.get(*index) else {
                continue;
            };
            match &value {
                Some(value) => child.set_attribute(name, value)?,
                None => child.remove_attribute(name)?,
            }
        }
        Ok(())
    }

    /// The step shown: 0 the questions, 1 the help and services, 2 the plan.
    pub fn step(&self) -> Result<usize, JsValue> {
        Ok(self.state.try_borrow().map_err(|_| widget::busy())?.current)
    }

    /// Where the parcours stands (the step shown, the steps open, the
    /// diagnoses given to the orientation and the plan, a question asked),
    /// as JSON, for the element to hold while it is off the page. The
    /// steps' widgets keep their own work the same way; the element frees
    /// them all, then gives this to [`resume`](Self::resume) of the
    /// widget it makes when it comes back (`docs/robustness.md`, "Element
    /// life cycle and races").
    pub fn suspend(&self) -> Result<String, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        Ok(passerelle_core::json::write(&SuspendedParcours {
            current: state.current,
            reachable: state.reachable,
            oriented: state.oriented.clone(),
            planned: state.planned.clone(),
            pending: state.pending.clone(),
        }))
    }

    /// Takes back where the parcours stood ([`suspend`](Self::suspend)):
    /// the same step shown, the diagnoses given again to the orientation
    /// and the plan. Returns whether it could be read.
    pub fn resume(&self, kept: &str) -> Result<bool, JsValue> {
        let Ok(suspended) = passerelle_core::json::read_text::<SuspendedParcours>(kept) else {
            return Ok(false);
        };
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        let last = STEPS.len() - 1;
        state.reachable = suspended.reachable.min(last);
        state.current = suspended.current.min(state.reachable);
        for (index, given) in [(1, &suspended.oriented), (2, &suspended.planned)] {
            if let (Some(child), Some(text)) = (state.widgets.get(index), given) {
                let diagnosis = js_sys::JSON::parse(text)?;
                js_sys::Reflect::set(child, &"diagnosis".into(), &diagnosis)?;
            }
        }
        state.oriented = suspended.oriented;
        state.planned = suspended.planned;
        state.pending = suspended.pending;
        state.render()?;
        Ok(true)
    }
}

impl Widget for Parcours {
    type Action = Event;

    fn host(&self) -> &HtmlElement {
        &self.host
    }

    fn act(&mut self, event: Event) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        match event {
            Event::Diagnosed(detail) => {
                let diagnosis = js_sys::Reflect::get(&detail, &"diagnosis".into())?;
                let text = js_sys::JSON::stringify(&diagnosis)?.as_string();
                // The orientation and the plan take it through their
                // `diagnosis` property, as a host page would give it.
                if let Some(orientation) = self.widgets.get(1) {
                    js_sys::Reflect::set(orientation, &"diagnosis".into(), &diagnosis)?;
                }
                self.oriented = text.clone();
                // A plan built from other answers is not replaced without
                // asking, as the plan asks before it is built again.
                let changed = self.planned.is_some() && self.planned != text;
                if changed && self.has_plan()? {
                    self.pending = text;
                } else {
                    self.pending = None;
                    self.give_plan(&diagnosis, text)?;
                }
                self.reachable = STEPS.len() - 1;
                self.render()?;
                if self.pending.is_some() {
                    if let Some(question) = self.asking.query_selector("p")? {
                        dom::focus(&question)?;
                    }
                }
            }
            Event::Rebuild => {
                let Some(text) = self.pending.take() else {
                    return Ok(None);
                };
                let diagnosis = js_sys::JSON::parse(&text)?;
                self.give_plan(&diagnosis, Some(text))?;
                self.current = STEPS.len() - 1;
                self.render()?;
                self.focus_title(self.current)?;
            }
            Event::KeepPlan => {
                self.pending = None;
                self.render()?;
                if let Some(next) = self.next.first() {
                    dom::focus(next)?;
                }
            }
            Event::Go(step) if step <= self.reachable => {
                self.current = step;
                self.render()?;
                self.focus_title(step)?;
            }
            Event::Go(_) => {}
        }
        // The widgets' own events bubble out of the parcours.
        Ok(None)
    }
}

impl Parcours {
    /// Moves the focus to the heading of step `step`.
    fn focus_title(&self, step: usize) -> Result<(), JsValue> {
        let title = self
            .panels
            .get(step)
            .and_then(|panel| panel.query_selector("h2").ok().flatten());
        match title {
            Some(title) => dom::focus(&title),
            None => Ok(()),
        }
    }

    /// Whether the plan step holds a plan (built, opened or kept).
    fn has_plan(&self) -> Result<bool, JsValue> {
        let Some(plan) = self.widgets.get(2) else {
            return Ok(false);
        };
        let value = js_sys::Reflect::get(plan, &"plan".into())?;
        Ok(!value.is_null() && !value.is_undefined())
    }

    /// Gives the plan step `diagnosis` (`text` as JSON) to build from.
    fn give_plan(&mut self, diagnosis: &JsValue, text: Option<String>) -> Result<(), JsValue> {
        if let Some(plan) = self.widgets.get(2) {
            js_sys::Reflect::set(plan, &"diagnosis".into(), diagnosis)?;
        }
        self.planned = text;
        Ok(())
    }

    /// The question asked when the answers changed after the plan was
    /// built: shown while a diagnosis waits, with its two answers.
    fn draw_asking(&self) -> Result<(), JsValue> {
        let doc = &self.document;
        self.asking.set_text_content(None);
        if self.pending.is_none() {
            return self.asking.set_attribute("hidden", "");
        }
        self.asking.remove_attribute("hidden")?;
        self.asking.append_child(&*element(
            doc,
            "p",
            &[("id", "passerelle-answers-changed"), ("tabindex", "-1")],
            Some(&WidgetText::AnswersChangedAfterPlan.text(self.locale)),
        )?)?;
        let row = element(doc, "div", &[("class", "actions")], None)?;
        row.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "primary"),
                ("id", "passerelle-keep-plan"),
                ("data-answers-changed", answers_changed_attr(false)),
            ],
            Some(&WidgetText::KeepPlan.text(self.locale)),
        )?)?;
        row.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("id", "passerelle-rebuild-plan"),
                ("data-answers-changed", answers_changed_attr(true)),
            ],
            Some(&WidgetText::ConfirmRebuild.text(self.locale)),
        )?)?;
        self.asking.append_child(&row)?;
        Ok(())
    }

    fn render(&self) -> Result<(), JsValue> {
        let locale = self.locale;
        let doc = &self.document;
        if let Some(container) = self.nav.parent_element() {
            crate::ui::widget::mark_language(&container, locale)?;
        }
        let total = STEPS.len();
        self.nav
            .set_attribute("aria-label", &WidgetText::ParcoursSteps.text(locale))?;
        for (index, item) in self.steps.iter().enumerate() {
            item.set_text_content(None);
            let name = WidgetText::ParcoursStep(index).text(locale);
            if index == self.current {
                item.set_attribute("aria-current", "step")?;
                item.append_child(&*element(doc, "span", &[], Some(&name))?)?;
            } else {
                item.remove_attribute("aria-current")?;
                if index <= self.reachable {
                    item.append_child(&*element(
                        doc,
                        "button",
                        &[
                            ("type", "button"),
                            ("class", "step"),
                            ("id", &format!("passerelle-step-button-{index}")),
                            ("data-go", &go_attr(index)),
                        ],
                        Some(&name),
                    )?)?;
                } else {
                    item.append_child(&*element(doc, "span", &[], Some(&name))?)?;
                }
            }
        }
        self.progress.set_text_content(Some(
            &WidgetText::ParcoursProgress {
                current: self.current + 1,
                total,
            }
            .text(locale),
        ));
        for (index, panel) in self.panels.iter().enumerate() {
            if index == self.current {
                panel.remove_attribute("hidden")?;
            } else {
                panel.set_attribute("hidden", "")?;
            }
            if let Some(title) = panel.query_selector("h2")? {
                title.set_text_content(Some(&WidgetText::ParcoursStep(index).text(locale)));
            }
        }
        for (index, button) in self.next.iter().enumerate() {
            let message = if index == 0 {
                WidgetText::GoToOrientation
            } else {
                WidgetText::GoToPlan
            };
            button.set_text_content(Some(&message.text(locale)));
            // While the question waits, the way on is its answers.
            if index < self.reachable && (index > 0 || self.pending.is_none()) {
                button.remove_attribute("hidden")?;
            } else {
                button.set_attribute("hidden", "")?;
            }
        }
        self.draw_asking()
    }
}

/// The `data-go` of a button that goes to the step `step` (its index).
fn go_attr(step: usize) -> String {
    step.to_string()
}

/// The step a `data-go` value goes to.
fn go_from_attr(value: &str) -> Option<usize> {
    value.parse().ok()
}

/// The `data-answers-changed` of the button that builds the plan again
/// (`true`) or keeps it.
fn answers_changed_attr(rebuild: bool) -> &'static str {
    if rebuild {
        "rebuild"
    } else {
        "keep"
    }
}

/// Whether a `data-answers-changed` value builds the plan again.
fn rebuilds(value: &str) -> bool {
    value == answers_changed_attr(true)
}
