//! `<passerelle-parcours>`: the three widgets chained, the one tag most
//! sites need. A list of steps says where the person is; the diagnosis
//! found is handed to the orientation and to the plan; the person moves
//! on when they choose, and can go back to a step already open.

use std::cell::RefCell;
use std::rc::Rc;

use passerelle_core::{Locale, Message};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::dom::{self, element};
use crate::widget::{self, Widget};

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
}

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
        let root = widget::shadow_root(&host, STYLE)?;
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
            if let (true, Some(src)) = (index > 0, &catalog_src) {
                child.set_attribute("catalog-src", src)?;
            }
            if let (0 | 2, Some(persist)) = (index, &persist) {
                child.set_attribute("persist", persist)?;
            }
            // What each step keeps, under the parcours' own id and its
            // role (`alice-diagnostic`, `alice-plan`): two parcours on one
            // site keep theirs apart.
            if let Some(id) = host.get_attribute("id").filter(|id| !id.is_empty()) {
                let role = tag.trim_start_matches("passerelle-");
                child.set_attribute("id", &format!("{id}-{role}"))?;
            }
            // The look, and the territory of the orientation and the plan.
            if let Some(theme) = host.get_attribute("theme") {
                child.set_attribute("theme", &theme)?;
            }
            if let (true, Some(territory)) = (index > 0, host.get_attribute("territory")) {
                child.set_attribute("territory", &territory)?;
            }
            // Where the quick exit leads, on every step.
            if let Some(url) = host.get_attribute("quick-exit-url") {
                child.set_attribute("quick-exit-url", &url)?;
            }
            // The site's own questionnaire, if it has one.
            if let (0, Some(src)) = (index, host.get_attribute("questionnaire-src")) {
                child.set_attribute("questionnaire-src", &src)?;
            }
            panel.append_child(&child)?;
            widgets.push(child);
            if index + 1 < STEPS.len() {
                let button = element(
                    &document,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "primary next"),
                        ("id", &format!("passerelle-go-{}", index + 1)),
                        ("data-go", &(index + 1).to_string()),
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
        }));
        state.borrow().render()?;
        let listeners = vec![
            widget::listen(&root, "passerelle:diagnosis-complete", &state, |event| {
                let detail = event.dyn_ref::<web_sys::CustomEvent>()?.detail();
                Some(Event::Diagnosed(detail))
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                let button = target.closest("[data-go]").ok().flatten()?;
                let step = button.get_attribute("data-go")?.parse().ok()?;
                Some(Event::Go(step))
            })?,
        ];
        Ok(ParcoursWidget {
            state,
            _listeners: listeners,
        })
    }

    /// Shows the parcours in another language (its widgets too).
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
    pub fn set_quick_exit_url(&self, url: Option<String>) -> Result<(), JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        for child in &state.widgets {
            match &url {
                Some(url) => child.set_attribute("quick-exit-url", url)?,
                None => child.remove_attribute("quick-exit-url")?,
            }
        }
        Ok(())
    }

    /// The step shown: 0 the questions, 1 the help and services, 2 the plan.
    pub fn step(&self) -> Result<usize, JsValue> {
        Ok(self.state.try_borrow().map_err(|_| widget::busy())?.current)
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
                // The orientation and the plan take it through their
                // `diagnosis` property, as a host page would give it.
                for child in self.widgets.iter().skip(1) {
                    js_sys::Reflect::set(child, &"diagnosis".into(), &diagnosis)?;
                }
                self.reachable = STEPS.len() - 1;
                self.render()?;
            }
            Event::Go(step) if step <= self.reachable => {
                self.current = step;
                self.render()?;
                let title = self
                    .panels
                    .get(step)
                    .and_then(|panel| panel.query_selector("h2").ok().flatten());
                if let Some(title) = title {
                    dom::focus(&title)?;
                }
            }
            Event::Go(_) => {}
        }
        // The widgets' own events bubble out of the parcours.
        Ok(None)
    }
}

impl Parcours {
    fn render(&self) -> Result<(), JsValue> {
        let locale = self.locale;
        let doc = &self.document;
        let total = STEPS.len();
        self.nav
            .set_attribute("aria-label", &Message::ParcoursSteps.text(locale))?;
        for (index, item) in self.steps.iter().enumerate() {
            item.set_text_content(None);
            let name = Message::ParcoursStep(index).text(locale);
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
                            ("data-go", &index.to_string()),
                        ],
                        Some(&name),
                    )?)?;
                } else {
                    item.append_child(&*element(doc, "span", &[], Some(&name))?)?;
                }
            }
        }
        self.progress.set_text_content(Some(
            &Message::ParcoursProgress {
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
                title.set_text_content(Some(&Message::ParcoursStep(index).text(locale)));
            }
        }
        for (index, button) in self.next.iter().enumerate() {
            let message = if index == 0 {
                Message::GoToOrientation
            } else {
                Message::GoToPlan
            };
            button.set_text_content(Some(&message.text(locale)));
            if index < self.reachable {
                button.remove_attribute("hidden")?;
            } else {
                button.set_attribute("hidden", "")?;
            }
        }
        Ok(())
    }
}
