//! The advisor's desk ("file active"), as an advisor expects it: a
//! caseload of real plans, reviews that move the next review point in the
//! agenda, overdue steps, a calendar that says nothing but the kind and
//! the label, the merge of two devices, the report over a period and its
//! CSV equal to its JSON.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use passerelle_core::calendar::agenda_ics;
use passerelle_core::caseload::{
    agenda, standing, Caseload, ConflictKind, Due, FollowUpStatus, Side,
};
use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
use passerelle_core::facts::Facts;
use passerelle_core::orientation::Priority;
use passerelle_core::plan::{ActionStatus, Author, Choices, Edit, ObjectiveStatus, Plan, Review};
use passerelle_core::report::{report, report_for_period, Period};
use passerelle_core::Locale;
use proptest::prelude::*;
use serde_json::Value;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn catalogue() -> &'static Catalogue {
    static NATIONAL: OnceLock<Catalogue> = OnceLock::new();
    NATIONAL.get_or_init(Catalogue::national)
}

const NEEDS: [&[&str]; 4] = [
    &["trouver-un-emploi"],
    &["logement-hebergement", "mobilite"],
    &["equipement-et-alimentation"],
    &["trouver-un-emploi", "mobilite"],
];

/// A plan built from a diagnosis, as `<passerelle-plan>` builds it.
fn plan(age: u8, needs: &[&str], start: Date) -> Plan {
    let facts =
        format!(r#"{{"age": {age}, "postal_code": "93200", "employment_status": "inactive"}}"#);
    let diagnosis = Diagnosis {
        questionnaire_id: "passerelle-default".into(),
        reference_date: start,
        facts: Facts::from_json(&facts).unwrap(),
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
    };
    let choices = Choices::new(start, needs.iter().map(|need| (*need).into()).collect());
    Plan::build(&diagnosis, catalogue(), &choices).unwrap()
}

fn review(date: Date) -> Review {
    Review {
        date,
        done: "A appelé la mission locale".into(),
        stuck: String::new(),
        changed: String::new(),
        facts: None,
    }
}

/// Twelve people, built on Mondays and Thursdays of November 2026.
fn twelve() -> Caseload {
    let mut caseload = Caseload::new();
    for i in 0..12u8 {
        let start = day("2026-11-02").plus_days(i64::from(i) * 2).unwrap();
        let plan = plan(18 + i, NEEDS[usize::from(i) % NEEDS.len()], start);
        let label = format!("{}. {}.", char::from(b'A' + i), char::from(b'M' + i));
        caseload.add(format!("p{i}"), &label, start, plan).unwrap();
    }
    caseload
}

#[test]
fn a_review_moves_the_next_review_into_the_right_week() {
    let mut caseload = twelve();
    let today = day("2026-11-27"); // a Friday
    caseload
        .record_review("p3", review(today), Some(day("2026-12-09")), today)
        .unwrap();
    let person = caseload.get("p3").unwrap();
    let now = standing(&person.plan, today);
    assert_eq!(now.reviews, 1);
    assert_eq!(now.last_review, Some(today));
    assert_eq!(now.next_review, Some(day("2026-12-09")));
    assert!(!now.review_late);

    let agenda = agenda(&caseload, today, 4);
    let mondays: Vec<String> = agenda.weeks.iter().map(|w| w.monday.to_string()).collect();
    assert_eq!(
        mondays,
        ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"]
    );
    let week = &agenda.weeks[2];
    assert!(week.items.iter().any(|item| item.person == "p3"
        && item.due == Due::Review
        && item.date == day("2026-12-09")));
    // Each week's items are within it, sorted.
    for week in &agenda.weeks {
        for item in &week.items {
            assert!(item.date >= today && week.monday.days_until(item.date) < 7);
        }
        assert!(week
            .items
            .windows(2)
            .all(|pair| pair[0].date <= pair[1].date));
    }
    // A review a day later moves it: the advisor sees it once, in its new week.
    let later = day("2026-11-28");
    caseload
        .record_review("p3", review(later), Some(day("2026-12-15")), later)
        .unwrap();
    let agenda = passerelle_core::caseload::agenda(&caseload, later, 4);
    let reviews: Vec<_> = agenda
        .weeks
        .iter()
        .flat_map(|week| week.items.iter().map(move |item| (week.monday, item)))
        .filter(|(_, item)| item.person == "p3" && item.due == Due::Review)
        .collect();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].0, day("2026-12-14"));
}

