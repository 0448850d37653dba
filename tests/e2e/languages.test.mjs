// The parcours in the languages of the people served: Arabic right to
// left and Ukrainian, by keyboard only, axe-core clean and without
// sideways scroll at 320 px; the language switched mid-questionnaire
// keeps every answer; a language the package does not have falls back
// along the documented chain and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, baseUrl, checkState } from './browser.mjs';
import { answerAll, focusedId, tabUntil } from './flow.mjs';

const HOST = new URL('e2e-languages/', baseUrl).href;

/** A page of a site in `lang` (its direction `dir`) holding `body`. */
function sitePage(lang, dir, title, body) {
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" href="data:,">
  <script type="module" src="../pkg/passerelle.js"></script>
  <script>
    window.passerelleEvents = [];
    for (const type of ['passerelle:language', 'passerelle:error']) {
      addEventListener(type, (event) => window.passerelleEvents.push({ type, detail: event.detail }));
    }
  </script>
</head>
<body>
  <main>
    <h1>${title}</h1>
    ${body}
  </main>
</body>
</html>`;
}

const PAGES = {
  'ar.html': sitePage('ar', 'rtl', 'مساعدة', '<passerelle-parcours></passerelle-parcours>'),
  'uk.html': sitePage('uk', 'ltr', 'Допомога', '<passerelle-parcours></passerelle-parcours>'),
  'en.html': sitePage('en', 'ltr', 'Help', '<passerelle-parcours></passerelle-parcours>'),
  'switch.html': sitePage('fr', 'ltr', 'Faire le point', '<div id="zone"><passerelle-diagnostic id="d"></passerelle-diagnostic></div>'),
  'auto.html': sitePage('fr', 'ltr', 'Faire le point', '<passerelle-diagnostic lang="auto"></passerelle-diagnostic>'),
  'menu.html': sitePage('fr', 'ltr', 'Faire le point', '<passerelle-parcours language-menu></passerelle-parcours>'),
  'dari.html': sitePage('fr', 'ltr', 'Faire le point', '<passerelle-diagnostic lang="prs"></passerelle-diagnostic><passerelle-diagnostic lang="de" id="de"></passerelle-diagnostic>'),
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(name, options = {}) {
  const context = await browser.newContext(options);
  await context.route(`${HOST}*`, (route) => {
    const body = PAGES[new URL(route.request().url()).pathname.split('/').pop()];
    if (!body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  const opened = await openPage(context, new URL(name, HOST).href);
  return { ...opened, context };
}

/** What a widget at `path` shows of its language: the question's words, direction, lang. */
function languageShown(page, path) {
  return page.evaluate((path) => {
    let root = document;
    for (const tag of path) root = root.querySelector(tag).shadowRoot;
    const legend = root.querySelector('form legend');
    const box = root.querySelector('.passerelle');
    return {
      question: root.querySelector('form')?.dataset.question ?? null,
      words: legend?.textContent ?? null,
      direction: legend ? getComputedStyle(legend).direction : null,
      lang: box?.closest('[lang]')?.getAttribute('lang') ?? null,
    };
  }, path);
}

/**
 * Every phone number the widgets show, through shadow roots: its text and
 * whether it is kept left to right inside the right-to-left text (an
 * element with dir="ltr", or a <bdi>, around it).
 */
function phoneNumbers(page) {
  return page.evaluate(() => {
    const found = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        const href = element.getAttribute('href') ?? '';
        if (element.localName === 'a' && /^(tel|sms):/.test(href)) {
          found.push({
            href,
            text: element.textContent,
            isolated: Boolean(element.closest('[dir=ltr], bdi')) || element.querySelector('[dir=ltr], bdi') !== null,
            direction: getComputedStyle(element).direction,
          });
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

const PATH = ['passerelle-parcours', 'passerelle-diagnostic'];
const PERSONA = {
  name: 'homeless tonight, 24, looking for work',
  answers: { sleep_tonight: 'street', age: '24', postal_code: '93200', employment_status: 'jobseeker' },
};

/** The whole parcours by keyboard in the language of the page; checks each step. */
async function wholeParcours(name, script) {
  const { page, seen, context } = await open(`${name}.html`);
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend').waitFor();
  const first = await languageShown(page, PATH);
  assert.match(first.words, script, `the first question in ${name}: ${first.words}`);
  await checkState(page, `${name}-questions`);

  await answerAll(page, PATH, PERSONA);
  await parcours.locator('passerelle-diagnostic #passerelle-end').waitFor();
  assert.equal(await focusedId(page), 'passerelle-end', 'the urgent contacts come first');
  const numbers = await phoneNumbers(page);
  const shelter = numbers.find((number) => number.href === 'tel:115');
  assert.ok(shelter, `the 115 is a link: ${JSON.stringify(numbers)}`);
  await checkState(page, `${name}-end`);

  await tabUntil(page, 'passerelle-go-1');
  await page.keyboard.press('Enter');
  await parcours.locator('passerelle-orientation section.need').first().waitFor();
  const needTitle = await parcours.locator('passerelle-orientation section.need h3').first().textContent();
  assert.match(needTitle, script, `the needs in ${name}: ${needTitle}`);
  await checkState(page, `${name}-orientation`);

  await tabUntil(page, 'passerelle-step-button-2', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await tabUntil(page, 'passerelle-build-plan');
  await page.keyboard.press('Enter');
  await parcours.locator('passerelle-plan section.objective').first().waitFor();
  const objective = await parcours.locator('passerelle-plan section.objective h3').first().textContent();
  assert.match(objective, script, `the plan in ${name}: ${objective}`);
  await checkState(page, `${name}-plan`);

  const all = await phoneNumbers(page);
  assert.deepEqual(seen.errors, []);
  const origin = new URL(baseUrl).origin;
  assert.deepEqual(seen.requests.filter((url) => new URL(url).origin !== origin), []);
  const fetched = seen.requests.filter((url) => url.includes('/locales/'));
  await context.close();
  return { first, numbers: all, fetched };
}

test('the whole parcours in Arabic, right to left, by keyboard', async () => {
  const { first, numbers, fetched } = await wholeParcours('ar', /[\u0600-\u06FF]/);
  assert.equal(first.direction, 'rtl');
  assert.equal(first.lang, 'ar');
  // Phone numbers stay left to right inside the Arabic text: a number
  // written in groups ("01 23 45 67 89") is isolated, not reordered.
  assert.ok(numbers.length > 0);
  const grouped = numbers.filter((number) => /\d[\s\u00a0\u202f]\d/.test(number.text));
  assert.ok(grouped.length > 0, `a partner's number in groups is shown: ${JSON.stringify(numbers)}`);
  for (const number of grouped) assert.ok(number.isolated || number.direction === 'ltr', JSON.stringify(number));
  // Only the page's language was fetched.
  assert.deepEqual(fetched.map((url) => new URL(url).pathname.split('/').pop()), ['ar.json']);
});

