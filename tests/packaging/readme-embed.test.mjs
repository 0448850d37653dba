// The README's "Embedding" section, followed to the letter: the package
// folder copied next to a page as `passerelle/`, the section's first HTML
// block pasted into the page's body; in headless Chromium the parcours
// shows its steps and its first question, and nothing is fetched from
// anywhere but the page's server.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { packageDir, root } from './package.mjs';
import {
  cleanUp, launch, noBrowser, openPage, outside, serveFolder,
} from './static.mjs';

/** The first ```html block of the README's "## Embedding" section. */
async function embeddingSnippet() {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Embedding'));
  assert.ok(section, 'the README has an "Embedding" section');
  const block = /```html\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the "Embedding" section shows the HTML to paste');
  return block[1];
}

let site;
let server;
let browser;
before(async () => {
  if (noBrowser) return;
  site = await mkdtemp(path.join(os.tmpdir(), 'passerelle-readme-'));
  await cp(packageDir, path.join(site, 'passerelle'), { recursive: true });
  const snippet = await embeddingSnippet();
  await writeFile(path.join(site, 'index.html'), `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>La page d’une mairie</title></head>
<body>
<h1>Vos démarches</h1>
${snippet}</body>
</html>
`);
  server = await serveFolder(site);
  browser = await launch();
});
after(() => cleanUp(
  () => browser?.close(),
  () => server?.close(),
  () => site && rm(site, { recursive: true, force: true }),
));

test('the README\'s two lines on a page of one\'s own give the whole parcours', { skip: noBrowser }, async () => {
  const { page, seen } = await openPage(browser, server.url);
  try {
    await page.waitForFunction(() => document.querySelector('passerelle-parcours')?.shadowRoot
      ?.querySelector('passerelle-diagnostic')?.shadowRoot?.querySelector('form')?.dataset.question,
    null, { timeout: 15000 });
    const shown = await page.evaluate(() => {
      const parcours = document.querySelector('passerelle-parcours').shadowRoot;
      const questions = parcours.querySelector('passerelle-diagnostic').shadowRoot;
      return {
        steps: [...parcours.querySelectorAll('ol li')].map((step) => step.textContent.trim()),
        question: questions.querySelector('form').dataset.question,
        heading: questions.querySelector('legend h3')?.textContent ?? null,
      };
    });
    assert.deepEqual(shown, {
      steps: ['Vos réponses', 'Les aides et services', 'Votre plan'],
      question: 'sleep_tonight',
      heading: 'Où allez-vous dormir ce soir\u202f?',
    });
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(outside(seen.requests), [], 'requests outside 127.0.0.1');
    assert.deepEqual(seen.failed, []);
    const wasm = server.served.find((request) => request.path.endsWith('.wasm'));
    assert.equal(wasm?.status, 200);
  } finally {
    await page.close();
  }
});
