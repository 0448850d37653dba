// <passerelle-plan> on the demo page: built, changed and checked by
// keyboard only, axe-core on each state, no request outside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { diagnosis, JOB, SHELTER } from './fixtures.mjs';
import { focusedId, tabUntil } from './flow.mjs';

/** The same person, the shelter alert raised by her first answer. */
const street = { ...diagnosis, urgent: [{ alert: 'shelter', raised_by: [] }] };

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
  await checkState(page, 'plan-build-form');

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
  await checkState(page, 'plan-built');

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
  await checkState(page, 'plan-editing');

  // "Change this step", opened by keyboard: its fields checked too.
  const action = await widget.locator('li.action').first().getAttribute('data-action');
  await tabTo(`passerelle-change-${action}`);
  await page.keyboard.press('Enter');
  await widget.locator(`#passerelle-title-${action}`).waitFor();
  await checkState(page, 'plan-change-step');

  // The referral sheet, once the person agrees, by keyboard.
  await tabTo('passerelle-referral-consent');
  await page.keyboard.press('Space');
  await tabTo('passerelle-referral-prepare');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-referral-open').waitFor();
  assert.equal(await focusedInPlan(), 'passerelle-referral-open');
  await checkState(page, 'plan-referral');

  // "Build again" asks first; the person keeps the plan.
  await tabTo('passerelle-rebuild');
  await page.keyboard.press('Enter');
  assert.equal(await focusedInPlan(), 'passerelle-rebuild-warning');
  await checkState(page, 'plan-rebuild-warning');
  await tabTo('passerelle-rebuild-cancel');
  await page.keyboard.press('Enter');
  assert.equal(await focusedInPlan(), 'passerelle-rebuild');
  assert.equal(await widget.locator('section.objective').count(), 1);

  // The print view and the referral sheet, made in the page: checked too.
  for (const [name, selector] of [['print-view', '.files a[target=_blank]'], ['referral-sheet', '#passerelle-referral-open']]) {
    const html = await widget.locator(selector).evaluate(async (link) => (await fetch(link.href)).text());
    const view = await browser.newPage();
    await view.setContent(html);
    await checkState(view, `plan-${name}`);
    await view.close();
  }
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  await page.close();
});

