//! What an advisor expects of the proposals and of the first plan, for
//! situations advisors meet, answered through the default questionnaire
//! (adapted to the national catalogue) and oriented on the national
//! catalogue: what the person already has is not proposed again, each
//! scheme comes once, emergency lines only under an urgent need the
//! person raised, the key step of a situation first, what is ruled out
//! after the rest, and a plan with each partner once.
#![recursion_limit = "256"]

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::Diagnosis;
use passerelle_core::orientation::{
    orient, Audience, Eligibility, Fit, Orientation, Priority, Request, Standing, FIRST_SHOWN,
};
use passerelle_core::plan::{ActionKind, Choices, Plan};
use passerelle_core::{AnswerValue, DiagnosisSession, Locale, Questionnaire};
use serde_json::{json, Value};

const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
const CHILDCARE: &str = "famille--garde-denfants";

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

/// A situation an advisor meets, and what they expect of it.
struct Situation {
    name: &'static str,
    /// Answers that differ from [`ordinary`].
    answers: Value,
    /// What the person already has: never proposed, never a step.
    held: &'static [&'static str],
    /// (need, entry): the entry is the first proposal of the need after
    /// its emergency lines.
    first: &'static [(&'static str, &'static str)],
    /// (need, entry): the entry is not among what an advisor reads first
    /// for the need, nor a step of the plan.
    not_offered: &'static [(&'static str, &'static str)],
}

