//! The national orientation ("orientation vers un organisme référent"):
//! the indicative pathway (emploi, socio-professionnel, social), the body
//! that would follow the person and the one that decides, from the
//! criteria of the arrêté du 21 novembre 2024 (code du travail art.
//! L. 5411-5-1); and the IAE pre-check ("pré-éligibilité IAE"): which
//! administrative criteria are met, which proofs to bring and for how long
//! they hold, and whether the count a structure needs is reached.
//!
//! Indicative only: the decision belongs to the body the law names
//! ([`NationalOrientation::decides`]). The criteria are data
//! (`data/national-orientation.json`, versioned, each with its source);
//! how they combine is [`national_orientation`]. Every rule, its source
//! and its doubts: `docs/orientation-criteria.md`.

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value as Json;

use crate::base::problem::Problem;
use crate::orientation::messages::NationalMessage;
pub use crate::orientation::pathway::{Organism, Pathway};
use crate::rules::{Condition, Outcome, Status};
use crate::text::{Locale, Parts};
use crate::vocabulary::facts::{FactSet, Facts};

/// The criteria as shipped, minified.
const SHIPPED: &str = data_file!("national-orientation.json");

/// One criterion read, and whether the person meets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The criterion's id in `data/national-orientation.json`.
    pub criterion: &'static str,
    /// `met` or `not_met` (an unknown criterion is in `missing` instead).
    pub status: Status,
}

impl Finding {
    /// Its sentence: `national-criterion-<id>` when met, with `-not` when
    /// not met ("Vous avez travaillé ces 24 derniers mois").
    pub fn parts(&self) -> Parts {
        NationalMessage::Criterion {
            criterion: self.criterion,
            met: self.status != Status::NotMet,
        }
        .parts()
    }
}

/// One administrative criterion of IAE eligibility, as the pre-check finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IaeFinding {
    /// `rsa`, `detld`, `youth`… (`data/national-orientation.json`).
    pub criterion: &'static str,
    /// 1 (one suffices) or 2.
    pub level: u8,
    /// `met`, `not_met` or `unknown`; a criterion no fact can say (a
    /// rural zone, leaving detention, a mobility diagnosis) is `unknown`
    /// with `to_check`.
    pub status: Status,
    /// No question asks it: the prescriber checks it.
    pub to_check: bool,
    /// How recent its proof must be when the PASS IAE is issued, in
    /// months; `None`: a proof valid on that day (an ID, a permit).
    pub proof_months: Option<u8>,
}

impl IaeFinding {
    /// The criterion with its proof and how recent it must be
    /// (`iae-criterion-proof`): "Moins de 26 ans : Pièce d’identité,
    /// valable le jour de l’embauche".
    pub fn proof_line(&self, locale: Locale) -> String {
        let [proof, validity] = self.proof_parts();
        NationalMessage::IaeCriterionProof {
            criterion: self.name_parts().text(locale),
            proof: proof.text(locale),
            validity: validity.text(locale),
        }
        .text(locale)
    }

    /// The criterion's name: `iae-criterion-<id>`.
    pub fn name_parts(&self) -> Parts {
        NationalMessage::IaeCriterion(self.criterion).parts()
    }

    /// The proof to bring, with its validity: `iae-proof-<id>`, and
    /// `iae-proof-within` or `iae-proof-valid`.
    pub fn proof_parts(&self) -> [Parts; 2] {
        let validity = match self.proof_months {
            Some(months) => NationalMessage::IaeProofWithin(months),
            None => NationalMessage::IaeProofValid,
        };
        [
            NationalMessage::IaeProof(self.criterion).parts(),
            validity.parts(),
        ]
    }
}

