// Catalogue load scaling (issue 20): generated local catalogues of 1,000
// to 10,000 entries (bench/lib/catalogues.mjs), loaded in WebAssembly
// through the package's Node entry, as a host gives the text it fetched:
// `engine.loadCatalogue(text)`, `new Engine({localCatalogue: text})`
// and `new Engine({catalogue: text})`. Then the largest catalogue the
// document limit (16 MiB) admits, loaded in a process of its own, with
// the memory it takes.
//
//   node catalogue-load.mjs --child N     (one load in this process: JSON on stdout)
//   node catalogue-load.mjs --profile N   (one load under V8's CPU profiler: JSON on stdout)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

import { median, stats } from './lib/measure.mjs';
import { localCatalogue, localEntries } from './lib/catalogues.mjs';
import { loadPasserelle, packageDir, root } from './lib/package.mjs';

/**
 * The document limit, read from the core's source
 * (`passerelle_core::limits::MAX_DOCUMENT_BYTES`, docs/robustness.md).
 */
function documentLimit() {
  const source = readFileSync(path.join(root, 'crates/passerelle-core/src/base/limits.rs'), 'utf8');
  const found = /MAX_DOCUMENT_BYTES:\s*usize\s*=\s*([\d_\s*]+);/.exec(source);
  if (!found) throw new Error('catalogue load: MAX_DOCUMENT_BYTES not found in crates/passerelle-core/src/base/limits.rs');
  return found[1].split('*').reduce((product, factor) => product * Number(factor.replaceAll('_', '').trim()), 1);
}
const LIMIT_BYTES = documentLimit();

/**
 * A full garbage collection, run before each timed call: the garbage left
 * by making the catalogue's text, and by the calls before, is not counted;
 * what a call's own garbage and memory growth cost is.
 */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc');
const TARGET = { n: 10000, ms: 100 };
const fmt = (n) => n.toLocaleString('en');
const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The catalogue text of the first `n` generated entries. */
const catalogueText = (entries, n) => JSON.stringify(localCatalogue(entries.slice(0, n)));

/** The calls timed, each given the catalogue's text. */
function subjects(passerelle, engine, oriented) {
  return {
    'engine.loadCatalogue(text)': (text) => {
      engine.loadCatalogue(text);
    },
    // The catalogue's index (rules compiled, entries ranked by name) is
    // made when it is first asked for: the first orientation pays it.
    'engine.loadCatalogue(text), then a first engine.eligible': (text) => {
      oriented.loadCatalogue(text);
      oriented.eligible({ facts: {}, referenceDate: '2026-12-01' });
    },
    'new Engine({localCatalogue: text})': (text) => new passerelle.Engine({ localCatalogue: text }).free(),
    'new Engine({catalogue: text})': (text) => new passerelle.Engine({ catalogue: text }).free(),
    // What V8 alone takes to read the same text, for scale.
    'JSON.parse(text) (V8, for scale)': (text) => JSON.parse(text),
  };
}

/** The WebAssembly module's exports (its memory), from the glue the Node entry loaded. */
async function wasmExports() {
  const glue = await import(pathToFileURL(path.join(packageDir, 'passerelle_wasm.js')).href);
  return glue.initSync();
}

/**
 * In a process of its own: loads the first `n` entries once with
 * `engine.loadCatalogue`, and says the time, the error code if refused,
 * and the memory (WebAssembly memory and the process's resident set)
 * before and after.
 */
async function child(n) {
  const passerelle = await loadPasserelle();
  const wasm = await wasmExports();
  const text = catalogueText(localEntries(n), n);
  const engine = new passerelle.Engine();
  collect();
  const before = { wasm: wasm.memory.buffer.byteLength, rss: process.memoryUsage().rss };
  const started = performance.now();
  let code = null;
  try {
    engine.loadCatalogue(text);
  } catch (error) {
    code = [error.code ?? String(error), ...(error.details ?? []).slice(0, 1).map((d) => `${d.path} ${d.code}`)].join(': ');
  }
  const ms = performance.now() - started;
  const after = { wasm: wasm.memory.buffer.byteLength, rss: process.memoryUsage().rss };
  engine.free();
  process.stdout.write(JSON.stringify({ n, bytes: Buffer.byteLength(text), ms, code, before, after }));
}

/** Runs `child(n)` (or `profiled(n)`, `mode` '--profile') in a new Node process, on the package in `pkg`. */
function inChild(n, mode = '--child', pkg = packageDir) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), mode, String(n)], {
    encoding: 'utf8',
    env: { ...process.env, PASSERELLE_PKG: pkg },
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out);
}

