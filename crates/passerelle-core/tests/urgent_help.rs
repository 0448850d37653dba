//! Urgent help at once (issue 16, section 1), as an advisor expects it
//! from the default questionnaire adapted to the national catalogue: an
//! urgent answer raises its alert before the next question, with
//! contacts whose cost and hours are true; the quick exit is offered from
//! the danger question on; the progress a person reads never grows from
//! one question to the next.

use std::sync::Arc;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::{Hours, Reach};
use passerelle_core::{
    AnswerValue, DiagnosisSession, Locale, Progress, Question, QuestionKind, Questionnaire,
    UrgentAlert,
};

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn questionnaire() -> Questionnaire {
    Questionnaire::default_fr_en().adapted_to(Arc::new(Catalogue::national()))
}

/// Answers the current question with `input`, checking it is `id`.
fn answer(session: &mut DiagnosisSession, questionnaire: &Questionnaire, id: &str, input: &str) {
    let current = session
        .current(questionnaire)
        .expect("a question")
        .id
        .clone();
    assert_eq!(current, id, "the question asked");
    session.answer_input(questionnaire, id, input).unwrap();
}

#[test]
fn each_urgent_answer_raises_its_alert_before_the_next_question() {
    let questionnaire = questionnaire();
    let cases: [(&str, &str, UrgentAlert, &[&str]); 6] = [
        ("sleep_tonight", "street", UrgentAlert::Shelter, &["115"]),
        ("sleep_tonight", "dont_know", UrgentAlert::Shelter, &["115"]),
        ("food_today", "no", UrgentAlert::Food, &["115"]),
        (
            "danger_at_home",
            "yes",
            UrgentAlert::Violence,
            &["3919", "17", "112", "114"],
        ),
        (
            "child_in_danger",
            "yes",
            UrgentAlert::ChildInDanger,
            &["119"],
        ),
        (
            "urgent_care",
            "yes",
            UrgentAlert::MedicalEmergency,
            &["15", "112"],
        ),
    ];
    let calm = [
        ("sleep_tonight", "home"),
        ("food_today", "yes"),
        ("danger_at_home", "no"),
        ("child_in_danger", "no"),
        ("urgent_care", "no"),
    ];
    for (question, input, alert, numbers) in cases {
        let mut session = DiagnosisSession::new(&questionnaire, today());
        for (id, calm_input) in calm {
            let given = if id == question { input } else { calm_input };
            answer(&mut session, &questionnaire, id, given);
            let raised = session.alerts_raised(&questionnaire);
            if id == question {
                // Right after the answer, with the next question still to
                // come: the alert is there to show above it.
                assert_eq!(raised, [alert], "{question} = {input}");
                assert!(session.current(&questionnaire).is_some());
                let phones: Vec<_> = alert
                    .contacts(Locale::Fr)
                    .iter()
                    .filter_map(|contact| contact.phone)
                    .collect();
                assert_eq!(phones, numbers, "{question} = {input}");
                break;
            }
            assert!(raised.is_empty(), "no alert after {id} = {calm_input}");
        }
    }
}

#[test]
fn alerts_stay_raised_through_the_rest_of_the_questions() {
    let questionnaire = questionnaire();
    let mut session = DiagnosisSession::new(&questionnaire, today());
    answer(&mut session, &questionnaire, "sleep_tonight", "street");
    answer(&mut session, &questionnaire, "food_today", "yes");
    answer(&mut session, &questionnaire, "danger_at_home", "yes");
    let mut steps = 0;
    while let Some(question) = session.current(&questionnaire) {
        assert_eq!(
            session.alerts_raised(&questionnaire),
            [UrgentAlert::Shelter, UrgentAlert::Violence],
            "at {}",
            question.id
        );
        answer_first(&mut session, &questionnaire);
        steps += 1;
    }
    assert!(steps > 10);
    let diagnosis = session.diagnosis(&questionnaire, Locale::Fr);
    let alerts: Vec<_> = diagnosis.urgent.iter().map(|alert| alert.alert).collect();
    assert_eq!(alerts, [UrgentAlert::Shelter, UrgentAlert::Violence]);
}

