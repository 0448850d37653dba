//! The questionnaire: sections of questions as data, and the checks on
//! each answer.
//!
//! A questionnaire is a JSON document (see `docs/questionnaire-format.md`
//! and `questionnaire.schema.json` beside this crate).
//! [`Questionnaire::from_json`] reads it and checks everything at once,
//! reporting each problem with its JSON path and a stable code.

pub mod messages;

pub mod diagnosis;
pub mod samples;
pub mod session;

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value as Json;

use crate::base::date::Date;
use crate::base::problem::{Path, Problem};
use crate::catalogue::Catalogue;
use crate::questionnaire::messages::QuestionnaireMessage;
use crate::rules::{Condition, Outcome};
use crate::text::Locale;
use crate::vocabulary::facts::{check_value, CodeKind, Fact, FactSet, FactType, Facts, Value};
use crate::vocabulary::needs::{Need, Priority};
use crate::vocabulary::urgent::UrgentAlert;

/// The questionnaire format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The default questionnaire, in French and English.
const DEFAULT_QUESTIONNAIRE: &str = data_file!("questionnaire.json");

/// The longest short text accepted when a question does not say.
pub const DEFAULT_MAX_LENGTH: usize = 200;

pub use crate::text::LocalizedText;

/// One answer a choice question offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id, the value an answer carries.
    pub id: String,
    /// What the person reads.
    pub label: LocalizedText,
    /// The value the option gives the question's fact, when it is not the
    /// id itself; `null` gives none (the fact stays unknown, or for a
    /// multiple choice adds nothing).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Json>,
    /// For a multiple choice: the option cannot be chosen with others
    /// ("None of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// A field that is present, even as `null` (absent gives `None`).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Json>, D::Error> {
    Json::deserialize(deserializer).map(Some)
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no; the answer is a boolean.
    YesNo,
    /// One option among several; the answer is the option id.
    SingleChoice {
        /// The options, in the order shown.
        options: Vec<ChoiceOption>,
    },
    /// Any number of options; the answer is the list of option ids.
    MultipleChoice {
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
    /// A date, `YYYY-MM-DD`, not after the session's reference date.
    Date,
    /// A French postal code: five digits.
    PostalCode,
    /// The commune where the person lives, among those the postal code
    /// answered before serves (communes — INSEE code); the answer is the
    /// commune's INSEE code. Its options come from the commune table
    /// ([`Questionnaire::with_communes`]), so it is asked only when the
    /// postal code serves several communes: one alone is set without a
    /// question (see [`crate::questionnaire::session::DiagnosisSession::options`]).
    Commune,
    /// A short free text; it sets no fact.
    ShortText {
        /// The most characters accepted ([`DEFAULT_MAX_LENGTH`] when not said).
        max_length: usize,
    },
    /// The person puts the needs found so far in order, most important
    /// first; the answer is the list of need themes. Asked only when at
    /// least two needs were found.
    NeedRanking,
}

/// Read field by field rather than as serde's internally tagged enum,
/// which would copy every option into a buffer first: questionnaires are
/// mostly options, and loading them is on the page's critical path.
impl<'de> Deserialize<'de> for QuestionKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Type {
            YesNo,
            SingleChoice,
            MultipleChoice,
            Number,
            Date,
            PostalCode,
            Commune,
            ShortText,
            NeedRanking,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            #[serde(rename = "type")]
            kind: Type,
            options: Option<Vec<ChoiceOption>>,
            min: Option<i64>,
            max: Option<i64>,
            unit: Option<LocalizedText>,
            max_length: Option<usize>,
        }
        let fields = Fields::deserialize(deserializer)?;
        let given = [
            ("options", fields.options.is_some()),
            ("min", fields.min.is_some()),
            ("max", fields.max.is_some()),
            ("unit", fields.unit.is_some()),
            ("max_length", fields.max_length.is_some()),
        ];
        let allowed: &[&str] = match fields.kind {
            Type::SingleChoice | Type::MultipleChoice => &["options"],
            Type::Number => &["min", "max", "unit"],
            Type::ShortText => &["max_length"],
            Type::YesNo | Type::Date | Type::PostalCode | Type::Commune | Type::NeedRanking => &[],
        };
        if let Some((name, _)) = given
            .iter()
            .find(|(name, given)| *given && !allowed.contains(name))
        {
            return Err(D::Error::unknown_field(name, allowed));
        }
        let options = fields
            .options
            .ok_or_else(|| D::Error::missing_field("options"));
        Ok(match fields.kind {
            Type::YesNo => QuestionKind::YesNo,
            Type::SingleChoice => QuestionKind::SingleChoice { options: options? },
            Type::MultipleChoice => QuestionKind::MultipleChoice { options: options? },
            Type::Number => QuestionKind::Number {
                min: fields.min.ok_or_else(|| D::Error::missing_field("min"))?,
                max: fields.max.ok_or_else(|| D::Error::missing_field("max"))?,
                unit: fields.unit,
            },
            Type::Date => QuestionKind::Date,
            Type::PostalCode => QuestionKind::PostalCode,
            Type::Commune => QuestionKind::Commune,
            Type::ShortText => QuestionKind::ShortText {
                max_length: fields.max_length.unwrap_or(DEFAULT_MAX_LENGTH),
            },
            Type::NeedRanking => QuestionKind::NeedRanking,
        })
    }
}

/// A need a question signals when its condition is met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedSignal {
    /// A data·inclusion theme or category.
    pub theme: String,
    /// How pressing the need is.
    #[serde(default)]
    pub priority: Priority,
    /// When the need is raised, in the condition language; it may read the
    /// question's own answer.
    pub when: Json,
}

/// An urgent alert a question raises when its condition is met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgentSignal {
    /// Which alert, with its immediate contacts.
    pub alert: UrgentAlert,
    /// When the alert is raised; it may read the question's own answer.
    pub when: Json,
}

/// A section: questions on one subject, with a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// What the person reads above the section's questions.
    pub title: LocalizedText,
    /// The questions, in the order asked.
    pub questions: Vec<Question>,
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
    /// The fact the answer sets (`docs/facts.md`); see
    /// `docs/questionnaire-format.md` for which kind sets which fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<String>,
    /// Ask the question only when this condition is met, in the language of
    /// eligibility rules (`docs/catalogue-format.md`), over the facts set
    /// and the answers given by earlier questions. A fact or answer still
    /// unknown (not asked, or skipped) leaves it unknown: not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_when: Option<Json>,
    /// Whether the person may answer "I'd rather not say": the fact then
    /// stays unknown, never false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skippable: bool,
    /// The needs the question signals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<NeedSignal>,
    /// The urgent alerts the question raises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urgent: Vec<UrgentSignal>,
    /// What the JSON fields say, read and checked when the questionnaire is.
    #[serde(skip)]
    read: Read,
}

/// What a question's `sets`, conditions and option values say, once checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Read {
    fact: Option<Fact>,
    ask_when: Option<Condition>,
    needs: Vec<Condition>,
    urgent: Vec<Condition>,
    /// For a choice question that sets a fact: the value each option gives
    /// (`None`: none).
    option_values: Vec<Option<Value>>,
}

/// An answer to one question. In JSON it is the plain value: a boolean
/// (yes/no), a whole number, a text (option id, date, postal code, short
/// text) or a list of texts (multiple choice, need ranking).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// Answer to a yes/no question.
    Bool(bool),
    /// Answer to a number question.
    Number(i64),
    /// Answer to a single choice (the option id), date, postal code or
    /// short text question.
    Text(String),
    /// Answer to a multiple choice (option ids) or need ranking (themes).
    List(Vec<String>),
}

