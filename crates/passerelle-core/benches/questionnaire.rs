//! Benchmark of the questionnaire engine on a generated questionnaire of
//! 500 questions (the most a questionnaire may have) whose `ask_when` conditions chain on earlier answers
//! and facts: the time to load (parse and check) it, and the time of each
//! answer (check and record it, then work out the next question and the
//! progress, as a form does). A benchmark, not a test: it reports times
//! and never fails on speed.
//!
//! ```sh
//! cargo bench -p passerelle-core --bench questionnaire
//! ```

mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{measure, questionnaire_json, report, runs};
use passerelle_core::date::Date;
use passerelle_core::{AnswerValue, DiagnosisSession, Question, QuestionKind, Questionnaire};

const SIZE: usize = passerelle_core::limits::MAX_QUESTIONS;

/// The journey's answer to a question: the first option, yes, or 7.
fn answer(question: &Question) -> AnswerValue {
    match &question.kind {
        QuestionKind::YesNo => AnswerValue::Bool(true),
        QuestionKind::Number { .. } => AnswerValue::Number(7),
        _ => AnswerValue::Text(question.options()[0].id.clone()),
    }
}

fn main() {
    let json = questionnaire_json(SIZE);
    let runs = runs(30);
    measure(
        &format!("load a questionnaire of {SIZE} questions"),
        runs,
        || {
            black_box(Questionnaire::from_json(black_box(&json)).unwrap());
        },
    );
    let questionnaire = Questionnaire::from_json(&json).unwrap();
    let today = Date::parse("2026-11-27").unwrap();
    let mut samples = Vec::new();
    let mut asked = 0;
    for _ in 0..runs.div_ceil(10).max(1) {
        let mut session = DiagnosisSession::new(&questionnaire, today);
        let mut step = session.step(&questionnaire);
        asked = 0;
        while let Some(question) = step.question {
            let value = answer(question);
            let started = Instant::now();
            session
                .answer(&questionnaire, &question.id, black_box(value))
                .unwrap();
            step = black_box(session.step(&questionnaire));
            samples.push(started.elapsed());
            asked += 1;
        }
    }
    report(
        &format!("one answer + next question + progress ({asked} asked)"),
        samples,
    );
}
