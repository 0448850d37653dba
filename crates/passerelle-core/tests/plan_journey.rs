//! The whole journey of issue 5's "done when": a 19-year-old who could
//! join the youth commitment contract (CEJ) answers the default
//! questionnaire; a plan is built with them, changed twice, reviewed once,
//! exported and imported back unchanged, and printed as a page they can
//! follow; the partner they agree to gets its referral sheet.
#![recursion_limit = "256"]

use std::collections::BTreeMap;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::plan::{
    Action, ActionKind, ActionStatus, Actor, Author, Choices, Consent, ContactDetails, Edit, Plan,
    Review,
};
use passerelle_core::print::print_view;
use passerelle_core::referral::referral_sheet;
use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire};
use serde_json::json;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn answers() -> BTreeMap<String, AnswerValue> {
    serde_json::from_value(json!({
        "sleep_tonight": "home", "food_today": true, "danger_at_home": false,
        "child_in_danger": false, "urgent_care": false, "age": 19, "postal_code": "93200",
        "employment_status": "inactive", "registered_jobseeker": false, "benefits": ["none"],
        "rqth": false, "qualification_level": "no_diploma", "nationality": "french",
        "housing_status": "hosted", "children_count": 0, "monthly_resources": 0,
        "job_difficulty": "a_lot", "job_now": true, "training_difficulty": "some",
        "training_now": false, "housing_difficulty": "none", "mobility_difficulty": "none",
        "driving_licence": false, "vehicle": false, "health_difficulty": "none",
        "family_difficulty": "none", "money_difficulty": "some", "admin_difficulty": "none",
        "french_difficulty": "none", "french_level": "fluent", "digital_difficulty": "none",
        "digital_autonomy": "autonomous",
        "need_ranking": ["trouver-un-emploi", "difficultes-financieres"]
    }))
    .unwrap()
}

