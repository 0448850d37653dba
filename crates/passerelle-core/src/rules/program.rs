//! Rules compiled to a flat program, for speed.
//!
//! A [`Condition`] is a tree of separately allocated nodes, each carrying
//! its sentences: good to read and explain, slow to walk 10,000 times
//! (every node is a cache miss). A catalogue compiles all its zones and
//! rules once into one [`Program`]: small operations side by side, each
//! condition followed by its parts (pre-order), each `all`, `any` and
//! `not` knowing where its parts end. Evaluating a catalogue then reads
//! memory in order.
//!
//! [`Condition::evaluate`] stays the reference: the program gives the same
//! outcome for every condition and facts (tested with random rules in
//! `tests/three_valued_laws.rs`), and an explanation records the status of
//! each operation, which is the status of the condition it was compiled
//! from.
//!
//! Matching a catalogue of thousands of entries asks mostly for a status
//! (met, not met, unknown), not for the facts missing: [`Program::settle`]
//! gives it from [`Slots`], the facts read once per call into one word
//! each, with no branch per test (a test is `low <= word & mask <= high`)
//! and the three states as two bits, so that `all`, `any` and `not` are
//! bit operations. [`Program::evaluate_in`] asks the reference for the
//! facts missing only when the status is unknown.

use crate::rules::conditions::{Comparison, Condition, Outcome, Status, Test, Zone};
use crate::vocabulary::facts::{bits_of, Fact, FactType, Facts, Value};

/// The facts as a program reads them, made once for many evaluations
/// ([`Program::slots`], [`Program::settle`]): each fact's compact form
/// (see [`Facts`]) and its integer value side by side, which are known,
/// and the verdict of each of the program's checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slots {
    /// `words[fact][0]`: the compact form of a known fact; `[1]`: the
    /// value of a fact known as an integer; else 0.
    words: [[i64; 2]; Fact::ALL.len()],
    /// `known[0]`: the facts known, one bit each; `[1]`: those known as
    /// an integer.
    known: [u64; 2],
    /// The verdict (see [`MET`]) of each of [`Program::checks`].
    checks: Vec<u8>,
}

impl Slots {
    fn of(facts: &Facts, checks: &[Check]) -> Slots {
        let mut slots = Slots {
            words: [[0; 2]; Fact::ALL.len()],
            known: [0; 2],
            checks: Vec::new(),
        };
        for (i, fact) in Fact::ALL.iter().enumerate() {
            if let Some(compact) = facts.compact(*fact) {
                slots.words[i][0] = i64::from(compact);
                slots.known[0] |= 1 << i;
            }
            if let Some(Value::Integer(value)) = facts.get(*fact) {
                slots.words[i][1] = *value;
                slots.known[1] |= 1 << i;
            }
        }
        slots.checks = checks.iter().map(|check| check.verdict(&slots)).collect();
        slots
    }

    /// The verdict of the program's `check`-th check.
    #[inline(always)]
    fn verdict(&self, check: u32) -> u8 {
        self.checks.get(check as usize).copied().unwrap_or(UNKNOWN)
    }
}

/// A test of one fact: its word (see [`Slots`]), masked, within
/// `low..=high`. Its compact form sharing a bit with `mask` (`low` 1),
/// for `in`, `has_any`, and `equals` on a yes/no or one-of fact; an
/// `integer` fact's value (`mask` all ones) within bounds, for
/// `compare`, `between`, `age`, and `equals` on a number. A catalogue's
/// rules repeat the same few checks (an age band, a status): each is
/// kept once, and settled once per call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Check {
    fact: Fact,
    integer: bool,
    mask: u32,
    low: i64,
    high: i64,
}

impl Check {
    /// The outcome on `facts`: the reference.
    fn outcome(&self, facts: &Facts) -> Outcome {
        let word = if self.integer {
            match facts.get(self.fact) {
                Some(Value::Integer(value)) => Some(*value),
                _ => None,
            }
        } else {
            facts.compact(self.fact).map(i64::from)
        };
        match word {
            Some(word) => Outcome::of((self.low..=self.high).contains(&(word & wide(self.mask)))),
            None => Outcome::unknown(self.fact),
        }
    }

