//! The bad-input corpus (`tests/bad-input/`): every file, and every file
//! the manifest says to generate, fed to the API of its kind, must be
//! refused with the code and at the path of `tests/bad-input/expected.json`.
//! A file in the folder missing from the manifest, or listed and missing,
//! fails the test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::import::import_data_inclusion;
use passerelle_core::limits;
use passerelle_core::plan::{Plan, PlanError};
use passerelle_core::problem::Problem;
use passerelle_core::{AnswerValue, DiagnosisSession, Questionnaire, SnapshotError};
use serde_json::Value as Json;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-input")
}

/// Every (code, path) the API of `kind` gives for `bytes`; empty when
/// it accepts them.
fn refusals(kind: &str, bytes: &[u8]) -> Vec<(String, String)> {
    let text = match limits::document_text(bytes) {
        Ok(text) => text,
        Err(problem) => return vec![(problem.code.to_owned(), problem.path)],
    };
    let problems = |list: Vec<Problem>| -> Vec<(String, String)> {
        list.into_iter()
            .map(|problem| (problem.code.to_owned(), problem.path))
            .collect()
    };
    match kind {
        "catalogue" => Catalogue::from_json(text)
            .err()
            .map(problems)
            .unwrap_or_default(),
        "questionnaire" => Questionnaire::from_json(text)
            .err()
            .map(|error| problems(error.problems))
            .unwrap_or_default(),
        "facts" => Facts::from_json(text)
            .err()
            .map(problems)
            .unwrap_or_default(),
        "data-inclusion" => match import_data_inclusion(text) {
            Err(found) => problems(found),
            Ok(import) => problems(import.report),
        },
        "snapshot" => match DiagnosisSession::resume(&Questionnaire::default_fr_en(), text) {
            Ok(_) => Vec::new(),
            Err(SnapshotError::Limit { problem }) => problems(vec![problem]),
            Err(error) => vec![(error.code().to_owned(), "$".to_owned())],
        },
        "plan" => match Plan::from_json(text) {
            Ok(_) => Vec::new(),
            Err(PlanError::Limit { problem }) => problems(vec![problem]),
            Err(error) => vec![(error.code().to_owned(), "$".to_owned())],
        },
        "answers" => answers(text),
        other => panic!("unknown kind {other}"),
    }
}

/// Answers `[[id, value], …]` given in turn to a session of the default
/// questionnaire: the first refused, at `$[i]`. A value that does not
/// read as an answer is `answer_unknown_option`, as in JavaScript.
fn answers(text: &str) -> Vec<(String, String)> {
    let questionnaire = Questionnaire::default_fr_en();
    let mut session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
    let steps: Vec<(String, Json)> = serde_json::from_str(text).expect("answers: [[id, value]]");
    for (i, (id, value)) in steps.iter().enumerate() {
        let code = match passerelle_core::json::read::<AnswerValue>(value) {
            Err(_) => "answer_unknown_option",
            Ok(value) => match session.answer(&questionnaire, id, value) {
                Ok(()) => continue,
                Err(error) => error.code(),
            },
        };
        return vec![(code.to_owned(), format!("$[{i}]"))];
    }
    Vec::new()
}

fn check(name: &str, expected: &Json, bytes: &[u8], failures: &mut Vec<String>) {
    let kind = expected["kind"].as_str().unwrap();
    let code = expected["code"].as_str().unwrap();
    let path = expected["path"].as_str().unwrap();
    let found = refusals(kind, bytes);
    if !found.iter().any(|(c, p)| c == code && p == path) {
        let shown: Vec<String> = found
            .iter()
            .map(|(c, p)| format!("{c} at {}", p.chars().take(400).collect::<String>()))
            .collect();
        failures.push(format!("{name}: expected {code} at {path}, got {shown:?}"));
    }
}

fn manifest() -> Json {
    let text = std::fs::read_to_string(corpus().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The files of the corpus, as `kind/name`.
fn files_in_folder() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for kind in std::fs::read_dir(corpus()).unwrap() {
        let kind = kind.unwrap().path();
        if !kind.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&kind).unwrap() {
            let file = file.unwrap().path();
            found.insert(format!(
                "{}/{}",
                kind.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    found
}

#[test]
fn the_manifest_lists_every_file_and_only_them() {
    let manifest = manifest();
    let listed: BTreeSet<String> = manifest["files"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let present = files_in_folder();
    let unlisted: Vec<_> = present.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&present).collect();
    assert!(
        unlisted.is_empty(),
        "files not in expected.json: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "listed in expected.json, not in the folder: {missing:?}"
    );
    assert!(listed.len() >= 100, "only {} files", listed.len());
    for (name, expected) in manifest["files"].as_object().unwrap() {
        let kind = expected["kind"].as_str().unwrap();
        assert!(
            name.starts_with(&format!("{kind}/")),
            "{name} is not in its kind's folder"
        );
    }
    for name in manifest["generated"].as_object().unwrap().keys() {
        assert!(
            !present.contains(name),
            "{name} is generated: do not commit it"
        );
    }
}

#[test]
fn every_committed_file_is_refused_with_its_code_and_path() {
    let manifest = manifest();
    let mut failures = Vec::new();
    for (name, expected) in manifest["files"].as_object().unwrap() {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        check(name, expected, &bytes, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `prefix + repeat × times + suffix`.
fn generate(make: &Json) -> Vec<u8> {
    let repeat = make["repeat"].as_str().unwrap();
    let times = make["times"].as_u64().unwrap() as usize;
    let mut text = String::with_capacity(repeat.len() * times + 200);
    text.push_str(make["prefix"].as_str().unwrap());
    for _ in 0..times {
        text.push_str(repeat);
    }
    text.push_str(make["suffix"].as_str().unwrap());
    text.into_bytes()
}

#[test]
fn every_generated_file_is_refused_with_its_code_and_path() {
    let manifest = manifest();
    let mut failures = Vec::new();
    for (name, expected) in manifest["generated"].as_object().unwrap() {
        let bytes = generate(&expected["make"]);
        check(name, expected, &bytes, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
