//! The commune table (`data/communes/`, made by `cargo xtask communes`)
//! and what it changes for a person: a postal code of one commune sets it,
//! one of several asks which, and every place is named, never coded.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::communes::{Communes, PostalCommunes};
use passerelle_core::date::Date;
use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
use passerelle_core::facts::{Fact, Facts, Value};
use passerelle_core::geo;
use passerelle_core::orientation::{orient, Need, Priority, Request};
use passerelle_core::plan::{Author, Choices, Consent, Edit, Plan};
use passerelle_core::referral::referral_sheet;
use passerelle_core::{AnswerValue, DiagnosisSession, Locale, QuestionKind, Questionnaire};

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/communes")
}

/// The text of the part of `department`.
fn part(department: &str) -> String {
    std::fs::read_to_string(folder().join(format!("{department}.txt"))).unwrap()
}

/// Every part, by department.
fn parts() -> BTreeMap<String, String> {
    let mut parts = BTreeMap::new();
    for entry in std::fs::read_dir(folder()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let department = path.file_stem().unwrap().to_str().unwrap().to_owned();
            parts.insert(department, std::fs::read_to_string(&path).unwrap());
        }
    }
    parts
}

fn all_communes() -> Communes {
    let parts = parts();
    Communes::from_parts(parts.values().map(String::as_str), "$").unwrap()
}

fn communes_of(departments: &[&str]) -> Communes {
    let parts: Vec<String> = departments.iter().map(|d| part(d)).collect();
    Communes::from_parts(parts.iter().map(String::as_str), "$").unwrap()
}

#[test]
fn the_parts_match_their_manifest_and_the_departments() {
    let parts = parts();
    let departments: BTreeSet<&str> = geo::DEPARTMENTS.iter().map(|(code, _, _)| *code).collect();
    assert_eq!(
        parts.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        departments,
        "one part per department, no other"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder().join("manifest.json")).unwrap())
            .unwrap();
    let mut lines = 0;
    let mut postal_codes = BTreeSet::new();
    for (department, text) in &parts {
        assert_eq!(
            Communes::department_of_part(text),
            Some(department.as_str()),
            "{department}: its header names it"
        );
        for line in text.lines().skip(1) {
            lines += 1;
            let fields: Vec<&str> = line.split('\t').collect();
            let [code, name, postal] = fields[..] else {
                panic!("{department}: {line:?}");
            };
            // A commune of the department, or one that a postal code of
            // the department serves.
            let postal: Vec<&str> = postal.split(' ').collect();
            assert!(
                geo::department_of_commune(code) == Some(department.as_str())
                    || postal
                        .iter()
                        .any(|p| geo::department_of_postal_code(p) == Some(department.as_str())),
                "{department}: {line:?}"
            );
            assert!(!name.is_empty() && name.trim() == name, "{line:?}");
            postal_codes.extend(postal);
        }
    }
    let communes = all_communes();
    assert_eq!(manifest["departments"], parts.len());
    assert_eq!(manifest["lines"], lines);
    assert_eq!(manifest["communes"], communes.len());
    assert_eq!(manifest["postal_codes"], postal_codes.len());
    // INSEE's count of communes in the departments (2026: 34,875) and La
    // Poste's postal codes: the table is whole.
    assert!(
        (34_800..35_100).contains(&communes.len()),
        "{}",
        communes.len()
    );
    assert!((6_100..6_400).contains(&postal_codes.len()));
    assert_eq!(
        manifest["sources"]["codes-postaux"], "4.1.2",
        "the versions of crates/xtask/communes/package.json"
    );
}

#[test]
fn the_part_of_a_postal_code_knows_all_its_communes() {
    let all = all_communes();
    let parts = parts();
    let mut checked = 0;
    for (department, text) in &parts {
        let alone = Communes::new().with_part(text).unwrap();
        let postal_codes: BTreeSet<&str> = text
            .lines()
            .skip(1)
            .flat_map(|line| line.rsplit('\t').next().unwrap().split(' '))
            .filter(|p| geo::department_of_postal_code(p) == Some(department.as_str()))
            .collect();
        for postal_code in postal_codes {
            assert_eq!(
                alone.of_postal_code(postal_code),
                all.of_postal_code(postal_code)
            );
            assert!(matches!(
                alone.of_postal_code(postal_code),
                PostalCommunes::One(_) | PostalCommunes::Several(_)
            ));
            checked += 1;
        }
    }
    assert!(checked > 6_000);
}

