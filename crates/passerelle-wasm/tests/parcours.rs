//! Browser tests of `<passerelle-parcours>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`). The
//! widgets inside are the JavaScript shims' elements, not defined here:
//! these tests check the steps and what the parcours hands on.
#![cfg(target_arch = "wasm32")]

use passerelle_core::Locale;
use passerelle_wasm::WidgetText;
use passerelle_wasm::{OrientationWidget, ParcoursWidget, PlanWidget};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, find_all, js, root, send, text};

fn mount() -> (HtmlElement, ParcoursWidget) {
    let host = common::host();
    host.set_attribute("questionnaire-src", "site-questions.json")
        .unwrap();
    host.set_attribute("quick-exit-url", "https://meteo.example/")
        .unwrap();
    let widget = ParcoursWidget::new(
        host.clone(),
        Some("fr".into()),
        Some("local.json".into()),
        Some("session".into()),
    )
    .unwrap();
    (host, widget)
}

fn visible_panels(host: &HtmlElement) -> Vec<String> {
    let nodes = root(host).query_selector_all("section.panel").unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
        .filter(|panel| !panel.has_attribute("hidden"))
        .map(|panel| panel.id())
        .collect()
}

fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

#[wasm_bindgen_test]
fn the_parcours_id_names_what_each_step_keeps() {
    // Without an id, the steps keep under `default`, as elements without one.
    let (host, _widget) = mount();
    assert_eq!(
        find(&host, "passerelle-diagnostic").get_attribute("id"),
        None
    );
    host.remove();
    let host = common::host();
    host.set_id("alice");
    let _widget = ParcoursWidget::new(host.clone(), None, None, Some("local".into())).unwrap();
    for (tag, id) in [
        ("passerelle-diagnostic", "alice-diagnostic"),
        ("passerelle-orientation", "alice-orientation"),
        ("passerelle-plan", "alice-plan"),
    ] {
        assert_eq!(find(&host, tag).id(), id);
    }
    host.remove();
}

#[wasm_bindgen_test]
fn the_steps_open_in_turn_and_the_diagnosis_is_handed_on() {
    let (host, widget) = mount();
    assert_eq!(visible_panels(&host), ["passerelle-step-0"]);
    assert_eq!(
        find(&host, "li[aria-current=step]").text_content().unwrap(),
        WidgetText::ParcoursStep(0).text(Locale::Fr)
    );
    assert_eq!(
        find(&host, ".progress").text_content().unwrap(),
        WidgetText::ParcoursProgress {
            current: 1,
            total: 3
        }
        .text(Locale::Fr)
    );
    // Each widget is inside; the local catalogue goes to the last two.
    let diagnostic = find(&host, "passerelle-diagnostic");
    let orientation = find(&host, "passerelle-orientation");
    let plan = find(&host, "passerelle-plan");
    assert_eq!(diagnostic.get_attribute("catalog-src"), None);
    assert_eq!(
        diagnostic.get_attribute("persist").as_deref(),
        Some("session")
    );
    assert_eq!(
        plan.get_attribute("persist").as_deref(),
        Some("session"),
        "the plan is kept as the answers are"
    );
    assert_eq!(
        diagnostic.get_attribute("questionnaire-src").as_deref(),
        Some("site-questions.json")
    );
    assert_eq!(orientation.get_attribute("persist"), None);
    // Where the quick exit leads, on every step; changed on all three.
    for child in [&diagnostic, &orientation, &plan] {
        assert_eq!(
            child.get_attribute("quick-exit-url").as_deref(),
            Some("https://meteo.example/")
        );
    }
    widget
        .set_quick_exit_url(Some("https://neutre.example/".into()))
        .unwrap();
    for child in [&diagnostic, &orientation, &plan] {
        assert_eq!(
            child.get_attribute("quick-exit-url").as_deref(),
            Some("https://neutre.example/")
        );
    }
    assert_eq!(
        orientation.get_attribute("catalog-src").as_deref(),
        Some("local.json")
    );
    assert_eq!(plan.get_attribute("lang").as_deref(), Some("fr"));
    // Nothing to move on to before the questionnaire is complete.
    assert!(find(&host, "button.next[data-go='1']").has_attribute("hidden"));

    // The questionnaire completes: its event carries the diagnosis.
    let detail = js_sys::Object::new();
    let diagnosis = js_sys::Object::new();
    js_sys::Reflect::set(&diagnosis, &"needs".into(), &js_sys::Array::new()).unwrap();
    js_sys::Reflect::set(&detail, &"diagnosis".into(), &diagnosis).unwrap();
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let event =
        web_sys::CustomEvent::new_with_event_init_dict("passerelle:diagnosis-complete", &init)
            .unwrap();
    diagnostic.dispatch_event(&event).unwrap();
    for child in [&orientation, &plan] {
        let given = js_sys::Reflect::get(child, &"diagnosis".into()).unwrap();
        assert!(
            given == JsValue::from(diagnosis.clone()),
            "the diagnosis is handed on"
        );
    }
    assert_eq!(
        visible_panels(&host),
        ["passerelle-step-0"],
        "the person moves on"
    );
    let next = find(&host, "button.next[data-go='1']");
    assert!(!next.has_attribute("hidden"));
    assert_eq!(
        next.text_content().unwrap(),
        WidgetText::GoToOrientation.text(Locale::Fr)
    );

    click(&next);
    assert_eq!(visible_panels(&host), ["passerelle-step-1"]);
    assert_eq!(widget.step().unwrap(), 1);
    assert_eq!(
        root(&host).active_element().map(|e| e.id()).as_deref(),
        Some("passerelle-step-title-1")
    );
    click(&find(&host, "button.next[data-go='2']"));
    assert_eq!(visible_panels(&host), ["passerelle-step-2"]);
    // Back to the questions from the list of steps.
    click(&find(&host, "li button[data-go='0']"));
    assert_eq!(visible_panels(&host), ["passerelle-step-0"]);

    widget.set_locale(Some("en".into())).unwrap();
    assert_eq!(plan.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        find(&host, "li[aria-current=step]").text_content().unwrap(),
        WidgetText::ParcoursStep(0).text(Locale::En)
    );
}

