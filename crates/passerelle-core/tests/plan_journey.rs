//! The whole journey of issue 5's "done when": a 19-year-old who could
//! join the youth commitment contract (CEJ) answers the default
//! questionnaire; a plan is built with them, changed twice, reviewed once,
//! exported and imported back unchanged, and printed as a page they can
//! follow; the partner they agree to gets its referral sheet.
#![recursion_limit = "256"]

mod common;

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
        "employment_status": "inactive", "in_education": false, "registered_jobseeker": false,
        "benefits": ["none"], "rqth": false, "disability": ["none"], "lives_in_qpv": "no",
        "couple": false, "pregnant": false, "qualification_level": "no_diploma", "nationality": "french",
        "housing_status": "hosted", "children_count": 0, "monthly_resources": 0,
        "job_difficulty": "a_lot", "job_now": true, "training_difficulty": "some",
        "training_now": false, "housing_difficulty": "none", "mobility_difficulty": "none",
        "driving_licence": false, "vehicle": false, "health_difficulty": "none",
        "family_difficulty": "none", "money_difficulty": "some", "money_now": true,
        "admin_difficulty": "none",
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

// ---------------------------------------------------------------------------
// Plans an advisor would sign (issue 16, section 4): situations advisors
// meet, answered through the default questionnaire, each plan built on
// the national catalogue with every need found, as the plan widget does.
// ---------------------------------------------------------------------------

/// Situations an advisor meets: a name, the answers that differ from
/// [`ordinary`], and the emergency lines an advisor would have the person
/// call today (the catalogue entries of the alerts raised).
fn situations() -> Vec<(&'static str, serde_json::Value, &'static [&'static str])> {
    vec![
        (
            "sleeping in the street, 23, no income",
            json!({"sleep_tonight": "street", "age": 23, "postal_code": "93200",
                "employment_status": "jobseeker", "qualification_level": "no_diploma",
                "monthly_resources": 0, "job_difficulty": "a_lot", "job_now": true,
                "housing_difficulty": "a_lot", "housing_now": true,
                "money_difficulty": "a_lot", "money_now": true,
                "driving_licence": false, "vehicle": false}),
            &["urgence-115"],
        ),
        (
            "violence at home, 31, two children, no child in danger",
            json!({"sleep_tonight": "hosted", "danger_at_home": true, "age": 31,
                "postal_code": "59000", "employment_status": "inactive",
                "children_count": 2, "youngest_child_age": 4, "single_parent": true,
                "monthly_resources": 700, "benefits": ["rsa"],
                "family_difficulty": "a_lot", "family_now": true,
                "housing_difficulty": "a_lot", "housing_now": true}),
            &["violences-femmes-info-3919", "urgences-112"],
        ),
        (
            "a child in danger",
            json!({"child_in_danger": true, "children_count": 1, "youngest_child_age": 9}),
            &["allo-enfance-119"],
        ),
        (
            "needs urgent care, 50",
            json!({"urgent_care": true, "age": 50, "health_difficulty": "a_lot",
                "health_now": true}),
            &["samu-15", "urgences-112"],
        ),
        (
            "a mother, registered jobseeker on RSA, no danger, toddler",
            json!({"age": 34, "postal_code": "93200", "employment_status": "jobseeker",
                "registered_jobseeker": true, "benefits": ["rsa"], "children_count": 1,
                "youngest_child_age": 3, "single_parent": true, "monthly_resources": 900,
                "job_difficulty": "a_lot", "job_now": true, "family_difficulty": "some",
                "health_difficulty": "some", "mobility_difficulty": "a_lot",
                "driving_licence": false, "vehicle": false}),
            &[],
        ),
        (
            "hungry student, 20",
            json!({"food_today": false, "age": 20, "postal_code": "35000",
                "employment_status": "student", "monthly_resources": 300,
                "money_difficulty": "a_lot", "money_now": true}),
            &[],
        ),
        (
            "retired, 67, in debt, in Metz",
            json!({"age": 67, "postal_code": "57000", "employment_status": "retired",
                "monthly_resources": 1000, "money_difficulty": "a_lot", "money_now": true,
                "admin_difficulty": "some", "health_difficulty": "some"}),
            &[],
        ),
        (
            "refugee, 30, allowed to work, little French, in Strasbourg",
            json!({"age": 30, "postal_code": "67000", "employment_status": "jobseeker",
                "nationality": "non_eu", "residence_permit_work": true,
                "first_residence_permit_years": 1, "housing_status": "hosted",
                "monthly_resources": 0, "job_difficulty": "a_lot", "job_now": true,
                "french_difficulty": "a_lot", "french_now": true, "french_level": "basic",
                "admin_difficulty": "a_lot", "digital_difficulty": "some"}),
            &[],
        ),
    ]
}

/// The diagnosis of a situation's answers, replayed through the default
/// questionnaire on `day`.
fn diagnosis_of(name: &str, changes: &serde_json::Value, day: Date) -> passerelle_core::Diagnosis {
    let answers = common::answers_with(changes);
    let catalogue = Arc::new(Catalogue::national());
    let questionnaire = Questionnaire::default_fr_en().adapted_to(catalogue);
    let (session, _) = DiagnosisSession::replay(&questionnaire, day, &answers, Locale::Fr);
    assert!(session.is_complete(&questionnaire), "{name}: not complete");
    session.diagnosis(&questionnaire, Locale::Fr)
}

/// The plan the widget builds: every need found, at `pace`, from `start`.
fn plan_of(diagnosis: &passerelle_core::Diagnosis, start: Date, pace: u8) -> Plan {
    let needs = diagnosis
        .needs
        .iter()
        .map(|need| need.theme.clone())
        .collect();
    let mut choices = Choices::new(start, needs);
    choices.schedule.steps_per_week = pace;
    Plan::build(diagnosis, &Catalogue::national(), &choices).unwrap()
}

/// French public holidays in 2026 and 2027 (service-public.fr, "Jours
/// fériés et ponts dans le secteur privé"), and Alsace-Moselle's own:
/// written out here, not computed, to check the plan's calendar.
const HOLIDAYS: [&str; 22] = [
    "2026-01-01",
    "2026-04-06",
    "2026-05-01",
    "2026-05-08",
    "2026-05-14",
    "2026-05-25",
    "2026-07-14",
    "2026-08-15",
    "2026-11-01",
    "2026-11-11",
    "2026-12-25",
    "2027-01-01",
    "2027-03-29",
    "2027-05-01",
    "2027-05-06",
    "2027-05-08",
    "2027-05-17",
    "2027-07-14",
    "2027-08-15",
    "2027-11-01",
    "2027-11-11",
    "2027-12-25",
];
const ALSACE_MOSELLE: [&str; 3] = ["2026-12-26", "2027-03-26", "2027-12-26"];

/// Catalogue entries whose official page says they answer every day, as
/// the national catalogue's own JSON says (`access.open_every_day`).
fn open_every_day(entry: &str) -> bool {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../data/catalogue.json")).unwrap();
    json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["id"] == entry && e["access"]["open_every_day"] == true)
}

