//! Orients a person from JSON on standard input, for catalogue authors
//! and tests:
//!
//! ```sh
//! echo '{"facts": {"age": 19, "postal_code": "93200"}, "needs": [{"theme": "trouver-un-emploi"}]}' \
//!   | cargo run -p passerelle-core --example orient
//! ```
//!
//! Input: `{"facts": {...}, "needs": [...], "reference_date": "YYYY-MM-DD",
//! "locale": "fr", "catalogue": "path/to/local.json"}`; all but `facts` are
//! optional (date: today; locale: fr; the local catalogue is merged with
//! the national one). Output: `{"orientation": [...], "urgent_contacts":
//! [...], "evaluations": [...]}`.

use std::process::ExitCode;

mod common;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{orient, Need, Request};
use passerelle_core::problem::Problem;
use serde_json::{json, Value};

fn run() -> Result<Value, Vec<Problem>> {
    let input = common::read_input()?;
    let facts = Facts::from_value(input.get("facts").unwrap_or(&json!({})), "$.facts")?;
    let needs: Vec<Need> = match input.get("needs") {
        None => Vec::new(),
        Some(needs) => serde_json::from_value(needs.clone())
            .map_err(|error| vec![Problem::new("invalid_needs", "$.needs", error.to_string())])?,
    };
    let reference_date = common::reference_date(&input)?;
    let locale = common::locale(&input);
    let mut catalogue = Catalogue::national();
    if let Some(path) = input.get("catalogue").and_then(Value::as_str) {
        let json = std::fs::read_to_string(path).map_err(|error| {
            vec![Problem::new(
                "unreadable_catalogue",
                "$.catalogue",
                format!("{path}: {error}"),
            )]
        })?;
        catalogue = catalogue.merged_with(&Catalogue::from_json(&json)?);
    }
    let orientation = orient(
        &catalogue,
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date,
            locale,
            explain: true,
        },
    )
    .map_err(|problem| vec![problem])?;
    let detailed = orientation.detailed();
    let evaluations: Vec<_> = orientation
        .evaluations
        .iter()
        .map(|evaluation| orientation.explained(evaluation))
        .collect();
    Ok(json!({
        "reference_date": orientation.reference_date,
        "orientation": detailed.needs,
        "urgent_contacts": detailed.urgent_contacts,
        "evaluations": evaluations,
    }))
}

fn main() -> ExitCode {
    match run() {
        Ok(output) => {
            println!("{output:#}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            ExitCode::FAILURE
        }
    }
}
