//! Explanations: why each condition of a rule is met, not met or unknown,
//! in words that quote the person's values.
//!
//! Explaining is recording: while the catalogue's compiled rules are
//! evaluated (see `program.rs`), the status of each condition is written
//! at the condition's place, one byte each, in one list that a whole
//! orientation shares. No sentence is made then: the sentence of a
//! condition was made once when the catalogue was read, the person's values
//! are made once per person on first use, and the two are joined when an
//! explanation is read ([`Explanation::text`]) or serialised. That is how
//! 10,000 entries are evaluated and explained in about a millisecond.
//!
//! ```
//! use passerelle_core::facts::Facts;
//! use passerelle_core::Locale;
//! use passerelle_core::rules::{Condition, Status};
//!
//! let rule = Condition::parse(&serde_json::json!({"all": [
//!     {"age": {"max": 25}},
//!     {"equals": {"fact": "rqth", "value": true}}
//! ]}), "$", &mut Vec::new()).unwrap();
//! let facts = Facts::from_json(r#"{"age": 22}"#).unwrap();
//! let explanations = rule.explain(&facts, Locale::En);
//! let all = explanations.all().get(0).unwrap();
//! assert_eq!(all.status(), Status::Unknown);
//! let parts: Vec<String> = all.parts().iter().map(|part| part.text()).collect();
//! assert_eq!(parts, [
//!     "Be at most 25 years old: you are 22",
//!     "Be recognised as a disabled worker (RQTH): we do not know yet",
//! ]);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::rules::conditions::{Condition, Outcome, Status, Test};
use crate::rules::program::{Program, Slots};
use crate::rules::sentences;
use crate::text;
use crate::text::Locale;
use crate::vocabulary::communes::Communes;
use crate::vocabulary::facts::{Fact, Facts};

/// The recorded explanations of one person's evaluations, and the person's
/// values in words. Conditions are borrowed from the catalogue (`'c`).
#[derive(Debug, Clone)]
pub struct Explanations<'c> {
    program: Cow<'c, Program>,
    /// The status of each operation of the program, once recorded.
    statuses: Vec<Status>,
    /// The condition explained, when it is explained alone.
    root: Option<&'c Condition>,
    /// The person's facts as the program reads them.
    slots: Slots,
    person: PersonTexts,
}

impl<'c> Explanations<'c> {
    /// Explains `condition` alone (see [`Condition::explain`]).
    pub(crate) fn of_condition(
        condition: &'c Condition,
        facts: Facts,
        locale: Locale,
    ) -> Explanations<'c> {
        let mut program = Program::default();
        let at = program.compile(condition);
        let mut explanations = Explanations::of_program(
            Cow::Owned(program),
            facts,
            &Communes::default(),
            locale,
            true,
        );
        explanations.root = Some(condition);
        explanations.evaluate(at);
        explanations
    }

    /// Ready to evaluate the conditions of `program` on resolved `facts`,
    /// and to record their statuses if `explain`; the sentences name the
    /// communes that `communes` knows.
    pub(crate) fn of_program(
        program: Cow<'c, Program>,
        facts: Facts,
        communes: &Communes,
        locale: Locale,
        explain: bool,
    ) -> Explanations<'c> {
        let statuses = if explain {
            vec![Status::Unknown; program.len()]
        } else {
            Vec::new()
        };
        Explanations {
            slots: program.slots(&facts),
            program,
            statuses,
            root: None,
            person: PersonTexts::new(facts, communes.clone(), locale),
        }
    }

    /// The facts the conditions are evaluated on.
    pub fn facts(&self) -> &Facts {
        &self.person.facts
    }

    /// The language of the sentences.
    pub fn locale(&self) -> Locale {
        self.person.locale
    }

    /// Whether statuses are recorded.
    pub(crate) fn explains(&self) -> bool {
        !self.statuses.is_empty()
    }

    /// Evaluates the condition compiled at `at`, recording its status and
    /// every part's if explaining (all parts then: `all` and `any` do not
    /// stop early, so that each part can be shown).
    pub(crate) fn evaluate(&mut self, at: u32) -> Outcome {
        if self.statuses.is_empty() {
            self.program
                .evaluate_in(at, &self.slots, &self.person.facts)
        } else {
            self.program
                .record(at, &self.person.facts, &mut self.statuses)
        }
    }

    /// The status of an entry whose zone and rule are compiled at `zone`
    /// and `rule`: both met.
    pub(crate) fn settle_entry(&self, zone: u32, rule: Option<u32>) -> Status {
        (self.program).settle_entry(zone, rule, &self.slots, &self.person.facts)
    }

    /// The program and the facts as it reads them: for
    /// [`Program::entry_codes`] and [`Program::settle_code`].
    pub(crate) fn program_and_slots(&self) -> (&Program, &Slots) {
        (&self.program, &self.slots)
    }

    /// The explanation of the condition explained alone; empty for the
    /// explanations of an orientation (see `Orientation::explanation`).
    pub fn all(&self) -> ExplanationList<'_> {
        let root = self.root.map(std::slice::from_ref).unwrap_or_default();
        self.list(None, root, 0)
    }

    /// Explanations side by side: `head` (a condition and where it was
    /// compiled), then `siblings`, compiled one after the other from `start`.
    pub(crate) fn list<'a>(
        &'a self,
        head: Option<(&'a Condition, u32)>,
        siblings: &'a [Condition],
        start: u32,
    ) -> ExplanationList<'a> {
        ExplanationList {
            explanations: self,
            head,
            siblings,
            start,
        }
    }
}