#[test]
fn places_people_know_are_where_they_should_be() {
    let communes = all_communes();
    let names = |postal: &str| -> Vec<String> {
        match communes.of_postal_code(postal) {
            PostalCommunes::One(commune) => vec![commune.name.to_owned()],
            PostalCommunes::Several(list) => list.iter().map(|c| c.name.to_owned()).collect(),
            other => panic!("{postal}: {other:?}"),
        }
    };
    assert_eq!(names("93200"), ["Saint-Denis"]);
    assert_eq!(names("75011"), ["Paris"]);
    assert_eq!(names("13001"), ["Marseille"]);
    assert_eq!(names("69003"), ["Lyon"]);
    assert_eq!(names("01000"), ["Bourg-en-Bresse", "Saint-Denis-lès-Bourg"]);
    assert_eq!(
        names("20200"),
        [
            "Bastia",
            "San-Martino-di-Lota",
            "Santa-Maria-di-Lota",
            "Ville-di-Pietrabugno"
        ]
    );
    assert_eq!(names("97411"), ["Saint-Paul"]);
    assert_eq!(communes.name("2A004"), Some("Ajaccio"));
    assert_eq!(communes.name("97611"), Some("Mamoudzou"));
    // Monaco and Saint-Barthélemy are not departments: no part tells them.
    assert_eq!(communes.of_postal_code("98000"), PostalCommunes::NotLoaded);
    assert_eq!(communes.of_postal_code("97133"), PostalCommunes::NotLoaded);
}

/// Answers the default questionnaire up to the postal code with `postal`,
/// a person at home with food and no danger, 40.
fn up_to_postal_code(questionnaire: &Questionnaire, postal: &str) -> DiagnosisSession {
    let mut session = DiagnosisSession::new(questionnaire, today());
    while let Some(question) = session.current(questionnaire) {
        let id = question.id.clone();
        let answer = match &question.kind {
            QuestionKind::PostalCode => AnswerValue::Text(postal.into()),
            QuestionKind::YesNo => AnswerValue::Bool(id == "food_today"),
            QuestionKind::Number { .. } => AnswerValue::Number(40),
            _ if id == "sleep_tonight" => AnswerValue::Text("home".into()),
            _ => AnswerValue::Text(question.options()[0].id.clone()),
        };
        session.answer(questionnaire, &id, answer).unwrap();
        if id == "postal_code" {
            break;
        }
    }
    session
}

#[test]
fn a_postal_code_of_one_commune_sets_it_without_a_question() {
    let questionnaire = Questionnaire::default_fr_en().with_communes(communes_of(&["93"]));
    let session = up_to_postal_code(&questionnaire, "93200");
    let next = session.current(&questionnaire).unwrap();
    assert_ne!(
        next.id, "commune",
        "no question: Saint-Denis is the only commune of 93200"
    );
    let facts = session.facts(&questionnaire);
    assert_eq!(facts.get(Fact::Commune), Some(&Value::Text("93066".into())));
    assert_eq!(facts.get(Fact::Department), Some(&Value::Text("93".into())));
}

#[test]
fn a_postal_code_of_several_communes_asks_which_by_name() {
    let questionnaire = Questionnaire::default_fr_en().with_communes(communes_of(&["2B"]));
    let mut session = up_to_postal_code(&questionnaire, "20200");
    let question = session.current(&questionnaire).unwrap();
    assert_eq!(question.id, "commune", "asked right after the postal code");
    assert_eq!(
        question.label.get(Locale::Fr),
        "Dans quelle commune vivez-vous\u{202f}?"
    );
    let options = session.options(&questionnaire, question);
    let labels: Vec<&str> = options.iter().map(|o| o.label.get(Locale::Fr)).collect();
    assert_eq!(
        labels,
        [
            "Bastia",
            "San-Martino-di-Lota",
            "Santa-Maria-di-Lota",
            "Ville-di-Pietrabugno"
        ]
    );
    // The progress counts it once the postal code is answered.
    let before = session.step(&questionnaire).progress;
    assert_eq!(before.answered + 1, session.asked().len() + 1);
    // Not a commune of 20200: refused, with the message of an unknown choice.
    let error = session
        .answer_input(&questionnaire, "commune", "2A004")
        .unwrap_err();
    assert_eq!(error.code(), "answer_unknown_option");
    assert_eq!(
        error.message(Some(question), Locale::Fr),
        "Choisissez une des réponses proposées."
    );
    session
        .answer_input(&questionnaire, "commune", "2B305")
        .unwrap();
    let facts = session.facts(&questionnaire);
    assert_eq!(facts.get(Fact::Commune), Some(&Value::Text("2B305".into())));
    assert_eq!(facts.get(Fact::Department), Some(&Value::Text("2B".into())));
    // "I'd rather not say": the commune stays unknown.
    session.back();
    session.skip(&questionnaire, "commune").unwrap();
    assert_eq!(session.facts(&questionnaire).get(Fact::Commune), None);
}