/// Starts around the holidays that move with Easter, Christmas, and a
/// Saturday.
const STARTS: [&str; 6] = [
    "2027-03-26", // Friday before Easter Monday 2027 (29 March)
    "2027-05-05", // Wednesday before Ascension Day 2027 (6 May)
    "2027-05-14", // Friday before Whit Monday 2027 (17 May)
    "2026-12-24", // Christmas Eve
    "2026-11-28", // a Saturday
    "2027-03-25", // Thursday before Good Friday, a holiday in Alsace-Moselle
];

#[test]
fn partners_are_contacted_on_working_days_only_except_lines_open_every_day() {
    let catalogue = Catalogue::national();
    for (name, answers, _) in situations() {
        for start in STARTS {
            let start = date(start);
            let diagnosis = diagnosis_of(name, &answers, start);
            let in_alsace_moselle = ["57000", "67000"]
                .iter()
                .any(|code| answers["postal_code"] == *code);
            for pace in [2, 7] {
                let plan = plan_of(&diagnosis, start, pace);
                for action in plan.objectives.iter().flat_map(|o| &o.actions) {
                    let (Some(entry), Some(due)) = (action.entry.as_deref(), action.due) else {
                        continue;
                    };
                    if action.kind != ActionKind::ContactPartner || open_every_day(entry) {
                        continue;
                    }
                    let day = due.to_string();
                    let weekend = matches!(
                        due.weekday(),
                        passerelle_core::date::Weekday::Saturday
                            | passerelle_core::date::Weekday::Sunday
                    );
                    let holiday = HOLIDAYS.contains(&day.as_str())
                        || (in_alsace_moselle && ALSACE_MOSELLE.contains(&day.as_str()));
                    assert!(
                        !weekend && !holiday,
                        "{name}, from {start}, {pace} a week: \"{}\" on {:?} {day}",
                        action.title,
                        due.weekday()
                    );
                    assert!(catalogue.entry(entry).is_some());
                }
            }
        }
    }
}