fn situations() -> Vec<Situation> {
    vec![
        Situation {
            name: "sleeping in the street tonight, 50, no income",
            answers: json!({"sleep_tonight": "street", "age": 50, "postal_code": "67000",
                "employment_status": "inactive", "monthly_resources": 0,
                "housing_difficulty": "a_lot", "housing_now": true,
                "money_difficulty": "a_lot", "money_now": true}),
            held: &[],
            first: &[(SHELTER, "domiciliation")],
            not_offered: &[],
        },
        Situation {
            name: "in an emergency shelter, 35, registered jobseeker",
            answers: json!({"sleep_tonight": "shelter", "employment_status": "jobseeker",
                "registered_jobseeker": true, "support_in_progress": ["france_travail"],
                "monthly_resources": 0, "housing_difficulty": "a_lot", "housing_now": true,
                "job_difficulty": "some", "job_now": true}),
            held: &["france-travail-inscription"],
            first: &[(SHELTER, "domiciliation")],
            not_offered: &[],
        },
        Situation {
            name: "registered jobseeker on the RSA, 45, two children",
            answers: json!({"age": 45, "postal_code": "57000", "employment_status": "jobseeker",
                "registered_jobseeker": true, "benefits": ["rsa"],
                "support_in_progress": ["france_travail"], "children_count": 2,
                "youngest_child_age": 8, "single_parent": false, "monthly_resources": 400,
                "qualification_level": "no_diploma", "job_difficulty": "a_lot",
                "job_now": true, "money_difficulty": "a_lot", "money_now": true}),
            held: &["rsa", "france-travail-inscription"],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "single mother, 27, toddler, looking for work, no danger",
            answers: json!({"age": 27, "postal_code": "75019", "employment_status": "jobseeker",
                "registered_jobseeker": true, "benefits": ["rsa"], "children_count": 1,
                "youngest_child_age": 2, "single_parent": true, "monthly_resources": 700,
                "family_difficulty": "some", "family_now": true, "job_difficulty": "some",
                "job_now": true}),
            held: &["rsa", "france-travail-inscription"],
            first: &[],
            not_offered: &[
                (CHILDCARE, "maltraitance-3977"),
                (CHILDCARE, "cidff"),
                ("famille", "maltraitance-3977"),
            ],
        },
        Situation {
            name: "violence at home, 31, two children, hosted",
            answers: json!({"sleep_tonight": "hosted", "danger_at_home": true, "age": 31,
                "postal_code": "59000", "employment_status": "inactive",
                "children_count": 2, "youngest_child_age": 4, "single_parent": true,
                "monthly_resources": 700, "benefits": ["rsa"], "family_difficulty": "a_lot",
                "family_now": true, "housing_difficulty": "a_lot", "housing_now": true}),
            held: &["rsa"],
            first: &[],
            not_offered: &[(CHILDCARE, "maltraitance-3977")],
        },
        Situation {
            name: "a child in danger",
            answers: json!({"child_in_danger": true, "children_count": 1,
                "youngest_child_age": 9, "single_parent": false}),
            held: &[],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "needs urgent care, 50",
            answers: json!({"urgent_care": true, "age": 50, "health_difficulty": "a_lot",
                "health_now": true}),
            held: &[],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "a health difficulty, no emergency, 40",
            answers: json!({"age": 40, "health_difficulty": "a_lot", "health_now": true}),
            held: &[],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "nothing to eat today, student, 20",
            answers: json!({"food_today": false, "age": 20, "postal_code": "35000",
                "employment_status": "student", "monthly_resources": 300,
                "money_difficulty": "a_lot", "money_now": true}),
            held: &[],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "refugee, 30, allowed to work, little French, registered",
            answers: json!({"age": 30, "postal_code": "67000", "employment_status": "jobseeker",
                "registered_jobseeker": true, "nationality": "non_eu",
                "residence_permit_work": true, "first_residence_permit_years": 2,
                "monthly_resources": 550, "benefits": ["rsa"], "job_difficulty": "a_lot",
                "job_now": true, "french_difficulty": "a_lot", "french_now": true,
                "french_level": "none", "admin_difficulty": "a_lot", "admin_now": true}),
            held: &["rsa", "france-travail-inscription"],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "disabled worker with the RQTH and the AAH, 40",
            answers: json!({"age": 40, "employment_status": "jobseeker",
                "registered_jobseeker": true, "benefits": ["aah"], "rqth": true,
                "support_in_progress": ["cap_emploi"], "monthly_resources": 1000,
                "health_difficulty": "some", "health_now": true, "job_difficulty": "some",
                "job_now": true}),
            held: &[
                "aah",
                "rqth-mdph",
                "cap-emploi",
                "france-travail-inscription",
            ],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "19, no diploma, followed by the Mission locale in a CEJ",
            answers: json!({"age": 19, "postal_code": "93200", "employment_status": "inactive",
                "registered_jobseeker": false, "support_in_progress": ["mission_locale", "cej"],
                "qualification_level": "no_diploma", "housing_status": "hosted",
                "monthly_resources": 0, "job_difficulty": "a_lot", "job_now": true,
                "training_difficulty": "some", "training_now": true}),
            held: &["mission-locale", "contrat-engagement-jeune"],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "jobseeker, 30, not registered yet",
            answers: json!({"age": 30, "postal_code": "33000", "employment_status": "jobseeker",
                "registered_jobseeker": false, "monthly_resources": 0,
                "job_difficulty": "a_lot", "job_now": true}),
            held: &[],
            first: &[("trouver-un-emploi", "france-travail-inscription")],
            not_offered: &[],
        },
        Situation {
            name: "retired, 67, no computer",
            answers: json!({"age": 67, "employment_status": "retired", "monthly_resources": 1100,
                "digital_difficulty": "a_lot", "digital_now": true,
                "digital_autonomy": "no_access", "admin_difficulty": "some",
                "admin_now": true}),
            held: &[],
            first: &[],
            not_offered: &[],
        },
        Situation {
            name: "self-employed, 38, in debt",
            answers: json!({"age": 38, "employment_status": "self_employed",
                "monthly_resources": 1200, "money_difficulty": "a_lot", "money_now": true}),
            held: &[],
            first: &[],
            not_offered: &[],
        },
    ]
}

fn answers(situation: &Situation) -> BTreeMap<String, AnswerValue> {
    common::answers_with(&situation.answers)
}

/// The diagnosis the answers give, through the default questionnaire.
fn diagnose(questionnaire: &Questionnaire, situation: &Situation) -> Diagnosis {
    let (session, _) =
        DiagnosisSession::replay(questionnaire, today(), &answers(situation), Locale::Fr);
    assert!(session.is_complete(questionnaire), "{}", situation.name);
    session.diagnosis(questionnaire, Locale::Fr)
}

fn orientation<'c>(catalogue: &'c Catalogue, diagnosis: &Diagnosis) -> Orientation<'c> {
    orient(
        catalogue,
        &Request {
            facts: &diagnosis.facts,
            needs: &diagnosis.orientation_needs(),
            reference_date: diagnosis.reference_date,
            locale: Locale::Fr,
            explain: true,
        },
    )
    .unwrap()
}

