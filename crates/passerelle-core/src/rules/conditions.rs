//! Conditions: a small typed condition tree, read from JSON, checked
//! against the facts vocabulary and evaluated in three-valued logic. Its
//! sentences are in `sentences.rs`, its explanations in `explanation.rs`.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::base::problem::{Path, Problem};
use crate::text::ByLocale;
use crate::text::Locale;
use crate::text::LocalizedText;
use crate::vocabulary::facts::{bits_of, check_value, Fact, FactSet, FactType, Facts, Value};
use crate::vocabulary::geo;

/// One condition of a rule, with the sentence that replaces the generated
/// one in explanations, if the author gave it. Made by [`Condition::parse`]
/// or [`Condition::new`], and read-only after: what it works out once
/// (its sentences, its values as bits) stays true.
#[derive(Debug, Clone)]
pub struct Condition {
    test: Test,
    label: Option<LocalizedText>,
    /// The condition as a sentence (the label, or the generated text) in
    /// the first language asked, read without a lock: a page speaks one
    /// language at a time.
    pub(super) first_text: std::sync::OnceLock<(Locale, Box<str>)>,
    /// The same in each other language asked so far.
    pub(super) other_texts: ByLocale<str>,
    /// For `in` and `has_any`: the listed values as bits, to test against
    /// the compact form of the person's value (see [`Facts`]).
    bits: u32,
}

/// A condition is written back in the syntax it was read from
/// (`docs/catalogue-format.md`), so that a catalogue or questionnaire
/// written out reads back the same.
impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        use serde_json::json;
        let mut map = serializer.serialize_map(None)?;
        match &self.test {
            Test::All(parts) => map.serialize_entry("all", parts)?,
            Test::Any(parts) => map.serialize_entry("any", parts)?,
            Test::Not(part) => map.serialize_entry("not", part)?,
            Test::Equals { fact, value } => {
                map.serialize_entry("equals", &json!({"fact": fact, "value": value}))?;
            }
            Test::In { fact, values } => {
                map.serialize_entry("in", &json!({"fact": fact, "values": values}))?;
            }
            Test::HasAny { fact, values } => {
                map.serialize_entry("has_any", &json!({"fact": fact, "values": values}))?;
            }
            Test::Compare { fact, op, value } => map.serialize_entry(
                "compare",
                &json!({"fact": fact, "op": op.symbol(), "value": value}),
            )?,
            Test::Between { fact, min, max } => {
                map.serialize_entry("between", &json!({"fact": fact, "min": min, "max": max}))?;
            }
            Test::Age { min, max } => {
                let mut bounds = serde_json::Map::new();
                if let Some(min) = min {
                    bounds.insert("min".into(), json!(min));
                }
                if let Some(max) = max {
                    bounds.insert("max".into(), json!(max));
                }
                map.serialize_entry("age", &bounds)?;
            }
            Test::InZone(zone) => map.serialize_entry("in_zone", zone)?,
            Test::Answer { question, values } => {
                map.serialize_entry("answer", &json!({"question": question, "values": values}))?;
            }
            Test::ToCheck(what) => map.serialize_entry("to_check", what)?,
        }
        if let Some(label) = &self.label {
            map.serialize_entry("label", label)?;
        }
        map.end()
    }
}

/// Two conditions are equal when they test the same thing with the same
/// label (their sentences follow from those).
impl PartialEq for Condition {
    fn eq(&self, other: &Condition) -> bool {
        self.test == other.test && self.label == other.label
    }
}

impl Eq for Condition {}

/// What a condition tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// Every part is met.
    All(Vec<Condition>),
    /// At least one part is met.
    Any(Vec<Condition>),
    /// The part is not met.
    Not(Box<Condition>),
    /// The fact has this value.
    Equals { fact: Fact, value: Value },
    /// A one-of fact has one of these values (in the author's order).
    In { fact: Fact, values: Vec<String> },
    /// A set fact holds at least one of these values.
    HasAny { fact: Fact, values: Vec<String> },
    /// An integer fact compared with a number.
    Compare {
        fact: Fact,
        op: Comparison,
        value: i64,
    },
    /// `min` ≤ an integer fact ≤ `max`.
    Between { fact: Fact, min: i64, max: i64 },
    /// The age at the reference date is within the bounds (both included).
    Age { min: Option<i64>, max: Option<i64> },
    /// The person lives in the zone.
    InZone(Box<Zone>),
    /// The answer to a question of the questionnaire is one of these
    /// (option ids, or `yes` / `no`); for a multiple choice, one of the
    /// options chosen is. Only questionnaires may use it: elsewhere, and
    /// while the question has no answer, it is unknown.
    Answer {
        question: String,
        values: Vec<String>,
    },
    /// A condition of the law that no fact can express (two years of work
    /// in the last three, a prescriber's diagnosis): always unknown, with
    /// no fact missing; said as what to check ("À vérifier : …"). Only an
    /// entry's `eligibility` may use it: a right it decides is never
    /// "eligible", and says what to check instead.
    ToCheck(LocalizedText),
}

/// An integer comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Comparison {
    /// The key of its words in the explanations' translation files
    /// (`compare-greater-or-equal`: "au moins {{value}}").
    pub fn key(self) -> &'static str {
        match self {
            Comparison::Less => "compare-less",
            Comparison::LessOrEqual => "compare-less-or-equal",
            Comparison::Greater => "compare-greater",
            Comparison::GreaterOrEqual => "compare-greater-or-equal",
        }
    }

    /// As written in a rule: `<`, `<=`, `>`, `>=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Less => "<",
            Comparison::LessOrEqual => "<=",
            Comparison::Greater => ">",
            Comparison::GreaterOrEqual => ">=",
        }
    }

    fn holds(self, left: i64, right: i64) -> bool {
        match self {
            Comparison::Less => left < right,
            Comparison::LessOrEqual => left <= right,
            Comparison::Greater => left > right,
            Comparison::GreaterOrEqual => left >= right,
        }
    }
}

/// Where something is available: the whole country, or lists of INSEE
/// codes (a place matches if its commune, department or region is listed).
/// Made by [`Zone::parse`]; [`Zone::national`] is the whole country.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Zone {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    national: bool,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    regions: BTreeSet<String>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    departments: BTreeSet<String>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    communes: BTreeSet<String>,
    /// The listed departments, as bits of their positions in
    /// [`geo::DEPARTMENTS`]; the listed regions, and the regions of the
    /// listed departments, as bits of positions in [`geo::REGIONS`].
    #[serde(skip)]
    department_bits: u128,
    #[serde(skip)]
    region_bits: u32,
    #[serde(skip)]
    department_region_bits: u32,
}

/// The result of evaluating a condition in three-valued logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Met,
    NotMet,
    /// Not known yet: knowing these facts could settle it.
    Unknown(FactSet),
}

impl Outcome {
    pub(crate) fn unknown(fact: Fact) -> Outcome {
        Outcome::Unknown(FactSet::of(fact))
    }

    pub(crate) fn of(met: bool) -> Outcome {
        if met {
            Outcome::Met
        } else {
            Outcome::NotMet
        }
    }

    /// Three-valued "and": not met as soon as one part is not met.
    pub fn and(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        Outcome::combine(outcomes, Outcome::NotMet, Outcome::Met)
    }

    /// Three-valued "or": met as soon as one part is met.
    pub fn or(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        Outcome::combine(outcomes, Outcome::Met, Outcome::NotMet)
    }

    /// `decisive` as soon as one part is; else unknown (with every part's
    /// missing facts) if one part is; else `otherwise`.
    fn combine(
        outcomes: impl IntoIterator<Item = Outcome>,
        decisive: Outcome,
        otherwise: Outcome,
    ) -> Outcome {
        let mut result = otherwise;
        for outcome in outcomes {
            if outcome == decisive {
                return decisive;
            }
            result = result.merge_unknown(outcome);
        }
        result
    }

    /// Unknown with both sides' missing facts if either side is unknown;
    /// else `self`.
    fn merge_unknown(self, other: Outcome) -> Outcome {
        match (self, other) {
            (Outcome::Unknown(a), Outcome::Unknown(b)) => Outcome::Unknown(a.union(b)),
            (_, Outcome::Unknown(b)) => Outcome::Unknown(b),
            (outcome, _) => outcome,
        }
    }

    /// Three-valued "and" of two outcomes; folding it over parts gives
    /// [`Outcome::and`] of them all, without stopping early.
    pub fn both(self, other: Outcome) -> Outcome {
        if self == Outcome::NotMet || other == Outcome::NotMet {
            Outcome::NotMet
        } else {
            self.merge_unknown(other)
        }
    }

    /// Three-valued "or" of two outcomes; folding it over parts gives
    /// [`Outcome::or`] of them all, without stopping early.
    pub fn either(self, other: Outcome) -> Outcome {
        if self == Outcome::Met || other == Outcome::Met {
            Outcome::Met
        } else {
            self.merge_unknown(other)
        }
    }

    /// The status word used in JSON: `met`, `not_met`, `unknown`.
    pub fn status(&self) -> Status {
        match self {
            Outcome::Met => Status::Met,
            Outcome::NotMet => Status::NotMet,
            Outcome::Unknown(_) => Status::Unknown,
        }
    }

