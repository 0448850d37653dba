// Urgent help at once (issue 16, section 1), as a person meets it on a
// 375 px phone: each urgent answer shows its contacts above the very next
// question; the alert stays on every step of the parcours, the plan and
// its print view; the quick exit leaves for good, by keyboard; the
// emergency numbers show while the module loads; the first question is
// in view on every portal; leaving with answers not kept warns first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, focusedId, tabUntil } from './flow.mjs';

const PHONE = { width: 375, height: 740 };
const NEUTRAL = 'https://www.google.fr/';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The demo page's questionnaire at 375 × 740, its first question shown. */
async function openPhone(file = '') {
  const opened = await openPage(browser, new URL(file, baseUrl).href);
  await opened.page.setViewportSize(PHONE);
  await opened.page.locator('passerelle-diagnostic legend h3').first().waitFor();
  return opened;
}

/** The question on screen in the (first) questionnaire, `null` at the end. */
function questionShown(page) {
  return page.evaluate(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('form')?.dataset.question ?? null);
}

/** Chooses `value` with the keyboard and continues; waits for the next screen. */
async function choose(page, value) {
  const before = await questionShown(page);
  const widget = page.locator('passerelle-diagnostic');
  await widget.locator(`input[value="${value}"]`).focus();
  await page.keyboard.press('Space');
  await widget.locator('#passerelle-continue').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((previous) => {
    const root = document.querySelector('passerelle-diagnostic').shadowRoot;
    return (root.querySelector('form')?.dataset.question ?? null) !== previous
      || root.querySelector('#passerelle-error');
  }, before);
}

const CALM = [
  ['sleep_tonight', 'home'],
  ['food_today', 'yes'],
  ['danger_at_home', 'no'],
  ['child_in_danger', 'no'],
  ['urgent_care', 'no'],
];

const CASES = [
  { question: 'sleep_tonight', answer: 'street', alert: 'shelter', calls: ['tel:115'] },
  { question: 'sleep_tonight', answer: 'dont_know', alert: 'shelter', calls: ['tel:115'] },
  { question: 'food_today', answer: 'no', alert: 'food', calls: ['tel:115'] },
  { question: 'danger_at_home', answer: 'yes', alert: 'violence', calls: ['tel:3919', 'tel:17', 'tel:112', 'sms:114'] },
  { question: 'child_in_danger', answer: 'yes', alert: 'child_in_danger', calls: ['tel:119'] },
  { question: 'urgent_care', answer: 'yes', alert: 'medical_emergency', calls: ['tel:15', 'tel:112'] },
];

test('each urgent answer shows its contacts above the very next question, at 375 px, without violations', async () => {
  for (const { question, answer, alert, calls } of CASES) {
    const { page, seen } = await openPhone();
    const widget = page.locator('passerelle-diagnostic');
    for (const [id, calm] of CALM) {
      assert.equal(await questionShown(page), id);
      if (id !== question) {
        await choose(page, calm);
        continue;
      }
      await choose(page, answer);
      break;
    }
    const next = await questionShown(page);
    assert.notEqual(next, question, `${question}: the next question is on screen`);
    const block = widget.locator(`.urgent-panel[open] .alert[data-alert=${alert}]`);
    assert.equal(await block.count(), 1, `${question} = ${answer}: its alert, open`);
    assert.equal(await block.getAttribute('role'), 'alert', 'announced');
    assert.deepEqual(await widget.locator('.urgent-panel a.call').evaluateAll(
      (links) => links.map((link) => link.getAttribute('href'))), calls);
    // Above the question, and the first way to get help in view on the phone.
    const panel = await widget.locator('.urgent-panel').boundingBox();
    const form = await widget.locator('form').boundingBox();
    assert.ok(panel.y < form.y, 'the contacts come before the question');
    const first = widget.locator('.urgent-panel a.call').first();
    const box = await first.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `${alert}: its first contact in view (${box.y})`);
    for (const about of await widget.locator('.urgent-panel .about').allTextContents()) {
      // The town hall's social centre at its hours; every number, day and night.
      assert.match(about, /CCAS/.test(about) ? /Gratuit, aux heures d’ouverture\.$/ : /Gratuit, jour et nuit\.$/);
    }
    assert.equal(await focusedId(page), 'passerelle-question', 'the focus on the new question');
    await checkState(page, `urgent-${alert}-${answer}`);
    // On: folded, its summary naming the numbers, never gone.
    const summary = await widget.locator('.urgent-panel summary').textContent();
    for (const call of calls) assert.ok(summary.includes(call.split(':')[1]), summary);
    assert.deepEqual(seen.errors, []);
    await page.close();
  }
});

