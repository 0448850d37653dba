// Start-up in the browser: the time from the module's import to the first
// question shown by <passerelle-diagnostic>, in headless Chromium, over
// fresh page loads, with an empty HTTP cache and with a warm one.
import { median, stats } from './lib/measure.mjs';
import { serve } from './lib/serve.mjs';

/**
 * The page: marks `import-start`, imports the package, and marks
 * `first-question` as soon as the element's shadow root holds the first
 * question's form. Shadow roots are not seen by a MutationObserver on the
 * document, so `attachShadow` is wrapped to observe each new root from its
 * start (the callback runs right after the mutation, before any paint).
 */
const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Passerelle start-up</title></head>
<body>
<passerelle-diagnostic></passerelle-diagnostic>
<script type="module">
const element = document.querySelector('passerelle-diagnostic');
const done = new Promise((resolve) => {
  const check = (root) => {
    const form = root?.querySelector('form[data-question]');
    if (form) resolve(form.dataset.question);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this === element) {
      new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true, attributes: true });
    }
    return root;
  };
  window.__check = () => check(element.shadowRoot);
});
performance.mark('import-start');
await import('/pkg/passerelle.js');
performance.mark('imported');
window.__check();
const question = await done;
performance.mark('first-question');
const total = performance.measure('start-up', 'import-start', 'first-question').duration;
const imported = performance.measure('import', 'import-start', 'imported').duration;
const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
window.__startup = {
  question,
  total,
  imported,
  wasmFetched: wasm ? wasm.responseEnd - performance.getEntriesByName('import-start')[0].startTime : null,
  wasmBytes: wasm ? wasm.transferSize : null,
};
</script>
</body>
</html>
`;

/** One page load in `context`: what the page measured. Throws on any page error. */
async function loadOnce(context, url) {
  const page = await context.newPage();
  const errors = [];
  const failed = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (${response.status()})`);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__startup, null, { timeout: 20000 });
    const result = await page.evaluate(() => window.__startup);
    if (errors.length > 0 || failed.length > 0) {
      throw new Error(`start-up benchmark: the page failed: ${[...errors, ...failed].join('; ')}`);
    }
    return result;
  } finally {
    await page.close();
  }
}


export async function run({ quick, chromium }) {
  if (!chromium) return null;
  const { chromium: launcher } = await import('playwright-core');
  const loads = quick ? 3 : 20;
  const server = await serve(PAGE);
  const browser = await launcher.launch(chromium);
  const runs = { cold: [], warm: [] };
  let warmRequests = [];
  try {
    // Cold: every load in a new browser context, whose HTTP cache is empty.
    for (let i = 0; i < loads; i += 1) {
      const context = await browser.newContext();
      try {
        runs.cold.push(await loadOnce(context, server.url));
      } finally {
        await context.close();
      }
    }
    // Warm: one context; a first load (not counted) fills its cache, then
    // every load in a new page of that context.
    const context = await browser.newContext();
    try {
      await loadOnce(context, server.url);
      const before = server.served.length;
      for (let i = 0; i < loads; i += 1) runs.warm.push(await loadOnce(context, server.url));
      warmRequests = server.served.slice(before).filter(({ pathname }) => pathname.startsWith('/pkg/'));
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const all = [...runs.cold, ...runs.warm];
  const questions = new Set(all.map((result) => result.question));
  if (questions.size !== 1 || !questions.has('sleep_tonight')) {
    throw new Error(`start-up benchmark: the first question shown is ${[...questions].join(', ')}, not sleep_tonight`);
  }
  const wasmBytes = runs.cold[0].wasmBytes;
  const cached = runs.warm.filter((result) => result.wasmBytes === 0).length;
  const ms = (value) => `${Math.round(value)} ms`;
  const part = (name, key) => `${name} ${ms(median(runs[key].map((r) => r.imported)))} to import the module, ` +
    `${ms(median(runs[key].map((r) => r.wasmFetched)))} until the \`.wasm\` was received`;
  const version = browser.version();
  return {
    id: 'startup',
    title: 'Start-up in the browser',
    description:
      `Headless Chromium ${version} (\`playwright-core\`) loads a page served from Node on 127.0.0.1 ` +
      `(the package's folder as it is, \`.wasm\` as \`application/wasm\`, files cacheable for an hour; no network ` +
      `latency or bandwidth limit). The page holds \`<passerelle-diagnostic>\` (default questionnaire; the national catalogue, a file, is fetched after the first question; ` +
      `French) and an inline module that marks \`import-start\`, runs \`await import('/pkg/passerelle.js')\`, and marks ` +
      `\`first-question\` as soon as the element's shadow root holds the first question's \`form[data-question]\` ` +
      `(a MutationObserver on the shadow root from its creation); the time is the \`performance.measure\` between the ` +
      `two marks: fetching and evaluating the JavaScript, fetching and compiling the WebAssembly module ` +
      `(${wasmBytes ? `${Math.round(wasmBytes / 1024)} KiB transferred, ` : ''}uncompressed), building the engine ` +
      `with its questionnaire, and rendering the first question into the DOM (not painting it). ` +
      `Each of the ${loads} loads is a fresh page. **Cold cache**: each page in a new browser context, with an ` +
      `empty HTTP cache. **Warm cache**: every page in one context whose cache a first load (not counted) filled, ` +
      `as for a returning visitor (Chromium may also reuse the compiled WebAssembly it cached). Medians of the ` +
      `parts: ${part('cold,', 'cold')}; ${part('warm,', 'warm')}.`,
    checks: [
      `Every load (${all.length}) showed the default questionnaire's first question (sleep_tonight), with no page error, failed request or HTTP error.`,
      `Warm loads: ${warmRequests.length} requests for the package's files reached the server; the \`.wasm\` came from the HTTP cache in ${cached} of ${loads} loads.`,
    ],
    cases: [
      { name: 'module import to first question, cold cache', n: loads, baseline: 'Passerelle', results: [stats('Passerelle', runs.cold.map((r) => r.total))] },
      { name: 'module import to first question, warm cache', n: loads, baseline: 'Passerelle', results: [stats('Passerelle', runs.warm.map((r) => r.total))] },
    ],
  };
}
