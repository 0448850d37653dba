// <passerelle-diagnostic> on the demo page, answered with the keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, artifact, baseUrl } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Id of the element focused inside the widget's shadow root, if any. */
function focusedInWidget(page) {
  return page.evaluate(() => {
    const host = document.querySelector('passerelle-diagnostic');
    return document.activeElement === host ? host.shadowRoot.activeElement?.id ?? null : null;
  });
}

async function tabUntil(page, id, limit = 20) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedInWidget(page)) === id) return;
  }
  assert.fail(`Tab never reached #${id}`);
}

test('a person completes the diagnosis with the keyboard and the page receives the answers', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-diagnostic');
  const heading = widget.locator('legend h2');
  await heading.waitFor();
  assert.equal(await heading.textContent(), 'Avez-vous un endroit où dormir ce soir ?');
  assert.equal(await widget.locator('.progress').textContent(), 'Question 1 sur 3');
  await page.screenshot({ path: artifact('diagnostic-first-question.png'), fullPage: true });

  // Question 1: Tab from the top of the page to the first answer, Space, then Continue.
  await tabUntil(page, 'passerelle-option-0');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // Question 2: focus is on the new question's heading.
  await page.waitForFunction(() =>
    document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('legend h2')
      ?.textContent === 'Que faites-vous en ce moment ?');
  assert.equal(await focusedInWidget(page), 'passerelle-question');
  assert.equal(await widget.locator('.progress').textContent(), 'Question 2 sur 3');
  await page.keyboard.press('Tab'); // first option
  await page.keyboard.press('ArrowDown'); // second option: "Je cherche un travail"
  await page.keyboard.press('Tab'); // Continue
  await page.keyboard.press('Enter');

  // Question 3: a number; a wrong value first.
  await page.waitForFunction(() =>
    document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('#passerelle-input'));
  await page.keyboard.press('Tab');
  assert.equal(await focusedInWidget(page), 'passerelle-input');
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  const error = widget.locator('#passerelle-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Erreur : Écrivez un nombre entre 14 et 120 ans.');
  assert.equal(await focusedInWidget(page), 'passerelle-input');
  await page.screenshot({ path: artifact('diagnostic-error.png'), fullPage: true });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('22');
  await page.keyboard.press('Enter');

  await page.waitForFunction(() => window.passerelleEvents.length > 0);
  const events = await page.evaluate(() => window.passerelleEvents);
  assert.deepEqual(events, [{
    type: 'passerelle:diagnosis-complete',
    detail: {
      questionnaireId: 'passerelle-default',
      locale: 'fr',
      answers: { shelter_tonight: true, employment_status: 'jobseeker', age: 22 },
    },
  }]);
  await page.locator('#result-json').waitFor();
  await page.screenshot({ path: artifact('diagnostic-complete.png'), fullPage: true });

  assert.deepEqual(seen.errors, []);
  // Privacy: the only requests are the page's own files.
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});

test('changing the lang attribute renders the widget again in that language', async () => {
  const { page, seen } = await openPage(browser);
  const heading = page.locator('passerelle-diagnostic legend h2');
  await heading.waitFor();
  await page.evaluate(() => document.querySelector('passerelle-diagnostic').setAttribute('lang', 'en'));
  await page.waitForFunction(() =>
    document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('legend h2')
      ?.textContent === 'Do you have a place to sleep tonight?');
  assert.equal(await page.locator('passerelle-diagnostic .progress').textContent(), 'Question 1 of 3');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
