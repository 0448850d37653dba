// <passerelle-orientation> on the demo page: given a diagnosis as the page
// gives it, used with the keyboard only, checked by axe-core, and making
// no request but the package's files and its catalog-src.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { diagnosis, jobseekerOnRsa, JOB, SHELTER } from './fixtures.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Id (or tag) of what has focus inside the orientation's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    const host = document.querySelector('passerelle-orientation');
    if (document.activeElement !== host) return null;
    const active = host.shadowRoot.activeElement;
    return active?.id || active?.tagName.toLowerCase() || null;
  });
}

/** Tabs until the summary of a `details.<kind>` has focus. */
async function tabToFold(page, kind, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((kind) => {
      const active = document.querySelector('passerelle-orientation').shadowRoot.activeElement;
      return active?.tagName === 'SUMMARY' && active.parentElement.classList.contains(kind);
    }, kind);
    if (found) return;
  }
  assert.fail(`Tab never reached the summary of details.${kind}`);
}

async function tabUntil(page, wanted, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === wanted) return;
  }
  assert.fail(`Tab never reached ${wanted}`);
}

test('the orientation shows each need with statuses in words, reasons and ways in, by keyboard, without violations', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-orientation');
  await widget.locator('.help').waitFor();
  assert.match(await widget.locator('.help').textContent(), /^Répondez d’abord aux questions/);

  const orientations = page.evaluate(() => new Promise((resolve) => {
    document.querySelector('passerelle-orientation')
      .addEventListener('passerelle:orientation', (event) => resolve(event.detail), { once: true });
  }));
  await page.evaluate((value) => { document.querySelector('passerelle-orientation').diagnosis = value; }, diagnosis);
  const detail = await orientations;
  assert.deepEqual(detail.orientation.needs.map((need) => need.need.theme), [SHELTER, JOB]);

  await widget.locator('section.need').first().waitFor();
  assert.deepEqual(await widget.locator('section.need').evaluateAll((s) => s.map((e) => e.dataset.theme)), [SHELTER, JOB]);
  assert.equal(await widget.locator('.urgent-panel[open] a.call[href="tel:115"]').count(), 1);
  const statuses = await widget.locator('li.proposal .status').allTextContents();
  assert.ok(statuses.some((s) => s.includes('Vous y avez droit')), statuses.join(' | '));
  assert.ok(statuses.some((s) => s.includes('Nous devons en savoir plus')), statuses.join(' | '));
  // The local catalogue of catalog-src is merged: its fictional grocery is
  // proposed for no need here, but its entries are in the catalogue.
  await checkState(page, 'orientation');

  // Keyboard: the need filter, then the first "Why?".
  await tabUntil(page, 'passerelle-filter-need');
  await page.keyboard.press('ArrowDown'); // the first need
  await page.keyboard.press('ArrowDown'); // the second: jobs
  await page.waitForFunction(() => document.querySelector('passerelle-orientation')
    .shadowRoot.querySelectorAll('section.need').length === 1);
  assert.equal(await widget.locator('section.need').getAttribute('data-theme'), JOB);
  await tabUntil(page, 'passerelle-only-eligible');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => [...document.querySelector('passerelle-orientation')
    .shadowRoot.querySelectorAll('li.proposal')].every((p) => p.dataset.status === 'eligible'));
  await tabUntil(page, 'summary');
  await page.keyboard.press('Enter');
  assert.equal(await widget.locator('details[open] .reasons li').count() > 0, true);
  await checkState(page, 'orientation-why-open');

  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  assert.ok(seen.requests.some((url) => url.endsWith('/data/catalogue-demo-local.json')), 'catalog-src is fetched');
  await page.close();
});

test('a jobseeker on the RSA: what they have apart, a few proposals first, more and the ruled-out on demand by keyboard, without violations', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-orientation');
  await widget.locator('.help').waitFor();
  await page.evaluate((value) => { document.querySelector('passerelle-orientation').diagnosis = value; }, jobseekerOnRsa);
  await widget.locator('section.need').first().waitFor();

  // The RSA and the France Travail registration are theirs: never proposed.
  for (const id of ['rsa', 'france-travail-inscription']) {
    assert.equal(await widget.locator(`li.proposal[data-entry="${id}"]`).count(), 0, id);
    assert.match(await widget.locator(`section.held li[data-entry="${id}"] .status`).textContent(), /Vous l’avez déjà$/);
  }
  // An entry without conditions is open to all, not a right.
  assert.match(await widget.locator('li.proposal[data-entry="point-conseil-budget"] .status').textContent(), /Ouvert à tous, gratuit$/);
  // A few first; the rest and the ruled-out folded.
  const job = widget.locator(`section.need[data-theme="${JOB}"]`);
  assert.ok(await job.locator(':scope > ul.proposals > li').count() <= 3);
  const ruledOut = job.locator(':scope > details.ruled-out');
  assert.equal(await ruledOut.getAttribute('open'), null);
  assert.match(await ruledOut.locator(':scope > summary').textContent(), /^\d+ autres? (ne sont|n’est) pas pour vous/);
  await checkState(page, 'orientation-held-folded');

  // Keyboard: "Voir plus", then the ruled-out ones, open with Enter.
  await tabToFold(page, 'more');
  await page.keyboard.press('Enter');
  assert.equal(await widget.locator('details.more[open]').count(), 1);
  await tabToFold(page, 'ruled-out');
  await page.keyboard.press('Enter');
  assert.equal(await widget.locator('details.ruled-out[open]').count(), 1);
  await checkState(page, 'orientation-more-and-ruled-out-open');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an orientation made long after the catalogue was verified: no "Vous y avez droit", a warning and the date of each check, without violations', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-orientation');
  await widget.locator('.help').waitFor();
  // More than 12 months after every entry of the catalogues was checked.
  const late = { ...diagnosis, reference_date: '2028-01-15' };
  await page.evaluate((value) => { document.querySelector('passerelle-orientation').diagnosis = value; }, late);
  await widget.locator('section.need').first().waitFor();

  // One snapshot of the list: the catalogue of catalog-src may arrive and
  // redraw it between two separate queries.
  const { statuses, proposals, verified, warnings } = await page.evaluate(() => {
    const root = document.querySelector('passerelle-orientation').shadowRoot;
    const texts = (selector) => [...root.querySelectorAll(selector)].map((e) => e.textContent);
    return {
      statuses: texts('li.proposal .status'),
      proposals: root.querySelectorAll('li.proposal').length,
      verified: texts('li.proposal .verified'),
      warnings: texts('li.proposal .stale'),
    };
  });
  assert.ok(!statuses.some((s) => s.includes('Vous y avez droit')), statuses.join(' | '));
  assert.ok(statuses.some((s) => s.endsWith('À vérifier')), statuses.join(' | '));
  // Every proposal says when it was checked, and warns that it was long ago.
  assert.ok(proposals > 0);
  assert.equal(verified.length, proposals);
  for (const line of verified) assert.match(line, /^Vérifié le \d{1,2}(er)? [a-zéû]+ 2026$/);
  assert.equal(warnings.length, proposals);
  assert.match(warnings[0], /^Attention\s: ces informations n’ont pas été vérifiées depuis plus de 12\smois \(le \d/);
  await checkState(page, 'orientation-stale');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
