//! A structure imports the national data·inclusion export filtered to its
//! territory, then a later export, and sees what changed (the catalogue
//! editor). Read from `tests/fixtures/data-inclusion-93*.json`: fictional
//! services of Seine-Saint-Denis shaped as the published schema v1.0.8.

use std::path::Path;

use passerelle_core::import::{changes_since, Changed, DataInclusionImport, Import};
use passerelle_core::rules::Zone;
use serde_json::{json, Value as Json};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn territory(zone: Json) -> Zone {
    let mut problems = Vec::new();
    let zone = Zone::parse(&zone, "$", &mut problems).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    zone
}

fn import_within(name: &str, zone: Json) -> Import {
    let mut import = DataInclusionImport::within(&territory(zone));
    let report = import.add(&fixture(name)).unwrap();
    let import = import.finish();
    assert_eq!(report.outside, import.outside);
    assert_eq!(report.report, import.report);
    import
}

fn ids(import: &Import) -> Vec<&str> {
    (import.catalogue.entries().iter())
        .map(|entry| entry.id.as_str())
        .collect()
}

fn codes_and_paths(import: &Import) -> Vec<(&str, &str)> {
    (import.report.iter())
        .map(|p| (p.code, p.path.as_str()))
        .collect()
}

/// The 93 services, as an advisor of Seine-Saint-Denis expects them.
const SERVICES_OF_93: [&str; 14] = [
    "di-dora-permanence-acces-aux-droits-saint-denis-k3x9",
    "di-dora-atelier-numerique-mediatheque-saint-denis-p2m7",
    "di-soliguide-48211",
    "di-dora-accueil-de-jour-bobigny-r8t1",
    "di-dora-conseil-budget-ccas-bobigny-h4n6",
    "di-dora-adil-93-information-logement-b5c2",
    "di-emplois-de-linclusion-9021",
    "di-soliguide-51763",
    "di-dora-cours-de-francais-aubervilliers-w9q3",
    "di-soliguide-50390",
    "di-dora-point-ecoute-jeunes-montreuil-f6d8",
    "di-dora-mission-locale-aide-au-permis-e2v5",
    // An EPCI code beside its commune: imported, the EPCI code reported.
    "di-dora-plie-plaine-commune-accompagnement-j7s4",
    // Free-text conditions: imported, as notes, and reported.
    "di-dora-aide-financiere-ccas-saint-denis-m1z8",
];

const NATIONAL: &str = "di-dora-aidants-connect-demarches-en-ligne-y8r2";

#[test]
fn a_department_gets_its_services_and_the_national_ones_not_its_neighbours() {
    let import = import_within("data-inclusion-93.json", json!({"departments": ["93"]}));
    let mut expected = SERVICES_OF_93.to_vec();
    expected.push(NATIONAL);
    assert_eq!(ids(&import), expected);
    // Paris (a commune, the department) and Val-de-Marne: counted, not reported.
    assert_eq!(import.outside, 3);
    assert!(
        !(import.report.iter()).any(|p| p.path.contains("$[19]")
            || p.path.contains("$[20]")
            || p.path.contains("$[21]")),
        "{:#?}",
        import.report
    );
    // What could not be carried over, each at its record.
    assert_eq!(
        codes_and_paths(&import),
        [
            ("unmapped_zone_code", "chunk 1: $[12].zone_eligibilite[1]"),
            ("conditions_not_encoded", "chunk 1: $[13]"),
            // No thematiques.
            ("record_not_imported", "chunk 1: $[14]"),
            // No nom.
            ("record_not_imported", "chunk 1: $[15]"),
            // remobilisation--sport-sante is not a theme of the referential.
            ("not_in_referential", "chunk 1: $[16].themes"),
            // No zone, in Montreuil: of the territory, but an entry needs a zone.
            ("record_not_imported", "chunk 1: $[17]"),
            // No zone and no commune: where is it?
            ("unknown_territory", "chunk 1: $[18]"),
        ]
    );
    let said = |code: &str| {
        (import.report.iter())
            .find(|p| p.code == code)
            .unwrap()
            .message
            .clone()
    };
    assert!(said("unmapped_zone_code").contains("200057867"));
    assert!(said("record_not_imported").contains("thematiques"));
    assert!(import.report[3].message.contains("nom"));
    assert!(said("not_in_referential").contains("remobilisation--sport-sante"));
    assert!(said("unknown_territory").contains("code_insee"));
    // The free-text conditions are kept for the advisor to read.
    let ccas = import
        .catalogue
        .entry("di-dora-aide-financiere-ccas-saint-denis-m1z8")
        .unwrap();
    let notes = ccas.eligibility_notes.as_ref().unwrap();
    assert!(
        notes
            .get(passerelle_core::Locale::Fr)
            .contains("Quotient familial"),
        "{notes:?}"
    );
    // The EPCI's service keeps its commune.
    let plie = import
        .catalogue
        .entry("di-dora-plie-plaine-commune-accompagnement-j7s4")
        .unwrap();
    assert_eq!(plie.zone.communes().iter().collect::<Vec<_>>(), ["93066"]);
    assert!(import.catalogue.entry(NATIONAL).unwrap().zone.is_national());
}

