// The browser entry, passerelle.js, and the whole module's glue: the glue
// is a file of its own (passerelle_wasm.js), not bundled into
// passerelle.js, and a page that only asks questions never fetches it nor
// the whole module's .wasm. The engine API's names are `undefined` until
// the whole module has loaded, then its classes (docs/js-api.md, "Loading").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { packageDir, requirePackage } from './package.mjs';
import {
  firstQuestion, noBrowser, openPage, outside, siteWithPackage,
} from './static.mjs';

/** The whole module's glue, as `passerelle.js` imports it. */
const WHOLE_GLUE = 'passerelle_wasm.js';

/**
 * Names only the whole module's glue has: its `Engine` class frees and
 * makes engines with these exports of the `.wasm`.
 */
const WHOLE_ONLY = /__wbg_engine_free|\bengine_new\b/;

/** A page that only asks questions, next to the package's folder (`pkg/`). */
const QUESTIONS_ONLY = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Questions only</title>
<script type="module" src="pkg/passerelle.js"></script></head>
<body><passerelle-diagnostic></passerelle-diagnostic></body>
</html>
`;

let site;
let server;
let browser;
before(async () => {
  requirePackage();
  if (noBrowser) return;
  site = await siteWithPackage({ prefix: 'passerelle-entry-', folder: 'pkg', pages: { 'questions.html': QUESTIONS_ONLY } });
  ({ server, browser } = site);
});
after(() => site?.close());

test('passerelle.js does not hold the whole module\'s glue: it imports passerelle_wasm.js only when it loads that module', () => {
  const entry = readFileSync(path.join(packageDir, 'passerelle.js'), 'utf8');
  const glue = readFileSync(path.join(packageDir, WHOLE_GLUE), 'utf8');
  assert.match(glue, WHOLE_ONLY, 'the marker is the whole glue\'s (else this test proves nothing)');
  assert.doesNotMatch(entry, WHOLE_ONLY, 'passerelle.js holds the whole module\'s glue');
  assert.match(entry, /\bimport\(\s*["']\.\/passerelle_wasm\.js["']\s*\)/, 'a dynamic import of the glue');
  assert.doesNotMatch(entry, /\bfrom\s*["']\.\/passerelle_wasm\.js["']|\bimport\s*["']\.\/passerelle_wasm\.js["']/,
    'no static import of the glue');
  // The questionnaire's glue is bundled: no other file to fetch before the first question.
  assert.doesNotMatch(entry, /passerelle_questionnaire\.js/);
});

test('a page with only <passerelle-diagnostic> never fetches the whole module: neither its glue nor its .wasm',
  { skip: noBrowser }, async () => {
    const from = server.served.length;
    const { page, seen } = await openPage(browser, `${server.url}questions.html`);
    try {
      assert.equal((await firstQuestion(page)).question, 'sleep_tonight');
      // The catalogue comes after the first question; then nothing more.
      await page.waitForFunction(() => performance.getEntriesByType('resource')
        .some((entry) => entry.name.endsWith('/data/catalogue.json')), null, { timeout: 15000 });
      await page.waitForTimeout(1000);
      const fetched = server.served.slice(from).map((request) => request.path);
      assert.ok(fetched.includes('/pkg/passerelle_questionnaire_bg.wasm'), fetched.join());
      assert.deepEqual(fetched.filter((file) => /\/passerelle_wasm(_bg\.wasm|\.js)$/.test(file)), [], fetched.join());
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(outside(seen.requests), []);
    } finally {
      await page.close();
    }
  });

test('the engine API is undefined before load(), then the whole module\'s classes, through the module\'s live bindings',
  { skip: noBrowser }, async () => {
    const from = server.served.length;
    const { page, seen } = await openPage(browser, `${server.url}pkg/package.json`);
    try {
      const found = await page.evaluate(async () => {
        const passerelle = await import('./passerelle.js');
        const names = ['Engine', 'Diagnosis', 'Plan', 'Reasons', 'DataInclusionImport', 'registerLanguage'];
        const before = names.map((name) => typeof passerelle[name]);
        const glueBefore = performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/passerelle_wasm.js'));
        await passerelle.load();
        const glue = await import('./passerelle_wasm.js');
        return {
          before,
          glueBefore,
          after: names.map((name) => typeof passerelle[name]),
          theGlue: names.every((name) => passerelle[name] === glue[name]),
          first: new passerelle.Engine().startDiagnosis('2026-11-27').current().id,
          // A module importing them by name after load() has them too.
          byName: await import(URL.createObjectURL(new Blob(
            [`import { Engine } from '${new URL('./passerelle.js', location.href)}'; export const made = new Engine().locale();`],
            { type: 'text/javascript' },
          ))).then((module) => module.made),
        };
      });
      assert.deepEqual(found, {
        before: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
        glueBefore: false,
        after: ['function', 'function', 'function', 'function', 'function', 'function'],
        theGlue: true,
        first: 'sleep_tonight',
        byName: 'fr',
      });
      assert.deepEqual(seen.errors, []);
      // The glue and the .wasm, each fetched once.
      for (const file of ['/pkg/passerelle_wasm.js', '/pkg/passerelle_wasm_bg.wasm']) {
        assert.equal(server.served.slice(from).filter((request) => request.path === file).length, 1, file);
      }
    } finally {
      await page.close();
    }
  });
