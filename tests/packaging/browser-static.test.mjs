// The package as static files on a plain HTML page, in headless Chromium:
// the tarball's installed copy served under /passerelle/ by a bare static
// server; a module script loads the engine and runs a few steps, and the
// page's <passerelle-diagnostic> shows its first question. Nothing is
// fetched from anywhere but 127.0.0.1.
import assert from 'node:assert/strict';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { packAndInstall } from './packed.mjs';
import {
  EXPECTED_RESULT, cleanUp, dataFilesMissing, engineScript, firstQuestion, launch, noBrowser, openPage, outside, pageResult, serveFolder,
} from './static.mjs';

const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Passerelle as static files</title>
<script type="module">
${engineScript('/passerelle/passerelle.js')}</script>
</head>
<body>
<h1>Passerelle</h1>
<output id="result"></output>
<passerelle-diagnostic></passerelle-diagnostic>
</body>
</html>
`;

let packed;
let server;
let browser;
before(async () => {
  if (noBrowser) return;
  packed = await packAndInstall();
  const site = path.join(packed.folder, 'site');
  await mkdir(site);
  await cp(packed.installed, path.join(site, 'passerelle'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), PAGE);
  server = await serveFolder(site);
  browser = await launch();
});
after(() => cleanUp(() => browser?.close(), () => server?.close(), () => packed?.remove()));

test('a plain page imports the package, runs the engine and shows the widget', { skip: noBrowser }, async () => {
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
    const paths = server.served.map((request) => request.path);
    // The engine's module, and the questionnaire's for the widget.
    assert.ok(paths.includes('/passerelle/passerelle_wasm_bg.wasm'), paths.join());
    assert.ok(paths.includes('/passerelle/passerelle_questionnaire_bg.wasm'), paths.join());
    assert.deepEqual(server.served.filter((request) => request.status !== 200 && request.path !== '/favicon.ico'), []);
    assert.deepEqual(dataFilesMissing(server.served), [], 'the data files fetched from the package');
  } finally {
    await page.close();
  }
});
