//! Persona fixtures (`tests/personas/*.json`, written from the official
//! criteria): facts → expected status of named schemes, checked against
//! the shipped national catalogue.

use std::collections::BTreeMap;
use std::path::Path;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{orient, Eligibility, Request};
use passerelle_core::Locale;
use serde::Deserialize;

#[derive(Deserialize)]
struct Persona {
    name: String,
    reference_date: Date,
    facts: serde_json::Value,
    expected: BTreeMap<String, Eligibility>,
    /// The entries the person has already, when the persona says: exactly
    /// these are theirs (`Orientation::held`).
    #[serde(default)]
    held: Option<Vec<String>>,
    #[serde(default)]
    #[allow(dead_code)]
    why: BTreeMap<String, String>,
}

#[test]
fn personas_get_the_statuses_the_official_criteria_give() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/personas");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("tests/personas exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "only {} personas", files.len());
    let catalogue = Catalogue::national();
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let persona: Persona = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let facts = Facts::from_value(&persona.facts, "$.facts")
            .unwrap_or_else(|problems| panic!("{}: {problems:?}", file.display()));
        let orientation = orient(
            &catalogue,
            &Request {
                facts: &facts,
                needs: &[],
                reference_date: persona.reference_date,
                locale: Locale::En,
                explain: true,
            },
        )
        .unwrap_or_else(|problem| panic!("{}: {problem}", file.display()));
        if let Some(held) = &persona.held {
            checked += 1;
            let mut expected: Vec<&str> = held.iter().map(String::as_str).collect();
            let mut found = orientation.held.clone();
            expected.sort_unstable();
            found.sort_unstable();
            if found != expected {
                failures.push(format!(
                    "{}: the person has {found:?}, expected {expected:?}",
                    persona.name
                ));
            }
        }
        for (id, expected) in &persona.expected {
            checked += 1;
            let Some(evaluation) = orientation.evaluation(id) else {
                failures.push(format!("{}: no entry {id} in the catalogue", persona.name));
                continue;
            };
            if evaluation.status != *expected {
                let reasons: Vec<String> = orientation
                    .explanation(evaluation)
                    .iter()
                    .map(|part| format!("      {:?} {}", part.status(), part.text()))
                    .collect();
                failures.push(format!(
                    "{} ({}): {id} is {:?}, expected {:?}; missing {:?}\n{}",
                    persona.name,
                    file.file_name().unwrap().to_string_lossy(),
                    evaluation.status,
                    expected,
                    evaluation.missing,
                    reasons.join("\n")
                ));
            }
        }
    }
    println!("{} personas, {checked} expectations checked", files.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
