// <passerelle-plan> on the demo page: built, changed and checked by
// keyboard only, axe-core on each state, no request outside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, artifact, baseUrl, violations, assertReflows } from './browser.mjs';
import { diagnosis, JOB, SHELTER } from './fixtures.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the plan is built by keyboard from the needs and pace chosen, then changed, without violations', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-plan');
  await widget.locator('.help').waitFor();
  const changes = page.evaluate(() => new Promise((resolve) => {
    const events = [];
    document.querySelector('passerelle-plan').addEventListener('passerelle:plan-change', (event) => {
      events.push(event.detail);
      if (events.length === 2) resolve(events);
    });
  }));
  await page.evaluate((value) => { document.querySelector('passerelle-plan').diagnosis = value; }, diagnosis);
  await widget.locator('#passerelle-build').waitFor();
  assert.deepEqual(await violations(page), []);

  const focusedInPlan = () => page.evaluate(() => {
    const host = document.querySelector('passerelle-plan');
    return document.activeElement === host ? host.shadowRoot.activeElement?.id ?? null : null;
  });
  const tabTo = async (id) => {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focusedInPlan()) === id) return;
    }
    assert.fail(`Tab never reached ${id}`);
  };
  // Untick the shelter need, three steps a week, build.
  await tabTo(`passerelle-need-${SHELTER}`);
  await page.keyboard.press('Space');
  await tabTo('passerelle-pace');
  await page.keyboard.press('ArrowDown');
  await tabTo('passerelle-build-plan');
  await page.keyboard.press('Enter');
  await widget.locator('section.objective').waitFor();
  assert.equal(await focusedInPlan(), 'passerelle-plan-title');
  assert.equal(await widget.locator('section.objective').count(), 1);
  await page.screenshot({ path: artifact('plan-built.png'), fullPage: true });
  assert.deepEqual(await violations(page), []);

  // The first action: "done", with the arrow keys of its status list.
  const select = widget.locator('li.action select').first();
  const id = await select.getAttribute('id');
  await tabTo(id);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const events = await changes;
  assert.equal(events[0].plan.schedule.steps_per_week, 3);
  assert.deepEqual(events[0].plan.objectives.map((o) => o.theme), [JOB]);
  assert.equal(await focusedInPlan(), id, 'the status list keeps the focus');
  await page.screenshot({ path: artifact('plan-editing.png'), fullPage: true });
  assert.deepEqual(await violations(page), []);

  // "Change this step", opened by keyboard: its fields checked too.
  const action = await widget.locator('li.action').first().getAttribute('data-action');
  await tabTo(`passerelle-change-${action}`);
  await page.keyboard.press('Enter');
  await widget.locator(`#passerelle-title-${action}`).waitFor();
  assert.deepEqual(await violations(page), []);

  // The referral sheet, once the person agrees, by keyboard.
  await tabTo('passerelle-referral-consent');
  await page.keyboard.press('Space');
  await tabTo('passerelle-referral-prepare');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-referral-open').waitFor();
  assert.equal(await focusedInPlan(), 'passerelle-referral-open');
  assert.deepEqual(await violations(page), []);

  // "Build again" asks first; the person keeps the plan.
  await tabTo('passerelle-rebuild');
  await page.keyboard.press('Enter');
  assert.equal(await focusedInPlan(), 'passerelle-rebuild-warning');
  assert.deepEqual(await violations(page), []);
  await tabTo('passerelle-rebuild-cancel');
  await page.keyboard.press('Enter');
  assert.equal(await focusedInPlan(), 'passerelle-rebuild');
  assert.equal(await widget.locator('section.objective').count(), 1);

  // The print view and the referral sheet, made in the page: checked too.
  for (const [name, selector] of [['print-view', '.files a[target=_blank]'], ['referral-sheet', '#passerelle-referral-open']]) {
    const html = await widget.locator(selector).evaluate(async (link) => (await fetch(link.href)).text());
    const view = await browser.newPage();
    await view.setContent(html);
    await view.screenshot({ path: artifact(`plan-${name}.png`), fullPage: true });
    assert.deepEqual(await violations(view), [], name);
    await view.close();
  }

  await assertReflows(page, 'plan-phone.png');
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});
