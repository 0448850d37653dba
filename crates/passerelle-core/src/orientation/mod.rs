//! Orientation: for each need, the schemes and services that address it,
//! ranked, with their eligibility, the reasons and how to get in.

pub mod messages;
pub mod national;
mod pathway;
mod reasons;

pub use reasons::{Explained, OrientationSummary, Reasons};

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use std::borrow::Cow;

use crate::base::date::Date;
use crate::base::problem::Problem;
use crate::catalogue::{Access, Catalogue, Compiled, Entry, FiguresValid};
use crate::rules::explanation::{ExplanationList, Explanations};
use crate::rules::{Outcome, Status, Test};
use crate::text::Locale;
use crate::vocabulary::facts::{Fact, FactSet, Facts};
use crate::vocabulary::referentials::{theme_category, Referential};
use crate::vocabulary::urgent::UrgentAlert;

pub use crate::vocabulary::needs::{Need, Priority};

/// What orientation asks of a need.
impl Need {
    /// Whether the emergency line `entry` answers this need's alerts: any
    /// line when the alerts are not known, or when no alert names it;
    /// else only a line one of them names among its contacts.
    fn calls_for(&self, entry: &str) -> bool {
        let names = |alert: &UrgentAlert| {
            alert
                .contacts(Locale::Fr)
                .iter()
                .any(|contact| contact.catalogue_entry == Some(entry))
        };
        self.alerts.is_empty()
            || self.alerts.iter().any(names)
            || !UrgentAlert::ALL.iter().any(names)
    }

    /// How well each data·inclusion theme fits the need, if at all, by
    /// position in [`Referential::Themes`]: made once per need. A need that
    /// is a whole category fits every theme of that category, but less
    /// exactly than a need of that very theme.
    fn fit_by_theme(&self) -> Vec<Option<Match>> {
        let category = theme_category(&self.theme);
        let whole_category = category.len() == self.theme.len();
        Referential::Themes
            .terms()
            .iter()
            .map(|term| {
                let theme = term.value.as_str();
                let in_category = theme_category(theme) == category && theme != category;
                if theme == self.theme {
                    Some(Match::Exact)
                } else if whole_category && in_category {
                    Some(Match::InCategory)
                } else if in_category {
                    Some(Match::Sibling)
                } else {
                    None
                }
            })
            .collect()
    }
}

/// How exactly an entry's theme matches a need, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// Another theme of the need's category: [`Fit::Category`].
    Sibling,
    /// A theme of the category the need is: [`Fit::Theme`].
    InCategory,
    /// The need's very theme, or a need a key step leads: [`Fit::Theme`].
    Exact,
}

impl Match {
    fn fit(self) -> Fit {
        match self {
            Match::Sibling => Fit::Category,
            Match::InCategory | Match::Exact => Fit::Theme,
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

impl Eligibility {
    /// Its part of message keys (`eligibility-eligible`…).
    pub fn key(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::Undetermined => "undetermined",
            Eligibility::Ineligible => "ineligible",
        }
    }
}

/// How many proposals of a need are shown first, beside its emergency
/// lines and key steps, which are always shown: the few an advisor would
/// read out first. The others are behind "see more".
pub const FIRST_SHOWN: usize = 3;

/// The evaluation of one entry: status and facts still missing. Its
/// explanation is kept by the orientation ([`Orientation::explanation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evaluation<'c> {
    pub entry: &'c Entry,
    pub status: Eligibility,
    /// Facts whose knowledge could settle an undetermined status.
    pub missing: FactSet,
    /// The person has it already (its `held_when` is met).
    pub held: bool,
    /// It is the key step of the person's situation (its `key_step` is
    /// met, and it is neither held nor ruled out).
    pub key: bool,
    /// Facts whose knowledge could change how it is proposed: its status
    /// when undetermined (`missing`), whether the person has it already,
    /// whether it is the key step.
    pub unsettled: FactSet,
    /// Its amounts and ceilings are not those of the reference date (past
    /// its `figures_valid`): met, its rule is "à vérifier"
    /// ([`Standing::ToCheck`]).
    pub figures_outdated: bool,
    /// It was last verified too long before the reference date
    /// ([`Entry::stale`]): it shows a warning, and met, its rule is "à
    /// vérifier".
    pub stale: bool,
    /// Where its zone and rule were compiled: where their statuses are.
    compiled: Compiled,
}

/// Whether an entry is aimed at people like the person, from its
/// data·inclusion `publics` read against the facts
/// (`docs/catalogue-format.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// One of its publics is known to be the person's.
    Person,
    /// The facts do not say.
    Unknown,
    /// Every one of its publics is known not to be the person's (a
    /// helpline for older people, for a young mother).
    Others,
}

/// Where an entry stands for the person, in one word: what a person reads
/// beside it ("Vous y avez droit" only for a right whose conditions are
/// met).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// The person has it already: "Vous l'avez déjà".
    Held,
    /// No condition but a zone the person's place meets (a helpline,
    /// France services): "Ouvert à tous".
    OpenToAll,
    /// Its conditions are met: "Vous y avez droit".
    Entitled,
    /// Every condition the facts can say is met (or there is none), but
    /// the law asks conditions the site cannot check (`to_check`, or the
    /// retired `conditions_in_notes`): undetermined, with nothing left to
    /// ask, "Possible, sous conditions", and the explanation says what to
    /// check.
    OnConditions,
    /// Its rule is met, but on figures that may have changed (past its
    /// `figures_valid`) or criteria not verified for too long (stale):
    /// "À vérifier", never "Vous y avez droit".
    ToCheck,
    /// More facts are needed: "Nous devons en savoir plus".
    Undetermined,
    /// Ruled out: "Ce n'est pas pour vous".
    RuledOut,
}