#[test]
fn the_questions_left_never_grow_with_the_commune_question() {
    let questionnaire = Questionnaire::default_fr_en().with_communes(communes_of(&["2B", "93"]));
    for postal in ["20200", "93200", "93000"] {
        let mut session = DiagnosisSession::new(&questionnaire, today());
        let mut lefts = Vec::new();
        while let Some(question) = session.current(&questionnaire) {
            lefts.push((
                question.id.clone(),
                session.step(&questionnaire).progress.left,
            ));
            let id = question.id.clone();
            let answer = match &question.kind {
                QuestionKind::PostalCode => AnswerValue::Text(postal.into()),
                QuestionKind::YesNo => AnswerValue::Bool(id == "food_today"),
                QuestionKind::Number { min, .. } => AnswerValue::Number(*min),
                QuestionKind::Commune => {
                    let options = session.options(&questionnaire, question);
                    AnswerValue::Text(options[0].id.clone())
                }
                QuestionKind::NeedRanking => AnswerValue::List(session.needs_found(&questionnaire)),
                QuestionKind::MultipleChoice { .. } => {
                    AnswerValue::List(vec![question.options()[0].id.clone()])
                }
                _ if id == "sleep_tonight" => AnswerValue::Text("home".into()),
                _ => AnswerValue::Text(question.options()[0].id.clone()),
            };
            session.answer(&questionnaire, &id, answer).unwrap();
        }
        assert_eq!(
            lefts.iter().any(|(id, _)| id == "commune"),
            postal == "20200",
            "{postal}: asked only for a postal code of several communes"
        );
        for pair in lefts.windows(2) {
            assert!(pair[1].1 <= pair[0].1, "{postal}: {pair:?}");
        }
    }
}

#[test]
fn homonyms_of_one_postal_code_are_told_apart() {
    // 62760 serves two communes named Thièvres, one in the Pas-de-Calais
    // and one in the Somme.
    let questionnaire = Questionnaire::default_fr_en().with_communes(communes_of(&["62"]));
    let session = up_to_postal_code(&questionnaire, "62760");
    let question = session.current(&questionnaire).unwrap();
    let options = session.options(&questionnaire, question);
    let thievres: Vec<&str> = (options.iter())
        .map(|o| o.label.get(Locale::Fr))
        .filter(|label| label.starts_with("Thièvres"))
        .collect();
    assert_eq!(thievres, ["Thièvres (Pas-de-Calais)", "Thièvres (Somme)"]);
}

#[test]
fn without_the_table_the_question_is_left_out_and_no_code_is_shown() {
    let questionnaire = Questionnaire::default_fr_en();
    let session = up_to_postal_code(&questionnaire, "20200");
    assert_ne!(session.current(&questionnaire).unwrap().id, "commune");
    assert_eq!(session.facts(&questionnaire).get(Fact::Commune), None);
}

#[test]
fn a_commune_kept_is_taken_back_before_the_table_arrives() {
    let with_table = Questionnaire::default_fr_en().with_communes(communes_of(&["2B"]));
    let mut session = up_to_postal_code(&with_table, "20200");
    session
        .answer(&with_table, "commune", AnswerValue::Text("2B033".into()))
        .unwrap();
    let snapshot = session.snapshot();
    // The next visit: the page has not loaded the part yet.
    let without = Questionnaire::default_fr_en();
    let resumed = DiagnosisSession::resume(&without, &snapshot).unwrap();
    assert_eq!(
        resumed.facts(&without).get(Fact::Commune),
        Some(&Value::Text("2B033".into()))
    );
    // Going back to it shows the commune chosen, in words.
    let mut back = resumed.clone();
    back.back();
    let question = back.current(&without).unwrap();
    assert_eq!(question.id, "commune");
    let options = back.options(&without, question);
    assert_eq!(options.len(), 1);
    assert_eq!(options[0].id, "2B033");
    assert_eq!(
        options[0].label.get(Locale::Fr),
        "La commune que vous avez choisie"
    );
    // And once the part is there, by its name.
    let named = back.options(&with_table, with_table.question("commune").unwrap());
    assert_eq!(named[0].label.get(Locale::Fr), "Bastia");
}

