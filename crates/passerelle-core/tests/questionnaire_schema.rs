//! The questionnaire's JSON Schema (`questionnaire.schema.json`) against the
//! engine: the same vocabularies, the same kinds with the same fields, the
//! catalogue's conditions plus `answer`, and the default questionnaire valid
//! under it (checked by a small validator for the subset the schema uses).

use std::collections::BTreeSet;

use passerelle_core::facts::Fact;
use passerelle_core::orientation::Priority;
use passerelle_core::referentials::{theme_category, Referential};
use passerelle_core::{Locale, QuestionKind, Questionnaire, UrgentAlert};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

type Set = BTreeSet<String>;

const SCHEMA: &str = include_str!("../questionnaire.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

/// The errors of `value` against `node`, a schema within `root`, for the
/// subset of JSON Schema 2020-12 the file uses. Any other keyword fails the
/// test, so that no part of the schema is silently left unchecked.
fn check(root: &Value, node: &Value, value: &Value, path: &str) -> Vec<String> {
    let node = node.as_object().expect("a schema is an object");
    let fail_if = |bad: bool, what: &str| Vec::from_iter(bad.then(|| format!("{path}: {what}")));
    let mut errors = Vec::new();
    for (keyword, arg) in node {
        let (list, number, size) = (arg.as_array(), arg.as_f64(), arg.as_u64());
        errors.extend(match (keyword.as_str(), value) {
            ("$schema" | "$defs" | "title" | "description" | "default", _) => vec![],
            ("$ref", _) => {
                let target = root.pointer(&arg.as_str().unwrap()[1..]).unwrap();
                check(root, target, value, path)
            }
            ("type", _) => {
                let fits = |name: &Value| match name.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "boolean" => value.is_boolean(),
                    "integer" => value.is_i64() || value.is_u64(),
                    other => panic!("type {other} is not supported"),
                };
                let fits = list.map_or_else(|| fits(arg), |l| l.iter().any(fits));
                fail_if(!fits, &format!("{value} is not of type {arg}"))
            }
            ("enum", _) => {
                let listed = list.unwrap().contains(value);
                fail_if(!listed, &format!("{value} is not listed"))
            }
            ("const", _) => fail_if(arg != value, &format!("{value} is not {arg}")),
            ("required", Value::Object(_)) => {
                let missing: Set = strings(arg).difference(&keys(value)).cloned().collect();
                fail_if(!missing.is_empty(), &format!("missing fields {missing:?}"))
            }
            ("properties", Value::Object(map)) => {
                let given = map.iter().filter_map(|(f, v)| Some((f, v, arg.get(f)?)));
                let at = |f| format!("{path}.{f}");
                given
                    .flat_map(|(f, v, sub)| check(root, sub, v, &at(f)))
                    .collect()
            }
            ("additionalProperties", Value::Object(_)) => {
                assert_eq!(*arg, false, "only additionalProperties: false");
                let known = keys(&node["properties"]);
                let extra: Set = keys(value).difference(&known).cloned().collect();
                fail_if(!extra.is_empty(), &format!("unknown fields {extra:?}"))
            }
            ("items", Value::Array(items)) => {
                let at = |i| format!("{path}[{i}]");
                let all = items.iter().enumerate();
                all.flat_map(|(i, v)| check(root, arg, v, &at(i))).collect()
            }
            ("minItems" | "minLength" | "minProperties", _) => {
                let length = match value {
                    Value::Array(items) => items.len(),
                    Value::String(text) => text.chars().count(),
                    Value::Object(map) => map.len(),
                    _ => usize::MAX,
                };
                let short = (length as u64) < size.unwrap();
                fail_if(short, &format!("{keyword} is {arg}"))
            }
            ("minimum", Value::Number(n)) => fail_if(n.as_f64() < number, &format!("below {arg}")),
            ("maximum", Value::Number(n)) => fail_if(n.as_f64() > number, &format!("above {arg}")),
            ("oneOf", _) => {
                let branches = list.unwrap().iter().map(|b| check(root, b, value, path));
                let branches: Vec<Vec<String>> = branches.collect();
                match branches.iter().filter(|errors| errors.is_empty()).count() {
                    1 => vec![],
                    // The closest branch says best what is wrong.
                    0 => branches.into_iter().min_by_key(Vec::len).unwrap(),
                    n => fail_if(true, &format!("matches {n} of the oneOf choices")),
                }
            }
            ("required" | "properties" | "additionalProperties" | "items", _) => vec![],
            ("minimum" | "maximum", _) => vec![],
            (other, _) => panic!("{path}: keyword {other} is not supported by this check"),
        });
    }
    errors
}

