//! Facts: what is known about a person, as typed values.
//!
//! The public vocabulary is documented in `docs/facts.md`. A fact that is
//! not known is absent from [`Facts`]: never a default value.

use std::collections::BTreeSet;
use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value as Json;

use crate::base::date::Date;
use crate::base::problem::Problem;
use crate::vocabulary::geo;

/// The name of a fact. In JSON, its snake_case name (`birth_date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    BirthDate,
    Age,
    PostalCode,
    Commune,
    Department,
    Region,
    EmploymentStatus,
    RegisteredJobseeker,
    UnemploymentMonths,
    Benefits,
    Rqth,
    QualificationLevel,
    InEducation,
    Nationality,
    ResidencePermitWork,
    FirstResidencePermitYears,
    Housing,
    ChildrenCount,
    SingleParent,
    YoungestChildAge,
    DrivingLicence,
    Vehicle,
    MonthlyResources,
    FrenchLevel,
    DigitalAutonomy,
    LivesInQpv,
    SupportInProgress,
    Couple,
    HouseholdSize,
    Disability,
    ResidenceStatus,
    MonthsInFrance,
    Pregnant,
    WorkIncome,
    Aspiration,
    RegisteredDuration,
    #[serde(rename = "worked_last_24_months")]
    WorkedLast24Months,
    LeftChildWelfare,
    DifficultyHealth,
    DifficultyHousing,
    DifficultyMobility,
    DifficultyFamily,
    DifficultyMoney,
    DifficultyAdmin,
    DifficultyLanguage,
    DifficultyDigital,
}

/// The type of a fact's value, with its allowed values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactType {
    /// `true` or `false`.
    Boolean,
    /// A whole number within bounds (both included).
    Integer { min: i64, max: i64 },
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One value among these.
    OneOf(&'static [&'static str]),
    /// A set of values among these.
    SetOf(&'static [&'static str]),
    /// A code checked by a function of [`geo`].
    Code(CodeKind),
}

/// The kinds of geographic codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    PostalCode,
    Commune,
    Department,
    Region,
}

impl CodeKind {
    fn accepts(self, code: &str) -> bool {
        match self {
            CodeKind::PostalCode => geo::is_postal_code(code),
            CodeKind::Commune => geo::is_commune_code(code),
            CodeKind::Department => geo::is_department(code),
            CodeKind::Region => geo::is_region(code),
        }
    }
}

impl Fact {
    /// Every fact, in the order of `docs/facts.md`.
    pub const ALL: [Fact; 46] = [
        Fact::BirthDate,
        Fact::Age,
        Fact::PostalCode,
        Fact::Commune,
        Fact::Department,
        Fact::Region,
        Fact::EmploymentStatus,
        Fact::RegisteredJobseeker,
        Fact::UnemploymentMonths,
        Fact::Benefits,
        Fact::Rqth,
        Fact::QualificationLevel,
        Fact::InEducation,
        Fact::Nationality,
        Fact::ResidencePermitWork,
        Fact::FirstResidencePermitYears,
        Fact::Housing,
        Fact::ChildrenCount,
        Fact::SingleParent,
        Fact::YoungestChildAge,
        Fact::DrivingLicence,
        Fact::Vehicle,
        Fact::MonthlyResources,
        Fact::FrenchLevel,
        Fact::DigitalAutonomy,
        Fact::LivesInQpv,
        Fact::SupportInProgress,
        Fact::Couple,
        Fact::HouseholdSize,
        Fact::Disability,
        Fact::ResidenceStatus,
        Fact::MonthsInFrance,
        Fact::Pregnant,
        Fact::WorkIncome,
        Fact::Aspiration,
        Fact::RegisteredDuration,
        Fact::WorkedLast24Months,
        Fact::LeftChildWelfare,
        Fact::DifficultyHealth,
        Fact::DifficultyHousing,
        Fact::DifficultyMobility,
        Fact::DifficultyFamily,
        Fact::DifficultyMoney,
        Fact::DifficultyAdmin,
        Fact::DifficultyLanguage,
        Fact::DifficultyDigital,
    ];

    /// The difficulties rated on the national scale of their impact on
    /// looking for or holding a job ("impact fort", "impact modéré",
    /// "sans impact"; arrêté du 21 novembre 2024), one per life domain of
    /// the questionnaire.
    pub const DIFFICULTIES: [Fact; 8] = [
        Fact::DifficultyHealth,
        Fact::DifficultyHousing,
        Fact::DifficultyMobility,
        Fact::DifficultyFamily,
        Fact::DifficultyMoney,
        Fact::DifficultyAdmin,
        Fact::DifficultyLanguage,
        Fact::DifficultyDigital,
    ];

    /// The key of its name in the explanations' translation files
    /// (`fact-age`); a yes/no fact's phrases add `-required`,
    /// `-required-not`, `-person-yes` and `-person-no` to it.
    pub fn key(self) -> String {
        format!("fact-{}", self.name())
    }