    /// The facts still missing; empty unless unknown.
    pub fn missing(&self) -> FactSet {
        match self {
            Outcome::Unknown(missing) => *missing,
            _ => FactSet::EMPTY,
        }
    }
}

/// Three-valued "not": swaps met and not met, keeps unknown.
impl std::ops::Not for Outcome {
    type Output = Outcome;

    fn not(self) -> Outcome {
        match self {
            Outcome::Met => Outcome::NotMet,
            Outcome::NotMet => Outcome::Met,
            unknown => unknown,
        }
    }
}

/// [`Outcome`] without its missing facts, for explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl Zone {
    /// The whole country.
    pub fn national() -> Zone {
        Zone {
            national: true,
            ..Zone::default()
        }
    }

    /// How close the zone is to a person in it: 0 for communes, 1 for
    /// departments, 2 for regions, 3 for the whole country.
    pub fn closeness(&self) -> u8 {
        if !self.communes.is_empty() {
            0
        } else if !self.departments.is_empty() {
            1
        } else if !self.regions.is_empty() {
            2
        } else {
            3
        }
    }

    /// Whether the zone is the whole country.
    pub fn is_national(&self) -> bool {
        self.national
    }

    /// The listed departments as bits of their positions in
    /// [`geo::DEPARTMENTS`], when the zone lists departments only: the
    /// zone is then met by a known department exactly when its bit is
    /// set (see [`Zone::contains`]). 0 for any other zone.
    pub(crate) fn departments_only(&self) -> u128 {
        if self.national || self.region_bits != 0 || !self.communes.is_empty() {
            0
        } else {
            self.department_bits
        }
    }

    /// The listed regions (INSEE codes).
    pub fn regions(&self) -> &BTreeSet<String> {
        &self.regions
    }

    /// The listed departments (INSEE codes).
    pub fn departments(&self) -> &BTreeSet<String> {
        &self.departments
    }

    /// The listed communes (INSEE codes).
    pub fn communes(&self) -> &BTreeSet<String> {
        &self.communes
    }

    /// Whether the person's place is in the zone. `facts` must be resolved
    /// (see [`Facts::resolve`]) so that department and region are derived.
    ///
    /// A listed department is met by the person's department; when only the
    /// region is known, it is not met if it lies in another region, else it
    /// is unknown until the department is known. A listed commune works the
    /// same way with the commune, its department and its region.
    pub fn contains(&self, facts: &Facts) -> Outcome {
        if self.national {
            return Outcome::Met;
        }
        let department = facts.compact(Fact::Department);
        let region = facts.compact(Fact::Region);
        let mut outcome = Outcome::NotMet;
        if self.department_bits != 0 {
            match department {
                Some(position) if self.department_bits >> position & 1 == 1 => return Outcome::Met,
                Some(_) => {}
                None => match region {
                    Some(position) if self.department_region_bits >> position & 1 == 0 => {}
                    _ => outcome = Outcome::unknown(Fact::Department),
                },
            }
        }
        if self.region_bits != 0 {
            match region {
                Some(position) if self.region_bits >> position & 1 == 1 => return Outcome::Met,
                Some(_) => {}
                None => outcome = outcome.either(Outcome::unknown(Fact::Department)),
            }
        }
        if !self.communes.is_empty() {
            outcome = outcome.either(self.contains_commune(facts));
        }
        outcome
    }

    /// Whether the person's commune is one of the listed communes.
    fn contains_commune(&self, facts: &Facts) -> Outcome {
        let text = |fact| match facts.get(fact) {
            Some(Value::Text(code)) => Some(code.as_str()),
            _ => None,
        };
        let (commune, department, region) = (
            text(Fact::Commune),
            text(Fact::Department),
            text(Fact::Region),
        );
        Outcome::or(self.communes.iter().map(|listed| {
            let listed_department = geo::department_of_commune(listed);
            match (commune, department, listed_department) {
                (Some(commune), _, _) => Outcome::of(commune == listed),
                (None, _, None) => Outcome::NotMet,
                (None, Some(department), Some(listed)) => {
                    if listed == department {
                        Outcome::unknown(Fact::Commune)
                    } else {
                        Outcome::NotMet
                    }
                }
                (None, None, Some(listed)) => match region {
                    Some(region) if geo::region_of_department(listed) != Some(region) => {
                        Outcome::NotMet
                    }
                    _ => Outcome::unknown(Fact::Commune),
                },
            }
        }))
    }

    /// Works out the bits of the listed departments and regions.
    fn with_bits(mut self) -> Zone {
        let bit = |position: Option<usize>| position.map_or(0, |position| 1 << position);
        (self.department_bits, self.department_region_bits) = (self.departments.iter())
            .filter_map(|code| department_bits(code))
            .fold((0, 0), |(all, regions), (bit, region)| {
                (all | bit, regions | region)
            });
        self.region_bits = (self.regions.iter())
            .map(|code| bit(geo::region_position(code)) as u32)
            .fold(0, |bits, bit| bits | bit);
        self
    }

    /// Reads a zone object at `path`.
    pub fn parse(value: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<Zone> {
        Zone::parse_at(value, &Path::Root(path), problems)
    }

    fn parse_at(value: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Zone> {
        let map = object(value, path, problems)?;
        let mut zone = Zone::default();
        let mut ok = true;
        for (key, value) in map {
            let key_path = path.field(key);
            let (list, accepts, what): (&mut BTreeSet<String>, fn(&str) -> bool, &str) =
                match key.as_str() {
                    "national" => {
                        match value.as_bool() {
                            Some(national) => zone.national = national,
                            None => {
                                problems.push(Problem::at(
                                    "wrong_type",
                                    &key_path,
                                    "national must be true or false.",
                                ));
                                ok = false;
                            }
                        }
                        continue;
                    }
                    "regions" => (&mut zone.regions, geo::is_region, "region"),
                    "departments" => (&mut zone.departments, geo::is_department, "department"),
                    "communes" => (&mut zone.communes, geo::is_commune_code, "commune"),
                    _ => {
                        problems.push(Problem::at(
                            "unknown_field",
                            &key_path,
                            "A zone has only national, regions, departments and communes.",
                        ));
                        ok = false;
                        continue;
                    }
                };
            match strings(value, &key_path, problems) {
                Some(codes) => {
                    for (i, code) in codes.into_iter().enumerate() {
                        if accepts(&code) {
                            list.insert(code);
                        } else {
                            problems.push(Problem::at(
                                "invalid_code",
                                &key_path.item(i),
                                format!("\"{code}\" is not an INSEE {what} code."),
                            ));
                            ok = false;
                        }
                    }
                }
                None => ok = false,
            }
        }
        let empty =
            zone.regions.is_empty() && zone.departments.is_empty() && zone.communes.is_empty();
        if ok && !zone.national && empty {
            problems.push(Problem::at(
                "empty_zone",
                path,
                "Give {\"national\": true} or at least one region, department or commune.",
            ));
            ok = false;
        }
        ok.then(|| zone.with_bits())
    }
}

impl Condition {
    /// Evaluates the condition on resolved facts (see [`Facts::resolve`]).
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// use passerelle_core::facts::{Fact, Facts};
    /// use passerelle_core::rules::{Condition, Outcome};
    ///
    /// let json = serde_json::json!({"all": [
    ///     {"age": {"min": 16, "max": 25}},
    ///     {"in": {"fact": "employment_status", "values": ["jobseeker", "inactive"]}}
    /// ]});
    /// let rule = Condition::parse(&json, "$", &mut Vec::new()).unwrap();
    /// let today = Date::parse("2026-11-26").unwrap();
    ///
    /// let facts = Facts::from_json(r#"{"age": 19}"#).unwrap().resolve(today).unwrap();
    /// assert_eq!(rule.evaluate(&facts), Outcome::Unknown([Fact::EmploymentStatus].into()));
    ///
    /// let facts = Facts::from_json(r#"{"age": 30}"#).unwrap().resolve(today).unwrap();
    /// assert_eq!(rule.evaluate(&facts), Outcome::NotMet);
    /// ```
    pub fn evaluate(&self, facts: &Facts) -> Outcome {
        self.evaluate_with(facts, &|_, _| None)
    }

    /// [`evaluate`](Self::evaluate), with the answers of a questionnaire
    /// for `answer` conditions: `answers(question, values)` says whether
    /// the answer to `question` is one of `values`, `None` while the
    /// question has no answer.
    pub fn evaluate_with(
        &self,
        facts: &Facts,
        answers: &dyn Fn(&str, &[String]) -> Option<bool>,
    ) -> Outcome {
        match &self.test {
            Test::All(parts) => {
                Outcome::and(parts.iter().map(|part| part.evaluate_with(facts, answers)))
            }
            Test::Any(parts) => {
                Outcome::or(parts.iter().map(|part| part.evaluate_with(facts, answers)))
            }
            Test::Not(part) => !part.evaluate_with(facts, answers),
            Test::Answer { question, values } => {
                answers(question, values).map_or(Outcome::Unknown(FactSet::EMPTY), Outcome::of)
            }
            Test::ToCheck(_) => Outcome::Unknown(FactSet::EMPTY),
            Test::Equals { fact, value } => match facts.get(*fact) {
                Some(actual) => Outcome::of(actual == value),
                None => Outcome::unknown(*fact),
            },
            // The person's value and the listed values, as bits of their
            // positions among the fact's allowed values.
            Test::In { fact, .. } | Test::HasAny { fact, .. } => match facts.compact(*fact) {
                Some(bits) => Outcome::of(bits & self.bits != 0),
                None => Outcome::unknown(*fact),
            },
            Test::Compare { fact, op, value } => match facts.get(*fact) {
                Some(Value::Integer(actual)) => Outcome::of(op.holds(*actual, *value)),
                _ => Outcome::unknown(*fact),
            },
            Test::Between { fact, min, max } => match facts.get(*fact) {
                Some(Value::Integer(actual)) => Outcome::of((*min..=*max).contains(actual)),
                _ => Outcome::unknown(*fact),
            },
            Test::Age { min, max } => match facts.get(Fact::Age) {
                Some(Value::Integer(age)) => Outcome::of(
                    min.is_none_or(|min| *age >= min) && max.is_none_or(|max| *age <= max),
                ),
                _ => Outcome::unknown(Fact::Age),
            },
            Test::InZone(zone) => zone.contains(facts),
        }
    }

    /// A condition; its sentences are made when asked.
    pub fn new(test: Test, label: Option<LocalizedText>) -> Condition {
        let bits = match &test {
            Test::In { fact, values } | Test::HasAny { fact, values } => {
                bits_of(*fact, values.iter().map(String::as_str))
            }
            _ => 0,
        };
        Condition {
            test,
            label,
            first_text: std::sync::OnceLock::new(),
            other_texts: ByLocale::default(),
            bits,
        }
    }

    /// How many conditions it is made of, itself included.
    pub fn size(&self) -> usize {
        1 + match &self.test {
            Test::All(parts) | Test::Any(parts) => parts.iter().map(Condition::size).sum(),
            Test::Not(part) => part.size(),
            _ => 0,
        }
    }

    /// What the condition tests.
    pub fn test(&self) -> &Test {
        &self.test
    }

    /// The author's sentence for the condition, if given.
    pub fn label(&self) -> Option<&LocalizedText> {
        self.label.as_ref()
    }

    /// The facts the condition reads, in the order written, without repeats.
    pub(crate) fn facts_in_order(&self, into: &mut Vec<Fact>) {
        let add = |fact: Fact, into: &mut Vec<Fact>| {
            if !into.contains(&fact) {
                into.push(fact);
            }
        };
        match &self.test {
            Test::All(parts) | Test::Any(parts) => {
                parts.iter().for_each(|part| part.facts_in_order(into));
            }
            Test::Not(part) => part.facts_in_order(into),
            Test::Equals { fact, .. }
            | Test::In { fact, .. }
            | Test::HasAny { fact, .. }
            | Test::Compare { fact, .. }
            | Test::Between { fact, .. } => add(*fact, into),
            Test::Age { .. } => add(Fact::Age, into),
            Test::InZone(_) => add(Fact::Department, into),
            Test::Answer { .. } | Test::ToCheck(_) => {}
        }
    }

    /// Every fact the condition reads.
    pub fn facts(&self) -> FactSet {
        match &self.test {
            Test::All(parts) | Test::Any(parts) => parts
                .iter()
                .fold(FactSet::EMPTY, |facts, part| facts.union(part.facts())),
            Test::Not(part) => part.facts(),
            Test::Equals { fact, .. }
            | Test::In { fact, .. }
            | Test::HasAny { fact, .. }
            | Test::Compare { fact, .. }
            | Test::Between { fact, .. } => FactSet::of(*fact),
            Test::Age { .. } => FactSet::of(Fact::Age),
            Test::InZone(_) => FactSet::from([Fact::Commune, Fact::Department, Fact::Region]),
            Test::Answer { .. } | Test::ToCheck(_) => FactSet::EMPTY,
        }
    }

    /// Every `answer` condition within, as (question id, values), in the
    /// order written.
    pub(crate) fn answers_read<'s>(&'s self, into: &mut Vec<(&'s str, &'s [String])>) {
        match &self.test {
            Test::All(parts) | Test::Any(parts) => {
                parts.iter().for_each(|part| part.answers_read(into));
            }
            Test::Not(part) => part.answers_read(into),
            Test::Answer { question, values } => into.push((question, values)),
            _ => {}
        }
    }

    /// What is left to check on these facts: the conditions `to_check`
    /// that still decide the outcome (each one within conditions all
    /// unknown), in the order written, without repeats. Empty when the
    /// rule is met or not met.
    ///
    /// ```
    /// use passerelle_core::facts::Facts;
    /// use passerelle_core::rules::Condition;
    /// use passerelle_core::Locale;
    ///
    /// let rule = Condition::parse(&serde_json::json!({"all": [
    ///     {"age": {"max": 25}},
    ///     {"any": [
    ///         {"equals": {"fact": "rqth", "value": true}},
    ///         {"to_check": {"fr": "Avoir travaillé 2 ans sur les 3 dernières années"}}
    ///     ]}
    /// ]}), "$", &mut Vec::new()).unwrap();
    /// let checks = |facts: &str| -> Vec<String> {
    ///     let facts = Facts::from_json(facts).unwrap();
    ///     rule.pending_checks(&facts).iter().map(|what| what.get(Locale::Fr).to_owned()).collect()
    /// };
    /// assert_eq!(checks(r#"{"age": 22, "rqth": false}"#), ["Avoir travaillé 2 ans sur les 3 dernières années"]);
    /// assert!(checks(r#"{"age": 22, "rqth": true}"#).is_empty());
    /// assert!(checks(r#"{"age": 30}"#).is_empty());
    /// ```
    pub fn pending_checks(&self, facts: &Facts) -> Vec<&LocalizedText> {
        fn walk<'c>(condition: &'c Condition, facts: &Facts, into: &mut Vec<&'c LocalizedText>) {
            if !matches!(condition.evaluate(facts), Outcome::Unknown(_)) {
                return;
            }
            match &condition.test {
                Test::All(parts) | Test::Any(parts) => {
                    parts.iter().for_each(|part| walk(part, facts, into));
                }
                Test::Not(part) => walk(part, facts, into),
                Test::ToCheck(what) if !into.contains(&what) => into.push(what),
                _ => {}
            }
        }
        let mut checks = Vec::new();
        walk(self, facts, &mut checks);
        checks
    }

    /// Whether some condition within is `to_check`.
    pub fn has_checks(&self) -> bool {
        match &self.test {
            Test::All(parts) | Test::Any(parts) => parts.iter().any(Condition::has_checks),
            Test::Not(part) => part.has_checks(),
            Test::ToCheck(_) => true,
            _ => false,
        }
    }

    /// Reads an eligibility rule at `path`, checking it against the facts
    /// vocabulary. Problems are added to `problems`; `None` if any.
    /// `answer` conditions are refused: they belong to questionnaires.
    pub fn parse(value: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<Condition> {
        Condition::parse_at_depth(value, &Path::Root(path), problems, 0, Place::Eligibility)
    }

    /// [`parse`](Self::parse), for a condition that says what the person
    /// has or is (an entry's `held_when`, its key step's `when`): neither
    /// `answer` nor `to_check`, which could never make it met. (A
    /// catalogue read whole reads its text:
    /// [`Condition::parse_text_about_facts`]; one read for questions only,
    /// its value: `Catalogue::for_questions`.)
    pub(crate) fn parse_about_facts(
        value: &Json,
        path: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<Condition> {
        Condition::parse_at_depth(value, &Path::Root(path), problems, 0, Place::Facts)
    }

    /// [`parse`](Self::parse), also reading `answer` conditions (a
    /// questionnaire checks what they refer to), not `to_check`.
    pub(crate) fn parse_with_answers(
        value: &Json,
        path: &Path,
        problems: &mut Vec<Problem>,
    ) -> Option<Condition> {
        Condition::parse_at_depth(value, path, problems, 0, Place::Questionnaire)
    }

    fn parse_at_depth(
        value: &Json,
        path: &Path,
        problems: &mut Vec<Problem>,
        depth: usize,
        place: Place,
    ) -> Option<Condition> {
        if depth > MAX_DEPTH {
            problems.push(Problem::at(
                "too_deep",
                path,
                format!("Conditions may be nested {MAX_DEPTH} levels deep at most."),
            ));
            return None;
        }
        let map = object(value, path, problems)?;
        let before = problems.len();
        let mut label = None;
        let mut operators = Vec::new();
        for (key, value) in map {
            if key == "label" {
                label = parse_label(value, &path.field("label"), problems);
            } else {
                operators.push((key.as_str(), value));
            }
        }
        let [(operator, operand)] = operators[..] else {
            problems.push(Problem::at(
                "not_one_operator",
                path,
                format!(
                    "A condition has exactly one operator ({}) besides its label; found {}.",
                    OPERATORS.join(", "),
                    operators.len()
                ),
            ));
            return None;
        };
        if operator == "to_check" && label.is_some() {
            problems.push(Problem::at(
                "unknown_field",
                &path.field("label"),
                "to_check is its own sentence: give it no label.",
            ));
        }
        let path = &path.field(operator);
        let parts = |problems: &mut Vec<Problem>| -> Option<Vec<Condition>> {
            let Some(items) = operand.as_array().filter(|items| !items.is_empty()) else {
                problems.push(Problem::at(
                    "wrong_type",
                    path,
                    format!("{operator} takes a non-empty list of conditions."),
                ));
                return None;
            };
            let parsed: Vec<_> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    Condition::parse_at_depth(item, &path.item(i), problems, depth + 1, place)
                })
                .collect();
            parsed.into_iter().collect()
        };
        let test = match operator {
            "all" => parts(problems).map(Test::All),
            "any" => parts(problems).map(Test::Any),
            "not" => Condition::parse_at_depth(operand, path, problems, depth + 1, place)
                .map(|part| Test::Not(Box::new(part))),
            "equals" => parse_equals(operand, path, problems),
            "in" | "has_any" => parse_values(operator, operand, path, problems),
            "compare" => parse_compare(operand, path, problems),
            "between" => parse_between(operand, path, problems),
            "age" => parse_age(operand, path, problems),
            "in_zone" => {
                Zone::parse_at(operand, path, problems).map(|zone| Test::InZone(Box::new(zone)))
            }
            "answer" if place == Place::Questionnaire => parse_answer(operand, path, problems),
            "answer" => {
                problems.push(Problem::at(
                    "answer_outside_questionnaire",
                    path,
                    "Only a questionnaire can test an answer; here, test a fact.",
                ));
                None
            }
            "to_check" if place == Place::Eligibility => {
                parse_label(operand, path, problems).map(Test::ToCheck)
            }
            "to_check" => {
                problems.push(Problem::at(
                    "to_check_outside_eligibility",
                    path,
                    "Only an entry's eligibility can leave a condition to check; here, test a fact.",
                ));
                None
            }
            _ => {
                problems.push(Problem::at(
                    "unknown_operator",
                    path,
                    format!(
                        "\"{operator}\" is not a condition; use one of: {}.",
                        OPERATORS.join(", ")
                    ),
                ));
                None
            }
        };
        if problems.len() > before {
            return None;
        }
        test.map(|test| Condition::new(test, label))
    }
}

