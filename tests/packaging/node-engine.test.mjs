// The built package in Node, through its Node entry (node.js): the whole
// flow a program runs (diagnosis, orientation, plan, print view, referral
// sheet, report), the errors' codes and shape, and the package's layout.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  answerAll, linkPackage, nodeEntry, packageDir, packageName, requirePackage, thrown,
} from './package.mjs';

requirePackage();
const { Engine, Diagnosis, Plan, load } = await import(nodeEntry);

const TODAY = '2026-11-27';

/** The flow a program runs, end to end; returns the plan's JSON. */
function fullFlow(engine) {
  const diagnosis = engine.startDiagnosis(TODAY);
  assert.ok(diagnosis instanceof Diagnosis);
  assert.equal(diagnosis.referenceDate(), TODAY);
  assert.equal(diagnosis.current().id, 'sleep_tonight');
  assert.deepEqual(Object.keys(diagnosis.progress()).sort(),
    ['answered', 'at_most', 'last', 'left', 'section', 'sections', 'total']);
  assert.equal(diagnosis.progress().section, 1);
  assert.equal(diagnosis.progress().answered, 0);

  // Back, and resume from a snapshot half way.
  diagnosis.answer('sleep_tonight', 'home');
  assert.equal(diagnosis.step().progress.answered, 1);
  assert.equal(diagnosis.back(), true);
  assert.equal(diagnosis.back(), false);
  assert.equal(diagnosis.previousAnswer('sleep_tonight'), 'home');
  diagnosis.answerInput('sleep_tonight', 'home');
  const snapshot = diagnosis.snapshot();
  assert.equal(JSON.parse(snapshot).snapshot_version, 1);
  const resumed = engine.resumeDiagnosis(snapshot);
  assert.equal(resumed.current().id, 'food_today');
  assert.equal(engine.resumeDiagnosis(JSON.parse(snapshot)).snapshot(), snapshot);

  assert.ok(answerAll(resumed) > 10);
  assert.equal(resumed.isComplete(), true);
  assert.equal(resumed.current(), null);
  assert.deepEqual(resumed.step().question, null);
  const result = resumed.result();
  assert.equal(result.questionnaire_id, 'passerelle-default');
  assert.equal(result.reference_date, TODAY);
  assert.deepEqual(result.urgent, []);
  assert.equal(result.facts.department, '93');
  assert.deepEqual(resumed.facts(), result.facts);
  const themes = result.needs.map((need) => need.theme);
  assert.ok(themes.includes('trouver-un-emploi'), themes.join());
  assert.deepEqual([...resumed.needsFound()].sort(), [...themes].sort());
  assert.equal(result.ranked_by_person, true);

  // Orientation: from the diagnosis, explained or not, detailed; then
  // from facts given directly.
  const orientation = resumed.orient();
  assert.deepEqual(Object.keys(orientation), ['reference_date', 'urgent_contacts', 'needs', 'held', 'evaluations']);
  for (const need of orientation.needs) {
    assert.deepEqual(Object.keys(need).slice(0, 4), ['need', 'proposals', 'shown_first', 'ruled_out']);
  }
  assert.ok(orientation.evaluations.every((evaluation) => evaluation.explanation.length > 0));
  const bare = resumed.orient({ explain: false });
  assert.ok(bare.evaluations.every((evaluation) => !('explanation' in evaluation)));
  const detailed = resumed.orient({ detailed: true });
  const proposal = detailed.needs[0].proposals[0];
  for (const key of ['name', 'description', 'access', 'source_url', 'last_verified', 'explanation', 'standing', 'cost']) {
    assert.ok(key in proposal, `a detailed proposal has ${key}`);
  }
  const direct = engine.orient({
    facts: { birth_date: '2007-05-02', postal_code: '93200', employment_status: 'inactive', in_education: false },
    needs: [{ theme: 'trouver-un-emploi' }],
    referenceDate: TODAY,
  });
  const missionLocale = direct.evaluations.find((evaluation) => evaluation.id === 'mission-locale');
  assert.equal(missionLocale.status, 'eligible');
  assert.ok(missionLocale.explanation.every((part) => ['met', 'not_met', 'unknown'].includes(part.status)));

  // The same answers replayed give the same diagnosis.
  const replayed = engine.replayDiagnosis(resumed.answers(), TODAY);
  assert.ok(replayed.diagnosis instanceof Diagnosis);
  assert.deepEqual(replayed.problems, []);
  assert.deepEqual(replayed.diagnosis.result(), result);

  // The plan: build, edit, review, export, read back.
  const plan = resumed.buildPlan({ needs: ['trouver-un-emploi'] });
  assert.ok(plan instanceof Plan);
  // A diagnosis saved as JSON builds the same plan.
  const later = engine.buildPlan(JSON.stringify(result), { needs: ['trouver-un-emploi'] });
  assert.equal(later.toJsonText(), plan.toJsonText());
  const value = plan.value();
  assert.equal(value.locale, engine.locale());
  assert.equal(value.schedule.start, TODAY);
  assert.deepEqual(value.history[0].edit, { op: 'built' });
  const action = value.objectives[0].actions.find((a) => a.kind === 'contact_partner');
  const change = plan.apply({ op: 'set_status', action: action.id, status: 'in_progress' }, 'person', TODAY);
  assert.deepEqual(change, {
    number: 2,
    date: TODAY,
    by: 'person',
    edit: { op: 'set_status', action: action.id, status: 'in_progress' },
  });
  plan.apply(
    { op: 'review', review: { date: '2026-12-11', done: 'CV', stuck: '', changed: '' } },
    'advisor',
    '2026-12-11',
  );
  const proposals = plan.proposals('2026-12-11');
  for (const { objective, action: proposed } of proposals) {
    assert.equal(typeof objective, 'string');
    assert.equal(proposed.id, '');
    assert.equal(typeof proposed.title, 'string');
  }
  if (proposals.length > 0) {
    const added = plan.apply({ op: 'add_action', ...proposals[0] }, 'person', '2026-12-11');
    assert.match(added.edit.action.id, /^a\d+$/);
  }
  assert.ok(plan.nextSteps().length > 0);
  assert.ok(plan.nextSteps().every((step) => ['planned', 'in_progress'].includes(step.status)));

  const exported = plan.toJsonText();
  assert.equal(engine.planFromJson(exported).toJsonText(), exported);
  assert.equal(engine.planFromJson(plan.value()).toJsonText(), exported);
  assert.equal(engine.planFromJson(plan).toJsonText(), exported, 'a Plan is read through toJSON');
  assert.deepEqual(JSON.parse(JSON.stringify(plan)), JSON.parse(exported));

  const html = plan.printView('2026-12-11');
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.ok(html.includes('<h1'));

  // The referral sheet needs the person's consent.
  thrown(() => plan.referralSheet(action.entry, '2026-12-11'), 'no_consent');
  plan.apply({ op: 'give_consent', consent: { entry: action.entry, date: '2026-12-11' } }, 'person', '2026-12-11');
  const sheet = plan.referralSheet(action.entry, '2026-12-11');
  assert.equal(sheet.partner.entry, action.entry);
  assert.deepEqual(sheet.consent, { entry: action.entry, date: '2026-12-11' });
  assert.ok(sheet.included.includes('consent'));
  assert.ok(sheet.left_out.includes('history'));

  // The anonymous report, from Plans, plan objects and JSON texts.
  const few = engine.report([plan, plan.value(), exported]);
  assert.deepEqual(few, { plans: '<5' });
  const report = engine.report([plan, plan, plan.value(), exported, exported, plan]);
  assert.equal(report.plans, 6);
  assert.equal(report.needs['trouver-un-emploi'], 6);
  assert.deepEqual(Object.keys(report.action_statuses), ['done', 'dropped', 'in_progress', 'on_hold', 'planned']);
  for (const count of Object.values(report.action_kinds)) {
    assert.ok(count === '<5' || (Number.isInteger(count) && count >= 5), `count ${count}`);
  }
  return exported;
}

