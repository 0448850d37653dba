//! The messages the rules output themselves (`locales/<tag>/core.json`).

use crate::text::{Locale, Parts};

/// A message of the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleMessage<'a> {
    /// A condition of the law no fact can express, as what to check:
    /// "À vérifier : avoir travaillé 2 ans sur les 3 dernières années".
    ToCheckItem { what: &'a str },
}

impl RuleMessage<'_> {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts().text(locale)
    }

    /// The message's key and the values of its placeables.
    pub fn parts(&self) -> Parts {
        match self {
            Self::ToCheckItem { what } => {
                Parts::with("to-check-item", [("what", what.to_string())])
            }
        }
    }
}
