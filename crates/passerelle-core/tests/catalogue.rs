//! Catalogue loading, the shipped catalogues, validity dates and the
//! data·inclusion import.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::import::import_data_inclusion;
use passerelle_core::orientation::{orient, Eligibility, Need, Priority, Request};
use passerelle_core::referentials::{theme_category, Referential};
use passerelle_core::Locale;

fn problems(json: &str) -> Vec<(&'static str, String)> {
    Catalogue::from_json(json)
        .unwrap_err()
        .into_iter()
        .map(|problem| (problem.code, problem.path))
        .collect()
}

#[test]
fn a_broken_catalogue_gets_every_problem_with_its_path() {
    let found = problems(include_str!("fixtures/broken-catalogue.json"));
    let expected: Vec<(&str, String)> = [
        ("missing_translation", "$.entries[0].name"),
        ("empty_list", "$.entries[0].themes"),
        ("not_in_referential", "$.entries[0].types"),
        ("tous_publics_not_alone", "$.entries[0].publics"),
        ("missing_access_detail", "$.entries[0].access"),
        ("not_https_url", "$.entries[0].access.url"),
        ("impossible_period", "$.entries[0]"),
        ("impossible_bounds", "$.entries[0].eligibility.all[0].age"),
        (
            "unknown_fact",
            "$.entries[0].eligibility.all[1].equals.fact",
        ),
        (
            "not_allowed",
            "$.entries[0].eligibility.all[2].in.values[0]",
        ),
        ("invalid_code", "$.entries[0].zone.departments[1]"),
        ("duplicate_id", "$.entries[1].id"),
        ("invalid_entry", "$.entries[2]"),
    ]
    .into_iter()
    .map(|(code, path)| (code, path.to_owned()))
    .collect();
    let mut found_sorted = found.clone();
    found_sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(found_sorted, expected_sorted, "found: {found:#?}");
}

#[test]
fn the_national_catalogue_covers_what_it_must() {
    let catalogue = Catalogue::national();
    assert!(
        catalogue.entries().len() >= 60,
        "{} entries",
        catalogue.entries().len()
    );
    assert!(!catalogue.fictional);
    for id in [
        "contrat-engagement-jeune",
        "mission-locale",
        "cap-emploi",
        "france-travail-inscription",
        "service-civique",
        "ecole-deuxieme-chance",
        "epide",
        "iae-pass-inclusion",
        "compte-personnel-formation",
        "permis-1-euro",
        "point-conseil-budget",
        "surendettement-banque-de-france",
        "complementaire-sante-solidaire",
        "pass-acces-soins",
        "urgence-115",
        "violences-femmes-info-3919",
        "france-services",
        "rsa",
        "prime-activite",
        "fonds-solidarite-logement",
        "visale",
        "contrat-integration-republicaine",
        "rqth-mdph",
        "agepi",
    ] {
        assert!(catalogue.entry(id).is_some(), "{id} is missing");
    }
    let categories: std::collections::BTreeSet<&str> = catalogue
        .entries()
        .iter()
        .flat_map(|entry| entry.themes.iter().map(|theme| theme_category(theme)))
        .collect();
    let all: std::collections::BTreeSet<&str> = Referential::Themes
        .terms()
        .iter()
        .map(|term| theme_category(&term.value))
        .collect();
    assert_eq!(categories, all, "every data·inclusion category is covered");
    for entry in catalogue.entries() {
        assert!(entry.source_url.starts_with("https://"), "{}", entry.id);
    }
}

#[test]
fn the_demo_catalogue_is_marked_fictional_and_merges() {
    let local = Catalogue::demo_local();
    assert!(local.fictional);
    let merged = Catalogue::national().merged_with(&local);
    assert!(merged.fictional);
    assert_eq!(
        merged.entries().len(),
        Catalogue::national().entries().len() + local.entries().len()
    );
}