    /// The verdict from `slots`' words, without a branch.
    fn verdict(&self, slots: &Slots) -> u8 {
        let i = self.fact as usize;
        let integer = usize::from(self.integer);
        let known = (slots.known[integer] >> i) & 1 == 1;
        let word = slots.words[i][integer] & wide(self.mask);
        let met = (self.low <= word) & (word <= self.high);
        u8::from(met & known) | u8::from(met | !known) << 1
    }
}

/// Met, not met or unknown as the least and the most the condition may
/// be (0 not met, 1 met), in two bits: met is at least and at most met,
/// not met at most not met, unknown at least not met and at most met.
/// "And" is then the bits' `&`, "or" their `|`; "not" swaps the bits and
/// flips them.
const MET: u8 = 0b11;
const NOT_MET: u8 = 0b00;
const UNKNOWN: u8 = 0b10;

/// `verdict` negated.
#[inline(always)]
fn negated(verdict: u8) -> u8 {
    let flipped = !verdict & 0b11;
    (flipped & 1) << 1 | flipped >> 1
}

fn verdict(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Met => MET,
        Outcome::NotMet => NOT_MET,
        Outcome::Unknown(_) => UNKNOWN,
    }
}

/// One operation: a condition without its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// Every part is met; the parts end at `end`.
    All { end: u32 },
    /// At least one part is met.
    Any { end: u32 },
    /// The part (the next operation) is not met.
    Not { end: u32 },
    /// `checks[check]`: a known fact's word within bounds (see [`Check`]).
    Test { check: u32 },
    /// Always met: the zone of the whole country.
    Everywhere,
    /// Any other `equals`: the fact equals `values[index]`.
    Equals { fact: Fact, index: u32 },
    /// The place is in `zones[index]`.
    InZone { index: u32 },
    /// Always unknown, with no fact missing: a condition `to_check`, or an
    /// `answer` condition, which only questionnaires evaluate (catalogues
    /// refuse it).
    Unknown,
}

/// Compiled conditions; see the module documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Program {
    ops: Vec<Op>,
    values: Vec<Value>,
    zones: Vec<Zone>,
    /// Each zone's [`Zone::departments_only`], in two words.
    departments_only: Vec<[u64; 2]>,
    /// The checks, each once, and where each is.
    checks: Vec<Check>,
    check_positions: std::collections::HashMap<Check, u32>,
}

impl Program {
    /// Compiles `condition` at the end of the program; returns where it starts.
    pub fn compile(&mut self, condition: &Condition) -> u32 {
        let at = self.ops.len();
        let op = match condition.test() {
            Test::All(parts) | Test::Any(parts) => {
                self.ops.push(Op::All { end: 0 });
                for part in parts {
                    self.compile(part);
                }
                let end = self.ops.len() as u32;
                if matches!(condition.test(), Test::All(_)) {
                    Op::All { end }
                } else {
                    Op::Any { end }
                }
            }
            Test::Not(part) => {
                self.ops.push(Op::Not { end: 0 });
                self.compile(part);
                Op::Not {
                    end: self.ops.len() as u32,
                }
            }
            test => {
                let op = self.leaf(test);
                self.ops.push(op);
                op
            }
        };
        self.ops[at] = op;
        at as u32
    }

    fn leaf(&mut self, test: &Test) -> Op {
        if let Some(check) = check_of(test) {
            let next = self.checks.len() as u32;
            let at = *self.check_positions.entry(check).or_insert(next);
            if at == next {
                self.checks.push(check);
            }
            return Op::Test { check: at };
        }
        match test {
            Test::Equals { fact, value } => {
                self.values.push(value.clone());
                Op::Equals {
                    fact: *fact,
                    index: self.values.len() as u32 - 1,
                }
            }
            Test::InZone(zone) if zone.is_national() => Op::Everywhere,
            Test::InZone(zone) => {
                self.zones.push((**zone).clone());
                let bits = zone.departments_only();
                self.departments_only
                    .push([bits as u64, (bits >> 64) as u64]);
                Op::InZone {
                    index: self.zones.len() as u32 - 1,
                }
            }
            _ => Op::Unknown,
        }
    }

