//! The anonymous report of plans: its counts, the suppression of small
//! counts, and that nothing written in a plan, no fact and no date
//! reaches it.

use std::collections::{BTreeMap, BTreeSet};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
use passerelle_core::facts::Facts;
use passerelle_core::orientation::Priority;
use passerelle_core::plan::{
    Action, ActionKind, ActionStatus, Actor, Author, Choices, Consent, ContactDetails, Edit,
    Objective, ObjectiveStatus, PartnerContact, Plan, Review,
};
use passerelle_core::report::{report, Breakdown, Breakdowns, Count, Report, OTHER, SUPPRESSED};
use serde_json::Value;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn diagnosis(facts: &str, needs: &[&str], today: Date) -> Diagnosis {
    Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: today,
        facts: Facts::from_json(facts).unwrap(),
        urgent: vec![],
        needs: needs
            .iter()
            .map(|theme| FoundNeed {
                theme: (*theme).into(),
                label: (*theme).into(),
                priority: Priority::High,
                rank: None,
                raised_by: vec![],
            })
            .collect(),
        ranked_by_person: false,
    }
}

/// A plan for a person of `age`, working on `needs`, from `start`.
fn plan(age: u8, needs: &[&str], start: Date) -> Plan {
    let facts =
        format!(r#"{{"age": {age}, "postal_code": "93200", "employment_status": "inactive"}}"#);
    let choices = Choices::new(start, needs.iter().map(|need| (*need).into()).collect());
    Plan::build(
        &diagnosis(&facts, needs, start),
        &Catalogue::national(),
        &choices,
    )
    .unwrap()
}

fn review(date: Date) -> Review {
    Review {
        date,
        done: "done".into(),
        stuck: "stuck".into(),
        changed: "changed".into(),
        facts: None,
    }
}

/// Adds a review point dated `date`, recorded on the same day.
fn add_review(plan: &mut Plan, date: Date) {
    let review = review(date);
    plan.apply(
        Edit::Review {
            review: Box::new(review),
        },
        Author::Advisor,
        date,
    )
    .unwrap();
}

fn set_status(plan: &mut Plan, action: &str, status: ActionStatus) {
    let edit = Edit::SetStatus {
        action: action.into(),
        status,
    };
    plan.apply(edit, Author::Advisor, plan.schedule.start)
        .unwrap();
}

fn action_ids(plan: &Plan) -> Vec<String> {
    plan.objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .map(|action| action.id.clone())
        .collect()
}

fn breakdowns(report: &Report) -> &Breakdowns {
    report.breakdowns.as_ref().expect("at least five plans")
}

fn value(breakdown: &Breakdown, key: &str) -> Option<u64> {
    breakdown
        .get(key)
        .unwrap_or_else(|| panic!("no key {key}"))
        .value()
}

fn suppressed(breakdown: &Breakdown, key: &str) -> bool {
    breakdown
        .get(key)
        .unwrap_or_else(|| panic!("no key {key}"))
        .is_suppressed()
}

/// Every breakdown of a report, with its name in JSON.
fn all_breakdowns(breakdowns: &Breakdowns) -> [(&'static str, &Breakdown); 7] {
    [
        ("needs", &breakdowns.needs),
        ("entries_proposed", &breakdowns.entries_proposed),
        ("entries_contacted", &breakdowns.entries_contacted),
        ("action_statuses", &breakdowns.action_statuses),
        ("action_kinds", &breakdowns.action_kinds),
        ("objective_statuses", &breakdowns.objective_statuses),
        ("reviews_per_plan", &breakdowns.reviews_per_plan),
    ]
}

const EMPLOI: &str = "trouver-un-emploi";
const LOGEMENT: &str = "logement-hebergement";
const MOBILITE: &str = "mobilite";
const SANTE: &str = "sante";
const NUMERIQUE: &str = "numerique";

#[test]
fn counts_needs_entries_statuses_and_kinds() {
    let start = day("2026-01-05");
    // Ten plans at 19, all on work; six on housing, five on mobility, two
    // on health, one on digital skills.
    let mut plans: Vec<Plan> = (0..10)
        .map(|i| {
            let mut needs = vec![EMPLOI];
            if i < 6 {
                needs.push(LOGEMENT);
            }
            if i >= 5 {
                needs.push(MOBILITE);
            }
            if i < 2 {
                needs.push(SANTE);
            }
            if i == 9 {
                needs.push(NUMERIQUE);
            }
            plan(19, &needs, start)
        })
        .collect();
    // The first action of every plan is to contact the Mission locale
    // (work comes first; for a young person the Mission locale, the door
    // to the CEJ, serves the most of the need): done in six plans, in
    // progress in two. Their second action is on hold in three plans.
    for (i, plan) in plans.iter_mut().enumerate() {
        let ids = action_ids(plan);
        assert_eq!(
            plan.action(&ids[0]).unwrap().entry.as_deref(),
            Some("mission-locale")
        );
        match i {
            0..=5 => set_status(plan, &ids[0], ActionStatus::Done),
            6 | 7 => set_status(plan, &ids[0], ActionStatus::InProgress),
            _ => {}
        }
        if i < 3 {
            set_status(plan, &ids[1], ActionStatus::OnHold);
        }
    }
    let actions: u64 = plans.iter().map(|plan| action_ids(plan).len() as u64).sum();

    let report = report(&plans);
    let b = breakdowns(&report);
    assert_eq!(report.plans.value(), Some(10));

    assert_eq!(value(&b.needs, EMPLOI), Some(10));
    assert_eq!(value(&b.needs, LOGEMENT), Some(6));
    // 24 objectives are shown below, one per need of a plan: 24 - 10 - 6
    // - 5 would tell the three plans on health or digital skills, so the
    // smallest shown need is suppressed too.
    assert!(suppressed(&b.needs, MOBILITE));
    assert!(suppressed(&b.needs, SANTE));
    assert!(suppressed(&b.needs, NUMERIQUE));
    assert_eq!(b.needs.len(), 5);

    assert_eq!(value(&b.entries_proposed, "mission-locale"), Some(10));
    assert_eq!(value(&b.entries_contacted, "mission-locale"), Some(6));
    // Every entry proposed is listed as contacted, if only as "<5".
    let proposed: Vec<&str> = b.entries_proposed.iter().map(|(key, _)| key).collect();
    let contacted: Vec<&str> = b.entries_contacted.iter().map(|(key, _)| key).collect();
    assert_eq!(proposed, contacted);

    assert_eq!(value(&b.action_statuses, "done"), Some(6));
    assert_eq!(value(&b.action_statuses, "planned"), Some(actions - 11));
    for small in ["in_progress", "on_hold", "dropped"] {
        assert!(suppressed(&b.action_statuses, small), "{small}");
    }
    assert_eq!(value(&b.action_kinds, "contact_partner"), Some(actions));
    for kind in [
        "get_document",
        "attend_workshop",
        "apply",
        "appointment",
        "other",
    ] {
        assert!(suppressed(&b.action_kinds, kind), "{kind}");
    }

    let objectives = 10 + 6 + 5 + 2 + 1;
    assert_eq!(value(&b.objective_statuses, "active"), Some(objectives));
    assert!(suppressed(&b.objective_statuses, "achieved"));
    assert!(suppressed(&b.objective_statuses, "dropped"));

    assert_eq!(value(&b.reviews_per_plan, "0"), Some(10));
    assert!(b.review_intervals.count().is_suppressed());
}

#[test]
fn fewer_than_five_plans_give_only_their_number_suppressed() {
    let one = plan(19, &[EMPLOI], day("2026-01-05"));
    for count in 0..5 {
        let report = report(&vec![one.clone(); count]);
        assert!(report.plans.is_suppressed());
        assert!(report.breakdowns.is_none());
        assert_eq!(report.to_json(), format!(r#"{{"plans":"{SUPPRESSED}"}}"#));
    }
    let five = report(&vec![one; 5]);
    assert_eq!(five.plans.value(), Some(5));
    assert!(five.to_json().starts_with(r#"{"plans":5,"needs":{"#));
}

#[test]
fn a_count_under_five_is_suppressed_and_so_is_the_smallest_beside_a_lone_one() {
    let start = day("2026-01-05");
    let mut plans = vec![plan(19, &[EMPLOI], start); 7];
    plans.extend(vec![plan(30, &[LOGEMENT], start); 6]);
    plans.extend(vec![plan(45, &[SANTE], start); 4]);
    let report = report(&plans);
    let b = breakdowns(&report);
    assert_eq!(report.plans.value(), Some(17));
    assert!(suppressed(&b.needs, SANTE));
    // Else 17 - 7 - 6 would give it away: the smallest shown goes too.
    assert!(suppressed(&b.needs, LOGEMENT));
    assert_eq!(value(&b.needs, EMPLOI), Some(7));
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["needs"][SANTE], SUPPRESSED);
    assert_eq!(json["needs"][LOGEMENT], SUPPRESSED);
    assert_eq!(json["needs"][EMPLOI], 7);
}

#[test]
fn five_actions_of_fewer_than_five_plans_are_suppressed() {
    let start = day("2026-01-05");
    let mut plans = vec![plan(19, &[EMPLOI], start); 8];
    // Three apply actions in each of two plans: six actions, two plans.
    for plan in &mut plans[..2] {
        let objective = plan.objectives[0].id.clone();
        for _ in 0..3 {
            let action = Action {
                id: String::new(),
                kind: ActionKind::Apply,
                title: "Candidater".into(),
                entry: None,
                contact: None,
                actor: Actor::Person,
                due: None,
                status: ActionStatus::Planned,
                notes: None,
            };
            let edit = Edit::AddAction {
                objective: objective.clone(),
                action,
            };
            plan.apply(edit, Author::Advisor, start).unwrap();
        }
    }
    let report = report(&plans);
    assert!(suppressed(&breakdowns(&report).action_kinds, "apply"));
}

#[test]
fn contacted_means_a_contact_partner_action_done() {
    let start = day("2026-01-05");
    let mut plans = vec![plan(19, &[EMPLOI], start); 6];
    // In progress: proposed, not contacted.
    for plan in &mut plans {
        let first = action_ids(plan)[0].clone();
        set_status(plan, &first, ActionStatus::InProgress);
    }
    // The first action: the Mission locale (see above).
    let first_entry = "mission-locale";
    let before = report(&plans);
    assert_eq!(
        value(&breakdowns(&before).entries_proposed, first_entry),
        Some(6)
    );
    assert!(suppressed(
        &breakdowns(&before).entries_contacted,
        first_entry
    ));

    // An application done for it is not a contact either.
    for plan in &mut plans {
        let objective = plan.objectives[0].id.clone();
        let action = Action {
            id: String::new(),
            kind: ActionKind::Apply,
            title: "Candidater".into(),
            entry: Some(first_entry.into()),
            contact: None,
            actor: Actor::Person,
            due: None,
            status: ActionStatus::Planned,
            notes: None,
        };
        plan.apply(
            Edit::AddAction { objective, action },
            Author::Advisor,
            start,
        )
        .unwrap();
        let added = action_ids(plan).last().unwrap().clone();
        set_status(plan, &added, ActionStatus::Done);
    }
    let apply_done = report(&plans);
    assert!(suppressed(
        &breakdowns(&apply_done).entries_contacted,
        first_entry
    ));

    // Done: contacted.
    for plan in &mut plans[..5] {
        let first = action_ids(plan)[0].clone();
        set_status(plan, &first, ActionStatus::Done);
    }
    let after = report(&plans);
    assert_eq!(
        value(&breakdowns(&after).entries_contacted, first_entry),
        Some(5)
    );
    assert_eq!(
        value(&breakdowns(&after).entries_proposed, first_entry),
        Some(6)
    );
}

#[test]
fn review_intervals_and_reviews_per_plan() {
    let start = day("2026-01-05");
    let base = plan(19, &[EMPLOI], start);
    let mut plans = Vec::new();
    // Six plans reviewed after 10 + i days, then 30 days later.
    for i in 0..6 {
        let mut plan = base.clone();
        let first = start.plus_days(10 + i).unwrap();
        add_review(&mut plan, first);
        add_review(&mut plan, first.plus_days(30).unwrap());
        plans.push(plan);
    }
    // Five plans with seven reviews a week apart.
    for _ in 0..5 {
        let mut plan = base.clone();
        for week in 1..=7 {
            add_review(&mut plan, start.plus_days(7 * week).unwrap());
        }
        plans.push(plan);
    }
    // One plan with a review dated before its start: left out.
    let mut early = base.clone();
    let review = review(start.plus_days(-3).unwrap());
    early
        .apply(
            Edit::Review {
                review: Box::new(review),
            },
            Author::Advisor,
            start,
        )
        .unwrap();
    plans.push(early);

    let report = report(&plans);
    let b = breakdowns(&report);
    let intervals = b.review_intervals.clone();
    // 6 × 2 + 5 × 7 intervals; 6 of 10..15, 6 of 30, 35 of 7.
    assert_eq!(intervals.count().value(), Some(47));
    assert_eq!(intervals.min_days(), Some(7));
    assert_eq!(intervals.max_days(), Some(30));
    assert_eq!(intervals.median_days(), Some(7.0));

    assert_eq!(value(&b.reviews_per_plan, "2"), Some(6));
    // 12 plans - 6 - 5 would tell the one plan with one review: "6+" is
    // suppressed too.
    for small in ["0", "1", "3", "4", "5", "6+"] {
        assert!(suppressed(&b.reviews_per_plan, small), "{small}");
    }
    let keys: Vec<&str> = b.reviews_per_plan.iter().map(|(key, _)| key).collect();
    assert_eq!(keys, ["0", "1", "2", "3", "4", "5", "6+"]);

    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        json["review_intervals"],
        serde_json::json!({"count": 47, "median_days": 7.0, "min_days": 7, "max_days": 30})
    );
}

#[test]
fn review_intervals_are_suppressed_under_five_or_from_fewer_than_five_plans() {
    let start = day("2026-01-05");
    let base = plan(19, &[EMPLOI], start);
    let mut plans = vec![base.clone(); 6];
    // Four plans with one review: four intervals.
    for plan in &mut plans[..4] {
        add_review(plan, start.plus_days(20).unwrap());
    }
    let four = report(&plans);
    let json: Value = serde_json::from_str(&four.to_json()).unwrap();
    assert_eq!(json["review_intervals"], serde_json::json!({"count": "<5"}));

    // Many intervals, but from four plans only.
    for plan in &mut plans[..4] {
        for week in 4..8 {
            add_review(plan, start.plus_days(7 * week).unwrap());
        }
    }
    let many = report(&plans);
    assert!(breakdowns(&many).review_intervals.count().is_suppressed());
    assert_eq!(breakdowns(&many).review_intervals.median_days(), None);

    // A fifth plan reviewed: shown.
    add_review(&mut plans[4], start.plus_days(20).unwrap());
    let shown = report(&plans);
    assert_eq!(
        breakdowns(&shown).review_intervals.count().value(),
        Some(4 * 5 + 1)
    );
}

/// Markers put in every free-text field, fact and contact detail.
const MARKERS: [&str; 22] = [
    "STATEMENTMARKER",
    "ADDEDSTATEMENTMARKER",
    "NEWSTATEMENTMARKER",
    "TITLEMARKER",
    "CHANGEDTITLEMARKER",
    "NOTESMARKER",
    "PARTNERNAMEMARKER",
    "PARTNERDETAILSMARKER",
    "partner-marker@example.org",
    "https://partner-marker.example.org",
    "DONEMARKER",
    "STUCKMARKER",
    "CHANGEDMARKER",
    "ADVISORNAMEMARKER",
    "ORGANISATIONMARKER",
    "advisor-marker@example.org",
    "01 23 45 67 89",
    "THEMEMARKER",
    "ENTRYMARKER",
    "97418",
    "1979",
    "consentmarker",
];

/// A plan with a marker in every field a person or advisor can write.
fn plan_with_markers(start: Date) -> Plan {
    let facts = r#"{"birth_date": "1979-08-17", "postal_code": "97418",
        "employment_status": "inactive"}"#;
    let needs = [EMPLOI, LOGEMENT];
    let mut choices = Choices::new(start, needs.iter().map(|need| (*need).into()).collect());
    choices
        .statements
        .insert(EMPLOI.into(), "STATEMENTMARKER".into());
    let mut plan = Plan::build(
        &diagnosis(facts, &needs, start),
        &Catalogue::national(),
        &choices,
    )
    .unwrap();
    let advisor = Author::Advisor;
    let after = |days: i64| start.plus_days(days).unwrap();
    let objective = plan.objectives[1].id.clone();
    let edit = Edit::SetStatement {
        objective: objective.clone(),
        statement: Some("NEWSTATEMENTMARKER".into()),
    };
    plan.apply(edit, advisor, after(1)).unwrap();
    let action = Action {
        id: String::new(),
        kind: ActionKind::GetDocument,
        title: "TITLEMARKER".into(),
        entry: Some("ENTRYMARKER Mme Martin".into()),
        contact: Some(PartnerContact {
            name: "PARTNERNAMEMARKER".into(),
            phone: Some("01 23 45 67 89".into()),
            email: Some("partner-marker@example.org".into()),
            url: Some("https://partner-marker.example.org".into()),
            details: Some("PARTNERDETAILSMARKER".into()),
        }),
        actor: Actor::Advisor,
        due: Some(day("2031-07-19")),
        status: ActionStatus::Planned,
        notes: Some("NOTESMARKER".into()),
    };
    let edit = Edit::AddAction {
        objective,
        action: action.clone(),
    };
    plan.apply(edit, advisor, after(2)).unwrap();
    let added = action_ids(&plan).last().unwrap().clone();
    let changed = Action {
        id: added.clone(),
        title: "CHANGEDTITLEMARKER".into(),
        ..action.clone()
    };
    plan.apply(Edit::ChangeAction { action: changed }, advisor, after(3))
        .unwrap();
    plan.apply(
        Edit::SetStatus {
            action: added,
            status: ActionStatus::Done,
        },
        advisor,
        after(4),
    )
    .unwrap();
    let objective = Objective {
        id: String::new(),
        theme: "mobilite".into(),
        priority: Priority::Normal,
        statement: Some("ADDEDSTATEMENTMARKER".into()),
        status: ObjectiveStatus::Active,
        actions: vec![action],
    };
    plan.apply(Edit::AddObjective { objective }, advisor, after(5))
        .unwrap();
    // `apply` refuses a theme that is not a need; a plan file read back
    // may still hold any text there.
    if let Some(added) = plan.objectives.last_mut() {
        added.theme = "THEMEMARKER Mme Martin".into();
    }
    let review = Review {
        date: after(25),
        done: "DONEMARKER".into(),
        stuck: "STUCKMARKER".into(),
        changed: "CHANGEDMARKER".into(),
        facts: Some(
            Facts::from_json(r#"{"birth_date": "1979-08-17", "postal_code": "97418"}"#).unwrap(),
        ),
    };
    plan.apply(
        Edit::Review {
            review: Box::new(review),
        },
        advisor,
        after(25),
    )
    .unwrap();
    let edit = Edit::SetNextReview {
        date: Some(day("2031-07-20")),
    };
    plan.apply(edit, advisor, after(26)).unwrap();
    let edit = Edit::SetAdvisor {
        advisor: Some(ContactDetails {
            name: "ADVISORNAMEMARKER".into(),
            organisation: Some("ORGANISATIONMARKER".into()),
            phone: Some("01 23 45 67 89".into()),
            email: Some("advisor-marker@example.org".into()),
        }),
    };
    plan.apply(edit, advisor, after(27)).unwrap();
    let edit = Edit::GiveConsent {
        consent: Consent {
            entry: "consentmarker".into(),
            date: after(28),
        },
    };
    plan.apply(edit, Author::Person, after(28)).unwrap();
    plan
}

/// Whether `text` holds something shaped like a date, `dddd-dd-dd`.
fn has_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape = b"dddd-dd-dd";
    bytes.windows(shape.len()).any(|window| {
        window
            .iter()
            .zip(shape)
            .all(|(byte, expected)| match expected {
                b'd' => byte.is_ascii_digit(),
                _ => byte == expected,
            })
    })
}

#[test]
fn no_text_fact_contact_or_date_reaches_the_report() {
    let plans: Vec<Plan> = (0..6)
        .map(|i| plan_with_markers(day("2026-01-05").plus_days(i).unwrap()))
        .collect();
    let everything: String = plans.iter().map(Plan::to_json).collect();
    for marker in MARKERS {
        assert!(everything.contains(marker), "{marker} is not in the plans");
    }
    assert!(has_date(&everything));
    // Every title the builder wrote, word for word.
    let titles: BTreeSet<String> = plans
        .iter()
        .flat_map(|plan| &plan.objectives)
        .flat_map(|objective| &objective.actions)
        .map(|action| action.title.clone())
        .collect();
    assert!(titles.len() > 2);

    let report = report(&plans);
    for json in [report.to_json(), report.to_json_pretty()] {
        for marker in MARKERS {
            assert!(!json.contains(marker), "{marker} in {json}");
        }
        for title in &titles {
            assert!(!json.contains(title.as_str()), "{title} in {json}");
        }
        assert!(!has_date(&json), "a date in {json}");
        assert!(!json.contains("Martin"), "{json}");
    }
    // The theme and entry written by hand are counted, as "other".
    let b = breakdowns(&report);
    assert_eq!(value(&b.needs, OTHER), Some(6));
    assert_eq!(value(&b.entries_proposed, OTHER), Some(6));
    assert_eq!(value(&b.entries_contacted, OTHER), None);
    assert_eq!(value(&b.action_kinds, "get_document"), Some(12));
}

#[test]
fn the_report_does_not_depend_on_the_order_of_the_plans() {
    let start = day("2026-01-05");
    let mut plans: Vec<Plan> = [
        (19, vec![EMPLOI]),
        (19, vec![EMPLOI, LOGEMENT]),
        (34, vec![LOGEMENT, SANTE]),
        (52, vec![SANTE]),
        (23, vec![MOBILITE, EMPLOI]),
        (61, vec![NUMERIQUE]),
        (17, vec![EMPLOI, NUMERIQUE]),
    ]
    .iter()
    .map(|(age, needs)| plan(*age, needs, start))
    .collect();
    add_review(&mut plans[3], day("2026-02-01"));
    let forward = report(&plans);
    plans.reverse();
    let backward = report(&plans);
    assert_eq!(forward, backward);
    assert_eq!(forward.to_json(), backward.to_json());
    for (name, breakdown) in all_breakdowns(breakdowns(&forward)) {
        let keys: Vec<&str> = breakdown.iter().map(|(key, _)| key).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "{name}");
    }
}

/// A deterministic xorshift64 generator.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const STATUSES: [ActionStatus; 5] = [
    ActionStatus::Planned,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::OnHold,
    ActionStatus::Dropped,
];

const KINDS: [ActionKind; 6] = [
    ActionKind::ContactPartner,
    ActionKind::GetDocument,
    ActionKind::AttendWorkshop,
    ActionKind::Apply,
    ActionKind::Appointment,
    ActionKind::Other,
];

/// Plans to start from: several ages and needs.
fn base_plans() -> Vec<Plan> {
    let start = day("2026-01-05");
    let needs: [&[&str]; 7] = [
        &[EMPLOI],
        &[LOGEMENT],
        &[EMPLOI, LOGEMENT],
        &[SANTE, NUMERIQUE],
        &[MOBILITE],
        &["equipement-et-alimentation", EMPLOI],
        &["sante--sante-mentale"],
    ];
    let ages = [17, 19, 25, 38, 57];
    let mut plans = Vec::new();
    for needs in needs {
        for age in ages {
            plans.push(plan(age, needs, start));
        }
    }
    plans
}

/// A random plan: a base plan with random statuses, actions and reviews.
fn random_plan(rng: &mut XorShift, bases: &[Plan]) -> Plan {
    let mut plan = rng.pick(bases).clone();
    let mut date = plan.schedule.start;
    for id in action_ids(&plan) {
        if rng.below(3) > 0 {
            let status = *rng.pick(&STATUSES);
            plan.apply(Edit::SetStatus { action: id, status }, Author::Person, date)
                .unwrap();
        }
    }
    for _ in 0..rng.below(3) {
        let objective = rng.pick(&plan.objectives).id.clone();
        let entries = [
            None,
            Some("mission-locale"),
            Some("france-services"),
            Some("cap-emploi"),
        ];
        let action = Action {
            id: String::new(),
            kind: *rng.pick(&KINDS),
            title: "Une étape".into(),
            entry: rng.pick(&entries).map(Into::into),
            contact: None,
            actor: Actor::Person,
            due: None,
            status: ActionStatus::Planned,
            notes: None,
        };
        plan.apply(Edit::AddAction { objective, action }, Author::Advisor, date)
            .unwrap();
        let added = action_ids(&plan).last().unwrap().clone();
        let status = *rng.pick(&STATUSES);
        let edit = Edit::SetStatus {
            action: added,
            status,
        };
        plan.apply(edit, Author::Advisor, date).unwrap();
    }
    if rng.below(4) == 0 {
        let objective = rng.pick(&plan.objectives).id.clone();
        let status = *rng.pick(&[ObjectiveStatus::Achieved, ObjectiveStatus::Dropped]);
        let edit = Edit::SetObjectiveStatus { objective, status };
        plan.apply(edit, Author::Advisor, date).unwrap();
    }
    for _ in 0..rng.below(9) {
        date = date.plus_days(rng.below(60) as i64).unwrap();
        // Now and then a review dated a little before it is recorded.
        let reviewed = date.plus_days(-(rng.below(2) as i64) * 20).unwrap();
        let review = review(reviewed);
        plan.apply(
            Edit::Review {
                review: Box::new(review),
            },
            Author::Advisor,
            date,
        )
        .unwrap();
    }
    plan
}

/// The raw counts of a breakdown, counted here the plain way: things and
/// the plans they come from, by key.
#[derive(Default)]
struct Raw(BTreeMap<String, (u64, BTreeSet<usize>)>);

impl Raw {
    fn add(&mut self, key: &str, plan: usize) {
        let cell = self.0.entry(key.into()).or_default();
        cell.0 += 1;
        cell.1.insert(plan);
    }

    fn small(&self, key: &str) -> bool {
        self.0
            .get(key)
            .is_none_or(|(count, plans)| *count < 5 || plans.len() < 5)
    }
}

fn raw_counts(plans: &[Plan]) -> BTreeMap<&'static str, Raw> {
    let mut raw: BTreeMap<&'static str, Raw> = BTreeMap::new();
    let names = [
        "needs",
        "entries_proposed",
        "entries_contacted",
        "action_statuses",
        "action_kinds",
        "objective_statuses",
        "reviews_per_plan",
    ];
    for name in names {
        raw.insert(name, Raw::default());
    }
    for (index, plan) in plans.iter().enumerate() {
        let mut themes = BTreeSet::new();
        let mut proposed = BTreeSet::new();
        let mut contacted = BTreeSet::new();
        for objective in &plan.objectives {
            themes.insert(objective.theme.clone());
            let status = name(&objective.status);
            raw.get_mut("objective_statuses")
                .unwrap()
                .add(&status, index);
            for action in &objective.actions {
                let status = name(&action.status);
                raw.get_mut("action_statuses").unwrap().add(&status, index);
                let kind = name(&action.kind);
                raw.get_mut("action_kinds").unwrap().add(&kind, index);
                if let Some(entry) = &action.entry {
                    proposed.insert(entry.clone());
                    if action.kind == ActionKind::ContactPartner
                        && action.status == ActionStatus::Done
                    {
                        contacted.insert(entry.clone());
                    }
                }
            }
        }
        for theme in themes {
            raw.get_mut("needs").unwrap().add(&theme, index);
        }
        for entry in proposed {
            raw.get_mut("entries_proposed").unwrap().add(&entry, index);
        }
        for entry in contacted {
            raw.get_mut("entries_contacted").unwrap().add(&entry, index);
        }
        let reviews = match plan.reviews.len() {
            count @ 0..=5 => count.to_string(),
            _ => "6+".into(),
        };
        raw.get_mut("reviews_per_plan")
            .unwrap()
            .add(&reviews, index);
    }
    raw
}

