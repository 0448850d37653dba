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

use crate::rules::conditions::{Comparison, Condition, Outcome, Status, Test, Zone};
use crate::vocabulary::facts::{bits_of, Fact, FactType, Facts, Value};

/// One operation: a condition without its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// Every part is met; the parts end at `end`.
    All { end: u32 },
    /// At least one part is met.
    Any { end: u32 },
    /// The part (the next operation) is not met.
    Not { end: u32 },
    /// A known fact whose compact form (see [`Facts`]) shares a bit with
    /// `bits`: `in`, `has_any`, and `equals` on a yes/no or one-of fact.
    Bits { fact: Fact, bits: u32 },
    /// A known integer fact within `min..=max`: `compare`, `between`,
    /// `age`, and `equals` on a number.
    Range { fact: Fact, min: i64, max: i64 },
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
        let range = |fact, min: Option<i64>, max: Option<i64>| Op::Range {
            fact,
            min: min.unwrap_or(i64::MIN),
            max: max.unwrap_or(i64::MAX),
        };
        match test {
            Test::In { fact, values } | Test::HasAny { fact, values } => Op::Bits {
                fact: *fact,
                bits: bits_of(*fact, values.iter().map(String::as_str)),
            },
            Test::Equals {
                fact,
                value: Value::Boolean(value),
            } if fact.value_type() == FactType::Boolean => Op::Bits {
                fact: *fact,
                bits: 1 << u32::from(*value),
            },
            Test::Equals {
                fact,
                value: Value::Integer(value),
            } if matches!(fact.value_type(), FactType::Integer { .. }) => {
                range(*fact, Some(*value), Some(*value))
            }
            Test::Equals {
                fact,
                value: Value::Text(text),
            } if matches!(fact.value_type(), FactType::OneOf(_)) => Op::Bits {
                fact: *fact,
                bits: bits_of(*fact, [text.as_str()]),
            },
            Test::Equals { fact, value } => {
                self.values.push(value.clone());
                Op::Equals {
                    fact: *fact,
                    index: self.values.len() as u32 - 1,
                }
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
            Test::InZone(zone) => {
                self.zones.push((**zone).clone());
                Op::InZone {
                    index: self.zones.len() as u32 - 1,
                }
            }
            Test::ToCheck(_) | Test::Answer { .. } | Test::All(_) | Test::Any(_) | Test::Not(_) => {
                Op::Unknown
            }
        }
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

    fn run<R: Record>(&self, at: usize, facts: &Facts, record: &mut R) -> Outcome {
        let outcome = match self.ops[at] {
            Op::All { end } => self.combine(at, end, facts, record, Outcome::NotMet),
            Op::Any { end } => self.combine(at, end, facts, record, Outcome::Met),
            Op::Not { .. } => !self.run(at + 1, facts, record),
            Op::Bits { fact, bits } => match facts.compact(fact) {
                Some(value) => Outcome::of(value & bits != 0),
                None => Outcome::unknown(fact),
            },
            Op::Range { fact, min, max } => match facts.get(fact) {
                Some(Value::Integer(value)) => Outcome::of((min..=max).contains(value)),
                _ => Outcome::unknown(fact),
            },
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
    }
}
