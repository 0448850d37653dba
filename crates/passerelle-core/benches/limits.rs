//! Benchmark of the largest calls the limits allow
//! (`passerelle_core::limits`, `docs/robustness.md`): a questionnaire of
//! `MAX_QUESTIONS` questions loaded, walked answer by answer, resumed
//! from its last snapshot and replayed (conditions chained, none, or as
//! wide as `MAX_QUESTIONNAIRE_CONDITIONS` allows); an orientation of `MAX_NEEDS`
//! needs; a local catalogue of tens of thousands of entries merged with
//! the national one. The limits' time bounds are set from these numbers.
//! A benchmark, not a test: it reports times and never fails on speed.
//!
//! ```sh
//! cargo bench -p passerelle-core --bench limits
//! ```

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{measure, questionnaire_json, report, runs};
use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::limits::{MAX_NEEDS, MAX_QUESTIONNAIRE_CONDITIONS, MAX_QUESTIONS};
use passerelle_core::orientation::{orient, Need, Priority, Request};
use passerelle_core::Locale;
use passerelle_core::{AnswerValue, DiagnosisSession, Question, QuestionKind, Questionnaire};
use serde_json::json;

/// The journey's answer to a question: the first option, yes, or 7.
fn answer(question: &Question) -> AnswerValue {
    match &question.kind {
        QuestionKind::YesNo => AnswerValue::Bool(true),
        QuestionKind::Number { .. } => AnswerValue::Number(7),
        _ => AnswerValue::Text(question.options()[0].id.clone()),
    }
}

/// The worst questionnaire for a session: `size` yes/no questions, every
/// one asked; the first ones each raise a need (every data·inclusion
/// theme in turn) when answered yes, so that every later step orients on
/// 69 needs, as a questionnaire adapted to a catalogue does.
fn flat_questionnaire_json(size: usize) -> String {
    let themes = passerelle_core::referentials::Referential::Themes.terms();
    let questions: Vec<_> = (0..size)
        .map(|i| {
            let mut question = json!({"id": format!("q{i}"), "kind": {"type": "yes_no"},
                   "label": {"fr": format!("Question {i} ?"), "en": format!("Question {i}?")}});
            if let Some(theme) = themes.get(i) {
                question["needs"] = json!([{"theme": theme.value, "priority": "normal",
                    "when": {"answer": {"question": format!("q{i}"), "values": ["yes"]}}}]);
            }
            question
        })
        .collect();
    json!({"format_version": 1, "id": "flat", "locales": ["fr", "en"],
           "sections": [{"id": "s", "title": {"fr": "Partie", "en": "Part"}, "questions": questions}]})
    .to_string()
}

/// A questionnaire of `size` yes/no questions, each asked after a
/// condition of `width` answers tested, the last one met: every step
/// evaluates every condition to come in full.
fn wide_conditions_json(size: usize, width: usize) -> String {
    let questions: Vec<_> = (0..size)
        .map(|i| {
            let mut question = json!({"id": format!("q{i}"), "kind": {"type": "yes_no"},
                   "label": {"fr": format!("Question {i} ?"), "en": format!("Question {i}?")}});
            if i > 0 {
                let mut any: Vec<_> = (0..width - 1)
                    .map(|_| json!({"answer": {"question": "q0", "values": ["no"]}}))
                    .collect();
                any.push(json!({"answer": {"question": "q0", "values": ["yes"]}}));
                question["ask_when"] = json!({"any": any});
            }
            question
        })
        .collect();
    json!({"format_version": 1, "id": "wide", "locales": ["fr", "en"],
           "sections": [{"id": "s", "title": {"fr": "Partie", "en": "Part"}, "questions": questions}]})
    .to_string()
}

/// Walks a questionnaire to its end, and the times of the whole walk, its
/// slowest step, the resume of its last snapshot and the replay of its
/// answers.
fn questionnaire(name: &str, json: &str, runs: usize) {
    measure(&format!("load {name}"), runs, || {
        black_box(Questionnaire::from_json(black_box(json)).unwrap());
    });
    let questionnaire = Questionnaire::from_json(json)
        .unwrap()
        .adapted_to(std::sync::Arc::new(Catalogue::national()));
    let today = Date::parse("2026-11-27").unwrap();
    let mut walks = Vec::new();
    let mut slowest = Duration::ZERO;
    let mut session = DiagnosisSession::new(&questionnaire, today);
    for _ in 0..runs.clamp(1, 3) {
        session = DiagnosisSession::new(&questionnaire, today);
        let started = Instant::now();
        let mut step = session.step(&questionnaire);
        while let Some(question) = step.question {
            let one = Instant::now();
            session
                .answer(&questionnaire, &question.id, answer(question))
                .unwrap();
            step = black_box(session.step(&questionnaire));
            slowest = slowest.max(one.elapsed());
        }
        walks.push(started.elapsed());
    }
    let asked = session.asked().len();
    report(&format!("walk {name} ({asked} asked)"), walks);
    println!("{:<48} max {slowest:>10.2?}", "  its slowest answer + step");
    let snapshot = session.snapshot();
    measure(
        &format!("resume {name} ({asked} asked)"),
        runs.clamp(1, 5),
        || {
            black_box(DiagnosisSession::resume(&questionnaire, black_box(&snapshot)).unwrap());
        },
    );
    let answers: BTreeMap<String, AnswerValue> = session
        .answers()
        .into_iter()
        .map(|(id, value)| (id.to_owned(), value.clone()))
        .collect();
    measure(
        &format!("replay {name} ({asked} asked)"),
        runs.clamp(1, 5),
        || {
            black_box(DiagnosisSession::replay(
                &questionnaire,
                today,
                &answers,
                Locale::Fr,
            ));
        },
    );
}

