//! What changed between two imports of the same territory: the entries
//! added, removed and changed (with the fields that differ), compared by
//! id, so that an editor can show what a new data·inclusion export brings
//! before it replaces the catalogue.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::catalogue::{Catalogue, Entry};

/// An entry in both catalogues whose fields differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changed {
    pub id: String,
    /// The top-level fields that differ, as the catalogue format names
    /// them (`access`, `last_verified`…), in the format's order.
    pub fields: Vec<&'static str>,
}

/// What changed from one catalogue to the next ([`changes_since`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportChanges {
    /// Ids only in the current catalogue, in its order.
    pub added: Vec<String>,
    /// Ids only in the previous catalogue, in its order.
    pub removed: Vec<String>,
    /// Entries in both whose fields differ, in the current catalogue's order.
    pub changed: Vec<Changed>,
    /// Entries in both, equal.
    pub unchanged: usize,
}

/// What changed from `previous` to `current` (two imports of a
/// territory, or any two catalogues), comparing entries by id.
///
/// ```
/// use passerelle_core::import::{changes_since, import_data_inclusion};
/// let records = |phone: &str, ids: &[&str]| {
///     let records: Vec<String> = ids.iter().map(|id| format!(
///         r#"{{"id": "{id}", "nom": "Atelier CV", "description": "Écrire son CV.",
///         "date_maj": "2026-10-01", "type": "atelier", "thematiques": ["numerique--acceder-a-une-connexion-internet"],
///         "frais": "gratuit", "zone_eligibilite": ["93"], "mobilisable_par": ["usagers"],
///         "modes_mobilisation": ["telephoner"], "telephone": "{phone}",
///         "lien_source": "https://dora.inclusion.beta.gouv.fr/services/1"}}"#)).collect();
///     import_data_inclusion(&format!("[{}]", records.join(","))).unwrap().catalogue
/// };
/// let before = records("01 23 45 67 89", &["dora--1", "dora--2"]);
/// let after = records("01 98 76 54 32", &["dora--2", "dora--3"]);
/// let changes = changes_since(&before, &after);
/// assert_eq!(changes.added, ["di-dora-3"]);
/// assert_eq!(changes.removed, ["di-dora-1"]);
/// assert_eq!(changes.changed[0].id, "di-dora-2");
/// assert_eq!(changes.changed[0].fields, ["access"]);
/// assert_eq!(changes.unchanged, 0);
/// ```
pub fn changes_since(previous: &Catalogue, current: &Catalogue) -> ImportChanges {
    let before: HashMap<&str, &Entry> = (previous.entries().iter().rev())
        .map(|entry| (entry.id.as_str(), entry))
        .collect();
    let now: HashSet<&str> = (current.entries().iter())
        .map(|entry| entry.id.as_str())
        .collect();
    let mut changes = ImportChanges::default();
    for entry in current.entries() {
        match before.get(entry.id.as_str()) {
            None => changes.added.push(entry.id.clone()),
            Some(old) => match differing(old, entry) {
                fields if fields.is_empty() => changes.unchanged += 1,
                fields => changes.changed.push(Changed {
                    id: entry.id.clone(),
                    fields,
                }),
            },
        }
    }
    changes.removed = (previous.entries().iter())
        .filter(|entry| !now.contains(entry.id.as_str()))
        .map(|entry| entry.id.clone())
        .collect();
    changes
}

/// The fields of `a` and `b` that differ. Every field is named below, so
/// a field added to [`Entry`] fails to compile here until it is compared
/// or said to be derived.
fn differing(a: &Entry, b: &Entry) -> Vec<&'static str> {
    let Entry {
        id: _,
        name,
        description,
        kind,
        types,
        themes,
        publics,
        eligibility,
        held_when,
        key_step,
        // Made from `zone`.
        zone_condition: _,
        eligibility_notes,
        zone,
        access,
        cost,
        urgent,
        documents,
        valid_from,
        valid_until,
        figures_valid,
        source_url,
        last_verified,
        // Its catalogue's, not the entry's.
        stale_after_months: _,
    } = a;
    let mut fields = Vec::new();
    macro_rules! compare {
        ($($field:ident),*) => {
            $(
                if *$field != b.$field {
                    fields.push(stringify!($field));
                }
            )*
        };
    }
    compare!(
        name,
        description,
        kind,
        types,
        themes,
        publics,
        eligibility,
        held_when,
        key_step,
        eligibility_notes,
        zone,
        access,
        cost,
        urgent,
        documents,
        valid_from,
        valid_until,
        figures_valid,
        source_url,
        last_verified
    );
    fields
}