/// Read by kind of JSON value, without serde's buffering of untagged
/// enums (which puts a copy of its machinery in the module per type).
impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Answer;
        impl<'de> serde::de::Visitor<'de> for Answer {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer: true or false, a whole number, a text or a list of texts")
            }
            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Bool(value))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(value))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<AnswerValue, E> {
                i64::try_from(value)
                    .map(AnswerValue::Number)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Text(value.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut items: A,
            ) -> Result<AnswerValue, A::Error> {
                let mut list = Vec::new();
                while let Some(item) = items.next_element::<String>()? {
                    list.push(item);
                }
                Ok(AnswerValue::List(list))
            }
        }
        deserializer.deserialize_any(Answer)
    }
}

/// The answer to a need ranking question from the rank given to each
/// need (`None`: not ranked, left out): the themes in the order of their
/// ranks. Two needs given the same rank are refused.
///
/// ```
/// use passerelle_core::questionnaire::{ranked_themes, AnswerError, AnswerValue};
///
/// let ranks = [("a".to_owned(), Some(2)), ("b".to_owned(), None), ("c".to_owned(), Some(1))];
/// let answer = ranked_themes(&ranks).unwrap();
/// assert_eq!(answer, AnswerValue::List(vec!["c".into(), "a".into()]));
///
/// let twice = [("a".to_owned(), Some(1)), ("c".to_owned(), Some(1))];
/// assert_eq!(ranked_themes(&twice), Err(AnswerError::RepeatedRank));
/// ```
pub fn ranked_themes(ranks: &[(String, Option<usize>)]) -> Result<AnswerValue, AnswerError> {
    let mut ranked: Vec<(usize, &String)> = ranks
        .iter()
        .filter_map(|(theme, rank)| Some(((*rank)?, theme)))
        .collect();
    crate::base::sort::sort_by_key(&mut ranked, |(rank, _)| *rank);
    if ranked.windows(2).any(|pair| pair[0].0 == pair[1].0) {
        return Err(AnswerError::RepeatedRank);
    }
    Ok(AnswerValue::List(
        ranked.into_iter().map(|(_, theme)| theme.clone()).collect(),
    ))
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
    /// The same option chosen twice.
    RepeatedOption,
    /// An option that cannot be chosen with others, chosen with others.
    ExclusiveOption,
    /// Not a date written `YYYY-MM-DD` that exists.
    NotADate,
    /// A date after today (the session's reference date).
    DateInFuture,
    /// A date before [`crate::vocabulary::facts::EARLIEST_DATE`] (1900): a year mistyped.
    DateTooEarly,
    /// Not five digits.
    NotAPostalCode,
    /// A text longer than the question accepts.
    TooLong {
        /// The most characters accepted.
        max: usize,
    },
    /// A need that was not found, in a need ranking.
    NotANeedFound,
    /// Two needs given the same rank, in a form that asks a rank per need.
    RepeatedRank,
}

impl AnswerError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            AnswerError::Required => "answer_required",
            AnswerError::NotANumber => "answer_not_a_number",
            AnswerError::OutOfRange { .. } => "answer_out_of_range",
            AnswerError::UnknownOption => "answer_unknown_option",
            AnswerError::RepeatedOption => "answer_repeated_option",
            AnswerError::ExclusiveOption => "answer_exclusive_option",
            AnswerError::NotADate => "answer_not_a_date",
            AnswerError::DateInFuture => "answer_date_in_future",
            AnswerError::DateTooEarly => "answer_date_too_early",
            AnswerError::NotAPostalCode => "answer_not_a_postal_code",
            AnswerError::TooLong { .. } => "answer_too_long",
            AnswerError::NotANeedFound => "answer_not_a_need_found",
            AnswerError::RepeatedRank => "answer_repeated_rank",
        }
    }

    /// Message for the person who answered, about `question`.
    pub fn message(&self, question: &Question, locale: Locale) -> String {
        match self {
            AnswerError::Required => QuestionnaireMessage::AnswerRequired.text(locale),
            AnswerError::NotANumber => QuestionnaireMessage::NotANumber.text(locale),
            AnswerError::OutOfRange { min, max } => {
                let unit = match &question.kind {
                    QuestionKind::Number {
                        unit: Some(unit), ..
                    } => unit.get(locale),
                    _ => "",
                };
                QuestionnaireMessage::OutOfRange {
                    min: *min,
                    max: *max,
                    unit,
                }
                .text(locale)
            }
            AnswerError::UnknownOption | AnswerError::NotANeedFound => {
                QuestionnaireMessage::UnknownOption.text(locale)
            }
            AnswerError::RepeatedOption => QuestionnaireMessage::RepeatedOption.text(locale),
            AnswerError::RepeatedRank => QuestionnaireMessage::RepeatedRank.text(locale),
            AnswerError::ExclusiveOption => {
                let options = match &question.kind {
                    QuestionKind::MultipleChoice { options } => options.as_slice(),
                    _ => &[],
                };
                let label = options
                    .iter()
                    .find(|option| option.exclusive)
                    .map_or("", |option| option.label.get(locale));
                QuestionnaireMessage::ExclusiveOption { label }.text(locale)
            }
            AnswerError::NotADate => QuestionnaireMessage::NotADate.text(locale),
            AnswerError::DateInFuture => QuestionnaireMessage::DateInFuture.text(locale),
            AnswerError::DateTooEarly => QuestionnaireMessage::DateTooEarly.text(locale),
            AnswerError::NotAPostalCode => QuestionnaireMessage::NotAPostalCode.text(locale),
            AnswerError::TooLong { max } => {
                QuestionnaireMessage::TooLong { max: *max }.text(locale)
            }
        }
    }
}

/// Says whether the answer to a question (by id) is one of some values:
/// `None` while the question has no answer.
pub(crate) type Answers<'a> = &'a dyn Fn(&str, &[String]) -> Option<bool>;

impl Question {
    /// The fact the answer sets, if any.
    pub fn fact(&self) -> Option<Fact> {
        self.read.fact
    }

    /// The outcome of `ask_when` on the facts and answers known so far
    /// (met without one).
    pub(crate) fn asked_when(&self, facts: &Facts, answers: Answers) -> Outcome {
        self.read
            .ask_when
            .as_ref()
            .map_or(Outcome::Met, |condition| {
                condition.evaluate_with(facts, answers)
            })
    }

    /// The checked `ask_when` condition, if any.
    pub fn ask_when_condition(&self) -> Option<&Condition> {
        self.read.ask_when.as_ref()
    }

    /// Each need signal with its checked condition.
    pub(crate) fn need_signals(&self) -> impl Iterator<Item = (&NeedSignal, &Condition)> {
        self.needs.iter().zip(&self.read.needs)
    }

    /// Each urgent signal with its checked condition.
    pub(crate) fn urgent_signals(&self) -> impl Iterator<Item = (&UrgentSignal, &Condition)> {
        self.urgent.iter().zip(&self.read.urgent)
    }

    /// Every fact the question's conditions read.
    pub(crate) fn facts_read(&self) -> crate::vocabulary::facts::FactSet {
        self.read
            .ask_when
            .iter()
            .chain(&self.read.needs)
            .chain(&self.read.urgent)
            .fold(
                crate::vocabulary::facts::FactSet::EMPTY,
                |facts, condition| facts.union(condition.facts()),
            )
    }