#[test]
fn an_overdue_step_and_a_late_review_show_as_overdue() {
    let mut caseload = twelve();
    let first = caseload.get("p0").unwrap().plan.next_steps()[0].clone();
    let due = first.due.unwrap();
    let today = due.plus_days(10).unwrap();
    let mut plan = caseload.get("p0").unwrap().plan.clone();
    plan.apply(
        Edit::SetNextReview {
            date: Some(due.plus_days(3).unwrap()),
        },
        Author::Advisor,
        due,
    )
    .unwrap();
    caseload.set_plan("p0", plan).unwrap();
    let now = standing(&caseload.get("p0").unwrap().plan, today);
    assert!(now.overdue.contains(&first.id));
    assert!(now.review_late);
    let agenda = agenda(&caseload, today, 2);
    assert!(agenda.overdue.iter().any(|item| item.person == "p0"
        && matches!(&item.due, Due::Step { action, .. } if *action == first.id)));
    assert!(agenda
        .overdue
        .iter()
        .any(|item| item.person == "p0" && item.due == Due::Review));
    assert!(agenda.overdue.iter().all(|item| item.date < today));

    // Done, it is no longer overdue; nor are the steps of a dropped objective.
    let mut plan = caseload.get("p0").unwrap().plan.clone();
    plan.apply(
        Edit::SetStatus {
            action: first.id.clone(),
            status: ActionStatus::Done,
        },
        Author::Advisor,
        today,
    )
    .unwrap();
    let now = standing(&plan, today);
    assert!(!now.overdue.contains(&first.id));
    for objective in plan.objectives.clone() {
        plan.apply(
            Edit::SetObjectiveStatus {
                objective: objective.id,
                status: ObjectiveStatus::Dropped,
            },
            Author::Advisor,
            today,
        )
        .unwrap();
    }
    let now = standing(&plan, today);
    assert!(now.overdue.is_empty() && now.next_step.is_none());
    assert_eq!(now.status, FollowUpStatus::Stopped);
    caseload.set_plan("p0", plan).unwrap();
    let agenda = passerelle_core::caseload::agenda(&caseload, today, 2);
    assert!(!agenda
        .overdue
        .iter()
        .chain(agenda.weeks.iter().flat_map(|w| &w.items))
        .any(|item| item.person == "p0" && item.due != Due::Review));
}

#[test]
fn the_next_step_is_the_earliest_still_to_do() {
    let caseload = twelve();
    let plan = &caseload.get("p1").unwrap().plan;
    let start = plan.schedule.start;
    let now = standing(plan, start);
    let first = plan.next_steps()[0];
    assert_eq!(now.next_step.as_deref(), Some(first.id.as_str()));
    assert_eq!(now.status, FollowUpStatus::Active);
    assert!(now.overdue.is_empty());
}

