// The slow-phone profile (issue 20): a French page with
// <passerelle-diagnostic>, served gzip-compressed, loaded in headless
// Chromium under the "slow 4G" network and a 4× slower CPU. Measured on
// each load, from the navigation's start: when the emergency numbers are
// readable, when the first question is shown, the bytes that came before
// it (and which files), and when the catalogue came. Cold (an empty HTTP
// cache) and warm (a returning visitor).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { median, stats } from './lib/measure.mjs';
import { packageDir } from './lib/package.mjs';
import { serve } from './lib/serve.mjs';

/**
 * The network profiles, as `Network.emulateNetworkConditions` takes them
 * (latency in ms, throughputs in bytes a second). `issue` is the issue's
 * "slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up. `devtools` is
 * Chromium DevTools' own "Slow 4G" preset (ChromeDevTools/devtools-frontend,
 * front_end/core/sdk/NetworkManager.ts, `Slow4GConditions`): the same
 * targets, with the adjustments DevTools applies because it delays each
 * request, not each packet: latency 150 × 3.75 = 562.5 ms, throughputs × 0.9.
 */
export const PROFILES = {
  issue: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  devtools: { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
};
const CPU_SLOWDOWN = 4;

/** The budgets of issue 20. */
const BUDGET = { question: 2000, numbers: 1000, kilobytes: 250 };

/**
 * The page: French, a phone's viewport, the package's module in the head
 * as the demo's pages load it, a heading and a sentence, and the element.
 * A classic script before the module wraps `attachShadow`, to watch the
 * element's shadow root from its creation (a MutationObserver on the
 * document does not see inside it): it notes when the emergency numbers
 * (the shim's `part="emergency-numbers"`, shown before the module
 * arrives) are in the DOM and visible, and when the first question's
 * `form[data-question]` is there; and it notes when the WebAssembly is
 * compiled and instantiated (`WebAssembly.instantiateStreaming` or
 * `instantiate` resolved: the module's own readiness, not `load()`'s,
 * which waits for the catalogue too). A module after the element notes
 * when `passerelle.js` has run.
 */
const PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Faire le point sur votre situation</title>
<style>body { margin: 0 1rem; font: 1rem/1.5 system-ui, sans-serif; } main { max-width: 40rem; }</style>
<script>
(() => {
  const marks = { numbers: null, numbersFrame: null, question: null, questionId: null };
  let finish;
  window.__slow = { marks, done: new Promise((resolve) => { finish = resolve; }) };
  const visible = (element) => {
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top < innerHeight;
  };
  // The module compiled and instantiated, whichever way the glue takes.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        if (performance.getEntriesByName('module-loaded', 'mark').length === 0) performance.mark('module-loaded');
        return result;
      });
    };
  }
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName !== 'passerelle-diagnostic') return root;
    const check = () => {
      const now = performance.now();
      if (marks.numbers === null) {
        const panel = root.querySelector('[part~="emergency-numbers"]');
        if (panel && /\\b115\\b/.test(panel.textContent) && visible(panel)) {
          marks.numbers = now;
          requestAnimationFrame(() => { marks.numbersFrame = performance.now(); });
        }
      }
      if (marks.question === null) {
        const form = root.querySelector('form[data-question]');
        if (form) {
          marks.question = now;
          marks.questionId = form.dataset.question;
        }
      }
      if (marks.question !== null && marks.numbers !== null) {
        // The frame after the question: the numbers' frame has run by then.
        requestAnimationFrame(() => finish());
      }
    };
    new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    queueMicrotask(check);
    return root;
  };
})();
</script>
<script type="module" src="/pkg/passerelle.js"></script>
</head>
<body>
<main>
<h1>Faire le point sur votre situation</h1>
<p>Quelques questions, puis les aides près de chez vous et votre plan. Vos réponses restent sur cet appareil.</p>
<passerelle-diagnostic lang="fr"></passerelle-diagnostic>
</main>
<script type="module">
import '/pkg/passerelle.js';
performance.mark('module-evaluated');
</script>
</body>
</html>
`;

/**
 * The same page with preload hints in its head for `files` (the package's
 * files a cold load fetched before its first question): `modulepreload`
 * for JavaScript modules, `preload as="fetch" crossorigin` for the rest
 * (the `.wasm`, data files), so the browser fetches them all at once
 * instead of one import after the other.
 */
function preloadPage(files) {
  const hints = files.map((file) => (file.endsWith('.js')
    ? `<link rel="modulepreload" href="/pkg/${file}">`
    : `<link rel="preload" href="/pkg/${file}" as="fetch" crossorigin${file.endsWith('.wasm') ? ' type="application/wasm"' : ''}>`));
  return PAGE.replace('<link rel="icon" href="data:,">', `<link rel="icon" href="data:,">\n${hints.join('\n')}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One page load in `context` under `network` and the CPU slowdown: what
 * the page measured, its resource timing, and the main thread's work
 * (CDP `Performance.getMetrics`) read at the first question. After the
 * first question, waits until no request has been under way for 1 s (at
 * most `settle` ms), to see the files fetched after it (the catalogue).
 * Throws on any page error, failed request or HTTP error.
 */
