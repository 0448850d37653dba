//! `<passerelle-diagnostic>`: one question at a time, rendered into the
//! element's shadow root from a `passerelle-core` diagnosis session.

use crate::ui::words::{Said, WidgetText};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use passerelle_core::date::Date;
use passerelle_core::diagnosis::Diagnosis;
use passerelle_core::questionnaire::ranked_themes;
use passerelle_core::{
    AnswerValue, DiagnosisSession, Locale, Questionnaire, SessionError, UrgentAlert,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::ui::alerts;
use crate::ui::dom::{self, element, Attribute};
use crate::ui::persist::{self, Keeper, Words};
use crate::ui::widget::{self, Widget};
use ids::Button;

mod draw;
mod draw_answers;
mod form;
mod ids;
mod keeping;

/// The widget's own style sheet, adopted by its shadow root after the
/// widgets' base one.
const STYLE: &str = include_str!("diagnostic.css");

/// Event dispatched on the element when every question is answered.
pub const COMPLETE_EVENT: &str = "passerelle:diagnosis-complete";

/// The `detail` of the `passerelle:diagnosis-complete` event: snake_case,
/// as every name of the JavaScript API.
#[derive(Serialize)]
struct CompleteDetail<'a> {
    questionnaire_id: &'a str,
    locale: Locale,
    answers: BTreeMap<&'a str, &'a AnswerValue>,
    diagnosis: Diagnosis,
}

/// What the person did, as the widget needs to react to it.
enum Action {
    /// Sent the form ("Continue", or Enter in a field).
    Submit,
    /// Went back one question.
    Back,
    /// "I'd rather not say".
    Skip,
    /// Ticked or unticked a box of a multiple choice.
    Tick(HtmlInputElement),
    /// "Erase my answers from this device".
    Forget,
    /// The commune table waited for is loaded (or missing).
    Communes,
    /// Another tab or page may have changed the answers kept: look again.
    Reread,
}

/// The state behind one `<passerelle-diagnostic>` element.
struct Diagnostic {
    host: HtmlElement,
    document: Document,
    /// The quick exit and the urgent alerts' panel, above the progress and
    /// the question.
    urgent: Element,
    /// The alerts raised at the last drawing: those raised since are
    /// announced, once.
    raised: Vec<UrgentAlert>,
    /// Where the quick exit leads.
    quick_exit: String,
    /// Polite live region announcing the progress; kept across renders so
    /// that screen readers announce each change.
    progress: Element,
    /// What changes with each question.
    body: Element,
    questionnaire: Questionnaire,
    session: DiagnosisSession,
    locale: Locale,
    /// The id of the question on screen; `None` on the end screen.
    shown: Option<String>,
    /// The last answer refused, shown again with the reason.
    rejected: Option<Rejected>,
    /// What is kept of the answers on the device, if the host asks.
    keeper: Keeper,
    /// Where the person is told how the answers are kept, with the
    /// control that erases them.
    privacy: Element,
}

/// An answer the session (or the form) refused: what was given, and why.
struct Rejected {
    input: Input,
    error: SessionError,
}

/// What the person gave in the form, as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    /// What was typed, or the id of the option chosen ("" for none).
    Text(String),
    /// The ids of the boxes ticked.
    Ticked(Vec<String>),
    /// For a need ranking: each need shown, with the rank chosen for it.
    Ranks(Vec<(String, Option<usize>)>),
}

/// `questionnaire` adapted to the national catalogue (the questions for
/// the facts its schemes decide on), once the catalogue is registered;
/// before, as it is: its first questions, the urgent ones, do not wait for
/// the catalogue (see [`DiagnosticWidget::catalogue_arrived`]).
fn adapted(questionnaire: Questionnaire) -> Questionnaire {
    match crate::api::national::registered() {
        Some(catalogue) => questionnaire.adapted_to(catalogue),
        None => questionnaire,
    }
}

