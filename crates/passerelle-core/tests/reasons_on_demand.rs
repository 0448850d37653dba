//! Reasons on demand: an orientation made without explanations explains
//! any of its entries later, when a page shows it, in exactly the words
//! (and the same JSON) of an orientation made with every explanation, on
//! the national catalogue, for people an advisor meets, in French and in
//! English.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::json;
use passerelle_core::orientation::{orient, Need, Priority, Request};
use passerelle_core::Locale;

const SHELTER: &str = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";

fn date() -> Date {
    Date::parse("2026-12-03").unwrap()
}

/// People an advisor meets: little known, a young person in Seine-Saint-Denis,
/// a single mother on the RSA in Lyon, a man on the street in Strasbourg,
/// a disabled worker out of work for two years.
fn profiles() -> Vec<(&'static str, Facts, Vec<Need>)> {
    let need = |theme: &str, priority| Need {
        theme: theme.into(),
        priority,
        alerts: Vec::new(),
    };
    let facts = |json: &str| Facts::from_json(json).unwrap();
    vec![
        ("almost nothing known", facts("{}"), Vec::new()),
        (
            "a young person in Seine-Saint-Denis",
            facts(
                r#"{"birth_date": "2007-05-02", "postal_code": "93200",
                    "employment_status": "inactive", "in_education": false}"#,
            ),
            vec![need("trouver-un-emploi", Priority::Normal)],
        ),
        (
            "a single mother on the RSA in Lyon",
            facts(
                r#"{"age": 34, "postal_code": "69003", "single_parent": true,
                    "children_count": 2, "benefits": ["rsa"], "housing": "tenant",
                    "monthly_resources": 700}"#,
            ),
            vec![
                need("famille--garde-denfants", Priority::High),
                need("trouver-un-emploi", Priority::Normal),
            ],
        ),
        (
            "a man on the street in Strasbourg",
            facts(r#"{"housing": "homeless", "age": 50, "postal_code": "67000"}"#),
            vec![need(SHELTER, Priority::Urgent)],
        ),
        (
            "a disabled worker out of work for two years",
            facts(
                r#"{"age": 46, "postal_code": "13001", "rqth": true,
                    "employment_status": "jobseeker", "registered_jobseeker": true,
                    "unemployment_months": 24, "benefits": ["ass"]}"#,
            ),
            vec![need("trouver-un-emploi", Priority::Normal)],
        ),
    ]
}

#[test]
fn every_entry_explained_on_demand_reads_as_when_every_entry_is_explained() {
    let catalogue = Catalogue::national();
    for locale in [Locale::Fr, Locale::En] {
        for (who, facts, needs) in profiles() {
            let request = |explain| Request {
                facts: &facts,
                needs: &needs,
                reference_date: date(),
                locale,
                explain,
            };
            let explained = orient(&catalogue, &request(true)).unwrap();
            let on_demand = orient(&catalogue, &request(false)).unwrap();
            let reasons = on_demand.reasons();
            let mut compared = 0;
            for evaluation in &explained.evaluations {
                let id = evaluation.entry.id.as_str();
                let asked = reasons.explain(&catalogue, &[id]).unwrap();
                let one = asked.iter().next().unwrap();
                assert!(!one.explanation.is_empty(), "{who}: {id} has no reasons");
                assert_eq!(
                    json::write(&one),
                    json::write(&explained.explained(evaluation)),
                    "{who}, {locale:?}: the reasons of {id} on demand differ from the orientation's"
                );
                compared += 1;
            }
            assert!(compared > 50, "{who}: only {compared} entries compared");
            // Asked all at once, in another order: the same, in the order asked.
            let ids: Vec<&str> = (explained.evaluations.iter().rev())
                .map(|evaluation| evaluation.entry.id.as_str())
                .collect();
            let all: Vec<String> = (explained.evaluations.iter().rev())
                .map(|evaluation| json::write(&explained.explained(evaluation)))
                .collect();
            let asked = reasons.explain(&catalogue, &ids).unwrap();
            let on_demand: Vec<String> = asked.iter().map(|one| json::write(&one)).collect();
            assert_eq!(on_demand, all, "{who}, {locale:?}: all at once");
            assert_eq!(json::write(&asked), format!("[{}]", all.join(",")));
        }
    }
}

#[test]
fn the_summary_shows_what_the_orientation_shows_without_the_evaluations() {
    let catalogue = Catalogue::national();
    for (who, facts, needs) in profiles() {
        let request = Request {
            facts: &facts,
            needs: &needs,
            reference_date: date(),
            locale: Locale::Fr,
            explain: false,
        };
        let orientation = orient(&catalogue, &request).unwrap();
        let mut whole = json::parse(&json::write(&orientation)).unwrap();
        let summary = json::parse(&json::write(&orientation.summary())).unwrap();
        let matched = json::parse(&json::write(&orientation.matched())).unwrap();
        whole.as_object_mut().unwrap().remove("evaluations");
        for key in ["reference_date", "urgent_contacts", "needs", "held"] {
            assert_eq!(summary[key], whole[key], "{who}: {key}");
        }
        assert_eq!(summary["eligible"], matched["eligible"], "{who}");
        assert_eq!(summary["undetermined"], matched["undetermined"], "{who}");
        assert!(summary.get("evaluations").is_none());
    }
}

#[test]
fn an_entry_not_in_the_orientation_is_refused_with_its_place() {
    let catalogue = Catalogue::national();
    let facts = Facts::from_json(r#"{"age": 19, "postal_code": "93200"}"#).unwrap();
    let request = Request {
        facts: &facts,
        needs: &[],
        reference_date: date(),
        locale: Locale::Fr,
        explain: false,
    };
    let reasons = orient(&catalogue, &request).unwrap().reasons();
    let refused = reasons
        .explain(&catalogue, &["no-such-entry", "mission-locale", ""])
        .unwrap_err();
    let found: Vec<(&str, &str)> = refused
        .iter()
        .map(|problem| (problem.code, problem.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [("unknown_entry", "$[0]"), ("unknown_entry", "$[2]")]
    );
    assert!(refused[0].message.contains("no-such-entry"));
    assert!(reasons.explain(&catalogue, &[]).unwrap().is_empty());
}
