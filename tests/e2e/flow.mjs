// Going through the widgets by keyboard only, wherever they are on a page
// (inside <passerelle-parcours> or side by side), for the tests of the
// demo portals.
import assert from 'node:assert/strict';

/** The id of the innermost element with focus, through the shadow roots. */
export function focusedId(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id || null;
  });
}

/** Presses `key` until the element `#id` has focus. */
export async function tabUntil(page, id, { key = 'Tab', limit = 120 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    if ((await focusedId(page)) === id) return;
  }
  assert.fail(`${key} never reached #${id}`);
}

/** The value of the innermost element with focus. */
function focusedValue(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.value ?? null;
  });
}

/**
 * What the questionnaire shows; `path` lists the elements from the page
 * to `<passerelle-diagnostic>`, through their shadow roots.
 */
function shown(page, path) {
  return page.evaluate((path) => {
    let root = document;
    for (const tag of path) root = root.querySelector(tag).shadowRoot;
    const form = root.querySelector('form');
    return {
      question: form?.dataset.question ?? null,
      radios: [...root.querySelectorAll('input[type=radio]')].map((input) => input.value),
      boxes: [...root.querySelectorAll('input[type=checkbox]')].map((input) => input.value),
      field: root.querySelector('#passerelle-input')?.type ?? null,
      ranks: root.querySelectorAll('select[name=rank]').length,
      error: root.querySelector('#passerelle-error')?.textContent ?? null,
      end: root.querySelector('#passerelle-end') !== null,
    };
  }, path);
}

/**
 * What an ordinary person answers to the questions where the first
 * option would make an unusual persona (at school, living as a couple,
 * pregnant, a disability, income from work of 1 €), when a persona does
 * not say.
 */
export const USUAL_ANSWERS = {
  in_education: 'no',
  couple: 'no',
  pregnant: 'no',
  disability: ['none'],
  work_income: '0',
  lives_in_qpv: 'not_sure',
  months_in_france: '120',
};

/**
 * Answers every question with the keyboard: `persona.answers[id]` when
 * given (an option's value, a list of them, or what to type), else the
 * usual answer (`USUAL_ANSWERS`), else the first option, the first box,
 * `1`. Returns when the end screen shows, or when the question `until`
 * shows (its id returned).
 */
export async function answerAll(page, path, persona, { until = null } = {}) {
  for (let steps = 0; steps < 80; steps += 1) {
    const now = await shown(page, path);
    if (now.end) return null;
    if (now.question === until) return until;
    assert.equal(now.error, null, `${persona.name}: no error at ${now.question}`);
    const given = persona.answers[now.question] ?? USUAL_ANSWERS[now.question];
    if (now.radios.length > 0) {
      const wanted = given ?? now.radios[0];
      assert.ok(now.radios.includes(wanted), `${now.question} has no option ${wanted}`);
      await tabUntil(page, 'passerelle-option-0');
      if (wanted === now.radios[0]) await page.keyboard.press('Space');
      while ((await focusedValue(page)) !== wanted) await page.keyboard.press('ArrowDown');
    } else if (now.boxes.length > 0) {
      for (const value of given ?? [now.boxes[0]]) {
        await tabUntil(page, `passerelle-option-${now.boxes.indexOf(value)}`);
        await page.keyboard.press('Space');
      }
    } else if (now.field) {
      await tabUntil(page, 'passerelle-input');
      await page.keyboard.type(given ?? '1');
    } else if (now.ranks > 0) {
      for (let i = 0; i < now.ranks; i += 1) {
        await tabUntil(page, `passerelle-rank-${i}`);
        await page.keyboard.type(String(i + 1));
      }
    }
    await tabUntil(page, 'passerelle-continue');
    await page.keyboard.press('Enter');
    await page.waitForFunction(([path, previous]) => {
      let root = document;
      for (const tag of path) root = root.querySelector(tag).shadowRoot;
      const form = root.querySelector('form');
      return (form?.dataset.question ?? null) !== previous || root.querySelector('#passerelle-error');
    }, [path, now.question]);
  }
  assert.fail(`${persona.name}: the questionnaire does not end`);
}

/** Each need shown by the orientation at `path`: its theme and its entries. */
export function orientationShown(page, path) {
  return page.evaluate((path) => {
    let root = document;
    for (const tag of path) root = root.querySelector(tag).shadowRoot;
    return [...root.querySelectorAll('section.need')].map((section) => [
      section.dataset.theme,
      [...section.querySelectorAll('li.proposal')].map((item) => item.dataset.entry),
    ]);
  }, path);
}