/// A diagnosis questionnaire rendered into a custom element.
///
/// Created by the `<passerelle-diagnostic>` shim with the element itself;
/// call `free()` once the element leaves the page.
#[wasm_bindgen]
pub struct DiagnosticWidget {
    state: Rc<RefCell<Diagnostic>>,
    _listeners: Vec<widget::Listener>,
    _quick_exit: crate::ui::alerts::QuickExitListener,
}

#[wasm_bindgen]
impl DiagnosticWidget {
    /// Renders the default questionnaire, adapted to the national
    /// catalogue, into `host`'s shadow root (made if it has none), in the
    /// language of `lang` (French by default).
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, lang: Option<String>) -> Result<DiagnosticWidget, JsValue> {
        let today = crate::api::convert::today()?;
        let questionnaire = adapted(Questionnaire::default_fr_en());
        DiagnosticWidget::mount(host, lang, questionnaire, today)
    }

    /// The national catalogue has been registered (the page fetched it
    /// after the first question): the questionnaire adapts to it, for the
    /// questions still to come. The question shown stays as it is, with
    /// whatever the person is typing.
    #[wasm_bindgen(js_name = catalogueArrived)]
    pub fn catalogue_arrived(&self) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        if state.questionnaire.catalogue().is_none() {
            state.questionnaire = adapted(state.questionnaire.clone());
        }
        Ok(())
    }

    /// Shows the widget in another language (`fr`, `en`, `en-GB`…);
    /// an unknown language gives French.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: Option<String>) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.locale = widget::locale_from(lang.as_deref());
        state.render().map(drop)
    }

    /// Keeps the answers on the device between visits, as the host page
    /// asks with `persist`: `"session"` (until the tab is closed) or
    /// `"local"` (until erased), in any case and with white space around;
    /// `null` (no attribute) for nowhere, the default: what this widget
    /// kept is erased. Any other value keeps nothing, erases nothing, and
    /// throws `bad_persist`. `key` names the element's answers (its
    /// `id`), so that two questionnaires on one page keep theirs apart;
    /// the questionnaire's id is part of the key too. Answers kept before
    /// are taken back; a kept value that cannot be read (a newer version,
    /// damaged) is left as it is and never written over, the person told
    /// and offered the erase. The person sees how the answers are kept,
    /// and a control that erases them. Storage the browser refuses is
    /// told to the person, never thrown.
    #[wasm_bindgen(js_name = setPersistence)]
    pub fn set_persistence(
        &self,
        mode: Option<String>,
        key: Option<String>,
    ) -> Result<(), JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        let set = state.keeper.set(mode.as_deref(), key.as_deref());
        state.take_back();
        state.render()?;
        set.map_err(|bad| bad.to_js())
    }

    /// Asks the questions of `questionnaire`, the host site's own (JSON
    /// text or an object, `docs/questionnaire-format.md`), from the first
    /// one; `null` or `undefined` goes back to the default questionnaire.
    /// With persistence on, answers kept for this same questionnaire are
    /// taken back; those of another questionnaire stay under its own key.
    /// A questionnaire that cannot be read throws
    /// `invalid_questionnaire` with every problem in `details`, and the
    /// widget keeps the questions and answers it had.
    #[wasm_bindgen(js_name = setQuestionnaire)]
    pub fn set_questionnaire(&self, questionnaire: JsValue) -> Result<(), JsValue> {
        let questionnaire = if crate::api::convert::absent(&questionnaire) {
            Questionnaire::default_fr_en()
        } else {
            let text = crate::api::convert::document(&questionnaire, "questionnaire")?;
            Questionnaire::from_json(&text).map_err(|error| {
                crate::api::error::Failure::problems(
                    "invalid_questionnaire",
                    "questionnaire",
                    error.problems,
                )
            })?
        };
        let questionnaire = adapted(questionnaire);
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.session = DiagnosisSession::new(&questionnaire, state.session.reference_date());
        state.keeper.set_scope(&questionnaire.id);
        state.questionnaire = questionnaire;
        state.rejected = None;
        state.take_back();
        state.render().map(drop)
    }

    /// Where "Quitter rapidement" leads (`quick-exit-url`): an `https:`
    /// or `http:` address, resolved against the page; `null` for the
    /// default, a search engine's home page. Throws `invalid_argument`
    /// for another kind of address, the last one kept.
    #[wasm_bindgen(js_name = setQuickExitUrl)]
    pub fn set_quick_exit_url(&self, url: Option<String>) -> Result<(), JsValue> {
        let url = crate::ui::alerts::quick_exit_url(url.as_deref())?;
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        state.quick_exit = url;
        state.render().map(drop)
    }

    /// The answers given so far, keyed by question id.
    pub fn answers(&self) -> Result<JsValue, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        to_js(&state.session.answers())
    }

    /// What the person did, for the element to hold while it is off the
    /// page: the session's snapshot, the text persistence keeps. The
    /// element frees the widget, then gives it to [`resume`](Self::resume)
    /// of the widget it makes when it comes back (`docs/robustness.md`,
    /// "Element life cycle and races").
    pub fn suspend(&self) -> Result<String, JsValue> {
        let state = self.state.try_borrow().map_err(|_| widget::busy())?;
        Ok(state.session.snapshot())
    }

    /// Takes back the answers and the question of [`suspend`](Self::suspend),
    /// on the questionnaire the widget asks now. Returns whether they
    /// were taken back: a snapshot of another questionnaire (the element's
    /// questionnaire changed meanwhile) leaves the widget as it is.
    pub fn resume(&self, kept: &str) -> Result<bool, JsValue> {
        let mut state = self.state.try_borrow_mut().map_err(|_| widget::busy())?;
        let Ok(session) = DiagnosisSession::resume(&state.questionnaire, kept) else {
            return Ok(false);
        };
        state.session = session;
        state.rejected = None;
        state.render()?;
        Ok(true)
    }
}