impl Condition {
    /// [`parse`](Self::parse) of a condition's JSON text: read straight
    /// from the text when it is a condition read without a problem (no
    /// JSON value made and dropped: a fifth of loading 10,000 entries),
    /// else through its value, which tells every problem.
    pub(crate) fn parse_text(
        text: &str,
        path: &Path,
        problems: &mut Vec<Problem>,
    ) -> Option<Condition> {
        Condition::parse_text_in(text, path, problems, Place::Eligibility)
    }

    /// [`parse_about_facts`](Self::parse_about_facts) of a condition's
    /// JSON text, as [`parse_text`](Self::parse_text) reads it.
    pub(crate) fn parse_text_about_facts(
        text: &str,
        path: &Path,
        problems: &mut Vec<Problem>,
    ) -> Option<Condition> {
        Condition::parse_text_in(text, path, problems, Place::Facts)
    }

    fn parse_text_in(
        text: &str,
        path: &Path,
        problems: &mut Vec<Problem>,
        place: Place,
    ) -> Option<Condition> {
        let read = serde_json::from_str::<Object<ConditionRecord>>(text).ok();
        if let Some(condition) = read.and_then(|Object(record)| record.condition(0, place)) {
            return Some(condition);
        }
        let value = parsed(text, path, problems)?;
        Condition::parse_at_depth(&value, path, problems, 0, place)
    }
}