test('by keyboard the person adds a step and a goal, writes the follow-up, withdraws a consent; with persist the plan survives a reload and forget erases it', async () => {
  const { page, seen } = await openPage(browser);
  const widget = page.locator('passerelle-plan');
  await widget.locator('.help').waitFor();
  const persist = () => page.evaluate(() => {
    document.querySelector('passerelle-plan').setAttribute('persist', 'session');
  });
  await persist();
  await widget.locator('#passerelle-forget').waitFor();
  await page.evaluate((value) => { document.querySelector('passerelle-plan').diagnosis = value; }, diagnosis);
  await widget.locator('#passerelle-build').waitFor();
  await tabUntil(page, 'passerelle-build-plan');
  await page.keyboard.press('Enter');
  await widget.locator('section.objective').first().waitFor();
  const plan = () => page.evaluate(() => document.querySelector('passerelle-plan').plan);
  const job = (await plan()).objectives.find((o) => o.theme === JOB).id;

  // A step of their own, by keyboard: the form opens with Enter, an empty
  // title is refused and said, then the step is added and focused.
  await tabUntil(page, `passerelle-add-action-${job}`);
  await page.keyboard.press('Enter');
  await tabUntil(page, `passerelle-save-action-${job}`);
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-plan-error').waitFor();
  assert.equal(await focusedId(page), `passerelle-new-title-${job}`);
  await checkState(page, 'plan-step-refused');
  await page.keyboard.type('Préparer mon CV');
  await tabUntil(page, `passerelle-save-action-${job}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-plan').shadowRoot
    .activeElement?.id?.startsWith('passerelle-action-'));
  const steps = (await plan()).objectives.find((o) => o.id === job).actions;
  assert.equal(steps.at(-1).title, 'Préparer mon CV');

  // A goal of their own: the need chosen with the arrow keys (the
  // second of the list: starting a business).
  await tabUntil(page, 'passerelle-add-objective');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'passerelle-new-objective');
  await page.keyboard.press('ArrowDown');
  await tabUntil(page, 'passerelle-new-statement');
  await page.keyboard.type('Ouvrir mon atelier de vélos');
  await checkState(page, 'plan-adding-goal');
  await tabUntil(page, 'passerelle-save-objective');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-plan').plan.objectives.length === 3);
  const goal = (await plan()).objectives.at(-1);
  assert.deepEqual([goal.theme, goal.statement], ['creer-une-entreprise', 'Ouvrir mon atelier de vélos']);
  assert.equal(await focusedId(page), `passerelle-${goal.id}`);

  // The follow-up: the advisor and the next meeting.
  await tabUntil(page, 'passerelle-advisor-name');
  await page.keyboard.type('Awa Diallo');
  await tabUntil(page, 'passerelle-advisor-phone');
  await page.keyboard.type('01 23 45 67 89');
  await tabUntil(page, 'passerelle-save-follow-up');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-follow-up-saved').waitFor();
  assert.equal(await focusedId(page), 'passerelle-follow-up-saved');
  await checkState(page, 'plan-follow-up-saved');
  assert.equal((await plan()).advisor.name, 'Awa Diallo');

  // A consent given, then withdrawn: the sheet's link goes.
  await tabUntil(page, 'passerelle-referral-consent');
  await page.keyboard.press('Space');
  await tabUntil(page, 'passerelle-referral-prepare');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-referral-open').waitFor();
  const entry = (await plan()).consents[0].entry;
  await tabUntil(page, `passerelle-withdraw-${entry}`);
  await checkState(page, 'plan-consent-given');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-consent-withdrawn').waitFor();
  assert.equal(await widget.locator('#passerelle-referral-open').count(), 0);
  assert.equal((await plan()).consents, undefined);
  await checkState(page, 'plan-consent-withdrawn');

  // Reloaded: the same plan comes back from the tab's storage.
  const before = await plan();
  await page.reload();
  await widget.locator('.help').waitFor();
  await persist();
  await widget.locator('section.objective').first().waitFor();
  assert.deepEqual(await plan(), before);
  await checkState(page, 'plan-taken-back');

  // "Erase my plan from this device", asked then confirmed: nothing is
  // left, no cookie.
  await tabUntil(page, 'passerelle-forget');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'passerelle-forget-confirm');
  await page.keyboard.press('Enter');
  await widget.locator('.privacy .notice').waitFor();
  await checkState(page, 'plan-forgotten');
  assert.equal(await plan(), null);
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('at 375 px, by keyboard: the pace explained, the 115 called not referred, the person\'s details refused then saved ("Erreur : " and its space), the referral sheet naming them', async () => {
  const { page, seen } = await openPage(browser);
  await page.setViewportSize({ width: 375, height: 740 });
  const widget = page.locator('passerelle-plan');
  await widget.locator('.help').waitFor();
  await page.evaluate((value) => { document.querySelector('passerelle-plan').diagnosis = value; }, street);
  await widget.locator('#passerelle-build').waitFor();
  // Two steps a week are proposed, and the widget says why.
  assert.equal(await widget.locator('#passerelle-pace').inputValue(), '2');
  assert.equal(await widget.locator('#passerelle-pace').getAttribute('aria-describedby'), 'passerelle-pace-help');
  assert.match(await widget.locator('#passerelle-pace-help').textContent(), /^Nous proposons 2\s+démarches par semaine\s: cela laisse le temps/);
  await tabUntil(page, 'passerelle-build-plan');
  await page.keyboard.press('Enter');
  await widget.locator('section.objective').first().waitFor();
  const plan = () => page.evaluate(() => document.querySelector('passerelle-plan').plan);
  const built = await plan();
  const steps = built.objectives.flatMap((objective) => objective.actions);
  // The 115 is a step of the first day; the other partners on working days.
  const line = steps.find((step) => step.entry === 'urgence-115');
  assert.equal(line.due, built.schedule.start);
  for (const step of steps.filter((s) => s.entry !== 'urgence-115' && s.kind === 'contact_partner')) {
    const day = new Date(`${step.due}T12:00:00Z`).getUTCDay();
    assert.ok(day !== 0 && day !== 6, `${step.title} on a weekend: ${step.due}`);
  }
  await checkState(page, 'plan-first-steps');

  // Each status list is named by its step, for a screen reader.
  const first = widget.locator('li.action').first();
  const title = await first.locator('.title').textContent();
  const question = await first.locator('.field label').textContent();
  assert.equal(await page.getByRole('combobox', { name: `${question} ${title}`, exact: true }).count(), 1);

  // Only real partners get a referral sheet: not the 115, one calls it.
  const partners = await widget.locator('#passerelle-referral-partner option')
    .evaluateAll((options) => options.map((option) => option.value));
  assert.ok(partners.length > 0);
  assert.ok(!partners.includes('urgence-115'), partners.join());

  // Asked before the consent is ticked: "Erreur : …", with its space.
  await tabUntil(page, 'passerelle-referral-prepare');
  await page.keyboard.press('Enter');
  const error = widget.locator('#passerelle-plan-error');
  await error.waitFor();
  assert.match(await error.textContent(), /^Erreur\s:\s\S/);
  assert.equal(await focusedId(page), 'passerelle-referral-consent');

  // A phone without a name: refused, tied to the name, the phone kept.
  await tabUntil(page, 'passerelle-person-phone', { key: 'Shift+Tab' });
  await page.keyboard.type('06 12 34 56 78');
  await tabUntil(page, 'passerelle-save-person');
  await page.keyboard.press('Enter');
  await error.waitFor();
  assert.match(await error.textContent(), /^Erreur\s:\s\S/);
  assert.equal(await focusedId(page), 'passerelle-person-name');
  assert.equal(await widget.locator('#passerelle-person-phone').inputValue(), '06 12 34 56 78');
  await checkState(page, 'plan-person-refused');
  await page.keyboard.type('Karim B.');
  await tabUntil(page, 'passerelle-save-person');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-person-saved').waitFor();
  assert.equal(await focusedId(page), 'passerelle-person-saved');
  assert.deepEqual((await plan()).person, { name: 'Karim B.', phone: '06 12 34 56 78' });
  await checkState(page, 'plan-person-saved');

  // The person agrees; the sheet names them and how to reach them, and
  // speaks of them to the partner.
  await tabUntil(page, 'passerelle-referral-consent');
  await page.keyboard.press('Space');
  await tabUntil(page, 'passerelle-referral-prepare');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-referral-open').waitFor();
  assert.equal(await focusedId(page), 'passerelle-referral-open');
  await checkState(page, 'plan-referral-with-person');
  const html = await widget.locator('#passerelle-referral-open').evaluate(async (link) => (await fetch(link.href)).text());
  assert.ok(html.includes('<strong>Karim B.</strong>'), html);
  assert.ok(html.includes('href="tel:0612345678"'), html);
  assert.ok(html.includes('la personne'));
  assert.ok(!/\b(vous|votre|vos)\b/i.test(html.replace(/<[^>]*>/g, ' ')), 'the sheet speaks to the partner');
  const view = await browser.newPage();
  await view.setContent(html);
  await checkState(view, 'plan-referral-sheet-with-person');
  await view.close();
  assert.deepEqual(seen.errors, []);
  await page.close();
});