#[test]
fn the_calendar_has_one_event_per_item_and_says_only_kind_and_label() {
    let caseload = twelve();
    let today = day("2026-11-20");
    let agenda = agenda(&caseload, today, 6);
    let items = agenda.overdue.len() + agenda.weeks.iter().map(|w| w.items.len()).sum::<usize>();
    assert!(items > 12, "{items}");
    let ics = agenda_ics(&agenda, Locale::Fr, "20261120T080000Z").unwrap();
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Passerelle//Suivi//FR\r\n")
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), items);
    assert_eq!(ics.matches("DTSTAMP:20261120T080000Z\r\n").count(), items);
    // Every line ends with CRLF and is at most 75 octets.
    assert!(!ics.replace("\r\n", "").contains('\n'));
    assert!(ics.split("\r\n").all(|line| line.len() <= 75));
    let unfolded = ics.replace("\r\n ", "");
    let uids: BTreeSet<&str> = unfolded
        .split("\r\n")
        .filter(|line| line.starts_with("UID:"))
        .collect();
    assert_eq!(uids.len(), items, "UIDs are unique");
    for line in unfolded.split("\r\n").filter(|l| l.starts_with("SUMMARY:")) {
        assert!(
            line.starts_with("SUMMARY:Point d’étape\u{a0}: ")
                || line.starts_with("SUMMARY:Étape prévue\u{a0}: "),
            "{line}"
        );
    }
    // No theme, no title, no partner.
    for person in &caseload.people {
        for objective in &person.plan.objectives {
            assert!(!ics.contains(&objective.theme), "{}", objective.theme);
            for action in &objective.actions {
                assert!(!unfolded.contains(&action.title), "{}", action.title);
                if let Some(entry) = &action.entry {
                    assert!(!unfolded.contains(entry.as_str()), "{entry}");
                }
            }
        }
    }
    // In English too.
    let en = agenda_ics(&agenda, Locale::En, "20261120T080000Z").unwrap();
    assert!(en.contains("SUMMARY:Step due: "));
    assert_eq!(
        agenda_ics(&agenda, Locale::Fr, "now").unwrap_err().code(),
        "stamp_invalid"
    );
}

#[test]
fn a_label_is_escaped_in_the_calendar() {
    let mut caseload = Caseload::new();
    let start = day("2026-11-02");
    caseload
        .add(
            "p1".into(),
            "Dupont, J.; \\ok",
            start,
            plan(30, NEEDS[0], start),
        )
        .unwrap();
    let ics = agenda_ics(&agenda(&caseload, start, 1), Locale::En, "20261102T000000Z").unwrap();
    assert!(ics.contains("Dupont\\, J.\\; \\\\ok"), "{ics}");
}

#[test]
fn two_devices_that_edited_the_same_person_list_the_conflict() {
    let office = twelve();
    let mut laptop = office.clone();
    let mut desk = office.clone();
    let today = day("2026-11-30");
    // The laptop records a review, then a next review; the desk only a review.
    laptop
        .record_review("p5", review(today), Some(day("2026-12-21")), today)
        .unwrap();
    desk.record_review("p5", review(today), None, today)
        .unwrap();
    desk.relabel("p5", "Mme F.").unwrap();
    // And the desk adds one person and a review for another.
    let start = day("2026-11-30");
    desk.add("p12".into(), "Z. Z.", start, plan(40, NEEDS[1], start))
        .unwrap();
    desk.record_review("p7", review(today), None, today)
        .unwrap();

    let mut merged = laptop.clone();
    let merge = merged.merge(desk.clone());
    assert_eq!(merge.added, ["p12"]);
    assert_eq!(merge.updated, ["p7"]);
    assert_eq!(merge.unchanged.len(), 11);
    let diverged: Vec<_> = merge
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Diverged)
        .collect();
    // Both recorded the same review on the same day: the laptop's history
    // has the desk's as its beginning, so the laptop's wins, no divergence.
    assert!(diverged.is_empty(), "{:?}", merge.conflicts);
    let label = merge
        .conflicts
        .iter()
        .find(|c| matches!(c.kind, ConflictKind::Label { .. }))
        .unwrap();
    assert_eq!(label.id, "p5");
    assert_eq!(label.kept, Side::Local);
    assert_eq!(
        label.kind,
        ConflictKind::Label {
            other: "Mme F.".into()
        }
    );
    assert_eq!(merged.people.len(), 13);
    assert_eq!(
        merged.get("p5").unwrap().plan,
        laptop.get("p5").unwrap().plan
    );

    // Now truly diverged: different reviews on the same person.
    let mut a = office.clone();
    let mut b = office.clone();
    a.record_review("p2", review(today), Some(day("2026-12-14")), today)
        .unwrap();
    let mut other = review(today);
    other.stuck = "Pas de réponse".into();
    b.record_review("p2", other, None, today).unwrap();
    let mut merged = a.clone();
    let merge = merged.merge(b.clone());
    assert_eq!(merge.conflicts.len(), 1, "{:?}", merge.conflicts);
    let conflict = &merge.conflicts[0];
    assert_eq!(
        (
            conflict.id.as_str(),
            &conflict.kind,
            conflict.kept,
            conflict.changes_not_kept
        ),
        ("p2", &ConflictKind::Diverged, Side::Local, 1)
    );
    // The other way round, the longer history still wins.
    let mut merged = b.clone();
    let merge = merged.merge(a.clone());
    assert_eq!(merge.updated, ["p2"]);
    assert_eq!(merge.conflicts[0].kept, Side::Imported);
    assert_eq!(merge.conflicts[0].changes_not_kept, 1);
    assert_eq!(merged.get("p2").unwrap().plan, a.get("p2").unwrap().plan);
}

