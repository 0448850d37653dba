//! The diagnosis session: answers in, next question out.
//!
//! A [`DiagnosisSession`] is a plain value that records the answers given
//! so far. It does not own the questionnaire: each step takes the
//! [`Questionnaire`] it runs on, so a session stays small and the same
//! questionnaire serves many sessions. [`DiagnosisSession::snapshot`]
//! saves it as versioned JSON, [`DiagnosisSession::resume`] reads it back.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::base::date::Date;
use crate::orientation::national::{national_orientation, NationalRules};
use crate::orientation::{orient, Request};
use crate::questionnaire::diagnosis::{Diagnosis, FoundNeed, RaisedAlert, RaisedBy, UrgentAlert};
use crate::questionnaire::messages::QuestionnaireMessage;
use crate::text::Locale;
use crate::vocabulary::facts::{FactSet, Facts};
use crate::vocabulary::needs::{Need, Priority};

use crate::questionnaire::{
    AnswerError, AnswerValue, ChoiceOption, LocalizedText, Question, QuestionKind, Questionnaire,
};
use crate::rules::Outcome;

/// The snapshot format version this build writes and reads.
pub const SNAPSHOT_VERSION: u32 = 1;

/// Where a person is in the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Questions answered (or skipped) so far.
    pub answered: usize,
    /// Questions in all, as far as can be told now: those answered, and
    /// those still to come whose conditions are already met. A follow-up
    /// question adds one when an answer opens it.
    pub total: usize,
    /// Questions in all at most: also those still to come whose
    /// conditions depend on answers not given yet.
    pub at_most: usize,
    /// About how many questions are left, the current one included: what
    /// a person is shown. Answering the current question never makes it
    /// grow (see [`DiagnosisSession::step`]); going back may. 0 at the end.
    #[serde(default)]
    pub left: usize,
    /// Whether the current question is the last one for sure.
    #[serde(default)]
    pub last: bool,
    /// The number of the current question's section (1 for the first);
    /// `None` at the end.
    #[serde(default)]
    pub section: Option<usize>,
    /// How many sections the questionnaire has.
    #[serde(default)]
    pub sections: usize,
}

/// Questions still to come: those whose conditions are met, and those
/// that may be asked.
#[derive(Debug, Default)]
struct Remaining {
    likely: usize,
    at_most: usize,
    /// The most questions still to come that one answer can make certain
    /// (a follow-up opened, the ranking of needs made sure), at least 1.
    openings: usize,
}

impl Remaining {
    /// About how many questions are left: those certain, and each of
    /// those that may come weighted by `1 - 1/openings`, rounded to the
    /// nearest. One answer takes away the question answered (−1) and
    /// makes at most `openings` others certain (+`1/openings` each), so
    /// the estimate never grows from one question to the next; and
    /// `openings` only shrinks as the questions still to come do.
    fn estimate(&self) -> usize {
        let m = self.openings.max(1);
        let maybe = self.at_most.saturating_sub(self.likely);
        // round(likely + maybe × (m − 1) / m), halves up, in integers.
        (2 * self.likely * m + 2 * maybe * (m - 1) + m) / (2 * m)
    }
}

/// The question to ask now and how far the person is: what a form shows
/// after each answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'q> {
    /// The question to ask; `None` at the end.
    pub question: Option<&'q Question>,
    /// How far the person is.
    pub progress: Progress,
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

    /// Message for the person, about the current question.
    pub fn message(&self, question: Option<&Question>, locale: Locale) -> String {
        match (self, question) {
            (SessionError::Answer(error), Some(question)) => error.message(question, locale),
            (SessionError::Answer(_), None) | (SessionError::NotCurrentQuestion { .. }, _) => {
                QuestionnaireMessage::NotCurrentQuestion.text(locale)
            }
            (SessionError::Complete, _) => QuestionnaireMessage::SessionComplete.text(locale),
            (SessionError::NotSkippable, _) => QuestionnaireMessage::NotSkippable.text(locale),
        }
    }
}

impl From<AnswerError> for SessionError {
    fn from(error: AnswerError) -> Self {
        SessionError::Answer(error)
    }
}

/// Why a snapshot could not be resumed. Nothing of it is used then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not a snapshot: not JSON, or fields missing or of the wrong type.
    Corrupted {
        /// What is wrong, for the developer.
        detail: String,
    },
    /// Written by a newer version of Passerelle.
    FutureVersion {
        /// The version found.
        version: u64,
    },
    /// A snapshot of another questionnaire.
    OtherQuestionnaire {
        /// The questionnaire it was made on.
        questionnaire_id: String,
    },
    /// Its answers do not replay on the questionnaire: an answer refused,
    /// or given to a question that would not be asked then.
    Inconsistent {
        /// The question where the replay stopped.
        question_id: String,
        /// The stable code of the step that was refused.
        code: &'static str,
    },
    /// Over a limit of [`crate::base::limits`]: too large, too deep, a list or
    /// a text too long. Its code is the problem's.
    Limit {
        /// The limit crossed, with its code and path.
        problem: crate::base::problem::Problem,
    },
}

impl SnapshotError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            SnapshotError::Corrupted { .. } => "snapshot_corrupted",
            SnapshotError::FutureVersion { .. } => "snapshot_future_version",
            SnapshotError::OtherQuestionnaire { .. } => "snapshot_other_questionnaire",
            SnapshotError::Inconsistent { .. } => "snapshot_inconsistent",
            SnapshotError::Limit { problem } => problem.code,
        }
    }

    /// Message for the person whose answers could not be resumed.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            SnapshotError::FutureVersion { .. } => {
                QuestionnaireMessage::SnapshotTooNew.text(locale)
            }
            _ => QuestionnaireMessage::SnapshotUnreadable.text(locale),
        }
    }
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::Corrupted { detail } => {
                write!(f, "snapshot_corrupted: not a session snapshot: {detail}")
            }
            SnapshotError::FutureVersion { version } => write!(
                f,
                "snapshot_future_version: snapshot version {version} is newer than this build reads ({SNAPSHOT_VERSION})"
            ),
            SnapshotError::OtherQuestionnaire { questionnaire_id } => write!(
                f,
                "snapshot_other_questionnaire: the snapshot is of questionnaire \"{questionnaire_id}\""
            ),
            SnapshotError::Inconsistent { question_id, code } => write!(
                f,
                "snapshot_inconsistent: the answers do not replay at question \"{question_id}\" ({code})"
            ),
            SnapshotError::Limit { problem } => write!(f, "{}: {problem}", problem.code),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// The JSON of a snapshot.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Snapshot {
    snapshot_version: u32,
    questionnaire_id: String,
    reference_date: Date,
    asked: Vec<String>,
    answers: BTreeMap<String, AnswerValue>,
}

/// The answers given so far in one diagnosis, and the way back.
///
/// ```
/// use passerelle_core::{AnswerValue, DiagnosisSession, Questionnaire};
/// use passerelle_core::date::Date;
///
/// let questionnaire = Questionnaire::default_fr_en();
/// let today = Date::parse("2026-11-27").unwrap();
/// let mut session = DiagnosisSession::new(&questionnaire, today);
/// let first = session.current(&questionnaire).unwrap().id.clone();
/// let option = questionnaire.question(&first).unwrap().options()[0].id.clone();
/// session.answer(&questionnaire, &first, AnswerValue::Text(option.clone())).unwrap();
/// assert_ne!(session.current(&questionnaire).unwrap().id, first);
///
/// session.back();
/// assert_eq!(session.current(&questionnaire).unwrap().id, first);
/// // The earlier answer is kept, to show it again.
/// assert_eq!(session.previous_answer(&first), Some(&AnswerValue::Text(option)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosisSession {
    questionnaire_id: String,
    reference_date: Date,
    /// Ids of the questions answered or skipped, in the order asked.
    asked: Vec<String>,
    /// Every answer given, including those of questions gone back over.
    answers: BTreeMap<String, AnswerValue>,
}

/// What the answers so far say, worked out once for a step.
struct Known<'q> {
    questionnaire: &'q Questionnaire,
    /// Facts set by the answers, derived ones included.
    facts: Facts,
    /// For each question position: its answer, if asked and answered.
    answers: Vec<Option<&'q AnswerValue>>,
    /// For each question position: whether it was asked (answered or skipped).
    asked: Vec<bool>,
    /// The position after the last question asked: the next one comes after.
    next: usize,
}

