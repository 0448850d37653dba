//! Property tests of the three-valued evaluation of eligibility rules:
//! adding a fact never changes a determined status, only resolves
//! undetermined ones; `not` swaps met and not met and keeps unknown; and
//! the catalogue's compiled rules (what orientation runs) agree with
//! [`Condition::evaluate`], with or without explanations, and when
//! matching ids only. A condition
//! `to_check` (what no fact can say) is unknown whatever the facts, and
//! leaves a rule unknown exactly when checking it could go either way.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::explanation::Explanation;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{matched, orient, Eligibility, Request};
use passerelle_core::rules::{Condition, Outcome, Test, Zone};
use passerelle_core::Locale;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A random leaf condition over a few facts.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0i64..40, 0i64..40).prop_map(|(a, b)| json!({"age": {"min": a.min(b), "max": a.max(b)}})),
        any::<bool>().prop_map(|b| json!({"equals": {"fact": "rqth", "value": b}})),
        prop::sample::subsequence(vec!["jobseeker", "student", "inactive", "employed"], 1..4)
            .prop_map(|values| json!({"in": {"fact": "employment_status", "values": values}})),
        prop::sample::subsequence(vec!["rsa", "ass", "aah"], 1..3)
            .prop_map(|values| json!({"has_any": {"fact": "benefits", "values": values}})),
        (0i64..24).prop_map(
            |n| json!({"compare": {"fact": "unemployment_months", "op": ">=", "value": n}})
        ),
        prop::sample::subsequence(vec!["93", "75", "974", "2A"], 1..3)
            .prop_map(|departments| json!({"in_zone": {"departments": departments}})),
        prop::sample::subsequence(vec!["11", "84", "04"], 1..2)
            .prop_map(|regions| json!({"in_zone": {"regions": regions}})),
        prop::sample::subsequence(vec!["93066", "75111", "69381"], 1..2)
            .prop_map(|communes| json!({"in_zone": {"communes": communes}})),
        (0i64..40).prop_map(|n| json!({"equals": {"fact": "age", "value": n}})),
        (0i64..20, 0i64..20).prop_map(|(a, b)| json!({"between": {"fact": "unemployment_months", "min": a.min(b), "max": a.max(b)}})),
        (prop::sample::select(vec!["<", "<=", ">", ">="]), 0i64..24).prop_map(
            |(op, n)| json!({"compare": {"fact": "unemployment_months", "op": op, "value": n}})
        ),
        prop::sample::select(vec!["jobseeker", "student"])
            .prop_map(|value| json!({"equals": {"fact": "employment_status", "value": value}})),
        prop::sample::select(vec!["93200", "75011"])
            .prop_map(|value| json!({"equals": {"fact": "postal_code", "value": value}})),
        prop::sample::select(vec!["93", "2A"])
            .prop_map(|value| json!({"equals": {"fact": "department", "value": value}})),
        prop::sample::select(vec![
            "Avoir travaillé 2 ans sur les 3 dernières années",
            "Être orienté par un prescripteur",
        ])
        .prop_map(|what| json!({"to_check": {"fr": what, "en": "To check"}})),
    ]
}

fn condition() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|parts| json!({"all": parts})),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|parts| json!({"any": parts})),
            inner.prop_map(|part| json!({"not": part})),
        ]
    })
}

/// Random facts over the same few facts, each present or absent.
fn facts() -> impl Strategy<Value = Value> {
    (
        prop::option::of(10i64..45),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::sample::select(vec![
            "jobseeker",
            "student",
            "inactive",
            "employed",
        ])),
        prop::option::of(prop::sample::subsequence(vec!["rsa", "ass", "aah"], 0..3)),
        prop::option::of(0i64..36),
        prop::option::of(prop::sample::select(vec![
            "93200", "75011", "97411", "20000", "69001",
        ])),
    )
        .prop_map(|(age, rqth, status, benefits, months, postal_code)| {
            let mut map = serde_json::Map::new();
            let mut put = |key: &str, value: Option<Value>| {
                if let Some(value) = value {
                    map.insert(key.to_owned(), value);
                }
            };
            put("age", age.map(Value::from));
            put("rqth", rqth.map(Value::from));
            put("employment_status", status.map(Value::from));
            put("benefits", benefits.map(|b| json!(b)));
            put("unemployment_months", months.map(Value::from));
            put("postal_code", postal_code.map(Value::from));
            Value::Object(map)
        })
}

/// [`facts`], sometimes with a commune. Not for the laws that merge two
/// draws: a commune and a postal code drawn apart may disagree, and then
/// the commune wins (see `docs/facts.md`).
fn facts_with_commune() -> impl Strategy<Value = Value> {
    (
        facts(),
        prop::option::of(prop::sample::select(vec!["93066", "75111", "97411"])),
    )
        .prop_map(|(mut facts, commune)| {
            if let (Some(map), Some(commune)) = (facts.as_object_mut(), commune) {
                map.insert("commune".to_owned(), json!(commune));
            }
            facts
        })
}

