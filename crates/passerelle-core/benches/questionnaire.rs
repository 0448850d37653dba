//! Benchmark of the questionnaire engine on a generated questionnaire of
//! 1,000 questions whose `ask_when` conditions chain on earlier answers
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

use common::{measure, report, runs, Random};
use passerelle_core::date::Date;
use passerelle_core::{AnswerValue, DiagnosisSession, Question, QuestionKind, Questionnaire};
use serde_json::{json, Value};

const SIZE: usize = 1_000;

/// A questionnaire of `SIZE` questions in 10 sections. Every question
/// after the first few is asked only when an earlier choice or yes/no
/// answer (and, for some, a fact) has some value; the answers the
/// journey gives keep most of them asked.
fn questionnaire_json() -> String {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut choices: Vec<usize> = Vec::new();
    let mut questions = Vec::with_capacity(SIZE);
    for i in 0..SIZE {
        let id = format!("q{i}");
        let label = json!({"fr": format!("Question {i} ?"), "en": format!("Question {i}?")});
        let kind = match i % 4 {
            0 | 1 => json!({"type": "single_choice", "options": [
                {"id": "a", "label": {"fr": "A", "en": "A"}},
                {"id": "b", "label": {"fr": "B", "en": "B"}},
                {"id": "c", "label": {"fr": "C", "en": "C"}}]}),
            2 => json!({"type": "yes_no"}),
            _ => json!({"type": "number", "min": 0, "max": 100}),
        };
        let mut question = json!({"id": id, "kind": kind, "label": label, "help": label});
        if i == 2 {
            question["sets"] = json!("rqth");
        }
        if let (false, Some(&earlier)) = (choices.is_empty(), choices.last()) {
            let other = choices[random.below(choices.len())];
            let answer = |question: usize, values: Value| json!({"answer": {"question": format!("q{question}"), "values": values}});
            // Answers the journey gives, and answers it never gives.
            let values = |question: usize| {
                if question % 4 == 2 {
                    json!(["yes"])
                } else {
                    json!(["a", "b"])
                }
            };
            let other_values = |question: usize| {
                if question % 4 == 2 {
                    json!(["no"])
                } else {
                    json!(["c"])
                }
            };
            let rqth = if i > 2 {
                json!({"equals": {"fact": "rqth", "value": true}})
            } else {
                answer(earlier, values(earlier))
            };
            question["ask_when"] = match random.below(4) {
                0 => answer(earlier, values(earlier)),
                1 => {
                    json!({"all": [answer(earlier, values(earlier)), {"not": answer(other, other_values(other))}]})
                }
                2 => json!({"any": [answer(other, values(other)), rqth]}),
                // Ruled out by the journey's answers: some questions are never asked.
                _ => {
                    json!({"all": [answer(earlier, values(earlier)), answer(other, other_values(other))]})
                }
            };
        }
        if i % 4 != 3 {
            choices.push(i);
        }
        questions.push(question);
    }
    let sections: Vec<Value> = questions
        .chunks(SIZE / 10)
        .enumerate()
        .map(|(s, questions)| {
            json!({"id": format!("s{s}"), "title": {"fr": format!("Partie {s}"), "en": format!("Part {s}")},
                   "questions": questions})
        })
        .collect();
    json!({"format_version": 1, "id": "bench", "locales": ["fr", "en"], "sections": sections})
        .to_string()
}

/// The journey's answer to a question: the first option, yes, or 7.
fn answer(question: &Question) -> AnswerValue {
    match &question.kind {
        QuestionKind::YesNo => AnswerValue::Bool(true),
        QuestionKind::Number { .. } => AnswerValue::Number(7),
        _ => AnswerValue::Text(question.options()[0].id.clone()),
    }
}

fn main() {
    let json = questionnaire_json();
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
