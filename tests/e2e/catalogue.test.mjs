// <passerelle-catalogue-editor> on the demo page, by keyboard at 375 px:
// an entry made with three conditions and a zone chosen by a commune's
// name; a live error at a field, then fixed; the preview for sample
// people; the file saved, then served to <passerelle-orientation
// catalog-src>, where each sample person reads the same status as in the
// preview; a department's data·inclusion export imported, with what was
// not mapped listed. axe-core on each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, baseUrl, checkState, hostPage } from './browser.mjs';
import { focusedId, tabUntil } from './flow.mjs';

const PAGE = `${baseUrl}catalogue.html`;
const FIXTURE = fileURLToPath(new URL('../fixtures/data-inclusion-93.json', import.meta.url));
const LATER = fileURLToPath(new URL('../fixtures/data-inclusion-93-later.json', import.meta.url));
const NAME = 'Épicerie solidaire du Landy';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The editor, through its shadow root. */
const editor = (page) => page.locator('passerelle-catalogue-editor');

/** The text of the editor's live region. */
const told = (page) => editor(page).locator('#passerelle-editor-told').textContent();

/** Types `text` into the focused control, after emptying it. */
async function retype(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** The value of the focused control. */
function focusedValue(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.value ?? null;
  });
}

/** Chooses `value` in the select `#id` with the arrow keys, as a keyboard user does. */
async function choose(page, id, value) {
  await tabUntil(page, id);
  await page.keyboard.press('Home');
  for (let i = 0; i < 200; i += 1) {
    if ((await focusedValue(page)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`#${id} has no option ${value}`);
}

/** Presses Enter on the button `#id`, reached by Tab. */
async function press(page, id) {
  await tabUntil(page, id);
  await page.keyboard.press('Enter');
}

/** Presses Tab until a button whose `data-do` is `action` has focus, then Enter. */
async function pressAction(page, action, limit = 200) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.dataset?.do ?? null;
    });
    if (found === action) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  assert.fail(`Tab never reached a button ${action}`);
}

/** Each sample person's status of entry `id` in the preview, when drawn. */
async function previewStatuses(page, id) {
  await page.waitForFunction((id) => {
    const root = document.querySelector('passerelle-catalogue-editor').shadowRoot;
    const samples = [...root.querySelectorAll('article.sample')];
    return samples.length === 4 && samples.every((sample) =>
      sample.querySelector('passerelle-orientation')?.shadowRoot?.querySelector(`li.proposal[data-entry="${id}"] .status`));
  }, id);
  return page.evaluate((id) => {
    const root = document.querySelector('passerelle-catalogue-editor').shadowRoot;
    return [...root.querySelectorAll('article.sample')].map((sample) => {
      const shown = sample.querySelector('passerelle-orientation');
      const proposal = shown.shadowRoot.querySelector(`li.proposal[data-entry="${id}"]`);
      return {
        sample: sample.dataset.sample,
        diagnosis: JSON.stringify(shown.diagnosis),
        standing: proposal.dataset.standing,
        status: proposal.querySelector('.status').textContent,
      };
    });
  }, id);
}

