// A quick run of the benchmarks (`node bench/run.mjs --quick`) against the
// built package: the smallest sizes, short times. What it checks is not
// speed but that the comparisons still hold: the three matching engines
// find the same eligible sets and the two questionnaires show the same
// questions (the run throws otherwise), and the report has every suite,
// with the targets of the slow-phone profile and of the catalogue load.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';

import { packageDir, requirePackage, root } from './package.mjs';

test('the benchmarks run quickly against the package, their subjects agreeing', { timeout: 240_000 }, async () => {
  requirePackage();
  const out = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-'));
  try {
    await promisify(execFile)(process.execPath, ['run.mjs', '--quick', '--out', out], {
      cwd: path.join(root, 'bench'),
      env: { ...process.env, PASSERELLE_PKG: packageDir },
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(await readFile(path.join(out, 'benchmarks.json'), 'utf8'));
    assert.equal(report.quick, true);
    const suites = Object.fromEntries(report.suites.map((suite) => [suite.id, suite]));
    assert.deepEqual(Object.keys(suites), ['matching', 'questionnaire', 'catalogue-load', 'orientation-widget', 'startup', 'slowphone', 'size']);
    for (const id of ['matching', 'questionnaire']) {
      assert.ok(suites[id].checks.length > 0, `${id}: its agreement checks ran`);
      for (const entry of suites[id].cases) {
        assert.ok(entry.results.length >= 2, `${id}, ${entry.name}: Passerelle and another`);
        for (const row of entry.results) assert.ok(row.median > 0, `${id}, ${entry.name}, ${row.subject}`);
      }
    }
    for (const entry of suites['catalogue-load'].cases) {
      for (const row of entry.results) assert.ok(row.median > 0, `catalogue load, ${entry.name}, ${row.subject}`);
    }
    assert.match(suites['catalogue-load'].targets[0].what, /Catalogue load, 10,000 entries/);
    if (process.env.PASSERELLE_CHROMIUM) {
      assert.ok(suites.startup.cases[0].results[0].median > 0, 'start-up measured in Chromium');
      const widget = suites['orientation-widget'];
      assert.ok(widget.cases.every((entry) => entry.results[0].median > 0), 'the orientation widget measured in Chromium');
      assert.match(widget.checks[0], /the page held \d+ proposals/);
      const slow = suites.slowphone;
      assert.ok(slow.cases.every((entry) => entry.results[0].median > 0), 'the slow-phone loads measured in Chromium');
      assert.deepEqual(slow.targets.map((target) => target.what.replace(/ ≤.*$/, '')), [
        'Slow 4G, 4× CPU, cold: first question',
        'Slow 4G, 4× CPU, cold: emergency numbers readable',
        'Slow 4G, cold: bytes before the first question',
        'Slow 4G, cold: the catalogue after the first question',
      ]);
    }
    const markdown = await readFile(path.join(out, 'benchmarks.md'), 'utf8');
    assert.match(markdown, /^# Benchmarks/);
    assert.match(markdown, /## Targets/);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