    /// Where the facts are read from, for `checks`' verdicts.
    pub fn slots(&self, facts: &Facts) -> Slots {
        Slots::of(facts, &self.checks)
    }

    /// How many operations: the size of an explanation of the whole program.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// One past the last part of the operation at `at`.
    pub fn end(&self, at: usize) -> usize {
        match self.ops.get(at) {
            Some(Op::All { end } | Op::Any { end } | Op::Not { end }) => *end as usize,
            _ => at + 1,
        }
    }

    /// The outcome of the condition compiled at `at`.
    pub fn evaluate(&self, at: u32, facts: &Facts) -> Outcome {
        self.run(at as usize, facts, &mut NoRecord)
    }

    /// The outcome of the condition compiled at `at`, with the status of
    /// it and each of its parts written at their places in `statuses`
    /// (every part is evaluated, none is skipped).
    pub fn record(&self, at: u32, facts: &Facts, statuses: &mut [Status]) -> Outcome {
        self.run(at as usize, facts, &mut Statuses(statuses))
    }

    /// The status of the condition compiled at `at`, read from `slots`
    /// (made from `facts`): that of [`Program::evaluate`], without the
    /// facts missing.
    #[cfg(test)]
    pub fn settle(&self, at: u32, slots: &Slots, facts: &Facts) -> Status {
        match self.verdict(at as usize, slots, facts) {
            MET => Status::Met,
            NOT_MET => Status::NotMet,
            _ => Status::Unknown,
        }
    }

    /// The status of an entry whose zone is compiled at `zone` and rule,
    /// if any, at `rule`: both met (the zone settled first).
    pub fn settle_entry(
        &self,
        zone: u32,
        rule: Option<u32>,
        slots: &Slots,
        facts: &Facts,
    ) -> Status {
        let zone = match self.ops.get(zone as usize) {
            Some(Op::Everywhere) => MET,
            _ => self.verdict(zone as usize, slots, facts),
        };
        let verdict = match rule {
            Some(rule) if zone != NOT_MET => zone & self.verdict(rule as usize, slots, facts),
            _ => zone,
        };
        match verdict {
            MET => Status::Met,
            NOT_MET => Status::NotMet,
            _ => Status::Unknown,
        }
    }

    /// [`Program::evaluate`], quicker when the outcome is met or not met:
    /// `slots` are made from `facts`.
    pub fn evaluate_in(&self, at: u32, slots: &Slots, facts: &Facts) -> Outcome {
        match self.verdict(at as usize, slots, facts) {
            MET => Outcome::Met,
            NOT_MET => Outcome::NotMet,
            _ => self.evaluate(at, facts),
        }
    }

    /// The verdict of the operation at `at` (see [`MET`]).
    fn verdict(&self, at: usize, slots: &Slots, facts: &Facts) -> u8 {
        match self.ops[at] {
            Op::All { end } => self.verdict_of_parts::<false>(at, end, slots, facts),
            Op::Any { end } => self.verdict_of_parts::<true>(at, end, slots, facts),
            Op::Not { .. } => negated(self.verdict(at + 1, slots, facts)),
            Op::Test { check } => slots.verdict(check),
            Op::Everywhere => MET,
            Op::InZone { index } => self.zone_verdict(at, index, slots, facts),
            _ => verdict(self.run(at, facts, &mut NoRecord)),
        }
    }

    /// The verdict of the zone compiled at `at`: at once from the
    /// person's department when the zone lists departments only.
    #[inline]
    fn zone_verdict(&self, at: usize, index: u32, slots: &Slots, facts: &Facts) -> u8 {
        let department = Fact::Department as usize;
        let bits = (self.departments_only.get(index as usize)).copied();
        let position = slots.words[department][0] as usize;
        match bits {
            Some(bits) if bits != [0, 0] && (slots.known[0] >> department) & 1 == 1 => {
                match bits.get(position / 64) {
                    Some(word) if (word >> (position % 64)) & 1 == 1 => MET,
                    _ => NOT_MET,
                }
            }
            _ => verdict(self.run(at, facts, &mut NoRecord)),
        }
    }