/// A diagnosis with the alerts of a person sleeping in the street who is
/// in danger at home.
fn diagnosis_with_alerts() -> JsValue {
    let shelter = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
    js(&json!({
        "questionnaire_id": "passerelle-default",
        "reference_date": "2026-11-27",
        "facts": {"age": 30, "postal_code": "93200", "housing": "homeless"},
        "urgent": [
            {"alert": "shelter", "raised_by": [{"question": "sleep_tonight", "answer": "street"}]},
            {"alert": "violence", "raised_by": [{"question": "danger_at_home", "answer": true}]}
        ],
        "needs": [{"theme": shelter, "label": "Hébergement", "priority": "urgent", "rank": null,
                   "raised_by": [{"question": "sleep_tonight", "answer": "street"}]}],
        "ranked_by_person": false
    }))
}

/// The call buttons' addresses in a widget's panel.
fn calls(host: &HtmlElement) -> Vec<String> {
    find_all(host, ".urgent-panel a.call")
        .iter()
        .filter_map(|call| call.get_attribute("href"))
        .collect()
}

#[wasm_bindgen_test]
fn the_alerts_stay_in_reach_on_the_orientation_and_the_plan_with_the_quick_exit() {
    let numbers = ["tel:115", "tel:3919", "tel:17", "tel:112", "sms:114"];
    // The orientation: the panel first, open.
    let host = common::host();
    let orientation = OrientationWidget::new(host.clone(), Some("fr".into())).unwrap();
    orientation.set_diagnosis(diagnosis_with_alerts()).unwrap();
    assert_eq!(calls(&host), numbers);
    assert!(find_all(&host, ".urgent-panel[open]").len() == 1);
    let panel = find(&host, ".urgent-panel");
    let first_need = find(&host, "section.need");
    assert!(
        panel.compare_document_position(&first_need) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
            != 0,
        "the alerts before the needs"
    );
    assert_eq!(
        find(&host, "#passerelle-quick-exit")
            .get_attribute("href")
            .as_deref(),
        Some("https://www.google.fr/")
    );
    orientation
        .set_quick_exit_url(Some("https://meteo.example/".into()))
        .unwrap();
    assert_eq!(
        find(&host, "#passerelle-quick-exit")
            .get_attribute("href")
            .as_deref(),
        Some("https://meteo.example/")
    );
    host.remove();

    // The plan: folded, its summary naming the numbers, before and after
    // it is built; the plan keeps the alerts.
    let host = common::host();
    let plan = PlanWidget::new(host.clone(), Some("fr".into())).unwrap();
    plan.set_diagnosis(diagnosis_with_alerts()).unwrap();
    assert_eq!(calls(&host), numbers);
    assert!(find_all(&host, ".urgent-panel[open]").is_empty(), "folded");
    assert_eq!(
        text(&find(&host, ".urgent-panel summary")),
        "Numéros d’urgence\u{a0}: 115, 3919, 17, 112, 114"
    );
    assert!(!find_all(&host, "#passerelle-quick-exit").is_empty());
    send(&find(&host, "#passerelle-build"), "submit");
    let value = common::to_json(&plan.plan().unwrap());
    assert_eq!(value["urgent"], json!(["shelter", "violence"]));
    assert_eq!(calls(&host), numbers);
    assert!(!find_all(&host, "#passerelle-quick-exit").is_empty());
    host.remove();
}

#[wasm_bindgen_test]
fn a_plan_not_kept_warns_before_the_page_is_left() {
    let host = common::host();
    let plan = PlanWidget::new(host.clone(), Some("fr".into())).unwrap();
    plan.set_diagnosis(diagnosis_with_alerts()).unwrap();
    assert!(!common::leaving_is_held_back(), "no plan yet");
    send(&find(&host, "#passerelle-build"), "submit");
    assert!(common::leaving_is_held_back(), "a plan that would be lost");
    plan.set_persistence(Some("session".into()), Some("guard".into()))
        .unwrap();
    assert!(!common::leaving_is_held_back(), "kept in the tab");
    plan.set_persistence(None, Some("guard".into())).unwrap();
    assert!(common::leaving_is_held_back());
    drop(plan);
    assert!(!common::leaving_is_held_back(), "the widget is freed");
    host.remove();
}
