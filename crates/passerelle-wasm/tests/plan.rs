//! Browser tests of `<passerelle-plan>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use passerelle_core::Locale;
use passerelle_wasm::PlanWidget;
use passerelle_wasm::WidgetText;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, find_all, root, send, session_storage, text, to_json, Events};

const JOB: &str = "trouver-un-emploi";
const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";

/// A diagnosis result: a jobseeker of 23 with nowhere to sleep tonight
/// (the shelter alert raised).
fn diagnosis() -> JsValue {
    let need = |theme: &str, priority: &str| {
        json!({"theme": theme, "label": theme, "priority": priority, "rank": null,
               "raised_by": []})
    };
    let value = json!({
        "questionnaire_id": "passerelle-default",
        "reference_date": "2026-11-27",
        "facts": {"age": 23, "postal_code": "93200", "employment_status": "jobseeker"},
        "urgent": [{"alert": "shelter", "raised_by": []}],
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

#[wasm_bindgen_test]
fn the_person_chooses_needs_and_pace_then_follows_the_plan_and_reviews_it() {
    let (host, widget) = mount();
    let changes = Events::on(&host, "passerelle:plan-change");
    assert_eq!(
        text(&find(&host, ".help")),
        WidgetText::PlanWaiting.text(Locale::Fr)
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
    assert_eq!(text(&error), refused_with(WidgetText::ChooseAtLeastOneNeed));
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
        WidgetText::PlanWaiting.text(Locale::Fr)
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
        .starts_with("Monter\u{a0}: "));

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

/// A plan built from [`diagnosis`] with every need; the host and widget.
fn built() -> (HtmlElement, PlanWidget) {
    let (host, widget) = mount();
    widget.set_diagnosis(diagnosis()).unwrap();
    send(&find(&host, "#passerelle-build"), "submit");
    assert!(!widget.plan().unwrap().is_null());
    (host, widget)
}

fn set_value(host: &HtmlElement, selector: &str, value: &str) {
    match find(host, selector).dyn_into::<HtmlInputElement>() {
        Ok(input) => input.set_value(value),
        Err(other) => other.unchecked_into::<HtmlSelectElement>().set_value(value),
    }
}

/// The message of the refusal on screen, and the control it is tied to.
fn refusal(host: &HtmlElement) -> (String, Option<String>) {
    let message = text(&find(host, "#passerelle-plan-error"));
    let tied = find_all(host, "[aria-describedby=passerelle-plan-error]")
        .first()
        .map(|control| control.id());
    (message, tied)
}

/// A refusal as every widget writes it: "Erreur :", a space, the message.
fn refused_with(message: WidgetText) -> String {
    format!(
        "{} {}",
        WidgetText::ErrorPrefix.text(Locale::Fr),
        message.text(Locale::Fr)
    )
}

#[wasm_bindgen_test]
fn the_person_adds_steps_and_goals_says_where_a_goal_stands_and_writes_the_follow_up() {
    let (host, widget) = built();
    let changes = Events::on(&host, "passerelle:plan-change");
    let plan = to_json(&widget.plan().unwrap());
    let job = plan["objectives"][1]["id"].as_str().unwrap().to_owned();
    assert_eq!(plan["objectives"][1]["theme"], JOB);

    // A step with no title is refused, tied to the field, the form open.
    let form = format!("form[data-form=add-action][data-objective={job}]");
    send(&find(&host, &form), "submit");
    let title_id = format!("passerelle-new-title-{job}");
    assert_eq!(
        refusal(&host),
        (
            refused_with(WidgetText::TextRequired),
            Some(title_id.clone())
        )
    );
    assert_eq!(active_id(&host), Some(title_id.clone()));
    assert!(find(&host, &form)
        .parent_element()
        .unwrap()
        .has_attribute("open"));
    assert!(changes.details().is_empty());

    // Written, dated, for the advisor: added last, the focus on it.
    set_value(&host, &format!("#{title_id}"), "Préparer mon CV avec Awa");
    set_value(&host, &format!("#passerelle-new-due-{job}"), "2026-12-03");
    set_value(&host, &format!("#passerelle-new-actor-{job}"), "advisor");
    send(&find(&host, &form), "submit");
    let plan = changes.details().pop().unwrap()["plan"].clone();
    let added = plan["objectives"][1]["actions"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(added["title"], "Préparer mon CV avec Awa");
    assert_eq!(added["due"], "2026-12-03");
    assert_eq!(added["actor"], "advisor");
    let new_id = added["id"].as_str().unwrap();
    assert_eq!(
        active_id(&host),
        Some(format!("passerelle-action-{new_id}"))
    );

    // The job goal reached: its list keeps the focus.
    let status: HtmlSelectElement =
        find(&host, &format!("#passerelle-objective-status-{job}")).unchecked_into();
    status.focus().unwrap();
    status.set_selected_index(1);
    send(&status, "change");
    let plan = changes.details().pop().unwrap()["plan"].clone();
    assert_eq!(plan["objectives"][1]["status"], "achieved");
    assert_eq!(
        active_id(&host),
        Some(format!("passerelle-objective-status-{job}"))
    );

    // A goal of the person's own: the list offers only needs not in the
    // plan; the heading of the new goal gets the focus.
    let offered: Vec<String> = find_all(&host, "#passerelle-new-objective option")
        .iter()
        .map(|option| option.get_attribute("value").unwrap())
        .collect();
    assert!(offered.contains(&"mobilite".to_owned()));
    assert!(!offered.contains(&JOB.to_owned()));
    set_value(&host, "#passerelle-new-objective", "mobilite");
    set_value(&host, "#passerelle-new-statement", "Passer le permis");
    send(&find(&host, "form[data-form=add-objective]"), "submit");
    let plan = changes.details().pop().unwrap()["plan"].clone();
    let goal = plan["objectives"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (goal["theme"].as_str(), goal["statement"].as_str()),
        (Some("mobilite"), Some("Passer le permis"))
    );
    let goal_id = goal["id"].as_str().unwrap();
    assert_eq!(active_id(&host), Some(format!("passerelle-{goal_id}")));
    assert!(find_all(&host, "#passerelle-new-objective option[value=mobilite]").is_empty());

    // The follow-up: details without a name are refused, tied to the name.
    set_value(&host, "#passerelle-advisor-phone", "01 23 45 67 89");
    send(&find(&host, "form.follow-up"), "submit");
    assert_eq!(
        refusal(&host),
        (
            refused_with(WidgetText::AdvisorNameRequired),
            Some("passerelle-advisor-name".to_owned())
        )
    );
    let count = changes.details().len();
    set_value(&host, "#passerelle-advisor-name", "Awa Diallo");
    set_value(&host, "#passerelle-advisor-organisation", "Mission locale");
    set_value(&host, "#passerelle-next-review", "2026-12-18");
    send(&find(&host, "form.follow-up"), "submit");
    assert_eq!(
        active_id(&host).as_deref(),
        Some("passerelle-follow-up-saved")
    );
    assert_eq!(
        text(&find(&host, "#passerelle-follow-up-saved")),
        WidgetText::FollowUpSaved.text(Locale::Fr)
    );
    let details = changes.details();
    assert_eq!(details.len(), count + 1, "one event for the form");
    let plan = &details[count]["plan"];
    assert_eq!(plan["advisor"]["name"], "Awa Diallo");
    assert_eq!(plan["advisor"]["organisation"], "Mission locale");
    assert_eq!(plan["advisor"]["phone"], "01 23 45 67 89");
    assert_eq!(plan["next_review"], "2026-12-18");
    let ops: Vec<&str> = plan["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["edit"]["op"].as_str().unwrap())
        .collect();
    assert_eq!(ops[ops.len() - 2..], ["set_advisor", "set_next_review"]);
    // The form shows what is saved, to change later.
    let name: HtmlInputElement = find(&host, "#passerelle-advisor-name").unchecked_into();
    assert_eq!(name.value(), "Awa Diallo");
}

#[wasm_bindgen_test]
fn the_person_withdraws_a_consent_and_the_referral_sheet_goes() {
    let (host, widget) = built();
    let changes = Events::on(&host, "passerelle:plan-change");
    let partner: HtmlSelectElement = find(&host, "#passerelle-referral-partner").unchecked_into();
    let entry = partner.value();
    let consent: HtmlInputElement = find(&host, "#passerelle-referral-consent").unchecked_into();
    consent.set_checked(true);
    send(&find(&host, "form.referral"), "submit");
    assert_eq!(find_all(&host, "#passerelle-referral-open").len(), 1);
    let withdraw = find(
        &host,
        &format!("button[data-do=withdraw][data-entry={entry}]"),
    );
    assert!(text(&withdraw).starts_with("Retirer mon accord pour "));

    send(&withdraw, "click");
    assert!(find_all(&host, "#passerelle-referral-open").is_empty());
    assert!(find_all(&host, "button[data-do=withdraw]").is_empty());
    assert_eq!(
        active_id(&host).as_deref(),
        Some("passerelle-consent-withdrawn")
    );
    let plan = changes.details().pop().unwrap()["plan"].clone();
    assert!(plan.get("consents").is_none(), "{plan}");
    assert!(to_json(&widget.plan().unwrap()).get("consents").is_none());
}

#[wasm_bindgen_test]
fn with_persist_the_plan_comes_back_and_forget_erases_it() {
    const KEY: &str = "passerelle:plan:kept-plan";
    let storage = session_storage();
    storage.remove_item(KEY).unwrap();
    let (host, widget) = mount();
    widget
        .set_persistence(Some("session".into()), Some("kept-plan".into()))
        .unwrap();
    assert_eq!(
        text(&find(&host, ".privacy p")),
        WidgetText::PlanKeptInTab.text(Locale::Fr)
    );
    widget.set_diagnosis(diagnosis()).unwrap();
    send(&find(&host, "#passerelle-build"), "submit");
    let kept = storage.get_item(KEY).unwrap().expect("the plan is kept");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&kept).unwrap(),
        to_json(&widget.plan().unwrap())
    );
    let action = find_all(&host, "li.action")[0]
        .get_attribute("data-action")
        .unwrap();
    let select: HtmlSelectElement =
        find(&host, &format!("#passerelle-status-{action}")).unchecked_into();
    select.set_value("done");
    send(&select, "change");
    assert!(storage.get_item(KEY).unwrap().unwrap().contains("\"done\""));

    // Another visit: the plan comes back, before any diagnosis, and is told.
    drop(widget);
    let (again, widget) = mount();
    let changes = Events::on(&again, "passerelle:plan-change");
    widget
        .set_persistence(Some("session".into()), Some("kept-plan".into()))
        .unwrap();
    let plan = widget.plan().unwrap();
    assert_eq!(
        to_json(&plan).to_string(),
        serde_json::from_str::<serde_json::Value>(&storage.get_item(KEY).unwrap().unwrap())
            .unwrap()
            .to_string()
    );
    assert_eq!(changes.details().len(), 1);
    assert_eq!(find_all(&again, "section.objective").len(), 2);
    // The first diagnosis given keeps the plan taken back.
    widget.set_diagnosis(diagnosis()).unwrap();
    assert!(!widget.plan().unwrap().is_null());

    // "Erase my plan from this device", confirmed: nothing stays, the
    // person is told.
    send(&find(&again, "#passerelle-forget"), "click");
    assert!(storage.get_item(KEY).unwrap().is_some(), "asked first");
    send(&find(&again, "#passerelle-forget-confirm"), "click");
    assert_eq!(storage.get_item(KEY).unwrap(), None);
    assert!(widget.plan().unwrap().is_null());
    assert_eq!(
        text(&find(&again, ".privacy .notice")),
        WidgetText::PlanForgotten.text(Locale::Fr)
    );
    assert!(changes.details().pop().unwrap()["plan"].is_null());
    assert_eq!(find_all(&again, "#passerelle-build").len(), 1);

    // Turned off: what was kept is erased.
    send(&find(&again, "#passerelle-build"), "submit");
    assert!(storage.get_item(KEY).unwrap().is_some());
    widget
        .set_persistence(None, Some("kept-plan".into()))
        .unwrap();
    assert_eq!(storage.get_item(KEY).unwrap(), None);
    assert!(find(&again, ".privacy").has_attribute("hidden"));
}

#[wasm_bindgen_test]
fn a_plan_kept_that_cannot_be_read_stays_is_never_written_over_and_is_erased_only_on_purpose() {
    const KEY: &str = "passerelle:plan:unreadable";
    let storage = session_storage();
    for (kept, told) in [
        (
            "{\"format_version\": 2, \"oops\"",
            WidgetText::KeptPlanUnreadable,
        ),
        (
            "{\"format_version\": 3, \"objectives\": []}",
            WidgetText::KeptPlanTooNew,
        ),
    ] {
        storage.set_item(KEY, kept).unwrap();
        let (host, widget) = mount();
        widget
            .set_persistence(Some("session".into()), Some("unreadable".into()))
            .unwrap();
        assert!(widget.plan().unwrap().is_null());
        assert_eq!(
            text(&find(&host, ".privacy .notice")),
            told.text(Locale::Fr)
        );
        // A plan built here is not written over what cannot be read.
        widget.set_diagnosis(diagnosis()).unwrap();
        send(&find(&host, "#passerelle-build"), "submit");
        assert!(!widget.plan().unwrap().is_null());
        assert_eq!(storage.get_item(KEY).unwrap().as_deref(), Some(kept));
        // Erased on purpose: gone; the next change is kept.
        send(&find(&host, "#passerelle-forget"), "click");
        send(&find(&host, "#passerelle-forget-confirm"), "click");
        assert_eq!(storage.get_item(KEY).unwrap(), None);
        send(&find(&host, "#passerelle-build"), "submit");
        assert!(storage.get_item(KEY).unwrap().is_some());
        widget.set_persistence(None, None).unwrap();
        storage.remove_item(KEY).unwrap();
    }
}

/// What the window's `storage` event says when another tab changes the
/// storage (here without a key: as when it is cleared).
fn storage_changed_elsewhere() {
    let event = web_sys::StorageEvent::new("storage").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

/// Sets the status of the first action of the plan shown in `host`.
fn set_first_status(host: &HtmlElement, status: &str) {
    let action = find_all(host, "li.action")[0]
        .get_attribute("data-action")
        .unwrap();
    let select: HtmlSelectElement =
        find(host, &format!("#passerelle-status-{action}")).unchecked_into();
    select.set_value(status);
    send(&select, "change");
}

#[wasm_bindgen_test]
fn a_plan_changed_or_erased_in_another_tab_shows_here_and_is_never_overwritten() {
    const KEY: &str = "passerelle:plan:tabs";
    let storage = session_storage();
    storage.remove_item(KEY).unwrap();
    let (first_host, first) = mount();
    first
        .set_persistence(Some("session".into()), Some("tabs".into()))
        .unwrap();
    let (second_host, second) = mount();
    second
        .set_persistence(Some("session".into()), Some("tabs".into()))
        .unwrap();
    let changes = Events::on(&second_host, "passerelle:plan-change");

    // The first builds a plan: the second shows it as soon as told.
    first.set_diagnosis(diagnosis()).unwrap();
    send(&find(&first_host, "#passerelle-build"), "submit");
    let built = storage.get_item(KEY).unwrap().unwrap();
    storage_changed_elsewhere();
    assert_eq!(
        to_json(&second.plan().unwrap()),
        serde_json::from_str::<serde_json::Value>(&built).unwrap()
    );
    assert_eq!(
        text(&find(&second_host, ".privacy .notice")),
        WidgetText::PlanChangedElsewhere.text(Locale::Fr)
    );
    assert_eq!(changes.details().len(), 1);

    // The second goes on with it; the first, not told yet, changes the
    // same step: nothing is written over, it shows the second's plan.
    set_first_status(&second_host, "done");
    let done = storage.get_item(KEY).unwrap().unwrap();
    assert!(done.contains("\"done\""));
    set_first_status(&first_host, "dropped");
    assert_eq!(
        storage.get_item(KEY).unwrap().as_deref(),
        Some(done.as_str())
    );
    assert_eq!(
        to_json(&first.plan().unwrap()),
        serde_json::from_str::<serde_json::Value>(&done).unwrap()
    );
    assert_eq!(
        text(&find(&first_host, ".privacy .notice")),
        WidgetText::PlanChangedElsewhere.text(Locale::Fr)
    );

    // Erased in the second: gone from the first too, told.
    send(&find(&second_host, "#passerelle-forget"), "click");
    send(&find(&second_host, "#passerelle-forget-confirm"), "click");
    storage_changed_elsewhere();
    assert!(first.plan().unwrap().is_null());
    assert_eq!(
        text(&find(&first_host, ".privacy .notice")),
        WidgetText::PlanErasedElsewhere.text(Locale::Fr)
    );
    assert_eq!(storage.get_item(KEY).unwrap(), None);
    first.set_persistence(None, None).unwrap();
    second.set_persistence(None, None).unwrap();
}

#[wasm_bindgen_test]
fn an_unknown_persist_keeps_nothing_erases_nothing_and_throws_bad_persist() {
    const KEY: &str = "passerelle:plan:cases";
    let storage = session_storage();
    storage.remove_item(KEY).unwrap();
    let (host, widget) = mount();
    widget
        .set_persistence(Some(" Session ".into()), Some("cases".into()))
        .unwrap();
    widget.set_diagnosis(diagnosis()).unwrap();
    send(&find(&host, "#passerelle-build"), "submit");
    let kept = storage
        .get_item(KEY)
        .unwrap()
        .expect("kept with \" Session \"");
    let refused = widget
        .set_persistence(Some("sessions".into()), Some("cases".into()))
        .unwrap_err();
    assert_eq!(
        js_sys::Reflect::get(&refused, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("bad_persist")
    );
    assert_eq!(storage.get_item(KEY).unwrap(), Some(kept));
    assert!(find(&host, ".privacy").has_attribute("hidden"));
    storage.remove_item(KEY).unwrap();
}

#[wasm_bindgen_test]
fn steps_the_plan_wrote_in_french_are_marked_french_in_an_english_widget() {
    let (host, widget) = built();
    assert!(find_all(&host, "li.action .title[lang]").is_empty());
    widget.set_locale(Some("en".into())).unwrap();
    let titles = find_all(&host, "li.action .title");
    assert!(!titles.is_empty());
    assert!(titles
        .iter()
        .all(|title| title.get_attribute("lang").as_deref() == Some("fr")));
}

#[wasm_bindgen_test]
fn a_refusal_reads_erreur_a_space_and_the_message_as_in_every_widget() {
    let (host, widget) = mount();
    widget.set_diagnosis(diagnosis()).unwrap();
    for input in find_all(&host, "#passerelle-needs input[type=checkbox]") {
        input
            .unchecked_into::<HtmlInputElement>()
            .set_checked(false);
    }
    send(&find(&host, "#passerelle-build"), "submit");
    let error = find(&host, "#passerelle-plan-error");
    let prefix = WidgetText::ErrorPrefix.text(Locale::Fr);
    let message = WidgetText::ChooseAtLeastOneNeed.text(Locale::Fr);
    // Not "Erreur :Choisissez…": the word, a space, the message.
    assert_eq!(text(&error), format!("{prefix} {message}"));
    assert!(prefix.starts_with("Erreur") && !prefix.ends_with(' '));
    // The word is for screen readers; the host styles the part.
    assert_eq!(error.get_attribute("part").as_deref(), Some("error"));
    assert_eq!(
        text(&find(&host, "#passerelle-plan-error > .visually-hidden")),
        prefix
    );
}

/// The accessible name an element gets from its `aria-labelledby`: the
/// words of each element named, joined by a space.
fn labelled_name(host: &HtmlElement, element: &web_sys::Element) -> String {
    element
        .get_attribute("aria-labelledby")
        .unwrap_or_default()
        .split_whitespace()
        .map(|id| text(&find(host, &format!("#{id}"))))
        .collect::<Vec<_>>()
        .join(" ")
}

#[wasm_bindgen_test]
fn each_status_list_names_its_step_and_each_goal_list_its_goal() {
    let (host, _widget) = built();
    let question = WidgetText::ActionStatusLabel.text(Locale::Fr);
    let mut names = Vec::new();
    for item in find_all(&host, "li.action") {
        let action = item.get_attribute("data-action").unwrap();
        let select = find(&host, &format!("#passerelle-status-{action}"));
        let title = text(&find(&host, &format!("#passerelle-action-{action}")));
        assert!(!title.is_empty());
        let name = labelled_name(&host, &select);
        assert_eq!(name, format!("{question} {title}"));
        names.push(name);
    }
    assert!(names.len() >= 2);
    let mut distinct = names.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), names.len(), "{names:?}");
    let question = WidgetText::ObjectiveStatusLabel.text(Locale::Fr);
    for section in find_all(&host, "section.objective") {
        let heading = section.query_selector("h3").unwrap().unwrap();
        let select = section
            .query_selector("select[data-objective]")
            .unwrap()
            .unwrap();
        assert_eq!(
            labelled_name(&host, &select),
            format!("{question} {}", text(&heading))
        );
    }
}

#[wasm_bindgen_test]
fn the_pace_proposed_is_explained_and_the_plan_holds_a_few_first_steps() {
    let (host, widget) = mount();
    widget.set_diagnosis(diagnosis()).unwrap();
    let pace: HtmlSelectElement = find(&host, "#passerelle-pace").unchecked_into();
    assert_eq!(pace.value(), "2");
    let help = pace
        .get_attribute("aria-describedby")
        .expect("the pace is explained");
    assert_eq!(
        text(&find(&host, &format!("#{help}"))),
        WidgetText::PaceHelp { default: 2 }.text(Locale::Fr)
    );
    // One a week: three first steps, the 115 called today besides.
    pace.set_value("1");
    send(&find(&host, "#passerelle-build"), "submit");
    assert_eq!(
        text(&find(&host, "#passerelle-first-steps")),
        WidgetText::FirstStepsSummary { per_week: 1 }.text(Locale::Fr)
    );
    let plan = to_json(&widget.plan().unwrap());
    let entries: Vec<&str> = plan["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|objective| objective["actions"].as_array().unwrap())
        .filter_map(|action| action["entry"].as_str())
        .collect();
    assert!(entries.contains(&"urgence-115"), "{entries:?}");
    let steps = entries
        .iter()
        .filter(|entry| **entry != "urgence-115")
        .count();
    assert!((1..=3).contains(&steps), "{entries:?}");
}

#[wasm_bindgen_test]
fn the_person_gives_how_to_reach_them_and_only_real_partners_get_a_sheet() {
    let (host, widget) = built();
    let changes = Events::on(&host, "passerelle:plan-change");
    // The 115 is called today: a step, not a partner to send a sheet to.
    let plan = to_json(&widget.plan().unwrap());
    assert!(plan.to_string().contains("\"entry\":\"urgence-115\""));
    let partners: Vec<String> = find_all(&host, "#passerelle-referral-partner option")
        .iter()
        .map(|option| option.get_attribute("value").unwrap())
        .collect();
    assert!(!partners.is_empty());
    assert!(
        !partners.contains(&"urgence-115".to_owned()),
        "{partners:?}"
    );

    // The person's details, each field the browser may fill in.
    for (field, autocomplete, kind) in [
        ("name", "name", "text"),
        ("phone", "tel", "tel"),
        ("email", "email", "email"),
    ] {
        let input: HtmlInputElement =
            find(&host, &format!("#passerelle-person-{field}")).unchecked_into();
        assert_eq!(
            input.get_attribute("autocomplete").as_deref(),
            Some(autocomplete)
        );
        assert_eq!(input.type_(), kind);
    }
    // A phone without a name: refused, tied to the name, the phone kept.
    set_value(&host, "#passerelle-person-phone", "06 12 34 56 78");
    send(&find(&host, "form.person"), "submit");
    assert_eq!(
        refusal(&host),
        (
            refused_with(WidgetText::PersonNameRequired),
            Some("passerelle-person-name".to_owned())
        )
    );
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-person-name"));
    let phone: HtmlInputElement = find(&host, "#passerelle-person-phone").unchecked_into();
    assert_eq!(phone.value(), "06 12 34 56 78");
    assert!(changes.details().is_empty());

    set_value(&host, "#passerelle-person-name", "Karim B.");
    set_value(&host, "#passerelle-person-email", "karim.b@example.org");
    send(&find(&host, "form.person"), "submit");
    assert_eq!(active_id(&host).as_deref(), Some("passerelle-person-saved"));
    assert_eq!(
        text(&find(&host, "#passerelle-person-saved")),
        WidgetText::PersonSaved.text(Locale::Fr)
    );
    let plan = changes.details().pop().unwrap()["plan"].clone();
    assert_eq!(
        plan["person"],
        json!({"name": "Karim B.", "phone": "06 12 34 56 78", "email": "karim.b@example.org"})
    );
    assert_eq!(
        plan["history"].as_array().unwrap().last().unwrap()["edit"]["op"],
        "set_person"
    );
    let name: HtmlInputElement = find(&host, "#passerelle-person-name").unchecked_into();
    assert_eq!(name.value(), "Karim B.");

    // Every field emptied: erased from the plan.
    for field in ["name", "phone", "email"] {
        set_value(&host, &format!("#passerelle-person-{field}"), "");
    }
    send(&find(&host, "form.person"), "submit");
    let plan = changes.details().pop().unwrap()["plan"].clone();
    assert!(plan.get("person").is_none(), "{plan}");
    assert_eq!(
        text(&find(&host, "#passerelle-person-saved")),
        WidgetText::PersonErased.text(Locale::Fr)
    );
}

#[wasm_bindgen_test]
fn the_widget_speaks_to_the_person_never_about_them() {
    let (host, widget) = built();
    let words = |host: &HtmlElement| root(host).text_content().unwrap_or_default().to_lowercase();
    // The consent asked, refused, then given: every text on screen.
    send(&find(&host, "form.referral"), "submit");
    assert_eq!(refusal(&host).0, refused_with(WidgetText::ConsentRequired));
    assert!(!words(&host).contains("la personne"), "{}", words(&host));
    let consent: HtmlInputElement = find(&host, "#passerelle-referral-consent").unchecked_into();
    consent.set_checked(true);
    send(&find(&host, "form.referral"), "submit");
    assert!(!find_all(&host, "#passerelle-referral-open").is_empty());
    assert!(!words(&host).contains("la personne"), "{}", words(&host));
    assert!(text(&find(&host, "label[for=passerelle-referral-consent]"))
        .starts_with("Je suis d’accord"));
    widget.set_locale(Some("en".into())).unwrap();
    assert!(!words(&host).contains("the person"), "{}", words(&host));
}

#[wasm_bindgen_test]
fn a_plan_given_is_shown_and_in_advisor_mode_its_changes_are_the_advisors() {
    // A plan built elsewhere (the advisor's desk keeps it), given as text.
    let (_, first) = built();
    let plan = js_sys::JSON::stringify(&first.plan().unwrap()).unwrap();
    let (host, widget) = mount();
    widget.set_mode(Some("advisor".into())).unwrap();
    widget.set_plan(plan.into()).unwrap();
    assert!(
        !find_all(&host, "li.action select").is_empty(),
        "the plan is shown"
    );
    // A step marked done: recorded as the advisor's change.
    let select = find(&host, "li.action select").unchecked_into::<HtmlSelectElement>();
    select.set_selected_index(2);
    send(&select, "change");
    let value = to_json(&widget.plan().unwrap());
    let last = value["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["by"], "advisor");
    assert_eq!(last["edit"]["op"], "set_status");
    // A mode that is not one, and a plan that cannot be read, change nothing.
    let error = widget.set_mode(Some("boss".into())).unwrap_err();
    assert_eq!(
        js_sys::Reflect::get(&error, &"code".into()).unwrap(),
        "bad_mode"
    );
    let error = widget
        .set_plan("{\"format_version\": 99}".into())
        .unwrap_err();
    assert!(js_sys::Reflect::get(&error, &"code".into())
        .unwrap()
        .as_string()
        .unwrap()
        .starts_with("plan_"));
    assert!(!widget.plan().unwrap().is_null(), "the plan shown stays");
    // None given: none shown.
    widget.set_plan(JsValue::NULL).unwrap();
    assert!(widget.plan().unwrap().is_null());
}

#[wasm_bindgen_test]
fn a_step_with_a_partner_says_where_and_when_it_receives_from_its_catalogue_entry() {
    let (_, first) = built();
    let plan = to_json(&first.plan().unwrap());
    let entry_id = plan["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|objective| objective["actions"].as_array().unwrap())
        .find(|action| action["contact"].is_object() && action["entry"].is_string())
        .expect("a step with a partner")["entry"]
        .as_str()
        .unwrap()
        .to_owned();
    // The same partner, its address and hours known to the structure.
    let national = passerelle_core::catalogue::Catalogue::national();
    let mut entry = passerelle_core::json::to_value(national.entry(&entry_id).unwrap());
    entry["access"]["address"] = json!("12 rue du Landy, 93200 Saint-Denis");
    entry["access"]["hours"] = json!({"fr": "Du lundi au vendredi, de 9 h à 12 h"});
    entry["access"]["reception"] = json!("sans-rendez-vous");
    let local = json!({"format_version": 1, "id": "mairie", "name": "Mairie", "entries": [entry]});
    let (host, widget) = mount();
    widget
        .set_local_catalogue(JsValue::from_str(&local.to_string()))
        .unwrap();
    widget
        .set_plan(JsValue::from_str(&plan.to_string()))
        .unwrap();
    let address = text(&find(&host, "li.action li.address"));
    assert!(address.contains("12 rue du Landy"), "{address}");
    assert!(text(&find(&host, "li.action li.hours")).contains("de 9 h à 12 h"));
    assert!(!find_all(&host, "li.action li.reception").is_empty());
}
