//! The messages of an orientation's freshness: when an entry was
//! checked, and why its figures or its information may be out of date
//! (`locales/<tag>/core.json`).

use crate::base::date::Date;
use crate::text::{day_month_year, Locale, Parts};

/// A message of the orientation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrientationMessage {
    /// Why a right is to check: its amounts and ceilings hold from `from` (if known) until
    /// `until`, and the orientation's date is outside that period.
    FiguresOutdated { from: Option<Date>, until: Date },
    /// When an entry's criteria were last checked against its source:
    /// "Vérifié le 3 décembre 2026".
    VerifiedOn(Date),
    /// The warning of an entry not verified for more than `months` months
    /// (last on `last_verified`).
    Stale { months: u16, last_verified: Date },
}

impl OrientationMessage {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts(locale).text(locale)
    }

    /// The message's key and the values of its placeables (dates written
    /// in `locale`).
    pub fn parts(&self, locale: Locale) -> Parts {
        match self {
            Self::FiguresOutdated {
                from: Some(from),
                until,
            } => Parts::with(
                "figures-outdated",
                [
                    ("from", day_month_year(*from, locale)),
                    ("until", day_month_year(*until, locale)),
                ],
            ),
            Self::FiguresOutdated { from: None, until } => Parts::with(
                "figures-outdated-until",
                [("until", day_month_year(*until, locale))],
            ),
            Self::VerifiedOn(date) => {
                Parts::with("verified-on", [("date", day_month_year(*date, locale))])
            }
            Self::Stale {
                months,
                last_verified,
            } => Parts::with(
                "stale",
                [
                    ("months", months.to_string()),
                    ("date", day_month_year(*last_verified, locale)),
                ],
            ),
        }
    }
}

/// A message of the national orientation and the IAE pre-check
/// (`orientation::national`): each names its key in `core.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NationalMessage {
    /// The section's heading.
    Title,
    /// The pathway cannot be told yet.
    Unknown,
    /// Everything is known and the texts do not choose.
    Undecided,
    /// Before the facts that would tell it.
    ToKnow,
    /// Before the reasons.
    Why,
    /// The pathway, in words.
    Pathway(crate::orientation::pathway::Pathway),
    /// Who would follow the person.
    Organism(crate::orientation::pathway::Organism),
    /// Who decides; `None` while not known. Always said.
    Decision(Option<crate::orientation::pathway::Organism>),
    /// A criterion met, or not (`national-criterion-<id>[-not]`).
    Criterion { criterion: &'static str, met: bool },
    /// A body the person may ask (`national-hint-<organism>`).
    Hint(crate::orientation::pathway::Organism),
    /// The IAE pre-check's heading.
    IaeTitle,
    /// Who can refer without the criteria, and who must check them.
    IaeIntro,
    /// Before the criteria met and their papers.
    IaeMetTitle,
    /// Before the criteria to check with an adviser.
    IaeToCheck,
    /// Whether the count is reached for a kind of structure: `kind` is
    /// `aci-ei` or `ai-etti`, `status` `met`, `not_met` or `unknown`.
    IaeKind {
        kind: &'static str,
        status: &'static str,
    },
    /// A criterion's name (`iae-criterion-<id>`).
    IaeCriterion(&'static str),
    /// A criterion's proof (`iae-proof-<id>`).
    IaeProof(&'static str),
    /// A proof must be less than `months` months old.
    IaeProofWithin(u8),
    /// A proof must be valid on the day of hiring.
    IaeProofValid,
    /// A criterion, its proof and its validity, together.
    IaeCriterionProof {
        criterion: String,
        proof: String,
        validity: String,
    },
}

impl NationalMessage {
    /// The message in `locale`, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        self.parts().text(locale)
    }

    /// The message's key and the values of its placeables.
    pub fn parts(&self) -> Parts {
        match self {
            Self::Title => Parts::key("national-title"),
            Self::Unknown => Parts::key("national-unknown"),
            Self::Undecided => Parts::key("national-undecided"),
            Self::ToKnow => Parts::key("national-to-know"),
            Self::Why => Parts::key("national-why"),
            Self::Pathway(pathway) => Parts::key(format!("national-pathway-{}", pathway.name())),
            Self::Organism(body) => Parts::key(format!("national-organism-{}", body.name())),
            Self::Decision(Some(body)) => Parts::key(format!("national-decision-{}", body.name())),
            Self::Decision(None) => Parts::key("national-decision"),
            Self::Criterion { criterion, met } => {
                let not = if *met { "" } else { "-not" };
                Parts::key(format!("national-criterion-{criterion}{not}"))
            }
            Self::Hint(body) => Parts::key(format!("national-hint-{}", body.name())),
            Self::IaeTitle => Parts::key("iae-title"),
            Self::IaeIntro => Parts::key("iae-intro"),
            Self::IaeMetTitle => Parts::key("iae-met-title"),
            Self::IaeToCheck => Parts::key("iae-to-check"),
            Self::IaeKind { kind, status } => Parts::key(format!("iae-{kind}-{status}")),
            Self::IaeCriterion(id) => Parts::key(format!("iae-criterion-{id}")),
            Self::IaeProof(id) => Parts::key(format!("iae-proof-{id}")),
            Self::IaeProofWithin(months) => {
                Parts::with("iae-proof-within", [("months", months.to_string())])
            }
            Self::IaeProofValid => Parts::key("iae-proof-valid"),
            Self::IaeCriterionProof {
                criterion,
                proof,
                validity,
            } => Parts::with(
                "iae-criterion-proof",
                [
                    ("criterion", criterion.clone()),
                    ("proof", proof.clone()),
                    ("validity", validity.clone()),
                ],
            ),
        }
    }
}
