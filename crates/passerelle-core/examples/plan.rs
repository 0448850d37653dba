//! Builds a personalised plan and prints it as JSON, as a print view
//! (`--print`) or as the referral sheet for one partner (`--referral
//! ENTRY_ID`):
//!
//! ```sh
//! echo '{"facts": {"age": 19, "postal_code": "93200", "employment_status": "inactive"},
//!        "needs": [{"theme": "trouver-un-emploi", "priority": "high"}],
//!        "reference_date": "2026-11-27"}' | cargo run -p passerelle-core --example plan -- --print
//! ```
//!
//! Input (JSON on standard input), every field optional but the first:
//! - either `"answers"` (`{question_id: value}`, replayed through the
//!   default questionnaire to make the diagnosis), or `"facts"` and
//!   `"needs"` (`[{"theme", "priority"}]`), or `"plan"` (a plan exported
//!   before);
//! - `"choices"`: the needs to work on, entries, statements, schedule,
//!   locale (see `plan::Choices`; default: every need found, from the
//!   reference date, two steps a week);
//! - `"edits"`: `[{"by": "person" | "advisor", "date": "YYYY-MM-DD",
//!   "edit": {"op": …}}]`, applied in order;
//! - `"reference_date"` (default: today) and `"locale"` (default: fr).
//!
//! Problems are printed as `{"problems": [...]}` with exit code 1.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;

mod common;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
use passerelle_core::facts::Facts;
use passerelle_core::orientation::Need;
use passerelle_core::plan::{Author, Choices, Edit, Plan};
use passerelle_core::print::print_view;
use passerelle_core::problem::Problem;
use passerelle_core::referral::referral_sheet;
use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire};
use serde::Deserialize;
use serde_json::{json, Value};

/// An edit of the input, with who made it and when.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Dated {
    by: Author,
    date: Date,
    edit: Edit,
}

/// What to print.
enum Output {
    Json,
    Print,
    Referral(String),
}

fn problem(code: &'static str, path: &str, message: impl std::fmt::Display) -> Vec<Problem> {
    vec![Problem::new(code, path, message.to_string())]
}

fn field<T: serde::de::DeserializeOwned>(
    input: &Value,
    name: &str,
) -> Result<Option<T>, Vec<Problem>> {
    input
        .get(name)
        .map(|value| serde_json::from_value(value.clone()))
        .transpose()
        .map_err(|error| problem("invalid_input", &format!("$.{name}"), error))
}

fn diagnosis(
    input: &Value,
    catalogue: &Arc<Catalogue>,
    today: Date,
    locale: Locale,
) -> Result<Diagnosis, Vec<Problem>> {
    if let Some(answers) = field::<BTreeMap<String, AnswerValue>>(input, "answers")? {
        let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::clone(catalogue));
        let (session, problems) = DiagnosisSession::replay(&questionnaire, today, &answers, locale);
        let refused: Vec<Problem> = problems
            .into_iter()
            .filter(|problem| problem.code != "question_not_asked")
            .collect();
        if !refused.is_empty() {
            return Err(refused);
        }
        return Ok(session.diagnosis(&questionnaire, locale));
    }
    let facts = Facts::from_value(input.get("facts").unwrap_or(&json!({})), "$.facts")?;
    let needs: Vec<Need> = field(input, "needs")?.unwrap_or_default();
    Ok(Diagnosis {
        questionnaire_id: String::new(),
        reference_date: today,
        facts,
        urgent: Vec::new(),
        needs: needs
            .into_iter()
            .map(|need| FoundNeed {
                label: passerelle_core::theme_labels::theme_label(&need.theme, locale)
                    .unwrap_or(&need.theme)
                    .to_owned(),
                theme: need.theme,
                priority: need.priority,
                rank: None,
                raised_by: Vec::new(),
            })
            .collect(),
        ranked_by_person: false,
    })
}

fn run(output: &Output) -> Result<String, Vec<Problem>> {
    let input = common::read_input()?;
    let today = common::reference_date(&input)?;
    let locale = common::locale(&input);
    let catalogue = Arc::new(Catalogue::national());
    let mut plan = match input.get("plan") {
        Some(plan) => Plan::from_json(&plan.to_string())
            .map_err(|error| problem(error.code(), "$.plan", error))?,
        None => {
            let diagnosis = diagnosis(&input, &catalogue, today, locale)?;
            let choices = field::<Choices>(&input, "choices")?.unwrap_or_else(|| {
                let mut choices = Choices::new(
                    today,
                    diagnosis
                        .needs
                        .iter()
                        .map(|need| need.theme.clone())
                        .collect(),
                );
                choices.locale = locale;
                choices
            });
            Plan::build(&diagnosis, &catalogue, &choices)
                .map_err(|error| problem(error.code(), "$.choices", error))?
        }
    };
    let edits: Vec<Dated> = field(&input, "edits")?.unwrap_or_default();
    for (i, dated) in edits.into_iter().enumerate() {
        plan.apply(dated.edit, dated.by, dated.date)
            .map_err(|error| problem(error.code(), &format!("$.edits[{i}]"), error))?;
    }
    Ok(match output {
        Output::Json => plan.to_json(),
        Output::Print => print_view(&plan, &catalogue, today),
        Output::Referral(entry) => referral_sheet(&plan, &catalogue, entry, today)
            .map_err(|error| problem(error.code(), "$", error))?
            .to_html(),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => Output::Json,
        ["--print"] => Output::Print,
        ["--referral", entry] => Output::Referral(entry.to_owned()),
        _ => {
            eprintln!("usage: plan [--print | --referral ENTRY_ID] < input.json");
            return ExitCode::FAILURE;
        }
    };
    match run(&output) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            println!("{:#}", json!({ "problems": problems }));
            ExitCode::FAILURE
        }
    }
}
