//! `Questionnaire::from_json` on arbitrary text. A questionnaire that
//! reads, adapted to the national catalogue, is walked to its end with a
//! plausible answer to each question (skipping what refuses it): each
//! question is asked at most once, progress stays within bounds, every
//! snapshot resumes to the same session, and the diagnosis is made.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use passerelle_core::{DiagnosisSession, Locale, Questionnaire};
use passerelle_fuzz::{
    assert_session_coherent, assert_snapshot_round_trip, national, plausible_answer, today,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let questionnaire = match Questionnaire::from_json(text) {
        Ok(questionnaire) => questionnaire,
        Err(error) => {
            assert!(!error.problems.is_empty(), "refused without a problem");
            return;
        }
    };
    let _ = questionnaire.questions_settling(passerelle_core::facts::FactSet::default());
    let questionnaire = questionnaire.adapted_to(Arc::clone(national()));
    let mut session = DiagnosisSession::new(&questionnaire, today());
    // Forward only: each step asks a new question, so the walk ends.
    for _ in 0..=questionnaire.len() {
        assert_session_coherent(&questionnaire, &session);
        assert_snapshot_round_trip(&questionnaire, &session);
        let Some(question) = session.current(&questionnaire) else {
            break;
        };
        let id = question.id.clone();
        let answer = plausible_answer(question);
        let before = session.clone();
        if let Err(error) = session.answer(&questionnaire, &id, answer) {
            assert!(!error.code().is_empty());
            let _ = error.message(Some(question), Locale::En);
            assert_eq!(session, before, "a refused answer changed the session");
            if session.skip(&questionnaire, &id).is_err() {
                assert_eq!(session, before, "a refused skip changed the session");
                break;
            }
        }
    }
    for locale in [Locale::Fr, Locale::En] {
        let diagnosis = session.diagnosis(&questionnaire, locale);
        let _ = diagnosis.orientation_needs();
        let _ = passerelle_core::json::write(&diagnosis);
    }
});