/// The IAE pre-check: the criteria, and for each kind of structure making
/// the diagnosis itself whether the count it needs is reached. With an
/// authorised prescriber (France Travail, Mission locale, Cap emploi, the
/// département…) no minimum applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IaePrecheck {
    pub criteria: Vec<IaeFinding>,
    /// Atelier et chantier d'insertion, entreprise d'insertion, EITI: one
    /// level-1 criterion or three level-2.
    pub aci_ei_eiti: Status,
    /// Association intermédiaire, entreprise de travail temporaire
    /// d'insertion: one level-1 criterion or two level-2.
    pub ai_etti: Status,
    /// The facts that could settle a criterion still unknown.
    pub missing: FactSet,
}

/// The national orientation of a person, indicative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NationalOrientation {
    /// The version of the criteria (`data/national-orientation.json`).
    pub version: &'static str,
    /// Whether the person is in the orientation's scope: registered or to
    /// be (a jobseeker, without work, in training, on the RSA).
    pub concerned: Status,
    /// The pathway, once the facts settle it.
    pub pathway: Option<Pathway>,
    /// The pathways still possible while it is not settled.
    pub possible: Vec<Pathway>,
    /// Everything is known, and the texts do not choose between the
    /// pathways still possible (no difficulty, but no qualification, or
    /// neither recent work nor a quick return wanted): the adviser
    /// chooses with the person.
    pub undecided: bool,
    /// The body that would follow the person, once settled.
    pub organism: Option<Organism>,
    /// The body that decides the orientation, once settled.
    pub decides: Option<Organism>,
    /// The criteria that gave the pathway and the bodies, in words.
    pub reasons: Vec<Finding>,
    /// The bodies the person may ask to be followed by, and has not
    /// (`national-hint-<organism>`): the Mission locale for a young
    /// person, Cap emploi for the employment obligation.
    pub hints: Vec<Organism>,
    /// The facts that could settle what is not settled yet.
    pub missing: FactSet,
    pub iae: IaePrecheck,
}

impl NationalOrientation {
    /// The statement that goes with it, always: who decides
    /// (`national-decision-<organism>`, or `national-decision` while it is
    /// not known).
    pub fn decision_parts(&self) -> Parts {
        NationalMessage::Decision(self.decides).parts()
    }

    /// The pathway's name (`national-pathway-<name>`), if settled.
    pub fn pathway_parts(&self) -> Option<Parts> {
        self.pathway
            .map(|pathway| NationalMessage::Pathway(pathway).parts())
    }

    /// The bodies the person may ask (`national-hint-<organism>`).
    pub fn hint_parts(&self) -> Vec<Parts> {
        self.hints
            .iter()
            .map(|organism| NationalMessage::Hint(*organism).parts())
            .collect()
    }

    /// The body's name (`national-organism-<name>`), if settled.
    pub fn organism_parts(&self) -> Option<Parts> {
        self.organism
            .map(|organism| NationalMessage::Organism(organism).parts())
    }

    /// The facts whose answer could still change it: what would settle
    /// the pathway and the bodies, and the IAE criteria while the count a
    /// structure needs is not settled. Nothing once the person is known
    /// to be out of its scope (neither a jobseeker, without work, in
    /// training, nor on the RSA). While the scope is not known, they may
    /// still matter: the questionnaire's own questions for it wait for
    /// the scope (`ask_when`), and are counted among those that may come.
    pub fn still_open(&self) -> FactSet {
        if self.concerned == Status::NotMet {
            return FactSet::EMPTY;
        }
        let iae_open =
            self.iae.aci_ei_eiti == Status::Unknown || self.iae.ai_etti == Status::Unknown;
        if iae_open {
            self.missing.union(self.iae.missing)
        } else {
            self.missing
        }
    }

    /// The names of the facts that would settle it, in `locale` ("Niveau
    /// de diplôme"), for a person in its scope.
    pub fn missing_labels(&self, locale: Locale) -> Vec<String> {
        let missing = if self.concerned == Status::Met {
            self.missing
        } else {
            FactSet::EMPTY
        };
        missing
            .iter()
            .map(|fact| crate::rules::sentences::fact_label(fact, locale))
            .collect()
    }