fn plan(catalogue: &Catalogue, diagnosis: &Diagnosis) -> Plan {
    let needs = diagnosis
        .needs
        .iter()
        .map(|need| need.theme.clone())
        .collect();
    Plan::build(diagnosis, catalogue, &Choices::new(today(), needs)).unwrap()
}

/// The catalogue entries the plan asks the person to contact, by objective.
fn contacted(plan: &Plan) -> Vec<(&str, &str)> {
    plan.objectives
        .iter()
        .flat_map(|objective| {
            objective
                .actions
                .iter()
                .filter(|action| action.kind == ActionKind::ContactPartner)
                .filter_map(move |action| {
                    Some((objective.theme.as_str(), action.entry.as_deref()?))
                })
        })
        .collect()
}

fn setup() -> (Arc<Catalogue>, Questionnaire) {
    let catalogue = Arc::new(Catalogue::national());
    let questionnaire = Questionnaire::default_fr_en().adapted_to(Arc::clone(&catalogue));
    (catalogue, questionnaire)
}

#[test]
fn each_scheme_is_proposed_once_under_the_need_it_serves_best() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for need in &orientation.needs {
            for proposal in &need.proposals {
                if let Some(before) = seen.insert(proposal.id, &need.need.theme) {
                    panic!(
                        "{}: {} proposed under {before} and again under {}",
                        situation.name, proposal.id, need.need.theme
                    );
                }
            }
        }
    }
}

#[test]
fn emergency_lines_come_only_under_an_urgent_need_the_person_raised() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for need in &orientation.needs {
            let lines: Vec<&str> = need
                .proposals
                .iter()
                .filter(|proposal| catalogue.entry(proposal.id).unwrap().urgent)
                .map(|proposal| proposal.id)
                .collect();
            if need.need.priority != Priority::Urgent {
                assert!(
                    lines.is_empty(),
                    "{}: emergency lines {lines:?} under {} ({:?})",
                    situation.name,
                    need.need.theme,
                    need.need.priority
                );
            }
        }
    }
}

#[test]
fn what_the_person_already_has_is_never_proposed_as_a_new_step() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for need in &orientation.needs {
            for id in situation.held {
                assert!(
                    !need.proposals.iter().any(|proposal| proposal.id == *id),
                    "{}: {id}, which the person has, is proposed under {}",
                    situation.name,
                    need.need.theme
                );
            }
        }
        let plan = plan(&catalogue, &diagnosis);
        for (theme, id) in contacted(&plan) {
            assert!(
                !situation.held.contains(&id),
                "{}: the plan asks to contact {id} ({theme}), which the person has",
                situation.name
            );
        }
    }
}

#[test]
fn the_key_step_of_a_situation_comes_first() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for (theme, id) in situation.first {
            let need = orientation
                .needs
                .iter()
                .find(|need| need.need.theme == *theme)
                .unwrap_or_else(|| panic!("{}: no need {theme}", situation.name));
            let first = need
                .proposals
                .iter()
                .find(|proposal| !catalogue.entry(proposal.id).unwrap().urgent)
                .map(|proposal| proposal.id);
            assert_eq!(first, Some(*id), "{}: under {theme}", situation.name);
        }
    }
}

#[test]
fn a_childcare_need_gets_childcare_first_and_no_helpline_for_other_troubles() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        let plan = plan(&catalogue, &diagnosis);
        let steps = contacted(&plan);
        if let Some(need) = orientation
            .needs
            .iter()
            .find(|need| need.need.theme == CHILDCARE)
        {
            let first: Vec<&str> = need.parts().0.iter().map(|proposal| proposal.id).collect();
            assert!(
                !first.is_empty(),
                "{}: no childcare proposed",
                situation.name
            );
            for id in &first {
                let entry = catalogue.entry(id).unwrap();
                assert!(
                    entry.themes.iter().any(|theme| theme == CHILDCARE),
                    "{}: {id} is among the first for childcare; its themes: {:?}",
                    situation.name,
                    entry.themes
                );
            }
        }
        for (theme, id) in situation.not_offered {
            if let Some(need) = orientation
                .needs
                .iter()
                .find(|need| need.need.theme == *theme)
            {
                let first: Vec<&str> = need.parts().0.iter().map(|proposal| proposal.id).collect();
                assert!(
                    !first.contains(id),
                    "{}: {id} among the first for {theme}: {first:?}",
                    situation.name
                );
            }
            assert!(
                !steps.contains(&(*theme, *id)),
                "{}: the plan asks to contact {id} for {theme}",
                situation.name
            );
        }
    }
}

