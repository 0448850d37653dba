//! The questionnaire: questions as data, and the checks on each answer.
//!
//! A questionnaire is a JSON document (see `docs/questionnaire-format.md`).
//! [`Questionnaire::from_json`] reads it and checks everything at once,
//! reporting each problem with its JSON path and a stable code.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::facts::{Fact, FactType, Facts};
use crate::i18n::{Locale, Message};
use crate::problem::Problem;
use crate::rules::{Condition, Outcome};

/// The questionnaire format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The default questionnaire, in French and English.
const DEFAULT_QUESTIONNAIRE: &str = include_str!("../data/questionnaire.json");

/// A text in each language of a questionnaire (`{"fr": "…", "en": "…"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText(BTreeMap<Locale, String>);

impl LocalizedText {
    /// The text in `locale`, or in French when it has no such translation.
    ///
    /// ```
    /// use passerelle_core::{LocalizedText, Locale};
    /// let text: LocalizedText = serde_json::from_str(r#"{"fr": "Oui"}"#).unwrap();
    /// assert_eq!(text.get(Locale::En), "Oui");
    /// ```
    /// Whether the text is given, not blank, in `locale`.
    pub fn has(&self, locale: Locale) -> bool {
        self.0
            .get(&locale)
            .is_some_and(|text| !text.trim().is_empty())
    }

    pub fn get(&self, locale: Locale) -> &str {
        self.0
            .get(&locale)
            .or_else(|| self.0.get(&Locale::Fr))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

/// One answer a choice question offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id, the value an answer carries.
    pub id: String,
    /// What the person reads.
    pub label: LocalizedText,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionKind {
    /// Yes or no; the answer is a boolean.
    YesNo,
    /// One option among several; the answer is the option id.
    SingleChoice {
        /// The options, in the order shown.
        options: Vec<ChoiceOption>,
    },
    /// A whole number between two bounds (both included).
    Number {
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
        /// Unit shown after the field ("ans", "euros"), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<LocalizedText>,
    },
}

/// One question of a questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id: answers are keyed by it.
    pub id: String,
    /// The kind of answer expected.
    pub kind: QuestionKind,
    /// The question, as the person reads it.
    pub label: LocalizedText,
    /// A short hint shown under the question, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<LocalizedText>,
    /// The fact the answer sets (`docs/facts.md`): a yes/no question sets a
    /// yes/no fact, a choice question a one-of fact (its option ids are
    /// the fact's values), a number question a number fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<String>,
    /// Ask the question only when this condition is met, in the language of
    /// eligibility rules (`docs/catalogue-format.md`), over the facts set by
    /// earlier answers. A fact still unknown (not asked, or skipped) leaves
    /// the condition unknown, and the question is not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_when: Option<Json>,
    /// Whether the person may answer "I'd rather not say": the fact then
    /// stays unknown, never false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skippable: bool,
    /// `sets` and `ask_when`, read and checked when the questionnaire is.
    #[serde(skip)]
    read: Read,
}

/// What a question's `sets` and `ask_when` say, once checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Read {
    fact: Option<Fact>,
    ask_when: Option<Condition>,
}

/// An answer to one question: a boolean, a whole number or a text
/// (option ids are texts). In JSON it is the plain value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// Answer to a yes/no question.
    Bool(bool),
    /// Answer to a number question.
    Number(i64),
    /// Answer to a choice question: the option id.
    Text(String),
}

/// Why an answer was refused. Each has a stable [`code`](Self::code) and a
/// message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// Nothing was chosen or typed.
    Required,
    /// A number question got something else.
    NotANumber,
    /// A number outside the question's bounds.
    OutOfRange {
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
    },
    /// An option the question does not offer, or a value of the wrong type.
    UnknownOption,
}