#[test]
fn every_urgent_contact_says_truly_when_and_at_what_cost_it_answers() {
    for locale in Locale::all() {
        for alert in UrgentAlert::ALL {
            for contact in alert.contacts(locale) {
                assert!(contact.free, "{}", contact.name);
                match contact.phone {
                    // The emergency and help lines: free, day and night
                    // (service-public.fr F33954; the 115, 119 and 3919 pages).
                    Some(_) => {
                        assert_eq!(contact.hours, Hours::DayAndNight, "{}", contact.name);
                        assert!(contact.action(locale).is_some());
                    }
                    // The town hall's social centre is a place with its
                    // own hours, not a line open day and night.
                    None => {
                        assert_eq!(contact.reach, Reach::Visit);
                        assert_eq!(contact.hours, Hours::OpeningHours);
                        assert!(contact.action(locale).is_none());
                    }
                }
            }
        }
    }
    let [shelter] = &UrgentAlert::Shelter.contacts(Locale::Fr)[..] else {
        panic!("one contact for shelter")
    };
    assert_eq!(shelter.action(Locale::Fr).unwrap(), "Appeler le 115");
    assert_eq!(shelter.availability(Locale::Fr), "Gratuit, jour et nuit.");
    let sms = UrgentAlert::Violence.contacts(Locale::Fr);
    let sms = sms.iter().find(|c| c.phone == Some("114")).unwrap();
    assert_eq!(sms.reach, Reach::TextMessage);
    assert_eq!(sms.action(Locale::Fr).unwrap(), "Envoyer un SMS au 114");
    // Nothing to eat today: the town hall's social centre at its hours,
    // and the 115, which says where meals are given out, day and night.
    let [centre, meals] = &UrgentAlert::Food.contacts(Locale::Fr)[..] else {
        panic!("two contacts for food")
    };
    assert_eq!(
        centre.availability(Locale::Fr),
        "Gratuit, aux heures d’ouverture."
    );
    assert_eq!(meals.action(Locale::Fr).unwrap(), "Appeler le 115");
    assert_eq!(meals.availability(Locale::Fr), "Gratuit, jour et nuit.");
    assert_eq!(
        UrgentAlert::every_number()
            .iter()
            .map(|(number, _)| *number)
            .collect::<Vec<_>>(),
        ["115", "3919", "17", "112", "114", "119", "15"]
    );
}

#[test]
fn the_quick_exit_is_offered_from_the_danger_question_on() {
    let questionnaire = questionnaire();
    let mut session = DiagnosisSession::new(&questionnaire, today());
    assert!(!session.offers_quick_exit(&questionnaire), "first question");
    answer(&mut session, &questionnaire, "sleep_tonight", "home");
    answer(&mut session, &questionnaire, "food_today", "yes");
    // On the danger question itself, before any answer.
    assert_eq!(
        session.current(&questionnaire).unwrap().id,
        "danger_at_home"
    );
    assert!(session.offers_quick_exit(&questionnaire));
    answer(&mut session, &questionnaire, "danger_at_home", "no");
    // And on the child in danger question.
    assert!(session.offers_quick_exit(&questionnaire));
    answer(&mut session, &questionnaire, "child_in_danger", "no");
    // No danger said: not on the later questions.
    assert!(!session.offers_quick_exit(&questionnaire));

    let mut session = DiagnosisSession::new(&questionnaire, today());
    answer(&mut session, &questionnaire, "sleep_tonight", "home");
    answer(&mut session, &questionnaire, "food_today", "yes");
    answer(&mut session, &questionnaire, "danger_at_home", "yes");
    // Violence said: on every later step, to the end.
    while let Some(question) = session.current(&questionnaire) {
        assert!(session.offers_quick_exit(&questionnaire), "{}", question.id);
        answer_first(&mut session, &questionnaire);
    }
    assert!(session.offers_quick_exit(&questionnaire), "the end");
}

/// Gives the current question its first answer; skips the ranking of needs.
fn answer_first(session: &mut DiagnosisSession, questionnaire: &Questionnaire) {
    let question = session.current(questionnaire).unwrap();
    let id = question.id.clone();
    if matches!(question.kind, QuestionKind::NeedRanking) {
        session.skip(questionnaire, &id).unwrap();
    } else {
        let value = first_answer(question);
        session.answer(questionnaire, &id, value).unwrap();
    }
}

/// The first answer offered (no to yes/no questions, the lowest number).
fn first_answer(question: &Question) -> AnswerValue {
    match &question.kind {
        QuestionKind::YesNo => AnswerValue::Bool(false),
        QuestionKind::Number { min, .. } => AnswerValue::Number(*min),
        QuestionKind::PostalCode => AnswerValue::Text("93200".into()),
        QuestionKind::MultipleChoice { options } => {
            AnswerValue::List(vec![options.last().unwrap().id.clone()])
        }
        QuestionKind::NeedRanking => unreachable!("the ranking is skipped"),
        _ => AnswerValue::Text(question.options()[0].id.clone()),
    }
}

