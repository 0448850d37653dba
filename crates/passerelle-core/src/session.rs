//! The diagnosis session: answers in, next question out.
//!
//! A [`DiagnosisSession`] is a plain value (it serialises to JSON) that
//! records the answers given so far. It does not own the questionnaire:
//! each step takes the [`Questionnaire`] it runs on, so a session stays
//! small and the same questionnaire serves many sessions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::facts::Facts;
use crate::i18n::{Locale, Message};
use crate::questionnaire::{AnswerError, AnswerValue, Question, Questionnaire};
use crate::rules::Outcome;

/// Where a person is in the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Questions answered (or skipped) so far.
    pub answered: usize,
    /// Questions in all, as far as can be told now: those answered, and
    /// those still to come whose `ask_when` is not already ruled out.
    pub total: usize,
}

/// Why a step of the session was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The answer itself is wrong for the question.
    Answer(AnswerError),
    /// The answer is for another question than the one being asked.
    NotCurrentQuestion {
        /// The question the answer was for.
        question_id: String,
    },
    /// Every question already has an answer.
    Complete,
    /// The question does not offer "I'd rather not say".
    NotSkippable,
}

impl SessionError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            SessionError::Answer(error) => error.code(),
            SessionError::NotCurrentQuestion { .. } => "not_current_question",
            SessionError::Complete => "session_complete",
            SessionError::NotSkippable => "not_skippable",
        }
    }

    /// Message for the person, about the current question of `questionnaire`.
    pub fn message(&self, question: Option<&Question>, locale: Locale) -> String {
        match (self, question) {
            (SessionError::Answer(error), Some(question)) => error.message(question, locale),
            (SessionError::Answer(_), None) | (SessionError::NotCurrentQuestion { .. }, _) => {
                Message::NotCurrentQuestion.text(locale)
            }
            (SessionError::Complete, _) => Message::SessionComplete.text(locale),
            (SessionError::NotSkippable, _) => Message::NotSkippable.text(locale),
        }
    }
}

impl From<AnswerError> for SessionError {
    fn from(error: AnswerError) -> Self {
        SessionError::Answer(error)
    }
}

/// The answers given so far in one diagnosis, and the way back.
///
/// ```
/// use passerelle_core::{AnswerValue, DiagnosisSession, Questionnaire};
///
/// let questionnaire = Questionnaire::default_fr_en();
/// let mut session = DiagnosisSession::new(&questionnaire);
/// session.answer_input(&questionnaire, "shelter_tonight", "no").unwrap();
/// assert_eq!(session.current(&questionnaire).unwrap().id, "employment_status");
///
/// session.back();
/// assert_eq!(session.current(&questionnaire).unwrap().id, "shelter_tonight");
/// // The earlier answer is kept, to show it again.
/// assert_eq!(session.previous_answer("shelter_tonight"), Some(&AnswerValue::Bool(false)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosisSession {
    questionnaire_id: String,
    /// Ids of the questions answered, in the order they were asked.
    asked: Vec<String>,
    /// Every answer given, including those of questions gone back over.
    answers: BTreeMap<String, AnswerValue>,
}