fn strings(value: &Value) -> Set {
    let list = value.as_array().expect("a list").iter();
    list.map(|item| item.as_str().unwrap().to_owned()).collect()
}

fn names<T: serde::Serialize>(values: impl IntoIterator<Item = T>) -> Set {
    strings(&json!(values.into_iter().collect::<Vec<_>>()))
}

fn keys(value: &Value) -> Set {
    value.as_object().unwrap().keys().cloned().collect()
}

/// Every name the engine reads for `T`, from serde's "unknown variant" error.
fn variants<T: DeserializeOwned + std::fmt::Debug>(unknown: Value) -> Set {
    let error = serde_json::from_value::<T>(unknown).unwrap_err();
    let error = error.to_string();
    let (_, listed) = error.split_once("expected one of ").expect(&error);
    listed.split(", ").map(|n| n.replace('`', "")).collect()
}

#[test]
fn the_schema_resolves_and_lists_the_same_kinds_and_vocabularies_as_the_engine() {
    let schema = schema();
    let draft = "https://json-schema.org/draft/2020-12/schema";
    assert_eq!(schema["$schema"], draft);
    for reference in SCHEMA.split("\"$ref\": \"#").skip(1) {
        let pointer = reference.split('"').next().unwrap();
        assert!(schema.pointer(pointer).is_some(), "{pointer}");
    }
    let defs = &schema["$defs"];
    let branches = defs["kind"]["oneOf"].as_array().unwrap();
    let kind_of = |b: &Value| b["properties"]["type"]["const"].to_string();
    let kinds: Set = branches.iter().map(kind_of).collect();
    let engine = variants::<QuestionKind>(json!({"type": "?"}));
    assert_eq!(kinds, engine.iter().map(|k| format!("\"{k}\"")).collect());
    let fields_of = |branch: &Value| keys(&branch["properties"]);
    let every_field: Set = branches.iter().flat_map(fields_of).collect();
    let sample = |field: &str| match field {
        "options" => json!([{"id": "a", "label": {"fr": "A"}}]),
        "unit" => json!({"fr": "ans"}),
        _ => json!(5),
    };
    for branch in branches {
        let (fields, required) = (fields_of(branch), strings(&branch["required"]));
        let kind = &branch["properties"]["type"]["const"];
        let read = |fields: &Set| {
            let mut json = json!({"type": kind});
            for field in fields.iter().filter(|f| *f != "type") {
                json[field] = sample(field);
            }
            serde_json::from_value::<QuestionKind>(json).map(|kind| json!(kind))
        };
        // Every field the schema declares is read, and given back.
        assert_eq!(keys(&read(&fields).unwrap()), fields, "{kind}");
        assert!(read(&required).is_ok(), "{kind}");
        for field in required.iter().filter(|field| *field != "type") {
            let fewer = required.iter().filter(|f| *f != field).cloned();
            assert!(read(&fewer.collect()).is_err(), "{kind} without {field}");
        }
        // Every field it does not declare is refused.
        for field in every_field.difference(&fields) {
            let more = required.iter().chain([field]).cloned();
            assert!(read(&more.collect()).is_err(), "{kind} with {field}");
        }
    }
    let alerts = strings(&defs["alert"]["enum"]);
    assert_eq!(alerts, names(UrgentAlert::ALL));
    assert_eq!(alerts, variants::<UrgentAlert>(json!("?")));
    let priorities = strings(&defs["priority"]["enum"]);
    assert_eq!(priorities, variants::<Priority>(json!("?")));
    assert_eq!(defs["priority"]["default"], json!(Priority::default()));
    let facts = Fact::ALL.iter().map(|fact| fact.name().to_owned());
    assert_eq!(strings(&defs["fact"]["enum"]), facts.collect());
    let mut themes = Set::new();
    for term in Referential::Themes.terms() {
        themes.insert(term.value.clone());
        themes.insert(theme_category(&term.value).to_owned());
    }
    assert_eq!(strings(&defs["theme"]["enum"]), themes);
    let locales = strings(&schema["properties"]["locales"]["items"]["enum"]);
    assert_eq!(locales, names(Locale::all()));
    assert_eq!(keys(&defs["text"]["properties"]), locales);
}