test('load() resolves at once in Node', async () => {
  assert.equal(await load(), undefined);
});

test('the whole flow runs in French and in English', () => {
  const french = new Engine();
  assert.equal(french.locale(), 'fr');
  fullFlow(french);
  const english = new Engine({ locale: 'en-GB' });
  assert.equal(english.locale(), 'en');
  const plan = JSON.parse(fullFlow(english));
  assert.equal(plan.locale, 'en');
  assert.match(plan.objectives[0].actions.at(-1).title, /^Contact/);
});

test('a local catalogue and data·inclusion records are loaded', () => {
  const engine = new Engine();
  const national = engine.catalogue();
  const records = [
    {
      source: 'dora', structure_id: 'dora--1', id: 'dora--42', nom: 'Atelier CV',
      description: 'Un atelier pour écrire son CV.', date_maj: '2026-10-01', type: 'atelier',
      thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'],
      publics: ['demandeurs-emploi'], frais: 'gratuit', zone_eligibilite: ['93'],
      mobilisable_par: ['usagers'], modes_mobilisation: ['telephoner'], telephone: '01 23 45 67 89',
      lien_source: 'https://dora.inclusion.beta.gouv.fr/services/42',
    },
  ];
  const imported = engine.importDataInclusion(records);
  assert.equal(imported.catalogue.entries[0].id, 'di-dora-42');
  assert.deepEqual(imported.report, []);
  const summary = engine.loadCatalogue(imported.catalogue);
  assert.equal(summary.local_entries, 1);
  assert.equal(summary.entries, national.entries.length + 1);
  assert.equal(engine.loadCatalogue(JSON.stringify(imported.catalogue)).local_entries, 1);
  fullFlow(engine);
});