    /// Every sentence of the orientation in `locale`: the pathway, the
    /// body, the reasons, the decision. For an export or a test.
    pub fn sentences(&self, locale: Locale) -> Vec<String> {
        let mut parts: Vec<Parts> = Vec::new();
        if self.undecided {
            parts.push(NationalMessage::Undecided.parts());
        } else if self.pathway.is_none() {
            parts.push(NationalMessage::Unknown.parts());
        }
        parts.extend(self.pathway_parts());
        parts.extend(self.organism_parts());
        parts.extend(self.reasons.iter().map(Finding::parts));
        parts.extend(self.hint_parts());
        parts.push(self.decision_parts());
        parts.into_iter().map(|parts| parts.text(locale)).collect()
    }
}

/// The criteria, read from their file.
#[derive(Debug)]
pub struct NationalRules {
    version: &'static str,
    criteria: Vec<(&'static str, Condition)>,
    iae: Vec<IaeCriterion>,
    required_aci: usize,
    required_ai: usize,
}

#[derive(Debug)]
struct IaeCriterion {
    id: &'static str,
    level: u8,
    proof_months: Option<u8>,
    when: Option<Condition>,
}

impl NationalRules {
    /// The criteria shipped with the library, read once. A problem in
    /// them is a defect of the build (a test reads them); then `None`.
    pub fn shipped() -> Option<&'static NationalRules> {
        static RULES: OnceLock<Option<NationalRules>> = OnceLock::new();
        RULES
            .get_or_init(|| NationalRules::read(SHIPPED).ok())
            .as_ref()
    }

    /// Reads the criteria from the text of `data/national-orientation.json`,
    /// with every problem at once.
    pub fn read(text: &'static str) -> Result<NationalRules, Vec<Problem>> {
        let mut problems = Vec::new();
        let document: Json = serde_json::from_str(text)
            .map_err(|error| vec![Problem::new("not_json", "$", error.to_string())])?;
        let str_at = |value: &Json, key: &str| -> Option<&'static str> {
            value.get(key).and_then(Json::as_str).map(leak)
        };
        let version = str_at(&document, "version").unwrap_or("");
        let mut criteria = Vec::new();
        for (at, criterion) in array(&document, "criteria").iter().enumerate() {
            let path = format!("$.criteria[{at}]");
            let (Some(id), Some(when)) = (str_at(criterion, "id"), criterion.get("when")) else {
                problems.push(Problem::new(
                    "missing_field",
                    &path,
                    "A criterion needs an id and a rule (when).",
                ));
                continue;
            };
            if let Some(condition) = Condition::parse(when, &format!("{path}.when"), &mut problems)
            {
                criteria.push((id, condition));
            }
        }
        let iae_part = document.get("iae").unwrap_or(&Json::Null);
        let mut iae = Vec::new();
        for (at, criterion) in array(iae_part, "criteria").iter().enumerate() {
            let path = format!("$.iae.criteria[{at}]");
            let (Some(id), Some(level)) = (
                str_at(criterion, "id"),
                criterion.get("level").and_then(Json::as_u64),
            ) else {
                problems.push(Problem::new(
                    "missing_field",
                    &path,
                    "An IAE criterion needs an id and a level.",
                ));
                continue;
            };
            let when = criterion
                .get("when")
                .and_then(|when| Condition::parse(when, &format!("{path}.when"), &mut problems));
            iae.push(IaeCriterion {
                id,
                level: u8::try_from(level).unwrap_or(2),
                proof_months: criterion
                    .get("proof_months")
                    .and_then(Json::as_u64)
                    .and_then(|months| u8::try_from(months).ok()),
                when,
            });
        }
        let required = |kind: &str| {
            iae_part
                .get("level2_required")
                .and_then(|required| required.get(kind))
                .and_then(Json::as_u64)
                .map_or(usize::MAX, |count| count as usize)
        };
        let rules = NationalRules {
            version,
            criteria,
            iae,
            required_aci: required("aci_ei_eiti"),
            required_ai: required("ai_etti"),
        };
        for id in CRITERIA {
            if rules.criterion(id).is_none() {
                problems.push(Problem::new(
                    "missing_criterion",
                    "$.criteria",
                    format!("The criterion \"{id}\" is missing."),
                ));
            }
        }
        if problems.is_empty() {
            Ok(rules)
        } else {
            Err(problems)
        }
    }

    /// The version of the criteria.
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// The criteria a reason may name, by id (every one but the scope).
    pub fn said_criteria() -> &'static [&'static str] {
        &CRITERIA[1..]
    }

    /// The IAE criteria, by id, in their order.
    pub fn iae_criteria(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iae.iter().map(|criterion| criterion.id)
    }

    fn criterion(&self, id: &str) -> Option<&Condition> {
        self.criteria
            .iter()
            .find(|(criterion, _)| *criterion == id)
            .map(|(_, condition)| condition)
    }
}

