//! Import of data·inclusion v1 service records (schema v1.0.8) into
//! catalogue entries.
//!
//! Each record becomes a `service` entry checked like any catalogue entry.
//! What cannot be mapped is reported, never dropped silently: a record
//! that lacks what an entry requires is refused with its reasons, and the
//! parts of an imported record that have no place in an entry (EPCI codes,
//! free-text access conditions that are not rules) are listed.

use serde_json::{json, Map, Value as Json};

use crate::base::problem::Problem;
use crate::catalogue::{parse_entry, Catalogue, Entry};

mod changes;
mod chunks;
mod territory;

pub use changes::{changes_since, Changed, ImportChanges};
pub use chunks::{ChunkReport, DataInclusionImport, MAX_IMPORT_ENTRIES};

/// The result of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The entries imported, as a catalogue.
    pub catalogue: Catalogue,
    /// Records refused, and parts of records not carried over.
    pub report: Vec<Problem>,
    /// Records left out because they do not serve the import's territory
    /// ([`DataInclusionImport::within`]); 0 for an import without one.
    pub outside: usize,
}

/// What the id of every entry imported from data·inclusion begins with.
pub const IMPORTED_ID_PREFIX: &str = "di-";

/// A slug for a data·inclusion id (`dora--42` → `di-dora-42`).
fn slug(id: &str) -> String {
    let mut slug = String::from("di");
    for part in id
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
    {
        slug.push('-');
        slug.push_str(part);
    }
    slug
}

