//! The pathways of the national orientation and the bodies of the Réseau
//! pour l'emploi that orient and follow a person (`orientation::national`).

use serde::Serialize;

/// The indicative pathway ("parcours").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pathway {
    /// "Parcours à vocation d'insertion professionnelle" (parcours emploi).
    Employment,
    /// "Parcours à vocation socio-professionnelle".
    SocioProfessional,
    /// "Parcours préalable à vocation d'insertion sociale".
    Social,
}

impl Pathway {
    /// Its name in JSON and in message keys.
    pub fn name(self) -> &'static str {
        match self {
            Pathway::Employment => "employment",
            Pathway::SocioProfessional => "socio_professional",
            Pathway::Social => "social",
        }
    }
}

/// A body of the Réseau pour l'emploi that orients or follows a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Organism {
    FranceTravail,
    MissionLocale,
    CapEmploi,
    /// The conseil départemental, or the body it designates (a CCAS, an
    /// association).
    Departement,
}

impl Organism {
    /// Its name in JSON and in message keys.
    pub fn name(self) -> &'static str {
        match self {
            Organism::FranceTravail => "france_travail",
            Organism::MissionLocale => "mission_locale",
            Organism::CapEmploi => "cap_emploi",
            Organism::Departement => "departement",
        }
    }
}