    /// The key of the label of one of its values: `value-housing-tenant`.
    pub fn value_key(self, value: &str) -> String {
        format!("value-{}-{value}", self.name())
    }

    /// The key of the person's value as the second half of a sentence:
    /// `person-housing-tenant` ("vous êtes locataire").
    pub fn person_key(self, value: &str) -> String {
        format!("person-{}-{value}", self.name())
    }

    /// The snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Fact::BirthDate => "birth_date",
            Fact::Age => "age",
            Fact::PostalCode => "postal_code",
            Fact::Commune => "commune",
            Fact::Department => "department",
            Fact::Region => "region",
            Fact::EmploymentStatus => "employment_status",
            Fact::RegisteredJobseeker => "registered_jobseeker",
            Fact::UnemploymentMonths => "unemployment_months",
            Fact::Benefits => "benefits",
            Fact::Rqth => "rqth",
            Fact::QualificationLevel => "qualification_level",
            Fact::InEducation => "in_education",
            Fact::Nationality => "nationality",
            Fact::ResidencePermitWork => "residence_permit_work",
            Fact::FirstResidencePermitYears => "first_residence_permit_years",
            Fact::Housing => "housing",
            Fact::ChildrenCount => "children_count",
            Fact::SingleParent => "single_parent",
            Fact::YoungestChildAge => "youngest_child_age",
            Fact::DrivingLicence => "driving_licence",
            Fact::Vehicle => "vehicle",
            Fact::MonthlyResources => "monthly_resources",
            Fact::FrenchLevel => "french_level",
            Fact::DigitalAutonomy => "digital_autonomy",
            Fact::LivesInQpv => "lives_in_qpv",
            Fact::SupportInProgress => "support_in_progress",
            Fact::Couple => "couple",
            Fact::HouseholdSize => "household_size",
            Fact::Disability => "disability",
            Fact::ResidenceStatus => "residence_status",
            Fact::MonthsInFrance => "months_in_france",
            Fact::Pregnant => "pregnant",
            Fact::WorkIncome => "work_income",
            Fact::Aspiration => "aspiration",
            Fact::RegisteredDuration => "registered_duration",
            Fact::WorkedLast24Months => "worked_last_24_months",
            Fact::LeftChildWelfare => "left_child_welfare",
            Fact::DifficultyHealth => "difficulty_health",
            Fact::DifficultyHousing => "difficulty_housing",
            Fact::DifficultyMobility => "difficulty_mobility",
            Fact::DifficultyFamily => "difficulty_family",
            Fact::DifficultyMoney => "difficulty_money",
            Fact::DifficultyAdmin => "difficulty_admin",
            Fact::DifficultyLanguage => "difficulty_language",
            Fact::DifficultyDigital => "difficulty_digital",
        }
    }

    /// The fact with this snake_case name.
    ///
    /// ```
    /// use passerelle_core::facts::Fact;
    /// assert_eq!(Fact::from_name("rqth"), Some(Fact::Rqth));
    /// assert_eq!(Fact::from_name("RQTH"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Fact> {
        Fact::ALL.into_iter().find(|fact| fact.name() == name)
    }

    /// The type of its values.
    /// The fact and the facts derived from it (`docs/facts.md`): a birth
    /// date gives the age, a postal code or commune the department and
    /// region, a department the region, living as a couple and the
    /// children the household's size and whether one raises them alone,
    /// the ground of stay whether one may work.
    pub(crate) fn and_derived(self) -> FactSet {
        let derived: &[Fact] = match self {
            Fact::BirthDate => &[Fact::Age],
            Fact::PostalCode | Fact::Commune => &[Fact::Department, Fact::Region],
            Fact::Department => &[Fact::Region],
            Fact::Couple | Fact::ChildrenCount => &[Fact::HouseholdSize, Fact::SingleParent],
            Fact::ResidenceStatus => &[Fact::ResidencePermitWork],
            Fact::EmploymentStatus | Fact::UnemploymentMonths => &[Fact::WorkedLast24Months],
            _ => &[],
        };
        derived.iter().fold(FactSet::of(self), |facts, derived| {
            facts.union(FactSet::of(*derived))
        })
    }

    pub fn value_type(self) -> FactType {
        use FactType::*;
        match self {
            Fact::BirthDate => Date,
            Fact::Age => Integer {
                min: 0,
                max: OLDEST_AGE as i64,
            },
            Fact::PostalCode => Code(CodeKind::PostalCode),
            Fact::Commune => Code(CodeKind::Commune),
            Fact::Department => Code(CodeKind::Department),
            Fact::Region => Code(CodeKind::Region),
            Fact::EmploymentStatus => OneOf(&[
                "employed",
                "jobseeker",
                "student",
                "in_training",
                "apprentice",
                "self_employed",
                "inactive",
                "retired",
            ]),
            Fact::UnemploymentMonths => Integer { min: 0, max: 600 },
            // Benefits received ("prestations"): France Travail's, the
            // CAF's and MSA's, the département's and the State's.
            Fact::Benefits => SetOf(&[
                "rsa",
                "ass",
                "aah",
                "are",
                "prime_activite",
                "asf",
                "allocations_familiales",
                "paje",
                "apl",
                "ars",
                "aspa",
                "pch",
                "ada",
                "c2s",
            ]),
            Fact::QualificationLevel => Integer { min: 0, max: 8 },
            Fact::Nationality => OneOf(&["french", "eu", "non_eu"]),
            Fact::FirstResidencePermitYears => Integer { min: 0, max: 100 },
            Fact::Housing => OneOf(&[
                "owner",
                "tenant",
                "hosted",
                "emergency_shelter",
                "homeless",
                "other",
            ]),
            Fact::ChildrenCount | Fact::YoungestChildAge => Integer { min: 0, max: 30 },
            Fact::MonthlyResources => Integer {
                min: 0,
                max: 1_000_000,
            },
            Fact::FrenchLevel => OneOf(&["fluent", "basic", "none"]),
            Fact::DigitalAutonomy => OneOf(&["autonomous", "needs_help", "no_access"]),
            // Follow-ups in progress ("accompagnements en cours"), by who
            // follows the person: docs/facts.md.
            Fact::SupportInProgress => SetOf(&[
                "france_travail",
                "mission_locale",
                "cej",
                "cap_emploi",
                "plie",
                "rsa_referent",
                "social_worker",
                "siao",
            ]),
            Fact::HouseholdSize => Integer { min: 1, max: 20 },
            // A disability or health condition recognised or felt, beyond
            // the RQTH (`rqth`) and the AAH (`benefits`).
            Fact::Disability => {
                SetOf(&["cmi_invalidite", "invalidity_pension", "health_limits_work"])
            }
            // For a national of a country outside the EU, EEA and
            // Switzerland: on what ground they stay in France.
            Fact::ResidenceStatus => OneOf(&[
                "residence_permit",
                "refugee",
                "subsidiary_protection",
                "temporary_protection",
                "asylum_seeker",
                "no_permit",
            ]),
            Fact::MonthsInFrance => Integer { min: 0, max: 1_200 },
            // What the person wants for work: the "aspirations" of the
            // national orientation criteria.
            Fact::Aspiration => OneOf(&["quick_return", "project_to_build", "not_now"]),
            // How long registered at France Travail, in the bands the IAE
            // criteria read (DELD: 12 to 24 months; DETLD: 24 or more).
            Fact::RegisteredDuration => {
                OneOf(&["under_12_months", "12_to_23_months", "24_months_or_more"])
            }
            Fact::DifficultyHealth
            | Fact::DifficultyHousing
            | Fact::DifficultyMobility
            | Fact::DifficultyFamily
            | Fact::DifficultyMoney
            | Fact::DifficultyAdmin
            | Fact::DifficultyLanguage
            | Fact::DifficultyDigital => OneOf(&["strong", "moderate", "none"]),
            Fact::WorkIncome => Integer {
                min: 0,
                max: 1_000_000,
            },
            Fact::RegisteredJobseeker
            | Fact::Couple
            | Fact::Pregnant
            | Fact::Rqth
            | Fact::InEducation
            | Fact::ResidencePermitWork
            | Fact::SingleParent
            | Fact::DrivingLicence
            | Fact::Vehicle
            | Fact::LivesInQpv
            | Fact::LeftChildWelfare
            | Fact::WorkedLast24Months => Boolean,
        }
    }
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of one fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Boolean(bool),
    Integer(i64),
    Date(Date),
    /// A one-of value or a code.
    Text(String),
    Set(BTreeSet<String>),
}

