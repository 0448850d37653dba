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
    /// The verdict of each of [`Program::leaves`], then its negation:
    /// `leaves[2 * leaf + negated]`, what a leaf's code reads.
    leaves: Vec<u8>,
}

impl Slots {
    fn of(facts: &Facts, program: &Program) -> Slots {
        let mut slots = Slots {
            words: [[0; 2]; Fact::ALL.len()],
            known: [0; 2],
            checks: Vec::new(),
            leaves: Vec::new(),
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
        slots.checks = (program.checks.iter())
            .map(|check| check.verdict(&slots))
            .collect();
        let mut leaves = Vec::with_capacity(2 * program.leaves.len());
        for leaf in &program.leaves {
            let verdict = match *leaf {
                Leaf::Check(check) => slots.verdict(check),
                Leaf::Zone(index) => program.zone_verdict(index, &slots, facts),
                Leaf::Equals { fact, index } => match facts.get(fact) {
                    Some(value) => verdict(Outcome::of(
                        program.values.get(index as usize) == Some(value),
                    )),
                    None => UNKNOWN,
                },
                Leaf::Met => MET,
                Leaf::Unknown => UNKNOWN,
            };
            leaves.push(verdict);
            leaves.push(negated(verdict));
        }
        slots.leaves = leaves;
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

/// A condition without parts, settled once per call into [`Slots`]: a
/// check, a zone (those listing departments only kept once), another
/// `equals`, the whole country, or what is always unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    /// `checks[index]`.
    Check(u32),
    /// `zones[index]`.
    Zone(u32),
    /// The fact equals `values[index]`.
    Equals { fact: Fact, index: u32 },
    /// Always met.
    Met,
    /// Always unknown, with no fact missing.
    Unknown,
}

/// What [`Program::code_at`] holds for an operation no code starts at.
const NO_CODE: u32 = u32::MAX;

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
    /// The leaves, settled once per call: see [`Leaf`].
    leaves: Vec<Leaf>,
    /// The leaf of each check, of each zone and of each value.
    leaf_of_check: Vec<u32>,
    leaf_of_zone: Vec<u32>,
    leaf_of_value: Vec<u32>,
    /// The leaf of a zone of departments only, by its departments (the
    /// two words of bits as a check's bounds: one type of map less in
    /// the module).
    department_zones: std::collections::HashMap<Check, u32>,
    /// The leaves always met and always unknown, once made.
    met: Option<u32>,
    unknown: Option<u32>,
    /// Each compiled condition as a run of words, for speed: a block is
    /// `[head, end, leaf…, block…]`, `head` saying whether it is an
    /// `any` (bit 0), negated (bit 1) and how many leaves it has (the
    /// bits above), `end` where the block ends; its leaves come first,
    /// as `2 * leaf + negated`, read in a row without a branch, then its
    /// parts that have parts, each a block, read only while the verdict
    /// is not settled. `not` is only a bit, so a block's parts are its
    /// condition's once the `not`s are gone.
    code: Vec<u32>,
    /// For each operation a condition was compiled from (and each part
    /// compiled as a block of its own): `2 * block`, or `2 * leaf + 1`
    /// for a condition that is a leaf; [`NO_CODE`] for the others.
    code_at: Vec<u32>,
    /// Each entry's zone and rule as code, for matching a whole catalogue
    /// ([`Program::entry_codes`]): made at the first match.
    entries: std::sync::OnceLock<Vec<EntryCode>>,
}

/// An entry of a catalogue as matching reads it: the code words (see
/// [`Program::code_at`]) of its zone and rule (`NO_CODE`: none, met),
/// and whether it is in force only from or until some day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntryCode {
    zone: u32,
    rule: u32,
    pub bounded: bool,
}

impl Program {
    /// Compiles `condition` at the end of the program; returns where it starts.
    pub fn compile(&mut self, condition: &Condition) -> u32 {
        let at = self.compile_ops(condition);
        self.code_at.resize(self.ops.len(), NO_CODE);
        self.emit(at as usize, false, true);
        at
    }

