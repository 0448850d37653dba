//! Sample people ("personnes types") through whom the catalogue editor
//! previews an entry: how it comes out for them, as the orientation
//! shows it. Each is a set of facts, as a diagnosis would find them,
//! placed where the structure serves; the author may change their facts.

use serde_json::json;

use crate::base::date::Date;
use crate::base::problem::Problem;
use crate::questionnaire::diagnosis::{Diagnosis, FoundNeed};
use crate::text::Locale;
use crate::vocabulary::facts::Facts;
use crate::vocabulary::needs::Priority;
use crate::vocabulary::theme_labels::theme_label;

/// One sample person: a key for their description in the editor's
/// words (`editor-sample-<key>`), and their facts.
#[derive(Debug, Clone, PartialEq)]
pub struct SamplePerson {
    pub key: &'static str,
    pub facts: Facts,
}

/// The sample people, each placed in `territory` (a commune or
/// department code) when given: a young jobseeker with no diploma, a
/// single mother on the RSA, a long-term jobseeker of 57.
pub fn sample_people(territory: Option<&str>) -> Result<Vec<SamplePerson>, Problem> {
    let people = [
        (
            "young",
            json!({"age": 19, "employment_status": "jobseeker", "registered_jobseeker": false,
                   "qualification_level": 2, "nationality": "french", "housing": "hosted",
                   "children_count": 0, "benefits": [], "monthly_resources": 0}),
        ),
        (
            "parent",
            json!({"age": 34, "employment_status": "inactive", "nationality": "french",
                   "housing": "tenant", "children_count": 2, "youngest_child_age": 2,
                   "single_parent": true, "benefits": ["rsa", "allocations_familiales", "apl"],
                   "monthly_resources": 1100}),
        ),
        (
            "senior",
            json!({"age": 57, "employment_status": "jobseeker", "registered_jobseeker": true,
                   "unemployment_months": 24, "qualification_level": 3, "nationality": "french",
                   "housing": "tenant", "children_count": 0, "benefits": ["ass"]}),
        ),
    ];
    people
        .into_iter()
        .map(|(key, facts)| {
            let facts = Facts::from_value(&facts, "$").map_err(|mut problems| {
                problems.truncate(1);
                problems.remove(0)
            })?;
            let facts = match territory {
                Some(place) => facts.in_territory(place)?,
                None => facts,
            };
            Ok(SamplePerson { key, facts })
        })
        .collect()
}

/// What an author sets of a person of their own to preview an entry
/// with: each left unset is unknown, as for a person who has not said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnPerson {
    pub age: Option<i64>,
    /// An `employment_status` value.
    pub status: Option<String>,
    /// `benefits` values: what the person receives (none ticked: none).
    pub benefits: Vec<String>,
    /// The youngest child's age, for a person with children.
    pub youngest_child_age: Option<i64>,
}

impl OwnPerson {
    /// The person's facts, placed in `territory` when given; a value out
    /// of its fact's bounds is refused with the fact's problem.
    pub fn facts(&self, territory: Option<&str>) -> Result<Facts, Problem> {
        let mut facts = serde_json::Map::new();
        if let Some(age) = self.age {
            facts.insert("age".into(), json!(age));
        }
        if let Some(status) = &self.status {
            facts.insert("employment_status".into(), json!(status));
        }
        facts.insert("benefits".into(), json!(self.benefits));
        if let Some(age) = self.youngest_child_age {
            facts.insert("children_count".into(), json!(1));
            facts.insert("youngest_child_age".into(), json!(age));
        }
        let facts =
            Facts::from_value(&serde_json::Value::Object(facts), "$").map_err(|mut problems| {
                problems.truncate(1);
                problems.remove(0)
            })?;
        match territory {
            Some(place) => facts.in_territory(place),
            None => Ok(facts),
        }
    }
}

/// The diagnosis a preview orients: `facts`, and a need for each of the
/// entry's `themes` (their words in `locale`), on `today`.
pub fn preview_diagnosis(
    facts: &Facts,
    themes: &[String],
    today: Date,
    locale: Locale,
) -> Diagnosis {
    Diagnosis {
        questionnaire_id: "preview".into(),
        reference_date: today,
        facts: facts.clone(),
        urgent: Vec::new(),
        needs: themes
            .iter()
            .filter_map(|theme| {
                Some(FoundNeed {
                    theme: theme.clone(),
                    label: theme_label(theme, locale)?.to_owned(),
                    priority: Priority::Normal,
                    rank: None,
                    raised_by: Vec::new(),
                })
            })
            .collect(),
        ranked_by_person: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::facts::{Fact, Value};

    #[test]
    fn sample_people_live_where_the_structure_serves() {
        let people = sample_people(Some("93066")).unwrap();
        assert_eq!(people.len(), 3);
        for person in &people {
            assert_eq!(
                person.facts.get(Fact::Commune),
                Some(&Value::Text("93066".into()))
            );
        }
        assert!(sample_people(Some("xx")).is_err());
    }

    #[test]
    fn an_authors_own_person_has_only_what_was_set() {
        let own = OwnPerson {
            age: Some(45),
            status: Some("jobseeker".into()),
            benefits: vec!["rsa".into()],
            youngest_child_age: None,
        };
        let facts = own.facts(Some("93")).unwrap();
        assert_eq!(facts.get(Fact::Age), Some(&Value::Integer(45)));
        assert_eq!(facts.get(Fact::ChildrenCount), None);
        assert!(OwnPerson {
            age: Some(300),
            ..OwnPerson::default()
        }
        .facts(None)
        .is_err());
    }

    #[test]
    fn a_preview_has_a_need_per_theme() {
        let people = sample_people(None).unwrap();
        let today = Date::parse("2026-12-04").unwrap();
        let themes = vec![
            "equipement-et-alimentation--alimentation".to_owned(),
            "nope".to_owned(),
        ];
        let diagnosis = preview_diagnosis(&people[0].facts, &themes, today, Locale::Fr);
        assert_eq!(diagnosis.needs.len(), 1);
        assert_eq!(diagnosis.orientation_needs()[0].theme, themes[0]);
    }
}