/// What is known about a person: a value for each known fact.
///
/// ```
/// use passerelle_core::facts::{Fact, Facts, Value};
/// let facts = Facts::from_json(r#"{"age": 19, "postal_code": "93200", "benefits": []}"#).unwrap();
/// assert_eq!(facts.get(Fact::Age), Some(&Value::Integer(19)));
/// assert_eq!(facts.get(Fact::Rqth), None); // unknown, not false
///
/// let error = Facts::from_json(r#"{"age": "19", "colour": "blue"}"#).unwrap_err();
/// let codes: Vec<_> = error.iter().map(|p| (p.code, p.path.as_str())).collect();
/// assert_eq!(codes, [("wrong_type", "$.age"), ("unknown_fact", "$.colour")]);
/// ```
///
/// A value per fact, indexed by the fact: reading one is a single array
/// access, which matters when 10,000 rules read them. Beside each value,
/// its compact form for rules: yes/no as bit 1 or bit 0, a one-of value or a set as bits of the
/// values' positions in the fact's allowed values, a department or region
/// as its position in [`geo::DEPARTMENTS`] or [`geo::REGIONS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    values: [Option<Value>; Fact::ALL.len()],
    compact: [u32; Fact::ALL.len()],
}

impl Default for Facts {
    fn default() -> Facts {
        Facts {
            values: [const { None }; Fact::ALL.len()],
            compact: [0; Fact::ALL.len()],
        }
    }
}