test('the alerts stay on every step of the parcours, on the plan and in its print view; the quick exit on each', async () => {
  const { page, seen } = await openPhone('parcours.html');
  const parcours = page.locator('passerelle-parcours');
  await answerAll(page, ['passerelle-parcours', 'passerelle-diagnostic'], {
    name: 'in the street tonight, in danger at home',
    answers: {
      sleep_tonight: 'street', food_today: 'yes', danger_at_home: 'yes', child_in_danger: 'no',
      urgent_care: 'no', age: '31', postal_code: '93200', employment_status: 'jobseeker',
    },
  });
  const questions = parcours.locator('passerelle-diagnostic');
  await questions.locator('#passerelle-end').waitFor();
  assert.equal(await questions.locator('.urgent-panel[open] .alert').count(), 2);
  assert.equal(await questions.locator('#passerelle-quick-exit').count(), 1);
  await checkState(page, 'urgent-parcours-end');

  await tabUntil(page, 'passerelle-go-1');
  await page.keyboard.press('Enter');
  const help = parcours.locator('passerelle-orientation');
  await help.locator('section.need').first().waitFor();
  assert.deepEqual(await help.locator('.urgent-panel[open] .alert').evaluateAll(
    (alerts) => alerts.map((alert) => alert.dataset.alert)), ['shelter', 'violence']);
  assert.equal(await help.locator('#passerelle-quick-exit').count(), 1);
  await checkState(page, 'urgent-parcours-orientation');

  await tabUntil(page, 'passerelle-step-button-2', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  const plan = parcours.locator('passerelle-plan');
  await tabUntil(page, 'passerelle-build-plan');
  await page.keyboard.press('Enter');
  await plan.locator('section.objective').first().waitFor();
  assert.equal(await plan.locator('.urgent-panel:not([open]) .alert').count(), 2, 'folded on the plan');
  assert.match(await plan.locator('.urgent-panel summary').textContent(), /115, 3919, 17, 112, 114/);
  assert.equal(await plan.locator('#passerelle-quick-exit').count(), 1);
  const value = await page.evaluate(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan').plan);
  assert.deepEqual(value.urgent, ['shelter', 'violence']);
  await checkState(page, 'urgent-parcours-plan');

  // The print view: the numbers first, in full.
  const print = await plan.locator('.files a[target=_blank]').first().getAttribute('href');
  const html = await page.evaluate((url) => fetch(url).then((response) => response.text()), print);
  const urgent = html.indexOf('<section aria-labelledby="urgent">');
  assert.ok(urgent > 0 && urgent < html.indexOf('aria-labelledby="objectives"'), 'the numbers first');
  for (const href of ['tel:115', 'tel:3919', 'tel:17', 'tel:112', 'sms:114']) {
    assert.ok(html.includes(`href="${href}"`), href);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the quick exit leaves by keyboard for the neutral page, Back does not come back, and what was kept is erased', async () => {
  for (const persist of ['session', null]) {
    const context = await browser.newContext({ viewport: PHONE });
    const start = new URL('start-neutral.html', baseUrl).href;
    await context.route(start, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="fr"><title>Départ</title><p>Une page avant</p></html>',
    }));
    // The neutral page, served here: the test machine has no internet.
    await context.route(`${NEUTRAL}**`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="fr"><title>Recherche</title><p>Neutre</p></html>',
    }));
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.type()); dialog.dismiss(); });
    await page.goto(start);
    await page.goto(baseUrl);
    const widget = page.locator('passerelle-diagnostic');
    await widget.locator('legend h3').waitFor();
    if (persist) {
      await page.evaluate((mode) => document.querySelector('passerelle-diagnostic').setAttribute('persist', mode), persist);
      await widget.locator('#passerelle-forget').waitFor();
    }
    await choose(page, 'home');
    await choose(page, 'yes');
    // On the danger question itself, before any answer.
    assert.equal(await questionShown(page), 'danger_at_home');
    const exit = widget.locator('#passerelle-quick-exit');
    assert.equal(await exit.textContent(), 'Quitter rapidement');
    assert.equal(await exit.getAttribute('href'), NEUTRAL);
    if (persist) {
      assert.ok(await page.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith('passerelle:'))));
    }
    await checkState(page, `urgent-quick-exit-${persist ?? 'kept-nowhere'}`);
    // By keyboard: from the question, back up to the quick exit, Enter.
    await tabUntil(page, 'passerelle-quick-exit', { key: 'Shift+Tab', limit: 6 });
    await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press('Enter')]);
    assert.equal(page.url(), NEUTRAL);
    assert.deepEqual(dialogs, [], 'leaving quickly asks nothing');
    // Back goes to the page before, not to the questions.
    await page.goBack();
    assert.equal(page.url(), start);
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)
      .concat(Object.keys(localStorage)).filter((key) => key.startsWith('passerelle:'))), []);
    await context.close();
  }
});

