//! Browser tests of `<passerelle-plan>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use passerelle_core::{Locale, Message};
use passerelle_wasm::PlanWidget;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, find_all, root, send, text, to_json, Events};

const JOB: &str = "trouver-un-emploi";
const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";

/// A diagnosis result: a jobseeker of 23 with nowhere to sleep tonight.
fn diagnosis() -> JsValue {
    let need = |theme: &str, priority: &str| {
        json!({"theme": theme, "label": theme, "priority": priority, "rank": null,
               "raised_by": []})
    };
    let value = json!({
        "questionnaire_id": "passerelle-default",
        "reference_date": "2026-11-27",
        "facts": {"age": 23, "postal_code": "93200", "employment_status": "jobseeker"},
        "urgent": [],
        "needs": [need(SHELTER, "urgent"), need(JOB, "high")],
        "ranked_by_person": false
    });
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

fn mount() -> (HtmlElement, PlanWidget) {
    let host = common::host();
    let widget = PlanWidget::new(host.clone(), Some("fr".into())).unwrap();
    (host, widget)
}

fn active_id(host: &HtmlElement) -> Option<String> {
    root(host).active_element().map(|element| element.id())
}

/// Sends `kind` from `element`, bubbling, as the browser does.

#[wasm_bindgen_test]
fn the_person_chooses_needs_and_pace_then_follows_the_plan_and_reviews_it() {
    let (host, widget) = mount();
    let changes = Events::on(&host, "passerelle:plan-change");
    assert_eq!(
        text(&find(&host, ".help")),
        Message::PlanWaiting.text(Locale::Fr)
    );
    assert!(widget.plan().unwrap().is_null());
    widget.set_diagnosis(diagnosis()).unwrap();

    // Every need ticked at first; none ticked is refused, tied to the list.
    let boxes: Vec<HtmlInputElement> = find_all(&host, "#passerelle-needs input")
        .into_iter()
        .map(|e| e.unchecked_into())
        .collect();
    assert_eq!(boxes.len(), 2);
    assert!(boxes.iter().all(HtmlInputElement::checked));
    for input in &boxes {
        input.set_checked(false);
    }
    send(&find(&host, "#passerelle-build"), "submit");
    let error = find(&host, "#passerelle-plan-error");
    assert_eq!(
        text(&error),
        format!(
            "{}{}",
            Message::ErrorPrefix.text(Locale::Fr),
            Message::ChooseAtLeastOneNeed.text(Locale::Fr)
        )
    );
    let needs = find(&host, "#passerelle-needs");
    assert_eq!(
        needs.get_attribute("aria-describedby").as_deref(),
        Some("passerelle-plan-error")
    );
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-needs"));
    assert!(changes.details().is_empty());

    // The job only, three steps a week.
    let job: HtmlInputElement = find(&host, &format!("#passerelle-need-{JOB}")).unchecked_into();
    job.set_checked(true);
    let pace: HtmlSelectElement = find(&host, "#passerelle-pace").unchecked_into();
    pace.set_value("3");
    send(&find(&host, "#passerelle-build"), "submit");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-plan-title"));
    let objectives = find_all(&host, "section.objective");
    assert_eq!(objectives.len(), 1);
    let details = changes.details();
    assert_eq!(details.len(), 1);
    let plan = &details[0]["plan"];
    assert_eq!(plan["schedule"]["steps_per_week"], 3);
    assert_eq!(plan["objectives"][0]["theme"], JOB);
    assert_eq!(to_json(&widget.plan().unwrap()), *plan);

    // An action done: the select keeps the focus, the plan records it.
    let action = find_all(&host, "li.action")[0]
        .get_attribute("data-action")
        .unwrap();
    let select: HtmlSelectElement =
        find(&host, &format!("#passerelle-status-{action}")).unchecked_into();
    select.focus().unwrap();
    select.set_value("done");
    send(&select, "change");
    assert_eq!(
        active_id(&host),
        Some(format!("passerelle-status-{action}"))
    );
    let done = find(&host, &format!("li.action[data-action={action}]"));
    assert_eq!(done.get_attribute("data-status").as_deref(), Some("done"));
    let last = changes.details().pop().unwrap();
    let history = last["plan"]["history"].as_array().unwrap();
    assert_eq!(history.last().unwrap()["edit"]["op"], "set_status");
    assert_eq!(history.last().unwrap()["by"], "person");

    // The action changed: an empty title is refused, tied to its field.
    let title: HtmlInputElement =
        find(&host, &format!("#passerelle-title-{action}")).unchecked_into();
    title.set_value("  ");
    send(
        &find(&host, &format!("form[data-action={action}]")),
        "submit",
    );
    let title = find(&host, &format!("#passerelle-title-{action}"));
    assert_eq!(
        title.get_attribute("aria-describedby").as_deref(),
        Some("passerelle-plan-error")
    );
    assert_eq!(active_id(&host), Some(format!("passerelle-title-{action}")));
    let title: HtmlInputElement = title.unchecked_into();
    title.set_value("Appeler la Mission locale de Saint-Denis");
    let due: HtmlInputElement = find(&host, &format!("#passerelle-due-{action}")).unchecked_into();
    due.set_value("2026-12-15");
    send(
        &find(&host, &format!("form[data-action={action}]")),
        "submit",
    );
    assert_eq!(
        active_id(&host),
        Some(format!("passerelle-change-{action}"))
    );
    let last = changes.details().pop().unwrap();
    let changed = last["plan"]["objectives"][0]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == action.as_str())
        .unwrap()
        .clone();
    assert_eq!(changed["title"], "Appeler la Mission locale de Saint-Denis");
    assert_eq!(changed["due"], "2026-12-15");
    assert_eq!(
        changed["status"], "done",
        "the status changes only by its list"
    );

    // A review point.
    let done_text: web_sys::HtmlTextAreaElement =
        find(&host, "#passerelle-review-done").unchecked_into();
    done_text.set_value("J'ai appelé la Mission locale.");
    send(&find(&host, "form.review"), "submit");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-review-saved"));
    let last = changes.details().pop().unwrap();
    assert_eq!(
        last["plan"]["reviews"][0]["done"],
        "J'ai appelé la Mission locale."
    );

    // The print view and the file are made in the page, as blob: links.
    let links: Vec<String> = find_all(&host, ".files a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(links.len(), 2);
    assert!(
        links.iter().all(|href| href.starts_with("blob:")),
        "{links:?}"
    );
    assert!(find(&host, "#passerelle-save")
        .get_attribute("download")
        .unwrap()
        .ends_with(".json"));

    // A referral sheet for a partner of the plan, once the person agrees.
    let partner: HtmlSelectElement = find(&host, "#passerelle-referral-partner").unchecked_into();
    let entry = partner.value();
    assert!(!entry.is_empty());
    send(&find(&host, "form.referral"), "submit");
    assert_eq!(
        active_id(&host).as_deref(),
        Some("passerelle-referral-consent")
    );
    assert_eq!(
        find(&host, "#passerelle-referral-consent")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("passerelle-plan-error")
    );
    let consent: HtmlInputElement = find(&host, "#passerelle-referral-consent").unchecked_into();
    consent.set_checked(true);
    send(&find(&host, "form.referral"), "submit");
    let open = find(&host, "#passerelle-referral-open");
    assert!(open.get_attribute("href").unwrap().starts_with("blob:"));
    assert_eq!(
        active_id(&host).as_deref(),
        Some("passerelle-referral-open")
    );
    let last = changes.details().pop().unwrap();
    assert_eq!(last["plan"]["consents"][0]["entry"], entry.as_str());

    // Build again: asked first, and keeping the plan keeps it.
    send(&find(&host, "#passerelle-rebuild"), "click");
    assert_eq!(
        active_id(&host).as_deref(),
        Some("passerelle-rebuild-warning")
    );
    send(&find(&host, "#passerelle-rebuild-cancel"), "click");
    assert!(!widget.plan().unwrap().is_null());
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-rebuild"));
    send(&find(&host, "#passerelle-rebuild"), "click");
    send(&find(&host, "#passerelle-rebuild-confirm"), "click");
    assert_eq!(find_all(&host, "#passerelle-build").len(), 1);
    assert!(widget.plan().unwrap().is_null());
}

#[wasm_bindgen_test]
fn a_new_diagnosis_drops_the_plan_and_a_wrong_one_is_refused() {
    let (host, widget) = mount();
    widget.set_diagnosis(diagnosis()).unwrap();
    send(&find(&host, "#passerelle-build"), "submit");
    assert!(!widget.plan().unwrap().is_null());
    // The same diagnosis again keeps the plan.
    widget.set_diagnosis(diagnosis()).unwrap();
    assert!(!widget.plan().unwrap().is_null());
    let error = widget.set_diagnosis(JsValue::from_str("[]")).unwrap_err();
    assert_eq!(
        js_sys::Reflect::get(&error, &"code".into()).unwrap(),
        "invalid_argument"
    );
    widget.set_diagnosis(JsValue::NULL).unwrap();
    assert!(widget.plan().unwrap().is_null());
    assert_eq!(
        text(&find(&host, ".help")),
        Message::PlanWaiting.text(Locale::Fr)
    );
}

#[wasm_bindgen_test]
fn the_person_puts_the_needs_in_their_own_order_urgent_ones_first_still() {
    const MONEY: &str = "difficultes-financieres";
    let (host, widget) = mount();
    let need = |theme: &str, priority: &str| {
        json!({"theme": theme, "label": theme, "priority": priority, "rank": null,
               "raised_by": []})
    };
    let value = json!({
        "questionnaire_id": "passerelle-default", "reference_date": "2026-11-27",
        "facts": {"age": 40, "postal_code": "93200"}, "urgent": [],
        "needs": [need(SHELTER, "urgent"), need(JOB, "high"), need(MONEY, "normal")],
        "ranked_by_person": false
    });
    widget
        .set_diagnosis(js_sys::JSON::parse(&value.to_string()).unwrap())
        .unwrap();
    let order = || -> Vec<String> {
        find_all(&host, "#passerelle-needs input[type=checkbox]")
            .iter()
            .map(|input| input.get_attribute("value").unwrap())
            .collect()
    };
    assert_eq!(order(), [SHELTER, JOB, MONEY]);
    // The first has no "up", the last no "down"; each names its need.
    assert!(find_all(&host, &format!("#passerelle-up-{SHELTER}")).is_empty());
    let up = find(&host, &format!("#passerelle-up-{MONEY}"));
    assert!(up
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Monter : "));

    // Money up twice: first. The focus follows the control.
    send(&up, "click");
    assert_eq!(order(), [SHELTER, MONEY, JOB]);
    assert_eq!(active_id(&host), Some(format!("passerelle-up-{MONEY}")));
    send(&find(&host, &format!("#passerelle-up-{MONEY}")), "click");
    assert_eq!(order(), [MONEY, SHELTER, JOB]);
    assert_eq!(active_id(&host), Some(format!("passerelle-down-{MONEY}")));

    // A box unticked stays unticked when the order changes.
    let job: HtmlInputElement = find(&host, &format!("#passerelle-need-{JOB}")).unchecked_into();
    job.set_checked(false);
    send(&find(&host, &format!("#passerelle-up-{JOB}")), "click");
    let job: HtmlInputElement = find(&host, &format!("#passerelle-need-{JOB}")).unchecked_into();
    assert!(!job.checked());

    // Built: the urgent need first whatever the order, then the person's.
    send(&find(&host, "#passerelle-build"), "submit");
    let plan = to_json(&widget.plan().unwrap());
    let themes: Vec<_> = plan["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|objective| objective["theme"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(themes, [SHELTER, MONEY]);
}