fn text(record: &Map<String, Json>, key: &str) -> Option<String> {
    record
        .get(key)
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

fn list(record: &Map<String, Json>, key: &str) -> Vec<Json> {
    record
        .get(key)
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default()
}

/// The list at `key`, if it has at least one item.
fn non_empty_list(record: &Map<String, Json>, key: &str) -> Option<Json> {
    Some(list(record, key))
        .filter(|items| !items.is_empty())
        .map(Json::from)
}

/// Maps `zone_eligibilite` to a zone, reporting codes it cannot use.
fn zone(record: &Map<String, Json>, path: &str, report: &mut Vec<Problem>) -> Option<Json> {
    let codes = list(record, "zone_eligibilite");
    if codes.is_empty() {
        return None;
    }
    let (mut communes, mut departments) = (Vec::new(), Vec::new());
    for (i, code) in codes.iter().enumerate() {
        let code = code.as_str().unwrap_or("");
        match code.len() {
            _ if code == "france" || code == "99100" => return Some(json!({"national": true})),
            // `99xxx` is a country (schema v1.0.8), not a commune.
            5 if !code.starts_with("99") => communes.push(code.to_owned()),
            2 | 3 => departments.push(code.to_owned()),
            _ => report.push(Problem::new(
                "unmapped_zone_code",
                &format!("{path}.zone_eligibilite[{i}]"),
                format!(
                    "\"{code}\" (an EPCI or foreign country code) cannot be used: \
                     list the communes or departments instead."
                ),
            )),
        }
    }
    if communes.is_empty() && departments.is_empty() {
        return None;
    }
    let mut zone = Map::new();
    if !communes.is_empty() {
        zone.insert("communes".into(), json!(communes));
    }
    if !departments.is_empty() {
        zone.insert("departments".into(), json!(departments));
    }
    Some(Json::Object(zone))
}

/// The catalogue entry of one data·inclusion service record at `path`,
/// or `None` when it is refused; either way, what is refused or not
/// carried over goes to `report`.
fn entry_of(record: &Json, path: &str, report: &mut Vec<Problem>) -> Option<Entry> {
    let Some(record) = record.as_object() else {
        report.push(Problem::new(
            "wrong_type",
            path,
            "A service record is a JSON object.",
        ));
        return None;
    };
    let mut refused = Vec::new();
    let mut required = |key: &str, value: Option<Json>, why: &str| {
        if value.is_none() {
            refused.push(format!("{key} ({why})"));
        }
        value
    };
    let id = required(
        "id",
        text(record, "id").map(|id| Json::from(slug(&id))),
        "no id",
    );
    let name = required(
        "nom",
        text(record, "nom").map(|n| json!({"fr": n})),
        "no name",
    );
    let description = required(
        "description",
        text(record, "description").map(|d| json!({"fr": d})),
        "no description",
    );
    let types = required(
        "type",
        text(record, "type").map(|t| json!([t])),
        "the service type is needed",
    );
    let themes = required(
        "thematiques",
        non_empty_list(record, "thematiques"),
        "at least one theme is needed to match needs",
    );
    let cost = required(
        "frais",
        text(record, "frais").map(Json::from),
        "free or paid is needed",
    );
    let through = required(
        "mobilisable_par",
        non_empty_list(record, "mobilisable_par"),
        "who can ask is needed",
    );
    let modes = required(
        "modes_mobilisation",
        non_empty_list(record, "modes_mobilisation"),
        "how to ask is needed",
    );
    let source_url = required(
        "lien_source",
        text(record, "lien_source").map(Json::from),
        "the source link is needed",
    );
    let last_verified = required(
        "date_maj",
        text(record, "date_maj").map(Json::from),
        "the update date is needed",
    );
    let zone = required(
        "zone_eligibilite",
        zone(record, path, report),
        "a usable zone is needed",
    );
    if !refused.is_empty() {
        report.push(Problem::new(
            "record_not_imported",
            path,
            format!("Not imported, missing or unusable: {}.", refused.join("; ")),
        ));
        return None;
    }
    let publics = match list(record, "publics") {
        publics if publics.is_empty() => json!(["tous-publics"]),
        publics => json!(publics),
    };
    let notes: Vec<String> = ["publics_precisions", "conditions_acces", "frais_precisions"]
        .iter()
        .filter_map(|key| text(record, key))
        .collect();
    if !notes.is_empty() {
        report.push(Problem::new(
            "conditions_not_encoded",
            path,
            "Free-text conditions are kept as notes, not as rules: check them and write rules if they decide eligibility.",
        ));
    }
    let mut access = Map::new();
    access.insert("through".into(), through.unwrap_or_default());
    access.insert("modes".into(), modes.unwrap_or_default());
    for (from, to) in [
        ("telephone", "phone"),
        ("courriel", "email"),
        ("lien_mobilisation", "url"),
    ] {
        if let Some(value) = text(record, from) {
            access.insert(to.into(), Json::from(value));
        }
    }
    if let Some(details) = text(record, "mobilisation_precisions") {
        access.insert("details".into(), json!({"fr": details}));
    }
    let mut entry = json!({
        "id": id, "name": name, "description": description, "kind": "service",
        "types": types, "themes": themes, "publics": publics, "zone": zone,
        "access": access, "cost": cost, "source_url": source_url, "last_verified": last_verified,
    });
    if !notes.is_empty() {
        entry["eligibility_notes"] = json!({"fr": notes.join("\n")});
    }
    let before = report.len();
    let entry = parse_entry(&entry, path, report);
    if entry.is_none() && report.len() == before {
        report.push(Problem::new("record_not_imported", path, "Not imported."));
    }
    entry
}

/// Imports a JSON list of data·inclusion service records: the import of
/// one chunk ([`DataInclusionImport`]), the problems' paths `$[i]…`.
///
/// ```
/// use passerelle_core::import::import_data_inclusion;
/// let records = r#"[{
///   "source": "dora", "structure_id": "dora--1", "id": "dora--42",
///   "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.",
///   "date_maj": "2026-10-01", "type": "atelier",
///   "thematiques": ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
///   "publics": ["demandeurs-emploi"], "frais": "gratuit",
///   "zone_eligibilite": ["93", "200054781"],
///   "mobilisable_par": ["usagers"], "modes_mobilisation": ["telephoner"],
///   "telephone": "01 23 45 67 89", "lien_source": "https://dora.inclusion.beta.gouv.fr/services/42",
///   "conditions_acces": "Être inscrit à France Travail."
/// }]"#;
/// let import = import_data_inclusion(records).unwrap();
/// assert_eq!(import.catalogue.entries()[0].id, "di-dora-42");
/// let reported: Vec<_> = import.report.iter().map(|p| p.code).collect();
/// assert_eq!(reported, ["unmapped_zone_code", "conditions_not_encoded"]);
/// ```
pub fn import_data_inclusion(json: &str) -> Result<Import, Vec<Problem>> {
    let value = crate::base::json::parse_document(json).map_err(|problem| vec![problem])?;
    let Some(records) = value.as_array() else {
        return Err(vec![Problem::new(
            "wrong_type",
            "$",
            "Expected a JSON list of data·inclusion service records.",
        )]);
    };
    let mut import = DataInclusionImport::new();
    let mut chunk = ChunkReport::default();
    for (i, record) in records.iter().enumerate() {
        import.read(record, format!("$[{i}]"), &mut chunk);
    }
    import.report = chunk.report;
    Ok(import.finish())
}