/// The criteria the orientation reads, by id.
const CRITERIA: [&str; 12] = [
    "concerned",
    "rsa",
    "young",
    "employment_obligation",
    "asks_mission_locale",
    "asks_cap_emploi",
    "recent_activity",
    "cannot_engage_now",
    "qualified",
    "quick_return",
    "strong_difficulty",
    "difficulty_with_impact",
];

/// A text of the shipped file, kept for the program's life (the file is
/// read once).
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn array<'a>(value: &'a Json, key: &str) -> &'a [Json] {
    value
        .get(key)
        .and_then(Json::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The criteria read for one person: each outcome once.
struct Reading<'r> {
    rules: &'r NationalRules,
    facts: &'r Facts,
}

impl Reading<'_> {
    fn outcome(&self, id: &str) -> Outcome {
        self.rules
            .criterion(id)
            .map_or(Outcome::NotMet, |condition| condition.evaluate(self.facts))
    }

    fn finding(&self, id: &'static str) -> Option<Finding> {
        match self.outcome(id) {
            Outcome::Met => Some(Finding {
                criterion: id,
                status: Status::Met,
            }),
            Outcome::NotMet => Some(Finding {
                criterion: id,
                status: Status::NotMet,
            }),
            Outcome::Unknown(_) => None,
        }
    }
}

/// The first of `rules` met, in three-valued logic: settled only when
/// every rule before it is not met; else the values still possible (each
/// rule not ruled out, up to the first met), and what could settle them.
fn first_met<T: Copy + PartialEq>(rules: &[(Outcome, T)]) -> (Option<T>, Vec<T>, FactSet) {
    let mut possible = Vec::new();
    let mut missing = FactSet::EMPTY;
    for (outcome, value) in rules {
        match outcome {
            Outcome::NotMet => {}
            Outcome::Met => {
                if !possible.contains(value) {
                    possible.push(*value);
                }
                let settled = (possible.len() == 1).then_some(*value);
                return (
                    settled,
                    if settled.is_some() {
                        Vec::new()
                    } else {
                        possible
                    },
                    missing,
                );
            }
            Outcome::Unknown(facts) => {
                missing = missing.union(*facts);
                if !possible.contains(value) {
                    possible.push(*value);
                }
            }
        }
    }
    let settled = (possible.len() == 1 && missing.is_empty()).then(|| possible[0]);
    (settled, possible, missing)
}