    /// The verdict of all the parts of the operation at `at`, or, if
    /// `ANY`, of any of them. Tests are read without a branch; the parts
    /// that are conditions are skipped once the verdict is settled (not
    /// met for all, met for any).
    #[inline]
    fn verdict_of_parts<const ANY: bool>(
        &self,
        at: usize,
        end: u32,
        slots: &Slots,
        facts: &Facts,
    ) -> u8 {
        let settled = if ANY { MET } else { NOT_MET };
        let mut verdict = !settled & 0b11;
        let mut part = at + 1;
        let end = end as usize;
        while part < end {
            let found = match self.ops.get(part) {
                Some(Op::Test { check }) => {
                    part += 1;
                    slots.verdict(*check)
                }
                Some(Op::Everywhere) => {
                    part += 1;
                    MET
                }
                _ if verdict == settled => break,
                Some(Op::All { end } | Op::Any { end } | Op::Not { end }) => {
                    let found = self.verdict(part, slots, facts);
                    part = *end as usize;
                    found
                }
                _ => {
                    let found = self.verdict(part, slots, facts);
                    part += 1;
                    found
                }
            };
            verdict = if ANY {
                verdict | found
            } else {
                verdict & found
            };
        }
        verdict
    }

    fn run<R: Record>(&self, at: usize, facts: &Facts, record: &mut R) -> Outcome {
        let outcome = match self.ops[at] {
            Op::All { end } => self.combine(at, end, facts, record, Outcome::NotMet),
            Op::Any { end } => self.combine(at, end, facts, record, Outcome::Met),
            Op::Not { .. } => !self.run(at + 1, facts, record),
            Op::Test { check } => match self.checks.get(check as usize) {
                Some(check) => check.outcome(facts),
                None => Outcome::Unknown(crate::vocabulary::facts::FactSet::EMPTY),
            },
            Op::Everywhere => Outcome::Met,
            Op::Equals { fact, index } => match facts.get(fact) {
                Some(value) => Outcome::of(self.values.get(index as usize) == Some(value)),
                None => Outcome::unknown(fact),
            },
            Op::InZone { index } => self
                .zones
                .get(index as usize)
                .map_or(Outcome::NotMet, |zone| zone.contains(facts)),
            Op::Unknown => Outcome::Unknown(crate::vocabulary::facts::FactSet::EMPTY),
        };
        record.status(at, outcome);
        outcome
    }

    /// Three-valued "and" (`decisive` not met) or "or" (`decisive` met) of
    /// the parts of the operation at `at`.
    fn combine<R: Record>(
        &self,
        at: usize,
        end: u32,
        facts: &Facts,
        record: &mut R,
        decisive: Outcome,
    ) -> Outcome {
        let mut outcome = !decisive;
        let mut part = at + 1;
        while part < end as usize {
            let next = self.run(part, facts, record);
            outcome = if decisive == Outcome::NotMet {
                outcome.both(next)
            } else {
                outcome.either(next)
            };
            if R::STOPS_EARLY && outcome == decisive {
                break;
            }
            part = self.end(part);
        }
        outcome
    }
}