#[test]
fn entries_out_of_their_validity_period_are_left_out() {
    let json = r#"{"format_version": 1, "id": "t", "name": "t", "entries": [
      {"id": "old", "name": {"fr": "Ancien"}, "description": {"fr": "Fini."}, "kind": "scheme",
       "types": ["information"], "themes": ["numerique--acceder-a-une-connexion-internet"],
       "publics": ["tous-publics"], "zone": {"national": true},
       "access": {"through": ["usagers"], "modes": ["se-presenter"]}, "cost": "gratuit",
       "valid_until": "2026-06-30",
       "source_url": "https://www.service-public.fr/", "last_verified": "2026-01-10"},
      {"id": "future", "name": {"fr": "Futur"}, "description": {"fr": "Bientôt."}, "kind": "scheme",
       "types": ["information"], "themes": ["numerique--acceder-a-une-connexion-internet"],
       "publics": ["tous-publics"], "zone": {"national": true},
       "access": {"through": ["usagers"], "modes": ["se-presenter"]}, "cost": "gratuit",
       "valid_from": "2027-01-01",
       "source_url": "https://www.service-public.fr/", "last_verified": "2026-01-10"}]}"#;
    let catalogue = Catalogue::from_json(json).unwrap();
    let facts = Facts::new();
    let needs = [Need {
        theme: "numerique".into(),
        priority: Priority::Normal,
        alerts: Vec::new(),
    }];
    let at = |date: &str| {
        let orientation = orient(
            &catalogue,
            &Request {
                facts: &facts,
                needs: &needs,
                reference_date: Date::parse(date).unwrap(),
                locale: Locale::Fr,
                explain: false,
            },
        )
        .unwrap();
        orientation
            .evaluations
            .iter()
            .map(|evaluation| evaluation.entry.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(at("2026-06-30"), ["old"]);
    assert!(at("2026-07-01").is_empty());
    assert_eq!(at("2027-01-01"), ["future"]);
}

#[test]
fn urgent_needs_bring_emergency_contacts_first() {
    let catalogue = Catalogue::national();
    let facts = Facts::from_json(r#"{"housing": "homeless", "postal_code": "75011"}"#).unwrap();
    let needs = [Need {
        theme: "logement-hebergement".into(),
        priority: Priority::Urgent,
        alerts: Vec::new(),
    }];
    let orientation = orient(
        &catalogue,
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date: Date::parse("2026-11-26").unwrap(),
            locale: Locale::Fr,
            explain: true,
        },
    )
    .unwrap();
    assert!(orientation.urgent_contacts.contains(&"urgence-115"));
    let first = &orientation.needs[0].proposals[0];
    assert_eq!(first.id, "urgence-115");
    assert_eq!(first.status, Eligibility::Eligible);
}

#[test]
fn unknown_needs_are_refused() {
    let facts = Facts::new();
    let needs = [Need {
        theme: "astrologie".into(),
        priority: Priority::Normal,
        alerts: Vec::new(),
    }];
    let problem = orient(
        &Catalogue::national(),
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date: Date::parse("2026-11-26").unwrap(),
            locale: Locale::Fr,
            explain: false,
        },
    )
    .unwrap_err();
    assert_eq!(
        (problem.code, problem.path.as_str()),
        ("unknown_theme", "$.needs[0].theme")
    );
}

#[test]
fn import_refuses_incomplete_records_and_reports_why() {
    let records = r#"[
      {"source": "dora", "structure_id": "dora--1", "id": "dora--1", "nom": "Sans frais",
       "description": "Pas de frais indiqués.", "date_maj": "2026-10-01", "type": "information",
       "thematiques": ["numerique--acceder-a-une-connexion-internet"], "zone_eligibilite": ["france"],
       "mobilisable_par": ["usagers"], "modes_mobilisation": ["se-presenter"],
       "lien_source": "https://dora.inclusion.beta.gouv.fr/services/1"},
      {"source": "dora", "structure_id": "dora--1", "id": "dora--2", "nom": "Complet",
       "description": "Tout y est.", "date_maj": "2026-10-01", "type": "information",
       "thematiques": ["numerique--acceder-a-une-connexion-internet"], "zone_eligibilite": ["200054781"],
       "frais": "gratuit", "mobilisable_par": ["usagers"], "modes_mobilisation": ["se-presenter"],
       "lien_source": "https://dora.inclusion.beta.gouv.fr/services/2"},
      "not a record"
    ]"#;
    let import = import_data_inclusion(records).unwrap();
    assert!(import.catalogue.entries().is_empty());
    let report: Vec<(&str, &str)> = import
        .report
        .iter()
        .map(|problem| (problem.code, problem.path.as_str()))
        .collect();
    assert_eq!(
        report,
        [
            ("record_not_imported", "$[0]"),
            ("unmapped_zone_code", "$[1].zone_eligibilite[0]"),
            ("record_not_imported", "$[1]"),
            ("wrong_type", "$[2]"),
        ]
    );
    assert!(import.report[0].message.contains("frais"));
}

