// The package bundled by Vite, as an application would: the tarball
// installed offline into a tiny app (index.html, main.js importing
// '@passerelle-insertion/passerelle' by name), `vite build` through Vite's JS API, dist/ served
// on 127.0.0.1 and loaded in headless Chromium. The bundle must take the
// browser entry, emit the .wasm (wasm-bindgen's
// `new URL('passerelle_wasm_bg.wasm', import.meta.url)`) and find it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { MODULES, packageName } from './package.mjs';
import { packAndInstall } from './packed.mjs';
import {
  EXPECTED_RESULT, cleanUp, dataFilesMissing, engineScript, firstQuestion, launch, noBrowser, openPage, outside, pageResult, serveFolder,
} from './static.mjs';

const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Passerelle bundled by Vite</title>
<script type="module" src="./main.js"></script>
</head>
<body>
<h1>Passerelle</h1>
<output id="result"></output>
<passerelle-diagnostic></passerelle-diagnostic>
</body>
</html>
`;

let packed;
let dist;
let server;
let browser;
before(async () => {
  packed = await packAndInstall();
  await writeFile(path.join(packed.app, 'index.html'), PAGE);
  await writeFile(path.join(packed.app, 'main.js'), engineScript(packageName));
  dist = path.join(packed.folder, 'dist');
  // Vite comes from tests/node_modules; the package resolves from the app.
  const { build } = await import('vite');
  await build({
    root: packed.app,
    configFile: false,
    logLevel: 'warn',
    base: './',
    cacheDir: path.join(packed.folder, 'vite-cache'),
    build: { outDir: dist, emptyOutDir: true },
  });
  if (noBrowser) return;
  server = await serveFolder(dist);
  browser = await launch();
});
after(() => cleanUp(() => browser?.close(), () => server?.close(), () => packed?.remove()));

/** The files of dist/, relative to it. */
function built() {
  return readdirSync(dist, { recursive: true }).map((file) => file.split(path.sep).join('/'));
}

test('vite build bundles the browser entry and emits the .wasm', () => {
  const files = built();
  const wasm = files.filter((file) => file.endsWith('.wasm'));
  // The three modules, each as the package has it.
  assert.equal(wasm.length, MODULES.length, files.join());
  const emitted = wasm.map((file) => readFileSync(path.join(dist, file)));
  for (const module of MODULES) {
    const original = readFileSync(path.join(packed.installed, module));
    assert.ok(emitted.some((bytes) => bytes.equals(original)), `${module} is emitted as it is`);
  }
  const scripts = files.filter((file) => file.endsWith('.js'));
  const code = scripts.map((file) => readFileSync(path.join(dist, file), 'utf8')).join('\n');
  assert.ok(code.includes('passerelle-diagnostic'), 'the browser entry (it registers the element)');
  for (const file of wasm) assert.ok(code.includes(path.basename(file)), `the bundle points at the emitted ${file}`);
  assert.ok(!code.includes('node:fs'), 'not the Node entry');
});

test('the built app runs the engine and shows the widget in Chromium', { skip: noBrowser }, async () => {
  const { page, seen } = await openPage(browser, server.url);
  try {
    assert.deepEqual(await pageResult(page), EXPECTED_RESULT);
    assert.deepEqual(await firstQuestion(page), {
      question: 'sleep_tonight',
      heading: 'Où allez-vous dormir ce soir\u202f?',
    });
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(outside(seen.requests), [], 'requests outside 127.0.0.1');
    assert.deepEqual(seen.failed, []);
    // The page runs the engine and shows a questionnaire: both modules, once each.
    const wasm = server.served.filter((request) => request.path.endsWith('.wasm'));
    assert.equal(wasm.length, 2, JSON.stringify(server.served));
    assert.equal(new Set(wasm.map((request) => request.path)).size, 2, JSON.stringify(wasm));
    assert.ok(wasm.every((request) => request.status === 200));
    assert.deepEqual(server.served.filter((request) => request.status !== 200 && request.path !== '/favicon.ico'), []);
    // Vite inlines a file under 4 KB (its assetsInlineLimit) as a data:
    // URL: the commune part of the 93 is one; the result says it was read.
    assert.deepEqual(
      dataFilesMissing(server.served).filter((missing) => !missing.startsWith('the commune part')),
      [],
      'the data files fetched from the bundle',
    );
  } finally {
    await page.close();
  }
});
