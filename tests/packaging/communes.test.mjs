// The commune table through the package's Node entry: `loadCommunes`
// reads the package's own `communes/` files (one per department, not in
// the wasm), `createEngine` gives them to the engine, and then a postal
// code of one commune sets it, one of several asks which by name, and
// places are named, never coded.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { MODULES, nodeEntry, packageDir, requirePackage, root } from './package.mjs';

requirePackage();
const { Engine, createEngine, loadCommunes } = await import(nodeEntry);

const TODAY = '2026-11-27';
const DEMO_LOCAL = readFileSync(path.join(root, 'crates/passerelle-core/data/catalogue-demo-local.json'), 'utf8');

/** Answers a person at home with food, no danger, 40, up to the postal code `postal`. */
function upToPostalCode(engine, postal) {
  const diagnosis = engine.startDiagnosis(TODAY);
  for (let question = diagnosis.current(); question; question = diagnosis.current()) {
    const { id, kind } = question;
    const answer = {
      yes_no: () => id === 'food_today',
      number: () => 40,
      postal_code: () => postal,
      single_choice: () => (id === 'sleep_tonight' ? 'home' : kind.options[0].id),
    }[kind.type]();
    diagnosis.answer(id, answer);
    if (id === 'postal_code') break;
  }
  return diagnosis;
}

test('the package ships the commune table as files of its own, not in the wasm', () => {
  const files = readdirSync(path.join(packageDir, 'communes'));
  const parts = files.filter((name) => name.endsWith('.txt'));
  assert.equal(parts.length, 101);
  // Each with its gzip stream made ahead of time, and nothing else.
  assert.deepEqual(files.filter((name) => !name.endsWith('.txt')).sort(), parts.map((name) => `${name}.gz`).sort());
  assert.ok(parts.includes('93.txt') && parts.includes('2A.txt') && parts.includes('976.txt'));
  for (const module of MODULES) {
    const wasm = readFileSync(path.join(packageDir, module));
    assert.equal(wasm.indexOf('Ville-di-Pietrabugno'), -1, `no commune name compiled into ${module}`);
  }
});

test('a postal code of several communes asks which, by name; one of one commune sets it', async () => {
  const engine = await createEngine();
  const corsica = upToPostalCode(engine, '20200');
  const question = corsica.current();
  assert.equal(question.id, 'commune');
  assert.equal(question.kind.type, 'commune');
  assert.deepEqual(
    question.kind.options.map((option) => option.label.fr),
    ['Bastia', 'San-Martino-di-Lota', 'Santa-Maria-di-Lota', 'Ville-di-Pietrabugno'],
  );
  assert.equal(corsica.step().question.kind.options.length, 4);
  assert.throws(() => corsica.answer('commune', '2A004'), { code: 'answer_unknown_option' });
  corsica.answer('commune', '2B033');
  assert.equal(corsica.facts().commune, '2B033');
  assert.equal(corsica.facts().department, '2B');

  const saintDenis = upToPostalCode(engine, '93200');
  assert.notEqual(saintDenis.current().id, 'commune');
  assert.equal(saintDenis.facts().commune, '93066');
});

test('a commune zone is explained with the commune’s name', async () => {
  const engine = new Engine({ localCatalogue: DEMO_LOCAL, communes: await loadCommunes(['93']) });
  const orientation = engine.orient({
    facts: { postal_code: '93300' },
    needs: [{ theme: 'equipement-et-alimentation--alimentation', priority: 'normal' }],
    referenceDate: TODAY,
    detailed: true,
  });
  const grocery = orientation.needs[0].proposals.find((p) => p.id === 'demo-epicerie-solidaire');
  assert.equal(grocery.explanation[0].text, 'Habiter à Saint-Denis\u00a0: vous habitez à Aubervilliers');

  // Without the table: the department, never the code.
  const bare = new Engine({ localCatalogue: DEMO_LOCAL });
  const text = JSON.stringify(bare.orient({
    facts: { postal_code: '93300' },
    needs: [{ theme: 'equipement-et-alimentation--alimentation', priority: 'normal' }],
    referenceDate: TODAY,
  }));
  assert.ok(!text.includes('93066'));
  assert.equal(upToPostalCode(bare, '20200').current().id, 'employment_status');
});

test('commune parts that cannot be read are refused with their place', async () => {
  const [ain] = await loadCommunes(['01']);
  assert.throws(() => new Engine({ communes: [ain, 'not a part'] }), (error) => {
    assert.equal(error.code, 'invalid_communes');
    assert.equal(error.details[0].path, '$.communes[1]');
    assert.equal(error.details[0].code, 'invalid_commune_part');
    return true;
  });
  assert.throws(() => new Engine({ communes: 'all' }), { code: 'invalid_argument' });
  await assert.rejects(loadCommunes(['99']), { code: 'fetch_failed' });
});