#[test]
fn import_reports_a_foreign_country_code_and_never_takes_it_for_a_commune() {
    // Schema v1.0.8: `99xxx` is a country (`99134`: Spain), five digits
    // like a commune; only `99100` (France) means national.
    let records = r#"[{"source": "dora", "structure_id": "dora--1", "id": "dora--1",
       "nom": "Retour en France", "description": "S’installer après des années à l’étranger.",
       "date_maj": "2026-10-01", "type": "information",
       "thematiques": ["souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france"],
       "zone_eligibilite": ["93048", "99134"], "frais": "gratuit",
       "mobilisable_par": ["usagers"], "modes_mobilisation": ["se-presenter"],
       "lien_source": "https://dora.inclusion.beta.gouv.fr/services/1"}]"#;
    let import = import_data_inclusion(records).unwrap();
    let zone = &import.catalogue.entries()[0].zone;
    assert_eq!(zone.communes().iter().collect::<Vec<_>>(), ["93048"]);
    let report: Vec<(&str, &str)> = (import.report.iter())
        .map(|problem| (problem.code, problem.path.as_str()))
        .collect();
    assert_eq!(report, [("unmapped_zone_code", "$[0].zone_eligibilite[1]")]);
}

#[test]
fn the_json_schema_lists_the_same_vocabularies_as_the_engine() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../catalogue.schema.json")).unwrap();
    let strings = |value: &serde_json::Value| -> std::collections::BTreeSet<String> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item.as_str().unwrap().to_owned())
            .collect()
    };
    let terms = |referential: Referential| -> std::collections::BTreeSet<String> {
        referential
            .terms()
            .iter()
            .map(|term| term.value.clone())
            .collect()
    };
    let entry = &schema["$defs"]["entry"]["properties"];
    assert_eq!(
        strings(&entry["themes"]["items"]["enum"]),
        terms(Referential::Themes)
    );
    assert_eq!(
        strings(&entry["publics"]["items"]["enum"]),
        terms(Referential::Publics)
    );
    assert_eq!(
        strings(&entry["types"]["items"]["enum"]),
        terms(Referential::ServiceTypes)
    );
    assert_eq!(strings(&entry["cost"]["enum"]), terms(Referential::Fees));
    // Every fact that a condition may name in the schema is a fact of the engine.
    let conditions = schema["$defs"]["condition"]["oneOf"].as_array().unwrap();
    let mut named = std::collections::BTreeSet::new();
    for condition in conditions {
        for (_, body) in condition["properties"].as_object().unwrap() {
            if let Some(facts) = body["properties"]["fact"]["enum"].as_array() {
                named.extend(facts.iter().map(|f| f.as_str().unwrap().to_owned()));
            }
        }
    }
    for name in &named {
        assert!(
            passerelle_core::facts::Fact::from_name(name).is_some(),
            "{name}"
        );
    }
    assert!(named.len() >= 20, "{named:?}");
}