impl Standing {
    /// Where an evaluated entry stands.
    pub fn of(evaluation: &Evaluation) -> Standing {
        let entry = evaluation.entry;
        match evaluation.status {
            _ if evaluation.held => Standing::Held,
            Eligibility::Ineligible => Standing::RuledOut,
            // Only conditions to check are left: nothing to ask.
            Eligibility::Undetermined if evaluation.missing.is_empty() => Standing::OnConditions,
            Eligibility::Undetermined => Standing::Undetermined,
            Eligibility::Eligible if entry.eligibility.is_none() => Standing::OpenToAll,
            Eligibility::Eligible if evaluation.figures_outdated || evaluation.stale => {
                Standing::ToCheck
            }
            Eligibility::Eligible => Standing::Entitled,
        }
    }
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

fn is_false(value: &bool) -> bool {
    !value
}

/// One entry proposed for a need. Its details are in the orientation's
/// evaluations and in the catalogue; [`Orientation::detailed`] joins them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal<'c> {
    pub id: &'c str,
    pub status: Eligibility,
    pub fit: Fit,
    pub audience: Audience,
    /// An emergency line (an entry marked `urgent`) for this urgent need.
    #[serde(skip_serializing_if = "is_false")]
    pub emergency: bool,
    /// The key step of the person's situation.
    #[serde(skip_serializing_if = "is_false")]
    pub key: bool,
    /// Where it stands: open to all ("Ouvert à tous") is not a right
    /// whose conditions are met ("Vous y avez droit").
    pub standing: Standing,
    /// Index of the entry's evaluation in [`Orientation::evaluations`].
    #[serde(skip)]
    pub evaluation: usize,
}

/// An entry that serves a need but is shown elsewhere: under another need
/// it serves better, or with what the person has already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pointer<'c> {
    pub id: &'c str,
    /// The need (theme) it is proposed under; none when it is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need: Option<String>,
    /// The person has it already: it is in [`Orientation::held`].
    #[serde(skip_serializing_if = "is_false")]
    pub held: bool,
}

/// The proposals for one need, best first: emergency lines (an urgent
/// need's), key steps, then by fit to the need and to the person's public,
/// certainty, closeness and name; the ruled-out entries last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeedOrientation<'c> {
    pub need: Need,
    pub proposals: Vec<Proposal<'c>>,
    /// How many of `proposals` to show first: [`FIRST_SHOWN`], or more
    /// when more emergency lines and key steps lead; never one ruled out,
    /// aimed at other publics, or serving only another theme of the need's
    /// category.
    pub shown_first: usize,
    /// How many of `proposals`, at the end, are ruled out.
    pub ruled_out: usize,
    /// The entries that serve the need too, shown elsewhere.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Pointer<'c>>,
}

/// `items` cut into what is shown first, what is behind "see more", and
/// what is ruled out (at the end).
fn parts<T>(items: &[T], shown_first: usize, ruled_out: usize) -> (&[T], &[T], &[T]) {
    let open = items.len().saturating_sub(ruled_out);
    let (open, out) = items.split_at(open);
    let (first, more) = open.split_at(shown_first.min(open.len()));
    (first, more, out)
}

impl<'c> NeedOrientation<'c> {
    /// The proposals an advisor turns into steps of a plan, best first:
    /// not ruled out, not aimed at other publics. What the person has
    /// already is never among the proposals, and emergency lines only
    /// under an urgent need.
    ///
    /// ```
    /// use passerelle_core::catalogue::Catalogue;
    /// use passerelle_core::date::Date;
    /// use passerelle_core::facts::Facts;
    /// use passerelle_core::orientation::{orient, Need, Priority, Request};
    /// use passerelle_core::Locale;
    ///
    /// // On the street tonight: the 115 at once, then the domiciliation,
    /// // the key step that opens every other right.
    /// let catalogue = Catalogue::national();
    /// let facts = Facts::from_json(r#"{"housing": "homeless", "age": 50, "postal_code": "67000"}"#).unwrap();
    /// let needs = [Need {
    ///     theme: "logement-hebergement--rechercher-une-solution-dhebergement-temporaire".into(),
    ///     priority: Priority::Urgent,
    ///     alerts: Vec::new(),
    /// }];
    /// let orientation = orient(&catalogue, &Request {
    ///     facts: &facts, needs: &needs, reference_date: Date::parse("2026-12-03").unwrap(),
    ///     locale: Locale::Fr, explain: false,
    /// }).unwrap();
    /// let first: Vec<&str> = orientation.needs[0].actionable().take(2).map(|p| p.id).collect();
    /// assert_eq!(first, ["urgence-115", "domiciliation"]);
    /// ```
    pub fn actionable(&self) -> impl Iterator<Item = &Proposal<'c>> {
        self.proposals.iter().filter(|proposal| {
            proposal.status != Eligibility::Ineligible && proposal.audience != Audience::Others
        })
    }

    /// The proposals shown first, those behind "see more", and the ruled-out ones.
    pub fn parts(&self) -> (&[Proposal<'c>], &[Proposal<'c>], &[Proposal<'c>]) {
        parts(&self.proposals, self.shown_first, self.ruled_out)
    }
}