/// The indicative national orientation and IAE pre-check of a person
/// (`facts` resolved at the reference date: their age derived).
///
/// The pathway, as the référentiel's criteria give it (each rule and its
/// doubts: `docs/orientation-criteria.md`):
/// - social: no work now nor in the last 24 months, and a difficulty
///   that stops the person looking for work for now (impact fort), or
///   no job the person can consider for now;
/// - else socio-professionnel: a difficulty with an impact on looking
///   for or holding a job (fort or modéré);
/// - else emploi: a qualification, and work in the last 24 months or a
///   quick return wanted;
/// - else the texts read do not choose (`undecided`).
///
/// Who decides: the président du conseil départemental for the RSA, the
/// Mission locale for a young person of 16 to 25 who asks it (followed by
/// it already), Cap emploi for a beneficiary of the employment obligation
/// who asks it, France Travail otherwise.
/// Who follows: the département for the social pathway; else the
/// Mission locale or Cap emploi when they decide, the département for
/// the RSA in the socio-professional pathway, France Travail otherwise.
pub fn national_orientation(rules: &NationalRules, facts: &Facts) -> NationalOrientation {
    let reading = Reading { rules, facts };
    let o = |id| reading.outcome(id);
    let concerned = o("concerned");
    let recent = o("recent_activity");
    let social = Outcome::and([
        !recent,
        Outcome::or([o("strong_difficulty"), o("cannot_engage_now")]),
    ]);
    let employment = Outcome::and([o("qualified"), Outcome::or([recent, o("quick_return")])]);
    let (pathway, mut possible, pathway_missing) = first_met(&[
        (social, Pathway::Social),
        (o("difficulty_with_impact"), Pathway::SocioProfessional),
        (employment, Pathway::Employment),
    ]);
    // No difficulty, and no qualification or neither recent work nor a
    // quick return wanted: the texts read do not choose.
    let undecided = pathway.is_none() && possible.is_empty();
    if undecided {
        possible = vec![Pathway::Employment, Pathway::SocioProfessional];
    }
    let mission_locale = Outcome::and([o("young"), o("asks_mission_locale")]);
    let cap_emploi = Outcome::and([o("employment_obligation"), o("asks_cap_emploi")]);
    let (decides, _, decides_missing) = first_met(&[
        (o("rsa"), Organism::Departement),
        (mission_locale, Organism::MissionLocale),
        (cap_emploi, Organism::CapEmploi),
        (Outcome::Met, Organism::FranceTravail),
    ]);
    // The body that follows, for each pathway still possible: settled
    // when they all give the same.
    let follows = |pathway: Pathway| {
        let socio = pathway == Pathway::SocioProfessional;
        first_met(&[
            (
                Outcome::of(pathway == Pathway::Social),
                Organism::Departement,
            ),
            (mission_locale, Organism::MissionLocale),
            (cap_emploi, Organism::CapEmploi),
            (
                Outcome::and([Outcome::of(socio), o("rsa")]),
                Organism::Departement,
            ),
            (Outcome::Met, Organism::FranceTravail),
        ])
    };
    let candidates: Vec<Pathway> = pathway.map_or(possible.clone(), |pathway| vec![pathway]);
    let mut organism = None;
    let mut organism_missing = FactSet::EMPTY;
    for (at, candidate) in candidates.iter().enumerate() {
        let (body, _, missing) = follows(*candidate);
        organism_missing = organism_missing.union(missing);
        organism = match (at, organism, body) {
            (0, _, body) => body,
            (_, Some(before), Some(body)) if before == body => Some(body),
            _ => None,
        };
        if organism.is_none() {
            break;
        }
    }
    let mut reasons = Vec::new();
    let mut add = |id| {
        if let Some(finding) = reading.finding(id) {
            if !reasons.contains(&finding) {
                reasons.push(finding);
            }
        }
    };
    match pathway {
        Some(Pathway::Social) => {
            add("recent_activity");
            for id in ["strong_difficulty", "cannot_engage_now"] {
                if o(id) == Outcome::Met {
                    add(id);
                }
            }
        }
        Some(Pathway::Employment) => {
            add("difficulty_with_impact");
            add("qualified");
            if recent == Outcome::Met {
                add("recent_activity");
            } else {
                add("quick_return");
            }
        }
        Some(Pathway::SocioProfessional) => add("difficulty_with_impact"),
        None if undecided => {
            add("difficulty_with_impact");
            add("qualified");
            add("recent_activity");
            add("quick_return");
        }
        None => {}
    }
    match decides {
        Some(Organism::Departement) => add("rsa"),
        Some(Organism::MissionLocale) => {
            add("young");
            add("asks_mission_locale");
        }
        Some(Organism::CapEmploi) => {
            add("employment_obligation");
            add("asks_cap_emploi");
        }
        _ => {}
    }
    // Who could be asked, and is not yet: the Mission locale for the
    // young, Cap emploi for the employment obligation.
    let mut hints = Vec::new();
    if decides != Some(Organism::MissionLocale) && o("young") == Outcome::Met {
        hints.push(Organism::MissionLocale);
    }
    if decides != Some(Organism::CapEmploi) && o("employment_obligation") == Outcome::Met {
        hints.push(Organism::CapEmploi);
    }
    let iae = iae_precheck(rules, &reading);
    let mut missing = with_sources(
        pathway_missing
            .union(decides_missing)
            .union(organism_missing),
    );
    if concerned == Outcome::NotMet {
        missing = FactSet::EMPTY;
    }
    NationalOrientation {
        version: rules.version,
        concerned: concerned.status(),
        pathway,
        possible,
        undecided,
        organism,
        decides,
        reasons,
        hints,
        missing,
        iae,
    }
}