#[test]
fn a_commune_gets_its_own_services_those_of_its_whole_department_and_the_national_ones() {
    let import = import_within("data-inclusion-93.json", json!({"communes": ["93066"]}));
    assert_eq!(
        ids(&import),
        [
            "di-dora-permanence-acces-aux-droits-saint-denis-k3x9",
            "di-dora-atelier-numerique-mediatheque-saint-denis-p2m7",
            "di-soliguide-48211",
            // Zone: all of 93.
            "di-dora-adil-93-information-logement-b5c2",
            "di-emplois-de-linclusion-9021",
            // Zone: Aubervilliers and Saint-Denis.
            "di-dora-cours-de-francais-aubervilliers-w9q3",
            "di-dora-mission-locale-aide-au-permis-e2v5",
            "di-dora-plie-plaine-commune-accompagnement-j7s4",
            "di-dora-aide-financiere-ccas-saint-denis-m1z8",
            NATIONAL,
        ]
    );
    // Bobigny's, Aubervilliers' and Montreuil's own services (refused
    // ones too: only Saint-Denis's are reported), Paris and Val-de-Marne.
    assert_eq!(import.outside, 12);
    let codes: Vec<&str> = import.report.iter().map(|p| p.code).collect();
    assert_eq!(
        codes,
        [
            "unmapped_zone_code",
            "conditions_not_encoded",
            "unknown_territory"
        ]
    );
}

#[test]
fn departments_and_communes_together_and_every_record_is_accounted_for() {
    let records = serde_json::from_str::<Vec<Json>>(&fixture("data-inclusion-93.json"))
        .unwrap()
        .len();
    for zone in [
        json!({"departments": ["93"]}),
        json!({"communes": ["93066"]}),
        json!({"departments": ["75"], "communes": ["93048"]}),
        json!({"regions": ["11"]}),
        json!({"national": true}),
    ] {
        let mut import = DataInclusionImport::within(&territory(zone.clone()));
        let report = import.add(&fixture("data-inclusion-93.json")).unwrap();
        // Each record is an entry, outside, or reported at its own path.
        let reported: std::collections::BTreeSet<&str> = (report.report.iter())
            .filter(|p| p.code != "unmapped_zone_code" && p.code != "conditions_not_encoded")
            .map(|p| p.path.split(['.', ' ']).nth(2).unwrap_or(&p.path))
            .collect();
        assert_eq!(
            report.imported + report.outside + reported.len(),
            records,
            "{zone}: {:#?}",
            report.report
        );
    }
    // Paris and Montreuil: Paris's two services and Montreuil's.
    let import = import_within(
        "data-inclusion-93.json",
        json!({"departments": ["75"], "communes": ["93048"]}),
    );
    assert_eq!(
        ids(&import),
        [
            "di-dora-adil-93-information-logement-b5c2",
            "di-emplois-de-linclusion-9021",
            "di-soliguide-50390",
            "di-dora-point-ecoute-jeunes-montreuil-f6d8",
            "di-dora-mission-locale-aide-au-permis-e2v5",
            "di-dora-permanence-juridique-paris-18-a4g2",
            "di-soliguide-46120",
            NATIONAL,
        ]
    );
}

#[test]
fn an_import_without_territory_keeps_every_record_and_counts_none_outside() {
    let mut import = DataInclusionImport::new();
    let report = import.add(&fixture("data-inclusion-93.json")).unwrap();
    assert_eq!((report.imported, report.outside), (18, 0));
    assert!(!report.report.iter().any(|p| p.code == "unknown_territory"));
    assert_eq!(import.finish().outside, 0);
}

#[test]
fn a_later_export_says_what_was_added_removed_and_changed() {
    let zone = json!({"departments": ["93"]});
    let before = import_within("data-inclusion-93.json", zone.clone());
    let after = import_within("data-inclusion-93-later.json", zone);
    let changes = changes_since(&before.catalogue, &after.catalogue);
    assert_eq!(changes.added, ["di-dora-repair-cafe-montreuil-l2p6"]);
    assert_eq!(changes.removed, ["di-soliguide-50390"]);
    assert_eq!(
        changes.changed,
        [Changed {
            id: "di-dora-conseil-budget-ccas-bobigny-h4n6".into(),
            fields: vec!["access", "last_verified"],
        }]
    );
    assert_eq!(changes.unchanged, before.catalogue.entries().len() - 2);
    // Nothing changed from an export to itself.
    let same = changes_since(&after.catalogue, &after.catalogue);
    assert!(same.added.is_empty() && same.removed.is_empty() && same.changed.is_empty());
    assert_eq!(same.unchanged, after.catalogue.entries().len());
    // As the wasm shell hands it to JavaScript.
    assert_eq!(
        serde_json::to_value(&changes).unwrap(),
        json!({
            "added": ["di-dora-repair-cafe-montreuil-l2p6"],
            "removed": ["di-soliguide-50390"],
            "changed": [{"id": "di-dora-conseil-budget-ccas-bobigny-h4n6", "fields": ["access", "last_verified"]}],
            "unchanged": 13,
        })
    );
}
