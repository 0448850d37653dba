// <passerelle-suivi>, the advisor's desk, on the demo page: a caseload
// made, 12 plans added, the report's CSV checked against engine.report,
// reviews recorded, the agenda read, locked and unlocked (a wrong
// passphrase first), backed up, found again after a reload and imported
// into a fresh browser profile. By keyboard, at 375 px, axe-core on each
// state; IndexedDB read directly holds nothing in clear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, baseUrl, checkState } from './browser.mjs';
import { diagnosis, jobseekerOnRsa, JOB } from './fixtures.mjs';
import { focusedId, tabUntil } from './flow.mjs';

const PAGE = `${baseUrl}suivi.html`;
const PASSPHRASE = 'cheval agrafe 1987';
const LABELS = ['A. M.', 'B. K.', 'C. D.', 'D. F.', 'E. L.', 'F. N.', 'G. O.', 'H. P.', 'I. R.', 'J. S.', 'K. T.', 'L. V.'];
const REVIEW_NOTE = 'Inscription faite chez le bailleur';

let browser;
let folder;
before(async () => {
  browser = await launch();
  folder = mkdtempSync(path.join(os.tmpdir(), 'passerelle-suivi-'));
});
after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A page of the desk in `context`, at 375 px, French dates in its inputs. */
async function openDesk(context) {
  const page = await context.newPage();
  const seen = { errors: [], requests: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') seen.errors.push(message.text()); });
  page.on('request', (request) => seen.requests.push(request.url()));
  // File choosers intercepted from the start: the first one asked for
  // would otherwise race the interception's setting up.
  page.on('filechooser', () => {});
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(PAGE);
  return { page, seen };
}

function newContext() {
  return browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
}

/** The desk's shadow root query, as a locator. */
const desk = (page) => page.locator('passerelle-suivi');

/** The text of the desk's live region. */
const told = (page) => desk(page).locator('#passerelle-suivi-told').textContent();

/** Presses Tab until the focused control (through shadow roots) matches `test`. */
async function tabToMatch(page, describe, matches, limit = 150) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? { id: active.id, text: active.textContent?.trim() ?? '', tag: active.localName, data: { ...active.dataset } } : null;
    });
    if (found && matches(found)) return;
  }
  assert.fail(`Tab never reached ${describe}`);
}

/** Chooses `file` in the file input `#id`, by keyboard. */
async function chooseFile(page, id, file) {
  await tabUntil(page, id);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(file);
}

/** Presses Enter on the focused link and returns the download's text. */
async function downloadFocused(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** The cells of one CSV line (RFC 4180: a quoted cell may hold commas and doubled quotes). */
function csvCells(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i += 1; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/**
 * Types `date` into the focused date field by keyboard. The field's order
 * of day and month is the browser's own (not the page's language): a
 * first date typed tells it, then the date is typed over it.
 */
async function typeDate(page, date) {
  const value = () => page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active.value;
  });
  await page.keyboard.type('01022026');
  const dayFirst = (await value()) === '2026-02-01';
  // Back to the field's first part.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  const day = String(date.getDate()).padStart(2, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  await page.keyboard.type(dayFirst ? `${day}${month}${date.getFullYear()}` : `${month}${day}${date.getFullYear()}`);
  const iso = `${date.getFullYear()}-${month}-${day}`;
  assert.equal(await value(), iso, 'the date typed');
}

/** Makes a caseload by keyboard with `passphrase`, the box about a forgotten one ticked; the list of people shown. */
async function makeCaseload(page, passphrase) {
  const widget = desk(page);
  await widget.locator('#passerelle-new-passphrase').waitFor();
  await tabUntil(page, 'passerelle-new-passphrase');
  await page.keyboard.type(passphrase);
  await tabUntil(page, 'passerelle-repeat-passphrase');
  await page.keyboard.type(passphrase);
  await tabUntil(page, 'passerelle-understood');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await widget.locator('form.add').waitFor({ timeout: 30000 });
}

/** Shows a tab of the desk by keyboard. */
async function showTab(page, name) {
  await tabToMatch(page, `tab ${name}`, (found) => found.data.tab === name);
  await page.keyboard.press('Enter');
  await desk(page).locator('#passerelle-suivi-screen').waitFor();
}

