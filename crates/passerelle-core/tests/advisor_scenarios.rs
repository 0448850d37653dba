//! The advisor's scenarios: situations advisors meet every week, written
//! from what an experienced advisor ("conseiller en insertion") would do,
//! each run through the whole flow as a person would meet it — the
//! default questionnaire answered one question at a time, the orientation
//! on the national catalogue, the first plan, the referral sheets — and
//! checked against the outcomes the advisor expects.
//!
//! The situations are data, in `tests/advisor-scenarios/` (one file each,
//! format in its README). Besides each scenario's own expectations, every
//! scenario must hold what no advisor would ever sign off on breaking:
//! see [`check_invariants`].

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::communes::Communes;
use passerelle_core::date::{Date, HolidayZone};
use passerelle_core::diagnosis::{Diagnosis, Reach};
use passerelle_core::facts::{Fact, Value as FactValue};
use passerelle_core::orientation::{orient, Eligibility, Orientation, Priority, Request};
use passerelle_core::plan::{Author, Choices, Consent, Edit, Plan};
use passerelle_core::referral::referral_sheet;
use passerelle_core::{DiagnosisSession, Locale, Questionnaire, UrgentAlert};
use serde_json::Value;

fn folder() -> PathBuf {
    common::scenarios_folder()
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every scenario: its id (the file's name) and its JSON.
fn scenarios() -> Vec<(String, Value)> {
    let mut found: Vec<(String, Value)> = std::fs::read_dir(folder())
        .expect("tests/advisor-scenarios")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".json")?
                .to_owned();
            (name != "ordinary").then(|| (name, read(&path)))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().expect("a string").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn alert_named(name: &str) -> UrgentAlert {
    serde_json::from_value(Value::String(name.to_owned()))
        .unwrap_or_else(|_| panic!("no alert {name:?}"))
}

/// Everything the flow gave for one scenario.
struct Walk {
    session: DiagnosisSession,
    diagnosis: Diagnosis,
    /// For each question answered, in order: the alerts raised once it was
    /// answered, before the next question.
    alerts_after: Vec<(String, Vec<UrgentAlert>)>,
    /// The questions asked, in order.
    asked: Vec<String>,
    /// Whether the quick exit is still offered once every question is
    /// answered (it shows on the danger questions themselves for everyone).
    quick_exit: bool,
}

struct World {
    catalogue: Arc<Catalogue>,
    questionnaire: Questionnaire,
}

impl World {
    /// The national catalogue and the default questionnaire with the whole
    /// commune table, as a page has them once its parts are loaded.
    fn new() -> World {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/communes");
        let parts: Vec<String> = std::fs::read_dir(&folder)
            .expect("data/communes")
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                (path.extension()? == "txt")
                    .then(|| std::fs::read_to_string(&path).expect("a part"))
            })
            .collect();
        let communes =
            Communes::from_parts(parts.iter().map(String::as_str), "$").expect("communes");
        let catalogue = Arc::new(Catalogue::national().with_communes(communes.clone()));
        let questionnaire = Questionnaire::default_fr_en()
            .with_communes(communes)
            .adapted_to(catalogue.clone());
        World {
            catalogue,
            questionnaire,
        }
    }

    /// The questionnaire answered one question at a time, as in the widget:
    /// an answer the scenario does not give is skipped.
    fn walk(&self, name: &str, scenario: &Value) -> Walk {
        let questionnaire = &self.questionnaire;
        let date = Date::parse(scenario["reference_date"].as_str().expect("reference_date"))
            .expect("a date");
        let answers = common::answers_with(&scenario["answers"]);
        let mut session = DiagnosisSession::new(questionnaire, date);
        let mut alerts_after = Vec::new();
        while let Some(question) = session.current(questionnaire) {
            let id = question.id.clone();
            let outcome = match answers.get(&id) {
                Some(answer) => session.answer(questionnaire, &id, answer.clone()),
                None => session.skip(questionnaire, &id),
            };
            if let Err(error) = outcome {
                panic!(
                    "{name}: {id}: {}",
                    error.message(Some(question), Locale::Fr)
                );
            }
            alerts_after.push((id, session.alerts_raised(questionnaire)));
        }
        let quick_exit = session.offers_quick_exit(questionnaire);
        let asked = alerts_after.iter().map(|(id, _)| id.clone()).collect();
        let diagnosis = session.diagnosis(questionnaire, Locale::Fr);
        Walk {
            session,
            diagnosis,
            alerts_after,
            asked,
            quick_exit,
        }
    }

    fn orientation(&self, diagnosis: &Diagnosis) -> Orientation<'_> {
        orient(
            &self.catalogue,
            &Request {
                facts: &diagnosis.facts,
                needs: &diagnosis.orientation_needs(),
                reference_date: diagnosis.reference_date,
                locale: Locale::Fr,
                explain: true,
            },
        )
        .expect("orientation")
    }

    /// The first plan for every need found, at the default pace, from the
    /// day of the diagnosis.
    fn plan(&self, diagnosis: &Diagnosis) -> Plan {
        let needs = diagnosis
            .needs
            .iter()
            .map(|need| need.theme.clone())
            .collect();
        Plan::build(
            diagnosis,
            &self.catalogue,
            &Choices::new(diagnosis.reference_date, needs),
        )
        .expect("a plan")
    }

    fn urgent(&self, entry: &str) -> bool {
        self.catalogue
            .entry(entry)
            .is_some_and(|entry| entry.urgent)
    }
}