#[test]
fn what_is_ruled_out_comes_after_everything_else() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for need in &orientation.needs {
            let statuses: Vec<Eligibility> = need
                .proposals
                .iter()
                .map(|proposal| proposal.status)
                .collect();
            let first_out = statuses
                .iter()
                .position(|status| *status == Eligibility::Ineligible)
                .unwrap_or(statuses.len());
            assert!(
                statuses[first_out..]
                    .iter()
                    .all(|status| *status == Eligibility::Ineligible),
                "{}: under {}, ruled out mixed in: {statuses:?}",
                situation.name,
                need.need.theme
            );
        }
    }
}

#[test]
fn a_first_plan_holds_each_partner_once_and_emergency_lines_only_for_urgent_needs() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let plan = plan(&catalogue, &diagnosis);
        let steps = contacted(&plan);
        let mut seen = Vec::new();
        for (theme, id) in &steps {
            assert!(
                !seen.contains(id),
                "{}: {id} is contacted twice in the plan: {steps:?}",
                situation.name
            );
            seen.push(id);
            let objective = plan
                .objectives
                .iter()
                .find(|objective| objective.theme == *theme)
                .unwrap();
            if catalogue.entry(id).unwrap().urgent {
                assert_eq!(
                    objective.priority,
                    Priority::Urgent,
                    "{}: the emergency line {id} is a step of {theme}",
                    situation.name
                );
            }
        }
        // Three weeks later, at a review: nothing the plan holds, nothing
        // the person has, no emergency line again.
        let later = Date::parse("2026-12-18").unwrap();
        let proposals = plan.proposals(&catalogue, &plan.facts, later).unwrap();
        for (_, action) in &proposals {
            let id = action.entry.as_deref().unwrap();
            assert!(
                !seen.contains(&id),
                "{}: {id} proposed again",
                situation.name
            );
            assert!(
                !situation.held.contains(&id),
                "{}: {id} is held",
                situation.name
            );
            assert!(
                !catalogue.entry(id).unwrap().urgent,
                "{}: the emergency line {id} at a review",
                situation.name
            );
        }
    }
}

#[test]
fn what_the_person_has_stays_visible_as_theirs_and_the_needs_point_to_it() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for id in situation.held {
            assert!(
                orientation.held.contains(id),
                "{}: {id} not among what the person has: {:?}",
                situation.name,
                orientation.held
            );
        }
        let detailed = orientation.detailed();
        for held in &detailed.held {
            assert_eq!(
                held.standing,
                Standing::Held,
                "{}: {}",
                situation.name,
                held.id
            );
        }
        // A need the held entry serves points to it, once.
        for need in &orientation.needs {
            for pointer in &need.see_also {
                match &pointer.need {
                    None => assert!(pointer.held && orientation.held.contains(&pointer.id)),
                    Some(theme) => {
                        let under = orientation
                            .needs
                            .iter()
                            .find(|other| &other.need.theme == theme)
                            .unwrap();
                        assert!(
                            under
                                .proposals
                                .iter()
                                .any(|proposal| proposal.id == pointer.id),
                            "{}: {} points to {theme}, which does not propose it",
                            situation.name,
                            pointer.id
                        );
                    }
                }
            }
        }
    }
    // The jobseeker on the RSA: both under "what you have", each need
    // serving them points there.
    let situation = &situations()[2];
    let diagnosis = diagnose(&questionnaire, situation);
    let orientation = orientation(&catalogue, &diagnosis);
    let pointer = |theme: &str, id: &str| {
        orientation
            .needs
            .iter()
            .find(|need| need.need.theme == theme)
            .is_some_and(|need| {
                need.see_also
                    .iter()
                    .any(|pointer| pointer.id == id && pointer.held)
            })
    };
    assert!(pointer("trouver-un-emploi", "france-travail-inscription"));
    assert!(pointer("difficultes-financieres", "rsa"));
}

