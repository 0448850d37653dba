//! The message catalogue: every text the product shows a person.
//!
//! French comes first, English second. Texts are short sentences with
//! everyday words: many people who read them read with difficulty.
//! Questionnaire labels live in the questionnaire data; everything else
//! (buttons, progress, validation messages) lives here.

use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// Every supported locale, the default first.
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// Reads a BCP 47 language tag such as `fr`, `fr-FR` or `en-GB`.
    /// Returns `None` for a language the product does not speak.
    ///
    /// ```
    /// use passerelle_core::Locale;
    /// assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("FR"), Some(Locale::Fr));
    /// assert_eq!(Locale::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(primary))
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }
}

/// One message of the catalogue, with the values it shows.
///
/// ```
/// use passerelle_core::{Locale, Message};
/// let progress = Message::Progress { current: 2, total: 3 };
/// assert_eq!(progress.text(Locale::Fr), "Question 2 sur 3");
/// assert_eq!(progress.text(Locale::En), "Question 2 of 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message<'a> {
    /// Where the person is in the questionnaire.
    Progress { current: usize, total: usize },
    /// The button that sends an answer.
    Continue,
    /// The button that goes back one question.
    Back,
    /// "Yes" answer label.
    Yes,
    /// "No" answer label.
    No,
    /// Shown when every question is answered.
    Completed,
    /// Explains what happens with the answers once complete.
    CompletedDetail,
    /// No answer was chosen or typed.
    AnswerRequired,
    /// A number was expected.
    NotANumber,
    /// A number outside the bounds of the question.
    OutOfRange { min: i64, max: i64, unit: &'a str },
    /// An option that the question does not offer.
    UnknownOption,
    /// An answer sent for a question that is not the one being asked.
    NotCurrentQuestion,
    /// An answer sent after the last question.
    SessionComplete,
    /// Title of the error summary shown above a question.
    ErrorPrefix,
}

impl Message<'_> {
    /// The message in the given language.
    pub fn text(&self, locale: Locale) -> String {
        use Locale::{En, Fr};
        match (self, locale) {
            (Message::Progress { current, total }, Fr) => format!("Question {current} sur {total}"),
            (Message::Progress { current, total }, En) => format!("Question {current} of {total}"),
            (Message::Continue, Fr) => "Continuer".into(),
            (Message::Continue, En) => "Continue".into(),
            (Message::Back, Fr) => "Revenir à la question d’avant".into(),
            (Message::Back, En) => "Go back to the previous question".into(),
            (Message::Yes, Fr) => "Oui".into(),
            (Message::Yes, En) => "Yes".into(),
            (Message::No, Fr) => "Non".into(),
            (Message::No, En) => "No".into(),
            (Message::Completed, Fr) => "Merci, vous avez répondu à toutes les questions.".into(),
            (Message::Completed, En) => "Thank you, you have answered every question.".into(),
            (Message::CompletedDetail, Fr) => {
                "Vos réponses restent sur cet appareil. Rien n’est envoyé.".into()
            }
            (Message::CompletedDetail, En) => {
                "Your answers stay on this device. Nothing is sent.".into()
            }
            (Message::AnswerRequired, Fr) => "Choisissez ou écrivez une réponse.".into(),
            (Message::AnswerRequired, En) => "Choose or type an answer.".into(),
            (Message::NotANumber, Fr) => "Écrivez un nombre, avec des chiffres.".into(),
            (Message::NotANumber, En) => "Type a number, using digits.".into(),
            (Message::OutOfRange { min, max, unit }, Fr) => {
                format!("Écrivez un nombre entre {min} et {max} {unit}.").replace(" .", ".")
            }
            (Message::OutOfRange { min, max, unit }, En) => {
                format!("Type a number between {min} and {max} {unit}.").replace(" .", ".")
            }
            (Message::UnknownOption, Fr) => "Choisissez une des réponses proposées.".into(),
            (Message::UnknownOption, En) => "Choose one of the answers shown.".into(),
            (Message::NotCurrentQuestion, Fr) => {
                "Cette réponse ne correspond pas à la question posée.".into()
            }
            (Message::NotCurrentQuestion, En) => {
                "This answer does not match the question being asked.".into()
            }
            (Message::SessionComplete, Fr) => "Toutes les questions ont déjà une réponse.".into(),
            (Message::SessionComplete, En) => "Every question already has an answer.".into(),
            (Message::ErrorPrefix, Fr) => "Erreur :".into(),
            (Message::ErrorPrefix, En) => "Error:".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_without_unit_has_no_stray_space() {
        let message = Message::OutOfRange {
            min: 1,
            max: 9,
            unit: "",
        };
        assert_eq!(message.text(Locale::Fr), "Écrivez un nombre entre 1 et 9.");
        assert_eq!(message.text(Locale::En), "Type a number between 1 and 9.");
    }

    #[test]
    fn out_of_range_with_unit() {
        let message = Message::OutOfRange {
            min: 14,
            max: 120,
            unit: "ans",
        };
        assert_eq!(
            message.text(Locale::Fr),
            "Écrivez un nombre entre 14 et 120 ans."
        );
    }

    #[test]
    fn unknown_and_empty_tags_have_no_locale() {
        assert_eq!(Locale::from_tag(""), None);
        assert_eq!(Locale::from_tag("english"), None);
        assert_eq!(Locale::from_tag("en_US"), Some(Locale::En));
    }
}