/// Every (need, entry) proposed and not ruled out.
fn offered<'o>(orientation: &'o Orientation) -> Vec<(&'o str, &'o str)> {
    orientation
        .needs
        .iter()
        .flat_map(|need| {
            need.actionable()
                .map(move |proposal| (need.need.theme.as_str(), proposal.id))
        })
        .collect()
}

/// Every (entry, due date) of the plan's steps, in the plan's order.
fn steps(plan: &Plan) -> Vec<(&str, Option<Date>)> {
    plan.objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .filter_map(|action| Some((action.entry.as_deref()?, action.due)))
        .collect()
}

/// What no advisor would sign, whatever the situation.
fn check_invariants(
    world: &World,
    name: &str,
    walk: &Walk,
    orientation: &Orientation,
    plan: &Plan,
) {
    let catalogue = &world.catalogue;
    let raised = walk.session.alerts_raised(&world.questionnaire);
    // Each entry once in the whole orientation.
    let mut seen = BTreeSet::new();
    for need in &orientation.needs {
        for proposal in &need.proposals {
            assert!(
                seen.insert(proposal.id),
                "{name}: {} proposed twice (again under {})",
                proposal.id,
                need.need.theme
            );
        }
    }
    // Emergency lines only under an urgent need the person raised.
    for need in &orientation.needs {
        for proposal in need.actionable() {
            if world.urgent(proposal.id) {
                assert_eq!(
                    need.need.priority,
                    Priority::Urgent,
                    "{name}: the emergency line {} under the need {}, which is not urgent",
                    proposal.id,
                    need.need.theme
                );
            }
        }
        // The few first, never one ruled out among them.
        let (first, _, out) = need.parts();
        assert!(
            first.iter().all(|p| p.status != Eligibility::Ineligible),
            "{name}: a ruled-out entry shown first under {}",
            need.need.theme
        );
        assert!(
            out.iter().all(|p| p.status == Eligibility::Ineligible),
            "{name}: {}: only ruled-out entries are folded away",
            need.need.theme
        );
    }
    // Every reason in words a person reads: never a bare value ("pour
    // vous : 0"), never a code ("commune 93066"), French typography.
    for evaluation in &orientation.evaluations {
        for reason in orientation.explanation(evaluation).iter() {
            let text = reason.text();
            assert!(
                !text.contains("pour vous"),
                "{name}: {}: a bare value: {text}",
                evaluation.entry.id
            );
            let coded = text
                .split("commune ")
                .skip(1)
                .any(|after| after.starts_with(|c: char| c.is_ascii_digit()));
            assert!(
                !coded,
                "{name}: {}: a commune code: {text}",
                evaluation.entry.id
            );
            assert!(
                !text.contains(" :") && !text.contains(" ?"),
                "{name}: {}: an ordinary space before a sign: {text}",
                evaluation.entry.id
            );
        }
    }
    // What the person has is never proposed, never a step.
    let plan_steps = steps(plan);
    for held in &orientation.held {
        assert!(
            !offered(orientation).iter().any(|(_, id)| id == held),
            "{name}: {held} is held and proposed"
        );
        assert!(
            !plan_steps.iter().any(|(id, _)| id == held),
            "{name}: {held} is held and a step of the plan"
        );
    }
    // The plan: each partner once (a partner's papers and its contact are
    // one partner, in one objective), nothing ruled out, emergency lines
    // only for an alert raised and only on the first day, partners on
    // working days.
    let start = plan.schedule.start;
    let facts = walk.diagnosis.facts.resolve(start).ok();
    let department = match facts.as_ref().and_then(|facts| facts.get(Fact::Department)) {
        Some(FactValue::Text(code)) => Some(code.as_str()),
        _ => None,
    };
    let zone = HolidayZone::of_department(department);
    let mut partner_objective: BTreeMap<&str, &str> = BTreeMap::new();
    for objective in &plan.objectives {
        for action in &objective.actions {
            let Some(entry) = action.entry.as_deref() else {
                continue;
            };
            let earlier = partner_objective.insert(entry, &objective.id);
            assert!(
                earlier.is_none() || earlier == Some(objective.id.as_str()),
                "{name}: {entry} in two objectives of the plan"
            );
            if let Some(evaluation) = orientation.evaluation(entry) {
                assert_ne!(
                    evaluation.status,
                    Eligibility::Ineligible,
                    "{name}: {entry} is ruled out and a step of the plan"
                );
            }
            let found = catalogue.entry(entry).expect("an entry of the catalogue");
            let due = action.due.expect("every first step has a date");
            if found.urgent {
                assert!(
                    raised
                        .iter()
                        .any(|alert| alert.contacts(Locale::Fr).iter().any(|c| c.catalogue_entry == Some(entry))),
                    "{name}: the emergency line {entry} is a step, but no alert raised calls for it"
                );
                assert_eq!(
                    due, start,
                    "{name}: the emergency line {entry} is not due today"
                );
            } else if action.kind == passerelle_core::plan::ActionKind::ContactPartner
                && !found.access.open_every_day
            {
                assert!(
                    due.is_working_day(zone),
                    "{name}: {entry} to contact on {due}, not a working day"
                );
            }
        }
    }
    // The partners offered a referral sheet: every partner of a step, once,
    // and never an emergency line.
    let offered_sheets: Vec<&str> = passerelle_core::referral::partners(plan, catalogue)
        .into_iter()
        .map(|(entry, _)| entry)
        .collect();
    let mut contact_steps: Vec<&str> = plan
        .objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .filter(|action| action.kind == passerelle_core::plan::ActionKind::ContactPartner)
        .filter_map(|action| action.entry.as_deref())
        .collect();
    let all = contact_steps.len();
    contact_steps.sort_unstable();
    contact_steps.dedup();
    assert_eq!(
        all,
        contact_steps.len(),
        "{name}: a partner to contact twice"
    );
    let mut partners_of_steps: Vec<&str> = contact_steps
        .iter()
        .copied()
        .filter(|entry| !world.urgent(entry))
        .collect();
    let mut sheets = offered_sheets.clone();
    partners_of_steps.sort_unstable();
    sheets.sort_unstable();
    assert_eq!(
        sheets, partners_of_steps,
        "{name}: the partners offered a referral sheet"
    );
    // No emergency line gets a referral sheet; every partner of the plan does.
    for entry in contact_steps {
        let mut shared = plan.clone();
        shared
            .apply(
                Edit::GiveConsent {
                    consent: Consent {
                        entry: entry.to_owned(),
                        date: start,
                    },
                },
                Author::Person,
                start,
            )
            .unwrap_or_else(|e| panic!("{name}: consent for {entry}: {e}"));
        let sheet = referral_sheet(&shared, catalogue, entry, start);
        if world.urgent(entry) {
            let error = sheet.expect_err("no referral sheet for an emergency line");
            assert_eq!(error.code(), "emergency_line", "{name}: {entry}");
        } else {
            sheet.unwrap_or_else(|e| panic!("{name}: referral sheet for {entry}: {}", e.code()));
        }
    }
}

