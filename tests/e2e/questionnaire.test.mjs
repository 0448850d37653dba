// <passerelle-diagnostic> with a site's own questionnaire (questionnaire-src):
// every kind of question, an answer refused on each, the urgent alerts and
// the end, each state checked by axe-core, reflowed and photographed; a
// questionnaire that cannot be fetched or read is told and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';

/**
 * A site's page with its own questionnaire (`site/`), served on the demo's
 * origin under `e2e-site/` by the browser's request routing.
 */
const SITE = new URL('e2e-site/', baseUrl).href;
const SRC = 'questionnaire-all-kinds.json';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The site's page, once its questionnaire shows. */
async function openSite() {
  const context = await browser.newContext();
  await context.route(`${SITE}*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (!/^[a-z-]+\.(html|json)$/.test(name)) return route.fulfill({ status: 404 });
    let body;
    try {
      body = readFileSync(new URL(`./site/${name}`, import.meta.url));
    } catch {
      return route.fulfill({ status: 404 });
    }
    return route.fulfill({
      status: 200,
      contentType: name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/json',
      body,
    });
  });
  const { page, seen } = await openPage(context, new URL('questionnaire.html', SITE).href);
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot?.querySelector('h2.section')?.textContent === 'Aujourd’hui');
  return { page, seen, context, widget: page.locator('passerelle-diagnostic') };
}

/** The question on screen (null at the end) and the error shown, if any. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector('passerelle-diagnostic').shadowRoot;
    return {
      question: root.querySelector('form')?.dataset.question ?? null,
      error: root.querySelector('#passerelle-error')?.textContent ?? null,
    };
  });
}

/** Sends the form; waits for the next question or an error on this one. */
async function send(page, widget) {
  const { question } = await shown(page);
  await widget.locator('#passerelle-continue').click();
  await page.waitForFunction((previous) => {
    const root = document.querySelector('passerelle-diagnostic').shadowRoot;
    return (root.querySelector('form')?.dataset.question ?? null) !== previous
      || root.querySelector('#passerelle-error');
  }, question);
  return shown(page);
}

test('a site’s questionnaire: each kind of question, an answer refused on each, the alerts and the end, without violations', async () => {
  const { page, seen, context, widget } = await openSite();
  const field = widget.locator('#passerelle-input');
  // Each step: the kind, what is refused and the error said, what is accepted.
  const steps = [
    { id: 'sleep_tonight', kind: 'single-choice', wrong: null, error: /Choisissez ou écrivez une réponse\./, right: { check: 'street' } },
    { id: 'food_today', kind: 'yes-no', wrong: null, error: /Choisissez ou écrivez une réponse\./, right: { check: 'no' } },
    { id: 'help_wanted', kind: 'multiple-choice', wrong: null, error: /Choisissez ou écrivez une réponse\./, right: { check: 'job' } },
    { id: 'age', kind: 'number', wrong: '200', error: /Écrivez un nombre entre 14 et 120 ans\./, right: { type: '30' } },
    { id: 'arrival', kind: 'date', wrong: '2999-01-01', error: /Cette date est après aujourd’hui\./, right: { type: '2020-05-01' } },
    { id: 'postal_code', kind: 'postal-code', wrong: '9320', error: /Écrivez le code postal avec 5 chiffres/, right: { type: '93200' } },
    { id: 'call_me', kind: 'short-text', wrong: '', error: /Choisissez ou écrivez une réponse\./, right: { type: 'Léa' } },
  ];
  for (const step of steps) {
    assert.equal((await shown(page)).question, step.id);
    await checkState(page, `diagnostic-kind-${step.kind}`);
    if (step.wrong !== null) await field.fill(step.wrong);
    const refused = await send(page, widget);
    assert.equal(refused.question, step.id, `${step.id}: refused, the question stays`);
    assert.match(refused.error ?? '', step.error, step.id);
    if (step.wrong !== null) assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await checkState(page, `diagnostic-kind-${step.kind}-error`);
    if (step.right.check) await widget.locator(`input[value=${step.right.check}]`).check();
    else await field.fill(step.right.type);
    const next = await send(page, widget);
    assert.equal(next.error, null, `${step.id}: accepted`);
  }

  // The needs in order: shelter, food, a job; a rank given twice is refused.
  assert.equal((await shown(page)).question, 'need_ranking');
  const ranks = widget.locator('select[name=rank]');
  assert.equal(await ranks.count(), 3);
  await checkState(page, 'diagnostic-kind-ranking');
  for (const [i, value] of ['1', '1', '2'].entries()) await ranks.nth(i).selectOption(value);
  const refused = await send(page, widget);
  assert.equal(refused.question, 'need_ranking');
  assert.match(refused.error ?? '', /Deux besoins ont le même rang\./);
  assert.equal(await widget.locator('select[aria-invalid=true]').count(), 2, 'the two needs given rank 1');
  await checkState(page, 'diagnostic-kind-ranking-error');
  for (const [i, value] of ['1', '2', '3'].entries()) await ranks.nth(i).selectOption(value);
  assert.equal((await send(page, widget)).question, null);

  // The end: the urgent alerts first, with their numbers, then the needs.
  await widget.locator('#passerelle-end').waitFor();
  assert.equal(await widget.locator('.urgent-panel[open] .alert').count(), 2);
  assert.equal(await widget.locator('.contacts a[href="tel:115"]').count() > 0, true);
  assert.equal(await widget.locator('.need').count(), 3);
  await checkState(page, 'diagnostic-kind-end');

  const complete = await page.evaluate(() => window.passerelleEvents
    .find((event) => event.type === 'passerelle:diagnosis-complete')?.detail);
  assert.equal(complete.questionnaire_id, 'e2e-all-kinds');
  assert.deepEqual(complete.answers, {
    sleep_tonight: 'street',
    food_today: false,
    help_wanted: ['job'],
    age: 30,
    arrival: '2020-05-01',
    postal_code: '93200',
    call_me: 'Léa',
    need_ranking: complete.diagnosis.needs.map((need) => need.theme),
  });
  assert.deepEqual(complete.diagnosis.urgent.map((alert) => alert.alert).sort(), ['food', 'shelter']);
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  assert.ok(seen.requests.some((url) => url.endsWith(SRC)), 'questionnaire-src is fetched');
  await context.close();
});

test('a page with only the questionnaire loads only the questionnaire\'s module, never the whole engine nor its glue', async () => {
  const { page, seen, context } = await openSite();
  // The catalogue comes after the first question; then nothing more.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/catalogue.json')));
  await page.waitForTimeout(1000);
  const modules = seen.requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname.split('/').pop());
  assert.deepEqual(modules, ['passerelle_questionnaire_bg.wasm']);
  // The package's scripts: passerelle.js alone, which holds the questionnaire's glue.
  const scripts = seen.requests.filter((url) => new URL(url).pathname.includes('/pkg/') && url.endsWith('.js'))
    .map((url) => new URL(url).pathname.split('/').pop());
  assert.deepEqual(scripts, ['passerelle.js']);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a questionnaire that cannot be fetched or read is told by passerelle:error, and the questions stay', async () => {
  const { page, context, widget } = await openSite();
  await widget.locator('input[value=home]').check();
  assert.equal((await send(page, widget)).question, 'food_today');
  const errors = () => page.evaluate(() => window.passerelleEvents
    .filter((event) => event.type === 'passerelle:error').map((event) => event.detail.code));

  await page.evaluate(() => document.querySelector('passerelle-diagnostic')
    .setAttribute('questionnaire-src', 'no-such-questionnaire.json'));
  await page.waitForFunction(() => window.passerelleEvents.some((event) => event.type === 'passerelle:error'));
  assert.deepEqual(await errors(), ['fetch_failed']);

  await page.evaluate(() => { document.querySelector('passerelle-diagnostic').questionnaire = '{"format_version": 1'; });
  assert.deepEqual(await errors(), ['fetch_failed', 'invalid_questionnaire']);
  await page.evaluate(() => {
    document.querySelector('passerelle-diagnostic').questionnaire = { format_version: 1, id: 'x', locales: ['fr'], sections: [] };
  });
  assert.deepEqual(await errors(), ['fetch_failed', 'invalid_questionnaire', 'invalid_questionnaire']);

  assert.equal((await shown(page)).question, 'food_today', 'the questions and answers stay');
  assert.equal(await widget.locator('h2.section').textContent(), 'Aujourd’hui');
  assert.deepEqual(await page.evaluate(() => document.querySelector('passerelle-diagnostic').widget.answers()),
    { sleep_tonight: 'home' });
  await context.close();
});