fn demo_needs() -> Vec<Need> {
    [
        "equipement-et-alimentation--alimentation",
        "logement-hebergement--se-maintenir-dans-le-logement",
    ]
    .into_iter()
    .map(|theme| Need {
        theme: theme.into(),
        priority: Priority::Normal,
        alerts: Vec::new(),
    })
    .collect()
}

/// The explanation texts of the demo town's grocery for `facts`.
fn grocery_explanation(catalogue: &Catalogue, facts: &str, locale: Locale) -> Vec<String> {
    let facts = Facts::from_json(facts).unwrap();
    let needs = demo_needs();
    let orientation = orient(
        catalogue,
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date: today(),
            locale,
            explain: true,
        },
    )
    .unwrap();
    let evaluation = orientation.evaluation("demo-epicerie-solidaire").unwrap();
    orientation
        .explanation(evaluation)
        .iter()
        .map(|explanation| explanation.text())
        .collect()
}

#[test]
fn a_commune_zone_is_explained_with_the_communes_name() {
    let catalogue = Catalogue::national()
        .merged_with(&Catalogue::demo_local())
        .with_communes(communes_of(&["93"]));
    assert_eq!(Catalogue::demo_local().commune_parts_needed(), ["93"]);
    let texts = grocery_explanation(&catalogue, r#"{"postal_code": "93200"}"#, Locale::Fr);
    assert_eq!(
        texts[0],
        "Habiter à Saint-Denis\u{a0}: vous habitez à Saint-Denis"
    );
    let texts = grocery_explanation(&catalogue, r#"{"postal_code": "93200"}"#, Locale::En);
    assert_eq!(texts[0], "Live in Saint-Denis: you live in Saint-Denis");
    // Elsewhere in the department: the commune of the person named too.
    let texts = grocery_explanation(&catalogue, r#"{"postal_code": "93300"}"#, Locale::Fr);
    assert_eq!(
        texts[0],
        "Habiter à Saint-Denis\u{a0}: vous habitez à Aubervilliers"
    );
    // The part not loaded (yet): the department, never the code.
    let unnamed = Catalogue::national().merged_with(&Catalogue::demo_local());
    let texts = grocery_explanation(&unnamed, r#"{"postal_code": "93200"}"#, Locale::Fr);
    assert_eq!(
        texts[0],
        "Habiter\u{a0}: une commune de Seine-Saint-Denis (93)\u{a0}: votre département est Seine-Saint-Denis (93)"
    );
}

#[test]
fn a_referral_sheet_names_the_commune() {
    let catalogue = Catalogue::national()
        .merged_with(&Catalogue::demo_local())
        .with_communes(communes_of(&["93"]));
    let food = "equipement-et-alimentation--alimentation";
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today(),
        facts: Facts::from_json(r#"{"postal_code": "93200", "age": 40}"#).unwrap(),
        urgent: vec![],
        needs: vec![FoundNeed {
            theme: food.into(),
            label: "Alimentation".into(),
            priority: Priority::High,
            rank: None,
            raised_by: vec![],
        }],
        ranked_by_person: false,
    };
    let mut choices = Choices::new(today(), vec![food.into()]);
    choices
        .entries
        .insert(food.into(), vec!["demo-epicerie-solidaire".into()]);
    let mut plan = Plan::build(&diagnosis, &catalogue, &choices).unwrap();
    plan.apply(
        Edit::GiveConsent {
            consent: Consent {
                entry: "demo-epicerie-solidaire".into(),
                date: today(),
            },
        },
        Author::Advisor,
        today(),
    )
    .unwrap();
    let sheet = referral_sheet(&plan, &catalogue, "demo-epicerie-solidaire", today()).unwrap();
    let texts: Vec<&str> = sheet.facts.iter().map(|fact| fact.text.as_str()).collect();
    assert!(
        texts.contains(&"Commune\u{a0}: Saint-Denis, Seine-Saint-Denis (93)"),
        "{texts:?}"
    );
    assert!(
        texts.iter().all(|text| !text.contains("93066")),
        "{texts:?}"
    );
}
