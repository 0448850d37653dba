// The caseload vault of <passerelle-suivi> (vault.js) in headless Chromium,
// as the package ships it: encrypted at rest in IndexedDB, a wrong
// passphrase told apart from damaged data and never writing, backups read
// on another device (a fresh browser profile), and every failure told by a
// code, never thrown. Each PBKDF2 derivation (600 000 iterations) takes
// about a second here: the tests make a dozen in all.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { packageDir } from './package.mjs';
import { noBrowser, openPage, outside, siteWithPackage } from './static.mjs';

const PASSPHRASE = 'correct horse battery';
const WRONG = 'incorrect horse battery';

/** A caseload text with a person's name, a theme slug and a plan's step. */
const CASELOAD = JSON.stringify({
  people: [{
    name: 'Amandine Lefèvre',
    plan: { themes: ['logement-hebergement'], actions: ['Contacter la Mission locale'] },
  }],
});
const IN_CLEAR = ['Amandine', 'Lefèvre', 'logement-hebergement', 'Contacter la Mission locale', 'Mission', 'people'];

/**
 * The page: the vault module, a helper that turns a rejection into {code,
 * message}, and one that reads a database raw (every store, every record,
 * bytes as Latin-1 characters: a plaintext word would show as itself).
 */
const PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Vault</title>
<script type="module">
import * as vault from './pkg/vault.js';
window.vaultModule = vault;
window.attempt = async (run) => {
  try {
    return { value: await run() };
  } catch (error) {
    return { code: error?.code, message: error?.message, isError: error instanceof Error };
  }
};
const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
const plain = (value) => {
  if (value instanceof ArrayBuffer) value = new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return { bytes: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), (b) => String.fromCharCode(b)).join('') };
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
};
window.rawDatabase = async (name) => {
  const db = await request(indexedDB.open('passerelle-suivi:' + name));
  const dump = {};
  for (const store of db.objectStoreNames) {
    const tx = db.transaction(store);
    const keys = await request(tx.objectStore(store).getAllKeys());
    const values = await request(tx.objectStore(store).getAll());
    dump[store] = keys.map((key, at) => [key, plain(values[at])]);
  }
  db.close();
  return dump;
};
window.writeRaw = async (name, key, value) => {
  const db = await request(indexedDB.open('passerelle-suivi:' + name));
  const tx = db.transaction(db.objectStoreNames[0], 'readwrite');
  tx.objectStore(db.objectStoreNames[0]).put(value, key);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
  db.close();
};
window.ready = true;
</script></head><body></body></html>
`;

let site;
let server;
let browser;
before(async () => {
  if (noBrowser) return;
  assert.ok(existsSync(path.join(packageDir, 'vault.js')),
    `${path.join(packageDir, 'vault.js')} is missing: build the package first (\`cargo xtask package\`)`);
  site = await siteWithPackage({ prefix: 'passerelle-vault-', folder: 'pkg', pages: { 'vault.html': PAGE } });
  ({ server, browser } = site);
});
after(() => site?.close());

/** A page of `context` (default: the browser's first) with the vault module loaded. */
async function vaultPage(context = browser) {
  const opened = await openPage(context, `${server.url}vault.html`);
  await opened.page.waitForFunction(() => window.ready === true);
  return opened;
}

/** Closes `page` after checking that nothing was thrown or logged as an error (no unhandled rejection). */
async function done({ page, seen }) {
  await page.waitForTimeout(100);
  await page.close();
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(outside(seen.requests), []);
}

test('the package ships vault.js on its own: minified, under 8 KB, with its .gz, not bundled into passerelle.js', () => {
  const script = readFileSync(path.join(packageDir, 'vault.js'), 'utf8');
  assert.ok(statSync(path.join(packageDir, 'vault.js')).size < 8 * 1024, `${script.length} bytes`);
  assert.ok(existsSync(path.join(packageDir, 'vault.js.gz')));
  assert.doesNotMatch(script, /\n\s*\/\/ /, 'comments are left');
  assert.match(script, /export\s*(async\s+function\s+openVault\b|\{[^}]*\bopenVault\b)/);
  const entry = readFileSync(path.join(packageDir, 'passerelle.js'), 'utf8');
  assert.doesNotMatch(entry, /passerelle-caseload-backup/);
});