#[test]
fn a_caseload_round_trips_and_damaged_files_are_refused_with_their_code() {
    let caseload = twelve();
    let json = caseload.to_json();
    assert_eq!(Caseload::from_json(&json).unwrap(), caseload);
    assert_eq!(
        Caseload::from_json(&Caseload::new().to_json()).unwrap(),
        Caseload::new()
    );

    let mut value: Value = serde_json::from_str(&json).unwrap();
    let code = |value: &Value| Caseload::from_json(&value.to_string()).unwrap_err().code();
    let changed = |change: &dyn Fn(&mut Value)| {
        let mut copy = value.clone();
        change(&mut copy);
        code(&copy)
    };
    assert_eq!(
        changed(&|v| v["format_version"] = 2.into()),
        "caseload_version"
    );
    assert_eq!(
        changed(&|v| v["format_version"] = 0.into()),
        "caseload_version"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["id"] = "p0".into()),
        "person_id_taken"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["id"] = "p 1".into()),
        "person_id_invalid"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["label"] = "".into()),
        "label_empty"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["label"] = "x".repeat(41).into()),
        "label_too_long"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["label"] = "A.\nB.".into()),
        "label_control_characters"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["plan"]["history"] = Value::Array(vec![])),
        "plan_corrupted"
    );
    assert_eq!(
        changed(&|v| v["people"][1]["plan"]["format_version"] = 9.into()),
        "plan_future_version"
    );
    assert_eq!(changed(&|v| v["people"] = 3.into()), "caseload_corrupted");
    assert_eq!(changed(&|v| v["extra"] = 3.into()), "caseload_corrupted");
    assert_eq!(
        changed(&|v| v["people"][0]["name"] = "Jean Dupont".into()),
        "caseload_corrupted"
    );
    assert_eq!(
        changed(&|v| v["people"][0]["added"] = "27/11/2026".into()),
        "caseload_corrupted"
    );
    value["people"] = Value::Array(vec![Value::Null; 5001]);
    assert_eq!(code(&value), "too_many_people");
    for text in [
        "",
        "{",
        "[]",
        "null",
        "\"x\"",
        "{\"format_version\": \"1\"}",
    ] {
        let error = Caseload::from_json(text).unwrap_err();
        assert!(
            ["caseload_not_json", "caseload_corrupted"].contains(&error.code()),
            "{text}: {error}"
        );
    }
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(Caseload::from_json(&deep).unwrap_err().code(), "too_deep");
    // Every cut of a real file is refused, never a panic.
    for cut in (0..json.len())
        .step_by(97)
        .filter(|&i| json.is_char_boundary(i))
    {
        assert!(Caseload::from_json(&json[..cut]).is_err());
    }
}

#[test]
fn adding_relabelling_and_removing_check_what_they_are_given() {
    let mut caseload = twelve();
    let start = day("2026-11-02");
    let p = plan(30, NEEDS[0], start);
    let code = |r: Result<(), passerelle_core::caseload::CaseloadError>| r.unwrap_err().code();
    assert_eq!(
        code(caseload.add("p1".into(), "X", start, p.clone())),
        "person_id_taken"
    );
    assert_eq!(
        code(caseload.add("".into(), "X", start, p.clone())),
        "person_id_invalid"
    );
    assert_eq!(
        code(caseload.add("p99".into(), "  ", start, p.clone())),
        "label_empty"
    );
    assert_eq!(code(caseload.relabel("nobody", "X")), "person_unknown");
    assert_eq!(
        code(caseload.record_review("p1", review(start), None, day("2000-01-01"))),
        "plan_date_before_last_change"
    );
    let removed = caseload.remove("p1").unwrap();
    assert_eq!(removed.id, "p1");
    assert!(caseload.get("p1").is_none());
    assert_eq!(caseload.plans().len(), 11);
    assert_eq!(caseload.remove("p1").unwrap_err().code(), "person_unknown");
}