impl Zone {
    /// [`parse`](Self::parse) of a zone's JSON text, as
    /// [`Condition::parse_text`] reads a condition's.
    pub(crate) fn parse_text(text: &str, path: &Path, problems: &mut Vec<Problem>) -> Option<Zone> {
        let read = serde_json::from_str::<Object<ZoneRecord>>(text).ok();
        if let Some(zone) = read.and_then(|Object(record)| record.zone()) {
            return Some(zone);
        }
        Zone::parse_at(&parsed(text, path, problems)?, path, problems)
    }
}

/// A department's bit (of its position in [`geo::DEPARTMENTS`]) and its
/// region's (of its position in [`geo::REGIONS`]); `None` when `code` is
/// not a department code ([`geo::is_department`]). By a binary search of
/// the departments sorted once: every zone of a catalogue lists some (a
/// scan of the 101 for each, three times over, took a twentieth of
/// loading 10,000 entries), each code as a number ([`code_key`]), so
/// that a step of the search compares two numbers, not two texts.
fn department_bits(code: &str) -> Option<(u128, u32)> {
    static SORTED: std::sync::OnceLock<Vec<(u64, u128, u32)>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut sorted: Vec<(u64, u128, u32)> = (geo::DEPARTMENTS.iter().enumerate())
            .filter_map(|(position, (code, _, region))| {
                let region = geo::region_position(region).map_or(0, |at| 1 << at);
                Some((code_key(code)?, 1 << position, region))
            })
            .collect();
        crate::base::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        sorted
    });
    let key = code_key(code)?;
    let found = sorted.binary_search_by(|(listed, _, _)| listed.cmp(&key));
    found.ok().map(|at| (sorted[at].1, sorted[at].2))
}

/// A code of at most seven bytes (a department's has two or three) as a
/// number: its length, then its bytes; `None` for a longer one.
fn code_key(code: &str) -> Option<u64> {
    (code.len() <= 7)
        .then(|| (code.bytes()).fold(code.len() as u64, |key, b| key << 8 | u64::from(b)))
}

/// The JSON value of `text`, the part of a document at `path` that serde
/// read already (so it is JSON).
fn parsed(text: &str, path: &Path, problems: &mut Vec<Problem>) -> Option<Json> {
    match crate::base::json::parse(text) {
        Ok(value) => Some(value),
        Err(error) => {
            problems.push(Problem::at(
                "invalid_json",
                path,
                format!("This is not JSON: {error}."),
            ));
            None
        }
    }
}

/// `T` read from a JSON object only (serde reads a struct from a list of
/// its fields too, which a condition never is).
struct Object<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Object<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_map(Fields(std::marker::PhantomData))
    }
}