impl AnswerError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            AnswerError::Required => "answer_required",
            AnswerError::NotANumber => "answer_not_a_number",
            AnswerError::OutOfRange { .. } => "answer_out_of_range",
            AnswerError::UnknownOption => "answer_unknown_option",
        }
    }

    /// Message for the person who answered, about `question`.
    pub fn message(&self, question: &Question, locale: Locale) -> String {
        match self {
            AnswerError::Required => Message::AnswerRequired.text(locale),
            AnswerError::NotANumber => Message::NotANumber.text(locale),
            AnswerError::OutOfRange { min, max } => {
                let unit = match &question.kind {
                    QuestionKind::Number {
                        unit: Some(unit), ..
                    } => unit.get(locale),
                    _ => "",
                };
                Message::OutOfRange {
                    min: *min,
                    max: *max,
                    unit,
                }
                .text(locale)
            }
            AnswerError::UnknownOption => Message::UnknownOption.text(locale),
        }
    }
}

impl Question {
    /// The fact the answer sets, if any.
    pub fn fact(&self) -> Option<Fact> {
        self.read.fact
    }

    /// Whether the question is to be asked, given the facts known so far:
    /// yes without `ask_when`, else only if it is met.
    pub fn is_asked(&self, facts: &Facts) -> bool {
        self.asked_when(facts) == Outcome::Met
    }

    /// The outcome of `ask_when` on the facts known so far (met without one).
    pub fn asked_when(&self, facts: &Facts) -> Outcome {
        self.read
            .ask_when
            .as_ref()
            .map_or(Outcome::Met, |condition| condition.evaluate(facts))
    }

    /// Sets the question's fact, if it has one, from an answer. The load
    /// checks make every valid answer a valid value of the fact.
    pub fn set_fact(&self, answer: &AnswerValue, facts: &mut Facts) {
        if let Some(fact) = self.read.fact {
            let value = match answer {
                AnswerValue::Bool(value) => Json::from(*value),
                AnswerValue::Number(value) => Json::from(*value),
                AnswerValue::Text(value) => Json::from(value.as_str()),
            };
            // Cannot fail after the load checks; on a failure the fact stays unknown.
            if facts.set(fact, &value).is_err() {
                facts.remove(fact);
            }
        }
    }

    /// Reads a question's `sets` and `ask_when`; `set_before` holds the
    /// facts set by the questions before it.
    fn read(&mut self, path: &str, set_before: &BTreeSet<Fact>, found: &mut Problems) {
        if let Some(name) = &self.sets {
            let sets_path = format!("{path}.sets");
            match Fact::from_name(name) {
                None => found.push(
                    "unknown_fact",
                    sets_path,
                    format!("\"{name}\" is not a fact name; see docs/facts.md."),
                ),
                Some(fact) => {
                    if self.fits(fact, path, found) {
                        self.read.fact = Some(fact);
                    }
                }
            }
        }
        if let Some(json) = &self.ask_when {
            let when_path = format!("{path}.ask_when");
            let mut problems = Vec::new();
            let condition = Condition::parse(json, &when_path, &mut problems);
            found.list.extend(problems);
            if let Some(condition) = condition {
                for fact in condition.facts().iter() {
                    if !set_before.contains(&fact) {
                        found.push(
                            "fact_not_asked_before",
                            when_path.clone(),
                            format!(
                                "{fact} is not set by an earlier question, so this condition could never be met."
                            ),
                        );
                    }
                }
                self.read.ask_when = Some(condition);
            }
        }
    }

    /// Whether the question's kind fits `fact`'s type; reports why not.
    fn fits(&self, fact: Fact, path: &str, found: &mut Problems) -> bool {
        match (&self.kind, fact.value_type()) {
            (QuestionKind::YesNo, FactType::Boolean) => true,
            (QuestionKind::SingleChoice { options }, FactType::OneOf(allowed)) => {
                let mut fits = true;
                for (j, option) in options.iter().enumerate() {
                    if !allowed.contains(&option.id.as_str()) {
                        found.push(
                            "option_not_a_fact_value",
                            format!("{path}.kind.options[{j}].id"),
                            format!(
                                "\"{}\" is not a value of {fact}; use one of: {}.",
                                option.id,
                                allowed.join(", ")
                            ),
                        );
                        fits = false;
                    }
                }
                fits
            }
            (
                QuestionKind::Number { min, max, .. },
                FactType::Integer {
                    min: low,
                    max: high,
                },
            ) => {
                if *min < low || *max > high {
                    found.push(
                        "bounds_outside_fact",
                        format!("{path}.kind"),
                        format!("{fact} is between {low} and {high}: keep the bounds within."),
                    );
                    false
                } else {
                    true
                }
            }
            _ => {
                found.push(
                    "kind_does_not_fit_fact",
                    format!("{path}.sets"),
                    format!("This kind of question cannot set {fact}; see docs/questionnaire-format.md."),
                );
                false
            }
        }
    }