#[test]
fn a_period_before_any_plan_reports_nothing() {
    let caseload = twelve();
    let plans: Vec<Plan> = caseload.plans().into_iter().cloned().collect();
    let before = Period::new(day("2025-01-01"), day("2025-12-31")).unwrap();
    assert_eq!(
        report_for_period(&plans, before).to_json(),
        r#"{"plans":"<5"}"#
    );
    // The period of November counts all twelve; reviews only within it.
    let november = Period::new(day("2026-11-01"), day("2026-11-30")).unwrap();
    assert_eq!(
        report_for_period(&plans, november),
        report(&plans),
        "no review yet: the same as the whole report"
    );
    let mut reviewed = plans.clone();
    for plan in &mut reviewed {
        let date = day("2026-12-10");
        plan.apply(
            Edit::Review {
                review: Box::new(review(date)),
            },
            Author::Advisor,
            date,
        )
        .unwrap();
    }
    let in_november = report_for_period(&reviewed, november);
    let json: Value = serde_json::from_str(&in_november.to_json()).unwrap();
    assert_eq!(json["plans"], 12);
    assert_eq!(json["reviews_per_plan"]["0"], 12);
    let whole = report(&reviewed);
    let json: Value = serde_json::from_str(&whole.to_json()).unwrap();
    assert_eq!(json["reviews_per_plan"]["1"], 12);
    assert!(Period::new(day("2026-12-01"), day("2026-11-01")).is_none());
}

/// The rows of a report's JSON, as `(section, key, value)`, in the order
/// of the JSON text.
fn json_rows(json: &str) -> Vec<(String, String, String)> {
    let value: Value = serde_json::from_str(json).unwrap();
    let text = |value: &Value| match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let mut sections: Vec<(usize, &String, &Value)> = value
        .as_object()
        .unwrap()
        .iter()
        .map(|(section, inner)| {
            (
                json.find(&format!("\"{section}\":")).unwrap(),
                section,
                inner,
            )
        })
        .collect();
    sections.sort_by_key(|(at, ..)| *at);
    let mut rows = Vec::new();
    for (at, section, inner) in sections {
        match inner {
            Value::Object(cells) => {
                let mut cells: Vec<_> = cells
                    .iter()
                    .map(|(key, v)| (json[at..].find(&format!("\"{key}\":")).unwrap(), key, v))
                    .collect();
                cells.sort_by_key(|(at, ..)| *at);
                for (_, key, v) in cells {
                    rows.push((section.clone(), key.clone(), text(v)));
                }
            }
            other => rows.push((section.clone(), String::new(), text(other))),
        }
    }
    rows
}

/// The rows of a CSV of four fields (RFC 4180), header left out.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    assert!(csv.ends_with("\r\n"));
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, csv.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'));
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert_eq!(rows[0], ["section", "key", "label", "value"]);
    assert!(rows.iter().all(|row| row.len() == 4), "{rows:?}");
    rows.remove(0);
    rows
}