describe('errors have a stable code, a message and details', () => {
  const engine = new Engine();

  test('arguments', () => {
    // An option under its name before the API was camelCase: refused, with its name now.
    const error = thrown(() => new Engine({ local_catalogue: {} }), 'invalid_argument');
    assert.deepEqual(error.details.map((detail) => detail.path), ['$.local_catalogue']);
    assert.match(error.details[0].message, /it is "localCatalogue" now/);
    const request = thrown(() => engine.eligible({ facts: {}, reference_date: '2026-11-27' }), 'invalid_argument');
    assert.match(request.details[0].message, /it is "referenceDate" now/);
    thrown(() => new Engine({ locale: 'de' }), 'unknown_locale');
    thrown(() => engine.setLocale('de'), 'unknown_locale');
    thrown(() => engine.startDiagnosis('2026-02-30'), 'invalid_date');
    thrown(() => engine.startDiagnosis(20261127), 'invalid_argument');
    thrown(() => engine.orient('facts'), 'invalid_argument');
  });

  test('inputs checked whole', () => {
    let error = thrown(
      () => engine.orient({ facts: { age: 'old', colour: 'blue' }, needs: [{ theme: 'astrologie' }], referenceDate: TODAY }),
      'invalid_request',
    );
    const paths = error.details.map((detail) => detail.path);
    assert.ok(paths.includes('$.facts.age') && paths.includes('$.needs[0].theme'), paths.join());
    error = thrown(() => engine.loadCatalogue('{'), 'invalid_catalogue');
    assert.equal(error.details[0].code, 'invalid_json');
    thrown(() => new Engine({ questionnaire: { format_version: 1 } }), 'invalid_questionnaire');
    error = thrown(() => engine.importDataInclusion({ not: 'a list' }), 'invalid_records');
    assert.equal(error.details[0].code, 'wrong_type');
    error = thrown(() => engine.report(['{', { format_version: 2 }]), 'invalid_plans');
    assert.deepEqual(error.details.map((d) => [d.path, d.code]), [['$[0]', 'plan_corrupted'], ['$[1]', 'plan_corrupted']]);
  });

  test('the session, with messages in the engine’s language', () => {
    const diagnosis = engine.startDiagnosis(TODAY);
    const french = thrown(() => diagnosis.answer('age', 19), 'not_current_question').message;
    engine.setLocale('en');
    assert.notEqual(thrown(() => diagnosis.answer('age', 19), 'not_current_question').message, french);
    engine.setLocale('fr');
    thrown(() => diagnosis.answer('sleep_tonight', 'sofa'), 'answer_unknown_option');
    thrown(() => diagnosis.answer('sleep_tonight', { x: 1 }), 'answer_unknown_option');
    thrown(() => diagnosis.answerInput('sleep_tonight', ''), 'answer_required');
    diagnosis.answer('sleep_tonight', 'home');
    thrown(() => diagnosis.skip('food_today'), 'not_skippable');
    diagnosis.answerInput('food_today', 'yes');
    diagnosis.skip('danger_at_home');
    for (const id of ['child_in_danger', 'urgent_care']) diagnosis.answer(id, false);
    const error = thrown(() => diagnosis.answer('age', 7), 'answer_out_of_range');
    assert.match(error.message, /14/);
    thrown(() => engine.resumeDiagnosis('[]'), 'snapshot_corrupted');
    const newer = diagnosis.snapshot().replace('"snapshot_version":1', '"snapshot_version":9');
    thrown(() => engine.resumeDiagnosis(newer), 'snapshot_future_version');
  });

  test('plans', () => {
    thrown(() => engine.planFromJson('{"format_version": 99}'), 'plan_future_version');
    thrown(() => engine.planFromJson({ format_version: 2 }), 'plan_corrupted');
    const diagnosis = engine.startDiagnosis(TODAY);
    answerAll(diagnosis);
    thrown(() => diagnosis.buildPlan({ needs: [] }), 'no_need');
    thrown(() => diagnosis.buildPlan({ needs: ['sante--astrologie'] }), 'need_not_found');
    const plan = diagnosis.buildPlan({ needs: ['trouver-un-emploi'] });
    thrown(() => plan.apply({ op: 'set_status', action: 'a999', status: 'done' }, 'person', TODAY), 'unknown_action');
    thrown(() => plan.apply({ op: 'built' }, 'person', TODAY), 'already_built');
    thrown(() => plan.apply({ op: 'set_next_review', date: null }, 'person', '2020-01-01'), 'date_before_last_change');
    thrown(() => plan.apply({ op: 'teleport' }, 'person', TODAY), 'invalid_argument');
    thrown(() => plan.apply({ op: 'set_next_review', date: null }, 'robot', TODAY), 'invalid_argument');
    thrown(() => plan.proposals(TODAY, { age: 'old' }), 'invalid_facts');
    thrown(() => plan.referralSheet('nowhere', TODAY), 'unknown_entry');
  });
});