/// A small deterministic generator, so that a failure names its seed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % sides.max(1) as u64) as usize
    }
}

/// A random answer a person could give to `question`.
fn some_answer(
    question: &Question,
    session: &DiagnosisSession,
    questionnaire: &Questionnaire,
    dice: &mut Dice,
) -> AnswerValue {
    match &question.kind {
        QuestionKind::YesNo => AnswerValue::Bool(dice.roll(2) == 0),
        QuestionKind::Number { min, max, .. } => {
            let picks = [*min, *min + 1, (*min + *max) / 2, *max];
            AnswerValue::Number(picks[dice.roll(picks.len())].min(*max))
        }
        QuestionKind::PostalCode => {
            let codes = ["93200", "75011", "69003", "97411", "13001"];
            AnswerValue::Text(codes[dice.roll(codes.len())].into())
        }
        QuestionKind::SingleChoice { options } => {
            AnswerValue::Text(options[dice.roll(options.len())].id.clone())
        }
        QuestionKind::MultipleChoice { options } => {
            let option = &options[dice.roll(options.len())];
            AnswerValue::List(vec![option.id.clone()])
        }
        QuestionKind::NeedRanking => {
            let mut needs = session.needs_found(questionnaire);
            needs.truncate(dice.roll(3));
            AnswerValue::List(needs)
        }
        QuestionKind::Date => AnswerValue::Text("2001-03-14".into()),
        QuestionKind::ShortText { .. } => AnswerValue::Text("Léa".into()),
        QuestionKind::Commune => {
            let options = session.options(questionnaire, question);
            AnswerValue::Text(options[dice.roll(options.len())].id.clone())
        }
    }
}

/// Walks `questionnaire` with random answers (and a few skips), and
/// returns the progress shown at each question.
fn walk(questionnaire: &Questionnaire, seed: u64) -> Vec<(String, Progress)> {
    let mut dice = Dice(seed);
    let mut session = DiagnosisSession::new(questionnaire, today());
    let mut shown = Vec::new();
    loop {
        let step = session.step(questionnaire);
        let Some(question) = step.question else {
            assert_eq!(
                step.progress.left, 0,
                "seed {seed}: nothing left at the end"
            );
            break;
        };
        shown.push((question.id.clone(), step.progress));
        let id = question.id.clone();
        if question.skippable && dice.roll(6) == 0 {
            session.skip(questionnaire, &id).unwrap();
            continue;
        }
        let value = some_answer(question, &session, questionnaire, &mut dice);
        if session.answer(questionnaire, &id, value).is_err() {
            // An answer the question refuses (an empty ranking): the
            // first one it takes.
            answer_first(&mut session, questionnaire);
        }
    }
    shown
}

/// What a person reads: "about N questions left".
fn shown_left(progress: &Progress) -> usize {
    progress.left
}

fn assert_never_grows(questionnaire: &Questionnaire, seed: u64) {
    let steps = walk(questionnaire, seed);
    for pair in steps.windows(2) {
        let [(before_id, before), (after_id, after)] = pair else {
            unreachable!()
        };
        assert!(
            shown_left(after) <= shown_left(before),
            "seed {seed}: about {} questions left at {before_id}, then about {} at {after_id}",
            shown_left(before),
            shown_left(after),
        );
        assert!(shown_left(after) >= 1, "seed {seed}: at {after_id}");
    }
    if let Some((id, last)) = steps.last() {
        assert!(last.last, "seed {seed}: {id} is said to be the last");
        assert_eq!(last.left, 1, "seed {seed}");
    }
}

#[test]
fn the_questions_left_never_grow_from_one_question_to_the_next() {
    let questionnaire = questionnaire();
    for seed in 0..200 {
        assert_never_grows(&questionnaire, seed);
    }
    // Without a catalogue to adapt to, every question may be asked.
    let plain = Questionnaire::default_fr_en();
    for seed in 0..60 {
        assert_never_grows(&plain, seed);
    }
}