    /// Compiles `condition` into operations at the end of the program;
    /// returns where they start.
    fn compile_ops(&mut self, condition: &Condition) -> u32 {
        let at = self.ops.len();
        let op = match condition.test() {
            Test::All(parts) | Test::Any(parts) => {
                self.ops.push(Op::All { end: 0 });
                for part in parts {
                    self.compile_ops(part);
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
                self.compile_ops(part);
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
                let leaf = self.leaf_for(Leaf::Check(at));
                self.leaf_of_check.push(leaf);
            }
            return Op::Test { check: at };
        }
        match test {
            Test::Equals { fact, value } => {
                self.values.push(value.clone());
                let index = self.values.len() as u32 - 1;
                let leaf = self.leaf_for(Leaf::Equals { fact: *fact, index });
                self.leaf_of_value.push(leaf);
                Op::Equals { fact: *fact, index }
            }
            Test::InZone(zone) if zone.is_national() => Op::Everywhere,
            Test::InZone(zone) => {
                self.zones.push((**zone).clone());
                let bits = zone.departments_only();
                let bits = [bits as u64, (bits >> 64) as u64];
                self.departments_only.push(bits);
                let index = self.zones.len() as u32 - 1;
                // Two zones of the same departments only are one leaf.
                let key = Check {
                    fact: Fact::Department,
                    integer: false,
                    mask: 0,
                    low: bits[0] as i64,
                    high: bits[1] as i64,
                };
                let leaf = match self.department_zones.get(&key) {
                    Some(&leaf) if bits != [0, 0] => leaf,
                    _ => {
                        let leaf = self.leaf_for(Leaf::Zone(index));
                        if bits != [0, 0] {
                            self.department_zones.insert(key, leaf);
                        }
                        leaf
                    }
                };
                self.leaf_of_zone.push(leaf);
                Op::InZone { index }
            }
            _ => Op::Unknown,
        }
    }

    /// A new leaf.
    fn leaf_for(&mut self, leaf: Leaf) -> u32 {
        self.leaves.push(leaf);
        self.leaves.len() as u32 - 1
    }

    /// The leaf always met, or always unknown, made once.
    fn constant(&mut self, met: bool) -> u32 {
        let made = if met { self.met } else { self.unknown };
        if let Some(leaf) = made {
            return leaf;
        }
        let leaf = self.leaf_for(if met { Leaf::Met } else { Leaf::Unknown });
        if met {
            self.met = Some(leaf);
        } else {
            self.unknown = Some(leaf);
        }
        leaf
    }

    /// The code of the operation at `at` if it is a leaf (under any
    /// number of `not`): `2 * leaf + negated`.
    fn leaf_code(&mut self, at: usize) -> Option<u32> {
        let leaf = match *self.ops.get(at)? {
            Op::Not { .. } => return self.leaf_code(at + 1).map(|code| code ^ 1),
            Op::All { .. } | Op::Any { .. } => return None,
            Op::Test { check } => *self.leaf_of_check.get(check as usize)?,
            Op::Equals { index, .. } => *self.leaf_of_value.get(index as usize)?,
            Op::InZone { index } => *self.leaf_of_zone.get(index as usize)?,
            Op::Everywhere => self.constant(true),
            Op::Unknown => self.constant(false),
        };
        Some(2 * leaf)
    }

    /// Writes the code of the operation at `at` (negated if `negate`) at
    /// the end of [`Program::code`], and, if `own` (the code is that of
    /// the operation itself, not of a `not` above it), where it is in
    /// [`Program::code_at`]. Returns what `code_at` holds for it.
    fn emit(&mut self, at: usize, negate: bool, own: bool) -> u32 {
        let word = if let Some(leaf) = self.leaf_code(at) {
            2 * (leaf ^ u32::from(negate)) + 1
        } else {
            match self.ops[at] {
                Op::Not { .. } => self.emit(at + 1, !negate, false),
                Op::All { end } | Op::Any { end } => {
                    let any = matches!(self.ops[at], Op::Any { .. });
                    let block = self.code.len();
                    // The head and end, then the leaves, then the other
                    // parts' blocks: two passes over the parts, so that
                    // nothing is allocated but the code.
                    self.code.push(0);
                    self.code.push(0);
                    let mut leaves = 0;
                    let mut part = at + 1;
                    while part < end as usize {
                        if let Some(leaf) = self.leaf_code(part) {
                            self.code.push(leaf);
                            leaves += 1;
                        }
                        part = self.end(part);
                    }
                    self.code[block] = u32::from(any) | u32::from(negate) << 1 | leaves << 2;
                    let mut part = at + 1;
                    while part < end as usize {
                        if self.leaf_code(part).is_none() {
                            self.emit(part, false, true);
                        }
                        part = self.end(part);
                    }
                    self.code[block + 1] = self.code.len() as u32;
                    2 * block as u32
                }
                // Leaves, found above.
                _ => return NO_CODE,
            }
        };
        if own {
            if let Some(slot) = self.code_at.get_mut(at) {
                *slot = word;
            }
        }
        word
    }

    /// Where the facts are read from, for `checks`' verdicts.
    pub fn slots(&self, facts: &Facts) -> Slots {
        Slots::of(facts, self)
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
        self.outcome(at as usize, facts, &mut NoRecord)
    }

    /// The outcome of the condition compiled at `at`, with the status of
    /// it and each of its parts written at their places in `statuses`
    /// (every part is evaluated, none is skipped).
    pub fn record(&self, at: u32, facts: &Facts, statuses: &mut [Status]) -> Outcome {
        self.outcome(at as usize, facts, &mut Statuses(statuses))
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

    /// Each entry's [`EntryCode`], from where its zone and rule were
    /// compiled (`compiled`, of each of `count` entries) and whether it
    /// has a validity period: made once, at the first call. None if the
    /// program has no code for one of them, or was made for a different
    /// number of entries.
    pub fn entry_codes(
        &self,
        count: usize,
        compiled: impl Fn(usize) -> (u32, Option<u32>, bool),
    ) -> Option<&[EntryCode]> {
        let word = |at: u32| match self.code_at.get(at as usize) {
            Some(&word) if word != NO_CODE => Some(word),
            _ => None,
        };
        let codes = self.entries.get_or_init(|| {
            (0..count)
                .map_while(|index| {
                    let (zone, rule, bounded) = compiled(index);
                    Some(EntryCode {
                        zone: word(zone)?,
                        rule: match rule {
                            Some(rule) => word(rule)?,
                            None => NO_CODE,
                        },
                        bounded,
                    })
                })
                .collect()
        });
        (codes.len() == count).then_some(codes.as_slice())
    }

    /// The status of an entry from its code: its zone and rule both met
    /// (the zone settled first). That of [`Program::settle_entry`].
    #[inline]
    pub fn settle_code(&self, entry: EntryCode, slots: &Slots) -> Status {
        let zone = self.run(entry.zone, &slots.leaves);
        let verdict = if entry.rule != NO_CODE && zone != NOT_MET {
            zone & self.run(entry.rule, &slots.leaves)
        } else {
            zone
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

    /// The verdict of the operation at `at` (see [`MET`]): from its code
    /// (every compiled condition has one), else from the reference.
    fn verdict(&self, at: usize, slots: &Slots, facts: &Facts) -> u8 {
        match self.code_at.get(at) {
            Some(&word) if word != NO_CODE => self.run(word, &slots.leaves),
            _ => verdict(self.outcome(at, facts, &mut NoRecord)),
        }
    }

    /// The verdict of a condition whose code is `word` (see
    /// [`Program::code_at`]), its leaves settled in `leaves`.
    #[inline]
    fn run(&self, word: u32, leaves: &[u8]) -> u8 {
        if word & 1 == 1 {
            return leaves.get((word >> 1) as usize).copied().unwrap_or(UNKNOWN);
        }
        self.block((word >> 1) as usize, leaves)
    }

    /// The verdict of the block at `at` of [`Program::code`]: its leaves
    /// in a row, then its blocks while the verdict is not settled (not
    /// met for all, met for any).
    fn block(&self, at: usize, leaves: &[u8]) -> u8 {
        let code = self.code.as_slice();
        let (Some(&head), Some(&end)) = (code.get(at), code.get(at + 1)) else {
            return UNKNOWN;
        };
        let any = head & 1 == 1;
        let first = at + 2;
        let blocks = first + (head >> 2) as usize;
        let Some(own) = code.get(first..blocks) else {
            return UNKNOWN;
        };
        let leaf = |code: &u32| leaves.get(*code as usize).copied().unwrap_or(UNKNOWN);
        let (mut verdict, settled) = if any {
            (
                own.iter()
                    .fold(NOT_MET, |verdict, code| verdict | leaf(code)),
                MET,
            )
        } else {
            (
                own.iter().fold(MET, |verdict, code| verdict & leaf(code)),
                NOT_MET,
            )
        };
        let mut part = blocks;
        while part < end as usize && verdict != settled {
            let found = self.block(part, leaves);
            verdict = if any {
                verdict | found
            } else {
                verdict & found
            };
            part = match code.get(part + 1) {
                Some(&next) if next as usize > part => next as usize,
                _ => break,
            };
        }
        if head & 2 == 0 {
            verdict
        } else {
            negated(verdict)
        }
    }

    /// The verdict of `zones[index]`: at once from the person's
    /// department when the zone lists departments only.
    #[inline]
    fn zone_verdict(&self, index: u32, slots: &Slots, facts: &Facts) -> u8 {
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
            _ => (self.zones.get(index as usize))
                .map_or(NOT_MET, |zone| verdict(zone.contains(facts))),
        }
    }

    fn outcome<R: Record>(&self, at: usize, facts: &Facts, record: &mut R) -> Outcome {
        let outcome = match self.ops[at] {
            Op::All { end } => self.combine(at, end, facts, record, Outcome::NotMet),
            Op::Any { end } => self.combine(at, end, facts, record, Outcome::Met),
            Op::Not { .. } => !self.outcome(at + 1, facts, record),
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
            let next = self.outcome(part, facts, record);
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
            // The rule's code, read at once, and the walk of its operations.
            let code = program.code_at[0];
            assert_ne!(code, NO_CODE, "{rule}: no code");
            assert_eq!(
                program.run(code, &slots.leaves),
                verdict(program.evaluate(0, &facts)),
                "{rule}: its code, {facts:?}"
            );
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
    fn code_without_nots_settles_as_the_reference_known_or_not() {
        // `not` above a leaf, above an `all` and an `any`, twice; the
        // same zone of departments twice (one leaf); another `equals`;
        // the whole country; a leaf as the whole rule, under `not`.
        let facts = [
            "{}",
            r#"{"age": 19, "department": "93", "rqth": true, "postal_code": "93200"}"#,
            r#"{"age": 40, "department": "75", "rqth": false, "employment_status": "student"}"#,
            r#"{"region": "11", "rqth": false, "benefits": ["rsa"]}"#,
            r#"{"age": 30, "region": "76", "employment_status": "jobseeker", "benefits": []}"#,
        ];
        for rule in [
            json!({"all": [
                {"not": {"all": [{"age": {"max": 25}}, {"in_zone": {"departments": ["93"]}}]}},
                {"not": {"not": {"any": [{"equals": {"fact": "rqth", "value": true}}, {"in_zone": {"departments": ["93"]}}]}}},
                {"any": [{"not": {"in": {"fact": "employment_status", "values": ["student"]}}}, {"in_zone": {"national": true}}]}
            ]}),
            json!({"any": [
                {"all": [{"equals": {"fact": "postal_code", "value": "93200"}}, {"not": {"has_any": {"fact": "benefits", "values": ["rsa"]}}}]},
                {"not": {"any": [{"in_zone": {"departments": ["93", "75"]}}, {"age": {"min": 18}}]}},
                {"all": [{"in_zone": {"regions": ["11"]}}, {"not": {"in_zone": {"departments": ["93", "75"]}}}]}
            ]}),
            json!({"not": {"in_zone": {"departments": ["75"]}}}),
            json!({"not": {"all": [{"any": [{"age": {"max": 20}}, {"not": {"equals": {"fact": "rqth", "value": false}}}]}, {"in_zone": {"national": true}}]}}),
        ] {
            settles_as_the_reference(rule, &facts);
        }
    }

    #[test]
    fn an_entry_settles_from_its_code_as_from_its_operations() {
        // Zones (the country, departments, a region) and rules (none, a
        // leaf, a not, nested), each entry's status from its code against
        // settle_entry, the status the operations give, known or not.
        let zones = [
            json!({"in_zone": {"national": true}}),
            json!({"in_zone": {"departments": ["93", "75"]}}),
            json!({"in_zone": {"regions": ["84"]}}),
        ];
        let rules = [
            None,
            Some(json!({"age": {"max": 25}})),
            Some(json!({"not": {"equals": {"fact": "rqth", "value": true}}})),
            Some(
                json!({"any": [{"all": [{"age": {"min": 18}}, {"in": {"fact": "employment_status", "values": ["student"]}}]}, {"not": {"in_zone": {"departments": ["93"]}}}]}),
            ),
        ];
        let mut program = Program::default();
        let mut compiled = Vec::new();
        for zone in &zones {
            for rule in &rules {
                let parse = |value: &serde_json::Value| {
                    Condition::parse(value, "$", &mut Vec::new()).unwrap()
                };
                let zone = program.compile(&parse(zone));
                let rule = rule.as_ref().map(|rule| program.compile(&parse(rule)));
                compiled.push((zone, rule));
            }
        }
        let codes = program
            .entry_codes(compiled.len(), |index| {
                (compiled[index].0, compiled[index].1, false)
            })
            .unwrap()
            .to_vec();
        assert_eq!(
            program.entry_codes(compiled.len() + 1, |_| unreachable!()),
            None
        );
        for facts in [
            "{}",
            r#"{"age": 19, "department": "93", "rqth": true}"#,
            r#"{"age": 30, "department": "69", "employment_status": "student", "rqth": false}"#,
            r#"{"region": "84", "age": 17}"#,
            r#"{"region": "11"}"#,
        ] {
            let facts = Facts::from_json(facts).unwrap();
            let slots = program.slots(&facts);
            for (&(zone, rule), &code) in compiled.iter().zip(&codes) {
                assert_eq!(
                    program.settle_code(code, &slots),
                    program.settle_entry(zone, rule, &slots, &facts),
                    "{zone} {rule:?} {facts:?}"
                );
                let expected = match rule {
                    Some(rule) => program
                        .evaluate(zone, &facts)
                        .both(program.evaluate(rule, &facts)),
                    None => program.evaluate(zone, &facts),
                };
                assert_eq!(program.settle_code(code, &slots), expected.status());
            }
        }
    }

    #[test]
    fn a_rule_is_one_block_its_leaves_first() {
        // all[age, any[rqth, 93], not 75]: the leaves age and not-75 in
        // a row, then the any as a block of its own; the department
        // zones are leaves.
        let mut program = Program::default();
        let rule = json!({"all": [
            {"age": {"max": 25}},
            {"any": [{"equals": {"fact": "rqth", "value": true}}, {"in_zone": {"departments": ["93"]}}]},
            {"not": {"in_zone": {"departments": ["75"]}}}
        ]});
        program.compile(&Condition::parse(&rule, "$", &mut Vec::new()).unwrap());
        assert_eq!(program.leaves.len(), 4);
        let (age, rqth, in_93, in_75) = (0, 2, 4, 6);
        assert_eq!(
            program.code,
            [2 << 2, 8, age, in_75 + 1, 1 | 2 << 2, 8, rqth, in_93]
        );
        assert_eq!(program.code_at[0], 0);
        assert_eq!(program.code_at[2], 2 * 4);
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
