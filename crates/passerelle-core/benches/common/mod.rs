//! What the benchmarks share: how to measure and report.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How many runs: `BENCH_RUNS`, else `default`.
pub fn runs(default: usize) -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Prints the median, smallest and largest of `samples` under `label`.
pub fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let count = samples.len();
    let (Some(min), Some(max)) = (samples.first(), samples.last()) else {
        return;
    };
    let median = samples[count / 2];
    println!(
        "{label:<48} median {median:>10.2?}   min {min:>10.2?}   max {max:>10.2?}   ({count} runs)"
    );
}

/// Runs `body` once to warm up, then `runs` times, and reports the times.
pub fn measure(label: &str, runs: usize, mut body: impl FnMut()) {
    body();
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            body();
            started.elapsed()
        })
        .collect();
    report(label, samples);
}

/// A deterministic pseudo-random generator (xorshift), so that every run
/// measures the same input.
pub struct Random(pub u64);

impl Random {
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A questionnaire of `size` questions (a multiple of 10) in 10 sections. Every question
/// after the first few is asked only when an earlier choice or yes/no
/// answer (and, for some, a fact) has some value; the answers the
/// journey gives keep most of them asked.
#[allow(dead_code)] // not every benchmark builds a questionnaire
pub fn questionnaire_json(size: usize) -> String {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut choices: Vec<usize> = Vec::new();
    let mut questions = Vec::with_capacity(size);
    for i in 0..size {
        let id = format!("q{i}");
        let label = json!({"fr": format!("Question {i} ?"), "en": format!("Question {i}?")});
        let kind = match i % 4 {
            0 | 1 => json!({"type": "single_choice", "options": [
                {"id": "a", "label": {"fr": "A", "en": "A"}},
                {"id": "b", "label": {"fr": "B", "en": "B"}},
                {"id": "c", "label": {"fr": "C", "en": "C"}}]}),
            2 => json!({"type": "yes_no"}),
            _ => json!({"type": "number", "min": 0, "max": 100}),
        };
        let mut question = json!({"id": id, "kind": kind, "label": label, "help": label});
        if i == 2 {
            question["sets"] = json!("rqth");
        }
        if let (false, Some(&earlier)) = (choices.is_empty(), choices.last()) {
            let other = choices[random.below(choices.len())];
            let answer = |question: usize, values: Value| json!({"answer": {"question": format!("q{question}"), "values": values}});
            // Answers the journey gives, and answers it never gives.
            let values = |question: usize| {
                if question % 4 == 2 {
                    json!(["yes"])
                } else {
                    json!(["a", "b"])
                }
            };
            let other_values = |question: usize| {
                if question % 4 == 2 {
                    json!(["no"])
                } else {
                    json!(["c"])
                }
            };
            let rqth = if i > 2 {
                json!({"equals": {"fact": "rqth", "value": true}})
            } else {
                answer(earlier, values(earlier))
            };
            question["ask_when"] = match random.below(4) {
                0 => answer(earlier, values(earlier)),
                1 => {
                    json!({"all": [answer(earlier, values(earlier)), {"not": answer(other, other_values(other))}]})
                }
                2 => json!({"any": [answer(other, values(other)), rqth]}),
                // Ruled out by the journey's answers: some questions are never asked.
                _ => {
                    json!({"all": [answer(earlier, values(earlier)), answer(other, other_values(other))]})
                }
            };
        }
        if i % 4 != 3 {
            choices.push(i);
        }
        questions.push(question);
    }
    let sections: Vec<Value> = questions
        .chunks(size.div_ceil(10))
        .enumerate()
        .map(|(s, questions)| {
            json!({"id": format!("s{s}"), "title": {"fr": format!("Partie {s}"), "en": format!("Part {s}")},
                   "questions": questions})
        })
        .collect();
    json!({"format_version": 1, "id": "bench", "locales": ["fr", "en"], "sections": sections})
        .to_string()
}
