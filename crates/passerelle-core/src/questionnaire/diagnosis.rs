//! The result of a diagnosis: facts, needs, urgent alerts and the person's
//! own order of needs.
//!
//! [`DiagnosisSession::diagnosis`](crate::questionnaire::session::DiagnosisSession::diagnosis)
//! makes it from the answers; it is a plain value that serialises to JSON.

use serde::{Deserialize, Serialize};

use crate::base::date::Date;
use crate::questionnaire::AnswerValue;
use crate::text::Locale;
use crate::vocabulary::facts::Facts;
use crate::vocabulary::needs::{Need, Priority};

pub use crate::vocabulary::urgent::{alerts_summary, Contact, Hours, Reach, Service, UrgentAlert};

/// Read from the alert, the answers that raised it, and the text, whose
/// language gives the contacts' (French when the text is not the alert's).
impl<'de> Deserialize<'de> for RaisedAlert {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Saved {
            alert: UrgentAlert,
            #[serde(default)]
            text: String,
            #[serde(default)]
            raised_by: Vec<RaisedBy>,
        }
        let saved = Saved::deserialize(deserializer)?;
        let locale = Locale::all()
            .into_iter()
            .find(|&locale| saved.alert.text(locale) == saved.text)
            .unwrap_or_default();
        Ok(RaisedAlert {
            alert: saved.alert,
            text: saved.alert.text(locale),
            contacts: saved.alert.contacts(locale),
            raised_by: saved.raised_by,
        })
    }
}

/// An answer that raised a need or an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedBy {
    /// The question answered.
    pub question: String,
    /// The answer given; none when the question was skipped.
    pub answer: Option<AnswerValue>,
}

/// A need found, with the answers that raised it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundNeed {
    /// A data·inclusion theme or category.
    pub theme: String,
    /// The theme in words, in the diagnosis's language.
    pub label: String,
    /// The highest priority any answer gave it.
    pub priority: Priority,
    /// The person's own rank for it (1 = most important), when given.
    pub rank: Option<usize>,
    /// The answers that raised it, in the order asked.
    pub raised_by: Vec<RaisedBy>,
}

/// An urgent alert raised, with its contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaisedAlert {
    /// Which alert.
    pub alert: UrgentAlert,
    /// What to tell the person.
    pub text: &'static str,
    /// Who to contact at once.
    pub contacts: Vec<Contact>,
    /// The answers that raised it.
    pub raised_by: Vec<RaisedBy>,
}

/// The result of a diagnosis — the first interview's findings. Its JSON
/// reads back (a diagnosis saved, then built into a plan); an alert's
/// text and contacts are taken again from the alert.
///
/// ```
/// use passerelle_core::{json, Diagnosis, DiagnosisSession, Locale, Questionnaire};
/// use passerelle_core::date::Date;
///
/// let questionnaire = Questionnaire::default_fr_en();
/// let mut session = DiagnosisSession::new(&questionnaire, Date::parse("2026-11-27").unwrap());
/// session.answer_input(&questionnaire, "sleep_tonight", "street").unwrap();
/// let diagnosis = session.diagnosis(&questionnaire, Locale::En);
/// let saved = json::write(&diagnosis);
/// assert_eq!(json::read_text::<Diagnosis>(&saved).unwrap(), diagnosis);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// The questionnaire answered.
    pub questionnaire_id: String,
    /// The day the answers speak of; ages and dates are read at it.
    pub reference_date: Date,
    /// What the answers say of the person, derived facts included.
    pub facts: Facts,
    /// Urgent alerts first: in the order of [`UrgentAlert::ALL`].
    pub urgent: Vec<RaisedAlert>,
    /// The needs: urgent ones first, then in the person's own order when
    /// given, then by priority, then in the order of the questions that
    /// raised them.
    pub needs: Vec<FoundNeed>,
    /// Whether the person put the needs in order.
    pub ranked_by_person: bool,
}

impl Diagnosis {
    /// The needs as orientation takes them: an urgent need with the urgent
    /// alerts raised by the same answers (so that its emergency lines are
    /// those of the alerts raised: the 3919 for violence, the 119 only for
    /// a child in danger).
    pub fn orientation_needs(&self) -> Vec<Need> {
        self.needs
            .iter()
            .map(|need| self.orientation_need(need))
            .collect()
    }

    /// One need as orientation takes it (see [`Self::orientation_needs`]).
    pub fn orientation_need(&self, need: &FoundNeed) -> Need {
        let alerts = if need.priority == Priority::Urgent {
            self.urgent
                .iter()
                .filter(|raised| {
                    raised.raised_by.iter().any(|by| {
                        need.raised_by
                            .iter()
                            .any(|other| other.question == by.question)
                    })
                })
                .map(|raised| raised.alert)
                .collect()
        } else {
            Vec::new()
        };
        Need {
            theme: need.theme.clone(),
            priority: need.priority,
            alerts,
        }
    }
}
