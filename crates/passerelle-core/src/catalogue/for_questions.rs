//! A catalogue read for a questionnaire only: what orientation's statuses
//! depend on, and nothing a person reads. A questionnaire adapts to a
//! catalogue (it asks a fact only when it can change an entry for a need
//! found: `questionnaire::session`), but never shows an entry. The
//! WebAssembly module of the first question reads the national catalogue
//! this way, so that it does not carry the code that reads and checks
//! texts, ways in and sources (`docs/size.md`); the whole module reads it
//! with [`Catalogue::from_json`], and tells its problems.
//!
//! Read through the document's JSON value, as a questionnaire is, with
//! the code that reads a questionnaire's conditions: none of the typed
//! reading [`Catalogue::from_json`] does straight from the text, which is
//! faster on catalogues of thousands of entries and weighs twice as much.

use std::collections::HashSet;

use serde_json::{Map, Value as Json};

use super::{
    theme_or_category, with_notes_conditions, Access, Catalogue, Entry, EntryKind, FiguresValid,
    KeyStep, DEFAULT_STALE_AFTER_MONTHS,
};
use crate::base::date::Date;
use crate::base::problem::Problem;
use crate::rules::{Condition, Test, Zone};
use crate::text::LocalizedText;

impl Catalogue {
    /// Reads `json`, a catalogue document, for a questionnaire to adapt
    /// to ([`crate::questionnaire::Questionnaire::adapted_to`]): each
    /// entry keeps what its status depends on (id, kind, themes, publics,
    /// rules, zone, key step, urgency, validity, verification dates), and
    /// nothing a person reads: its name, description, ways in, cost,
    /// documents and source are left empty, so such a catalogue must never
    /// be shown. Its rules and zones are checked as
    /// [`Catalogue::from_json`] checks them; its other fields are not (a
    /// catalogue it reads may still have problems that `from_json` tells).
    ///
    /// Returns the problems found in rules and zones, a repeated id, or a
    /// member of the wrong type (`invalid_catalogue`).
    pub fn for_questions(json: &str) -> Result<Catalogue, Vec<Problem>> {
        crate::base::limits::check_text(json).map_err(|problem| vec![problem])?;
        let document =
            crate::base::json::parse(json).map_err(|error| vec![Problem::json(&error)])?;
        let mut problems = Vec::new();
        let stale_after_months = match document.get("stale_after_months") {
            None => DEFAULT_STALE_AFTER_MONTHS,
            Some(months) => (months.as_u64())
                .and_then(|months| u16::try_from(months).ok())
                .unwrap_or_else(|| {
                    problems.push(wrong("$.stale_after_months", "a whole number of months"));
                    DEFAULT_STALE_AFTER_MONTHS
                }),
        };
        let Some(records) = document.get("entries").and_then(Json::as_array) else {
            return Err(vec![wrong("$.entries", "the list of entries")]);
        };
        let mut ids = HashSet::with_capacity(records.len());
        let mut entries = Vec::with_capacity(records.len());
        for (i, record) in records.iter().enumerate() {
            let path = format!("$.entries[{i}]");
            let Some(record) = record.as_object() else {
                problems.push(wrong(&path, "an entry, a JSON object"));
                continue;
            };
            if let Some(id) = record.get("id").and_then(Json::as_str) {
                if !ids.insert(id) {
                    problems.push(super::duplicate_id(&path, id));
                }
            }
            if let Some(mut entry) = entry(record, &path, &mut problems) {
                entry.stale_after_months = stale_after_months;
                entries.push(entry);
            }
        }
        if problems.is_empty() {
            Ok(Catalogue::new(String::new(), String::new(), false, entries))
        } else {
            Err(problems)
        }
    }
}

/// A member of the wrong type, or missing, at `path`.
fn wrong(path: &str, what: &str) -> Problem {
    Problem::new(
        "invalid_catalogue",
        path,
        format!("This catalogue does not follow the format: give {what} here."),
    )
}