impl<'q> Known<'q> {
    /// Whether the answer to `question` is one of `values`; `None` when
    /// it has no answer.
    fn answer_is_one_of(&self, question: &str, values: &[String]) -> Option<bool> {
        let position = self.questionnaire.position(question)?;
        let answer = self.answers.get(position).copied().flatten()?;
        Some(Question::answer_is_one_of(answer, values))
    }

    fn outcome(&self, condition: &crate::rules::Condition) -> Outcome {
        condition.evaluate_with(&self.facts, &|question, values| {
            self.answer_is_one_of(question, values)
        })
    }

    fn asked_when(&self, question: &Question) -> Outcome {
        question.asked_when(&self.facts, &|id, values| self.answer_is_one_of(id, values))
    }

    /// The questions asked so far, with their positions.
    fn asked(&self) -> impl Iterator<Item = (usize, &'q Question)> + '_ {
        (0..self.next)
            .filter(|&position| self.asked[position])
            .filter_map(|position| Some((position, self.questionnaire.question_at(position)?)))
    }

    /// The needs raised so far, by theme in the order first raised, each
    /// with its highest priority.
    fn needs_raised(&self) -> Vec<(&'q str, Priority)> {
        let mut needs: Vec<(&str, Priority)> = Vec::new();
        for (_, question) in self.asked() {
            for (signal, condition) in question.need_signals() {
                if self.outcome(condition) != Outcome::Met {
                    continue;
                }
                match needs.iter_mut().find(|(theme, _)| *theme == signal.theme) {
                    Some((_, priority)) => *priority = (*priority).min(signal.priority),
                    None => needs.push((&signal.theme, signal.priority)),
                }
            }
        }
        needs
    }

    /// The urgent alerts raised so far.
    fn alerts_raised(&self) -> Vec<UrgentAlert> {
        let mut alerts = Vec::new();
        for (_, question) in self.asked() {
            for (signal, condition) in question.urgent_signals() {
                if self.outcome(condition) == Outcome::Met && !alerts.contains(&signal.alert) {
                    alerts.push(signal.alert);
                }
            }
        }
        alerts
    }

    /// Whether an answer to `question` may still raise a need (or raise
    /// one to a higher priority) or an urgent alert not raised yet.
    fn may_add(
        &self,
        question: &Question,
        needs: &[(&str, Priority)],
        alerts: &[UrgentAlert],
    ) -> bool {
        question.need_signals().any(|(signal, condition)| {
            let raised = needs
                .iter()
                .any(|(theme, priority)| *theme == signal.theme && *priority <= signal.priority);
            !raised && self.outcome(condition) != Outcome::NotMet
        }) || question.urgent_signals().any(|(signal, condition)| {
            !alerts.contains(&signal.alert) && self.outcome(condition) != Outcome::NotMet
        })
    }
}

/// Which questions that only set a fact are still worth asking.
enum Worth {
    /// Every question: there is no catalogue to adapt to.
    All,
    /// The facts that can still change something, and the number of needs
    /// found or still possible.
    Facts {
        useful: FactSet,
        possible_needs: usize,
    },
}

impl DiagnosisSession {
    /// A new, empty session on `questionnaire`. `reference_date` is
    /// today: ages are worked out at it and a date answer may not be after it.
    pub fn new(questionnaire: &Questionnaire, reference_date: Date) -> DiagnosisSession {
        DiagnosisSession {
            questionnaire_id: questionnaire.id.clone(),
            reference_date,
            asked: Vec::new(),
            answers: BTreeMap::new(),
        }
    }

    /// The day the session treats as today.
    pub fn reference_date(&self) -> Date {
        self.reference_date
    }

    /// What the answers so far say.
    fn known<'q>(&'q self, questionnaire: &'q Questionnaire) -> Known<'q> {
        let count = questionnaire.len();
        let mut known = Known {
            questionnaire,
            facts: Facts::new(),
            answers: vec![None; count],
            asked: vec![false; count],
            next: 0,
        };
        for id in &self.asked {
            if let Some(position) = questionnaire.position(id) {
                known.asked[position] = true;
                known.next = known.next.max(position + 1);
            }
        }
        for (id, answer) in &self.answers {
            let Some(position) = questionnaire.position(id) else {
                continue;
            };
            if known.asked[position] {
                known.answers[position] = Some(answer);
            }
        }
        // The facts in the questionnaire's order, not the ids': a later
        // question sets a fact an earlier one left unknown ("Chez moi"
        // tonight, then "Je vis chez mes parents" for the housing).
        for (position, answer) in known.answers.iter().enumerate() {
            if let (Some(answer), Some(question)) = (answer, questionnaire.question_at(position)) {
                question.set_fact(answer, &mut known.facts);
            }
        }
        if let Ok(resolved) =
            (known.facts).resolve_in(self.reference_date, questionnaire.communes())
        {
            known.facts = resolved;
        }
        known
    }

    /// Whether a commune question is asked: when the postal code answered
    /// serves several communes (one alone is set without a question);
    /// unknown while a question to come may give the postal code. When
    /// the commune table cannot tell, it is asked only if it has an
    /// answer already (kept, or being taken back), so that the commune
    /// chosen is not lost; otherwise it is left out, and without any table
    /// it is not counted in the progress either.
    fn commune_asked(&self, known: &Known, position: usize, question: &Question) -> Outcome {
        use crate::vocabulary::communes::PostalCommunes;
        use crate::vocabulary::facts::{Fact, Value};
        let communes = known.questionnaire.communes();
        let Some(Value::Text(postal_code)) = known.facts.get(Fact::PostalCode) else {
            if communes.is_empty() && !self.answers.contains_key(&question.id) {
                // No table: it will not be asked (nor counted).
                return Outcome::NotMet;
            }
            let to_come = (known.next..position)
                .filter_map(|at| known.questionnaire.question_at(at))
                .any(|earlier| earlier.fact() == Some(Fact::PostalCode));
            return if to_come {
                Outcome::unknown(Fact::PostalCode)
            } else {
                Outcome::NotMet
            };
        };
        match communes.of_postal_code(postal_code) {
            PostalCommunes::Several(_) => Outcome::Met,
            PostalCommunes::NotLoaded => Outcome::of(self.answers.contains_key(&question.id)),
            PostalCommunes::One(_) | PostalCommunes::Unknown => Outcome::NotMet,
        }
    }