/// The snake_case name serde gives a unit variant.
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// Every number in the JSON, with the path to it, outside the median,
/// least and greatest durations.
fn counts_in_json(value: &Value, path: &str, found: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                if !["median_days", "min_days", "max_days"].contains(&key.as_str()) {
                    counts_in_json(value, &format!("{path}.{key}"), found);
                }
            }
        }
        Value::Array(_) => panic!("no array in a report: {path}"),
        other => found.push((path.to_owned(), other.clone())),
    }
}

#[test]
fn random_plans_never_show_a_count_under_five() {
    let bases = base_plans();
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let mut reports_with_breakdowns = 0;
    let mut shown_cells = 0;
    let mut suppressed_cells = 0;
    let mut secondary = 0;
    for _ in 0..150 {
        let size = rng.below(40) as usize;
        let plans: Vec<Plan> = (0..size).map(|_| random_plan(&mut rng, &bases)).collect();
        let report = report(&plans);
        let json: Value = serde_json::from_str(&report.to_json()).unwrap();

        // In the JSON, every count is a number of at least 5 or "<5".
        let mut found = Vec::new();
        counts_in_json(&json, "$", &mut found);
        for (path, value) in &found {
            match value {
                Value::Number(number) => assert!(number.as_u64().unwrap() >= 5, "{path}"),
                Value::String(text) => assert_eq!(text, SUPPRESSED, "{path}"),
                other => panic!("{path}: {other}"),
            }
        }

        if size < 5 {
            assert_eq!(json, serde_json::json!({"plans": "<5"}));
            assert!(report.breakdowns.is_none());
            continue;
        }
        reports_with_breakdowns += 1;
        assert_eq!(report.plans.value(), Some(size as u64));
        let b = breakdowns(&report);
        let raw = raw_counts(&plans);
        for (name, breakdown) in all_breakdowns(b) {
            let raw = &raw[name];
            // Every key counted is listed.
            for key in raw.0.keys() {
                assert!(breakdown.get(key).is_some(), "{name}.{key}");
            }
            let mut hidden_big = 0;
            let mut hidden_small = 0;
            for (key, count) in breakdown.iter() {
                match count.value() {
                    Some(value) => {
                        shown_cells += 1;
                        assert!(value >= 5, "{name}.{key}");
                        let (raw_count, raw_plans) = &raw.0[key];
                        assert_eq!(value, *raw_count, "{name}.{key}");
                        assert!(raw_plans.len() >= 5, "{name}.{key}");
                    }
                    None if raw.small(key) => hidden_small += 1,
                    None => hidden_big += 1,
                }
            }
            suppressed_cells += hidden_small + hidden_big;
            if name.starts_with("entries_") {
                // No total: small counts only are hidden.
                assert_eq!(hidden_big, 0, "{name}");
                continue;
            }
            // A big count is hidden only to keep a small one from being
            // found by subtraction.
            if hidden_big > 0 {
                assert!(hidden_small >= 1, "{name}");
                secondary += 1;
            }
            assert_no_subtraction(name, breakdown, raw);
        }
        let intervals = &b.review_intervals;
        match intervals.count().value() {
            Some(count) => {
                assert!(count >= 5);
                let (min, max) = (intervals.min_days().unwrap(), intervals.max_days().unwrap());
                let median = intervals.median_days().unwrap();
                assert!(0 <= min && min as f64 <= median && median <= max as f64);
            }
            None => {
                assert_eq!(intervals.median_days(), None);
                assert_eq!(intervals.min_days(), None);
                assert_eq!(intervals.max_days(), None);
            }
        }
    }
    // The test saw both sides of the rule.
    assert!(reports_with_breakdowns > 100);
    assert!(shown_cells > 1_000 && suppressed_cells > 1_000);
    assert!(secondary > 0);
}

