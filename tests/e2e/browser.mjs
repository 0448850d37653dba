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