#[test]
fn an_emergency_line_is_a_step_only_for_the_urgency_raised_due_the_first_day_once() {
    let catalogue = Catalogue::national();
    for (name, answers, raised_lines) in situations() {
        // A Saturday: the emergency line is called today all the same.
        let start = date("2026-11-28");
        let diagnosis = diagnosis_of(name, &answers, start);
        let plan = plan_of(&diagnosis, start, 2);
        let mut lines = Vec::new();
        for objective in &plan.objectives {
            for action in &objective.actions {
                let Some(entry) = action.entry.as_deref() else {
                    continue;
                };
                if !catalogue.entry(entry).unwrap().urgent {
                    continue;
                }
                assert!(
                    raised_lines.contains(&entry),
                    "{name}: \"{}\" though no urgency calls for it",
                    action.title
                );
                assert_eq!(
                    objective.priority,
                    passerelle_core::orientation::Priority::Urgent,
                    "{name}: \"{}\" under a need that is not urgent ({})",
                    action.title,
                    objective.theme
                );
                assert_eq!(action.due, Some(start), "{name}: \"{}\"", action.title);
                lines.push(entry);
            }
        }
        let mut once = lines.clone();
        once.sort();
        once.dedup();
        assert_eq!(once.len(), lines.len(), "{name}: a line twice: {lines:?}");
        // The print view of that day says "today" for each line.
        let page = print_view(&plan, &catalogue, start);
        for line in &lines {
            let title = &plan
                .objectives
                .iter()
                .flat_map(|o| &o.actions)
                .find(|a| a.entry.as_deref() == Some(*line))
                .unwrap()
                .title;
            let title = title.replace('\'', "&#39;");
            let at = page.find(&format!("<h3>{title}</h3>")).unwrap();
            let due = &page[at..at + page[at..].find("</p>").unwrap()];
            assert!(
                due.contains("aujourd’hui, samedi 28 novembre 2026"),
                "{name}: {due}"
            );
        }
    }
}

#[test]
fn each_partner_is_in_the_plan_once() {
    for (name, answers, _) in situations() {
        let start = date("2026-11-27");
        let plan = plan_of(&diagnosis_of(name, &answers, start), start, 2);
        let mut contacts: Vec<&str> = Vec::new();
        let mut papers: Vec<&str> = Vec::new();
        for objective in &plan.objectives {
            for action in &objective.actions {
                let Some(entry) = action.entry.as_deref() else {
                    continue;
                };
                let seen = match action.kind {
                    ActionKind::GetDocument => &mut papers,
                    _ => &mut contacts,
                };
                assert!(
                    !seen.contains(&entry),
                    "{name}: \"{}\" twice in the plan",
                    action.title
                );
                seen.push(entry);
                // The papers of a partner are got ready for its contact,
                // under the same need.
                assert!(objective
                    .actions
                    .iter()
                    .any(|a| a.kind == ActionKind::ContactPartner
                        && a.entry.as_deref() == Some(entry)));
            }
        }
    }
}

#[test]
fn a_first_plan_holds_a_few_steps_at_the_persons_pace() {
    // Three weeks of steps at the person's pace, six at most: the next
    // ones are chosen at the review point. Emergency lines, called at
    // once, are not steps of the pace.
    let catalogue = Catalogue::national();
    for (name, answers, _) in situations() {
        let start = date("2026-11-27");
        let diagnosis = diagnosis_of(name, &answers, start);
        for (pace, most) in [(1, 3), (2, 6), (3, 6), (7, 6)] {
            let plan = plan_of(&diagnosis, start, pace);
            let steps: Vec<&Action> = plan
                .objectives
                .iter()
                .flat_map(|o| &o.actions)
                .filter(|a| {
                    !a.entry
                        .as_deref()
                        .is_some_and(|e| catalogue.entry(e).unwrap().urgent)
                })
                .collect();
            assert!(
                steps.len() <= most,
                "{name}, {pace} a week: {} steps",
                steps.len()
            );
            // Three weeks, give or take a weekend and a holiday.
            for step in &steps {
                let days = start.days_until(step.due.unwrap());
                assert!(
                    (0..=24).contains(&days),
                    "{name}, {pace} a week: \"{}\" in {days} days",
                    step.title
                );
            }
        }
        // Each need found gets its key step first: with room for them,
        // every need with a proposal has a step before any has a second
        // (urgent needs aside: all of theirs are due at once).
        let plan = plan_of(&diagnosis, start, 2);
        let paced = || {
            (plan.objectives.iter())
                .filter(|o| o.priority != passerelle_core::orientation::Priority::Urgent)
        };
        let firsts: Vec<Date> = paced()
            .filter_map(|o| o.actions.iter().filter_map(|a| a.due).min())
            .collect();
        let seconds: Vec<Date> = paced()
            .filter_map(|o| {
                let mut dues: Vec<Date> = o
                    .actions
                    .iter()
                    .filter(|a| a.kind == ActionKind::ContactPartner)
                    .filter_map(|a| a.due)
                    .collect();
                dues.sort();
                dues.get(1).copied()
            })
            .collect();
        if let (Some(last_first), Some(first_second)) = (firsts.iter().max(), seconds.iter().min())
        {
            assert!(last_first <= first_second, "{name}: {firsts:?} {seconds:?}");
        }
    }
}