/// The explanations of conditions side by side (a rule's parts, or an
/// entry's zone and rule). In JSON, a list of [`Explanation`]s.
#[derive(Clone, Copy)]
pub struct ExplanationList<'a> {
    explanations: &'a Explanations<'a>,
    head: Option<(&'a Condition, u32)>,
    siblings: &'a [Condition],
    start: u32,
}

impl<'a> ExplanationList<'a> {
    /// The explanations in order.
    pub fn iter(&self) -> impl Iterator<Item = Explanation<'a>> + 'a {
        let explanations = self.explanations;
        let explain = move |(condition, at)| Explanation {
            explanations,
            condition,
            at,
        };
        let mut at = self.start;
        let siblings = self.siblings.iter().map(move |condition| {
            let here = at;
            at = explanations.program.end(here as usize) as u32;
            (condition, here)
        });
        self.head.into_iter().chain(siblings).map(explain)
    }

    /// The `index`-th explanation.
    pub fn get(&self, index: usize) -> Option<Explanation<'a>> {
        self.iter().nth(index)
    }

    pub fn len(&self) -> usize {
        usize::from(self.head.is_some()) + self.siblings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for ExplanationList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for ExplanationList<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for ExplanationList<'_> {}

impl Serialize for ExplanationList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for explanation in self.iter() {
            seq.serialize_element(&explanation)?;
        }
        seq.end()
    }
}

/// Why one condition is met, not met or unknown. In JSON:
/// `{"status": "met", "text": "Avoir entre 16 et 25 ans : vous avez 22 ans", "parts": [...]}`
/// (`parts` for an `all`, `any` or `not` only).
#[derive(Clone, Copy)]
pub struct Explanation<'a> {
    explanations: &'a Explanations<'a>,
    condition: &'a Condition,
    /// Where the condition was compiled: where its status is.
    at: u32,
}

impl<'a> Explanation<'a> {
    pub fn status(&self) -> Status {
        let statuses = &self.explanations.statuses;
        statuses
            .get(self.at as usize)
            .copied()
            .unwrap_or(Status::Unknown)
    }

    /// The condition explained.
    pub fn condition(&self) -> &'a Condition {
        self.condition
    }

    /// The explanations of its parts (of an `all`, `any` or `not`).
    pub fn parts(&self) -> ExplanationList<'a> {
        let parts = match self.condition.test() {
            Test::All(parts) | Test::Any(parts) => parts.as_slice(),
            Test::Not(part) => std::slice::from_ref(&**part),
            _ => &[],
        };
        self.explanations.list(None, parts, self.at + 1)
    }

    /// One short sentence: the condition, and the person's value it was
    /// checked against ("Avoir entre 16 et 25 ans : vous avez 22 ans").
    pub fn text(&self) -> String {
        let mut text = String::new();
        self.write_text(&mut text);
        text
    }

    /// Appends [`text`](Self::text) to `out`.
    fn write_text(&self, out: &mut String) {
        let person = &self.explanations.person;
        let condition = match self.condition.test() {
            // A zone of communes was put in words when the catalogue was
            // read, without their names: named now, when they are known.
            Test::InZone(zone)
                if self.condition.label().is_none()
                    && !zone.communes().is_empty()
                    && !person.communes.is_empty() =>
            {
                Cow::Owned(text::in_language(
                    sentences::zone_text_in(zone, &person.communes, person.locale),
                    person.locale,
                ))
            }
            _ => self.condition.text(person.locale),
        };
        let about = person.about(self.condition);
        let sentence = sentences::WithPerson {
            pattern: person.with_person,
            condition: &condition,
            person: about.as_deref(),
            locale: person.locale,
        };
        sentence.write_into(out);
    }
}

/// An explanation's sentence as its JSON gets it: made in one buffer
/// reused for every sentence, not in a String of its own each.
struct TextOf<'e, 'a>(&'e Explanation<'a>);

impl Serialize for TextOf<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        thread_local! {
            static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        BUFFER.with(|buffer| match buffer.try_borrow_mut() {
            Ok(mut text) => {
                text.clear();
                self.0.write_text(&mut text);
                serializer.serialize_str(&text)
            }
            // Never while a sentence is written, but no panic if it were.
            Err(_) => serializer.serialize_str(&self.0.text()),
        })
    }
}

impl fmt::Debug for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Explanation")
            .field("status", &self.status())
            .field("text", &self.text())
            .field("parts", &self.parts())
            .finish()
    }
}

