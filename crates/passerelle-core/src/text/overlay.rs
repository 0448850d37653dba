//! A document's texts in another language, from that language's
//! translation file (`locales/<tag>/questionnaire.json`,
//! `locales/<tag>/catalogue.json`).
//!
//! The default questionnaire and the national catalogue are written in
//! French (`data/`); every other language is a flat file of
//! `key → text` that a translator edits. A text's key is its path in the
//! document, with the `id` of an item in place of its list's name and
//! position: `urgent.sleep_tonight.label`,
//! `contrat-engagement-jeune.eligibility.all.0.label`.
//!
//! Shared by the library and its build script, which writes each text's
//! key into the compiled-in documents.

use serde_json::{Map, Value as Json};

/// Whether `object` is a text in languages: `{"fr": "…", …}`, strings only
/// (its key too, once given: `"@catalogue": "…"`).
fn is_text(object: &Map<String, Json>) -> bool {
    matches!(object.get("fr"), Some(Json::String(_))) && object.values().all(Json::is_string)
}

/// Calls `each` with the key and the languages of every text of
/// `document`, in document order.
pub fn each_text(document: &mut Json, each: &mut dyn FnMut(&str, &mut Map<String, Json>)) {
    walk(document, &mut String::new(), each);
}

fn walk(value: &mut Json, key: &mut String, each: &mut dyn FnMut(&str, &mut Map<String, Json>)) {
    let Json::Object(object) = value else {
        return;
    };
    if is_text(object) {
        each(key, object);
        return;
    }
    for (name, child) in object.iter_mut() {
        let length = key.len();
        if let Json::Array(items) = child {
            for (index, item) in items.iter_mut().enumerate() {
                match item.get("id").and_then(Json::as_str).map(str::to_owned) {
                    Some(id) => push(key, &id),
                    None => {
                        push(key, name);
                        push(key, &index.to_string());
                    }
                }
                walk(item, key, each);
                key.truncate(length);
            }
        } else {
            push(key, name);
            walk(child, key, each);
            key.truncate(length);
        }
    }
}

fn push(key: &mut String, segment: &str) {
    if !key.is_empty() {
        key.push('.');
    }
    key.push_str(segment);
}