/// A condition as written (`docs/catalogue-format.md`), read from its
/// text by [`Condition::parse_text`]. Each member is `Some` when given,
/// `null` too (which then fails to read: a value of the wrong type). Only
/// a condition [`ConditionRecord::condition`] accepts is used; any other
/// is read again through its value, which tells every problem.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionRecord<'a> {
    #[serde(default, deserialize_with = "given", borrow)]
    all: Option<Vec<Object<ConditionRecord<'a>>>>,
    #[serde(default, deserialize_with = "given", borrow)]
    any: Option<Vec<Object<ConditionRecord<'a>>>>,
    #[serde(default, deserialize_with = "given", borrow)]
    not: Option<Box<Object<ConditionRecord<'a>>>>,
    #[serde(default, deserialize_with = "given", borrow)]
    equals: Option<Object<EqualsRecord<'a>>>,
    #[serde(default, deserialize_with = "given", borrow, rename = "in")]
    one_of: Option<Object<ValuesRecord<'a>>>,
    #[serde(default, deserialize_with = "given", borrow)]
    has_any: Option<Object<ValuesRecord<'a>>>,
    #[serde(default, deserialize_with = "given", borrow)]
    compare: Option<Object<CompareRecord<'a>>>,
    #[serde(default, deserialize_with = "given", borrow)]
    between: Option<Object<BetweenRecord<'a>>>,
    #[serde(default, deserialize_with = "given")]
    age: Option<Object<AgeRecord>>,
    #[serde(default, deserialize_with = "given")]
    in_zone: Option<Object<ZoneRecord>>,
    #[serde(default, deserialize_with = "given")]
    to_check: Option<LocalizedText>,
    #[serde(default, deserialize_with = "given")]
    answer: Option<Object<AnswerRecord>>,
    #[serde(default, deserialize_with = "given")]
    label: Option<LocalizedText>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EqualsRecord<'a> {
    #[serde(default, deserialize_with = "given", borrow)]
    fact: Option<&'a str>,
    #[serde(default, deserialize_with = "given")]
    value: Option<Json>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ValuesRecord<'a> {
    #[serde(default, deserialize_with = "given", borrow)]
    fact: Option<&'a str>,
    #[serde(default, deserialize_with = "given")]
    values: Option<Vec<String>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareRecord<'a> {
    #[serde(default, deserialize_with = "given", borrow)]
    fact: Option<&'a str>,
    #[serde(default, deserialize_with = "given", borrow)]
    op: Option<&'a str>,
    #[serde(default, deserialize_with = "given")]
    value: Option<i64>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BetweenRecord<'a> {
    #[serde(default, deserialize_with = "given", borrow)]
    fact: Option<&'a str>,
    #[serde(default, deserialize_with = "given")]
    min: Option<i64>,
    #[serde(default, deserialize_with = "given")]
    max: Option<i64>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeRecord {
    #[serde(default, deserialize_with = "given")]
    min: Option<i64>,
    #[serde(default, deserialize_with = "given")]
    max: Option<i64>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerRecord {
    #[serde(default, deserialize_with = "given")]
    question: Option<String>,
    #[serde(default, deserialize_with = "given")]
    values: Option<Vec<String>>,
}

/// A zone as written, read from its text by [`Zone::parse_text`].
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ZoneRecord {
    #[serde(default, deserialize_with = "given")]
    national: Option<bool>,
    #[serde(default, deserialize_with = "given")]
    regions: Option<Vec<String>>,
    #[serde(default, deserialize_with = "given")]
    departments: Option<Vec<String>>,
    #[serde(default, deserialize_with = "given")]
    communes: Option<Vec<String>>,
}

use crate::base::json::given;

impl ConditionRecord<'_> {
    /// The condition, when [`Condition::parse_at_depth`] would read its
    /// value at `depth` in `place` without a problem; else `None` (the
    /// problems are then told by reading its value).
    fn condition(self, depth: usize, place: Place) -> Option<Condition> {
        if depth > MAX_DEPTH {
            return None;
        }
        let ConditionRecord {
            all,
            any,
            not,
            equals,
            one_of,
            has_any,
            compare,
            between,
            age,
            in_zone,
            to_check,
            answer,
            label,
        } = self;
        if label.as_ref().is_some_and(|label| !label.has(Locale::Fr)) {
            return None;
        }
        let given = [
            all.is_some(),
            any.is_some(),
            not.is_some(),
            equals.is_some(),
            one_of.is_some(),
            has_any.is_some(),
            compare.is_some(),
            between.is_some(),
            age.is_some(),
            in_zone.is_some(),
            to_check.is_some(),
            answer.is_some(),
        ];
        if given.iter().filter(|given| **given).count() != 1 {
            return None;
        }
        let parts = |items: Vec<Object<ConditionRecord>>| -> Option<Vec<Condition>> {
            if items.is_empty() {
                return None;
            }
            (items.into_iter())
                .map(|Object(item)| item.condition(depth + 1, place))
                .collect()
        };
        let integer = |fact: Option<&str>| -> Option<(Fact, i64, i64)> {
            let fact = Fact::from_name(fact?)?;
            match fact.value_type() {
                FactType::Integer { min, max } => Some((fact, min, max)),
                _ => None,
            }
        };
        let test = if let Some(items) = all {
            Test::All(parts(items)?)
        } else if let Some(items) = any {
            Test::Any(parts(items)?)
        } else if let Some(part) = not {
            let Object(part) = *part;
            Test::Not(Box::new(part.condition(depth + 1, place)?))
        } else if let Some(Object(EqualsRecord { fact, value })) = equals {
            let fact = Fact::from_name(fact?)?;
            if matches!(fact.value_type(), FactType::SetOf(_) | FactType::Date) {
                return None;
            }
            let value = check_value(fact, &value?, "").ok()?;
            Test::Equals { fact, value }
        } else if let Some(Object(record)) = one_of {
            record.test("in")?
        } else if let Some(Object(record)) = has_any {
            record.test("has_any")?
        } else if let Some(Object(CompareRecord { fact, op, value })) = compare {
            let (fact, min, max) = integer(fact)?;
            let op = match op? {
                "<" => Comparison::Less,
                "<=" => Comparison::LessOrEqual,
                ">" => Comparison::Greater,
                ">=" => Comparison::GreaterOrEqual,
                _ => return None,
            };
            let value = value.filter(|value| (min..=max).contains(value))?;
            Test::Compare { fact, op, value }
        } else if let Some(Object(BetweenRecord { fact, min, max })) = between {
            let (fact, lowest, highest) = integer(fact)?;
            let (min, max) = (min?, max?);
            if min > max || max < lowest || min > highest {
                return None;
            }
            Test::Between { fact, min, max }
        } else if let Some(Object(AgeRecord { min, max })) = age {
            let within = |bound: Option<i64>| bound.is_none_or(|n| (0..=130).contains(&n));
            if !within(min) || !within(max) || (min.is_none() && max.is_none()) {
                return None;
            }
            if min.zip(max).is_some_and(|(min, max)| min > max) {
                return None;
            }
            Test::Age { min, max }
        } else if let Some(Object(zone)) = in_zone {
            Test::InZone(Box::new(zone.zone()?))
        } else if let Some(mut what) = to_check {
            if place != Place::Eligibility || label.is_some() || !what.has(Locale::Fr) {
                return None;
            }
            what.sort_by_tag();
            Test::ToCheck(what)
        } else if let Some(Object(AnswerRecord { question, values })) = answer {
            if place != Place::Questionnaire {
                return None;
            }
            let values = values.filter(|values| !values.is_empty())?;
            Test::Answer {
                question: question?,
                values,
            }
        } else {
            return None;
        };
        // In the order of their language tags, as read from a value.
        let label = label.map(|mut label| {
            label.sort_by_tag();
            label
        });
        Some(Condition::new(test, label))
    }
}

impl ValuesRecord<'_> {
    /// `in` or `has_any` (`operator`), as [`parse_values`] reads it
    /// without a problem; else `None`.
    fn test(self, operator: &str) -> Option<Test> {
        let fact = Fact::from_name(self.fact?)?;
        let allowed = match (operator, fact.value_type()) {
            ("in", FactType::OneOf(allowed)) | ("has_any", FactType::SetOf(allowed)) => allowed,
            _ => return None,
        };
        let values = self.values.filter(|values| !values.is_empty())?;
        let mut set = Vec::with_capacity(values.len());
        for value in values {
            if !allowed.contains(&value.as_str()) {
                return None;
            }
            if !set.contains(&value) {
                set.push(value);
            }
        }
        Some(if operator == "in" {
            Test::In { fact, values: set }
        } else {
            Test::HasAny { fact, values: set }
        })
    }
}

impl ZoneRecord {
    /// The zone, as [`Zone::parse_at`] reads it without a problem; else
    /// `None`.
    fn zone(self) -> Option<Zone> {
        let mut zone = Zone {
            national: self.national.unwrap_or(false),
            ..Zone::default()
        };
        // Each code looked up once: whether it is one, and its bits.
        for code in self.departments.unwrap_or_default() {
            let (bit, region) = department_bits(&code)?;
            zone.department_bits |= bit;
            zone.department_region_bits |= region;
            zone.departments.insert(code);
        }
        for code in self.regions.unwrap_or_default() {
            zone.region_bits |= 1 << geo::region_position(&code)?;
            zone.regions.insert(code);
        }
        for code in self.communes.unwrap_or_default() {
            if !geo::is_commune_code(&code) {
                return None;
            }
            zone.communes.insert(code);
        }
        let empty =
            zone.regions.is_empty() && zone.departments.is_empty() && zone.communes.is_empty();
        (zone.national || !empty).then_some(zone)
    }
}

/// Where a condition is written, which decides what it may test beyond
/// the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// An entry's eligibility rule: facts, and conditions `to_check`.
    Eligibility,
    /// What the person has or is (`held_when`, a key step's `when`):
    /// facts only.
    Facts,
    /// A questionnaire's condition: facts, and `answer`s.
    Questionnaire,
}

/// How deep conditions may nest: deeper input is refused, never a stack
/// overflow ([`crate::base::limits::MAX_CONDITION_DEPTH`]).
pub const MAX_DEPTH: usize = crate::base::limits::MAX_CONDITION_DEPTH;

const OPERATORS: [&str; 12] = [
    "all", "any", "not", "equals", "in", "has_any", "compare", "between", "age", "in_zone",
    "to_check", "answer",
];

fn object<'a>(
    value: &'a Json,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<&'a Map<String, Json>> {
    let map = value.as_object();
    if map.is_none() {
        problems.push(Problem::at(
            "wrong_type",
            path,
            "Expected a JSON object here.",
        ));
    }
    map
}

fn strings(value: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Vec<String>> {
    let list = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect()
    });
    if list.is_none() {
        problems.push(Problem::at("wrong_type", path, "Expected a list of texts."));
    }
    list
}

/// The `values` of an operator: a non-empty list of texts.
fn values_listed(
    values: Option<&Json>,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<Vec<String>> {
    let values = strings(values.unwrap_or(&Json::Null), path, problems)?;
    if values.is_empty() {
        problems.push(Problem::at("empty_list", path, "List at least one value."));
        return None;
    }
    Some(values)
}

/// Reads a `{"fr": …, "en": …}` text, French required.
pub(crate) fn parse_label(
    value: &Json,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<LocalizedText> {
    match crate::base::json::read::<LocalizedText>(value) {
        Ok(text) if text.has(Locale::Fr) => Some(text),
        Ok(_) => {
            problems.push(Problem::at(
                "missing_translation",
                path,
                "Give this text in French: {\"fr\": \"…\"}.",
            ));
            None
        }
        Err(_) => {
            problems.push(Problem::at(
                "wrong_type",
                path,
                "A text is an object such as {\"fr\": \"…\", \"en\": \"…\"}.",
            ));
            None
        }
    }
}

/// The fields of an operator object, checked against the expected names.
fn fields<'a>(
    operand: &'a Json,
    path: &Path,
    expected: &[&str],
    problems: &mut Vec<Problem>,
) -> Option<Vec<Option<&'a Json>>> {
    let map = object(operand, path, problems)?;
    let mut ok = true;
    for key in map.keys() {
        if !expected.contains(&key.as_str()) {
            problems.push(Problem::at(
                "unknown_field",
                &path.field(key),
                format!("Expected only: {}.", expected.join(", ")),
            ));
            ok = false;
        }
    }
    ok.then(|| expected.iter().map(|name| map.get(*name)).collect())
}

