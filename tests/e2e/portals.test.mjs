// The three demo portals, each embedding Passerelle its own way: three
// personas go through the whole flow by keyboard only on each, and what
// the page shows is checked against the engine run on the same answers
// in Node (the orientation's needs and proposals, the plan's objectives
// and actions); axe-core on each portal at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, orientationShown, tabUntil, focusedId } from './flow.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { load, Engine, loadCommunes } = await import(path.join(root, 'target', 'pkg', 'node.js'));
await load();
// The page loads the commune parts it needs; the engine gets them all.
const communes = await loadCommunes();
const localCatalogue = readFileSync(
  path.join(root, 'crates', 'passerelle-core', 'data', 'catalogue-demo-local.json'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const personas = [
  {
    name: 'young, homeless tonight, looking for work',
    answers: { sleep_tonight: 'street', age: '24', postal_code: '93200', employment_status: 'jobseeker' },
  },
  {
    name: 'single parent on RSA, housed',
    answers: {
      sleep_tonight: 'home', food_today: 'yes', age: '34', postal_code: '93200',
      employment_status: 'inactive', benefits: ['rsa'], children_count: '2',
    },
  },
  {
    name: 'employed, 45, hard to use a computer',
    answers: { sleep_tonight: 'home', food_today: 'yes', age: '45', postal_code: '93300', employment_status: 'employed' },
  },
];

const portals = [
  { page: 'mairie.html', parcours: true, local: true },
  { page: 'association.html', parcours: true, local: true },
  { page: 'formation.html', parcours: false, local: false },
];

/** Today on this machine, as the widgets read it. */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

for (const portal of portals) {
  test(`${portal.page}: three personas go from the questions to their plan by keyboard`, async () => {
    const engine = new Engine(portal.local ? { localCatalogue, communes } : { communes });
    const inside = (tag) => (portal.parcours ? ['passerelle-parcours', tag] : [tag]);
    for (const [index, persona] of personas.entries()) {
      const { page, seen } = await openPage(browser, new URL(portal.page, baseUrl).href);
      await page.waitForFunction((path) => {
        let node = document;
        for (const tag of path) node = node?.querySelector(tag)?.shadowRoot;
        return node?.querySelector('legend h3');
      }, inside('passerelle-diagnostic'));
      await answerAll(page, inside('passerelle-diagnostic'), persona);
      const events = await page.evaluate(() => window.passerelleEvents);
      const complete = events.find((event) => event.type === 'passerelle:diagnosis-complete');
      assert.ok(complete, `${persona.name}: the diagnosis is sent`);

      // The same answers through the engine.
      const { diagnosis: replayed, problems } = engine.replayDiagnosis(complete.detail.answers, today());
      assert.deepEqual(problems.filter((p) => p.code !== 'question_not_asked'), []);
      const expected = replayed.orient({ detailed: true }).needs
        .map((need) => [need.need.theme, need.proposals.map((proposal) => proposal.id)]);

      if (portal.parcours) {
        await tabUntil(page, 'passerelle-go-1');
        await page.keyboard.press('Enter');
        assert.equal(await focusedId(page), 'passerelle-step-title-1');
      }
      await page.waitForFunction((path) => {
        let node = document;
        for (const tag of path) node = node.querySelector(tag).shadowRoot;
        return node.querySelector('section.need, .help');
      }, inside('passerelle-orientation'));
      assert.deepEqual(await orientationShown(page, inside('passerelle-orientation')), expected, persona.name);

      // The plan, with every need found, at the pace offered.
      if (portal.parcours) {
        await tabUntil(page, 'passerelle-step-button-2', { key: 'Shift+Tab' });
        await page.keyboard.press('Enter');
      }
      await tabUntil(page, 'passerelle-build-plan', { limit: 400 });
      await page.keyboard.press('Enter');
      const plan = await page.waitForFunction((path) => {
        let node = document;
        for (const tag of path.slice(0, -1)) node = node.querySelector(tag).shadowRoot;
        return node.querySelector(path.at(-1)).plan;
      }, inside('passerelle-plan')).then((handle) => handle.jsonValue());
      const built = engine.buildPlan(replayed.result(), {
        needs: replayed.result().needs.map((need) => need.theme),
        schedule: { start: today(), steps_per_week: 2 },
        by: 'person',
      }).value();
      const summary = (value) => value.objectives.map((objective) => [
        objective.theme, objective.actions.map((action) => [action.title, action.due, action.entry ?? null]),
      ]);
      assert.deepEqual(summary(plan), summary(built), persona.name);

      if (index === personas.length - 1) {
        await checkState(page, `portal-${portal.page.replace('.html', '')}`);
      }
      assert.deepEqual(seen.errors, []);
      const origin = new URL(baseUrl).origin;
      assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
      await page.close();
    }
  });
}

test('strict.html: a page without wasm-unsafe-eval shows Passerelle in its frame, kept as tall as its content', async () => {
  const { page, seen } = await openPage(browser, new URL('strict.html', baseUrl).href);
  const frame = page.frameLocator('#passerelle-frame');
  await frame.locator('passerelle-parcours').locator('passerelle-diagnostic legend h3').waitFor();
  await page.waitForFunction(() => {
    const frame = document.getElementById('passerelle-frame');
    const inner = frame.contentDocument?.documentElement.scrollHeight ?? 0;
    return inner > 300 && Math.abs(frame.getBoundingClientRect().height - inner) <= 2;
  });
  // Its policy refuses the inline script that brings axe-core.
  await checkState(page, 'strict-host-frame', { axe: false });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('playground.html: the API runs in the page and shows its result', async () => {
  const { page, seen } = await openPage(browser, new URL('playground.html', baseUrl).href);
  await page.waitForFunction(() => document.getElementById('output').textContent.length > 0);
  const result = JSON.parse(await page.locator('#output').textContent());
  assert.equal(result.needs[0].need.theme, 'trouver-un-emploi');
  await page.locator('#request').fill('{"facts": {"age": "old"}}');
  await page.locator('button[type=submit]').click();
  await page.waitForFunction(() => document.getElementById('output').textContent.includes('invalid_request'));
  await checkState(page, 'playground');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
