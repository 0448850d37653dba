// A static file server on 127.0.0.1 and headless Chromium, for the
// packaging tests that load the package in a browser.
import { createReadStream } from 'node:fs';
import { cp, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { packageDir } from './package.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files of `folder` on 127.0.0.1 (a free port). Returns
 * { url (ending with a slash), served (paths asked for, with their
 * status), close() }.
 */
export async function serveFolder(folder) {
  const served = [];
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    let file = path.join(folder, decodeURIComponent(pathname));
    let status = 404;
    if (file.startsWith(folder)) {
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
        await stat(file);
        status = 200;
      } catch {
        // Not found.
      }
    }
    served.push({ path: pathname, status });
    if (status !== 200) {
      response.writeHead(status, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs every clean-up in turn, each even when one before failed (then the
 * first failure is thrown): the browser, the server, the temporary folder.
 */
export async function cleanUp(...steps) {
  let failure = null;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
}

/**
 * A temporary site: the package beside its `pages` ({file name: HTML}) as
 * the folder `folder` (linked, or copied with `copy`, as a host unpacks
 * it), served on 127.0.0.1, and headless Chromium. Returns { server,
 * browser, close() }, close() undoing each even when one fails.
 */
export async function siteWithPackage({ prefix, folder, copy = false, pages }) {
  const site = await mkdtemp(path.join(os.tmpdir(), prefix));
  let server = null;
  let browser = null;
  const close = () => cleanUp(
    () => browser?.close(),
    () => server?.close(),
    () => rm(site, { recursive: true, force: true }),
  );
  try {
    if (copy) await cp(packageDir, path.join(site, folder), { recursive: true });
    else await symlink(packageDir, path.join(site, folder), 'dir');
    for (const [file, html] of Object.entries(pages)) await writeFile(path.join(site, file), html);
    server = await serveFolder(site);
    browser = await launch();
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  return { server, browser, close };
}

/** Why the browser tests are skipped, or false when Chromium is given. */
export const noBrowser =
  process.env.PASSERELLE_CHROMIUM && process.env.PASSERELLE_CHROMIUM_FLAGS
    ? false
    : 'PASSERELLE_CHROMIUM and PASSERELLE_CHROMIUM_FLAGS are not set ' +
      '(`cargo xtask test` sets them): no browser to load the package in';

/** Starts headless Chromium as the end-to-end tests do. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.PASSERELLE_CHROMIUM,
    headless: true,
    args: process.env.PASSERELLE_CHROMIUM_FLAGS.split(' ').filter(Boolean),
  });
}

/**
 * Opens `url` in a new page, recording errors and every request; requests
 * to any host but 127.0.0.1 are aborted (and recorded).
 */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const seen = { errors: [], requests: [], failed: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.errors.push(message.text());
  });
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('requestfailed', (request) => seen.failed.push(request.url()));
  await page.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    if (protocol === 'http:' && hostname === '127.0.0.1') return route.continue();
    return route.abort();
  });
  await page.goto(url);
  return { page, seen };
}

/** The requests made elsewhere than 127.0.0.1. */
export function outside(requests) {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(protocol === 'http:' && hostname === '127.0.0.1');
  });
}

/** Waits for the widget's first question in its shadow root; returns its heading. */
export async function firstQuestion(page) {
  await page.waitForFunction(
    () => document.querySelector('passerelle-diagnostic')?.shadowRoot?.querySelector('form')?.dataset.question,
    null,
    { timeout: 15000 },
  );
  return page.evaluate(() => {
    const root = document.querySelector('passerelle-diagnostic').shadowRoot;
    return {
      question: root.querySelector('form').dataset.question,
      heading: root.querySelector('legend h3')?.textContent ?? null,
    };
  });
}

/**
 * The page's module script: imports the package from `specifier`, loads it,
 * runs a few steps of a diagnosis and an orientation, and writes what it
 * saw as JSON into #result.
 */
export function engineScript(specifier) {
  return `import { load, loadCommunes, loadLanguage, Engine } from ${JSON.stringify(specifier)};

const out = document.getElementById('result');
try {
  await load();
  const engine = new Engine();
  const diagnosis = engine.startDiagnosis('2026-11-27');
  const first = diagnosis.current().id;
  diagnosis.answer('sleep_tonight', 'home');
  diagnosis.answerInput('food_today', 'yes');
  const orientation = engine.orient({
    facts: { birth_date: '2007-05-02', postal_code: '93200', employment_status: 'inactive', in_education: false },
    needs: [{ theme: 'trouver-un-emploi' }],
    referenceDate: '2026-11-27',
  });
  // The other data files of the package: a language and a commune part.
  await loadLanguage('ar');
  const arabic = new Engine({ locale: 'ar' }).startDiagnosis('2026-11-27').current().label.ar;
  const [communes] = await loadCommunes(['93']);
  out.textContent = JSON.stringify({
    locale: engine.locale(),
    arabic: /[\\u0600-\\u06FF]/.test(arabic),
    saintDenis: communes.includes('Saint-Denis'),
    first,
    next: diagnosis.current().id,
    answered: diagnosis.progress().answered,
    missionLocale: orientation.evaluations.find((evaluation) => evaluation.id === 'mission-locale')?.status,
    element: typeof customElements.get('passerelle-diagnostic'),
  });
} catch (error) {
  out.textContent = JSON.stringify({ error: String(error?.message ?? error), code: error?.code ?? null });
}
`;
}

/** What the page's script wrote into #result (waits for it). */
export async function pageResult(page) {
  await page.waitForFunction(() => document.getElementById('result')?.textContent, null, { timeout: 15000 });
  return JSON.parse(await page.textContent('#result'));
}

/**
 * The package's data files a page running engineScript() must have fetched,
 * whatever a bundler named them: the national catalogue, the Arabic
 * language file and the commune part of the 93. Returns those missing.
 */
export function dataFilesMissing(served) {
  const paths = served.filter((request) => request.status === 200).map((request) => request.path);
  return [
    ['the national catalogue', /catalogue[^/]*\.json$/],
    ['the Arabic language file', /\/ar[^/]*\.json$/],
    ['the commune part of the 93', /\/93[^/]*\.txt$/],
  ].filter(([, pattern]) => !paths.some((file) => pattern.test(file))).map(([what]) => `${what} (served: ${paths.join(', ')})`);
}

/** What a page running engineScript() writes when all went well. */
export const EXPECTED_RESULT = {
  locale: 'fr',
  arabic: true,
  saintDenis: true,
  first: 'sleep_tonight',
  next: 'danger_at_home',
  answered: 2,
  missionLocale: 'eligible',
  element: 'function',
};
