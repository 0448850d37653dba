//! Property test of the plan's JSON export: whatever changes a plan went
//! through (random edits, any text), importing its export gives back the
//! same plan, and exporting again gives the same file.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::{Date, Weekday};
use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
use passerelle_core::facts::Facts;
use passerelle_core::orientation::Priority;
use passerelle_core::plan::{
    Action, ActionKind, ActionStatus, Actor, Author, Choices, Consent, ContactDetails, Edit,
    ObjectiveStatus, Plan, Review,
};
use proptest::prelude::*;

fn need(theme: &str, priority: Priority) -> FoundNeed {
    FoundNeed {
        theme: theme.into(),
        label: theme.into(),
        priority,
        rank: None,
        raised_by: vec![],
    }
}

fn start() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn plan(steps_per_week: u8, unavailable: Vec<Weekday>) -> Plan {
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: start(),
        facts: Facts::from_json(
            r#"{"birth_date": "2007-05-02", "postal_code": "93200", "employment_status": "inactive"}"#,
        )
        .unwrap(),
        urgent: vec![],
        needs: vec![
            need("trouver-un-emploi", Priority::High),
            need("sante", Priority::Normal),
        ],
        ranked_by_person: false,
    };
    let mut choices = Choices::new(start(), vec!["sante".into(), "trouver-un-emploi".into()]);
    choices.schedule.steps_per_week = steps_per_week;
    choices.schedule.unavailable = unavailable
        .into_iter()
        .map(passerelle_core::plan::Unavailable::day)
        .collect();
    Plan::build(&diagnosis, &Catalogue::national(), &choices).unwrap()
}

/// Any text a person might type: letters of any script, quotes, markup.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,40}",
        Just("<script>alert(\"x\")</script> & ' \"".to_owned()),
        Just("Ça va — très bien ! 🙂".to_owned()),
    ]
}

fn author() -> impl Strategy<Value = Author> {
    prop_oneof![Just(Author::Person), Just(Author::Advisor)]
}

fn status() -> impl Strategy<Value = ActionStatus> {
    prop::sample::select(vec![
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::OnHold,
        ActionStatus::Dropped,
    ])
}

/// An edit described by numbers and texts; turned into a real [`Edit`]
/// on the plan it is applied to (ids picked among the plan's own).
#[derive(Debug, Clone)]
enum Step {
    Statement(usize, Option<String>),
    MoveObjective(usize, usize),
    ObjectiveStatus(usize, u8),
    AddAction(usize, String, Option<String>, u32),
    ChangeAction(usize, String, u32),
    MoveAction(usize, usize),
    Status(usize, ActionStatus),
    Review(String, String, String),
    NextReview(u32),
    Advisor(String),
    Person(String),
    Consent(bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, proptest::option::of(text())).prop_map(|(o, s)| Step::Statement(o, s)),
        (0..3usize, 0..3usize).prop_map(|(o, p)| Step::MoveObjective(o, p)),
        (0..3usize, 0..3u8).prop_map(|(o, s)| Step::ObjectiveStatus(o, s)),
        (0..3usize, text(), proptest::option::of(text()), 0..60u32)
            .prop_map(|(o, t, n, d)| Step::AddAction(o, t, n, d)),
        (0..8usize, text(), 0..60u32).prop_map(|(a, t, d)| Step::ChangeAction(a, t, d)),
        (0..8usize, 0..4usize).prop_map(|(a, p)| Step::MoveAction(a, p)),
        (0..8usize, status()).prop_map(|(a, s)| Step::Status(a, s)),
        (text(), text(), text()).prop_map(|(a, b, c)| Step::Review(a, b, c)),
        (0..90u32).prop_map(Step::NextReview),
        text().prop_map(Step::Advisor),
        text().prop_map(Step::Person),
        any::<bool>().prop_map(Step::Consent),
    ]
}

fn edit(plan: &Plan, step: &Step, day: Date) -> Option<Edit> {
    let objective = |i: usize| {
        plan.objectives
            .get(i % plan.objectives.len().max(1))
            .map(|o| o.id.clone())
    };
    let actions: Vec<&Action> = plan.objectives.iter().flat_map(|o| &o.actions).collect();
    let action = |i: usize| actions.get(i % actions.len().max(1)).map(|a| (*a).clone());
    let later = |days: u32| day.plus_days(i64::from(days));
    Some(match step.clone() {
        Step::Statement(o, statement) => Edit::SetStatement {
            objective: objective(o)?,
            statement,
        },
        Step::MoveObjective(o, position) => Edit::MoveObjective {
            objective: objective(o)?,
            position,
        },
        Step::ObjectiveStatus(o, s) => Edit::SetObjectiveStatus {
            objective: objective(o)?,
            status: [
                ObjectiveStatus::Active,
                ObjectiveStatus::Achieved,
                ObjectiveStatus::Dropped,
            ][usize::from(s) % 3],
        },
        Step::AddAction(o, title, notes, due) => Edit::AddAction {
            objective: objective(o)?,
            action: Action {
                id: String::new(),
                kind: ActionKind::Appointment,
                title,
                entry: None,
                contact: None,
                actor: Actor::Advisor,
                due: later(due),
                status: ActionStatus::Planned,
                notes,
            },
        },
        Step::ChangeAction(a, title, due) => {
            let mut action = action(a)?;
            action.title = title;
            action.due = later(due);
            Edit::ChangeAction { action }
        }
        Step::MoveAction(a, position) => Edit::MoveAction {
            action: action(a)?.id,
            position,
        },
        Step::Status(a, status) => Edit::SetStatus {
            action: action(a)?.id,
            status,
        },
        Step::Review(done, stuck, changed) => Edit::Review {
            review: Box::new(Review {
                date: day,
                done,
                stuck,
                changed,
                facts: Some(Facts::from_json(r#"{"age": 20, "rqth": true}"#).unwrap()),
            }),
        },
        Step::NextReview(days) => Edit::SetNextReview { date: later(days) },
        Step::Advisor(name) => Edit::SetAdvisor {
            advisor: Some(ContactDetails {
                name,
                organisation: Some("Mission locale".into()),
                phone: Some("01 23 45 67 89".into()),
                email: None,
            }),
        },
        Step::Person(name) => Edit::SetPerson {
            person: Some(ContactDetails {
                name,
                organisation: None,
                phone: None,
                email: Some("yanis@example.org".into()),
            }),
        },
        Step::Consent(true) => Edit::GiveConsent {
            consent: Consent {
                entry: "mission-locale".into(),
                date: day,
            },
        },
        Step::Consent(false) => Edit::WithdrawConsent {
            entry: "mission-locale".into(),
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_back_the_same_plan(
        pace in 1..=7u8,
        unavailable in prop::sample::subsequence(Weekday::ALL.to_vec(), 0..7),
        steps in prop::collection::vec((step(), author(), 0..5u32), 0..25),
    ) {
        let mut plan = plan(pace, unavailable);
        let mut day = start();
        for (step, by, wait) in &steps {
            day = day.plus_days(i64::from(*wait)).unwrap();
            if let Some(edit) = edit(&plan, step, day) {
                let before = plan.clone();
                if plan.apply(edit, *by, day).is_err() {
                    prop_assert_eq!(&plan, &before, "a refused change changes nothing");
                }
            }
        }
        let json = plan.to_json();
        let imported = Plan::from_json(&json);
        prop_assert!(imported.is_ok(), "{:?}", imported.err());
        let imported = imported.unwrap();
        prop_assert_eq!(&imported, &plan);
        prop_assert_eq!(imported.to_json(), json);
    }
}