    /// Reads what a person typed or chose in a form (`"yes"`/`"no"`, an
    /// option id, digits) and checks it.
    ///
    /// ```
    /// use passerelle_core::{AnswerError, AnswerValue, Questionnaire};
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let age = questionnaire.question("age").unwrap();
    /// assert_eq!(age.parse_input(" 22 "), Ok(AnswerValue::Number(22)));
    /// assert_eq!(age.parse_input("vingt"), Err(AnswerError::NotANumber));
    /// assert_eq!(age.parse_input(""), Err(AnswerError::Required));
    /// ```
    pub fn parse_input(&self, input: &str) -> Result<AnswerValue, AnswerError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(AnswerError::Required);
        }
        let value = match &self.kind {
            QuestionKind::YesNo => match input {
                "yes" | "true" => AnswerValue::Bool(true),
                "no" | "false" => AnswerValue::Bool(false),
                _ => return Err(AnswerError::UnknownOption),
            },
            QuestionKind::SingleChoice { .. } => AnswerValue::Text(input.to_owned()),
            QuestionKind::Number { min, max, .. } => {
                let digits = input.strip_prefix(['-', '+']).unwrap_or(input);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(AnswerError::NotANumber);
                }
                // All digits: the only failure left is overflow, out of any bounds.
                let number = input.parse::<i64>().map_err(|_| AnswerError::OutOfRange {
                    min: *min,
                    max: *max,
                })?;
                AnswerValue::Number(number)
            }
        };
        self.check(&value)?;
        Ok(value)
    }

    /// Checks a typed answer against the question.
    ///
    /// ```
    /// use passerelle_core::{AnswerError, AnswerValue, Questionnaire};
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let status = questionnaire.question("employment_status").unwrap();
    /// assert!(status.check(&AnswerValue::Text("jobseeker".into())).is_ok());
    /// assert_eq!(status.check(&AnswerValue::Bool(true)), Err(AnswerError::UnknownOption));
    /// ```
    pub fn check(&self, value: &AnswerValue) -> Result<(), AnswerError> {
        match (&self.kind, value) {
            (QuestionKind::YesNo, AnswerValue::Bool(_)) => Ok(()),
            (QuestionKind::SingleChoice { options }, AnswerValue::Text(id)) => {
                if options.iter().any(|option| &option.id == id) {
                    Ok(())
                } else {
                    Err(AnswerError::UnknownOption)
                }
            }
            (QuestionKind::Number { min, max, .. }, AnswerValue::Number(n)) => {
                if (*min..=*max).contains(n) {
                    Ok(())
                } else {
                    Err(AnswerError::OutOfRange {
                        min: *min,
                        max: *max,
                    })
                }
            }
            (QuestionKind::Number { .. }, _) => Err(AnswerError::NotANumber),
            _ => Err(AnswerError::UnknownOption),
        }
    }
}

/// A questionnaire: its languages and its questions, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Version of the format, [`FORMAT_VERSION`] for this build.
    pub format_version: u32,
    /// Stable id of the questionnaire; a session refers to it.
    pub id: String,
    /// Languages every text must be given in.
    pub locales: Vec<Locale>,
    /// The questions, in the order asked.
    pub questions: Vec<Question>,
}

/// One problem found while loading a questionnaire: the shared [`Problem`].
pub type QuestionnaireProblem = Problem;

