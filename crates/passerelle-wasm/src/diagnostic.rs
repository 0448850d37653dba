//! `<passerelle-diagnostic>`: one question at a time, rendered into the
//! element's shadow root from a `passerelle-core` diagnosis session.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use passerelle_core::{
    AnswerValue, DiagnosisSession, Locale, Message, Question, QuestionKind, Questionnaire,
    SessionError,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, Event, EventTarget,
    HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::dom::{self, element};
use crate::error::js_error;

/// The widget's style sheet, adopted by its shadow root.
const STYLE: &str = include_str!("diagnostic.css");

/// Event dispatched on the element when every question is answered.
pub const COMPLETE_EVENT: &str = "passerelle:diagnosis-complete";
/// Event dispatched on the element when something fails.
pub const ERROR_EVENT: &str = "passerelle:error";

/// The `detail` of the `passerelle:diagnosis-complete` event.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CompleteDetail<'a> {
    questionnaire_id: &'a str,
    locale: Locale,
    answers: BTreeMap<&'a str, &'a AnswerValue>,
}

/// What the person did, as the widget needs to react to it.
enum Action {
    Submit,
    Back,
}

/// The state behind one `<passerelle-diagnostic>` element.
struct Diagnostic {
    host: HtmlElement,
    document: Document,
    /// Polite live region announcing the progress; kept across renders so
    /// that screen readers announce each change.
    progress: Element,
    /// What changes with each question.
    body: Element,
    questionnaire: Questionnaire,
    session: DiagnosisSession,
    locale: Locale,
    /// The last answer refused, shown again with the reason.
    rejected: Option<Rejected>,
}

/// An answer the session refused: what was typed, and why.
struct Rejected {
    input: String,
    error: SessionError,
}

/// A diagnosis questionnaire rendered into a custom element.
///
/// Created by the `<passerelle-diagnostic>` shim with the element itself;
/// call `free()` once the element leaves the page.
#[wasm_bindgen]
pub struct DiagnosticWidget {
    state: Rc<RefCell<Diagnostic>>,
    _listeners: Vec<Listener>,
}

/// An event listener that is removed when dropped.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Removing a listener that is not there is not an error in the DOM.
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen]
impl DiagnosticWidget {
    /// Renders the default questionnaire into `host`'s shadow root (made
    /// if it has none), in the language of `lang` (French by default).
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<DiagnosticWidget, JsValue> {
        let document = dom::document()?;
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        adopt_style(&root)?;
        root.set_text_content(None);
        let container = element(
            &document,
            "div",
            &[("class", "passerelle"), ("part", "container")],
            None,
        )?;
        let progress = element(
            &document,
            "p",
            &[
                ("class", "progress"),
                ("part", "progress"),
                ("aria-live", "polite"),
            ],
            None,
        )?;
        let body = element(&document, "div", &[("class", "body")], None)?;
        container.append_child(&progress)?;
        container.append_child(&body)?;
        root.append_child(&container)?;

        let questionnaire = Questionnaire::default_fr_en();
        let session = DiagnosisSession::new(&questionnaire);
        let state = Rc::new(RefCell::new(Diagnostic {
            host,
            document,
            progress,
            body,
            questionnaire,
            session,
            locale: locale_from(lang.as_deref()),
            rejected: None,
        }));
        state.borrow().render()?;
        let listeners = vec![
            listen(&root, "submit", &state, |event| {
                event.prevent_default();
                Some(Action::Submit)
            })?,
            listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                target.closest("[data-action=back]").ok().flatten()?;
                Some(Action::Back)
            })?,
        ];
        Ok(DiagnosticWidget {
            state,
            _listeners: listeners,
        })
    }

    /// Shows the widget in another language (`fr`, `en`, `en-GB`…);
    /// an unknown language gives French.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self
            .state
            .try_borrow_mut()
            .map_err(|_| js_error("busy", "The widget is busy; try again."))?;
        state.locale = locale_from(lang.as_deref());
        state.render()
    }

    /// The answers given so far, keyed by question id.
    pub fn answers(&self) -> Result<JsValue, JsValue> {
        let state = self
            .state
            .try_borrow()
            .map_err(|_| js_error("busy", "The widget is busy; try again."))?;
        to_js(&state.session.answers())
    }
}

fn locale_from(lang: Option<&str>) -> Locale {
    lang.and_then(Locale::from_tag).unwrap_or_default()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true))
        .map_err(|error| js_error("conversion_failed", &error.to_string()))
}

fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(STYLE)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}

