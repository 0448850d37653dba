//! Browser tests of the JavaScript API (`Engine`, `Diagnosis`, `Plan`),
//! run by wasm-bindgen-test in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{orient, Need, Priority, Request};
use passerelle_core::Locale;
use passerelle_wasm::{Diagnosis, Engine};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TODAY: &str = "2026-11-27";

/// A JavaScript value made from JSON.
fn js(value: Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

/// A JavaScript value read back as JSON.
fn json(value: &JsValue) -> Value {
    let text = String::from(js_sys::JSON::stringify(value).unwrap());
    serde_json::from_str(&text).unwrap()
}

/// A value made by running JavaScript code.
fn eval(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// The `code` of a thrown error, checking that it is an `Error` with a
/// string `code`, a string `message` and an array `details`.
fn code(error: &JsValue) -> String {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    let field = |name: &str| js_sys::Reflect::get(error, &name.into()).unwrap();
    assert!(
        field("message").as_string().is_some(),
        "no message: {error:?}"
    );
    assert!(
        js_sys::Array::is_array(&field("details")),
        "no details: {error:?}"
    );
    field("code")
        .as_string()
        .unwrap_or_else(|| panic!("no string code: {error:?}"))
}

fn message(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn details(error: &JsValue) -> Vec<Value> {
    let details = js_sys::Reflect::get(error, &"details".into()).unwrap();
    json(&details).as_array().cloned().unwrap()
}

fn engine() -> Engine {
    Engine::new(JsValue::UNDEFINED).unwrap()
}

/// Answers every question by simple rules, for a 19-year-old in
/// Seine-Saint-Denis who has a roof and food and many difficulties.
fn answer_all(diagnosis: &Diagnosis) -> usize {
    let mut answered = 0;
    while let Some(question) = Some(json(&diagnosis.current().unwrap())).filter(|q| !q.is_null()) {
        let id = question["id"].as_str().unwrap().to_owned();
        let kind = &question["kind"];
        let answer = match kind["type"].as_str().unwrap() {
            "yes_no" => json!(id == "food_today"),
            "number" if id == "age" => json!(19),
            "number" => kind["min"].clone(),
            "postal_code" => json!("93200"),
            "date" => json!("2007-05-02"),
            "short_text" => json!("x"),
            "need_ranking" => json(&diagnosis.needs_found().unwrap()),
            "multiple_choice" => json!([kind["options"][0]["id"]]),
            "single_choice" if id == "sleep_tonight" => json!("home"),
            "single_choice" => kind["options"].as_array().unwrap().last().unwrap()["id"].clone(),
            other => panic!("kind {other}"),
        };
        diagnosis.answer(id.as_str().into(), js(answer)).unwrap();
        answered += 1;
        assert!(answered < 200, "the session does not end");
    }
    answered
}

/// The flow a page runs, end to end.
fn full_flow(engine: &Engine) {
    let diagnosis = engine.start_diagnosis(TODAY.into()).unwrap();
    assert_eq!(diagnosis.reference_date().unwrap(), TODAY);
    let first = json(&diagnosis.current().unwrap());
    assert_eq!(first["id"], "sleep_tonight");
    assert_eq!(json(&diagnosis.progress().unwrap())["answered"], 0);

    // Back and resume from a snapshot half way.
    diagnosis
        .answer("sleep_tonight".into(), "home".into())
        .unwrap();
    assert_eq!(json(&diagnosis.step().unwrap())["progress"]["answered"], 1);
    assert!(diagnosis.back().unwrap());
    assert!(!diagnosis.back().unwrap());
    assert_eq!(
        json(&diagnosis.previous_answer("sleep_tonight".into()).unwrap()),
        "home"
    );
    diagnosis
        .answer("sleep_tonight".into(), "home".into())
        .unwrap();
    let snapshot = diagnosis.snapshot().unwrap();
    let resumed = engine.resume_diagnosis(snapshot.as_str().into()).unwrap();
    assert_eq!(json(&resumed.current().unwrap())["id"], "food_today");

    let answered = answer_all(&resumed);
    assert!(answered > 10);
    assert!(resumed.is_complete().unwrap());
    assert!(resumed.current().unwrap().is_null());
    let result = json(&resumed.result().unwrap());
    assert_eq!(result["reference_date"], TODAY);
    assert_eq!(result["urgent"], json!([]));
    assert_eq!(result["facts"]["department"], "93");
    assert_eq!(json(&resumed.facts().unwrap()), result["facts"]);
    let themes: Vec<&str> = result["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|need| need["theme"].as_str().unwrap())
        .collect();
    assert!(themes.contains(&"trouver-un-emploi"), "{themes:?}");
    assert_eq!(
        json(&resumed.needs_found().unwrap())
            .as_array()
            .unwrap()
            .len(),
        themes.len()
    );

    // Orientation from the diagnosis, then from facts given directly.
    let orientation = json(&resumed.orient(js(json!({"detailed": true}))).unwrap());
    assert!(!orientation["needs"].as_array().unwrap().is_empty());
    let direct = json(
        &engine
            .orient(js(json!({
                "facts": {"birth_date": "2007-05-02", "postal_code": "93200",
                          "employment_status": "inactive", "in_education": false},
                "needs": [{"theme": "trouver-un-emploi"}],
                "referenceDate": TODAY,
            })))
            .unwrap(),
    );
    let status = direct["evaluations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|evaluation| evaluation["id"] == "mission-locale")
        .unwrap()["status"]
        .clone();
    assert_eq!(status, "eligible");

    // The plan: build, edit, review, export, read back.
    let plan = resumed
        .build_plan(js(json!({"needs": ["trouver-un-emploi"]})))
        .unwrap();
    let value = json(&plan.value().unwrap());
    assert_eq!(value["locale"], engine.locale().unwrap());
    assert_eq!(value["schedule"]["start"], TODAY);
    let action = value["objectives"][0]["actions"][0].clone();
    let action_id = action["id"].as_str().unwrap().to_owned();
    let entry = action["entry"].as_str().unwrap().to_owned();
    let change = json(
        &plan
            .apply(
                js(json!({"op": "set_status", "action": action_id, "status": "in_progress"})),
                "person".into(),
                TODAY.into(),
            )
            .unwrap(),
    );
    assert_eq!(change["number"], 2);
    assert_eq!(change["by"], "person");
    plan.apply(
        js(
            json!({"op": "review", "review": {"date": "2026-12-11", "done": "CV", "stuck": "",
                  "changed": ""}}),
        ),
        "advisor".into(),
        "2026-12-11".into(),
    )
    .unwrap();
    let proposals = json(
        &plan
            .proposals("2026-12-11".into(), JsValue::UNDEFINED)
            .unwrap(),
    );
    for proposal in proposals.as_array().unwrap() {
        assert!(proposal["objective"].is_string() && proposal["action"]["title"].is_string());
    }
    assert!(!json(&plan.next_steps().unwrap())
        .as_array()
        .unwrap()
        .is_empty());

    let exported = plan.to_json().unwrap();
    let read = engine.plan_from_json(exported.as_str().into()).unwrap();
    assert_eq!(read.to_json().unwrap(), exported);
    // A plan object, and a Plan itself (through toJSON), read the same.
    let from_value = engine.plan_from_json(plan.value().unwrap()).unwrap();
    assert_eq!(from_value.to_json().unwrap(), exported);

    let html = read.print_view("2026-12-11".into()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") || html.contains("<html"));
    // The first action's title, as HTML escapes it (the core's escaping).
    let longest_word = action["title"]
        .as_str()
        .unwrap()
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|word| word.len())
        .unwrap();
    assert!(
        html.contains("<h1") && html.contains(longest_word),
        "{html}"
    );

    // The referral sheet needs the person's consent.
    let refused = read
        .referral_sheet(entry.as_str().into(), "2026-12-11".into())
        .unwrap_err();
    assert_eq!(code(&refused), "no_consent");
    read.apply(
        js(json!({"op": "give_consent", "consent": {"entry": entry, "date": "2026-12-11"}})),
        "person".into(),
        "2026-12-11".into(),
    )
    .unwrap();
    let sheet = json(
        &read
            .referral_sheet(entry.as_str().into(), "2026-12-11".into())
            .unwrap(),
    );
    assert_eq!(sheet["partner"]["entry"], entry.as_str());

    // A diagnosis saved as JSON builds the same plan later.
    let saved = js_sys::JSON::stringify(&resumed.result().unwrap())
        .unwrap()
        .as_string()
        .unwrap();
    let choices = js(json!({"needs": ["trouver-un-emploi"]}));
    let later = engine
        .build_plan(saved.as_str().into(), choices.clone())
        .unwrap();
    let now = resumed.build_plan(choices).unwrap();
    assert_eq!(later.to_json().unwrap(), now.to_json().unwrap());
    let error = engine
        .build_plan(js(json!({"needs": []})), js(json!({"needs": ["x"]})))
        .unwrap_err();
    assert_eq!(code(&error), "invalid_argument");

    // The same answers replayed give the same diagnosis.
    let answers = js_sys::Object::new();
    for (id, answer) in json(&resumed.answers().unwrap()).as_object().unwrap() {
        js_sys::Reflect::set(&answers, &id.as_str().into(), &js(answer.clone())).unwrap();
    }
    let replayed = engine
        .replay_diagnosis(answers.into(), TODAY.into())
        .unwrap();
    let problems = json(&js_sys::Reflect::get(&replayed, &"problems".into()).unwrap());
    assert_eq!(problems, json!([]));
    let session = js_sys::Reflect::get(&replayed, &"diagnosis".into()).unwrap();
    let result = js_sys::Reflect::get(&session, &"result".into())
        .unwrap()
        .dyn_into::<js_sys::Function>()
        .unwrap()
        .call0(&session)
        .unwrap();
    assert_eq!(json(&result), json(&resumed.result().unwrap()));
    let replayed = engine
        .replay_diagnosis(js(json!({"sleep_tonight": "castle"})), TODAY.into())
        .unwrap();
    let problems = json(&js_sys::Reflect::get(&replayed, &"problems".into()).unwrap());
    assert_eq!(problems[0]["code"], "answer_unknown_option", "{problems}");
    assert_eq!(problems[0]["path"], "$.answers.sleep_tonight");

    // The anonymous report, from Plans, plan objects and JSON texts.
    let plans = js_sys::Array::new();
    plans.push(&JsValue::from(read));
    plans.push(&plan.value().unwrap());
    plans.push(&exported.as_str().into());
    let report = json(&engine.report(plans.into(), JsValue::UNDEFINED).unwrap());
    assert!(report.get("plans").is_some(), "{report}");
}

#[wasm_bindgen_test]
fn the_whole_flow_runs_from_javascript() {
    full_flow(&engine());
    let english = Engine::new(js(json!({"locale": "en-GB"}))).unwrap();
    assert_eq!(english.locale().unwrap(), "en");
    full_flow(&english);
}

#[wasm_bindgen_test]
fn an_engine_takes_its_questionnaire_and_catalogues_as_objects_or_json() {
    let default = engine();
    let questionnaire = default.questionnaire().unwrap();
    let catalogue = default.catalogue().unwrap();
    let text = String::from(js_sys::JSON::stringify(&catalogue).unwrap());
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"questionnaire".into(), &questionnaire).unwrap();
    js_sys::Reflect::set(&options, &"catalogue".into(), &text.into()).unwrap();
    js_sys::Reflect::set(
        &options,
        &"localCatalogue".into(),
        &Catalogue::demo_local_json().into(),
    )
    .unwrap();
    let given = Engine::new(options.into()).unwrap();
    assert_eq!(json(&given.questionnaire().unwrap()), json(&questionnaire));
    let entries = json(&given.catalogue().unwrap())["entries"]
        .as_array()
        .unwrap()
        .len();
    assert!(entries > json(&catalogue)["entries"].as_array().unwrap().len());
    full_flow(&given);

    // An option under its name before the API was camelCase is refused,
    // and the message gives its name now.
    let wrong = Engine::new(js(json!({"local_catalogue": {}}))).unwrap_err();
    assert_eq!(code(&wrong), "invalid_argument");
    assert_eq!(details(&wrong)[0]["path"], "$.local_catalogue");
    assert_eq!(
        details(&wrong)[0]["message"],
        "options has no \"local_catalogue\": it is \"localCatalogue\" now"
    );
    let wrong = Engine::new(js(json!({"locale": "de"}))).unwrap_err();
    assert_eq!(code(&wrong), "unknown_locale");
    let wrong = Engine::new(js(json!({"questionnaire": {"format_version": 1}}))).unwrap_err();
    assert_eq!(code(&wrong), "invalid_questionnaire");
}

/// The demo town's catalogue as JSON text, for tests.
trait DemoJson {
    fn demo_local_json() -> String;
}

impl DemoJson for Catalogue {
    fn demo_local_json() -> String {
        serde_json::to_string(&Catalogue::demo_local()).unwrap()
    }
}

#[wasm_bindgen_test]
fn a_local_catalogue_is_checked_whole_and_merged() {
    let engine = engine();
    let bad = json!({"format_version": 1, "id": "local", "name": "Local", "entries": [
      {"id": "Épicerie", "name": {"fr": "Épicerie"}, "description": {"en": "Food"},
       "kind": "service", "types": ["aide-materielle"],
       "themes": ["equipement-et-alimentation--alimentation"],
       "publics": ["tous-publics"], "zone": {"departments": ["20"]},
       "access": {"through": ["usagers"], "modes": ["telephoner"]},
       "cost": "gratuit", "source_url": "http://example.org", "last_verified": "2026-11-26",
       "eligibility": {"age": {"min": 30, "max": 18}}}]});
    for input in [js(bad.clone()), bad.to_string().as_str().into()] {
        let error = engine.load_catalogue(input).unwrap_err();
        assert_eq!(code(&error), "invalid_catalogue");
        let found: Vec<(String, String)> = details(&error)
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().into(),
                    d["path"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(
            found[0],
            ("missing_access_detail".into(), "$.entries[0].access".into())
        );
        assert_eq!(
            found[5],
            (
                "invalid_code".into(),
                "$.entries[0].zone.departments[0]".into()
            )
        );
    }
    let error = engine.load_catalogue("{".into()).unwrap_err();
    assert_eq!(code(&error), "invalid_catalogue");
    assert_eq!(details(&error)[0]["code"], "invalid_json");

    let summary = json(
        &engine
            .load_catalogue(Catalogue::demo_local_json().as_str().into())
            .unwrap(),
    );
    assert!(summary["local_entries"].as_u64().unwrap() > 0);
    assert!(summary["entries"].as_u64() > summary["local_entries"].as_u64());
    full_flow(&engine);

    // Half a surrogate pair is refused; U+FFFD, what it becomes once
    // copied into WebAssembly, is a character like any other.
    let mut catalogue: serde_json::Value =
        serde_json::from_str(&Catalogue::demo_local_json()).unwrap();
    let name = &mut catalogue["entries"][0]["name"]["fr"];
    *name = format!("{} \u{FFFD}", name.as_str().unwrap()).into();
    let text = catalogue.to_string();
    assert!(engine.load_catalogue(text.as_str().into()).is_ok());
    let half = eval(&format!(
        "return {}.replace('\\uFFFD', '\\uD800');",
        serde_json::to_string(&text).unwrap()
    ));
    assert_eq!(
        code(&engine.load_catalogue(half).unwrap_err()),
        "not_unicode"
    );
}

#[wasm_bindgen_test]
fn data_inclusion_records_are_imported_with_a_report() {
    let engine = engine();
    let records = json!([{
      "source": "dora", "structure_id": "dora--1", "id": "dora--42",
      "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.",
      "date_maj": "2026-10-01", "type": "atelier",
      "thematiques": ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
      "publics": ["demandeurs-emploi"], "frais": "gratuit",
      "zone_eligibilite": ["93", "200054781"],
      "mobilisable_par": ["usagers"], "modes_mobilisation": ["telephoner"],
      "telephone": "01 23 45 67 89", "lien_source": "https://dora.inclusion.beta.gouv.fr/services/42",
      "conditions_acces": "Être inscrit à France Travail."
    }]);
    let import = engine.import_data_inclusion(js(records)).unwrap();
    let imported = json(&import);
    assert_eq!(imported["catalogue"]["entries"][0]["id"], "di-dora-42");
    let codes: Vec<&str> = imported["report"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["unmapped_zone_code", "conditions_not_encoded"]);
    let catalogue = js_sys::Reflect::get(&import, &"catalogue".into()).unwrap();
    let summary = json(&engine.load_catalogue(catalogue).unwrap());
    assert_eq!(summary["local_entries"], 1);

    let error = engine
        .import_data_inclusion(js(json!({"not": "a list"})))
        .unwrap_err();
    assert_eq!(code(&error), "invalid_records");
    assert_eq!(details(&error)[0]["code"], "wrong_type");
}

#[wasm_bindgen_test]
fn session_errors_have_the_cores_codes_and_localised_messages() {
    let engine = engine();
    let diagnosis = engine.start_diagnosis(TODAY.into()).unwrap();
    let error = diagnosis.answer("age".into(), 19.into()).unwrap_err();
    assert_eq!(code(&error), "not_current_question");
    let french = message(&error);
    engine.set_locale("en".into()).unwrap();
    let error = diagnosis.answer("age".into(), 19.into()).unwrap_err();
    assert_ne!(message(&error), french);
    let error = diagnosis
        .answer("sleep_tonight".into(), "sofa".into())
        .unwrap_err();
    assert_eq!(code(&error), "answer_unknown_option");
    let error = diagnosis
        .answer("sleep_tonight".into(), js(json!({"x": 1})))
        .unwrap_err();
    assert_eq!(code(&error), "answer_unknown_option");
    diagnosis
        .answer("sleep_tonight".into(), "home".into())
        .unwrap();
    diagnosis.answer("food_today".into(), true.into()).unwrap();
    diagnosis
        .answer("danger_at_home".into(), false.into())
        .unwrap();
    diagnosis
        .answer("child_in_danger".into(), false.into())
        .unwrap();
    diagnosis
        .answer("urgent_care".into(), false.into())
        .unwrap();
    let error = diagnosis.answer("age".into(), 7.into()).unwrap_err();
    assert_eq!(code(&error), "answer_out_of_range");
    assert!(message(&error).contains("14"), "{}", message(&error));
    let error = diagnosis.answer("age".into(), 19.5.into()).unwrap_err();
    assert_eq!(code(&error), "answer_unknown_option");
    diagnosis.answer_input("age".into(), "19".into()).unwrap();

    let error = engine.start_diagnosis("2026-02-30".into()).unwrap_err();
    assert_eq!(code(&error), "invalid_date");
    let error = engine.set_locale("de".into()).unwrap_err();
    assert_eq!(code(&error), "unknown_locale");

    let snapshot = diagnosis.snapshot().unwrap();
    let newer = snapshot.replace("\"snapshot_version\":1", "\"snapshot_version\":9");
    let error = engine.resume_diagnosis(newer.as_str().into()).unwrap_err();
    assert_eq!(code(&error), "snapshot_future_version");
    let error = engine.resume_diagnosis("[]".into()).unwrap_err();
    assert_eq!(code(&error), "snapshot_corrupted");
    // A snapshot given as an object reads like its text.
    let resumed = engine
        .resume_diagnosis(js_sys::JSON::parse(&snapshot).unwrap())
        .unwrap();
    assert_eq!(resumed.snapshot().unwrap(), snapshot);
}

#[wasm_bindgen_test]
fn requests_and_plans_are_refused_with_every_problem() {
    let engine = engine();
    let error = engine
        .orient(js(json!({"facts": {"age": "old", "colour": "blue"},
                          "needs": [{"theme": "astrologie"}], "referenceDate": TODAY})))
        .unwrap_err();
    assert_eq!(code(&error), "invalid_request");
    let paths: Vec<String> = details(&error)
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    assert!(paths.len() >= 3, "{paths:?}");
    assert!(paths.contains(&"$.needs[0].theme".to_owned()), "{paths:?}");
    let error = engine
        .eligible(js(json!({"facts": {"age": "old", "colour": "blue"}})))
        .unwrap_err();
    assert_eq!(code(&error), "invalid_request");
    assert_eq!(details(&error).len(), 2, "every problem of the facts");
    let error = engine.eligible(js(json!({"needs": []}))).unwrap_err();
    assert_eq!(
        code(&error),
        "invalid_argument",
        "a key eligible does not take"
    );

    let error = engine
        .plan_from_json("{\"format_version\": 99}".into())
        .unwrap_err();
    assert_eq!(code(&error), "plan_future_version");
    let error = engine
        .plan_from_json(js(json!({"format_version": 2})))
        .unwrap_err();
    assert_eq!(code(&error), "plan_corrupted");
    let plans = js(json!(["{", {"format_version": 2}]));
    let error = engine.report(plans, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code(&error), "invalid_plans");
    let found: Vec<(Value, Value)> = details(&error)
        .iter()
        .map(|d| (d["path"].clone(), d["code"].clone()))
        .collect();
    assert_eq!(
        found,
        [
            (json!("$[0]"), json!("plan_corrupted")),
            (json!("$[1]"), json!("plan_corrupted"))
        ]
    );

    let diagnosis = engine.start_diagnosis(TODAY.into()).unwrap();
    answer_all(&diagnosis);
    let error = diagnosis.build_plan(js(json!({"needs": []}))).unwrap_err();
    assert_eq!(code(&error), "no_need");
    let error = diagnosis
        .build_plan(js(json!({"needs": ["sante--astrologie"]})))
        .unwrap_err();
    assert_eq!(code(&error), "need_not_found");
    let plan = diagnosis
        .build_plan(js(json!({"needs": ["trouver-un-emploi"]})))
        .unwrap();
    let error = plan
        .apply(
            js(json!({"op": "set_status", "action": "a999", "status": "done"})),
            "person".into(),
            TODAY.into(),
        )
        .unwrap_err();
    assert_eq!(code(&error), "unknown_action");
    let error = plan
        .apply(js(json!({"op": "built"})), "person".into(), TODAY.into())
        .unwrap_err();
    assert_eq!(code(&error), "already_built");
    let error = plan
        .apply(
            js(json!({"op": "set_next_review", "date": null})),
            "person".into(),
            "2020-01-01".into(),
        )
        .unwrap_err();
    assert_eq!(code(&error), "date_before_last_change");
    let error = plan
        .apply(js(json!({"op": "teleport"})), "person".into(), TODAY.into())
        .unwrap_err();
    assert_eq!(code(&error), "invalid_argument");
    let error = plan
        .apply(
            js(json!({"op": "set_next_review", "date": null})),
            "robot".into(),
            TODAY.into(),
        )
        .unwrap_err();
    assert_eq!(code(&error), "invalid_argument");
    let error = plan
        .referral_sheet("nowhere".into(), TODAY.into())
        .unwrap_err();
    assert_eq!(code(&error), "unknown_entry");
}

/// Hostile values: wrong types, null, undefined, huge, deeply nested,
/// cyclic, unserialisable, throwing.
fn hostile_values() -> Vec<(&'static str, JsValue)> {
    let huge = "a".repeat(10 * 1024 * 1024);
    let huge_json = format!("\"{}\"", "b".repeat(10 * 1024 * 1024));
    let deep_text = "[".repeat(100_000);
    let mut deep_array = JsValue::from(js_sys::Array::new());
    for _ in 0..100_000 {
        deep_array = js_sys::Array::of1(&deep_array).into();
    }
    let mut deep_object = JsValue::from(js_sys::Object::new());
    for _ in 0..100_000 {
        let outer = js_sys::Object::new();
        js_sys::Reflect::set(&outer, &"a".into(), &deep_object).unwrap();
        deep_object = outer.into();
    }
    let long_array = js_sys::Array::new();
    for i in 0..10_000 {
        long_array.push(&JsValue::from(i));
    }
    vec![
        ("undefined", JsValue::UNDEFINED),
        ("null", JsValue::NULL),
        ("true", JsValue::TRUE),
        ("zero", 0.into()),
        ("negative", (-1).into()),
        ("NaN", f64::NAN.into()),
        ("infinity", f64::INFINITY.into()),
        ("huge number", 1e308.into()),
        ("beyond safe integers", 9_007_199_254_740_993_f64.into()),
        ("empty string", "".into()),
        ("word", "fr".into()),
        ("broken JSON", "{".into()),
        ("JSON null", "null".into()),
        ("bad date", "2026-02-30".into()),
        ("10 MB string", huge.into()),
        ("10 MB JSON text", huge_json.into()),
        ("JSON nested 100,000 deep", deep_text.into()),
        ("empty array", js_sys::Array::new().into()),
        ("empty object", js_sys::Object::new().into()),
        ("array nested 100,000 deep", deep_array),
        ("object nested 100,000 deep", deep_object),
        ("array of 10,000 numbers", long_array.into()),
        ("cyclic object", eval("const o = {}; o.self = o; return o;")),
        ("cyclic array", eval("const a = []; a.push(a); return a;")),
        (
            "BigInt",
            eval("return {facts: {age: 10n}, needs: [], value: 10n};"),
        ),
        ("bare BigInt", eval("return 10n;")),
        ("symbol", eval("return Symbol('x');")),
        ("function", eval("return function () { return 1; };")),
        (
            "throwing toJSON",
            eval("return {toJSON() { throw new Error('boom'); }};"),
        ),
        (
            "throwing a non-Error",
            eval("return {toJSON() { throw 42; }};"),
        ),
        (
            "throwing getter",
            eval("return {get facts() { throw new Error('getter'); }};"),
        ),
        (
            "hostile proxy",
            eval(
                "return new Proxy({}, {get() { throw 1; }, ownKeys() { throw 2; }, \
                  getOwnPropertyDescriptor() { throw 3; }, has() { throw 4; }});",
            ),
        ),
        (
            "revoked proxy",
            eval("const p = Proxy.revocable([], {}); p.revoke(); return p.proxy;"),
        ),
        ("Date object", eval("return new Date(0);")),
        ("Map", eval("return new Map([['a', 1]]);")),
        ("typed array", eval("return new Uint8Array(16);")),
        ("lone surrogate", eval("return '\\uD800';")),
        (
            "needs of wrong shape",
            js(json!({"needs": "trouver-un-emploi", "facts": []})),
        ),
        (
            "choices of wrong shape",
            js(json!({"needs": [1, null], "schedule": {"steps_per_week": 99}})),
        ),
        (
            "edit of wrong shape",
            js(json!({"op": "move_action", "action": "a1", "position": -1})),
        ),
    ]
}

/// An object with `key` set to `value`.
fn with(key: &str, value: &JsValue) -> JsValue {
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &key.into(), value).unwrap();
    object.into()
}

/// `Ok`, or an `Error` with a string code: anything else fails the test.
fn works_or_throws<T>(call: &str, value: &str, result: Result<T, JsValue>) {
    if let Err(error) = result {
        assert!(
            error.is_instance_of::<js_sys::Error>()
                && js_sys::Reflect::get(&error, &"code".into())
                    .unwrap()
                    .as_string()
                    .is_some(),
            "{call} with {value}: {error:?}"
        );
    }
}

#[wasm_bindgen_test]
fn every_exported_function_survives_hostile_inputs() {
    let engine = Rc::new(engine());
    let values = hostile_values();
    // A value whose toJSON calls back into the engine while it is read.
    let reentrant = {
        let engine = Rc::clone(&engine);
        let callback = Closure::<dyn Fn() -> JsValue>::new(move || {
            let _ = engine.set_locale("en".into());
            let _ = engine.load_catalogue(Catalogue::demo_local_json().as_str().into());
            let _ = engine.start_diagnosis(JsValue::UNDEFINED);
            js(json!({"needs": ["x"]}))
        });
        let object = with("toJSON", callback.as_ref());
        callback.forget();
        object
    };
    let mut values = values;
    values.push(("re-entrant toJSON", reentrant));

    let diagnosis = engine.start_diagnosis(TODAY.into()).unwrap();
    let finished = engine.start_diagnosis(TODAY.into()).unwrap();
    answer_all(&finished);
    let plan = finished
        .build_plan(js(json!({"needs": ["trouver-un-emploi"]})))
        .unwrap();
    let edit = || js(json!({"op": "set_next_review", "date": "2026-12-24"}));

    let mut calls = 0;
    for (name, value) in &values {
        let v = || value.clone();
        macro_rules! check {
            ($call:expr) => {{
                calls += 1;
                works_or_throws(stringify!($call), name, $call);
            }};
        }
        check!(Engine::new(v()));
        for key in ["locale", "questionnaire", "catalogue", "localCatalogue"] {
            check!(Engine::new(with(key, value)));
        }
        check!(engine.set_locale(v()));
        check!(engine.locale());
        check!(engine.load_catalogue(v()));
        check!(engine.import_data_inclusion(v()));
        check!(engine.start_diagnosis(v()));
        check!(engine.resume_diagnosis(v()));
        check!(engine.orient(v()));
        for key in ["facts", "needs", "referenceDate", "explain", "detailed"] {
            check!(engine.orient(with(key, value)));
        }
        check!(engine.eligible(v()));
        for key in ["facts", "referenceDate"] {
            check!(engine.eligible(with(key, value)));
        }
        check!(engine.plan_from_json(v()));
        check!(engine.replay_diagnosis(v(), TODAY.into()));
        check!(engine.replay_diagnosis(js(json!({})), v()));
        check!(engine.replay_diagnosis(with("sleep_tonight", value), TODAY.into()));
        check!(engine.build_plan(v(), js(json!({"needs": ["trouver-un-emploi"]}))));
        check!(engine.build_plan(finished.result().unwrap(), v()));
        check!(engine.report(v(), JsValue::UNDEFINED));
        check!(engine.report(js_sys::Array::of1(value).into(), JsValue::UNDEFINED));
        check!(engine.report(js_sys::Array::new().into(), v()));
        check!(engine.report_csv(js_sys::Array::new().into(), v()));

        check!(diagnosis.answer(v(), "home".into()));
        let current = json(&diagnosis.current().unwrap());
        let id = current["id"].as_str().unwrap_or("sleep_tonight").to_owned();
        check!(diagnosis.answer(id.as_str().into(), v()));
        check!(diagnosis.answer_input(v(), "1".into()));
        check!(diagnosis.answer_input(id.as_str().into(), v()));
        check!(diagnosis.skip(v()));
        check!(diagnosis.previous_answer(v()));
        check!(diagnosis.orient(v()));
        check!(diagnosis.build_plan(v()));
        check!(finished.orient(v()));
        check!(finished.build_plan(v()));
        check!(finished.build_plan(with("needs", value)));
        check!(finished.build_plan(with("schedule", value)));

        check!(plan.apply(v(), "advisor".into(), TODAY.into()));
        check!(plan.apply(edit(), v(), TODAY.into()));
        check!(plan.apply(edit(), "advisor".into(), v()));
        check!(plan.proposals(v(), JsValue::UNDEFINED));
        check!(plan.proposals(TODAY.into(), v()));
        check!(plan.print_view(v()));
        check!(plan.referral_sheet(v(), TODAY.into()));
        check!(plan.referral_sheet("mission-locale".into(), v()));
    }
    // The calls without arguments, on every object.
    works_or_throws("questionnaire", "-", engine.questionnaire());
    works_or_throws("catalogue", "-", engine.catalogue());
    for session in [&diagnosis, &finished] {
        works_or_throws("current", "-", session.current());
        works_or_throws("step", "-", session.step());
        works_or_throws("progress", "-", session.progress());
        works_or_throws("is_complete", "-", session.is_complete());
        works_or_throws("reference_date", "-", session.reference_date());
        works_or_throws("snapshot", "-", session.snapshot());
        works_or_throws("result", "-", session.result());
        works_or_throws("needs_found", "-", session.needs_found());
        works_or_throws("facts", "-", session.facts());
        works_or_throws("answers", "-", session.answers());
        works_or_throws("back", "-", session.back());
    }
    works_or_throws("to_json", "-", plan.to_json());
    works_or_throws("value", "-", plan.value());
    works_or_throws("toJSON", "-", plan.to_json_value());
    works_or_throws("next_steps", "-", plan.next_steps());
    assert!(calls > 1_000, "{calls} calls");

    // Dates at the ends of the calendar.
    for date in ["0001-01-01", "9999-12-31"] {
        let diagnosis = engine.start_diagnosis(date.into()).unwrap();
        answer_all(&diagnosis);
        works_or_throws("orient", date, diagnosis.orient(JsValue::UNDEFINED));
        if let Ok(plan) = diagnosis.build_plan(js(json!({"needs": ["trouver-un-emploi"]}))) {
            works_or_throws("print_view", date, plan.print_view(date.into()));
            works_or_throws(
                "proposals",
                date,
                plan.proposals(date.into(), JsValue::NULL),
            );
            works_or_throws(
                "apply",
                date,
                plan.apply(edit(), "person".into(), date.into()),
            );
        }
    }

    // The module still works.
    engine.set_locale("fr".into()).unwrap();
    full_flow(&engine);
}

/// A catalogue of `size` generated entries (as the core's orientation
/// benchmark makes them).
fn generated_catalogue(size: usize) -> Value {
    const THEMES: [&str; 4] = [
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "logement-hebergement--changer-de-logement",
        "sante--acces-aux-soins",
        "mobilite--acceder-a-un-vehicule",
    ];
    const DEPARTMENTS: [&str; 6] = ["93", "75", "69", "13", "974", "2A"];
    const STATUSES: [&str; 4] = ["jobseeker", "inactive", "student", "employed"];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut below = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let entries: Vec<Value> = (0..size)
        .map(|i| {
            let min = 16 + below(10) as i64;
            let age = json!({"age": {"min": min, "max": min + 9 + below(20) as i64}});
            let status = json!({"in": {"fact": "employment_status",
                "values": [STATUSES[below(4)], STATUSES[below(4)]]}});
            let benefits = json!({"has_any": {"fact": "benefits", "values": ["rsa", "ass"]}});
            let months = json!({"compare": {"fact": "unemployment_months", "op": ">=",
                "value": below(24)}});
            let rule = match below(3) {
                0 => json!({"all": [age, status]}),
                1 => json!({"all": [age, {"any": [benefits, {"equals": {"fact": "rqth", "value": true}}]}]}),
                _ => json!({"any": [{"all": [status, months]}, benefits]}),
            };
            let zone = if below(3) == 0 {
                json!({"national": true})
            } else {
                json!({"departments": [DEPARTMENTS[below(6)]]})
            };
            json!({
                "id": format!("entry-{i}"),
                "name": {"fr": format!("Dispositif {i}"), "en": format!("Scheme {i}")},
                "description": {"fr": "Un dispositif généré pour mesurer."},
                "kind": "scheme", "types": ["accompagnement"],
                "themes": [THEMES[below(4)]], "publics": ["tous-publics"],
                "eligibility": rule, "zone": zone,
                "access": {"through": ["usagers"], "modes": ["telephoner"], "phone": "3949"},
                "cost": "gratuit", "source_url": "https://www.service-public.fr/",
                "last_verified": "2026-11-26"
            })
        })
        .collect();
    json!({"format_version": 1, "id": "bench", "name": "Bench", "entries": entries})
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The median of `runs` timings of `body`, in milliseconds.
fn median(runs: usize, mut body: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = now();
            body();
            now() - started
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The entries of the generated catalogue the transfer tests orient over:
/// enough for a large result, few enough that a debug build in a browser
/// stays well under the test runner's 30 s (the times at 10,000 entries
/// are `cargo xtask bench`'s, in a release build).
const TRANSFER_ENTRIES: usize = 1_000;

/// The two ways a large result can cross the boundary: one
/// `serde-wasm-bindgen` call per value, or JSON text parsed by
/// `JSON.parse`. Prints the times; asserts only that both give the same.
#[wasm_bindgen_test]
fn transfer_of_a_large_orientation() {
    let catalogue = Catalogue::from_value(&generated_catalogue(TRANSFER_ENTRIES)).unwrap();
    let facts = Facts::from_json(
        r#"{"age": 23, "postal_code": "93200", "employment_status": "jobseeker",
            "benefits": ["rsa"], "unemployment_months": 14}"#,
    )
    .unwrap();
    let needs = [
        Need {
            theme: "trouver-un-emploi".into(),
            priority: Priority::High,
            alerts: Vec::new(),
        },
        Need {
            theme: "logement-hebergement".into(),
            priority: Priority::Normal,
            alerts: Vec::new(),
        },
    ];
    let date = Date::parse(TODAY).unwrap();
    for explain in [false, true] {
        let orientation = orient(
            &catalogue,
            &Request {
                facts: &facts,
                needs: &needs,
                reference_date: date,
                locale: Locale::Fr,
                explain,
            },
        )
        .unwrap();
        let text = serde_json::to_string(&orientation).unwrap();
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let mut via_bindgen = JsValue::NULL;
        let bindgen = median(3, || {
            via_bindgen = serde::Serialize::serialize(&orientation, &serializer).unwrap();
        });
        let mut via_json = JsValue::NULL;
        let json_text = median(3, || {
            let text = serde_json::to_string(&orientation).unwrap();
            via_json = js_sys::JSON::parse(&text).unwrap();
        });
        assert_eq!(json(&via_bindgen), json(&via_json));
        console_log!(
            "orientation over {TRANSFER_ENTRIES} entries (explain: {explain}, {} KB of JSON): \
             serde-wasm-bindgen {bindgen:.1} ms, JSON text + JSON.parse {json_text:.1} ms",
            text.len() / 1024
        );
    }
    // And through the API, which uses the faster.
    let engine = Engine::new(with(
        "catalogue",
        &generated_catalogue(TRANSFER_ENTRIES).to_string().into(),
    ))
    .unwrap();
    let request = js(json!({"facts": {"age": 23, "postal_code": "93200",
        "employment_status": "jobseeker", "benefits": ["rsa"], "unemployment_months": 14},
        "needs": [{"theme": "trouver-un-emploi"}, {"theme": "logement-hebergement"}],
        "referenceDate": TODAY}));
    let through_api = median(3, || {
        engine.orient(request.clone()).unwrap();
    });
    console_log!("Engine.orient over {TRANSFER_ENTRIES} entries, explained: {through_api:.1} ms");
}

/// Small results cross the boundary the same way as large ones (JSON text
/// read by `JSON.parse`): measured against `serde-wasm-bindgen` for the
/// next question of a session and for a diagnosis result. A measurement, printed; it never fails on speed.
#[wasm_bindgen_test]
fn transfer_of_small_results() {
    let questionnaire = passerelle_core::Questionnaire::default_fr_en();
    let mut session =
        passerelle_core::DiagnosisSession::new(&questionnaire, Date::parse(TODAY).unwrap());
    session
        .answer_input(&questionnaire, "sleep_tonight", "street")
        .unwrap();
    let question = session.current(&questionnaire);
    let result = session.diagnosis(&questionnaire, Locale::Fr);
    measure_small("the next question", &question);
    measure_small("a diagnosis result", &result);
}

/// Times turning `value` into a JS value both ways, 100 times, and
/// prints the time per call.
fn measure_small<T: serde::Serialize>(what: &str, value: &T) {
    const CALLS: usize = 100;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let mut via_bindgen = JsValue::NULL;
    let bindgen = median(3, || {
        for _ in 0..CALLS {
            via_bindgen = value.serialize(&serializer).unwrap();
        }
    });
    let mut via_json = JsValue::NULL;
    let json_text = median(3, || {
        for _ in 0..CALLS {
            via_json = js_sys::JSON::parse(&serde_json::to_string(value).unwrap()).unwrap();
        }
    });
    assert_eq!(json(&via_bindgen), json(&via_json));
    console_log!(
        "{what} ({} bytes of JSON), per call: serde-wasm-bindgen {:.1} µs, \
         JSON text + JSON.parse {:.1} µs",
        serde_json::to_string(value).unwrap().len(),
        bindgen * 1000.0 / CALLS as f64,
        json_text * 1000.0 / CALLS as f64
    );
}

#[wasm_bindgen_test]
fn eligible_gives_the_ids_that_orient_finds_eligible_and_undetermined() {
    let engine = engine();
    let facts = json!({"age": 22, "postal_code": "93200", "employment_status": "jobseeker"});
    let matched = json(
        &engine
            .eligible(js(json!({"facts": facts, "referenceDate": TODAY})))
            .unwrap(),
    );
    for (status, expected) in ["eligible", "undetermined"]
        .into_iter()
        .zip(ids_orient_finds(&engine, &facts))
    {
        assert!(
            !expected.as_array().unwrap().is_empty(),
            "{status}: none to compare"
        );
        assert_eq!(matched[status], expected, "{status}");
    }
}

/// The ids `orient` finds eligible, then undetermined, for `facts`.
fn ids_orient_finds(engine: &Engine, facts: &Value) -> [Value; 2] {
    let orientation = json(
        &engine
            .orient(js(
                json!({"facts": facts, "referenceDate": TODAY, "explain": false}),
            ))
            .unwrap(),
    );
    ["eligible", "undetermined"].map(|status| {
        let ids: Vec<Value> = orientation["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|evaluation| evaluation["status"] == status)
            .map(|evaluation| evaluation["id"].clone())
            .collect();
        Value::Array(ids)
    })
}

/// `eligible` gives positions turned into ids from an array of the
/// catalogue's ids, made once per catalogue: after a local catalogue is
/// loaded, the ids are the new catalogue's, those `orient` finds.
#[wasm_bindgen_test]
fn eligible_follows_the_catalogue_loaded_after_it() {
    let engine = engine();
    let facts = json!({"age": 22, "postal_code": "93200", "employment_status": "jobseeker"});
    let request = || js(json!({"facts": facts, "referenceDate": TODAY}));
    let of_orient = || ids_orient_finds(&engine, &facts);
    let before = json(&engine.eligible(request()).unwrap());
    assert_eq!(
        [before["eligible"].clone(), before["undetermined"].clone()],
        of_orient()
    );
    assert_eq!(
        json(&engine.eligible(request()).unwrap()),
        before,
        "asked twice"
    );
    engine
        .load_catalogue(Catalogue::demo_local_json().as_str().into())
        .unwrap();
    let after = json(&engine.eligible(request()).unwrap());
    assert_eq!(
        [after["eligible"].clone(), after["undetermined"].clone()],
        of_orient()
    );
    let local = |ids: &Value| {
        (ids.as_array().unwrap().iter())
            .filter(|id| id.as_str().unwrap().starts_with("demo-"))
            .count()
    };
    assert!(
        local(&after["eligible"]) + local(&after["undetermined"]) > 0,
        "the local entries of Saint-Denis: {after}"
    );
}

/// What `JSON.stringify` would silently change is refused in the browser
/// too, with its code and where (docs/robustness.md, "The JavaScript API
/// against a hostile page"): an age of `NaN` is not "unknown", a `Map`
/// is not `{}`, half a surrogate pair is not an unknown option, and a
/// `toJSON` on `Object.prototype` is not obeyed.
#[wasm_bindgen_test]
fn values_json_would_change_are_refused_with_a_code() {
    let engine = engine();
    let refused = |result: Result<JsValue, JsValue>| -> (String, Vec<Value>) {
        let error = result.expect_err("refused");
        (code(&error), details(&error))
    };
    for age in ["NaN", "Infinity", "-Infinity"] {
        let request = eval(&format!(
            "return {{facts: {{age: {age}}}, reference_date: '{TODAY}'}};"
        ));
        let (found, details) = refused(engine.orient(request));
        assert_eq!(found, "not_a_number", "age {age}");
        assert_eq!(details[0]["path"], "$.facts.age");
    }
    let request = eval("return {facts: new Map([['age', 30]])};");
    let (found, details) = refused(engine.eligible(request));
    assert_eq!(found, "wrong_type");
    assert_eq!(details[0]["path"], "$.facts");
    let request = eval("return {facts: {birth_date: new Date(0)}};");
    assert_eq!(refused(engine.eligible(request)).0, "wrong_type");

    let diagnosis = engine.start_diagnosis(TODAY.into()).unwrap();
    let half = eval("return 'home\\uD800';");
    let error = diagnosis
        .answer("sleep_tonight".into(), half.clone())
        .unwrap_err();
    assert_eq!(code(&error), "not_unicode", "not answer_unknown_option");
    let error = diagnosis
        .answer_input("sleep_tonight".into(), half)
        .unwrap_err();
    assert_eq!(code(&error), "not_unicode");
    let error = engine.set_locale(eval("return 'fr\\uDC00';")).unwrap_err();
    assert_eq!(code(&error), "not_unicode");
    // A whole pair is text like any other: the first question is still to answer.
    assert_eq!(json(&diagnosis.current().unwrap())["id"], "sleep_tonight");

    eval("Object.defineProperty(Object.prototype, 'toJSON', {value() { return {locale: 'en'}; }, configurable: true});");
    let polluted = Engine::new(js(json!({"locale": "fr"})));
    eval("delete Object.prototype.toJSON;");
    assert_eq!(code(&polluted.unwrap_err()), "polluted_prototype");
}

/// The replacer that checks values reads a whole catalogue as
/// `JSON.stringify` alone does: a 200-entry catalogue given as an object
/// gives what its JSON text gives. Small and loaded once each way: the
/// runner gives up on a page blocked 30 s, and a debug build under load
/// is slow (the cost of the check is measured on the package, in Node:
/// docs/robustness.md).
#[wasm_bindgen_test]
fn a_catalogue_given_as_an_object_reads_as_its_json_text() {
    let catalogue = generated_catalogue(200);
    let text: JsValue = catalogue.to_string().into();
    let object = js(catalogue);
    let engine = engine();
    let from_object = engine.load_catalogue(object).unwrap();
    let from_text = engine.load_catalogue(text).unwrap();
    assert_eq!(json(&from_object), json(&from_text));
}

/// `explain: "on-demand"`: the orientation comes without reasons, and the
/// page asks the reasons of the proposals it shows from the handle beside
/// it, in the same words as when every entry is explained; the handle is
/// not data, so saving the orientation as JSON leaves it out.
#[wasm_bindgen_test]
fn reasons_are_given_on_demand_for_the_proposals_a_page_shows() {
    let engine = engine();
    let request = |explain: Value| {
        js(json!({
            "facts": {"birth_date": "2007-05-02", "postal_code": "93200",
                      "employment_status": "inactive", "in_education": false},
            "needs": [{"theme": "trouver-un-emploi"}],
            "referenceDate": TODAY,
            "explain": explain,
        }))
    };
    let everything = json(&engine.orient(request(json!(true))).unwrap());
    let result = engine.orient(request(json!("on-demand"))).unwrap();
    let on_demand = json(&result);
    assert_eq!(on_demand["needs"], everything["needs"]);
    assert!(on_demand.get("evaluations").is_none(), "no evaluation list");
    assert!(on_demand.get("reasons").is_none(), "the handle is not data");
    assert!(on_demand["eligible"]
        .as_array()
        .unwrap()
        .contains(&json!("mission-locale")));

    let reasons = js_sys::Reflect::get(&result, &"reasons".into()).unwrap();
    let call = |name: &str, argument: JsValue| {
        let method = js_sys::Reflect::get(&reasons, &name.into()).unwrap();
        method
            .unchecked_ref::<js_sys::Function>()
            .call1(&reasons, &argument)
    };
    let shown: Vec<Value> = on_demand["needs"][0]["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .take(10)
        .map(|proposal| proposal["id"].clone())
        .collect();
    assert_eq!(shown.len(), 10);
    let explained = json(&call("explain", js(json!(shown))).unwrap());
    let explained = explained.as_array().unwrap();
    assert_eq!(explained.len(), shown.len());
    for (one, id) in explained.iter().zip(&shown) {
        let whole = everything["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|evaluation| &evaluation["id"] == id)
            .unwrap();
        assert_eq!(one, whole, "the reasons of {id} on demand");
        assert!(!one["explanation"].as_array().unwrap().is_empty());
    }

    let error = call("explain", js(json!(["mission-locale", "no-such-entry"]))).unwrap_err();
    assert_eq!(code(&error), "unknown_entry");
    assert_eq!(details(&error)[0]["path"], "$[1]");
    let error = call("explain", "mission-locale".into()).unwrap_err();
    assert_eq!(code(&error), "invalid_argument");
    let error = engine.orient(request(json!("later"))).unwrap_err();
    assert_eq!(code(&error), "invalid_argument");
}
