// <passerelle-parcours> on its demo page: the whole parcours by keyboard
// only — the questions, the help and services, the plan — with axe-core on
// each step and no request outside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, artifact, baseUrl, violations } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The id of the innermost element with focus, through the shadow roots. */
function focusedId(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id || null;
  });
}

async function tabUntil(page, id, { key = 'Tab', limit = 80 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    if ((await focusedId(page)) === id) return;
  }
  assert.fail(`${key} never reached #${id}`);
}

/** What the questionnaire inside the parcours shows. */
function shown(page) {
  return page.evaluate(() => {
    const parcours = document.querySelector('passerelle-parcours').shadowRoot;
    const root = parcours.querySelector('passerelle-diagnostic').shadowRoot;
    const form = root.querySelector('form');
    return {
      question: form?.dataset.question ?? null,
      radios: root.querySelectorAll('input[type=radio]').length,
      boxes: root.querySelectorAll('input[type=checkbox]').length,
      field: root.querySelector('#passerelle-input')?.type ?? null,
      ranks: root.querySelectorAll('select[name=rank]').length,
      error: root.querySelector('#passerelle-error')?.textContent ?? null,
    };
  });
}

test('a person goes through the whole parcours with the keyboard only', async () => {
  const { page, seen } = await openPage(browser, new URL('parcours.html', baseUrl).href);
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend h3').waitFor();
  assert.equal(await parcours.locator('li[aria-current=step]').textContent(), 'Vos réponses');
  assert.deepEqual(await violations(page), []);

  // The questions: homeless tonight, 24, in Saint-Denis, looking for work.
  const answers = { age: '24', postal_code: '93200', household_size: '1', children: '0' };
  for (let steps = 0; steps < 80; steps += 1) {
    const now = await shown(page);
    if (now.question === null) break;
    assert.equal(now.error, null, `no error at ${now.question}`);
    if (now.radios > 0) {
      await tabUntil(page, 'passerelle-option-0');
      const downs = { sleep_tonight: 3, employment_status: 3 }[now.question] ?? 0;
      if (downs === 0) await page.keyboard.press('Space');
      for (let i = 0; i < downs; i += 1) await page.keyboard.press('ArrowDown');
    } else if (now.boxes > 0) {
      await tabUntil(page, 'passerelle-option-0');
      await page.keyboard.press('Space');
    } else if (now.field) {
      await tabUntil(page, 'passerelle-input');
      await page.keyboard.type(now.field === 'date' ? '2002-05-02' : (answers[now.question] ?? '1'));
    } else if (now.ranks > 0) {
      for (let i = 0; i < now.ranks; i += 1) {
        await tabUntil(page, `passerelle-rank-${i}`);
        await page.keyboard.type(String(i + 1));
      }
    }
    await tabUntil(page, 'passerelle-continue');
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => {
      const root = document.querySelector('passerelle-parcours').shadowRoot
        .querySelector('passerelle-diagnostic').shadowRoot;
      const form = root.querySelector('form');
      return (form?.dataset.question ?? null) !== previous || root.querySelector('#passerelle-error');
    }, now.question);
  }
  await parcours.locator('passerelle-diagnostic #passerelle-end').waitFor();
  assert.equal(await focusedId(page), 'passerelle-end', 'the urgent contacts come first');

  // On to the help and services.
  await tabUntil(page, 'passerelle-go-1');
  await page.keyboard.press('Enter');
  await parcours.locator('passerelle-orientation section.need').first().waitFor();
  assert.equal(await focusedId(page), 'passerelle-step-title-1');
  assert.equal(await parcours.locator('li[aria-current=step]').textContent(), 'Les aides et services');
  assert.ok(await parcours.locator('passerelle-orientation li.proposal').count() > 0);
  await page.screenshot({ path: artifact('parcours-orientation.png'), fullPage: true });
  assert.deepEqual(await violations(page), []);

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
  await page.screenshot({ path: artifact('parcours-plan.png'), fullPage: true });
  assert.deepEqual(await violations(page), []);

  const events = await page.evaluate(() => window.passerelleEvents.map((event) => event.type));
  assert.deepEqual(events, ['passerelle:diagnosis-complete'], 'the events bubble out of the parcours');
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});