#[test]
fn a_cej_candidate_builds_changes_reviews_exports_and_prints_a_plan() {
    let today = date("2026-11-27");
    let catalogue = Arc::new(Catalogue::national());
    let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::clone(&catalogue));
    let (session, problems) =
        DiagnosisSession::replay(&questionnaire, today, &answers(), Locale::Fr);
    assert!(
        problems.iter().all(|p| p.code == "question_not_asked"),
        "{problems:#?}"
    );
    let diagnosis = session.diagnosis(&questionnaire, Locale::Fr);
    assert_eq!(diagnosis.needs[0].theme, "trouver-un-emploi");

    // Built with the advisor: the job first, at one step a week, never on Mondays.
    let mut choices = Choices::new(
        today,
        vec!["trouver-un-emploi".into(), "difficultes-financieres".into()],
    );
    choices.entries.insert(
        "trouver-un-emploi".into(),
        vec!["contrat-engagement-jeune".into(), "mission-locale".into()],
    );
    choices.statements.insert(
        "trouver-un-emploi".into(),
        "Trouver un travail dans la logistique".into(),
    );
    choices.schedule.steps_per_week = 1;
    choices.schedule.unavailable = vec![passerelle_core::plan::Unavailable::day(
        passerelle_core::date::Weekday::Monday,
    )];
    let mut plan = Plan::build(&diagnosis, &catalogue, &choices).unwrap();
    let job = plan.objectives[0].clone();
    assert_eq!(job.theme, "trouver-un-emploi");
    let cej = &job.actions[0];
    assert_eq!(cej.entry.as_deref(), Some("contrat-engagement-jeune"));
    assert_eq!(cej.kind, ActionKind::ContactPartner);
    assert!(cej
        .contact
        .as_ref()
        .is_some_and(|c| c.phone.is_some() || c.url.is_some()));
    let dues: Vec<Date> = plan
        .objectives
        .iter()
        .flat_map(|o| &o.actions)
        .filter_map(|a| a.due)
        .collect();
    assert!(dues
        .iter()
        .all(|due| due.weekday() != passerelle_core::date::Weekday::Monday));

    // Edited twice: the advisor's details, then a document to get first.
    plan.apply(
        Edit::SetAdvisor {
            advisor: Some(ContactDetails {
                name: "Samia B.".into(),
                organisation: Some("Mission locale de Saint-Denis".into()),
                phone: Some("01 49 33 00 00".into()),
                email: None,
            }),
        },
        Author::Advisor,
        today,
    )
    .unwrap();
    plan.apply(
        Edit::AddAction {
            objective: job.id.clone(),
            action: Action {
                id: String::new(),
                kind: ActionKind::GetDocument,
                title: "Retrouver ma carte Vitale".into(),
                entry: None,
                contact: None,
                actor: Actor::Person,
                due: Some(date("2026-12-01")),
                status: ActionStatus::Planned,
                notes: None,
            },
        },
        Author::Person,
        date("2026-11-28"),
    )
    .unwrap();

    // Reviewed once: the CEJ is under way; the person is now registered.
    plan.apply(
        Edit::SetStatus {
            action: cej.id.clone(),
            status: ActionStatus::InProgress,
        },
        Author::Advisor,
        date("2026-12-15"),
    )
    .unwrap();
    let facts = Facts::from_json(
        r#"{"age": 19, "postal_code": "93200", "employment_status": "jobseeker",
            "registered_jobseeker": true}"#,
    )
    .unwrap();
    plan.apply(
        Edit::Review {
            review: Box::new(Review {
                date: date("2026-12-15"),
                done: "Premier rendez-vous pour le CEJ.".into(),
                stuck: "Pas encore de carte Vitale.".into(),
                changed: "Inscrit à France Travail.".into(),
                facts: Some(facts.clone()),
            }),
        },
        Author::Advisor,
        date("2026-12-15"),
    )
    .unwrap();
    let proposals = plan
        .proposals(&catalogue, &facts, date("2026-12-15"))
        .unwrap();
    assert!(proposals.iter().all(|(_, action)| {
        !["contrat-engagement-jeune", "mission-locale"].contains(&action.entry.as_deref().unwrap())
    }));
    plan.apply(
        Edit::SetNextReview {
            date: Some(date("2027-01-12")),
        },
        Author::Advisor,
        date("2026-12-15"),
    )
    .unwrap();
    plan.apply(
        Edit::SetPerson {
            person: Some(ContactDetails {
                name: "Yanis K.".into(),
                organisation: None,
                phone: Some("06 12 34 56 78".into()),
                email: None,
            }),
        },
        Author::Person,
        date("2026-12-15"),
    )
    .unwrap();
    plan.apply(
        Edit::GiveConsent {
            consent: Consent {
                entry: "mission-locale".into(),
                date: date("2026-12-15"),
            },
        },
        Author::Person,
        date("2026-12-15"),
    )
    .unwrap();
    assert_eq!(plan.history.len(), 8);

    // Exported and imported back: the same plan, the same file.
    let json = plan.to_json();
    let imported = Plan::from_json(&json).unwrap();
    assert_eq!(imported, plan);
    assert_eq!(imported.to_json(), json);

    // A page the person can follow: their objective in their words, the
    // next steps with dates and how to reach each partner, the advisor,
    // the next review.
    let page = print_view(&plan, &catalogue, date("2026-12-15"));
    for expected in [
        "lang=\"fr\"",
        "Trouver un travail dans la logistique",
        "Retrouver ma carte Vitale",
        "mardi 1er décembre 2026",
        "engagement jeune (CEJ)",
        "Samia B.",
        "01 49 33 00 00",
        "mardi 12 janvier 2027",
        "@page",
    ] {
        assert!(page.contains(expected), "missing {expected:?}");
    }
    assert!(!page.contains("<script"));

    // The referral sheet for the Mission locale, with consent: only its
    // action, not the other partner's, nor the person's own words.
    let sheet = referral_sheet(&plan, &catalogue, "mission-locale", date("2026-12-15")).unwrap();
    let sheet = serde_json::to_string(&sheet).unwrap();
    assert!(sheet.contains("mission-locale"));
    assert!(
        sheet.contains("Yanis K."),
        "the partner knows who to expect"
    );
    assert!(!sheet.contains("logistique"));
    assert!(!sheet.contains("carte Vitale"));
    assert!(referral_sheet(&plan, &catalogue, "contrat-engagement-jeune", today).is_err());

    // Neither the person nor the advisor is named in the anonymous report,
    // nor on the person's own print view of their contact.
    let report = passerelle_core::report::report(&vec![plan.clone(); 6]).to_json();
    for private in ["Yanis", "06 12 34 56 78", "Samia", "logistique", "2026-"] {
        assert!(!report.contains(private), "{private} in the report");
    }
}