fn fact_field(value: Option<&Json>, path: &Path, problems: &mut Vec<Problem>) -> Option<Fact> {
    let path = path.field("fact");
    match value.and_then(Json::as_str) {
        Some(name) => {
            let fact = Fact::from_name(name);
            if fact.is_none() {
                problems.push(Problem::at(
                    "unknown_fact",
                    &path,
                    format!("\"{name}\" is not a fact name; see docs/facts.md."),
                ));
            }
            fact
        }
        None => {
            problems.push(Problem::at(
                "missing_field",
                &path,
                "Name the fact: \"fact\": \"age\".",
            ));
            None
        }
    }
}

fn integer_field(value: Option<&Json>, path: &Path, problems: &mut Vec<Problem>) -> Option<i64> {
    let number = value.and_then(Json::as_i64);
    if number.is_none() {
        problems.push(Problem::at("wrong_type", path, "Expected a whole number."));
    }
    number
}

/// Checks that an integer fact's bound is within the fact's own range.
fn integer_fact(fact: Fact, path: &Path, problems: &mut Vec<Problem>) -> Option<(i64, i64)> {
    match fact.value_type() {
        FactType::Integer { min, max } => Some((min, max)),
        _ => {
            problems.push(Problem::at(
                "wrong_type",
                &path.field("fact"),
                format!("{fact} is not a number fact."),
            ));
            None
        }
    }
}

