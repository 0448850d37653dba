// The package as npm publishes it: `npm pack` of the package folder holds
// exactly the files listed in package.json (and package.json), and the
// tarball, installed offline into a new project, runs there in Node when
// imported by its name.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { answerAll, packageDir, packageName } from './package.mjs';
import { packAndInstall } from './packed.mjs';

const run = promisify(execFile);

let packed;
before(async () => {
  packed = await packAndInstall();
});
after(async () => {
  await packed?.remove();
});

test('the tarball holds exactly the files of package.json "files", and package.json', async () => {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  // A folder of "files" (communes/) is published with every file in it.
  const expected = [...manifest.files, 'package.json'].flatMap((file) => {
    const full = path.join(packageDir, file);
    return existsSync(full) && statSync(full).isDirectory()
      ? readdirSync(full).map((name) => `${file}/${name}`)
      : [file];
  }).sort();
  for (const file of ['LICENSE', 'NOTICE']) {
    if (existsSync(path.join(packageDir, file))) {
      assert.ok(manifest.files.includes(file), `${file} is in the package folder but not in "files"`);
    }
  }
  assert.ok(manifest.files.includes('LICENSE'), 'LICENSE is published');
  // As npm reports it...
  assert.deepEqual(packed.packed.files.map((file) => file.path).sort(), expected);
  // ...and as the tarball holds it.
  const { stdout } = await run('tar', ['-tzf', packed.tarball]);
  const entries = stdout.split('\n').filter(Boolean);
  assert.ok(entries.every((entry) => entry.startsWith('package/')), entries.join());
  assert.deepEqual(entries.map((entry) => entry.slice('package/'.length)).sort(), expected);
  assert.equal(packed.packed.name, packageName);
  assert.equal(manifest.name, packageName);
  assert.equal(packed.packed.version, manifest.version);
  // What is installed is what is in the package folder.
  for (const file of expected) {
    assert.deepEqual(
      readFileSync(path.join(packed.installed, file)),
      readFileSync(path.join(packageDir, file)),
      `${file} differs once installed`,
    );
  }
});

test('the installed tarball runs in Node when imported by its name', async () => {
  const script = `import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { load, loadCommunes, loadLanguage, Engine, Diagnosis, Plan } from '${packageName}';

const TODAY = '2026-11-27';
await load();
const engine = new Engine();
const diagnosis = engine.startDiagnosis(TODAY);
assert.ok(diagnosis instanceof Diagnosis);
${answerAll.toString()}
const answered = answerAll(diagnosis);
const result = diagnosis.result();
const orientation = diagnosis.orient();
const plan = diagnosis.buildPlan({ needs: ['trouver-un-emploi'] });
assert.ok(plan instanceof Plan);
const exported = plan.toJsonText();
assert.equal(engine.planFromJson(exported).toJsonText(), exported);
let code = null;
try {
  engine.startDiagnosis('2026-02-30');
} catch (error) {
  code = error.code;
}
// The data files of the installed package: a language and a commune part.
await loadLanguage('ar');
const arabic = new Engine({ locale: 'ar' }).startDiagnosis(TODAY).current().label.ar;
const [communes] = await loadCommunes(['93']);
console.log(JSON.stringify({
  arabic: /[\\u0600-\\u06FF]/.test(arabic),
  saintDenis: communes.includes('Saint-Denis'),
  english: new Engine({ locale: 'en' }).startDiagnosis(TODAY).current().label.en,
  entry: fileURLToPath(import.meta.resolve('${packageName}')),
  answered,
  complete: diagnosis.isComplete(),
  department: result.facts.department,
  themes: result.needs.map((need) => need.theme),
  evaluations: orientation.evaluations.length,
  objectives: plan.value().objectives.length,
  printed: plan.printView(TODAY).slice(0, 15),
  report: engine.report([plan, plan, plan, plan, plan]).plans,
  code,
  dom: typeof globalThis.document,
}));
`;
  await writeFile(path.join(packed.app, 'flow.mjs'), script);
  const { stdout } = await run(process.execPath, ['flow.mjs'], { cwd: packed.app });
  const seen = JSON.parse(stdout);
  assert.equal(seen.entry, path.join(packed.installed, 'node.js'), 'the "node" condition of the exports');
  assert.equal(seen.arabic, true, 'Arabic read from the installed locales/ar.json');
  assert.equal(seen.saintDenis, true, 'the commune part of the 93 read from the installed communes/');
  assert.equal(seen.english, 'Where will you sleep tonight?', 'English read from the installed locales/en.json');
  assert.ok(seen.answered > 10);
  assert.equal(seen.complete, true);
  assert.equal(seen.department, '93');
  assert.ok(seen.themes.includes('trouver-un-emploi'), seen.themes.join());
  assert.ok(seen.evaluations > 0);
  assert.ok(seen.objectives > 0);
  assert.match(seen.printed, /^<!DOCTYPE html>/i);
  assert.equal(seen.report, 5);
  assert.equal(seen.code, 'invalid_date');
  assert.equal(seen.dom, 'undefined');
});
