//! Browser tests of `<passerelle-parcours>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`). The
//! widgets inside are the JavaScript shims' elements, not defined here:
//! these tests check the steps and what the parcours hands on.
#![cfg(target_arch = "wasm32")]

use passerelle_core::{Locale, Message};
use passerelle_wasm::ParcoursWidget;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, root};

fn mount() -> (HtmlElement, ParcoursWidget) {
    let host = common::host();
    host.set_attribute("questionnaire-src", "site-questions.json")
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
fn the_steps_open_in_turn_and_the_diagnosis_is_handed_on() {
    let (host, widget) = mount();
    assert_eq!(visible_panels(&host), ["passerelle-step-0"]);
    assert_eq!(
        find(&host, "li[aria-current=step]").text_content().unwrap(),
        Message::ParcoursStep(0).text(Locale::Fr)
    );
    assert_eq!(
        find(&host, ".progress").text_content().unwrap(),
        Message::ParcoursProgress {
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
        Message::GoToOrientation.text(Locale::Fr)
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
        Message::ParcoursStep(0).text(Locale::En)
    );
}