/// `value` without its descriptions, and with `text` references made `to`.
fn bare(value: &Value, to: &str) -> Value {
    match value {
        Value::Object(map) => (map.iter().filter(|(key, _)| *key != "description"))
            .map(|(key, value)| match value.as_str() {
                Some("#/$defs/text") if key == "$ref" => (key.clone(), json!(to)),
                _ => (key.clone(), bare(value, to)),
            })
            .collect(),
        Value::Array(items) => items.iter().map(|item| bare(item, to)).collect(),
        other => other.clone(),
    }
}

#[test]
fn conditions_are_the_catalogues_plus_answer_without_to_check() {
    let catalogue = include_str!("../catalogue.schema.json");
    let catalogue: Value = serde_json::from_str(catalogue).unwrap();
    let (ours, theirs) = (&schema()["$defs"], &catalogue["$defs"]);
    let to = "#/$defs/condition_label";
    let label = bare(&ours["condition_label"], to);
    assert_eq!(label, bare(&theirs["text"], to));
    let mut conditions = bare(&ours["condition"]["oneOf"], to);
    let answer = conditions.as_array_mut().unwrap().pop().unwrap();
    assert_eq!(keys(&answer["properties"]), names(["answer", "label"]));
    // A catalogue's `to_check` is only for an entry's eligibility: a
    // questionnaire may not use it.
    let mut theirs = bare(&theirs["condition"]["oneOf"], to);
    let to_check = theirs.as_array_mut().unwrap().pop().unwrap();
    assert_eq!(keys(&to_check["properties"]), names(["to_check"]));
    assert_eq!(conditions, theirs);
}

#[test]
fn the_default_questionnaire_is_valid_and_broken_ones_are_not() {
    let schema = schema();
    let errors_of = |questionnaire: &Value| check(&schema, &schema, questionnaire, "$");
    let default = include_str!("../data/questionnaire.json");
    let default: Value = serde_json::from_str(default).unwrap();
    assert_eq!(errors_of(&default), Vec::<String>::new());
    // In the first question: where, what, and the error expected.
    let broken = json!([
        ["/kind", "unit", {"fr": "ans"}, "questions[0].kind: unknown fields {\"unit\"}"],
        ["/kind", "type", "yes_no", "questions[0].kind: unknown fields {\"options\"}"],
        ["/urgent/0", "alert", "alien_invasion", "urgent[0].alert: \"alien_invasion\" is not"],
        ["/needs/0", "priority", "someday", "needs[0].priority: \"someday\" is not"],
        ["/needs/0/when/answer", "value", 1, "when.answer: unknown fields {\"value\"}"],
        ["/needs/0/when/answer", "values", [], "when.answer.values: minItems is 1"],
        ["", "kind", {"type": "short_text", "max_length": 0}, "kind.max_length: below 1"],
        ["", "colour", "blue", "questions[0]: unknown fields {\"colour\"}"]
    ]);
    for case in broken.as_array().unwrap() {
        let mut json = default.clone();
        let at = format!("/sections/0/questions/0{}", case[0].as_str().unwrap());
        json.pointer_mut(&at).unwrap()[case[1].as_str().unwrap()] = case[2].clone();
        let (errors, expected) = (errors_of(&json), case[3].as_str().unwrap());
        assert!(errors.iter().any(|e| e.contains(expected)), "{errors:#?}");
        // The engine refuses it too.
        let engine = Questionnaire::from_json(&json.to_string());
        assert!(engine.is_err(), "{case}");
    }
}