/// Listens for `kind` on `target`; `action` tells what the event means
/// for the widget, if anything. Failures are reported to the host page as
/// `passerelle:error` events, never thrown into the browser's event loop.
fn listen(
    target: &EventTarget,
    kind: &'static str,
    state: &Rc<RefCell<Diagnostic>>,
    action: fn(&Event) -> Option<Action>,
) -> Result<Listener, JsValue> {
    let state = Rc::clone(state);
    let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let Some(action) = action(&event) else { return };
        // A re-entrant event (from a host listener of our own events) is ignored.
        let Ok(mut diagnostic) = state.try_borrow_mut() else {
            return;
        };
        let outcome = diagnostic.act(action);
        let host = diagnostic.host.clone();
        // Release the state before calling back into the host page.
        drop(diagnostic);
        let dispatched = match outcome {
            Ok(Some(detail)) => dispatch(&host, COMPLETE_EVENT, &detail),
            Ok(None) => Ok(()),
            Err(error) => Err(error),
        };
        if let Err(error) = dispatched {
            let _ = dispatch(&host, ERROR_EVENT, &error);
        }
    });
    target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    Ok(Listener {
        target: target.clone(),
        kind,
        closure,
    })
}

/// Dispatches a `kind` event that bubbles out of the shadow root.
fn dispatch(host: &HtmlElement, kind: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(kind, &init)?;
    host.dispatch_event(&event)?;
    Ok(())
}

impl Diagnostic {
    /// Applies what the person did. Returns the detail of the completion
    /// event when this action completed the questionnaire.
    fn act(&mut self, action: Action) -> Result<Option<JsValue>, JsValue> {
        match action {
            Action::Submit => {
                let Some(question) = self.session.current(&self.questionnaire) else {
                    return Ok(None);
                };
                let input = self.read_input()?;
                let result =
                    self.session
                        .answer_input(&self.questionnaire, &question.id.clone(), &input);
                self.rejected = result.err().map(|error| Rejected { input, error });
                self.render()?;
                if self.rejected.is_some() {
                    self.focus("[aria-invalid=true], input:checked, input")?;
                    return Ok(None);
                }
            }
            Action::Back => {
                self.session.back();
                self.rejected = None;
                self.render()?;
            }
        }
        self.focus("h2")?;
        if self.session.is_complete(&self.questionnaire) {
            let detail = CompleteDetail {
                questionnaire_id: &self.questionnaire.id,
                locale: self.locale,
                answers: self.session.answers(),
            };
            return to_js(&detail).map(Some);
        }
        Ok(None)
    }

    /// What the person chose or typed for the current question.
    fn read_input(&self) -> Result<String, JsValue> {
        let chosen = self
            .body
            .query_selector("input[name=answer]:checked, input[name=answer][type=text]")?;
        Ok(chosen
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default())
    }

    fn focus(&self, selector: &str) -> Result<(), JsValue> {
        match self.body.query_selector(selector)? {
            Some(target) => dom::focus(&target),
            None => Ok(()),
        }
    }

    fn text(&self, message: Message) -> String {
        message.text(self.locale)
    }

    /// Renders the current question, or the end of the questionnaire.
    fn render(&self) -> Result<(), JsValue> {
        if let Some(container) = self.body.parent_element() {
            container.set_attribute("lang", self.locale.tag())?;
        }
        self.body.set_text_content(None);
        let progress = self.session.progress(&self.questionnaire);
        match self.session.current(&self.questionnaire) {
            Some(question) => {
                self.progress
                    .set_text_content(Some(&self.text(Message::Progress {
                        current: progress.answered + 1,
                        total: progress.total,
                    })));
                self.render_question(question)
            }
            None => {
                self.progress.set_text_content(None);
                self.render_complete()
            }
        }
    }

