// The languages the package ships: one file each, read only when asked
// (loadLanguage), complete enough for the whole flow; French is in the
// module, no file; English's messages are in the module and its file
// brings the questionnaire's and catalogue's texts (Node reads it on import).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { nodeEntry, packageDir, requirePackage, thrown } from './package.mjs';

requirePackage();
const { Engine, loadLanguage, registerLanguage } = await import(nodeEntry);

const TODAY = '2026-11-27';
const SHIPPED = ['es', 'ar', 'fa', 'ps', 'ru', 'uk'];

test('one file a language not compiled in, and the list of languages', () => {
  const list = JSON.parse(readFileSync(path.join(packageDir, 'locales', 'languages.json'), 'utf8'));
  assert.deepEqual(list.map((language) => language.tag), ['fr', 'en', ...SHIPPED]);
  for (const tag of ['en', ...SHIPPED]) {
    const file = JSON.parse(readFileSync(path.join(packageDir, 'locales', `${tag}.json`), 'utf8'));
    assert.equal(file.language.tag, tag);
    for (const domain of ['core', 'alerts', 'explanations', 'themes', 'formats', 'widgets', 'questionnaire', 'catalogue']) {
      assert.equal(file.files[domain]?.['@metadata']?.reviewed_by_native_speaker, false, `${tag} ${domain}`);
    }
  }
  assert.ok(!existsSync(path.join(packageDir, 'locales', 'fr.json')));
});

test('Node speaks English whole from the import: the catalogue and the questions too', () => {
  const english = new Engine({ locale: 'en' });
  const question = english.startDiagnosis(TODAY).current();
  assert.equal(question.id, 'sleep_tonight');
  assert.equal(question.label.en, 'Where will you sleep tonight?');
  const cej = english.catalogue().entries.find((entry) => entry.id === 'contrat-engagement-jeune');
  assert.ok(cej.name.en && cej.name.en !== cej.name.fr, `an English name: ${JSON.stringify(cej.name)}`);
});

test('a language not loaded is refused with how to load it; loaded, the engine speaks it', async () => {
  const error = thrown(() => new Engine({ locale: 'uk' }), 'unknown_locale');
  assert.match(error.message, /loadLanguage\("uk"\)/);
  assert.equal(await loadLanguage('uk'), 'uk');
  assert.equal(await loadLanguage('uk'), 'uk');
  const engine = new Engine({ locale: 'uk' });
  assert.equal(engine.locale(), 'uk');
  const diagnosis = engine.startDiagnosis(TODAY);
  const question = diagnosis.current();
  assert.equal(question.id, 'sleep_tonight');
  const questionnaire = engine.questionnaire();
  const french = questionnaire.sections[0].questions[0].label.fr;
  assert.equal(question.label.fr, french);
  assert.match(question.label.uk, /[\u0400-\u04FF]/, question.label.uk);
});

test('Arabic: the questionnaire and the alerts in Arabic, the numbers in Latin digits', async () => {
  await loadLanguage('ar');
  const engine = new Engine({ locale: 'ar' });
  const diagnosis = engine.startDiagnosis(TODAY);
  assert.match(diagnosis.current().label.ar, /[\u0600-\u06FF]/);
  diagnosis.answer('sleep_tonight', 'street');
  const [alert] = diagnosis.result().urgent;
  assert.equal(alert.alert, 'shelter');
  assert.match(alert.text, /[\u0600-\u06FF]/, alert.text);
  assert.match(alert.text, /115/, alert.text);
});

test('a file that is not a language file is refused with bad_language_file', () => {
  thrown(() => registerLanguage('{"language": {}}'), 'bad_language_file');
  thrown(() => registerLanguage('not json'), 'bad_language_file');
});
