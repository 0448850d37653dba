// What `cargo xtask dist` writes into target/dist/, taken as a web team
// takes it, with no Rust: the npm tarball installed offline into a new
// project, where the Node entry runs by the package's scoped name; the
// zip unpacked on a plain static server, where its example page shows the
// first question (the preload hints used, the .wasm fetched once); and the
// same page opened as a file (file://), where the element says, in the
// page's language, that it must be opened from a web site instead of
// staying blank.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

import { packageDir, packageName, requirePackage, root } from './package.mjs';
import { npm } from './packed.mjs';
import {
  cleanUp, launch, noBrowser, openPage, outside, serveFolder,
} from './static.mjs';

const run = promisify(execFile);

/** The folder `cargo xtask dist` writes (PASSERELLE_DIST, else target/dist/). */
const distDir = path.resolve(process.env.PASSERELLE_DIST ?? path.join(root, 'target', 'dist'));
/** The built package's version: the tarball's and the zip's names hold it. */
const version = existsSync(path.join(packageDir, 'package.json'))
  ? JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version
  : null;
const tarballName = `${packageName.replace('@', '').replace('/', '-')}-${version}.tgz`;
const folderName = `passerelle-${version}`;
const zipName = `${folderName}.zip`;

/** The sentence of `first-words.json` a page opened as a file shows, in `tag`. */
function fileProtocolWords(tag) {
  const file = path.join(root, 'crates/passerelle-wasm/locales', tag, 'first-words.json');
  return JSON.parse(readFileSync(file, 'utf8'))['fallback-file-protocol'];
}

let work;
let unpacked;
let server;
let browser;
let fileBrowser;
before(async () => {
  requirePackage();
  for (const file of [tarballName, zipName, 'SHA256SUMS']) {
    if (!existsSync(path.join(distDir, file))) {
      throw new Error(`${path.join(distDir, file)} is missing: run \`cargo xtask dist\` (or set PASSERELLE_DIST)`);
    }
  }
  work = await mkdtemp(path.join(os.tmpdir(), 'passerelle-dist-'));
  unpacked = path.join(work, 'server');
  await run('unzip', ['-q', path.join(distDir, zipName), '-d', unpacked]);
  if (noBrowser) return;
  server = await serveFolder(unpacked);
  browser = await launch();
});
after(() => cleanUp(
  () => browser?.close(),
  () => fileBrowser?.close(),
  () => server?.close(),
  () => work && rm(work, { recursive: true, force: true }),
));

test('the checksums file vouches for the tarball and the zip', async () => {
  const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: distDir });
  assert.deepEqual(stdout.trim().split('\n').sort(), [`${tarballName}: OK`, `${zipName}: OK`].sort());
});

test('the tarball installs offline into a new project, and the Node entry runs there by the scoped name', async () => {
  const app = path.join(work, 'app');
  await mkdir(app);
  await writeFile(path.join(app, 'package.json'), '{"name": "a-team-s-site", "private": true, "type": "module"}\n');
  await npm(['install', '--offline', '--ignore-scripts', '--no-package-lock', path.join(distDir, tarballName)],
    app, path.join(work, 'npm-cache'));
  const installed = path.join(app, 'node_modules', ...packageName.split('/'));
  // What is installed is the package as built, not an older one.
  for (const file of ['package.json', 'passerelle.js', 'file-protocol.js', 'passerelle_wasm_bg.wasm']) {
    assert.deepEqual(readFileSync(path.join(installed, file)), readFileSync(path.join(packageDir, file)),
      `${file} of the tarball differs from target/pkg's: run \`cargo xtask dist\` again`);
  }
  await writeFile(path.join(app, 'first.mjs'), `import { fileURLToPath } from 'node:url';
import { load, Engine } from '${packageName}';
await load();
const question = new Engine().startDiagnosis('2026-11-27').current();
console.log(JSON.stringify({
  entry: fileURLToPath(import.meta.resolve('${packageName}')),
  id: question.id,
  label: question.label.fr,
}));
`);
  const { stdout } = await run(process.execPath, ['first.mjs'], { cwd: app });
  assert.deepEqual(JSON.parse(stdout), {
    entry: path.join(installed, 'node.js'),
    id: 'sleep_tonight',
    label: 'Où allez-vous dormir ce soir\u202f?',
  });
});

