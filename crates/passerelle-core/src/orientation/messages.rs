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
