//! The parts of a plan a referral sheet ("fiche de liaison") includes or
//! leaves out, with their stable ids and message keys.

use serde::{Serialize, Serializer};

use crate::vocabulary::facts::Fact;

/// A part of a plan that a referral sheet includes or leaves out. In
/// JSON, its stable id: `needs`, `facts:age`, `other_objectives`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The date of the person's consent (`consent`).
    Consent,
    /// The needs of the partner's actions (`needs`).
    Needs,
    /// The partner's actions (`actions`).
    Actions,
    /// One fact about the person (`facts:<name>`).
    Fact(Fact),
    /// The advisor's contact (`advisor`).
    Advisor,
    /// The person's contact (`person`).
    Person,
    /// Objectives with no action for the partner (`other_objectives`).
    OtherObjectives,
    /// Actions that do not concern the partner (`other_actions`).
    OtherActions,
    /// Objectives in the person's own words (`statements`).
    Statements,
    /// Notes on actions (`notes`).
    Notes,
    /// Review points (`reviews`).
    Reviews,
    /// The date of the next review (`next_review`).
    NextReview,
    /// The person's pace and days available (`schedule`).
    Schedule,
    /// Consents given to other partners (`other_consents`).
    OtherConsents,
    /// The history of changes (`history`).
    History,
}

impl Part {
    /// Its part of message keys (`sheet-part-other-objectives`…); a fact
    /// is named by its own label.
    pub fn key(&self) -> &'static str {
        match self {
            Part::Fact(_) => "fact",
            Part::Consent => "consent",
            Part::Needs => "needs",
            Part::Actions => "actions",
            Part::Advisor => "advisor",
            Part::Person => "person",
            Part::OtherObjectives => "other-objectives",
            Part::OtherActions => "other-actions",
            Part::Statements => "statements",
            Part::Notes => "notes",
            Part::Reviews => "reviews",
            Part::NextReview => "next-review",
            Part::Schedule => "schedule",
            Part::OtherConsents => "other-consents",
            Part::History => "history",
        }
    }

    /// The stable id.
    ///
    /// ```
    /// use passerelle_core::facts::Fact;
    /// use passerelle_core::referral::Part;
    /// assert_eq!(Part::Fact(Fact::BirthDate).id(), "facts:birth_date");
    /// assert_eq!(Part::OtherObjectives.id(), "other_objectives");
    /// ```
    pub fn id(&self) -> String {
        let id = match self {
            Part::Fact(fact) => return format!("facts:{}", fact.name()),
            Part::Consent => "consent",
            Part::Needs => "needs",
            Part::Actions => "actions",
            Part::Advisor => "advisor",
            Part::Person => "person",
            Part::OtherObjectives => "other_objectives",
            Part::OtherActions => "other_actions",
            Part::Statements => "statements",
            Part::Notes => "notes",
            Part::Reviews => "reviews",
            Part::NextReview => "next_review",
            Part::Schedule => "schedule",
            Part::OtherConsents => "other_consents",
            Part::History => "history",
        };
        id.to_owned()
    }
}

impl Serialize for Part {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id())
    }
}