impl Facts {
    /// No fact known.
    pub fn new() -> Facts {
        Facts::default()
    }

    /// The value of `fact`, if known.
    #[inline]
    pub fn get(&self, fact: Fact) -> Option<&Value> {
        self.values[fact as usize].as_ref()
    }

    /// The compact form of a known fact's value (see [`Facts`]); `None`
    /// when the fact is unknown.
    #[inline]
    pub(crate) fn compact(&self, fact: Fact) -> Option<u32> {
        self.values[fact as usize]
            .is_some()
            .then(|| self.compact[fact as usize])
    }

    /// Sets or forgets a fact with a checked value, and its compact form.
    pub(crate) fn put(&mut self, fact: Fact, value: Option<Value>) {
        let position = |code: &str, codes: fn(&str) -> Option<usize>| {
            codes(code).map_or(0, |position| position as u32)
        };
        self.compact[fact as usize] = match (fact.value_type(), &value) {
            (FactType::Boolean, Some(Value::Boolean(value))) => 1 << u32::from(*value),
            (FactType::OneOf(_), Some(Value::Text(text))) => bits_of(fact, [text.as_str()]),
            (FactType::SetOf(_), Some(Value::Set(set))) => {
                bits_of(fact, set.iter().map(String::as_str))
            }
            (FactType::Code(CodeKind::Department), Some(Value::Text(code))) => {
                position(code, geo::department_position)
            }
            (FactType::Code(CodeKind::Region), Some(Value::Text(code))) => {
                position(code, geo::region_position)
            }
            _ => 0,
        };
        self.values[fact as usize] = value;
    }

