//! What the fuzz targets share: the shipped data, read once, and the
//! properties checked on every value a target manages to read.
//!
//! A property that does not hold panics, and libFuzzer keeps the input
//! as a finding, like any other panic.

use std::sync::{Arc, OnceLock};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{
    orient, Eligibility, Need, Orientation, Priority, Request, FIRST_SHOWN,
};
use passerelle_core::rules::Outcome;
use passerelle_core::{
    AnswerValue, DiagnosisSession, Locale, Question, QuestionKind, Questionnaire,
};

/// The reference date of every target ("today").
pub fn today() -> Date {
    Date::new(2026, 11, 27).expect("a valid date")
}

/// The national catalogue, read once.
pub fn national() -> &'static Arc<Catalogue> {
    static CATALOGUE: OnceLock<Arc<Catalogue>> = OnceLock::new();
    CATALOGUE.get_or_init(|| Arc::new(Catalogue::national()))
}

/// The shipped questionnaire adapted to the national catalogue, read once.
pub fn questionnaire() -> &'static Questionnaire {
    static QUESTIONNAIRE: OnceLock<Questionnaire> = OnceLock::new();
    QUESTIONNAIRE.get_or_init(|| Questionnaire::default_fr_en().adapted_to(national().clone()))
}

/// A session's snapshot resumes to the same session, whose snapshot is
/// the same text.
pub fn assert_snapshot_round_trip(questionnaire: &Questionnaire, session: &DiagnosisSession) {
    let snapshot = session.snapshot();
    let resumed = DiagnosisSession::resume(questionnaire, &snapshot)
        .unwrap_or_else(|error| panic!("own snapshot refused ({}): {snapshot}", error.code()));
    assert_eq!(&resumed, session, "snapshot resumed to another session");
    assert_eq!(resumed.snapshot(), snapshot);
}

/// Where the session stands is coherent with the questionnaire: each
/// question asked at most once, progress within bounds.
pub fn assert_session_coherent(questionnaire: &Questionnaire, session: &DiagnosisSession) {
    let asked = session.asked();
    assert!(
        asked.len() <= questionnaire.len(),
        "more asked than questions"
    );
    for (i, id) in asked.iter().enumerate() {
        assert!(
            questionnaire.question(id).is_some(),
            "asked {id}, not a question"
        );
        assert!(!asked[..i].contains(id), "{id} asked twice");
    }
    let step = session.step(questionnaire);
    let progress = step.progress;
    assert_eq!(progress.answered, asked.len());
    assert!(progress.answered <= progress.total, "{progress:?}");
    assert!(progress.total <= progress.at_most, "{progress:?}");
    assert!(progress.at_most <= questionnaire.len(), "{progress:?}");
    if let Some(question) = step.question {
        assert!(!asked.contains(&question.id), "{} asked again", question.id);
    }
}

/// A plausible answer to a question, enough to walk a questionnaire.
pub fn plausible_answer(question: &Question) -> AnswerValue {
    let first = || question.options().first().map(|option| option.id.clone());
    match &question.kind {
        QuestionKind::YesNo => AnswerValue::Bool(question.id.len().is_multiple_of(2)),
        QuestionKind::Number { min, .. } => AnswerValue::Number(*min),
        QuestionKind::PostalCode => AnswerValue::Text("93200".into()),
        QuestionKind::Date => AnswerValue::Text("2000-01-01".into()),
        QuestionKind::MultipleChoice { .. } => AnswerValue::List(first().into_iter().collect()),
        QuestionKind::NeedRanking => AnswerValue::List(Vec::new()),
        _ => AnswerValue::Text(first().unwrap_or_else(|| "x".into())),
    }
}

/// Orients on `catalogue` with explanations and without, and checks that
/// both agree with each other and with the reference semantics of the
/// rules (`Condition::evaluate`), and that the ranking holds.
pub fn assert_orientation(catalogue: &Catalogue, facts: &Facts, needs: &[Need], date: Date) {
    for locale in [Locale::Fr, Locale::En] {
        let request = |explain| Request {
            facts,
            needs,
            reference_date: date,
            locale,
            explain,
        };
        let explained = orient(catalogue, &request(true));
        let plain = orient(catalogue, &request(false));
        let (explained, plain) = match (explained, plain) {
            (Ok(explained), Ok(plain)) => (explained, plain),
            (Err(a), Err(b)) => {
                assert_eq!(a, b, "explain changed the problem");
                assert!(!a.code.is_empty());
                return;
            }
            (a, b) => panic!("explain changed the outcome: {:?} / {:?}", a.err(), b.err()),
        };
        assert_agree(&explained, &plain);
        assert_reference_semantics(&explained);
        assert_ranking(&explained, needs);
        // Every explanation reads and the whole serialises.
        for evaluation in &explained.evaluations {
            for explanation in explained.explanation(evaluation).iter() {
                let _ = explanation.text();
                for part in explanation.parts().iter() {
                    let _ = part.text();
                }
            }
            assert!(plain.explanation(evaluation).is_empty());
        }
        let json = passerelle_core::json::write(&explained.detailed());
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        let _ = passerelle_core::json::write(&plain.detailed());
    }
}

