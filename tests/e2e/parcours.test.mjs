// <passerelle-parcours> on its demo page: the whole parcours by keyboard
// only — the questions, the help and services, the plan — with axe-core on
// each step and no request outside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, focusedId, tabUntil } from './flow.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a person goes through the whole parcours with the keyboard only', async () => {
  const { page, seen } = await openPage(browser, new URL('parcours.html', baseUrl).href);
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend h3').waitFor();
  assert.equal(await parcours.locator('li[aria-current=step]').textContent(), 'Vos réponses');
  await checkState(page, 'parcours-questions');

  // The questions: homeless tonight, 24, in Saint-Denis, looking for work.
  await answerAll(page, ['passerelle-parcours', 'passerelle-diagnostic'], {
    name: 'homeless tonight, 24, looking for work',
    answers: { sleep_tonight: 'street', age: '24', postal_code: '93200', employment_status: 'jobseeker' },
  });
  await parcours.locator('passerelle-diagnostic #passerelle-end').waitFor();
  assert.equal(await focusedId(page), 'passerelle-end', 'the urgent contacts come first');

  // On to the help and services.
  await tabUntil(page, 'passerelle-go-1');
  await page.keyboard.press('Enter');
  await parcours.locator('passerelle-orientation section.need').first().waitFor();
  assert.equal(await focusedId(page), 'passerelle-step-title-1');
  assert.equal(await parcours.locator('li[aria-current=step]').textContent(), 'Les aides et services');
  assert.ok(await parcours.locator('passerelle-orientation li.proposal').count() > 0);
  await checkState(page, 'parcours-orientation');

  // On to the plan, from the list of steps above (the help and services
  // are many links to tab through): built with every need, at the pace
  // offered.
  await tabUntil(page, 'passerelle-step-button-2', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'passerelle-step-title-2');
  await tabUntil(page, 'passerelle-build-plan');
  await page.keyboard.press('Enter');
  await parcours.locator('passerelle-plan section.objective').first().waitFor();
  const plan = await page.evaluate(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan').plan);
  assert.ok(plan.objectives.length >= 2, JSON.stringify(plan.objectives.map((o) => o.theme)));
  assert.equal(plan.objectives[0].priority, 'urgent', 'the urgent need comes first');
  await checkState(page, 'parcours-plan');

  const events = await page.evaluate(() => window.passerelleEvents.map((event) => event.type));
  assert.deepEqual(events, ['passerelle:diagnosis-complete'], 'the events bubble out of the parcours');
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});