/// The check a leaf test is, if it is one (see [`Check`]).
fn check_of(test: &Test) -> Option<Check> {
    let range = |fact, min: Option<i64>, max: Option<i64>| Check {
        fact,
        integer: true,
        mask: u32::MAX,
        low: min.unwrap_or(i64::MIN),
        high: max.unwrap_or(i64::MAX),
    };
    let bits = |fact, bits| Check {
        fact,
        integer: false,
        mask: bits,
        low: 1,
        high: i64::MAX,
    };
    Some(match test {
        Test::In { fact, values } | Test::HasAny { fact, values } => {
            bits(*fact, bits_of(*fact, values.iter().map(String::as_str)))
        }
        Test::Equals {
            fact,
            value: Value::Boolean(value),
        } if fact.value_type() == FactType::Boolean => bits(*fact, 1 << u32::from(*value)),
        Test::Equals {
            fact,
            value: Value::Integer(value),
        } if matches!(fact.value_type(), FactType::Integer { .. }) => {
            range(*fact, Some(*value), Some(*value))
        }
        Test::Equals {
            fact,
            value: Value::Text(text),
        } if matches!(fact.value_type(), FactType::OneOf(_)) => {
            bits(*fact, bits_of(*fact, [text.as_str()]))
        }
        Test::Compare { fact, op, value } => match op {
            // An empty range when nothing is below i64::MIN or above i64::MAX.
            Comparison::Less => match value.checked_sub(1) {
                Some(max) => range(*fact, None, Some(max)),
                None => range(*fact, Some(1), Some(0)),
            },
            Comparison::LessOrEqual => range(*fact, None, Some(*value)),
            Comparison::Greater => match value.checked_add(1) {
                Some(min) => range(*fact, Some(min), None),
                None => range(*fact, Some(1), Some(0)),
            },
            Comparison::GreaterOrEqual => range(*fact, Some(*value), None),
        },
        Test::Between { fact, min, max } => range(*fact, Some(*min), Some(*max)),
        Test::Age { min, max } => range(Fact::Age, *min, *max),
        _ => return None,
    })
}

/// A mask of 32 bits widened to a word: all ones stays all ones (sign
/// extension); a compact form has no bit above 32 to keep.
#[inline(always)]
fn wide(mask: u32) -> i64 {
    i64::from(mask as i32)
}

/// Whether and where the statuses of evaluated operations are written.
trait Record {
    /// Whether `all` and `any` may stop at the first decisive part.
    const STOPS_EARLY: bool;
    fn status(&mut self, at: usize, outcome: Outcome);
}

struct NoRecord;

impl Record for NoRecord {
    const STOPS_EARLY: bool = true;
    #[inline]
    fn status(&mut self, _: usize, _: Outcome) {}
}

struct Statuses<'s>(&'s mut [Status]);

