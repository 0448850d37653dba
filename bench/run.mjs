// The benchmarks of issue 8, run by `cargo xtask bench`: Passerelle against
// the libraries a user would pick instead, measured side by side in one
// process run, then written to docs/benchmarks.md (a table per case, with
// medians, spread and ratios, the machine and the versions) and
// docs/benchmarks.json (the same numbers).
//
//   node bench/run.mjs [--quick] [--out DIR]
//
// `--quick` runs the smallest sizes with short times (a smoke run: the
// checks still run, the numbers mean little). Benchmarks never fail on
// speed; a check that the subjects agree (same eligible set, same
// questions shown) fails the run, since a wrong comparison is worse than
// none.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromiumOptions, loadPasserelle, packageDir, root } from './lib/package.mjs';
import * as catalogueLoad from './catalogue-load.mjs';
import * as matching from './matching.mjs';
import * as orientationWidget from './orientation-widget.mjs';
import * as questionnaire from './questionnaire.mjs';
import * as size from './size.mjs';
import * as slowphone from './slowphone.mjs';
import * as startup from './startup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The version of a package installed for the benchmarks. */
function installed(name) {
  const file = path.join(here, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function chromiumVersion(options) {
  if (!options) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(options);
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

const quick = process.argv.includes('--quick');
const out = path.resolve(option('--out') ?? path.join(root, 'docs'));
const chromium = chromiumOptions();
const passerelle = await loadPasserelle();

const started = Date.now();
const suites = [];
for (const [name, suite] of [
  ['matching', () => matching.run({ passerelle, quick })],
  ['questionnaire', () => questionnaire.run({ passerelle, quick })],
  ['catalogue-load', () => catalogueLoad.run({ passerelle, quick })],
  ['orientation-widget', () => orientationWidget.run({ quick, chromium })],
  ['startup', () => startup.run({ quick, chromium })],
  ['slowphone', () => slowphone.run({ quick, chromium })],
  ['size', () => size.run()],
]) {
  const begun = Date.now();
  console.log(`==> ${name}`);
  const result = await suite();
  if (result === null) {
    console.log(`<== ${name}: skipped (no browser: PASSERELLE_CHROMIUM is not set)`);
    suites.push({ id: name, skipped: 'no browser given (PASSERELLE_CHROMIUM and PASSERELLE_CHROMIUM_FLAGS)' });
    continue;
  }
  result.seconds = (Date.now() - begun) / 1000;
  console.log(`<== ${name}: ${result.seconds.toFixed(1)} s`);
  suites.push(result);
}

const report = {
  generated: new Date().toISOString(),
  quick,
  seconds: (Date.now() - started) / 1000,
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    v8: process.versions.v8,
    chromium: await chromiumVersion(chromium),
  },
  versions: {
    passerelle: `${JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version} (commit ${commit()}, release build)`,
    'json-logic-js': installed('json-logic-js'),
    'json-rules-engine': installed('json-rules-engine'),
    'survey-core': installed('survey-core'),
    tinybench: installed('tinybench'),
  },
  suites,
};
withRatios(report);
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(out, 'benchmarks.md'), markdown(report));
console.log(`\nxtask: the benchmarks took ${report.seconds.toFixed(0)} s; written to ${path.join(out, 'benchmarks.md')} and benchmarks.json`);
for (const target of allTargets(report)) {
  console.log(`  ${target.met ? 'met   ' : 'MISSED'} ${target.what}: ${target.value}${target.by ? ` (${target.by})` : ''}`);
}

/** Each timed result gets its ratio to the case's baseline (its median ÷ the baseline's). */
function withRatios(report) {
  for (const suite of report.suites) {
    for (const entry of suite.cases ?? []) {
      if (entry.kind === 'size') continue;
      // A row may be shown in several cases (the same library against two
      // ways of calling Passerelle): each case gets its own copy.
      entry.results = entry.results.map((row) => ({ ...row }));
      const baseline = entry.results.find((row) => row.subject === entry.baseline);
      for (const row of entry.results) {
        row.ratio = baseline && row !== baseline ? row.median / baseline.median : null;
        const target = entry.targets?.[row.subject];
        if (target !== undefined) row.target = { at_least: target, met: row.ratio >= target };
      }
    }
  }
}

/** Every target of the run: `{what, value, met, by}`. */
function allTargets(report) {
  const targets = [];
  for (const suite of report.suites) {
    for (const entry of suite.cases ?? []) {
      for (const row of entry.results ?? []) {
        if (!row.target) continue;
        targets.push({
          what: `${suite.title.split(':')[0]}, ${entry.name}: Passerelle ≥ ${row.target.at_least}× faster than ${row.subject}`,
          value: `${fixed(row.ratio)}×`,
          met: row.target.met,
          by: row.target.met ? null : `${fixed(row.target.at_least / row.ratio)}× short`,
        });
      }
    }
    targets.push(...(suite.targets ?? []));
  }
  return targets;
}

function fixed(value) {
  if (value === null || value === undefined) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A time in ms, with the unit that reads best. */
function time(ms) {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${fixed(ms)} ms`;
  return `${fixed(ms * 1000)} µs`;
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The size of the case (N) without its own words: the groups of the scaling table. */
function group(entry) {
  return entry.group ?? entry.name.replace(/^(N = [\d,]+|[\d,]+ questions),\s*/, '');
}

function scaling(suite) {
  const timed = (suite.cases ?? []).filter((entry) => entry.kind !== 'size' && entry.n);
  const sizes = [...new Set(timed.map((entry) => entry.n))].sort((a, b) => a - b);
  if (sizes.length < 2) return null;
  const rows = [];
  for (const name of [...new Set(timed.map(group))]) {
    const subjects = [...new Set(timed.filter((e) => group(e) === name).flatMap((e) => e.results.map((r) => r.subject)))];
    for (const subject of subjects) {
      const at = sizes.map((n) => timed.find((e) => e.n === n && group(e) === name)
        ?.results.find((r) => r.subject === subject)?.median);
      const [first, last] = [at[0], at[at.length - 1]];
      const growth = first && last ? `×${fixed(last / first)} for ×${fixed(sizes[sizes.length - 1] / sizes[0])} N` : '–';
      rows.push([name, subject, ...at.map((value) => (value === undefined ? '–' : time(value))), growth]);
    }
  }
  return table(['case', 'subject', ...sizes.map((n) => `N = ${n.toLocaleString('en')}`), 'growth'], rows);
}

function markdown(report) {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `cargo xtask bench` (`bench/run.mjs`); the same numbers are in',
    '`benchmarks.json`. Each case runs its subjects one after the other in the',
    'same process (tinybench); absolute times vary from run to run on a busy',
    'machine, the ratios between subjects measured side by side hold better.',
    '"× Passerelle" is the subject\'s median time divided by Passerelle\'s: how',
    'many times faster Passerelle is. Spread is the median absolute deviation.',
    'They are benchmarks, not tests: they never fail on speed.',
    '',
    report.quick ? '**A quick run (`--quick`): smallest sizes, short times; the numbers mean little.**\n' : '',
    `Run on ${report.generated.slice(0, 10)}, in ${report.seconds.toFixed(0)} s: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memory_gib} GiB, ${report.machine.os}; Node ${report.machine.node} (V8 ${report.machine.v8})${report.machine.chromium ? `, Chromium ${report.machine.chromium}` : ''}.`,
    '',
    table(['package', 'version'], Object.entries(report.versions).map(([name, version]) => [name, version])),
    '',
    '## Targets',
    '',
    table(['target', 'measured', 'met'], allTargets(report).map((target) => [
      target.what, target.value, target.met ? 'yes' : `**no** — ${target.by}`,
    ])),
    '',
  ];
  for (const suite of report.suites) {
    if (suite.skipped) {
      lines.push(`## ${suite.id}`, '', `Skipped: ${suite.skipped}.`, '');
      continue;
    }
    lines.push(`## ${suite.title}`, '', suite.description, '');
    if (suite.checks?.length) {
      lines.push('Checks passed in this run:', '', ...suite.checks.map((check) => `- ${check}`), '');
    }
    for (const entry of suite.cases) {
      lines.push(`### ${entry.name}`, '');
      if (entry.kind === 'size') {
        lines.push(table(['file', 'raw', 'gzip', 'brotli'], entry.results.map((row) => [
          row.subject === 'total' ? '**total**' : `\`${row.subject}\``,
          `${row.raw.toFixed(1)} KB`, `${row.gzip.toFixed(1)} KB`, `${row.brotli.toFixed(1)} KB`,
        ])));
      } else {
        lines.push(table(['subject', 'median', 'spread', 'p75', 'samples', '× Passerelle', 'target'], entry.results.map((row) => [
          row.subject, time(row.median), time(row.mad), time(row.p75), String(row.samples),
          row.ratio === null ? '–' : `${fixed(row.ratio)}×`,
          row.target ? `≥ ${row.target.at_least}×: ${row.target.met ? 'met' : '**missed**'}` : '',
        ])));
      }
      lines.push('');
    }
    const scale = scaling(suite);
    if (scale) lines.push('Scaling (medians):', '', scale, '');
    if (suite.notes) lines.push(suite.notes, '');
    if (suite.targets?.length) {
      lines.push(table(['target', 'measured', 'met'], suite.targets.map((target) => [
        target.what, target.value, target.met ? 'yes' : `**no** — ${target.by}`,
      ])), '');
    }
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