/**
 * In a process of its own: `engine.loadCatalogue` of the first `n`
 * entries under V8's sampling CPU profiler (100 µs). Says the share of
 * samples of each function: its self time (the top ones), and the
 * inclusive time of the core's and the module's own functions (Rust
 * names, when the module keeps its name section).
 */
async function profiled(n) {
  const passerelle = await loadPasserelle();
  const text = catalogueText(localEntries(n), n);
  const engine = new passerelle.Engine();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  collect();
  await session.post('Profiler.start');
  const started = performance.now();
  engine.loadCatalogue(text);
  const ms = performance.now() - started;
  const { profile } = await session.post('Profiler.stop');
  engine.free();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const name = (node) => (node.callFrame.functionName || `(${node.callFrame.url.split('/').pop() || 'program'})`)
    .replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const samples = new Map();
  for (const id of profile.samples) samples.set(id, (samples.get(id) ?? 0) + 1);
  const self = new Map();
  const inclusive = new Map();
  for (const [id, count] of samples) {
    self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) ?? 0) + count);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const called = name(nodes.get(at));
      if (!seen.has(called)) inclusive.set(called, (inclusive.get(called) ?? 0) + count);
      seen.add(called);
    }
  }
  const total = profile.samples.length;
  const top = (map, keep, count) => [...map.entries()].filter(([called]) => keep(called))
    .sort((a, b) => b[1] - a[1]).slice(0, count).map(([called, hits]) => ({ name: called, share: hits / total }));
  process.stdout.write(JSON.stringify({
    n,
    ms,
    named: self.size > 0 && [...self.keys()].some((called) => called.startsWith('passerelle_')),
    self: top(self, () => true, 12),
    inclusive: top(inclusive, (called) => /^passerelle_(core|wasm)::/.test(called), 14),
  }));
}

/**
 * The package with the module that keeps its function names
 * (`target/wasm-pack/`, wasm-pack's output before the package's
 * `wasm-opt` pass; the same code), copied to a temporary folder, or null.
 */
function namedPackage() {
  const named = path.join(root, 'target', 'wasm-pack', 'passerelle_wasm', 'passerelle_wasm_bg.wasm');
  if (!existsSync(named)) return null;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'passerelle-named-'));
  cpSync(packageDir, folder, { recursive: true });
  cpSync(named, path.join(folder, 'passerelle_wasm_bg.wasm'));
  return folder;
}

/** The most entries whose catalogue text is at most the limit, from their sizes. */
function largestUnderLimit(entries) {
  const envelope = Buffer.byteLength(JSON.stringify(localCatalogue([])));
  let size = envelope;
  for (const [i, entry] of entries.entries()) {
    size += Buffer.byteLength(JSON.stringify(entry)) + (i > 0 ? 1 : 0);
    if (size > LIMIT_BYTES) return i;
  }
  return entries.length;
}

