// The caseload vault of <passerelle-suivi>: the advisor's caseload (a UTF-8
// JSON text this module never reads) kept encrypted in IndexedDB on the
// device, under a key derived from a passphrase. WebCrypto and IndexedDB
// only; nothing leaves the page.
//
// Database `passerelle-suivi:<name>`, one object store `vault`, two records:
// - `header`: {format, version, kdf: {name, hash, iterations, salt}, check}
//   where `check` is a known text encrypted under the key: a passphrase
//   that cannot decrypt it is a wrong one; one that can, while the caseload
//   cannot be decrypted, means the data is damaged;
// - `caseload`: {iv, data}, the text encrypted by AES-GCM.
// Each ciphertext is bound to its role by AES-GCM's additional data, so a
// check, a caseload and a backup cannot stand in for one another.

/** PBKDF2-SHA-256 iterations, never fewer (OWASP 2023). */
export const ITERATIONS = 600000;

/** Past this, a derivation takes minutes: a header or backup asking more is refused. */
export const MAX_ITERATIONS = 10000000;

const FORMAT = 'passerelle-vault';
const BACKUP_FORMAT = 'passerelle-caseload-backup';
const VERSION = 1;
const STORE = 'vault';
const MIN_PASSPHRASE = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_TEXT = 'passerelle-vault key check';
const ROLE = {
  check: 'passerelle-vault/1/check',
  caseload: 'passerelle-vault/1/caseload',
  backup: 'passerelle-vault/1/backup',
};

const encoder = new TextEncoder();

/** An Error with a stable `code` as an own property (safe from setters put on Object.prototype). */
function fail(code, message) {
  return Object.defineProperty(new Error(message), 'code', {
    __proto__: null, value: code, writable: true, enumerable: true, configurable: true,
  });
}

/** Any failure of IndexedDB as one of ours: `quota` when the device is full, else `storage_refused`. */
function storageError(error) {
  if (typeof error?.code === 'string') return error;
  if (error?.name === 'QuotaExceededError') {
    return fail('quota', 'The device storage is full (QuotaExceededError): nothing was written, ' +
      'the caseload stored before is intact. Free some space, then save again.');
  }
  return fail('storage_refused', `The browser refused its storage (IndexedDB: ${error?.name}: ${error?.message}); ` +
    'private browsing or a site-data setting may forbid it.');
}

const corrupted = (what) => fail('corrupted', `The caseload is damaged (${what}): restore a backup, or erase it and start again.`);
const wrongPassphrase = () => fail('wrong_passphrase', 'Wrong passphrase: nothing was changed.');
const locked = () => fail('locked', 'The caseload is locked: unlock it first.');

function subtle() {
  const found = globalThis.crypto?.subtle;
  if (!found) {
    throw fail('crypto_unavailable', 'No crypto.subtle: serve the page over HTTPS or from localhost (a secure context).');
  }
  return found;
}

