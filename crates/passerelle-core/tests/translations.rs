//! The translation files of the core: French and English have the same
//! keys with the same placeables, and every message of the core finds its
//! words in them (no key shown to a person, no `{{placeable}}` left).

use std::collections::{BTreeMap, BTreeSet};

use passerelle_core::text::placeables;
use passerelle_core::Locale;

#[path = "common/messages.rs"]
mod messages;

/// A translation file: its keys and texts, without its `@metadata`.
fn keys(file: &str) -> BTreeMap<String, String> {
    let json: serde_json::Value = serde_json::from_str(file).expect("a JSON file");
    let object = json.as_object().expect("an object of key → text");
    assert!(object.contains_key("@metadata"), "no @metadata");
    object
        .iter()
        .filter(|(key, _)| key.as_str() != "@metadata")
        .map(|(key, text)| {
            let text = text.as_str().unwrap_or_else(|| panic!("{key}: not a text"));
            (key.clone(), text.to_owned())
        })
        .collect()
}

/// The placeables of a text, sorted, once each.
fn names(text: &str) -> BTreeSet<&str> {
    placeables(text).into_iter().collect()
}

/// What differs between two files of the same domain: keys one has and not
/// the other, and placeables that do not match.
fn differences(
    (a_name, a): (&str, &BTreeMap<String, String>),
    (b_name, b): (&str, &BTreeMap<String, String>),
) -> Vec<String> {
    let mut faults = Vec::new();
    for (key, text) in a {
        match b.get(key) {
            None => faults.push(format!("{key}: in {a_name}, not in {b_name}")),
            Some(other) if names(text) != names(other) => faults.push(format!(
                "{key}: placeables {:?} in {a_name}, {:?} in {b_name}",
                names(text),
                names(other)
            )),
            Some(_) => {}
        }
    }
    for key in b.keys().filter(|key| !a.contains_key(*key)) {
        faults.push(format!("{key}: in {b_name}, not in {a_name}"));
    }
    faults
}

const FR_CORE: &str = include_str!("../locales/fr/core.json");
const EN_CORE: &str = include_str!("../locales/en/core.json");
/// The national orientation's words, and those of the facts only it
/// reads: a domain of its own, left out of the questionnaire's module
/// (`national-words`).
const FR_NATIONAL: &str = include_str!("../locales/fr/national.json");
const EN_NATIONAL: &str = include_str!("../locales/en/national.json");

#[test]
fn french_and_english_core_files_have_the_same_keys_and_placeables() {
    let mut faults = differences(("fr", &keys(FR_CORE)), ("en", &keys(EN_CORE)));
    faults.extend(differences(
        ("fr", &keys(FR_NATIONAL)),
        ("en", &keys(EN_NATIONAL)),
    ));
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn the_check_finds_a_missing_key_and_a_renamed_placeable() {
    let fr = keys(r#"{"@metadata": {}, "a": "Pour {{partner}}", "b": "Oui"}"#);
    let en = keys(r#"{"@metadata": {}, "a": "For {{name}}", "c": "Yes"}"#);
    let faults = differences(("fr", &fr), ("en", &en));
    assert_eq!(faults.len(), 3, "{faults:#?}");
}

#[test]
fn every_message_of_the_core_has_its_key_in_french_and_english() {
    let value = passerelle_core::facts::Value::Integer(19);
    let mut used = BTreeSet::new();
    let mut faults = Vec::new();
    for message in messages::every_message(&value) {
        for locale in [Locale::Fr, Locale::En] {
            let parts = message.parts(locale);
            for key in parts.keys_in(locale) {
                if locale.message(&key).is_none() {
                    faults.push(format!("{message:?}: no {key} in {locale:?}"));
                }
            }
            let text = message.text(locale);
            if text.contains("{{") || text.is_empty() {
                faults.push(format!("{message:?} in {locale:?}: {text:?}"));
            }
            used.extend(parts.keys_in(locale));
        }
    }
    assert!(faults.is_empty(), "{faults:#?}");
    // No key of the file is left unused by every message.
    let unused: Vec<String> = keys(FR_CORE)
        .into_keys()
        // The national file's own messages; its facts' words are the
        // explanations' (`words.rs` reads them).
        .chain(
            keys(FR_NATIONAL)
                .into_keys()
                .filter(|key| key.starts_with("national-") || key.starts_with("iae-")),
        )
        .filter(|key| !used.contains(key))
        .collect();
    assert!(unused.is_empty(), "keys no message uses: {unused:#?}");
}
