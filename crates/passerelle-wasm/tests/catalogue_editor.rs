//! Browser tests of `<passerelle-catalogue-editor>`'s Rust side, run by
//! wasm-bindgen-test in headless Chromium (`cargo xtask test`); the whole
//! editor by keyboard is `tests/e2e/catalogue.test.mjs`.
#![cfg(target_arch = "wasm32")]

use passerelle_core::Locale;
use passerelle_wasm::{CatalogueEditorWidget, EditorText};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, find_all, leaving_is_held_back, send, text, Events};

/// A condition no line of the form makes: written by hand, with its own words.
fn written() -> Value {
    json!({"any": [{"age": {"max": 25}}, {"equals": {"fact": "rqth", "value": true}}],
           "label": {"fr": "Avoir moins de 26 ans, ou une RQTH"}})
}

/// A catalogue of one entry whose eligibility is a written condition.
fn catalogue() -> Value {
    json!({
        "format_version": 1, "id": "mairie", "name": "Nos partenaires",
        "entries": [{
            "id": "atelier-cv", "name": {"fr": "Atelier CV"},
            "description": {"fr": "Écrire son CV avec un bénévole."},
            "kind": "service", "types": ["atelier"],
            "themes": ["trouver-un-emploi--preparer-sa-candidature"], "publics": ["jeunes"],
            "eligibility": written(),
            "zone": {"departments": ["93"]},
            "access": {"through": ["usagers"], "modes": ["se-presenter"]},
            "cost": "gratuit", "source_url": "https://www.example.org/atelier-cv",
            "last_verified": "2026-11-02"
        }]
    })
}

fn mount() -> (HtmlElement, CatalogueEditorWidget) {
    let host = common::host();
    let widget = CatalogueEditorWidget::new(host.clone(), Some("fr".into())).unwrap();
    (host, widget)
}

fn click(host: &HtmlElement, selector: &str) {
    find(host, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
fn a_condition_written_by_hand_is_kept_as_it_is_when_the_entry_is_edited() {
    let (host, widget) = mount();
    let changes = Events::on(&host, "passerelle:catalogue-change");
    widget
        .open(JsValue::from_str(&catalogue().to_string()))
        .unwrap();
    assert!(text(&find(&host, "#passerelle-editor-told")).contains("1 fiche"));
    click(&host, "#passerelle-editor-edit-0");
    // Shown as the sentence a person reads, and as its JSON, not as a form.
    let sentence = text(&find(&host, "#passerelle-editor-sentence-0"));
    assert!(sentence.contains("Avoir moins de 26"), "{sentence}");
    assert_eq!(find_all(&host, "fieldset.condition input").len(), 0);
    let name: HtmlInputElement = find(&host, "#passerelle-editor-name-fr")
        .dyn_into()
        .unwrap();
    name.set_value("Atelier CV du mardi");
    send(&name, "input");
    let saved: Value = serde_json::from_str(&widget.catalogue().unwrap()).unwrap();
    assert_eq!(saved["entries"][0]["eligibility"], written());
    assert_eq!(saved["entries"][0]["name"]["fr"], "Atelier CV du mardi");
    assert_eq!(changes.details().len(), 1);
    // Not saved in a file yet: leaving the page asks first.
    assert!(leaving_is_held_back());
}

#[wasm_bindgen_test]
fn a_file_that_is_not_a_catalogue_is_told_and_the_catalogue_shown_stays() {
    let (host, widget) = mount();
    widget
        .open(JsValue::from_str(&catalogue().to_string()))
        .unwrap();
    widget.open(JsValue::from_str("[1, 2]")).unwrap();
    let error = text(&find(&host, "#passerelle-editor-open-file-error"));
    assert!(
        error.contains(
            &EditorText::CannotOpen {
                code: "not_a_catalogue"
            }
            .text(Locale::Fr)
        ),
        "{error}"
    );
    let kept: Value = serde_json::from_str(&widget.catalogue().unwrap()).unwrap();
    assert_eq!(kept["entries"][0]["id"], "atelier-cv");
}

#[wasm_bindgen_test]
fn a_live_problem_is_told_at_its_field_once_touched_and_goes_when_fixed() {
    let (host, _widget) = mount();
    click(&host, "[data-do=add-entry]");
    let phone: HtmlInputElement = find(&host, "#passerelle-editor-access-phone")
        .dyn_into()
        .unwrap();
    phone.focus().unwrap();
    phone.set_value("01 48 13 00 0O");
    send(&phone, "input");
    let error = find(&host, "#passerelle-editor-error-access-phone");
    assert!(!error.has_attribute("hidden"));
    assert!(
        text(&error).contains("numéro de téléphone"),
        "{}",
        text(&error)
    );
    // The other fields, not touched yet, say nothing yet.
    assert!(find(&host, "#passerelle-editor-error-source-url").has_attribute("hidden"));
    phone.set_value("01 48 13 00 00");
    send(&phone, "input");
    assert!(find(&host, "#passerelle-editor-error-access-phone").has_attribute("hidden"));
    assert_eq!(phone.get_attribute("aria-invalid"), None);
}