    /// The options of a choice question; empty for other kinds.
    pub fn options(&self) -> &[ChoiceOption] {
        match &self.kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                options
            }
            _ => &[],
        }
    }

    /// Whether `answer` is one of `values`, as an `answer` condition reads
    /// it: `yes` / `no` for a yes/no answer, option ids for a choice (any
    /// option chosen, for a multiple choice), the text or number written.
    pub(crate) fn answer_is_one_of(answer: &AnswerValue, values: &[String]) -> bool {
        match answer {
            AnswerValue::Bool(value) => values
                .iter()
                .any(|listed| listed == if *value { "yes" } else { "no" }),
            AnswerValue::Number(number) => {
                values.iter().any(|listed| *listed == number.to_string())
            }
            AnswerValue::Text(text) => values.contains(text),
            AnswerValue::List(chosen) => chosen.iter().any(|id| values.contains(id)),
        }
    }

    /// The value a valid answer gives the question's fact, if any.
    pub(crate) fn fact_value(&self, answer: &AnswerValue) -> Option<Value> {
        self.read.fact?;
        let option_value = |id: &str| {
            let at = self.options().iter().position(|option| option.id == id)?;
            self.read.option_values.get(at).cloned().flatten()
        };
        match (&self.kind, answer) {
            (QuestionKind::YesNo, AnswerValue::Bool(value)) => Some(Value::Boolean(*value)),
            (QuestionKind::SingleChoice { .. }, AnswerValue::Text(id)) => option_value(id),
            (QuestionKind::MultipleChoice { .. }, AnswerValue::List(ids)) => {
                // By insertion: collecting into a set sorts, with its own
                // copy of the sort.
                let mut set = BTreeSet::new();
                for id in ids {
                    if let Some(Value::Text(value)) = option_value(id) {
                        set.insert(value);
                    }
                }
                Some(Value::Set(set))
            }
            (QuestionKind::Number { .. }, AnswerValue::Number(n)) => Some(Value::Integer(*n)),
            (QuestionKind::Date, AnswerValue::Text(date)) => {
                Date::parse(date).ok().map(Value::Date)
            }
            (QuestionKind::PostalCode | QuestionKind::Commune, AnswerValue::Text(code)) => {
                Some(Value::Text(code.clone()))
            }
            _ => None,
        }
    }

    /// Sets the question's fact, if it has one, from a valid answer.
    pub(crate) fn set_fact(&self, answer: &AnswerValue, facts: &mut Facts) {
        if let Some(fact) = self.read.fact {
            facts.put(fact, self.fact_value(answer));
        }
    }

    /// Reads what a person typed or chose in a form and checks it:
    /// `"yes"`/`"no"`, an option id, digits, a date `YYYY-MM-DD`, a postal
    /// code, a text, or for a multiple choice or ranking the ids one per
    /// line. `today` is the session's reference date.
    ///
    /// ```
    /// use passerelle_core::{AnswerError, AnswerValue, Questionnaire};
    /// use passerelle_core::date::Date;
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let today = Date::parse("2026-11-27").unwrap();
    /// let age = questionnaire.question("age").unwrap();
    /// assert_eq!(age.parse_input(" 22 ", today), Ok(AnswerValue::Number(22)));
    /// assert_eq!(age.parse_input("vingt", today), Err(AnswerError::NotANumber));
    /// assert_eq!(age.parse_input("", today), Err(AnswerError::Required));
    /// ```
    pub fn parse_input(&self, input: &str, today: Date) -> Result<AnswerValue, AnswerError> {
        let trimmed = input.trim();
        let value = match &self.kind {
            QuestionKind::MultipleChoice { .. } | QuestionKind::NeedRanking => AnswerValue::List(
                input
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ),
            _ if trimmed.is_empty() => return Err(AnswerError::Required),
            QuestionKind::YesNo => match trimmed {
                "yes" | "true" => AnswerValue::Bool(true),
                "no" | "false" => AnswerValue::Bool(false),
                _ => return Err(AnswerError::UnknownOption),
            },
            QuestionKind::Number { min, max, .. } => {
                let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(AnswerError::NotANumber);
                }
                // All digits: the only failure left is overflow, out of any bounds.
                let number = trimmed
                    .parse::<i64>()
                    .map_err(|_| AnswerError::OutOfRange {
                        min: *min,
                        max: *max,
                    })?;
                AnswerValue::Number(number)
            }
            QuestionKind::PostalCode => AnswerValue::Text(trimmed.replace(' ', "")),
            QuestionKind::Date => AnswerValue::Text(iso_date(trimmed)),
            _ => AnswerValue::Text(trimmed.to_owned()),
        };
        self.check(&value, today)?;
        Ok(value)
    }

    /// Checks a typed answer against the question; `today` is the
    /// session's reference date (a date answer may not be after it).
    ///
    /// ```
    /// use passerelle_core::{AnswerError, AnswerValue, Questionnaire};
    /// use passerelle_core::date::Date;
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let today = Date::parse("2026-11-27").unwrap();
    /// let status = questionnaire.question("employment_status").unwrap();
    /// assert!(status.check(&AnswerValue::Text("jobseeker".into()), today).is_ok());
    /// assert_eq!(status.check(&AnswerValue::Bool(true), today), Err(AnswerError::UnknownOption));
    /// ```
    pub fn check(&self, value: &AnswerValue, today: Date) -> Result<(), AnswerError> {
        match (&self.kind, value) {
            (QuestionKind::YesNo, AnswerValue::Bool(_)) => Ok(()),
            (QuestionKind::SingleChoice { options }, AnswerValue::Text(id)) => {
                if options.iter().any(|option| &option.id == id) {
                    Ok(())
                } else {
                    Err(AnswerError::UnknownOption)
                }
            }
            (QuestionKind::MultipleChoice { options }, AnswerValue::List(ids)) => {
                let mut exclusive = false;
                for (i, id) in ids.iter().enumerate() {
                    let option = options
                        .iter()
                        .find(|option| &option.id == id)
                        .ok_or(AnswerError::UnknownOption)?;
                    if ids[..i].contains(id) {
                        return Err(AnswerError::RepeatedOption);
                    }
                    exclusive |= option.exclusive;
                }
                if ids.is_empty() {
                    Err(AnswerError::Required)
                } else if exclusive && ids.len() > 1 {
                    Err(AnswerError::ExclusiveOption)
                } else {
                    Ok(())
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
            (QuestionKind::Date, AnswerValue::Text(text)) => {
                let date = Date::parse(text.trim()).map_err(|_| AnswerError::NotADate)?;
                if date > today {
                    Err(AnswerError::DateInFuture)
                } else if date < crate::vocabulary::facts::EARLIEST_DATE {
                    Err(AnswerError::DateTooEarly)
                } else {
                    Ok(())
                }
            }
            (QuestionKind::Date, _) => Err(AnswerError::NotADate),
            (QuestionKind::PostalCode, AnswerValue::Text(code))
                if crate::vocabulary::geo::is_postal_code(code) =>
            {
                Ok(())
            }
            (QuestionKind::PostalCode, _) => Err(AnswerError::NotAPostalCode),
            // Which communes the postal code serves is the session's to check.
            (QuestionKind::Commune, AnswerValue::Text(code))
                if crate::vocabulary::geo::is_commune_code(code) =>
            {
                Ok(())
            }
            (QuestionKind::ShortText { max_length }, AnswerValue::Text(text)) => {
                if text.trim().is_empty() {
                    Err(AnswerError::Required)
                } else if text.chars().count() > *max_length {
                    Err(AnswerError::TooLong { max: *max_length })
                } else {
                    Ok(())
                }
            }
            // Which needs were found is the session's to check.
            (QuestionKind::NeedRanking, AnswerValue::List(themes)) => {
                if themes.is_empty() {
                    Err(AnswerError::Required)
                } else if themes
                    .iter()
                    .enumerate()
                    .any(|(i, theme)| themes[..i].contains(theme))
                {
                    Err(AnswerError::RepeatedOption)
                } else {
                    Ok(())
                }
            }
            _ => Err(AnswerError::UnknownOption),
        }
    }
}

/// A date typed the French way (`14/03/2001`) written `2001-03-14`;
/// anything else as it is, for [`Question::check`] to judge.
fn iso_date(text: &str) -> String {
    let parts: Vec<&str> = text.split('/').collect();
    match parts[..] {
        [day, month, year] if day.len() <= 2 && month.len() <= 2 && year.len() == 4 => {
            format!("{year}-{month:0>2}-{day:0>2}")
        }
        _ => text.to_owned(),
    }
}

/// A questionnaire: its languages and its sections of questions, in the
/// order asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Version of the format, [`FORMAT_VERSION`] for this build.
    pub format_version: u32,
    /// Stable id of the questionnaire; a session refers to it.
    pub id: String,
    /// Languages every text must be given in.
    pub locales: Vec<Locale>,
    /// The sections, in the order asked.
    pub sections: Vec<Section>,
    /// Where each question is, in the order asked: (section, question).
    #[serde(skip)]
    positions: Vec<(usize, usize)>,
    /// The position of each question id.
    #[serde(skip)]
    by_id: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    /// The catalogue whose entries the questions must be able to change.
    #[serde(skip)]
    catalogue: Option<Arc<Catalogue>>,
    /// The communes known: a commune question's options.
    #[serde(skip)]
    communes: crate::vocabulary::communes::Communes,
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
    ///   "sections": [{"id": "s", "title": {"fr": "Vous", "en": "You"}, "questions": [
    ///     {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "Oui ?"}},
    ///     {"id": "a", "kind": {"type": "single_choice", "options": []},
    ///      "label": {"fr": "Quoi ?", "en": "What?"}}]}]}"#;
    /// let error = Questionnaire::from_json(json).unwrap_err();
    /// let codes: Vec<_> = error.problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    /// assert_eq!(codes, [
    ///     ("missing_translation", "$.sections[0].questions[0].label"),
    ///     ("duplicate_question_id", "$.sections[0].questions[1].id"),
    ///     ("no_options", "$.sections[0].questions[1].kind.options"),
    /// ]);
    /// ```
    pub fn from_json(json: &str) -> Result<Questionnaire, QuestionnaireError> {
        crate::base::limits::check_text(json).map_err(|problem| QuestionnaireError {
            problems: vec![problem],
        })?;
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

    /// The questionnaire, asking a question that only sets a fact only
    /// when the fact can still change the eligibility of an entry of
    /// `catalogue` for the needs that are found or may still be.
    pub fn adapted_to(mut self, catalogue: Arc<Catalogue>) -> Questionnaire {
        self.catalogue = Some(catalogue);
        self
    }

    /// The questionnaire, knowing the communes of `communes`: a commune
    /// question lists those of the postal code answered, and a postal code
    /// that serves one commune only sets it (see
    /// [`crate::questionnaire::session::DiagnosisSession::options`]).
    pub fn with_communes(
        mut self,
        communes: crate::vocabulary::communes::Communes,
    ) -> Questionnaire {
        self.communes = communes;
        self
    }

    /// Knows the communes of `communes` from now on (see
    /// [`Questionnaire::with_communes`]).
    pub fn set_communes(&mut self, communes: crate::vocabulary::communes::Communes) {
        self.communes = communes;
    }

    /// The communes known.
    pub fn communes(&self) -> &crate::vocabulary::communes::Communes {
        &self.communes
    }

    /// The catalogue the questionnaire adapts to, if any.
    pub fn catalogue(&self) -> Option<&Catalogue> {
        self.catalogue.as_deref()
    }

    /// Every question, in the order asked.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections
            .iter()
            .flat_map(|section| section.questions.iter())
    }

    /// How many questions in all.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether the questionnaire has no question (a loaded one always has).
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// The question with this id, if any.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_at(self.position(id)?)
    }

    /// The position of the question with this id in the order asked.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The question at `position` in the order asked.
    pub fn question_at(&self, position: usize) -> Option<&Question> {
        let &(section, question) = self.positions.get(position)?;
        self.sections.get(section)?.questions.get(question)
    }

    /// The section of the question at `position`.
    pub fn section_at(&self, position: usize) -> Option<&Section> {
        self.sections.get(self.positions.get(position)?.0)
    }

    /// The questions whose answer would settle some of the `missing`
    /// facts, in the order asked: what to ask to settle an undetermined
    /// eligibility. A question settles its fact and the facts derived from
    /// it (a birth date gives the age; a postal code, the department).
    ///
    /// ```
    /// use passerelle_core::facts::{Fact, FactSet};
    /// use passerelle_core::Questionnaire;
    ///
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let mut missing = FactSet::default();
    /// missing.insert(Fact::Department);
    /// missing.insert(Fact::Rqth);
    /// let ids: Vec<_> = questionnaire.questions_settling(missing).map(|q| q.id.as_str()).collect();
    /// assert_eq!(ids, ["postal_code", "commune", "rqth"]);
    /// ```
    pub fn questions_settling(&self, missing: FactSet) -> impl Iterator<Item = &Question> {
        self.questions().filter(move |question| {
            question
                .fact()
                .is_some_and(|fact| fact.and_derived().iter().any(|f| missing.contains(f)))
        })
    }

    /// Every problem of a parsed questionnaire, in document order; reads
    /// each question's fields and indexes the questions on the way.
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
        if self
            .sections
            .iter()
            .all(|section| section.questions.is_empty())
        {
            found.push(
                "no_questions",
                "$.sections".into(),
                "Add at least one question.".into(),
            );
        }
        let count: usize = self.sections.iter().map(|s| s.questions.len()).sum();
        if count > crate::base::limits::MAX_QUESTIONS {
            // Each step looks through the questions to come: a session
            // on more would not answer in a moment.
            found.push(
                "too_many_questions",
                "$.sections".into(),
                format!(
                    "The questionnaire has {count} questions; it may have at most {}.",
                    crate::base::limits::MAX_QUESTIONS
                ),
            );
            return found.list;
        }
        let mut section_ids = BTreeSet::new();
        let mut before = Before::default();
        let mut reads = Vec::new();
        for (s, section) in self.sections.iter().enumerate() {
            let sections = Path::Root("$.sections");
            let section_path = sections.item(s);
            if section.id.trim().is_empty() {
                found.push(
                    "empty_id",
                    format!("{section_path}.id"),
                    "Give the section an id.".into(),
                );
            } else if let Some(problem) =
                crate::base::limits::id_too_long(&format!("{section_path}.id"), &section.id)
            {
                found.push(problem.code, problem.path, problem.message);
            } else if let Some(problem) = not_a_slug(&format!("{section_path}.id"), &section.id) {
                found.push(problem.code, problem.path, problem.message);
            } else if !section_ids.insert(section.id.as_str()) {
                found.push(
                    "duplicate_section_id",
                    format!("{section_path}.id"),
                    format!("Another section already has the id \"{}\".", section.id),
                );
            }
            found.translations(&section.title, || format!("{section_path}.title"));
            for (q, question) in section.questions.iter().enumerate() {
                let questions = section_path.field("questions");
                let path = questions.item(q);
                let read = question.read_fields(&path, &before, &mut found);
                if !question.id.trim().is_empty() {
                    before.questions.entry(&question.id).or_insert(question);
                }
                if let Some(fact) = read.fact {
                    before.add_fact(fact);
                }
                reads.push(((s, q), read));
            }
        }
        let weight: usize = (reads.iter())
            .flat_map(|(_, read)| read.ask_when.iter().chain(&read.needs).chain(&read.urgent))
            .map(condition_weight)
            .sum();
        if weight > crate::base::limits::MAX_QUESTIONNAIRE_CONDITIONS {
            found.push(
                "too_many_conditions",
                "$.sections".into(),
                format!(
                    "The questions' conditions hold {weight} tests and values; a questionnaire \
                     may hold at most {}.",
                    crate::base::limits::MAX_QUESTIONNAIRE_CONDITIONS
                ),
            );
        }
        for ((s, q), read) in reads {
            let question = &mut self.sections[s].questions[q];
            question.read = read;
            self.by_id
                .entry(question.id.clone())
                .or_insert(self.positions.len());
            self.positions.push((s, q));
        }
        found.list
    }
}

