//! Property tests of the three-valued evaluation of eligibility rules:
//! adding a fact never changes a determined status, only resolves
//! undetermined ones; `not` swaps met and not met and keeps unknown.

use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::i18n::Locale;
use passerelle_core::rules::{Condition, Outcome, Test};
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

fn parse(rule: &Value) -> Condition {
    Condition::parse(rule, "$", &mut Vec::new()).expect("generated rules are valid")
}

fn resolve(facts: &Value) -> Facts {
    Facts::from_value(facts, "$")
        .expect("generated facts are valid")
        .resolve(Date::parse("2026-11-26").unwrap())
        .unwrap()
}

proptest! {
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
            Outcome::Unknown(missing) => prop_assert!(!missing.is_empty()),
        }
    }

    #[test]
    fn explanations_agree_with_evaluation(rule in condition(), facts in facts()) {
        let rule = parse(&rule);
        let facts = resolve(&facts);
        fn check(condition: &Condition, explanation: &passerelle_core::rules::Explanation, facts: &Facts) -> Result<(), TestCaseError> {
            prop_assert_eq!(explanation.status, condition.evaluate(facts).status());
            let parts: Vec<&Condition> = match &condition.test {
                Test::All(parts) | Test::Any(parts) => parts.iter().collect(),
                Test::Not(part) => vec![part],
                _ => Vec::new(),
            };
            prop_assert_eq!(parts.len(), explanation.parts.len());
            for (part, explained) in parts.iter().zip(&explanation.parts) {
                check(part, explained, facts)?;
            }
            Ok(())
        }
        check(&rule, &rule.explain(&facts, Locale::Fr), &facts)?;
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
            let mut read = std::collections::BTreeSet::new();
            rule.facts(&mut read);
            for fact in &missing {
                prop_assert!(read.contains(fact), "{} is not read by the rule", fact);
                prop_assert!(given.get(*fact).is_none(), "{} is known", fact);
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
        ] {
            complete.entry(key).or_insert(value);
        }
        let rule = parse(&rule);
        let outcome = rule.evaluate(&resolve(&Value::Object(complete)));
        prop_assert!(!matches!(outcome, Outcome::Unknown(_)), "{:?}", outcome);
    }
}