    /// Every known fact and its value, in the order of [`Fact::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Fact, &Value)> {
        Fact::ALL
            .into_iter()
            .zip(&self.values)
            .filter_map(|(fact, value)| Some((fact, value.as_ref()?)))
    }

    /// Sets a fact, checking its value. On error nothing changes.
    pub fn set(&mut self, fact: Fact, value: &Json) -> Result<(), Problem> {
        let value = check_value(fact, value, &format!("$.{}", fact.name()))?;
        self.put(fact, Some(value));
        Ok(())
    }

    /// These facts, placed in `territory` (a department code, `"93"`, or a
    /// commune's INSEE code, `"93066"`) when they say nothing of where the
    /// person lives (no postal code, commune, department or region): what a
    /// site serving one territory presets. Facts that say where the person
    /// lives are kept as they are. A code that is neither is refused with
    /// `invalid_territory`.
    ///
    /// ```
    /// use passerelle_core::facts::{Fact, Facts, Value};
    ///
    /// let facts = Facts::from_json(r#"{"age": 30}"#).unwrap();
    /// let placed = facts.in_territory("93066").unwrap();
    /// assert_eq!(placed.get(Fact::Commune), Some(&Value::Text("93066".into())));
    ///
    /// let lyon = Facts::from_json(r#"{"postal_code": "69003"}"#).unwrap();
    /// assert_eq!(lyon.in_territory("93").unwrap(), lyon);
    /// assert_eq!(facts.in_territory("Paris").unwrap_err().code, "invalid_territory");
    /// ```
    pub fn in_territory(&self, territory: &str) -> Result<Facts, Problem> {
        let fact = if geo::is_department(territory) {
            Fact::Department
        } else if geo::is_commune_code(territory) {
            Fact::Commune
        } else {
            return Err(Problem::new(
                "invalid_territory",
                "$.territory",
                format!(
                    "\"{}\" is not a department code (\"93\") or a commune's INSEE code (\"93066\").",
                    territory.chars().take(20).collect::<String>()
                ),
            ));
        };
        let placed = [
            Fact::PostalCode,
            Fact::Commune,
            Fact::Department,
            Fact::Region,
        ]
        .iter()
        .any(|&fact| self.get(fact).is_some());
        let mut facts = self.clone();
        if !placed {
            facts.set(fact, &Json::String(territory.to_owned()))?;
        }
        Ok(facts)
    }

    /// Forgets a fact.
    pub fn remove(&mut self, fact: Fact) {
        self.put(fact, None);
    }

    /// Reads facts from a JSON object (see `docs/facts.md`), reporting
    /// every problem at once. `null` is read as absent.
    pub fn from_json(json: &str) -> Result<Facts, Vec<Problem>> {
        let value: Json =
            crate::base::json::parse_document(json).map_err(|problem| vec![problem])?;
        Facts::from_value(&value, "$")
    }

    /// Reads facts from a parsed JSON object at `path`.
    pub fn from_value(value: &Json, path: &str) -> Result<Facts, Vec<Problem>> {
        crate::base::limits::check_value(value, path).map_err(|problem| vec![problem])?;
        let Json::Object(map) = value else {
            return Err(vec![Problem::new(
                "wrong_type",
                path,
                "Facts must be a JSON object: {\"age\": 19, …}.",
            )]);
        };
        let mut facts = Facts::new();
        let mut problems = Vec::new();
        for (name, value) in map {
            let fact_path = format!("{path}.{name}");
            let Some(fact) = Fact::from_name(name) else {
                problems.push(Problem::new(
                    "unknown_fact",
                    &fact_path,
                    format!("\"{name}\" is not a fact name; see docs/facts.md."),
                ));
                continue;
            };
            if value.is_null() {
                continue;
            }
            match check_value(fact, value, &fact_path) {
                Ok(value) => facts.put(fact, Some(value)),
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            Ok(facts)
        } else {
            Err(problems)
        }
    }

    /// The facts with the commune worked out from the postal code, when
    /// the commune is not given and `communes` knows that the postal code
    /// serves one commune only (see `docs/facts.md`, "Derived facts"); the
    /// department and region then follow from the commune, which is right
    /// even for the few postal codes that serve communes across a
    /// department boundary.
    ///
    /// ```
    /// use passerelle_core::communes::Communes;
    /// use passerelle_core::facts::{Fact, Facts, Value};
    ///
    /// let communes = Communes::new()
    ///     .with_part("# passerelle-communes 1 93\n93066\tSaint-Denis\t93200 93210\n")
    ///     .unwrap();
    /// let facts = Facts::from_json(r#"{"postal_code": "93200"}"#).unwrap();
    /// let placed = facts.with_commune_from(&communes);
    /// assert_eq!(placed.get(Fact::Commune), Some(&Value::Text("93066".into())));
    /// // Without the part, the commune stays unknown.
    /// assert_eq!(facts.with_commune_from(&Communes::new()), facts);
    /// ```
    pub fn with_commune_from(&self, communes: &crate::vocabulary::communes::Communes) -> Facts {
        use crate::vocabulary::communes::PostalCommunes;
        let mut facts = self.clone();
        if let (None, Some(Value::Text(postal_code))) =
            (self.get(Fact::Commune), self.get(Fact::PostalCode))
        {
            if let PostalCommunes::One(commune) = communes.of_postal_code(postal_code) {
                facts.put(Fact::Commune, Some(Value::Text(commune.code.to_owned())));
            }
        }
        facts
    }

    /// [`Facts::resolve`] after [`Facts::with_commune_from`]: every derived
    /// fact, the commune of a postal code included when `communes` knows it.
    pub fn resolve_in(
        &self,
        reference_date: Date,
        communes: &crate::vocabulary::communes::Communes,
    ) -> Result<Facts, Problem> {
        self.with_commune_from(communes).resolve(reference_date)
    }

    /// The facts with the derived ones added (see `docs/facts.md`): age
    /// at `reference_date`, department from commune or postal code,
    /// region from department. A given fact is never overwritten.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// use passerelle_core::facts::{Fact, Facts, Value};
    /// let facts = Facts::from_json(r#"{"birth_date": "2007-05-02", "postal_code": "93200"}"#).unwrap();
    /// let profile = facts.resolve(Date::parse("2026-11-26").unwrap()).unwrap();
    /// assert_eq!(profile.get(Fact::Age), Some(&Value::Integer(19)));
    /// assert_eq!(profile.get(Fact::Department), Some(&Value::Text("93".into())));
    /// assert_eq!(profile.get(Fact::Region), Some(&Value::Text("11".into())));
    /// ```
    pub fn resolve(&self, reference_date: Date) -> Result<Facts, Problem> {
        let mut resolved = self.clone();
        if let Some(Value::Date(birth)) = self.get(Fact::BirthDate) {
            let age = birth.age_on(reference_date).ok_or_else(|| {
                Problem::new(
                    "birth_date_after_reference_date",
                    "$.birth_date",
                    format!("The birth date {birth} is after the reference date {reference_date}."),
                )
            })?;
            if age > OLDEST_AGE {
                return Err(birth_date_too_early("$.birth_date", *birth));
            }
            resolved.put(Fact::Age, Some(Value::Integer(i64::from(age))));
        }
        if resolved.get(Fact::Department).is_none() {
            let department = match (self.get(Fact::Commune), self.get(Fact::PostalCode)) {
                (Some(Value::Text(commune)), _) => geo::department_of_commune(commune),
                (None, Some(Value::Text(postal_code))) => {
                    geo::department_of_postal_code(postal_code)
                }
                _ => None,
            };
            resolved.put(
                Fact::Department,
                department.map(|department| Value::Text(department.to_owned())),
            );
        }
        if resolved.get(Fact::Region).is_none() {
            if let Some(region) = match resolved.get(Fact::Department) {
                Some(Value::Text(department)) => geo::region_of_department(department),
                _ => None,
            } {
                resolved.put(Fact::Region, Some(Value::Text(region.to_owned())));
            }
        }
        // The household: the person, their partner, their dependent
        // children (a household with other adults says its size itself).
        if resolved.get(Fact::HouseholdSize).is_none() {
            if let (Some(Value::Boolean(couple)), Some(Value::Integer(children))) =
                (self.get(Fact::Couple), self.get(Fact::ChildrenCount))
            {
                let size = (1 + i64::from(*couple) + children).min(20);
                resolved.put(Fact::HouseholdSize, Some(Value::Integer(size)));
            }
        }
        // Raising children alone ("parent isolé"): having dependent
        // children and not living as a couple.
        if resolved.get(Fact::SingleParent).is_none() {
            let single = match (self.get(Fact::Couple), self.get(Fact::ChildrenCount)) {
                (Some(Value::Boolean(true)), _) | (_, Some(Value::Integer(0))) => Some(false),
                (Some(Value::Boolean(false)), Some(Value::Integer(_))) => Some(true),
                _ => None,
            };
            resolved.put(Fact::SingleParent, single.map(Value::Boolean));
        }
        // A protection gives the right to work (the refugee's resident
        // card, the subsidiary protection's and the temporary
        // protection's permits); no permit gives none. A residence permit
        // or an asylum claim may or may not: the person says.
        if resolved.get(Fact::ResidencePermitWork).is_none() {
            let may_work = match self.get(Fact::ResidenceStatus) {
                Some(Value::Text(status)) => match status.as_str() {
                    "refugee" | "subsidiary_protection" | "temporary_protection" => Some(true),
                    "no_permit" => Some(false),
                    _ => None,
                },
                _ => None,
            };
            resolved.put(Fact::ResidencePermitWork, may_work.map(Value::Boolean));
        }
        // Work in the last 24 months (the national orientation's first
        // criterion): working now, or out of work for less than 24 months.
        if resolved.get(Fact::WorkedLast24Months).is_none() {
            let working = matches!(
                self.get(Fact::EmploymentStatus),
                Some(Value::Text(status))
                    if matches!(status.as_str(), "employed" | "self_employed" | "apprentice")
            );
            let worked = match self.get(Fact::UnemploymentMonths) {
                _ if working => Some(true),
                Some(Value::Integer(months)) => Some(*months < 24),
                _ => None,
            };
            resolved.put(Fact::WorkedLast24Months, worked.map(Value::Boolean));
        }
        Ok(resolved)
    }
}