test('the whole parcours in Ukrainian, by keyboard', async () => {
  const { first, fetched } = await wholeParcours('uk', /[\u0400-\u04FF]/);
  assert.equal(first.direction, 'ltr');
  assert.equal(first.lang, 'uk');
  assert.deepEqual(fetched.map((url) => new URL(url).pathname.split('/').pop()), ['uk.json']);
});

test('English is a file like the others: an English page fetches en.json and reads English; a French page fetches no language', async () => {
  const english = await open('en.html');
  await english.page.locator('passerelle-parcours passerelle-diagnostic legend').waitFor();
  const first = await languageShown(english.page, PATH);
  assert.match(first.words, /Where will you sleep tonight\?/, first.words);
  assert.equal(first.lang, 'en');
  const names = (seen) => seen.requests.filter((url) => url.includes('/locales/'))
    .map((url) => new URL(url).pathname.split('/').pop());
  assert.deepEqual(names(english.seen), ['en.json']);
  assert.deepEqual(english.seen.errors, []);
  await english.context.close();

  const french = await open('switch.html');
  await french.page.locator('passerelle-diagnostic legend').waitFor();
  const premier = await languageShown(french.page, ['passerelle-diagnostic']);
  assert.match(premier.words, /Où allez-vous dormir ce soir/, premier.words);
  assert.deepEqual(names(french.seen), []);
  await french.context.close();
});