/// A questionnaire that could not be loaded, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireError {
    /// Every problem, in document order.
    pub problems: Vec<QuestionnaireProblem>,
}

impl std::fmt::Display for QuestionnaireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QuestionnaireError {}

impl Questionnaire {
    /// The questionnaire shipped with the product, in French and English.
    pub fn default_fr_en() -> Questionnaire {
        // Checked by the `default_questionnaire_loads` test, so this cannot fail.
        Questionnaire::from_json(DEFAULT_QUESTIONNAIRE)
            .unwrap_or_else(|error| unreachable!("the default questionnaire is invalid: {error}"))
    }

    /// Reads a questionnaire from JSON and checks it, returning every
    /// problem found at once.
    ///
    /// ```
    /// use passerelle_core::Questionnaire;
    /// let json = r#"{"format_version": 1, "id": "q", "locales": ["fr", "en"],
    ///   "questions": [
    ///     {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "Oui ?"}},
    ///     {"id": "a", "kind": {"type": "single_choice", "options": []},
    ///      "label": {"fr": "Quoi ?", "en": "What?"}}]}"#;
    /// let error = Questionnaire::from_json(json).unwrap_err();
    /// let codes: Vec<_> = error.problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    /// assert_eq!(codes, [
    ///     ("missing_translation", "$.questions[0].label"),
    ///     ("duplicate_question_id", "$.questions[1].id"),
    ///     ("no_options", "$.questions[1].kind.options"),
    /// ]);
    /// ```
    pub fn from_json(json: &str) -> Result<Questionnaire, QuestionnaireError> {
        let mut questionnaire: Questionnaire =
            serde_json::from_str(json).map_err(|error| QuestionnaireError {
                problems: vec![Problem::json(&error)],
            })?;
        let problems = questionnaire.problems();
        if problems.is_empty() {
            Ok(questionnaire)
        } else {
            Err(QuestionnaireError { problems })
        }
    }

    /// The question with this id, if any.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    /// Every problem of a parsed questionnaire, in document order; reads
    /// each question's `sets` and `ask_when` on the way.
    fn problems(&mut self) -> Vec<QuestionnaireProblem> {
        let locales = self.locales.clone();
        let mut found = Problems {
            locales: &locales,
            list: Vec::new(),
        };
        if self.format_version != FORMAT_VERSION {
            found.push(
                "unsupported_version",
                "$.format_version".into(),
                format!(
                    "Format version {} is not supported: this build reads version {FORMAT_VERSION}.",
                    self.format_version
                ),
            );
        }
        if self.locales.is_empty() {
            found.push(
                "no_locales",
                "$.locales".into(),
                "List at least one language, such as \"fr\".".into(),
            );
        }
        if self.questions.is_empty() {
            found.push(
                "no_questions",
                "$.questions".into(),
                "Add at least one question.".into(),
            );
        }
        let mut question_ids = BTreeSet::new();
        let mut set_before = BTreeSet::new();
        for (i, question) in self.questions.iter_mut().enumerate() {
            let path = format!("$.questions[{i}]");
            if question.id.trim().is_empty() {
                found.push(
                    "empty_id",
                    format!("{path}.id"),
                    "Give the question an id.".into(),
                );
            } else if !question_ids.insert(question.id.clone()) {
                found.push(
                    "duplicate_question_id",
                    format!("{path}.id"),
                    format!("Another question already has the id \"{}\".", question.id),
                );
            }
            found.translations(&question.label, format!("{path}.label"));
            if let Some(help) = &question.help {
                found.translations(help, format!("{path}.help"));
            }
            match &question.kind {
                QuestionKind::YesNo => {}
                QuestionKind::SingleChoice { options } => {
                    if options.is_empty() {
                        found.push(
                            "no_options",
                            format!("{path}.kind.options"),
                            "A choice question needs at least one option.".into(),
                        );
                    }
                    let mut option_ids = BTreeSet::new();
                    for (j, option) in options.iter().enumerate() {
                        let option_path = format!("{path}.kind.options[{j}]");
                        if !option_ids.insert(option.id.as_str()) {
                            found.push(
                                "duplicate_option_id",
                                format!("{option_path}.id"),
                                format!("Another option already has the id \"{}\".", option.id),
                            );
                        }
                        found.translations(&option.label, format!("{option_path}.label"));
                    }
                }
                QuestionKind::Number { min, max, unit } => {
                    if min > max {
                        found.push(
                            "impossible_bounds",
                            format!("{path}.kind"),
                            format!("The smallest value ({min}) is above the largest ({max})."),
                        );
                    }
                    if let Some(unit) = unit {
                        found.translations(unit, format!("{path}.kind.unit"));
                    }
                }
            }
            question.read(&path, &set_before, &mut found);
            set_before.extend(question.fact());
        }
        found.list
    }
}