/// The bits of `values`' positions among the allowed values of a one-of or
/// set fact; values not allowed have no bit.
pub(crate) fn bits_of<'v>(fact: Fact, values: impl IntoIterator<Item = &'v str>) -> u32 {
    let (FactType::OneOf(allowed) | FactType::SetOf(allowed)) = fact.value_type() else {
        return 0;
    };
    values
        .into_iter()
        .filter_map(|value| allowed.iter().position(|allowed| *allowed == value))
        .fold(0, |bits, position| bits | 1 << position)
}

/// In JSON, an object of the known facts: `{"age": 19, "rqth": false}`.
/// Reads facts as [`Facts::from_value`] does; the problems become the
/// error's message.
impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Facts, D::Error> {
        let value = Json::deserialize(deserializer)?;
        Facts::from_value(&value, "$").map_err(|problems| {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            serde::de::Error::custom(problems.join("; "))
        })
    }
}

impl Serialize for Facts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (fact, value) in self.iter() {
            map.serialize_entry(&fact, value)?;
        }
        map.end()
    }
}

/// A set of facts, one bit per fact: copying, merging and comparing sets
/// cost nothing. In JSON, the list of the facts' names in the order of
/// [`Fact::ALL`].
///
/// ```
/// use passerelle_core::facts::{Fact, FactSet};
/// let mut missing = FactSet::from([Fact::Rqth, Fact::Age]);
/// missing.insert(Fact::Age);
/// assert_eq!(missing.len(), 2);
/// assert_eq!(missing.iter().collect::<Vec<_>>(), [Fact::Age, Fact::Rqth]);
/// assert_eq!(serde_json::to_string(&missing).unwrap(), r#"["age","rqth"]"#);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FactSet(u64);

const _: () = assert!(Fact::ALL.len() <= 64, "FactSet holds 64 facts at most");

impl FactSet {
    /// The empty set.
    pub const EMPTY: FactSet = FactSet(0);