/** Twelve plans made by the engine in the page, from diagnoses that differ, as JSON texts. */
async function twelvePlans(page) {
  return page.evaluate(async ({ diagnosis, jobseekerOnRsa, JOB }) => {
    const module = await import('./pkg/passerelle.js');
    await module.load();
    const engine = new module.Engine();
    const today = new Date().toISOString().slice(0, 10);
    const plans = [];
    for (let i = 0; i < 12; i += 1) {
      const base = i % 2 === 0 ? jobseekerOnRsa : { ...diagnosis, urgent: [], needs: diagnosis.needs.filter((need) => need.theme === JOB) };
      const plan = engine.buildPlan({ ...base, reference_date: today }, {
        needs: base.needs.map((need) => need.theme),
        schedule: { start: today, steps_per_week: 1 + (i % 3) },
      });
      // Some steps done already.
      const first = plan.value().objectives[0].actions[0];
      if (i % 3 === 0) plan.apply({ op: 'set_status', action: first.id, status: 'done' }, 'advisor', today);
      plans.push(plan.toJsonText());
    }
    return plans;
  }, { diagnosis, jobseekerOnRsa, JOB });
}

/** Every record of every IndexedDB database of the page, as text (bytes read as Latin-1). */
function indexedDbDump(page) {
  return page.evaluate(async () => {
    const text = (value) => {
      if (value instanceof ArrayBuffer) value = new Uint8Array(value);
      if (ArrayBuffer.isView(value)) return Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), (b) => String.fromCharCode(b)).join('');
      if (value && typeof value === 'object') return Object.entries(value).map(([key, inner]) => `${key}:${text(inner)}`).join('|');
      return String(value);
    };
    let dump = '';
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        dump += `${name}/${store}:${all.map(text).join('\n')}\n`;
      }
      db.close();
    }
    return dump;
  });
}

