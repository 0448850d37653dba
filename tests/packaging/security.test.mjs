// The JavaScript API against a hostile page (docs/robustness.md): a
// polluted Object.prototype, methods called on the wrong object or a freed
// one, and values JSON.stringify would silently change (NaN, a Map, half a
// surrogate pair). Each is refused with a stable code, never read as
// something else. Through the package's Node entry; the browser entry runs
// the same glue (passerelle_wasm.js) and the same fetch-options.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';

import { answerAll, nodeEntry, packageDir, requirePackage, root, thrown as refused } from './package.mjs';
import { cleanUp, launch, noBrowser, openPage, serveFolder } from './static.mjs';

requirePackage();
const { Engine, Diagnosis, Plan, createEngine } = await import(nodeEntry);

const TODAY = '2026-11-27';

/** A plan built by `engine` from a whole diagnosis. */
function aPlan(engine) {
  const diagnosis = engine.startDiagnosis(TODAY);
  answerAll(diagnosis);
  const plan = diagnosis.buildPlan({ needs: ['trouver-un-emploi'] });
  diagnosis.free();
  return plan;
}

/** The national catalogue's 115 entry as an engine gives it. */
function entry115(engine) {
  return engine.catalogue().entries.find((entry) => entry.id === 'urgence-115');
}

/** An attacker's local catalogue: the 115 on a premium-rate number. */
function attackersCatalogue() {
  const national = JSON.parse(
    readFileSync(path.join(root, 'crates/passerelle-core/data/catalogue.json'), 'utf8'),
  );
  const entry = national.entries.find((item) => item.id === 'urgence-115');
  return {
    format_version: 1,
    id: 'attaque',
    name: 'Attaque',
    fictional: true,
    entries: [{ ...entry, access: { ...entry.access, phone: '0899 000 115' } }],
  };
}

/** `name` set on Object.prototype (as a polluted library does) while `run` runs. */
async function withPolluted(target, name, value, run) {
  Object.defineProperty(target, name, { value, configurable: true, enumerable: true, writable: true });
  try {
    return await run();
  } finally {
    delete target[name];
  }
}

describe('a polluted Object.prototype changes nothing the engine reads', () => {
  const url = `data:application/json,${encodeURIComponent(JSON.stringify(attackersCatalogue()))}`;

  test('the attacker\'s catalogue (the 115 on a premium-rate number) is not fetched', async () => {
    // Sanity: given as the page's own option, that catalogue does replace the entry.
    const own = await createEngine({ localCatalogueUrl: url, communes: [] });
    assert.equal(entry115(own).access.phone, '0899 000 115');

    const engine = await withPolluted(Object.prototype, 'localCatalogueUrl', url,
      () => createEngine({ communes: [] }));
    assert.equal(entry115(engine).access.phone, '115', 'the 115 keeps its free number');
    assert.equal(engine.catalogue().id, new Engine().catalogue().id);
  });

  test('no URL of the questionnaire or the catalogue is read through the prototype', async () => {
    for (const name of ['questionnaireUrl', 'catalogueUrl']) {
      // Fetching it would fail (fetch_failed): it must not be fetched at all.
      const engine = await withPolluted(Object.prototype, name, 'http://127.0.0.1:9/never',
        () => createEngine({ communes: [] }));
      assert.equal(entry115(engine).access.phone, '115', name);
    }
  });

  test('inherited communes do not stand for the package\'s own', async () => {
    const engine = await withPolluted(Object.prototype, 'communes', [],
      () => createEngine());
    // The package's communes were read: a postal code of one commune sets it.
    const { diagnosis } = engine.replayDiagnosis({
      sleep_tonight: 'home', food_today: true, danger_at_home: false, child_in_danger: false,
      urgent_care: false, age: 30, postal_code: '93200',
    }, TODAY);
    assert.equal(diagnosis.facts().commune, '93066', 'Saint-Denis, known from the package\'s communes');
    diagnosis.free();
  });

  test('an inherited toJSON is refused, not obeyed', async () => {
    const evil = { localCatalogue: attackersCatalogue() };
    await withPolluted(Object.prototype, 'toJSON', function toJSON() { return evil; }, () => {
      const error = refused(() => new Engine({ locale: 'fr' }), 'polluted_prototype');
      assert.match(error.message, /toJSON/);
    });
    await withPolluted(Array.prototype, 'toJSON', function toJSON() { return ['urgence-115']; }, () => {
      refused(() => new Engine({ communes: [] }), 'polluted_prototype');
    });
    // Once the page is clean again, the same call works.
    assert.equal(entry115(new Engine({ locale: 'fr' })).access.phone, '115');
  });

  test('a hole in an array is refused, not filled from Array.prototype', async () => {
    const engine = new Engine();
    await withPolluted(Array.prototype, '0', { theme: 'sante--acces-aux-soins' }, () => {
      // eslint-disable-next-line no-sparse-arrays
      const needs = [, { theme: 'trouver-un-emploi' }];
      const error = refused(() => engine.orient({ facts: {}, needs, referenceDate: TODAY }), 'wrong_type');
      assert.equal(error.details[0].path, '$.needs');
    });
  });
});