impl PartialEq for Explanation<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.status() == other.status()
            && self.text() == other.text()
            && self.parts() == other.parts()
    }
}

impl Eq for Explanation<'_> {}

impl Serialize for Explanation<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("status", &self.status())?;
        map.serialize_entry("text", &TextOf(self))?;
        let parts = self.parts();
        if !parts.is_empty() {
            map.serialize_entry("parts", &parts)?;
        }
        map.end()
    }
}

/// The person's values as halves of sentences ("vous avez 22 ans"), each
/// made on first use and then shared by every explanation.
#[derive(Debug, Clone)]
struct PersonTexts {
    facts: Facts,
    /// The communes known, to name the person's and a zone's.
    communes: Communes,
    locale: Locale,
    values: [OnceLock<Box<str>>; Fact::ALL.len()],
    place: OnceLock<Box<str>>,
    /// The pattern joining a condition and the person's value.
    with_person: Option<&'static str>,
}

impl PersonTexts {
    fn new(facts: Facts, communes: Communes, locale: Locale) -> PersonTexts {
        PersonTexts {
            facts,
            communes,
            locale,
            values: [const { OnceLock::new() }; Fact::ALL.len()],
            place: OnceLock::new(),
            with_person: sentences::WithPerson::pattern(locale),
        }
    }

    fn value(&self, fact: Fact) -> &str {
        self.values[fact as usize].get_or_init(|| {
            sentences::person_value_text(fact, self.facts.get(fact), &self.communes, self.locale)
                .into()
        })
    }

    fn place(&self) -> &str {
        self.place.get_or_init(|| {
            text::in_language(
                sentences::place_text(
                    self.facts.get(Fact::Commune),
                    self.facts.get(Fact::Department),
                    &self.communes,
                    self.locale,
                ),
                self.locale,
            )
            .into()
        })
    }

    /// What the person's values say about `condition`: the value it reads,
    /// or for a labelled `all`, `any` or `not`, the known values of the
    /// facts its parts read; nothing for an unlabelled one (its parts say).
    fn about(&self, condition: &Condition) -> Option<Cow<'_, str>> {
        match condition.test() {
            Test::All(_) | Test::Any(_) | Test::Not(_) => condition
                .label()
                .map(|_| Cow::Owned(self.known_values(condition))),
            Test::InZone(_) => Some(Cow::Borrowed(self.place())),
            // What to check is said alone: no fact of the person's says it.
            Test::Answer { .. } | Test::ToCheck(_) => None,
            Test::Age { .. } => Some(Cow::Borrowed(self.value(Fact::Age))),
            Test::Equals { fact, .. }
            | Test::In { fact, .. }
            | Test::HasAny { fact, .. }
            | Test::Compare { fact, .. }
            | Test::Between { fact, .. } => Some(Cow::Borrowed(self.value(*fact))),
        }
    }

    /// The person's known values of the facts `condition` reads ("vous
    /// avez 19 ans ; vous habitez …"), or that none is known.
    fn known_values(&self, condition: &Condition) -> String {
        let mut read = Vec::new();
        condition.facts_in_order(&mut read);
        let facts = &self.facts;
        let place_known =
            facts.get(Fact::Commune).is_some() || facts.get(Fact::Department).is_some();
        let mut known: Vec<&str> = Vec::new();
        for fact in read {
            let text = match fact {
                Fact::Commune | Fact::Department | Fact::Region if place_known => {
                    Some(self.place())
                }
                Fact::Commune | Fact::Department | Fact::Region => None,
                _ if facts.get(fact).is_some() => Some(self.value(fact)),
                _ => None,
            };
            if let Some(text) = text.filter(|text| !known.contains(text)) {
                known.push(text);
            }
        }
        if known.is_empty() {
            sentences::person_value_text(Fact::Rqth, None, &self.communes, self.locale)
        } else {
            known.join(if self.locale == Locale::Fr {
                "\u{202f}; "
            } else {
                "; "
            })
        }
    }
}

impl Condition {
    /// Explains the evaluation on resolved facts, in `locale`: the
    /// condition's status and each of its parts', in words.
    ///
    /// ```
    /// use passerelle_core::date::Date;
    /// use passerelle_core::facts::Facts;
    /// use passerelle_core::Locale;
    /// use passerelle_core::rules::{Condition, Status};
    ///
    /// let rule = Condition::parse(&serde_json::json!({"age": {"min": 16, "max": 25}}), "$", &mut Vec::new()).unwrap();
    /// let facts = Facts::from_json(r#"{"age": 22}"#).unwrap();
    /// let explanations = rule.explain(&facts, Locale::Fr);
    /// let explanation = explanations.all().get(0).unwrap();
    /// assert_eq!(explanation.status(), Status::Met);
    /// assert_eq!(explanation.text(), "Avoir entre 16 et 25 ans\u{a0}: vous avez 22\u{a0}ans");
    /// ```
    pub fn explain(&self, facts: &Facts, locale: Locale) -> Explanations<'_> {
        Explanations::of_condition(self, facts.clone(), locale)
    }
}
