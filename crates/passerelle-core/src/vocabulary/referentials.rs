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
        static CELLS: [OnceLock<Vec<Term>>; Referential::COUNT] =
            [const { OnceLock::new() }; Referential::COUNT];
        let json = match self {
            Referential::Themes => data_file!("data-inclusion/thematiques.json"),
            Referential::Publics => data_file!("data-inclusion/publics.json"),
            Referential::ServiceTypes => data_file!("data-inclusion/types-de-services.json"),
            Referential::Fees => data_file!("data-inclusion/frais.json"),
            Referential::MobilisationModes => data_file!("data-inclusion/modes-mobilisation.json"),
            Referential::Mobilisers => data_file!("data-inclusion/personnes-mobilisatrices.json"),
            Referential::ReceptionModes => data_file!("data-inclusion/modes-accueil.json"),
        };
        // The files are part of the crate and checked by a test: parsing cannot fail.
        CELLS[self.slot()].get_or_init(|| crate::base::json::read_text(json).unwrap_or_default())
    }

    /// How many referentials there are.
    const COUNT: usize = 7;

    /// The referential's place among the [`Referential::COUNT`], for the
    /// values worked out once per referential.
    fn slot(self) -> usize {
        match self {
            Referential::Themes => 0,
            Referential::Publics => 1,
            Referential::ServiceTypes => 2,
            Referential::Fees => 3,
            Referential::MobilisationModes => 4,
            Referential::Mobilisers => 5,
            Referential::ReceptionModes => 6,
        }
    }

    /// The referential's values, each with its position in
    /// [`Referential::terms`], made once: every entry of a catalogue has
    /// its types, themes and publics looked up (a linear scan of the 69
    /// themes, at 10,000 entries, took a tenth of a load; a binary search,
    /// comparing their long common beginnings such as
    /// `equipement-et-alimentation--`, a fiftieth).
    fn positions(self) -> &'static Positions {
        static CELLS: [OnceLock<Positions>; Referential::COUNT] =
            [const { OnceLock::new() }; Referential::COUNT];
        CELLS[self.slot()].get_or_init(|| {
            let mut positions = Positions::default();
            for (position, term) in self.terms().iter().enumerate() {
                // A value listed twice is found at its first position.
                positions.entry(term.value.as_str()).or_insert(position);
            }
            positions
        })
    }

    /// Whether `value` is one of the referential's values.
    pub fn contains(self, value: &str) -> bool {
        self.position(value).is_some()
    }

    /// Where `value` is in [`Referential::terms`].
    pub fn position(self, value: &str) -> Option<usize> {
        self.positions().get(value).copied()
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

/// Texts ordered by length, then by their bytes.
pub(crate) fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Each value of a referential, and its position.
type Positions =
    std::collections::HashMap<&'static str, usize, std::hash::BuildHasherDefault<WordHasher>>;

/// A hash of a few values known in advance (no input chooses them, so no
/// defence against collisions is needed), eight bytes at a time: a
/// referential's values are long (`trouver-un-emploi--repondre-a-des-offres-demploi`).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut add = |word: u64| {
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
        };
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            add(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            add(rest.iter().fold(0, |word, &b| word << 8 | u64::from(b)));
        }
    }

    fn finish(&self) -> u64 {
        self.0
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

    #[test]
    fn every_value_is_found_at_its_position_and_no_other_is() {
        for referential in [
            Referential::Themes,
            Referential::Publics,
            Referential::ServiceTypes,
            Referential::Fees,
            Referential::MobilisationModes,
            Referential::Mobilisers,
            Referential::ReceptionModes,
        ] {
            for (position, term) in referential.terms().iter().enumerate() {
                assert_eq!(referential.position(&term.value), Some(position));
            }
            for value in ["", "sante", "tous-publics ", "Jeunes", "zzz", "\u{0}"] {
                let listed = referential.terms().iter().any(|term| term.value == value);
                assert_eq!(referential.contains(value), listed, "{value:?}");
            }
        }
        assert!(Referential::Publics.contains("jeunes"));
        assert!(!Referential::Themes.contains("sante"));
    }
}