test('a read-only code or details on Object.prototype does not take the errors\' own', async () => {
  const engine = new Engine();
  const pinned = { value: 'ok', writable: false, configurable: true };
  Object.defineProperty(Object.prototype, 'code', pinned);
  Object.defineProperty(Object.prototype, 'details', { ...pinned, value: [] });
  try {
    const error = refused(() => engine.setLocale('xx'), 'unknown_locale');
    assert.ok(Object.hasOwn(error, 'code') && Object.hasOwn(error, 'details'));
    const replayed = engine.replayDiagnosis({ sleep_tonight: 'nowhere' }, TODAY);
    assert.equal(replayed.problems[0].code, 'answer_unknown_option');
    refused(() => Engine.prototype.locale.call(null), 'wrong_receiver');
    await assert.rejects(createEngine(new Map()), (error) => error.code === 'wrong_type');
    await assert.rejects(createEngine({ catalogueUrl: 'http://127.0.0.1:9/', communes: [] }),
      (error) => error.code === 'fetch_failed');
  } finally {
    delete Object.prototype.code;
    delete Object.prototype.details;
  }
});

describe('a method called on the wrong object, or on a freed one, throws a clear error', () => {
  const engine = new Engine();
  const diagnosis = engine.startDiagnosis(TODAY);

  test('another class\'s object: wrong_receiver', () => {
    const plan = aPlan(engine);
    const error = refused(() => Engine.prototype.locale.call(plan), 'wrong_receiver');
    assert.match(error.message, /Engine/);
    refused(() => Diagnosis.prototype.current.call(engine), 'wrong_receiver');
    refused(() => Plan.prototype.toJsonText.call(diagnosis), 'wrong_receiver');
    refused(() => Diagnosis.prototype.snapshot.call(plan), 'wrong_receiver');
    // What the objects hold is untouched: each still answers for itself.
    assert.equal(engine.locale(), 'fr');
    assert.equal(diagnosis.current().id, 'sleep_tonight');
    assert.equal(JSON.parse(plan.toJsonText()).format_version, JSON.parse(plan.toJsonText()).format_version);
    plan.free();
  });

  test('an object that only looks like one: wrong_receiver', () => {
    refused(() => Engine.prototype.locale.call(Object.create(Engine.prototype)), 'wrong_receiver');
    refused(() => Diagnosis.prototype.current.call({ __wbg_ptr: 8 }), 'wrong_receiver');
    refused(() => Engine.prototype.locale.call(undefined), 'wrong_receiver');
    refused(() => Engine.prototype.locale.call(42), 'wrong_receiver');
  });

  test('a pointer copied from another object is not followed', () => {
    const other = new Engine({ locale: 'en' });
    const plan = aPlan(engine);
    other.__wbg_ptr = plan.__wbg_ptr;
    assert.equal(other.locale(), 'en', 'the engine still reads its own memory');
    other.free();
    plan.free();
  });

  test('a freed object: freed, and freeing twice does nothing', () => {
    const gone = engine.startDiagnosis(TODAY);
    gone.free();
    const error = refused(() => gone.current(), 'freed');
    assert.match(error.message, /free/);
    gone.free();
    refused(() => gone.answer('sleep_tonight', 'home'), 'freed');
  });
});

