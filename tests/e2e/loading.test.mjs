// What a page loads, and in which order: the national catalogue is a file
// of the package, fetched once the module has loaded, so the first question
// never waits for it; without it, the elements that need it say so in
// words, and the questionnaire goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, baseUrl } from './browser.mjs';
import { diagnosis, SHELTER, JOB } from './fixtures.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The demo page, with `handle` answering its requests for the national catalogue. */
async function openWithCatalogue(handle) {
  const page = await browser.newPage();
  const seen = { errors: [], requests: [], events: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('request', (request) => seen.requests.push(request.url()));
  await page.route('**/data/catalogue.json', handle);
  await page.addInitScript(() => {
    // Whether the first question was on the page when the catalogue was asked for.
    const original = window.fetch;
    window.fetch = function (input, init) {
      if (String(input?.url ?? input).endsWith('/data/catalogue.json')) {
        window.questionWhenCatalogueAsked = Boolean(document.querySelector('passerelle-diagnostic')
          ?.shadowRoot?.querySelector('form[data-question]'));
      }
      // The whole engine's module (the orientation's): after the first question too.
      if (String(input?.url ?? input).endsWith('/passerelle_wasm_bg.wasm')) {
        window.questionWhenWholeAsked = Boolean(document.querySelector('passerelle-diagnostic')
          ?.shadowRoot?.querySelector('form[data-question]'));
      }
      return original.call(this, input, init);
    };
    window.passerelleErrors = [];
    document.addEventListener('passerelle:error', (event) => window.passerelleErrors.push(event.detail));
  });
  await page.goto(baseUrl);
  return { page, seen };
}

test('the first question is asked while the catalogue is still on its way; the orientation follows it', async () => {
  const held = [];
  const { page, seen } = await openWithCatalogue((route) => held.push(route));
  await page.locator('passerelle-diagnostic legend').waitFor();
  assert.match(await page.locator('passerelle-diagnostic legend').textContent(), /Où allez-vous dormir ce soir/);
  // The catalogue was asked for only after the module, and is not answered yet.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));
  const wasmAt = seen.requests.findIndex((url) => url.endsWith('.wasm'));
  const catalogueAt = seen.requests.findIndex((url) => url.endsWith('/data/catalogue.json'));
  assert.ok(wasmAt >= 0 && catalogueAt > wasmAt, `wasm at ${wasmAt}, catalogue at ${catalogueAt}: ${seen.requests.join(' ')}`);
  // Before the .wasm, one file of the package: passerelle.js, which imports
  // nothing first (the questionnaire's glue is bundled in), so the .wasm is
  // asked for one round trip after it, not two.
  const packageFiles = seen.requests.slice(0, wasmAt).filter((url) => url.includes('/pkg/'));
  assert.deepEqual(packageFiles.map((url) => new URL(url).pathname.split('/').pop()), ['passerelle.js']);
  assert.equal(held.length, 1, 'one request for the catalogue, held');
  assert.equal(await page.evaluate(() => window.questionWhenCatalogueAsked), true,
    'the catalogue is asked for only once the first question is on the page');
  // The emergency numbers stand in the orientation's place meanwhile.
  assert.equal(await page.locator('passerelle-orientation a[href="tel:115"]').count(), 1);

  // The first module is the questionnaire's; the whole one waits for the
  // first question and the catalogue the questionnaire adapts to.
  assert.equal(new URL(seen.requests[wasmAt]).pathname.split('/').pop(), 'passerelle_questionnaire_bg.wasm');
  assert.ok(!seen.requests.some((url) => url.endsWith('/passerelle_wasm_bg.wasm')), 'the whole module waits for the catalogue');
  assert.ok(!seen.requests.some((url) => url.endsWith('/passerelle_wasm.js')), 'its glue waits with it');
  await held[0].continue();
  await page.locator('passerelle-orientation .help').waitFor();
  assert.equal(await page.evaluate(() => window.questionWhenWholeAsked), true,
    'the whole module is asked for only once the first question is on the page');
  await page.evaluate((value) => { document.querySelector('passerelle-orientation').diagnosis = value; }, diagnosis);
  const widget = page.locator('passerelle-orientation');
  await widget.locator('section.need').first().waitFor();
  assert.deepEqual(await widget.locator('section.need').evaluateAll((s) => s.map((e) => e.dataset.theme)), [SHELTER, JOB]);
  assert.ok(await widget.locator('section.need').nth(1).getByText(/Mission locale|France Travail/).count() > 0);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(await page.evaluate(() => window.passerelleErrors), []);
  await page.close();
});

test('without its catalogue the orientation says it could not load, next to the numbers; the questions go on', async () => {
  const { page, seen } = await openWithCatalogue((route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.locator('passerelle-diagnostic legend').waitFor();
  const fallback = page.locator('passerelle-orientation [part="fallback"]');
  await fallback.waitFor();
  assert.equal(await fallback.getAttribute('lang'), 'fr');
  assert.ok((await fallback.textContent()).length > 20, await fallback.textContent());
  assert.equal(await page.locator('passerelle-orientation a[href="tel:115"]').count(), 1);
  const codes = await page.evaluate(() => window.passerelleErrors.map((error) => error.code));
  assert.ok(codes.includes('fetch_failed'), codes.join(' '));
  // The questionnaire does not depend on it: the next question comes.
  const diagnostic = page.locator('passerelle-diagnostic');
  await diagnostic.getByLabel(/Chez moi|Dans mon logement/).first().check();
  await diagnostic.locator('form button[type="submit"]').first().click();
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic').shadowRoot
    .querySelector('form[data-question]')?.dataset.question !== 'sleep_tonight');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