test('create, save, lock; a wrong passphrase is told and writes nothing; the right one gives the text back',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const outcome = await opened.page.evaluate(async ({ PASSPHRASE, WRONG, CASELOAD }) => {
      const { openVault, ITERATIONS } = window.vaultModule;
      const vault = await openVault('round-trip');
      const states = [await vault.state()];
      await vault.create(PASSPHRASE);
      states.push(await vault.state());
      const again = await attempt(() => vault.create(PASSPHRASE));
      await vault.save(CASELOAD);
      vault.lock();
      states.push(await vault.state());
      const whileLocked = await attempt(() => vault.save('x'));
      const before = JSON.stringify(await rawDatabase('round-trip'));
      const wrong = await attempt(() => vault.unlock(WRONG));
      const after = JSON.stringify(await rawDatabase('round-trip'));
      states.push(await vault.state());
      const text = await vault.unlock(PASSPHRASE);
      states.push(await vault.state());
      const short = await attempt(() => (openVault('other')).then((other) => other.create('1234567')));
      const weak = await attempt(() => openVault('weak', { iterations: ITERATIONS - 1 }));
      vault.close();
      return { states, again, whileLocked, unchanged: before === after, wrong, text, short, weak };
    }, { PASSPHRASE, WRONG, CASELOAD });
    assert.deepEqual(outcome.states, ['new', 'unlocked', 'locked', 'locked', 'unlocked']);
    assert.equal(outcome.again.code, 'vault_exists');
    assert.equal(outcome.whileLocked.code, 'locked');
    assert.equal(outcome.wrong.code, 'wrong_passphrase');
    assert.ok(outcome.wrong.isError && outcome.wrong.message.length > 10, outcome.wrong.message);
    assert.ok(outcome.unchanged, 'the raw records changed after a wrong passphrase');
    assert.equal(outcome.text, CASELOAD);
    assert.equal(outcome.short.code, 'passphrase_too_short');
    assert.equal(outcome.weak.code, 'weak_key');
    await done(opened);
  });

test('saves asked back to back are kept in the order asked: a long one never lands over the short one after it',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const outcome = await opened.page.evaluate(async ({ PASSPHRASE }) => {
      const { openVault } = window.vaultModule;
      const vault = await openVault('in-order');
      await vault.create(PASSPHRASE);
      // A long caseload (slower to encrypt) then a short one, not awaited.
      const long = 'before the removal '.repeat(200000);
      const saves = [vault.save(long), vault.save('after the removal')];
      await Promise.all(saves);
      vault.lock();
      const text = await vault.unlock(PASSPHRASE);
      vault.close();
      return { text };
    }, { PASSPHRASE });
    assert.equal(outcome.text, 'after the removal');
    await done(opened);
  });

test('IndexedDB holds nothing of the caseload in clear: only salt, IVs, ciphertexts, iterations, format',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const dump = await opened.page.evaluate(async ({ PASSPHRASE, CASELOAD }) => {
      const vault = await window.vaultModule.openVault('at-rest');
      await vault.create(PASSPHRASE);
      await vault.save(CASELOAD);
      vault.close();
      return rawDatabase('at-rest');
    }, { PASSPHRASE, CASELOAD });
    const serialised = JSON.stringify(dump);
    for (const word of IN_CLEAR) {
      assert.ok(!serialised.includes(word), `"${word}" is stored in clear`);
      assert.ok(!serialised.includes(Buffer.from(word).toString('base64')), `"${word}" is stored in base64`);
    }
    assert.ok(!serialised.includes(PASSPHRASE), 'the passphrase is stored');
    const records = Object.fromEntries(Object.values(dump).flat());
    assert.deepEqual(Object.keys(records).sort(), ['caseload', 'header']);
    assert.equal(records.header.format, 'passerelle-vault');
    assert.equal(records.header.version, 1);
    assert.deepEqual([records.header.kdf.name, records.header.kdf.hash], ['PBKDF2', 'SHA-256']);
    assert.ok(records.header.kdf.iterations >= 600000, records.header.kdf.iterations);
    assert.equal(records.header.kdf.salt.bytes.length, 16);
    assert.equal(records.caseload.iv.bytes.length, 12);
    // The ciphertext: the text's length and AES-GCM's 16-byte tag.
    assert.equal(records.caseload.data.bytes.length, Buffer.byteLength(CASELOAD) + 16);
    await done(opened);
  });

