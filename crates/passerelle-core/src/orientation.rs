//! Orientation: for each need, the schemes and services that address it,
//! ranked, with their eligibility, the reasons and how to get in.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Access, Catalogue, Entry};
use crate::date::Date;
use crate::facts::{Fact, Facts};
use crate::i18n::Locale;
use crate::problem::Problem;
use crate::referentials::{theme_category, Referential};
use crate::rules::{Explanation, Outcome, PersonTexts, Test, Zone};

/// How pressing a need is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Urgent,
    High,
    #[default]
    Normal,
}

/// A need: a data·inclusion theme (`logement-hebergement--...`) or a whole
/// category (`logement-hebergement`), with its priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub theme: String,
    #[serde(default)]
    pub priority: Priority,
}

impl Need {
    /// Checks that the theme is a data·inclusion theme or category.
    pub fn check(&self, path: &str) -> Result<(), Problem> {
        let known = Referential::Themes.contains(&self.theme)
            || Referential::Themes
                .terms()
                .iter()
                .any(|term| theme_category(&term.value) == self.theme);
        if known {
            Ok(())
        } else {
            Err(Problem::new(
                "unknown_theme",
                &format!("{path}.theme"),
                format!(
                    "\"{}\" is not a data·inclusion theme or category.",
                    self.theme
                ),
            ))
        }
    }

    /// How well an entry's themes fit the need, if at all: a function made
    /// once per need. A need that is a whole category fits every theme of
    /// that category.
    fn fitter(&self) -> impl Fn(&Entry) -> Option<Fit> + '_ {
        let category = theme_category(&self.theme);
        let whole_category = category.len() == self.theme.len();
        let in_category = move |theme: &str| {
            theme.len() > category.len() + 2
                && theme.starts_with(category)
                && theme.as_bytes()[category.len()..].starts_with(b"--")
        };
        move |entry| {
            let mut best = None;
            for theme in &entry.themes {
                if *theme == self.theme || (whole_category && in_category(theme)) {
                    return Some(Fit::Theme);
                }
                if in_category(theme) {
                    best = Some(Fit::Category);
                }
            }
            best
        }
    }
}

/// Eligibility of one entry for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    Eligible,
    Undetermined,
    Ineligible,
}

/// The evaluation of one entry: status, facts still missing, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub id: String,
    pub status: Eligibility,
    /// Facts whose knowledge could settle an undetermined status.
    pub missing: BTreeSet<Fact>,
    /// Each condition (zone first, then the rule), met or not, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<Explanation>,
}

/// How well an entry fits a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// The entry addresses another theme of the need's category.
    Category,
    /// The entry addresses the need's very theme.
    Theme,
}

/// One entry proposed for a need. Its details are in the orientation's
/// evaluations and in the catalogue; [`Orientation::detailed`] joins them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub id: String,
    pub status: Eligibility,
    pub fit: Fit,
    /// Index of the entry's evaluation in [`Orientation::evaluations`].
    #[serde(skip)]
    pub evaluation: usize,
}

/// The proposals for one need, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeedOrientation {
    pub need: Need,
    pub proposals: Vec<Proposal>,
}

/// The whole orientation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orientation {
    pub reference_date: Date,
    /// Emergency contacts (ids), when a need is urgent.
    pub urgent_contacts: Vec<String>,
    pub needs: Vec<NeedOrientation>,
    /// Every entry in force, evaluated, in catalogue order.
    pub evaluations: Vec<Evaluation>,
}

/// A proposal with everything a person needs to read: name, description,
/// status, reasons, notes and how to get in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailedProposal<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub status: Eligibility,
    pub fit: Fit,
    pub missing: &'a BTreeSet<Fact>,
    pub explanation: &'a [Explanation],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a str>,
    pub urgent: bool,
    pub access: &'a Access,
    pub source_url: &'a str,
    pub last_verified: Date,
}

/// The proposals of one need, in detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailedNeed<'a> {
    pub need: &'a Need,
    pub proposals: Vec<DetailedProposal<'a>>,
}

/// An orientation joined with its catalogue, ready to show or serialise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailedOrientation<'a> {
    pub reference_date: Date,
    pub urgent_contacts: Vec<DetailedProposal<'a>>,
    pub needs: Vec<DetailedNeed<'a>>,
}

impl Orientation {
    /// The evaluation of the entry `id`, if it is in force.
    pub fn evaluation(&self, id: &str) -> Option<&Evaluation> {
        self.evaluations
            .iter()
            .find(|evaluation| evaluation.id == id)
    }