async function loadOnce(context, url, network, settle, trace = null) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const inFlight = new Set();
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => {
    inFlight.delete(request);
    errors.push(`${request.url()} failed`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.url()} (${response.status()})`);
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    if (trace) await trace.browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`slow-phone benchmark: no first question after 60 s${errors.length ? `: ${errors.join('; ')}` : ''}`)), 60000);
    });
    await Promise.race([page.evaluate(() => window.__slow.done), timeout]).finally(() => clearTimeout(timer));
    const { metrics } = await cdp.send('Performance.getMetrics');
    if (trace) trace.events = JSON.parse(String(await trace.browser.stopTracing())).traceEvents;
    const busy = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    // The files fetched after the first question (the catalogue): until no
    // request has been under way for 1 s, at most `settle` ms.
    for (let waited = 0, quiet = 0; waited < settle && quiet < 1000; waited += 100) {
      await sleep(100);
      quiet = inFlight.size === 0 ? quiet + 100 : 0;
    }
    const result = await page.evaluate(() => {
      const pick = (entry) => ({
        name: entry.name,
        startTime: entry.startTime,
        responseStart: entry.responseStart,
        responseEnd: entry.responseEnd,
        transferSize: entry.transferSize,
        encodedBodySize: entry.encodedBodySize,
        decodedBodySize: entry.decodedBodySize,
      });
      const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
      return {
        ...window.__slow.marks,
        document: pick(performance.getEntriesByType('navigation')[0]),
        resources: performance.getEntriesByType('resource').map(pick),
        evaluated: mark('module-evaluated'),
        loaded: mark('module-loaded'),
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      };
    });
    if (errors.length > 0) throw new Error(`slow-phone benchmark: the page failed: ${errors.join('; ')}`);
    // The main thread's work (CDP reports seconds, cumulative since the page began), in ms; kept in the JSON.
    result.busy = {
      task: busy.TaskDuration * 1000,
      script: busy.ScriptDuration * 1000,
      style: busy.RecalcStyleDuration * 1000,
      layout: busy.LayoutDuration * 1000,
    };
    return result;
  } finally {
    await page.close();
  }
}

/** What the profiled load records (Chromium's trace categories). */
const TRACE_CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading',
  'v8', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed',
];

/** Main-thread trace events by kind of work (the first pattern that matches). */
const KINDS = [
  ['running JavaScript and WebAssembly', /^(v8\.|V8\.|wasm\.|FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|.*Compile)/],
  ['style, layout, paint', /^(UpdateLayoutTree|RecalcStyle|Layout|PrePaint|Paint|Commit|Layerize|UpdateLayer|HitTest|ParseAuthorStyleSheet|ScheduleStyleRecalculation|IntersectionObserver|ComputeIntersections)/],
  ['parsing HTML, loading resources', /^(ParseHTML|Resource|ResourceLoader|Loader|Navigation|Document|CommitLoad|WebURLLoader|ThrottlingURLLoader)/],
];

/**
 * A summary of a trace, from the navigation's start to the first question
 * (`question`, ms): the renderer's main thread, busy (its top-level
 * tasks) and its self time by event name; and the WebAssembly events of
 * every thread (compiling runs off the main thread), by name.
 */
export function traceSummary(events, question) {
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'))
    .at(-1);
  if (!navigation) return null;
  const start = navigation.ts;
  const end = start + question * 1000;
  const thread = (e) => `${e.pid}:${e.tid}`;
  const main = thread(navigation);
  const inWindow = (e) => e.ph === 'X' && e.dur > 0 && e.ts >= start && e.ts < end;
  const mainEvents = events.filter((e) => inWindow(e) && thread(e) === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const event of mainEvents) {
    while (stack.length > 0 && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    const dur = parent ? Math.min(event.dur, parent.ts + parent.dur - event.ts) : event.dur;
    if (parent) self.set(parent, self.get(parent) - dur);
    else busy += dur;
    self.set(event, dur);
    stack.push(event);
  }
  const byName = new Map();
  for (const [event, time] of self) byName.set(event.name, (byName.get(event.name) ?? 0) + time);
  const wasm = new Map();
  for (const event of events) {
    if (inWindow(event) && /wasm/i.test(event.name)) {
      const key = `${event.name}${thread(event) === main ? ' (main thread)' : ''}`;
      wasm.set(key, (wasm.get(key) ?? 0) + event.dur);
    }
  }
  const kinds = new Map();
  for (const [name, time] of byName) {
    const kind = KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other (scheduling, messages between processes, the CPU slowdown\'s pauses)';
    kinds.set(kind, (kinds.get(kind) ?? 0) + time);
  }
  const top = (map, count) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
  return { busy: busy / 1000, question, kinds: top(kinds, KINDS.length + 1), self: top(byName, 10), wasm: top(wasm, 8) };
}

/** The file name of a resource URL (`passerelle_wasm_bg.wasm`), `/` for the page. */
const fileName = (url) => new URL(url).pathname.replace(/^\/pkg\//, '') || '/';

/**
 * What a load fetched before its first question: the files (Resource
 * Timing entries: the package's files, not the host's page itself), and
 * their bytes.
 */
function before(load) {
  const files = load.resources.filter((entry) => entry.responseEnd <= load.question);
  return {
    files,
    encoded: files.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    transferred: files.reduce((sum, entry) => sum + entry.transferSize, 0),
    decoded: files.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
  };
}

/**
 * When the catalogue came in `loads` (cold), as a target row's
 * `{value, met, by}`: a file whose name holds `catalogue`, requested once
 * the first question is shown in every load (met: it cannot delay it), or
 * before it in some (missed: it shares the slow network with the files
 * the first question needs);
 * none fetched: inside the module when the package (`inPackage`, its
 * catalogue files) has none (missed: it comes with the module), else not
 * fetched at all while the first question was shown (met).
 */
export function catalogueArrival(loads, inPackage) {
  const arrivals = loads.map((load) => load.resources
    .filter((entry) => /catalog/i.test(fileName(entry.name)))
    .map((entry) => ({ file: fileName(entry.name), start: entry.startTime - load.question, end: entry.responseEnd - load.question })));
  if (arrivals.every((list) => list.length === 0)) {
    return inPackage.length === 0
      ? { value: 'inside the `.wasm`: no catalogue file in the package', met: false, by: 'it arrives with the module, before the first question' }
      : { value: `not fetched within the wait after the first question (package: ${inPackage.join(', ')})`, met: true, by: null };
  }
  const relative = (time) => `${Math.abs(Math.round(time)).toLocaleString('en')} ms ${time < 0 ? 'before' : 'after'}`;
  const earliest = (key) => median(arrivals.filter((list) => list.length > 0).map((list) => Math.min(...list.map((a) => a[key]))));
  const names = [...new Set(arrivals.flat().map((a) => a.file))].map((file) => `\`${file}\``).join(', ');
  // Requested before the first question, it shares the slow network with what the question needs.
  const early = arrivals.filter((list) => list.some((a) => a.start < 0)).length;
  const before = arrivals.filter((list) => list.some((a) => a.end <= 0)).length;
  return {
    value: `${names}: requested ${relative(earliest('start'))}, received ${relative(earliest('end'))} the first question (medians, cold)`,
    met: early === 0,
    by: early === 0 ? null : `requested before the first question in ${early} of ${loads.length} loads (sharing the network with what it needs)`
      + `${before > 0 ? `, received before it in ${before}` : ''}`,
  };
}