export async function run({ passerelle, quick = false }) {
  const sizes = quick ? [1000, TARGET.n] : [1000, 2000, 5000, TARGET.n];
  const samples = (n) => (quick ? (n >= TARGET.n ? 1 : 2) : n >= 5000 ? 3 : 5);
  const most = Math.max(...sizes);
  // Enough entries to pass the limit (each is over 1,000 bytes).
  const entries = localEntries(quick ? most : Math.max(most, Math.ceil(LIMIT_BYTES / 1000)));
  const engine = new passerelle.Engine();
  const oriented = new passerelle.Engine();
  // The national catalogue's entries, as its file writes them (else as the engine gives them back).
  const nationalFile = path.join(root, 'crates/passerelle-core/data/catalogue.json');
  const national = existsSync(nationalFile) ? JSON.parse(readFileSync(nationalFile, 'utf8')).entries : engine.catalogue().entries;
  const nationalEntry = national.reduce((sum, entry) => sum + Buffer.byteLength(JSON.stringify(entry)), 0) / national.length;
  // A quick run times only the target's call (and V8's parse, for scale).
  const calls = Object.fromEntries(Object.entries(subjects(passerelle, engine, oriented))
    .filter(([subject]) => !quick || !subject.startsWith('new Engine')));
  const cases = [];
  const texts = {};
  /** n -> subject -> the times of its calls (ms). */
  const times = {};
  const checks = [];
  for (const n of sizes) {
    const text = catalogueText(entries, n);
    texts[n] = Buffer.byteLength(text);
    // Checked before timing: every entry is valid and lands in the catalogue.
    const loaded = engine.loadCatalogue(text);
    if (loaded.local_entries !== n) throw new Error(`catalogue load: ${loaded.local_entries} local entries loaded of ${n}`);
    checks.push(`N = ${fmt(n)}: \`loadCatalogue\` accepted every entry (${fmt(loaded.local_entries)} local, ${fmt(loaded.entries)} in all with the national ones).`);
    times[n] = Object.fromEntries(Object.keys(calls).map((subject) => [subject, []]));
    for (let i = 0; i < samples(n); i += 1) {
      for (const [subject, call] of Object.entries(calls)) {
        collect();
        const started = performance.now();
        call(text);
        times[n][subject].push(performance.now() - started);
      }
    }
    cases.push({
      name: `N = ${fmt(n)}, ${(texts[n] / 1e6).toFixed(1)} MB of JSON`,
      group: 'load',
      n,
      // No ratio: these are ways of loading, not libraries compared.
      baseline: null,
      results: Object.entries(times[n]).map(([subject, values]) => stats(subject, values)),
    });
  }
  engine.free();
  oriented.free();

  const at = (n, subject) => cases.find((c) => c.n === n).results.find((r) => r.subject === subject).median;
  const load = at(TARGET.n, 'engine.loadCatalogue(text)');
  // Held against the repeated loads (the steadier measure); the first load into a new module is added in a full run.
  const targets = [{
    what: `Catalogue load, ${fmt(TARGET.n)} entries (\`engine.loadCatalogue\`, WebAssembly in Node) ≤ ${TARGET.ms} ms`,
    value: ms(load),
    met: load <= TARGET.ms,
    by: load <= TARGET.ms ? null : `${(load / TARGET.ms).toFixed(1)}× over`,
  }];
  const first = sizes[0];
  const fastest = (n, subject) => Math.min(...times[n][subject]);
  const growth = (pick, subject) => pick(most, subject) / pick(first, subject);
  const perEntry = (pick, n) => `${(pick(n, 'engine.loadCatalogue(text)') / n * 1000).toFixed(0)} µs`;
  const notes = [
    `**Growth from N = ${fmt(first)} to ${fmt(most)}** (×${most / first} entries; linear would be ×${most / first}), of the medians: `
    + Object.keys(calls).map((subject) => `${subject.replace(/ \(.*\)$/, '')} ×${growth(at, subject).toFixed(1)}`).join('; ')
    + '; of the fastest call of each (less disturbed by other work on the machine): '
    + Object.keys(calls).map((subject) => `${subject.replace(/ \(.*\)$/, '')} ×${growth(fastest, subject).toFixed(1)}`).join('; ')
    + `. \`loadCatalogue\` per entry: ${perEntry(at, first)} at N = ${fmt(first)}, ${perEntry(at, most)} at N = ${fmt(most)} `
    + `(fastest calls: ${perEntry(fastest, first)}, ${perEntry(fastest, most)}); the fastest at N = ${fmt(most)}: `
    + `${ms(fastest(most, 'engine.loadCatalogue(text)'))}.`,
  ];
  let limit = null;
  if (!quick) {
    const largest = largestUnderLimit(entries);
    const memory = sizes.map((n) => inChild(n));
    // A page loads its catalogue once, into a new module (code not yet optimised, memory not grown): three such loads at the target's size.
    const fresh = [memory.find((m) => m.n === TARGET.n), inChild(TARGET.n), inChild(TARGET.n)].filter(Boolean);
    const freshLoad = median(fresh.map((m) => m.ms));
    targets[0].value += ` (the first load into a new module: ${ms(freshLoad)}, median of ${fresh.length} processes)`;
    const atLimit = inChild(largest);
    const over = inChild(largest + 1);
    const named = namedPackage();
    let profile = null;
    try {
      profile = inChild(TARGET.n, '--profile', named ?? packageDir);
    } catch (error) {
      // The named module may not match the package's glue: the package's own, without names.
      profile = named ? inChild(TARGET.n, '--profile', packageDir) : null;
      if (!profile) throw error;
    } finally {
      if (named) rmSync(named, { recursive: true, force: true });
    }
    limit = { largest, atLimit, over, memory, profile };
    const outcome = (m) => (m.code === null ? 'load' : `are refused (\`${m.code}\`)`);
    checks.push(`At the limit (${fmt(LIMIT_BYTES)} bytes): ${fmt(largest)} entries (${fmt(atLimit.bytes)} bytes) ${outcome(atLimit)}; `
      + `${fmt(largest + 1)} (${fmt(over.bytes)} bytes) ${outcome(over)}.`);
    const row = (m) => `| ${fmt(m.n)} | ${(m.bytes / 1e6).toFixed(1)} MB | ${m.code === null ? ms(m.ms) : `refused: ${m.code}`} | ${mb(m.before.wasm)} → ${mb(m.after.wasm)} | ${mb(m.after.rss - m.before.rss)} |`;
    notes.push(
      `**The document limit** (${mb(LIMIT_BYTES)} of JSON, \`MAX_DOCUMENT_BYTES\`) admits at most **${fmt(largest)}** entries of this generator `
      + `(${fmt(Math.round(atLimit.bytes / largest))} bytes an entry); the national catalogue's entries `
      + `(${existsSync(nationalFile) ? '`crates/passerelle-core/data/catalogue.json`, compact' : 'as `engine.catalogue()` writes them'}) average ${fmt(Math.round(nationalEntry))} bytes, so about ${fmt(Math.floor(LIMIT_BYTES / nationalEntry))} of those. Each size loaded once more in a Node process of its own (\`loadCatalogue\` on a `
      + 'new engine: the first load into a new module, as on a page, where V8 has not optimised the code yet and the memory has '
      + 'not grown yet, which takes longer than the '
      + `repeated loads above: at ${fmt(TARGET.n)} entries ${ms(freshLoad)}, the median of ${fresh.length} processes, against ${ms(load)}), `
      + 'with the WebAssembly memory before and after (it only grows: the high-water mark) and the growth of the '
      + 'resident set:\n\n| entries | JSON | load | WebAssembly memory | resident set growth |\n| --- | --- | --- | --- | --- |\n'
      + [...memory, atLimit].map(row).join('\n'),
    );
    const share = (items) => items.map(({ name, share: part }) => `\`${name}\` ${(part * 100).toFixed(0)} %`).join(', ');
    notes.push(
      `**Where the time goes**: \`engine.loadCatalogue\` of ${fmt(TARGET.n)} entries once more, in a process of its own, under V8's `
      + `sampling CPU profiler (every 100 µs; ${ms(profile.ms)} this time)${profile.named ? ', with the module that keeps its function '
        + 'names (`target/wasm-pack/`, before the package\'s `wasm-opt` pass)' : ' (the package\'s module has no function names)'}. `
      + `Shares of the samples, **inclusive** (a function and what it calls): ${share(profile.inclusive)}. **Self** time: ${share(profile.self)}.`,
    );
  }
  return {
    id: 'catalogue-load',
    title: 'Catalogue load scaling',
    description: [
      `Generated local catalogues of ${sizes.map(fmt).join(', ')} entries (\`bench/lib/catalogues.mjs\`, seeded: the same every run): `
      + 'a department\'s partner services, each a valid entry of docs/catalogue-format.md about the size of a real local entry '
      + `(about ${fmt(Math.round(texts[most] / most))} bytes of JSON: a name and description in French and English, notes, `
      + 'a department zone, phone and visit access, a source URL), half of them with an eligibility rule of the matching '
      + 'benchmark\'s generator. Each is given as JSON text, as a page that fetched it would, to the package\'s Node entry '
      + '(WebAssembly in V8): `engine.loadCatalogue(text)` on one engine (checks the entries, merges them into the national '
      + 'catalogue, replacing the ones loaded before), the same on another engine followed by its first `engine.eligible` '
      + '(of a person of whom nothing is known: the merged catalogue\'s index, its rules compiled and its entries ranked by name, '
      + 'is made when first asked for, so the first orientation after a load pays it), `new Engine({localCatalogue: text})` and `new Engine({catalogue: text})` '
      + '(which replaces the national catalogue), each engine freed; `JSON.parse` of the same text shows what reading it costs V8. '
      + `Times are single calls, ${quick ? '1 or 2 (a quick run: `loadCatalogue` only, alone and with a first `eligible`)' : '5 (3 from 5,000 entries)'} a size and subject, taken in turn; the `
      + 'catalogue\'s text is made before timing, and a full garbage collection runs before each call.',
      `Target (issue 20): loading grows linearly with the number of entries, at most ${TARGET.ms} ms for ${fmt(TARGET.n)} `
      + 'entries in WebAssembly; held against `engine.loadCatalogue`.',
    ].join('\n\n'),
    checks,
    cases,
    notes: notes.join('\n\n'),
    targets,
    ...(limit && {
      limit: { largest: limit.largest, bytes: limit.atLimit.bytes, over_code: limit.over.code, loads: [...limit.memory, limit.atLimit] },
      profile: limit.profile,
    }),
  };
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
if (process.argv[2] === '--profile') await profiled(Number(process.argv[3]));