/// What evaluating `condition` costs: one for each test, and one for each
/// value it lists (an answer or a fact among 1,000 values is read against
/// each). Every step of a session evaluates the conditions of the
/// questions to come.
fn condition_weight(condition: &Condition) -> usize {
    use crate::rules::Test;
    match condition.test() {
        Test::All(parts) | Test::Any(parts) => {
            1 + parts.iter().map(condition_weight).sum::<usize>()
        }
        Test::Not(part) => 1 + condition_weight(part),
        Test::In { values, .. } | Test::HasAny { values, .. } | Test::Answer { values, .. } => {
            1 + values.len()
        }
        _ => 1,
    }
}

/// A problem `not_a_slug` at `path` when `id` is not a slug: ASCII
/// letters, digits, `_`, `-` and `.`, starting with a letter or a digit.
/// Ids become keys of answers and snapshots, element ids and form values
/// in the widgets: no `__proto__`, no space, no zero-width joiner, nothing
/// that reads the same as another id and is not.
fn not_a_slug(path: &str, id: &str) -> Option<Problem> {
    let first_ok = id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
    let rest_ok = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    (!(first_ok && rest_ok)).then(|| {
        Problem::new(
            "not_a_slug",
            path,
            format!(
                "\"{id}\" is not an id: use ASCII letters, digits, _, - and ., starting with \
                 a letter or a digit (sleep_tonight)."
            ),
        )
    })
}

