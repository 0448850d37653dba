//! What the benchmarks share: how to measure and report.

use std::time::{Duration, Instant};

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