    /// Joins the orientation with the catalogue it was made from.
    pub fn detailed<'a>(
        &'a self,
        catalogue: &'a Catalogue,
        locale: Locale,
    ) -> DetailedOrientation<'a> {
        let detail = |evaluation: &'a Evaluation, fit: Fit| -> Option<DetailedProposal<'a>> {
            let entry = catalogue.entry(&evaluation.id)?;
            Some(DetailedProposal {
                id: &entry.id,
                name: entry.name.get(locale),
                description: entry.description.get(locale),
                status: evaluation.status,
                fit,
                missing: &evaluation.missing,
                explanation: &evaluation.explanation,
                notes: entry
                    .eligibility_notes
                    .as_ref()
                    .map(|notes| notes.get(locale)),
                urgent: entry.urgent,
                access: &entry.access,
                source_url: &entry.source_url,
                last_verified: entry.last_verified,
            })
        };
        DetailedOrientation {
            reference_date: self.reference_date,
            urgent_contacts: self
                .urgent_contacts
                .iter()
                .filter_map(|id| detail(self.evaluation(id)?, Fit::Theme))
                .collect(),
            needs: self
                .needs
                .iter()
                .map(|need| DetailedNeed {
                    need: &need.need,
                    proposals: need
                        .proposals
                        .iter()
                        .filter_map(|p| detail(self.evaluations.get(p.evaluation)?, p.fit))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// What [`orient`] needs.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub facts: &'a Facts,
    pub needs: &'a [Need],
    pub reference_date: Date,
    pub locale: Locale,
    /// Build the explanations (slower); without, `explanation` is empty.
    pub explain: bool,
}

/// Evaluates one entry on resolved facts: its zone and its rule, together.
pub fn evaluate(entry: &Entry, facts: &Facts) -> (Eligibility, BTreeSet<Fact>) {
    let outcome = Outcome::and([
        entry.zone.contains(facts),
        entry
            .eligibility
            .as_ref()
            .map_or(Outcome::Met, |rule| rule.evaluate(facts)),
    ]);
    match outcome {
        Outcome::Met => (Eligibility::Eligible, BTreeSet::new()),
        Outcome::NotMet => (Eligibility::Ineligible, BTreeSet::new()),
        Outcome::Unknown(missing) => (Eligibility::Undetermined, missing),
    }
}

fn explain(entry: &Entry, person: &mut PersonTexts) -> Vec<Explanation> {
    let zone = entry.zone_condition.explain_with(person);
    let Some(rule) = &entry.eligibility else {
        return vec![zone];
    };
    match rule.explain_with(person) {
        // The parts of a top-level "all" read better one by one.
        Explanation {
            parts: mut inner, ..
        } if matches!(rule.test, Test::All(_)) && rule.label.is_none() => {
            inner.insert(0, zone);
            inner
        }
        explanation => vec![zone, explanation],
    }
}

/// How close an entry's zone is: commune 0, department 1, region 2, national 3.
fn proximity(zone: &Zone) -> u8 {
    if !zone.communes.is_empty() {
        0
    } else if !zone.departments.is_empty() {
        1
    } else if !zone.regions.is_empty() {
        2
    } else {
        3
    }
}

/// Orients a person: evaluates every entry in force and ranks, for each
/// need, the entries that address it (eligible first, then undetermined,
/// then ineligible; then best fit to the need, closest zone, name).
///
/// ```
/// use passerelle_core::catalogue::Catalogue;
/// use passerelle_core::date::Date;
/// use passerelle_core::facts::Facts;
/// use passerelle_core::i18n::Locale;
/// use passerelle_core::orientation::{orient, Eligibility, Need, Request};
///
/// let catalogue = Catalogue::national();
/// let facts = Facts::from_json(r#"{"birth_date": "2007-05-02", "postal_code": "93200",
///     "employment_status": "inactive", "in_education": false}"#).unwrap();
/// let needs = [Need { theme: "trouver-un-emploi".into(), priority: Default::default() }];
/// let orientation = orient(&catalogue, &Request {
///     facts: &facts, needs: &needs, reference_date: Date::parse("2026-11-26").unwrap(),
///     locale: Locale::Fr, explain: true,
/// }).unwrap();
/// let mission_locale = orientation.evaluations.iter().find(|e| e.id == "mission-locale").unwrap();
/// assert_eq!(mission_locale.status, Eligibility::Eligible);
/// ```
pub fn orient(catalogue: &Catalogue, request: &Request) -> Result<Orientation, Problem> {
    let facts = request.facts.resolve(request.reference_date)?;
    for (i, need) in request.needs.iter().enumerate() {
        need.check(&format!("$.needs[{i}]"))?;
    }
    let in_force: Vec<&Entry> = catalogue
        .entries
        .iter()
        .filter(|entry| entry.in_force(request.reference_date))
        .collect();
    let mut person = PersonTexts::new(&facts, request.locale);
    let evaluations: Vec<Evaluation> = in_force
        .iter()
        .map(|entry| {
            let (status, missing) = evaluate(entry, &facts);
            Evaluation {
                id: entry.id.clone(),
                status,
                missing,
                explanation: if request.explain {
                    explain(entry, &mut person)
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let needs = request
        .needs
        .iter()
        .map(|need| {
            let urgent_need = need.priority == Priority::Urgent;
            let fit_of = need.fitter();
            // The sort key is computed once per entry: status, urgent contacts
            // first for an urgent need, fit, proximity, name, id.
            let mut ranked = Vec::with_capacity(in_force.len());
            ranked.extend(in_force.iter().zip(&evaluations).enumerate().filter_map(
                |(index, (entry, evaluation))| {
                    let fit = fit_of(entry)?;
                    let key = (
                        evaluation.status,
                        !(urgent_need && entry.urgent),
                        std::cmp::Reverse(fit),
                        proximity(&entry.zone),
                        entry.name.get(request.locale),
                        entry.id.as_str(),
                    );
                    Some((key, index, fit))
                },
            ));
            ranked.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let proposals = ranked
                .into_iter()
                .map(|((status, _, _, _, _, id), index, fit)| Proposal {
                    id: id.to_owned(),
                    status,
                    fit,
                    evaluation: index,
                })
                .collect();
            NeedOrientation {
                need: need.clone(),
                proposals,
            }
        })
        .collect();
    let any_urgent = request
        .needs
        .iter()
        .any(|need| need.priority == Priority::Urgent);
    let urgent_contacts = if any_urgent {
        in_force
            .iter()
            .zip(&evaluations)
            .filter(|(entry, evaluation)| {
                entry.urgent && evaluation.status != Eligibility::Ineligible
            })
            .map(|(entry, _)| entry.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    Ok(Orientation {
        reference_date: request.reference_date,
        urgent_contacts,
        needs,
        evaluations,
    })
}