fn assert_agree(explained: &Orientation, plain: &Orientation) {
    assert_eq!(explained.urgent_contacts, plain.urgent_contacts);
    assert_eq!(explained.needs, plain.needs);
    assert_eq!(explained.evaluations.len(), plain.evaluations.len());
    for (a, b) in explained.evaluations.iter().zip(&plain.evaluations) {
        assert_eq!(a.entry.id, b.entry.id);
        assert_eq!(
            a.status, b.status,
            "{}: explain changed the status",
            a.entry.id
        );
        assert_eq!(
            a.missing, b.missing,
            "{}: explain changed the missing facts",
            a.entry.id
        );
    }
}

fn assert_reference_semantics(orientation: &Orientation) {
    let facts = orientation.facts();
    for evaluation in &orientation.evaluations {
        let entry = evaluation.entry;
        let zone = entry.zone_condition.evaluate(facts);
        let outcome = match &entry.eligibility {
            Some(rule) => zone.both(rule.evaluate(facts)),
            None => zone,
        };
        let expected = match outcome {
            Outcome::Met => Eligibility::Eligible,
            Outcome::NotMet => Eligibility::Ineligible,
            Outcome::Unknown(_) => Eligibility::Undetermined,
        };
        assert_eq!(evaluation.status, expected, "{}: program ≠ rules", entry.id);
    }
    let matched = orientation.matched();
    for evaluation in &orientation.evaluations {
        let id = evaluation.entry.id.as_str();
        assert_eq!(
            matched.eligible.contains(&id),
            evaluation.status == Eligibility::Eligible
        );
        assert_eq!(
            matched.undetermined.contains(&id),
            evaluation.status == Eligibility::Undetermined
        );
    }
}

/// Each entry once in the whole orientation and never one the person
/// has; emergency lines only under an urgent need; the ruled-out entries
/// last, counted; what is shown first neither ruled out nor beyond the
/// emergency lines and key steps plus `FIRST_SHOWN`.
fn assert_ranking(orientation: &Orientation, needs: &[Need]) {
    // Copies of one need (same theme) collapse into the first, with the
    // most urgent priority of the copies.
    let mut collapsed: Vec<(&str, Priority)> = Vec::new();
    for need in needs {
        match collapsed.iter_mut().find(|(theme, _)| *theme == need.theme) {
            Some((_, priority)) => *priority = (*priority).min(need.priority),
            None => collapsed.push((&need.theme, need.priority)),
        }
    }
    assert_eq!(orientation.needs.len(), collapsed.len());
    let mut seen = std::collections::BTreeSet::new();
    for (found, (theme, priority)) in orientation.needs.iter().zip(&collapsed) {
        assert_eq!((found.need.theme.as_str(), found.need.priority), (*theme, *priority));
        let need = &found.need;
        let mut ruled_out = false;
        for proposal in &found.proposals {
            let evaluation = &orientation.evaluations[proposal.evaluation];
            assert_eq!(evaluation.entry.id, proposal.id);
            assert_eq!(evaluation.status, proposal.status);
            assert!(seen.insert(proposal.id), "{} proposed twice", proposal.id);
            assert!(!evaluation.held, "{} is held", proposal.id);
            assert_eq!(proposal.emergency, evaluation.entry.urgent);
            if proposal.emergency {
                assert_eq!(need.priority, Priority::Urgent, "emergency line, need not urgent");
            }
            let out = proposal.status == Eligibility::Ineligible;
            assert!(out || !ruled_out, "ruled out mixed in");
            ruled_out |= out;
        }
        let (first, _, out) = found.parts();
        assert_eq!(out.len(), found.ruled_out);
        let leading = first
            .iter()
            .take_while(|proposal| proposal.emergency || proposal.key)
            .count();
        assert!(first.len() <= FIRST_SHOWN.max(leading));
        for pointer in &found.see_also {
            assert_eq!(pointer.need.is_none(), pointer.held);
        }
    }
    for id in &orientation.held {
        assert!(!seen.contains(id), "{id} both held and proposed");
    }
}