test('the zip holds one folder named after the package and version: the files a browser loads, not the Node entry', async () => {
  const { stdout } = await run('unzip', ['-Z1', path.join(distDir, zipName)]);
  const entries = stdout.split('\n').filter(Boolean);
  assert.ok(entries.every((entry) => entry.startsWith(`${folderName}/`)), entries.join());
  const files = entries.filter((entry) => !entry.endsWith('/')).map((entry) => entry.slice(folderName.length + 1));
  // The same package, the same zip: files in path order, one date for all.
  assert.deepEqual(entries, [...entries].sort(), 'entries in path order');
  const { stdout: dated } = await run('unzip', ['-Z', '-T', path.join(distDir, zipName)]);
  const dates = new Set(dated.split('\n').filter((line) => line.includes(`${folderName}/`)).map((line) => line.split(/\s+/).at(-2)));
  assert.deepEqual([...dates], ['20000101.000000']);
  for (const file of [
    'passerelle.js', 'passerelle.js.map', 'passerelle_wasm_bg.wasm', 'passerelle_questionnaire_bg.wasm',
    'passerelle_wasm.js', 'passerelle_wasm.js.map', 'passerelle_editor_bg.wasm', 'passerelle_editor.js',
    'passerelle_editor.js.map', 'file-protocol.js', 'data/catalogue.json',
    'locales/languages.json', 'locales/en.json', 'locales/ar.json', 'communes/93.txt',
    'README.md', 'LICENSE', 'NOTICE', 'example.html',
  ]) {
    assert.ok(files.includes(file), `${file} is not in the zip`);
  }
  for (const file of files) {
    assert.doesNotMatch(file, /^(node\.js|passerelle_questionnaire\.js|fetch-options\.js|package\.json|custom-elements\.json)$|\.d\.ts$/,
      `${file} is for Node or tools`);
    if (file === 'example.html') continue;
    assert.deepEqual(await readFile(path.join(unpacked, folderName, file)), await readFile(path.join(packageDir, file)),
      `${file} of the zip differs from target/pkg's`);
  }
});

test('each file a browser fetches from the zip comes with its gzip stream, made ahead of time, that reads back to it', async () => {
  const { stdout } = await run('unzip', ['-Z1', path.join(distDir, zipName)]);
  const files = stdout.split('\n').filter((entry) => entry && !entry.endsWith('/')).map((entry) => entry.slice(folderName.length + 1));
  const fetched = files.filter((file) => /\.(wasm|js|json|txt)$/.test(file));
  assert.ok(fetched.includes('passerelle_questionnaire_bg.wasm') && fetched.includes('passerelle.js'));
  for (const file of fetched) {
    assert.ok(files.includes(`${file}.gz`), `${file}.gz is not in the zip`);
    const gzip = await readFile(path.join(unpacked, folderName, `${file}.gz`));
    assert.deepEqual(gunzipSync(gzip), await readFile(path.join(unpacked, folderName, file)), `${file}.gz does not read back to ${file}`);
  }
  // Smaller than a server compressing on the fly would send.
  for (const file of ['passerelle_questionnaire_bg.wasm', 'passerelle.js']) {
    const raw = await readFile(path.join(unpacked, folderName, file));
    const ahead = await readFile(path.join(unpacked, folderName, `${file}.gz`));
    assert.ok(ahead.length < gzipSync(raw, { level: 9 }).length, `${file}.gz is not smaller than gzip -9`);
  }
  // A file the zip leaves out (for Node or tools) leaves out its .gz too.
  for (const file of files.filter((name) => name.endsWith('.gz'))) {
    assert.ok(files.includes(file.slice(0, -3)), `${file} without its file`);
  }
});