impl DiagnosticWidget {
    /// Renders `questionnaire` into `host`, with `today` as the session's
    /// reference date.
    pub(crate) fn mount(
        host: HtmlElement,
        lang: Option<String>,
        questionnaire: Questionnaire,
        today: Date,
    ) -> Result<DiagnosticWidget, JsValue> {
        let document = dom::document()?;
        let root = widget::shadow_root(&host, &[alerts::STYLE, STYLE])?;
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
        let privacy = persist::panel(&document)?;
        let urgent = element(&document, "div", &[("class", "urgent-help")], None)?;
        container.append_child(&urgent)?;
        container.append_child(&progress)?;
        container.append_child(&body)?;
        container.append_child(&privacy)?;
        root.append_child(&container)?;

        let session = DiagnosisSession::new(&questionnaire, today);
        let state = Rc::new(RefCell::new(Diagnostic {
            host,
            document,
            urgent,
            raised: Vec::new(),
            quick_exit: crate::ui::alerts::QUICK_EXIT_DEFAULT.to_owned(),
            progress,
            body,
            questionnaire,
            session,
            locale: widget::locale_from(lang.as_deref()),
            shown: None,
            rejected: None,
            keeper: Keeper::new(
                "diagnostic",
                Words {
                    in_tab: WidgetText::AnswersKeptInTab,
                    on_device: WidgetText::AnswersKeptOnDevice,
                    forget: WidgetText::ForgetAnswers,
                    refused: WidgetText::StorageUnavailable,
                    what: WidgetText::ForgetAnswersWhat,
                    too_new: WidgetText::KeptAnswersTooNew,
                    unreadable: WidgetText::KeptAnswersUnreadable,
                    changed: WidgetText::AnswersChangedElsewhere,
                    erased: WidgetText::AnswersErasedElsewhere,
                },
            ),
            privacy,
        }));
        {
            let mut state = state.borrow_mut();
            let scope = state.questionnaire.id.clone();
            state.keeper.set_scope(&scope);
            state.render()?;
        }
        let [stored, shown] = persist::listen_elsewhere(&state, |event| {
            persist::changed_elsewhere(event).then_some(Action::Reread)
        })?;
        let listeners = vec![
            stored,
            shown,
            widget::listen(&root, "submit", &state, |event| {
                event.prevent_default();
                Some(Action::Submit)
            })?,
            widget::listen(&root, "click", &state, |event| {
                let target = event.target()?.dyn_into::<Element>().ok()?;
                let button = target.closest("[data-action]").ok().flatten()?;
                match Button::from_attr(&button.get_attribute("data-action")?)? {
                    Button::Back => Some(Action::Back),
                    Button::Skip => Some(Action::Skip),
                    Button::Forget => Some(Action::Forget),
                }
            })?,
            widget::listen(&root, "change", &state, |event| {
                let input = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
                (input.type_() == "checkbox").then_some(Action::Tick(input))
            })?,
            widget::listen(&root, crate::ui::communes::LOADED_EVENT, &state, |_| {
                Some(Action::Communes)
            })?,
        ];
        Ok(DiagnosticWidget {
            state,
            _listeners: listeners,
            _quick_exit: crate::ui::alerts::QuickExitListener::new(&root)?,
        })
    }
}

