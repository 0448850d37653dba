//! The messages of the questionnaire and its session: why an answer is
//! refused, why a session or a snapshot cannot go on
//! (`locales/<tag>/core.json`).

use crate::text::{Locale, Parts};

/// A message of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionnaireMessage<'a> {
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
    /// A skip asked for a question that must be answered.
    NotSkippable,
    /// The same option chosen twice.
    RepeatedOption,
    /// An option that cannot be chosen with others was.
    ExclusiveOption { label: &'a str },
    /// Not a date that exists.
    NotADate,
    /// A date after today.
    DateInFuture,
    /// A date before [`crate::vocabulary::facts::EARLIEST_DATE`]: a year mistyped
    /// ("0001" for "2001").
    DateTooEarly,
    /// Not a postal code.
    NotAPostalCode,
    /// A text too long.
    TooLong { max: usize },
    /// Two needs given the same rank.
    RepeatedRank,
    /// Saved answers that could not be read back.
    SnapshotUnreadable,
    /// Saved answers written by a newer version.
    SnapshotTooNew,
    /// The only choice of a commune question when the commune table cannot
    /// be read: the commune chosen before.
    CommuneChosenBefore,
}

impl QuestionnaireMessage<'_> {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts().text(locale)
    }

    /// The message's key and the values of its placeables.
    pub fn parts(&self) -> Parts {
        let key = Parts::key;
        match self {
            Self::AnswerRequired => key("answer-required"),
            Self::NotANumber => key("not-a-number"),
            Self::OutOfRange { min, max, unit } => Parts::with(
                if unit.is_empty() {
                    "out-of-range-no-unit"
                } else {
                    "out-of-range"
                },
                [
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                    ("unit", unit.to_string()),
                ],
            ),
            Self::UnknownOption => key("unknown-option"),
            Self::NotCurrentQuestion => key("not-current-question"),
            Self::SessionComplete => key("session-complete"),
            Self::NotSkippable => key("not-skippable"),
            Self::RepeatedOption => key("repeated-option"),
            Self::ExclusiveOption { label } => {
                Parts::with("exclusive-option", [("label", label.to_string())])
            }
            Self::NotADate => key("not-a-date"),
            Self::DateInFuture => key("date-in-future"),
            Self::DateTooEarly => key("date-too-early"),
            Self::NotAPostalCode => key("not-a-postal-code"),
            Self::TooLong { max } => Parts::with("too-long", [("max", max.to_string())]),
            Self::RepeatedRank => key("repeated-rank"),
            Self::SnapshotUnreadable => key("snapshot-unreadable"),
            Self::SnapshotTooNew => key("snapshot-too-new"),
            Self::CommuneChosenBefore => key("commune-chosen-before"),
        }
    }
}