#[test]
fn an_entry_without_conditions_is_open_to_all_not_a_right_whose_conditions_are_met() {
    let (catalogue, questionnaire) = setup();
    let mut seen: BTreeMap<Standing, Vec<String>> = BTreeMap::new();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for need in orientation.detailed().needs {
            for proposal in need.proposals {
                let entry = catalogue.entry(proposal.id).unwrap();
                let expected = match proposal.status {
                    Eligibility::Ineligible => Standing::RuledOut,
                    // Conditions the site cannot check, and nothing to
                    // ask: possible, not a right met.
                    Eligibility::Undetermined if proposal.missing.is_empty() => {
                        Standing::OnConditions
                    }
                    Eligibility::Undetermined => Standing::Undetermined,
                    _ if entry.eligibility.is_none() => Standing::OpenToAll,
                    // Met on figures that may have changed: to check.
                    _ if entry.figures_outdated(orientation.reference_date) => Standing::ToCheck,
                    _ => Standing::Entitled,
                };
                assert_eq!(proposal.standing, expected, "{}", proposal.id);
                seen.entry(expected)
                    .or_default()
                    .push(proposal.id.to_owned());
            }
        }
    }
    let has = |standing: Standing, id: &str| seen[&standing].iter().any(|seen| seen == id);
    for id in [
        "france-services",
        "point-conseil-budget",
        "urgence-115",
        "cidff",
    ] {
        assert!(has(Standing::OpenToAll, id), "{id} is not open to all");
    }
    for id in ["rsa", "epide"] {
        assert!(has(Standing::Entitled, id), "{id} is not a right met");
    }
    // Met on ceilings of a period that has ended (the C2S's of April 2025
    // to March 2026): to check, never a right met.
    let c2s = "complementaire-sante-solidaire";
    assert!(has(Standing::ToCheck, c2s), "{c2s} is not to check");
    assert!(!has(Standing::Entitled, c2s));
    // The AGE hangs on a job start no fact can say: never a right met.
    assert!(!has(Standing::Entitled, "agepi"));
    // A scheme whose conditions the site cannot check is neither.
    let id = "iae-pass-inclusion";
    assert!(has(Standing::OnConditions, id), "{id} is not on conditions");
    assert!(!has(Standing::OpenToAll, id) && !has(Standing::Entitled, id));
    // Nor one whose decisive condition is left to check (`to_check`): the
    // FSL's departmental ceiling, the housing benefit's rent and resources.
    for id in ["fonds-solidarite-logement", "apl"] {
        assert!(
            has(Standing::OnConditions, id) || has(Standing::Undetermined, id),
            "{id} is neither on conditions nor to check"
        );
        assert!(!has(Standing::OpenToAll, id) && !has(Standing::Entitled, id));
    }
}

#[test]
fn a_few_proposals_first_then_the_rest_and_never_first_what_is_not_for_the_person() {
    let (catalogue, questionnaire) = setup();
    for situation in situations() {
        let diagnosis = diagnose(&questionnaire, &situation);
        let orientation = orientation(&catalogue, &diagnosis);
        for need in &orientation.needs {
            let (first, more, out) = need.parts();
            let leading = first
                .iter()
                .take_while(|proposal| proposal.emergency || proposal.key)
                .count();
            assert!(
                first.len() <= FIRST_SHOWN.max(leading),
                "{}: {} shown first under {}",
                situation.name,
                first.len(),
                need.need.theme
            );
            assert!(first
                .iter()
                .all(|proposal| proposal.status != Eligibility::Ineligible
                    && (proposal.emergency || proposal.audience != Audience::Others)));
            assert_eq!(out.len(), need.ruled_out);
            assert!(out
                .iter()
                .all(|proposal| proposal.status == Eligibility::Ineligible));
            assert!(more
                .iter()
                .all(|proposal| proposal.status != Eligibility::Ineligible));
            // Behind "see more" only when the first are full, or for
            // other publics, or serving only another theme of the need's
            // category.
            if more
                .iter()
                .any(|proposal| proposal.audience != Audience::Others && proposal.fit == Fit::Theme)
            {
                assert!(first.len() >= FIRST_SHOWN, "{}", situation.name);
            }
        }
    }
}

