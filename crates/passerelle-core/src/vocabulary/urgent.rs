//! The urgent situations the first questions find, and the services to
//! contact at once: their numbers, names and hours together (sources:
//! service-public.fr F33954 and `data/SOURCES.md`), with the messages
//! their buttons and panel show.

use serde::{Deserialize, Serialize};

use crate::text::{Locale, Parts};

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

/// A service to contact at once in an urgent situation, with its name in
/// the alerts' translation files (sources: service-public.fr F33954,
/// "Quels sont les numéros d'urgence ?", and `data/SOURCES.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Shelter115,
    Meals115,
    SocialCentre,
    ViolenceWomen3919,
    Police17,
    Emergency112,
    Sms114,
    ChildInDanger119,
    Samu15,
}

impl Service {
    /// Every service.
    pub const ALL: [Service; 9] = [
        Service::Shelter115,
        Service::Meals115,
        Service::SocialCentre,
        Service::ViolenceWomen3919,
        Service::Police17,
        Service::Emergency112,
        Service::Sms114,
        Service::ChildInDanger119,
        Service::Samu15,
    ];

    /// The key of its name: `service-shelter-115`.
    pub fn key(self) -> &'static str {
        match self {
            Service::Shelter115 => "service-shelter-115",
            Service::Meals115 => "service-meals-115",
            Service::SocialCentre => "service-social-centre",
            Service::ViolenceWomen3919 => "service-violence-women-3919",
            Service::Police17 => "service-police-17",
            Service::Emergency112 => "service-emergency-112",
            Service::Sms114 => "service-sms-114",
            Service::ChildInDanger119 => "service-child-in-danger-119",
            Service::Samu15 => "service-samu-15",
        }
    }

    /// Who answers at the service, in words: "115 : hébergement
    /// d’urgence". When each answers and at what cost is said apart
    /// (`Contact::availability`), from the contact table's facts.
    pub fn name(self, locale: Locale) -> &'static str {
        raw_message(locale, self.key())
    }
}

/// The text of `key` in the first language of `locale`'s chain that has
/// it, as written in its file (the French files carry their typography).
/// The completeness test keeps a key from missing in French.
fn raw_message(locale: Locale, key: &str) -> &'static str {
    locale.message(key).unwrap_or_default()
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

/// When a contact answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hours {
    /// Every day, day and night (24 hours a day, 7 days a week).
    DayAndNight,
    /// At the opening hours of the place, which vary from town to town.
    OpeningHours,
}

impl Hours {
    /// Its part of message keys (`contact-free-day-and-night`…).
    pub fn key(self) -> &'static str {
        match self {
            Hours::DayAndNight => "day-and-night",
            Hours::OpeningHours => "opening-hours",
        }
    }
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
    /// Whether reaching it costs nothing.
    pub free: bool,
    /// When it answers.
    pub hours: Hours,
}

impl Contact {
    /// When and at what cost it answers, in one sentence: "Gratuit, jour
    /// et nuit."
    pub fn availability(&self, locale: Locale) -> String {
        UrgentMessage::ContactAvailability {
            free: self.free,
            hours: self.hours,
        }
        .text(locale)
    }

    /// The words of its call button ("Appeler le 115", "Envoyer un SMS
    /// au 114"); `None` without a number.
    pub fn action(&self, locale: Locale) -> Option<String> {
        let phone = self.phone?;
        Some(
            UrgentMessage::ReachNumber {
                phone,
                by_text: self.reach == Reach::TextMessage,
            }
            .text(locale),
        )
    }
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

