//! The messages the catalogue outputs itself (`locales/<tag>/core.json`).

use crate::text::{Locale, Parts};

/// A message of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueMessage {
    /// What to check of an entry still marked with the retired
    /// `conditions_in_notes`: the conditions its notes state.
    NotesConditions,
}

impl CatalogueMessage {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts().text(locale)
    }

    /// The message's key and the values of its placeables.
    pub fn parts(&self) -> Parts {
        match self {
            Self::NotesConditions => Parts::key("notes-conditions"),
        }
    }
}
