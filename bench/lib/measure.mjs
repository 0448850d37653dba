// Timing shared by every benchmark: tinybench runs each subject's task in
// the same process, one after the other, and gives its latency statistics.
// Absolute times vary from run to run on a busy machine; the ratios
// between subjects measured side by side hold better.
import { Bench } from 'tinybench';

/**
 * Times each task (`{ subject, fn }`, `fn` may be async) and returns, per
 * subject, the median latency in ms, its spread (median absolute
 * deviation, ms), the 75th percentile, and the number of samples.
 * `time` (ms) and `iterations` set the least each task runs.
 */
export async function measure(tasks, { time = 400, iterations = 8 } = {}) {
  const bench = new Bench({ time, iterations, warmupTime: 100, warmupIterations: 2 });
  for (const task of tasks) bench.add(task.subject, task.fn);
  await bench.run();
  return bench.tasks.map((task) => {
    if (task.result.state !== 'completed') {
      throw new Error(`${task.name}: ${task.result.error ?? task.result.state}`);
    }
    const latency = task.result.latency;
    return {
      subject: task.name,
      median: latency.p50,
      mad: latency.mad,
      p75: latency.p75,
      samples: latency.samplesCount,
    };
  });
}

/**
 * The same statistics as `measure` gives, of `values` (ms) timed one by
 * one: median, median absolute deviation, 75th percentile, count.
 */
export function stats(subject, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = median(sorted);
  const rank = 0.75 * (sorted.length - 1);
  const low = Math.floor(rank);
  const p75 = sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (rank - low);
  return {
    subject,
    median: middle,
    mad: median(sorted.map((value) => Math.abs(value - middle))),
    p75,
    samples: sorted.length,
  };
}

/** The median of `values` (numbers). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A seeded pseudo-random generator (mulberry32): the same data on every run. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer from `low` to `high`, both included. */
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    /** One element of `items`. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct elements of `items`. */
    some: (items, count) => {
      const pool = [...items];
      const chosen = [];
      while (chosen.length < count && pool.length > 0) {
        chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      }
      return chosen;
    },
  };
}
