//! The shipped questionnaire (adapted to the national catalogue) fed an
//! arbitrary sequence of actions, one per line of the input:
//!
//! - `a<text>`: `answer_input` to the current question with `<text>`;
//! - `j<json>`: `answer` with the answer value read from `<json>`;
//! - `s`: `skip`; `b`: `back`;
//! - `i<id> <text>`: `answer_input` to the question `<id>`, current or not;
//! - anything else: `answer_input` to the current question with the line.
//!
//! After each action, a refused action leaves the session as it was. At
//! the end (only there: each step of the adapted questionnaire looks
//! ahead through the catalogue, and checking after each action made the
//! target too slow to explore) each question was asked at most once,
//! progress is within bounds, the snapshot resumes to the same session,
//! the diagnosis is made, and, when the person never
//! went back, the answers replayed ask the same questions, with no problem
//! when the session is complete.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::{AnswerValue, DiagnosisSession, Locale};
use passerelle_fuzz::{assert_session_coherent, assert_snapshot_round_trip, questionnaire, today};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let questionnaire = questionnaire();
    let mut session = DiagnosisSession::new(questionnaire, today());
    let mut went_back = false;
    for line in text.lines().take(200) {
        let current = session
            .current(questionnaire)
            .map(|question| question.id.clone())
            .unwrap_or_default();
        let before = session.clone();
        let outcome = match line.as_bytes().first() {
            Some(b'a') => session.answer_input(questionnaire, &current, &line[1..]),
            Some(b'j') => match passerelle_core::json::read_text::<AnswerValue>(&line[1..]) {
                Ok(value) => session.answer(questionnaire, &current, value),
                Err(_) => Ok(()),
            },
            Some(b's') if line.len() == 1 => session.skip(questionnaire, &current),
            Some(b'b') if line.len() == 1 => {
                went_back |= session.back();
                Ok(())
            }
            Some(b'i') => {
                let (id, input) = line[1..].split_once(' ').unwrap_or((&line[1..], ""));
                session.answer_input(questionnaire, id, input)
            }
            _ => session.answer_input(questionnaire, &current, line),
        };
        if let Err(error) = outcome {
            assert!(!error.code().is_empty());
            let _ = error.message(questionnaire.question(&current), Locale::Fr);
            assert_eq!(session, before, "a refused action changed the session");
        }
        assert!(session.asked().len() <= questionnaire.len());
    }
    assert_session_coherent(questionnaire, &session);
    assert_snapshot_round_trip(questionnaire, &session);
    for locale in [Locale::Fr, Locale::En] {
        let diagnosis = session.diagnosis(questionnaire, locale);
        let _ = diagnosis.orientation_needs();
    }
    // Answers given after going back may be kept for questions no longer
    // asked; without going back, a replay retraces the session.
    if !went_back {
        let answers = session
            .answers()
            .into_iter()
            .map(|(id, answer)| (id.to_owned(), answer.clone()))
            .collect();
        let (replayed, problems) =
            DiagnosisSession::replay(questionnaire, today(), &answers, Locale::En);
        let asked = session.asked();
        let common = asked.len().min(replayed.asked().len());
        assert_eq!(
            replayed.asked()[..common],
            asked[..common],
            "replay asked otherwise"
        );
        if session.is_complete(questionnaire) {
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(replayed.asked(), asked);
        }
    }
});