/// The whole orientation, borrowing the catalogue it was made from (`'c`).
/// In JSON: `reference_date`, `urgent_contacts` (ids), `needs`, `held`
/// (ids) and `evaluations`, each with its explanation.
///
/// Each entry is proposed once in the whole orientation, under the need
/// it serves best (its very theme before its category, then the need
/// first in the person's order); the other needs it serves point to it.
#[derive(Debug, Clone)]
pub struct Orientation<'c> {
    pub reference_date: Date,
    /// Emergency contacts (ids): the entries marked urgent, not ruled
    /// out, that address an urgent need by its very theme, in catalogue
    /// order.
    pub urgent_contacts: Vec<&'c str>,
    pub needs: Vec<NeedOrientation<'c>>,
    /// What the person has already (ids), in catalogue order: never
    /// proposed, kept for reference.
    pub held: Vec<&'c str>,
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
    #[serde(skip_serializing_if = "is_false")]
    pub held: bool,
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
    pub audience: Audience,
    /// An emergency line of an urgent need.
    pub emergency: bool,
    /// The key step of the person's situation.
    pub key: bool,
    /// Where it stands: held ("Vous l'avez déjà"), open to all, entitled…
    pub standing: Standing,
    pub missing: FactSet,
    pub explanation: ExplanationList<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a str>,
    pub urgent: bool,
    /// data·inclusion `frais`: `gratuit` or `payant`.
    pub cost: &'a str,
    pub access: &'a Access,
    pub source_url: &'a str,
    pub last_verified: Date,
    /// The period its amounts and ceilings hold, when its catalogue dates them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures_valid: Option<FiguresValid>,
    /// Its figures are not those of the reference date: the widget says
    /// so with their dates ([`OrientationMessage::FiguresOutdated`](messages::OrientationMessage::FiguresOutdated)).
    #[serde(skip_serializing_if = "is_false")]
    pub figures_outdated: bool,
    /// Not verified for too long before the reference date: the widget
    /// warns ([`OrientationMessage::Stale`](messages::OrientationMessage::Stale)).
    #[serde(skip_serializing_if = "is_false")]
    pub stale: bool,
    /// How many months after `last_verified` it is stale (its catalogue's
    /// period; not in JSON).
    #[serde(skip)]
    pub stale_after_months: u16,
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
    /// As [`NeedOrientation::shown_first`].
    pub shown_first: usize,
    /// As [`NeedOrientation::ruled_out`].
    pub ruled_out: usize,
    pub see_also: Vec<DetailedPointer<'a>>,
}

impl<'a> DetailedNeed<'a> {
    /// The proposals shown first, those behind "see more", and the ruled-out ones.
    pub fn parts(
        &self,
    ) -> (
        &[DetailedProposal<'a>],
        &[DetailedProposal<'a>],
        &[DetailedProposal<'a>],
    ) {
        parts(&self.proposals, self.shown_first, self.ruled_out)
    }
}

/// A [`Pointer`] with the entry's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailedPointer<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The need (theme) it is proposed under; none when it is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need: Option<&'a str>,
    pub held: bool,
    /// The language of `name` (not in JSON).
    #[serde(skip)]
    pub language: Locale,
}

/// An orientation joined with its catalogue, ready to show or serialise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailedOrientation<'a> {
    pub reference_date: Date,
    pub urgent_contacts: Vec<DetailedProposal<'a>>,
    pub needs: Vec<DetailedNeed<'a>>,
    /// What the person has already, for reference.
    pub held: Vec<DetailedProposal<'a>>,
}

/// The entries a person is eligible for, and those that need more facts
/// to say, by id in catalogue order: an orientation without its
/// proposals, reasons or ruled-out entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matched<'c> {
    pub eligible: Vec<&'c str>,
    pub undetermined: Vec<&'c str>,
}

impl Matched<'_> {
    /// The JSON text of the lists, as [`json::write`](crate::json::write)
    /// writes it, made quicker: an id that needs no escaping (an entry id
    /// is a slug) is copied as it is.
    pub fn to_json(&self) -> String {
        let size = |ids: &[&str]| ids.iter().map(|id| id.len() + 3).sum::<usize>();
        let mut text = String::with_capacity(35 + size(&self.eligible) + size(&self.undetermined));
        text.push_str("{\"eligible\":");
        write_ids(&mut text, self.eligible.iter().copied());
        text.push_str(",\"undetermined\":");
        write_ids(&mut text, self.undetermined.iter().copied());
        text.push('}');
        text
    }
}

/// Writes `ids` as a JSON array, as [`json::write`](crate::json::write)
/// would, quicker: an id that needs no escaping (an entry id is a slug)
/// is copied as it is.
fn write_ids<'a>(text: &mut String, ids: impl Iterator<Item = &'a str>) {
    text.push('[');
    for (i, id) in ids.enumerate() {
        if i > 0 {
            text.push(',');
        }
        if id.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            text.push('"');
            text.push_str(id);
            text.push('"');
        } else {
            text.push_str(&crate::json::write(id));
        }
    }
    text.push(']');
}

/// What [`matched`] finds, as positions in the catalogue's entries
/// ([`Catalogue::entries`]): for a caller that keeps the ids at hand
/// ([`ids_json`]), and turns positions into ids quicker than it reads
/// them as text (the WebAssembly module's `engine.eligible`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchedPositions {
    pub eligible: Vec<u32>,
    pub undetermined: Vec<u32>,
}

