// The README's "Embedding" section, followed to the letter: the package
// folder copied next to a page as `passerelle/`, the section's first HTML
// block pasted into the page's body; in headless Chromium the parcours
// shows its steps and its first question, and nothing is fetched from
// anywhere but the page's server.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { root } from './package.mjs';
import {
  noBrowser, openPage, outside, siteWithPackage,
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
  const snippet = await embeddingSnippet();
  site = await siteWithPackage({
    prefix: 'passerelle-readme-',
    folder: 'passerelle',
    copy: true,
    pages: {
      'index.html': `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>La page d’une mairie</title></head>
<body>
<h1>Vos démarches</h1>
${snippet}</body>
</html>
`,
    },
  });
  ({ server, browser } = site);
});
after(() => site?.close());

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
