// The national orientation at the end of the parcours (issue 23): a person
// answers by keyboard on a 375 px phone, and the help and services end
// with the indicative pathway, who would follow them, the reasons in
// words and who decides; then, for a person far from work, the IAE
// criteria they meet with the papers to show. In French, then in English
// for another person, with axe-core at each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, tabUntil } from './flow.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PATH = ['passerelle-parcours', 'passerelle-diagnostic'];

/** What the national section of the parcours' orientation shows. */
function national(page) {
  return page.evaluate(() => {
    const orientation = document.querySelector('passerelle-parcours').shadowRoot
      .querySelector('passerelle-orientation').shadowRoot;
    const section = orientation.querySelector('section.national');
    if (!section) return null;
    const texts = (selector) => [...section.querySelectorAll(selector)].map((node) => node.textContent);
    return {
      pathway: section.dataset.pathway,
      title: section.querySelector('h3').textContent,
      labelled: section.getAttribute('aria-labelledby') === section.querySelector('h3').id,
      said: texts('p.pathway')[0],
      organism: section.querySelector('p.organism')?.dataset.organism ?? null,
      organismText: texts('p.organism')[0] ?? null,
      reasons: [...section.querySelectorAll('ul.reasons li')].map((item) => [item.dataset.criterion, item.textContent]),
      hints: texts('p.hint'),
      decision: texts('p.decision')[0],
      last: section.querySelector('h3 ~ p.decision') !== null,
      iae: section.querySelector('.iae') ? {
        kinds: [...section.querySelectorAll('p.iae-kind')].map((p) => [p.dataset.kind, p.dataset.status]),
        met: texts('ul.iae-met li'),
      } : null,
      lang: section.closest('[lang]')?.getAttribute('lang'),
    };
  });
}

/** Answers the questions by keyboard, then goes on to the help and services. */
async function toOrientation(page, persona) {
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend h3').waitFor();
  await answerAll(page, PATH, persona);
  await parcours.locator('passerelle-diagnostic #passerelle-end').waitFor();
  await tabUntil(page, 'passerelle-go-1');
  await page.keyboard.press('Enter');
  await parcours.locator('passerelle-orientation section.national').waitFor();
}

const CALM = { food_today: 'yes', danger_at_home: 'no', child_in_danger: 'no', urgent_care: 'no' };

test('on the RSA, out of work for years, wanting to work but too ill to look for now: the parcours ends with the social pathway, the département, and who decides, which the plan says too', async () => {
  const { page, seen } = await openPage(browser, new URL('parcours.html', baseUrl).href);
  await page.setViewportSize({ width: 375, height: 740 });
  await toOrientation(page, {
    name: 'on the RSA, 41, ill',
    answers: {
      ...CALM, sleep_tonight: 'home', age: '41', postal_code: '93200', employment_status: 'inactive',
      registered_jobseeker: 'no', worked_last_24_months: 'no', aspiration: 'project_to_build', benefits: ['rsa'],
      rqth: 'no', support_in_progress: ['rsa_referent'], qualification_level: 'cap_bep', nationality: 'french',
      housing_status: 'tenant', children_count: '0', monthly_resources: '600',
      health_difficulty: 'a_lot', health_now: 'yes', health_impact: 'strong', driving_licence: 'yes', vehicle: 'no',
    },
  });
  const shown = await national(page);
  assert.equal(shown.pathway, 'social');
  assert.ok(shown.labelled, 'the section is named by its heading');
  assert.equal(shown.title, 'Votre accompagnement vers l’emploi (indicatif)');
  assert.match(shown.said, /^Parcours social/);
  assert.equal(shown.organism, 'departement');
  assert.match(shown.organismText, /le département/);
  assert.deepEqual(shown.reasons, [
    ['recent_activity', 'Vous n’avez pas travaillé ces 24 derniers mois.'],
    ['strong_difficulty', 'Une difficulté vous empêche de chercher un travail pour le moment.'],
    ['rsa', 'Vous avez le RSA.'],
  ]);
  assert.equal(shown.decision, 'Ce n’est pas une décision. Pour le RSA, c’est le président du conseil départemental qui décide.');
  assert.deepEqual(shown.iae.kinds, [['aci-ei', 'met'], ['ai-etti', 'met']]);
  // The paper to show, and how recent it must be (French spaces: \s).
  assert.ok(shown.iae.met.some((line) => /^Vous avez le RSA\s:\sAttestation RSA, datant de moins de 3\smois$/u.test(line)),
    JSON.stringify(shown.iae.met));
  // Nothing wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 375, `the page is ${overflow} px wide`);
  await checkState(page, 'national-social-fr');
  // A site that does not orient towards work hides it: national="off".
  await page.evaluate(() => document.querySelector('passerelle-parcours').shadowRoot
    .querySelector('passerelle-orientation').setAttribute('national', 'off'));
  await page.waitForFunction(() => !document.querySelector('passerelle-parcours').shadowRoot
    .querySelector('passerelle-orientation').shadowRoot.querySelector('section.national'));

  // The plan built with the person says which pathway it is part of.
  const parcours = page.locator('passerelle-parcours');
  await tabUntil(page, 'passerelle-step-button-2', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await tabUntil(page, 'passerelle-build-plan');
  await page.keyboard.press('Enter');
  const onPlan = parcours.locator('passerelle-plan section.national');
  await onPlan.waitFor();
  assert.equal(await onPlan.getAttribute('data-pathway'), 'social');
  assert.match(await onPlan.textContent(), /président du conseil départemental qui décide/);
  assert.equal(await parcours.locator('passerelle-plan section.national .iae').count(), 0, 'no IAE on the plan');
  await checkState(page, 'national-social-fr-plan');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('in English, a young person followed by the Mission locale: the socio-professional pathway with the Mission locale, who decides with them', async () => {
  const { page, seen } = await openPage(browser, new URL('parcours.html', baseUrl).href);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.evaluate(() => document.querySelector('passerelle-parcours').setAttribute('lang', 'en'));
  await toOrientation(page, {
    name: 'young, Mission locale, English',
    answers: {
      ...CALM, sleep_tonight: 'home', age: '22', postal_code: '93200', employment_status: 'jobseeker',
      registered_jobseeker: 'yes', registered_duration: 'under_12_months', worked_last_24_months: 'yes',
      aspiration: 'project_to_build', benefits: ['none'], rqth: 'no', support_in_progress: ['mission_locale'],
      qualification_level: 'no_diploma', left_child_welfare: 'no', nationality: 'french', housing_status: 'hosted',
      children_count: '0', monthly_resources: '300', mobility_difficulty: 'some', mobility_now: 'yes',
      mobility_impact: 'moderate', driving_licence: 'no', vehicle: 'no',
    },
  });
  const shown = await national(page);
  assert.equal(shown.lang, 'en');
  assert.equal(shown.pathway, 'socio_professional');
  assert.equal(shown.title, 'Your support towards work (indicative)');
  assert.match(shown.said, /^Socio-professional pathway/);
  assert.equal(shown.organism, 'mission_locale');
  assert.equal(shown.organismText, 'Who would support you: the Mission locale');
  assert.deepEqual(shown.reasons.map(([criterion]) => criterion),
    ['difficulty_with_impact', 'young', 'asks_mission_locale']);
  assert.equal(shown.reasons[0][1], 'Difficulties get in the way of looking for work.');
  assert.equal(shown.decision, 'This is not a decision. If you ask it, the Mission locale decides with you.');
  assert.ok(shown.iae, 'a person far from work sees the IAE pre-check');
  await checkState(page, 'national-socio-en');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