fn parse_equals(operand: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Test> {
    let [fact, value] = fields(operand, path, &["fact", "value"], problems)?[..] else {
        return None;
    };
    let fact = fact_field(fact, path, problems)?;
    if matches!(fact.value_type(), FactType::SetOf(_) | FactType::Date) {
        problems.push(Problem::at(
            "wrong_type",
            &path.field("fact"),
            format!("equals does not apply to {fact}; use has_any for lists and age for dates."),
        ));
        return None;
    }
    let value_path = path.field("value");
    let Some(value) = value else {
        problems.push(Problem::at("missing_field", &value_path, "Give the value."));
        return None;
    };
    // The path is written out only if the value is refused.
    match check_value(fact, value, "").map_err(|problem| Problem {
        path: value_path.to_string(),
        ..problem
    }) {
        Ok(value) => Some(Test::Equals { fact, value }),
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

fn parse_values(
    operator: &str,
    operand: &Json,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<Test> {
    let [fact, values] = fields(operand, path, &["fact", "values"], problems)?[..] else {
        return None;
    };
    let fact = fact_field(fact, path, problems)?;
    let allowed = match (operator, fact.value_type()) {
        ("in", FactType::OneOf(allowed)) | ("has_any", FactType::SetOf(allowed)) => allowed,
        _ => {
            let hint = if operator == "in" {
                "a one-of fact"
            } else {
                "a list fact, such as benefits"
            };
            problems.push(Problem::at(
                "wrong_type",
                &path.field("fact"),
                format!("{operator} needs {hint}; {fact} is not."),
            ));
            return None;
        }
    };
    let values_path = path.field("values");
    let values = values_listed(values, &values_path, problems)?;
    let mut set = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        if allowed.contains(&value.as_str()) {
            if !set.contains(&value) {
                set.push(value);
            }
        } else {
            problems.push(Problem::at(
                "not_allowed",
                &values_path.item(i),
                format!(
                    "\"{value}\" is not a value of {fact}; use one of: {}.",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Some(if operator == "in" {
        Test::In { fact, values: set }
    } else {
        Test::HasAny { fact, values: set }
    })
}

fn parse_answer(operand: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Test> {
    let [question, values] = fields(operand, path, &["question", "values"], problems)?[..] else {
        return None;
    };
    let Some(question) = question.and_then(Json::as_str) else {
        problems.push(Problem::at(
            "missing_field",
            &path.field("question"),
            "Name the question: \"question\": \"sleep_tonight\".",
        ));
        return None;
    };
    let values_path = path.field("values");
    let values = values_listed(values, &values_path, problems)?;
    Some(Test::Answer {
        question: question.to_owned(),
        values,
    })
}

fn parse_compare(operand: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Test> {
    let [fact, op, value] = fields(operand, path, &["fact", "op", "value"], problems)?[..] else {
        return None;
    };
    let fact = fact_field(fact, path, problems)?;
    let (min, max) = integer_fact(fact, path, problems)?;
    let op = match op.and_then(Json::as_str) {
        Some("<") => Comparison::Less,
        Some("<=") => Comparison::LessOrEqual,
        Some(">") => Comparison::Greater,
        Some(">=") => Comparison::GreaterOrEqual,
        _ => {
            problems.push(Problem::at(
                "wrong_type",
                &path.field("op"),
                "op is one of \"<\", \"<=\", \">\", \">=\".",
            ));
            return None;
        }
    };
    let value = integer_field(value, &path.field("value"), problems)?;
    if !(min..=max).contains(&value) {
        problems.push(Problem::at(
            "impossible_bounds",
            &path.field("value"),
            format!("{fact} is between {min} and {max}: compare it with a value in that range."),
        ));
        return None;
    }
    Some(Test::Compare { fact, op, value })
}

fn parse_between(operand: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Test> {
    let [fact, min, max] = fields(operand, path, &["fact", "min", "max"], problems)?[..] else {
        return None;
    };
    let fact = fact_field(fact, path, problems)?;
    let (lowest, highest) = integer_fact(fact, path, problems)?;
    let min = integer_field(min, &path.field("min"), problems);
    let max = integer_field(max, &path.field("max"), problems);
    let (min, max) = (min?, max?);
    if min > max || max < lowest || min > highest {
        problems.push(Problem::at(
            "impossible_bounds",
            path,
            format!("No value of {fact} ({lowest} to {highest}) is between {min} and {max}."),
        ));
        return None;
    }
    Some(Test::Between { fact, min, max })
}

fn parse_age(operand: &Json, path: &Path, problems: &mut Vec<Problem>) -> Option<Test> {
    let [min, max] = fields(operand, path, &["min", "max"], problems)?[..] else {
        return None;
    };
    let bound = |value: Option<&Json>, name: &str, problems: &mut Vec<Problem>| match value {
        None => Some(None),
        Some(value) => {
            let n = value.as_i64().filter(|n| (0..=130).contains(n));
            if n.is_none() {
                problems.push(Problem::at(
                    "wrong_type",
                    &path.field(name),
                    "An age bound is a whole number from 0 to 130.",
                ));
            }
            n.map(Some)
        }
    };
    let (min, max) = (bound(min, "min", problems), bound(max, "max", problems));
    let (min, max) = (min?, max?);
    match (min, max) {
        (None, None) => {
            problems.push(Problem::at("missing_field", path, "Give min, max or both."));
            None
        }
        (Some(min), Some(max)) if min > max => {
            problems.push(Problem::at(
                "impossible_bounds",
                path,
                format!("The minimum age ({min}) is above the maximum ({max})."),
            ));
            None
        }
        _ => Some(Test::Age { min, max }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rule(json: Json) -> Condition {
        let mut problems = Vec::new();
        let condition = Condition::parse(&json, "$", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
        condition.unwrap()
    }

    fn problems(json: Json) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        assert!(Condition::parse(&json, "$", &mut problems).is_none());
        problems.into_iter().map(|p| (p.code, p.path)).collect()
    }

    fn facts(json: Json) -> Facts {
        Facts::from_value(&json, "$")
            .unwrap()
            .resolve(crate::base::date::Date::parse("2026-11-26").unwrap())
            .unwrap()
    }

    fn text(rule: &Condition, facts: &Facts, locale: Locale) -> (Status, String) {
        let explanations = rule.explain(facts, locale);
        let explanation = explanations.all().get(0).unwrap();
        (explanation.status(), explanation.text())
    }

    #[test]
    fn each_leaf_kind_evaluates_and_explains_in_both_languages() {
        let person = facts(json!({
            "age": 22, "rqth": false, "employment_status": "student", "benefits": ["rsa"],
            "unemployment_months": 14, "monthly_resources": 800, "postal_code": "93200"
        }));
        let cases = [
            (json!({"age": {"min": 16, "max": 25}}), Status::Met,
             "Avoir entre 16 et 25 ans\u{a0}: vous avez 22\u{a0}ans", "Be between 16 and 25 years old: you are 22"),
            (json!({"equals": {"fact": "rqth", "value": true}}), Status::NotMet,
             "Être reconnu travailleur handicapé (RQTH)\u{a0}: vous n’avez pas la RQTH",
             "Be recognised as a disabled worker (RQTH): you do not have the RQTH"),
            (json!({"in": {"fact": "employment_status", "values": ["jobseeker", "inactive"]}}), Status::NotMet,
             "Situation\u{a0}: en recherche d’emploi ou sans activité\u{a0}: vous êtes élève ou étudiant",
             "Situation: looking for work or not working: you are a student"),
            (json!({"has_any": {"fact": "benefits", "values": ["rsa", "ass"]}}), Status::Met,
             "Aides reçues\u{a0}: RSA (revenu de solidarité active) ou ASS (allocation de solidarité spécifique)\u{a0}: vous recevez le RSA (revenu de solidarité active)",
             "Benefits received: RSA (minimum income) or ASS (unemployment assistance once rights to unemployment benefit end): you receive RSA (minimum income)"),
            (json!({"compare": {"fact": "unemployment_months", "op": ">=", "value": 12}}), Status::Met,
             "Temps sans emploi\u{a0}: au moins 12\u{a0}mois\u{a0}: vous êtes sans emploi depuis 14\u{a0}mois",
             "Time without work: at least 12 months: you have been out of work for 14 months"),
            (json!({"between": {"fact": "monthly_resources", "min": 0, "max": 1000}}), Status::Met,
             "Ressources du foyer par mois\u{a0}: entre 0 et 1\u{202f}000\u{a0}€\u{a0}: vos ressources\u{a0}: 800\u{a0}€ par mois",
             "Household resources per month: between €0 and €1,000: your resources: €800 a month"),
            (json!({"in_zone": {"departments": ["93"]}}), Status::Met,
             "Habiter\u{a0}: Seine-Saint-Denis (93)\u{a0}: votre département est Seine-Saint-Denis (93)",
             "Live in: Seine-Saint-Denis (93): your department is Seine-Saint-Denis (93)"),
        ];
        for (json, status, fr, en) in cases {
            let condition = rule(json);
            assert_eq!(
                text(&condition, &person, Locale::Fr),
                (status, fr.to_owned())
            );
            assert_eq!(
                text(&condition, &person, Locale::En),
                (status, en.to_owned())
            );
        }
    }

    #[test]
    fn unknown_facts_are_named_and_said() {
        let nobody = facts(json!({}));
        let condition = rule(json!({"all": [
            {"age": {"max": 25}},
            {"equals": {"fact": "in_education", "value": false}, "label": {"fr": "Ne plus être à l’école", "en": "Be out of school"}}
        ]}));
        assert_eq!(
            condition.evaluate(&nobody),
            Outcome::Unknown([Fact::Age, Fact::InEducation].into())
        );
        let explanations = condition.explain(&nobody, Locale::Fr);
        let explanation = explanations.all().get(0).unwrap();
        assert_eq!(explanation.text(), "Toutes ces conditions");
        let parts = explanation.parts();
        assert_eq!(
            parts.get(0).unwrap().text(),
            "Avoir au plus 25 ans\u{a0}: nous ne connaissons pas encore votre âge"
        );
        assert_eq!(
            parts.get(1).unwrap().text(),
            "Ne plus être à l’école\u{a0}: nous ne le savons pas encore"
        );
    }

    #[test]
    fn all_and_any_short_circuit_on_determined_parts() {
        let young = facts(json!({"age": 30}));
        let all = rule(
            json!({"all": [{"age": {"max": 25}}, {"equals": {"fact": "rqth", "value": true}}]}),
        );
        assert_eq!(all.evaluate(&young), Outcome::NotMet);
        let any = rule(
            json!({"any": [{"age": {"min": 18}}, {"equals": {"fact": "rqth", "value": true}}]}),
        );
        assert_eq!(any.evaluate(&young), Outcome::Met);
        let not = rule(json!({"not": {"equals": {"fact": "rqth", "value": true}}}));
        assert_eq!(not.evaluate(&young), Outcome::Unknown([Fact::Rqth].into()));
    }

    #[test]
    fn zones_use_what_is_known_of_the_place() {
        let in_93 = rule(json!({"in_zone": {"departments": ["93"]}}));
        let in_idf = rule(json!({"in_zone": {"regions": ["11"]}}));
        let in_commune = rule(json!({"in_zone": {"communes": ["93066"]}}));
        // Known region outside the listed department's region: not met.
        assert_eq!(
            in_93.evaluate(&facts(json!({"region": "84"}))),
            Outcome::NotMet
        );
        assert_eq!(
            in_93.evaluate(&facts(json!({"region": "11"}))),
            Outcome::Unknown([Fact::Department].into())
        );
        assert_eq!(
            in_idf.evaluate(&facts(json!({"postal_code": "93200"}))),
            Outcome::Met
        );
        assert_eq!(
            in_commune.evaluate(&facts(json!({"postal_code": "93200"}))),
            Outcome::Unknown([Fact::Commune].into())
        );
        assert_eq!(
            in_commune.evaluate(&facts(json!({"postal_code": "75011"}))),
            Outcome::NotMet
        );
        assert_eq!(
            in_commune.evaluate(&facts(json!({"commune": "93066"}))),
            Outcome::Met
        );
        assert_eq!(
            in_idf.evaluate(&facts(json!({}))),
            Outcome::Unknown([Fact::Department].into())
        );
    }

    #[test]
    fn load_errors_carry_codes_and_paths() {
        assert_eq!(
            problems(json!({"all": [
                {"equals": {"fact": "colour", "value": "blue"}},
                {"in": {"fact": "employment_status", "values": ["astronaut"]}},
                {"between": {"fact": "age", "min": 30, "max": 18}},
                {"age": {"min": 16}, "any": []},
                {"compare": {"fact": "rqth", "op": ">", "value": 1}},
                {"has_any": {"fact": "employment_status", "values": ["student"]}},
                {"in_zone": {"departments": ["99"]}},
                {"sometimes": true},
                {"equals": {"fact": "age", "value": "old"}}
            ]})),
            [
                ("unknown_fact", "$.all[0].equals.fact".to_owned()),
                ("not_allowed", "$.all[1].in.values[0]".to_owned()),
                ("impossible_bounds", "$.all[2].between".to_owned()),
                ("not_one_operator", "$.all[3]".to_owned()),
                ("wrong_type", "$.all[4].compare.fact".to_owned()),
                ("wrong_type", "$.all[5].has_any.fact".to_owned()),
                ("invalid_code", "$.all[6].in_zone.departments[0]".to_owned()),
                ("unknown_operator", "$.all[7].sometimes".to_owned()),
                ("wrong_type", "$.all[8].equals.value".to_owned()),
            ]
        );
    }

    #[test]
    fn conditions_are_written_back_in_their_own_syntax() {
        let national: Json =
            serde_json::from_str(include_str!("../../data/catalogue.json")).unwrap();
        let mut written = 0;
        for entry in national["entries"].as_array().unwrap() {
            let Some(json) = entry.get("eligibility") else {
                continue;
            };
            let condition = rule(json.clone());
            let back = serde_json::to_value(&condition).unwrap();
            assert_eq!(rule(back.clone()), condition, "{}", entry["id"]);
            written += 1;
        }
        assert!(written > 20);
        for json in [
            serde_json::json!({"compare": {"fact": "unemployment_months", "op": "<", "value": 3}}),
            serde_json::json!({"between": {"fact": "monthly_resources", "min": 0, "max": 900}}),
            serde_json::json!({"age": {"max": 25}}),
            serde_json::json!({"not": {"has_any": {"fact": "benefits", "values": ["rsa"]}}}),
            serde_json::json!({"in_zone": {"departments": ["93"], "communes": ["97411"]}}),
            serde_json::json!({"equals": {"fact": "postal_code", "value": "93200"}, "label": {"fr": "À Saint-Denis"}}),
        ] {
            let condition = rule(json.clone());
            assert_eq!(serde_json::to_value(&condition).unwrap(), json);
        }
    }

    #[test]
    fn a_condition_no_fact_can_say_is_said_as_what_to_check() {
        let condition = rule(json!({"all": [
            {"age": {"min": 25}},
            {"to_check": {
                "fr": "Avoir travaillé 2 ans sur les 3 dernières années",
                "en": "Have worked 2 years in the last 3"
            }}
        ]}));
        // Whatever the person says, it stays to check, and no question
        // could settle it: no fact is missing.
        let person = facts(json!({"age": 40, "employment_status": "jobseeker"}));
        assert_eq!(
            condition.evaluate(&person),
            Outcome::Unknown(FactSet::EMPTY)
        );
        let explanations = condition.explain(&person, Locale::Fr);
        let parts = explanations.all().get(0).unwrap().parts();
        let check = parts.get(1).unwrap();
        assert_eq!(check.status(), Status::Unknown);
        assert_eq!(
            check.text(),
            "À vérifier\u{a0}: Avoir travaillé 2 ans sur les 3 dernières années"
        );
        let explanations = condition.explain(&person, Locale::En);
        let parts = explanations.all().get(0).unwrap().parts();
        assert_eq!(
            parts.get(1).unwrap().text(),
            "To check: Have worked 2 years in the last 3"
        );
        // A condition not met settles it: nothing left to check.
        let young = facts(json!({"age": 19}));
        assert_eq!(condition.evaluate(&young), Outcome::NotMet);
        assert!(condition.pending_checks(&young).is_empty());
        assert_eq!(condition.pending_checks(&person).len(), 1);
        // Written back as read.
        let back = serde_json::to_value(&condition).unwrap();
        assert_eq!(
            back["all"][1]["to_check"]["en"],
            "Have worked 2 years in the last 3"
        );
        assert_eq!(rule(back), condition);
    }

    #[test]
    fn only_an_eligibility_rule_leaves_a_condition_to_check() {
        let check = json!({"to_check": {"fr": "Être orienté par un prescripteur"}});
        let mut problems = Vec::new();
        assert!(
            Condition::parse_about_facts(&json!({"any": [check]}), "$", &mut problems).is_none()
        );
        assert_eq!(problems[0].code, "to_check_outside_eligibility");
        assert_eq!(problems[0].path, "$.any[0].to_check");
        let mut problems = Vec::new();
        let path = Path::Root("$");
        assert!(Condition::parse_with_answers(&check, &path, &mut problems).is_none());
        assert_eq!(problems[0].code, "to_check_outside_eligibility");
        assert_eq!(
            super::tests::problems(json!({"not": {"to_check": {"en": "Only English"}}})),
            [("missing_translation", "$.not.to_check".to_owned())]
        );
        assert_eq!(
            super::tests::problems(
                json!({"to_check": {"fr": "Un texte"}, "label": {"fr": "Autre"}})
            ),
            [("unknown_field", "$.label".to_owned())]
        );
    }

    /// Every variant of `value` with one change: each member, item or
    /// whole value in turn replaced by a value of another type or out of
    /// range, each member removed, an unknown member added, each list
    /// emptied or cut of its first item.
    fn variants(value: &Json) -> Vec<Json> {
        let replacements = [
            json!(null),
            json!(true),
            json!(0),
            json!(-1),
            json!(1.5),
            json!(200),
            json!(99999999999999999999u128 as f64),
            json!(""),
            json!("x"),
            json!("93"),
            json!(["x"]),
            json!([]),
            json!({}),
            json!({"fr": "Un texte"}),
            json!({"age": {"min": 18}}),
        ];
        let mut found: Vec<Json> = replacements.to_vec();
        match value {
            Json::Object(map) => {
                for (key, member) in map {
                    for variant in variants(member) {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), variant);
                        found.push(Json::Object(changed));
                    }
                    let mut without = map.clone();
                    without.remove(key);
                    found.push(Json::Object(without));
                }
                let mut more = map.clone();
                more.insert("colour".into(), json!("blue"));
                found.push(Json::Object(more));
                for extra in ["label", "all", "national"] {
                    let mut more = map.clone();
                    more.insert(extra.into(), json!({"fr": "Un texte"}));
                    found.push(Json::Object(more));
                }
                // A member of another test's operand.
                for (extra, value) in [
                    ("fact", json!("age")),
                    ("value", json!(3)),
                    ("values", json!(["jeunes"])),
                    ("op", json!("<")),
                    ("min", json!(1)),
                    ("max", json!(2)),
                    ("question", json!("sleep_tonight")),
                ] {
                    if !map.contains_key(extra) {
                        let mut more = map.clone();
                        more.insert(extra.into(), value);
                        found.push(Json::Object(more));
                    }
                }
            }
            Json::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    for variant in variants(item) {
                        let mut changed = items.clone();
                        changed[i] = variant;
                        found.push(Json::Array(changed));
                    }
                }
                found.push(json!([]));
                if !items.is_empty() {
                    found.push(Json::Array(items[1..].to_vec()));
                }
            }
            _ => {}
        }
        found
    }

    /// Conditions of every kind, in every place, as written by authors:
    /// each given in its variants, then the national catalogue's rules.
    fn written_conditions() -> (Vec<Json>, Vec<Json>) {
        let written = vec![
            json!({"all": [{"age": {"min": 16, "max": 25}}, {"in_zone": {"departments": ["93", "95"]}}]}),
            json!({"any": [{"equals": {"fact": "rqth", "value": true}}, {"between": {"fact": "monthly_resources", "min": 0, "max": 1000}}]}),
            json!({"not": {"has_any": {"fact": "benefits", "values": ["rsa", "ass", "rsa"]}}}),
            json!({"in": {"fact": "employment_status", "values": ["jobseeker", "inactive"]}, "label": {"en": "Out of work", "fr": "Sans emploi"}}),
            json!({"compare": {"fact": "unemployment_months", "op": ">=", "value": 12}}),
            json!({"age": {"max": 25}}),
            json!({"equals": {"fact": "postal_code", "value": "93200"}}),
            json!({"equals": {"fact": "employment_status", "value": "student"}}),
            json!({"in_zone": {"national": true}}),
            json!({"in_zone": {"regions": ["11"], "communes": ["97411"], "national": false}}),
            json!({"to_check": {"fr": "Être orienté par un prescripteur", "en": "Be referred"}}),
            json!({"answer": {"question": "sleep_tonight", "values": ["street", "car"]}}),
        ];
        let national: Json =
            serde_json::from_str(include_str!("../../data/catalogue.json")).unwrap();
        let mut rules = Vec::new();
        for entry in national["entries"].as_array().unwrap() {
            for member in ["eligibility", "held_when"] {
                rules.extend(entry.get(member).cloned());
            }
        }
        (written, rules)
    }

    /// A condition read from its text ([`ConditionRecord::condition`]) is
    /// the one read through its value, and is read so exactly when its
    /// value is read without a problem; read by
    /// [`Condition::parse_text`], it has the same problems.
    #[test]
    fn a_condition_read_from_its_text_is_the_one_read_through_its_value() {
        let (mut compared, mut from_text) = (0, 0);
        let mut deep = json!({"age": {"min": 1}});
        for _ in 0..=MAX_DEPTH {
            deep = json!({"not": deep});
        }
        let (written, rules) = written_conditions();
        let cases = (written.iter())
            .flat_map(|written| variants(written).into_iter().chain([written.clone()]))
            .chain(rules)
            .chain([deep]);
        for value in &cases.collect::<Vec<_>>() {
            let text = serde_json::to_string(value).unwrap();
            for place in [Place::Eligibility, Place::Facts, Place::Questionnaire] {
                let mut problems = Vec::new();
                let read =
                    Condition::parse_at_depth(value, &Path::Root("$"), &mut problems, 0, place);
                let fast = serde_json::from_str::<Object<ConditionRecord>>(&text)
                    .ok()
                    .and_then(|Object(record)| record.condition(0, place));
                assert_eq!(
                    fast.is_some(),
                    problems.is_empty(),
                    "{text} {place:?}: {problems:?}"
                );
                if let Some(fast) = &fast {
                    assert_eq!(Some(fast), read.as_ref(), "{text}");
                    let written = |condition| serde_json::to_value(condition).unwrap();
                    assert_eq!(written(fast), written(read.as_ref().unwrap()), "{text}");
                    from_text += 1;
                }
                let mut told = Vec::new();
                let whole = Condition::parse_text_in(&text, &Path::Root("$"), &mut told, place);
                assert_eq!(whole, read, "{text}");
                assert_eq!(told, problems, "{text}");
                compared += 1;
            }
        }
        assert!(
            compared > 4_000 && from_text > 400,
            "{compared} compared, {from_text} read from text"
        );
    }

    #[test]
    fn each_department_has_its_own_bit_and_its_region_s() {
        for (code, _, region) in geo::DEPARTMENTS {
            let position = geo::department_position(code).unwrap();
            let region = geo::region_position(region).unwrap();
            assert_eq!(department_bits(code), Some((1 << position, 1 << region)));
            assert!(geo::is_department(code));
        }
        for code in ["", "20", "2a", "93 ", "093", "975", "99", "11111"] {
            assert_eq!(department_bits(code), None, "{code}");
            assert!(!geo::is_department(code));
        }
    }

    /// The same for zones ([`ZoneRecord::zone`], [`Zone::parse_text`]).
    #[test]
    fn a_zone_read_from_its_text_is_the_one_read_through_its_value() {
        let mut cases = Vec::new();
        for written in [
            json!({"departments": ["93", "2A"]}),
            json!({"national": true, "regions": ["11"]}),
            json!({"communes": ["93066", "97411"], "departments": ["75"], "national": false}),
        ] {
            cases.extend(variants(&written));
            cases.push(written);
        }
        let mut from_text = 0;
        for value in &cases {
            let text = serde_json::to_string(value).unwrap();
            let mut problems = Vec::new();
            let read = Zone::parse(value, "$", &mut problems);
            let fast = serde_json::from_str::<Object<ZoneRecord>>(&text)
                .ok()
                .and_then(|Object(record)| record.zone());
            assert_eq!(fast.is_some(), problems.is_empty(), "{text}: {problems:?}");
            if fast.is_some() {
                assert_eq!(fast, read, "{text}");
                from_text += 1;
            }
            let mut told = Vec::new();
            assert_eq!(
                Zone::parse_text(&text, &Path::Root("$"), &mut told),
                read,
                "{text}"
            );
            assert_eq!(told, problems, "{text}");
        }
        assert!(from_text > 10, "{from_text}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let mut deep = json!({"age": {"min": 1}});
        for _ in 0..200 {
            deep = json!({"not": deep});
        }
        let found = problems(deep);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "too_deep");
    }
}