test('an entry written by keyboard, checked live, previewed, saved and read back by <passerelle-orientation catalog-src>; a department imported', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('request', (request) => requests.push(request.url()));
  page.on('filechooser', () => {});
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(PAGE);
  await editor(page).locator('#passerelle-editor-screen').waitFor();
  await checkState(page, 'editor-empty');

  // A new entry: its name and description.
  await pressAction(page, 'add-entry');
  assert.equal(await focusedId(page), 'passerelle-editor-name-fr');
  await page.keyboard.type(NAME);
  await tabUntil(page, 'passerelle-editor-description-fr');
  await page.keyboard.type('Des courses à petit prix, sur orientation d’un travailleur social.');

  // A theme, picked by its words.
  await choose(page, 'passerelle-editor-theme-choice', 'equipement-et-alimentation--alimentation');
  await pressAction(page, 'add-theme');
  assert.match(await told(page), /Thème ajouté/);

  // The zone: a commune by its name in the structure's department.
  await tabUntil(page, 'passerelle-editor-zone-department');
  assert.equal(await focusedValue(page), '93', 'the territory\'s department is chosen');
  await tabUntil(page, 'passerelle-editor-zone-commune');
  await page.keyboard.type('Saint-Denis');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(await told(page), /Lieu ajouté\s*:\s*Saint-Denis \(93\)/);

  // Three conditions, each with the sentence a person will read.
  await choose(page, 'passerelle-editor-condition-kind', 'age');
  await pressAction(page, 'add-condition');
  assert.equal(await focusedId(page), 'passerelle-editor-condition-0-min');
  await page.keyboard.type('18');
  await tabUntil(page, 'passerelle-editor-condition-0-max');
  await page.keyboard.type('30');
  await choose(page, 'passerelle-editor-condition-kind', 'status_in');
  await pressAction(page, 'add-condition');
  await tabUntil(page, 'passerelle-editor-condition-1-values-1');
  await page.keyboard.press('Space');
  await tabUntil(page, 'passerelle-editor-condition-1-values-6');
  await page.keyboard.press('Space');
  await choose(page, 'passerelle-editor-condition-kind', 'to_check');
  await pressAction(page, 'add-condition');
  assert.equal(await focusedId(page), 'passerelle-editor-condition-2-text');
  await page.keyboard.type('Être orienté par un travailleur social du CCAS');
  const sentences = await editor(page).locator('p.sentence').allTextContents();
  assert.equal(sentences.length, 3);
  assert.match(sentences[0], /La personne lira\s*:\s*«\s*Avoir entre 18 et 30\s*ans\s*»/);
  assert.match(sentences[1], /en recherche d’emploi ou sans activité/);
  assert.match(sentences[2], /travailleur social du CCAS/);

  // A live error at its field, then fixed.
  await tabUntil(page, 'passerelle-editor-access-phone');
  await page.keyboard.type('01 48 13 00 0O'); // a letter O for a zero
  const phoneError = editor(page).locator('#passerelle-editor-error-access-phone');
  await phoneError.waitFor();
  assert.match(await phoneError.textContent(), /numéro de téléphone n’est pas valide/);
  assert.equal(await editor(page).locator('#passerelle-editor-access-phone').getAttribute('aria-invalid'), 'true');
  await checkState(page, 'editor-live-error');
  await retype(page, '01 48 13 00 00');
  await phoneError.waitFor({ state: 'hidden' });
  assert.equal(await editor(page).locator('#passerelle-editor-access-phone').getAttribute('aria-invalid'), null);
  await tabUntil(page, 'passerelle-editor-access-address');
  await page.keyboard.type('12 rue du Landy, 93200 Saint-Denis');
  await tabUntil(page, 'passerelle-editor-source-url');
  await page.keyboard.type('https://www.example.org/epicerie-landy');

  // The preview for the sample people, and a person of the author's own.
  await tabUntil(page, 'passerelle-editor-own-age');
  await page.keyboard.type('26');
  await choose(page, 'passerelle-editor-own-status', 'inactive');
  await pressAction(page, 'preview');
  assert.equal(await focusedId(page), 'passerelle-editor-preview');
  const preview = await previewStatuses(page, 'nouvelle-fiche');
  const bySample = Object.fromEntries(preview.map((shown) => [shown.sample, shown]));
  assert.equal(bySample.young.standing, 'on_conditions', 'the young jobseeker of 19: possible, on the CCAS\'s orientation');
  assert.match(bySample.young.status, /Possible, sous conditions/);
  assert.equal(bySample.parent.standing, 'ruled_out', 'the mother of 34 is over 30');
  assert.match(bySample.parent.status, /Ce n’est pas pour vous/);
  assert.equal(bySample.own.standing, 'on_conditions', 'the author\'s own person, 26 and without activity');
  await checkState(page, 'editor-preview');

  // The information sheet for the reception desk, in Arabic.
  await choose(page, 'passerelle-editor-sheet-language', 'ar');
  await pressAction(page, 'sheet');
  // Arabic is fetched first (the module has French and English), then the sheet made.
  await page.waitForFunction(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id === 'passerelle-editor-sheet-link';
  });
  const sheet = await page.evaluate(async () => {
    const link = document.querySelector('passerelle-catalogue-editor').shadowRoot.querySelector('#passerelle-editor-sheet-link');
    return (await fetch(link.href)).text();
  });
  assert.match(sheet, /<html[^>]+lang="ar"[^>]+dir="rtl"|<html[^>]+dir="rtl"[^>]+lang="ar"/);
  assert.ok(sheet.includes(NAME), 'the sheet names the entry');
  assert.ok(sheet.includes('12 rue du Landy'), 'the sheet gives the address');
  assert.doesNotMatch(sheet, /<script/i);

  // Saved: the file downloaded.
  await pressAction(page, 'back');
  await pressAction(page, 'save');
  assert.equal(await focusedId(page), 'passerelle-editor-saved-link');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const saved = readFileSync(await download.path(), 'utf8');
  const catalogue = JSON.parse(saved);
  assert.equal(catalogue.entries.length, 1);
  assert.deepEqual(catalogue.entries[0].zone, { communes: ['93066'] });
  assert.equal(catalogue.entries[0].eligibility.all.length, 3);
  await checkState(page, 'editor-saved');

  // Served to <passerelle-orientation catalog-src>: the same statuses.
  const host = await context.newPage();
  await host.route(`${baseUrl}e2e-catalogue/*`, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop();
    if (file === 'saved.json') return route.fulfill({ status: 200, contentType: 'application/json', body: saved });
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: hostPage('Le site de la mairie', '<passerelle-orientation catalog-src="saved.json" lang="fr"></passerelle-orientation>'),
    });
  });
  await host.goto(`${baseUrl}e2e-catalogue/aides.html`);
  for (const sample of ['young', 'parent', 'own']) {
    await host.evaluate((diagnosis) => {
      document.querySelector('passerelle-orientation').diagnosis = JSON.parse(diagnosis);
    }, bySample[sample].diagnosis);
    const proposal = host.locator('passerelle-orientation').locator('li.proposal[data-entry="nouvelle-fiche"]');
    await proposal.waitFor({ state: 'attached' });
    assert.equal(await proposal.getAttribute('data-standing'), bySample[sample].standing, sample);
    assert.equal(await proposal.locator('.status').textContent(), bySample[sample].status, sample);
  }
  await host.close();

  // A department's data·inclusion export imported; what was not mapped listed.
  await tabUntil(page, 'passerelle-editor-import-department');
  assert.equal(await focusedValue(page), '93');
  await tabUntil(page, 'passerelle-editor-import-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(FIXTURE);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const outcome = editor(page).locator('#passerelle-editor-import-outcome');
  await outcome.waitFor();
  assert.equal(await focusedId(page), 'passerelle-editor-import-outcome');
  const said = await outcome.textContent();
  assert.match(said, /services? ajoutés?/);
  assert.match(said, /hors de votre territoire/);
  const unmapped = await outcome.locator('ul.unmapped li').allTextContents();
  assert.ok(unmapped.some((line) => /intercommunalité|EPCI/.test(line)), unmapped.join('\n'));
  assert.ok(unmapped.some((line) => /texte libre/.test(line)), unmapped.join('\n'));
  assert.ok(unmapped.some((line) => /non repris/.test(line)), unmapped.join('\n'));
  const names = await editor(page).locator('ul.entries strong').allTextContents();
  assert.ok(names.includes(NAME));
  assert.ok(names.length > 5, names.join(', '));
  await checkState(page, 'editor-imported');

  // The same export months later: what changed since is said.
  await tabUntil(page, 'passerelle-editor-import-file');
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await again.setFiles(LATER);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-catalogue-editor').shadowRoot
    .querySelector('#passerelle-editor-import-outcome ul.changes'));
  const changes = await editor(page).locator('#passerelle-editor-import-outcome').textContent();
  assert.match(changes, /Depuis le dernier import\s*:\s*1 nouveau\(x\), 1 retiré\(s\) de l’export, 1 modifié\(s\)/);
  assert.match(changes, /Modifié\s*:\s*[^(]+\(Comment y accéder et Date de la dernière vérification\)/);

  assert.deepEqual(errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')), []);
  await context.close();
});

