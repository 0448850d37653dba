//! Reading the entry's form back into its JSON: each control says where
//! its value goes (`data-path`) and how it reads (`data-type`); the
//! conditions' controls say their line and part (`data-condition`,
//! `data-part`). What the form has no control for is kept as it was.

use passerelle_core::catalogue::editing::{form_conditions, set_eligibility, Draft, FormCondition};
use serde_json::{json, Map, Value as Json};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

/// How a control's value is written into the entry (`data-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A text; with `data-optional`, taken out when empty.
    Text,
    /// One language of a text (`name.fr`); an optional text with no
    /// language left is taken out.
    Localized,
    /// A checkbox among several: the values ticked, in order.
    List,
    /// A radio button: the value chosen.
    One,
    /// A checkbox for a flag: `true`, or taken out.
    Flag,
    /// A list of texts, one per line (`documents`).
    Lines,
}

impl crate::ui::dom::Attribute for Kind {
    const ALL: &'static [Kind] = &[
        Kind::Text,
        Kind::Localized,
        Kind::List,
        Kind::One,
        Kind::Flag,
        Kind::Lines,
    ];

    fn to_attr(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Localized => "localized",
            Kind::List => "list",
            Kind::One => "one",
            Kind::Flag => "flag",
            Kind::Lines => "lines",
        }
    }
}

/// Whether `target` is a control of the catalogue or the entry.
pub(super) fn is_field(target: &Element) -> bool {
    target.has_attribute("data-field") || target.has_attribute("data-catalogue")
}