/// The scenario's own expectations (see the README of the folder).
fn check_expectations(
    world: &World,
    name: &str,
    scenario: &Value,
    walk: &Walk,
    orientation: &Orientation,
    plan: &Plan,
) {
    let expect = &scenario["expect"];
    let start = plan.schedule.start;
    // Urgent alerts: raised by the very answer, before the next question,
    // with the numbers to call or text.
    if let Some(alerts) = expect["alerts"].as_array() {
        let mut wanted = Vec::new();
        for alert in alerts {
            let after = alert["after"].as_str().expect("after");
            let which = alert_named(alert["alert"].as_str().expect("alert"));
            wanted.push(which);
            let position = walk
                .alerts_after
                .iter()
                .position(|(id, _)| id == after)
                .unwrap_or_else(|| panic!("{name}: {after} was not asked"));
            let before = position
                .checked_sub(1)
                .map_or(&[][..], |i| walk.alerts_after[i].1.as_slice());
            assert!(
                !before.contains(&which) && walk.alerts_after[position].1.contains(&which),
                "{name}: the {which:?} alert is not raised by the answer to {after}"
            );
            let contacts = which.contacts(Locale::Fr);
            let numbers = |reach: Reach| -> Vec<&str> {
                contacts
                    .iter()
                    .filter(|c| c.reach == reach)
                    .filter_map(|c| c.phone)
                    .collect()
            };
            for number in strings(&alert["call"]) {
                assert!(
                    numbers(Reach::Call).contains(&number.as_str()),
                    "{name}: {which:?}: no number {number} to call"
                );
            }
            for number in strings(&alert["text"]) {
                assert!(
                    numbers(Reach::TextMessage).contains(&number.as_str()),
                    "{name}: {which:?}: no number {number} to text"
                );
            }
            for contact in &contacts {
                assert!(
                    !contact.availability(Locale::Fr).is_empty(),
                    "{name}: {which:?}: {} does not say when it answers",
                    contact.name
                );
            }
        }
        let mut raised = walk.session.alerts_raised(&world.questionnaire);
        raised.sort();
        wanted.sort();
        assert_eq!(raised, wanted, "{name}: the alerts raised");
    }
    assert_eq!(
        walk.quick_exit,
        expect["quick_exit"].as_bool().unwrap_or(false),
        "{name}: the quick exit offered"
    );
    // The questions: asked when they can change something (the commune
    // where the postal code serves several), in words.
    for question in strings(&expect["asked"]) {
        assert!(
            walk.asked.contains(&question),
            "{name}: {question} was not asked: {:?}",
            walk.asked
        );
    }
    if let Some(commune) = expect["commune"].as_str() {
        assert_eq!(
            walk.diagnosis.facts.get(Fact::Commune),
            Some(&FactValue::Text(commune.to_owned())),
            "{name}: the commune"
        );
    }
    // The orientation.
    let offered = offered(orientation);
    for held in strings(&expect["held"]) {
        assert!(
            orientation.held.contains(&held.as_str()),
            "{name}: {held} should be shown as what the person has already: held {:?}",
            orientation.held
        );
    }
    for entry in strings(&expect["offered"]) {
        let first = orientation
            .needs
            .iter()
            .any(|need| need.parts().0.iter().any(|p| p.id == entry));
        assert!(
            first,
            "{name}: {entry} is not among the first proposals of any need: {:#?}",
            orientation
                .needs
                .iter()
                .map(|need| (
                    &need.need.theme,
                    need.parts().0.iter().map(|p| p.id).collect::<Vec<_>>()
                ))
                .collect::<Vec<_>>()
        );
    }
    for entry in strings(&expect["not_offered"]) {
        assert!(
            !offered.iter().any(|(_, id)| *id == entry),
            "{name}: {entry} is proposed: {offered:?}"
        );
    }
    if let Some(first) = expect["first"].as_object() {
        for (theme, wanted) in first {
            let wanted = wanted.as_str().expect("an entry");
            let need = orientation
                .needs
                .iter()
                .find(|need| need.need.theme == *theme)
                .unwrap_or_else(|| panic!("{name}: no need {theme}"));
            let proposal = need
                .actionable()
                .next()
                .unwrap_or_else(|| panic!("{name}: nothing for {theme}"));
            match wanted.strip_prefix("theme:") {
                Some(fit) => {
                    let entry = world.catalogue.entry(proposal.id).expect("entry");
                    assert!(
                        entry.themes.iter().any(|t| t == fit),
                        "{name}: first for {theme} is {}, which does not address {fit}",
                        proposal.id
                    );
                }
                None => assert_eq!(proposal.id, wanted, "{name}: first for {theme}"),
            }
        }
    }
    // The plan.
    let plan_steps = steps(plan);
    let in_plan = |entry: &str| plan_steps.iter().any(|(id, _)| *id == entry);
    for entry in strings(&expect["plan_today"]) {
        assert!(
            plan_steps
                .iter()
                .any(|(id, due)| *id == entry && *due == Some(start)),
            "{name}: {entry} is not a step for today: {plan_steps:?}"
        );
    }
    for entry in strings(&expect["plan_includes"]) {
        assert!(
            in_plan(&entry),
            "{name}: {entry} not in the plan: {plan_steps:?}"
        );
    }
    for entry in strings(&expect["plan_excludes"]) {
        assert!(
            !in_plan(&entry),
            "{name}: {entry} in the plan: {plan_steps:?}"
        );
    }
    let first_after_emergency = plan_steps
        .iter()
        .filter(|(id, _)| !world.urgent(id))
        .min_by_key(|(_, due)| *due)
        .map(|(id, _)| *id);
    for key in ["first_step", "first_step_after_emergency"] {
        if let Some(wanted) = expect[key].as_str() {
            assert_eq!(
                first_after_emergency,
                Some(wanted),
                "{name}: the first step: {plan_steps:?}"
            );
        }
    }
    // Referral sheets.
    for referral in expect["referral"].as_array().into_iter().flatten() {
        let partner = referral["partner"].as_str().expect("partner");
        let mut shared = plan.clone();
        shared
            .apply(
                Edit::GiveConsent {
                    consent: Consent {
                        entry: partner.to_owned(),
                        date: start,
                    },
                },
                Author::Person,
                start,
            )
            .unwrap_or_else(|e| panic!("{name}: consent for {partner}: {e}"));
        let sheet = referral_sheet(&shared, &world.catalogue, partner, start)
            .unwrap_or_else(|e| panic!("{name}: sheet for {partner}: {}", e.code()));
        let sheet_json = serde_json::to_value(&sheet).expect("json");
        for fact in strings(&referral["mentions_fact"]) {
            let found = sheet_json["facts"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|shared| shared["fact"] == fact.as_str() && !shared["value"].is_null());
            assert!(
                found,
                "{name}: the sheet for {partner} does not say {fact}: {:#}",
                sheet_json["facts"]
            );
        }
    }
    for entry in strings(&expect["no_referral"]) {
        let mut shared = plan.clone();
        // Consent is refused or the sheet is: either way, no sheet.
        let _ = shared.apply(
            Edit::GiveConsent {
                consent: Consent {
                    entry: entry.clone(),
                    date: start,
                },
            },
            Author::Person,
            start,
        );
        assert!(
            referral_sheet(&shared, &world.catalogue, &entry, start).is_err(),
            "{name}: a referral sheet for the emergency line {entry}"
        );
    }
}