test('the advisor keeps 12 people on the device, encrypted, by keyboard, and finds them again anywhere', async () => {
  const context = await newContext();
  const { page, seen } = await openDesk(context);
  const widget = desk(page);

  // Before anything is kept: what a forgotten passphrase means.
  await widget.locator('#passerelle-new-passphrase').waitFor();
  assert.match(await widget.locator('.warning').textContent(), /aucun moyen de les récupérer/);
  await checkState(page, 'suivi-new');

  // Made by keyboard; the box must be ticked.
  await tabUntil(page, 'passerelle-new-passphrase');
  await page.keyboard.type(PASSPHRASE);
  await tabUntil(page, 'passerelle-repeat-passphrase');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-suivi-error').waitFor();
  assert.equal(await focusedId(page), 'passerelle-understood');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await widget.locator('form.add').waitFor({ timeout: 30000 });
  assert.equal(await focusedId(page), 'passerelle-suivi-screen');
  await checkState(page, 'suivi-empty');

  // Twelve plans added, each with initials and its file.
  const plans = await twelvePlans(page);
  const files = plans.map((plan, i) => {
    const file = path.join(folder, `plan-${i + 1}.json`);
    writeFileSync(file, plan);
    return file;
  });
  for (const [i, file] of files.entries()) {
    await tabUntil(page, 'passerelle-person-label');
    await page.keyboard.type(LABELS[i]);
    await chooseFile(page, 'passerelle-plan-file', file);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await widget.locator(`li.person >> nth=${i}`).waitFor();
    assert.equal(await focusedId(page), 'passerelle-person-label');
  }
  assert.equal(await widget.locator('li.person').count(), 12);
  assert.match(await told(page), /L\. V\. est ajouté au suivi/);
  assert.deepEqual(await widget.locator('li.person h4').allTextContents(), LABELS);
  await checkState(page, 'suivi-people');

  // The report over this year: its CSV is engine.report's, row for row.
  await showTab(page, 'report');
  assert.equal(await widget.locator('figure.chart svg[role=img]').count(), 4);
  assert.equal(await widget.locator('figure.chart table').count(), 4);
  await checkState(page, 'suivi-report');
  await tabUntil(page, 'passerelle-report-csv');
  const csv = readFileSync(await downloadFocused(page), 'utf8');
  const period = {
    from: await widget.locator('#passerelle-report-from').inputValue(),
    to: await widget.locator('#passerelle-report-to').inputValue(),
  };
  const expected = await page.evaluate(async ({ plans, period }) => {
    const module = await import('./pkg/passerelle.js');
    const engine = new module.Engine();
    return { report: engine.report(plans, period), csv: engine.reportCsv(plans, period) };
  }, { plans, period });
  assert.equal(csv, expected.csv);
  assert.equal(expected.report.plans, 12);
  const rows = csv.trim().split('\r\n').slice(1).map(csvCells);
  const cell = (section, key) => rows.find((row) => row[0] === section && row[1] === key)?.[3];
  for (const [section, breakdown] of Object.entries(expected.report)) {
    if (section === 'plans') {
      assert.equal(cell('plans', ''), String(breakdown));
      continue;
    }
    for (const [key, value] of Object.entries(breakdown)) assert.equal(cell(section, key), String(value), `${section}.${key}`);
  }

  // Two review points, recorded in the person's plan opened in advisor
  // mode, the next one set in two weeks; the desk keeps them.
  const inTwoWeeks = new Date(Date.now() + 14 * 86400000);
  for (const label of LABELS.slice(0, 2)) {
    await showTab(page, 'people');
    await tabToMatch(page, `open ${label}`, (found) => found.tag === 'button' && found.text.endsWith(label));
    await page.keyboard.press('Enter');
    await widget.locator('#passerelle-suivi-screen').waitFor();
    assert.equal(await widget.locator('#passerelle-suivi-screen').textContent(), label);
    const plan = widget.locator('passerelle-plan');
    await plan.locator('form.review').waitFor();
    assert.equal(await plan.getAttribute('mode'), 'advisor');
    await tabUntil(page, 'passerelle-review-done');
    await page.keyboard.type(REVIEW_NOTE);
    await tabToMatch(page, 'save the review', (found) => found.tag === 'button' && found.text === 'Enregistrer ce point d’étape');
    await page.keyboard.press('Enter');
    await widget.locator('ul.reviews li').waitFor();
    assert.match(await widget.locator('ul.reviews').textContent(), new RegExp(REVIEW_NOTE));
    await tabUntil(page, 'passerelle-next-review');
    await typeDate(page, inTwoWeeks);
    await page.keyboard.press('Enter');
    await widget.locator('ul.standing', { hasText: 'Prochain point d’étape' }).waitFor();
  }
  await checkState(page, 'suivi-person');

  // The agenda: the two review points in the week two weeks on; the calendar file with initials only.
  await showTab(page, 'agenda');
  const weeks = await widget.locator('section.week').allTextContents();
  // As the core writes a date in French: "vendredi 18 décembre 2026", "mardi 1er juin".
  const day = inTwoWeeks.toLocaleDateString('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .replace(/ 1 /, ' 1er ');
  const review = (label) => new RegExp(`${day}\\s:\\spoint d’étape avec ${label.replace(/\./g, '\\.')}`);
  const withReviews = weeks.filter((week) => review('A. M.').test(week) && review('B. K.').test(week));
  assert.equal(withReviews.length, 1, `${day}\n${weeks.join('\n')}`);
  await checkState(page, 'suivi-agenda');
  await tabToMatch(page, 'the calendar file', (found) => found.tag === 'a' && found.text.includes('.ics'));
  const ics = readFileSync(await downloadFocused(page), 'utf8');
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /SUMMARY:Point d’étape\s*: A\. M\./);
  for (const secret of [REVIEW_NOTE, JOB, 'logement', 'Mission locale', 'France Travail']) {
    assert.ok(!ics.includes(secret), `the calendar file holds ${secret}`);
  }

  // IndexedDB read directly: no plan text, no label, no theme in clear.
  const dump = await indexedDbDump(page);
  assert.ok(dump.length > 1000, 'the caseload is kept');
  for (const secret of [REVIEW_NOTE, 'A. M.', 'L. V.', JOB, 'difficultes-financieres', 'objectives', 'Contacter', 'postal_code', '57000']) {
    assert.ok(!dump.includes(secret), `IndexedDB holds ${secret} in clear`);
  }

  // Locked; a wrong passphrase changes nothing; the right one opens.
  await tabToMatch(page, 'the lock', (found) => found.data.do === 'lock');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-passphrase').waitFor();
  assert.equal(await widget.locator('li.person').count(), 0);
  await checkState(page, 'suivi-locked');
  await page.keyboard.type('pas la bonne phrase');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-suivi-error').waitFor({ timeout: 30000 });
  assert.match(await widget.locator('#passerelle-suivi-error').textContent(), /pas la bonne phrase de passe/);
  assert.equal(await focusedId(page), 'passerelle-passphrase');
  assert.equal(await indexedDbDump(page), dump, 'a wrong passphrase wrote nothing');
  await checkState(page, 'suivi-wrong-passphrase');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await widget.locator('li.person >> nth=11').waitFor({ timeout: 30000 });

  // The backup file, made and downloaded by keyboard.
  await showTab(page, 'backup');
  await tabToMatch(page, 'make the backup', (found) => found.data.do === 'backup');
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-backup-link').waitFor();
  assert.equal(await focusedId(page), 'passerelle-backup-link');
  const backup = await downloadFocused(page);
  assert.ok(!readFileSync(backup, 'latin1').includes(REVIEW_NOTE), 'the backup is encrypted');
  await checkState(page, 'suivi-backup');

  // Reloaded: locked, then everything found.
  await page.locator('passerelle-suivi:not([data-saving])').waitFor({ state: 'attached' });
  await page.reload();
  await widget.locator('#passerelle-passphrase').waitFor();
  await tabUntil(page, 'passerelle-passphrase');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await widget.locator('li.person >> nth=11').waitFor({ timeout: 30000 });
  assert.deepEqual(await widget.locator('li.person h4').allTextContents(), LABELS);
  assert.equal(await widget.locator('li.person', { hasText: 'A. M.' }).locator('text=Prochain point d’étape').count(), 1);

  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests.filter((url) => !url.startsWith(baseUrl)), []);
  await context.close();

  // A fresh browser profile: a new caseload, the backup imported with its own passphrase.
  const fresh = await newContext();
  const other = await openDesk(fresh);
  const there = desk(other.page);
  await makeCaseload(other.page, 'un autre poste 2026');
  await showTab(other.page, 'backup');
  await chooseFile(other.page, 'passerelle-backup-file', backup);
  await tabUntil(other.page, 'passerelle-backup-passphrase');
  await other.page.keyboard.type('pas celle-ci');
  await other.page.keyboard.press('Enter');
  await there.locator('#passerelle-suivi-error').waitFor({ timeout: 30000 });
  assert.match(await there.locator('#passerelle-suivi-error').textContent(), /Rien n’a été importé/);
  await chooseFile(other.page, 'passerelle-backup-file', backup);
  await tabUntil(other.page, 'passerelle-backup-passphrase');
  await other.page.keyboard.press('Control+A');
  await other.page.keyboard.type(PASSPHRASE);
  await other.page.keyboard.press('Enter');
  await there.locator('#passerelle-merged').waitFor({ timeout: 30000 });
  assert.match(await there.locator('section.merged').textContent(), /Ajoutées\s*: 12/);
  await checkState(other.page, 'suivi-imported');
  await showTab(other.page, 'people');
  assert.deepEqual(await there.locator('li.person h4').allTextContents(), LABELS);
  // Imported twice: nothing added, nothing lost.
  await showTab(other.page, 'backup');
  await chooseFile(other.page, 'passerelle-backup-file', backup);
  await tabUntil(other.page, 'passerelle-backup-passphrase');
  await other.page.keyboard.type(PASSPHRASE);
  await other.page.keyboard.press('Enter');
  await there.locator('section.merged', { hasText: /Déjà à jour\s*: 12/ }).waitFor({ timeout: 30000 });
  assert.deepEqual(other.seen.errors, []);
  await fresh.close();
});