test('a catalogue with errors is not saved unless kept as a draft, and says which entries to fix', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(PAGE);
  await editor(page).locator('#passerelle-editor-screen').waitFor();
  await pressAction(page, 'add-entry');
  await page.keyboard.type('Permanence du CCAS');
  await pressAction(page, 'back');
  await pressAction(page, 'save');
  assert.equal(await focusedId(page), 'passerelle-editor-save-error');
  const refusal = await editor(page).locator('#passerelle-editor-save-error').textContent();
  assert.match(refusal, /Le catalogue a encore \d+ erreurs?, dans 1 fiche/);
  assert.equal(await editor(page).locator('#passerelle-editor-saved-link').count(), 0);
  assert.match(await editor(page).locator('ul.to-fix').textContent(), /Corriger «\s*Permanence du CCAS\s*»/);
  await checkState(page, 'editor-save-refused');
  await tabUntil(page, 'passerelle-editor-keep-draft');
  await page.keyboard.press('Space');
  await pressAction(page, 'save');
  assert.equal(await focusedId(page), 'passerelle-editor-saved-link');
  assert.match(await told(page), /Le brouillon est prêt/);
  // The web team's guide says where the file goes and which attribute to set.
  const guide = await page.evaluate(async () => {
    const links = [...document.querySelector('passerelle-catalogue-editor').shadowRoot.querySelectorAll('a[download="guide-equipe-web.html"]')];
    return (await fetch(links[0].href)).text();
  });
  assert.match(guide, /catalog-src=&quot;\/passerelle\/catalogue-local\.json&quot;|catalog-src="\/passerelle\/catalogue-local\.json"/);
  assert.doesNotMatch(guide, /<script/i);
  // The entry to fix opens from the list, its problems at their fields.
  await pressAction(page, 'edit');
  const errors = await editor(page).locator('p.error:not([hidden])').count();
  assert.ok(errors >= 3, `${errors} errors shown`);
  assert.match(await editor(page).locator('#passerelle-editor-error-source-url').textContent(), /https:\/\//);
  await context.close();
});