/// What the flow gave, for a scenario's author: `SCENARIO=street-young-man
/// cargo test -p passerelle-core --test advisor_scenarios -- --nocapture`.
fn show(walk: &Walk, orientation: &Orientation, plan: &Plan) {
    println!(
        "alerts: {:?}",
        walk.diagnosis
            .urgent
            .iter()
            .map(|a| a.alert)
            .collect::<Vec<_>>()
    );
    println!("held: {:?}", orientation.held);
    for need in &orientation.needs {
        let (first, more, out) = need.parts();
        let ids = |part: &[passerelle_core::orientation::Proposal]| {
            part.iter()
                .map(|p| format!("{} ({:?})", p.id, p.status))
                .collect::<Vec<_>>()
        };
        println!(
            "need {} ({:?}):\n  first {:?}\n  more {:?}\n  ruled out {:?}",
            need.need.theme,
            need.need.priority,
            ids(first),
            ids(more),
            ids(out)
        );
    }
    for (entry, due) in steps(plan) {
        println!("step {entry} {due:?}");
    }
}

#[test]
fn every_scenario_gets_what_an_advisor_would_sign() {
    let world = World::new();
    let scenarios = scenarios();
    assert!(
        scenarios.len() >= 20,
        "at least 20 situations: {}",
        scenarios.len()
    );
    let mut failures = Vec::new();
    for (name, scenario) in &scenarios {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let walk = world.walk(name, scenario);
            let orientation = world.orientation(&walk.diagnosis);
            let plan = world.plan(&walk.diagnosis);
            if std::env::var("SCENARIO").is_ok_and(|wanted| wanted == *name) {
                show(&walk, &orientation, &plan);
            }
            check_invariants(&world, name, &walk, &orientation, &plan);
            check_expectations(&world, name, scenario, &walk, &orientation, &plan);
        }));
        if let Err(panic) = outcome {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_scenario_says_the_situation_and_what_the_advisor_does() {
    for (name, scenario) in scenarios() {
        for field in [
            "situation",
            "advisor",
            "reference_date",
            "answers",
            "expect",
        ] {
            assert!(!scenario[field].is_null(), "{name}: no {field}");
        }
        let known = [
            "alerts",
            "quick_exit",
            "held",
            "offered",
            "not_offered",
            "first",
            "first_step",
            "first_step_after_emergency",
            "plan_today",
            "plan_includes",
            "plan_excludes",
            "referral",
            "no_referral",
            "asked",
            "commune",
        ];
        for key in scenario["expect"].as_object().expect("expect").keys() {
            assert!(
                known.contains(&key.as_str()),
                "{name}: unknown expectation {key}"
            );
        }
    }
}
