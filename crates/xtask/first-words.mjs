// The words the JavaScript shim shows before the WebAssembly module
// arrives, or when it cannot load, in every shipped language: the
// emergency numbers' panel and the fallback sentence. Read from the
// translation files (crates/passerelle-wasm/locales/<tag>/first-words.json
// and crates/passerelle-core/locales/<tag>/alerts.json's `service-*`
// names) and printed as one JSON object, which `cargo xtask package`
// writes into passerelle.js:
//
//   {"languages": {"fr": {"dir", "numbers-title", "fallback-wasm-blocked",
//     "fallback-load-failed", "fallback-file-protocol", "services": {"service-shelter-115":
//     "hébergement d’urgence", …}}, …}, "aliases": {"prs": "fa", …}}
//
// A service's name loses its leading number ("115 : hébergement d’urgence"
// → "hébergement d’urgence"): the panel shows the number as a link before it.
//
// With `--only KEY`, only that sentence of each language, with its
// direction: {"languages": {"fr": {"dir", KEY}, …}, "aliases": {…}}, for
// the classic script `file-protocol.js`, which has no need of the rest.
//
//   node crates/xtask/first-words.mjs <workspace root> [--only KEY]
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
if (!root) throw new Error('usage: node first-words.mjs <workspace root>');
const core = path.join(root, 'crates/passerelle-core/locales');
const widgets = path.join(root, 'crates/passerelle-wasm/locales');
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));

const KEYS = ['numbers-title', 'fallback-wasm-blocked', 'fallback-load-failed', 'fallback-file-protocol'];
const only = process.argv[3] === '--only' ? process.argv[4] : null;
if (only !== null && !KEYS.includes(only)) throw new Error(`--only takes one of ${KEYS.join(', ')}`);
// Only the services the shim lists (`service: '…'` in its EMERGENCY_NUMBERS).
const shim = readFileSync(path.join(root, 'pkg-templates/passerelle.js'), 'utf8');
const SERVICES = [...shim.matchAll(/service: '([a-z0-9-]+)'/g)].map((match) => match[1]);
if (SERVICES.length === 0) throw new Error('pkg-templates/passerelle.js lists no service');
const languages = {};
const aliases = {};
for (const info of read(path.join(core, 'languages.json'))) {
  const words = read(path.join(widgets, info.tag, 'first-words.json'));
  const alerts = read(path.join(core, info.tag, 'alerts.json'));
  const entry = { dir: info.direction };
  for (const key of KEYS) {
    if (typeof words[key] !== 'string') throw new Error(`${info.tag}/first-words.json has no ${key}`);
    entry[key] = words[key];
  }
  entry.services = {};
  for (const key of SERVICES) {
    const text = alerts[key];
    const number = /-(\d+)$/.exec(key)?.[1];
    if (typeof text !== 'string' || !number) throw new Error(`${info.tag}/alerts.json has no ${key} ending in its number`);
    const name = text.replace(new RegExp(`^${number}[\\s\\u00a0\\u202f]*:[\\s\\u00a0\\u202f]*`), '');
    if (name === text) throw new Error(`${info.tag}/alerts.json ${key} does not start with "${number}:"`);
    entry.services[key] = name;
  }
  languages[info.tag] = only === null ? entry : { dir: entry.dir, [only]: entry[only] };
  for (const alias of info.aliases ?? []) aliases[alias.toLowerCase()] = info.tag;
}
process.stdout.write(JSON.stringify({ languages, aliases }));