describe('values JSON would silently change are refused with a code', () => {
  const engine = new Engine();

  test('NaN and Infinity are not "unknown": not_a_number, with where', () => {
    for (const age of [NaN, Infinity, -Infinity]) {
      const error = refused(() => engine.orient({ facts: { age }, referenceDate: TODAY }), 'not_a_number');
      assert.deepEqual(error.details.map((detail) => [detail.path, detail.code]),
        [['$.facts.age', 'not_a_number']]);
      refused(() => engine.eligible({ facts: { age } }), 'not_a_number');
    }
    const diagnosis = engine.replayDiagnosis({ sleep_tonight: 'home', food_today: true, danger_at_home: false,
      child_in_danger: false, urgent_care: false }, TODAY).diagnosis;
    assert.equal(diagnosis.current().id, 'age');
    refused(() => diagnosis.answer('age', NaN), 'not_a_number');
    assert.equal(diagnosis.current().id, 'age', 'the question is still to answer');
    refused(() => diagnosis.orient({ explain: NaN }), 'not_a_number');
    const plan = aPlan(engine);
    refused(() => plan.apply({ op: 'move_objective', objective: 'o1', position: NaN }, 'advisor', TODAY),
      'not_a_number');
  });

  test('a Map, a Set, a Date, a class instance, a function or a BigInt: wrong_type', () => {
    refused(() => engine.eligible({ facts: new Map([['age', 30]]) }), 'wrong_type');
    refused(() => new Engine(new Map([['locale', 'en']])), 'wrong_type');
    refused(() => engine.orient({ facts: {}, needs: new Set(['housing']) }), 'wrong_type');
    const date = refused(() => engine.eligible({ facts: { birth_date: new Date('1990-05-01') } }), 'wrong_type');
    assert.match(date.message, /YYYY-MM-DD/);
    class Facts { constructor() { this.age = 30; } }
    refused(() => engine.eligible({ facts: new Facts() }), 'wrong_type');
    refused(() => engine.eligible({ facts: { age: () => 30 } }), 'wrong_type');
    refused(() => engine.eligible({ facts: { age: 30n } }), 'wrong_type');
    refused(() => engine.orient({ facts: { age: new Number(30) } }), 'wrong_type');
    // What stays accepted: plain objects, null-prototype objects, those of
    // another realm (a frame's), a Plan (by its toJSON).
    assert.ok(engine.eligible({ facts: Object.assign(Object.create(null), { age: 30 }) }));
    const framed = runInNewContext("({ facts: { age: 30, benefits: ['rsa'] }, referenceDate: '2026-11-27' })");
    assert.deepEqual(engine.eligible(framed), engine.eligible(JSON.parse(JSON.stringify(framed))));
    refused(() => engine.eligible(runInNewContext('({ facts: new Map() })')), 'wrong_type');
    const plan = aPlan(engine);
    assert.equal(engine.planFromJson(plan).toJsonText(), plan.toJsonText());
  });

  test('half a surrogate pair, anywhere text comes in: not_unicode', () => {
    const diagnosis = engine.startDiagnosis(TODAY);
    refused(() => diagnosis.answer('sleep_tonight', 'home\ud800'), 'not_unicode');
    refused(() => diagnosis.answer('sleep_tonight', ['\udc00']), 'not_unicode');
    refused(() => diagnosis.answerInput('sleep_tonight', '\ud83d'), 'not_unicode');
    refused(() => diagnosis.answer('sleep\ud800', 'home'), 'not_unicode');
    refused(() => engine.setLocale('fr\udfff'), 'not_unicode');
    refused(() => engine.eligible({ facts: { ['age\ud800']: 30 } }), 'not_unicode');
    refused(() => engine.loadCatalogue(`{"format_version": 1, "id": "x\ud800"}`), 'not_unicode');
    const error = refused(() => engine.orient({ facts: { postal_code: '93\udc00' } }), 'not_unicode');
    assert.equal(error.details[0].path, '$.facts.postal_code');
    // A whole pair is a character like any other: the session goes on.
    diagnosis.answer('sleep_tonight', 'home');
    assert.equal(diagnosis.current().id, 'food_today');
  });
});

test('the package says where its glue is guarded (a build that lost the guard fails here)', () => {
  const glue = readFileSync(path.join(packageDir, 'passerelle_wasm.js'), 'utf8');
  // (Minified, `wasm` has another name: any call given the raw pointer.)
  assert.doesNotMatch(glue, /[\w$]\(this\.__wbg_ptr\b/, 'every method checks its receiver');
  assert.match(glue, /__wbg_ptr/, 'the glue is the one wasm-bindgen wrote');
});

test('in the browser entry too: inherited URLs, wrong receivers, NaN and half pairs are refused',
  { skip: noBrowser }, async () => {
    const server = await serveFolder(packageDir);
    const browser = await launch();
    try {
      const { page, seen } = await openPage(browser, `${server.url}package.json`);
      const found = await page.evaluate(async (url) => {
        // The module's namespace: `Engine` and `Diagnosis` are read from it
        // once createEngine() has loaded the whole module (undefined before).
        const passerelle = await import('./passerelle.js');
        const { createEngine } = passerelle;
        const codeOf = async (call) => {
          try { await call(); return 'nothing thrown'; } catch (error) { return error.code; }
        };
        Object.prototype.localCatalogueUrl = url;
        let phone;
        try {
          const engine = await createEngine({});
          phone = engine.catalogue().entries.find((entry) => entry.id === 'urgence-115').access.phone;
        } finally {
          delete Object.prototype.localCatalogueUrl;
        }
        const { Engine, Diagnosis } = passerelle;
        const engine = new Engine();
        const diagnosis = engine.startDiagnosis('2026-11-27');
        return {
          phone,
          wrongReceiver: await codeOf(() => Diagnosis.prototype.current.call(engine)),
          notANumber: await codeOf(() => engine.eligible({ facts: { age: NaN } })),
          wrongType: await codeOf(() => engine.eligible({ facts: new Map([['age', 30]]) })),
          notUnicode: await codeOf(() => diagnosis.answer('sleep_tonight', 'home\ud800')),
        };
      }, 'data:application/json,' + encodeURIComponent(JSON.stringify(attackersCatalogue())));
      assert.deepEqual(found, {
        phone: '115', wrongReceiver: 'wrong_receiver', notANumber: 'not_a_number',
        wrongType: 'wrong_type', notUnicode: 'not_unicode',
      });
      assert.deepEqual(seen.errors, []);
    } finally {
      await cleanUp(() => browser.close(), () => server.close());
    }
  });