    /// The set of one fact.
    pub const fn of(fact: Fact) -> FactSet {
        FactSet(1 << fact as u64)
    }

    pub fn insert(&mut self, fact: Fact) {
        self.0 |= 1 << fact as u64;
    }

    pub fn contains(self, fact: Fact) -> bool {
        self.0 & (1 << fact as u64) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The facts in either set.
    pub fn union(self, other: FactSet) -> FactSet {
        FactSet(self.0 | other.0)
    }

    /// The facts, in the order of [`Fact::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Fact> {
        Fact::ALL
            .into_iter()
            .filter(move |fact| self.contains(*fact))
    }
}

impl FromIterator<Fact> for FactSet {
    fn from_iter<I: IntoIterator<Item = Fact>>(facts: I) -> FactSet {
        let mut set = FactSet::EMPTY;
        facts.into_iter().for_each(|fact| set.insert(fact));
        set
    }
}

impl<const N: usize> From<[Fact; N]> for FactSet {
    fn from(facts: [Fact; N]) -> FactSet {
        facts.into_iter().collect()
    }
}

impl fmt::Debug for FactSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Serialize for FactSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for fact in self.iter() {
            seq.serialize_element(&fact)?;
        }
        seq.end()
    }
}

/// The earliest date a birth date (or a date answer) may be: 1 January
/// 1900. Before it, the year was mistyped ("0001-05-02" once gave "vous
/// avez 2025 ans"): `birth_date_too_early`, or `answer_date_too_early`
/// for an answer.
pub const EARLIEST_DATE: Date = match Date::new(1900, 1, 1) {
    Some(date) => date,
    None => panic!("1900-01-01 is a date"),
};

/// The oldest age a birth date may give at the reference date: the
/// bound of the `age` fact.
const OLDEST_AGE: u16 = 130;

/// A birth date before [`EARLIEST_DATE`], or older than [`OLDEST_AGE`] at the reference date.
fn birth_date_too_early(path: &str, birth: Date) -> Problem {
    Problem::new(
        "birth_date_too_early",
        path,
        format!(
            "The birth date {birth} is before {EARLIEST_DATE}, or more than {OLDEST_AGE} years \
             ago: check its year."
        ),
    )
}

/// Checks a JSON value against the type of `fact`.
pub(crate) fn check_value(fact: Fact, value: &Json, path: &str) -> Result<Value, Problem> {
    let wrong_type =
        |expected: &str| Problem::new("wrong_type", path, format!("{fact} must be {expected}."));
    match fact.value_type() {
        FactType::Boolean => value
            .as_bool()
            .map(Value::Boolean)
            .ok_or_else(|| wrong_type("true or false")),
        FactType::Integer { min, max } => {
            let n = value.as_i64().ok_or_else(|| wrong_type("a whole number"))?;
            if (min..=max).contains(&n) {
                Ok(Value::Integer(n))
            } else {
                Err(Problem::new(
                    "out_of_range",
                    path,
                    format!("{fact} must be between {min} and {max}; it is {n}."),
                ))
            }
        }
        FactType::Date => {
            let text = value
                .as_str()
                .ok_or_else(|| wrong_type("a date written YYYY-MM-DD"))?;
            let date = Date::parse(text).map_err(|_| {
                Problem::new(
                    "invalid_date",
                    path,
                    format!("{fact} must be a real date written YYYY-MM-DD, not \"{text}\"."),
                )
            })?;
            if fact == Fact::BirthDate && date < EARLIEST_DATE {
                return Err(birth_date_too_early(path, date));
            }
            Ok(Value::Date(date))
        }
        FactType::OneOf(allowed) => {
            let text = value.as_str().ok_or_else(|| wrong_type("a text"))?;
            if allowed.contains(&text) {
                Ok(Value::Text(text.to_owned()))
            } else {
                Err(not_allowed(fact, path, text, allowed))
            }
        }
        FactType::SetOf(allowed) => {
            let items = value
                .as_array()
                .ok_or_else(|| wrong_type("a list, such as [\"rsa\"]"))?;
            let mut set = BTreeSet::new();
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                let text = item.as_str().ok_or_else(|| {
                    Problem::new("wrong_type", &item_path, format!("{fact} lists texts."))
                })?;
                if !allowed.contains(&text) {
                    return Err(not_allowed(fact, &item_path, text, allowed));
                }
                set.insert(text.to_owned());
            }
            Ok(Value::Set(set))
        }
        FactType::Code(kind) => {
            let text = value.as_str().ok_or_else(|| wrong_type("a text code"))?;
            if kind.accepts(text) {
                Ok(Value::Text(text.to_owned()))
            } else {
                Err(Problem::new(
                    "invalid_code",
                    path,
                    format!("\"{text}\" is not a valid {fact}; see docs/facts.md."),
                ))
            }
        }
    }
}