/// Collects the problems of a questionnaire while it is checked.
struct Problems<'a> {
    locales: &'a [Locale],
    list: Vec<QuestionnaireProblem>,
}

impl Problems<'_> {
    fn push(&mut self, code: &'static str, path: String, message: String) {
        self.list.push(Problem::new(code, &path, message));
    }

    /// A problem for each declared locale that `text` lacks.
    fn translations(&mut self, text: &LocalizedText, path: String) {
        for locale in self.locales {
            if !text.has(*locale) {
                self.push(
                    "missing_translation",
                    path.clone(),
                    format!("Give this text in \"{}\".", locale.tag()),
                );
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A questionnaire of these questions (JSON objects), in French only.
    pub(crate) fn questionnaire_of(
        questions: serde_json::Value,
    ) -> Result<Questionnaire, Vec<(&'static str, String)>> {
        let json = serde_json::json!({"format_version": 1, "id": "q", "locales": ["fr"], "questions": questions});
        Questionnaire::from_json(&json.to_string()).map_err(|error| {
            error
                .problems
                .into_iter()
                .map(|p| (p.code, p.path))
                .collect()
        })
    }

    #[test]
    fn facts_set_and_conditions_are_checked_against_the_vocabulary() {
        let problems = questionnaire_of(serde_json::json!([
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"}, "sets": "colour"},
            {"id": "b", "kind": {"type": "yes_no"}, "label": {"fr": "B ?"}, "sets": "age"},
            {"id": "c", "kind": {"type": "single_choice", "options": [
                {"id": "jobseeker", "label": {"fr": "Je cherche"}},
                {"id": "astronaut", "label": {"fr": "Astronaute"}}
             ]}, "label": {"fr": "C ?"}, "sets": "employment_status"},
            {"id": "d", "kind": {"type": "number", "min": 0, "max": 200}, "label": {"fr": "D ?"}, "sets": "age"},
            {"id": "e", "kind": {"type": "yes_no"}, "label": {"fr": "E ?"},
             "ask_when": {"equals": {"fact": "rqth", "value": true}}},
            {"id": "f", "kind": {"type": "yes_no"}, "label": {"fr": "F ?"},
             "ask_when": {"sometimes": true}}
        ]))
        .unwrap_err();
        assert_eq!(
            problems,
            [
                ("unknown_fact", "$.questions[0].sets".to_owned()),
                ("kind_does_not_fit_fact", "$.questions[1].sets".to_owned()),
                (
                    "option_not_a_fact_value",
                    "$.questions[2].kind.options[1].id".to_owned()
                ),
                ("bounds_outside_fact", "$.questions[3].kind".to_owned()),
                (
                    "fact_not_asked_before",
                    "$.questions[4].ask_when".to_owned()
                ),
                (
                    "unknown_operator",
                    "$.questions[5].ask_when.sometimes".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_condition_may_only_read_facts_set_before() {
        // Set after the question that reads it: refused (no cycle can form).
        let problems = questionnaire_of(serde_json::json!([
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"},
             "ask_when": {"equals": {"fact": "rqth", "value": true}}},
            {"id": "b", "kind": {"type": "yes_no"}, "label": {"fr": "B ?"}, "sets": "rqth"}
        ]))
        .unwrap_err();
        assert_eq!(
            problems,
            [(
                "fact_not_asked_before",
                "$.questions[0].ask_when".to_owned()
            )]
        );
        assert!(questionnaire_of(serde_json::json!([
            {"id": "b", "kind": {"type": "yes_no"}, "label": {"fr": "B ?"}, "sets": "rqth"},
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"},
             "ask_when": {"equals": {"fact": "rqth", "value": true}}}
        ]))
        .is_ok());
    }

    #[test]
    fn default_questionnaire_loads() {
        let questionnaire = Questionnaire::from_json(DEFAULT_QUESTIONNAIRE);
        assert!(questionnaire.is_ok(), "{:?}", questionnaire.err());
    }

    #[test]
    fn unknown_field_and_future_version_are_refused() {
        let error = Questionnaire::from_json(
            r#"{"format_version": 1, "id": "q", "locales": ["fr"], "questions": [], "extra": 1}"#,
        )
        .unwrap_err();
        assert_eq!(error.problems[0].code, "invalid_json");

        let error = Questionnaire::from_json(
            r#"{"format_version": 2, "id": "q", "locales": ["fr"], "questions": [{"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"}}]}"#,
        )
        .unwrap_err();
        assert_eq!(error.problems.len(), 1);
        assert_eq!(error.problems[0].code, "unsupported_version");
    }

    #[test]
    fn impossible_bounds_and_duplicate_options() {
        let json = r#"{"format_version": 1, "id": "q", "locales": ["fr"], "questions": [
            {"id": "n", "kind": {"type": "number", "min": 5, "max": 1}, "label": {"fr": "N ?"}},
            {"id": "c", "kind": {"type": "single_choice", "options": [
                {"id": "x", "label": {"fr": "X"}}, {"id": "x", "label": {"fr": " "}}]},
             "label": {"fr": "C ?"}}]}"#;
        let error = Questionnaire::from_json(json).unwrap_err();
        let found: Vec<_> = error
            .problems
            .iter()
            .map(|p| (p.code, p.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("impossible_bounds", "$.questions[0].kind"),
                ("duplicate_option_id", "$.questions[1].kind.options[1].id"),
                (
                    "missing_translation",
                    "$.questions[1].kind.options[1].label"
                ),
            ]
        );
    }

    #[test]
    fn number_input_edge_cases() {
        let questionnaire = Questionnaire::default_fr_en();
        let age = questionnaire.question("age").unwrap();
        assert_eq!(
            age.parse_input("-3"),
            Err(AnswerError::OutOfRange { min: 14, max: 120 })
        );
        assert_eq!(
            age.parse_input("99999999999999999999999"),
            Err(AnswerError::OutOfRange { min: 14, max: 120 })
        );
        assert_eq!(age.parse_input("-"), Err(AnswerError::NotANumber));
        assert_eq!(age.parse_input("2 2"), Err(AnswerError::NotANumber));
        assert_eq!(age.parse_input("٢٢"), Err(AnswerError::NotANumber));
        let message = AnswerError::OutOfRange { min: 14, max: 120 }.message(age, Locale::Fr);
        assert_eq!(message, "Écrivez un nombre entre 14 et 120 ans.");
    }

    #[test]
    fn yes_no_input() {
        let questionnaire = Questionnaire::default_fr_en();
        let shelter = questionnaire.question("shelter_tonight").unwrap();
        assert_eq!(shelter.parse_input("no"), Ok(AnswerValue::Bool(false)));
        assert_eq!(shelter.parse_input("oui"), Err(AnswerError::UnknownOption));
    }

    #[test]
    fn answer_values_are_plain_json() {
        let values = vec![
            AnswerValue::Bool(true),
            AnswerValue::Number(22),
            AnswerValue::Text("jobseeker".into()),
        ];
        let json = serde_json::to_string(&values).unwrap();
        assert_eq!(json, r#"[true,22,"jobseeker"]"#);
        assert_eq!(
            serde_json::from_str::<Vec<AnswerValue>>(&json).unwrap(),
            values
        );
    }
}