/** The package's files that hold a catalogue (their name says `catalogue`). */
function catalogueFiles() {
  const found = [];
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${folder}/${entry.name}`, `${prefix}${entry.name}/`);
      else if (/catalog/i.test(entry.name)) found.push(`${prefix}${entry.name}`);
    }
  };
  walk(packageDir, '');
  return found;
}

export async function run({ quick, chromium }) {
  if (!chromium) return null;
  const { chromium: launcher } = await import('playwright-core');
  const loads = quick ? 3 : 5;
  const presetLoads = quick ? 0 : 3;
  const settle = quick ? 2000 : 5000;
  // The preload page is written once a cold load has shown what comes before the first question.
  const pages = { '/': PAGE };
  const server = await serve(pages, { gzip: true });
  const browser = await launcher.launch(chromium);
  const phone = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  const runs = { cold: [], warm: [], preset: [], preload: [] };
  let coldServed = [];
  const trace = { browser, events: null };
  let profile = null;
  let hinted = [];
  try {
    const cold = async (network, into, { url = server.url, traced = null } = {}) => {
      const context = await browser.newContext(phone);
      try {
        into.push(await loadOnce(context, url, network, settle, traced));
      } finally {
        await context.close();
      }
    };
    // Cold: every load in a new browser context, whose HTTP cache is empty.
    const first = server.served.length;
    for (let i = 0; i < loads; i += 1) await cold(PROFILES.issue, runs.cold);
    coldServed = server.served.slice(first);
    // Warm: one context; a first load (not counted) fills its cache.
    const context = await browser.newContext(phone);
    try {
      await loadOnce(context, server.url, PROFILES.issue, settle);
      for (let i = 0; i < loads; i += 1) runs.warm.push(await loadOnce(context, server.url, PROFILES.issue, settle));
    } finally {
      await context.close();
    }
    for (let i = 0; i < presetLoads; i += 1) await cold(PROFILES.devtools, runs.preset);
    // One more cold load, not counted, with Chromium's trace: the profile.
    const traced = [];
    await cold(PROFILES.issue, traced, { traced: trace });
    profile = traceSummary(trace.events, traced[0].question);
    trace.events = null;
    // Cold, with preload hints for every file of the package fetched before the first question.
    hinted = before(runs.cold[0]).files.map((entry) => fileName(entry.name));
    pages['/preload.html'] = preloadPage(hinted);
    const beforePreload = server.served.length;
    for (let i = 0; i < presetLoads; i += 1) await cold(PROFILES.issue, runs.preload, { url: `${server.url}preload.html` });
    const fetchedTwice = new Set();
    const seen = new Map();
    for (const { pathname } of server.served.slice(beforePreload)) {
      seen.set(pathname, (seen.get(pathname) ?? 0) + 1);
      if (seen.get(pathname) > presetLoads) fetchedTwice.add(pathname);
    }
    runs.preloadTwice = [...fetchedTwice];
  } finally {
    await browser.close();
    await server.close();
  }
  return report({ runs, loads, presetLoads, coldServed, version: browser.version(), profile, hinted });
}

function report({ runs, loads, presetLoads, coldServed, version, profile, hinted }) {
  const all = [...runs.cold, ...runs.warm, ...runs.preset, ...runs.preload];
  const questions = new Set(all.map((load) => load.questionId));
  if (questions.size !== 1 || !questions.has('sleep_tonight')) {
    throw new Error(`slow-phone benchmark: the first question shown is ${[...questions].join(', ')}, not sleep_tonight`);
  }
  const plain = coldServed.filter(({ pathname, gzip, status }) => !status && /\.(wasm|js|json|css)$/.test(pathname) && !gzip);
  if (plain.length > 0) {
    throw new Error(`slow-phone benchmark: sent uncompressed to a browser taking gzip: ${plain.map((s) => s.pathname).join(', ')}`);
  }
  const ms = (value) => (value === null || value === undefined ? '–' : `${Math.round(value).toLocaleString('en')} ms`);
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const med = (key, values) => median(runs[key].map(values).filter((value) => value !== null && value !== undefined));

  // Bytes before the first question (cold: the bodies as sent, gzip).
  const coldBefore = runs.cold.map(before);
  const warmBefore = runs.warm.map(before);
  const bytes = median(coldBefore.map((b) => b.encoded));
  const files = new Map();
  for (const entry of coldBefore[0].files) files.set(fileName(entry.name), entry);
  // The same files compressed on the fly at zlib's level 6, by a host
  // that does not send the package's precompressed `.gz` files.
  const onTheFly = [...files.keys()]
    .reduce((sum, name) => sum + gzipSync(readFileSync(path.join(packageDir, name))).length, 0);

  const catalogue = catalogueArrival(runs.cold, catalogueFiles());

  const question = med('cold', (l) => l.question);
  const numbers = med('cold', (l) => l.numbers);
  const wasm = (load) => load.resources.find((entry) => entry.name.endsWith('.wasm'));
  const targets = [
    {
      what: `Slow 4G, ${CPU_SLOWDOWN}× CPU, cold: first question ≤ ${(BUDGET.question / 1000).toFixed(1)} s`,
      value: `${(question / 1000).toFixed(2)} s`,
      met: question <= BUDGET.question,
      by: question <= BUDGET.question ? null : `${ms(question - BUDGET.question)} over`,
    },
    {
      what: `Slow 4G, ${CPU_SLOWDOWN}× CPU, cold: emergency numbers readable ≤ ${(BUDGET.numbers / 1000).toFixed(1)} s`,
      value: `${(numbers / 1000).toFixed(2)} s`,
      met: numbers <= BUDGET.numbers,
      by: numbers <= BUDGET.numbers ? null : `${ms(numbers - BUDGET.numbers)} over`,
    },
    {
      what: `Slow 4G, cold: bytes before the first question ≤ ${BUDGET.kilobytes} KB gzipped`,
      value: kb(bytes),
      met: bytes <= BUDGET.kilobytes * 1000,
      by: bytes <= BUDGET.kilobytes * 1000 ? null : `${kb(bytes - BUDGET.kilobytes * 1000)} over`,
    },
    { what: 'Slow 4G, cold: the catalogue after the first question', ...catalogue },
  ];

  // Where the time goes: the cold loads' waterfall (medians), and the main thread.
  const at = (file, key) => med('cold', (l) => l.resources.find((e) => fileName(e.name) === file)?.[key]);
  const wasmStart = med('cold', (l) => wasm(l)?.startTime);
  const wasmEnd = med('cold', (l) => wasm(l)?.responseEnd);
  const loaded = med('cold', (l) => l.loaded);
  const waterfall = [
    ['the page received', med('cold', (l) => l.document.responseEnd)],
    ['`passerelle.js` received', at('passerelle.js', 'responseEnd')],
    ['`passerelle.js` run (the glue bundled in it)', med('cold', (l) => l.evaluated)],
    ['the emergency numbers in the DOM, visible', numbers],
    ['the frame that draws them begins', med('cold', (l) => l.numbersFrame)],
    ['first contentful paint', med('cold', (l) => l.fcp)],
    ['`.wasm` requested', wasmStart],
    ['`.wasm` received', wasmEnd],
    ['the module compiled and instantiated', loaded],
    ['the first question in the DOM', question],
  ];
  const parts = [];
  parts.push(
    `**Cold loads, medians from the navigation's start** (slow 4G of the issue, ${CPU_SLOWDOWN}× CPU):\n\n`
    + `| moment | time |\n| --- | --- |\n${waterfall.map(([what, value]) => `| ${what} | ${ms(value)} |`).join('\n')}`,
  );
  parts.push(
    `**What came before the first question** (cold, the first load; ${coldBefore[0].files.length} files of the package, `
    + `${kb(coldBefore[0].encoded)} as sent, ${kb(coldBefore[0].transferred)} with the HTTP headers, ${kb(coldBefore[0].decoded)} `
    + `once decompressed; the host's page itself is not counted; the same files compressed on the fly at zlib's level 6, by a `
    + `host that does not send the package's \`.gz\` files: ${kb(onTheFly)}):\n\n| file | sent (gzip) | decompressed | received at |\n| --- | --- | --- | --- |\n`
    + [...files.entries()].map(([name, entry]) => `| \`${name}\` | ${kb(entry.encodedBodySize)} | ${kb(entry.decodedBodySize)} | ${ms(entry.responseEnd)} |`).join('\n')
    + `\n| the page (the host's, not counted) | ${kb(runs.cold[0].document.encodedBodySize)} | ${kb(runs.cold[0].document.decodedBodySize)} | ${ms(runs.cold[0].document.responseEnd)} |`
    + `\n\nWarm loads: ${kb(median(warmBefore.map((b) => b.transferred)))} transferred before the first question (median; the rest from the HTTP cache).`,
  );
  const download = wasmEnd - wasmStart;
  const afterWasm = question - wasmEnd;
  const missed = targets.filter((t) => !t.met);
  const explanation = [
    `**Where the time goes** (cold, medians): the \`.wasm\` (${kb(files.get('passerelle_questionnaire_bg.wasm')?.encodedBodySize ?? 0)} gzipped) `
    + `is requested at ${ms(wasmStart)}, once \`passerelle.js\` (the shim with the glue bundled in) has come and run, and takes `
    + `${ms(download)} to arrive; at 1.6 Mbps, 200 KB take 1 s of download. Chromium compiles it while it streams; from its last byte, `
    + `${ms(loaded - wasmEnd)} until it is compiled and instantiated, then ${ms(question - loaded)} until `
    + `the first question is in the DOM (making the widget: the questionnaire read from the module, and drawing `
    + `the question): ${ms(afterWasm)} of work after the download. The download alone sets a floor: the ${kb(bytes)} that come `
    + `before the first question take ${ms(bytes / PROFILES.issue.downloadThroughput * 1000)} at 1.6 Mbps, with no round trip or `
    + `CPU counted; within the budget's 250 KB, ${ms(BUDGET.kilobytes * 1000 / PROFILES.issue.downloadThroughput * 1000)}. `
    + `The emergency numbers wait for \`passerelle.js\` (${kb(files.get('passerelle.js')?.encodedBodySize ?? 0)}, received at `
    + `${ms(at('passerelle.js', 'responseEnd'))}), which imports nothing: the shim runs as soon as it has come.`,
  ];
  if (missed.length > 0) {
    explanation.push(`Missed: ${missed.map((t) => t.what).join('; ')}.`);
  }
  parts.push(explanation.join(' '));
  if (profile) {
    const list = (items) => items.map(({ name, ms: time }) => `\`${name}\` ${ms(time)}`).join(', ');
    parts.push(
      `**The profile** (one more cold load, not counted, with Chromium's trace, which slows it: its first question at ${ms(profile.question)}; `
      + `from the navigation's start to the first question): the renderer's main thread ran tasks for ${ms(profile.busy)}: `
      + `${list(profile.kinds).replaceAll('`', '')}; its self time by event: ${list(profile.self)}. `
      + `WebAssembly events (every thread; compiling streams off the main thread): ${profile.wasm.length > 0 ? list(profile.wasm) : 'none recorded'}.`,
    );
  }
  if (runs.preload.length > 0) {
    const hintedQuestion = med('preload', (l) => l.question);
    const hintedWasm = med('preload', (l) => wasm(l)?.startTime);
    parts.push(
      `**With preload hints** (the page's head lists the ${hinted.length} files of the package that came before the first question: `
      + `${hinted.map((file) => `\`${file}\``).join(', ')}; \`modulepreload\` for modules, \`preload as="fetch" crossorigin\` for the rest): `
      + `cold first question ${ms(hintedQuestion)} (median of ${runs.preload.length}) against ${ms(question)} without; the \`.wasm\` `
      + `requested at ${ms(hintedWasm)} against ${ms(wasmStart)}.`
      + (runs.preloadTwice.length > 0
        ? ` Fetched twice (the hint did not match the package's own request, e.g. its credentials mode): ${runs.preloadTwice.map((f) => `\`${f}\``).join(', ')}.`
        : ' No file was fetched twice: each hint matched the package\'s own request.'),
    );
  }

  const cases = [
    { name: 'slow 4G, 4× CPU, cold: navigation to first question', n: loads, baseline: 'Passerelle', results: [stats('Passerelle', runs.cold.map((l) => l.question))] },
    { name: 'slow 4G, 4× CPU, cold: navigation to emergency numbers readable', n: loads, baseline: 'Passerelle', results: [stats('Passerelle', runs.cold.map((l) => l.numbers))] },
    { name: 'slow 4G, 4× CPU, warm: navigation to first question', n: loads, baseline: 'Passerelle', results: [stats('Passerelle', runs.warm.map((l) => l.question))] },
    { name: 'slow 4G, 4× CPU, warm: navigation to emergency numbers readable', n: loads, baseline: 'Passerelle', results: [stats('Passerelle', runs.warm.map((l) => l.numbers))] },
  ];
  if (runs.preset.length > 0) {
    cases.push({
      name: 'DevTools\' "Slow 4G" preset, 4× CPU, cold: navigation to first question', n: presetLoads, baseline: 'Passerelle',
      results: [stats('Passerelle', runs.preset.map((l) => l.question))],
    });
  }
  if (runs.preload.length > 0) {
    cases.push({
      name: 'slow 4G, 4× CPU, cold, with preload hints: navigation to first question', n: runs.preload.length, baseline: 'Passerelle',
      results: [stats('Passerelle', runs.preload.map((l) => l.question))],
    });
  }
  const issue = PROFILES.issue;
  const preset = PROFILES.devtools;
  return {
    id: 'slowphone',
    title: 'Slow phone: first question on slow 4G with a 4× slower CPU',
    description: [
      `Headless Chromium ${version} (\`playwright-core\`), a phone's viewport (375 × 740 CSS px, ×2, touch). Each page gets, through `
      + `CDP (\`context.newCDPSession(page)\`), \`Network.emulateNetworkConditions\` with the issue's "slow 4G": `
      + `${issue.latency} ms latency, ${issue.downloadThroughput.toLocaleString('en')} bytes/s down (1.6 Mbps), `
      + `${issue.uploadThroughput.toLocaleString('en')} bytes/s up (750 kbps), and \`Emulation.setCPUThrottlingRate\` `
      + `{rate: ${CPU_SLOWDOWN}} (four times slower than this machine, itself shared). Chromium DevTools' own "Slow 4G" preset `
      + '(ChromeDevTools/devtools-frontend, `front_end/core/sdk/NetworkManager.ts`, `Slow4GConditions`) aims at the same 150 ms and '
      + `1.6 Mbps but applies ${preset.latency} ms (150 × 3.75, since it delays each request, not each round trip) and `
      + `${preset.downloadThroughput.toLocaleString('en')} / ${preset.uploadThroughput.toLocaleString('en')} bytes/s (× 0.9)`
      + `${presetLoads > 0 ? `: its cold first question is shown too (${presetLoads} loads), not held to the budget` : ''}.`,
      'The server (Node, 127.0.0.1) sends the package as a real host would: `.wasm`, `.js`, `.json`, `.css` (and the page) '
      + 'gzip-compressed when the request\'s `Accept-Encoding` takes it (the package\'s precompressed `<file>.gz` when it has one, '
      + 'as nginx\'s `gzip_static` sends it, the README\'s configuration; otherwise zlib level 6, each file once), `.wasm` as '
      + '`application/wasm`, the package\'s files cacheable for an hour. The page (French) has the package\'s module in its head, '
      + 'as the demo\'s pages, a heading, a sentence and `<passerelle-diagnostic lang="fr">` (default questionnaire; the national catalogue is a file fetched after the first question). '
      + 'A script wraps `attachShadow` to watch the element\'s shadow root; times are from the navigation\'s start '
      + '(`performance.timeOrigin`, before the page\'s own request): **emergency numbers readable** is the moment the shim\'s '
      + '`part="emergency-numbers"` panel, with the 115, is in the DOM, visible (`checkVisibility`, a box in the viewport); '
      + '**first question** the moment the first question\'s `form[data-question]` is in the DOM (not yet painted). '
      + '**Bytes before the first question**: the bodies as sent (`encodedBodySize`, gzip) of every file of the package received '
      + 'before the first question (Resource Timing; the host\'s page itself is not counted). **The catalogue**: any file whose name holds `catalogue`, when it was '
      + 'requested and received compared with the first question (held to the target: requested once the first question is shown, '
      + 'so that it cannot delay it); each load waits after the first question until no request has been under way for 1 s.',
      `**Cold**: each of the ${loads} loads in a new browser context (an empty HTTP cache). **Warm**: ${loads} loads in one context `
      + 'whose cache a first load (not counted) filled, as for a returning visitor. The budgets (issue 20) are held against the '
      + 'cold medians.',
    ].join('\n\n'),
    checks: [
      `Every load (${all.length}) showed the emergency numbers, then the default questionnaire's first question (sleep_tonight), with no page error, failed request or HTTP error.`,
      `Every \`.wasm\`, \`.js\`, \`.json\` and \`.css\` file of the cold loads (${coldServed.filter((s) => /\.(wasm|js|json|css)$/.test(s.pathname)).length} responses) was sent gzip-compressed.`,
    ],
    cases,
    notes: parts.join('\n\n'),
    targets,
    raw: {
      cold: runs.cold.map(summary),
      warm: runs.warm.map(summary),
      preset: runs.preset.map(summary),
      preload: runs.preload.map(summary),
      profile,
    },
  };
}

/** A load as the JSON keeps it: the marks, the bytes before the first question. */
function summary(load) {
  const b = before(load);
  return {
    numbers: load.numbers,
    question: load.question,
    module_loaded: load.loaded,
    wasm: (({ startTime, responseEnd, encodedBodySize }) => ({ start: startTime, end: responseEnd, bytes: encodedBodySize }))(
      load.resources.find((entry) => entry.name.endsWith('.wasm')) ?? {},
    ),
    bytes_before_question: b.encoded,
    transferred_before_question: b.transferred,
    busy_ms: load.busy,
  };
}