/// In a breakdown whose total can be known (the number of plans, of
/// actions, of objectives), no suppressed count can be found by
/// subtraction: never exactly one suppressed cell beside shown ones, and
/// what the suppressed cells hold together — the total less the shown
/// cells, which anyone can work out — is 0 or at least 5.
fn assert_no_subtraction(name: &str, breakdown: &Breakdown, raw: &Raw) {
    let hidden: Vec<&str> = (breakdown.iter())
        .filter(|(_, count)| count.is_suppressed())
        .map(|(key, _)| key)
        .collect();
    if hidden.len() == breakdown.len() {
        return;
    }
    assert_ne!(hidden.len(), 1, "{name}: a lone suppressed cell {hidden:?}");
    let together: u64 = (hidden.iter())
        .map(|key| raw.0.get(*key).map_or(0, |(count, _)| *count))
        .sum();
    assert!(
        together == 0 || together >= 5,
        "{name}: the suppressed cells {hidden:?} hold {together} together, found by subtraction"
    );
}

#[test]
fn one_action_not_planned_among_seven_plans_cannot_be_found_by_subtraction() {
    let start = day("2026-01-05");
    let mut plans = vec![plan(19, &[EMPLOI], start); 7];
    let first = action_ids(&plans[0])[0].clone();
    set_status(&mut plans[0], &first, ActionStatus::Done);
    let report = report(&plans);
    let b = breakdowns(&report);
    // Every action is a contact: the number of actions is shown there.
    let actions: u64 = b.action_kinds.iter().filter_map(|(_, c)| c.value()).sum();
    assert!(actions >= 7, "{:?}", b.action_kinds);
    let planned = b.action_statuses.get("planned").unwrap();
    assert!(
        planned.is_suppressed(),
        "planned {planned:?} of {actions} would tell the one action done"
    );
    let raw = raw_counts(&plans);
    for (name, breakdown) in all_breakdowns(b) {
        if !name.starts_with("entries_") {
            assert_no_subtraction(name, breakdown, &raw[name]);
        }
    }
}

#[test]
fn small_random_reports_never_let_a_suppressed_count_be_found_by_subtraction() {
    let bases = base_plans();
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let size = 5 + rng.below(8) as usize;
        let plans: Vec<Plan> = (0..size).map(|_| random_plan(&mut rng, &bases)).collect();
        let report = report(&plans);
        let raw = raw_counts(&plans);
        for (name, breakdown) in all_breakdowns(breakdowns(&report)) {
            if !name.starts_with("entries_") {
                assert_no_subtraction(name, breakdown, &raw[name]);
            }
        }
    }
}

#[test]
fn a_count_is_a_number_or_the_suppressed_string() {
    let plans = vec![plan(19, &[EMPLOI], day("2026-01-05")); 5];
    let report = report(&plans);
    let shown: Count = report.plans;
    assert_eq!(serde_json::to_string(&shown).unwrap(), "5");
    let hidden = breakdowns(&report)
        .objective_statuses
        .get("dropped")
        .unwrap();
    assert_eq!(serde_json::to_string(&hidden).unwrap(), r#""<5""#);
}