fn parse(rule: &Value) -> Condition {
    Condition::parse(rule, "$", &mut Vec::new()).expect("generated rules are valid")
}

fn resolve(facts: &Value) -> Facts {
    Facts::from_value(facts, "$")
        .expect("generated facts are valid")
        .resolve(Date::parse("2026-11-26").unwrap())
        .unwrap()
}

/// A one-entry catalogue with this zone and rule.
fn catalogue(zone: &Value, rule: &Value) -> Catalogue {
    Catalogue::from_value(&json!({"format_version": 1, "id": "t", "name": "T", "entries": [{
        "id": "entry", "name": {"fr": "Dispositif"}, "description": {"fr": "Pour tester."},
        "kind": "scheme", "types": ["accompagnement"], "themes": ["sante--acces-aux-soins"],
        "publics": ["tous-publics"], "eligibility": rule, "zone": zone,
        "access": {"through": ["usagers"], "modes": ["telephoner"], "phone": "3949"},
        "cost": "gratuit", "source_url": "https://www.service-public.fr/", "last_verified": "2026-11-26"
    }]}))
    .expect("generated catalogues are valid")
}

proptest! {
    #[test]
    fn orientation_agrees_with_the_rules_with_or_without_explanations(
        rule in condition(),
        facts in facts_with_commune(),
        zone in prop_oneof![
            Just(json!({"national": true})),
            Just(json!({"departments": ["93", "2A"]})),
            Just(json!({"regions": ["84"]})),
            Just(json!({"communes": ["93066"], "departments": ["974"]})),
        ],
    ) {
        let catalogue = catalogue(&zone, &rule);
        let given = Facts::from_value(&facts, "$").unwrap();
        let resolved = resolve(&facts);
        let expected = Outcome::and([
            Zone::parse(&zone, "$", &mut Vec::new()).unwrap().contains(&resolved),
            parse(&rule).evaluate(&resolved),
        ]);
        let expected_status = match expected {
            Outcome::Met => Eligibility::Eligible,
            Outcome::NotMet => Eligibility::Ineligible,
            Outcome::Unknown(_) => Eligibility::Undetermined,
        };
        for explain in [false, true] {
            let orientation = orient(&catalogue, &Request {
                facts: &given, needs: &[], reference_date: Date::parse("2026-11-26").unwrap(),
                locale: Locale::Fr, explain,
            }).unwrap();
            let evaluation = &orientation.evaluations[0];
            prop_assert_eq!(evaluation.status, expected_status);
            prop_assert_eq!(evaluation.missing, expected.missing());
            prop_assert_eq!(orientation.explanation(evaluation).is_empty(), !explain);
        }
        // Matching (ids only) sorts the entry as the rules do.
        let found = matched(&catalogue, &given, Date::parse("2026-11-26").unwrap()).unwrap();
        prop_assert_eq!(found.eligible == ["entry"], expected_status == Eligibility::Eligible);
        prop_assert_eq!(found.undetermined == ["entry"], expected_status == Eligibility::Undetermined);
        prop_assert_eq!(found.to_json(), passerelle_core::json::write(&found));
    }

    #[test]
    fn adding_facts_never_changes_a_determined_status(
        rule in condition(), partial in facts(), full in facts()
    ) {
        // `more` knows everything `partial` knows, and possibly more.
        let mut more = full.as_object().unwrap().clone();
        more.extend(partial.as_object().unwrap().clone());
        let rule = parse(&rule);
        let before = rule.evaluate(&resolve(&partial));
        let after = rule.evaluate(&resolve(&Value::Object(more)));
        match before {
            Outcome::Met | Outcome::NotMet => prop_assert_eq!(after, before),
            // Unknown for want of facts, or of a check no fact can make.
            Outcome::Unknown(missing) => prop_assert!(
                !missing.is_empty() || !rule.pending_checks(&resolve(&partial)).is_empty()
            ),
        }
    }

    #[test]
    fn explanations_agree_with_evaluation(rule in condition(), facts in facts()) {
        let rule = parse(&rule);
        let facts = resolve(&facts);
        fn check(condition: &Condition, explanation: Explanation, facts: &Facts) -> Result<(), TestCaseError> {
            prop_assert_eq!(explanation.status(), condition.evaluate(facts).status());
            prop_assert!(std::ptr::eq(explanation.condition(), condition));
            let parts: Vec<&Condition> = match condition.test() {
                Test::All(parts) | Test::Any(parts) => parts.iter().collect(),
                Test::Not(part) => vec![part],
                _ => Vec::new(),
            };
            prop_assert_eq!(parts.len(), explanation.parts().len());
            for (part, explained) in parts.iter().zip(explanation.parts().iter()) {
                check(part, explained, facts)?;
            }
            Ok(())
        }
        let explanations = rule.explain(&facts, Locale::Fr);
        prop_assert_eq!(explanations.all().len(), 1);
        check(&rule, explanations.all().get(0).unwrap(), &facts)?;
    }

    #[test]
    fn not_swaps_met_and_not_met_and_keeps_unknown(rule in condition(), facts in facts()) {
        let facts = resolve(&facts);
        let plain = parse(&rule).evaluate(&facts);
        let negated = parse(&json!({"not": rule})).evaluate(&facts);
        prop_assert_eq!(negated, !plain);
    }

    #[test]
    fn missing_facts_are_unknown_facts_the_rule_reads(rule in condition(), facts in facts()) {
        let rule = parse(&rule);
        let given = resolve(&facts);
        if let Outcome::Unknown(missing) = rule.evaluate(&given) {
            let read = rule.facts();
            for fact in missing.iter() {
                prop_assert!(read.contains(fact), "{} is not read by the rule", fact);
                prop_assert!(given.get(fact).is_none(), "{} is known", fact);
            }
        }
    }

    #[test]
    fn knowing_every_missing_fact_settles_the_status(rule in condition(), partial in facts(), full in facts()) {
        // Give the rule everything: then nothing is unknown any more.
        let mut complete = partial.as_object().unwrap().clone();
        complete.extend(full.as_object().unwrap().clone());
        for (key, value) in [
            ("age", json!(20)), ("rqth", json!(false)), ("employment_status", json!("jobseeker")),
            ("benefits", json!([])), ("unemployment_months", json!(3)), ("postal_code", json!("93200")),
            ("commune", json!("93066")),
        ] {
            complete.entry(key).or_insert(value);
        }
        let facts = resolve(&Value::Object(complete));
        let outcome = parse(&rule).evaluate(&facts);
        // Still unknown only when what is left to check decides it: some
        // way of checking meets the rule, another does not.
        let checks = count_checks(&rule);
        prop_assume!(checks <= 8);
        let mut outcomes = Vec::new();
        for answers in 0u32..1 << checks {
            let checked = parse(&with_checks_answered(&rule, answers, &mut 0));
            outcomes.push(checked.evaluate(&facts));
        }
        prop_assert!(outcomes.iter().all(|o| !matches!(o, Outcome::Unknown(_))), "{:?}", outcomes);
        let decided = outcomes.iter().all(|o| *o == outcomes[0]);
        match outcome {
            Outcome::Unknown(missing) => {
                prop_assert!(missing.is_empty(), "{:?}", missing);
                prop_assert!(!decided, "the checks do not decide: {:?}", outcomes);
                prop_assert!(!parse(&rule).pending_checks(&facts).is_empty());
            }
            determined => {
                prop_assert!(decided && outcomes[0] == determined, "{:?}: {:?}", determined, outcomes);
                prop_assert!(parse(&rule).pending_checks(&facts).is_empty());
            }
        }
    }

    #[test]
    fn a_condition_to_check_is_unknown_with_nothing_missing(rule in condition(), facts in facts()) {
        let facts = resolve(&facts);
        let check = parse(&json!({"to_check": {"fr": "Être orienté par un prescripteur"}}));
        prop_assert_eq!(check.evaluate(&facts), Outcome::Unknown(Default::default()));
        // Checks are pending only while the rule is unknown.
        let rule = parse(&rule);
        if !rule.pending_checks(&facts).is_empty() {
            prop_assert!(matches!(rule.evaluate(&facts), Outcome::Unknown(_)));
            prop_assert!(rule.has_checks());
        }
        if rule.evaluate(&facts) == Outcome::Unknown(Default::default()) {
            prop_assert!(!rule.pending_checks(&facts).is_empty());
        }
    }
}

/// How many conditions `to_check` the rule holds.
fn count_checks(rule: &Value) -> u32 {
    match rule {
        Value::Object(map) if map.contains_key("to_check") => 1,
        Value::Object(map) => map.values().map(count_checks).sum(),
        Value::Array(items) => items.iter().map(count_checks).sum(),
        _ => 0,
    }
}

/// The rule with its `n`-th condition to check replaced by a condition
/// met (bit `n` of `answers` set) or not met, on facts where the age is
/// known; each occurrence on its own, as the law reads them.
fn with_checks_answered(rule: &Value, answers: u32, n: &mut u32) -> Value {
    match rule {
        Value::Object(map) if map.contains_key("to_check") => {
            let met = answers >> *n & 1 == 1;
            *n += 1;
            if met {
                json!({"age": {"min": 0}})
            } else {
                json!({"age": {"min": 130}})
            }
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), with_checks_answered(value, answers, n)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| with_checks_answered(item, answers, n))
                .collect(),
        ),
        other => other.clone(),
    }
}