#[test]
fn the_csv_is_the_json_row_for_row() {
    let mut caseload = twelve();
    let today = day("2026-11-30");
    for (i, id) in ["p0", "p1", "p2", "p3", "p4", "p5", "p6"]
        .iter()
        .enumerate()
    {
        let date = today.plus_days(i as i64).unwrap();
        caseload
            .record_review(id, review(date), None, date)
            .unwrap();
    }
    let plans: Vec<Plan> = caseload.plans().into_iter().cloned().collect();
    for report in [
        report(&plans),
        report(&plans[..3]),
        report_for_period(
            &plans,
            Period::new(day("2026-11-01"), day("2026-12-31")).unwrap(),
        ),
    ] {
        let json = json_rows(&report.to_json());
        for locale in [
            Locale::Fr,
            Locale::En,
            Locale::from_tag("ar").unwrap_or(Locale::En),
        ] {
            let csv = report.to_csv(locale);
            let rows = csv_rows(&csv);
            let rows: Vec<(String, String, String)> = rows
                .iter()
                .map(|row| (row[0].clone(), row[1].clone(), row[3].clone()))
                .collect();
            assert_eq!(rows, json, "{csv}");
        }
    }
    let csv = report(&plans).to_csv(Locale::Fr);
    assert!(
        csv.contains("\r\nneeds,trouver-un-emploi,Recherche d’emploi,"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\naction_statuses,done,Étapes faites,"),
        "{csv}"
    );
    assert!(csv.contains("\r\nreview_intervals,count,"), "{csv}");
    assert!(csv.contains("\r\naction_kinds,other,Autre étape,"), "{csv}");
    assert!(
        csv.contains(
            "\r\nneeds,equipement-et-alimentation,\"Nourriture, vêtements et équipement\","
        ),
        "{csv}"
    );
    let few = report(&plans[..4]).to_csv(Locale::En);
    assert_eq!(
        few,
        "section,key,label,value\r\nplans,,Plans followed,<5\r\n"
    );
}

/// A caseload of `people` (id, in a, in b, shared edits, a's, b's, label differs).
type Spec = Vec<(bool, bool, u8, u8, u8, bool)>;

fn base_plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| plan(25, NEEDS[0], day("2026-11-02")))
}

fn with_edits(plan: &mut Plan, count: u8, side: i64) {
    for i in 0..count {
        let date = day("2026-11-03")
            .plus_days(plan.history.len() as i64)
            .unwrap();
        let next = date.plus_days(7 + side * 100 + i64::from(i)).unwrap();
        plan.apply(
            Edit::SetNextReview { date: Some(next) },
            Author::Advisor,
            date,
        )
        .unwrap();
    }
}

fn two_caseloads(spec: &Spec) -> (Caseload, Caseload) {
    let (mut a, mut b) = (Caseload::new(), Caseload::new());
    for (i, &(in_a, in_b, shared, only_a, only_b, relabel)) in spec.iter().enumerate() {
        let mut common = base_plan().clone();
        with_edits(&mut common, shared, 0);
        let id = format!("p{i}");
        let start = day("2026-11-02");
        if in_a || !in_b {
            let mut plan = common.clone();
            with_edits(&mut plan, only_a, 1);
            a.add(id.clone(), "A. A.", start, plan).unwrap();
        }
        if in_b {
            let mut plan = common;
            with_edits(&mut plan, only_b, 2);
            let label = if relabel { "B. B." } else { "A. A." };
            b.add(id, label, start, plan).unwrap();
        }
    }
    (a, b)
}

