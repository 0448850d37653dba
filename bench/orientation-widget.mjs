// <passerelle-orientation> with a local catalogue at data·inclusion scale,
// in headless Chromium: what the person waits for when the widget shows a
// new orientation, changes a filter, or draws the next proposals of a list
// ("Voir la suite"), and how many proposals the page then holds.
import { stats } from './lib/measure.mjs';
import { localCatalogue, localEntries } from './lib/catalogues.mjs';
import { serve } from './lib/serve.mjs';
// The e2e tests' diagnosis: a jobseeker of 23 in Seine-Saint-Denis with
// nowhere to sleep tonight (housing and work).
import { diagnosis as DIAGNOSIS } from '../tests/e2e/fixtures.mjs';

const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Passerelle orientation</title></head>
<body>
<passerelle-orientation></passerelle-orientation>
<script type="module">
await import('/pkg/passerelle.js');
const element = document.querySelector('passerelle-orientation');
while (!element.widget) await new Promise((resolve) => setTimeout(resolve, 20));
window.__ready = true;
</script>
</body>
</html>
`;

/**
 * In the page: the diagnosis given, then `rounds` times each of: the local
 * catalogue given (a new orientation), "only what I am entitled to" ticked
 * and unticked, and "Voir la suite" pressed on the first folded list. Each
 * time is a `performance.now()` around the call, which draws synchronously.
 */
function inPage({ text, diagnosis, rounds }) {
  const element = document.querySelector('passerelle-orientation');
  const root = element.shadowRoot;
  const time = (action) => {
    const start = performance.now();
    action();
    return performance.now() - start;
  };
  element.widget.setDiagnosis(diagnosis);
  const times = { orientation: [], filter: [], next: [] };
  let drawn = 0;
  let listed = 0;
  for (let round = 0; round < rounds; round += 1) {
    times.orientation.push(time(() => element.widget.setLocalCatalogue(text)));
    drawn = root.querySelectorAll('li.proposal').length;
    // What the lists hold in all: their first proposals and the counts the
    // folded ones say ("Voir plus (N)", "N autres ne sont pas pour vous").
    listed = [...root.querySelectorAll('section.need')].reduce((sum, section) => sum
      + section.querySelectorAll(':scope > ul.proposals > li.proposal').length
      + [...section.querySelectorAll(':scope > details > summary')]
        .reduce((inner, summary) => inner + Number((summary.firstChild.textContent.match(/\d[\d\u202f\u00a0 ]*/) ?? ['0'])[0].replace(/\D/g, '')), 0), 0);
    const only = root.getElementById('passerelle-only-eligible');
    times.filter.push(time(() => only.click()));
    times.filter.push(time(() => only.click()));
    const button = root.querySelector('details.more > button.show-next');
    if (button) times.next.push(time(() => button.click()));
  }
  return { times, drawn, listed, needs: root.querySelectorAll('section.need').length };
}

export async function run({ quick, chromium }) {
  if (!chromium) return null;
  const { chromium: launcher } = await import('playwright-core');
  const sizes = quick ? [1000] : [1000, 10000];
  const rounds = quick ? 2 : 8;
  const server = await serve(PAGE);
  const browser = await launcher.launch(chromium);
  const measured = [];
  try {
    for (const n of sizes) {
      const text = JSON.stringify(localCatalogue(localEntries(n)));
      const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      try {
        await page.goto(server.url);
        await page.waitForFunction(() => window.__ready, null, { timeout: 20000 });
        const result = await page.evaluate(inPage, { text, diagnosis: DIAGNOSIS, rounds });
        if (errors.length > 0) throw new Error(`orientation widget benchmark: the page failed: ${errors.join('; ')}`);
        if (result.needs !== 2) throw new Error(`orientation widget benchmark: ${result.needs} needs shown, not 2`);
        if (result.times.next.length !== rounds) throw new Error('orientation widget benchmark: no "Voir la suite" to press');
        measured.push({ n, ...result });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const version = browser.version();
  const cases = [];
  for (const { n, times } of measured) {
    cases.push(
      { name: 'a local catalogue given: a new orientation drawn', n, baseline: 'Passerelle', results: [stats('Passerelle', times.orientation)] },
      { name: '"only what I am entitled to" ticked or unticked', n, baseline: 'Passerelle', results: [stats('Passerelle', times.filter)] },
      { name: '"Voir la suite": the next 20 proposals drawn', n, baseline: 'Passerelle', results: [stats('Passerelle', times.next)] },
    );
  }
  return {
    id: 'orientation-widget',
    title: 'Orientation widget with a local catalogue at data·inclusion scale',
    description:
      `Headless Chromium ${version} (\`playwright-core\`), a phone's viewport (375 × 740), no CPU or network slowdown. ` +
      `A page served from Node on 127.0.0.1 holds \`<passerelle-orientation>\` (French); it is given a diagnosis ` +
      `(a jobseeker of 23 in Seine-Saint-Denis with nowhere to sleep tonight: two needs, housing and work), then, ` +
      `${rounds} times, a generated local catalogue of N services (the catalogue load benchmark's, \`bench/lib/catalogues.mjs\`) ` +
      `with \`widget.setLocalCatalogue(text)\`: the catalogue read and merged, the orientation worked out with its ` +
      `explanations and drawn (the \`passerelle:orientation\` event's detail is worked out only when read, and is not read here). ` +
      `Then "only what I am entitled to" ticked and unticked (the lists drawn again) and "Voir la suite" pressed on the first ` +
      `need's "Voir plus" list (20 more drawn, the focus moved). Each time is \`performance.now()\` around the call, which draws ` +
      'synchronously (layout and paint come after and are not counted).',
    checks: measured.map(({ n, drawn, listed }) =>
      `N = ${n.toLocaleString('en')}: both needs shown; the page held ${drawn.toLocaleString('en')} proposals after a new ` +
      `orientation, of ${listed.toLocaleString('en')} that its lists count (each list draws 20, then 20 more at each "Voir la suite").`),
    cases,
  };
}
