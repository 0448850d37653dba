//! `DiagnosisSession::resume` on arbitrary text, with the shipped
//! questionnaire adapted to the national catalogue. A snapshot that
//! resumes gives a coherent session whose own snapshot resumes to the
//! same session; a refused one has a stable code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle_core::{DiagnosisSession, Locale};
use passerelle_fuzz::{assert_session_coherent, assert_snapshot_round_trip, questionnaire};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let questionnaire = questionnaire();
    match DiagnosisSession::resume(questionnaire, text) {
        Ok(session) => {
            assert_session_coherent(questionnaire, &session);
            assert_snapshot_round_trip(questionnaire, &session);
            let _ = session.diagnosis(questionnaire, Locale::Fr);
        }
        Err(error) => {
            assert!(!error.code().is_empty());
            let _ = error.message(Locale::En);
        }
    }
});