/** The fenced nginx, apache and html blocks of the "## <section>" of `markdown`. */
function settingBlocks(markdown, section) {
  const part = markdown.split(/^## /m).find((text) => text.startsWith(`${section}\n`));
  assert.ok(part, `no "## ${section}" section`);
  return [...part.matchAll(/```(nginx|apache|html)\n([\s\S]*?)```/g)].map((match) => match[0]);
}

test('the README and the package README give the same server settings and preload hints, for this version, as the tested page has them', async () => {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const packageReadme = await readFile(path.join(packageDir, 'README.md'), 'utf8');
  assert.doesNotMatch(packageReadme, /\{\{version\}\}/, 'the package README has its version written in');
  assert.ok(packageReadme.includes(zipName) && packageReadme.includes(tarballName), 'the package README names this version\'s files');
  const blocks = settingBlocks(readme, 'Serving');
  assert.deepEqual(blocks.map((block) => block.split('\n')[0]), ['```nginx', '```apache', '```html']);
  assert.deepEqual(blocks, settingBlocks(packageReadme, 'Serving'), 'README.md and the package README differ');
  assert.ok(blocks.every((block) => block.includes(folderName)), 'the blocks name this version\'s folder');
  // The hints documented are the ones example.html has (served, its .wasm fetched once).
  const example = await readFile(path.join(unpacked, folderName, 'example.html'), 'utf8');
  const hints = blocks[2].split('\n').filter((line) => line.startsWith('<link'));
  assert.equal(hints.length, 2, 'the module and the .wasm: the questionnaire\'s glue is bundled in the module');
  for (const hint of hints) assert.ok(example.includes(hint.replace(`/${folderName}/`, '')), `example.html lacks ${hint}`);
});

/** The parcours's first question, in its inner questionnaire's shadow root. */
async function parcoursQuestion(page) {
  await page.waitForFunction(() => document.querySelector('passerelle-parcours')?.shadowRoot
    ?.querySelector('passerelle-diagnostic')?.shadowRoot?.querySelector('form')?.dataset.question,
  null, { timeout: 15000 });
  return page.evaluate(() => {
    const questions = document.querySelector('passerelle-parcours').shadowRoot
      .querySelector('passerelle-diagnostic').shadowRoot;
    return {
      question: questions.querySelector('form').dataset.question,
      heading: questions.querySelector('legend h3')?.textContent ?? null,
    };
  });
}

test('unpacked on a static server, the zip\'s example page shows the first question; the preloaded .wasm is fetched once', { skip: noBrowser }, async () => {
  const { page, seen } = await openPage(browser, `${server.url}${folderName}/example.html`);
  try {
    assert.deepEqual(await parcoursQuestion(page), {
      question: 'sleep_tonight',
      heading: 'Où allez-vous dormir ce soir\u202f?',
    });
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(outside(seen.requests), [], 'requests outside 127.0.0.1');
    assert.deepEqual(server.served.filter((request) => request.status !== 200 && request.path !== '/favicon.ico'), []);
    // The server says no-store: a preload the module's fetch did not take
    // would be followed by a second request for the same file.
    const wasm = server.served.filter((request) => request.path.endsWith('/passerelle_questionnaire_bg.wasm'));
    assert.equal(wasm.length, 1, 'the .wasm preload is the fetch the module uses');
    // The whole module comes after the first question (for the help and
    // the plan at the end of the parcours), once at most.
    // Its glue, a file of its own, comes with it.
    for (const file of ['/passerelle_wasm_bg.wasm', '/passerelle_wasm.js']) {
      const whole = server.served.filter((request) => request.path.endsWith(file));
      assert.ok(whole.length <= 1, `${file} fetched ${whole.length} times`);
    }
    const shim = server.served.filter((request) => request.path.endsWith('/passerelle.js'));
    assert.equal(shim.length, 1, 'the modulepreload is the module script');
    // The questionnaire's glue and fetch-options.js are bundled in passerelle.js: the page never asks for them.
    assert.deepEqual(server.served.filter((request) => /\/(passerelle_questionnaire|fetch-options)\.js$/.test(request.path)), []);
  } finally {
    await page.close();
  }
});

/**
 * Opens `file` (a path) as a file:// page in `on`; returns the fallback
 * sentence its parcours shows, its language and direction, and the codes
 * of the `passerelle:error` events the page heard.
 */
async function openedAsFile(on, file) {
  const page = await on.newPage();
  try {
    await page.addInitScript(() => {
      window.passerelleErrors = [];
      addEventListener('passerelle:error', (event) => window.passerelleErrors.push(event.detail.code));
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelector('passerelle-parcours')?.shadowRoot
      ?.querySelector('[part="fallback"]')?.textContent, null, { timeout: 15000 });
    return await page.evaluate(() => {
      const sentence = document.querySelector('passerelle-parcours').shadowRoot.querySelector('[part="fallback"]');
      return {
        text: sentence.textContent,
        lang: sentence.getAttribute('lang'),
        dir: sentence.getAttribute('dir'),
        visible: sentence.getBoundingClientRect().height > 0,
        codes: window.passerelleErrors,
      };
    });
  } finally {
    await page.close();
  }
}

test('opened as a file, where the browser loads no module, the page says in its language that it must be served, not a blank', { skip: noBrowser }, async () => {
  const example = path.join(unpacked, folderName, 'example.html');
  assert.deepEqual(await openedAsFile(browser, example), {
    text: fileProtocolWords('fr'),
    lang: 'fr',
    dir: 'ltr',
    visible: true,
    codes: ['file_protocol'],
  });
  // In Arabic, right to left.
  const arabic = path.join(unpacked, folderName, 'example-ar.html');
  await writeFile(arabic, (await readFile(example, 'utf8')).replace('<passerelle-parcours lang="fr"', '<passerelle-parcours lang="ar"'));
  try {
    assert.deepEqual(await openedAsFile(browser, arabic), {
      text: fileProtocolWords('ar'),
      lang: 'ar',
      dir: 'rtl',
      visible: true,
      codes: ['file_protocol'],
    });
  } finally {
    await rm(arabic);
  }
});

test('opened as a file in a browser that runs the module but fetches no .wasm, the element says it must be served, not "reload"', { skip: noBrowser }, async () => {
  // Chromium runs modules from file:// with this flag; the .wasm is taken
  // away, as browsers that run the module there cannot fetch it.
  const { chromium } = await import('playwright-core');
  fileBrowser = await chromium.launch({
    executablePath: process.env.PASSERELLE_CHROMIUM,
    headless: true,
    args: [...process.env.PASSERELLE_CHROMIUM_FLAGS.split(' ').filter(Boolean), '--allow-file-access-from-files'],
  });
  const copy = path.join(work, 'no-wasm');
  await cp(path.join(unpacked, folderName), copy, { recursive: true });
  await rm(path.join(copy, 'passerelle_wasm_bg.wasm'));
  await rm(path.join(copy, 'passerelle_questionnaire_bg.wasm'));
  assert.deepEqual(await openedAsFile(fileBrowser, path.join(copy, 'example.html')), {
    text: fileProtocolWords('fr'),
    lang: 'fr',
    dir: 'ltr',
    visible: true,
    codes: ['file_protocol'],
  });
});
