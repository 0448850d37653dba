//! Browser tests of `<passerelle-diagnostic>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use passerelle_wasm::DiagnosticWidget;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(lang: &str) -> (HtmlElement, DiagnosticWidget) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let widget = DiagnosticWidget::new(host.clone(), Some(lang.into())).unwrap();
    (host, widget)
}

fn root(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root()
        .expect("the widget attaches a shadow root")
}

fn find(host: &HtmlElement, selector: &str) -> Option<Element> {
    root(host).query_selector(selector).unwrap()
}

fn text(host: &HtmlElement, selector: &str) -> String {
    find(host, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn submit(host: &HtmlElement) {
    let form: HtmlFormElement = find(host, "form").unwrap().unchecked_into();
    form.request_submit().unwrap();
}

fn choose(host: &HtmlElement, value: &str) {
    let radio: HtmlInputElement = find(host, &format!("input[value={value}]"))
        .unwrap()
        .unchecked_into();
    radio.set_checked(true);
    submit(host);
}

fn type_in(host: &HtmlElement, value: &str) {
    let input: HtmlInputElement = find(host, "input[type=text]").unwrap().unchecked_into();
    input.set_value(value);
    submit(host);
}

fn active_id(host: &HtmlElement) -> Option<String> {
    root(host).active_element().map(|element| element.id())
}

#[wasm_bindgen_test]
fn renders_the_first_question_in_a_shadow_root_without_taking_focus() {
    let (host, _widget) = mount("en");
    assert_eq!(
        text(&host, "legend h2"),
        "Do you have a place to sleep tonight?"
    );
    assert_eq!(text(&host, ".progress"), "Question 1 of 3");
    assert_eq!(
        find(&host, ".progress")
            .unwrap()
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
    assert_eq!(
        find(&host, ".passerelle")
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    // Each radio has a label tied to it.
    for id in ["passerelle-option-0", "passerelle-option-1"] {
        assert!(find(&host, &format!("label[for={id}]")).is_some());
    }
    assert_eq!(active_id(&host), None, "the page keeps its focus at start");
    // No back button on the first question.
    assert!(find(&host, "[data-action=back]").is_none());
    host.remove();
}

#[wasm_bindgen_test]
fn an_empty_answer_shows_an_error_tied_to_the_question() {
    let (host, _widget) = mount("fr");
    submit(&host);
    assert_eq!(
        text(&host, "#passerelle-error"),
        "Erreur : Choisissez ou écrivez une réponse."
    );
    let described_by = find(&host, "fieldset")
        .unwrap()
        .get_attribute("aria-describedby")
        .unwrap();
    assert!(described_by.split(' ').any(|id| id == "passerelle-error"));
    // The question did not change, and focus went to the answers.
    assert_eq!(
        text(&host, "legend h2"),
        "Avez-vous un endroit où dormir ce soir ?"
    );
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-option-0"));
    host.remove();
}

#[wasm_bindgen_test]
fn completing_dispatches_the_answers_and_back_restores_them() {
    let (host, widget) = mount("fr");
    let received: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = Rc::clone(&received);
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            sink.borrow_mut().push(event.detail());
        });
    host.add_event_listener_with_callback(
        "passerelle:diagnosis-complete",
        listener.as_ref().unchecked_ref(),
    )
    .unwrap();

    choose(&host, "yes");
    assert_eq!(text(&host, "legend h2"), "Que faites-vous en ce moment ?");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-question"));
    choose(&host, "jobseeker");
    type_in(&host, "200");
    assert_eq!(
        text(&host, "#passerelle-error"),
        "Erreur : Écrivez un nombre entre 14 et 120 ans."
    );
    let input: HtmlInputElement = find(&host, "#passerelle-input").unwrap().unchecked_into();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.value(), "200", "what was typed stays in the field");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-input"));
    assert!(received.borrow().is_empty());
    type_in(&host, "22");

    assert_eq!(received.borrow().len(), 1);
    let detail = received.borrow()[0].clone();
    let answers = js_sys::Reflect::get(&detail, &"answers".into()).unwrap();
    let json = js_sys::JSON::stringify(&answers).unwrap();
    assert_eq!(
        String::from(json),
        r#"{"age":22,"employment_status":"jobseeker","shelter_tonight":true}"#
    );
    let questionnaire_id = js_sys::Reflect::get(&detail, &"questionnaireId".into()).unwrap();
    assert_eq!(
        questionnaire_id.as_string().as_deref(),
        Some("passerelle-default")
    );
    assert_eq!(
        text(&host, "h2"),
        "Merci, vous avez répondu à toutes les questions."
    );

    // Back to the last question: the answer is shown again.
    let back: HtmlElement = find(&host, "[data-action=back]").unwrap().unchecked_into();
    back.click();
    let input: HtmlInputElement = find(&host, "#passerelle-input").unwrap().unchecked_into();
    assert_eq!(input.value(), "22");
    let answers = js_sys::JSON::stringify(&widget.answers().unwrap()).unwrap();
    assert_eq!(
        String::from(answers),
        r#"{"employment_status":"jobseeker","shelter_tonight":true}"#
    );
    host.remove();
}

#[wasm_bindgen_test]
fn switching_language_renders_again() {
    let (host, widget) = mount("fr");
    widget.set_locale(Some("en-GB".into())).unwrap();
    assert_eq!(
        text(&host, "legend h2"),
        "Do you have a place to sleep tonight?"
    );
    widget.set_locale(Some("xx".into())).unwrap();
    assert_eq!(
        text(&host, "legend h2"),
        "Avez-vous un endroit où dormir ce soir ?"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn freeing_the_widget_removes_its_listeners() {
    let (host, widget) = mount("fr");
    drop(widget);
    let radio: HtmlInputElement = find(&host, "input[value=yes]").unwrap().unchecked_into();
    radio.set_checked(true);
    submit(&host);
    // Nothing reacts any more: still the first question.
    assert_eq!(
        text(&host, "legend h2"),
        "Avez-vous un endroit où dormir ce soir ?"
    );
    host.remove();
}