fn not_allowed(fact: Fact, path: &str, text: &str, allowed: &[&str]) -> Problem {
    Problem::new(
        "not_allowed",
        path,
        format!(
            "\"{text}\" is not a value of {fact}; use one of: {}.",
            allowed.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(json: &str) -> Vec<(&'static str, String)> {
        Facts::from_json(json)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.code, p.path))
            .collect()
    }

    #[test]
    fn every_fact_name_round_trips() {
        for fact in Fact::ALL {
            assert_eq!(Fact::from_name(fact.name()), Some(fact));
            let json = serde_json::to_string(&fact).unwrap();
            assert_eq!(json, format!("\"{}\"", fact.name()));
        }
    }

    #[test]
    fn each_kind_of_wrong_value_has_its_code_and_path() {
        assert_eq!(
            codes(
                r#"{"age": 131, "benefits": ["rsa", "lottery"], "birth_date": "2007-02-30",
                    "employment_status": "astronaut", "department": "20", "rqth": "yes"}"#
            ),
            [
                ("out_of_range", "$.age".into()),
                ("not_allowed", "$.benefits[1]".into()),
                ("invalid_date", "$.birth_date".into()),
                ("invalid_code", "$.department".into()),
                ("not_allowed", "$.employment_status".into()),
                ("wrong_type", "$.rqth".into()),
            ]
        );
        assert_eq!(codes("[]"), [("wrong_type", "$".into())]);
        assert_eq!(codes("{"), [("invalid_json", "$".into())]);
    }

    #[test]
    fn null_is_unknown() {
        let facts = Facts::from_json(r#"{"rqth": null}"#).unwrap();
        assert_eq!(facts.get(Fact::Rqth), None);
    }

    #[test]
    fn living_as_a_couple_and_the_ground_of_stay_settle_what_they_say() {
        let today = Date::parse("2026-12-03").unwrap();
        let derived = |json: &str, fact: Fact| {
            Facts::from_json(json)
                .unwrap()
                .resolve(today)
                .unwrap()
                .get(fact)
                .cloned()
        };
        let yes = Some(Value::Boolean(true));
        let no = Some(Value::Boolean(false));
        // A parent not living as a couple raises the children alone; a
        // person in a couple, or without children, does not.
        let alone = r#"{"couple": false, "children_count": 2}"#;
        assert_eq!(derived(alone, Fact::SingleParent), yes);
        assert_eq!(derived(r#"{"couple": true}"#, Fact::SingleParent), no);
        assert_eq!(derived(r#"{"children_count": 0}"#, Fact::SingleParent), no);
        assert_eq!(derived(r#"{"couple": false}"#, Fact::SingleParent), None);
        assert_eq!(
            derived(r#"{"children_count": 1}"#, Fact::SingleParent),
            None
        );
        // What the person said wins.
        let said = r#"{"couple": false, "children_count": 1, "single_parent": false}"#;
        assert_eq!(derived(said, Fact::SingleParent), no);
        // Protections give the right to work; no permit gives none.
        for status in ["refugee", "subsidiary_protection", "temporary_protection"] {
            let json = format!(r#"{{"residence_status": "{status}"}}"#);
            assert_eq!(derived(&json, Fact::ResidencePermitWork), yes, "{status}");
        }
        let none = r#"{"residence_status": "no_permit"}"#;
        assert_eq!(derived(none, Fact::ResidencePermitWork), no);
        for status in ["residence_permit", "asylum_seeker"] {
            let json = format!(r#"{{"residence_status": "{status}"}}"#);
            assert_eq!(derived(&json, Fact::ResidencePermitWork), None, "{status}");
        }
        let said = r#"{"residence_status": "refugee", "residence_permit_work": false}"#;
        assert_eq!(derived(said, Fact::ResidencePermitWork), no);
    }

    #[test]
    fn given_facts_win_over_derived_ones() {
        let facts = Facts::from_json(
            r#"{"birth_date": "2000-01-01", "age": 40, "postal_code": "75011", "department": "2A"}"#,
        )
        .unwrap();
        let resolved = facts.resolve(Date::parse("2026-11-26").unwrap()).unwrap();
        // birth_date is more precise than a given age.
        assert_eq!(resolved.get(Fact::Age), Some(&Value::Integer(26)));
        assert_eq!(
            resolved.get(Fact::Department),
            Some(&Value::Text("2A".into()))
        );
        assert_eq!(resolved.get(Fact::Region), Some(&Value::Text("94".into())));
    }

    #[test]
    fn birth_after_reference_date_is_refused() {
        let facts = Facts::from_json(r#"{"birth_date": "2030-01-01"}"#).unwrap();
        let problem = facts
            .resolve(Date::parse("2026-11-26").unwrap())
            .unwrap_err();
        assert_eq!(problem.code, "birth_date_after_reference_date");
    }
}