impl MatchedPositions {
    /// The ids at these positions of `catalogue`.
    pub fn ids<'c>(&self, catalogue: &'c Catalogue) -> Matched<'c> {
        let ids = |positions: &[u32]| {
            (positions.iter())
                .filter(|&&at| (at as usize) < catalogue.entries().len())
                .map(|&at| catalogue.id(at as usize))
                .collect()
        };
        Matched {
            eligible: ids(&self.eligible),
            undetermined: ids(&self.undetermined),
        }
    }
}

/// The id of every entry of `catalogue`, in its order, as a JSON array:
/// what [`MatchedPositions`] point into.
pub fn ids_json(catalogue: &Catalogue) -> String {
    let entries = catalogue.entries();
    let mut text = String::with_capacity(2 + entries.iter().map(|e| e.id.len() + 3).sum::<usize>());
    write_ids(&mut text, entries.iter().map(|entry| entry.id.as_str()));
    text
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

    /// The orientation of the need of this theme, if it was asked for
    /// (copies of one need have one orientation).
    pub fn of_need(&self, theme: &str) -> Option<&NeedOrientation<'c>> {
        self.needs.iter().find(|found| found.need.theme == theme)
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
        explanation_of(&self.explanations, evaluation)
    }

    /// An evaluation with its explanation.
    pub fn explained(&self, evaluation: &Evaluation<'c>) -> ExplainedEvaluation<'_> {
        explained_with(&self.explanations, evaluation)
    }

    /// The facts the orientation was made on, with the derived ones.
    pub fn facts(&self) -> &Facts {
        self.explanations.facts()
    }

    /// The proposals with the entries' details, in the orientation's language.
    pub fn detailed<'a>(&'a self) -> DetailedOrientation<'a> {
        let locale = self.explanations.locale();
        // By id once: the pointers of every need and what the person has
        // may name every entry (a local catalogue of thousands).
        let by_id: std::collections::HashMap<&str, &Evaluation<'c>> = (self.evaluations.iter())
            .map(|evaluation| (evaluation.entry.id.as_str(), evaluation))
            .collect();
        let evaluation = |id: &str| by_id.get(id).copied();
        let detail = |evaluation: &Evaluation<'c>, proposal: Option<&Proposal>| {
            let entry = evaluation.entry;
            DetailedProposal {
                id: &entry.id,
                name: entry.name.get(locale),
                description: entry.description.get(locale),
                status: evaluation.status,
                fit: proposal.map_or(Fit::Theme, |p| p.fit),
                audience: proposal.map_or(Audience::Person, |p| p.audience),
                emergency: proposal.is_some_and(|p| p.emergency),
                key: evaluation.key,
                standing: Standing::of(evaluation),
                missing: evaluation.missing,
                explanation: self.explanation(evaluation),
                notes: entry
                    .eligibility_notes
                    .as_ref()
                    .map(|notes| notes.get(locale)),
                urgent: entry.urgent,
                cost: &entry.cost,
                access: &entry.access,
                source_url: &entry.source_url,
                last_verified: entry.last_verified,
                figures_valid: entry.figures_valid,
                figures_outdated: evaluation.figures_outdated,
                stale: evaluation.stale,
                stale_after_months: entry.stale_after_months,
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
        let pointer = |pointer: &'a Pointer<'c>| {
            let entry = evaluation(pointer.id)?.entry;
            Some(DetailedPointer {
                id: &entry.id,
                name: entry.name.get(locale),
                need: pointer.need.as_deref(),
                held: pointer.held,
                language: entry.name.language(locale),
            })
        };
        DetailedOrientation {
            reference_date: self.reference_date,
            urgent_contacts: self
                .urgent_contacts
                .iter()
                .filter_map(|id| Some(detail(evaluation(id)?, None)))
                .collect(),
            needs: self
                .needs
                .iter()
                .map(|need| DetailedNeed {
                    need: &need.need,
                    proposals: need
                        .proposals
                        .iter()
                        .filter_map(|p| Some(detail(self.evaluations.get(p.evaluation)?, Some(p))))
                        .collect(),
                    shown_first: need.shown_first,
                    ruled_out: need.ruled_out,
                    see_also: need.see_also.iter().filter_map(pointer).collect(),
                })
                .collect(),
            held: self
                .held
                .iter()
                .filter_map(|id| Some(detail(evaluation(id)?, None)))
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
        let mut orientation = serializer.serialize_struct("Orientation", 5)?;
        orientation.serialize_field("reference_date", &self.reference_date)?;
        orientation.serialize_field("urgent_contacts", &self.urgent_contacts)?;
        orientation.serialize_field("needs", &self.needs)?;
        orientation.serialize_field("held", &self.held)?;
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

/// The evaluation of the catalogue's `index`-th entry, its statuses
/// recorded in `explanations` if it explains: the same whether the whole
/// catalogue is evaluated ([`orient`]) or one entry on demand
/// ([`Reasons::explain`]).
fn evaluate<'c>(
    catalogue: &'c Catalogue,
    index: usize,
    explanations: &mut Explanations<'_>,
    reference_date: Date,
) -> Evaluation<'c> {
    let entry = &catalogue.entries()[index];
    let compiled = catalogue.compiled(index);
    let outcome = eligibility_outcome(compiled, explanations);
    let status = eligibility(outcome);
    let mut unsettled = outcome.missing();
    let held = compiled.held.map(|at| explanations.evaluate(at));
    if let Some(Outcome::Unknown(missing)) = held {
        if status != Eligibility::Ineligible {
            unsettled = unsettled.union(missing);
        }
    }
    let held = held == Some(Outcome::Met);
    // A key step only for what the person may take up.
    let key = match compiled.key {
        Some(at) if !held && status != Eligibility::Ineligible => explanations.evaluate(at),
        _ => Outcome::NotMet,
    };
    unsettled = unsettled.union(key.missing());
    Evaluation {
        entry,
        status,
        missing: outcome.missing(),
        held,
        key: key == Outcome::Met,
        unsettled,
        figures_outdated: entry.figures_outdated(reference_date),
        stale: entry.stale(reference_date),
        compiled,
    }
}

