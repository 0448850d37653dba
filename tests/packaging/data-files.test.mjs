// The national catalogue is a file of the package (data/catalogue.json),
// not a part of the WebAssembly module: a host updates it by replacing the
// file, with no new build, and every entry point reads the copy it finds.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { MODULES, packageDir, requirePackage, root } from './package.mjs';

requirePackage();

const TODAY = '2026-11-27';
const CATALOGUE = path.join('data', 'catalogue.json');

test('the national catalogue ships as a file, and the module holds none of it', () => {
  const text = readFileSync(path.join(packageDir, CATALOGUE), 'utf8');
  const catalogue = JSON.parse(text);
  assert.equal(catalogue.id, 'passerelle-national');
  assert.ok(catalogue.entries.length >= 100, `${catalogue.entries.length} entries`);
  const cej = catalogue.entries.find((entry) => entry.id === 'contrat-engagement-jeune');
  // Each text names its key, so that a language loaded later translates it.
  assert.equal(cej.name['@catalogue'], 'contrat-engagement-jeune.name');
  // Not in the modules: a sentence only the catalogue says is absent from their bytes.
  const said = cej.description.fr;
  assert.ok(said.length > 40);
  for (const module of MODULES) {
    const wasm = readFileSync(path.join(packageDir, module));
    assert.equal(wasm.indexOf(Buffer.from(said, 'utf8')), -1, `the catalogue's words are not in ${module}`);
  }
});

test('English is a file of the package: the module holds French\'s words, not English\'s', () => {
  const english = JSON.parse(readFileSync(path.join(packageDir, 'locales', 'en.json'), 'utf8')).files;
  const source = (crate, tag, domain) => JSON.parse(readFileSync(
    path.join(root, 'crates', crate, 'locales', tag, `${domain}.json`), 'utf8'));
  for (const [crate, domain, key] of [
    ['passerelle-wasm', 'widgets', 'pace-help'],
    ['passerelle-core', 'explanations', 'benefit-ass'],
  ]) {
    const said = english[domain][key];
    assert.equal(said, source(crate, 'en', domain)[key], `locales/en.json has ${domain}.${key}`);
    // French's is (the modules' own language), as the modules write it.
    const french = source(crate, 'fr', domain)[key].split(/\{\{[^}]*\}\}/).sort((a, b) => b.length - a.length)[0];
    for (const module of MODULES) {
      const wasm = readFileSync(path.join(packageDir, module));
      assert.equal(wasm.indexOf(Buffer.from(said, 'utf8')), -1, `English's ${domain}.${key} is not in ${module}`);
      assert.ok(french.length > 20 && wasm.indexOf(Buffer.from(french, 'utf8')) >= 0, `French's ${domain}.${key} is in ${module}`);
    }
  }
});

test('a catalogue updated on the server is read as it is, without a new build', async () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'passerelle-update-'));
  try {
    cpSync(packageDir, copy, { recursive: true });
    const file = path.join(copy, CATALOGUE);
    const catalogue = JSON.parse(readFileSync(file, 'utf8'));
    const cej = catalogue.entries.find((entry) => entry.id === 'contrat-engagement-jeune');
    cej.name.fr = 'Contrat d’engagement jeune (mis à jour)';
    // A new entry, as a department's update would bring.
    const added = structuredClone(cej);
    added.id = 'cej-renforce-test';
    added.name = { fr: 'CEJ renforcé (essai)' };
    catalogue.entries.push(added);
    writeFileSync(file, JSON.stringify(catalogue));

    const { Engine } = await import(pathToFileURL(path.join(copy, 'node.js')).href);
    const engine = new Engine();
    const entries = engine.catalogue().entries;
    assert.equal(entries.find((entry) => entry.id === 'contrat-engagement-jeune').name.fr,
      'Contrat d’engagement jeune (mis à jour)');
    assert.ok(entries.some((entry) => entry.id === 'cej-renforce-test'));
    // The updated catalogue orients: the new entry, with the CEJ's rules, is found for a young jobseeker as the CEJ is.
    const matched = engine.eligible({
      facts: { age: 19, employment_status: 'jobseeker', department: '93', in_education: false },
      referenceDate: TODAY,
    });
    assert.ok(matched.eligible.includes('contrat-engagement-jeune'), JSON.stringify(matched));
    assert.ok(matched.eligible.includes('cej-renforce-test'), JSON.stringify(matched));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('a damaged catalogue file is refused with its problems, not half read', async () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'passerelle-damaged-'));
  try {
    cpSync(packageDir, copy, { recursive: true });
    writeFileSync(path.join(copy, CATALOGUE), '{"format_version": 1, "entries": [');
    await assert.rejects(import(pathToFileURL(path.join(copy, 'node.js')).href), (error) => {
      assert.equal(error.code, 'invalid_catalogue');
      return true;
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