/// The session of the answers kept in `text` on `questionnaire`, or why
/// they cannot be read.
fn resume(
    questionnaire: &Questionnaire,
    text: &str,
) -> Result<DiagnosisSession, persist::Unreadable> {
    DiagnosisSession::resume(questionnaire, text).map_err(|error| match error {
        passerelle_core::SnapshotError::FutureVersion { .. } => persist::Unreadable::Newer,
        _ => persist::Unreadable::Damaged,
    })
}

/// `value` as a JavaScript value shaped like its JSON, as the engine gives.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    Ok(crate::api::convert::to_js(value)?)
}

/// Whether another need than the one at `index` has its rank.
fn rank_repeated(ranks: &[(String, Option<usize>)], index: usize) -> bool {
    let Some(Some(rank)) = ranks.get(index).map(|(_, rank)| *rank) else {
        return false;
    };
    ranks
        .iter()
        .enumerate()
        .any(|(i, (_, other))| i != index && *other == Some(rank))
}

impl Widget for Diagnostic {
    type Action = Action;

    fn host(&self) -> &HtmlElement {
        &self.host
    }

    /// Applies what the person did. Returns the completion event when this
    /// action completed the questionnaire.
    fn act(&mut self, action: Action) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        // Waiting for the communes of the postal code: the next question is not known yet.
        if crate::ui::communes::is_waiting(&self.body)
            && !matches!(action, Action::Communes | Action::Reread)
        {
            return Ok(None);
        }
        match action {
            Action::Communes => {}
            Action::Reread => {
                if self.reread() {
                    self.render()?;
                }
                return Ok(None);
            }
            Action::Tick(input) => {
                self.tick(&input)?;
                return Ok(None);
            }
            Action::Forget => {
                self.keeper.forget(WidgetText::AnswersForgotten);
                self.session =
                    DiagnosisSession::new(&self.questionnaire, self.session.reference_date());
                self.rejected = None;
                self.render()?;
                self.focus_first(&[&format!("#{}", ids::QUESTION)])?;
                return Ok(None);
            }
            Action::Back => {
                self.session.back();
                self.rejected = None;
            }
            Action::Submit | Action::Skip => {
                let Some(question) = self
                    .shown
                    .as_deref()
                    .and_then(|id| self.questionnaire.question(id))
                else {
                    return Ok(None);
                };
                let input = self.read_input(question)?;
                let outcome = match (&action, &input) {
                    (Action::Skip, _) => self.session.skip(&self.questionnaire, &question.id),
                    (_, Input::Text(text)) => {
                        self.session
                            .answer_input(&self.questionnaire, &question.id, text)
                    }
                    (_, Input::Ticked(ids)) => self.session.answer(
                        &self.questionnaire,
                        &question.id,
                        AnswerValue::List(ids.clone()),
                    ),
                    (_, Input::Ranks(ranks)) => match ranked_themes(ranks) {
                        Ok(answer) => {
                            self.session
                                .answer(&self.questionnaire, &question.id, answer)
                        }
                        Err(error) => Err(SessionError::Answer(error)),
                    },
                };
                self.rejected = outcome.err().map(|error| Rejected { input, error });
                let facts = self.session.facts(&self.questionnaire);
                let parts = crate::ui::communes::parts_of(&facts);
                if crate::ui::communes::request(&parts, Some(&self.body)) {
                    self.keep();
                    return Ok(None);
                }
            }
        }
        self.keep();
        let complete = self.render()?;
        if self.rejected.is_some() {
            // Focus on the field in error, or the first answer.
            self.focus_first(&["[aria-invalid=true]", "input:checked", "input, select"])?;
            return Ok(None);
        }
        self.focus_first(&[&format!("#{}", ids::QUESTION), &format!("#{}", ids::END)])?;
        if self.urgent.query_selector("[role=alert]")?.is_some() {
            // An alert just raised: its contacts in view, above the
            // question that has the focus.
            self.urgent.scroll_into_view_with_bool(true);
        }
        if !complete {
            return Ok(None);
        }
        let detail = CompleteDetail {
            questionnaire_id: &self.questionnaire.id,
            locale: self.locale,
            answers: self.session.answers(),
            diagnosis: self.session.diagnosis(&self.questionnaire, self.locale),
        };
        Ok(Some((COMPLETE_EVENT, to_js(&detail)?)))
    }
}

