// The bad-input corpus (tests/bad-input/, docs/robustness.md) through the
// JavaScript API of the built package: each file, and each file the
// manifest says to generate, given to the method that reads its kind,
// must throw the code of expected.json (its `js` entry when the
// JavaScript API reports it differently), with the core's code and path in
// `error.details` where the method reports details.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { nodeEntry, requirePackage, root } from './package.mjs';

requirePackage();
const { Engine } = await import(nodeEntry);

const corpus = path.join(root, 'tests', 'bad-input');
const manifest = JSON.parse(readFileSync(path.join(corpus, 'expected.json'), 'utf8'));
const TODAY = '2026-11-27';

/** Runs `call`; returns what it threw (fails when nothing was). */
function thrown(call, name) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof Error, `${name}: not an Error: ${error}`);
    assert.ok(Array.isArray(error.details), `${name}: no details`);
    return error;
  }
  assert.fail(`${name}: nothing was thrown`);
}

/** `$.x` as it is inside the request object `{facts}`. */
const inFacts = (p) => `$.facts${p.slice(1)}`;

/**
 * What the JavaScript API should report for an entry: `{code, details}`
 * (`details`: `{code, path}` that must be among `error.details`, or null);
 * null when the input cannot be given to it.
 */
function expectation(entry) {
  if (entry.js?.skip) return null;
  if (entry.js) return { code: entry.js.code, details: entry.js.details ?? null };
  const core = { code: entry.code, path: entry.path };
  switch (entry.kind) {
    case 'catalogue':
      return { code: 'invalid_catalogue', details: core };
    case 'questionnaire':
      return { code: 'invalid_questionnaire', details: core };
    case 'data-inclusion':
      return { code: 'invalid_records', details: core };
    case 'facts':
      return { code: 'invalid_request', details: { code: entry.code, path: inFacts(entry.path) } };
    case 'snapshot':
    case 'plan':
      return { code: entry.code, details: core.path === '$' && entry.kind === 'plan' ? null : core };
    case 'answers':
      return { code: entry.code, details: null };
    default:
      throw new Error(`unknown kind ${entry.kind}`);
  }
}

/** Gives `text` to the API of `kind`; returns what was thrown or reported. */
function feed(kind, text, name) {
  const engine = new Engine({ locale: 'fr' });
  switch (kind) {
    case 'catalogue':
      return thrown(() => engine.loadCatalogue(text), name);
    case 'questionnaire':
      return thrown(() => new Engine({ questionnaire: text }), name);
    case 'snapshot':
      return thrown(() => engine.resumeDiagnosis(text), name);
    case 'plan':
      return thrown(() => engine.planFromJson(text), name);
    case 'facts':
      return thrown(() => engine.orient({ facts: JSON.parse(text) }), name);
    case 'data-inclusion': {
      let result;
      try {
        result = engine.importDataInclusion(text);
      } catch (error) {
        return error;
      }
      // Records refused one by one are reported, not thrown.
      return { code: 'invalid_records', details: result.report };
    }
    case 'answers': {
      const diagnosis = engine.startDiagnosis(TODAY);
      const steps = JSON.parse(text);
      for (const [i, [id, value]] of steps.entries()) {
        try {
          diagnosis.answer(id, value);
        } catch (error) {
          return Object.assign(error, { step: i });
        }
      }
      return assert.fail(`${name}: every answer was taken`);
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

function check(name, entry, text) {
  const expected = expectation(entry);
  if (!expected) return false;
  const error = feed(entry.kind, text, name);
  assert.equal(error.code, expected.code, `${name}: ${error.code}: ${error.message}`);
  if (entry.kind === 'answers') assert.equal(`$[${error.step}]`, entry.path, name);
  if (expected.details) {
    const found = error.details.map((d) => `${d.code} at ${d.path}`);
    assert.ok(
      error.details.some((d) => d.code === expected.details.code && d.path === expected.details.path),
      `${name}: expected ${expected.details.code} at ${expected.details.path} in ${JSON.stringify(found).slice(0, 600)}`,
    );
  }
  return true;
}

/** prefix + repeat × times + suffix. */
const generate = ({ prefix, repeat, times, suffix }) => prefix + repeat.repeat(times) + suffix;

describe('the bad-input corpus through the JavaScript API', () => {
  test('every committed file', () => {
    let checked = 0;
    for (const [name, entry] of Object.entries(manifest.files)) {
      const text = readFileSync(path.join(corpus, name), 'utf8');
      if (check(name, entry, text)) checked += 1;
    }
    assert.ok(checked >= 90, `only ${checked} files checked`);
  });

  test('every generated file', () => {
    for (const [name, entry] of Object.entries(manifest.generated)) {
      check(name, entry, generate(entry.make));
    }
  });

  test('the files the JavaScript API cannot be given are the ones whose bytes are not text', () => {
    for (const [name, entry] of Object.entries(manifest.files)) {
      if (entry.js?.skip) {
        assert.ok(
          entry.code === 'not_utf8' || entry.code === 'invalid_json',
          `${name}: skipped in JavaScript but ${entry.code}`,
        );
      }
    }
  });

  test('objects nested 100,000 deep, cycles and huge strings are refused without a crash', () => {
    const engine = new Engine();
    let deep = {};
    for (let i = 0; i < 100_000; i += 1) deep = { all: [deep] };
    // JSON.stringify itself runs out of stack: caught, invalid_argument.
    assert.equal(thrown(() => engine.loadCatalogue(deep), 'deep').code, 'invalid_argument');
    assert.equal(thrown(() => engine.orient({ facts: deep }), 'deep facts').code, 'invalid_argument');
    const cycle = { format_version: 1, entries: [] };
    cycle.entries.push(cycle);
    assert.equal(thrown(() => engine.loadCatalogue(cycle), 'cycle').code, 'invalid_argument');
    // Nested 110 deep: JSON.stringify and serde_json read it, the core's limit refuses it.
    let nested = 19;
    for (let i = 0; i < 110; i += 1) nested = [nested];
    const error = thrown(() => engine.orient({ facts: { age: nested } }), 'nested');
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.details[0].code, 'too_deep');
    const huge = 'x'.repeat(20 * 1024 * 1024);
    assert.equal(thrown(() => engine.loadCatalogue(huge), 'huge').code, 'input_too_large');
    assert.equal(thrown(() => engine.resumeDiagnosis({ pad: huge }), 'huge').code, 'input_too_large');
    const diagnosis = engine.startDiagnosis(TODAY);
    assert.equal(thrown(() => diagnosis.answer('sleep_tonight', huge), 'answer').code, 'input_too_large');
    // The engine still works after all this.
    assert.equal(diagnosis.current().id, 'sleep_tonight');
  });
});
