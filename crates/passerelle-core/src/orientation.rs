//! Orientation: for each need, the schemes and services that address it,
//! ranked, with their eligibility, the reasons and how to get in.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use std::borrow::Cow;

use crate::catalogue::{Access, Catalogue, Compiled, Entry};
use crate::date::Date;
use crate::explanation::{ExplanationList, Explanations};
use crate::facts::{FactSet, Facts};
use crate::i18n::Locale;
use crate::problem::Problem;
use crate::referentials::{theme_category, Referential};
use crate::rules::{Outcome, Test};

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

    /// How well each data·inclusion theme fits the need, if at all, by
    /// position in [`Referential::Themes`]: made once per need. A need that
    /// is a whole category fits every theme of that category.
    fn fit_by_theme(&self) -> Vec<Option<Fit>> {
        let category = theme_category(&self.theme);
        let whole_category = category.len() == self.theme.len();
        Referential::Themes
            .terms()
            .iter()
            .map(|term| {
                let theme = term.value.as_str();
                let in_category = theme_category(theme) == category && theme != category;
                if theme == self.theme || (whole_category && in_category) {
                    Some(Fit::Theme)
                } else if in_category {
                    Some(Fit::Category)
                } else {
                    None
                }
            })
            .collect()
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

/// The evaluation of one entry: status and facts still missing. Its
/// explanation is kept by the orientation ([`Orientation::explanation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evaluation<'c> {
    pub entry: &'c Entry,
    pub status: Eligibility,
    /// Facts whose knowledge could settle an undetermined status.
    pub missing: FactSet,
    /// Where its zone and rule were compiled: where their statuses are.
    compiled: Compiled,
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
pub struct Proposal<'c> {
    pub id: &'c str,
    pub status: Eligibility,
    pub fit: Fit,
    /// Index of the entry's evaluation in [`Orientation::evaluations`].
    #[serde(skip)]
    pub evaluation: usize,
}

/// The proposals for one need, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeedOrientation<'c> {
    pub need: Need,
    pub proposals: Vec<Proposal<'c>>,
}

/// The whole orientation, borrowing the catalogue it was made from (`'c`).
/// In JSON: `reference_date`, `urgent_contacts` (ids), `needs` and
/// `evaluations`, each with its explanation.
#[derive(Debug, Clone)]
pub struct Orientation<'c> {
    pub reference_date: Date,
    /// Emergency contacts (ids): the entries marked urgent, not ruled
    /// out, that address an urgent need (by theme or category), in
    /// catalogue order.
    pub urgent_contacts: Vec<&'c str>,
    pub needs: Vec<NeedOrientation<'c>>,
    /// Every entry in force, evaluated, in catalogue order.
    pub evaluations: Vec<Evaluation<'c>>,
    explanations: Explanations<'c>,
}

/// An evaluation with its explanation, ready to show or serialise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplainedEvaluation<'a> {
    pub id: &'a str,
    pub status: Eligibility,
    pub missing: FactSet,
    /// Each condition (zone first, then the rule), met or not, in words;
    /// empty when the orientation was made without explanations.
    #[serde(skip_serializing_if = "ExplanationList::is_empty")]
    pub explanation: ExplanationList<'a>,
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
    pub missing: FactSet,
    pub explanation: ExplanationList<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a str>,
    pub urgent: bool,
    pub access: &'a Access,
    pub source_url: &'a str,
    pub last_verified: Date,
    /// The languages of `name`, `description` and `notes`: another than
    /// the orientation's when the catalogue has no translation (not in
    /// JSON).
    #[serde(skip)]
    pub languages: TextLanguages,
}

/// The languages of an entry's texts as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLanguages {
    pub name: Locale,
    pub description: Locale,
    pub notes: Locale,
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

/// The entries a person is eligible for, and those that need more facts
/// to say, by id in catalogue order: an orientation without its
/// proposals, reasons or ruled-out entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matched<'c> {
    pub eligible: Vec<&'c str>,
    pub undetermined: Vec<&'c str>,
}

