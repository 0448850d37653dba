// What is kept on the device (`persist`), and what erases it
// (docs/robustness.md, "What is kept, and what erases it"): a failed
// questionnaire fetch, two tabs, the back-forward cache, values written
// by a newer version, two parcours and two questionnaires on one site,
// `persist` written in capitals or unknown. Nothing the person entered
// may be erased or written over but on purpose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { openPage, baseUrl, checkState, hostPage } from './browser.mjs';

/** The test's own pages, served on the demo's origin by request routing. */
const HOST = new URL('e2e-keeping/', baseUrl).href;
const SITE_QUESTIONNAIRE = readFileSync(new URL('./site/questionnaire-all-kinds.json', import.meta.url));

/** A page of a site: `body` after the package's module. */
function page(body) {
  return hostPage('Un site qui garde les réponses', body, '<link rel="icon" href="data:,">');
}

const PAGES = {
  'site.html': page('<passerelle-diagnostic id="q" persist="local" questionnaire-src="questionnaire-all-kinds.json"></passerelle-diagnostic>'),
  'default.html': page('<passerelle-diagnostic id="d" persist="local"></passerelle-diagnostic>'),
  'again.html': page('<passerelle-diagnostic id="d" persist="local"></passerelle-diagnostic>'),
  'newer.html': page(`
    <passerelle-diagnostic id="n" persist="local"></passerelle-diagnostic>
    <passerelle-plan id="n" persist="local"></passerelle-plan>`),
  'two-parcours.html': page(`
    <passerelle-parcours id="alice" persist="local"></passerelle-parcours>
    <passerelle-parcours id="bob" persist="local"></passerelle-parcours>`),
  'parcours-later.html': page('<passerelle-parcours id="later"></passerelle-parcours>'),
  'cases.html': page(`
    <passerelle-diagnostic id="c1" persist="Local"></passerelle-diagnostic>
    <passerelle-diagnostic id="c2" persist=" session "></passerelle-diagnostic>`),
};

/** The key of the answers of element `id` on the default questionnaire. */
const answersKey = (id) => `passerelle:diagnostic:passerelle-default:${id}`;

let browser;
// As browser.mjs launches it, but with the back-forward cache that
// Playwright turns off by default: the person's Back button uses it.
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.PASSERELLE_CHROMIUM,
    headless: true,
    args: process.env.PASSERELLE_CHROMIUM_FLAGS.split(' '),
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
});
after(async () => { await browser?.close(); });

/**
 * A browser context (one device: its tabs share `localStorage`) serving
 * `PAGES` and the site's questionnaire; `failures.questionnaire` answers
 * 503 that many times first.
 */