impl Diagnostic {
    /// Moves focus to the first element matching one of `selectors`, tried
    /// in order.
    fn focus_first(&self, selectors: &[&str]) -> Result<(), JsValue> {
        for selector in selectors {
            if let Some(target) = self.body.query_selector(selector)? {
                return dom::focus(&target);
            }
        }
        Ok(())
    }

    fn text(&self, message: impl Said) -> String {
        message.text(self.locale)
    }
}

/// The priority's name in JSON, for styling.
fn priority_name(priority: passerelle_core::orientation::Priority) -> &'static str {
    use passerelle_core::orientation::Priority;
    match priority {
        Priority::Urgent => "urgent",
        Priority::High => "high",
        Priority::Normal => "normal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranks(list: &[(&str, Option<usize>)]) -> Vec<(String, Option<usize>)> {
        list.iter()
            .map(|(theme, rank)| ((*theme).to_owned(), *rank))
            .collect()
    }

    #[test]
    fn a_rank_given_twice_is_shown_on_each_need_that_has_it() {
        let given = ranks(&[("a", Some(2)), ("b", None), ("c", Some(1))]);
        let twice = ranks(&[("a", Some(1)), ("b", Some(2)), ("c", Some(1))]);
        assert!(rank_repeated(&twice, 0));
        assert!(!rank_repeated(&twice, 1));
        assert!(rank_repeated(&twice, 2));
        assert!(!rank_repeated(&given, 1), "no rank is never repeated");
    }
}