/// The entry `record`, at `path`: its rules and zone read as
/// [`Catalogue::from_json`] reads them; `None`, with problems, when one
/// of the members read has the wrong type or a rule a problem.
fn entry(record: &Map<String, Json>, path: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    let before = problems.len();
    // A member given `null` is absent, as `from_json` reads it.
    let get = |key: &str| record.get(key).filter(|value| !value.is_null());
    let at = |key: &str| format!("{path}.{key}");
    let text = |key: &str, problems: &mut Vec<Problem>| match get(key).and_then(Json::as_str) {
        Some(text) => Some(text.to_owned()),
        None => {
            problems.push(wrong(&at(key), "a text"));
            None
        }
    };
    let id = text("id", problems);
    let kind = match get("kind").and_then(Json::as_str) {
        Some("scheme") => Some(EntryKind::Scheme),
        Some("service") => Some(EntryKind::Service),
        _ => {
            problems.push(wrong(&at("kind"), "\"scheme\" or \"service\""));
            None
        }
    };
    let texts = |key: &str, problems: &mut Vec<Problem>| {
        let list = get(key).and_then(Json::as_array).and_then(|items| {
            items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()
        });
        if list.is_none() {
            problems.push(wrong(&at(key), "a list of texts"));
        }
        list.unwrap_or_default()
    };
    let themes = texts("themes", problems);
    let publics = texts("publics", problems);
    let flag = |key: &str, problems: &mut Vec<Problem>| match get(key) {
        None => false,
        Some(value) => value.as_bool().unwrap_or_else(|| {
            problems.push(wrong(&at(key), "true or false"));
            false
        }),
    };
    let urgent = flag("urgent", problems);
    let conditions_in_notes = flag("conditions_in_notes", problems);
    let date = |value: Option<&Json>, path: &str, problems: &mut Vec<Problem>| {
        let date = value
            .and_then(Json::as_str)
            .and_then(|text| Date::parse(text).ok());
        if date.is_none() {
            problems.push(wrong(path, "a date (YYYY-MM-DD)"));
        }
        date
    };
    let optional_date = |key: &str, problems: &mut Vec<Problem>| {
        record
            .get(key)
            .and_then(|value| date(Some(value), &at(key), problems))
    };
    let valid_from = optional_date("valid_from", problems);
    let valid_until = optional_date("valid_until", problems);
    let last_verified = date(get("last_verified"), &at("last_verified"), problems);
    let figures_valid = get("figures_valid").and_then(|figures| {
        let key = at("figures_valid");
        let from = (figures.get("from"))
            .and_then(|from| date(Some(from), &format!("{key}.from"), problems));
        let until = date(figures.get("until"), &format!("{key}.until"), problems)?;
        Some(FiguresValid { from, until })
    });
    let eligibility =
        (get("eligibility")).and_then(|rule| Condition::parse(rule, &at("eligibility"), problems));
    let eligibility = if conditions_in_notes {
        Some(with_notes_conditions(eligibility))
    } else {
        eligibility
    };
    let held_when = (get("held_when"))
        .and_then(|held| Condition::parse_about_facts(held, &at("held_when"), problems));
    let key_step = get("key_step").and_then(|key| {
        let key_path = at("key_step");
        let when = (key.get("when")).and_then(|when| {
            Condition::parse_about_facts(when, &format!("{key_path}.when"), problems)
        });
        let leads: Option<Vec<String>> =
            (key.get("leads").and_then(Json::as_array)).and_then(|items| {
                (items.iter())
                    .map(|item| {
                        item.as_str()
                            .filter(|theme| theme_or_category(theme))
                            .map(str::to_owned)
                    })
                    .collect()
            });
        match (when, leads) {
            (Some(when), Some(leads)) if !leads.is_empty() => Some(KeyStep { when, leads }),
            _ => {
                problems.push(wrong(
                    &key_path,
                    "a condition (when) and the needs it leads (leads)",
                ));
                None
            }
        }
    });
    let zone = match get("zone") {
        Some(zone) => Zone::parse(zone, &at("zone"), problems),
        None => {
            problems.push(wrong(&at("zone"), "a zone"));
            None
        }
    };
    if problems.len() > before {
        return None;
    }
    let zone = zone?;
    Some(Entry {
        zone_condition: Condition::new(Test::InZone(Box::new(zone.clone())), None),
        id: id?,
        name: LocalizedText::default(),
        description: LocalizedText::default(),
        kind: kind?,
        types: Vec::new(),
        themes,
        publics,
        eligibility,
        held_when,
        key_step,
        eligibility_notes: None,
        zone,
        access: Access {
            through: Vec::new(),
            modes: Vec::new(),
            phone: None,
            email: None,
            url: None,
            details: None,
            address: None,
            hours: None,
            reception: None,
            open_every_day: false,
        },
        cost: String::new(),
        urgent,
        documents: Vec::new(),
        valid_from,
        valid_until,
        figures_valid,
        source_url: String::new(),
        last_verified: last_verified?,
        stale_after_months: DEFAULT_STALE_AFTER_MONTHS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue_with(entry: serde_json::Value) -> String {
        serde_json::json!({"format_version": 1, "id": "t", "name": "T", "entries": [entry]})
            .to_string()
    }

    fn entry(rule: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "id": "aide", "name": {"fr": "Aide"}, "description": {"fr": "Une aide."},
            "kind": "scheme", "types": ["aide-financiere"],
            "themes": ["se-former--trouver-sa-formation"], "publics": ["tous-publics"],
            "zone": {"national": true}, "eligibility": rule,
            "access": {"through": ["usagers"], "modes": ["se-presenter"], "phone": "3949"},
            "cost": "gratuit", "source_url": "https://example.org", "last_verified": "2026-11-26"
        })
    }

    #[test]
    fn keeps_the_rules_and_leaves_the_texts_empty() {
        let text = catalogue_with(entry(serde_json::json!({"age": {"min": 18}})));
        let whole = Catalogue::from_json(&text).unwrap();
        let lean = Catalogue::for_questions(&text).unwrap();
        let (whole, lean) = (&whole.entries()[0], &lean.entries()[0]);
        assert_eq!(lean.id, whole.id);
        assert_eq!(lean.eligibility, whole.eligibility);
        assert_eq!(lean.zone, whole.zone);
        assert_eq!(lean.themes, whole.themes);
        assert_eq!(lean.last_verified, whole.last_verified);
        assert_eq!(lean.name.get(crate::text::Locale::Fr), "");
        assert!(lean.access.modes.is_empty() && lean.source_url.is_empty());
    }

    #[test]
    fn refuses_a_rule_or_a_document_not_in_the_format() {
        let bad_rule = catalogue_with(entry(serde_json::json!({"age": {"min": 30, "max": 18}})));
        let problems = Catalogue::for_questions(&bad_rule).unwrap_err();
        assert_eq!(problems[0].code, "impossible_bounds");
        assert_eq!(problems[0].path, "$.entries[0].eligibility.age");
        let problems = Catalogue::for_questions("[1, 2]").unwrap_err();
        assert_eq!(problems[0].code, "invalid_catalogue");
        let no_date = catalogue_with(serde_json::json!({"id": "aide", "kind": "scheme",
            "themes": [], "publics": [], "zone": {"national": true}}));
        let problems = Catalogue::for_questions(&no_date).unwrap_err();
        assert_eq!(
            (problems[0].code, problems[0].path.as_str()),
            ("invalid_catalogue", "$.entries[0].last_verified")
        );
        let twice = serde_json::json!({"format_version": 1, "entries": [
            entry(serde_json::Value::Null), entry(serde_json::Value::Null)]});
        let problems = Catalogue::for_questions(&twice.to_string()).unwrap_err();
        assert_eq!(problems[0].code, "duplicate_id");
    }
}
