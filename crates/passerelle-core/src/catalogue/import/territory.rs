//! Which data·inclusion records serve a structure's territory, so that an
//! import can keep only them ([`super::DataInclusionImport::within`]).
//!
//! The territory is a [`Zone`], as a catalogue entry's: departments,
//! communes (regions too, and `national` keeps every record). A record
//! serves it when one code of its `zone_eligibilite` (schema v1.0.8: a
//! commune, a department, an EPCI, a country, or `france`) is:
//!
//! - `france` or `99100` (France): a national service serves everyone;
//! - a listed commune, or a commune of a listed department or region;
//! - a listed department, the department of a listed commune, or a
//!   department of a listed region.
//!
//! The schema has no region code: a region is written as its departments.
//! EPCI and foreign codes say nothing here (no table of EPCIs is
//! compiled in). When no code of the zone can be used (none, or only EPCI
//! and foreign codes), the service's own commune (`code_insee`) decides;
//! without it, where the service is cannot be told
//! ([`Serves::Unknown`]).

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json};

use crate::rules::conditions::Zone;
use crate::vocabulary::geo;

/// Whether a record serves the territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Serves {
    Yes,
    No,
    /// Neither its zone nor its commune says where it is.
    Unknown,
}

/// A territory, with the departments its communes lie in worked out.
#[derive(Debug, Clone, Default)]
pub(super) struct Territory {
    national: bool,
    communes: BTreeSet<String>,
    departments: BTreeSet<String>,
    /// The departments of the listed communes.
    commune_departments: BTreeSet<&'static str>,
    regions: BTreeSet<String>,
}

impl Territory {
    pub(super) fn of(zone: &Zone) -> Territory {
        Territory {
            national: zone.is_national(),
            communes: zone.communes().clone(),
            departments: zone.departments().clone(),
            commune_departments: (zone.communes().iter())
                .filter_map(|commune| geo::department_of_commune(commune))
                .collect(),
            regions: zone.regions().clone(),
        }
    }

    /// Whether a department is in the territory, or has a commune in it.
    fn meets_department(&self, department: &str) -> bool {
        self.national
            || self.departments.contains(department)
            || self.commune_departments.contains(department)
            || geo::region_of_department(department).is_some_and(|r| self.regions.contains(r))
    }

    /// Whether a commune is in the territory.
    fn holds_commune(&self, commune: &str) -> bool {
        self.national
            || self.communes.contains(commune)
            || geo::department_of_commune(commune).is_some_and(|department| {
                self.departments.contains(department)
                    || geo::region_of_department(department)
                        .is_some_and(|r| self.regions.contains(r))
            })
    }

    /// Whether the record (a JSON object) serves the territory.
    pub(super) fn serves(&self, record: &Map<String, Json>) -> Serves {
        let codes = record.get("zone_eligibilite").and_then(Json::as_array);
        let mut usable = false;
        for code in codes.into_iter().flatten().filter_map(Json::as_str) {
            let code = code.trim();
            if code == "france" || code == "99100" {
                return Serves::Yes;
            }
            if geo::is_department(code) {
                usable = true;
                if self.meets_department(code) {
                    return Serves::Yes;
                }
            } else if geo::is_commune_code(code) && !code.starts_with("99") {
                usable = true;
                if self.holds_commune(code) {
                    return Serves::Yes;
                }
            }
        }
        if usable {
            return Serves::No;
        }
        match record
            .get("code_insee")
            .and_then(Json::as_str)
            .map(str::trim)
        {
            Some(commune) if geo::is_commune_code(commune) && !commune.starts_with("99") => {
                if self.holds_commune(commune) {
                    Serves::Yes
                } else {
                    Serves::No
                }
            }
            _ => Serves::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn territory(zone: Json) -> Territory {
        let mut problems = Vec::new();
        let zone = Zone::parse(&zone, "$", &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        Territory::of(&zone)
    }

    fn serves(territory: &Territory, record: Json) -> Serves {
        territory.serves(record.as_object().unwrap())
    }

    #[test]
    fn a_department_serves_its_communes_and_itself_not_its_neighbours() {
        let t = territory(json!({"departments": ["93"]}));
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["93066"]})),
            Serves::Yes
        );
        assert_eq!(serves(&t, json!({"zone_eligibilite": ["93"]})), Serves::Yes);
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["94", "93"]})),
            Serves::Yes
        );
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["france"]})),
            Serves::Yes
        );
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["99100"]})),
            Serves::Yes
        );
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["75056"]})),
            Serves::No
        );
        assert_eq!(serves(&t, json!({"zone_eligibilite": ["94"]})), Serves::No);
        // The zone decides, not where the service is.
        let record = json!({"zone_eligibilite": ["75"], "code_insee": "93066"});
        assert_eq!(serves(&t, record), Serves::No);
    }

    #[test]
    fn a_commune_is_served_by_its_own_zone_its_department_and_france() {
        let t = territory(json!({"communes": ["93066"]}));
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["93066"]})),
            Serves::Yes
        );
        assert_eq!(serves(&t, json!({"zone_eligibilite": ["93"]})), Serves::Yes);
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["93008"]})),
            Serves::No
        );
        assert_eq!(serves(&t, json!({"zone_eligibilite": ["95"]})), Serves::No);
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["france"]})),
            Serves::Yes
        );
    }

    #[test]
    fn a_region_serves_its_departments_and_their_communes() {
        let t = territory(json!({"regions": ["11"]}));
        assert_eq!(serves(&t, json!({"zone_eligibilite": ["93"]})), Serves::Yes);
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["75056"]})),
            Serves::Yes
        );
        assert_eq!(serves(&t, json!({"zone_eligibilite": ["13"]})), Serves::No);
    }

    #[test]
    fn without_a_usable_zone_the_service_commune_decides_else_it_is_unknown() {
        let t = territory(json!({"departments": ["93"]}));
        let epci = json!({"zone_eligibilite": ["200054781"], "code_insee": "93008"});
        assert_eq!(serves(&t, epci), Serves::Yes);
        let abroad = json!({"zone_eligibilite": ["99134"], "code_insee": "75056"});
        assert_eq!(serves(&t, abroad), Serves::No);
        assert_eq!(serves(&t, json!({"code_insee": "93001"})), Serves::Yes);
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": null, "code_insee": null})),
            Serves::Unknown
        );
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": ["200054781"]})),
            Serves::Unknown
        );
        assert_eq!(
            serves(&t, json!({"zone_eligibilite": [42]})),
            Serves::Unknown
        );
    }
}