    fn render_question(&self, question: &Question) -> Result<(), JsValue> {
        let doc = &self.document;
        let locale = self.locale;
        let form = element(doc, "form", &[("novalidate", ""), ("part", "form")], None)?;
        let mut described_by = Vec::new();
        if question.help.is_some() {
            described_by.push("passerelle-help");
        }
        if self.rejected.is_some() {
            described_by.push("passerelle-error");
        }
        let described_by = described_by.join(" ");
        let fieldset = element(doc, "fieldset", &[], None)?;
        if !described_by.is_empty() {
            fieldset.set_attribute("aria-describedby", &described_by)?;
        }
        let legend = element(doc, "legend", &[], None)?;
        legend.append_child(&*element(
            doc,
            "h2",
            &[
                ("id", "passerelle-question"),
                ("tabindex", "-1"),
                ("part", "question"),
            ],
            Some(question.label.get(locale)),
        )?)?;
        fieldset.append_child(&legend)?;
        if let Some(help) = &question.help {
            fieldset.append_child(&*element(
                doc,
                "p",
                &[
                    ("id", "passerelle-help"),
                    ("class", "help"),
                    ("part", "help"),
                ],
                Some(help.get(locale)),
            )?)?;
        }
        if let Some(Rejected { error, .. }) = &self.rejected {
            let paragraph = element(
                doc,
                "p",
                &[
                    ("id", "passerelle-error"),
                    ("class", "error"),
                    ("part", "error"),
                ],
                None,
            )?;
            paragraph.append_child(&*element(
                doc,
                "span",
                &[("class", "visually-hidden")],
                Some(&self.text(Message::ErrorPrefix)),
            )?)?;
            paragraph.append_with_str_1(&format!(" {}", error.message(Some(question), locale)))?;
            fieldset.append_child(&paragraph)?;
        }
        let previous = self.session.previous_answer(&question.id);
        match &question.kind {
            QuestionKind::YesNo => {
                let options = [
                    ("yes", self.text(Message::Yes), AnswerValue::Bool(true)),
                    ("no", self.text(Message::No), AnswerValue::Bool(false)),
                ];
                for (i, (value, label, answer)) in options.iter().enumerate() {
                    fieldset.append_child(&*self.radio(
                        i,
                        value,
                        label,
                        previous == Some(answer),
                    )?)?;
                }
            }
            QuestionKind::SingleChoice { options } => {
                for (i, option) in options.iter().enumerate() {
                    let checked =
                        matches!(previous, Some(AnswerValue::Text(id)) if *id == option.id);
                    fieldset.append_child(&*self.radio(
                        i,
                        &option.id,
                        option.label.get(locale),
                        checked,
                    )?)?;
                }
            }
            QuestionKind::Number { unit, .. } => {
                let row = element(doc, "div", &[("class", "number")], None)?;
                let labelled_by = if unit.is_some() {
                    "passerelle-question passerelle-unit"
                } else {
                    "passerelle-question"
                };
                let input = element(
                    doc,
                    "input",
                    &[
                        ("id", "passerelle-input"),
                        ("name", "answer"),
                        ("type", "text"),
                        ("inputmode", "numeric"),
                        ("autocomplete", "off"),
                        ("spellcheck", "false"),
                        ("aria-labelledby", labelled_by),
                        ("part", "input"),
                    ],
                    None,
                )?;
                if !described_by.is_empty() {
                    input.set_attribute("aria-describedby", &described_by)?;
                }
                // What the person typed stays in the field, right or wrong.
                match (&self.rejected, previous) {
                    (Some(rejected), _) => {
                        input.set_attribute("aria-invalid", "true")?;
                        input.set_attribute("value", &rejected.input)?;
                    }
                    (None, Some(AnswerValue::Number(n))) => {
                        input.set_attribute("value", &n.to_string())?;
                    }
                    (None, _) => {}
                }
                row.append_child(&input)?;
                if let Some(unit) = unit {
                    row.append_child(&*element(
                        doc,
                        "span",
                        &[("id", "passerelle-unit"), ("class", "unit")],
                        Some(unit.get(locale)),
                    )?)?;
                }
                fieldset.append_child(&row)?;
            }
        }
        form.append_child(&fieldset)?;
        let actions = element(doc, "div", &[("class", "actions")], None)?;
        actions.append_child(&*element(
            doc,
            "button",
            &[
                ("type", "submit"),
                ("class", "primary"),
                ("part", "button primary-button"),
            ],
            Some(&self.text(Message::Continue)),
        )?)?;
        if self.session.progress(&self.questionnaire).answered > 0 {
            actions.append_child(&*self.back_button()?)?;
        }
        form.append_child(&actions)?;
        self.body.append_child(&form)?;
        Ok(())
    }

    fn radio(
        &self,
        index: usize,
        value: &str,
        label: &str,
        checked: bool,
    ) -> Result<Element, JsValue> {
        let doc = &self.document;
        let id = format!("passerelle-option-{index}");
        let row = element(doc, "div", &[("class", "option"), ("part", "option")], None)?;
        let input = element(
            doc,
            "input",
            &[
                ("type", "radio"),
                ("id", &id),
                ("name", "answer"),
                ("value", value),
            ],
            None,
        )?;
        if checked {
            input.set_attribute("checked", "")?;
        }
        row.append_child(&input)?;
        row.append_child(&*element(doc, "label", &[("for", &id)], Some(label))?)?;
        Ok(row)
    }

    fn back_button(&self) -> Result<Element, JsValue> {
        element(
            &self.document,
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("data-action", "back"),
                ("part", "button back-button"),
            ],
            Some(&self.text(Message::Back)),
        )
    }

    fn render_complete(&self) -> Result<(), JsValue> {
        let doc = &self.document;
        self.body.append_child(&*element(
            doc,
            "h2",
            &[("tabindex", "-1"), ("part", "question")],
            Some(&self.text(Message::Completed)),
        )?)?;
        self.body.append_child(&*element(
            doc,
            "p",
            &[("class", "help")],
            Some(&self.text(Message::CompletedDetail)),
        )?)?;
        let actions = element(doc, "div", &[("class", "actions")], None)?;
        actions.append_child(&*self.back_button()?)?;
        self.body.append_child(&actions)?;
        Ok(())
    }
}