impl<'c> Orientation<'c> {
    /// The ids of the entries found eligible, and undetermined.
    ///
    /// ```
    /// use passerelle_core::catalogue::Catalogue;
    /// use passerelle_core::date::Date;
    /// use passerelle_core::facts::Facts;
    /// use passerelle_core::orientation::{orient, Request};
    /// use passerelle_core::Locale;
    ///
    /// let catalogue = Catalogue::national();
    /// let facts = Facts::from_json(r#"{"age": 19, "postal_code": "93200",
    ///     "employment_status": "inactive", "in_education": false}"#).unwrap();
    /// let request = Request {
    ///     facts: &facts, needs: &[], reference_date: Date::parse("2026-11-27").unwrap(),
    ///     locale: Locale::Fr, explain: false,
    /// };
    /// let matched = orient(&catalogue, &request).unwrap().matched();
    /// assert!(matched.eligible.contains(&"contrat-engagement-jeune"));
    /// ```
    pub fn matched(&self) -> Matched<'c> {
        let with = |status: Eligibility| {
            self.evaluations
                .iter()
                .filter(|evaluation| evaluation.status == status)
                .map(|evaluation| evaluation.entry.id.as_str())
                .collect()
        };
        Matched {
            eligible: with(Eligibility::Eligible),
            undetermined: with(Eligibility::Undetermined),
        }
    }

    /// The evaluation of the entry `id`, if it is in force.
    pub fn evaluation(&self, id: &str) -> Option<&Evaluation<'c>> {
        self.evaluations
            .iter()
            .find(|evaluation| evaluation.entry.id == id)
    }

    /// The explanation of an evaluation of this orientation: each
    /// condition (zone first, then the rule), met or not, in words.
    pub fn explanation(&self, evaluation: &Evaluation<'c>) -> ExplanationList<'_> {
        let explanations = &self.explanations;
        if !explanations.explains() {
            return explanations.list(None, &[], 0);
        }
        let entry = evaluation.entry;
        let zone = Some((&entry.zone_condition, evaluation.compiled.zone));
        match (&entry.eligibility, evaluation.compiled.rule) {
            // The parts of a top-level "all" read better one by one.
            (Some(rule), Some(at))
                if matches!(rule.test(), Test::All(_)) && rule.label().is_none() =>
            {
                let Test::All(parts) = rule.test() else {
                    unreachable!("matched above")
                };
                explanations.list(zone, parts, at + 1)
            }
            (Some(rule), Some(at)) => explanations.list(zone, std::slice::from_ref(rule), at),
            _ => explanations.list(zone, &[], 0),
        }
    }

    /// An evaluation with its explanation.
    pub fn explained(&self, evaluation: &Evaluation<'c>) -> ExplainedEvaluation<'_> {
        ExplainedEvaluation {
            id: &evaluation.entry.id,
            status: evaluation.status,
            missing: evaluation.missing,
            explanation: self.explanation(evaluation),
        }
    }

    /// The facts the orientation was made on, with the derived ones.
    pub fn facts(&self) -> &Facts {
        self.explanations.facts()
    }

    /// The proposals with the entries' details, in the orientation's language.
    pub fn detailed(&self) -> DetailedOrientation<'_> {
        let locale = self.explanations.locale();
        let detail = |evaluation: &Evaluation<'c>, fit: Fit| {
            let entry = evaluation.entry;
            DetailedProposal {
                id: &entry.id,
                name: entry.name.get(locale),
                description: entry.description.get(locale),
                status: evaluation.status,
                fit,
                missing: evaluation.missing,
                explanation: self.explanation(evaluation),
                notes: entry
                    .eligibility_notes
                    .as_ref()
                    .map(|notes| notes.get(locale)),
                urgent: entry.urgent,
                access: &entry.access,
                source_url: &entry.source_url,
                last_verified: entry.last_verified,
                languages: TextLanguages {
                    name: entry.name.language(locale),
                    description: entry.description.language(locale),
                    notes: entry
                        .eligibility_notes
                        .as_ref()
                        .map_or(locale, |notes| notes.language(locale)),
                },
            }
        };
        DetailedOrientation {
            reference_date: self.reference_date,
            urgent_contacts: self
                .urgent_contacts
                .iter()
                .filter_map(|id| Some(detail(self.evaluation(id)?, Fit::Theme)))
                .collect(),
            needs: self
                .needs
                .iter()
                .map(|need| DetailedNeed {
                    need: &need.need,
                    proposals: need
                        .proposals
                        .iter()
                        .filter_map(|p| Some(detail(self.evaluations.get(p.evaluation)?, p.fit)))
                        .collect(),
                })
                .collect(),
        }
    }
}

impl Serialize for Orientation<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let evaluations: Vec<ExplainedEvaluation> = self
            .evaluations
            .iter()
            .map(|evaluation| self.explained(evaluation))
            .collect();
        let mut orientation = serializer.serialize_struct("Orientation", 4)?;
        orientation.serialize_field("reference_date", &self.reference_date)?;
        orientation.serialize_field("urgent_contacts", &self.urgent_contacts)?;
        orientation.serialize_field("needs", &self.needs)?;
        orientation.serialize_field("evaluations", &evaluations)?;
        orientation.end()
    }
}

/// What [`orient`] needs.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub facts: &'a Facts,
    pub needs: &'a [Need],
    pub reference_date: Date,
    pub locale: Locale,
    /// Record the explanations; without, every explanation is empty.
    pub explain: bool,
}