test('the package: its entries, exports and files', async () => {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  const root = manifest.exports['.'];
  assert.deepEqual(root.node, { types: './node.d.ts', default: './node.js' });
  assert.equal(root.types, './passerelle.d.ts');
  assert.equal(root.default, './passerelle.js');
  assert.deepEqual(Object.keys(root), ['node', 'types', 'default'], 'the "node" condition comes first');

  // Every file listed is in the package, and every file of the package is listed.
  // (npm adds package.json itself.)
  const shipped = readdirSync(packageDir).filter((name) => !name.startsWith('.') && name !== 'package.json');
  assert.deepEqual([...manifest.files].sort(), shipped.sort());

  // `import '@passerelle-insertion/passerelle'` in Node takes the Node entry, through the exports.
  linkPackage();
  const resolved = import.meta.resolve(packageName);
  assert.equal(path.basename(fileURLToPath(resolved)), 'node.js');
  const viaName = await import(packageName);
  assert.equal(viaName.Engine, Engine, 'the same module as node.js');
  assert.equal(path.basename(fileURLToPath(import.meta.resolve(`${packageName}/node`))), 'node.js');

  // The engine runs without a DOM: importing touched none.
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof globalThis.customElements, 'undefined');
});

test('an object used after free() throws', () => {
  const engine = new Engine();
  const diagnosis = engine.startDiagnosis(TODAY);
  diagnosis.free();
  assert.throws(() => diagnosis.current(), Error);
  engine.free();
  assert.throws(() => engine.locale(), Error);
});