    /// The options of a choice question: its own, or for a commune
    /// question the communes the postal code answered serves, by name
    /// (with the department when two have the same name); when the
    /// commune table cannot tell, the commune chosen before, if any.
    ///
    /// ```
    /// use passerelle_core::communes::Communes;
    /// use passerelle_core::date::Date;
    /// use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire};
    ///
    /// let corsica = "# passerelle-communes 1 2B\n2B033\tBastia\t20200 20600\n\
    ///                2B305\tSan-Martino-di-Lota\t20200\n";
    /// let questionnaire = Questionnaire::default_fr_en()
    ///     .with_communes(Communes::new().with_part(corsica).unwrap());
    /// let mut session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
    /// # use passerelle_core::QuestionKind;
    /// # while let Some(question) = session.current(&questionnaire).filter(|q| q.id != "postal_code") {
    /// #     let id = question.id.clone();
    /// #     let answer = match &question.kind {
    /// #         QuestionKind::YesNo => AnswerValue::Bool(id == "food_today"),
    /// #         QuestionKind::Number { min, .. } => AnswerValue::Number(*min),
    /// #         _ => AnswerValue::Text(question.options()[0].id.clone()),
    /// #     };
    /// #     session.answer(&questionnaire, &id, answer).unwrap();
    /// # }
    /// session.answer(&questionnaire, "postal_code", AnswerValue::Text("20200".into())).unwrap();
    /// let question = session.current(&questionnaire).unwrap();
    /// assert_eq!(question.id, "commune");
    /// let options = session.options(&questionnaire, question);
    /// let names: Vec<_> = options.iter().map(|option| option.label.get(Locale::Fr)).collect();
    /// assert_eq!(names, ["Bastia", "San-Martino-di-Lota"]);
    /// assert!(session.answer(&questionnaire, "commune", AnswerValue::Text("2A004".into())).is_err());
    /// session.answer(&questionnaire, "commune", AnswerValue::Text("2B033".into())).unwrap();
    /// ```
    pub fn options<'q>(
        &self,
        questionnaire: &'q Questionnaire,
        question: &'q Question,
    ) -> Cow<'q, [ChoiceOption]> {
        use crate::vocabulary::communes::PostalCommunes;
        use crate::vocabulary::facts::{Fact, Value};
        if !matches!(question.kind, QuestionKind::Commune) {
            return Cow::Borrowed(question.options());
        }
        let known = self.known(questionnaire);
        let communes = questionnaire.communes();
        let listed = match known.facts.get(Fact::PostalCode) {
            Some(Value::Text(postal_code)) => communes.of_postal_code(postal_code),
            _ => PostalCommunes::Unknown,
        };
        let option = |code: &str, label: LocalizedText| ChoiceOption {
            id: code.to_owned(),
            label,
            value: None,
            exclusive: false,
        };
        match listed {
            PostalCommunes::Several(list) => {
                let homonym = |name: &str| list.iter().filter(|c| c.name == name).count() > 1;
                let options = list.iter().map(|commune| {
                    let department = crate::vocabulary::geo::department_of_commune(commune.code)
                        .and_then(|code| {
                            crate::vocabulary::geo::DEPARTMENTS
                                .iter()
                                .find(|(c, _, _)| *c == code)
                        })
                        .map(|(_, name, _)| *name);
                    let label = match department {
                        Some(department) if homonym(commune.name) => {
                            format!("{} ({department})", commune.name)
                        }
                        _ => commune.name.to_owned(),
                    };
                    option(commune.code, LocalizedText::same_in_every_language(&label))
                });
                Cow::Owned(options.collect())
            }
            PostalCommunes::NotLoaded => match self.answers.get(&question.id) {
                Some(AnswerValue::Text(code)) => {
                    let label = match communes.name(code) {
                        Some(name) => LocalizedText::same_in_every_language(name),
                        None => crate::text::localized(|_| {
                            QuestionnaireMessage::CommuneChosenBefore.parts()
                        }),
                    };
                    Cow::Owned(vec![option(code, label)])
                }
                _ => Cow::Owned(Vec::new()),
            },
            PostalCommunes::One(_) | PostalCommunes::Unknown => Cow::Owned(Vec::new()),
        }
    }

    /// A commune answer must be one of the communes offered.
    fn check_commune(
        &self,
        questionnaire: &Questionnaire,
        question: &Question,
        value: &AnswerValue,
    ) -> Result<(), AnswerError> {
        if let (QuestionKind::Commune, AnswerValue::Text(code)) = (&question.kind, value) {
            let options = self.options(questionnaire, question);
            if !options.iter().any(|option| option.id == *code) {
                return Err(AnswerError::UnknownOption);
            }
        }
        Ok(())
    }

    /// Which fact-only questions are worth asking: with a catalogue, those
    /// whose fact is missing to settle an entry that addresses a need
    /// found (`needs`), or one that questions still to come may raise.
    fn worth(&self, known: &Known, needs: &[(&str, Priority)]) -> Worth {
        let Some(catalogue) = known.questionnaire.catalogue() else {
            return Worth::All;
        };
        let mut themes: Vec<&str> = needs.iter().map(|(theme, _)| *theme).collect();
        for position in known.next..known.questionnaire.len() {
            let Some(question) = known.questionnaire.question_at(position) else {
                continue;
            };
            if known.asked_when(question) == Outcome::NotMet {
                continue;
            }
            for (signal, condition) in question.need_signals() {
                if known.outcome(condition) != Outcome::NotMet
                    && !themes.contains(&signal.theme.as_str())
                {
                    themes.push(&signal.theme);
                }
            }
        }
        let needs: Vec<Need> = themes
            .iter()
            .map(|theme| Need::new(theme, Priority::Normal))
            .collect();
        let request = Request {
            facts: &known.facts,
            needs: &needs,
            reference_date: self.reference_date,
            locale: Locale::Fr,
            explain: false,
        };
        let Ok(orientation) = orient(catalogue, &request) else {
            return Worth::All;
        };
        // What could settle a status, or whether the person has an entry
        // already, or whether it is the key step of their situation.
        let mut useful = FactSet::EMPTY;
        for need in &orientation.needs {
            for proposal in &need.proposals {
                if let Some(evaluation) = orientation.evaluations.get(proposal.evaluation) {
                    useful = useful.union(evaluation.unsettled);
                }
            }
        }
        // And what could settle the national orientation, or the IAE
        // pre-check while the count a structure needs is not settled.
        if let Some(rules) = NationalRules::shipped() {
            useful = useful.union(national_orientation(rules, &known.facts).still_open());
        }
        Worth::Facts {
            useful,
            possible_needs: themes.len(),
        }
    }

    /// Looks ahead from the last question asked: the next question to ask
    /// and how many will come as far as can be told now. With `count_all`
    /// false, stops at the next question (the counts are then not given).
    fn look_ahead<'q>(
        &'q self,
        questionnaire: &'q Questionnaire,
        count_all: bool,
    ) -> (Option<usize>, Remaining) {
        let known = self.known(questionnaire);
        let needs = known.needs_raised();
        let worth = self.worth(&known, &needs);
        let alerts = known.alerts_raised();
        // Facts read by the conditions of the questions still to come.
        let count = questionnaire.len();
        let mut read_later = vec![FactSet::EMPTY; count + 1];
        if matches!(worth, Worth::Facts { .. }) {
            for position in (known.next..count).rev() {
                let read = questionnaire
                    .question_at(position)
                    .map_or(FactSet::EMPTY, Question::facts_read);
                read_later[position] = read_later[position + 1].union(read);
            }
        }
        let mut current = None;
        let mut remaining = Remaining::default();
        // Questions still to come whose condition is not settled yet:
        // how many read each fact, and each question's answer.
        let mut pending_facts = [0usize; crate::vocabulary::facts::Fact::ALL.len()];
        let mut pending_answers = vec![0usize; if count_all { count } else { 0 }];
        let mut ranking_pending = false;
        for position in known.next..count {
            let Some(question) = questionnaire.question_at(position) else {
                continue;
            };
            let mut when = known.asked_when(question);
            if matches!(question.kind, QuestionKind::Commune) {
                when = when.both(self.commune_asked(&known, position, question));
            }
            if when == Outcome::NotMet {
                continue;
            }
            let ranking = matches!(question.kind, QuestionKind::NeedRanking);
            let worth_asking = if ranking {
                // Asked with two needs found; may be while two may be.
                let possible = match worth {
                    Worth::Facts { possible_needs, .. } => possible_needs,
                    Worth::All => usize::MAX,
                };
                needs.len() >= 2 || (current.is_some() && possible >= 2)
            } else {
                let has_signals = !question.needs.is_empty() || !question.urgent.is_empty();
                let fact_useful = match (&worth, question.fact()) {
                    (_, None) => false,
                    // Without a catalogue, every fact not known yet: one
                    // derived from earlier answers (raising children alone,
                    // from living as a couple) is not asked again.
                    (Worth::All, Some(fact)) => known.facts.get(fact).is_none(),
                    (Worth::Facts { useful, .. }, Some(fact)) => {
                        fact.and_derived().iter().any(|fact| {
                            useful.contains(fact) || read_later[position + 1].contains(fact)
                        })
                    }
                };
                // The commune: for the local catalogues that the questions
                // cannot see (they come with the orientation), and to name
                // where the person lives.
                let commune = matches!(question.kind, QuestionKind::Commune);
                (!has_signals && question.fact().is_none())
                    || commune
                    || fact_useful
                    || known.may_add(question, &needs, &alerts)
            };
            if !worth_asking {
                continue;
            }
            if when == Outcome::Met && current.is_none() {
                current = Some(position);
                if !count_all {
                    return (current, remaining);
                }
            }
            let certain = when == Outcome::Met && (!ranking || needs.len() >= 2);
            remaining.likely += usize::from(certain);
            remaining.at_most += 1;
            if certain {
                continue;
            }
            ranking_pending |= ranking;
            if matches!(question.kind, QuestionKind::Commune) {
                // Made certain, or ruled out, by the postal code.
                pending_facts[crate::vocabulary::facts::Fact::PostalCode as usize] += 1;
            }
            if let (false, Some(condition)) = (ranking, question.ask_when_condition()) {
                for fact in condition.facts().iter() {
                    pending_facts[fact as usize] += 1;
                }
                let mut read = Vec::new();
                condition.answers_read(&mut read);
                for (id, _) in read {
                    if let Some(slot) = questionnaire
                        .position(id)
                        .and_then(|at| pending_answers.get_mut(at))
                    {
                        *slot += 1;
                    }
                }
            }
        }
        if count_all {
            // What one answer can open: the questions still to come whose
            // condition reads its fact (or a fact derived from it) or its
            // answer; and the ranking of needs, for an answer that may
            // raise a need.
            remaining.openings = (known.next..count)
                .filter_map(|position| Some((position, questionnaire.question_at(position)?)))
                .map(|(position, question)| {
                    let by_fact: usize = question.fact().map_or(0, |fact| {
                        fact.and_derived()
                            .iter()
                            .map(|fact| pending_facts[fact as usize])
                            .sum()
                    });
                    let by_answer = pending_answers.get(position).copied().unwrap_or(0);
                    let ranking = usize::from(ranking_pending && !question.needs.is_empty());
                    by_fact + by_answer + ranking
                })
                .max()
                .unwrap_or(0)
                .max(1);
        }
        (current, remaining)
    }

    /// The question being asked: the first after the last one asked whose
    /// `ask_when` is met and that can still change something; `None` at the end.
    pub fn current<'q>(&self, questionnaire: &'q Questionnaire) -> Option<&'q Question> {
        let (current, _) = self.look_ahead(questionnaire, false);
        current.and_then(|position| questionnaire.question_at(position))
    }

    /// The question to ask now and how far the person is, worked out
    /// together (what a form needs after each answer).
    pub fn step<'q>(&self, questionnaire: &'q Questionnaire) -> Step<'q> {
        let (current, remaining) = self.look_ahead(questionnaire, true);
        let answered = self.asked.len();
        let section = current.and_then(|position| {
            let mut first = 0;
            questionnaire.sections.iter().position(|section| {
                first += section.questions.len();
                position < first
            })
        });
        Step {
            question: current.and_then(|position| questionnaire.question_at(position)),
            progress: Progress {
                answered,
                total: answered + remaining.likely,
                at_most: answered + remaining.at_most,
                left: remaining.estimate(),
                last: current.is_some() && remaining.at_most == 1,
                section: section.map(|index| index + 1),
                sections: questionnaire.sections.len(),
            },
        }
    }

    /// How far the person is.
    pub fn progress(&self, questionnaire: &Questionnaire) -> Progress {
        self.step(questionnaire).progress
    }

    /// The facts set by the answers so far (a skipped question sets
    /// none), derived facts included.
    pub fn facts(&self, questionnaire: &Questionnaire) -> Facts {
        self.known(questionnaire).facts
    }

    /// Whether every question has an answer.
    pub fn is_complete(&self, questionnaire: &Questionnaire) -> bool {
        self.current(questionnaire).is_none()
    }

    /// The needs found so far, for a need ranking question to show.
    pub fn needs_found(&self, questionnaire: &Questionnaire) -> Vec<String> {
        self.known(questionnaire)
            .needs_raised()
            .into_iter()
            .map(|(theme, _)| theme.to_owned())
            .collect()
    }

    /// The urgent alerts the answers so far raise, in the order of
    /// [`UrgentAlert::ALL`]: what a form shows, with their contacts,
    /// above the very next question, and keeps in reach after.
    ///
    /// ```
    /// use passerelle_core::{DiagnosisSession, Questionnaire, UrgentAlert};
    /// use passerelle_core::date::Date;
    ///
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let mut session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
    /// assert!(session.alerts_raised(&questionnaire).is_empty());
    /// session.answer_input(&questionnaire, "sleep_tonight", "street").unwrap();
    /// assert_eq!(session.alerts_raised(&questionnaire), [UrgentAlert::Shelter]);
    /// ```
    pub fn alerts_raised(&self, questionnaire: &Questionnaire) -> Vec<UrgentAlert> {
        let raised = self.known(questionnaire).alerts_raised();
        UrgentAlert::ALL
            .into_iter()
            .filter(|alert| raised.contains(alert))
            .collect()
    }

    /// Whether to offer a way to leave the page at once ("Quitter
    /// rapidement"): from the question that may raise an alert calling
    /// for it (violence, a child in danger: someone close may be
    /// watching), and on every step once such an alert is raised.
    pub fn offers_quick_exit(&self, questionnaire: &Questionnaire) -> bool {
        let known = self.known(questionnaire);
        if known
            .alerts_raised()
            .into_iter()
            .any(UrgentAlert::calls_for_quick_exit)
        {
            return true;
        }
        self.current(questionnaire).is_some_and(|question| {
            question
                .urgent_signals()
                .any(|(signal, _)| signal.alert.calls_for_quick_exit())
        })
    }

    /// Skips the current question ("I'd rather not say"), if it allows it:
    /// its fact stays unknown, never false.
    pub fn skip(
        &mut self,
        questionnaire: &Questionnaire,
        question_id: &str,
    ) -> Result<(), SessionError> {
        let question = self.current_matching(questionnaire, question_id)?;
        self.skip_current(question)
    }

    /// Skips `question`, the current one.
    fn skip_current(&mut self, question: &Question) -> Result<(), SessionError> {
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
        self.answer_current(questionnaire, question, value)
    }

    /// Answers `question`, the current one: what [`Self::answer`] does
    /// once it has found it.
    fn answer_current(
        &mut self,
        questionnaire: &Questionnaire,
        question: &Question,
        value: AnswerValue,
    ) -> Result<(), SessionError> {
        question.check(&value, self.reference_date)?;
        self.check_ranking(questionnaire, question, &value)?;
        self.check_commune(questionnaire, question, &value)?;
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
        let value = question.parse_input(input, self.reference_date)?;
        self.check_ranking(questionnaire, question, &value)?;
        self.check_commune(questionnaire, question, &value)?;
        self.record(question, value);
        Ok(())
    }

    /// A need ranking may only list needs found.
    fn check_ranking(
        &self,
        questionnaire: &Questionnaire,
        question: &Question,
        value: &AnswerValue,
    ) -> Result<(), AnswerError> {
        if let (QuestionKind::NeedRanking, AnswerValue::List(themes)) = (&question.kind, value) {
            let found = self.needs_found(questionnaire);
            if themes.iter().any(|theme| !found.contains(theme)) {
                return Err(AnswerError::NotANeedFound);
            }
        }
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
        let mut answers = BTreeMap::new();
        for id in &self.asked {
            if let Some(answer) = self.answers.get(id) {
                answers.insert(id.as_str(), answer);
            }
        }
        answers
    }

    /// Ids of the questions asked (answered or skipped), in order.
    pub fn asked(&self) -> &[String] {
        &self.asked
    }

    /// The diagnosis the answers so far give: facts, needs (with the
    /// answers that raised them and the person's own order), and urgent
    /// alerts with their contacts, in `locale`.
    ///
    /// ```
    /// use passerelle_core::{AnswerValue, DiagnosisSession, Questionnaire};
    /// use passerelle_core::date::Date;
    /// use passerelle_core::diagnosis::UrgentAlert;
    ///
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let mut session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
    /// session.answer(&questionnaire, "sleep_tonight", AnswerValue::Text("street".into())).unwrap();
    /// let diagnosis = session.diagnosis(&questionnaire, passerelle_core::Locale::Fr);
    /// assert_eq!(diagnosis.urgent[0].alert, UrgentAlert::Shelter);
    /// assert_eq!(diagnosis.urgent[0].contacts[0].phone, Some("115"));
    /// ```
    pub fn diagnosis(&self, questionnaire: &Questionnaire, locale: Locale) -> Diagnosis {
        let known = self.known(questionnaire);
        let mut needs: Vec<FoundNeed> = Vec::new();
        let mut alerts: Vec<RaisedAlert> = Vec::new();
        let mut ranking: Option<&Vec<String>> = None;
        for (position, question) in known.asked() {
            let raised_by = || RaisedBy {
                question: question.id.clone(),
                answer: known.answers[position].cloned(),
            };
            if let (QuestionKind::NeedRanking, Some(AnswerValue::List(themes))) =
                (&question.kind, known.answers[position])
            {
                ranking = Some(themes);
            }
            for (signal, condition) in question.need_signals() {
                if known.outcome(condition) != Outcome::Met {
                    continue;
                }
                match needs.iter_mut().find(|need| need.theme == signal.theme) {
                    Some(need) => {
                        need.priority = need.priority.min(signal.priority);
                        if need
                            .raised_by
                            .last()
                            .is_none_or(|last| last.question != question.id)
                        {
                            need.raised_by.push(raised_by());
                        }
                    }
                    None => needs.push(FoundNeed {
                        theme: signal.theme.clone(),
                        label: crate::vocabulary::theme_labels::theme_label(&signal.theme, locale)
                            .unwrap_or(&signal.theme)
                            .to_owned(),
                        priority: signal.priority,
                        rank: None,
                        raised_by: vec![raised_by()],
                    }),
                }
            }
            for (signal, condition) in question.urgent_signals() {
                if known.outcome(condition) != Outcome::Met {
                    continue;
                }
                match alerts.iter_mut().find(|alert| alert.alert == signal.alert) {
                    Some(alert) => alert.raised_by.push(raised_by()),
                    None => alerts.push(RaisedAlert {
                        alert: signal.alert,
                        text: signal.alert.text(locale),
                        contacts: signal.alert.contacts(locale),
                        raised_by: vec![raised_by()],
                    }),
                }
            }
        }
        if let Some(themes) = ranking {
            for need in &mut needs {
                need.rank = themes
                    .iter()
                    .position(|theme| *theme == need.theme)
                    .map(|at| at + 1);
            }
        }
        // Stable: needs keep the order first raised within equal keys.
        crate::base::sort::sort_by_key(&mut needs, |need| {
            (
                need.priority != Priority::Urgent,
                need.rank.unwrap_or(usize::MAX),
                need.priority,
            )
        });
        crate::base::sort::sort_by_key(&mut alerts, |alert| {
            UrgentAlert::ALL.iter().position(|a| *a == alert.alert)
        });
        Diagnosis {
            questionnaire_id: self.questionnaire_id.clone(),
            reference_date: self.reference_date,
            facts: known.facts,
            urgent: alerts,
            needs,
            ranked_by_person: ranking.is_some(),
        }
    }

    /// The session as versioned JSON, to resume later with
    /// [`resume`](Self::resume): same answers, same current question.
    pub fn snapshot(&self) -> String {
        let snapshot = Snapshot {
            snapshot_version: SNAPSHOT_VERSION,
            questionnaire_id: self.questionnaire_id.clone(),
            reference_date: self.reference_date,
            asked: self.asked.clone(),
            answers: self.answers.clone(),
        };
        // A struct of strings, a date and plain answers always serialises.
        crate::base::json::write(&snapshot)
    }

    /// Resumes a session from a [`snapshot`](Self::snapshot), replaying
    /// its answers on `questionnaire` so that a snapshot that was changed
    /// by hand, cut short or made on another questionnaire is refused.
    ///
    /// ```
    /// use passerelle_core::{DiagnosisSession, Questionnaire};
    /// use passerelle_core::date::Date;
    ///
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
    /// let resumed = DiagnosisSession::resume(&questionnaire, &session.snapshot()).unwrap();
    /// assert_eq!(resumed, session);
    ///
    /// let newer = session.snapshot().replace("\"snapshot_version\":1", "\"snapshot_version\":9");
    /// let error = DiagnosisSession::resume(&questionnaire, &newer).unwrap_err();
    /// assert_eq!(error.code(), "snapshot_future_version");
    /// ```
    pub fn resume(
        questionnaire: &Questionnaire,
        snapshot: &str,
    ) -> Result<DiagnosisSession, SnapshotError> {
        let corrupted = |detail: String| SnapshotError::Corrupted { detail };
        crate::base::limits::check_text(snapshot)
            .map_err(|problem| SnapshotError::Limit { problem })?;
        let json = crate::base::json::parse(snapshot).map_err(|e| corrupted(e.to_string()))?;
        match json.get("snapshot_version").and_then(Json::as_u64) {
            Some(version) if version > u64::from(SNAPSHOT_VERSION) => {
                return Err(SnapshotError::FutureVersion { version })
            }
            Some(version) if version == u64::from(SNAPSHOT_VERSION) => {}
            _ => return Err(corrupted("no valid snapshot_version".into())),
        }
        let snapshot: Snapshot =
            crate::base::json::read(&json).map_err(|e| corrupted(e.to_string()))?;
        if snapshot.questionnaire_id != questionnaire.id {
            return Err(SnapshotError::OtherQuestionnaire {
                questionnaire_id: snapshot.questionnaire_id,
            });
        }
        // Every answer to a question of the questionnaire, and no more
        // questions asked than it has, before any step is replayed: each
        // step reads every answer.
        if let Some(id) = (snapshot.answers.keys()).find(|id| questionnaire.question(id).is_none())
        {
            return Err(SnapshotError::Inconsistent {
                question_id: id.clone(),
                code: "unknown_question",
            });
        }
        if snapshot.asked.len() > questionnaire.len() {
            return Err(SnapshotError::Inconsistent {
                question_id: snapshot.asked[questionnaire.len()].clone(),
                code: "session_complete",
            });
        }
        let mut session = DiagnosisSession::new(questionnaire, snapshot.reference_date);
        // The answers first: a commune question whose communes cannot be
        // told now is still asked when it has its answer.
        session.answers = snapshot.answers.clone();
        for id in &snapshot.asked {
            let step = match snapshot.answers.get(id) {
                Some(answer) => session.answer(questionnaire, id, answer.clone()),
                None => session.skip(questionnaire, id),
            };
            step.map_err(|error| SnapshotError::Inconsistent {
                question_id: id.clone(),
                code: error.code(),
            })?;
        }
        for (id, answer) in &snapshot.answers {
            let Some(question) = questionnaire.question(id) else {
                return Err(SnapshotError::Inconsistent {
                    question_id: id.clone(),
                    code: "unknown_question",
                });
            };
            if let Err(error) = question.check(answer, snapshot.reference_date) {
                return Err(SnapshotError::Inconsistent {
                    question_id: id.clone(),
                    code: error.code(),
                });
            }
        }
        session.answers = snapshot.answers;
        Ok(session)
    }

    /// Replays answers keyed by question id through a new session, asking
    /// the questions in turn: an unanswered question is skipped if it may
    /// be, else the replay stops there. Returns the session and every
    /// problem: an answer refused (the replay stops), a question that
    /// needed an answer, and answers to questions that were not asked or
    /// do not exist. Problem paths are `$.answers.<question id>`.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire};
    /// use passerelle_core::date::Date;
    ///
    /// let questionnaire = Questionnaire::default_fr_en();
    /// let answers = BTreeMap::from([
    ///     ("sleep_tonight".to_owned(), AnswerValue::Text("street".into())),
    ///     ("colour".to_owned(), AnswerValue::Text("blue".into())),
    /// ]);
    /// let (session, problems) = DiagnosisSession::replay(
    ///     &questionnaire, Date::parse("2026-11-27").unwrap(), &answers, Locale::En);
    /// assert_eq!(session.asked()[0], "sleep_tonight");
    /// let codes: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    /// assert_eq!(codes[0], ("answer_missing", "$.answers.food_today"));
    /// assert_eq!(codes[1], ("unknown_question", "$.answers.colour"));
    /// ```
    pub fn replay(
        questionnaire: &Questionnaire,
        reference_date: Date,
        answers: &BTreeMap<String, AnswerValue>,
        locale: Locale,
    ) -> (DiagnosisSession, Vec<crate::base::problem::Problem>) {
        use crate::base::problem::Problem;
        let mut session = DiagnosisSession::new(questionnaire, reference_date);
        let mut problems = Vec::new();
        while let Some(question) = session.current(questionnaire) {
            let path = format!("$.answers.{}", question.id);
            // The question is the current one: answered without looking
            // for it again (each look goes through the questions to come).
            let step = match answers.get(&question.id) {
                Some(answer) => session.answer_current(questionnaire, question, answer.clone()),
                None if question.skippable => session.skip_current(question),
                None => {
                    problems.push(Problem::new(
                        "answer_missing",
                        &path,
                        format!(
                            "This question needs an answer: {}",
                            question.label.get(locale)
                        ),
                    ));
                    break;
                }
            };
            if let Err(error) = step {
                problems.push(Problem::new(
                    error.code(),
                    &path,
                    error.message(Some(question), locale),
                ));
                break;
            }
        }
        let asked: std::collections::BTreeSet<&str> =
            session.asked.iter().map(String::as_str).collect();
        for id in answers.keys() {
            if asked.contains(id.as_str()) {
                continue;
            }
            let path = format!("$.answers.{id}");
            if questionnaire.question(id).is_none() {
                problems.push(Problem::new(
                    "unknown_question",
                    &path,
                    format!("The questionnaire has no question \"{id}\"."),
                ));
            } else if !problems.iter().any(|problem| problem.path == path) {
                problems.push(Problem::new(
                    "question_not_asked",
                    &path,
                    "This question is not asked after the answers before it, so this answer is not used.",
                ));
            }
        }
        (session, problems)
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
    use crate::catalogue::Catalogue;
    use crate::questionnaire::tests::questionnaire_of;
    use crate::vocabulary::facts::{Fact, Value};
    use serde_json::json;
    use std::sync::Arc;

    fn today() -> Date {
        Date::parse("2026-11-27").unwrap()
    }

    /// Answers questions in turn with `inputs` (question id, form input;
    /// `None` skips) and returns the ids asked.
    fn run(
        questionnaire: &Questionnaire,
        inputs: &[(&str, Option<&str>)],
    ) -> (Vec<String>, DiagnosisSession) {
        let mut session = DiagnosisSession::new(questionnaire, today());
        let mut ids = Vec::new();
        let mut inputs = inputs.iter();
        while let Some(question) = session.current(questionnaire) {
            let id = question.id.clone();
            ids.push(id.clone());
            let Some((expected, input)) = inputs.next() else {
                panic!("no answer for {id}; asked {ids:?}");
            };
            assert_eq!(*expected, id, "asked {ids:?}");
            match input {
                Some(input) => session.answer_input(questionnaire, &id, input).unwrap(),
                None => session.skip(questionnaire, &id).unwrap(),
            }
        }
        assert!(inputs.next().is_none(), "not all asked: {ids:?}");
        (ids, session)
    }

    fn three_questions() -> Questionnaire {
        questionnaire_of(json!([
            {"id": "sleep", "kind": {"type": "yes_no"}, "label": {"fr": "Un toit ce soir ?"},
             "urgent": [{"alert": "shelter", "when": {"answer": {"question": "sleep", "values": ["no"]}}}],
             "needs": [{"theme": "logement-hebergement", "priority": "urgent",
                        "when": {"answer": {"question": "sleep", "values": ["no"]}}}]},
            {"id": "status", "sets": "employment_status", "label": {"fr": "Que faites-vous ?"},
             "kind": {"type": "single_choice", "options": [
                {"id": "jobseeker", "label": {"fr": "Je cherche"}},
                {"id": "student", "label": {"fr": "J’étudie"}}]},
             "needs": [{"theme": "trouver-un-emploi",
                        "when": {"in": {"fact": "employment_status", "values": ["jobseeker"]}}}]},
            {"id": "age", "sets": "age", "label": {"fr": "Âge ?"},
             "kind": {"type": "number", "min": 14, "max": 120, "unit": {"fr": "ans", "en": "years old"}}}
        ]))
        .unwrap()
    }

    #[test]
    fn full_journey_with_errors_and_back() {
        let questionnaire = three_questions();
        let mut session = DiagnosisSession::new(&questionnaire, today());
        assert_eq!(counts(session.progress(&questionnaire)), (0, 3, 3));
        assert_eq!(
            session.answer_input(&questionnaire, "age", "22"),
            Err(SessionError::NotCurrentQuestion {
                question_id: "age".into()
            })
        );
        session
            .answer_input(&questionnaire, "sleep", "yes")
            .unwrap();
        let error = session
            .answer_input(&questionnaire, "status", "astronaut")
            .unwrap_err();
        assert_eq!(error.code(), "answer_unknown_option");
        session
            .answer(
                &questionnaire,
                "status",
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
            .answer_input(&questionnaire, "status", "student")
            .unwrap();
        session.answer_input(&questionnaire, "age", "19").unwrap();
        assert!(session.is_complete(&questionnaire));
        assert_eq!(
            session.answer_input(&questionnaire, "age", "19"),
            Err(SessionError::Complete)
        );
        let answers: Vec<_> = session
            .answers()
            .into_iter()
            .map(|(id, value)| (id, serde_json::to_string(value).unwrap()))
            .collect();
        assert_eq!(
            answers,
            [
                ("age", "19".to_string()),
                ("sleep", "true".to_string()),
                ("status", "\"student\"".to_string()),
            ]
        );
    }

    #[test]
    fn back_at_start_does_nothing_and_answers_left_behind_are_not_reported() {
        let questionnaire = three_questions();
        let mut session = DiagnosisSession::new(&questionnaire, today());
        assert!(!session.back());
        session.answer_input(&questionnaire, "sleep", "no").unwrap();
        assert!(session.back());
        assert!(session.answers().is_empty());
        assert_eq!(
            session.previous_answer("sleep"),
            Some(&AnswerValue::Bool(false))
        );
        assert!(session
            .diagnosis(&questionnaire, Locale::Fr)
            .urgent
            .is_empty());
    }

    #[test]
    fn questions_are_asked_only_when_their_condition_is_met() {
        let questionnaire = questionnaire_of(json!([
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
        // Employed: nothing about France Travail is asked.
        let (ids, _) = run(
            &questionnaire,
            &[("status", Some("employed")), ("age", Some("40"))],
        );
        assert_eq!(ids, ["status", "age"]);
        // Looking for work and registered: everything is asked.
        let (_, session) = run(
            &questionnaire,
            &[
                ("status", Some("jobseeker")),
                ("registered", Some("yes")),
                ("months", Some("14")),
                ("age", Some("40")),
            ],
        );
        assert_eq!(
            session.facts(&questionnaire).get(Fact::UnemploymentMonths),
            Some(&Value::Integer(14))
        );
        // "I'd rather not say": the fact stays unknown, so what depends on it is not asked.
        let (ids, session) = run(
            &questionnaire,
            &[
                ("status", Some("jobseeker")),
                ("registered", None),
                ("age", Some("40")),
            ],
        );
        assert_eq!(ids, ["status", "registered", "age"]);
        let facts = session.facts(&questionnaire);
        assert_eq!(facts.get(Fact::RegisteredJobseeker), None);
        assert!(!session.answers().contains_key("registered"));
        // A question that must be answered cannot be skipped.
        let mut session = DiagnosisSession::new(&questionnaire, today());
        assert_eq!(
            session.skip(&questionnaire, "status"),
            Err(SessionError::NotSkippable)
        );
    }

    #[test]
    fn follow_ups_read_earlier_answers() {
        let questionnaire = questionnaire_of(json!([
            {"id": "housing_difficulty", "label": {"fr": "Le logement, c’est difficile ?"},
             "kind": {"type": "single_choice", "options": [
                {"id": "none", "label": {"fr": "Non"}}, {"id": "some", "label": {"fr": "Un peu"}},
                {"id": "a_lot", "label": {"fr": "Beaucoup"}}]},
             "needs": [
                {"theme": "logement-hebergement", "priority": "normal",
                 "when": {"answer": {"question": "housing_difficulty", "values": ["some", "a_lot"]}}},
                {"theme": "logement-hebergement", "priority": "high",
                 "when": {"answer": {"question": "housing_difficulty", "values": ["a_lot"]}}}]},
            {"id": "housing_now", "kind": {"type": "yes_no"}, "label": {"fr": "Est-ce important maintenant ?"},
             "ask_when": {"answer": {"question": "housing_difficulty", "values": ["some", "a_lot"]}},
             "needs": [{"theme": "logement-hebergement", "priority": "high",
                        "when": {"answer": {"question": "housing_now", "values": ["yes"]}}}]}
        ]))
        .unwrap();
        let (ids, _) = run(&questionnaire, &[("housing_difficulty", Some("none"))]);
        assert_eq!(ids, ["housing_difficulty"]);
        let (ids, session) = run(
            &questionnaire,
            &[
                ("housing_difficulty", Some("some")),
                ("housing_now", Some("no")),
            ],
        );
        assert_eq!(ids, ["housing_difficulty", "housing_now"]);
        let diagnosis = session.diagnosis(&questionnaire, Locale::Fr);
        assert_eq!(diagnosis.needs.len(), 1);
        assert_eq!(diagnosis.needs[0].priority, Priority::Normal);
        let (_, session) = run(
            &questionnaire,
            &[
                ("housing_difficulty", Some("some")),
                ("housing_now", Some("yes")),
            ],
        );
        let diagnosis = session.diagnosis(&questionnaire, Locale::Fr);
        // The highest priority wins; both answers are named.
        assert_eq!(diagnosis.needs[0].priority, Priority::High);
        let raised: Vec<_> = diagnosis.needs[0]
            .raised_by
            .iter()
            .map(|by| by.question.as_str())
            .collect();
        assert_eq!(raised, ["housing_difficulty", "housing_now"]);
    }

    /// Questions answered, in all as far as known, in all at most.
    fn counts(progress: Progress) -> (usize, usize, usize) {
        (progress.answered, progress.total, progress.at_most)
    }

    #[test]
    fn progress_counts_only_questions_that_may_still_be_asked() {
        let questionnaire = questionnaire_of(json!([
            {"id": "rqth", "sets": "rqth", "kind": {"type": "yes_no"}, "label": {"fr": "RQTH ?"}},
            {"id": "since", "kind": {"type": "number", "min": 0, "max": 50}, "label": {"fr": "Depuis ?"},
             "ask_when": {"equals": {"fact": "rqth", "value": true}}},
            {"id": "age", "sets": "age", "kind": {"type": "number", "min": 14, "max": 120}, "label": {"fr": "Âge ?"}}
        ]))
        .unwrap();
        let mut session = DiagnosisSession::new(&questionnaire, today());
        // Not known yet: the follow-up may come.
        assert_eq!(counts(session.step(&questionnaire).progress), (0, 2, 3));
        session.answer_input(&questionnaire, "rqth", "no").unwrap();
        let step = session.step(&questionnaire);
        assert_eq!(counts(step.progress), (1, 2, 2));
        assert_eq!(step.question.unwrap().id, "age");
        // Going back and changing the answer brings the follow-up back.
        session.back();
        session.answer_input(&questionnaire, "rqth", "yes").unwrap();
        let step = session.step(&questionnaire);
        assert_eq!(step.question.unwrap().id, "since");
        assert_eq!(counts(step.progress), (1, 3, 3));
    }

    #[test]
    fn a_date_answer_gives_the_age_at_the_reference_date() {
        let questionnaire = questionnaire_of(json!([
            {"id": "born", "sets": "birth_date", "kind": {"type": "date"}, "label": {"fr": "Né le ?"}},
            {"id": "cp", "sets": "postal_code", "kind": {"type": "postal_code"}, "label": {"fr": "Code postal ?"}},
            {"id": "young", "kind": {"type": "yes_no"}, "label": {"fr": "Au lycée ?"},
             "ask_when": {"all": [{"age": {"max": 25}}, {"in_zone": {"departments": ["93"]}}]}}
        ]))
        .unwrap();
        let (ids, session) = run(
            &questionnaire,
            &[
                ("born", Some("02/05/2007")),
                ("cp", Some("93200")),
                ("young", Some("no")),
            ],
        );
        assert_eq!(ids, ["born", "cp", "young"]);
        let facts = session.facts(&questionnaire);
        assert_eq!(facts.get(Fact::Age), Some(&Value::Integer(19)));
        assert_eq!(facts.get(Fact::Department), Some(&Value::Text("93".into())));
        let (ids, _) = run(
            &questionnaire,
            &[("born", Some("1980-01-01")), ("cp", Some("93200"))],
        );
        assert_eq!(ids, ["born", "cp"]);
        let mut session = DiagnosisSession::new(&questionnaire, today());
        let error = session
            .answer_input(&questionnaire, "born", "2030-01-01")
            .unwrap_err();
        assert_eq!(error.code(), "answer_date_in_future");
    }

    fn with_ranking() -> Questionnaire {
        questionnaire_of(json!([
            {"id": "job", "kind": {"type": "yes_no"}, "label": {"fr": "Un travail ?"},
             "needs": [{"theme": "trouver-un-emploi", "when": {"answer": {"question": "job", "values": ["no"]}}}]},
            {"id": "money", "kind": {"type": "yes_no"}, "label": {"fr": "Assez d’argent ?"},
             "needs": [{"theme": "difficultes-financieres", "priority": "high",
                        "when": {"answer": {"question": "money", "values": ["no"]}}}]},
            {"id": "food", "kind": {"type": "yes_no"}, "label": {"fr": "De quoi manger ?"},
             "urgent": [{"alert": "food", "when": {"answer": {"question": "food", "values": ["no"]}}}],
             "needs": [{"theme": "equipement-et-alimentation", "priority": "urgent",
                        "when": {"answer": {"question": "food", "values": ["no"]}}}]},
            {"id": "ranking", "kind": {"type": "need_ranking"}, "label": {"fr": "Le plus important ?"},
             "skippable": true}
        ]))
        .unwrap()
    }

    #[test]
    fn the_ranking_is_asked_only_with_two_needs_and_orders_them() {
        let questionnaire = with_ranking();
        let (ids, _) = run(
            &questionnaire,
            &[
                ("job", Some("no")),
                ("money", Some("yes")),
                ("food", Some("yes")),
            ],
        );
        assert_eq!(ids, ["job", "money", "food"]);

        let mut session = DiagnosisSession::new(&questionnaire, today());
        for (id, input) in [("job", "no"), ("money", "no"), ("food", "no")] {
            session.answer_input(&questionnaire, id, input).unwrap();
        }
        assert_eq!(
            session.needs_found(&questionnaire),
            [
                "trouver-un-emploi",
                "difficultes-financieres",
                "equipement-et-alimentation"
            ]
        );
        let error = session
            .answer_input(&questionnaire, "ranking", "sante\ntrouver-un-emploi")
            .unwrap_err();
        assert_eq!(error.code(), "answer_not_a_need_found");
        session
            .answer_input(
                &questionnaire,
                "ranking",
                "trouver-un-emploi\ndifficultes-financieres",
            )
            .unwrap();
        let diagnosis = session.diagnosis(&questionnaire, Locale::Fr);
        assert!(diagnosis.ranked_by_person);
        let order: Vec<_> = diagnosis
            .needs
            .iter()
            .map(|need| (need.theme.as_str(), need.rank))
            .collect();
        // Urgent first, then the person's order, then the rest.
        assert_eq!(
            order,
            [
                ("equipement-et-alimentation", None),
                ("trouver-un-emploi", Some(1)),
                ("difficultes-financieres", Some(2)),
            ]
        );
        assert_eq!(diagnosis.urgent[0].alert, UrgentAlert::Food);
        assert_eq!(diagnosis.urgent[0].contacts[0].phone, None);
    }

    #[test]
    fn urgent_alerts_come_in_a_fixed_order_with_their_contacts() {
        let questionnaire = questionnaire_of(json!([
            {"id": "ill", "kind": {"type": "yes_no"}, "label": {"fr": "Soins urgents ?"},
             "urgent": [{"alert": "medical_emergency", "when": {"answer": {"question": "ill", "values": ["yes"]}}}]},
            {"id": "sleep", "kind": {"type": "yes_no"}, "label": {"fr": "Un toit ?"},
             "urgent": [{"alert": "shelter", "when": {"answer": {"question": "sleep", "values": ["no"]}}}]}
        ]))
        .unwrap();
        let (_, session) = run(
            &questionnaire,
            &[("ill", Some("yes")), ("sleep", Some("no"))],
        );
        let diagnosis = session.diagnosis(&questionnaire, Locale::En);
        let alerts: Vec<_> = diagnosis
            .urgent
            .iter()
            .map(|alert| {
                let phones: Vec<_> = alert.contacts.iter().filter_map(|c| c.phone).collect();
                (alert.alert, phones)
            })
            .collect();
        assert_eq!(
            alerts,
            [
                (UrgentAlert::Shelter, vec!["115"]),
                (UrgentAlert::MedicalEmergency, vec!["15", "112"]),
            ]
        );
        let json = serde_json::to_value(&diagnosis).unwrap();
        assert_eq!(json["urgent"][0]["alert"], "shelter");
        assert_eq!(json["urgent"][0]["raised_by"][0]["question"], "sleep");
        assert_eq!(json["urgent"][0]["raised_by"][0]["answer"], false);
    }

    #[test]
    fn a_snapshot_resumes_exactly_where_the_session_was() {
        let questionnaire = three_questions();
        let mut session = DiagnosisSession::new(&questionnaire, today());
        session.answer_input(&questionnaire, "sleep", "no").unwrap();
        session
            .answer_input(&questionnaire, "status", "jobseeker")
            .unwrap();
        session.back();
        let snapshot = session.snapshot();
        let resumed = DiagnosisSession::resume(&questionnaire, &snapshot).unwrap();
        assert_eq!(resumed, session);
        assert_eq!(resumed.current(&questionnaire).unwrap().id, "status");
        assert_eq!(
            resumed.previous_answer("status"),
            Some(&AnswerValue::Text("jobseeker".into()))
        );
        assert_eq!(resumed.snapshot(), snapshot);
    }

    #[test]
    fn a_bad_snapshot_is_refused_with_a_clear_error() {
        let questionnaire = three_questions();
        let mut session = DiagnosisSession::new(&questionnaire, today());
        session.answer_input(&questionnaire, "sleep", "no").unwrap();
        session
            .answer_input(&questionnaire, "status", "jobseeker")
            .unwrap();
        let good: Json = serde_json::from_str(&session.snapshot()).unwrap();
        let code = |json: &str| {
            DiagnosisSession::resume(&questionnaire, json)
                .unwrap_err()
                .code()
        };
        let changed = |edit: &dyn Fn(&mut Json)| {
            let mut json = good.clone();
            edit(&mut json);
            code(&json.to_string())
        };
        assert_eq!(code("{\"snapshot_version\": 1, "), "snapshot_corrupted");
        assert_eq!(code("[]"), "snapshot_corrupted");
        assert_eq!(
            changed(&|json| json["snapshot_version"] = json!(2)),
            "snapshot_future_version"
        );
        assert_eq!(
            changed(&|json| json["snapshot_version"] = json!("1")),
            "snapshot_corrupted"
        );
        assert_eq!(
            changed(&|json| json["extra"] = json!(true)),
            "snapshot_corrupted"
        );
        assert_eq!(
            changed(&|json| json["reference_date"] = json!("2026-02-30")),
            "snapshot_corrupted"
        );
        assert_eq!(
            changed(&|json| json["questionnaire_id"] = json!("other")),
            "snapshot_other_questionnaire"
        );
        assert_eq!(
            changed(&|json| json["answers"]["status"] = json!("astronaut")),
            "snapshot_inconsistent"
        );
        assert_eq!(
            changed(&|json| json["asked"] = json!(["status", "sleep"])),
            "snapshot_inconsistent"
        );
        assert_eq!(
            changed(&|json| json["answers"]["age"] = json!(500)),
            "snapshot_inconsistent"
        );
        assert_eq!(
            changed(&|json| json["answers"]["ghost"] = json!(true)),
            "snapshot_inconsistent"
        );
        let error = DiagnosisSession::resume(&questionnaire, "{}").unwrap_err();
        assert_eq!(
            error.message(Locale::Fr),
            "Vos réponses enregistrées n’ont pas pu être reprises. Vous pouvez recommencer."
        );
    }

    /// A catalogue of entries (id, theme, eligibility), shaped like the
    /// first entry of the national one.
    fn catalogue_of(entries: &[(&str, &str, serde_json::Value)]) -> Arc<Catalogue> {
        let national: Json =
            serde_json::from_str(include_str!("../../data/catalogue.json")).unwrap();
        let template = national["entries"][0].clone();
        let entries: Vec<Json> = entries
            .iter()
            .map(|(id, theme, rule)| {
                let mut entry = template.clone();
                entry["id"] = json!(id);
                entry["themes"] = json!([theme]);
                entry["eligibility"] = rule.clone();
                entry
            })
            .collect();
        let mut catalogue = national.clone();
        catalogue["entries"] = json!(entries);
        Arc::new(Catalogue::from_json(&catalogue.to_string()).unwrap())
    }

    #[test]
    fn a_fact_is_set_in_the_questionnaires_order_not_the_ids() {
        // "sleep_tonight" (home: housing unknown) comes before
        // "housing_status" (hosted), though its id sorts after it.
        let questionnaire = questionnaire_of(json!([
            {"id": "sleep_tonight", "sets": "housing", "label": {"fr": "Cette nuit ?"},
             "kind": {"type": "single_choice", "options": [
                 {"id": "home", "label": {"fr": "Chez moi"}, "value": null},
                 {"id": "street", "label": {"fr": "Dans la rue"}, "value": "homeless"}]}},
            {"id": "housing_status", "sets": "housing", "label": {"fr": "Logement ?"},
             "kind": {"type": "single_choice", "options": [
                 {"id": "tenant", "label": {"fr": "Locataire"}}, {"id": "hosted", "label": {"fr": "Hébergé"}}]}}
        ]))
        .unwrap();
        let (_, session) = run(
            &questionnaire,
            &[
                ("sleep_tonight", Some("home")),
                ("housing_status", Some("hosted")),
            ],
        );
        assert_eq!(
            session.facts(&questionnaire).get(Fact::Housing),
            Some(&Value::Text("hosted".into()))
        );
    }

    #[test]
    fn with_a_catalogue_a_fact_is_asked_only_if_it_can_change_an_entry_for_a_need() {
        let catalogue = catalogue_of(&[
            (
                "youth-job",
                "trouver-un-emploi--repondre-a-des-offres-demploi",
                json!({"all": [{"age": {"max": 25}}, {"equals": {"fact": "rqth", "value": true}}]}),
            ),
            (
                "housing-aid",
                "logement-hebergement--louer-un-logement",
                json!({"compare": {"fact": "children_count", "op": ">=", "value": 1}}),
            ),
        ]);
        // Retired: out of the national orientation's scope, whose facts
        // (RQTH among them) would otherwise matter too.
        let questionnaire = questionnaire_of(json!([
            {"id": "status", "sets": "employment_status", "label": {"fr": "Situation ?"},
             "kind": {"type": "single_choice", "options": [
                 {"id": "retired", "label": {"fr": "Retraite"}}, {"id": "jobseeker", "label": {"fr": "Chômage"}}]}},
            {"id": "age", "sets": "age", "kind": {"type": "number", "min": 14, "max": 120}, "label": {"fr": "Âge ?"}},
            {"id": "rqth", "sets": "rqth", "kind": {"type": "yes_no"}, "label": {"fr": "RQTH ?"}},
            {"id": "children", "sets": "children_count", "kind": {"type": "number", "min": 0, "max": 30}, "label": {"fr": "Enfants ?"}},
            {"id": "job", "kind": {"type": "yes_no"}, "label": {"fr": "Un travail ?"},
             "needs": [{"theme": "trouver-un-emploi", "when": {"answer": {"question": "job", "values": ["no"]}}}]}
        ]))
        .unwrap();
        let adapted = questionnaire.clone().adapted_to(catalogue);
        // Without a catalogue, every question is asked.
        let (ids, _) = run(
            &questionnaire,
            &[
                ("status", Some("retired")),
                ("age", Some("40")),
                ("rqth", Some("no")),
                ("children", Some("2")),
                ("job", Some("no")),
            ],
        );
        assert_eq!(ids.len(), 5);
        // 40 years old: the youth entry is settled, RQTH cannot change it;
        // no question can raise a housing need, so children cannot matter.
        let (ids, _) = run(
            &adapted,
            &[
                ("status", Some("retired")),
                ("age", Some("40")),
                ("job", Some("no")),
            ],
        );
        assert_eq!(ids, ["status", "age", "job"]);
        // 20 years old: RQTH still decides the youth entry.
        let (ids, _) = run(
            &adapted,
            &[
                ("status", Some("retired")),
                ("age", Some("20")),
                ("rqth", Some("yes")),
                ("job", Some("no")),
            ],
        );
        assert_eq!(ids, ["status", "age", "rqth", "job"]);
        let mut session = DiagnosisSession::new(&adapted, today());
        session.answer_input(&adapted, "status", "retired").unwrap();
        session.answer_input(&adapted, "age", "20").unwrap();
        assert_eq!(counts(session.progress(&adapted)), (2, 4, 4));
        // A jobseeker of 40: RQTH may make Cap emploi the one who decides,
        // and children may make a single parent (an IAE criterion).
        let (ids, _) = run(
            &adapted,
            &[
                ("status", Some("jobseeker")),
                ("age", Some("40")),
                ("rqth", Some("no")),
                ("children", Some("0")),
                ("job", Some("no")),
            ],
        );
        assert_eq!(ids, ["status", "age", "rqth", "children", "job"]);
    }
}
