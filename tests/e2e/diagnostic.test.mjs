// <passerelle-diagnostic> on the demo page, answered with the keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';

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

/** Presses `key` (Tab by default) until the element `#id` has focus. */
async function tabUntil(page, id, { key = 'Tab', limit = 30 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    if ((await focusedInWidget(page)) === id) return;
  }
  assert.fail(`${key} never reached #${id}`);
}

/** What the widget shows: the question's id (null at the end), its kind of controls. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector('passerelle-diagnostic').shadowRoot;
    const form = root.querySelector('form');
    return {
      question: form?.dataset.question ?? null,
      heading: root.querySelector('legend h3')?.textContent ?? null,
      radios: root.querySelectorAll('input[type=radio]').length,
      boxes: root.querySelectorAll('input[type=checkbox]').length,
      field: root.querySelector('#passerelle-input') !== null,
      ranks: root.querySelectorAll('select[name=rank]').length,
      skippable: root.querySelector('#passerelle-skip') !== null,
      error: root.querySelector('#passerelle-error')?.textContent ?? null,
    };
  });
}

/** Waits until the widget shows another question than `id` (or the end). */
async function waitForNext(page, id) {
  await page.waitForFunction((previous) => {
    const form = document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('form');
    return (form?.dataset.question ?? null) !== previous;
  }, id);
}

async function continueWithEnter(page) {
  await tabUntil(page, 'passerelle-continue');
  await page.keyboard.press('Enter');
}

