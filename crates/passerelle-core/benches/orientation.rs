//! Benchmark of matching (the ids only) and of one full orientation over
//! a generated catalogue of 10,000 entries with realistic rules (age bounds, departments, statuses,
//! benefits, nested any/all). A benchmark, not a test: it reports times
//! and never fails on speed.
//!
//! ```sh
//! cargo bench -p passerelle-core --bench orientation
//! BENCH_RUNS=1000 cargo bench -p passerelle-core --bench orientation  # longer, for a profiler
//! ```

use std::hint::black_box;
mod common;

use std::time::Instant;

use common::{measure, runs, Random};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::date::Date;
use passerelle_core::facts::Facts;
use passerelle_core::orientation::{matched, orient, Need, Priority, Request};
use passerelle_core::Locale;
use serde_json::{json, Value};

const THEMES: [&str; 4] = [
    "trouver-un-emploi--repondre-a-des-offres-demploi",
    "logement-hebergement--changer-de-logement",
    "sante--acces-aux-soins",
    "mobilite--acceder-a-un-vehicule",
];
const DEPARTMENTS: [&str; 6] = ["93", "75", "69", "13", "974", "2A"];
const STATUSES: [&str; 4] = ["jobseeker", "inactive", "student", "employed"];

fn rule(random: &mut Random) -> Value {
    let min = 16 + random.below(10) as i64;
    let age = json!({"age": {"min": min, "max": min + 9 + random.below(20) as i64}});
    let status = json!({"in": {"fact": "employment_status", "values": [STATUSES[random.below(4)], STATUSES[random.below(4)]]}});
    let benefits = json!({"has_any": {"fact": "benefits", "values": ["rsa", "ass"]}});
    let rqth = json!({"equals": {"fact": "rqth", "value": true}});
    let months =
        json!({"compare": {"fact": "unemployment_months", "op": ">=", "value": random.below(24)}});
    match random.below(4) {
        0 => json!({"all": [age, status]}),
        1 => json!({"all": [age, {"any": [benefits, rqth]}]}),
        2 => json!({"any": [{"all": [status, months]}, benefits]}),
        _ => json!({"all": [{"not": rqth}, age, {"any": [status, months]}]}),
    }
}

fn catalogue(size: usize) -> Catalogue {
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let entries: Vec<Value> = (0..size)
        .map(|i| {
            let zone = if random.below(3) == 0 {
                json!({"national": true})
            } else {
                json!({"departments": [DEPARTMENTS[random.below(6)]]})
            };
            json!({
                "id": format!("entry-{i}"),
                "name": {"fr": format!("Dispositif {i}"), "en": format!("Scheme {i}")},
                "description": {"fr": "Un dispositif généré pour mesurer."},
                "kind": "scheme", "types": ["accompagnement"],
                "themes": [THEMES[random.below(4)]], "publics": ["tous-publics"],
                "eligibility": rule(&mut random), "zone": zone,
                "access": {"through": ["usagers"], "modes": ["telephoner"], "phone": "3949"},
                "cost": "gratuit", "source_url": "https://www.service-public.fr/",
                "last_verified": "2026-11-26"
            })
        })
        .collect();
    let json = json!({"format_version": 1, "id": "bench", "name": "Bench", "entries": entries});
    Catalogue::from_value(&json).expect("the generated catalogue is valid")
}

fn main() {
    let size = 10_000;
    let json_size;
    let catalogue = {
        let started = Instant::now();
        let catalogue = catalogue(size);
        json_size = catalogue.entries().len();
        println!(
            "generated and checked {json_size} entries in {:.2?}",
            started.elapsed()
        );
        catalogue
    };
    let facts = Facts::from_json(
        r#"{"birth_date": "2005-06-01", "postal_code": "93200", "employment_status": "jobseeker",
            "benefits": [], "unemployment_months": 8}"#,
    )
    .unwrap();
    let needs: Vec<Need> = THEMES
        .iter()
        .map(|theme| Need {
            theme: (*theme).into(),
            priority: Priority::Normal,
            alerts: Vec::new(),
        })
        .collect();
    let runs = runs(30);
    // What `engine.eligible` does: the ids of the eligible and undetermined
    // entries, as JSON text (bench/matching.mjs times it through JavaScript).
    measure(&format!("match {size} entries, ids as JSON"), runs, || {
        let found = matched(
            black_box(&catalogue),
            black_box(&facts),
            Date::parse("2026-11-26").unwrap(),
        )
        .unwrap();
        black_box(found.to_json());
    });
    for explain in [false, true] {
        let request = Request {
            facts: &facts,
            needs: &needs,
            reference_date: Date::parse("2026-11-26").unwrap(),
            locale: Locale::Fr,
            explain,
        };
        measure(
            &format!(
                "orient {size} entries, 4 needs, explanations {}",
                if explain { "on" } else { "off" }
            ),
            runs,
            || {
                black_box(orient(black_box(&catalogue), black_box(&request)).unwrap());
            },
        );
    }
    // What showing every reason costs: the sentences are made when read.
    let request = Request {
        facts: &facts,
        needs: &needs,
        reference_date: Date::parse("2026-11-26").unwrap(),
        locale: Locale::Fr,
        explain: true,
    };
    measure(
        &format!("orient {size} entries, every explanation as JSON"),
        runs,
        || {
            let orientation = orient(black_box(&catalogue), black_box(&request)).unwrap();
            black_box(serde_json::to_vec(&orientation).unwrap());
        },
    );
}
