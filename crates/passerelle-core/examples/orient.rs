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

use std::io::Read;
use std::process::ExitCode;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::i18n::Locale;
use passerelle_core::orientation::{orient, Need, Request};
use passerelle_core::problem::Problem;
use serde_json::{json, Value};

fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days).unwrap_or_else(|| unreachable!("the clock is past year 9999"))
}

fn run() -> Result<Value, Vec<Problem>> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|error| vec![Problem::new("unreadable_input", "$", error.to_string())])?;
    let input: Value = serde_json::from_str(&input).map_err(|error| vec![Problem::json(&error)])?;
    let facts = Facts::from_value(input.get("facts").unwrap_or(&json!({})), "$.facts")?;
    let needs: Vec<Need> = match input.get("needs") {
        None => Vec::new(),
        Some(needs) => serde_json::from_value(needs.clone())
            .map_err(|error| vec![Problem::new("invalid_needs", "$.needs", error.to_string())])?,
    };
    let reference_date = match input.get("reference_date").and_then(Value::as_str) {
        None => today(),
        Some(text) => Date::parse(text).map_err(|error| {
            vec![Problem::new(
                "invalid_date",
                "$.reference_date",
                error.to_string(),
            )]
        })?,
    };
    let locale = input
        .get("locale")
        .and_then(Value::as_str)
        .and_then(Locale::from_tag)
        .unwrap_or_default();
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