fn main() {
    let runs = runs(10);
    // Conditions as wide as the limit lets them be: each tested answer
    // weighs 2 (the test and its value).
    let width = (MAX_QUESTIONNAIRE_CONDITIONS / (MAX_QUESTIONS - 1) - 1) / 2;
    let json = wide_conditions_json(MAX_QUESTIONS, width);
    let name = format!("{MAX_QUESTIONS} questions, {width} answers tested each");
    questionnaire(&name, &json, runs);
    if std::env::var_os("BENCH_WIDE").is_some() {
        // What the limit is for: 15 MB of conditions.
        let width = 16 * 1024 * 1024 / MAX_QUESTIONS / 50;
        let json = wide_conditions_json(MAX_QUESTIONS, width);
        let name = format!("{MAX_QUESTIONS} questions, {width} answers tested each");
        let questionnaire = Questionnaire::from_json(&json);
        assert!(questionnaire.is_err(), "{name}: over the limit");
    }
    for size in [MAX_QUESTIONS / 4, MAX_QUESTIONS / 2, MAX_QUESTIONS] {
        let name = format!("{size} questions, chained");
        questionnaire(&name, &questionnaire_json(size), runs);
        let name = format!("{size} questions, all asked");
        questionnaire(&name, &flat_questionnaire_json(size), runs);
    }

    let national = Catalogue::national();
    let facts = Facts::from_json(
        r#"{"birth_date": "2001-06-01", "postal_code": "93200", "employment_status": "jobseeker"}"#,
    )
    .unwrap();
    let reference_date = Date::parse("2026-11-27").unwrap();
    let copies = vec![Need::new("trouver-un-emploi", Priority::Normal); MAX_NEEDS];
    let themes = passerelle_core::referentials::Referential::Themes.terms();
    let distinct: Vec<Need> = (themes.iter().cycle())
        .take(MAX_NEEDS)
        .map(|term| Need::new(&term.value, Priority::High))
        .collect();
    for (label, needs) in [
        ("copies of one need", &copies),
        ("needs, every theme", &distinct),
    ] {
        let request = Request {
            facts: &facts,
            needs,
            reference_date,
            locale: Locale::Fr,
            explain: true,
        };
        measure(&format!("orient {MAX_NEEDS} {label}"), runs, || {
            let orientation = orient(black_box(&national), black_box(&request)).unwrap();
            black_box(serde_json::to_vec(&orientation).unwrap());
        });
    }

    let size = 38_000;
    let entries: Vec<_> = (0..size)
        .map(|i| {
            json!({
                "id": format!("local-{i}"),
                "name": {"fr": format!("Service {i}")},
                "description": {"fr": "Un service généré pour mesurer."},
                "kind": "service", "types": ["accompagnement"],
                "themes": ["trouver-un-emploi--repondre-a-des-offres-demploi"],
                "publics": ["tous-publics"], "zone": {"departments": ["93"]},
                "access": {"through": ["usagers"], "modes": ["telephoner"], "phone": "3949"},
                "cost": "gratuit", "source_url": "https://www.service-public.fr/",
                "last_verified": "2026-11-26"
            })
        })
        .collect();
    let local = Catalogue::from_value(
        &json!({"format_version": 1, "id": "local", "name": "Local", "entries": entries}),
    )
    .expect("the generated catalogue is valid");
    measure(
        &format!("merge a local catalogue of {size} entries"),
        runs.clamp(1, 5),
        || {
            black_box(national.merged_with(black_box(&local)));
        },
    );
    // Every local entry serves both needs: each is proposed under one
    // and pointed to from the other.
    let merged = national.merged_with(&local);
    let needs = [
        Need::new(
            "trouver-un-emploi--repondre-a-des-offres-demploi",
            Priority::Normal,
        ),
        Need::new("trouver-un-emploi", Priority::Normal),
    ];
    let request = Request {
        facts: &facts,
        needs: &needs,
        reference_date,
        locale: Locale::Fr,
        explain: false,
    };
    measure(
        &format!(
            "orient on it, 2 needs, detailed ({} entries)",
            merged.entries().len()
        ),
        runs.clamp(1, 5),
        || {
            let orientation = orient(black_box(&merged), black_box(&request)).unwrap();
            black_box(serde_json::to_vec(&orientation.detailed()).unwrap());
        },
    );

    // The catalogue editor at a keystroke: a department's import of
    // thousands of entries, one entry changed, checked again alone
    // (`Draft::recheck_entry`) rather than all of it (`Draft::check`).
    let editing: Vec<_> = entries.iter().take(2_160).cloned().collect();
    let mut draft = passerelle_core::catalogue::editing::Draft::from_value(
        json!({"format_version": 1, "id": "local", "name": "Local", "entries": editing}),
    )
    .expect("a catalogue to edit");
    let mut problems = draft.check();
    let mut typed = draft.entry(1_000).cloned().expect("entry 1000");
    measure(
        "editor: check 2,160 entries whole",
        runs.clamp(1, 5),
        || {
            black_box(draft.check());
        },
    );
    measure("editor: check again the one entry typed in", runs, || {
        typed["name"]["fr"] = json!(format!("{}x", typed["name"]["fr"].as_str().unwrap_or("")));
        draft.set_entry(1_000, typed.clone());
        draft.recheck_entry(black_box(&mut problems), 1_000);
    });
}