    /// Who to contact at once, first the most fitting, with when and at
    /// what cost each answers. Numbers, cost and hours from
    /// service-public.fr, "Quels sont les numéros d'urgence ?" (F33954:
    /// 15, 17, 18 and 112 free, day and night; 114 by SMS, free, day and
    /// night), the 119's page (allo119.gouv.fr: free, day and night), the
    /// 3919's (free, anonymous, day and night since 2021) and the 115's
    /// (free, day and night; it also says where meals are given out), and
    /// the national catalogue's sources (`data/SOURCES.md`). The town hall's social centre (CCAS) is a
    /// place, not a line: open at its own hours.
    pub fn contacts(self, locale: Locale) -> Vec<Contact> {
        let contact = |phone: Option<&'static str>, service: Service, entry| Contact {
            phone,
            reach: match (service, phone) {
                (Service::Sms114, _) => Reach::TextMessage,
                (_, Some(_)) => Reach::Call,
                (_, None) => Reach::Visit,
            },
            name: service.name(locale),
            catalogue_entry: entry,
            free: true,
            hours: match service {
                Service::SocialCentre => Hours::OpeningHours,
                _ => Hours::DayAndNight,
            },
        };
        match self {
            UrgentAlert::Shelter => vec![contact(
                Some("115"),
                Service::Shelter115,
                Some("urgence-115"),
            )],
            // The 115 also says where meals are given out, day and night
            // (refugies.info, "Appeler le 115"; the departments' 115
            // pages: "l'aide alimentaire").
            UrgentAlert::Food => vec![
                contact(None, Service::SocialCentre, None),
                contact(Some("115"), Service::Meals115, Some("urgence-115")),
            ],
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

    /// Whether a person facing it should be able to leave the page at
    /// once ("Quitter rapidement"): violence at home, a child in danger
    /// (someone close may be watching the screen).
    pub fn calls_for_quick_exit(self) -> bool {
        matches!(self, UrgentAlert::Violence | UrgentAlert::ChildInDanger)
    }

    /// Every number to call or text for any alert, each once, in the
    /// order of [`UrgentAlert::ALL`] then of each alert's contacts: what
    /// a page shows before anything is answered (the JavaScript shim's
    /// list, checked against this one by a test).
    pub fn every_number() -> Vec<(&'static str, Reach)> {
        let mut numbers: Vec<(&'static str, Reach)> = Vec::new();
        for alert in UrgentAlert::ALL {
            for contact in alert.contacts(Locale::Fr) {
                if let Some(phone) = contact.phone {
                    if !numbers.iter().any(|(known, _)| *known == phone) {
                        numbers.push((phone, contact.reach));
                    }
                }
            }
        }
        numbers
    }

    /// What to tell the person, in one sentence.
    pub fn text(self, locale: Locale) -> &'static str {
        raw_message(locale, &self.key())
    }

    /// The key of its text in the alerts' translation files:
    /// `alert-child-in-danger`.
    pub fn key(self) -> String {
        let name = match self {
            UrgentAlert::Shelter => "shelter",
            UrgentAlert::Food => "food",
            UrgentAlert::Violence => "violence",
            UrgentAlert::ChildInDanger => "child-in-danger",
            UrgentAlert::MedicalEmergency => "medical-emergency",
        };
        format!("alert-{name}")
    }
}

/// The summary of a panel of urgent alerts, naming their numbers, each
/// once ("Numéros d’urgence : 115, 3919, 17, 112, 114"): what a folded
/// panel shows, so that the numbers stay in view.
///
/// ```
/// use passerelle_core::diagnosis::{alerts_summary, UrgentAlert};
/// use passerelle_core::Locale;
///
/// let both = [UrgentAlert::Violence, UrgentAlert::MedicalEmergency];
/// assert_eq!(alerts_summary(&both, Locale::En), "Emergency numbers: 3919, 17, 112, 114, 15");
/// assert_eq!(alerts_summary(&[UrgentAlert::Food], Locale::En), "Emergency numbers: 115");
/// ```
pub fn alerts_summary(alerts: &[UrgentAlert], locale: Locale) -> String {
    let mut numbers: Vec<&str> = Vec::new();
    for alert in alerts {
        for contact in alert.contacts(locale) {
            if let Some(phone) = contact.phone {
                if !numbers.contains(&phone) {
                    numbers.push(phone);
                }
            }
        }
    }
    if numbers.is_empty() {
        return UrgentMessage::UrgentNumbersTitle.text(locale);
    }
    UrgentMessage::UrgentNumbers {
        numbers: &numbers.join(", "),
    }
    .text(locale)
}

/// The messages of the urgent contacts and of the alerts' panel
/// (`locales/<tag>/core.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrgentMessage<'a> {
    /// When and at what cost an urgent contact answers.
    ContactAvailability { free: bool, hours: Hours },
    /// The words of an urgent contact's button: call, or text by SMS.
    ReachNumber { phone: &'a str, by_text: bool },
    /// The summary of the urgent alerts' panel, naming its numbers.
    UrgentNumbers { numbers: &'a str },
    /// Heading of the urgent numbers in the print view (and a panel's
    /// summary without a number).
    UrgentNumbersTitle,
}

impl UrgentMessage<'_> {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts().text(locale)
    }

    /// The message's key and the values of its placeables.
    pub fn parts(&self) -> Parts {
        match self {
            Self::ContactAvailability { free, hours } => Parts::key(format!(
                "contact-{}{}",
                if *free { "free-" } else { "" },
                hours.key()
            )),
            Self::ReachNumber { phone, by_text } => Parts::with(
                if *by_text {
                    "reach-by-text"
                } else {
                    "reach-by-call"
                },
                [("phone", phone.to_string())],
            ),
            Self::UrgentNumbers { numbers } => {
                Parts::with("urgent-numbers", [("numbers", numbers.to_string())])
            }
            Self::UrgentNumbersTitle => Parts::key("urgent-numbers-title"),
        }
    }
}