impl DiagnosisSession {
    /// A new, empty session on `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> DiagnosisSession {
        DiagnosisSession {
            questionnaire_id: questionnaire.id.clone(),
            asked: Vec::new(),
            answers: BTreeMap::new(),
        }
    }

    /// The question being asked: the first not answered yet whose
    /// `ask_when` is met by the facts answered so far; `None` at the end.
    pub fn current<'q>(&self, questionnaire: &'q Questionnaire) -> Option<&'q Question> {
        let facts = self.facts(questionnaire);
        questionnaire
            .questions
            .iter()
            .find(|question| !self.asked.contains(&question.id) && question.is_asked(&facts))
    }

    /// The facts set by the answers so far (a skipped question sets none).
    ///
    /// ```
    /// use passerelle_core::facts::{Fact, Value};
    /// use passerelle_core::{DiagnosisSession, Questionnaire};
    ///
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let mut session = DiagnosisSession::new(&questionnaire);
    /// session.answer_input(&questionnaire, "shelter_tonight", "yes").unwrap();
    /// session.answer_input(&questionnaire, "employment_status", "jobseeker").unwrap();
    /// let facts = session.facts(&questionnaire);
    /// assert_eq!(facts.get(Fact::EmploymentStatus), Some(&Value::Text("jobseeker".into())));
    /// assert_eq!(facts.get(Fact::Age), None); // not asked yet: unknown
    /// ```
    pub fn facts(&self, questionnaire: &Questionnaire) -> Facts {
        let mut facts = Facts::new();
        for id in &self.asked {
            if let (Some(question), Some(answer)) =
                (questionnaire.question(id), self.answers.get(id))
            {
                question.set_fact(answer, &mut facts);
            }
        }
        facts
    }

    /// Whether every question has an answer.
    pub fn is_complete(&self, questionnaire: &Questionnaire) -> bool {
        self.current(questionnaire).is_none()
    }

    /// How far the person is.
    pub fn progress(&self, questionnaire: &Questionnaire) -> Progress {
        let facts = self.facts(questionnaire);
        let to_come = questionnaire
            .questions
            .iter()
            .filter(|question| {
                !self.asked.contains(&question.id) && question.asked_when(&facts) != Outcome::NotMet
            })
            .count();
        Progress {
            answered: self.asked.len(),
            total: self.asked.len() + to_come,
        }
    }

    /// Skips the current question ("I'd rather not say"), if it allows it:
    /// its fact stays unknown, never false.
    pub fn skip(
        &mut self,
        questionnaire: &Questionnaire,
        question_id: &str,
    ) -> Result<(), SessionError> {
        let question = self.current_matching(questionnaire, question_id)?;
        if !question.skippable {
            return Err(SessionError::NotSkippable);
        }
        self.asked.push(question.id.clone());
        self.answers.remove(&question.id);
        Ok(())
    }

    /// Answers the current question with a typed value.
    pub fn answer(
        &mut self,
        questionnaire: &Questionnaire,
        question_id: &str,
        value: AnswerValue,
    ) -> Result<(), SessionError> {
        let question = self.current_matching(questionnaire, question_id)?;
        question.check(&value)?;
        self.record(question, value);
        Ok(())
    }

    /// Answers the current question with what was typed or chosen in a form
    /// (see [`Question::parse_input`]).
    pub fn answer_input(
        &mut self,
        questionnaire: &Questionnaire,
        question_id: &str,
        input: &str,
    ) -> Result<(), SessionError> {
        let question = self.current_matching(questionnaire, question_id)?;
        let value = question.parse_input(input)?;
        self.record(question, value);
        Ok(())
    }

    /// Goes back one question. Returns `false` at the first question.
    /// The answer given before is kept so that it can be shown again.
    pub fn back(&mut self) -> bool {
        self.asked.pop().is_some()
    }

    /// The answer given earlier to `question_id`, if any, even if the person
    /// went back over it.
    pub fn previous_answer(&self, question_id: &str) -> Option<&AnswerValue> {
        self.answers.get(question_id)
    }

    /// The answers of the questions answered, keyed by question id.
    pub fn answers(&self) -> BTreeMap<&str, &AnswerValue> {
        self.asked
            .iter()
            .filter_map(|id| Some((id.as_str(), self.answers.get(id)?)))
            .collect()
    }

    fn current_matching<'q>(
        &self,
        questionnaire: &'q Questionnaire,
        question_id: &str,
    ) -> Result<&'q Question, SessionError> {
        let question = self.current(questionnaire).ok_or(SessionError::Complete)?;
        if question.id == question_id {
            Ok(question)
        } else {
            Err(SessionError::NotCurrentQuestion {
                question_id: question_id.to_owned(),
            })
        }
    }

    fn record(&mut self, question: &Question, value: AnswerValue) {
        self.asked.push(question.id.clone());
        self.answers.insert(question.id.clone(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(session: &DiagnosisSession) -> Vec<(&str, String)> {
        session
            .answers()
            .into_iter()
            .map(|(id, value)| (id, serde_json::to_string(value).unwrap()))
            .collect()
    }

    #[test]
    fn full_journey_with_errors_and_back() {
        let questionnaire = Questionnaire::default_fr_en();
        let mut session = DiagnosisSession::new(&questionnaire);
        assert_eq!(
            session.progress(&questionnaire),
            Progress {
                answered: 0,
                total: 3
            }
        );
        assert_eq!(
            session.answer_input(&questionnaire, "age", "22"),
            Err(SessionError::NotCurrentQuestion {
                question_id: "age".into()
            })
        );
        session
            .answer_input(&questionnaire, "shelter_tonight", "yes")
            .unwrap();
        let error = session
            .answer_input(&questionnaire, "employment_status", "astronaut")
            .unwrap_err();
        assert_eq!(error.code(), "answer_unknown_option");
        session
            .answer(
                &questionnaire,
                "employment_status",
                AnswerValue::Text("jobseeker".into()),
            )
            .unwrap();
        let error = session
            .answer_input(&questionnaire, "age", "200")
            .unwrap_err();
        assert_eq!(
            error.message(session.current(&questionnaire), Locale::En),
            "Type a number between 14 and 120 years old."
        );
        assert!(session.back());
        session
            .answer_input(&questionnaire, "employment_status", "student")
            .unwrap();
        session.answer_input(&questionnaire, "age", "19").unwrap();
        assert!(session.is_complete(&questionnaire));
        assert_eq!(
            session.answer_input(&questionnaire, "age", "19"),
            Err(SessionError::Complete)
        );
        assert_eq!(
            answered(&session),
            [
                ("age", "19".to_string()),
                ("employment_status", "\"student\"".to_string()),
                ("shelter_tonight", "true".to_string()),
            ]
        );
    }

    #[test]
    fn back_at_start_does_nothing_and_answers_left_behind_are_not_reported() {
        let questionnaire = Questionnaire::default_fr_en();
        let mut session = DiagnosisSession::new(&questionnaire);
        assert!(!session.back());
        session
            .answer_input(&questionnaire, "shelter_tonight", "no")
            .unwrap();
        assert!(session.back());
        assert!(session.answers().is_empty());
        assert_eq!(
            session.previous_answer("shelter_tonight"),
            Some(&AnswerValue::Bool(false))
        );
    }

    #[test]
    fn questions_are_asked_only_when_their_condition_is_met() {
        let questionnaire = crate::questionnaire::tests::questionnaire_of(serde_json::json!([
            {"id": "status", "sets": "employment_status", "kind": {"type": "single_choice", "options": [
                {"id": "jobseeker", "label": {"fr": "Je cherche"}},
                {"id": "employed", "label": {"fr": "Je travaille"}}
             ]}, "label": {"fr": "Que faites-vous ?"}},
            {"id": "registered", "sets": "registered_jobseeker", "kind": {"type": "yes_no"},
             "label": {"fr": "Êtes-vous inscrit à France Travail ?"}, "skippable": true,
             "ask_when": {"in": {"fact": "employment_status", "values": ["jobseeker"]}}},
            {"id": "months", "sets": "unemployment_months", "kind": {"type": "number", "min": 0, "max": 600},
             "label": {"fr": "Depuis combien de mois ?"},
             "ask_when": {"equals": {"fact": "registered_jobseeker", "value": true}}},
            {"id": "age", "sets": "age", "kind": {"type": "number", "min": 14, "max": 120},
             "label": {"fr": "Quel âge avez-vous ?"}}
        ]))
        .unwrap();
        let asked = |answers: &[(&str, &str)], skip: Option<&str>| {
            let mut session = DiagnosisSession::new(&questionnaire);
            let mut ids = Vec::new();
            let mut answers = answers.iter();
            while let Some(question) = session.current(&questionnaire) {
                let id = question.id.clone();
                ids.push(id.clone());
                if skip == Some(id.as_str()) {
                    session.skip(&questionnaire, &id).unwrap();
                    continue;
                }
                let (expected, input) = answers.next().unwrap();
                assert_eq!(*expected, id);
                session.answer_input(&questionnaire, &id, input).unwrap();
            }
            (ids, session)
        };
        // Employed: nothing about France Travail is asked.
        let (ids, _) = asked(&[("status", "employed"), ("age", "40")], None);
        assert_eq!(ids, ["status", "age"]);
        // Looking for work and registered: everything is asked.
        let (ids, session) = asked(
            &[
                ("status", "jobseeker"),
                ("registered", "yes"),
                ("months", "14"),
                ("age", "40"),
            ],
            None,
        );
        assert_eq!(ids, ["status", "registered", "months", "age"]);
        assert_eq!(
            session
                .facts(&questionnaire)
                .get(crate::facts::Fact::UnemploymentMonths),
            Some(&crate::facts::Value::Integer(14))
        );
        // "I'd rather not say": the fact stays unknown, so what depends on it is not asked.
        let (ids, session) = asked(
            &[("status", "jobseeker"), ("age", "40")],
            Some("registered"),
        );
        assert_eq!(ids, ["status", "registered", "age"]);
        let facts = session.facts(&questionnaire);
        assert_eq!(facts.get(crate::facts::Fact::RegisteredJobseeker), None);
        assert!(!session.answers().contains_key("registered"));
        // A question that must be answered cannot be skipped.
        let mut session = DiagnosisSession::new(&questionnaire);
        assert_eq!(
            session.skip(&questionnaire, "status"),
            Err(SessionError::NotSkippable)
        );
    }

    #[test]
    fn progress_counts_only_questions_that_may_still_be_asked() {
        let questionnaire = crate::questionnaire::tests::questionnaire_of(serde_json::json!([
            {"id": "rqth", "sets": "rqth", "kind": {"type": "yes_no"}, "label": {"fr": "RQTH ?"}},
            {"id": "since", "kind": {"type": "number", "min": 0, "max": 50}, "label": {"fr": "Depuis ?"},
             "ask_when": {"equals": {"fact": "rqth", "value": true}}},
            {"id": "age", "sets": "age", "kind": {"type": "number", "min": 14, "max": 120}, "label": {"fr": "Âge ?"}}
        ]))
        .unwrap();
        let mut session = DiagnosisSession::new(&questionnaire);
        // Not known yet: the follow-up may come.
        assert_eq!(
            session.progress(&questionnaire),
            Progress {
                answered: 0,
                total: 3
            }
        );
        session.answer_input(&questionnaire, "rqth", "no").unwrap();
        assert_eq!(
            session.progress(&questionnaire),
            Progress {
                answered: 1,
                total: 2
            }
        );
        assert_eq!(session.current(&questionnaire).unwrap().id, "age");
        // Going back and changing the answer brings the follow-up back.
        session.back();
        session.answer_input(&questionnaire, "rqth", "yes").unwrap();
        assert_eq!(session.current(&questionnaire).unwrap().id, "since");
        assert_eq!(
            session.progress(&questionnaire),
            Progress {
                answered: 1,
                total: 3
            }
        );
    }

    #[test]
    fn session_round_trips_through_json() {
        let questionnaire = Questionnaire::default_fr_en();
        let mut session = DiagnosisSession::new(&questionnaire);
        session
            .answer_input(&questionnaire, "shelter_tonight", "no")
            .unwrap();
        let json = serde_json::to_string(&session).unwrap();
        let back: DiagnosisSession = serde_json::from_str(&json).unwrap();
        assert_eq!(back, session);
        assert_eq!(
            back.current(&questionnaire).unwrap().id,
            "employment_status"
        );
    }
}
