//! Browser tests of `<passerelle-diagnostic>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::{theme_labels, DiagnosisSession, Locale, QuestionKind, Questionnaire};
use passerelle_wasm::DiagnosticWidget;
use passerelle_wasm::WidgetText;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement, ShadowRoot,
};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::session_storage;

/// The questionnaire the widget runs.
fn questionnaire() -> Questionnaire {
    Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()))
}

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

fn find_all(host: &HtmlElement, selector: &str) -> Vec<Element> {
    let nodes = root(host).query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn text(host: &HtmlElement, selector: &str) -> String {
    find(host, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn attribute(host: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    find(host, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .get_attribute(name)
}

/// The question on screen, by id; `None` on the end screen.
fn question_id(host: &HtmlElement) -> Option<String> {
    find(host, "form")?.get_attribute("data-question")
}

fn heading(host: &HtmlElement) -> String {
    text(host, "legend h3")
}

fn submit(host: &HtmlElement) {
    let form: HtmlFormElement = find(host, "form").unwrap().unchecked_into();
    form.request_submit().unwrap();
}

fn input(host: &HtmlElement, selector: &str) -> HtmlInputElement {
    find(host, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn choose(host: &HtmlElement, value: &str) {
    input(host, &format!("input[value={value}]")).set_checked(true);
    submit(host);
}

fn type_in(host: &HtmlElement, value: &str) {
    input(host, "#passerelle-input").set_value(value);
    submit(host);
}

fn click(host: &HtmlElement, selector: &str) {
    find(host, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn rank(host: &HtmlElement, ranks: &[&str]) {
    for (i, value) in ranks.iter().enumerate() {
        let select: HtmlSelectElement = find(host, &format!("#passerelle-rank-{i}"))
            .unwrap()
            .unchecked_into();
        select.set_value(value);
    }
    submit(host);
}

/// Whether `first` comes before `second` in the document.
fn is_before(first: &Element, second: &Element) -> bool {
    first.compare_document_position(second) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
}

fn active_id(host: &HtmlElement) -> Option<String> {
    root(host).active_element().map(|element| element.id())
}

fn error(host: &HtmlElement) -> Option<String> {
    find(host, "#passerelle-error").and_then(|error| error.text_content())
}

fn to_json(value: &JsValue) -> Value {
    let text = String::from(js_sys::JSON::stringify(value).unwrap());
    serde_json::from_str(&text).unwrap()
}

/// Records the details of the completion events.
struct Completions {
    received: Rc<RefCell<Vec<JsValue>>>,
    _listener: Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Completions {
    fn on(host: &HtmlElement) -> Completions {
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
        Completions {
            received,
            _listener: listener,
        }
    }

    fn details(&self) -> Vec<Value> {
        self.received.borrow().iter().map(to_json).collect()
    }
}

/// Answers each question in turn until the end: with `given` when it
/// names the question, else by a simple rule (skip when allowed, "no",
/// the first option, the smallest number, 93200, a date in the past).
/// Stops before `stop`, if given. Returns the ids of the questions answered.
fn answer_until(host: &HtmlElement, given: &[(&str, &str)], stop: Option<&str>) -> Vec<String> {
    let mut asked = Vec::new();
    while let Some(id) = question_id(host) {
        if stop == Some(id.as_str()) {
            return asked;
        }
        assert!(asked.len() < 100, "the questionnaire never ends: {asked:?}");
        answer_current(host, given);
        asked.push(id);
    }
    assert_eq!(
        stop, None,
        "never reached the question to stop at: {asked:?}"
    );
    asked
}

/// Answers the question on screen as [`answer_until`] does.
fn answer_current(host: &HtmlElement, given: &[(&str, &str)]) {
    let questionnaire = questionnaire();
    let id = question_id(host).expect("a question");
    let question = questionnaire.question(&id).unwrap();
    let reply = given.iter().find(|(question, _)| *question == id);
    match (reply, &question.kind) {
        (Some((_, "skip")), _) => click(host, "[data-action=skip]"),
        (Some((_, ranks)), QuestionKind::NeedRanking) => {
            rank(host, &ranks.split(',').collect::<Vec<_>>())
        }
        (
            Some((_, value)),
            QuestionKind::YesNo | QuestionKind::SingleChoice { .. } | QuestionKind::Commune,
        ) => choose(host, value),
        (Some((_, value)), QuestionKind::MultipleChoice { .. }) => {
            input(host, &format!("input[value={value}]")).set_checked(true);
            submit(host);
        }
        (Some((_, value)), _) => type_in(host, value),
        (None, _) if question.skippable => click(host, "[data-action=skip]"),
        (None, QuestionKind::YesNo) => choose(host, "no"),
        (None, QuestionKind::SingleChoice { options }) => choose(host, &options[0].id),
        (None, QuestionKind::MultipleChoice { options }) => {
            input(host, &format!("input[value={}]", options[0].id)).set_checked(true);
            submit(host);
        }
        (None, QuestionKind::Number { min, .. }) => type_in(host, &min.to_string()),
        (None, QuestionKind::Date) => type_in(host, "2000-01-01"),
        (None, QuestionKind::PostalCode) => type_in(host, "93200"),
        (None, QuestionKind::Commune) => click(host, "[data-action=skip]"),
        (None, QuestionKind::ShortText { .. }) => type_in(host, "Léa"),
        (None, QuestionKind::NeedRanking) => rank(host, &["1"]),
    }
    assert_eq!(error(host), None, "answering {id}");
}

#[wasm_bindgen_test]
fn renders_the_first_question_in_a_shadow_root_without_taking_focus() {
    let (host, _widget) = mount("en");
    assert_eq!(text(&host, "h2.section"), "First: your safety today");
    assert_eq!(heading(&host), "Where will you sleep tonight?");
    assert_eq!(
        attribute(&host, "h3", "id").as_deref(),
        Some("passerelle-question")
    );
    let questionnaire = questionnaire();
    let today = Date::parse("2026-11-27").unwrap();
    let left = DiagnosisSession::new(&questionnaire, today)
        .step(&questionnaire)
        .progress
        .left;
    assert_eq!(
        text(&host, ".progress"),
        format!("Question 1 · about {left} questions left")
    );
    // Nothing urgent yet: no panel, no quick exit above the question.
    assert!(find(&host, ".urgent-panel").is_none());
    assert!(find(&host, "#passerelle-quick-exit").is_none());
    assert_eq!(
        attribute(&host, ".progress", "aria-live").as_deref(),
        Some("polite")
    );
    assert_eq!(
        attribute(&host, ".passerelle", "lang").as_deref(),
        Some("en")
    );
    // The help is under the question and tied to it.
    assert!(text(&host, "#passerelle-help").starts_with("This tells us whether"));
    assert_eq!(
        attribute(&host, "fieldset", "aria-describedby").as_deref(),
        Some("passerelle-help")
    );
    // Each radio has a label tied to it.
    let radios = find_all(&host, "input[type=radio]");
    assert_eq!(radios.len(), 5);
    for radio in radios {
        assert!(find(&host, &format!("label[for={}]", radio.id())).is_some());
    }
    assert_eq!(active_id(&host), None, "the page keeps its focus at start");
    // No back button on the first question, and it must be answered.
    assert!(find(&host, "[data-action=back]").is_none());
    assert!(find(&host, "[data-action=skip]").is_none());
    host.remove();
}

#[wasm_bindgen_test]
fn an_empty_answer_shows_an_error_tied_to_the_question() {
    let (host, _widget) = mount("fr");
    submit(&host);
    assert_eq!(
        error(&host).as_deref(),
        Some("Erreur\u{a0}: Choisissez ou écrivez une réponse.")
    );
    let described_by = attribute(&host, "fieldset", "aria-describedby").unwrap();
    assert!(described_by.split(' ').any(|id| id == "passerelle-error"));
    // The question did not change, and focus went to the answers.
    assert_eq!(heading(&host), "Où allez-vous dormir ce soir\u{202f}?");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-option-0"));
    host.remove();
}

#[wasm_bindgen_test]
fn a_person_skips_corrects_a_number_gives_a_postal_code_and_ticks_boxes() {
    let (host, widget) = mount("fr");
    choose(&host, "home");
    assert_eq!(
        heading(&host),
        "Avez-vous assez à manger aujourd’hui\u{202f}?"
    );
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-question"));
    choose(&host, "yes");

    // A question one may leave unanswered.
    assert_eq!(question_id(&host).as_deref(), Some("danger_at_home"));
    assert_eq!(
        text(&host, "#passerelle-skip"),
        "Je préfère ne pas répondre"
    );
    click(&host, "#passerelle-skip");
    assert_eq!(question_id(&host).as_deref(), Some("child_in_danger"));
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-question"));
    click(&host, "#passerelle-skip");
    choose(&host, "no");

    // A number: wrong, then right.
    assert_eq!(question_id(&host).as_deref(), Some("age"));
    assert_eq!(text(&host, "h2.section"), "Votre situation");
    type_in(&host, "200");
    assert_eq!(
        error(&host).as_deref(),
        Some("Erreur\u{a0}: Écrivez un nombre entre 14 et 120 ans.")
    );
    let field = input(&host, "#passerelle-input");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        field.get_attribute("aria-describedby").as_deref(),
        Some("passerelle-help passerelle-error")
    );
    assert_eq!(field.value(), "200", "what was typed stays in the field");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-input"));
    type_in(&host, "22");

    // A postal code.
    assert_eq!(question_id(&host).as_deref(), Some("postal_code"));
    let field = input(&host, "#passerelle-input");
    assert_eq!(field.type_(), "text");
    for (name, value) in [
        ("inputmode", "numeric"),
        ("autocomplete", "postal-code"),
        ("maxlength", "5"),
        ("aria-labelledby", "passerelle-question"),
    ] {
        assert_eq!(field.get_attribute(name).as_deref(), Some(value), "{name}");
    }
    type_in(&host, "9320");
    assert_eq!(
        error(&host).as_deref(),
        Some("Erreur\u{a0}: Écrivez le code postal avec 5 chiffres, par exemple 93200.")
    );
    type_in(&host, "93200");
    choose(&host, "jobseeker");
    assert_eq!(question_id(&host).as_deref(), Some("registered_jobseeker"));
    choose(&host, "yes");
    // What the national orientation reads: work in the last 2 years.
    // Worked: what they want for work cannot change the pathway, so it
    // is not asked.
    assert_eq!(question_id(&host).as_deref(), Some("worked_last_24_months"));
    choose(&host, "yes");
    // Income from work, apart from the household's: a jobseeker earns
    // none this month.
    assert_eq!(question_id(&host).as_deref(), Some("work_income"));
    type_in(&host, "0");

    // A multiple choice: "None of these" unticks the others, and the
    // others untick it.
    assert_eq!(question_id(&host).as_deref(), Some("benefits"));
    assert_eq!(find_all(&host, "input[type=checkbox]").len(), 15);
    assert!(find(&host, "input[value=none][data-exclusive]").is_some());
    click(&host, "input[value=rsa]");
    click(&host, "input[value=are]");
    click(&host, "input[value=none]");
    assert!(!input(&host, "input[value=rsa]").checked());
    assert!(!input(&host, "input[value=are]").checked());
    click(&host, "input[value=rsa]");
    assert!(!input(&host, "input[value=none]").checked());
    // The session's check is the truth, whatever the form lets through.
    input(&host, "input[value=none]").set_checked(true);
    submit(&host);
    assert_eq!(
        error(&host).as_deref(),
        Some("Erreur\u{a0}: «\u{a0}Aucune de ces aides\u{a0}» ne va pas avec une autre réponse. Gardez l’un ou l’autre.")
    );
    assert!(
        input(&host, "input[value=rsa]").checked(),
        "the boxes stay as they were"
    );
    // The focus on the first box ticked: the RSA, after the ARE and the ASS.
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-option-2"));
    click(&host, "input[value=none]");
    submit(&host);
    assert_eq!(error(&host), None);
    assert_eq!(question_id(&host).as_deref(), Some("rqth"));

    let answers = to_json(&widget.answers().unwrap());
    assert_eq!(
        answers,
        json!({"sleep_tonight": "home", "food_today": true, "urgent_care": false, "age": 22,
               "postal_code": "93200", "employment_status": "jobseeker",
               "registered_jobseeker": true, "worked_last_24_months": true,
               "work_income": 0, "benefits": ["rsa"]})
    );
    // Back: the boxes ticked are shown again.
    click(&host, "#passerelle-back");
    assert_eq!(question_id(&host).as_deref(), Some("benefits"));
    assert!(input(&host, "input[value=rsa]").checked());
    assert!(!input(&host, "input[value=none]").checked());
    host.remove();
}

#[wasm_bindgen_test]
fn the_end_shows_urgent_contacts_then_needs_and_the_event_carries_the_diagnosis() {
    let (host, widget) = mount("fr");
    let completions = Completions::on(&host);
    let asked = answer_until(&host, &[("sleep_tonight", "street")], None);
    assert!(asked.len() > 10, "{asked:?}");

    assert_eq!(
        text(&host, "#passerelle-end"),
        "Merci, vous avez répondu à toutes les questions."
    );
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-end"));
    assert_eq!(text(&host, ".progress"), "");
    // Urgent alerts first, open, above the heading, with a number to call.
    let panel = find(&host, ".urgent-panel[open]").expect("the panel, open");
    let end = find(&host, "#passerelle-end").unwrap();
    assert!(is_before(&panel, &end), "the alerts come first");
    assert_eq!(
        text(&host, ".urgent-panel summary"),
        "Numéros d’urgence\u{a0}: 115"
    );
    assert_eq!(
        text(&host, ".alert-text"),
        "Vous n’avez pas d’endroit sûr pour dormir ce soir. Appelez le 115."
    );
    assert_eq!(text(&host, "a.call[href='tel:115']"), "Appeler le 115");
    assert_eq!(
        text(&host, ".contacts .about"),
        "115\u{a0}: hébergement d’urgence. Gratuit, jour et nuit."
    );
    // Then the needs found, with their priority.
    assert_eq!(text(&host, ".needs h3"), "Vos besoins");
    assert_eq!(
        text(&host, ".need .theme"),
        "Rechercher une solution d’hébergement temporaire"
    );
    assert_eq!(text(&host, ".need .priority"), "Priorité\u{a0}: urgente");
    // Then where the answers stay.
    assert_eq!(
        text(&host, ".passerelle .body > p.help"),
        "Vos réponses restent sur cet appareil. Rien n’est envoyé."
    );
    let order: Vec<String> = find_all(&host, "h2, h3, p.help")
        .iter()
        .map(|element| element.tag_name().to_lowercase())
        .collect();
    assert_eq!(order, ["h2", "h3", "p"]);

    let details = completions.details();
    assert_eq!(details.len(), 1);
    let detail = &details[0];
    assert_eq!(detail["questionnaire_id"], "passerelle-default");
    assert_eq!(detail["locale"], "fr");
    assert_eq!(detail["answers"]["sleep_tonight"], "street");
    let diagnosis = &detail["diagnosis"];
    assert_eq!(diagnosis["urgent"][0]["alert"], "shelter");
    assert_eq!(diagnosis["urgent"][0]["contacts"][0]["phone"], "115");
    assert_eq!(
        diagnosis["needs"][0]["theme"],
        "logement-hebergement--rechercher-une-solution-dhebergement-temporaire"
    );
    assert_eq!(diagnosis["needs"][0]["priority"], "urgent");
    assert!(
        diagnosis["needs"][0]
            .as_object()
            .unwrap()
            .contains_key("rank"),
        "a missing value is null, as in the core's JSON"
    );
    assert_eq!(diagnosis["needs"][0]["rank"], Value::Null);
    assert_eq!(diagnosis["facts"]["postal_code"], "93200");

    // In English.
    widget.set_locale(Some("en".into())).unwrap();
    assert_eq!(
        text(&host, ".alert-text"),
        "You have no safe place to sleep tonight. Call 115."
    );
    assert_eq!(text(&host, ".needs h3"), "Your needs");
    let shelter = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
    assert_eq!(
        text(&host, ".need .theme"),
        theme_labels::theme_label(shelter, Locale::En).unwrap()
    );
    assert_eq!(attribute(&host, ".need .theme", "lang"), None);

    // Back to the last question: its answer is shown again.
    click(&host, "#passerelle-back");
    let last = asked.last().unwrap();
    assert_eq!(question_id(&host).as_deref(), Some(last.as_str()));
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-question"));
    host.remove();
}

#[wasm_bindgen_test]
fn the_person_ranks_the_needs_found_and_a_rank_given_twice_is_refused() {
    let (host, _widget) = mount("fr");
    let completions = Completions::on(&host);
    answer_until(
        &host,
        &[
            ("sleep_tonight", "street"),
            ("food_today", "yes"),
            ("employment_status", "jobseeker"),
            ("job_difficulty", "a_lot"),
        ],
        Some("need_ranking"),
    );
    assert_eq!(text(&host, "h2.section"), "Vos priorités");
    // One list of ranks per need found, each labelled by the need.
    let themes: Vec<String> = find_all(&host, "select[name=rank]")
        .iter()
        .map(|select| select.get_attribute("data-theme").unwrap())
        .collect();
    let labels: Vec<String> = find_all(&host, ".rank label")
        .iter()
        .map(|label| label.text_content().unwrap_or_default())
        .collect();
    let count = themes.len();
    assert!(count >= 2, "{themes:?}");
    assert_eq!(
        labels[0],
        "Rechercher une solution d’hébergement temporaire"
    );
    let job = theme_labels::theme_label("trouver-un-emploi", Locale::Fr).unwrap();
    assert!(labels.iter().any(|label| label == job), "{labels:?}");
    let expected_options: Vec<String> = std::iter::once("Pas de rang".to_owned())
        .chain((1..=count).map(|n| n.to_string()))
        .collect();
    for i in 0..count {
        let id = format!("passerelle-rank-{i}");
        assert!(find(&host, &format!("label[for={id}]")).is_some());
        let options: Vec<String> = find_all(&host, &format!("#{id} option"))
            .iter()
            .map(|option| option.text_content().unwrap_or_default())
            .collect();
        assert_eq!(options, expected_options);
    }
    assert!(find(&host, "#passerelle-skip").is_some());

    // The first two needs both ranked first.
    rank(&host, &["1", "1"]);
    assert_eq!(
        error(&host).as_deref(),
        Some("Erreur\u{a0}: Deux besoins ont le même rang. Donnez un rang différent à chacun.")
    );
    for i in 0..count {
        let select = format!("#passerelle-rank-{i}");
        let invalid = attribute(&host, &select, "aria-invalid");
        assert_eq!(invalid.as_deref(), (i < 2).then_some("true"), "{select}");
        assert_eq!(
            attribute(&host, &select, "aria-describedby").as_deref(),
            Some("passerelle-help passerelle-error")
        );
    }
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-rank-0"));
    let kept: HtmlSelectElement = find(&host, "#passerelle-rank-1").unwrap().unchecked_into();
    assert_eq!(kept.value(), "1", "the ranks chosen stay");
    assert!(completions.details().is_empty());

    // Every need, in the reverse order of the list.
    let ranks: Vec<String> = (1..=count).rev().map(|n| n.to_string()).collect();
    rank(&host, &ranks.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(error(&host), None);
    assert_eq!(question_id(&host), None);
    let details = completions.details();
    let diagnosis = &details[0]["diagnosis"];
    // The needs on screen in the diagnosis's order.
    let on_screen: Vec<Value> = find_all(&host, ".need")
        .iter()
        .map(|need| json!(need.get_attribute("data-theme").unwrap()))
        .collect();
    let in_diagnosis: Vec<Value> = diagnosis["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|need| need["theme"].clone())
        .collect();
    assert_eq!(on_screen, in_diagnosis);
    assert_eq!(diagnosis["ranked_by_person"], true);
    let reversed: Vec<&String> = themes.iter().rev().collect();
    assert_eq!(details[0]["answers"]["need_ranking"], json!(reversed));
    // The only urgent need stays first; the others follow the person's order.
    assert_eq!(diagnosis["needs"][0]["theme"], json!(themes[0]));
    assert_eq!(diagnosis["needs"][0]["rank"], json!(count));
    assert_eq!(diagnosis["needs"][1]["rank"], 1);

    // Back: the ranks are shown again.
    click(&host, "#passerelle-back");
    let first: HtmlSelectElement = find(&host, "#passerelle-rank-0").unwrap().unchecked_into();
    assert_eq!(first.value(), count.to_string());
    host.remove();
}

#[wasm_bindgen_test]
fn switching_language_renders_again() {
    let (host, widget) = mount("fr");
    widget.set_locale(Some("en-GB".into())).unwrap();
    assert_eq!(heading(&host), "Where will you sleep tonight?");
    widget.set_locale(Some("xx".into())).unwrap();
    assert_eq!(heading(&host), "Où allez-vous dormir ce soir\u{202f}?");
    assert_eq!(active_id(&host), None, "no focus taken");
    host.remove();
}

#[wasm_bindgen_test]
fn freeing_the_widget_removes_its_listeners() {
    let (host, widget) = mount("fr");
    drop(widget);
    input(&host, "input[value=home]").set_checked(true);
    submit(&host);
    // Nothing reacts any more: still the first question.
    assert_eq!(question_id(&host).as_deref(), Some("sleep_tonight"));
    host.remove();
}

/// The key of the answers of the element `id` on the default
/// questionnaire: the questionnaire's id, then the element's.
fn answers_key(id: &str) -> String {
    format!("passerelle:diagnostic:passerelle-default:{id}")
}

#[wasm_bindgen_test]
fn with_persist_the_answers_come_back_and_forget_erases_them() {
    let key = &answers_key("kept");
    session_storage().remove_item(key).unwrap();
    let (host, widget) = mount("fr");
    assert!(
        find(&host, ".privacy").unwrap().has_attribute("hidden"),
        "nothing kept by default"
    );
    widget
        .set_persistence(Some("session".into()), Some("kept".into()))
        .unwrap();
    assert!(!find(&host, ".privacy").unwrap().has_attribute("hidden"));
    assert_eq!(
        text(&host, ".privacy p"),
        WidgetText::AnswersKeptInTab.text(Locale::Fr)
    );
    choose(&host, "home");
    assert_eq!(question_id(&host).as_deref(), Some("food_today"));
    assert!(session_storage().get_item(key).unwrap().is_some());

    // The same questionnaire on another visit takes the answers back.
    let (again, second) = mount("fr");
    second
        .set_persistence(Some("session".into()), Some("kept".into()))
        .unwrap();
    assert_eq!(question_id(&again).as_deref(), Some("food_today"));

    // "Erase my answers", confirmed: nothing left, back to the first question.
    click(&again, "#passerelle-forget");
    click(&again, "#passerelle-forget-confirm");
    assert_eq!(session_storage().get_item(key).unwrap(), None);
    assert_eq!(question_id(&again).as_deref(), Some("sleep_tonight"));
    assert_eq!(
        text(&again, ".privacy .notice"),
        WidgetText::AnswersForgotten.text(Locale::Fr)
    );
    // The first widget, told by its next step that the answers were
    // erased elsewhere, shows that instead of writing them back.
    choose(&host, "yes");
    assert_eq!(session_storage().get_item(key).unwrap(), None);
    assert_eq!(question_id(&host).as_deref(), Some("sleep_tonight"));
    assert_eq!(
        text(&host, ".privacy .notice"),
        WidgetText::AnswersErasedElsewhere.text(Locale::Fr)
    );
    // Turning persistence off (the attribute removed) erases too.
    choose(&again, "home");
    assert!(session_storage().get_item(key).unwrap().is_some());
    second.set_persistence(None, Some("kept".into())).unwrap();
    assert_eq!(session_storage().get_item(key).unwrap(), None);
    assert!(find(&again, ".privacy").unwrap().has_attribute("hidden"));
    assert_eq!(question_id(&again).as_deref(), Some("food_today"));
    widget.set_persistence(None, None).unwrap();
}

#[wasm_bindgen_test]
fn answers_kept_under_the_key_of_before_come_back_and_move_to_the_new_key() {
    let (key, before) = (&answers_key("moved"), "passerelle:diagnostic:moved");
    let storage = session_storage();
    storage.remove_item(key).unwrap();
    // Answers as the version before kept them: without the questionnaire.
    let (host, widget) = mount("fr");
    widget
        .set_persistence(Some("session".into()), Some("moved".into()))
        .unwrap();
    choose(&host, "home");
    let snapshot = storage.get_item(key).unwrap().unwrap();
    widget.set_persistence(None, None).unwrap();
    storage.remove_item(key).unwrap();
    storage.set_item(before, &snapshot).unwrap();

    let (again, second) = mount("fr");
    second
        .set_persistence(Some("session".into()), Some("moved".into()))
        .unwrap();
    assert_eq!(question_id(&again).as_deref(), Some("food_today"));
    assert_eq!(storage.get_item(key).unwrap(), Some(snapshot));
    assert_eq!(storage.get_item(before).unwrap(), None);
    second.set_persistence(None, None).unwrap();

    // Answers there on another questionnaire are left as they are.
    let other = r#"{"snapshot_version":1,"questionnaire_id":"another","reference_date":"2026-12-01","asked":[],"answers":{}}"#;
    storage.set_item(before, other).unwrap();
    let (third_host, third) = mount("fr");
    third
        .set_persistence(Some("session".into()), Some("moved".into()))
        .unwrap();
    assert_eq!(question_id(&third_host).as_deref(), Some("sleep_tonight"));
    assert!(find(&third_host, ".privacy .notice").is_none());
    assert_eq!(storage.get_item(before).unwrap().as_deref(), Some(other));
    third.set_persistence(None, None).unwrap();
    storage.remove_item(before).unwrap();
    for host in [host, again, third_host] {
        host.remove();
    }
}

#[wasm_bindgen_test]
fn persist_is_read_in_any_case_and_an_unknown_value_keeps_and_erases_nothing() {
    let key = &answers_key("cases");
    session_storage().remove_item(key).unwrap();
    let (host, widget) = mount("fr");
    widget
        .set_persistence(Some("\tSESSION ".into()), Some("cases".into()))
        .unwrap();
    choose(&host, "home");
    let kept = session_storage().get_item(key).unwrap().expect("kept");
    let refused = widget
        .set_persistence(Some("locale".into()), Some("cases".into()))
        .unwrap_err();
    assert_eq!(error_code(&refused), "bad_persist");
    assert_eq!(session_storage().get_item(key).unwrap(), Some(kept.clone()));
    assert!(find(&host, ".privacy").unwrap().has_attribute("hidden"));
    // Nothing written either, and leaving warns first.
    choose(&host, "yes");
    assert_eq!(session_storage().get_item(key).unwrap(), Some(kept));
    assert!(common::leaving_is_held_back());
    session_storage().remove_item(key).unwrap();
    drop(widget);
    host.remove();
}

#[wasm_bindgen_test]
fn answers_kept_that_cannot_be_read_stay_are_never_written_over_and_are_erased_only_on_purpose() {
    let key = &answers_key("broken");
    for (kept, told) in [
        (
            "{\"snapshot_version\": 1, \"questionnaire_id\"",
            WidgetText::KeptAnswersUnreadable,
        ),
        (
            r#"{"snapshot_version": 2, "questionnaire_id": "passerelle-default", "asked": []}"#,
            WidgetText::KeptAnswersTooNew,
        ),
    ] {
        session_storage().set_item(key, kept).unwrap();
        let (host, widget) = mount("en");
        widget
            .set_persistence(Some("session".into()), Some("broken".into()))
            .unwrap();
        assert_eq!(question_id(&host).as_deref(), Some("sleep_tonight"));
        assert_eq!(text(&host, ".privacy .notice"), told.text(Locale::En));
        choose(&host, "home");
        assert_eq!(
            session_storage().get_item(key).unwrap().as_deref(),
            Some(kept)
        );
        assert!(common::leaving_is_held_back(), "the new answer is not kept");
        // Erased on purpose: gone, and the next answers are kept.
        click(&host, "#passerelle-forget");
        click(&host, "#passerelle-forget-confirm");
        assert_eq!(session_storage().get_item(key).unwrap(), None);
        choose(&host, "home");
        assert!(session_storage().get_item(key).unwrap().is_some());
        widget.set_persistence(None, None).unwrap();
        session_storage().remove_item(key).unwrap();
        drop(widget);
        host.remove();
    }
}

/// A site's own questionnaire with every kind of question, shared with the
/// end-to-end tests.
const SITE_QUESTIONNAIRE: &str =
    include_str!("../../../tests/e2e/site/questionnaire-all-kinds.json");

fn error_code(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"code".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn a_site_gives_its_own_questionnaire_and_one_that_cannot_be_read_changes_nothing() {
    let (host, widget) = mount("fr");
    assert_eq!(
        text(&host, "h2.section"),
        "Pour commencer\u{a0}: votre sécurité aujourd’hui"
    );
    widget
        .set_questionnaire(JsValue::from_str(SITE_QUESTIONNAIRE))
        .unwrap();
    assert_eq!(text(&host, "h2.section"), "Aujourd’hui");
    assert_eq!(question_id(&host).as_deref(), Some("sleep_tonight"));
    assert_eq!(find_all(&host, "input[type=radio]").len(), 2);
    choose(&host, "street");
    assert_eq!(question_id(&host).as_deref(), Some("food_today"));

    // Not a questionnaire: the error names every problem with its code,
    // and the person stays where they were, with their answers.
    let refused = widget
        .set_questionnaire(JsValue::from_str(
            r#"{"format_version": 1, "id": "x", "locales": ["fr"], "sections": [
              {"id": "s", "title": {"fr": "S"}, "questions": [
                {"id": "q", "kind": {"type": "number", "min": 5, "max": 1}, "label": {"fr": "Q ?"}}]}]}"#,
        ))
        .unwrap_err();
    assert_eq!(error_code(&refused), "invalid_questionnaire");
    let details = js_sys::Reflect::get(&refused, &"details".into()).unwrap();
    let details = to_json(&details);
    assert_eq!(details[0]["path"], "$.sections[0].questions[0].kind");
    assert!(details[0]["code"]
        .as_str()
        .is_some_and(|code| !code.is_empty()));
    let unreadable = widget
        .set_questionnaire(JsValue::from_str("{\"format_version\": 1,"))
        .unwrap_err();
    assert_eq!(error_code(&unreadable), "invalid_questionnaire");
    assert_eq!(question_id(&host).as_deref(), Some("food_today"));
    assert_eq!(text(&host, "h2.section"), "Aujourd’hui");
    assert_eq!(
        to_json(&widget.answers().unwrap()),
        json!({"sleep_tonight": "street"})
    );

    // An object works as its JSON text; null goes back to the default.
    let object = js_sys::JSON::parse(SITE_QUESTIONNAIRE).unwrap();
    widget.set_questionnaire(object).unwrap();
    assert_eq!(question_id(&host).as_deref(), Some("sleep_tonight"));
    assert_eq!(to_json(&widget.answers().unwrap()), json!({}));
    widget.set_questionnaire(JsValue::NULL).unwrap();
    assert_eq!(
        text(&host, "h2.section"),
        "Pour commencer\u{a0}: votre sécurité aujourd’hui"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn answers_kept_on_a_sites_questionnaire_come_back_on_it() {
    let key = "passerelle:diagnostic:e2e-all-kinds:site";
    session_storage().remove_item(key).unwrap();
    let (host, widget) = mount("fr");
    widget
        .set_questionnaire(JsValue::from_str(SITE_QUESTIONNAIRE))
        .unwrap();
    widget
        .set_persistence(Some("session".into()), Some("site".into()))
        .unwrap();
    choose(&host, "home");
    assert_eq!(question_id(&host).as_deref(), Some("food_today"));

    // Next visit: the questionnaire first, as the element does, then the
    // answers kept are taken back on it.
    let (again, second) = mount("fr");
    second
        .set_questionnaire(JsValue::from_str(SITE_QUESTIONNAIRE))
        .unwrap();
    second
        .set_persistence(Some("session".into()), Some("site".into()))
        .unwrap();
    assert_eq!(question_id(&again).as_deref(), Some("food_today"));
    assert_eq!(text(&again, "h2.section"), "Aujourd’hui");

    // Another questionnaire given then (the default one, as when the
    // site's cannot be fetched): its own answers, under its own key; the
    // answers on the site's questionnaire stay, and come back with it.
    session_storage().remove_item(&answers_key("site")).unwrap();
    second.set_questionnaire(JsValue::NULL).unwrap();
    assert_eq!(question_id(&again).as_deref(), Some("sleep_tonight"));
    assert!(session_storage().get_item(key).unwrap().is_some());
    assert!(find(&again, ".privacy .notice").is_none());
    choose(&again, "hosted");
    assert!(session_storage()
        .get_item(&answers_key("site"))
        .unwrap()
        .is_some());
    second
        .set_questionnaire(JsValue::from_str(SITE_QUESTIONNAIRE))
        .unwrap();
    assert_eq!(question_id(&again).as_deref(), Some("food_today"));
    session_storage().remove_item(key).unwrap();
    session_storage().remove_item(&answers_key("site")).unwrap();
    host.remove();
    again.remove();
}

/// The commune parts this page can load: Corsica's Haute-Corse only, as
/// the shim would give them (at once, for the test); any other part is
/// missing.
fn serve_haute_corse() {
    const HAUTE_CORSE: &str = include_str!("../../passerelle-core/data/communes/2B.txt");
    let source = Closure::<dyn Fn(String) -> JsValue>::new(|department: String| {
        if department == "2B" {
            JsValue::from_str(HAUTE_CORSE)
        } else {
            JsValue::UNDEFINED
        }
    });
    passerelle_wasm::set_commune_source(
        source.as_ref().unchecked_ref::<js_sys::Function>().clone(),
    );
    source.forget();
}

#[wasm_bindgen_test]
fn a_postal_code_of_several_communes_asks_which_by_name_right_after_it() {
    serve_haute_corse();
    let (host, _widget) = mount("fr");
    let completions = Completions::on(&host);
    let asked = answer_until(&host, &[("postal_code", "20200")], Some("commune"));
    assert_eq!(asked.last().map(String::as_str), Some("postal_code"));
    assert_eq!(question_id(&host).as_deref(), Some("commune"));
    assert_eq!(heading(&host), "Dans quelle commune vivez-vous\u{202f}?");
    let labels: Vec<String> = find_all(&host, "label")
        .iter()
        .filter_map(|label| label.text_content())
        .collect();
    assert_eq!(
        labels,
        [
            "Bastia",
            "San-Martino-di-Lota",
            "Santa-Maria-di-Lota",
            "Ville-di-Pietrabugno"
        ],
        "the communes of 20200 by name, never their codes"
    );
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-question"));
    input(&host, r#"input[value="2B305"]"#).set_checked(true);
    submit(&host);
    assert_eq!(error(&host), None);
    assert_ne!(question_id(&host).as_deref(), Some("commune"));
    answer_until(&host, &[], None);
    let details = completions.details();
    let facts = &details[0]["diagnosis"]["facts"];
    assert_eq!(facts["commune"], "2B305");
    assert_eq!(facts["department"], "2B");
}

#[wasm_bindgen_test]
fn without_its_commune_part_the_commune_question_is_left_out() {
    serve_haute_corse();
    let (host, _widget) = mount("fr");
    // 01000 serves Bourg-en-Bresse and Saint-Denis-lès-Bourg, but the part
    // of the Ain cannot be loaded here.
    answer_until(
        &host,
        &[("postal_code", "01000")],
        Some("employment_status"),
    );
    assert_eq!(question_id(&host).as_deref(), Some("employment_status"));
    assert_eq!(error(&host), None);
}

/// The calm answers to the five first questions; each case changes one.
const CALM: [(&str, &str); 5] = [
    ("sleep_tonight", "home"),
    ("food_today", "yes"),
    ("danger_at_home", "no"),
    ("child_in_danger", "no"),
    ("urgent_care", "no"),
];

#[wasm_bindgen_test]
fn each_urgent_answer_shows_its_contacts_above_the_very_next_question() {
    // (question, answer, alert, the call buttons' addresses)
    let cases: [(&str, &str, &str, &[&str]); 6] = [
        ("sleep_tonight", "street", "shelter", &["tel:115"]),
        ("sleep_tonight", "dont_know", "shelter", &["tel:115"]),
        ("food_today", "no", "food", &["tel:115"]),
        (
            "danger_at_home",
            "yes",
            "violence",
            &["tel:3919", "tel:17", "tel:112", "sms:114"],
        ),
        ("child_in_danger", "yes", "child_in_danger", &["tel:119"]),
        (
            "urgent_care",
            "yes",
            "medical_emergency",
            &["tel:15", "tel:112"],
        ),
    ];
    for (question, answer, alert, calls) in cases {
        let (host, _widget) = mount("fr");
        for (id, calm) in CALM {
            assert_eq!(question_id(&host).as_deref(), Some(id));
            if id != question {
                choose(&host, calm);
                assert!(find(&host, ".urgent-panel").is_none(), "after {id}");
                continue;
            }
            choose(&host, answer);
            // The next question is on screen, and above it the alert,
            // open, announced once, with a call button per number.
            let next = question_id(&host).expect("a next question");
            assert_ne!(next, question);
            let block = find(
                &host,
                &format!(".urgent-panel[open] .alert[data-alert={alert}]"),
            )
            .unwrap_or_else(|| panic!("{question} = {answer}: no open panel"));
            assert!(is_before(&block, &find(&host, "form").unwrap()));
            assert_eq!(block.get_attribute("role").as_deref(), Some("alert"));
            let hrefs: Vec<String> = find_all(&host, ".urgent-panel a.call")
                .iter()
                .filter_map(|call| call.get_attribute("href"))
                .collect();
            assert_eq!(hrefs, calls, "{question} = {answer}");
            for about in find_all(&host, ".urgent-panel .about") {
                let words = about.text_content().unwrap_or_default();
                // The town hall's social centre is open at its hours;
                // every number, day and night.
                let line = if words.contains("CCAS") {
                    "Gratuit, aux heures d’ouverture."
                } else {
                    "Gratuit, jour et nuit."
                };
                assert!(words.ends_with(line), "{words}");
            }
            // The focus is on the new question, which says so.
            assert_eq!(active_id(&host).as_deref(), Some("passerelle-question"));
            break;
        }
        host.remove();
    }
}

#[wasm_bindgen_test]
fn the_alert_stays_folded_on_every_later_question_and_is_announced_once() {
    let (host, _widget) = mount("fr");
    choose(&host, "street");
    assert!(find(&host, ".alert[role=alert]").is_some());
    // A refused answer draws the question again: not announced again.
    submit(&host);
    assert!(error(&host).is_some());
    assert!(find(&host, ".alert[role=alert]").is_none(), "heard once");
    choose(&host, "yes");
    // On each later question: folded, its summary naming the number,
    // never gone, not announced again.
    while let Some(id) = question_id(&host) {
        assert!(find(&host, ".urgent-panel:not([open])").is_some(), "{id}");
        assert_eq!(
            text(&host, ".urgent-panel summary"),
            "Numéros d’urgence\u{a0}: 115"
        );
        assert!(find(&host, ".alert[role=alert]").is_none(), "{id}");
        answer_current(&host, &[]);
    }
    // At the end: open again, first.
    assert!(find(&host, ".urgent-panel[open] .alert[data-alert=shelter]").is_some());
    host.remove();
}

#[wasm_bindgen_test]
fn the_quick_exit_shows_from_the_danger_question_and_leads_where_the_host_says() {
    let (host, widget) = mount("fr");
    choose(&host, "home");
    choose(&host, "yes");
    // On the danger question itself, before any answer.
    assert_eq!(question_id(&host).as_deref(), Some("danger_at_home"));
    assert_eq!(text(&host, "#passerelle-quick-exit"), "Quitter rapidement");
    assert_eq!(
        attribute(&host, "#passerelle-quick-exit", "href").as_deref(),
        Some("https://www.google.fr/")
    );
    assert_eq!(
        text(&host, "#passerelle-quick-exit-help"),
        "Ouvre tout de suite un autre site et efface vos réponses de cet appareil."
    );
    let bar = find(&host, ".quick-exit-bar").unwrap();
    assert!(is_before(&bar, &find(&host, "form").unwrap()));
    // The host's own neutral page, resolved against the page.
    widget
        .set_quick_exit_url(Some("/meteo.html".into()))
        .unwrap();
    let href = attribute(&host, "#passerelle-quick-exit", "href").unwrap();
    assert!(
        href.starts_with("http") && href.ends_with("/meteo.html"),
        "{href}"
    );
    let refused = widget
        .set_quick_exit_url(Some("javascript:alert(1)".into()))
        .unwrap_err();
    assert_eq!(
        to_json(&js_sys::Reflect::get(&refused, &"code".into()).unwrap()),
        "invalid_argument"
    );
    assert!(attribute(&host, "#passerelle-quick-exit", "href")
        .unwrap()
        .ends_with("/meteo.html"));
    // Violence said: on every later question.
    choose(&host, "yes");
    while let Some(id) = question_id(&host) {
        assert!(find(&host, "#passerelle-quick-exit").is_some(), "{id}");
        answer_current(&host, &[]);
    }
    assert!(
        find(&host, "#passerelle-quick-exit").is_some(),
        "at the end"
    );
    host.remove();

    // No danger said: gone after the danger questions.
    let (host, _widget) = mount("fr");
    for (_, calm) in CALM {
        choose(&host, calm);
    }
    assert!(find(&host, "#passerelle-quick-exit").is_none());
    host.remove();
}

#[wasm_bindgen_test]
fn without_persist_leaving_with_answers_warns_first_and_only_then() {
    let (host, widget) = mount("fr");
    assert!(!common::leaving_is_held_back(), "nothing to lose yet");
    choose(&host, "home");
    assert!(common::leaving_is_held_back(), "an answer would be lost");
    // Kept on the device: nothing to lose.
    let key = &answers_key("guarded");
    widget
        .set_persistence(Some("session".into()), Some("guarded".into()))
        .unwrap();
    assert!(!common::leaving_is_held_back(), "kept in the tab");
    widget
        .set_persistence(None, Some("guarded".into()))
        .unwrap();
    assert_eq!(session_storage().get_item(key).unwrap(), None);
    assert!(common::leaving_is_held_back(), "not kept any more");
    // Gone with the widget.
    drop(widget);
    assert!(!common::leaving_is_held_back(), "the widget is freed");
    host.remove();
}

#[wasm_bindgen_test]
fn erasing_the_answers_asks_first_and_says_what_goes() {
    let key = &answers_key("erase");
    let (host, widget) = mount("fr");
    widget
        .set_persistence(Some("session".into()), Some("erase".into()))
        .unwrap();
    choose(&host, "home");
    assert!(session_storage().get_item(key).unwrap().is_some());
    // Apart from the question's buttons.
    let privacy = find(&host, ".privacy").unwrap();
    assert!(!privacy.contains(Some(&find(&host, "form").unwrap())));
    assert!(find(&host, "#passerelle-forget-ask")
        .unwrap()
        .has_attribute("hidden"));
    click(&host, "#passerelle-forget");
    // Nothing erased yet: the question, what goes, focused.
    assert!(session_storage().get_item(key).unwrap().is_some());
    assert!(!find(&host, "#passerelle-forget-ask")
        .unwrap()
        .has_attribute("hidden"));
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-forget-what"));
    assert_eq!(
        text(&host, "#passerelle-forget-what"),
        WidgetText::ForgetAnswersWhat.text(Locale::Fr)
    );
    assert_eq!(
        attribute(&host, "#passerelle-forget", "aria-expanded").as_deref(),
        Some("true")
    );
    // "No, keep": all stays, the focus back.
    click(&host, "#passerelle-forget-cancel");
    assert!(find(&host, "#passerelle-forget-ask")
        .unwrap()
        .has_attribute("hidden"));
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-forget"));
    assert_eq!(question_id(&host).as_deref(), Some("food_today"));
    assert!(session_storage().get_item(key).unwrap().is_some());
    // "Yes, erase": gone, back to the first question.
    click(&host, "#passerelle-forget");
    click(&host, "#passerelle-forget-confirm");
    assert_eq!(session_storage().get_item(key).unwrap(), None);
    assert_eq!(question_id(&host).as_deref(), Some("sleep_tonight"));
    widget.set_persistence(None, None).unwrap();
    host.remove();
}
