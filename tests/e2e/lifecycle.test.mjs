// The elements' life cycle and its races (issue 18): an element taken off
// the page and put back keeps the person's work; a parcours does not drop
// a plan when an answer changes; a plan changed once with a clock ahead
// stays editable, and a change refused is told; a fetch started for an
// attribute that changed since is dropped; a name another script took is
// told. Pages are served on the demo's origin under `e2e-life/` by the
// browser's request routing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, baseUrl, checkState } from './browser.mjs';
import { diagnosis, SHELTER } from './fixtures.mjs';
import { answerAll } from './flow.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page of the demo's origin whose body is `body`, with Passerelle imported after `head`. */
function pageHtml(body, head = '') {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Cycle de vie</title>
<link rel="icon" href="data:,">${head}
<script type="module" src="/pkg/passerelle.js"></script></head>
<body><main><h1>Cycle de vie</h1><div id="slot">${body}</div><div id="away"></div></main></body></html>`;
}

/**
 * Opens `pageHtml(body, head)` at `e2e-life/<name>.html` in a context of
 * its own (its own storage); `routes` maps a path under `e2e-life/` to a
 * handler `(route) => …`. Records page errors, `passerelle:error` events
 * (on the document, from the elements or the shim) and console warnings.
 */
async function openLife(name, body, { head = '', routes = {}, context = null } = {}) {
  const ownContext = context ?? await browser.newContext();
  const page = await ownContext.newPage();
  const seen = { errors: [], warnings: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
    if (message.type() === 'warning') seen.warnings.push(message.text());
  });
  await page.addInitScript(() => {
    window.passerelleErrors = [];
    document.addEventListener('passerelle:error', (event) => window.passerelleErrors.push(event.detail));
  });
  const url = new URL(`e2e-life/${name}.html`, baseUrl).href;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: pageHtml(body, head) }));
  for (const [path, handler] of Object.entries(routes)) {
    await page.route(new URL(`e2e-life/${path}`, baseUrl).href, handler);
  }
  await page.goto(url);
  return { page, seen, context: ownContext };
}

/** Fulfils `route` with `text` (JSON) after `ms` milliseconds. */
function later(ms, text) {
  return (route) => setTimeout(() => route.fulfill({ contentType: 'application/json', body: text }).catch(() => {}), ms);
}

/** What the questionnaire at `path` shows: its question (null at the end) and the answers. */
function questionnaireState(page, path) {
  return page.evaluate((path) => {
    let root = document;
    let host = null;
    for (const tag of path) {
      host = root.querySelector(tag);
      root = host.shadowRoot;
    }
    return {
      question: root.querySelector('form')?.dataset.question ?? null,
      end: root.querySelector('#passerelle-end') !== null,
      answers: host.widget ? host.widget.answers() : null,
    };
  }, path);
}

/** Takes the element `selector` off the page, then puts it back: `how` says when. */
async function offAndBack(page, selector, how) {
  await page.evaluate(async ([selector, how]) => {
    const element = document.querySelector(selector);
    const slot = element.parentElement;
    // Where Vue's KeepAlive holds a component: an element out of the document.
    const held = document.createElement('div');
    held.append(element);
    if (how === 'task') await new Promise((resolve) => { setTimeout(resolve, 0); });
    if (how === 'later') await new Promise((resolve) => { setTimeout(resolve, 1500); });
    slot.append(element);
  }, [selector, how]);
}

/** A questionnaire of one question whose label is `label`, as JSON. */
function oneQuestion(id, label) {
  return JSON.stringify({
    format_version: 1, id, locales: ['fr', 'en'],
    sections: [{ id: 's', title: { fr: 'Vous', en: 'You' }, questions: [
      { id: 'name', kind: { type: 'short_text', max_length: 20 }, label: { fr: label, en: label } },
    ] }],
  });
}

test('a questionnaire taken off the page and put back keeps its answers and its question', async () => {
  const path = ['passerelle-diagnostic'];
  const { page, seen, context } = await openLife('diagnostic', '<passerelle-diagnostic></passerelle-diagnostic>');
  await page.locator('passerelle-diagnostic legend h3').waitFor();
  const persona = { name: 'three answers', answers: { sleep_tonight: 'home', age: '24', postal_code: '93200' } };
  await answerAll(page, path, persona, { until: 'employment_status' });
  const before = await questionnaireState(page, path);
  assert.equal(before.question, 'employment_status');
  assert.ok(Object.keys(before.answers).length >= 3, JSON.stringify(before.answers));
  for (const how of ['at once', 'task', 'later']) {
    await offAndBack(page, 'passerelle-diagnostic', how);
    await page.waitForFunction(() => document.querySelector('passerelle-diagnostic').widget !== null);
    await page.locator('passerelle-diagnostic form[data-question]').waitFor();
    const after = await questionnaireState(page, path);
    assert.deepEqual(after, before, `put back ${how}: the same question, the same answers`);
  }
  assert.deepEqual(await page.evaluate(() => window.passerelleErrors), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a parcours taken off the page and put back shows the same step, answers and plan', async () => {
  const path = ['passerelle-parcours', 'passerelle-diagnostic'];
  const { page, seen, context } = await openLife('parcours', '<passerelle-parcours lang="fr"></passerelle-parcours>');
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend h3').waitFor();
  await answerAll(page, path, {
    name: 'homeless tonight, 24, looking for work',
    answers: { sleep_tonight: 'street', age: '24', postal_code: '93200', employment_status: 'jobseeker' },
  });
  await parcours.locator('#passerelle-step-button-2').click();
  await parcours.locator('passerelle-plan #passerelle-build-plan').click();
  await parcours.locator('passerelle-plan section.objective').first().waitFor();
  // The first step done: the person's own work on the plan.
  await parcours.locator('passerelle-plan li.action select').first().selectOption('done');
  const planOf = () => page.evaluate(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan').plan);
  const plan = await planOf();
  assert.equal(plan.objectives[0].actions[0].status, 'done');
  const answers = (await questionnaireState(page, path)).answers;

  // A plan element off the page still gives its plan.
  const offPlan = await page.evaluate(async () => {
    const plan = document.querySelector('passerelle-parcours').shadowRoot.querySelector('passerelle-plan');
    const slot = plan.parentElement;
    document.createElement('div').append(plan);
    await new Promise((resolve) => { setTimeout(resolve, 0); });
    const value = { widget: plan.widget, plan: plan.plan };
    slot.append(plan);
    return value;
  });
  assert.equal(offPlan.widget, null, 'freed while off the page');
  assert.deepEqual(offPlan.plan, plan);
  await page.waitForFunction(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan').widget !== null);
  assert.deepEqual(await planOf(), plan, 'put back, the plan element has its plan');

  await offAndBack(page, 'passerelle-parcours', 'later');
  await page.waitForFunction(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan')?.plan !== null);
  assert.equal(await parcours.locator('li[aria-current=step]').textContent(), 'Votre plan', 'still on the plan');
  assert.deepEqual(await planOf(), plan, 'the same plan, its step done');
  assert.equal(await parcours.locator('passerelle-plan li.action select').first().inputValue(), 'done');
  const now = await questionnaireState(page, path);
  assert.equal(now.end, true, 'the questions stay answered');
  assert.deepEqual(now.answers, answers);
  // The orientation has its diagnosis again.
  await parcours.locator('#passerelle-step-button-1').click();
  await parcours.locator('passerelle-orientation section.need').first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.passerelleErrors), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('in a kept parcours, changing an answer after the plan asks first; "keep" keeps the plan, "build again" takes the new answers', async () => {
  const path = ['passerelle-parcours', 'passerelle-diagnostic'];
  const { page, seen, context } = await openLife('parcours-local', '<passerelle-parcours lang="fr" persist="local"></passerelle-parcours>');
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend h3').waitFor();
  const persona = {
    name: '24, looking for work',
    answers: { sleep_tonight: 'home', age: '24', postal_code: '93200', employment_status: 'jobseeker' },
  };
  await answerAll(page, path, persona);
  await parcours.locator('#passerelle-step-button-2').click();
  await parcours.locator('passerelle-plan #passerelle-build-plan').click();
  await parcours.locator('passerelle-plan section.objective').first().waitFor();
  const kept = () => page.evaluate(() => localStorage.getItem('passerelle:plan:default'));
  const plan = await kept();
  assert.ok(plan, 'the plan is kept on the device');

  /**
   * Back to the age, `age` instead, on to the end: the other answers stay
   * as they were given; a question the new age opens, never answered, is
   * skipped ("Je préfère ne pas répondre"), or given its last answer.
   */
  const changeAge = async (age) => {
    for (let i = 0; i < 40; i += 1) {
      if ((await questionnaireState(page, path)).question === 'age') break;
      await parcours.locator('passerelle-diagnostic #passerelle-back').click();
    }
    assert.equal((await questionnaireState(page, path)).question, 'age');
    await parcours.locator('passerelle-diagnostic #passerelle-input').fill(age);
    for (let i = 0; i < 60 && !(await questionnaireState(page, path)).end; i += 1) {
      const { question } = await questionnaireState(page, path);
      await parcours.locator('passerelle-diagnostic #passerelle-continue').click();
      const moved = await page.waitForFunction(([previous]) => {
        const root = document.querySelector('passerelle-parcours').shadowRoot
          .querySelector('passerelle-diagnostic').shadowRoot;
        if ((root.querySelector('form')?.dataset.question ?? null) !== previous) return 'moved';
        return root.querySelector('#passerelle-error') ? 'unanswered' : false;
      }, [question]).then((handle) => handle.jsonValue());
      if (moved === 'unanswered') {
        // Skipped, or else its last answer ("Je ne sais pas").
        const skip = parcours.locator('passerelle-diagnostic #passerelle-skip');
        if (await skip.count() > 0) await skip.click();
        else {
          await parcours.locator('passerelle-diagnostic input[type=radio]').last().check();
          await parcours.locator('passerelle-diagnostic #passerelle-continue').click();
        }
        await page.waitForFunction(([previous]) => {
          const root = document.querySelector('passerelle-parcours').shadowRoot
            .querySelector('passerelle-diagnostic').shadowRoot;
          return (root.querySelector('form')?.dataset.question ?? null) !== previous;
        }, [question]);
      }
    }
  };
  // Back to the answers, another age, to the end again.
  await parcours.locator('#passerelle-step-button-0').click();
  await changeAge('31');
  const question = parcours.locator('#passerelle-answers-changed');
  await question.waitFor();
  assert.match(await question.textContent(), /Vous avez changé vos réponses/);
  assert.equal(await kept(), plan, 'nothing erased before the person answers');
  await checkState(page, 'parcours-answers-changed');

  await parcours.locator('#passerelle-keep-plan').click();
  assert.equal(await question.count() === 0 || await question.isHidden(), true);
  assert.equal(await kept(), plan, 'the plan kept on the device stays');
  await parcours.locator('#passerelle-step-button-2').click();
  await parcours.locator('passerelle-plan section.objective').first().waitFor();
  const shown = await page.evaluate(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan').plan);
  assert.deepEqual(shown, JSON.parse(plan), 'the plan shown is the plan kept');

  // Once more, another age; this time the person builds the plan again.
  await parcours.locator('#passerelle-step-button-0').click();
  await changeAge('45');
  await question.waitFor();
  await parcours.locator('#passerelle-rebuild-plan').click();
  assert.equal(await parcours.locator('li[aria-current=step]').textContent(), 'Votre plan');
  await parcours.locator('passerelle-plan #passerelle-build').waitFor();
  const age = await page.evaluate(() => document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-plan').diagnosis.facts.age);
  assert.equal(age, 45, 'the plan is built again from the new answers');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a plan changed once with a clock ahead stays editable; a change refused is told and the list shows the plan', async () => {
  // A device set a few years ahead: the plan built and changed then.
  const aheadContext = await browser.newContext();
  await aheadContext.clock.install({ time: new Date('2031-06-02T10:00:00') });
  const ahead = await aheadContext.newPage();
  const url = new URL('e2e-life/plan.html', baseUrl).href;
  const html = pageHtml('<passerelle-plan persist="local"></passerelle-plan>');
  await ahead.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await ahead.goto(url);
  const widgetAhead = ahead.locator('passerelle-plan');
  await widgetAhead.locator('.help').waitFor();
  await ahead.evaluate((value) => { document.querySelector('passerelle-plan').diagnosis = value; }, diagnosis);
  await widgetAhead.locator('#passerelle-build-plan').click();
  await widgetAhead.locator('section.objective').first().waitFor();
  await widgetAhead.locator('li.action select').first().selectOption('in_progress');
  const stored = await ahead.evaluate(() => localStorage.getItem('passerelle:plan:default'));
  assert.equal(JSON.parse(stored).history.at(-1).date, '2031-06-02');
  await aheadContext.close();

  // The same device, its clock put right: what it kept is there.
  const context = await browser.newContext();
  await context.addInitScript((text) => {
    if (localStorage.getItem('passerelle:plan:default') === null) localStorage.setItem('passerelle:plan:default', text);
  }, stored);
  // The clock put right: the plan kept comes back, and changes.
  const { page, seen } = await openLife('plan', '<passerelle-plan persist="local"></passerelle-plan>', { context });
  const widget = page.locator('passerelle-plan');
  await widget.locator('section.objective').first().waitFor();
  const select = widget.locator('li.action select').first();
  assert.equal(await select.inputValue(), 'in_progress');
  await select.selectOption('done');
  const planOf = () => page.evaluate(() => document.querySelector('passerelle-plan').plan);
  let plan = await planOf();
  assert.equal(plan.objectives[0].actions[0].status, 'done', 'the change is made');
  assert.ok(plan.history.at(-1).date >= '2031-06-02', 'dated no earlier than the last change');
  assert.equal(await widget.locator('#passerelle-plan-error').count(), 0);

  // A change the core refuses (here, of a step the plan does not have):
  // told in words by the list, which shows the plan's status again.
  const id = await select.getAttribute('id');
  await page.evaluate((id) => {
    document.querySelector('passerelle-plan').shadowRoot.getElementById(id).dataset.action = 'a999';
  }, id);
  await select.selectOption('dropped');
  const error = widget.locator('#passerelle-plan-error');
  await error.waitFor();
  assert.match(await error.textContent(), /Ce changement n’a pas été enregistré/);
  plan = await planOf();
  assert.equal(plan.objectives[0].actions[0].status, 'done');
  assert.equal(await widget.locator(`#${id}`).inputValue(), 'done', 'the list shows the plan, not the change refused');
  assert.equal(await widget.locator(`#${id}`).getAttribute('aria-describedby'), 'passerelle-plan-error');
  await checkState(page, 'plan-change-refused');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('an orientation taken off the page while its catalogue is fetched is made when put back', async () => {
  const local = JSON.parse(await (await fetch(new URL('data/catalogue-demo-local.json', baseUrl))).text());
  const desk = local.entries.find((entry) => entry.id === 'demo-permanence-logement');
  const name = 'Guichet hébergement de démonstration';
  const catalogue = JSON.stringify({ ...local, entries: [{ ...desk, themes: [SHELTER], name: { fr: name, en: name } }] });
  const { page, seen, context } = await openLife(
    'orientation',
    '<passerelle-orientation catalog-src="slow-catalogue.json"></passerelle-orientation>',
    { routes: { 'slow-catalogue.json': later(2000, catalogue) } },
  );
  await page.evaluate((value) => { document.querySelector('passerelle-orientation').diagnosis = value; }, diagnosis);
  await page.waitForFunction(() => document.querySelector('passerelle-orientation').widget !== null);
  // Off the page and back while the catalogue is on its way.
  await offAndBack(page, 'passerelle-orientation', 'task');
  await page.waitForFunction((name) => document.querySelector('passerelle-orientation')
    .shadowRoot.textContent.includes(name), name, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.querySelector('passerelle-orientation').widget !== null), true,
    'the element has its widget');
  const themes = await page.locator('passerelle-orientation section.need').evaluateAll(
    (sections) => sections.map((section) => section.dataset.theme),
  );
  assert.ok(themes.includes(SHELTER), JSON.stringify(themes));
  assert.deepEqual(await page.evaluate(() => window.passerelleErrors), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the questionnaire shown is the last questionnaire-src set, not the last response', async () => {
  const { page, seen, context } = await openLife('sources', '<passerelle-diagnostic></passerelle-diagnostic>', {
    routes: {
      'slow.json': later(1500, oneQuestion('slow', 'Question lente\u202f?')),
      'fast.json': later(100, oneQuestion('fast', 'Question rapide\u202f?')),
    },
  });
  const heading = page.locator('passerelle-diagnostic legend h3');
  await heading.waitFor();
  await page.evaluate(() => {
    const element = document.querySelector('passerelle-diagnostic');
    element.setAttribute('questionnaire-src', 'slow.json');
    element.setAttribute('questionnaire-src', 'fast.json');
  });
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('legend h3')?.textContent.includes('rapide'));
  // The slow response arrives after: it is dropped.
  await page.waitForTimeout(2000);
  assert.match(await heading.textContent(), /Question rapide/);
  assert.deepEqual(await page.evaluate(() => window.passerelleErrors), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the catalogue merged is the last catalog-src set, not the last response', async () => {
  const local = JSON.parse(await (await fetch(new URL('data/catalogue-demo-local.json', baseUrl))).text());
  // Two catalogues of one housing desk, named apart.
  const desk = local.entries.find((entry) => entry.id === 'demo-permanence-logement');
  const named = (name) => JSON.stringify({ ...local, entries: [{ ...desk, themes: [SHELTER], name: { fr: name, en: name } }] });
  const { page, seen, context } = await openLife('catalogues', '<passerelle-orientation></passerelle-orientation>', {
    routes: {
      'slow-catalogue.json': later(1500, named('Guichet lent')),
      'fast-catalogue.json': later(100, named('Guichet rapide')),
    },
  });
  await page.waitForFunction(() => document.querySelector('passerelle-orientation').widget !== null);
  await page.evaluate((value) => {
    const element = document.querySelector('passerelle-orientation');
    element.diagnosis = value;
    element.setAttribute('catalog-src', 'slow-catalogue.json');
    element.setAttribute('catalog-src', 'fast-catalogue.json');
  }, diagnosis);
  const text = () => page.locator('passerelle-orientation').evaluate((element) => element.shadowRoot.textContent);
  await page.waitForFunction(() => document.querySelector('passerelle-orientation')
    .shadowRoot.textContent.includes('Guichet rapide'));
  await page.waitForTimeout(2000);
  assert.ok((await text()).includes('Guichet rapide'));
  assert.ok(!(await text()).includes('Guichet lent'), 'the slow response is dropped');
  assert.deepEqual(await page.evaluate(() => window.passerelleErrors), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a name another script took first is told, not skipped in silence', async () => {
  const head = `<script>
    customElements.define('passerelle-diagnostic', class extends HTMLElement {});
  </script>`;
  const { page, seen, context } = await openLife('taken', '<passerelle-diagnostic></passerelle-diagnostic><passerelle-plan></passerelle-plan>', { head });
  await page.locator('passerelle-plan .help').waitFor();
  const errors = await page.evaluate(() => window.passerelleErrors);
  assert.deepEqual(errors.map((error) => [error.code, error.element]), [['element_name_taken', 'passerelle-diagnostic']]);
  assert.ok(seen.warnings.some((warning) => warning.includes('<passerelle-diagnostic>')), JSON.stringify(seen.warnings));
  assert.deepEqual(seen.errors, []);
  await context.close();
});