function checkPassphrase(passphrase) {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE) {
    throw fail('passphrase_too_short', `The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  }
}

const randomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

/** Whether `value` is a `length`-byte Uint8Array (as IndexedDB gives back what was stored). */
const isBytes = (value, length) => value instanceof Uint8Array && (length === undefined || value.length === length);
const isIterations = (value) => Number.isSafeInteger(value) && value >= ITERATIONS && value <= MAX_ITERATIONS;

/**
 * The AES-GCM 256 key of `passphrase` (NFC-normalised, so that the same
 * accented passphrase typed on any keyboard gives the same key), not extractable.
 */
async function deriveKey(passphrase, salt, iterations) {
  const webCrypto = subtle();
  const material = await webCrypto.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return webCrypto.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function encrypt(key, role, bytes) {
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(role) }, key, bytes);
  return { iv, data: new Uint8Array(data) };
}

/** The plaintext bytes of `sealed` ({iv, data}), or null when AES-GCM refuses them. */
async function decrypt(key, role, sealed) {
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(role) }, key, sealed.data);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** `key` opens `check`: else the passphrase is wrong. */
async function verify(key, check) {
  const plain = await decrypt(key, ROLE.check, check);
  if (!plain) throw wrongPassphrase();
  if (new TextDecoder().decode(plain) !== CHECK_TEXT) throw corrupted('key check');
}

function decodeText(bytes, what) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw corrupted(what);
  }
}

/** The header's key derivation parameters and check, or `corrupted`. */
function readHeader(header) {
  if (header === undefined) throw corrupted('header missing');
  const kdf = header?.kdf;
  if (header?.format !== FORMAT || header.version !== VERSION || kdf?.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' ||
      !isIterations(kdf.iterations) || !isBytes(kdf.salt, SALT_BYTES) || !isSealed(header.check)) {
    throw corrupted('header unreadable');
  }
  return header;
}

const isSealed = (sealed) => isBytes(sealed?.iv, IV_BYTES) && isBytes(sealed.data);

function openDatabase(name, onGone) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = indexedDB.open(name, 1);
    } catch (error) {
      reject(storageError(error));
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab erasing this caseload: let it.
      db.onversionchange = () => { db.close(); onGone(db); };
      db.onclose = () => onGone(db);
      resolve(db);
    };
    request.onerror = () => reject(storageError(request.error));
    request.onblocked = () => reject(fail('storage_refused', 'Another tab holds this caseload open: close it, then try again.'));
  });
}

/**
 * Runs `work(store, stop, guard)` in one transaction; resolves when it is
 * committed, rejects with the error given to `stop` (which aborts it) or
 * with IndexedDB's own, as ours. Nothing of an aborted transaction is
 * written. `guard(callback)` is a request's callback that stops on an exception.
 */
function transact(db, mode, work) {
  return new Promise((resolve, reject) => {
    let failure = null;
    let tx = null;
    const stop = (error) => {
      failure ??= storageError(error);
      try { tx.abort(); } catch { /* already over */ }
    };
    try {
      tx = db.transaction(STORE, mode);
      tx.oncomplete = () => (failure ? reject(failure) : resolve());
      tx.onabort = () => reject(failure ?? storageError(tx.error));
      // Callbacks run later: an exception there must abort too, as ours.
      const guard = (callback) => (...args) => { try { callback(...args); } catch (error) { stop(error); } };
      work(tx.objectStore(STORE), stop, guard);
    } catch (error) {
      if (tx) stop(error);
      else reject(storageError(error));
    }
  });
}

/** The records at `keys`, read in one transaction ({key: value or undefined}). */
async function readRecords(db, keys) {
  const found = {};
  await transact(db, 'readonly', (store, stop, guard) => {
    for (const key of keys) {
      const request = store.get(key);
      request.onsuccess = guard(() => { found[key] = request.result; });
    }
  });
  return found;
}

function toBase64(bytes) {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function fromBase64(text) {
  if (typeof text !== 'string') throw corrupted('backup field missing');
  let binary;
  try {
    binary = atob(text);
  } catch {
    throw corrupted('backup field not base64');
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Opens the caseload vault `name` (database `passerelle-suivi:<name>`).
 * Rejects with code `storage_refused` (no IndexedDB, or the browser refuses
 * it), `crypto_unavailable` (no `crypto.subtle`: not a secure context) or
 * `weak_key` (iterations below {@link ITERATIONS} or above {@link MAX_ITERATIONS}).
 * @param {string} name the caseload's name, e.g. the element's id or 'default'
 * @param {{iterations?: number}} [options] PBKDF2 iterations for `create` and `changePassphrase`
 * @returns {Promise<Vault>}
 */
export async function openVault(name, { iterations = ITERATIONS } = {}) {
  if (!isIterations(iterations)) {
    throw fail('weak_key', `PBKDF2 iterations must be an integer from ${ITERATIONS} to ${MAX_ITERATIONS} (given: ${iterations}).`);
  }
  subtle();
  if (typeof indexedDB === 'undefined' || !indexedDB) {
    throw fail('storage_refused', 'No IndexedDB here: the caseload cannot be kept on this device.');
  }
  const databaseName = `passerelle-suivi:${name}`;
  let connection = null;
  const db = () => (connection ??= openDatabase(databaseName, (gone) => {
    connection?.then((open) => { if (open === gone) connection = null; }, () => {});
  }).catch((error) => { connection = null; throw error; }));
  // Unlocked: the key and the salt it was derived with.
  let key = null;
  let salt = null;
  // The last save asked, settled or not: the next one waits for it.
  let saving = Promise.resolve();
  await db();

  /** The header is no longer the one the key was derived with: forgets the key. */
  const replaced = () => {
    key = null;
    salt = null;
    return fail('locked', 'The caseload was erased or replaced meanwhile (in another tab?): unlock it again.');
  };
  const sameBytes = (a, b) => isBytes(a) && isBytes(b) && toBase64(a) === toBase64(b);

  const requireKey = () => {
    if (!key) throw locked();
    return key;
  };

  /**
   * The stored records opened: with `passphrase` (derived, then checked:
   * else `wrong_passphrase`), or with the unlocked key. Reads only.
   */
  const openStored = async (passphrase, known) => {
    const { header, caseload } = await readRecords(await db(), ['header', 'caseload']);
    if (header === undefined && caseload === undefined) {
      throw fail('no_vault', 'No caseload is stored under this name: create one first.');
    }
    const { kdf, check } = readHeader(header);
    if (known && !sameBytes(kdf.salt, salt)) throw replaced();
    let opener = known;
    if (!opener) {
      if (typeof passphrase !== 'string') throw wrongPassphrase();
      opener = await deriveKey(passphrase, kdf.salt, kdf.iterations);
      await verify(opener, check);
    }
    if (!isSealed(caseload)) throw corrupted('caseload record missing or unreadable');
    const plain = await decrypt(opener, ROLE.caseload, caseload);
    if (!plain) throw corrupted('caseload does not decrypt');
    return { kdf, check, opener, plain };
  };

  /** A new header for `passphrase` (fresh salt), with its key. */
  const newHeader = async (passphrase) => {
    checkPassphrase(passphrase);
    const newSalt = randomBytes(SALT_BYTES);
    const newKey = await deriveKey(passphrase, newSalt, iterations);
    const header = {
      format: FORMAT, version: VERSION,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: newSalt },
      check: await encrypt(newKey, ROLE.check, encoder.encode(CHECK_TEXT)),
    };
    return { header, newKey, newSalt };
  };

  /**
   * Writes `records` ({key: value}) in one transaction, if the header is
   * still the one of `expectedSalt` (else the caseload was erased or
   * replaced in another tab: it is locked, nothing is written).
   */
  const write = async (records, expectedSalt) => transact(await db(), 'readwrite', (store, stop, guard) => {
    const request = store.get('header');
    request.onsuccess = guard(() => {
      if (!sameBytes(request.result?.kdf?.salt, expectedSalt)) {
        stop(replaced());
        return;
      }
      for (const [name, value] of Object.entries(records)) store.put(value, name);
    });
  });

  /** @type {Vault} */
  const vault = {
    async state() {
      if (key) return 'unlocked';
      let count = 0;
      await transact(await db(), 'readonly', (store, stop, guard) => {
        const request = store.count();
        request.onsuccess = guard(() => { count = request.result; });
      });
      return count > 0 ? 'locked' : 'new';
    },

    async create(passphrase) {
      const { header, newKey, newSalt } = await newHeader(passphrase);
      const caseload = await encrypt(newKey, ROLE.caseload, new Uint8Array());
      await transact(await db(), 'readwrite', (store, stop, guard) => {
        const request = store.count();
        request.onsuccess = guard(() => {
          if (request.result > 0) {
            stop(fail('vault_exists', 'A caseload is already stored under this name: unlock it, or erase it first.'));
            return;
          }
          store.put(header, 'header');
          store.put(caseload, 'caseload');
        });
      });
      key = newKey;
      salt = newSalt;
    },

    async unlock(passphrase) {
      const { kdf, opener, plain } = await openStored(passphrase);
      const text = decodeText(plain, 'caseload not UTF-8');
      key = opener;
      salt = kdf.salt;
      return text;
    },

    async save(text) {
      const current = requireKey();
      const currentSalt = salt;
      if (typeof text !== 'string') throw fail('not_text', 'save(text) takes the caseload as a string (its JSON text).');
      // One save after the other, in the order asked: an older caseload
      // never lands over a newer one.
      const mine = saving.then(async () =>
        write({ caseload: await encrypt(current, ROLE.caseload, encoder.encode(text)) }, currentSalt));
      saving = mine.catch(() => {});
      await mine;
    },

    lock() {
      key = null;
      salt = null;
    },

    async exportBackup() {
      const current = requireKey();
      const { kdf, check, plain } = await openStored(null, current);
      const sealed = await encrypt(current, ROLE.backup, plain);
      const backup = {
        format: BACKUP_FORMAT, version: VERSION,
        kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: toBase64(kdf.salt) },
        check: { iv: toBase64(check.iv), data: toBase64(check.data) },
        iv: toBase64(sealed.iv), data: toBase64(sealed.data),
      };
      return encoder.encode(JSON.stringify(backup));
    },

    async readBackup(bytes, passphrase) {
      const notBackup = (why) => fail('not_a_backup', `This file is not a Passerelle caseload backup (${why}).`);
      let backup;
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        backup = JSON.parse(text);
      } catch {
        throw notBackup('not JSON text');
      }
      if (backup?.format !== BACKUP_FORMAT) throw notBackup('no backup format');
      if (backup.version !== VERSION) throw notBackup(`version ${backup.version}, this library reads ${VERSION}`);
      const kdf = backup.kdf;
      const backupSalt = fromBase64(kdf?.salt);
      const check = { iv: fromBase64(backup.check?.iv), data: fromBase64(backup.check?.data) };
      const sealed = { iv: fromBase64(backup.iv), data: fromBase64(backup.data) };
      if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || !isIterations(kdf.iterations) ||
          !isBytes(backupSalt, SALT_BYTES) || !isSealed(check) || !isSealed(sealed)) {
        throw corrupted('backup fields');
      }
      if (typeof passphrase !== 'string') throw wrongPassphrase();
      const candidate = await deriveKey(passphrase, backupSalt, kdf.iterations);
      await verify(candidate, check);
      const plain = await decrypt(candidate, ROLE.backup, sealed);
      if (!plain) throw corrupted('backup does not decrypt');
      return decodeText(plain, 'backup not UTF-8');
    },

    async changePassphrase(oldPassphrase, newPassphrase) {
      checkPassphrase(newPassphrase);
      const { kdf, plain } = await openStored(oldPassphrase);
      const { header, newKey, newSalt } = await newHeader(newPassphrase);
      await write({ header, caseload: await encrypt(newKey, ROLE.caseload, plain) }, kdf.salt);
      key = newKey;
      salt = newSalt;
    },

    async erase() {
      vault.close();
      await new Promise((resolve, reject) => {
        let request;
        try {
          request = indexedDB.deleteDatabase(databaseName);
        } catch (error) {
          reject(storageError(error));
          return;
        }
        request.onsuccess = () => resolve();
        request.onerror = () => reject(storageError(request.error));
      });
    },

    close() {
      vault.lock();
      const closing = connection;
      connection = null;
      closing?.then((open) => open.close(), () => {});
    },
  };
  // Every promise rejects with one of our codes: an unforeseen failure
  // (the browser's own) is told as IndexedDB's.
  for (const method of ['state', 'create', 'unlock', 'save', 'exportBackup', 'readBackup', 'changePassphrase', 'erase']) {
    const run = vault[method];
    vault[method] = (...args) => run(...args).catch((error) => { throw storageError(error); });
  }
  return vault;
}

/**
 * @typedef {object} Vault
 * @property {() => Promise<'new' | 'locked' | 'unlocked'>} state
 * @property {(passphrase: string) => Promise<void>} create
 * @property {(passphrase: string) => Promise<string>} unlock
 * @property {(text: string) => Promise<void>} save
 * @property {() => void} lock
 * @property {() => Promise<Uint8Array>} exportBackup
 * @property {(bytes: Uint8Array | ArrayBuffer, passphrase: string) => Promise<string>} readBackup
 * @property {(oldPassphrase: string, newPassphrase: string) => Promise<void>} changePassphrase
 * @property {() => Promise<void>} erase
 * @property {() => void} close
 */
