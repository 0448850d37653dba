// Shared set-up of the end-to-end tests: Debian's Chromium driven by
// playwright-core, against the demo site served by `cargo xtask test`.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests with \`cargo xtask test\``);
  }
  return value;
}

/** Base URL of the demo site, ending with a slash. */
export const baseUrl = required('PASSERELLE_URL');

/** Folder for screenshots (kept out of git). */
export const artifacts = required('PASSERELLE_ARTIFACTS');

/** Starts headless Chromium with the flags that work on this machine. */
export function launch() {
  return chromium.launch({
    executablePath: required('PASSERELLE_CHROMIUM'),
    headless: true,
    args: required('PASSERELLE_CHROMIUM_FLAGS').split(' '),
  });
}

/**
 * Opens a page that records what a host page would see: errors, console
 * errors, every request made, and the widgets' events.
 */
export async function openPage(browser, url = baseUrl) {
  const page = await browser.newPage();
  const seen = { errors: [], requests: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('request', (request) => seen.requests.push(request.url()));
  await page.addInitScript(() => {
    window.passerelleEvents = [];
    for (const type of ['passerelle:diagnosis-complete', 'passerelle:error']) {
      document.addEventListener(type, (event) => {
        window.passerelleEvents.push({ type, detail: event.detail });
      });
    }
  });
  await page.goto(url);
  return { page, seen };
}

export function artifact(name) {
  return path.join(artifacts, name);
}

/** axe-core's violations of WCAG 2.1 A and AA on the page, shadow roots included. */
export async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: true } },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Fails when the page scrolls sideways at the viewport's width. */
async function assertNoSidewaysScroll(page, width) {
  const { overflow, widest } = await page.evaluate(() => {
    // The elements that reach past the right edge, through shadow roots,
    // innermost first: what to fix.
    const past = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        const right = element.getBoundingClientRect().right;
        if (right > window.innerWidth + 0.5) {
          const id = element.id ? `#${element.id}` : '';
          const classes = element.classList.length ? `.${[...element.classList].join('.')}` : '';
          past.push(`${element.localName}${id}${classes} (${Math.round(right)}px)`);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      widest: past.slice(-3).reverse().join(', '),
    };
  });
  if (overflow > 0) throw new Error(`${overflow}px of horizontal scroll at ${width} px: ${widest}`);
}

/**
 * Checks one state of a widget as it is on `page`, then puts the viewport
 * back as it was: axe-core finds no violation (at 1280 px), nothing
 * scrolls sideways at 375 px (a phone) nor at 320 px (a 1280 px screen at
 * 400 % zoom, WCAG 1.4.10 reflow), and `name-desktop.png` (1280 px) and
 * `name-phone.png` (375 px), full page, go to the artifacts. `axe: false`
 * only for a page whose policy refuses the injected axe script.
 */
export async function checkState(page, name, { axe = true } = {}) {
  const viewport = page.viewportSize();
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    if (axe) {
      const found = await violations(page);
      if (found.length > 0) throw new Error(`${name}: axe-core violations:\n${found.join('\n')}`);
    }
    await page.screenshot({ path: artifact(`${name}-desktop.png`), fullPage: true });
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 800 });
      try {
        await assertNoSidewaysScroll(page, width);
      } catch (error) {
        throw new Error(`${name}: ${error.message}`);
      }
      if (width === 375) await page.screenshot({ path: artifact(`${name}-phone.png`), fullPage: true });
    }
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/**
 * A host page served by a test (`<title>` `title`): `head` in its head
 * after the viewport, `body` in its `<main>` after the package's module.
 */
export function hostPage(title, body, head = '') {
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  ${head}
  <script type="module" src="../pkg/passerelle.js"></script>
</head>
<body>
  <main>
    <h1>Faire le point</h1>
    ${body}
  </main>
</body>
</html>`;
}