/// FNV-1a: question ids are short and chosen by the questionnaire's
/// author, not by the person answering, and every `answer` condition
/// looks one up; SipHash's protection costs more than it gives here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// What the questions before the one being checked give its conditions.
#[derive(Default)]
struct Before<'q> {
    /// Facts set, with those derived from them.
    facts: crate::vocabulary::facts::FactSet,
    /// The questions, by id (the first one of an id given twice).
    questions: HashMap<&'q str, &'q Question, BuildHasherDefault<Fnv>>,
}

impl Before<'_> {
    fn add_fact(&mut self, fact: Fact) {
        self.facts = self.facts.union(fact.and_derived());
    }
}

/// The values an `answer` condition may list for `question`; `None` when
/// its answers cannot be tested.
fn answer_words(question: &Question) -> Option<Vec<&str>> {
    match &question.kind {
        QuestionKind::YesNo => Some(vec!["yes", "no"]),
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            Some(options.iter().map(|option| option.id.as_str()).collect())
        }
        _ => None,
    }
}

impl Question {
    /// Checks the question's fields, given what comes `before` it, and
    /// reads its fact and conditions.
    fn read_fields(&self, path: &Path, before: &Before, found: &mut Problems) -> Read {
        let mut read = Read::default();
        if self.id.trim().is_empty() {
            found.push(
                "empty_id",
                format!("{path}.id"),
                "Give the question an id.".into(),
            );
        } else if let Some(problem) =
            crate::base::limits::id_too_long(&format!("{path}.id"), &self.id)
        {
            found.push(problem.code, problem.path, problem.message);
        } else if let Some(problem) = not_a_slug(&format!("{path}.id"), &self.id) {
            found.push(problem.code, problem.path, problem.message);
        } else if before.questions.contains_key(self.id.as_str()) {
            found.push(
                "duplicate_question_id",
                format!("{path}.id"),
                format!("Another question already has the id \"{}\".", self.id),
            );
        }
        found.translations(&self.label, || format!("{path}.label"));
        if let Some(help) = &self.help {
            found.translations(help, || format!("{path}.help"));
        }
        self.check_kind(path, found);
        if let Some(name) = &self.sets {
            let sets_path = format!("{path}.sets");
            match Fact::from_name(name) {
                None => found.push(
                    "unknown_fact",
                    sets_path,
                    format!("\"{name}\" is not a fact name; see docs/facts.md."),
                ),
                Some(fact) => {
                    if let Some(values) = self.fits(fact, path, found) {
                        read.fact = Some(fact);
                        read.option_values = values;
                    }
                }
            }
        }
        if matches!(self.kind, QuestionKind::Commune) {
            if self.sets.as_deref() != Some("commune") {
                found.push(
                    "commune_question_without_fact",
                    format!("{path}.sets"),
                    "A commune question sets the fact commune: add \"sets\": \"commune\".".into(),
                );
            }
            if !before.facts.contains(Fact::PostalCode) {
                found.push(
                    "fact_not_asked_before",
                    format!("{path}.kind"),
                    "postal_code is not set by an earlier question: a commune question lists the communes of the postal code answered before it.".into(),
                );
            }
        }
        if let Some(json) = &self.ask_when {
            let when_path = path.field("ask_when");
            read.ask_when = self.condition(json, &when_path, before, None, found);
        }
        let mut needs = Vec::new();
        for (i, signal) in self.needs.iter().enumerate() {
            let needs_path = path.field("needs");
            let signal_path = needs_path.item(i);
            let need = Need::new(&signal.theme, signal.priority);
            if let Err(problem) = need.check("") {
                found.list.push(Problem {
                    path: signal_path.field("theme").to_string(),
                    ..problem
                });
            }
            let when_path = signal_path.field("when");
            needs.extend(self.condition(&signal.when, &when_path, before, Some(read.fact), found));
        }
        let mut urgent = Vec::new();
        for (i, signal) in self.urgent.iter().enumerate() {
            let urgent_path = path.field("urgent");
            let signal_path = urgent_path.item(i);
            let when_path = signal_path.field("when");
            urgent.extend(self.condition(&signal.when, &when_path, before, Some(read.fact), found));
        }
        read.needs = needs;
        read.urgent = urgent;
        read
    }

    /// Reads a condition of the question: it may read the facts set and
    /// the answers given before it, and with `own` (the fact the question
    /// sets, if any), the question's own answer and fact.
    fn condition(
        &self,
        json: &Json,
        path: &Path,
        before: &Before,
        own: Option<Option<Fact>>,
        found: &mut Problems,
    ) -> Option<Condition> {
        let mut problems = Vec::new();
        let condition = Condition::parse_with_answers(json, path, &mut problems);
        found.list.extend(problems);
        let condition = condition?;
        let mut facts = before.facts;
        if let Some(Some(fact)) = own {
            facts = facts.union(fact.and_derived());
        }
        let mut ok = true;
        let zone = [Fact::Commune, Fact::Department, Fact::Region];
        for fact in condition.facts().iter() {
            // A zone is settled by any of the place facts.
            let known = facts.contains(fact)
                || (zone.contains(&fact) && zone.iter().any(|fact| facts.contains(*fact)));
            if !known {
                ok = false;
                found.push(
                    "fact_not_asked_before",
                    path.to_string(),
                    format!(
                        "{fact} is not set by an earlier question, so this condition could never be met."
                    ),
                );
            }
        }
        let mut read = Vec::new();
        condition.answers_read(&mut read);
        for (question, values) in read {
            let asked_before = if own.is_some() && question == self.id {
                Some(self)
            } else {
                before.questions.get(question).copied()
            };
            match asked_before.map(answer_words) {
                None => {
                    ok = false;
                    found.push(
                        "answer_not_asked_before",
                        path.to_string(),
                        format!("\"{question}\" is not an earlier question, so this condition could never be met."),
                    );
                }
                Some(None) => {
                    ok = false;
                    found.push(
                        "answer_not_testable",
                        path.to_string(),
                        format!("The answer to \"{question}\" cannot be tested: only yes/no and choice answers can; test the fact it sets."),
                    );
                }
                Some(Some(words)) => {
                    for value in values {
                        if !words.contains(&value.as_str()) {
                            ok = false;
                            found.push(
                                "unknown_answer_value",
                                path.to_string(),
                                format!(
                                    "\"{value}\" is not an answer of \"{question}\"; use one of: {}.",
                                    words.join(", ")
                                ),
                            );
                        }
                    }
                }
            }
        }
        ok.then_some(condition)
    }

