//! The result of a diagnosis: facts, needs, urgent alerts and the person's
//! own order of needs.
//!
//! [`DiagnosisSession::diagnosis`](crate::DiagnosisSession::diagnosis)
//! makes it from the answers; it is a plain value that serialises to JSON.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::facts::Facts;
use crate::i18n::{self, Locale, Service};
use crate::orientation::{Need, Priority};
use crate::questionnaire::AnswerValue;

/// An urgent situation found by the first questions, to be dealt with
/// before anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrgentAlert {
    /// No place to sleep tonight.
    Shelter,
    /// Nothing to eat today.
    Food,
    /// In danger at home or with someone close; violence.
    Violence,
    /// A child in danger.
    ChildInDanger,
    /// Needs urgent health care.
    MedicalEmergency,
}

/// How to reach a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Call the number.
    Call,
    /// Send a text message (SMS) to the number.
    TextMessage,
    /// Go there.
    Visit,
}

/// Someone to contact at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The number to call or text, if there is one (`"115"`).
    pub phone: Option<&'static str>,
    /// How to reach it.
    pub reach: Reach,
    /// Who answers, in words (in the diagnosis's language).
    pub name: &'static str,
    /// The entry of the national catalogue that describes it, if any.
    pub catalogue_entry: Option<&'static str>,
}

impl UrgentAlert {
    /// Every alert, in the order they are shown when several are raised.
    pub const ALL: [UrgentAlert; 5] = [
        UrgentAlert::Shelter,
        UrgentAlert::Violence,
        UrgentAlert::ChildInDanger,
        UrgentAlert::MedicalEmergency,
        UrgentAlert::Food,
    ];

    /// Who to contact at once, first the most fitting. Numbers from
    /// service-public.fr, "Quels sont les numéros d'urgence ?" (F33954),
    /// and the national catalogue's sources (`data/SOURCES.md`).
    pub fn contacts(self, locale: Locale) -> Vec<Contact> {
        let contact = |phone: Option<&'static str>, service: Service, entry| Contact {
            phone,
            reach: match (service, phone) {
                (Service::Sms114, _) => Reach::TextMessage,
                (_, Some(_)) => Reach::Call,
                (_, None) => Reach::Visit,
            },
            name: i18n::service_name(service, locale),
            catalogue_entry: entry,
        };
        match self {
            UrgentAlert::Shelter => vec![contact(
                Some("115"),
                Service::Shelter115,
                Some("urgence-115"),
            )],
            UrgentAlert::Food => vec![contact(None, Service::SocialCentre, None)],
            UrgentAlert::Violence => vec![
                contact(
                    Some("3919"),
                    Service::ViolenceWomen3919,
                    Some("violences-femmes-info-3919"),
                ),
                contact(Some("17"), Service::Police17, None),
                contact(Some("112"), Service::Emergency112, Some("urgences-112")),
                contact(Some("114"), Service::Sms114, None),
            ],
            UrgentAlert::ChildInDanger => vec![contact(
                Some("119"),
                Service::ChildInDanger119,
                Some("allo-enfance-119"),
            )],
            UrgentAlert::MedicalEmergency => vec![
                contact(Some("15"), Service::Samu15, Some("samu-15")),
                contact(Some("112"), Service::Emergency112, Some("urgences-112")),
            ],
        }
    }

    /// What to tell the person, in one sentence.
    pub fn text(self, locale: Locale) -> &'static str {
        i18n::alert_text(self, locale)
    }
}

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
        let locale = Locale::ALL
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
    /// The needs as orientation takes them.
    pub fn orientation_needs(&self) -> Vec<Need> {
        self.needs
            .iter()
            .map(|need| Need {
                theme: need.theme.clone(),
                priority: need.priority,
            })
            .collect()
    }
}