test('a backup is read in a fresh browser profile with its passphrase; a wrong one, garbage, a flipped byte are told',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const backup = await opened.page.evaluate(async ({ PASSPHRASE, CASELOAD }) => {
      const vault = await window.vaultModule.openVault('backup');
      await vault.create(PASSPHRASE);
      await vault.save(CASELOAD);
      const locked = await attempt(() => { vault.lock(); return vault.exportBackup(); });
      await vault.unlock(PASSPHRASE);
      const bytes = await vault.exportBackup();
      vault.close();
      return { locked, isBytes: bytes instanceof Uint8Array, bytes: Array.from(bytes) };
    }, { PASSPHRASE, CASELOAD });
    await done(opened);
    assert.equal(backup.locked.code, 'locked');
    assert.ok(backup.isBytes);
    const file = JSON.parse(Buffer.from(backup.bytes).toString('utf8'));
    assert.equal(file.format, 'passerelle-caseload-backup');
    assert.equal(file.version, 1);
    assert.ok(file.kdf.iterations >= 600000);
    for (const word of IN_CLEAR) assert.ok(!Buffer.from(backup.bytes).includes(word), `"${word}" in clear in the backup`);
    const data = Buffer.from(file.data, 'base64');
    data[5] ^= 0x01;
    const flipped = Array.from(Buffer.from(JSON.stringify({ ...file, data: data.toString('base64') })));

    const context = await browser.newContext();
    try {
      const elsewhere = await vaultPage(context);
      const outcome = await elsewhere.page.evaluate(async ({ bytes, flipped, PASSPHRASE, WRONG }) => {
        const vault = await window.vaultModule.openVault('default');
        const state = await vault.state();
        const text = await attempt(() => vault.readBackup(new Uint8Array(bytes), PASSPHRASE));
        const wrong = await attempt(() => vault.readBackup(new Uint8Array(bytes), WRONG));
        const garbage = await attempt(() => vault.readBackup(crypto.getRandomValues(new Uint8Array(200)), PASSPHRASE));
        const otherJson = await attempt(() => vault.readBackup(new TextEncoder().encode('{"format":"x"}'), PASSPHRASE));
        const damaged = await attempt(() => vault.readBackup(new Uint8Array(flipped), PASSPHRASE));
        const stateAfter = await vault.state();
        vault.close();
        return { state, text, wrong, garbage, otherJson, damaged, stateAfter };
      }, { bytes: backup.bytes, flipped, PASSPHRASE, WRONG });
      assert.equal(outcome.state, 'new');
      assert.equal(outcome.text.value, CASELOAD);
      assert.equal(outcome.wrong.code, 'wrong_passphrase');
      assert.equal(outcome.garbage.code, 'not_a_backup');
      assert.equal(outcome.otherJson.code, 'not_a_backup');
      assert.equal(outcome.damaged.code, 'corrupted');
      assert.equal(outcome.stateAfter, 'new', 'reading a backup does not touch the vault');
      await done(elsewhere);
    } finally {
      await context.close();
    }
  });

test('failures are told by code, never thrown: storage refused, no WebCrypto, a full disk keeps the previous record',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const outcome = await opened.page.evaluate(async ({ PASSPHRASE }) => {
      const { openVault } = window.vaultModule;
      // IndexedDB refused, as in some private modes.
      const open = indexedDB.open;
      indexedDB.open = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
      let refused;
      try {
        refused = await attempt(() => openVault('refused'));
      } finally {
        indexedDB.open = open;
      }
      // No crypto.subtle: not a secure context.
      Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
      let noCrypto;
      try {
        noCrypto = await attempt(() => openVault('no-crypto'));
      } finally {
        delete crypto.subtle;
      }
      // A full disk on a save.
      const vault = await openVault('quota');
      await vault.create(PASSPHRASE);
      await vault.save('previous caseload');
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      let quota;
      try {
        quota = await attempt(() => vault.save('next caseload'));
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      vault.lock();
      const kept = await attempt(() => vault.unlock(PASSPHRASE));
      vault.close();
      return { refused, noCrypto, quota, kept };
    }, { PASSPHRASE });
    assert.equal(outcome.refused.code, 'storage_refused');
    assert.ok(outcome.refused.isError);
    assert.equal(outcome.noCrypto.code, 'crypto_unavailable');
    assert.equal(outcome.quota.code, 'quota');
    assert.match(outcome.quota.message, /intact/);
    assert.equal(outcome.kept.value, 'previous caseload');
    await done(opened);
  });

