//! The national orientation against personas written from the texts,
//! apart from the encoding (`tests/fixtures/national-orientation-personas.json`:
//! the arrêté du 21 novembre 2024, the code du travail, les emplois de
//! l'inclusion's criteria): each person's pathway, the body that would
//! follow them, the one that decides, and the IAE criteria and counts an
//! advisor would find. Every sentence shown comes from the translations.

use std::collections::BTreeSet;

use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::national::{
    national_orientation, NationalOrientation, NationalRules, Organism, Pathway,
};
use passerelle_core::rules::Status;
use passerelle_core::Locale;
use serde_json::Value;

const PERSONAS: &str = include_str!("fixtures/national-orientation-personas.json");

fn personas() -> (Date, Vec<Value>) {
    let file: Value = serde_json::from_str(PERSONAS).expect("the personas are JSON");
    let date =
        Date::parse(file["reference_date"].as_str().expect("a reference date")).expect("a date");
    let personas = file["personas"].as_array().expect("personas").clone();
    (date, personas)
}

fn orient(persona: &Value, date: Date) -> NationalOrientation {
    let rules = NationalRules::shipped().expect("the shipped criteria read");
    let facts = Facts::from_json(&persona["facts"].to_string())
        .unwrap_or_else(|problems| panic!("{}: {problems:?}", persona["id"]))
        .resolve(date)
        .expect("resolved");
    national_orientation(rules, &facts)
}

fn name<T: serde::Serialize>(value: Option<T>) -> String {
    value.map_or("unknown".to_owned(), |value| {
        serde_json::to_value(value)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    })
}