async function device() {
  const context = await browser.newContext();
  const failures = { questionnaire: 0 };
  await context.route(`${HOST}*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name === 'questionnaire-all-kinds.json') {
      if (failures.questionnaire > 0) {
        failures.questionnaire -= 1;
        return route.fulfill({ status: 503, body: 'busy' });
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body: SITE_QUESTIONNAIRE });
    }
    const body = PAGES[name];
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  return { context, failures, open: (name) => openPage(context, new URL(name, HOST).href) };
}

/** Polls `check` until it gives a truthy value; fails with `what` after 10 s. */
async function until(check, what) {
  const end = Date.now() + 10_000;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
  assert.fail(`${what} (last seen: ${JSON.stringify(last)})`);
}

/** The question a diagnostic widget shows (null at the end or before it is made). */
function questionOf(widget) {
  return widget.evaluate((element) => element.shadowRoot?.querySelector('form')?.dataset.question ?? null);
}

/** What the widget says about keeping, beside its usual sentence. */
function noticeOf(widget) {
  return widget.evaluate((element) => element.shadowRoot?.querySelector('.privacy .notice')?.textContent ?? null);
}

/** The answers the widget holds, keyed by question id. */
function answersOf(widget) {
  return widget.evaluate((element) => element.widget?.answers() ?? null);
}

/** Waits until `widget` shows question `id`. */
async function shows(widget, id) {
  await until(async () => (await questionOf(widget)) === id, `the widget shows ${id}`);
}

/** Chooses `value` (a radio or a box) on the question shown, and sends it. */
async function answer(widget, value) {
  const asked = await questionOf(widget);
  await widget.locator(`input[name=answer][value="${value}"]`).check();
  await widget.locator('#passerelle-continue').click();
  await until(async () => (await questionOf(widget)) !== asked, `the widget moves on from ${asked}`);
}

/** Erases what the widget kept, on purpose: the control, then "yes". */
async function erase(widget) {
  await widget.locator('#passerelle-forget').click();
  await widget.locator('#passerelle-forget-confirm').click();
}

/** The value kept under `key`, parsed (null when nothing is kept). */
async function kept(page, key, storage = 'localStorage') {
  const text = await page.evaluate(([key, storage]) => window[storage].getItem(key), [key, storage]);
  return text === null ? null : JSON.parse(text);
}

/** The codes of the `passerelle:error` events the page received. */
function errorCodes(page) {
  return page.evaluate(() => window.passerelleEvents
    .filter((event) => event.type === 'passerelle:error').map((event) => event.detail.code));
}

/** The calm answers to the default questionnaire's first questions, in order. */
const CALM = ['home', 'yes', 'no', 'no', 'no'];

test('a questionnaire that fails to load once never erases the answers kept on it: they are back on the next visit', async () => {
  const { context, failures, open } = await device();
  const { page } = await open('site.html');
  const widget = page.locator('passerelle-diagnostic');
  await shows(widget, 'sleep_tonight');
  await until(async () => (await widget.locator('h2.section').textContent()) === 'Aujourd’hui', 'the site’s questionnaire');
  await answer(widget, 'home');
  await answer(widget, 'yes');
  await answer(widget, 'job');
  assert.equal(await questionOf(widget), 'age');

  // The site's server fails once: the default questions show, and the
  // host page is told why.
  failures.questionnaire = 1;
  await page.reload();
  await until(async () => (await widget.locator('h2.section').textContent().catch(() => null))
    === 'Pour commencer\u00a0: votre sécurité aujourd’hui', 'the default questionnaire');
  await widget.locator('.privacy:not([hidden])').waitFor();
  assert.deepEqual(await errorCodes(page), ['fetch_failed']);
  const onSite = await page.evaluate(() => Object.values(localStorage).map((text) => JSON.parse(text))
    .find((value) => value.questionnaire_id === 'e2e-all-kinds'));
  assert.deepEqual(Object.keys(onSite?.answers ?? {}).sort(), ['food_today', 'help_wanted', 'sleep_tonight'],
    'the answers on the site’s questionnaire are still kept');

  // The next visit, the server answers: the person is where they were.
  await page.reload();
  await shows(widget, 'age');
  assert.deepEqual(await answersOf(widget), { sleep_tonight: 'home', food_today: true, help_wanted: ['job'] });
  await context.close();
});

test('two tabs: each continues the other’s answers instead of overwriting them, and an erase in one empties the other, told', async () => {
  const { context, open } = await device();
  const { page: first } = await open('default.html');
  const { page: second } = await open('default.html');
  const a = first.locator('passerelle-diagnostic');
  const b = second.locator('passerelle-diagnostic');
  await shows(a, 'sleep_tonight');
  await shows(b, 'sleep_tonight');
  // B's live region is on the page, silent, before anything happens in A.
  await b.evaluate((element) => { element.shadowRoot.querySelector('.privacy [role=status]').dataset.before = 'yes'; });
  // Tab A answers four questions while tab B waits on the first.
  for (const value of CALM.slice(0, 4)) await answer(a, value);
  assert.equal(await questionOf(a), 'urgent_care');
  // Tab B now shows A's answers, and says why.
  await shows(b, 'urgent_care');
  assert.equal(await noticeOf(b), 'Vos réponses ont changé dans une autre page ou un autre onglet. Voici où vous en êtes.');
  assert.equal(await b.evaluate((element) => element.shadowRoot.querySelector('.privacy .notice').dataset.before), 'yes',
    'the words come in the live region that was already there, so a screen reader says them');
  // B's answer continues A's: five answers kept, and A follows.
  await answer(b, CALM[4]);
  assert.deepEqual(Object.keys((await kept(second, answersKey('d'))).answers).sort(),
    ['child_in_danger', 'danger_at_home', 'food_today', 'sleep_tonight', 'urgent_care']);
  await shows(a, 'age');
  await first.reload();
  await shows(a, 'age');
  assert.equal(Object.keys(await answersOf(a)).length, 5);

  // Erased in B: gone from A too, in words; nothing written back.
  await erase(b);
  await shows(b, 'sleep_tonight');
  await shows(a, 'sleep_tonight');
  assert.equal(await noticeOf(a), 'Vos réponses ont été effacées dans une autre page ou un autre onglet. Elles ne sont plus sur cet appareil.');
  assert.equal(await kept(first, answersKey('d')), null);
  await checkState(first, 'keeping-erased-in-another-tab');
  await context.close();
});

test('back to a page from the back-forward cache after an erase: the answers are gone there too and never written back', async () => {
  const { context, open } = await device();
  const { page } = await open('default.html');
  await page.evaluate(() => {
    window.addEventListener('pageshow', (event) => { window.shownFromCache = event.persisted; });
  });
  const widget = page.locator('passerelle-diagnostic');
  await shows(widget, 'sleep_tonight');
  await answer(widget, 'home');
  await answer(widget, 'yes');
  // Another page of the site, the same answers: erased there.
  await page.goto(new URL('again.html', HOST).href);
  await shows(widget, 'danger_at_home');
  await erase(widget);
  await shows(widget, 'sleep_tonight');
  assert.equal(await kept(page, answersKey('d')), null);
  // Back: the first page comes back from the cache, as it was left...
  await page.goBack({ waitUntil: 'commit' });
  assert.equal(await until(() => page.evaluate(() => window.shownFromCache !== undefined && window.shownFromCache),
    'the page shown again'), true, 'restored from the back-forward cache');
  // ...but shows that the answers are gone.
  await shows(widget, 'sleep_tonight');
  assert.equal(await noticeOf(widget), 'Vos réponses ont été effacées dans une autre page ou un autre onglet. Elles ne sont plus sur cet appareil.');
  await answer(widget, 'hosted');
  assert.deepEqual((await kept(page, answersKey('d'))).answers, { sleep_tonight: 'hosted' });
  await context.close();
});

/** Answers and a plan as a newer Passerelle would write them. */
const NEWER_ANSWERS = JSON.stringify({
  snapshot_version: 2,
  questionnaire_id: 'passerelle-default',
  reference_date: '2026-12-01',
  asked: ['sleep_tonight'],
  answers: { sleep_tonight: 'home' },
  something_new: true,
});
const NEWER_PLAN = JSON.stringify({ format_version: 3, objectives: [], something_new: true });

test('answers and a plan written by a newer version are kept, told truthfully, never written over, and erased only on purpose', async () => {
  const { context, open } = await device();
  await context.addInitScript(([answers, plan, keys]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    // Under the key of this version and the key of the one before.
    for (const key of keys) localStorage.setItem(key, answers);
    localStorage.setItem('passerelle:plan:n', plan);
  }, [NEWER_ANSWERS, NEWER_PLAN, [answersKey('n'), 'passerelle:diagnostic:n']]);
  const { page, seen } = await open('newer.html');
  // Nothing new is kept beside them: leaving asks first; the test leaves.
  page.on('dialog', (dialog) => dialog.accept());
  const questions = page.locator('passerelle-diagnostic');
  const plan = page.locator('passerelle-plan');
  await shows(questions, 'sleep_tonight');
  await until(() => noticeOf(questions), 'the questionnaire tells about the answers kept');
  assert.equal(await noticeOf(questions), 'Des réponses gardées sur cet appareil viennent d’une version plus récente. Elles sont toujours là. Mettez la page à jour pour les retrouver. D’ici là, vos nouvelles réponses ne sont pas gardées.');
  await until(() => noticeOf(plan), 'the plan tells about the plan kept');
  assert.equal(await noticeOf(plan), 'Un plan gardé sur cet appareil vient d’une version plus récente. Il est toujours là. Mettez la page à jour pour le retrouver. D’ici là, les changements de ce plan ne sont pas gardés.');
  await checkState(page, 'keeping-newer-version');

  // Answering does not write over them; a reload finds them still.
  await answer(questions, 'home');
  await page.reload();
  await shows(questions, 'sleep_tonight');
  for (const key of [answersKey('n'), 'passerelle:diagnostic:n']) {
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), NEWER_ANSWERS, key);
  }
  assert.equal(await page.evaluate(() => localStorage.getItem('passerelle:plan:n')), NEWER_PLAN);

  // The person erases them on purpose: then the new answers are kept.
  await erase(questions);
  await until(async () => (await noticeOf(questions)) === 'Vos réponses ont été effacées de cet appareil.', 'erased, told');
  await answer(questions, 'hosted');
  assert.deepEqual((await kept(page, answersKey('n'))).answers, { sleep_tonight: 'hosted' });
  await erase(plan);
  assert.equal(await kept(page, 'passerelle:plan:n'), null);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('two parcours on one site, and two questionnaires, keep their answers apart', async () => {
  const { context, open } = await device();
  const { page } = await open('two-parcours.html');
  const alice = page.locator('#alice').locator('passerelle-diagnostic');
  const bob = page.locator('#bob').locator('passerelle-diagnostic');
  await shows(alice, 'sleep_tonight');
  await shows(bob, 'sleep_tonight');
  await answer(alice, 'home');
  await answer(bob, 'hosted');
  await answer(bob, 'yes');
  await page.reload();
  await shows(alice, 'food_today');
  await shows(bob, 'danger_at_home');
  assert.deepEqual(await answersOf(alice), { sleep_tonight: 'home' });
  assert.deepEqual(await answersOf(bob), { sleep_tonight: 'hosted', food_today: true });
  assert.deepEqual((await kept(page, answersKey('alice-diagnostic'))).answers, { sleep_tonight: 'home' });
  await context.close();
});

test('persist is read in any case with white space around; an unknown value keeps nothing, erases nothing and is told; removing it erases', async () => {
  const { context, open } = await device();
  const { page } = await open('cases.html');
  const local = page.locator('#c1');
  const session = page.locator('#c2');
  await shows(local, 'sleep_tonight');
  await shows(session, 'sleep_tonight');
  await answer(local, 'home');
  await answer(session, 'hosted');
  await page.reload();
  await shows(local, 'food_today');
  await shows(session, 'food_today');
  assert.equal(await local.locator('.privacy p').first().textContent(),
    'Vos réponses sont gardées sur cet appareil, même après sa fermeture. Effacez-les si l’appareil est partagé.');
  assert.deepEqual(await errorCodes(page), []);

  // A value Passerelle does not know: the host page is told, nothing is
  // erased, and the person is not told anything is kept.
  await page.evaluate(() => document.querySelector('#c1').setAttribute('persist', 'forever'));
  await until(async () => (await errorCodes(page)).includes('bad_persist'), 'bad_persist is sent');
  assert.deepEqual((await kept(page, answersKey('c1'))).answers, { sleep_tonight: 'home' });
  assert.equal(await local.locator('.privacy').getAttribute('hidden'), '');
  await answer(local, 'yes');
  assert.deepEqual((await kept(page, answersKey('c1'))).answers, { sleep_tonight: 'home' }, 'nothing written either');

  // The attribute removed: the host no longer wants anything kept; what
  // this widget kept is erased, the answers stay on screen.
  await page.evaluate(() => document.querySelector('#c2').removeAttribute('persist'));
  await until(async () => (await kept(page, answersKey('c2'), 'sessionStorage')) === null, 'the answers kept are erased');
  assert.equal(await questionOf(session), 'food_today');
  await context.close();
});

test('persist set on a parcours after it is made reaches its steps: the answers are kept, and removing it erases them', async () => {
  const { context, open } = await device();
  const { page } = await open('parcours-later.html');
  const questions = page.locator('#later').locator('passerelle-diagnostic');
  await shows(questions, 'sleep_tonight');
  await answer(questions, 'home');
  assert.equal(await kept(page, answersKey('later-diagnostic')), null, 'nothing kept without persist');

  // The host turns keeping on (a "remember my answers" box ticked).
  await page.evaluate(() => document.querySelector('#later').setAttribute('persist', 'local'));
  await answer(questions, 'yes');
  assert.deepEqual((await kept(page, answersKey('later-diagnostic'))).answers,
    { sleep_tonight: 'home', food_today: true });
  assert.equal(await questions.locator('.privacy p').first().textContent(),
    'Vos réponses sont gardées sur cet appareil, même après sa fermeture. Effacez-les si l’appareil est partagé.');

  // And off again: what was kept goes, the answers stay on screen.
  await page.evaluate(() => document.querySelector('#later').removeAttribute('persist'));
  await until(async () => (await kept(page, answersKey('later-diagnostic'))) === null, 'the answers kept are erased');
  assert.equal(await questionOf(questions), 'danger_at_home');
  await context.close();
});