/// Whether an entry's zone and rule are met: its eligibility.
fn eligibility_outcome(compiled: Compiled, explanations: &mut Explanations<'_>) -> Outcome {
    let zone = explanations.evaluate(compiled.zone);
    // Without explanations, a zone not met settles it.
    match compiled.rule {
        Some(_) if zone == Outcome::NotMet && !explanations.explains() => zone,
        Some(rule) => zone.both(explanations.evaluate(rule)),
        None => zone,
    }
}

/// The ids of the entries in force the person is eligible for, and of
/// those that need more facts to say, in catalogue order: what
/// [`Orientation::matched`] gives of an orientation without needs, at
/// the cost of evaluating the zones and rules alone (no evaluation kept,
/// no proposal, no held or key step worked out).
///
/// ```
/// use passerelle_core::catalogue::Catalogue;
/// use passerelle_core::date::Date;
/// use passerelle_core::facts::Facts;
/// use passerelle_core::orientation::matched;
///
/// let facts = Facts::from_json(r#"{"age": 19, "postal_code": "93200",
///     "employment_status": "inactive", "in_education": false}"#).unwrap();
/// let catalogue = Catalogue::national();
/// let found = matched(&catalogue, &facts, Date::parse("2026-11-27").unwrap()).unwrap();
/// assert!(found.eligible.contains(&"contrat-engagement-jeune"));
/// ```
pub fn matched<'c>(
    catalogue: &'c Catalogue,
    facts: &Facts,
    reference_date: Date,
) -> Result<Matched<'c>, Problem> {
    Ok(matched_positions(catalogue, facts, reference_date)?.ids(catalogue))
}

/// [`matched`], as positions in the catalogue's entries.
///
/// ```
/// use passerelle_core::catalogue::Catalogue;
/// use passerelle_core::date::Date;
/// use passerelle_core::facts::Facts;
/// use passerelle_core::orientation::{ids_json, matched_positions};
///
/// let facts = Facts::from_json(r#"{"age": 19, "postal_code": "93200",
///     "employment_status": "inactive", "in_education": false}"#).unwrap();
/// let catalogue = Catalogue::national();
/// let found = matched_positions(&catalogue, &facts, Date::parse("2026-11-27").unwrap()).unwrap();
/// let ids: Vec<String> = serde_json::from_str(&ids_json(&catalogue)).unwrap();
/// assert!(found.eligible.iter().any(|&at| ids[at as usize] == "contrat-engagement-jeune"));
/// ```
pub fn matched_positions(
    catalogue: &Catalogue,
    facts: &Facts,
    reference_date: Date,
) -> Result<MatchedPositions, Problem> {
    let facts = facts.resolve_in(reference_date, catalogue.communes())?;
    let explanations = Explanations::of_program(
        Cow::Borrowed(catalogue.program()),
        facts,
        catalogue.communes(),
        Locale::Fr,
        false,
    );
    let mut found = MatchedPositions::default();
    let entries = catalogue.entries();
    let (program, slots) = explanations.program_and_slots();
    let codes = program.entry_codes(entries.len(), |index| {
        let compiled = catalogue.compiled(index);
        let entry = &entries[index];
        let bounded = entry.valid_from.is_some() || entry.valid_until.is_some();
        (compiled.zone, compiled.rule, bounded)
    });
    if let Some(codes) = codes {
        for (index, &code) in codes.iter().enumerate() {
            if code.bounded && !catalogue.in_force(index, reference_date) {
                continue;
            }
            match program.settle_code(code, slots) {
                Status::Met => found.eligible.push(index as u32),
                Status::Unknown => found.undetermined.push(index as u32),
                Status::NotMet => {}
            }
        }
        return Ok(found);
    }
    for index in 0..catalogue.entries().len() {
        if !catalogue.in_force(index, reference_date) {
            continue;
        }
        // The status alone: that of `eligibility_outcome`.
        let compiled = catalogue.compiled(index);
        match explanations.settle_entry(compiled.zone, compiled.rule) {
            Status::Met => found.eligible.push(index as u32),
            Status::Unknown => found.undetermined.push(index as u32),
            Status::NotMet => {}
        }
    }
    Ok(found)
}