/// The value of a text control (input, text area, select).
pub(super) fn value_of(control: &Element) -> String {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

fn checked(control: &Element) -> bool {
    control
        .dyn_ref::<HtmlInputElement>()
        .is_some_and(HtmlInputElement::checked)
}

/// Every element of `root` matching `selector`.
pub(super) fn all(root: &ShadowRoot, selector: &str) -> Result<Vec<Element>, JsValue> {
    let list = root.query_selector_all(selector)?;
    Ok((0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect())
}

/// The catalogue's own name and id, from their fields.
pub(super) fn catalogue_fields(root: &ShadowRoot, draft: &mut Draft) -> Result<(), JsValue> {
    for control in all(root, "[data-catalogue]")? {
        if let Some(field) = control.get_attribute("data-catalogue") {
            draft.set_text(&field, value_of(&control).trim());
        }
    }
    Ok(())
}

/// `entry` with the values of the form's controls.
pub(super) fn entry(root: &ShadowRoot, mut entry: Json) -> Result<Json, JsValue> {
    use crate::ui::dom::Attribute;
    let Json::Object(object) = &mut entry else {
        return Ok(entry);
    };
    let mut lists: Vec<(String, Vec<Json>)> = Vec::new();
    let mut localized_seen: Vec<(String, bool)> = Vec::new();
    for control in all(root, "[data-path]")? {
        let (Some(path), Some(kind)) = (
            control.get_attribute("data-path"),
            control
                .get_attribute("data-type")
                .and_then(|kind| Kind::from_attr(&kind)),
        ) else {
            continue;
        };
        let optional = control.has_attribute("data-optional");
        match kind {
            Kind::Text => {
                let value = value_of(&control).trim().to_owned();
                if value.is_empty() && optional {
                    remove(object, &path);
                } else {
                    set(object, &path, json!(value));
                }
            }
            Kind::Localized => {
                let value = value_of(&control).trim().to_owned();
                let (text_path, _) = path.rsplit_once('.').unwrap_or((&path, ""));
                if !localized_seen.iter().any(|(seen, _)| seen == text_path) {
                    localized_seen.push((text_path.to_owned(), optional));
                }
                if value.is_empty() && !path.ends_with(".fr") {
                    remove(object, &path);
                } else {
                    set(object, &path, json!(value));
                }
            }
            Kind::List => {
                let at = match lists.iter().position(|(listed, _)| *listed == path) {
                    Some(at) => at,
                    None => {
                        lists.push((path.clone(), Vec::new()));
                        lists.len() - 1
                    }
                };
                if checked(&control) {
                    lists[at].1.push(json!(value_of(&control)));
                }
            }
            Kind::One => {
                if checked(&control) {
                    set(object, &path, json!(value_of(&control)));
                }
            }
            Kind::Flag => {
                if checked(&control) {
                    set(object, &path, json!(true));
                } else {
                    remove(object, &path);
                }
            }
            Kind::Lines => {
                let before = get(object, &path)
                    .and_then(Json::as_array)
                    .cloned()
                    .unwrap_or_default();
                let lines: Vec<Json> = value_of(&control)
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .enumerate()
                    .map(|(i, line)| {
                        // A line changed keeps its other languages only
                        // if its French is the same.
                        match before.get(i) {
                            Some(Json::Object(text))
                                if text.get("fr").and_then(Json::as_str) == Some(line) =>
                            {
                                Json::Object(text.clone())
                            }
                            _ => json!({ "fr": line }),
                        }
                    })
                    .collect();
                if lines.is_empty() {
                    remove(object, &path);
                } else {
                    set(object, &path, Json::Array(lines));
                }
            }
        }
    }
    for (path, values) in lists {
        set(object, &path, Json::Array(values));
    }
    // An optional text whose French is empty is taken out whole.
    for (path, optional) in localized_seen {
        let empty = get(object, &path)
            .and_then(|text| text.get("fr"))
            .and_then(Json::as_str)
            .is_none_or(str::is_empty);
        if optional && empty {
            remove(object, &path);
        }
    }
    let conditions = conditions(root, form_conditions(object.get("eligibility")))?;
    set_eligibility(&mut entry, &conditions);
    Ok(entry)
}

/// The form's lines, each with the values of its controls.
fn conditions(
    root: &ShadowRoot,
    mut lines: Vec<FormCondition>,
) -> Result<Vec<FormCondition>, JsValue> {
    for (at, line) in lines.iter_mut().enumerate() {
        let controls = all(root, &format!("[data-condition=\"{at}\"]"))?;
        let part = |name: &str| {
            controls
                .iter()
                .find(|control| control.get_attribute("data-part").as_deref() == Some(name))
        };
        let number = |name: &str| {
            part(name).and_then(|control| value_of(control).trim().parse::<i64>().ok())
        };
        let ticked = || -> Vec<String> {
            controls
                .iter()
                .filter(|control| control.get_attribute("data-part").as_deref() == Some("values"))
                .filter(|control| checked(control))
                .map(value_of)
                .collect()
        };
        match line {
            FormCondition::Age { min, max } => {
                *min = number("min");
                *max = number("max");
            }
            FormCondition::StatusIn(values) | FormCondition::Receives(values) => {
                *values = ticked();
            }
            FormCondition::ChildUnder(age) => *age = number("value").unwrap_or(0),
            FormCondition::ToCheck(text) => {
                if let Some(control) = part("text") {
                    *text = value_of(control).trim().to_owned();
                }
            }
            FormCondition::LivesIn { .. } | FormCondition::Written(_) => {}
        }
    }
    Ok(lines)
}

fn get<'a>(object: &'a Map<String, Json>, path: &str) -> Option<&'a Json> {
    let mut parts = path.split('.');
    let mut value = object.get(parts.next()?)?;
    for part in parts {
        value = value.get(part)?;
    }
    Some(value)
}

/// Sets `path` (keys joined by dots) to `value`, making the objects on
/// the way.
fn set(object: &mut Map<String, Json>, path: &str, value: Json) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut at = object;
    for part in parts {
        let next = at
            .entry(part.to_owned())
            .or_insert_with(|| Json::Object(Map::new()));
        if !next.is_object() {
            *next = Json::Object(Map::new());
        }
        let Json::Object(next) = next else { return };
        at = next;
    }
    at.insert(last.to_owned(), value);
}

fn remove(object: &mut Map<String, Json>, path: &str) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut at = object;
    for part in parts {
        let Some(Json::Object(next)) = at.get_mut(part) else {
            return;
        };
        at = next;
    }
    at.remove(last);
}