    /// Checks the kind's own fields: options, bounds, texts.
    fn check_kind(&self, path: &Path, found: &mut Problems) {
        match &self.kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                if options.is_empty() {
                    found.push(
                        "no_options",
                        format!("{path}.kind.options"),
                        "A choice question needs at least one option.".into(),
                    );
                }
                let multiple = matches!(self.kind, QuestionKind::MultipleChoice { .. });
                let mut option_ids = BTreeSet::new();
                for (j, option) in options.iter().enumerate() {
                    let option_path = |field: &str| format!("{path}.kind.options[{j}].{field}");
                    if option.id.trim().is_empty() {
                        found.push(
                            "empty_id",
                            option_path("id"),
                            "Give the option an id.".into(),
                        );
                    } else if let Some(problem) =
                        crate::base::limits::id_too_long(&option_path("id"), &option.id)
                    {
                        found.push(problem.code, problem.path, problem.message);
                    } else if let Some(problem) = not_a_slug(&option_path("id"), &option.id) {
                        found.push(problem.code, problem.path, problem.message);
                    } else if !option_ids.insert(option.id.as_str()) {
                        found.push(
                            "duplicate_option_id",
                            option_path("id"),
                            format!("Another option already has the id \"{}\".", option.id),
                        );
                    }
                    if option.exclusive && !multiple {
                        found.push(
                            "exclusive_not_multiple",
                            option_path("exclusive"),
                            "Only an option of a multiple choice can be exclusive.".into(),
                        );
                    }
                    found.translations(&option.label, || option_path("label"));
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
                    found.translations(unit, || format!("{path}.kind.unit"));
                }
            }
            QuestionKind::ShortText { max_length: 0 } => found.push(
                "impossible_bounds",
                format!("{path}.kind.max_length"),
                "Accept at least one character.".into(),
            ),
            QuestionKind::YesNo
            | QuestionKind::Date
            | QuestionKind::PostalCode
            | QuestionKind::Commune
            | QuestionKind::ShortText { .. }
            | QuestionKind::NeedRanking => {}
        }
        let has_values = self.options().iter().any(|option| option.value.is_some());
        if has_values && self.sets.is_none() {
            found.push(
                "value_without_fact",
                format!("{path}.kind.options"),
                "Option values are the values of the fact the question sets: add \"sets\".".into(),
            );
        }
    }

    /// Whether the question's kind fits `fact`'s type; reports why not.
    /// For a choice question, the value each option gives the fact.
    fn fits(&self, fact: Fact, path: &Path, found: &mut Problems) -> Option<Vec<Option<Value>>> {
        let mismatch = |found: &mut Problems| {
            found.push(
                "kind_does_not_fit_fact",
                format!("{path}.sets"),
                format!(
                    "This kind of question cannot set {fact}; see docs/questionnaire-format.md."
                ),
            );
            None
        };
        match (&self.kind, fact.value_type()) {
            (QuestionKind::YesNo, FactType::Boolean)
            | (QuestionKind::Date, FactType::Date)
            | (QuestionKind::PostalCode, FactType::Code(CodeKind::PostalCode))
            | (QuestionKind::Commune, FactType::Code(CodeKind::Commune)) => Some(Vec::new()),
            (QuestionKind::SingleChoice { options }, value_type)
                if !matches!(value_type, FactType::SetOf(_) | FactType::Date) =>
            {
                self.option_values(fact, options, path, found, |value| {
                    check_value(fact, value, "$").ok()
                })
            }
            (QuestionKind::MultipleChoice { options }, FactType::SetOf(allowed)) => self
                .option_values(fact, options, path, found, |value| {
                    value
                        .as_str()
                        .filter(|value| allowed.contains(value))
                        .map(|value| Value::Text(value.to_owned()))
                }),
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
                    None
                } else {
                    Some(Vec::new())
                }
            }
            _ => mismatch(found),
        }
    }

    /// The value each option gives `fact`: its `value` (`null`: none), else
    /// its id; `read` checks one against the fact.
    fn option_values(
        &self,
        fact: Fact,
        options: &[ChoiceOption],
        path: &Path,
        found: &mut Problems,
        read: impl Fn(&Json) -> Option<Value>,
    ) -> Option<Vec<Option<Value>>> {
        let mut values = Vec::with_capacity(options.len());
        let mut fits = true;
        for (j, option) in options.iter().enumerate() {
            let (json, value_path) = match &option.value {
                Some(Json::Null) => {
                    values.push(None);
                    continue;
                }
                Some(value) => (value.clone(), format!("{path}.kind.options[{j}].value")),
                None => (
                    Json::from(option.id.as_str()),
                    format!("{path}.kind.options[{j}].id"),
                ),
            };
            match read(&json) {
                Some(value) => values.push(Some(value)),
                None => {
                    fits = false;
                    let allowed = match fact.value_type() {
                        FactType::OneOf(allowed) | FactType::SetOf(allowed) => {
                            format!("use one of: {}", allowed.join(", "))
                        }
                        _ => "see docs/facts.md".to_owned(),
                    };
                    found.push(
                        "option_not_a_fact_value",
                        value_path,
                        format!("{json} is not a value of {fact}; {allowed}."),
                    );
                }
            }
        }
        fits.then_some(values)
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

    /// A problem for each declared locale that `text` lacks; `path` is
    /// made only then.
    fn translations(&mut self, text: &LocalizedText, path: impl Fn() -> String) {
        for locale in self.locales {
            if !text.has(*locale) {
                self.push(
                    "missing_translation",
                    path(),
                    format!("Give this text in \"{}\".", locale.tag()),
                );
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn texts_written_by_others_lose_their_bidi_controls_and_keep_their_letters() {
        let text: LocalizedText = serde_json::from_str(
            r#"{"fr": "Atelier \u202eexe.reiv fin", "en": "\u2067\u0645\u0631\u062d\u0628\u0627\u2069 ok"}"#,
        )
        .unwrap();
        assert_eq!(text.get(Locale::Fr), "Atelier exe.reiv fin");
        assert_eq!(
            text.get(Locale::En),
            "\u{645}\u{631}\u{62d}\u{628}\u{627} ok"
        );
        // Written out and read back: the same.
        let again: LocalizedText =
            serde_json::from_str(&serde_json::to_string(&text).unwrap()).unwrap();
        assert_eq!(again, text);
    }

    /// A questionnaire of these questions (JSON objects) in one section,
    /// in French only.
    pub(crate) fn questionnaire_of(
        questions: serde_json::Value,
    ) -> Result<Questionnaire, Vec<(&'static str, String)>> {
        let json = json!({"format_version": 1, "id": "q", "locales": ["fr"],
            "sections": [{"id": "s", "title": {"fr": "Vous"}, "questions": questions}]});
        Questionnaire::from_json(&json.to_string()).map_err(|error| {
            error
                .problems
                .into_iter()
                .map(|p| (p.code, p.path.replace("$.sections[0].questions", "$.q")))
                .collect()
        })
    }

    fn today() -> Date {
        Date::parse("2026-11-27").unwrap()
    }

    fn question(kind: serde_json::Value) -> Question {
        let questionnaire =
            questionnaire_of(json!([{"id": "a", "kind": kind, "label": {"fr": "A ?"}}])).unwrap();
        questionnaire.question("a").unwrap().clone()
    }

    fn codes<'p>(problems: &'p [(&'static str, String)]) -> Vec<(&'static str, &'p str)> {
        problems.iter().map(|(c, p)| (*c, p.as_str())).collect()
    }

    #[test]
    fn facts_set_and_conditions_are_checked_against_the_vocabulary() {
        let problems = questionnaire_of(json!([
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
             "ask_when": {"sometimes": true}},
            {"id": "g", "kind": {"type": "short_text"}, "label": {"fr": "G ?"}, "sets": "housing"},
            {"id": "h", "kind": {"type": "multiple_choice", "options": [
                {"id": "rsa", "label": {"fr": "RSA"}}, {"id": "loto", "label": {"fr": "Loto"}}
             ]}, "label": {"fr": "H ?"}, "sets": "benefits"},
            {"id": "i", "kind": {"type": "single_choice", "options": [
                {"id": "none", "label": {"fr": "Aucun"}, "value": 2},
                {"id": "phd", "label": {"fr": "Doctorat"}, "value": 80}
             ]}, "label": {"fr": "I ?"}, "sets": "qualification_level"},
            {"id": "j", "kind": {"type": "single_choice", "options": [
                {"id": "x", "label": {"fr": "X"}, "value": 1}]}, "label": {"fr": "J ?"}}
        ]))
        .unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("unknown_fact", "$.q[0].sets"),
                ("kind_does_not_fit_fact", "$.q[1].sets"),
                ("option_not_a_fact_value", "$.q[2].kind.options[1].id"),
                ("bounds_outside_fact", "$.q[3].kind"),
                ("fact_not_asked_before", "$.q[4].ask_when"),
                ("unknown_operator", "$.q[5].ask_when.sometimes"),
                ("kind_does_not_fit_fact", "$.q[6].sets"),
                ("option_not_a_fact_value", "$.q[7].kind.options[1].id"),
                ("option_not_a_fact_value", "$.q[8].kind.options[1].value"),
                ("value_without_fact", "$.q[9].kind.options"),
            ]
        );
    }

    #[test]
    fn a_condition_may_only_read_facts_and_answers_from_before() {
        // Set after the question that reads it: refused (no cycle can form).
        let problems = questionnaire_of(json!([
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"},
             "ask_when": {"equals": {"fact": "rqth", "value": true}}},
            {"id": "b", "kind": {"type": "yes_no"}, "label": {"fr": "B ?"}, "sets": "rqth",
             "ask_when": {"answer": {"question": "b", "values": ["yes"]}}},
            {"id": "c", "kind": {"type": "yes_no"}, "label": {"fr": "C ?"},
             "ask_when": {"answer": {"question": "d", "values": ["yes"]}}},
            {"id": "d", "kind": {"type": "yes_no"}, "label": {"fr": "D ?"},
             "ask_when": {"answer": {"question": "b", "values": ["oui"]}}},
            {"id": "e", "kind": {"type": "number", "min": 0, "max": 3}, "label": {"fr": "E ?"}},
            {"id": "f", "kind": {"type": "yes_no"}, "label": {"fr": "F ?"},
             "ask_when": {"answer": {"question": "e", "values": ["2"]}}},
            {"id": "g", "kind": {"type": "yes_no"}, "label": {"fr": "G ?"},
             "ask_when": {"answer": {"question": "nowhere", "values": ["yes"]}}}
        ]))
        .unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("fact_not_asked_before", "$.q[0].ask_when"),
                ("answer_not_asked_before", "$.q[1].ask_when"),
                ("answer_not_asked_before", "$.q[2].ask_when"),
                ("unknown_answer_value", "$.q[3].ask_when"),
                ("answer_not_testable", "$.q[5].ask_when"),
                ("answer_not_asked_before", "$.q[6].ask_when"),
            ]
        );
        // A signal may read the question's own answer and fact, and what
        // derives from it.
        assert!(questionnaire_of(json!([
            {"id": "cp", "kind": {"type": "postal_code"}, "label": {"fr": "Code postal ?"}, "sets": "postal_code",
             "needs": [{"theme": "mobilite", "when": {"in_zone": {"departments": ["23"]}}}]}
        ]))
        .is_ok());
        assert!(questionnaire_of(json!([
            {"id": "b", "kind": {"type": "yes_no"}, "label": {"fr": "B ?"}, "sets": "rqth",
             "needs": [{"theme": "sante", "when": {"answer": {"question": "b", "values": ["yes"]}}}],
             "urgent": [{"alert": "medical_emergency", "when": {"equals": {"fact": "rqth", "value": true}}}]},
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"},
             "ask_when": {"all": [{"equals": {"fact": "rqth", "value": true}},
                                  {"answer": {"question": "b", "values": ["yes"]}}]}}
        ]))
        .is_ok());
    }

    #[test]
    fn signals_name_known_themes_and_alerts() {
        let problems = questionnaire_of(json!([
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"},
             "needs": [{"theme": "astrologie", "priority": "high",
                        "when": {"answer": {"question": "a", "values": ["yes"]}}}]}
        ]))
        .unwrap_err();
        assert_eq!(
            codes(&problems),
            [("unknown_theme", "$.q[0].needs[0].theme")]
        );
        let problems = questionnaire_of(json!([
            {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"},
             "urgent": [{"alert": "alien_invasion", "when": {"answer": {"question": "a", "values": ["yes"]}}}]}
        ]))
        .unwrap_err();
        assert_eq!(problems[0].0, "invalid_json");
    }

    #[test]
    fn catalogues_cannot_test_answers() {
        let mut problems = Vec::new();
        let condition = Condition::parse(
            &json!({"answer": {"question": "a", "values": ["yes"]}}),
            "$",
            &mut problems,
        );
        assert!(condition.is_none());
        assert_eq!(problems[0].code, "answer_outside_questionnaire");
    }

    #[test]
    fn default_questionnaire_loads() {
        let questionnaire = Questionnaire::from_json(DEFAULT_QUESTIONNAIRE);
        assert!(questionnaire.is_ok(), "{}", questionnaire.unwrap_err());
    }

    #[test]
    fn unknown_field_and_future_version_are_refused() {
        let error = Questionnaire::from_json(
            r#"{"format_version": 1, "id": "q", "locales": ["fr"], "sections": [], "extra": 1}"#,
        )
        .unwrap_err();
        assert_eq!(error.problems[0].code, "invalid_json");

        let error = Questionnaire::from_json(
            r#"{"format_version": 2, "id": "q", "locales": ["fr"], "sections": [{"id": "s", "title": {"fr": "S"}, "questions": [{"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "A ?"}}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(error.problems.len(), 1);
        assert_eq!(error.problems[0].code, "unsupported_version");
    }

    #[test]
    fn sections_need_ids_titles_and_questions() {
        let json = json!({"format_version": 1, "id": "q", "locales": ["fr", "en"], "sections": [
            {"id": "s", "title": {"fr": "S"}, "questions": []},
            {"id": "s", "title": {"fr": "T", "en": "T"}, "questions": []}]});
        let error = Questionnaire::from_json(&json.to_string()).unwrap_err();
        let found: Vec<_> = error
            .problems
            .iter()
            .map(|p| (p.code, p.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("no_questions", "$.sections"),
                ("missing_translation", "$.sections[0].title"),
                ("duplicate_section_id", "$.sections[1].id"),
            ]
        );
    }

    #[test]
    fn impossible_bounds_duplicate_options_and_misplaced_exclusive() {
        let problems = questionnaire_of(json!([
            {"id": "n", "kind": {"type": "number", "min": 5, "max": 1}, "label": {"fr": "N ?"}},
            {"id": "c", "kind": {"type": "single_choice", "options": [
                {"id": "x", "label": {"fr": "X"}}, {"id": "x", "label": {"fr": " "}, "exclusive": true}]},
             "label": {"fr": "C ?"}},
            {"id": "t", "kind": {"type": "short_text", "max_length": 0}, "label": {"fr": "T ?"}}
        ]))
        .unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("impossible_bounds", "$.q[0].kind"),
                ("duplicate_option_id", "$.q[1].kind.options[1].id"),
                ("exclusive_not_multiple", "$.q[1].kind.options[1].exclusive"),
                ("missing_translation", "$.q[1].kind.options[1].label"),
                ("impossible_bounds", "$.q[2].kind.max_length"),
            ]
        );
    }

    #[test]
    fn yes_no_answers() {
        let q = question(json!({"type": "yes_no"}));
        assert_eq!(q.parse_input("no", today()), Ok(AnswerValue::Bool(false)));
        assert_eq!(q.parse_input("yes", today()), Ok(AnswerValue::Bool(true)));
        assert_eq!(
            q.parse_input("oui", today()),
            Err(AnswerError::UnknownOption)
        );
        assert_eq!(
            q.check(&AnswerValue::Number(1), today()),
            Err(AnswerError::UnknownOption)
        );
    }

    #[test]
    fn single_choice_answers() {
        let q = question(json!({"type": "single_choice", "options": [
            {"id": "a", "label": {"fr": "A"}}, {"id": "b", "label": {"fr": "B"}}]}));
        assert_eq!(
            q.parse_input("b", today()),
            Ok(AnswerValue::Text("b".into()))
        );
        assert_eq!(q.parse_input("c", today()), Err(AnswerError::UnknownOption));
        assert_eq!(q.parse_input(" ", today()), Err(AnswerError::Required));
    }

    #[test]
    fn multiple_choice_answers() {
        let q = question(json!({"type": "multiple_choice", "options": [
            {"id": "a", "label": {"fr": "A"}}, {"id": "b", "label": {"fr": "B"}},
            {"id": "none", "label": {"fr": "Aucune"}, "exclusive": true}]}));
        let list = |ids: &[&str]| AnswerValue::List(ids.iter().map(|id| id.to_string()).collect());
        assert_eq!(q.parse_input("a\nb", today()), Ok(list(&["a", "b"])));
        assert_eq!(q.check(&list(&["none"]), today()), Ok(()));
        assert_eq!(
            q.check(&list(&["a", "none"]), today()),
            Err(AnswerError::ExclusiveOption)
        );
        assert_eq!(
            AnswerError::ExclusiveOption.message(&q, Locale::Fr),
            "«\u{a0}Aucune\u{a0}» ne va pas avec une autre réponse. Gardez l’un ou l’autre."
        );
        assert_eq!(
            q.check(&list(&["a", "a"]), today()),
            Err(AnswerError::RepeatedOption)
        );
        assert_eq!(
            q.check(&list(&["z"]), today()),
            Err(AnswerError::UnknownOption)
        );
        assert_eq!(q.check(&list(&[]), today()), Err(AnswerError::Required));
        assert_eq!(q.parse_input("", today()), Err(AnswerError::Required));
    }

    #[test]
    fn multiple_choice_sets_a_list_fact_and_exclusive_adds_nothing() {
        let questionnaire = questionnaire_of(json!([
            {"id": "b", "sets": "benefits", "label": {"fr": "Aides ?"},
             "kind": {"type": "multiple_choice", "options": [
                {"id": "rsa", "label": {"fr": "RSA"}}, {"id": "are", "label": {"fr": "ARE"}},
                {"id": "none", "label": {"fr": "Aucune"}, "exclusive": true, "value": null}]}}
        ]))
        .unwrap();
        let q = questionnaire.question("b").unwrap();
        let set = |answer: &[&str]| {
            let mut facts = Facts::new();
            let answer = AnswerValue::List(answer.iter().map(|id| id.to_string()).collect());
            q.set_fact(&answer, &mut facts);
            serde_json::to_string(&facts).unwrap()
        };
        assert_eq!(set(&["are", "rsa"]), r#"{"benefits":["are","rsa"]}"#);
        assert_eq!(set(&["none"]), r#"{"benefits":[]}"#);
    }

    #[test]
    fn number_answers() {
        let q = question(json!({"type": "number", "min": 14, "max": 120,
            "unit": {"fr": "ans"}}));
        assert_eq!(q.parse_input(" 22 ", today()), Ok(AnswerValue::Number(22)));
        assert_eq!(
            q.parse_input("-3", today()),
            Err(AnswerError::OutOfRange { min: 14, max: 120 })
        );
        assert_eq!(
            q.parse_input("99999999999999999999999", today()),
            Err(AnswerError::OutOfRange { min: 14, max: 120 })
        );
        assert_eq!(q.parse_input("-", today()), Err(AnswerError::NotANumber));
        assert_eq!(q.parse_input("2 2", today()), Err(AnswerError::NotANumber));
        assert_eq!(q.parse_input("٢٢", today()), Err(AnswerError::NotANumber));
        assert_eq!(
            q.check(&AnswerValue::Text("22".into()), today()),
            Err(AnswerError::NotANumber)
        );
        let message = AnswerError::OutOfRange { min: 14, max: 120 }.message(&q, Locale::Fr);
        assert_eq!(message, "Écrivez un nombre entre 14 et 120 ans.");
    }

    #[test]
    fn date_answers() {
        let q = question(json!({"type": "date"}));
        assert_eq!(
            q.parse_input("2001-03-14", today()),
            Ok(AnswerValue::Text("2001-03-14".into()))
        );
        assert_eq!(
            q.parse_input("14/03/2001", today()),
            Ok(AnswerValue::Text("2001-03-14".into()))
        );
        assert_eq!(
            q.parse_input("2001-02-30", today()),
            Err(AnswerError::NotADate)
        );
        assert_eq!(q.parse_input("demain", today()), Err(AnswerError::NotADate));
        assert_eq!(
            q.parse_input("2026-11-28", today()),
            Err(AnswerError::DateInFuture)
        );
        assert_eq!(
            q.parse_input("2026-11-27", today()),
            Ok(AnswerValue::Text("2026-11-27".into()))
        );
        assert_eq!(
            AnswerError::DateInFuture.message(&q, Locale::En),
            "This date is after today. Please check it."
        );
    }

    #[test]
    fn postal_code_answers() {
        let q = question(json!({"type": "postal_code"}));
        assert_eq!(
            q.parse_input(" 93 200 ", today()),
            Ok(AnswerValue::Text("93200".into()))
        );
        assert_eq!(
            q.parse_input("9320", today()),
            Err(AnswerError::NotAPostalCode)
        );
        assert_eq!(
            q.parse_input("9320A", today()),
            Err(AnswerError::NotAPostalCode)
        );
        assert_eq!(
            q.check(&AnswerValue::Number(93200), today()),
            Err(AnswerError::NotAPostalCode)
        );
    }

    #[test]
    fn short_text_answers() {
        let q = question(json!({"type": "short_text", "max_length": 5}));
        assert_eq!(
            q.parse_input("Léa", today()),
            Ok(AnswerValue::Text("Léa".into()))
        );
        assert_eq!(
            q.parse_input("éééééé", today()),
            Err(AnswerError::TooLong { max: 5 })
        );
        assert_eq!(
            AnswerError::TooLong { max: 5 }.message(&q, Locale::Fr),
            "Écrivez 5 caractères au plus."
        );
        let q = question(json!({"type": "short_text"}));
        assert_eq!(
            q.kind,
            QuestionKind::ShortText {
                max_length: DEFAULT_MAX_LENGTH
            }
        );
    }

    #[test]
    fn answer_values_are_plain_json() {
        let values = vec![
            AnswerValue::Bool(true),
            AnswerValue::Number(22),
            AnswerValue::Text("jobseeker".into()),
            AnswerValue::List(vec!["rsa".into(), "are".into()]),
        ];
        let json = serde_json::to_string(&values).unwrap();
        assert_eq!(json, r#"[true,22,"jobseeker",["rsa","are"]]"#);
        assert_eq!(
            serde_json::from_str::<Vec<AnswerValue>>(&json).unwrap(),
            values
        );
        assert_eq!(
            crate::base::json::read_text::<Vec<AnswerValue>>(&json).unwrap(),
            values
        );
        for wrong in [
            "1.5",
            "{}",
            "null",
            "[1]",
            "[[\"a\"]]",
            "18446744073709551615",
        ] {
            assert!(
                crate::base::json::read_text::<AnswerValue>(wrong).is_err(),
                "{wrong} is not an answer"
            );
        }
    }
}
