//! Journeys through the default questionnaire, adapted to the national
//! catalogue: for each persona, the answers a person in that situation
//! would give, the urgent alerts and needs the diagnosis must find, and
//! how many questions were asked against the questionnaire's full count.
//!
//! Each persona answers every question it could be asked; the replay
//! reports the answers to questions that were not asked (the adaptive
//! questionnaire left them out), and nothing else.
#![recursion_limit = "256"]

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::Diagnosis;
use passerelle_core::facts::Fact;
use passerelle_core::orientation::Priority;
use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire, UrgentAlert};
use serde_json::{json, Value};

struct Persona {
    name: &'static str,
    /// Answers that differ from [`ordinary`]; `null` removes one (the
    /// person skips the question).
    answers: Value,
    /// The urgent alerts, in order.
    urgent: Vec<UrgentAlert>,
    /// Needs (theme, priority) the diagnosis must contain.
    needs: Vec<(&'static str, Priority)>,
    /// Themes it must not contain.
    not_needs: Vec<&'static str>,
    /// The number of questions asked.
    asked: usize,
}

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn answers(persona: &Persona) -> BTreeMap<String, AnswerValue> {
    common::answers_with(&persona.answers)
}

fn journey(questionnaire: &Questionnaire, persona: &Persona) -> (DiagnosisSession, Diagnosis) {
    let (session, problems) =
        DiagnosisSession::replay(questionnaire, today(), &answers(persona), Locale::Fr);
    let unexpected: Vec<_> = problems
        .iter()
        .filter(|problem| problem.code != "question_not_asked")
        .collect();
    assert!(unexpected.is_empty(), "{}: {unexpected:#?}", persona.name);
    assert!(
        session.is_complete(questionnaire),
        "{}: stopped at {:?}",
        persona.name,
        session.current(questionnaire).map(|q| &q.id)
    );
    let diagnosis = session.diagnosis(questionnaire, Locale::Fr);
    // A diagnosis saved as JSON reads back the same, in either language.
    for locale in Locale::all() {
        let shown = session.diagnosis(questionnaire, locale);
        let saved = passerelle_core::json::write(&shown);
        let read: Diagnosis = passerelle_core::json::read_text(&saved)
            .unwrap_or_else(|error| panic!("{}: {error}\n{saved}", persona.name));
        assert_eq!(read, shown, "{}", persona.name);
    }
    (session, diagnosis)
}

use Priority::{High, Normal, Urgent};

fn personas() -> Vec<Persona> {
    vec![
        Persona {
            name: "homeless, 23, no income",
            answers: json!({"sleep_tonight": "street", "age": 23, "postal_code": "93200",
                "employment_status": "jobseeker", "registered_jobseeker": false,
                "qualification_level": "no_diploma", "monthly_resources": 0,
                "job_difficulty": "a_lot", "job_now": true, "housing_difficulty": "a_lot",
                "housing_now": true, "money_difficulty": "a_lot", "money_now": true,
                "driving_licence": false, "vehicle": false}),
            urgent: vec![UrgentAlert::Shelter],
            needs: vec![
                (
                    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                    Urgent,
                ),
                ("logement-hebergement", High),
                ("difficultes-financieres", High),
                ("trouver-un-emploi", High),
            ],
            not_needs: vec!["sante"],
            asked: 37,
        },
        Persona {
            name: "violence at home, 31, two children, hosted",
            answers: json!({"sleep_tonight": "hosted", "danger_at_home": true, "age": 31,
                "postal_code": "59000", "employment_status": "inactive",
                "registered_jobseeker": false, "children_count": 2, "youngest_child_age": 4,
                "couple": false, "monthly_resources": 700, "benefits": ["rsa"],
                "family_difficulty": "a_lot", "family_now": true,
                "housing_difficulty": "a_lot", "housing_now": true}),
            urgent: vec![UrgentAlert::Violence],
            needs: vec![
                ("famille--surmonter-conflits-separation-violence", Urgent),
                ("logement-hebergement", High),
                ("famille", High),
                ("famille--garde-denfants", Normal),
            ],
            not_needs: vec!["trouver-un-emploi"],
            asked: 36,
        },
        Persona {
            name: "a child in danger",
            answers: json!({"child_in_danger": true, "children_count": 1, "youngest_child_age": 9,
                "couple": true}),
            urgent: vec![UrgentAlert::ChildInDanger],
            needs: vec![("famille--surmonter-conflits-separation-violence", Urgent)],
            not_needs: vec![],
            asked: 31,
        },
        Persona {
            name: "needs urgent care, 50",
            answers: json!({"urgent_care": true, "age": 50, "health_difficulty": "a_lot",
                "health_now": true}),
            urgent: vec![UrgentAlert::MedicalEmergency],
            needs: vec![("sante--acces-aux-soins", Urgent), ("sante", High)],
            not_needs: vec![],
            asked: 31,
        },
        Persona {
            name: "hungry student, 20",
            answers: json!({"food_today": false, "age": 20, "postal_code": "35000",
                "employment_status": "student", "monthly_resources": 300,
                "money_difficulty": "a_lot", "money_now": true}),
            urgent: vec![UrgentAlert::Food],
            needs: vec![
                ("equipement-et-alimentation--alimentation", Urgent),
                ("difficultes-financieres", High),
            ],
            not_needs: vec!["trouver-un-emploi"],
            asked: 32,
        },
        Persona {
            name: "employed, 45, no difficulty",
            answers: json!({"age": 45}),
            urgent: vec![],
            needs: vec![],
            not_needs: vec!["trouver-un-emploi", "logement-hebergement"],
            asked: 30,
        },
        Persona {
            name: "19, no diploma, neither working nor studying, in 93",
            answers: json!({"age": 19, "postal_code": "93200", "employment_status": "inactive",
                "registered_jobseeker": false, "qualification_level": "no_diploma",
                "housing_status": "hosted", "monthly_resources": 0,
                "job_difficulty": "a_lot", "job_now": true, "training_difficulty": "some",
                "training_now": true, "driving_licence": false, "vehicle": false}),
            urgent: vec![],
            needs: vec![
                ("trouver-un-emploi", High),
                ("se-former", High),
                // No resources at all: the need to get some, not debts.
                (
                    "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
                    High,
                ),
            ],
            // No licence, but getting about is no difficulty for them.
            not_needs: vec!["mobilite--preparer-un-permis", "difficultes-financieres"],
            asked: 37,
        },
        Persona {
            name: "jobseeker, 58, out of work for years, ASS",
            answers: json!({"age": 58, "postal_code": "13001", "employment_status": "jobseeker",
                "registered_jobseeker": true, "benefits": ["ass"], "monthly_resources": 600,
                "job_difficulty": "a_lot", "job_now": true, "digital_difficulty": "some",
                "digital_now": false, "digital_autonomy": "needs_help"}),
            urgent: vec![],
            needs: vec![
                ("trouver-un-emploi", High),
                ("numerique", Normal),
                ("numerique--maitriser-les-fondamentaux-du-numerique", Normal),
            ],
            not_needs: vec!["se-former"],
            // Who follows them is asked: a shelter or housing request with the SIAO
            // is what they have already (the SIAO entry, issue 17).
            asked: 37,
        },
        Persona {
            name: "refugee, 30, allowed to work, little French",
            answers: json!({"age": 30, "postal_code": "67000", "employment_status": "jobseeker",
                "registered_jobseeker": true, "nationality": "non_eu",
                "residence_status": "refugee", "first_residence_permit_years": 2,
                "months_in_france": 30,
                "qualification_level": "not_sure", "monthly_resources": 550,
                "benefits": ["rsa"], "job_difficulty": "a_lot", "job_now": true,
                "french_difficulty": "a_lot", "french_now": true, "french_level": "none",
                "admin_difficulty": "a_lot", "admin_now": true}),
            urgent: vec![],
            needs: vec![
                ("trouver-un-emploi", High),
                ("lecture-ecriture-calcul--maitriser-le-francais", High),
                ("difficultes-administratives-ou-juridiques", High),
            ],
            not_needs: vec![],
            // Who follows them: the SIAO (issue 17).
            asked: 39,
        },
        Persona {
            name: "single parent, 28, toddler, RSA",
            answers: json!({"age": 28, "postal_code": "75019", "employment_status": "inactive",
                "registered_jobseeker": false, "benefits": ["rsa"], "children_count": 1,
                "youngest_child_age": 2, "couple": false, "monthly_resources": 900,
                "family_difficulty": "some", "family_now": true, "job_difficulty": "some",
                "job_now": false}),
            urgent: vec![],
            needs: vec![
                ("famille", High),
                ("famille--garde-denfants", Normal),
                ("trouver-un-emploi", Normal),
            ],
            not_needs: vec![],
            asked: 38,
        },
        Persona {
            name: "disabled worker (RQTH), 40, AAH",
            answers: json!({"age": 40, "employment_status": "jobseeker",
                "registered_jobseeker": true, "benefits": ["aah"], "rqth": true,
                "monthly_resources": 1000, "health_difficulty": "some", "health_now": false,
                "job_difficulty": "some", "job_now": true}),
            urgent: vec![],
            needs: vec![("trouver-un-emploi", High), ("sante", Normal)],
            not_needs: vec!["logement-hebergement"],
            asked: 38,
        },
        Persona {
            name: "in an emergency shelter, 35",
            answers: json!({"sleep_tonight": "shelter", "employment_status": "jobseeker",
                "registered_jobseeker": true, "monthly_resources": 0,
                "housing_difficulty": "a_lot", "housing_now": true}),
            urgent: vec![],
            needs: vec![
                (
                    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
                    High,
                ),
                ("logement-hebergement", High),
                (
                    "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
                    High,
                ),
            ],
            not_needs: vec![],
            asked: 36,
        },
        Persona {
            name: "apprentice, 18, no licence, no car",
            answers: json!({"age": 18, "postal_code": "23000", "employment_status": "apprentice",
                "qualification_level": "no_diploma", "monthly_resources": 800,
                "mobility_difficulty": "a_lot", "mobility_now": true,
                "driving_licence": false, "vehicle": false}),
            urgent: vec![],
            needs: vec![
                ("mobilite", High),
                ("mobilite--preparer-un-permis", Normal),
                ("mobilite--acceder-a-un-vehicule", Normal),
            ],
            not_needs: vec!["trouver-un-emploi"],
            asked: 34,
        },
        Persona {
            name: "retired, 67, no computer",
            answers: json!({"age": 67, "employment_status": "retired", "monthly_resources": 1100,
                "digital_difficulty": "a_lot", "digital_now": true,
                "digital_autonomy": "no_access", "admin_difficulty": "some",
                "admin_now": true}),
            urgent: vec![],
            needs: vec![
                ("numerique", High),
                ("numerique--acquerir-un-equipement", Normal),
                ("difficultes-administratives-ou-juridiques", High),
            ],
            not_needs: vec!["trouver-un-emploi"],
            asked: 32,
        },
        Persona {
            name: "self-employed, 38, in debt",
            answers: json!({"age": 38, "employment_status": "self_employed",
                "monthly_resources": 1200, "money_difficulty": "a_lot", "money_now": true}),
            urgent: vec![],
            needs: vec![("difficultes-financieres", High)],
            not_needs: vec![],
            asked: 30,
        },
        Persona {
            name: "24, living with parents, looking for a first flat",
            answers: json!({"age": 24, "postal_code": "31000", "employment_status": "employed",
                "housing_status": "hosted", "monthly_resources": 1400,
                "housing_difficulty": "some", "housing_now": true}),
            urgent: vec![],
            needs: vec![("logement-hebergement", High)],
            not_needs: vec![],
            asked: 34,
        },
        Persona {
            name: "no residence permit, 34, in poor health",
            answers: json!({"age": 34, "postal_code": "13003", "employment_status": "inactive",
                "nationality": "non_eu", "residence_status": "no_permit",
                "months_in_france": 18, "monthly_resources": 0, "housing_status": "hosted",
                "health_difficulty": "a_lot", "health_now": true}),
            urgent: vec![],
            needs: vec![("sante", High)],
            not_needs: vec!["trouver-un-emploi"],
            asked: 38,
        },
        Persona {
            name: "asylum seeker, 26, ADA",
            answers: json!({"age": 26, "postal_code": "69007", "employment_status": "inactive",
                "nationality": "non_eu", "residence_status": "asylum_seeker",
                "residence_permit_work": false, "months_in_france": 4, "benefits": ["ada"],
                "monthly_resources": 430, "housing_status": "hosted",
                "french_difficulty": "a_lot", "french_now": true, "french_level": "basic"}),
            urgent: vec![],
            needs: vec![("lecture-ecriture-calcul--maitriser-le-francais", High)],
            not_needs: vec![],
            asked: 37,
        },
        Persona {
            name: "couple, 36, two children, both working",
            answers: json!({"age": 36, "postal_code": "44000", "children_count": 2,
                "youngest_child_age": 3, "couple": true, "monthly_resources": 3100,
                "work_income": 1700}),
            urgent: vec![],
            needs: vec![],
            // A couple: no childcare need raised for raising children alone.
            not_needs: vec!["famille--garde-denfants"],
            asked: 31,
        },
        Persona {
            name: "would rather not say much",
            answers: json!({"danger_at_home": null, "child_in_danger": null, "nationality": null,
                "benefits": null, "rqth": null, "monthly_resources": null,
                "health_difficulty": null, "employment_status": "jobseeker",
                "registered_jobseeker": true, "job_difficulty": "some", "job_now": true}),
            urgent: vec![],
            needs: vec![("trouver-un-emploi", High)],
            not_needs: vec![],
            asked: 37,
        },
    ]
}

#[test]
fn personas_get_the_alerts_and_needs_their_answers_call_for_in_fewer_questions() {
    let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
    let plain = Questionnaire::default_fr_en();
    let full = questionnaire.len();
    let mut report = vec![format!(
        "{:<55} asked  without catalogue  in all",
        "persona"
    )];
    let mut failures = Vec::new();
    for persona in personas() {
        let (session, diagnosis) = journey(&questionnaire, &persona);
        let alerts: Vec<_> = diagnosis.urgent.iter().map(|alert| alert.alert).collect();
        assert_eq!(alerts, persona.urgent, "{}", persona.name);
        let found: Vec<(&str, Priority)> = diagnosis
            .needs
            .iter()
            .map(|need| (need.theme.as_str(), need.priority))
            .collect();
        for need in &persona.needs {
            assert!(
                found.contains(need),
                "{}: {need:?} not in {found:?}",
                persona.name
            );
        }
        for theme in &persona.not_needs {
            assert!(
                !found.iter().any(|(found, _)| found == theme),
                "{}: {theme} in {found:?}",
                persona.name
            );
        }
        let asked = session.asked().len();
        let without = journey(&plain, &persona).0.asked().len();
        report.push(format!(
            "{:<55} {asked:>5} {without:>18} {full:>7}",
            persona.name
        ));
        if asked != persona.asked {
            failures.push(format!(
                "{}: asked {asked}, expected {}",
                persona.name, persona.asked
            ));
        }
        assert!(asked < full, "{}: every question was asked", persona.name);
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{failures:#?}\n{}", report.join("\n"));
}

/// The module of the first question reads the national catalogue for its
/// questions only (`Catalogue::for_questions`, without texts or ways in):
/// adapted to it, the questionnaire asks each persona the very questions
/// it asks adapted to the catalogue read whole, and finds the same needs.
#[test]
fn the_catalogue_read_for_questions_asks_what_the_whole_catalogue_asks() {
    let text = include_str!("../data/catalogue.json");
    let whole = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
    let lean = Catalogue::for_questions(text).expect("the national catalogue reads for questions");
    assert_eq!(lean.entries().len(), Catalogue::national().entries().len());
    let for_questions = Questionnaire::default_fr_en().adapted_to(Arc::new(lean));
    for persona in personas() {
        let (with_whole, diagnosis_whole) = journey(&whole, &persona);
        let (with_lean, diagnosis_lean) = journey(&for_questions, &persona);
        assert_eq!(with_lean.asked(), with_whole.asked(), "{}", persona.name);
        assert_eq!(diagnosis_lean, diagnosis_whole, "{}", persona.name);
    }
}

#[test]
fn the_homeless_young_person_gets_the_115_first_then_housing_money_and_job() {
    let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
    let persona = personas().remove(0);
    let (_, diagnosis) = journey(&questionnaire, &persona);
    let first = &diagnosis.urgent[0];
    assert_eq!(first.alert, UrgentAlert::Shelter);
    assert_eq!(first.contacts[0].phone, Some("115"));
    assert_eq!(first.raised_by[0].question, "sleep_tonight");
    let categories: Vec<&str> = diagnosis
        .needs
        .iter()
        .map(|need| need.theme.split("--").next().unwrap_or_default())
        .collect();
    assert_eq!(categories[0], "logement-hebergement");
    for category in [
        "logement-hebergement",
        "difficultes-financieres",
        "trouver-un-emploi",
    ] {
        assert!(
            categories.contains(&category),
            "{category} not in {categories:?}"
        );
    }
}

#[test]
fn without_a_catalogue_every_question_that_may_matter_is_asked() {
    let adapted = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
    let plain = Questionnaire::default_fr_en();
    for persona in personas() {
        let (adapted_session, _) = journey(&adapted, &persona);
        let (plain_session, _) = journey(&plain, &persona);
        assert!(
            adapted_session.asked().len() <= plain_session.asked().len(),
            "{}",
            persona.name
        );
    }
}

#[test]
fn every_fact_the_national_catalogue_reads_can_be_learnt_from_the_questionnaire() {
    let questionnaire = Questionnaire::default_fr_en();
    let set: Vec<Fact> = questionnaire.questions().filter_map(|q| q.fact()).collect();
    let learnt = |fact: Fact| match fact {
        Fact::Age => set.contains(&Fact::Age) || set.contains(&Fact::BirthDate),
        Fact::Department | Fact::Region | Fact::Commune => {
            set.contains(&Fact::PostalCode) || set.contains(&Fact::Commune)
        }
        fact => set.contains(&fact),
    };
    for entry in Catalogue::national().entries() {
        let read = entry
            .eligibility
            .iter()
            .chain([&entry.zone_condition])
            .fold(passerelle_core::facts::FactSet::EMPTY, |facts, rule| {
                facts.union(rule.facts())
            });
        for fact in read.iter() {
            assert!(learnt(fact), "{}: {fact} is not asked", entry.id);
        }
    }
}

#[test]
fn the_default_questionnaire_speaks_plainly_in_both_languages() {
    let questionnaire = Questionnaire::default_fr_en();
    let sections: Vec<&str> = questionnaire
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(sections, ["urgent", "situation", "domains", "priorities"]);
    for question in questionnaire.questions() {
        let help = question.help.as_ref();
        assert!(help.is_some(), "{} has no help", question.id);
        for locale in Locale::all() {
            let label = question.label.get(locale);
            assert!(
                label.ends_with('?') || label.ends_with('.'),
                "{}: {label}",
                question.id
            );
            assert!(
                label.split_whitespace().count() <= 20,
                "{}: too long: {label}",
                question.id
            );
        }
        for signal in &question.needs {
            for locale in Locale::all() {
                assert!(
                    passerelle_core::theme_labels::theme_label(&signal.theme, locale).is_some(),
                    "{}: {} has no label",
                    question.id,
                    signal.theme
                );
            }
        }
        // French questions speak to the person as "vous".
        let french = question.label.get(Locale::Fr).to_lowercase();
        assert!(
            !french.contains(" tu ") && !french.starts_with("tu "),
            "{}",
            question.id
        );
    }
}

/// The questions asked, in order, and the facts learnt, for the ordinary
/// answers changed by `changes`, on `questionnaire`.
fn walk(questionnaire: &Questionnaire, changes: Value) -> (Vec<String>, Value) {
    let (session, problems) = DiagnosisSession::replay(
        questionnaire,
        today(),
        &common::answers_with(&changes),
        Locale::Fr,
    );
    let unexpected: Vec<_> = problems
        .iter()
        .filter(|problem| problem.code != "question_not_asked")
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    let facts = serde_json::to_value(session.facts(questionnaire).resolve(today()).unwrap());
    (session.asked().to_vec(), facts.unwrap())
}

#[test]
fn the_ground_of_stay_is_asked_with_respect_only_of_non_eu_nationals_and_only_once() {
    let questionnaire = Questionnaire::default_fr_en();
    let question = questionnaire.question("residence_status").unwrap();
    // Skippable ("Je préfère ne pas répondre"), with "Je ne sais pas" too;
    // it says why it is asked and that it is not a check.
    assert!(question.skippable);
    let help = question.help.as_ref().unwrap().get(Locale::Fr);
    assert!(
        help.contains("parce que certaines aides en dépendent"),
        "{help}"
    );
    assert!(help.contains("Ce n’est pas un contrôle"), "{help}");
    assert!(help.contains("Vous pouvez ne pas répondre"), "{help}");
    let label = question.label.get(Locale::Fr);
    for word in [
        "papiers",
        "régulier",
        "irrégulier",
        "clandestin",
        "sans-papiers",
    ] {
        assert!(!label.contains(word), "{label}");
    }
    let permit_questions = [
        "residence_status",
        "residence_permit_work",
        "first_residence_permit_years",
    ];
    let asked_of = |changes: Value| walk(&questionnaire, changes);
    // French and EU nationals are never asked about their stay.
    for nationality in ["french", "eu"] {
        let (asked, _) = asked_of(json!({"nationality": nationality}));
        for id in permit_questions {
            assert!(!asked.iter().any(|a| a == id), "{nationality}: {id} asked");
        }
    }
    // Someone who would rather not say is asked nothing more about it.
    let (asked, facts) = asked_of(json!({"nationality": "non_eu", "residence_status": null}));
    assert!(asked.iter().any(|a| a == "residence_status"));
    assert!(
        !asked.iter().any(|a| a == "residence_permit_work"),
        "{asked:?}"
    );
    assert!(!asked.iter().any(|a| a == "first_residence_permit_years"));
    assert!(facts.get("residence_status").is_none(), "{facts}");
    assert!(facts.get("residence_permit_work").is_none(), "{facts}");
    // Without a permit, no question about a permit follows: the answer
    // already says there is none that allows work.
    let (asked, facts) =
        asked_of(json!({"nationality": "non_eu", "residence_status": "no_permit"}));
    assert!(
        !asked.iter().any(|a| a == "residence_permit_work"),
        "{asked:?}"
    );
    assert!(!asked.iter().any(|a| a == "first_residence_permit_years"));
    assert_eq!(facts["residence_permit_work"], json!(false), "{facts}");
    // A refugee is not asked whether they may work: the protection says so.
    let (asked, facts) = asked_of(json!({"nationality": "non_eu", "residence_status": "refugee"}));
    assert!(
        !asked.iter().any(|a| a == "residence_permit_work"),
        "{asked:?}"
    );
    assert_eq!(facts["residence_permit_work"], json!(true), "{facts}");
    // A residence permit may or may not allow work: the person says.
    let (asked, _) =
        asked_of(json!({"nationality": "non_eu", "residence_status": "residence_permit"}));
    assert!(
        asked.iter().any(|a| a == "residence_permit_work"),
        "{asked:?}"
    );
    // Time in France is asked of non-French nationals only.
    let (asked, facts) = asked_of(json!({"nationality": "eu", "months_in_france": 8}));
    assert!(asked.iter().any(|a| a == "months_in_france"));
    assert_eq!(facts["months_in_france"], json!(8));
    let (asked, _) = asked_of(json!({"nationality": "french"}));
    assert!(!asked.iter().any(|a| a == "months_in_france"));
}

#[test]
fn a_parent_says_once_whether_they_live_as_a_couple() {
    let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()));
    let plain = Questionnaire::default_fr_en();
    for questionnaire in [&questionnaire, &plain] {
        // Not in a couple, a toddler: raising the child alone, and the
        // childcare need, without being asked "seul ou seule" as well.
        let (asked, facts) = walk(
            questionnaire,
            json!({"children_count": 1, "youngest_child_age": 2, "couple": false}),
        );
        assert!(asked.iter().any(|a| a == "couple"), "{asked:?}");
        assert!(!asked.iter().any(|a| a == "single_parent"), "{asked:?}");
        assert_eq!(facts["single_parent"], json!(true), "{facts}");
        assert_eq!(facts["household_size"], json!(2), "{facts}");
        // In a couple: not raising them alone, no question about it.
        let (asked, facts) = walk(
            questionnaire,
            json!({"children_count": 3, "youngest_child_age": 2, "couple": true}),
        );
        assert!(!asked.iter().any(|a| a == "single_parent"), "{asked:?}");
        assert_eq!(facts["single_parent"], json!(false), "{facts}");
        assert_eq!(facts["household_size"], json!(5), "{facts}");
    }
    let single = |couple: bool| {
        let answers = common::answers_with(
            &json!({"children_count": 1, "youngest_child_age": 2, "couple": couple}),
        );
        let session = DiagnosisSession::replay(&plain, today(), &answers, Locale::Fr).0;
        session
            .diagnosis(&plain, Locale::Fr)
            .needs
            .iter()
            .any(|need| need.theme == "famille--garde-denfants")
    };
    assert!(
        single(false),
        "a parent alone with a toddler: a childcare need"
    );
    assert!(
        !single(true),
        "a couple: no childcare need from that answer alone"
    );
}

#[test]
fn pregnancy_and_income_from_work_are_asked_only_of_whom_they_may_concern() {
    let plain = Questionnaire::default_fr_en();
    let pregnant = plain.question("pregnant").unwrap();
    assert!(pregnant.skippable);
    let help = pregnant.help.as_ref().unwrap().get(Locale::Fr);
    assert!(
        help.contains("certaines aides commencent pendant la grossesse"),
        "{help}"
    );
    let (asked, facts) = walk(&plain, json!({"age": 29, "pregnant": true}));
    assert!(asked.iter().any(|a| a == "pregnant"));
    assert_eq!(facts["pregnant"], json!(true));
    let (asked, _) = walk(&plain, json!({"age": 67, "employment_status": "retired"}));
    assert!(!asked.iter().any(|a| a == "pregnant"), "{asked:?}");
    // Income from work: of people who work or may, not of those who
    // neither work nor look for work; distinct from the household's.
    let (asked, facts) = walk(
        &plain,
        json!({"employment_status": "student", "work_income": 650}),
    );
    assert!(asked.iter().any(|a| a == "work_income"));
    assert_eq!(facts["work_income"], json!(650));
    assert_eq!(facts["monthly_resources"], json!(1900));
    let (asked, _) = walk(&plain, json!({"employment_status": "inactive"}));
    assert!(!asked.iter().any(|a| a == "work_income"), "{asked:?}");
}

#[test]
fn whether_a_young_person_is_still_at_school_is_asked_unless_their_status_says() {
    let plain = Questionnaire::default_fr_en();
    // A young person who works may be a working student (the CEJ is for
    // those neither studying nor in training).
    let (asked, facts) = walk(
        &plain,
        json!({"age": 22, "employment_status": "employed", "in_education": true}),
    );
    assert!(asked.iter().any(|a| a == "in_education"), "{asked:?}");
    assert_eq!(facts["in_education"], json!(true));
    // A student, an apprentice, or someone over 29: not asked.
    for changes in [
        json!({"age": 20, "employment_status": "student"}),
        json!({"age": 18, "employment_status": "apprentice"}),
        json!({"age": 35, "employment_status": "jobseeker"}),
    ] {
        let (asked, _) = walk(&plain, changes.clone());
        assert!(!asked.iter().any(|a| a == "in_education"), "{changes}");
    }
}

#[test]
fn the_benefits_question_offers_every_benefit_a_fact_knows_and_none() {
    let plain = Questionnaire::default_fr_en();
    let question = plain.question("benefits").unwrap();
    let passerelle_core::questionnaire::QuestionKind::MultipleChoice { options } = &question.kind
    else {
        panic!("benefits: not a multiple choice");
    };
    let ids: Vec<&str> = options.iter().map(|option| option.id.as_str()).collect();
    // Every value the `benefits` fact knows, from the facts' vocabulary.
    let passerelle_core::facts::FactType::SetOf(benefits) =
        passerelle_core::facts::Fact::Benefits.value_type()
    else {
        panic!("benefits: not a set");
    };
    for benefit in benefits.iter().filter(|benefit| **benefit != "none") {
        assert!(ids.contains(benefit), "{benefit} not offered: {ids:?}");
    }
    assert_eq!(ids.last(), Some(&"none"));
    let (_, facts) = walk(&plain, json!({"benefits": ["apl", "asf", "c2s"]}));
    assert_eq!(facts["benefits"], json!(["apl", "asf", "c2s"]));
}