/// Browser tests of what the default questionnaire does not have (dates,
/// short texts), on a questionnaire of their own.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use wasm_bindgen_test::*;
    use web_sys::HtmlFormElement;

    wasm_bindgen_test_configure!(run_in_browser);

    const QUESTIONNAIRE: &str = r#"{"format_version": 1, "id": "test", "locales": ["fr", "en"],
      "sections": [{"id": "s", "title": {"fr": "Vous", "en": "You"}, "questions": [
        {"id": "arrival", "kind": {"type": "date"},
         "label": {"fr": "Quand êtes-vous arrivé ?", "en": "When did you arrive?"}},
        {"id": "name", "kind": {"type": "short_text", "max_length": 5},
         "label": {"fr": "Votre prénom ?", "en": "Your first name?"}}]}]}"#;

    fn mount() -> (HtmlElement, DiagnosticWidget) {
        let document = web_sys::window().unwrap().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let questionnaire = Questionnaire::from_json(QUESTIONNAIRE).unwrap();
        let today = Date::parse("2026-11-27").unwrap();
        let widget =
            DiagnosticWidget::mount(host.clone(), Some("fr".into()), questionnaire, today).unwrap();
        (host, widget)
    }

    fn find(host: &HtmlElement, selector: &str) -> Option<Element> {
        host.shadow_root()
            .unwrap()
            .query_selector(selector)
            .unwrap()
    }

    fn input(host: &HtmlElement) -> HtmlInputElement {
        find(host, "#passerelle-input").unwrap().unchecked_into()
    }

    fn submit(host: &HtmlElement, value: &str) {
        input(host).set_value(value);
        let form: HtmlFormElement = find(host, "form").unwrap().unchecked_into();
        form.request_submit().unwrap();
    }

    fn error(host: &HtmlElement) -> Option<String> {
        find(host, "#passerelle-error").and_then(|error| error.text_content())
    }

    #[wasm_bindgen_test]
    fn a_date_is_a_date_field_up_to_today_that_also_takes_a_typed_date() {
        let (host, _widget) = mount();
        let field = input(&host);
        assert_eq!(field.type_(), "date");
        assert_eq!(field.get_attribute("max").as_deref(), Some("2026-11-27"));
        assert_eq!(
            field.get_attribute("aria-labelledby").as_deref(),
            Some("passerelle-question")
        );
        submit(&host, "2026-12-01");
        assert_eq!(
            error(&host).as_deref(),
            Some("Erreur\u{a0}: Cette date est après aujourd’hui. Vérifiez-la.")
        );
        assert_eq!(
            input(&host).get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        // A browser without a date picker shows a text field: the French
        // way of writing a date works too.
        input(&host).set_attribute("type", "text").unwrap();
        submit(&host, "14/03/2001");
        assert_eq!(error(&host), None);
        let answers = js_sys::JSON::stringify(&_widget.answers().unwrap()).unwrap();
        assert_eq!(String::from(answers), r#"{"arrival":"2001-03-14"}"#);
        host.remove();
    }

    #[wasm_bindgen_test]
    fn a_widget_made_again_takes_back_what_the_one_freed_handed_over() {
        let (host, widget) = mount();
        submit(&host, "2001-03-14");
        let kept = widget.suspend().unwrap();
        drop(widget);
        let questionnaire = Questionnaire::from_json(QUESTIONNAIRE).unwrap();
        let today = Date::parse("2026-11-27").unwrap();
        let again =
            DiagnosticWidget::mount(host.clone(), Some("fr".into()), questionnaire, today).unwrap();
        assert_eq!(input(&host).type_(), "date", "a new widget starts again");
        assert!(again.resume(&kept).unwrap());
        assert_eq!(input(&host).type_(), "text", "back on the second question");
        let answers = js_sys::JSON::stringify(&again.answers().unwrap()).unwrap();
        assert_eq!(String::from(answers), r#"{"arrival":"2001-03-14"}"#);
        // What another questionnaire kept does not fit this one.
        let other = kept.replace("\"test\"", "\"other\"");
        assert!(!again.resume(&other).unwrap());
        host.remove();
    }

    #[wasm_bindgen_test]
    fn a_short_text_has_its_length_limit_and_the_session_checks_it() {
        let (host, _widget) = mount();
        submit(&host, "2001-03-14");
        let field = input(&host);
        assert_eq!(field.type_(), "text");
        assert_eq!(field.get_attribute("maxlength").as_deref(), Some("5"));
        // maxlength stops typing, not a value set by a script.
        submit(&host, "Léonore");
        assert_eq!(
            error(&host).as_deref(),
            Some("Erreur\u{a0}: Écrivez 5 caractères au plus.")
        );
        assert_eq!(input(&host).value(), "Léonore");
        submit(&host, "Léa");
        assert_eq!(
            find(&host, "#passerelle-end")
                .and_then(|end| end.text_content())
                .as_deref(),
            Some("Merci, vous avez répondu à toutes les questions.")
        );
        host.remove();
    }
}