test('a person answers with the keyboard only, sees what to do at once, and the page receives the diagnosis', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-diagnostic');
  const heading = widget.locator('legend h3');
  await heading.waitFor();
  assert.equal(await heading.textContent(), 'Où allez-vous dormir ce soir\u202f?');
  assert.equal(await widget.locator('h2.section').textContent(),
    'Pour commencer\u00a0: votre sécurité aujourd’hui');
  assert.match(await widget.locator('.progress').textContent(), /^Question 1 · environ \d+ questions restantes$/);
  assert.equal(await focusedInWidget(page), null, 'the page keeps its focus at start');
  // A single choice; also on a small phone (320 px) without sideways scrolling.
  await checkState(page, 'diagnostic-first-question');

  // Where will you sleep tonight? Tab from the top of the page to the
  // answers, the arrows to the fourth ("Dans la rue…"), then Continue.
  await tabUntil(page, 'passerelle-option-0');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await focusedInWidget(page), 'passerelle-option-3');
  await continueWithEnter(page);

  // Enough to eat: focus is on the new question's heading.
  await waitForNext(page, 'sleep_tonight');
  assert.equal((await shown(page)).question, 'food_today');
  assert.equal(await focusedInWidget(page), 'passerelle-question');
  assert.match(await widget.locator('.progress').textContent(), /^Question 2 · environ \d+ questions restantes$/);
  // Street tonight: the 115 above this very question, open.
  assert.equal(await widget.locator('.urgent-panel[open] a.call[href="tel:115"]').textContent(), 'Appeler le 115');
  await page.keyboard.press('Tab'); // "Oui"
  await page.keyboard.press('Space');
  await continueWithEnter(page);

  // Two questions one may leave unanswered: "Je préfère ne pas répondre".
  for (const id of ['danger_at_home', 'child_in_danger']) {
    await waitForNext(page, id === 'danger_at_home' ? 'food_today' : 'danger_at_home');
    assert.equal((await shown(page)).question, id);
    await tabUntil(page, 'passerelle-skip');
    assert.equal(await widget.locator('#passerelle-skip').textContent(), 'Je préfère ne pas répondre');
    await page.keyboard.press('Enter');
  }

  // Urgent care: "Non".
  await waitForNext(page, 'child_in_danger');
  assert.equal((await shown(page)).question, 'urgent_care');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await continueWithEnter(page);

  // Age: a wrong number first, then corrected.
  await waitForNext(page, 'urgent_care');
  assert.equal((await shown(page)).question, 'age');
  assert.equal(await widget.locator('h2.section').textContent(), 'Votre situation');
  await page.keyboard.press('Tab');
  assert.equal(await focusedInWidget(page), 'passerelle-input');
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  const error = widget.locator('#passerelle-error');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Erreur\u00a0: Écrivez un nombre entre 14 et 120 ans.');
  assert.equal(await focusedInWidget(page), 'passerelle-input');
  assert.equal(await widget.locator('#passerelle-input').getAttribute('aria-invalid'), 'true');
  await checkState(page, 'diagnostic-error'); // a number refused, its error shown
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('22');
  await page.keyboard.press('Enter');

  // Postal code: a numeric keypad on phones, five digits.
  await waitForNext(page, 'age');
  assert.equal((await shown(page)).question, 'postal_code');
  const postalCode = widget.locator('#passerelle-input');
  assert.equal(await postalCode.getAttribute('inputmode'), 'numeric');
  assert.equal(await postalCode.getAttribute('autocomplete'), 'postal-code');
  await page.keyboard.press('Tab');
  await page.keyboard.type('932001'); // the sixth digit is not taken
  assert.equal(await postalCode.inputValue(), '93200');
  await page.keyboard.press('Enter');

  // Employment status: the fourth answer, "Je cherche un travail".
  await waitForNext(page, 'postal_code');
  assert.equal((await shown(page)).question, 'employment_status');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  await continueWithEnter(page);

  await waitForNext(page, 'employment_status');
  assert.equal((await shown(page)).question, 'registered_jobseeker');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await continueWithEnter(page);

  // Worked in the last 2 years (the national orientation): yes, the
  // first answer; then what they want for work is not asked.
  await waitForNext(page, 'registered_jobseeker');
  assert.equal((await shown(page)).question, 'worked_last_24_months');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await continueWithEnter(page);

  // Income from work, apart from the household's: none this month.
  await waitForNext(page, 'worked_last_24_months');
  assert.equal((await shown(page)).question, 'work_income');
  await page.keyboard.press('Tab');
  assert.equal(await focusedInWidget(page), 'passerelle-input');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');

  // Benefits: boxes; "Aucune de ces aides", the last, unticks the others.
  // The RSA is the third box, after the ARE and the ASS.
  await waitForNext(page, 'work_income');
  assert.equal((await shown(page)).question, 'benefits');
  const box = (value) => widget.locator(`input[value=${value}]`);
  const boxes = await widget.locator('input[type=checkbox]').evaluateAll((inputs) => inputs.map((input) => input.value));
  assert.equal(boxes.at(-1), 'none');
  await page.keyboard.press('Tab');
  assert.equal(await focusedInWidget(page), 'passerelle-option-0');
  await tabUntil(page, `passerelle-option-${boxes.indexOf('rsa')}`);
  await page.keyboard.press('Space');
  assert.equal(await box('rsa').isChecked(), true);
  await tabUntil(page, `passerelle-option-${boxes.length - 1}`);
  await page.keyboard.press('Space');
  assert.equal(await box('none').isChecked(), true);
  assert.equal(await box('rsa').isChecked(), false);
  await tabUntil(page, `passerelle-option-${boxes.indexOf('rsa')}`, { key: 'Shift+Tab' });
  await page.keyboard.press('Space');
  assert.equal(await box('none').isChecked(), false);
  await checkState(page, 'diagnostic-multiple-choice');
  await continueWithEnter(page);
  await waitForNext(page, 'benefits');

  // The rest: "a lot" of difficulty finding a job, else the first answer,
  // 0 for a number; the needs found put in the reverse order.
  for (let steps = 0; steps < 60; steps += 1) {
    const now = await shown(page);
    if (now.question === null) break;
    assert.equal(now.error, null, `no error at ${now.question}`);
    assert.equal(await focusedInWidget(page), 'passerelle-question');
    if (now.radios > 0) {
      await page.keyboard.press('Tab');
      if (now.question === 'job_difficulty') {
        for (let i = 0; i < 2; i += 1) await page.keyboard.press('ArrowDown');
      } else {
        await page.keyboard.press('Space');
      }
    } else if (now.boxes > 0) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    } else if (now.field) {
      await page.keyboard.press('Tab');
      await page.keyboard.type('0');
    } else if (now.ranks > 0) {
      assert.equal(now.question, 'need_ranking');
      assert.equal(await widget.locator('h2.section').textContent(), 'Vos priorités');
      for (let i = 0; i < now.ranks; i += 1) {
        await tabUntil(page, `passerelle-rank-${i}`);
        await page.keyboard.type(String(now.ranks - i)); // type-ahead picks the option
      }
      await checkState(page, 'diagnostic-ranking');
    }
    await continueWithEnter(page);
    await waitForNext(page, now.question);
  }

  // The end: what to do at once first, open, with a number to call.
  const end = widget.locator('#passerelle-end');
  await end.waitFor();
  assert.equal(await focusedInWidget(page), 'passerelle-end');
  assert.equal(await widget.locator('.alert-text').textContent(),
    'Vous n’avez pas d’endroit sûr pour dormir ce soir. Appelez le 115.');
  const call = widget.locator('.urgent-panel[open] a.call[href="tel:115"]');
  assert.equal(await call.textContent(), 'Appeler le 115');
  assert.equal(await widget.locator('.urgent-panel .about').textContent(),
    '115\u00a0: hébergement d’urgence. Gratuit, jour et nuit.');
  const themes = await widget.locator('.need .theme').allTextContents();
  assert.equal(themes[0], 'Rechercher une solution d’hébergement temporaire');
  assert.ok(themes.includes('Recherche d’emploi'), themes.join(', '));
  // Above the thanks: the number is the link just before it.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await call.evaluate((link) => link.matches(':focus')), true, 'the number is just above');
  await checkState(page, 'diagnostic-complete'); // the end: urgent alert and needs

  await page.waitForFunction(() => window.passerelleEvents.length > 0);
  const events = await page.evaluate(() => window.passerelleEvents);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'passerelle:diagnosis-complete');
  const { detail } = events[0];
  assert.equal(detail.questionnaire_id, 'passerelle-default');
  assert.equal(detail.locale, 'fr');
  const given = {
    sleep_tonight: 'street',
    food_today: true,
    urgent_care: false,
    age: 22,
    postal_code: '93200',
    employment_status: 'jobseeker',
    registered_jobseeker: true,
    work_income: 0,
    benefits: ['rsa'],
    job_difficulty: 'a_lot',
  };
  for (const [question, answer] of Object.entries(given)) {
    assert.deepEqual(detail.answers[question], answer, question);
  }
  assert.equal(detail.answers.need_ranking.length, themes.length);
  assert.equal('danger_at_home' in detail.answers, false, 'a question skipped has no answer');
  assert.equal(detail.diagnosis.urgent[0].alert, 'shelter');
  assert.equal(detail.diagnosis.urgent[0].contacts[0].phone, '115');
  assert.equal(detail.diagnosis.needs[0].priority, 'urgent');
  assert.equal(detail.diagnosis.ranked_by_person, true);
  assert.deepEqual(
    detail.diagnosis.needs.slice(1).map((need) => need.rank),
    detail.diagnosis.needs.slice(1).map((need) => need.rank).sort((a, b) => a - b),
    'after the urgent need, the person’s order',
  );
  assert.deepEqual(
    await widget.locator('.need').evaluateAll((needs) => needs.map((need) => need.dataset.theme)),
    detail.diagnosis.needs.map((need) => need.theme),
    'the needs on screen in the diagnosis’s order',
  );
  await page.locator('#result-json').waitFor();

  assert.deepEqual(seen.errors, []);
  // Privacy: the only requests are the page's own files.
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});