impl Record for Statuses<'_> {
    const STOPS_EARLY: bool = false;
    #[inline]
    fn status(&mut self, at: usize, outcome: Outcome) {
        if let Some(status) = self.0.get_mut(at) {
            *status = outcome.status();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parts_follow_their_condition() {
        let condition = Condition::parse(
            &json!({"all": [
                {"not": {"equals": {"fact": "rqth", "value": true}}},
                {"any": [{"age": {"max": 25}}, {"in_zone": {"departments": ["93"]}}]},
                {"equals": {"fact": "postal_code", "value": "93200"}}
            ]}),
            "$",
            &mut Vec::new(),
        )
        .unwrap();
        let mut program = Program::default();
        assert_eq!(program.compile(&condition), 0);
        assert_eq!(program.len(), condition.size());
        assert_eq!(program.end(0), 7);
        assert_eq!(program.end(1), 3);
        assert_eq!(program.end(3), 6);
        let facts = Facts::from_json(r#"{"age": 30, "postal_code": "93200", "rqth": false}"#)
            .unwrap()
            .resolve(crate::base::date::Date::parse("2026-11-26").unwrap())
            .unwrap();
        let mut statuses = vec![Status::Unknown; program.len()];
        assert_eq!(program.record(0, &facts, &mut statuses), Outcome::Met);
        use Status::*;
        assert_eq!(statuses, [Met, Met, NotMet, Met, NotMet, Met, Met]);
        assert_eq!(program.evaluate(0, &facts), condition.evaluate(&facts));
        let slots = program.slots(&facts);
        assert_eq!(program.settle(0, &slots, &facts), Met);
        assert_eq!(program.evaluate_in(0, &slots, &facts), Outcome::Met);
    }

    /// Each part of `rule` and the whole, settled from slots, against the
    /// reference, for each of `facts`.
    fn settles_as_the_reference(rule: serde_json::Value, facts: &[&str]) {
        let condition = Condition::parse(&rule, "$", &mut Vec::new()).unwrap();
        let mut program = Program::default();
        program.compile(&condition);
        for facts in facts {
            let facts = Facts::from_json(facts)
                .unwrap()
                .resolve(crate::base::date::Date::parse("2026-11-26").unwrap())
                .unwrap();
            let slots = program.slots(&facts);
            for at in 0..program.len() as u32 {
                let expected = program.evaluate(at, &facts);
                assert_eq!(
                    program.settle(at, &slots, &facts),
                    expected.status(),
                    "{rule} at {at}, {facts:?}"
                );
                assert_eq!(
                    program.evaluate_in(at, &slots, &facts),
                    expected,
                    "{rule} at {at}"
                );
            }
        }
    }

    #[test]
    fn a_zone_of_departments_is_settled_by_the_department_or_else_as_the_reference() {
        // Known department: met in 93, not in 75; only the region known
        // (Île-de-France holds 93: unknown; Occitanie does not: not met);
        // nothing known: unknown.
        settles_as_the_reference(
            json!({"any": [{"in_zone": {"departments": ["93", "2A"]}}, {"not": {"in_zone": {"departments": ["974"]}}}]}),
            &[
                r#"{"department": "93"}"#,
                r#"{"department": "75"}"#,
                r#"{"region": "11"}"#,
                r#"{"region": "76"}"#,
                r#"{"postal_code": "97411"}"#,
                "{}",
            ],
        );
    }

    #[test]
    fn a_check_that_rules_repeat_is_kept_and_settled_once() {
        // 18 to 25 years old, in two rules of a catalogue: one check.
        let mut program = Program::default();
        for rule in [
            json!({"all": [{"age": {"min": 18, "max": 25}}, {"equals": {"fact": "rqth", "value": true}}]}),
            json!({"any": [{"age": {"min": 18, "max": 25}}, {"in": {"fact": "employment_status", "values": ["student"]}}]}),
        ] {
            program.compile(&Condition::parse(&rule, "$", &mut Vec::new()).unwrap());
        }
        assert_eq!(program.len(), 6);
        assert_eq!(program.checks.len(), 3);
        let facts = Facts::from_json(r#"{"age": 19, "rqth": false}"#).unwrap();
        let slots = program.slots(&facts);
        assert_eq!(slots.checks, [MET, NOT_MET, UNKNOWN]);
        assert_eq!(program.settle(0, &slots, &facts), Status::NotMet);
        assert_eq!(program.settle(3, &slots, &facts), Status::Met);
    }

    #[test]
    fn tests_of_every_kind_settle_as_the_reference_known_or_not() {
        settles_as_the_reference(
            json!({"all": [
                {"any": [{"age": {"min": 18, "max": 25}}, {"compare": {"fact": "unemployment_months", "op": ">", "value": 12}}]},
                {"not": {"in": {"fact": "employment_status", "values": ["student", "employed"]}}},
                {"any": [{"has_any": {"fact": "benefits", "values": ["rsa", "aah"]}}, {"equals": {"fact": "rqth", "value": true}}]},
                {"any": [{"equals": {"fact": "postal_code", "value": "93200"}}, {"in_zone": {"regions": ["84"]}}, {"in_zone": {"national": true}}]},
                {"between": {"fact": "monthly_resources", "min": 0, "max": 600}}
            ]}),
            &[
                "{}",
                r#"{"age": 19, "employment_status": "jobseeker", "benefits": ["rsa"], "postal_code": "93200", "monthly_resources": 500}"#,
                r#"{"age": 30, "unemployment_months": 13, "employment_status": "student", "rqth": true}"#,
                r#"{"age": 30, "unemployment_months": 3, "benefits": [], "rqth": false, "monthly_resources": 900}"#,
                r#"{"birth_date": "2001-02-03", "employment_status": "inactive", "postal_code": "69001"}"#,
            ],
        );
    }
}