test('a host sets where the quick exit leads, on the parcours and each step', async () => {
  const { page } = await openPhone('parcours.html');
  await page.evaluate(() => document.querySelector('passerelle-parcours')
    .setAttribute('quick-exit-url', '/meteo-neutre.html'));
  const questions = page.locator('passerelle-parcours').locator('passerelle-diagnostic');
  await page.waitForFunction(() => document.querySelector('passerelle-parcours').shadowRoot
    .querySelector('passerelle-diagnostic').getAttribute('quick-exit-url') === '/meteo-neutre.html');
  await answerAll(page, ['passerelle-parcours', 'passerelle-diagnostic'], {
    name: 'a child in danger',
    answers: {
      sleep_tonight: 'home', food_today: 'yes', danger_at_home: 'no', child_in_danger: 'yes',
      urgent_care: 'no', age: '35', postal_code: '93200',
    },
  });
  assert.equal(await questions.locator('#passerelle-quick-exit').getAttribute('href'),
    new URL('/meteo-neutre.html', baseUrl).href);
  await page.close();
});

test('the emergency numbers show while the module loads, then the question takes their place', async () => {
  const context = await browser.newContext({ viewport: PHONE });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(baseUrl);
  const numbers = page.locator('passerelle-diagnostic [part=emergency-numbers]');
  await numbers.waitFor();
  assert.match(await numbers.locator('p').textContent(), /^Besoin d’aide tout de suite\u202f\? Numéros gratuits, jour et nuit\u00a0:$/);
  assert.deepEqual(await numbers.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ['tel:115', 'tel:3919', 'tel:17', 'tel:112', 'sms:114', 'tel:119', 'tel:15']);
  // In view on the phone, before anything else has loaded.
  const box = await numbers.boundingBox();
  assert.ok(box.height > 0 && box.y < PHONE.height);
  await checkState(page, 'urgent-numbers-while-loading');
  release();
  await page.locator('passerelle-diagnostic legend h3').waitFor();
  assert.equal(await numbers.count(), 0, 'the question takes their place');
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 375 × 740, the first question and its first answer are in view on every demo portal', async () => {
  for (const file of ['mairie.html', 'association.html', 'formation.html', 'parcours.html']) {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(new URL(file, baseUrl).href);
    const boxes = await page.waitForFunction(() => {
      const find = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName === 'passerelle-diagnostic' && element.shadowRoot?.querySelector('legend h3')) {
            return element.shadowRoot;
          }
          if (element.shadowRoot) {
            const found = find(element.shadowRoot);
            if (found) return found;
          }
        }
        return null;
      };
      const root = find(document);
      if (!root) return null;
      const box = (element) => {
        const rect = element.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom };
      };
      return {
        heading: box(root.querySelector('legend h3')),
        option: box(root.querySelector('label[for=passerelle-option-0]')),
        scrolled: window.scrollY,
      };
    }).then((handle) => handle.jsonValue());
    assert.equal(boxes.scrolled, 0, file);
    assert.ok(boxes.heading.top >= 0, `${file}: the heading is on screen`);
    assert.ok(boxes.option.bottom <= PHONE.height,
      `${file}: the first answer ends at ${Math.round(boxes.option.bottom)} px, below ${PHONE.height}`);
    await page.screenshot({ path: `${process.env.PASSERELLE_ARTIFACTS}/urgent-fold-${file.replace('.html', '')}.png` });
    await context.close();
  }
});

test('without persist, reloading with answers warns first; kept nowhere before any answer, it does not', async () => {
  const { page } = await openPhone();
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.dismiss();
  });
  await choose(page, 'home');
  assert.equal(await questionShown(page), 'food_today');
  // The browser asks before the page goes; staying keeps the answers.
  await page.evaluate(() => { setTimeout(() => location.reload(), 0); });
  for (let i = 0; i < 20 && dialogs.length === 0; i += 1) await page.waitForTimeout(100);
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.equal(await questionShown(page), 'food_today', 'the answers are still there');
  await page.close();
});

test('in the frame of a host that refuses WebAssembly, the quick exit takes the whole tab away', async () => {
  const context = await browser.newContext({ viewport: PHONE });
  await context.route(`${NEUTRAL}**`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="fr"><title>Recherche</title><p>Neutre</p></html>',
  }));
  const page = await context.newPage();
  await page.goto(new URL('strict.html', baseUrl).href);
  const questions = page.frameLocator('#passerelle-frame').locator('passerelle-diagnostic');
  await questions.locator('legend h3').waitFor();
  for (const value of ['home', 'yes']) {
    await questions.locator(`input[value="${value}"]`).check();
    await questions.locator('#passerelle-continue').click();
  }
  const exit = questions.locator('#passerelle-quick-exit');
  await exit.focus();
  await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press('Enter')]);
  assert.equal(page.url(), NEUTRAL, 'the tab, not only the frame');
  await context.close();
});
