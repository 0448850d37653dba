//! A catalogue read for a questionnaire only: what orientation's statuses
//! depend on, and nothing a person reads. A questionnaire adapts to a
//! catalogue (it asks a fact only when it can change an entry for a need
//! found: `questionnaire::session`), but never shows an entry. The
//! WebAssembly module of the first question reads the national catalogue
//! this way, so that it does not carry the code that reads and checks
//! texts, ways in and sources (`docs/size.md`); the whole module reads it
//! with [`Catalogue::from_json`], and tells its problems.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{
    theme_or_category, with_notes_conditions, Access, Catalogue, Entry, EntryKind, FiguresValid,
    KeyStep, KeyStepRecord, DEFAULT_STALE_AFTER_MONTHS,
};
use crate::base::date::Date;
use crate::base::problem::{Path, Problem};
use crate::rules::{Condition, Test, Zone};
use crate::text::LocalizedText;

/// A catalogue document, its other members skipped.
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(default)]
    stale_after_months: Option<u16>,
    #[serde(borrow)]
    entries: Vec<EntryRecord<'a>>,
}

/// An entry as written, its texts, ways in and source skipped.
#[derive(Deserialize)]
struct EntryRecord<'a> {
    id: String,
    kind: EntryKind,
    themes: Vec<String>,
    publics: Vec<String>,
    #[serde(default, borrow)]
    eligibility: Option<&'a RawValue>,
    #[serde(default, borrow)]
    held_when: Option<&'a RawValue>,
    #[serde(default, borrow)]
    key_step: Option<KeyStepRecord<'a>>,
    #[serde(default)]
    conditions_in_notes: bool,
    #[serde(borrow)]
    zone: &'a RawValue,
    #[serde(default)]
    urgent: bool,
    #[serde(default)]
    valid_from: Option<Date>,
    #[serde(default)]
    valid_until: Option<Date>,
    #[serde(default)]
    figures_valid: Option<FiguresValid>,
    last_verified: Date,
}

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
    /// Returns the problems found in rules and zones, a repeated id, or,
    /// for a document not in the format, one `invalid_catalogue` problem.
    pub fn for_questions(json: &str) -> Result<Catalogue, Vec<Problem>> {
        crate::base::limits::check_text(json).map_err(|problem| vec![problem])?;
        let record: Record = serde_json::from_str(json).map_err(|error| {
            vec![Problem::new(
                "invalid_catalogue",
                "$",
                format!("This catalogue does not follow the format: {error}."),
            )]
        })?;
        let stale_after_months = record
            .stale_after_months
            .unwrap_or(DEFAULT_STALE_AFTER_MONTHS);
        let mut problems = Vec::new();
        let mut ids = HashSet::with_capacity(record.entries.len());
        let mut entries = Vec::with_capacity(record.entries.len());
        for (i, record) in record.entries.into_iter().enumerate() {
            let path = format!("$.entries[{i}]");
            if !ids.insert(record.id.clone()) {
                problems.push(super::duplicate_id(&path, &record.id));
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

/// The entry of `record`, its rules and zone read at `path`.
fn entry(record: EntryRecord<'_>, path: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    let before = problems.len();
    let root = Path::Root(path);
    let eligibility = (record.eligibility)
        .and_then(|rule| Condition::parse_text(rule.get(), &root.field("eligibility"), problems));
    let eligibility = if record.conditions_in_notes {
        Some(with_notes_conditions(eligibility))
    } else {
        eligibility
    };
    let held_when = record.held_when.and_then(|held| {
        Condition::parse_text_about_facts(held.get(), &root.field("held_when"), problems)
    });
    let key_step = record.key_step.and_then(|key| {
        let key_path = format!("{path}.key_step");
        let when = Condition::parse_text_about_facts(
            key.when.get(),
            &Path::Root(&key_path).field("when"),
            problems,
        );
        if key.leads.is_empty() || !key.leads.iter().all(|theme| theme_or_category(theme)) {
            problems.push(Problem::new(
                "not_in_referential",
                &format!("{key_path}.leads"),
                "List the data·inclusion themes or categories it leads.",
            ));
        }
        Some(KeyStep {
            when: when?,
            leads: key.leads,
        })
    });
    let zone = Zone::parse_text(record.zone.get(), &root.field("zone"), problems);
    if problems.len() > before {
        return None;
    }
    let zone = zone?;
    Some(Entry {
        zone_condition: Condition::new(Test::InZone(Box::new(zone.clone())), None),
        id: record.id,
        name: LocalizedText::default(),
        description: LocalizedText::default(),
        kind: record.kind,
        types: Vec::new(),
        themes: record.themes,
        publics: record.publics,
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
            open_every_day: false,
        },
        cost: String::new(),
        urgent: record.urgent,
        documents: Vec::new(),
        valid_from: record.valid_from,
        valid_until: record.valid_until,
        figures_valid: record.figures_valid,
        source_url: String::new(),
        last_verified: record.last_verified,
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
        let twice = serde_json::json!({"format_version": 1, "entries": [
            entry(serde_json::Value::Null), entry(serde_json::Value::Null)]});
        let problems = Catalogue::for_questions(&twice.to_string()).unwrap_err();
        assert_eq!(problems[0].code, "duplicate_id");
    }
}