fn eligibility(outcome: Outcome) -> Eligibility {
    match outcome {
        Outcome::Met => Eligibility::Eligible,
        Outcome::NotMet => Eligibility::Ineligible,
        Outcome::Unknown(_) => Eligibility::Undetermined,
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
/// let mission_locale = orientation.evaluation("mission-locale").unwrap();
/// assert_eq!(mission_locale.status, Eligibility::Eligible);
/// let reasons = orientation.explanation(mission_locale);
/// assert_eq!(reasons.get(0).unwrap().text(), "Habiter en France\u{a0}: votre département est Seine-Saint-Denis (93)");
/// ```
pub fn orient<'c>(catalogue: &'c Catalogue, request: &Request) -> Result<Orientation<'c>, Problem> {
    let facts = (request.facts).resolve_in(request.reference_date, catalogue.communes())?;
    for (i, need) in request.needs.iter().enumerate() {
        need.check(&format!("$.needs[{i}]"))?;
    }
    // Catalogue positions of the entries in force, in catalogue order.
    let in_force: Vec<usize> = (0..catalogue.entries().len())
        .filter(|&index| catalogue.in_force(index, request.reference_date))
        .collect();
    let entries = catalogue.entries();
    let program = Cow::Borrowed(catalogue.program());
    let mut explanations = Explanations::of_program(
        program,
        facts,
        catalogue.communes(),
        request.locale,
        request.explain,
    );
    let mut evaluations = Vec::with_capacity(in_force.len());
    for &index in &in_force {
        let compiled = catalogue.compiled(index);
        let zone = explanations.evaluate(compiled.zone);
        // Without explanations, a zone not met settles it.
        let outcome = match compiled.rule {
            Some(_) if zone == Outcome::NotMet && !request.explain => zone,
            Some(rule) => zone.both(explanations.evaluate(rule)),
            None => zone,
        };
        evaluations.push(Evaluation {
            entry: &entries[index],
            status: eligibility(outcome),
            missing: outcome.missing(),
            compiled,
        });
    }
    let needs = request
        .needs
        .iter()
        .map(|need| {
            let urgent_need = need.priority == Priority::Urgent;
            let fit_by_theme = need.fit_by_theme();
            // One number per entry sorts it: status, urgent contacts first
            // for an urgent need, fit, closeness of the zone, then rank by
            // name and id (unique, so no two keys are equal).
            let mut ranked: Vec<(u64, u32, Fit)> = Vec::new();
            for (at, (&index, evaluation)) in in_force.iter().zip(&evaluations).enumerate() {
                let fit = catalogue
                    .theme_positions(index)
                    .iter()
                    .filter_map(|&theme| fit_by_theme.get(usize::from(theme)).copied().flatten())
                    .max();
                let Some(fit) = fit else { continue };
                let key = (evaluation.status as u64) << 40
                    | u64::from(!(urgent_need && catalogue.urgent(index))) << 39
                    | u64::from(fit == Fit::Category) << 38
                    | catalogue.closeness_and_name(index, request.locale);
                ranked.push((key, at as u32, fit));
            }
            ranked.sort_unstable_by_key(|&(key, _, _)| key);
            let proposals = ranked
                .into_iter()
                .map(|(_, at, fit)| {
                    let evaluation = &evaluations[at as usize];
                    Proposal {
                        id: &evaluation.entry.id,
                        status: evaluation.status,
                        fit,
                        evaluation: at as usize,
                    }
                })
                .collect();
            NeedOrientation {
                need: need.clone(),
                proposals,
            }
        })
        .collect();
    // The emergency lines for the urgent needs only: the 115 for a night
    // outside, not every emergency number of the catalogue.
    let urgent_fits: Vec<Vec<Option<Fit>>> = request
        .needs
        .iter()
        .filter(|need| need.priority == Priority::Urgent)
        .map(Need::fit_by_theme)
        .collect();
    let urgent_contacts = in_force
        .iter()
        .zip(&evaluations)
        .filter(|(&index, evaluation)| {
            let addresses_urgent_need = || {
                catalogue.theme_positions(index).iter().any(|&theme| {
                    urgent_fits
                        .iter()
                        .any(|fits| fits.get(usize::from(theme)).copied().flatten().is_some())
                })
            };
            evaluation.entry.urgent
                && evaluation.status != Eligibility::Ineligible
                && addresses_urgent_need()
        })
        .map(|(_, evaluation)| evaluation.entry.id.as_str())
        .collect();
    Ok(Orientation {
        reference_date: request.reference_date,
        urgent_contacts,
        needs,
        evaluations,
        explanations,
    })
}
