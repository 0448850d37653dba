//! The data·inclusion referentials: themes, publics, service types, fees,
//! mobilisation modes and who may mobilise.
//!
//! Source : data·inclusion — schéma v1.0.8, GIP Plateforme de l'inclusion.
//! Licence Ouverte 2.0 (Etalab): the files in `data/data-inclusion/` are
//! copied unchanged, with their NOTICE.

use std::sync::OnceLock;

use serde::Deserialize;

/// One value of a referential, with its French label.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Term {
    pub value: String,
    pub label: String,
    pub description: Option<String>,
}

/// The referentials Passerelle uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referential {
    /// `thematiques`: 69 themes in 16 categories (`category--subtheme`).
    Themes,
    /// `publics`.
    Publics,
    /// `types-de-services`.
    ServiceTypes,
    /// `frais`.
    Fees,
    /// `modes-mobilisation`.
    MobilisationModes,
    /// `personnes-mobilisatrices`.
    Mobilisers,
    /// `modes-accueil`.
    ReceptionModes,
}

/// The attribution to show wherever the referentials are shipped.
pub const ATTRIBUTION: &str =
    "Source : data·inclusion — schéma v1.0.8, GIP Plateforme de l'inclusion (Licence Ouverte 2.0)";

impl Referential {
    /// Every term of the referential, in the file's order.
    ///
    /// ```
    /// use passerelle_core::referentials::Referential;
    /// assert_eq!(Referential::Themes.terms().len(), 69);
    /// assert!(Referential::Publics.contains("jeunes"));
    /// ```
    pub fn terms(self) -> &'static [Term] {
        static CELLS: [OnceLock<Vec<Term>>; 7] = [const { OnceLock::new() }; 7];
        let (index, json) = match self {
            Referential::Themes => (0, data_file!("data-inclusion/thematiques.json")),
            Referential::Publics => (1, data_file!("data-inclusion/publics.json")),
            Referential::ServiceTypes => (2, data_file!("data-inclusion/types-de-services.json")),
            Referential::Fees => (3, data_file!("data-inclusion/frais.json")),
            Referential::MobilisationModes => {
                (4, data_file!("data-inclusion/modes-mobilisation.json"))
            }
            Referential::Mobilisers => (
                5,
                data_file!("data-inclusion/personnes-mobilisatrices.json"),
            ),
            Referential::ReceptionModes => (6, data_file!("data-inclusion/modes-accueil.json")),
        };
        // The files are part of the crate and checked by a test: parsing cannot fail.
        CELLS[index].get_or_init(|| crate::base::json::read_text(json).unwrap_or_default())
    }

    /// Whether `value` is one of the referential's values.
    pub fn contains(self, value: &str) -> bool {
        self.position(value).is_some()
    }

    /// Where `value` is in [`Referential::terms`].
    pub fn position(self, value: &str) -> Option<usize> {
        self.terms().iter().position(|term| term.value == value)
    }

    /// The French label of `value`, if it is in the referential.
    pub fn label(self, value: &str) -> Option<&'static str> {
        self.terms()
            .iter()
            .find(|term| term.value == value)
            .map(|term| term.label.as_str())
    }

    /// The referential's name in data·inclusion.
    pub fn name(self) -> &'static str {
        match self {
            Referential::Themes => "thematiques",
            Referential::Publics => "publics",
            Referential::ServiceTypes => "types-de-services",
            Referential::Fees => "frais",
            Referential::MobilisationModes => "modes-mobilisation",
            Referential::Mobilisers => "personnes-mobilisatrices",
            Referential::ReceptionModes => "modes-accueil",
        }
    }
}

/// The category of a theme: `sante--acces-aux-soins` → `sante`.
pub fn theme_category(theme: &str) -> &str {
    theme
        .split_once("--")
        .map_or(theme, |(category, _)| category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_referential_parses_with_its_expected_size() {
        for (referential, size) in [
            (Referential::Themes, 69),
            (Referential::Publics, 14),
            (Referential::ServiceTypes, 6),
            (Referential::Fees, 2),
            (Referential::MobilisationModes, 4),
            (Referential::Mobilisers, 2),
            (Referential::ReceptionModes, 2),
        ] {
            assert_eq!(referential.terms().len(), size, "{}", referential.name());
        }
        let categories: std::collections::BTreeSet<_> = Referential::Themes
            .terms()
            .iter()
            .map(|term| theme_category(&term.value))
            .collect();
        assert_eq!(categories.len(), 16);
    }
}