#[test]
fn urgent_contacts_are_the_emergency_lines_of_the_urgent_needs_only() {
    let catalogue = Catalogue::national();
    let facts = Facts::from_json(r#"{"postal_code": "93200"}"#).unwrap();
    let contacts = |themes: &[(&str, Priority)]| -> Vec<String> {
        let needs: Vec<Need> = themes
            .iter()
            .map(|(theme, priority)| Need {
                theme: (*theme).into(),
                priority: *priority,
                alerts: Vec::new(),
            })
            .collect();
        let request = Request {
            facts: &facts,
            needs: &needs,
            reference_date: Date::parse("2026-11-27").unwrap(),
            locale: Locale::Fr,
            explain: false,
        };
        let orientation = orient(&catalogue, &request).unwrap();
        orientation
            .urgent_contacts
            .iter()
            .map(|id| (*id).to_owned())
            .collect()
    };
    const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
    const VIOLENCE: &str = "famille--surmonter-conflits-separation-violence";
    const CARE: &str = "sante--acces-aux-soins";
    assert_eq!(contacts(&[(SHELTER, Priority::Urgent)]), ["urgence-115"]);
    assert_eq!(
        contacts(&[(VIOLENCE, Priority::Urgent)]),
        [
            "violences-femmes-info-3919",
            "allo-enfance-119",
            "urgences-112"
        ]
    );
    // Only the lines of the need's very theme: urgent care is the 15 and
    // the 112, not the suicide prevention line (another health theme).
    assert_eq!(
        contacts(&[(CARE, Priority::Urgent)]),
        ["samu-15", "urgences-112"]
    );
    // Hungry today: no emergency line addresses it; the need's own
    // proposals come first in its section.
    assert!(contacts(&[("equipement-et-alimentation--alimentation", Priority::Urgent)]).is_empty());
    // The same needs, not urgent: no emergency line at all.
    assert!(contacts(&[(SHELTER, Priority::High), (VIOLENCE, Priority::Normal)]).is_empty());
}

#[test]
fn what_the_person_has_and_key_steps_are_checked_like_rules() {
    let entry = |extra: serde_json::Value| {
        let mut entry = serde_json::json!({
            "id": "atelier", "name": {"fr": "Atelier"}, "description": {"fr": "Un atelier."},
            "kind": "service", "types": ["atelier"],
            "themes": ["trouver-un-emploi--repondre-a-des-offres-demploi"],
            "publics": ["tous-publics"], "zone": {"national": true},
            "access": {"through": ["usagers"], "modes": ["se-presenter"]},
            "cost": "gratuit", "source_url": "https://example.org/atelier",
            "last_verified": "2026-12-03"
        });
        for (key, value) in extra.as_object().unwrap() {
            entry[key] = value.clone();
        }
        serde_json::json!({"format_version": 1, "id": "local", "name": "Local", "entries": [entry]})
            .to_string()
    };
    assert_eq!(
        problems(&entry(serde_json::json!({
            "held_when": {"has_any": {"fact": "support_in_progress", "values": ["astrologer"]}},
            "key_step": {"when": {"equals": {"fact": "colour", "value": 1}},
                         "leads": ["trouver-un-emploi", "astrologie"]}
        }))),
        [
            (
                "not_allowed",
                "$.entries[0].held_when.has_any.values[0]".to_owned()
            ),
            (
                "unknown_fact",
                "$.entries[0].key_step.when.equals.fact".to_owned()
            ),
            (
                "not_in_referential",
                "$.entries[0].key_step.leads[1]".to_owned()
            ),
        ]
    );
    assert_eq!(
        problems(&entry(serde_json::json!({
            "key_step": {"when": {"equals": {"fact": "rqth", "value": true}}, "leads": []}
        }))),
        [("empty_list", "$.entries[0].key_step.leads".to_owned())]
    );
    let json = entry(serde_json::json!({
        "held_when": {"has_any": {"fact": "support_in_progress", "values": ["plie"]}},
        "key_step": {"when": {"equals": {"fact": "rqth", "value": true}},
                     "leads": ["logement-hebergement"]}
    }));
    let catalogue = Catalogue::from_json(&json).unwrap();
    let key = catalogue.entries()[0].key_step.as_ref().unwrap();
    assert!(key.leads("logement-hebergement--louer-un-logement"));
    assert!(key.leads("logement-hebergement"));
    assert!(!key.leads("sante"));
    // Written out, it reads back the same.
    let back = Catalogue::from_json(&passerelle_core::json::write(&catalogue)).unwrap();
    assert_eq!(back, catalogue);
}

/// A catalogue of one entry whose `access` has `access` added.
fn with_access(access: serde_json::Value) -> String {
    let mut entry = serde_json::json!({
        "id": "accueil-de-jour", "name": {"fr": "Accueil de jour"},
        "description": {"fr": "Un lieu pour se poser, se doucher, prendre un café."},
        "kind": "service", "types": ["aide-materielle"],
        "themes": ["logement-hebergement--rechercher-une-solution-dhebergement-temporaire"],
        "publics": ["tous-publics"], "zone": {"national": true},
        "access": {"through": ["usagers"], "modes": ["se-presenter"]},
        "cost": "gratuit", "source_url": "https://example.org/accueil",
        "last_verified": "2026-12-03"
    });
    for (key, value) in access.as_object().unwrap() {
        entry["access"][key] = value.clone();
    }
    serde_json::json!({"format_version": 1, "id": "local", "name": "Local", "entries": [entry]})
        .to_string()
}

#[test]
fn an_address_hours_and_reception_are_read_checked_and_written_back() {
    use passerelle_core::catalogue::Reception;
    let json = with_access(serde_json::json!({
        "address": "  12 rue de la République, 93200 Saint-Denis\u{202E} ",
        "hours": {"fr": "Du lundi au vendredi, de 9 h à 12 h", "en": "Monday to Friday, 9 am to noon"},
        "reception": "avec-ou-sans-rendez-vous"
    }));
    let catalogue = Catalogue::from_json(&json).unwrap();
    let access = &catalogue.entries()[0].access;
    // Trimmed, without the control that would turn the words around it.
    assert_eq!(
        access.address.as_deref(),
        Some("12 rue de la République, 93200 Saint-Denis")
    );
    assert_eq!(
        access.hours.as_ref().unwrap().get(Locale::En),
        "Monday to Friday, 9 am to noon"
    );
    assert_eq!(access.reception, Some(Reception::Both));
    // Written out as read, and read back the same, from text or a value.
    let written = serde_json::to_value(&catalogue).unwrap();
    assert_eq!(
        written["entries"][0]["access"]["reception"],
        "avec-ou-sans-rendez-vous"
    );
    assert_eq!(
        Catalogue::from_json(&written.to_string()).unwrap(),
        catalogue
    );
    assert_eq!(Catalogue::from_value(&written).unwrap(), catalogue);
    // All three are optional.
    let plain = Catalogue::from_json(&with_access(serde_json::json!({}))).unwrap();
    let access = &plain.entries()[0].access;
    assert!(access.address.is_none() && access.hours.is_none() && access.reception.is_none());
}

#[test]
fn a_bad_address_hours_or_reception_is_told_with_its_path() {
    let expected = [
        ("bad_text", "$.entries[0].access.address".to_owned()),
        (
            "missing_translation",
            "$.entries[0].access.hours".to_owned(),
        ),
        ("not_allowed", "$.entries[0].access.reception".to_owned()),
    ];
    let bad = serde_json::json!({
        "address": "12 rue de la République\n93200 Saint-Denis",
        "hours": {"en": "Mornings"},
        "reception": "sur-invitation"
    });
    assert_eq!(problems(&with_access(bad.clone())), expected);
    // Read through a value, the same problems.
    let value: serde_json::Value = serde_json::from_str(&with_access(bad)).unwrap();
    let found: Vec<_> = Catalogue::from_value(&value)
        .unwrap_err()
        .into_iter()
        .map(|problem| (problem.code, problem.path))
        .collect();
    assert_eq!(found, expected);
    for address in ["   ", &"a".repeat(301)] {
        assert_eq!(
            problems(&with_access(serde_json::json!({ "address": address }))),
            [("bad_text", "$.entries[0].access.address".to_owned())],
            "{address:?}"
        );
    }
    let longest = "é".repeat(300);
    assert!(Catalogue::from_json(&with_access(serde_json::json!({ "address": longest }))).is_ok());
    // Not a text: the entry does not follow the format.
    assert_eq!(
        problems(&with_access(serde_json::json!({"reception": 1}))),
        [("invalid_entry", "$.entries[0]".to_owned())]
    );
}