test('switching language mid-questionnaire keeps every answer, live from the element or an ancestor', async () => {
  const { page, seen, context } = await open('switch.html');
  const widget = page.locator('passerelle-diagnostic');
  await widget.locator('legend').waitFor();
  const path = ['passerelle-diagnostic'];
  const at = await answerAll(page, path, {
    name: 'three answers',
    answers: { sleep_tonight: 'hosted', food_today: 'yes' },
  }, { until: 'danger_at_home' });
  assert.equal(at, 'danger_at_home');
  const french = await languageShown(page, path);

  // The element's own lang: Arabic, right to left, the same question.
  await widget.evaluate((element) => element.setAttribute('lang', 'ar'));
  await page.waitForFunction(() => /[\u0600-\u06FF]/.test(
    document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('form legend')?.textContent ?? ''));
  const arabic = await languageShown(page, path);
  assert.equal(arabic.question, french.question);
  assert.equal(arabic.direction, 'rtl');

  // Back one question: the answer given in French is still chosen.
  await tabUntil(page, 'passerelle-back');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('form')?.dataset.question === 'food_today');
  const checked = await widget.evaluate((element) => element.shadowRoot.querySelector('input:checked')?.value ?? null);
  assert.equal(checked, 'yes');

  // Without its own lang, it follows its ancestor's, live.
  await widget.evaluate((element) => element.removeAttribute('lang'));
  await page.evaluate(() => document.getElementById('zone').setAttribute('lang', 'uk'));
  await page.waitForFunction(() => /[\u0400-\u04FF]/.test(
    document.querySelector('passerelle-diagnostic').shadowRoot.querySelector('form legend')?.textContent ?? ''));
  const ukrainian = await languageShown(page, path);
  assert.equal(ukrainian.question, 'food_today');
  assert.equal(ukrainian.direction, 'ltr');
  assert.equal(await widget.evaluate((element) => element.shadowRoot.querySelector('input:checked')?.value ?? null), 'yes');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a variety and a language the package does not have fall back along the chain, and say so', async () => {
  const { page, seen, context } = await open('dari.html');
  await page.locator('passerelle-diagnostic >> nth=1').locator('legend').waitFor();
  await page.waitForFunction(() => window.passerelleEvents.filter((event) => event.type === 'passerelle:language').length === 2);
  const events = await page.evaluate(() => window.passerelleEvents.map((event) => event.detail));
  assert.deepEqual(events.map((detail) => [detail.asked, detail.shown]).sort(), [['de', 'en'], ['prs', 'fa']]);
  const persian = await page.evaluate(() => document.querySelector('passerelle-diagnostic')
    .shadowRoot.querySelector('form legend').textContent);
  assert.match(persian, /[\u0600-\u06FF]/);
  const german = await page.evaluate(() => document.getElementById('de')
    .shadowRoot.querySelector('form legend').textContent);
  assert.match(german, /^[\x20-\x7E’]+$/, german);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the language menu lists the languages by their own names and switches the whole parcours', async () => {
  const { page, seen, context } = await open('menu.html');
  const parcours = page.locator('passerelle-parcours');
  await parcours.locator('passerelle-diagnostic legend').waitFor();
  const menu = parcours.locator('select#passerelle-language-menu');
  await menu.waitFor();
  const names = await menu.locator('option').allTextContents();
  assert.deepEqual(names, ['Français', 'English', 'Español', 'العربية', 'فارسی', 'پښتو', 'Русский', 'Українська']);
  assert.equal(await parcours.locator('label[for=passerelle-language-menu]').textContent(), 'Langue');
  await checkState(page, 'language-menu');
  // By keyboard: to the menu, then Ukrainian.
  await tabUntil(page, 'passerelle-language-menu');
  await menu.selectOption('uk');
  await page.waitForFunction(() => /[\u0400-\u04FF]/.test(document.querySelector('passerelle-parcours')
    .shadowRoot.querySelector('passerelle-diagnostic').shadowRoot.querySelector('form legend')?.textContent ?? ''));
  assert.equal(await parcours.getAttribute('lang'), 'uk');
  assert.equal(await parcours.locator('label[for=passerelle-language-menu]').textContent(), 'Мова');
  assert.equal(await menu.inputValue(), 'uk');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('lang="auto" follows the browser\'s languages', async () => {
  const { page, seen, context } = await open('auto.html', { locale: 'ru-RU' });
  await page.locator('passerelle-diagnostic').locator('legend').waitFor();
  const shown = await languageShown(page, ['passerelle-diagnostic']);
  assert.match(shown.words, /[\u0400-\u04FF]/, shown.words);
  assert.equal(shown.lang, 'ru');
  const events = await page.evaluate(() => window.passerelleEvents.filter((event) => event.type === 'passerelle:language'));
  assert.deepEqual(events, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