/// The explanation of `evaluation` from the statuses `explanations`
/// recorded: each condition (zone first, then the rule), met or not, in
/// words; empty when they were not recorded.
fn explanation_of<'a>(
    explanations: &'a Explanations<'a>,
    evaluation: &Evaluation<'a>,
) -> ExplanationList<'a> {
    if !explanations.explains() {
        return explanations.list(None, &[], 0);
    }
    let entry = evaluation.entry;
    let zone = Some((&entry.zone_condition, evaluation.compiled.zone));
    match (&entry.eligibility, evaluation.compiled.rule) {
        // The parts of a top-level "all" read better one by one.
        (Some(rule), Some(at)) if matches!(rule.test(), Test::All(_)) && rule.label().is_none() => {
            let Test::All(parts) = rule.test() else {
                unreachable!("matched above")
            };
            explanations.list(zone, parts, at + 1)
        }
        (Some(rule), Some(at)) => explanations.list(zone, std::slice::from_ref(rule), at),
        _ => explanations.list(zone, &[], 0),
    }
}

/// `evaluation` with its explanation from the statuses `explanations`
/// recorded.
fn explained_with<'a>(
    explanations: &'a Explanations<'a>,
    evaluation: &Evaluation<'a>,
) -> ExplainedEvaluation<'a> {
    ExplainedEvaluation {
        id: &evaluation.entry.id,
        status: evaluation.status,
        missing: evaluation.missing,
        held: evaluation.held,
        explanation: explanation_of(explanations, evaluation),
    }
}

/// The data·inclusion publics the facts say the person belongs to, and
/// those they do not say, one bit per position in
/// [`Referential::Publics`]; the rest are known not to be the person's.
/// Only what does not change with the steps of a plan rules a public out:
/// age, children, a disability recognised or not, nationality, the
/// neighbourhood. `docs/catalogue-format.md` has the table.
fn publics_of(facts: &Facts, urgent_need: bool) -> (u16, u16) {
    use crate::vocabulary::facts::Value;
    let integer = |fact| match facts.get(fact) {
        Some(Value::Integer(n)) => Some(*n),
        _ => None,
    };
    let boolean = |fact| match facts.get(fact) {
        Some(Value::Boolean(b)) => Some(*b),
        _ => None,
    };
    let text = |fact| match facts.get(fact) {
        Some(Value::Text(text)) => Some(text.as_str()),
        _ => None,
    };
    let benefits = match facts.get(Fact::Benefits) {
        Some(Value::Set(set)) => Some(set),
        _ => None,
    };
    let receives = |benefit: &str| benefits.map(|set| set.contains(benefit));
    let age = integer(Fact::Age);
    let employment = text(Fact::EmploymentStatus);
    let disabled = match (boolean(Fact::Rqth), receives("aah")) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    };
    let yes_or_unknown = |yes: bool| if yes { Some(true) } else { None };
    let (mut person, mut unknown) = (0u16, 0u16);
    for (position, term) in Referential::Publics.terms().iter().enumerate() {
        let belongs: Option<bool> = match term.value.as_str() {
            "tous-publics" => Some(true),
            "jeunes" => age.map(|age| age <= 25),
            "seniors" => age.map(|age| age >= 50),
            "familles" => integer(Fact::ChildrenCount).map(|children| children >= 1),
            "personnes-en-situation-de-handicap" => disabled,
            "personnes-exilees" => {
                text(Fact::Nationality).map(|nationality| nationality == "non_eu")
            }
            "residents-qpv-frr" => boolean(Fact::LivesInQpv),
            // What a plan's steps may change, or no fact says: known only
            // when the person belongs.
            "beneficiaires-des-minimas-sociaux" => yes_or_unknown(
                ["rsa", "ass", "aah"]
                    .iter()
                    .any(|b| receives(b) == Some(true)),
            ),
            "demandeurs-emploi" => yes_or_unknown(
                employment == Some("jobseeker") || boolean(Fact::RegisteredJobseeker) == Some(true),
            ),
            "actifs" => yes_or_unknown(matches!(
                employment,
                Some("employed" | "self_employed" | "apprentice")
            )),
            "etudiants" => yes_or_unknown(
                employment == Some("student") || boolean(Fact::InEducation) == Some(true),
            ),
            "personnes-en-situation-durgence" => yes_or_unknown(
                urgent_need
                    || matches!(text(Fact::Housing), Some("homeless" | "emergency_shelter")),
            ),
            _ => None,
        };
        match belongs {
            Some(true) => person |= 1 << position,
            Some(false) => {}
            None => unknown |= 1 << position,
        }
    }
    (person, unknown)
}

/// The needs with each theme once, where it first comes: a copy adds
/// its priority if more urgent, and, when urgent, its alerts (an urgent
/// copy that knows none lets any line of the theme through, as it would
/// alone). Orienting each copy made a list of every entry per copy.
fn collapse(needs: &[Need]) -> Vec<Need> {
    let mut kept: Vec<Need> = Vec::with_capacity(needs.len().min(85));
    for need in needs {
        let Some(first) = kept.iter_mut().find(|first| first.theme == need.theme) else {
            kept.push(need.clone());
            continue;
        };
        let urgent = |need: &Need| need.priority == Priority::Urgent;
        match (urgent(first), urgent(need)) {
            (_, false) => {}
            (false, true) => first.alerts.clone_from(&need.alerts),
            (true, true) if first.alerts.is_empty() || need.alerts.is_empty() => {
                first.alerts.clear()
            }
            (true, true) => {
                for alert in &need.alerts {
                    if !first.alerts.contains(alert) {
                        first.alerts.push(*alert);
                    }
                }
            }
        }
        first.priority = first.priority.min(need.priority);
    }
    kept
}

