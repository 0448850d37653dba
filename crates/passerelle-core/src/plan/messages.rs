//! The messages of the plan's generated steps (`locales/<tag>/core.json`).

use crate::text::{Locale, Parts};

/// A message of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanMessage<'a> {
    /// The title of a plan's action to contact a partner.
    ContactPartnerAction { name: &'a str },
    /// The title of a plan's action to get documents ready for a partner.
    PrepareDocuments { name: &'a str, documents: &'a str },
}

impl PlanMessage<'_> {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts().text(locale)
    }

    /// The message's key and the values of its placeables.
    pub fn parts(&self) -> Parts {
        match self {
            Self::ContactPartnerAction { name } => {
                Parts::with("contact-partner-action", [("name", name.to_string())])
            }
            Self::PrepareDocuments { name, documents } => Parts::with(
                "prepare-documents",
                [
                    ("name", name.to_string()),
                    ("documents", documents.to_string()),
                ],
            ),
        }
    }
}