test('a damaged record is told as corrupted with the right passphrase, and a wrong one is still a wrong one',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const outcome = await opened.page.evaluate(async ({ PASSPHRASE, WRONG }) => {
      const vault = await window.vaultModule.openVault('damaged');
      await vault.create(PASSPHRASE);
      await vault.save('a caseload');
      vault.close();
      // Garbage of the record's shape (AES-GCM refuses it), written directly.
      await writeRaw('damaged', 'caseload', { iv: crypto.getRandomValues(new Uint8Array(12)), data: crypto.getRandomValues(new Uint8Array(40)) });
      const reopened = await window.vaultModule.openVault('damaged');
      const right = await attempt(() => reopened.unlock(PASSPHRASE));
      const wrong = await attempt(() => reopened.unlock(WRONG));
      // Garbage of no shape at all.
      await writeRaw('damaged', 'caseload', 'garbage');
      const shapeless = await attempt(() => reopened.unlock(PASSPHRASE));
      const state = await reopened.state();
      await reopened.erase();
      const erased = await reopened.state();
      reopened.close();
      return { right, wrong, shapeless, state, erased };
    }, { PASSPHRASE, WRONG });
    assert.equal(outcome.right.code, 'corrupted');
    assert.equal(outcome.wrong.code, 'wrong_passphrase');
    assert.equal(outcome.shapeless.code, 'corrupted');
    assert.equal(outcome.state, 'locked');
    assert.equal(outcome.erased, 'new', 'erase starts again');
    await done(opened);
  });

test('changePassphrase re-encrypts under the new passphrase; the old one is then a wrong one',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const outcome = await opened.page.evaluate(async ({ PASSPHRASE, WRONG }) => {
      const vault = await window.vaultModule.openVault('change');
      await vault.create(PASSPHRASE);
      await vault.save('kept across the change');
      const salt = (await rawDatabase('change')).vault.find(([key]) => key === 'header')[1].kdf.salt.bytes;
      const badOld = await attempt(() => vault.changePassphrase(WRONG, 'another passphrase'));
      await vault.changePassphrase(PASSPHRASE, WRONG);
      const newSalt = (await rawDatabase('change')).vault.find(([key]) => key === 'header')[1].kdf.salt.bytes;
      const stateAfter = await vault.state();
      vault.lock();
      const old = await attempt(() => vault.unlock(PASSPHRASE));
      const text = await attempt(() => vault.unlock(WRONG));
      await vault.erase();
      return { badOld, freshSalt: salt !== newSalt, stateAfter, old, text };
    }, { PASSPHRASE, WRONG });
    assert.equal(outcome.badOld.code, 'wrong_passphrase');
    assert.ok(outcome.freshSalt, 'a new salt');
    assert.equal(outcome.stateAfter, 'unlocked');
    assert.equal(outcome.old.code, 'wrong_passphrase');
    assert.equal(outcome.text.value, 'kept across the change');
    await done(opened);
  });

test('erased and made again in another tab: this tab\'s save is refused as locked and writes nothing over it',
  { skip: noBrowser }, async () => {
    const opened = await vaultPage();
    const outcome = await opened.page.evaluate(async ({ PASSPHRASE, WRONG }) => {
      const { openVault } = window.vaultModule;
      const here = await openVault('two-tabs');
      await here.create(PASSPHRASE);
      // The other tab: its erase is not blocked by this tab's open connection.
      const there = await openVault('two-tabs');
      await there.erase();
      await there.create(WRONG);
      await there.save('the other tab\'s caseload');
      const save = await attempt(() => here.save('this tab\'s caseload'));
      const state = await here.state();
      there.lock();
      const text = await there.unlock(WRONG);
      here.close();
      await there.erase();
      return { save, state, text };
    }, { PASSPHRASE, WRONG });
    assert.equal(outcome.save.code, 'locked');
    assert.equal(outcome.state, 'locked');
    assert.equal(outcome.text, 'the other tab\'s caseload');
    await done(opened);
  });
