// Communes named, never coded, in Chromium on a 375 px phone: a postal
// code that serves several communes asks which one, by name, right after
// it; the commune table comes from the package's own files, one part per
// department, fetched only then (never before the first question); a
// portal's commune zone is explained with the commune's name; with the
// part blocked, the question is left out and no code shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, focusedId, tabUntil } from './flow.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { width: 375, height: 740 };

/** The commune parts the page asked for, by path. */
function commune_requests(seen) {
  return seen.requests.map((url) => new URL(url).pathname).filter((path) => path.includes('/communes/'));
}

/** The text of the element at `path` (through shadow roots). */
function textOf(page, path) {
  return page.evaluate((path) => {
    let root = document;
    for (const tag of path) root = root.querySelector(tag).shadowRoot;
    return root.textContent;
  }, path);
}

/** Waits for the first question of the questionnaire at `path`. */
async function firstQuestion(page, path) {
  await page.waitForFunction((path) => {
    let root = document;
    for (const tag of path) root = root?.querySelector(tag)?.shadowRoot;
    return root?.querySelector('legend h3');
  }, path);
}

const AT_HOME = {
  sleep_tonight: 'home', food_today: 'yes', danger_at_home: 'no', child_in_danger: 'no',
  urgent_care: 'no', age: '40',
};

test('a postal code of several communes asks which, by name, by keyboard on a phone; its part only then', async () => {
  const { page, seen } = await openPage(browser, new URL('index.html', baseUrl).href);
  await page.setViewportSize(PHONE);
  const diagnostic = ['passerelle-diagnostic'];
  await firstQuestion(page, diagnostic);
  assert.deepEqual(commune_requests(seen), [], 'no commune part before the first question');

  const person = { name: 'Bastia', answers: { ...AT_HOME, postal_code: '20200', commune: '2B353' } };
  assert.equal(await answerAll(page, diagnostic, person, { until: 'commune' }), 'commune');
  assert.deepEqual(commune_requests(seen), ['/pkg/communes/2B.txt'], 'the part of the postal code, once');

  const widget = page.locator('passerelle-diagnostic');
  assert.equal(await widget.locator('legend h3').textContent(), 'Dans quelle commune vivez-vous\u202f?');
  assert.equal(await focusedId(page), 'passerelle-question', 'the focus moves to the new question');
  assert.deepEqual(
    await widget.locator('label').allTextContents(),
    ['Bastia', 'San-Martino-di-Lota', 'Santa-Maria-di-Lota', 'Ville-di-Pietrabugno'],
  );
  assert.equal(await widget.locator('#passerelle-skip').textContent(), 'Je préfère ne pas répondre');
  await checkState(page, 'commune-question');

  await answerAll(page, diagnostic, person);
  const events = await page.evaluate(() => window.passerelleEvents);
  const complete = events.find((event) => event.type === 'passerelle:diagnosis-complete');
  assert.equal(complete.detail.diagnosis.facts.commune, '2B353');
  assert.equal(complete.detail.diagnosis.facts.department, '2B');
  // The orientation beside it names its local catalogue's communes (93).
  await page.waitForFunction(() => document.querySelector('passerelle-orientation').shadowRoot
    .querySelector('section.need'));
  assert.deepEqual(commune_requests(seen), ['/pkg/communes/2B.txt', '/pkg/communes/93.txt']);
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});

test('mairie.html: the town’s services are explained with the commune’s name, never its code', async () => {
  const { page, seen } = await openPage(browser, new URL('mairie.html', baseUrl).href);
  await page.setViewportSize(PHONE);
  const inside = (tag) => ['passerelle-parcours', tag];
  await firstQuestion(page, inside('passerelle-diagnostic'));
  assert.deepEqual(commune_requests(seen), [], 'no commune part before the first question');

  const person = {
    name: 'Saint-Denis, looking for work',
    answers: { ...AT_HOME, age: '24', postal_code: '93200', employment_status: 'jobseeker' },
  };
  await answerAll(page, inside('passerelle-diagnostic'), person);
  // 93200 serves Saint-Denis alone: no question, the commune set.
  const events = await page.evaluate(() => window.passerelleEvents);
  const complete = events.find((event) => event.type === 'passerelle:diagnosis-complete');
  assert.ok(!('commune' in complete.detail.answers), 'the commune was not asked');
  assert.equal(complete.detail.diagnosis.facts.commune, '93066');

  await tabUntil(page, 'passerelle-go-1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-parcours').shadowRoot
    .querySelector('passerelle-orientation').shadowRoot.querySelector('section.need'));
  const text = await textOf(page, inside('passerelle-orientation'));
  assert.ok(text.includes('Habiter à Saint-Denis\u00a0: vous habitez à Saint-Denis'), 'the zone in words');
  assert.ok(!text.includes('93066'), 'never the commune’s code');
  assert.ok(!/pour vous\s*:/.test(text), 'never a bare value');
  assert.deepEqual(commune_requests(seen), ['/pkg/communes/93.txt']);
  await checkState(page, 'commune-orientation');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('with its part blocked, the commune question is left out and no code shows', async () => {
  const page = await browser.newPage();
  await page.setViewportSize(PHONE);
  await page.route('**/communes/**', (route) => route.abort());
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    window.passerelleEvents = [];
    document.addEventListener('passerelle:diagnosis-complete', (event) => {
      window.passerelleEvents.push({ type: event.type, detail: event.detail });
    });
  });
  await page.goto(new URL('index.html', baseUrl).href);
  const diagnostic = ['passerelle-diagnostic'];
  await firstQuestion(page, diagnostic);
  const person = { name: 'Bastia, offline', answers: { ...AT_HOME, postal_code: '20200' } };
  assert.equal(await answerAll(page, diagnostic, person, { until: 'employment_status' }), 'employment_status');
  await answerAll(page, diagnostic, person);
  const [complete] = await page.evaluate(() => window.passerelleEvents);
  assert.equal(complete.detail.diagnosis.facts.postal_code, '20200');
  assert.ok(!('commune' in complete.detail.diagnosis.facts));
  assert.ok(!/2B\d{3}/.test(await textOf(page, diagnostic)));
  assert.deepEqual(errors, []);
  await page.close();
});