#[test]
fn one_answer_opening_three_follow_ups_does_not_make_the_count_grow() {
    let questionnaire = Questionnaire::from_json(
        r#"{"format_version": 1, "id": "t", "locales": ["fr"], "sections": [
        {"id": "a", "title": {"fr": "A"}, "questions": [
          {"id": "kids", "sets": "children_count", "kind": {"type": "number", "min": 0, "max": 9}, "label": {"fr": "Enfants ?"}},
          {"id": "f1", "kind": {"type": "yes_no"}, "label": {"fr": "Un ?"}, "ask_when": {"compare": {"fact": "children_count", "op": ">=", "value": 1}}},
          {"id": "f2", "kind": {"type": "yes_no"}, "label": {"fr": "Deux ?"}, "ask_when": {"compare": {"fact": "children_count", "op": ">=", "value": 1}}},
          {"id": "f3", "kind": {"type": "yes_no"}, "label": {"fr": "Trois ?"}, "ask_when": {"compare": {"fact": "children_count", "op": ">=", "value": 1}}}]},
        {"id": "b", "title": {"fr": "B"}, "questions": [
          {"id": "end", "kind": {"type": "yes_no"}, "label": {"fr": "Fin ?"}}]}]}"#,
    )
    .unwrap();
    let mut session = DiagnosisSession::new(&questionnaire, today());
    let first = session.step(&questionnaire).progress;
    assert_eq!((first.section, first.sections), (Some(1), 2));
    session.answer_input(&questionnaire, "kids", "2").unwrap();
    let second = session.step(&questionnaire).progress;
    assert!(
        second.left <= first.left,
        "{} then {}",
        first.left,
        second.left
    );
    for id in ["f1", "f2", "f3"] {
        session.answer_input(&questionnaire, id, "no").unwrap();
    }
    let last = session.step(&questionnaire).progress;
    assert_eq!((last.left, last.last, last.section), (1, true, Some(2)));
}

/// A person sleeping in the street who says she is in danger at home:
/// the diagnosis after every question.
fn street_and_violence() -> passerelle_core::Diagnosis {
    let questionnaire = questionnaire();
    let mut session = DiagnosisSession::new(&questionnaire, today());
    answer(&mut session, &questionnaire, "sleep_tonight", "street");
    answer(&mut session, &questionnaire, "food_today", "yes");
    answer(&mut session, &questionnaire, "danger_at_home", "yes");
    while session.current(&questionnaire).is_some() {
        answer_first(&mut session, &questionnaire);
    }
    session.diagnosis(&questionnaire, Locale::Fr)
}

#[test]
fn the_plan_keeps_the_alerts_and_its_print_view_shows_their_numbers_first() {
    use passerelle_core::plan::{Choices, Plan};
    let diagnosis = street_and_violence();
    let catalogue = Catalogue::national();
    let needs = vec![diagnosis.needs[0].theme.clone()];
    let plan = Plan::build(&diagnosis, &catalogue, &Choices::new(today(), needs)).unwrap();
    assert_eq!(plan.urgent, [UrgentAlert::Shelter, UrgentAlert::Violence]);
    // Kept in its JSON, read back.
    let json = plan.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["urgent"], serde_json::json!(["shelter", "violence"]));
    let again = Plan::from_json(&json).unwrap();
    assert_eq!(again.urgent, plan.urgent);
    // A plan written before the field (none raised) still reads, and
    // writes no `urgent` either.
    let mut old = value.clone();
    old.as_object_mut().unwrap().remove("urgent");
    let old = Plan::from_json(&old.to_string()).unwrap();
    assert!(old.urgent.is_empty());
    let written: serde_json::Value = serde_json::from_str(&old.to_json()).unwrap();
    assert!(written.get("urgent").is_none());

    let html = passerelle_core::print::print_view(&plan, &catalogue, today());
    let urgent = html
        .find("<section aria-labelledby=\"urgent\">")
        .expect("a section");
    let objectives = html.find("aria-labelledby=\"objectives\"").unwrap();
    assert!(urgent < objectives, "the numbers come first");
    let section = &html[urgent..objectives];
    assert!(section.contains("Numéros d’urgence"));
    assert!(section.contains("<a href=\"tel:115\">115\u{a0}: hébergement d’urgence</a>"));
    assert!(section.contains("<a href=\"tel:3919\">"));
    assert!(section.contains("<a href=\"sms:114\">"));
    assert_eq!(section.matches("Gratuit, jour et nuit.").count(), 5);
    // Nothing urgent, no section.
    let calm = Plan::build(
        &passerelle_core::Diagnosis {
            urgent: Vec::new(),
            ..diagnosis.clone()
        },
        &catalogue,
        &Choices::new(today(), vec![diagnosis.needs[0].theme.clone()]),
    )
    .unwrap();
    let html = passerelle_core::print::print_view(&calm, &catalogue, today());
    assert!(!html.contains("aria-labelledby=\"urgent\""));
}