fn ids(caseload: &Caseload) -> BTreeSet<String> {
    caseload.people.iter().map(|p| p.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merge_never_loses_a_person_and_is_symmetric_in_people(
        spec in proptest::collection::vec(
            (any::<bool>(), any::<bool>(), 0u8..3, 0u8..3, 0u8..3, any::<bool>()), 0..6)
    ) {
        let (a, b) = two_caseloads(&spec);
        let union: BTreeSet<String> = ids(&a).union(&ids(&b)).cloned().collect();
        let mut ab = a.clone();
        let merge_ab = ab.merge(b.clone());
        let mut ba = b.clone();
        ba.merge(a.clone());
        prop_assert_eq!(ids(&ab), union.clone());
        prop_assert_eq!(ids(&ba), union);
        prop_assert!(merge_ab.refused.is_empty());
        // Each imported person is in exactly one list.
        let mut listed: Vec<&String> = merge_ab.added.iter()
            .chain(&merge_ab.updated).chain(&merge_ab.unchanged).collect();
        listed.sort();
        let imported: Vec<String> = ids(&b).into_iter().collect();
        prop_assert_eq!(listed, imported.iter().collect::<Vec<_>>());
        // A plan kept is one of the two sides', with the longer history.
        for person in &ab.people {
            let sides = [a.get(&person.id), b.get(&person.id)];
            prop_assert!(sides.iter().flatten().any(|side| side.plan == person.plan));
            let longest = sides.iter().flatten().map(|s| s.plan.history.len()).max();
            prop_assert_eq!(Some(person.plan.history.len()), longest);
        }
        // Nothing dropped silently: a diverged person is listed.
        for conflict in &merge_ab.conflicts {
            if conflict.kind == ConflictKind::Diverged {
                prop_assert!(conflict.changes_not_kept > 0);
            }
        }
        // A caseload merged with itself: all unchanged.
        let mut same = a.clone();
        let merge = same.merge(a.clone());
        prop_assert_eq!(&same, &a);
        prop_assert_eq!(merge.unchanged.len(), a.people.len());
        prop_assert!(merge.added.is_empty() && merge.updated.is_empty() && merge.conflicts.is_empty());
    }
}

fn small_caseload_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let mut caseload = Caseload::new();
        let start = day("2026-11-02");
        caseload
            .add("p1".into(), "A. B.", start, base_plan().clone())
            .unwrap();
        caseload
            .add("p-2".into(), "Dossier 2", start, plan(40, NEEDS[1], start))
            .unwrap();
        caseload.to_json()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A damaged file is refused with a code, or read into a caseload
    /// that writes back to itself: never a panic.
    #[test]
    fn a_damaged_caseload_is_refused_or_read_never_a_panic(
        at in 0usize..20_000,
        cut in 0usize..40,
        insert in proptest::sample::select(vec!["", "{", "]", "\"", ",", "0", "null", "\\u0000", "é", "[[[["]),
    ) {
        let json = small_caseload_json();
        let at = at % (json.len() + 1);
        let end = (at + cut).min(json.len());
        if !json.is_char_boundary(at) || !json.is_char_boundary(end) {
            return Ok(());
        }
        let damaged = format!("{}{}{}", &json[..at], insert, &json[end..]);
        match Caseload::from_json(&damaged) {
            Ok(caseload) => {
                let again = Caseload::from_json(&caseload.to_json()).unwrap();
                prop_assert_eq!(again, caseload);
            }
            Err(error) => {
                prop_assert!(!error.code().is_empty());
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }

    /// Every item of the agenda is where it belongs: overdue before today,
    /// each week's from today on and within its seven days, sorted.
    #[test]
    fn the_agenda_puts_each_item_in_its_place(offset in 0i64..90, weeks in 0u32..10) {
        let caseload = twelve_cached();
        let today = day("2026-10-20").plus_days(offset).unwrap();
        let agenda = agenda(caseload, today, weeks);
        prop_assert_eq!(agenda.weeks.len(), weeks as usize);
        prop_assert!(agenda.overdue.iter().all(|item| item.date < today));
        for (i, week) in agenda.weeks.iter().enumerate() {
            prop_assert_eq!(week.monday.weekday(), passerelle_core::date::Weekday::Monday);
            prop_assert!(week.monday <= today || i > 0);
            for item in &week.items {
                prop_assert!(item.date >= today);
                prop_assert!((0..7).contains(&week.monday.days_until(item.date)));
            }
        }
        let all: Vec<_> = agenda.overdue.iter().chain(agenda.weeks.iter().flat_map(|w| &w.items)).collect();
        prop_assert!(all.windows(2).all(|pair| pair[0].date <= pair[1].date));
        // Everyone's overdue steps are the agenda's overdue steps.
        let overdue_steps = all.iter().filter(|item| item.date < today && item.due != Due::Review).count();
        let from_standing: usize = caseload.people.iter().map(|p| standing(&p.plan, today).overdue.len()).sum();
        prop_assert_eq!(overdue_steps, from_standing);
    }
}

fn twelve_cached() -> &'static Caseload {
    static TWELVE: OnceLock<Caseload> = OnceLock::new();
    TWELVE.get_or_init(twelve)
}

#[test]
fn the_fuzz_seed_caseload_reads() {
    let text = include_str!("fixtures/caseload-v1.json");
    let caseload = Caseload::from_json(text).expect("the fuzz target's seed reads");
    assert_eq!(caseload.people.len(), 1);
    assert_eq!(caseload.people[0].label, "A. M.");
}
