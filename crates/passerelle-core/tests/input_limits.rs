//! Issue 18, "Input the limits still let through": what the core refuses
//! or folds before it costs more than a moment. Each test says what a
//! person or an advisor sees; the times these limits bound are measured
//! by `cargo bench -p passerelle-core --bench limits` (docs/robustness.md).

mod common;

use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::limits::MAX_NEEDS;
use passerelle_core::orientation::{orient, Need, Priority, Request};
use passerelle_core::plan::{Author, Choices, Edit, Objective, Plan};
use passerelle_core::{DiagnosisSession, Locale, Questionnaire};
use serde_json::json;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn facts() -> Facts {
    Facts::from_json(r#"{"age": 30, "postal_code": "93200", "employment_status": "jobseeker"}"#)
        .unwrap()
}

fn request<'a>(facts: &'a Facts, needs: &'a [Need]) -> Request<'a> {
    Request {
        facts,
        needs,
        reference_date: date("2026-12-03"),
        locale: Locale::Fr,
        explain: false,
    }
}

#[test]
fn twenty_thousand_copies_of_one_need_are_refused_at_once_with_their_own_code() {
    let catalogue = Catalogue::national();
    let facts = facts();
    let needs = vec![Need::new("trouver-un-emploi", Priority::Normal); 20_000];
    let Err(problem) = orient(&catalogue, &request(&facts, &needs)) else {
        panic!("20,000 copies of one need were oriented");
    };
    assert_eq!(
        (problem.code, problem.path.as_str()),
        ("too_many_needs", "$.needs")
    );
    let needs = vec![Need::new("trouver-un-emploi", Priority::Normal); MAX_NEEDS + 1];
    let Err(problem) = orient(&catalogue, &request(&facts, &needs)) else {
        panic!("one need more than the limit was oriented");
    };
    assert_eq!(problem.code, "too_many_needs");
}

#[test]
fn copies_of_a_need_are_shown_once_as_the_most_urgent_of_them() {
    let catalogue = Catalogue::national();
    let facts = facts();
    let shelter = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
    let mut needs = vec![Need::new(shelter, Priority::Normal); MAX_NEEDS - 2];
    needs.insert(1, Need::new("trouver-un-emploi", Priority::Normal));
    needs.push(Need::new(shelter, Priority::Urgent));
    let copies = orient(&catalogue, &request(&facts, &needs)).unwrap();
    let once = [
        Need::new(shelter, Priority::Urgent),
        Need::new("trouver-un-emploi", Priority::Normal),
    ];
    let alone = orient(&catalogue, &request(&facts, &once)).unwrap();
    let themes: Vec<&str> = copies.needs.iter().map(|n| n.need.theme.as_str()).collect();
    assert_eq!(
        themes,
        [shelter, "trouver-un-emploi"],
        "each need once, where it first came"
    );
    assert_eq!(
        copies.needs, alone.needs,
        "the same proposals as the need given once"
    );
    assert_eq!(copies.urgent_contacts, alone.urgent_contacts);
    assert!(
        copies.urgent_contacts.contains(&"urgence-115"),
        "the 115 is offered: one copy was urgent"
    );
    let found = copies.of_need(shelter).unwrap();
    assert_eq!(found.need.priority, Priority::Urgent);
}

/// A diagnosis with needs about work and health.
fn diagnosis() -> passerelle_core::Diagnosis {
    let answers = common::answers_with(&json!({
        "job_difficulty": "a_lot", "job_now": true,
        "health_difficulty": "a_lot", "health_now": true
    }));
    let catalogue = Arc::new(Catalogue::national());
    let questionnaire = Questionnaire::default_fr_en().adapted_to(catalogue);
    let (session, _) =
        DiagnosisSession::replay(&questionnaire, date("2026-11-27"), &answers, Locale::Fr);
    session.diagnosis(&questionnaire, Locale::Fr)
}

#[test]
fn a_plan_with_two_goals_of_one_need_proposes_each_partner_once_and_every_goal_its_own() {
    let catalogue = Catalogue::national();
    let diagnosis = diagnosis();
    let themes: Vec<String> = diagnosis.needs.iter().map(|n| n.theme.clone()).collect();
    assert!(!themes.is_empty(), "the diagnosis finds needs");
    // The person chooses one need twice: the plan has it once.
    let mut chosen = themes.clone();
    chosen.push(themes[0].clone());
    let plan = Plan::build(
        &diagnosis,
        &catalogue,
        &Choices::new(date("2026-11-30"), chosen),
    )
    .unwrap();
    let planned: Vec<&str> = plan.objectives.iter().map(|o| o.theme.as_str()).collect();
    assert_eq!(planned.len(), themes.len(), "{planned:?}");
    let mut plan = plan;
    for theme in ["mobilite", "mobilite", "sante--acces-aux-soins"] {
        plan.apply(
            Edit::AddObjective {
                objective: Objective::new(theme, None),
            },
            Author::Advisor,
            date("2026-12-01"),
        )
        .unwrap();
    }
    let proposals = plan
        .proposals(&catalogue, &diagnosis.facts, date("2026-12-15"))
        .unwrap();
    let mut entries: Vec<&str> = proposals
        .iter()
        .filter_map(|(_, action)| action.entry.as_deref())
        .collect();
    let count = entries.len();
    entries.sort_unstable();
    entries.dedup();
    assert_eq!(
        entries.len(),
        count,
        "each partner proposed once: {proposals:#?}"
    );
    let health = plan.objectives.last().unwrap().id.clone();
    let for_health: Vec<&str> = proposals
        .iter()
        .filter(|(objective, _)| *objective == health)
        .filter_map(|(_, action)| action.entry.as_deref())
        .collect();
    assert!(
        for_health.iter().all(|id| {
            let entry = catalogue.entry(id).unwrap();
            entry.themes.iter().any(|theme| theme.starts_with("sante"))
        }) && !for_health.is_empty(),
        "the health goal is offered health services: {for_health:?}"
    );
}

/// A questionnaire of `size` yes/no questions, each asked.
fn questionnaire_of(size: usize) -> String {
    let questions: Vec<_> = (0..size)
        .map(|i| json!({"id": format!("q{i}"), "kind": {"type": "yes_no"}, "label": {"fr": "Oui ?"}}))
        .collect();
    json!({"format_version": 1, "id": "big", "locales": ["fr"],
           "sections": [{"id": "s", "title": {"fr": "Vous"}, "questions": questions}]})
    .to_string()
}

#[test]
fn a_questionnaire_too_long_to_answer_in_a_moment_is_refused_with_its_own_code() {
    use passerelle_core::limits::MAX_QUESTIONS;
    assert!(Questionnaire::from_json(&questionnaire_of(MAX_QUESTIONS)).is_ok());
    let error = Questionnaire::from_json(&questionnaire_of(MAX_QUESTIONS + 1)).unwrap_err();
    let codes: Vec<_> = error
        .problems
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
    assert_eq!(codes, [("too_many_questions", "$.sections")]);
}

#[test]
fn a_snapshot_of_the_largest_questionnaire_resumes_where_it_was() {
    use passerelle_core::limits::MAX_QUESTIONS;
    let questionnaire = Questionnaire::from_json(&questionnaire_of(MAX_QUESTIONS)).unwrap();
    let mut session = DiagnosisSession::new(&questionnaire, date("2026-12-03"));
    for i in 0..MAX_QUESTIONS {
        session
            .answer(
                &questionnaire,
                &format!("q{i}"),
                passerelle_core::AnswerValue::Bool(true),
            )
            .unwrap();
    }
    let resumed = DiagnosisSession::resume(&questionnaire, &session.snapshot()).unwrap();
    assert_eq!(resumed, session);
    assert!(resumed.is_complete(&questionnaire));
}

#[test]
fn a_birth_date_of_year_one_is_refused_never_read_as_2025_years_old() {
    let problem = Facts::from_json(r#"{"birth_date": "0001-05-02"}"#).unwrap_err();
    let codes: Vec<_> = problem.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(codes, [("birth_date_too_early", "$.birth_date")]);
    assert!(Facts::from_json(r#"{"birth_date": "1900-01-01"}"#).is_ok());
    // Born in 1900, 131 years old on the reference date: refused too.
    let old = Facts::from_json(r#"{"birth_date": "1900-01-01"}"#).unwrap();
    let problem = old.resolve(date("2031-06-01")).unwrap_err();
    assert_eq!(problem.code, "birth_date_too_early");
    // Born after today: refused as before.
    let later = Facts::from_json(r#"{"birth_date": "2030-01-01"}"#).unwrap();
    let problem = later.resolve(date("2026-12-03")).unwrap_err();
    assert_eq!(problem.code, "birth_date_after_reference_date");
}

#[test]
fn a_date_answer_before_1900_asks_the_person_to_check_the_year() {
    let questionnaire = Questionnaire::from_json(
        &json!({"format_version": 1, "id": "d", "locales": ["fr", "en"],
            "sections": [{"id": "s", "title": {"fr": "Vous", "en": "You"}, "questions": [
                {"id": "born", "kind": {"type": "date"}, "sets": "birth_date",
                 "label": {"fr": "Votre date de naissance ?", "en": "Your date of birth?"}}]}]})
        .to_string(),
    )
    .unwrap();
    let mut session = DiagnosisSession::new(&questionnaire, date("2026-12-03"));
    let error = session
        .answer_input(&questionnaire, "born", "02/05/0001")
        .unwrap_err();
    assert_eq!(error.code(), "answer_date_too_early");
    let question = questionnaire.question("born");
    assert_eq!(
        error.message(question, Locale::Fr),
        "Cette date est avant 1900. Vérifiez l’année."
    );
    session
        .answer_input(&questionnaire, "born", "02/05/2001")
        .unwrap();
    let facts = session.facts(&questionnaire);
    assert_eq!(
        facts.get(passerelle_core::facts::Fact::Age),
        Some(&passerelle_core::facts::Value::Integer(25))
    );
}

#[test]
fn a_consent_dated_after_today_is_refused_and_a_plan_file_holding_one_is_not_read() {
    use passerelle_core::plan::Consent;
    let catalogue = Catalogue::national();
    let diagnosis = diagnosis();
    let themes: Vec<String> = diagnosis.needs.iter().map(|n| n.theme.clone()).collect();
    let mut plan = Plan::build(
        &diagnosis,
        &catalogue,
        &Choices::new(date("2026-11-30"), themes),
    )
    .unwrap();
    let entry = plan.objectives[0].actions[0].entry.clone().unwrap();
    let give = |day: &str| Edit::GiveConsent {
        consent: Consent {
            entry: entry.clone(),
            date: date(day),
        },
    };
    let before = plan.clone();
    let error = plan
        .apply(give("2027-06-01"), Author::Advisor, date("2026-12-01"))
        .unwrap_err();
    assert_eq!(error.code(), "consent_in_future");
    assert_eq!(plan, before, "nothing recorded");
    plan.apply(give("2026-12-01"), Author::Advisor, date("2026-12-01"))
        .unwrap();
    assert!(plan.consent(&entry).is_some());
    let saved = plan.to_json();
    assert!(Plan::from_json(&saved).is_ok());
    let mut forged: serde_json::Value = serde_json::from_str(&saved).unwrap();
    forged["consents"][0]["date"] = json!("2027-06-01");
    let forged = forged.to_string();
    let error = Plan::from_json(&forged).unwrap_err();
    assert_eq!(error.code(), "plan_corrupted");
}

/// A local catalogue of one service whose addresses are `source_url` and
/// `url`.
fn catalogue_with_urls(source_url: &str, url: &str) -> serde_json::Value {
    json!({"format_version": 1, "id": "local", "name": "Local", "entries": [{
        "id": "epicerie-solidaire", "name": {"fr": "Épicerie solidaire"},
        "description": {"fr": "Des courses à petit prix."}, "kind": "service",
        "types": ["aide-materielle"], "themes": ["equipement-et-alimentation--alimentation"],
        "publics": ["tous-publics"], "zone": {"departments": ["93"]},
        "access": {"through": ["usagers"], "modes": ["se-presenter"], "url": url},
        "cost": "gratuit", "source_url": source_url, "last_verified": "2026-11-26"}]})
}

#[test]
fn catalogue_links_go_only_to_dns_names_and_read_as_they_go() {
    let good = "https://www.service-public.fr/particuliers/vosdroits/F1190";
    assert!(Catalogue::from_value(&catalogue_with_urls(good, good)).is_ok());
    for host in [
        "https://-.-/",
        "https://127.0.0.1/",
        "https://[::1]/",
        "https://10.0.0.1:8080/",
        "https://localhost/",
        "https://-mairie.fr/",
        "https://mairie-.fr/",
        "https://mairie..fr/",
        "https://user@mairie.fr/",
        "https://mairie.fr:80a/",
        "https://mairie.fr/\u{200B}a",
    ] {
        let problems = Catalogue::from_value(&catalogue_with_urls(host, good)).unwrap_err();
        let codes: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
        assert_eq!(
            codes,
            [("not_https_url", "$.entries[0].source_url")],
            "{host}"
        );
    }
    for bidi in ['\u{202E}', '\u{2067}', '\u{200F}', '\u{061C}', '\u{202A}'] {
        let url = format!("https://www.mairie.fr/{bidi}fdp.exe");
        let problems = Catalogue::from_value(&catalogue_with_urls(good, &url)).unwrap_err();
        let codes: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
        assert_eq!(
            codes,
            [("bidi_control_in_url", "$.entries[0].access.url")],
            "U+{:04X}",
            bidi as u32
        );
    }
}

#[test]
fn questionnaire_ids_are_slugs_so_no_proto_no_space_no_invisible_joiner() {
    let with_ids = |section: &str, question: &str, option: &str| {
        json!({"format_version": 1, "id": "q", "locales": ["fr"],
            "sections": [{"id": section, "title": {"fr": "Vous"}, "questions": [
                {"id": question, "kind": {"type": "single_choice", "options": [
                    {"id": option, "label": {"fr": "Oui"}}]}, "label": {"fr": "Quoi ?"}}]}]})
        .to_string()
    };
    assert!(Questionnaire::from_json(&with_ids("vous", "sleep_tonight", "dont.know-2")).is_ok());
    for (section, question, option, path) in [
        ("__proto__", "a", "b", "$.sections[0].id"),
        ("s", "__proto__", "b", "$.sections[0].questions[0].id"),
        (
            "s",
            "a",
            "__proto__",
            "$.sections[0].questions[0].kind.options[0].id",
        ),
        ("s", "sleep tonight", "b", "$.sections[0].questions[0].id"),
        (
            "s",
            "a",
            "o\u{200D}ui",
            "$.sections[0].questions[0].kind.options[0].id",
        ),
        (
            "s",
            "a",
            "-oui",
            "$.sections[0].questions[0].kind.options[0].id",
        ),
        ("s", "être", "b", "$.sections[0].questions[0].id"),
    ] {
        let error = Questionnaire::from_json(&with_ids(section, question, option)).unwrap_err();
        let codes: Vec<_> = error
            .problems
            .iter()
            .map(|p| (p.code, p.path.as_str()))
            .collect();
        assert_eq!(
            codes,
            [("not_a_slug", path)],
            "{section} {question} {option:?}"
        );
    }
}

#[test]
fn data_inclusion_ids_that_are_not_slugs_still_map_to_an_entry() {
    let record = |id: &str| {
        json!({"id": id, "nom": "Épicerie", "description": "Des courses.", "type": "aide-materielle",
               "thematiques": ["equipement-et-alimentation--alimentation"], "frais": "gratuit",
               "mobilisable_par": ["usagers"], "modes_mobilisation": ["se-presenter"],
               "lien_source": "https://www.data.inclusion.beta.gouv.fr/", "date_maj": "2026-11-26",
               "zone_eligibilite": ["93"]})
    };
    let records = json!([
        record("__proto__"),
        record("Abc\u{200D} 12"),
        record("ok-1")
    ]);
    let import = passerelle_core::import::import_data_inclusion(&records.to_string()).unwrap();
    let ids: Vec<&str> = import
        .catalogue
        .entries()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["di-proto", "di-abc-12", "di-ok-1"],
        "{:?}",
        import.report
    );
}

#[test]
fn conditions_too_heavy_to_evaluate_at_each_step_are_refused_with_their_own_code() {
    use passerelle_core::limits::MAX_QUESTIONNAIRE_CONDITIONS;
    // Each tested answer weighs 2: the test and its value.
    let with_width = |width: usize| {
        let any: Vec<_> = (0..width)
            .map(|_| json!({"answer": {"question": "a", "values": ["yes"]}}))
            .collect();
        json!({"format_version": 1, "id": "wide", "locales": ["fr"],
            "sections": [{"id": "s", "title": {"fr": "Vous"}, "questions": [
                {"id": "a", "kind": {"type": "yes_no"}, "label": {"fr": "Oui ?"}},
                {"id": "b", "kind": {"type": "yes_no"}, "label": {"fr": "Et ?"},
                 "ask_when": {"any": any}}]}]})
        .to_string()
    };
    let most = (MAX_QUESTIONNAIRE_CONDITIONS - 1) / 2;
    assert!(Questionnaire::from_json(&with_width(most)).is_ok());
    let error = Questionnaire::from_json(&with_width(most + 1)).unwrap_err();
    let codes: Vec<_> = error
        .problems
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
    assert_eq!(codes, [("too_many_conditions", "$.sections")]);
    // The default questionnaire is far below.
    assert!(!Questionnaire::default_fr_en().is_empty());
}