/// The personas of `tests/personas/` (facts written from the official
/// criteria), each with every need category and the urgent needs: the
/// first plan holds each partner once, emergency lines only in an urgent
/// objective, nothing the person has.
#[test]
fn over_the_personas_a_first_plan_never_holds_a_partner_twice() {
    use passerelle_core::diagnosis::FoundNeed;
    use passerelle_core::facts::Facts;

    let catalogue = Catalogue::national();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/personas");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut themes: Vec<(&str, Priority)> = vec![
        (SHELTER, Priority::Urgent),
        (
            "famille--surmonter-conflits-separation-violence",
            Priority::Urgent,
        ),
        ("sante--acces-aux-soins", Priority::Urgent),
    ];
    let mut categories: Vec<&str> = passerelle_core::referentials::Referential::Themes
        .terms()
        .iter()
        .map(|term| passerelle_core::referentials::theme_category(&term.value))
        .collect();
    categories.dedup();
    themes.extend(
        categories
            .iter()
            .map(|category| (*category, Priority::Normal)),
    );
    themes.push((CHILDCARE, Priority::Normal));
    for file in &files {
        let persona: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let facts = Facts::from_value(&persona["facts"], "$").unwrap();
        let reference_date = Date::parse(persona["reference_date"].as_str().unwrap()).unwrap();
        let diagnosis = Diagnosis {
            questionnaire_id: "passerelle-default".into(),
            reference_date,
            facts: facts.resolve(reference_date).unwrap(),
            urgent: vec![],
            needs: themes
                .iter()
                .map(|(theme, priority)| FoundNeed {
                    theme: (*theme).into(),
                    label: (*theme).into(),
                    priority: *priority,
                    rank: None,
                    raised_by: vec![],
                })
                .collect(),
            ranked_by_person: false,
        };
        let needs = themes
            .iter()
            .map(|(theme, _)| (*theme).to_owned())
            .collect();
        let plan =
            Plan::build(&diagnosis, &catalogue, &Choices::new(reference_date, needs)).unwrap();
        let orientation = orientation(&catalogue, &diagnosis);
        let mut seen: Vec<&str> = Vec::new();
        for (theme, id) in contacted(&plan) {
            let name = file.file_name().unwrap().to_string_lossy();
            assert!(!seen.contains(&id), "{name}: {id} twice in the plan");
            seen.push(id);
            assert!(
                !orientation.held.contains(&id),
                "{name}: {id} is theirs already"
            );
            let urgent = plan.objectives.iter().any(|objective| {
                objective.theme == theme && objective.priority == Priority::Urgent
            });
            assert!(
                urgent || !catalogue.entry(id).unwrap().urgent,
                "{name}: the emergency line {id} under {theme}"
            );
        }
    }
}

/// A town's own services, merged into the national catalogue, come before
/// national ones that fit as well: the partner down the street first.
#[test]
fn the_towns_own_partner_comes_before_a_national_one_that_fits_as_well() {
    use passerelle_core::facts::Facts;
    use passerelle_core::orientation::Need;

    let catalogue = Catalogue::national().merged_with(&Catalogue::demo_local());
    let facts = Facts::from_json(
        r#"{"age": 23, "postal_code": "93200", "commune": "93066", "employment_status": "jobseeker"}"#,
    )
    .unwrap();
    let needs = [Need {
        theme: "trouver-un-emploi".into(),
        priority: Priority::High,
        alerts: Vec::new(),
    }];
    let orientation = orient(
        &catalogue,
        &Request {
            facts: &facts,
            needs: &needs,
            reference_date: today(),
            locale: Locale::Fr,
            explain: false,
        },
    )
    .unwrap();
    let first: Vec<&str> = orientation.needs[0]
        .parts()
        .0
        .iter()
        .map(|proposal| proposal.id)
        .collect();
    // The key step of a young jobseeker (the Mission locale, which
    // registers them with France Travail) leads; then the town's own
    // workshop, before the national entries that fit as well.
    assert_eq!(
        first,
        [
            "mission-locale",
            "demo-atelier-cv",
            "contrat-engagement-jeune"
        ]
    );
}