/// [`national_orientation`] with the shipped criteria, of `facts` as
/// given (resolved here at `reference_date`: their age, their recent
/// work). `None` if the shipped criteria could not be read (a defect of
/// the build, which a test rules out).
pub fn national_orientation_at(
    facts: &Facts,
    reference_date: crate::base::date::Date,
) -> Result<Option<NationalOrientation>, Problem> {
    let resolved = facts.resolve(reference_date)?;
    Ok(NationalRules::shipped().map(|rules| national_orientation(rules, &resolved)))
}

/// `missing` and the facts they are derived from: whether one worked in
/// the last 24 months is also told by how long one has been out of work.
fn with_sources(missing: FactSet) -> FactSet {
    crate::vocabulary::facts::Fact::ALL
        .into_iter()
        .filter(|fact| {
            fact.and_derived()
                .iter()
                .any(|derived| missing.contains(derived))
        })
        .fold(missing, |all, fact| all.union(FactSet::of(fact)))
}

/// The IAE pre-check: each criterion's outcome, and the counts.
fn iae_precheck(rules: &NationalRules, reading: &Reading) -> IaePrecheck {
    let mut criteria = Vec::new();
    let mut missing = FactSet::EMPTY;
    for criterion in &rules.iae {
        let outcome = criterion
            .when
            .as_ref()
            .map_or(Outcome::Unknown(FactSet::EMPTY), |when| {
                when.evaluate(reading.facts)
            });
        missing = missing.union(with_sources(outcome.missing()));
        criteria.push(IaeFinding {
            criterion: criterion.id,
            level: criterion.level,
            status: outcome.status(),
            to_check: criterion.when.is_none(),
            proof_months: criterion.proof_months,
        });
    }
    let count = |level: u8, status: Status| {
        criteria
            .iter()
            .filter(|finding| finding.level == level && finding.status == status)
            .count()
    };
    let level1_met = count(1, Status::Met) > 0;
    let level1_possible = count(1, Status::Unknown) > 0;
    let met = count(2, Status::Met);
    let possible = met + count(2, Status::Unknown);
    let reached = |required: usize| {
        if level1_met || met >= required {
            Status::Met
        } else if level1_possible || possible >= required {
            Status::Unknown
        } else {
            Status::NotMet
        }
    };
    IaePrecheck {
        aci_ei_eiti: reached(rules.required_aci),
        ai_etti: reached(rules.required_ai),
        criteria,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orientation(facts: &str) -> NationalOrientation {
        let rules = NationalRules::shipped().expect("the shipped criteria read");
        let facts = Facts::from_json(facts)
            .expect("facts")
            .resolve(crate::base::date::Date::new(2026, 12, 5).expect("date"))
            .expect("resolved");
        national_orientation(rules, &facts)
    }

    #[test]
    fn the_shipped_criteria_read_without_problem() {
        if let Err(problems) = NationalRules::read(SHIPPED) {
            panic!("{problems:?}");
        }
    }

    #[test]
    fn an_unknown_pathway_names_what_would_settle_it() {
        let found = orientation(r#"{"employment_status": "jobseeker", "age": 40}"#);
        assert_eq!(found.pathway, None);
        assert!(found.possible.contains(&Pathway::Social));
        let names: Vec<&str> = found.missing.iter().map(|fact| fact.name()).collect();
        assert!(names.contains(&"unemployment_months"), "{names:?}");
        assert_eq!(found.decides, None, "the RSA is not known");
    }

    #[test]
    fn without_difficulty_nor_qualification_the_texts_do_not_choose_and_say_so() {
        let found = orientation(
            r#"{"employment_status": "jobseeker", "age": 40, "benefits": [], "unemployment_months": 6,
                "qualification_level": 2, "aspiration": "quick_return", "support_in_progress": [],
                "rqth": false, "disability": [],
                "difficulty_health": "none", "difficulty_housing": "none", "difficulty_mobility": "none",
                "difficulty_family": "none", "difficulty_money": "none", "difficulty_admin": "none",
                "difficulty_language": "none", "difficulty_digital": "none"}"#,
        );
        assert_eq!(found.pathway, None);
        assert!(found.undecided);
        assert!(found.missing.is_empty(), "{:?}", found.missing);
        assert_eq!(
            found.possible,
            [Pathway::Employment, Pathway::SocioProfessional]
        );
        assert_eq!(found.organism, Some(Organism::FranceTravail));
        let sentences = found.sentences(Locale::Fr);
        assert!(sentences[0].contains("ne choisissent pas"), "{sentences:?}");
    }

    #[test]
    fn not_having_worked_in_two_years_is_enough_without_knowing_for_how_long() {
        // As the questionnaire asks it: a yes or no, no months.
        let found = orientation(
            r#"{"employment_status": "inactive", "age": 41, "benefits": ["rsa"],
                "worked_last_24_months": false, "aspiration": "not_now", "difficulty_health": "strong"}"#,
        );
        assert_eq!(found.pathway, Some(Pathway::Social), "{:?}", found.missing);
        let worked = orientation(
            r#"{"employment_status": "jobseeker", "age": 30, "worked_last_24_months": true,
                "qualification_level": 4, "difficulty_health": "none", "difficulty_housing": "none",
                "difficulty_mobility": "none", "difficulty_family": "none", "difficulty_money": "none",
                "difficulty_admin": "none", "difficulty_language": "none", "difficulty_digital": "none"}"#,
        );
        assert_eq!(
            worked.pathway,
            Some(Pathway::Employment),
            "{:?}",
            worked.missing
        );
    }

    #[test]
    fn a_settled_pathway_says_why_in_words() {
        let found = orientation(
            r#"{"employment_status": "inactive", "age": 41, "benefits": ["rsa"], "unemployment_months": 60,
                "difficulty_health": "strong"}"#,
        );
        assert_eq!(found.pathway, Some(Pathway::Social));
        assert_eq!(found.organism, Some(Organism::Departement));
        assert_eq!(found.decides, Some(Organism::Departement));
        let sentences = found.sentences(Locale::Fr);
        assert!(
            sentences
                .iter()
                .all(|sentence| !sentence.contains("national-")),
            "{sentences:?}"
        );
    }
}
