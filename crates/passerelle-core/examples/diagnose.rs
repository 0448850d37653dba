//! Replays a person's answers through the default questionnaire and
//! prints the diagnosis, for questionnaire authors and tests:
//!
//! ```sh
//! echo '{"answers": {"sleep_tonight": "street", "food_today": false}, "reference_date": "2026-11-27"}' \
//!   | cargo run -p passerelle-core --example diagnose
//! ```
//!
//! Input: `{"answers": {question_id: value, ...}, "reference_date":
//! "YYYY-MM-DD", "locale": "fr"}`; the date (default: today) and locale
//! (default: fr) are optional. Values are plain JSON: `true`, `22`,
//! `"jobseeker"`, `["rsa", "are"]`. A question without an answer is
//! skipped when it may be; the replay stops at one that may not.
//!
//! Output: `{"asked": [...], "complete": bool, "questions_in_all": n,
//! "reference_date": "...", "facts": {...}, "urgent": [...], "needs":
//! [...], "ranked_by_person": bool}`, and `"problems"` (refused answers,
//! answers to questions that were not asked) with exit code 1 when there
//! are any.

use std::collections::BTreeMap;
use std::process::ExitCode;

mod common;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::problem::Problem;
use passerelle_core::{AnswerValue, DiagnosisSession, Questionnaire};
use serde_json::{json, Value};

fn run() -> Result<(Value, bool), Vec<Problem>> {
    let input = common::read_input()?;
    let answers: BTreeMap<String, AnswerValue> = serde_json::from_value(
        input.get("answers").cloned().unwrap_or(json!({})),
    )
    .map_err(|error| {
        vec![Problem::new(
            "invalid_answers",
            "$.answers",
            error.to_string(),
        )]
    })?;
    let reference_date = common::reference_date(&input)?;
    let locale = common::locale(&input);
    let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
    let (session, problems) =
        DiagnosisSession::replay(&questionnaire, reference_date, &answers, locale);
    let diagnosis = session.diagnosis(&questionnaire, locale);
    let mut output = json!({
        "asked": session.asked(),
        "complete": session.is_complete(&questionnaire),
        "questions_in_all": questionnaire.len(),
        "reference_date": diagnosis.reference_date,
        "facts": diagnosis.facts,
        "ranked_by_person": diagnosis.ranked_by_person,
        "needs": diagnosis.needs,
        "urgent": diagnosis.urgent,
    });
    let failed = !problems.is_empty();
    if failed {
        output["problems"] = json!(problems);
    }
    Ok((output, failed))
}

fn main() -> ExitCode {
    match run() {
        Ok((output, failed)) => {
            println!("{output:#}");
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(problems) => {
            println!("{:#}", json!({ "problems": problems }));
            ExitCode::FAILURE
        }
    }
}