test('changing the lang attribute renders the widget again in that language', async () => {
  const { page, seen } = await openPage(browser);
  const heading = page.locator('passerelle-diagnostic legend h3');
  await heading.waitFor();
  await page.evaluate(() => document.querySelector('passerelle-diagnostic').setAttribute('lang', 'en'));
  await page.waitForFunction(() =>
    document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('legend h3')
      ?.textContent === 'Where will you sleep tonight?');
  assert.match(await page.locator('passerelle-diagnostic .progress').textContent(), /^Question 1 · about \d+ questions left$/);
  assert.equal(await page.locator('passerelle-diagnostic h2.section').textContent(), 'First: your safety today');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('with persist, a reload after each answer brings the same question back, and forget leaves nothing', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-diagnostic');
  const persist = () => page.evaluate(() => {
    document.querySelector('passerelle-diagnostic').setAttribute('persist', 'session');
  });
  await widget.locator('legend h3').waitFor();
  await persist();
  await widget.locator('#passerelle-forget').waitFor();
  const steps = [['sleep_tonight', 'hosted'], ['food_today', 'yes']];
  for (const [question, value] of steps) {
    assert.equal((await shown(page)).question, question);
    await widget.locator(`input[value=${value}]`).check();
    await widget.locator('#passerelle-continue').click();
    await waitForNext(page, question);
    const next = (await shown(page)).question;
    await page.reload();
    await widget.locator('legend h3').waitFor();
    await persist();
    await page.waitForFunction((id) => document.querySelector('passerelle-diagnostic')
      .shadowRoot.querySelector('form')?.dataset.question === id, next);
  }
  assert.equal((await shown(page)).question, 'danger_at_home');
  assert.ok(await page.evaluate(() => sessionStorage.length) > 0);
  await checkState(page, 'diagnostic-persist');

  // Erasing asks first, says what goes; "Non, garder" keeps everything.
  await tabUntil(page, 'passerelle-forget');
  await page.keyboard.press('Enter');
  assert.equal(await focusedInWidget(page), 'passerelle-forget-what');
  assert.match(await widget.locator('#passerelle-forget-what').textContent(),
    /^Toutes vos réponses seront effacées de cet appareil\. Vous recommencerez à la première question\./);
  await checkState(page, 'diagnostic-erase-asked');
  await tabUntil(page, 'passerelle-forget-cancel');
  await page.keyboard.press('Enter');
  assert.equal(await focusedInWidget(page), 'passerelle-forget');
  assert.equal((await shown(page)).question, 'danger_at_home');
  assert.ok(await page.evaluate(() => sessionStorage.length) > 0, 'nothing erased');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'passerelle-forget-confirm');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('form')?.dataset.question === 'sleep_tonight');
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.match(await widget.locator('.privacy .notice').textContent(), /effacées/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