test('at desktop width the desk reads the same, and a person\'s plan opens in advisor mode', async () => {
  const context = await newContext();
  const { page } = await openDesk(context);
  await page.setViewportSize({ width: 1280, height: 800 });
  const widget = desk(page);
  await makeCaseload(page, PASSPHRASE);
  const [plan] = await twelvePlans(page);
  const file = path.join(folder, 'desktop-plan.json');
  writeFileSync(file, plan);
  await tabUntil(page, 'passerelle-person-label');
  await page.keyboard.type('Tournesol');
  await chooseFile(page, 'passerelle-plan-file', file);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await widget.locator('li.person').waitFor();
  await tabToMatch(page, 'open Tournesol', (found) => found.tag === 'button' && found.text.endsWith('Tournesol'));
  await page.keyboard.press('Enter');
  const inner = widget.locator('passerelle-plan');
  await inner.locator('li.action select').first().waitFor();
  assert.equal(await inner.getAttribute('mode'), 'advisor');
  // A step marked done in the plan: the caseload takes it, as the advisor's.
  const select = inner.locator('li.action select').first();
  await tabUntil(page, await select.getAttribute('id'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => {
    const plan = document.querySelector('passerelle-suivi').shadowRoot.querySelector('passerelle-plan').plan;
    return plan.history.at(-1).edit.op === 'set_status';
  });
  const last = await page.evaluate(() => document.querySelector('passerelle-suivi').shadowRoot.querySelector('passerelle-plan').plan.history.at(-1));
  assert.equal(last.by, 'advisor');
  await checkState(page, 'suivi-person-desktop');

  // Taken out of the caseload: asked first, what goes said; then gone.
  await tabUntil(page, 'passerelle-remove', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await widget.locator('#passerelle-remove-warning').waitFor();
  assert.equal(await focusedId(page), 'passerelle-remove-warning');
  assert.match(await widget.locator('#passerelle-remove-warning').textContent(), /Son plan et ses points d’étape seront effacés/);
  await checkState(page, 'suivi-remove-asked');
  await tabToMatch(page, 'the confirmed removal', (found) => found.data.do === 'remove-confirmed');
  await page.evaluate(() => {
    const host = document.querySelector('passerelle-suivi');
    window.savingSeen = false;
    new MutationObserver(() => { window.savingSeen ||= host.hasAttribute('data-saving'); })
      .observe(host, { attributes: true, attributeFilter: ['data-saving'] });
  });
  await page.keyboard.press('Enter');
  await widget.locator('form.add').waitFor();
  assert.equal(await widget.locator('li.person').count(), 0);
  assert.equal(await widget.locator('passerelle-plan').count(), 0);
  assert.match(await told(page), /Tournesol est retiré du suivi/);
  // Leaving while the removal is being kept would be asked first.
  await page.locator('passerelle-suivi:not([data-saving])').waitFor({ state: 'attached' });
  assert.ok(await page.evaluate(() => window.savingSeen), 'the host said it was saving');
  await page.reload();
  await widget.locator('#passerelle-passphrase').waitFor();
  await tabUntil(page, 'passerelle-passphrase');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await widget.locator('form.add').waitFor({ timeout: 30000 });
  assert.equal(await widget.locator('li.person').count(), 0, 'the removal was kept');
  await context.close();
});

test('the desk locks itself after 10 minutes without a key pressed, and says why', async () => {
  const context = await newContext();
  await context.clock.install();
  const { page, seen } = await openDesk(context);
  const widget = desk(page);
  await makeCaseload(page, PASSPHRASE);
  // Nine minutes, a key, nine minutes more: still open.
  await page.clock.runFor('09:00');
  assert.equal(await widget.locator('form.add').count(), 1, 'open after 9 minutes');
  await page.keyboard.press('Tab');
  await page.clock.runFor('09:00');
  assert.equal(await widget.locator('form.add').count(), 1, 'open 9 minutes after a key');
  // Ten minutes without a key: locked, told, the passphrase asked.
  await page.clock.runFor('10:01');
  await widget.locator('#passerelle-passphrase').waitFor();
  assert.match(await told(page), /verrouillé, car il n’était plus utilisé/);
  assert.equal(await focusedId(page), 'passerelle-passphrase');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('storage refused, or a caseload damaged on the device, is told in words, never thrown', async () => {
  // The browser refuses IndexedDB (some private modes do).
  const refused = await newContext();
  await refused.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException('refused', 'SecurityError'); };
  });
  const { page, seen } = await openDesk(refused);
  const widget = desk(page);
  await widget.locator('p.error[role=alert]').waitFor();
  assert.match(await widget.locator('p.error[role=alert]').textContent(), /refuse de garder des données/);
  assert.equal(await widget.locator('input').count(), 0, 'nothing offered that could not be kept');
  await checkState(page, 'suivi-storage-refused');
  assert.deepEqual(seen.errors, []);
  await refused.close();

  // A caseload whose record was damaged: the right passphrase tells it, and offers the erase.
  const damaged = await newContext();
  const other = await openDesk(damaged);
  await makeCaseload(other.page, PASSPHRASE);
  await other.page.evaluate(async () => {
    const db = await new Promise((resolve) => { const open = indexedDB.open('passerelle-suivi:demo'); open.onsuccess = () => resolve(open.result); });
    const store = db.objectStoreNames[0];
    await new Promise((resolve) => {
      const transaction = db.transaction(store, 'readwrite');
      const records = transaction.objectStore(store);
      records.get('caseload').onsuccess = (event) => {
        const record = event.target.result;
        record.data = new Uint8Array(record.data.length).fill(7);
        records.put(record, 'caseload');
      };
      transaction.oncomplete = resolve;
    });
    db.close();
  });
  await other.page.reload();
  const there = desk(other.page);
  await there.locator('#passerelle-passphrase').waitFor();
  await tabUntil(other.page, 'passerelle-passphrase');
  await other.page.keyboard.type(PASSPHRASE);
  await other.page.keyboard.press('Enter');
  await there.locator('p.error[role=alert]').waitFor({ timeout: 30000 });
  assert.match(await there.locator('p.error[role=alert]').textContent(), /abîmées/);
  assert.equal(await there.locator('button.danger').count(), 1, 'the erase is offered');
  await checkState(other.page, 'suivi-damaged');
  assert.deepEqual(other.seen.errors, []);
  await damaged.close();
});