/// Orients a person: evaluates every entry in force and proposes, for
/// each need, the entries that address it, each once in the whole
/// orientation, under the need it serves best ([`Orientation`]); what
/// the person has already is set apart (`held`), emergency lines come
/// only under an urgent need, key steps first, the ruled-out entries
/// last ([`NeedOrientation`]). Copies of one need (same theme) collapse
/// into the first, so `needs` may be shorter than the request's: find a
/// need's orientation by its theme ([`Orientation::of_need`]). More than
/// [`MAX_NEEDS`](crate::base::limits::MAX_NEEDS) needs are refused
/// (`too_many_needs`, path `$.needs`).
///
/// ```
/// use passerelle_core::catalogue::Catalogue;
/// use passerelle_core::date::Date;
/// use passerelle_core::facts::Facts;
/// use passerelle_core::Locale;
/// use passerelle_core::orientation::{orient, Eligibility, Need, Request};
///
/// let catalogue = Catalogue::national();
/// let facts = Facts::from_json(r#"{"birth_date": "2007-05-02", "postal_code": "93200",
///     "employment_status": "inactive", "in_education": false}"#).unwrap();
/// let needs = [Need::new("trouver-un-emploi", Default::default())];
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
    if request.needs.len() > crate::base::limits::MAX_NEEDS {
        return Err(Problem::new(
            "too_many_needs",
            "$.needs",
            format!(
                "{} needs were given; an orientation takes at most {} (there are 85 themes and \
                 categories).",
                request.needs.len(),
                crate::base::limits::MAX_NEEDS
            ),
        ));
    }
    let facts = (request.facts).resolve_in(request.reference_date, catalogue.communes())?;
    for (i, need) in request.needs.iter().enumerate() {
        need.check(&format!("$.needs[{i}]"))?;
    }
    let collapsed = collapse(request.needs);
    let request = &Request {
        needs: &collapsed,
        ..request.clone()
    };
    // Catalogue positions of the entries in force, in catalogue order.
    let in_force: Vec<usize> = (0..catalogue.entries().len())
        .filter(|&index| catalogue.in_force(index, request.reference_date))
        .collect();
    let program = Cow::Borrowed(catalogue.program());
    let urgent_need = request
        .needs
        .iter()
        .any(|need| need.priority == Priority::Urgent);
    let (person_publics, unknown_publics) = publics_of(&facts, urgent_need);
    let mut explanations = Explanations::of_program(
        program,
        facts,
        catalogue.communes(),
        request.locale,
        request.explain,
    );
    let evaluations: Vec<Evaluation<'c>> = in_force
        .iter()
        .map(|&index| evaluate(catalogue, index, &mut explanations, request.reference_date))
        .collect();

    // How well each entry may serve each need, if at all: emergency lines
    // only an urgent need of their very theme; a key step the needs it
    // leads as well as its own.
    let by_theme: Vec<Vec<Option<Match>>> = request.needs.iter().map(Need::fit_by_theme).collect();
    let fits: Vec<Vec<Option<Match>>> = request
        .needs
        .iter()
        .zip(&by_theme)
        .map(|(need, fit_by_theme)| {
            let urgent = need.priority == Priority::Urgent;
            in_force
                .iter()
                .zip(&evaluations)
                .map(|(&index, evaluation)| {
                    let own = (catalogue.theme_positions(index).iter())
                        .filter_map(|&theme| {
                            fit_by_theme.get(usize::from(theme)).copied().flatten()
                        })
                        .max();
                    if catalogue.urgent(index) {
                        return own.filter(|fit| {
                            urgent
                                && fit.fit() == Fit::Theme
                                && need.calls_for(&evaluation.entry.id)
                        });
                    }
                    if !evaluation.key {
                        return own;
                    }
                    let led = evaluation.key
                        && (evaluation.entry.key_step.as_ref())
                            .is_some_and(|key| key.leads(&need.theme));
                    own.max(led.then_some(Match::Exact))
                })
                .collect()
        })
        .collect();
    // How many of each entry's themes serve one of the person's needs:
    // more is a better fit. First, whether each theme serves one.
    let serving: Vec<bool> = (0..Referential::Themes.terms().len())
        .map(|theme| {
            by_theme.iter().any(|fits| {
                fits.get(theme)
                    .copied()
                    .flatten()
                    .is_some_and(|fit| fit.fit() == Fit::Theme)
            })
        })
        .collect();
    let coverage: Vec<u64> = in_force
        .iter()
        .map(|&index| {
            let themes = catalogue.theme_positions(index);
            let count = themes
                .iter()
                .filter(|&&theme| serving.get(usize::from(theme)).copied().unwrap_or(false))
                .count();
            count.min(15) as u64
        })
        .collect();
    // The need each entry is proposed under: the most exact fit, then the
    // need first in the person's order.
    let best: Vec<Option<usize>> = (0..in_force.len())
        .map(|at| {
            let mut best: Option<(Match, usize)> = None;
            for (need, fits) in fits.iter().enumerate() {
                if let Some(fit) = fits[at] {
                    if best.is_none_or(|(best_fit, _)| fit > best_fit) {
                        best = Some((fit, need));
                    }
                }
            }
            best.map(|(_, need)| need)
        })
        .collect();

    let closeness_and_name = catalogue.closeness_and_name(request.locale);
    let needs = request
        .needs
        .iter()
        .enumerate()
        .map(|(n, need)| {
            // Sorted as small values; the proposals are made after.
            let mut ranked: Vec<(u64, u32, Fit, Audience)> = Vec::new();
            let mut see_also: Vec<((bool, usize, u64), Pointer<'c>)> = Vec::new();
            for (at, (&index, evaluation)) in in_force.iter().zip(&evaluations).enumerate() {
                let Some(fit) = fits[n][at].map(Match::fit) else {
                    continue;
                };
                let name = closeness_and_name[index];
                let id = evaluation.entry.id.as_str();
                if evaluation.held || best[at] != Some(n) {
                    let shown_under = best[at].filter(|_| !evaluation.held);
                    if fit == Fit::Theme
                        && (evaluation.held || evaluation.status != Eligibility::Ineligible)
                    {
                        let order = (evaluation.held, shown_under.unwrap_or(0), name);
                        see_also.push((
                            order,
                            Pointer {
                                id,
                                need: shown_under.map(|other| request.needs[other].theme.clone()),
                                held: evaluation.held,
                            },
                        ));
                    }
                    continue;
                }
                let publics = catalogue.publics(index);
                let audience = if publics & person_publics != 0 {
                    Audience::Person
                } else if publics & unknown_publics != 0 {
                    Audience::Unknown
                } else {
                    Audience::Others
                };
                let emergency = catalogue.urgent(index);
                // One number sorts the proposals: ruled out last, then
                // emergency lines, key steps, what is aimed at other
                // publics after the rest; then the fit to the need's theme
                // (or only its category) and to the person's public; then
                // certainty (a right met, then possible on conditions, then undetermined); then proximity
                // (the town's own service before a national one); then how
                // many of its themes serve the person's needs and how many
                // themes in all (a service that helps broadly before a
                // specialised line, for a need as wide as "health"); then
                // the catalogue's order for emergency lines, the name for
                // the others (unique, so no two are equal).
                let closeness = name >> 32;
                let breadth = catalogue.theme_positions(index).len().min(7) as u64;
                let rest = closeness << 39
                    | (15 - coverage[at]) << 35
                    | (7 - breadth) << 32
                    | (name & 0xFFFF_FFFF);
                // Certainty: a right whose encoded conditions are met (or
                // one open to all; met on figures to re-check too, which
                // says "À vérifier" but is still the person's best lead),
                // then one possible on conditions the site cannot check,
                // then one the facts cannot settle yet.
                let on_conditions = Standing::of(evaluation) == Standing::OnConditions;
                let to_ask = evaluation.status == Eligibility::Undetermined && !on_conditions;
                let key = u64::from(evaluation.status == Eligibility::Ineligible) << 48
                    | u64::from(!emergency) << 47
                    | u64::from(!evaluation.key) << 46
                    | u64::from(audience == Audience::Others) << 45
                    | u64::from(fit == Fit::Category) << 44
                    | u64::from(audience == Audience::Unknown) << 43
                    | u64::from(to_ask) << 42
                    | u64::from(on_conditions) << 41
                    | if emergency { at as u64 } else { rest };
                ranked.push((key, at as u32, fit, audience));
            }
            ranked.sort_unstable_by_key(|&(key, ..)| key);
            see_also.sort_unstable_by_key(|(order, _)| *order);
            let proposals: Vec<Proposal<'c>> = ranked
                .into_iter()
                .map(|(_, at, fit, audience)| {
                    let at = at as usize;
                    let evaluation = &evaluations[at];
                    Proposal {
                        id: &evaluation.entry.id,
                        status: evaluation.status,
                        fit,
                        audience,
                        emergency: evaluation.entry.urgent,
                        key: evaluation.key,
                        standing: Standing::of(evaluation),
                        evaluation: at,
                    }
                })
                .collect();
            let ruled_out = proposals
                .iter()
                .filter(|proposal| proposal.status == Eligibility::Ineligible)
                .count();
            let leading = proposals
                .iter()
                .take_while(|proposal| {
                    proposal.status != Eligibility::Ineligible
                        && (proposal.emergency || proposal.key)
                })
                .count();
            // Never first: what is ruled out, aimed at other publics, or
            // serving only another theme of the need's category (debt
            // advice for a person who said they have no income at all).
            let for_the_person = proposals
                .iter()
                .take_while(|proposal| {
                    proposal.status != Eligibility::Ineligible
                        && (proposal.audience != Audience::Others || proposal.emergency)
                        && (proposal.fit == Fit::Theme || proposal.key)
                })
                .count();
            NeedOrientation {
                need: need.clone(),
                shown_first: FIRST_SHOWN.max(leading).min(for_the_person),
                ruled_out,
                proposals,
                see_also: see_also.into_iter().map(|(_, pointer)| pointer).collect(),
            }
        })
        .collect();
    // The emergency lines of the urgent needs only: the 115 for a night
    // outside, not every emergency number of the catalogue.
    let urgent_contacts = (0..in_force.len())
        .filter(|&at| {
            let evaluation = &evaluations[at];
            evaluation.entry.urgent
                && evaluation.status != Eligibility::Ineligible
                && fits.iter().any(|fits| fits[at].is_some())
        })
        .map(|at| evaluations[at].entry.id.as_str())
        .collect();
    let held = evaluations
        .iter()
        .filter(|evaluation| evaluation.held)
        .map(|evaluation| evaluation.entry.id.as_str())
        .collect();
    Ok(Orientation {
        reference_date: request.reference_date,
        urgent_contacts,
        needs,
        held,
        evaluations,
        explanations,
    })
}
