//! The quick question to the catalogue, "which entries may this person
//! have?", gives exactly the eligible and undetermined entries of a whole
//! orientation, for people an advisor meets, on the national catalogue
//! and on a local one merged into it.

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{matched, orient, Request};
use passerelle_core::Locale;

#[test]
fn the_ids_alone_are_those_of_the_whole_orientation() {
    let date = Date::parse("2026-12-03").unwrap();
    let national = Catalogue::national();
    let local = national.merged_with(&Catalogue::demo_local());
    let people = [
        "{}",
        r#"{"age": 19, "postal_code": "93200", "employment_status": "inactive", "in_education": false}"#,
        r#"{"housing": "homeless", "age": 50, "postal_code": "67000"}"#,
        r#"{"age": 34, "postal_code": "69003", "single_parent": true, "children_count": 2,
            "benefits": ["rsa"], "housing": "tenant", "monthly_resources": 700}"#,
        r#"{"age": 46, "postal_code": "13001", "rqth": true, "employment_status": "jobseeker",
            "registered_jobseeker": true, "unemployment_months": 24, "benefits": ["ass"]}"#,
    ];
    for catalogue in [&national, &local] {
        for person in people {
            let facts = Facts::from_json(person).unwrap();
            let request = Request {
                facts: &facts,
                needs: &[],
                reference_date: date,
                locale: Locale::Fr,
                explain: false,
            };
            let whole = orient(catalogue, &request).unwrap().matched();
            let alone = matched(catalogue, &facts, date).unwrap();
            assert_eq!(alone, whole, "{person}");
            assert!(!alone.eligible.is_empty() || person == "{}", "{person}");
        }
    }
    // Facts that do not hold at the date are refused the same way.
    let unreadable = Facts::from_json(r#"{"birth_date": "2030-01-01"}"#).unwrap();
    let request = Request {
        facts: &unreadable,
        needs: &[],
        reference_date: date,
        locale: Locale::Fr,
        explain: false,
    };
    let refused = matched(&national, &unreadable, date).err();
    assert!(refused.is_some());
    assert_eq!(refused, orient(&national, &request).err());
}
