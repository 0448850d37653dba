// The questions about school, the household, health, stay and income from work,
// worded as in the default questionnaire, walked by keyboard on a 375 px
// phone: each shown with its help, checked by axe-core, reflowed and
// photographed (situation-<id>-phone.png); the ground of stay offers
// "Je préfère ne pas répondre" and says why it is asked, and skipping it
// asks nothing more about it.
//
// The widget adapts the questions to the national catalogue: it asks a
// question only when its answer can change something. So that each
// question shows whatever the catalogue's rules read today, the page's
// questionnaire is the default one's own questions followed by a last
// question whose condition reads their facts (a question is worth asking
// when a later question's condition reads its fact).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, focusedId } from './flow.mjs';

const SITE = new URL('e2e-situation/', baseUrl).href;
const DEFAULT = new URL('../../crates/passerelle-core/data/questionnaire.json', import.meta.url);

/** The questions shown, in the default questionnaire's order. */
const SHOWN = [
  'in_education', 'work_income', 'benefits', 'disability', 'residence_status', 'months_in_france',
  'lives_in_qpv', 'couple', 'pregnant',
];

/** The default questionnaire's questions this page needs, then the last one. */
function questionnaire() {
  const all = JSON.parse(readFileSync(DEFAULT, 'utf8'));
  const situation = all.sections.find((section) => section.id === 'situation');
  const wanted = new Set([
    'age', 'employment_status', 'nationality', 'children_count', 'youngest_child_age', ...SHOWN,
  ]);
  const questions = situation.questions.filter((question) => wanted.has(question.id));
  assert.deepEqual(
    questions.map((question) => question.id).filter((id) => SHOWN.includes(id)),
    SHOWN,
    'the default questionnaire has every question of this walk',
  );
  questions.push({
    id: 'talk_it_over',
    kind: { type: 'yes_no' },
    label: { fr: 'Voulez-vous en parler avec un conseiller ?', en: 'Would you like to talk it over with an adviser?' },
    help: { fr: 'Il ou elle vous aidera pour vos démarches.', en: 'They will help you with what to do.' },
    ask_when: {
      any: [
        { equals: { fact: 'in_education', value: true } },
        { compare: { fact: 'work_income', op: '>=', value: 0 } },
        { has_any: { fact: 'benefits', values: ['apl'] } },
        { has_any: { fact: 'disability', values: ['cmi_invalidite', 'invalidity_pension', 'health_limits_work'] } },
        { equals: { fact: 'residence_status', value: 'refugee' } },
        { compare: { fact: 'months_in_france', op: '>=', value: 0 } },
        { equals: { fact: 'lives_in_qpv', value: true } },
        { equals: { fact: 'couple', value: true } },
        { equals: { fact: 'pregnant', value: true } },
      ],
    },
  });
  return { ...all, id: 'e2e-situation', sections: [{ ...situation, questions }] };
}

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Votre situation</title>
  <link rel="icon" href="data:,">
  <script type="module" src="../pkg/passerelle.js"></script>
</head>
<body>
  <main>
    <h1>Votre situation</h1>
    <passerelle-diagnostic questionnaire-src="situation.json"></passerelle-diagnostic>
  </main>
</body>
</html>
`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page, on a phone, once its first question shows. */
async function openSituation() {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const body = { 'index.html': PAGE, 'situation.json': JSON.stringify(questionnaire()) };
  await context.route(`${SITE}*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (!(name in body)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      contentType: name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/json',
      body: body[name],
    });
  });
  const { page, seen } = await openPage(context, new URL('index.html', SITE).href);
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot?.querySelector('form')?.dataset.question === 'age');
  return { page, seen, context, widget: page.locator('passerelle-diagnostic') };
}

const PATH = ['passerelle-diagnostic'];

test('each question about the household, health, stay and income from work shows with its help, by keyboard on a phone, without violations', async () => {
  const { page, seen, context, widget } = await openSituation();
  const person = {
    name: 'a refugee of 29 working part-time, a toddler, not in a couple',
    answers: {
      age: '29', employment_status: 'employed', in_education: 'no', work_income: '900', benefits: ['apl', 'c2s'],
      disability: ['health_limits_work'], nationality: 'non_eu', residence_status: 'refugee',
      months_in_france: '40', lives_in_qpv: 'not_sure', children_count: '1',
      youngest_child_age: '2', couple: 'no', pregnant: 'no', talk_it_over: 'yes',
    },
  };
  for (const id of SHOWN) {
    assert.equal(await answerAll(page, PATH, person, { until: id }), id, `${id} is asked`);
    assert.equal(await focusedId(page), 'passerelle-question', `${id}: the focus is on the question`);
    const help = await widget.locator('#passerelle-help').textContent();
    assert.ok(help.length > 20, `${id} has its help: ${help}`);
    await checkState(page, `situation-${id}`);
  }
  assert.equal(await answerAll(page, PATH, person), null, 'the end shows');
  assert.deepEqual(seen.errors, []);
  const complete = await page.evaluate(() => window.passerelleEvents.find((event) => event.type === 'passerelle:diagnosis-complete')?.detail);
  assert.equal(complete.diagnosis.facts.residence_status, 'refugee');
  assert.equal(complete.diagnosis.facts.residence_permit_work, true, 'a refugee may work: not asked');
  assert.equal(complete.diagnosis.facts.single_parent, true, 'not in a couple, a toddler: raising the child alone');
  assert.equal(complete.diagnosis.facts.work_income, 900);
  assert.deepEqual(complete.diagnosis.facts.disability, ['health_limits_work']);
  assert.equal('lives_in_qpv' in complete.diagnosis.facts, false, '"Je ne sais pas" leaves it unknown');
  await context.close();
});

test('the ground of stay says why it is asked, is no check, and "Je préfère ne pas répondre" asks nothing more about it', async () => {
  const { page, context, widget } = await openSituation();
  const person = {
    name: 'a person who would rather not say their ground of stay',
    answers: { age: '41', employment_status: 'jobseeker', nationality: 'non_eu' },
  };
  assert.equal(await answerAll(page, PATH, person, { until: 'residence_status' }), 'residence_status');
  assert.equal(await widget.locator('legend h3').textContent(), 'Quelle est votre situation de séjour en France\u202f?');
  const help = await widget.locator('#passerelle-help').textContent();
  assert.match(help, /^Nous le demandons seulement parce que certaines aides en dépendent\. Ce n’est pas un contrôle/);
  const skip = widget.locator('#passerelle-skip');
  assert.equal(await skip.textContent(), 'Je préfère ne pas répondre');
  const options = await widget.locator('input[type=radio]').evaluateAll((inputs) => inputs.map((input) => input.value));
  assert.deepEqual(options, [
    'residence_permit', 'refugee', 'subsidiary_protection', 'temporary_protection',
    'asylum_seeker', 'no_permit', 'not_sure',
  ]);
  await skip.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('form')?.dataset.question !== 'residence_status');
  const next = await page.evaluate(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('form')?.dataset.question);
  assert.equal(next, 'months_in_france', 'no question about a permit follows');
  await checkState(page, 'situation-after-skipping-the-ground-of-stay');
  await context.close();
});