fn ids(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|id| id.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn each_persona_gets_the_pathway_and_bodies_an_advisor_reads_in_the_texts() {
    let (date, personas) = personas();
    let mut wrong = Vec::new();
    for persona in &personas {
        let id = persona["id"].as_str().unwrap_or("?");
        let expected = &persona["expected"];
        let found = orient(persona, date);
        let got = [
            ("pathway", name(found.pathway)),
            ("organism", name(found.organism)),
            ("decides", name(found.decides)),
        ];
        for (field, value) in got {
            if expected[field].as_str() != Some(value.as_str()) {
                wrong.push(format!(
                    "{id}: {field} {value}, the texts give {}",
                    expected[field]
                ));
            }
        }
        if expected["pathway"] == "unknown" {
            let missing: BTreeSet<String> = found
                .missing
                .iter()
                .map(|fact| fact.name().to_owned())
                .collect();
            let wanted = ids(&expected["missing"]);
            if !wanted.is_subset(&missing) {
                wrong.push(format!(
                    "{id}: missing {missing:?}, the texts need {wanted:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn each_persona_gets_the_iae_criteria_and_counts_of_the_texts() {
    let (date, personas) = personas();
    let mut wrong = Vec::new();
    for persona in &personas {
        let id = persona["id"].as_str().unwrap_or("?");
        let expected = &persona["expected"]["iae"];
        let iae = orient(persona, date).iae;
        for level in [1u8, 2] {
            let met: BTreeSet<String> = iae
                .criteria
                .iter()
                .filter(|finding| finding.level == level && finding.status == Status::Met)
                .map(|finding| finding.criterion.to_owned())
                .collect();
            let wanted = ids(&expected[format!("level{level}")]);
            if met != wanted {
                wrong.push(format!(
                    "{id}: level {level} {met:?}, the texts give {wanted:?}"
                ));
            }
        }
        // "Not enough" from the facts may still be "to check": a rural
        // zone, leaving detention or a mobility diagnosis no question asks.
        for (kind, status) in [("aci_ei_eiti", iae.aci_ei_eiti), ("ai_etti", iae.ai_etti)] {
            let enough = expected[kind].as_bool().unwrap_or(false);
            if enough != (status == Status::Met) {
                wrong.push(format!("{id}: {kind} {status:?}, the texts give {enough}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_personas_cover_each_pathway_body_and_iae_combination() {
    let (date, personas) = personas();
    let found: Vec<NationalOrientation> = personas
        .iter()
        .map(|persona| orient(persona, date))
        .collect();
    for pathway in [
        Pathway::Employment,
        Pathway::SocioProfessional,
        Pathway::Social,
    ] {
        assert!(
            found
                .iter()
                .filter(|one| one.pathway == Some(pathway))
                .count()
                >= 2,
            "{pathway:?}"
        );
    }
    for body in [
        Organism::FranceTravail,
        Organism::MissionLocale,
        Organism::CapEmploi,
        Organism::Departement,
    ] {
        assert!(
            found.iter().any(|one| one.organism == Some(body)),
            "follows: {body:?}"
        );
        assert!(
            found.iter().any(|one| one.decides == Some(body)),
            "decides: {body:?}"
        );
    }
    let counts = |one: &NationalOrientation, level: u8| {
        one.iae
            .criteria
            .iter()
            .filter(|finding| finding.level == level && finding.status == Status::Met)
            .count()
    };
    let combination = |level1: usize, level2: usize| {
        found
            .iter()
            .any(|one| counts(one, 1) == level1 && counts(one, 2) == level2)
    };
    assert!(combination(1, 0), "one level-1 criterion alone");
    assert!(combination(0, 3), "three level-2 criteria");
    assert!(combination(0, 2), "two level-2 criteria");
    assert!(combination(0, 1), "one level-2 criterion alone");
    for one in &found {
        let met = |id: &str| {
            one.iae
                .criteria
                .iter()
                .any(|finding| finding.criterion == id && finding.status == Status::Met)
        };
        assert!(
            !(met("senior") && met("youth")),
            "senior and jeune never both"
        );
        assert!(!(met("detld") && met("deld")), "DETLD and DELD never both");
    }
}

#[test]
fn every_sentence_of_every_persona_reads_in_french_and_english() {
    let (date, personas) = personas();
    for persona in &personas {
        let found = orient(persona, date);
        for locale in [Locale::Fr, Locale::En] {
            let mut sentences = found.sentences(locale);
            for finding in &found.iae.criteria {
                sentences.push(finding.name_parts().text(locale));
                for part in finding.proof_parts() {
                    sentences.push(part.text(locale));
                }
            }
            for sentence in sentences {
                assert!(
                    !sentence.is_empty()
                        && !sentence.contains("national-")
                        && !sentence.contains("iae-")
                        && !sentence.contains("{{"),
                    "{}: {sentence:?}",
                    persona["id"]
                );
            }
        }
    }
}

#[test]
fn the_decision_is_always_said_to_belong_to_the_body_the_law_names() {
    let (date, personas) = personas();
    for persona in &personas {
        let found = orient(persona, date);
        let decision = found.decision_parts().text(Locale::Fr);
        assert!(
            decision.starts_with("Ce n’est pas une décision"),
            "{decision}"
        );
        if found.decides == Some(Organism::Departement) {
            assert!(decision.contains("conseil départemental"), "{decision}");
        }
    }
}

#[test]
fn a_person_out_of_the_orientations_scope_is_asked_nothing_for_it() {
    let rules = NationalRules::shipped().expect("the shipped criteria read");
    let date = Date::parse("2026-12-05").expect("date");
    let retired = Facts::from_json(r#"{"age": 67, "employment_status": "retired", "benefits": ["aspa"], "registered_jobseeker": false}"#)
        .expect("facts")
        .resolve(date)
        .expect("resolved");
    let found = national_orientation(rules, &retired);
    assert_eq!(found.concerned, Status::NotMet);
    assert!(found.still_open().is_empty(), "{:?}", found.still_open());
}

#[test]
fn the_plans_print_view_carries_the_pathway_and_who_decides() {
    use passerelle_core::catalogue::Catalogue;
    use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
    use passerelle_core::orientation::Priority;
    use passerelle_core::plan::{Choices, Plan};
    use passerelle_core::print::print_view;

    let today = Date::parse("2026-12-05").expect("date");
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today,
        facts: Facts::from_json(
            r#"{"age": 41, "postal_code": "93200", "employment_status": "inactive", "benefits": ["rsa"],
                "worked_last_24_months": false, "difficulty_health": "strong"}"#,
        )
        .expect("facts"),
        urgent: vec![],
        needs: vec![FoundNeed {
            theme: "sante".into(),
            label: "Santé".into(),
            priority: Priority::High,
            rank: None,
            raised_by: vec![],
        }],
        ranked_by_person: false,
    };
    let catalogue = Catalogue::national();
    let plan = Plan::build(
        &diagnosis,
        &catalogue,
        &Choices::new(today, vec!["sante".into()]),
    )
    .expect("a plan");
    let html = print_view(&plan, &catalogue, today);
    assert!(
        html.contains("Votre accompagnement vers l’emploi (indicatif)"),
        "{html}"
    );
    assert!(html.contains("Parcours social"), "{html}");
    assert!(
        html.contains("président du conseil départemental qui décide"),
        "{html}"
    );
    // A retired person's plan says nothing of it.
    let mut retired = diagnosis.clone();
    retired.facts =
        Facts::from_json(r#"{"age": 67, "employment_status": "retired", "benefits": []}"#)
            .expect("facts");
    let plan = Plan::build(
        &retired,
        &catalogue,
        &Choices::new(today, vec!["sante".into()]),
    )
    .expect("a plan");
    assert!(!print_view(&plan, &catalogue, today).contains("accompagnement vers l’emploi"));
}

#[test]
fn a_referral_for_work_carries_what_the_organisme_referent_reads() {
    use passerelle_core::facts::Fact;
    use passerelle_core::referral::situation_facts;
    for category in ["trouver-un-emploi", "choisir-un-metier", "remobilisation"] {
        let facts = situation_facts(category);
        for fact in [
            Fact::WorkedLast24Months,
            Fact::Aspiration,
            Fact::QualificationLevel,
        ]
        .into_iter()
        .chain(Fact::DIFFICULTIES)
        {
            assert!(facts.contains(&fact), "{category}: {fact:?}");
        }
    }
    assert!(
        !situation_facts("sante").contains(&Fact::DifficultyHealth),
        "only for work"
    );
}
